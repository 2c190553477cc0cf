"""Sources in, items out: run every extractor and merge what they find."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from bilateral.core.ids import item_id, person_id
from bilateral.core.model import KINDS, Citation, Item, Passage, Source
from bilateral.ingest.agreements import extract_agreements
from bilateral.ingest.events import extract_events
from bilateral.ingest.findings import Finding
from bilateral.ingest.people import extract_people
from bilateral.ingest.quotes import extract_quotes
from bilateral.ingest.statistics import extract_statistics
from bilateral.ingest.text import Document


def extract_document(doc: Document) -> list[Finding]:
    people_findings, people = extract_people(doc)
    return [
        *people_findings,
        *extract_statistics(doc),
        *extract_quotes(doc, people),
        *extract_agreements(doc, people),
        *extract_events(doc, people),
    ]


def _merge_fields(kept: dict[str, Any], new: dict[str, Any]) -> None:
    for name, value in new.items():
        old = kept.get(name)
        if isinstance(old, list) and isinstance(value, list):
            kept[name] = old + [v for v in value if v not in old]
        elif old in (None, "", []) and value not in (None, "", []):
            kept[name] = value


def _resolve_people(item: Item, persons: set[str]) -> None:
    fields = item.fields
    if item.kind == "quote":
        name = fields.get("speaker")
        pid = person_id(name) if name else None
        fields["speaker"] = pid if pid in persons else None
    elif item.kind == "event":
        ids = [person_id(n) for n in fields.get("participants") or []]
        fields["participants"] = [i for i in dict.fromkeys(ids) if i in persons]


def build_items(findings: Sequence[tuple[Source, Finding]]) -> list[Item]:
    """Merge findings by (kind, key) into items with citations, in a stable order."""
    merged: dict[tuple[str, str], Item] = {}
    for source, f in findings:
        cites = [Citation.of(source, s, e) for s, e in f.spans]
        key = (f.kind, f.key)
        if key in merged:
            item = merged[key]
            item.citations.extend(c for c in cites if c not in item.citations)
            _merge_fields(item.fields, f.fields)
            item.confidence = max(item.confidence, f.confidence)
            continue
        ident = person_id(f.key) if f.kind == "person" else item_id(f.kind, f.key)
        merged[key] = Item(ident, f.kind, f.label, dict(f.fields), cites, f.rule, f.confidence)
    items = list(merged.values())
    persons = {i.id for i in items if i.kind == "person"}
    for item in items:
        _resolve_people(item, persons)
        item.citations.sort()
    items.sort(key=lambda i: (KINDS.index(i.kind), i.citations[0], i.id))
    return items


def extract(sources: Sequence[Source]) -> tuple[list[Passage], list[Item]]:
    """Passages of every source and the items found in them."""
    passages: list[Passage] = []
    findings: list[tuple[Source, Finding]] = []
    for source in sources:
        doc = Document(source)
        passages.extend(doc.passages)
        findings.extend((source, f) for f in extract_document(doc))
    return passages, build_items(findings)
