"""The optional mailbox check, opened from the method page (not a step of the setup flow).

The wizard's own sign-in as the sending mailbox (MSAL device code), then an SMTP AUTH XOAUTH2
probe of Microsoft's server, no mail sent (app/microsoft/mailbox_check.py). The page drives one
`MailboxCheck` per attempt through `run_async`, keeps the task (qasync references tasks only
weakly) and cancels it when the technician leaves the page or the wizard closes. The device-code
panel repeats the sign-in page's objectNames under `mailboxPage`. Without a client ID configured
the page shows `no_client_id` and its help topic; the rest of the wizard is unaffected. Back (or
"Back to the email service") returns to the method page; Next stays disabled here.

The account checked is kept (`checked_account`): after the printer's own sign-in, the wizard
compares both and warns when they differ (`compare_accounts`).
"""

from __future__ import annotations

import contextlib
import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from app.errors import Cancelled, InternalError, WizardError
from ui.pages.base import StepPage
from ui.widgets.device_code import DeviceCodePanel

if TYPE_CHECKING:
    import asyncio

log = logging.getLogger(__name__)


class MailboxPage(StepPage):
    step_name = "mailbox"
    page_help_topic = "mailbox_check"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("mailboxPage")
        self.overrides: dict[str, Any] = {}
        """`load_settings` keywords that win over the configuration (authority, smtp, ca_file)."""
        self.checked_account: str | None = None
        self._task: asyncio.Task[Any] | None = None
        self._check: Any = None
        self._signed_in: str | None = None
        self._service = "exchange"

        self.introLabel = self.help_link_label("mailboxIntroLabel")
        self.body.addWidget(self.introLabel)
        self.panel = DeviceCodePanel(self)
        self.panel.newCodeRequested.connect(self.start_check)
        self.body.addWidget(self.panel)
        self.signInStateLabel = QLabel(self)
        self.signInStateLabel.setObjectName("signInStateLabel")
        self.signInStateLabel.setWordWrap(True)
        self.signInStateLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.signInStateLabel)
        self.mailboxResultLabel = QLabel(self)
        self.mailboxResultLabel.setObjectName("mailboxResultLabel")
        self.mailboxResultLabel.setWordWrap(True)
        self.mailboxResultLabel.setTextFormat(Qt.TextFormat.PlainText)
        bold = self.mailboxResultLabel.font()
        bold.setBold(True)
        self.mailboxResultLabel.setFont(bold)
        self.body.addWidget(self.mailboxResultLabel)
        row = QHBoxLayout()
        self.mailboxBackButton = QPushButton(self)
        self.mailboxBackButton.setObjectName("mailboxBackButton")
        self.mailboxBackButton.clicked.connect(self._back_to_method)
        row.addWidget(self.mailboxBackButton)
        row.addStretch(1)
        self.body.addLayout(row)
        self.retranslate()

    # --- texts -----------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Check the sending mailbox"))
        self.setSubTitle(
            self.tr(
                "Sign in as the mailbox the printer will send from; the wizard then tests "
                "SMTP AUTH with Microsoft. No mail is sent and the printer is not touched."
            )
        )
        text = self.tr(
            "This check signs in with the wizard's own registered application, not the "
            "printer's. It finds what blocks sending before the printer is changed: SMTP AUTH "
            "turned off, security defaults, Conditional Access, a shared mailbox."
        )
        more = self.tr("About the mailbox check")
        self.introLabel.setText(self.with_help_link(text, more, "mailbox_check"))
        self.introLabel.setAccessibleName(text)
        self.signInStateLabel.setAccessibleName(self.tr("Sign-in state"))
        self.mailboxResultLabel.setAccessibleName(self.tr("Result of the mailbox check"))
        self.mailboxBackButton.setText(self.tr("&Back to the email service"))
        self.mailboxBackButton.setAccessibleName(self.tr("Back to the email service page"))
        self._render()

    def busy_text(self) -> str:
        return self.tr("Checking the mailbox…")

    def _render(self) -> None:
        if self.checked_account and not self.running:
            self.signInStateLabel.setText(
                self.tr("Signed in as %1.").replace("%1", self.checked_account)
            )
            self.mailboxResultLabel.setText(
                "✔ "
                + self.tr("Mailbox OK: %1 can send with OAuth 2.0 (SMTP AUTH accepted).").replace(
                    "%1", self.checked_account
                )
            )
            return
        self.mailboxResultLabel.setText("")
        if self._signed_in:
            self.signInStateLabel.setText(
                self.tr("Signed in as %1. Testing SMTP AUTH with Microsoft…").replace(
                    "%1", self._signed_in
                )
            )
        elif self.panel.code:
            self.signInStateLabel.setText(self.tr("Waiting for the sign-in in the browser…"))
        elif self.running:
            self.signInStateLabel.setText(self.tr("Asking Microsoft for a sign-in code…"))
        else:
            self.signInStateLabel.setText("")

    # --- the check -------------------------------------------------------------------------

    @property
    def running(self) -> bool:
        return self._task is not None and not self._task.done()

    def _chosen_service(self) -> str:
        wizard = self.wizard()
        method = getattr(wizard, "pages", {}).get("method") if wizard is not None else None
        return getattr(method, "service", "exchange")

    def start_check(self) -> None:
        """A new attempt (a fresh MailboxCheck: MSAL replays errors of the last one)."""
        import asyncio

        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return  # no loop runs (a caller without qasync): nothing can be checked
        self.stop()
        self.clear_error()
        self.checked_account = None
        self._signed_in = None
        self.panel.clear()
        self._service = self._chosen_service()
        self.set_working(True, self.busy_text())
        task = asyncio.ensure_future(self._run())
        self._task = task
        task.add_done_callback(self._finished)
        self._render()

    async def _run(self) -> Any:
        from app.microsoft.mailbox_check import MailboxCheck, load_settings

        settings = load_settings(self._service, **self.overrides)
        import asyncio

        check = MailboxCheck(settings)
        self._check = check
        me = asyncio.current_task()
        return await check.run_async(lambda event, fields: self._on_check_event(me, event, fields))

    def _on_check_event(self, task: Any, event: str, fields: dict[str, Any]) -> None:
        if task is not self._task:
            return  # an attempt abandoned meanwhile
        if event == "device_code":
            self.panel.set_code(
                str(fields.get("user_code", "")),
                str(fields.get("verification_uri", "")),
                fields.get("expires_at"),
                personal=self._service == "outlook",
            )
        elif event == "signed_in":
            self._signed_in = fields.get("account") or ""
            self.panel.code_used()
            self.panel.countdownLabel.clear()  # the code is used: no countdown any more
        elif event == "mailbox_ok":
            self.checked_account = fields.get("account") or self._signed_in
        self._render()

    def _finished(self, task: asyncio.Task[Any]) -> None:
        if task is not self._task:
            return
        self._check = None
        self.set_working(False)
        self.panel.code_used()
        if task.cancelled():
            self._render()
            return
        error = task.exception()
        if error is None:
            result = task.result()
            self.checked_account = getattr(result, "account", None) or self.checked_account
        elif isinstance(error, WizardError):
            if not isinstance(error, Cancelled):
                self.show_error(error)
        else:
            log.error("mailbox check failed unexpectedly", exc_info=error)
            self.show_error(InternalError(reason=type(error).__name__))
        self._render()

    def stop(self) -> None:
        """Cancel the running attempt (leaving the page, closing the wizard)."""
        task, self._task = self._task, None
        check, self._check = self._check, None
        if check is not None:
            check.cancel()  # the worker ends within about a second
        if task is not None and not task.done():
            task.cancel()
            # run_async waits for its worker; keep the task referenced until it is over
            self.controller._tasks.add(task)
            task.add_done_callback(self.controller._tasks.discard)
            task.add_done_callback(_consume)
        self.set_working(False)

    # --- QWizardPage ---------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.start_check()
        self.mailboxBackButton.setFocus()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt override)
        """Back to the method page: the flow is not involved, only the check stops."""
        self.stop()
        self.panel.clear()
        self._signed_in = None
        self.clear_error()
        self._render()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        return False

    def isComplete(self) -> bool:  # noqa: N802 (Qt override)
        return False  # not a step: Back returns to the method page

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        from ui.wizard import PAGE_IDS

        return PAGE_IDS["sign_in"]  # never taken (Next is disabled); keeps Finish away

    def _back_to_method(self) -> None:
        wizard = self.wizard()
        if wizard is not None and wizard.currentPage() is self:
            wizard.back()

    def reset(self) -> None:
        self.stop()
        super().reset()
        self.checked_account = None
        self._signed_in = None
        self.panel.clear()
        self._render()


def _consume(task: asyncio.Task[Any]) -> None:
    if not task.cancelled():
        with contextlib.suppress(BaseException):
            task.exception()
