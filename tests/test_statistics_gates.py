"""The shortcuts statistics takes before a dear scan find what the scan alone finds, for any text: a
lookahead of first letters (prefilter.first_letters) and the test of a currency's last character."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from bilateral.ingest.numbers import _NUMBER_TOKEN, _NUMBER_WORDS
from bilateral.ingest.prefilter import first_letters
from bilateral.ingest.statistics import _DIGITS, _currency_before, vocabulary

VOCAB = vocabulary()


def _without_lookahead(pattern: re.Pattern[str], words: list[str] | tuple[str, ...]) -> re.Pattern[str]:
    lookahead = first_letters(words)
    assert lookahead in pattern.pattern
    return re.compile(pattern.pattern.replace(lookahead, "", 1), pattern.flags)


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[tuple[int, int], dict[str, str | None]]]:
    return [(m.span(), m.groupdict()) for m in pattern.finditer(text)]


_NAMES = sorted({w for pair in VOCAB.countries for w in pair})
_COUNTRY_TEXT = st.lists(st.sampled_from([*_NAMES, "’s", "'s", "$", " ", "n", "ian", "-", "Mr ", "\n", "é"]),
                         max_size=12).map("".join)


@given(_COUNTRY_TEXT)
def test_the_country_pattern_finds_what_it_finds_without_its_lookahead(text: str) -> None:
    plain = _without_lookahead(VOCAB.country_mention, _NAMES)
    assert _spans(VOCAB.country_mention, text) == _spans(plain, text)


_PHRASES = sorted(VOCAB.qualifier_of)


@given(st.lists(st.sampled_from([*_PHRASES, " ", "the ", "(", "—", "x", "\n"]), max_size=8).map("".join))
def test_the_qualifier_pattern_finds_what_it_finds_without_its_lookahead(text: str) -> None:
    plain = _without_lookahead(VOCAB.qualifiers, _PHRASES)
    assert _spans(VOCAB.qualifiers, text) == _spans(plain, text)


@given(st.lists(st.sampled_from([*_NUMBER_WORDS, " ", "-", "S", "x", "é", "İ", "ſ", "K"]), max_size=10)
       .map("".join))
def test_the_number_word_pattern_finds_what_it_finds_without_its_lookahead(text: str) -> None:
    plain = _without_lookahead(_NUMBER_TOKEN, tuple(_NUMBER_WORDS))
    assert _spans(_NUMBER_TOKEN, text) == _spans(plain, text)


@given(st.lists(st.sampled_from([*VOCAB.currencies, " ", "\u00a0", "\n", "a", "S", "$", "."]), max_size=6)
       .map("".join))
def test_a_currency_before_a_number_is_found_as_the_pattern_alone_finds_it(before: str) -> None:
    found = _currency_before(before, VOCAB)
    plain = VOCAB.currency_prefix.search(before)
    assert (found and found.span()) == (plain and plain.span())


@given(st.text(alphabet="0123456789.,- $A%", max_size=16))
def test_the_digit_pattern_finds_what_it_finds_without_its_lookahead(text: str) -> None:
    plain = re.compile(_DIGITS.pattern.removeprefix(r"(?=\d)"))
    assert plain.pattern != _DIGITS.pattern
    assert _spans(_DIGITS, text) == _spans(plain, text)
