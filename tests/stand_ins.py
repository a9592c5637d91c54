"""Failures no real part produces on demand, for the tests that need one: each is a stand-in
(the one mock such a test holds) and the tests using it say so."""

from __future__ import annotations

from typing import Any

import pytest

from app.printers.epson.driver import EpsonDriver

BUG_TEXT = "a bug after OK"
"""The text of the stand-in bug: it must reach the log and never the screen or the terminal."""


def bug_after_ok(monkeypatch: pytest.MonkeyPatch) -> None:
    """The driver's OK runs for real, then a KeyError no code foresaw: the device has taken
    the settings, so the flow must put them back."""
    commit = EpsonDriver.commit

    def commit_then_fail(self: EpsonDriver, *args: Any, **kwargs: Any) -> Any:
        commit(self, *args, **kwargs)
        raise KeyError(BUG_TEXT)

    monkeypatch.setattr(EpsonDriver, "commit", commit_then_fail)
