"""Item models over the store, by the book (Anki's id-holding table model, Picard's roles).

``ItemTableModel`` holds only the ordered id list of one kind; rows are
fetched from ``Library.rows()`` in blocks when a view asks for them and kept
in a cache, so a library a thousand times larger costs the same to paint.
Sorting and filtering ask the store for a new id list instead of sorting
fetched rows in a proxy.
"""

from __future__ import annotations

import contextlib
import dataclasses
import html
from array import array
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from bilateral.core.cite import human_date
from bilateral.core.model import Source
from bilateral.store.errors import StoreError

if TYPE_CHECKING:
    from bilateral.gui.tasks import TaskRunner
    from bilateral.store.library import ItemRow, Library, SearchHit, SearchResult, SourceRecord

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1        # the item id (or source id in the sources table)
CITATION_ROLE = Qt.ItemDataRole.UserRole + 2  # the Citation to open
HTML_ROLE = Qt.ItemDataRole.UserRole + 3      # rich text for the HTML delegate
COUNT_ROLE = Qt.ItemDataRole.UserRole + 4     # a category's count
KEY_ROLE = Qt.ItemDataRole.UserRole + 5       # a category's key ("person", …, "source")
KIND_ROLE = Qt.ItemDataRole.UserRole + 6      # a search row's kind

#: Sidebar order and names; "source" is not an item kind but sits beside them.
CATEGORIES: tuple[tuple[str, str], ...] = (
    ("person", "Leaders"),
    ("agreement", "Agreements"),
    ("statistic", "Statistics"),
    ("quote", "Quotes"),
    ("event", "Events"),
    ("source", "Sources"),
)
CATEGORY_NAMES = dict(CATEGORIES)
KIND_NAMES: dict[str, str] = {
    "person": "Leaders", "agreement": "Agreements", "statistic": "Statistics",
    "quote": "Quotes", "event": "Events", "passage": "Passages",
}
SINGULAR: dict[str, str] = {
    "person": "leader", "agreement": "agreement", "statistic": "statistic",
    "quote": "quote", "event": "event", "passage": "passage", "source": "source",
}


def text_of(value: Any) -> str:
    """A field as a person reads it; unknown stays visibly empty, never invented."""
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(text_of(v) for v in value)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def snippet_html(snippet: str, tag: str = "b") -> str:
    """Escape first, then turn the store's \\x02…\\x03 match marks into ``<tag>`` (bold by default)."""
    return html.escape(snippet).replace("\x02", f"<{tag}>").replace("\x03", f"</{tag}>")


@dataclass(frozen=True)
class Column:
    header: str
    sort: str                       # the Library.item_ids sort key
    value: Callable[[ItemRow], str]
    numeric: bool = False


def _field(name: str) -> Callable[[ItemRow], str]:
    def get(row: ItemRow) -> str:
        return text_of(row.fields.get(name))
    return get


def _person_name(row: ItemRow) -> str:
    return text_of(row.fields.get("name")) or row.label


def _native(row: ItemRow) -> str:
    """The native spelling when it differs from the name ("Tô Lâm" beside "To Lam")."""
    native = text_of(row.fields.get("native"))
    return native if native != _person_name(row) else ""


def _statistic_value(row: ItemRow) -> str:
    return text_of(row.fields.get("display") or row.fields.get("as_written") or row.label)


def _source(row: ItemRow) -> str:
    return row.source


def _quote_kind(row: ItemRow) -> str:
    """"direct", or "direct (1 of 2)" for one quoted fragment of a statement split by its tag."""
    kind = text_of(row.fields.get("quote_kind"))
    part, parts = row.fields.get("part"), row.fields.get("parts")
    if isinstance(part, int) and isinstance(parts, int) and parts > 1:
        return f"{kind} ({part} of {parts})"
    return kind


#: Marks a statistic whose sources give another figure for the same measure and period.
DISAGREE_MARK = "≠"


def _sources(row: ItemRow) -> str:
    """How many sources report it; "≠" when other sources give a different figure."""
    count = text_of(row.fields.get("source_count"))
    return f"{DISAGREE_MARK} {count}" if row.fields.get("disagrees_with") else count


def _sources_tip(row: ItemRow) -> str:
    count = row.fields.get("source_count") or 1
    tip = f"Reported by {count} source{'s' if count != 1 else ''}"
    variants = row.fields.get("variants") or []
    if variants:
        others = "; ".join(
            " ".join(x for x in (text_of(v.get("qualifier")), text_of(v.get("display"))) if x)
            + (f" (according to {text_of(v['according_to'])})" if v.get("according_to") else "")
            for v in variants)
        tip += f". Sources disagree: also reported as {others}"
    return tip


COLUMNS: dict[str, tuple[Column, ...]] = {
    "person": (
        Column("Name", "label", _person_name),
        Column("Native", "native", _native),
        Column("Country", "country", _field("country")),
        Column("Roles", "roles", _field("roles")),
        Column("Source", "source", _source),
    ),
    "statistic": (
        Column("Value", "normalized", _statistic_value, numeric=True),
        Column("Measure", "measure", _field("measure")),
        Column("Period", "period", _field("period")),
        Column("Qualifier", "qualifier", _field("qualifier")),
        Column("According to", "according_to", _field("according_to")),
        Column("Source", "source", _source),
        Column("Sources", "source_count", _sources, numeric=True),  # how many report it
    ),
    "quote": (
        Column("Speaker", "speaker_name", _field("speaker_name")),
        Column("Quote", "text", _field("text")),
        Column("Kind", "quote_kind", _quote_kind),
        Column("Source", "source", _source),
    ),
    "agreement": (
        Column("Name", "label", _field("name")),
        Column("Kind", "agreement_kind", _field("agreement_kind")),
        Column("Year", "year", _field("year"), numeric=True),
        Column("Parties", "parties", _field("parties")),
        Column("Source", "source", _source),
    ),
    "event": (
        Column("Date", "date", _field("date")),
        Column("Title", "title", _field("title")),
        Column("Participants", "participants", _field("participant_names")),
        Column("Source", "source", _source),
        Column("Sources", "source_count", _sources, numeric=True),
    ),
}


class ListedTableModel(QAbstractTableModel):
    """A table over an id list the store sorts and filters (Anki's browser table): the model holds
    the ids, rows are fetched in blocks when painted.

    Listing a large table (a sort by a field of 400,000 statistics) takes the store seconds, so with
    a ``runner`` (the window's TaskRunner) a listing of more than ``SYNC_LIMIT`` rows runs in the
    "reader" lane, on that thread's own connection; the table keeps what it shows until the new ids
    arrive, and a newer listing makes an older one's answer stale. ``listing(True/False)`` says when
    one is under way and ``listed`` when new ids are shown. Small tables list at once.
    """

    failed = Signal(str)
    listing = Signal(bool)
    listed = Signal()

    #: Rows a listing may have to run on the GUI thread; above it, the reader lane lists.
    SYNC_LIMIT = 2000

    def __init__(self, library: Library, parent: QObject, *, runner: TaskRunner | None = None,
                 rows_hint: int = 0) -> None:
        super().__init__(parent)
        self._library = library
        self._runner = runner
        self._ids: Sequence[Any] = []  # source ids, or item rowids packed in an array
        self._packed: bytes | None = None  # the array's bytes, for finding a row (see _position)
        self._rows_hint = rows_hint  # how many rows the first listing will bring (the sidebar count)
        self._sort_column = 0
        self._descending = False
        self._text = ""
        self._source: str | None = None
        self._request = 0
        self._listed_as: tuple[int, bool] | None = None  # the order of the last listing asked for
        self.busy = False

    # -- what subclasses say -------------------------------------------------------
    def _lister(self, column: int, descending: bool) -> Callable[[Library], Sequence[Any]]:
        """A function listing the ids in any thread, from that thread's Library (plain values only)."""
        raise NotImplementedError

    def _forget_rows(self) -> None:
        """The library changed: cached rows may be stale."""

    @property
    def filter_text(self) -> str:
        return self._text

    @property
    def source_filter(self) -> str | None:
        return self._source

    def set_filter(self, text: str, source: str | None = None) -> None:
        if text == self._text and source == self._source:
            return
        self._text, self._source = text, source
        self.refresh()

    def preset_filter(self, text: str = "", source: str | None = None) -> None:
        """The filter the first listing will use (a model made with ``load=False``), without listing."""
        self._text, self._source = text, source

    def set_rows_hint(self, rows: int) -> None:
        """How many rows the next listing may bring (it decides whether to list off the GUI thread)."""
        self._rows_hint = rows

    def refresh(self) -> None:
        """List again (the filter or the library changed), in the current order."""
        self._forget_rows()
        self._list(self._sort_column, self._descending, reset=True)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < self.columnCount():
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == self._listed_as:
            return  # QTableView.sortByColumn asks twice (through the header's indicator, then itself)
        self._list(column, descending, reset=False)

    # -- listing ---------------------------------------------------------------------
    def _list(self, column: int, descending: bool, *, reset: bool) -> None:
        self._sort_column, self._descending = column, descending
        self._listed_as = (column, descending)
        self._request += 1
        request = self._request
        lister = self._lister(column, descending)
        if self._runner is None or max(self._rows_hint, len(self._ids)) <= self.SYNC_LIMIT:
            try:
                ids = lister(self._library)
            except StoreError as exc:
                self.failed.emit(f"The library could not be read: {exc}")
                return
            self._apply(ids, reset)
            return
        from bilateral.gui.tasks import reader_library

        path = self._library.path
        task = self._runner.start(lambda _context: lister(reader_library(path)), label="listing", lane="reader")
        self.busy = True
        self.listing.emit(True)
        task.succeeded.connect(lambda ids: self._listed(request, ids, reset))
        task.failed.connect(lambda message: self._listing_failed(request, message))

    def _listed(self, request: int, ids: Sequence[Any], reset: bool) -> None:
        if request != self._request:
            return  # a newer listing is on its way
        self.busy = False
        self.listing.emit(False)
        self._apply(ids, reset)

    def _listing_failed(self, request: int, message: str) -> None:
        if request == self._request:
            self.busy = False
            self.listing.emit(False)
            self.failed.emit(f"The library could not be read: {message}")

    def _apply(self, ids: Sequence[Any], reset: bool) -> None:
        self._rows_hint = len(ids)
        if reset:
            self.beginResetModel()
            self._ids, self._packed = ids, None
            self.endResetModel()
        else:  # a new order of the same rows: the selection and current row stay on their items
            self.layoutAboutToBeChanged.emit()
            persistent = self.persistentIndexList()
            kept = [self._ids[i.row()] if i.row() < len(self._ids) else None for i in persistent]
            self._ids, self._packed = ids, None
            new_rows = {}  # a few ids (the selection), each found by one scan, not a map of every row
            for item_id in dict.fromkeys(k for k in kept if k is not None):
                if (row := self._position(item_id)) >= 0:
                    new_rows[item_id] = row
            self.changePersistentIndexList(persistent, [
                self.index(new_rows[item_id], i.column()) if item_id in new_rows else QModelIndex()
                for i, item_id in zip(persistent, kept, strict=True)])
            self.layoutChanged.emit()
        self.listed.emit()

    # -- ids -------------------------------------------------------------------------
    def item_id(self, row: int) -> str:
        return self._ids[row]

    def row_of(self, item_id: str) -> int:
        return self._position(item_id)

    def _position(self, key: Any) -> int:
        """The row of an id (or rowid) in the listing, or -1: one scan in C. A packed array is searched
        as bytes (``array.index`` boxes every element it passes: 12 ms for 389,000 rows)."""
        ids = self._ids
        if not isinstance(ids, array):
            with contextlib.suppress(ValueError):
                return ids.index(key)
            return -1
        if self._packed is None:
            self._packed = ids.tobytes()
        needle, size = array(ids.typecode, [key]).tobytes(), ids.itemsize
        at = self._packed.find(needle)
        while at > 0 and at % size:  # a match straddling two items
            at = self._packed.find(needle, at + 1)
        return at // size if at >= 0 else -1

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)


class ItemTableModel(ListedTableModel):
    """One kind's items: an id list from the store, rows fetched when painted.

    A library that fails underneath (a page damaged while the app runs, a disk gone) is reported
    through ``failed`` and the table keeps what it showed; it never raises into Qt's painting.
    """

    BLOCK = 48  # rows fetched per store query when a view scrolls into uncached rows (a screenful or two:
    # a jump to the open item's row fetches its block on the GUI thread, 128 rows took 9 ms there)

    def __init__(self, library: Library, kind: str, parent: QObject, *, load: bool = True,
                 runner: TaskRunner | None = None, rows_hint: int = 0) -> None:
        """``load=False`` leaves the rows to the first ``sort`` (a view that sorts on showing would
        otherwise fetch and sort every id twice)."""
        super().__init__(library, parent, runner=runner, rows_hint=rows_hint)
        self._kind = kind
        self._columns = COLUMNS[kind]
        self._cache: dict[int, ItemRow] = {}  # by rowid: the model holds rowids, packed, not id strings
        self._source_titles: dict[str, str] = {}
        self._person_names: dict[str, str] = {}
        self.fetches = 0  # how many store queries data() caused (tests check laziness)
        if load:
            self.refresh()

    # -- what the store decides ------------------------------------------------
    @property
    def kind(self) -> str:
        return self._kind

    def _lister(self, column: int, descending: bool) -> Callable[[Library], Sequence[int]]:
        kind, sort, text, source = self._kind, self._columns[column].sort, self._text, self._source
        return lambda library: library.item_rowids(kind, sort=sort, descending=descending, text=text, source=source)

    def _forget_rows(self) -> None:
        self._cache.clear()
        self._source_titles.clear()

    # -- ids: the rows hold item rowids ----------------------------------------------
    def item_id(self, row: int) -> str:
        """The item id of a row ("" when it can no longer be read)."""
        found = self._safe_row(row)
        return found.id if found is not None else ""

    def row_of(self, item_id: str) -> int:
        try:
            rowid = self._library.item_rowid(item_id)
        except StoreError as exc:
            self.failed.emit(f"The library could not be read: {exc}")
            return -1
        return self._position(rowid) if rowid is not None else -1

    # -- lazy rows -------------------------------------------------------------
    def _safe_row(self, row: int) -> ItemRow | None:
        """For painting: a row that cannot be read (removed meanwhile, a failing disk) paints empty."""
        try:
            return self.item_row(row)
        except KeyError:
            return None
        except StoreError as exc:
            self.failed.emit(f"The library could not be read: {exc}")
            return None

    def item_row(self, row: int) -> ItemRow:
        rowid = self._ids[row]
        cached = self._cache.get(rowid)
        if cached is None:
            # One query for the row's whole block (and one for the people it names), never one per row.
            start = row - row % self.BLOCK
            block = [i for i in self._ids[start:start + self.BLOCK] if i not in self._cache]
            self.fetches += 1
            fetched = self._library.rows_by_rowid(block)
            self._fetch_person_names(list(fetched.values()))
            self._fetch_source_titles(list(fetched.values()))
            for key, one in fetched.items():
                self._cache[key] = self._with_names(one)
            cached = self._cache[rowid]
        return cached

    def _fetch_source_titles(self, rows: Sequence[ItemRow]) -> None:
        """The Source column's titles for a block's rows: one query for the sources not known yet."""
        missing = list(dict.fromkeys(r.source for r in rows if r.source not in self._source_titles))
        if missing:
            for source_id, record in self._library.source_records(missing).items():
                s = record.source
                self._source_titles[source_id] = s.title or f"untitled ({s.file or s.id})"

    def _fetch_person_names(self, rows: Sequence[ItemRow]) -> None:
        if self._kind != "event":
            return
        missing = list(dict.fromkeys(p for row in rows for p in row.fields.get("participants") or []
                                     if isinstance(p, str) and p not in self._person_names))
        if missing:
            for person in self._library.rows(missing):
                # The name alone: a table cell has no room for "name — role".
                self._person_names[person.id] = text_of(person.fields.get("name")) or person.label

    def _with_names(self, row: ItemRow) -> ItemRow:
        """Events list participant ids; show the people's names."""
        if self._kind != "event":
            return row
        ids = [p for p in row.fields.get("participants") or [] if isinstance(p, str)]
        names = [self._person_names.get(p, p) for p in ids]
        fields = {**row.fields, "participant_names": names}
        return dataclasses.replace(row, fields=fields)

    # -- Qt model API ------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self._columns)):
            return self._columns[section].header
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        column = self._columns[index.column()]
        if role == ID_ROLE:
            return self.item_id(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            row = self._safe_row(index.row())
            if row is None:
                return None
            if column.sort == "source":
                return self._source_titles.get(row.source, row.source)
            text = column.value(row)
            if role == Qt.ItemDataRole.ToolTipRole and column.value is _sources:
                return _sources_tip(row)
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(text.split())  # one line per row
            return text or None
        if role == CITATION_ROLE:
            row = self._safe_row(index.row())
            return row.citation if row is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column.numeric:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class SourceTableModel(ListedTableModel):
    """The sources: ids from the store (sorted and filtered there), metadata fetched in blocks when
    painted, never every source held; unknown metadata says "unknown"."""

    HEADERS = ("Title", "Publisher", "Published", "File", "Origin")
    SORTS = ("title", "publisher", "published", "file", "origin")
    BLOCK = 48

    def __init__(self, library: Library, parent: QObject, *, load: bool = True,
                 runner: TaskRunner | None = None, rows_hint: int = 0) -> None:
        super().__init__(library, parent, runner=runner, rows_hint=rows_hint)
        self._cache: dict[str, SourceRecord] = {}
        if load:
            self.refresh()

    @property
    def kind(self) -> str:
        return "source"

    def _lister(self, column: int, descending: bool) -> Callable[[Library], list[str]]:
        sort, text = self.SORTS[column], self._text
        return lambda library: library.source_ids(sort=sort, descending=descending, text=text)

    def _forget_rows(self) -> None:
        self._cache.clear()

    def _record(self, row: int) -> SourceRecord | None:
        source_id = self._ids[row]
        record = self._cache.get(source_id)
        if record is None:
            start = row - row % self.BLOCK
            block = [i for i in self._ids[start:start + self.BLOCK] if i not in self._cache]
            try:
                self._cache.update(self._library.source_records(block))
            except StoreError as exc:
                self.failed.emit(f"The library could not be read: {exc}")
                return None
            record = self._cache.get(source_id)
        return record

    def source_at(self, row: int) -> Source:
        record = self._record(row)
        if record is None:
            raise KeyError(self._ids[row])
        return record.source

    def origin(self, source_id: str) -> str:
        record = self._cache.get(source_id)
        return record.origin if record is not None else "bundled"

    def _cell(self, record: SourceRecord, column: int) -> str:
        source = record.source
        if column == 0:
            return source.title or "unknown title"
        if column == 1:
            return source.publisher or "unknown"
        if column == 2:
            return human_date(source) if source.published else "unknown"
        if column == 4:
            return "Imported" if record.origin == "imported" else "Bundled"
        return source.file or "unknown"

    def _tooltip(self, record: SourceRecord, column: int) -> str:
        """The full cell, and for metadata the basis and where it came from."""
        source = record.source
        text = self._cell(record, column)
        name = ("title", "publisher", "published", None)[column] if column < 3 else None
        if name is None:
            return text
        basis = source.basis.get(name) if getattr(source, name) else None
        evidence = source.evidence.get(name)
        lines = [f"{text} ({basis})" if basis else text]
        if evidence:
            lines.append(evidence)
        return "\n".join(lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if (orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
                and 0 <= section < len(self.HEADERS)):
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == ID_ROLE:
            return self._ids[index.row()]
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        record = self._record(index.row())
        if record is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cell(record, index.column())
        return self._tooltip(record, index.column())


class CategoryModel(QAbstractListModel):
    """The sidebar: six categories with the store's counts."""

    def __init__(self, counts: dict[str, int], parent: QObject) -> None:
        super().__init__(parent)
        self._counts = dict(counts)

    def set_counts(self, counts: dict[str, int]) -> None:
        self._counts = dict(counts)
        if CATEGORIES:
            self.dataChanged.emit(self.index(0), self.index(len(CATEGORIES) - 1))

    def key(self, row: int) -> str:
        return CATEGORIES[row][0]

    def row_of(self, key: str) -> int:
        return next((i for i, (k, _) in enumerate(CATEGORIES) if k == key), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(CATEGORIES)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(CATEGORIES):
            return None
        key, name = CATEGORIES[index.row()]
        count = self._counts.get(key)  # None while a large library is being counted
        if role == Qt.ItemDataRole.DisplayRole:
            return name
        if role == COUNT_ROLE:
            return count
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{count:,} {name.lower()}" if count is not None else f"{name}: counting…"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{name}, {count:,}" if count is not None else f"{name}, counting"
        return None


class SearchResultModel(QAbstractItemModel):
    """Search hits grouped by kind: group rows on top, hits below them, best first.

    Groups come in the order of their best hit, so the first hit row is the top
    hit overall: the row shown highlighted first is what Enter opens. A group
    row says how many of its matches are shown when the limit cut them
    ("Passages (12 of 40)").
    """

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._groups: list[tuple[str, list[SearchHit]]] = []
        self._starts: list[int] = []  # display position of each group's first hit
        self.result: SearchResult | None = None

    def set_result(self, result: SearchResult | None) -> None:
        self.beginResetModel()
        self.result = result
        grouped: dict[str, list[SearchHit]] = {}
        for hit in sorted(result.hits, key=lambda h: h.rank) if result else []:
            grouped.setdefault(hit.kind, []).append(hit)  # a group's place is its best hit's
        self._groups = list(grouped.items())
        self._starts = []
        n = 0
        for _, hits in self._groups:
            self._starts.append(n)
            n += len(hits)
        self.endResetModel()

    def hit_count(self) -> int:
        return sum(len(hits) for _, hits in self._groups)

    def top_hit(self) -> SearchHit | None:
        """The best-ranked hit overall: the first hit row."""
        return self._groups[0][1][0] if self._groups else None

    def hit(self, index: Index) -> SearchHit | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        group = self._groups[index.internalId() - 1][1]
        return group[index.row()] if index.row() < len(group) else None

    def first_hit_index(self) -> QModelIndex:
        return self.index(0, 0, self.index(0, 0)) if self._groups else QModelIndex()

    # Hits as one list, for keyboard navigation that never stops on a group row.
    def hit_index_at(self, position: int) -> QModelIndex:
        """The hit row at ``position`` in display order (clamped); invalid when there are none."""
        total = self.hit_count()
        if total == 0:
            return QModelIndex()
        position = max(0, min(position, total - 1))
        group = max(g for g, start in enumerate(self._starts) if start <= position)
        return self.createIndex(position - self._starts[group], 0, group + 1)

    def hit_position(self, index: Index, *, after: bool = True) -> int | None:
        """Display position of a hit row; for a group row, of the hit after it (or before it)."""
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self._groups):
                return None
            start = self._starts[index.row()]
            return start if after else max(start - 1, 0)
        return self._starts[index.internalId() - 1] + index.row()

    # internalId 0 marks a group row; n > 0 marks a hit of group n - 1.
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, 0) if row < len(self._groups) else QModelIndex()
        if parent.internalId() != 0:
            return QModelIndex()
        group = parent.row()
        if group < len(self._groups) and row < len(self._groups[group][1]):
            return self.createIndex(row, 0, group + 1)
        return QModelIndex()

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._groups)
        if parent.internalId() == 0 and parent.column() == 0 and parent.row() < len(self._groups):
            return len(self._groups[parent.row()][1])
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            if index.row() >= len(self._groups):
                return None
            kind, hits = self._groups[index.row()]
            total = max(self.result.counts.get(kind, len(hits)) if self.result else 0, len(hits))
            if role == Qt.ItemDataRole.DisplayRole:
                more = self.result is not None and kind in self.result.at_least
                if more:
                    shown = f"{len(hits):,} of more than {total:,}"
                else:
                    shown = f"{len(hits):,} of {total:,}" if total > len(hits) else f"{total:,}"
                return f"{KIND_NAMES.get(kind, kind)} ({shown})"
            if role == KIND_ROLE:
                return kind
            return None
        hit = self.hit(index)
        if hit is None:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{hit.label} — {hit.snippet.replace(chr(2), '').replace(chr(3), '')}"
        if role == HTML_ROLE:  # the label is bold already: its matches are underlined
            return f"<b>{snippet_html(hit.label_marked or hit.label, 'u')}</b><br>{snippet_html(hit.snippet)}"
        if role == ID_ROLE:
            return hit.item_id
        if role == CITATION_ROLE:
            return hit.citation
        if role == KIND_ROLE:
            return hit.kind
        return None
