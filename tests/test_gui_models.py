"""Every item model passes Qt's model tester (pytest-qt's qtmodeltester)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt

from bilateral.core.model import KINDS
from bilateral.gui.item_models import CategoryModel, ItemTableModel, SearchResultModel, SourceTableModel
from bilateral.store.library import Library

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


@pytest.fixture
def owner(qapp) -> QObject:  # type: ignore[no-untyped-def]
    return QObject()


@pytest.mark.parametrize("kind", KINDS)
def test_item_table_model(qtmodeltester, library: Library, owner: QObject, kind: str) -> None:  # type: ignore[no-untyped-def]
    model = ItemTableModel(library, kind, owner)
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected: sorting and filtering must signal correctly too.
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
    model.set_filter("vietnam")
    model.set_filter("")


def test_source_table_model(qtmodeltester, library: Library, owner: QObject) -> None:  # type: ignore[no-untyped-def]
    model = SourceTableModel(library, owner)
    qtmodeltester.check(model, force_py=True)
    model.sort(2, Qt.SortOrder.DescendingOrder)
    model.set_filter("vietnam")


def test_category_model(qtmodeltester, library: Library, owner: QObject) -> None:  # type: ignore[no-untyped-def]
    qtmodeltester.check(CategoryModel(library.counts(), owner), force_py=True)


def test_search_result_model(qtmodeltester, library: Library, owner: QObject) -> None:  # type: ignore[no-untyped-def]
    model = SearchResultModel(owner)
    model.set_result(library.search("Vietnam trade"))
    assert model.rowCount() > 1
    qtmodeltester.check(model, force_py=True)
    # The tester stays connected and checks the resets too.
    model.set_result(library.search("zzzz-nothing"))
    model.set_result(library.search("durian"))


@pytest.mark.parametrize("kind", KINDS)
def test_row_of_finds_every_row_in_any_order(library: Library, owner: QObject, kind: str) -> None:
    model = ItemTableModel(library, kind, owner)
    for column in range(model.columnCount()):
        model.sort(column, Qt.SortOrder.DescendingOrder)
        assert [model.row_of(model.item_id(r)) for r in range(model.rowCount())] == list(range(model.rowCount()))
    assert model.row_of("no-such:item") == -1


def test_a_packed_row_is_found_where_it_starts_never_across_two_rows(library: Library, owner: QObject) -> None:
    from array import array

    model = ItemTableModel(library, "quote", owner, load=False)
    straddled = 1 << 56  # little- or big-endian, its bytes and those of 1 meet across the boundary
    model._apply(array("q", [straddled, 1, 7]), reset=True)
    assert (model._position(1), model._position(straddled), model._position(7), model._position(2)) == (1, 0, 2, -1)
