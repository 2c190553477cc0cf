#!/usr/bin/env python3
"""Where a bench metric's time goes: cProfile of one of them, the top functions by own and total time.

    python bench/where.py import  LIB [--articles 30]   # run_import of new articles into a copy of LIB
    python bench/where.py search  LIB                   # the 50 bench queries through Library.search
    python bench/where.py startup LIB                   # gui.app.run_app --exit-after-paint --db (offscreen)
    python bench/where.py open    LIB                   # MainWindow.open_item on the bench's item sample
    python bench/where.py stall   LIB                   # the window's slowest steps (open/sort categories)
    python bench/where.py reload  LIB                   # after an import (reload_library); the most cited person

Prints ``file:function  total ms  own ms  calls``; times include cProfile's overhead
(roughly x1.5 on Python-heavy code), so read them as shares, not as the bench's figures.
Also: for search, each SQL statement the search runs, timed on its own.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def top(profile: cProfile.Profile, limit: int, only: str | None = None) -> None:
    stats = pstats.Stats(profile)
    rows = []
    for (file, _line, name), (_cc, calls, own, total, _callers) in stats.stats.items():  # type: ignore[attr-defined]
        if only and only not in file:
            continue
        short = file.split("/src/", 1)[-1] if "/src/" in file else file.split("site-packages/", 1)[-1]
        rows.append((total, own, calls, f"{short}:{name}"))
    print(f"{'function':<70} {'total ms':>9} {'own ms':>8} {'calls':>8}")
    for key, title in ((0, "by total (cumulative) time"), (1, "by own time")):
        print(f"-- {title}{' in ' + only if only else ''}")
        for total, own, calls, name in sorted(rows, key=lambda r: -r[key])[:limit]:
            print(f"{name[:70]:<70} {total * 1000:9.1f} {own * 1000:8.1f} {calls:8d}")


def copy(source: Path, target: Path) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    dst.close()
    src.close()


def profile_import(library: Path, n: int) -> cProfile.Profile:
    import libraries

    from bilateral.services.importer import run_import

    work = Path(tempfile.mkdtemp(prefix="bench-profile-"))
    target = work / "library.sqlite"
    copy(library, target)
    files = libraries.write_articles(work / "articles", n, 777)
    run_import(target, files[:2])  # warm-up: gazetteers and patterns load, not profiled
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    report = run_import(target, files[2:])
    profile.disable()
    print(f"import: {report.summary()}; wall with profiler {time.perf_counter() - started:.1f} s")
    return profile


def profile_search(library: Path) -> cProfile.Profile:
    from queries import QUERIES

    from bilateral.store.library import Library

    lib = Library.open(library)
    for q in QUERIES:  # warm-up
        lib.search(q)
    profile = cProfile.Profile()
    profile.enable()
    for q in QUERIES:
        lib.search(q)
    profile.disable()
    sql_breakdown(lib.connection)
    lib.close()
    return profile


def sql_breakdown(conn: sqlite3.Connection) -> None:
    """Each statement store/search.py runs (caught with a trace callback), timed alone, summed over the
    50 queries by its shape (the SQL up to its first parameter)."""
    from queries import QUERIES

    from bilateral.store.search import search

    parts: dict[str, float] = {}
    for q in QUERIES:
        seen: list[str] = []
        conn.set_trace_callback(lambda sql, seen=seen: seen.append(sql) if not sql.startswith("--") else None)
        try:
            search(conn, q)
        finally:
            conn.set_trace_callback(None)
        for sql in seen:
            t = time.perf_counter()
            try:
                conn.execute(sql).fetchall()
            except sqlite3.OperationalError:  # a query the search tried and then said was bad syntax
                continue
            shape = " ".join(sql.split("'")[0].split())[:90]
            parts[shape] = parts.get(shape, 0.0) + time.perf_counter() - t
    print("SQL of store/search.py:search over the 50 queries (each timed alone):")
    for name, seconds in sorted(parts.items(), key=lambda kv: -kv[1]):
        print(f"  {seconds * 1000:8.1f} ms  {name}")


def profile_startup(library: Path) -> cProfile.Profile:
    os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="bench-profile-config-")
    profile = cProfile.Profile()
    started = time.perf_counter()
    profile.enable()
    from bilateral.gui import app

    app.run_app(["--exit-after-paint", "--db", str(library)])
    profile.disable()
    print(f"startup in-process with profiler: {(time.perf_counter() - started) * 1000:.0f} ms")
    return profile


def profile_open(library: Path) -> cProfile.Profile:
    import gui_probe

    app, window = gui_probe.window_on(library)
    sample = gui_probe.sample_items(library)
    for item_id in sample[:gui_probe.OPEN_WARMUP]:
        window.open_item(item_id)
        app.processEvents()
    profile = cProfile.Profile()
    profile.enable()
    for item_id in sample[gui_probe.OPEN_WARMUP:]:
        window.open_item(item_id)
        app.processEvents()
    profile.disable()
    gui_probe.close(window)
    return profile


def profile_stall(library: Path) -> cProfile.Profile:
    import gui_probe
    from PySide6.QtCore import Qt

    app, window = gui_probe.window_on(library)
    profile = cProfile.Profile()
    profile.enable()
    for key in ("person", "statistic", "quote", "event", "agreement", "source"):
        window.show_category(key)
        app.processEvents()
        table, model = window.tables[key], window.models[key]
        for column in range(model.columnCount()):
            table.sortByColumn(column, Qt.SortOrder.DescendingOrder)
            app.processEvents()
    profile.disable()
    gui_probe.close(window)
    return profile


def profile_reload(library: Path) -> cProfile.Profile:
    """What the window does on the GUI thread when an import ends (reload_library), and opening the
    most cited person (the top hit of a name search)."""
    import gui_probe

    app, window = gui_probe.window_on(library)
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    person = conn.execute("SELECT item_id FROM citation JOIN item ON item.id = citation.item_id "
                          "WHERE item.kind = 'person' GROUP BY item_id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    conn.close()
    profile = cProfile.Profile()
    for what, action in (("reload_library", window.reload_library), (f"open_item({person})",
                                                                   lambda: window.open_item(person))):
        started = time.perf_counter()
        profile.enable()
        action()
        app.processEvents()
        profile.disable()
        print(f"{what}: {(time.perf_counter() - started) * 1000:.0f} ms with the profiler")
    gui_probe.close(window)
    return profile


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("what", choices=["import", "search", "startup", "open", "stall", "reload"])
    parser.add_argument("library", type=Path)
    parser.add_argument("--articles", type=int, default=30)
    parser.add_argument("--top", type=int, default=25)
    parser.add_argument("--save", type=Path, default=None, help="also write the pstats file here")
    options = parser.parse_args()
    if options.what == "import":
        profile = profile_import(options.library, options.articles)
    elif options.what == "search":
        profile = profile_search(options.library)
    elif options.what == "startup":
        profile = profile_startup(options.library)
    elif options.what == "open":
        profile = profile_open(options.library)
    elif options.what == "reload":
        profile = profile_reload(options.library)
    else:
        profile = profile_stall(options.library)
    if options.save is not None:
        profile.dump_stats(options.save)
    top(profile, options.top)
    print()
    top(profile, options.top, only="bilateral")
    return 0


if __name__ == "__main__":
    sys.exit(main())
