"""Compile packaging/windows/installer.nsi into the per-user Windows installer.

    python packaging/build_installer.py [--payload dist/printer-oauth] [--out FILE]

Passes the payload folder, the executable's name in it, the icon and the version (from
pyproject.toml, packaging/metadata.py) to makensis as defines. On the Windows runner the
payload is the PyInstaller bundle; here (`make installer-check`) the Linux bundle stands in,
which checks that the script compiles and packs a real bundle. When the signing variables are
set (packaging/sign.py), the bundle's executable is signed first and makensis signs the
installer and its uninstaller through `!finalize`/`!uninstfinalize`; otherwise nothing is
signed and the output says so.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import metadata
import sign

SCRIPT = metadata.ROOT / "packaging" / "windows" / "installer.nsi"
WINDOWS_MAKENSIS = Path(r"C:\Program Files (x86)\NSIS\makensis.exe")


def find_makensis() -> str | None:
    """makensis on PATH (Debian's nsis, or NSIS on a Windows runner), else NSIS' usual folder."""
    found = shutil.which("makensis")
    if found is None and WINDOWS_MAKENSIS.is_file():
        found = str(WINDOWS_MAKENSIS)
    return found


def executable_name(payload: Path) -> str:
    """printer-oauth.exe in a Windows bundle; the Linux bundle's printer-oauth as stand-in."""
    for name in (f"{metadata.NAME}.exe", metadata.NAME):
        if (payload / name).is_file():
            return name
    raise FileNotFoundError(f"no {metadata.NAME} executable in {payload}")


def default_output() -> Path:
    return metadata.ROOT / "dist" / f"{metadata.NAME}-{metadata.version()}-setup.exe"


def command(makensis: str, payload: Path, output: Path) -> list[str]:
    version = metadata.version()
    defines = {
        "VERSION": version,
        "VERSION4": ".".join(str(n) for n in metadata.numeric_version(version)),
        "PAYLOAD": str(payload),
        "EXE": executable_name(payload),
        "ICON": str(metadata.ICONS / "app.ico"),
        "OUTFILE": str(output),
    }
    if sign.configured():
        signer = [sys.executable, str(Path(sign.__file__).resolve())]
        # makensis runs it through the system's shell: cmd on Windows, sh elsewhere.
        join = subprocess.list2cmdline if sys.platform == "win32" else shlex.join
        defines["SIGN"] = join(signer)
    return [makensis, "-V2", *(f"-D{key}={value}" for key, value in defines.items()), str(SCRIPT)]


def build(payload: Path, output: Path, makensis: str | None = None) -> Path:
    """Compile the installer; the path of the .exe."""
    tool = makensis or find_makensis()
    if tool is None:
        raise FileNotFoundError("makensis not found: run scripts/ensure-nsis (Debian's nsis)")
    exe = payload / executable_name(payload)
    if sign.configured() and exe.suffix == ".exe":
        sign.sign(exe)
    output.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(command(tool, payload.resolve(), output.resolve()), check=True)
    return output


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--payload", type=Path, default=metadata.ROOT / "dist" / metadata.NAME)
    parser.add_argument("--out", type=Path, default=default_output())
    args = parser.parse_args(argv)
    output = build(args.payload, args.out)
    size = output.stat().st_size / 1_000_000
    print(f"installer: {output} ({size:.1f} MB, {'signed' if sign.configured() else 'unsigned'})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
