"""What a merge knows of an item, and where merged items live — shared by ingest (which merges)
and store (which keeps them), so neither imports the other."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bilateral.core.model import Citation


@dataclass
class State:
    """An item as the merge sees it: everything but its citations (a leader may have thousands)."""

    id: str
    kind: str
    key: str
    label: str
    fields: dict[str, Any]
    rule: str
    confidence: float
    date: str | None = None  # events: the most precise date seen
    base_key: str | None = None  # events: the key without the date
    #: the merge state as the store keeps it (ingest.merge.merge_record), set before every put
    record: dict[str, Any] = field(default_factory=dict)


class Items(Protocol):
    """Where merged items are kept; every method is a lookup by key."""

    def get(self, kind: str, key: str) -> State | None: ...
    def events(self, base_key: str) -> list[State]: ...
    def person_key(self, names: Iterable[str]) -> str | None: ...
    def has_person(self, pid: str) -> bool: ...
    def measure_group(self, key: str) -> list[State]: ...
    def sources_of(self, state: State) -> list[str]: ...
    def put(self, state: State, citations: Sequence[Citation]) -> None: ...


def fold_name(name: str) -> str:
    """"Tô  Lâm" and "to lam" are one name; CJK stays as written."""
    decomposed = unicodedata.normalize("NFKD", name.replace("đ", "d").replace("Đ", "D"))
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).casefold().split())


def identity_keys(names: Iterable[str]) -> list[str]:
    """The folded forms the person lookup indexes."""
    return list(dict.fromkeys(fold_name(n) for n in names if n))
