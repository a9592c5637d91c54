"""Epson Web Config, driven the way the facts' working assumptions say a device can be.

Nothing here knows a page id of the settings pages or a field name: the Email Server page is
found from the advanced menu by its labels (its group says "Email Server", the link may say
just "Basic"), fields by their labels or, failing that, by what their options and values say.
Only the addresses the facts fix are named: the status pages, the advanced frameset, and the
login that protected pages show by themselves. A page that cannot be understood raises
`unsupported_page` and leaves a redacted copy for support.
"""

from __future__ import annotations

import functools
import logging
import threading
import time
from collections.abc import Callable, Iterator
from typing import Concatenate

from app import logs, paths
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
    DeviceInfo,
    EmailSettings,
    NetworkInfo,
    Service,
    SignInCode,
    SignInProgress,
    SignInState,
)
from app.printers.epson import labels
from app.printers.epson.html import Button, Form, Page
from app.printers.epson.oauth import (
    connection_test_result,
    interpret_state,
    parse_code_page,
)
from app.printers.epson.profile import NONE as NO_PROFILE
from app.printers.epson.profile import Profile
from app.printers.epson.reading import (
    EmailPage,
    backup_values,
    device_info,
    email_link,
    fax_link,
    find_button,
    find_link,
    first_button,
    form_with_button,
    login_changes,
    login_form,
    menu_frames,
    message_of,
    mismatch,
    network_info,
    read_email_page,
    state_line,
)
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


def _whole[**P, R](
    method: Callable[Concatenate[EpsonDriver, P], R],
) -> Callable[Concatenate[EpsonDriver, P], R]:
    """A writing operation runs whole, never interleaved with another one. A cancel stops
    the flow's await, not the worker thread doing the write: the restore that follows runs
    in another thread and, without this, could send its form between a save's page read and
    its OK, so the OK would land last and leave the device written after all."""

    @functools.wraps(method)
    def run(self: EpsonDriver, *args: P.args, **kwargs: P.kwargs) -> R:
        with self._writing:
            return method(self, *args, **kwargs)

    return run


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
        self._writing = threading.RLock()

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
        self.device = device_info(page)
        logs.forget_later(self.device.serial)
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
            return network_info(page, self.transport.address.host)
        return NetworkInfo()

    # --- administrator session --------------------------------------------------------

    def login(self, user: str, password: str) -> None:
        logs.forget_later(password)
        if len(user) > MAX_CREDENTIAL or len(password) > MAX_CREDENTIAL or not password:
            raise WrongPassword()
        self._credentials = (user, password)
        self._login()

    def _login(self) -> None:
        assert self._credentials is not None
        user, password = self._credentials
        page, form = self._login_form_page()
        changes = login_changes(form, user, password)
        self.transport.set_cookie(SESSION_COOKIE, "")
        answer = self.transport.post(
            form.target(page.url), form.payload(changes, first_button(form)), kind="login"
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
            form = login_form(page)
            if form is not None:
                return page, form
        top = self._get(ADVANCED_TOP, kind="login")
        pages = [top] + [self._get(url, kind="login") for url in menu_frames(top)]
        self._advanced_pages = pages
        for candidate in self._login_candidates(pages):
            form = login_form(candidate)
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
        email = email_link(pages)
        for url in [*links[:2], *([email.href] if email else [])]:
            yield self._get(url, kind="login")

    def _protected(self, path: str, kind: str = "settings") -> Page:
        """A page that needs the session; one automatic re-login if the session died."""
        page = self._get(path, kind=kind)
        if login_form(page) is None:
            self._fresh_login = False
            return page
        if self._credentials is None:
            raise SessionExpired()
        just_logged_in = self._fresh_login
        log.info("administrator session ended; logging in again")
        self._login()
        page = self._get(path, kind=kind)
        if login_form(page) is not None:
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
            finder = fax_link if part == FAX else email_link
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
            return read_email_page(page, self.profile)
        except UnsupportedPage:
            self._capture(page, f"{part}-server")
            raise

    def _menu_pages(self) -> list[Page]:
        """The advanced frameset and its frames, read with the session."""
        top = self._protected(ADVANCED_TOP, kind="menu")
        self._advanced_pages = [top] + [
            self._protected(url, kind="menu") for url in menu_frames(top)
        ]
        return self._advanced_pages

    # --- writing: sign-in relay, save, verify, restore --------------------------------

    def wrote(self, part: str = EMAIL) -> bool:
        """Whether the first write to `part` has been sent (DESIGN.md "First write")."""
        return part in self._written

    @_whole
    def backup(self, part: str = EMAIL) -> EmailPage:
        """Read and keep the form before anything is written to it."""
        self._backups[part] = self.read_email_page(part)
        self._written.discard(part)
        return self._backups[part]

    @_whole
    def start_sign_in(self, service: Service, part: str = EMAIL) -> SignInCode:
        """Choose OAuth2 and the service and press Sign In; the code the device shows."""
        if part not in self._backups:
            self.backup(part)
        email = self.read_email_page(part)
        changes = self._choices(email, auth_method="oauth2", service=service.value)
        button = find_button(email.form, "sign_in")
        if button is None:
            self._capture(email.page, f"{part}-server")
            raise UnsupportedPage("no Sign In button", page=email.page.url)
        self._written.add(part)
        page = self._submit(email.page, email.form, changes, button, kind="set")
        step = form_with_button(page, "sign_in_microsoft")
        if step is not None:
            page = self._submit(page, step[0], {}, step[1], kind="set")
        try:
            return parse_code_page(page, personal=service is Service.OUTLOOK)
        except SignInFailed as missing:
            raise SignInFailed(message_of(page)) from missing

    def sign_in_progress(self, *, first: bool, expired: bool, part: str = EMAIL) -> SignInProgress:
        email = self.read_email_page(part, kind="poll")
        state_text, _ = state_line(email.page)
        progress = interpret_state(
            state_text, first=first, expired=expired, states=self.profile.state_table()
        )
        if progress.state is SignInState.SIGNED_IN and progress.account is None:
            return SignInProgress(SignInState.SIGNED_IN, email.settings.account, state_text)
        return progress

    @_whole
    def commit(self, wanted: EmailSettings, part: str = EMAIL) -> EmailSettings:
        """Press OK with the settings the service needs; success is decided by reading back.
        OK is a write like Sign In: a save retried after a restore must be put back too."""
        if part not in self._backups:
            self.backup(part)
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
        button = find_button(email.form, "ok") or first_button(email.form)
        self._written.add(part)
        try:
            answer = self._submit(email.page, email.form, changes, button, kind="set", commit=True)
        except Unreachable:
            # Some settings make the device restart on OK ("Shutting down"); after a restart
            # nothing is pending any more, so what the page shows is what was saved.
            log.info("the printer went away while saving; waiting for it")
            settings = self._read_after_restart(part)
            if mismatch(settings, wanted) is None:
                return settings
            raise CommitFailed("the printer restarted while saving") from None
        message = message_of(answer)
        completed = labels.contains_phrase(message, labels.ANSWERS["setup_complete"])
        if not completed and labels.contains_phrase(message, labels.ANSWERS["refused"]):
            # The form may still show the pending values: an error answer is a failure.
            raise CommitFailed(message)
        settings = self.read_email_settings(part)
        field = mismatch(settings, wanted)
        if field is not None:
            raise VerifyMismatch(field=field)
        return settings

    @_whole
    def restore(self, part: str = EMAIL) -> None:
        """Resubmit the form as it was before the first write (DESIGN.md "First write")."""
        backup = self._backups.get(part)
        if part not in self._written or backup is None:
            return
        self._read_after_restart(part)
        email = self.read_email_page(part)
        values = backup_values(backup)
        changes = {name: value for name, value in values.items() if name in email.form.controls}
        for name, control in email.form.controls.items():
            if control.kind == "checkbox" and name not in changes:
                changes[name] = None
        button = find_button(email.form, "ok") or first_button(email.form)
        self._submit(email.page, email.form, changes, button, kind="set", commit=True)
        if self.read_email_settings(part).auth_method != backup.settings.auth_method:
            raise CommitFailed("the previous settings could not be put back")
        self._written.discard(part)

    def connection_test(self) -> bool | None:
        """The device's own test: True, False, or None where it has none or says something
        the driver does not know (DESIGN.md "Connection test")."""
        pinned = self.profile.pages.get("connection_test")
        links = [link for page in self._advanced_pages for link in page.links()]
        link = find_link(links, "connection_test", "email_server")
        if pinned is None and link is None:
            return None
        page = self._protected(self.transport.url(pinned) if pinned else link.href, kind="test")
        found = form_with_button(page, "start") or form_with_button(page, "ok")
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
        """A redacted copy of a page the driver could not read, for support: without the
        credentials and serial, nor any secret registered for the log (a sign-in code the page
        may still show)."""
        folder = paths.ensure(paths.current().captures_dir)
        secrets = [*(self._credentials or ()), self.device.serial if self.device else None]
        secrets += logs.known_secrets()
        target = folder / f"{time.strftime('%Y%m%d-%H%M%S')}-{name}.html"
        target.write_text(redact_html(str(page.soup), secrets), encoding="utf-8")
        log.warning("saved a redacted copy of the %s page as %s", name, target.name)
