#!/usr/bin/env python3
"""How much of the events stage goes to sentences that yield no event (what finer gating could save).

    .venv/bin/python scripts/bench_events_gate.py [--articles 200] [--seed 7]

Runs the extraction bench's articles (scripts/bench_extract.py) twice, the second time with the events
reader's per-sentence method timed (process time), and prints the time of the sentences that add an
event and of those that add none.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_extract

from bilateral.ingest import events


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    reader = events._DocEvents
    own = reader.sentence
    seconds = {True: 0.0, False: 0.0}
    counts = {True: 0, False: 0}

    def timed(self: Any, sentence: Any) -> None:
        before = len(self.events)
        t0 = time.process_time()
        own(self, sentence)
        added = len(self.events) > before
        seconds[added] += time.process_time() - t0
        counts[added] += 1

    inputs = bench_extract.articles(args.articles, args.seed)
    bench_extract.run(inputs)  # warm-up: what is built once per process stays out
    reader.sentence = timed  # type: ignore[method-assign]
    try:
        bench_extract.run(inputs)
    finally:
        reader.sentence = own  # type: ignore[method-assign]
    total = seconds[True] + seconds[False]
    print(f"{counts[True] + counts[False]:,} sentences: {counts[True]:,} add an event ({seconds[True]:.3f} s), "
          f"{counts[False]:,} add none ({seconds[False]:.3f} s, {seconds[False] / total:.0%} of the events time)")


if __name__ == "__main__":
    main()
