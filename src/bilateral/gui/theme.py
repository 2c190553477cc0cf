"""Colours derived from the system palette, and the stylesheet filled from them.

Nothing here is a fixed light colour: highlights are the palette's own
Highlight blended into Base, so a dark system palette gives dark-friendly
marks (napari fills its QSS templates from a theme the same way).
"""

from __future__ import annotations

import html
import re

from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QApplication

from bilateral.core.paths import resources_dir


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved ``t`` of the way to ``b``."""
    return QColor.fromRgbF(
        a.redF() + (b.redF() - a.redF()) * t,
        a.greenF() + (b.greenF() - a.greenF()) * t,
        a.blueF() + (b.blueF() - a.blueF()) * t,
    )


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightnessF() < 0.5


class Colors:
    """The handful of colours the reading pane and delegates need, from one palette."""

    def __init__(self, palette: QPalette) -> None:
        base = palette.color(QPalette.ColorRole.Base)
        text = palette.color(QPalette.ColorRole.Text)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        self.base = base
        self.text = text
        self.current_span = mix(base, highlight, 0.55 if is_dark(palette) else 0.38)
        self.other_span = mix(base, highlight, 0.22 if is_dark(palette) else 0.13)
        # Find matches use the link colour's hue so they differ from citation marks.
        link = palette.color(QPalette.ColorRole.Link)
        self.find_match = mix(base, link, 0.45)
        self.dim_text = mix(text, base, 0.55)
        self.muted_text = mix(text, base, 0.38)
        self.border = mix(text, base, 0.82)
        self.sidebar = palette.color(QPalette.ColorRole.Window)


def tooltip_html(text: str) -> str:
    """Rich text so Qt wraps a long tooltip (a whole quote, an evidence note) instead of one screen-wide line."""
    return "<p>" + html.escape(text).replace("\n", "<br>") + "</p>"


def app_icon() -> QIcon:
    icon = QIcon()
    icons = resources_dir() / "icons"
    for name in ("bilateral.svg", "bilateral-256.png"):
        path = icons / name
        if path.is_file():
            icon.addFile(str(path))
    return icon


def stylesheet(palette: QPalette) -> str:
    """resources/style.qss with ``{{name}}`` filled from the palette-derived colours."""
    path = resources_dir() / "style.qss"
    if not path.is_file():
        return ""
    colors = Colors(palette)
    values = {
        "border": colors.border.name(),
        "muted": colors.muted_text.name(),
        "base": colors.base.name(),
        "text": colors.text.name(),
        "sidebar": colors.sidebar.name(),
        "highlight": palette.color(QPalette.ColorRole.Highlight).name(),
        "highlight_soft": colors.other_span.name(),
    }
    template = path.read_text(encoding="utf-8")
    return re.sub(r"\{\{\s*(\w+)\s*\}\}", lambda m: values.get(m.group(1), m.group(0)), template)


def apply(app: QApplication) -> None:
    app.setStyleSheet(stylesheet(app.palette()))
