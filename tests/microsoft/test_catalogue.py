"""The catalogue: every answer of facts/microsoft.md's tables becomes a registry error, by
AADSTS number / OAuth error string, or by the SMTP reply's sentence (not its 535)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from msal.exceptions import MsalServiceError
from requests.exceptions import ConnectTimeout

from app.errors import REGISTRY
from app.microsoft import catalogue
from app.simulator import smtp as simulated_smtp

FACTS = Path(__file__).resolve().parents[3] / "shared" / "facts" / "microsoft.md"

# facts/microsoft.md "Entra sign-in errors (AADSTS) and the admin's fix", code by code.
AADSTS_EXPECTED = {
    "70016": "code_expired",  # final only when the code ran out while pending
    "70019": "code_expired",
    "expired_token": "code_expired",
    "70018": "code_expired",
    "53003": "sign_in_blocked",
    "530035": "security_defaults",
    "50076": "mfa_required",
    "50079": "mfa_required",
    "50105": "user_not_assigned",
    "65001": "consent_required",
    "90094": "consent_required",
    "65004": "sign_in_declined",
    "700016": "app_not_found",
    "7000218": "public_client_disabled",
    "50020": "account_type_mismatch",
    "500208": "account_type_mismatch",
    "50126": "mailbox_check_failed",
    "50053": "mailbox_check_failed",
    "50057": "mailbox_check_failed",
    "50055": "mailbox_check_failed",
    "700082": "token_expired_idle",
    "50173": "token_expired_idle",
    "70043": "mfa_or_policy",
}
# facts/microsoft.md "SMTP answers to recognise", with Exchange's full wording for the "…".
SMTP_EXPECTED = {
    "535 5.7.139 … SmtpClientAuthentication is disabled for the Tenant": (
        "smtp_auth_disabled_tenant"
    ),
    "535 5.7.139 … SmtpClientAuthentication is disabled for the Mailbox": (
        "smtp_auth_disabled_mailbox"
    ),
    "535 5.7.139 … user is locked by your organization's security defaults policy": (
        "security_defaults"
    ),
    "535 5.7.139 … the request did not meet the criteria to be authenticated successfully": (
        "mfa_or_policy"
    ),
    "535 5.7.3 Authentication unsuccessful": "token_rejected",
    "550 5.7.30 Basic authentication is not supported for Client Submission": "token_rejected",
    "530 5.7.57 Client not authenticated to send mail": "token_rejected",
    "550 5.7.60": "send_as_denied",
}


def _identity(answer: str) -> str:
    if answer.isdigit():
        return catalogue.identity_error(
            {"error": "invalid_grant", "error_codes": [int(answer)]}
        ).code
    return catalogue.identity_error({"error": answer}).code


def _smtp(answer: str) -> str:
    text = answer.replace("…", "Authentication unsuccessful,")
    code, _, reply = text.partition(" ")
    return catalogue.smtp_error(int(code), reply).code


def _facts_table(heading: str) -> list[str]:
    section = FACTS.read_text(encoding="utf-8").split(heading, 1)[1].split("\n## ", 1)[0]
    rows = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [row.split("|")[1].strip() for row in rows]


@pytest.mark.skipif(not FACTS.is_file(), reason="shared/facts not beside the checkout")
def test_every_aadsts_answer_of_the_facts_maps_to_a_registry_code() -> None:
    answers = [
        part.strip() for cell in _facts_table("## Entra sign-in errors") for part in cell.split("/")
    ]
    assert len(answers) >= 20
    assert set(answers) == set(AADSTS_EXPECTED)
    for answer in answers:
        assert _identity(answer) in REGISTRY


@pytest.mark.skipif(not FACTS.is_file(), reason="shared/facts not beside the checkout")
def test_every_smtp_answer_of_the_facts_maps_to_a_registry_code() -> None:
    answers = [cell.strip("`") for cell in _facts_table("## SMTP answers to recognise")]
    assert set(answers) == set(SMTP_EXPECTED)
    for answer in answers:
        assert _smtp(answer) in REGISTRY


@pytest.mark.parametrize(("answer", "code"), sorted(AADSTS_EXPECTED.items()))
def test_identity_answers(answer, code) -> None:
    assert _identity(answer) == code


@pytest.mark.parametrize(("answer", "code"), sorted(SMTP_EXPECTED.items()))
def test_smtp_answers_by_sentence(answer, code) -> None:
    assert _smtp(answer) == code


def test_the_simulators_exact_replies_classify_as_their_scenario() -> None:
    for scenario, reply in simulated_smtp.AUTH_REFUSALS.items():
        code, _, text = reply.partition(" ")
        assert catalogue.smtp_error(int(code), text).code == scenario.replace("-", "_")
    code, _, text = simulated_smtp.SEND_AS_DENIED.partition(" ")
    assert catalogue.smtp_error(int(code), text).code == "send_as_denied"


def test_the_sentence_decides_not_the_535() -> None:
    codes = {
        catalogue.smtp_error(535, f"5.7.139 Authentication unsuccessful, {sentence}").code
        for sentence in (
            "SmtpClientAuthentication is disabled for the Tenant.",
            "SmtpClientAuthentication is disabled for the Mailbox.",
            "user is locked by your organization's security defaults policy.",
            "the request did not meet the criteria to be authenticated successfully.",
            "something Microsoft adds next year.",
        )
    }
    assert codes == {
        "smtp_auth_disabled_tenant",
        "smtp_auth_disabled_mailbox",
        "security_defaults",
        "mfa_or_policy",
        "mailbox_check_failed",
    }


def test_numbers_decide_before_the_error_string_and_unknowns_are_shown() -> None:
    blocked = catalogue.identity_error(
        {
            "error": "invalid_grant",
            "error_codes": [53003],
            "error_description": "AADSTS53003: Access has been blocked by Conditional Access "
            "policies.\r\nTrace ID: t\r\nCorrelation ID: c-1\r\nTimestamp: now",
            "correlation_id": "c-1",
        }
    )
    assert blocked.code == "sign_in_blocked"
    assert blocked.detail.startswith("AADSTS53003: Access has been blocked")
    assert "Correlation ID: c-1" in blocked.detail
    assert "Trace ID" not in blocked.detail
    unknown = catalogue.identity_error({"error": "invalid_request", "error_codes": [90014]})
    assert unknown.code == "mailbox_check_failed"
    assert "AADSTS90014" in unknown.detail
    assert catalogue.identity_error({"error": "authorization_declined"}).code == (
        "sign_in_declined"
    )


def test_transport_failures() -> None:
    assert (
        catalogue.unavailable(
            MsalServiceError("HTTP Error: 503", error=None, error_description=None)
        ).code
        == "identity_unavailable"
    )
    assert catalogue.unavailable(ConnectTimeout("slow")).code == "identity_unavailable"
    assert catalogue.smtp_error(421, "4.3.2 Service not available").code == "smtp_unreachable"
    assert catalogue.smtp_unreachable("h:587 connect", TimeoutError("timed out")).code == (
        "smtp_unreachable"
    )
    assert catalogue.smtp_error(550, "5.7.708 Access denied").code == "mailbox_check_failed"


def test_details_never_carry_a_secret() -> None:
    token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJub25lIn0.c2VjcmV0LXRva2Vu.signature-part"
    error = catalogue.smtp_error(535, f"5.7.3 Authentication unsuccessful {token}", [token])
    assert token not in error.text
    assert error.code == "token_rejected"


def test_the_table_covers_every_code_it_can_produce_and_only_registry_codes() -> None:
    produced = set(catalogue.AADSTS.values()) | set(catalogue.OAUTH_ERRORS.values())
    produced |= {error for _, error in catalogue.SMTP_SENTENCES}
    assert {error.code for error in produced} <= catalogue.codes()
    assert catalogue.codes() <= set(REGISTRY)
    for entry in catalogue.TABLE:
        assert entry.meaning and entry.fix, entry
        answer = entry.answer
        if entry.source == "identity" and answer != "(other)":
            assert _identity(answer.removeprefix("AADSTS")) == entry.code, entry
        if entry.source == "smtp" and re.match(r"^\d{3} ", answer):
            text = answer.replace("(another sentence)", "something new")
            assert _smtp(text) == entry.code, entry


def test_every_mailbox_code_of_design_is_in_the_table() -> None:
    """no_client_id is the check's own, before any answer: not a Microsoft answer."""
    mailbox = {code for code, error in REGISTRY.items() if error.exit_status == 7}
    assert mailbox - catalogue.codes() == {"no_client_id"}
