"""Export: the JSON contract of DESIGN.md (checked by the shared checker) and CSV tables."""

from __future__ import annotations

import csv
import importlib.util
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from bilateral.core import paths
from bilateral.ingest.pipeline import extract
from bilateral.ingest.sources import load_corpus
from bilateral.store import export
from bilateral.store.build import build
from bilateral.store.errors import StoreError
from bilateral.store.library import Library
from store_sample import build_sample, items

CHECKER = Path("/work/shared/tools/check_export.py")


def _checker() -> Callable[[dict[str, Any]], list[str]]:
    if not CHECKER.is_file():
        pytest.skip(f"contract checker {CHECKER} not present")
    spec = importlib.util.spec_from_file_location("check_export", CHECKER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.check


@pytest.fixture
def lib(tmp_path: Path) -> Iterator[Library]:
    library = Library.open(build_sample(tmp_path / "e.sqlite"))
    yield library
    library.close()


def test_sample_export_keeps_the_contract(lib: Library) -> None:
    doc = json.loads(export.to_json(lib))
    assert _checker()(doc) == []
    assert doc["format"] == "bilateral-export/1"
    assert [s["id"] for s in doc["sources"]] == ["a", "b"]
    assert doc["sources"][0]["published_basis"] == "inferred"
    assert doc["sources"][1]["title"] is None


def test_kind_fields_are_flattened_into_the_item(lib: Library) -> None:
    doc = json.loads(export.to_json(lib))
    by_id = {i["id"]: i for i in doc["items"]}
    assert len(by_id) == len(items())
    trade = by_id["statistic:trade"]
    assert (trade["value"], trade["scale"], trade["unit"], trade["normalized"]) == (260, "billion", "USD", 260e9)
    assert by_id["quote:future"]["speaker"] == "person:to-lam"
    assert by_id["person:xi-jinping"]["citations"][1]["source"] == "b"
    assert "rule" in trade and "confidence" in trade and "fields" not in trade


def test_checker_catches_a_tampered_citation(lib: Library) -> None:
    doc = json.loads(export.to_json(lib))
    doc["items"][0]["citations"][0]["text"] = "tampered"
    assert _checker()(doc)  # the check is live, so the passing tests above mean something


def test_real_corpus_export_keeps_the_contract(tmp_path: Path) -> None:
    """Holds whatever the extractors currently return."""
    srcs = load_corpus(paths.sources_dir())
    passages, its = extract(srcs)
    store = build(srcs, passages, its, tmp_path / "real.sqlite").path
    with Library.open(store) as library:
        doc = json.loads(export.to_json(library))
    assert _checker()(doc) == []
    assert [s["text"] for s in doc["sources"]] == [s.text for s in srcs]


def test_json_written_to_file_is_utf8(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "out.json"
    export.write_json(lib, out)
    raw = out.read_bytes()
    assert "Tô Lâm".encode() in raw
    assert json.loads(raw.decode("utf-8"))["format"] == "bilateral-export/1"


def test_json_to_a_missing_folder_fails_cleanly(lib: Library, tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        export.write_json(lib, tmp_path / "missing" / "out.json")
    assert list(tmp_path.iterdir()) == [tmp_path / "e.sqlite"]


def test_csv_export_writes_one_table_per_kind(lib: Library, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    export.write_csv(lib, out)
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted([*export.CSV_FILES.values(), "sources.csv", "citations.csv"])

    def read(name: str) -> list[dict[str, str]]:
        with (out / name).open(encoding="utf-8", newline="") as handle:
            return list(csv.DictReader(handle))

    people = read("people.csv")
    assert [p["name"] for p in people] == ["Tô Lâm", "Xi Jinping"]
    assert people[0]["roles"] == "General Secretary"
    stats = read("statistics.csv")
    assert {s["id"]: float(s["normalized"]) for s in stats}["statistic:trade"] == 260e9
    assert len(read("citations.csv")) == sum(len(i.citations) for i in items())
    sources = read("sources.csv")
    assert sources[0]["text"] == lib.source("a").text  # multi-line text survives quoting


def test_csv_into_a_file_path_fails_and_changes_nothing(lib: Library, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("keep me")
    with pytest.raises(StoreError, match="not a folder"):
        export.write_csv(lib, target)
    assert target.read_text() == "keep me"
