"""What a merge knows of an item, and where merged items live — shared by ingest (which merges)
and store (which keeps them), so neither imports the other."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bilateral.core.folding import fold
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
    def cites_source(self, state: State, source_id: str) -> bool: ...
    def put(self, state: State, citations: Sequence[Citation]) -> None: ...


def fold_name(name: str) -> str:
    """"Tô  Lâm" and "to lam" are one name; CJK stays as written."""
    return " ".join(fold(name).split())


def identity_keys(names: Iterable[str]) -> list[str]:
    """The folded forms the person lookup indexes."""
    return list(dict.fromkeys(fold_name(n) for n in names if n))


#: Relative difference two figures of one measure may have and still be one figure rounded two ways.
ROUNDING = 0.01


def agree(a: float, b: float) -> bool:
    return abs(a - b) <= ROUNDING * max(abs(a), abs(b))


def reflag(group: Sequence[State]) -> list[State]:
    """Statistics of one measure, period and unit whose values differ beyond rounding name each other
    (``disagrees_with``, and the other figures in ``variants``: what each says, not who says it, so a
    figure's row changes when another figure appears, not with every article that repeats one; a
    reader finds their sources through their citations); returns the states that changed.
    The merge calls it after an article, the writer after a removal."""
    changed = []
    for state in group:
        value = float(state.fields["normalized"])
        others = sorted((o for o in group if o.id != state.id and not agree(value, float(o.fields["normalized"]))),
                        key=lambda o: o.id)
        before = (state.fields.get("disagrees_with"), state.fields.get("variants"))
        if others:
            state.fields["disagrees_with"] = [o.id for o in others]
            state.fields["variants"] = [
                {"id": o.id, "display": o.fields.get("display"), "qualifier": o.fields.get("qualifier"),
                 "according_to": o.fields.get("according_to")}
                for o in others]
        else:
            state.fields.pop("disagrees_with", None)
            state.fields.pop("variants", None)
        if before != (state.fields.get("disagrees_with"), state.fields.get("variants")):
            changed.append(state)
    return changed
