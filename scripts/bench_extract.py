"""Extraction throughput: text to items on one core, no store, with the time in each stage.

    .venv/bin/python scripts/bench_extract.py [--articles 200] [--seed 7] [--runs 3]
                                               [--profile out.prof] [--export items.json]

The articles are ``--articles`` generated news articles (tests/news_factory.py, 3–8k
characters each, deterministic from the seed) and the five bundled ones in data/sources.
Each run reads every article as the importer does (readers.read_bytes + importer.source_from),
then times, per article, ``Document(source)`` (passages and sentences) and each extractor of
``pipeline.EXTRACTORS`` (its ``extract`` wrapped in place, so the order and arguments are the
pipeline's own; "people" is the analysis of names and mentions, ``AnalysedDocument.people``, which the
other extractors read, and "quotes" includes ``AnalysedDocument.statements``, which statistics reads too;
a stage's time is its own, less the timed stages it asks for), and finally merges all findings into items (pipeline.build_items, in memory).

Prints the median of ``--runs`` runs: articles/s for extraction (document + extractors, the
part an import pays per article before its store transaction), articles/s including the
reading and the in-memory merge, and each stage's share. ``--cpu N`` pins the process to CPU N. ``--export`` writes the items of the last run as JSON (sorted keys)
so two versions of the code can be diffed; ``--profile`` writes a cProfile of one
run after a warm-up run (what is built once per process stays out of it).
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import json
import os
import statistics
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from bilateral.ingest import pipeline  # noqa: E402
from bilateral.ingest.analysis import AnalysedDocument  # noqa: E402
from bilateral.ingest.readers import read_bytes  # noqa: E402
from bilateral.ingest.sources import load_source  # noqa: E402
from bilateral.ingest.text import Document  # noqa: E402
from bilateral.services.importer import source_from  # noqa: E402
from news_factory import generate  # noqa: E402

#: The extractors extract_document runs, by name.
STAGES = [extractor.name for extractor in pipeline.EXTRACTORS]


def articles(n: int, seed: int) -> list[tuple[str, bytes | Path]]:
    generated: list[tuple[str, bytes | Path]] = [(name, text.encode("utf-8")) for name, text in generate(n, seed)]
    bundled: list[tuple[str, bytes | Path]] = [(p.name, p) for p in sorted((ROOT / "data" / "sources").glob("*.txt"))]
    return generated + bundled


#: the time of the timed calls running now, innermost last: a call's time is its own, less what the timed
#: calls inside it took (statistics asking for the people or the statements first is not charged for them)
_INNER: list[float] = []


def timed(clock: dict[str, float], name: str, fn: Callable[..., Any]) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        t0 = time.process_time()
        _INNER.append(0.0)
        try:
            return fn(*args, **kwargs)
        finally:
            elapsed = time.process_time() - t0
            clock[name] += elapsed - _INNER.pop()
            if _INNER:
                _INNER[-1] += elapsed
    return wrapper


def run(inputs: list[tuple[str, bytes | Path]]) -> tuple[dict[str, float], list[Any]]:
    clock: dict[str, float] = defaultdict(float)
    for extractor in pipeline.EXTRACTORS:
        extractor.extract = timed(clock, extractor.name, extractor.extract)  # type: ignore[method-assign]
    read_people = AnalysedDocument._read_people
    AnalysedDocument._read_people = timed(clock, "people", read_people)  # type: ignore[method-assign]
    read_statements = AnalysedDocument._read_statements
    AnalysedDocument._read_statements = timed(clock, "quotes", read_statements)  # type: ignore[method-assign]
    try:
        findings = []
        for name, data in inputs:
            t0 = time.process_time()
            source = load_source(data) if isinstance(data, Path) else source_from(read_bytes(data, name))
            t1 = time.process_time()
            doc = Document(source)
            t2 = time.process_time()
            found = pipeline.extract_document(doc)
            t3 = time.process_time()
            clock["read"] += t1 - t0
            clock["document"] += t2 - t1
            clock["extract"] += t3 - t2
            findings.extend((source, f) for f in found)
        t0 = time.process_time()
        items = pipeline.build_items(findings)
        clock["merge"] += time.process_time() - t0
    finally:
        for extractor in pipeline.EXTRACTORS:
            del extractor.extract  # the class's own method again
        AnalysedDocument._read_people = read_people  # type: ignore[method-assign]
        AnalysedDocument._read_statements = read_statements  # type: ignore[method-assign]
    return clock, items


def export(items: list[Any], path: Path) -> None:
    rows = [dataclasses.asdict(item) for item in items]
    path.write_text(json.dumps(rows, sort_keys=True, ensure_ascii=False, indent=1, default=str) + "\n",
                    encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--profile", type=Path)
    parser.add_argument("--export", type=Path)
    parser.add_argument("--cpu", type=int, help="pin the process to this CPU")
    args = parser.parse_args()
    if args.cpu is not None:
        os.sched_setaffinity(0, {args.cpu})
    inputs = articles(args.articles, args.seed)
    n = len(inputs)
    chars = sum(len(d) if isinstance(d, bytes) else d.stat().st_size for _, d in inputs)
    print(f"{n} articles ({args.articles} generated, seed {args.seed}, + {n - args.articles} bundled), "
          f"{chars / n:,.0f} bytes on average; {args.runs} runs, median")
    if args.profile:
        run(inputs)  # warm: word lists and patterns are built on first use, once per process
        profiler = cProfile.Profile()
        profiler.enable()
        run(inputs)
        profiler.disable()
        profiler.dump_stats(args.profile)
        print(f"profile of one run written to {args.profile}")
    clocks = []
    items: list[Any] = []
    for _ in range(args.runs):
        clock, items = run(inputs)
        clocks.append(clock)
    median = {k: statistics.median(c[k] for c in clocks) for k in clocks[0]}
    extraction = statistics.median(c["document"] + c["extract"] for c in clocks)
    whole = statistics.median(c["read"] + c["document"] + c["extract"] + c["merge"] for c in clocks)
    print(f"extraction (document + extractors): {n / extraction:7.1f} articles/s  ({extraction:.2f} s)")
    print(f"with reading and in-memory merge:   {n / whole:7.1f} articles/s  ({whole:.2f} s)")
    print(f"{'stage':<20}{'ms/article':>11}{'share':>8}")
    for name in ["read", "document", *STAGES, "merge"]:
        seconds = median.get(name, 0.0)
        print(f"{name:<20}{1000 * seconds / n:>11.2f}{seconds / whole:>8.1%}")
    print(f"{len(items)} items")
    if args.export:
        export(items, args.export)
        print(f"items written to {args.export}")


if __name__ == "__main__":
    main()
