"""Overhead of the flow engine per step, against the same coroutines awaited directly.

The engine sits between every click and the device; this shows it adds nothing a technician
could notice. Reported as a ratio against the baseline measured in the same run.
"""

from __future__ import annotations

import asyncio
import statistics
import time

from app.flow import Flow, FlowRunner, Step

STEPS = 200
ROUNDS = 7


async def _work(ctx: object = None) -> dict:
    await asyncio.sleep(0)
    return {"done": True}


def _flow() -> Flow:
    names = [f"s{i}" for i in range(STEPS)]
    steps = [
        Step(name, action=_work, undo=None, next=names[i + 1] if i + 1 < STEPS else None)
        for i, name in enumerate(names)
    ]
    return Flow.of("bench", *steps)


async def _through_engine(flow: Flow) -> float:
    runner = FlowRunner(flow)
    started = time.perf_counter()
    while runner.current is not None:
        await runner.advance()
    return time.perf_counter() - started


async def _direct() -> float:
    started = time.perf_counter()
    for _ in range(STEPS):
        await _work()
    return time.perf_counter() - started


def run() -> dict:
    flow = _flow()
    engine = [asyncio.run(_through_engine(flow)) for _ in range(ROUNDS)]
    direct = [asyncio.run(_direct()) for _ in range(ROUNDS)]
    per_step = statistics.median(engine) / STEPS
    return {
        "engine_us_per_step": round(per_step * 1e6, 1),
        "direct_us_per_step": round(statistics.median(direct) / STEPS * 1e6, 1),
        "ratio": round(statistics.median(engine) / statistics.median(direct), 1),
    }
