"""The pages of the simulated Web Config, rendered for one model, variant and language.

Addresses, frame names, login field sets, `INPUTT_SETUPTOKEN` and the status pages' `dt`/`dd`
pairs follow facts/epson-web-config.md; everything else comes from the variant. Page ids of
the menu's other entries are fixed placeholders: the driver must tell them apart by their
group, not by their own label ("Basic" appears under several groups).
"""

from __future__ import annotations

from dataclasses import dataclass

from app.simulator.labels import STATE_KEYS, text
from app.simulator.markup import attrs, button, document, esc, hidden, rows, status_rows
from app.simulator.models import Model
from app.simulator.settings import MailSettings
from app.simulator.variants import CHOICE_FIELDS, Variant

ADVANCED = "/PRESENTATION/ADVANCED"
FRAMESET = f"{ADVANCED}/COMMON/TOP"
LOGIN_PAGE = f"{ADVANCED}/PASSWORD/TOP"
LOGIN_SET = f"{ADVANCED}/PASSWORD/SET"
CONSUMER_LOGIN = "/PRESENTATION/PSWD"
CONSUMER_INDEX = "/PRESENTATION/HTML/TOP/INDEX.HTML"
CONSUMER_PRTINFO = "/PRESENTATION/HTML/TOP/PRTINFO.HTML"
STATUS_PAGES = ("INFO_PRTINFO", "INFO_NWINFO", "INFO_MENTINFO", "INFO_BEHAVIORINFO")
TOKEN_FIELD = "INPUTT_SETUPTOKEN"  # noqa: S105 - a form field name, not a secret
MICROSOFT_BUTTON = "INPUTT_MSSIGNIN"
TARGET_FIELD = "INPUTT_TARGETPAGE"
PLACEHOLDERS = {
    "PRT_BASIC": "basic",
    "SCN_BASIC": "basic",
    "FAX_BASIC": "basic",
    "FAXSRV_BASIC": "basic",
    "NW_BASIC": "basic",
    "NW_WIFI": "wifi",
    "NW_WIRED": "wired_lan",
    "LDAP_BASIC": "basic",
    "LDAP_SEARCH": "search_settings",
    "LDAP_TEST": "connection_test",
    "SSL_BASIC": "basic",
    "SSL_CERT": "certificate",
    "DM_BASIC": "basic",
}
"""Menu entries the simulator does not model: an empty page each, under its own group."""

Tree = list[tuple[str, "str | Tree"]]


def page_url(page_id: str, action: str = "TOP") -> str:
    return f"{ADVANCED}/{page_id}/{action}"


def _title(model: Model) -> str:
    return model.name


def frameset(model: Model, variant: Variant, language: str) -> str:
    return (
        '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Frameset//EN">\n'
        f'<html lang="{esc(language)}"><head><meta charset="utf-8">'
        '<meta name="Author" content="SEIKO EPSON">'
        f"<title>{esc(_title(model))}</title></head>\n"
        '<frameset rows="72,*" border="0">'
        f'<frame name="HEADER" src="{esc(variant.header_path)}" scrolling="no">'
        '<frameset cols="240,*">'
        f'<frame name="MENU" src="{esc(variant.menu_path)}">'
        f'<frame name="CONTENTS" src="{esc(page_url("INFO_PRTINFO"))}">'
        "</frameset></frameset></html>\n"
    )


def header(model: Model, language: str, logged_in: bool) -> str:
    link = (
        f'<a href="{esc(page_url("PASSWORD", "LOGOUT"))}" target="_top">'
        f"{esc(text('log_out', language))}</a>"
        if logged_in
        else f'<a href="{LOGIN_PAGE}" target="CONTENTS">{esc(text("log_in", language))}</a>'
    )
    body = (
        f'<div class="product">{esc(model.name)}</div>'
        f'<div class="tool">{esc(text("web_config", language))}</div>'
        f'<div class="login">{link}</div>'
    )
    return document(_title(model), body, language)


def menu_tree(model: Model, variant: Variant) -> Tree:
    fax: Tree = [
        ("basic", "FAX_BASIC"),
        ("fax_server", [("basic", "FAXSRV_BASIC"), ("fax_email", variant.fax_page)]),
    ]
    network: Tree = [
        ("basic", "NW_BASIC"),
        ("wifi", "NW_WIFI"),
        ("wired_lan", "NW_WIRED"),
        ("email_server", [("basic", variant.email_page), ("connection_test", variant.test_page)]),
        (
            "ldap_server",
            [
                ("basic", "LDAP_BASIC"),
                ("search_settings", "LDAP_SEARCH"),
                ("connection_test", "LDAP_TEST"),
            ],
        ),
    ]
    tree: Tree = [
        (
            "status",
            [
                ("product_status", "INFO_PRTINFO"),
                ("network_status", "INFO_NWINFO"),
                ("maintenance", "INFO_MENTINFO"),
                ("hardware_status", "INFO_BEHAVIORINFO"),
            ],
        ),
        ("print", [("basic", "PRT_BASIC")]),
        ("scan_copy", [("basic", "SCN_BASIC")]),
    ]
    if model.fax:
        tree.append(("fax", fax))
    tree += [
        ("network", network),
        ("network_security", [("ssl_tls", [("basic", "SSL_BASIC"), ("certificate", "SSL_CERT")])]),
        ("device_management", [("basic", "DM_BASIC")]),
    ]
    return tree


def menu(model: Model, variant: Variant, language: str) -> str:
    body = _menu_level(menu_tree(model, variant), variant, language)
    return document(_title(model), f'<div id="menu">{body}</div>', language)


def _menu_level(tree: Tree, variant: Variant, language: str) -> str:
    items = []
    for key, target in tree:
        label = esc(text(key, language))
        if isinstance(target, str):
            link = f'<a href="{esc(page_url(target))}" target="CONTENTS">{label}</a>'
            items.append(
                f"<li>{link}</li>" if variant.menu_markup == "ul" else f"<div>{link}</div>"
            )
            continue
        title = (
            f'<a href="javascript:void(0)" class="toggle">{label}</a>'
            if variant.group_links
            else f"<span>{label}</span>"
        )
        inner = _menu_level(target, variant, language)
        if variant.menu_markup == "ul":
            items.append(f"<li>{title}{inner}</li>")
        else:
            items.append(f'<dl class="group"><dt>{title}</dt><dd>{inner}</dd></dl>')
    joined = "\n".join(items)
    return f"<ul>\n{joined}\n</ul>" if variant.menu_markup == "ul" else joined


def product_status(model: Model, variant: Variant, language: str) -> str:
    items = [
        (text("product_name", language), model.name),
        (text("serial_number", language), model.serial),
        (text("firmware", language), model.firmware),
        (text("mac_address", language), model.mac),
        (text("status", language), text("ready", language)),
    ]
    heading = f"<h1>{esc(text('product_status', language))}</h1>"
    return document(_title(model), heading + status_rows(items, variant), language)


@dataclass(frozen=True)
class Interface:
    """One network interface as the status page shows it; `served` is the one answering."""

    key: str
    address: str
    served: bool


def network_status(
    model: Model, variant: Variant, language: str, interfaces: list[Interface]
) -> str:
    sections = [f"<h1>{esc(text('network_status', language))}</h1>"]
    sections.append(
        status_rows(
            [
                (text("device_name", language), model.device_name),
                (text("mac_address", language), model.mac),
            ],
            variant,
        )
    )
    for interface in interfaces:
        mask = "ffff:ffff:ffff:ffff::" if ":" in interface.address else "255.0.0.0"
        items = [
            (text("interface", language), text(interface.key, language)),
            (text("connection", language), text("connected", language)),
            (text("ip_address", language), interface.address),
            (text("subnet_mask", language), mask),
            # The simulated device reaches its stand-ins through loopback: that is its gateway.
            (text("gateway", language), interface.address),
            (text("dns_server", language), interface.address),
        ]
        sections.append(f"<h2>{esc(text(interface.key, language))}</h2>")
        sections.append(status_rows(items, variant))
    return document(_title(model), "\n".join(sections), language)


def maintenance(model: Model, variant: Variant, language: str) -> str:
    items = [(text("total_pages", language), "18342")]
    heading = f"<h1>{esc(text('maintenance', language))}</h1>"
    return document(_title(model), heading + status_rows(items, variant), language)


def hardware_status(model: Model, variant: Variant, language: str) -> str:
    items = [(text("status", language), text("ready", language))]
    heading = f"<h1>{esc(text('hardware_status', language))}</h1>"
    return document(_title(model), heading + status_rows(items, variant), language)


def consumer_index(model: Model, language: str) -> str:
    body = (
        f"<h1>{esc(model.name)}</h1>"
        f'<p><a href="{FRAMESET}">{esc(text("web_config", language))}</a></p>'
        f'<p><a href="{CONSUMER_PRTINFO}">{esc(text("product_status", language))}</a></p>'
    )
    return document(_title(model), body, language)


def placeholder(model: Model, label_key: str, language: str) -> str:
    return document(_title(model), f"<h1>{esc(text(label_key, language))}</h1>", language)


def login_form(model: Model, variant: Variant, language: str, message: str = "") -> str:
    notice = f'<p class="error">{esc(message)}</p>' if message else ""
    if model.consumer_login:
        form = (
            f'<form method="post" action="{CONSUMER_LOGIN}" name="PSWD">'
            + hidden("dummy", "")
            + hidden("from", "top")
            + hidden("trigger", "set")
            + hidden("access", "https")
            + rows(
                [
                    (
                        text("admin_password", language),
                        '<input type="password" id="session" name="session" maxlength="20">',
                        "session",
                    )
                ],
                variant,
            )
            + button(None, text("ok", language), variant)
            + "</form>"
        )
    else:
        session_fields = (
            hidden("INPUTT_ACCSESSMETHOD", "0") + hidden("INPUTT_DUMMY", "")
            if variant.login_fields == "accessmethod"
            else hidden("SEL_SESSIONTYPE", "ADMIN")
        )
        form = (
            f'<form method="post" action="{LOGIN_SET}" name="LOGIN">'
            + session_fields
            + hidden("access", "https")
            + rows(
                [
                    (
                        text("user_name", language),
                        '<input type="text" id="INPUTT_USERNAME" name="INPUTT_USERNAME" '
                        'maxlength="20" value="">',
                        "INPUTT_USERNAME",
                    ),
                    (
                        text("password", language),
                        '<input type="password" id="INPUTT_PASSWORD" name="INPUTT_PASSWORD" '
                        'maxlength="20" value="">',
                        "INPUTT_PASSWORD",
                    ),
                ],
                variant,
            )
            + button(None, text("ok", language), variant)
            + "</form>"
        )
    body = f"<h1>{esc(text('admin_login', language))}</h1>{notice}{form}"
    return document(_title(model), body, language)


@dataclass(frozen=True)
class MailView:
    """What a settings page shows: values (pending ones while a sign-in waits) and state."""

    page_id: str
    heading_key: str
    values: MailSettings
    state: str | None
    state_detail: str
    account: str | None
    token: str | None


def mail_form(model: Model, variant: Variant, language: str, view: MailView) -> str:
    values = view.values
    names = variant.fields
    items: list[tuple[str, str, str | None]] = [
        _choice_row(variant, language, "auth_method", values.auth_method, model)
    ]
    if model.oauth2:
        items.append(_choice_row(variant, language, "service", values.service, model))
    items += [
        _text_row(names["account"], text("account", language), values.auth_account, 255),
        _password_row(names["password"], text("auth_password", language)),
        _text_row(names["sender"], text("sender", language), values.sender, 255),
        _text_row(names["smtp_server"], text("smtp_server", language), values.smtp_server, 255),
        _text_row(names["smtp_port"], text("smtp_port", language), str(values.smtp_port), 5),
        _choice_row(variant, language, "security", values.security, model),
        _checkbox_row(names["cert_validation"], text("cert_validation", language), values),
        _text_row(names["pop3_server"], text("pop3_server", language), values.pop3_server, 255),
        _text_row(names["pop3_port"], text("pop3_port", language), str(values.pop3_port), 5),
    ]
    parts = [rows(items, variant, css="settings")]
    if model.oauth2:
        parts.append(_oauth_block(variant, language, view))
    parts.append(_hiddens(variant, view.token))
    parts.append(button(variant.ok_button, text("ok", language), variant))
    form = (
        f'<form method="post" action="{esc(page_url(view.page_id, "SET"))}" name="SETTINGS">'
        + "\n".join(parts)
        + "</form>"
    )
    body = f"<h1>{esc(text(view.heading_key, language))}</h1>\n{form}"
    return document(_title(model), body, language)


def _hiddens(variant: Variant, token: str | None) -> str:
    out = hidden(TOKEN_FIELD, token) if token is not None else ""
    if variant.extra_hidden is not None:
        out += hidden(*variant.extra_hidden)
    return out


def _oauth_block(variant: Variant, language: str, view: MailView) -> str:
    items: list[tuple[str, str, str | None]] = []
    if view.state is not None:
        state = text(STATE_KEYS[view.state], language)
        if view.state_detail:
            state = f"{state} ({view.state_detail})"
        if view.account and variant.account_inline:
            state = f"{state}: {view.account}"
        items.append(
            (text("current_status", language), f'<span id="oauthstatus">{esc(state)}</span>', None)
        )
        if view.account and not variant.account_inline:
            items.append((text("signed_in_account", language), esc(view.account), None))
    formaction = page_url(view.page_id, variant.signin_action) if variant.signin_action else None
    signin_label = text("sign_in", language)
    items.append(("", button(variant.signin_button, signin_label, variant, formaction), None))
    return f"<h2>{esc(text('oauth_heading', language))}</h2>\n" + rows(items, variant, css="oauth")


def _option_text(field: str, neutral: str, language: str, model: Model) -> str:
    if neutral == "smtp_auth":
        return "SMTP AUTH" if model.oauth2 else "SMTP-AUTH"
    fixed = {
        "oauth2": "OAuth2",
        "exchange": "Microsoft Exchange Online",
        "outlook": "Outlook.com",
        "ssl_tls": "SSL/TLS",
        "starttls": "STARTTLS",
    }
    return fixed.get(neutral) or text(neutral, language)


def _choice_row(
    variant: Variant, language: str, field: str, chosen: str, model: Model
) -> tuple[str, str, str | None]:
    label_key = "email_service" if field == "service" else field
    name = variant.fields[field]
    options = [neutral for neutral in CHOICE_FIELDS[field] if model.oauth2 or neutral != "oauth2"]
    if variant.widgets[field] == "radio":
        buttons = []
        for index, neutral in enumerate(options):
            control = f"{name}_{index}"
            checked = neutral == chosen
            value = variant.option_value(field, neutral)
            shown = esc(_option_text(field, neutral, language, model))
            buttons.append(
                f'<input type="radio"{attrs(name=name, id=control, value=value, checked=checked)}>'
                f'<label for="{esc(control)}">{shown}</label>'
            )
        return text(label_key, language), " ".join(buttons), f"{name}_0"
    opts = "".join(
        f"<option{attrs(value=variant.option_value(field, neutral), selected=neutral == chosen)}>"
        f"{esc(_option_text(field, neutral, language, model))}</option>"
        for neutral in options
    )
    return text(label_key, language), f"<select{attrs(name=name, id=name)}>{opts}</select>", name


def _text_row(name: str, label: str, value: str, limit: int) -> tuple[str, str, str | None]:
    control = f'<input type="text"{attrs(name=name, id=name, value=value, maxlength=limit)}>'
    return label, control, name


def _password_row(name: str, label: str) -> tuple[str, str, str | None]:
    control = f'<input type="password"{attrs(name=name, id=name, value="", maxlength=20)}>'
    return label, control, name


def _checkbox_row(name: str, label: str, values: MailSettings) -> tuple[str, str, str | None]:
    checked = values.cert_validation
    control = (
        f'<input type="checkbox"{attrs(name=name, id=name, value="checked", checked=checked)}>'
    )
    return label, control, name


def signin_step(
    model: Model, variant: Variant, language: str, page_id: str, token: str | None
) -> str:
    """The two-step firmware's page between Sign In and the code: "Sign in with Microsoft"."""
    form = (
        f'<form method="post" action="{esc(page_url(variant.signin_page, "SET"))}">'
        + _hiddens(variant, token)
        + hidden(TARGET_FIELD, page_id)
        + f"<p>{esc(text('signin_intro', language))}</p>"
        + button(MICROSOFT_BUTTON, text("sign_in_microsoft", language), variant)
        + "</form>"
    )
    body = f"<h1>{esc(text('sign_in', language))}</h1>{form}"
    return document(_title(model), body, language)


def code_page(
    model: Model,
    variant: Variant,
    language: str,
    page_id: str,
    *,
    verification_uri: str,
    user_code: str,
    expires_in: int,
) -> str:
    items: list[tuple[str, str, str | None]] = [
        (
            text("url", language),
            f'<a href="{esc(verification_uri)}" target="_blank">{esc(verification_uri)}</a>',
            None,
        ),
        (text("code", language), f'<strong class="usercode">{esc(user_code)}</strong>', None),
        (
            text("expires", language),
            esc(text("minutes", language, n=max(1, expires_in // 60))),
            None,
        ),
    ]
    body = (
        f"<h1>{esc(text('sign_in_microsoft', language))}</h1>"
        f"<p>{esc(text('code_intro', language))}</p>"
        + rows(items, variant, css="devicecode")
        + f'<p><a href="{esc(page_url(page_id))}">{esc(text("back", language))}</a></p>'
    )
    return document(_title(model), body, language)


def message(
    model: Model, language: str, message_text: str, back: str | None, *, error: bool = False
) -> str:
    heading = f"<h1>{esc(text('error', language))}</h1>" if error else ""
    css = "error" if error else "message"
    link = f'<p><a href="{esc(back)}">{esc(text("back", language))}</a></p>' if back else ""
    body = f'{heading}<div class="{css}"><p>{esc(message_text)}</p></div>{link}'
    return document(_title(model), body, language)


def test_page(model: Model, variant: Variant, language: str, token: str | None) -> str:
    form = (
        f'<form method="post" action="{esc(page_url(variant.test_page, "SET"))}">'
        + _hiddens(variant, token)
        + button(None, text("start", language), variant)
        + "</form>"
    )
    body = f"<h1>{esc(text('connection_test', language))}</h1>{form}"
    return document(_title(model), body, language)


def test_result(model: Model, variant: Variant, language: str, result_key: str) -> str:
    items = [(text("test_result", language), esc(text(result_key, language)), None)]
    body = (
        f"<h1>{esc(text('connection_test', language))}</h1>"
        + rows(items, variant, css="result")
        + f'<p><a href="{esc(page_url(variant.test_page))}">{esc(text("back", language))}</a></p>'
    )
    return document(_title(model), body, language)


def error_500(language: str) -> str:
    return document("500", f"<h1>{esc(text('internal_error', language))}</h1>", language)
