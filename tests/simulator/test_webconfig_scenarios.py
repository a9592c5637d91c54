"""Every printer-side scenario's trigger: what the device answers and what it holds after.
Identity-side scenarios are checked as the device shows them on its state line."""

from __future__ import annotations

import time

import pytest
import requests

from app.simulator.device import Printer
from app.simulator.run import Simulation
from tests.simulator.procedure import (
    Procedure,
    ProcedureError,
    device_session,
    logged_in,
    parse,
    row_value,
)

T = (3, 10)


def _signed_in_pending(sim: Simulation) -> tuple[Procedure, str]:
    """Logged in, signed in at the identity, OK not yet pressed."""
    procedure, url = logged_in(sim.device)
    procedure.sign_in(url, "exchange")
    procedure.wait_signed_in(url)
    return procedure, url


@pytest.mark.parametrize(
    ("scenario", "text"),
    [("wrong-password", "Incorrect user name or password"), ("locked-out", "Try again later.")],
)
def test_login_scenarios_refuse_every_login(scenario: str, text: str) -> None:
    with Printer(scenario=scenario) as printer:
        for _ in range(2):
            with pytest.raises(ProcedureError, match=text):
                logged_in(printer)
        assert printer.sessions == {}


def test_session_expired_after_the_first_settings_page_and_a_relogin_works() -> None:
    with Printer(scenario="session-expired") as printer:
        procedure, url = logged_in(printer)
        with procedure.session:
            assert "Authentication Method" in procedure.get(url).text
            assert 'type="password"' in procedure.get(url).text
            assert "Authentication Method" not in procedure.get(url).text
            procedure.log_in()
            for _ in range(2):
                assert "Authentication Method" in procedure.get(url).text


def test_restart_before_commit_loses_the_sign_in_and_saves_nothing() -> None:
    with Simulation(
        scenario="restart-before-commit", poll_interval=1, auto_approve=0, restart_seconds=0.4
    ) as sim:
        printer = sim.device
        ports, fingerprint = (printer.http_port, printer.https_port), printer.fingerprint
        procedure, url = _signed_in_pending(sim)
        with procedure.session:
            with pytest.raises(requests.ConnectionError):
                procedure.commit(url, "exchange")
            _wait_until_up(printer)
            assert printer.restarts == 1
            assert (printer.http_port, printer.https_port) == ports
            assert printer.fingerprint == fingerprint
            assert printer.settings()["auth_method"] == "smtp_auth"
            assert printer.sign_in_state() is None
            assert 'type="password"' in procedure.get(url).text  # sessions gone
            procedure.log_in()
            page = procedure.get(url).text
            assert "Signed in" not in page
        procedure, url = _signed_in_pending(sim)
        with procedure.session:
            assert "Setup complete." in procedure.commit(url, "exchange")
        assert printer.settings()["signed_in"] is True


def _wait_until_up(printer: Printer) -> None:
    deadline = time.monotonic() + 10
    with device_session(printer.cert_file, printer.fingerprint) as session:
        while time.monotonic() < deadline:
            try:
                session.get(
                    printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=(1, 5)
                )
                return
            except requests.RequestException:  # refused while down, or slow on a busy machine
                time.sleep(0.1)
    raise AssertionError("the device did not come back")


def test_commit_refused_saves_nothing_once() -> None:
    with Simulation(scenario="commit-refused", poll_interval=1, auto_approve=0) as sim:
        procedure, url = _signed_in_pending(sim)
        with procedure.session:
            assert "Setup failed." in procedure.commit(url, "exchange")
            assert sim.device.settings()["auth_method"] == "smtp_auth"
            assert "Setup complete." in procedure.commit(url, "exchange")
        assert sim.device.settings()["auth_method"] == "oauth2"


def test_verify_mismatch_says_complete_but_keeps_the_old_method() -> None:
    with Simulation(scenario="verify-mismatch", poll_interval=1, auto_approve=0) as sim:
        procedure, url = _signed_in_pending(sim)
        with procedure.session:
            assert "Setup complete." in procedure.commit(url, "exchange")
            stored = sim.device.settings()
            assert (stored["auth_method"], stored["signed_in"]) == ("smtp_auth", False)
            method = procedure.settings_form(url).field("Authentication Method")
            page = procedure.get(url).text
            assert f'value="{method.options["SMTP AUTH"]}" selected' in page
        procedure, url = _signed_in_pending(sim)
        with procedure.session:
            assert "Setup complete." in procedure.commit(url, "exchange")
        assert sim.device.settings()["auth_method"] == "oauth2"


def test_connection_test_fails() -> None:
    with Simulation(scenario="connection-test-fails", poll_interval=1, auto_approve=0) as sim:
        procedure, url = _signed_in_pending(sim)
        printer = sim.device
        with procedure.session:
            procedure.commit(url, "exchange")
            test_url = f"{printer.https_url}/PRESENTATION/ADVANCED/{printer.layout.test_page}"
            token = procedure.get(test_url + "/TOP").text.split('name="INPUTT_SETUPTOKEN" value="')[
                1
            ][:32]
            answer = procedure.session.post(
                test_url + "/SET", data={"INPUTT_SETUPTOKEN": token}, timeout=T
            )
        assert "SMTP server communication error" in row_value(answer.text, "Result")
        assert printer.settings()["signed_in"] is True


FAULT_ERRORS = (requests.ConnectionError, requests.exceptions.ChunkedEncodingError)


def _fetch(procedure: Procedure, url: str, fault: str) -> str:
    """What a client makes of one settings-page request: "ok", or the fault it met."""
    try:
        answer = procedure.session.get(url, timeout=(3, 3))
    except requests.ReadTimeout:
        return "silent"
    except FAULT_ERRORS:
        return "reset-mid-page"
    if answer.status_code == 500:
        return "http-500"
    if "Authentication Method" not in answer.text:
        assert len(answer.content) == int(answer.headers["Content-Length"])
        return "truncated-page"
    return "ok"


FAULTS = ("reset-mid-page", "http-500", "truncated-page", "silent")
STRIKES = {"reset-mid-page": 2}


@pytest.mark.parametrize("fault", FAULTS)
def test_transport_fault_strikes_after_the_first_write_then_recovers(fault: str) -> None:
    with Simulation(scenario=fault, poll_interval=1) as sim:
        printer = sim.device
        procedure, url = logged_in(printer)
        with procedure.session:
            assert _fetch(procedure, url, fault) == "ok"  # before the first write: untouched
            procedure.sign_in(url, "exchange")
            assert printer.writes == 1
            seen = [_fetch(procedure, url, fault) for _ in range(STRIKES.get(fault, 1) + 1)]
            info = procedure.get(printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP")
        assert seen == [fault] * STRIKES.get(fault, 1) + ["ok"]
        assert info.ok
        assert printer.settings()["auth_method"] == "smtp_auth"
        struck = [r for r in printer.requests() if r.fault]
        assert [r.fault for r in struck] == [fault] * STRIKES.get(fault, 1)


@pytest.mark.parametrize("fault", FAULTS)
def test_transport_fault_can_strike_before_the_first_write(fault: str) -> None:
    with Printer(scenario=fault, fault_after_writes=0) as printer:
        procedure, url = logged_in(printer)
        with procedure.session:
            seen = [_fetch(procedure, url, fault) for _ in range(STRIKES.get(fault, 1) + 1)]
        assert seen == [fault] * STRIKES.get(fault, 1) + ["ok"]
        assert printer.writes == 0


@pytest.mark.parametrize(
    ("scenario", "state"),
    [
        ("sign-in-declined", "Sign-in declined"),
        ("sign-in-blocked", "Sign-in blocked (AADSTS53003)"),
        ("consent-required", "Sign-in error (AADSTS65001)"),
    ],
)
def test_identity_refusals_show_on_the_state_line(scenario: str, state: str) -> None:
    with Simulation(scenario=scenario, poll_interval=1) as sim:
        procedure, url = logged_in(sim.device)
        with procedure.session:
            answer = procedure.sign_in(url, "exchange")
            user_code, _ = procedure.code_and_url(answer.text)
            if scenario == "sign-in-declined":
                sim.identity.decline(user_code)
            else:
                sim.identity.approve(user_code)
            deadline = time.monotonic() + 10
            shown = ""
            while time.monotonic() < deadline and shown != state:
                shown = row_value(procedure.get(url).text, "Current Status")
                time.sleep(0.2)
        assert shown == state
        assert sim.device.settings()["auth_method"] == "smtp_auth"


def test_code_expired_then_a_new_code_works() -> None:
    with Simulation(scenario="code-expired", poll_interval=1, auto_approve=0) as sim:
        procedure, url = logged_in(sim.device)
        with procedure.session:
            first, _ = procedure.code_and_url(procedure.sign_in(url, "exchange").text)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and sim.device.sign_in_state() != "expired":
                time.sleep(0.1)
            assert row_value(procedure.get(url).text, "Current Status") == "Expired"
            second, _ = procedure.code_and_url(procedure.sign_in(url, "exchange").text)
            assert second != first
            assert procedure.wait_signed_in(url) == sim.identity.account


def test_identity_unavailable_answers_on_the_device() -> None:
    with Simulation(scenario="identity-unavailable", poll_interval=1) as sim:
        procedure, url = logged_in(sim.device)
        with procedure.session:
            answer = procedure.sign_in(url, "exchange")
        assert "Could not connect to the authentication server" in parse(answer.text).text()
        assert sim.device.internal_errors == []
