"""The sources the window has asked about, not every source: a library may hold 100,000.

``SourceCache`` answers "what is this source's title, origin, is it shown?" for the few
sources on screen (the open article, a table's visible rows, a detail pane's citations)
with one store query per batch it has not seen, and keeps the most recent few thousand.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bilateral.core.model import Source
    from bilateral.store.library import Library, SourceRecord


class SourceCache:
    """Source id -> metadata (no text), origin and hidden flag, read from the library on demand.

    ``source_id in cache`` is whether the library has that source and shows it (not hidden).
    """

    SIZE = 4096

    def __init__(self, library: Library) -> None:
        self._library = library
        self._records: OrderedDict[str, SourceRecord | None] = OrderedDict()

    def clear(self) -> None:
        """The library changed (an import, a removal, a source hidden): ask it again."""
        self._records.clear()

    def load(self, ids: Iterable[str]) -> None:
        """Read the ones not known yet, in one query."""
        missing = [i for i in dict.fromkeys(ids) if i not in self._records]
        if not missing:
            return
        found = self._library.source_records(missing)
        for source_id in missing:
            self._records[source_id] = found.get(source_id)
        while len(self._records) > self.SIZE:
            self._records.popitem(last=False)

    def record(self, source_id: str) -> SourceRecord | None:
        if source_id not in self._records:
            self.load([source_id])
        else:
            self._records.move_to_end(source_id)
        return self._records.get(source_id)

    def get(self, source_id: str) -> Source | None:
        """The shown source's metadata, or None (not in the library, or hidden)."""
        record = self.record(source_id)
        return record.source if record is not None and not record.hidden else None

    def __contains__(self, source_id: object) -> bool:
        return isinstance(source_id, str) and self.get(source_id) is not None

    def origin(self, source_id: str) -> str:
        record = self.record(source_id)
        return record.origin if record is not None else "bundled"

    def subset(self, ids: Iterable[str]) -> dict[str, Source]:
        """The shown ones of ``ids`` as a dict (what a detail pane's citations need)."""
        wanted = list(dict.fromkeys(ids))
        self.load(wanted)
        return {i: s for i in wanted if (s := self.get(i)) is not None}
