"""First contact, trust and login through `status --json`, against real loopback sockets."""

from __future__ import annotations

import socket
import time

import pytest

from app import paths
from app.printers.address import parse_address
from app.printers.epson.driver import EpsonDriver
from app.trust import TrustChoice
from tests.driver.conftest import login_args

CEILING = 12.0  # 3x the 4 s first-contact goal: catches a hang, not a slow machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_nothing_listening_is_unreachable(cli) -> None:
    started = time.monotonic()
    run = cli(["status", "--printer", f"127.0.0.1:{_free_port()}", "--password-stdin"], "pw\n")
    assert (run.status, run.error_code) == (3, "unreachable")
    assert time.monotonic() - started < CEILING


def test_a_listener_that_never_answers_is_unreachable(cli) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        started = time.monotonic()
        port = silent.getsockname()[1]
        run = cli(["status", "--printer", f"127.0.0.1:{port}", "--password-stdin"], "pw\n")
        assert (run.status, run.error_code) == (3, "unreachable")
        assert time.monotonic() - started < CEILING


def test_an_untrusted_certificate_stops_before_the_password_is_sent(cli, simulation) -> None:
    sim = simulation()
    run = cli(["status", "--printer", sim.device.http_url, "--password-stdin"], "secret\n")
    assert (run.status, run.error_code) == (3, "certificate_untrusted")
    assert sim.device.fingerprint in run.one("error")["message"]
    assert not sim.device.requests(("login",))


def test_a_given_fingerprint_must_match(cli, simulation) -> None:
    sim = simulation()
    wrong = ":".join(["AB"] * 32)
    base = ["status", "--printer", sim.device.https_url, "--password-stdin"]
    run = cli([*base, "--fingerprint", wrong], sim.device.admin_password)
    assert run.error_code == "certificate_untrusted"
    run = cli([*base, "--fingerprint", sim.device.fingerprint], sim.device.admin_password)
    assert run.status == 0


def test_a_changed_certificate_needs_the_new_fingerprint(cli, simulation) -> None:
    sim = simulation()
    argv, password = login_args(sim)
    assert cli(["status", *argv], password).status == 0
    old = sim.device.fingerprint
    sim.device.restart(new_certificate=True)
    new = sim.device.fingerprint
    assert new != old
    base = ["status", "--printer", sim.device.https_url, "--password-stdin"]
    for extra in ([], ["--trust-new-certificate"], ["--accept-changed-certificate", old]):
        run = cli([*base, *extra], password)
        assert (run.status, run.error_code) == (3, "certificate_changed")
        assert old in run.one("error")["message"]
        assert new in run.one("error")["message"]
    run = cli([*base, "--accept-changed-certificate", new], password)
    assert run.status == 0
    assert run.one("connected")["fingerprint"] == new
    assert cli(base, password).status == 0, "the new certificate is now the pin"


def test_a_malformed_fingerprint_is_a_usage_error(cli, simulation, capsys) -> None:
    with pytest.raises(SystemExit) as caught:
        cli(["status", "--printer", "127.0.0.1", "--fingerprint", "xyz"])
    assert caught.value.code == 2


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(
    ("scenario", "status", "code"),
    [("wrong-password", 4, "wrong_password"), ("locked-out", 4, "locked_out")],
)
def test_login_failures_end_in_their_code(cli, simulation, language, scenario, status, code):
    sim = simulation(scenario=scenario, language=language)
    argv, password = login_args(sim)
    run = cli(["status", *argv], password)
    assert (run.status, run.error_code) == (status, code)
    assert run.one("error")["help_topic"] == code


@pytest.mark.parametrize("model", ["wf-c5890", "et-2850"])
def test_a_wrong_password_is_wrong_on_both_login_forms(cli, simulation, model) -> None:
    sim = simulation(model=model)
    argv, _ = login_args(sim)
    run = cli(["status", *argv], "not-the-serial\n")
    assert (run.status, run.error_code) == (4, "wrong_password")


def test_an_expired_session_is_recovered_by_one_login(simulation) -> None:
    sim = simulation(scenario="session-expired")
    driver = EpsonDriver(parse_address(sim.device.https_url), trust=TrustChoice(trust_new=True))
    try:
        driver.reach()
        driver.login("", sim.device.admin_password)
        first = driver.read_email_settings()
        assert driver.read_email_settings() == first
    finally:
        driver.close()
    assert len([r for r in sim.device.requests(("login",)) if r.method == "POST"]) == 2


def test_a_page_not_understood_is_saved_without_secrets(cli, simulation) -> None:
    sim = simulation(scenario="truncated-page", fault_after_writes=0)
    argv, password = login_args(sim)
    run = cli(["status", *argv], password)
    assert (run.status, run.error_code) == (6, "unsupported_page")
    captures = list(paths.current().captures_dir.glob("*.html"))
    assert captures, "a redacted copy is kept for support"
    for capture in captures:
        text = capture.read_text(encoding="utf-8")
        assert sim.device.admin_password not in text
        assert sim.device.spec.serial not in text


def test_a_profile_can_pin_the_email_page(cli, simulation, tmp_path, monkeypatch) -> None:
    sim = simulation(variant=7)
    page = f"/PRESENTATION/ADVANCED/{sim.device.layout.email_page}/TOP"
    pins = tmp_path / "profile.toml"
    pins.write_text(f'[pages]\nemail = "{page}"\n', encoding="utf-8")
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_PROFILE", str(pins))
    argv, password = login_args(sim)
    run = cli(["status", *argv], password)
    assert run.status == 0, run.events
    assert run.one("status")["auth_method"] == sim.device.settings()["auth_method"]
    pins.write_text('[pages]\nemail = "/PRESENTATION/ADVANCED/NOWHERE/TOP"\n', encoding="utf-8")
    assert cli(["status", *argv], password).error_code == "unsupported_page"
