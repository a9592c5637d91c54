"""`make bench`: run every benchmark module (or those named) and print their figures.

Usage: python -m benchmarks [NAME ...]   (NAME: module stem without "bench_")
"""

from __future__ import annotations

import importlib
import json
import pkgutil
import sys
import time

import benchmarks


def main(names: list[str]) -> int:
    modules = sorted(m.name for m in pkgutil.iter_modules(benchmarks.__path__))
    chosen = [m for m in modules if m.startswith("bench_")]
    if names:
        chosen = [m for m in chosen if m.removeprefix("bench_") in names]
    for name in chosen:
        started = time.perf_counter()
        figures = importlib.import_module(f"benchmarks.{name}").run()
        elapsed = time.perf_counter() - started
        print(json.dumps({"benchmark": name, **figures, "wall_s": round(elapsed, 2)}), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
