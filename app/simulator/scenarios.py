"""The simulator's scenarios (DESIGN.md "Simulator contract"): which stand-in plays each one
and the error code the product must end with. One list, read by the simulators, the `sim`
command and the tests, so a scenario cannot exist in one place and be missing in another.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Side(StrEnum):
    PRINTER = "printer"
    IDENTITY = "identity"
    SMTP = "smtp"


@dataclass(frozen=True)
class Scenario:
    name: str
    side: Side
    expected_code: str | None
    """The error code the product ends with; None where it must succeed."""


def _code(name: str) -> str:
    return name.replace("-", "_")


_PRINTER = (
    "wrong-password",
    "locked-out",
    "session-expired",
    "restart-before-commit",
    "commit-refused",
    "verify-mismatch",
    "connection-test-fails",
    "reset-mid-page",
    "http-500",
    "truncated-page",
    "silent",
)
_IDENTITY = (
    "code-expired",
    "sign-in-declined",
    "sign-in-blocked",
    "consent-required",
    "app-not-found",
    "public-client-disabled",
    "account-type-mismatch",
    "mfa-required",
    "user-not-assigned",
    "token-expired-idle",
    "identity-unavailable",
)
_SMTP = (
    "smtp-auth-disabled-tenant",
    "smtp-auth-disabled-mailbox",
    "security-defaults",
    "mfa-or-policy",
    "token-rejected",
    "send-as-denied",
)
_EXPECTED = {
    "session-expired": None,  # one re-login recovers it
    "restart-before-commit": "commit_failed",
    "code-expired": None,  # a new code follows by itself
    "commit-refused": "commit_failed",
    "connection-test-fails": "connection_test_failed",
    "reset-mid-page": "unreachable",
    "http-500": "unsupported_page",
    "truncated-page": "unsupported_page",
    "silent": "unreachable",
}

SCENARIOS: dict[str, Scenario] = {"ok": Scenario("ok", Side.PRINTER, None)}
for _side, _names in ((Side.PRINTER, _PRINTER), (Side.IDENTITY, _IDENTITY), (Side.SMTP, _SMTP)):
    for _name in _names:
        SCENARIOS[_name] = Scenario(_name, _side, _EXPECTED.get(_name, _code(_name)))


def get(name: str) -> Scenario:
    """The scenario called `name`; KeyError names the unknown one."""
    return SCENARIOS[name]
