"""Pages against the simulator: what they show, the error path, Back, the status page's actions."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QTextBrowser, QWizard

from app import paths
from app.errors import InvalidAddress, WrongPassword
from tests.ui.conftest import CEILING, Technician, drive_to_status, until
from ui.widgets.device_code import DeviceCodePanel

pytestmark = pytest.mark.usefixtures("fast_polling")


def _error(you: Technician) -> tuple[str, str]:
    label = you.find(QLabel, "errorLabel")
    link = you.find(QLabel, "errorHelpLabel")
    return label.text() if label.isVisible() else "", link.property("helpTopic") or ""


@pytest.mark.asyncio
async def test_an_incomplete_address_sends_nothing_and_says_why(make_wizard) -> None:
    wizard = make_wizard()
    you = Technician(wizard)
    you.type_text("printerAddressEdit", "192.168.1")
    await until(lambda: _error(you)[0] != "", timeout=5, what="the inline error")
    assert _error(you) == (InvalidAddress(address="192.168.1").text, "invalid_address")
    assert not wizard.controller.loaded  # no flow, no driver: nothing was sent
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert not you.find(QCheckBox, "trustCertificateCheck").isVisible()


@pytest.mark.asyncio
async def test_wrong_password_stays_with_the_message_and_help_then_back_and_on(
    simulation, make_wizard
) -> None:
    sim = simulation(scenario="wrong-password")
    wizard = make_wizard()
    you = Technician(wizard)
    you.type_text("printerAddressEdit", sim.device.https_url)
    await until(you.find(QCheckBox, "trustCertificateCheck").isVisible, what="trust")
    you.click("trustCertificateCheck")
    you.next()
    await you.reach("loginPage")
    you.type_text("adminPasswordEdit", "not-the-serial")
    you.next()
    await until(lambda: _error(you)[0] != "", what="the login error")
    assert _error(you) == (WrongPassword().text, "wrong_password")
    assert you.page_name() == "loginPage"

    wizard.back()  # the flow reopens the printer step; the printer is trusted now
    await you.reach("printerPage")
    await until(lambda: wizard.controller.current == "printer", what="the flow back")
    assert you.find(QLabel, "fingerprintLabel").text() == sim.device.fingerprint
    you.next()  # runs the printer step again: no trust needed any more
    await you.reach("loginPage")


@pytest.mark.asyncio
async def test_status_page_refresh_report_resign_and_another_printer(
    simulation, make_wizard
) -> None:
    sim = simulation(auto_approve=1, poll_interval=1)
    wizard = make_wizard()
    you = Technician(wizard)
    await drive_to_status(you, sim)
    view = you.find(QTextBrowser, "statusView")
    account = sim.info()["account"]

    you.click("refreshStatusButton")
    await until(lambda: you.find(QLabel, "busyLabel").isVisible() is False, what="refresh")
    await until(lambda: f"Yes, as {account}" in view.toPlainText(), what="the fresh status")
    assert _error(you) == ("", "")

    you.click("saveReportButton")
    reports = list((paths.current().data_dir / "reports").glob("*.html"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert account in text and "OAuth 2.0" in text
    assert sim.device.admin_password not in text
    assert str(reports[0]) in you.find(QLabel, "reportPathLabel").text()

    you.click("resignButton")  # the same printer signs in again: a new code, then on by itself
    await you.reach("signInPage")
    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "", what="the new code")
    await you.reach("pushPage")
    you.click("saveToPrinterButton")
    await you.reach("statusPage")
    await until(lambda: f"Yes, as {account}" in view.toPlainText(), what="the status")

    you.click("anotherPrinterButton")
    await you.reach("printerPage")
    assert you.find(QLineEdit, "printerAddressEdit").text() == ""
    assert not you.find(QCheckBox, "trustCertificateCheck").isVisible()


def test_device_code_panel_personal_countdown_clipboard_and_qr(qapp) -> None:
    panel = DeviceCodePanel()
    try:
        assert panel.userCodeLabel.text() == ""
        in_15_minutes = (datetime.now(UTC) + timedelta(minutes=15)).isoformat()
        panel.set_code("ABCD1234", "https://example.invalid/link", in_15_minutes, personal=True)
        assert panel.userCodeLabel.text() == "ABCD1234"
        assert 0 < panel.seconds_left() <= 300  # personal accounts: about 5 minutes
        assert QGuiApplication.clipboard().text() == "ABCD1234"
        assert "clipboard" in panel.copiedLabel.text()
        assert not panel.qrCodeLabel.pixmap().isNull()
        panel.code_used()  # a used code is a secret: it leaves the clipboard
        assert QGuiApplication.clipboard().text() == ""
        panel.set_code("WXYZ5678", "https://example.invalid/devicelogin", in_15_minutes, False)
        assert panel.seconds_left() > 800
        expired = (datetime.now(UTC) - timedelta(seconds=1)).isoformat()
        panel.set_code("EEEE0000", "https://example.invalid/devicelogin", expired, False)
        assert "expired" in panel.countdownLabel.text()
    finally:
        panel.clear()
        panel.deleteLater()


def _run_main(qapp, argv: list[str], look: Callable[[QWizard], bool]) -> int:
    """Run `main.main(argv)` in-process; `look(wizard)` is polled on the Qt thread until it
    returns True, then the wizard is closed (and closed anyway after a ceiling)."""
    import main

    began = time.monotonic()

    def poll() -> None:
        shown = [w for w in qapp.topLevelWidgets() if w.isVisible()]  # not an earlier wizard
        wizard = next((w for w in shown if w.objectName() == "setupWizard"), None)
        if wizard is None:
            return
        if look(wizard) or time.monotonic() - began > CEILING:
            timer.stop()
            wizard.close()

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    try:
        return main.main(argv)
    finally:
        timer.stop()


@pytest.mark.parametrize("arguments", [[], ["--language", "en"]], ids=["double-click", "options"])
def test_main_opens_the_wizard_and_closes_cleanly(qapp, arguments: list[str]) -> None:
    """`python main.py` (in-process), as a double-click starts it (no command-line parser) and
    with options: the wizard shows at its first page, the other pages are built once it runs,
    closing ends the loop, no warning."""
    seen: list[str] = []
    built: list[int] = []

    def look(wizard: QWizard) -> bool:
        seen.append(wizard.currentPage().objectName())
        built.append(len(wizard.pageIds()))
        return built[-1] == 8

    assert _run_main(qapp, arguments, look) == 0
    assert set(seen) == {"printerPage"}
    assert built[-1] == 8


def test_demo_opens_the_wizard_at_the_simulated_printer(qapp) -> None:
    seen: dict[str, str] = {}

    def look(wizard: QWizard) -> bool:
        page = wizard.currentPage()
        seen["address"] = page.findChild(QLineEdit, "printerAddressEdit").text()
        seen["fingerprint"] = page.findChild(QLabel, "fingerprintLabel").text()
        login = next(
            wizard.page(i) for i in wizard.pageIds() if wizard.page(i).objectName() == "loginPage"
        )
        seen["hint"] = login.findChild(QLabel, "demoPasswordHint").text()
        return bool(seen["fingerprint"])

    assert _run_main(qapp, ["--demo", "--language", "en"], look) == 0
    assert seen["address"].startswith("https://127.0.0.1:")
    assert seen["fingerprint"] != ""  # contact started by itself at the demo printer
    assert "password" in seen["hint"]
