"""Read source files and their metadata records.

A source is a UTF-8 text file read verbatim (newlines untouched). Its
metadata sits beside it in ``<stem>.json``::

    {"title": {"value": "…", "basis": "stated", "evidence": "first line"},
     "published": {"value": "2025-04-15", "basis": "inferred",
                   "evidence": "dateline 'Apr 15, 2025'"},
     "author": {"value": null, "basis": null, "evidence": "no byline"}, …}

Fields are those of ``METADATA_FIELDS``; a missing record means unknown.
A record that is not of this shape (a field given as a plain string, a
number, a date that is no real date, a folder, invalid UTF-8, JSON nested
too deep to read) is refused with one line saying which file and why.

Only regular files are read: a FIFO, a device or a dangling link named
``*.txt`` is refused before it is opened (opening a FIFO waits for a writer).
A source that reads as no text at all (empty, or only line breaks) is loaded
with a warning, as is one that gives no paragraphs; see ``load_corpus``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import stat
import sys
from collections.abc import Callable
from pathlib import Path

from bilateral.core.model import METADATA_FIELDS, Source

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_JSON_TYPES = {dict: "an object", list: "a list", str: "a string", int: "a number", float: "a number",
               bool: "true/false", type(None): "null"}


class SourceError(ValueError):
    """A source file or metadata record that cannot be read; the message says why."""


def valid_date(value: str) -> bool:
    """Whether ``value`` is YYYY, YYYY-MM or YYYY-MM-DD naming a real year, month and day."""
    m = _DATE.match(value)
    if m is None:
        return False
    year, month, day = (int(g) if g is not None else 1 for g in m.groups())
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _json_type(value: object) -> str:
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _regular_file(path: Path, what: str) -> bool:
    """True for a regular file, False when nothing is there; SourceError for anything else
    (a folder, a FIFO, a device, a socket, a dangling link), before anything opens it."""
    try:
        info = os.stat(path)
    except FileNotFoundError:
        if path.is_symlink():
            raise SourceError(f"{path.name}: {what} is a link to {os.readlink(path)!s}, which does not exist") \
                from None
        return False
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise SourceError(f"{path.name}: {what} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        kind = "a FIFO (named pipe)" if stat.S_ISFIFO(info.st_mode) else "not a regular file"
        raise SourceError(f"{path.name}: {what} is {kind}; only regular files are read")
    return True


def read_text(path: Path) -> str:
    if not _regular_file(path, "the source"):
        raise SourceError(f"cannot read {path}: no such file")
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            return handle.read()
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path.name} is not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from exc


def read_metadata(path: Path) -> dict[str, dict[str, str | None]]:
    """The record beside a source, checked field by field; {} when there is none."""
    if not _regular_file(path, "the metadata record"):
        return {}
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise SourceError(f"cannot read {path}: {exc.strerror}") from exc
    try:
        record = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise SourceError(f"{path.name}: metadata is not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise SourceError(f"{path.name}: metadata is not valid JSON ({exc})") from exc
    except RecursionError:
        raise SourceError(f"{path.name}: metadata is nested too deeply to be a metadata record") from None
    if not isinstance(record, dict):
        raise SourceError(f"{path.name}: metadata must be a JSON object, not {_json_type(record)}")
    fields: dict[str, dict[str, str | None]] = {}
    for name in METADATA_FIELDS:
        entry = record.get(name)
        if entry is None:
            entry = {}
        if not isinstance(entry, dict):
            raise SourceError(f"{path.name}: {name} must be an object "
                              f'{{"value": …, "basis": …, "evidence": …}}, not {_json_type(entry)}')
        value, basis, evidence = entry.get("value"), entry.get("basis"), entry.get("evidence")
        for part, given in (("value", value), ("evidence", evidence)):
            if given is not None and not isinstance(given, str):
                raise SourceError(f"{path.name}: {name} {part} must be a string or null, not {_json_type(given)}")
        if value is not None and basis not in ("stated", "inferred"):
            raise SourceError(f"{path.name}: {name} needs basis 'stated' or 'inferred'")
        if name == "published" and value is not None and not valid_date(value):
            raise SourceError(f"{path.name}: published {value!r} is not a real date as YYYY[-MM[-DD]]")
        fields[name] = {"value": value, "basis": basis if value is not None else None, "evidence": evidence}
    return fields


def load_source(path: Path, source_id: str | None = None) -> Source:
    text = read_text(path)
    meta = read_metadata(path.with_suffix(".json"))
    values = {name: (meta.get(name) or {}).get("value") for name in METADATA_FIELDS}
    basis = {n: m["basis"] for n, m in meta.items() if m.get("basis")}
    evidence = {n: m["evidence"] for n, m in meta.items() if m.get("evidence")}
    return Source(id=source_id or path.stem, text=text, file=path.name,
                  basis=basis, evidence=evidence, **values)


def _stderr(message: str) -> None:
    print(message, file=sys.stderr)


def load_corpus(directory: Path, warn: Callable[[str], None] = _stderr) -> list[Source]:
    """Every ``*.txt`` in a directory, sorted by file name (deterministic builds).

    A source with no text (empty, or nothing but line breaks of any kind) is
    loaded, and ``warn`` is told so, naming the file; so is one whose only line
    breaks are CRs (read as one paragraph)."""
    sources = [load_source(p) for p in sorted(directory.glob("*.txt"))]
    for source in sources:
        if not source.text.strip():
            warn(f"warning: {source.file} has no text")
        elif "\r" in source.text and "\n" not in source.text:
            warn(f"warning: {source.file} has CR-only line breaks (old Mac style): its lines are read as one "
                 "paragraph; convert them to LF or CRLF for paragraphs")
    return sources
