"""Step 2, the administrator: user name (usually empty) and password, with show/hide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QWidget

from ui.pages.base import StepPage


class LoginPage(StepPage):
    step_name = "login"
    page_help_topic = "wrong_password"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("loginPage")
        self._demo_password: str | None = None

        form = QFormLayout()
        self.userCaption = QLabel(self)
        self.adminUserEdit = QLineEdit(self)
        self.adminUserEdit.setObjectName("adminUserEdit")
        self.userCaption.setBuddy(self.adminUserEdit)
        self.passwordCaption = QLabel(self)
        self.adminPasswordEdit = QLineEdit(self)
        self.adminPasswordEdit.setObjectName("adminPasswordEdit")
        self.adminPasswordEdit.setEchoMode(QLineEdit.EchoMode.Password)
        self.passwordCaption.setBuddy(self.adminPasswordEdit)
        self.showPasswordButton = QPushButton(self)
        self.showPasswordButton.setObjectName("showPasswordButton")
        self.showPasswordButton.setCheckable(True)
        self.showPasswordButton.toggled.connect(self._show_password)
        password_row = QHBoxLayout()
        password_row.addWidget(self.adminPasswordEdit, 1)
        password_row.addWidget(self.showPasswordButton)
        form.addRow(self.userCaption, self.adminUserEdit)
        form.addRow(self.passwordCaption, password_row)
        self.body.addLayout(form)

        self.passwordHint = QLabel(self)
        self.passwordHint.setWordWrap(True)
        self.body.addWidget(self.passwordHint)
        self.demoHint = QLabel(self)
        self.demoHint.setObjectName("demoPasswordHint")
        self.demoHint.setWordWrap(True)
        self.demoHint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.demoHint.hide()
        self.body.addWidget(self.demoHint)

        self.adminPasswordEdit.textChanged.connect(self._typed)
        self.adminUserEdit.textChanged.connect(self._typed)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Administrator"))
        self.setSubTitle(self.tr("Log in to the printer's Web Config as its administrator."))
        self.userCaption.setText(self.tr("&User name:"))
        self.adminUserEdit.setPlaceholderText(self.tr("usually empty"))
        self.adminUserEdit.setAccessibleName(self.tr("Administrator user name"))
        self.passwordCaption.setText(self.tr("&Password:"))
        self.adminPasswordEdit.setAccessibleName(self.tr("Administrator password"))
        self._show_password(self.showPasswordButton.isChecked())
        self.passwordHint.setText(
            self.tr(
                "On current models the default administrator password is the printer's serial "
                "number, printed on the label on the printer."
            )
        )
        if self._demo_password is not None:
            self.demoHint.setText(
                self.tr("Demo printer: the administrator password is %1.").replace(
                    "%1", self._demo_password
                )
            )

    def busy_text(self) -> str:
        return self.tr("Logging in…")

    def _show_password(self, shown: bool) -> None:
        self.adminPasswordEdit.setEchoMode(
            QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        )
        self.showPasswordButton.setText(self.tr("Hide") if shown else self.tr("Show"))
        self.showPasswordButton.setAccessibleName(
            self.tr("Hide the password") if shown else self.tr("Show the password")
        )

    def _typed(self, _text: str) -> None:
        if self.error_code is not None:
            self.clear_error()
        self.completeChanged.emit()

    def set_demo_password(self, password: str) -> None:
        """Demo mode only: say the simulated printer's password (never prefilled)."""
        self._demo_password = password
        self.demoHint.show()
        self.retranslate()

    def can_go_on(self) -> bool:
        return bool(self.adminPasswordEdit.text())

    def step_inputs(self) -> dict[str, Any]:
        return {"user": self.adminUserEdit.text(), "password": self.adminPasswordEdit.text()}

    def step_failed(self, error: Any) -> None:
        if error.code in ("wrong_password", "locked_out"):
            self.adminPasswordEdit.selectAll()
            self.adminPasswordEdit.setFocus()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.adminPasswordEdit.setFocus()

    def reset(self) -> None:
        super().reset()
        self.adminUserEdit.clear()
        self.adminPasswordEdit.clear()
        self.showPasswordButton.setChecked(False)
