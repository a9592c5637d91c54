"""Trust on first use for printers' self-signed certificates.

A printer's certificate names the device, not the address, and no CA signed it: host-name
checks fail by design. So each device's certificate is pinned by its SHA-256 fingerprint, keyed
by `host:port`. A new device is trusted only when the technician says so; a changed certificate
is never accepted silently (`certificate_changed` shows both fingerprints) and is replaced only
by an explicit re-trust naming the new fingerprint.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import socket
import ssl
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from requests.adapters import HTTPAdapter

from app import paths, small_files
from app.errors import CertificateChanged, CertificateUntrusted, ConfigInvalid, TlsFailed

_HEX = re.compile(r"^[0-9A-F]{64}$")


def normalize_fingerprint(text: str) -> str:
    """Upper-case hex with colons, from any spelling a technician may paste; ValueError if none."""
    compact = re.sub(r"[\s:]", "", text or "").upper()
    compact = compact.removeprefix("SHA256").removeprefix("=")
    if not _HEX.match(compact):
        raise ValueError(f"not a SHA-256 fingerprint: {text!r}")
    return ":".join(compact[i : i + 2] for i in range(0, 64, 2))


def fingerprint_of(der: bytes) -> str:
    return ":".join(f"{b:02X}" for b in hashlib.sha256(der).digest())


def fetch_fingerprint(host: str, port: int, timeout: float) -> str:
    """The fingerprint a device presents, read from a bare TLS handshake.

    Nothing is sent over this connection: it only lets the product compare the certificate with
    its pin (or show it for a first trust) before any request carries a cookie or a password.
    """
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    try:
        with (
            socket.create_connection((host, port), timeout=timeout) as raw,
            context.wrap_socket(raw, server_hostname=None) as tls,
        ):
            der = tls.getpeercert(binary_form=True)
    except ssl.SSLError as exc:
        raise TlsFailed(type(exc).__name__) from exc
    if not der:
        raise TlsFailed("no certificate")
    return fingerprint_of(der)


_PINS_FIX = "delete it; each printer's certificate is then asked to be trusted again"


class PinStore:
    """Fingerprints on disk (never a secret), written atomically.

    A damaged file is `config_invalid` naming it, not an empty store: read as empty, the next
    trust would write it over and every other pin would be lost without a word.
    """

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or paths.current().pins_file

    def load(self) -> dict[str, str]:
        try:
            text = small_files.read_text(self.path, what_to_do=_PINS_FIX)
        except FileNotFoundError:
            return {}
        try:
            data = json.loads(text)
        except (json.JSONDecodeError, RecursionError) as exc:
            raise self._damaged("is not valid JSON") from exc
        if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
            raise self._damaged("is not a table of fingerprints by printer")
        try:
            return {key: normalize_fingerprint(value) for key, value in data.items()}
        except ValueError as exc:
            raise self._damaged("holds a value that is not a SHA-256 fingerprint") from exc

    def _damaged(self, problem: str) -> ConfigInvalid:
        return ConfigInvalid(f"{self.path} {problem}: {_PINS_FIX}", setting=str(self.path))

    def get(self, key: str) -> str | None:
        return self.load().get(key)

    def put(self, key: str, fingerprint: str) -> None:
        pins = self.load()
        pins[key] = normalize_fingerprint(fingerprint)
        paths.ensure(self.path.parent)
        handle, temporary = tempfile.mkstemp(dir=self.path.parent, prefix=".pins-")
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(pins, out, indent=2, sort_keys=True)
            Path(temporary).replace(self.path)
        except BaseException:
            with contextlib.suppress(OSError):
                Path(temporary).unlink()
            raise


@dataclass(frozen=True)
class TrustChoice:
    """What the technician allowed for this run (command-line flags, or the GUI checkbox)."""

    trust_new: bool = False
    expected: str | None = None
    """Trust a new certificate only if it has this fingerprint."""
    accept_changed: str | None = None
    """Replace a pin whose certificate changed, only if the new one has this fingerprint."""


def decide(store: PinStore, key: str, seen: str, choice: TrustChoice) -> str:
    """Check `seen` against the pin for `key`, pinning it where the choice allows; return it."""
    pinned = store.get(key)
    if pinned == seen:
        return seen
    if pinned is not None:
        accepted = choice.accept_changed and normalize_fingerprint(choice.accept_changed) == seen
        if not accepted:
            raise CertificateChanged(old=pinned, new=seen, fingerprint=seen)
    elif choice.expected is not None:
        if normalize_fingerprint(choice.expected) != seen:
            raise CertificateUntrusted("the fingerprint given does not match", fingerprint=seen)
    elif not choice.trust_new:
        raise CertificateUntrusted(fingerprint=seen)
    store.put(key, seen)
    return seen


class PinnedAdapter(HTTPAdapter):
    """HTTPS to one device, accepted only if its certificate has the pinned fingerprint.

    urllib3 checks the fingerprint after the handshake instead of a CA chain and host name —
    this is verification, not verification switched off.
    """

    def __init__(self, fingerprint: str, **kwargs: Any) -> None:
        self.fingerprint = normalize_fingerprint(fingerprint)
        super().__init__(**kwargs)

    def build_connection_pool_key_attributes(
        self, request: Any, verify: Any, cert: Any = None
    ) -> tuple[dict, dict]:
        host_params, pool_kwargs = super().build_connection_pool_key_attributes(request, True, cert)
        pool_kwargs.pop("ca_certs", None)
        pool_kwargs.pop("ca_cert_dir", None)
        pool_kwargs["cert_reqs"] = "CERT_NONE"
        pool_kwargs["assert_fingerprint"] = self.fingerprint
        return host_params, pool_kwargs

    def cert_verify(self, conn: Any, url: str, verify: Any, cert: Any) -> None:
        """Keep the pin whatever `verify` the request carries (requests would reset it)."""
        super().cert_verify(conn, url, False, cert)
        conn.assert_fingerprint = self.fingerprint
