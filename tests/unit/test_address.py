"""Printer addresses as technicians type them; refused before any traffic when wrong."""

from __future__ import annotations

import ipaddress

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import InvalidAddress
from app.printers.address import PrinterAddress, parse_address


@pytest.mark.parametrize(
    ("text", "host", "port", "scheme"),
    [
        ("192.168.1.20", "192.168.1.20", None, None),
        (" 10.0.0.5 ", "10.0.0.5", None, None),
        ("10.0.0.5:8443", "10.0.0.5", 8443, None),
        ("https://10.0.0.5", "10.0.0.5", None, "https"),
        ("HTTP://10.0.0.5:80/PRESENTATION/BONJOUR", "10.0.0.5", 80, "http"),
        ("fe80::1", "fe80::1", None, None),
        ("fe80::1%eth0", "fe80::1%eth0", None, None),
        ("[2001:db8::0:1]", "2001:db8::1", None, None),
        ("[2001:db8::1]:443", "2001:db8::1", 443, None),
        ("https://[::1]:8443/x", "::1", 8443, "https"),
        ("EPSON3B9197.local", "epson3b9197.local", None, None),
        ("printer-2.office.example.", "printer-2.office.example", None, None),
        ("stampante", "stampante", None, None),
        ("stàmpante.example", "xn--stmpante-0ya.example", None, None),
    ],
)
def test_accepted_forms(text: str, host: str, port: int | None, scheme: str | None) -> None:
    assert parse_address(text) == PrinterAddress(host, port, scheme)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   ",
        "192.168.1",
        "192.168.1.256",
        "192.168.001.20",
        "1.2.3.4.5",
        "12345",
        "10.0.0.5:0",
        "10.0.0.5:65536",
        "10.0.0.5:http",
        "10.0.0.5:",
        "ftp://10.0.0.5",
        "[2001:db8::1",
        "[2001:db8::1]x",
        "2001:db8:::1",
        "fe80::1%bad zone",
        "-printer",
        "printer_.example..",
        "my printer",
        "a" * 64 + ".example",
        "x" * 300,
        "printer.123",
    ],
)
def test_refused_forms(text: str) -> None:
    with pytest.raises(InvalidAddress) as caught:
        parse_address(text)
    assert caught.value.exit_status == 2


def test_urls_and_pin_keys() -> None:
    v6 = parse_address("fe80::1%eth0")
    assert v6.url("https") == "https://[fe80::1%25eth0]/"
    assert v6.key(443) == "[fe80::1%eth0]:443"
    v4 = parse_address("10.0.0.5:8080")
    assert v4.url("http") == "http://10.0.0.5:8080/"
    assert v4.url("https", 443, "/PRESENTATION/") == "https://10.0.0.5/PRESENTATION/"
    assert str(parse_address("https://[::1]:8443")) == "https://[::1]:8443"


@given(st.ip_addresses(v=4), st.none() | st.integers(1, 65535))
def test_every_ipv4_address_round_trips(address: ipaddress.IPv4Address, port: int | None) -> None:
    text = str(address) if port is None else f"{address}:{port}"
    assert parse_address(text) == PrinterAddress(str(address), port)


@given(st.ip_addresses(v=6), st.none() | st.integers(1, 65535))
def test_every_ipv6_address_round_trips(address: ipaddress.IPv6Address, port: int | None) -> None:
    text = f"[{address}]" if port is None else f"[{address}]:{port}"
    assert parse_address(text) == PrinterAddress(address.compressed, port)


@given(st.text(max_size=80))
def test_any_text_gives_an_address_or_invalid_address(text: str) -> None:
    try:
        parsed = parse_address(text)
    except InvalidAddress:
        return
    assert parsed.host
    assert not any(ch.isspace() for ch in parsed.host)


@given(st.from_regex(r"\A[0-9.]{1,20}\Z"))
def test_digits_and_dots_are_an_ipv4_address_or_refused(text: str) -> None:
    try:
        parsed = parse_address(text)
    except InvalidAddress:
        return
    assert ipaddress.IPv4Address(parsed.host)
