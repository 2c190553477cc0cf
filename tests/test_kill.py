"""An import killed at any moment (SIGKILL) leaves a library that opens, passes its integrity
checks and holds each article whole or not at all."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bilateral.services.library import ensure_library
from bilateral.store.library import Library

FIXTURE = Path(__file__).parent / "fixtures" / "import" / "news_utf8.txt"
KILLS = 20

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")


def _articles(folder: Path, n: int) -> None:
    base = FIXTURE.read_text(encoding="utf-8")
    folder.mkdir()
    for k in range(n):
        (folder / f"a{k:03d}.txt").write_text(
            base.replace("2024", str(1900 + k)) + f"\nUpdate {k}: {k + 7} ferries now run each week.\n",
            encoding="utf-8")


def _check(path: Path) -> tuple[int, set[str]]:
    """Integrity, foreign keys, FTS in sync, no orphans; every imported article complete."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        for table in ("item_fts", "passage_fts"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        assert conn.execute("SELECT count(*) FROM item WHERE NOT EXISTS "
                            "(SELECT 1 FROM citation c WHERE c.item_id = item.id)").fetchone()[0] == 0
        assert conn.execute("SELECT count(*) FROM citation c WHERE NOT EXISTS "
                            "(SELECT 1 FROM item WHERE item.id = c.item_id)").fetchone()[0] == 0
        imported = {r[0] for r in conn.execute("SELECT id FROM source WHERE origin = 'imported'")}
        for source_id in imported:
            # whole: its passages cover it, and its items are there (every article names someone)
            passages = conn.execute("SELECT count(*) FROM passage WHERE source_id = ?", (source_id,)).fetchone()[0]
            cited = conn.execute("SELECT count(*) FROM citation WHERE source_id = ?", (source_id,)).fetchone()[0]
            assert passages > 0 and cited > 0, f"{source_id} is stored in part"
        bad = conn.execute("SELECT count(*) FROM citation c LEFT JOIN source s ON s.id = c.source_id "
                           "WHERE s.id IS NULL OR NOT (0 <= c.start AND c.start < c.\"end\" "
                           "AND c.\"end\" <= length(s.text))").fetchone()[0]
        assert bad == 0
    finally:
        conn.close()
    with Library.open(path) as library:  # and the app's reader opens it
        library.counts()
    return len(imported), imported


def test_sigkill_at_twenty_random_moments_leaves_whole_articles(tmp_path: Path) -> None:
    folder = tmp_path / "news"
    _articles(folder, 40)
    library = tmp_path / "library.sqlite"
    ensure_library(library)
    env = {**os.environ, "BILATERAL_DB": str(library)}
    rng = random.Random(20261201)
    seen_before: set[str] = set()
    grew = 0
    for _ in range(KILLS):
        process = subprocess.Popen([sys.executable, "-m", "bilateral", "import", str(folder)], env=env,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 2.5))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        count, ids = _check(library)
        assert seen_before <= ids, "an article that was stored is gone"
        grew += count > len(seen_before)
        seen_before = ids
    # the kills landed in the middle of work, and the work went on between them
    assert grew > 0
    final = subprocess.run([sys.executable, "-m", "bilateral", "import", str(folder)], env=env,
                           capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    count, _ = _check(library)
    assert count == 40
