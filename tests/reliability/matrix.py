"""DESIGN.md's failure table as data: for each scenario, the simulator's knobs, the code and
help topic the product must end with, and what the device holds afterwards — as it was
before, field by field (`BEFORE`), or verified (`VERIFIED`). One table for the command line
and the wizard, so the two drivers are held to the same outcome."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from app.simulator import scenarios
from app.simulator.run import Simulation

BEFORE = "before"
VERIFIED = "verified"


@dataclass(frozen=True)
class Case:
    scenario: str
    code: str | None
    """The error code (also its help topic); None: the run succeeds."""
    device: str
    """`BEFORE` or `VERIFIED`: what the device holds once the run has ended."""
    knobs: dict[str, Any] = field(default_factory=dict)
    """Extra `Simulation` options (the printer's restart time…)."""
    env: dict[str, str] = field(default_factory=dict)
    """Settings for the product (short read timeout where a device stays silent)."""
    password: str | None = None
    """The password typed; None: the device's own."""

    @property
    def exit_status(self) -> int:
        from app.errors import REGISTRY

        return 0 if self.code is None else REGISTRY[self.code].exit_status


SHORT_READ = {"PRINTER_OAUTH_PRINTER_READ_TIMEOUT": "1"}

CASES: tuple[Case, ...] = (
    Case("ok", None, VERIFIED),
    Case("wrong-password", "wrong_password", BEFORE, password="not-the-serial"),
    Case("locked-out", "locked_out", BEFORE, password="not-the-serial"),
    Case("session-expired", None, VERIFIED),
    Case("restart-before-commit", "commit_failed", BEFORE, {"restart_seconds": 0.5}),
    Case("code-expired", None, VERIFIED),
    Case("sign-in-declined", "sign_in_declined", BEFORE),
    Case("sign-in-blocked", "sign_in_blocked", BEFORE),
    Case("consent-required", "consent_required", BEFORE),
    Case("commit-refused", "commit_failed", BEFORE),
    Case("verify-mismatch", "verify_mismatch", BEFORE),
    Case("connection-test-fails", "connection_test_failed", VERIFIED),
    Case("reset-mid-page", "unreachable", BEFORE),
    Case("http-500", "unsupported_page", BEFORE),
    Case("truncated-page", "unsupported_page", BEFORE),
    Case("silent", "unreachable", BEFORE, env=SHORT_READ),
)
"""The printer's scenarios and the identity answers a printer's own sign-in meets."""

MAILBOX_CASES: tuple[str, ...] = tuple(
    name
    for name, scenario in scenarios.SCENARIOS.items()
    if scenario.side is scenarios.Side.SMTP
    or (scenario.side is scenarios.Side.IDENTITY and name not in {case.scenario for case in CASES})
)
"""The rest of the table: met by the mailbox check only, which never touches the device."""


def by_name() -> dict[str, Case]:
    return {case.scenario: case for case in CASES}


def start(case: Case, **options: Any) -> Simulation:
    """The simulation for `case`: sign-ins approved at once, 1 s poll interval."""
    options = {"auto_approve": 0, "poll_interval": 1, **case.knobs, **options}
    return Simulation(scenario=case.scenario, **options).start()


def snapshot(sim: Simulation) -> dict[str, Any]:
    """Both email-server pages of the device, field by field, no secrets."""
    return {"email": sim.device.settings(), "fax": sim.device.settings("fax")}


def assert_device(case: Case, sim: Simulation, before: dict[str, Any], service: str) -> None:
    """The device as it was (email and fax pages), or verified for `service`."""
    after = snapshot(sim)
    if case.device == BEFORE:
        assert after == before, "put back field by field"
        assert sim.device.sign_in_state() is None, "no sign-in left pending"
        return
    email = after["email"]
    assert email["auth_method"] == "oauth2"
    assert email["service"] == service
    assert email["signed_in"] is True
    assert email["account"]
    assert after["fax"] == before["fax"]


@pytest.fixture
def quick_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """The device's sign-in state read every second (the fastest DESIGN.md allows) and a
    commit that waits 10 s at most, so a run that must fail fails quickly."""
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_POLL_INTERVAL", "1")
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_COMMIT_TIMEOUT", "10")
