"""The main window: categories, a table of the chosen one, details, and the article.

Everything the user opens goes through ``open_location`` so history, the
detail pane, the reading pane and the status bar always agree.
"""

from __future__ import annotations

import html
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import replace
from functools import partial

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSettings,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QMouseEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bilateral.core.cite import STYLES, human_date
from bilateral.core.model import Item, Passage, Source
from bilateral.gui import messages as message_module
from bilateral.gui import settings as window_settings
from bilateral.gui.copying import STYLE_KEY, Copier, default_style
from bilateral.gui.detail_pane import REPORTS_SHOWN, VARIANT_SOURCES_SHOWN, DetailPane
from bilateral.gui.importing import ImportController, Imported
from bilateral.gui.item_models import (
    CATEGORIES,
    CATEGORY_NAMES,
    SINGULAR,
    CategoryModel,
    ItemTableModel,
    ListedTableModel,
    SourceTableModel,
)
from bilateral.gui.messages import Messages
from bilateral.gui.navigation import History, Location
from bilateral.gui.reading_pane import ReadingPane
from bilateral.gui.search import SearchPanel
from bilateral.gui.shortcuts import action_rows, shortcuts_html
from bilateral.gui.sidebar import Sidebar
from bilateral.gui.source_cache import SourceCache
from bilateral.gui.table_view import CategoryTable
from bilateral.gui.tasks import TaskContext, TaskRunner, reader_library
from bilateral.gui.theme import app_icon
from bilateral.store.errors import StoreError
from bilateral.store.library import CitedSpan, Library, SearchHit

#: How many opened articles (text, passages, spans) stay in memory.
OPENED_SOURCES = 4
#: What the sources shipped with the app (origin "bundled") are about; the About box names it only for them.
BUNDLED_CORPUS = "China–Vietnam relations"
#: How many of an item's citations (and a person's quotes, events, sources) the detail pane lists.
DETAIL_LIMIT = 50
#: How many sources the About box lists (the Sources table lists every one).
ABOUT_SOURCES = 100


def _offset(value: object) -> int | None:
    """A saved character offset: a small non-negative int, or None; ValueError when damaged."""
    if value in (None, ""):
        return None
    number = int(str(value))
    if not 0 <= number < 2**31:
        raise ValueError(f"offset out of range: {number}")
    return number


def _no_args(slot: Callable[[], object]) -> Callable[..., None]:
    """A slot for ``triggered(bool)`` that calls ``slot()``: the checked flag must never reach
    a slot's own parameters (it once arrived as a citation format, ``False``)."""
    def call(*_args: object) -> None:
        slot()
    return call


class _SideButtons(QObject):
    """Mouse back/forward buttons anywhere in the window (views would otherwise eat them)."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.MouseButtonPress and isinstance(watched, QWidget) \
                and watched.window() is self._window:
            button = QMouseEvent(event).button() if not isinstance(event, QMouseEvent) else event.button()
            if button == Qt.MouseButton.BackButton:
                self._window.back_action.trigger()
                return True
            if button == Qt.MouseButton.ForwardButton:
                self._window.forward_action.trigger()
                return True
        return False


class MainWindow(QMainWindow):
    first_paint = Signal()

    def __init__(self, library: Library, settings: QSettings | None = None) -> None:
        """``library`` is read here; imports write to it unless it is the bundled store (read-only)."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Bilateral")
        self.setWindowIcon(app_icon())
        self.library = library
        self.settings = settings if settings is not None else window_settings.open_settings(self)
        if self.settings.parent() is None:
            self.settings.setParent(self)
        self.messages = Messages(self)
        self.history = History(self)
        self.current: Location | None = None
        self._painted = False
        self._closed = False
        self._splitters_restored = False
        # The sources asked about (metadata only), never every source: a library may hold 100,000.
        self._sources = SourceCache(library)
        # Opened articles (text, passages, cited spans), the few most recent kept.
        self._opened: OrderedDict[str, tuple[Source, list[Passage], list[CitedSpan]]] = OrderedDict()
        # A large library is counted in the reader lane (the sidebar says "…" until then).
        self.counts: dict[str, int] = library.counts() if library.counts_are_quick() else {}
        self.source_filter: str | None = None  # tables show only items cited from this source
        self._syncing = False  # set while the table is moved to match the panes, not the other way round
        self.copier = Copier(self)
        self.tasks = TaskRunner(self)
        self.tables: dict[str, CategoryTable] = {}
        self.models: dict[str, ItemTableModel | SourceTableModel] = {}

        try:
            self._build()
        except BaseException:
            # A window half built must not leave its threads running (Qt aborts the process
            # when a running QThread is destroyed): stop them, then let the caller report it.
            self._stop_threads()
            raise

    def _build(self) -> None:
        library = self.library
        self._build_widgets()
        self.importer = ImportController(self, self.tasks, library.path, self.statusBar())
        self.statusBar().addPermanentWidget(self.importer.widget)
        self.importer.imported.connect(self._on_imported)
        self._build_actions()
        self.setAcceptDrops(not self._is_bundled())
        for view in (self.reading.text, self.detail):
            view.setAcceptDrops(False)  # read-only views: a dropped file goes to the window (an import)
        self._side_buttons = _SideButtons(self)
        QApplication.instance().installEventFilter(self._side_buttons)
        self.statusBar().showMessage(self._corpus_line())
        self.messages.info.connect(self._show_info)
        self.messages.error.connect(self._show_error)
        self.history.changed.connect(self._update_history_actions)
        self._update_history_actions()
        self._restore()
        if not self.counts:
            self._count_later()

    # -- construction -----------------------------------------------------------
    def _build_widgets(self) -> None:
        self.category_model = CategoryModel(self.counts, self)
        self.sidebar = Sidebar(self)
        self.sidebar.setModel(self.category_model)
        self.sidebar.selectionModel().currentChanged.connect(self._on_category_changed)

        self.filter_field = QLineEdit(self)
        self.filter_field.setObjectName("filterField")
        self.filter_field.setClearButtonEnabled(True)
        self.filter_field.textChanged.connect(self._on_filter_text)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(150)
        self._filter_timer.timeout.connect(self._apply_filter)
        self.table_stack = QStackedWidget(self)
        self.empty_label = QLabel(self)
        self.empty_label.setObjectName("emptyState")
        self.empty_label.setWordWrap(True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.empty_label.linkActivated.connect(self._on_empty_link)
        self.table_stack.addWidget(self.empty_label)
        category_page = QWidget(self)
        page_layout = QVBoxLayout(category_page)
        page_layout.setContentsMargins(6, 6, 6, 0)
        page_layout.setSpacing(6)
        self.source_chip = QToolButton(self)
        self.source_chip.setObjectName("sourceFilter")
        self.source_chip.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.source_chip.clicked.connect(self.clear_source_filter)
        self.source_chip.hide()
        filter_row = QHBoxLayout()
        filter_row.setContentsMargins(0, 0, 0, 0)
        filter_row.addWidget(self.filter_field, 1)
        filter_row.addWidget(self.source_chip)
        page_layout.addLayout(filter_row)
        page_layout.addWidget(self.table_stack, 1)

        self.search_panel = SearchPanel(None if self._is_bundled() else self.library.path, self)
        self.search_panel.source_cleared.connect(self.clear_source_filter)
        self.search_panel.hit_activated.connect(self.open_hit)
        self.search_panel.message.connect(self.messages.show_error)
        self.center_stack = QStackedWidget(self)
        self.center_stack.addWidget(category_page)
        self.center_stack.addWidget(self.search_panel)
        self.category_page = category_page

        self.detail = DetailPane(self)
        self.detail.link_activated.connect(self.open_link)
        self.detail.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.detail.customContextMenuRequested.connect(self._detail_menu)
        self.reading = ReadingPane(self)
        self.reading.span_chosen.connect(self._on_span_chosen)
        self.reading.message.connect(self.messages.show_error)
        self.reading.url_activated.connect(self.open_url)
        self.reading.text.customContextMenuRequested.connect(self._article_menu)
        self.search_panel.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.search_panel.view.customContextMenuRequested.connect(self._search_menu)

        self.center_splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.center_splitter.setObjectName("centerSplitter")
        self.center_splitter.addWidget(self.center_stack)
        self.center_splitter.addWidget(self.detail)
        self.center_splitter.setSizes([430, 330])
        self.main_splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_splitter.setObjectName("mainSplitter")
        self.main_splitter.addWidget(self.sidebar)
        self.main_splitter.addWidget(self.center_splitter)
        self.main_splitter.addWidget(self.reading)
        self.main_splitter.setStretchFactor(1, 3)
        self.main_splitter.setStretchFactor(2, 2)
        self.main_splitter.setCollapsible(1, False)
        self.main_splitter.setSizes([165, 655, 460])
        self.setCentralWidget(self.main_splitter)

        self.search_field = QLineEdit(self)
        self.search_field.setObjectName("globalSearch")
        self.search_field.setPlaceholderText("Search everything — names, numbers, quotes, passages  (Ctrl+K)")
        self.search_field.setClearButtonEnabled(True)
        self.search_field.setAccessibleName("Search everything")
        self.search_field.textChanged.connect(self._on_search_text)
        self.search_field.returnPressed.connect(self.search_panel.open_current)
        self.search_panel.close_requested.connect(self.close_search)
        for key, slot in (("Escape", self.close_search), ("Down", self.search_panel.enter_results)):
            shortcut = QShortcut(QKeySequence(key), self.search_field)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)

    def _action(self, text: str, slot: object, keys: QKeySequence.StandardKey | str | list[str] | None = None,
                tip: str = "") -> QAction:
        action = QAction(text, self)
        if isinstance(keys, list):
            action.setShortcuts([QKeySequence(k) for k in keys])
        elif isinstance(keys, QKeySequence.StandardKey):
            action.setShortcuts(keys)
        elif keys:
            action.setShortcut(QKeySequence(keys))
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(_no_args(slot))
        self.addAction(action)  # window-wide, also when the menu bar is hidden
        return action

    def _build_actions(self) -> None:
        menubar = self.menuBar()
        file_menu = menubar.addMenu("&File")
        writable = not self._is_bundled()
        why = "" if writable else " (this is the bundled corpus, which is read-only: open your library)"
        self.import_files_action = self._action("&Import files…", self.importer.choose_files,
                                                QKeySequence.StandardKey.Open, "Import txt, md, html or pdf files" + why)
        self.import_folder_action = self._action("Import &folder…", self.importer.choose_folder, "Ctrl+Shift+O",
                                                 "Import every article in a folder" + why)
        self.import_url_action = self._action("Import from &URL…", self.importer.ask_url, "Ctrl+Alt+O",
                                              "Fetch a news page and import it" + why)
        self.remove_source_action = self._action("&Remove or hide this source…", self.remove_current_source,
                                                 None, "Remove an imported source, or hide a bundled one")
        for action in (self.import_files_action, self.import_folder_action, self.import_url_action,
                       self.remove_source_action):
            action.setEnabled(writable)
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.quit_action = self._action("&Quit", self.close, QKeySequence.StandardKey.Quit)
        self.quit_action.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        file_menu.addAction(self.quit_action)

        edit_menu = menubar.addMenu("&Edit")
        self.copy_action = self._action("&Copy", self.copier.copy, "Ctrl+C",
                                        "Copy the selection, or the passage of what is shown")
        self.copy_cited_action = self._action(
            "Copy with &citation", self.copier.copy_with_citation, "Ctrl+Shift+C",
            "Copy the article selection, or the passage shown, with a citation in the default style")
        edit_menu.addAction(self.copy_action)
        edit_menu.addAction(self.copy_cited_action)
        copy_as = QMenu("Copy &as", self)
        self.copy_as_actions: dict[str, QAction] = {}
        for key, label in STYLES.items():
            action = QAction(label, copy_as)
            action.triggered.connect(_no_args(partial(self.copier.copy_as, key)))
            copy_as.addAction(action)
            self.copy_as_actions[key] = action
        edit_menu.addMenu(copy_as)
        edit_menu.addSeparator()
        self.preferences_action = self._action("&Preferences…", self.show_preferences,
                                               QKeySequence.StandardKey.Preferences)
        if self.preferences_action.shortcut().isEmpty():
            self.preferences_action.setShortcut(QKeySequence("Ctrl+,"))
        edit_menu.addAction(self.preferences_action)
        edit_menu.addSeparator()
        self.search_action = self._action("&Search everything", self.focus_search, ["Ctrl+K"])
        self.find_action = self._action("&Find (article when it has focus, else search)", self.find,
                                        QKeySequence.StandardKey.Find)
        self.filter_action = self._action("&Filter this table", self.focus_filter, "Ctrl+Shift+F")
        for action in (self.search_action, self.find_action, self.filter_action):
            edit_menu.addAction(action)

        go_menu = menubar.addMenu("&Go")
        self.back_action = self._action("&Back", self.go_back, QKeySequence.StandardKey.Back)
        self.forward_action = self._action("&Forward", self.go_forward, QKeySequence.StandardKey.Forward)
        go_menu.addAction(self.back_action)
        go_menu.addAction(self.forward_action)
        go_menu.addSeparator()
        self.category_actions: dict[str, QAction] = {}
        for n, (key, name) in enumerate(CATEGORIES, start=1):
            action = self._action(name, partial(self.show_category, key, True), f"Ctrl+{n}")
            go_menu.addAction(action)
            self.category_actions[key] = action
        go_menu.addSeparator()
        for text, slot, keys in (("&Table", self.focus_table, "Ctrl+T"), ("&Details", self.focus_detail, "Ctrl+D"),
                                 ("&Article", self.focus_article, "Ctrl+R")):
            go_menu.addAction(self._action(f"Focus {text}", slot, keys))

        article_menu = menubar.addMenu("&Article")
        self.next_span_action = self._action("&Next citation", self.reading.next_span, "F8")
        self.prev_span_action = self._action("&Previous citation", self.reading.previous_span, "F7")
        self.boilerplate_action = self._action("Show &boilerplate", self._noop, "Ctrl+B")
        self.boilerplate_action.setCheckable(True)
        self.boilerplate_action.setChecked(self.reading.boilerplate.isChecked())
        self.boilerplate_action.toggled.connect(self.reading.boilerplate.setChecked)
        self.reading.boilerplate.toggled.connect(self.boilerplate_action.setChecked)
        self.open_url_action = self._action("Open source &URL in browser", self.open_url, "Ctrl+U")
        for action in (self.next_span_action, self.prev_span_action, self.boilerplate_action, self.open_url_action):
            article_menu.addAction(action)

        help_menu = menubar.addMenu("&Help")
        self.shortcuts_action = self._action("&Keyboard shortcuts", self.show_shortcuts, ["F1", "Ctrl+/"])
        self.about_action = self._action("&About Bilateral", self.show_about)
        self.log_action = self._action("Show &log", self.show_log, None, "What went wrong, with the details")
        help_menu.addAction(self.shortcuts_action)
        help_menu.addAction(self.log_action)
        help_menu.addAction(self.about_action)

        toolbar = self.addToolBar("Navigation")
        toolbar.setObjectName("navigationToolbar")
        toolbar.setMovable(False)
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.back_action.setIconText("◀ Back")
        self.forward_action.setIconText("Forward ▶")
        toolbar.addAction(self.back_action)
        toolbar.addAction(self.forward_action)
        spacer = QWidget(toolbar)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        spacer.setMaximumWidth(24)
        toolbar.addWidget(spacer)
        toolbar.addWidget(self.search_field)

    @Slot()
    def _noop(self) -> None:
        """The boilerplate action works through its toggled signal."""

    # -- categories and tables ------------------------------------------------------
    def _table(self, key: str) -> CategoryTable:
        table = self.tables.get(key)
        if table is not None:
            return table
        # The view's first sort fills the model; a large table is listed in the reader lane.
        hint = self.counts.get(key, ListedTableModel.SYNC_LIMIT + 1)  # unknown yet: list it off the GUI thread
        if key == "source":
            model: ItemTableModel | SourceTableModel = SourceTableModel(
                self.library, self, load=False, runner=self.tasks, rows_hint=hint)
        else:
            model = ItemTableModel(self.library, key, self, load=False, runner=self.tasks, rows_hint=hint)
            model.preset_filter(source=self.source_filter)  # the first listing already filtered
        model.failed.connect(self.messages.show_error)
        model.listing.connect(partial(self._on_listing, key))
        model.listed.connect(partial(self._on_listed, key))
        table = CategoryTable(key, self)
        table.setModel(model)
        table.apply_layout()
        header = table.horizontalHeader()
        if not table.restore_columns(self.settings):
            column, order = self._default_sort(model)
            header.setSortIndicator(column, order)
        table.setSortingEnabled(True)  # sorts by the (restored) indicator
        table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        table.activated.connect(self._on_row_activated)
        table.clicked.connect(self._on_row_clicked)
        table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        table.customContextMenuRequested.connect(partial(self._table_menu, key))
        table.viewport().installEventFilter(self)
        self.tables[key] = table
        self.models[key] = model
        self.table_stack.addWidget(table)
        return table

    @staticmethod
    def _default_sort(model: ItemTableModel | SourceTableModel) -> tuple[int, Qt.SortOrder]:
        """What a newcomer sees first: the facts most sources report, the latest events and articles;
        names in order elsewhere."""
        wanted = {"statistic": ("Sources", Qt.SortOrder.DescendingOrder),
                  "event": ("Date", Qt.SortOrder.DescendingOrder),
                  "source": ("Published", Qt.SortOrder.DescendingOrder)}.get(model.kind)
        if wanted is not None:
            for column in range(model.columnCount()):
                if model.headerData(column, Qt.Orientation.Horizontal) == wanted[0]:
                    return column, wanted[1]
        return 0, Qt.SortOrder.AscendingOrder

    @property
    def category(self) -> str:
        index = self.sidebar.currentIndex()
        return self.category_model.key(index.row()) if index.isValid() else "person"

    def show_category(self, key: str, focus: bool = False) -> None:
        row = self.category_model.row_of(key)
        if row < 0:
            return
        self.sidebar.setCurrentIndex(self.category_model.index(row))
        if self.search_field.text():
            self.clear_search()
        if focus:
            self.focus_table()

    @Slot(QModelIndex, QModelIndex)
    def _on_category_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        key = self.category_model.key(current.row()) if current.isValid() else "person"
        self._table(key)
        self.filter_field.blockSignals(True)
        self.filter_field.setText(self.models[key].filter_text)
        self.filter_field.blockSignals(False)
        self.filter_field.setPlaceholderText(f"Filter {CATEGORY_NAMES[key].lower()}…  (Ctrl+Shift+F)")
        self._show_table_or_empty()
        if not self._syncing:
            self._open_table_row(key)

    def _open_table_row(self, key: str) -> None:
        """Coming back to a category: the panes show the row the table highlights (its current
        row, else the first), never an item of the category left behind."""
        table, model = self.tables[key], self.models[key]
        if model.rowCount() == 0:
            return
        index = table.currentIndex()
        if not index.isValid():
            table.setCurrentIndex(model.index(0, 0))  # opens it through currentRowChanged
        elif not self._shows_row(index):
            self._open_row(index)

    def _listing_text(self, key: str) -> str:
        count = self.counts.get(key)  # None while the library is being counted
        return f"Listing {'' if count is None else f'{count:,} '}{CATEGORY_NAMES[key].lower()}…"

    def _on_listing(self, key: str, busy: bool) -> None:
        """A large table is being listed (sorted, filtered) off the GUI thread: say so meanwhile."""
        if busy:
            self.statusBar().showMessage(self._listing_text(key))
        elif self.statusBar().currentMessage() == self._listing_text(key):
            self.statusBar().clearMessage()
        if key == self.category and key in self.models:
            self._show_table_or_empty()

    def _on_listed(self, key: str) -> None:
        """New ids are shown: the empty state follows, and the row of what is open is highlighted."""
        if key != self.category or key not in self.models:
            return  # (or the table is being made: its maker shows it)
        self._show_table_or_empty()
        if self.current is not None and self.current.category == key and not self._syncing:
            self._sync_table(self.current)

    def _show_table_or_empty(self) -> None:
        key = self.category
        model = self.models[key]
        if model.rowCount() > 0:
            self.table_stack.setCurrentWidget(self.tables[key])
            return
        name = CATEGORY_NAMES[key].lower()
        if model.busy:
            self.empty_label.setText(self._listing_text(key))
        elif self.source_filter is not None and key != "source":
            title = html.escape(self._source_title(self.source_filter))
            self.empty_label.setText(f"No {name} cited from “{title}” — "
                                     '<a href="clear-source">show every source?</a>')
        elif model.filter_text:
            text = html.escape(model.filter_text)
            self.empty_label.setText(f"No {name} match “{text}” — <a href=\"search\">search all kinds?</a>")
        else:
            self.empty_label.setText(f"No {name} in this library yet.<br><br>"
                                     "Items appear here once articles that mention them are imported.")
        self.table_stack.setCurrentWidget(self.empty_label)

    @Slot(str)
    def _on_filter_text(self, _text: str) -> None:
        self._filter_timer.start()

    @Slot()
    def _apply_filter(self) -> None:
        self._filter_timer.stop()
        model = self.models[self.category]
        model.set_filter(self.filter_field.text().strip(), getattr(model, "source_filter", None))
        self._show_table_or_empty()

    def _source_title(self, source_id: str) -> str:
        source = self._sources.get(source_id)
        return (source.title or source.publisher or source.file or source_id) if source else source_id

    def set_source_filter(self, source_id: str | None) -> None:
        """Item tables show only what this source cites (None: every source). A chip in the filter
        row says so and clears it; nothing lists every source (a library may hold 100,000)."""
        self.source_filter = source_id
        for model in self.models.values():
            if isinstance(model, ItemTableModel):
                model.set_filter(model.filter_text, source_id)
        self.search_panel.set_source(source_id, self._source_title(source_id) if source_id else "")
        if source_id is None:
            self.source_chip.hide()
        else:
            title = self._source_title(source_id)
            short = title if len(title) <= 40 else title[:39] + "…"
            self.source_chip.setText(f"Only: {short}  ✕")
            self.source_chip.setToolTip(f"Showing only items cited from “{title}”. Click to show every source.")
            self.source_chip.show()
        self._show_table_or_empty()

    @Slot()
    def clear_source_filter(self) -> None:
        self.set_source_filter(None)

    @Slot(str)
    def _on_empty_link(self, link: str) -> None:
        if link == "clear-source":
            self.clear_source_filter()
            return
        self.search_field.setText(self.filter_field.text())
        self.focus_search()

    def _selected_in(self, table: QTableView, row: int) -> None:
        """Select ``row`` without re-opening it (the caller already opened it)."""
        model = table.model()
        selection = table.selectionModel()
        selection.blockSignals(True)
        selection.setCurrentIndex(model.index(row, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                  | QItemSelectionModel.SelectionFlag.Rows)
        selection.blockSignals(False)
        table.viewport().update()
        table.scrollTo(model.index(row, 0))

    @Slot(QModelIndex, QModelIndex)
    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        # While the table is being moved to match the panes, Qt may set a current row of its own
        # (a table shown for the first time takes focus and row 0): that must not open anything.
        if current.isValid() and not self._syncing:
            self._open_row(current)

    @Slot(QModelIndex)
    def _on_row_clicked(self, index: QModelIndex) -> None:
        """A click on the row already current opens it again if the panes moved on."""
        if index.isValid() and not self._shows_row(index):
            self._open_row(index)

    def _shows_row(self, index: QModelIndex) -> bool:
        model = index.model()
        current = self.current
        if current is None:
            return False
        if isinstance(model, SourceTableModel):
            return current.item_id is None and current.source_id == model.item_id(index.row())
        return isinstance(model, ItemTableModel) and current.item_id == model.item_id(index.row())

    @Slot(QModelIndex)
    def _on_row_activated(self, index: QModelIndex) -> None:
        self._open_row(index)
        self.focus_article()

    def _open_row(self, index: QModelIndex) -> None:
        model = index.model()
        if isinstance(model, SourceTableModel):
            self.open_location(Location(model.item_id(index.row()), category="source"))
        elif isinstance(model, ItemTableModel) and (item_id := model.item_id(index.row())):
            self.open_item(item_id, category=model.kind)  # ("" for a row no longer readable: nothing to open)

    # -- opening things ------------------------------------------------------------
    def _is_bundled(self) -> bool:
        from bilateral.core.paths import bundled_store

        try:
            return self.library.path.resolve() == bundled_store().resolve()
        except OSError:
            return False

    def opened(self, source_id: str) -> tuple[Source, list[Passage], list[CitedSpan]]:
        """A source with its full text, passages and cited spans, from a small LRU cache."""
        entry = self._opened.get(source_id)
        if entry is None:
            entry = (self.library.source(source_id), self.library.passages(source_id),
                     self.library.source_citations(source_id))
            self._opened[source_id] = entry
            while len(self._opened) > OPENED_SOURCES:
                self._opened.popitem(last=False)
        else:
            self._opened.move_to_end(source_id)
        return entry

    def source(self, source_id: str) -> Source:
        """The whole source, text included (KeyError when it is not in the library)."""
        return self.opened(source_id)[0]

    def open_item(self, item_id: str, citation: int = 0, category: str | None = None) -> None:
        try:
            item = self.library.item(item_id, limit=DETAIL_LIMIT)
        except KeyError:
            self.messages.show_error(f"That item is no longer in the library ({item_id})")
            return
        except StoreError as exc:
            self.messages.show_error(f"The library could not be read: {exc}")
            return
        if not item.citations:
            self.messages.show_error(f"“{item.label}” has no citation to open")
            return
        if citation < len(item.citations):
            c = item.citations[max(citation, 0)]
        else:
            try:
                c = self.library.citation(item_id, citation)
            except KeyError:
                c = item.citations[-1]
        self.open_location(Location(c.source, item.id, c.start, c.end, category or item.kind), item=item)

    def open_location(self, location: Location, *, record: bool = True, item: Item | None = None) -> None:
        """Show ``location`` in the detail and reading panes (the one path for opening anything)."""
        try:
            self._open_location(location, record=record, item=item)
        except StoreError as exc:
            self.messages.show_error(f"The library could not be read: {exc}")

    def _open_location(self, location: Location, *, record: bool, item: Item | None) -> None:
        try:
            source, passages, spans = self.opened(location.source_id)
        except KeyError:
            self.messages.show_error(f"That source is no longer in the library ({location.source_id})")
            return
        focus = (location.start, location.end) if location.start is not None and location.end is not None else None
        self.reading.show_source(source, passages, spans, focus, self.origin(source.id))
        if location.item_id is not None:
            if item is None or item.id != location.item_id:
                try:
                    item = self.library.item(location.item_id, limit=DETAIL_LIMIT)
                except KeyError:
                    item = None
            if item is not None:
                self._show_item_details(item, focus)
        else:
            self.detail.show_source(source, spans)
        if location.category is None:
            # Whatever moved the panes (F7/F8, a link), the table follows to the item's own category.
            location = replace(location, category=item.kind if item is not None and location.item_id else "source")
        self.current = location
        if record:
            self.history.push(location)
        self._sync_table(location)
        what = f"{SINGULAR.get(item.kind, item.kind)} “{item.label}”" if item is not None and location.item_id \
            else f"“{source.title or 'untitled article'}”"
        self.statusBar().showMessage(f"Showing {what} — {source.publisher or 'publisher unknown'}, "
                                     f"{human_date(source)}")

    def _show_item_details(self, item: Item, focus: tuple[int, int] | None) -> None:
        page = self.library.person_overview(item.id, DETAIL_LIMIT) if item.kind == "person" else None
        ids = list(item.fields.get("participants") or [])
        names = {row.id: row.label for row in self.library.rows(ids)} if ids else {}
        source_id = self.reading.source.id if self.reading.source is not None else None
        current = next((n for n, c in enumerate(item.citations)
                        if (c.start, c.end) == focus and c.source == source_id), None)
        total = len(item.citations)
        if len(item.citations) >= DETAIL_LIMIT:
            total = self.library.citation_count(item.id)
            if current is None and focus is not None and source_id is not None:
                current = self.library.citation_position(item.id, source_id, *focus)
        shown = [c.source for c in item.citations]
        for report in (item.fields.get("reports") or [])[:REPORTS_SHOWN]:
            if isinstance(report, dict) and isinstance(report.get("source"), str):
                shown.append(report["source"])
        for variant in item.fields.get("variants") or []:
            if isinstance(variant, dict):
                # the pane names a few sources of each other figure: only those are looked up
                shown += [s for s in (variant.get("sources") or [])[:VARIANT_SOURCES_SHOWN] if isinstance(s, str)]
        self.detail.show_item(item, self._sources.subset(shown), names, page, current or 0, total)

    def _sync_table(self, location: Location) -> None:
        """Move the table to what the panes now show (a row highlighted is always what is open)."""
        key = location.category
        if key is None or self.category_model.row_of(key) < 0:
            return
        self._syncing = True
        try:
            if key != self.category:
                if self.search_field.text():
                    return  # the user is working through search results: keep them in view
                # Opened from elsewhere (a link, history, F7/F8): show it in its own table.
                self.sidebar.setCurrentIndex(self.category_model.index(self.category_model.row_of(key)))
            if key not in self.tables:
                return
            model = self.models[key]
            target = location.source_id if key == "source" else location.item_id
            row = model.row_of(target) if target is not None else -1
            table = self.tables[key]
            if row < 0:
                self._clear_selection(table)  # not in this (filtered) table: highlight nothing
            elif table.currentIndex().row() != row:
                self._selected_in(table, row)
        finally:
            self._syncing = False

    def _clear_selection(self, table: QTableView) -> None:
        selection = table.selectionModel()
        selection.blockSignals(True)
        selection.clearSelection()
        selection.setCurrentIndex(QModelIndex(), QItemSelectionModel.SelectionFlag.NoUpdate)
        selection.blockSignals(False)
        table.viewport().update()

    @Slot(str)
    def open_link(self, link: str) -> None:
        scheme, _, rest = link.partition(":")
        if scheme == "item":
            self.open_item(rest)
        elif scheme == "cite":
            item_id, _, n = rest.rpartition(":")
            self.open_item(item_id, int(n))
        elif scheme == "source":
            self.open_location(Location(rest, category="source"))
        elif scheme == "span":
            item_id, start, end = rest.rsplit(":", 2)
            self._on_span_chosen(item_id, int(start), int(end))

    @Slot(object)
    def open_hit(self, hit: SearchHit) -> None:
        c = hit.citation
        self.open_location(Location(c.source, hit.item_id, c.start, c.end, hit.kind if hit.item_id else None))

    @Slot(str, int, int)
    def _on_span_chosen(self, item_id: str, start: int, end: int) -> None:
        if self.reading.source is None:
            return
        self.open_location(Location(self.reading.source.id, item_id, start, end))

    # -- history ---------------------------------------------------------------------
    @Slot()
    def go_back(self) -> None:
        location = self.history.back()
        if location is not None:
            self.open_location(location, record=False)

    @Slot()
    def go_forward(self) -> None:
        location = self.history.forward()
        if location is not None:
            self.open_location(location, record=False)

    @Slot()
    def _update_history_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())

    # -- search ------------------------------------------------------------------------
    @Slot(str)
    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self.center_stack.setCurrentWidget(self.search_panel)
        else:
            self.center_stack.setCurrentWidget(self.category_page)
        self.search_panel.set_query(text)

    @Slot()
    def clear_search(self) -> None:
        self.search_field.clear()

    @Slot()
    def close_search(self) -> None:
        """Escape in the search field or the results: clear the search and go back to the table."""
        self.clear_search()
        self.focus_table()

    @Slot()
    def _focus_results(self) -> None:
        self.search_panel.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def focus_search(self) -> None:
        self.search_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_field.selectAll()

    @Slot()
    def find(self) -> None:
        """Ctrl+F: find in the article when it has focus, otherwise the search everything field."""
        focus = QApplication.focusWidget()
        if focus is not None and (focus is self.reading or self.reading.isAncestorOf(focus)):
            self.reading.open_find()
        else:
            self.focus_search()

    @Slot()
    def focus_filter(self) -> None:
        self.clear_search()
        self.filter_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filter_field.selectAll()

    @Slot()
    def focus_table(self) -> None:
        self.center_stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        if self.center_stack.currentWidget() is self.category_page:
            self.table_stack.currentWidget().setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self._focus_results()

    @Slot()
    def focus_detail(self) -> None:
        self.detail.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def focus_article(self) -> None:
        self.reading.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot()
    def open_url(self) -> None:
        """Ctrl+U: the open article's address, if it is http(s)."""
        self.copier.open_url(self.current)

    def source_info(self, source_id: str) -> Source | None:
        """A source's metadata (no text), or None when it is not in the library."""
        return self._sources.get(source_id)

    # -- context menus -------------------------------------------------------------------
    @Slot(QPoint)
    def _article_menu(self, pos: QPoint) -> None:
        selection = self.copier.article_selection()
        view = self.reading.text
        menu = self.copier.menu(view, selection or self.current,
                                selection=view if selection is not None else None)
        self.copier.popup(menu, view, pos)

    @Slot(QPoint)
    def _detail_menu(self, pos: QPoint) -> None:
        anchor = self.detail.anchorAt(pos)
        location = self._link_location(anchor) if anchor else None
        if location is not None:
            menu = self.copier.menu(self.detail, location, show=partial(self._show_in_article, location))
        else:
            has_selection = self.detail.textCursor().hasSelection()
            menu = self.copier.menu(self.detail, self.current, selection=self.detail if has_selection else None,
                                    show=self.focus_article)
        self.copier.popup(menu, self.detail.viewport(), pos)

    def _table_menu(self, key: str, pos: QPoint) -> None:
        table = self.tables[key]
        index = table.indexAt(pos)
        if not index.isValid():
            return
        if table.currentIndex().row() != index.row():
            table.setCurrentIndex(index)  # the menu acts on the row the panes now show
        elif not self._shows_row(index):
            self._open_row(index)
        menu = self.copier.menu(table, self.current, show=self.focus_article)
        if self.current is not None:
            menu.addSeparator()
            label = "Filter tables to this source" if key == "source" else "Only items from this passage's source"
            menu.addAction(label).triggered.connect(partial(self._filter_from_menu, self.current.source_id))
            if self.source_filter is not None:
                menu.addAction("Show every source").triggered.connect(self._clear_from_menu)
        if key == "source" and self.current is not None and not self._is_bundled():
            source_id = self.current.source_id
            menu.addSeparator()
            text = "Hide source…" if self.origin(source_id) == "bundled" else "Remove source…"
            menu.addAction(text).triggered.connect(partial(self._remove_from_menu, source_id))
        self.copier.popup(menu, table.viewport(), pos)

    def _filter_from_menu(self, source_id: str, _checked: bool = False) -> None:
        self.set_source_filter(source_id)

    def _clear_from_menu(self, _checked: bool = False) -> None:
        self.clear_source_filter()

    def _remove_from_menu(self, source_id: str, _checked: bool = False) -> None:
        self.remove_source(source_id)

    @Slot(QPoint)
    def _search_menu(self, pos: QPoint) -> None:
        view = self.search_panel.view
        index = view.indexAt(pos)
        if not index.isValid():
            return
        view.setCurrentIndex(index)
        hit = self.search_panel.current_hit()
        if hit is None:
            return
        c = hit.citation
        location = Location(c.source, hit.item_id, c.start, c.end, hit.kind if hit.item_id else None)
        menu = self.copier.menu(view, location, show=partial(self._show_in_article, location))
        self.copier.popup(menu, view.viewport(), pos)

    def _link_location(self, link: str) -> Location | None:
        """The citation a detail-pane link points at (cite: and span: links)."""
        scheme, _, rest = link.partition(":")
        try:
            if scheme == "cite":
                item_id, _, n = rest.rpartition(":")
                c = self.library.citation(item_id, int(n))
                kind = item_id.partition(":")[0]
                return Location(c.source, item_id, c.start, c.end, kind if kind in CATEGORY_NAMES else None)
            if scheme == "span":
                item_id, start, end = rest.rsplit(":", 2)
                if self.reading.source is not None:
                    return Location(self.reading.source.id, item_id, int(start), int(end))
        except (KeyError, IndexError, ValueError):
            return None
        return None

    def _show_in_article(self, location: Location) -> None:
        self.open_location(location)
        self.focus_article()

    # -- preferences -----------------------------------------------------------------------
    @Slot()
    def show_preferences(self) -> QDialog:
        dialog = QDialog(self)
        dialog.setObjectName("preferencesDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Preferences")
        style_box = QComboBox(dialog)
        style_box.setObjectName("citationStyle")
        for key, label in STYLES.items():
            style_box.addItem(label, key)
        style_box.setCurrentIndex(max(0, style_box.findData(default_style(self.settings))))
        form = QFormLayout()
        form.addRow("Default citation style (Ctrl+Shift+C):", style_box)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel,
                                   dialog)
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addLayout(form)
        layout.addWidget(buttons)

        def save() -> None:
            self.settings.setValue(STYLE_KEY, style_box.currentData())
            self.settings.sync()
            self.messages.show_info(f"Ctrl+Shift+C now copies with a {style_box.currentText()} citation")

        dialog.accepted.connect(save)
        dialog.show()
        return dialog

    # -- messages, dialogs --------------------------------------------------------------
    @Slot(str)
    def _show_info(self, text: str) -> None:
        self.statusBar().showMessage(text, 8000)

    @Slot(str)
    def _show_error(self, text: str) -> None:
        self.statusBar().showMessage(text, 10000)

    def _count_later(self) -> None:
        """Count a large library in the reader lane; the sidebar and status line follow when it is done."""
        path = self.library.path
        task = self.tasks.start(lambda _context: reader_library(path).counts(), label="counting", lane="reader")
        task.succeeded.connect(self._set_counts)
        task.failed.connect(self.messages.show_error)

    @Slot(object)
    def _set_counts(self, counts: dict[str, int]) -> None:
        self.counts = counts
        self.category_model.set_counts(counts)
        for key, model in self.models.items():
            model.set_rows_hint(counts.get(key, 0))
        self.statusBar().showMessage(self._corpus_line(), 8000)

    def _corpus_line(self) -> str:
        if not self.counts:
            return f"Counting the library — {self.library.path.name}"
        items = sum(self.counts.get(k, 0) for k, _ in CATEGORIES if k != "source")
        sources = self.counts.get("source", 0)
        return (f"{items:,} item{'s' if items != 1 else ''} from {sources:,} source{'s' if sources != 1 else ''}"
                f" — {self.library.path.name}")

    def _dialog(self, title: str, body: str) -> QDialog:
        dialog = QDialog(self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle(title)
        dialog.resize(640, 520)
        view = QTextBrowser(dialog)
        view.setOpenExternalLinks(True)
        view.setHtml(body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.show()
        return dialog

    @Slot()
    def show_shortcuts(self) -> QDialog:
        return self._dialog("Keyboard shortcuts", shortcuts_html(action_rows(self.menuBar())))

    def _library_summary(self) -> str:
        """What the library holds, truthfully: the bundled corpus is named only for its own sources."""
        by_origin = self.library.source_origin_counts()
        bundled = by_origin.get("bundled", 0)
        imported = sum(n for origin, n in by_origin.items() if origin != "bundled")
        shown = bundled + imported
        total = f"{shown:,} source{'s' if shown != 1 else ''}"
        if not bundled:
            return f"{total}, all imported" if imported else total
        corpus = f"the bundled corpus on {BUNDLED_CORPUS}"
        if not imported:
            return f"{total}, from {corpus}"
        return f"{total}: {bundled} from {corpus}, {imported} imported"

    def about_html(self) -> str:
        rows = []
        first = self.library.first_source_ids(ABOUT_SOURCES)
        records = self.library.source_records(first)
        for s in (records[i].source for i in first if i in records):
            date = human_date(s) if s.published else "unknown"
            basis = s.published_basis or "—"
            rows.append(f"<tr><td>{html.escape(s.title or 'Untitled (title unknown)')}</td>"
                        f"<td>{html.escape(s.publisher or 'unknown')}</td><td>{html.escape(date)}</td>"
                        f"<td>{html.escape(basis)}</td></tr>")
        counts = ", ".join(f"{self.counts.get(k, 0)} {n.lower()}" for k, n in CATEGORIES)
        return (
            "<h2>Bilateral</h2><p>A reference browser for the facts in news coverage of a bilateral relationship."
            " Every item links to the sentence it came from.</p>"
            f"<p><b>Library:</b> {html.escape(self._library_summary())} — {html.escape(counts)}.<br>"
            f"<b>File:</b> {html.escape(str(self.library.path))}</p>"
            "<p><b>Provenance.</b> Source texts are stored verbatim. Metadata is either <i>stated</i> in the"
            " article or <i>inferred</i> from it (and marked so); what neither gives is shown as unknown.</p>"
            '<table cellpadding="3"><tr><th align="left">Source</th><th align="left">Publisher</th>'
            f'<th align="left">Published</th><th align="left">Date basis</th></tr>{"".join(rows)}</table>'
            + (f"<p>The first {ABOUT_SOURCES} added; the Sources table lists them all.</p>"
               if self.counts.get("source", 0) > ABOUT_SOURCES else "")
        )

    @Slot()
    def show_log(self) -> QDialog:
        from PySide6.QtWidgets import QPlainTextEdit

        from bilateral.gui import logs

        dialog = QDialog(self)
        dialog.setObjectName("logDialog")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowTitle("Log")
        dialog.resize(760, 520)
        where = QLabel(f"{logs.log_path()}", dialog)
        where.setTextFormat(Qt.TextFormat.PlainText)
        where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        view = QPlainTextEdit(dialog)
        view.setReadOnly(True)
        view.setPlainText(logs.read_tail())
        view.moveCursor(view.textCursor().MoveOperation.End)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        layout = QVBoxLayout(dialog)
        layout.addWidget(where)
        layout.addWidget(view)
        layout.addWidget(buttons)
        dialog.show()
        return dialog

    @Slot()
    def show_about(self) -> QDialog:
        return self._dialog("About Bilateral", self.about_html())

    # -- state ---------------------------------------------------------------------------
    def _restore(self) -> None:
        restored = window_settings.restore_window_state(self.settings, self)
        if not restored:
            self.resize(1280, 800)
        self.reading.boilerplate.setChecked(self.settings.value("reading/boilerplate", True, type=bool))
        self._reset_settings: list[str] = []
        key = str(self.settings.value("browse/category", "statistic"))
        if key not in CATEGORY_NAMES:
            self._settings_note("last category")
            key = "statistic"
        saved = self._saved_location(key)
        # With a saved location the table follows it; without one the category opens its first row.
        self._syncing = saved is not None
        try:
            self.show_category(key)
        finally:
            self._syncing = False
        if saved is not None:
            self.open_location(saved)
        else:
            self._open_first_row()
        if self._reset_settings:
            self.messages.show_info(f"The saved {' and '.join(self._reset_settings)} could not be read and "
                                    "{} reset".format("were" if len(self._reset_settings) > 1 else "was"))

    def _settings_note(self, what: str) -> None:
        """A damaged saved setting is reset; the user is told once the window has opened what it could."""
        self._reset_settings.append(what)

    def _saved_location(self, category: str) -> Location | None:
        """Where the last session was, if the settings say so sensibly (else nothing)."""
        source_id = self.settings.value("browse/source")
        if not isinstance(source_id, str) or source_id not in self._sources:
            return None
        item_id = self.settings.value("browse/item") or None
        try:
            start = _offset(self.settings.value("browse/start"))
            end = _offset(self.settings.value("browse/end"))
        except ValueError:
            self._settings_note("reading position")
            return Location(source_id, None, None, None, category)  # a damaged position: the article only
        if start is None or end is None or not start < end:
            start = end = None
        return Location(source_id, item_id if isinstance(item_id, str) else None, start, end, category)

    def _open_first_row(self) -> None:
        model = self.models[self.category]
        if model.rowCount() > 0 and self.current is None:
            self.tables[self.category].setCurrentIndex(model.index(0, 0))

    def save_state(self) -> None:
        window_settings.save_window_state(self.settings, self)
        for table in self.tables.values():
            table.save_columns(self.settings)
        self.settings.setValue("browse/category", self.category)
        self.settings.setValue("reading/boilerplate", self.reading.boilerplate.isChecked())
        location = self.current
        self.settings.setValue("browse/source", location.source_id if location else "")
        self.settings.setValue("browse/item", location.item_id or "" if location else "")
        self.settings.setValue("browse/start", location.start if location and location.start is not None else "")
        self.settings.setValue("browse/end", location.end if location and location.end is not None else "")
        self.settings.sync()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._painted:
            # Whatever is on screen (an empty library shows no table): the first paint of any part.
            self.installEventFilter(self)
            self.centralWidget().installEventFilter(self)
        if not self._splitters_restored:
            self._splitters_restored = True
            # After the first layout pass: a splitter resized after restoring rescales its panes.
            QTimer.singleShot(0, self._restore_splitters)

    @Slot()
    def _restore_splitters(self) -> None:
        window_settings.restore_splitters(self.settings, self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closed:
            self._closed = True
            self.save_state()
            self._stop_threads()
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self._side_buttons)
        super().closeEvent(event)

    def _stop_threads(self) -> None:
        panel = getattr(self, "search_panel", None)
        if panel is not None:
            panel.shutdown()
        self.tasks.shutdown()
        buttons = getattr(self, "_side_buttons", None)
        app = QApplication.instance()
        if buttons is not None and app is not None:
            app.removeEventFilter(buttons)

    # -- importing and removing ------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self._dropped(event) and self.acceptDrops():
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        targets = self._dropped(event)
        if targets:
            event.acceptProposedAction()
            self.importer.start(targets)

    @staticmethod
    def _dropped(event: QDragEnterEvent | QDropEvent) -> list[str]:
        """Local files and http(s) links in a drop (anything else is not offered)."""
        mime = event.mimeData()
        out = []
        for url in mime.urls():
            if url.isLocalFile():
                out.append(url.toLocalFile())
            elif url.scheme().lower() in ("http", "https"):
                out.append(url.toString())
        if not out and mime.hasText() and mime.text().strip().lower().startswith(("http://", "https://")):
            out.append(mime.text().strip().split()[0])
        return out

    @Slot(object)
    def _on_imported(self, result: Imported) -> None:
        self.reload_library()
        if result.first_source and result.first_source in self._sources:
            self.open_location(Location(result.first_source, category="source"))

    def reload_library(self) -> None:
        """The library changed underneath (import, removal): counts, tables, sources and search follow."""
        self._sources.clear()
        self._opened.clear()
        if self.library.counts_are_quick():
            self._set_counts(self.library.counts())
        else:
            self._count_later()
        for key, model in self.models.items():
            model.refresh()
            if key == self.category:
                self._show_table_or_empty()
        if self.source_filter is not None and self.source_filter not in self._sources:
            self.clear_source_filter()  # that source was removed or hidden
        self.statusBar().showMessage(self._corpus_line(), 8000)
        if self.current is not None and self.current.source_id not in self._sources:
            self.current = None
            self.reading.clear()
            self.detail.clear()

    def origin(self, source_id: str) -> str:
        return self._sources.origin(source_id)

    @Slot()
    def remove_current_source(self) -> None:
        location = self.current
        if location is None:
            self.messages.show_error("Open a source first")
            return
        self.remove_source(location.source_id)

    def remove_source(self, source_id: str) -> None:
        """Remove an imported source (with the items only it backs) after asking; hide a bundled one."""
        source = self._sources.get(source_id)
        if source is None or self._is_bundled():
            return
        title = source.title or source.file or source_id
        bundled = self.origin(source_id) == "bundled"
        question = (f"Hide “{title}”? It is part of the bundled corpus: it can be hidden, not deleted."
                    if bundled else f"Remove “{title}” and the items only it backs from your library?")
        if not message_module.confirm(self, "Remove source" if not bundled else "Hide source", question):
            return
        path = self.library.path

        def work(_ctx: TaskContext) -> int:
            from bilateral.store.writer import LibraryWriter

            with LibraryWriter(path) as writer:
                if bundled:
                    writer.set_hidden(source_id, True)
                    return 0
                return writer.remove_source(source_id)

        task = self.tasks.start(work, label=f"Removing {title}")
        task.succeeded.connect(partial(self._on_removed, title, bundled))
        task.failed.connect(self.messages.show_error)

    def _on_removed(self, title: str, bundled: bool, removed: object) -> None:
        self.reload_library()
        self.messages.show_info(f"Hid “{title}”" if bundled else f"Removed “{title}” and {removed} item(s) only it backed")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not self._painted and event.type() == QEvent.Type.Paint:
            self._painted = True
            QTimer.singleShot(0, self.first_paint.emit)
        return super().eventFilter(watched, event)
