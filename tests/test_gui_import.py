"""Importing from the window: File ▸ Import files / folder / URL and drops, with progress, a review
dialog, cancel, a window that stays responsive, and new items visible without a restart."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QElapsedTimer, QMimeData, QPoint, Qt, QTimer, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QFileDialog, QLineEdit

from bilateral.gui import messages
from bilateral.gui.main_window import MainWindow
from bilateral.services.library import ensure_library
from bilateral.store.library import Library
from test_gui_fixtures import window_on

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui

FIXTURES = Path(__file__).parent / "fixtures" / "import"


@pytest.fixture
def user_window(qtbot, tmp_path: Path, no_leaks: None) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    path = tmp_path / "library.sqlite"
    ensure_library(path)
    library = Library.open(path)
    window = MainWindow(library)
    window.show()
    qtbot.waitExposed(window)
    yield window
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    library.close()


class Heartbeat:
    """How often the GUI event loop ran a 5 ms timer, and the longest it went without (a figure for
    the log; bench/run.py's stall probe measures it, tests do not time it)."""

    def __init__(self) -> None:
        self.clock = QElapsedTimer()
        self.longest = 0
        self.beats = 0
        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)

    def start(self) -> None:
        self.clock.start()
        self.timer.start()

    def _beat(self) -> None:
        self.beats += 1
        self.longest = max(self.longest, self.clock.restart())

    def stop(self) -> int:
        self.timer.stop()
        return self.longest


def _wait_idle(qtbot, window: MainWindow, timeout: int = 60_000) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: window.importer.task is None and window.importer.review is None, timeout=timeout)


def _files(tmp_path: Path, n: int) -> list[str]:
    """``n`` distinct small news articles (the fixture with its numbers changed)."""
    base = (FIXTURES / "news_utf8.txt").read_text(encoding="utf-8")
    out = []
    for k in range(n):
        path = tmp_path / f"story_{k:02d}.txt"
        path.write_text(base.replace("2024", str(1990 + k)) + f"\nCorrection {k}: the ferry runs {k + 3} times.\n",
                        encoding="utf-8")
        out.append(str(path))
    return out


def test_import_files_through_the_menu_updates_the_open_window(qtbot, user_window: MainWindow, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window = user_window
    chosen = [str(FIXTURES / name) for name in ("news_utf8.txt", "news_cp1252.txt", "news.md", "news_page.html")]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (chosen, ""))
    before = window.counts["source"]
    heartbeat = Heartbeat()
    heartbeat.start()
    window.import_files_action.trigger()
    assert window.importer.widget.isVisibleTo(window)  # the progress bar and Cancel show at once
    _wait_idle(qtbot, window)
    longest = heartbeat.stop()
    print(f"longest GUI-thread stall while importing: {longest} ms")
    # the window kept handling events while the articles were read and stored (off its thread)
    assert heartbeat.beats >= 3
    assert window.counts["source"] == before + 4
    assert window.category_model.data(window.category_model.index(window.category_model.row_of("source")),
                                      Qt.ItemDataRole.ToolTipRole).startswith(str(before + 4))
    # the first imported article is open in the reading pane, and the Sources table lists it as imported
    assert window.reading.source is not None and window.origin(window.reading.source.id) == "imported"
    window.show_category("source")
    model = window.models["source"]
    origins = [model.index(r, 4).data() for r in range(model.rowCount())]
    assert origins.count("Imported") == 4 and origins.count("Bundled") == before
    assert "4 imported" in window.statusBar().currentMessage() or window.importer.last_report.count("imported") == 4


def test_a_single_file_is_reviewed_and_a_corrected_field_is_stated(qtbot, user_window: MainWindow,  # type: ignore[no-untyped-def]
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    window = user_window
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([str(FIXTURES / "news_crlf.txt")], ""))
    window.import_files_action.trigger()
    qtbot.waitUntil(lambda: window.importer.review is not None and window.importer.review.isVisible(), timeout=20_000)
    dialog = window.importer.review
    publisher = dialog.findChild(QLineEdit, "review_publisher")
    detected = publisher.text()
    publisher.clear()
    qtbot.keyClicks(publisher, "The Corrected Gazette")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    _wait_idle(qtbot, window)
    source = window.reading.source
    assert source is not None and source.publisher == "The Corrected Gazette" != detected
    assert source.basis["publisher"] == "stated"
    # a field left alone keeps its detected basis
    if source.title:
        assert source.basis.get("title") in ("inferred", "stated")


def test_a_bad_date_in_the_review_is_refused_there(qtbot, user_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = user_window
    window.importer.start([str(FIXTURES / "news_utf16.txt")])
    qtbot.waitUntil(lambda: window.importer.review is not None and window.importer.review.isVisible(), timeout=20_000)
    dialog = window.importer.review
    date = dialog.findChild(QLineEdit, "review_published")
    date.setText("2025-13-45")
    dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.isVisible() and "month" in dialog.error.text()
    before = window.counts["source"]
    dialog.reject()
    _wait_idle(qtbot, window)
    assert window.counts["source"] == before


@pytest.mark.parametrize("where", ["table", "article", "detail"])
def test_dropping_a_file_on_the_window_imports_it(qtbot, user_window: MainWindow, where: str) -> None:  # type: ignore[no-untyped-def]
    """A drop anywhere in the window, as Qt delivers it: drag enter, then drop, on the widget under the
    pointer (each view passes it up to the window)."""
    window = user_window
    target = {"table": window.table_stack.currentWidget(), "article": window.reading.text.viewport(),
              "detail": window.detail.viewport()}[where]
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(FIXTURES / "news.md"))])
    point = QPoint(20, 20)
    enter = QDragEnterEvent(point, Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                            Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    drop = QDropEvent(point.toPointF(), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                      Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(target, drop)
    qtbot.waitUntil(lambda: window.importer.review is not None and window.importer.review.isVisible(), timeout=20_000)
    window.importer.review.accept()
    _wait_idle(qtbot, window)
    assert window.reading.source is not None and window.reading.source.file == "news.md"


def test_cancel_keeps_whole_articles_only(qtbot, user_window: MainWindow, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    window = user_window
    files = _files(tmp_path, 40)  # a batch long enough for worker processes
    task = window.importer.start(files)
    assert task is not None
    qtbot.waitUntil(lambda: window.importer.progress_bar.value() >= 1, timeout=30_000)
    window.importer.cancel_button.click()
    _wait_idle(qtbot, window)
    report = window.importer.last_report
    assert report is not None and report.cancelled and 1 <= report.count("imported") < 40
    conn = window.library.connection
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM item WHERE NOT EXISTS "
                        "(SELECT 1 FROM citation WHERE citation.item_id = item.id)").fetchone()[0] == 0
    imported = conn.execute("SELECT count(*) FROM source WHERE origin = 'imported'").fetchone()[0]
    assert imported == report.count("imported")
    # what was imported before the cancel is shown: the sidebar counts it, the sources table lists it
    shown = conn.execute("SELECT count(*) FROM source WHERE hidden = 0").fetchone()[0]
    qtbot.waitUntil(lambda: window.counts.get("source") == shown, timeout=20_000)
    assert window.models["source"].rowCount() == shown


def test_removing_an_imported_source_from_the_sources_table(qtbot, user_window: MainWindow,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    window = user_window
    window.importer.start([str(FIXTURES / "news_page.html"), str(FIXTURES / "news_utf8.txt")])
    _wait_idle(qtbot, window)
    imported = window.reading.source
    assert imported is not None
    counts = dict(window.counts)
    monkeypatch.setattr(messages, "auto_answer", False)
    window.remove_source_action.trigger()  # the user says no: nothing changes
    assert window.counts == counts
    monkeypatch.setattr(messages, "auto_answer", True)
    window.remove_source_action.trigger()
    qtbot.waitUntil(lambda: window.counts["source"] == counts["source"] - 1, timeout=20_000)
    assert imported.id not in window._sources
    with pytest.raises(KeyError):
        window.library.source(imported.id)


def test_a_bundled_source_is_hidden_not_deleted(qtbot, user_window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window = user_window
    window.show_category("source")
    bundled = window.models["source"].item_id(0)
    window.open_location(__import__("bilateral.gui.navigation", fromlist=["Location"]).Location(bundled))
    before = window.counts["source"]
    window.remove_source_action.trigger()
    qtbot.waitUntil(lambda: window.counts["source"] == before - 1, timeout=20_000)
    assert window.library.source(bundled).id == bundled  # still stored, only hidden
    assert bundled not in window._sources


def test_the_bundled_store_cannot_be_imported_into(window: MainWindow) -> None:
    assert not window.import_files_action.isEnabled()
    assert "read-only" in window.import_files_action.statusTip()


def test_import_from_a_local_web_server(qtbot, user_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    import http.server
    import threading
    from functools import partial

    window = user_window
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(FIXTURES))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/news_page.html"
        monkeypatch.setattr("bilateral.gui.importing.QInputDialog.getText", lambda *a, **k: (url, True))
        window.import_url_action.trigger()
        qtbot.waitUntil(lambda: window.importer.review is not None and window.importer.review.isVisible(),
                        timeout=20_000)
        window.importer.review.accept()
        _wait_idle(qtbot, window)
    finally:
        server.shutdown()
        server.server_close()
    source = window.reading.source
    assert source is not None and source.url is not None and source.url.startswith("http")


def test_a_quotation_split_by_its_tag_shows_each_part_and_says_so(qtbot, tmp_path: Path,  # type: ignore[no-untyped-def]
                                                                  no_leaks: None) -> None:
    from bilateral.services.importer import run_import

    article = tmp_path / "harbour.txt"
    article.write_text(
        "Harbour Talks Resume\n\n"
        "WELLINGTON — Talks on the new harbour resumed on Monday.\n\n"
        "\"We are closer than we have ever been,\" said Mere Tawhiri, the port minister. "
        "\"The last questions are about money, not about whether to build.\"\n", encoding="utf-8")
    path = tmp_path / "library.sqlite"
    ensure_library(path)
    run_import(path, [str(article)])
    with window_on(qtbot, path) as window:
        window.show_category("quote")
        table, model = window.tables["quote"], window.models["quote"]
        kind_column = next(c for c in range(model.columnCount())
                           if model.headerData(c, Qt.Orientation.Horizontal) == "Kind")
        kinds = {model.index(r, kind_column).data(): r for r in range(model.rowCount())}
        assert {"direct (1 of 2)", "direct (2 of 2)"} <= set(kinds), kinds
        index = model.index(kinds["direct (2 of 2)"], 0)
        table.scrollTo(index)
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
        detail = window.detail.toPlainText()
        assert "2 of 2 of one quotation" in detail and "statement:" not in detail
        assert window.reading.highlighted_text().startswith("\"The last questions")
