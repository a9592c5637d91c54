"""Running the command line in-process against the simulator, as a caller would see it."""

from __future__ import annotations

import io
import json
import sys
from collections.abc import Iterator
from typing import Any

import pytest

import main
from app.simulator.run import Simulation


class CliRun:
    def __init__(self, status: int, events: list[dict[str, Any]]) -> None:
        self.status = status
        self.events = events

    def named(self, name: str) -> list[dict[str, Any]]:
        return [event for event in self.events if event["event"] == name]

    def one(self, name: str) -> dict[str, Any]:
        (event,) = self.named(name)
        return event

    @property
    def error_code(self) -> str | None:
        errors = self.named("error")
        return errors[-1]["code"] if errors else None


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    """`cli(argv, stdin)` runs `printer-oauth argv --json` and returns its events."""

    def run(argv: list[str], stdin: str = "") -> CliRun:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
        status = main.main([*argv, "--json"])
        out = capsys.readouterr().out
        events = [json.loads(line) for line in out.splitlines()]
        assert all("event" in event for event in events)
        return CliRun(status, events)

    return run


@pytest.fixture
def simulation() -> Iterator[Any]:
    """`simulation(**options)` starts a simulation that is stopped after the test."""
    started: list[Simulation] = []

    def start(**options: Any) -> Simulation:
        sim = Simulation(**options).start()
        started.append(sim)
        return sim

    yield start
    for sim in started:
        sim.stop()


def login_args(sim: Simulation, *extra: str) -> tuple[list[str], str]:
    """Arguments for a first contact that trusts the simulated device's certificate."""
    argv = ["--printer", sim.device.https_url, "--password-stdin", "--trust-new-certificate"]
    return [*argv, *extra], sim.device.admin_password + "\n"
