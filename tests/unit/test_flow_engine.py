"""The flow engine, walked with plain pytest and no Qt widgets.

The flow here is a small model of the real one, over an in-memory device that records what is
written to it: branches chosen by a function of the data, a first write with an undo, a
committing save, and a fax part that is its own transaction.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping
from typing import Any

import pytest

from app.errors import (
    Cancelled,
    CancelledAfterSave,
    CommitFailed,
    ConnectionTestFailed,
    WrongPassword,
)
from app.flow import Flow, FlowDefinitionError, FlowRunner, Input, MissingInput, State, Step

pytestmark = pytest.mark.asyncio

BEFORE = {"method": "smtp_auth", "fax_method": "smtp_auth"}


class Device:
    """Settings as a printer stores them, plus switches that make steps fail or wait."""

    def __init__(self, oauth2: bool = True) -> None:
        self.settings = dict(BEFORE)
        self.oauth2 = oauth2
        self.fail: dict[str, Exception] = {}
        self.hold: dict[str, asyncio.Event] = {}
        self.entered: dict[str, asyncio.Event] = {}
        self.undo_breaks = False

    async def checkpoint(self, name: str) -> None:
        self.entered.setdefault(name, asyncio.Event()).set()
        if name in self.hold:
            await self.hold[name].wait()
        if name in self.fail:
            raise self.fail[name]


async def connect(ctx) -> Mapping[str, Any]:
    await ctx.services.checkpoint("connect")
    ctx.emit("connected", model="WF-C5890 Series")
    return {"model": "WF-C5890 Series"}


async def login(ctx) -> Mapping[str, Any]:
    await ctx.services.checkpoint("login")
    if ctx.data["password"] != "SERIAL123":
        raise WrongPassword()
    return {"oauth2": ctx.services.oauth2}


async def sign_in(ctx) -> None:
    ctx.services.settings["method"] = "oauth2-pending"
    await ctx.services.checkpoint("sign_in")


async def restore_email(ctx) -> None:
    if ctx.services.undo_breaks:
        raise ConnectionResetError("device went away")
    ctx.services.settings["method"] = BEFORE["method"]


async def push(ctx) -> Mapping[str, Any]:
    ctx.services.settings["method"] = "oauth2"
    await ctx.services.checkpoint("push")
    ctx.emit("verified")
    return {"verified": True}


async def fax(ctx) -> None:
    ctx.services.settings["fax_method"] = "oauth2"
    await ctx.services.checkpoint("fax")
    ctx.emit("verified")


async def restore_fax(ctx) -> None:
    ctx.services.settings["fax_method"] = BEFORE["fax_method"]


def after_login(data: Mapping[str, Any]) -> str:
    return "method" if data["oauth2"] else "update_firmware"


FLOW = Flow.of(
    "example",
    Step("printer", inputs=(Input("address"),), action=connect, next="login"),
    Step("login", inputs=(Input("password", secret=True),), action=login, next=after_login),
    Step("update_firmware"),
    Step("method", inputs=(Input("service"),), next="sign_in"),
    Step("sign_in", action=sign_in, undo=restore_email, next="push"),
    Step("push", action=push, undo=restore_email, commits=True, next="fax"),
    Step("fax", action=fax, undo=restore_fax, part="fax", next="status"),
    Step("status"),
)


def runner(device: Device, events: list | None = None) -> FlowRunner:
    sink = None if events is None else (lambda event, fields: events.append((event, fields)))
    return FlowRunner(FLOW, services=device, on_event=sink)


async def walk_to(flow: FlowRunner, target: str) -> None:
    answers = {"printer": {"address": "192.0.2.7"}, "login": {"password": "SERIAL123"}}
    answers["method"] = {"service": "exchange"}
    while flow.current != target:
        await flow.advance(**answers.get(flow.current, {}))


async def wait_entered(device: Device, name: str) -> None:
    await asyncio.wait_for(device.entered.setdefault(name, asyncio.Event()).wait(), 5)


async def held_at(step: str) -> tuple[Device, FlowRunner, asyncio.Future]:
    """A flow whose `step` is running and waits, with the future of its `advance()`."""
    device = Device()
    device.hold[step] = asyncio.Event()
    flow = runner(device)
    await walk_to(flow, step)
    running = asyncio.ensure_future(flow.advance())
    await wait_entered(device, step)
    return device, flow, running


async def test_happy_path_reaches_the_end_with_every_result_collected() -> None:
    device, events = Device(), []
    flow = runner(device, events)
    await walk_to(flow, "status")
    assert await flow.advance() is None
    assert flow.state is State.FINISHED
    assert flow.history == ["printer", "login", "method", "sign_in", "push", "fax", "status"]
    assert flow.data["model"] == "WF-C5890 Series"
    assert flow.data["verified"] is True
    assert device.settings == {"method": "oauth2", "fax_method": "oauth2"}
    assert events[0] == ("connected", {"model": "WF-C5890 Series"})
    assert events[-2:] == [("verified", {}), ("verified", {"part": "fax"})]


async def test_next_chosen_by_a_function_of_the_data() -> None:
    flow = runner(Device(oauth2=False))
    await walk_to(flow, "login")
    assert await flow.advance(password="SERIAL123") == "update_firmware"
    assert await flow.advance() is None
    assert "method" not in flow.history


async def test_missing_input_is_refused_and_nothing_runs() -> None:
    device = Device()
    flow = runner(device)
    with pytest.raises(MissingInput) as caught:
        await flow.advance()
    assert caught.value.names == ["address"]
    assert flow.current == "printer"
    assert flow.state is State.READY
    assert "connect" not in device.entered


async def test_failure_after_first_write_undoes_every_step_of_the_transaction() -> None:
    device = Device()
    device.fail["push"] = CommitFailed()
    flow = runner(device)
    await walk_to(flow, "push")
    assert device.settings["method"] == "oauth2-pending"
    with pytest.raises(CommitFailed):
        await flow.advance()
    assert device.settings == BEFORE
    assert flow.state is State.FAILED
    assert flow.current == "sign_in", "what sign_in did is undone: a retry starts there"
    assert flow.history == ["printer", "login", "method"]
    device.fail.clear()
    assert await flow.advance() == "push"
    assert device.settings["method"] == "oauth2-pending"
    assert await flow.advance() == "fax"


async def test_an_error_that_does_not_restore_leaves_the_writes_alone() -> None:
    device = Device()
    device.fail["push"] = ConnectionTestFailed()
    flow = runner(device)
    await walk_to(flow, "push")
    with pytest.raises(ConnectionTestFailed):
        await flow.advance()
    assert device.settings["method"] == "oauth2"


async def test_failure_before_any_write_can_be_retried() -> None:
    flow = runner(Device())
    await walk_to(flow, "login")
    with pytest.raises(WrongPassword):
        await flow.advance(password="wrong")
    assert flow.state is State.FAILED
    assert "password" not in flow.data
    assert await flow.advance(password="SERIAL123") == "method"


async def test_back_undoes_the_step_it_crosses_and_restores_its_data() -> None:
    device = Device()
    flow = runner(device)
    await walk_to(flow, "push")
    assert flow.can_go_back
    assert await flow.back() == "sign_in"
    assert device.settings == BEFORE
    assert flow.current == "sign_in"
    assert await flow.back() == "method"
    assert "service" not in flow.data
    await walk_to(flow, "push")
    assert device.settings["method"] == "oauth2-pending"


async def test_back_during_a_running_step_cancels_it_and_undoes_it() -> None:
    device, flow, running = await held_at("sign_in")
    assert device.settings["method"] == "oauth2-pending"
    assert await flow.back() == "method"
    with pytest.raises(Cancelled):
        await running
    assert device.settings == BEFORE
    assert flow.state is State.READY


async def test_cancel_during_a_running_step_restores_the_device() -> None:
    device, flow, running = await held_at("push")
    assert device.settings["method"] == "oauth2"
    await asyncio.wait_for(flow.cancel(), 5)
    with pytest.raises(Cancelled) as caught:
        await running
    assert caught.value.exit_status == 8
    assert device.settings == BEFORE
    assert flow.state is State.CANCELLED
    with pytest.raises(RuntimeError):
        await flow.advance()


async def test_cancel_after_the_commit_keeps_the_saved_settings_and_says_so() -> None:
    """The fax transaction after the email's commit: a cancel puts the fax back, keeps the
    committed email settings, and the error is not the one that says "as before"."""
    device, flow, running = await held_at("fax")
    assert device.settings == {"method": "oauth2", "fax_method": "oauth2"}
    await asyncio.wait_for(flow.cancel(), 5)
    with pytest.raises(CancelledAfterSave) as caught:
        await running
    assert caught.value.exit_status == 8
    assert device.settings == {"method": "oauth2", "fax_method": BEFORE["fax_method"]}
    assert flow.state is State.CANCELLED


async def test_cancel_between_steps_undoes_what_was_written() -> None:
    device = Device()
    flow = runner(device)
    await walk_to(flow, "push")
    await flow.cancel()
    assert device.settings == BEFORE
    assert flow.state is State.CANCELLED


async def test_a_committing_step_closes_the_transaction() -> None:
    device = Device()
    device.fail["fax"] = CommitFailed()
    flow = runner(device)
    await walk_to(flow, "fax")
    assert not flow.can_go_back
    with pytest.raises(CommitFailed):
        await flow.advance()
    assert device.settings == {"method": "oauth2", "fax_method": "smtp_auth"}
    with pytest.raises(RuntimeError):
        await flow.back()


async def test_a_failing_undo_is_reported_with_the_original_error() -> None:
    device = Device()
    device.fail["push"] = CommitFailed()
    device.undo_breaks = True
    flow = runner(device)
    await walk_to(flow, "push")
    with pytest.raises(CommitFailed) as caught:
        await flow.advance()
    assert [type(e) for e in caught.value.rollback_errors] == [ConnectionResetError] * 2


async def test_the_callers_own_cancellation_propagates_after_the_undo() -> None:
    device, flow, running = await held_at("sign_in")
    running.cancel()
    with pytest.raises(asyncio.CancelledError):
        await running
    assert device.settings == BEFORE
    assert flow.state is State.CANCELLED


async def test_an_unexpected_exception_restores_too() -> None:
    device = Device()
    device.fail["push"] = OSError("disk full")
    flow = runner(device)
    await walk_to(flow, "push")
    with pytest.raises(OSError, match="disk full"):
        await flow.advance()
    assert device.settings == BEFORE


async def test_flow_definitions_are_checked_when_built() -> None:
    with pytest.raises(FlowDefinitionError, match="unknown 'nowhere'"):
        Flow.of("broken", Step("a", next="nowhere"))
    with pytest.raises(FlowDefinitionError, match="no start step"):
        Flow("broken", "missing", {"a": Step("a")})


async def test_a_next_function_naming_an_unknown_step_is_a_definition_error() -> None:
    flow = FlowRunner(Flow.of("broken", Step("a", next=lambda data: "nowhere")))
    with pytest.raises(FlowDefinitionError, match="chose unknown"):
        await flow.advance()


async def test_a_step_that_commits_midway_keeps_its_verified_writes() -> None:
    """After the save is verified, a failing connection test or a cancel undoes nothing."""

    async def save_then_test(ctx) -> None:
        ctx.services.settings["method"] = "oauth2"
        ctx.commit()
        await ctx.services.checkpoint("test")

    flow_def = Flow.of(
        "midway",
        Step("sign_in", action=sign_in, undo=restore_email, next="push"),
        Step("push", action=save_then_test, undo=restore_email, next="status"),
        Step("status"),
    )
    device = Device()
    device.fail["test"] = CommitFailed()
    flow = FlowRunner(flow_def, services=device)
    await flow.advance()
    with pytest.raises(CommitFailed):
        await flow.advance()
    assert device.settings["method"] == "oauth2"
    await flow.cancel()
    assert device.settings["method"] == "oauth2"


async def test_interrupt_stops_the_running_step_and_stays_on_it() -> None:
    device, flow, running = await held_at("sign_in")
    await flow.interrupt()
    with pytest.raises(Cancelled):
        await running
    assert (flow.current, flow.state) == ("sign_in", State.READY)
    assert device.settings == BEFORE
    device.hold.clear()
    assert await flow.advance() == "push"
