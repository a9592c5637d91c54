"""The shared loopback server and certificates, over real sockets and real TLS."""

from __future__ import annotations

import hashlib
import socket
import ssl
import time
from http.server import BaseHTTPRequestHandler

import pytest
import requests

from app.simulator.certs import LocalCA, self_signed_device
from app.simulator.server import LoopbackServer


class _Hello(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        body = b"hello"
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: tests read answers, not access logs."""


def _session(verify: str | bool) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.verify = verify
    return session


def test_ca_issued_certificate_is_trusted_with_the_ca_file_only(tmp_path) -> None:
    ca = LocalCA(tmp_path)
    server = LoopbackServer(_Hello, tls=ca.issue("identity", ["127.0.0.1"]).server_context())
    server.start()
    try:
        assert _session(str(ca.ca_file)).get(server.url, timeout=5).text == "hello"
        with pytest.raises(requests.exceptions.SSLError):
            _session(True).get(server.url, timeout=5)
    finally:
        server.stop()


def test_device_certificate_names_the_device_and_fingerprint_matches(tmp_path) -> None:
    pair = self_signed_device(tmp_path, "EPSON3B9197")
    server = LoopbackServer(_Hello, tls=pair.server_context()).start()
    try:
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        with (
            socket.create_connection(("127.0.0.1", server.port), timeout=5) as raw,
            context.wrap_socket(raw) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
        digest = hashlib.sha256(der).hexdigest().upper()
        assert pair.fingerprint().replace(":", "") == digest
        assert len(pair.fingerprint().split(":")) == 32
    finally:
        server.stop()


def test_a_silent_client_does_not_block_others(tmp_path) -> None:
    ca = LocalCA(tmp_path)
    server = LoopbackServer(_Hello, tls=ca.issue("s", ["127.0.0.1"]).server_context()).start()
    try:
        with socket.create_connection(("127.0.0.1", server.port), timeout=5):
            started = time.monotonic()
            assert _session(str(ca.ca_file)).get(server.url, timeout=5).ok
            assert time.monotonic() - started < 3
    finally:
        server.stop()


def test_ipv6_loopback(tmp_path) -> None:
    if not socket.has_ipv6:
        pytest.skip("no IPv6 on this machine")
    ca = LocalCA(tmp_path)
    tls = ca.issue("v6", ["::1"]).server_context()
    try:
        server = LoopbackServer(_Hello, host="::1", tls=tls).start()
    except OSError:
        pytest.skip("::1 is not configured on this machine")
    try:
        assert server.url.startswith("https://[::1]:")
        assert _session(str(ca.ca_file)).get(server.url, timeout=5).text == "hello"
    finally:
        server.stop()


def test_start_and_stop_are_quick_and_free_the_port(tmp_path) -> None:
    server = LoopbackServer(_Hello).start()
    port = server.port
    server.stop()
    with pytest.raises(requests.exceptions.ConnectionError):
        _session(True).get(f"http://127.0.0.1:{port}/", timeout=2)
