"""A stand-in for the Microsoft identity platform (Entra ID and Microsoft accounts).

It speaks the device-code flow the way Entra does (facts/microsoft.md), over HTTPS with a
certificate from the simulator's local CA, so that the real MSAL library, the simulated Epson
firmware and a real browser can all be its clients: OpenID metadata, the device-code and token
endpoints, and the sign-in page a person opens to type the code. Answers, error bodies and
AADSTS numbers mirror what the product meets in the field, because the product's error
handling is tested against them.

Scenarios (app/simulator/scenarios.py) of the identity side change the answers; all other
scenarios behave as `ok`. `identity-unavailable` makes every endpoint answer 503, the OpenID
metadata included, as in a real outage: MSAL then raises `msal.exceptions.MsalServiceError`
("HTTP Error: 503") while `PublicClientApplication` is being built, one clean place to catch it.

`outage()` starts an outage at any moment of a run, for a while or until ended: every
endpoint answers 503 as above (`5xx`) or the connection is reset unanswered (`network`, the
route to Microsoft lost); what was issued before is kept, as Microsoft keeps it.

Tokens and codes are kept in memory only, because this service *is* the issuer, and never
logged.
"""

from __future__ import annotations

import base64
import datetime
import html
import ipaddress
import json
import re
import secrets
import socket
import struct
import threading
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler
from typing import ClassVar, Literal
from urllib.parse import parse_qs, urlsplit

from app.simulator import scenarios
from app.simulator.certs import LocalCA
from app.simulator.server import LoopbackServer

Kind = Literal["organizations", "consumers", "common"]
Outage = Literal["5xx", "network"]

OUTLOOK_RESOURCE = "https://outlook.office.com"
GRAPH_RESOURCE = "https://graph.microsoft.com"
_OIDC_SCOPES = frozenset({"openid", "profile", "offline_access", "email"})
# Made-up identifiers: no real Microsoft, Epson or customer directory uses them.
PRINTER_CLIENT_ID = "5e1f7e57-0000-4000-8000-00000e950001"
WORK_TENANT_ID = "c0a70500-5e1f-4000-8000-000000000001"
CONSUMER_TENANT_ID = "c0a70500-5e1f-4000-8000-000000000002"
WORK_ACCOUNTS = ("scanner@contoso.com", "reception@contoso.com", "it.admin@contoso.com")
PERSONAL_ACCOUNTS = ("frontdesk@outlook.com", "studio.rossi@hotmail.com")
_PERSONAL_DOMAINS = frozenset({"outlook.com", "hotmail.com", "live.com", "msn.com", "outlook.it"})
_WORK_TENANT_NAMES = frozenset({WORK_TENANT_ID, "contoso.com", "contoso.onmicrosoft.com"})
_NAMESPACE = uuid.UUID("6f1d3e0a-5e1f-4000-8000-000000000000")
_USER_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
_USER_CODE_LENGTH = 9
_SLOW_DOWN_STEP = 5
_POLL_TOLERANCE = 0.8
"""A poll counts as too fast below this share of the interval: clocks and networks jitter."""


@dataclass(frozen=True)
class TokenInfo:
    """What the service knows about an access token it issued (the SMTP stand-in asks)."""

    account: str
    scopes: tuple[str, ...]
    audience: str
    expires_at: float
    client_id: str
    tenant_id: str

    @property
    def expired(self) -> bool:
        return time.time() >= self.expires_at


@dataclass(frozen=True)
class Refusal:
    """An OAuth error answer as Entra words it; `headline` is what the browser page shows."""

    error: str
    code: int | None
    description: str
    headline: str = "Sign-in failed"

    def text(self, **details: str) -> str:
        description = self.description.format(**details)
        return f"AADSTS{self.code}: {description}" if self.code else description


_PENDING = Refusal(
    "authorization_pending",
    70016,
    "OAuth 2.0 device flow error. Authorization is pending. Continue polling.",
)
_SLOW_DOWN = Refusal("slow_down", None, "Polling too fast: wait the interval between requests.")
_DECLINED = Refusal(
    "authorization_declined",
    70000,
    "The user declined the sign-in request.",
    "You declined the sign-in",
)
_EXPIRED = Refusal("expired_token", 70019, "Verification code expired.", "That code has expired")
_BAD_CODE = Refusal(
    "bad_verification_code",
    70018,
    "The provided value for the input parameter 'device_code' is not valid.",
)
_REDEEMED = Refusal("invalid_grant", 70000, "The provided device code has already been redeemed.")
_BAD_REFRESH = Refusal(
    "invalid_grant",
    70000,
    "The provided value for the input parameter 'refresh_token' is not valid.",
)
_UNSUPPORTED_GRANT = Refusal(
    "unsupported_grant_type", 70003, "The app requested an unsupported grant type."
)
_UNAVAILABLE = Refusal(
    "temporarily_unavailable",
    90033,
    "A transient error has occurred. Please try again.",
    "Service unavailable",
)
_APP_NOT_FOUND = Refusal(
    "unauthorized_client",
    700016,
    "Application with identifier '{client_id}' was not found in the directory '{tenant}'. "
    "This can happen if the application has not been installed by the administrator of the "
    "tenant or consented to by any user in the tenant. You may have sent your authentication "
    "request to the wrong tenant.",
)
_PUBLIC_CLIENT_DISABLED = Refusal(
    "invalid_client",
    7000218,
    "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
)
_IDLE_EXPIRED = Refusal(
    "invalid_grant",
    700082,
    "The refresh token has expired due to inactivity. The token was issued on {issued} "
    "and was inactive for 90.00:00:00.",
)
_UNKNOWN_TENANT = Refusal("invalid_tenant", 90002, "Tenant '{tenant}' not found.")
_WRONG_ACCOUNT_TYPE = Refusal(
    "invalid_grant",
    50020,
    "User account '{account}' from identity provider 'live.com' does not exist in tenant "
    "'{tenant}' and cannot access the application '{client_id}' in that tenant. The account "
    "needs to be added as an external user in the tenant first.",
    "You can't sign in here with a personal account",
)
_WRONG_DOMAIN = Refusal(
    "invalid_grant",
    500208,
    "The domain is not a valid login domain for the account type.",
    "You can't sign in here with a work or school account",
)
_AT_APPROVAL: dict[str, Refusal] = {
    "sign-in-declined": _DECLINED,
    "sign-in-blocked": Refusal(
        "invalid_grant",
        53003,
        "Access has been blocked by Conditional Access policies. The access policy does not "
        "allow token issuance.",
        "You cannot access this right now",
    ),
    "consent-required": Refusal(
        "invalid_grant",
        65001,
        "The user or administrator has not consented to use the application with ID "
        "'{client_id}'. Send an interactive authorization request for this user and resource.",
        "Need admin approval",
    ),
    "mfa-required": Refusal(
        "invalid_grant",
        50076,
        "Due to a configuration change made by your administrator, or because you moved to a "
        "new location, you must use multi-factor authentication to access '{resource}'.",
        "More information required",
    ),
    "user-not-assigned": Refusal(
        "invalid_grant",
        50105,
        "Your administrator has configured the application '{client_id}' to block users unless "
        "they are specifically granted ('assigned') access to the application. The signed in "
        "user '{account}' is blocked because they are not a direct member of a group with "
        "access, nor had access directly assigned by an administrator.",
        "You can't get there from here",
    ),
}


@dataclass(frozen=True)
class _Approval:
    account: str
    consent: bool


@dataclass
class _DeviceCode:
    """One device-code sign-in, from issue to redemption."""

    user_code: str
    device_code: str
    client_id: str
    scopes: tuple[str, ...]
    kind: Kind
    tenant: str
    issued_at: float
    dies_at: float
    interval: int
    nonce: str | None
    last_poll: float | None = None
    outcome: _Approval | Refusal | None = None
    redeemed: bool = False

    @property
    def expired(self) -> bool:
        return time.time() >= self.dies_at


@dataclass
class _RefreshToken:
    account: str
    client_id: str
    scopes: tuple[str, ...]
    kind: Kind
    issued_at: float = field(default_factory=time.time)


class CodeRefusedError(ValueError):
    """Why the sign-in page could not act on a code (message shown to the person)."""


class IdentityService:
    """The identity platform stand-in; see the module docstring for what it answers."""

    interval_default: ClassVar[int] = 5

    def __init__(
        self,
        ca: LocalCA,
        *,
        scenario: str = "ok",
        auto_approve: float | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        interval: int | None = None,
        code_lifetime: int = 900,
        consumers_code_lifetime: float = 300.0,
        token_lifetime: int = 3599,
    ) -> None:
        """`interval` is the poll interval announced (whole seconds, as MSAL reads it) — short
        in tests; `consumers_code_lifetime` is how long personal-account codes really live
        while `expires_in` still says `code_lifetime`, as people report of Microsoft."""
        require_loopback(host)
        self.scenario = _own_scenario(scenario)
        self.auto_approve = auto_approve
        self.interval = interval if interval is not None else self.interval_default
        self.code_lifetime = code_lifetime
        self.consumers_code_lifetime = consumers_code_lifetime
        self.token_lifetime = token_lifetime
        self.ca_file = str(ca.ca_file)
        self.account = WORK_ACCOUNTS[0]
        self.account_consumers = PERSONAL_ACCOUNTS[0]
        self.printer_client_id = PRINTER_CLIENT_ID
        self.tenant_id = WORK_TENANT_ID
        self._lock = threading.Lock()
        self._codes: dict[str, _DeviceCode] = {}
        self._by_user_code: dict[str, _DeviceCode] = {}
        self._access: dict[str, TokenInfo] = {}
        self._refresh: dict[str, _RefreshToken] = {}
        self._issued = 0
        self._outage: tuple[Outage, float] | None = None
        self.outage_hits = 0
        """Requests an outage has failed so far (tests check it struck what they meant)."""
        names = sorted({host, "127.0.0.1", "::1", "localhost"})
        tls = ca.issue(f"identity-{secrets.token_hex(4)}", names).server_context()
        self._server = LoopbackServer(_Handler, host=host, port=port, tls=tls)
        self._server.server.identity = self  # type: ignore[attr-defined]
        self.url = self._server.url
        self.authority = f"{self.url}/organizations"
        self.authority_consumers = f"{self.url}/consumers"
        self.signin_url = f"{self.url}/devicelogin"
        self.signin_url_consumers = f"{self.url}/link"

    @property
    def port(self) -> int:
        return self._server.port

    def start(self) -> IdentityService:
        self._server.start()
        return self

    def stop(self) -> None:
        self._server.stop()

    def __enter__(self) -> IdentityService:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    # In-process API (the SMTP stand-in, tests, demo mode).

    def token_info(self, access_token: str) -> TokenInfo | None:
        with self._lock:
            return self._access.get(access_token)

    def issued_secrets(self) -> list[str]:
        """Every secret this service has handed out so far — user and device codes, access
        and refresh tokens — so the secret canary can search for them where they must never be
        (app logs, files, the process list)."""
        with self._lock:
            codes = [(c.user_code, c.device_code) for c in self._codes.values()]
            return [*(s for pair in codes for s in pair), *self._access, *self._refresh]

    def approve(self, user_code: str, account: str | None = None, consent: bool = True) -> None:
        """Acts as the person on the sign-in page; ValueError when the page would refuse."""
        self._act(user_code, approve=True, account=account, consent=consent)

    def decline(self, user_code: str) -> None:
        self._act(user_code, approve=False)

    def outage(self, mode: Outage | None, seconds: float | None = None) -> None:
        """From now on every endpoint fails as `mode` says (module docstring), for `seconds`
        or, with None, until `outage(None)` ends it."""
        with self._lock:
            if mode is None:
                self._outage = None
                return
            ends = time.monotonic() + seconds if seconds is not None else float("inf")
            self._outage = (mode, ends)

    def outage_now(self) -> Outage | None:
        """The outage under way, if any; a request that asks counts as struck by it."""
        with self._lock:
            if self._outage is None or time.monotonic() >= self._outage[1]:
                return None
            self.outage_hits += 1
            return self._outage[0]

    # Protocol, called by the request handler.

    def metadata(self, tenant: str) -> tuple[int, dict]:
        if _kind(tenant) is None:
            return _error(_UNKNOWN_TENANT, tenant=tenant)
        base = f"{self.url}/{tenant}"
        issuer_tenant = {
            "consumers": CONSUMER_TENANT_ID,
            "organizations": "{tenantid}",
            "common": "{tenantid}",
        }.get(tenant, WORK_TENANT_ID)
        return HTTPStatus.OK, {
            "issuer": f"{self.url}/{issuer_tenant}/v2.0",
            "authorization_endpoint": f"{base}/oauth2/v2.0/authorize",
            "token_endpoint": f"{base}/oauth2/v2.0/token",
            "device_authorization_endpoint": f"{base}/oauth2/v2.0/devicecode",
            "end_session_endpoint": f"{base}/oauth2/v2.0/logout",
            "jwks_uri": f"{base}/discovery/v2.0/keys",
            "response_modes_supported": ["query", "fragment", "form_post"],
            "response_types_supported": ["code", "id_token", "code id_token", "id_token token"],
            "scopes_supported": ["openid", "profile", "email", "offline_access"],
            "subject_types_supported": ["pairwise"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_post", "client_secret_basic"],
            "claims_supported": ["sub", "iss", "aud", "exp", "iat", "nonce", "name", "tid"],
            "tenant_region_scope": None,
            "cloud_instance_name": "simulated.invalid",
            "request_uri_parameter_supported": False,
        }

    def device_code(self, tenant: str, form: dict[str, str]) -> tuple[int, dict]:
        kind = _kind(tenant)
        client_id = form.get("client_id", "")
        if kind is None:
            return _error(_UNKNOWN_TENANT, tenant=tenant)
        if self.scenario == "app-not-found":
            return _error(_APP_NOT_FOUND, client_id=client_id, tenant=tenant)
        code = self._issue_code(tenant, kind, client_id, form)
        verification_uri = self.signin_url_consumers if kind == "consumers" else self.signin_url
        return HTTPStatus.OK, {
            "user_code": code.user_code,
            "device_code": code.device_code,
            "verification_uri": verification_uri,
            "expires_in": self.code_lifetime,
            "interval": code.interval,
            "message": (
                f"To sign in, use a web browser to open the page {verification_uri} and enter "
                f"the code {code.user_code} to authenticate."
            ),
        }

    def token(self, tenant: str, form: dict[str, str]) -> tuple[int, dict]:
        if _kind(tenant) is None:
            return _error(_UNKNOWN_TENANT, tenant=tenant)
        if self.scenario == "public-client-disabled":
            return _error(_PUBLIC_CLIENT_DISABLED)
        grant_type = form.get("grant_type", "")
        if grant_type == "urn:ietf:params:oauth:grant-type:device_code":
            return self._redeem_device_code(form)
        if grant_type == "refresh_token":
            return self._redeem_refresh_token(form)
        return _error(_UNSUPPORTED_GRANT)

    def page_submit(self, form: dict[str, str], kind: Kind) -> tuple[_DeviceCode, Refusal | None]:
        """The sign-in page's form: which code, what the person chose; refusals raise."""
        account = form.get("other_account", "").strip() or form.get("account", "").strip()
        approve = form.get("action") != "decline"
        code = self._act(
            form.get("code", ""),
            approve=approve,
            account=account or None,
            consent=form.get("consent") == "on" or kind == "consumers",
        )
        outcome = code.outcome
        return code, outcome if isinstance(outcome, Refusal) else None

    def app_name(self, client_id: str) -> str:
        if client_id == self.printer_client_id:
            return "Epson device email (simulated)"
        return "Printer OAuth Wizard mailbox check"

    # Internals.

    def _issue_code(
        self, tenant: str, kind: Kind, client_id: str, form: dict[str, str]
    ) -> _DeviceCode:
        now = time.time()
        lifetime = self.consumers_code_lifetime if kind == "consumers" else self.code_lifetime
        with self._lock:
            first = self._issued == 0
            self._issued += 1
            if first and self.scenario == "code-expired":
                lifetime = 0
            user_code = _new_user_code(self._by_user_code)
            code = _DeviceCode(
                user_code=user_code,
                device_code=secrets.token_urlsafe(48),
                client_id=client_id,
                scopes=tuple(form.get("scope", "").split()),
                kind=kind,
                tenant=tenant,
                issued_at=now,
                dies_at=now + lifetime,
                interval=self.interval,
                nonce=form.get("nonce"),
            )
            self._codes[code.device_code] = code
            self._by_user_code[user_code] = code
        return code

    def _act(
        self, user_code: str, *, approve: bool, account: str | None = None, consent: bool = True
    ) -> _DeviceCode:
        with self._lock:
            code = self._by_user_code.get(_normalise_user_code(user_code))
            if code is None:
                raise CodeRefusedError("That code didn't work. Check the code and try again.")
            self._auto_approve_due(code)
            if code.expired:
                raise CodeRefusedError(
                    "That code has expired. Go back to your device and ask for a new code."
                )
            if code.outcome is not None:
                raise CodeRefusedError("That code has already been used.")
            code.outcome = self._decide(code, approve, account, consent)
        return code

    def _decide(
        self, code: _DeviceCode, approve: bool, account: str | None, consent: bool
    ) -> _Approval | Refusal:
        """What the sign-in ends in, once the person has acted: the scenario speaks first."""
        if not approve:
            return _DECLINED
        chosen = account or self._default_account(code.kind)
        if self.scenario == "account-type-mismatch":
            return _WRONG_DOMAIN if code.kind == "consumers" else _WRONG_ACCOUNT_TYPE
        if self.scenario in _AT_APPROVAL:
            return _AT_APPROVAL[self.scenario]
        if code.kind == "organizations" and _is_personal(chosen):
            return _WRONG_ACCOUNT_TYPE
        return _Approval(chosen, consent)

    def _default_account(self, kind: Kind) -> str:
        return self.account_consumers if kind == "consumers" else self.account

    def _auto_approve_due(self, code: _DeviceCode) -> None:
        """Auto-approval is settled lazily, when someone looks: no timers to cancel."""
        due = self.auto_approve is not None and time.time() >= code.issued_at + self.auto_approve
        if due and code.outcome is None and not code.expired:
            code.outcome = self._decide(code, True, None, True)

    def _redeem_device_code(self, form: dict[str, str]) -> tuple[int, dict]:
        with self._lock:
            code = self._codes.get(form.get("device_code", ""))
            if code is None or code.client_id != form.get("client_id"):
                return _error(_BAD_CODE)
            self._auto_approve_due(code)
            refusal = self._poll_refusal(code)
            if refusal is not None:
                return _error(refusal, **self.details(code))
            assert isinstance(code.outcome, _Approval)
            code.redeemed = True
            return HTTPStatus.OK, self._mint(
                code.outcome.account, code.client_id, code.scopes, code.kind, code.nonce
            )

    def _poll_refusal(self, code: _DeviceCode) -> Refusal | None:
        now = time.time()
        last, code.last_poll = code.last_poll, now
        if code.redeemed:
            return _REDEEMED
        if code.expired:
            return _EXPIRED
        if isinstance(code.outcome, Refusal):
            return code.outcome
        if code.outcome is not None:
            return None
        if last is not None and now - last < code.interval * _POLL_TOLERANCE:
            code.interval += _SLOW_DOWN_STEP
            return _SLOW_DOWN
        return _PENDING

    def _redeem_refresh_token(self, form: dict[str, str]) -> tuple[int, dict]:
        with self._lock:
            grant = self._refresh.get(form.get("refresh_token", ""))
            if grant is None or grant.client_id != form.get("client_id"):
                return _error(_BAD_REFRESH)
            if self.scenario == "token-expired-idle":
                issued = datetime.datetime.fromtimestamp(grant.issued_at - 91 * 86400, datetime.UTC)
                return _error(_IDLE_EXPIRED, issued=issued.strftime("%Y-%m-%dT%H:%M:%S.0000000Z"))
            scopes = tuple(form.get("scope", "").split()) or grant.scopes
            return HTTPStatus.OK, self._mint(
                grant.account, grant.client_id, scopes, grant.kind, form.get("nonce")
            )

    def _mint(
        self, account: str, client_id: str, scopes: tuple[str, ...], kind: Kind, nonce: str | None
    ) -> dict:
        """A token answer MSAL turns into an account: scope, client_info and id_token."""
        now = time.time()
        granted = tuple(scope for scope in scopes if scope not in _OIDC_SCOPES)
        tenant_id = CONSUMER_TENANT_ID if kind == "consumers" else WORK_TENANT_ID
        access_token = secrets.token_urlsafe(48)
        refresh_token = secrets.token_urlsafe(64)
        self._access[access_token] = TokenInfo(
            account=account,
            scopes=granted,
            audience=_audience(granted),
            expires_at=now + self.token_lifetime,
            client_id=client_id,
            tenant_id=tenant_id,
        )
        self._refresh[refresh_token] = _RefreshToken(account, client_id, scopes, kind)
        oid = str(uuid.uuid5(_NAMESPACE, account.lower()))
        claims = {
            "aud": client_id,
            "iss": f"{self.url}/{tenant_id}/v2.0",
            "iat": int(now),
            "nbf": int(now),
            "exp": int(now) + self.token_lifetime,
            "name": account.split("@", maxsplit=1)[0].replace(".", " ").title(),
            "oid": oid,
            "preferred_username": account,
            "sub": secrets.token_urlsafe(24),
            "tid": tenant_id,
            "ver": "2.0",
        }
        if nonce:
            claims["nonce"] = nonce
        return {
            "token_type": "Bearer",
            "scope": " ".join(granted),
            "expires_in": self.token_lifetime,
            "ext_expires_in": self.token_lifetime,
            "access_token": access_token,
            "refresh_token": refresh_token,
            "id_token": _unsigned_jwt(claims),
            "client_info": _b64url(json.dumps({"uid": oid, "utid": tenant_id}).encode()),
        }

    def details(self, code: _DeviceCode) -> dict[str, str]:
        """The facts an error text names (app, tenant, account, resource)."""
        account = code.outcome.account if isinstance(code.outcome, _Approval) else self.account
        return {
            "client_id": code.client_id,
            "tenant": code.tenant,
            "account": account,
            "resource": _audience(code.scopes),
        }


def require_loopback(host: str) -> None:
    """The simulator never listens beyond this machine: it hands out tokens to anyone."""
    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback:
        raise ValueError(f"simulated services listen on loopback addresses only, not {host!r}")


def _own_scenario(name: str) -> str:
    """Scenarios of other sides play as `ok` here; an unknown name is a caller's mistake."""
    scenario = scenarios.get(name)
    return name if scenario.side == scenarios.Side.IDENTITY else "ok"


def _kind(tenant: str) -> Kind | None:
    if tenant in ("organizations", "consumers", "common"):
        return tenant  # type: ignore[return-value]
    if tenant == CONSUMER_TENANT_ID:
        return "consumers"
    return "organizations" if tenant.lower() in _WORK_TENANT_NAMES else None


def _is_personal(account: str) -> bool:
    return account.rpartition("@")[2].lower() in _PERSONAL_DOMAINS


def _audience(scopes: tuple[str, ...]) -> str:
    """The resource a token is for: the part before the permission, Graph for bare names."""
    for scope in scopes:
        if scope in _OIDC_SCOPES:
            continue
        if "://" in scope:
            parts = urlsplit(scope)
            return f"{parts.scheme}://{parts.netloc}"
        return GRAPH_RESOURCE
    return GRAPH_RESOURCE


def _new_user_code(taken: dict[str, _DeviceCode]) -> str:
    while True:
        code = "".join(secrets.choice(_USER_CODE_ALPHABET) for _ in range(_USER_CODE_LENGTH))
        if code not in taken:
            return code


def _normalise_user_code(text: str) -> str:
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def _b64url(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unsigned_jwt(claims: dict) -> str:
    """MSAL reads id_token claims without checking a signature (its #911), so none is made."""
    header = _b64url(json.dumps({"typ": "JWT", "alg": "none"}).encode())
    return f"{header}.{_b64url(json.dumps(claims).encode())}."


def _error(refusal: Refusal, **details: str) -> tuple[int, dict]:
    """An Entra error body: description carrying trace and correlation ids and a timestamp."""
    trace_id, correlation_id = str(uuid.uuid4()), str(uuid.uuid4())
    timestamp = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M:%SZ")
    description = (
        f"{refusal.text(**details)}\r\nTrace ID: {trace_id}\r\n"
        f"Correlation ID: {correlation_id}\r\nTimestamp: {timestamp}"
    )
    status = HTTPStatus.SERVICE_UNAVAILABLE if refusal is _UNAVAILABLE else HTTPStatus.BAD_REQUEST
    body: dict = {
        "error": refusal.error,
        "error_description": description,
        "error_codes": [refusal.code] if refusal.code else [],
        "timestamp": timestamp,
        "trace_id": trace_id,
        "correlation_id": correlation_id,
    }
    if refusal.code:
        body["error_uri"] = f"https://login.microsoftonline.com/error?code={refusal.code}"
    if refusal.code == 50076:
        body["suberror"] = "basic_action"
    return status, body


_METADATA = re.compile(r"^/(?P<tenant>[^/]+)/v2\.0/\.well-known/openid-configuration$")
_OAUTH = re.compile(r"^/(?P<tenant>[^/]+)/oauth2/v2\.0/(?P<endpoint>devicecode|token)$")
_PAGES: dict[str, Kind] = {"/devicelogin": "organizations", "/link": "consumers"}
_MAX_FORM = 64 * 1024


class _Handler(BaseHTTPRequestHandler):
    """Routes requests to the IdentityService attached to the server."""

    server_version = "SimulatedIdentity/1.0"
    sys_version = ""
    protocol_version = "HTTP/1.1"
    timeout = 30

    @property
    def identity(self) -> IdentityService:
        return self.server.identity  # type: ignore[attr-defined]

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if self._unavailable(path):
            return
        if match := _METADATA.match(path):
            self._json(*self.identity.metadata(match["tenant"]))
        elif path in _PAGES:
            self._html(HTTPStatus.OK, signin_form(self.identity, _PAGES[path]))
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not_found"})

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        form = self._form()
        if form is None or self._unavailable(path):
            return
        if match := _OAUTH.match(path):
            answer: Callable[[str, dict[str, str]], tuple[int, dict]] = (
                self.identity.device_code
                if match["endpoint"] == "devicecode"
                else self.identity.token
            )
            self._json(*answer(match["tenant"], form))
        elif path in _PAGES:
            self._html(*signin_result(self.identity, _PAGES[path], form))
        else:
            self._json(HTTPStatus.NOT_FOUND, {"error": "not_found"})

    def log_message(self, format: str, *args: object) -> None:
        """Silent: request lines could carry codes, and secrets are never logged."""

    def _unavailable(self, path: str) -> bool:
        outage = self.identity.outage_now()
        if outage == "network":
            # Linger 0 makes the close a TCP reset: the client sees the route fail unanswered.
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            raise ConnectionResetError("simulated loss of the route to the identity service")
        if self.identity.scenario != "identity-unavailable" and outage is None:
            return False
        if path in _PAGES:
            self._html(HTTPStatus.SERVICE_UNAVAILABLE, unavailable_page())
        else:
            self._json(*_error(_UNAVAILABLE))
        return True

    def _form(self) -> dict[str, str] | None:
        length = int(self.headers.get("Content-Length") or 0)
        if length > _MAX_FORM:
            self._json(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "invalid_request"})
            return None
        body = self.rfile.read(length).decode("utf-8", "replace")
        return {key: values[-1] for key, values in parse_qs(body).items()}

    def _json(self, status: int, body: dict) -> None:
        self._send(status, "application/json; charset=utf-8", json.dumps(body).encode())

    def _html(self, status: int, page: str) -> None:
        self._send(status, "text/html; charset=utf-8", page.encode())

    def _send(self, status: int, content_type: str, data: bytes) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(data)


# The sign-in page: plain HTML and inline CSS, no script, so any browser can complete it.

_STYLE = """
*{box-sizing:border-box}
body{margin:0;background:#eef1f5;font:15px/1.45 "Segoe UI",system-ui,-apple-system,
"Helvetica Neue",Arial,sans-serif;color:#1b1b1b}
.banner{background:#5c2d91;color:#fff;font-size:13px;text-align:center;padding:6px}
.card{max-width:440px;margin:48px auto;background:#fff;padding:36px 44px 32px;
box-shadow:0 2px 6px rgba(0,0,0,.2)}
.brand{display:flex;align-items:center;gap:10px;font-weight:600;color:#505050;font-size:15px}
.brand .mark{width:22px;height:22px;border-radius:4px;background:#0067b8}
h1{font-size:24px;font-weight:600;margin:20px 0 8px}
p{margin:0 0 14px}
label{display:block;font-weight:600;margin:16px 0 6px}
input[type=text],select{width:100%;padding:8px 10px;font:inherit;border:1px solid #8a8a8a;
border-radius:2px;background:#fff}
input[name=code]{font-size:20px;letter-spacing:3px;text-transform:uppercase}
.check{display:flex;gap:8px;align-items:flex-start;font-weight:400;margin-top:18px}
.check input{margin-top:4px}
.hint{display:block;color:#616161;font-size:13px;margin-top:2px}
input[name=other_account]{margin-top:8px}
.error{background:#fde7e9;border-left:4px solid #d13438;padding:10px 12px;margin:12px 0}
.actions{display:flex;justify-content:flex-end;gap:10px;margin-top:26px}
button{font:inherit;padding:7px 24px;min-width:108px;border:1px solid #8a8a8a;
background:#fff;cursor:pointer}
button.primary{background:#0067b8;border-color:#0067b8;color:#fff}
.detail{font-family:Consolas,monospace;font-size:12px;color:#505050;background:#f5f5f5;
padding:10px;white-space:pre-wrap;word-break:break-word}
"""


def _page(title: str, body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{html.escape(title)}</title><style>{_STYLE}</style></head><body>"
        '<div class="banner">Simulated Microsoft sign-in for testing and training '
        "— not a Microsoft service</div>"
        '<main class="card"><div class="brand"><span class="mark"></span>'
        f"Simulated identity service</div>{body}</main></body></html>"
    )


def signin_form(
    identity: IdentityService, kind: Kind, error: str = "", form: dict[str, str] | None = None
) -> str:
    """The verification page: code, account, consent (work accounts), Approve / Decline."""
    form = form or {}
    accounts = PERSONAL_ACCOUNTS if kind == "consumers" else WORK_ACCOUNTS
    chosen = form.get("account", accounts[0])
    options = "".join(
        f"<option{' selected' if account == chosen else ''}>{html.escape(account)}</option>"
        for account in accounts
    )
    consent = (
        ""
        if kind == "consumers"
        else '<label class="check"><input type="checkbox" name="consent">'
        "<span>Consent on behalf of your organization"
        '<span class="hint">Administrators: tick this so that nobody else in your '
        "organization is asked again.</span></span></label>"
    )
    notice = f'<p class="error" role="alert">{html.escape(error)}</p>' if error else ""
    heading = "Personal account" if kind == "consumers" else "Work or school account"
    body = f"""
<h1>Enter code</h1>
<p>Enter the code displayed on your device or app to allow it to access your account.</p>
{notice}
<form method="post" autocomplete="off">
<label for="code">Code</label>
<input type="text" id="code" name="code" value="{html.escape(form.get("code", ""))}"
 maxlength="20" required autofocus spellcheck="false">
<label for="account">Sign in as ({heading.lower()})</label>
<select id="account" name="account">{options}</select>
<input type="text" name="other_account" aria-label="Another account"
 placeholder="or type another account" value="{html.escape(form.get("other_account", ""))}">
{consent}
<div class="actions">
<button type="submit" name="action" value="decline">Decline</button>
<button type="submit" name="action" value="approve" class="primary">Approve</button>
</div>
</form>"""
    return _page("Enter code", body)


def signin_result(identity: IdentityService, kind: Kind, form: dict[str, str]) -> tuple[int, str]:
    """The page after Approve or Decline; a refused code shows the form again, saying why."""
    try:
        code, refusal = identity.page_submit(form, kind)
    except CodeRefusedError as problem:
        return HTTPStatus.OK, signin_form(identity, kind, str(problem), form)
    app = html.escape(identity.app_name(code.client_id))
    if refusal is _DECLINED:
        body = (
            "<h1>You declined the sign-in</h1>"
            f"<p>{app} on your device was not given access. You may now close this window.</p>"
        )
    elif refusal is not None:
        detail = html.escape(refusal.text(**identity.details(code)))
        body = (
            f"<h1>{html.escape(refusal.headline)}</h1>"
            f"<p>{app} could not be signed in. Show this to your administrator:</p>"
            f'<p class="detail">{detail}</p>'
        )
    else:
        consented = isinstance(code.outcome, _Approval) and code.outcome.consent
        note = (
            "<p>You consented on behalf of your organization.</p>"
            if consented and kind != "consumers"
            else ""
        )
        body = (
            "<h1>You're signed in</h1>"
            f"<p>You have signed in to {app} on your device. You may now close this window.</p>"
            f"{note}"
        )
    return HTTPStatus.OK, _page("Sign-in", body)


def unavailable_page() -> str:
    return _page(
        "Service unavailable",
        "<h1>Service unavailable</h1><p>The sign-in service is temporarily unavailable. "
        "Try again later.</p>",
    )
