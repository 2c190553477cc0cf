"""Numbered upgrades of a user library, one transaction each (after calibre's schema_upgrades).

``upgrade(path)`` brings a library written by an older Bilateral to
``schema.SCHEMA_VERSION``: first a backup copy beside it
(``library.sqlite.v1.bak``), then each step ``_to_N`` in one ``BEGIN
EXCLUSIVE`` transaction that also sets ``PRAGMA user_version``. A library
from a newer Bilateral is refused: this version cannot know what it holds.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path

from bilateral.core.merging import identity_keys
from bilateral.store import schema
from bilateral.store.build import report_words
from bilateral.store.errors import StoreError, describe
from bilateral.store.library import json_object
from bilateral.store.writer import copy_database


def version_of(path: Path) -> int:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    except sqlite3.DatabaseError as exc:
        raise StoreError(describe(exc, path) or f"{path} is not a Bilateral library ({exc})") from exc
    finally:
        conn.close()


def _to_2(conn: sqlite3.Connection) -> None:
    """Version 2: where sources came from, and each item's merge state (see schema.py)."""
    for column, kind in (("origin", "TEXT NOT NULL DEFAULT 'bundled'"), ("kind", "TEXT"), ("sha256", "TEXT"),
                         ("original_path", "TEXT"), ("encoding", "TEXT"), ("dup_hash", "TEXT"),
                         ("hidden", "INTEGER NOT NULL DEFAULT 0"), ("added", "TEXT")):
        conn.execute(f"ALTER TABLE source ADD COLUMN {column} {kind}")
    for column in ("merge_key", "base_key", "measure_key", "merge"):
        conn.execute(f"ALTER TABLE item ADD COLUMN {column} TEXT")
    # An item from before has no merge state: it merges by its own id from now on.
    conn.execute("UPDATE item SET merge_key = kind || '|' || id, merge = json_object('key', id)")
    conn.execute("CREATE TABLE person_name (folded TEXT, person_id TEXT REFERENCES item(id), "
                 "PRIMARY KEY (folded, person_id))")
    rows = conn.execute("SELECT id, fields FROM item WHERE kind = 'person'").fetchall()
    for person_id, fields in rows:
        data = json.loads(fields)
        names = [n for n in (data.get("name"), data.get("native"), *(data.get("aliases") or []))
                 if isinstance(n, str) and (len(n.split()) > 1 or not n.isascii())]
        conn.executemany("INSERT OR IGNORE INTO person_name (folded, person_id) VALUES (?, ?)",
                         [(folded, person_id) for folded in identity_keys(names)])
    for sql in (
        'CREATE UNIQUE INDEX IF NOT EXISTS idx_citation_item_id_source_id_start_end ON citation (item_id, source_id, start, "end")',
        "CREATE UNIQUE INDEX IF NOT EXISTS idx_item_merge_key ON item (merge_key)",
        "CREATE INDEX IF NOT EXISTS idx_item_base_key ON item (base_key)",
        "CREATE INDEX IF NOT EXISTS idx_item_measure_key ON item (measure_key)",
        "CREATE INDEX IF NOT EXISTS idx_source_dup_hash ON source (dup_hash)",
        "CREATE INDEX IF NOT EXISTS idx_source_url ON source (url)",
        "CREATE INDEX IF NOT EXISTS idx_source_hidden ON source (hidden)",
        "CREATE INDEX IF NOT EXISTS idx_source_origin_ordinal ON source (origin, ordinal)",
        "CREATE INDEX IF NOT EXISTS idx_person_name_person_id ON person_name (person_id)",
    ):
        conn.execute(sql)


def _to_3(conn: sqlite3.Connection) -> None:
    """Version 3: an article's text stored once; a citation's text is derived from its source's."""
    # SQLite's substr stops at a NUL: a character no reader lets in since, kept as U+FFFD (offsets hold)
    for source_id, text in conn.execute(
            "SELECT id, text FROM source WHERE instr(CAST(text AS BLOB), x'00') > 0").fetchall():
        conn.execute("UPDATE source SET text = ? WHERE id = ?", (text.replace("\x00", "\ufffd"), source_id))
    conn.execute("ALTER TABLE citation DROP COLUMN text")
    conn.execute("DROP INDEX IF EXISTS idx_citation_item_id_source_id_start_end")  # (source_id, start) serves
    # passages: the span table, and ``passage`` a view deriving the text; passage_fts keeps its index
    # (the same text at the same rowids), its content now read through the view
    for trigger in ("passage_ai", "passage_ad", "passage_au"):
        conn.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
    conn.execute("ALTER TABLE passage RENAME TO passage_span")
    conn.execute("ALTER TABLE passage_span DROP COLUMN text")
    conn.execute("DROP INDEX IF EXISTS idx_passage_source_id_idx")
    conn.execute("CREATE UNIQUE INDEX idx_passage_span_source_id_idx ON passage_span (source_id, idx)")
    conn.execute(schema.PASSAGE_VIEW)
    for sql in schema.PASSAGE_TRIGGERS:
        conn.execute(sql)


def _to_4(conn: sqlite3.Connection) -> None:
    """Version 4: no ``item.cited_text``; ``item_fts`` indexes an item's own words (label, field_text)
    and follows a row only when they change. The index is made again (it loses a column)."""
    for trigger in ("item_ai", "item_ad", "item_au"):
        conn.execute(f'DROP TRIGGER IF EXISTS "{trigger}"')
    conn.execute("DROP TABLE IF EXISTS item_fts")
    conn.execute("ALTER TABLE item DROP COLUMN cited_text")
    conn.execute(schema.ITEM_FTS)
    conn.execute("INSERT INTO item_fts (item_fts) VALUES ('rebuild')")
    for sql in schema.ITEM_TRIGGERS:
        conn.execute(sql)


def _to_5(conn: sqlite3.Connection) -> None:
    """Version 5: each source's account of a statistic or event moves from the item's ``reports`` onto
    the citation it is read from (``citation.account``); its words are kept in the merge record
    (``report_words``) so the field text stays as searchable; ``variants`` drop their source lists
    (readers derive them). A report that matches none of its item's citations stays in the fields."""
    conn.execute("ALTER TABLE citation ADD COLUMN account TEXT")
    for item_id, fields_json, merge_json in _accounted_items(conn):
        fields, merge = json.loads(fields_json), json_object(merge_json)
        placed = []
        leftover = []
        for report in fields.pop("reports", None) or []:
            done = 0
            if isinstance(report, dict):
                done = conn.execute(
                    # on the (source_id, start) index, not through every citation of the item
                    'UPDATE citation SET account = ? WHERE source_id = ? AND start = ? AND "end" = ? AND +item_id = ?',
                    (schema.account_json(report), report.get("source"), report.get("start"), report.get("end"),
                     item_id)).rowcount
            (placed if done else leftover).append(report)
        if leftover:
            fields["reports"] = leftover
        for variant in fields.get("variants") or []:
            if isinstance(variant, dict):
                variant.pop("sources", None)
        words = report_words(placed)
        if words:
            merge["report_words"] = words
        conn.execute("UPDATE item SET fields = ?, merge = ? WHERE id = ?",
                     (json.dumps(fields, ensure_ascii=False),
                      json.dumps(merge, ensure_ascii=False, sort_keys=True) if merge else merge_json, item_id))


def _accounted_items(conn: sqlite3.Connection, batch: int = 2000) -> Iterator[tuple[str, str, str]]:
    """(id, fields, merge) of the items with reports or variants, read a batch at a time by rowid (a
    library of 100,000 articles holds half a million figures: not all of them in memory at once)."""
    last = 0
    while True:
        rows = conn.execute(
            "SELECT rowid, id, fields, merge FROM item WHERE rowid > ? AND json_valid(fields) AND "
            "(json_type(fields, '$.reports') = 'array' OR json_type(fields, '$.variants') = 'array') "
            "ORDER BY rowid LIMIT ?", (last, batch)).fetchall()
        if not rows:
            return
        for rowid, item_id, fields_json, merge_json in rows:
            last = rowid
            yield item_id, fields_json, merge_json


#: version reached -> the step that reaches it from the one before
STEPS: dict[int, Callable[[sqlite3.Connection], None]] = {2: _to_2, 3: _to_3, 4: _to_4, 5: _to_5}


def upgrade(path: Path) -> int:
    """Upgrade ``path`` in place (after a backup); returns how many steps ran."""
    found = version_of(path)
    if found > schema.SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer Bilateral (library version {found}; this one reads "
                         f"{schema.SCHEMA_VERSION}): install the newer Bilateral to open it")
    if found == schema.SCHEMA_VERSION:
        return 0
    if found < 1 or any(v not in STEPS for v in range(found + 1, schema.SCHEMA_VERSION + 1)):
        raise StoreError(f"{path} has library version {found}, which this Bilateral cannot upgrade")
    backup = path.with_name(f"{path.name}.v{found}.bak")
    # through SQLite, not a file copy: what is still in the write-ahead log belongs in the backup
    copy_database(path.resolve().as_uri(), backup, f"cannot write a backup of {path} before upgrading it")
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        for version in range(found + 1, schema.SCHEMA_VERSION + 1):
            conn.execute("BEGIN EXCLUSIVE")
            try:
                STEPS[version](conn)
                conn.execute(f"PRAGMA user_version = {version}")
                conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise
        # the steps leave the pages of what they dropped free; give them back (a failure here loses nothing)
        with contextlib.suppress(sqlite3.Error):
            conn.execute("VACUUM")
    except sqlite3.Error as exc:
        raise StoreError(f"upgrading {path} failed ({exc}); the library is as it was, a copy is at {backup}") from exc
    finally:
        conn.close()
    return schema.SCHEMA_VERSION - found
