"""The printer firmware's own network side: the device-code sign-in and the connection test.

On Epson devices the firmware is the OAuth client (DESIGN.md "Who is the OAuth client"), so
the simulated printer does what a real one does against Microsoft, against the stand-ins:
asks for a device code when Sign In is pressed, polls the token endpoint in the background at
the interval it was told, and later opens an SMTP session with XOAUTH2 for the connection
test. Every call has a timeout; nothing here logs a token or a code.
"""

from __future__ import annotations

import base64
import binascii
import json
import smtplib
import ssl
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

from app.simulator.settings import MailSettings

SCOPE = "https://outlook.office.com/SMTP.Send offline_access"
DEVICE_CODE_GRANT = "urn:ietf:params:oauth:grant-type:device_code"
_TIMEOUT = (3.0, 10.0)
_SMTP_TIMEOUT = 10.0
_BLOCKED_CODES = {53003, 530035}


@dataclass(frozen=True)
class Microsoft:
    """Where this printer finds Microsoft: the stand-ins' addresses and the CA it trusts."""

    authority: str
    authority_consumers: str
    client_id: str
    ca_file: Path
    dns: dict[tuple[str, int], tuple[str, int]] = field(default_factory=dict)
    """(configured host name, port) → where the device really connects: its "DNS"."""
    smtp_tls_name: str | None = None
    """The name to check the SMTP certificate against; None: the configured host name."""

    def session(self) -> requests.Session:
        session = requests.Session()
        session.trust_env = False
        session.verify = str(self.ca_file)
        return session


class SignInUnavailableError(Exception):
    """The identity service gave no device code; the text is shown on the device."""


@dataclass
class DeviceCode:
    user_code: str
    verification_uri: str
    expires_in: int
    interval: float
    device_code: str = field(repr=False)


class SignIn:
    """One device-code sign-in for one settings page, followed in a background thread.

    `state` is language-neutral (labels.STATE_KEYS); `form` holds the values submitted with
    Sign In, pending until OK saves them.
    """

    def __init__(self, microsoft: Microsoft, service: str, form: MailSettings) -> None:
        self.microsoft = microsoft
        self.service = service
        self.form = form
        self.state = "pending"
        self.detail = ""
        self.account: str | None = None
        self.access_token: str | None = None
        self.refresh_token: str | None = None
        self.code: DeviceCode | None = None
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def authority(self) -> str:
        if self.service == "outlook":
            return self.microsoft.authority_consumers
        return self.microsoft.authority

    def start(self) -> DeviceCode:
        """Ask for a device code and start polling; SignInUnavailableError if none came."""
        with self.microsoft.session() as session:
            try:
                answer = session.post(
                    f"{self.authority}/oauth2/v2.0/devicecode",
                    data={"client_id": self.microsoft.client_id, "scope": SCOPE},
                    timeout=_TIMEOUT,
                )
                body = answer.json()
            except (requests.RequestException, ValueError) as error:
                raise SignInUnavailableError(type(error).__name__) from None
        if answer.status_code != 200 or "user_code" not in body:
            raise SignInUnavailableError(_aadsts(body))
        self.code = DeviceCode(
            user_code=body["user_code"],
            verification_uri=body["verification_uri"],
            expires_in=int(body.get("expires_in", 900)),
            interval=float(body.get("interval", 5)),
            device_code=body["device_code"],
        )
        self._thread = threading.Thread(target=self._poll, name="sim-firmware-signin", daemon=True)
        self._thread.start()
        return self.code

    def cancel(self) -> None:
        """Stop polling (device restart, OK, a newer sign-in); waits briefly for the thread."""
        self._stop.set()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=_TIMEOUT[1] + 1)

    def _poll(self) -> None:
        assert self.code is not None
        interval = self.code.interval
        deadline = time.monotonic() + self.code.expires_in
        with self.microsoft.session() as session:
            while not self._stop.wait(interval):
                if time.monotonic() > deadline:
                    self.state = "expired"
                    return
                try:
                    answer = session.post(
                        f"{self.authority}/oauth2/v2.0/token",
                        data={
                            "grant_type": DEVICE_CODE_GRANT,
                            "device_code": self.code.device_code,
                            "client_id": self.microsoft.client_id,
                        },
                        timeout=_TIMEOUT,
                    )
                    body = answer.json()
                except (requests.RequestException, ValueError):
                    continue  # a real device keeps trying until the code expires
                if self._stop.is_set():
                    return
                if answer.status_code == 200 and "access_token" in body:
                    self._signed_in(body)
                    return
                error = body.get("error", "")
                if error == "authorization_pending":
                    continue
                if error == "slow_down":
                    interval += 5
                    continue
                self._failed(error, body)
                return

    def _signed_in(self, body: dict) -> None:
        self.access_token = body["access_token"]
        self.refresh_token = body.get("refresh_token")
        self.account = _preferred_username(body.get("id_token", ""))
        self.state = "signed_in"

    def _failed(self, error: str, body: dict) -> None:
        """Declined and expired speak for themselves; others carry their AADSTS numbers."""
        codes = set(body.get("error_codes") or ())
        if error == "authorization_declined":
            self.state = "declined"
        elif error == "expired_token":
            self.state = "expired"
        else:
            self.detail = _aadsts(body)
            self.state = "blocked" if codes & _BLOCKED_CODES else "error"


def _aadsts(body: object) -> str:
    """The AADSTS numbers of an error answer, e.g. "AADSTS53003" — never its free text."""
    if not isinstance(body, dict):
        return ""
    codes = body.get("error_codes") or ()
    return " ".join(f"AADSTS{code}" for code in codes if isinstance(code, int))


def _preferred_username(id_token: str) -> str | None:
    try:
        payload = id_token.split(".")[1]
        claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
    except (IndexError, ValueError, binascii.Error):
        return None
    name = claims.get("preferred_username") if isinstance(claims, dict) else None
    return name if isinstance(name, str) else None


def connection_test(settings: MailSettings, microsoft: Microsoft) -> str:
    """Test the stored settings as the device does; returns the result's label key."""
    if settings.auth_method == "pop_before_smtp":
        return "test_pop3_comm"
    if settings.auth_method == "oauth2" and not (settings.signed_in and settings.access_token):
        return "test_sign_in"
    target = microsoft.dns.get((settings.smtp_server.lower(), settings.smtp_port))
    if target is None:
        return "test_smtp_comm"
    context = ssl.create_default_context(cafile=str(microsoft.ca_file))
    tls_name = microsoft.smtp_tls_name or settings.smtp_server
    try:
        smtp = _open(settings.security, target, context, tls_name)
    except (OSError, smtplib.SMTPException):
        return "test_secure" if settings.security != "none" else "test_smtp_comm"
    try:
        return _authenticate(smtp, settings)
    finally:
        try:
            smtp.quit()
        except (OSError, smtplib.SMTPException):
            smtp.close()


def _open(
    security: str, target: tuple[str, int], context: ssl.SSLContext, tls_name: str
) -> smtplib.SMTP:
    host, port = target
    if security == "ssl_tls":
        smtp = smtplib.SMTP_SSL(host, port, timeout=_SMTP_TIMEOUT, context=context)
        smtp.ehlo()
        return smtp
    smtp = smtplib.SMTP(host, port, timeout=_SMTP_TIMEOUT)
    try:
        smtp.ehlo()
        if security == "starttls":
            smtp._host = tls_name  # the name starttls() checks the certificate against
            smtp.starttls(context=context)
            smtp.ehlo()
    except BaseException:
        smtp.close()
        raise
    return smtp


def _authenticate(smtp: smtplib.SMTP, settings: MailSettings) -> str:
    try:
        if settings.auth_method == "oauth2":
            blob = f"user={settings.oauth_account}\x01auth=Bearer {settings.access_token}\x01\x01"
            code, _ = smtp.docmd("AUTH", "XOAUTH2 " + base64.b64encode(blob.encode()).decode())
            if code == 334:  # the server's error challenge: an empty line fetches the verdict
                code, _ = smtp.docmd("")
            if code != 235:
                return "test_smtp_auth"
        elif settings.auth_method == "smtp_auth":
            smtp.login(settings.auth_account, settings.password)
    except smtplib.SMTPAuthenticationError:
        return "test_smtp_auth"
    except (OSError, smtplib.SMTPException):
        return "test_smtp_comm"
    return "test_ok"
