"""Removing secrets from anything that may reach disk: page captures, logs, reports.

Secrets known by value (the admin password, a user code, a token, the serial) are replaced
wherever they appear; values of password inputs and setup tokens are blanked by pattern, so a
secret the product never learned (a stored password a firmware echoes) is removed too.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

MASK = "[removed]"
_MIN_SECRET = 4
"""Shorter values would blank ordinary words; real secrets are longer."""

_SECRET_INPUT = re.compile(
    r"(<input\b[^>]*?\b(?:type\s*=\s*[\"']?password|name\s*=\s*[\"']?[^\"'\s>]*"
    r"(?:TOKEN|PASS|PSWD|PWD|SESSION|CODE)[^\"'\s>]*)[^>]*?\bvalue\s*=\s*)([\"'])(.*?)\2",
    re.IGNORECASE | re.DOTALL,
)
_VALUE_FIRST = re.compile(
    r"(<input\b[^>]*?\bvalue\s*=\s*)([\"'])(.*?)\2([^>]*?\b(?:type\s*=\s*[\"']?password|"
    r"name\s*=\s*[\"']?[^\"'\s>]*(?:TOKEN|PASS|PSWD|PWD|SESSION|CODE)))",
    re.IGNORECASE | re.DOTALL,
)
_BEARER = re.compile(r"(Bearer\s+)[A-Za-z0-9._~+/=-]{8,}", re.IGNORECASE)
_JWT = re.compile(r"\beyJ[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]*")


def redact(text: str, secrets: Iterable[str | None] = ()) -> str:
    """`text` with every known secret and every secret-looking value replaced by MASK."""
    cleaned = _SECRET_INPUT.sub(lambda m: f"{m.group(1)}{m.group(2)}{MASK}{m.group(2)}", text)
    cleaned = _VALUE_FIRST.sub(
        lambda m: f"{m.group(1)}{m.group(2)}{MASK}{m.group(2)}{m.group(4)}", cleaned
    )
    cleaned = _BEARER.sub(lambda m: m.group(1) + MASK, cleaned)
    cleaned = _JWT.sub(MASK, cleaned)
    for secret in sorted({s for s in secrets if s and len(s) >= _MIN_SECRET}, key=len)[::-1]:
        cleaned = cleaned.replace(secret, MASK)
    return cleaned
