"""The engine that walks a flow: one step at a time, with Back, Cancel and undo.

The promise it keeps for the technician: a failure or a cancel after the first write puts the
device back as it was. Each completed step with an undo joins the open transaction; when a
step fails (with an error that restores) or is cancelled, the undos run newest first — the
failing step's own undo included, since it may have written part of its work. A step marked
`commits` closes the transaction.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from app.errors import Cancelled, CancelledAfterSave, WizardError
from app.flow.model import Flow, MissingInput, Step

log = logging.getLogger(__name__)

EventSink = Callable[[str, dict[str, Any]], None]


class State(StrEnum):
    READY = "ready"
    RUNNING = "running"
    FINISHED = "finished"
    FAILED = "failed"
    CANCELLED = "cancelled"


class _Stop(StrEnum):
    BACK = "back"
    CANCEL = "cancel"


@dataclass
class _Done:
    step: Step
    data_before: dict[str, Any]
    undoable: bool
    """Still inside the open transaction: Back and failures undo it."""


class _StepContext:
    def __init__(self, runner: FlowRunner, step: Step) -> None:
        self._runner = runner
        self._step = step

    @property
    def data(self) -> Mapping[str, Any]:
        return self._runner.data

    @property
    def services(self) -> Any:
        return self._runner.services

    def emit(self, event: str, **fields: Any) -> None:
        if self._step.part is not None:
            fields.setdefault("part", self._step.part)
        shown = {key: value for key, value in fields.items() if key != "user_code"}
        log.debug("step %s: %s %s", self._step.name, event, shown)  # the code is a secret
        self._runner.on_event(event, fields)

    def commit(self) -> None:
        self._runner.seal()


class FlowRunner:
    def __init__(
        self,
        flow: Flow,
        *,
        services: Any = None,
        on_event: EventSink | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> None:
        self.flow = flow
        self.services = services
        self.on_event: EventSink = on_event or (lambda event, fields: None)
        self.data: dict[str, Any] = dict(data or {})
        self.current: str | None = flow.start
        self.state = State.READY
        self._done: list[_Done] = []
        self._task: asyncio.Task[Mapping[str, Any] | None] | None = None
        self._stop: _Stop | None = None
        self._sealed = False
        self._idle = asyncio.Event()
        self._idle.set()

    @property
    def step(self) -> Step | None:
        return None if self.current is None else self.flow.steps[self.current]

    @property
    def history(self) -> list[str]:
        return [done.step.name for done in self._done]

    @property
    def can_go_back(self) -> bool:
        return bool(self._done) and self._done[-1].undoable and self._movable()

    def _movable(self) -> bool:
        return self.state in (State.READY, State.RUNNING, State.FAILED)

    def missing_inputs(self) -> list[str]:
        step = self.step
        return [] if step is None else step.missing(self.data)

    async def advance(self, **inputs: Any) -> str | None:
        """Run the current step with these inputs; return the step that follows (None: done)."""
        step = self.step
        if step is None or not self._movable() or self.state is State.RUNNING:
            raise RuntimeError(f"cannot advance a flow that is {self.state}")
        data_before = dict(self.data)
        self.data.update(inputs)
        missing = step.missing(self.data)
        if missing:
            self.data = data_before
            raise MissingInput(step.name, missing)
        self.state = State.RUNNING
        self._sealed = False
        self._idle.clear()
        try:
            result = await self._run_action(step)
        except asyncio.CancelledError as exc:
            saved = self._saved()
            await self._after_failure(step, exc, data_before)
            if self._stop is not None:
                raise (CancelledAfterSave() if saved else Cancelled()) from None
            raise
        except BaseException as exc:
            await self._after_failure(step, exc, data_before)
            raise
        finally:
            self._task = None
            self._stop = None
            self._idle.set()
        self.data.update(result or {})
        self._complete(step, data_before)
        return self.current

    async def back(self) -> str:
        """Leave the current step (cancelling its work) and reopen the one before, undoing it."""
        if self.state is State.RUNNING:
            await self._interrupt(_Stop.BACK)
        if not self.can_go_back:
            raise RuntimeError("nothing to go back to")
        done = self._done.pop()
        if done.undoable and done.step.undo is not None:
            await self._undo(done.step, [])
        self.data = done.data_before
        self.current = done.step.name
        self.state = State.READY
        return done.step.name

    async def interrupt(self) -> None:
        """Stop the running step and stay on it, undone as if it had not run (an address
        edited while the first contact was under way)."""
        if self.state is State.RUNNING:
            await self._interrupt(_Stop.BACK)

    async def cancel(self) -> None:
        """Stop whatever runs and put the device back as it was; the flow ends cancelled."""
        if self.state is State.RUNNING:
            await self._interrupt(_Stop.CANCEL)
        elif self.state in (State.READY, State.FAILED):
            await self._rollback([])
        self.state = State.CANCELLED

    def seal(self) -> None:
        """The running step's writes are saved and verified: nothing before or in it will be
        undone any more, whatever happens in the rest of the step (a connection test)."""
        self._sealed = True
        for done in self._done:
            done.undoable = False

    async def _run_action(self, step: Step) -> Mapping[str, Any] | None:
        if step.action is None:
            return None
        self._task = asyncio.ensure_future(step.action(_StepContext(self, step)))
        return await self._task

    async def _interrupt(self, reason: _Stop) -> None:
        self._stop = reason
        if self._task is not None:
            self._task.cancel()
        await self._idle.wait()

    async def _after_failure(self, step: Step, exc: BaseException, data_before: dict) -> None:
        problems: list[BaseException] = []
        undo_step = step.undo is not None and not self._sealed
        if self._stop is _Stop.BACK:
            if undo_step:
                await self._undo(step, problems)
            self.state = State.READY
        elif isinstance(exc, asyncio.CancelledError) or _restores(exc):
            if undo_step:
                await self._undo(step, problems)
            reopened = self._first_undoable()
            await self._rollback(problems)
            self.state = (
                State.CANCELLED if isinstance(exc, asyncio.CancelledError) else State.FAILED
            )
            if reopened is not None:
                data_before = self._reopen(reopened)
        else:
            self.state = State.FAILED
        self.data = data_before
        if isinstance(exc, WizardError):
            exc.rollback_errors.extend(problems)

    def _complete(self, step: Step, data_before: dict[str, Any]) -> None:
        sealed = step.commits or self._sealed
        self._done.append(_Done(step, data_before, undoable=not sealed))
        if sealed:
            for done in self._done:
                done.undoable = False
        self.current = self.flow.resolve_next(step, self.data)
        self.state = State.FINISHED if self.current is None else State.READY

    def _saved(self) -> bool:
        """Whether writes of this run are saved and verified, beyond any undo: a cancel then
        leaves them on the device, and saying "as before" would be false."""
        return self._sealed or any(not done.undoable for done in self._done)

    def _first_undoable(self) -> int | None:
        return next(
            (i for i, done in enumerate(self._done) if done.undoable and done.step.undo),
            None,
        )

    def _reopen(self, index: int) -> dict[str, Any]:
        """After a rollback, the flow stands again at the first step it undid: what that step
        did on the device is gone (a printer's sign-in, put back with the settings), so a
        retry starts there, not at the step that failed. Returns that step's data before."""
        done = self._done[index]
        del self._done[index:]
        self.current = done.step.name
        return dict(done.data_before)

    async def _rollback(self, problems: list[BaseException]) -> None:
        for done in reversed(self._done):
            if done.undoable and done.step.undo is not None:
                await self._undo(done.step, problems)
                done.undoable = False

    async def _undo(self, step: Step, problems: list[BaseException]) -> None:
        assert step.undo is not None
        try:
            await step.undo(_StepContext(self, step))
        except Exception as exc:
            log.warning("undo of step %s failed: %s", step.name, type(exc).__name__)
            problems.append(exc)


def _restores(exc: BaseException) -> bool:
    if isinstance(exc, WizardError):
        return exc.restores
    return isinstance(exc, Exception)
