"""The pipeline on articles it was not written for.

``tests/fixtures/*.txt`` are three short news-style articles of our own on
other bilateral relations (Japan–Australia, India–Indonesia, Germany–Poland;
people and events are fictional apart from the 1991 German-Polish treaty).
The pipeline runs on them unchanged; these tests name specific facts a
reader would expect it to find. Nothing in the extractors may be tuned to
these texts.
"""

from __future__ import annotations

from typing import Any

import pytest

import quality  # tests/ is on sys.path (rootdir-relative import)
from bilateral.core.model import Item, Source
from bilateral.ingest.pipeline import extract
from bilateral.ingest.sources import load_corpus


@pytest.fixture(scope="module")
def run() -> tuple[list[Source], list[Item]]:
    sources = load_corpus(quality.FIXTURES_DIR)
    assert {s.id for s in sources} == {"japan_australia", "india_indonesia", "germany_poland"}
    _, items = extract(sources)
    return sources, items


def _in(items: list[Item], kind: str, source: str) -> list[Item]:
    return [i for i in items if i.kind == kind and any(c.source == source for c in i.citations)]


def _person(items: list[Item], source: str, name: str) -> Item:
    found = [i for i in _in(items, "person", source) if quality.fold(i.fields.get("name")) == quality.fold(name)]
    assert found, f"{name} not found as a person in {source}: {[i.label for i in _in(items, 'person', source)]}"
    return found[0]


def _statistic(items: list[Item], source: str, normalized: float, unit: str) -> Item:
    for item in _in(items, "statistic", source):
        value = item.fields.get("normalized")
        if (isinstance(value, int | float) and abs(value - normalized) <= 0.005 * normalized
                and quality.canonical_unit(item.fields.get("unit")) == quality.canonical_unit(unit)):
            return item
    pytest.fail(f"no statistic {normalized} {unit} in {source}: "
                f"{[(i.fields.get('normalized'), i.fields.get('unit')) for i in _in(items, 'statistic', source)]}")


def _quote(items: list[Item], source: str, words: str) -> Item:
    for item in _in(items, "quote", source):
        texts = [item.fields.get("text") or "", *(c.text for c in item.citations if c.source == source)]
        if any(quality.fold(words) in quality.fold(t) for t in texts):
            return item
    pytest.fail(f"no quote containing {words!r} in {source}")


def test_every_citation_is_the_source_text_at_its_offsets(run: tuple[list[Source], list[Item]]) -> None:
    sources, items = run
    assert items, "the pipeline found nothing in the fixtures"
    assert quality.citation_errors(sources, items) == []
    texts = {s.id: s.text for s in sources}
    for item in items:
        assert item.citations, f"{item.id} has no citation"
        for c in item.citations:
            assert texts[c.source][c.start:c.end] == c.text


@pytest.mark.parametrize(("source", "name", "country"), [
    ("japan_australia", "Haruka Tanabe", "Japan"),        # "Japanese Foreign Minister Haruka Tanabe"
    ("japan_australia", "Claire Donovan", "Australia"),   # "her Australian counterpart, Foreign Minister ..."
    ("india_indonesia", "Adi Kusumo", "Indonesia"),       # "Indonesian President Adi Kusumo"
    ("germany_poland", "Tomasz Wierzbicki", "Poland"),    # country from context, not from the title
    ("germany_poland", "Helmut Kohl", "Germany"),         # historical figure
])
def test_named_leaders_are_people_with_their_country(run: Any, source: str, name: str, country: str) -> None:
    person = _person(run[1], source, name)
    assert quality.fold(person.fields.get("country")) == quality.fold(country)


def test_foreign_minister_keeps_her_title(run: Any) -> None:
    roles = quality.fold(" ".join(_person(run[1], "japan_australia", "Haruka Tanabe").fields.get("roles") or []))
    assert "foreign minister" in roles or "minister of foreign affairs" in roles, roles


@pytest.mark.parametrize(("source", "normalized", "unit", "period"), [
    ("germany_poland", 170.5e9, "EUR", "2024"),           # "a record €170.5 billion in 2024"
    ("india_indonesia", 29.4e9, "USD", None),             # "$29.4 billion in the 2023-24 financial year"
    ("japan_australia", 6.2, "percent", "2024"),          # "up 6.2 percent from the previous year"
    ("germany_poland", 400_000, "people", None),          # "more than 400,000 people"
])
def test_statistics_have_the_right_value_and_unit(run: Any, source: str, normalized: float, unit: str,
                                                   period: str | None) -> None:
    stat = _statistic(run[1], source, normalized, unit)
    if period:
        assert stat.fields.get("period") == period


def test_qualifier_and_attribution_of_a_trade_figure(run: Any) -> None:
    stat = _statistic(run[1], "germany_poland", 170.5e9, "EUR")
    assert "statistical office" in quality.fold(stat.fields.get("according_to"))
    over = _statistic(run[1], "germany_poland", 400_000, "people")
    assert quality.canonical_qualifier(over.fields.get("qualifier")) == "over"


@pytest.mark.parametrize(("source", "words", "speaker", "kind"), [
    ("germany_poland", "Poland is not only our neighbour", "Markus Albrecht", "direct"),
    ("india_indonesia", "India and Indonesia are maritime neighbours", "Rajesh Varma", "direct"),
    ("japan_australia", "two sides of the same coin", "Haruka Tanabe", "partial"),
    ("germany_poland", "legal position of the German government had not changed", "Jonas Weber", "reported"),
])
def test_quotes_have_the_right_speaker_and_kind(run: Any, source: str, words: str, speaker: str,
                                                kind: str) -> None:
    quote = _quote(run[1], source, words)
    assert quality.fold(quote.fields.get("speaker_name")) == quality.fold(speaker)
    assert quote.fields.get("quote_kind") == kind


def test_treaty_is_an_agreement_with_its_year(run: Any) -> None:
    found = [i for i in _in(run[1], "agreement", "germany_poland")
             if "good neighbourship" in quality.fold(i.fields.get("name"))]
    assert found, "Treaty of Good Neighbourship not found"
    assert found[0].fields.get("year") in (1991, "1991")


def test_dated_signing_is_an_event_with_its_participants(run: Any) -> None:
    events = [i for i in _in(run[1], "event", "germany_poland") if i.fields.get("date") == "1991-06-17"]
    assert events, "June 17, 1991 treaty signing not found as an event"
    assert "person:helmut-kohl" in (events[0].fields.get("participants") or [])
