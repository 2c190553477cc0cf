"""Import speed: `bilateral import` of a folder, and one article into a big library beside an empty one.

    .venv/bin/python scripts/bench_import.py [--folder 100] [--size 1000] [--repeat 5]

Prints (does not assert):
- the throughput of `bilateral import FOLDER` (a subprocess, as a user runs it) of ``--folder``
  generated articles into a fresh library, in articles/s;
- the time to import one article into a library of ``--size`` imported articles, beside the same
  article into a fresh library (only the bundled corpus); their ratio shows whether an import is
  incremental (about 1) or grows with the library. The write part (the article's transaction) is
  shown apart from reading and extraction, which do not depend on the library.

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

        # 2. one article into a library of --size articles, and into a fresh one
        singles = write(work / "singles", generate(args.repeat, 999))
        empty = work / "empty.sqlite"
        ensure_library(empty)
        big = work / "big.sqlite"
        ensure_library(big)
        started = time.perf_counter()
        report = importer.run_import(big, write(work / "bulk", generate(args.size, 1)))
        filled = time.perf_counter() - started
        print(f"filling a library with {report.count('imported')} articles: {filled:.0f} s "
              f"({report.count('imported') / filled:.1f} articles/s in one call)")
        fresh = []
        for n, path in enumerate(singles):
            target = work / f"fresh{n}.sqlite"
            ensure_library(target)
            fresh.append(one_article(target, path))
        grown = [one_article(big, path) for path in singles]
        f_total = statistics.median(t for t, _ in fresh)
        f_write = statistics.median(w for _, w in fresh)
        g_total = statistics.median(t for t, _ in grown)
        g_write = statistics.median(w for _, w in grown)
        print(f"one article, median of {args.repeat}:")
        print(f"  into the bundled-only library: {1000 * f_total:6.1f} ms (write {1000 * f_write:5.1f} ms)")
        print(f"  into a library of {args.size:>5} articles: {1000 * g_total:6.1f} ms (write {1000 * g_write:5.1f} ms)")
        print(f"  ratio big/empty: total {g_total / f_total:.2f}, write {g_write / f_write:.2f}")
        _ = empty
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
