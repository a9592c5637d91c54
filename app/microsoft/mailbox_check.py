"""The mailbox check: sign in as the sending mailbox, then authenticate to Microsoft's SMTP.

One implementation for the command line (`check-mailbox`) and the wizard's `mailboxPage`.
It tells, before the printer is touched, whether this mailbox can send with OAuth2: SMTP AUTH
disabled for tenant or mailbox, security defaults, Conditional Access, a shared mailbox,
send-as. No client ID configured → `NoClientId`, before any network traffic.

The steps block; run them in a worker thread. `cancel()` works from any thread and makes the
running step end with `Cancelled` within about a second (a sign-in that completed just before
wins: MSAL's answer is the truth). Each `MailboxCheck` is one attempt: for a new code make a
new one (a fresh MSAL application, as a retry needs).

    check = MailboxCheck(settings)
    code = check.start()       # DeviceCode → show user_code, verification_uri, expires_at
    account = check.follow()   # the person signed in (or an error)
    result = check.probe()     # refresh token + SMTP AUTH XOAUTH2 + MAIL FROM (no mail sent)
    check.close()              # tokens dropped (also done by probe() and on any error)

or `check.run(on_event)` for all of it with `device_code`, `signed_in`, `mailbox_ok` events,
or `await check.run_async(on_event)`, which runs `run` in a thread (`asyncio.to_thread`),
delivers the events on the event loop's thread and turns the task's cancellation into
`cancel()`. A Qt page drives the same object: `start`/`follow`/`probe` in a worker, `cancel`
from the UI thread.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from app import errors, logs
from app.errors import MAILBOX_DIFFERS, ConfigInvalid

log = logging.getLogger(__name__)

Service = Literal["exchange", "outlook"]
SERVICES: tuple[Service, ...] = ("exchange", "outlook")
OnEvent = Callable[[str, dict[str, Any]], None]


@dataclass(frozen=True)
class MailboxSettings:
    """Where the check signs in and which SMTP server it probes."""

    service: Service
    client_id: str
    authority: str
    smtp_host: str
    smtp_port: int
    ca_file: str | None = None
    """Trusted for both the identity platform's HTTPS and the SMTP server's STARTTLS; None:
    the system's trust."""
    smtp_timeout: float = 20.0

    @property
    def personal(self) -> bool:
        return self.service == "outlook"


def load_settings(
    service: str,
    *,
    client_id: str | None = None,
    authority: str | None = None,
    smtp: str | None = None,
    ca_file: str | None = None,
) -> MailboxSettings:
    """The settings in force (app.config), command-line values winning; `ConfigInvalid` for a
    value that cannot work. Never raises for a missing client ID: `start()` says that."""
    from app import config
    from app.microsoft.smtp_probe import parse_server

    if service not in SERVICES:
        raise ConfigInvalid(f"unknown service {service!r}", setting="--service")
    authority_key, smtp_key = f"mailbox.authority_{service}", f"mailbox.smtp_{service}"
    settings = config.load(
        {"mailbox.client_id": client_id, authority_key: authority, smtp_key: smtp}
    )
    authority_url = str(settings[authority_key]).strip()
    if not authority_url.lower().startswith("https://") or len(authority_url) <= len("https://"):
        raise ConfigInvalid("the authority must be an https:// URL", setting=authority_key)
    try:
        host, port = parse_server(str(settings[smtp_key]))
    except ValueError as exc:
        raise ConfigInvalid(str(exc), setting=smtp_key) from None
    if ca_file is not None:
        from pathlib import Path

        if not Path(ca_file).is_file():
            raise ConfigInvalid(f"no such file: {ca_file}", setting="--ca-file")
    return MailboxSettings(
        service=service,  # type: ignore[arg-type]
        client_id=str(settings["mailbox.client_id"]).strip(),
        authority=authority_url,
        smtp_host=host,
        smtp_port=port,
        ca_file=ca_file,
        smtp_timeout=float(settings["mailbox.smtp_timeout"]),
    )


@dataclass(frozen=True)
class MailboxResult:
    """A passed check: the account that authenticated, to compare with the printer's later."""

    account: str
    service: Service
    smtp_server: str
    test_message_to: str | None = None


def compare_accounts(checked: str | None, printer_account: str | None) -> dict[str, Any] | None:
    """The fields of a `mailbox_differs` warning when the printer signed in as another account
    than the mailbox checked; None when they match or either is unknown. Pure."""
    if not checked or not printer_account:
        return None
    if checked.strip().casefold() == printer_account.strip().casefold():
        return None
    return MAILBOX_DIFFERS.event(checked=checked.strip(), account=printer_account.strip())


class MailboxCheck:
    """One mailbox check (see the module docstring)."""

    def __init__(self, settings: MailboxSettings, *, test_recipient: str | None = None) -> None:
        self.settings = settings
        self.test_recipient = (test_recipient or "").strip() or None
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._sign_in: Any = None  # DeviceSignIn, imported lazily (msal is heavy)
        self._probe: Any = None  # SmtpProbe
        self._signed_in: Any = None  # SignedIn: the access token lives here until probe()
        self.account: str | None = None

    @property
    def cancelled(self) -> bool:
        return self._stop.is_set()

    def cancel(self) -> None:
        """Any thread, any time, idempotent: the running step ends with `Cancelled`."""
        self._stop.set()
        with self._lock:
            parts = (self._sign_in, self._probe)
        for part in parts:
            if part is not None:
                part.cancel()

    def start(self) -> Any:
        """Builds the sign-in and gets a device code (`identity.DeviceCode`). Blocks.

        `NoClientId` without a client ID, before anything touches the network."""
        if not self.settings.client_id:
            raise errors.NoClientId()
        self._check_stop()
        from app.microsoft.identity import DeviceSignIn

        sign_in = DeviceSignIn(
            self.settings.client_id,
            self.settings.authority,
            ca_file=self.settings.ca_file,
            personal=True if self.settings.personal else None,
        )
        with self._lock:
            self._sign_in = sign_in
        if self._stop.is_set():
            sign_in.cancel()
        try:
            code = sign_in.start()
        except BaseException:
            self.close()
            raise
        logs.forget_later(code.user_code)
        log.debug("mailbox check: code for %s until %s", code.verification_uri, code.expires_at)
        return code

    def follow(self) -> str:
        """Waits for the person to sign in; returns the account. Blocks until the answer,
        the code's expiry (`CodeExpired`) or `cancel()`."""
        sign_in = self._require_sign_in()
        try:
            self._check_stop()
            self._signed_in = sign_in.follow()
        except BaseException:
            self.close()
            raise
        self.account = self._signed_in.account
        return self.account

    def probe(self) -> MailboxResult:
        """Confirms the refresh token, then the SMTP probe; tokens are dropped either way."""
        sign_in = self._require_sign_in()
        if self._signed_in is None:
            raise RuntimeError("follow() first")
        from app.microsoft.smtp_probe import SmtpProbe

        try:
            signed_in = sign_in.refresh()
            self._signed_in = None
            probe = SmtpProbe(
                self.settings.smtp_host,
                self.settings.smtp_port,
                ca_file=self.settings.ca_file,
                timeout=self.settings.smtp_timeout,
            )
            with self._lock:
                self._probe = probe
            self._check_stop()
            outcome = probe.run(
                signed_in.account, signed_in.access_token, test_recipient=self.test_recipient
            )
        finally:
            self.close()
        return MailboxResult(
            account=outcome.account,
            service=self.settings.service,
            smtp_server=probe.server,
            test_message_to=outcome.test_message_to,
        )

    def run(self, on_event: OnEvent | None = None) -> MailboxResult:
        """The whole check, blocking; events in the calling thread."""
        emit = on_event or (lambda _event, _fields: None)
        try:
            code = self.start()
            emit("device_code", code.event_fields())
            account = self.follow()
            emit("signed_in", {"account": account})
            result = self.probe()
            emit("mailbox_ok", {"account": result.account})
            return result
        finally:
            self.close()

    async def run_async(self, on_event: OnEvent | None = None) -> MailboxResult:
        """`run` in a worker thread; events delivered on this event loop's thread. Cancelling
        the awaiting task cancels the check and waits (about a second) for the thread."""
        loop = asyncio.get_running_loop()

        def relay(event: str, fields: dict[str, Any]) -> None:
            if on_event is not None:
                loop.call_soon_threadsafe(on_event, event, fields)

        worker = asyncio.ensure_future(asyncio.to_thread(self.run, relay))
        try:
            return await asyncio.shield(worker)
        except asyncio.CancelledError:
            self.cancel()
            with contextlib.suppress(errors.WizardError):
                await worker
            raise

    def close(self) -> None:
        """Drops tokens and connections; safe to call more than once, from the worker."""
        self._signed_in = None
        with self._lock:
            sign_in, self._sign_in = self._sign_in, None
            self._probe = None
        if sign_in is not None:
            sign_in.close()

    def _require_sign_in(self) -> Any:
        sign_in = self._sign_in
        if sign_in is None:
            self._check_stop()
            raise RuntimeError("start() first")
        return sign_in

    def _check_stop(self) -> None:
        if self._stop.is_set():
            raise errors.Cancelled()


MAX_CODES = 3
"""As `configure` does (DESIGN.md): an expired code is reported and a new one follows, up to 3."""


def command(
    service: str,
    *,
    client_id: str | None = None,
    authority: str | None = None,
    smtp: str | None = None,
    ca_file: str | None = None,
    json_mode: bool = False,
) -> int:
    """`check-mailbox`: events on standard output, the exit status of the registry.

    The check runs in a worker thread; SIGINT and SIGTERM cancel it (exit 8, `cancelled`)
    within about a second. The main thread only waits, so a signal never lands while it holds
    one of the check's locks."""
    import signal

    from app.events import emit_error, for_output

    events = for_output(json_mode)
    try:
        settings = load_settings(
            service, client_id=client_id, authority=authority, smtp=smtp, ca_file=ca_file
        )
    except errors.WizardError as error:
        return emit_error(events, error)

    stop = threading.Event()
    current: list[MailboxCheck] = []

    def on_signal(_signum: int, _frame: object) -> None:
        stop.set()
        if current:
            current[-1].cancel()

    previous = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
    try:
        for attempt in range(1, MAX_CODES + 1):
            check = MailboxCheck(settings)
            current.append(check)
            if stop.is_set():
                check.cancel()
            outcome = _run_in_worker(check, lambda event, fields: events.emit(event, **fields))
            if (
                isinstance(outcome, errors.CodeExpired)
                and attempt < MAX_CODES
                and not stop.is_set()
            ):
                events.emit("warning", **outcome.as_warning())
                continue
            if isinstance(outcome, errors.WizardError):
                return emit_error(events, outcome)
            return errors.EXIT_OK
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return errors.EXIT_OK  # not reached: the last attempt returns


def _run_in_worker(check: MailboxCheck, on_event: OnEvent) -> MailboxResult | errors.WizardError:
    outcome: list[MailboxResult | BaseException] = []

    def work() -> None:
        try:
            outcome.append(check.run(on_event))
        except BaseException as exc:  # handed to the main thread
            outcome.append(exc)

    worker = threading.Thread(target=work, name="mailbox-check", daemon=True)
    worker.start()
    while worker.is_alive():
        worker.join(0.1)
    result = outcome[0]
    if isinstance(result, errors.WizardError | MailboxResult):
        return result
    raise result
