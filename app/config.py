"""Settings: shipped defaults, then config.toml, then environment, then the command line.

Only keys present in `resources/defaults.toml` exist; each takes the type of its default. A
value that does not fit is a `ConfigInvalid` error naming the setting, so a typo never turns
silently into a default.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from app import paths, small_files
from app.errors import ConfigInvalid
from app.resources import resource

ENV_PREFIX = "PRINTER_OAUTH_"
_CONFIG_FIX = "correct it, or rename it to start again from the shipped defaults"

_RANGES: dict[str, tuple[float, float]] = {
    "printer.first_contact_timeout": (0.5, 60.0),
    "printer.connect_timeout": (0.5, 60.0),
    "printer.read_timeout": (0.5, 120.0),
    "printer.commit_timeout": (1.0, 300.0),
    "printer.poll_interval": (1.0, 5.0),
    "mailbox.smtp_timeout": (1.0, 120.0),
}
_CHOICES: dict[str, tuple[str, ...]] = {
    "ui.language": ("", "en", "it"),
    "log.level": ("DEBUG", "INFO", "WARNING", "ERROR"),
}


@dataclass(frozen=True)
class Config:
    values: Mapping[str, Any]
    sources: Mapping[str, str] = field(default_factory=dict)

    def __getitem__(self, key: str) -> Any:
        return self.values[key]

    def source(self, key: str) -> str:
        """Where a value came from: default, config.toml, environment or command line."""
        return self.sources.get(key, "default")


def env_name(key: str) -> str:
    """`mailbox.client_id` -> `PRINTER_OAUTH_MAILBOX_CLIENT_ID`."""
    return ENV_PREFIX + key.replace(".", "_").upper()


def defaults() -> dict[str, Any]:
    return _flatten(tomllib.loads(resource("defaults.toml").read_text(encoding="utf-8")))


def setting(key: str) -> Any:
    """One setting, or None when unset or when the config file is unreadable: the wizard still
    starts, and the flow reports the bad file on its first step."""
    try:
        return load()[key] or None
    except ConfigInvalid:
        return None


def load(overrides: Mapping[str, Any] | None = None) -> Config:
    """The settings in force, each layer checked against the defaults' keys and types."""
    values = defaults()
    sources = dict.fromkeys(values, "default")
    config_file = paths.current().config_file
    if config_file.is_file():
        try:
            table = small_files.read_toml(config_file, what_to_do=_CONFIG_FIX)
        except FileNotFoundError:
            table = {}
        _apply(values, sources, _flatten(table), "config.toml")
    from_env = {key: os.environ[env_name(key)] for key in values if env_name(key) in os.environ}
    _apply(values, sources, from_env, "environment")
    _apply(values, sources, dict(overrides or {}), "command line")
    return Config(values, sources)


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in table.items():
        key = f"{prefix}{name}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, key + "."))
        else:
            flat[key] = value
    return flat


def _apply(
    values: dict[str, Any], sources: dict[str, str], layer: Mapping[str, Any], origin: str
) -> None:
    for key, raw in layer.items():
        if raw is None:
            continue
        if key not in values:
            raise ConfigInvalid(f"unknown setting in {origin}", setting=key)
        values[key] = _coerce(key, raw, type(values[key]), origin)
        sources[key] = origin


def _coerce(key: str, raw: Any, kind: type, origin: str) -> Any:
    try:
        value = _convert(raw, kind)
    except (TypeError, ValueError) as exc:
        raise ConfigInvalid(f"{origin}: expected {kind.__name__}", setting=key) from exc
    if key in _RANGES:
        low, high = _RANGES[key]
        if not low <= value <= high:
            raise ConfigInvalid(f"{origin}: must be between {low} and {high}", setting=key)
    if key in _CHOICES and value not in _CHOICES[key]:
        choices = ", ".join(repr(c) for c in _CHOICES[key])
        raise ConfigInvalid(f"{origin}: one of {choices}", setting=key)
    return value


def _convert(raw: Any, kind: type) -> Any:
    if kind is bool:
        if isinstance(raw, bool):
            return raw
        text = str(raw).strip().lower()
        if text in {"1", "true", "yes", "on"}:
            return True
        if text in {"0", "false", "no", "off"}:
            return False
        raise ValueError(raw)
    if kind is str:
        if not isinstance(raw, str):
            raise TypeError(raw)
        return raw
    if isinstance(raw, bool):
        raise TypeError(raw)
    return kind(raw)
