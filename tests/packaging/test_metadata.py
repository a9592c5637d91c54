"""Every packager takes the version from pyproject.toml, and the pruning keeps what the
wizard loads: the spec's tables are checked here without running PyInstaller."""

from __future__ import annotations

import ast
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))

import metadata  # noqa: E402
import pruning  # noqa: E402

from ui import i18n  # noqa: E402

SPEC = (ROOT / "packaging" / "printer-oauth.spec").read_text(encoding="utf-8")


def test_the_version_is_pyprojects_everywhere() -> None:
    with (ROOT / "pyproject.toml").open("rb") as stream:
        version = tomllib.load(stream)["project"]["version"]
    assert metadata.version() == version
    info = metadata.macos_info_plist()
    assert info["CFBundleShortVersionString"] == info["CFBundleVersion"] == version
    assert metadata.numeric_version(version)[:3] == tuple(int(n) for n in version.split("."))
    assert metadata.numeric_version("1.2.0rc1") == (1, 2, 0, 0)
    assert "version=metadata.version()" in SPEC
    assert "metadata.windows_version_info()" in SPEC


def test_the_macos_info_plist() -> None:
    info = metadata.macos_info_plist()
    assert info["CFBundleIdentifier"] == metadata.BUNDLE_ID
    assert info["CFBundleExecutable"] == metadata.NAME
    assert info["LSMinimumSystemVersion"] == "14.0"  # PySide6 6.12's floor
    assert info["NSHighResolutionCapable"] is True
    assert (metadata.ICONS / info["CFBundleIconFile"]).is_file()
    assert info["CFBundleLocalizations"] == list(i18n.LANGUAGES)


def test_the_spec_keeps_the_translations_of_the_languages_the_wizard_ships() -> None:
    kept = re.search(r"^LANGUAGES = (\(.*?\))", SPEC, re.MULTILINE)
    assert kept is not None
    assert ast.literal_eval(kept.group(1)) == i18n.LANGUAGES


QT = "PySide6/Qt"
BINARIES = [
    (f"{QT}/plugins/platforms/libqxcb.so", "/w/qxcb", "BINARY"),
    (f"{QT}/plugins/platforms/libqoffscreen.so", "/w/qoff", "BINARY"),
    (f"{QT}/plugins/platforms/libqwayland.so", "/w/qwayland", "BINARY"),
    (f"{QT}/plugins/platformthemes/libqgtk3.so", "/w/qgtk3", "BINARY"),
    (f"{QT}/plugins/imageformats/libqsvg.so", "/w/qsvg", "BINARY"),
    (f"{QT}/plugins/styles/qmodernwindowsstyle.dll", "/w/qstyle", "BINARY"),
    (f"{QT}/lib/libQt6Core.so.6", "/w/core", "BINARY"),
    (f"{QT}/lib/libQt6Gui.so.6", "/w/gui", "BINARY"),
    (f"{QT}/lib/libQt6XcbQpa.so.6", "/w/xcbqpa", "BINARY"),
    (f"{QT}/lib/libQt6WaylandClient.so.6", "/w/wlclient", "BINARY"),
    (f"{QT}/lib/libQt6Svg.so.6", "/w/svg", "BINARY"),
    (f"{QT}/lib/libQt6Qml.so.6", "/w/qml", "BINARY"),
    (f"{QT}/lib/libicuuc.so.73", "/w/icuuc", "BINARY"),
    ("PySide6/QtGui.abi3.so", "/w/pyqtgui", "EXTENSION"),
    ("libgtk-3.so.0", "/w/gtk", "BINARY"),
    ("libX11.so.6", "/w/x11", "BINARY"),
    ("libcrypto.so.3", "/w/crypto", "BINARY"),
]
NEEDED = {
    "/w/qxcb": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6", "libX11.so.6"],
    "/w/qoff": ["libQt6Gui.so.6"],
    "/w/qwayland": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6"],
    "/w/qgtk3": ["libgtk-3.so.0", "libX11.so.6", "libQt6Gui.so.6"],
    "/w/qsvg": ["libQt6Svg.so.6"],
    "/w/xcbqpa": ["libQt6Gui.so.6", "libX11.so.6"],
    "/w/gui": ["libQt6Core.so.6"],
    "/w/core": ["libicuuc.so.73"],
    "/w/pyqtgui": ["libQt6Gui.so.6", "libQt6Core.so.6"],
}


def test_plugins_not_used_go_with_the_libraries_only_they_need() -> None:
    kept, removed = pruning.prune_binaries(BINARIES, lambda source: NEEDED.get(source, []))
    kept_names = {Path(entry[0]).name for entry in kept}
    assert kept_names == {
        "libqxcb.so",
        "libqoffscreen.so",
        "qmodernwindowsstyle.dll",
        "libQt6Core.so.6",
        "libQt6Gui.so.6",
        "libQt6XcbQpa.so.6",
        "libicuuc.so.73",
        "QtGui.abi3.so",
        "libX11.so.6",  # shared with the kept xcb plugin
        "libcrypto.so.3",  # not Qt's: PyInstaller's choice stands
    }
    assert len(kept) + len(removed) == len(BINARIES)


def test_links_to_pruned_libraries_and_other_qt_translations_go() -> None:
    binaries = [(f"{QT}/lib/libQt6Core.so.6", "/w/core", "BINARY")]
    datas = [
        ("libQt6Core.so.6", f"{QT}/lib/libQt6Core.so.6", "SYMLINK"),
        ("libQt6Svg.so.6", f"{QT}/lib/libQt6Svg.so.6", "SYMLINK"),
        (f"{QT}/translations/qtbase_it.qm", "/w/t1", "DATA"),
        (f"{QT}/translations/qtbase_de.qm", "/w/t2", "DATA"),
        (f"{QT}/translations/qt_help_it.qm", "/w/t3", "DATA"),
        ("resources/i18n/ui_it.qm", "/w/ours", "DATA"),
    ]
    datas, removed = pruning.prune_datas(datas, i18n.LANGUAGES)
    assert [Path(e[0]).name for e in removed] == ["qtbase_de.qm", "qt_help_it.qm"]
    datas, removed = pruning.without_dangling_links(datas, binaries)
    assert [e[0] for e in removed] == ["libQt6Svg.so.6"]
    assert [Path(e[0]).name for e in datas] == ["libQt6Core.so.6", "qtbase_it.qm", "ui_it.qm"]
