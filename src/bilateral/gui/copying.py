"""What the copy keys and menus copy: always something the user can see.

- Copy (Ctrl+C): the selection in the focused pane when there is one, else
  the passage of what the panes show (or of the focused search hit).
- Copy with citation (Ctrl+Shift+C): the article selection if there is one,
  else that same passage, with a citation in the default style.
- Copy as ▸ style: the same, in the chosen style.

A passage is copied as the stored source text at its offsets, so what is on
the clipboard is exactly what the citation points at.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, QPoint, QSettings, QUrl
from PySide6.QtGui import QAction, QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTextEdit, QWidget

from bilateral.core.cite import DEFAULT_STYLE, STYLES
from bilateral.gui.clipboard import copy_citation, preview
from bilateral.gui.navigation import Location

if TYPE_CHECKING:
    from bilateral.gui.main_window import MainWindow

STYLE_KEY = "cite/style"
_SAFE_SCHEMES = ("http", "https")


def default_style(settings: QSettings) -> str:
    """The style Ctrl+Shift+C uses (Preferences); a bad saved value falls back to the default."""
    value = settings.value(STYLE_KEY, DEFAULT_STYLE)
    return value if isinstance(value, str) and value in STYLES else DEFAULT_STYLE


def safe_url(url: str | None) -> QUrl | None:
    """Only http(s) addresses from a source are ever opened."""
    if not url:
        return None
    qurl = QUrl(url, QUrl.ParsingMode.StrictMode)
    return qurl if qurl.isValid() and qurl.scheme().lower() in _SAFE_SCHEMES and qurl.host() else None


class Copier(QObject):
    """Copy actions of one window; every path ends in ``copy_location`` or a widget's own copy."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    # -- what is meant ----------------------------------------------------------
    def article_selection(self) -> Location | None:
        reading = self._window.reading
        span = reading.selection_span()
        if span is None or reading.source is None:
            return None
        return Location(reading.source.id, None, span[0], span[1])

    def shown(self) -> Location | None:
        """The focused search hit, else what the detail and reading panes show."""
        window = self._window
        if QApplication.focusWidget() is window.search_panel.view:
            hit = window.search_panel.current_hit()
            if hit is not None:
                c = hit.citation
                return Location(c.source, hit.item_id, c.start, c.end, hit.kind if hit.item_id else None)
        return window.current

    # -- the actions ---------------------------------------------------------------
    def copy(self) -> None:
        """Ctrl+C."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QTextEdit) and focus.textCursor().hasSelection():
            focus.copy()  # the article view copies stored text (ArticleText), the detail pane its own
            self._window.messages.show_info(f"Copied “{preview(QGuiApplication.clipboard().text())}”")
            return
        if isinstance(focus, QLineEdit) and focus.hasSelectedText():
            focus.copy()
            return
        self.copy_location(self.shown(), None)

    def copy_with_citation(self) -> None:
        """Ctrl+Shift+C: in the default style."""
        self.copy_as(default_style(self._window.settings))

    def copy_as(self, style: str) -> None:
        self.copy_location(self.article_selection() or self.shown(), style)

    def copy_location(self, location: Location | None, style: str | None) -> bool:
        """Copy a span's stored text, with a citation in ``style`` unless it is None."""
        window = self._window
        if location is None or location.start is None or location.end is None:
            window.messages.show_error("Nothing to copy — choose an item, or select text in the article")
            return False
        try:
            source = window.source(location.source_id)
        except KeyError:
            window.messages.show_error(f"That source is no longer in the library ({location.source_id})")
            return False
        text = source.text[location.start:location.end]
        if style is None:
            mime = QMimeData()
            mime.setText(text)
            QGuiApplication.clipboard().setMimeData(mime)
            window.messages.show_info(f"Copied “{preview(text)}”")
        else:
            window.messages.show_info(copy_citation(text, source, style))
        return True

    def open_url(self, location: Location | None) -> None:
        window = self._window
        source_id = location.source_id if location is not None else None
        source = window.source_info(source_id) if source_id else None
        if source is None or not source.url:
            window.messages.show_error("This article's URL is unknown")
            return
        url = safe_url(source.url)
        if url is None:
            window.messages.show_error("Not opened: only http and https addresses are opened from a source")
            return
        if not QDesktopServices.openUrl(url):
            window.messages.show_error("Could not open the address in a browser")

    # -- context menus ---------------------------------------------------------------
    def menu(self, parent: QWidget, location: Location | None, *, selection: QTextEdit | None = None,
             show: Callable[[], None] | None = None) -> QMenu:
        """Copy, Copy with citation, Copy as ▸, Show in article, Open URL — for ``location``.

        With ``selection`` (a text view holding a selection) Copy copies that selection.
        """
        menu = QMenu(parent)
        style = default_style(self._window.settings)

        def add(text: str, slot: Callable[[], object], enabled: bool = True) -> QAction:
            action = menu.addAction(text)
            action.setEnabled(enabled)
            action.triggered.connect(lambda _checked=False: slot())
            return action

        has_span = location is not None and location.start is not None
        if selection is not None:
            add("Copy", selection.copy).setShortcut("Ctrl+C")
        else:
            add("Copy", partial(self.copy_location, location, None), has_span).setShortcut("Ctrl+C")
        add(f"Copy with citation ({STYLES[style]})", partial(self.copy_location, location, style),
            has_span).setShortcut("Ctrl+Shift+C")
        copy_as = menu.addMenu("Copy as")
        copy_as.setEnabled(has_span)
        for key, label in STYLES.items():
            action = copy_as.addAction(label)
            action.triggered.connect(partial(self._copy_as_from_menu, location, key))
        menu.addSeparator()
        if show is not None:
            add("Show in article", show, has_span)
        source = self._window.source_info(location.source_id) if location is not None else None
        add("Open URL", partial(self.open_url, location), source is not None and safe_url(source.url) is not None)
        return menu

    def _copy_as_from_menu(self, location: Location | None, style: str, _checked: bool = False) -> None:
        self.copy_location(location, style)

    def popup(self, menu: QMenu, widget: QWidget, pos: QPoint) -> None:
        menu.popup(widget.mapToGlobal(pos))
