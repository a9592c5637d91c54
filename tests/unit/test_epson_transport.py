"""The device conversation over real loopback sockets: scheme, trust, timeouts, faults."""

from __future__ import annotations

import socket
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest

from app.errors import (
    CertificateChanged,
    CertificateUntrusted,
    Unreachable,
    UnsupportedPage,
)
from app.printers.address import parse_address
from app.printers.epson.transport import Timeouts, Transport
from app.simulator.certs import self_signed_device
from app.simulator.server import LoopbackServer
from app.trust import PinStore, TrustChoice

FIRST_CONTACT_CEILING = 12.0  # 3x the 4 s goal: catches a hang, not a slow machine


class _Device(BaseHTTPRequestHandler):
    """A device page, a reset on /RESET once per path, and redirects for the tests."""

    resets: dict[str, int] = {}  # noqa: RUF012 - shared across handler instances on purpose

    def do_GET(self) -> None:
        if self.path.startswith("/RESET"):
            seen = self.resets.get(self.path, 0)
            self.resets[self.path] = seen + 1
            if seen < int(self.path.rsplit("/", 1)[-1]):
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00"
                )
                self.close_connection = True
                self.connection.close()
                return
        if self.path == "/AWAY":
            self._redirect("https://127.0.0.2:1/STEAL")
            return
        if self.path == "/BOOM":
            self.send_error(500)
            return
        self._answer(f"<title>page {self.path}</title>".encode())

    def _redirect(self, location: str) -> None:
        self.send_response(307)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _answer(self, body: bytes) -> None:
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def device(tmp_path) -> Iterator[tuple[LoopbackServer, LoopbackServer, str]]:
    pair = self_signed_device(tmp_path, "EPSON3B9197")
    https = LoopbackServer(_Device, tls=pair.server_context()).start()

    class Redirect(_Device):
        def do_GET(self) -> None:
            self._redirect(f"https://127.0.0.1:{https.port}{self.path}")

    http = LoopbackServer(Redirect).start()
    _Device.resets = {}
    yield http, https, pair.fingerprint()
    http.stop()
    https.stop()


def transport(text: str, **trust) -> Transport:
    return Transport(
        parse_address(text),
        timeouts=Timeouts(first_contact=4, connect=2, read=2),
        pins=PinStore(),
        trust=TrustChoice(**trust),
    )


def test_http_redirect_settles_the_https_port_and_pins(device) -> None:
    http, https, fingerprint = device
    link = transport(f"http://127.0.0.1:{http.port}", trust_new=True)
    link.reach()
    assert link.base_url == f"https://127.0.0.1:{https.port}"
    assert link.fingerprint == fingerprint
    assert link.get("/PRESENTATION/X") == "<title>page /PRESENTATION/X</title>"
    assert PinStore().get(f"127.0.0.1:{https.port}") == fingerprint
    link.close()


def test_a_bare_port_that_speaks_tls_is_used_directly(device) -> None:
    _, https, fingerprint = device
    link = transport(f"127.0.0.1:{https.port}", expected=fingerprint)
    link.reach()
    assert link.get("/A").endswith("/A</title>")
    link.close()


def test_an_unknown_certificate_stops_before_any_request(device) -> None:
    _, https, fingerprint = device
    link = transport(f"https://127.0.0.1:{https.port}")
    with pytest.raises(CertificateUntrusted) as caught:
        link.reach()
    assert fingerprint in caught.value.text
    assert sum(link.counts.values()) == 0


def test_a_certificate_that_changes_under_a_session_is_reported(device, tmp_path) -> None:
    _, https, _ = device
    link = transport(f"https://127.0.0.1:{https.port}", trust_new=True)
    link.reach()
    port = https.port
    https.stop()
    other = self_signed_device(tmp_path / "new", "EPSON3B9197")
    replacement = LoopbackServer(_Device, port=port, tls=other.server_context()).start()
    try:
        with pytest.raises(CertificateChanged) as caught:
            link.get("/A")
        assert other.fingerprint() in caught.value.text
    finally:
        replacement.stop()
        link.close()


def test_one_reset_is_retried_two_are_reported(device) -> None:
    _, https, _ = device
    link = transport(f"https://127.0.0.1:{https.port}", trust_new=True)
    link.reach()
    assert "page" in link.get("/RESET/1")
    with pytest.raises(Unreachable):
        link.get("/RESET/2")
    link.close()


def test_redirects_to_another_address_are_refused(device) -> None:
    _, https, _ = device
    link = transport(f"https://127.0.0.1:{https.port}", trust_new=True)
    link.reach()
    with pytest.raises(UnsupportedPage, match="another address"):
        link.get("/AWAY")
    with pytest.raises(UnsupportedPage, match="HTTP 500"):
        link.get("/BOOM")
    link.close()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_nothing_listening_is_unreachable_quickly() -> None:
    started = time.monotonic()
    with pytest.raises(Unreachable):
        transport(f"127.0.0.1:{_free_port()}").reach()
    assert time.monotonic() - started < FIRST_CONTACT_CEILING


@pytest.mark.parametrize("form", ["127.0.0.1:{port}", "http://127.0.0.1:{port}"])
def test_a_listener_that_never_answers_is_unreachable_within_the_deadline(form: str) -> None:
    with socket.socket() as silent:
        silent.bind(("127.0.0.1", 0))
        silent.listen(8)
        started = time.monotonic()
        with pytest.raises(Unreachable):
            transport(form.format(port=silent.getsockname()[1])).reach()
        assert time.monotonic() - started < FIRST_CONTACT_CEILING
