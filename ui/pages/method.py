"""Step 3, the method: OAuth2 with Exchange Online (preselected) or Outlook.com, the
prerequisites with their help links, and the optional mailbox check (`mailboxCheckButton`
opens `mailboxPage`; Back returns here)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QButtonGroup,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from ui.pages.base import StepPage

PREREQUISITES = ("enable_smtp_auth", "security_defaults", "token_rejected", "additional_network")
"""Help topics of the checklist, in the order of its lines."""


class MethodPage(StepPage):
    step_name = "method"
    page_help_topic = "prerequisites"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("methodPage")

        self.serviceBox = QGroupBox(self)
        box = QVBoxLayout(self.serviceBox)
        self.serviceExchangeRadio = QRadioButton(self.serviceBox)
        self.serviceExchangeRadio.setObjectName("serviceExchangeRadio")
        self.serviceExchangeRadio.setChecked(True)
        self.serviceOutlookRadio = QRadioButton(self.serviceBox)
        self.serviceOutlookRadio.setObjectName("serviceOutlookRadio")
        self._group = QButtonGroup(self)
        self._group.addButton(self.serviceExchangeRadio)
        self._group.addButton(self.serviceOutlookRadio)
        box.addWidget(self.serviceExchangeRadio)
        box.addWidget(self.serviceOutlookRadio)
        sender_row = QHBoxLayout()
        self.senderCaption = QLabel(self.serviceBox)
        self.senderEdit = QLineEdit(self.serviceBox)
        self.senderEdit.setObjectName("senderEdit")
        self.senderCaption.setBuddy(self.senderEdit)
        sender_row.addWidget(self.senderCaption)
        sender_row.addWidget(self.senderEdit, 1)
        box.addLayout(sender_row)
        self.body.addWidget(self.serviceBox)

        self.checklistBox = QGroupBox(self)
        checklist = QVBoxLayout(self.checklistBox)
        self.checklistLabels: list[QLabel] = []
        for topic in PREREQUISITES:
            label = self.help_link_label(f"prerequisite_{topic}", self.checklistBox)
            label.setProperty("helpTopic", topic)
            checklist.addWidget(label)
            self.checklistLabels.append(label)
        check_row = QHBoxLayout()
        self.mailboxCheckButton = QPushButton(self.checklistBox)
        self.mailboxCheckButton.setObjectName("mailboxCheckButton")
        self.mailboxCheckButton.clicked.connect(self.open_mailbox_check)
        self._to_mailbox = False
        check_row.addWidget(self.mailboxCheckButton)
        check_row.addStretch(1)
        checklist.addLayout(check_row)
        self.body.addWidget(self.checklistBox)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Email service"))
        self.setSubTitle(
            self.tr("The printer will sign in to Microsoft with OAuth 2.0 to send email.")
        )
        self.serviceBox.setTitle(self.tr("Service"))
        self.serviceExchangeRadio.setText(
            self.tr("Microsoft &Exchange Online (Microsoft 365 work or school account)")
        )
        self.serviceExchangeRadio.setAccessibleName(self.tr("Microsoft Exchange Online"))
        self.serviceOutlookRadio.setText(self.tr("&Outlook.com (personal Microsoft account)"))
        self.serviceOutlookRadio.setAccessibleName(self.tr("Outlook.com"))
        self.senderCaption.setText(self.tr("&Sender address:"))
        self.senderEdit.setPlaceholderText(self.tr("optional: the signed-in account"))
        self.senderEdit.setAccessibleName(self.tr("Sender address (optional)"))
        self.checklistBox.setTitle(self.tr("Before you start (Exchange Online)"))
        lines = (
            self.tr("SMTP AUTH is turned on for the tenant and for the sending mailbox."),
            self.tr("Security defaults do not block SMTP AUTH."),
            self.tr("The printer signs in as a licensed user mailbox, not a shared one."),
            self.tr("The printer is reached through its standard network interface."),
        )
        more = self.tr("How?")
        for label, line in zip(self.checklistLabels, lines, strict=True):
            topic = label.property("helpTopic")
            label.setText(self.with_help_link(f"• {line}", more, topic))
            label.setAccessibleName(line)
        self.mailboxCheckButton.setText(self.tr("Check the mailbox…"))
        self.mailboxCheckButton.setAccessibleName(self.tr("Check the sending mailbox"))
        self.mailboxCheckButton.setToolTip(
            self.tr("Sign in as the sending mailbox and test SMTP AUTH before the printer")
        )

    def busy_text(self) -> str:
        return self.tr("Saving the choice…")

    @property
    def service(self) -> str:
        return "outlook" if self.serviceOutlookRadio.isChecked() else "exchange"

    def step_inputs(self) -> dict[str, Any]:
        # offer_fax: the flow offers the fax-server step after the push on fax models
        inputs: dict[str, Any] = {"service": self.service, "offer_fax": True}
        sender = self.senderEdit.text().strip()
        if sender:
            inputs["sender"] = sender
        return inputs

    def open_mailbox_check(self) -> None:
        """The mailbox page: not a flow step, so Next is bypassed rather than run."""
        wizard = self.wizard()
        if wizard is None or self.working:
            return
        self._to_mailbox = True
        try:
            wizard.next()
        finally:
            self._to_mailbox = False

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        return True if self._to_mailbox else super().validatePage()

    def nextId(self) -> int:  # noqa: N802 (Qt override)
        if self._to_mailbox:
            from ui.wizard import PAGE_IDS

            return PAGE_IDS["mailbox"]
        return super().nextId()

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        chosen = (
            self.serviceOutlookRadio if self.service == "outlook" else self.serviceExchangeRadio
        )
        chosen.setFocus()

    def reset(self) -> None:
        super().reset()
        self.serviceExchangeRadio.setChecked(True)
        self.senderEdit.clear()
