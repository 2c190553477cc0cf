"""The prefilter only skips a sentence its pattern could not match: the substring test of ascii_lower
gives the same answer as the pattern's own case-insensitive search, for any text."""

from __future__ import annotations

import re
import sys

from hypothesis import given
from hypothesis import strategies as st

from bilateral.ingest.prefilter import _ASCII_FOLDS, Needs, ascii_lower


def test_the_four_folds_are_every_character_beyond_ascii_that_re_i_matches_with_an_ascii_letter():
    letter = re.compile("[a-z]", re.I)
    found = {cp for cp in range(0x80, sys.maxunicode + 1) if letter.fullmatch(chr(cp))}
    assert found == set(_ASCII_FOLDS)


def test_no_other_character_lower_cases_to_something_with_ascii_in_it():
    assert not [cp for cp in range(0x80, sys.maxunicode + 1)
                if cp not in _ASCII_FOLDS and any(c.isascii() for c in chr(cp).lower())]


@given(st.text(alphabet=st.sampled_from("aiskKSIn tİıſ\u212aéÉ’“-–"), max_size=30),
       st.sampled_from(["is", "skin", "kit", "in ", "sik"]))
def test_a_word_is_met_exactly_where_the_case_insensitive_pattern_matches(text, word):
    needs = Needs((word,))
    assert needs.met(text, ascii_lower(text)) == (re.search(re.escape(word), text, re.I) is not None)
    assert needs.met(text, None) == (re.search(re.escape(word), text, re.I) is not None)


def test_turkish_dotted_capital_i_in_a_curly_quoted_sentence_meets_istanbul():
    text = "“We met in İSTANBUL,” she said."
    assert Needs(("istanbul",)).met(text, ascii_lower(text))


def _trigger_words() -> list[str]:
    from bilateral.ingest.events import _TRIGGER_NEEDS
    return sorted({w for n in _TRIGGER_NEEDS.values() for w in n.words})


@given(st.lists(st.one_of(st.sampled_from(_trigger_words()), st.text(alphabet="aeinorstAEIVS ’-", max_size=6)),
                max_size=8).map(" ".join))
def test_a_table_of_tests_meets_exactly_what_each_test_meets(text):
    # events ask one scan of the sentence for all their trigger words: it must agree with every test alone
    from bilateral.ingest.events import _TRIGGER_NEEDS
    from bilateral.ingest.prefilter import NeedsTable
    table = NeedsTable(_TRIGGER_NEEDS)
    lower = ascii_lower(text)
    assert table.met(text, lower) == {name for name, n in _TRIGGER_NEEDS.items() if n.met(text, lower)}


def test_a_word_inside_a_longer_word_of_the_table_is_met_by_it():
    from bilateral.ingest.prefilter import NeedsTable
    table = NeedsTable({"visit": Needs(("visit",)), "state": Needs(("state visit",)), "cap": Needs(("Summit",), any_case=False)})
    assert table.met("A state visit to the Summit", "a state visit to the summit") == {"visit", "state", "cap"}
    assert table.met("a summit", "a summit") == set()
