"""Search: FTS5 syntax, diacritics both ways, plain-words fallback, filters, counts, time limit."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bilateral.core.paths import bundled_store
from bilateral.store.folding import fold
from bilateral.store.library import Library, SearchResult
from bilateral.store.search import quote_fts, strip_marks
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
    # the two percent figures, and the trade figure cited in the paragraph that says "up 19 percent"
    assert everything.counts["statistic"] == 3 and everything.counts["passage"] == 2
    assert [h.item_id for h in only.hits][-1] == "statistic:trade"  # found by its paragraph: after them


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


# -- ranking, snippets and counts on the bundled store -------------------------------------

MARK = re.compile("\x02(.*?)\x03")


@pytest.fixture(scope="module")
def bundled() -> Iterator[Library]:
    if not bundled_store().is_file():
        pytest.fail("no bundled store: run `bilateral build` first")
    library = Library.open()
    yield library
    library.close()


def _person_named(library: Library, name: str) -> str:
    """The id of the person item whose name or alias is ``name`` (looked up, not hard-coded)."""
    found = [p.id for p in library.items("person")
             if fold(name) in {fold(p.fields.get("name") or ""), *(fold(a) for a in p.fields.get("aliases") or [])}]
    assert len(found) == 1, f"{name!r} names {found}"
    return found[0]


@pytest.mark.parametrize("query", ["Xi Jinping", "To Lam", "Tô Lâm", "to lam", "xi jinping", '"Xi Jinping"'])
def test_a_name_query_finds_its_person_first(bundled: Library, query: str) -> None:
    person = _person_named(bundled, query.strip('"'))
    r = bundled.search(query)
    assert r.hits[0].kind == "person" and r.hits[0].item_id == person
    passages = [n for n, h in enumerate(r.hits) if h.kind == "passage"]
    assert passages and min(passages) > 0


def test_every_person_is_found_first_by_name(bundled: Library) -> None:
    for person in bundled.items("person"):
        top = bundled.search(person.fields["name"]).hits[0]
        assert top.item_id == person.id, (person.fields["name"], top.label)


def _quotes_with_phrases(library: Library) -> list[tuple[str, str]]:
    """(quote id, a phrase of its own words) for every direct or partial quote of five words or more."""
    out = []
    for quote in library.items("quote"):
        words = re.findall(r"\w+", quote.fields["text"])
        if quote.fields["quote_kind"] in ("direct", "partial") and len(words) >= 5:
            out.append((quote.id, " ".join(words[:5])))
    return out


def test_a_quoted_phrase_from_a_quote_finds_the_quote_first(bundled: Library) -> None:
    cases = _quotes_with_phrases(bundled)
    assert len(cases) >= 5
    for quote_id, phrase in cases:
        r = bundled.search(f'"{phrase}"')
        # Only an item that is *named* exactly so ("Community with a shared future") may come first.
        hits = [h for h in r.hits if not (h.item_id and fold(bundled.item(h.item_id).fields.get("name") or "")
                                          == fold(phrase))]
        top = hits[0]
        assert top.kind == "quote", (phrase, top.kind, top.label)
        assert quote_id in [h.item_id for h in hits if h.kind == "quote"]
        # The paragraph it comes from and people merely mentioned near it come after every quote with it.
        last_quote = max(n for n, h in enumerate(hits) if h.kind == "quote")
        assert all(n > last_quote for n, h in enumerate(hits) if h.kind in ("passage", "person")), phrase


def test_shared_future_opens_what_is_ranked_first(bundled: Library) -> None:
    r = bundled.search('"shared future"')
    top = r.hits[0]
    assert top.kind == "quote" and "shared future" in bundled.item(top.item_id).fields["text"].lower()  # type: ignore[arg-type]
    people = [h for h in r.hits if h.kind == "person"]
    assert all(h.rank > max(x.rank for x in r.hits if x.kind == "passage") for h in people)


def test_ranks_are_one_scale_across_kinds_and_passages(bundled: Library) -> None:
    for query in ("Xi Jinping", '"shared future"', "durian", "billion", "Vietnam trade", "viet*"):
        ranks = [h.rank for h in bundled.search(query).hits]
        assert ranks == sorted(ranks), query


@pytest.mark.parametrize(("query", "meant"), [
    ("To Lam", {"to lam"}),
    ("Tô Lâm", {"to lam"}),
    ("Xi Jinping", {"xi jinping"}),
    ('"shared future"', {"shared future"}),
])
def test_snippets_mark_only_what_the_query_meant(bundled: Library, query: str, meant: set[str]) -> None:
    r = bundled.search(query)
    marked = [fold(m) for h in r.hits for text in (h.snippet, h.label_marked) for m in MARK.findall(text)]
    assert marked, "nothing marked"
    assert set(marked) <= meant  # never a lone "to"


def test_prefix_marks_words_starting_with_it(bundled: Library) -> None:
    marked = [fold(m) for h in bundled.search("viet*").hits for m in MARK.findall(h.snippet)]
    assert marked and all(m.startswith("viet") for m in marked)


def test_scattered_words_are_marked_one_by_one_and_rank_after_the_phrase(lib: Library) -> None:
    # Sample store: "Xi Jinping said cooperation" has Xi Jinping together; "Jinping ... Xi" nowhere.
    r = lib.search("Xi cooperation")
    assert r.hits and all(set(fold(m) for m in MARK.findall(h.snippet)) <= {"xi", "cooperation"} for h in r.hits)


def _plain(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("query", ["CNY", "billion", "durian", "Xi Jinping", "To Lam", '"shared future"', "2024"])
def test_item_snippets_are_the_cited_sentence_never_a_field_dump(bundled: Library, query: str) -> None:
    for hit in bundled.search(query).hits:
        snippet = _plain(strip_marks(hit.snippet))
        assert " · " not in snippet, snippet
        for part in snippet.split("…"):
            assert part.strip() in _plain(hit.citation.text), (hit.label, part)


def test_counts_agree_with_hits_or_say_the_limit_cut_them(bundled: Library) -> None:
    full = bundled.search("Vietnam", limit=10_000)
    assert full.total == sum(full.counts.values()) == len(full.hits)
    cut = bundled.search("Vietnam", limit=7)
    assert len(cut.hits) == 7 and cut.total == full.total and cut.counts == full.counts
    assert [h.item_id for h in cut.hits] == [h.item_id for h in full.hits[:7]]
    quotes = bundled.search("Vietnam", kinds=["quote"], limit=10_000)
    assert quotes.total == full.counts["quote"] == len(quotes.hits)


@pytest.mark.parametrize("query", ["\x00", "Xi\x00Jinping", "Xi \ud800Jinping", "\udfff", "\x00\x00 AND", "\x1b[2J"])
def test_nul_and_lone_surrogates_are_stripped_not_raised(lib: Library, query: str) -> None:
    r = lib.search(query)
    assert isinstance(r.hits, list) and r.query == query
    if "Jinping" in query:
        assert "person:xi-jinping" in ids(r)


def test_quote_fts_keeps_a_prefix() -> None:
    assert quote_fts('viet* "(') == '"viet"*'


def test_a_hidden_sources_paragraphs_and_only_its_items_are_not_found(tmp_path: Path) -> None:
    from bilateral.store.writer import LibraryWriter

    path = build_sample(tmp_path / "h.sqlite")
    with LibraryWriter(path) as writer:
        writer.set_hidden("b", True)
    with Library.open(path) as library:
        railway = library.search("railway")  # said only in source b
        assert railway.hits == [] and railway.total == 0
        xi = library.search("Xi Jinping")  # cited in a and b: still found, and opened in a
        assert "person:xi-jinping" in ids(xi) and {h.source for h in xi.hits} == {"a"}
    with LibraryWriter(path) as writer:
        writer.set_hidden("b", False)
        writer.set_hidden("a", True)
    with Library.open(path) as library:
        xi = next(h for h in library.search("Xi Jinping").hits if h.item_id == "person:xi-jinping")
        assert xi.citation.source == "b"  # its first citation is in hidden a: the one in b is opened
