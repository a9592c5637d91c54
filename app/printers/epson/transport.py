"""One device's HTTPS conversation, with the timeouts and safety rules of DESIGN.md.

- The scheme is settled once (HTTP's redirect tells the HTTPS port), then HTTPS is called
  directly: some clients drop cookies across that redirect, and the password never travels
  over plain HTTP.
- First contact, scheme and certificate included, fits in `first_contact` seconds in all.
- The certificate is pinned (app/trust.py); requests ignore the environment's proxies and CA
  bundle (`trust_env = False`).
- No redirect is followed automatically: one to another host would carry the session cookie.
- One retry after a connection reset, none after a read timeout (a slow device stays slow; a
  resend could apply a setting twice).
- Requests are serialised: an undo after a cancel waits for the request still in flight.
"""

from __future__ import annotations

import http.client
import logging
import socket
import ssl
import threading
import time
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import requests
import urllib3.exceptions
from urllib3.util import Timeout, parse_url

from app.errors import CertificateChanged, TlsFailed, Unreachable, UnsupportedPage
from app.printers.address import PrinterAddress
from app.trust import PinnedAdapter, PinStore, TrustChoice, decide, fetch_fingerprint

log = logging.getLogger(__name__)

_MAX_REDIRECTS = 3
_REPORT_MARGIN = 0.15
"""Seconds kept from the first-contact budget so the error is reported within it."""
_USER_AGENT = "PrinterOAuthWizard/0.1"


@dataclass(frozen=True)
class Timeouts:
    first_contact: float = 4.0
    connect: float = 3.0
    read: float = 10.0
    commit: float = 30.0


class _Deadline:
    def __init__(self, seconds: float) -> None:
        self.ends = time.monotonic() + seconds

    def left(self) -> float:
        return max(0.05, self.ends - time.monotonic())

    def passed(self) -> bool:
        return time.monotonic() >= self.ends


class _Session(requests.Session):
    """A session that leaves redirects to the transport (`_same_device`).

    Even told not to follow them, requests reads a redirect's Location to prepare the next
    request, decoding it as UTF-8: a Location of other bytes raised UnicodeDecodeError out of
    the request. The transport reads the header itself.
    """

    def get_redirect_target(self, resp: requests.Response) -> None:
        return None


class Transport:
    def __init__(
        self,
        address: PrinterAddress,
        *,
        timeouts: Timeouts | None = None,
        pins: PinStore | None = None,
        trust: TrustChoice | None = None,
    ) -> None:
        self.address = address
        self.timeouts = timeouts or Timeouts()
        self.pins = pins or PinStore()
        self.trust = trust or TrustChoice()
        self.base_url: str | None = None
        self.fingerprint: str | None = None
        self.counts: Counter[str] = Counter()
        self.last_url = ""
        """Where the last answer came from, after redirects: relative links resolve to it."""
        self._lock = threading.Lock()
        self._session = _Session()
        self._session.trust_env = False
        self._session.headers["User-Agent"] = _USER_AGENT

    def close(self) -> None:
        self._session.close()

    def reach(self) -> _Deadline:
        """Settle the HTTPS port and check the certificate; the deadline left for the rest."""
        deadline = _Deadline(self.timeouts.first_contact - _REPORT_MARGIN)
        port = self._https_port(deadline)
        try:
            seen = fetch_fingerprint(self.address.host, port, timeout=deadline.left())
        except OSError as exc:
            raise Unreachable(type(exc).__name__, address=str(self.address)) from exc
        self.fingerprint = decide(self.pins, self.address.key(port), seen, self.trust)
        self.base_url = self.address.url("https", port, "")
        self._session.mount(self.base_url + "/", PinnedAdapter(self.fingerprint))
        return deadline

    def get(self, path: str, *, kind: str = "page", total: float | None = None) -> str:
        """A page; `total` bounds connect and read together (first contact)."""
        return self._request("GET", path, None, kind=kind, total=total)

    def post(
        self, path: str, data: list[tuple[str, str]], *, kind: str = "set", commit: bool = False
    ) -> str:
        read = self.timeouts.commit if commit else None
        return self._request("POST", path, data, kind=kind, read_timeout=read)

    def url(self, path: str) -> str:
        """`path` (or a link or form action the device served) as a URL on this device;
        `unsupported_page` for one elsewhere: a hostile page's form action must not carry the
        password, nor its links the session, to another address."""
        if self.base_url is None:
            raise RuntimeError("reach() first")
        return self._same_device(self.base_url + "/", path)

    def cookie(self, name: str) -> str | None:
        return self._session.cookies.get(name)

    def set_cookie(self, name: str, value: str) -> None:
        host = urlsplit(self.base_url or "").hostname or self.address.host
        self._session.cookies.set(name, value, domain=host)

    def _https_port(self, deadline: _Deadline) -> int:
        address = self.address
        if address.scheme == "https":
            return address.port or 443
        if address.scheme is None and address.port is not None and self._speaks_tls(deadline):
            return address.port
        redirected = self._http_redirect(address.port or 80, deadline)
        return redirected if redirected is not None else 443

    def _speaks_tls(self, deadline: _Deadline) -> bool:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        try:
            with (
                socket.create_connection(
                    (self.address.host, self.address.port), timeout=deadline.left() / 2
                ) as raw,
                context.wrap_socket(raw),
            ):
                return True
        except ssl.SSLError:
            return False
        except OSError as exc:
            raise Unreachable(type(exc).__name__, address=str(self.address)) from exc

    def _http_redirect(self, port: int, deadline: _Deadline) -> int | None:
        """The HTTPS port HTTP points to; None if HTTP does not redirect or does not answer."""
        url = self.address.url("http", port, "/")
        try:
            answer = self._session.get(
                url, allow_redirects=False, timeout=Timeout(total=deadline.left())
            )
            answer.close()
        except requests.exceptions.ConnectionError as exc:
            if self.address.scheme == "http" or _is_timeout(exc):
                raise Unreachable(type(exc).__name__, address=str(self.address)) from exc
            return None
        except requests.exceptions.Timeout as exc:
            raise Unreachable("timeout", address=str(self.address)) from exc
        self.counts["first_contact"] += 1
        try:
            location = urlsplit(answer.headers.get("Location", ""))
            port = location.port
        except ValueError:
            return None
        if answer.is_redirect and location.scheme == "https":
            return port or 443  # only the port is taken: HTTPS goes to the address typed
        return None

    def _request(
        self,
        method: str,
        path: str,
        data: list[tuple[str, str]] | None,
        *,
        kind: str,
        read_timeout: float | None = None,
        total: float | None = None,
    ) -> str:
        url = self.url(path)
        timeout = (self.timeouts.connect, read_timeout or self.timeouts.read)
        if total is not None:
            timeout = Timeout(total=total)
        retry = method == "GET" or read_timeout is None
        with self._lock:
            for _ in range(_MAX_REDIRECTS + 1):
                answer = self._send(method, url, data, timeout, retry=retry)
                self.counts[kind] += 1
                log.debug(
                    "%s %s (%s): HTTP %s", method, urlsplit(url).path, kind, answer.status_code
                )
                if not answer.is_redirect:
                    self.last_url = url
                    return self._body(answer, url)
                url = self._same_device(url, answer.headers.get("Location", ""))
                method, data = "GET", None
        raise UnsupportedPage("too many redirects", page=urlsplit(url).path)

    def _send(
        self,
        method: str,
        url: str,
        data: list[tuple[str, str]] | None,
        timeout: tuple[float, float] | Timeout,
        *,
        retry: bool,
    ) -> requests.Response:
        """One request; after a reset, once more if `retry` (never for a commit: resending
        OK to a device that may be restarting could apply it twice)."""
        for attempt in (1, 2):
            try:
                return self._session.request(
                    method, url, data=data, timeout=timeout, allow_redirects=False
                )
            except requests.exceptions.SSLError as exc:
                raise self._tls_problem(exc) from exc
            except (
                requests.exceptions.ConnectionError,
                requests.exceptions.ChunkedEncodingError,
            ) as exc:
                self._drop_connections()
                if retry and attempt == 1 and _is_reset(exc):
                    log.info("connection reset by the device; retrying once")
                    continue
                raise Unreachable(_reason(exc), address=str(self.address)) from exc
            except requests.exceptions.Timeout as exc:
                raise Unreachable("timeout", address=str(self.address)) from exc
        raise AssertionError("unreachable code")

    def _drop_connections(self) -> None:
        """Close pooled connections after a fault: none is reused half-broken or left open."""
        for adapter in self._session.adapters.values():
            adapter.close()

    def _body(self, answer: requests.Response, url: str) -> str:
        if answer.status_code >= 400:
            raise UnsupportedPage(f"HTTP {answer.status_code}", page=urlsplit(url).path)
        try:
            return answer.text
        except requests.exceptions.RequestException as exc:
            raise Unreachable(_reason(exc), address=str(self.address)) from exc

    def _same_device(self, current: str, location: str) -> str:
        """`location` resolved against `current`, if it stays on the same scheme, host and port
        as Python's and urllib3's parsers both read it (requests connects where urllib3 says:
        `https://evil\\@device/` is the device to one and evil to the other)."""
        try:
            target = urljoin(current, location)
            same = _origin(target) == _origin(current)
        except (ValueError, urllib3.exceptions.LocationParseError):
            same, target = False, location
        if not same:
            raise UnsupportedPage("link or redirect to another address refused", page=_path(target))
        return target

    def _tls_problem(self, exc: Exception) -> Exception:
        if "fingerprint" not in str(exc).lower() or self.fingerprint is None:
            return TlsFailed(type(exc).__name__)
        port = urlsplit(self.base_url or "").port or 443
        try:
            seen = fetch_fingerprint(self.address.host, port, timeout=self.timeouts.connect)
        except (OSError, TlsFailed):
            return TlsFailed("certificate check failed")
        return CertificateChanged(old=self.fingerprint, new=seen, fingerprint=seen)


def _origin(url: str) -> tuple[tuple[str, str | None, int], tuple[str | None, str | None, int]]:
    """Scheme, host and port of `url` as urllib.parse and as urllib3 read it; ValueError or
    LocationParseError if either cannot."""
    mine, theirs = urlsplit(url), parse_url(url)
    default = {"http": 80, "https": 443}
    return (
        (mine.scheme, mine.hostname, mine.port or default.get(mine.scheme, 0)),
        (theirs.scheme, theirs.host, theirs.port or default.get(theirs.scheme or "", 0)),
    )


def _path(url: str) -> str:
    """The path to name in a message, whatever `url` holds."""
    try:
        return urlsplit(url).path
    except ValueError:
        return ""


def _causes(exc: BaseException) -> list[BaseException]:
    """Every exception behind `exc`: requests and urllib3 wrap the real cause in layers."""
    found: list[BaseException] = []
    todo: list[BaseException] = [exc]
    while todo:
        current = todo.pop()
        if any(current is known for known in found):
            continue
        found.append(current)
        linked = (getattr(current, "reason", None), current.__cause__, current.__context__)
        todo.extend(x for x in (*linked, *current.args) if isinstance(x, BaseException))
    return found


def _is_reset(exc: BaseException) -> bool:
    resets = (ConnectionResetError, http.client.RemoteDisconnected, BrokenPipeError)
    return any(isinstance(cause, resets) for cause in _causes(exc)) or any(
        isinstance(cause, urllib3.exceptions.ProtocolError) for cause in _causes(exc)
    )


def _is_timeout(exc: BaseException) -> bool:
    kinds = (TimeoutError, socket.timeout, urllib3.exceptions.ConnectTimeoutError)
    return any(isinstance(cause, kinds) for cause in _causes(exc))


def _reason(exc: BaseException) -> str:
    return type(_causes(exc)[-1]).__name__
