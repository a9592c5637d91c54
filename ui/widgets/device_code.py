"""The device-code panel: the code large, copy, open the page, the URL as a QR code, countdown,
new code. The sign-in page uses it, and the mailbox page will (same objectNames under it).

`userCodeLabel` is empty until a code arrives, then holds exactly the code as plain text. The
code is copied to the clipboard when it arrives (the panel says so) and removed from the
clipboard once used (`code_used`), since a used code is a secret (DESIGN.md "Secrets"). The QR
code carries the verification URL only: Microsoft does not allow the code in the link.
Personal accounts' codes die after about 5 minutes whatever the service announced, so the
countdown never shows more than that for them.
"""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from PySide6.QtCore import QEvent, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QFontDatabase, QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

PERSONAL_CODE_LIFETIME = timedelta(minutes=5)
QR_MODULE_PIXELS = 4


def parse_expiry(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def qr_png(data: str, scale: int) -> bytes:
    """A QR code of `data` as PNG bytes (dark on light, as scanners expect it)."""
    import segno

    buffer = io.BytesIO()
    segno.make(data, error="m").save(buffer, kind="png", scale=scale, border=2)
    return buffer.getvalue()


class DeviceCodePanel(QWidget):
    newCodeRequested = Signal()  # noqa: N815 (Qt signal naming)
    urlOpened = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("deviceCodePanel")
        self._code = ""
        self._url = ""
        self._deadline: datetime | None = None
        self._copied = False

        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.addLayout(self._build_code_column(), 0, 0)

        self.qrCodeLabel = QLabel(self)
        self.qrCodeLabel.setObjectName("qrCodeLabel")
        self.qrCodeLabel.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignRight)
        self.qrCodeLabel.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        grid.addWidget(self.qrCodeLabel, 0, 1)
        grid.setColumnStretch(0, 1)

        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._render_countdown)
        self.copyCodeButton.clicked.connect(self.copy_code)
        self.openUrlButton.clicked.connect(self.open_url)
        self.newCodeButton.clicked.connect(self.newCodeRequested)
        self.clear()
        self.retranslate()

    def _build_code_column(self) -> QVBoxLayout:
        left = QVBoxLayout()
        self.codeCaption = QLabel(self)
        self.userCodeLabel = QLabel(self)
        self.userCodeLabel.setObjectName("userCodeLabel")
        self.userCodeLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.userCodeLabel.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.userCodeLabel.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        big = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        big.setPointSizeF(max(big.pointSizeF(), 10.0) * 2.4)
        big.setWeight(QFont.Weight.Bold)
        big.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 110)
        self.userCodeLabel.setFont(big)
        self.userCodeLabel.setMinimumHeight(self.userCodeLabel.fontMetrics().height() + 8)
        self.copiedLabel = QLabel(self)
        self.copiedLabel.setObjectName("copiedLabel")
        buttons = QHBoxLayout()
        self.copyCodeButton = QPushButton(self)
        self.copyCodeButton.setObjectName("copyCodeButton")
        self.openUrlButton = QPushButton(self)
        self.openUrlButton.setObjectName("openUrlButton")
        self.newCodeButton = QPushButton(self)
        self.newCodeButton.setObjectName("newCodeButton")
        buttons.addWidget(self.copyCodeButton)
        buttons.addWidget(self.openUrlButton)
        buttons.addWidget(self.newCodeButton)
        buttons.addStretch(1)
        self.urlCaption = QLabel(self)
        self.verificationUrlLabel = QLabel(self)
        self.verificationUrlLabel.setObjectName("verificationUrlLabel")
        self.verificationUrlLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.verificationUrlLabel.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.verificationUrlLabel.setWordWrap(True)
        self.countdownLabel = QLabel(self)
        self.countdownLabel.setObjectName("countdownLabel")
        left.addWidget(self.codeCaption)
        left.addWidget(self.userCodeLabel)
        left.addWidget(self.copiedLabel)
        left.addLayout(buttons)
        left.addWidget(self.urlCaption)
        left.addWidget(self.verificationUrlLabel)
        left.addWidget(self.countdownLabel)
        left.addStretch(1)
        return left

    # --- texts -------------------------------------------------------------------------------

    def retranslate(self) -> None:
        self.codeCaption.setText(self.tr("Code to enter on Microsoft's page:"))
        self.userCodeLabel.setAccessibleName(self.tr("Sign-in code"))
        self.copyCodeButton.setText(self.tr("&Copy code"))
        self.copyCodeButton.setAccessibleName(self.tr("Copy the code to the clipboard"))
        self.openUrlButton.setText(self.tr("&Open sign-in page"))
        self.openUrlButton.setAccessibleName(
            self.tr("Open Microsoft's sign-in page in the browser")
        )
        self.newCodeButton.setText(self.tr("&New code"))
        self.newCodeButton.setAccessibleName(self.tr("Get a new code"))
        self.urlCaption.setText(self.tr("Sign-in page (also as QR code for a phone):"))
        self.verificationUrlLabel.setAccessibleName(self.tr("Sign-in page address"))
        self.qrCodeLabel.setAccessibleName(self.tr("QR code of the sign-in page address"))
        self.copiedLabel.setText(
            self.tr("The code is in the clipboard: paste it on the sign-in page.")
            if self._copied
            else ""
        )
        self._render_countdown()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # --- the code -----------------------------------------------------------------------------

    @property
    def code(self) -> str:
        return self._code

    @property
    def url(self) -> str:
        return self._url

    def set_code(
        self, user_code: str, verification_uri: str, expires_at: str | None, personal: bool
    ) -> None:
        self._code = user_code
        self._url = verification_uri
        deadline = parse_expiry(expires_at)
        if personal:
            cap = datetime.now(UTC) + PERSONAL_CODE_LIFETIME
            deadline = cap if deadline is None else min(deadline, cap)
        self._deadline = deadline
        self.userCodeLabel.setText(user_code)
        self.verificationUrlLabel.setText(verification_uri)
        self._render_qr()
        for button in (self.copyCodeButton, self.openUrlButton):
            button.setEnabled(True)
        self.copy_code()
        self._tick.start()
        self._render_countdown()

    def clear(self) -> None:
        self.code_used()
        self._code = ""
        self._url = ""
        self._deadline = None
        self._copied = False
        self._tick.stop()
        self.userCodeLabel.clear()
        self.verificationUrlLabel.clear()
        self.qrCodeLabel.clear()
        self.qrCodeLabel.setFixedSize(0, 0)
        self.copiedLabel.clear()
        self.countdownLabel.clear()
        self.copyCodeButton.setEnabled(False)
        self.openUrlButton.setEnabled(False)

    def copy_code(self) -> None:
        if not self._code:
            return
        clipboard = QGuiApplication.clipboard()
        if clipboard is not None:
            clipboard.setText(self._code)
            self._copied = True
        self.retranslate()

    def code_used(self) -> None:
        """The sign-in is over: the code leaves the clipboard if it is still there."""
        clipboard = QGuiApplication.clipboard()
        if self._code and clipboard is not None and clipboard.text() == self._code:
            clipboard.clear()
        self._copied = False
        self._tick.stop()
        self.copiedLabel.clear()

    def open_url(self) -> None:
        if self._url:
            QDesktopServices.openUrl(QUrl(self._url))
            self.urlOpened.emit(self._url)

    def _render_qr(self) -> None:
        ratio = max(1.0, self.devicePixelRatioF())
        pixmap = QPixmap()
        pixmap.loadFromData(qr_png(self._url, round(QR_MODULE_PIXELS * ratio)), "PNG")
        pixmap.setDevicePixelRatio(round(ratio))
        self.qrCodeLabel.setPixmap(pixmap)
        self.qrCodeLabel.setFixedSize(pixmap.deviceIndependentSize().toSize())

    # --- countdown ----------------------------------------------------------------------------

    def seconds_left(self) -> int | None:
        if self._deadline is None:
            return None
        return max(0, int((self._deadline - datetime.now(UTC)).total_seconds()))

    def _render_countdown(self) -> None:
        left = self.seconds_left()
        if left is None:
            self.countdownLabel.setText("")
            return
        if left <= 0:
            self._tick.stop()
            self.countdownLabel.setText(self.tr("The code has expired: get a new code."))
            return
        self.countdownLabel.setText(
            self.tr("The code is valid for %1:%2 more.")
            .replace("%1", str(left // 60))
            .replace("%2", f"{left % 60:02d}")
        )
