"""Search off the GUI thread: one worker object living in its own QThread.

The worker opens its own Library (a Library belongs to one thread). Requests
carry a number; the controller keeps only the answer to the newest one, the
worker skips requests that were overtaken while they waited in its queue, and a
running search stops as soon as a newer one is asked for (SQLite's progress
handler looks at ``newest``), so a slow search never holds up the next.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from bilateral.store.errors import StoreError
from bilateral.store.library import Library, SearchResult


class SearchWorker(QObject):
    """Lives in the search thread; has no parent because moveToThread forbids one.

    It is deleted by the thread's ``finished`` signal (the documented pattern).
    """

    finished = Signal(int, object)  # request number, SearchResult
    failed = Signal(int, str)       # request number, message for the user

    def __init__(self, db_path: Path | None) -> None:
        super().__init__()
        self._db_path = db_path
        self._library: Library | None = None
        self.newest = 0  # written by the GUI thread; an int store is atomic under the GIL

    @Slot(int, str, str, str)
    def run(self, request: int, query: str, kinds: str, source: str) -> None:
        """``kinds`` is comma-joined and ``source`` a source id; "" means all (None does not
        survive a queued PySide signal reliably)."""
        if request < self.newest:
            return  # overtaken while queued: nobody will look at this answer
        try:
            if self._library is None:
                self._library = Library.open(self._db_path)
            result = self._library.search(query, kinds=kinds.split(",") if kinds else None, source=source or None,
                                          cancelled=lambda: self.newest > request)
        except StoreError as exc:
            self.failed.emit(request, str(exc))
            return
        if result.cancelled:
            return  # a newer request stopped it; that one answers
        self.finished.emit(request, result)

    @Slot()
    def close_library(self) -> None:
        if self._library is not None:
            self._library.close()
            self._library = None


class SearchController(QObject):
    """Debounces typing, sends requests to the worker, hands back only the newest result."""

    DEBOUNCE_MS = 150

    requested = Signal(int, str, str, str)
    result_ready = Signal(object)  # SearchResult of the newest request
    failed = Signal(str)

    def __init__(self, db_path: Path | None, parent: QObject) -> None:
        super().__init__(parent)
        self._request = 0
        self._pending: tuple[str, Collection[str] | None, str | None] | None = None
        self.busy = False
        self._thread = QThread(self)
        self._thread.setObjectName("bilateral-search")
        self._worker = SearchWorker(db_path)
        self._worker.moveToThread(self._thread)
        # Both run in the search thread as it ends, in this order.
        self._thread.finished.connect(self._worker.close_library)
        self._thread.finished.connect(self._worker.deleteLater)
        self.requested.connect(self._worker.run)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(self.DEBOUNCE_MS)
        self._timer.timeout.connect(self.flush)
        self._thread.start()

    def search(self, query: str, kinds: Collection[str] | None = None, source: str | None = None) -> None:
        """Search after the user pauses typing."""
        self._pending = (query, sorted(kinds) if kinds is not None else None, source)
        self.busy = True
        self._timer.start()

    @Slot()
    def flush(self) -> None:
        """Send the pending request now (Enter does not wait for the debounce)."""
        self._timer.stop()
        if self._pending is None:
            return
        query, kinds, source = self._pending
        self._pending = None
        self._request += 1
        self._worker.newest = self._request
        self.busy = True
        self.requested.emit(self._request, query, ",".join(kinds or ()), source or "")

    def cancel(self) -> None:
        """Forget what is pending or running (the search field was cleared)."""
        self._timer.stop()
        self._pending = None
        self._request += 1
        self._worker.newest = self._request
        self.busy = False

    @Slot(int, object)
    def _on_finished(self, request: int, result: SearchResult) -> None:
        if request != self._request:
            return  # stale: the user typed more since
        self.busy = False
        self.result_ready.emit(result)

    @Slot(int, str)
    def _on_failed(self, request: int, message: str) -> None:
        if request == self._request:
            self.busy = False
            self.failed.emit(message)

    def shutdown(self) -> None:
        """Stop the thread and close the worker's library; safe to call twice."""
        self.cancel()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
