"""Import files, folders and web addresses into the user library — for the CLI and the window alike.

Each article is read (ingest.readers), analysed by the same pipeline as the
bundled corpus, and merged into the library by lookups (ingest.merge over
store.writer), in one transaction: it is stored whole or not at all. The
same article twice (the same text after whitespace normalisation, or the
same address) is recognised and not stored again. What the user states
(``--title`` …, or the review dialog) overrides what was detected, with
basis "stated".
"""

from __future__ import annotations

import hashlib
import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, TypeVar

from bilateral.core.cite import human_date
from bilateral.core.model import METADATA_FIELDS, Passage, Source
from bilateral.ingest.findings import Finding
from bilateral.ingest.merge import Merger
from bilateral.ingest.pipeline import extract_document
from bilateral.ingest.readers import ReadDocument, ReadError, fetch_url, normalised_for_duplicates, read_file
from bilateral.ingest.text import Document
from bilateral.services.targets import (  # noqa: F401  (part of this module's API)
    SUFFIXES,
    ImportUsageError,
    check_date,
    check_overrides,
    collect,
    is_url,
)
from bilateral.store.errors import StoreError
from bilateral.store.writer import LibraryWriter

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class Outcome:
    """What happened to one thing asked for."""

    target: str
    status: str  # "imported" | "duplicate" | "failed"
    message: str
    source_id: str | None = None
    title: str | None = None
    label: str | None = None  # what the progress bar says: "Xinhua, 12 December 2023"


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)
    seconds: float = 0.0
    cancelled: bool = False

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def ok(self) -> bool:
        return self.count("failed") == 0

    def summary(self) -> str:
        rate = self.count("imported") / self.seconds if self.seconds > 0 else 0.0
        dups = self.count("duplicate")
        parts = [f"{self.count('imported')} imported", f"{dups} duplicate{'' if dups == 1 else 's'} skipped",
                 f"{self.count('failed')} failed"]
        tail = " — cancelled" if self.cancelled else ""
        speed = f" ({rate:.1f} articles/s)" if self.count("imported") else ""  # no rate of nothing
        return f"{', '.join(parts)} in {self.seconds:.1f} s{speed}{tail}"


def source_from(doc: ReadDocument, overrides: dict[str, str] | None = None, *, source_id: str | None = None,
                stated_by: str = "given when importing") -> Source:
    """The Source to store: detected metadata, with what the user stated over it."""
    values: dict[str, Any] = {}
    basis: dict[str, str] = {}
    evidence: dict[str, str] = {}
    for name in METADATA_FIELDS:
        entry = doc.metadata.get(name) or {}
        value = entry.get("value")
        if name == "url" and value is None:
            value = doc.url
        values[name] = value
        if value is not None and entry.get("basis"):
            basis[name] = str(entry["basis"])
        if entry.get("evidence"):
            evidence[name] = str(entry["evidence"])
        if name == "url" and value is not None and name not in basis:
            basis[name] = "stated"
            evidence.setdefault(name, "the address it was fetched from")
    for name, value in (overrides or {}).items():
        values[name] = value
        basis[name] = "stated"
        evidence[name] = stated_by
    text = doc.text
    dup = duplicate_hash(text)
    return Source(id=source_id or f"imported-{dup[:12]}", text=text, file=doc.file, basis=basis,
                  evidence=evidence, **values)


@lru_cache(maxsize=16)  # an article's is asked for its id, its duplicate check and its row
def duplicate_hash(text: str) -> str:
    return hashlib.sha256(normalised_for_duplicates(text).encode("utf-8", "surrogatepass")).hexdigest()


def describe(source: Source) -> str:
    """"Xinhua, 12 December 2023" — what the progress bar says of an article."""
    who = source.publisher or source.title or source.file or source.id
    return f"{who}, {human_date(source)}" if source.published else who


@dataclass(frozen=True)
class Analysed:
    """An article read and analysed, ready to be stored: what a worker process hands the writer."""

    source: Source
    kind: str
    sha256: str | None
    path: str | None
    encoding: str | None
    passages: list[Passage]
    findings: list[Finding]
    #: False when a worker found the library holding it already and did not analyse it
    analysed: bool = True


def analyse(doc: ReadDocument, overrides: dict[str, str] | None = None) -> Analysed:
    """The Source an article becomes, its passages and what the extractors find in it (no library needed)."""
    return _analysed(source_from(doc, overrides), doc.kind, doc.sha256, doc.path, doc.encoding)


def _analysed(source: Source, kind: str, sha256: str | None = None, path: str | None = None,
              encoding: str | None = None) -> Analysed:
    document = Document(source)
    return Analysed(source, kind, sha256, path, encoding, list(document.passages), list(extract_document(document)))


def _store(writer: LibraryWriter, article: Analysed, *, origin: str) -> None:
    source = article.source
    if not source.text.strip():
        raise ReadError("the article is empty")
    with writer.article() as items:
        writer.add_source(source, article.passages, origin=origin, kind=article.kind, sha256=article.sha256,
                          original_path=article.path, encoding=article.encoding,
                          dup_hash=duplicate_hash(source.text))
        Merger(items).add(source, article.findings)


def _duplicate(writer: LibraryWriter, source: Source, name: str) -> Outcome | None:
    duplicate = writer.duplicate_of(duplicate_hash(source.text), source.url)
    if duplicate is None and not writer.has_source(source.id):
        return None
    dup_id = duplicate.source_id if duplicate else source.id
    title = duplicate.title if duplicate else source.title
    why = duplicate.reason if duplicate else "the same text"
    return Outcome(name, "duplicate", f"already in the library ({why}): “{title or dup_id}”", dup_id, title)


def import_document(writer: LibraryWriter, doc: ReadDocument, overrides: dict[str, str] | None = None,
                    *, target: str | None = None) -> Outcome:
    """One article into the library, or the reason it was not."""
    name = target or doc.path or doc.url or doc.file or "article"
    source = source_from(doc, overrides)
    duplicate = _duplicate(writer, source, name)  # before the extraction's work
    if duplicate is not None:
        return duplicate
    return _store_new(writer, _analysed(source, doc.kind, doc.sha256, doc.path, doc.encoding), name)


def store_analysed(writer: LibraryWriter, article: Analysed, name: str) -> Outcome:
    """An analysed article into the library (unless the library has it already, perhaps since)."""
    duplicate = _duplicate(writer, article.source, name)
    if duplicate is not None:
        return duplicate
    if not article.analysed:  # it was in the library when the worker read it, and is not now
        article = _analysed(article.source, article.kind, article.sha256, article.path, article.encoding)
    return _store_new(writer, article, name)


def _store_new(writer: LibraryWriter, article: Analysed, name: str) -> Outcome:
    source = article.source
    _store(writer, article, origin="imported")
    return Outcome(name, "imported", f"imported “{source.title or source.file or source.id}”", source.id,
                   source.title, describe(source))


def import_bundled_source(writer: LibraryWriter, source: Source) -> None:
    """A source of a newer bundled corpus (upgrade): the same pipeline, marked bundled."""
    if writer.has_source(source.id):
        return
    _store(writer, _analysed(source, "text"), origin="bundled")


def read_target(target: str) -> ReadDocument:
    return fetch_url(target) if is_url(target) else read_file(Path(target))


#: A batch this long is read and analysed in worker processes while this one writes; a shorter one
#: is not worth starting them (each loads the extractors and their lexicon, about a second).
PARALLEL_FROM = 24
#: How many articles may wait analysed for the writer, per worker: memory stays flat however long
#: the batch, and the workers never wait on a slow article of another.
AHEAD_PER_WORKER = 3
#: Workers at most unless stated (each holds the extractors, 40-90 MB): the writer is the bound beyond.
MAX_WORKERS = 8


def import_workers() -> int:
    """Worker processes for a long batch: one per core this process may use (the writer mostly
    waits on SQLite); ``BILATERAL_IMPORT_WORKERS`` overrides it, 0 for none."""
    stated = os.environ.get("BILATERAL_IMPORT_WORKERS", "").strip()
    if stated.isdigit():
        wanted = int(stated)
    else:
        try:
            cores = len(os.sched_getaffinity(0))
        except AttributeError:  # not on Linux
            cores = os.cpu_count() or 1
        wanted = min(cores, MAX_WORKERS) if cores > 1 else 0
    return min(wanted, 61) if sys.platform == "win32" else wanted  # Windows' limit for a process pool


def batch_workers(articles: int) -> int:
    """Worker processes for a batch of ``articles``: none below ``PARALLEL_FROM``, then one per dozen
    articles at most (a short batch does not start one for every core), up to ``import_workers()``."""
    return min(import_workers(), articles // 12) if articles >= PARALLEL_FROM else 0


def run_import(library: Path, targets: Sequence[str], *, overrides: dict[str, str | None] | None = None,
               recursive: bool = False, progress: Progress | None = None,
               cancelled: Callable[[], bool] | None = None,
               review: Callable[[ReadDocument], dict[str, str] | None] | None = None) -> Report:
    """Import ``targets`` one article at a time, in their order; what finished stays if cancelled.

    ``review`` (the window's dialog) sees each article's detected metadata and returns the
    fields the user stated, or None to skip the article. A long batch without review is read and
    analysed ahead in worker processes (``import_workers``); this process merges and writes each
    article in order, so the library is the same as one article at a time would make it.
    """
    stated = check_overrides(overrides)
    todo = collect(targets, recursive=recursive)
    if not todo:
        raise ImportUsageError("nothing to import (no txt, md, html or pdf files there)")
    report = Report()
    started = time.perf_counter()
    workers = batch_workers(len(todo)) if review is None else 0
    with LibraryWriter(library) as writer:
        ahead = (_analysed_ahead(todo, stated, workers, library, cancelled) if workers
                 else ((t, None) for t in todo))
        try:
            for n, (target, analysed) in enumerate(ahead):
                if cancelled is not None and cancelled():
                    report.cancelled = True
                    break
                if isinstance(analysed, Outcome):
                    outcome = analysed
                elif analysed is None:
                    outcome = _guarded(target, lambda t=target: _one(writer, t, stated, review))
                else:
                    outcome = _guarded(target, lambda t=target, a=analysed: store_analysed(writer, a, t))
                report.outcomes.append(outcome)
                if progress is not None:
                    label = outcome.label or outcome.title or os.path.basename(target.rstrip("/")) or target
                    progress(n + 1, len(todo), label)
        finally:
            close = getattr(ahead, "close", None)
            if close is not None:
                close()  # stops the workers (what they had not finished is not imported)
    if len(report.outcomes) < len(todo) and cancelled is not None and cancelled():
        report.cancelled = True  # (the workers' reading stopped for it before the loop could see it)
    report.seconds = time.perf_counter() - started
    return report


def _analysed_ahead(todo: Sequence[str], stated: dict[str, str], workers: int, library: Path,
                    cancelled: Callable[[], bool] | None = None) -> Iterator[tuple[str, Analysed | Outcome | None]]:
    """Each target with what a worker made of it, in order. A worker that dies (a reader crashing
    on a damaged file) takes its pool with it: the target it was reading is read again alone in a
    fresh worker (failed if that one dies too), and the rest go on in a new pool."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    rest = deque(todo)
    while rest:
        pool, results = _worker_pool(workers, library)
        pending: deque[tuple[str, Future[str]]] = deque()
        broken: str | None = None
        try:
            while rest or pending:
                while rest and len(pending) < workers * AHEAD_PER_WORKER:
                    pending.append((rest[0], pool.submit(_analyse_to_file, rest[0], stated)))
                    rest.popleft()
                target, future = pending.popleft()
                try:
                    result = _result(future, cancelled)
                except BrokenProcessPool:
                    broken = target
                    break
                if result is None:  # cancelled while a worker was still reading it
                    return
                yield target, result
        except BrokenProcessPool:  # from a submit: the pool died between two results
            broken = None
        finally:
            _stop(pool, results)
        rest.extendleft(reversed([t for t, _ in pending]))
        if broken is not None:
            yield broken, _alone(broken, stated, library)
        elif rest:  # workers cannot even start here: this process reads the rest itself
            for target in list(rest):
                yield target, None
            return


def _result(future: Any, cancelled: Callable[[], bool] | None) -> Analysed | Outcome | None:
    """The future's result, or None as soon as the import is cancelled (an article may take seconds)."""
    from concurrent.futures import TimeoutError as Pending

    while True:
        try:
            return _taken(future.result(timeout=0.1))
        except Pending:
            if cancelled is not None and cancelled():
                return None


def _worker_pool(workers: int, library: Path) -> tuple[Any, Any]:
    """A pool of ``workers`` processes, and the folder where they leave what they read (removed by
    ``_stop``)."""
    import multiprocessing
    import tempfile
    from concurrent.futures import ProcessPoolExecutor

    results = tempfile.TemporaryDirectory(prefix="bilateral-import-")
    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("spawn"),
                               initializer=_worker_start, initargs=(str(library), results.name))
    return pool, results


def _stop(pool: Any, results: Any) -> None:
    """The workers ended now, not after what they were given (cancel, an error, the end): what they
    had not finished is not imported. (A worker reading on would hold the import's process open.)
    Ending a worker is safe at any moment because what it sends back is only a file name, written to
    the pool's pipe in one atomic write (see _analyse_to_file); what it left unread goes with the folder."""
    for process in list(getattr(pool, "_processes", {}).values()):
        if process.is_alive():
            process.terminate()
    pool.shutdown(wait=True, cancel_futures=True)
    results.cleanup()


def _alone(target: str, stated: dict[str, str], library: Path) -> Analysed | Outcome:
    from concurrent.futures.process import BrokenProcessPool

    pool, results = _worker_pool(1, library)
    try:
        return _taken(pool.submit(_analyse_to_file, target, stated).result())
    except BrokenProcessPool:
        name = os.path.basename(target.rstrip("/")) or target
        return Outcome(target, "failed", f"{name}: not imported: reading it stopped the reading process "
                                         "unexpectedly (is the file damaged?)")
    finally:
        _stop(pool, results)


def _taken(path: str) -> Analysed | Outcome:
    """What a worker left at ``path``, read and the file removed."""
    import pickle

    with open(path, "rb") as f:
        result: Analysed | Outcome = pickle.load(f)
    os.unlink(path)
    return result


#: In a worker: the library, read-only (opened once), to recognise what it holds already.
_worker_library: Any = None
#: In a worker: the folder where it leaves what it read, one file per target.
_worker_results: str | None = None


def _worker_start(library: str, results: str) -> None:
    """A worker's start: Ctrl+C is the import's to handle (the worker is ended for it), and a worker
    whose parent is gone ends itself instead of waiting for work forever."""
    import multiprocessing
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is not None:
        def watch() -> None:
            parent.join()
            os._exit(0)

        threading.Thread(target=watch, name="parent-watch", daemon=True).start()
    from bilateral.store.library import Library

    global _worker_library, _worker_results
    _worker_results = results
    try:
        _worker_library = Library.open(Path(library))
    except StoreError:
        _worker_library = None  # the writer decides what is a duplicate


def _analyse_target(target: str, stated: dict[str, str]) -> Analysed | Outcome:
    """In a worker: one target read and analysed, or why it cannot be. An article the library holds
    already is not analysed (the writer says it is a duplicate): importing a folder again is quick."""
    def work() -> Analysed:
        doc = read_target(target)
        source = source_from(doc, stated)
        if _held(source):
            return Analysed(source, doc.kind, doc.sha256, doc.path, doc.encoding, [], [], analysed=False)
        return _analysed(source, doc.kind, doc.sha256, doc.path, doc.encoding)

    return _guarded(target, work)


def _analyse_to_file(target: str, stated: dict[str, str]) -> str:
    """In a worker: ``_analyse_target``'s result written to a file of the pool's folder; its name is all
    the worker sends back. A result sent through the pool's pipe can be megabytes, and a worker ended
    while sending one (a cancel) left the pool's reader waiting forever for the rest of it; a name is
    one write of under 4 KiB (PIPE_BUF), which a pipe delivers whole or not at all."""
    import pickle
    import tempfile

    result = _analyse_target(target, stated)
    fd, path = tempfile.mkstemp(suffix=".pickle", dir=_worker_results)
    with os.fdopen(fd, "wb") as f:
        pickle.dump(result, f, protocol=pickle.HIGHEST_PROTOCOL)
    return path


def _held(source: Source) -> bool:
    if _worker_library is None:
        return False
    try:
        return bool(_worker_library.holds(duplicate_hash(source.text), source.url, source.id))
    except StoreError:
        return False  # the writer decides


def _one(writer: LibraryWriter, target: str, stated: dict[str, str],
         review: Callable[[ReadDocument], dict[str, str] | None] | None) -> Outcome:
    doc = read_target(target)
    fields = stated
    if review is not None:
        answer = review(doc)
        if answer is None:
            return Outcome(target, "failed", "skipped in the review")
        fields = {**stated, **check_overrides(answer)}
    return import_document(writer, doc, fields, target=target)


_T = TypeVar("_T")


def _guarded(target: str, work: Callable[[], _T]) -> _T | Outcome:
    """``work()``, or the outcome that says why this target failed; the library's own failure stops
    the batch (the caller says why)."""
    try:
        return work()
    except (ReadError, ImportUsageError) as exc:
        return Outcome(target, "failed", str(exc))
    except StoreError:
        raise
    except Exception as exc:  # a bug on one article: it is rolled back, the batch goes on
        name = os.path.basename(target.rstrip("/")) or target
        detail = " ".join(f"{type(exc).__name__}: {exc}".split())[:200]
        return Outcome(target, "failed", f"{name}: not imported, an internal error ({detail}); please report it")


def _child(library: str, targets: list[str], recursive: bool, messages: Any, cancel: Any) -> None:
    """The import in a process of its own: progress and the report go back through ``messages``."""
    try:
        report = run_import(Path(library), targets, recursive=recursive,
                            progress=lambda done, total, label: messages.put(("progress", done, total, label)),
                            cancelled=cancel.is_set)
        messages.put(("done", report))
    except (ImportUsageError, StoreError) as exc:
        messages.put(("error", str(exc)))
    except Exception as exc:  # a bug in the child: say so in one line; the parent logs it
        import traceback

        messages.put(("bug", f"{type(exc).__name__}: {exc}", traceback.format_exc()))


def run_import_in_process(library: Path, targets: Sequence[str], *, recursive: bool = False,
                          progress: Progress | None = None,
                          cancelled: Callable[[], bool] | None = None) -> Report:
    """``run_import`` in a child process, for the window: the extraction's CPU work (and any C
    library holding Python's lock, such as the HTML parser) never competes with the window's
    thread, and a crash in a parser ends the child, not the app. What finished stays either way.
    The child is not a daemon, so it may start the workers of a long batch (``import_workers``); if
    this process exits while it runs, it is asked to stop after the article it is writing."""
    import atexit
    import multiprocessing
    import queue as queue_module

    context = multiprocessing.get_context("spawn")
    messages = context.Queue()
    cancel = context.Event()
    child = context.Process(target=_child, args=(str(library), list(targets), recursive, messages, cancel),
                            name="bilateral-import", daemon=False)
    child.start()
    atexit.register(cancel.set)  # runs before multiprocessing's own exit handler joins the child
    try:
        while True:
            if cancelled is not None and cancelled():
                cancel.set()
            try:
                message = messages.get(timeout=0.1)
            except queue_module.Empty:
                if not child.is_alive() and messages.empty():
                    raise StoreError(f"the import stopped unexpectedly (exit code {child.exitcode}); "
                                     "the articles it finished are in the library") from None
                continue
            kind = message[0]
            if kind == "progress" and progress is not None:
                progress(*message[1:])
            elif kind == "done":
                return message[1]
            elif kind == "error":
                raise ImportUsageError(message[1])
            elif kind == "bug":
                raise RuntimeError(f"{message[1]}\n{message[2]}")
    finally:
        atexit.unregister(cancel.set)
        cancel.set()  # done, or leaving on an error: nothing more to import
        child.join(timeout=30)
        if child.is_alive():
            child.kill()
        messages.close()
