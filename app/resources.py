"""Where shipped files are, whether the app runs from the source tree, a wheel or a bundle."""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """A file or folder under `resources/`."""
    node = files("resources")
    for part in parts:
        node = node.joinpath(part)
    return node
