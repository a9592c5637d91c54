"""Interruptions of a configure: a cancel at every step, a slow device, the simulator process
killed during the save, an identity outage while the sign-in is followed, and two configures
of the same device in a row. Each ends in its own code with the device as it was before, field
by field, or verified."""

from __future__ import annotations

import asyncio

import pytest

from app import config
from app.errors import Cancelled
from app.flow import FlowRunner
from app.flow.services import PrinterSession
from app.flow.setup import SETUP_FLOW
from app.simulator.run import Simulation
from tests.reliability.matrix import quick_settings, snapshot  # noqa: F401 - a fixture
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
