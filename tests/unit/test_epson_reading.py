"""The driver's page reading on hostile or broken HTML: only the driver's own errors."""

from __future__ import annotations

import contextlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import UnsupportedPage
from app.printers.base import AuthMethod, Interface, Security, Service
from app.printers.epson.html import Page
from app.printers.epson.reading import device_info, login_form, network_info, read_email_page

FRAGMENTS = [
    "<form action='SET' method='post'>",
    "</form>",
    "<dl>",
    "</dl>",
    "<dt>Authentication Method</dt>",
    "<dt>Stato corrente</dt>",
    "<dd>",
    "</dd>",
    "<select name='SEL_A'>",
    "</select>",
    "<option value='3'>OAuth2</option>",
    "<option value='1' selected>SMTP AUTH</option>",
    "<option>Microsoft Exchange Online</option>",
    "<input type='password' name='INPUTT_PASSWORD'>",
    "<input type='radio' name='R' value='x' checked>STARTTLS",
    "<input name='INPUTT_PORT' value='587'>",
    "<table><tr><th>SMTP Server Port Number</th><td>",
    "</td></tr></table>",
    "<title>WF</title>",
    "<meta name='Author' content='SEIKO EPSON'>",
    "Signed in (a@b.example)",
    "<a href='/X'>Basic</a>",
    "&nbsp;:",
    "<",
    ">",
    "\x00",
]

html_soup = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=20), max_size=40).map("".join)


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(html_soup)
def test_reading_any_html_raises_only_the_drivers_errors(html: str) -> None:
    page = Page(html, "https://192.0.2.1/PRESENTATION/ADVANCED/X/TOP")
    for reader in (read_email_page, device_info):
        with contextlib.suppress(UnsupportedPage):
            reader(page)
    network_info(page, "192.0.2.1")
    login_form(page)


EMAIL_PAGE = """
<html><head><meta name="Author" content="SEIKO EPSON"><title>WF-C5890 Series</title></head><body>
<form action="SET" method="post"><input type="hidden" name="INPUTT_SETUPTOKEN" value="t1">
<table>
<tr><th>Metodo autenticazione&nbsp;:</th><td><select name="INPUTD_AM">
  <option value="A">Disattiva</option><option value="B">SMTP AUTH</option>
  <option value="C" selected>OAuth2</option></select></td></tr>
<tr><th>Servizio e-mail</th><td>
  <input type="radio" name="INPUTR_SV" value="1" checked> Microsoft Exchange Online
  <input type="radio" name="INPUTR_SV" value="2"> Outlook.com</td></tr>
<tr><th>Indirizzo e-mail mittente</th>
  <td><input name="INPUTT_FROM" value="scan@contoso.com"></td></tr>
<tr><th>Indirizzo server SMTP</th><td><input name="INPUTT_S" value="smtp.office365.com"></td></tr>
<tr><th>Numero porta server SMTP</th><td><input name="INPUTT_P" value="587"></td></tr>
<tr><th>Connessione protetta</th><td><select name="INPUTD_SEC"><option value="0">Nessuna</option>
  <option value="2" selected>STARTTLS</option></select></td></tr>
<tr><th>Stato corrente</th><td>Accesso effettuato</td></tr>
<tr><th>Account</th><td>scan@contoso.com</td></tr>
</table></form></body></html>
"""


def test_an_italian_page_reads_into_language_neutral_values() -> None:
    email = read_email_page(Page(EMAIL_PAGE, "https://h/PRESENTATION/ADVANCED/X/TOP"))
    settings_ = email.settings
    assert settings_.auth_method is AuthMethod.OAUTH2
    assert settings_.service is Service.EXCHANGE
    assert settings_.signed_in is True
    assert settings_.account == "scan@contoso.com"
    assert (settings_.smtp_server, settings_.smtp_port) == ("smtp.office365.com", 587)
    assert settings_.security is Security.STARTTLS
    assert settings_.sender == "scan@contoso.com"
    assert email.fields.option_value("service", "outlook") == "2"
    assert email.fields.option_value("auth_method", "off") == "A"


@pytest.mark.parametrize(
    ("state", "signed_in"),
    [("Accesso non effettuato", False), ("Accesso effettuato", True), ("Boh", False)],
)
def test_negative_state_phrases_are_not_signed_in(state: str, signed_in: bool) -> None:
    html = EMAIL_PAGE.replace("<td>Accesso effettuato</td>", f"<td>{state}</td>")
    assert read_email_page(Page(html)).settings.signed_in is signed_in


def test_a_firmware_without_oauth2_says_so() -> None:
    html = EMAIL_PAGE.replace('<option value="C" selected>OAuth2</option>', "")
    html = html.replace('<option value="B">SMTP AUTH', '<option value="B" selected>SMTP AUTH')
    settings_ = read_email_page(Page(html)).settings
    assert settings_.oauth2_offered is False
    assert settings_.auth_method is AuthMethod.SMTP_AUTH


NETWORK = """
<dl><dt>Device Name</dt><dd>EPSON3B9197</dd></dl>
<h2>Standard Network</h2><dl><dt>Network Interface</dt><dd>Standard Network</dd>
<dt>IP Address</dt><dd>192.0.2.10</dd><dt>Default Gateway</dt><dd>0.0.0.0</dd>
<dt>DNS Server</dt><dd></dd></dl>
<h2>Additional Network</h2><dl><dt>Network Interface</dt><dd>Additional Network</dd>
<dt>IP Address</dt><dd>198.51.100.7</dd><dt>Default Gateway</dt><dd>198.51.100.1</dd>
<dt>DNS Server</dt><dd>198.51.100.1</dd></dl>
"""


def test_the_interface_in_use_is_the_one_with_the_address_reached() -> None:
    standard = network_info(Page(NETWORK), "192.0.2.10")
    assert (standard.interface, standard.gateway, standard.dns_servers) == (
        Interface.STANDARD,
        None,
        (),
    )
    additional = network_info(Page(NETWORK), "198.51.100.7")
    assert additional.interface is Interface.ADDITIONAL
    assert additional.gateway == "198.51.100.1"
    assert additional.dns_servers == ("198.51.100.1",)
