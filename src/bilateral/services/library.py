"""Where the user's library lives, and making sure it exists and holds the current bundled corpus.

The library is a SQLite file in the platform's data directory
(``platformdirs.user_data_dir("Bilateral")/library.sqlite``), or the path
given by ``--db`` / ``BILATERAL_DB``. It starts as a copy of the bundled
store; the bundled store itself is never written. When a newer bundled
corpus ships, its sources replace the old bundled ones in the library and
everything the user imported stays.
"""

from __future__ import annotations

import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from bilateral.core import paths
from bilateral.store import migrations
from bilateral.store.errors import StoreError
from bilateral.store.writer import LibraryWriter, bundled_digest, copy_database, create_library

APP_NAME = "Bilateral"
LIBRARY_FILE = "library.sqlite"


def default_library() -> Path:
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / LIBRARY_FILE


def library_path(db: Path | None = None) -> Path:
    """--db, else $BILATERAL_DB, else the platform data directory."""
    if db is not None:
        return Path(db)
    env = os.environ.get("BILATERAL_DB")
    if env:
        return Path(env)
    return default_library()


def check_location(path: Path) -> None:
    """A library path that is a folder, or in a place that is not a folder, is a clear error."""
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a library file (give a file name such as {path / LIBRARY_FILE})")
    if path.exists() and not path.is_file():
        raise StoreError(f"{path} is not a regular file")
    parent = path.parent
    if parent.exists() and not parent.is_dir():
        raise StoreError(f"{parent} is not a folder")


@dataclass(frozen=True)
class Opened:
    path: Path
    created: bool = False
    upgraded: int = 0  # bundled sources replaced by a newer bundled corpus


def ensure_library(path: Path) -> Opened:
    """Create the library from the bundled store if it is missing; bring in a newer bundled corpus."""
    check_location(path)
    bundled = paths.bundled_store()
    if not path.exists():
        create_library(path, bundled)
        return Opened(path, created=True)
    migrations.upgrade(path)  # an older library: backed up, then upgraded step by step; a newer one refused
    digest = bundled_digest(bundled)
    with LibraryWriter(path) as writer:
        row = writer.conn.execute("SELECT value FROM meta WHERE key = 'bundled_digest'").fetchone()
        if row is not None and row[0] == digest:
            return Opened(path)
    return Opened(path, upgraded=upgrade_bundled(path, bundled, digest))


def upgrade_bundled(path: Path, bundled: Path, digest: str) -> int:
    """Replace the library's bundled sources with the shipped ones (after a backup copy)."""
    from bilateral.services.importer import import_bundled_source
    from bilateral.store.library import Library

    backup_copy(path, path.with_name(path.name + ".before-upgrade"))
    with Library.open(bundled) as shipped, LibraryWriter(path) as writer:
        old = [r[0] for r in writer.conn.execute("SELECT id FROM source WHERE origin = 'bundled' ORDER BY ordinal")]
        for source_id in old:
            writer.remove_source(source_id)
        for source in shipped.sources():
            import_bundled_source(writer, source)
        with writer.article():
            writer.conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('bundled_digest', ?)", (digest,))
    return len(old)


def backup_copy(path: Path, backup: Path) -> None:
    """A consistent copy of the library, with what is still in its write-ahead log."""
    copy_database(path.resolve().as_uri(), backup, f"cannot back up {path} before the upgrade")


def move_aside(path: Path) -> Path:
    """Rename a damaged library (and its WAL files) out of the way; nothing is deleted."""
    import time

    stamp = time.strftime("%Y%m%d-%H%M%S")
    aside = path.with_name(f"{path.name}.damaged-{stamp}")
    path.rename(aside)
    for suffix in ("-wal", "-shm"):
        extra = path.with_name(path.name + suffix)
        if extra.exists():
            extra.rename(aside.with_name(aside.name + suffix))
    return aside


def library_kind(path: Path) -> str:
    """"user" for a user library, "bundled" for a built store."""
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'library'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return "unknown"
    return row[0] if row else "bundled"
