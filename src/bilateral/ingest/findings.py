"""What an extractor returns, before items are merged across sources."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass(slots=True)
class Finding:
    """One fact seen in one source.

    ``key`` decides merging: findings of the same kind and key become one
    item with several citations (a person seen in three articles, a quote
    repeated). ``spans`` are (start, end) offsets into the source text.
    People are referred to by canonical name in ``fields`` ("speaker",
    "participants"); the pipeline turns names into person item ids.

    ``date`` (events only) is kept out of the key: findings with the same key
    whose dates are compatible ("2023", "2023-12", "2023-12-12") are one
    event, dated by the most precise of them.
    """

    kind: str
    key: str
    label: str
    fields: dict[str, Any]
    spans: list[tuple[int, int]]
    rule: str
    confidence: float = 0.8
    date: str | None = None


@dataclass(frozen=True, slots=True)
class Mention:
    """A span of text naming a person (by any alias or a resolved role reference)."""

    start: int
    end: int
    name: str  # canonical name


@dataclass(slots=True)
class PeopleIndex:
    """People mentioned in one document, for quotes and events to resolve against."""

    mentions: list[Mention] = field(default_factory=list)

    def in_span(self, start: int, end: int) -> list[str]:
        """Canonical names mentioned inside [start, end), first mention order, no repeats."""
        names: list[str] = []
        for m in self.mentions:
            if m.start >= start and m.end <= end and m.name not in names:
                names.append(m.name)
        return names

    def last_before(self, offset: int, floor: int = 0) -> Mention | None:
        """The nearest mention ending at or before ``offset`` and starting at or after ``floor``."""
        best = None
        for m in self.mentions:
            if floor <= m.start and m.end <= offset and (best is None or m.end > best.end):
                best = m
        return best
