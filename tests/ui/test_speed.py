"""Start-up and responsiveness under generous ceilings (3× DESIGN.md's goals): they catch a
wizard that hangs, freezes or balloons; `make bench` measures the figures for the README.

Each measure is the benchmark's own (benchmarks/bench_first_paint.py, bench_ui_stall.py):
fresh processes started as `main.py` starts, a simulator in a process of its own answering
every request 300 ms late, a silent listener on loopback.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from benchmarks import bench_first_paint, bench_ui_stall

pytestmark = pytest.mark.slow

FIRST_PAINT_RATIO_CEILING = 3 * bench_first_paint.GOAL_RATIO
STALL_CEILING_MS = 3 * bench_ui_stall.GOAL_STALL_MS
PEAK_MEMORY_CEILING_MB = 400
"""About 4× the ~100 MB a full run peaks at (README "Benchmarks")."""
SILENT_UNREACHABLE_CEILING_S = 12.0
"""3× DESIGN.md's 4 s for a silent device's first contact."""


def measured_twice_if_slow(measure: Callable[[], dict]) -> dict:
    """A run over the ceiling is measured once more: on this 2-core machine another test's
    burst can stall any process that long, while a wizard that really freezes does it again."""
    figures = measure()
    if figures["longest_stall_ms"] > STALL_CEILING_MS:
        figures = measure()
    return figures


def assert_measured(figures: dict) -> None:
    """The heartbeat really beat through the run (a silent one would report no stall)."""
    assert figures["beats"] >= figures["run_s"] * 1000 / STALL_CEILING_MS, figures


def test_the_first_page_paints_soon_and_before_any_heavy_module() -> None:
    figures = bench_first_paint.run(rounds=5)
    assert figures["heavy_modules_before_first_paint"] == []
    assert figures["slow_types_before_first_paint"] == []
    assert figures["ratio"] <= FIRST_PAINT_RATIO_CEILING, figures


def test_a_full_run_at_300_ms_per_request_never_freezes_the_window() -> None:
    figures = measured_twice_if_slow(lambda: bench_ui_stall.measure_latency_run(latency_ms=300))
    assert_measured(figures)
    assert figures["longest_stall_ms"] <= STALL_CEILING_MS, figures
    assert figures["peak_rss_mb"] <= PEAK_MEMORY_CEILING_MB, figures
    assert figures["stderr"] == ""  # no Qt or Python warning, nothing printed


def test_a_silent_device_never_freezes_the_window() -> None:
    figures = measured_twice_if_slow(bench_ui_stall.measure_silent_run)
    assert_measured(figures)
    assert figures["longest_stall_ms"] <= STALL_CEILING_MS, figures
    assert figures["run_s"] <= SILENT_UNREACHABLE_CEILING_S, figures
    assert figures["peak_rss_mb"] <= PEAK_MEMORY_CEILING_MB, figures
    assert figures["stderr"] == ""
