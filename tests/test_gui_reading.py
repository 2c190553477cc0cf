"""The reading pane's header says where each piece of metadata came from."""

from __future__ import annotations

import html

import pytest

from bilateral.gui.main_window import MainWindow
from bilateral.gui.navigation import Location
from bilateral.store.library import Library

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


def test_hovering_an_inferred_date_shows_its_evidence(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    source = next(s for s in library.source_infos() if s.published_basis == "inferred")
    window.open_location(Location(source.id))
    reading = window.reading
    assert 'href="note:published"' in reading.meta.text()
    assert "(inferred)" in reading.meta.text()
    reading.meta.linkHovered.emit("note:published")
    tip = html.unescape(reading.meta.toolTip())
    assert "inferred" in tip and source.evidence["published"] in tip
    reading.meta.linkHovered.emit("")  # the pointer left the date
    assert reading.meta.toolTip() == ""
    with qtbot.waitSignal(reading.message) as shown:  # keyboard or click: the note goes to the status bar
        reading.meta.linkActivated.emit("note:published")
    assert source.evidence["published"][:30] in shown.args[0]


def test_other_metadata_notes_on_hover_too(window: MainWindow, library: Library) -> None:
    untitled = next(s for s in library.source_infos() if not s.title and s.evidence.get("title"))
    window.open_location(Location(untitled.id))
    reading = window.reading
    assert untitled.evidence["title"] in html.unescape(reading.title.toolTip())
    assert reading.meta_note("author") and untitled.evidence["author"] in reading.meta_note("author")
    reading.meta.linkHovered.emit("note:author")
    assert untitled.evidence["author"] in html.unescape(reading.meta.toolTip())
    if untitled.evidence.get("url"):
        assert untitled.evidence["url"] in html.unescape(reading.url.toolTip())


def test_a_stated_date_is_not_marked_but_still_says_where_it_was_read(window: MainWindow, library: Library) -> None:
    stated = next((s for s in library.source_infos() if s.published_basis == "stated"), None)
    if stated is None:
        pytest.skip("no stated date in the bundled store")
    window.open_location(Location(stated.id))
    reading = window.reading
    assert "(inferred)" not in reading.meta.text()
    note = reading.meta_note("published")
    assert note.startswith("Published stated")
    if stated.evidence.get("published"):
        assert stated.evidence["published"] in note
