"""The shortcuts agreements takes before a dear scan find what the scan alone finds, for any text: the
patterns written one branch per first character (prefilter.by_first_character) and the cheap tests
that rule a sentence out before a finder reads it."""

from __future__ import annotations

import dataclasses
import re
from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from bilateral.ingest import agreements
from bilateral.ingest.prefilter import by_first_character

VOCAB = agreements.vocabulary()


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [m.span() for m in pattern.finditer(text)]


def _plain(words: list[str], not_after: str, tail: str) -> re.Pattern[str]:
    return re.compile(f"(?<!{not_after})(?:" + "|".join(re.escape(w) for w in words) + ")" + tail)


_WORDS = st.lists(st.text(alphabet="abAB-’ .", min_size=1, max_size=4), min_size=1, max_size=8)


@given(_WORDS, st.text(alphabet="abAB-’ .x", max_size=30))
def test_one_branch_per_first_character_finds_what_the_plain_alternation_finds(words: list[str], text: str) -> None:
    grouped = re.compile(by_first_character(words, not_after=r"[\w-]") + r"(?![\w])")
    assert _spans(grouped, text) == _spans(_plain(words, r"[\w-]", r"(?![\w])"), text)
    assert _spans(re.compile(by_first_character(words)), text) == _spans(re.compile("|".join(map(re.escape, words))),
                                                                       text)


_SPELLINGS = sorted(VOCAB.country_of, key=len, reverse=True)


@given(st.lists(st.sampled_from([*_SPELLINGS[:40], *_SPELLINGS[-40:], "Niger", "Nigeria", "-", " ", "n", "'s",
                                 "é", "\n"]), max_size=10).map("".join))
def test_the_country_pattern_finds_what_the_plain_alternation_finds(text: str) -> None:
    plain = re.compile(r"(?<![\w-])(?=[A-Z])(?:" + "|".join(re.escape(s) for s in _SPELLINGS) + r")(?![\w])")
    assert _spans(VOCAB.country_pattern, text) == _spans(plain, text)


@given(st.lists(st.sampled_from([*VOCAB.known, "(", ")", "-", " ", "x", "KORUS", "EU"]), max_size=8).map("".join))
def test_the_known_acronym_pattern_finds_what_the_plain_alternation_finds(text: str) -> None:
    plain = _plain(sorted(VOCAB.known, key=len, reverse=True), r"[\w(-]", r"(?![\w)-])")
    assert _spans(VOCAB.known_pattern, text) == _spans(plain, text)


def _found(finder, text: str) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    return [dataclasses.astuple(c) for c in finder(text)]


def _ungated(finder, text: str) -> list[tuple[object, ...]]:  # type: ignore[no-untyped-def]
    """What ``finder`` finds with every cheap test passing."""
    anywhere = re.compile("")
    with mock.patch.object(agreements, "_COMMON_HEAD", anywhere), mock.patch.object(agreements, "_ABOUT_HEAD", anywhere), \
            mock.patch.object(agreements, "_may_have_run_word", mock.MagicMock(return_value=True)):
        return _found(finder, text)


_PIECES = ["Agreement", "AGREEMENT", "agreement", "Accord", "according", "Year", "YEAR", "Plan", "plan", "plans",
           "Joint", "Commission", "Communiqué", "communique", "Framework", "FRAMEWORK", "Fra\u212aework",
           "Memorandum", "memorandum of understanding", "on", "of", "the", "a", "new", "signed", "trade", "Trade",
           "Kenya-Ethiopia", "Green", "Corridor", "deal", "deal-", "pact", "MoU", "accord", "treaty", "İ", "ſ",
           " ", " ", " ", ",", ".", "-", "(PCTA)", "water", "2019", "in",
           # whole phrases the finders take, so that a test ruling out too much is seen
           " the Kenya-Ethiopia Year of Youth Exchanges ", " the Green Corridor Trade Agreement ",
           " an agreement on water sharing ", " signed a new trade deal ", " signed a new trade deal.", " a new visa waiver arrangement, ", " they inked a fisheries pact on Monday", " the Joint Trade Commission ",
           " signed an accord\ton fisheries ", " a joint communiqué ", " the Beijing Joint Communiqué ", " the Year Of Culture ", " the 1944 Water Treaty"]


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map("".join))
def test_a_sentence_a_cheap_test_rules_out_has_nothing_the_finder_finds(text: str) -> None:
    for finder in (lambda t: agreements._proper_candidates(t, vocab=VOCAB),
                   lambda t: agreements._common_candidates(t, vocab=VOCAB),
                   lambda t: agreements._about_candidates(t, VOCAB)):
        assert _found(finder, text) == _ungated(finder, text)


@given(st.lists(st.sampled_from(_PIECES), max_size=14).map(" ".join))
def test_a_sentence_of_words_a_cheap_test_rules_out_has_nothing_find_candidates_finds(text: str) -> None:
    assert _found(lambda t: agreements.find_candidates(t, vocab=VOCAB), text) == \
        _ungated(lambda t: agreements.find_candidates(t, vocab=VOCAB), text)
