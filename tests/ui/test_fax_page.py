"""The fax-server page after the push: Exchange signs the fax server in too, keep leaves it,
a model without a fax page goes from the push straight to the status."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QLabel, QProgressBar, QRadioButton, QTextBrowser

from tests.ui.conftest import Technician, closed, to_push, until

pytestmark = pytest.mark.usefixtures("fast_polling")


async def drive_to_push(you: Technician, sim) -> None:
    """To the push page, then Save."""
    await to_push(you, sim)
    you.click("saveToPrinterButton")


async def status_shown(you: Technician) -> None:
    await you.reach("statusPage")
    view = you.find(QTextBrowser, "statusView")
    await until(lambda: "Signed in" in view.toPlainText(), what="the status")


@pytest.mark.asyncio
@pytest.mark.parametrize("radio", ["faxExchangeRadio", "faxOutlookRadio"])
async def test_oauth2_signs_the_fax_server_in_too(simulation, make_wizard, radio: str) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await drive_to_push(you, sim)
    await you.reach("faxPage")
    assert you.find(QRadioButton, "faxKeepRadio").isChecked()  # leave as it is: the default
    assert not you.find(QLabel, "errorLabel").isVisible()
    email_before = sim.device.settings()
    assert email_before["auth_method"] == "oauth2"

    you.click(radio)
    you.next()
    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "" or you.page_name() != "faxPage", what="the fax code")
    await status_shown(you)

    fax = sim.device.settings("fax")
    assert fax["auth_method"] == "oauth2", fax
    assert fax["signed_in"] is True, fax
    assert fax["service"] == ("outlook" if radio == "faxOutlookRadio" else "exchange"), fax
    email = sim.device.settings()
    assert email["auth_method"] == "oauth2" and email["signed_in"] is True
    await closed(wizard)


@pytest.mark.asyncio
async def test_fax_page_shows_its_own_code_and_progress(simulation, make_wizard) -> None:
    sim = simulation(auto_approve=3, poll_interval=1)  # slow enough to see the code
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await drive_to_push(you, sim)
    await you.reach("faxPage")
    you.click("faxExchangeRadio")
    you.next()
    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "", what="the fax code")
    assert code.text() == sim.device.pending_code("fax")
    assert not you.find(QLabel, "qrCodeLabel").pixmap().isNull()
    assert you.find(QLabel, "countdownLabel").text()
    state = you.find(QLabel, "signInStateLabel")
    await until(lambda: "Waiting" in state.text(), what="the live state")
    progress = you.find(QProgressBar, "faxProgress")
    await status_shown(you)
    assert progress.value() == progress.maximum()
    await closed(wizard)


@pytest.mark.asyncio
async def test_keep_leaves_the_fax_server_settings_unchanged(simulation, make_wizard) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    fax_before = sim.device.settings("fax")
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await drive_to_push(you, sim)
    await you.reach("faxPage")
    you.next()  # leave it as it is
    await status_shown(you)
    assert sim.device.settings("fax") == fax_before
    assert sim.device.settings()["auth_method"] == "oauth2"
    await closed(wizard)


@pytest.mark.asyncio
async def test_a_model_without_fax_goes_from_push_to_status(simulation, make_wizard) -> None:
    sim = simulation(auto_approve=0, poll_interval=1, model="ds-790wn")
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    seen: list[str] = []
    wizard.currentIdChanged.connect(lambda _id: seen.append(you.page_name()))
    await drive_to_push(you, sim)
    await status_shown(you)
    assert "faxPage" not in seen
    assert seen[-2:] == ["pushPage", "statusPage"]
    await closed(wizard)


@pytest.mark.asyncio
async def test_a_fax_failure_shows_its_error_and_keeps_the_email(simulation, make_wizard) -> None:
    # Writes: email Sign In (1), email OK (2), fax Sign In (3): the fault strikes right after.
    sim = simulation(auto_approve=0, poll_interval=1, scenario="http-500", fault_after_writes=3)
    fax_before = sim.device.settings("fax")
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await drive_to_push(you, sim)
    await you.reach("faxPage")
    you.click("faxExchangeRadio")
    you.next()
    error = you.find(QLabel, "errorLabel")
    await until(error.isVisible, what="the fax step's error")
    assert you.page_name() == "faxPage"
    assert wizard.pages["fax"].error_code == "unsupported_page"
    help_link = you.find(QLabel, "errorHelpLabel")
    assert help_link.property("helpTopic") == "unsupported_page"
    assert sim.device.settings("fax") == fax_before  # restored
    email = sim.device.settings()
    assert (email["auth_method"], email["signed_in"]) == ("oauth2", True)  # still verified
    you.click("faxKeepRadio")  # give up on the fax server: on to the status
    you.next()
    await status_shown(you)
    assert sim.device.settings("fax") == fax_before
    await closed(wizard)
