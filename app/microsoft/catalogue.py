"""Every answer Microsoft gives the mailbox check, turned into a registry error.

One catalogue for the three places an answer can come from (facts/microsoft.md):

- the identity platform, through MSAL: an error dict (`error`, `error_codes`,
  `error_description`). The AADSTS numbers in `error_codes` decide first, then the OAuth
  `error` string; the description's text is never parsed, only shown.
- the transport to it: MSAL and `requests` exceptions, 5xx answers → `identity_unavailable`.
- Exchange's SMTP submission server: a reply classified by its *sentence*, because every
  5.7.139 refusal comes as the same `535` (tenant, mailbox, security defaults, criteria).

The error's `detail` keeps what an administrator needs to look the answer up (the AADSTS line
with its correlation ID, or the SMTP reply text); it never holds a token or a device code.
`TABLE` is the same catalogue as rows (answer → code → meaning → fix) for the help writer and
for tests that check coverage. Pure functions, no I/O.

Mapping choices beyond the obvious ones (documented in `TABLE` too):
- 70043 (refresh token expired by a Conditional Access *sign-in frequency* policy) →
  `mfa_or_policy`: the printer would be signed out periodically; the fix is the policy.
- 50173 (grant revoked, e.g. after a password change) → `token_expired_idle`: same fix, sign in
  again; the detail shows the real number.
- 70018 / `bad_verification_code` and a final `authorization_pending` (the code ran out while
  waiting) → `code_expired`: the fix is a new code.
- 50053 / 50057 / 50055 (account locked, disabled, password expired) and 50126 (wrong password)
  are met in the browser, not by MSAL; should they come back, `mailbox_check_failed` shows them.
- 90002 (tenant not found) → `app_not_found`, whose message says to check client ID and authority.
- 5.7.30 (basic authentication refused) and 5.7.57 (not authenticated at MAIL FROM) after an
  XOAUTH2 AUTH mean the token did not count → `token_rejected`.
- A 4xx reply (421 service not available, 451 busy) → `smtp_unreachable`; any other unknown reply
  → `mailbox_check_failed` with the reply.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from app import errors
from app.errors import WizardError

_MAX_DETAIL = 400


@dataclass(frozen=True)
class Entry:
    """One row of the catalogue: an answer, the registry code it becomes, meaning and fix."""

    source: str
    """`identity` (AADSTS number or OAuth error), `smtp` (reply sentence) or `transport`."""
    answer: str
    code: str
    meaning: str
    fix: str


# --- identity platform ----------------------------------------------------------------------

AADSTS: dict[int, type[WizardError]] = {
    53003: errors.SignInBlocked,
    530035: errors.SecurityDefaults,
    50076: errors.MfaRequired,
    50079: errors.MfaRequired,
    50105: errors.UserNotAssigned,
    65001: errors.ConsentRequired,
    90094: errors.ConsentRequired,
    65004: errors.SignInDeclined,
    700016: errors.AppNotFound,
    90002: errors.AppNotFound,
    7000218: errors.PublicClientDisabled,
    50020: errors.AccountTypeMismatch,
    500208: errors.AccountTypeMismatch,
    700082: errors.TokenExpiredIdle,
    50173: errors.TokenExpiredIdle,
    70043: errors.MfaOrPolicy,
    70019: errors.CodeExpired,
    70018: errors.CodeExpired,
    70016: errors.CodeExpired,
}
"""AADSTS number → error; these decide before the OAuth `error` string."""

OAUTH_ERRORS: dict[str, type[WizardError]] = {
    "authorization_declined": errors.SignInDeclined,
    "access_denied": errors.SignInDeclined,
    "expired_token": errors.CodeExpired,
    "bad_verification_code": errors.CodeExpired,
    "authorization_pending": errors.CodeExpired,
    "consent_required": errors.ConsentRequired,
    "invalid_tenant": errors.AppNotFound,
    "temporarily_unavailable": errors.IdentityUnavailable,
    "server_error": errors.IdentityUnavailable,
}
"""OAuth `error` string → error, when no AADSTS number of `AADSTS` came with it."""

_AADSTS_LINE = re.compile(r"AADSTS\d+")


def identity_error(answer: Mapping[str, Any]) -> WizardError:
    """The registry error for an MSAL error dict (from the device-code or token endpoint)."""
    numbers = [int(n) for n in answer.get("error_codes") or [] if str(n).isdigit()]
    detail = _identity_detail(answer, numbers)
    for number in numbers:
        if number in AADSTS:
            return AADSTS[number](detail)
    name = str(answer.get("error") or "")
    if name in OAUTH_ERRORS:
        return OAUTH_ERRORS[name](detail)
    return errors.MailboxCheckFailed(detail)


def _identity_detail(answer: Mapping[str, Any], numbers: list[int]) -> str:
    """The description's first line (it starts with the AADSTS number) and correlation ID."""
    description = str(answer.get("error_description") or "").strip()
    first = description.splitlines()[0].strip() if description else ""
    if not _AADSTS_LINE.match(first):
        prefix = f"AADSTS{numbers[0]}" if numbers else str(answer.get("error") or "error")
        first = f"{prefix}: {first}" if first else prefix
    correlation = answer.get("correlation_id")
    text = f"{first} Correlation ID: {correlation}" if correlation else first
    return _clip(text)


def unavailable(exc: BaseException) -> errors.IdentityUnavailable:
    """MSAL's service errors (5xx, replayed for 60 s) and `requests` network failures."""
    return errors.IdentityUnavailable(_clip(f"{type(exc).__name__}: {exc}"))


# --- SMTP submission ------------------------------------------------------------------------

SMTP_SENTENCES: tuple[tuple[re.Pattern[str], type[WizardError]], ...] = (
    (
        re.compile(r"SmtpClientAuthentication is disabled for the Tenant", re.I),
        errors.SmtpAuthDisabledTenant,
    ),
    (
        re.compile(r"SmtpClientAuthentication is disabled for the Mailbox", re.I),
        errors.SmtpAuthDisabledMailbox,
    ),
    (re.compile(r"security defaults policy", re.I), errors.SecurityDefaults),
    (re.compile(r"did not meet the criteria to be authenticated", re.I), errors.MfaOrPolicy),
    (re.compile(r"\b5\.7\.139\b"), errors.MailboxCheckFailed),
    (re.compile(r"\b5\.7\.60\b|permissions? to send as", re.I), errors.SendAsDenied),
    (re.compile(r"\b5\.7\.30\b|Basic authentication is not supported", re.I), errors.TokenRejected),
    (re.compile(r"\b5\.7\.57\b|Client not authenticated", re.I), errors.TokenRejected),
    (re.compile(r"\b5\.7\.3\b|Authentication unsuccessful", re.I), errors.TokenRejected),
)
"""Reply sentence → error, first match wins: the known 5.7.139 sentences, then an unknown
5.7.139 (shown as it is, not guessed), then the others."""


def smtp_error(code: int, reply: str | bytes, secrets: Iterable[str] = ()) -> WizardError:
    """The registry error for an SMTP reply (`code` and its text, as smtplib gives them)."""
    text = reply.decode("utf-8", "replace") if isinstance(reply, bytes) else reply
    text = " ".join(text.split())
    detail = _clip(
        _scrub(f"{code} {text}" if code and not text.startswith(str(code)) else text, secrets)
    )
    for pattern, error in SMTP_SENTENCES:
        if pattern.search(text):
            return error(detail)
    if 400 <= code < 500 or code == -1:
        return errors.SmtpUnreachable(detail)
    return errors.MailboxCheckFailed(detail)


def smtp_unreachable(where: str, exc: BaseException) -> errors.SmtpUnreachable:
    """A transport failure on the way to the SMTP server: refused, timeout, TLS, dropped."""
    return errors.SmtpUnreachable(_clip(f"{where}: {type(exc).__name__}: {exc}"))


def _scrub(text: str, secrets: Iterable[str]) -> str:
    for secret in secrets:
        if secret and len(secret) >= 4:
            text = text.replace(secret, "[removed]")
    return text


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


# --- the table -----------------------------------------------------------------------------

_ROWS: tuple[tuple[str, str, str, str, str], ...] = (
    # identity: AADSTS numbers (facts/microsoft.md "Entra sign-in errors")
    (
        "identity",
        "AADSTS70016",
        "code_expired",
        "authorization pending; final only when the code ran out",
        "get a new code",
    ),
    ("identity", "AADSTS70019", "code_expired", "code expired", "get a new code"),
    (
        "identity",
        "AADSTS70018",
        "code_expired",
        "device code not valid (wrong or already used)",
        "get a new code",
    ),
    (
        "identity",
        "AADSTS53003",
        "sign_in_blocked",
        "blocked by Conditional Access (device-code flow policy)",
        "exclude the account or app from the policy, or sign in from an allowed network",
    ),
    (
        "identity",
        "AADSTS530035",
        "security_defaults",
        "blocked by security defaults",
        "disable security defaults or move to Conditional Access",
    ),
    (
        "identity",
        "AADSTS50076",
        "mfa_required",
        "multi-factor authentication required",
        "complete MFA in the browser",
    ),
    (
        "identity",
        "AADSTS50079",
        "mfa_required",
        "MFA registration required",
        "register security info, then sign in again",
    ),
    (
        "identity",
        "AADSTS50105",
        "user_not_assigned",
        "user not assigned to the app",
        "assign the user or turn off 'Assignment required'",
    ),
    (
        "identity",
        "AADSTS65001",
        "consent_required",
        "consent missing",
        "an administrator consents for the organization",
    ),
    (
        "identity",
        "AADSTS90094",
        "consent_required",
        "admin consent required",
        "an administrator consents for the organization",
    ),
    (
        "identity",
        "AADSTS65004",
        "sign_in_declined",
        "user declined consent",
        "sign in again and accept",
    ),
    (
        "identity",
        "AADSTS700016",
        "app_not_found",
        "app not found in the directory",
        "check the client ID and the authority",
    ),
    ("identity", "AADSTS90002", "app_not_found", "tenant not found", "check the authority"),
    (
        "identity",
        "AADSTS7000218",
        "public_client_disabled",
        "public client flows not allowed",
        "app registration → Authentication → Allow public client flows",
    ),
    (
        "identity",
        "AADSTS50020",
        "account_type_mismatch",
        "personal account on a work authority",
        "choose Outlook.com, or a work account",
    ),
    (
        "identity",
        "AADSTS500208",
        "account_type_mismatch",
        "account's domain not valid for this account type",
        "choose the other service or account",
    ),
    (
        "identity",
        "AADSTS700082",
        "token_expired_idle",
        "refresh token expired after 90 days unused",
        "sign in again",
    ),
    (
        "identity",
        "AADSTS50173",
        "token_expired_idle",
        "grant revoked (e.g. password changed)",
        "sign in again",
    ),
    (
        "identity",
        "AADSTS70043",
        "mfa_or_policy",
        "refresh token expired by a sign-in frequency policy",
        "exclude the account from the sign-in frequency policy",
    ),
    (
        "identity",
        "AADSTS50126",
        "mailbox_check_failed",
        "wrong password (met in the browser)",
        "retype the password",
    ),
    (
        "identity",
        "AADSTS50053",
        "mailbox_check_failed",
        "account locked (met in the browser)",
        "administrator unlocks the account",
    ),
    (
        "identity",
        "AADSTS50057",
        "mailbox_check_failed",
        "account disabled (met in the browser)",
        "administrator enables the account",
    ),
    (
        "identity",
        "AADSTS50055",
        "mailbox_check_failed",
        "password expired (met in the browser)",
        "change the password",
    ),
    # identity: OAuth error strings without a known number
    (
        "identity",
        "authorization_declined",
        "sign_in_declined",
        "the person declined in the browser",
        "sign in again and approve",
    ),
    (
        "identity",
        "access_denied",
        "sign_in_declined",
        "access denied by the person",
        "sign in again and approve",
    ),
    ("identity", "expired_token", "code_expired", "code expired", "get a new code"),
    (
        "identity",
        "bad_verification_code",
        "code_expired",
        "device code not valid",
        "get a new code",
    ),
    (
        "identity",
        "authorization_pending",
        "code_expired",
        "the code ran out while waiting",
        "get a new code",
    ),
    (
        "identity",
        "consent_required",
        "consent_required",
        "consent missing",
        "an administrator consents",
    ),
    ("identity", "invalid_tenant", "app_not_found", "tenant not found", "check the authority"),
    (
        "identity",
        "temporarily_unavailable",
        "identity_unavailable",
        "transient service error",
        "try again later",
    ),
    ("identity", "server_error", "identity_unavailable", "service error", "try again later"),
    (
        "identity",
        "(other)",
        "mailbox_check_failed",
        "an answer not in this catalogue",
        "show the AADSTS line to the administrator",
    ),
    # transport
    (
        "transport",
        "HTTP 5xx (MsalServiceError)",
        "identity_unavailable",
        "sign-in service down or overloaded",
        "try again later",
    ),
    (
        "transport",
        "network error (requests)",
        "identity_unavailable",
        "no connection, DNS, proxy or TLS failure",
        "check the laptop's internet connection and proxy",
    ),
    (
        "transport",
        "SMTP connect / TLS / timeout",
        "smtp_unreachable",
        "mail server not reachable or TLS failed",
        "let port 587 out; check TLS inspection",
    ),
    (
        "transport",
        "SMTP 4xx (421, 451)",
        "smtp_unreachable",
        "mail server temporarily unavailable",
        "try again later",
    ),
    # SMTP sentences (facts/microsoft.md "SMTP answers to recognise")
    (
        "smtp",
        "535 5.7.139 … SmtpClientAuthentication is disabled for the Tenant",
        "smtp_auth_disabled_tenant",
        "SMTP AUTH off org-wide",
        "enable Authenticated SMTP for the mailbox (preferred) or tenant",
    ),
    (
        "smtp",
        "535 5.7.139 … SmtpClientAuthentication is disabled for the Mailbox",
        "smtp_auth_disabled_mailbox",
        "SMTP AUTH off for the mailbox",
        "enable Authenticated SMTP for the mailbox",
    ),
    (
        "smtp",
        "535 5.7.139 … user is locked by your organization's security defaults policy",
        "security_defaults",
        "security defaults block SMTP AUTH",
        "disable security defaults or move to Conditional Access",
    ),
    (
        "smtp",
        "535 5.7.139 … the request did not meet the criteria to be authenticated successfully",
        "mfa_or_policy",
        "MFA / Conditional Access",
        "exclude the account from the policy",
    ),
    (
        "smtp",
        "535 5.7.3 Authentication unsuccessful",
        "token_rejected",
        "token refused: scope, audience, user, expiry; or a shared mailbox",
        "sign in as the licensed sending mailbox",
    ),
    (
        "smtp",
        "550 5.7.30 Basic authentication is not supported for Client Submission",
        "token_rejected",
        "the server took the AUTH for basic authentication",
        "sign in again; use OAuth2",
    ),
    (
        "smtp",
        "530 5.7.57 Client not authenticated to send mail",
        "token_rejected",
        "MAIL FROM without a successful AUTH",
        "sign in again",
    ),
    (
        "smtp",
        "535 5.7.139 … (another sentence)",
        "mailbox_check_failed",
        "SMTP AUTH refused for a reason not in this catalogue",
        "show the reply to the administrator",
    ),
    (
        "smtp",
        "550 5.7.60",
        "send_as_denied",
        "not allowed to send as the From address",
        "grant Send As, or send as the account itself",
    ),
    (
        "smtp",
        "(other)",
        "mailbox_check_failed",
        "a reply not in this catalogue",
        "show the reply to the administrator",
    ),
)

TABLE: tuple[Entry, ...] = tuple(Entry(*row) for row in _ROWS)
"""The catalogue as rows: answer → registry code → meaning → fix (help writer, tests)."""


def codes() -> frozenset[str]:
    """Every registry code the catalogue can produce."""
    return frozenset(entry.code for entry in TABLE)
