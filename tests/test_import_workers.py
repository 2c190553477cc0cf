"""A long batch is read and analysed in worker processes while one writer merges each article in
order: the library is the one a single process makes; failures, duplicates and cancel behave the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.services import importer
from bilateral.services.library import ensure_library
from bilateral.store.export import export_document
from bilateral.store.library import Library
from news_factory import generate


def _files(folder: Path, n: int) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in generate(n, 11):
        (folder / name).write_text(text, encoding="utf-8")
        out.append(str(folder / name))
    return out


def _export(path: Path) -> dict:
    with Library.open(path) as library:
        return export_document(library)


def _import(path: Path, files: list[str], workers: int, monkeypatch: pytest.MonkeyPatch,
            **kwargs: object) -> importer.Report:
    monkeypatch.setenv("BILATERAL_IMPORT_WORKERS", str(workers))
    ensure_library(path)
    return importer.run_import(path, files, **kwargs)  # type: ignore[arg-type]


def test_workers_give_the_library_one_process_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "a", importer.PARALLEL_FROM + 6)
    # the same article twice in the batch, an empty file and one that is not text among them
    (tmp_path / "a" / "empty.txt").write_text("  \n", encoding="utf-8")
    (tmp_path / "a" / "binary.txt").write_bytes(b"\x00\x01\x02 not text \x00" * 40)
    files[5:5] = [files[2], str(tmp_path / "a" / "empty.txt"), str(tmp_path / "a" / "binary.txt")]
    alone = _import(tmp_path / "alone.sqlite", files, 0, monkeypatch)
    ahead = importer._analysed_ahead
    pools: list[int] = []
    monkeypatch.setattr(importer, "_analysed_ahead", lambda todo, stated, workers, *rest: (
        pools.append(workers), ahead(todo, stated, workers, *rest))[1])
    shared = _import(tmp_path / "shared.sqlite", files, 2, monkeypatch)
    assert pools == [2]  # the batch went through two workers
    assert [(o.target, o.status) for o in shared.outcomes] == [(o.target, o.status) for o in alone.outcomes]
    assert [o.message for o in shared.outcomes] == [o.message for o in alone.outcomes]
    assert shared.count("duplicate") == 1 and shared.count("failed") == 2
    assert _export(tmp_path / "shared.sqlite") == _export(tmp_path / "alone.sqlite")


def test_cancel_keeps_what_was_written_and_stops_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "a", importer.PARALLEL_FROM + 10)
    seen: list[int] = []
    report = _import(tmp_path / "lib.sqlite", files, 2, monkeypatch,
                     progress=lambda done, total, label: seen.append(done), cancelled=lambda: len(seen) >= 5)
    assert report.cancelled and report.count("imported") == 5
    with Library.open(tmp_path / "lib.sqlite") as library:
        assert library.source_origin_counts().get("imported") == 5


def test_the_windows_import_process_starts_workers_for_a_long_batch(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The window imports in a child process; a long batch's workers are the child's children."""
    files = _files(tmp_path / "a", importer.PARALLEL_FROM + 2)
    monkeypatch.setenv("BILATERAL_IMPORT_WORKERS", "2")
    ensure_library(tmp_path / "lib.sqlite")
    done: list[int] = []
    report = importer.run_import_in_process(tmp_path / "lib.sqlite", files,
                                            progress=lambda n, total, label: done.append(n))
    assert report.count("imported") == len(files), [o.message for o in report.outcomes if o.status != "imported"]
    assert done == list(range(1, len(files) + 1))


def test_a_worker_that_dies_loses_no_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A reader crashing on a file kills its worker: the article it was reading is read again alone and
    the batch goes on in new workers; every article is imported."""
    import multiprocessing
    import os
    import signal

    files = _files(tmp_path / "a", importer.PARALLEL_FROM + 6)
    before = {p.pid for p in multiprocessing.active_children()}
    killed: list[int] = []

    def progress(done: int, total: int, label: str) -> None:
        if done == 3 and not killed:
            workers = [p.pid for p in multiprocessing.active_children() if p.pid not in before]
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    report = _import(tmp_path / "lib.sqlite", files, 2, monkeypatch, progress=progress)
    assert killed and report.count("imported") == len(files), [o.message for o in report.outcomes]


def test_cancel_stops_the_workers_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing

    files = _files(tmp_path / "a", importer.PARALLEL_FROM + 10)
    seen: list[int] = []
    report = _import(tmp_path / "lib.sqlite", files, 2, monkeypatch,
                     progress=lambda done, total, label: seen.append(done), cancelled=lambda: len(seen) >= 2)
    assert report.cancelled and report.count("imported") == 2
    assert [p for p in multiprocessing.active_children() if p.is_alive()] == []  # no worker reads on


def test_importing_a_folder_again_says_each_article_is_there(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    files = _files(tmp_path / "a", importer.PARALLEL_FROM + 6)
    assert _import(tmp_path / "lib.sqlite", files, 2, monkeypatch).count("imported") == len(files)
    again = _import(tmp_path / "lib.sqlite", files, 2, monkeypatch)
    assert again.count("duplicate") == len(files) and again.count("imported") == 0


def test_a_summary_gives_no_speed_when_nothing_was_imported() -> None:
    report = importer.Report([importer.Outcome("a.txt", "duplicate", "already in the library")], seconds=0.5)
    assert report.summary() == "0 imported, 1 duplicate skipped, 0 failed in 0.5 s"
    report.outcomes.append(importer.Outcome("b.txt", "imported", "imported"))
    assert report.summary().endswith("in 0.5 s (2.0 articles/s)")


def test_a_worker_sends_back_only_a_file_name_so_ending_it_mid_send_cannot_hang_the_pool(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A worker ended (cancel) while writing a result of megabytes into the pool's pipe left the
    # pool's reader waiting forever for the rest; what goes through the pipe now is a name, one
    # write of under PIPE_BUF bytes, which a pipe delivers whole or not at all.
    import pickle
    import select

    [article] = _files(tmp_path / "a", 1)
    long = tmp_path / "long.txt"
    long.write_text(Path(article).read_text(encoding="utf-8") * 40, encoding="utf-8")
    monkeypatch.setattr(importer, "_worker_results", str(tmp_path))
    path = importer._analyse_to_file(str(long), {})
    assert len(pickle.dumps(path)) + 64 < select.PIPE_BUF  # with the pool's envelope around it
    assert Path(path).stat().st_size > 64 * 1024  # the result itself is far larger than a pipe's buffer
    taken = importer._taken(path)
    assert not Path(path).exists()
    assert isinstance(taken, importer.Analysed) and taken.source.text == long.read_text(encoding="utf-8")
    assert pickle.dumps(taken) == pickle.dumps(importer._analyse_target(str(long), {}))
