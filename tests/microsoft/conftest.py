"""Fixtures for the mailbox check: the Microsoft stand-ins in-process (tests/simulator's
fixtures), the `check-mailbox` command as a subprocess, a loopback listener that records
whether anything connected to it."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.simulator.conftest import local_ca, start_identity, start_smtp  # noqa: F401

ROOT = Path(__file__).resolve().parents[2]
CLIENT_ID = "0badc0de-0000-4000-8000-00000000c0de"
"""Made up: the product ships no client ID, and tests use none of another product's."""
CLI_TIMEOUT = 60


@dataclass
class Run:
    returncode: int
    events: list[dict]
    stdout: str
    stderr: str

    @property
    def last(self) -> dict:
        return self.events[-1]

    def names(self) -> list[str]:
        return [event["event"] for event in self.events]


def parse_events(stdout: str) -> list[dict]:
    return [json.loads(line) for line in stdout.splitlines() if line.strip()]


def check_mailbox(*args: str, env: dict[str, str] | None = None) -> Run:
    """`python main.py check-mailbox ARGS --json`, with the test's own environment."""
    result = subprocess.run(
        [sys.executable, "main.py", "check-mailbox", *args, "--json"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=CLI_TIMEOUT,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return Run(result.returncode, parse_events(result.stdout), result.stdout, result.stderr)


def sim_args(identity, smtp, *, service: str = "exchange") -> list[str]:
    authority = identity.authority_consumers if service == "outlook" else identity.authority
    return [
        "--service",
        service,
        "--client-id",
        CLIENT_ID,
        "--authority",
        authority,
        "--smtp",
        f"{smtp.host}:{smtp.port}",
        "--ca-file",
        identity.ca_file,
    ]


@pytest.fixture
def listener() -> Iterator[socket.socket]:
    """A loopback port that accepts nothing: a connection attempt stays in its backlog."""
    with socket.create_server(("127.0.0.1", 0), backlog=8) as server:
        server.setblocking(False)
        yield server


def nothing_connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return True
    connection.close()
    return False
