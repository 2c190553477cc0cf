"""Find in article: like search, it ignores case and diacritics; it counts, steps and closes by key."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt

from bilateral.core.model import Source
from bilateral.gui.main_window import MainWindow
from bilateral.gui.navigation import Location
from bilateral.gui.reading_pane import find_spans
from bilateral.store.folding import fold
from bilateral.store.library import Library

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui

TEXT = "Tô Lâm met to lam.\nTÔ\nLÂM left; tolam is not a match. Đà Nẵng 𝐀 to lam"


def test_find_spans_ignore_case_diacritics_and_line_breaks() -> None:
    spans = find_spans(TEXT, "to lam")
    found = [TEXT[a:b] for a, b in spans[:3]]  # no astral character before these: positions = indices
    assert found == ["Tô Lâm", "to lam", "TÔ\nLÂM"]
    assert len(spans) == 4
    assert find_spans(TEXT, "TO  LÂM") == spans  # the needle is folded and spaced the same way
    assert len(find_spans(TEXT, "da nang")) == 1  # đ is a letter of its own, folded as search folds it
    start, end = spans[-1]  # after a character outside the BMP: Qt counts it as two positions
    assert (start, end) == (len(TEXT) + 1 - len("to lam"), len(TEXT) + 1)
    assert find_spans(TEXT, "   ") == []


def test_find_bar_counts_steps_and_closes(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    reading = window.reading
    reading.show_source(Source("made-up", TEXT), [], [])
    reading.text.setFocus()
    window.find()  # Ctrl+F with the article focused opens its find bar
    assert reading.find_bar.isVisible()
    qtbot.keyClicks(reading.find_field, "to lam")
    assert reading.find_label.text() == "1 of 4"
    assert reading._find_cursors[reading._find_index].selectedText() == "Tô Lâm"
    assert reading.text.textCursor().position() == len("Tô Lâm")  # the caret (and view) went there
    qtbot.keyClick(reading.find_field, Qt.Key.Key_Return)
    assert reading.find_label.text() == "2 of 4"
    assert reading._find_cursors[reading._find_index].selectedText() == "to lam"
    qtbot.keyClick(reading.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reading.find_label.text() == "1 of 4"
    qtbot.keyClick(reading.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert reading.find_label.text() == "4 of 4"  # wraps around
    qtbot.keyClicks(reading.find_field, "zzz")
    assert reading.find_label.text() == "No matches"
    qtbot.keyClick(reading.find_field, Qt.Key.Key_Escape)
    assert not reading.find_bar.isVisible()
    assert reading._find_cursors == []


def test_find_counts_every_occurrence_in_a_real_article(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    source = max(library.source_infos(), key=lambda s: window.source(s.id).text.count("Xi"))
    window.open_location(Location(source.id))
    text = window.source(source.id).text
    expected = len(re.findall(r"xi\s+jinping", fold(text)))
    assert expected > 1
    window.reading.open_find()
    qtbot.keyClicks(window.reading.find_field, "XI JINPING")
    assert window.reading.find_label.text() == f"1 of {expected}"
