"""Holding one request in flight, so that something can happen while the device is in the
middle of it: a technician's Ctrl+C during the login, a power cut during the OK.

Without it a test could only hope its cancel or its kill lands during the request it means;
with it the device announces that the request has arrived and keeps it until released (or
until the device stops), so the moment is the same on a loaded machine as on an idle one.

Hold points name a request by what it is in a configure, not by its address, so they mean
the same on every variant:
- `reach`: a status page (the first contact, where the certificate is met);
- `login`: the login form submitted;
- `read`: a settings page read before anything was written (the login's read, the backup);
- `sign_in`: the Sign In submit (the first write), or a two-step sign-in's second step;
- `poll`: a settings page re-read while its sign-in waits for the person;
- `commit`: OK on a mail page (a save);
- `verify`: the first settings page read after a save (the read-back that verifies it);
- `test`: the connection test started.
Only the first request at the point is held. `after`: the device first does what the request
asks (a save is saved), then holds the answer back.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

POINTS = ("reach", "login", "read", "sign_in", "poll", "commit", "verify", "test")
_STOP_CHECK_SECONDS = 0.05


class Hold:
    """One hold point; `reached` is set when its request arrives, `release()` lets it go."""

    def __init__(
        self,
        point: str,
        *,
        after: bool = False,
        announce: Callable[[Hold], None] | None = None,
    ) -> None:
        """`announce` is called once the request is held (the `sim` command prints a line)."""
        if point not in POINTS:
            raise ValueError(f"unknown hold point {point!r}; valid: {', '.join(POINTS)}")
        self.point = point
        self.after = after
        self.reached = threading.Event()
        self._released = threading.Event()
        self._announce = announce
        self._taken = False
        self._lock = threading.Lock()

    def take(self, point: str | None) -> bool:
        """True for the first request at this hold's point: that request is the one held."""
        with self._lock:
            if point != self.point or self._taken:
                return False
            self._taken = True
            return True

    def wait(self, stopping: threading.Event) -> None:
        """Keep the request until `release()` or until the device stops."""
        self.reached.set()
        if self._announce is not None:
            self._announce(self)
        while not self._released.is_set() and not stopping.wait(_STOP_CHECK_SECONDS):
            pass

    def release(self) -> None:
        self._released.set()
