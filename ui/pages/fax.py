"""The fax-server email settings (optional, after the push, on fax models only).

The Internet fax provider's mail server may not be Microsoft: the technician chooses its
service — Microsoft Exchange Online, Outlook.com, or leave it as it is (the default). For
OAuth2 the printer signs in again for the fax server, with its own device-code panel (the
flow's "fax" step emits `device_code`, `sign_in_state`, `signed_in`, `saved`, `verified` with
`"part": "fax"`). The step is its own transaction: whatever happens here, the email settings
saved before stay verified. Next runs the step; the wizard moves on to the status by itself.
"""

from __future__ import annotations

import inspect
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.pages.base import StepPage
from ui.widgets.device_code import DeviceCodePanel
from ui.widgets.phase_list import PhaseList

PHASES = ("sign_in", "commit", "verify")
CHOICES = ("keep", "exchange", "outlook")


class FaxPage(StepPage):
    step_name = "fax"
    page_help_topic = "fax_server"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("faxPage")
        self._state: dict[str, Any] = {}
        self._account: str | None = None

        self.introLabel = self.help_link_label("faxIntroLabel")
        self.body.addWidget(self.introLabel)

        self.serviceBox = QGroupBox(self)
        box = QVBoxLayout(self.serviceBox)
        self.faxKeepRadio = QRadioButton(self.serviceBox)
        self.faxKeepRadio.setObjectName("faxKeepRadio")
        self.faxKeepRadio.setChecked(True)
        self.faxExchangeRadio = QRadioButton(self.serviceBox)
        self.faxExchangeRadio.setObjectName("faxExchangeRadio")
        self.faxOutlookRadio = QRadioButton(self.serviceBox)
        self.faxOutlookRadio.setObjectName("faxOutlookRadio")
        self._group = QButtonGroup(self)
        for radio in (self.faxKeepRadio, self.faxExchangeRadio, self.faxOutlookRadio):
            self._group.addButton(radio)
            box.addWidget(radio)
            radio.toggled.connect(self._choice_changed)
        self.body.addWidget(self.serviceBox)

        self._build_sign_in_box()
        self.retranslate()

    def _build_sign_in_box(self) -> None:
        """The fax server's own sign-in: the device-code panel, live state, progress."""
        self.signInBox = QGroupBox(self)
        sign_in = QVBoxLayout(self.signInBox)
        sign_in.setSpacing(4)
        self.panel = DeviceCodePanel(self.signInBox)
        self.panel.newCodeRequested.connect(self.new_code)
        sign_in.addWidget(self.panel)
        self.signInStateLabel = QLabel(self.signInBox)
        self.signInStateLabel.setObjectName("signInStateLabel")
        self.signInStateLabel.setWordWrap(True)
        self.signInStateLabel.setTextFormat(Qt.TextFormat.PlainText)
        sign_in.addWidget(self.signInStateLabel)
        self.phases = PhaseList(
            PHASES,
            progress_name="faxProgress",
            label_prefix="faxPhase_",
            in_a_row=True,  # the page is tall already
            parent=self.signInBox,
        )
        sign_in.addWidget(self.phases)
        self.body.addWidget(self.signInBox)
        self.signInBox.setVisible(False)

    # --- texts ---------------------------------------------------------------------------

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Fax server email settings"))
        self.setSubTitle(
            self.tr(
                "The printer's email settings are saved and verified. Faxes may go out "
                "through another mail server."
            )
        )
        text = self.tr(
            "Faxes go out through the Internet fax provider's mail server, which may not be "
            "Microsoft: change it only if the provider uses Exchange Online or Outlook.com. "
            "The email settings saved before stay as they are whatever you choose here."
        )
        more = self.tr("More about the fax server")
        self.introLabel.setText(self.with_help_link(text, more, "fax_server"))
        self.introLabel.setAccessibleName(text)
        self.serviceBox.setTitle(self.tr("Fax server's email service"))
        self.faxKeepRadio.setText(self.tr("&Leave it as it is"))
        self.faxKeepRadio.setAccessibleName(self.tr("Leave the fax server settings as they are"))
        self.faxExchangeRadio.setText(
            self.tr("Microsoft E&xchange Online (Microsoft 365 work or school account)")
        )
        self.faxExchangeRadio.setAccessibleName(self.tr("Fax server: Microsoft Exchange Online"))
        self.faxOutlookRadio.setText(self.tr("Outlook.co&m (personal Microsoft account)"))
        self.faxOutlookRadio.setAccessibleName(self.tr("Fax server: Outlook.com"))
        self.signInBox.setTitle(self.tr("Sign-in for the fax server"))
        self.signInStateLabel.setAccessibleName(self.tr("Sign-in state"))
        self.phases.progress.setAccessibleName(self.tr("Progress of the fax server settings"))
        self.phases.progress.setFormat(self.tr("%v of %m"))
        self.phases.set_texts(
            (
                self.tr("Sign in"),
                self.tr("Save on the printer (OK)"),
                self.tr("Read back and compare"),
            )
        )
        self._render_state()

    def _render_state(self) -> None:
        if self._account:
            self.signInStateLabel.setText(self.tr("Signed in as %1.").replace("%1", self._account))
        elif self._state:
            device_text = self._state.get("text") or ""
            if self._state.get("state") in (None, "pending"):
                line = self.tr("Waiting for the sign-in in the browser…")
                if device_text:
                    line += " " + self.tr("(printer: “%1”)").replace("%1", device_text)
            else:
                line = self.tr("The printer reports: %1").replace("%1", device_text)
            self.signInStateLabel.setText(line)
        elif self.panel.code:
            self.signInStateLabel.setText(self.tr("Waiting for the sign-in in the browser…"))
        elif self.working:
            self.signInStateLabel.setText(self.tr("Asking the printer for a sign-in code…"))
        else:
            self.signInStateLabel.setText("")

    def busy_text(self) -> str:
        if self.choice == "keep":
            return self.tr("Leaving the fax server settings as they are…")
        return self.tr("Configuring the fax server settings…")

    # --- the choice ------------------------------------------------------------------------

    @property
    def choice(self) -> str:
        if self.faxExchangeRadio.isChecked():
            return "exchange"
        if self.faxOutlookRadio.isChecked():
            return "outlook"
        return "keep"

    def _choice_changed(self, _checked: bool) -> None:
        self.signInBox.setVisible(self.choice != "keep" or bool(self.panel.code))

    def step_inputs(self) -> dict[str, Any]:
        return {"fax": self.choice}

    # --- events ----------------------------------------------------------------------------

    def on_event(self, event: str, fields: dict[str, Any]) -> None:
        super().on_event(event, fields)
        if event == "device_code":
            self.clear_error()
            self._state = {}
            self.signInBox.setVisible(True)
            self.panel.set_code(
                str(fields.get("user_code", "")),
                str(fields.get("verification_uri", "")),
                fields.get("expires_at"),
                personal=self.choice == "outlook",
            )
            self.phases.reach("sign_in")
        elif event == "sign_in_state":
            self._state = dict(fields)
        elif event == "signed_in":
            self._account = fields.get("account") or ""
            self.panel.code_used()
            self.phases.reach("commit")
        elif event in ("saved", "verified"):
            self.phases.reach("verify")
        self._render_state()

    # --- running ---------------------------------------------------------------------------

    def start_step(self, **inputs: Any) -> None:
        self._state = {}
        self._account = None
        self.phases.clear()
        self.panel.clear()
        self.signInBox.setVisible(self.choice != "keep")
        super().start_step(**inputs)
        self._render_state()

    def set_working(self, working: bool, text: str = "") -> None:
        super().set_working(working, text)
        self.serviceBox.setEnabled(not working)
        self.panel.newCodeButton.setEnabled(working or self.flow_is_here())

    def new_code(self) -> None:
        if self.working:
            self.panel.clear()
            self._state = {}
            self._render_state()
            result = self.controller.runner.services.request_new_code()
            if inspect.isawaitable(result):
                self.controller.spawn(_wait(result))
        elif self.flow_is_here() and self.choice != "keep":
            self.start_step(**self.step_inputs())

    def step_succeeded(self, next_step: str | None) -> None:
        if self.choice != "keep":
            self.phases.finish()
        super().step_succeeded(next_step)

    def step_failed(self, error: Any) -> None:
        self.panel.code_used()
        self._render_state()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        chosen = {"exchange": self.faxExchangeRadio, "outlook": self.faxOutlookRadio}.get(
            self.choice, self.faxKeepRadio
        )
        chosen.setFocus()

    def reset(self) -> None:
        super().reset()
        self._state = {}
        self._account = None
        self.phases.clear()
        self.panel.clear()
        self.faxKeepRadio.setChecked(True)
        self.signInBox.setVisible(False)
        self._render_state()


async def _wait(awaitable: Any) -> None:
    await awaitable
