"""Reading the device's side of the sign-in: the code page, the state line, the test result.

The printer firmware is the OAuth client; the wizard only relays what its pages say. Facts
fix little here (facts/epson-web-config.md, working assumptions 3, 4 and 6), so the reading
rests on what cannot vary: the verification URL is an https URL, the user code is 8–9
upper-case letters and digits, AADSTS numbers are the same in every language, and state
phrases are matched whole.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

from app.errors import (
    CodeExpired,
    ConsentRequired,
    SignInBlocked,
    SignInDeclined,
    SignInFailed,
    WizardError,
)
from app.printers.base import SignInCode, SignInProgress, SignInState
from app.printers.epson import labels
from app.printers.epson.html import Page

WORK_CODE_LIFETIME = timedelta(minutes=15)
PERSONAL_CODE_LIFETIME = timedelta(minutes=5)
"""Personal accounts' codes die after about 5 minutes whatever the service says (facts)."""

_USER_CODE = re.compile(r"\b[A-Z0-9]{8,9}\b")
_MIXED_CODE = re.compile(r"\b(?=[A-Z0-9]*[A-Z])(?=[A-Z0-9]*\d)[A-Z0-9]{8,9}\b")
"""Outside its labelled place a code must mix letters and digits, so words never pass."""
_URL = re.compile(r"https://[^\s\"'<>]+")
_MINUTES = re.compile(r"(\d{1,3})")
_AADSTS = re.compile(r"AADSTS(\d{4,7})")
_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")

CODE_LABELS = ("Code", "User Code", "Codice", "Codice utente")
EXPIRY_LABELS = ("Expires in", "Expiry", "Scade tra", "Scadenza")

TEST_RESULTS: dict[str, tuple[str, ...]] = {
    "ok": ("Connection test was successful.", "Test di connessione riuscito."),
    "failed": (
        "SMTP server communication error.",
        "SMTP server authentication error.",
        "Secure connection (SSL/STARTTLS) error.",
        "POP3 server communication error.",
        "To use this feature, you must sign in to the email service.",
        "Errore di comunicazione con il server SMTP.",
        "Errore di autenticazione del server SMTP.",
        "Errore di connessione protetta (SSL/STARTTLS).",
        "Errore di comunicazione con il server POP3.",
        "Per utilizzare questa funzione, è necessario accedere al servizio email.",
    ),
}
"""Result texts as Epson manuals word them; anything else is "unknown", never a failure."""

_AADSTS_ERRORS: dict[str, type[WizardError]] = {
    "53003": SignInBlocked,
    "65001": ConsentRequired,
    "90094": ConsentRequired,
    "65004": SignInDeclined,
    "70019": CodeExpired,
}


def parse_code_page(page: Page, *, personal: bool, now: datetime | None = None) -> SignInCode:
    """User code, verification URL and expiry from the page that answers Sign In."""
    now = now or datetime.now(UTC)
    pairs = list(page.pairs())
    code = _by_label(pairs, CODE_LABELS, _USER_CODE) or _first(_MIXED_CODE, page.text())
    links = [link.href for link in page.links() if link.href.startswith("https://")]
    url = links[0] if links else _first(_URL, page.text())
    if code is None or url is None:
        raise SignInFailed("the printer showed no sign-in code")
    minutes = _by_label(pairs, EXPIRY_LABELS, _MINUTES)
    lifetime = timedelta(minutes=int(minutes)) if minutes else WORK_CODE_LIFETIME
    if personal:
        lifetime = min(lifetime, PERSONAL_CODE_LIFETIME)
    return SignInCode(code, url, now + lifetime)


def interpret_state(
    text: str | None,
    *,
    first: bool,
    expired: bool,
    states: dict[str, tuple[str, ...]] | None = None,
) -> SignInProgress:
    """What the state line means, by DESIGN.md "Sign-in state".

    Right after the code was shown any text counts as pending (the line may still say "Not
    signed in"); later a known phrase decides; an unknown text, or "not signed in", after the
    code's expiry means the sign-in did not happen.
    """
    account = _first(_EMAIL, text or "")
    phrase = state_phrase(text)
    meaning = labels.meaning_of(phrase, states or labels.STATES)
    if first and meaning != "signed_in":
        return SignInProgress(SignInState.PENDING, None, text)
    if meaning == "signed_in":
        return SignInProgress(SignInState.SIGNED_IN, account, text)
    if meaning in ("declined", "blocked", "expired"):
        return SignInProgress(SignInState(meaning), None, text)
    if _AADSTS.search(text or "") or meaning == "error":
        return SignInProgress(SignInState.FAILED, None, text)
    if expired:
        unknown = meaning is None
        return SignInProgress(SignInState.FAILED if unknown else SignInState.EXPIRED, None, text)
    return SignInProgress(SignInState.PENDING, None, text)


def state_phrase(text: str | None) -> str | None:
    """The state without the account, AADSTS details or brackets some firmware add."""
    if text is None:
        return None
    bare = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", _EMAIL.sub(" ", text))
    return re.sub(r"\s+", " ", bare).strip(" -–:")


def failure_for(progress: SignInProgress) -> WizardError:
    """The registry error a final, unsuccessful state stands for."""
    number = _first(_AADSTS, progress.text or "")
    if number and number[6:] in _AADSTS_ERRORS:
        return _AADSTS_ERRORS[number[6:]](progress.text or "")
    if progress.state is SignInState.DECLINED:
        return SignInDeclined(progress.text or "")
    if progress.state is SignInState.BLOCKED:
        return SignInBlocked(progress.text or "")
    if progress.state is SignInState.EXPIRED:
        return CodeExpired(progress.text or "")
    return SignInFailed(progress.text or "")


def connection_test_result(page: Page) -> bool | None:
    """True, False, or None where the result is not one of the known texts."""
    text = page.text()
    if labels.contains_phrase(text, TEST_RESULTS["failed"]):
        return False
    if labels.contains_phrase(text, TEST_RESULTS["ok"]):
        return True
    return None


def _by_label(
    pairs: list[tuple[str, str]], wanted: tuple[str, ...], pattern: re.Pattern[str]
) -> str | None:
    names = {labels.normalize(label) for label in wanted}
    for label, value in pairs:
        if labels.normalize(label) in names:
            found = _first(pattern, value)
            if found:
                return found
    return None


def _first(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None
