"""The help window's Italian UI strings: complete, really translated, current and built."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "i18n" / "help_it.ts"
QM = ROOT / "resources" / "i18n" / "help_it.qm"
SOURCE = ROOT / "ui" / "help_window.py"
# Names that stay the same in Italian.
SAME_IN_ITALIAN = {"OK", "OAuth2", "Web Config", "Microsoft Exchange Online", "Outlook.com"}


def messages() -> list[ET.Element]:
    root = ET.parse(TS).getroot()
    assert root.get("language") == "it_IT"
    return list(root.iter("message"))


def test_every_entry_is_finished_and_really_translated() -> None:
    entries = messages()
    assert entries
    for message in entries:
        source = message.findtext("source")
        translation = message.find("translation")
        assert translation is not None, source
        assert translation.get("type") is None, f"{source}: {translation.get('type')}"
        forms = [form.text or "" for form in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for text in forms:
            assert text.strip(), source
            assert text != source or source in SAME_IN_ITALIAN, source
            assert re.findall(r"%\d", text) == re.findall(r"%\d", source), source
            assert text.count("&") == source.count("&"), source  # keyboard mnemonics kept


def test_every_string_of_the_window_is_in_the_ts_file() -> None:
    in_code = set(re.findall(r'self\.tr\(\s*"((?:[^"\\]|\\.)*)"', SOURCE.read_text("utf-8")))
    in_ts = {message.findtext("source") for message in messages()}
    assert in_code
    assert in_code == in_ts
    contexts = {context.findtext("name") for context in ET.parse(TS).getroot().iter("context")}
    assert contexts == {"HelpWindow"}


def test_the_qm_file_is_built_from_the_current_ts(tmp_path: Path) -> None:
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    if not lrelease.exists():
        found = shutil.which("pyside6-lrelease")
        if found is None:
            pytest.skip("pyside6-lrelease is not installed")
        lrelease = Path(found)
    built = tmp_path / "help_it.qm"
    subprocess.run(
        [str(lrelease), str(TS), "-qm", str(built)],
        check=True,
        capture_output=True,
        timeout=60,
    )
    assert QM.read_bytes() == built.read_bytes(), "run pyside6-lrelease (resources/i18n/README.md)"
