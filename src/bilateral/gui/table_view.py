"""The category tables: column layout that fits a 1280-pixel window, and tooltips for cut-off cells.

Each kind has one column that stretches (the text people read: a measure, a
quote, a name) and narrower columns sized in characters, so the layout
follows the font. A column that adds little at this width starts hidden and
comes back from the header's context menu; what the user changes is saved.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QPersistentModelIndex, QPoint, QSettings, Qt, Slot
from PySide6.QtGui import QAction, QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolTip,
    QWidget,
)

from bilateral.gui.theme import tooltip_html

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Layout:
    """Widths in average characters per column; ``stretch`` takes what is left."""

    widths: tuple[int, ...]
    stretch: int
    hidden: frozenset[int] = field(default_factory=frozenset)


#: Column order follows item_models.COLUMNS / SourceTableModel.HEADERS; widths in digit widths.
LAYOUTS: dict[str, Layout] = {
    # Name, Native, Country, Roles, Source (a person is cited in many sources; the first says little)
    "person": Layout((21, 19, 10, 40, 24), stretch=3, hidden=frozenset({4})),
    # Value, Measure, Period, Qualifier, According to, Source, Sources (how many report it);
    # "according to" differs per source: the detail pane lists each, the header menu shows the column
    "statistic": Layout((18, 30, 15, 8, 11, 24, 9), stretch=1, hidden=frozenset({4, 5})),  # "3.7 million tourists"
    # Speaker, Quote, Kind ("direct (1 of 2)": a quotation split by its tag), Source
    "quote": Layout((15, 36, 14, 18), stretch=1),
    # Name, Kind, Year, Parties, Source
    "agreement": Layout((40, 16, 7, 15, 24), stretch=0, hidden=frozenset({4})),
    # Date, Title, Participants, Source, Sources
    "event": Layout((12, 40, 22, 24, 9), stretch=1, hidden=frozenset({3})),
    # Title, Publisher, Published, File, Origin (bundled or imported)
    "source": Layout((40, 14, 20, 24, 9), stretch=0, hidden=frozenset({3})),
}


class ElidedToolTipDelegate(QStyledItemDelegate):
    """Shows a cell's full text as a tooltip only when the cell cuts it off (or the model adds to it)."""

    def tooltip(self, view: QAbstractItemView, index: Index) -> str | None:
        shown = index.data(Qt.ItemDataRole.DisplayRole)
        full = index.data(Qt.ItemDataRole.ToolTipRole)
        shown = "" if shown is None else str(shown)
        full = shown if full is None else str(full)
        if not full.strip():
            return None
        if " ".join(full.split()) != " ".join(shown.split()):
            return full  # the model says more than the cell (a date's basis, a multi-line quote)
        option = QStyleOptionViewItem()
        option.initFrom(view)
        option.rect = view.visualRect(index)
        self.initStyleOption(option, index)
        style = view.style()
        room = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, option, view).width()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        return full if option.fontMetrics.horizontalAdvance(shown) > room - 2 * margin else None

    def helpEvent(self, event: QHelpEvent, view: QAbstractItemView, option: QStyleOptionViewItem,
                  index: Index) -> bool:
        if event is None or event.type() != QEvent.Type.ToolTip or not index.isValid():
            return super().helpEvent(event, view, option, index)
        text = self.tooltip(view, index)
        if text is None:
            QToolTip.hideText()
        else:
            QToolTip.showText(event.globalPos(), tooltip_html(text), view.viewport(), option.rect)
        return True


class CategoryTable(QTableView):
    """One category's table: rows selected whole, fixed row height, the kind's column layout."""

    def __init__(self, key: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"table-{key}")
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setTabKeyNavigation(False)
        self.setItemDelegate(ElidedToolTipDelegate(self))
        self.verticalHeader().hide()
        # Fixed row heights: sizing rows to contents would fetch every row.
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 12)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)

    def apply_layout(self) -> None:
        """Default widths from the font, the reading column stretched, minor columns hidden."""
        header = self.horizontalHeader()
        layout = LAYOUTS.get(self.key)
        if layout is None:
            header.setStretchLastSection(True)
            return
        header.setStretchLastSection(False)
        char = max(1, self.fontMetrics().horizontalAdvance("0"))
        header.setMinimumSectionSize(4 * char)
        for column in range(header.count()):
            chars = layout.widths[column] if column < len(layout.widths) else 16
            header.setSectionHidden(column, column in layout.hidden)
            stretch = column == layout.stretch
            header.setSectionResizeMode(
                column, QHeaderView.ResizeMode.Stretch if stretch else QHeaderView.ResizeMode.Interactive)
            if not stretch:
                header.resizeSection(column, chars * char)

    def column_menu(self) -> QMenu:
        """Show or hide columns (never the one that stretches), or go back to the defaults."""
        menu = QMenu(self)
        header = self.horizontalHeader()
        stretch = LAYOUTS[self.key].stretch if self.key in LAYOUTS else -1
        for column in range(header.count()):
            action = QAction(str(self.model().headerData(column, Qt.Orientation.Horizontal)), menu)
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column != stretch)
            action.setData(column)
            action.toggled.connect(self._on_column_toggled)
            menu.addAction(action)
        menu.addSeparator()
        reset = menu.addAction("Reset columns")
        reset.triggered.connect(self.apply_layout)
        return menu

    @Slot(bool)
    def _on_column_toggled(self, shown: bool) -> None:
        action = self.sender()
        if isinstance(action, QAction):
            self.horizontalHeader().setSectionHidden(int(action.data()), not shown)

    @Slot(QPoint)
    def _column_menu(self, pos: QPoint) -> None:
        menu = self.column_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.horizontalHeader().mapToGlobal(pos))

    # -- what the user changed comes back ------------------------------------------
    def restore_columns(self, settings: QSettings) -> bool:
        saved = settings.value(f"tables/{self.key}")
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            return self.horizontalHeader().restoreState(saved)
        return False

    def save_columns(self, settings: QSettings) -> None:
        settings.setValue(f"tables/{self.key}", self.horizontalHeader().saveState())
