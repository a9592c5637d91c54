"""Driving the wizard as a technician would: by objectName, on the current page, counted.

Async tests run on the qasync loop (tests/conftest.py); `qtbot.waitUntil` would block that loop
(../shared/facts/qt.md), so waits are `await until(...)`. Ceilings are generous: they catch
hangs, the benchmarks measure.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any, TypeVar

import pytest
import pytest_asyncio
import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QCheckBox, QLineEdit, QRadioButton, QWizard

from app.simulator.run import Simulation
from ui import i18n

W = TypeVar("W", bound=QObject)

CEILING = 60.0


async def until(predicate: Callable[[], Any], timeout: float = CEILING, what: str = "") -> None:
    """Wait on the running loop (never blocking it) until `predicate()` is true."""
    ends = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > ends:
            raise AssertionError(f"timed out after {timeout} s waiting for {what or predicate}")
        await asyncio.sleep(0.02)


class Technician:
    """Acts on the wizard through objectNames only and counts each action."""

    def __init__(self, wizard: QWizard) -> None:
        self.wizard = wizard
        self.actions: list[str] = []

    def page_name(self) -> str:
        page = self.wizard.currentPage()
        return page.objectName() if page is not None else ""

    def find(self, kind: type[W], name: str) -> W:
        page = self.wizard.currentPage()
        found = page.findChild(kind, name)
        assert found is not None, f"no {kind.__name__} {name!r} on {page.objectName()}"
        return found

    def type_text(self, name: str, text: str) -> None:
        edit = self.find(QLineEdit, name)
        edit.setFocus()
        QTest.keyClicks(edit, text)
        self.actions.append(f"type {name}")

    def click(self, name: str) -> None:
        button = self.find(QAbstractButton, name)
        assert button.isVisible() and button.isEnabled(), f"{name} cannot be clicked"
        where = button.rect().center()
        if isinstance(button, QCheckBox | QRadioButton):  # on the indicator, not past the text
            where = QPoint(min(8, where.x()), where.y())
        QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, where)
        self.actions.append(f"click {name}")

    def next(self) -> None:
        button = self.wizard.button(QWizard.WizardButton.NextButton)
        if not button.isVisible():
            button = self.wizard.button(QWizard.WizardButton.CommitButton)
        assert button.isVisible() and button.isEnabled(), f"Next disabled on {self.page_name()}"
        QTest.mouseClick(button, Qt.MouseButton.LeftButton)
        self.actions.append(f"next on {self.page_name()}")

    async def reach(self, page: str, timeout: float = CEILING) -> None:
        await until(lambda: self.page_name() == page, timeout, f"page {page}")


@pytest.fixture(autouse=True)
def keep_running_after_close(qapp: Any) -> None:
    """As in ui/app.py: closing the wizard must not stop the loop before its shutdown ran."""
    qapp.setQuitOnLastWindowClosed(False)


@pytest.fixture
def simulation() -> Iterator[Callable[..., Simulation]]:
    started: list[Simulation] = []

    def start(**options: Any) -> Simulation:
        sim = Simulation(**options).start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


@pytest.fixture
def fast_polling(monkeypatch: pytest.MonkeyPatch) -> None:
    """The device's sign-in state read every second (the fastest DESIGN.md allows)."""
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_POLL_INTERVAL", "1")


@pytest_asyncio.fixture
async def make_wizard(qtbot: Any) -> AsyncIterator[Callable[..., Any]]:
    """`make_wizard(**build_wizard args)`: shown; closed and shut down after the test, on the
    test's loop, so no task outlives it."""
    from ui.wizard import build_wizard

    made: list[Any] = []

    def make(*args: Any, **kwargs: Any) -> Any:
        wizard = build_wizard(*args, **kwargs)
        wizard.show()  # closed below, on the loop (not by qtbot, which has no loop)
        made.append(wizard)
        return wizard

    yield make
    for wizard in made:
        await closed(wizard)
        # Deleted here, on the Qt thread: left to Python's GC, which may run in a worker
        # thread, its timers would be stopped from another thread.
        QCoreApplication.processEvents()
        shiboken6.delete(wizard)
    i18n.set_language("en")


async def closed(wizard: Any) -> None:
    """Close the wizard and wait for its shutdown (cancel, restore, sockets)."""
    if wizard.isVisible():
        wizard.close()
    if wizard.shutdown_task is not None:
        await asyncio.wait_for(asyncio.shield(wizard.shutdown_task), CEILING)


async def past_fax(you: Technician) -> None:
    """After the save: on a fax model the fax-server page comes first (leave it as it is,
    the default); then the status page."""
    await until(lambda: you.page_name() in ("faxPage", "statusPage"), what="fax or status")
    if you.page_name() == "faxPage":
        you.next()
    await you.reach("statusPage")


async def to_login(you: Technician, sim: Simulation) -> None:
    """Address typed, the certificate trusted: the login page."""
    you.type_text("printerAddressEdit", sim.device.https_url)
    trust = you.find(QCheckBox, "trustCertificateCheck")
    await until(trust.isVisible, what="the certificate to trust")
    you.click("trustCertificateCheck")
    you.next()
    await you.reach("loginPage")


async def to_method(you: Technician, sim: Simulation) -> None:
    await to_login(you, sim)
    you.type_text("adminPasswordEdit", sim.device.admin_password)
    you.next()
    await you.reach("methodPage")


async def to_sign_in(you: Technician, sim: Simulation) -> None:
    """Exchange Online (preselected): the sign-in page with the device's code coming."""
    await to_method(you, sim)
    you.next()
    await you.reach("signInPage")


async def to_push(you: Technician, sim: Simulation) -> None:
    """Through a sign-in the simulator approves (`auto_approve`): the push page. The sign-in
    page may pass too quickly to be seen."""
    await to_method(you, sim)
    you.next()
    await you.reach("pushPage")


async def drive_to_status(you: Technician, sim: Simulation) -> None:
    """The seven actions of the happy path, from the printer page to the status page (an
    eighth on a fax model: leave the fax server as it is)."""
    from PySide6.QtWidgets import QPushButton, QTextBrowser

    await to_push(you, sim)
    you.click("saveToPrinterButton")
    await past_fax(you)
    view = you.find(QTextBrowser, "statusView")
    await until(lambda: "Signed in" in view.toPlainText(), what="the status")
    refresh = you.find(QPushButton, "refreshStatusButton")
    await until(refresh.isEnabled, what="the status step to end")
