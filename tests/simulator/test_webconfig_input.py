"""Bad input to the settings forms gets the device's own error page, never a traceback."""

from __future__ import annotations

import re

import pytest
import requests
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.simulator.device import Printer
from tests.simulator.procedure import logged_in, parse

T = (3, 10)
TOKEN = re.compile(r'name="INPUTT_SETUPTOKEN" value="([0-9a-f]+)"')


@pytest.fixture(scope="module")
def device():
    with Printer(variant=3) as printer:
        procedure, url = logged_in(printer)
        with procedure.session:
            yield printer, procedure.session, url


def _post(session: requests.Session, url: str, data: dict[str, str]) -> requests.Response:
    return session.post(url.replace("/TOP", "/SET"), data=data, timeout=T)


def _valid(printer: Printer, session: requests.Session, url: str) -> dict[str, str]:
    token = TOKEN.search(session.get(url, timeout=T).text).group(1)
    data = {"INPUTT_SETUPTOKEN": token, "INPUTT_OK": "1"}
    if printer.layout.extra_hidden:
        data[printer.layout.extra_hidden[0]] = printer.layout.extra_hidden[1]
    return data


@pytest.mark.parametrize(
    ("field", "value", "item"),
    [
        ("account", "a" * 256, "Authenticated Account"),
        ("password", "p" * 21, "Authenticated Password"),
        ("password", "pässword", "Authenticated Password"),
        ("sender", "scan<ner>@contoso.com", "Sender's Email Address"),
        ("smtp_port", "0", "SMTP Server Port Number"),
        ("smtp_port", "65536", "SMTP Server Port Number"),
        ("smtp_port", "five", "SMTP Server Port Number"),
        ("smtp_server", "smtp office365", "SMTP Server Address"),
        ("auth_method", "9999", "Authentication Method"),
        ("cert_validation", "yes", "Certificate Validation"),
    ],
)
def test_bad_values_name_the_item(device, field: str, value: str, item: str) -> None:
    printer, session, url = device
    before = printer.settings()
    data = {**_valid(printer, session, url), printer.layout.fields[field]: value}
    answer = _post(session, url, data)
    assert answer.status_code == 200
    assert f"Check the following item: {item}" in parse(answer.text).text()
    assert printer.settings() == before


def test_missing_or_stale_token_is_refused(device) -> None:
    printer, session, url = device
    data = _valid(printer, session, url)
    missing = {k: v for k, v in data.items() if k != "INPUTT_SETUPTOKEN"}
    assert "Reload the page" in _post(session, url, missing).text
    assert "Reload the page" in _post(session, url, data).text  # spent by the post above


def test_oversized_body_is_refused(device) -> None:
    _, session, url = device
    answer = _post(session, url, {"INPUTT_SETUPTOKEN": "x" * 70_000})
    assert answer.status_code == 413
    assert "SEIKO EPSON" in answer.text


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    extra=st.dictionaries(st.text(max_size=30), st.text(max_size=300), max_size=8),
    overrides=st.dictionaries(
        st.sampled_from(
            [
                "account",
                "password",
                "sender",
                "smtp_server",
                "smtp_port",
                "security",
                "auth_method",
                "service",
                "pop3_port",
            ]
        ),
        st.one_of(
            st.text(max_size=300),
            st.integers().map(str),
            st.binary(max_size=50).map(lambda b: b.decode("latin-1")),
        ),
        max_size=5,
    ),
    with_token=st.booleans(),
    signing_in=st.booleans(),
)
def test_any_form_post_gets_a_device_page(device, extra, overrides, with_token, signing_in) -> None:
    printer, session, url = device
    data = _valid(printer, session, url) if with_token else {}
    data.update(extra)
    data.update({printer.layout.fields[name]: value for name, value in overrides.items()})
    if signing_in:
        data[printer.layout.signin_button] = "1"
    answer = _post(session, url, data)
    assert answer.status_code == 200
    assert '<meta name="Author" content="SEIKO EPSON">' in answer.text
    assert "Traceback" not in answer.text
    assert printer.internal_errors == []
    assert session.get(printer.https_url + "/PRESENTATION/ADVANCED/INFO_PRTINFO/TOP", timeout=T).ok
