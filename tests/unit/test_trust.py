"""Certificate pinning against a real TLS listener with a device-made certificate."""

from __future__ import annotations

import json
from http.server import BaseHTTPRequestHandler

import pytest
import requests

from app.errors import CertificateChanged, CertificateUntrusted, TlsFailed
from app.simulator.certs import self_signed_device
from app.simulator.server import LoopbackServer
from app.trust import (
    PinnedAdapter,
    PinStore,
    TrustChoice,
    decide,
    fetch_fingerprint,
    normalize_fingerprint,
)

OTHER = ":".join(["AB"] * 32)


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Length", "2")
        self.end_headers()
        self.wfile.write(b"ok")

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""


@pytest.fixture
def device(tmp_path):
    pair = self_signed_device(tmp_path, "EPSON3B9197")
    server = LoopbackServer(_Page, tls=pair.server_context()).start()
    yield server, pair.fingerprint()
    server.stop()


def test_the_fingerprint_read_is_the_devices(device) -> None:
    server, fingerprint = device
    assert fetch_fingerprint("127.0.0.1", server.port, timeout=3) == fingerprint


def test_plain_http_is_a_tls_failure(tmp_path) -> None:
    server = LoopbackServer(_Page).start()
    try:
        with pytest.raises(TlsFailed):
            fetch_fingerprint("127.0.0.1", server.port, timeout=3)
    finally:
        server.stop()


def test_first_use_needs_an_explicit_trust(tmp_path) -> None:
    store = PinStore(tmp_path / "pins.json")
    seen = ":".join(["0F"] * 32)
    with pytest.raises(CertificateUntrusted) as caught:
        decide(store, "10.0.0.5:443", seen, TrustChoice())
    assert seen in caught.value.text
    assert store.get("10.0.0.5:443") is None
    assert decide(store, "10.0.0.5:443", seen, TrustChoice(trust_new=True)) == seen
    assert json.loads((tmp_path / "pins.json").read_text()) == {"10.0.0.5:443": seen}
    assert decide(store, "10.0.0.5:443", seen, TrustChoice()) == seen


def test_an_expected_fingerprint_must_match(tmp_path) -> None:
    store = PinStore(tmp_path / "pins.json")
    seen = ":".join(["0F"] * 32)
    with pytest.raises(CertificateUntrusted):
        decide(store, "h:443", seen, TrustChoice(expected=OTHER))
    assert decide(store, "h:443", seen, TrustChoice(expected=seen.replace(":", "").lower()))


def test_a_changed_certificate_is_never_accepted_silently(tmp_path) -> None:
    store = PinStore(tmp_path / "pins.json")
    old, new = ":".join(["01"] * 32), ":".join(["02"] * 32)
    store.put("h:443", old)
    for choice in (TrustChoice(), TrustChoice(trust_new=True), TrustChoice(expected=new)):
        with pytest.raises(CertificateChanged) as caught:
            decide(store, "h:443", new, choice)
        assert old in caught.value.text
        assert new in caught.value.text
    with pytest.raises(CertificateChanged):
        decide(store, "h:443", new, TrustChoice(accept_changed=OTHER))
    assert decide(store, "h:443", new, TrustChoice(accept_changed=new)) == new
    assert store.get("h:443") == new


@pytest.mark.parametrize(
    "spelling",
    [
        "ab" * 32,
        ":".join(["ab"] * 32),
        "SHA256=" + ":".join(["AB"] * 32),
        " ".join(["Ab"] * 32),
    ],
)
def test_fingerprints_are_normalized(spelling: str) -> None:
    assert normalize_fingerprint(spelling) == OTHER


@pytest.mark.parametrize("bad", ["", "AB", "ZZ" * 32, "AB" * 33])
def test_bad_fingerprints_are_refused(bad: str) -> None:
    with pytest.raises(ValueError, match="SHA-256"):
        normalize_fingerprint(bad)


def _session(url: str, fingerprint: str) -> requests.Session:
    session = requests.Session()
    session.trust_env = False
    session.mount(url, PinnedAdapter(fingerprint))
    return session


def test_pinned_session_reaches_the_device_despite_the_ca_bundle_variable(device) -> None:
    server, fingerprint = device
    with _session(server.url, fingerprint) as session:
        assert session.get(server.url + "/", timeout=5).text == "ok"


def test_pinned_session_refuses_another_certificate(device) -> None:
    server, _ = device
    with (
        _session(server.url, OTHER) as session,
        pytest.raises(requests.exceptions.SSLError),
    ):
        session.get(server.url + "/", timeout=5)


def test_an_unpinned_session_does_not_trust_the_device(device) -> None:
    server, _ = device
    with requests.Session() as session, pytest.raises(requests.exceptions.SSLError):
        session.get(server.url + "/", timeout=5)
