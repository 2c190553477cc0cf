"""Statistics extraction on made-up sentences about other countries: the rules are general, not the corpus."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

import pytest

from bilateral.core.model import Source
from bilateral.ingest.numbers import find_number_words
from bilateral.ingest.sources import load_corpus
from bilateral.ingest.statistics import extract_statistics
from bilateral.ingest.text import Document

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"


def stats(text: str, published: str | None = None) -> list[dict[str, Any]]:
    doc = Document(Source(id="t", text=text, published=published))
    found = []
    for f in extract_statistics(doc):
        assert f.kind == "statistic"
        s, e = f.spans[0]
        assert f.fields["as_written"] in text[s:e], "the cited sentence contains the number"
        found.append({**f.fields, "label": f.label, "key": f.key, "rule": f.rule, "sentence": text[s:e]})
    return found


def one(text: str, published: str | None = None) -> dict[str, Any]:
    found = stats(text, published)
    assert len(found) == 1, found
    return found[0]


def test_money_with_foreign_currency_scale_period_and_commodity_measure() -> None:
    s = one("Australia's exports of iron ore to China reached A$85 billion in 2023.")
    assert (s["value"], s["scale"], s["unit"], s["normalized"]) == (85, "billion", "AUD", 85_000_000_000)
    assert s["period"] == "2023"
    assert s["display"] == "A$85 billion" and s["as_written"] == "A$85 billion"
    assert "iron ore exports" in s["measure"] and "China" in s["measure"]
    assert s["label"].startswith("Australian iron ore exports to China (2023): A$85 billion")


def test_growth_percent_takes_the_measure_it_changes() -> None:
    s = one("Japan's trade with Korea fell 3.2% year-on-year, customs officials said.")
    assert (s["value"], s["unit"], s["normalized"]) == (3.2, "percent", 3.2)
    assert s["measure"] == "Japan-Korea bilateral trade decline"


def test_qualifiers_are_normalized_to_a_small_set() -> None:
    found = stats("Exports topped $4 billion. Imports reached roughly $2.5 billion. "
                  "Remittances were just under $900 million. Aid was less than $80 million.")
    assert [s["qualifier"] for s in found] == ["over", "about", "nearly", "under"]


def test_two_figures_in_one_sentence_keep_their_own_sources_and_the_shared_qualifier() -> None:
    first, second = stats("In 2022, bilateral trade between Brazil and India exceeded USD 15 billion according "
                          "to Brazilian statistics, and USD 17 billion according to Indian figures.")
    assert first["according_to"] == "Brazilian statistics" and second["according_to"] == "Indian figures"
    assert first["qualifier"] == second["qualifier"] == "over"
    assert first["period"] == second["period"] == "2022"
    assert first["measure"] == second["measure"] == "Brazil-India bilateral trade"
    assert first["key"] != second["key"]


def test_the_figure_refers_back_to_the_previous_measure_and_this_year_uses_publication() -> None:
    found = stats("Bilateral trade between Chile and Peru rose to $9 billion last year. "
                  "In the first three months of this year, the figure hit $2.4 billion, an increase of 12.5%.",
                  published="2024-05-02")
    assert [(s["measure"], s["period"]) for s in found] == [
        ("Chile-Peru bilateral trade", "2023"),
        ("Chile-Peru bilateral trade", "2024-01..2024-03"),
        ("Chile-Peru bilateral trade growth", "2024-01..2024-03"),
    ]


def test_relative_period_is_null_without_publication_date() -> None:
    assert one("Bilateral trade between Chile and Peru rose to $9 billion last year.")["period"] is None


def test_yuan_and_markup_dollar_and_conversion_in_parentheses() -> None:
    found = stats(r"From March to May 2023, Japan imported 41,200 tons of Thai mangoes, valued at "
                  r"2.1 billion yuan (about \$290 million).")
    tons, yuan, usd = found
    assert (tons["value"], tons["unit"], tons["display"]) == (41200, "tons", "41,200 tons")
    assert (yuan["unit"], yuan["display"]) == ("CNY", "2.1 billion yuan")
    assert (usd["unit"], usd["as_written"], usd["qualifier"]) == ("USD", r"\$290 million", "about")
    assert tons["measure"] == yuan["measure"] == usd["measure"] == "Japanese mangoes imports from Thailand"
    assert {s["period"] for s in found} == {"2023-03..2023-05"}


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("In 2023, over 1.2 million Korean tourists visited Laos.", 1.2, "tourists"),
    ("The 42-kilometer line has 18 underground stations.", 42, "km"),
    ("Nearly 30 provinces in Thailand signed up.", 30, "provinces"),
    ("The ministers witnessed the signing of 12 cooperation documents.", 12, "documents"),
    ("The new road cut the trip from 120 minutes to just 40.", 120, "minutes"),
])
def test_counts_distances_and_durations(text: str, value: float, unit: str) -> None:
    s = stats(text)[0]
    assert (s["value"], s["unit"]) == (value, unit)


def test_tourists_measure_and_range_second_number_inherits_unit() -> None:
    s = one("In 2023, over 1.2 million Korean tourists visited Laos.")
    assert (s["measure"], s["period"], s["normalized"]) == ("Korean tourists to Laos", "2023", 1_200_000)
    _before, after = stats("The new road cut travel time from 120 minutes to just 40.")
    assert (after["value"], after["unit"], after["measure"]) == (40, "minutes", "travel time")


def test_written_numbers_fractions_and_multipliers() -> None:
    trade = stats("Germany has been Poland's largest trading partner for over two decades, and trade "
                  "accounts for roughly one-third of Poland's total trade.")
    duration, share = trade
    assert (duration["value"], duration["unit"], duration["measure"]) == (
        2, "decades", "Germany as Poland's largest trading partner")
    assert (share["value"], share["unit"], share["display"]) == (33.33, "percent", "one-third")
    fold = one("Trade in 2015 showed a 12-fold surge compared to the figure in 1995.")
    assert (fold["value"], fold["unit"], fold["period"]) == (12, "fold", "1995..2015")


@pytest.mark.parametrize("text", [
    "The eighth summit was held in 2019.",
    "Leaders marked the 50th anniversary of ties (1974-2024).",
    "It was his fourth state visit, one year after the last one.",
    "The talks took place on March 12, 2024, in Lima.",
    "Line 3 opens on 14 May.",
    "She outlined four key goals and a six-point plan.",
])
def test_years_dates_ordinals_anniversaries_and_enumerations_are_not_statistics(text: str) -> None:
    assert stats(text) == []


def test_repeated_figure_in_one_article_is_one_statistic() -> None:
    found = stats("The region has a combined population of over 600 million people. "
                  "Leaders say the 600 million people deserve better roads.")
    assert len({s["key"] for s in found}) == 1


def test_according_to_survey_carries_to_the_same_measure_in_the_next_sentence_only() -> None:
    found = stats("According to a survey by Ipsos, 61.5 percent of Kenyan respondents use mobile money daily. "
                  "Additionally, 40.2 percent of respondents said they save through their phones. "
                  "Kenya's exports rose to $7 billion.")
    assert [s["according_to"] for s in found] == ["a survey by Ipsos", "a survey by Ipsos", None]
    assert found[0]["measure"].startswith("share of Kenyan respondents who use mobile money")


def test_interviewee_attribution_from_according_to_a_person() -> None:
    text = ("Foreign Minister Ana Souza met reporters. According to Souza, trade ties have deepened. "
            "In 2023, bilateral trade between Brazil and Chile hit USD 12 billion.")
    assert one(text)["according_to"] == "Ana Souza"


def test_bundled_corpus_has_enough_real_statistics_and_runs_fast() -> None:
    sources = load_corpus(SOURCES)
    started = time.perf_counter()
    found = [f for source in sources for f in extract_statistics(Document(source))]
    elapsed = time.perf_counter() - started
    assert len({f.key for f in found}) >= 38
    assert elapsed < 1.0
    measured = [f for f in found if f.fields["measure"]]
    assert len(measured) == len(found)


@pytest.mark.parametrize(("text", "unit", "normalized"), [
    ("Uganda pledged USh 40 billion to the joint fund.", "UGX", 40_000_000_000),
    ("Nigeria's central bank injected ₦2.5 trillion into the market.", "NGN", 2_500_000_000_000),
    ("Brazilian exports to Chile reached R$12bn in 2021.", "BRL", 12_000_000_000),
    ("Egypt will receive 3.2 billion birr from Ethiopia.", "ETB", 3_200_000_000),
    ("Seoul set aside 800 billion won for the plan.", "KRW", 800_000_000_000),
    ("Poland allocated 4 billion złoty to border upgrades.", "PLN", 4_000_000_000),
    ("India approved projects worth Rs 500 crore in Gujarat, India.", "INR", 5_000_000_000),
    ("Turkey offered ₺900mn in credit to Azerbaijan.", "TRY", 900_000_000),
])
def test_world_currencies_symbols_codes_and_words_normalize_to_iso(text: str, unit: str, normalized: int) -> None:
    s = one(text)
    assert (s["unit"], s["normalized"], s["rule"]) == (unit, normalized, "money")


def test_glued_shilling_prefix_resolves_by_the_country_named() -> None:
    text = ("Tanzania and Zambia agreed to expand the railway. "
            "Tanzanian exports to Zambia rose to Sh120bn last year, officials in Tanzania said.")
    s = one(text)
    assert (s["unit"], s["normalized"], s["as_written"]) == ("TZS", 120_000_000_000, "Sh120bn")


def test_ambiguous_currency_word_without_a_country_stays_the_word() -> None:
    s = one("The firm paid 40 million pesos for the licence.")
    assert s["unit"] == "pesos" and s["normalized"] == 40_000_000


@pytest.mark.parametrize(("text", "unit"), [
    ("Japan pledged ¥12 billion in aid to the Philippines, the Japanese embassy said.", "JPY"),
    ("China lent Laos ¥5 billion for the railway, the Chinese ministry said.", "CNY"),
    ("The fund holds ¥5 billion.", "¥"),
])
def test_the_yen_or_yuan_sign_is_the_currency_of_the_country_the_text_names(text: str, unit: str) -> None:
    assert one(text)["unit"] == unit


def test_physical_units_power_weight_volume_and_glued_symbols() -> None:
    found = stats("Laos will sell 1,200 megawatts to Thailand, up from the 500MW agreed earlier. "
                  "Police seized 2,300 pounds of cocaine. The dam stores 90,000 acre-feet of water. "
                  "The pipeline carries 150,000 barrels per day.")
    assert [(s["value"], s["unit"]) for s in found] == [
        (1200, "megawatts"), (500, "megawatts"), (2300, "pounds"), (90000, "acre-feet"), (150000, "barrels per day")]
    assert found[2]["measure"] and "cocaine" in found[2]["measure"]


def test_a_frequency_is_a_count_of_what_the_verb_does_not_a_multiplier() -> None:
    s = one("Air Peace now flies 21 times a week between Lagos and Accra.")
    assert (s["value"], s["unit"], s["rule"]) == (21, "flights", "count")
    assert s["measure"] == "weekly flights"


def test_code_names_are_not_numbers_and_a_glued_m_before_a_count_noun_is_million() -> None:
    s = one("The A320 fleet and COVID19 rules were discussed by 5m people.")
    assert (s["normalized"], s["unit"]) == (5_000_000, "people")


def test_figures_in_a_named_persons_reported_statement_are_theirs() -> None:
    text = ("Trade Minister Lucia Ferrante met her Chilean counterpart on Monday. "
            "Ferrante noted that Italian exports to Chile rose 9 percent, and about 1,800 Chilean students "
            "study in Italy, Ferrante said. "
            "She said Chilean firms had invested more than €400 million in Italy.")
    found = stats(text)
    assert [s["according_to"] for s in found] == ["Lucia Ferrante"] * 3


def test_an_institution_saying_or_cited_after_the_figure_is_the_source() -> None:
    first = one("Remittances to Peru fell 3% to $4.1 billion, the central bank said.".replace("fell 3% to ", "reached "))
    assert first["according_to"] == "central bank"
    found = stats("Two-way trade reached $12.5 billion (about €11.4 billion) in 2024, according to the U.K. "
                  "Office for National Statistics and the customs agency, and services made up 30 percent.")
    assert {s["according_to"] for s in found} == {"the U.K. Office for National Statistics and the customs agency"}


def test_a_plan_announced_or_stressed_by_its_makers_is_not_attributed() -> None:
    s = one("Spain will spend €3 billion on new trains, Prime Minister Ana Ruiz announced.")
    assert s["according_to"] is None


def test_a_bare_number_compared_with_a_count_counts_the_same_thing() -> None:
    found = stats("About 60 buses now cross daily, compared with fewer than 20 when the bridge opened. "
                  "Ghana hosts 900 Nigerian students, up from 310 before the pandemic.")
    assert [(s["value"], s["unit"], s["qualifier"]) for s in found] == [
        (60, "buses", "about"), (20, "buses", "under"), (900, "students", None), (310, "students", None)]
    assert stats("The port handled more ships, up from 2019 levels.") == []


def test_currency_words_that_are_also_verbs_need_a_scale() -> None:
    assert [s["unit"] for s in stats("The Liberals won 12 seats, and 3 won outright.")] == ["seats"]
    assert one("Seoul pledged 2 trillion won.")["unit"] == "KRW"


def test_a_counted_subject_keeps_what_it_did() -> None:
    # "Nearly 60 provinces" alone says nothing: the figure counts provinces that built ties
    s = one("Nearly 60 provinces have built ties with partner cities.")
    assert (s["value"], s["qualifier"]) == (60, "nearly")
    assert "ties" in s["measure"] and "provinces" in s["measure"]
    s = one("About 120 companies signed supply contracts with local farms in 2023.")
    assert "contracts" in s["measure"] and s["period"] == "2023"
    # a verb agreeing with another subject is not the counted noun's ("has" after a plural)
    s = one("The line, with 12 elevated stations has cut travel times.")
    assert s["measure"] == "elevated stations"


def test_the_same_figure_in_two_articles_has_one_key_whatever_the_qualifier() -> None:
    a = one("Bilateral trade between Brazil and Nigeria exceeded $4 billion in 2023.")
    b = one("In 2023, trade between Nigeria and Brazil reached more than US$4 billion, the ministry said.")
    c = one("Bilateral trade between Brazil and Nigeria was about $3 billion in 2023.")
    assert a["key"] == b["key"] != c["key"]
    # a rank "globally" and one "in the world" are one measure
    from bilateral.ingest.statistics import fact_key
    assert fact_key({"measure": "Brazil's rank among exporters globally", "period": None, "unit": "rank",
                     "normalized": 3}) == fact_key({"measure": "Brazil's rank among exporters in the world",
                                                    "period": None, "unit": "rank", "normalized": 3})


# --- numbers written in words ------------------------------------------------------------------


def test_capitalised_hyphenated_number_words_open_a_sentence() -> None:
    s = one("Forty-five cooperation documents were signed during the state visit to Lima.")
    assert (s["value"], s["unit"], s["normalized"]) == (45, "documents", 45)
    assert s["as_written"] == "Forty-five cooperation documents" and s["display"] == "forty-five documents"


def test_number_words_with_hundred_and_a_scale_keep_the_scale() -> None:
    text = "Two hundred thousand people marched through the centre of Santiago on Sunday."
    s = one(text)
    assert (s["value"], s["scale"], s["normalized"], s["unit"]) == (200, "thousand", 200_000, "people")
    assert s["as_written"] == "Two hundred thousand people"


def test_one_and_a_half_million_is_one_point_five_million() -> None:
    s = one("The port of Valencia handled one and a half million containers in 2022.")
    assert (s["value"], s["scale"], s["normalized"]) == (1.5, "million", 1_500_000)
    assert s["rule"] != "fraction" and s["display"] == "one and a half million containers"


def test_number_words_with_thousand_inside_are_one_number() -> None:
    s = one("The ministry said three thousand five hundred workers were hired by the new plant.")
    assert (s["value"], s["scale"], s["normalized"]) == (3500, None, 3500)
    assert s["as_written"] == "three thousand five hundred workers"


def test_british_and_between_hundred_and_tens() -> None:
    s = one("Some one hundred and twenty students from Ghana enrolled at universities in Hungary.")
    assert (s["value"], s["normalized"]) == (120, 120)
    assert s["as_written"] == "one hundred and twenty students"


def test_percent_written_in_words_opens_a_sentence() -> None:
    s = one("Forty percent of Chile's copper exports went to China in 2021.")
    assert (s["value"], s["unit"], s["normalized"]) == (40, "percent", 40)
    assert s["as_written"] == "Forty percent" and s["display"] == "forty percent"


def test_two_number_words_joined_by_and_stay_two_numbers() -> None:
    text = "Between two and three thousand workers were moved, and one one-off payment was made."
    found = [(text[n.start:n.end], n.value, n.scale) for n in find_number_words(text)]
    assert found == [("two", 2, None), ("three", 3, "thousand"), ("one", 1, None), ("one", 1, None)]


def test_hyphenated_compound_number_words_before_a_noun_are_adjectives() -> None:
    assert stats("The twenty-five-day exhibition in Oslo closed on Friday.") == []


def test_number_word_values_cover_exactly_the_words_as_written() -> None:
    text = "In total, Twenty-Two visitors and a hundred and fifty students attended the fair in Accra."
    for s in stats(text):
        start = text.index(s["as_written"])
        assert text[start:start + len(s["as_written"])] == s["as_written"]
    values = {s["as_written"]: s["normalized"] for s in stats(text)}
    assert values == {"Twenty-Two visitors": 22, "a hundred and fifty students": 150}


def test_compound_number_words_in_a_period_count_the_years() -> None:
    from bilateral.ingest.periods import find_periods

    periods = find_periods("Trade with Chile tripled over the past twenty-five years.", "2024-05-01")
    assert [p.period for p in periods] == ["1999..2024"]


def test_rank_ordinals_above_twelfth_are_read() -> None:
    found = stats("Norway is now Poland's fourteenth-largest trading partner.")
    assert [(s["value"], s["unit"]) for s in found] == [(14, "rank")]


@pytest.mark.parametrize(("text", "normalized", "unit", "measure"), [
    ("Passenger traffic reached 59 million last year.", 59_000_000, "passengers", "passenger traffic"),
    ("The population is 8 million.", 8_000_000, "people", "population"),
    ("Enrollment topped 1.5 million this year, the ministry said.", 1_500_000, "students", "enrollment"),
    ("Tourist arrivals rose to 3.4 million in the first half.", 3_400_000, "arrivals", "tourist arrivals"),
])
def test_a_bare_figure_with_its_scale_counts_what_the_subject_counts(text, normalized, unit, measure) -> None:
    figure = one(text, "2025-06-01")
    assert (figure["normalized"], figure["unit"], figure["measure"]) == (normalized, unit, measure)
    assert figure["as_written"].endswith("million")


def test_a_level_takes_its_period_from_the_clause() -> None:
    assert one("Passenger traffic reached 59 million last year.", "2025-06-01")["period"] == "2024"


def test_a_change_and_the_level_it_reaches_are_two_figures_of_the_same_subject() -> None:
    found = stats("Visitor numbers climbed 18% to 2.1 million.")
    assert [(s["unit"], s["normalized"]) for s in found] == [("percent", 18), ("visitors", 2_100_000)]


@pytest.mark.parametrize("text", [
    "The deficit was 4 million.",  # a deficit is no count (and has no currency)
    "The team was 3 million short.",
    "Growth was 5 million.",
])
def test_a_bare_figure_after_a_subject_that_counts_nothing_is_no_statistic(text) -> None:
    assert stats(text) == []


@pytest.mark.parametrize(("text", "values", "unit"), [
    ("The pact cuts training costs by between 12 and 15 per cent a year.", [12, 15], "percent"),
    ("Peru expects to import between 3,000 and 5,000 megawatts of Bolivian power by 2030.", [3000, 5000],
     "megawatts"),
    ("Exports rose from 12 to 15 billion dollars last year.", [12e9, 15e9], "USD"),
    ("At the market, grade A mangoes traded at 48 to 55 yuan a kilogram on Wednesday.", [48, 55], "CNY"),
])
def test_each_bound_of_a_range_is_a_figure_with_the_same_unit_and_measure(text: str, values: list[float],
                                                                         unit: str) -> None:
    found = stats(text)
    assert [(s["normalized"], s["unit"]) for s in found] == [(v, unit) for v in values]
    assert found[0]["measure"] == found[1]["measure"]


@pytest.mark.parametrize(("text", "measure"), [
    ("Uzbekistan lost 35 percent of the water in its canals to leaks.", "share of water in its canals to leaks"),
    ("The lira has lost 40 percent of its value against the dollar since June 2023.", "share of its value"),
])
def test_a_possessive_ending_in_s_is_not_the_counted_plural_of_a_share(text: str, measure: str) -> None:
    assert one(text)["measure"] == measure


def test_a_number_in_words_of_ten_or_more_counts_any_plural_noun() -> None:
    """"Forty-two shops" is as much a count as "42 shops"; "two sides" is none."""
    doc = Document(Source(id="t", text="Forty-two family-owned shops were sealed. Two sides met.",
                          published="2026-03-17"))
    found = [(f.fields["value"], f.fields["unit"]) for f in extract_statistics(doc)]
    assert found == [(42, "shops")]


def test_livestock_counted_by_the_head_are_the_animals() -> None:
    doc = Document(Source(id="t", text="Exporters shipped about 480,000 head of cattle last year.",
                          published="2026-03-17"))
    assert [(f.fields["value"], f.fields["unit"], f.fields["measure"]) for f in extract_statistics(doc)] == [
        (480000, "cattle", "cattle shipped")]


@pytest.mark.parametrize(("sentence", "value", "unit"), [
    ("More than 600 of his members had lost stock.", 600, "members"),  # a part of a group
    ("About 1.4 million Australians visited the islands last year.", 1400000, "Australians"),  # a people
])
def test_counts_of_a_part_of_a_group_and_of_a_people(sentence: str, value: int, unit: str) -> None:
    doc = Document(Source(id="t", text=sentence, published="2026-03-17"))
    assert [(f.fields["normalized"], f.fields["unit"]) for f in extract_statistics(doc)] == [(value, unit)]


def test_a_or_half_a_before_a_scale_word_is_the_figure() -> None:
    ghanaians = one("About a million Ghanaians live in Nigeria.")
    assert (ghanaians["value"], ghanaians["scale"], ghanaians["normalized"]) == (1, "million", 1_000_000)
    assert ghanaians["as_written"].startswith("a million")
    tourists = one("Nearly half a million tourists visited the island in 2024.")
    assert (tourists["value"], tourists["normalized"], tourists["qualifier"]) == (0.5, 500_000, "nearly")
    cost = one("The project will cost a billion dollars.")
    assert (cost["unit"], cost["normalized"]) == ("USD", 1_000_000_000)
    # a currency symbol is written before digits, whatever the words were
    assert cost["label"].endswith(": $1 billion")
    assert one("The project will cost two billion dollars.")["label"].endswith(": $2 billion")


def test_a_part_of_a_counted_group_is_the_figure_and_the_total_no_second_one() -> None:
    # "12 of the 40 passengers were injured": twelve were injured, not forty
    injured = one("Twelve of the 40 passengers were injured in the crash.")
    assert (injured["value"], injured["unit"], injured["measure"]) == (12, "passengers", "passengers injured")
    assert one("12 of the 40 passengers were injured in the crash.")["value"] == 12
    # the group's total is part of the figure's phrase, not a figure counted as hurt
    assert [(f["value"], f["unit"]) for f in stats("Twelve of the 40 passengers were hurt.")] == [(12, "passengers")]


def test_a_bare_number_after_a_casualty_count_counts_the_same_people() -> None:
    found = stats("At least 14 people have been killed and 61 wounded since fighting broke out.")
    assert [(f["value"], f["unit"], f["measure"]) for f in found] == [
        (14, "people", "people killed"), (61, "people", "people wounded")]
    arrested = stats("Officials said 300 people were evacuated and 12 arrested.")
    assert [(f["value"], f["measure"]) for f in arrested] == [(300, "people evacuated"), (12, "people arrested")]
    # a nationality's people to whom something happened are no population
    tajik = stats("The ministry said five Tajik citizens had been killed and 23 wounded.")
    assert [(f["value"], f["measure"]) for f in tajik] == [(5, "Tajik citizens killed"), (23, "Tajik citizens wounded")]
    # a bare number after "and" with no casualty word is no count
    assert [f["value"] for f in stats("About 300 people attended and 12 spoke at the meeting.")] == [300]


def test_a_bare_number_a_casualty_verb_takes_counts_people() -> None:
    found = stats("Fighting in the north killed more than 100 on both sides, and a blast wounded 23.")
    assert [(f["value"], f["unit"], f["measure"], f.get("qualifier")) for f in found] == [
        (100, "people", "people killed", "over"), (23, "people", "people wounded", None)]
    # a number the casualty verb takes with its own noun keeps the noun; a year after the verb is no count
    assert [(f["value"], f["unit"]) for f in stats("The strike killed 40 militants.")] == [(40, "militants")]
    assert stats("Nobody was killed in 2021.") == []


def test_the_count_a_casualty_count_includes_is_of_the_same_casualty() -> None:
    found = stats("Eight people were killed, including two children.")
    assert [(f["value"], f["measure"]) for f in found] == [(8, "people killed"), (2, "children killed")]
    soldiers = stats("About 45 people were injured, among them at least six soldiers.")
    assert [(f["value"], f["measure"], f.get("qualifier")) for f in soldiers] == [
        (45, "people injured", "about"), (6, "soldiers injured", "at least")]


@pytest.mark.parametrize("text", [
    "It was a rocky relationship between the two soldiers that has lasted for years.",
    "The three students said they would appeal the ruling.",
    "Those four journalists were later freed.",
])
def test_the_two_or_three_people_already_told_of_are_no_figure(text: str) -> None:
    assert stats(text) == []


def test_a_definite_count_in_digits_or_with_a_scale_is_still_a_figure() -> None:
    assert one("The 12 students were freed on Monday.")["value"] == 12
    assert one("The one and a half crore residents of the city need the river.")["normalized"] == 15_000_000


def test_a_vietnamese_dong_sign_written_with_its_letter_is_the_currency() -> None:
    found = one("Vietnamese businesses pledged VNĐ12 trillion in new investment.")
    assert (found["unit"], found["normalized"]) == ("VND", 12_000_000_000_000)


def test_a_time_of_day_is_no_figure() -> None:
    assert stats("The ceasefire that took effect at 14:00 GMT appears to be holding.") == []
    assert [f["value"] for f in stats("At 09:30 the ministry said 12 soldiers were hurt.")] == [12]


def test_a_count_of_times_says_what_was_done() -> None:
    assert one("The two leaders have met 12 times since 2023.", "2026-03-10")["measure"] == "meetings"
    assert one("The minister has visited the port 5 times.")["measure"] == "visits"


def test_a_figure_a_year_earlier_is_of_the_span_the_sentence_names_a_year_before() -> None:
    text = ("Imports grew 6.2 per cent to $58.9 billion in the July-September period, narrowing the deficit to "
            "$11.6 billion from $13 billion a year earlier.")
    by_value = {s["value"]: s["period"] for s in stats(text, "2026-10-20")}
    assert by_value[58.9] == "2026-07..2026-09"
    assert by_value[13] == "2025-07..2025-09"


def test_a_change_from_the_same_period_last_year_is_of_the_period_named() -> None:
    text = "For the first nine months of 2026, total trade stood at $31.8 billion, up 7.9 per cent from the same period last year."
    assert {s["period"] for s in stats(text, "2026-10-20")} == {"2026-01..2026-09"}


@pytest.mark.parametrize(("text", "measure"), [
    ("The dam has an installed capacity of 14,000 megawatts.", "installed capacity"),
    ("The central bank kept its policy rate at 10% on Tuesday.", "policy rate"),
    ("The two countries share a land border of some 2,400 kilometres.", "land border"),
    ("A state grid company holds a 90% stake in Power Transmission Co.", "stake in Power Transmission Co"),
    ("The 1,035 km trip takes about 10 hours.", "length of the trip"),
])
def test_a_figure_with_no_other_measure_is_measured_by_the_noun_it_is_of(text: str, measure: str) -> None:
    assert stats(text)[0]["measure"] == measure


@pytest.mark.parametrize("text", ["Officials counted a total of 26 ships.", "Growth hit a rate of 5%.",
                                  "He was the subject of 60 percent of the coverage."])
def test_a_noun_that_says_nothing_of_what_is_measured_is_no_measure(text: str) -> None:
    assert stats(text)[0].get("measure") not in ("total", "rate", "subject")


def test_a_measure_named_only_by_its_noun_is_not_carried_to_the_next_sentence() -> None:
    found = stats("In 2019 the scheme introduced a premium of $400 a tonne.\n\n"
                  "The regulator estimated that 150,000 tonnes left the country illegally.")
    assert found[0].get("measure") == "premium"
    assert found[-1].get("measure") != "premium"


@pytest.mark.parametrize(("text", "normalized", "unit"), [
    ("The service has carried 1.38m passengers this year.", 1_380_000, "passengers"),
    ("The port handled 1.2m tonnes of rice.", 1_200_000, "tons"),
    ("Some 3m foreign tourists came last year.", 3_000_000, "tourists"),
])
def test_a_glued_scale_before_what_is_counted_scales_the_count(text: str, normalized: int, unit: str) -> None:
    found = one(text, "2026-11-20")
    assert (found["normalized"], found["unit"]) == (normalized, unit)


@pytest.mark.parametrize("text", [
    "Two people familiar with the negotiations said Brazil had pushed for a cap.",
    "Three officials with knowledge of the talks said the deal was close.",
    "Two senior officials who asked not to be named said the deal was close.",
])
def test_a_storys_unnamed_sources_are_no_figure(text: str) -> None:
    assert stats(text) == []


def test_the_unit_of_an_exchange_rate_note_is_no_figure() -> None:
    assert [(f["value"], f["unit"]) for f in stats("($1 = 5.3160 reais)")] == [(5.316, "BRL")]


@pytest.mark.parametrize(("text", "value", "measure"), [
    ("About three in four freight trains heading north now carry farm goods.", 75.0,
     "share of freight trains heading north"),
    ("One in five Vietnamese adults now owns a smartphone.", 20.0, "share of Vietnamese adults"),
    ("A survey found that 1 in 4 residents lived in poor districts.", 25.0, "share of residents"),
])
def test_a_count_in_a_count_is_a_share_of_what_it_counts(text: str, value: float, measure: str) -> None:
    found = one(text)
    assert (found["value"], found["unit"], found["measure"]) == (value, "percent", measure)


@pytest.mark.parametrize("text", ["He scored 5 in 10 games.", "The team won two out of three matches.",
                                  "They built three in 2021."])
def test_a_number_in_a_span_of_time_or_games_is_no_share(text: str) -> None:
    assert all(f["unit"] != "percent" for f in stats(text))


def test_a_body_named_by_its_proper_name_is_what_a_figure_is_according_to() -> None:
    """ "according to Oxford Economics": the figure's source as written, though no source noun names it;
    not a title ("according to the Minister of Energy, …", whose figure is the person's)."""
    assert one("Imports rose 5% in March, according to Oxford Economics.")["according_to"] == "Oxford Economics"
    assert one("The tariff fell to US$17.66 this year, according to Corvana Binacional.")["according_to"] \
        == "Corvana Binacional"
    assert one("Output rose 4% this year, according to the Minister of Energy and Mines, Ana Costa.")[
        "according_to"] != "the Minister of Energy and Mines"


@pytest.mark.parametrize(("sentence", "measure"), [
    ("The company will raise transmission fees by 6% from January.", "transmission fees increase"),
    ("The government cut fuel subsidies by 12% last year.", "fuel subsidies cut"),
    ("The grid company holds a 90% stake in the grid operator.", "stake in the grid operator"),
    ("Washington imposed a 25% tariff on steel.", "tariff on steel"),
    ("The 1,035 km trip takes about 10 hours.", "duration of the trip"),
])
def test_a_figure_says_what_it_measures_in_common_news_phrasings(sentence: str, measure: str) -> None:
    """A change someone makes ("raise fees by 6%"), the noun a percent stands before ("a 25% tariff on
    steel"), what lasts ("the trip takes 10 hours"): each had no measure at all."""
    assert stats(sentence)[-1]["measure"] == measure


def test_a_factbox_line_gives_its_figure_the_words_after_the_dash() -> None:
    """ "IN NUMBERS" lists: "- 422 km — length of the line, A to B", "- 33 — stations on the line"."""
    found = stats("IN NUMBERS\n\n- 422 km — length of the Lao section, Boten to Vientiane\n"
                  "- 33 — stations on the Lao section\n- 7.8% — consumer price inflation in October")
    assert [(s["value"], s["unit"], s["measure"]) for s in found] == [
        (422, "km", "length of the Lao section"), (33, "stations", "stations on the Lao section"),
        (7.8, "percent", "consumer price inflation in October")]


def test_a_bare_casualty_count_after_an_aside_and_a_qualifier_counts_the_same_people() -> None:
    found = {s["as_written"]: (s["measure"], s["qualifier"]) for s in stats(
        "Forty-two people, most of them civilians, were killed and more than 300,000 were displaced on both "
        "sides.")}
    assert found["300,000"] == ("people displaced", "over")


@pytest.mark.parametrize(("text", "unit", "normalized"), [
    ("Buyers owed suppliers Tk 50 billion at the end of September.", "BDT", 50_000_000_000),
    ("The bridge is supported with a budget of 3,930 million Baht.", "THB", 3_930_000_000),
    ("The typhoon made landfall with sustained winds of 215 kilometres per hour.", "km/h", 215),
    ("Gusts reached 90 mph on the coast.", "mph", 90),
])
def test_the_taka_a_capitalised_currency_word_and_speeds_are_units(text: str, unit: str, normalized: float) -> None:
    found = one(text)
    assert (found["unit"], found["normalized"]) == (unit, normalized)


def test_a_capitalised_currency_word_that_needs_a_scale_still_needs_one() -> None:
    assert [s["unit"] for s in stats("He paid 3 Won for it.")] == []


@pytest.mark.parametrize(("text", "value"), [
    ("Imports meet roughly one-sixth of its peak demand.", 16.67),
    ("About four-fifths of the border is fenced.", 80.0),
    ("Two-thirds of the vote went to the party.", 66.67),
    ("Three-tenths of the budget is spent on roads.", 30.0),
])
def test_a_fraction_of_any_denominator_is_its_percent(text: str, value: float) -> None:
    assert one(text)["value"] == value


def test_a_share_that_is_its_clauses_subject_is_measured_with_its_verb() -> None:
    found = {s["as_written"]: s["measure"] for s in stats(
        "Peru sells most of its copper abroad, and about four-fifths of the border is fenced. "
        "Two-thirds of the vote and three quarters of the seats went to the party.")}
    assert found["four-fifths"] == "share of the border that is fenced"
    assert found["Two-thirds"] == "share of the vote"  # its own part of "… and three quarters of …"
    assert found["three quarters"] == "share of the seats that went to the party"


@pytest.mark.parametrize(("text", "unit", "value"), [
    ("The boat went down with 15 crew on board.", "crew", 15),
    ("Japan will send six helicopters.", "helicopters", 6),
    ("About 500 personnel will go.", "personnel", 500),
])
def test_crews_helicopters_and_personnel_are_counted(text: str, unit: str, value: int) -> None:
    found = one(text)
    assert (found["unit"], found["value"]) == (unit, value)


def test_the_size_of_a_team_written_n_member_or_n_strong() -> None:
    found = {s["as_written"]: s for s in stats(
        "Japan would dispatch a 70-member medical team, and Peru a 40-strong urban search-and-rescue team.")}
    assert (found["70-member medical team"]["unit"], found["70-member medical team"]["value"]) == ("members", 70)
    assert found["70-member medical team"]["measure"] == "size of the medical team"
    assert found["40-strong urban search-and-rescue team"]["measure"] == "size of the urban search-and-rescue team"


def test_an_earthquakes_magnitude_and_what_it_did_to_the_counts_after_it() -> None:
    found = {s["as_written"]: s for s in stats(
        "When the magnitude 6.8 earthquake struck on 3 March, killing 37 people and damaging more than 12,000 "
        "houses, Peru sent help.")}
    assert (found["magnitude 6.8"]["unit"], found["magnitude 6.8"]["value"]) == ("magnitude", 6.8)
    assert found["magnitude 6.8"]["measure"] == "magnitude of the earthquake"
    assert found["37 people"]["measure"] == "people killed"
    assert found["12,000 houses"]["measure"] == "houses damaged"


def test_what_something_trades_at_is_its_price() -> None:
    (found,) = stats("In Lima, grade A coffee traded at 12 soles a kilogram on Monday.")
    assert found["measure"] == "price of grade A coffee"


def test_both_bounds_of_a_scaled_range_are_figures_measuring_the_noun_before_it() -> None:
    """"forecast demand of 13 million to 14 million TEU", "an annual capacity of between 2.0 million and 2.2
    million TEU": the lower bound with its own scale word is a figure too, and both measure the noun the range
    is "of" (with or without a determiner before it)."""
    found = {(s["value"], s["scale"]): s["measure"] for s in stats(
        "The port will handle 15 million TEU a year by 2030, against forecast demand of 13 million to 14 million "
        "TEU. The second phase will raise it to an annual capacity of between 2.0 million and 2.2 million TEU.")}
    assert found[(13, "million")] == found[(14, "million")] == "forecast demand"
    assert found[(2.0, "million")] == found[(2.2, "million")] == "annual capacity"


def test_a_percent_range_after_a_bare_noun_and_of_measures_that_noun() -> None:
    found = [(s["value"], s["measure"]) for s in stats(
        "The banks will lend the money over 15 years at interest rates of 3.2% to 3.6% a year.")]
    assert found == [(3.2, "interest rates"), (3.6, "interest rates")]


def test_a_lower_bound_after_a_capitalised_between_is_a_figure() -> None:
    assert sorted(s["value"] for s in stats("Between 900 and 1,200 workers were hired for the port.")) == [900, 1200]


def test_the_earlier_level_a_share_rose_from_measures_the_same_share() -> None:
    found = [(s["value"], s["measure"]) for s in stats(
        "The share of electric cars in new sales rose to 35% from 12% a year earlier.")]
    assert sorted(found) == [(12, "share of electric cars in new sales"), (35, "share of electric cars in new sales")]


def test_two_scaled_figures_are_a_range_only_when_written_as_one() -> None:
    """"a population of 34 million and 6.2 million cars" are two figures of different things; "fell by 1 million
    to 14 million tonnes" is a change and a level; a bare noun before "at" is no measure ("keep rates at 5%")."""
    assert [s["value"] for s in stats("Peru, with a population of 34 million and 6.2 million registered cars, is "
                                      "building new roads.")] == [6.2]
    assert [s["value"] for s in stats("Chile's copper output fell by 1 million to 14 million tonnes in 2025.")] == [14]
    assert [s["measure"] for s in stats("The central bank decided to keep rates at 5% on Tuesday.")] == [None]


def test_square_metres_are_an_area_unit() -> None:
    assert [(s["value"], s["unit"], s["measure"]) for s in stats(
        "The terminals will include 200,000 square metres of container yard.")] == [(200000, "m2", "container yard")]


def test_relatives_supporters_and_officials_are_counted_with_a_complement_after_them() -> None:
    found = [(s["value"], s["unit"]) for s in stats(
        "On Wednesday, about 200 relatives of the crew and local fishermen gathered outside the office. About "
        "5,000 supporters of the party marched.")]
    assert found == [(200, "relatives"), (5000, "supporters")]


def test_a_sum_set_off_by_commas_measures_the_noun_phrase_before_it() -> None:
    found = [(s["value"], s["measure"]) for s in stats(
        "The first phase, costing $640 million, will build two berths. The remaining equity, about $475 million, "
        "will be paid in by the partners. The deal, worth $5 billion, was signed on Monday.")]
    assert found == [(640, "cost of the first phase"), (475, "remaining equity"), (5, "value of the deal")]
