"""The main window on the bundled store: counts, opening passages, copying, history."""

from __future__ import annotations

import subprocess
import sys

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor

from bilateral.core.model import KINDS
from bilateral.gui.item_models import CATEGORIES, COUNT_ROLE, ItemTableModel
from bilateral.gui.main_window import MainWindow
from bilateral.store.library import Library

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


def _click_row(qtbot, window: MainWindow, key: str, row: int) -> None:  # type: ignore[no-untyped-def]
    window.show_category(key)
    table = window.tables[key]
    index = table.model().index(row, 0)
    table.scrollTo(index)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())


def test_sidebar_counts_equal_store_counts(window: MainWindow, library: Library) -> None:
    counts = library.counts()
    for row, (key, _name) in enumerate(CATEGORIES):
        assert window.category_model.index(row).data(COUNT_ROLE) == counts[key], key
        window.show_category(key)
        assert window.models[key].rowCount() == counts[key], key


@pytest.mark.parametrize("kind", KINDS)
def test_clicking_any_item_highlights_its_citation(qtbot, window: MainWindow, library: Library, kind: str) -> None:  # type: ignore[no-untyped-def]
    ids = library.item_ids(kind)
    assert ids, f"the bundled store has no {kind} items"
    for row in range(len(ids)):
        _click_row(qtbot, window, kind, row)
        item_id = window.models[kind].item_id(row)
        citation = library.item(item_id).citations[0]
        assert window.current is not None and window.current.item_id == item_id
        assert window.reading.source is not None and window.reading.source.id == citation.source
        assert window.reading.highlighted_text() == citation.text
        assert item_id in window.detail.toHtml() or library.item(item_id).label[:20] in window.detail.toPlainText()


def test_clicking_a_source_opens_its_article(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    _click_row(qtbot, window, "source", 0)
    source = library.source(window.models["source"].item_id(0))
    assert window.reading.document.toRawText().replace("\u2029", "\n") == source.text  # raw: NBSP stays NBSP
    assert window.reading.title.text() == (source.title or "Untitled article (title unknown)")
    if not source.url:
        assert window.reading.url.text() == "URL: unknown"


def test_statistics_sort_by_value_is_numeric_within_a_unit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """Clicking the Value header sorts numbers within each unit (dollars are not compared with decades)."""
    window.show_category("statistic")
    table = window.tables["statistic"]
    model = window.models["statistic"]
    assert isinstance(model, ItemTableModel)
    header = table.horizontalHeader()
    for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
        while header.sortIndicatorSection() != 0 or header.sortIndicatorOrder() != order:
            qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton,
                             pos=QPoint(header.sectionViewportPosition(0) + 10, header.height() // 2))
        rows = [model.item_row(r) for r in range(model.rowCount())]
        units = [r.fields.get("unit") for r in rows]
        # Each unit's rows are together ...
        seen: list[object] = []
        for unit in units:
            if not seen or seen[-1] != unit:
                assert unit not in seen, f"unit {unit!r} appears in two places"
                seen.append(unit)
        # ... and numeric within the unit.
        for unit in set(units):
            values = [r.sort_value for r in rows if r.fields.get("unit") == unit and r.sort_value is not None]
            expected = sorted(values, reverse=order == Qt.SortOrder.DescendingOrder)
            assert values == expected, unit
        assert len([u for u in units if u is not None]) > 3


def test_statistic_shows_value_as_a_person_reads_it(window: MainWindow, library: Library) -> None:
    window.show_category("statistic")
    model = window.models["statistic"]
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    displays = {row.fields.get("display") for row in library.rows(library.item_ids("statistic"))}
    assert shown == displays


def test_rows_are_fetched_lazily(window: MainWindow, library: Library) -> None:
    model = ItemTableModel(library, "quote", window)
    assert model.fetches == 0  # building the model reads ids only
    model.index(0, 1).data()
    model.index(1, 1).data()
    assert model.fetches == 1  # one block query served both rows


def test_person_page_lists_quotes_events_and_sources(window: MainWindow, library: Library) -> None:
    speakers = [p for p in library.item_ids("person") if library.person_page(p).quotes]
    assert speakers, "no person in the bundled store has quotes"
    page = library.person_page(speakers[0])
    window.open_item(speakers[0])
    html = window.detail.toHtml()
    assert f"item:{page.quotes[0].id}" in html
    for source in page.sources:
        assert f"source:{source.id}" in html
    window.open_link(f"item:{page.quotes[0].id}")
    assert window.reading.highlighted_text() == page.quotes[0].citation.text


def test_ctrl_c_copies_the_passage_and_ctrl_shift_c_adds_its_citation(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    _click_row(qtbot, window, "quote", 0)
    table = window.tables["quote"]
    table.setFocus()
    window.activateWindow()
    qtbot.waitUntil(lambda: table.hasFocus())
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    item = library.item(window.models["quote"].item_id(0))
    source = library.source(item.citations[0].source)
    assert QGuiApplication.clipboard().text() == item.citations[0].text
    qtbot.keyClick(table, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    mime = QGuiApplication.clipboard().mimeData()
    first_words = " ".join(item.citations[0].text.split())[:20]
    assert mime.hasText() and mime.hasHtml()
    assert first_words in mime.text()
    if source.title:
        assert source.title in mime.text()
    assert "Copied" in window.statusBar().currentMessage()


def test_selection_copies_with_exact_source_offsets_even_with_boilerplate_hidden(window: MainWindow, library: Library) -> None:
    with_boiler = [s for s in library.sources() if any(p.role == "boilerplate" for p in library.passages(s.id))]
    assert with_boiler, "no boilerplate in the corpus to hide"
    source = with_boiler[0]
    window.open_location(__import__("bilateral.gui.navigation", fromlist=["Location"]).Location(source.id))
    window.reading.boilerplate.setChecked(False)
    prose = [p for p in library.passages(source.id) if p.role == "prose"][-1]
    doc_start = window.reading.offsets.to_doc(prose.start + 3)
    doc_end = window.reading.offsets.to_doc(prose.end - 2)
    cursor = QTextCursor(window.reading.document)
    cursor.setPosition(doc_start)
    cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
    window.reading.text.setTextCursor(cursor)
    assert window.reading.selection_span() == (prose.start + 3, prose.end - 2)
    assert cursor.selectedText() == source.text[prose.start + 3:prose.end - 2].replace("\n", "\u2029")
    window.copy_cited_action.trigger()
    # Inner double quotes become single quotes inside the citation's own quotation marks.
    assert " ".join(source.text[prose.start + 3:prose.end - 2].split()[:8]) in QGuiApplication.clipboard().text()


def test_back_forward_by_keys_and_mouse_buttons(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.open_item(library.item_ids("statistic")[0])
    first = window.current
    window.open_link(f"cite:{library.item_ids('quote')[1]}:0")
    second = window.current
    assert first != second
    qtbot.keyClick(window.detail, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current == first
    window.forward_action.trigger()
    assert window.current == second
    qtbot.mousePress(window.detail.viewport(), Qt.MouseButton.BackButton)
    assert window.current == first
    qtbot.mousePress(window.reading.text.viewport(), Qt.MouseButton.ForwardButton)
    assert window.current == second
    assert window.back_action.shortcut().toString() == "Alt+Left"


def test_every_menu_action_has_a_shortcut_listed_in_help(window: MainWindow) -> None:
    from bilateral.gui.shortcuts import action_rows

    rows = action_rows(window.menuBar())
    listed = {what for _menu, _keys, what in rows}
    for name in ("Back", "Forward", "Copy", "Copy with citation", "Preferences", "Search everything", "Keyboard shortcuts"):
        assert name in listed
    dialog = window.show_shortcuts()
    dialog.close()
    about = window.show_about()
    assert "inferred" in window.about_html()
    about.close()


def test_exit_after_paint_exits_zero() -> None:
    out = subprocess.run([sys.executable, "-m", "bilateral", "--exit-after-paint"], capture_output=True,
                         text=True, timeout=60)
    assert out.returncode == 0, out.stderr


def test_a_library_that_will_not_open_is_a_message_and_the_bundled_corpus_opens(tmp_path) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "broken.sqlite"
    bad.write_text("not a database")
    out = subprocess.run([sys.executable, "-m", "bilateral", "--db", str(bad), "--exit-after-paint"],
                         capture_output=True, text=True, timeout=60,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    # The window still opens, on the bundled corpus, and says why; the damaged file is left as it was.
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr and "bilateral:" in out.stderr and "bundled corpus" in out.stderr
    assert bad.read_text() == "not a database"


def test_opening_an_item_from_elsewhere_shows_it_in_its_own_table(window: MainWindow, library: Library) -> None:
    window.show_category("statistic")
    person = library.item_ids("person")[0]
    window.open_item(person)  # as a speaker link in a quote or a --open would
    assert window.category == "person"
    table = window.tables["person"]
    assert window.models["person"].item_id(table.currentIndex().row()) == person


def test_every_stored_field_has_a_readable_label(library: Library) -> None:
    """The detail pane never shows a raw field name such as "event_kind"."""
    from bilateral.gui.detail_pane import FIELD_LABELS, HIDDEN_FIELDS

    fields = {name for kind in KINDS for item in library.items(kind) for name in item.fields}
    assert fields - set(FIELD_LABELS) - HIDDEN_FIELDS == set()


def test_a_source_detail_says_inferred_once_per_field(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.show_category("source")
    model = window.models["source"]
    row = next(r for r in range(model.rowCount()) if model.source_at(r).published_basis == "inferred")
    _click_row(qtbot, window, "source", row)
    lines = window.detail.toPlainText().splitlines()
    value = lines[lines.index("Published") + 1]  # the table's next cell: the date and its basis
    assert value.count("(inferred)") == 1, value
