"""What a technician types as a printer address, checked before any traffic.

Accepted: an IPv4 address, an IPv6 address (bracketed or not, with a zone for link-local ones),
or a host name; each with or without `http://`/`https://` and a port, and a pasted Web Config
URL whatever its path. A link-local IPv6 address carries its zone after `%` as typed
(`fe80::1%eth0`); inside brackets the `%` may be written `%25`, as in a URL (RFC 6874), and
that is how the address writes it back. Anything made only of digits and dots must be a
complete IPv4 address: "192.168.1" is a typo, not a host name, and must never be looked up
on the network.
"""

from __future__ import annotations

import ipaddress
import re
from dataclasses import dataclass

from app.errors import InvalidAddress

MAX_LENGTH = 255
_LABEL = re.compile(r"^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$")
_DIGITS_AND_DOTS = re.compile(r"^[0-9.]+$")
_ZONE = re.compile(r"^[A-Za-z0-9_.-]{1,32}$")


@dataclass(frozen=True)
class PrinterAddress:
    host: str
    """IPv6 addresses without brackets (zone kept after `%`); names in lower case."""
    port: int | None = None
    scheme: str | None = None
    """What the technician typed, if anything; the driver settles the real one."""

    @property
    def is_ipv6(self) -> bool:
        return ":" in self.host

    @property
    def netloc_host(self) -> str:
        """The host as it goes in a URL: IPv6 in brackets, a zone's `%` escaped."""
        if self.is_ipv6:
            return "[" + self.host.replace("%", "%25") + "]"
        return self.host

    def url(self, scheme: str, port: int | None = None, path: str = "/") -> str:
        chosen = port if port is not None else self.port
        default = 443 if scheme == "https" else 80
        netloc = self.netloc_host if chosen in (None, default) else f"{self.netloc_host}:{chosen}"
        return f"{scheme}://{netloc}{path}"

    def key(self, port: int) -> str:
        """How pins are filed: `host:port`, IPv6 in brackets."""
        host = f"[{self.host}]" if self.is_ipv6 else self.host
        return f"{host}:{port}"

    def __str__(self) -> str:
        """The address as typed once normalised: parsing it gives this address back (a
        port is written even where it is the scheme's default)."""
        if self.scheme is None:
            return self._bare()
        port = "" if self.port is None else f":{self.port}"
        return f"{self.scheme}://{self.netloc_host}{port}"

    def _bare(self) -> str:
        if self.port is None:
            return self.host
        return f"{self.netloc_host}:{self.port}"


def parse_address(text: str) -> PrinterAddress:
    """The address in `text`, or `InvalidAddress` saying it is not one."""
    raw = (text or "").strip()
    if not raw or len(raw) > MAX_LENGTH or any(ch.isspace() for ch in raw):
        raise InvalidAddress(address=raw)
    scheme = None
    if "://" in raw:
        scheme, _, rest = raw.partition("://")
        scheme = scheme.lower()
        if scheme not in ("http", "https"):
            raise InvalidAddress(address=raw)
        raw = rest
    host_port = re.split(r"[/?#]", raw, maxsplit=1)[0]
    host, port = _split_port(host_port, raw)
    return PrinterAddress(
        _check_host(host, text, bracketed=host_port.startswith("[")), port, scheme
    )


def _split_port(host_port: str, original: str) -> tuple[str, int | None]:
    if host_port.startswith("["):
        closing = host_port.find("]")
        if closing < 0:
            raise InvalidAddress(address=original)
        host, rest = host_port[1:closing], host_port[closing + 1 :]
        if rest and not rest.startswith(":"):
            raise InvalidAddress(address=original)
        return host, _port(rest[1:], original) if rest else None
    if host_port.count(":") > 1:
        return host_port, None
    host, colon, port = host_port.partition(":")
    return host, _port(port, original) if colon else None


def _port(text: str, original: str) -> int:
    if not (text.isascii() and text.isdigit() and len(text) <= 5 and 1 <= int(text) <= 65535):
        raise InvalidAddress(address=original)
    return int(text)


def _check_host(host: str, original: str, *, bracketed: bool = False) -> str:
    if ":" in host:
        return _check_ipv6(host, original, bracketed=bracketed)
    if _DIGITS_AND_DOTS.match(host):
        try:
            return str(ipaddress.IPv4Address(host))
        except ValueError:
            raise InvalidAddress(address=original) from None
    return _check_name(host, original)


def _check_ipv6(host: str, original: str, *, bracketed: bool) -> str:
    address, percent, zone = host.partition("%")
    if bracketed and zone.startswith("25"):
        zone = zone[2:]  # RFC 6874: in a URL the zone's `%` is written `%25`
    if percent and not _ZONE.match(zone):
        raise InvalidAddress(address=original)
    try:
        parsed = ipaddress.IPv6Address(address)
    except ValueError:
        raise InvalidAddress(address=original) from None
    return f"{parsed.compressed}%{zone}" if zone else parsed.compressed


def _check_name(host: str, original: str) -> str:
    name = host[:-1] if host.endswith(".") else host
    try:
        ascii_name = name.encode("idna").decode("ascii") if not name.isascii() else name
    except UnicodeError:
        raise InvalidAddress(address=original) from None
    labels = ascii_name.split(".")
    if len(ascii_name) > 253 or not all(_LABEL.match(label) for label in labels):
        raise InvalidAddress(address=original)
    if labels[-1].isdigit():
        raise InvalidAddress(address=original)
    return ascii_name.lower()
