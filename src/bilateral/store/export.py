"""Export a library as the stable JSON contract (DESIGN.md) or as CSV files.

JSON: ``{"format": "bilateral-export/1", "sources": [...], "items": [...]}``
with each item's kind fields flattened into the item object. CSV: one file
per kind plus ``sources.csv`` and ``citations.csv`` in a folder.
Files are written beside their target and renamed into place, so a failed
export leaves nothing half-written.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from bilateral.core.model import KIND_FIELDS, KINDS, Item, Source
from bilateral.store.errors import StoreError
from bilateral.store.files import replacing
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


def export_document(library: Library) -> dict[str, Any]:
    origins = library.origins()
    return {
        "format": FORMAT,
        "sources": [source_record(s, origins.get(s.id)) for s in library.sources()],
        "items": [item_record(i) for i in library.items()],
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
    items = library.items()
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
    files["sources.csv"] = _csv_bytes(source_header, (source_record(s, origins.get(s.id)) for s in library.sources()))
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
    tables = csv_tables(library)  # everything read before anything is written
    created = not directory.exists()
    try:
        directory.mkdir(exist_ok=True)
    except OSError as exc:
        raise StoreError(f"cannot create {directory}: {exc.strerror}") from exc
    if not os.access(directory, os.W_OK):
        raise StoreError(f"cannot write CSV files into {directory}: permission denied")
    written = []
    try:
        for name, data in tables.items():
            with replacing(directory / name) as tmp:
                tmp.write_bytes(data)
            written.append(directory / name)
    except StoreError:
        if created:
            for path in written:
                path.unlink(missing_ok=True)
            with contextlib.suppress(OSError):
                directory.rmdir()
        raise
    return written
