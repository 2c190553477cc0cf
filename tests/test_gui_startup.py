"""The window starts whatever the settings file or the library holds, and bugs go to a log."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QPlainTextEdit

from bilateral.core.model import Source
from bilateral.gui.main_window import MainWindow
from bilateral.ingest.text import Document
from bilateral.store.build import build
from bilateral.store.library import Library

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


def _launch(home: Path, *args: str, db: Path | None = None, timeout: int = 60) -> tuple[subprocess.CompletedProcess[str], float]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(home / "config"),
           "XDG_DATA_HOME": str(home / "data"), "XDG_STATE_HOME": str(home / "state"),
           "XDG_CACHE_HOME": str(home / "cache")}
    env["BILATERAL_DB"] = str(db or home / "library.sqlite")
    started = time.perf_counter()
    out = subprocess.run([sys.executable, "-m", "bilateral", "--exit-after-paint", *args], capture_output=True,
                         text=True, timeout=timeout, env=env)
    return out, time.perf_counter() - started


def _settings(home: Path, body: str) -> None:
    path = home / "config" / "Bilateral" / "Bilateral.ini"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")


@pytest.mark.parametrize("body", [
    "[browse]\nstart=abc\nend=xyz\nsource=004_54a0002ffcc71a09\n",
    "[browse]\nstart=99999999999999999999999\nend=99999999999999999999999\nsource=004_54a0002ffcc71a09\n",
    "[browse]\nstart=-5\nend=3\nsource=004_54a0002ffcc71a09\nitem=no-such-item\ncategory=nonsense\n",
    "[window]\ngeometry=@ByteArray(garbage)\nstate=@ByteArray(\\0\\0)\n[splitters]\nmainSplitter=@ByteArray(x)\n",
    "\x00\x01 not an ini file at all \xff\n[[[\n",
])
def test_the_window_starts_on_a_damaged_settings_file(tmp_path: Path, body: str) -> None:
    _settings(tmp_path, body)
    out, _ = _launch(tmp_path)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr


def test_an_empty_library_paints_and_exits_at_once(tmp_path: Path) -> None:
    """An empty library has no table to paint: the window's own first paint must end the run
    (it used to wait for the 30 s fallback)."""
    empty = tmp_path / "empty.sqlite"
    build([], [], [], empty)
    out, seconds = _launch(tmp_path, "--db", str(empty))
    assert out.returncode == 0, out.stderr
    assert seconds < 25, f"waited {seconds:.0f} s: the first paint was never noticed"
    shot = tmp_path / "shot.png"
    out, _ = _launch(tmp_path, "--db", str(empty), "--screenshot", str(shot))
    assert out.returncode == 0 and shot.is_file() and shot.stat().st_size > 0, out.stderr


def test_a_window_that_fails_to_build_stops_its_threads(qtbot, library: Library, monkeypatch: pytest.MonkeyPatch,  # type: ignore[no-untyped-def]
                                                        no_leaks: None) -> None:
    built: list[MainWindow] = []

    def broken(self: MainWindow) -> None:
        built.append(self)
        raise RuntimeError("damaged state")

    monkeypatch.setattr(MainWindow, "_restore", broken)
    with pytest.raises(RuntimeError, match="damaged state"):
        MainWindow(library)
    window = built[0]
    assert not window.search_panel.controller._thread.isRunning()
    window.deleteLater()


def test_a_query_that_looks_like_markup_is_shown_as_text(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search_field.setText('<img src="/etc/passwd" width=4000><b>bold</b>')
    qtbot.waitUntil(lambda: window.search_panel.status.text() != "Searching…", timeout=10_000)
    assert window.search_panel.status.textFormat() == Qt.TextFormat.PlainText
    assert window.width() < 2000


def test_a_source_title_that_looks_like_markup_is_shown_as_text(qtbot, tmp_path: Path, no_leaks: None) -> None:  # type: ignore[no-untyped-def]
    source = Source("s1", "Leaders met in Hanoi on Monday.\n", file="s1.txt",
                    title='<img src="/local/file.png" width=4000>', url="javascript:alert(1)",
                    basis={"title": "stated", "url": "stated"})
    path = tmp_path / "odd.sqlite"
    build([source], list(Document(source).passages), [], path)
    with Library.open(path) as library:
        window = MainWindow(library)
        window.show()
        qtbot.waitExposed(window)
        try:
            window.show_category("source")
            window.tables["source"].setCurrentIndex(window.models["source"].index(0, 0))
            assert window.reading.title.textFormat() == Qt.TextFormat.PlainText
            assert window.reading.title.text() == source.title
            assert "<a" not in window.reading.url.text()  # a javascript: address is never a link
            assert window.width() < 2000 and window.height() < 2000
        finally:
            window.close()
            window.deleteLater()


def test_help_show_log_shows_the_log(qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from bilateral.gui import logs

    log = tmp_path / "bilateral.log"
    log.write_text("2026-12-01 ERROR bilateral: something broke\n", encoding="utf-8")
    monkeypatch.setattr(logs, "log_path", lambda: log)
    window.log_action.trigger()
    dialog = window.findChild(QDialog, "logDialog")
    assert dialog is not None
    assert "something broke" in dialog.findChild(QPlainTextEdit).toPlainText()
    assert str(log) in dialog.findChild(QLabel).text()
    dialog.close()


def test_a_damaged_library_can_be_moved_aside_for_a_fresh_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilateral.gui import app, messages

    damaged = tmp_path / "library.sqlite"
    damaged.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100 + b"garbage" * 1000)
    monkeypatch.setattr(messages, "library_trouble", lambda problem, damaged: "fresh")
    library, note = app.open_library(damaged)
    try:
        assert library.path == damaged and library.counts()["source"] >= 5
        assert note is not None and "moved to" in note
        aside = [p for p in tmp_path.iterdir() if p.name.startswith("library.sqlite.damaged-")]
        assert len(aside) == 1 and b"garbage" in aside[0].read_bytes()  # kept, never deleted
    finally:
        library.close()


def test_without_dialogs_a_damaged_library_is_left_alone_and_the_bundled_corpus_opens(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from bilateral.gui import app, messages

    damaged = tmp_path / "library.sqlite"
    damaged.write_text("not a database")
    monkeypatch.setattr(messages, "dialogs_enabled", False)
    library, note = app.open_library(damaged)
    try:
        assert note is not None and "bundled corpus" in note
        assert damaged.read_text() == "not a database"
    finally:
        library.close()


def test_a_library_failing_while_the_window_runs_is_a_message(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    """A page damaged after start-up: switching category, sorting and opening say so in the status
    bar; nothing raises into Qt (which would fail this test)."""
    from bilateral.store.errors import StoreError

    def broken(*_args: object, **_kwargs: object) -> None:
        raise StoreError("the library cannot be read: database disk image is malformed")

    monkeypatch.setattr(Library, "item_ids", broken)
    monkeypatch.setattr(Library, "item_rowids", broken)
    monkeypatch.setattr(Library, "rows", broken)
    monkeypatch.setattr(Library, "rows_by_rowid", broken)
    monkeypatch.setattr(Library, "item", broken)
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)  # Quotes, built now
    assert "could not be read" in window.statusBar().currentMessage()
    window.tables["statistic"].sortByColumn(1, Qt.SortOrder.AscendingOrder)
    window.open_item("quote:anything")
    assert "could not be read" in window.statusBar().currentMessage()


def test_damaged_rows_in_a_library_read_as_unknown(tmp_path: Path) -> None:
    """Another tool wrote a BLOB title, a number as a date, bad JSON in fields and notes."""
    import shutil
    import sqlite3

    from bilateral.core.paths import bundled_store

    path = tmp_path / "damaged.sqlite"
    shutil.copy(bundled_store(), path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE source SET title = ?, published = 2025, basis = '{bad', evidence = '[1, 2]' "
                 "WHERE ordinal = 0", (b"<b>\xff title",))
    conn.execute("UPDATE source SET published = '2025-13' WHERE ordinal = 1")
    conn.execute("UPDATE item SET fields = 'not json' WHERE ordinal = 0")
    conn.commit()
    conn.close()
    with Library.open(path) as library:
        first, second = library.source_infos()[:2]
        assert first.title == "<b>\ufffd title" and first.published == "2025" and first.basis == {}
        assert second.published is None
        item_id = library.item_ids("person")[0]
        assert isinstance(library.item(item_id).fields, dict)


@pytest.mark.parametrize("damage", ["DROP TABLE citation", "DROP TABLE item_fts", "UPDATE item SET fields = '{'"])
def test_the_app_starts_on_a_hand_damaged_library(tmp_path: Path, damage: str) -> None:
    """A table dropped or bad JSON written by another tool: the window still opens, says what is
    wrong, and the file is left as it was."""
    import shutil
    import sqlite3

    from bilateral.core.paths import bundled_store

    library = tmp_path / "library.sqlite"
    shutil.copy(bundled_store(), library)
    conn = sqlite3.connect(library)
    conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('library', 'user')")
    conn.execute(damage)
    conn.commit()
    conn.close()
    before = library.read_bytes()
    out, _ = _launch(tmp_path, db=library)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    if damage.startswith("DROP"):
        assert "damaged" in out.stderr and library.read_bytes() == before


def test_a_damaged_saved_position_is_reset_with_a_note(qtbot, make_window) -> None:  # type: ignore[no-untyped-def]
    from bilateral.gui import settings as window_settings

    store = window_settings.open_settings()
    store.setValue("browse/category", "nonsense")
    store.setValue("browse/source", "004_54a0002ffcc71a09")
    store.setValue("browse/start", "abc")
    store.sync()
    window = make_window()
    assert window.category == "statistic"
    assert window.current is not None and window.current.source_id == "004_54a0002ffcc71a09"
    assert window.statusBar().currentMessage() == ("The saved last category and reading position could not be read "
                                                   "and were reset")


def test_starting_the_window_loads_no_build_or_extraction_code(tmp_path: Path) -> None:
    """What only a build or an import needs (sqlite-utils, the extractors and their lexicon) waits until
    then: the start of the window does not pay for it."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_DATA_HOME": str(tmp_path / "data"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "BILATERAL_DB": str(tmp_path / "library.sqlite")}
    script = ("import sys\nfrom bilateral.gui.app import run_app\ncode = run_app(['--exit-after-paint'])\n"
              "print(sorted(m for m in sys.modules if m == 'sqlite_utils' or m.startswith('bilateral.ingest.')"
              " and m not in ('bilateral.ingest', 'bilateral.ingest.readers')))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120, env=env)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stdout
