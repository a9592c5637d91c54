"""Every Italian translation is finished and really Italian (issue: offline help and
translations): no entry left unfinished, none equal to its English source except names and
words that Italian keeps as they are."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

I18N = Path(__file__).resolve().parents[2] / "resources" / "i18n"

KEPT_AS_IS = {
    "OK",
    "OAuth2",
    "OAuth 2.0",
    "Microsoft Exchange Online",
    "Outlook.com",
    "SSL/TLS",
    "STARTTLS",
    "Printer OAuth Wizard",
    "Web Config",
    "Firmware",
    "Firmware:",
    "&Password:",
    "Password",
    "Password:",
    "No",
    "—",
    "firmware %1",
}
"""Product and protocol names, and words Italian uses unchanged ("password", "firmware",
"no")."""


def _messages(path: Path) -> list[tuple[str, ET.Element | None]]:
    root = ET.parse(path).getroot()
    return [(m.findtext("source") or "", m.find("translation")) for m in root.iter("message")]


ITALIAN = sorted(I18N.glob("*_it.ts"))


def test_there_are_italian_translations() -> None:
    assert {path.name for path in ITALIAN} >= {"ui_it.ts", "help_it.ts"}


@pytest.mark.parametrize("path", ITALIAN, ids=lambda p: p.name)
def test_no_entry_is_unfinished_or_left_in_english(path: Path) -> None:
    unfinished, untranslated = [], []
    for source, translation in _messages(path):
        if translation is None or translation.get("type") in ("unfinished", "vanished"):
            unfinished.append(source)
        elif (translation.text or "") == source and source not in KEPT_AS_IS:
            untranslated.append(source)
    assert unfinished == []
    assert untranslated == []


@pytest.mark.parametrize("path", ITALIAN, ids=lambda p: p.name)
def test_each_translation_has_a_compiled_file(path: Path) -> None:
    compiled = path.with_suffix(".qm")
    assert compiled.is_file()
    assert compiled.stat().st_size > 100
