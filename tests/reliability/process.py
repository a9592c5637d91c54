"""Child processes for the fault suite: the simulator and the command line as programs of their
own, as a real printer and a technician's terminal are, so that one can be killed or
interrupted while the other goes on.

Every child is started with `python main.py ...` from the project folder, inherits the test's
environment (its private PRINTER_OAUTH_HOME and settings), has its output read by threads (a
full pipe never blocks it) and is always killed and reaped when the `with` block ends.
"""

from __future__ import annotations

import json
import queue
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path
from types import TracebackType
from typing import IO, Any

ROOT = Path(__file__).resolve().parents[2]
LINE_CEILING = 60.0
"""Seconds a child may take to say its next line on a loaded 2-CPU machine (a hang, not slow)."""
EXIT_CEILING = 90.0


class Child:
    """`python main.py *argv`; `stdin` is written and closed at once (a password line)."""

    def __init__(self, argv: list[str], stdin: str = "") -> None:
        self.argv = argv
        self._process = subprocess.Popen(
            [sys.executable, "main.py", *argv],
            cwd=ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self._lines: queue.Queue[str | None] = queue.Queue()
        self.lines: list[str] = []
        """Every standard output line read so far."""
        self._stderr: list[str] = []
        self._readers = [
            threading.Thread(target=self._read, args=(self._process.stdout, True), daemon=True),
            threading.Thread(target=self._read, args=(self._process.stderr, False), daemon=True),
        ]
        for reader in self._readers:
            reader.start()
        assert self._process.stdin is not None
        self._process.stdin.write(stdin)
        self._process.stdin.close()

    @property
    def pid(self) -> int:
        return self._process.pid

    def _read(self, stream: IO[str] | None, is_stdout: bool) -> None:
        assert stream is not None
        for line in stream:
            if is_stdout:
                self._lines.put(line)
            else:
                self._stderr.append(line)
        if is_stdout:
            self._lines.put(None)

    def next_event(self, ceiling: float = LINE_CEILING) -> dict[str, Any]:
        """The next standard output line as JSON; AssertionError if none comes in time."""
        try:
            line = self._lines.get(timeout=ceiling)
        except queue.Empty:
            raise AssertionError(f"{self.argv[0]}: nothing said in {ceiling} s") from None
        if line is None:
            raise AssertionError(f"{self.argv[0]} ended: {self.stderr}")
        self.lines.append(line)
        return json.loads(line)

    def wait_for(self, event: str, ceiling: float = LINE_CEILING) -> dict[str, Any]:
        """Read events until one named `event` (the sim's first line has no name: pass "")."""
        ends = time.monotonic() + ceiling
        while True:
            found = self.next_event(max(0.1, ends - time.monotonic()))
            if found.get("event", "") == event:
                return found

    def said(self, event: str, ceiling: float) -> bool:
        """Whether the child says `event` within `ceiling` seconds (lines before it are kept)."""
        ends = time.monotonic() + ceiling
        while (left := ends - time.monotonic()) > 0:
            try:
                line = self._lines.get(timeout=left)
            except queue.Empty:
                return False
            if line is None:
                self._lines.put(None)
                return False
            self.lines.append(line)
            if json.loads(line).get("event") == event:
                return True
        return False

    def events(self) -> list[dict[str, Any]]:
        """Every JSON event said so far, the rest of the output read to its end first."""
        while (line := self._lines.get(timeout=LINE_CEILING)) is not None:
            self.lines.append(line)
        self._lines.put(None)
        return [json.loads(line) for line in self.lines]

    @property
    def stderr(self) -> str:
        return "".join(self._stderr)

    def interrupt(self) -> None:
        """Ctrl+C, as a terminal sends it."""
        self._process.send_signal(signal.SIGINT)

    def kill(self) -> None:
        """SIGKILL and reap: a power cut, nothing runs after it."""
        if self._process.poll() is None:
            self._process.kill()
        self._process.wait(timeout=EXIT_CEILING)

    def wait(self, ceiling: float = EXIT_CEILING) -> int:
        """The exit status, once the child has ended and its output has been read."""
        status = self._process.wait(timeout=ceiling)
        for reader in self._readers:
            reader.join(timeout=ceiling)
        return status

    def __enter__(self) -> Child:
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _traceback: TracebackType | None,
    ) -> None:
        self.kill()
        for reader in self._readers:
            reader.join(timeout=EXIT_CEILING)
        for stream in (self._process.stdout, self._process.stderr):
            if stream is not None:
                stream.close()


def configure(address: str, password: str, *extra: str) -> Child:
    """`configure --json` of the simulated printer, trusting its certificate on first use."""
    argv = ["configure", "--printer", address, "--service", "exchange", "--password-stdin"]
    return Child([*argv, "--trust-new-certificate", "--json", *extra], password + "\n")
