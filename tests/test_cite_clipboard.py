"""The clipboard gets text/plain and text/html from the same rendering."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QGuiApplication

import bilateral.gui.clipboard as clipboard
from bilateral.core.cite import CitationError, render
from bilateral.core.model import Source
from bilateral.gui.clipboard import citation_mime, copy_citation

pytestmark = pytest.mark.gui

SOURCE = Source(id="s", text="x", title="Ties elevated", publisher="CGTN", author="Xin Ge",
                published="2023-12", url="https://example.org/a", basis={"published": "inferred"})


def test_mime_has_both_flavours(qapp) -> None:  # type: ignore[no-untyped-def]
    mime = citation_mime("A line.", SOURCE, "mla")
    expected = render("mla", "A line.", SOURCE)
    assert mime.text() == expected.plain
    assert expected.html in mime.html() and "<i>CGTN</i>" in mime.html()


def test_copy_puts_it_on_the_clipboard_and_says_so(qapp) -> None:  # type: ignore[no-untyped-def]
    line = copy_citation("A  line.", SOURCE, "chicago-note")
    assert QGuiApplication.clipboard().text() == render("chicago-note", "A line.", SOURCE).plain
    assert line == "Copied “A line.” with its citation (Chicago 17th (notes)) — from “Ties elevated”"
    assert copy_citation("A line.", SOURCE).startswith("Copied “A line.” with its citation (APA 7th)")
    QGuiApplication.clipboard().clear()


def test_copy_refuses_a_bool_style(qapp) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="unknown citation style"):
        copy_citation("A line.", SOURCE, False)  # type: ignore[arg-type]


def test_a_failing_processor_still_copies_the_passage(qapp, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    def broken(*_args: object) -> None:
        raise CitationError("citation processor failed: test")

    monkeypatch.setattr(clipboard, "citation_mime", broken)
    line = copy_citation("A\nline.", SOURCE, "apa")
    assert QGuiApplication.clipboard().text() == "A line."
    assert "without a citation" in line
    QGuiApplication.clipboard().clear()
