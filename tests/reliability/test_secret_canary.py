"""The secret canary: whole runs — command line and wizard, successes and failures, the log at
DEBUG, page captures made, the customer's report saved — with secret values unique to the run,
then a search for them everywhere a run can leave text: the product's config, data (reports),
logs (captures) and cache folders, HOME and the XDG folders, the temporary folder, standard
output and error, the process list (command line and environment of every child process,
sampled every 0.2 s) and, for the wizard, the clipboard. Zero hits allowed.

The secrets of a run: the admin password (a fresh serial: on current models they are the same),
and every code and token the identity stand-in issued during the run (`issued_secrets`: the
user and device codes of the printer's sign-in, the mailbox check's access and refresh tokens).
The user code is shown on purpose while it is in use: in the `device_code` event, on the
sign-in page and in the clipboard. So the `device_code` events' own `user_code` is left out of
the search of standard output, and the clipboard is searched after the run (the wizard removes
a used code from it).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QLabel, QTextBrowser

from app import logs, paths
from app.simulator.run import Simulation
from tests.microsoft.conftest import CLIENT_ID, sim_args
from tests.reliability.canary import Places, ProcessWatch, hits, unique_serial
from tests.ui.conftest import (  # noqa: F401 (fixtures used by name)
    Technician,
    closed,
    keep_running_after_close,
    make_wizard,
    past_fax,
    to_method,
    until,
)

ROOT = Path(__file__).resolve().parents[2]
RUN_CEILING = 120


def _cli(argv: list[str], stdin: str, env: dict[str, str]) -> tuple[subprocess.Popen, str, str]:
    process = subprocess.Popen(
        [sys.executable, "main.py", *argv, "--json"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    out, err = process.communicate(stdin, timeout=RUN_CEILING)
    return process, out, err


def _without_shown_codes(events: list[dict[str, Any]]) -> str:
    """Standard output minus what is shown on purpose: each `device_code` event's code."""
    kept = [{k: v for k, v in e.items() if k != "user_code"} for e in events]
    return "\n".join(json.dumps(e) for e in kept)


def _env(places: Places) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRINTER_OAUTH_")}
    env.update(
        places.environment(),
        PRINTER_OAUTH_LOG_LEVEL="DEBUG",
        PRINTER_OAUTH_PRINTER_POLL_INTERVAL="1",
    )
    return env


def _printer_argv(command: str, sim: Simulation) -> list[str]:
    argv = [command, "--printer", sim.device.https_url, "--password-stdin"]
    argv.append("--trust-new-certificate")
    return argv + (["--service", "exchange"] if command == "configure" else [])


CLI_RUNS = [
    # (command, scenario, exit status, last event or error code)
    ("configure", "ok", 0, "status"),
    ("configure", "code-expired", 0, "status"),
    ("configure", "commit-refused", 6, "commit_failed"),
    ("configure", "truncated-page", 6, "unsupported_page"),
    ("status", "wrong-password", 4, "wrong_password"),
    ("check-mailbox", "ok", 0, "mailbox_ok"),
    ("check-mailbox", "smtp-auth-disabled-mailbox", 7, "smtp_auth_disabled_mailbox"),
]


@pytest.mark.parametrize(("command", "scenario", "status", "last"), CLI_RUNS)
def test_a_command_line_run_leaves_no_secret_anywhere(
    tmp_path, command, scenario, status, last
) -> None:
    places = Places(tmp_path / "user")
    env = _env(places)
    serial = unique_serial()
    options = {"scenario": scenario, "auto_approve": 0, "poll_interval": 1}
    with Simulation(folder=tmp_path / "sim", serial=serial, **options) as sim:
        if command == "check-mailbox":
            argv = ["check-mailbox", *sim_args(sim.identity, sim.smtp)]
        else:
            argv = _printer_argv(command, sim)
        with ProcessWatch() as watch:
            process, out, err = _cli(argv, serial + "\n", env)
        issued = sim.identity.issued_secrets()
    events = [json.loads(line) for line in out.splitlines()]
    assert process.returncode == status, out + err
    assert last in (events[-1]["event"], events[-1].get("code")), events[-1]

    secrets = [serial, *issued]
    wanted = {"configure": 2, "status": 0}.get(command, 4)  # a code pair; + two tokens (MSAL)
    assert len(issued) >= wanted, "the run had codes and tokens to leak"
    log = places.product_home / "logs" / logs.LOG_NAME
    assert log.is_file() and log.stat().st_size > 0, "the log was written at DEBUG"
    if scenario == "truncated-page":
        assert list((places.product_home / "logs" / "captures").glob("*.html")), "a capture"
    assert process.pid in watch.processes and watch.samples > 1, "the watch saw the command"

    texts = {
        "stdout": _without_shown_codes(events),
        "stderr": err,
        **{f"process {i}": text for i, text in enumerate(watch.texts)},
    }
    assert hits(secrets, files=places.files(), texts=texts) == []


def test_a_wrong_password_is_not_logged_either(tmp_path) -> None:
    places = Places(tmp_path / "user")
    wrong = unique_serial()
    with Simulation(folder=tmp_path / "sim") as sim, ProcessWatch() as watch:
        process, out, err = _cli(_printer_argv("status", sim), wrong + "\n", _env(places))
    assert json.loads(out.splitlines()[-1])["code"] == "wrong_password"
    assert process.pid in watch.processes
    texts = {"stdout": out, "stderr": err, **{f"process {i}": t for i, t in enumerate(watch.texts)}}
    assert hits([wrong], files=places.files(), texts=texts) == []


# --- the wizard ---------------------------------------------------------------------------------


@pytest.fixture
def canary_places(tmp_path, monkeypatch: pytest.MonkeyPatch) -> Places:
    """The wizard runs in this process: its folders and the temporary folder are redirected
    here for the test, the log opened at DEBUG as `ui.app` opens it."""
    places = Places(tmp_path / "user")
    for name, value in places.environment().items():
        monkeypatch.setenv(name, value)
    monkeypatch.setenv("PRINTER_OAUTH_PRINTER_POLL_INTERVAL", "1")
    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    handler = logs.setup("DEBUG")
    yield places
    logs.teardown(handler)


def _configure_mailbox_check(sim: Simulation, wizard: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    info = sim.info()
    monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_CLIENT_ID", CLIENT_ID)
    monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_AUTHORITY_EXCHANGE", info["authority"])
    smtp = f"{info['smtp_host']}:{info['smtp_port']}"
    monkeypatch.setenv("PRINTER_OAUTH_MAILBOX_SMTP_EXCHANGE", smtp)
    wizard.set_mailbox_overrides(ca_file=info["ca_file"])


async def _mailbox_check(you: Technician) -> None:
    you.click("mailboxCheckButton")
    await you.reach("mailboxPage")
    result = you.find(QLabel, "mailboxResultLabel")
    await until(lambda: "Mailbox OK" in result.text(), what="mailbox_ok")
    you.click("mailboxBackButton")
    await you.reach("methodPage")


async def _save_and_report(you: Technician) -> None:
    you.next()
    await you.reach("pushPage")
    you.click("saveToPrinterButton")
    await past_fax(you)
    view = you.find(QTextBrowser, "statusView")
    await until(lambda: "Signed in" in view.toPlainText(), what="the status")
    refresh = you.find(QAbstractButton, "refreshStatusButton")
    await until(refresh.isEnabled, what="the status step to end")
    you.click("saveReportButton")


async def _until_failed(you: Technician, scenario: str) -> None:
    """Next on the method page; the fault strikes at the sign-in (truncated page after the
    first write) or at the save (commit refused)."""
    you.next()
    if scenario == "commit-refused":
        await you.reach("pushPage")
        you.click("saveToPrinterButton")
    await until(lambda: you.find(QLabel, "errorLabel").isVisible(), what="the error")


GUI_RUNS = [
    # (scenario, the printer's code when the run fails)
    ("ok", None),
    ("truncated-page", "unsupported_page"),
    ("commit-refused", "commit_failed"),
]


@pytest.mark.asyncio
@pytest.mark.usefixtures("keep_running_after_close")
@pytest.mark.parametrize(("scenario", "code"), GUI_RUNS)
async def test_a_wizard_run_leaves_no_secret_anywhere(
    tmp_path,
    canary_places,
    make_wizard,  # noqa: F811 (tests/ui's fixture, imported above)
    monkeypatch,
    scenario,
    code,
) -> None:
    serial = unique_serial()
    options = {"scenario": scenario, "auto_approve": 1, "poll_interval": 1}
    with Simulation(folder=tmp_path / "sim", serial=serial, **options) as sim:
        with ProcessWatch() as watch:
            wizard = make_wizard(language="en")
            _configure_mailbox_check(sim, wizard, monkeypatch)
            you = Technician(wizard)
            await to_method(you, sim)
            await _mailbox_check(you)
            if code is None:
                await _save_and_report(you)
            else:
                await _until_failed(you, scenario)
                assert you.wizard.currentPage().error_code == code
            await closed(wizard)
        issued = sim.identity.issued_secrets()
    clipboard = QGuiApplication.clipboard()
    assert clipboard is not None

    secrets = [serial, *issued]
    assert len(issued) >= 6, "two sign-ins: the mailbox check's codes and tokens, the printer's"
    assert (paths.current().log_dir / logs.LOG_NAME).stat().st_size > 0
    assert paths.current().log_dir.is_relative_to(canary_places.product_home)
    if code is None:
        assert list((paths.current().data_dir / "reports").glob("*.html")), "a report"
    if scenario == "truncated-page":
        assert list(paths.current().captures_dir.glob("*.html")), "a capture"
    assert watch.samples > 1
    texts = {
        "clipboard": clipboard.text(),
        "environment": "\n".join(f"{k}={v}" for k, v in os.environ.items()),
        **{f"process {i}": text for i, text in enumerate(watch.texts)},
    }
    assert hits(secrets, files=canary_places.files(), texts=texts) == []
