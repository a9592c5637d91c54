"""What the bundle leaves out of what PyInstaller's Qt hooks collect, and why.

A plain PyInstaller build of a PySide6 app carries every Qt plugin of the wheel (Wayland,
EGL, SQL drivers, QML tooling, PDF and SVG image formats…), Qt's translations in some thirty
languages, and the Qt libraries those plugins pull in (Qml, Quick, Pdf, Svg, Network,
WaylandClient, OpenGL…): 191 MB on Linux for a similar app (../shared/facts/qt.md). The wizard
uses QtCore, QtGui and QtWidgets only, paints PNG (built into QtGui) and speaks English and
Italian, so the bundle keeps:

- the platform plugins that run it: xcb (X11, and XWayland), offscreen (the self-test),
  windows, cocoa; the native styles (Windows, macOS); compose and ibus input (dead keys,
  input methods); the desktop portal theme (file dialogs on Linux);
- `qtbase_<language>.qm` for the languages the wizard ships;
- the libraries something kept still needs: the dependencies of the removed plugins that
  nothing kept links to go with them.

Used by packaging/printer-oauth.spec on the Analysis' tables, so what is left out is never
copied (nothing is deleted after the fact). Standard library only, plus PyInstaller's own
dependency reader when `needed` is not given.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable, Iterable
from pathlib import PurePath

Entry = tuple[str, str, str]
"""A PyInstaller table row: (destination name, source path, kind)."""

KEEP_PLUGINS = re.compile(
    r"(^|/)plugins/("
    r"platforms/(lib)?q(xcb|offscreen|windows|cocoa)"
    r"|styles/"
    r"|platforminputcontexts/(lib)?(compose|ibus)"
    r"|platformthemes/(lib)?qxdgdesktopportal"
    r")",
)
PLUGIN_DIR = re.compile(r"(^|/)plugins/")
TRANSLATION = re.compile(r"(^|/)translations/([a-z_]+?)_([a-zA-Z_]+)\.qm$")
QT_LIBRARY = re.compile(
    r"(^|/)(libQt6\w+\.so[.\d]*|Qt6\w+\.dll|libicu\w+\.so[.\d]*)$|(^|/)Qt\w+\.framework/"
)
"""Qt's own libraries (libQt6Gui.so.6, Qt6Gui.dll, QtGui.framework/…) and ICU: the only
libraries pruned for being unreachable; any other library PyInstaller chose (Python's
extension modules, PySide6's own, system libraries) stays."""


def _posix(name: str) -> str:
    return PurePath(name).as_posix()


def is_plugin(name: str) -> bool:
    return bool(PLUGIN_DIR.search(_posix(name)))


def keep_plugin(name: str) -> bool:
    return bool(KEEP_PLUGINS.search(_posix(name)))


def keep_data(name: str, languages: Iterable[str]) -> bool:
    """Every data file except Qt translations other than `qtbase_<language>.qm`."""
    found = TRANSLATION.search(_posix(name))
    if found is None or "/Qt/translations/" not in "/" + _posix(name):
        return True
    return found.group(2) == "qtbase" and found.group(3) in set(languages)


def _pyinstaller_needed(source: str) -> list[str]:
    from PyInstaller.depend.bindepend import get_imports

    return [PurePath(name).name for name, _path in get_imports(source)]


def _closure(
    start: Iterable[Entry], by_name: dict[str, Entry], read: Callable[[str], list[str]]
) -> set[str]:
    """Destination names of every collected binary that `start` links to, transitively."""
    reached: set[str] = set()
    todo = list(start)
    while todo:
        entry = todo.pop()
        for name in read(entry[1]):
            target = by_name.get(name.casefold())
            if target is not None and target[0] not in reached:
                reached.add(target[0])
                todo.append(target)
    return reached


def _link_target(entry: Entry) -> str:
    """A SYMLINK row's target, as a destination name (its source is relative to it)."""
    return posixpath.normpath(posixpath.join(posixpath.dirname(_posix(entry[0])), _posix(entry[1])))


def prune_binaries(
    binaries: list[Entry], needed: Callable[[str], list[str]] | None = None
) -> tuple[list[Entry], list[Entry]]:
    """(kept, removed): the plugins not kept, the libraries only they linked to, every Qt
    library nothing kept links to, and the symbolic links to any of those.

    `needed(source)` names the libraries a binary links to (default: PyInstaller's own
    reader: ldd, macholib or pefile)."""
    read = needed or _pyinstaller_needed
    links = [entry for entry in binaries if entry[2] == "SYMLINK"]
    files = [entry for entry in binaries if entry[2] != "SYMLINK"]
    by_name: dict[str, Entry] = {}
    for entry in files:
        by_name.setdefault(PurePath(entry[0]).name.casefold(), entry)
    dropped_plugins = [e for e in files if is_plugin(e[0]) and not keep_plugin(e[0])]
    theirs = _closure(dropped_plugins, by_name, read)
    roots = [
        entry
        for entry in files
        if entry not in dropped_plugins
        and entry[0] not in theirs
        and not QT_LIBRARY.search(_posix(entry[0]))
    ]
    reached = _closure(roots, by_name, read)
    kept_files = [entry for entry in files if entry in roots or entry[0] in reached]
    kept_names = {_posix(entry[0]) for entry in kept_files}
    kept = kept_files + [entry for entry in links if _link_target(entry) in kept_names]
    removed = [entry for entry in binaries if entry not in kept]
    return kept, removed


def prune_datas(datas: list[Entry], languages: Iterable[str]) -> tuple[list[Entry], list[Entry]]:
    """(kept, removed) data files: Qt translations other than ours go."""
    chosen = tuple(languages)
    kept = [entry for entry in datas if keep_data(entry[0], chosen)]
    return kept, [entry for entry in datas if entry not in kept]


def without_dangling_links(
    datas: list[Entry], binaries: list[Entry]
) -> tuple[list[Entry], list[Entry]]:
    """(kept, removed) data rows: PyInstaller files its top-level links to libraries in
    subfolders (libQt6Svg.so.6 -> PySide6/Qt/lib/…) among the data; a link whose library is
    not collected (pruned, or never found) would be left dangling in the bundle."""
    present = {_posix(entry[0]) for entry in [*binaries, *datas] if entry[2] != "SYMLINK"}
    kept = [entry for entry in datas if entry[2] != "SYMLINK" or _link_target(entry) in present]
    return kept, [entry for entry in datas if entry not in kept]
