"""Reading a posted Email Server form the way the firmware checks it.

Limits are the ones of the facts' table (account 0–255 printable ASCII, password 0–20,
sender without `: ( ) < > [ ] ;`, ports 1–65535). A bad value names the item it belongs to,
as Epson's error page does; nothing posted can make the device fail with a traceback.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import parse_qsl

from app.simulator.models import Model
from app.simulator.settings import MailSettings
from app.simulator.variants import CHOICE_FIELDS, Variant

MAX_BODY = 64 * 1024
_MAX_FIELDS = 200
_PRINTABLE = re.compile(r"[\x20-\x7e]*")
_HOST = re.compile(r"[A-Za-z0-9.\-]*")
_SENDER_FORBIDDEN = set(":()<>[];")
_PORT = re.compile(r"[0-9]{1,5}")
LABEL_KEYS = {
    "auth_method": "auth_method",
    "service": "email_service",
    "account": "account",
    "password": "auth_password",
    "sender": "sender",
    "smtp_server": "smtp_server",
    "smtp_port": "smtp_port",
    "security": "security",
    "cert_validation": "cert_validation",
    "pop3_server": "pop3_server",
    "pop3_port": "pop3_port",
}


class FormError(ValueError):
    """A posted value the device refuses; `label_key` names the item on the error page."""

    def __init__(self, label_key: str) -> None:
        super().__init__(label_key)
        self.label_key = label_key


def parse_body(body: bytes) -> dict[str, str]:
    """An urlencoded body as a dict; the first of repeated names wins. ValueError if absurd."""
    pairs = parse_qsl(
        body.decode("latin-1"),
        keep_blank_values=True,
        encoding="utf-8",
        errors="replace",
        max_num_fields=_MAX_FIELDS,
    )
    form: dict[str, str] = {}
    for name, value in pairs:
        form.setdefault(name, value)
    return form


def read_mail_form(
    form: dict[str, str], variant: Variant, model: Model, stored: MailSettings
) -> MailSettings:
    """The settings the form asks for; fields left out keep the stored value (an unchecked
    checkbox is left out by browsers, so it means "off"), an empty password keeps the stored one.
    """
    names = variant.fields
    values = dataclasses.replace(stored)
    for field in CHOICE_FIELDS:
        if field == "service" and not model.oauth2:
            continue
        if names[field] in form:
            setattr(values, field, _choice(form[names[field]], field, variant, model))
    values.auth_account = _text(form, names["account"], stored.auth_account, "account", 255)
    password = _text(form, names["password"], "", "password", 20)
    values.password = password or stored.password
    values.sender = _sender(_text(form, names["sender"], stored.sender, "sender", 255))
    values.smtp_server = _host(form, names["smtp_server"], stored.smtp_server, "smtp_server")
    values.smtp_port = _port(form, names["smtp_port"], stored.smtp_port, "smtp_port")
    values.pop3_server = _host(form, names["pop3_server"], stored.pop3_server, "pop3_server")
    values.pop3_port = _port(form, names["pop3_port"], stored.pop3_port, "pop3_port")
    checkbox = form.get(names["cert_validation"])
    if checkbox not in (None, "checked", "on"):
        raise FormError(LABEL_KEYS["cert_validation"])
    values.cert_validation = checkbox is not None
    return values


def _choice(value: str, field: str, variant: Variant, model: Model) -> str:
    neutral = variant.neutral_option(field, value)
    if neutral is None or (neutral == "oauth2" and not model.oauth2):
        raise FormError(LABEL_KEYS[field])
    return neutral


def _text(form: dict[str, str], name: str, default: str, field: str, limit: int) -> str:
    value = form.get(name, default)
    if len(value) > limit or not _PRINTABLE.fullmatch(value):
        raise FormError(LABEL_KEYS[field])
    return value


def _sender(value: str) -> str:
    if _SENDER_FORBIDDEN & set(value):
        raise FormError(LABEL_KEYS["sender"])
    return value


def _host(form: dict[str, str], name: str, default: str, field: str) -> str:
    value = _text(form, name, default, field, 255)
    if not _HOST.fullmatch(value):
        raise FormError(LABEL_KEYS[field])
    return value


def _port(form: dict[str, str], name: str, default: int, field: str) -> int:
    value = form.get(name)
    if value is None:
        return default
    if not _PORT.fullmatch(value) or not 1 <= int(value) <= 65535:
        raise FormError(LABEL_KEYS[field])
    return int(value)
