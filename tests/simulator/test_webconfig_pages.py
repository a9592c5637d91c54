"""What the simulated Web Config shows and accepts, page by page (facts/epson-web-config.md)."""

from __future__ import annotations

import re
import time

import pytest
import requests

from app.simulator.device import Printer
from app.simulator.run import Simulation
from tests.simulator.procedure import (
    Procedure,
    device_session,
    forms,
    logged_in,
    parse,
    row_value,
)

T = (3, 10)
TOKEN = re.compile(r'name="INPUTT_SETUPTOKEN" value="([0-9a-f]+)"')


@pytest.fixture
def printer():
    with Printer(variant=0) as device:
        yield device


def _session(printer: Printer) -> requests.Session:
    return device_session(printer.cert_file, printer.fingerprint)


def _form_data(page: str, url: str, label: str = "Authentication Method") -> tuple[dict, str]:
    form = next(f for f in forms(page, url) if f.field(label) is not None)
    return form.values(), form.action


def test_http_redirects_to_https_with_epson_banner(printer: Printer) -> None:
    with requests.Session() as plain:
        plain.trust_env = False
        for method in ("GET", "POST"):
            answer = plain.request(
                method,
                printer.http_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP",
                timeout=T,
                allow_redirects=False,
            )
            assert answer.status_code == 307
            assert (
                answer.headers["Location"]
                == printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP"
            )
            assert answer.headers["Server"] == "EPSON-HTTP/1.0"


def test_status_pages_need_no_login(printer: Printer) -> None:
    with _session(printer) as session:
        info = session.get(printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=T)
        network = session.get(
            printer.https_url + "/PRESENTATION/ADVANCED/INFO_NWINFO/TOP", timeout=T
        )
    assert '<meta name="Author" content="SEIKO EPSON">' in info.text
    assert "<title>WF-C5890 Series</title>" in info.text
    assert row_value(info.text, "Serial Number") == printer.admin_password
    assert row_value(info.text, "Firmware Version") == printer.spec.firmware
    assert row_value(info.text, "MAC Address") == printer.spec.mac
    assert row_value(network.text, "Device Name") == "EPSON3B9197"
    assert row_value(network.text, "IP Address") == "127.0.0.1"
    assert row_value(network.text, "Network Interface") == "Standard Network"
    for label in ("Subnet Mask", "Default Gateway", "DNS Server"):
        assert row_value(network.text, label) is not None


def test_additional_network_interface_is_shown_and_refuses_oauth2() -> None:
    with Simulation(model="wf-c879r", interface="additional", poll_interval=1) as sim:
        printer = sim.device
        procedure, url = logged_in(printer)
        with procedure.session:
            network = procedure.get(
                printer.https_url + "/PRESENTATION/ADVANCED/INFO_NWINFO/TOP"
            ).text
            assert "Standard Network" in network and "Additional Network" in network
            answer = procedure.sign_in(url, "exchange")
        assert "not available on the additional network" in answer.text
        assert printer.sign_in_state() is None


def test_protected_page_answers_200_with_the_login_form(printer: Printer) -> None:
    url = f"{printer.https_url}/PRESENTATION/ADVANCED/{printer.layout.email_page}/TOP"
    with _session(printer) as session:
        answer = session.get(url, timeout=T)
    assert answer.status_code == 200
    assert 'name="INPUTT_PASSWORD"' in answer.text
    assert "Authentication Method" not in answer.text


@pytest.mark.parametrize(("variant", "fields"), [(0, "accessmethod"), (1, "sessiontype")])
def test_business_login_field_sets(variant: int, fields: str) -> None:
    with Printer(variant=variant) as printer, _session(printer) as session:
        assert printer.layout.login_fields == fields
        page = session.get(
            printer.https_url + "/PRESENTATION/ADVANCED/PASSWORD/TOP", timeout=T
        ).text
        expected = "INPUTT_ACCSESSMETHOD" if fields == "accessmethod" else "SEL_SESSIONTYPE"
        assert expected in page
        other = (
            {"SEL_SESSIONTYPE": "ADMIN"}
            if fields == "accessmethod"
            else {"INPUTT_ACCSESSMETHOD": "0", "INPUTT_DUMMY": ""}
        )
        login = printer.https_url + "/PRESENTATION/ADVANCED/PASSWORD/SET"
        base = {"INPUTT_USERNAME": "", "INPUTT_PASSWORD": printer.admin_password, "access": "https"}
        session.post(login, data={**base, **other}, timeout=T)
        assert "EPSON_COOKIE_SESSION" not in session.cookies
        data, _ = _form_data(page, login, "Current password")
        session.post(login, data={**data, "INPUTT_PASSWORD": printer.admin_password}, timeout=T)
        assert "EPSON_COOKIE_SESSION" in session.cookies


def test_consumer_login_cookie() -> None:
    with Printer("et-2850") as printer, _session(printer) as session:
        answer = session.post(
            printer.https_url + "/PRESENTATION/PSWD",
            data={
                "session": printer.admin_password,
                "dummy": "",
                "from": "top",
                "trigger": "set",
                "access": "https",
            },
            timeout=T,
            allow_redirects=False,
        )
        assert answer.status_code == 302
        assert re.fullmatch(
            r"session&[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}",
            session.cookies["EPSON_COOKIE_SESSION"],
        )
        page = session.get(
            f"{printer.https_url}/PRESENTATION/ADVANCED/{printer.layout.email_page}/TOP", timeout=T
        )
        assert "Authentication Method" in page.text


@pytest.mark.parametrize(
    ("language", "wrong", "locked"),
    [
        ("en", "Incorrect user name or password", "Try again later."),
        ("it", "Password errata.", "Riprovare più tardi."),
    ],
)
def test_wrong_password_then_lock_out(language: str, wrong: str, locked: str) -> None:
    with Printer(language=language) as printer, _session(printer) as session:
        login = printer.https_url + "/PRESENTATION/ADVANCED/PASSWORD/SET"
        data = {
            "INPUTT_USERNAME": "",
            "INPUTT_ACCSESSMETHOD": "0",
            "INPUTT_DUMMY": "",
            "access": "https",
        }
        for _ in range(printer.layout.lockout_threshold - 1):
            answer = session.post(login, data={**data, "INPUTT_PASSWORD": "nope"}, timeout=T)
            assert wrong in answer.text
        answer = session.post(login, data={**data, "INPUTT_PASSWORD": "nope"}, timeout=T)
        assert locked in answer.text
        answer = session.post(
            login, data={**data, "INPUTT_PASSWORD": printer.admin_password}, timeout=T
        )
        assert locked in answer.text
        assert "EPSON_COOKIE_SESSION" not in session.cookies


def test_oversized_login_input_is_refused_quietly(printer: Printer) -> None:
    with _session(printer) as session:
        answer = session.post(
            printer.https_url + "/PRESENTATION/ADVANCED/PASSWORD/SET",
            data={
                "INPUTT_USERNAME": "x" * 5000,
                "INPUTT_PASSWORD": printer.admin_password,
                "INPUTT_ACCSESSMETHOD": "0",
                "INPUTT_DUMMY": "",
                "access": "https",
            },
            timeout=T,
        )
    assert answer.status_code == 200
    assert "Incorrect user name or password" in answer.text
    assert printer.internal_errors == []


def test_menu_nests_basic_under_several_groups(printer: Printer) -> None:
    with _session(printer) as session:
        menu = session.get(printer.https_url + printer.layout.menu_path, timeout=T).text
    links = [a for a in parse(menu).find_all("a") if a.text() == "Basic"]
    assert len(links) >= 4
    assert sum(printer.layout.email_page in a.attrs["href"] for a in links) == 1


def test_setup_token_changes_after_every_set_and_dies_on_restart(printer: Printer) -> None:
    procedure, url = logged_in(printer)
    with procedure.session as session:
        page = session.get(url, timeout=T).text
        first = TOKEN.search(page).group(1)
        data, action = _form_data(page, url)
        done = session.post(f"{printer.https_url}{action}", data={**data, "SET": "OK"}, timeout=T)
        assert "Setup complete." in done.text
        second = TOKEN.search(session.get(url, timeout=T).text).group(1)
        assert second != first
        stale = session.post(f"{printer.https_url}{action}", data={**data, "SET": "OK"}, timeout=T)
        assert "Reload the page" in stale.text
        missing = {k: v for k, v in data.items() if k != "INPUTT_SETUPTOKEN"}
        assert (
            "Reload the page"
            in session.post(f"{printer.https_url}{action}", data=missing, timeout=T).text
        )
        token = TOKEN.search(session.get(url, timeout=T).text).group(1)
        printer.restart()
        assert 'name="INPUTT_PASSWORD"' in session.get(url, timeout=T).text  # session gone
    procedure, url = logged_in(printer)
    with procedure.session as session:
        assert TOKEN.search(session.get(url, timeout=T).text).group(1) != token


def test_passwords_never_shown_and_empty_password_keeps_the_stored_one(printer: Printer) -> None:
    procedure, url = logged_in(printer)
    with procedure.session as session:
        page = session.get(url, timeout=T).text
        assert "Scanner2021" not in page
        password = printer.layout.fields["password"]
        assert re.search(rf'type="password" name="{password}" id="{password}" value=""', page)
        data, action = _form_data(page, url)
        session.post(f"{printer.https_url}{action}", data={**data, "SET": "OK"}, timeout=T)
    assert printer.stored["email"].password == "Scanner2021"


def test_language_cookie_honoured_only_where_the_variant_says(printer: Printer) -> None:
    for variant, honoured in ((0, True), (1, False)):
        with Printer(variant=variant, language="it") as device, _session(device) as session:
            assert device.layout.honours_language_cookie is honoured
            session.cookies.set("EPSON_COOKIE_LANG", "lang_b&1/lang_a&1")
            page = session.get(
                device.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=T
            ).text
            assert ("Serial Number" in page) is honoured
            assert ("Numero di serie" in page) is not honoured
            assert device.language == "it"


def test_fax_page_has_its_own_settings_and_only_on_fax_models() -> None:
    with Printer() as printer:
        procedure, _ = logged_in(printer)
        with procedure.session as session:
            page = session.get(
                f"{printer.https_url}/PRESENTATION/ADVANCED/{printer.layout.fax_page}/TOP",
                timeout=T,
            )
        assert "Email Server Settings" in page.text
        assert "fax@contoso.com" in page.text
        assert printer.settings("fax")["account"] == "fax@contoso.com"
        assert printer.settings("email")["account"] == "scanner@contoso.com"
    with Printer("ds-790wn") as scanner:
        procedure, _ = logged_in(scanner)
        with procedure.session as session:
            menu = session.get(scanner.https_url + scanner.layout.menu_path, timeout=T).text
            page = session.get(
                f"{scanner.https_url}/PRESENTATION/ADVANCED/{scanner.layout.fax_page}/TOP",
                timeout=T,
            )
        assert "Fax Server" not in menu
        assert page.status_code == 404


def test_connection_test_reports_basic_auth_refused_then_ok_after_oauth2() -> None:
    with Simulation(poll_interval=1, auto_approve=0) as sim:
        printer = sim.device
        procedure, url = logged_in(printer)
        with procedure.session:
            assert "SMTP server authentication error" in _connection_test(procedure, printer)
            procedure.sign_in(url, "exchange")
            procedure.wait_signed_in(url)
            assert "Setup complete." in procedure.commit(url, "exchange")
            assert "Connection test was successful." in _connection_test(procedure, printer)


def _connection_test(procedure: Procedure, printer: Printer) -> str:
    url = f"{printer.https_url}/PRESENTATION/ADVANCED/{printer.layout.test_page}/TOP"
    page = procedure.get(url).text
    form = forms(page, url)[0]
    answer = form.submit(procedure.session, form.button("Start"), {})
    return row_value(answer.text, "Result") or ""


def test_restart_keeps_ports_and_certificate_unless_asked(printer: Printer) -> None:
    ports, fingerprint = (printer.http_port, printer.https_port), printer.fingerprint
    printer.restart()
    assert (printer.http_port, printer.https_port) == ports
    assert printer.fingerprint == fingerprint
    printer.restart(new_certificate=True)
    assert (printer.http_port, printer.https_port) == ports
    assert printer.fingerprint != fingerprint
    with _session(printer) as session:
        assert session.get(
            printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=T
        ).ok


def test_latency_and_fixed_ports() -> None:
    with Printer() as probe:
        free = (probe.http_port, probe.https_port)
    with (
        Printer(latency_ms=300, http_port=free[0], https_port=free[1]) as printer,
        _session(printer) as session,
    ):
        assert (printer.http_port, printer.https_port) == free
        started = time.monotonic()
        session.get(printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=T)
        assert time.monotonic() - started >= 0.3


def test_snapshot_and_request_log(printer: Printer) -> None:
    snapshot = printer.settings()
    assert snapshot == {
        "auth_method": "smtp_auth",
        "service": None,
        "signed_in": False,
        "account": "scanner@contoso.com",
        "auth_account": "scanner@contoso.com",
        "has_password": True,
        "smtp_server": "smtp.office365.com",
        "smtp_port": 587,
        "security": "starttls",
        "cert_validation": True,
        "sender": "scanner@contoso.com",
        "pop3_server": "outlook.office365.com",
        "pop3_port": 995,
    }
    procedure, url = logged_in(printer)
    with procedure.session:
        procedure.get(url)
    kinds = [record.kind for record in printer.requests()]
    assert kinds == ["redirect", "menu", "menu", "menu", "login", "login", "settings"]
    assert printer.request_count() == 7


def test_fax_page_signs_in_on_its_own() -> None:
    with Simulation(poll_interval=1, auto_approve=0) as sim:
        printer = sim.device
        procedure, _ = logged_in(printer)
        fax = f"{printer.https_url}/PRESENTATION/ADVANCED/{printer.layout.fax_page}/TOP"
        with procedure.session:
            procedure.sign_in(fax, "exchange")
            assert printer.sign_in_state("fax") is not None
            assert printer.sign_in_state("email") is None
            assert procedure.wait_signed_in(fax) == sim.identity.account
            assert "Setup complete." in procedure.commit(fax, "exchange")
        assert printer.settings("fax")["auth_method"] == "oauth2"
        assert printer.settings("fax")["signed_in"] is True
        assert printer.settings("email")["auth_method"] == "smtp_auth"


def test_stop_during_a_restart_keeps_the_device_off() -> None:
    printer = Printer(restart_seconds=0.3).start()
    port = printer.https_port
    printer.restart_in_background()
    time.sleep(0.1)
    printer.stop()
    time.sleep(0.5)
    with _session(printer) as session, pytest.raises(requests.ConnectionError):
        session.get(f"https://127.0.0.1:{port}/", timeout=(1, 1))
