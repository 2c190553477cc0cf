"""Window state comes back on the next launch, from a per-test settings file."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from bilateral.gui.settings import settings_path
from bilateral.store.library import Library

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


def test_settings_live_under_this_tests_config_home() -> None:
    assert Path(os.environ["XDG_CONFIG_HOME"]) in settings_path().parents
    assert not settings_path().exists()


def test_state_restored_across_two_window_instances(qtbot, make_window, library: Library) -> None:  # type: ignore[no-untyped-def]
    first = make_window()
    first.resize(760, 560)  # inside the offscreen screen, which restoreGeometry clamps to
    first.show_category("quote")
    quote = library.item_ids("quote")[2]
    first.open_item(quote, category="quote")
    first.main_splitter.setSizes([160, 250, 350])  # each above its minimum width
    first.center_splitter.setSizes([200, 250])
    first.reading.boilerplate.setChecked(False)
    first.close()
    main_sizes, center_sizes = first.main_splitter.sizes(), first.center_splitter.sizes()
    assert settings_path().is_file()

    second = make_window()
    assert (second.width(), second.height()) == (760, 560)
    assert second.category == "quote"
    assert second.current is not None and second.current.item_id == quote
    assert second.reading.highlighted_text() == library.item(quote).citations[0].text
    assert second.tables["quote"].currentIndex().row() == second.models["quote"].row_of(quote)
    # Splitters are restored just after the first layout pass.
    qtbot.waitUntil(lambda: second.main_splitter.sizes() == main_sizes)
    qtbot.waitUntil(lambda: second.center_splitter.sizes() == center_sizes)
    assert not second.reading.boilerplate.isChecked()


def test_first_launch_has_a_sensible_default(make_window) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert (window.width(), window.height()) == (1280, 800)
    assert window.category == "statistic"
    assert window.current is not None  # something is open, not an empty pane
