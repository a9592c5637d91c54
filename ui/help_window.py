"""The offline help window: contents, search over titles and text, the page, back and forward.

Pages come from `resources/help/<language>/` through `app.help_topics`, which reads them with
importlib.resources: the window works from the source tree, a wheel or a frozen bundle alike.
The browser loads nothing but those pages. Pages are addressed as `help:/<language>/<id>.html`,
so relative links and `#anchors` between topics resolve as in any web page; a link to
`http(s):` or `mailto:` is handed to the system (QDesktopServices) only when clicked, never
loaded here, and every other URL is refused.

UI strings are translated with `self.tr` directly (lupdate must see the literal context,
../shared/facts/qt.md); `resources/i18n/help_<language>.qm` holds them, `load_translator`
loads one. The help content's language is separate and set with `set_language`.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTranslator, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QFont, QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import help_topics
from app.resources import resource

SCHEME = "help"
EXTERNAL_SCHEMES = frozenset({"http", "https", "mailto"})
TOPIC_ROLE = Qt.ItemDataRole.UserRole

STYLE_SHEET = """
h1 { font-size: x-large; margin-bottom: 8px; }
h2 { font-size: large; margin-top: 16px; margin-bottom: 4px; }
h3 { font-size: medium; margin-top: 12px; margin-bottom: 2px; }
p.code { margin-top: 0px; }
code, pre { font-family: monospace; }
pre { white-space: pre-wrap; }
li { margin-bottom: 3px; }
dt { font-weight: bold; margin-top: 8px; }
"""


class _BytesTranslator(QTranslator):
    """A translator loaded from bytes; it keeps them, since Qt only keeps a pointer."""

    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        self.loaded = self.load(self._data)


def load_translator(language: str) -> QTranslator | None:
    """The help window's own UI strings in `language`, or None (English needs none)."""
    node = resource("i18n", f"help_{language}.qm")
    if not node.is_file():
        return None
    translator = _BytesTranslator(node.read_bytes())
    return translator if translator.loaded else None


def topic_url(language: str, topic_id: str, anchor: str = "") -> QUrl:
    url = QUrl(f"{SCHEME}:/{language}/{topic_id}.html")
    if anchor:
        url.setFragment(anchor)
    return url


def _topic_of(url: QUrl) -> tuple[str, str] | None:
    """(language, topic id) of a help URL, or None."""
    if url.scheme() != SCHEME:
        return None
    parts = url.path().strip("/").split("/")
    if len(parts) != 2 or not parts[1].endswith(".html"):
        return None
    return parts[0], parts[1][: -len(".html")]


class HelpBrowser(QTextBrowser):
    """A QTextBrowser that loads only the shipped help pages."""

    externalLinkRequested = Signal(QUrl)  # noqa: N815 (Qt signal naming)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.document().setDefaultStyleSheet(STYLE_SHEET)
        self.anchorClicked.connect(self.follow)

    def loadResource(self, kind: int, url: QUrl) -> object:  # noqa: N802 (Qt override)
        """The page for a `help:` URL; nothing for any other URL (no network, no files)."""
        topic = _topic_of(url)
        if topic is None or kind != QTextDocument.ResourceType.HtmlResource.value:
            return None
        language, topic_id = topic
        try:
            return help_topics.html(language, topic_id)
        except KeyError:
            return _not_found_page(topic_id)

    def follow(self, url: QUrl) -> None:
        """A clicked link: help pages open here, web links outside, anything else is ignored."""
        if url.scheme() in EXTERNAL_SCHEMES:
            self.externalLinkRequested.emit(url)
            return
        target = self.source().resolved(url) if url.isRelative() else url
        if _topic_of(target) is not None:
            self.setSource(target)


def _not_found_page(topic_id: str) -> str:
    """Shown for a link to a page that does not exist (a broken link is a bug; tests catch it)."""
    return (
        "<html><head><title>?</title></head><body>"
        f"<h1>?</h1><p><code>{topic_id}</code></p></body></html>"
    )


class HelpWindow(QWidget):
    """The help window: not modal, keyboard-friendly, offline."""

    topicShown = Signal(str)  # noqa: N815 (Qt signal naming)

    def __init__(self, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpWindow")
        self.setWindowFlag(Qt.WindowType.Window, True)
        self._language = help_topics.normalize_language(language)
        self._topic = help_topics.INDEX
        self._build()
        self._retranslate()
        self._fill_contents()
        self.show_topic(help_topics.INDEX)
        self.resize(900, 650)

    # --- building -------------------------------------------------------------------------

    def _build(self) -> None:
        self.splitter = QSplitter(Qt.Orientation.Horizontal, objectName="helpSplitter")
        self.splitter.addWidget(self._build_navigation())
        self.splitter.addWidget(self._build_page())
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([310, 590])
        self.splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._build_keyboard()

    def _build_navigation(self) -> QWidget:
        self.searchEdit = QLineEdit(objectName="helpSearchEdit")
        self.searchEdit.setClearButtonEnabled(True)
        self.searchEdit.textChanged.connect(self._update_results)
        self.searchEdit.returnPressed.connect(self._open_first_result)
        self.searchEdit.installEventFilter(self)

        self.resultsLabel = QLabel(objectName="helpResultsLabel")
        self.resultsList = QListWidget(objectName="helpResultsList")
        self.resultsList.setWordWrap(True)
        self.resultsList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.resultsList.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.resultsList.itemActivated.connect(self._open_result)
        self.resultsList.itemClicked.connect(self._open_result)

        self.contentsTree = QTreeWidget(objectName="helpContentsTree")
        self.contentsTree.setHeaderHidden(True)
        self.contentsTree.setRootIsDecorated(False)
        self.contentsTree.setIndentation(12)
        self.contentsTree.itemActivated.connect(self._open_contents_item)
        self.contentsTree.itemClicked.connect(self._open_contents_item)

        self.contentsLabel = QLabel(objectName="helpContentsLabel")
        self.contentsLabel.setBuddy(self.contentsTree)
        self.searchLabel = QLabel(objectName="helpSearchLabel")
        self.searchLabel.setBuddy(self.searchEdit)

        left = QWidget(objectName="helpNavigation")
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.searchLabel)
        left_layout.addWidget(self.searchEdit)
        left_layout.addWidget(self.resultsLabel)
        left_layout.addWidget(self.resultsList, 1)
        left_layout.addWidget(self.contentsLabel)
        left_layout.addWidget(self.contentsTree, 3)
        return left

    def _build_page(self) -> QWidget:
        self.backButton = QPushButton(objectName="helpBackButton")
        self.forwardButton = QPushButton(objectName="helpForwardButton")
        self.homeButton = QPushButton(objectName="helpHomeButton")
        self.backButton.setEnabled(False)
        self.forwardButton.setEnabled(False)

        self.browser = HelpBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.backwardAvailable.connect(self.backButton.setEnabled)
        self.browser.forwardAvailable.connect(self.forwardButton.setEnabled)
        self.browser.sourceChanged.connect(self._source_changed)
        self.browser.externalLinkRequested.connect(self._open_external)
        self.backButton.clicked.connect(self.browser.backward)
        self.forwardButton.clicked.connect(self.browser.forward)
        self.homeButton.clicked.connect(lambda: self.show_topic(help_topics.INDEX))

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.addWidget(self.backButton)
        bar.addWidget(self.forwardButton)
        bar.addWidget(self.homeButton)
        bar.addStretch(1)

        right = QWidget(objectName="helpPage")
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(bar)
        right_layout.addWidget(self.browser, 1)
        return right

    def _build_keyboard(self) -> None:
        for sequence, slot in (
            ("Alt+Left", self.browser.backward),
            ("Alt+Right", self.browser.forward),
            (QKeySequence.StandardKey.Find, self._focus_search),
        ):
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        QWidget.setTabOrder(self.searchEdit, self.resultsList)
        QWidget.setTabOrder(self.resultsList, self.contentsTree)
        QWidget.setTabOrder(self.contentsTree, self.backButton)
        QWidget.setTabOrder(self.backButton, self.forwardButton)
        QWidget.setTabOrder(self.forwardButton, self.homeButton)
        QWidget.setTabOrder(self.homeButton, self.browser)

    def _retranslate(self) -> None:
        self.setWindowTitle(self.tr("Help"))
        self.searchLabel.setText(self.tr("&Search"))
        self.searchEdit.setPlaceholderText(self.tr("Words or an error code, e.g. 5.7.139"))
        self.searchEdit.setAccessibleName(self.tr("Search the help"))
        self.resultsList.setAccessibleName(self.tr("Search results"))
        self.contentsLabel.setText(self.tr("C&ontents"))
        self.contentsTree.setAccessibleName(self.tr("Contents"))
        self.backButton.setText(self.tr("Back"))
        self.backButton.setAccessibleName(self.tr("Back"))
        self.backButton.setToolTip(self.tr("Previous page (Alt+Left)"))
        self.forwardButton.setText(self.tr("Forward"))
        self.forwardButton.setAccessibleName(self.tr("Forward"))
        self.forwardButton.setToolTip(self.tr("Next page (Alt+Right)"))
        self.homeButton.setText(self.tr("Contents"))
        self.homeButton.setAccessibleName(self.tr("Help contents page"))
        self.browser.setAccessibleName(self.tr("Help page"))
        self._update_results()
        self._update_title()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        """Down in the search box moves to the results."""
        if (
            watched is self.searchEdit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down
            and self.resultsList.count()
        ):
            self.resultsList.setFocus()
            self.resultsList.setCurrentRow(0)
            return True
        return super().eventFilter(watched, event)

    # --- public API -----------------------------------------------------------------------

    @property
    def language(self) -> str:
        return self._language

    @property
    def current_topic(self) -> str:
        return self._topic

    def show_topic(self, topic_id: str, anchor: str = "") -> None:
        """Open `topic_id` ("aadsts", or "aadsts#aadsts53003"); the contents for an unknown id."""
        if "#" in topic_id and not anchor:
            topic_id, anchor = topic_id.split("#", 1)
        try:
            help_topics.path(self._language, topic_id)
        except KeyError:
            topic_id, anchor = help_topics.INDEX, ""
        self.browser.setSource(topic_url(self._language, topic_id, anchor))

    def show_error(self, code: str) -> None:
        """Open the topic of an error or warning code."""
        self.show_topic(help_topics.topic_for_error(code))

    def set_language(self, language: str) -> None:
        """Show the help in `language` ("en", "it"; English for one without help)."""
        language = help_topics.normalize_language(language)
        if language == self._language:
            return
        self._language = language
        fragment = self.browser.source().fragment()
        self._fill_contents()
        self._update_results()
        self.show_topic(self._topic, fragment)
        self.browser.clearHistory()

    def search(self, text: str) -> list[str]:
        """Type `text` into the search box; the topic ids found, best first."""
        self.searchEdit.setText(text)
        return self.result_ids()

    def result_ids(self) -> list[str]:
        return [
            self.resultsList.item(row).data(TOPIC_ROLE) for row in range(self.resultsList.count())
        ]

    # --- contents and search --------------------------------------------------------------

    def _fill_contents(self) -> None:
        tree = self.contentsTree
        tree.clear()
        titles = dict(help_topics.topics(self._language))
        home = QTreeWidgetItem(tree, [titles[help_topics.INDEX]])
        home.setData(0, TOPIC_ROLE, help_topics.INDEX)
        for heading, ids in help_topics.sections(self._language):
            section = QTreeWidgetItem(tree, [heading or "\u2026"])
            font = QFont(section.font(0))
            font.setBold(True)
            section.setFont(0, font)
            section.setFlags(Qt.ItemFlag.ItemIsEnabled)
            for topic_id in ids:
                item = QTreeWidgetItem(section, [titles[topic_id]])
                item.setData(0, TOPIC_ROLE, topic_id)
                item.setToolTip(0, titles[topic_id])
        tree.expandAll()
        self._select_in_contents(self._topic)

    def _update_results(self) -> None:
        query = self.searchEdit.text().strip()
        self.resultsList.clear()
        hits = help_topics.search(self._language, query) if query else []
        for topic_id, title in hits:
            item = QListWidgetItem(title)
            item.setData(TOPIC_ROLE, topic_id)
            item.setToolTip(title)
            self.resultsList.addItem(item)
        searching = bool(query)
        self.resultsList.setVisible(searching)
        self.resultsLabel.setVisible(searching)
        if not searching:
            self.resultsLabel.clear()
        elif hits:
            self.resultsLabel.setText(self.tr("Topics found: %1").replace("%1", str(len(hits))))
        else:
            self.resultsLabel.setText(self.tr("No topic contains these words"))

    def _open_first_result(self) -> None:
        if self.resultsList.count():
            self.resultsList.setCurrentRow(0)
            self._open_result(self.resultsList.item(0))

    def _open_result(self, item: QListWidgetItem) -> None:
        self.show_topic(item.data(TOPIC_ROLE))
        self._highlight(self.searchEdit.text())

    def _highlight(self, query: str) -> None:
        """Select the first occurrence of the first search word, so the eye lands on it."""
        words = query.split()
        if not words:
            return
        cursor = self.browser.textCursor()
        cursor.movePosition(cursor.MoveOperation.Start)
        self.browser.setTextCursor(cursor)
        self.browser.find(words[0])

    def _open_contents_item(self, item: QTreeWidgetItem) -> None:
        topic_id = item.data(0, TOPIC_ROLE)
        if topic_id:
            self.show_topic(topic_id)

    @staticmethod
    def _open_external(url: QUrl) -> None:
        """A web link the user clicked: the system's browser shows it, never this window."""
        QDesktopServices.openUrl(url)

    def _focus_search(self) -> None:
        self.searchEdit.setFocus()
        self.searchEdit.selectAll()

    # --- following the browser ------------------------------------------------------------

    def _source_changed(self, url: QUrl) -> None:
        topic = _topic_of(url)
        if topic is None:
            return
        self._topic = topic[1]
        self._select_in_contents(self._topic)
        self._update_title()
        self.topicShown.emit(self._topic)

    def _update_title(self) -> None:
        title = self.browser.documentTitle()
        self.setWindowTitle(self.tr("Help – %1").replace("%1", title) if title else self.tr("Help"))

    def _select_in_contents(self, topic_id: str) -> None:
        tree = self.contentsTree
        blocked = tree.blockSignals(True)
        try:
            tree.clearSelection()
            iterator = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
            while iterator:
                item = iterator.pop(0)
                if item.data(0, TOPIC_ROLE) == topic_id:
                    tree.setCurrentItem(item)
                    tree.scrollToItem(item)
                    return
                iterator.extend(item.child(i) for i in range(item.childCount()))
        finally:
            tree.blockSignals(blocked)
