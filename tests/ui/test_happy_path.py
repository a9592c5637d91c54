"""From the address to the status page showing signed in, against the simulator, counted.

English and Italian device languages, variants 0-4, the UI in English (the UI language is
independent of the device's). The technician's actions from launch to verified — browser
actions aside, the simulator approves the sign-in by itself — are at most 7; the default model
has a fax page, offered after the verified push (one more Next: leave it as it is).
"""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QCheckBox, QLabel, QTextBrowser

from tests.ui.conftest import Technician, closed, until

pytestmark = pytest.mark.usefixtures("fast_polling")

MAX_ACTIONS = 7
RUN_CEILING = 90.0
"""Seconds for the whole run: a hang catcher, not a benchmark."""


@pytest.mark.asyncio
@pytest.mark.parametrize("variant", range(5))
@pytest.mark.parametrize("device_language", ["en", "it"])
async def test_address_to_signed_in_status(
    simulation, make_wizard, variant: int, device_language: str
) -> None:
    sim = simulation(auto_approve=1, poll_interval=1, variant=variant, language=device_language)
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    began = time.monotonic()

    assert you.page_name() == "printerPage"
    assert not you.find(QCheckBox, "trustCertificateCheck").isVisible()
    you.type_text("printerAddressEdit", sim.device.https_url)  # contact starts by itself
    trust = you.find(QCheckBox, "trustCertificateCheck")
    await until(trust.isVisible, what="the certificate to trust")
    assert you.find(QLabel, "fingerprintLabel").text() == sim.device.fingerprint
    you.click("trustCertificateCheck")
    you.next()
    await you.reach("loginPage")

    you.type_text("adminPasswordEdit", sim.device.admin_password)
    you.next()
    await you.reach("methodPage")
    assert you.find(QCheckBox.__base__, "serviceExchangeRadio").isChecked()

    you.next()  # Exchange Online preselected
    await you.reach("signInPage")
    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "", what="the sign-in code")
    assert code.text().strip() == code.text() and " " not in code.text()
    assert not you.find(QLabel, "qrCodeLabel").pixmap().isNull()
    await you.reach("pushPage")  # signed in: the wizard moved on by itself

    you.click("saveToPrinterButton")
    await you.reach("faxPage")  # the default model has a fax page: offered after the push
    assert sim.device.settings()["signed_in"] is True  # verified before the fax page
    assert len(you.actions) <= MAX_ACTIONS, you.actions
    you.next()  # leave the fax server as it is (the default)
    await you.reach("statusPage")
    view = you.find(QTextBrowser, "statusView")
    await until(lambda: "Signed in" in view.toPlainText(), what="the status")
    report = view.toPlainText()
    assert f"Yes, as {sim.info()['account']}" in report
    assert "OAuth 2.0" in report
    assert "Microsoft Exchange Online" in report

    assert you.actions == [
        "type printerAddressEdit",
        "click trustCertificateCheck",
        "next on printerPage",
        "type adminPasswordEdit",
        "next on loginPage",
        "next on methodPage",
        "click saveToPrinterButton",
        "next on faxPage",
    ]
    assert time.monotonic() - began < RUN_CEILING
    await closed(wizard)
