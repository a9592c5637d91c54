"""The help window, offscreen: every page in both languages, links, history, search, language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QTextBrowser,
    QWidget,
)

from app import help_topics
from ui import help_window
from ui.help_window import HelpWindow, load_translator

# The offscreen platform warns once per top-level layout change; it says nothing about us.
pytestmark = pytest.mark.qt_log_ignore("This plugin does not support propagateSizeHints")


@pytest.fixture
def window(qtbot) -> HelpWindow:
    widget = HelpWindow("en")
    qtbot.addWidget(widget)
    widget.resize(900, 650)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def link_position(browser: QTextBrowser, href: str) -> QPoint:
    """Where on the browser's viewport the link to `href` is drawn (scrolled into view)."""
    document = browser.document()
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().anchorHref() == href:
                cursor = browser.textCursor()
                cursor.setPosition(fragment.position() + 1)
                browser.setTextCursor(cursor)
                browser.ensureCursorVisible()
                return browser.cursorRect(cursor).center()
            iterator += 1
        block = block.next()
    raise AssertionError(f"no link to {href}")


def test_window_is_a_non_modal_widget_named_helpwindow(window: HelpWindow) -> None:
    assert window.objectName() == "helpWindow"
    assert not window.isModal()
    assert window.windowModality() == Qt.WindowModality.NonModal
    assert window.current_topic == "index"
    assert window.browser.documentTitle() == help_topics.title("en", "index")


def test_every_interactive_widget_has_an_object_and_accessible_name(window: HelpWindow) -> None:
    window.search("printer")  # the results list shows only while searching
    interactive = [
        *window.findChildren(QAbstractButton),
        *window.findChildren(QLineEdit),
        *window.findChildren(QAbstractItemView),
        *window.findChildren(QTextBrowser),
    ]
    assert len(interactive) >= 7
    for widget in interactive:
        if not widget.isVisibleTo(window) or isinstance(widget.parent(), QLineEdit):
            continue  # hidden (the tree's header) or the line edit's own clear button
        assert widget.objectName(), widget
        assert widget.accessibleName(), widget.objectName()


def test_tab_order_goes_search_results_contents_buttons_page(window: HelpWindow) -> None:
    window.search("printer")
    expected = [
        window.searchEdit,
        window.resultsList,
        window.contentsTree,
        window.backButton,
        window.forwardButton,
        window.homeButton,
        window.browser,
    ]
    chain: list[QWidget] = []
    widget = window.searchEdit
    for _ in range(200):
        if widget in expected and widget not in chain:
            chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is window.searchEdit:
            break
    assert chain == expected


@pytest.mark.parametrize("language", ["en", "it"])
def test_every_topic_shows_in_both_languages(window: HelpWindow, qtbot, language: str) -> None:
    window.set_language(language)
    for topic, title in help_topics.topics(language):
        window.show_topic(topic)
        assert window.current_topic == topic
        assert window.browser.source() == help_window.topic_url(language, topic)
        assert window.browser.documentTitle() == title
        assert title in window.windowTitle()
        text = window.browser.toPlainText()
        assert len(text) > 300, topic
        assert text.strip() != "?"
        selected = window.contentsTree.currentItem()
        assert selected is not None and selected.data(0, help_window.TOPIC_ROLE) == topic


def test_clicking_a_link_follows_it_to_its_anchor_then_back_and_forward(
    window: HelpWindow, qtbot
) -> None:
    window.show_topic("sign_in_blocked")
    browser = window.browser
    assert not window.forwardButton.isEnabled()
    position = link_position(browser, "aadsts.html#aadsts53003")
    with qtbot.waitSignal(window.topicShown, timeout=2000):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=position)
    assert window.current_topic == "aadsts"
    assert browser.source().fragment() == "aadsts53003"
    assert browser.verticalScrollBar().value() > 0  # scrolled down to the anchor
    assert window.backButton.isEnabled()

    qtbot.mouseClick(window.backButton, Qt.MouseButton.LeftButton)
    assert window.current_topic == "sign_in_blocked"
    assert window.forwardButton.isEnabled()
    qtbot.mouseClick(window.forwardButton, Qt.MouseButton.LeftButton)
    assert window.current_topic == "aadsts"

    browser.setFocus()
    qtbot.keyClick(browser, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_topic == "sign_in_blocked"
    qtbot.keyClick(browser, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_topic == "aadsts"

    qtbot.mouseClick(window.homeButton, Qt.MouseButton.LeftButton)
    assert window.current_topic == "index"


def test_same_page_anchor_and_show_topic_with_anchor(window: HelpWindow) -> None:
    window.show_topic("smtp_answers#code-5-7-60")
    assert window.current_topic == "smtp_answers"
    assert window.browser.source().fragment() == "code-5-7-60"
    assert window.browser.verticalScrollBar().value() > 0
    window.show_topic("no_such_topic")
    assert window.current_topic == "index"
    window.show_error("sign_in_blocked")
    assert window.current_topic == "sign_in_blocked"
    window.show_error("not_a_code")
    assert window.current_topic == "index"


def test_search_filters_live_and_enter_opens_the_first_hit(window: HelpWindow, qtbot) -> None:
    window.searchEdit.setFocus()
    assert not window.resultsList.isVisible()
    qtbot.keyClicks(window.searchEdit, "5.7.1")
    partial = window.result_ids()
    qtbot.keyClicks(window.searchEdit, "39")
    found = window.result_ids()
    assert window.resultsList.isVisible()
    assert set(found) <= set(partial)
    for topic in ("smtp_auth_disabled_tenant", "smtp_auth_disabled_mailbox", "smtp_answers"):
        assert topic in found
    assert window.resultsLabel.text() == f"Topics found: {len(found)}"
    qtbot.keyClick(window.searchEdit, Qt.Key.Key_Return)
    assert window.current_topic == found[0]
    assert "5.7.139" in window.browser.textCursor().selectedText()

    window.searchEdit.clear()
    qtbot.keyClicks(window.searchEdit, "qqqzzznothing")
    assert window.result_ids() == []
    assert window.resultsLabel.text() == "No topic contains these words"
    window.searchEdit.clear()
    assert not window.resultsList.isVisible()


def test_down_arrow_moves_from_search_to_results_and_enter_opens(window: HelpWindow, qtbot) -> None:
    window.searchEdit.setFocus()
    qtbot.keyClicks(window.searchEdit, "glossary")
    qtbot.keyClick(window.searchEdit, Qt.Key.Key_Down)
    assert window.resultsList.currentRow() == 0
    qtbot.keyClick(window.resultsList, Qt.Key.Key_Return)
    assert window.current_topic == "glossary"


def test_italian_search_finds_italian_pages(window: HelpWindow, qtbot) -> None:
    window.set_language("it")
    found = window.search("cassetta condivisa")
    assert "token_rejected" in found
    titles = [window.resultsList.item(row).text() for row in range(window.resultsList.count())]
    assert help_topics.title("it", "token_rejected") in titles
    assert window.search("inattività")[0] == "idle_expiry"


def test_switching_language_keeps_the_topic_and_changes_contents(window: HelpWindow) -> None:
    window.show_topic("code_expired")
    window.search("code")
    window.set_language("it")
    assert window.language == "it"
    assert window.current_topic == "code_expired"
    assert window.browser.documentTitle() == help_topics.title("it", "code_expired")
    assert window.contentsTree.topLevelItem(0).text(0) == help_topics.title("it", "index")
    assert window.search("scaduto")  # results recomputed in Italian
    window.set_language("fr")  # no help in French: English
    assert window.language == "en"
    assert window.browser.documentTitle() == help_topics.title("en", "code_expired")


def test_nothing_but_help_pages_is_ever_loaded(window: HelpWindow, monkeypatch) -> None:
    browser = window.browser
    html = QTextDocument.ResourceType.HtmlResource.value
    image = QTextDocument.ResourceType.ImageResource.value
    for url in (
        "https://example.com/page.html",
        "http://192.0.2.1/x.png",
        "file:///etc/passwd",
        "ftp://example.com/a.html",
        "help:/en/../../secret.html",
    ):
        assert browser.loadResource(html, QUrl(url)) in (None, help_window._not_found_page(""))
        assert browser.loadResource(image, QUrl(url)) is None
    assert "<h1>" in browser.loadResource(html, QUrl("help:/en/glossary.html"))
    assert browser.loadResource(image, QUrl("help:/en/glossary.html")) is None

    opened: list[QUrl] = []
    monkeypatch.setattr(help_window.QDesktopServices, "openUrl", opened.append)
    window.show_topic("glossary")
    browser.anchorClicked.emit(QUrl("https://learn.microsoft.com/"))
    assert opened == [QUrl("https://learn.microsoft.com/")]
    assert window.current_topic == "glossary"
    browser.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert window.current_topic == "glossary"
    assert len(opened) == 1


def test_ui_strings_follow_the_installed_translator(window: HelpWindow, qtbot) -> None:
    translator = load_translator("it")
    assert translator is not None
    app = QApplication.instance()
    app.installTranslator(translator)
    try:
        qtbot.waitUntil(lambda: window.backButton.text() == "Indietro", timeout=2000)
        assert window.homeButton.text() == "Sommario"
        assert window.searchEdit.accessibleName() == "Cerca nella guida"
        assert window.windowTitle().startswith("Guida")
    finally:
        app.removeTranslator(translator)
    qtbot.waitUntil(lambda: window.backButton.text() == "Back", timeout=2000)
    assert load_translator("xx") is None
