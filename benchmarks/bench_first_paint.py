"""Process start to the first paint of the wizard's first page, as a ratio to a bare QWizard.

DESIGN.md's bar: within 1.25× a bare PySide6 QWizard measured the same way in the same run,
median of at least 5. Both are started as fresh processes, interleaved (the order alternates
each round, so neither always meets a warm or a cold disk cache first), and timed from just
before the process starts to the JSON line each prints at its first paint:
`main.py` through ui/app.py's `PRINTER_OAUTH_EXIT_AFTER_FIRST_PAINT` probe, the baseline
through benchmarks/bare_wizard.py, which watches its page the same way. `main.py` also says
which of qasync, msal and requests were loaded by then, and which of the PySide types whose
first use is slow were built (ui/wizard.py `SLOW_TYPES`; the bar for both: none). 25 rounds:
on this 2-core VM, seven gave medians 0.15 apart from one run to the next. Each process also
says the CPU time it had used by its first paint: `cpu_ratio`, the same ratio with the
machine's noise (other work, a slow scheduler) mostly left out.

    .venv/bin/python -m benchmarks first_paint
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_ROUNDS = 25
GOAL_RATIO = 1.25
PROBE_TIMEOUT_S = 60.0
BARE = [sys.executable, "benchmarks/bare_wizard.py"]
WIZARD = [sys.executable, "main.py"]


def _environment(home: str) -> dict[str, str]:
    """Bytecode is written, to a cache folder of the run's own: a shipped build carries it, so
    a start that compiles every module from source would measure the development machine."""
    env = {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}
    return {
        **env,
        "PYTHONPYCACHEPREFIX": str(Path(home) / "pycache"),
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "PRINTER_OAUTH_HOME": home,
        "PRINTER_OAUTH_EXIT_AFTER_FIRST_PAINT": "1",
        "PRINTER_OAUTH_UI_LANGUAGE": "en",
    }


def time_to_first_paint(
    command: list[str], env: dict[str, str], cwd: Path = ROOT
) -> tuple[float, dict]:
    """Seconds from just before the process starts to its first-paint line, and that line.
    Also packaging/check_bundle.py's measure of the bundle against the source."""
    began = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    try:
        line = process.stdout.readline() if process.stdout else ""
        elapsed = time.perf_counter() - began
        process.wait(timeout=PROBE_TIMEOUT_S)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout:
            process.stdout.close()
    if not line or not json.loads(line).get("first_paint"):
        raise RuntimeError(f"{command[-1]} exited with {process.returncode} before its first paint")
    return elapsed, json.loads(line)


def run(rounds: int = DEFAULT_ROUNDS) -> dict:
    wizard_s: list[float] = []
    bare_s: list[float] = []
    wizard_cpu: list[float] = []
    bare_cpu: list[float] = []
    heavy: set[str] = set()
    slow_types: set[str] = set()
    with tempfile.TemporaryDirectory(prefix="bench-first-paint-") as home:
        env = _environment(home)
        # One of each first, not counted: the first start after a build pays for compiling.
        time_to_first_paint(BARE, env)
        time_to_first_paint(WIZARD, env)
        for index in range(rounds):
            order = ("bare", "wizard") if index % 2 == 0 else ("wizard", "bare")
            for which in order:
                if which == "bare":
                    elapsed, line = time_to_first_paint(BARE, env)
                    bare_s.append(elapsed)
                    bare_cpu.append(line["cpu_s"])
                else:
                    elapsed, line = time_to_first_paint(WIZARD, env)
                    wizard_s.append(elapsed)
                    wizard_cpu.append(line["cpu_s"])
                    heavy.update(line["heavy_modules_loaded"])
                    slow_types.update(line["slow_types_built"])
    wizard, bare = statistics.median(wizard_s), statistics.median(bare_s)
    return {
        "rounds": rounds,
        "wizard_ms_median": round(wizard * 1000),
        "bare_qwizard_ms_median": round(bare * 1000),
        "ratio": round(wizard / bare, 2),
        "goal_ratio": GOAL_RATIO,
        "cpu_ratio": round(statistics.median(wizard_cpu) / statistics.median(bare_cpu), 2),
        "heavy_modules_before_first_paint": sorted(heavy),
        "slow_types_before_first_paint": sorted(slow_types),
    }


if __name__ == "__main__":
    print(json.dumps(run(int(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_ROUNDS)))
