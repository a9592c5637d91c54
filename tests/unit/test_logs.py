"""Redaction at the logging layer: whatever is logged, registered secrets never reach the file."""

from __future__ import annotations

import logging

import pytest

from app import logs, paths


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


def test_libraries_that_print_codes_at_debug_are_held_at_info(log_file) -> None:
    logging.getLogger("msal").debug("device code ABCD-1234")
    assert "ABCD-1234" not in log_file.read_text(encoding="utf-8")


def test_the_log_folder_is_private(log_file) -> None:
    assert log_file.parent.stat().st_mode & 0o077 == 0
