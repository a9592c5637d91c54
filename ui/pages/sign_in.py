"""Step 4, the sign-in: the printer's own device-code sign-in with Microsoft, relayed.

The step starts by itself when the page opens (the flow's "sign_in" step has no inputs); the
page renders its events: `device_code` (again for every new code), `sign_in_state` while the
device polls, `signed_in`. The wizard moves on by itself once the step succeeds. "New code"
asks the running step for one (`services.request_new_code()`), or runs the step again after
it failed (declined, expired…).
"""

from __future__ import annotations

import inspect
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLabel, QWidget

from ui.pages.base import StepPage
from ui.widgets.device_code import DeviceCodePanel


class SignInPage(StepPage):
    step_name = "sign_in"
    page_help_topic = "device_code_sign_in"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("signInPage")
        self._state: dict[str, Any] = {}
        self._account: str | None = None
        self.open_browser_on_code = False
        """Demo mode: open the (simulated) sign-in page as soon as the code arrives."""

        self.whoLabel = self.help_link_label("whoSignsInLabel")
        self.body.addWidget(self.whoLabel)
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.body.addWidget(line)
        self.panel = DeviceCodePanel(self)
        self.panel.newCodeRequested.connect(self.new_code)
        self.body.addWidget(self.panel)
        self.signInStateLabel = QLabel(self)
        self.signInStateLabel.setObjectName("signInStateLabel")
        self.signInStateLabel.setWordWrap(True)
        self.signInStateLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.body.addWidget(self.signInStateLabel)
        self.retranslate()

    # The contract's names live on the panel; reach them from the page too.
    @property
    def userCodeLabel(self) -> QLabel:  # noqa: N802 (objectName)
        return self.panel.userCodeLabel

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Sign in with Microsoft"))
        self.setSubTitle(
            self.tr("The printer signs in to the mailbox it sends from. Finish it in a browser.")
        )
        self.signInStateLabel.setAccessibleName(self.tr("Sign-in state"))
        self._render_who()
        self._render_state()

    def busy_text(self) -> str:
        return self.tr("Waiting for the sign-in…")

    def _service(self) -> str:
        if not self.controller.loaded:
            return "exchange"
        return self.controller.runner.data.get("service") or "exchange"

    def _render_who(self) -> None:
        more = self.tr("Who signs in?")
        if self._service() == "outlook":
            text = self.tr(
                "Sign in with the Outlook.com account the printer sends from. Allow the "
                "permissions Epson's app asks for."
            )
        else:
            text = self.tr(
                "Sign in as the licensed user mailbox the printer sends from (not a shared "
                "mailbox). If Microsoft asks for permissions, an administrator (Global or Cloud "
                "Application Administrator) must tick “Consent on behalf of your organization” "
                "and accept."
            )
        self.whoLabel.setText(self.with_help_link(text, more, "who_signs_in"))
        self.whoLabel.setAccessibleName(text)

    def _render_state(self) -> None:
        if self._account:
            self.signInStateLabel.setText(self.tr("Signed in as %1.").replace("%1", self._account))
        elif self._state:
            device_text = self._state.get("text") or ""
            if self._state.get("state") in (None, "pending"):
                line = self.tr("Waiting for the sign-in in the browser…")
            else:
                line = self.tr("The printer reports: %1").replace("%1", device_text)
            if device_text and self._state.get("state") in (None, "pending"):
                line += " " + self.tr("(printer: “%1”)").replace("%1", device_text)
            self.signInStateLabel.setText(line)
        elif self.panel.code:
            self.signInStateLabel.setText(self.tr("Waiting for the sign-in in the browser…"))
        elif self.working:
            self.signInStateLabel.setText(self.tr("Asking the printer for a sign-in code…"))
        else:
            self.signInStateLabel.setText("")

    # --- events -------------------------------------------------------------------------------

    def on_event(self, event: str, fields: dict[str, Any]) -> None:
        super().on_event(event, fields)
        if event == "device_code":
            self.clear_error()
            self._state = {}
            self.panel.set_code(
                str(fields.get("user_code", "")),
                str(fields.get("verification_uri", "")),
                fields.get("expires_at"),
                personal=self._service() == "outlook",
            )
            if self.open_browser_on_code:
                self.panel.open_url()
        elif event == "sign_in_state":
            self._state = dict(fields)
        elif event == "signed_in":
            self._account = fields.get("account") or ""
            self.panel.code_used()
        self._render_state()

    # --- running ------------------------------------------------------------------------------

    def start_step(self, **inputs: Any) -> None:
        self._state = {}
        self._account = None
        self.panel.clear()
        super().start_step(**inputs)
        self._render_state()

    def new_code(self) -> None:
        if self.working:
            self.panel.clear()
            self._state = {}
            self._render_state()
            services = self.controller.runner.services
            result = services.request_new_code()
            if inspect.isawaitable(result):
                self.controller.spawn(_wait(result))
        elif self.flow_is_here():
            self.start_step()

    def step_failed(self, error: Any) -> None:
        self.panel.code_used()
        self._render_state()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self._render_who()
        if self.flow_is_here() and not self.working:
            self.start_step()

    def can_go_on(self) -> bool:
        # Next runs the sign-in again after it failed; it moves on by itself when it succeeds.
        return self.flow_is_here() or self._account is not None

    def reset(self) -> None:
        super().reset()
        self._state = {}
        self._account = None
        self.panel.clear()
        self._render_state()


async def _wait(awaitable: Any) -> None:
    await awaitable
