"""Interruptions of a configure: a cancel at every step, a slow device, the simulator process
killed during the save, an identity outage while the sign-in is followed, and two configures
of the same device in a row. Each ends in its own code with the device as it was before, field
by field, or verified."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from app import config
from app.errors import REGISTRY, Cancelled
from app.flow import FlowRunner
from app.flow.services import PrinterSession
from app.flow.setup import SETUP_FLOW
from app.simulator.device import NVRAM_SETTINGS, Printer
from app.simulator.run import Simulation
from app.simulator.settings import MailSettings
from tests.reliability.matrix import quick_settings, snapshot  # noqa: F401 - a fixture
from tests.reliability.process import Child, configure
from tests.ui.conftest import until

pytestmark = pytest.mark.usefixtures("quick_settings")


@pytest.mark.asyncio
async def test_a_cancel_during_a_write_waits_for_it_then_restores(monkeypatch) -> None:
    """The cancel lands while the Sign In's page read is on the wire (a slow device): the
    restore must wait for the Sign In the worker thread still sends, then undo it. Before the
    driver ran its writes whole, the restore saw nothing written yet, did nothing, and the
    Sign In that followed left a sign-in pending on the device."""
    with Simulation(auto_approve=None, poll_interval=1, latency_ms=300) as sim:
        before = snapshot(sim)
        session = PrinterSession(config.load())
        runner = FlowRunner(SETUP_FLOW, services=session)
        try:
            await runner.advance(address=sim.device.https_url, trust_new=True)
            await runner.advance(user="", password=sim.device.admin_password)
            await runner.advance(service="exchange")
            reads = len(sim.device.requests(("settings",)))
            step = asyncio.ensure_future(runner.advance())
            # the backup's read is answered; the Sign In's own read is now under way
            await until(lambda: len(sim.device.requests(("settings",))) > reads, 10, "backup")
            await asyncio.sleep(0.05)
            assert sim.device.writes == 0
            await runner.cancel()
            with pytest.raises(Cancelled):
                await step
        finally:
            session.close()
        assert sim.device.writes >= 2, "the Sign In was sent, then put back"
        assert sim.device.sign_in_state() is None, "no sign-in left pending"
        assert snapshot(sim) == before


# --- the simulator killed during the OK --------------------------------------------------


def nvram_snapshot(folder: Path) -> dict[str, Any]:
    """Both mail pages as the device's NVRAM holds them, field by field, no secrets."""
    saved = json.loads((folder / NVRAM_SETTINGS).read_text(encoding="utf-8"))
    return {page: MailSettings(**saved[page]).snapshot() for page in ("email", "fax")}


def sim_args(nvram: Path, *extra: str) -> list[str]:
    return ["sim", "--nvram", str(nvram), "--auto-approve", "0", "--poll-interval", "1", *extra]


def test_the_simulator_killed_during_the_ok_then_a_rerun(monkeypatch, tmp_path: Path) -> None:
    """A power cut while the OK is on the wire: the simulator holds the OK (`--hold commit`)
    and says so, and is killed right then; started again on the same ports with the same
    NVRAM it is the same device, settings and certificate. The command line, waiting for the
    device to come back, finds nothing saved: `commit_failed`, which says what to do, with
    the device as before field by field (NVRAM: a state that is not the factory's, so a
    device that forgot it would show). Then a second configure ends verified."""
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_COMMIT_TIMEOUT", "30")
    nvram = tmp_path / "nvram"
    seeded = Printer(nvram=nvram)
    seeded.stored["email"].sender = "front.desk@contoso.com"
    seeded.persist()
    before = nvram_snapshot(nvram)
    with Child(sim_args(nvram, "--hold", "commit")) as first:
        info = first.wait_for("")
        with configure(info["printer_https"], info["admin_password"]) as run:
            assert first.wait_for("held") == {"event": "held", "point": "commit", "after": False}
            first.kill()
            ports = urlsplit(info["printer_http"]).port, urlsplit(info["printer_https"]).port
            again = ["--http-port", str(ports[0]), "--https-port", str(ports[1])]
            with Child(sim_args(nvram, *again)) as second:
                assert second.wait_for("")["printer_https"] == info["printer_https"]
                status = run.wait()
                events = run.events()
                error = events[-1]
                assert (status, error["event"], error["code"]) == (6, "error", "commit_failed")
                assert error["message"].startswith(REGISTRY["commit_failed"]().text)
                assert "sign it in again and save" in error["message"]
                assert not [event for event in events if event["event"] == "verified"]
                assert nvram_snapshot(nvram) == before
                with configure(info["printer_https"], info["admin_password"]) as rerun:
                    assert rerun.wait() == 0, rerun.stderr
                    assert rerun.events()[-1]["event"] == "status"
    after = nvram_snapshot(nvram)
    assert after["fax"] == before["fax"]
    assert (after["email"]["auth_method"], after["email"]["signed_in"]) == ("oauth2", True)
    assert after["email"]["account"] and after["email"]["service"] == "exchange"
