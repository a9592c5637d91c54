"""Cancel at each page, and closing the window: in-flight work stops, the simulator's device
settings (email and fax) afterwards equal those before, no thread is left running, nothing is
printed; closing during the sign-in stops the device's polling at once."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel, QWizard

from app.simulator.run import Simulation
from tests.ui.conftest import (
    Technician,
    closed,
    drive_to_status,
    to_login,
    to_method,
    to_push,
    to_sign_in,
    until,
)

pytestmark = [pytest.mark.usefixtures("fast_polling"), pytest.mark.asyncio]

THREADS_CEILING = 10.0


def cancel(wizard: QWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CancelButton)
    assert button.isVisible() and button.isEnabled()
    QTest.mouseClick(button, Qt.MouseButton.LeftButton)


def _working_threads(before: set[int]) -> list[str]:
    """Threads started since `before` that still run."""
    return [t.name for t in threading.enumerate() if t.ident not in before and t.is_alive()]


async def assert_left_clean(
    sim: Simulation, wizard: Any, before: dict[str, Any], threads: set[int], capfd: Any
) -> None:
    await closed(wizard)
    assert not wizard.isVisible()
    assert sim.device.settings() == before["email"]
    assert sim.device.settings("fax") == before["fax"]
    ends = time.monotonic() + THREADS_CEILING
    while _working_threads(threads) and time.monotonic() < ends:
        await asyncio.sleep(0.05)
    assert _working_threads(threads) == []
    out, err = capfd.readouterr()
    assert out == "" and err == ""


def snapshot(sim: Simulation) -> dict[str, Any]:
    return {"email": sim.device.settings(), "fax": sim.device.settings("fax")}


@pytest.fixture
def sim(simulation) -> Simulation:
    return simulation(auto_approve=None, poll_interval=1)


@pytest.mark.parametrize("page", ["printerPage", "loginPage", "methodPage"])
async def test_cancel_before_the_sign_in_leaves_the_device_as_it_was(
    sim: Simulation, make_wizard, capfd, page: str
) -> None:
    before, threads = snapshot(sim), {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    if page == "printerPage":
        you.type_text("printerAddressEdit", sim.device.https_url)
        await until(wizard.pages["printer"].trustCertificateCheck.isVisible, what="the trust")
    else:
        previous = {"loginPage": to_login, "methodPage": to_method}[page]
        await previous(you, sim)
    assert you.page_name() == page
    cancel(wizard)
    await assert_left_clean(sim, wizard, before, threads, capfd)


async def test_cancel_while_logging_in_stops_the_login(sim: Simulation, make_wizard, capfd) -> None:
    before, threads = snapshot(sim), {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_login(you, sim)
    you.type_text("adminPasswordEdit", sim.device.admin_password)
    you.next()  # the login runs: cancel it half-way
    cancel(wizard)
    await assert_left_clean(sim, wizard, before, threads, capfd)


async def test_closing_during_the_sign_in_stops_polling_at_once_and_restores(
    sim: Simulation, make_wizard, capfd
) -> None:
    before, threads = snapshot(sim), {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_sign_in(you, sim)
    code = wizard.pages["sign_in"].userCodeLabel
    await until(lambda: code.text() != "", what="the code")
    await until(lambda: len(sim.device.requests(("poll",))) >= 2, what="the device polling")
    assert sim.device.settings() != before["email"] or sim.device.sign_in_state() is not None
    began = time.monotonic()
    wizard.close()  # the window's close button
    await closed(wizard)
    assert time.monotonic() - began < 5.0
    polls = len(sim.device.requests(("poll",)))
    await asyncio.sleep(2.5)  # more than two poll intervals
    assert len(sim.device.requests(("poll",))) == polls
    assert sim.device.sign_in_state() is None  # the pending sign-in is gone
    await assert_left_clean(sim, wizard, before, threads, capfd)


async def test_cancel_on_the_push_page_before_saving_restores(
    simulation, make_wizard, capfd
) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    before, threads = snapshot(sim), {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_push(you, sim)
    cancel(wizard)
    await assert_left_clean(sim, wizard, before, threads, capfd)


async def test_cancel_during_the_save_restores(simulation, make_wizard, capfd) -> None:
    """Caught mid-way: the commit is under way on a slow printer when Cancel is pressed."""
    sim = simulation(auto_approve=0, poll_interval=1, latency_ms=150)
    before, threads = snapshot(sim), {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_push(you, sim)
    push = wizard.pages["push"]
    you.click("saveToPrinterButton")
    await until(lambda: push.phases.reached >= 1, what="the commit to start")
    assert push.working
    cancel(wizard)
    await assert_left_clean(sim, wizard, before, threads, capfd)


async def test_cancel_during_the_fax_sign_in_restores_the_fax_server_and_keeps_the_email(
    simulation, make_wizard, capfd
) -> None:
    """The fax server is its own transaction: Cancel during its sign-in puts the fax settings
    back; the email settings, verified before the fax page, stay as verified."""
    sim = simulation(auto_approve=None, poll_interval=1)
    threads = {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await to_sign_in(you, sim)
    await until(lambda: sim.device.pending_code() is not None, what="the email sign-in code")
    sim.identity.approve(sim.device.pending_code())
    await you.reach("pushPage")
    you.click("saveToPrinterButton")
    await you.reach("faxPage")
    on_the_fax_page = snapshot(sim)
    assert on_the_fax_page["email"]["signed_in"] is True
    you.click("faxExchangeRadio")
    you.next()
    code = you.find(QLabel, "userCodeLabel")
    await until(lambda: code.text() != "", what="the fax code")
    assert sim.device.pending_code("fax") == code.text()
    cancel(wizard)
    await assert_left_clean(sim, wizard, on_the_fax_page, threads, capfd)
    assert sim.device.sign_in_state("fax") is None  # the pending fax sign-in is gone


async def test_cancel_on_the_status_page_leaves_the_verified_settings(
    simulation, make_wizard, capfd
) -> None:
    sim = simulation(auto_approve=0, poll_interval=1)
    threads = {t.ident for t in threading.enumerate()}
    capfd.readouterr()
    wizard = make_wizard(language="en")
    you = Technician(wizard)
    await drive_to_status(you, sim)
    verified = snapshot(sim)
    assert verified["email"]["auth_method"] == "oauth2" and verified["email"]["signed_in"]
    cancel(wizard)
    await assert_left_clean(sim, wizard, verified, threads, capfd)
