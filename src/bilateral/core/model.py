"""Plain data types shared by every layer (no Qt, no sqlite).

Offsets are Python string indices (code points) into ``Source.text``; a
``Citation``'s text always equals ``source.text[start:end]``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

KINDS: tuple[str, ...] = ("person", "agreement", "statistic", "quote", "event")

#: Fields every item of a kind carries, in export order (DESIGN.md contract).
KIND_FIELDS: dict[str, tuple[str, ...]] = {
    "person": ("name", "aliases", "country", "roles"),
    "statistic": (
        "value", "scale", "unit", "normalized", "measure", "period",
        "qualifier", "according_to",
    ),
    "quote": ("speaker", "speaker_name", "text", "quote_kind"),
    "agreement": ("name", "agreement_kind", "year", "parties"),
    "event": ("date", "title", "participants"),
}

METADATA_FIELDS: tuple[str, ...] = ("title", "publisher", "author", "published", "url")


@dataclass(frozen=True, slots=True)
class Source:
    """One article, its verbatim text and what is known about it.

    ``basis`` maps a metadata field to "stated" or "inferred"; ``evidence``
    maps it to a short note saying where the value came from. A field whose
    value is None is unknown and has no basis.
    """

    id: str
    text: str
    file: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published: str | None = None  # "YYYY", "YYYY-MM" or "YYYY-MM-DD"
    url: str | None = None
    basis: dict[str, str] = field(default_factory=dict)
    evidence: dict[str, str] = field(default_factory=dict)

    @property
    def published_basis(self) -> str | None:
        return self.basis.get("published") if self.published else None


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph (one or more lines) of a source with its character span.

    ``role`` is "prose", "heading", "list_item" or "boilerplate"; only prose
    and list items feed extraction. ``reason`` says why a passage is
    boilerplate ("cookie banner", "repeated caption", ...).
    """

    source: str
    index: int
    start: int
    end: int
    text: str
    role: str = "prose"
    reason: str | None = None

    @property
    def extractable(self) -> bool:
        return self.role in ("prose", "list_item")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence inside one passage; may span a stray line break."""

    source: str
    passage: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True, order=True)
class Citation:
    source: str
    start: int
    end: int
    text: str

    @classmethod
    def of(cls, source: Source, start: int, end: int) -> Citation:
        if not 0 <= start < end <= len(source.text):
            raise ValueError(f"bad span {start}..{end} in {source.id}")
        return cls(source.id, start, end, source.text[start:end])


@dataclass(slots=True)
class Item:
    """A fact: person, agreement, statistic, quote or event.

    ``fields`` holds the kind fields named in ``KIND_FIELDS``; ``rule`` and
    ``confidence`` record how the extractor found it (the "why this item").
    """

    id: str
    kind: str
    label: str
    fields: dict[str, Any]
    citations: list[Citation]
    rule: str = ""
    confidence: float = 1.0
    #: What the merge knows of it (key, base key, date, measure key, identifying names): kept by the
    #: store so the next article merges by lookup; not part of the export.
    merge: dict[str, Any] | None = None

    def __post_init__(self) -> None:
        if self.kind not in KIND_FIELDS:
            raise ValueError(f"unknown kind {self.kind!r}")
