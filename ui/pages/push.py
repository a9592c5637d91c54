"""Step 5, the push: one deliberate "Save to printer" — write, commit, read back, connection
test. The step does the work; the page follows its `progress` events and moves on by itself."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ui.pages.base import StepPage
from ui.widgets.phase_list import PhaseList

PHASES = ("write", "commit", "verify", "test")


class PushPage(StepPage):
    step_name = "push"
    page_help_topic = "manual_web_config"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("pushPage")
        self.setCommitPage(True)  # after the save there is no going back to the sign-in

        self.introLabel = QLabel(self)
        self.introLabel.setWordWrap(True)
        self.body.addWidget(self.introLabel)
        row = QHBoxLayout()
        self.saveToPrinterButton = QPushButton(self)
        self.saveToPrinterButton.setObjectName("saveToPrinterButton")
        self.saveToPrinterButton.clicked.connect(self.save)
        row.addWidget(self.saveToPrinterButton)
        self.signInAgainButton = QPushButton(self)
        self.signInAgainButton.setObjectName("signInAgainButton")
        self.signInAgainButton.clicked.connect(self.sign_in_again)
        self.signInAgainButton.setVisible(False)
        row.addWidget(self.signInAgainButton)
        row.addStretch(1)
        self.body.addLayout(row)
        self.phases = PhaseList(
            PHASES, progress_name="pushProgress", label_prefix="phase_", parent=self
        )
        self.body.addWidget(self.phases)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Save to the printer"))
        self.setSubTitle(self.tr("Write the settings, let the printer save them, then check them."))
        self.introLabel.setText(
            self.tr(
                "The printer's email settings change only now. If a step after the first "
                "change fails, the previous settings are put back."
            )
        )
        self.saveToPrinterButton.setText(self.tr("&Save to printer"))
        self.saveToPrinterButton.setAccessibleName(self.tr("Save the settings to the printer"))
        self.signInAgainButton.setText(self.tr("Sign &in again"))
        self.signInAgainButton.setAccessibleName(
            self.tr("Sign the printer in again: putting the settings back undid its sign-in")
        )
        self.phases.progress.setAccessibleName(self.tr("Progress of the save"))
        self.phases.progress.setFormat(self.tr("%v of %m"))
        self.phases.set_texts(
            (
                self.tr("Write the email settings"),
                self.tr("Save them on the printer (OK)"),
                self.tr("Read them back and compare"),
                self.tr("Printer's connection test"),
            )
        )

    def busy_text(self) -> str:
        return self.tr("Saving to the printer…")

    def save(self) -> None:
        if self.working or not self.flow_is_here():
            return
        self.phases.clear()
        self.phases.reach("write")  # written with the sign-in: the save starts here
        self.start_step()

    def sign_in_again(self) -> None:
        """After a failed save the previous settings are back, and with them the printer's
        old sign-in state: the flow waits at the sign-in again, so the page goes there."""
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "go_to_sign_in"):
            wizard.go_to_sign_in()

    def cleanupPage(self) -> None:  # noqa: N802 (Qt override)
        """Back once a restore took the flow back to the sign-in means Sign in again: the flow
        already stands there, and the sign-in page must start afresh, not show the old one."""
        wizard = self.wizard()
        if not self._sign_in_undone() or getattr(wizard, "restarting", True):
            super().cleanupPage()
            return
        self.clear_error()
        QTimer.singleShot(0, self, self.sign_in_again)

    def _sign_in_undone(self) -> bool:
        return self.controller.loaded and self.controller.current == "sign_in"

    def step_failed(self, error: Any) -> None:
        self._render_actions()

    def set_working(self, working: bool, text: str = "") -> None:
        super().set_working(working, text)
        self._render_actions()

    def _render_actions(self) -> None:
        """Save (again) while the flow is here; Sign in again once a restore took it back."""
        undone = not self.working and self._sign_in_undone()
        self.saveToPrinterButton.setVisible(not undone)
        self.saveToPrinterButton.setEnabled(not self.working and self.flow_is_here())
        self.signInAgainButton.setVisible(undone)
        if undone:
            self.signInAgainButton.setFocus()

    def on_event(self, event: str, fields: dict[str, Any]) -> None:
        super().on_event(event, fields)
        if event == "progress" and fields.get("phase") in PHASES:
            self.phases.reach(fields["phase"])
        elif event == "saved":  # the printer's OK: reading back comes next
            self.phases.reach("verify")
        elif event == "verified":
            self.phases.reach("test")

    def step_succeeded(self, next_step: str | None) -> None:
        self.phases.finish()
        super().step_succeeded(next_step)

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        return not self.working and self.can_go_on()

    def can_go_on(self) -> bool:
        return self.controller.has_done(self.step_name)

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self._render_actions()
        self.saveToPrinterButton.setFocus()

    def reset(self) -> None:
        super().reset()
        self.phases.clear()
        self._render_actions()
