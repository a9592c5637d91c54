"""What every printer driver offers the setup flow, in language-neutral values.

The flow never sees a device's page, label or language: a driver turns them into these
values, or into one of the registry's errors. Calls block (they do network I/O with
timeouts); the flow runs them in worker threads so the UI thread never waits.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Protocol


class AuthMethod(StrEnum):
    OAUTH2 = "oauth2"
    SMTP_AUTH = "smtp_auth"
    POP_BEFORE_SMTP = "pop_before_smtp"
    OFF = "off"


class Service(StrEnum):
    EXCHANGE = "exchange"
    OUTLOOK = "outlook"


class Security(StrEnum):
    NONE = "none"
    SSL_TLS = "ssl_tls"
    STARTTLS = "starttls"


class SignInState(StrEnum):
    PENDING = "pending"
    SIGNED_IN = "signed_in"
    NOT_SIGNED_IN = "not_signed_in"
    DECLINED = "declined"
    BLOCKED = "blocked"
    EXPIRED = "expired"
    FAILED = "failed"
    UNKNOWN = "unknown"
    """A text no phrase of the label table matches: DESIGN.md "Sign-in state" decides."""


class Interface(StrEnum):
    STANDARD = "standard"
    ADDITIONAL = "additional"


@dataclass(frozen=True)
class DeviceInfo:
    model: str
    firmware: str | None = None
    serial: str | None = None
    """On the label and in the customer's report, never in logs."""
    mac: str | None = None
    device_name: str | None = None


@dataclass(frozen=True)
class NetworkInfo:
    ip_address: str | None = None
    gateway: str | None = None
    dns_servers: tuple[str, ...] = ()
    interface: Interface | None = None
    """None where the device does not say which interface answers."""


@dataclass(frozen=True)
class EmailSettings:
    """The Email Server page as language-neutral values (DESIGN.md `status` event)."""

    auth_method: AuthMethod
    service: Service | None = None
    signed_in: bool = False
    account: str | None = None
    smtp_server: str | None = None
    smtp_port: int | None = None
    security: Security | None = None
    sender: str | None = None
    state_text: str | None = None
    """The device's own words on the state line, shown to the technician as they are."""
    oauth2_offered: bool = True


@dataclass(frozen=True)
class SignInCode:
    """The device's code; its repr leaves the code out, as any repr may reach a log."""

    user_code: str = field(repr=False)
    verification_uri: str
    expires_at: datetime | None = None


@dataclass(frozen=True)
class SignInProgress:
    state: SignInState
    account: str | None = None
    text: str | None = None


@dataclass(frozen=True)
class Status:
    device: DeviceInfo
    email: EmailSettings
    connection_test: bool | None = None
    warnings: list[str] = field(default_factory=list)


class PrinterDriver(Protocol):
    """One device, one administrator session. Every method may raise a registry error.

    `part` names the email form: "email" (Network > Email Server) or "fax" (the fax
    server's email settings, on models that have them).
    """

    def reach(self) -> tuple[DeviceInfo, str]:
        """First contact: settle the scheme, check the certificate; model and fingerprint."""
        ...

    def login(self, user: str, password: str) -> None: ...

    def network_info(self) -> NetworkInfo: ...

    def read_email_settings(self, part: str = "email") -> EmailSettings: ...

    def has_fax_page(self) -> bool: ...

    def backup(self, part: str = "email") -> object:
        """Keep the form as it is before the first write, for `restore`."""
        ...

    def start_sign_in(self, service: Service, part: str = "email") -> SignInCode:
        """The first write: choose OAuth2 and the service, press Sign In."""
        ...

    def sign_in_progress(
        self, *, first: bool, expired: bool, part: str = "email"
    ) -> SignInProgress: ...

    def commit(self, wanted: EmailSettings, part: str = "email") -> EmailSettings:
        """Save, then prove it by reading back; `verify_mismatch`/`commit_failed` if not."""
        ...

    def restore(self, part: str = "email") -> None: ...

    def connection_test(self) -> bool | None: ...

    def close(self) -> None: ...
