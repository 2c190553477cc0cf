"""One article's findings join what the library already knows — by lookups, never scans.

The same code merges the bundled corpus at build time and each article a
user imports, one article at a time, in arrival order: so importing fifty
articles one by one gives exactly the items of importing them in one call,
and building the corpus is importing it.

What is one fact (the merge key):

- people, quotes and agreements: the extractor's key (normalised name,
  speaker + words, normalised agreement name + parties); a person the
  library knows under another key is found by full name or native spelling
  ("Lee Min-jun", "이민준"), never by a short form that two people share;
- statistics: measure + period + unit + normalised value (a qualifier
  "over" / "more than" does not make another figure);
- events: kind family + who/what (participants in any order), with
  compatible dates ("2023", "2023-12", "2023-12-12" are one visit): a new
  account joins the one event whose date it fits and sharpens its date; the
  event's id names its year (not its date, which sharpens), so ids never move.

Each statistic and event keeps every source's own account in ``reports``
(figure as written, qualifier, according_to, date); statistics of one
measure, period and unit whose values differ beyond rounding stay separate
and name each other in ``disagrees_with`` (their figures in ``variants``). A
store keeps each account on the citation it is read from (store/writer.py),
so one more report writes one more citation, not the fact's whole history.

Where the items live is the ``Items`` protocol: ``MemoryItems`` for a build,
the user library's tables for an import (store/writer.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from bilateral.core.ids import item_id, person_id
from bilateral.core.merging import Items, State, identity_keys, reflag
from bilateral.core.model import KINDS, Citation, Item, Source
from bilateral.ingest.findings import Finding
from bilateral.ingest.statistics import measure_key

#: the fields that write one figure: they come together from one account, never one filled from another's
#: ("200,000 square metres" and "two hundred thousand square metres": not value 200,000 with scale thousand)
_ONE_FIGURE = frozenset(("value", "scale", "as_written", "display"))


def _merge_fields(kept: dict[str, Any], new: dict[str, Any]) -> None:
    figure_kept = kept.get("value") is not None
    for name, value in new.items():
        if figure_kept and name in _ONE_FIGURE:
            continue
        old = kept.get(name)
        if isinstance(old, list) and isinstance(value, list):
            kept[name] = old + [v for v in value if v not in old]
        elif old in (None, "", []) and value not in (None, "", []):
            kept[name] = value


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


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def _identity_names(f: Finding) -> list[str]:
    """Names that identify one person across articles: the full name and native spelling
    (several words or non-Latin script), never a one-word short form."""
    names = [f.fields.get("name") or f.key, f.fields.get("native"), *(f.fields.get("aliases") or [])]
    out = []
    for name in names:
        if isinstance(name, str) and name.strip() and (len(name.split()) > 1 or not name.isascii()):
            out.append(name)
    return list(dict.fromkeys(out))


class Merger:
    """Adds one article's findings to ``items``; returns nothing, writes through ``put``."""

    def __init__(self, items: Items) -> None:
        self.items = items

    def add(self, source: Source, findings: Sequence[Finding]) -> None:
        renames = self._people(source, [f for f in findings if f.kind == "person"])
        touched_measures: set[str] = set()
        for f in findings:
            if f.kind == "person":
                continue
            self._rename(f, renames)
            state = self._event(source, f) if f.kind == "event" else self._keyed(f)
            report = _report(f.kind, source, f)
            if report is not None:
                self._add_report(state, report)
            self._resolve_people(state)
            self._put(state, [Citation.of(source, s, e) for s, e in f.spans])
            if f.kind == "statistic" and (mkey := measure_key(state.fields)):
                touched_measures.add(mkey)
        for mkey in sorted(touched_measures):
            self._flag_disagreements(mkey)

    # -- people ------------------------------------------------------------------
    def _people(self, source: Source, findings: Sequence[Finding]) -> dict[str, str]:
        """Merge people; return {name in this article: canonical name in the library}."""
        renames: dict[str, str] = {}
        for f in findings:
            key = f.key
            if self.items.get("person", key) is None:
                known = self.items.person_key(_identity_names(f))
                if known is not None and known != key:
                    renames[key] = known
                    key = known
            state = self.items.get("person", key)
            if state is None:
                state = State(person_id(key), "person", key, f.label, dict(f.fields), f.rule, f.confidence)
            else:
                fields = dict(f.fields)
                fields["name"] = state.fields.get("name", key)
                _merge_fields(state.fields, fields)
                state.confidence = max(state.confidence, f.confidence)
            self._put(state, [Citation.of(source, s, e) for s, e in f.spans])
        return renames

    def _put(self, state: State, citations: Sequence[Citation]) -> None:
        state.record = merge_record(state)
        self.items.put(state, citations)

    @staticmethod
    def _rename(f: Finding, renames: dict[str, str]) -> None:
        if not renames:
            return
        fields = f.fields
        if f.kind == "quote" and fields.get("speaker") in renames:
            fields["speaker"] = renames[fields["speaker"]]
        if f.kind == "event" and fields.get("participants"):
            fields["participants"] = [renames.get(n, n) for n in fields["participants"]]

    def _resolve_people(self, state: State) -> None:
        fields = state.fields
        if state.kind == "quote":
            name = fields.get("speaker")
            if name and not str(name).startswith("person:"):
                pid = person_id(name)
                fields["speaker"] = pid if self.items.has_person(pid) else None
        elif state.kind == "event":
            fields["participants"] = self._person_ids(fields.get("participants"))
            for report in fields.get("reports") or []:
                report["participants"] = self._person_ids(report.get("participants"))

    def _person_ids(self, names: Any) -> list[str]:
        ids = [n if str(n).startswith("person:") else person_id(n) for n in names or []]
        return [i for i in dict.fromkeys(ids) if self.items.has_person(i)]

    # -- other kinds -----------------------------------------------------------------
    def _keyed(self, f: Finding) -> State:
        state = self.items.get(f.kind, f.key)
        if state is None:
            return State(item_id(f.kind, f.key), f.kind, f.key, f.label, dict(f.fields), f.rule, f.confidence)
        _merge_fields(state.fields, f.fields)
        state.confidence = max(state.confidence, f.confidence)
        return state

    def _event(self, source: Source, f: Finding) -> State:
        if not f.date:
            return self._keyed(f)
        fits = [e for e in self.items.events(f.key) if e.date and _compatible(e.date, f.date)]
        if len(fits) != 1:
            # new, or fitting two different events ("2023" beside "2023-04" and "2023-12"): its own event
            same = next((e for e in fits if e.date == f.date), None)
            if same is not None:
                fits = [same]
            else:
                # The id names the year only, so "2023-12" and "2023-12-12" get one id whichever
                # arrives first; a second event of the same year is told apart by its full date.
                key = f"{f.key}|{f.date[:4]}"
                if self.items.get("event", key) is not None:
                    key = f"{f.key}|{f.date}"
                n = 2
                while self.items.get("event", key) is not None:
                    # "2023" fitting two events of 2023: its own event, under a key no event has yet (the
                    # full date is the year itself here, the first event's key: a new event must not reuse it)
                    key, n = f"{f.key}|{f.date}|{n}", n + 1
                return State(item_id("event", key), "event", key, f.label, dict(f.fields), f.rule, f.confidence,
                             date=f.date, base_key=f.key)
        state = fits[0]
        if len(f.date) > len(state.date or ""):
            # the sharper account gives the date, kind and title; the vaguer one only fills gaps
            fields = dict(f.fields)
            _merge_fields(fields, state.fields)
            fields["date"] = f.fields.get("date", f.date)
            state.fields, state.label, state.date, state.rule = fields, f.label, f.date, f.rule
        else:
            _merge_fields(state.fields, f.fields)
        state.confidence = max(state.confidence, f.confidence)
        return state

    def _add_report(self, state: State, report: dict[str, Any]) -> None:
        """A source's account joins ``fields["reports"]`` (a store takes them from there onto their
        citations at the put, so a state read from it holds only the accounts not yet written), and
        ``source_count`` counts the sources the fact has an account from."""
        reports = [r for r in state.fields.get("reports") or []
                   if (r["source"], r["start"], r["end"]) != (report["source"], report["start"], report["end"])]
        new_source = (all(r["source"] != report["source"] for r in reports)
                      and not self.items.cites_source(state, report["source"]))
        reports.append(report)
        reports.sort(key=lambda r: (r["source"], r["start"], r["end"]))
        state.fields["reports"] = reports
        if new_source:
            state.fields["source_count"] = int(state.fields.get("source_count") or 0) + 1

    def _flag_disagreements(self, mkey: str) -> None:
        for state in reflag(self.items.measure_group(mkey)):
            self._put(state, [])


@dataclass
class _Kept:
    state: State
    citations: list[Citation] = field(default_factory=list)
    cited: set[tuple[str, int, int]] = field(default_factory=set)
    sources: set[str] = field(default_factory=set)


class MemoryItems:
    """``Items`` in dicts: a build keeps everything in memory, then writes it once."""

    def __init__(self) -> None:
        self._by_key: dict[tuple[str, str], _Kept] = {}
        self._events: dict[str, list[_Kept]] = {}
        self._people: dict[str, str] = {}  # folded identity name -> person key
        self._measures: dict[str, dict[str, _Kept]] = {}
        self._person_ids: set[str] = set()

    def get(self, kind: str, key: str) -> State | None:
        kept = self._by_key.get((kind, key))
        return kept.state if kept else None

    def events(self, base_key: str) -> list[State]:
        return [k.state for k in self._events.get(base_key, [])]

    def person_key(self, names: Iterable[str]) -> str | None:
        for folded in identity_keys(names):
            if folded in self._people:
                return self._people[folded]
        return None

    def has_person(self, pid: str) -> bool:
        return pid in self._person_ids

    def measure_group(self, key: str) -> list[State]:
        return [k.state for k in self._measures.get(key, {}).values()]

    def cites_source(self, state: State, source_id: str) -> bool:
        kept = self._by_key.get((state.kind, state.key))
        return kept is not None and source_id in kept.sources

    def put(self, state: State, citations: Sequence[Citation]) -> None:
        kept = self._by_key.get((state.kind, state.key))
        if kept is None:
            kept = _Kept(state)
            self._by_key[(state.kind, state.key)] = kept
            if state.base_key is not None:
                self._events.setdefault(state.base_key, []).append(kept)
            if state.kind == "person":
                self._person_ids.add(state.id)
                for folded in identity_keys([state.fields.get("name") or state.key,
                                             *(_long_names(state.fields))]):
                    self._people.setdefault(folded, state.key)
        elif state.kind == "person":
            for folded in identity_keys(_long_names(state.fields)):
                self._people.setdefault(folded, state.key)
        if state.kind == "statistic" and (mkey := measure_key(state.fields)):
            self._measures.setdefault(mkey, {})[state.id] = kept
        for c in sorted(citations):  # arrival order; one article's by position (as the library does)
            span = (c.source, c.start, c.end)
            if span not in kept.cited:
                kept.cited.add(span)
                kept.sources.add(c.source)
                kept.citations.append(c)

    def items(self) -> list[Item]:
        out = []
        for kept in self._by_key.values():
            s = kept.state
            out.append(Item(s.id, s.kind, s.label, s.fields, list(kept.citations), s.rule, s.confidence,
                            merge=merge_record(s)))
        out.sort(key=lambda i: (KINDS.index(i.kind), i.citations[0], i.id))
        return out


def merge_record(state: State) -> dict[str, Any]:
    """What the store keeps of the merge state, so the next article merges by lookup."""
    record: dict[str, Any] = {"key": state.key}
    if state.base_key is not None:
        record["base_key"] = state.base_key
    if state.date is not None:
        record["date"] = state.date
    if state.kind == "statistic" and (mkey := measure_key(state.fields)):
        record["measure_key"] = mkey
    if state.kind == "person":
        record["names"] = identity_keys([state.fields.get("name") or state.key, *_long_names(state.fields)])
    if state.record.get("report_words"):  # the store's, kept (the searchable words of accounts it holds)
        record["report_words"] = state.record["report_words"]
    return record


def _long_names(fields: dict[str, Any]) -> list[str]:
    names = [fields.get("name"), fields.get("native"), *(fields.get("aliases") or [])]
    return [n for n in names if isinstance(n, str) and (len(n.split()) > 1 or not n.isascii())]


def merge_all(articles: Iterable[tuple[Source, Sequence[Finding]]]) -> list[Item]:
    """A build: every article merged in order into memory."""
    items = MemoryItems()
    merger = Merger(items)
    for source, findings in articles:
        merger.add(source, findings)
    return items.items()
