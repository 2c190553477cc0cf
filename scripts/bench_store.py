"""Store speed: the write side of an import (merge and SQLite), apart from reading and extraction.

    .venv/bin/python scripts/bench_store.py [--articles 400] [--seed 11] [--warm 20] [--repeat 5]
                                            [--profile] [--import-runs 0] [--cache FILE]

Articles come from tests/news_factory.py (deterministic). Each is read and analysed once (the
extraction, not timed); then, ``--repeat``
times, a fresh library gets the first ``--warm`` articles untimed and the rest timed through
``importer.store_analysed`` (duplicate check, source row, passages, ``Merger.add`` over
``SqlItems``): ms/article of CPU (process_time) and of the wall clock, medians printed (and the
least CPU figure: on a shared machine, the one least disturbed).
``--profile`` prints a cProfile of one timed pass (sorted by own time) and how many SQL
statements it ran. ``--import-runs N`` also times N whole ``run_import`` calls of the same
articles in one process (``BILATERAL_IMPORT_WORKERS=0``) after the warm-up, in articles/s.
``--cache FILE`` keeps the analyses in FILE (made if missing): runs of two versions of the store
side by side skip the extraction; delete it when the extractors change.

Prints figures, asserts nothing about speed. Runs on a 2-core machine shared with other work:
compare before/after back to back.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pickle
import pstats
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "src"))

from bilateral.services import importer  # noqa: E402
from bilateral.services.library import ensure_library  # noqa: E402
from bilateral.store.writer import LibraryWriter  # noqa: E402
from news_factory import generate  # noqa: E402


def articles(folder: Path, count: int, seed: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in generate(count, seed):
        (folder / name).write_text(text, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def analysed(paths: list[str]) -> bytes:
    """The articles' analyses, pickled (each pass loads a fresh copy: the merge changes the findings
    it is given)."""
    return pickle.dumps([importer.analyse(importer.read_target(p)) for p in paths])


def cached(cache: Path | None, folder: Path, count: int, seed: int) -> tuple[list[str], bytes]:
    """The articles (written to ``folder``) and their analyses, kept in ``cache`` when given."""
    paths = articles(folder, count, seed)
    if cache is None or not cache.exists():
        blob = analysed(paths)
        if cache is not None:
            cache.write_bytes(pickle.dumps((count, seed, blob)))
        return paths, blob
    kept_count, kept_seed, blob = pickle.loads(cache.read_bytes())
    if (kept_count, kept_seed) != (count, seed):
        raise SystemExit(f"{cache} holds {kept_count} articles of seed {kept_seed}: delete it or give another")
    return paths, blob


def store_pass(library: Path, paths: list[str], blob: bytes, warm: int,
               profile: cProfile.Profile | None = None) -> tuple[float, float]:
    """(CPU, wall) seconds of storing all but the first ``warm`` articles into a fresh library."""
    ensure_library(library)
    articles = pickle.loads(blob)
    with LibraryWriter(library) as writer:
        for path, article in zip(paths[:warm], articles[:warm], strict=True):
            _stored(writer, article, path)
        cpu, wall = time.process_time(), time.perf_counter()
        if profile is not None:
            profile.enable()
        for path, article in zip(paths[warm:], articles[warm:], strict=True):
            _stored(writer, article, path)
        if profile is not None:
            profile.disable()
        return time.process_time() - cpu, time.perf_counter() - wall


def _stored(writer: LibraryWriter, article: importer.Analysed, path: str) -> None:
    outcome = importer.store_analysed(writer, article, path)
    if outcome.status != "imported":
        raise SystemExit(f"{path}: {outcome.message}")


def import_pass(library: Path, paths: list[str], warm: int) -> float:
    """Articles/s of one ``run_import`` of all but the first ``warm`` paths (one process)."""
    ensure_library(library)
    importer.run_import(library, paths[:warm])
    started = time.perf_counter()
    report = importer.run_import(library, paths[warm:])
    seconds = time.perf_counter() - started
    assert report.count("imported") == len(paths) - warm, report.summary()
    return report.count("imported") / seconds


def show_profile(profile: cProfile.Profile) -> None:
    stats = pstats.Stats(profile)
    stats.sort_stats("tottime").print_stats(25)
    statements = sum(nc for (file, _line, name), (_cc, nc, *_rest) in stats.stats.items()  # type: ignore[attr-defined]
                     if name in ("<method 'execute' of 'sqlite3.Connection' objects>",
                                 "<method 'executemany' of 'sqlite3.Connection' objects>"))
    print(f"SQL calls (execute + executemany): {statements}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--warm", type=int, default=20)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--profile", action="store_true")
    parser.add_argument("--import-runs", type=int, default=0)
    parser.add_argument("--cache", type=Path)
    args = parser.parse_args()
    os.environ["BILATERAL_IMPORT_WORKERS"] = "0"
    print(f"bilateral from {Path(importer.__file__).parents[1]}")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        paths, blob = cached(args.cache, folder / "articles", args.articles, args.seed)
        timed = len(paths) - args.warm
        cpu, wall = [], []
        for n in range(args.repeat):
            c, w = store_pass(folder / f"lib{n}.sqlite", paths, blob, args.warm)
            cpu.append(c * 1000 / timed)
            wall.append(w * 1000 / timed)
            print(f"pass {n + 1}: store {cpu[-1]:.2f} ms/article CPU, {wall[-1]:.2f} ms/article wall")
        print(f"store of {timed} articles after {args.warm}: median {statistics.median(cpu):.2f} ms/article CPU "
              f"(least {min(cpu):.2f}), {statistics.median(wall):.2f} ms/article wall")
        rates = [import_pass(folder / f"imp{n}.sqlite", paths, args.warm) for n in range(args.import_runs)]
        if rates:
            print(f"run_import of {timed} articles, one process: median {statistics.median(rates):.1f} articles/s "
                  f"({', '.join(f'{r:.1f}' for r in rates)})")
        if args.profile:
            profile = cProfile.Profile()
            store_pass(folder / "profiled.sqlite", paths, blob, args.warm, profile)
            show_profile(profile)


if __name__ == "__main__":
    main()
