"""The secret canary's tools: unique secret values per run, a watch over the process list while
the run goes on, and a search of every place a run can leave text behind.

Each run gets secrets nobody else uses (a fresh serial, which is the simulated printer's admin
password; the codes and tokens the identity stand-in mints), so a hit can only come from that
run. The places searched are redirected into one folder per run: the product's home
(`PRINTER_OAUTH_HOME`: config, data with the reports, logs with the page captures, cache), the
user's HOME and XDG folders and the temporary folder; the simulator keeps its own files outside
it, since the device may know its password.
"""

from __future__ import annotations

import os
import secrets
import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import psutil

SAMPLE_SECONDS = 0.2
XDG = ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME")


def unique_serial() -> str:
    """A serial (so an admin password) no other run uses: "CANARY" and 12 hex digits."""
    return "CANARY" + secrets.token_hex(6).upper()


@dataclass
class Places:
    """The folders of one run, all under `root`, and the environment that points at them."""

    root: Path

    @property
    def product_home(self) -> Path:
        return self.root / "product"

    @property
    def temporary(self) -> Path:
        return self.root / "tmp"

    def environment(self) -> dict[str, str]:
        """PRINTER_OAUTH_HOME, HOME, XDG_* and TMPDIR, each a fresh folder under `root`."""
        folders = {
            "PRINTER_OAUTH_HOME": self.product_home,
            "HOME": self.root / "home",
            "TMPDIR": self.temporary,
            **{name: self.root / name.lower() for name in XDG},
        }
        for folder in folders.values():
            folder.mkdir(parents=True, exist_ok=True)
        return {name: str(folder) for name, folder in folders.items()}

    def files(self) -> list[Path]:
        return [path for path in self.root.rglob("*") if path.is_file()]


@dataclass
class ProcessWatch:
    """Samples, every 0.2 s on a thread, the command line and the environment of process `pid`
    (default: this one) and of all its descendants; keeps each distinct text seen."""

    pid: int = field(default_factory=os.getpid)
    texts: set[str] = field(default_factory=set)
    samples: int = 0
    processes: set[int] = field(default_factory=set)
    _stop: threading.Event = field(default_factory=threading.Event)
    _thread: threading.Thread | None = None

    def __enter__(self) -> ProcessWatch:
        self._thread = threading.Thread(target=self._run, name="canary-ps", daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self._stop.set()
        assert self._thread is not None
        self._thread.join(timeout=10)

    def _run(self) -> None:
        while True:
            self.sample()
            if self._stop.wait(SAMPLE_SECONDS):
                return

    def sample(self) -> None:
        root = psutil.Process(self.pid)
        for process in [root, *root.children(recursive=True)]:
            try:
                command = " ".join(process.cmdline())
                environment = "\n".join(f"{k}={v}" for k, v in process.environ().items())
            except (psutil.NoSuchProcess, psutil.AccessDenied, psutil.ZombieProcess):
                continue  # ended between the listing and the read
            self.processes.add(process.pid)
            self.texts.update((command, environment))
        self.samples += 1


def hits(
    secret_values: Iterable[str],
    *,
    files: Iterable[Path] = (),
    texts: Mapping[str, str] | None = None,
) -> list[str]:
    """Where each secret was found: inside or in the name of `files`, or in the named `texts`."""
    wanted = [value for value in secret_values if value]
    found = []
    for path in files:
        data = path.read_bytes()
        found += [f"{path}: {value}" for value in wanted if value.encode() in data]
        found += [f"{path} (name): {value}" for value in wanted if value in str(path)]
    for place, text in (texts or {}).items():
        found += [f"{place}: {value}" for value in wanted if value in text]
    return found
