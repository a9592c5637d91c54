"""The release workflow parses, names only files that exist (or that the build makes under the
names the packaging code gives them), and self-tests each bundle before packing it."""

from __future__ import annotations

import fnmatch
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import build_installer  # noqa: E402
import metadata  # noqa: E402

WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
REPO_PATH = re.compile(r"(?<![\w$/.-])((?:packaging|scripts|resources|app|ui|tests)/[\w./-]*\w)")
DIST_PATH = re.compile(r"(?<![\w-])(dist/[^\"' \n]+(?: OAuth Wizard\.app[^\"' \n]*)?)")
RUNNERS = {"windows": "windows-latest", "macos": "macos-14"}


@pytest.fixture(scope="module")
def workflow() -> dict[str, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _texts(job: dict[str, Any]) -> list[str]:
    """Every command and `with:` value of a job's steps."""
    texts = []
    for step in job["steps"]:
        texts.append(step.get("run", ""))
        texts.extend(str(value) for value in step.get("with", {}).values())
    return texts


def test_runs_on_a_version_tag_on_windows_and_macos(workflow: dict[str, Any]) -> None:
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 reads a bare `on` as true
    assert triggers["push"]["tags"] == ["v*"]
    assert {name: job["runs-on"] for name, job in workflow["jobs"].items()} == RUNNERS
    for job in workflow["jobs"].values():
        setup = next(
            s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python")
        )
        assert setup["with"]["python-version"] == "3.12"


def test_every_path_it_names_exists(workflow: dict[str, Any]) -> None:
    named = {
        match
        for job in workflow["jobs"].values()
        for text in _texts(job)
        for match in REPO_PATH.findall(text)
    }
    assert "packaging/printer-oauth.spec" in named
    assert "packaging/build_installer.py" in named
    assert "packaging/macos/build-dmg.sh" in named
    missing = sorted(path for path in named if not (ROOT / path).exists())
    assert missing == []


def test_the_build_outputs_it_names_are_the_ones_the_build_makes(
    workflow: dict[str, Any],
) -> None:
    named = {
        match
        for job in workflow["jobs"].values()
        for text in _texts(job)
        for match in DIST_PATH.findall(text)
    }
    installer = build_installer.default_output().relative_to(ROOT).as_posix()
    dmg_script = (ROOT / "packaging" / "macos" / "build-dmg.sh").read_text(encoding="utf-8")
    dmg = "dist/printer-oauth-$version.dmg"
    assert dmg in dmg_script
    for path in named:
        if path.endswith(".exe") and "setup" in path:
            assert fnmatch.fnmatch(installer, path), path
        elif path.endswith(".dmg"):
            assert fnmatch.fnmatch(dmg.replace("$version", metadata.version()), path), path
        elif ".app/" in path:
            assert path.startswith(
                f"dist/{metadata.DISPLAY_NAME}.app/Contents/MacOS/{metadata.NAME}"
            )
        else:
            assert path.startswith(f"dist/{metadata.NAME}"), path
    assert len(named) >= 5


def test_each_job_self_tests_its_bundle_between_build_and_packing(
    workflow: dict[str, Any],
) -> None:
    for name, job in workflow["jobs"].items():
        runs = [step.get("run", "") for step in job["steps"]]
        built = next(i for i, run in enumerate(runs) if "pyinstaller" in run)
        tested = next(i for i, run in enumerate(runs) if "--self-test" in run)
        packed = next(
            i for i, run in enumerate(runs) if "build_installer.py" in run or "build-dmg.sh" in run
        )
        assert built < tested < packed, name
        uploads = [
            s for s in job["steps"] if s.get("uses", "").startswith("actions/upload-artifact")
        ]
        assert uploads and uploads[-1]["with"]["if-no-files-found"] == "error", name


def test_the_bundle_extra_it_installs_is_pinned(workflow: dict[str, Any]) -> None:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        extras = tomllib.load(stream)["project"]["optional-dependencies"]
    assert any(line.startswith("pyinstaller==") for line in extras["bundle"])
    for job in workflow["jobs"].values():
        assert any('".[bundle]"' in run for run in (s.get("run", "") for s in job["steps"]))
