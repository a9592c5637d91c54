"""Reading the small files the product keeps or is pointed at: config.toml, profiles, pins.

They are hand-edited, copied between machines and sometimes damaged; one may be huge, not text,
or nested without end. Each is read whole only up to MAX_BYTES, decoded as UTF-8 and parsed
with its nesting bounded, and whatever is wrong with it ends as `config_invalid` naming the
file and what to do — never a traceback, a stall or a file parsed beyond its cap.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from app.errors import ConfigInvalid

MAX_BYTES = 1_000_000
"""A settings file of the product is a few kilobytes; a megabyte is not one of them."""
MAX_NESTING = 16
"""Tables and lists inside each other: the product's files use two or three levels."""


def read_text(path: Path, *, what_to_do: str) -> str:
    """The file's text; FileNotFoundError if absent, else ConfigInvalid naming `path`."""
    try:
        with path.open("rb") as source:
            data = source.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise
    except OSError as exc:
        raise _invalid(path, f"cannot be read ({type(exc).__name__})", what_to_do) from exc
    if len(data) > MAX_BYTES:
        raise _invalid(path, f"is larger than {MAX_BYTES // 1_000_000} MB", what_to_do)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _invalid(path, "is not UTF-8 text", what_to_do) from exc


def read_toml(path: Path, *, what_to_do: str) -> dict[str, Any]:
    """The file's TOML tables; FileNotFoundError if absent, else ConfigInvalid naming `path`."""
    text = read_text(path, what_to_do=what_to_do)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise _invalid(path, f"is not valid TOML: {exc}", what_to_do) from exc
    except RecursionError as exc:  # tomllib recurses into nested arrays and inline tables
        raise _invalid(path, f"nests deeper than {MAX_NESTING} levels", what_to_do) from exc
    check_nesting(data, path, what_to_do=what_to_do)
    return data


def check_nesting(data: Any, path: Path, *, what_to_do: str) -> None:
    """ConfigInvalid if `data` nests tables or lists deeper than MAX_NESTING (walked without
    recursion, so the check cannot itself overflow)."""
    todo: list[tuple[Any, int]] = [(data, 0)]
    while todo:
        value, level = todo.pop()
        if level > MAX_NESTING:
            raise _invalid(path, f"nests deeper than {MAX_NESTING} levels", what_to_do)
        if isinstance(value, Mapping):
            todo.extend((inner, level + 1) for inner in value.values())
        elif isinstance(value, list):
            todo.extend((inner, level + 1) for inner in value)


def _invalid(path: Path, problem: str, what_to_do: str) -> ConfigInvalid:
    return ConfigInvalid(f"{path} {problem}: {what_to_do}", setting=str(path))
