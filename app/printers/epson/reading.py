"""Reading Web Config pages into language-neutral values: pure functions over parsed pages.

Kept apart from the driver's HTTP sequencing so that each can be tested on its own (and
fuzzed: whatever HTML a device sends, only the driver's own errors come out of here).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from app.errors import UnsupportedPage
from app.printers.base import (
    AuthMethod,
    DeviceInfo,
    EmailSettings,
    Interface,
    NetworkInfo,
    Security,
    Service,
)
from app.printers.epson import labels
from app.printers.epson.html import Button, Control, Form, Link, Page
from app.printers.epson.oauth import state_phrase
from app.printers.epson.profile import NONE as NO_PROFILE
from app.printers.epson.profile import Profile

_EMAIL = re.compile(r"[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}")
_MAC = re.compile(r"\b[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}\b")
_UNSET = frozenset({"", "-", "0.0.0.0", "::"})  # noqa: S104 - what devices show for "none"
_LOGIN_ACTION = re.compile(r"PASSWORD|PSWD|LOGIN", re.IGNORECASE)


@dataclass
class FieldMap:
    """Which control of the Email Server form holds which setting, found from its labels."""

    controls: dict[str, Control] = field(default_factory=dict)

    def option_value(self, meaning: str, neutral: str) -> str | None:
        """The form value that selects a language-neutral option (e.g. auth_method=oauth2)."""
        control = self.controls.get(meaning)
        if control is None:
            return None
        for option in control.options:
            if labels.meaning_of(option.text, labels.OPTIONS[meaning]) == neutral:
                return option.value
        return None

    def neutral(self, meaning: str) -> str | None:
        control = self.controls.get(meaning)
        if control is None:
            return None
        option = control.selected_option
        if option is None:
            return None
        return labels.meaning_of(option.text, labels.OPTIONS[meaning])

    def text(self, meaning: str) -> str | None:
        control = self.controls.get(meaning)
        return control.value.strip() if control is not None and control.value else None


@dataclass
class EmailPage:
    page: Page
    form: Form
    fields: FieldMap
    settings: EmailSettings


def device_info(page: Page) -> DeviceInfo:
    found = _pairs_by_meaning(page, labels.STATUS)
    model = found.get("model") or page.title.strip()
    if not model:
        raise UnsupportedPage("no model on the status page", page=page.url)
    mac = found.get("mac") or _first_match(_MAC, page.text())
    return DeviceInfo(
        model=model,
        firmware=found.get("firmware"),
        serial=found.get("serial"),
        mac=mac,
        device_name=found.get("device_name"),
    )


def network_info(page: Page, host: str) -> NetworkInfo:
    """The facts of the interface that answers at `host`.

    A device with two interfaces lists one block per interface, each opening with its
    "Network Interface" row; the block whose IP address is the one we reached is in use.
    """
    sections: list[dict[str, list[str]]] = [{}]
    for label, value in page.pairs():
        meaning = labels.meaning_of(label, labels.STATUS)
        if meaning is None:
            continue
        if meaning == "interface" and "interface" in sections[-1]:
            sections.append({})
        sections[-1].setdefault(meaning, []).append(value)
    chosen = next(
        (part for part in sections if host in part.get("ip_address", [])),
        next((part for part in sections if "ip_address" in part), sections[0]),
    )
    interface = labels.meaning_of(_one(chosen, "interface"), labels.INTERFACES)
    gateway = _one(chosen, "gateway")
    return NetworkInfo(
        ip_address=_one(chosen, "ip_address"),
        gateway=None if gateway is None or gateway in _UNSET else gateway,
        dns_servers=tuple(v for v in chosen.get("dns", []) if v not in _UNSET),
        interface=Interface(interface) if interface else None,
    )


def _one(section: dict[str, list[str]], meaning: str) -> str | None:
    values = section.get(meaning)
    return values[0] if values else None


def _pairs_by_meaning(page: Page, table: dict[str, tuple[str, ...]]) -> dict[str, str]:
    found: dict[str, str] = {}
    for label, value in page.pairs():
        meaning = labels.meaning_of(label, table)
        if meaning and value and meaning not in found:
            found[meaning] = value
    return found


def _first_match(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return match.group(0) if match else None


def login_form(page: Page) -> Form | None:
    for form in page.forms():
        secret = [c for c in form.controls.values() if c.kind == "password"]
        if not secret:
            continue
        visible = [c for c in form.controls.values() if c.kind not in ("hidden",)]
        settings_like = labels.meaning_of(secret[0].label, labels.FIELDS) == "password"
        if _LOGIN_ACTION.search(form.action) or (len(visible) <= 2 and not settings_like):
            return form
    return None


def login_changes(form: Form, user: str, password: str) -> dict[str, str]:
    changes: dict[str, str] = {}
    texts = []
    for control in form.controls.values():
        if control.kind == "password":
            changes[control.name] = password
        elif control.kind in ("text", "email"):
            texts.append(control)
    named = [c for c in texts if labels.meaning_of(c.label, labels.LOGIN) == "user"]
    for control in named or texts[:1]:
        changes[control.name] = user
    return changes


def first_button(form: Form) -> Button | None:
    return form.buttons[0] if form.buttons else None


def menu_frames(top: Page) -> list[str]:
    """Frames worth reading for links and forms: all but the content frame, which shows a
    status page the driver reads on its own."""
    frames = top.frames()
    return [url for name, url in frames.items() if "CONTENT" not in name.upper()] or list(
        frames.values()
    )


def fax_link(pages: list[Page]) -> Link | None:
    links = [link for page in pages for link in page.links()]
    return find_link(links, "fax_email", "fax_server")


def email_link(pages: list[Page]) -> Link | None:
    links = [link for page in pages for link in page.links()]
    return find_link(links, "basic", "email_server") or find_link(links, "email_server", None)


def find_link(links: list[Link], text_key: str, group_key: str | None) -> Link | None:
    meanings: dict[str, str | None] = {}  # each group text looked up once: links share them
    for link in links:
        if labels.meaning_of(link.text, labels.MENU) != text_key:
            continue
        if group_key is None:
            return link
        for group in link.context:
            if group not in meanings:
                meanings[group] = labels.meaning_of(group, labels.MENU)
            if meanings[group] == group_key:
                return link
    return None


def _classify(control: Control) -> str | None:
    """What setting a control holds: by its label, else by what its options say."""
    meaning = labels.meaning_of(control.label, labels.FIELDS)
    if meaning:
        return meaning
    for name, table in labels.OPTIONS.items():
        hits = sum(1 for option in control.options if labels.meaning_of(option.text, table))
        if hits >= 2 or (name == "service" and hits >= 1):
            return name
    words = labels.normalize(control.label)
    if "smtp" in words and control.kind in ("text", "number"):
        return "smtp_port" if control.value.isdigit() else "smtp_server"
    return None


def read_email_page(page: Page, profile: Profile = NO_PROFILE) -> EmailPage:
    pinned = {name: meaning for meaning, name in profile.fields.items()}
    for form in page.forms():
        fields = FieldMap()
        for control in form.controls.values():
            if control.kind == "hidden":
                continue
            meaning = pinned.get(control.name) or _classify(control)
            if meaning and meaning not in fields.controls:
                fields.controls[meaning] = control
        if "auth_method" in fields.controls:
            return EmailPage(page, form, fields, _settings(page, fields, profile.state_table()))
    raise UnsupportedPage("no Authentication Method on the Email Server page", page=page.url)


def _settings(
    page: Page, fields: FieldMap, states: dict[str, tuple[str, ...]] | None = None
) -> EmailSettings:
    method = fields.neutral("auth_method")
    if method is None:
        raise UnsupportedPage("unknown Authentication Method", page=page.url)
    offered = fields.option_value("auth_method", "oauth2") is not None
    service = fields.neutral("service") if method == AuthMethod.OAUTH2 else None
    security = fields.neutral("security")
    port = fields.text("smtp_port")
    state_text, account = state_line(page)
    state = labels.meaning_of(state_phrase(state_text), states or labels.STATES)
    return EmailSettings(
        auth_method=AuthMethod(method),
        service=Service(service) if service else None,
        signed_in=state == "signed_in",
        account=account if state == "signed_in" else None,
        smtp_server=fields.text("smtp_server"),
        smtp_port=int(port) if port and port.isdigit() else None,
        security=Security(security) if security else None,
        sender=fields.text("sender"),
        state_text=state_text,
        oauth2_offered=offered,
    )


def state_line(page: Page) -> tuple[str | None, str | None]:
    """The state line's text and the signed-in account shown in it or right after it."""
    pairs = list(page.pairs())
    for index, (label, value) in enumerate(pairs):
        if labels.meaning_of(label, labels.FIELDS) != "state":
            continue
        account = _first_match(_EMAIL, value)
        for _, later in pairs[index + 1 : index + 3]:
            account = account or _first_match(_EMAIL, later)
        return value, account
    return None, None


def find_button(form: Form, meaning: str) -> Button | None:
    for button in form.buttons:
        if labels.meaning_of(button.text, labels.BUTTONS) == meaning:
            return button
    return None


def form_with_button(page: Page, meaning: str) -> tuple[Form, Button] | None:
    for form in page.forms():
        button = find_button(form, meaning)
        if button is not None:
            return form, button
    return None


def backup_values(email: EmailPage) -> dict[str, str | None]:
    """The form as read before the first write; passwords left empty (kept by the device)."""
    values: dict[str, str | None] = {}
    for name, control in email.form.controls.items():
        if control.kind in ("hidden", "password"):
            continue
        if control.kind == "checkbox":
            values[name] = control.value if control.checked else None
        else:
            values[name] = control.value
    return values


def mismatch(settings: EmailSettings, expected: EmailSettings) -> str | None:
    """The first field a verified read differs in from what was written, if any."""
    checks = {
        "auth_method": settings.auth_method == AuthMethod.OAUTH2,
        "service": settings.service == expected.service,
        "signed_in": settings.signed_in,
        "account": bool(settings.account),
        "smtp_server": settings.smtp_server == expected.smtp_server,
        "smtp_port": settings.smtp_port == expected.smtp_port,
        "security": settings.security == expected.security,
        "sender": expected.sender is None or settings.sender == expected.sender,
    }
    return next((name for name, ok in checks.items() if not ok), None)


def message_of(page: Page) -> str:
    """The device's own words on an answer page, short enough to show in one line."""
    headings = [h.get_text(" ", strip=True) for h in page.soup.find_all(["h1", "h2", "p"])]
    text = " ".join(part for part in headings if part) or page.text()
    return " ".join(text.split())[:200]
