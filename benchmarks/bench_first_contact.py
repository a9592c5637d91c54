"""How long a technician waits to hear that a device is absent or silent (goal: within 4 s).

Both cases on loopback: a port nobody listens on, and a listener that accepts connections but
never answers. The figure is the time from typing the address to the `unreachable` error,
through the same driver the wizard and the command line use.
"""

from __future__ import annotations

import os
import socket
import statistics
import tempfile
import time

from app.errors import Unreachable
from app.printers.address import parse_address
from app.printers.epson.transport import Transport
from app.trust import PinStore

ROUNDS = 3
GOAL_S = 4.0


def _time_to_unreachable(address: str) -> float:
    transport = Transport(parse_address(address), pins=PinStore())
    started = time.perf_counter()
    try:
        transport.reach()
    except Unreachable:
        return time.perf_counter() - started
    finally:
        transport.close()
    raise AssertionError(f"{address} answered")


def _absent() -> float:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return _time_to_unreachable(f"127.0.0.1:{port}")


def _silent(form: str) -> float:
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(16)
        return _time_to_unreachable(form.format(port=listener.getsockname()[1]))


def run() -> dict:
    os.environ.setdefault("PRINTER_OAUTH_HOME", tempfile.mkdtemp(prefix="bench-home-"))
    absent = statistics.median(_absent() for _ in range(ROUNDS))
    silent_port = statistics.median(_silent("127.0.0.1:{port}") for _ in range(ROUNDS))
    silent_http = statistics.median(_silent("http://127.0.0.1:{port}") for _ in range(ROUNDS))
    worst = max(absent, silent_port, silent_http)
    return {
        "absent_s": round(absent, 3),
        "silent_bare_port_s": round(silent_port, 3),
        "silent_http_s": round(silent_http, 3),
        "worst_vs_goal": round(worst / GOAL_S, 2),
    }
