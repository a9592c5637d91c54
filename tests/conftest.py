"""The test environment, hardened in one place.

- Qt runs offscreen; the variable is set before anything imports Qt.
- Every test runs under its own PRINTER_OAUTH_HOME and without the developer's PRINTER_OAUTH_*
  settings, so nothing reads or writes the real user folders.
- REQUESTS_CA_BUNDLE / CURL_CA_BUNDLE stay set (set here if the machine lacks them): code that
  forgets `trust_env = False` then trusts the wrong CA and fails, as it would for a customer.
- Async tests run on a qasync loop, the loop the wizard uses (../shared/facts/qt.md).
- Qt warnings and Python warnings fail the run (pyproject.toml: qt_log_level_fail, filterwarnings),
  except one CPython 3.12.1 socket leak in the standard library (`pytest_configure`).
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys

os.environ["QT_QPA_PLATFORM"] = "offscreen"

import certifi
import pytest

for _variable in ("REQUESTS_CA_BUNDLE", "CURL_CA_BUNDLE"):
    os.environ.setdefault(_variable, certifi.where())


_PEERLESS_SSL_SOCKET = (
    r"Exception ignored in. <ssl\.SSLSocket fd=\d+, family=\d+, type=\d+, proto=\d+, "
    r"laddr=\([^)]*\)>"
)
"""An SSL socket whose peer was already gone (no `raddr` in its repr) when it was wrapped."""


def pytest_configure(config: pytest.Config) -> None:
    """CPython 3.12.1's `SSLSocket._create` raises without closing the socket it has just
    taken over when the peer resets between connect and wrap (python/cpython#113280, fixed in
    3.12.2): a device restarting under a request does exactly that, and garbage collection
    later reports the socket. Only on those versions, and only for sockets with no peer, is
    that report not a failure; a socket of ours left open while connected still fails."""
    if sys.version_info < (3, 12, 2):
        config.addinivalue_line(
            "filterwarnings",
            f"ignore:{_PEERLESS_SSL_SOCKET}:pytest.PytestUnraisableExceptionWarning",
        )


def _qasync_loop() -> asyncio.AbstractEventLoop:
    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication([])
    return qasync.QEventLoop(app)


def pytest_asyncio_loop_factories(config: pytest.Config, item: pytest.Item) -> dict:
    return {"qasync": _qasync_loop}


@pytest.fixture(autouse=True)
def collect_on_the_qt_thread() -> None:
    """Each async test gets a new qasync loop; the last one's Qt objects (its timers) become
    garbage in reference cycles. Collected by chance in a worker thread (asyncio.to_thread),
    they would stop timers from another thread (a Qt warning); collected here, they are not."""
    gc.collect()


@pytest.fixture(autouse=True)
def isolated_home(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """A private home for the product's folders, and none of the developer's own settings."""
    for name in list(os.environ):
        if name.startswith("PRINTER_OAUTH_"):
            monkeypatch.delenv(name)
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("PRINTER_OAUTH_HOME", str(home))
    return home
