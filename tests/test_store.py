"""The store: schema, verified and deterministic builds, the read API the GUI uses."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
import sqlite_utils

from bilateral.core import paths
from bilateral.core.model import KINDS, Citation, Item
from bilateral.ingest.pipeline import extract
from bilateral.ingest.sources import load_corpus
from bilateral.ingest.text import Document
from bilateral.store import schema
from bilateral.store.build import build, canonical_dump
from bilateral.store.errors import BuildError, StoreError
from bilateral.store.library import Library
from store_sample import build_sample, cite, items, sources


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return build_sample(tmp_path / "sample.sqlite")


@pytest.fixture
def lib(sample: Path) -> Iterator[Library]:
    library = Library.open(sample)
    yield library
    library.close()


def _build(path: Path, its: list[Item]) -> None:
    srcs = sources()
    build(srcs, [p for s in srcs for p in Document(s).passages], its, path)


# -- schema ------------------------------------------------------------------

def test_fts_is_recognised_by_sqlite_utils_and_folds_diacritics(sample: Path) -> None:
    db = sqlite_utils.Database(sample)
    # passage is a view (its text derived from the source's), the content of passage_fts; sqlite-utils
    # finds the index by that name and searches it through its Table class (db["passage"] is a View)
    passage = sqlite_utils.db.Table(db, "passage")
    assert passage.detect_fts() == "passage_fts"
    assert db["item"].detect_fts() == "item_fts"
    assert "remove_diacritics 2" in db["passage_fts"].schema
    hits = list(passage.search("To Lam", columns=["text"]))
    assert any("Tô Lâm" in h["text"] for h in hits)


def test_schema_version_and_foreign_keys(sample: Path, lib: Library) -> None:
    conn = sqlite3.connect(sample)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    targets = {fk.other_table for fk in sqlite_utils.Database(conn)["citation"].foreign_keys}
    assert targets == {"item", "source"}
    assert lib.connection.execute("PRAGMA foreign_keys").fetchone()[0] == 1


def test_stored_citations_equal_their_source_text(lib: Library) -> None:
    """A citation stores offsets only; its text, derived in SQL, is the source's text at them."""
    texts = {s.id: s.text for s in lib.sources()}
    assert "text" not in {r[1] for r in lib.connection.execute("PRAGMA table_info(citation)")}
    rows = lib.connection.execute(
        f'SELECT c.source_id, c.start, c."end", {schema.citation_text()} FROM citation AS c '
        "JOIN source AS src ON src.id = c.source_id").fetchall()
    assert len(rows) == sum(len(i.citations) for i in items())
    for src, start, end, text in rows:
        assert 0 <= start < end <= len(texts[src])
        assert texts[src][start:end] == text
    by_library = [c for i in items() for c in lib.item(i.id).citations]
    assert by_library == [c for i in items() for c in i.citations]


@pytest.mark.parametrize("text", ["a😀b 𝔘nicode 習 “x” é\r\n ok", "𝔘" * 50 + " tail"])
def test_derived_citation_text_counts_characters_as_python_does(text: str) -> None:
    conn = sqlite3.connect(":memory:")
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1, 3):
            got = conn.execute("SELECT substr(?, ? + 1, ? - ?)", (text, start, end, start)).fetchone()[0]
            assert got == text[start:end]


def test_sources_keep_text_verbatim_and_metadata_basis(lib: Library) -> None:
    a = lib.source("a")
    assert a == sources()[0]
    assert a.published_basis == "inferred"
    assert lib.source("b").title is None  # unknown stays unknown


# -- build refuses bad data, is deterministic and atomic ---------------------

def test_build_refuses_a_citation_whose_text_differs(tmp_path: Path) -> None:
    bad = items()
    c = bad[0].citations[0]
    bad[0].citations[0] = replace(c, text="To Lam")  # wrong text at right offsets
    with pytest.raises(BuildError, match="citation text"):
        _build(tmp_path / "x.sqlite", bad)
    assert not (tmp_path / "x.sqlite").exists()
    assert list(tmp_path.iterdir()) == []  # no temp file left behind


@pytest.mark.parametrize("start,end", [(-1, 3), (5, 5), (10, 10_000)])
def test_build_refuses_a_citation_outside_the_source(tmp_path: Path, start: int, end: int) -> None:
    bad = items()
    bad[1].citations.append(Citation("a", start, end, "x"))
    with pytest.raises(BuildError, match="outside"):
        _build(tmp_path / "x.sqlite", bad)


def test_build_refuses_dangling_speaker_and_unknown_source(tmp_path: Path) -> None:
    bad = items()
    bad[6].fields["speaker"] = "person:nobody"
    bad[0].citations.append(Citation("zzz", 0, 1, "x"))
    with pytest.raises(BuildError) as info:
        _build(tmp_path / "x.sqlite", bad)
    assert "person:nobody" in str(info.value) and "unknown source 'zzz'" in str(info.value)


def test_failed_build_keeps_the_previous_store(sample: Path) -> None:
    before = sample.read_bytes()
    bad = items()
    bad[0].citations[0] = replace(bad[0].citations[0], end=bad[0].citations[0].end + 1)
    with pytest.raises(BuildError):
        _build(sample, bad)
    assert sample.read_bytes() == before


def test_build_is_deterministic(tmp_path: Path) -> None:
    first = build_sample(tmp_path / "one.sqlite")
    second = build_sample(tmp_path / "two.sqlite")
    assert canonical_dump(first) == canonical_dump(second)
    changed = items()
    changed[0].label = "To Lam"
    _build(tmp_path / "three.sqlite", changed)
    assert canonical_dump(tmp_path / "three.sqlite") != canonical_dump(first)


def test_build_into_missing_folder_is_a_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="does not exist"):
        build_sample(tmp_path / "nope" / "x.sqlite")


# -- opening -----------------------------------------------------------------

def test_open_refuses_missing_foreign_and_wrong_version_files(tmp_path: Path, sample: Path) -> None:
    with pytest.raises(StoreError, match="no Bilateral library"):
        Library.open(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    with pytest.raises(StoreError, match="not a Bilateral library"):
        Library.open(junk)
    other = tmp_path / "other.sqlite"
    sqlite_utils.Database(other)["t"].insert({"a": 1})
    with pytest.raises(StoreError, match="not a Bilateral library"):
        Library.open(other)
    conn = sqlite3.connect(sample)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    with pytest.raises(StoreError, match="newer Bilateral \\(library version 99"):
        Library.open(sample)


def test_corruption_found_mid_query_is_a_store_error(sample: Path) -> None:
    conn = sqlite3.connect(sample)
    page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    root = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'item'").fetchone()[0]
    conn.close()
    with sample.open("r+b") as handle:  # opening still works: only the item table is damaged
        handle.seek((root - 1) * page_size)
        handle.write(b"\xff" * page_size)
    with Library.open(sample) as library, pytest.raises(StoreError, match="cannot be read"):
        library.item("quote:future")  # reads the damaged table (counts() may use an index)


def test_library_cannot_write(lib: Library) -> None:
    with pytest.raises(sqlite3.OperationalError, match="readonly"):
        lib.connection.execute("DELETE FROM item")


# -- read API ----------------------------------------------------------------

def test_counts_match_what_was_built(lib: Library) -> None:
    expected = {k: sum(1 for i in items() if i.kind == k) for k in KINDS}
    assert lib.counts() == {**expected, "source": 2}


def test_statistics_sort_numerically_by_normalized_value(lib: Library) -> None:
    # as text "19" < "2.6e11" < "3.5"; numerically 3.5 < 19 < 260e9
    assert lib.item_ids("statistic", sort="value") == ["statistic:tourists", "statistic:growth", "statistic:trade"]
    assert lib.item_ids("statistic", sort="normalized", descending=True) == [
        "statistic:trade", "statistic:growth", "statistic:tourists"]


def test_item_ids_sort_by_label_source_confidence_and_field(lib: Library) -> None:
    assert lib.item_ids("person") == ["person:to-lam", "person:xi-jinping"]  # "Tô" folds to "to"
    assert lib.item_ids("statistic", sort="source") == ["statistic:trade", "statistic:growth", "statistic:tourists"]
    assert lib.item_ids("quote", sort="confidence", descending=True) == ["quote:future", "quote:deepen"]
    assert lib.item_ids("person", sort="country") == ["person:xi-jinping", "person:to-lam"]
    assert lib.item_ids("event", sort="date") == ["event:meeting"]
    with pytest.raises(ValueError):
        lib.item_ids("person", sort="1; DROP TABLE item")


def test_item_ids_text_filter_ignores_case_and_diacritics(lib: Library) -> None:
    assert lib.item_ids("person", text="TO LAM") == ["person:to-lam"]
    assert lib.item_ids("agreement", text="lao cai") == ["agreement:railway"]
    assert lib.item_ids("statistic", text="percent", source="b") == ["statistic:tourists"]
    assert lib.item_ids("person", source="b") == ["person:xi-jinping"]


def test_rows_keep_the_requested_order_with_first_citation(lib: Library) -> None:
    rows = lib.rows(["quote:future", "person:xi-jinping", "absent", "statistic:trade"])
    assert [r.id for r in rows] == ["quote:future", "person:xi-jinping", "statistic:trade"]
    assert rows[1].source == "a" and rows[1].citation == cite(sources()[0], "Xi Jinping")
    assert rows[2].sort_value == 260e9
    assert rows[0].fields["speaker"] == "person:to-lam"


def test_item_round_trips_with_all_citations(lib: Library) -> None:
    original = {i.id: i for i in items()}
    for item_id, item in original.items():
        assert lib.item(item_id) == item
    with pytest.raises(KeyError):
        lib.item("person:nobody")


def test_passages_and_source_citations(lib: Library) -> None:
    passages = lib.passages("a")
    assert [p.index for p in passages] == list(range(len(passages)))
    assert passages[-1].role == "boilerplate"
    spans = lib.source_citations("a")
    assert [s.citation.start for s in spans] == sorted(s.citation.start for s in spans)
    assert {s.item_id for s in spans} >= {"person:to-lam", "event:meeting", "quote:future"}


def test_person_page_collects_quotes_events_and_sources(lib: Library) -> None:
    page = lib.person_page("person:xi-jinping")
    assert page.person.label == "Xi Jinping"
    assert [q.id for q in page.quotes] == ["quote:deepen"]
    assert [e.id for e in page.events] == ["event:meeting"]
    assert [s.id for s in page.sources] == ["a", "b"]
    with pytest.raises(KeyError):
        lib.person_page("quote:future")


def test_source_infos_give_metadata_without_reading_any_text(lib: Library) -> None:
    full = lib.sources()
    infos = lib.source_infos()
    assert [s.id for s in infos] == [s.id for s in full]  # same corpus order
    for info, source in zip(infos, full, strict=True):
        assert info.text == "" and source.text
        assert (info.title, info.publisher, info.published, info.basis, info.evidence) == (
            source.title, source.publisher, source.published, source.basis, source.evidence)


def test_person_overview_is_the_person_page_without_source_texts(lib: Library) -> None:
    page = lib.person_page("person:xi-jinping")
    overview = lib.person_overview("person:xi-jinping")
    assert overview.person == page.person
    assert overview.quotes == page.quotes and overview.events == page.events
    assert [s.id for s in overview.sources] == [s.id for s in page.sources]
    assert all(s.text == "" for s in overview.sources)
    assert [s.title for s in overview.sources] == [s.title for s in page.sources]
    with pytest.raises(KeyError):
        lib.person_overview("quote:future")


# -- the bundled store -------------------------------------------------------

def test_committed_store_is_current(tmp_path: Path) -> None:
    """Fails when data/bilateral.sqlite was not rebuilt after the corpus or extractors changed."""
    committed = paths.bundled_store()
    assert committed.is_file(), "data/bilateral.sqlite is missing: run `bilateral build`"
    sources_ = load_corpus(paths.sources_dir())
    passages, its = extract(sources_)
    fresh = build(sources_, passages, its, tmp_path / "fresh.sqlite").path
    assert canonical_dump(fresh) == canonical_dump(committed), (
        "data/bilateral.sqlite is stale: run `bilateral build` and commit it")


def test_bundled_store_opens_immutable() -> None:
    if not paths.bundled_store().is_file():
        pytest.skip("no bundled store built yet")
    with Library.open() as lib:
        assert lib.counts()["source"] == len(list(paths.sources_dir().glob("*.txt")))
