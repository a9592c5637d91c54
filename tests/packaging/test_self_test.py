"""`main.py --self-test` from the source tree, run as a technician's machine would run it:
another process, another working folder, a bare environment."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CEILING = 120
CHECKS = ("defaults", "help pages", "translations", "icons", "wizard", "simulator and configure")


def _bare_env(home: Path) -> dict[str, str]:
    """Only what a desktop session has; PRINTER_OAUTH_HOME points at a folder the self-test
    must leave untouched (it works in a temporary home of its own)."""
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "PRINTER_OAUTH_HOME": str(home / "product"),
    }


def _self_test(main: Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(main), "--self-test"],
        cwd=cwd,
        env=_bare_env(cwd),
        capture_output=True,
        text=True,
        timeout=CEILING,
        check=False,
    )


def test_self_test_passes_from_the_source_tree(tmp_path: Path) -> None:
    run = _self_test(ROOT / "main.py", tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[0].startswith("printer-oauth self-test (source, Python 3.")
    for check in CHECKS:
        assert any(line.startswith(f"ok    {check}") for line in lines), (check, lines)
    assert lines[-1] == "self-test passed"
    assert "verified" in next(line for line in lines if "configure" in line)
    assert run.stderr == ""
    assert not (tmp_path / "product").exists()


def test_a_missing_translation_is_named_and_fails(tmp_path: Path) -> None:
    """A copy of the product without ui_it.qm: what a bundle that lost a resource does."""
    copy = tmp_path / "copy"
    for name in ("app", "ui", "resources"):
        shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy(ROOT / "main.py", copy / "main.py")
    (copy / "resources" / "i18n" / "ui_it.qm").unlink()
    run = _self_test(copy / "main.py", tmp_path)
    assert run.returncode == 1, run.stdout + run.stderr
    lines = run.stdout.splitlines()
    assert lines[-1].startswith("FAIL  translations:"), lines
    assert "ui_it.qm" in lines[-1]
    assert "self-test passed" not in run.stdout
