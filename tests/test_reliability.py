"""Nothing lost, nothing crashes: bad input and a hostile environment give one clear line, never a traceback.

Malformed metadata records, special files among the sources, empty and
CR-only sources, dates no calendar has, full disks, half-written exports,
exports of a library whose citations no longer match, missing or locked or
read-only libraries. docs/reliability.md lists each case and its test.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.cli.main import run
from bilateral.core.cite import STYLES, csl_record, human_date, reference, render
from bilateral.core.model import Source
from bilateral.ingest.sources import SourceError, load_corpus, read_metadata
from store_sample import build_sample

ARTICLE = "Leaders Meet in Hanoi\nGeneral Secretary To Lam met Chinese President Xi Jinping on April 14, 2025.\n"
GOOD = {"title": {"value": "Leaders Meet in Hanoi", "basis": "stated", "evidence": "first line"},
        "published": {"value": "2025-04-14", "basis": "stated", "evidence": "dateline"}}


def _one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> str:
    err = capsys.readouterr().err
    lines = [line for line in err.splitlines() if not line.startswith("warning: ")]
    assert len(lines) == 1 and "Traceback" not in err, err
    for word in words:
        assert word in lines[0], lines[0]
    return lines[0]


def _corpus(tmp_path: Path, record: object | bytes | None = None, text: str = ARTICLE) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir(exist_ok=True)
    (folder / "a.txt").write_text(text, encoding="utf-8", newline="")
    if isinstance(record, bytes):
        (folder / "a.json").write_bytes(record)
    elif record is not None:
        (folder / "a.json").write_text(json.dumps(record), encoding="utf-8")
    return folder


# -- 2. metadata records -----------------------------------------------------------------

BAD_RECORDS: dict[str, tuple[object | bytes, str]] = {
    "field-as-string": ({"title": "Leaders Meet in Hanoi"}, "title must be an object"),
    "published-number": ({"published": {"value": 2025, "basis": "stated"}}, "published value must be a string"),
    "published-object-value": ({"published": {"value": {"y": 2025}, "basis": "stated"}}, "must be a string"),
    "month-13-day-45": ({"published": {"value": "2025-13-45", "basis": "stated"}}, "'2025-13-45' is not a real date"),
    "month-13": ({"published": {"value": "2025-13", "basis": "stated"}}, "'2025-13' is not a real date"),
    "month-00": ({"published": {"value": "2025-00", "basis": "stated"}}, "'2025-00' is not a real date"),
    "february-30": ({"published": {"value": "2025-02-30", "basis": "stated"}}, "not a real date"),
    "year-0000": ({"published": {"value": "0000", "basis": "stated"}}, "not a real date"),
    "evidence-object": ({"title": {"value": "T", "basis": "stated", "evidence": {"line": 1}}},
                        "title evidence must be a string"),
    "field-as-list": ({"author": ["Jane Roe"]}, "author must be an object"),
    "record-a-list": ([1, 2], "must be a JSON object, not a list"),
    "nested-100k": (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    "nested-100k-unclosed": (b"{\"title\": " + b"[" * 100_000, "a.json: metadata"),
    "invalid-utf8": (b'{"title": {"value": "caf\xe9", "basis": "stated"}}', "not UTF-8"),
    "not-json": (b"{title: 1", "not valid JSON"),
    "basis-missing": ({"title": {"value": "T"}}, "needs basis"),
}


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_a_malformed_metadata_record_is_one_source_error(tmp_path: Path, case: str) -> None:
    record, words = BAD_RECORDS[case]
    folder = _corpus(tmp_path, record)
    with pytest.raises(SourceError) as raised:
        read_metadata(folder / "a.json")
    message = str(raised.value)
    assert ("\n" not in message and message.startswith("a.json")) or "a.json" in message
    assert words in message, message


@pytest.mark.parametrize("case", list(BAD_RECORDS))
def test_build_with_a_malformed_record_exits_2_without_traceback(tmp_path: Path, case: str,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    record, words = BAD_RECORDS[case]
    folder = _corpus(tmp_path, record)
    out = tmp_path / "x.sqlite"
    assert run(["build", "--data", str(folder), "-o", str(out)]) == 2
    _one_line_error(capsys, "bilateral build:", "a.json", words)
    assert not out.exists()


def test_a_metadata_record_that_is_a_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "a.json").mkdir()
    assert run(["build", "--data", str(folder), "-o", str(tmp_path / "x.sqlite")]) == 2
    _one_line_error(capsys, "a.json", "is a folder")


def test_good_records_and_real_dates_still_load(tmp_path: Path) -> None:
    for date in ("2025", "2025-12", "2024-02-29", "2025-04-14"):
        folder = _corpus(tmp_path, {**GOOD, "published": {"value": date, "basis": "inferred", "evidence": "x"}})
        (source,) = load_corpus(folder, warn=pytest.fail)
        assert source.published == date and source.title == "Leaders Meet in Hanoi"
    folder = _corpus(tmp_path, {"title": None, "author": {}})  # null and {} are "unknown", as before
    (folder / "a.json").write_text('{"title": null, "author": {}}', encoding="utf-8")
    assert load_corpus(folder, warn=pytest.fail)[0].title is None


BAD_STORED_DATES = ["2025-13", "2025-00", "2025-13-45", "2025-02-30", "2025-04-31", "0000", "2025-x", "-1", "2025--"]


@pytest.mark.parametrize("date", BAD_STORED_DATES)
def test_citations_of_an_impossible_stored_date_show_the_year_or_nothing(date: str) -> None:
    """A library written by an older build may hold "2025-13": no IndexError, the year alone."""
    source = Source("x", "Text.", title="T", publisher="P", author="Jane Roe", published=date,
                    basis={"published": "stated"})
    year_ok = date[:4].isdigit() and date[:4] != "0000"
    assert human_date(source) == ("2025" if year_ok else "n.d.")
    issued = csl_record(source).get("issued")
    assert issued == ({"date-parts": [[2025]]} if year_ok else None)
    for style in STYLES:
        assert render(style, "Text.", source).plain
        assert reference(source, style).plain is not None


# -- 3. special files and odd sources -------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_as_a_source_is_refused_without_hanging(tmp_path: Path) -> None:
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "good.txt").write_text(ARTICLE, encoding="utf-8")
    os.mkfifo(folder / "a.txt")
    proc = subprocess.run([sys.executable, "-m", "bilateral", "build", "--data", str(folder),
                           "-o", str(tmp_path / "x.sqlite")], capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert "a.txt" in proc.stderr and "FIFO" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "x.sqlite").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_named_as_a_metadata_record_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    os.mkfifo(folder / "a.json")
    with pytest.raises(SourceError, match="FIFO"):
        read_metadata(folder / "a.json")  # returns at once: os.stat, never open


def test_a_dangling_symlink_source_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "b.txt").symlink_to(tmp_path / "gone.txt")
    assert run(["build", "--data", str(folder), "-o", str(tmp_path / "x.sqlite")]) == 2
    _one_line_error(capsys, "b.txt", "does not exist")


def test_a_symlink_to_a_real_source_is_read(tmp_path: Path) -> None:
    folder = _corpus(tmp_path)
    (tmp_path / "elsewhere.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").symlink_to(tmp_path / "elsewhere.txt")
    assert [s.id for s in load_corpus(folder, warn=pytest.fail)] == ["a", "b"]


def test_an_empty_source_builds_with_a_warning_naming_it(tmp_path: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "blank.txt").write_text("\r\n\n  \r", encoding="utf-8", newline="")
    assert run(["build", "--data", str(folder), "-o", str(tmp_path / "x.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "warning: empty.txt has no text" in err and "warning: blank.txt has no text" in err
    assert "a.txt" not in err


def test_a_cr_only_source_builds_with_a_warning_naming_it(tmp_path: Path,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path, text=ARTICLE.replace("\n", "\r"))
    assert run(["build", "--data", str(folder), "-o", str(tmp_path / "x.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "warning: a.txt has CR-only line breaks" in err


def test_a_source_giving_no_items_is_said(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _corpus(tmp_path)
    (folder / "dull.txt").write_text("nothing to see here\n", encoding="utf-8")
    assert run(["build", "--data", str(folder), "-o", str(tmp_path / "x.sqlite")]) == 0
    err = capsys.readouterr().err
    assert "warning: dull.txt gives 0 items" in err and "a.txt" not in err


# -- 4. export --------------------------------------------------------------------------------


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return build_sample(tmp_path / "sample.sqlite")


def _full_disk(monkeypatch: pytest.MonkeyPatch, after: int = 0) -> None:
    """Path.write_bytes fails with ENOSPC from its ``after``-th call on (0: at once)."""
    real = Path.write_bytes
    calls = {"n": 0}

    def write_bytes(self: Path, data: bytes) -> int:
        calls["n"] += 1
        if calls["n"] > after:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(self))
        return real(self, data)

    monkeypatch.setattr(Path, "write_bytes", write_bytes)


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full here")
@pytest.mark.parametrize("command", [["export", "--format", "json"], ["search", "--json", "Xi"]])
def test_stdout_onto_a_full_device_is_one_line_and_exit_2(sample: Path, command: list[str]) -> None:
    with open("/dev/full", "wb") as full:
        proc = subprocess.run([sys.executable, "-m", "bilateral", *command, "--db", str(sample)],
                              stdout=full, stderr=subprocess.PIPE, text=True, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr and "Exception" not in proc.stderr
    assert "cannot write to standard output" in proc.stderr and "No space left" in proc.stderr


def test_json_export_onto_a_full_disk_keeps_the_old_file(sample: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out.json"
    out.write_text("old export")
    _full_disk(monkeypatch)
    assert run(["export", "--db", str(sample), "-o", str(out)]) == 2
    _one_line_error(capsys, "cannot write", "out.json", "No space left")
    assert out.read_text() == "old export"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.json", "sample.sqlite"]  # no temp file left


@pytest.mark.parametrize("fail_after", [0, 3, 6])
def test_csv_export_onto_a_full_disk_leaves_the_old_folder_untouched(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        fail_after: int) -> None:
    folder = tmp_path / "csv"
    assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(folder)]) == 0
    (folder / "quotes.csv").write_bytes(b"an older library's quotes")
    (folder / "notes.txt").write_text("mine")
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    capsys.readouterr()
    _full_disk(monkeypatch, after=fail_after)
    assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(folder)]) == 2
    _one_line_error(capsys, "cannot write CSV files", "No space left", "nothing there was changed")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["csv", "sample.sqlite"]


def test_csv_export_failing_while_moving_files_in_puts_the_old_ones_back(
        sample: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "csv"
    assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(folder)]) == 0
    for p in folder.iterdir():
        p.write_bytes(b"old " + p.name.encode())
    capsys.readouterr()
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    real = os.replace
    moved_in = {"n": 0}

    def replace(src: object, dst: object) -> None:
        if Path(str(dst)).parent == folder and ".previous" not in str(dst):
            moved_in["n"] += 1
            if moved_in["n"] == 3:
                raise OSError(errno.EIO, "Input/output error")
        real(src, dst)  # type: ignore[arg-type]

    monkeypatch.setattr(os, "replace", replace)
    assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(folder)]) == 2
    _one_line_error(capsys, "cannot write CSV files")
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def test_csv_export_into_a_new_folder_is_whole_or_absent(sample: Path, tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    _full_disk(monkeypatch, after=4)
    assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(tmp_path / "new")]) == 2
    capsys.readouterr()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sample.sqlite"]
    monkeypatch.undo()
    assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(tmp_path / "new")]) == 0
    assert len(list((tmp_path / "new").iterdir())) == 7


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
@pytest.mark.parametrize("mask", [0o022, 0o077, 0o002])
def test_exports_and_rebuilt_stores_get_the_umask_mode(sample: Path, tmp_path: Path, mask: int) -> None:
    old = os.umask(mask)
    try:
        assert run(["export", "--db", str(sample), "-o", str(tmp_path / "out.json")]) == 0
        assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(tmp_path / "new")]) == 0
        (tmp_path / "old").mkdir(mode=0o755)
        assert run(["export", "--format", "csv", "--db", str(sample), "-o", str(tmp_path / "old")]) == 0
        rebuilt = build_sample(tmp_path / "rebuilt.sqlite")
    finally:
        os.umask(old)
    assert _mode(tmp_path / "out.json") == 0o666 & ~mask
    assert _mode(rebuilt) == 0o666 & ~mask
    assert _mode(tmp_path / "new") == 0o777 & ~mask
    for folder in ("new", "old"):
        for p in (tmp_path / folder).iterdir():
            assert _mode(p) == 0o666 & ~mask, p


def _tamper(db: Path, sql: str) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute(sql)
    conn.close()


@pytest.mark.parametrize("sql, words", [
    ('UPDATE citation SET "end" = 100000 WHERE item_id = \'person:to-lam\'', "outside"),
    ("UPDATE citation SET start = -5 WHERE item_id = 'person:to-lam'", "outside"),
    # a citation's text is derived from its source's (schema 3): a shortened source leaves spans outside it
    ("UPDATE source SET text = substr(text, 1, 40) WHERE id = 'a'", "outside"),
    ("UPDATE citation SET source_id = 'zzz' WHERE item_id = 'person:xi-jinping'", "does not have"),
])
@pytest.mark.parametrize("fmt", ["json", "json-stdout", "csv"])
def test_export_refuses_citations_that_do_not_match_their_source(
        sample: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], sql: str, words: str, fmt: str) -> None:
    _tamper(sample, sql)
    target = tmp_path / ("out" if fmt == "csv" else "out.json")
    args = ["export", "--db", str(sample)]
    if fmt == "csv":
        args += ["--format", "csv", "-o", str(target)]
    elif fmt == "json":
        args += ["-o", str(target)]
    assert run(args) == 2
    line = _one_line_error(capsys, "not exported", words, "nothing was written")
    assert "citation" in line
    assert not target.exists()
    assert capsys.readouterr().out == ""


# -- 5. which library, and what is wrong with it --------------------------------------------


@pytest.mark.parametrize("command", [["export"], ["search", "Xi"], ["sources"]])
def test_db_naming_a_missing_file_or_a_folder_is_an_error_not_the_bundled_store(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], command: list[str]) -> None:
    assert run([*command, "--db", str(tmp_path / "missing.sqlite")]) == 2
    _one_line_error(capsys, "no Bilateral library", "missing.sqlite")
    assert run([*command, "--db", str(tmp_path)]) == 2
    _one_line_error(capsys, "it is a folder")
    assert capsys.readouterr().out == ""


@pytest.mark.parametrize("command", [["export"], ["search", "Xi"], ["sources"]])
def test_bilateral_db_naming_a_missing_file_or_a_folder_is_an_error(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        command: list[str]) -> None:
    monkeypatch.setenv("BILATERAL_DB", str(tmp_path / "missing.sqlite"))
    assert run(command) == 2
    _one_line_error(capsys, "missing.sqlite", "BILATERAL_DB")
    monkeypatch.setenv("BILATERAL_DB", str(tmp_path))
    assert run(command) == 2
    _one_line_error(capsys, "BILATERAL_DB names a folder")
    assert capsys.readouterr().out == ""


@pytest.fixture
def held(sample: Path) -> Iterator[Path]:
    """The sample library with a second connection holding an exclusive lock (rollback journal)."""
    conn = sqlite3.connect(sample, isolation_level=None)
    conn.execute("BEGIN EXCLUSIVE")
    yield sample
    conn.execute("ROLLBACK")
    conn.close()


@pytest.mark.parametrize("command", [["export"], ["search", "Xi"], ["sources"], ["remove", "a"]])
def test_a_locked_library_is_said_to_be_locked(held: Path, capsys: pytest.CaptureFixture[str],
                                               command: list[str]) -> None:
    assert run([*command, "--db", str(held)]) == 2
    line = _one_line_error(capsys, "is locked by another program — close it and retry")
    assert "not a Bilateral library" not in line


def test_the_store_names_locked_and_read_only_errors(sample: Path, held: Path) -> None:
    from bilateral.store.database import open_readonly
    from bilateral.store.errors import StoreError, describe

    with pytest.raises(StoreError, match="is locked by another program"):
        open_readonly(held)
    conn = sqlite3.connect(f"{sample.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(sqlite3.OperationalError) as raised:
        conn.execute("SELECT * FROM item").fetchall()  # the other connection's lock
    assert describe(raised.value, sample) == f"{sample} is locked by another program — close it and retry"
    conn.close()


def test_a_read_only_library_is_said_to_be_read_only(tmp_path: Path) -> None:
    from bilateral.store.database import transaction
    from bilateral.store.errors import StoreError

    db = build_sample(tmp_path / "ro.sqlite")
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    with pytest.raises(StoreError, match="the library is read-only"), transaction(conn):
        conn.execute("DELETE FROM item")
    conn.close()


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_a_read_only_library_file_can_still_be_read(sample: Path, tmp_path: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    sample.chmod(0o444)
    try:
        assert run(["sources", "--db", str(sample)]) == 0
        assert run(["export", "--db", str(sample)]) == 0
    finally:
        sample.chmod(0o644)
