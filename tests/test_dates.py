"""Date mentions: explicit, partial, ranges and relative dates resolve without guessing."""

from __future__ import annotations

import pytest

from bilateral.ingest.dates import context_year, find_dates


def _dates(text: str, year: int | None = None, published: str | None = None) -> list[tuple[str, str | None]]:
    return [(d.date, d.end_date) for d in find_dates(text, year, published)]


@pytest.mark.parametrize(("text", "want"), [
    ("talks on March 3, 2024, in Tokyo", [("2024-03-03", None)]),
    ("signed on 3 May 2021", [("2021-05-03", None)]),
    ("visited Canberra in October 2022", [("2022-10", None)]),
    ("In 2015, she visited Seoul", [("2015", None)]),
    ("a summit held June 4-5, 2019", [("2019-06-04", "2019-06-05")]),
])
def test_explicit_dates_keep_their_precision(text: str, want: list[tuple[str, str | None]]) -> None:
    assert _dates(text) == want


def test_range_without_year_takes_the_context_year_and_keeps_its_end() -> None:
    assert _dates("a state visit from April 30 to May 2, invited by", year=2019) == [("2019-04-30", "2019-05-02")]


def test_day_without_any_knowable_year_is_left_out() -> None:
    assert _dates("a state visit from December 12 to 13") == []


def test_bare_month_after_a_preposition_takes_the_context_year() -> None:
    assert _dates("is expected to visit Ottawa in September", year=2026) == [("2026-09", None)]


@pytest.mark.parametrize("text", ["will pay a state visit in mid-June", "will visit in mid June", "due early June",
                                  "expected by late June"])
def test_a_month_with_mid_early_or_late_before_it_is_that_month(text: str) -> None:
    assert _dates(text, year=2026) == [("2026-06", None)]


@pytest.mark.parametrize("text", ["paid a visit from 16 to 18 November 2026", "a visit on 16-18 November 2026",
                                  "from 16 November to 18 November 2026"])
def test_a_day_first_range_is_its_first_and_last_day(text: str) -> None:
    assert _dates(text) == [("2026-11-16", "2026-11-18")]


def test_weekday_resolves_only_against_a_full_publication_date() -> None:
    assert _dates("the ministers met on Monday", published="2024-06-12") == [("2024-06-10", None)]
    assert _dates("the ministers met on Monday", published="2024-06") == []


def test_relative_years_need_the_publication_year() -> None:
    assert _dates("Last year, exports rose", published="2024-03") == [("2023", None)]
    assert _dates("Earlier this year, they launched", published="2024-03") == [("2024", None)]
    assert _dates("Last year, exports rose") == []


def test_amounts_and_day_numbers_are_not_years() -> None:
    assert _dates("worth $2000 million and 1,999 tons") == []
    assert _dates("on April 14", year=2020) == [("2020-04-14", None)]


def test_anniversary_range_gives_both_ends() -> None:
    assert _dates("(January 18, 1950 - 2025)") == [("1950-01-18", None), ("2025", None)]


def test_impossible_day_is_dropped() -> None:
    assert _dates("on February 30, 2023") == []


def test_context_year_prefers_the_publication_year_over_a_historical_year_nearby() -> None:
    sentence = "He was guest at the parade on January 26, as Sukarno was in 1950."
    assert context_year(sentence, sentence, "2025-01-27") == 2025
    assert context_year(sentence, sentence, None) == 1950
    assert context_year("no year here", "nor here", None) is None


def test_quarters_and_halves_become_first_and_last_month() -> None:
    assert _dates("in the first quarter of 2026") == [("2026-01", "2026-03")]
    assert _dates("Q4 2023 figures") == [("2023-10", "2023-12")]
    assert _dates("in the second half of the year", published="2024-03-05") == [("2024-07", "2024-12")]
    assert _dates("in the first half of next year", published="2024-03-05") == [("2025-01", "2025-06")]
    assert _dates("in the second half of the year") == []  # no publication date: which year is unknown


def test_a_weekday_opening_a_sentence_is_a_date() -> None:
    assert [(d.text, d.date) for d in find_dates("On Saturday, the two ministers met in the capital.", 2026,
                                                 "2026-03-12")] == [("On Saturday", "2026-03-07")]
    assert [d.date for d in find_dates("Last Friday the talks ended.", 2026, "2026-03-12")] == ["2026-03-06"]


def test_a_day_dated_in_an_earlier_sentence_sets_the_year_of_the_days_after_it() -> None:
    before = "Fighting broke out near the border on July 24, 2025, and spread for five days. "
    sentence = "A ceasefire took effect at midnight on July 28."
    assert context_year(sentence, before + sentence, "2026-03-01", before) == 2025
    # a bare year or a month with its year sets nothing: the publication year stays
    assert context_year(sentence, "", "2026-03-01", "Flights were suspended in March 2020. ") == 2026
    assert context_year(sentence, "", "2026-03-01", "The route opened in 1994. ") == 2026


def test_a_bare_day_after_a_dated_day_of_the_same_text_takes_its_year() -> None:
    found = find_dates("Clashes broke out on 3 June 2024, and a ceasefire was signed on 13 June and in July.",
                       2026, "2026-03-12")
    assert [d.date for d in found] == ["2024-06-03", "2024-06-13", "2024-07"]
    # a bare year sets nothing: "in 2020 … on 13 June" keeps the caller's year
    assert [d.date for d in find_dates("Talks began in 2020 and a deal was signed on 13 June.", 2026,
                                       "2026-03-12")] == ["2020", "2026-06-13"]


@pytest.mark.parametrize(("text", "want"), [
    # American news writes the weekday bare: the day of the week published (2026-03-17 is a Tuesday)
    ("Ghana and Nigeria signed an agreement Tuesday in Accra.", [("2026-03-17", None)]),
    ("The minister met President Hale Monday to discuss the plan.", [("2026-03-16", None)]),
    ("Tuesday's talks ran late.", [("2026-03-17", None)]),
    # a name, a habit, or the day of a date written beside it is no day of this week
    ("Candidates campaigned hard before Super Tuesday.", []),
    ("The market opens every Friday.", []),
    ("Talks resume Wednesday, March 25, 2026, in Lagos.", [("2026-03-25", None)]),
])
def test_a_bare_weekday_is_a_day_of_the_publication_week(text: str, want: list[tuple[str, str | None]]) -> None:
    assert _dates(text, 2026, "2026-03-17") == want


@pytest.mark.parametrize(("text", "want"), [
    ("The minister is expected to visit Dhaka next month.", [("2026-02", None)]),
    ("Officials met in Kolkata last week.", [("2025-12", None)]),  # a week before 3 January
    ("The committee met earlier this month.", [("2026-01", None)]),
    ("Prices rose over the past month.", []),  # a span, not a point in time
])
def test_a_month_or_week_counted_from_publication_is_its_month(text: str,
                                                               want: list[tuple[str, str | None]]) -> None:
    assert _dates(text, 2026, "2026-01-03") == want


def test_a_month_that_year_takes_the_year_written_before_it() -> None:
    from bilateral.ingest.dates import context_year
    before = "The trouble began in June 2011, when exports stopped. "
    assert context_year("The ban was lifted in July that year.", before + "The ban was lifted in July that year.",
                        "2026-03-10", before) == 2011
    # without "that year" a bare month is the publication's year, as before
    assert context_year("The ban was lifted in July.", before + "The ban was lifted in July.", "2026-03-10",
                        before) == 2026


def test_a_day_of_a_month_written_with_its_year_before_it_takes_that_year() -> None:
    found = find_dates("five days of fire in July 2025, before a ceasefire on July 28.", 2026, "2026-12-02")
    assert [d.date for d in found] == ["2025-07", "2025-07-28"]
    other = find_dates("Talks in June 2024 failed; a deal came on July 3.", 2026, "2026-12-02")
    assert [d.date for d in other] == ["2024-06", "2026-07-03"]  # another month keeps the caller's year


def test_a_month_opening_a_sentence_is_a_date() -> None:
    from bilateral.ingest.dates import find_dates
    found = find_dates("In November about 2,000 troops took part.", 2026, "2026-12-03")
    assert [(d.text, d.date) for d in found] == [("In November", "2026-11")]


@pytest.mark.parametrize(("text", "date"), [
    ("The cyclone struck in November last year.", "2025-11"),
    ("Talks resume in May next year.", "2027-05"),
    ("It rained in March of this year.", "2026-03"),
    ("The treaty was signed last November.", "2025-11"),  # the latest November before the month of publication
    ("The bridge opened last May.", "2026-05"),
    ("The minister will visit next March.", "2027-03"),
    ("The minister will visit next December.", "2026-12"),
])
def test_a_month_of_a_relative_year_is_dated_from_the_publication(text: str, date: str) -> None:
    [found] = find_dates(text, None, "2026-11-13")
    assert found.date == date


@pytest.mark.parametrize(("text", "date"), [
    ("He will visit the temple tomorrow.", "2026-11-14"),
    ("The ferry arrived yesterday.", "2026-11-12"),
    ("The talks end today.", "2026-11-13"),
])
def test_today_tomorrow_and_yesterday_are_days_from_the_publication(text: str, date: str) -> None:
    [found] = find_dates(text, None, "2026-11-13")
    assert found.date == date


def test_a_relative_day_needs_the_publication_day() -> None:
    assert find_dates("He will visit the temple tomorrow.", None, "2026-11") == []
    assert find_dates("Today's deal is done.", None, "2026-11-13") == []


@pytest.mark.parametrize(("text", "date"), [
    ("He arrived this morning on a state visit.", "2026-11-13"),
    ("They met yesterday afternoon.", "2026-11-12"),
    ("She leaves tomorrow morning.", "2026-11-14"),
])
def test_a_part_of_a_day_told_from_the_publication_is_that_day(text: str, date: str) -> None:
    [found] = find_dates(text, None, "2026-11-13")
    assert found.date == date
