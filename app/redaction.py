"""Removing secrets from anything that may reach disk: page captures, logs, reports.

Secrets known by value (the admin password, a user code, a token, the serial) are replaced
wherever they appear. In pages, the values of password inputs and of inputs whose name says
token, password, session or code are blanked too, so a secret the product never learned (a
stored password some firmware echoes) is removed as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bs4 import BeautifulSoup

MASK = "[removed]"
_MIN_SECRET = 4
"""Shorter values would blank ordinary words; real secrets are longer."""

_SECRET_NAME = re.compile(r"TOKEN|PASS|PSWD|PWD|SESSION|CODE", re.IGNORECASE)
_BEARER = re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with every known secret, bearer token and JWT replaced by MASK."""
    cleaned = _BEARER.sub(lambda m: m.group(1) + MASK, text)
    cleaned = _JWT.sub(MASK, cleaned)
    for secret in sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len)[::-1]:
        cleaned = cleaned.replace(secret, MASK)
    return cleaned


def redact_html(html: str, secrets: Iterable[str | None] = ()) -> str:
    """A page with secret-bearing input values blanked, then `redact` applied."""
    soup = BeautifulSoup(html, "html.parser")
    for field in soup.find_all("input"):
        kind = str(field.get("type") or "").lower()
        if field.has_attr("value") and (
            kind == "password" or _SECRET_NAME.search(str(field.get("name") or ""))
        ):
            field["value"] = MASK
    return redact(str(soup), secrets)
