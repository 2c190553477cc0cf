"""Writing a user library: one article at a time, whole or not at all, merged by index lookups.

``LibraryWriter`` owns a read-write connection (WAL, foreign keys on). An
article is written inside ``article()``, one transaction: its source row and
passages, then the merge's ``put`` calls (``SqlItems``, store/items.py: each a
lookup by an indexed key; the article's item rows and citations are written
once, at its end). Nothing here reads all items or all citations, so one more
article costs the same in a library of a hundred or of a hundred thousand.

FTS rows follow the item rows through triggers (schema.ITEM_TRIGGERS: only when the
indexed words change), and the passage rows through those on ``passage_span``
(schema.PASSAGE_TRIGGERS).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from bilateral.core.merging import reflag
from bilateral.core.model import Citation, Item, Passage, Source
from bilateral.store import database, schema
from bilateral.store.build import report_words, search_columns
from bilateral.store.errors import StoreError, describe, is_environment_error
from bilateral.store.folding import unfoldable_words
from bilateral.store.items import SqlItems
from bilateral.store.library import json_object
from bilateral.store.schema import report_of

#: Indexes an import's lookups need that stores built before them lack (a duplicate by address).
#: (schema.py and migrations.py create them now; this covers a library made in between.)
_LOOKUP_INDEXES = (("idx_source_url", "source", "url"), ("idx_source_hidden", "source", "hidden"))


def connect(path: Path) -> sqlite3.Connection:
    """A read-write connection to an existing library (WAL, foreign keys, a busy timeout)."""
    try:
        conn = sqlite3.connect(path, timeout=10, check_same_thread=False, isolation_level=None)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open {path}: {exc}") from exc
    try:
        database.check_schema(conn, path)
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA cache_size = -32768")
        conn.execute("PRAGMA wal_autocheckpoint = 8000")
        for name, table, column in _LOOKUP_INDEXES:
            conn.execute(f'CREATE INDEX IF NOT EXISTS "{name}" ON "{table}" ("{column}")')
    except sqlite3.Error as exc:
        conn.close()
        if is_environment_error(exc):
            raise StoreError(describe(exc, path) or f"the library {path} cannot be written: {exc}") from exc
        raise
    except BaseException:
        conn.close()
        raise
    return conn


def next_source_ordinal(conn: sqlite3.Connection) -> int:
    """One more than the largest source ordinal, on the (origin, ordinal) index."""
    row = conn.execute(
        "SELECT max(m) FROM (SELECT max(ordinal) AS m FROM source WHERE origin = 'bundled' "
        "UNION ALL SELECT max(ordinal) FROM source WHERE origin = 'imported')").fetchone()
    return 0 if row[0] is None else row[0] + 1


@dataclass(frozen=True)
class Duplicate:
    """An article already in the library (same text after whitespace normalisation, or same URL)."""

    source_id: str
    title: str | None
    reason: str


class LibraryWriter:
    """The one writer of a user library (imports, removals); readers use ``Library``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = connect(path)
        self.items = SqlItems(self.conn)
        self._data_version: int | None = None

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> LibraryWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def article(self) -> Iterator[SqlItems]:
        """One article, one transaction: everything it adds is written, or nothing is."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            # the states kept from earlier articles hold unless another connection wrote since
            version = self.conn.execute("PRAGMA data_version").fetchone()[0]
            if version != self._data_version:
                self.items.reset()
                self._data_version = version
            yield self.items
            self.items.flush()
            self.conn.execute("COMMIT")
            self.items.begin(None)
            self.items.trim()
        except BaseException as exc:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            self.items.reset()
            if isinstance(exc, sqlite3.Error) and is_environment_error(exc):
                raise StoreError(describe(exc, self.path) or f"the library could not be written: {exc}") from exc
            raise

    def duplicate_of(self, dup_hash: str, url: str | None) -> Duplicate | None:
        row = self.conn.execute("SELECT id, title FROM source WHERE dup_hash = ? LIMIT 1", (dup_hash,)).fetchone()
        if row is not None:
            return Duplicate(row[0], row[1], "the same text")
        if url:
            row = self.conn.execute("SELECT id, title FROM source WHERE url = ? LIMIT 1", (url,)).fetchone()
            if row is not None:
                return Duplicate(row[0], row[1], "the same address")
        return None

    def has_source(self, source_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM source WHERE id = ?", (source_id,)).fetchone() is not None

    def add_source(self, source: Source, passages: Sequence[Passage], *, origin: str, kind: str,
                   sha256: str | None, original_path: str | None, encoding: str | None, dup_hash: str) -> None:
        """The source row and its passages (inside ``article()``)."""
        if "\x00" in source.text:  # SQLite's substr would stop there: cited text could not be derived
            raise ValueError(f"{source.file or source.id} holds NUL characters: it is binary data, not text")
        self.items.begin(source.id)
        ordinal = next_source_ordinal(self.conn)
        self.conn.execute(
            "INSERT INTO source (id, ordinal, file, title, publisher, author, published, published_basis, url, "
            "text, basis, evidence, origin, kind, sha256, original_path, encoding, dup_hash, hidden, added) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?)",
            (source.id, ordinal, source.file, source.title, source.publisher, source.author, source.published,
             source.published_basis, source.url, source.text,
             json.dumps(source.basis, ensure_ascii=False, sort_keys=True),
             json.dumps(source.evidence, ensure_ascii=False, sort_keys=True),
             origin, kind, sha256, original_path, encoding, dup_hash,
             datetime.now(UTC).isoformat(timespec="seconds")))
        first = self.conn.execute("SELECT coalesce(max(id), 0) + 1 FROM passage_span").fetchone()[0]
        database.insert_at_once(
            self.conn, "passage_span", ("id", "source_id", "idx", "start", "end", "role", "reason", "folded"),
            [(first + n, p.source, p.index, p.start, p.end, p.role, p.reason, unfoldable_words(p.text))
             for n, p in enumerate(passages)])

    def set_hidden(self, source_id: str, hidden: bool) -> None:
        with self.article():
            self.conn.execute("UPDATE source SET hidden = ? WHERE id = ?", (int(hidden), source_id))

    def origin(self, source_id: str) -> str | None:
        row = self.conn.execute("SELECT origin FROM source WHERE id = ?", (source_id,)).fetchone()
        return row[0] if row else None

    def remove_source(self, source_id: str) -> int:
        """Remove a source with everything only it backs; items it shares lose its citations.

        Returns how many items were removed. Inside its own transaction.
        """
        self.items.reset()  # states kept from imports by this writer would be written back stale
        try:
            with self.article():
                return self._remove(source_id)
        finally:
            self.items.reset()  # it rewrote item rows behind the kept states

    def _remove(self, source_id: str) -> int:
        conn = self.conn
        touched = [r[0] for r in conn.execute(
            "SELECT DISTINCT item_id FROM citation WHERE source_id = ?", (source_id,))]
        measures = [r[0] for r in conn.execute(
            "SELECT DISTINCT measure_key FROM item WHERE id IN (SELECT value FROM json_each(?)) "
            "AND measure_key IS NOT NULL", (json.dumps(touched),))]
        conn.execute("DELETE FROM citation WHERE source_id = ?", (source_id,))
        orphans = [r[0] for r in conn.execute(
            "SELECT value FROM json_each(?) WHERE NOT EXISTS "
            "(SELECT 1 FROM citation WHERE item_id = value)", (json.dumps(touched),))]
        gone = set(orphans)
        rederive = [i for i in touched if i not in gone]
        if orphans:
            ids = json.dumps(orphans)
            # references to removed people: quotes lose their speaker id, events the participant
            for item_id, fields in conn.execute(
                    "SELECT item_id, (SELECT fields FROM item WHERE id = item_id) FROM item_person "
                    "WHERE person_id IN (SELECT value FROM json_each(?))", (ids,)).fetchall():
                data = json_object(fields)
                if data.get("speaker") in orphans:
                    data["speaker"] = None
                if data.get("participants"):
                    data["participants"] = [p for p in data["participants"] if p not in orphans]
                conn.execute("UPDATE item SET fields = ? WHERE id = ?", (json.dumps(data, ensure_ascii=False), item_id))
                if item_id not in gone:
                    rederive.append(item_id)
            conn.execute("DELETE FROM item_person WHERE item_id IN (SELECT value FROM json_each(?)) "
                         "OR person_id IN (SELECT value FROM json_each(?))", (ids, ids))
            conn.execute("DELETE FROM person_name WHERE person_id IN (SELECT value FROM json_each(?))", (ids,))
            conn.execute("DELETE FROM item WHERE id IN (SELECT value FROM json_each(?))", (ids,))
        for item_id in dict.fromkeys(rederive):
            self._after_removal(item_id, source_id)
        for mkey in sorted(measures):
            self._reflag(mkey)
        conn.execute("DELETE FROM passage_span WHERE source_id = ?", (source_id,))  # before the text it indexes
        conn.execute("DELETE FROM source WHERE id = ?", (source_id,))
        return len(orphans)

    def _after_removal(self, item_id: str, source_id: str) -> None:
        """An item that keeps other citations (or lost a person it named): renumber its citations,
        drop the source's report, re-derive its first citation and searchable columns."""
        conn = self.conn
        rows = conn.execute(f'SELECT c.id, c.source_id, c.start, c."end", {schema.citation_text()}, c.account '
                            "FROM citation AS c JOIN source AS src ON src.id = c.source_id WHERE c.item_id = ? "
                            "ORDER BY c.ordinal", (item_id,)).fetchall()
        for n, (cid, *_rest) in enumerate(rows):
            conn.execute("UPDATE citation SET ordinal = ? WHERE id = ?", (-1 - n, cid))
        conn.execute("UPDATE citation SET ordinal = -1 - ordinal WHERE item_id = ?", (item_id,))
        kind, label, fields_json, merge_json = conn.execute(
            "SELECT kind, label, fields, merge FROM item WHERE id = ?", (item_id,)).fetchone()
        fields, merge = json_object(fields_json), json_object(merge_json)
        placed = [r for r in (report_of(r[1], r[2], r[3], r[5]) for r in rows) if r is not None]
        leftover = []
        if "reports" in fields:  # accounts an older library kept in the fields
            fields["reports"] = leftover = [r for r in fields["reports"] if r.get("source") != source_id]
        if "source_count" in fields:
            fields["source_count"] = len({r.get("source") for r in [*placed, *leftover]})
        words = report_words(placed)  # (a leftover's words are the fields' own)
        if words:
            merge["report_words"] = words
        else:
            merge.pop("report_words", None)
        item = Item(item_id, kind, label, fields, [Citation(r[1], r[2], r[3], r[4]) for r in rows])
        people = [fields["speaker"]] if kind == "quote" and fields.get("speaker") else (
            list(fields.get("participants") or []) if kind == "event" else [])
        names = dict(conn.execute("SELECT id, label FROM item WHERE id IN (SELECT value FROM json_each(?))",
                                  (json.dumps(people),))) if people else {}
        columns = search_columns(item, names, words)
        first = rows[0]
        sets = ", ".join(f'"{k}" = ?' for k in columns)
        conn.execute(f"UPDATE item SET fields = ?, merge = ?, source_id = ?, start = ?, {sets} WHERE id = ?",
                     (json.dumps(fields, ensure_ascii=False), json.dumps(merge, ensure_ascii=False, sort_keys=True),
                      first[1], first[2], *columns.values(), item_id))

    def _reflag(self, mkey: str) -> None:
        """After a removal: which figures of one measure still disagree (core.merging.reflag)."""
        for state in reflag(self.items.measure_group(mkey)):
            self.conn.execute("UPDATE item SET fields = ? WHERE id = ?",
                              (json.dumps(state.fields, ensure_ascii=False), state.id))



def create_library(path: Path, seed: Path) -> None:
    """A new user library at ``path``: a copy of the bundled store ``seed`` (its sources marked bundled).

    Written to a temporary file and renamed, so a library is never half made.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    digest = bundled_digest(seed)

    def mark(target: sqlite3.Connection) -> None:
        target.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('library', 'user')")
        target.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('bundled_digest', ?)", (digest,))
        target.commit()
        target.execute("PRAGMA journal_mode = WAL")

    copy_database(f"{seed.resolve().as_uri()}?immutable=1", path, f"cannot create a library at {path}", mark)


def copy_database(source_uri: str, target: Path, failure: str,
                  then: Callable[[sqlite3.Connection], None] | None = None) -> None:
    """A consistent copy through SQLite's backup API (it includes what is still in the write-ahead
    log, which a file copy would miss), written beside ``target`` and renamed: whole or absent.
    ``then`` may change the copy before it is renamed."""
    from bilateral.store.files import replacing

    with replacing(target) as tmp:
        source = sqlite3.connect(source_uri, uri=True)
        copy = sqlite3.connect(tmp)
        try:
            source.backup(copy)
            if then is not None:
                then(copy)
        except sqlite3.Error as exc:
            raise StoreError(f"{failure}: {exc}") from exc
        finally:
            copy.close()
            source.close()


def bundled_digest(seed: Path) -> str:
    """What identifies a bundled corpus: its sources' ids and texts' hashes."""
    import hashlib

    conn = sqlite3.connect(f"{seed.resolve().as_uri()}?immutable=1", uri=True)
    try:
        digest = hashlib.sha256()
        for source_id, text in conn.execute("SELECT id, text FROM source ORDER BY id"):
            digest.update(source_id.encode())
            digest.update(hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest())
        digest.update(str(schema.SCHEMA_VERSION).encode())
        return digest.hexdigest()
    finally:
        conn.close()
