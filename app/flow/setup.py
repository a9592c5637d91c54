"""The steps a technician goes through, as data (DESIGN.md "The flow a technician sees").

Step names are the wizard's page names. Each action does its device work in a worker thread
(the driver blocks on the network) and reports through events; the wizard and the command
line attach to the same steps.
"""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import Mapping
from typing import Any

from app.errors import NO_DNS, NO_GATEWAY, AdditionalNetwork, OAuth2Unsupported, WarningCode
from app.flow.model import Context, Flow, Input, Step
from app.printers.address import parse_address
from app.printers.base import EmailSettings, Interface, NetworkInfo
from app.trust import TrustChoice


def warn(ctx: Context, warning: WarningCode, **details: Any) -> None:
    ctx.emit("warning", code=warning.code, message=warning.text(**details))


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
    return {"network": network, "email": settings}


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
    ctx.emit("status", **status_fields(ctx, None))
    return {}


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

SETUP_LOGIN = dataclasses.replace(LOGIN, action=login_for_setup)
