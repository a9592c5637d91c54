"""Interruptions of a setup in the wizard that tests/ui/test_cancel.py does not cover: Cancel
while the OK is on the wire and once the save landed but its answer is still held back (both
held by the simulator, so the moment is the same on any machine), an identity outage while
the sign-in page follows the device, and two setups of the same printer in a row."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCheckBox, QLabel, QWizard

from app.simulator.hold import Hold
from app.simulator.run import Simulation
from tests.reliability.matrix import snapshot
from tests.reliability.test_interruptions import HOLD_CEILING, verified
from tests.ui.conftest import (  # noqa: F401 - fixtures
    Technician,
    closed,
    drive_to_status,
    fast_polling,
    keep_running_after_close,
    make_wizard,
    to_push,
    to_sign_in,
    until,
)
from tests.ui.test_failures import wait_error

pytestmark = [pytest.mark.usefixtures("fast_polling"), pytest.mark.asyncio]


def cancel(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CancelButton)
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


@pytest.mark.parametrize("after", [False, True], ids=["ok-on-the-wire", "saved-answer-held"])
async def test_cancel_during_the_commit_restores(make_wizard, after: bool) -> None:  # noqa: F811
    """Cancel while the device holds the OK (before acting on it, or after saving): the
    wizard closes once the restore that waits for the OK has put the device back."""
    hold = Hold("commit", after=after)
    with Simulation(auto_approve=0, poll_interval=1, hold=hold) as sim:
        before = snapshot(sim)
        wizard = make_wizard(language="en")
        you = Technician(wizard)
        await to_push(you, sim)
        you.click("saveToPrinterButton")
        await until(hold.reached.is_set, HOLD_CEILING, "the OK at the device")
        if after:
            assert snapshot(sim)["email"]["auth_method"] == "oauth2", "saved before the answer"
        cancel(wizard)
        await until(lambda: wizard.shutdown_task is not None, what="the shutdown")
        # One turn of the loop runs the shutdown up to its first wait: by then it has
        # cancelled the flow's task, whose OK is still held.
        await asyncio.sleep(0.1)
        hold.release()
        await closed(wizard)
        assert snapshot(sim) == before
        assert sim.device.sign_in_state() is None


async def test_a_short_identity_outage_while_polling_is_survived(make_wizard) -> None:  # noqa: F811
    """The identity's route lost for 2.5 s while the sign-in page follows the device: the
    page goes on to the push page by itself, and the setup ends verified."""
    with Simulation(auto_approve=None, poll_interval=1) as sim:
        before = snapshot(sim)
        wizard = make_wizard(language="en")
        you = Technician(wizard)
        await to_sign_in(you, sim)
        await until(lambda: sim.device.pending_code() is not None, what="the code")
        sim.identity.outage("network", 2.5)
        code = sim.device.pending_code()
        assert code is not None
        sim.identity.approve(code)
        await you.reach("pushPage")
        assert sim.identity.outage_hits >= 1
        you.click("saveToPrinterButton")
        await until(lambda: you.page_name() in ("faxPage", "statusPage"), what="saved")
        verified(sim, before)


async def test_a_lasting_identity_5xx_while_polling_shows_sign_in_failed(make_wizard) -> None:  # noqa: F811
    """The identity answers 503 from the moment the code is shown: the device's sign-in ends
    in an error, the page shows `sign_in_failed` with its help link, the device is as before
    and a new code is offered."""
    with Simulation(auto_approve=None, poll_interval=1) as sim:
        before = snapshot(sim)
        wizard = make_wizard(language="en")
        you = Technician(wizard)
        await to_sign_in(you, sim)
        await until(lambda: sim.device.pending_code() is not None, what="the code")
        sim.identity.outage("5xx")
        text, topic, link = await wait_error(you)
        assert topic == "sign_in_failed" and 'href="help:sign_in_failed"' in link
        assert "AADSTS90033" in text
        assert you.page_name() == "signInPage"
        await until(lambda: snapshot(sim) == before, what="the device put back")
        assert sim.device.sign_in_state() is None
        await closed(wizard)
        assert snapshot(sim) == before


async def test_two_setups_of_the_same_printer_in_a_row(make_wizard) -> None:  # noqa: F811
    """Another printer, then the same address again: the certificate is already trusted (no
    checkbox), and the second setup ends verified with nothing left over."""
    with Simulation(auto_approve=0, poll_interval=1) as sim:
        before = snapshot(sim)
        wizard = make_wizard(language="en")
        you = Technician(wizard)
        await drive_to_status(you, sim)
        verified(sim, before)
        first_writes = sim.device.writes
        you.click("anotherPrinterButton")
        await you.reach("printerPage")
        you.type_text("printerAddressEdit", sim.device.https_url)
        fingerprint = you.find(QLabel, "fingerprintLabel")
        await until(lambda: fingerprint.text() == sim.device.fingerprint, what="the device")
        assert not you.find(QCheckBox, "trustCertificateCheck").isVisible()
        next_button = wizard.button(QWizard.WizardButton.NextButton)
        await until(next_button.isEnabled, what="Next, the pinned certificate being enough")
        you.next()
        await you.reach("loginPage")
        you.type_text("adminPasswordEdit", sim.device.admin_password)
        you.next()
        await you.reach("methodPage")
        you.next()
        await you.reach("pushPage")
        you.click("saveToPrinterButton")
        await until(lambda: you.page_name() in ("faxPage", "statusPage"), what="saved again")
        assert sim.device.writes == 2 * first_writes, "a sign-in and a save, once more"
        await closed(wizard)
        verified(sim, before)
