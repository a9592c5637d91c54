"""Redaction at the logging layer: whatever is logged, registered secrets never reach the file."""

from __future__ import annotations

import logging

import pytest

from app import logs, paths
from app.printers.base import SignInCode


@pytest.fixture
def log_file():
    handler = logs.setup("DEBUG")
    yield paths.current().log_dir / logs.LOG_NAME
    logs.teardown(handler)


def test_registered_secrets_and_tokens_are_removed(log_file) -> None:
    logs.forget_later("Serial-X3B9001977", None, "")
    log = logging.getLogger("app.test")
    log.info("logging in with %s", "Serial-X3B9001977")
    log.warning("header Authorization: Bearer abcdefghijklmnop.qrstuv")
    try:
        raise ValueError("password was Serial-X3B9001977")
    except ValueError:
        log.exception("failed")
    text = log_file.read_text(encoding="utf-8")
    assert "Serial-X3B9001977" not in text
    assert "abcdefghijklmnop" not in text
    assert text.count("[removed]") >= 3
    assert "ValueError" in text, "the traceback is kept, only the secret goes"


@pytest.mark.parametrize("name", ["msal", "qasync._QThreadWorker", "asyncio"])
def test_libraries_that_print_codes_at_debug_are_held_at_info(log_file, name) -> None:
    """qasync logs the result of every call run in a thread at DEBUG — a SignInCode before the
    flow could register its code as a secret (found by the secret canary)."""
    logging.getLogger(name).debug("device code ABCD-1234")
    logging.getLogger(name).info("kept at INFO")
    text = log_file.read_text(encoding="utf-8")
    assert "ABCD-1234" not in text
    assert "kept at INFO" in text


def test_a_sign_in_code_keeps_its_code_out_of_its_repr() -> None:
    code = SignInCode("QWERTY789", "https://microsoft.com/devicelogin")
    assert "QWERTY789" not in repr(code)
    assert "devicelogin" in repr(code)


def test_the_log_folder_is_private(log_file) -> None:
    assert log_file.parent.stat().st_mode & 0o077 == 0
