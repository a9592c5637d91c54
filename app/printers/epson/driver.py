"""Epson Web Config, driven the way the facts' working assumptions say a device can be.

Nothing here knows a page id of the settings pages or a field name: the Email Server page is
found from the advanced menu by its labels (its group says "Email Server", the link may say
just "Basic"), fields by their labels or, failing that, by what their options and values say.
Only the addresses the facts fix are named: the status pages, the advanced frameset, and the
login that protected pages show by themselves. A page that cannot be understood raises
`unsupported_page` and leaves a redacted copy for support.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

from app import paths
from app.errors import (
    CommitFailed,
    FaxUnsupported,
    LockedOut,
    OAuth2Unsupported,
    SessionExpired,
    SignInFailed,
    Unreachable,
    UnsupportedPage,
    VerifyMismatch,
    WrongPassword,
)
from app.printers.address import PrinterAddress
from app.printers.base import (
    AuthMethod,
    DeviceInfo,
    EmailSettings,
    Interface,
    NetworkInfo,
    Security,
    Service,
    SignInCode,
    SignInProgress,
    SignInState,
)
from app.printers.epson import labels
from app.printers.epson.html import Button, Control, Form, Link, Page
from app.printers.epson.oauth import (
    connection_test_result,
    interpret_state,
    parse_code_page,
    state_phrase,
)
from app.printers.epson.profile import NONE as NO_PROFILE
from app.printers.epson.profile import Profile
from app.printers.epson.transport import Timeouts, Transport
from app.redaction import redact_html
from app.trust import PinStore, TrustChoice

log = logging.getLogger(__name__)

PRODUCT_STATUS = ("/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", "/PRESENTATION/HTML/TOP/PRTINFO.HTML")
NETWORK_STATUS = ("/PRESENTATION/ADVANCED/INFO_NWINFO/TOP",)
ADVANCED_TOP = "/PRESENTATION/ADVANCED/COMMON/TOP"
EMAIL = "email"
FAX = "fax"
"""The two Email Server forms: Network > Email Server > Basic, and Fax > Fax Server >
Email Server Settings on fax models (the same OAuth2 block, its own transaction)."""
SESSION_COOKIE = "EPSON_COOKIE_SESSION"
MAX_CREDENTIAL = 64
"""Longer input is refused unsent: an oversized login POST once took a device offline."""

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


class EpsonDriver:
    def __init__(
        self,
        address: PrinterAddress,
        *,
        timeouts: Timeouts | None = None,
        pins: PinStore | None = None,
        trust: TrustChoice | None = None,
        profile: Profile = NO_PROFILE,
    ) -> None:
        self.transport = Transport(address, timeouts=timeouts, pins=pins, trust=trust)
        self._profile = profile
        self.device: DeviceInfo | None = None
        self._credentials: tuple[str, str] | None = None
        self._login_url: str | None = None
        self._fresh_login = False
        """Just logged in: a login form now means the password was wrong, not a timeout."""
        self._urls: dict[str, str] = {}
        self._advanced_pages: list[Page] = []
        self._backups: dict[str, EmailPage] = {}
        self._written: set[str] = set()

    def close(self) -> None:
        self.transport.close()

    @property
    def profile(self) -> Profile:
        """The profile file's pins, where it applies to this model."""
        model = self.device.model if self.device else None
        return self._profile if self._profile.applies_to(model) else NO_PROFILE

    # --- first contact ----------------------------------------------------------------

    def reach(self) -> tuple[DeviceInfo, str]:
        deadline = self.transport.reach()
        page = self._first_status_page(deadline.left())
        self.device = _device_info(page)
        assert self.transport.fingerprint is not None
        return self.device, self.transport.fingerprint

    def _first_status_page(self, budget: float) -> Page:
        for path in PRODUCT_STATUS:
            try:
                text = self.transport.get(path, kind="status", total=budget)
            except UnsupportedPage:
                continue
            page = Page(text, self.transport.url(path))
            if page.is_epson or page.title:
                if not page.is_epson:
                    raise UnsupportedPage("not Epson Web Config", page=path)
                return page
        raise UnsupportedPage("no product status page", page=PRODUCT_STATUS[0])

    def network_info(self) -> NetworkInfo:
        for path in NETWORK_STATUS:
            try:
                page = Page(self.transport.get(path, kind="status"), self.transport.url(path))
            except UnsupportedPage:
                continue
            return _network_info(page, self.transport.address.host)
        return NetworkInfo()

    # --- administrator session --------------------------------------------------------

    def login(self, user: str, password: str) -> None:
        if len(user) > MAX_CREDENTIAL or len(password) > MAX_CREDENTIAL or not password:
            raise WrongPassword()
        self._credentials = (user, password)
        self._login()

    def _login(self) -> None:
        assert self._credentials is not None
        user, password = self._credentials
        page, form = self._login_form_page()
        changes = _login_changes(form, user, password)
        self.transport.set_cookie(SESSION_COOKIE, "")
        answer = self.transport.post(
            form.target(page.url), form.payload(changes, _first(form)), kind="login"
        )
        if labels.contains_phrase(Page(answer).text(), labels.ANSWERS["locked_out"]):
            raise LockedOut()
        if not self.transport.cookie(SESSION_COOKIE):
            raise WrongPassword()
        self._fresh_login = True

    def _login_form_page(self) -> tuple[Page, Form]:
        """The login form the device serves: on the advanced pages, behind their "Log in"
        link, or in place of a protected page, as the facts say devices do."""
        if self._login_url is not None:
            page = self._get(self._login_url, kind="login")
            form = _login_form(page)
            if form is not None:
                return page, form
        top = self._get(ADVANCED_TOP, kind="login")
        pages = [top] + [self._get(url, kind="login") for url in _menu_frames(top)]
        self._advanced_pages = pages
        for candidate in self._login_candidates(pages):
            form = _login_form(candidate)
            if form is not None:
                self._login_url = candidate.url
                return candidate, form
        raise UnsupportedPage("no administrator login form", page=ADVANCED_TOP)

    def _login_candidates(self, pages: list[Page]) -> Iterator[Page]:
        """Pages that may hold the login form, cheapest first, fetched only when needed."""
        yield from pages
        links = [
            link.href
            for page in pages
            for link in page.links()
            if labels.meaning_of(link.text, labels.LOGIN) == "log_in"
        ]
        email = _email_link(pages)
        for url in [*links[:2], *([email.href] if email else [])]:
            yield self._get(url, kind="login")

    def _protected(self, path: str, kind: str = "settings") -> Page:
        """A page that needs the session; one automatic re-login if the session died."""
        page = self._get(path, kind=kind)
        if _login_form(page) is None:
            self._fresh_login = False
            return page
        if self._credentials is None:
            raise SessionExpired()
        just_logged_in = self._fresh_login
        log.info("administrator session ended; logging in again")
        self._login()
        page = self._get(path, kind=kind)
        if _login_form(page) is not None:
            # Refused twice in a row right after a login: the password, not a timeout.
            raise WrongPassword() if just_logged_in else SessionExpired()
        self._fresh_login = False
        return page

    def _get(self, path: str, kind: str) -> Page:
        return Page(self.transport.get(path, kind=kind), self.transport.url(path))

    # --- the Email Server pages (the device's, and the fax server's) -------------------

    def email_page_url(self, part: str = EMAIL) -> str:
        """Found in the menu by its labels; the menu seen before login is tried first."""
        pinned = self.profile.pages.get(part)
        if pinned:
            return self.transport.url(pinned)
        if part not in self._urls:
            finder = _fax_link if part == FAX else _email_link
            link = finder(self._advanced_pages) or finder(self._menu_pages())
            if link is None:
                if part == FAX:
                    raise FaxUnsupported()
                self._capture(self._advanced_pages[-1], "menu")
                raise UnsupportedPage("Email Server not found in the menu", page=ADVANCED_TOP)
            self._urls[part] = link.href
        return self._urls[part]

    def has_fax_page(self) -> bool:
        try:
            self.email_page_url(FAX)
        except FaxUnsupported:
            return False
        return True

    def read_email_settings(self, part: str = EMAIL) -> EmailSettings:
        return self.read_email_page(part).settings

    def read_email_page(self, part: str = EMAIL, kind: str = "settings") -> EmailPage:
        page = self._protected(self.email_page_url(part), kind=kind)
        try:
            return _read_email_page(page, self.profile)
        except UnsupportedPage:
            self._capture(page, f"{part}-server")
            raise

    def _menu_pages(self) -> list[Page]:
        """The advanced frameset and its frames, read with the session."""
        top = self._protected(ADVANCED_TOP, kind="menu")
        self._advanced_pages = [top] + [
            self._protected(url, kind="menu") for url in _menu_frames(top)
        ]
        return self._advanced_pages

    # --- writing: sign-in relay, save, verify, restore --------------------------------

    def wrote(self, part: str = EMAIL) -> bool:
        """Whether the first write to `part` has been sent (DESIGN.md "First write")."""
        return part in self._written

    def backup(self, part: str = EMAIL) -> EmailPage:
        """Read and keep the form before anything is written to it."""
        self._backups[part] = self.read_email_page(part)
        self._written.discard(part)
        return self._backups[part]

    def start_sign_in(self, service: Service, part: str = EMAIL) -> SignInCode:
        """Choose OAuth2 and the service and press Sign In; the code the device shows."""
        if part not in self._backups:
            self.backup(part)
        email = self.read_email_page(part)
        changes = self._choices(email, auth_method="oauth2", service=service.value)
        button = _button(email.form, "sign_in")
        if button is None:
            self._capture(email.page, f"{part}-server")
            raise UnsupportedPage("no Sign In button", page=email.page.url)
        self._written.add(part)
        page = self._submit(email.page, email.form, changes, button, kind="set")
        step = _form_with_button(page, "sign_in_microsoft")
        if step is not None:
            page = self._submit(page, step[0], {}, step[1], kind="set")
        try:
            return parse_code_page(page, personal=service is Service.OUTLOOK)
        except SignInFailed as missing:
            raise SignInFailed(_message_of(page)) from missing

    def sign_in_progress(self, *, first: bool, expired: bool, part: str = EMAIL) -> SignInProgress:
        email = self.read_email_page(part, kind="poll")
        state_text, _ = _state_line(email.page)
        progress = interpret_state(
            state_text, first=first, expired=expired, states=self.profile.state_table()
        )
        if progress.state is SignInState.SIGNED_IN and progress.account is None:
            return SignInProgress(SignInState.SIGNED_IN, email.settings.account, state_text)
        return progress

    def commit(self, wanted: EmailSettings, part: str = EMAIL) -> EmailSettings:
        """Press OK with the settings the service needs; success is decided by reading back."""
        email = self.read_email_page(part)
        changes = self._choices(
            email,
            auth_method="oauth2",
            service=wanted.service.value if wanted.service else None,
            security=wanted.security.value if wanted.security else None,
        )
        for meaning, value in (
            ("smtp_server", wanted.smtp_server),
            ("smtp_port", str(wanted.smtp_port) if wanted.smtp_port else None),
            ("sender", wanted.sender),
        ):
            control = email.fields.controls.get(meaning)
            if control is not None and value is not None:
                changes[control.name] = value
        button = _button(email.form, "ok") or _first(email.form)
        try:
            answer = self._submit(email.page, email.form, changes, button, kind="set", commit=True)
        except Unreachable:
            # Some settings make the device restart on OK ("Shutting down"); after a restart
            # nothing is pending any more, so what the page shows is what was saved.
            log.info("the printer went away while saving; waiting for it")
            settings = self._read_after_restart(part)
            if _mismatch(settings, wanted) is None:
                return settings
            raise CommitFailed("the printer restarted while saving") from None
        message = _message_of(answer)
        completed = labels.contains_phrase(message, labels.ANSWERS["setup_complete"])
        if not completed and labels.contains_phrase(message, labels.ANSWERS["refused"]):
            # The form may still show the pending values: an error answer is a failure.
            raise CommitFailed(message)
        settings = self.read_email_settings(part)
        field = _mismatch(settings, wanted)
        if field is not None:
            raise VerifyMismatch(field=field)
        return settings

    def restore(self, part: str = EMAIL) -> None:
        """Resubmit the form as it was before the first write (DESIGN.md "First write")."""
        backup = self._backups.get(part)
        if part not in self._written or backup is None:
            return
        self._read_after_restart(part)
        email = self.read_email_page(part)
        values = _backup_values(backup)
        changes = {name: value for name, value in values.items() if name in email.form.controls}
        for name, control in email.form.controls.items():
            if control.kind == "checkbox" and name not in changes:
                changes[name] = None
        button = _button(email.form, "ok") or _first(email.form)
        self._submit(email.page, email.form, changes, button, kind="set", commit=True)
        if self.read_email_settings(part).auth_method != backup.settings.auth_method:
            raise CommitFailed("the previous settings could not be put back")
        self._written.discard(part)

    def connection_test(self) -> bool | None:
        """The device's own test: True, False, or None where it has none or says something
        the driver does not know (DESIGN.md "Connection test")."""
        pinned = self.profile.pages.get("connection_test")
        links = [link for page in self._advanced_pages for link in page.links()]
        link = _find_link(links, "connection_test", "email_server")
        if pinned is None and link is None:
            return None
        page = self._protected(self.transport.url(pinned) if pinned else link.href, kind="test")
        found = _form_with_button(page, "start") or _form_with_button(page, "ok")
        if found is None:
            return None
        answer = self._submit(page, found[0], {}, found[1], kind="test", commit=True)
        return connection_test_result(answer)

    def _read_after_restart(self, part: str = EMAIL) -> EmailSettings:
        """The settings once the device answers again; a device still going down is waited
        for again, up to the commit timeout."""
        deadline = time.monotonic() + self.transport.timeouts.commit
        while True:
            self.wait_until_back()
            try:
                return self.read_email_settings(part)
            except Unreachable:
                if time.monotonic() >= deadline:
                    raise

    def wait_until_back(self) -> None:
        """After a restart: wait (up to the commit timeout) until the device answers again."""
        deadline = time.monotonic() + self.transport.timeouts.commit
        while True:
            try:
                self.transport.get(PRODUCT_STATUS[0], kind="status", total=2.0)
                return
            except (Unreachable, UnsupportedPage):
                if time.monotonic() >= deadline:
                    raise
                time.sleep(0.5)

    def _choices(self, email: EmailPage, **neutral: str | None) -> dict[str, str | None]:
        changes: dict[str, str | None] = {}
        for meaning, value in neutral.items():
            if value is None or meaning not in email.fields.controls:
                continue
            option = email.fields.option_value(meaning, value)
            if option is None:
                raise (
                    OAuth2Unsupported()
                    if value == "oauth2"
                    else UnsupportedPage(f"no option {value!r} for {meaning}", page=email.page.url)
                )
            changes[email.fields.controls[meaning].name] = option
        return changes

    def _submit(
        self,
        page: Page,
        form: Form,
        changes: dict[str, str | None],
        button: Button | None,
        *,
        kind: str,
        commit: bool = False,
    ) -> Page:
        target = form.target(page.url, button)
        text = self.transport.post(target, form.payload(changes, button), kind=kind, commit=commit)
        return Page(text, self.transport.last_url or target)

    def _capture(self, page: Page, name: str) -> None:
        """A redacted copy of a page the driver could not read, for support."""
        folder = paths.ensure(paths.current().captures_dir)
        secrets = [*(self._credentials or ()), self.device.serial if self.device else None]
        target = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{name}.html"
        target.write_text(redact_html(str(page.soup), secrets), encoding="utf-8")
        log.warning("saved a redacted copy of the %s page as %s", name, target.name)


# --- reading pages (pure functions, tested on their own) ------------------------------


def _device_info(page: Page) -> DeviceInfo:
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


def _network_info(page: Page, host: str) -> NetworkInfo:
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


def _login_form(page: Page) -> Form | None:
    for form in page.forms():
        secret = [c for c in form.controls.values() if c.kind == "password"]
        if not secret:
            continue
        visible = [c for c in form.controls.values() if c.kind not in ("hidden",)]
        settings_like = labels.meaning_of(secret[0].label, labels.FIELDS) == "password"
        if _LOGIN_ACTION.search(form.action) or (len(visible) <= 2 and not settings_like):
            return form
    return None


def _login_changes(form: Form, user: str, password: str) -> dict[str, str]:
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


def _first(form: Form) -> Button | None:
    return form.buttons[0] if form.buttons else None


def _menu_frames(top: Page) -> list[str]:
    """Frames worth reading for links and forms: all but the content frame, which shows a
    status page the driver reads on its own."""
    frames = top.frames()
    return [url for name, url in frames.items() if "CONTENT" not in name.upper()] or list(
        frames.values()
    )


def _fax_link(pages: list[Page]) -> Link | None:
    links = [link for page in pages for link in page.links()]
    return _find_link(links, "fax_email", "fax_server")


def _email_link(pages: list[Page]) -> Link | None:
    links = [link for page in pages for link in page.links()]
    return _find_link(links, "basic", "email_server") or _find_link(links, "email_server", None)


def _find_link(links: list[Link], text_key: str, group_key: str | None) -> Link | None:
    for link in links:
        if labels.meaning_of(link.text, labels.MENU) != text_key:
            continue
        if group_key is None:
            return link
        groups = {labels.meaning_of(group, labels.MENU) for group in link.context}
        if group_key in groups:
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


def _read_email_page(page: Page, profile: Profile = NO_PROFILE) -> EmailPage:
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
    state_text, account = _state_line(page)
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


def _state_line(page: Page) -> tuple[str | None, str | None]:
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


def _button(form: Form, meaning: str) -> Button | None:
    for button in form.buttons:
        if labels.meaning_of(button.text, labels.BUTTONS) == meaning:
            return button
    return None


def _form_with_button(page: Page, meaning: str) -> tuple[Form, Button] | None:
    for form in page.forms():
        button = _button(form, meaning)
        if button is not None:
            return form, button
    return None


def _backup_values(email: EmailPage) -> dict[str, str | None]:
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


def _mismatch(settings: EmailSettings, expected: EmailSettings) -> str | None:
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


def _message_of(page: Page) -> str:
    """The device's own words on an answer page, short enough to show in one line."""
    headings = [h.get_text(" ", strip=True) for h in page.soup.find_all(["h1", "h2", "p"])]
    text = " ".join(part for part in headings if part) or page.text()
    return " ".join(text.split())[:200]
