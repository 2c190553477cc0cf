"""Help ▸ Keyboard shortcuts, built from the window's own actions so it cannot drift."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar

#: Keys handled by widgets rather than window actions.
EXTRA_KEYS: tuple[tuple[str, str, str], ...] = (
    ("Search", "Enter", "Open the top hit's passage"),
    ("Search", "Down", "Move from the search field to the results"),
    ("Search", "Esc", "Clear the search and return to the table"),
    ("Tables and results", "Enter", "Open the item's original passage"),
    ("Article", "Ctrl+F", "Find in the article (when the article has focus)"),
    ("Article", "F3 / Shift+F3", "Next / previous match"),
    ("Article", "Esc", "Close the find bar"),
    ("Details", "Tab, Enter", "Move between links and open one"),
    ("Navigation", "Mouse back / forward buttons", "Back / Forward"),
)


def _label(action: QAction) -> str:
    return action.text().replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…")


def action_rows(menubar: QMenuBar) -> list[tuple[str, str, str]]:
    """(menu, keys, what) for every menu action that has a shortcut, plus the widget keys."""
    rows: list[tuple[str, str, str]] = []

    def walk(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                walk(action.menu(), f"{path} ▸ {_label(action)}")
            elif not action.isSeparator() and action.shortcuts():
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in action.shortcuts())
                rows.append((path, keys, _label(action)))

    for top in menubar.actions():
        if top.menu() is not None:
            walk(top.menu(), _label(top))
    rows.extend(EXTRA_KEYS)
    return rows


def shortcuts_html(rows: list[tuple[str, str, str]]) -> str:
    body = "".join(
        f"<tr><td>{html.escape(menu)}</td><td><b>{html.escape(keys)}</b></td><td>{html.escape(what)}</td></tr>"
        for menu, keys, what in rows)
    return ('<table cellspacing="0" cellpadding="4"><tr><th align="left">Where</th><th align="left">Keys</th>'
            f'<th align="left">Does</th></tr>{body}</table>')
