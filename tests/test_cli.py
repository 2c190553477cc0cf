"""The command line: build and export, and one clear line (exit 2) for bad input."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bilateral
from bilateral.__main__ import main
from bilateral.cli.main import COMMANDS, run
from bilateral.core.model import KINDS
from bilateral.store.library import Library
from store_sample import build_sample


def test_commands_are_dispatched() -> None:
    assert set(COMMANDS) == {"build", "export", "search", "import", "sources", "remove", "hide"}


def test_build_writes_a_library_and_reports_counts(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "built.sqlite"
    assert run(["build", "-o", str(out)]) == 0
    printed = capsys.readouterr().out
    for kind in KINDS:
        assert f"  {kind}" in printed
    assert "extraction" in printed and " ms" in printed
    with Library.open(out) as library:
        assert library.counts()["source"] == 5


def test_build_from_a_folder_of_texts(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "one.txt").write_text("Vietnam and China met.\n", encoding="utf-8")
    assert run(["build", "--data", str(corpus), "-o", str(tmp_path / "x.sqlite")]) == 0
    with Library.open(tmp_path / "x.sqlite") as library:
        assert [s.id for s in library.sources()] == ["one"]


def _one_line_error(capsys: pytest.CaptureFixture[str], *words: str) -> None:
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err, err
    for word in words:
        assert word in err


def test_build_with_missing_data_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["build", "--data", str(tmp_path / "nope"), "-o", str(tmp_path / "x.sqlite")]) == 2
    _one_line_error(capsys, "no data folder")
    assert not (tmp_path / "x.sqlite").exists()


def test_export_missing_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", "--db", str(tmp_path / "missing.sqlite")]) == 2
    _one_line_error(capsys, "no Bilateral library", "missing.sqlite")


def test_export_not_a_bilateral_db(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"\x00" * 100)
    assert run(["export", "--db", str(junk)]) == 2
    _one_line_error(capsys, "not a Bilateral library")


def test_export_to_unwritable_output_changes_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = build_sample(tmp_path / "s.sqlite")
    assert run(["export", "--db", str(db), "-o", str(tmp_path / "no" / "such" / "dir.json")]) == 2
    _one_line_error(capsys, "does not exist")
    locked = tmp_path / "locked"
    locked.mkdir()
    (locked / "out.json").write_text("old")
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who can write anywhere (root)")
        assert run(["export", "--db", str(db), "-o", str(locked / "out.json")]) == 2
        _one_line_error(capsys, "cannot write")
        assert (locked / "out.json").read_text() == "old"
    finally:
        locked.chmod(0o700)


def test_export_csv_needs_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = build_sample(tmp_path / "s.sqlite")
    assert run(["export", "--format", "csv", "--db", str(db)]) == 2
    _one_line_error(capsys, "-o FOLDER")
    assert run(["export", "--format", "csv", "--db", str(db), "-o", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "quotes.csv").is_file()


def test_export_reads_the_library_named_by_the_environment(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsysbinary: pytest.CaptureFixture[bytes]) -> None:
    db = build_sample(tmp_path / "env.sqlite")
    monkeypatch.setenv("BILATERAL_DB", str(db))
    assert main(["export"]) == 0
    doc = json.loads(capsysbinary.readouterr().out.decode("utf-8"))
    assert [s["id"] for s in doc["sources"]] == ["a", "b"]


def test_export_stdout_is_utf8_json_whatever_the_locale(tmp_path: Path) -> None:
    db = build_sample(tmp_path / "s.sqlite")
    src = os.path.dirname(os.path.dirname(bilateral.__file__))
    env = {**os.environ, "PYTHONPATH": src, "LC_ALL": "C", "LANG": "C", "PYTHONIOENCODING": "ascii"}
    out = subprocess.run([sys.executable, "-m", "bilateral", "export", "--db", str(db)],
                         capture_output=True, check=True, env=env)
    assert "Tô Lâm".encode() in out.stdout
    assert json.loads(out.stdout.decode("utf-8"))["format"] == "bilateral-export/1"


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["export", "--format", "xml"]) == 2
    assert "invalid choice" in capsys.readouterr().err
