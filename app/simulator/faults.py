"""Transport faults on settings pages: when they strike and what the wire sees.

Settings-page requests are all requests (GET or POST, any action) to the Email Server page,
the fax server's email page, the Connection Test page and the sign-in page. A *write* is an
accepted Sign In submit or OK on a mail page (DESIGN.md "First write").

When: the fault strikes the first `count` settings-page requests made after `after_writes`
writes, then the device recovers for good. Defaults: `after_writes=1` (the request after the
Sign In submit — so the driver's restore path runs) and `count` 2 for `reset-mid-page` (the
driver's single retry after a reset meets the second reset, so the retry cannot mask it) and
1 for the others (`http-500`, `truncated-page`, `silent`: no driver retries those), so the
restore that follows finds a working device. `after_writes=0` makes it strike before the
first write, on the first settings-page request(s). A struck request changes nothing.

What:
- `reset-mid-page`: status line, headers and half the body, then a TCP reset.
- `http-500`: "500 Internal Server Error" with a short page.
- `truncated-page`: a 200 whose body (Content-Length true to what is sent) stops before
  the form's fields, then the connection closes.
- `silent`: the request is read and never answered; the connection stays open until the
  device stops (or `SILENT_SECONDS`).
"""

from __future__ import annotations

import threading

TRANSPORT_FAULTS = ("reset-mid-page", "http-500", "truncated-page", "silent")
SILENT_SECONDS = 120.0
_DEFAULT_COUNT = {"reset-mid-page": 2}


class FaultPlan:
    """Counts writes and settings-page requests; says which request a fault strikes."""

    def __init__(self, kind: str | None, *, after_writes: int = 1, count: int | None = None):
        self.kind = kind if kind in TRANSPORT_FAULTS else None
        self.after_writes = after_writes
        self.remaining = count if count is not None else _DEFAULT_COUNT.get(kind or "", 1)
        self.writes = 0
        self.struck = 0
        self._lock = threading.Lock()

    def note_write(self) -> None:
        with self._lock:
            self.writes += 1

    def strike(self) -> str | None:
        """Called once per settings-page request: the fault to play on it, or None."""
        with self._lock:
            if self.kind is None or self.writes < self.after_writes or self.remaining <= 0:
                return None
            self.remaining -= 1
            self.struck += 1
            return self.kind


def truncate(body: bytes) -> bytes:
    """The body cut short before the form's fields, or at a third when it has no form."""
    cut = body.find(b"<form")
    cut = len(body) // 3 if cut < 0 else cut + len(b"<form")
    return body[:cut]
