"""The harness itself: async tests really run on the Qt loop, and homes are private."""

from __future__ import annotations

import asyncio
import os
import re
import socket
import ssl

import pytest

from app import paths
from tests.conftest import _PEERLESS_SSL_SOCKET


@pytest.mark.asyncio
async def test_async_tests_run_on_the_qasync_loop() -> None:
    import qasync

    loop = asyncio.get_running_loop()
    assert isinstance(loop, qasync.QEventLoop)
    assert await asyncio.to_thread(lambda: 42) == 42


def test_each_test_has_its_own_home(isolated_home) -> None:
    assert paths.current().config_dir.is_relative_to(isolated_home)
    assert os.environ["REQUESTS_CA_BUNDLE"]


def test_the_cpython_ssl_leak_allowance_spares_only_sockets_without_a_peer() -> None:
    """Matched against the reprs of real SSL sockets: one never connected (as the leaked one
    is after its peer reset) and one connected on loopback, which must still fail a test."""
    context = ssl.create_default_context()
    with (
        socket.create_server(("127.0.0.1", 0)) as server,
        context.wrap_socket(socket.socket(), server_hostname="x") as peerless,
        socket.create_connection(server.getsockname(), timeout=5) as plain,
        context.wrap_socket(
            plain.dup(), server_hostname="x", do_handshake_on_connect=False
        ) as connected,
    ):
        assert re.match(_PEERLESS_SSL_SOCKET, f"Exception ignored in: {peerless!r}")
        assert not re.match(_PEERLESS_SSL_SOCKET, f"Exception ignored in: {connected!r}")
