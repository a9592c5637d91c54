"""The product's log: one rotating file in the logs folder, with secrets removed on the way.

Redaction sits in the handler, not in the callers: whatever a module logs, and whatever a
library logs through the root logger, passes the filter before it can reach the file. Secrets
known by value (the admin password, sign-in codes once used, tokens) are registered at run
time with `forget_later`; bearer tokens and JWTs are removed by pattern as well.
"""

from __future__ import annotations

import logging
import threading
from logging.handlers import RotatingFileHandler

from app import paths
from app.redaction import redact

LOG_NAME = "printer-oauth.log"
_MAX_BYTES = 1_000_000
_BACKUPS = 3
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_CHATTY = ("msal", "urllib3", "qasync", "asyncio")

_secrets: set[str] = set()
_previous_levels: dict[logging.Handler, int] = {}
_lock = threading.Lock()


def forget_later(*values: str | None) -> None:
    """Values that must never be written: they are removed from every later log record."""
    with _lock:
        _secrets.update(value for value in values if value)


def known_secrets() -> list[str]:
    with _lock:
        return list(_secrets)


class RedactingFilter(logging.Filter):
    """Renders each record once and replaces secrets in the result before any handler."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = redact(record.getMessage(), known_secrets())
        record.msg, record.args = message, None
        if record.exc_info:
            text = logging.Formatter().formatException(record.exc_info)
            record.exc_text = redact(text, known_secrets())
            record.exc_info = None
        return True


def setup(level: str = "INFO") -> logging.Handler:
    """Log to the logs folder (created private to the user); returns the handler."""
    folder = paths.ensure(paths.current().log_dir)
    handler = RotatingFileHandler(
        folder / LOG_NAME, maxBytes=_MAX_BYTES, backupCount=_BACKUPS, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter(_FORMAT))
    handler.addFilter(_quiet_libraries)
    handler.addFilter(RedactingFilter())
    root = logging.getLogger()
    _previous_levels[handler] = root.level
    root.addHandler(handler)
    root.setLevel(level)
    return handler


def _quiet_libraries(record: logging.LogRecord) -> bool:
    """msal prints device codes at DEBUG, urllib3 full URLs, qasync the result of every call
    run in a thread (a sign-in code, before the flow can register it as a secret), asyncio
    its internals: INFO is enough for support."""
    return record.levelno >= logging.INFO or not record.name.startswith(_CHATTY)


def teardown(handler: logging.Handler) -> None:
    root = logging.getLogger()
    root.removeHandler(handler)
    root.setLevel(_previous_levels.pop(handler, root.level))
    handler.close()
