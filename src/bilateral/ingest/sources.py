"""Read source files and their metadata records.

A source is a UTF-8 text file read verbatim (newlines untouched). Its
metadata sits beside it in ``<stem>.json``::

    {"title": {"value": "…", "basis": "stated", "evidence": "first line"},
     "published": {"value": "2025-04-15", "basis": "inferred",
                   "evidence": "dateline 'Apr 15, 2025'"},
     "author": {"value": null, "basis": null, "evidence": "no byline"}, …}

Fields are those of ``METADATA_FIELDS``; a missing record means unknown.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from bilateral.core.model import METADATA_FIELDS, Source

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class SourceError(ValueError):
    """A source file or metadata record that cannot be read; the message says why."""


def read_text(path: Path) -> str:
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from exc


def read_metadata(path: Path) -> dict[str, dict[str, str | None]]:
    if not path.exists():
        return {}
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise SourceError(f"{path.name}: metadata is not valid JSON ({exc})") from exc
    if not isinstance(record, dict):
        raise SourceError(f"{path.name}: metadata must be a JSON object")
    fields: dict[str, dict[str, str | None]] = {}
    for name in METADATA_FIELDS:
        entry = record.get(name) or {}
        value, basis = entry.get("value"), entry.get("basis")
        if value is not None and basis not in ("stated", "inferred"):
            raise SourceError(f"{path.name}: {name} needs basis 'stated' or 'inferred'")
        if name == "published" and value is not None and not _DATE.match(value):
            raise SourceError(f"{path.name}: published {value!r} is not YYYY[-MM[-DD]]")
        fields[name] = {"value": value, "basis": basis if value is not None else None,
                        "evidence": entry.get("evidence")}
    return fields


def load_source(path: Path, source_id: str | None = None) -> Source:
    text = read_text(path)
    meta = read_metadata(path.with_suffix(".json"))
    values = {name: (meta.get(name) or {}).get("value") for name in METADATA_FIELDS}
    basis = {n: m["basis"] for n, m in meta.items() if m.get("basis")}
    evidence = {n: m["evidence"] for n, m in meta.items() if m.get("evidence")}
    return Source(id=source_id or path.stem, text=text, file=path.name,
                  basis=basis, evidence=evidence, **values)


def load_corpus(directory: Path) -> list[Source]:
    """Every ``*.txt`` in a directory, sorted by file name (deterministic builds)."""
    return [load_source(p) for p in sorted(directory.glob("*.txt"))]
