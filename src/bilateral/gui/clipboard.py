"""Copy a passage with its citation: text/plain in the chosen format, text/html escaped."""

from __future__ import annotations

from PySide6.QtCore import QMimeData
from PySide6.QtGui import QGuiApplication

from bilateral.core.cite import FORMATS, clipboard_html, format_citation
from bilateral.core.model import Source


def citation_mime(text: str, source: Source, start: int, end: int, fmt: str = "plain") -> QMimeData:
    """Both flavours at once, so a word processor gets the quote block and an editor the plain text."""
    mime = QMimeData()
    mime.setText(format_citation(fmt, text, source, start, end))
    mime.setHtml(clipboard_html(text, source))
    return mime


def copy_citation(text: str, source: Source, start: int, end: int, fmt: str = "plain") -> str:
    """Put the passage and citation on the clipboard; return the status-bar line saying what was copied."""
    QGuiApplication.clipboard().setMimeData(citation_mime(text, source, start, end, fmt))
    words = " ".join(text.split())
    preview = words if len(words) <= 60 else words[:59].rstrip() + "…"
    title = source.title or "untitled article"
    return f"Copied “{preview}” with a {FORMATS[fmt]} citation — from “{title}”, chars {start}–{end}"
