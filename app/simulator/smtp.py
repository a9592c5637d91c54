"""A stand-in for Exchange Online's SMTP submission (smtp.office365.com:587).

STARTTLS with a certificate from the simulator's CA, AUTH offered only after STARTTLS, and
`AUTH XOAUTH2` checked against the identity stand-in's tokens (account, audience, expiry).
The answers are Exchange's own sentences (facts/microsoft.md "SMTP answers to recognise")
because the product classifies failures by them. Basic authentication is refused as Exchange
refuses it once it is off. Messages are accepted and discarded: nothing is ever delivered.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, Envelope, Session, auth_mechanism

from app.simulator import scenarios
from app.simulator.certs import LocalCA
from app.simulator.identity import OUTLOOK_RESOURCE, IdentityService, require_loopback

SEND_SCOPE = f"{OUTLOOK_RESOURCE}/SMTP.Send"
OK_AUTH = "235 2.7.0 Authentication successful"
AUTH_REJECTED = "535 5.7.3 Authentication unsuccessful"
BASIC_AUTH_OFF = "550 5.7.30 Basic authentication is not supported for Client Submission"
UNKNOWN_MECHANISM = "504 5.7.4 Unrecognized authentication type"
NOT_AUTHENTICATED = "530 5.7.57 Client not authenticated to send mail"
SEND_AS_DENIED = "550 5.7.60 SMTP; Client does not have permissions to send as this sender"
_DISABLED = (
    "535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the {}. "
    "Visit https://aka.ms/smtp_auth_disabled for more information."
)
AUTH_REFUSALS: dict[str, str] = {
    "smtp-auth-disabled-tenant": _DISABLED.format("Tenant"),
    "smtp-auth-disabled-mailbox": _DISABLED.format("Mailbox"),
    "security-defaults": (
        "535 5.7.139 Authentication unsuccessful, user is locked by your organization's "
        "security defaults policy. Contact your administrator."
    ),
    "mfa-or-policy": (
        "535 5.7.139 Authentication unsuccessful, the request did not meet the criteria to be "
        "authenticated successfully. Contact your administrator."
    ),
    "token-rejected": AUTH_REJECTED,
}
"""What AUTH answers with a valid token, per scenario; other scenarios authenticate."""
_HOSTNAME = "smtp.office365.sim.localhost"
_IDENT = "Microsoft ESMTP MAIL Service (simulated)"
_COMMAND_TIMEOUT = 60


class _Session(Session):
    """aiosmtpd logs a deprecation warning whenever its own AUTH code sets `login_data`."""

    login_data: Any = None


class _ExchangeSMTP(SMTP):
    """aiosmtpd's server with Exchange's wording for a mechanism it does not offer, and its
    TCP connections registered so that stopping can close them."""

    def __init__(self, handler: _Handler, connections: set[Any], **options: Any) -> None:
        super().__init__(handler, **options)
        self._connections = connections
        self._tcp: Any = None

    def _create_session(self) -> Session:
        return _Session(self.loop)

    def connection_made(self, transport: Any) -> None:
        if self._tcp is None:
            self._tcp = transport
            self._connections.add(transport)
        super().connection_made(transport)

    def connection_lost(self, error: Exception | None) -> None:
        self._connections.discard(self._tcp)
        super().connection_lost(error)

    async def smtp_AUTH(self, arg: str) -> None:  # noqa: N802 (aiosmtpd's naming)
        mechanism = arg.split(maxsplit=1)[0].upper() if arg else ""
        if mechanism and mechanism not in self._auth_methods:
            await self.push(UNKNOWN_MECHANISM)
            return
        await super().smtp_AUTH(arg)


class _Handler:
    """AUTH XOAUTH2 against the identity stand-in; MAIL gated on AUTH; DATA counted."""

    def __init__(self, service: SmtpService) -> None:
        self.service = service

    @auth_mechanism("XOAUTH2")
    async def auth_xoauth2(self, server: SMTP, args: list[str]) -> AuthResult:
        if len(args) > 1:
            try:
                response = base64.b64decode(args[1], validate=True)
            except binascii.Error:
                response = b""
        else:
            answer = await server.challenge_auth("", encode_to_b64=False)
            if not isinstance(answer, bytes):
                return AuthResult(success=False, handled=True)
            response = answer
        verdict = self.service.verdict(response)
        if verdict == OK_AUTH:
            return AuthResult(success=True, auth_data=verdict)
        return AuthResult(success=False, handled=False, message=verdict)

    async def handle_MAIL(  # noqa: N802 (aiosmtpd's naming)
        self,
        server: SMTP,
        session: Session,
        envelope: Envelope,
        address: str,
        mail_options: list[str],
    ) -> str:
        if not session.authenticated:
            return NOT_AUTHENTICATED
        if self.service.scenario == "send-as-denied":
            return SEND_AS_DENIED
        envelope.mail_from = address
        envelope.mail_options.extend(mail_options)
        return "250 2.1.0 Sender OK"

    async def handle_DATA(  # noqa: N802 (aiosmtpd's naming)
        self, server: SMTP, session: Session, envelope: Envelope
    ) -> str:
        self.service.messages_received += 1
        return "250 2.6.0 Queued mail for delivery"


def _refuse_basic(*_args: Any) -> AuthResult:
    """AUTH LOGIN / PLAIN run their exchange to the end, then meet Exchange's refusal."""
    return AuthResult(success=False, handled=False, message=BASIC_AUTH_OFF)


class _Controller(Controller):
    """Binds port 0 and learns the port before aiosmtpd's readiness probe connects to it."""

    def __init__(self, handler: _Handler, **options: Any) -> None:
        super().__init__(handler, **options)
        self._connections: set[Any] = set()

    def factory(self) -> SMTP:
        return _ExchangeSMTP(self.handler, self._connections, **self.SMTP_kwargs)

    def cancel_tasks(self, stop_loop: bool = True) -> None:
        """Drops open connections first: aiosmtpd leaves their sockets open when it stops."""
        for transport in list(self._connections):
            transport.abort()
        super().cancel_tasks(stop_loop)

    def _trigger_server(self) -> None:
        assert self.server is not None
        self.port = self.server.sockets[0].getsockname()[1]
        super()._trigger_server()


class SmtpService:
    """Exchange Online submission stand-in bound to a loopback port."""

    def __init__(
        self,
        ca: LocalCA,
        identity: IdentityService,
        *,
        scenario: str = "ok",
        host: str = "127.0.0.1",
        port: int = 0,
    ) -> None:
        require_loopback(host)
        own = scenarios.get(scenario).side == scenarios.Side.SMTP
        self.scenario = scenario if own else "ok"
        self.identity = identity
        self.host = host
        self.port = port
        self.messages_received = 0
        self._running = False
        tls = ca.issue("smtp", sorted({host, "127.0.0.1", "::1", "localhost"})).server_context()
        self._controller = _Controller(
            _Handler(self),
            hostname=host,
            port=port,
            server_hostname=_HOSTNAME,
            ident=_IDENT,
            tls_context=tls,
            require_starttls=True,
            auth_require_tls=True,
            authenticator=_refuse_basic,
            auth_exclude_mechanism=["PLAIN"],
            timeout=_COMMAND_TIMEOUT,
        )

    def start(self) -> SmtpService:
        self._controller.start()
        self._running = True
        self.port = self._controller.port
        return self

    def stop(self) -> None:
        """Closes the port and every open session; stopping twice is harmless."""
        if self._running:
            self._running = False
            self._controller.stop()

    def __enter__(self) -> SmtpService:
        return self.start()

    def __exit__(self, *_exc: object) -> None:
        self.stop()

    def verdict(self, response: bytes) -> str:
        """The answer to an XOAUTH2 initial response: valid token first, then the scenario."""
        user, token = _parse_xoauth2(response)
        info = self.identity.token_info(token) if token else None
        valid = (
            info is not None
            and not info.expired
            and info.audience == OUTLOOK_RESOURCE
            and SEND_SCOPE in info.scopes
            and user.casefold() == info.account.casefold()
        )
        if not valid:
            return AUTH_REJECTED
        return AUTH_REFUSALS.get(self.scenario, OK_AUTH)


def _parse_xoauth2(response: bytes) -> tuple[str, str]:
    """`user=<addr>^Aauth=Bearer <token>^A^A` (decoded); ("", "") when malformed."""
    try:
        text = response.decode("utf-8")
    except UnicodeDecodeError:
        return "", ""
    fields = dict(part.partition("=")[::2] for part in text.split("\x01") if part)
    scheme, _, token = fields.get("auth", "").partition(" ")
    if scheme.lower() != "bearer":
        return "", ""
    return fields.get("user", ""), token.strip()
