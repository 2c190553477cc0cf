"""File ▸ Import: files, a folder, a web address, or whatever is dropped on the window.

The reading and the writing run as tasks (gui/tasks.py) in the library lane;
the window stays responsive, the status bar shows "12 of 40 — Xinhua, 12 Dec
2023" with a Cancel button, and a summary says what was imported, what was a
duplicate and what failed and why. One article alone (a single file or
address) is shown in a review dialog first: every detected field, its
evidence, and a chance to correct it before it is saved.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, Signal, Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bilateral.core.model import METADATA_FIELDS
from bilateral.gui import messages
from bilateral.gui.tasks import Task, TaskContext, TaskRunner
from bilateral.services import targets as asked
from bilateral.store.errors import StoreError

if TYPE_CHECKING:
    from bilateral.ingest.readers import ReadDocument
    from bilateral.services.importer import Report


def _importer():  # type: ignore[no-untyped-def]
    """The import service, loaded on first use: it brings the whole extraction pipeline, which the
    window must not pay for at start-up."""
    from bilateral.services import importer

    return importer

FILE_FILTER = "News articles (*.txt *.text *.md *.markdown *.html *.htm *.pdf);;All files (*)"
FIELD_NAMES = {"title": "Title", "publisher": "Publisher", "author": "Author", "published": "Date", "url": "URL"}


@dataclass(frozen=True)
class Imported:
    """What the window refreshes from after an import."""

    report: Report
    first_source: str | None


class ReviewDialog(QDialog):
    """Each detected field with where it came from; what the user changes is saved as stated."""

    def __init__(self, doc: ReadDocument, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDialog")
        self.setWindowTitle("Review the article before importing")
        self.doc = doc
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        intro = QLabel(f"{doc.file or doc.url or 'Article'} — {len(doc.text):,} characters. Correct what was "
                       "detected; a field you change is recorded as stated by you.", self)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)
        for name in METADATA_FIELDS:
            entry = doc.metadata.get(name) or {}
            value = entry.get("value") or (doc.url if name == "url" else None)
            edit = QLineEdit(value or "", self)
            edit.setObjectName(f"review_{name}")
            edit.setPlaceholderText("unknown" if name != "published" else "unknown — YYYY, YYYY-MM or YYYY-MM-DD")
            self.fields[name] = edit
            note = QLabel(self)
            note.setObjectName("muted")
            note.setTextFormat(Qt.TextFormat.PlainText)  # evidence quotes the article: never markup
            note.setWordWrap(True)
            basis = entry.get("basis")
            evidence = entry.get("evidence") or ""
            note.setText(f"{basis or 'not found'}{': ' + evidence if evidence else ''}")
            column = QVBoxLayout()
            column.setSpacing(1)
            column.addWidget(edit)
            column.addWidget(note)
            form.addRow(FIELD_NAMES[name], column)
        self.error = QLabel(self)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setObjectName("reviewError")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
                                   self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText("Import")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(620, self.sizeHint().height())

    def stated(self) -> dict[str, str | None]:
        """The fields the user changed (to be saved as stated)."""
        out: dict[str, str | None] = {}
        for name, edit in self.fields.items():
            entry = self.doc.metadata.get(name) or {}
            detected = entry.get("value") or (self.doc.url if name == "url" else None) or ""
            if edit.text().strip() != detected.strip():
                out[name] = edit.text().strip() or None
        return out

    @Slot()
    def _check(self) -> None:
        try:
            asked.check_overrides({k: v for k, v in self.stated().items() if v})
        except asked.ImportUsageError as exc:
            self.error.setText(str(exc))
            return
        self.accept()


class ImportController(QObject):
    """The window's import actions and their progress, cancel and summary."""

    imported = Signal(object)  # Imported

    def __init__(self, window: QWidget, runner: TaskRunner, library_path: Path, status: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._runner = runner
        self.library_path = library_path
        self.task: Task | None = None
        self.last_report: Report | None = None
        self.review: ReviewDialog | None = None
        self.progress_bar = QProgressBar(status)
        self.progress_bar.setObjectName("importProgress")
        self.progress_bar.setMaximumWidth(420)
        self.progress_bar.setTextVisible(True)
        self.cancel_button = QPushButton("Cancel", status)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(self.cancel)
        self.widget = QWidget(status)
        row = QHBoxLayout(self.widget)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.progress_bar)
        row.addWidget(self.cancel_button)
        self.widget.hide()

    # -- asking what to import ---------------------------------------------------------
    @Slot()
    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self._window, "Import articles", "", FILE_FILTER)
        if files:
            self.start(files)

    @Slot()
    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self._window, "Import a folder of articles")
        if folder:
            self.start([folder], recursive=True)

    @Slot()
    def ask_url(self) -> None:
        url, ok = QInputDialog.getText(self._window, "Import from URL", "Address of a news page (http or https):")
        if ok and url.strip():
            self.start([url.strip()])

    # -- running ----------------------------------------------------------------------
    def start(self, targets: Sequence[str], *, recursive: bool = False, review: bool = True) -> Task | None:
        """Import ``targets``; one file or address alone is reviewed first."""
        if self.task is not None:
            messages_of(self._window).show_error("An import is already running — wait for it or cancel it")
            return None
        try:
            todo = asked.collect(targets, recursive=recursive)
        except OSError as exc:
            messages_of(self._window).show_error(f"Cannot read {exc.filename}: {exc.strerror}")
            return None
        if not todo:
            messages_of(self._window).show_error("Nothing to import there (no txt, md, html or pdf files)")
            return None
        if len(todo) == 1 and review:
            return self._read_for_review(todo[0])
        return self._run(todo)

    def _run(self, todo: list[str]) -> Task:
        path = self.library_path

        def work(ctx: TaskContext) -> Imported:
            importer = _importer()
            try:
                report = importer.run_import_in_process(path, todo, progress=ctx.progress, cancelled=ctx.cancelled)
            except importer.ImportUsageError as exc:
                raise StoreError(str(exc)) from exc
            first = next((o.source_id for o in report.outcomes if o.status == "imported"), None)
            return Imported(report, first)

        return self._begin(work, len(todo))

    def _read_for_review(self, target: str) -> Task:
        def read(_ctx: TaskContext) -> ReadDocument | str:
            importer = _importer()
            try:
                return importer.read_target(target)
            except importer.ReadError as exc:
                return str(exc)

        task = self._begin(read, 1, label=f"Reading {target}")
        task.succeeded.connect(self._on_read)
        return task

    @Slot(object)
    def _on_read(self, doc: ReadDocument | str) -> None:
        if isinstance(doc, str):
            self._summarise_failure(doc)
            return
        self.review = ReviewDialog(doc, self._window)
        self.review.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.review.accepted.connect(self._on_reviewed)
        self.review.rejected.connect(self._on_review_cancelled)
        self.review.open()

    @Slot()
    def _on_reviewed(self) -> None:
        dialog = self.review
        if dialog is None:
            return
        doc, stated = dialog.doc, {k: v for k, v in dialog.stated().items() if v}
        self.review = None
        path = self.library_path

        def write(_ctx: TaskContext) -> Imported:
            import time

            started = time.perf_counter()
            from bilateral.store.writer import LibraryWriter

            importer = _importer()
            with LibraryWriter(path) as writer:
                outcome = importer.import_document(writer, doc, importer.check_overrides(stated))
            report = importer.Report([outcome], time.perf_counter() - started)
            return Imported(report, outcome.source_id if outcome.status == "imported" else None)

        self._begin(write, 1, label=f"Importing {doc.file or doc.url}")

    @Slot()
    def _on_review_cancelled(self) -> None:
        self.review = None
        messages_of(self._window).show_info("Import cancelled — nothing was added")

    def _begin(self, work, total: int, label: str = "Importing") -> Task:  # type: ignore[no-untyped-def]
        task = self._runner.start(work, label=label)
        self.task = task
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(0)
        self.progress_bar.setFormat(f"{label}…")
        self.cancel_button.setEnabled(True)
        self.widget.show()
        task.progress.connect(self._on_progress)
        task.succeeded.connect(self._on_done)
        task.failed.connect(self._on_failed)
        task.ended.connect(self._on_ended)
        return task

    @Slot()
    def cancel(self) -> None:
        if self.task is not None:
            self.task.cancel()
            self.cancel_button.setEnabled(False)
            self.progress_bar.setFormat("Cancelling after this article…")

    @Slot(int, int, str)
    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.progress_bar.setRange(0, total)
        self.progress_bar.setValue(done)
        self.progress_bar.setFormat(f"{done} of {total} — {label}")

    @Slot(object)
    def _on_done(self, result: object) -> None:
        if not isinstance(result, Imported):
            return
        self.last_report = result.report
        self.imported.emit(result)
        self._summarise(result.report)

    @Slot(str)
    def _on_failed(self, message: str) -> None:
        self._summarise_failure(message)

    @Slot()
    def _on_ended(self) -> None:
        self.task = None
        self.widget.hide()

    # -- telling the user -----------------------------------------------------------------
    def _summarise(self, report: Report) -> None:
        line = f"Import: {report.summary()}"
        failures = [o for o in report.outcomes if o.status != "imported"]
        if not failures:
            messages_of(self._window).show_info(line)
            return
        details = "\n".join(f"{o.status}: {o.target} — {o.message}" for o in failures)
        if report.count("failed"):
            messages_of(self._window).show_error(line)
        else:
            messages_of(self._window).show_info(line)
        if messages.dialogs_enabled:
            box = QMessageBox(QMessageBox.Icon.Information, "Import finished", line, QMessageBox.StandardButton.Ok,
                              self._window)
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setDetailedText(details)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            box.open()

    def _summarise_failure(self, message: str) -> None:
        messages_of(self._window).show_error(f"Import failed: {message}")


def messages_of(window: QWidget) -> messages.Messages:
    found = getattr(window, "messages", None)
    assert isinstance(found, messages.Messages)
    return found
