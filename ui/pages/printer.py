"""Step 1, the printer: its address, first contact by itself, the certificate to trust.

Contact starts by itself ~600 ms after typing stops once the address parses (Enter starts it
at once); nothing is sent for an invalid address. A successful contact completes the flow's
"printer" step at once, so Next only moves the page. A certificate not trusted yet shows its
fingerprint and `trustCertificateCheck`; Next then runs the step again with the trust given
for exactly that fingerprint. A changed certificate is an error; ticking the box re-trusts
the new fingerprint explicitly (`accept_changed`).

`discoverButton` browses mDNS (app/discovery.py) on a thread of its own; `printerList` shows
each Epson device as it arrives, once; choosing one fills `printerAddressEdit`, which starts
the contact by itself. Pressing the button again, leaving the page or closing the wizard
stops the search. `discovery_interface` (else PRINTER_OAUTH_DISCOVERY_INTERFACE) restricts
the search to one interface address; demo mode and the tests use 127.0.0.1. With a range
typed in the address field (`192.168.5.0/24`, `192.168.5.10-40`: at most 256 addresses), the
button probes that range for Web Config instead (networks multicast does not cross).
"""

from __future__ import annotations

import os
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QWidget,
)

from app.errors import Cancelled, InvalidAddress
from app.printers.address import parse_address
from ui.pages.base import StepPage

DEBOUNCE_MS = 600


class PrinterPage(StepPage):
    step_name = "printer"
    page_help_topic = "prerequisites"
    deviceFound = Signal(object)  # noqa: N815 (Qt signal naming) - from the discovery thread
    discoveryEnded = Signal(object)  # noqa: N815 - the search that ended
    discovery_interface: str | None = None
    discovery_timeout = 3.0
    probe_http_port = 80

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("printerPage")
        self._attempt = 0
        self._connected: str | None = None
        """The address text the flow's printer step succeeded for."""
        self._trust: tuple[str, str] | None = None
        """("new" | "changed", fingerprint) while a certificate waits for the technician."""
        self._device: dict[str, Any] = {}
        self._next_when_done = False
        """Next started this contact: the wizard moves on when it succeeds."""
        self._search: Any = None
        self._listed: set[str] = set()
        self._build_address()
        self._build_device()

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.contact)
        self.printerAddressEdit.textChanged.connect(self._address_changed)
        self.printerAddressEdit.returnPressed.connect(self._contact_now)
        self.trustCertificateCheck.toggled.connect(lambda _: self.completeChanged.emit())
        self.discoverButton.clicked.connect(self.toggle_discovery)
        self.deviceFound.connect(self._device_found)
        self.discoveryEnded.connect(self._discovery_ended)
        self.printerList.itemActivated.connect(self._device_chosen)
        self.printerList.itemClicked.connect(self._device_chosen)
        self.retranslate()

    def _build_address(self) -> None:
        self.addressLabel = QLabel(self)
        self.printerAddressEdit = QLineEdit(self)
        self.printerAddressEdit.setObjectName("printerAddressEdit")
        self.printerAddressEdit.setClearButtonEnabled(True)
        self.addressLabel.setBuddy(self.printerAddressEdit)
        self.discoverButton = QPushButton(self)
        self.discoverButton.setObjectName("discoverButton")
        row = QHBoxLayout()
        row.addWidget(self.printerAddressEdit, 1)
        row.addWidget(self.discoverButton)
        self.body.addWidget(self.addressLabel)
        self.body.addLayout(row)
        self.addressHint = QLabel(self)
        self.addressHint.setWordWrap(True)
        self.body.addWidget(self.addressHint)

        self.printerList = QListWidget(self)
        self.printerList.setObjectName("printerList")
        self.printerList.setMaximumHeight(90)
        self.printerList.hide()  # shown when a search starts
        self.body.addWidget(self.printerList)

    def _build_device(self) -> None:
        self.deviceBox = QWidget(self)
        form = QFormLayout(self.deviceBox)
        form.setContentsMargins(0, 8, 0, 0)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)  # the fingerprint is long
        self.modelCaption, self.modelValue = QLabel(self), QLabel(self)
        self.modelValue.setObjectName("modelLabel")
        self.firmwareCaption, self.firmwareValue = QLabel(self), QLabel(self)
        self.firmwareValue.setObjectName("firmwareLabel")
        self.fingerprintCaption = QLabel(self)
        self.fingerprintLabel = QLabel(self)
        self.fingerprintLabel.setObjectName("fingerprintLabel")
        self.fingerprintLabel.setWordWrap(True)
        form.addRow(self.modelCaption, self.modelValue)
        form.addRow(self.firmwareCaption, self.firmwareValue)
        form.addRow(self.fingerprintCaption, self.fingerprintLabel)
        self.body.addWidget(self.deviceBox)
        self.deviceBox.hide()

        self.trustInfoLabel = QLabel(self)
        self.trustInfoLabel.setWordWrap(True)
        self.trustCertificateCheck = QCheckBox(self)
        self.trustCertificateCheck.setObjectName("trustCertificateCheck")
        self.body.addWidget(self.trustInfoLabel)
        self.body.addWidget(self.trustCertificateCheck)
        self.trustInfoLabel.hide()
        self.trustCertificateCheck.hide()

    def widgets_to_finish(self) -> None:
        """The device's own words (model, firmware) are plain text, never markup."""
        from PySide6.QtCore import Qt
        from PySide6.QtGui import QFontDatabase

        super().widgets_to_finish()
        self.fingerprintLabel.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        for value in (self.modelValue, self.firmwareValue, self.fingerprintLabel):
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Printer"))
        self.setSubTitle(self.tr("Which printer do you want to set up?"))
        self.addressLabel.setText(self.tr("Printer &address:"))
        self.printerAddressEdit.setPlaceholderText(
            self.tr("e.g. 192.168.1.20, printer.example.local or https://192.168.1.20")
        )
        self.printerAddressEdit.setAccessibleName(self.tr("Printer address"))
        self.addressHint.setText(
            self.tr(
                "The address is on the printer's panel or network status sheet. The wizard "
                "contacts the printer as soon as the address is complete."
            )
        )
        self.retranslate_discovery()
        self.discoverButton.setToolTip(
            self.tr("Lists the Epson printers that announce themselves on this network.")
        )
        self.printerList.setAccessibleName(self.tr("Printers found on this network"))
        self.modelCaption.setText(self.tr("Model:"))
        self.firmwareCaption.setText(self.tr("Firmware:"))
        self.fingerprintCaption.setText(self.tr("Certificate fingerprint (SHA-256):"))
        self.fingerprintLabel.setAccessibleName(self.tr("Certificate fingerprint"))
        self._render_trust()

    def busy_text(self) -> str:
        return self.tr("Contacting the printer…")

    # --- discovery ---------------------------------------------------------------------------

    def toggle_discovery(self) -> None:
        if self._search is not None:
            self.stop_discovery()
        else:
            self.start_discovery()

    def start_discovery(self) -> None:
        from app.discovery import BackgroundDiscovery, looks_like_range, parse_range

        self.stop_discovery()
        typed = self._typed()
        probe = typed if looks_like_range(typed) else None
        if probe is not None:
            try:
                parse_range(probe)
            except InvalidAddress as error:
                self.show_error(error)
                return
            self.clear_error()
        self.printerList.clear()
        self._listed.clear()
        self.printerList.show()
        interface = self.discovery_interface or os.environ.get("PRINTER_OAUTH_DISCOVERY_INTERFACE")
        search: Any = None

        def ended() -> None:
            self.discoveryEnded.emit(search)

        search = BackgroundDiscovery(
            self.deviceFound.emit,
            ended,
            timeout=self.discovery_timeout,
            interface=interface or None,
            probe=probe,
            http_port=self.probe_http_port,
        )
        self._search = search
        self.retranslate_discovery()
        search.start()

    def stop_discovery(self) -> None:
        search, self._search = self._search, None
        if search is not None:
            search.cancel()
            self.retranslate_discovery()

    def retranslate_discovery(self) -> None:
        searching = self._search is not None
        self.discoverButton.setText(self.tr("Stop") if searching else self.tr("Find printers…"))
        self.discoverButton.setAccessibleName(
            self.tr("Stop finding printers")
            if searching
            else self.tr("Find printers on this network")
        )

    @property
    def searching(self) -> bool:
        return self._search is not None

    def _discovery_ended(self, search: Any) -> None:
        if search is self._search:
            self._search = None
            self.retranslate_discovery()

    def _device_found(self, device: Any) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtGui import Qt as QtText

        if self._search is None or device.key in self._listed:
            return  # a result from a search stopped meanwhile, or one already listed
        self._listed.add(device.key)
        text = f"{device.model or self.tr('Epson printer')} — {device.address}"
        if device.firmware:
            text += " · " + self.tr("firmware %1").replace("%1", device.firmware)
        item = QListWidgetItem(text, self.printerList)
        item.setData(Qt.ItemDataRole.UserRole, device.contact_address)
        # Tooltips guess rich text; an announced admin URL is anyone's text: shown escaped.
        item.setToolTip(QtText.convertFromPlainText(device.admin_url or device.address))

    def _device_chosen(self, item: QListWidgetItem) -> None:
        from PySide6.QtCore import Qt

        address = item.data(Qt.ItemDataRole.UserRole)
        if address and address != self._typed():
            self.set_address(address)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 (Qt override)
        super().hideEvent(event)
        # Leaving the page or closing the wizard stops the search; QWizard also hides and
        # shows the page again for a moment when its buttons change, which must not.
        QTimer.singleShot(0, self, self._stop_if_hidden)

    def _stop_if_hidden(self) -> None:
        if not self.isVisible():
            self.stop_discovery()

    # --- contact -----------------------------------------------------------------------------

    def _address_changed(self, _text: str) -> None:
        self._attempt += 1  # any answer still on its way is for another address
        self._next_when_done = False
        self._connected = None
        self._trust = None
        self._device = {}
        self.deviceBox.hide()
        self._render_trust()
        self.clear_error()
        self.set_working(False)
        self._debounce.start()

    def _contact_now(self) -> None:
        """Enter: contact at once (a retry after an error). When the printer already answered,
        Enter is the dialog's Next and nothing is sent again."""
        self._debounce.stop()
        if self._connected != self._typed() and self._trust is None:
            self.contact()

    def contact(self, **trust: Any) -> None:
        """Run the flow's printer step for the address as typed (with `trust` inputs)."""
        from app.discovery import looks_like_range

        text = self.printerAddressEdit.text().strip()
        if looks_like_range(text):
            return  # a range to probe with "Find printers…", not an address to contact
        try:
            parse_address(text)
        except InvalidAddress as error:
            if text:
                self.show_error(error)
            return
        self._attempt += 1
        attempt = self._attempt
        self.clear_error()
        self.set_working(True, self.busy_text())
        controller = self.controller

        async def work() -> str | None:
            if controller.runner.state == "running":
                await controller._back_or_stay()
            await controller.reopen("printer")
            if attempt != self._attempt:
                return None
            return await controller.runner.advance(address=text, **trust)

        controller.run(
            work,
            lambda following: self._contacted(attempt, text, following),
            lambda error: self._contact_failed(attempt, error),
        )

    def _contacted(self, attempt: int, text: str, following: str | None) -> None:
        if attempt != self._attempt:
            return
        self.set_working(False)
        self._connected = text
        self._trust = None
        self._render_trust()
        if self._next_when_done:
            self._next_when_done = False
            self.step_succeeded(following)

    def _contact_failed(self, attempt: int, error: Any) -> None:
        if attempt != self._attempt:
            return
        self.set_working(False)
        self._next_when_done = False
        if isinstance(error, Cancelled):
            return
        fingerprint = error.details.get("fingerprint")
        if error.code == "certificate_untrusted" and fingerprint:
            self._trust = ("new", fingerprint)
            self._show_device(fingerprint=fingerprint)
        elif error.code == "certificate_changed" and error.details.get("new"):
            self._trust = ("changed", error.details["new"])
            self._show_device(fingerprint=error.details["new"])
            self.show_error(error)
        else:
            self._trust = None
            self.show_error(error)
        self.trustCertificateCheck.setChecked(False)
        self._render_trust()

    def on_event(self, event: str, fields: dict[str, Any]) -> None:
        super().on_event(event, fields)
        if event == "connected":
            self._show_device(**fields)

    def _show_device(self, **fields: Any) -> None:
        self.finish_widgets()
        self._device.update({k: v for k, v in fields.items() if v})
        unknown = self.tr("(not shown by the printer)")
        self.modelValue.setText(self._device.get("model") or unknown)
        self.firmwareValue.setText(self._device.get("firmware") or unknown)
        self.fingerprintLabel.setText(self._device.get("fingerprint") or "")
        has_device = "model" in self._device
        self.modelCaption.setVisible(has_device)
        self.modelValue.setVisible(has_device)
        self.firmwareCaption.setVisible(has_device)
        self.firmwareValue.setVisible(has_device)
        self.deviceBox.show()

    def _render_trust(self) -> None:
        waiting = self._trust is not None
        self.trustInfoLabel.setVisible(waiting)
        self.trustCertificateCheck.setVisible(waiting)
        if self._trust is not None and self._trust[0] == "changed":
            self.trustInfoLabel.setText(
                self.tr(
                    "Continue only if you know the printer's certificate was renewed, and the "
                    "fingerprint above matches the one on its network status sheet."
                )
            )
            self.trustCertificateCheck.setText(
                self.tr("The certificate was renewed: trust the new one")
            )
        else:
            self.trustInfoLabel.setText(
                self.tr(
                    "This printer's certificate is not trusted yet. Compare the fingerprint "
                    "above with the one on the printer's network status sheet."
                )
            )
            self.trustCertificateCheck.setText(self.tr("&Trust this printer's certificate"))
        self.trustCertificateCheck.setAccessibleName(self.tr("Trust the printer's certificate"))
        self.completeChanged.emit()

    # --- QWizardPage --------------------------------------------------------------------------

    def _typed(self) -> str:
        return self.printerAddressEdit.text().strip()

    def can_go_on(self) -> bool:
        if self._trust is not None:
            return self.trustCertificateCheck.isChecked()
        return self._connected is not None and self._connected == self._typed()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        if self.working or not self.can_go_on():
            return False
        if self._trust is not None:
            kind, fingerprint = self._trust
            self._next_when_done = True
            if kind == "new":
                self.contact(trust_new=True, fingerprint=fingerprint)
            else:
                self.contact(accept_changed=fingerprint)
            return False
        if self.flow_is_here():  # back on this page after Back: the step runs again
            self._next_when_done = True
            self.contact()
            return False
        return True

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        self.printerAddressEdit.setFocus()

    @property
    def address(self) -> str:
        return self._typed()

    def set_address(self, address: str) -> None:
        self.printerAddressEdit.setText(address)

    def reset(self) -> None:
        super().reset()
        self.stop_discovery()
        self.printerList.clear()
        self._listed.clear()
        self.printerList.hide()
        self._attempt += 1
        self._debounce.stop()
        self.printerAddressEdit.blockSignals(True)
        self.printerAddressEdit.clear()
        self.printerAddressEdit.blockSignals(False)
        self._connected = None
        self._trust = None
        self._device = {}
        self.deviceBox.hide()
        self._render_trust()
