"""Every scenario of DESIGN.md's failure table, run through the command line and through the
wizard (offscreen), against the simulator over real sockets and TLS: each run ends in the
scenario's own code and help topic, and the device afterwards is as it was field by field
(email and fax pages, no sign-in left pending) or verified (tests/reliability/matrix.py).

The printer's scenarios and the identity answers met by the printer's own sign-in go through
`configure` and the setup pages; the rest of the table is met by the mailbox check only
(`check-mailbox`, the mailbox page), which must leave the device untouched."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QAbstractButton, QLabel

from app.errors import REGISTRY
from app.simulator import scenarios
from tests.driver.conftest import cli, login_args  # noqa: F401 - `cli` is a fixture
from tests.reliability import matrix
from tests.reliability.matrix import Case, quick_settings  # noqa: F401 - a fixture
from tests.ui.conftest import (  # noqa: F401 - fixtures
    Technician,
    closed,
    keep_running_after_close,
    make_wizard,
    past_fax,
    to_login,
    until,
)
from tests.ui.test_mailbox_page import CLIENT_ID

pytestmark = pytest.mark.usefixtures("quick_settings")

SERVICE = "exchange"


def test_the_matrix_covers_the_whole_table() -> None:
    """A scenario added to the simulator without a row here fails this test."""
    covered = {case.scenario for case in matrix.CASES} | set(matrix.MAILBOX_CASES)
    assert covered == set(scenarios.SCENARIOS)
    for case in matrix.CASES:
        assert case.code == scenarios.get(case.scenario).expected_code, case.scenario


@pytest.fixture
def case_env(monkeypatch: pytest.MonkeyPatch):
    def apply(case: Case) -> None:
        for name, value in case.env.items():
            monkeypatch.setenv(name, value)

    return apply


# --- the command line -------------------------------------------------------------------


@pytest.mark.parametrize("case", matrix.CASES, ids=lambda case: case.scenario)
def test_configure_on_the_command_line(cli, case_env, case: Case) -> None:  # noqa: F811
    case_env(case)
    sim = matrix.start(case)
    try:
        before = matrix.snapshot(sim)
        argv, password = login_args(sim)
        if case.password is not None:
            password = case.password + "\n"
        run = cli(["configure", *argv, "--service", SERVICE], password)
        assert run.status == case.exit_status, run.events
        assert run.error_code == case.code, run.events
        if case.code is not None:
            error = run.one("error")
            assert error["help_topic"] == case.code
            assert error["message"].startswith(REGISTRY[case.code].message.split("{")[0])
        else:
            assert run.one("verified")
        matrix.assert_device(case, sim, before, SERVICE)
    finally:
        sim.stop()


def _mailbox_args(sim) -> list[str]:
    info = sim.info()
    return [
        "--service",
        SERVICE,
        "--client-id",
        CLIENT_ID,
        "--authority",
        info["authority"],
        "--smtp",
        f"{info['smtp_host']}:{info['smtp_port']}",
        "--ca-file",
        info["ca_file"],
    ]


@pytest.mark.parametrize("scenario", matrix.MAILBOX_CASES)
def test_check_mailbox_on_the_command_line(cli, scenario: str) -> None:  # noqa: F811
    code = scenarios.get(scenario).expected_code
    assert code is not None
    sim = matrix.start(Case(scenario, code, matrix.BEFORE))
    try:
        before = matrix.snapshot(sim)
        run = cli(["check-mailbox", *_mailbox_args(sim)])
        assert run.status == REGISTRY[code].exit_status, run.events
        assert run.error_code == code
        assert run.one("error")["help_topic"] == code
        assert sim.smtp.messages_received == 0
        assert matrix.snapshot(sim) == before and sim.device.writes == 0
    finally:
        sim.stop()


# --- the wizard -------------------------------------------------------------------------


def shown_error(you: Technician) -> str | None:
    """The help topic of the error the current page shows, or None."""
    label = you.find(QLabel, "errorLabel")
    if not label.isVisible() or not label.text():
        return None
    return you.find(QLabel, "errorHelpLabel").property("helpTopic") or ""


async def step(you: Technician, *pages: str) -> str | None:
    """Wait until the wizard reaches one of `pages` (None) or the page shows an error (its
    help topic)."""
    await until(
        lambda: you.page_name() in pages or shown_error(you) is not None,
        what=f"{' or '.join(pages)} or an error on {you.page_name()}",
    )
    return None if you.page_name() in pages else shown_error(you)


async def run_wizard_to_method(you: Technician, sim, password: str | None = None) -> str | None:
    """Address, trust, password: the method page (None), or the help topic of an error."""
    await to_login(you, sim)
    you.type_text("adminPasswordEdit", password or sim.device.admin_password)
    you.next()
    return await step(you, "methodPage")


async def run_wizard(you: Technician, sim, case: Case) -> str | None:
    """The happy path's actions, stopping at the first error shown: its help topic."""
    if (shown := await run_wizard_to_method(you, sim, case.password)) is not None:
        return shown
    you.next()
    if (shown := await step(you, "pushPage")) is not None:
        return shown
    you.click("saveToPrinterButton")
    if (shown := await step(you, "faxPage", "statusPage")) is not None:
        return shown
    await past_fax(you)
    return None


@pytest.mark.asyncio
@pytest.mark.parametrize("case", matrix.CASES, ids=lambda case: case.scenario)
async def test_the_wizard(make_wizard, case_env, case: Case) -> None:  # noqa: F811
    case_env(case)
    sim = matrix.start(case)
    try:
        before = matrix.snapshot(sim)
        wizard = make_wizard(language="en")
        you = Technician(wizard)
        topic = await run_wizard(you, sim, case)
        assert topic == case.code, you.find(QLabel, "errorLabel").text()
        if case.code is not None:
            text = you.find(QLabel, "errorLabel").text()
            assert text.startswith(REGISTRY[case.code].message.split("{")[0][:40]), text
            assert f'href="help:{case.code}"' in you.find(QLabel, "errorHelpLabel").text()
        await closed(wizard)
        matrix.assert_device(case, sim, before, SERVICE)
    finally:
        sim.stop()


@pytest.mark.asyncio
@pytest.mark.parametrize("scenario", matrix.MAILBOX_CASES)
async def test_the_wizard_mailbox_page(make_wizard, monkeypatch, scenario: str) -> None:  # noqa: F811
    code = scenarios.get(scenario).expected_code
    sim = matrix.start(Case(scenario, code, matrix.BEFORE))
    try:
        before = matrix.snapshot(sim)
        info = sim.info()
        monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_CLIENT_ID", CLIENT_ID)
        monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_AUTHORITY_EXCHANGE", info["authority"])
        monkeypatch.setenv(
            "PRINTER_OAUTH_MAILBOX_SMTP_EXCHANGE", f"{info['smtp_host']}:{info['smtp_port']}"
        )
        wizard = make_wizard(language="en")
        wizard.set_mailbox_overrides(ca_file=info["ca_file"])
        you = Technician(wizard)
        assert await run_wizard_to_method(you, sim) is None
        you.click("mailboxCheckButton")
        await you.reach("mailboxPage")
        assert await step(you) == code
        assert wizard.mailbox_page.error_code == code
        assert you.find(QAbstractButton, "mailboxBackButton").isEnabled()
        await closed(wizard)
        assert sim.smtp.messages_received == 0
        assert matrix.snapshot(sim) == before and sim.device.writes == 0
    finally:
        sim.stop()
