"""Authenticode signing of the Windows executables, only when a certificate is configured.

    python packaging/sign.py FILE...

Environment (set from the release workflow's secrets; never written to the repository):

- `PRINTER_OAUTH_SIGN_PFX`: a PKCS#12 (.pfx) code-signing certificate file. Unset: nothing is
  signed, the command says so and succeeds, and the installer ships unsigned (SmartScreen then
  says "Windows protected your PC"; README "Install").
- `PRINTER_OAUTH_SIGN_PASSWORD`: its password.
- `PRINTER_OAUTH_SIGN_TIMESTAMP_URL`: an RFC 3161 timestamp server, so the signature outlives
  the certificate (optional; recommended for releases).

Signs in place with signtool on Windows (the runner's Windows SDK) and osslsigncode elsewhere
(Debian's, installed by scripts/ensure-nsis). makensis calls this for the installer and its
uninstaller (packaging/windows/installer.nsi `!finalize`). osslsigncode gets the password on
its standard input; signtool only as an argument. A failure says which file and tool and the
tool's last line, never the command line.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
import sys
from pathlib import Path

PFX = "PRINTER_OAUTH_SIGN_PFX"
PASSWORD = "PRINTER_OAUTH_SIGN_PASSWORD"  # noqa: S105 (the variable's name, not a password)
TIMESTAMP_URL = "PRINTER_OAUTH_SIGN_TIMESTAMP_URL"
SIGNTOOL_GLOB = r"C:\Program Files (x86)\Windows Kits\10\bin\*\x64\signtool.exe"
CEILING_S = 300


class SigningError(Exception):
    """The file could not be signed; the message names it and the tool, not the password."""


def configured() -> bool:
    return bool(os.environ.get(PFX))


def _signtool() -> str:
    found = shutil.which("signtool") or next(iter(sorted(glob.glob(SIGNTOOL_GLOB))[::-1]), None)
    if found is None:
        raise SigningError("signtool not found (Windows SDK)")
    return found


def _command(path: Path, output: Path) -> list[str]:
    """The signing command. osslsigncode reads the password from its standard input; signtool
    only takes it as an argument (on the Windows runner, whose processes are its own)."""
    pfx = os.environ[PFX]
    timestamp = os.environ.get(TIMESTAMP_URL)
    if sys.platform == "win32":
        stamp = ["/tr", timestamp, "/td", "SHA256"] if timestamp else []
        password = os.environ.get(PASSWORD, "")
        return [_signtool(), "sign", "/f", pfx, "/p", password, "/fd", "SHA256", *stamp, str(path)]
    tool = shutil.which("osslsigncode")
    if tool is None:
        raise SigningError("osslsigncode not found: run scripts/ensure-nsis")
    stamp = ["-ts", timestamp] if timestamp else []
    return [tool, "sign", "-pkcs12", pfx, "-readpass", "/dev/stdin", "-h", "sha256", *stamp,
            "-in", str(path), "-out", str(output)]  # fmt: skip


def sign(path: Path) -> None:
    """Sign `path` in place with the configured certificate."""
    output = path.with_name(path.name + ".signed")
    command = _command(path, output)
    try:
        subprocess.run(
            command,
            input=os.environ.get(PASSWORD, "").encode(),
            check=True,
            capture_output=True,
            timeout=CEILING_S,
        )
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        output.unlink(missing_ok=True)
        said = (exc.stderr or b"").decode(errors="replace").strip().splitlines()
        reason = said[-1] if said else type(exc).__name__
        raise SigningError(f"{Path(command[0]).name} could not sign {path}: {reason}") from None
    if output.exists():  # osslsigncode writes a new file; signtool signs in place
        output.replace(path)


def main(argv: list[str] | None = None) -> int:
    files = [Path(name) for name in (sys.argv[1:] if argv is None else argv)]
    if not configured():
        print(f"not signed ({PFX} is not set): {', '.join(map(str, files))}")
        return 0
    try:
        for path in files:
            sign(path)
            print(f"signed: {path}")
    except SigningError as error:
        print(f"signing failed: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
