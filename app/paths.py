"""Every folder the product writes to, from one platformdirs object.

`PRINTER_OAUTH_HOME` moves all of them under one folder: tests give each test its own, and a
technician can keep a portable install on a USB stick. Read at each call, never cached, so a
change of the variable takes effect at once.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from platformdirs import PlatformDirs

APP_NAME = "PrinterOAuthWizard"
HOME_VARIABLE = "PRINTER_OAUTH_HOME"


@dataclass(frozen=True)
class Paths:
    config_dir: Path
    data_dir: Path
    log_dir: Path
    cache_dir: Path

    @property
    def config_file(self) -> Path:
        return self.config_dir / "config.toml"

    @property
    def pins_file(self) -> Path:
        """Trusted printer certificates (fingerprints only, never a secret)."""
        return self.data_dir / "pins.json"

    @property
    def captures_dir(self) -> Path:
        """Redacted copies of device pages the driver could not understand."""
        return self.log_dir / "captures"

    def all_dirs(self) -> tuple[Path, ...]:
        return (self.config_dir, self.data_dir, self.log_dir, self.cache_dir)


def current() -> Paths:
    """The folders in force now: under `PRINTER_OAUTH_HOME` if set, else the platform's own."""
    home = os.environ.get(HOME_VARIABLE)
    if home:
        root = Path(home).expanduser()
        return Paths(root / "config", root / "data", root / "logs", root / "cache")
    dirs = PlatformDirs(APP_NAME, appauthor=False)
    return Paths(
        Path(dirs.user_config_dir),
        Path(dirs.user_data_dir),
        Path(dirs.user_log_dir),
        Path(dirs.user_cache_dir),
    )


def ensure(path: Path) -> Path:
    """Create a folder (private to the user) on first use and return it."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path
