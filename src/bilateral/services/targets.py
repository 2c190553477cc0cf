"""What an import is asked to do, checked before anything heavy is loaded: the files and addresses
(folders expanded) and the metadata the user states. The window uses these on its own thread, so
this module imports nothing of the extraction pipeline."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from bilateral.core.model import METADATA_FIELDS

#: File names an import of a folder picks up.
SUFFIXES = (".txt", ".text", ".md", ".markdown", ".html", ".htm", ".pdf")
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


class ImportUsageError(ValueError):
    """What was asked cannot be done (a bad --date, nothing to import); the message says why."""


def check_date(value: str) -> str:
    """A stated date: YYYY, YYYY-MM or YYYY-MM-DD with a real month and day."""
    import calendar

    m = _DATE.match(value.strip())
    if not m:
        raise ImportUsageError(f"date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    year, month, day = (int(x) if x else None for x in m.groups())
    if month is not None and not 1 <= month <= 12:
        raise ImportUsageError(f"date {value!r} has no month {month}")
    if day is not None and month is not None and not 1 <= day <= calendar.monthrange(year or 2000, month)[1]:
        raise ImportUsageError(f"date {value!r} has no day {day}")
    return value.strip()


def check_overrides(overrides: dict[str, str | None] | None) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, value in (overrides or {}).items():
        if name not in METADATA_FIELDS:
            raise ImportUsageError(f"unknown metadata field {name!r}")
        if value is None or not value.strip():
            continue
        if name == "published":
            value = check_date(value)
        if name == "url" and not re.match(r"^https?://", value.strip(), re.IGNORECASE):
            raise ImportUsageError(f"url {value!r} is not an http(s) address")
        out[name] = " ".join(value.split())
    return out


def is_url(target: str) -> bool:
    return bool(re.match(r"^https?://", target, re.IGNORECASE))


def collect(targets: Iterable[str], *, recursive: bool = False) -> list[str]:
    """Files and addresses to import, folders expanded (their known file types, sorted)."""
    out: list[str] = []
    for target in targets:
        path = Path(target)
        if not is_url(target) and path.is_dir():
            walker = sorted(path.rglob("*")) if recursive else sorted(path.iterdir())
            out.extend(str(p) for p in walker
                       if p.suffix.lower() in SUFFIXES and not p.name.startswith(".") and _is_file(p))
        else:
            out.append(target)
    return out


def _is_file(path: Path) -> bool:
    """Anything but a folder: a FIFO, a device or a dangling link is reported by the reader, unopened."""
    try:
        return not path.is_dir()
    except OSError:
        return True
