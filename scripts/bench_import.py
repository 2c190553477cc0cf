"""Import speed: `bilateral import` of a folder, and one article into a big library beside an empty one.

    .venv/bin/python scripts/bench_import.py [--folder 100] [--size 1000] [--repeat 5]

Prints (does not assert):
- the throughput of `bilateral import FOLDER` (a subprocess, as a user runs it) of ``--folder``
  generated articles into a fresh library, in articles/s;
- the time to import one article into a fresh library (only the bundled corpus), into a library
  of ``--size``/10 imported articles and into one of ``--size``; the ratios show whether an import
  is incremental (about 1) or grows with the library. The write part (the article's transaction:
  merge lookups and writes) is shown apart from reading and extraction, which do not depend on the
  library. (A fresh library mostly creates items, a grown one mostly adds to existing ones.)

Articles come from tests/news_factory.py (deterministic). Takes a few minutes for --size 1000.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from bilateral.services import importer  # noqa: E402
from bilateral.services.library import ensure_library  # noqa: E402
from bilateral.store import writer as writer_module  # noqa: E402
from news_factory import generate  # noqa: E402


def write(folder: Path, articles: list[tuple[str, str]]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in articles:
        (folder / name).write_text(text, encoding="utf-8")
    return [str(folder / name) for name, _ in articles]


class WriteClock:
    """Seconds spent inside LibraryWriter.article() (the article's transaction)."""

    def __init__(self) -> None:
        self.seconds = 0.0
        self._original = writer_module.LibraryWriter.article

    def __enter__(self) -> WriteClock:
        original, clock = self._original, self
        from contextlib import contextmanager

        @contextmanager
        def timed(self):  # type: ignore[no-untyped-def]
            started = time.perf_counter()
            try:
                with original(self) as items:
                    yield items
            finally:
                clock.seconds += time.perf_counter() - started

        writer_module.LibraryWriter.article = timed  # type: ignore[method-assign]
        return self

    def __exit__(self, *exc: object) -> None:
        writer_module.LibraryWriter.article = self._original  # type: ignore[method-assign]


def one_article(library: Path, path: str) -> tuple[float, float]:
    """(total seconds, write seconds) of importing one article."""
    with WriteClock() as clock:
        started = time.perf_counter()
        report = importer.run_import(library, [path])
        total = time.perf_counter() - started
    assert report.count("imported") == 1, report.outcomes
    return total, clock.seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--folder", type=int, default=100, help="articles in the folder import (default 100)")
    parser.add_argument("--size", type=int, default=1000, help="articles in the big library (default 1000)")
    parser.add_argument("--repeat", type=int, default=5, help="single articles timed per library (default 5)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-import-") as tmp:
        work = Path(tmp)
        # 1. bilateral import of a folder, as a user runs it
        folder = work / "folder"
        write(folder, generate(args.folder, 100))
        lib = work / "folder.sqlite"
        env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
        started = time.perf_counter()
        done = subprocess.run([sys.executable, "-m", "bilateral", "import", "--db", str(lib), str(folder)],
                              capture_output=True, text=True, env=env, check=False)
        seconds = time.perf_counter() - started
        if done.returncode != 0:
            print(done.stderr[-2000:])
            return 1
        summary = done.stderr.strip().splitlines()[-1]
        print(f"bilateral import of {args.folder} articles: {seconds:.1f} s wall, "
              f"{args.folder / seconds:.1f} articles/s (process start included)")
        print(f"  its summary: {summary}")

        # 2. one article into a fresh library, into one of --size/10 articles, and one of --size
        singles = write(work / "singles", generate(args.repeat * 2, 999))
        warm = work / "warm.sqlite"  # the extractors compile their patterns on first use
        ensure_library(warm)
        importer.run_import(warm, write(work / "warm", generate(1, 998)))
        fresh = []
        for n, path in enumerate(singles[:args.repeat]):
            target = work / f"fresh{n}.sqlite"
            ensure_library(target)
            fresh.append(one_article(target, path))
        big = work / "big.sqlite"
        ensure_library(big)
        bulk = write(work / "bulk", generate(args.size, 1))
        tenth = max(1, args.size // 10)
        started = time.perf_counter()
        importer.run_import(big, bulk[:tenth])
        small = [one_article(big, path) for path in singles[:args.repeat]]
        importer.run_import(big, bulk[tenth:])
        filled = time.perf_counter() - started
        print(f"filling a library with {args.size} articles: {filled:.0f} s "
              f"({args.size / filled:.1f} articles/s, in two calls)")
        grown = [one_article(big, path) for path in singles[args.repeat:]]

        def show(label: str, runs: list[tuple[float, float]]) -> tuple[float, float]:
            total = statistics.median(t for t, _ in runs)
            wrote = statistics.median(w for _, w in runs)
            print(f"  {label:<34} {1000 * total:6.1f} ms (write {1000 * wrote:5.1f} ms)")
            return total, wrote

        print(f"one article, median of {args.repeat} (write = its transaction: merge and store):")
        f_total, f_write = show("into the bundled-only library:", fresh)
        s_total, s_write = show(f"into a library of {tenth + 5} articles:", small)
        g_total, g_write = show(f"into a library of {args.size + 5 + args.repeat} articles:", grown)
        print(f"  ratio {args.size} / empty: total {g_total / f_total:.2f}, write {g_write / f_write:.2f}; "
              f"{args.size} / {tenth}: total {g_total / s_total:.2f}, write {g_write / s_write:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
