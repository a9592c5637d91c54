"""`--variant N`: a deterministic generator of everything the facts leave open.

facts/epson-web-config.md fixes little about the Email Server page: not its id, not its field
names, not its option values, not its markup. A driver that memorised one device would break
on the next, so the simulator draws those details from a seeded generator and the driver
must pass on any draw. Variant 0 is the plainest (readable ids and names, `dl` markup, plain
labels, one-step sign-in); every other number draws each detail independently. What the
facts do fix never varies: the `/PRESENTATION/ADVANCED/<ID>/TOP|SET` addresses, the frameset
and its frame names, the login field sets, `INPUTT_SETUPTOKEN`, Epson's name prefixes (as a
widget's type), the visible labels and option texts.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

MAIL_FIELDS = (
    "auth_method",
    "service",
    "account",
    "password",
    "sender",
    "smtp_server",
    "smtp_port",
    "security",
    "cert_validation",
    "pop3_server",
    "pop3_port",
)
CHOICE_FIELDS = {
    "auth_method": ("off", "smtp_auth", "pop_before_smtp", "oauth2"),
    "service": ("exchange", "outlook"),
    "security": ("none", "ssl_tls", "starttls"),
}
"""The fields whose value is one of a set, with their language-neutral options in page order."""

_STEMS = {
    "auth_method": ("AUTHMETHOD", "SMTPAUTH", "AUTH_METHOD", "AUTHTYPE", "EMLAUTH"),
    "service": ("EMAILSERVICE", "OAUTHSERVICE", "MAILSVC", "SERVICE", "OAUTH_PROVIDER"),
    "account": ("AUTHACCOUNT", "ACCOUNT", "SMTPUSER", "AUTHUSER", "USERNAME2"),
    "password": ("AUTHPASSWORD", "SMTPPASS", "AUTHPASS", "PASSWD", "ACCOUNTPW"),
    "sender": ("SENDERADDRESS", "MAILFROM", "SENDER", "FROMADDR", "SENDERMAIL"),
    "smtp_server": ("SMTPSERVER", "SMTPADDR", "SERVERADDRESS", "SMTPHOST", "SMTP_SRV"),
    "smtp_port": ("SMTPPORT", "PORTNUMBER", "SMTPPORTNO", "PORT", "SMTP_PORT"),
    "security": ("SECURECONNECTION", "SSLTLS", "SECURITY", "ENCRYPT", "SECURE"),
    "cert_validation": ("CERTVALIDATION", "CERTCHECK", "VERIFYCERT", "CERTVALID", "CHKCERT"),
    "pop3_server": ("POP3SERVER", "POPADDR", "POP3HOST", "POPSERVER", "POP3_SRV"),
    "pop3_port": ("POP3PORT", "POPPORT", "POP3PORTNO", "POPPORTNUM", "POP3_PORT"),
}
_CODES = {
    "auth_method": ("OFF", "SMTPAUTH", "POPBEFORESMTP", "OAUTH2"),
    "service": ("EXO", "OUTLOOK"),
    "security": ("NONE", "SSL", "STARTTLS"),
}
_EMAIL_PAGES = ("EMAIL_SERVER", "NW_EMAILSERVER_BASIC", "MAILSERVER", "EMAILSRV_BASIC")
_DECORATIONS = ("plain", "nbsp_colon", "colon", "span", "spaces")


@dataclass(frozen=True)
class Variant:
    """One draw. Field names are full form names (prefix + stem); values map neutral → form."""

    number: int
    email_page: str
    fax_page: str
    test_page: str
    signin_page: str
    menu_path: str
    header_path: str
    signin_action: str | None
    """Set: the Sign In button posts to this action via `formaction`; None: to SET."""
    fields: dict[str, str]
    widgets: dict[str, str]
    """Choice fields → "select" or "radio" (agrees with the name's prefix)."""
    values: dict[str, dict[str, str]]
    markup: str
    """"dl" or "table"."""
    label_for: bool
    """Labels as `<label for>` around the text, else bare text in the `dt`/`th`."""
    decoration: str
    menu_markup: str
    """"ul" or "dl" — both nest the way the guide's path does."""
    group_links: bool
    """Menu groups are `javascript:` links (toggles) rather than plain text."""
    two_step: bool
    honours_language_cookie: bool
    login_fields: str
    """"accessmethod" (INPUTT_ACCSESSMETHOD + INPUTT_DUMMY) or "sessiontype" (SEL_SESSIONTYPE)."""
    button_tag: str
    """"input" (`<input type=submit value=…>`) or "button" (`<button>…</button>`)."""
    signin_button: str
    ok_button: str | None
    """The OK button's name; None: the button has no name (a submit without Sign In is OK)."""
    extra_hidden: tuple[str, str] | None
    """A further hidden input the SET requires back, as some firmware does."""
    idle_state_line: bool
    """Show "Not signed in" even before any sign-in (else no state line, as the seed says)."""
    account_inline: bool
    """The signed-in account inside the state line, else in a row of its own."""
    lockout_threshold: int

    def option_value(self, field: str, neutral: str) -> str:
        return self.values[field][neutral]

    def neutral_option(self, field: str, value: str) -> str | None:
        for neutral, form_value in self.values[field].items():
            if form_value == value:
                return neutral
        return None


def plainest() -> Variant:
    return Variant(
        number=0,
        email_page="EMAIL_SERVER",
        fax_page="FAX_EMAIL_SERVER",
        test_page="EMAIL_SERVER_TEST",
        signin_page="EMAIL_OAUTH",
        menu_path="/PRESENTATION/ADVANCED/COMMON/MENU",
        header_path="/PRESENTATION/ADVANCED/COMMON/HEADER",
        signin_action=None,
        fields={
            name: ("SEL_" if name in CHOICE_FIELDS else _text_prefix(name)) + _STEMS[name][0]
            for name in MAIL_FIELDS
        },
        widgets=dict.fromkeys(CHOICE_FIELDS, "select"),
        values={
            name: {neutral: str(index) for index, neutral in enumerate(options)}
            for name, options in CHOICE_FIELDS.items()
        },
        markup="dl",
        label_for=True,
        decoration="plain",
        menu_markup="ul",
        group_links=False,
        two_step=False,
        honours_language_cookie=True,
        login_fields="accessmethod",
        button_tag="input",
        signin_button="INPUTT_SIGNIN",
        ok_button="SET",
        extra_hidden=None,
        idle_state_line=False,
        account_inline=False,
        lockout_threshold=5,
    )


def generate(number: int) -> Variant:
    """The variant numbered `number`: the same on every run and every machine."""
    if number == 0:
        return plainest()
    rng = random.Random(f"epson-web-config-variant-{number}")  # noqa: S311 - reproducible on purpose
    fields, widgets = _draw_fields(rng)
    return Variant(
        number=number,
        email_page=_page_id(rng, _EMAIL_PAGES),
        fax_page=_page_id(rng, ("FAX_EMAIL_SERVER", "FAXSRV_EMAIL", "FAX_MAILSERVER")),
        test_page=_page_id(rng, ("EMAIL_SERVER_TEST", "NW_EMAILSERVER_CONNTEST", "MAILTEST")),
        signin_page=_page_id(rng, ("EMAIL_OAUTH", "OAUTH_SIGNIN", "NW_OAUTH2")),
        menu_path=rng.choice(
            ("/PRESENTATION/ADVANCED/COMMON/MENU", "/PRESENTATION/ADVANCED/COMMON/LEFT")
        ),
        header_path=rng.choice(
            ("/PRESENTATION/ADVANCED/COMMON/HEADER", "/PRESENTATION/ADVANCED/COMMON/HEAD")
        ),
        signin_action=rng.choice((None, "SIGNIN", "OAUTH")),
        fields=fields,
        widgets=widgets,
        values={name: _draw_values(rng, name) for name in CHOICE_FIELDS},
        markup=rng.choice(("dl", "table")),
        label_for=rng.random() < 0.5,
        decoration=rng.choice(_DECORATIONS),
        menu_markup=rng.choice(("ul", "dl")),
        group_links=rng.random() < 0.5,
        two_step=rng.random() < 0.5,
        honours_language_cookie=rng.random() < 0.5,
        login_fields=rng.choice(("accessmethod", "sessiontype")),
        button_tag=rng.choice(("input", "button")),
        signin_button=rng.choice(("INPUTT_SIGNIN", "SIGNIN", "INPUTT_OAUTHSIGNIN", "BTN_AUTH")),
        ok_button=rng.choice(("SET", "INPUTT_OK", None)),
        extra_hidden=rng.choice((None, ("INPUTT_PAGEID", f"{rng.randrange(1, 99):02d}"))),
        idle_state_line=rng.random() < 0.5,
        account_inline=rng.random() < 0.5,
        lockout_threshold=rng.randrange(3, 11),
    )


def _text_prefix(name: str) -> str:
    return "INPUTC_" if name == "cert_validation" else "INPUTT_"


def _page_id(rng: random.Random, names: tuple[str, ...]) -> str:
    if rng.random() < 0.25:
        return "P" + "".join(rng.choice("0123456789ABCDEF") for _ in range(6))
    return rng.choice(names)


def _draw_fields(rng: random.Random) -> tuple[dict[str, str], dict[str, str]]:
    fields: dict[str, str] = {}
    widgets: dict[str, str] = {}
    for name in MAIL_FIELDS:
        if rng.random() < 0.2:
            stem = "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXYZ") for _ in range(5))
        else:
            stem = rng.choice(_STEMS[name])
        if name in CHOICE_FIELDS:
            prefix = rng.choice(("SEL_", "INPUTD_", "INPUTR_"))
            widgets[name] = "radio" if prefix == "INPUTR_" else "select"
        else:
            prefix = _text_prefix(name)
        fields[name] = prefix + stem
    if len(set(fields.values())) < len(fields):
        fields = {name: f"{form}{index}" for index, (name, form) in enumerate(fields.items())}
    return fields, widgets


def _draw_values(rng: random.Random, field: str) -> dict[str, str]:
    options = CHOICE_FIELDS[field]
    style = rng.choice(("index", "code", "scattered"))
    if style == "code":
        return dict(zip(options, _CODES[field], strict=True))
    if style == "scattered":
        numbers = rng.sample(range(1, 64), len(options))
        return {neutral: str(number) for neutral, number in zip(options, numbers, strict=True)}
    start = rng.choice((0, 1))
    return {neutral: str(start + index) for index, neutral in enumerate(options)}
