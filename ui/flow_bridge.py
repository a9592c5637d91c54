"""The glue between the pages and the flow in `app/flow`: one runner, its events, its tasks.

Pages never sequence steps. A page asks the controller to run *its* step with the inputs it
collected; the controller awaits `FlowRunner.advance` on the running asyncio loop (the qasync
loop, the Qt thread) and calls the page back with the step that comes next or with the
registry's error. The flow's events come back as a Qt signal tagged with the step that emitted
them, so a step that reports from a worker thread still reaches the widgets on the Qt thread.

Heavy modules (the flow, the driver, `requests`, `bs4`, `cryptography`) load after the first
page has painted, on a worker thread (`FlowController.load`): imported on the UI thread they
froze the window for about 300 ms at the first contact, and DESIGN.md allows 50 ms. They are
all `app/` modules and libraries, which never import Qt (a test enforces it for `app/`), so no
Qt object is made off the UI thread. Tasks are kept in a set until they finish: qasync only
references them weakly (../shared/facts/qt.md).
"""

from __future__ import annotations

import contextlib
import importlib
import logging
import sys
from collections.abc import Awaitable, Callable, Coroutine
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer, Signal

from app.errors import Cancelled, InternalError, WizardError

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)

ORDER = ("printer", "login", "method", "mailbox", "sign_in", "push", "fax", "status")
"""Every page the wizard knows, in the order a flow may visit them. Only a fallback for the
Next/Finish button before the flow is loaded: the flow decides where Next goes."""

FLOW_MODULES = ("app.flow", "app.flow.setup", "app.flow.services", "segno")
"""What the runner needs (with them come the driver, `requests`, `bs4`, `cryptography` and the
product log, app/logs.py), and `segno`, which draws the sign-in page's QR code: imported there
on the UI thread it froze the window for about 100 ms."""

OnDone = Callable[[Any], None]
OnError = Callable[[Any], None]
"""Called with a `WizardError`: `.code`, `.text`, `.help_topic`, `.details`."""


def default_flow() -> Any:
    """The setup flow when the flow module offers it, else the status flow (no writes)."""
    from app.flow import setup

    return getattr(setup, "SETUP_FLOW", None) or setup.STATUS_FLOW


def default_services() -> Any:
    from app import config
    from app.flow.services import PrinterSession

    return PrinterSession(config.load())


def _import_flow_modules() -> None:
    for name in FLOW_MODULES:
        importlib.import_module(name)


class FlowController(QObject):
    """Owns the run: the runner, its services, and every task started for the pages."""

    event = Signal(str, str, object)
    """(step that emitted it, event name, fields)."""
    busyChanged = Signal(bool)  # noqa: N815 (Qt signal naming)

    def __init__(
        self,
        flow_factory: Callable[[], Any] | None = None,
        services_factory: Callable[[], Any] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._flow_factory = flow_factory or default_flow
        self._services_factory = services_factory or default_services
        self._runner: Any = None
        self._tasks: set[asyncio.Task[Any]] = set()
        self._shutdowns: list[asyncio.Task[Any] | None] = []
        self._busy = 0
        self._generation = 0
        self._loading: asyncio.Future[None] | None = None

    async def load(self) -> None:
        """Import the flow's modules on a worker thread, once; every caller waits for that one
        import. Work run through `run` waits for it before it starts."""
        import asyncio

        if all(name in sys.modules for name in FLOW_MODULES) and self._loading is None:
            return
        if self._loading is None:
            self._loading = asyncio.ensure_future(asyncio.to_thread(_import_flow_modules))
        await asyncio.shield(self._loading)

    # --- the runner ----------------------------------------------------------------------

    @property
    def loaded(self) -> bool:
        return self._runner is not None

    @property
    def runner(self) -> Any:
        if self._runner is None:
            from app.flow import FlowRunner

            self._runner = FlowRunner(
                self._flow_factory(),
                services=self._services_factory(),
                on_event=self._forward(self._generation),
            )
        return self._runner

    @property
    def current(self) -> str | None:
        """The step the flow waits on (None once finished); "printer" before it is loaded."""
        return self.runner.current if self.loaded else ORDER[0]

    @property
    def busy(self) -> bool:
        return self._busy > 0

    def has_done(self, name: str) -> bool:
        """Whether step `name` has run and still stands (a rollback takes it back)."""
        return self.loaded and name in self.runner.history

    def has_step(self, name: str) -> bool:
        return name in self.runner.flow.steps

    def next_after(self, name: str) -> str | None:
        """The page after `name`: where the flow is, if it has moved past `name`; else where
        the flow says it leads; else the next known page. For the Next/Finish button only."""
        if not self.loaded:
            later = ORDER[ORDER.index(name) + 1 :] if name in ORDER else ()
            return later[0] if later else None
        runner = self.runner
        if runner.current is not None and runner.current != name and name in runner.history:
            return runner.current
        step = runner.flow.steps.get(name)
        if step is None:
            return None
        target = step.next
        if callable(target):
            try:
                target = target(runner.data)
            except Exception:
                target = next((n for n in ORDER[ORDER.index(name) + 1 :] if self.has_step(n)), None)
        return target

    def _forward(self, generation: int) -> Callable[[str, dict[str, Any]], None]:
        def on_event(event: str, fields: dict[str, Any]) -> None:
            if generation != self._generation or self._runner is None:
                return
            self.event.emit(self._runner.current or "", event, dict(fields))

        return on_event

    # --- tasks ---------------------------------------------------------------------------

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> asyncio.Task[Any]:
        import asyncio

        task = asyncio.ensure_future(coro)
        self._tasks.add(task)
        task.add_done_callback(self._finished)
        return task

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self._tasks.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("wizard task failed", exc_info=task.exception())

    def run(
        self,
        work: Callable[[], Awaitable[Any]],
        on_done: OnDone,
        on_error: OnError,
    ) -> asyncio.Task[Any] | None:
        """Run `work()` as a task; call back on the Qt thread with its result or its error.
        The callbacks are dropped when the run was reset meanwhile (another printer). Asked
        before the caller's loop runs (a timer firing while the first page paints), the work
        waits for the loop instead of landing on a loop nobody runs."""
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            QTimer.singleShot(20, self, lambda: self.run(work, on_done, on_error))
            return None
        generation = self._generation

        async def job() -> None:
            self._set_busy(+1)
            try:
                await self.load()
                if generation != self._generation:
                    return  # the run was reset while the modules loaded
                result = await work()
            except WizardError as error:
                if generation == self._generation:
                    on_error(error)
            except Exception as exc:  # a bug or an unexpected failure: shown, never silent
                log.exception("step failed unexpectedly")
                if generation == self._generation:
                    on_error(InternalError(reason=type(exc).__name__))
            else:
                if generation == self._generation:
                    on_done(result)
            finally:
                self._set_busy(-1)

        return self.spawn(job())

    def advance(
        self, on_done: OnDone, on_error: OnError, **inputs: Any
    ) -> asyncio.Task[Any] | None:
        """Run the flow's current step with `inputs`; `on_done(next step name or None)`."""
        return self.run(lambda: self.runner.advance(**inputs), on_done, on_error)

    def _set_busy(self, delta: int) -> None:
        before = self.busy
        self._busy += delta
        if before != self.busy:
            self.busyChanged.emit(self.busy)

    # --- after the run ---------------------------------------------------------------------

    async def fresh_status(self) -> dict[str, Any]:
        """Read the status again: the status flow with the answers this run collected."""
        from app.flow import FlowRunner
        from app.flow.setup import STATUS_FLOW

        data = self.runner.data
        answers = {
            key: data[key] for key in ("address", "user", "password") if data.get(key) is not None
        }
        got: dict[str, Any] = {}

        def on_event(event: str, fields: dict[str, Any]) -> None:
            if event == "status":
                got.update(fields)
            elif event == "warning":
                self.event.emit("status", event, dict(fields))

        runner = FlowRunner(
            STATUS_FLOW, services=self.runner.services, data=answers, on_event=on_event
        )
        while runner.current is not None:
            await runner.advance()
        return got

    async def resign(self) -> str | None:
        """Sign the printer in again (the 90-day idle expiry): the resign flow with this run's
        answers replaces the finished run and goes up to its sign-in, which a page then runs.
        Returns the step it waits on."""
        from app.flow import FlowRunner
        from app.flow.setup import RESIGN_FLOW

        old = self.runner
        answers = {
            key: old.data[key] for key in ("address", "user", "password") if old.data.get(key)
        }
        runner = FlowRunner(
            RESIGN_FLOW,
            services=old.services,
            data=answers,
            on_event=self._forward(self._generation),
        )
        self._runner = runner
        while runner.current not in (None, "sign_in"):
            await runner.advance()
        return runner.current

    def web_config_url(self) -> str | None:
        """The printer's Web Config as the driver settled it, else as typed (https)."""
        if not self.loaded:
            return None
        driver = getattr(self.runner.services, "driver", None)
        base = getattr(getattr(driver, "transport", None), "base_url", None)
        if base:
            return base + "/"
        address = self.runner.data.get("address")
        if not address:
            return None
        from app.printers.address import parse_address

        return parse_address(address).url("https")

    # --- leaving ---------------------------------------------------------------------------

    def back(self) -> None:
        """The technician went back a page: the flow reopens the step before (undoing it)."""
        if self.loaded:
            self.spawn(self._back())

    async def _back(self) -> None:
        with contextlib.suppress(RuntimeError, Cancelled):
            await self.runner.back()

    async def stop_current(self) -> None:
        """Stop the running step and stay on it (the printer's address changed meanwhile).
        FlowRunner.back() interrupts the running step first; on the first step there is
        nothing to go back to and it says so after the interruption: that is what we want.
        (A public `FlowRunner.interrupt()` would say this better.)"""
        with contextlib.suppress(RuntimeError, Cancelled):
            await self.runner.back()

    async def reopen(self, name: str) -> None:
        """Bring the flow back to step `name` if it has moved past it (address edited)."""
        runner = self.runner
        while runner.current != name and name in runner.history and runner.can_go_back:
            await runner.back()

    async def shutdown(self) -> None:
        """Cancel what runs, put the device back if a transaction is open, close sockets.

        Shutdowns can overlap: "another printer" shuts the last run down in the background,
        and the window may close while that one still restores the device. A shutdown first
        waits for those begun before it and never cancels one: cancelling the first would
        cut its restore short and leave the device half restored."""
        import asyncio

        me = asyncio.current_task()
        earlier = [task for task in self._shutdowns if task is not None]
        self._shutdowns.append(me)
        try:
            await asyncio.gather(*earlier, return_exceptions=True)
            runner, self._runner = self._runner, None
            self._generation += 1
            if runner is not None:
                if runner.state not in ("finished", "cancelled"):
                    with contextlib.suppress(WizardError, RuntimeError):
                        await runner.cancel()
                services = runner.services
                if services is not None and hasattr(services, "close"):
                    await asyncio.to_thread(services.close)
            pending = [task for task in self._tasks if task not in self._shutdowns]
            for task in pending:
                task.cancel()
            await asyncio.gather(*pending, return_exceptions=True)
        finally:
            self._shutdowns.remove(me)

    def close_now(self) -> None:
        """Without a running loop: nothing can be awaited (no restore); close the sockets."""
        runner, self._runner = self._runner, None
        self._generation += 1
        services = getattr(runner, "services", None)
        if services is not None and hasattr(services, "close"):
            services.close()

    def reset(self) -> asyncio.Task[Any]:
        """Forget this printer: the next page that needs the flow starts a new run."""
        return self.spawn(self.shutdown())
