"""The product's release facts in one place, read from pyproject.toml, for every packager.

The PyInstaller spec, the NSIS build and the macOS Info.plist all take the version from here,
so a release changes one line (pyproject's `version`) and every artefact agrees; a test
checks it. Standard library only: the spec imports this file on any build machine.
"""

from __future__ import annotations

import plistlib
import re
import tomllib
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
NAME = "printer-oauth"
"""The bundle's folder and executable name (dist/printer-oauth/printer-oauth)."""
DISPLAY_NAME = "Printer OAuth Wizard"
PUBLISHER = "Printer OAuth Wizard"
BUNDLE_ID = "com.printeroauthwizard.wizard"
INFO_PLIST = ROOT / "packaging" / "macos" / "Info.plist"
ICONS = ROOT / "resources" / "icons"


def version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    """The project's version, e.g. "0.1.0"."""
    with pyproject.open("rb") as stream:
        return str(tomllib.load(stream)["project"]["version"])


def numeric_version(text: str | None = None) -> tuple[int, int, int, int]:
    """Four numbers for Windows' version resources ("0.1.0" -> (0, 1, 0, 0)); a pre-release
    suffix is dropped, since Windows only takes numbers."""
    parts: list[int] = []
    for piece in (text or version()).split(".")[:4]:
        leading = re.match(r"\d*", piece)
        parts.append(int(leading.group() or 0) if leading else 0)
    while len(parts) < 4:
        parts.append(0)
    return (parts[0], parts[1], parts[2], parts[3])


def macos_info_plist() -> dict[str, Any]:
    """packaging/macos/Info.plist with the version filled in from pyproject.toml."""
    with INFO_PLIST.open("rb") as stream:
        info: dict[str, Any] = plistlib.load(stream)
    info["CFBundleShortVersionString"] = version()
    info["CFBundleVersion"] = version()
    return info


def windows_version_info() -> Any:
    """The .exe's version resource (Explorer's Details tab), built with PyInstaller's own
    classes: imported only here, so this module stays usable without PyInstaller."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = numeric_version()
    text = version()
    strings = [
        vi.StringStruct("CompanyName", PUBLISHER),
        vi.StringStruct("FileDescription", DISPLAY_NAME),
        vi.StringStruct("FileVersion", text),
        vi.StringStruct("InternalName", NAME),
        vi.StringStruct("OriginalFilename", f"{NAME}.exe"),
        vi.StringStruct("ProductName", DISPLAY_NAME),
        vi.StringStruct("ProductVersion", text),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
