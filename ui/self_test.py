"""`main.py --self-test`: does this installation work? Checked headlessly, in about 5 s.

A bundle can be missing a resource, a Qt plugin or a module PyInstaller did not see; each
shows only when the code path that needs it runs. So the self-test runs those paths: it reads
every shipped resource the way the product does (help pages in each language, each
translation, the icons, the defaults), builds the wizard offscreen, starts the simulator and
runs one `configure` against it through the real setup flow (as the command line does), then
stops the simulator. It prints one line per check and exits 0, or says which check failed and
exits 1. It writes nothing of the technician's: settings, pins and logs go to a temporary
`PRINTER_OAUTH_HOME`, removed afterwards. The release workflow and `make bundle` run it on
each bundle.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable
from typing import Any

from app.paths import HOME_VARIABLE

ICON_MAGIC = {"app.ico": b"\x00\x00\x01\x00", "app.icns": b"icns"}
"""The icons the installers embed (Windows .exe, macOS .app): not loaded at run time, but
shipped with resources/ and checked to be what their name says."""
ICON_SIZE = 256
CONFIGURE_CEILING = 60.0
"""Seconds a configure may take against the simulator (about 3 s here; generous for a loaded
CI runner)."""


class SelfTestError(Exception):
    """One check found the installation broken; the message says what is missing."""


class _Collected:
    """The command line's events of a run, kept instead of printed."""

    def __init__(self) -> None:
        self.events: list[dict[str, Any]] = []

    def emit(self, event: str, **fields: Any) -> None:
        self.events.append({"event": event, **fields})


def _read(*parts: str) -> bytes:
    """A shipped file's bytes, found as the product finds it (app/resources.py)."""
    from app.resources import resource

    node = resource(*parts)
    if not node.is_file():
        raise SelfTestError(f"resources/{'/'.join(parts)} is missing")
    return node.read_bytes()


def _check_defaults() -> str:
    from app import config

    settings = config.load()
    return f"defaults.toml and config: {len(settings.values)} settings"


def _check_help() -> str:
    from app import help_topics

    languages = help_topics.languages()
    if "en" not in languages:
        raise SelfTestError(f"no English help (found: {languages})")
    counts = []
    for language in languages:
        ids = help_topics.topic_ids(language)
        if not ids:
            raise SelfTestError(f"no help page in {language}")
        for topic_id in ids:
            if not help_topics.title(language, topic_id):
                raise SelfTestError(f"help page {language}/{topic_id} has no title")
        counts.append(f"{language} {len(ids)}")
    return "help pages: " + ", ".join(counts)


def _check_translations() -> str:
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from ui import i18n
    from ui.i18n import _BytesTranslator

    found = []
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for language in i18n.LANGUAGES:
        if language == i18n.DEFAULT:
            continue
        ours = _BytesTranslator(_read("i18n", f"ui_{language}.qm"))
        if not ours.loaded:
            raise SelfTestError(f"ui_{language}.qm does not load")
        if not _BytesTranslator(_read("i18n", f"help_{language}.qm")).loaded:
            raise SelfTestError(f"help_{language}.qm does not load")
        qtbase = QTranslator()
        if not qtbase.load(f"qtbase_{language}", folder):
            raise SelfTestError(f"Qt's own qtbase_{language}.qm is missing from {folder}")
        found += [f"ui_{language}", f"help_{language}", f"qtbase_{language}"]
    return "translations: " + ", ".join(found)


def _check_icons() -> str:
    from PySide6.QtGui import QImage

    image = QImage()
    if not image.loadFromData(_read("icons", "app.png"), "PNG"):
        raise SelfTestError("icons/app.png does not load")
    if image.width() != ICON_SIZE or image.height() != ICON_SIZE:
        raise SelfTestError(f"icons/app.png is {image.width()}x{image.height()}")
    for name, magic in ICON_MAGIC.items():
        if not _read("icons", name).startswith(magic):
            raise SelfTestError(f"icons/{name} is not an icon file")
    return f"icons: app.png {ICON_SIZE}px, " + ", ".join(ICON_MAGIC)


def _check_wizard() -> str:
    from ui.app import _application, set_window_icon
    from ui.wizard import build_wizard

    app = _application()
    wizard = build_wizard(None, "it")
    set_window_icon(app)
    try:
        if wizard.windowIcon().isNull():
            raise SelfTestError("the wizard has no window icon")
        pages = len(wizard.pageIds())
        from ui import i18n

        i18n.set_language("en")
    finally:
        wizard.deleteLater()
        app.processEvents()
    return f"wizard: {pages} pages built offscreen ({app.platformName()}), Italian and English"


def _check_configure() -> str:
    import asyncio

    from app import config
    from app.flow import setup
    from app.flow.services import PrinterSession
    from app.headless import drive
    from app.simulator.run import Simulation

    started = time.monotonic()
    with Simulation(auto_approve=0, poll_interval=1) as simulation:
        device = simulation.device
        answers = {
            "printer": {"address": device.https_url, "trust_new": True},
            "login": {"user": "", "password": device.admin_password},
            "method": {"service": "exchange", "fax": None},
        }
        collected = _Collected()
        # The device's state read every second (the fastest DESIGN.md allows), not every 3 s.
        session = PrinterSession(config.load({"printer.poll_interval": 1.0}))
        status = asyncio.run(
            asyncio.wait_for(
                drive(setup.SETUP_FLOW, session, collected, answers), CONFIGURE_CEILING
            )
        )
        names = [event["event"] for event in collected.events]
        if status != 0 or "verified" not in names:
            errors = [e for e in collected.events if e["event"] == "error"]
            raise SelfTestError(f"configure ended with status {status}: {errors or names}")
        if device.settings()["auth_method"] != "oauth2":
            raise SelfTestError("the simulated printer does not show OAuth2 after configure")
        model = device.model
    return f"simulator and configure: {model} verified in {time.monotonic() - started:.1f} s"


CHECKS: tuple[tuple[str, Callable[[], str]], ...] = (
    ("defaults", _check_defaults),
    ("help", _check_help),
    ("translations", _check_translations),
    ("icons", _check_icons),
    ("wizard", _check_wizard),
    ("configure", _check_configure),
)


def _attach_console() -> None:
    """A windowed Windows build starts without standard output: write to the console it was
    started from, if any (the release workflow's step), so a failure says what it was."""
    if sys.stdout is not None or sys.platform != "win32":
        return
    import ctypes

    attach_parent_process = -1
    if ctypes.windll.kernel32.AttachConsole(attach_parent_process):  # type: ignore[attr-defined]
        sys.stdout = open("CONOUT$", "w", encoding="utf-8")  # noqa: SIM115 (lives to the exit)


def run() -> int:
    """Run every check in order, stopping at the first failure; the exit status."""
    _attach_console()
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read when the QApplication starts
    home = tempfile.mkdtemp(prefix="printer-oauth-self-test-")
    previous = os.environ.get(HOME_VARIABLE)
    os.environ[HOME_VARIABLE] = home
    frozen = "bundle" if getattr(sys, "frozen", False) else "source"
    print(f"printer-oauth self-test ({frozen}, Python {sys.version.split()[0]})", flush=True)
    try:
        for name, check in CHECKS:
            try:
                print(f"ok    {check()}", flush=True)
            except Exception as exc:
                print(f"FAIL  {name}: {exc}", flush=True)
                if not isinstance(exc, SelfTestError):
                    traceback.print_exc(file=sys.stdout)
                return 1
    finally:
        if previous is None:
            os.environ.pop(HOME_VARIABLE, None)
        else:
            os.environ[HOME_VARIABLE] = previous
        shutil.rmtree(home, ignore_errors=True)
    print("self-test passed", flush=True)
    return 0
