"""The shortcuts people.py takes find what the plain patterns and scans find, for any text: the name
word and role reference patterns opening with their first character, the last word and the place cue
read back from the end, the aliases looked for only where a word starts, the fold of what is not ASCII."""

from __future__ import annotations

import re

from hypothesis import example, given, settings
from hypothesis import strategies as st

from bilateral.core.folding import fold_same_length
from bilateral.core.model import Source
from bilateral.ingest import people
from bilateral.ingest.text import Document

VOCAB = people._vocab()

_PLAIN_TOKEN = re.compile(r"(?<![\w'])(?:[A-Z][a-z]+(?:'(?!s\b)[a-z]{2,})?|[A-HJ-Z]'[a-z]{2,}|[OD]'[A-Z][a-z]+|"
                          r"Ma?c[A-Z][a-z]+)(?:-[A-Za-z][a-z]*|'[A-Z][a-z]+)*(?![\w])")
_NAMEISH = st.lists(st.sampled_from(["Mac", "Mc", "Leod", "O'", "D'", "G'", "I'", "ulomov", "Ma'ruf", "Wang", "'s",
                                     "s", "-", "al-", "The", "the", "Tt", "'", "’", " ", " ", "x", "1", "_", "É",
                                     "Kenyan", "Chinese", "ambassador", "President", "top ", "state ", "'s own",
                                     "in ", "at\n", "near", " across ", "\t"]), max_size=14).map("".join)


def _spans(pattern: re.Pattern[str], text: str, start: int = 0) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text, start)]


@given(_NAMEISH, st.integers(0, 5))
def test_the_name_word_pattern_finds_what_the_plain_pattern_finds(text: str, start: int) -> None:
    assert _spans(people._TOKEN, text, start) == _spans(_PLAIN_TOKEN, text, start)


@given(_NAMEISH, st.integers(0, 5))
def test_the_role_reference_pattern_finds_what_it_finds_with_its_lookbehind_first(text: str, start: int) -> None:
    pattern = VOCAB.role_ref_re
    plain = re.compile(pattern.pattern.replace(r"[Tt](?<![\w'][Tt])he", r"(?<![\w'])[Tt]he", 1), pattern.flags)
    assert plain.pattern != pattern.pattern
    assert _spans(pattern, text, start) == _spans(plain, text, start)


@given(_NAMEISH)
def test_the_last_word_is_what_the_search_finds(text: str) -> None:
    m = people._LAST_WORD.search(text)
    assert people._last_word(text) == (m.group(1) if m else "")


_PLAIN_CUE = re.compile(r"\b(?:in|at|near|outside|across|around|throughout)\s+")


@given(_NAMEISH)
def test_a_place_cue_read_back_ends_where_a_scan_of_the_text_ends_one(text: str) -> None:
    ends = {m.end() for m in _PLAIN_CUE.finditer(text)}
    assert {at for at in range(len(text) + 1) if people._after_place_cue(text, at)} == ends


@given(st.text(alphabet=st.sampled_from("aZ ’“”–éÉßİıǅ\u0301ễ習\U0001F600\n"), max_size=20))
def test_folding_what_is_not_ascii_folds_the_text(text: str) -> None:
    assert people.fold(text) == fold_same_length(text)


def _all_alias_places(folded: str) -> list[tuple[int, int, bool]]:
    """Every occurrence of every alias, by str.find (what _alias_places looked up before)."""
    hits = []
    for latin, aliases in ((True, VOCAB.latin_aliases), (False, VOCAB.other_aliases)):
        for alias in aliases:
            at = folded.find(alias)
            while at >= 0:
                hits.append((at, at + len(alias), latin))
                at = folded.find(alias, at + 1)
    return sorted(hits)


_ALIASES = sorted(VOCAB.latin_aliases)[:30] + sorted(VOCAB.other_aliases)[:10]


@given(st.lists(st.sampled_from([*_ALIASES, " ", "'", "x", "X", "-", "’s", ".", "\n\n"]), max_size=10).map("".join))
def test_the_aliases_found_at_word_starts_are_those_every_occurrence_gives(text: str) -> None:
    state = people._DocPeople(Document(Source(id="t", text=text or " ")))
    found = state._alias_places[1]
    every = _all_alias_places(state.folded)
    at_word_start = [h for h in every if not h[2] or h[0] == 0
                     or not (people._is_word_char(state.folded[h[0] - 1]) or state.folded[h[0] - 1] == "'")]
    assert found == at_word_start
    for sent in state.doc.sentences:
        state_all = people._DocPeople(Document(Source(id="t", text=text or " ")))
        state_all.__dict__["_alias_places"] = ([h[0] for h in every], every)
        assert state._alias_matches(sent.start, sent.end) == state_all._alias_matches(sent.start, sent.end)


_LETTERS = st.text(alphabet="aAbBmMkK\u212a ’-é", min_size=1, max_size=4)


@given(st.lists(_LETTERS, min_size=1, max_size=8), st.text(alphabet="aAbBmMkK\u212aİſ ’-éx", max_size=24),
       st.sampled_from([r"(?![\w])", r"\s", "x", ""]))
@example(["Mab", "ma", "M"], "max", "")  # "M" and "m" are one first character under re.I
@settings(max_examples=300)
def test_an_alternation_by_first_character_finds_what_the_plain_one_finds(words: list[str], text: str,
                                                                         tail: str) -> None:
    ordered = sorted(set(words), key=len, reverse=True)
    plain = "(?:" + "|".join(re.escape(w) for w in ordered) + ")" + tail
    for flags, any_case in ((0, False), (re.I, True)):
        grouped = "(?:" + people._alternation(words, any_case=any_case) + ")" + tail
        assert _spans(re.compile(grouped, flags), text) == _spans(re.compile(plain, flags), text)


@given(st.lists(st.sampled_from(["Wang", "Wa", "Ng", "ng", "Rose", ""]), max_size=4),
       st.lists(st.sampled_from(["Wang", "Rose", "rose", "'s", "'", " ", "x", "-", "Ng"]), max_size=10).map("".join),
       st.integers(0, 12), st.integers(0, 40))
def test_words_read_from_their_places_in_the_document_are_those_found_in_the_sentence(
        words: list[str], text: str, start: int, length: int) -> None:
    end = min(len(text), start + length)
    places = people._occurrences(text, words)
    for free_after in (people._no_word_after, people._no_word_or_contraction_after):
        assert people._whole_words_at(text, places, start, end, free_after) == \
            people._whole_words(text, words, start, end, free_after)
