"""The window's cost grows with what is shown, not with the library's size.

Startup lists sources from metadata only; an article's text is read when it
is opened and only a few stay cached; a table asks the store for the rows
it paints, in blocks, and data() never runs SQL per row.
"""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QTableView

from bilateral.gui import main_window
from bilateral.gui.item_models import COLUMNS, ItemTableModel
from bilateral.gui.main_window import MainWindow
from bilateral.gui.navigation import Location
from bilateral.store.library import Library
from test_gui_fixtures import window_on

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


class _Recorder:
    """A Library stand-in that records rows() requests and passes everything else through."""

    def __init__(self, library: Library) -> None:
        self._library = library
        self.row_requests: list[list[Any]] = []

    def rows(self, ids: list[str]) -> Any:
        self.row_requests.append(list(ids))
        return self._library.rows(ids)

    def rows_by_rowid(self, rowids: list[int]) -> Any:
        self.row_requests.append(list(rowids))
        return self._library.rows_by_rowid(rowids)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._library, name)


def test_startup_reads_no_article_text_but_the_one_it_opens(make_window, library: Library,  # type: ignore[no-untyped-def]
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    def no_full_listing(self: Library) -> None:
        raise AssertionError("the window listed every source with its full text")

    opened: list[str] = []
    real_source = Library.source

    def source(self: Library, source_id: str) -> Any:
        opened.append(source_id)
        return real_source(self, source_id)

    monkeypatch.setattr(Library, "sources", no_full_listing)
    monkeypatch.setattr(Library, "source", source)
    window: MainWindow = make_window()
    assert len(opened) <= 1  # only the article shown at startup
    window.show_category("source")  # the Sources table and the About box use metadata
    assert window.models["source"].rowCount() == library.counts()["source"]
    assert "inferred" in window.about_html()
    # Switching category opens the row the table highlights (the panes follow it): one more article.
    assert len(opened) <= 2 and window.current is not None and window.current.category == "source"


def test_opened_articles_are_cached_but_only_a_few(window: MainWindow, library: Library,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    infos = library.source_infos()
    assert len(infos) > main_window.OPENED_SOURCES, "the corpus is too small to overflow the cache"
    loads: list[str] = []
    real_source = Library.source
    monkeypatch.setattr(Library, "source", lambda self, sid: (loads.append(sid), real_source(self, sid))[1])
    for info in infos:
        window.open_location(Location(info.id))
        assert window.reading.source is not None and window.reading.source.text  # full text when opened
    assert len(window._opened) == main_window.OPENED_SOURCES
    before = len(loads)
    window.open_location(Location(infos[-1].id))  # the most recent one is still cached
    assert len(loads) == before
    window.open_location(Location(infos[0].id))  # the oldest was dropped and is read again
    assert loads[-1] == infos[0].id and len(loads) == before + 1


def test_a_table_fetches_only_the_blocks_it_paints(window: MainWindow, library: Library,
                                                   monkeypatch: pytest.MonkeyPatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    total = library.counts()["quote"]
    monkeypatch.setattr(ItemTableModel, "BLOCK", 4)
    recorder = _Recorder(library)
    model = ItemTableModel(recorder, "quote", window)  # type: ignore[arg-type]
    view = QTableView(window)
    view.setModel(model)
    view.verticalHeader().setDefaultSectionSize(20)
    view.resize(500, 6 * 20)  # room for about five rows
    view.show()
    qtbot.waitExposed(view)
    view.repaint()
    requested = {i for ids in recorder.row_requests for i in ids}
    assert requested, "the view painted no rows"
    assert len(requested) <= 8 < total  # the first block or two, not the table
    assert all(len(ids) <= 4 for ids in recorder.row_requests)


def test_data_runs_no_query_per_row(window: MainWindow, library: Library) -> None:
    for kind in ("event", "quote", "statistic"):
        recorder = _Recorder(library)
        model = ItemTableModel(recorder, kind, window)  # type: ignore[arg-type]
        for row in range(model.rowCount()):
            for column in range(model.columnCount()):
                model.index(row, column).data()
        # Every row sits in one block: one rows() for the block, one for the people events name.
        assert len(recorder.row_requests) <= (2 if kind == "event" else 1), kind


def test_event_participants_show_names_not_roles(window: MainWindow, library: Library) -> None:
    model = ItemTableModel(library, "event", window)
    column = [c.header for c in COLUMNS["event"]].index("Participants")
    cells = [model.index(r, column).data() for r in range(model.rowCount())]
    named = [c for c in cells if c]
    assert named, "no event in the bundled store names a participant"
    assert not any("—" in c for c in named)


def test_a_person_with_many_citations_lists_the_first_ones_and_opens_any(qtbot, tmp_path, no_leaks) -> None:  # type: ignore[no-untyped-def]
    """A leader named in every article: the detail pane lists the first citations and says how many
    more; citation 120 still opens, highlighted (the pane never builds thousands of links)."""
    from bilateral.core.model import Citation, Item, Source
    from bilateral.ingest.text import Document
    from bilateral.store.build import build

    text = "".join(f"Paragraph {n}: Jane Roe spoke about trade again.\n\n" for n in range(200))
    source = Source("s1", text, file="s1.txt", title="Many mentions")
    spans = [text.index("Jane Roe", text.index(f"Paragraph {n}:")) for n in range(200)]
    person = Item("person:jane-roe", "person", "Jane Roe",
                  {"name": "Jane Roe", "aliases": [], "country": None, "roles": []},
                  [Citation.of(source, s, s + len("Jane Roe")) for s in spans])
    path = tmp_path / "many.sqlite"
    build([source], list(Document(source).passages), [person], path)
    with window_on(qtbot, path) as window:
        window.open_item("person:jane-roe", 120)
        shown = window.detail.toPlainText()
        assert "Citations (200)" in shown and "150 more" in shown and "number 121" in shown
        assert (window.current.start, window.current.end) == (spans[120], spans[120] + 8)
        assert window.reading.highlighted_text() == "Jane Roe"
        assert window.detail.toHtml().count('href="cite:') == main_window.DETAIL_LIMIT


def test_opening_a_category_sorts_its_ids_once(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """A table shown for the first time fetches and sorts its ids once (the view's sort), not twice."""
    calls: list[str] = []
    real = Library.item_rowids

    def counted(self: Library, kind: str, **kwargs: Any) -> Any:
        calls.append(kind)
        return real(self, kind, **kwargs)

    monkeypatch.setattr(Library, "item_rowids", counted)
    window.show_category("quote")
    assert calls == ["quote"]
    assert window.models["quote"].rowCount() > 0


def test_a_large_table_is_sorted_off_the_gui_thread_and_keeps_the_open_row(qtbot, tmp_path, no_leaks,  # type: ignore[no-untyped-def]
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from PySide6.QtCore import QPoint, Qt

    from bilateral.gui.item_models import ListedTableModel
    from test_search_scale import _library  # articles with one statistic each, of its own value

    monkeypatch.setattr(ListedTableModel, "SYNC_LIMIT", 50)  # 300 statistics count as a large table here
    listed_in: list[bool] = []
    real = Library.item_rowids

    def recorded(self: Library, kind: str, **kwargs: Any) -> Any:
        listed_in.append(threading.current_thread() is threading.main_thread())
        return real(self, kind, **kwargs)

    monkeypatch.setattr(Library, "item_rowids", recorded)
    with window_on(qtbot, _library(tmp_path / "big.sqlite", 300)) as window:
        window.show_category("statistic")
        model, table = window.models["statistic"], window.tables["statistic"]
        qtbot.waitUntil(lambda: model.rowCount() == 300 and not model.busy, timeout=10_000)
        assert listed_in and not any(listed_in)  # every listing ran in the reader lane
        # open a row, then sort by value with a click on its header, as the user does
        qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton,
                         pos=table.visualRect(model.index(5, 0)).center())
        opened = window.current.item_id
        header = table.horizontalHeader()
        column = next(c for c in range(model.columnCount())
                      if model.headerData(c, Qt.Orientation.Horizontal) == "Value")
        before = [model.item_id(r) for r in range(model.rowCount())]
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                         pos=QPoint(header.sectionViewportPosition(column) + 5, 5))
        qtbot.waitUntil(lambda: not model.busy and [model.item_id(r) for r in range(model.rowCount())] != before,
                        timeout=10_000)
        values = [window.library.item(model.item_id(r)).fields["normalized"] for r in range(model.rowCount())]
        assert values == sorted(values) or values == sorted(values, reverse=True)
        assert not any(listed_in)
        current = table.currentIndex()
        assert current.isValid() and model.item_id(current.row()) == opened  # the open row stays current


def test_closing_the_window_interrupts_a_listing_still_running(make_window,  # type: ignore[no-untyped-def]
                                                               monkeypatch: pytest.MonkeyPatch,
                                                               caplog: pytest.LogCaptureFixture) -> None:
    import threading

    from bilateral.gui.item_models import ListedTableModel

    monkeypatch.setattr(ListedTableModel, "SYNC_LIMIT", 0)  # every listing goes to the reader lane
    started = threading.Event()
    real = Library.item_rowids

    def endless(self: Library, kind: str, **kwargs: Any) -> Any:
        if threading.current_thread() is threading.main_thread():
            return real(self, kind, **kwargs)
        started.set()  # a query only an interrupt ends
        self.connection.execute("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) "
                                "SELECT count(*) FROM n").fetchone()
        return []

    monkeypatch.setattr(Library, "item_rowids", endless)
    window = make_window()
    window.show_category("quote")
    assert started.wait(10), "the listing did not start in the reader lane"
    window.close()  # returns: the reader's query is interrupted, the lane's thread ends
    assert all(not lane.thread.isRunning() for lane in window.tasks._lanes.values())
    assert "task failed" not in caplog.text  # an interrupted listing is not reported as a bug


def test_a_large_library_is_counted_off_the_gui_thread(qtbot, make_window, library: Library,  # type: ignore[no-untyped-def]
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from bilateral.gui.item_models import COUNT_ROLE

    counted_in: list[bool] = []
    real = Library.counts

    def counts(self: Library) -> dict[str, int]:
        counted_in.append(threading.current_thread() is threading.main_thread())
        return real(self)

    monkeypatch.setattr(Library, "counts_are_quick", lambda self, items=20_000: False)  # as at 900,000 items
    monkeypatch.setattr(Library, "counts", counts)
    window = make_window()
    expected = real(library)
    qtbot.waitUntil(lambda: window.counts == expected, timeout=10_000)
    assert counted_in and not any(counted_in)
    sidebar = window.category_model
    assert [sidebar.index(r).data(COUNT_ROLE) for r in range(sidebar.rowCount())] == [
        expected[sidebar.key(r)] for r in range(sidebar.rowCount())]
    window.show_category("quote")
    qtbot.waitUntil(lambda: window.models["quote"].rowCount() == expected["quote"], timeout=10_000)


def test_a_figure_many_sources_report_lists_the_first_reports_and_says_how_many(qtbot, tmp_path, no_leaks) -> None:  # type: ignore[no-untyped-def]
    from bilateral.core.model import Citation, Item, Source
    from bilateral.gui.detail_pane import REPORTS_SHOWN
    from bilateral.ingest.text import Document
    from bilateral.store.build import build

    n = max(REPORTS_SHOWN, main_window.DETAIL_LIMIT) + 12  # more reports, and more citations, than are listed
    sources = [Source(f"s{k}", f"Report {k}\n\nTrade reached 5 billion dollars last year.\n", file=f"s{k}.txt",
                      title=f"Report {k}") for k in range(n)]
    cites = [Citation.of(s, s.text.index("5 billion"), s.text.index("5 billion") + len("5 billion dollars"))
             for s in sources]
    reports = [{"source": c.source, "start": c.start, "end": c.end, "value": 5, "scale": "billion",
                "display": "$5 billion", "as_written": "5 billion dollars"} for c in cites]
    stat = Item("statistic:trade", "statistic", "trade: $5 billion",
                {"value": 5, "scale": "billion", "unit": "USD", "normalized": 5e9, "measure": "trade",
                 "period": None, "qualifier": None, "according_to": None, "display": "$5 billion",
                 "as_written": "5 billion dollars", "reports": reports, "source_count": n},
                cites, "number", 0.8)
    path = tmp_path / "reported.sqlite"
    build(sources, [p for s in sources for p in Document(s).passages], [stat], path)
    with window_on(qtbot, path) as window:
        window.open_item("statistic:trade")
        shown = window.detail.toPlainText()
        assert f"As each source reports it ({n})" in shown
        assert f"… and {n - REPORTS_SHOWN} more sources." in shown
        assert f"Report {n - 1}" not in shown  # neither its report row nor its citation is listed


def test_a_header_click_lists_the_table_once(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt

    window.show_category("statistic")
    table, model = window.tables["statistic"], window.models["statistic"]
    calls: list[str] = []
    real = Library.item_rowids

    def counted(self: Library, kind: str, **kwargs: Any) -> Any:
        calls.append(kwargs.get("sort", ""))
        return real(self, kind, **kwargs)

    monkeypatch.setattr(Library, "item_rowids", counted)
    header = table.horizontalHeader()
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Measure")
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(header.sectionViewportPosition(column) + 5, 5))
    assert calls == ["measure"]
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)  # as a menu or a restored layout would
    assert calls == ["measure", "measure"]
