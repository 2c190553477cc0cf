"""Back/Forward through everything the user opened."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal


@dataclass(frozen=True)
class Location:
    """What is shown: an item (and which of its citations) or a source (and which span)."""

    source_id: str
    item_id: str | None = None
    start: int | None = None
    end: int | None = None
    category: str | None = None


class History(QObject):
    """A browser-style history: opening something new drops the forward stack."""

    changed = Signal()

    def __init__(self, parent: QObject, limit: int = 500) -> None:
        super().__init__(parent)
        self._entries: list[Location] = []
        self._index = -1
        self._limit = limit

    @property
    def current(self) -> Location | None:
        return self._entries[self._index] if self._index >= 0 else None

    def push(self, location: Location) -> None:
        if location == self.current:
            return
        del self._entries[self._index + 1:]
        self._entries.append(location)
        if len(self._entries) > self._limit:
            del self._entries[0]
        self._index = len(self._entries) - 1
        self.changed.emit()

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        self.changed.emit()
        return self.current

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        self.changed.emit()
        return self.current
