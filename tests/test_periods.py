"""Period phrases resolve to "YYYY", "YYYY-MM" or "A..B"; relative ones only with a publication date."""

from __future__ import annotations

import pytest

from bilateral.ingest.periods import find_periods, parse_published, single_year


def periods(text: str, published: str | None = None, previous: str | None = None) -> list[tuple[str | None, str]]:
    return [(p.period, p.role) for p in find_periods(text, published, previous)]


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports rose in 2019.", "2019"),
    ("From March to June 2021, sales fell.", "2021-03..2021-06"),
    ("between January and September 2022", "2022-01..2022-09"),
    ("in the first half of 2020", "2020-01..2020-06"),
    ("in the third quarter of 2018", "2018-07..2018-09"),
    ("Output doubled between 2015 and 2020.", "2015..2020"),
    ("Trade in 2021 and 2022 topped $5 billion.", "2021..2022"),
    ("By May 2023, it had carried 4 million riders.", "2023-05"),
    ("in the 2023-24 financial year", "2023..2024"),
])
def test_explicit_periods_need_no_publication_date(text: str, expected: str) -> None:
    assert periods(text)[0] == (expected, "period")


@pytest.mark.parametrize(("text", "expected"), [
    ("Trade grew last year.", "2021"),
    ("This year exports doubled.", "2022"),
    ("In the first three months of this year, imports fell.", "2022-01..2022-03"),
    ("in the first two months of last year", "2021-01..2021-02"),
    ("Investment rose tenfold over the last 10 years.", "2012..2022"),
    ("over the past two decades", "2002..2022"),
    ("Arrivals have tripled since 2016.", "2016..2022"),
    ("Prices rose last month.", "2022-04"),
])
def test_relative_periods_resolve_against_publication(text: str, expected: str) -> None:
    assert periods(text, "2022-05-09")[0] == (expected, "period")


@pytest.mark.parametrize("text", ["Trade grew last year.", "over the last 15 years", "in the first quarter of this year"])
def test_relative_periods_stay_unknown_without_publication_date(text: str) -> None:
    assert periods(text, None)[0][0] is None


def test_comparison_baseline_is_not_the_period() -> None:
    found = periods("Exports in 2019 were triple compared to the figure in 2005.")
    assert found == [("2019", "period"), ("2005", "base")]


def test_full_date_is_an_event_date_not_a_period() -> None:
    assert periods("OSLO, March 3, 2024 — Norway said") == [("2024-03-03", "date")]


def test_end_of_the_year_refers_to_the_previous_sentence() -> None:
    assert periods("By the end of the year, the stock had reached $3 billion.", None, "2019") == [("2019", "anaphor")]


def test_year_range_in_parentheses_and_single_year_helper() -> None:
    assert periods("(1965-2025)") == [("1965..2025", "period")]
    assert single_year("2024-01..2024-03") == "2024"
    assert single_year("2021..2022") is None
    assert parse_published("2025-04") == (2025, 4)
    assert parse_published(None) == (None, None)


@pytest.mark.parametrize(("text", "expected"), [
    ("Sales rose in the first three quarters of 2019.", "2019-01..2019-09"),
    ("Revenue for fiscal 2022 was flat.", "2022"),
    ("the FY2021-22 budget", "2021..2022"),
    ("Output in FY23 fell.", "2023"),
])
def test_fiscal_years_and_quarter_spans(text: str, expected: str) -> None:
    assert periods(text)[0] == (expected, "period")


def test_month_span_without_a_year_takes_the_latest_one_before_publication() -> None:
    assert periods("From March to May, exports fell.", "2024-08-01") == [("2024-03..2024-05", "period")]
    assert periods("From March to October, exports fell.", "2024-08-01") == [("2023-03..2023-10", "period")]


def test_a_year_inside_a_treaty_name_is_not_a_period() -> None:
    assert periods("Under the 1960 Indus Waters Treaty, India shares rivers.") == [("1960", "name")]


@pytest.mark.parametrize(("text", "published", "expected"), [
    ("Exports rose 9 per cent in the third quarter.", "2026-10-20", "2026-07..2026-09"),
    ("In the fourth quarter, sales fell.", "2027-01-20", "2026-10..2026-12"),  # not begun this year yet
    ("Its third-quarter revenue rose.", "2026-10-20", "2026-07..2026-09"),
    ("Profit rose in Q2.", "2026-10-20", "2026-04..2026-06"),
    ("Growth of 6 to 8 per cent is forecast for 4Q26.", "2025-01-02", "2026-10..2026-12"),
    ("Shipments fell in Q1 2025.", None, "2025-01..2025-03"),
    ("Profit fell in the first half.", "2026-08-01", "2026-01..2026-06"),
    ("Its H2 2025 profit fell.", None, "2025-07..2025-12"),
    ("Imports grew in the July-September period.", "2026-10-20", "2026-07..2026-09"),
])
def test_quarters_halves_and_month_spans_without_a_year_are_the_latest_begun(text: str, published: str | None,
                                                                             expected: str) -> None:
    assert periods(text, published)[0] == (expected, "period")


def test_a_quarter_without_a_year_is_not_the_year_an_earlier_sentence_named() -> None:
    assert periods("Exports rose in the third quarter.", "2026-10-20", "2022") == [("2026-07..2026-09", "period")]


@pytest.mark.parametrize("text", ["in the first half of the century", "the third quarter of the match", "Q&A"])
def test_spans_of_other_things_are_no_periods(text: str) -> None:
    assert periods(text, "2026-10-20") == []


@pytest.mark.parametrize(("text", "expected"), [
    ("Exports rose 8 per cent from the same period last year.", [("2025", "earlier")]),
    ("against S$9.8mn a year earlier", [(None, "earlier")]),
    ("from RM13bn in the year-ago quarter", [(None, "earlier")]),
])
def test_a_year_earlier_is_a_comparison_not_the_period(text: str, expected: list[tuple[str | None, str]]) -> None:
    assert periods(text, "2026-10-20") == expected


@pytest.mark.parametrize(("published", "expected"), [
    ("2026-11-19", "2026-01..2026-10"),  # the ten months before publication
    ("2026-03-02", "2025-01..2025-10"),  # not yet ten months into the year: the last such span
])
def test_the_first_months_of_the_year_are_the_latest_such_span_not_the_year_before_named(
        published: str, expected: str) -> None:
    found = periods("Exports rose 8.7% in the first ten months of the year.", published, previous="2022")
    assert found == [(expected, "period")]
