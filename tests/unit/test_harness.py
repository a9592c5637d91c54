"""The harness itself: async tests really run on the Qt loop, and homes are private."""

from __future__ import annotations

import asyncio
import os

import pytest

from app import paths


@pytest.mark.asyncio
async def test_async_tests_run_on_the_qasync_loop() -> None:
    import qasync

    loop = asyncio.get_running_loop()
    assert isinstance(loop, qasync.QEventLoop)
    assert await asyncio.to_thread(lambda: 42) == 42


def test_each_test_has_its_own_home(isolated_home) -> None:
    assert paths.current().config_dir.is_relative_to(isolated_home)
    assert os.environ["REQUESTS_CA_BUNDLE"]
