"""Copy what you see: the real keys, menus and actions, then what the user would check —
the clipboard, the table's current row, the detail pane and the reading pane agree."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QMenu

from bilateral.core.cite import STYLES
from bilateral.core.model import Citation, Item, Source
from bilateral.gui.main_window import MainWindow
from bilateral.gui.navigation import Location
from bilateral.ingest.text import Document
from bilateral.store.build import build
from bilateral.store.library import Library, SourceRecord

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui

CTRL = Qt.KeyboardModifier.ControlModifier
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def _focus(qtbot, window: MainWindow, widget) -> None:  # type: ignore[no-untyped-def]
    window.activateWindow()
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def _clipboard() -> str:
    return QGuiApplication.clipboard().text()


def _shown_item(window: MainWindow) -> str | None:
    return window.current.item_id if window.current else None


def _table_item(window: MainWindow, key: str) -> str | None:
    table = window.tables[key]
    index = table.currentIndex()
    return window.models[key].item_id(index.row()) if index.isValid() else None


def _assert_agree(window: MainWindow, library: Library) -> None:
    """The table highlights what the detail and reading panes show."""
    current = window.current
    assert current is not None
    key = window.category
    if current.item_id is not None and key != "source":
        assert _table_item(window, key) == current.item_id
        item = library.item(current.item_id)
        assert item.label in window.detail.toPlainText()
        assert window.reading.highlighted_text().split() == \
            library.source(current.source_id).text[current.start:current.end].split()


def _select_in_article(window: MainWindow, start: int, end: int) -> None:
    a, b = window.reading.offsets.span_to_doc(start, end)
    cursor = QTextCursor(window.reading.document)
    cursor.setPosition(a)
    cursor.setPosition(b, QTextCursor.MoveMode.KeepAnchor)
    window.reading.text.setTextCursor(cursor)


# -- Ctrl+C and Ctrl+Shift+C ---------------------------------------------------------------
def test_ctrl_c_in_the_table_copies_the_rows_passage(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["quote"].trigger()
    table = window.tables["quote"]
    _focus(qtbot, window, table)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    _assert_agree(window, library)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    c = window.current
    assert _clipboard() == library.source(c.source_id).text[c.start:c.end]
    assert "Copied" in window.statusBar().currentMessage()


def test_ctrl_c_with_an_article_selection_copies_the_selection(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    source = window.reading.source
    assert source is not None
    prose = [p for p in library.passages(source.id) if p.role == "prose"][-1]
    _select_in_article(window, prose.start + 2, prose.end - 3)
    _focus(qtbot, window, window.reading.text)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.reading.text, Qt.Key.Key_C, CTRL)
    assert _clipboard() == source.text[prose.start + 2:prose.end - 3]


def test_ctrl_shift_c_copies_the_selection_with_a_citation(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    source = window.reading.source
    assert source is not None
    prose = next(p for p in library.passages(source.id) if p.role == "prose")
    _select_in_article(window, prose.start, prose.end)
    _focus(qtbot, window, window.reading.text)
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.reading.text, Qt.Key.Key_C, CTRL_SHIFT)
    mime = QGuiApplication.clipboard().mimeData()
    first_words = " ".join(source.text[prose.start:prose.end].split()[:6])
    assert first_words in " ".join(mime.text().split())
    assert mime.hasHtml()
    assert "chars" not in mime.text()  # no internal offsets in what a reader pastes


def test_ctrl_shift_c_without_a_selection_copies_what_is_shown(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["statistic"].trigger()
    table = window.tables["statistic"]
    _focus(qtbot, window, table)
    qtbot.keyClick(table, Qt.Key.Key_Down)
    c = window.current
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_SHIFT)
    passage = " ".join(library.source(c.source_id).text[c.start:c.end].split())
    assert passage.replace('"', "‘")[:30] in _clipboard() or passage[:30] in _clipboard()


def test_ctrl_c_in_the_detail_pane_copies_its_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _focus(qtbot, window, window.detail)
    cursor = window.detail.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.Start)
    cursor.movePosition(QTextCursor.MoveOperation.NextWord, QTextCursor.MoveMode.KeepAnchor, 2)
    window.detail.setTextCursor(cursor)
    expected = cursor.selectedText().replace("\u2029", "\n")
    assert expected.strip()
    QGuiApplication.clipboard().clear()
    qtbot.keyClick(window.detail, Qt.Key.Key_C, CTRL)
    assert _clipboard() == expected


def test_copy_as_menu_uses_the_chosen_style_and_the_default_follows_preferences(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    outputs = {}
    for key, action in window.copy_as_actions.items():
        QGuiApplication.clipboard().clear()
        action.trigger()
        outputs[key] = _clipboard()
        assert outputs[key], key
    assert len(set(outputs.values())) == len(outputs), "two styles copied the same text"
    window.preferences_action.trigger()
    dialog = window.findChild(QDialog, "preferencesDialog")
    box = dialog.findChild(QComboBox, "citationStyle")
    box.setCurrentIndex(box.findData("bibtex"))
    dialog.accept()
    table = window.tables[window.category]
    _focus(qtbot, window, table)
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL_SHIFT)
    assert _clipboard() == outputs["bibtex"]
    assert STYLES["bibtex"] in window.copy_cited_action.statusTip() or "@" in _clipboard()


def test_every_menu_action_triggers_without_an_error(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    """triggered(bool) must never reach a slot's parameters (Ctrl+Shift+C once raised ValueError)."""
    skip = {window.quit_action}
    for menu in window.menuBar().findChildren(QMenu):
        for action in menu.actions():
            if action.menu() is None and not action.isSeparator() and action not in skip and action.isEnabled():
                action.trigger()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog):
            widget.close()


# -- the table, the detail pane and the reading pane agree ---------------------------------------
def test_returning_to_a_category_shows_its_highlighted_row(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["quote"].trigger()
    qtbot.keyClick(window.tables["quote"], Qt.Key.Key_Down)
    quote = window.current.item_id
    window.category_actions["event"].trigger()
    _assert_agree(window, library)
    assert window.current.item_id != quote
    qtbot.keyClick(window, Qt.Key.Key_4, CTRL)  # Quotes again, by the real shortcut
    assert window.category == "quote"
    _assert_agree(window, library)
    assert window.current.item_id == quote
    table = window.tables["quote"]
    _focus(qtbot, window, table)
    qtbot.keyClick(table, Qt.Key.Key_C, CTRL)
    c = window.current
    assert _clipboard() == library.source(c.source_id).text[c.start:c.end]


def test_clicking_the_selected_row_again_brings_it_back(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["statistic"].trigger()
    table = window.tables["statistic"]
    row_item = _table_item(window, "statistic")
    window.next_span_action.trigger()  # F8 moves the panes to another citation
    window.back_action.trigger()
    window.next_span_action.trigger()
    if window.current.item_id == row_item:
        pytest.skip("the next citation belongs to the same statistic")
    window.category_actions["statistic"].trigger()
    index = window.tables["statistic"].currentIndex()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=table.visualRect(index).center())
    _assert_agree(window, library)


def test_f8_f7_and_back_forward_move_the_table_with_the_panes(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["statistic"].trigger()
    first = window.current
    for key in (Qt.Key.Key_F8, Qt.Key.Key_F8, Qt.Key.Key_F7):
        qtbot.keyClick(window.reading.text, key)
        _assert_agree(window, library)
    qtbot.keyClick(window.detail, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    _assert_agree(window, library)
    while window.back_action.isEnabled():
        window.back_action.trigger()
        _assert_agree(window, library)
    assert window.current == first
    window.forward_action.trigger()
    _assert_agree(window, library)


def test_an_item_hidden_by_the_filter_is_not_highlighted(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["quote"].trigger()
    other = library.item_ids("quote")[-1]
    window.models["quote"].set_filter("zzzz-no-such-words")
    window.open_item(other)
    assert _table_item(window, "quote") is None


# -- context menus ---------------------------------------------------------------------------
def _menu_after(qtbot, window: MainWindow, open_menu) -> QMenu:  # type: ignore[no-untyped-def]
    before = set(window.findChildren(QMenu))
    open_menu()
    menus = [m for m in window.findChildren(QMenu) if m not in before and m.isVisible()]
    qtbot.waitUntil(lambda: any(m.isVisible() for m in window.findChildren(QMenu) if m not in before))
    menus = [m for m in window.findChildren(QMenu) if m not in before and m.isVisible()]
    return menus[0]


def _action(menu: QMenu, text: str):  # type: ignore[no-untyped-def]
    for action in menu.actions():
        if action.text().startswith(text):
            return action
    raise AssertionError(f"no {text!r} in {[a.text() for a in menu.actions()]}")


def test_row_context_menu_copies_and_shows_that_row(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    window.category_actions["quote"].trigger()
    table = window.tables["quote"]
    index = table.model().index(2, 0)
    pos = table.visualRect(index).center()
    menu = _menu_after(qtbot, window, lambda: table.customContextMenuRequested.emit(pos))
    _assert_agree(window, library)  # the menu's row is the row the panes show
    assert _table_item(window, "quote") == window.models["quote"].item_id(2)
    _action(menu, "Copy with citation").trigger()
    menu.close()
    c = window.current
    assert " ".join(library.source(c.source_id).text[c.start:c.end].split()[:4]) in " ".join(_clipboard().split()) \
        or "‘" in _clipboard()
    labels = [a.text() for a in menu.actions()]
    assert any(t.startswith("Copy as") for t in labels) and "Show in article" in labels and "Open URL" in labels


def test_article_context_menu_copies_the_selection(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    source = window.reading.source
    assert source is not None
    _select_in_article(window, 0, 20)
    span = window.reading.selection_span()
    view = window.reading.text
    menu = _menu_after(qtbot, window, lambda: view.customContextMenuRequested.emit(QPoint(30, 30)))
    _action(menu, "Copy").trigger()
    menu.close()
    assert _clipboard() == source.text[span[0]:span[1]]


def test_detail_citation_context_menu_copies_that_citation(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    item = library.item(window.current.item_id)
    location = window._link_location(f"cite:{item.id}:0")
    assert location is not None
    c = item.citations[0]
    assert (location.start, location.end) == (c.start, c.end)
    menu = window.copier.menu(window.detail, location)
    _action(menu, "Copy").trigger()
    menu.deleteLater()
    assert _clipboard() == c.text


# -- every text shape ---------------------------------------------------------------------------
ARTICLE = ("Leaders Meet in Hanoi\n\nThe two leaders met on Monday 🤝 in Hà Nội.\n"
           "Tô Lâm said trade would grow.\n\nVietnam remains China’s largest trading partner in ASEAN.\n")
SHAPES = {
    "crlf": ARTICLE.replace("\n", "\r\n"),
    "cr": ARTICLE.replace("\n", "\r"),
    "bom": "\ufeff" + ARTICLE,
    "emoji": ARTICLE.replace("Monday", "Monday 🇻🇳🇨🇳 𠀋"),
    "combining": ARTICLE.replace("Hà Nội", "Ha\u0300 No\u0323\u0302i").replace("Tô Lâm", "To\u0302 La\u0302m"),
}
PHRASES = ("Vietnam remains China’s largest trading partner in ASEAN", "trade would grow", "two leaders met")


@pytest.fixture(params=list(SHAPES))
def shaped(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[Library, Source]]:
    text = SHAPES[request.param]
    source = Source(request.param, text, file=f"{request.param}.txt", title="Leaders Meet")
    items = []
    for n, phrase in enumerate(PHRASES):
        start = text.index(phrase)
        items.append(Item(f"quote:{n}", "quote", phrase,
                          {"speaker": None, "speaker_name": None, "text": phrase, "quote_kind": "reported"},
                          [Citation.of(source, start, start + len(phrase))]))
    path = tmp_path / "shaped.sqlite"
    build([source], list(Document(source).passages), items, path)
    lib = Library.open(path)
    yield lib, source
    lib.close()


def _on_screen(text: str) -> str:
    """What a span of the source looks like in the document."""
    return text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "").replace("\n", "\u2029")


def test_every_text_shape_highlights_and_copies_exactly(qtbot, shaped, no_leaks) -> None:  # type: ignore[no-untyped-def]
    library, source = shaped
    window = MainWindow(library)
    window.show()
    qtbot.waitExposed(window)
    try:
        window.reading.boilerplate.setChecked(True)
        for item_id in library.item_ids("quote"):
            item = library.item(item_id)
            c = item.citations[0]
            window.open_item(item_id)
            # The highlight covers exactly the citation: its document text is the citation's.
            assert window.reading.highlighted_text().replace("\n", "\u2029") == _on_screen(c.text)
            before = _on_screen(source.text[:c.start])
            expected_start = len(before.encode("utf-16-le")) // 2
            assert window.reading.offsets.to_doc(c.start) == expected_start
            # Select the highlighted words in the document and copy them with the real key.
            _select_in_article(window, c.start, c.end)
            assert window.reading.selection_span() == (c.start, c.end)
            _focus(qtbot, window, window.reading.text)
            QGuiApplication.clipboard().clear()
            qtbot.keyClick(window.reading.text, Qt.Key.Key_C, CTRL)
            assert _clipboard() == source.text[c.start:c.end]
        # A selection made from the very top (a BOM is never part of it) copies stored text.
        cursor = QTextCursor(window.reading.document)
        cursor.movePosition(QTextCursor.MoveOperation.End, QTextCursor.MoveMode.KeepAnchor)
        window.reading.text.setTextCursor(cursor)
        start, end = window.reading.selection_span()
        qtbot.keyClick(window.reading.text, Qt.Key.Key_C, CTRL)
        assert _clipboard() == source.text[start:end]
        assert source.text[start:end].lstrip("\ufeff") == source.text.lstrip("\ufeff")
    finally:
        window.close()
        window.deleteLater()


def test_non_http_url_is_never_opened(qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    opened: list[object] = []
    monkeypatch.setattr("bilateral.gui.copying.QDesktopServices.openUrl", lambda url: opened.append(url) or True)
    source_id = window.current.source_id
    for bad in ("file:///etc/passwd", "javascript:alert(1)", "ftp://x/y"):
        window._sources._records[source_id] = SourceRecord(Source(source_id, "", url=bad), "bundled", False)
        window.open_url_action.trigger()
        assert not opened
        assert "only http and https" in window.statusBar().currentMessage()
    window._sources._records[source_id] = SourceRecord(Source(source_id, "", url="https://example.org/a"),
                                                       "bundled", False)
    window.open_url_action.trigger()
    assert len(opened) == 1


def test_location_dataclass_is_what_copy_uses(window: MainWindow, library: Library) -> None:
    """Copy of an explicit location copies the stored text at its offsets."""
    item = library.item(library.item_ids("statistic")[0])
    c = item.citations[0]
    assert window.copier.copy_location(Location(c.source, item.id, c.start, c.end), None)
    assert _clipboard() == c.text


def test_a_statistic_whose_sources_disagree_says_so_in_its_row(window: MainWindow, library: Library) -> None:
    from bilateral.gui.item_models import DISAGREE_MARK

    window.category_actions["statistic"].trigger()
    model = window.models["statistic"]
    column = next(c for c in range(model.columnCount()) if model.headerData(c, Qt.Orientation.Horizontal) == "Sources")
    flagged = [r for r in range(model.rowCount()) if model.item_row(r).fields.get("disagrees_with")]
    assert flagged, "the bundled corpus has a figure two sources give differently"
    for r in range(model.rowCount()):
        shown = model.index(r, column).data()
        assert (DISAGREE_MARK in shown) == (r in flagged)
    row = model.item_row(flagged[0])
    tip = model.index(flagged[0], column).data(Qt.ItemDataRole.ToolTipRole)
    other = library.item(row.fields["disagrees_with"][0])
    assert "Sources disagree" in tip and other.fields["display"] in tip


def test_tables_filter_to_one_source_from_a_row_menu_and_the_chip_clears_it(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                                            library: Library) -> None:
    window.category_actions["statistic"].trigger()
    table = window.tables["statistic"]
    everything = window.models["statistic"].rowCount()
    index = table.model().index(3, 0)
    menu = _menu_after(qtbot, window, lambda: table.customContextMenuRequested.emit(table.visualRect(index).center()))
    source_id = window.current.source_id
    _action(menu, "Only items from this passage's source").trigger()
    menu.close()
    assert window.source_chip.isVisible() and "Only:" in window.source_chip.text()
    for kind in ("statistic", "quote"):
        window.category_actions[kind].trigger()
        model = window.models[kind]
        assert model.rowCount() > 0 or window.table_stack.currentWidget() is window.empty_label
        for row in range(model.rowCount()):
            assert source_id in {c.source for c in library.item(model.item_id(row)).citations}
    assert window.models["statistic"].rowCount() < everything
    window.source_chip.click()
    assert not window.source_chip.isVisible()
    assert window.models["statistic"].rowCount() == everything
