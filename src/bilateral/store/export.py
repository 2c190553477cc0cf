"""Export a library as the stable JSON contract (DESIGN.md) or as CSV files.

JSON: ``{"format": "bilateral-export/1", "sources": [...], "items": [...]}``
with each item's kind fields flattened into the item object. CSV: one file
per kind plus ``sources.csv`` and ``citations.csv`` in a folder.
Files are written beside their target and renamed into place, so a failed
export leaves nothing half-written: the CSV tables are all written into a
temporary folder first and moved into the target folder only when every one
was written (a failure leaves the folder's old files as they were, never one
library's tables beside another's). Files get the umask's mode.

An export is refused when a citation does not match its source (offsets
outside the text, or other text there): the contract promises
``text == sources[id].text[start:end]``, so nothing is written instead.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
import shutil
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bilateral.core.model import KIND_FIELDS, KINDS, Item, Source
from bilateral.store.errors import StoreError
from bilateral.store.files import normal_mode, replacing
from bilateral.store.library import Library

FORMAT = "bilateral-export/1"
_RESERVED = ("id", "kind", "label", "citations")
CSV_FILES: dict[str, str] = {
    "person": "people.csv", "agreement": "agreements.csv", "statistic": "statistics.csv",
    "quote": "quotes.csv", "event": "events.csv",
}


def source_record(s: Source, origin: str | None = None) -> dict[str, Any]:
    return {
        "id": s.id, "file": s.file, "title": s.title, "publisher": s.publisher, "author": s.author,
        "published": s.published, "published_basis": s.published_basis, "url": s.url, "text": s.text,
        "basis": dict(s.basis), "evidence": dict(s.evidence), "origin": origin or "bundled",
    }


def item_record(item: Item) -> dict[str, Any]:
    record: dict[str, Any] = {
        "id": item.id, "kind": item.kind, "label": item.label,
        "citations": [{"source": c.source, "start": c.start, "end": c.end, "text": c.text} for c in item.citations],
    }
    for name in KIND_FIELDS[item.kind]:  # contract fields always present; unknown is null
        record[name] = item.fields.get(name)
    for name, value in item.fields.items():
        if name not in record and name not in _RESERVED:
            record[name] = value
    record.setdefault("rule", item.rule)
    record.setdefault("confidence", item.confidence)
    return record


#: How many mismatched citations an export's refusal names.
_SHOWN_PROBLEMS = 3


def citation_problems(sources: Iterable[Source], items: Iterable[Item]) -> list[str]:
    """Every citation whose offsets or text disagree with its source's text."""
    texts = {s.id: s.text for s in sources}
    problems = []
    for item in items:
        for c in item.citations:
            text = texts.get(c.source)
            if text is None:
                problems.append(f"{item.id} cites a source {c.source!r} the library does not have")
            elif not (isinstance(c.start, int) and isinstance(c.end, int) and 0 <= c.start < c.end <= len(text)):
                problems.append(f"{item.id} cites {c.start}..{c.end}, outside {c.source!r} (length {len(text)})")
            elif text[c.start:c.end] != c.text:
                problems.append(f"{item.id}'s citation text differs from {c.source!r} at {c.start}..{c.end}")
    return problems


def checked(library: Library) -> tuple[list[Source], list[Item]]:
    """The library's sources and items; StoreError (nothing to write) when a citation does not match."""
    sources, items = library.sources(), library.items()
    problems = citation_problems(sources, items)
    if problems:
        shown = "; ".join(problems[:_SHOWN_PROBLEMS]) + (f"; and {len(problems) - _SHOWN_PROBLEMS} more"
                                                         if len(problems) > _SHOWN_PROBLEMS else "")
        raise StoreError(f"not exported: {len(problems)} citation{'s' if len(problems) != 1 else ''} in "
                         f"{library.path} no longer match their source text ({shown}); nothing was written")
    return sources, items


def export_document(library: Library) -> dict[str, Any]:
    origins = library.origins()
    sources, items = checked(library)
    return {
        "format": FORMAT,
        "sources": [source_record(s, origins.get(s.id)) for s in sources],
        "items": [item_record(i) for i in items],
    }


def to_json(library: Library) -> str:
    return json.dumps(export_document(library), ensure_ascii=False, indent=2) + "\n"


def write_json(library: Library, target: Path) -> None:
    with replacing(Path(target)) as tmp:
        tmp.write_bytes(to_json(library).encode("utf-8"))


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return value


def _csv_bytes(header: list[str], rows: Iterable[dict[str, Any]]) -> bytes:
    buffer = io.StringIO(newline="")
    writer = csv.DictWriter(buffer, fieldnames=header, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: _cell(v) for k, v in row.items()})
    return buffer.getvalue().encode("utf-8")


def csv_tables(library: Library) -> dict[str, bytes]:
    """File name -> CSV bytes: one table per kind, plus sources and citations."""
    sources, items = checked(library)
    files: dict[str, bytes] = {}
    for kind in KINDS:
        of_kind = [i for i in items if i.kind == kind]
        extra = sorted({n for i in of_kind for n in i.fields if n not in KIND_FIELDS[kind] and n not in _RESERVED})
        header = ["id", "label", *KIND_FIELDS[kind], *extra, "rule", "confidence",
                  "source", "start", "end", "citation_text", "citations"]
        rows = (
            {**i.fields, "id": i.id, "label": i.label, "rule": i.rule, "confidence": i.confidence,
             "source": i.citations[0].source, "start": i.citations[0].start, "end": i.citations[0].end,
             "citation_text": i.citations[0].text, "citations": len(i.citations)}
            for i in of_kind
        )
        files[CSV_FILES[kind]] = _csv_bytes(header, rows)
    source_header = ["id", "origin", "file", "title", "publisher", "author", "published", "published_basis", "url",
                     "text"]
    origins = library.origins()
    files["sources.csv"] = _csv_bytes(source_header, (source_record(s, origins.get(s.id)) for s in sources))
    files["citations.csv"] = _csv_bytes(
        ["item_id", "kind", "ordinal", "source", "start", "end", "text"],
        (
            {"item_id": i.id, "kind": i.kind, "ordinal": n, "source": c.source, "start": c.start,
             "end": c.end, "text": c.text}
            for i in items
            for n, c in enumerate(i.citations)
        ),
    )
    return files


def write_csv(library: Library, directory: Path) -> list[Path]:
    """Write every CSV table into ``directory`` (created if its parent exists)."""
    directory = Path(directory)
    if directory.exists() and not directory.is_dir():
        raise StoreError(f"cannot write CSV files into {directory}: it is a file, not a folder")
    if not directory.parent.is_dir():
        raise StoreError(f"cannot write CSV files into {directory}: folder {directory.parent} does not exist")
    if directory.is_dir() and not os.access(directory, os.W_OK):
        raise StoreError(f"cannot write CSV files into {directory}: permission denied")
    tables = csv_tables(library)  # everything read before anything is written
    try:
        staging = Path(tempfile.mkdtemp(prefix=f".{directory.name}.", suffix=".tmp", dir=directory.parent))
    except OSError as exc:
        raise StoreError(f"cannot write CSV files into {directory}: {exc.strerror or exc}") from exc
    try:
        for name, data in tables.items():
            (staging / name).write_bytes(data)
        if directory.is_dir():
            _move_in(staging, directory, list(tables))
        else:  # a new folder: renaming the finished one into place is atomic
            os.chmod(staging, normal_mode(directory=True))
            os.replace(staging, directory)
    except OSError as exc:
        raise StoreError(f"cannot write CSV files into {directory}: {exc.strerror or exc}; "
                         "nothing there was changed") from exc
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return [directory / name for name in tables]


def _move_in(staging: Path, directory: Path, names: list[str]) -> None:
    """Replace ``names`` in ``directory`` by the staged files: all of them, or (on an error) none."""
    backup = staging / ".previous"
    backup.mkdir()
    old: list[str] = []
    new: list[str] = []
    try:
        for name in names:
            if os.path.lexists(directory / name):
                os.replace(directory / name, backup / name)
                old.append(name)
        for name in names:
            os.replace(staging / name, directory / name)
            new.append(name)
    except OSError:
        for name in new:
            with contextlib.suppress(OSError):
                os.replace(directory / name, staging / name)
        for name in old:
            with contextlib.suppress(OSError):
                os.replace(backup / name, directory / name)
        raise
