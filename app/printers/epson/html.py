"""Web Config pages read the way a person reads them: by labels, not by positions or ids.

Each form control is paired with the visible label a browser user would read beside it —
`<label for>`, an enclosing `<label>`, the `<dt>` before its `<dd>`, or the header cell of its
table row — because the facts fix labels and Epson's name prefixes, not ids or markup. Forms
are submitted as a browser would: every successful control as the page holds it, with only
the caller's changes applied.
"""

from __future__ import annotations

import itertools
import re
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

from bs4 import BeautifulSoup, MarkupResemblesLocatorWarning, Tag

from app.errors import UnsupportedPage

# A device answer that is only a URL or a file name is still a page to read, not a mistake.
warnings.filterwarnings("ignore", category=MarkupResemblesLocatorWarning)

_TEXT_KINDS = {"text", "password", "hidden", "email", "number", "tel", "url", "search"}
_BUTTON_KINDS = {"submit", "button", "image", "reset"}
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "legend", "caption", "dt", "th"})

MAX_CHARACTERS = 2_000_000
MAX_ELEMENTS = 20_000
MAX_DEPTH = 256
"""A Web Config page is tens of kilobytes, a few hundred elements, twenty levels deep. Beyond
these a page is not one the driver can know, and reading it could stall the wizard: it is
`unsupported_page` before any label is looked for."""
_START_TAG = re.compile(r"<[A-Za-z]")
MAX_GROUP_CHILDREN = 64
_CONTAINERS = frozenset({"label", "dd", "td", "th", "tr", "fieldset", "form"})
"""Ancestors a control's label is looked for in, noted for every element in one pass."""


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
        return _join(page_url, action or page_url)


@dataclass(frozen=True)
class Link:
    href: str
    text: str
    context: tuple[str, ...]
    """Texts of the menu groups the link sits in, outermost first."""


class Page:
    def __init__(self, html: str, url: str = "") -> None:
        self.url = url
        html = html or ""
        where = urlsplit(url).path or url
        starts = itertools.islice(_START_TAG.finditer(html), MAX_ELEMENTS + 1)
        if len(html) > MAX_CHARACTERS or sum(1 for _ in starts) > MAX_ELEMENTS:
            raise UnsupportedPage("page too large", page=where)
        self.soup = BeautifulSoup(html, "html.parser")
        self._nested_forms: set[int] = set()
        self._near: dict[int, dict[str, tuple[int, Tag]]] = {}
        self._check_depth(where)
        self._forms: list[Form] | None = None
        self._pairs: list[tuple[str, str]] | None = None
        self._labels_for: dict[str, list[Tag]] | None = None
        self._previous: dict[tuple[int, frozenset[str]], dict[int, Tag | None]] = {}
        self._legends: dict[int, Tag | None] = {}
        self._contexts: dict[int, tuple[str, ...]] = {}

    def _check_depth(self, where: str) -> None:
        """Refuse a page nested deeper than MAX_DEPTH, in one pass that also notes each
        element's nearest containers (label, cell, row, fieldset, form) with their depth, so
        labels are found without walking up from every control, and the forms inside
        another form (a browser ignores those: their controls belong to the outer one)."""
        depth: dict[int, int] = {id(self.soup): 0}
        empty: dict[str, tuple[int, Tag]] = {}
        self._near[id(self.soup)] = empty
        for element in self.soup.descendants:
            if not isinstance(element, Tag) or element.parent is None:
                continue
            parent = element.parent
            level = depth[id(parent)] + 1
            if level > MAX_DEPTH:
                raise UnsupportedPage(f"page nested deeper than {MAX_DEPTH}", page=where)
            depth[id(element)] = level
            near = self._near[id(parent)]
            if parent.name in _CONTAINERS:
                near = {**near, parent.name: (level - 1, parent)}
            self._near[id(element)] = near
            if element.name == "form" and "form" in near:
                self._nested_forms.add(id(element))

    def _nearest(self, element: Tag, *names: str) -> Tag | None:
        """The closest ancestor of `element` named one of `names`."""
        near = self._near.get(id(element), {})
        found = [near[name] for name in names if name in near]
        return max(found, key=lambda pair: pair[0])[1] if found else None

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
        """The page's forms, read once (the driver asks several times per page)."""
        if self._forms is None:
            self._forms = [
                self._form(form)
                for form in self.soup.find_all("form")
                if id(form) not in self._nested_forms
            ]
        return list(self._forms)

    def frames(self) -> dict[str, str]:
        """Frame name → absolute URL."""
        found = {}
        for frame in self.soup.find_all(["frame", "iframe"]):
            if frame.get("src"):
                found[str(frame.get("name") or frame["src"])] = _join(self.url, frame["src"])
        return found

    def links(self) -> list[Link]:
        return [
            Link(_join(self.url, str(a["href"])), text_of(a), self._context(a))
            for a in self.soup.find_all("a", href=True)
        ]

    def pairs(self) -> Iterator[tuple[str, str]]:
        """Label/value pairs of status pages: `dt`/`dd` and two-cell table rows (read once)."""
        if self._pairs is None:
            self._pairs = list(self._read_pairs())
        return iter(self._pairs)

    def _read_pairs(self) -> Iterator[tuple[str, str]]:
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
            found = self._labels().get(str(element["id"]), [])
            beside = [label for label in found if label.parent is element.parent]
            if beside or found:
                # A group's heading may also point at its first radio; the label beside the
                # control is the control's own.
                return text_of((beside or found)[-1])
        parent = self._nearest(element, "label")
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
        if not own and self._nearest(element, "label") is not None:
            own = text_of(self._nearest(element, "label"))
        return own or self._group_label(element)

    def _group_label(self, element: Tag) -> str:
        cell = self._nearest(element, "dd", "td")
        if cell is not None and cell.name == "dd":
            dt = self._previous_sibling(cell, frozenset({"dt"}))
            return text_of(dt) if dt is not None else ""
        if cell is not None:
            row = self._nearest(cell, "tr")
            cells = row.find_all(["th", "td"], recursive=False) if row is not None else []
            if cells and cells[0] is not cell:
                return text_of(cells[0])
        fieldset = self._nearest(element, "fieldset")
        if fieldset is not None:
            if id(fieldset) not in self._legends:
                self._legends[id(fieldset)] = fieldset.find("legend")
            return text_of(self._legends[id(fieldset)])
        return ""

    def _labels(self) -> dict[str, list[Tag]]:
        """Labels by the id they name, gathered once: a lookup per control would read the
        whole page each time."""
        if self._labels_for is None:
            self._labels_for = {}
            for label in self.soup.find_all("label", attrs={"for": True}):
                self._labels_for.setdefault(str(label["for"]), []).append(label)
        return self._labels_for

    def _previous_sibling(self, element: Tag, names: frozenset[str]) -> Tag | None:
        """The nearest earlier sibling named one of `names`, from one pass over the parent's
        children kept for the next sibling asking (find_previous_sibling per element would
        read a long list once per item)."""
        parent = element.parent
        if parent is None:
            return None
        key = (id(parent), names)
        table = self._previous.get(key)
        if table is None:
            table = {}
            last: Tag | None = None
            for child in parent.children:
                if isinstance(child, Tag):
                    table[id(child)] = last
                    if child.name in names:
                        last = child
            self._previous[key] = table
        return table.get(id(element))

    def _context(self, link: Tag) -> tuple[str, ...]:
        """The group headings a menu link sits under, read from the nesting around it,
        outermost first. What an element's ancestors contribute is kept per element, so
        links sharing ancestors read them once."""
        chain: list[Tag] = []
        node = link
        while id(node) not in self._contexts:
            parent = node.parent
            if not isinstance(parent, Tag) or parent.name in ("body", "html", "[document]"):
                self._contexts[id(node)] = ()
                break
            chain.append(node)
            node = parent
        groups = self._contexts[id(node)]
        for child in reversed(chain):
            groups = groups + self._group_of(child.parent, child)
            self._contexts[id(child)] = groups
        return groups

    def _group_of(self, ancestor: Tag, via: Tag) -> tuple[str, ...]:
        """What `ancestor` says about the group of what sits in its child `via`: an `li`'s
        own words, or the heading before a list, block or table."""
        if ancestor.name == "li":
            own = _own_text(ancestor, via)
            return (own,) if own else ()
        if ancestor.name in ("ul", "ol", "div", "dd", "table"):
            heading = self._previous_sibling(ancestor, _HEADINGS)
            if heading is not None:
                return (text_of(heading),)
        return ()


def text_of(element: Tag | None) -> str:
    if element is None:
        return ""
    return " ".join(element.get_text(" ", strip=True).split())


def _join(base: str, href: str) -> str:
    """`href` made absolute; a link no URL parser accepts (`http://[::1`) is kept as written,
    so it matches nothing rather than ending the reading of the page."""
    try:
        return urljoin(base, href)
    except ValueError:
        return href


def _own_text(item: Tag, via: Tag) -> str:
    """An `li`'s own words: its text minus nested lists and the child `via` that holds the
    link. A list item with more than MAX_GROUP_CHILDREN children holds entries, not a
    group's name: it has none (reading it for each of its links would stall on a page made
    of one item with thousands of links)."""
    if len(item.contents) > MAX_GROUP_CHILDREN:
        return ""
    words = []
    for child in item.children:
        if isinstance(child, Tag):
            if child.name in ("ul", "ol") or child is via:
                continue
            words.append(child.get_text(" ", strip=True))
        else:
            words.append(str(child).strip())
    return " ".join(" ".join(words).split())
