"""The wizard's own Microsoft sign-in for the mailbox check: MSAL's device-code flow.

`DeviceSignIn` is one attempt, with a fresh `msal.PublicClientApplication` (MSAL replays an
error answer for 60 s to the same object, so a retry needs a new one). Its calls block and are
meant for a worker thread; `cancel()` may come from any thread and makes `follow()` return
within about a second.

    sign_in = DeviceSignIn(client_id, authority, ca_file=...)
    code = sign_in.start()          # DeviceCode: user_code, verification_uri, expires_at
    signed_in = sign_in.follow()    # SignedIn: account (+ the access token, in memory only)
    signed_in = sign_in.refresh()   # proves the refresh token works (AADSTS700082 shows here)
    sign_in.close()                 # drops every token

Failures are registry errors (`app.microsoft.catalogue`). Tokens and the device code stay in
this object's memory, are never logged or written, and are dropped by `close()`. HTTP goes
through a `requests.Session` that ignores the environment (`trust_env = False`, so a stray
REQUESTS_CA_BUNDLE cannot change whom we trust) with an explicit CA, timeouts, and the
system's proxy settings read explicitly — never for a loopback authority (the simulator).
"""

from __future__ import annotations

import datetime
import ipaddress
import logging
import threading
import time
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import msal
import requests
import requests.utils
from msal.exceptions import MsalError

from app import errors
from app.microsoft import catalogue

SEND_SCOPE = "https://outlook.office.com/SMTP.Send"
SCOPES = [SEND_SCOPE]
"""Only SMTP.Send: MSAL adds openid/profile/offline_access itself (passing them raises), and a
Graph scope in the same request would give a token of the wrong audience (5.7.3)."""

MICROSOFT_LOGIN_HOSTS = frozenset(
    {
        "login.microsoftonline.com",
        "login.microsoft.com",
        "login.windows.net",
        "login.microsoftonline.us",
        "login.partner.microsoftonline.cn",
    }
)
"""Authorities MSAL may run instance discovery for; any other host is custom (simulator)."""

CONSUMER_TENANTS = frozenset({"consumers", "9188040d-6c67-4c5b-b112-36a304b66dad"})
PERSONAL_CODE_LIFETIME = 300.0
"""Personal-account codes die after about 5 minutes whatever `expires_in` says (facts)."""

HTTP_TIMEOUT = (5.0, 15.0)
"""Connect and read timeout of every request to the identity platform."""

_PENDING = frozenset({"authorization_pending", "slow_down"})


def _quiet_msal() -> None:
    """MSAL's DEBUG records carry the device code (its token-cache event masks tokens, not
    the device code): whatever the product's log level, MSAL logs INFO and above only."""
    logger = logging.getLogger("msal")
    if logger.level < logging.INFO:
        logger.setLevel(logging.INFO)


_quiet_msal()


@dataclass(frozen=True)
class DeviceCode:
    """What the person needs to sign in; the device code itself stays inside `DeviceSignIn`.
    The repr leaves the user code out, as any repr may reach a log."""

    user_code: str = field(repr=False)
    verification_uri: str
    expires_at: datetime.datetime
    """UTC, already capped for personal accounts."""

    def seconds_left(self, now: datetime.datetime | None = None) -> float:
        now = now or datetime.datetime.now(datetime.UTC)
        return max(0.0, (self.expires_at - now).total_seconds())

    def event_fields(self) -> dict[str, str]:
        """The `device_code` event's fields (DESIGN.md "Command line")."""
        return {
            "user_code": self.user_code,
            "verification_uri": self.verification_uri,
            "expires_at": iso_utc(self.expires_at),
        }


@dataclass(frozen=True)
class SignedIn:
    """The account signed in, and its access token (never shown in repr, logs or events)."""

    account: str
    access_token: str = field(repr=False)


def iso_utc(moment: datetime.datetime) -> str:
    """`2026-05-04T10:15:30Z`."""
    return moment.astimezone(datetime.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def is_loopback_host(host: str) -> bool:
    host = host.strip("[]").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def system_proxies(url: str) -> dict[str, str]:
    """The proxy the system's settings give for `url` (environment, and on Windows/macOS the
    system configuration, `no_proxy` honoured); none for loopback."""
    host = urlsplit(url).hostname or ""
    if not host or is_loopback_host(host):
        return {}
    found = requests.utils.get_environ_proxies(url, no_proxy=None)
    return {scheme: proxy for scheme, proxy in found.items() if scheme in {"http", "https", "all"}}


class _TimedSession(requests.Session):
    """A session whose requests all carry a timeout unless the caller gives one."""

    def __init__(self, timeout: tuple[float, float]) -> None:
        super().__init__()
        self._default_timeout = timeout

    def request(self, method: str | bytes, url: str | bytes, *args: Any, **kwargs: Any) -> Any:  # type: ignore[override]
        if kwargs.get("timeout") is None:
            kwargs["timeout"] = self._default_timeout
        return super().request(method, url, *args, **kwargs)


def http_session(
    authority: str, ca_file: str | None = None, timeout: tuple[float, float] = HTTP_TIMEOUT
) -> requests.Session:
    """The session MSAL talks through: no environment, explicit trust, timeouts, proxies."""
    session = _TimedSession(timeout)
    session.trust_env = False
    session.verify = ca_file or True
    session.proxies = system_proxies(authority)
    return session


def is_personal_authority(authority: str) -> bool:
    tenant = urlsplit(authority).path.strip("/").split("/")[-1].lower()
    return tenant in CONSUMER_TENANTS


def msal_options(authority: str) -> dict[str, Any]:
    """Instance discovery (a call to Microsoft) only for Microsoft's own authorities; a custom
    one (the simulator) is read from its own `/v2.0/.well-known/openid-configuration`."""
    host = (urlsplit(authority).hostname or "").lower()
    return {} if host in MICROSOFT_LOGIN_HOSTS else {"instance_discovery": False}


class DeviceSignIn:
    """One device-code sign-in attempt (see the module docstring)."""

    def __init__(
        self,
        client_id: str,
        authority: str,
        *,
        ca_file: str | None = None,
        personal: bool | None = None,
        timeout: tuple[float, float] = HTTP_TIMEOUT,
    ) -> None:
        if not client_id.strip():
            raise errors.NoClientId()
        self.client_id = client_id.strip()
        self.authority = authority.rstrip("/")
        self.ca_file = ca_file
        self.personal = is_personal_authority(authority) if personal is None else personal
        self._timeout = timeout
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._session: requests.Session | None = None
        self._app: msal.PublicClientApplication | None = None
        self._flow: dict[str, Any] | None = None
        self._account: str | None = None

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """From any thread: `start`/`follow` give up within about a second (`Cancelled`)."""
        self._stop.set()
        with self._lock:
            if self._flow is not None:
                self._flow["expires_at"] = 0

    def start(self) -> DeviceCode:
        """Builds the application (first traffic) and asks for a device code. Blocks."""
        self._raise_if_cancelled()
        session = http_session(self.authority, self.ca_file, self._timeout)
        self._session = session
        try:
            app = msal.PublicClientApplication(
                self.client_id,
                authority=self.authority,
                http_client=session,
                **msal_options(self.authority),
            )
            self._raise_if_cancelled()
            flow = app.initiate_device_flow(scopes=SCOPES)
        except (MsalError, requests.RequestException) as exc:
            raise self._unless_cancelled(catalogue.unavailable(exc)) from None
        except ValueError as exc:
            # MSAL's words for an authority whose metadata it could not read (wrong tenant).
            raise self._unless_cancelled(errors.AppNotFound(str(exc)[:300])) from None
        if "user_code" not in flow:
            raise self._unless_cancelled(catalogue.identity_error(flow))
        self._app = app
        expires = float(flow.get("expires_at") or time.time() + float(flow.get("expires_in", 0)))
        if self.personal:
            expires = min(expires, time.time() + PERSONAL_CODE_LIFETIME)
        flow["expires_at"] = expires
        with self._lock:
            self._flow = flow
            if self._stop.is_set():
                flow["expires_at"] = 0
        self._raise_if_cancelled()
        return DeviceCode(
            user_code=str(flow["user_code"]),
            verification_uri=str(flow["verification_uri"]),
            expires_at=datetime.datetime.fromtimestamp(expires, datetime.UTC),
        )

    def follow(self) -> SignedIn:
        """Polls until the person signed in (or not), the code ran out, or `cancel()`.

        A sign-in completed just before the cancel still returns tokens: MSAL's answer is the
        truth, so it wins over the cancel."""
        if self._app is None or self._flow is None:
            raise RuntimeError("start() first")
        flow = self._flow

        def done(current: dict[str, Any]) -> bool:
            return self._stop.is_set() or float(current.get("expires_at", 0)) < time.time()

        try:
            result = self._app.acquire_token_by_device_flow(flow, exit_condition=done)
        except (MsalError, requests.RequestException) as exc:
            raise self._unless_cancelled(catalogue.unavailable(exc)) from None
        if "access_token" in result:
            return self._signed_in(result)
        if self._stop.is_set():
            raise errors.Cancelled()
        if result.get("error") in _PENDING:
            raise errors.CodeExpired()
        raise catalogue.identity_error(result)

    def refresh(self) -> SignedIn:
        """Redeems the refresh token now (what the printer does every hour): a 90-day idle
        expiry or a sign-in frequency policy shows here, not at the first sign-in."""
        if self._app is None or self._account is None:
            raise RuntimeError("follow() first")
        self._raise_if_cancelled()
        try:
            accounts = self._app.get_accounts(username=self._account) or self._app.get_accounts()
            result = (
                self._app.acquire_token_silent_with_error(
                    SCOPES, account=accounts[0], force_refresh=True
                )
                if accounts
                else None
            )
        except (MsalError, requests.RequestException) as exc:
            raise self._unless_cancelled(catalogue.unavailable(exc)) from None
        self._raise_if_cancelled()
        if not result:
            raise errors.MailboxCheckFailed("no refresh token was issued with the sign-in")
        if "access_token" not in result:
            raise catalogue.identity_error(result)
        return self._signed_in(result)

    def close(self) -> None:
        """Drops tokens, the flow and the session; safe to call more than once."""
        app, self._app = self._app, None
        with self._lock:
            self._flow = None
        if app is not None:
            for account in app.get_accounts():
                app.remove_account(account)
        session, self._session = self._session, None
        if session is not None:
            session.close()

    def __enter__(self) -> DeviceSignIn:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def _signed_in(self, result: dict[str, Any]) -> SignedIn:
        claims = result.get("id_token_claims") or {}
        account = str(claims.get("preferred_username") or claims.get("email") or "")
        if not account and self._app is not None:
            accounts = self._app.get_accounts()
            account = str(accounts[0].get("username", "")) if accounts else ""
        if not account:
            raise errors.MailboxCheckFailed("the sign-in answer names no account")
        self._account = account
        return SignedIn(account=account, access_token=str(result["access_token"]))

    def _raise_if_cancelled(self) -> None:
        if self._stop.is_set():
            raise errors.Cancelled()

    def _unless_cancelled(self, error: errors.WizardError) -> errors.WizardError:
        return errors.Cancelled() if self._stop.is_set() else error
