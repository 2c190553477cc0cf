"""Ranks with an explicit ordinal are statistics; ordinals that number things are not."""

from __future__ import annotations

import pytest

from bilateral.core.model import Source
from bilateral.ingest.ranks import find_ranks, ordinal
from bilateral.ingest.statistics import extract_statistics
from bilateral.ingest.text import Document


def _ranks(text: str) -> list[tuple[int, str]]:
    doc = Document(Source("t", text))
    return [(pos, measure) for s in doc.sentences for _, _, pos, measure in find_ranks(s)]


def test_superlative_rank_names_holder_and_ranking() -> None:
    assert _ranks("Canada is South Korea's seventh-largest trading partner.") == [
        (7, "Canada's rank among South Korea's trading partners")
    ]


def test_its_refers_to_the_last_possessor() -> None:
    ranks = _ranks("Kenya remains Ethiopia's largest market in Africa and its third-largest export market globally.")
    assert ranks == [(3, "Kenya's rank among Ethiopia's export markets globally")]


def test_verb_ranks_with_scope() -> None:
    assert _ranks("In 2024, Morocco ranked second among African destinations for French investment.") == [
        (2, "Morocco's rank among African destinations for French investment")
    ]


@pytest.mark.parametrize("text", [
    "It was his fourth state visit to the country.",
    "Leaders attended the eighth Mekong Summit in Bangkok.",
    "The two nations marked the 50th anniversary of ties.",
    "Germany is Poland's largest trading partner.",
])
def test_ordinals_that_number_things_are_not_ranks(text: str) -> None:
    assert _ranks(text) == []


def test_rank_statistic_fields_and_period() -> None:
    doc = Document(Source("t", "In 2023, Brazil ranks fourth among countries investing in Argentina."))
    ranks = [f for f in extract_statistics(doc) if f.fields["unit"] == "rank"]
    assert len(ranks) == 1
    fields = ranks[0].fields
    assert (fields["value"], fields["normalized"], fields["period"], fields["display"]) == (4, 4, "2023", "4th")
    assert fields["as_written"] == "Brazil ranks fourth"


def test_numeric_ordinal_rank() -> None:
    assert _ranks("Canada ranks 20th among investors.") == [(20, "Canada's rank among investors")]


def test_ordinal_suffixes() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 102)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "102nd"]


def test_a_ranking_participle_ranks_the_country_the_sentence_opens_with() -> None:
    assert _ranks("Portugal now has 210 projects in Ghana, ranking fourth among countries investing there.") == [
        (4, "Portugal's rank among countries investing there")]
    assert _ranks("The firm has 30 stores, ranking second in the region.") == []  # no country to rank


def test_a_rank_made_by_a_participle_ranks_its_object() -> None:
    text = "Trade rose 6 percent, making Peru the fifth-largest trading partner of Chile and the second-largest supplier."
    found = find_ranks(Document(Source(id="t", text=text)).sentences[0])
    assert [(position, measure) for _s, _e, position, measure in found] == [
        (5, "Peru's rank among trading partners"), (2, "Peru's rank among suppliers")]
