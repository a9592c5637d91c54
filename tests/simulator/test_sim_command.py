"""`python main.py sim` as DESIGN.md "Simulator contract" says: one JSON line first, then it
serves until interrupted and exits 0; bad model or scenario is a usage error."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app.simulator import models
from app.simulator.hold import POINTS
from tests.simulator.procedure import device_session

ROOT = Path(__file__).resolve().parents[2]
KEYS = {
    "printer_http": str,
    "printer_https": str,
    "admin_password": str,
    "model": str,
    "model_id": str,
    "variant": int,
    "scenario": str,
    "language": str,
    "signin_url": str,
    "authority": str,
    "authority_consumers": str,
    "account": str,
    "smtp_host": str,
    "smtp_port": int,
    "ca_file": str,
}


def _sim(*args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "sim", *args],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONUNBUFFERED": "0"},
    )


def _first_line(process: subprocess.Popen[str], timeout: float) -> str:
    lines: list[str] = []
    reader = threading.Thread(target=lambda: lines.append(process.stdout.readline()), daemon=True)
    reader.start()
    reader.join(timeout)
    if not lines:
        process.kill()
        process.communicate()
        raise AssertionError(f"no first line within {timeout} s")
    return lines[0]


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT])
def test_sim_prints_its_json_then_serves_until_interrupted(stop: signal.Signals) -> None:
    process = _sim("--auto-approve", "2", "--advertise")
    try:
        info = json.loads(_first_line(process, timeout=8))
        assert set(KEYS) <= set(info)
        for key, kind in KEYS.items():
            assert isinstance(info[key], kind), key
        assert info["model"] == "WF-C5890 Series"
        assert (info["model_id"], info["variant"], info["scenario"], info["language"]) == (
            models.DEFAULT_MODEL,
            0,
            "ok",
            "en",
        )
        assert info["authority"].endswith("/organizations")
        assert info["printer_https"].startswith("https://127.0.0.1:")
        with device_session(Path(info["device_cert"]), info["fingerprint"]) as session:
            page = session.get(
                info["printer_https"] + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=(3, 10)
            )
        assert "WF-C5890 Series" in page.text
    finally:
        process.send_signal(stop)
        _, stderr = process.communicate(timeout=10)
    assert process.returncode == 0
    assert "not built" not in stderr
    assert "Traceback" not in stderr


def test_list_models() -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sim", "--list-models"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.split() == list(models.MODELS)


@pytest.mark.parametrize(
    ("flag", "value"), [("--model", "lx-300"), ("--scenario", "meltdown"), ("--hold", "lunch")]
)
def test_unknown_model_scenario_or_hold_point_is_a_usage_error(flag: str, value: str) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "sim", flag, value],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=30,
        check=False,
    )
    assert done.returncode == 2
    assert value in done.stderr
    valid = {
        "--model": models.MODELS,
        "--scenario": ("ok", "wrong-password", "silent"),
        "--hold": POINTS,
    }[flag]
    assert all(name in done.stderr for name in valid)
    assert done.stdout == ""
