"""The one way long work runs off the GUI thread: ``TaskRunner.start(fn)`` (after Anki's taskman).

A task is a plain function ``fn(context) -> result`` that runs in a worker
thread and never touches a widget; it reports with ``context.progress(done,
total, label)`` and looks at ``context.cancelled()`` between steps. The GUI
thread gets the ``Task``'s signals: ``progress``, ``succeeded(result)`` and
``failed(message)`` (an environment error the user must hear about; a bug
also arrives here, with its traceback logged). Tasks of one lane run one at a
time, in order — the library lane is the one writer of the user library.
"""

from __future__ import annotations

import itertools
import logging
import threading
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QThread, Signal, Slot

from bilateral.store.errors import StoreError

if TYPE_CHECKING:
    from bilateral.store.library import Library

log = logging.getLogger(__name__)

_readers = threading.local()
#: Every reader Library open in any lane, so a shutdown can interrupt a long query in them.
_all_readers: set[Library] = set()
_all_readers_lock = threading.Lock()


def reader_library(path: Path) -> Library:
    """The Library of the calling thread for ``path`` (a Library belongs to one thread): opened on
    first use by a lane's task, kept for the lane's next tasks, closed when its thread ends."""
    opened: dict[Path, Library] | None = getattr(_readers, "opened", None)
    if opened is None:
        opened = _readers.opened = {}
    library = opened.get(path)
    if library is None:
        from bilateral.store.library import Library

        library = opened[path] = Library.open(path)
        with _all_readers_lock:
            _all_readers.add(library)
    return library


def _close_readers() -> None:
    for library in getattr(_readers, "opened", {}).values():
        with _all_readers_lock:
            _all_readers.discard(library)
        library.close()
    _readers.opened = {}


def interrupt_readers() -> None:
    """Stop whatever query the reader lanes' connections are running (``sqlite3.Connection.interrupt``
    may be called from any thread); their tasks end with an error nobody is told about."""
    with _all_readers_lock:
        for library in _all_readers:
            library.connection.interrupt()


class TaskContext:
    """What a running task may use: report progress, notice a cancel. Safe from any thread."""

    def __init__(self, worker: _Worker, task_id: int, cancel: threading.Event) -> None:
        self._worker = worker
        self._id = task_id
        self._cancel = cancel

    def progress(self, done: int, total: int, label: str = "") -> None:
        self._worker.progressed.emit(self._id, done, total, label)

    def cancelled(self) -> bool:
        return self._cancel.is_set()


class Task(QObject):
    """The GUI thread's handle on one task."""

    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(str)
    ended = Signal()  # after succeeded or failed

    def __init__(self, label: str, parent: QObject) -> None:
        super().__init__(parent)
        self.label = label
        self._cancel = threading.Event()
        self.running = True

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()


class _Worker(QObject):
    """Lives in the lane's thread (no parent: moveToThread forbids one)."""

    progressed = Signal(int, int, int, str)
    done = Signal(int, object)
    error = Signal(int, str)

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[int, tuple[Callable[[TaskContext], Any], threading.Event]] = {}
        self.lock = threading.Lock()
        self.closing = False  # set by TaskRunner.shutdown, which interrupts what the lane runs

    @Slot(int)
    def run(self, task_id: int) -> None:
        with self.lock:
            fn, cancel = self.jobs.pop(task_id)
        try:
            result = fn(TaskContext(self, task_id, cancel))
        except Exception as exc:
            if self.closing:
                return  # the window is closing and interrupted it: nobody waits for an answer
            if isinstance(exc, StoreError):
                self.error.emit(task_id, str(exc))
            else:  # a bug: the user gets a message, the log gets the traceback
                log.error("task failed:\n%s", traceback.format_exc())
                self.error.emit(task_id, f"Something went wrong ({type(exc).__name__}: {exc}); "
                                "details are in the log")
            return
        self.done.emit(task_id, result)

    @Slot()
    def close_readers(self) -> None:
        _close_readers()


class _Lane(QObject):
    submit = Signal(int)

    def __init__(self, name: str, parent: QObject) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.thread.setObjectName(f"bilateral-{name}")
        self.worker = _Worker()
        self.worker.moveToThread(self.thread)
        self.thread.finished.connect(self.worker.close_readers)  # runs in the lane's thread as it ends
        self.thread.finished.connect(self.worker.deleteLater)
        self.submit.connect(self.worker.run)
        self.thread.start()


class TaskRunner(QObject):
    """Runs tasks in named lanes, one thread per lane, each lane's tasks in order."""

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self._lanes: dict[str, _Lane] = {}
        self._tasks: dict[int, Task] = {}
        self._ids = itertools.count(1)

    def start(self, fn: Callable[[TaskContext], Any], *, label: str = "", lane: str = "library") -> Task:
        lane_obj = self._lane(lane)
        task_id = next(self._ids)
        task = Task(label, self)
        self._tasks[task_id] = task
        with lane_obj.worker.lock:
            lane_obj.worker.jobs[task_id] = (fn, task._cancel)
        lane_obj.submit.emit(task_id)
        return task

    def busy(self, lane: str = "library") -> bool:
        return any(t.running for t in self._tasks.values())

    def _lane(self, name: str) -> _Lane:
        lane = self._lanes.get(name)
        if lane is None:
            lane = _Lane(name, self)
            lane.worker.progressed.connect(self._on_progress)
            lane.worker.done.connect(self._on_done)
            lane.worker.error.connect(self._on_error)
            self._lanes[name] = lane
        return lane

    @Slot(int, int, int, str)
    def _on_progress(self, task_id: int, done: int, total: int, label: str) -> None:
        task = self._tasks.get(task_id)
        if task is not None:
            task.progress.emit(done, total, label)

    @Slot(int, object)
    def _on_done(self, task_id: int, result: object) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            task.running = False
            task.succeeded.emit(result)
            task.ended.emit()
            task.deleteLater()

    @Slot(int, str)
    def _on_error(self, task_id: int, message: str) -> None:
        task = self._tasks.pop(task_id, None)
        if task is not None:
            task.running = False
            task.failed.emit(message)
            task.ended.emit()
            task.deleteLater()

    def shutdown(self) -> None:
        """Ask running tasks to stop, then end every lane's thread (safe to call twice)."""
        for task in self._tasks.values():
            task.cancel()
        for lane in self._lanes.values():
            lane.worker.closing = True
        for lane in self._lanes.values():
            if lane.thread.isRunning():
                lane.thread.quit()
                # A reader's query (a listing of 400,000 rows) is interrupted, again until the thread
                # ends: an interrupt that comes just before a statement starts does nothing.
                while not lane.thread.wait(50):
                    interrupt_readers()
