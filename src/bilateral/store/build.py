"""Write a store from sources, passages and items: verified, deterministic, atomic.

Every citation is checked against its source text before anything is
written; one bad span refuses the whole build. Rows are written in a fixed
order with no timestamps, so the same input gives the same rows. The file is
built beside the target and moved over it only when complete.
"""

from __future__ import annotations

import dataclasses
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bilateral.core.model import KIND_FIELDS, KINDS, Item, Passage, Source
from bilateral.store import schema
from bilateral.store.errors import BuildError, StoreError
from bilateral.store.files import replacing
from bilateral.store.folding import fold, fold_long, unfoldable_words
from bilateral.store.schema import account_json

if TYPE_CHECKING:  # building needs sqlite-utils; an import or the window's start does not (~120 ms)
    import sqlite_utils

#: Fields holding person ids: shown in search by the person's name instead.
_ID_FIELDS = {"speaker", "participants"}
#: Bookkeeping fields that are not words of the item (ids, counts, offsets).
_UNSEARCHED = {"normalized", "disagrees_with", "variants", "source_count"}
#: Fields no derived column reads (``search_columns``): a change to them alone leaves those columns as
#: they are (a figure's sort value is its normalized one).
UNDERIVED = frozenset(_UNSEARCHED - {"normalized"})
#: What of each source's report is searchable: the words the source used, not its offsets or ids.
_REPORT_WORDS = ("as_written", "qualifier", "according_to", "title", "date_text")


@dataclass(frozen=True)
class BuildReport:
    path: Path
    sources: int
    passages: int
    counts: dict[str, int]  # items per kind
    citations: int


def verify(sources: Sequence[Source], passages: Sequence[Passage], items: Sequence[Item]) -> list[str]:
    """Every reason the data cannot be stored; empty when it is consistent."""
    problems: list[str] = []
    texts: dict[str, str] = {}
    for s in sources:
        if s.id in texts:
            problems.append(f"source {s.id!r} appears twice")
        if "\x00" in s.text:  # cited text is derived by SQLite's substr, which stops at a NUL
            problems.append(f"source {s.id!r} holds NUL characters")
        texts[s.id] = s.text
    for p in passages:
        text = texts.get(p.source)
        if text is None:
            problems.append(f"passage {p.index} of unknown source {p.source!r}")
        elif not (0 <= p.start <= p.end <= len(text)) or text[p.start:p.end] != p.text:
            problems.append(f"passage {p.index} of {p.source!r}: text differs from the source at {p.start}..{p.end}")
    persons = {i.id for i in items if i.kind == "person"}
    seen: set[str] = set()
    for item in items:
        tag = f"{item.kind} {item.id!r}"
        if item.id in seen:
            problems.append(f"{tag}: id appears twice")
        seen.add(item.id)
        if item.kind not in KINDS:
            problems.append(f"{tag}: unknown kind")
        if not item.label:
            problems.append(f"{tag}: no label")
        if not item.citations:
            problems.append(f"{tag}: no citation")
        for c in item.citations:
            text = texts.get(c.source)
            if text is None:
                problems.append(f"{tag}: citation to unknown source {c.source!r}")
            elif not (isinstance(c.start, int) and isinstance(c.end, int) and 0 <= c.start < c.end <= len(text)):
                problems.append(f"{tag}: citation span {c.start}..{c.end} outside {c.source!r} (length {len(text)})")
            elif text[c.start:c.end] != c.text:
                problems.append(f"{tag}: citation text {c.text[:40]!r} differs from {c.source!r} at {c.start}..{c.end}")
        for pid in _people_of(item):
            if pid not in persons:
                problems.append(f"{tag}: {pid!r} is not a person item")
    return problems


def _people_of(item: Item) -> list[str]:
    if item.kind == "quote":
        speaker = item.fields.get("speaker")
        return [speaker] if speaker else []
    if item.kind == "event":
        return list(item.fields.get("participants") or [])
    return []


def _words(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | tuple):
        return " ".join(_words(v) for v in value)
    if isinstance(value, dict):
        return " ".join(_words(v) for v in value.values())
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def field_words(item: Item, names: dict[str, str], extra: Sequence[str] = ()) -> str:
    """The item's fields as searchable words, person ids replaced by names, then ``extra`` (the words of
    accounts kept on its citations)."""
    parts = []
    for name, value in item.fields.items():
        if name in _ID_FIELDS:
            ids = value if isinstance(value, list) else [value]
            parts.extend(names[i] for i in ids if i in names)
        elif name == "reports":  # accounts not yet on their citations (ACCOUNTS)
            parts.extend(report_words(value or []))
        elif name not in _UNSEARCHED:
            parts.append(_words(value))
    parts.extend(extra)
    return " · ".join(dict.fromkeys(p for p in parts if p))  # speaker id and speaker_name give one name


def report_words(reports: Iterable[Any]) -> list[str]:
    """The searchable words of sources' accounts ("as_written", "according_to", …), each once, sorted (so
    they do not depend on the order the accounts arrived in: an import gives a build's rows)."""
    parts: list[str] = []
    for report in reports:
        if isinstance(report, dict):
            for key in _REPORT_WORDS:
                word = report.get(key)
                if word is not None:
                    parts.append(word if type(word) is str else _words(word))
    return sorted({p for p in parts if p})


def sort_number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def merge_columns(item: Item, merge_json: str | None = None) -> dict[str, Any]:
    """The merge state's indexed columns (see schema.py); an item without one merges by its id.
    ``merge_json``: its merge state as JSON already (as written here), when the caller has it."""
    merge = item.merge or {"key": item.id}
    return {
        "merge_key": f"{item.kind}|{merge['key']}",
        "base_key": f"event|{merge['base_key']}" if merge.get("base_key") is not None else None,
        "measure_key": merge.get("measure_key"),
        "merge": merge_json if merge_json is not None else json.dumps(merge, ensure_ascii=False, sort_keys=True),
    }


def person_names(items: Sequence[Item]) -> Iterable[dict[str, str]]:
    for item in items:
        if item.kind == "person":
            for folded in dict.fromkeys((item.merge or {}).get("names") or []):
                yield {"folded": folded, "person_id": item.id}


def search_columns(item: Item, names: dict[str, str], accounts: Sequence[str] = ()) -> dict[str, Any]:
    """The item's derived columns as a build and an import write them (one function for both): sort
    keys and its own searchable words (what it is cited from is found through passages), with
    ``accounts``, the words of the sources' accounts on its citations (``report_words``)."""
    field_text = field_words(item, names, accounts)
    extra = unfoldable_words(f"{item.label} {field_text}")  # usually "", and fast
    date = item.fields.get("date") if item.kind == "event" else None
    return {
        "sort_label": fold(item.label),
        "sort_value": sort_number(item.fields.get("normalized")) if item.kind == "statistic" else None,
        "date": date if isinstance(date, str) else None,
        "field_text": f"{field_text} {extra}".strip(),
        "folded": fold_long(f"{item.label} {field_text}"),
    }


def stored(item: Item) -> tuple[Item, dict[tuple[str, int, int], str], list[str]]:
    """An item as the store keeps it: its reports taken out of its fields onto its citations.
    Returns the item without them, each citation span's account, and the accounts' words (kept in
    the merge record, so the next article's put keeps them searchable without reading every account)."""
    reports = item.fields.get("reports")
    if not reports:
        return item, {}, []
    spans = {(c.source, c.start, c.end) for c in item.citations}
    accounts, placed, leftover = {}, [], []
    for r in reports:
        span = (r.get("source"), r.get("start"), r.get("end")) if isinstance(r, dict) else None
        if span in spans:
            accounts[span] = account_json(r)
            placed.append(r)
        else:  # not one of its citations (never made so): kept where it was, not lost
            leftover.append(r)
    fields = {k: v for k, v in item.fields.items() if k != "reports"}
    if leftover:
        fields["reports"] = leftover
    words = report_words(placed)
    merge = {**(item.merge or {"key": item.id})}
    if words:
        merge["report_words"] = words
    return dataclasses.replace(item, fields=fields, merge=merge), accounts, words


def _item_rows(items: Sequence[Item], accounts: dict[str, dict[tuple[str, int, int], str]]
               ) -> Iterable[dict[str, Any]]:
    names = {i.id: i.label for i in items if i.kind == "person"}
    for ordinal, whole in enumerate(items):
        item, accounts[whole.id], words = stored(whole)
        first = item.citations[0]
        yield {
            "id": item.id, "ordinal": ordinal, "kind": item.kind, "label": item.label,
            "fields": json.dumps(item.fields, ensure_ascii=False),
            "rule": item.rule, "confidence": float(item.confidence),
            "source_id": first.source, "start": first.start,
            **search_columns(item, names, words),
            **merge_columns(item),
        }


def _write(db: sqlite_utils.Database, sources: Sequence[Source], passages: Sequence[Passage],
           items: Sequence[Item]) -> None:
    schema.create(db)
    db["source"].insert_all(
        {
            "id": s.id, "ordinal": n, "file": s.file, "title": s.title, "publisher": s.publisher,
            "author": s.author, "published": s.published, "published_basis": s.published_basis,
            "url": s.url, "text": s.text,
            "basis": json.dumps(s.basis, ensure_ascii=False, sort_keys=True),
            "evidence": json.dumps(s.evidence, ensure_ascii=False, sort_keys=True),
            "origin": "bundled", "kind": "text", "hidden": 0,
        }
        for n, s in enumerate(sources)
    )
    order = {s.id: n for n, s in enumerate(sources)}
    ordered = sorted(passages, key=lambda p: (order[p.source], p.index))
    db["passage_span"].insert_all(
        {
            "id": n + 1, "source_id": p.source, "idx": p.index, "start": p.start, "end": p.end,
            "role": p.role, "reason": p.reason, "folded": unfoldable_words(p.text),
        }
        for n, p in enumerate(ordered)
    )
    accounts: dict[str, dict[tuple[str, int, int], str]] = {}
    db["item"].insert_all(_item_rows(items, accounts))
    db["citation"].insert_all(
        {
            "id": n + 1, "item_id": item_id, "ordinal": k, "source_id": c.source,
            "start": c.start, "end": c.end, "account": accounts[item_id].get((c.source, c.start, c.end)),
        }
        for n, (item_id, k, c) in enumerate(
            (item.id, k, c) for item in items for k, c in enumerate(item.citations)
        )
    )
    db["item_person"].insert_all(
        {"item_id": item.id, "person_id": pid, "role": "speaker" if item.kind == "quote" else "participant",
         "ordinal": k}
        for item in items
        for k, pid in enumerate(dict.fromkeys(_people_of(item)))
    )
    db["person_name"].insert_all(person_names(items))
    schema.enable_search(db)


def build(sources: Sequence[Source], passages: Sequence[Passage], items: Sequence[Item],
          target: Path) -> BuildReport:
    """Verify, then write a complete store to ``target`` (replaced atomically)."""
    problems = verify(sources, passages, items)
    if problems:
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        raise BuildError("refusing to build the store:\n  " + "\n  ".join(problems[:10]) + more)
    with replacing(Path(target)) as tmp:
        conn = sqlite3.connect(tmp)
        try:
            conn.execute("PRAGMA journal_mode = OFF")  # a scratch file: atomicity comes from the rename
            conn.execute("PRAGMA synchronous = OFF")
            conn.execute("PRAGMA foreign_keys = ON")
            import sqlite_utils

            db = sqlite_utils.Database(conn)
            with conn:
                _write(db, sources, passages, items)
            bad = conn.execute("PRAGMA foreign_key_check").fetchall()
            if bad:
                raise BuildError(f"refusing to build the store: broken references {bad[:5]}")
            conn.execute("PRAGMA journal_mode = DELETE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write {target}: {exc}") from exc
        finally:
            conn.close()
    counts = {kind: 0 for kind in KIND_FIELDS}
    for item in items:
        counts[item.kind] += 1
    return BuildReport(target, len(sources), len(passages), counts, sum(len(i.citations) for i in items))


def canonical_dump(path: Path) -> dict[str, Any]:
    """Schema and all rows of every non-FTS table, sorted: equal dumps mean equal stores."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        master = conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' "
            "ORDER BY type, name"
        ).fetchall()
        tables: dict[str, list[tuple[Any, ...]]] = {}
        fts = {name for _, name, _, sql in master if sql and "VIRTUAL TABLE" in sql.upper()}
        for kind, name, _, _ in master:
            if kind != "table" or name in fts or any(name.startswith(f + "_") for f in fts):
                continue
            rows = conn.execute(f'SELECT * FROM "{name}"').fetchall()
            tables[name] = sorted(rows, key=repr)
        return {"user_version": version, "schema": master, "tables": tables}
    finally:
        conn.close()
