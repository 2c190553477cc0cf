"""Writing a user library: one article at a time, whole or not at all, merged by index lookups.

``LibraryWriter`` owns a read-write connection (WAL, foreign keys on). An
article is written inside ``article()``, one transaction: its source row and
passages, then the merge's ``put`` calls (``SqlItems``), each a lookup by an
indexed key and a write of one item row and its new citations. Nothing here
reads all items or all citations, so one more article costs the same in a
library of a hundred or of a hundred thousand.

FTS rows follow the item rows through triggers (schema.ITEM_TRIGGERS: only when the
indexed words change), and the passage rows through those on ``passage_span``
(schema.PASSAGE_TRIGGERS).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bilateral.core.merging import State, identity_keys, reflag
from bilateral.core.model import KINDS, Citation, Item, Passage, Source
from bilateral.store import database, schema
from bilateral.store.build import merge_columns, report_words, search_columns
from bilateral.store.errors import StoreError, describe, is_environment_error
from bilateral.store.folding import unfoldable_words
from bilateral.store.library import json_object
from bilateral.store.schema import account_json, report_of

_ITEM_COLUMNS = ("id", "kind", "label", "fields", "rule", "confidence", "merge")

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


def next_item_ordinal(conn: sqlite3.Connection) -> int:
    """One more than the largest item ordinal: a max per kind on the (kind, ordinal) index, never a scan."""
    row = conn.execute(
        "SELECT max(m) FROM (" + " UNION ALL ".join(
            f"SELECT max(ordinal) AS m FROM item WHERE kind = '{kind}'" for kind in KINDS) + ")").fetchone()
    return 0 if row[0] is None else row[0] + 1


def next_source_ordinal(conn: sqlite3.Connection) -> int:
    """One more than the largest source ordinal, on the (origin, ordinal) index."""
    row = conn.execute(
        "SELECT max(m) FROM (SELECT max(ordinal) AS m FROM source WHERE origin = 'bundled' "
        "UNION ALL SELECT max(ordinal) FROM source WHERE origin = 'imported')").fetchone()
    return 0 if row[0] is None else row[0] + 1


def _state(row: tuple[Any, ...]) -> State:
    item_id, kind, label, fields, rule, confidence, merge = row
    record = json_object(merge) or {"key": item_id}
    record.setdefault("key", item_id)
    return State(item_id, kind, record["key"], label, json_object(fields), rule, confidence,
                 date=record.get("date"), base_key=record.get("base_key"), record=record)


@dataclass(frozen=True)
class Duplicate:
    """An article already in the library (same text after whitespace normalisation, or same URL)."""

    source_id: str
    title: str | None
    reason: str


#: States kept between articles (the most recently used): a leader or a recurring figure is read
#: and its JSON parsed once, not once per article that names it.
STATES_KEPT = 4096


class SqlItems:
    """The merge's ``Items`` over the library tables (every method an indexed lookup).

    States read are kept, so the merge sees its own changes before they are
    written; ``put`` writes through at once, so a kept state is what its row
    says, and they are kept from one article to the next (``STATES_KEPT``) until
    a rollback, a removal or another connection's write (``reset``).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._states: dict[tuple[str, str], State] = {}
        self._by_id: dict[str, State] = {}
        self._names: dict[str, str] = {}  # person id -> label (for searchable field text)
        self._persons: set[str] = set()  # ids known to be person items
        #: what each item's row was last written from (label, fields, …): a put that changes none of it
        #: adds its citations and leaves the row, its index entries and its links alone
        self._written: dict[str, tuple[Any, ...]] = {}
        self._next_ordinal: dict[str, int] = {}  # item id -> the ordinal its next citation takes
        # The article being written (``begin``): a source is stored once, so a citation of it is new
        # unless this article's own earlier puts wrote it, and no lookup is needed to know.
        self._article: str | None = None
        self._cited: set[tuple[str, str, int, int]] = set()  # (item, source, start, end) of this article
        self._cited_items: set[str] = set()
        self._item_ordinal: int | None = None  # the next item's ordinal in this article

    def reset(self) -> None:
        self._states.clear()
        self._by_id.clear()
        self._names.clear()
        self._persons.clear()
        self._written.clear()
        self._next_ordinal.clear()
        self.begin(None)

    def begin(self, source_id: str | None) -> None:
        """The puts that follow write the article ``source_id`` (new to the library), in one transaction."""
        self._article = source_id
        self._cited.clear()
        self._cited_items.clear()
        self._item_ordinal = None

    def trim(self) -> None:
        """Forget the least recently used states beyond ``STATES_KEPT`` (their rows hold them)."""
        extra = len(self._by_id) - STATES_KEPT
        if extra > 0:
            for item_id in list(self._by_id)[:extra]:
                state = self._by_id.pop(item_id)
                if self._states.get((state.kind, state.key)) is state:
                    del self._states[(state.kind, state.key)]
        for cache in (self._names, self._persons, self._written, self._next_ordinal):
            if len(cache) > STATES_KEPT:
                cache.clear()

    def _keep(self, state: State) -> State:
        kept = self._states.setdefault((state.kind, state.key), state)
        self._by_id.pop(kept.id, None)  # most recently used last
        self._by_id[kept.id] = kept
        return kept

    def _select(self, where: str, params: Sequence[Any]) -> list[State]:
        out = []
        for row in self._conn.execute(f"SELECT {', '.join(_ITEM_COLUMNS)} FROM item WHERE {where}", params):
            kept = self._by_id.get(row[0])
            out.append(self._keep(kept if kept is not None else _state(row)))
        return out

    def get(self, kind: str, key: str) -> State | None:
        cached = self._states.get((kind, key))
        if cached is not None:
            return cached
        found = self._select("merge_key = ?", (f"{kind}|{key}",))
        return found[0] if found else None

    def events(self, base_key: str) -> list[State]:
        return self._select("base_key = ? ORDER BY ordinal", (f"event|{base_key}",))

    def person_key(self, names: Iterable[str]) -> str | None:
        for folded in identity_keys(names):
            row = self._conn.execute(
                "SELECT item.merge, item.id FROM person_name JOIN item ON item.id = person_name.person_id "
                "WHERE person_name.folded = ? ORDER BY item.ordinal LIMIT 1", (folded,)).fetchone()
            if row is not None:
                return json_object(row[0]).get("key", row[1])
        return None

    def has_person(self, pid: str) -> bool:
        if pid in self._persons:
            return True
        found = self._conn.execute("SELECT 1 FROM item WHERE id = ? AND kind = 'person'", (pid,)).fetchone()
        if found is not None:
            self._persons.add(pid)
        return found is not None

    def measure_group(self, key: str) -> list[State]:
        return self._select("measure_key = ? ORDER BY ordinal", (key,))

    def cites_source(self, state: State, source_id: str) -> bool:
        if source_id == self._article:
            return state.id in self._cited_items
        # on the (source_id, start) index: one article's citations, not every one of a leader's
        return self._conn.execute("SELECT 1 FROM citation WHERE source_id = ? AND +item_id = ? LIMIT 1",
                                  (source_id, state.id)).fetchone() is not None

    def put(self, state: State, citations: Sequence[Citation]) -> None:
        old = self._by_id.get(state.id)
        if old is not None and old is not state and self._states.get((old.kind, old.key)) is old:
            del self._states[(old.kind, old.key)]
        self._states[(state.kind, state.key)] = state
        self._by_id.pop(state.id, None)
        self._by_id[state.id] = state
        # a kept state is a row's (put or read): only a new one is looked for
        existing = (True,) if old is not None else self._conn.execute(
            "SELECT 1 FROM item WHERE id = ?", (state.id,)).fetchone()
        new_cites, first_ordinal = self._new_citations(state.id, citations, existing is not None)
        accounts = self._take_reports(state)
        fields_json = json.dumps(state.fields, ensure_ascii=False)
        names = self._person_names(state)
        written = (state.label, fields_json, state.rule, float(state.confidence),
                   json.dumps(state.record, ensure_ascii=False, sort_keys=True), sorted(names.items()))
        if existing is None or self._written.get(state.id) != written:
            self._write_row(state, citations, fields_json, names, existing is None)
        self._write_citations(state.id, new_cites, first_ordinal, accounts)
        if accounts:
            self._place_accounts(state, accounts)
        else:
            self._written[state.id] = written
        if state.kind == "person":
            self._names[state.id] = state.label
            self._persons.add(state.id)

    def _write_row(self, state: State, citations: Sequence[Citation], fields_json: str, names: dict[str, str],
                   new: bool) -> None:
        """The item's row (inserted or updated) and what follows from it: person links and names."""
        item = Item(state.id, state.kind, state.label, state.fields, list(citations), state.rule,
                    state.confidence, merge=state.record or {"key": state.key})
        values = {
            "kind": state.kind, "label": state.label, "fields": fields_json,
            "rule": state.rule, "confidence": float(state.confidence),
            **search_columns(item, names, state.record.get("report_words") or ()),
            **merge_columns(item),
        }
        if new:
            if not citations:
                raise StoreError(f"item {state.id} has no citation")
            first = sorted(citations)[0]
            if self._item_ordinal is None:
                self._item_ordinal = next_item_ordinal(self._conn)
            values.update({"id": state.id, "ordinal": self._item_ordinal, "source_id": first.source,
                           "start": first.start})
            self._item_ordinal += 1
            keys = ", ".join(f'"{k}"' for k in values)
            marks = ", ".join("?" for _ in values)
            self._conn.execute(f"INSERT INTO item ({keys}) VALUES ({marks})", list(values.values()))
        else:
            # only a row that changes is written: an unchanged one would still re-index its FTS row
            sets = ", ".join(f'"{k}" = ?' for k in values)
            same = " AND ".join(f'"{k}" IS ?' for k in values)
            self._conn.execute(f"UPDATE item SET {sets} WHERE id = ? AND NOT ({same})",
                               [*values.values(), state.id, *values.values()])
        self._people_links(state)
        if state.kind == "person":
            self._conn.executemany(
                "INSERT OR IGNORE INTO person_name (folded, person_id) VALUES (?, ?)",
                [(folded, state.id) for folded in state.record.get("names") or []])

    def _new_citations(self, item_id: str, citations: Sequence[Citation], exists: bool) -> tuple[list[Citation], int]:
        """Citations the item does not have yet, and the ordinal the first one takes. One of the article
        being written is new unless this article wrote it; another is looked up on the index."""
        unique = list(dict.fromkeys(sorted(citations)))
        if not exists:
            return unique, 0
        new = []
        for c in unique:
            if c.source == self._article:
                if (item_id, c.source, c.start, c.end) not in self._cited:
                    new.append(c)
            # on the (source_id, start) index: "+" keeps SQLite off (item_id, ordinal), which would read
            # every citation of a leader named in every article
            elif self._conn.execute(
                    'SELECT 1 FROM citation WHERE source_id = ? AND start = ? AND "end" = ? AND +item_id = ?',
                    (c.source, c.start, c.end, item_id)).fetchone() is None:
                new.append(c)
        if not new:
            return new, 0
        ordinal = self._next_ordinal.get(item_id)
        if ordinal is None:
            ordinal = self._conn.execute(
                "SELECT coalesce(max(ordinal), -1) + 1 FROM citation WHERE item_id = ?", (item_id,)).fetchone()[0]
        return new, ordinal

    @staticmethod
    def _take_reports(state: State) -> dict[tuple[str, int, int], dict[str, Any]]:
        """The accounts the merge added (``fields["reports"]``), by the span of the citation each is
        read from; their words join the record's ``report_words``, which keep them searchable."""
        reports = state.fields.pop("reports", None) or []
        words = report_words(reports)
        if words:
            state.record["report_words"] = sorted({*(state.record.get("report_words") or []), *words})
        return {(r["source"], r["start"], r["end"]): r for r in reports
                if isinstance(r, dict) and {"source", "start", "end"} <= r.keys()}

    def _write_citations(self, item_id: str, citations: Sequence[Citation], ordinal: int,
                         accounts: dict[tuple[str, int, int], dict[str, Any]]) -> None:
        """New citations, each with its account when it has one (taken out of ``accounts``)."""
        if not citations:
            return
        self._next_ordinal[item_id] = ordinal + len(citations)
        rows = []
        for n, c in enumerate(citations):
            if c.source == self._article:
                self._cited.add((item_id, c.source, c.start, c.end))
                self._cited_items.add(item_id)
            report = accounts.pop((c.source, c.start, c.end), None)
            rows.append((item_id, ordinal + n, c.source, c.start, c.end,
                         None if report is None else account_json(report)))
        self._conn.executemany(
            'INSERT INTO citation (item_id, ordinal, source_id, start, "end", account) VALUES (?, ?, ?, ?, ?, ?)',
            rows)

    def _place_accounts(self, state: State, accounts: dict[tuple[str, int, int], dict[str, Any]]) -> None:
        """Accounts of spans the item already cites replace the ones there; one without a citation
        (a report kept in an older library's fields) stays in the fields, never lost."""
        leftover = []
        for (source, start, end), report in accounts.items():
            done = self._conn.execute(
                'UPDATE citation SET account = ? WHERE source_id = ? AND start = ? AND "end" = ? AND +item_id = ?',
                (account_json(report), source, start, end, state.id)).rowcount
            if not done:
                leftover.append(report)
        if leftover:
            state.fields["reports"] = leftover
            self._conn.execute("UPDATE item SET fields = ? WHERE id = ?",
                               (json.dumps(state.fields, ensure_ascii=False), state.id))

    def _person_names(self, state: State) -> dict[str, str]:
        ids = []
        if state.kind == "quote" and state.fields.get("speaker"):
            ids = [state.fields["speaker"]]
        elif state.kind == "event":
            ids = list(state.fields.get("participants") or [])
        missing = [i for i in ids if i not in self._names]
        if missing:
            for pid, label in self._conn.execute(
                    "SELECT id, label FROM item WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(missing),)):
                self._names[pid] = label
        return {i: self._names[i] for i in ids if i in self._names}

    def _people_links(self, state: State) -> None:
        if state.kind == "quote":
            people, role = ([state.fields["speaker"]] if state.fields.get("speaker") else []), "speaker"
        elif state.kind == "event":
            people, role = list(dict.fromkeys(state.fields.get("participants") or [])), "participant"
        else:
            return
        self._conn.execute("DELETE FROM item_person WHERE item_id = ?", (state.id,))
        self._conn.executemany(
            "INSERT OR IGNORE INTO item_person (item_id, person_id, role, ordinal) VALUES (?, ?, ?, ?)",
            [(state.id, pid, role, k) for k, pid in enumerate(people)])


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
        self.conn.executemany(
            'INSERT INTO passage_span (id, source_id, idx, start, "end", role, reason, folded) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
