"""Small HTML builders for the simulated Web Config; every dynamic text passes `esc`.

Builders take HTML they are given as already safe and escape only what they make from
values, so a device name, an account or a typed value can never break a page.
"""

from __future__ import annotations

import html

from app.simulator.variants import Variant


def esc(value: object) -> str:
    return html.escape(str(value), quote=True)


def attrs(**values: object) -> str:
    """` name="value"` pairs; `class_` becomes `class`; None and False are left out."""
    parts = []
    for key, value in values.items():
        name = key.rstrip("_").replace("_", "-")
        if value is None or value is False:
            continue
        parts.append(f" {name}" if value is True else f' {name}="{esc(value)}"')
    return "".join(parts)


def document(title: str, body: str, language: str) -> str:
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{esc(language)}"><head><meta charset="utf-8">'
        '<meta name="Author" content="SEIKO EPSON">'
        f"<title>{esc(title)}</title></head>\n<body>\n{body}\n</body></html>\n"
    )


def decorate(label: str, variant: Variant) -> str:
    """The label's text as this firmware dresses it (facts: "Traps when reading pages")."""
    text = esc(label)
    style = variant.decoration
    if style == "nbsp_colon":
        return f"{text}&nbsp;:"
    if style == "colon":
        return f"{text}:"
    if style == "span":
        return f'<span class="item-name">{text}</span><span class="sep">:</span>'
    if style == "spaces":
        return f"\n    {text}  \n"
    return text


def rows(items: list[tuple[str, str, str | None]], variant: Variant, *, css: str = "") -> str:
    """Label/value rows as `dl` or `table`; items are (label text, value HTML, control id)."""
    out = []
    for label, value, control in items:
        text = decorate(label, variant)
        if variant.label_for and control:
            text = f'<label for="{esc(control)}">{text}</label>'
        if variant.markup == "table":
            out.append(f"<tr><th>{text}</th><td>{value}</td></tr>")
        else:
            out.append(f"<dt>{text}</dt><dd>{value}</dd>")
    tag = "table" if variant.markup == "table" else "dl"
    return f"<{tag}{attrs(class_=css or None)}>\n" + "\n".join(out) + f"\n</{tag}>"


def status_rows(items: list[tuple[str, str]], variant: Variant) -> str:
    """Status pages always use `<dt>`label`</dt><dd>`value`</dd>` (facts: code, capture)."""
    body = "".join(
        f"<dt>{decorate(label, variant)}</dt><dd>{esc(value)}</dd>" for label, value in items
    )
    return f"<dl>{body}</dl>"


def button(name: str | None, label: str, variant: Variant, formaction: str | None = None) -> str:
    if variant.button_tag == "button":
        value = "1" if name else None
        return (
            f'<button type="submit"{attrs(name=name, value=value, formaction=formaction)}>'
            f"{esc(label)}</button>"
        )
    return f'<input type="submit"{attrs(name=name, value=label, formaction=formaction)}>'


def hidden(name: str, value: str) -> str:
    return f'<input type="hidden"{attrs(name=name, value=value)}>'
