"""Profile files: pins for a firmware whose labels the driver does not know."""

from __future__ import annotations

import pytest

from app.errors import ConfigInvalid, UnsupportedPage
from app.printers.base import AuthMethod
from app.printers.epson import profile
from app.printers.epson.html import Page
from app.printers.epson.reading import read_email_page

GERMAN = """
<form action="SET" method="post"><dl>
<dt>Authentifizierungsmethode</dt><dd><select name="INPUTD_AM">
  <option value="0">Aus</option><option value="3" selected>OAuth2</option></select></dd>
<dt>E-Mail-Dienst</dt><dd><select name="INPUTD_SV"><option value="1">Exchange</option></select></dd>
<dt>Absender</dt><dd><input name="INPUTT_FROM" value="scan@contoso.com"></dd>
<dt>Aktueller Status</dt><dd>Angemeldet</dd></dl></form>
"""


def write(tmp_path, text: str):
    path = tmp_path / "profile.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_no_profile_is_an_empty_one() -> None:
    assert profile.load("") is profile.NONE


def test_fields_and_states_pinned_by_a_profile(tmp_path) -> None:
    with pytest.raises(UnsupportedPage):
        read_email_page(Page(GERMAN))
    pins = profile.load(
        write(
            tmp_path,
            '[fields]\nauth_method = "INPUTD_AM"\nservice = "INPUTD_SV"\nsender = "INPUTT_FROM"\n'
            '[states]\nsigned_in = ["Angemeldet"]\n',
        )
    )
    read = read_email_page(Page(GERMAN), pins)
    assert read.settings.auth_method is AuthMethod.OAUTH2
    assert read.settings.sender == "scan@contoso.com"
    assert read.fields.controls["service"].name == "INPUTD_SV"


def test_a_profile_applies_only_to_its_model(tmp_path) -> None:
    pins = profile.load(write(tmp_path, '[match]\nmodel = "WF-C5890 Series"\n'))
    assert pins.applies_to("wf-c5890 series")
    assert not pins.applies_to("ET-2850 Series")


@pytest.mark.parametrize(
    "text",
    [
        "[pages\n",
        '[other]\nx = "y"\n',
        '[pages]\nsomewhere = "/X"\n',
        '[fields]\nauth_method = ""\n',
        '[states]\nsigned_in = "Angemeldet"\n',
        '[states]\nhappy = ["yes"]\n',
        "[match]\nmodel = 5\n",
    ],
)
def test_a_bad_profile_names_the_setting(tmp_path, text: str) -> None:
    with pytest.raises(ConfigInvalid, match=r"printer\.profile"):
        profile.load(write(tmp_path, text))


def test_a_missing_profile_file_is_a_config_error(tmp_path) -> None:
    with pytest.raises(ConfigInvalid):
        profile.load(tmp_path / "absent.toml")
