"""Starting the wizard: the QApplication, the first paint, then qasync and the flow.

The first page paints before qasync (and, through the flow, `requests`) is imported, and before
the other pages are built (DESIGN.md quality bars); then the other pages are built one per turn
of the loop, and the flow's modules load on a worker thread (ui/flow_bridge.py
`FlowController.load`), so the painted window never freezes on them. The
loop runs until the wizard closes; closing waits for the wizard's shutdown (cancel, restore,
close sockets) before the loop closes. The product log (secrets removed in its handler) opens
as soon as its modules have loaded and stays open to the end, as for a command-line run.
`--demo` starts the simulator in this process and opens the wizard at its printer.
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Awaitable, Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject
from PySide6.QtWidgets import QApplication, QWizard

FIRST_PAINT_PROBE = "PRINTER_OAUTH_EXIT_AFTER_FIRST_PAINT"
"""Set in the environment, the wizard prints one JSON line at its first paint and exits: how
`make bench` and the bundle check time process start to first paint from outside."""
HEAVY_MODULES = ("qasync", "msal", "requests")


def _application() -> QApplication:
    app = QApplication.instance()
    if app is None:
        QCoreApplication.setOrganizationName("PrinterOAuthWizard")
        QCoreApplication.setApplicationName("Printer OAuth Wizard")
        app = QApplication(sys.argv[:1])
        app.setDesktopFileName("printer-oauth-wizard")
    # The loop ends when the wizard's shutdown (cancel, restore) is done, not at the close.
    app.setQuitOnLastWindowClosed(False)
    return app  # type: ignore[return-value]


def set_window_icon(app: QApplication) -> None:
    """The windows' icon, read as bytes through importlib.resources: the same code finds it in
    the source tree and in a frozen bundle (the .exe and .app embed app.ico / app.icns). Set
    after the first paint: decoding it is a few milliseconds the first page need not wait for
    (Qt gives the new icon to windows already shown)."""
    from PySide6.QtGui import QIcon, QPixmap

    from app.resources import resource

    pixmap = QPixmap()
    pixmap.loadFromData(resource("icons", "app.png").read_bytes(), "PNG")
    app.setWindowIcon(QIcon(pixmap))


def run(address: str | None = None, language: str | None = None, demo: bool = False) -> int:
    """Show the wizard and run it until it closes; the exit status of the program.
    `language`: as main.py resolved it (option, then configuration); None: the system's."""
    app = _application()
    simulation: Any = None
    if demo:
        from app.simulator.run import Simulation

        simulation = Simulation(auto_approve=None, advertise=True).start()
        address = simulation.device.https_url
    from ui.wizard import build_wizard

    wizard = build_wizard(address, language, deferred=True)
    if simulation is not None:
        wizard.set_demo(simulation.device.admin_password, simulation_info=simulation.info())
        from PySide6.QtWidgets import QWizardPage

        page = wizard.findChild(QWizardPage, "printerPage")
        if page is not None:  # "Find printers…" lists the simulator, advertised on loopback
            page.discovery_interface = "127.0.0.1"
    if os.environ.get(FIRST_PAINT_PROBE):
        return _exit_after_first_paint(app, wizard)
    wizard.show()
    app.processEvents()  # the first page paints before the heavy modules load
    set_window_icon(app)
    try:
        serve(app, wizard)
    finally:
        if simulation is not None:
            simulation.stop()
    return 0


def serve(
    app: QApplication, wizard: Any, alongside: Callable[[], Awaitable[Any]] | None = None
) -> None:
    """Run the qasync loop from a painted wizard until it has closed and shut down: the pages
    not built yet are built, the flow's modules load on a worker thread, then the product log
    opens. `alongside()` runs on the
    loop beside the wizard (bench_ui_stall drives a run through it). asyncio itself is imported
    here, after the first paint: it alone took about a quarter of the time to it."""
    import asyncio

    import qasync

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    try:
        with loop:
            loop.run_until_complete(_serve(wizard, alongside))
    finally:
        asyncio.set_event_loop(None)


async def _serve(wizard: Any, alongside: Callable[[], Awaitable[Any]] | None) -> None:
    import asyncio

    await wizard.build_rest()
    await wizard.controller.load()
    from app import config, logs

    log_handler = logs.setup(config.setting("log.level") or "INFO")
    try:
        if alongside is None:
            await _until_closed(wizard)
        else:
            await asyncio.gather(_until_closed(wizard), alongside())
    finally:
        logs.teardown(log_handler)


class _PaintWatch(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt API)
        if event.type() == QEvent.Type.Paint:
            loaded = [name for name in HEAVY_MODULES if name in sys.modules]
            from ui.wizard import SLOW_TYPES

            built = [name for module, name in SLOW_TYPES if name in vars(sys.modules[module])]
            line = {
                "first_paint": True,
                "cpu_s": time.process_time(),
                "heavy_modules_loaded": loaded,
                "slow_types_built": built,
            }
            print(json.dumps(line), flush=True)
            QApplication.exit(0)
        return False


def _exit_after_first_paint(app: QApplication, wizard: QWizard) -> int:
    watch = _PaintWatch()
    wizard.page(wizard.startId()).installEventFilter(watch)
    wizard.show()
    return app.exec()


async def _until_closed(wizard: Any) -> None:
    import asyncio

    closed: asyncio.Future[None] = asyncio.get_running_loop().create_future()

    def on_finished(_result: int) -> None:
        if not closed.done():
            closed.set_result(None)

    wizard.finished.connect(on_finished)
    if not wizard.isVisible():
        on_finished(0)
    await closed
    if wizard.shutdown_task is not None:
        await wizard.shutdown_task
