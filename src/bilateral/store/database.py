"""A small SQLite vocabulary (after qutebrowser's sql.py): open, transact, time-limit.

The bundled store is opened ``immutable`` (no locks, no journal, cannot
change); other libraries read-only unless a writer asks for more.
"""

from __future__ import annotations

import sqlite3
import time
import zlib
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bilateral.store import schema
from bilateral.store.errors import StoreError, describe, is_environment_error


def _uri(path: Path, *, immutable: bool) -> str:
    mode = "immutable=1" if immutable else "mode=ro"
    return f"{path.resolve().as_uri()}?{mode}"


def open_readonly(path: Path, *, immutable: bool = False) -> sqlite3.Connection:
    """Open an existing Bilateral store without any chance of writing to it.

    Raises StoreError when the file is missing, is not SQLite, is not a
    Bilateral store, or has another schema version.
    """
    if not path.is_file():
        raise StoreError(f"no Bilateral library at {path}")
    try:
        conn = sqlite3.connect(_uri(path, immutable=immutable), uri=True, check_same_thread=False)
    except sqlite3.Error as exc:
        raise StoreError(describe(exc, path) or f"cannot open {path}: {exc}") from exc
    try:
        check_schema(conn, path)
        conn.execute("PRAGMA foreign_keys = ON")
    except BaseException:
        conn.close()
        raise
    return conn


def check_schema(conn: sqlite3.Connection, path: Path) -> None:
    try:
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        has_meta = conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'"
        ).fetchone()
        fmt = conn.execute("SELECT value FROM meta WHERE key = 'format'").fetchone() if has_meta else None
    except sqlite3.DatabaseError as exc:  # locked or unreadable is not "not a library"
        raise StoreError(describe(exc, path) or f"{path} is not a Bilateral library ({exc})") from exc
    if fmt is None or fmt[0] != schema.FORMAT:
        raise StoreError(f"{path} is not a Bilateral library")
    if version > schema.SCHEMA_VERSION:
        raise StoreError(f"{path} was written by a newer Bilateral (library version {version}; this one reads "
                         f"{schema.SCHEMA_VERSION}): install the newer Bilateral to open it")
    if version != schema.SCHEMA_VERSION:
        raise StoreError(
            f"{path} has library version {version}; this Bilateral reads version {schema.SCHEMA_VERSION} "
            "(open it in the window, or import into it, to upgrade it; a store built from data/sources is "
            "rebuilt with 'bilateral build')"
        )
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view')")}
    missing = sorted(REQUIRED_TABLES - tables)
    if missing:
        raise StoreError(f"{path} is damaged: its {', '.join(missing)} table{'s are' if len(missing) > 1 else ' is'} "
                         "missing")


#: Tables every reader relies on; a library without one of them is damaged, not empty.
REQUIRED_TABLES = frozenset({"meta", "source", "passage", "passage_span", "item", "citation", "item_person",
                             "item_fts", "passage_fts"})


@contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """Commit on success, roll back on any error; environment errors become StoreError."""
    try:
        with conn:
            yield conn
    except sqlite3.Error as exc:
        if is_environment_error(exc):
            raise StoreError(describe(exc, "the library") or f"the library could not be written: {exc}") from exc
        raise


class QueryTimeout(StoreError):
    """A query ran past its time limit and was interrupted."""


class QueryCancelled(StoreError):
    """A query was interrupted because the one who asked no longer wants the answer."""


@contextmanager
def time_limit(conn: sqlite3.Connection, seconds: float,
               cancelled: Callable[[], bool] | None = None) -> Iterator[None]:
    """Interrupt queries that run longer than ``seconds`` (datasette's sqlite_timelimit idea), or as
    soon as ``cancelled()`` says so (checked as often as the clock)."""
    deadline = time.perf_counter() + seconds
    stopped_by: list[str] = []

    def handler() -> int:
        if cancelled is not None and cancelled():
            stopped_by.append("cancel")
            return 1
        return 1 if time.perf_counter() > deadline else 0

    conn.set_progress_handler(handler, 100)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            if stopped_by:
                raise QueryCancelled("the query was cancelled") from exc
            raise QueryTimeout(f"the query took longer than {seconds:g} s and was stopped") from exc
        raise
    finally:
        conn.set_progress_handler(None, 100)


def insert_at_once(conn: sqlite3.Connection, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
    """``rows`` into ``table`` in one statement, in their order, staged in a temporary table of this
    connection (values as bound: no conversion on the way).

    Why: FTS5 writes what an external-content index was given when the next statement that could
    fail half-way begins (its savepoint), as one more segment of the index, and every INSERT into a
    table with an index trigger is such a statement; row by row, an article's thirty passages made
    thirty segments to write and merge again. In one statement they make one.
    """
    if not rows:
        return
    names = ", ".join(f'"{c}"' for c in columns)
    staged = f"staged_{table}_{zlib.crc32(names.encode()):08x}"  # one per column list
    conn.execute(f'CREATE TEMP TABLE IF NOT EXISTS "{staged}" (n INTEGER PRIMARY KEY, {names})')
    conn.executemany(f'INSERT INTO temp."{staged}" ({names}) VALUES ({", ".join("?" for _ in columns)})', rows)
    try:
        conn.execute(f'INSERT INTO main."{table}" ({names}) SELECT {names} FROM temp."{staged}" ORDER BY n')
    finally:
        conn.execute(f'DELETE FROM temp."{staged}"')
