"""Hostile input: whatever a device, a network neighbour or a damaged file hands the product,
it ends in a result or one of the registry's errors — never a traceback, a stall, or traffic to
an address other than the printer's.

Targets (hypothesis, derandomized so CI sees the same inputs every run): the page reading, the
address parser, the settings files (config.toml, a profile, pins.json), the password on
standard input, redirects and form actions a device serves, and the admin URL an mDNS record
announces. Pages beyond the reading's limits (size, elements, depth) and the shapes that used
to take minutes are fixed cases with a generous time ceiling.
"""

from __future__ import annotations

import asyncio
import io
import json
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app import config, paths, small_files
from app.discovery import device_from_txt, probe_address
from app.errors import ConfigInvalid, InvalidAddress, UnsupportedPage, WizardError
from app.headless import UnreadableInput, read_password
from app.printers.address import parse_address
from app.printers.epson import oauth, profile, reading
from app.printers.epson.html import MAX_DEPTH, MAX_ELEMENTS, Page
from app.printers.epson.transport import Timeouts, Transport
from app.simulator.certs import self_signed_device
from app.simulator.server import LoopbackServer
from app.trust import PinStore, TrustChoice

EXAMPLES = 150
HOSTILE = settings(
    derandomize=True,
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
PAGE_CEILING = 15.0
"""Seconds for the largest page the reading accepts, about 1 s here: a stall, not a slow
machine, trips it."""
ROOT = Path(__file__).resolve().parents[2]

# --- the page reading ----------------------------------------------------------------------

DEVICE_WORDS = [
    "Basic",
    "Email Server",
    "Server e-mail",
    "Authentication Method",
    "OAuth2",
    "SMTP AUTH",
    "Microsoft Exchange Online",
    "Current Status",
    "Signed in (a@b.example)",
    "Sign In",
    "Code",
    "ABCD-EFGH",
    "Expires in 15 minutes",
    "Connection test completed successfully",
    "SMTP Server Port Number",
    "::::::::x",
    "&nbsp;:",
    "<",
    "\x00",
    "\u202e",
]
HREFS = [
    "/PRESENTATION/ADVANCED/EMAIL_SERVER/TOP",
    "https://evil.example/steal",
    "//evil.example/x",
    "http://[::1",
    "https://127.0.0.1:99999/",
    "javascript:alert(1)",
    "https://login.example/device",
]
TAGS = ["div", "ul", "li", "dl", "dt", "dd", "table", "tr", "td", "th", "form", "fieldset"]
TAGS += ["legend", "label", "select", "span", "h3", "frameset"]


def _attributes() -> st.SearchStrategy[str]:
    pair = st.tuples(
        st.sampled_from(["name", "id", "for", "type", "value", "href", "action", "src"]),
        st.sampled_from(["a", "i1", "radio", "checkbox", "password", "hidden", "submit", *HREFS])
        | st.text(max_size=8),
    )
    return st.lists(pair, max_size=3).map(
        lambda pairs: "".join(
            f' {key}="{value.replace(chr(34), "&quot;")}"' for key, value in pairs
        )
    )


_leaf = st.one_of(
    st.sampled_from(DEVICE_WORDS),
    st.text(max_size=12),
    st.builds(lambda attrs: f"<input{attrs}>", _attributes()),
    st.builds(
        lambda attrs, word: f"<option{attrs}>{word}</option>",
        _attributes(),
        st.sampled_from(DEVICE_WORDS),
    ),
    st.builds(
        lambda href, word: f'<a href="{href}">{word}</a>',
        st.sampled_from(HREFS),
        st.sampled_from(DEVICE_WORDS),
    ),
    st.builds(lambda src: f'<frame name="MENU" src="{src}">', st.sampled_from(HREFS)),
    st.just("<meta name='Author' content='SEIKO EPSON'><title>WF-C5890 Series</title>"),
)


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner, closed: (
            f"<{tag}{attrs}>{''.join(inner)}" + (f"</{tag}>" if closed else "")
        ),
        st.sampled_from(TAGS),
        _attributes(),
        st.lists(children, max_size=4),
        st.booleans(),
    )


hostile_pages = st.recursive(_leaf, _element, max_leaves=40).map(lambda body: f"<html><body>{body}")


def read_everything(page: Page) -> None:
    """Every reading the driver does on a page; each may give up with a registry error."""
    page.text(), page.forms(), page.links(), list(page.pairs()), page.frames(), page.is_epson
    readers = (
        reading.device_info,
        reading.read_email_page,
        reading.menu_frames,
        reading.state_line,
        reading.message_of,
        reading.login_form,
        lambda p: reading.network_info(p, "192.0.2.1"),
        lambda p: reading.email_link([p]),
        lambda p: reading.fax_link([p]),
        lambda p: reading.form_with_button(p, "sign_in"),
        lambda p: oauth.parse_code_page(p, personal=False),
        oauth.connection_test_result,
    )
    for reader in readers:
        try:
            reader(page)
        except WizardError as error:
            assert error.code in {"unsupported_page", "sign_in_failed"}


@HOSTILE
@given(hostile_pages)
def test_any_page_reads_into_a_result_or_a_registry_error(html: str) -> None:
    try:
        page = Page(html, "https://192.0.2.1/PRESENTATION/ADVANCED/X/TOP")
    except UnsupportedPage:
        return
    read_everything(page)


N = MAX_ELEMENTS - 1000
WIDE_PAGES = {
    "one item with thousands of links, 120 menus deep": "<ul><li>Network" * 120
    + "<a href='/B'>Basic</a>" * N,
    "a form in a form, 240 deep": "<form>" * 240 + "<input name=a>" * N,
    "one fieldset without a legend": "<form><fieldset>" + "<input name=a>" * N,
    "one heading then thousands of cells": "<form><dl><dt>SMTP</dt>"
    + "<dd><input name=x></dd>" * (N // 2),
    "radios each with a label": "<form>"
    + "".join(f"<input type=radio name=r id=i{i}><label for=i{i}>L</label>" for i in range(N // 2)),
    "a label of colons": "<dl><dt>" + ":" * 1_500_000 + "x</dt><dd>y</dd></dl>",
}


@pytest.mark.parametrize("shape", list(WIDE_PAGES))
def test_the_largest_pages_accepted_are_read_without_a_stall(shape: str) -> None:
    started = time.monotonic()
    read_everything(Page("<html><body>" + WIDE_PAGES[shape], "https://192.0.2.1/P"))
    assert time.monotonic() - started < PAGE_CEILING


@pytest.mark.parametrize(
    ("html", "why"),
    [
        ("<div>" * (MAX_DEPTH + 1), "nested deeper than 256"),
        ("<ul><li>" * 100_000, "page too large"),
        ("<b>x</b>" * (MAX_ELEMENTS + 1), "page too large"),
        ("x" * 2_000_001, "page too large"),
    ],
    ids=["deep", "deep and huge", "too many elements", "too long"],
)
def test_pages_beyond_the_limits_are_unsupported_at_once(html: str, why: str) -> None:
    started = time.monotonic()
    with pytest.raises(UnsupportedPage, match=why) as caught:
        Page(html, "https://192.0.2.1/PRESENTATION/X")
    assert caught.value.details["page"] == "/PRESENTATION/X"
    assert time.monotonic() - started < PAGE_CEILING


# --- the address a technician types --------------------------------------------------------

_hosts = st.one_of(
    st.ip_addresses(v=4).map(str),
    st.ip_addresses(v=6).map(lambda a: f"[{a}]"),
    st.tuples(
        st.sampled_from(["fe80::1", "fe80::abcd:1", "::1"]),
        st.sampled_from(["%eth0", "%25eth0", "%2525", "%", "%25", "%en 0", "%1"]),
    ).map(lambda pair: f"[{pair[0]}{pair[1]}]"),
    st.sampled_from(
        [
            "fe80::1%eth0",
            "fe80::1%25",
            "fe80::1%",
            "printer.local",
            "PRINTER-1.Example.COM.",
            "bücher.example",
            "-bad-.example",
            "a..b",
            "192.168.1",
            "1.2.3.4.5",
            "256.1.1.1",
            "xn--",
            "_ipp",
        ]
    ),
    st.text(max_size=20),
)
typed_addresses = st.builds(
    lambda scheme, host, port, rest: f"{scheme}{host}{port}{rest}",
    st.sampled_from(["", "http://", "https://", "HTTPS://", "ftp://", "javascript:", "//"]),
    _hosts,
    st.sampled_from(["", ":80", ":443", ":8443", ":0", ":65536", ":99999", ":", ":x", ":١٢"]),
    st.sampled_from(["", "/", "/PRESENTATION/BONJOUR", "?a=b", "#x", "@evil.example", " x"]),
) | st.text(max_size=60)


@HOSTILE
@given(typed_addresses)
def test_any_typed_address_is_invalid_or_a_normalised_address_that_round_trips(text: str) -> None:
    try:
        address = parse_address(text)
    except InvalidAddress as error:
        assert error.exit_status == 2
        return
    assert parse_address(str(address)) == address
    assert parse_address(address.url("https", address.port)).host == address.host


@pytest.mark.parametrize(
    ("text", "host", "written"),
    [
        ("fe80::1%eth0", "fe80::1%eth0", "fe80::1%eth0"),
        ("[fe80::1%25eth0]:8443", "fe80::1%eth0", "[fe80::1%25eth0]:8443"),
        ("https://[fe80::1%25eth0]", "fe80::1%eth0", "https://[fe80::1%25eth0]"),
        ("http://10.0.0.5:80/PRESENTATION", "10.0.0.5", "http://10.0.0.5:80"),
    ],
)
def test_zones_and_ports_are_written_back_as_they_parse(text: str, host: str, written: str) -> None:
    address = parse_address(text)
    assert (address.host, str(address)) == (host, written)
    assert parse_address(written) == address


# --- the settings files --------------------------------------------------------------------

_toml_values = st.recursive(
    st.one_of(st.integers(), st.floats(allow_nan=False), st.text(max_size=10), st.booleans()),
    lambda inner: (
        st.lists(inner, max_size=3)
        | st.dictionaries(st.text(min_size=1, max_size=6), inner, max_size=3)
    ),
    max_leaves=10,
)


def _toml_text(value: object) -> str:
    """A TOML-ish rendering, right or wrong: the file a hand edit may leave."""
    if isinstance(value, dict):
        return "{" + ", ".join(f'"{k}" = {_toml_text(v)}' for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_toml_text(v) for v in value) + "]"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, str):
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return repr(value)


_sections = st.sampled_from(
    ["printer", "mailbox", "ui", "log", "match", "pages", "fields", "states", "x"]
)
_keys = st.sampled_from(
    [
        "read_timeout",
        "poll_interval",
        "language",
        "level",
        "client_id",
        "model",
        "email",
        "auth_method",
        "signed_in",
        "q",
    ]
)
settings_files = st.one_of(
    st.lists(st.tuples(_sections, _keys, _toml_values), max_size=5)
    .map(lambda rows: "".join(f"[{s}]\n{k} = {_toml_text(v)}\n" for s, k, v in rows))
    .map(str.encode),
    st.binary(max_size=200),
    st.sampled_from(
        [
            b"[printer]\nread_timeout = " + b"[" * 5000 + b"]" * 5000,
            b"a" + b".a" * 2000 + b" = 1\n",
            b"x = " + b"{a = " * 3000 + b"1" + b"}" * 3000,
            b"# " + b"x" * (small_files.MAX_BYTES + 1),
            b"\xff\xfe[printer]\n",
            '[printer]\nread_timeout = "7\u0000"\n'.encode(),
        ]
    ),
)


def _written(path: Path, data: bytes) -> Path:
    paths.ensure(path.parent)
    path.write_bytes(data)
    return path


@HOSTILE
@given(settings_files)
def test_any_config_file_loads_or_is_config_invalid_naming_it(data: bytes) -> None:
    target = _written(paths.current().config_file, data)
    try:
        config.load()
    except ConfigInvalid as error:
        assert error.exit_status == 2
        assert "config.toml" in error.text  # the file, and the setting where one is at fault
        assert str(target) in error.text or error.details["setting"].count(".") >= 1


@HOSTILE
@given(settings_files)
def test_any_profile_loads_or_is_config_invalid_naming_it(data: bytes) -> None:
    target = _written(paths.current().config_dir / "profile.toml", data)
    try:
        profile.load(target)
    except ConfigInvalid as error:
        assert error.details["setting"] == "printer.profile"
        assert str(target) in error.text


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=70),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=20), inner, max_size=3)
    ),
    max_leaves=8,
)
FINGERPRINT = ":".join(["AB"] * 32)
pins_files = st.one_of(
    _json_values.map(lambda v: json.dumps(v).encode()),
    st.dictionaries(
        st.text(max_size=20),
        st.sampled_from([FINGERPRINT, FINGERPRINT.lower().replace(":", ""), "nonsense"]),
        max_size=3,
    ).map(lambda v: json.dumps(v).encode()),
    st.binary(max_size=100),
    st.sampled_from([b"[" * 100_000, b'{"a": "' + b"A" * (small_files.MAX_BYTES + 1) + b'"}']),
)


@HOSTILE
@given(pins_files)
def test_any_pins_file_reads_or_is_config_invalid_naming_it(data: bytes) -> None:
    target = _written(paths.current().pins_file, data)
    try:
        pins = PinStore().load()
    except ConfigInvalid as error:
        assert str(target) in error.text and "delete it" in error.text
        return
    assert all(value == FINGERPRINT for value in pins.values())


def test_a_damaged_pins_file_is_not_overwritten() -> None:
    target = _written(paths.current().pins_file, b'{"10.0.0.5:443": "AB:CD", ')
    with pytest.raises(ConfigInvalid):
        PinStore().put("10.0.0.6:443", FINGERPRINT)
    assert target.read_bytes() == b'{"10.0.0.5:443": "AB:CD", '


# --- standard input --------------------------------------------------------------------------


@HOSTILE
@given(data=st.binary(max_size=300))
def test_any_password_on_stdin_is_text_or_unreadable_input(
    data: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    try:
        password = read_password(True)
    except UnreadableInput:
        return
    assert "\n" not in password and len(password.encode()) <= 4096


def test_non_utf8_stdin_exits_2_without_a_traceback() -> None:
    run = subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "status",
            "--printer",
            "127.0.0.1:9",
            "--password-stdin",
            "--json",
        ],
        input=b"\xff\xfe secret\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert run.returncode == 2
    assert b"Traceback" not in run.stderr
    assert b"not UTF-8" in run.stderr
    assert run.stdout == b""


# --- redirects, links and form actions -------------------------------------------------------


class _Trap:
    """Where hostile Locations point: a TCP listener counting connections, so any traffic
    off the device counts, whether or not a TLS handshake or a request follows."""

    def __init__(self, host: str = "127.0.0.1") -> None:
        self.hits = 0
        self._socket = socket.create_server((host, 0))
        self._socket.settimeout(0.2)
        self.port = self._socket.getsockname()[1]
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)
        self._thread.start()

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            except OSError:  # a connection aborted before it was taken: it still came here
                self.hits += 1
                continue
            self.hits += 1
            connection.close()

    def close(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self._socket.close()


class _Device(BaseHTTPRequestHandler):
    """A device that redirects `/GO/<quoted Location>` to that Location, verbatim."""

    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:
        if self.path.startswith("/GO/"):
            self.send_response(307)
            location = unquote(self.path[4:])  # any text, sent as its UTF-8 bytes
            self.send_header(
                "Location", location.encode("utf-8", "surrogatepass").decode("latin-1")
            )
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        body = b"<title>here</title>"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture(scope="module")
def device_and_trap(tmp_path_factory) -> Iterator[tuple[LoopbackServer, _Trap]]:
    pair = self_signed_device(tmp_path_factory.mktemp("hostile"), "EPSON3B9197")
    device = LoopbackServer(_Device, tls=pair.server_context()).start()
    trap = _Trap()
    yield device, trap
    device.stop()
    trap.close()


def _locations(device_port: int, trap_port: int) -> st.SearchStrategy[str]:
    hosts = [
        f"127.0.0.1:{trap_port}",
        f"127.0.0.2:{device_port}",
        f"localhost:{device_port}",
        f"127.0.0.1:{device_port}",
        f"[::1]:{device_port}",
    ]
    tricks = ["", "\\", "\\@", "@", "#@", "?@", "%40", "\t", "%0d%0a", ":@", "\\\\"]
    return st.one_of(
        st.builds(
            lambda scheme, one, trick, two, path: f"{scheme}{one}{trick}{two}{path}",
            st.sampled_from(
                ["https://", "http://", "//", "https:", "HTTPS://", "https:/\\", " https://", ""]
            ),
            st.sampled_from(hosts),
            st.sampled_from(tricks),
            st.sampled_from(["", *hosts]),
            st.sampled_from(["", "/", "/STEAL", "/../x"]),
        ),
        st.text(max_size=30),
    )


@HOSTILE
@given(st.data())
def test_no_redirect_sends_traffic_off_the_device(device_and_trap, data: st.DataObject) -> None:
    device, trap = device_and_trap
    location = data.draw(_locations(device.port, trap.port))
    link = Transport(
        parse_address(f"https://127.0.0.1:{device.port}"),
        timeouts=Timeouts(first_contact=8, connect=3, read=3),
        pins=PinStore(paths.current().config_dir / f"pins-{device.port}.json"),
        trust=TrustChoice(trust_new=True),
    )
    before = trap.hits
    try:
        link.reach()
        try:
            link.get("/GO/" + quote(location, safe=""))
        except WizardError as error:
            assert error.code in {"unsupported_page", "unreachable", "tls_failed"}
    finally:
        link.close()
    assert trap.hits == before, location


@pytest.mark.parametrize(
    "action",
    [
        "https://127.0.0.1:{trap}/STEAL",
        "//127.0.0.1:{trap}/STEAL",
        "https://x\\@127.0.0.1:{device}/",
        "http://127.0.0.1:{device}/",
    ],
)
def test_a_form_action_or_link_off_the_device_is_refused_before_sending(
    device_and_trap, action: str
) -> None:
    device, trap = device_and_trap
    link = Transport(
        parse_address(f"https://127.0.0.1:{device.port}"),
        timeouts=Timeouts(first_contact=8, connect=3, read=3),
        pins=PinStore(paths.current().config_dir / "pins.json"),
        trust=TrustChoice(trust_new=True),
    )
    before = trap.hits
    try:
        link.reach()
        target = action.format(trap=trap.port, device=device.port)
        with pytest.raises(UnsupportedPage, match="another address"):
            link.post(target, [("password", "not-for-you")], kind="login")
        with pytest.raises(UnsupportedPage, match="another address"):
            link.get(target)
    finally:
        link.close()
    assert trap.hits == before


# --- what discovery hears ----------------------------------------------------------------------


@HOSTILE
@given(
    st.one_of(
        st.builds(
            lambda scheme, host, port, path: f"{scheme}{host}{port}{path}",
            st.sampled_from(["https://", "http://", "ftp://", "//", ""]),
            st.sampled_from(
                [
                    "192.168.1.20",
                    "evil.example",
                    "192.168.1.21",
                    "[fe80::1]",
                    "[::1",
                    "192.168.1.20\\@evil.example",
                    "evil.example#@192.168.1.20",
                ]
            ),
            st.sampled_from(["", ":443", ":8443", ":99999", ":x", ":0"]),
            st.sampled_from(["", "/PRESENTATION/BONJOUR", "/\\evil"]),
        ),
        st.text(max_size=40),
        st.binary(max_size=40),
    )
)
def test_an_announced_admin_url_never_points_the_wizard_elsewhere(admin_url: str | bytes) -> None:
    device = device_from_txt({b"usb_MFG": b"EPSON", b"adminurl": admin_url}, ["192.168.1.20"])
    assert device is not None
    contact = parse_address(device.contact_address)
    assert contact.host == "192.168.1.20"
    device.to_event()


class _RedirectElsewhere(BaseHTTPRequestHandler):
    """Web Config's HTTP answer, pointing HTTPS at another host."""

    trap_port = 0

    def do_GET(self) -> None:
        self.send_response(307)
        self.send_header("Location", f"https://127.0.0.2:{self.trap_port}/PRESENTATION/STEAL")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


def test_the_range_probe_follows_a_redirect_only_on_the_same_address() -> None:
    elsewhere = _Trap(host="127.0.0.2")
    _RedirectElsewhere.trap_port = elsewhere.port
    device = LoopbackServer(_RedirectElsewhere).start()
    try:
        found = asyncio.run(probe_address("127.0.0.1", http_port=device.port, timeout=5))
    finally:
        device.stop()
        elsewhere.close()
    assert found is None
    assert elsewhere.hits == 0
