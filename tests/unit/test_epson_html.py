"""Reading Web Config pages by their labels, whatever the markup around them."""

from __future__ import annotations

import pytest

from app.printers.epson.html import Page
from app.printers.epson.labels import FIELDS, OPTIONS, STATES, contains_phrase, meaning_of

DL_FORM = """
<html><head><meta name="Author" content="SEIKO EPSON"><title>WF-C5890 Series</title></head>
<body><form action="../EMAIL/SET" method="post">
<input type="hidden" name="INPUTT_SETUPTOKEN" value="tok123">
<dl>
 <dt><span>Authentication Method</span>&nbsp;:</dt>
 <dd><select name="SEL_AUTH"><option value="0">Off</option>
     <option value="1" selected>SMTP AUTH</option><option value="3">OAuth2</option></select></dd>
 <dt>Authenticated Password :</dt><dd><input type="password" name="INPUTT_PW" value="x"></dd>
 <dt>Secure Connection</dt>
 <dd><input type="radio" name="INPUTR_SEC" value="N" id="s0"><label for="s0">None</label>
     <input type="radio" name="INPUTR_SEC" value="S" checked> SSL/TLS
     <input type="radio" name="INPUTR_SEC" value="T"> STARTTLS</dd>
 <dt>Certificate Validation</dt>
 <dd><input type="checkbox" name="INPUTC_CERT" value="checked" checked></dd>
</dl>
<input type="submit" name="BTN_OK" value="OK">
<button type="submit" formaction="SIGNIN" name="BTN_SIGN">Sign In</button>
</form></body></html>
"""

TABLE_FORM = """
<form action="SET" method="post"><table>
<tr><th><label for="a">Indirizzo server SMTP:</label></th>
    <td><input id="a" name="INPUTT_SMTPSRV" value="smtp.office365.com"></td></tr>
<tr><td>Numero porta server SMTP</td><td><input name="INPUTT_PORT" value="587"></td></tr>
</table></form>
"""


def test_controls_are_paired_with_their_visible_labels() -> None:
    page = Page(DL_FORM, "https://10.0.0.5/PRESENTATION/ADVANCED/EMAIL/TOP")
    assert page.is_epson
    assert page.title == "WF-C5890 Series"
    form = page.forms()[0]
    labels = {c.name: meaning_of(c.label, FIELDS) for c in form.controls.values()}
    assert labels == {
        "INPUTT_SETUPTOKEN": None,
        "SEL_AUTH": "auth_method",
        "INPUTT_PW": "password",
        "INPUTR_SEC": "security",
        "INPUTC_CERT": "cert_validation",
    }
    method = form.controls["SEL_AUTH"]
    assert method.selected_option.text == "SMTP AUTH"
    assert {meaning_of(o.text, OPTIONS["auth_method"]) for o in method.options} == {
        "off",
        "smtp_auth",
        "oauth2",
    }
    security = form.controls["INPUTR_SEC"]
    assert [(o.value, o.text) for o in security.options] == [
        ("N", "None"),
        ("S", "SSL/TLS"),
        ("T", "STARTTLS"),
    ]
    assert security.value == "S"


def test_payload_is_what_a_browser_posts() -> None:
    page = Page(DL_FORM, "https://10.0.0.5/PRESENTATION/ADVANCED/EMAIL/TOP")
    form = page.forms()[0]
    sign_in = next(b for b in form.buttons if b.text == "Sign In")
    payload = form.payload({"SEL_AUTH": "3", "INPUTC_CERT": None}, sign_in)
    assert payload == [
        ("INPUTT_SETUPTOKEN", "tok123"),
        ("SEL_AUTH", "3"),
        ("INPUTT_PW", ""),
        ("INPUTR_SEC", "S"),
        ("BTN_SIGN", ""),
    ]
    assert form.target(page.url, sign_in).endswith("/PRESENTATION/ADVANCED/EMAIL/SIGNIN")
    assert form.target(page.url).endswith("/PRESENTATION/ADVANCED/EMAIL/SET")


def test_table_markup_and_label_for() -> None:
    form = Page(TABLE_FORM).forms()[0]
    assert {meaning_of(c.label, FIELDS) for c in form.controls.values()} == {
        "smtp_server",
        "smtp_port",
    }


def test_menu_links_know_their_groups() -> None:
    menu = """
    <ul><li>Network<ul><li><a href="/A/WIFI/TOP">Wi-Fi</a></li>
          <li><span>Email Server</span><ul><li><a href="/A/EM1/TOP">Basic</a></li>
          <li><a href="/A/EM2/TOP">Connection Test</a></li></ul></li></ul></li>
        <li>Fax<ul><li><a href="/A/FX/TOP">Basic</a></li></ul></li></ul>
    <h3>Rete</h3><div><a href="/B/X/TOP">Di base</a></div>
    """
    links = Page(menu, "https://h/").links()
    context = {link.href: link.context for link in links}
    assert context["https://h/A/EM1/TOP"] == ("Network", "Email Server")
    assert context["https://h/A/FX/TOP"] == ("Fax",)
    assert context["https://h/B/X/TOP"] == ("Rete",)


def test_status_pairs_from_dl_and_tables() -> None:
    page = Page(
        "<dl><dt>Firmware Version</dt><dd>CW12J5</dd></dl>"
        "<table><tr><th>MAC Address</th><td>00:26:AB:3B:91:97</td></tr></table>"
    )
    assert dict(page.pairs()) == {
        "Firmware Version": "CW12J5",
        "MAC Address": "00:26:AB:3B:91:97",
    }


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Not signed in", "not_signed_in"),
        ("Signed in", "signed_in"),
        ("Accesso non effettuato", "not_signed_in"),
        ("Accesso effettuato :", "signed_in"),
        ("Waiting for sign-in", "pending"),
        ("Something new", None),
    ],
)
def test_states_match_whole_phrases_only(text: str, state: str | None) -> None:
    assert meaning_of(text, STATES) == state


def test_answers_are_found_as_whole_words() -> None:
    assert contains_phrase("Impostazione completata. Premere OK", ["Impostazione completata."])
    assert not contains_phrase("Setup completed elsewhere", ["Setup complete."])
