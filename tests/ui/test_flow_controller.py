"""The wizard's bridge to the flow (ui/flow_bridge.py), with no widget: two shutdowns at once.

"Another printer" shuts the last run down in the background (cancel, restore, close); the
window closed meanwhile shuts down too. The second must let the first's restore finish and
never cut it short. The flow here is the real engine over a small in-memory device whose undo
takes a while (as a slow printer's restore does), so the overlap is certain, not a race.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import pytest

from app.flow import Flow, Step
from ui.flow_bridge import FlowController

pytestmark = pytest.mark.asyncio

BEFORE = {"method": "smtp_auth", "signed_in": False}
UNDO_S = 0.3


class Device:
    def __init__(self) -> None:
        self.settings = dict(BEFORE)
        self.closed = False

    def close(self) -> None:
        self.closed = True


async def write(ctx: Any) -> Mapping[str, Any]:
    ctx.services.settings.update(method="oauth2", signed_in=True)
    return {}


async def put_back(ctx: Any) -> None:
    await asyncio.sleep(UNDO_S)
    ctx.services.settings["signed_in"] = False
    await asyncio.sleep(UNDO_S)
    ctx.services.settings["method"] = "smtp_auth"


async def wait_for_the_save(ctx: Any) -> Mapping[str, Any]:
    await asyncio.Event().wait()
    return {}


FLOW = Flow(
    "overlap",
    "write",
    {
        "write": Step("write", action=write, next="save", undo=put_back),
        "save": Step("save", action=wait_for_the_save, commits=True),
    },
)


async def test_closing_while_a_reset_restores_waits_for_the_restore(qapp) -> None:
    device = Device()
    controller = FlowController(lambda: FLOW, lambda: device)
    await controller.runner.advance()
    assert device.settings != BEFORE
    saving = controller.advance(lambda _next: None, lambda _error: None)  # a transaction open
    await asyncio.sleep(0.05)

    forgetting = controller.reset()  # another printer: cancel and restore, in the background
    await asyncio.sleep(UNDO_S / 2)  # half-way through the restore, the window closes
    closing = controller.spawn(controller.shutdown())

    await asyncio.wait_for(closing, 10 * UNDO_S)
    assert device.settings == BEFORE  # the restore ran to its end
    assert device.closed
    assert forgetting.done() and not forgetting.cancelled()
    assert saving is not None and saving.done()
