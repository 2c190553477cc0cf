"""The category tables at the default 1280×800 window: nothing clipped, cut-off cells explain themselves."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from bilateral.gui.item_models import CATEGORIES
from bilateral.gui.main_window import MainWindow
from bilateral.gui.table_view import CategoryTable, ElidedToolTipDelegate

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui

#: What each table must show in full at 1280×800 (headers as the model names them).
MUST_SHOW = {
    "person": ("Name", "Native", "Country", "Roles"),
    # One row per fact: a statistic reported by several sources shows how many; each source's
    # "according to" is in the detail pane (the column is in the header menu).
    "statistic": ("Value", "Measure", "Period", "Qualifier", "Sources"),
    "quote": ("Speaker", "Quote", "Kind", "Source"),
    "agreement": ("Name", "Kind", "Year", "Parties"),
    "event": ("Date", "Title", "Participants", "Sources"),
    "source": ("Title", "Publisher", "Published"),
}
#: The column that takes the spare width, and the least it may get.
READING_COLUMN = {"person": "Roles", "statistic": "Measure", "quote": "Quote", "agreement": "Name",
                  "event": "Title", "source": "Title"}


def _column(table: CategoryTable, header_text: str) -> int:
    model = table.model()
    for column in range(model.columnCount()):
        if model.headerData(column, Qt.Orientation.Horizontal) == header_text:
            return column
    raise AssertionError(f"{table.key} has no column {header_text!r}")


@pytest.mark.parametrize("key", [k for k, _ in CATEGORIES])
def test_columns_fit_a_1280_window_without_clipping(window: MainWindow, key: str) -> None:
    assert (window.width(), window.height()) == (1280, 800)
    window.show_category(key)
    QApplication.processEvents()
    table = window.tables[key]
    header = table.horizontalHeader()
    viewport = table.viewport().width()
    assert table.horizontalScrollBar().maximum() == 0, "columns run past the table's right edge"
    for name in MUST_SHOW[key]:
        column = _column(table, name)
        assert not header.isSectionHidden(column), f"{name} is hidden"
        left = header.sectionViewportPosition(column)
        assert left >= 0 and left + header.sectionSize(column) <= viewport, f"{name} is cut off"
        # The header's own words fit, with a little room for padding.
        text_width = header.fontMetrics().horizontalAdvance(name)
        assert header.sectionSize(column) >= text_width + 8, f"the {name} header is truncated"
    reading = header.sectionSize(_column(table, READING_COLUMN[key]))
    # 200 px, not a third of the view: at 1280 px the Statistics figure ("35 million passengers") comes first.
    assert reading >= 200, f"{READING_COLUMN[key]} is squeezed to {reading}px"


def test_short_cells_are_not_cut_off(window: MainWindow) -> None:
    """The narrow columns are wide enough for the values they hold (dates, kinds, years, periods)."""
    for key, columns in (("event", ("Date",)), ("quote", ("Speaker", "Kind")), ("agreement", ("Year", "Parties")),
                         ("statistic", ("Value", "Period", "Qualifier")), ("person", ("Country",))):
        window.show_category(key)
        QApplication.processEvents()
        table = window.tables[key]
        delegate = table.itemDelegate()
        assert isinstance(delegate, ElidedToolTipDelegate)
        model = table.model()
        for name in columns:
            column = _column(table, name)
            cut = [model.index(r, column).data() for r in range(model.rowCount())
                   if delegate.tooltip(table, model.index(r, column)) is not None]
            assert not cut, f"{key} {name}: cut off {cut}"


def test_a_cut_off_cell_has_its_full_text_as_tooltip_and_a_whole_one_has_none(window: MainWindow) -> None:
    window.show_category("quote")
    QApplication.processEvents()
    table = window.tables["quote"]
    model = table.model()
    delegate = table.itemDelegate()
    assert isinstance(delegate, ElidedToolTipDelegate)
    quote = _column(table, "Quote")
    width = table.horizontalHeader().sectionSize(quote)
    long_rows = [r for r in range(model.rowCount())
                 if table.fontMetrics().horizontalAdvance(model.index(r, quote).data()) > width]
    assert long_rows, "no quote is wider than its column"
    index = model.index(long_rows[0], quote)
    assert delegate.tooltip(table, index) == model.index(long_rows[0], quote).data(Qt.ItemDataRole.ToolTipRole)
    assert " ".join(delegate.tooltip(table, index).split()) == index.data()
    kind = model.index(0, _column(table, "Kind"))
    assert delegate.tooltip(table, kind) is None  # "reported" fits: no tooltip noise


def test_inferred_dates_in_the_sources_table_explain_themselves(window: MainWindow) -> None:
    window.show_category("source")
    QApplication.processEvents()
    table = window.tables["source"]
    model = table.model()
    delegate = table.itemDelegate()
    published = _column(table, "Published")
    inferred = [r for r in range(model.rowCount()) if model.source_at(r).published_basis == "inferred"]
    assert inferred, "no inferred date in the bundled store"
    row = inferred[0]
    tip = delegate.tooltip(table, model.index(row, published))
    assert tip is not None and "inferred" in tip
    assert model.source_at(row).evidence["published"] in tip


def test_hidden_columns_come_back_from_the_header_menu_and_stay(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    window.show_category("statistic")
    table = window.tables["statistic"]
    source = _column(table, "Source")
    assert table.horizontalHeader().isSectionHidden(source)  # hidden by default at this width
    menu = table.column_menu()
    action = next(a for a in menu.actions() if a.text() == "Source")
    stretch = next(a for a in menu.actions() if a.text() == "Measure")
    assert not stretch.isEnabled()  # the reading column cannot be hidden
    action.setChecked(True)
    assert not table.horizontalHeader().isSectionHidden(source)
    menu.deleteLater()
    window.save_state()
    again = make_window()
    again.show_category("statistic")
    assert not again.tables["statistic"].horizontalHeader().isSectionHidden(source)
