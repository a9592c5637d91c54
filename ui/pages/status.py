"""Step 6, Email Server Status: what the printer reports now, refresh, re-sign-in, Web Config,
a report for the customer (HTML, no secrets, saved without a dialog), another printer."""

from __future__ import annotations

from datetime import datetime
from html import escape
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QTextBrowser, QWidget

from app import paths
from ui import report
from ui.pages.base import StepPage


class StatusPage(StepPage):
    step_name = "status"
    page_help_topic = "check_status_on_printer"

    def __init__(self, controller: Any, parent: QWidget | None = None) -> None:
        super().__init__(controller, parent)
        self.setObjectName("statusPage")
        self.status: dict[str, Any] = {}
        self.warnings: list[dict[str, Any]] = []
        self.saved_report: Path | None = None

        self.statusView = QTextBrowser(self)
        self.statusView.setObjectName("statusView")
        self.statusView.setOpenLinks(False)
        self.statusView.setMinimumHeight(300)
        self.body.addWidget(self.statusView)

        grid = QGridLayout()
        self.refreshStatusButton = QPushButton(self)
        self.refreshStatusButton.setObjectName("refreshStatusButton")
        self.resignButton = QPushButton(self)
        self.resignButton.setObjectName("resignButton")
        self.openWebConfigButton = QPushButton(self)
        self.openWebConfigButton.setObjectName("openWebConfigButton")
        self.saveReportButton = QPushButton(self)
        self.saveReportButton.setObjectName("saveReportButton")
        self.anotherPrinterButton = QPushButton(self)
        self.anotherPrinterButton.setObjectName("anotherPrinterButton")
        buttons = (
            self.refreshStatusButton,
            self.openWebConfigButton,
            self.saveReportButton,
            self.resignButton,
            self.anotherPrinterButton,
        )
        for index, button in enumerate(buttons):
            grid.addWidget(button, index // 3, index % 3)
        self.body.addLayout(grid)
        self.reportPathLabel = QLabel(self)
        self.reportPathLabel.setObjectName("reportPathLabel")
        self.reportPathLabel.setWordWrap(True)
        self.reportPathLabel.setTextFormat(Qt.TextFormat.RichText)
        self.reportPathLabel.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse
            | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
            | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        self.reportPathLabel.linkActivated.connect(
            lambda link: QDesktopServices.openUrl(QUrl(link))
        )
        self.body.addWidget(self.reportPathLabel)

        self.refreshStatusButton.clicked.connect(self.refresh)
        self.openWebConfigButton.clicked.connect(self.open_web_config)
        self.saveReportButton.clicked.connect(self.save_report)
        self.anotherPrinterButton.clicked.connect(self._another_printer)
        self.resignButton.clicked.connect(self.resign)
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setTitle(self.tr("Email server status"))
        self.setSubTitle(self.tr("What the printer reports now."))
        self.statusView.setAccessibleName(self.tr("Email server status of the printer"))
        self.refreshStatusButton.setText(self.tr("&Refresh"))
        self.refreshStatusButton.setAccessibleName(self.tr("Read the status again"))
        self.resignButton.setText(self.tr("Sign &in again"))
        self.resignButton.setAccessibleName(self.tr("Sign the printer in again"))
        self.resignButton.setToolTip(
            self.tr("After 90 days without use the printer's sign-in expires: sign in again.")
        )
        self.openWebConfigButton.setText(self.tr("Open &Web Config"))
        self.openWebConfigButton.setAccessibleName(
            self.tr("Open the printer's Web Config in the browser")
        )
        self.saveReportButton.setText(self.tr("Save &report"))
        self.saveReportButton.setAccessibleName(self.tr("Save a report for the customer"))
        self.anotherPrinterButton.setText(self.tr("&Another printer"))
        self.anotherPrinterButton.setAccessibleName(self.tr("Set up another printer"))
        self.reportPathLabel.setAccessibleName(self.tr("Where the report was saved"))
        self._render()

    def busy_text(self) -> str:
        return self.tr("Reading the printer's status…")

    # --- the report ---------------------------------------------------------------------------

    def on_event(self, event: str, fields: dict[str, Any]) -> None:
        if event == "status":
            self.status = dict(fields)
            self._render()
        elif event == "warning":
            self.add_report_warning(fields)

    def add_report_warning(self, fields: dict[str, Any]) -> None:
        if fields not in self.warnings:
            self.warnings.append(dict(fields))
        self._render()

    def _render(self) -> None:
        if not self.status:
            self.statusView.setHtml("")
        else:
            self.statusView.setHtml(report.table_html(self.status, self.warnings))
        if self.saved_report is not None:
            url = QUrl.fromLocalFile(str(self.saved_report)).toString()
            caption = self.tr("Report saved: %1").replace(
                "%1", f'<a href="{url}">{escape(str(self.saved_report), quote=False)}</a>'
            )
            self.reportPathLabel.setText(caption)
        else:
            self.reportPathLabel.clear()
        ready = bool(self.status) and not self.working
        self.saveReportButton.setEnabled(ready)
        self.refreshStatusButton.setEnabled(ready)
        self.resignButton.setEnabled(ready and self.status.get("auth_method") == "oauth2")
        self.openWebConfigButton.setEnabled(self.controller.loaded)

    def set_working(self, working: bool, text: str = "") -> None:
        super().set_working(working, text)
        self._render()

    # --- actions ------------------------------------------------------------------------------

    def refresh(self) -> None:
        if self.working:
            return
        self.clear_error()
        self.set_working(True, self.busy_text())
        self.controller.run(self.controller.fresh_status, self._refreshed, self._step_failed)

    def _refreshed(self, status: dict[str, Any]) -> None:
        self.set_working(False)
        if status:
            self.status = status
        self._render()

    def resign(self) -> None:
        """The resign flow up to its sign-in, then the sign-in page (no dialog)."""
        if self.working:
            return
        self.clear_error()
        self.set_working(True, self.tr("Logging in again…"))
        self.controller.run(self.controller.resign, self._resign_ready, self._step_failed)

    def _resign_ready(self, waiting_on: str | None) -> None:
        self.set_working(False)
        wizard = self.wizard()
        if waiting_on == "sign_in" and wizard is not None and hasattr(wizard, "go_to_sign_in"):
            wizard.go_to_sign_in()

    def open_web_config(self) -> None:
        url = self.controller.web_config_url()
        if url:
            QDesktopServices.openUrl(QUrl(url))

    def save_report(self) -> Path | None:
        """Save the report into the data folder's `reports` and show where (no dialog)."""
        if not self.status:
            return None
        folder = paths.current().data_dir / "reports"
        folder.mkdir(parents=True, exist_ok=True)
        model = "".join(ch if ch.isalnum() else "-" for ch in str(self.status.get("model") or ""))
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"printer-report-{model.strip('-') or 'printer'}-{stamp}.html"
        target.write_text(report.document(self.status, self.warnings), encoding="utf-8")
        self.saved_report = target
        self._render()
        return target

    def _another_printer(self) -> None:
        wizard = self.wizard()
        if wizard is not None and hasattr(wizard, "another_printer"):
            wizard.another_printer()

    # --- QWizardPage --------------------------------------------------------------------------

    def initializePage(self) -> None:  # noqa: N802 (Qt override)
        if self.flow_is_here() and not self.working:
            self.start_step()

    def step_succeeded(self, next_step: str | None) -> None:
        self._render()

    def validatePage(self) -> bool:  # noqa: N802 (Qt override)
        return not self.working

    def can_go_on(self) -> bool:
        return bool(self.status)

    def reset(self) -> None:
        super().reset()
        self.status = {}
        self.warnings = []
        self.saved_report = None
        self._render()
