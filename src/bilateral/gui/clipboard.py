"""Copy a passage with its citation: text/plain and text/html from the same rendering."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from bilateral.core.cite import DEFAULT_STYLE, STYLES, CitationError, render
from bilateral.core.model import Source

_HTML_PAGE = '<html><head><meta charset="utf-8"></head><body>{}</body></html>'


def citation_mime(text: str, source: Source, style: str = DEFAULT_STYLE) -> QMimeData:
    """Both flavours at once: a word processor takes the HTML (italics, link), an editor the text."""
    rendered = render(style, text, source)
    mime = QMimeData()
    mime.setText(rendered.plain)
    mime.setHtml(_HTML_PAGE.format(rendered.html))
    return mime


def preview(text: str) -> str:
    """A passage as the status bar quotes it: one line, at most 60 characters."""
    words = " ".join(text.split())
    return words if len(words) <= 60 else words[:59].rstrip() + "…"


def copy_citation(text: str, source: Source, style: str = DEFAULT_STYLE) -> str:
    """Put the passage and citation on the clipboard; return the status-bar line saying what was copied.

    Should the citation processor fail, the passage alone is copied and the line says so.
    """
    words = " ".join(text.split())
    shown = preview(text)
    try:
        mime = citation_mime(text, source, style)
    except CitationError as err:
        QGuiApplication.clipboard().setText(words)
        return f"Copied “{shown}” without a citation — {err}"
    QGuiApplication.clipboard().setMimeData(mime)
    title = source.title or "an untitled article"
    where = f"“{title}”" if source.title else title
    return f"Copied “{shown}” with its citation ({STYLES.get(style, str(style))}) — from {where}"
