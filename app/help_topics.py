"""The offline help's topics, read from the pages shipped in `resources/help/<language>/`.

One HTML file per topic, the same file names in every language; the topic id is the file name
without `.html` (error and warning topics are named after their code). Titles come from each
page's `<title>` and the contents order from the links of `index.html`, so nothing here
repeats what the pages say. Qt-free: the help window, the command line and the tests share it.
Files are read through `app.resources.resource`, so this works from the source tree, a wheel
or a frozen bundle.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from html.parser import HTMLParser
from importlib.resources.abc import Traversable

from app.errors import REGISTRY, WARNINGS
from app.resources import resource

DEFAULT_LANGUAGE = "en"
INDEX = "index"
_TOPIC_ID = re.compile(r"^[a-z0-9_]+$")
_SUFFIX = ".html"


class _PageReader(HTMLParser):
    """Title, body text, local links and their section headings (h2) of one page."""

    _SKIP = frozenset({"script", "style", "head"})
    _BLOCK = frozenset(
        {"p", "li", "h1", "h2", "h3", "h4", "dt", "dd", "tr", "td", "th", "br", "div", "pre"}
    )

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.title = ""
        self.links: list[tuple[str, str]] = []  # (section heading, href)
        self._text: list[str] = []
        self._in_title = False
        self._skip = 0
        self._heading: list[str] | None = None
        self._section = ""

    @property
    def text(self) -> str:
        return re.sub(r"[ \t]*\n[\s]*", "\n", "".join(self._text)).strip()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self._in_title = True
        if tag in self._SKIP:
            self._skip += 1
        if tag in self._BLOCK:
            self._text.append("\n")
        if tag == "h2":
            self._heading = []
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.links.append((self._section, href))

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self._in_title = False
        if tag in self._SKIP and self._skip:
            self._skip -= 1
        if tag == "h2" and self._heading is not None:
            self._section = " ".join("".join(self._heading).split())
            self._heading = None
        if tag in self._BLOCK:
            self._text.append("\n")

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._heading is not None:
            self._heading.append(data)
        if not self._skip:
            self._text.append(data)


def languages() -> list[str]:
    """Languages with help pages, e.g. ["en", "it"]."""
    root = resource("help")
    return sorted(
        node.name
        for node in root.iterdir()
        if node.is_dir() and node.joinpath(INDEX + _SUFFIX).is_file()
    )


def normalize_language(language: str | None) -> str:
    """`language` if help exists in it ("it", "it_IT", "it-IT" all give "it"), else English."""
    if language:
        short = language.replace("-", "_").split("_")[0].lower()
        if short in languages():
            return short
    return DEFAULT_LANGUAGE


def topic_ids(language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Every topic id of a language, alphabetically."""
    folder = resource("help", normalize_language(language))
    return sorted(
        node.name[: -len(_SUFFIX)]
        for node in folder.iterdir()
        if node.is_file() and node.name.endswith(_SUFFIX)
    )


def path(language: str | None, topic_id: str) -> Traversable:
    """The page of `topic_id` in `language` (English for a language without help).

    KeyError for an id that is no topic.
    """
    if not _TOPIC_ID.match(topic_id or ""):
        raise KeyError(topic_id)
    node = resource("help", normalize_language(language), topic_id + _SUFFIX)
    if not node.is_file():
        node = resource("help", DEFAULT_LANGUAGE, topic_id + _SUFFIX)
        if not node.is_file():
            raise KeyError(topic_id)
    return node


def html(language: str | None, topic_id: str) -> str:
    """The page's HTML source."""
    return path(language, topic_id).read_text(encoding="utf-8")


@functools.lru_cache(maxsize=512)
def _read(language: str, topic_id: str) -> _PageReader:
    reader = _PageReader()
    reader.feed(html(language, topic_id))
    reader.close()
    return reader


def title(language: str | None, topic_id: str) -> str:
    """The page's `<title>`, whitespace tidied."""
    return " ".join(_read(normalize_language(language), topic_id).title.split())


def text(language: str | None, topic_id: str) -> str:
    """The page's visible text (what search looks through)."""
    return _read(normalize_language(language), topic_id).text


def _local_target(href: str) -> str | None:
    """The topic id a relative link points to, or None for an anchor or a foreign link."""
    target = href.split("#", 1)[0]
    if not target.endswith(_SUFFIX) or "/" in target or ":" in target:
        return None
    return target[: -len(_SUFFIX)]


def sections(language: str | None) -> list[tuple[str, list[str]]]:
    """The contents as `index.html` groups them: (heading, topic ids in link order)."""
    language = normalize_language(language)
    known = set(topic_ids(language))
    result: list[tuple[str, list[str]]] = []
    seen: set[str] = {INDEX}
    for heading, href in _read(language, INDEX).links:
        topic = _local_target(href)
        if topic is None or topic in seen or topic not in known:
            continue
        seen.add(topic)
        if not result or result[-1][0] != heading:
            result.append((heading, []))
        result[-1][1].append(topic)
    rest = [topic for topic in topic_ids(language) if topic not in seen]
    if rest:
        result.append(("", rest))
    return result


def topics(language: str | None) -> list[tuple[str, str]]:
    """(id, title) of every topic: the contents page first, then in the contents' order."""
    language = normalize_language(language)
    ordered = [INDEX] + [topic for _, ids in sections(language) for topic in ids]
    return [(topic, title(language, topic)) for topic in ordered]


def topic_for_error(code: str) -> str:
    """The help topic of an error or warning code; the contents page for an unknown code."""
    if code in REGISTRY:
        topic = REGISTRY[code](detail="").help_topic
    elif code in WARNINGS:
        topic = WARNINGS[code].help_topic
    else:
        return INDEX
    return topic if topic in topic_ids(DEFAULT_LANGUAGE) else INDEX


def fold(value: str) -> str:
    """Lower case, accents and typographic quotes removed: what search compares."""
    value = value.replace("\u2019", "'").replace("\u2018", "'").casefold()
    decomposed = unicodedata.normalize("NFKD", value)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


@functools.lru_cache(maxsize=8)
def _search_index(language: str) -> tuple[tuple[str, str, str, str], ...]:
    return tuple(
        (topic, name, fold(name), fold(topic + "\n" + text(language, topic)))
        for topic, name in topics(language)
    )


def search(language: str | None, query: str) -> list[tuple[str, str]]:
    """(id, title) of the topics containing every word of `query`, best first.

    Words are matched case- and accent-insensitively in the title, the id and the text (the
    contents page by its title only); a title match counts most, then how often words occur.
    """
    terms = fold(query).split()
    if not terms:
        return []
    hits: list[tuple[int, int, str, str]] = []
    for position, (topic, name, folded_title, folded_text) in enumerate(
        _search_index(normalize_language(language))
    ):
        # The contents page names every topic: it is a hit by its title only.
        haystack = folded_title if topic == INDEX else folded_title + "\n" + folded_text
        if not all(term in haystack for term in terms):
            continue
        score = sum(
            (10 if term in folded_title else 0) + min(folded_text.count(term), 5) for term in terms
        )
        hits.append((-score, position, topic, name))
    return [(topic, name) for _, _, topic, name in sorted(hits)]
