"""Read API over a built store, for the GUI and the CLI.

Opening is cheap (one connection, a schema check), so a worker thread can
open its own ``Library``. A ``Library`` belongs to one thread at a time.
Queries return ids first and rows on demand (Anki's browser model idea).
"""

from __future__ import annotations

import functools
import json
import re
import sqlite3
import sys
from array import array
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from bilateral.core import paths
from bilateral.core.model import KIND_FIELDS, KINDS, Citation, Item, Passage, Source
from bilateral.store import database
from bilateral.store.errors import StoreError, is_environment_error
from bilateral.store.folding import fold
from bilateral.store.schema import citation_text, report_of

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _environment_errors(method: Callable[_P, _R]) -> Callable[_P, _R]:
    """A disk or file problem met mid-query (corrupt page, I/O error) becomes a StoreError."""

    @functools.wraps(method)
    def wrapper(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        try:
            return method(*args, **kwargs)
        except sqlite3.Error as exc:
            if is_environment_error(exc):
                raise StoreError(f"the library cannot be read: {exc}") from exc
            raise

    return wrapper


@dataclass(frozen=True)
class ItemRow:
    """What a table row shows: the item and its first citation."""

    id: str
    kind: str
    label: str
    fields: dict[str, Any]
    rule: str
    confidence: float
    source: str  # first citation's source id
    citation: Citation  # first citation
    sort_value: float | None


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of KINDS or "passage"
    item_id: str | None  # None for passages
    label: str
    snippet: str  # plain text (the cited sentence, or the paragraph); matches wrapped in "\x02" ... "\x03"
    rank: float  # tier + position in the tier, one scale for every kind and passages: lower is better
    source: str
    citation: Citation  # what to open; for an item, the citation the snippet is taken from
    label_marked: str = ""  # the label with its matches wrapped like the snippet's


@dataclass(frozen=True)
class SearchResult:
    query: str  # as asked (searching strips NUL characters, controls and lone surrogates)
    fts: str  # the FTS5 expression actually run
    plain_fallback: bool  # the query was not valid FTS syntax and was searched as plain words
    hits: list[SearchHit]  # best first, after the kinds/source filters, at most the limit
    counts: dict[str, int]  # matches per kind incl. "passage": after the source filter, before the kinds filter
    timed_out: bool = False  # the time limit stopped the search; hits may be incomplete
    total: int = 0  # matches after both filters; more than len(hits) when the limit cut them
    #: kinds (and "passage") whose count stopped at store.search.COUNT_LIMIT: there are at least that many
    at_least: frozenset[str] = frozenset()
    cancelled: bool = False  # a newer search stopped this one; nobody should show it


@dataclass(frozen=True)
class SourceRecord:
    """A source's metadata (``text`` empty) with where it came from and whether it is hidden."""

    source: Source
    origin: str  # "bundled" or "imported"
    hidden: bool


@dataclass(frozen=True)
class CitedSpan:
    item_id: str
    kind: str
    label: str
    citation: Citation


@dataclass(frozen=True)
class PersonPage:
    person: Item
    quotes: list[ItemRow]
    events: list[ItemRow]
    sources: list[Source]
    #: how many there are in all, when the lists above hold only the first ones
    totals: dict[str, int] = field(default_factory=dict)


#: Sort keys every kind has, mapped to SQL over the ``item`` table.
_COMMON_SORTS = {
    "label": "item.sort_label",
    "source": "src.ordinal, item.start",
    "confidence": "item.confidence",
}
#: An item's fields for SQL's JSON functions: a row damaged by another tool reads as no fields, not an error.
_FIELDS = "(CASE WHEN json_valid(item.fields) THEN item.fields ELSE '{}' END)"
_NUMERIC_SORTS = {("statistic", "value"), ("statistic", "normalized")}
#: People named only in an article's credits (its author, translator) are items, but not listed as leaders.
_LISTED = f"NOT (item.kind = 'person' AND json_extract({_FIELDS}, '$.credit') IS NOT NULL)"

_ROW_SQL = f"""
SELECT item.id, item.kind, item.label, item.fields, item.rule, item.confidence, item.sort_value,
       c.source_id, c.start, c."end", {citation_text()}
FROM item JOIN citation AS c ON c.item_id = item.id AND c.ordinal = 0 LEFT JOIN source AS src ON src.id = c.source_id
"""
#: An item's citations with their text (derived: the source's text at the offsets), in order.
#: Kinds whose citations may hold a source's own account (``citation.account``, store/schema.py).
_ACCOUNTED = ("statistic", "event")


def _set_reports(fields: dict[str, Any], reports: list[dict[str, Any]]) -> None:
    """``fields["reports"] = reports`` where the merge put them (before ``source_count``), so an item reads
    as it was written."""
    rest = {k: v for k, v in fields.items() if k != "reports"}
    fields.clear()
    for k, v in rest.items():
        if k == "source_count":
            fields["reports"] = reports
        fields[k] = v
    fields.setdefault("reports", reports)


_CITATIONS_SQL = (f'SELECT c.source_id, c.start, c."end", {citation_text()} FROM citation AS c '
                  "LEFT JOIN source AS src ON src.id = c.source_id WHERE c.item_id = ? ORDER BY c.ordinal")


def json_object(value: Any) -> dict[str, Any]:
    """A JSON object column as a dict; anything else (damaged by hand, another tool) reads as empty."""
    if not isinstance(value, str | bytes):
        return {}
    try:
        data = json.loads(value)
    except (ValueError, RecursionError):
        return {}
    return data if isinstance(data, dict) else {}


def _text(value: Any) -> str | None:
    """A text column: text stays; a BLOB or a number written by another tool is not shown as markup or
    crashes a label — bytes are decoded, numbers written out, anything else is unknown."""
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes):
        return value.decode("utf-8", "replace")
    if isinstance(value, int | float):
        return str(value)
    return None


def _notes(value: Any) -> dict[str, str]:
    """basis/evidence: field name -> a line of text (a nested object is not a note)."""
    return {str(k): v for k, v in json_object(value).items() if isinstance(v, str)}


def _date(value: Any) -> str | None:
    text = _text(value)
    return text if text is not None and _DATE.match(text) else None


_DATE = re.compile(r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$")


def _row(r: sqlite3.Row | tuple[Any, ...]) -> ItemRow:
    return ItemRow(
        id=r[0], kind=r[1], label=_text(r[2]) or "", fields=json_object(r[3]), rule=_text(r[4]) or "",
        confidence=r[5] if isinstance(r[5], int | float) else 0.0,
        source=r[7], citation=Citation(r[7], r[8], r[9], _text(r[10]) or ""), sort_value=r[6],
    )


def _source(r: tuple[Any, ...]) -> Source:
    return Source(
        id=r[0], text=_text(r[1]) or "", file=_text(r[2]), title=_text(r[3]), publisher=_text(r[4]),
        author=_text(r[5]), published=_date(r[6]), url=_text(r[7]), basis=_notes(r[8]), evidence=_notes(r[9]),
    )


_SOURCE_SQL = "SELECT id, text, file, title, publisher, author, published, url, basis, evidence FROM source"
#: Sources table columns -> what they sort by (Library.source_ids).
_SOURCE_SORTS = {"title": "title", "publisher": "publisher", "published": "published", "file": "file",
                 "origin": "origin"}
# The same columns with the text left out: listing sources must not read every article.
_SOURCE_INFO_SQL = "SELECT id, '', file, title, publisher, author, published, url, basis, evidence FROM source"


class Library:
    """A read-only view of one Bilateral store."""

    #: Seconds a search may run before it is interrupted.
    search_time_limit: float = 2.0

    def __init__(self, path: Path, conn: sqlite3.Connection) -> None:
        self.path = path
        self._conn = conn

    @classmethod
    def open(cls, path: Path | None = None) -> Library:
        """Open ``path`` (default: the bundled store) read-only; StoreError if unusable."""
        bundled = paths.bundled_store()
        target = Path(path) if path is not None else bundled
        immutable = target.resolve() == bundled.resolve()
        return cls(target, database.open_readonly(target, immutable=immutable))

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """The underlying connection, for store modules (search, export)."""
        return self._conn

    # -- counts and ids ---------------------------------------------------

    def _visible(self) -> str:
        """A WHERE term keeping items cited by at least one shown source; empty when none is hidden
        (the usual case costs nothing)."""
        if self._conn.execute("SELECT 1 FROM source WHERE hidden = 1 LIMIT 1").fetchone() is None:
            return ""
        return (" AND EXISTS (SELECT 1 FROM citation AS vc JOIN source AS vs ON vs.id = vc.source_id "
                "WHERE vc.item_id = item.id AND vs.hidden = 0)")

    @_environment_errors
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(KINDS, 0)
        for kind, n in self._conn.execute(
                f"SELECT kind, count(*) FROM item WHERE {_LISTED}{self._visible()} GROUP BY kind"):
            counts[kind] = n
        counts["source"] = self._conn.execute("SELECT count(*) FROM source WHERE hidden = 0").fetchone()[0]
        return counts

    @_environment_errors
    def counts_are_quick(self, items: int = 20_000) -> bool:
        """Whether ``counts()`` is quick here: at most ``items`` items (the largest rowid bounds the count,
        and finding it is one b-tree step). Counting 900,000 items takes SQLite a tenth of a second."""
        return self._conn.execute("SELECT coalesce(max(rowid), 0) FROM item").fetchone()[0] <= items

    @_environment_errors
    def item_ids(self, kind: str, *, sort: str = "label", descending: bool = False, text: str = "",
                 source: str | None = None) -> list[str]:
        """Ids of one kind, filtered and sorted; unknown values sort last in both directions."""
        return [r[0] for r in self._listing("item.id", kind, sort, descending, text, source)]

    @_environment_errors
    def item_rowids(self, kind: str, *, sort: str = "label", descending: bool = False, text: str = "",
                    source: str | None = None) -> array[int]:
        """``item_ids`` as the items' rowids, packed (8 bytes a row, not a string object: what a
        table of 400,000 statistics holds). SQLite sorts them and writes them as one string of
        16 hex digits each, all in one step, so no Python object is made per row and Python's lock
        is free while it works (the window's thread runs meanwhile); the string becomes the array
        in two C calls."""
        sql, params = self._listing_sql("item.rowid AS rid", kind, sort, descending, text, source)
        # an aggregate over a subquery with ORDER BY reads it in that order (SQLite does not flatten
        # it); tests/test_listing.py compares every order with the rows' own
        packed = self._conn.execute(f"SELECT group_concat(printf('%016x', rid), '') FROM ({sql})",
                                    params).fetchone()[0] or ""
        rowids = array("q")
        rowids.frombytes(bytes.fromhex(packed))
        if sys.byteorder == "little":
            rowids.byteswap()  # the hex digits are big-endian
        return rowids

    def _listing(self, column: str, kind: str, sort: str, descending: bool, text: str,
                 source: str | None) -> sqlite3.Cursor:
        return self._conn.execute(*self._listing_sql(column, kind, sort, descending, text, source))

    def _listing_sql(self, column: str, kind: str, sort: str, descending: bool, text: str,
                     source: str | None) -> tuple[str, list[Any]]:
        if kind not in KIND_FIELDS:
            raise ValueError(f"unknown kind {kind!r}")
        direction = "DESC" if descending else "ASC"
        order_params: list[Any] = []
        if sort in _COMMON_SORTS:
            order = ", ".join(f"{k} {direction}" for k in _COMMON_SORTS[sort].split(", "))
        elif (kind, sort) in _NUMERIC_SORTS:
            # by number only within a unit: "two decades", "4th" and "$260 billion" are not interleaved
            order = (f"(item.sort_value IS NULL), json_extract({_FIELDS}, '$.unit') COLLATE NOCASE {direction}, "
                     f"item.sort_value {direction}")
        elif kind == "event" and sort == "date":
            order = f"(item.date IS NULL), item.date {direction}"
        elif sort.isidentifier():
            order = f"(json_extract({_FIELDS}, ?) IS NULL), json_extract({_FIELDS}, ?) COLLATE NOCASE {direction}"
            order_params = [f"$.{sort}", f"$.{sort}"]
        else:
            raise ValueError(f"cannot sort {kind} items by {sort!r}")
        where = ["item.kind = ?", _LISTED]
        params: list[Any] = [kind]
        if text.strip():
            where.append("instr(item.folded, ?) > 0")
            params.append(fold(text.strip()))
        if source is not None:
            # the source's citations once (the (source_id, start) index), not a probe per item
            where.append("item.id IN (SELECT c.item_id FROM citation AS c WHERE c.source_id = ?)")
            params.append(source)
        sql = (
            f"SELECT {column} FROM item JOIN source AS src ON src.id = item.source_id "
            f"WHERE {' AND '.join(where)}{self._visible()} ORDER BY {order}, item.sort_label, item.id"
        )
        params.extend(order_params)  # WHERE placeholders come first in the SQL text
        return sql, params

    # -- rows and items ---------------------------------------------------

    @_environment_errors
    def rows_by_rowid(self, rowids: Sequence[int]) -> dict[int, ItemRow]:
        """Rows for these item rowids, by rowid (rowids that do not exist are left out)."""
        if not rowids:
            return {}
        return {r[0]: _row(r[1:]) for r in self._conn.execute(
            _ROW_SQL.replace("SELECT item.id,", "SELECT item.rowid, item.id,", 1)
            + " WHERE item.rowid IN (SELECT value FROM json_each(?))", (json.dumps(list(rowids)),))}

    @_environment_errors
    def item_rowid(self, item_id: str) -> int | None:
        row = self._conn.execute("SELECT rowid FROM item WHERE id = ?", (item_id,)).fetchone()
        return row[0] if row else None

    @_environment_errors
    def rows(self, ids: Sequence[str]) -> list[ItemRow]:
        """Rows for ``ids`` in the same order (ids that do not exist are left out)."""
        if not ids:
            return []
        found = {
            r[0]: _row(r)
            for r in self._conn.execute(
                _ROW_SQL + " WHERE item.id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),)
            )
        }
        return [found[i] for i in ids if i in found]

    @_environment_errors
    def item(self, item_id: str, *, limit: int | None = None) -> Item:
        """An item with its citations in order — only the first ``limit`` of them when given (a leader
        named in every article has a citation per mention)."""
        r = self._conn.execute(
            "SELECT id, kind, label, fields, rule, confidence FROM item WHERE id = ?", (item_id,)
        ).fetchone()
        if r is None:
            raise KeyError(item_id)
        cites = [
            Citation(*c)
            for c in self._conn.execute(
                _CITATIONS_SQL + " LIMIT ?",
                (item_id, -1 if limit is None else limit),
            )
        ]
        fields = json_object(r[3])
        if r[1] in _ACCOUNTED:
            self._add_accounts(item_id, fields, limit)
        return Item(r[0], r[1], _text(r[2]) or "", fields, cites, _text(r[4]) or "",
                    r[5] if isinstance(r[5], int | float) else 0.0)

    def _add_accounts(self, item_id: str, fields: dict[str, Any], limit: int | None) -> None:
        """``reports`` from the accounts on the item's citations, the first ``limit`` in the order they
        came (when given); each variant's ``sources``, the first ``limit``, and its ``source_count``."""
        n = -1 if limit is None else limit
        reports = [r for r in (report_of(*row) for row in self._conn.execute(
            'SELECT source_id, start, "end", account FROM citation WHERE item_id = ? AND account IS NOT NULL '
            "ORDER BY ordinal LIMIT ?", (item_id, n))) if r is not None]
        if reports or "reports" in fields:
            _set_reports(fields, [*(fields.get("reports") or []), *reports])
        variants = fields.get("variants")
        if isinstance(variants, list):
            for v in variants:
                if isinstance(v, dict) and isinstance(v.get("id"), str):
                    v["sources"] = [row[0] for row in self._conn.execute(
                        "SELECT DISTINCT source_id FROM citation WHERE item_id = ? LIMIT ?", (v["id"], n))]
                    count = self._conn.execute("SELECT json_extract(fields, '$.source_count') FROM item "
                                               "WHERE id = ? AND json_valid(fields)", (v["id"],)).fetchone()
                    v["source_count"] = count[0] if count and isinstance(count[0], int) else len(v["sources"])

    @_environment_errors
    def citation_count(self, item_id: str) -> int:
        return self._conn.execute("SELECT count(*) FROM citation WHERE item_id = ?", (item_id,)).fetchone()[0]

    @_environment_errors
    def citation(self, item_id: str, n: int) -> Citation:
        """An item's citation by its position (KeyError when there is none)."""
        r = self._conn.execute(_CITATIONS_SQL + " LIMIT 1 OFFSET ?", (item_id, max(n, 0))).fetchone()
        if r is None:
            raise KeyError(f"{item_id}:{n}")
        return Citation(*r)

    @_environment_errors
    def citation_position(self, item_id: str, source_id: str, start: int, end: int) -> int | None:
        """Where a span is in an item's citations (an index lookup), or None."""
        r = self._conn.execute(
            'SELECT (SELECT count(*) FROM citation AS b WHERE b.item_id = c.item_id AND b.ordinal < c.ordinal) '
            'FROM citation AS c WHERE c.source_id = ? AND c.start = ? AND c."end" = ? AND +c.item_id = ?',
            (source_id, start, end, item_id)).fetchone()
        return r[0] if r else None

    @_environment_errors
    def items(self, kind: str | None = None) -> list[Item]:
        """Every item (of one kind) with all its citations, in build order; for export."""
        where, params = ("WHERE kind = ?", (kind,)) if kind else ("", ())
        cites: dict[str, list[Citation]] = {}
        accounts: dict[str, list[dict[str, Any]]] = {}
        for item_id, source_id, start, end, text, account in self._conn.execute(
            f'SELECT c.item_id, c.source_id, c.start, c."end", {citation_text()}, c.account FROM citation AS c '
            "LEFT JOIN source AS src ON src.id = c.source_id ORDER BY c.item_id, c.ordinal"
        ):
            cites.setdefault(item_id, []).append(Citation(source_id, start, end, text))
            if account is not None and (report := report_of(source_id, start, end, account)) is not None:
                accounts.setdefault(item_id, []).append(report)
        out = []
        for r in self._conn.execute(
                f"SELECT id, kind, label, fields, rule, confidence FROM item {where} ORDER BY ordinal", params):
            fields = json_object(r[3])
            if r[0] in accounts or "reports" in fields:
                _set_reports(fields, sorted([*(fields.get("reports") or []), *accounts.get(r[0], [])],
                                            key=lambda x: (str(x.get("source")), x.get("start") or 0, x.get("end") or 0)))
            for v in fields.get("variants") or []:
                if isinstance(v, dict):
                    of = cites.get(v["id"], []) if isinstance(v.get("id"), str) else []
                    v["sources"] = sorted({c.source for c in of})
            out.append(Item(r[0], r[1], _text(r[2]) or "", fields, cites.get(r[0], []), _text(r[4]) or "", r[5]))
        return out

    # -- sources ----------------------------------------------------------

    @_environment_errors
    def sources(self) -> list[Source]:
        return [_source(r) for r in self._conn.execute(_SOURCE_SQL + " ORDER BY ordinal")]

    @_environment_errors
    def source_infos(self) -> list[Source]:
        """Every source's metadata in corpus order, with ``text`` empty (not read).

        For lists, labels and the About box: a thousand times more articles cost a
        thousand small rows here, not a thousand article texts. Open a source's text
        with ``source()``.
        """
        return [_source(r) for r in self._conn.execute(_SOURCE_INFO_SQL + " WHERE hidden = 0 ORDER BY ordinal")]

    @_environment_errors
    def source_rows(self) -> list[dict[str, Any]]:
        """Every source as a row for listing: id, origin (bundled/imported), kind, title, publisher,
        published, hidden, and how many items cite it (one grouped query over the citation index)."""
        counts = dict(self._conn.execute(
            "SELECT source_id, count(DISTINCT item_id) FROM citation GROUP BY source_id"))
        return [
            {"id": r[0], "origin": r[1], "kind": r[2], "title": r[3], "publisher": r[4], "published": r[5],
             "hidden": bool(r[6]), "file": r[7], "items": counts.get(r[0], 0)}
            for r in self._conn.execute(
                "SELECT id, origin, kind, title, publisher, published, hidden, file FROM source ORDER BY ordinal")
        ]

    @_environment_errors
    def origins(self) -> dict[str, str]:
        """Source id -> "bundled" or "imported" (small: one short row per source)."""
        return dict(self._conn.execute("SELECT id, origin FROM source"))

    @_environment_errors
    def source_records(self, ids: Sequence[str]) -> dict[str, SourceRecord]:
        """Metadata (no text), origin and hidden flag of these sources, by id (missing ids left out):
        what the window needs of the few sources it shows, one query however many the library holds."""
        return {
            r[0]: SourceRecord(_source(r), _text(r[10]) or "bundled", bool(r[11]))
            for r in self._conn.execute(
                _SOURCE_INFO_SQL.replace(" FROM source", ", origin, hidden FROM source")
                + " WHERE id IN (SELECT value FROM json_each(?))", (json.dumps(list(ids)),))
        }

    @_environment_errors
    def holds(self, dup_hash: str, url: str | None, source_id: str) -> bool:
        """Whether the library has this article already: the same text (its duplicate hash), the same
        address or the same id (LibraryWriter.duplicate_of decides what the import says)."""
        return self._conn.execute(
            "SELECT 1 WHERE EXISTS (SELECT 1 FROM source WHERE dup_hash = ?) OR EXISTS (SELECT 1 FROM source "
            "WHERE id = ?) OR (? IS NOT NULL AND EXISTS (SELECT 1 FROM source WHERE url = ?))",
            (dup_hash, source_id, url, url)).fetchone() is not None

    @_environment_errors
    def source_origin_counts(self) -> dict[str, int]:
        """Shown (not hidden) sources by origin: {"bundled": 5, "imported": 1200}."""
        return dict(self._conn.execute("SELECT origin, count(*) FROM source WHERE hidden = 0 GROUP BY origin"))

    @_environment_errors
    def first_source_ids(self, n: int) -> list[str]:
        """The first ``n`` shown sources in the order they were added (the rowid order: no sort)."""
        return [r[0] for r in self._conn.execute(
            "SELECT id FROM source WHERE hidden = 0 ORDER BY rowid LIMIT ?", (n,))]

    @_environment_errors
    def source_ids(self, *, sort: str = "title", descending: bool = False, text: str = "") -> list[str]:
        """Ids of the shown sources, filtered by ``text`` (title, publisher, author, file or id contain
        it, case and diacritics aside) and sorted in SQL; unknown values sort last in both directions."""
        column = _SOURCE_SORTS.get(sort)
        if column is None:
            raise ValueError(f"cannot sort sources by {sort!r}")
        direction = "DESC" if descending else "ASC"
        where, params = ["hidden = 0"], []
        if text.strip():
            where.append("instr(lower(coalesce(title, '') || ' ' || coalesce(publisher, '') || ' ' || "
                         "coalesce(author, '') || ' ' || coalesce(file, '') || ' ' || id), ?) > 0")
            params.append(text.strip().lower())
        sql = (f"SELECT id FROM source WHERE {' AND '.join(where)} "
               f"ORDER BY ({column} IS NULL), {column} COLLATE NOCASE {direction}, ordinal")
        return [r[0] for r in self._conn.execute(sql, params)]

    @_environment_errors
    def source(self, source_id: str) -> Source:
        r = self._conn.execute(_SOURCE_SQL + " WHERE id = ?", (source_id,)).fetchone()
        if r is None:
            raise KeyError(source_id)
        return _source(r)

    @_environment_errors
    def passages(self, source_id: str) -> list[Passage]:
        return [
            Passage(*r)
            for r in self._conn.execute(
                'SELECT source_id, idx, start, "end", text, role, reason FROM passage '
                "WHERE source_id = ? ORDER BY idx",
                (source_id,),
            )
        ]

    @_environment_errors
    def source_citations(self, source_id: str) -> list[CitedSpan]:
        """Every item citation in one source, by position (for highlighting the reading pane)."""
        return [
            CitedSpan(r[0], r[1], r[2], Citation(source_id, r[3], r[4], r[5]))
            for r in self._conn.execute(
                f'SELECT item.id, item.kind, item.label, c.start, c."end", {citation_text()} '
                "FROM citation AS c JOIN item ON item.id = c.item_id LEFT JOIN source AS src ON src.id = c.source_id "
                'WHERE c.source_id = ? ORDER BY c.start, c."end", item.ordinal',
                (source_id,),
            )
        ]

    # -- people -----------------------------------------------------------

    @_environment_errors
    def person_page(self, person_id: str) -> PersonPage:
        person = self.item(person_id)
        if person.kind != "person":
            raise KeyError(person_id)

        def linked(role: str) -> list[ItemRow]:
            ids = [
                r[0]
                for r in self._conn.execute(
                    "SELECT lp.item_id FROM item_person AS lp JOIN item ON item.id = lp.item_id "
                    "WHERE lp.person_id = ? AND lp.role = ? ORDER BY item.date, item.ordinal",
                    (person_id, role),
                )
            ]
            return self.rows(ids)

        source_ids = list(dict.fromkeys(c.source for c in person.citations))
        order = {s.id: n for n, s in enumerate(self.sources())}
        sources = [self.source(s) for s in sorted(source_ids, key=lambda s: order.get(s, len(order)))]
        return PersonPage(person, linked("speaker"), linked("participant"), sources)

    @_environment_errors
    def person_overview(self, person_id: str, limit: int = 50) -> PersonPage:
        """``person_page`` for the detail pane: the first ``limit`` quotes, events and sources (metadata
        only) with how many there are in all; showing a leader must not read every article naming them."""
        person = self.item(person_id, limit=limit)
        if person.kind != "person":
            raise KeyError(person_id)
        ids: dict[str, list[str]] = {}
        totals: dict[str, int] = {}
        for role in ("speaker", "participant"):
            ids[role] = [r[0] for r in self._conn.execute(
                "SELECT lp.item_id FROM item_person AS lp JOIN item ON item.id = lp.item_id "
                "WHERE lp.person_id = ? AND lp.role = ? ORDER BY item.date, item.ordinal LIMIT ?",
                (person_id, role, limit))]
            totals[role] = self._conn.execute(
                "SELECT count(*) FROM item_person WHERE person_id = ? AND role = ?", (person_id, role)).fetchone()[0]
        source_ids = [r[0] for r in self._conn.execute(
            "SELECT source_id FROM citation WHERE item_id = ? GROUP BY source_id ORDER BY min(ordinal) LIMIT ?",
            (person_id, limit))]
        totals["source"] = self._conn.execute(
            "SELECT count(DISTINCT source_id) FROM citation WHERE item_id = ?", (person_id,)).fetchone()[0]
        totals["citation"] = self.citation_count(person_id)
        sources = [
            _source(r)
            for r in self._conn.execute(
                _SOURCE_INFO_SQL + " WHERE id IN (SELECT value FROM json_each(?)) ORDER BY ordinal",
                (json.dumps(source_ids),),
            )
        ]
        return PersonPage(person, self.rows(ids["speaker"]), self.rows(ids["participant"]), sources, totals)

    # -- search -----------------------------------------------------------

    @_environment_errors
    def search(self, query: str, *, kinds: Collection[str] | None = None, source: str | None = None,
               limit: int = 200, cancelled: Callable[[], bool] | None = None) -> SearchResult:
        from bilateral.store.search import search

        return search(self._conn, query, kinds=kinds, source=source, limit=limit,
                      time_limit_s=self.search_time_limit, cancelled=cancelled)
