"""Web Config pages read the way a person reads them: by labels, not by positions or ids.

Each form control is paired with the visible label a browser user would read beside it —
`<label for>`, an enclosing `<label>`, the `<dt>` before its `<dd>`, or the header cell of its
table row — because the facts fix labels and Epson's name prefixes, not ids or markup. Forms
are submitted as a browser would: every successful control as the page holds it, with only
the caller's changes applied.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

# A device answer that is only a URL or a file name is still a page to read, not a mistake.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

_TEXT_KINDS = {"text", "password", "hidden", "email", "number", "tel", "url", "search"}
_BUTTON_KINDS = {"submit", "button", "image", "reset"}
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6", "legend", "caption", "dt", "th")


@dataclass(frozen=True)
class Option:
    value: str
    text: str
    selected: bool = False


@dataclass
class Control:
    name: str
    kind: str
    """Lower-case input type, or "select" / "textarea"."""
    value: str = ""
    label: str = ""
    options: list[Option] = field(default_factory=list)
    """Choices of a select, or of a radio group (each radio's own label as text)."""
    disabled: bool = False
    checked: bool = False
    """For a checkbox: whether the page shows it ticked (`value` is what it posts then)."""

    @property
    def selected_option(self) -> Option | None:
        return next((option for option in self.options if option.value == self.value), None)


@dataclass(frozen=True)
class Button:
    name: str | None
    value: str
    text: str
    formaction: str | None = None


@dataclass
class Form:
    action: str
    method: str
    controls: dict[str, Control] = field(default_factory=dict)
    buttons: list[Button] = field(default_factory=list)

    def payload(
        self, changes: Mapping[str, str | None] | None = None, button: Button | None = None
    ) -> list[tuple[str, str]]:
        """What a browser posts for this form with `changes` made and `button` pressed.

        A change to None unticks a checkbox; a change naming no control of the form is added.
        """
        changes = dict(changes or {})
        fields: list[tuple[str, str]] = []
        for name, control in self.controls.items():
            if control.disabled:
                continue
            if control.kind == "checkbox":
                value = (
                    changes.pop(name)
                    if name in changes
                    else (control.value if control.checked else None)
                )
            else:
                value = changes.pop(name, control.value)
            if value is None or (control.kind == "radio" and value == ""):
                continue
            fields.append((name, value))
        fields.extend((name, value) for name, value in changes.items() if value is not None)
        if button is not None and button.name:
            fields.append((button.name, button.value))
        return fields

    def target(self, page_url: str, button: Button | None = None) -> str:
        action = button.formaction if button is not None and button.formaction else self.action
        return urljoin(page_url, action or page_url)


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    context: tuple[str, ...]
    """Texts of the menu groups the link sits in, outermost first."""


class Page:
    def __init__(self, html: str, url: str = "") -> None:
        self.url = url
        self.soup = BeautifulSoup(html or "", "html.parser")

    @property
    def title(self) -> str:
        return text_of(self.soup.title) if self.soup.title else ""

    @property
    def is_epson(self) -> bool:
        author = self.soup.find("meta", attrs={"name": lambda v: v and v.lower() == "author"})
        return bool(author and "EPSON" in str(author.get("content", "")).upper())

    def text(self) -> str:
        return self.soup.get_text(" ", strip=True)

    def forms(self) -> list[Form]:
        return [self._form(form) for form in self.soup.find_all("form")]

    def frames(self) -> dict[str, str]:
        """Frame name → absolute URL."""
        found = {}
        for frame in self.soup.find_all(["frame", "iframe"]):
            if frame.get("src"):
                found[str(frame.get("name") or frame["src"])] = urljoin(self.url, frame["src"])
        return found

    def links(self) -> list[Link]:
        return [
            Link(urljoin(self.url, str(a["href"])), text_of(a), _context(a))
            for a in self.soup.find_all("a", href=True)
        ]

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Label/value pairs of status pages: `dt`/`dd` and two-cell table rows."""
        for dt in self.soup.find_all("dt"):
            dd = dt.find_next_sibling(["dd", "dt"])
            if dd is not None and dd.name == "dd":
                yield text_of(dt), text_of(dd)
        for row in self.soup.find_all("tr"):
            cells = row.find_all(["th", "td"], recursive=False)
            if len(cells) >= 2:
                yield text_of(cells[0]), text_of(cells[1])

    def _form(self, element: Tag) -> Form:
        form = Form(str(element.get("action") or ""), str(element.get("method") or "get").lower())
        for control in element.find_all(["input", "select", "textarea", "button"]):
            self._add(form, control)
        return form

    def _add(self, form: Form, element: Tag) -> None:
        kind = (
            element.name
            if element.name in ("select", "textarea")
            else str(element.get("type") or ("submit" if element.name == "button" else "text"))
        ).lower()
        name = element.get("name")
        if kind in _BUTTON_KINDS:
            text = text_of(element) or str(element.get("value") or "")
            value = str(element.get("value") or "")
            form.buttons.append(Button(name and str(name), value, text, element.get("formaction")))
            return
        if not name:
            return
        name = str(name)
        disabled = element.has_attr("disabled")
        if kind == "checkbox":
            value = str(element.get("value") or "on")
            form.controls[name] = Control(
                name, kind, value, self._label(element), [], disabled, element.has_attr("checked")
            )
            return
        if kind == "radio":
            self._add_radio(form, element, name, disabled)
            return
        if kind == "select":
            options = [
                Option(str(o.get("value", text_of(o))), text_of(o), o.has_attr("selected"))
                for o in element.find_all("option")
            ]
            chosen = next((o for o in options if o.selected), options[0] if options else None)
            value = chosen.value if chosen else ""
            form.controls[name] = Control(
                name, kind, value, self._label(element), options, disabled
            )
            return
        value = text_of(element) if kind == "textarea" else str(element.get("value") or "")
        if kind == "password":
            value = ""
        form.controls[name] = Control(name, kind, value, self._label(element), [], disabled)

    def _add_radio(self, form: Form, element: Tag, name: str, disabled: bool) -> None:
        value = str(element.get("value") or "on")
        control = form.controls.get(name)
        if control is None:
            control = Control(name, "radio", "", self._group_label(element), [], disabled)
            form.controls[name] = control
        own = self._own_label(element)
        control.options.append(Option(value, own, element.has_attr("checked")))
        if element.has_attr("checked"):
            control.value = value

    def _own_label(self, element: Tag) -> str:
        if element.get("id"):
            found = self.soup.find_all("label", attrs={"for": element["id"]})
            beside = [label for label in found if label.parent is element.parent]
            if beside or found:
                # A group's heading may also point at its first radio; the label beside the
                # control is the control's own.
                return text_of((beside or found)[-1])
        parent = element.find_parent("label")
        if parent is not None:
            return text_of(parent)
        sibling = element.next_sibling
        while sibling is not None and not (isinstance(sibling, Tag) and sibling.name == "input"):
            words = (
                sibling.get_text(" ", strip=True) if isinstance(sibling, Tag) else sibling.strip()
            )
            if words:
                return " ".join(words.split())
            sibling = sibling.next_sibling
        return ""

    def _label(self, element: Tag) -> str:
        own = self._own_label(element) if element.get("id") else ""
        if not own and element.find_parent("label") is not None:
            own = text_of(element.find_parent("label"))
        return own or self._group_label(element)

    def _group_label(self, element: Tag) -> str:
        cell = element.find_parent(["dd", "td"])
        if cell is not None and cell.name == "dd":
            dt = cell.find_previous_sibling("dt")
            return text_of(dt) if dt is not None else ""
        if cell is not None:
            row = cell.find_parent("tr")
            cells = row.find_all(["th", "td"], recursive=False) if row is not None else []
            if cells and cells[0] is not cell:
                return text_of(cells[0])
        fieldset = element.find_parent("fieldset")
        if fieldset is not None and fieldset.find("legend") is not None:
            return text_of(fieldset.find("legend"))
        return ""


def text_of(element: Tag | None) -> str:
    if element is None:
        return ""
    return " ".join(element.get_text(" ", strip=True).split())


def _context(link: Tag) -> tuple[str, ...]:
    """The group headings a menu link sits under, read from the nesting around it."""
    groups: list[str] = []
    for ancestor in link.parents:
        if not isinstance(ancestor, Tag) or ancestor.name in ("body", "html", "[document]"):
            break
        if ancestor.name == "li":
            own = _own_text(ancestor, link)
            if own:
                groups.append(own)
        heading = ancestor.find_previous_sibling(_HEADINGS)
        if ancestor.name in ("ul", "ol", "div", "dd", "table") and heading is not None:
            groups.append(text_of(heading))
    return tuple(reversed(groups))


def _own_text(item: Tag, exclude: Tag) -> str:
    """An `li`'s own words: its text minus nested lists and the link itself."""
    words = []
    for child in item.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol") or child is exclude or exclude in child.parents:
                continue
            if child.find("a") is not None and exclude in child.find_all("a"):
                continue
            words.append(child.get_text(" ", strip=True))
        else:
            words.append(str(child).strip())
    return " ".join(" ".join(words).split())
