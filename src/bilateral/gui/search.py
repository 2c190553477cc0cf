"""Results of the one search field: grouped by kind, filterable by kind and source.

Searching runs in the worker thread (``workers.SearchController``); this
panel only shows what comes back and never waits for it. The keyboard: Down
in the search field enters the list, arrows and Page/Home/End move between
hits only (never onto a group row), Enter opens the highlighted hit (in the
field too), Escape closes the results.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from bilateral.gui.item_models import KIND_NAMES, SearchResultModel
from bilateral.gui.sidebar import HtmlDelegate
from bilateral.gui.workers import SearchController
from bilateral.store.library import SearchHit, SearchResult
from bilateral.store.search import clean_query

FILTER_KINDS: tuple[str | None, ...] = (None, "person", "agreement", "statistic", "quote", "event", "passage")

_Action = QAbstractItemView.CursorAction


class ResultsView(QTreeView):
    """The results tree: the cursor moves from hit to hit, Enter chooses, Escape asks to close."""

    chosen = Signal(QModelIndex)
    close_requested = Signal()

    def search_model(self) -> SearchResultModel:
        model = self.model()
        assert isinstance(model, SearchResultModel)
        return model

    def moveCursor(self, action: QAbstractItemView.CursorAction,
                   modifiers: Qt.KeyboardModifier) -> QModelIndex:
        model = self.search_model()
        if model.hit_count() == 0:
            return QModelIndex()
        here = model.hit_position(self.currentIndex())
        if action in (_Action.MoveDown, _Action.MoveNext):
            return model.hit_index_at(0 if here is None else here + 1)
        if action in (_Action.MoveUp, _Action.MovePrevious):
            return model.hit_index_at(0 if here is None else here - 1)
        if action == _Action.MoveHome:
            return model.hit_index_at(0)
        if action == _Action.MoveEnd:
            return model.hit_index_at(model.hit_count() - 1)
        if action in (_Action.MovePageDown, _Action.MovePageUp):
            target = super().moveCursor(action, modifiers)
            position = model.hit_position(target, after=action == _Action.MovePageDown)
            return model.hit_index_at(position if position is not None else here or 0)
        return self.currentIndex()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        """A click on a group row changes nothing: the highlighted hit stays what Enter opens."""
        index = self.indexAt(event.position().toPoint())
        if index.isValid() and self.search_model().hit(index) is None:
            event.accept()
            return
        super().mousePressEvent(event)

    def keyboardSearch(self, search: str) -> None:
        """Typing a letter jumps to a hit starting with it, never to a group row."""
        super().keyboardSearch(search)
        model = self.search_model()
        if model.hit_count() and model.hit(self.currentIndex()) is None:
            position = model.hit_position(self.currentIndex())
            self.setCurrentIndex(model.hit_index_at(position or 0))

    def step(self, rows: int) -> None:
        """Move the current row by ``rows`` hits (from the search field's Down key)."""
        model = self.search_model()
        here = model.hit_position(self.currentIndex())
        target = model.hit_index_at(0 if here is None else here + rows)
        if target.isValid():
            self.setCurrentIndex(target)
            self.scrollTo(target)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            if self.search_model().hit(self.currentIndex()) is not None:
                self.chosen.emit(self.currentIndex())
            event.accept()
            return
        if event.key() == Qt.Key.Key_Escape and plain:
            self.close_requested.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchPanel(QWidget):
    hit_activated = Signal(object)  # SearchHit
    message = Signal(str)
    close_requested = Signal()  # Escape in the results: clear the search, back to the table
    source_cleared = Signal()  # the source chip was clicked: the window clears its source filter

    def __init__(self, db_path: Path | None, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("searchPanel")
        self.query = ""
        self.kind: str | None = None
        self.source: str | None = None
        self._open_when_ready = False
        self.controller = SearchController(db_path, self)
        self.controller.result_ready.connect(self._on_result)
        self.controller.failed.connect(self._on_failed)
        self.model = SearchResultModel(self)

        bar = QFrame(self)
        self.kind_group = QButtonGroup(self)
        self.kind_group.setExclusive(True)
        self.kind_buttons: dict[str | None, QToolButton] = {}
        bar_layout = QHBoxLayout(bar)
        bar_layout.setContentsMargins(8, 6, 8, 6)
        bar_layout.setSpacing(4)
        for n, kind in enumerate(FILTER_KINDS):
            button = QToolButton(bar)
            button.setCheckable(True)
            button.setAutoRaise(True)
            button.setText("All" if kind is None else KIND_NAMES[kind])
            button.setToolTip("Show every kind" if kind is None else f"Show only {KIND_NAMES[kind].lower()}")
            self.kind_group.addButton(button, n)
            self.kind_buttons[kind] = button
            bar_layout.addWidget(button)
        self.kind_buttons[None].setChecked(True)
        self.kind_group.idClicked.connect(self._on_kind)
        bar_layout.addStretch(1)
        # The kind buttons scroll sideways rather than forcing a wide window.
        scroller = QScrollArea(self)
        scroller.setObjectName("filterBar")
        scroller.setWidget(bar)
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroller.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        scroller.setFixedHeight(bar.sizeHint().height() + 2)
        # One source at a time, named by a chip (set from a row's menu: "Only items from this
        # passage's source"); never a list of every source, which may be 100,000 long.
        self.source_chip = QToolButton(self)
        self.source_chip.setObjectName("searchSourceFilter")
        self.source_chip.setAccessibleName("Source filter")
        self.source_chip.clicked.connect(self.source_cleared)
        self.source_chip.hide()

        self.status = QLabel(self)
        self.status.setObjectName("muted")
        self.status.setTextFormat(Qt.TextFormat.PlainText)  # it repeats the user's query: never markup
        self.status.setMinimumWidth(40)
        status_row = QHBoxLayout()
        status_row.setContentsMargins(10, 4, 8, 4)
        status_row.addWidget(self.status, 1)
        status_row.addWidget(self.source_chip)

        self.view = ResultsView(self)
        self.view.setObjectName("searchResults")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setItemDelegate(HtmlDelegate(self.view))
        self.view.setUniformRowHeights(False)
        self.view.setWordWrap(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setExpandsOnDoubleClick(False)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(False)
        # Enter is handled by the view itself (``chosen``), the same on every platform; a click opens.
        self.view.chosen.connect(self._on_activated)
        self.view.clicked.connect(self._on_activated)
        self.view.close_requested.connect(self.close_requested)
        self.model.modelReset.connect(self.view.expandAll)

        self.empty = QLabel(self)
        self.empty.setObjectName("emptyState")
        self.empty.setTextFormat(Qt.TextFormat.RichText)  # our markup around an escaped query
        self.empty.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty.setWordWrap(True)
        self.empty.linkActivated.connect(self._on_empty_link)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.view)
        self.stack.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(scroller)
        layout.addLayout(status_row)
        layout.addWidget(self.stack, 1)

    # -- requests ---------------------------------------------------------------
    def set_source(self, source_id: str | None, title: str = "") -> None:
        """Search only what this source cites (None: every source); the chip says which."""
        if source_id is None:
            self.source_chip.hide()
        else:
            short = title if len(title) <= 32 else title[:31] + "…"
            self.source_chip.setText(f"Only: {short}  ✕")
            self.source_chip.setToolTip(f"Only results from “{title}”. Click to search every source.")
            self.source_chip.show()
        if source_id == self.source:
            return
        self.source = source_id
        if self.query.strip():
            self._request()
            self.controller.flush()

    def set_query(self, query: str) -> None:
        self.query = query
        if not query.strip():
            self.controller.cancel()
            self.model.set_result(None)
            self.status.setText("")
            return
        self.status.setText("Searching…")
        self._request()

    def _request(self) -> None:
        kinds = [self.kind] if self.kind else None
        self.controller.search(self.query, kinds, self.source)

    @Slot(int)
    def _on_kind(self, button_id: int) -> None:
        self.kind = FILTER_KINDS[button_id]
        if self.query.strip():
            self._request()
            self.controller.flush()

    def open_current(self) -> None:
        """Enter in the search field: open the highlighted hit now, or, while a search is
        still pending, the top hit of its answer (which is then the highlighted row)."""
        if self.controller.busy:
            self._open_when_ready = True
            self.controller.flush()
            return
        hit = self.current_hit() or self.model.top_hit()
        if hit is not None:
            self.hit_activated.emit(hit)

    open_top_hit = open_current  # the name callers used before Enter followed the highlight

    def enter_results(self) -> None:
        """Down in the search field: into the list, one hit further down (the first is highlighted already)."""
        if self.model.hit_count() == 0:
            return
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.model.hit(self.view.currentIndex()) is None:
            self.view.setCurrentIndex(self.model.first_hit_index())
        else:
            self.view.step(1)

    def shutdown(self) -> None:
        self.controller.shutdown()

    # -- results ------------------------------------------------------------------
    @Slot(object)
    def _on_result(self, result: SearchResult) -> None:
        self.model.set_result(result)
        more = "+" if result.at_least else ""
        for kind, button in self.kind_buttons.items():
            if kind is None:
                total = sum(result.counts.values())
                button.setText(f"All {total:,}{more}")
            else:
                plus = "+" if kind in result.at_least else ""
                button.setText(f"{KIND_NAMES[kind]} {result.counts.get(kind, 0):,}{plus}")
        shown = self.model.hit_count()
        note = " (searched as plain words)" if result.plain_fallback else ""
        if result.timed_out:
            note += " — stopped at the time limit, results may be incomplete"
        self.status.setText(f"{self._count_text(shown, result.total, bool(result.at_least))} "
                            f"for “{clean_query(result.query)}”{note}")
        if shown:
            self.stack.setCurrentWidget(self.view)
            self.view.setCurrentIndex(self.model.first_hit_index())
            self.view.scrollToTop()
        else:
            self.stack.setCurrentWidget(self.empty)
            self.empty.setText(self._empty_text(result))
        if self._open_when_ready:
            self._open_when_ready = False
            self.open_top_hit()

    @staticmethod
    def _count_text(shown: int, total: int, at_least: bool = False) -> str:
        """'228 results', 'Showing 200 of 228 results' when the limit cut the list, or 'Showing 200 of
        more than 1,000 results' when counting stopped (store/search.py COUNT_LIMIT)."""
        if at_least:
            return f"Showing {shown:,} of more than {total:,} results"
        if total > shown:
            return f"Showing {shown:,} of {total:,} results"
        return f"{shown:,} result{'s' if shown != 1 else ''}"

    def _empty_text(self, result: SearchResult) -> str:
        query = html.escape(clean_query(result.query))
        if self.kind or self.source:
            what = KIND_NAMES[self.kind].lower() if self.kind else "results"
            where = " in this source" if self.source else ""
            return (f"No {what} match “{query}”{where} — "
                    f'<a href="all">search all kinds and sources?</a>')
        return (f"Nothing matches “{query}”.<br><br>Try fewer words, a prefix such as "
                "<i>viet*</i>, or OR between alternatives.")

    @Slot(str)
    def _on_empty_link(self, _link: str) -> None:
        self.kind = None
        self.kind_buttons[None].setChecked(True)
        if self.source is not None:
            self.source = None
            self.source_chip.hide()
            self.source_cleared.emit()  # the window's filter goes too
        self._request()
        self.controller.flush()

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self.status.setText(f"Search failed: {message}")
        self.message.emit(f"Search failed: {message}")

    @Slot(QModelIndex)
    def _on_activated(self, index: QModelIndex | QPersistentModelIndex) -> None:
        hit = self.model.hit(index)
        if hit is not None:
            self.hit_activated.emit(hit)

    def current_hit(self) -> SearchHit | None:
        return self.model.hit(self.view.currentIndex())
