"""Epson's procedure (seed, steps 1–12) done by a plain `requests` client that knows no page
id and no field name — only what facts/epson-web-config.md fixes (the frameset address, the
frame names, the login cookie) and the guide's visible words in English and Italian.

It finds the Email Server page by following the menu frame to the "Basic" link whose group
is "Email Server", fields by their labels (`<label for>` or the `dt`/`th` before them),
options by their visible text, buttons by their labels — the working assumptions the driver
shares. It exists to prove the simulator can be driven that way on every variant; it is not
the product's driver.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

import requests
from requests.adapters import HTTPAdapter

# The guide's words (seed/ Italian edition, facts' English table) — not the simulator's table.
WORDS = {
    "en": {
        "network": "Network",
        "email_server": "Email Server",
        "basic": "Basic",
        "auth_method": "Authentication Method",
        "email_service": "Email Service",
        "sign_in": "Sign In",
        "sign_in_microsoft": "Sign in with Microsoft",
        "signed_in": "Signed in",
        "not_signed_in": "Not signed in",
        "current_status": "Current Status",
        "log_in": "Log in",
        "complete": "Setup complete.",
        "code": "Code",
        "account": "Account",
    },
    "it": {
        "network": "Rete",
        "email_server": "Server e-mail",
        "basic": "Di base",
        "auth_method": "Metodo autenticazione",
        "email_service": "Servizio e-mail",
        "sign_in": "Accedi",
        "sign_in_microsoft": "Accedi con Microsoft",
        "signed_in": "Accesso effettuato",
        "not_signed_in": "Accesso non effettuato",
        "current_status": "Stato corrente",
        "log_in": "Accedi",
        "complete": "Impostazione completata.",
        "code": "Codice",
        "account": "Account",
    },
}
SERVICES = {"exchange": "Microsoft Exchange Online", "outlook": "Outlook.com"}
_VOID = {"input", "meta", "br", "frame", "link", "img", "hr"}
_TIMEOUT = (3.0, 10.0)
_CODE = re.compile(r"\b[A-Z0-9]{8,9}\b")


class ProcedureError(AssertionError):
    """The page did not offer what the guide says; the message tells which step."""


# a tiny DOM, enough for forms, labels and menus


@dataclass
class Node:
    tag: str
    attrs: dict[str, str]
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)

    def elements(self) -> list[Node]:
        return [child for child in self.children if isinstance(child, Node)]

    def walk(self) -> list[Node]:
        out: list[Node] = []
        for child in self.elements():
            out.append(child)
            out.extend(child.walk())
        return out

    def find_all(self, *tags: str) -> list[Node]:
        return [node for node in self.walk() if node.tag in tags]

    def text(self) -> str:
        parts = [c if isinstance(c, str) else c.text() for c in self.children]
        return " ".join(" ".join(parts).replace("\xa0", " ").split())

    def contains(self, other: Node) -> bool:
        node: Node | None = other
        while node is not None:
            if node is self:
                return True
            node = node.parent
        return False


class _Builder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {})
        self.current = self.root

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, {k: v or "" for k, v in attrs}, self.current)
        self.current.children.append(node)
        if tag not in _VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, {k: v or "" for k, v in attrs}, self.current))

    def handle_endtag(self, tag: str) -> None:
        node: Node | None = self.current
        while node is not None and node.tag != tag:
            node = node.parent
        if node is not None and node.parent is not None:
            self.current = node.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(page: str) -> Node:
    builder = _Builder()
    builder.feed(page)
    builder.close()
    return builder.root


def clean(label: str) -> str:
    """A label without Epson's decorations: spaces, `&nbsp;`, trailing colons."""
    return " ".join(label.replace("\xa0", " ").split()).rstrip(": ").strip()


# the client


class _FingerprintAdapter(HTTPAdapter):
    """Verifies the chain against the device's own certificate file, then pins its SHA-256
    (the device's certificate names the device, not the address, so host names can't match)."""

    def __init__(self, fingerprint: str) -> None:
        self._fingerprint = fingerprint.replace(":", "").lower()
        super().__init__()

    def init_poolmanager(self, *args: object, **kwargs: object) -> None:
        kwargs["assert_fingerprint"] = self._fingerprint
        super().init_poolmanager(*args, **kwargs)  # type: ignore[arg-type]


def device_session(cert_file: Path, fingerprint: str) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.verify = str(cert_file)
    session.mount("https://", _FingerprintAdapter(fingerprint))
    return session


@dataclass
class Field:
    name: str
    kind: str
    """"select", "radio", "text", "password", "checkbox", "hidden"."""
    options: dict[str, str] = field(default_factory=dict)
    """Visible text → value, for choices."""


@dataclass
class Form:
    action: str
    node: Node
    url: str

    def labelled(self) -> dict[str, Node]:
        """Label text → the control it names (label-for, or dt/th before dd/td)."""
        found: dict[str, Node] = {}
        by_id = {n.attrs["id"]: n for n in self.node.walk() if "id" in n.attrs}
        for label in self.node.find_all("label"):
            target = by_id.get(label.attrs.get("for", ""))
            if target is None:
                continue
            if target.attrs.get("type") == "radio" and not _in_header_cell(label):
                continue  # a radio's own label names its option, not the field
            found.setdefault(clean(label.text()), target)
        for cell in self.node.find_all("dt", "th"):
            value_cell = _next_cell(cell)
            controls = value_cell.find_all("input", "select") if value_cell else []
            if controls:
                found.setdefault(clean(cell.text()), controls[0])
        return found

    def field(self, label: str) -> Field | None:
        control = self.labelled().get(label)
        if control is None:
            return None
        name = control.attrs.get("name", "")
        if control.tag == "select":
            options = {
                clean(o.text()): o.attrs.get("value", o.text()) for o in control.find_all("option")
            }
            return Field(name, "select", options)
        if control.attrs.get("type") == "radio":
            return Field(name, "radio", _radio_options(self, name))
        return Field(name, control.attrs.get("type", "text"))

    def button(self, label: str) -> Node | None:
        for node in self.node.find_all("input", "button"):
            if node.tag == "input" and node.attrs.get("type") != "submit":
                continue
            shown = node.attrs.get("value", "") if node.tag == "input" else node.text()
            if clean(shown) == label:
                return node
        return None

    def values(self) -> dict[str, str]:
        """What a browser would send without any button: the successful controls."""
        data: dict[str, str] = {}
        for node in self.node.find_all("input", "select"):
            name = node.attrs.get("name")
            kind = node.attrs.get("type", "text")
            if not name or kind == "submit":
                continue
            if node.tag == "select":
                chosen = [
                    o for o in node.find_all("option") if "selected" in o.attrs
                ] or node.find_all("option")[:1]
                if chosen:
                    data[name] = chosen[0].attrs.get("value", chosen[0].text())
            elif kind in ("radio", "checkbox"):
                if "checked" in node.attrs:
                    data[name] = node.attrs.get("value", "on")
            else:
                data[name] = node.attrs.get("value", "")
        return data

    def submit(
        self, session: requests.Session, clicked: Node, changes: dict[str, str]
    ) -> requests.Response:
        data = {**self.values(), **changes}
        if clicked.attrs.get("name"):
            data[clicked.attrs["name"]] = clicked.attrs.get("value", "")
        target = urljoin(self.url, clicked.attrs.get("formaction") or self.action)
        return session.post(target, data=data, timeout=_TIMEOUT, allow_redirects=False)


def _in_header_cell(node: Node) -> bool:
    return node.parent is not None and node.parent.tag in ("dt", "th")


def _radio_options(form: Form, name: str) -> dict[str, str]:
    by_id = {
        n.attrs.get("id"): n for n in form.node.find_all("input") if n.attrs.get("name") == name
    }
    options = {}
    for label in form.node.find_all("label"):
        radio = by_id.get(label.attrs.get("for"))
        if radio is not None and not _in_header_cell(label):
            options[clean(label.text())] = radio.attrs.get("value", "")
    return options


def _next_cell(cell: Node) -> Node | None:
    siblings = cell.parent.elements() if cell.parent else []
    index = siblings.index(cell)
    for node in siblings[index + 1 :]:
        if node.tag in ("dd", "td"):
            return node
        if node.tag in ("dt", "th"):
            return None
    return None


def forms(page: str, url: str) -> list[Form]:
    root = parse(page)
    return [Form(node.attrs.get("action", url), node, url) for node in root.find_all("form")]


def row_value(page: str, label: str) -> str | None:
    """The text beside a label in any dl/table (status line, code, account)."""
    root = parse(page)
    for cell in root.find_all("dt", "th"):
        if clean(cell.text()) == label:
            value = _next_cell(cell)
            return value.text() if value is not None else None
    return None


@dataclass
class Outcome:
    oauth2: bool
    language: str = ""
    account: str | None = None
    user_code: str = ""
    verification_uri: str = ""
    email_page: str = ""
    requests: int = 0


class Procedure:
    """Steps 1–12 against one simulated (or, in principle, real) device."""

    def __init__(self, http_url: str, cert_file: Path, fingerprint: str, password: str) -> None:
        self.http_url = http_url
        self.session = device_session(cert_file, fingerprint)
        self.password = password
        self.base = ""
        self.words: dict[str, str] = {}
        self.language = ""

    def close(self) -> None:
        self.session.close()

    def get(self, url: str) -> requests.Response:
        answer = self.session.get(url, timeout=_TIMEOUT, allow_redirects=True)
        answer.raise_for_status()
        return answer

    # step 1: open Web Config (settle the scheme first, then call HTTPS directly)

    def open(self) -> str:
        with requests.Session() as plain:
            plain.trust_env = False
            answer = plain.get(self.http_url + "/", timeout=_TIMEOUT, allow_redirects=False)
        if answer.status_code != 307:
            raise ProcedureError(f"HTTP answered {answer.status_code}, not a 307 to HTTPS")
        location = answer.headers["Location"]
        self.base = location.split("/", 3)[0] + "//" + location.split("/", 3)[2]
        frameset = self.get(self.base + "/PRESENTATION/ADVANCED/COMMON/TOP").text
        frames = {
            f.attrs.get("name"): f.attrs.get("src", "") for f in parse(frameset).find_all("frame")
        }
        if not {"HEADER", "MENU", "CONTENTS"} <= set(frames):
            raise ProcedureError(f"frameset without HEADER/MENU/CONTENTS: {sorted(frames)}")
        menu = self.get(urljoin(self.base + "/", frames["MENU"])).text
        self.language = self._language(menu)
        self.words = WORDS[self.language]
        self.header_url = urljoin(self.base + "/", frames["HEADER"])
        return menu

    def _language(self, menu: str) -> str:
        texts = {node.text() for node in parse(menu).walk()}
        for language, words in WORDS.items():
            if words["email_server"] in texts and words["network"] in texts:
                return language
        raise ProcedureError("menu in neither English nor Italian")

    # step 2: log in as administrator

    def log_in(self) -> None:
        header = parse(self.get(self.header_url).text)
        links = [a for a in header.find_all("a") if clean(a.text()) == self.words["log_in"]]
        if not links:
            raise ProcedureError("no log-in link in the header frame")
        url = urljoin(self.header_url, links[0].attrs["href"])
        page = self.get(url)
        self._submit_login(page.text, page.url)

    def _submit_login(self, page: str, url: str) -> None:
        login = [
            f
            for f in forms(page, url)
            if any(n.attrs.get("type") == "password" for n in f.node.find_all("input"))
        ]
        if not login:
            raise ProcedureError("no login form")
        form = login[0]
        password = next(n for n in form.node.find_all("input") if n.attrs.get("type") == "password")
        submit = next(
            n
            for n in form.node.find_all("input", "button")
            if n.attrs.get("type", "submit") == "submit"
        )
        answer = form.submit(self.session, submit, {password.attrs["name"]: self.password})
        if "EPSON_COOKIE_SESSION" not in self.session.cookies:
            raise ProcedureError(f"login failed: {parse(answer.text).text()[:200]}")

    # step 3: Network > Email Server > Basic, through the menu

    def email_page_url(self, menu: str) -> str:
        root = parse(menu)
        for link in root.find_all("a"):
            href = link.attrs.get("href", "")
            if href.startswith("javascript:") or clean(link.text()) != self.words["basic"]:
                continue
            groups = _groups(link)
            if groups[:1] == [self.words["email_server"]] and self.words["network"] in groups:
                return urljoin(self.base + "/", href)
        raise ProcedureError("no Basic link under Network > Email Server")

    def settings_form(self, url: str) -> Form:
        page = self.get(url).text
        for form in forms(page, url):
            if form.field(self.words["auth_method"]) is not None:
                return form
        raise ProcedureError("no form with an Authentication Method field")

    # steps 4–6: OAuth2, the service, Sign In (one or two steps)

    def sign_in(self, url: str, service: str) -> requests.Response:
        form = self.settings_form(url)
        changes = self._oauth_choices(form, service)
        button = form.button(self.words["sign_in"]) or form.button(self.words["sign_in_microsoft"])
        if button is None:
            raise ProcedureError("no Sign In button")
        answer = form.submit(self.session, button, changes)
        for step in forms(answer.text, answer.url or url):
            second = step.button(self.words["sign_in_microsoft"])
            if second is not None:
                return step.submit(self.session, second, {})
        return answer

    def _oauth_choices(self, form: Form, service: str) -> dict[str, str]:
        method = form.field(self.words["auth_method"])
        chosen = form.field(self.words["email_service"])
        if method is None or chosen is None or "OAuth2" not in method.options:
            raise ProcedureError("no OAuth2 option")
        return {
            method.name: method.options["OAuth2"],
            chosen.name: chosen.options[SERVICES[service]],
        }

    def has_oauth2(self, url: str) -> bool:
        method = self.settings_form(url).field(self.words["auth_method"])
        return method is not None and "OAuth2" in method.options

    # step 7: the code and the URL

    def code_and_url(self, page: str) -> tuple[str, str]:
        root = parse(page)
        links = [
            a.attrs["href"]
            for a in root.find_all("a")
            if a.attrs.get("href", "").startswith("https://")
        ]
        shown = row_value(page, self.words["code"]) or ""
        codes = _CODE.findall(shown)
        if not links or not codes:
            raise ProcedureError(f"no code or URL on the answer: {root.text()[:300]}")
        return codes[0], links[0]

    # step 11: wait for "Signed in"

    def wait_signed_in(self, url: str, timeout: float = 20.0) -> str:
        deadline = time.monotonic() + timeout
        state = ""
        while time.monotonic() < deadline:
            page = self.get(url).text
            state = row_value(page, self.words["current_status"]) or ""
            if state.startswith(self.words["not_signed_in"]):
                pass
            elif state.startswith(self.words["signed_in"]):
                inline = state.partition(": ")[2]
                return inline or row_value(page, self.words["account"]) or ""
            time.sleep(0.3)
        raise ProcedureError(f"not signed in after {timeout} s; state {state!r}")

    # step 12: OK

    def commit(self, url: str, service: str) -> str:
        form = self.settings_form(url)
        ok = form.button("OK")
        if ok is None:
            raise ProcedureError("no OK button")
        answer = form.submit(self.session, ok, self._oauth_choices(form, service))
        return parse(answer.text).text()


def _groups(link: Node) -> list[str]:
    """The menu groups around a link, innermost first: the label child of each ancestor."""
    groups = []
    node = link
    while node.parent is not None:
        parent = node.parent
        for child in parent.elements():
            if child is node:
                break
            if _is_group_label(child):
                groups.append(clean(child.text()))
                break
        node = parent
    return groups


def _is_group_label(node: Node) -> bool:
    if node.tag in ("span", "dt", "strong", "b"):
        return True
    return node.tag == "a" and node.attrs.get("href", "").startswith("javascript:")


def approve_at_identity(signin_url: str, ca_file: str, user_code: str) -> str:
    """Step 8–11 by the person at a browser: type the code, approve, consent."""
    with requests.Session() as browser:
        browser.trust_env = False
        browser.verify = ca_file
        page = browser.get(signin_url, timeout=_TIMEOUT)
        form = forms(page.text, page.url)[0]
        data = {**form.values(), "code": user_code, "consent": "on", "action": "approve"}
        answer = browser.post(urljoin(page.url, form.action), data=data, timeout=_TIMEOUT)
        return parse(answer.text).text()


def run_procedure(
    http_url: str,
    cert_file: Path,
    fingerprint: str,
    password: str,
    *,
    service: str,
    approve: Callable[[str, str], object],
) -> Outcome:
    """Steps 1–12; `approve(user_code, verification_uri)` completes the sign-in elsewhere."""
    procedure = Procedure(http_url, cert_file, fingerprint, password)
    try:
        menu = procedure.open()
        procedure.log_in()
        url = procedure.email_page_url(menu)
        if not procedure.has_oauth2(url):
            return Outcome(oauth2=False, language=procedure.language, email_page=url)
        answer = procedure.sign_in(url, service)
        user_code, verification_uri = procedure.code_and_url(answer.text)
        approve(user_code, verification_uri)
        account = procedure.wait_signed_in(url)
        done = procedure.commit(url, service)
        if procedure.words["complete"] not in done:
            raise ProcedureError(f"OK did not complete: {done[:200]}")
        read_back = procedure.wait_signed_in(url, timeout=2)
        return Outcome(
            True, procedure.language, read_back or account, user_code, verification_uri, url
        )
    finally:
        procedure.close()


def approver(identity: object, service: str) -> Callable[[str, str], object]:
    """The person at a browser, for `run_procedure`: the identity sign-in page of `service`."""
    signin_url = (
        identity.signin_url_consumers if service == "outlook" else identity.signin_url  # type: ignore[attr-defined]
    )
    ca_file = identity.ca_file  # type: ignore[attr-defined]

    def approve(user_code: str, verification_uri: str) -> object:
        assert verification_uri == signin_url
        return approve_at_identity(signin_url, ca_file, user_code)

    return approve


def logged_in(printer: object) -> tuple[Procedure, str]:
    """Steps 1–3 on a simulated printer: a logged-in client and the Email Server page URL."""
    procedure = Procedure(
        printer.http_url,  # type: ignore[attr-defined]
        printer.cert_file,  # type: ignore[attr-defined]
        printer.fingerprint,  # type: ignore[attr-defined]
        printer.admin_password,  # type: ignore[attr-defined]
    )
    try:
        menu = procedure.open()
        procedure.log_in()
        return procedure, procedure.email_page_url(menu)
    except BaseException:
        procedure.close()
        raise
