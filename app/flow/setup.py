"""The steps a technician goes through, as data (DESIGN.md "The flow a technician sees").

Step names are the wizard's page names. Each action does its device work in a worker thread
(the driver blocks on the network) and reports through events; the wizard and the command
line attach to the same steps.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

from app import logs
from app.errors import (
    CONNECTION_TEST_UNKNOWN,
    NO_DNS,
    NO_GATEWAY,
    SENDER_NEEDS_SEND_AS,
    AdditionalNetwork,
    CodeExpired,
    ConnectionTestFailed,
    FaxUnsupported,
    NotConfigured,
    OAuth2Unsupported,
    WarningCode,
)
from app.flow.model import Context, Flow, Input, MissingInput, Step
from app.printers.address import parse_address
from app.printers.base import (
    AuthMethod,
    EmailSettings,
    Interface,
    NetworkInfo,
    Security,
    Service,
    SignInState,
)
from app.printers.epson.driver import EMAIL, FAX
from app.printers.epson.oauth import failure_for
from app.trust import TrustChoice


def warn(ctx: Context, warning: WarningCode, **details: Any) -> None:
    ctx.emit("warning", **warning.event(**details))


async def connect(ctx: Context) -> Mapping[str, Any]:
    """Reach the device, check its certificate, read what it is."""
    address = parse_address(ctx.data["address"])
    trust = TrustChoice(
        trust_new=bool(ctx.data.get("trust_new")),
        expected=ctx.data.get("fingerprint"),
        accept_changed=ctx.data.get("accept_changed"),
    )
    driver = ctx.services.open(address, trust)
    device, fingerprint = await asyncio.to_thread(driver.reach)
    ctx.emit("connected", model=device.model, firmware=device.firmware, fingerprint=fingerprint)
    return {"device": device, "fingerprint": fingerprint}


def _network_warnings(ctx: Context, network: NetworkInfo) -> None:
    if not network.dns_servers:
        warn(ctx, NO_DNS)
    if network.gateway is None:
        warn(ctx, NO_GATEWAY)


async def _login_and_read(ctx: Context) -> tuple[NetworkInfo, EmailSettings]:
    driver = ctx.services.require_driver()
    await asyncio.to_thread(driver.login, ctx.data.get("user") or "", ctx.data["password"])
    network = await asyncio.to_thread(driver.network_info)
    settings = await asyncio.to_thread(driver.read_email_settings)
    ctx.emit("logged_in", oauth2=settings.oauth2_offered)
    _network_warnings(ctx, network)
    return network, settings


async def login_for_status(ctx: Context) -> Mapping[str, Any]:
    network, settings = await _login_and_read(ctx)
    return {"network": network, "email": settings}


async def login_for_setup(ctx: Context) -> Mapping[str, Any]:
    """Log in and stop before anything is written if this device cannot do OAuth2 here."""
    network, settings = await _login_and_read(ctx)
    if not settings.oauth2_offered:
        raise OAuth2Unsupported()
    if network.interface is Interface.ADDITIONAL:
        raise AdditionalNetwork()
    fax_page = await asyncio.to_thread(ctx.services.require_driver().has_fax_page)
    return {"network": network, "email": settings, "fax_page": fax_page}


def status_fields(ctx: Context, connection_test: str | None) -> dict[str, Any]:
    device, email = ctx.data["device"], ctx.data["email"]
    return {
        "model": device.model,
        "firmware": device.firmware,
        "auth_method": email.auth_method.value,
        "service": email.service.value if email.service else None,
        "signed_in": email.signed_in,
        "account": email.account,
        "smtp_server": email.smtp_server,
        "smtp_port": email.smtp_port,
        "security": email.security.value if email.security else None,
        "sender": email.sender,
        "connection_test": connection_test,
    }


async def report_status(ctx: Context) -> Mapping[str, Any]:
    """What the device reports now, its own connection test included (nothing is saved)."""
    result = await asyncio.to_thread(ctx.services.require_driver().connection_test)
    if result is None:
        warn(ctx, CONNECTION_TEST_UNKNOWN)
    test = None if result is None else ("ok" if result else "failed")
    ctx.emit("status", **status_fields(ctx, test))
    return {"connection_test": test}


PRINTER = Step(
    "printer",
    inputs=(
        Input("address"),
        Input("trust_new", required=False),
        Input("fingerprint", required=False),
        Input("accept_changed", required=False),
    ),
    action=connect,
    next="login",
)
LOGIN = Step(
    "login",
    inputs=(Input("user", required=False), Input("password", secret=True)),
    action=login_for_status,
    next="status",
)
STATUS = Step("status", action=report_status)

STATUS_FLOW = Flow.of("status", PRINTER, LOGIN, STATUS)
"""`status`: what the device reports now; nothing is written."""

SETUP_LOGIN = dataclasses.replace(LOGIN, action=login_for_setup, next="method")


# --- configure: method, sign-in relay, save and verify ------------------------------------

MAX_CODES = 3
"""A code that expires is replaced by itself this many times in all (DESIGN.md)."""

SUBMISSION: dict[Service, tuple[str, int]] = {
    Service.EXCHANGE: ("smtp.office365.com", 587),
    Service.OUTLOOK: ("smtp-mail.outlook.com", 587),
}


class _NewCode(Exception):  # noqa: N818 - a signal inside the polling loop, never shown
    """The technician asked for a new code: abandon this one."""


async def choose_method(ctx: Context) -> Mapping[str, Any]:
    try:
        service = Service(ctx.data["service"])
    except ValueError:
        raise MissingInput("method", ["service"]) from None
    return {"service": service.value}


async def sign_in(ctx: Context) -> Mapping[str, Any]:
    """Relay the device's sign-in: show its code, follow its state, renew expired codes."""
    driver = ctx.services.require_driver()
    await asyncio.to_thread(driver.backup, EMAIL)
    account = await _relay(ctx, driver, Service(ctx.data["service"]), EMAIL)
    return {"account": account}


async def _relay(ctx: Context, driver: Any, service: Service, part: str) -> str | None:
    codes = 0
    ctx.services.take_new_code_request()
    while True:
        code = await asyncio.to_thread(driver.start_sign_in, service, part)
        logs.forget_later(code.user_code)
        codes += 1
        ctx.emit(
            "device_code",
            user_code=code.user_code,
            verification_uri=code.verification_uri,
            expires_at=code.expires_at.isoformat().replace("+00:00", "Z"),
        )
        try:
            account = await _follow(ctx, driver, code.expires_at, part)
        except CodeExpired as expired:
            if codes >= MAX_CODES:
                raise
            ctx.emit("warning", **expired.as_warning())
            continue
        except _NewCode:
            continue
        ctx.emit("signed_in", account=account)
        return account


async def _follow(ctx: Context, driver: Any, expires_at: datetime, part: str) -> str | None:
    interval = ctx.services.config["printer.poll_interval"]
    first = True
    while True:
        if ctx.services.take_new_code_request():
            raise _NewCode
        expired = datetime.now(UTC) >= expires_at
        progress = await asyncio.to_thread(
            functools.partial(driver.sign_in_progress, first=first, expired=expired, part=part)
        )
        ctx.emit("sign_in_state", state=progress.state.value, text=progress.text)
        first = False
        if progress.state is SignInState.SIGNED_IN:
            return progress.account
        if progress.state not in (SignInState.PENDING, SignInState.UNKNOWN):
            raise failure_for(progress)
        await ctx.services.pause(interval)


async def restore(ctx: Context) -> None:
    driver = ctx.services.driver
    if driver is not None:
        await asyncio.to_thread(driver.restore, EMAIL)


async def restore_fax(ctx: Context) -> None:
    driver = ctx.services.driver
    if driver is not None:
        await asyncio.to_thread(driver.restore, FAX)


async def _save(
    ctx: Context, service: Service, account: str | None, sender: str | None, part: str
) -> EmailSettings:
    """OK with what the service needs, then the read-back that proves it (DESIGN.md)."""
    host, port = SUBMISSION[service]
    wanted = EmailSettings(
        auth_method=AuthMethod.OAUTH2,
        service=service,
        signed_in=True,
        account=account,
        smtp_server=host,
        smtp_port=port,
        security=Security.STARTTLS,
        sender=sender,
    )
    ctx.emit("progress", phase="write")
    ctx.emit("progress", phase="commit")
    settings = await asyncio.to_thread(ctx.services.require_driver().commit, wanted, part)
    ctx.emit("saved")
    ctx.emit("progress", phase="verify")
    ctx.emit("verified", account=settings.account)
    ctx.commit()
    return settings


async def push(ctx: Context) -> Mapping[str, Any]:
    """Save and verify, then the device's own connection test (DESIGN.md "Verified")."""
    account = ctx.data.get("account")
    sender = ctx.data.get("sender") or account
    settings = await _save(ctx, Service(ctx.data["service"]), account, sender, EMAIL)
    if sender and settings.account and sender.lower() != settings.account.lower():
        warn(ctx, SENDER_NEEDS_SEND_AS, sender=sender, account=settings.account)
    ctx.emit("progress", phase="test")
    result = await asyncio.to_thread(ctx.services.require_driver().connection_test)
    if result is None:
        warn(ctx, CONNECTION_TEST_UNKNOWN)
    elif result is False:
        raise ConnectionTestFailed()
    return {"email": settings, "connection_test": "ok" if result else None}


async def fax(ctx: Context) -> Mapping[str, Any]:
    """The fax server's email settings, as their own transaction after the verified push."""
    driver = ctx.services.require_driver()
    if not await asyncio.to_thread(driver.has_fax_page):
        raise FaxUnsupported()
    choice = ctx.data.get("fax") or "keep"
    if choice == "keep":
        return {}
    service = Service(choice)
    await asyncio.to_thread(driver.backup, FAX)
    account = await _relay(ctx, driver, service, FAX)
    settings = await _save(ctx, service, account, account, FAX)
    return {"fax_email": settings}


def after_push(data: Mapping[str, Any]) -> str:
    """The fax step when asked for (`--fax`), or offered by the wizard on a fax model."""
    asked = data.get("fax") is not None
    return "fax" if asked or (data.get("offer_fax") and data.get("fax_page")) else "status"


async def report_status_after_push(ctx: Context) -> Mapping[str, Any]:
    ctx.emit("status", **status_fields(ctx, ctx.data.get("connection_test")))
    return {}


async def keep_service(ctx: Context) -> Mapping[str, Any]:
    """`resign`: sign in again for the service the device already uses."""
    email: EmailSettings = ctx.data["email"]
    if email.auth_method is not AuthMethod.OAUTH2 or email.service is None:
        raise NotConfigured()
    return {"service": email.service.value, "sender": email.sender}


METHOD = Step(
    "method",
    inputs=(Input("service"), Input("sender", required=False), Input("fax", required=False)),
    action=choose_method,
    next="sign_in",
)
SIGN_IN = Step("sign_in", action=sign_in, undo=restore, next="push")
PUSH = Step("push", action=push, undo=restore, next=after_push)
FAX_STEP = Step(
    "fax",
    inputs=(Input("fax", required=False),),
    action=fax,
    undo=restore_fax,
    part="fax",
    next="status",
)
FINAL_STATUS = Step("status", action=report_status_after_push)

SETUP_FLOW = Flow.of(
    "configure",
    PRINTER,
    SETUP_LOGIN,
    METHOD,
    SIGN_IN,
    PUSH,
    FAX_STEP,
    FINAL_STATUS,
)
"""`configure` and the wizard: from the address to a verified OAuth2 setup."""

RESIGN_FLOW = Flow.of(
    "resign",
    PRINTER,
    dataclasses.replace(LOGIN, next="method"),
    dataclasses.replace(METHOD, inputs=(), action=keep_service),
    SIGN_IN,
    PUSH,
    FAX_STEP,
    FINAL_STATUS,
)
"""`resign`: the 90-day idle expiry — the same sign-in and save, service unchanged."""
