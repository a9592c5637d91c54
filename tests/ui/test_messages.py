"""ui/messages.py: every registry code and warning, English equal to the registry, Italian real
and complete, placeholders kept; the .qm files equal a fresh lrelease of their .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from app.errors import (
    CONNECTION_TEST_UNKNOWN,
    MAILBOX_DIFFERS,
    REGISTRY,
    WARNINGS,
    CodeExpired,
    InternalError,
    SignInFailed,
    Unreachable,
    VerifyMismatch,
)
from ui import i18n, messages

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"\{(\w+)\}")


@pytest.fixture
def italian(qapp: Any) -> Any:
    i18n.set_language("it")
    yield
    i18n.set_language("en")


def _english() -> dict[str, str]:
    return {code: cls.message for code, cls in REGISTRY.items()} | {
        code: warning.message for code, warning in WARNINGS.items()
    }


def test_every_code_and_warning_has_its_entry_equal_to_the_registry(qapp) -> None:
    i18n.set_language("en")
    errors, warnings = messages.error_templates(), messages.warning_templates()
    assert set(errors) == set(REGISTRY)
    assert set(warnings) == set(WARNINGS)
    for code, cls in REGISTRY.items():
        assert errors[code] == cls.message, code
    for code, warning in WARNINGS.items():
        assert warnings[code] == warning.message, code


def test_every_entry_is_translated_into_italian_with_its_placeholders(italian) -> None:
    english = _english()
    translated = messages.error_templates() | messages.warning_templates()
    for code, source in english.items():
        text = translated[code]
        assert text and text != source, code
        assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(source)), code
        text.format_map({name: "x" for name in PLACEHOLDER.findall(source)})  # well formed


def test_the_ts_context_is_complete_and_matches_the_code() -> None:
    root = ET.parse(I18N / "ui_it.ts").getroot()
    context = next(c for c in root.iter("context") if c.findtext("name") == "Messages")
    sources = {}
    for message in context.iter("message"):
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, message
        sources[message.findtext("source")] = translation.text
    assert set(sources) == set(_english().values())


def test_the_registry_text_and_the_message_agree_in_english(qapp) -> None:
    i18n.set_language("en")
    samples = [
        Unreachable(address="192.0.2.7"),
        SignInFailed("AADSTS9999 odd"),
        VerifyMismatch(),  # {field} missing: stays visible, as in the registry
        CodeExpired(),
    ]
    for error in samples:
        assert messages.error_text(error) == error.text
    assert "{field}" in messages.error_text(VerifyMismatch())


def test_placeholders_and_the_device_text_survive_in_italian(italian) -> None:
    text = messages.error_text(Unreachable(address="192.0.2.7"))
    assert "192.0.2.7" in text and "stampante" in text
    text = messages.error_text(SignInFailed("Errore sconosciuto 42"))
    assert text.endswith("(Errore sconosciuto 42)") and "accesso" in text
    assert "{field}" in messages.error_text(VerifyMismatch())
    text = messages.error_text(InternalError(reason="KeyError"))
    assert "KeyError" in text and "ricomincia" in text


def test_warning_events_are_shown_in_the_ui_language(italian) -> None:
    """From the event's code and details, never from its English text."""
    fields = MAILBOX_DIFFERS.event(checked="a@contoso.com", account="b@contoso.com")
    text = messages.warning_text(fields)
    assert text.startswith("La verifica della casella")
    assert text.count("a@contoso.com") == 2 and text.count("b@contoso.com") == 2
    text = messages.warning_text(CONNECTION_TEST_UNKNOWN.event())
    assert text.startswith("Il test di connessione") and "{" not in text
    expired = messages.warning_text(CodeExpired().as_warning())
    assert expired.startswith("Il codice di accesso è scaduto")
    # A code this wizard does not know: shown as it came rather than guessed.
    assert messages.warning_text({"code": "nope", "message": "as is"}) == "as is"


def test_warning_events_carry_code_help_topic_and_details() -> None:
    """The command line's JSON gets the same details the wizard fills its templates with."""
    fields = MAILBOX_DIFFERS.event(checked="a@contoso.com", account="b@contoso.com")
    assert fields["help_topic"] == "mailbox_differs"
    assert fields["details"] == {"checked": "a@contoso.com", "account": "b@contoso.com"}
    assert fields["message"] == MAILBOX_DIFFERS.text(**fields["details"])
    recovered = SignInFailed("Errore 0x42").as_warning()
    assert recovered["detail"] == "Errore 0x42" and recovered["code"] == "sign_in_failed"
    assert "detail" not in CodeExpired().as_warning()


def _lrelease() -> Path:
    tool = Path(sys.executable).parent / "pyside6-lrelease"
    if tool.exists():
        return tool
    found = shutil.which("pyside6-lrelease")
    if found is None:
        pytest.skip("pyside6-lrelease is not installed")
    return Path(found)


@pytest.mark.parametrize("ts", sorted(I18N.glob("*.ts")), ids=lambda p: p.name)
def test_the_committed_qm_equals_a_fresh_lrelease(ts: Path, tmp_path: Path) -> None:
    built = tmp_path / ts.with_suffix(".qm").name
    subprocess.run(
        [str(_lrelease()), str(ts), "-qm", str(built)], check=True, capture_output=True, timeout=60
    )
    assert ts.with_suffix(".qm").read_bytes() == built.read_bytes(), "run make translations"
