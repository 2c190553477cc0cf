#!/usr/bin/env python3
"""Time the bundled corpus through the pipeline: load, extraction, store build, open, search.

Usage: python scripts/bench_build.py [--runs N] [--data DIR]
Prints the median (and min/max) of N runs for each stage, in milliseconds.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "src"))

from bilateral.core import paths
from bilateral.ingest.pipeline import extract
from bilateral.ingest.sources import load_corpus
from bilateral.store.build import build
from bilateral.store.library import Library

QUERIES = ("trade", '"comprehensive strategic"', "Tô Lâm", "rail*", "Xi AND Vietnam", "shared future, NEAR(")


def timed(runs: int, work: Callable[[], Any]) -> tuple[list[float], Any]:
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(1000 * (time.perf_counter() - start))
    return times, result


def report(name: str, times: list[float]) -> None:
    print(f"{name:<22} median {statistics.median(times):8.1f} ms   min {min(times):8.1f}   max {max(times):8.1f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--data", type=Path, default=paths.sources_dir())
    args = parser.parse_args()
    runs = max(1, args.runs)

    load_times, sources = timed(runs, lambda: load_corpus(args.data))
    extract_times, (passages, items) = timed(runs, lambda: extract(sources))
    with tempfile.TemporaryDirectory() as tmp:
        target = Path(tmp) / "bench.sqlite"
        store_times, built = timed(runs, lambda: build(sources, passages, items, target))
        full_times, _ = timed(runs, lambda: build(sources, *extract(load_corpus(args.data)), target))
        open_times, _ = timed(runs, lambda: Library.open(target).close())
        with Library.open(target) as library:
            search_times, _ = timed(runs, lambda: [library.search(q) for q in QUERIES])

    chars = sum(len(s.text) for s in sources)
    print(f"corpus: {len(sources)} sources, {chars} characters, {len(passages)} passages, "
          f"{sum(built.counts.values())} items, {built.citations} citations; {runs} runs")
    print("items: " + ", ".join(f"{k} {n}" for k, n in built.counts.items()))
    report("load", load_times)
    report("extraction", extract_times)
    report("store write", store_times)
    report("load+extract+store", full_times)
    report("open library", open_times)
    report(f"search ({len(QUERIES)} queries)", search_times)
    return 0


if __name__ == "__main__":
    sys.exit(main())
