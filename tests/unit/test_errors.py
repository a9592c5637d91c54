"""The error registry matches DESIGN.md: every code, its exit status and its help topic."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from app import errors
from app.errors import REGISTRY, WizardError

DESIGN = Path(__file__).resolve().parents[3] / "shared" / "DESIGN.md"

# DESIGN.md "Command line": exit status per code; every mailbox code exits 7.
EXPECTED_EXIT = {
    "invalid_address": 2,
    "unreachable": 3,
    "tls_failed": 3,
    "certificate_untrusted": 3,
    "certificate_changed": 3,
    "wrong_password": 4,
    "locked_out": 4,
    "session_expired": 4,
    "sign_in_declined": 5,
    "sign_in_blocked": 5,
    "consent_required": 5,
    "code_expired": 5,
    "sign_in_failed": 5,
    "oauth2_unsupported": 6,
    "additional_network": 6,
    "unsupported_page": 6,
    "fax_unsupported": 6,
    "commit_failed": 6,
    "verify_mismatch": 6,
    "connection_test_failed": 6,
    "cancelled": 8,
}
MAILBOX = [
    "no_client_id",
    "app_not_found",
    "public_client_disabled",
    "account_type_mismatch",
    "mfa_required",
    "user_not_assigned",
    "smtp_auth_disabled_tenant",
    "smtp_auth_disabled_mailbox",
    "security_defaults",
    "mfa_or_policy",
    "token_rejected",
    "send_as_denied",
    "token_expired_idle",
    "identity_unavailable",
]
EXPECTED_EXIT.update(dict.fromkeys(MAILBOX, 7))


def design_codes() -> set[str]:
    """The codes listed in DESIGN.md "Error codes", read from the document itself."""
    text = DESIGN.read_text(encoding="utf-8")
    section = text.split("## Error codes", 1)[1].split("\n## ", 1)[0]
    return set(re.findall(r"`([a-z0-9_]+)`", section)) - {"app", "errors"}


@pytest.mark.skipif(not DESIGN.is_file(), reason="shared/DESIGN.md not beside the checkout")
def test_every_design_code_is_registered() -> None:
    assert design_codes() - set(REGISTRY) == set()
    assert design_codes() == set(EXPECTED_EXIT)


@pytest.mark.parametrize("code", sorted(EXPECTED_EXIT))
def test_exit_status_follows_the_command_line_contract(code: str) -> None:
    assert REGISTRY[code].exit_status == EXPECTED_EXIT[code]


@pytest.mark.parametrize("code", sorted(REGISTRY))
def test_every_code_has_exit_status_help_topic_and_message(code: str) -> None:
    error = REGISTRY[code]()
    assert error.code == code
    assert error.exit_status in {1, 2, 3, 4, 5, 6, 7, 8}
    assert error.help_topic == code
    assert error.message_key == f"error.{code}"
    assert len(error.message) > 40, "a message says what happened and what to do"
    assert error.message.rstrip().endswith("."), "one or two full sentences"


def test_only_the_unforeseen_failure_exits_one() -> None:
    """1 is Python's own status for an uncaught exception: it stays reserved for the one code
    that stands for an exception nothing foresaw."""
    assert {code for code, cls in REGISTRY.items() if cls.exit_status == 1} == {"internal_error"}


def test_details_fill_the_message_and_device_text_is_kept() -> None:
    error = errors.CertificateChanged(old="AA:BB", new="CC:DD")
    assert "was AA:BB, now CC:DD" in error.text
    failed = errors.SignInFailed("Errore sconosciuto 0x42")
    assert failed.text.endswith("(Errore sconosciuto 0x42)")
    assert str(failed) == failed.text


def test_a_missing_detail_never_breaks_the_message() -> None:
    assert "{address}" in errors.Unreachable().text


def test_only_connection_test_failure_keeps_the_written_settings() -> None:
    keep = {code for code, cls in REGISTRY.items() if not cls.restores}
    assert keep == {"connection_test_failed"}


def test_codes_are_unique_and_new_ones_must_have_a_code() -> None:
    with pytest.raises(TypeError, match="registered twice"):
        type("Again", (WizardError,), {"code": "unreachable"})
    with pytest.raises(TypeError, match="needs a code"):
        type("Nameless", (WizardError,), {})
