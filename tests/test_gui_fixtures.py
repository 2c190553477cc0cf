"""Fixtures for the GUI tests: the real window on the bundled store, and a check for leaks.

Other test_gui_* modules load this file with ``pytest_plugins``. Every
window is closed and deleted after its test; a top-level widget or a search
thread still alive afterwards fails the test (napari's conftest idea).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QApplication

from bilateral.core.paths import bundled_store
from bilateral.gui import messages
from bilateral.gui.main_window import MainWindow
from bilateral.store.library import Library

pytestmark = pytest.mark.gui


def _flush_deletes() -> None:
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QApplication.processEvents()


@pytest.fixture
def library() -> Iterator[Library]:
    if not bundled_store().is_file():
        pytest.fail("no bundled store: run `bilateral build` first")
    lib = Library.open()
    yield lib
    lib.close()


@pytest.fixture
def no_leaks(qapp: QApplication) -> Iterator[None]:
    """Fail when a test leaves a top-level widget behind."""
    messages.dialogs_enabled = False
    _flush_deletes()
    before = {id(w) for w in qapp.topLevelWidgets()}
    yield
    _flush_deletes()
    leaked = [w for w in qapp.topLevelWidgets() if id(w) not in before]
    assert not leaked, f"widgets left open: {[type(w).__name__ + ':' + w.objectName() for w in leaked]}"


@pytest.fixture
def make_window(qtbot, library: Library, no_leaks: None) -> Iterator:  # type: ignore[no-untyped-def]
    """Build real main windows; each is shown, and closed and deleted afterwards."""
    windows: list[MainWindow] = []

    def make() -> MainWindow:
        window = MainWindow(library)
        window.show()
        qtbot.waitExposed(window)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.close()
        assert not window.search_panel.controller._thread.isRunning(), "search thread still running"
        window.deleteLater()
    _flush_deletes()


@pytest.fixture
def window(make_window) -> MainWindow:  # type: ignore[no-untyped-def]
    return make_window()


@contextmanager
def window_on(qtbot, path: Path) -> Iterator[MainWindow]:  # type: ignore[no-untyped-def]
    """The real window on the library at ``path``, shown; closed and deleted, then the library
    closed, after the ``with`` block (for tests on a library of their own)."""
    with Library.open(path) as library:
        window = MainWindow(library)
        window.show()
        qtbot.waitExposed(window)
        try:
            yield window
        finally:
            window.close()
            window.deleteLater()


def test_fixture_closes_window_and_stops_search_thread(make_window, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    window = make_window()
    assert window.isVisible()
    assert window.search_panel.controller._thread.isRunning()
    window.close()
    assert not window.search_panel.controller._thread.isRunning()
