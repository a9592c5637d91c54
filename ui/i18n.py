"""The UI language: Qt's own strings (QWizard's buttons), the wizard's and the help window's.

Translators are installed on the application, so switching language sends every widget a
`QEvent.LanguageChange`; each page re-sets its texts on it. The `.qm` files are read as bytes
through importlib.resources (source tree, wheel or frozen bundle alike) and the translators keep
those bytes, since Qt only keeps a pointer to them.
"""

from __future__ import annotations

import importlib.util

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from app.resources import resource

LANGUAGES = ("en", "it")
DEFAULT = "en"


class _BytesTranslator(QTranslator):
    def __init__(self, data: bytes) -> None:
        super().__init__()
        self._data = data
        self.loaded = self.load(self._data)


_installed: list[QTranslator] = []
_current = {"language": DEFAULT}


def system_language() -> str:
    name = QLocale.system().name().split("_")[0]
    return name if name in LANGUAGES else DEFAULT


def resolve(language: str | None) -> str:
    """`language` if supported, else the system's language if supported, else English."""
    if language in LANGUAGES:
        return language
    return system_language()


def current() -> str:
    return _current["language"]


def _translators(language: str) -> list[QTranslator]:
    found: list[QTranslator] = []
    qtbase = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if qtbase.load(f"qtbase_{language}", folder):
        found.append(qtbase)
    node = resource("i18n", f"ui_{language}.qm")
    if node.is_file():
        ours = _BytesTranslator(node.read_bytes())
        if ours.loaded:
            found.append(ours)
    if importlib.util.find_spec("ui.help_window") is not None:
        from ui import help_window

        helper = help_window.load_translator(language)
        if helper is not None:
            found.append(helper)
    return found


def set_language(language: str | None) -> str:
    """Install the translators of `language` (None: the system's); return the one in force."""
    chosen = resolve(language)
    app = QCoreApplication.instance()
    if app is None:
        raise RuntimeError("create the QApplication before setting the language")
    if chosen == _current["language"] and (_installed or chosen == DEFAULT):
        return chosen
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen != DEFAULT:
        for translator in _translators(chosen):
            app.installTranslator(translator)
            _installed.append(translator)
    _current["language"] = chosen
    return chosen
