"""The setup wizard: a QWizard whose pages attach to the steps of the flow in `app/flow`.

`build_wizard(address=None, language=None)` returns it, not shown and with no event loop
started: the caller owns the QApplication and runs the qasync loop (main.py, tests). The flow
decides where Next goes (`page_id_after`); the pages render and collect. The flow and the
driver load when the first contact starts, after the first page has painted.

Started by main.py, only the first page is built before the first paint (`deferred=True`): the
other pages' modules and widgets were a third of the time to it (DESIGN.md: within 1.25× a bare
QWizard). They are built after it one per turn of the loop (`build_rest`), so the painted window
never stalls on them either; anything that needs them first builds them at once.
"""

from __future__ import annotations

import importlib
import importlib.util
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QVBoxLayout,
    QWidget,
    QWizard,
)

from ui import i18n
from ui.flow_bridge import FlowController
from ui.pages.base import StepPage
from ui.pages.printer import PrinterPage

if TYPE_CHECKING:
    from ui.pages.mailbox import MailboxPage

PAGE_IDS = {
    "printer": 10,
    "login": 20,
    "method": 30,
    "mailbox": 40,  # the mailbox check page (its own issue)
    "sign_in": 50,
    "push": 60,
    "fax": 70,  # the fax-server page (its own issue)
    "status": 80,
}
FLOW_PAGES = ("printer", "login", "method", "sign_in", "push", "fax", "status")
"""The flow steps with a page of their own, in `pages`."""
DEMO_CLIENT_ID = "00000000-0000-4000-8000-0000000de770"
"""Demo mode only: the simulator's identity service accepts any client ID; made up, never
another product's, and never sent to Microsoft."""
LATER_PAGES = (
    ("ui.pages.login", "LoginPage"),
    ("ui.pages.method", "MethodPage"),
    ("ui.pages.sign_in", "SignInPage"),
    ("ui.pages.push", "PushPage"),
    ("ui.pages.fax", "FaxPage"),
    ("ui.pages.status", "StatusPage"),
    ("ui.pages.mailbox", "MailboxPage"),
)
"""The pages after the first, in the order they are built; imported by name so that none of
their modules loads before the first paint."""
SLOW_TYPES = (("PySide6.QtCore", "Qt"), ("PySide6.QtWidgets", "QStyle"))
"""PySide builds a type with all its enums at its first use: about 25 and 7 ms for these two,
a third of what the first paint may add to a bare QWizard's. The first page paints without
them (ui/pages/base.py); after the paint each is built in a turn of the loop of its own, so
that no turn stalls the window long. The first-paint probe (ui/app.py) says which were built
before it (the bar: none)."""
LANGUAGE_NAMES = {"en": "English", "it": "Italiano"}
"""Each language in its own name: never translated."""


class SetupWizard(QWizard):
    def __init__(
        self, controller: FlowController, parent: QWidget | None = None, deferred: bool = False
    ) -> None:
        super().__init__(parent)
        self.setObjectName("setupWizard")
        self.controller = controller
        self.controller.setParent(self)
        self.restarting = False
        self.shutdown_task: Any = None
        self._help_window: Any = None
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setOption(QWizard.WizardOption.NoDefaultButton, False)
        self.setMinimumSize(780, 580)

        self.pages: dict[str, StepPage] = {}
        self.mailbox_page: MailboxPage | None = None
        """Not a flow step: opened from the method page, Back returns to it."""
        self._later_pages = list(LATER_PAGES)
        self._add_page(PrinterPage(controller, self))
        self.setStartId(PAGE_IDS["printer"])

        self._build_side()
        self.controller.event.connect(self._route)
        self.currentIdChanged.connect(lambda _id: self._render_side())
        self.help_shortcut: Any = None
        self.retranslate()
        if not deferred:
            self.finish_building()

    # --- the pages: the first at once, the others after the first paint ----------------------

    def _add_page(self, page: StepPage) -> None:
        if page.step_name == "mailbox":
            self.mailbox_page = page
        else:
            self.pages[page.step_name] = page
        self.setPage(PAGE_IDS[page.step_name], page)

    def build_next_page(self) -> bool:
        """Build one page not built yet; False when all are."""
        if not self._later_pages:
            return False
        module, name = self._later_pages.pop(0)
        page = getattr(importlib.import_module(module), name)(self.controller, self)
        page.finish_widgets()
        self._add_page(page)
        return True

    def finish_building(self) -> None:
        self._finish_first_page()
        while self.build_next_page():
            pass

    def _finish_first_page(self) -> None:
        """What the first paint did without (ui/pages/base.py): the first page's label formats,
        and F1 (QKeySequence's first use builds its enums)."""
        from PySide6.QtGui import QKeySequence, QShortcut

        self.pages["printer"].finish_widgets()
        if self.help_shortcut is None:
            self.help_shortcut = QShortcut(
                QKeySequence(QKeySequence.StandardKey.HelpContents), self
            )
            self.help_shortcut.activated.connect(self._help_for_current_page)

    async def build_rest(self) -> None:
        """What the first page did without (ui/pages/base.py), then the pages not built yet,
        one per turn of the loop: each is a few milliseconds of UI-thread work, all of them
        together a visible stall."""
        import asyncio

        for module, name in SLOW_TYPES:
            getattr(importlib.import_module(module), name)
            await asyncio.sleep(0)
        self._finish_first_page()
        await asyncio.sleep(0)
        while self.build_next_page():
            await asyncio.sleep(0)

    # --- the side panel: where we are, the language ----------------------------------------

    def _build_side(self) -> None:
        side = QWidget(self)
        side.setObjectName("sidePanel")
        layout = QVBoxLayout(side)
        self.stepLabels: dict[str, QLabel] = {}
        for name in FLOW_PAGES:
            label = QLabel(side)
            label.setObjectName(f"sideStep_{name}")
            self.stepLabels[name] = label
            layout.addWidget(label)
        layout.addStretch(1)
        self.languageCaption = QLabel(side)
        self.languageCombo = QComboBox(side)
        self.languageCombo.setObjectName("languageCombo")
        for code in i18n.LANGUAGES:
            self.languageCombo.addItem(LANGUAGE_NAMES[code], code)
        self.languageCaption.setBuddy(self.languageCombo)
        layout.addWidget(self.languageCaption)
        layout.addWidget(self.languageCombo)
        self.languageCombo.setCurrentIndex(self.languageCombo.findData(i18n.current()))
        self.languageCombo.currentIndexChanged.connect(self._language_chosen)
        self.setSideWidget(side)

    def _side_texts(self) -> dict[str, str]:
        return {
            "printer": self.tr("Printer"),
            "login": self.tr("Administrator"),
            "method": self.tr("Email service"),
            "sign_in": self.tr("Sign-in"),
            "push": self.tr("Save"),
            "fax": self.tr("Fax server"),
            "status": self.tr("Status"),
        }

    def _render_side(self) -> None:
        page = self.currentPage()
        here = page.step_name if isinstance(page, StepPage) else ""
        if here == "mailbox":
            here = "method"  # the mailbox check belongs to the method step
        texts = self._side_texts()
        if not self._fax_offered():
            del texts["fax"]
        self.stepLabels["fax"].setVisible("fax" in texts)
        for number, (name, text) in enumerate(texts.items(), start=1):
            label = self.stepLabels[name]
            label.setText(f"{number}. {text}")
            font = QFont(label.font())
            font.setBold(name == here)
            label.setFont(font)
            label.setEnabled(name == here or self._visited(name))

    def _fax_offered(self) -> bool:
        """The fax-server step shows in the list once the login found a fax page."""
        return self.controller.loaded and bool(self.controller.runner.data.get("fax_page"))

    def _visited(self, name: str) -> bool:
        return PAGE_IDS[name] in self.visitedIds()

    def _language_chosen(self, _index: int) -> None:
        self.set_language(self.languageCombo.currentData())

    def set_language(self, language: str) -> None:
        """Switch the UI language; every page re-sets its texts on the LanguageChange."""
        chosen = i18n.set_language(language)
        index = self.languageCombo.findData(chosen)
        if index != self.languageCombo.currentIndex():
            self.languageCombo.blockSignals(True)
            self.languageCombo.setCurrentIndex(index)
            self.languageCombo.blockSignals(False)
        if self._help_window is not None:
            self._help_window.set_language(chosen)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Printer OAuth Wizard"))
        self.languageCaption.setText(self.tr("&Language:"))
        self.languageCombo.setAccessibleName(self.tr("Language of the wizard"))
        for which, name in (
            (QWizard.WizardButton.BackButton, self.tr("Back")),
            (QWizard.WizardButton.NextButton, self.tr("Next")),
            (QWizard.WizardButton.CommitButton, self.tr("Next")),
            (QWizard.WizardButton.FinishButton, self.tr("Finish")),
            (QWizard.WizardButton.CancelButton, self.tr("Cancel")),
        ):
            self.button(which).setAccessibleName(name)
        # The push page is a commit page (no Back across the save); its button says Next.
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("Next"))
        self._render_side()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- where Next goes: the flow decides ----------------------------------------------------

    def page_id_after(self, step: str) -> int:
        target = self.controller.next_after(step)
        while target is not None and target not in FLOW_PAGES:
            # a step with no page of its own (mailbox): the flow passes it; show the one after
            target = self.controller.next_after(target) if self.controller.loaded else None
        if target is None:
            return -1
        if target not in self.pages and self.controller.loaded:
            self.finish_building()  # Next came before build_rest was done
        return PAGE_IDS[target]

    def _route(self, step: str, event: str, fields: dict[str, Any]) -> None:
        page = self.pages.get(step)
        if page is not None:
            page.on_event(event, fields)
        if event == "warning" and step != "status":
            self.finish_building()
            self.pages["status"].add_report_warning(fields)
        if event == "signed_in" and step == "sign_in":
            self._compare_mailbox(fields.get("account"))

    def _compare_mailbox(self, printer_account: str | None) -> None:
        """The mailbox checked earlier against the account the printer signed in as."""
        checked = self.mailbox_page.checked_account if self.mailbox_page else None
        if not checked:
            return
        from app.microsoft.mailbox_check import compare_accounts

        warning = compare_accounts(checked, printer_account)
        if warning is not None:
            for name in ("sign_in", "push"):
                self.pages[name].add_warning(warning)
            self.pages["status"].add_report_warning(warning)

    # --- help ---------------------------------------------------------------------------------

    def show_help(self, topic: str) -> None:
        """The help window (ui/help_window.py), non-modal, at `topic`."""
        if self._help_window is None:
            if importlib.util.find_spec("ui.help_window") is None:
                return
            from ui.help_window import HelpWindow

            self._help_window = HelpWindow(i18n.current())
        self._help_window.show_topic(topic)
        self._help_window.show()
        self._help_window.raise_()
        self._help_window.activateWindow()

    def _help_for_current_page(self) -> None:
        page = self.currentPage()
        if isinstance(page, StepPage):
            self.show_help(page.help_topic())

    # --- demo, another printer, closing -------------------------------------------------------

    def set_demo(
        self,
        admin_password: str,
        open_browser: bool = True,
        simulation_info: dict[str, Any] | None = None,
    ) -> None:
        self.finish_building()
        self.pages["login"].set_demo_password(admin_password)  # type: ignore[attr-defined]
        self.pages["sign_in"].open_browser_on_code = open_browser  # type: ignore[attr-defined]
        if simulation_info:  # the mailbox check against the simulator's Microsoft stand-ins
            self.set_mailbox_overrides(
                client_id=DEMO_CLIENT_ID,
                authority=simulation_info["authority"],
                smtp=f"{simulation_info['smtp_host']}:{simulation_info['smtp_port']}",
                ca_file=simulation_info["ca_file"],
            )

    def set_mailbox_overrides(self, **overrides: Any) -> None:
        """Where the mailbox check signs in and probes (`authority`, `smtp`, `ca_file`: the
        simulator's in demo mode and tests); as `load_settings` takes them."""
        self.finish_building()
        self.mailbox_page.overrides = {k: v for k, v in overrides.items() if v}

    def another_printer(self) -> None:
        """Forget this printer and start again at the first page."""
        self.finish_building()
        self.controller.reset()
        self.restarting = True
        try:
            self.restart()
        finally:
            self.restarting = False
        for page in self.pages.values():
            page.reset()
        self.mailbox_page.reset()
        self.pages["printer"].printerAddressEdit.setFocus()

    def go_to_sign_in(self) -> None:
        """The flow waits on a new sign-in (re-sign-in from the status page): back to the
        first page without undoing anything, then Next, which the flow sends to the sign-in."""
        self.restarting = True
        try:
            self.restart()
        finally:
            self.restarting = False
        for name in ("sign_in", "push", "fax", "status"):
            self.pages[name].reset()
        self.next()

    def done(self, result: int) -> None:
        """Finish, Cancel or closing the window: cancel what runs, restore, close sockets."""
        import asyncio

        if self.shutdown_task is None:
            try:
                asyncio.get_running_loop()
            except RuntimeError:  # no loop runs (a caller without qasync): close what we can
                self.controller.close_now()
            else:
                self.shutdown_task = self.controller.spawn(self.controller.shutdown())
        if self.mailbox_page is not None:
            self.mailbox_page.stop()
        if self._help_window is not None:
            # Deleted by Qt with the wizard's end, not left to Python's garbage collector: a
            # window deleted at the interpreter's exit warns "shared QObject was deleted
            # directly" (and may crash).
            self._help_window.close()
            self._help_window.deleteLater()
            self._help_window = None
        super().done(result)


def build_wizard(
    address: str | None = None,
    language: str | None = None,
    *,
    flow_factory: Callable[[], Any] | None = None,
    services_factory: Callable[[], Any] | None = None,
    deferred: bool = False,
) -> SetupWizard:
    """The wizard, not shown, no event loop started; `language`: the UI language (en, it;
    None: the system's). `address` is typed in for the technician (demo mode): contact starts
    by itself once the loop runs. The factories replace the setup flow and its services
    (tests). `deferred`: only the first page is built; the caller runs `build_rest` once it
    has painted."""
    if QApplication.instance() is None:
        raise RuntimeError("create the QApplication before the wizard")
    i18n.set_language(language)
    controller = FlowController(flow_factory, services_factory)
    wizard = SetupWizard(controller, deferred=deferred)
    if address:
        wizard.pages["printer"].set_address(address)  # type: ignore[attr-defined]
    return wizard
