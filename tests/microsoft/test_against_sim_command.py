"""`check-mailbox` against `python main.py sim --scenario S --auto-approve 1`, both as
subprocesses, exactly as the issue states it. The `sim` command announces the real 5 s poll
interval, so each run takes ~6 s: a representative subset here (ok, one identity scenario,
one SMTP scenario); every scenario runs in test_check_mailbox_cli.py against the same
stand-ins in-process with a 1 s interval."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from collections.abc import Iterator

import pytest

from tests.microsoft.conftest import CLIENT_ID, ROOT, check_mailbox


@pytest.fixture
def sim_command() -> Iterator:
    started: list[subprocess.Popen] = []

    def start(scenario: str) -> dict:
        process = subprocess.Popen(
            [sys.executable, "main.py", "sim", "--scenario", scenario, "--auto-approve", "1"],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        started.append(process)
        assert process.stdout is not None
        return json.loads(process.stdout.readline())

    yield start
    for process in started:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()


@pytest.mark.slow
@pytest.mark.parametrize("scenario", ["ok", "sign-in-blocked", "smtp-auth-disabled-tenant"])
def test_check_mailbox_against_the_sim_command(sim_command, scenario) -> None:
    expected = None if scenario == "ok" else scenario.replace("-", "_")
    info = sim_command(scenario)
    run = check_mailbox(
        "--service",
        "exchange",
        "--client-id",
        CLIENT_ID,
        "--authority",
        info["authority"],
        "--smtp",
        f"{info['smtp_host']}:{info['smtp_port']}",
        "--ca-file",
        info["ca_file"],
    )
    if expected is None:
        assert run.returncode == 0, run.stdout + run.stderr
        assert run.names() == ["device_code", "signed_in", "mailbox_ok"]
        assert run.last["account"] == info["account"]
    else:
        assert run.last["event"] == "error", run.stdout + run.stderr
        assert run.last["code"] == expected
        assert run.returncode in (5, 7)
