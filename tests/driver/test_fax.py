"""`configure --fax`: the fax server's email settings as their own transaction."""

from __future__ import annotations

import pytest

from tests.driver.conftest import login_args


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_POLL_INTERVAL", "1")


def configure(cli, sim, *extra: str):
    argv, password = login_args(sim)
    return cli(["configure", *argv, "--service", "exchange", *extra], password)


def start(simulation, **options):
    return simulation(auto_approve=0, poll_interval=1, **options)


@pytest.mark.parametrize("language", ["en", "it"])
@pytest.mark.parametrize("fax_service", ["exchange", "outlook"])
def test_email_and_fax_both_end_verified(cli, simulation, language, fax_service) -> None:
    sim = start(simulation, language=language)
    run = configure(cli, sim, "--fax", fax_service)
    assert run.status == 0, run.events
    verified = run.named("verified")
    assert [event.get("part") for event in verified] == [None, "fax"]
    assert [event.get("part") for event in run.named("device_code")] == [None, "fax"]
    fax = sim.device.settings("fax")
    assert (fax["auth_method"], fax["service"], fax["signed_in"]) == ("oauth2", fax_service, True)
    assert sim.device.settings()["auth_method"] == "oauth2"


def test_keep_leaves_the_fax_page_untouched(cli, simulation) -> None:
    sim = start(simulation)
    before = sim.device.settings("fax")
    run = configure(cli, sim, "--fax", "keep")
    assert run.status == 0, run.events
    assert len(run.named("verified")) == 1
    assert sim.device.settings("fax") == before


def test_without_fax_the_fax_page_is_not_touched(cli, simulation) -> None:
    sim = start(simulation)
    before = sim.device.settings("fax")
    assert configure(cli, sim).status == 0
    assert sim.device.settings("fax") == before


def test_a_model_without_the_page_reports_fax_unsupported_after_the_email(cli, simulation):
    sim = start(simulation, model="ds-790wn")
    run = configure(cli, sim, "--fax", "exchange")
    assert (run.status, run.error_code) == (6, "fax_unsupported")
    assert len(run.named("verified")) == 1
    assert sim.device.settings()["auth_method"] == "oauth2"
    assert sim.device.settings()["signed_in"] is True


def test_a_fax_failure_restores_the_fax_page_and_keeps_the_email(cli, simulation) -> None:
    # Writes: email Sign In (1), email OK (2), fax Sign In (3): the fault strikes right after.
    sim = start(simulation, scenario="http-500", fault_after_writes=3)
    fax_before = sim.device.settings("fax")
    run = configure(cli, sim, "--fax", "outlook")
    assert (run.status, run.error_code) == (6, "unsupported_page")
    assert sim.device.settings("fax") == fax_before
    email = sim.device.settings()
    assert (email["auth_method"], email["signed_in"]) == ("oauth2", True)
