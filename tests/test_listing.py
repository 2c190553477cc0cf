"""A table's rows are listed by SQLite as one packed string (Library.item_rowids): the same rows in the
same order as listing them one by one, for every column a table sorts by, both ways, filtered or not."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.core import paths
from bilateral.gui.item_models import COLUMNS
from bilateral.services.importer import run_import
from bilateral.services.library import ensure_library
from bilateral.store.library import Library
from news_factory import generate


@pytest.fixture(scope="module")
def library(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("listing")
    path = folder / "library.sqlite"
    ensure_library(path)
    files = []
    for name, text in generate(12, 5):
        (folder / name).write_text(text, encoding="utf-8")
        files.append(str(folder / name))
    assert run_import(path, files).count("imported") == 12
    return path


def _one_by_one(lib: Library, kind: str, **how: object) -> list[int]:
    return [lib.item_rowid(i) for i in lib.item_ids(kind, **how)]  # type: ignore[misc, arg-type]


@pytest.mark.parametrize("kind", sorted(COLUMNS))
def test_every_sort_lists_the_rows_in_the_order_listing_them_one_by_one_gives(library: Path, kind: str) -> None:
    with Library.open(library) as lib:
        for column in COLUMNS[kind]:
            for descending in (False, True):
                packed = list(lib.item_rowids(kind, sort=column.sort, descending=descending))
                assert packed == _one_by_one(lib, kind, sort=column.sort, descending=descending), (column.sort,
                                                                                                  descending)
                assert len(packed) == lib.counts()[kind]


def test_a_filter_and_a_source_list_the_same_rows(library: Path) -> None:
    with Library.open(library) as lib:
        source = lib.first_source_ids(1)[0]
        for kind in ("person", "statistic", "quote"):
            for how in ({"text": "trade"}, {"source": source}, {"text": "zzzz-nothing"}):
                packed = list(lib.item_rowids(kind, **how))  # type: ignore[arg-type]
                assert packed == _one_by_one(lib, kind, **how), (kind, how)
        assert list(lib.item_rowids("statistic", text="zzzz-nothing")) == []


def test_the_bundled_library_lists_every_item(tmp_path: Path) -> None:
    with Library.open(paths.bundled_store()) as lib:
        total = sum(len(lib.item_rowids(kind)) for kind in COLUMNS if kind != "source")
        assert total == sum(n for k, n in lib.counts().items() if k != "source")
