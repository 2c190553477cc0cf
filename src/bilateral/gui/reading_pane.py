"""The whole source article, the cited passage highlighted and scrolled into view.

The document holds the source text itself (no inserted headers: title and
metadata sit in a separate header), minus hidden boilerplate. ``OffsetMap``
(gui/offsets.py) builds the text the document gets and translates between
source offsets (Python code points) and document positions, exactly for
CRLF, CR, a BOM and astral characters, so every highlight covers its
citation and a selection maps back to exact offsets into ``source.text``.
"""

from __future__ import annotations

import bisect
import html
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, Qt, QTimer, Signal, Slot
from PySide6.QtGui import (
    QColor,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QTextBrowser,
    QTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bilateral.core.cite import human_date
from bilateral.core.model import METADATA_FIELDS, Passage, Source
from bilateral.gui.copying import safe_url
from bilateral.gui.offsets import OffsetMap
from bilateral.gui.theme import Colors, tooltip_html
from bilateral.store.folding import fold

if TYPE_CHECKING:
    from bilateral.store.library import CitedSpan


def find_spans(text: str, needle: str) -> list[tuple[int, int]]:
    """Where ``needle`` occurs in ``text`` as (start, end) in UTF-16 positions, ignoring case,
    diacritics and how words are spaced or broken across lines ("to lam" finds "Tô\nLâm")."""
    words = fold(needle).split()
    if not words:
        return []
    # Fold character by character so every folded character knows the position it came from.
    folded: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    position = 0
    for char in text:
        width = 2 if ord(char) > 0xFFFF else 1
        for piece in fold(char) or "":
            folded.append(piece)
            starts.append(position)
            ends.append(position + width)
        position += width
    pattern = re.compile(r"\s+".join(re.escape(w) for w in words))
    return [(starts[m.start()], ends[m.end() - 1]) for m in pattern.finditer("".join(folded)) if m.end() > m.start()]


class ArticleText(QTextBrowser):
    """The article view. Whatever copies its selection (Ctrl+C, drag, the context menu's Copy)
    gets the stored source text at the selection's offsets, not Qt's rewrite of it."""

    def __init__(self, pane: ReadingPane) -> None:
        super().__init__(pane)
        self._pane = pane

    def createMimeDataFromSelection(self) -> QMimeData:
        mime = QMimeData()
        text = self._pane.selected_source_text()
        if text is not None:
            mime.setText(text)
        return mime


def metadata_note(source: Source, name: str) -> str:
    """What a metadata field rests on: its basis and the evidence note; empty when nothing is recorded."""
    basis = source.basis.get(name) if getattr(source, name) else None
    evidence = source.evidence.get(name)
    if not evidence:
        return f"{name.title()}: {basis}" if basis else ""
    return f"{name.title()} {basis or 'unknown'}: {evidence}"


class ReadingPane(QWidget):
    """Header (title, publisher, date, URL), a toolbar, the article, a find bar."""

    span_chosen = Signal(str, int, int)  # item id, start, end — next/previous citation
    message = Signal(str)
    url_activated = Signal()  # the header's URL link; the window checks and opens it

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("readingPane")
        self.source: Source | None = None
        self.origin: str | None = None
        self._passages: list[Passage] = []
        self._spans: list[CitedSpan] = []
        self._span_marks: list[QTextEdit.ExtraSelection] | None = None  # the marks of _spans, made in _mark
        self._current: tuple[int, int] | None = None
        self._span_index = -1
        self._find_cursors: list[QTextCursor] = []
        self._find_index = -1
        self._find_from = 0  # document position find starts from (the caret when it opened)
        self.offsets = OffsetMap("", [])
        self._colors = Colors(self.palette())

        self.title = QLabel("No source open", self)
        self.title.setObjectName("paneTitle")
        self.title.setWordWrap(True)
        self.title.setTextFormat(Qt.TextFormat.PlainText)  # a title from a source is never markup
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.meta = QLabel(self)
        self.meta.setObjectName("paneMeta")
        self.meta.setWordWrap(True)
        self.meta.setTextFormat(Qt.TextFormat.RichText)
        self.meta.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                          | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.meta.linkHovered.connect(self._on_meta_hovered)
        self.meta.linkActivated.connect(self._on_meta_activated)
        self._meta_tips: dict[str, str] = {}
        self.url = QLabel(self)
        self.url.setObjectName("paneMeta")
        self.url.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                         | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.url.setTextFormat(Qt.TextFormat.RichText)
        self.url.linkActivated.connect(self._on_url_link)

        self.boilerplate = QToolButton(self)
        self.boilerplate.setText("Show boilerplate")
        self.boilerplate.setCheckable(True)
        self.boilerplate.setChecked(True)
        self.boilerplate.setToolTip("Show or hide cookie banners, ads and other page debris (dimmed when shown)")
        self.boilerplate.toggled.connect(self._rebuild)
        self.prev_button = QToolButton(self)
        self.prev_button.setText("◀")
        self.prev_button.setToolTip("Previous citation in this article (F7)")
        self.prev_button.clicked.connect(self.previous_span)
        self.next_button = QToolButton(self)
        self.next_button.setText("▶")
        self.next_button.setToolTip("Next citation in this article (F8)")
        self.next_button.clicked.connect(self.next_span)
        self.span_label = QLabel(self)
        self.span_label.setObjectName("muted")

        header = QFrame(self)
        header.setObjectName("readingHeader")
        tools = QHBoxLayout()
        tools.setContentsMargins(0, 0, 0, 0)
        tools.addWidget(self.boilerplate)
        tools.addStretch(1)
        tools.addWidget(self.span_label)
        tools.addWidget(self.prev_button)
        tools.addWidget(self.next_button)
        header_layout = QVBoxLayout(header)
        header_layout.setContentsMargins(14, 10, 14, 8)
        header_layout.setSpacing(3)
        header_layout.addWidget(self.title)
        header_layout.addWidget(self.meta)
        header_layout.addWidget(self.url)
        header_layout.addLayout(tools)

        self.text = ArticleText(self)
        self.text.setObjectName("articleText")
        self.text.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # the window builds it
        self.text.setOpenLinks(False)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                          | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.text.setPlaceholderText("Choose an item or a source to read it here.")
        self.document = QTextDocument(self.text)
        self.document.setDocumentMargin(16)
        self.text.setDocument(self.document)

        self.find_bar = QFrame(self)
        self.find_field = QLineEdit(self.find_bar)
        self.find_field.setPlaceholderText("Find in article")
        self.find_field.setClearButtonEnabled(True)
        self.find_field.textChanged.connect(self._find_all)
        self.find_field.returnPressed.connect(self.find_next)
        self.find_label = QLabel(self.find_bar)
        self.find_label.setObjectName("muted")
        close_find = QToolButton(self.find_bar)
        close_find.setText("✕")
        close_find.setToolTip("Close find (Esc)")
        close_find.clicked.connect(self.close_find)
        find_layout = QHBoxLayout(self.find_bar)
        find_layout.setContentsMargins(8, 4, 8, 4)
        find_layout.addWidget(self.find_field, 1)
        find_layout.addWidget(self.find_label)
        find_layout.addWidget(close_find)
        self.find_bar.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.find_bar)

        # Ctrl+F is the window's Find action, which opens this find bar when the pane has focus
        # (two Ctrl+F shortcuts would be ambiguous and neither would fire).
        for key, slot in (("Escape", self.close_find), ("Shift+Return", self.find_previous),
                          ("Shift+Enter", self.find_previous),
                          ("F3", self.find_next), ("Shift+F3", self.find_previous)):
            shortcut = QShortcut(QKeySequence(key), self.find_bar if key == "Escape" else self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._update_span_controls()

    # -- showing a source --------------------------------------------------
    def show_source(self, source: Source, passages: Sequence[Passage], spans: Sequence[CitedSpan],
                    focus: tuple[int, int] | None = None, origin: str | None = None) -> None:
        """Show ``source`` with every cited span marked and ``focus`` highlighted and in view.
        ``origin`` ("bundled" or "imported") is said in the header."""
        same = self.source is not None and self.source.id == source.id
        self._current = focus
        self.origin = origin
        if not same:
            self.source = source
            self._passages = list(passages)
            self._spans = list(spans)
            self._fill_header()
            self._rebuild()
        else:
            self._mark()
        self._span_index = self._index_of(focus)
        self._update_span_controls()
        if focus is not None:
            self.scroll_to(focus[0], focus[1])
            # Layout may not be final yet (window not shown, pane resizing): centre again once it is.
            QTimer.singleShot(0, self._scroll_current)
        elif not same:
            self.text.verticalScrollBar().setValue(0)

    def clear(self) -> None:
        self.source = None
        self._passages, self._spans, self._current = [], [], None
        self._span_marks = None
        self.document.clear()
        self.title.setText("No source open")
        self.meta.clear()
        self.url.clear()
        self._meta_tips = {}
        for label in (self.title, self.meta, self.url):
            label.setToolTip("")
        self._update_span_controls()

    def _fill_header(self) -> None:
        source = self.source
        assert source is not None
        self._meta_tips = {name: tip for name in METADATA_FIELDS if (tip := metadata_note(source, name))}
        self.title.setText(source.title or "Untitled article (title unknown)")
        self.title.setToolTip(tooltip_html(self._meta_tips["title"]) if "title" in self._meta_tips else "")
        date = human_date(source) if source.published else "Date unknown"
        bits = [("publisher", source.publisher or "Publisher unknown"), ("published", date),
                ("author", f"By {source.author}" if source.author else "Author unknown")]
        shown = [self._meta_bit(source, name, text) for name, text in bits]
        if self.origin:
            shown.append("Imported" if self.origin == "imported" else "Bundled corpus")
        self.meta.setText("&nbsp; · &nbsp;".join(shown))
        self.meta.setToolTip("")
        if source.url and safe_url(source.url) is not None:
            escaped = html.escape(source.url, quote=True)
            self.url.setText(f'<a href="open:url">{escaped}</a>')
        elif source.url:
            self.url.setText(html.escape(source.url))  # not http(s): shown, never a link
        else:
            self.url.setText("URL: unknown")
        self.url.setToolTip(tooltip_html(self._meta_tips["url"]) if "url" in self._meta_tips else "")
        hidden = [p for p in self._passages if p.role == "boilerplate"]
        self.boilerplate.setEnabled(bool(hidden))
        self.boilerplate.setToolTip(
            f"{len(hidden)} boilerplate passage(s): " + ", ".join(sorted({p.reason or 'boilerplate' for p in hidden}))
            if hidden else "No boilerplate in this article")

    def _meta_bit(self, source: Source, name: str, text: str) -> str:
        """A header field; one with a note is a link, so hovering it shows where the value came from."""
        if name not in self._meta_tips:
            return html.escape(text)
        inferred = source.basis.get(name) == "inferred" and getattr(source, name)
        decoration = "underline" if inferred else "none"
        return (f'<a href="note:{name}" style="color:{self._colors.muted_text.name()}; '
                f'text-decoration:{decoration}">{html.escape(text)}</a>')

    def meta_note(self, name: str) -> str:
        """The note shown when hovering a header field (tests read it)."""
        return self._meta_tips.get(name, "")

    @Slot(str)
    def _on_meta_hovered(self, link: str) -> None:
        """Entering a header field makes its note the label's tooltip (Qt shows it when the pointer
        rests); leaving it clears the tooltip so the rest of the line shows none."""
        note = self._meta_tips.get(link.removeprefix("note:"), "") if link else ""
        self.meta.setToolTip(tooltip_html(note) if note else "")

    @Slot(str)
    def _on_meta_activated(self, link: str) -> None:
        """Clicked or activated from the keyboard: the note goes to the status bar."""
        note = self._meta_tips.get(link.removeprefix("note:"), "")
        if note:
            self.message.emit(" ".join(note.split()))

    @Slot(str)
    def _on_url_link(self, _link: str) -> None:
        self.url_activated.emit()

    def _visible_ranges(self) -> list[tuple[int, int]]:
        """The source minus hidden boilerplate (and the blank lines that followed it)."""
        assert self.source is not None
        length = len(self.source.text)
        if self.boilerplate.isChecked():
            return [(0, length)]
        ranges: list[tuple[int, int]] = []
        position = 0
        passages = sorted(self._passages, key=lambda p: p.start)
        for n, passage in enumerate(passages):
            if passage.role != "boilerplate":
                continue
            following = passages[n + 1].start if n + 1 < len(passages) else length
            ranges.append((position, passage.start))
            position = max(position, following)
        ranges.append((position, length))
        return [(a, b) for a, b in ranges if b > a]

    @Slot()
    def _rebuild(self) -> None:
        if self.source is None:
            return
        text = self.source.text
        self._span_marks = None  # their cursors point into the document rebuilt here
        boiler = sorted((p.start, p.end) for p in self._passages if p.role == "boilerplate")
        self.offsets = OffsetMap(text, self._visible_ranges(), (x for span in boiler for x in span))
        self.document.clear()
        cursor = QTextCursor(self.document)
        block = QTextBlockFormat()
        block.setLineHeight(135, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value)
        cursor.setBlockFormat(block)
        plain = QTextCharFormat()
        dim = QTextCharFormat()
        dim.setForeground(self._colors.dim_text)
        dim.setFontItalic(True)
        starts = [a for a, _ in boiler]
        # One edit block (the layout runs once, not per insert), and neighbouring runs of one format
        # inserted together: a long article with thousands of boilerplate lines opens in a moment.
        cursor.beginEditBlock()
        pending: list[str] = []
        pending_dim = False
        for run in self.offsets.runs:
            # Runs are cut at boilerplate edges, so a run is all debris (dimmed) or all text.
            i = bisect.bisect_right(starts, run.src) - 1
            is_boiler = i >= 0 and run.src_end <= boiler[i][1]
            if pending and is_boiler != pending_dim:
                cursor.insertText("".join(pending), dim if pending_dim else plain)
                pending = []
            pending.append(run.display)
            pending_dim = is_boiler
        if pending:
            cursor.insertText("".join(pending), dim if pending_dim else plain)
        cursor.endEditBlock()
        if self.find_bar.isVisible() and self.find_field.text():
            self._find_from = 0
            self._find_all(self.find_field.text(), move=False)  # old cursors pointed into the old text
        self._mark()

    # -- marks ---------------------------------------------------------------
    def _cursor(self, start: int, end: int) -> QTextCursor:
        cursor = QTextCursor(self.document)
        doc_start, doc_end = self.offsets.span_to_doc(start, end)
        cursor.setPosition(doc_start)
        cursor.setPosition(doc_end, QTextCursor.MoveMode.KeepAnchor)
        return cursor

    def _mark(self) -> None:
        if self._span_marks is None:  # once per article shown: opening another of its items moves one mark
            self._span_marks = [self._selection(span.citation.start, span.citation.end, self._colors.other_span)
                                for span in self._distinct_spans()]
        selections = list(self._span_marks)
        if self._current is not None:
            selection = self._selection(*self._current, self._colors.current_span)
            selection.format.setFontUnderline(False)
            selections.append(selection)
        for n, found in enumerate(self._find_cursors):
            extra = QTextEdit.ExtraSelection()
            extra.cursor = found
            color = QColor(self._colors.find_match)
            if n == self._find_index:
                color = self.palette().color(self.palette().ColorRole.Highlight)
                extra.format.setForeground(self.palette().color(self.palette().ColorRole.HighlightedText))
            extra.format.setBackground(color)
            selections.append(extra)
        self.text.setExtraSelections(selections)

    def _selection(self, start: int, end: int, color: QColor) -> QTextEdit.ExtraSelection:
        extra = QTextEdit.ExtraSelection()
        extra.cursor = self._cursor(start, end)
        extra.format.setBackground(color)
        return extra

    def highlighted_text(self) -> str:
        """The text under the current highlight, as the document holds it (tests compare it)."""
        if self._current is None:
            return ""
        return self._cursor(*self._current).selectedText().replace("\u2029", "\n")

    def scroll_to(self, start: int, end: int) -> None:
        """Centre the span in the view without selecting it (the user's selection stays theirs)."""
        cursor = self._cursor(start, start)
        self.text.setTextCursor(cursor)
        rect = self.text.cursorRect(cursor)
        end_rect = self.text.cursorRect(self._cursor(end, end))
        bar = self.text.verticalScrollBar()
        middle = (rect.top() + end_rect.bottom()) // 2
        bar.setValue(bar.value() + middle - self.text.viewport().height() // 2)

    @Slot()
    def _scroll_current(self) -> None:
        if self._current is not None and self.source is not None:
            self.scroll_to(*self._current)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        QTimer.singleShot(0, self._scroll_current)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self._colors = Colors(self.palette())
            self._rebuild()
        super().changeEvent(event)

    # -- selection → source offsets ---------------------------------------------
    def selection_span(self) -> tuple[int, int] | None:
        """The user's selection as exact offsets into source.text, or None."""
        cursor = self.text.textCursor()
        if self.source is None or not cursor.hasSelection():
            return None
        start, end = self.offsets.span_to_src(cursor.selectionStart(), cursor.selectionEnd())
        return (start, end) if end > start else None

    def selected_source_text(self) -> str | None:
        """The stored text under the selection (CRLF, BOM and all), or None without one."""
        span = self.selection_span()
        return self.source.text[span[0]:span[1]] if span is not None and self.source is not None else None

    # -- cited spans, next/previous ------------------------------------------------
    def _distinct_spans(self) -> list[CitedSpan]:
        seen: set[tuple[int, int]] = set()
        spans = []
        for span in self._spans:
            key = (span.citation.start, span.citation.end)
            if key not in seen:
                seen.add(key)
                spans.append(span)
        return spans

    def _index_of(self, focus: tuple[int, int] | None) -> int:
        if focus is None:
            return -1
        for n, span in enumerate(self._distinct_spans()):
            if (span.citation.start, span.citation.end) == focus:
                return n
        return -1

    def _update_span_controls(self) -> None:
        total = len(self._distinct_spans())
        self.prev_button.setEnabled(total > 0)
        self.next_button.setEnabled(total > 0)
        if total == 0:
            self.span_label.setText("No citations in this article" if self.source else "")
        elif self._span_index >= 0:
            self.span_label.setText(f"Citation {self._span_index + 1} of {total}")
        else:
            self.span_label.setText(f"{total} citation{'s' if total != 1 else ''}")

    @Slot()
    def next_span(self) -> None:
        self._step(1)

    @Slot()
    def previous_span(self) -> None:
        self._step(-1)

    def _step(self, delta: int) -> None:
        spans = self._distinct_spans()
        if not spans:
            return
        if self._span_index < 0:
            # Start from the reading position: the first citation after (or before) the caret.
            caret = self.offsets.to_src(self.text.textCursor().position())
            after = [n for n, s in enumerate(spans) if s.citation.start >= caret]
            index = (after[0] if after else 0) if delta > 0 else (after[0] - 1 if after else len(spans) - 1)
        else:
            index = (self._span_index + delta) % len(spans)
        span = spans[index % len(spans)]
        self.span_chosen.emit(span.item_id, span.citation.start, span.citation.end)

    # -- find in article ---------------------------------------------------------
    @Slot()
    def open_find(self) -> None:
        self._find_from = self.text.textCursor().selectionStart()
        self.find_bar.show()
        cursor = self.text.textCursor()
        if cursor.hasSelection() and "\u2029" not in cursor.selectedText():
            self.find_field.setText(cursor.selectedText())
        self.find_field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find_field.selectAll()

    @Slot()
    def close_find(self) -> None:
        if not self.find_bar.isVisible():
            return
        self.find_bar.hide()
        self._find_cursors, self._find_index = [], -1
        self._mark()
        self.text.setFocus(Qt.FocusReason.ShortcutFocusReason)

    @Slot(str)
    def _find_all(self, needle: str, *, move: bool = True) -> None:
        """Every match of ``needle`` ignoring case, diacritics and spacing, as search does."""
        self._find_cursors, self._find_index = [], -1
        for start, end in find_spans(self.document.toRawText(), needle)[:1000]:
            cursor = QTextCursor(self.document)
            cursor.setPosition(start)
            cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            self._find_cursors.append(cursor)
        if self._find_cursors:
            # Like a browser: the first match at or after where the reader was when find opened.
            after = [n for n, c in enumerate(self._find_cursors) if c.selectionStart() >= self._find_from]
            self._find_index = after[0] if after else 0
            if move:
                self._show_find()
        self._update_find_label()
        self._mark()

    def _update_find_label(self) -> None:
        if not self.find_field.text().strip():
            self.find_label.setText("")
        elif not self._find_cursors:
            self.find_label.setText("No matches")
        else:
            self.find_label.setText(f"{self._find_index + 1} of {len(self._find_cursors)}")

    def _show_find(self) -> None:
        found = self._find_cursors[self._find_index]
        self._update_find_label()
        caret = QTextCursor(found)
        caret.clearSelection()
        self.text.setTextCursor(caret)
        self.text.ensureCursorVisible()
        self._mark()

    @Slot()
    def find_next(self) -> None:
        if self._find_cursors:
            self._find_index = (self._find_index + 1) % len(self._find_cursors)
            self._show_find()

    @Slot()
    def find_previous(self) -> None:
        if self._find_cursors:
            self._find_index = (self._find_index - 1) % len(self._find_cursors)
            self._show_find()
