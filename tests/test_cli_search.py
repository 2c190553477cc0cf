"""``bilateral search``: ranked hits with their citations, as text or JSON; bad input is one line, exit 2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bilateral.cli.main import run
from bilateral.store.library import Library
from store_sample import build_sample


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample(tmp_path_factory.mktemp("cli-search") / "s.sqlite")


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> list[dict[str, object]]:
    assert run(["search", *argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_lists_hits_in_rank_order_with_verbatim_citations(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    hits = _json(capsys, "Xi Jinping", "--db", str(db))
    with Library.open(db) as library:
        expected = library.search("Xi Jinping", limit=20)
        texts = {s.id: library.source(s.id).text for s in library.sources()}
    assert [(h["kind"], h["id"]) for h in hits] == [(h.kind, h.item_id) for h in expected.hits]
    assert hits[0] == {**hits[0], "kind": "person", "id": "person:xi-jinping"}
    for hit in hits:
        assert set(hit) == {"kind", "id", "label", "snippet", "citation"}
        assert "\x02" not in hit["snippet"] and "\x03" not in hit["snippet"]  # type: ignore[operator]
        c = hit["citation"]
        assert isinstance(c, dict) and texts[c["source"]][c["start"]:c["end"]] == c["text"]
        assert (hit["id"] is None) == (hit["kind"] == "passage")


def test_filters_and_limit(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    quotes = _json(capsys, "Xi", "--kind", "quote", "--db", str(db))
    assert quotes and {h["kind"] for h in quotes} == {"quote"}
    in_b = _json(capsys, "percent", "--source", "b", "--db", str(db))
    assert in_b and {h["citation"]["source"] for h in in_b} == {"b"}  # type: ignore[index]
    assert len(_json(capsys, "Xi", "OR", "percent", "--limit", "2", "--db", str(db))) == 2


def test_human_form_shows_rank_kind_label_snippet_and_citation(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["search", '"common future"', "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "\x02" not in out
    lines = out.splitlines()
    assert "for “\"common future\"”" in lines[0]
    assert lines[1].startswith("1. quote") and "We share a common future" in lines[1]
    assert "We share a common future" in lines[2]
    assert lines[3].strip().startswith("a, ") and "–" in lines[3]


def test_bilateral_db_environment_is_used(db: Path, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BILATERAL_DB", str(db))
    hits = _json(capsys, "railway")
    assert any(h["id"] == "agreement:railway" for h in hits)


@pytest.mark.parametrize(("argv", "words"), [
    (["search"], "needs a query"),
    (["search", "x", "--kind", "leader"], "unknown kind"),
    (["search", "x", "--limit", "0"], "--limit"),
    (["search", "x", "--limit", "ten"], "--limit"),
    (["search", "x", "--source", "nope"], "no source"),
    (["search", "x", "--db", "/no/such/library.sqlite"], "no Bilateral library"),
    (["search", "x", "--bogus"], "unrecognized arguments"),
])
def test_bad_input_is_one_line_and_exit_2(db: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                          words: str) -> None:
    if "--db" not in argv:
        argv = [*argv, "--db", str(db)]
    assert run(argv) == 2
    captured = capsys.readouterr()
    assert captured.err.count("\n") == 1 and "Traceback" not in captured.err, captured.err
    assert words in captured.err and captured.out == ""


@pytest.mark.parametrize("query", ["\x00", "Xi\x00 Jinping", "\ud800", "shared future, NEAR(", '"', "AND"])
def test_odd_queries_never_raise(db: Path, capsys: pytest.CaptureFixture[str], query: str) -> None:
    assert isinstance(_json(capsys, query, "--db", str(db)), list)


def test_human_form_with_a_lone_surrogate(db: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["search", "Xi\ud800", "--db", str(db)]) == 0
    assert "for “Xi”" in capsys.readouterr().out
