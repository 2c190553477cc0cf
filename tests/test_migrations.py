"""An older library is upgraded in place after a backup, one transaction per step; a newer one is refused."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from bilateral.services.importer import run_import
from bilateral.store import migrations, schema
from bilateral.store.errors import StoreError
from bilateral.store.library import Library

#: A library as the previous release wrote it (schema version 1).
V1 = Path(__file__).parent / "fixtures" / "library_v1.sqlite"
FIXTURE = Path(__file__).parent / "fixtures" / "import" / "news_utf8.txt"


@pytest.fixture
def old(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    shutil.copy(V1, path)
    return path


def _counts(path: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(path)
    try:
        return tuple(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]  # type: ignore[return-value]
                     for t in ("source", "item", "citation"))
    finally:
        conn.close()


def test_a_version_1_library_is_upgraded_after_a_backup_and_keeps_everything(old: Path) -> None:
    before = _counts(old)
    assert migrations.version_of(old) == 1
    assert migrations.upgrade(old) == schema.SCHEMA_VERSION - 1
    assert migrations.version_of(old) == schema.SCHEMA_VERSION
    assert (old.parent / "library.sqlite.v1.bak").is_file()
    assert _counts(old) == before
    with Library.open(old) as library:
        assert library.counts()["source"] == before[0]
        assert set(library.origins().values()) == {"bundled"}
    # and it takes imports like a new library
    report = run_import(old, [str(FIXTURE)])
    assert report.count("imported") == 1
    assert migrations.upgrade(old) == 0  # nothing left to do


def test_a_library_from_a_newer_bilateral_is_refused(old: Path) -> None:
    conn = sqlite3.connect(old)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer Bilateral"):
        migrations.upgrade(old)


def test_a_failing_step_leaves_the_library_as_it_was(old: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = migrations.STEPS[2]

    def half_then_fail(conn: sqlite3.Connection) -> None:
        real(conn)
        raise sqlite3.OperationalError("disk I/O error")

    monkeypatch.setitem(migrations.STEPS, 2, half_then_fail)
    with pytest.raises(StoreError, match="as it was"):
        migrations.upgrade(old)
    assert migrations.version_of(old) == 1
    conn = sqlite3.connect(old)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(source)")}
    conn.close()
    assert "origin" not in columns


def test_opening_an_old_library_upgrades_it_then_brings_in_the_bundled_corpus(old: Path) -> None:
    from bilateral.services.library import ensure_library

    ensure_library(old)
    assert migrations.version_of(old) == schema.SCHEMA_VERSION
    with Library.open(old) as library:
        assert library.counts()["source"] >= 5


def test_version_3_keeps_every_citation_text_derived_from_its_source(old: Path) -> None:
    conn = sqlite3.connect(old)
    stored = conn.execute("SELECT item_id, ordinal, text FROM citation").fetchall()
    conn.close()
    migrations.upgrade(old)
    conn = sqlite3.connect(old)
    columns = {r[1] for r in conn.execute("PRAGMA table_info(citation)")}
    conn.close()
    assert "text" not in columns
    with Library.open(old) as library:
        derived = [(i.id, n, c.text) for i in library.items() for n, c in enumerate(i.citations)]
    assert sorted(derived) == sorted(stored)


def test_version_3_derives_passage_text_and_keeps_the_passage_index(old: Path) -> None:
    conn = sqlite3.connect(old)
    stored = conn.execute('SELECT source_id, idx, start, "end", text FROM passage').fetchall()
    conn.close()
    migrations.upgrade(old)
    conn = sqlite3.connect(old)
    try:
        assert "text" not in {r[1] for r in conn.execute("PRAGMA table_info(passage_span)")}
        assert sorted(conn.execute('SELECT source_id, idx, start, "end", text FROM passage')) == sorted(stored)
        conn.execute("INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
    with Library.open(old) as library:
        assert any(h.kind == "passage" for h in library.search("trade").hits)
    # removing an imported article takes its paragraphs out of the index (values derived again)
    report = run_import(old, [str(FIXTURE)])
    (outcome,) = [o for o in report.outcomes if o.status == "imported"]
    from bilateral.store.writer import LibraryWriter

    with LibraryWriter(old) as writer:
        writer.remove_source(outcome.source_id)
    conn = sqlite3.connect(old)
    try:
        conn.execute("INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)")  # index = content
        assert conn.execute("SELECT count(*) FROM passage_span WHERE source_id = ?",
                            (outcome.source_id,)).fetchone()[0] == 0
    finally:
        conn.close()


def test_version_4_drops_cited_text_and_indexes_an_items_own_words(old: Path) -> None:
    migrations.upgrade(old)
    conn = sqlite3.connect(old)
    try:
        assert "cited_text" not in {r[1] for r in conn.execute("PRAGMA table_info(item)")}
        assert [r[1] for r in conn.execute("PRAGMA table_info(item_fts)")] == ["label", "field_text"]
        conn.execute("INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)")
        assert conn.execute("SELECT count(*) FROM item_fts").fetchone()[0] == conn.execute(
            "SELECT count(*) FROM item").fetchone()[0]
        # the index follows a changed label, and an update of other columns leaves it as it is
        rowid = conn.execute("SELECT rowid FROM item ORDER BY rowid LIMIT 1").fetchone()[0]
        conn.execute("UPDATE item SET label = 'Zyzzyva summit' WHERE rowid = ?", (rowid,))
        conn.execute("UPDATE item SET confidence = 0.5 WHERE rowid = ?", (rowid,))
        conn.commit()
        assert conn.execute("SELECT rowid FROM item_fts WHERE item_fts MATCH 'zyzzyva'").fetchall() == [(rowid,)]
        conn.execute("INSERT INTO item_fts (item_fts, rank) VALUES ('integrity-check', 1)")
    finally:
        conn.close()
    with Library.open(old) as library:
        result = library.search("trade")
        assert any(h.kind == "statistic" for h in result.hits) and result.counts["passage"]
    report = run_import(old, [str(FIXTURE)])
    assert report.count("imported") == 1
