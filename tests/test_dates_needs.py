"""The tests find_dates takes before each pattern (prefilter.Needs over the lower-cased text) are met
exactly where the regex searches they stand for, each with the pattern's own case rule, find something:
for any text of the letters, digits and case folds that matter."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bilateral.ingest.dates import _NEEDS
from bilateral.ingest.prefilter import ascii_lower

#: what each kind's test stood for, as a regex search
_PLAIN = {
    "part": re.compile(r"quarter|half|Q[1-4]|H[12]", re.I),
    "month": re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec"),
    "relyear": re.compile("year", re.I),
    "relmonth": re.compile("month|week", re.I),
    "weekday": re.compile("day"),
    "year": re.compile(r"(?:1[6-9]|20)\d\d"),
}
_PIECES = ["quarter", "QUARTER", "half", "HaLf", "Q", "q", "H", "h", "Q1", "q4", "H2", "h1", "1", "2", "3", "4", "5", "0", "9", "6",
           "year", "YEAR", "yeaR", "month", "Week", "day", "Day", "DAY", "Jan", "jan", "May", "Dec", "Ju", "n",
           "\u0130", "\u0131", "\u017f", "\u212a", "k", "s", "i", " ", "-", "é", "ye", "ar", "mon", "th"]


@pytest.mark.parametrize("kind", sorted(_PLAIN))
@given(text=st.lists(st.sampled_from(_PIECES), max_size=10).map("".join))
def test_each_test_is_met_exactly_where_its_regex_finds_something(kind: str, text: str) -> None:
    expected = _PLAIN[kind].search(text) is not None
    assert _NEEDS[kind].met(text, ascii_lower(text)) == expected
    assert _NEEDS[kind].met(text, None) == expected


def test_every_day_pattern_shares_the_month_test() -> None:
    assert {_NEEDS[k] for k in ("range", "mdy", "dmy", "my", "month")} == {_NEEDS["month"]}
