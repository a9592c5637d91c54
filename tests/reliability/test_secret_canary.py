"""The secret canary: whole command-line runs, then a search of every place the product
writes — config, data, logs (captures included), cache, temporary files — and of the process
list, for the admin password, the serial and the sign-in code. Zero hits allowed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from app.simulator.run import Simulation

ROOT = Path(__file__).resolve().parents[2]


def _environment(home: Path, temporary: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PRINTER_OAUTH_")}
    env.update(
        PRINTER_OAUTH_HOME=str(home),
        PRINTER_OAUTH_LOG_LEVEL="DEBUG",
        PRINTER_OAUTH_PRINTER_POLL_INTERVAL="1",
        TMPDIR=str(temporary),
    )
    return env


def _run(argv: list[str], password: str, env: dict[str, str]) -> tuple[list[dict], list[str]]:
    """Runs the command line; returns its events and every process list seen meanwhile."""
    process = subprocess.Popen(
        [sys.executable, "main.py", *argv, "--json"],
        cwd=ROOT,
        env=env,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert process.stdin is not None
    process.stdin.write(password + "\n")
    process.stdin.close()
    listings = []
    deadline = time.monotonic() + 60
    while process.poll() is None and time.monotonic() < deadline:
        listings.append(
            subprocess.run(["ps", "-eo", "args"], capture_output=True, text=True, check=True).stdout
        )
        time.sleep(0.2)
    assert process.stdout is not None
    out = process.stdout.read()
    process.stdout.close()
    process.wait(timeout=30)
    return [json.loads(line) for line in out.splitlines()], listings


def _hits(folders: list[Path], secrets: list[str]) -> list[str]:
    found = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                data = path.read_bytes()
                found += [f"{path}: {s}" for s in secrets if s.encode() in data]
    return found


@pytest.mark.parametrize("scenario", ["ok", "commit-refused", "truncated-page"])
def test_no_secret_reaches_disk_logs_or_the_process_list(tmp_path, scenario) -> None:
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    temporary.mkdir()
    with Simulation(scenario=scenario, auto_approve=0, poll_interval=1) as sim:
        password = sim.device.admin_password
        argv = ["configure", "--printer", sim.device.https_url, "--service", "exchange"]
        argv += ["--password-stdin", "--trust-new-certificate"]
        events, listings = _run(argv, password, _environment(home, temporary))
    codes = [e["user_code"] for e in events if e["event"] == "device_code"]
    assert codes, events
    secrets = [password, sim.device.spec.serial, *codes]
    log = home / "logs" / "printer-oauth.log"
    assert log.is_file() and log.stat().st_size > 0, (
        "the log was written, so the search means something"
    )
    assert _hits([home, temporary], secrets) == []
    assert not any(password in listing for listing in listings)
    assert len(listings) > 1, "the process list was looked at while the command ran"


def test_a_wrong_password_is_not_logged_either(tmp_path) -> None:
    home, temporary = tmp_path / "home", tmp_path / "tmp"
    temporary.mkdir()
    with Simulation() as sim:
        argv = ["status", "--printer", sim.device.https_url, "--password-stdin"]
        argv.append("--trust-new-certificate")
        events, _ = _run(argv, "Canary-Wrong-0f3a9c", _environment(home, temporary))
    assert events[-1]["code"] == "wrong_password"
    assert _hits([home, temporary], ["Canary-Wrong-0f3a9c"]) == []
