"""Search: FTS5 syntax, diacritics both ways, plain-words fallback, filters, counts, time limit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.store.library import Library, SearchResult
from store_sample import build_sample


@pytest.fixture(scope="module")
def lib(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Library]:
    library = Library.open(build_sample(tmp_path_factory.mktemp("search") / "s.sqlite"))
    yield library
    library.close()


def ids(result: SearchResult) -> set[str | None]:
    return {h.item_id for h in result.hits}


def test_phrase_matches_only_the_exact_sequence(lib: Library) -> None:
    r = lib.search('"common future"')
    assert not r.plain_fallback
    assert "quote:future" in ids(r)
    assert lib.search('"future common"').hits == []


def test_prefix_query(lib: Library) -> None:
    r = lib.search("rail*")
    assert "agreement:railway" in ids(r)
    assert all("\x02" in h.snippet for h in r.hits)


def test_boolean_operators(lib: Library) -> None:
    assert ids(lib.search("trade AND 2024")) >= {"statistic:trade", "statistic:growth"}
    assert "statistic:tourists" not in ids(lib.search("trade AND 2024"))
    both = ids(lib.search("railway OR tourists"))
    assert {"agreement:railway", "statistic:tourists"} <= both
    not_xi = lib.search("said NOT Xi", kinds=["quote"])
    assert ids(not_xi) == {"quote:future"}
    assert "event:meeting" in ids(lib.search("NEAR(met Xi, 3)"))


def test_diacritics_are_ignored_both_ways(lib: Library) -> None:
    plain = lib.search("To Lam")
    marked = lib.search("Tô Lâm")
    assert "person:to-lam" in ids(plain)
    assert ids(plain) == ids(marked)
    assert lib.search("Ha Noi").counts["passage"] == 1
    # "đ" is its own letter (no combining mark); it is folded by the store
    assert lib.search("Da Nang").counts["passage"] == 1
    assert lib.search("Đà Nẵng").counts["passage"] == 1


@pytest.mark.parametrize("query", ["shared future, NEAR(", '"unbalanced', "AND OR", "label:x(", "China-Vietnam"])
def test_invalid_syntax_is_searched_as_plain_words(lib: Library, query: str) -> None:
    r = lib.search(query)
    assert r.plain_fallback
    assert r.fts.startswith('"')


def test_plain_fallback_still_finds_words(lib: Library) -> None:
    r = lib.search('common future "')
    assert r.plain_fallback and "quote:future" in ids(r)


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_query_returns_nothing(lib: Library, query: str) -> None:
    r = lib.search(query)
    assert r.hits == [] and set(r.counts.values()) == {0}


def test_hits_are_ranked_and_carry_a_citation_to_open(lib: Library) -> None:
    r = lib.search("Xi Jinping")
    assert [h.rank for h in r.hits] == sorted(h.rank for h in r.hits)
    for h in r.hits:
        text = lib.source(h.citation.source).text
        assert text[h.citation.start:h.citation.end] == h.citation.text
        assert h.source == h.citation.source
    passage = next(h for h in r.hits if h.kind == "passage")
    assert passage.item_id is None and "paragraph" in passage.label


def test_item_hit_opens_its_citation_in_the_filtered_source(lib: Library) -> None:
    anywhere = next(h for h in lib.search("Xi").hits if h.item_id == "person:xi-jinping")
    assert anywhere.citation.source == "a"  # first citation when none matches better
    in_b = next(h for h in lib.search("Xi", source="b").hits if h.item_id == "person:xi-jinping")
    assert in_b.citation.source == "b"


def test_kinds_filter_keeps_counts_for_every_kind(lib: Library) -> None:
    everything = lib.search("percent")
    only = lib.search("percent", kinds=["statistic"])
    assert {h.kind for h in only.hits} == {"statistic"}
    assert only.counts == everything.counts
    assert everything.counts["statistic"] == 2 and everything.counts["passage"] == 2


def test_source_filter_applies_to_hits_and_counts(lib: Library) -> None:
    r = lib.search("percent", source="b")
    assert {h.source for h in r.hits} == {"b"}
    assert r.counts["statistic"] == 1 and r.counts["passage"] == 1


def test_boilerplate_is_not_searched(lib: Library) -> None:
    assert lib.search("Advertisement").counts["passage"] == 0


def test_limit_caps_hits(lib: Library) -> None:
    assert len(lib.search("Xi OR percent OR trade", limit=2).hits) == 2


def test_time_limit_stops_a_search_without_raising(tmp_path: Path) -> None:
    with Library.open(build_sample(tmp_path / "t.sqlite")) as library:
        library.search_time_limit = -1.0  # already past the deadline at the first check
        r = library.search("Xi OR percent OR trade OR railway")
        assert r.timed_out and r.hits == []
