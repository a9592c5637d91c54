"""The GUI contract of DESIGN.md: names, classes, first state, accessibility, start-up."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTextBrowser,
    QWidget,
    QWizard,
)

ROOT = Path(__file__).resolve().parents[2]

PAGES = {
    "printerPage": {
        "printerAddressEdit": QLineEdit,
        "discoverButton": QPushButton,
        "printerList": QListWidget,
        "fingerprintLabel": QLabel,
        "trustCertificateCheck": QCheckBox,
    },
    "loginPage": {
        "adminUserEdit": QLineEdit,
        "adminPasswordEdit": QLineEdit,
        "showPasswordButton": QPushButton,
    },
    "methodPage": {
        "serviceExchangeRadio": QRadioButton,
        "serviceOutlookRadio": QRadioButton,
        "mailboxCheckButton": QPushButton,
    },
    "signInPage": {
        "userCodeLabel": QLabel,
        "copyCodeButton": QPushButton,
        "openUrlButton": QPushButton,
        "verificationUrlLabel": QLabel,
        "qrCodeLabel": QLabel,
        "countdownLabel": QLabel,
        "newCodeButton": QPushButton,
        "signInStateLabel": QLabel,
    },
    "pushPage": {"saveToPrinterButton": QPushButton, "pushProgress": QProgressBar},
    "statusPage": {
        "statusView": QTextBrowser,
        "refreshStatusButton": QPushButton,
        "resignButton": QPushButton,
        "openWebConfigButton": QPushButton,
        "saveReportButton": QPushButton,
        "anotherPrinterButton": QPushButton,
    },
}
EVERY_PAGE = {"errorLabel": QLabel, "helpButton": QPushButton}
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QListWidget, QTextBrowser, QProgressBar)


def _pages(wizard: QWizard) -> dict[str, QWidget]:
    return {wizard.page(i).objectName(): wizard.page(i) for i in wizard.pageIds()}


def test_build_wizard_returns_it_unshown_with_the_contract_names(qapp) -> None:
    from ui.wizard import build_wizard

    wizard = build_wizard()
    try:
        assert isinstance(wizard, QWizard)
        assert wizard.objectName() == "setupWizard"
        assert not wizard.isVisible()
        pages = _pages(wizard)
        assert set(PAGES) <= set(pages)
        for page_name, widgets in PAGES.items():
            for name, kind in {**widgets, **EVERY_PAGE}.items():
                found = pages[page_name].findChildren(kind, name)
                assert len(found) == 1, f"{page_name}/{name}"
        assert isinstance(wizard.findChild(QComboBox, "languageCombo"), QComboBox)
        assert pages["signInPage"].findChild(QLabel, "userCodeLabel").text() == ""
    finally:
        wizard.deleteLater()


def test_first_state_trust_hidden_next_disabled_exchange_preselected(qapp) -> None:
    from ui.wizard import build_wizard

    wizard = build_wizard()
    wizard.show()
    try:
        page = wizard.currentPage()
        assert page.objectName() == "printerPage"
        assert not page.findChild(QCheckBox, "trustCertificateCheck").isVisible()
        assert not page.findChild(QLabel, "errorLabel").isVisible()
        assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
        method = _pages(wizard)["methodPage"]
        assert method.findChild(QRadioButton, "serviceExchangeRadio").isChecked()
        login = _pages(wizard)["loginPage"]
        password = login.findChild(QLineEdit, "adminPasswordEdit")
        assert password.echoMode() == QLineEdit.EchoMode.Password
        login.findChild(QPushButton, "showPasswordButton").click()
        assert password.echoMode() == QLineEdit.EchoMode.Normal
    finally:
        wizard.close()
        wizard.deleteLater()


@pytest.mark.parametrize("language", ["en", "it"])
def test_every_interactive_widget_has_an_accessible_name(qapp, language: str) -> None:
    from ui import i18n
    from ui.wizard import build_wizard

    wizard = build_wizard(language=language)
    try:
        nameless = [
            f"{type(widget).__name__} {widget.objectName()!r}"
            for kind in INTERACTIVE
            for widget in wizard.findChildren(kind)
            if not widget.accessibleName()
            and not (isinstance(widget, QAbstractButton) and widget.text())
            and not isinstance(widget.parent(), QLineEdit)  # Qt's own clear button
        ]
        assert nameless == []
    finally:
        wizard.deleteLater()
        i18n.set_language("en")


def test_switching_the_language_retranslates_every_page(qapp) -> None:
    from ui import i18n
    from ui.wizard import build_wizard

    wizard = build_wizard(language="en")
    try:
        pages = _pages(wizard)
        assert pages["printerPage"].title() == "Printer"
        combo = wizard.findChild(QComboBox, "languageCombo")
        combo.setCurrentIndex(combo.findData("it"))
        qapp.processEvents()  # the LanguageChange event reaches every widget
        assert pages["printerPage"].title() == "Stampante"
        assert pages["loginPage"].findChild(QPushButton, "helpButton").text() == "Guida (F1)"
        assert pages["statusPage"].findChild(QPushButton, "saveReportButton").text() == (
            "Salva &rapporto"
        )
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Annulla"
        combo.setCurrentIndex(combo.findData("en"))
        qapp.processEvents()
        assert pages["printerPage"].title() == "Printer"
        assert wizard.buttonText(QWizard.WizardButton.CancelButton) == "Cancel"
    finally:
        wizard.deleteLater()
        i18n.set_language("en")


def test_the_italian_translation_is_complete_and_built() -> None:
    ts = (ROOT / "resources" / "i18n" / "ui_it.ts").read_text(encoding="utf-8")
    assert 'type="unfinished"' not in ts
    assert "<name></name>" not in ts  # a string lupdate could not place in a context
    qm = ROOT / "resources" / "i18n" / "ui_it.qm"
    assert qm.stat().st_size > 1000


def test_the_first_page_paints_before_the_heavy_modules_load() -> None:
    script = (
        "import sys\n"
        "from PySide6.QtWidgets import QApplication\n"
        "app = QApplication([])\n"
        "from ui.wizard import build_wizard\n"
        "w = build_wizard()\n"
        "w.show()\n"
        "app.processEvents()\n"
        "print(','.join(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'qasync', 'msal', 'requests', 'bs4', 'cryptography'})))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.strip() == ""


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_help_button_and_f1_open_the_help_window_at_the_page_topic(qapp) -> None:
    """(The offscreen platform cannot raise a window or pass size hints: its notes only.)"""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from ui.wizard import build_wizard

    wizard = build_wizard(language="en")
    wizard.show()
    try:
        page = wizard.currentPage()
        page.findChild(QPushButton, "helpButton").click()
        help_window = wizard._help_window
        assert help_window.objectName() == "helpWindow" and help_window.isVisible()
        assert help_window.current_topic == "prerequisites"
        help_window.hide()
        wizard.activateWindow()
        QTest.qWaitForWindowActive(wizard)
        QTest.keyClick(page.findChild(QLineEdit, "printerAddressEdit"), Qt.Key.Key_F1)
        assert help_window.isVisible()
        help_window.close()
    finally:
        wizard.close()
        wizard.deleteLater()


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_every_page_opens_its_own_topic_with_f1(qapp) -> None:
    """F1 opens the current page's topic (shown above on the first page); here: every page
    of the wizard names a topic that exists in both languages, and F1/the help button of
    each page opens exactly that topic."""
    from app import help_topics
    from ui.wizard import build_wizard

    wizard = build_wizard(language="en")
    try:
        for page_id in wizard.pageIds():
            page = wizard.page(page_id)
            topic = page.help_topic()
            for language in ("en", "it"):
                assert topic in {t for t, _ in help_topics.topics(language)}, (page, topic)
            page.findChild(QPushButton, "helpButton").click()
            help_window = wizard._help_window
            assert help_window.objectName() == "helpWindow"
            assert help_window.isVisible()
            assert help_window.current_topic == topic, page.objectName()
            help_window.hide()
    finally:
        if wizard._help_window is not None:  # never shown, the wizard never closes it
            wizard._help_window.close()
            wizard._help_window.deleteLater()
        wizard.close()
        wizard.deleteLater()


@pytest.mark.qt_log_ignore(r"This plugin does not support (propagateSizeHints|raise)\(\)")
def test_closing_the_wizard_deletes_its_help_window(qapp) -> None:
    """Left to Python's garbage collector, the help window was deleted at the interpreter's
    exit, after Qt's own clean-up: "shared QObject was deleted directly" (a crash risk)."""
    from ui.wizard import build_wizard

    wizard = build_wizard(language="en")
    wizard.show()
    wizard.show_help("index")
    help_window = wizard._help_window
    assert help_window is not None and help_window.isVisible()
    wizard.close()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(help_window)
    assert wizard._help_window is None
    wizard.deleteLater()
