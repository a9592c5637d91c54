"""Simulated Epson Web Config: what each request gets, and the HTTP handler that carries it.

The routes follow facts/epson-web-config.md: HTTP answers 307 to HTTPS; status pages and
the frameset need no login; protected pages answer 200 with the login form; settings pages
carry `INPUTT_SETUPTOKEN`, which every SET checks and replaces. The Email Server form holds
what Sign In submitted until OK saves it (working assumption 4); OK answers "Setup
complete." but only re-reading the page shows what was saved. Scenario and fault timing are
documented in app/simulator/device.py and app/simulator/faults.py.
"""

from __future__ import annotations

import re
import socket
import struct
import time
import traceback
from collections.abc import Callable
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler
from urllib.parse import urlsplit

from app.simulator import firmware, pages
from app.simulator.device import Printer
from app.simulator.faults import SILENT_SECONDS, truncate
from app.simulator.forms import MAX_BODY, FormError, parse_body, read_mail_form
from app.simulator.labels import LANGUAGE_NUMBERS, text
from app.simulator.models import Model
from app.simulator.settings import MailSettings
from app.simulator.variants import Variant

SESSION_COOKIE = "EPSON_COOKIE_SESSION"
LANGUAGE_COOKIE = "EPSON_COOKIE_LANG"
SERVER_BANNER = "EPSON-HTTP/1.0"
_LANGUAGE_NUMBER = re.compile(r"lang_b&(\d+)|lang_a&(\d+)")
_LOGIN_FIELD_LIMIT = 20
_DISCARD_LIMIT = 1024 * 1024


@dataclass
class Request:
    method: str
    path: str
    cookies: dict[str, str]
    form: dict[str, str]
    tls: bool


@dataclass
class Response:
    status: int = 200
    body: str = ""
    headers: list[tuple[str, str]] = field(default_factory=list)
    drop: bool = False
    """Close the connection without an answer (the device went down)."""
    after: Callable[[], None] | None = None


@dataclass
class Context:
    """One request as the pages see it: the device, the page language, the session."""

    printer: Printer
    request: Request
    language: str
    logged_in: bool

    @property
    def variant(self) -> Variant:
        return self.printer.layout

    @property
    def model(self) -> Model:
        return self.printer.spec

    def page(self, body: str, status: int = 200) -> Response:
        return Response(status=status, body=body)

    def message(
        self, key: str, back: str | None, *, error: bool = False, **values: str
    ) -> Response:
        return self.page(
            pages.message(
                self.model, self.language, text(key, self.language, **values), back, error=error
            )
        )

    def login_form(self, message_key: str = "") -> Response:
        message = text(message_key, self.language) if message_key else ""
        return self.page(pages.login_form(self.model, self.variant, self.language, message))


def request_kind(printer: Printer, request: Request) -> str:
    """How the request log files this request (see RequestRecord)."""
    path = urlsplit(request.path).path
    parts = path.split("/")
    page_id = parts[3] if len(parts) > 3 and parts[1:3] == ["PRESENTATION", "ADVANCED"] else ""
    layout = printer.layout
    if not request.tls:
        kind = "redirect"
    elif page_id in {layout.email_page, layout.fax_page, layout.signin_page}:
        kind = "set" if request.method == "POST" else _page_read_kind(printer, page_id)
    elif page_id == layout.test_page:
        kind = "test" if request.method == "POST" else "settings"
    elif page_id == "PASSWORD" or path == pages.CONSUMER_LOGIN:
        kind = "login"
    elif page_id in pages.STATUS_PAGES or path.startswith("/PRESENTATION/HTML/"):
        kind = "status"
    else:
        kind = "menu" if page_id == "COMMON" else "other"
    return kind


_HOLD_POINTS = {"status": "reach", "poll": "poll", "test": "test"}


def hold_point(printer: Printer, request: Request, kind: str) -> str | None:
    """The hold point (app/simulator/hold.py) a request of this `kind` is at, if any."""
    if kind == "login":
        return "login" if request.method == "POST" else None
    if kind == "set":
        layout = printer.layout
        parts = urlsplit(request.path).path.split("/")
        signing_in = (
            parts[3] == layout.signin_page
            or layout.signin_button in request.form
            or (layout.signin_action is not None and parts[4:5] == [layout.signin_action])
        )
        return "sign_in" if signing_in else "commit"
    if kind == "settings":
        if printer.writes == 0:
            return "read"
        return "verify" if printer.last_write == "commit" else None
    return _HOLD_POINTS.get(kind)


def _page_read_kind(printer: Printer, page_id: str) -> str:
    sign_in = printer.sign_ins.get("fax" if page_id == printer.layout.fax_page else "email")
    waiting = sign_in is not None and sign_in.code is not None and sign_in.state == "pending"
    return "poll" if waiting else "settings"


def is_settings_page(printer: Printer, path: str) -> bool:
    parts = urlsplit(path).path.split("/")
    layout = printer.layout
    settings = {layout.email_page, layout.fax_page, layout.test_page, layout.signin_page}
    return len(parts) > 3 and parts[1:3] == ["PRESENTATION", "ADVANCED"] and parts[3] in settings


def page_language(printer: Printer, cookies: dict[str, str]) -> str:
    """The device language, or the cookie's where this firmware honours it (never stored)."""
    cookie = cookies.get(LANGUAGE_COOKIE, "")
    if printer.layout.honours_language_cookie and (match := _LANGUAGE_NUMBER.search(cookie)):
        return LANGUAGE_NUMBERS.get(match.group(1) or match.group(2), printer.language)
    return printer.language


def respond(printer: Printer, request: Request) -> Response:
    """The device's answer to one request (faults and latency are the handler's)."""
    if not request.tls:
        location = f"{printer.https_url}{request.path}"
        return Response(status=307, body="", headers=[("Location", location)])
    with printer.lock:
        session = request.cookies.get(SESSION_COOKIE)
        context = Context(
            printer,
            request,
            page_language(printer, request.cookies),
            printer.session_valid(session),
        )
        return _route(context, urlsplit(request.path).path)


def _route(context: Context, path: str) -> Response:
    page = _plain_pages(context).get(path)
    if page is not None:
        return page()
    form, model = context.request.form, context.model
    if context.request.method == "POST":
        if path == pages.LOGIN_SET and not model.consumer_login:
            return _login(context, form.get("INPUTT_PASSWORD"))
        if path == pages.CONSUMER_LOGIN and model.consumer_login:
            return _login(context, form.get("session"))
    return _advanced(context, path)


def _plain_pages(context: Context) -> dict[str, Callable[[], Response]]:
    """Pages that need no login and take no input, by address."""
    model, variant, language = context.model, context.variant, context.language
    home = pages.CONSUMER_INDEX if model.consumer_login else pages.FRAMESET
    return {
        "/": lambda: Response(status=302, headers=[("Location", home)]),
        "/PRESENTATION/BONJOUR": lambda: Response(status=302, headers=[("Location", home)]),
        pages.CONSUMER_INDEX: lambda: context.page(pages.consumer_index(model, language)),
        pages.CONSUMER_PRTINFO: lambda: context.page(
            pages.product_status(model, variant, language)
        ),
        pages.FRAMESET: lambda: context.page(pages.frameset(model, variant, language)),
        variant.header_path: lambda: context.page(pages.header(model, language, context.logged_in)),
        variant.menu_path: lambda: context.page(pages.menu(model, variant, language)),
        pages.LOGIN_PAGE: context.login_form,
        pages.page_url("PASSWORD", "LOGOUT"): lambda: _log_out(context),
    }


def _log_out(context: Context) -> Response:
    context.printer.sessions.pop(context.request.cookies.get(SESSION_COOKIE, ""), None)
    return Response(status=302, headers=[("Location", pages.FRAMESET)])


def _advanced(context: Context, path: str) -> Response:  # noqa: PLR0911 - one per route
    parts = path.split("/")
    if len(parts) != 5 or parts[1:3] != ["PRESENTATION", "ADVANCED"]:
        return _not_found(context)
    page_id, action = parts[3], parts[4]
    model, variant, language = context.model, context.variant, context.language
    if page_id in pages.STATUS_PAGES and action == "TOP":
        return context.page(_status_page(context, page_id))
    if page_id in pages.PLACEHOLDERS and action == "TOP":
        return context.page(pages.placeholder(model, pages.PLACEHOLDERS[page_id], language))
    mail_pages = {variant.email_page: "email"}
    if model.fax:
        mail_pages[variant.fax_page] = "fax"
    known = {*mail_pages, variant.test_page, variant.signin_page}
    if page_id not in known:
        return _not_found(context)
    if not context.logged_in:
        return context.login_form()
    if page_id in mail_pages:
        return _mail_page(context, mail_pages[page_id], action)
    if page_id == variant.test_page:
        return _test_page(context, action)
    return _microsoft_step(context, action)


def _not_found(context: Context) -> Response:
    return Response(
        status=404,
        body=pages.message(
            context.model,
            context.language,
            text("not_found", context.language),
            pages.FRAMESET,
            error=True,
        ),
    )


def _status_page(context: Context, page_id: str) -> str:
    model, variant, language = context.model, context.variant, context.language
    if page_id == "INFO_NWINFO":
        return pages.network_status(model, variant, language, _interfaces(context.printer))
    if page_id == "INFO_MENTINFO":
        return pages.maintenance(model, variant, language)
    if page_id == "INFO_BEHAVIORINFO":
        return pages.hardware_status(model, variant, language)
    return pages.product_status(model, variant, language)


def _interfaces(printer: Printer) -> list[pages.Interface]:
    served = pages.Interface(f"{printer.interface}_network", printer.host, served=True)
    if not printer.spec.additional_network:
        return [served]
    other_key = "standard_network" if printer.interface == "additional" else "additional_network"
    other = pages.Interface(other_key, "127.0.0.2", served=False)
    return sorted([served, other], key=lambda item: item.key != "standard_network")


# logging in


def _login(context: Context, password: str | None) -> Response:
    printer, form = context.printer, context.request.form
    if printer.scenario == "locked-out" or printer.locked_until > _now():
        return context.login_form("locked_out")
    if printer.scenario != "wrong-password" and _credentials_ok(context, form, password):
        printer.login_failures = 0
        return _logged_in(context)
    printer.login_failures += 1
    if printer.scenario == "ok" and printer.login_failures >= context.variant.lockout_threshold:
        printer.locked_until = _now() + printer.lockout_seconds
        printer.login_failures = 0
        return context.login_form("locked_out")
    return context.login_form("wrong_password")


def _credentials_ok(context: Context, form: dict[str, str], password: str | None) -> bool:
    if password is None or len(password) > _LOGIN_FIELD_LIMIT:
        return False
    if context.model.consumer_login:
        return password == context.printer.admin_password and form.get("trigger") == "set"
    if len(form.get("INPUTT_USERNAME", "")) > _LOGIN_FIELD_LIMIT:
        return False
    if context.variant.login_fields == "accessmethod":
        session_ok = form.get("INPUTT_ACCSESSMETHOD") == "0"
    else:
        session_ok = form.get("SEL_SESSIONTYPE") == "ADMIN"
    user_ok = form.get("INPUTT_USERNAME", "") in ("", "admin")
    return session_ok and user_ok and password == context.printer.admin_password


def _logged_in(context: Context) -> Response:
    value = context.printer.new_session()
    if context.model.consumer_login:
        cookie = f"{SESSION_COOKIE}=session&{_uuid(value)}"
        context.printer.sessions[f"session&{_uuid(value)}"] = context.printer.sessions.pop(value)
        return Response(
            status=302,
            headers=[
                ("Set-Cookie", f"{cookie}; Path=/; Secure; HttpOnly"),
                ("Location", pages.CONSUMER_INDEX),
            ],
        )
    response = context.message("logged_in", pages.FRAMESET)
    response.headers.append(("Set-Cookie", f"{SESSION_COOKIE}={value}; Path=/; Secure; HttpOnly"))
    return response


def _uuid(hex32: str) -> str:
    return f"{hex32[:8]}-{hex32[8:12]}-{hex32[12:16]}-{hex32[16:20]}-{hex32[20:32]}"


# the Email Server page and the fax server's


def _mail_page(context: Context, page: str, action: str) -> Response:  # noqa: PLR0911 - one per outcome
    variant, method = context.variant, context.request.method
    page_id = variant.email_page if page == "email" else variant.fax_page
    if method == "GET" and action == "TOP":
        response = context.page(
            pages.mail_form(context.model, variant, context.language, _view(context, page, page_id))
        )
        _maybe_expire_session(context)
        return response
    if method != "POST" or action not in ("SET", variant.signin_action):
        return _not_found(context)
    problem = _check_token(context)
    if problem is not None:
        return problem
    back = pages.page_url(page_id)
    form = context.request.form
    signing_in = variant.signin_button in form or (
        variant.signin_action is not None and action == variant.signin_action
    )
    if not signing_in and variant.ok_button is not None and variant.ok_button not in form:
        return context.message("stale_token", back, error=True)
    try:
        values = read_mail_form(form, variant, context.model, context.printer.stored[page])
    except FormError as bad:
        return context.message(
            "invalid_input", back, error=True, item=text(bad.label_key, context.language)
        )
    if signing_in:
        return _sign_in(context, page, page_id, values)
    return _commit(context, page, page_id, values)


def _view(context: Context, page: str, page_id: str) -> pages.MailView:
    printer = context.printer
    stored = printer.stored[page]
    sign_in = printer.sign_ins[page]
    values = sign_in.form if sign_in is not None else stored
    state: str | None = None
    detail, account = "", None
    if sign_in is not None and sign_in.code is not None:
        state, detail = sign_in.state, sign_in.detail
        account = sign_in.account if state == "signed_in" else None
    elif stored.auth_method == "oauth2" and stored.signed_in:
        state, account = "signed_in", stored.oauth_account
    elif stored.auth_method == "oauth2" or context.variant.idle_state_line:
        state = "not_signed_in"
    token = printer.setup_token if context.model.oauth2 else None
    return pages.MailView(
        page_id,
        "email_server" if page == "email" else "fax_email",
        values,
        state,
        detail,
        account,
        token,
    )


def _maybe_expire_session(context: Context) -> None:
    if context.printer.fire_once("session-expired"):
        context.printer.sessions.pop(context.request.cookies.get(SESSION_COOKIE, ""), None)


def _check_token(context: Context) -> Response | None:
    """Every SET checks the setup token (old firmware has none) and then replaces it."""
    printer, form = context.printer, context.request.form
    expected = printer.setup_token
    printer.rotate_token()
    extra = context.variant.extra_hidden
    token_ok = not context.model.oauth2 or form.get(pages.TOKEN_FIELD) == expected
    extra_ok = extra is None or form.get(extra[0]) == extra[1]
    if token_ok and extra_ok:
        return None
    return context.message("stale_token", pages.FRAMESET, error=True)


def _sign_in(context: Context, page: str, page_id: str, values: MailSettings) -> Response:
    printer = context.printer
    back = pages.page_url(page_id)
    if values.auth_method != "oauth2":
        return context.message("select_oauth2", back, error=True)
    if printer.interface == "additional":
        return context.message("additional_no_oauth", back, error=True)
    if printer.microsoft is None:
        return context.message("identity_unreachable", back, error=True)
    printer.faults.note_write()
    printer.last_write = "sign_in"
    previous = printer.sign_ins[page]
    if previous is not None:
        previous.cancel()
    printer.sign_ins[page] = firmware.SignIn(printer.microsoft, values.service, values)
    if context.variant.two_step:
        return context.page(
            pages.signin_step(
                context.model, context.variant, context.language, page_id, printer.setup_token
            )
        )
    return _start_sign_in(context, page, page_id)


def _start_sign_in(context: Context, page: str, page_id: str) -> Response:
    sign_in = context.printer.sign_ins[page]
    back = pages.page_url(page_id)
    if sign_in is None:
        return context.message("stale_token", back, error=True)
    try:
        code = sign_in.start()
    except firmware.SignInUnavailableError:
        return context.message("identity_unreachable", back, error=True)
    return context.page(
        pages.code_page(
            context.model,
            context.variant,
            context.language,
            page_id,
            verification_uri=code.verification_uri,
            user_code=code.user_code,
            expires_in=code.expires_in,
        )
    )


def _microsoft_step(context: Context, action: str) -> Response:
    """The second step of a two-step sign-in: "Sign in with Microsoft" starts the flow."""
    if context.request.method != "POST" or action != "SET":
        return _not_found(context)
    problem = _check_token(context)
    if problem is not None:
        return problem
    variant = context.variant
    target = context.request.form.get(pages.TARGET_FIELD)
    pages_by_id = {variant.email_page: "email"}
    if context.model.fax:
        pages_by_id[variant.fax_page] = "fax"
    if target not in pages_by_id or pages.MICROSOFT_BUTTON not in context.request.form:
        return context.message("stale_token", pages.FRAMESET, error=True)
    page = pages_by_id[target]
    sign_in = context.printer.sign_ins[page]
    if sign_in is not None and sign_in.code is not None:
        sign_in.cancel()
        context.printer.sign_ins[page] = firmware.SignIn(
            sign_in.microsoft, sign_in.service, sign_in.form
        )
    return _start_sign_in(context, page, target)


def _commit(context: Context, page: str, page_id: str, values: MailSettings) -> Response:
    printer = context.printer
    back = pages.page_url(page_id)
    if printer.fire_once("restart-before-commit"):
        return Response(drop=True, after=printer.restart_in_background)
    if printer.fire_once("commit-refused"):
        return context.message("setup_failed", back, error=True)
    printer.faults.note_write()
    printer.last_write = "commit"
    stored = printer.stored[page]
    sign_in = printer.sign_ins[page]
    saved = _with_sign_in(values, stored, sign_in)
    if printer.fire_once("verify-mismatch"):
        saved.auth_method = stored.auth_method
        saved = _keep_sign_in(saved, stored)
    printer.stored[page] = saved
    printer.persist()
    if sign_in is not None:
        sign_in.cancel()
        printer.sign_ins[page] = None
    return context.message("setup_complete", back)


def _with_sign_in(
    values: MailSettings, stored: MailSettings, sign_in: firmware.SignIn | None
) -> MailSettings:
    """What OK saves: the form, plus the tokens of a finished sign-in for the same service."""
    saved = values.signed_out()
    if values.auth_method != "oauth2":
        return saved
    if sign_in is not None and sign_in.state == "signed_in" and sign_in.service == values.service:
        saved.signed_in = True
        saved.oauth_account = sign_in.account
        saved.access_token = sign_in.access_token
        saved.refresh_token = sign_in.refresh_token
        return saved
    return _keep_sign_in(saved, stored) if stored.service == values.service else saved


def _keep_sign_in(saved: MailSettings, stored: MailSettings) -> MailSettings:
    keep = stored.auth_method == "oauth2" and stored.signed_in and saved.auth_method == "oauth2"
    if not keep:
        return saved.signed_out()
    saved.signed_in = True
    saved.oauth_account = stored.oauth_account
    saved.access_token = stored.access_token
    saved.refresh_token = stored.refresh_token
    return saved


# connection test


def _test_page(context: Context, action: str) -> Response:
    printer = context.printer
    if context.request.method == "GET" and action == "TOP":
        token = printer.setup_token if context.model.oauth2 else None
        response = context.page(
            pages.test_page(context.model, context.variant, context.language, token)
        )
        _maybe_expire_session(context)
        return response
    if context.request.method != "POST" or action != "SET":
        return _not_found(context)
    problem = _check_token(context)
    if problem is not None:
        return problem
    result = _run_test(printer)
    return context.page(pages.test_result(context.model, context.variant, context.language, result))


def _run_test(printer: Printer) -> str:
    microsoft = printer.microsoft
    if microsoft is None or printer.scenario == "connection-test-fails":
        return "test_smtp_comm"
    return firmware.connection_test(printer.stored["email"].copy(), microsoft)


def _now() -> float:
    return time.monotonic()


# the HTTP handler


class WebConfigHandler(BaseHTTPRequestHandler):
    """Transport: latency, faults, body limits, Epson's banner; pages come from `respond`."""

    protocol_version = "HTTP/1.1"
    server_version = SERVER_BANNER
    timeout = 60

    @property
    def printer(self) -> Printer:
        return self.server.printer  # type: ignore[attr-defined]

    def version_string(self) -> str:
        return SERVER_BANNER

    def do_GET(self) -> None:
        self._serve("GET")

    def do_POST(self) -> None:
        self._serve("POST")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: an access log would carry codes in query strings and cookies."""

    def _serve(self, method: str) -> None:
        printer = self.printer
        tls = getattr(self.server, "tls", None) is not None
        body = self._read_body()
        if body is None:
            return
        try:
            form = parse_body(body) if method == "POST" else {}
        except ValueError:
            form = None
        request = Request(
            method, self.path, _cookies(self.headers.get_all("Cookie") or []), form or {}, tls
        )
        if printer.stopping.wait(printer.latency):
            return
        fault = printer.faults.strike() if tls and is_settings_page(printer, self.path) else None
        kind = request_kind(printer, request)
        printer.record(method, urlsplit(self.path).path, kind, fault)
        if fault is not None:
            self._play_fault(fault, request)
            return
        hold = printer.hold
        if hold is not None and not hold.take(hold_point(printer, request, kind)):
            hold = None
        if hold is not None and not hold.after:
            hold.wait(printer.stopping)
            if printer.stopping.is_set():
                return  # switched off while held: nothing done, the connection closes
        response = self._answer(request, form is None)
        if hold is not None and hold.after:
            hold.wait(printer.stopping)
            if printer.stopping.is_set():
                return  # switched off after acting: the answer never leaves
        if response.drop:
            self.close_connection = True
        else:
            self._send(response.status, response.body.encode(), response.headers)
        if response.after is not None:
            response.after()

    def _answer(self, request: Request, malformed: bool) -> Response:
        printer = self.printer
        language = page_language(printer, request.cookies)
        if malformed:
            return Response(
                body=pages.message(
                    printer.spec,
                    language,
                    text("invalid_input", language, item="-"),
                    pages.FRAMESET,
                    error=True,
                )
            )
        try:
            return respond(printer, request)
        except Exception as error:  # a device answers, never with a traceback
            printer.internal_errors.append("".join(traceback.format_exception_only(error)).strip())
            return Response(
                body=pages.message(
                    printer.spec,
                    language,
                    text("setup_failed", language),
                    pages.FRAMESET,
                    error=True,
                )
            )

    def _read_body(self) -> bytes | None:
        raw = self.headers.get("Content-Length", "0") or "0"
        length = int(raw) if raw.isdigit() else -1
        if 0 <= length <= MAX_BODY:
            return self.rfile.read(length)
        if MAX_BODY < length <= _DISCARD_LIMIT:
            self.rfile.read(length)  # read it all, or closing would reset the answer away
        language = self.printer.language
        page = pages.message(
            self.printer.spec, language, text("request_too_large", language), None, error=True
        )
        self.close_connection = True
        self._send(413, page.encode(), [("Connection", "close")])
        return None

    def _send(self, status: int, body: bytes, headers: list[tuple[str, str]]) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-cache")
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _play_fault(self, fault: str, request: Request) -> None:
        printer = self.printer
        language = page_language(printer, request.cookies)
        if fault == "http-500":
            self._send(500, pages.error_500(language).encode(), [])
        elif fault == "silent":
            self.close_connection = True
            printer.stopping.wait(SILENT_SECONDS)
        elif fault == "truncated-page":
            self.close_connection = True
            self._send(200, truncate(self._page_shown(request)), [("Connection", "close")])
        else:
            self._reset(self._page_shown(request))

    def _page_shown(self, request: Request) -> bytes:
        """The page's TOP as a GET shows it: a struck request must change nothing."""
        path = "/".join([*urlsplit(request.path).path.split("/")[:4], "TOP"])
        shown = Request("GET", path, request.cookies, {}, request.tls)
        return respond(self.printer, shown).body.encode()

    def _reset(self, body: bytes) -> None:
        """Headers and half the body, then a TCP reset (linger 0 makes close send RST)."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body[: len(body) // 2])
        self.wfile.flush()
        time.sleep(0.05)  # let the headers and half the page reach the client first
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        raise ConnectionResetError("simulated reset mid-page")


def _cookies(lines: list[str]) -> dict[str, str]:
    """Cookie headers read by hand: Epson's values hold `&` and `/`, which SimpleCookie rejects."""
    cookies: dict[str, str] = {}
    for line in lines:
        for part in line.split(";"):
            name, sep, value = part.strip().partition("=")
            if sep and name:
                cookies.setdefault(name, value.strip('"'))
    return cookies
