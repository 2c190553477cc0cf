"""Making the bench libraries: generated articles imported through the app's own import path,
and (for sizes too large to import in a bench run) copies of imported articles made in SQL.

``import_articles`` writes ``tests/news_factory.generate(n, seed)`` to files and runs
``services.importer.run_import`` on them into a fresh library from
``services.library.ensure_library``: the same path as ``bilateral import FOLDER``.

``copy_up`` grows a library of K imported articles to N by adding whole copies of the
imported part (``~1``, ``~2``, … appended to every id): each copy has its own sources,
passages, items, citations and person links, with ids, ordinals and passage ids new and
offsets unchanged (a copy's text is the original's, so its offsets are the same). Copies
are disjoint: an item is not merged with its copy in another copy (the Leaders table holds
"Xi Jinping" once per copy), so tables are larger than real imports would make them;
search sees every copy's text, as it would see N real articles. The FTS indexes are
rebuilt once at the end (``'rebuild'``), so their segments are merged more tightly than an
article-at-a-time import leaves them: store size for copied sizes is a lower bound.
"""

from __future__ import annotations

import importlib.util
import json
import os
import sqlite3
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT / "src") not in sys.path:
    sys.path.insert(0, str(ROOT / "src"))


def news_factory() -> Any:
    """tests/news_factory.py, imported by path (tests/ is not a package)."""
    spec = importlib.util.spec_from_file_location("bench_news_factory", ROOT / "tests" / "news_factory.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def write_articles(folder: Path, n: int, seed: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for name, text in news_factory().generate(n, seed):
        path = folder / name
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    return paths


def import_articles(library: Path, files: list[str]) -> dict[str, Any]:
    """A fresh library with ``files`` imported in one run_import call; the import's own timing, and the
    processes it used (a long batch is analysed in ``batch_workers(n)`` worker processes beside the
    writer: on this machine's cores, so ``import_articles_per_s_per_core`` divides by the cores used)."""
    from bilateral.services.importer import batch_workers, run_import
    from bilateral.services.library import ensure_library

    ensure_library(library)
    workers = batch_workers(len(files))
    started = time.perf_counter()
    report = run_import(library, files)
    wall = time.perf_counter() - started
    imported = report.count("imported")
    failed = [o.message for o in report.outcomes if o.status == "failed"]
    try:
        cores = len(os.sched_getaffinity(0))
    except AttributeError:
        cores = os.cpu_count() or 1
    per_s = imported / wall if wall > 0 else None
    return {"imported": imported, "duplicates": report.count("duplicate"), "failed": len(failed),
            "failures": failed[:5], "import_s": round(wall, 2), "import_workers": workers,
            "import_articles_per_s": round(per_s, 2) if per_s else None,
            "import_articles_per_s_per_core": round(per_s / (min(cores, workers + 1)), 2) if per_s else None}


_TRIGGERS = ("passage_span_ai", "passage_span_ad", "passage_span_au", "item_ai", "item_ad", "item_au")


def _columns(conn: sqlite3.Connection, table: str) -> list[str]:
    return [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')]


def _remap(value: Any, ids: dict[str, str]) -> Any:
    if isinstance(value, str):
        return ids.get(value, value)
    if isinstance(value, list):
        return [_remap(v, ids) for v in value]
    if isinstance(value, dict):
        return {k: _remap(v, ids) for k, v in value.items()}
    return value


def copy_up(library: Path, target: int) -> dict[str, Any]:
    """Add copies of the imported sources (and what they back) until the library holds ``target``
    imported sources. Returns what was added and how long it took."""
    started = time.perf_counter()
    conn = sqlite3.connect(library, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = OFF")
    src_cols = _columns(conn, "source")
    sources = [dict(zip(src_cols, r, strict=True)) for r in conn.execute(
        "SELECT * FROM source WHERE origin = 'imported' ORDER BY ordinal")]
    base = len(sources)
    if base == 0 or target <= base:
        conn.close()
        return {"copies": 0, "copy_s": 0.0}
    p_cols = [c for c in _columns(conn, "passage_span") if c != "id"]  # passage is a view over it
    passages: dict[str, list[tuple[Any, ...]]] = {}
    for row in conn.execute(
            "SELECT " + ", ".join(f'p."{c}"' for c in p_cols) + " FROM passage_span AS p "
            "JOIN source AS s ON s.id = p.source_id WHERE s.origin = 'imported' ORDER BY p.id"):
        passages.setdefault(row[0], []).append(row)
    assert p_cols[0] == "source_id"
    cites: dict[str, list[tuple[str, int, int, str | None]]] = {}
    for item_id, source_id, start, end, account in conn.execute(
            'SELECT c.item_id, c.source_id, c.start, c."end", c.account FROM citation AS c '
            "JOIN source AS s ON s.id = c.source_id WHERE s.origin = 'imported' ORDER BY c.item_id, c.ordinal"):
        cites.setdefault(item_id, []).append((source_id, start, end, account))
    i_cols = _columns(conn, "item")
    items = [dict(zip(i_cols, r, strict=True)) for r in conn.execute(
        "SELECT * FROM item WHERE id IN (SELECT DISTINCT c.item_id FROM citation AS c JOIN source AS s "
        "ON s.id = c.source_id WHERE s.origin = 'imported') ORDER BY ordinal")]
    links = list(conn.execute("SELECT item_id, person_id, role, ordinal FROM item_person"))
    names = list(conn.execute("SELECT folded, person_id FROM person_name"))
    next_source = conn.execute("SELECT max(ordinal) + 1 FROM source").fetchone()[0]
    next_item = conn.execute("SELECT max(ordinal) + 1 FROM item").fetchone()[0]
    next_passage = conn.execute("SELECT max(id) + 1 FROM passage_span").fetchone()[0]
    triggers = {name: sql for name, sql in conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger'") if name in _TRIGGERS}

    conn.execute("BEGIN")
    for name in triggers:
        conn.execute(f'DROP TRIGGER "{name}"')
    have, copy = base, 0
    s_marks = ", ".join("?" for _ in src_cols)
    i_marks = ", ".join("?" for _ in i_cols)
    p_names = ", ".join(f'"{c}"' for c in p_cols)
    while have < target:
        copy += 1
        tail = f"~{copy}"
        chosen = sources[:target - have]
        sids = {s["id"]: s["id"] + tail for s in chosen}
        rows = []
        for s in chosen:
            row = dict(s)
            row["id"] = sids[s["id"]]
            row["ordinal"] = next_source
            next_source += 1
            for key in ("dup_hash", "sha256", "original_path", "file"):
                if row.get(key):
                    row[key] = f"{row[key]}{tail}"
            if row.get("url"):
                row["url"] = f"{row['url']}#copy{copy}"
            rows.append([row[c] for c in src_cols])
        conn.executemany(f"INSERT INTO source VALUES ({s_marks})", rows)
        prow = []
        for s in chosen:
            for p in passages.get(s["id"], []):
                prow.append((next_passage, sids[p[0]], *p[1:]))
                next_passage += 1
        conn.executemany(f"INSERT INTO passage_span (id, {p_names}) VALUES (?, {', '.join('?' for _ in p_cols)})", prow)
        kept = {i["id"]: [c for c in cites[i["id"]] if c[0] in sids] for i in items}
        ids = {item_id: item_id + tail for item_id, cs in kept.items() if cs}
        mapping = {**sids, **ids}
        irows, crows = [], []
        for item in items:
            cs = kept[item["id"]]
            if not cs:
                continue
            row = dict(item)
            row["id"] = ids[item["id"]]
            row["ordinal"] = next_item
            next_item += 1
            row["fields"] = json.dumps(_remap(json.loads(item["fields"]), mapping), ensure_ascii=False)
            if item.get("merge"):
                row["merge"] = json.dumps(_remap(json.loads(item["merge"]), mapping), ensure_ascii=False)
            for key in ("merge_key", "base_key", "measure_key"):
                if row.get(key):
                    row[key] = f"{row[key]}{tail}"
            first = min(cs, key=lambda c: (c[0], c[1], c[2]))
            row["source_id"], row["start"] = sids[first[0]], first[1]
            irows.append([row[c] for c in i_cols])
            crows.extend((row["id"], n, sids[c[0]], c[1], c[2],
                          None if c[3] is None else json.dumps(_remap(json.loads(c[3]), mapping), ensure_ascii=False))
                         for n, c in enumerate(cs))
        conn.executemany(f"INSERT INTO item VALUES ({i_marks})", irows)
        conn.executemany('INSERT INTO citation (item_id, ordinal, source_id, start, "end", account) '
                         "VALUES (?, ?, ?, ?, ?, ?)", crows)
        conn.executemany("INSERT OR IGNORE INTO item_person VALUES (?, ?, ?, ?)",
                         [(ids[a], ids.get(b, b), role, n) for a, b, role, n in links if a in ids])
        conn.executemany("INSERT OR IGNORE INTO person_name VALUES (?, ?)",
                         [(folded, ids[p]) for folded, p in names if p in ids])
        have += len(chosen)
    for table in ("passage_fts", "item_fts"):
        conn.execute(f"INSERT INTO {table} ({table}) VALUES ('rebuild')")
    for sql in triggers.values():
        conn.execute(sql)
    conn.execute("COMMIT")
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return {"copies": copy, "copy_s": round(time.perf_counter() - started, 1)}


def check_consistent(library: Path) -> list[str]:
    """Every citation's span lies in its source's text (its text is derived from it); every item has citation 0."""
    conn = sqlite3.connect(f"file:{library}?mode=ro", uri=True)
    problems = []
    bad = conn.execute(
        'SELECT count(*) FROM citation AS c JOIN source AS s ON s.id = c.source_id '
        'WHERE NOT (0 <= c.start AND c.start < c."end" AND c."end" <= length(s.text))').fetchone()[0]
    if bad:
        problems.append(f"{bad} citations outside their source text")
    orphans = conn.execute(
        "SELECT count(*) FROM item WHERE NOT EXISTS (SELECT 1 FROM citation AS c "
        "WHERE c.item_id = item.id AND c.ordinal = 0)").fetchone()[0]
    if orphans:
        problems.append(f"{orphans} items without a first citation")
    fts = conn.execute("SELECT count(*) FROM passage_fts WHERE passage_fts MATCH 'trade'").fetchone()[0]
    rows = conn.execute("SELECT count(*) FROM passage WHERE folded IS NOT NULL OR text IS NOT NULL").fetchone()[0]
    if rows and not fts:
        problems.append("passage_fts finds nothing")
    conn.close()
    return problems

