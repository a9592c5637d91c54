"""`configure --json` against the simulator: verified on every OAuth2 model and variant, and
every printer-side scenario ends in its own code with the device as before or verified."""

from __future__ import annotations

import asyncio

import pytest

from app import config, logs, paths
from app.errors import VerifyMismatch
from app.flow.services import PrinterSession
from app.flow.setup import SETUP_FLOW
from app.headless import drive
from app.printers.address import parse_address
from app.printers.base import AuthMethod, EmailSettings, Service
from app.printers.epson.driver import EpsonDriver
from app.simulator import models
from app.trust import TrustChoice
from tests.driver.conftest import login_args
from tests.stand_ins import BUG_TEXT, bug_after_ok

OAUTH2_MODELS = sorted(m for m, spec in models.MODELS.items() if spec.oauth2)


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    """The device's state is read every second (the fastest DESIGN.md allows)."""
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_POLL_INTERVAL", "1")


def configure(cli, sim, service: str = "exchange"):
    argv, password = login_args(sim)
    return cli(["configure", *argv, "--service", service], password)


def start(simulation, **options):
    options.setdefault("auto_approve", 0)
    options.setdefault("poll_interval", 1)
    return simulation(**options)


def assert_verified(run, sim, service: str = "exchange") -> None:
    assert run.status == 0, run.events
    assert run.error_code is None
    assert [e["event"] for e in run.events if e["event"] in ("saved", "verified")] == [
        "saved",
        "verified",
    ]
    status = run.one("status")
    stored = sim.device.settings()
    assert status["auth_method"] == stored["auth_method"] == "oauth2"
    assert status["service"] == stored["service"] == service
    assert status["signed_in"] is stored["signed_in"] is True
    assert status["account"] == stored["account"] == run.one("signed_in")["account"]


CASES = sorted(
    {(OAUTH2_MODELS[v % len(OAUTH2_MODELS)], v) for v in range(20)}
    | {(model, 0) for model in OAUTH2_MODELS}
)


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize(("model", "variant"), CASES)
def test_configure_ends_verified(cli, simulation, model, variant, language) -> None:
    sim = start(simulation, model=model, variant=variant, language=language)
    run = configure(cli, sim)
    assert_verified(run, sim)
    argv, password = login_args(sim)
    after = cli(["status", *argv], password).one("status")
    assert after["auth_method"] == "oauth2"
    assert after["signed_in"] is True
    assert after["account"] == run.one("signed_in")["account"]
    assert sim.device.language == language


def test_outlook_for_a_personal_account(cli, simulation) -> None:
    sim = start(simulation, model="et-2850")
    run = configure(cli, sim, "outlook")
    assert_verified(run, sim, "outlook")
    assert run.one("status")["smtp_server"] == "smtp-mail.outlook.com"


def test_old_firmware_is_left_untouched(cli, simulation) -> None:
    sim = start(simulation, model="wf-c5790-old")
    before = sim.device.settings()
    run = configure(cli, sim)
    assert (run.status, run.error_code) == (6, "oauth2_unsupported")
    assert sim.device.writes == 0
    assert sim.device.settings() == before


def test_the_additional_network_is_refused_before_any_write(cli, simulation) -> None:
    sim = start(simulation, model="wf-c879r", interface="additional")
    run = configure(cli, sim)
    assert (run.status, run.error_code) == (6, "additional_network")
    assert sim.device.writes == 0


def test_at_most_20_requests_polls_aside(cli, simulation) -> None:
    sim = start(simulation)
    assert_verified(configure(cli, sim), sim)
    assert sim.device.request_count(exclude=("poll",)) <= 20


def test_an_expired_code_is_reported_and_replaced(cli, simulation) -> None:
    sim = start(simulation, scenario="code-expired")
    run = configure(cli, sim)
    assert_verified(run, sim)
    assert len(run.named("device_code")) == 2
    assert [w["code"] for w in run.named("warning")].count("code_expired") == 1


RESTORED = [
    ("commit-refused", "commit_failed", {}),
    ("verify-mismatch", "verify_mismatch", {}),
    ("restart-before-commit", "commit_failed", {"restart_seconds": 0.5}),
    ("reset-mid-page", "unreachable", {}),
    ("http-500", "unsupported_page", {}),
    ("truncated-page", "unsupported_page", {}),
    ("silent", "unreachable", {}),
    ("sign-in-declined", "sign_in_declined", {}),
    ("sign-in-blocked", "sign_in_blocked", {}),
    ("consent-required", "consent_required", {}),
]


@pytest.mark.parametrize(("scenario", "code", "options"), RESTORED)
def test_a_failure_after_the_first_write_restores_the_device(
    cli, simulation, monkeypatch, scenario, code, options
) -> None:
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_READ_TIMEOUT", "1")
    sim = start(simulation, scenario=scenario, **options)
    before = sim.device.settings()
    run = configure(cli, sim)
    assert run.error_code == code, run.events
    assert run.status in (3, 5, 6)
    assert run.one("error")["help_topic"] == code
    assert sim.device.settings() == before, "put back field by field"
    assert sim.device.writes >= 1, "the failure came after the first write"


def test_an_unforeseen_exception_ends_in_internal_error_with_the_device_restored(
    cli, simulation, monkeypatch, capsys
) -> None:
    """The bug is a stand-in (tests/stand_ins.py): no real part raises one on demand."""
    sim = start(simulation)
    before = sim.device.settings()
    bug_after_ok(monkeypatch)
    run = configure(cli, sim)
    assert (run.status, run.error_code) == (1, "internal_error"), run.events
    assert run.one("error")["help_topic"] == "internal_error"
    assert "KeyError" in run.one("error")["message"]
    assert sim.device.writes >= 1 and sim.device.settings() == before, "put back field by field"
    assert "Traceback" not in capsys.readouterr().err
    log = (paths.current().log_dir / logs.LOG_NAME).read_text(encoding="utf-8")
    assert "Traceback" in log and BUG_TEXT in log
    assert sim.device.admin_password not in log


def test_a_failed_connection_test_keeps_the_verified_settings(cli, simulation) -> None:
    sim = start(simulation, scenario="connection-test-fails")
    run = configure(cli, sim)
    assert (run.status, run.error_code) == (6, "connection_test_failed")
    assert [e["event"] for e in run.events if e["event"] == "verified"] == ["verified"]
    assert sim.device.settings()["auth_method"] == "oauth2"
    assert sim.device.settings()["signed_in"] is True


@pytest.mark.parametrize(
    ("scenario", "status", "code"),
    [("wrong-password", 4, "wrong_password"), ("locked-out", 4, "locked_out")],
)
def test_login_failures_write_nothing(cli, simulation, scenario, status, code) -> None:
    sim = start(simulation, scenario=scenario)
    run = configure(cli, sim)
    assert (run.status, run.error_code) == (status, code)
    assert sim.device.writes == 0


def test_an_expired_session_mid_configure_is_recovered(cli, simulation) -> None:
    sim = start(simulation, scenario="session-expired")
    assert_verified(configure(cli, sim), sim)


def test_resign_signs_in_again_with_the_same_service(cli, simulation) -> None:
    sim = start(simulation, model="et-2850")
    assert_verified(configure(cli, sim, "outlook"), sim, "outlook")
    argv, password = login_args(sim)
    run = cli(["resign", *argv], password)
    assert_verified(run, sim, "outlook")


def test_resign_on_a_device_not_yet_using_oauth2(cli, simulation) -> None:
    sim = start(simulation)
    argv, password = login_args(sim)
    run = cli(["resign", *argv], password)
    assert (run.status, run.error_code) == (6, "not_configured")
    assert sim.device.writes == 0


def test_another_sender_is_kept_with_the_send_as_warning(simulation) -> None:
    """The wizard's method page may name another sender; the command line has no option."""

    class Events:
        def __init__(self) -> None:
            self.seen: list[tuple[str, dict]] = []

        def emit(self, event: str, **fields) -> None:
            self.seen.append((event, fields))

    sim = start(simulation)
    events = Events()
    answers = {
        "printer": {"address": sim.device.https_url, "trust_new": True},
        "login": {"user": "", "password": sim.device.admin_password},
        "method": {"service": "exchange", "sender": "frontdesk@contoso.com"},
    }
    status = asyncio.run(drive(SETUP_FLOW, PrinterSession(config.load()), events, answers))
    assert status == 0, events.seen
    warnings = [fields["code"] for event, fields in events.seen if event == "warning"]
    assert "sender_needs_send_as" in warnings
    assert sim.device.settings()["sender"] == "frontdesk@contoso.com"


def test_a_save_without_a_sign_in_is_put_back_too(simulation) -> None:
    """A save retried after a restore writes without a Sign In before it: its OK is a write of
    its own, and the restore must undo it (it once was a no-op, leaving OAuth2 unsigned)."""
    sim = start(simulation)
    before = sim.device.settings()
    driver = EpsonDriver(parse_address(sim.device.https_url), trust=TrustChoice(trust_new=True))
    try:
        driver.reach()
        driver.login("", sim.device.admin_password)
        wanted = EmailSettings(AuthMethod.OAUTH2, Service.EXCHANGE, signed_in=True)
        with pytest.raises(VerifyMismatch):
            driver.commit(wanted)
        assert sim.device.settings()["auth_method"] == "oauth2", "the OK did write"
        driver.restore()
    finally:
        driver.close()
    assert sim.device.settings() == before
