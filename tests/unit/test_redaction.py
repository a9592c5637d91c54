"""Secrets never survive redaction, whether known by value or only by where they sit."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from app.redaction import MASK, redact, redact_html


def test_password_inputs_and_tokens_are_blanked_whatever_the_attribute_order() -> None:
    page = (
        '<input type="password" name="INPUTT_PW" value="hunter22">'
        '<input value="abc123tok" type="hidden" name="INPUTT_SETUPTOKEN">'
        "<input name='INPUTT_ACCOUNT' value='scanner@contoso.com'>"
    )
    cleaned = redact_html(page)
    assert "hunter22" not in cleaned
    assert "abc123tok" not in cleaned
    assert "scanner@contoso.com" in cleaned
    assert cleaned.count(MASK) == 2


def test_known_secrets_bearer_tokens_and_jwts_are_removed() -> None:
    text = "code ABCD1234 serial X8HY012345 Bearer abcdefghijkl eyJhbGciOi.eyJzdWIiOi.sig"
    cleaned = redact(text, ["ABCD1234", "X8HY012345", None, ""])
    for secret in ("ABCD1234", "X8HY012345", "abcdefghijkl", "eyJhbGciOi"):
        assert secret not in cleaned


@given(
    st.text(alphabet=st.characters(min_codepoint=33, max_codepoint=126), min_size=4, max_size=30),
    st.text(max_size=200),
)
def test_a_known_secret_never_survives(secret: str, around: str) -> None:
    assert secret not in redact(around + secret + around, [secret]) or secret in MASK
