"""The mailbox page, opened from the method page: the wizard's own MSAL sign-in and SMTP probe
against the simulator's identity and SMTP stand-ins (in-process, over TLS with its CA); its
errors with their help links; without a client ID `no_client_id`, and the setup still works."""

from __future__ import annotations

import time

import pytest
from PySide6.QtWidgets import QLabel, QPushButton

from tests.ui.conftest import Technician, closed, past_fax, to_method, until

pytestmark = pytest.mark.usefixtures("fast_polling")

CLIENT_ID = "0badc0de-0000-4000-8000-00000000c0de"
"""Made up: the product ships no client ID, and tests use none of another product's."""


@pytest.fixture
def mailbox_config(monkeypatch: pytest.MonkeyPatch):
    """`configure(sim)`: the client ID, authority and SMTP server through the settings the
    check reads (environment); the simulator's CA through the wizard's override."""

    def configure(sim, wizard) -> None:
        info = sim.info()
        monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_CLIENT_ID", CLIENT_ID)
        monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_AUTHORITY_EXCHANGE", info["authority"])
        monkeypatch.setenv(
            "PRINTER_OAUTH_MAILBOX_SMTP_EXCHANGE", f"{info['smtp_host']}:{info['smtp_port']}"
        )
        wizard.set_mailbox_overrides(ca_file=info["ca_file"])

    return configure


async def open_mailbox_page(you: Technician) -> None:
    you.click("mailboxCheckButton")
    await you.reach("mailboxPage")


async def back_to_method(you: Technician) -> None:
    you.click("mailboxBackButton")
    await you.reach("methodPage")


async def finish_setup(you: Technician) -> None:
    you.next()
    await you.reach("pushPage")
    you.click("saveToPrinterButton")
    await past_fax(you)


@pytest.mark.asyncio
async def test_mailbox_ok_then_the_setup(simulation, make_wizard, mailbox_config) -> None:
    sim = simulation(auto_approve=1, poll_interval=1)
    wizard = make_wizard(language="en")
    mailbox_config(sim, wizard)
    you = Technician(wizard)
    await to_method(you, sim)
    assert you.find(QPushButton, "mailboxCheckButton").isEnabled()
    await open_mailbox_page(you)

    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "", what="the mailbox sign-in code")
    assert code.text().strip() == code.text() and " " not in code.text()
    assert you.find(QLabel, "verificationUrlLabel").text().startswith("https://")
    assert not you.find(QLabel, "qrCodeLabel").pixmap().isNull()
    assert you.find(QLabel, "countdownLabel").text()
    for name in ("copyCodeButton", "openUrlButton", "newCodeButton"):
        assert you.find(QPushButton, name).isEnabled()
    result = you.find(QLabel, "mailboxResultLabel")
    await until(lambda: "Mailbox OK" in result.text(), what="mailbox_ok")
    account = sim.info()["account"]
    assert account in result.text()
    assert account in you.find(QLabel, "signInStateLabel").text()
    assert not you.find(QLabel, "errorLabel").isVisible()
    assert wizard.mailbox_page.checked_account == account

    await back_to_method(you)
    await finish_setup(you)
    assert sim.device.settings()["signed_in"] is True
    # the printer signed in as the mailbox checked: no warning
    assert "mailbox" not in wizard.pages["push"].warningLabel.text().lower()
    await closed(wizard)


@pytest.mark.asyncio
async def test_a_different_printer_account_warns(simulation, make_wizard) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_method(you, sim)
    wizard.mailbox_page.checked_account = "someone.else@contoso.example"  # checked earlier
    you.next()
    await you.reach("pushPage")
    warning = wizard.pages["push"].warningLabel
    assert warning.isVisible()
    assert "someone.else@contoso.example" in warning.text()
    assert sim.info()["account"] in warning.text()
    await closed(wizard)


@pytest.mark.asyncio
async def test_smtp_auth_disabled_shows_its_message_and_help(
    simulation, make_wizard, mailbox_config
) -> None:
    sim = simulation(auto_approve=0, poll_interval=1, scenario="smtp-auth-disabled-tenant")
    wizard = make_wizard(language="en")
    mailbox_config(sim, wizard)
    you = Technician(wizard)
    await to_method(you, sim)
    await open_mailbox_page(you)
    error = you.find(QLabel, "errorLabel")
    await until(error.isVisible, what="the error")
    assert wizard.mailbox_page.error_code == "smtp_auth_disabled_tenant"
    assert error.text()
    help_link = you.find(QLabel, "errorHelpLabel")
    assert help_link.property("helpTopic") == "smtp_auth_disabled_tenant"
    assert "help:smtp_auth_disabled_tenant" in help_link.text()
    assert "Mailbox OK" not in you.find(QLabel, "mailboxResultLabel").text()
    await back_to_method(you)
    await closed(wizard)


@pytest.mark.asyncio
async def test_without_a_client_id_no_client_id_and_the_setup_completes(
    simulation, make_wizard
) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_method(you, sim)
    await open_mailbox_page(you)
    error = you.find(QLabel, "errorLabel")
    await until(error.isVisible, what="no_client_id")
    assert wizard.mailbox_page.error_code == "no_client_id"
    assert you.find(QLabel, "errorHelpLabel").property("helpTopic") == "no_client_id"
    assert you.find(QLabel, "userCodeLabel").text() == ""

    await back_to_method(you)
    await finish_setup(you)
    assert sim.device.settings()["auth_method"] == "oauth2"
    assert sim.device.settings()["signed_in"] is True
    await closed(wizard)


@pytest.mark.asyncio
async def test_leaving_the_page_cancels_the_check(simulation, make_wizard, mailbox_config) -> None:
    sim = simulation(poll_interval=1)  # nobody approves: the check waits on the sign-in
    wizard = make_wizard(language="en")
    mailbox_config(sim, wizard)
    you = Technician(wizard)
    await to_method(you, sim)
    await open_mailbox_page(you)
    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "", what="the mailbox sign-in code")
    task = wizard.mailbox_page._task
    assert task is not None and not task.done()
    began = time.monotonic()
    await back_to_method(you)
    await until(task.done, timeout=5, what="the check to stop")
    assert time.monotonic() - began < 5
    assert not wizard.mailbox_page.working
    await closed(wizard)


@pytest.mark.asyncio
async def test_demo_mode_checks_against_the_simulator(simulation, make_wizard) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    wizard = make_wizard(language="it")
    wizard.set_demo(sim.device.admin_password, open_browser=False, simulation_info=sim.info())
    you = Technician(wizard)
    await to_method(you, sim)
    await open_mailbox_page(you)
    result = you.find(QLabel, "mailboxResultLabel")
    await until(lambda: sim.info()["account"] in result.text(), what="mailbox_ok")
    assert not you.find(QLabel, "errorLabel").isVisible()
    await closed(wizard)
