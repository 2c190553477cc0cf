"""Sources in, items out: run every extractor and merge what they find.

One fact is one item, whoever reports it. Findings merge by a key that says
what the fact is, never where it was read:

- people, quotes and agreements: the extractor's key (normalised name,
  speaker + words, normalised agreement name + parties);
- statistics: measure + period + unit + normalised value (a qualifier
  "over" / "more than" does not make another figure);
- events: kind family + who/what (participants in any order), with dates
  that are compatible ("2023", "2023-12", "2023-12-12" are one visit, dated
  by the most precise).

Merging is a dict lookup per finding (a citation set per item), so the cost
of one more article does not grow with the library. Ids come from the
normalised key, so they do not depend on the order articles arrive in.

Each statistic and event keeps every source's own account in ``reports``
(figure as written, qualifier, according_to, date); statistics with the same
measure, period and unit but values that differ beyond rounding stay separate
and name each other in ``disagrees_with`` (with their figures in ``variants``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from bilateral.core.ids import item_id, person_id
from bilateral.core.model import KINDS, Citation, Item, Passage, Source
from bilateral.ingest.agreements import extract_agreements
from bilateral.ingest.events import extract_events
from bilateral.ingest.findings import Finding
from bilateral.ingest.people import extract_people
from bilateral.ingest.quotes import extract_quotes
from bilateral.ingest.statistics import extract_statistics, measure_key
from bilateral.ingest.text import Document

#: Relative difference two figures of one measure may have and still be one figure rounded two ways.
ROUNDING = 0.01


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
        for report in fields.get("reports") or []:
            ids = [person_id(n) for n in report.get("participants") or []]
            report["participants"] = [i for i in dict.fromkeys(ids) if i in persons]


def _report(kind: str, source: Source, f: Finding) -> dict[str, Any] | None:
    """One source's own account of a statistic or an event, for side-by-side display."""
    start, end = min(f.spans)
    base: dict[str, Any] = {"source": source.id, "start": start, "end": end}
    if kind == "statistic":
        keep = ("value", "scale", "qualifier", "according_to", "display", "as_written")
        return {**base, **{k: f.fields.get(k) for k in keep}, "date": source.published}
    if kind == "event":
        keep = ("date", "end_date", "date_text", "event_kind", "status", "title", "participants")
        return {**base, **{k: f.fields.get(k) for k in keep if k in f.fields}}
    return None


@dataclass
class _Entry:
    """An item being merged: its citations as a list and as a set (membership is a lookup)."""

    item: Item
    cited: set[tuple[str, int, int]] = field(default_factory=set)
    reports: list[dict[str, Any]] = field(default_factory=list)
    date: str | None = None  # events: the most precise date seen

    def cite(self, cites: Sequence[Citation]) -> None:
        for c in cites:
            span = (c.source, c.start, c.end)
            if span not in self.cited:
                self.cited.add(span)
                self.item.citations.append(c)


def _event_clusters(dates: Sequence[str]) -> dict[str, str]:
    """Each date -> the date of the event it belongs to (its most precise compatible date).

    Most precise first: a vaguer date joins the one sharper date it is a prefix
    of; a vague date fitting two different sharper ones ("2023" beside
    "2023-04" and "2023-12") is left on its own.
    """
    heads: list[str] = []
    out: dict[str, str] = {}
    for d in sorted(set(dates), key=lambda d: (-len(d), d)):
        fits = {out[h] for h in heads if h.startswith(d)}
        out[d] = fits.pop() if len(fits) == 1 else d
        heads.append(d)
    return out


def build_items(findings: Sequence[tuple[Source, Finding]]) -> list[Item]:
    """Merge findings into items with citations, in a stable order (see the module doc)."""
    # events: dates compatible within one key are one event; bucket by key first (a lookup)
    event_dates: dict[str, list[str]] = {}
    for _, f in findings:
        if f.kind == "event" and f.date:
            event_dates.setdefault(f.key, []).append(f.date)
    clusters = {key: _event_clusters(dates) for key, dates in event_dates.items()}

    merged: dict[tuple[str, str], _Entry] = {}
    for source, f in findings:
        cites = [Citation.of(source, s, e) for s, e in f.spans]
        key = f.key
        if f.kind == "event" and f.date:
            key = f"{key}|{clusters[f.key][f.date]}"
        entry = merged.get((f.kind, key))
        report = _report(f.kind, source, f)
        if entry is None:
            ident = person_id(f.key) if f.kind == "person" else item_id(f.kind, key)
            entry = _Entry(Item(ident, f.kind, f.label, dict(f.fields), [], f.rule, f.confidence), date=f.date)
            merged[(f.kind, key)] = entry
        else:
            item = entry.item
            if f.kind == "event" and f.date and len(f.date) > len(entry.date or ""):
                # the sharper account gives the date, kind and title; the vaguer one only fills gaps
                fields = dict(f.fields)
                _merge_fields(fields, item.fields)
                item.fields, item.label, entry.date = fields, f.label, f.date
                item.rule = f.rule
            else:
                _merge_fields(item.fields, f.fields)
            item.confidence = max(item.confidence, f.confidence)
        entry.cite(cites)
        if report is not None:
            entry.reports.append(report)
    items = [e.item for e in merged.values()]
    for entry in merged.values():
        if entry.reports:
            entry.item.fields["reports"] = sorted(entry.reports, key=lambda r: (r["source"], r["start"], r["end"]))
            entry.item.fields["source_count"] = len({r["source"] for r in entry.reports})
    _flag_disagreements(items)
    persons = {i.id for i in items if i.kind == "person"}
    for item in items:
        _resolve_people(item, persons)
        item.citations.sort()
    items.sort(key=lambda i: (KINDS.index(i.kind), i.citations[0], i.id))
    return items


def _agree(a: float, b: float) -> bool:
    return abs(a - b) <= ROUNDING * max(abs(a), abs(b))


def _flag_disagreements(items: Sequence[Item]) -> None:
    """Statistics of one measure, period and unit whose values differ beyond rounding name each other."""
    groups: dict[str, list[Item]] = {}
    for item in items:
        if item.kind == "statistic" and (key := measure_key(item.fields)):
            groups.setdefault(key, []).append(item)
    for group in groups.values():
        if len(group) < 2:
            continue
        for item in group:
            value = float(item.fields["normalized"])
            others = sorted((o for o in group if o is not item and not _agree(value, float(o.fields["normalized"]))),
                            key=lambda o: o.id)
            if others:
                item.fields["disagrees_with"] = [o.id for o in others]
                # what the other sources say, so the disagreement can be shown without another lookup
                item.fields["variants"] = [
                    {"id": o.id, "display": o.fields.get("display"), "qualifier": o.fields.get("qualifier"),
                     "according_to": o.fields.get("according_to"),
                     "sources": sorted({c.source for c in o.citations})} for o in others]


def extract(sources: Sequence[Source]) -> tuple[list[Passage], list[Item]]:
    """Passages of every source and the items found in them."""
    passages: list[Passage] = []
    findings: list[tuple[Source, Finding]] = []
    for source in sources:
        doc = Document(source)
        passages.extend(doc.passages)
        findings.extend((source, f) for f in extract_document(doc))
    return passages, build_items(findings)
