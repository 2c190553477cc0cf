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
