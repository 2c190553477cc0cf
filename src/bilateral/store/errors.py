"""Errors of the store, split the qutebrowser way.

``StoreError`` is the environment's fault (file missing, not a Bilateral
store, wrong schema version, read-only, disk full, corrupt) and its message
is shown to the user as is. Anything else escaping the store is a bug and
should surface with its traceback.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

# SQLite result codes that describe the environment, not our code.
_ENVIRONMENT_CODES = frozenset({
    sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED, sqlite3.SQLITE_NOMEM,
    sqlite3.SQLITE_READONLY, sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CORRUPT,
    sqlite3.SQLITE_FULL, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM,
    sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_PROTOCOL,
})


class StoreError(Exception):
    """A problem with the database file or its surroundings; the message is for the user."""


class BuildError(StoreError):
    """The data handed to the build is inconsistent (e.g. a citation that does not match its source)."""


def is_environment_error(exc: sqlite3.Error) -> bool:
    """True when an sqlite3 error comes from the file/disk rather than from a wrong query."""
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc)
    return (code & 0xFF) in _ENVIRONMENT_CODES


def _code(exc: sqlite3.Error) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    return None if code is None else code & 0xFF


def describe(exc: sqlite3.Error, path: Path | str) -> str | None:
    """What an environment error means for the user, with the advice that fits; None when it says the
    file is not a database (corrupt, another format), for the caller's own words."""
    code = _code(exc)
    text = str(exc)
    if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) or (code is None and "locked" in text):
        return f"{path} is locked by another program — close it and retry"
    if code == sqlite3.SQLITE_READONLY or (code is None and "readonly" in text):
        return f"{path} is read-only — make the file (and its folder) writable, or use another library"
    if code in (sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return f"cannot open {path} ({text}) — check that you may read and write it and its folder"
    if code == sqlite3.SQLITE_FULL:
        return f"the disk holding {path} is full — free some space and retry"
    if code == sqlite3.SQLITE_IOERR:
        return f"cannot read or write {path}: {text}"
    if code == sqlite3.SQLITE_NOMEM:
        return f"not enough memory to open {path}"
    return None
