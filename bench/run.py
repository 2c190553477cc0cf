#!/usr/bin/env python3
"""The size bench: a library of N generated articles, measured the way the app uses it.

    .venv/bin/python bench/run.py --articles 1000 [10000 ...] --json out.json [--copy-from 1000]

For each N: generated articles (tests/news_factory.generate(N, seed)) are imported through
services.importer.run_import into a fresh library from services.library.ensure_library;
with ``--copy-from K`` a size above K is made by importing K and copying those rows in SQL
(bench/libraries.py says how; the output marks such sizes). Then, in this order:

  store        file size (after a WAL checkpoint) over the UTF-8 bytes of every article's text
  search       the 50 queries of bench/queries.py through Library.search, each alternated with
               the same query as bare FTS5 MATCH (passage_fts and item_fts, LIMIT 200 each, bad
               syntax quoted as the app quotes it) on its own connection to the same file; the
               first pass over the queries is a warm-up and is not counted
  open         MainWindow.open_item on a fixed sample of items (bench/gui_probe.py open)
  rss          peak RSS of a window that ran one search (gui_probe.py rss)
  startup      bilateral --exit-after-paint --db LIB beside a bare PySide6 window, alternated,
               one warm-up run of each not counted
  stall        a 5 ms heartbeat while the window opens, sorts, filters, searches and imports
               (gui_probe.py stall; last, because its import changes the library)

Every GUI figure is from a fresh process on QT_QPA_PLATFORM=offscreen with first-launch
settings. JSON goes to --json, a Markdown table to stdout, progress to stderr.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "scripts"))

import libraries  # noqa: E402
from bench_startup import BARE  # noqa: E402  (the same bare window the start-up script measures)
from queries import QUERIES  # noqa: E402

#: (key, goal as text, check) in table order.
GOALS: list[tuple[str, str]] = [
    ("import_articles_per_s", ""),
    ("import_articles_per_s_per_core", "≥ 300"),
    ("store_mib", ""),
    ("store_bytes_per_text_byte", "≤ 4"),
    ("search_p50_ms", ""),
    ("search_p95_ms", "≤ 25 at 100,000"),
    ("raw_p95_ms", ""),
    ("search_ratio_vs_raw", "≤ 1.5"),
    ("open_passage_ms", "≤ 30"),
    ("startup_ratio", "≤ 1.5"),
    ("peak_rss_mib", "≤ 150 at 100,000"),
    ("max_stall_ms", "≤ 50"),
]


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


#: Byte-compiled modules for the app's processes, outside src/: an installed app has its .pyc files
#: (pip compiles them), so a PYTHONDONTWRITEBYTECODE in the environment must not make every
#: measured start compile the sources again. The warm-up run writes them.
PYCACHE = Path(tempfile.gettempdir()) / "bilateral-bench-pycache"


def gui_env(config: Path) -> dict[str, str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src"), "QT_QPA_PLATFORM": "offscreen",
           "XDG_CONFIG_HOME": str(config / "config"), "XDG_DATA_HOME": str(config / "data"),
           "PYTHONPYCACHEPREFIX": str(PYCACHE)}
    env.pop("BILATERAL_DB", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


# -- the library ------------------------------------------------------------------------


def backup(source: Path, target: Path) -> None:
    """A consistent copy (main file and WAL together)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.close()
    src.close()


def make_library(n: int, work: Path, seed: int, copy_from: int | None,
                 bases: dict[int, tuple[Path, dict[str, Any]]], reuse: bool = False) -> tuple[Path, dict[str, Any]]:
    library = work / f"library-{n}.sqlite"
    made_file = work / f"library-{n}.json"
    if reuse and library.exists() and made_file.exists():
        log(f"{n}: --reuse: the library {library} a previous run made (and left unchanged)")
        return library, json.loads(made_file.read_text())
    imported_n = copy_from if copy_from is not None and n > copy_from else n
    kept = work / f"base-{imported_n}.json"
    if imported_n not in bases and reuse and kept.exists() and (work / f"base-{imported_n}.sqlite").exists():
        bases[imported_n] = (work / f"base-{imported_n}.sqlite", json.loads(kept.read_text()))
        log(f"{n}: --reuse: the library of {imported_n} imported articles in {work} (import figures from then)")
    if imported_n in bases:
        base, info = bases[imported_n]
        log(f"{n}: reusing the library of {imported_n} imported articles made earlier in this run")
    else:
        files = libraries.write_articles(work / f"articles-{imported_n}", imported_n, seed)
        log(f"{n}: importing {imported_n} articles (run_import: the app's own import, its workers included) …")
        base = work / f"base-{imported_n}.sqlite"
        info = libraries.import_articles(base, files)
        log(f"{n}: imported {info['imported']} in {info['import_s']} s "
            f"({info['import_articles_per_s']} articles/s), {info['failed']} failed")
        bases[imported_n] = (base, info)
        kept.write_text(json.dumps(info) + "\n")
    backup(base, library)
    made = {**info, "made_by": "import", "imported_articles": imported_n}
    if imported_n != n:
        log(f"{n}: copying rows in SQL up to {n} articles …")
        copied = libraries.copy_up(library, n)
        made.update(copied, made_by=f"import {imported_n} + SQL copy to {n}")
        log(f"{n}: {copied['copies']} copies in {copied['copy_s']} s")
    problems = libraries.check_consistent(library)
    if problems:
        raise SystemExit(f"library {library} is inconsistent: {problems}")
    made_file.write_text(json.dumps(made) + "\n")
    return library, made


def store_figures(library: Path) -> dict[str, Any]:
    conn = sqlite3.connect(library)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    text_bytes = conn.execute("SELECT sum(length(CAST(text AS BLOB))) FROM source").fetchone()[0]
    counts = dict(conn.execute("SELECT kind, count(*) FROM item GROUP BY kind"))
    sources = conn.execute("SELECT count(*) FROM source").fetchone()[0]
    passages = conn.execute("SELECT count(*) FROM passage").fetchone()[0]
    citations = conn.execute("SELECT count(*) FROM citation").fetchone()[0]
    conn.close()
    size = sum(Path(f"{library}{s}").stat().st_size for s in ("", "-wal") if Path(f"{library}{s}").exists())
    return {"store_mib": round(size / 2**20, 1), "store_bytes_per_text_byte": round(size / text_bytes, 2),
            "text_mib": round(text_bytes / 2**20, 1), "sources": sources, "passages": passages,
            "items": sum(counts.values()), "items_by_kind": counts, "citations": citations}


# -- search ---------------------------------------------------------------------------------


def raw_expression(conn: sqlite3.Connection, query: str) -> str:
    """The FTS5 expression the app runs for ``query`` (store/search.py): as written, or quoted words."""
    from bilateral.store.folding import fold_letters
    from bilateral.store.search import clean_query, quote_fts

    query = clean_query(query)
    expression = fold_letters(query.strip())
    try:
        for table in ("item_fts", "passage_fts"):
            conn.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1", (expression,)).fetchall()
    except sqlite3.OperationalError:
        expression = quote_fts(fold_letters(query))
    return expression


def search_figures(library: Path, reps: int) -> dict[str, Any]:
    from bilateral.store.library import Library

    app = Library.open(library)
    raw = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    expressions = {q: raw_expression(raw, q) for q in QUERIES}

    def bare(query: str) -> None:
        expression = expressions[query]
        if expression:
            raw.execute("SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? LIMIT 200", (expression,)).fetchall()
            raw.execute("SELECT rowid FROM item_fts WHERE item_fts MATCH ? LIMIT 200", (expression,)).fetchall()

    app_ms: dict[str, list[float]] = {q: [] for q in QUERIES}
    raw_ms: dict[str, list[float]] = {q: [] for q in QUERIES}
    timed_out: set[str] = set()
    for rep in range(reps + 1):  # rep 0: warm-up, not counted
        for n, query in enumerate(QUERIES):
            order = ("app", "raw") if (rep + n) % 2 == 0 else ("raw", "app")
            for which in order:
                start = time.perf_counter()
                if which == "app":
                    result = app.search(query)
                    if result.timed_out:
                        timed_out.add(query)
                else:
                    bare(query)
                elapsed = (time.perf_counter() - start) * 1000
                if rep:
                    (app_ms if which == "app" else raw_ms)[query].append(elapsed)
    app.close()
    raw.close()
    all_app = [t for ts in app_ms.values() for t in ts]
    all_raw = [t for ts in raw_ms.values() for t in ts]
    p95, raw95 = percentile(all_app, 95), percentile(all_raw, 95)
    slowest = sorted(QUERIES, key=lambda q: -statistics.median(app_ms[q]))[:5]
    return {"search_p50_ms": round(percentile(all_app, 50), 1), "search_p95_ms": round(p95, 1),
            "raw_p50_ms": round(percentile(all_raw, 50), 2), "raw_p95_ms": round(raw95, 2),
            "search_ratio_vs_raw": round(p95 / raw95, 1) if raw95 > 0 else None,
            "search_samples": len(all_app), "search_warmup_passes": 1,
            "search_slowest_ms": {q: round(statistics.median(app_ms[q]), 1) for q in slowest},
            "search_timed_out": sorted(timed_out)}


# -- processes ------------------------------------------------------------------------------


def probe(mode: str, library: Path, *extra: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="bench-gui-") as config:
        done = subprocess.run([sys.executable, str(HERE / "gui_probe.py"), mode, str(library), *extra],
                              env=gui_env(Path(config)), capture_output=True, text=True, timeout=3600)
    lines = [line for line in done.stdout.splitlines() if line.startswith("BENCH ")]
    if done.returncode != 0 or not lines:
        raise RuntimeError(f"gui_probe {mode} failed ({done.returncode}): {done.stderr[-2000:]}")
    return json.loads(lines[-1][len("BENCH "):])


def startup_figures(library: Path, runs: int) -> dict[str, Any]:
    def timed(command: list[str], env: dict[str, str]) -> float:
        start = time.perf_counter()
        subprocess.run(command, env=env, check=True, capture_output=True, text=True, timeout=300)
        return (time.perf_counter() - start) * 1000

    with tempfile.TemporaryDirectory(prefix="bench-startup-") as config:
        env = gui_env(Path(config))
        app = [sys.executable, "-m", "bilateral", "--exit-after-paint", "--db", str(library)]
        bare = [sys.executable, "-c", BARE]
        timed(app, env), timed(bare, env)  # warm-up (OS file cache, first-launch settings), not counted
        app_ms, bare_ms = [], []
        for n in range(runs):
            pair = ((app, app_ms), (bare, bare_ms)) if n % 2 == 0 else ((bare, bare_ms), (app, app_ms))
            for command, times in pair:
                times.append(timed(command, env))
    a, b = statistics.median(app_ms), statistics.median(bare_ms)
    return {"startup_ratio": round(a / b, 2), "startup_app_ms": round(a), "startup_bare_ms": round(b),
            "startup_runs": runs, "startup_warmup_runs": 1}


# -- the report ---------------------------------------------------------------------------------


def machine() -> str:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import PySide6

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    return (f"{os.cpu_count()} cores ({model or platform.processor()}), {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, PySide6 {PySide6.__version__}, SQLite {sqlite3.sqlite_version}, "
            f"load average {load:.1f} at start")


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    dirty = git("status", "--porcelain", "--", "src")
    return f"{head} (+ uncommitted changes in src/)" if dirty else head


def table(sizes: dict[str, dict[str, Any]]) -> str:
    names = list(sizes)
    lines = ["| metric | " + " | ".join(f"{n} articles" for n in names) + " | goal |",
             "|---|" + "---|" * len(names) + "---|"]
    for key, goal in GOALS:
        cells = []
        for n in names:
            value = sizes[n].get(key)
            cells.append("—" if value is None else f"{value:,}" if isinstance(value, int) else str(value))
        lines.append(f"| {key} | " + " | ".join(cells) + f" | {goal} |")
    lines.append("| made by | " + " | ".join(sizes[n].get("made_by", "") for n in names) + " | |")
    return "\n".join(lines)


def _measure(figures: dict[str, Any], wanted: set[str], n: int, save: Callable[[], object], name: str,
             work: Callable[[], dict[str, Any]]) -> None:
    """One metric into ``figures``; a failure is recorded (with the process's stderr) and the others
    still run; the JSON is written after each."""
    if name not in wanted:
        return
    try:
        figures.update(work())
    except (RuntimeError, OSError, subprocess.SubprocessError, sqlite3.Error) as exc:
        detail = getattr(exc, "stderr", None) or ""
        figures[f"{name}_error"] = f"{type(exc).__name__}: {exc} {detail}"[-1500:]
        log(f"{n}: {name} failed: {figures[f'{name}_error']}")
    save()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, nargs="+", required=True)
    parser.add_argument("--json", type=Path, required=True)
    parser.add_argument("--copy-from", type=int, default=None,
                        help="import this many articles and copy rows in SQL for larger sizes")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--search-reps", type=int, default=3, help="counted passes over the 50 queries")
    parser.add_argument("--startup-runs", type=int, default=5, help="counted runs of each (app, bare)")
    parser.add_argument("--stall-articles", type=int, default=5, help="articles the stall probe imports")
    parser.add_argument("--work", type=Path, default=None, help="keep libraries here (default: a temp folder)")
    parser.add_argument("--reuse", action="store_true",
                        help="with --work: use the imported library a previous run left there (base-K.sqlite)")
    parser.add_argument("--only", nargs="*", default=None,
                        help="measure only these: store search open rss startup stall")
    options = parser.parse_args()
    wanted = set(options.only or ["store", "search", "open", "rss", "startup", "stall"])
    out: dict[str, Any] = {"sizes": {}, "machine": machine(), "commit": commit(),
                           "queries": list(QUERIES), "seed": options.seed,
                           "notes": "warm-ups excluded: 1 pass over the queries, 1 startup run of each, "
                                    f"{5} item opens; sizes with made_by 'import K + SQL copy' were not imported "
                                    "whole (bench/libraries.py copy_up), their import_articles_per_s is that of K"}
    started = time.perf_counter()
    temp = None
    if options.work is None:
        temp = tempfile.TemporaryDirectory(prefix="bench-")
        work = Path(temp.name)
    else:
        work = options.work
        work.mkdir(parents=True, exist_ok=True)
    bases: dict[int, tuple[Path, dict[str, Any]]] = {}
    try:
        for n in sorted(options.articles):
            figures: dict[str, Any] = {}
            library, made = make_library(n, work, options.seed, options.copy_from, bases,
                                          options.reuse)
            figures.update(made)
            out["sizes"][str(n)] = figures
            measure = partial(_measure, figures, wanted, n, lambda: options.json.write_text(
                json.dumps(out, indent=2, ensure_ascii=False) + "\n"))
            if "store" in wanted:
                figures.update(store_figures(library))
                log(f"{n}: store {figures['store_mib']} MiB, {figures['store_bytes_per_text_byte']} bytes/text byte")
            if "search" in wanted:
                log(f"{n}: search, {len(QUERIES)} queries × {options.search_reps} (+1 warm-up) …")
                measure("search", partial(search_figures, library, options.search_reps))
                if "search_p95_ms" in figures:
                    log(f"{n}: search p95 {figures['search_p95_ms']} ms, raw p95 {figures['raw_p95_ms']} ms")
            if "open" in wanted:
                measure("open", partial(probe, "open", library))
                if "open_passage_ms" in figures:
                    log(f"{n}: open_passage {figures['open_passage_ms']} ms")
            if "rss" in wanted:
                measure("rss", partial(probe, "rss", library))
                if "peak_rss_mib" in figures:
                    log(f"{n}: peak RSS {figures['peak_rss_mib']} MiB")
            if "startup" in wanted:
                measure("startup", partial(startup_figures, library, options.startup_runs))
                if "startup_ratio" in figures:
                    log(f"{n}: startup ratio {figures['startup_ratio']}")
            if "stall" in wanted:
                extra = libraries.write_articles(work / f"stall-{n}", options.stall_articles, options.seed + 1000)
                del extra
                measure("stall", partial(probe, "stall", library, str(work / f"stall-{n}")))
                if "max_stall_ms" in figures:
                    log(f"{n}: max stall {figures['max_stall_ms']} ms ({figures['max_stall_step']})")
            out["sizes"][str(n)] = figures
            options.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    finally:
        if temp is not None:
            temp.cleanup()
    out["seconds"] = round(time.perf_counter() - started)
    options.json.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n")
    print(f"Machine: {out['machine']}; commit {out['commit']}\n")
    print(table(out["sizes"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
