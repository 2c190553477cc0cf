"""The merge's items over a user library's tables: lookups by index, writes once per article.

``SqlItems`` is what ``ingest.merge.Merger`` reads and writes during an import
(``core.merging.Items``). Every read is an indexed lookup; nothing reads all
items or all citations, so one more article costs the same in a library of a
hundred or of a hundred thousand.

A ``put`` does not write: the article's items are kept (``_Pending``) and
written when the article ends (``flush``, inside its transaction), each row
once however many of its findings the article has, its citations in one
statement. The lookups see what the article has put so far: its new items
from memory (a new person by a name, a new event by its base key, a new
figure by its measure), its new citations from memory. Changed rows are
written in rowid order (FTS5 writes out what it holds at a rowid lower than
the last), new rows in one statement (``database.insert_at_once``: FTS5 also
writes out at each statement that may fail half-way).
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from bilateral.core.merging import State, identity_keys
from bilateral.core.model import KINDS, Citation, Item
from bilateral.store import database
from bilateral.store.build import UNDERIVED, merge_columns, report_words, search_columns
from bilateral.store.errors import StoreError
from bilateral.store.library import json_object
from bilateral.store.schema import account_json

_ITEM_COLUMNS = ("id", "kind", "label", "fields", "rule", "confidence", "merge")
#: the columns a put derives (build.search_columns, build.merge_columns), in the order they are written
_DERIVED = ("sort_label", "sort_value", "date", "field_text", "folded", "merge_key", "base_key", "measure_key",
            "merge")
_ROW = ("kind", "label", "fields", "rule", "confidence", *_DERIVED)


def _columns(names: Iterable[str], template: str = '"{}"', sep: str = ", ") -> str:
    return sep.join(template.format(name) for name in names)


#: an unchanged row is left alone (it would still re-index its FTS row)
_UPDATE = ("UPDATE item SET " + _columns(_ROW, '"{}" = ?') + " WHERE id = ? AND NOT ("
           + _columns(_ROW, '"{}" IS ?', " AND ") + ")")


@lru_cache(maxsize=256)
def _update_of(columns: tuple[str, ...]) -> str:
    """The UPDATE of these columns of one item (the row's other columns hold what they would be set to)."""
    return "UPDATE item SET " + _columns(columns, '"{}" = ?') + " WHERE id = ?"


#: States kept between articles (the most recently used): a leader or a recurring figure is read
#: and its JSON parsed once, not once per article that names it.
STATES_KEPT = 4096

Span = tuple[str, str, int, int]  # (item, source, start, end)
#: what a row was written from, the values written (``_ROW``), and the fields its derived columns read (JSON)
_Written = tuple[tuple[Any, ...], tuple[Any, ...], str]


def next_item_ordinal(conn: sqlite3.Connection) -> int:
    """One more than the largest item ordinal: a max per kind on the (kind, ordinal) index, never a scan."""
    row = conn.execute(
        "SELECT max(m) FROM (" + " UNION ALL ".join(
            f"SELECT max(ordinal) AS m FROM item WHERE kind = '{kind}'" for kind in KINDS) + ")").fetchone()
    return 0 if row[0] is None else row[0] + 1


def _state(row: tuple[Any, ...]) -> State:
    item_id, kind, label, fields, rule, confidence, merge = row
    record = json_object(merge) or {"key": item_id}
    record.setdefault("key", item_id)
    return State(item_id, kind, record["key"], label, json_object(fields), rule, confidence,
                 date=record.get("date"), base_key=record.get("base_key"), record=record)


@dataclass
class _Pending:
    """An item the article put: its row is written when the article ends."""

    state: State
    new: bool
    ordinal: int | None = None  # a new item's
    first: Citation | None = None  # a new item's first citation (the row names it)
    names: list[str] = field(default_factory=list)  # a new person's folded names, to index with the row


class SqlItems:
    """The merge's ``Items`` over the library tables (every method an indexed lookup).

    States read are kept, so the merge sees its own changes before they are
    written; the article's puts are written by ``flush`` (``LibraryWriter.article``
    calls it before the commit), so a kept state is what its row says between
    articles, and states are kept from one article to the next (``STATES_KEPT``)
    until a rollback, a removal or another connection's write (``reset``).
    """

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._states: dict[tuple[str, str], State] = {}
        self._by_id: dict[str, State] = {}
        self._names: dict[str, str] = {}  # person id -> label (for searchable field text)
        self._persons: set[str] = set()  # ids known to be person items
        #: what each item's row was last written from (label, fields, …) and the values written (``_ROW``):
        #: an article that changes none of it adds its citations and leaves the row, its index entries
        #: and its links alone; one that changes some writes only the columns that change
        self._written: dict[str, _Written] = {}
        self._indexed: dict[str, frozenset[str]] = {}  # person id -> the folded names person_name has
        self._next_ordinal: dict[str, int] = {}  # item id -> the ordinal its next citation takes
        # The article being written (``begin``): a source is stored once, so a citation of it is new
        # unless this article's own earlier puts made it, and no lookup is needed to know.
        self._article: str | None = None
        self._pending: dict[str, _Pending] = {}  # item id -> what the article put, in the order first put
        self._citations: list[list[Any]] = []  # the article's new citation rows, in order
        self._cited: dict[Span, list[Any]] = {}  # their spans -> row (an account may join it later)
        self._cited_sources: set[tuple[str, str]] = set()  # (item, source) of those
        self._new_names: dict[str, list[_Pending]] = {}  # folded name -> new people of the article
        self._new_events: dict[str, list[str]] = {}  # base key -> ids of new events of the article
        self._item_ordinal: int | None = None  # the next item's ordinal in this article

    def reset(self) -> None:
        for cache in (self._states, self._by_id, self._names, self._persons, self._written, self._indexed,
                      self._next_ordinal):
            cache.clear()
        self._discard()
        self._article = None

    def begin(self, source_id: str | None) -> None:
        """The puts that follow write the article ``source_id`` (new to the library), in one transaction."""
        self.flush()
        self._article = source_id

    def _discard(self) -> None:
        for pending in (self._pending, self._cited, self._cited_sources, self._new_names, self._new_events):
            pending.clear()
        self._citations = []
        self._item_ordinal = None

    def trim(self) -> None:
        """Forget the least recently used states beyond ``STATES_KEPT`` (their rows hold them)."""
        extra = len(self._by_id) - STATES_KEPT
        if extra > 0:
            for item_id in list(self._by_id)[:extra]:
                state = self._by_id.pop(item_id)
                if self._states.get((state.kind, state.key)) is state:
                    del self._states[(state.kind, state.key)]
        for cache in (self._names, self._persons, self._written, self._indexed, self._next_ordinal):
            if len(cache) > STATES_KEPT:
                cache.clear()

    # -- lookups -----------------------------------------------------------------
    def _keep(self, state: State) -> State:
        kept = self._states.setdefault((state.kind, state.key), state)
        self._by_id.pop(kept.id, None)  # most recently used last
        self._by_id[kept.id] = kept
        return kept

    def _select(self, where: str, params: Sequence[Any], still: Callable[[State], bool]) -> list[State]:
        """States of the rows found; a row the article has put is its state's, if ``still`` true of it
        (its row is written at the end: the key it was found by may be the one it had)."""
        out = []
        for row in self._conn.execute(f"SELECT {', '.join(_ITEM_COLUMNS)} FROM item WHERE {where}", params):
            kept = self._by_id.get(row[0])
            if row[0] in self._pending and not still(kept or _state(row)):
                continue
            out.append(self._keep(kept if kept is not None else _state(row)))
        return out

    def get(self, kind: str, key: str) -> State | None:
        cached = self._states.get((kind, key))
        if cached is not None:
            return cached
        found = self._select("merge_key = ?", (f"{kind}|{key}",), lambda s: (s.kind, s.key) == (kind, key))
        return found[0] if found else None

    def events(self, base_key: str) -> list[State]:
        found = self._select("base_key = ? ORDER BY ordinal", (f"event|{base_key}",),
                             lambda s: s.base_key == base_key)
        # the article's new events come last, as their ordinals do
        new = (self._pending[i].state for i in self._new_events.get(base_key, ()))
        return found + [s for s in new if s.base_key == base_key]

    def person_key(self, names: Iterable[str]) -> str | None:
        for folded in identity_keys(names):
            row = self._conn.execute(
                "SELECT item.merge, item.id FROM person_name JOIN item ON item.id = person_name.person_id "
                "WHERE person_name.folded = ? ORDER BY item.ordinal LIMIT 1", (folded,)).fetchone()
            if row is not None:
                return json_object(row[0]).get("key", row[1])
            new = self._new_names.get(folded)
            if new:  # a person this article added (their row comes with the article's end)
                return min(new, key=lambda p: p.ordinal or 0).state.key
        return None

    def has_person(self, pid: str) -> bool:
        if pid in self._persons:
            return True
        found = self._conn.execute("SELECT 1 FROM item WHERE id = ? AND kind = 'person'", (pid,)).fetchone()
        if found is not None:
            self._persons.add(pid)
        return found is not None

    def measure_group(self, key: str) -> list[State]:
        def measure(state: State) -> Any:
            return state.record.get("measure_key")

        found = self._select("measure_key = ? ORDER BY ordinal", (key,), lambda s: measure(s) == key)
        ids = {s.id for s in found}
        put = [p for p in self._pending.values()
               if p.state.kind == "statistic" and measure(p.state) == key and p.state.id not in ids]
        moved = [self._keep(p.state) for p in put if not p.new]  # another measure till this article
        if moved:
            order = dict(self._conn.execute(
                "SELECT id, ordinal FROM item WHERE id IN (SELECT value FROM json_each(?))",
                (json.dumps([s.id for s in [*found, *moved]]),)))
            found = sorted([*found, *moved], key=lambda s: order[s.id])
        # the article's new figures come last, as their ordinals do
        return found + [self._keep(p.state) for p in sorted((p for p in put if p.new), key=lambda p: p.ordinal or 0)]

    def cites_source(self, state: State, source_id: str) -> bool:
        if (state.id, source_id) in self._cited_sources:
            return True
        if source_id == self._article:
            return False
        # on the (source_id, start) index: one article's citations, not every one of a leader's
        return self._conn.execute("SELECT 1 FROM citation WHERE source_id = ? AND +item_id = ? LIMIT 1",
                                  (source_id, state.id)).fetchone() is not None

    # -- puts ----------------------------------------------------------------------
    def put(self, state: State, citations: Sequence[Citation]) -> None:
        old = self._by_id.get(state.id)
        if old is not None and old is not state and self._states.get((old.kind, old.key)) is old:
            del self._states[(old.kind, old.key)]
        self._states[(state.kind, state.key)] = state
        self._by_id.pop(state.id, None)
        self._by_id[state.id] = state
        pending = self._pending.get(state.id)
        if pending is None:
            pending = self._pend(state, citations, known=old is not None)
            new_cites, first_ordinal = self._new_citations(state.id, citations, not pending.new)
        else:
            pending.state = state
            new_cites, first_ordinal = self._new_citations(state.id, citations, True)
        accounts = self._take_reports(state)
        self._add_citations(state.id, new_cites, first_ordinal, accounts)
        if accounts:
            self._place_accounts(state, accounts)
        if state.kind == "person":
            self._names[state.id] = state.label
            self._persons.add(state.id)
            self._index_names(pending)

    def _pend(self, state: State, citations: Sequence[Citation], known: bool) -> _Pending:
        """The article's first put of this item: is it in the library (a kept state's row is)?"""
        exists = known or self._conn.execute("SELECT 1 FROM item WHERE id = ?", (state.id,)).fetchone() is not None
        pending = _Pending(state, new=not exists)
        if pending.new:
            if not citations:
                raise StoreError(f"item {state.id} has no citation")
            if self._item_ordinal is None:
                self._item_ordinal = next_item_ordinal(self._conn)
            pending.ordinal, pending.first = self._item_ordinal, min(citations)
            self._item_ordinal += 1
            if state.base_key is not None:
                self._new_events.setdefault(state.base_key, []).append(state.id)
        self._pending[state.id] = pending
        return pending

    def _index_names(self, pending: _Pending) -> None:
        """A person's full names for the person lookup: a new person's with its row, at the end (they
        are found in memory till then); one more name of a known person at once."""
        names = pending.state.record.get("names") or []
        if pending.new:
            for folded in names:
                if folded not in pending.names:
                    pending.names.append(folded)
                    self._new_names.setdefault(folded, []).append(pending)
            return
        pid = pending.state.id
        if self._indexed.get(pid, frozenset()).issuperset(names):
            return
        self._conn.executemany("INSERT OR IGNORE INTO person_name (folded, person_id) VALUES (?, ?)",
                               [(folded, pid) for folded in names])
        self._indexed[pid] = self._indexed.get(pid, frozenset()).union(names)

    def _new_citations(self, item_id: str, citations: Sequence[Citation], exists: bool) -> tuple[list[Citation], int]:
        """Citations the item does not have yet, and the ordinal the first one takes. One of the article
        being written is new unless this article made it; another is looked up on the index."""
        unique = list(dict.fromkeys(sorted(citations)))
        if not exists:
            return unique, 0
        new = []
        for c in unique:
            if (item_id, c.source, c.start, c.end) in self._cited:
                continue
            # on the (source_id, start) index: "+" keeps SQLite off (item_id, ordinal), which would read
            # every citation of a leader named in every article
            if c.source == self._article or self._conn.execute(
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

    def _add_citations(self, item_id: str, citations: Sequence[Citation], ordinal: int,
                       accounts: dict[tuple[str, int, int], dict[str, Any]]) -> None:
        """New citations, each with its account when it has one (taken out of ``accounts``)."""
        if not citations:
            return
        self._next_ordinal[item_id] = ordinal + len(citations)
        for n, c in enumerate(citations):
            report = accounts.pop((c.source, c.start, c.end), None)
            row = [item_id, ordinal + n, c.source, c.start, c.end, None if report is None else account_json(report)]
            self._citations.append(row)
            self._cited[(item_id, c.source, c.start, c.end)] = row
            self._cited_sources.add((item_id, c.source))

    def _place_accounts(self, state: State, accounts: dict[tuple[str, int, int], dict[str, Any]]) -> None:
        """Accounts of spans the item already cites replace the ones there; one without a citation
        (a report kept in an older library's fields) stays in the fields, never lost."""
        leftover = []
        for (source, start, end), report in accounts.items():
            row = self._cited.get((state.id, source, start, end))
            if row is not None:
                row[5] = account_json(report)
            elif not self._conn.execute(
                    'UPDATE citation SET account = ? WHERE source_id = ? AND start = ? AND "end" = ? AND +item_id = ?',
                    (account_json(report), source, start, end, state.id)).rowcount:
                leftover.append(report)
        if leftover:
            state.fields["reports"] = leftover

    # -- the article's end -------------------------------------------------------------
    def flush(self) -> None:
        """Write what the article put: changed rows (in rowid order, each only the columns that change),
        new rows, their people, their names, then the new citations."""
        if not self._pending and not self._citations:
            return
        updates: list[tuple[str, tuple[str, ...], list[Any]]] = []
        inserts, linked = [], []
        for pending in self._pending.values():
            state = pending.state
            before = self._written.get(state.id)
            values = self._values(pending, before)
            if values is None:
                continue
            if pending.new:
                first = pending.first
                assert first is not None
                inserts.append([*values, state.id, pending.ordinal, first.source, first.start])
            elif before is None:  # not known: every column, unless the row holds them all already
                updates.append((state.id, _ROW, [*values, state.id, *values]))
            else:
                changed = [n for n, (old, new) in enumerate(zip(before[1], values, strict=True)) if old != new]
                if not changed:
                    continue
                updates.append((state.id, tuple(_ROW[n] for n in changed), [*(values[n] for n in changed), state.id]))
            if state.kind in ("quote", "event"):
                linked.append(pending)
        self._update(updates)
        database.insert_at_once(self._conn, "item", (*_ROW, "id", "ordinal", "source_id", "start"), inserts)
        self._conn.executemany("INSERT OR IGNORE INTO person_name (folded, person_id) VALUES (?, ?)",
                               [(folded, p.state.id) for p in self._pending.values() if p.new for folded in p.names])
        self._people_links(linked)
        self._conn.executemany(
            'INSERT INTO citation (item_id, ordinal, source_id, start, "end", account) VALUES (?, ?, ?, ?, ?, ?)',
            self._citations)
        self._discard()

    def _update(self, updates: list[tuple[str, tuple[str, ...], list[Any]]]) -> None:
        """Rows in rowid order, so the item index takes them in one pass; a run of rows changing the
        same columns in one statement. (An index on a column not set is left alone.)"""
        if not updates:
            return
        rowid = dict(self._conn.execute("SELECT id, rowid FROM item WHERE id IN (SELECT value FROM json_each(?))",
                                        (json.dumps([u[0] for u in updates]),)))
        updates.sort(key=lambda u: rowid.get(u[0], 0))
        run: list[list[Any]] = []
        for n, (_id, columns, params) in enumerate(updates):
            run.append(params)
            if n + 1 == len(updates) or updates[n + 1][1] != columns:
                self._conn.executemany(_UPDATE if columns is _ROW else _update_of(columns), run)
                run = []

    def _values(self, pending: _Pending, before: _Written | None) -> tuple[Any, ...] | None:
        """The item's row values (``_ROW``), or None when its row holds them already."""
        state = pending.state
        fields_json = json.dumps(state.fields, ensure_ascii=False)
        names = self._person_names(state)
        written = (state.label, fields_json, state.rule, float(state.confidence),
                   json.dumps(state.record, ensure_ascii=False, sort_keys=True), sorted(names.items()))
        if before is not None and before[0] == written:
            return None
        # accounts with no citation of theirs (``_place_accounts``) stay in the fields, not in the index
        fields = {k: v for k, v in state.fields.items() if k != "reports"} if "reports" in state.fields else state.fields
        derives = json.dumps([[k, v] for k, v in fields.items() if k not in UNDERIVED], ensure_ascii=False)
        if before is not None and (before[0][0], *before[0][2:], before[2]) == (written[0], *written[2:], derives):
            derived = before[1][len(_ROW) - len(_DERIVED):]  # only fields no column derives from changed
        else:
            item = Item(state.id, state.kind, state.label, fields, [], state.rule, state.confidence,
                        merge=state.record or {"key": state.key})
            columns = {**search_columns(item, names, state.record.get("report_words") or ()),
                       **merge_columns(item, written[4] if state.record else None)}
            derived = tuple(columns[k] for k in _DERIVED)
        values = (state.kind, state.label, fields_json, state.rule, float(state.confidence), *derived)
        self._written[state.id] = (written, values, derives)
        return values

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

    def _people_links(self, linked: Sequence[_Pending]) -> None:
        """The people a quote (its speaker) or an event (its participants) names, for a person's page."""
        rows = []
        for pending in linked:
            fields = pending.state.fields
            if pending.state.kind == "quote":
                people, role = ([fields["speaker"]] if fields.get("speaker") else []), "speaker"
            else:
                people, role = list(dict.fromkeys(fields.get("participants") or [])), "participant"
            rows.extend((pending.state.id, pid, role, k) for k, pid in enumerate(people))
        self._conn.executemany("DELETE FROM item_person WHERE item_id = ?",
                               [(p.state.id,) for p in linked if not p.new])
        self._conn.executemany(
            "INSERT OR IGNORE INTO item_person (item_id, person_id, role, ordinal) VALUES (?, ?, ?, ?)", rows)
