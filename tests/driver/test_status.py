"""`status --json` on every simulated model and variant, in English and Italian."""

from __future__ import annotations

import pytest

from app.simulator import models
from tests.driver.conftest import login_args

NEUTRAL = ("auth_method", "service", "signed_in", "smtp_server", "smtp_port", "security", "sender")


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize("variant", range(20))
@pytest.mark.parametrize("model", sorted(models.MODELS))
def test_status_reports_the_devices_settings(cli, simulation, model, variant, language) -> None:
    sim = simulation(model=model, variant=variant, language=language)
    stored = sim.device.settings()
    argv, password = login_args(sim)
    run = cli(["status", *argv], password)
    assert run.status == 0, run.events
    status = run.one("status")
    assert {key: status[key] for key in NEUTRAL} == {key: stored[key] for key in NEUTRAL}
    assert status["model"] == sim.device.model
    assert status["firmware"] == sim.device.spec.firmware
    assert run.one("connected")["fingerprint"] == sim.device.fingerprint
    assert run.one("logged_in")["oauth2"] is sim.device.spec.oauth2
    # Basic authentication is refused by the SMTP stand-in, as Exchange does: the test fails.
    assert status["connection_test"] == "failed"
    assert sim.device.language == language, "the device's language is left as it was"
    assert sim.device.writes == 0, "status never writes"
