"""What a statistic measures, on general news sentences (made up, about many countries): the measure keeps
what the figure is about -- the goods, the places, the parties -- since it is also the key figures of
different articles merge on (measure | period | unit)."""

from __future__ import annotations

import pytest

from bilateral.core.model import Source
from bilateral.ingest.statistics import extract_statistics
from bilateral.ingest.text import Document


def measures(text: str) -> dict[str, str | None]:
    """as written -> measure, for every figure of ``text``."""
    doc = Document(Source(id="t", text=text, published="2025-03-01"))
    return {f.fields["as_written"]: f.fields["measure"] for f in extract_statistics(doc)}


def measure(text: str) -> str | None:
    found = measures(text)
    assert len(found) == 1, found
    return next(iter(found.values()))


# --- the subject before the verb is what the figure measures ------------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    # a compound noun before the head says what flows
    ("Coffee exports reached $5.2 billion in 2024.", "coffee exports"),
    ("Natural gas exports from Qatar to Japan reached 9 million tonnes in 2023.",
     "Qatari natural gas exports to Japan"),
    # "of X" after the head is the same goods; "from X to Y" origin and destination, each in its role
    ("Exports of coffee from Uganda to Sudan reached $1.1 billion in 2024, according to the trade ministry.",
     "Ugandan coffee exports to Sudan"),
    ("Soybean exports from Brazil to China climbed to $38 billion in 2023.", "Brazilian soybean exports to China"),
    ("Imports of crude oil by India rose to 4.6 million barrels a day in 2024.", "Indian crude oil imports"),
    ("The value of wheat imports to Egypt rose to $4.1 billion in 2023.", "Egyptian wheat imports"),
    ("Tea exports from Sri Lanka fell to $1.3 billion last year.", "Sri Lankan tea exports"),
    ("Vietnamese rice exports to Indonesia surged to $1.2 billion in 2024.", "Vietnamese rice exports to Indonesia"),
])
def test_goods_and_countries_of_a_trade_flow_stay_in_its_measure(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Freight volume at the port rose to 12 million tonnes in 2024.", "freight volume at the port"),
    ("Cargo handled at the port of Durban rose to 80 million tonnes last year.",
     "cargo handled at the port of Durban"),
    ("Container throughput at the port of Mombasa rose to 1.6 million units in 2023.",
     "container throughput at the port of Mombasa"),
    ("Voter turnout in the parliamentary election reached 61 percent.",
     "voter turnout in the parliamentary election"),
    ("Turnout in the presidential election was 68 percent, the electoral commission said.",
     "turnout in the presidential election"),
    ("Hotel occupancy in Bali averaged 72 percent in August.", "hotel occupancy in Bali"),
    ("The measles vaccination rate in Nigeria fell to 60 percent in 2023.", "measles vaccination rate in Nigeria"),
    ("Health spending per person in Ghana was $85 in 2022.", "health spending per person in Ghana"),
    ("Tourism receipts in Thailand reached $28 billion in 2023.", "tourism receipts in Thailand"),
    ("Remittances from workers abroad totalled $14 billion in 2023.", "remittances from workers abroad"),
    ("The number of nurses in Kenya rose to 60,000 in 2024.", "number of nurses in Kenya"),
    ("Electricity output at the Aswan dam averaged 2,100 megawatts in 2023.",
     "electricity output at the Aswan dam"),
    ("Mexico's unemployment rate fell to 2.6 percent in June.", "Mexico's unemployment rate"),
    ("Youth unemployment in Spain fell to 26 percent in 2024.", "youth unemployment in Spain"),
])
def test_a_subject_the_vocabulary_cannot_word_whole_is_the_measure_as_written(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


def test_a_report_verb_and_a_leading_time_phrase_are_not_part_of_the_subject() -> None:
    assert measure("Data from the central bank showed that copper exports reached $8 billion in 2024.") == \
        "copper exports"
    assert measure("In the first half of 2024 cocoa output in Ghana fell to 300,000 tonnes.") == \
        "cocoa output in Ghana"


def test_a_verb_said_by_its_qualifier_still_joins_the_subject() -> None:
    # "exceeded" is both the verb and the qualifier "over"
    assert measure("Rice exports from Cambodia exceeded $600 million in 2023.") == "Cambodian rice exports"


# --- levels, changes and the same measure at an earlier level -------------------------------

def test_a_percent_a_change_verb_rises_to_is_a_level_not_growth() -> None:
    assert measure("Inflation in Turkey rose to 65 percent in March.") == "inflation in Turkey"
    found = measures("The jobless rate in Chile rose to 8.7 percent in May, up from 8.1 percent a year earlier.")
    assert found == {"8.7 percent": "jobless rate in Chile", "8.1 percent": "jobless rate in Chile"}


def test_a_change_and_the_level_it_reaches_measure_the_same_subject() -> None:
    found = measures("Copper exports from Zambia rose 12 percent to $8 billion in 2024.")
    assert found == {"$8 billion": "Zambian copper exports", "12 percent": "Zambian copper exports growth"}
    found = measures("Cocoa output in Ivory Coast fell 20 percent to 1.8 million tonnes in the 2023-24 season.")
    assert found["1.8 million tonnes"] == "cocoa output in Ivory Coast"
    assert found["20 percent"] == "cocoa output in Ivory Coast decline"


def test_a_pronoun_subject_refers_back_to_the_paragraphs_measure() -> None:
    found = measures("Bilateral trade between Peru and Bolivia rose to $2 billion in 2023. "
                     "In the first three months of 2024 it hit $600 million.")
    assert set(found.values()) == {"Bolivia-Peru bilateral trade"}


# --- bilateral trade names its parties ------------------------------------------------------

@pytest.mark.parametrize("sentence", [
    "Bilateral trade between Kenya and Ethiopia reached $5.2 billion in 2024.",
    "Trade between Ethiopia and Kenya reached $5.2 billion in 2024.",
    "In 2024, two-way trade between Kenya and Ethiopia reached more than US$5.2 billion, officials said.",
    "Kenya's trade with Ethiopia reached $5.2 billion in 2024.",
])
def test_bilateral_trade_names_the_two_countries_in_either_order(sentence: str) -> None:
    assert measure(sentence) == "Ethiopia-Kenya bilateral trade"


def test_bilateral_trade_of_different_pairs_does_not_share_a_key() -> None:
    a = measures("Bilateral trade between Kenya and Ethiopia reached $5.2 billion in 2024.")
    b = measures("Bilateral trade between Vietnam and Cambodia reached $5.2 billion in 2024.")
    assert a["$5.2 billion"] != b["$5.2 billion"]


def test_bilateral_trade_without_named_parties_takes_the_documents_pair() -> None:
    text = ("Senegal and Morocco signed three accords on fisheries. Morocco will train Senegalese crews, "
            "and Senegal will open its ports to Moroccan trawlers. Morocco and Senegal also agreed to meet "
            "again in Dakar.\n\nBilateral trade reached $3 billion in 2024, the ministry said.")
    assert measures(text)["$3 billion"] == "Morocco-Senegal bilateral trade"


def test_bilateral_trade_stays_unnamed_when_the_document_has_no_clear_pair() -> None:
    assert measure("Bilateral trade reached $3 billion in 2024, the ministry said.") == "bilateral trade"


def test_a_trade_phrase_the_vocabulary_cannot_word_keeps_its_own_words_with_the_parties() -> None:
    assert measure("Non-oil trade between Oman and India grew to $9 billion in 2024.") == "India-Oman non-oil trade"
    assert measure("Canada is a big partner of South Korea, with two-way goods trade of $16 billion in 2024.") == \
        "Canada-South Korea two-way goods trade"


def test_a_currency_code_is_not_a_country() -> None:
    # "US$" is a dollar, not a third party of the trade
    assert measure("Trade between Nigeria and Ghana reached US$1.4 billion in 2023.") == "Ghana-Nigeria bilateral trade"


def test_a_sentence_initial_article_is_not_part_of_what_a_value_is_of() -> None:
    assert measure("The port deal was worth $450 million, officials said.") == "value of port deal"


# --- tonnes of goods, costs, levels set by a verb, shares of a sum --------------------------

@pytest.mark.parametrize(("sentence", "expected"), [
    # the goods after "tonnes of" are what is counted, whatever the verb; time words end them
    ("The navy flew in 180 tonnes of relief goods within four days of the storm.", "relief goods"),
    ("Inspectors have seized 86 tonnes of cocoa beans so far this year.", "cocoa beans seized"),
    # "X will cost N": the cost of X
    ("The new rail bridge is estimated to cost 31 trillion dong.", "cost of new rail bridge"),
    ("The port upgrade will cost $400 million.", "cost of port upgrade"),
    # a level set by a passive or an infinitive verb is the subject's
    ("The duty-free quota for sugar would be raised to 90,000 tonnes.", "duty-free quota for sugar"),
    ("Analysts expect annual remittances to reach $3 billion.", "annual remittances"),
])
def test_the_words_around_a_quantity_say_what_it_measures(sentence: str, expected: str) -> None:
    found = measures(sentence)
    figure = next(k for k in found if "tonnes" in k or "$" in k or "dong" in k)
    assert found[figure] == expected


def test_a_percent_ending_its_clause_after_a_sum_is_a_share_of_that_sum() -> None:
    found = measures("The tunnel is expected to cost about $1.5 billion, with a development bank lending "
                     "up to 40 per cent.")
    assert found["40 per cent"] == "share of cost of tunnel"


def test_up_to_before_a_percent_is_a_bound_not_growth() -> None:
    assert measures("The bank will lend up to 40 per cent of the cost of the tunnel.") == {
        "40 per cent": "share of cost of the tunnel"}


def test_a_percent_naming_its_own_noun_is_no_share_of_an_earlier_sum() -> None:
    found = measures("For incomes above $1 million, the plan sets a 30 percent effective tax rate.")
    assert not (found.get("30 percent") or "").startswith("share of")


@pytest.mark.parametrize(("sentence", "written", "expected"), [
    ("Beef prices in the capital have risen by nearly a third since 2023.", "a third",
     "beef prices in the capital growth"),
    ("Coffee exports have fallen by a third since 2022.", "a third", "coffee exports decline"),
    ("Water demand in the basin is expected to grow by a quarter by 2040.", "a quarter",
     "water demand in the basin growth"),
])
def test_a_change_by_a_fraction_is_a_growth_rate_of_its_subject(sentence: str, written: str,
                                                                expected: str) -> None:
    assert measures(sentence)[written] == expected


def test_a_range_of_percents_without_between_has_both_bounds_of_one_change() -> None:
    assert measures("The dry-season flow has fallen by 12 to 15 per cent over two decades.") == {
        "12": "dry-season flow decline", "15 per cent": "dry-season flow decline"}


def test_a_change_from_one_level_to_another_stays_two_levels() -> None:
    assert measures("Unemployment fell from 12 to 9 percent.") == {"12": "unemployment rate",
                                                                  "9 percent": "unemployment rate"}


# --- 4 December 2026: distances from a place; "it" carries a sum's measure to sums only ----------------


@pytest.mark.parametrize(("sentence", "written", "expected"), [
    ("The patrol boat was about 16 nautical miles east of Pag-asa Island on Sunday.", "16 nautical miles",
     "distance east of Pag-asa Island"),
    ("The town lies 40 km from the border, officials said.", "40 km", "distance from the border"),
    ("Troops pulled back at least 5 km from the line of contact.", "5 km", "distance from the line of contact"),
])
def test_a_distance_from_a_place_is_measured_as_that_distance(sentence: str, written: str, expected: str) -> None:
    assert measures(sentence)[written] == expected


def test_nautical_miles_are_their_own_unit() -> None:
    doc = Document(Source(id="t", text="The ship sailed 300 nautical miles.", published="2025-03-01"))
    assert [f.fields["unit"] for f in extract_statistics(doc)] == ["nautical miles"]


def test_it_carries_the_last_sums_measure_to_a_sum_but_not_to_output_or_its_change() -> None:
    found = measures("The tariff fell to $16.7 per kilowatt-month in 2024. It produced 79.4 million "
                     "megawatt-hours last year, down 4% from 2024 because of drought.")
    assert found["$16.7"] == "tariff"
    assert found["79.4 million megawatt-hours"] != "tariff" and found["4%"] != "tariff decline"
    assert measures("Exports to Chile reached $2 billion in 2023. It was $1.5 billion a year earlier.")[
        "$1.5 billion"] == measures("Exports to Chile reached $2 billion in 2023.")["$2 billion"]


def test_what_was_worth_a_sum_is_its_subject_not_a_pronoun_or_a_verb() -> None:
    found = measures("The two sides signed a gas supply deal in May. It was worth $5 billion.")
    assert found["$5 billion"] != "value of It"
    assert measure("The stake is worth $3 billion.") == "value of stake"
    assert measure("Two-way trade between the countries was worth A$18.9 billion in 2024.") == (
        "value of two-way trade between the countries")
    assert measure("Trade at the land port, the busiest on the border, was worth $3 billion last year.") != "value of was"


def test_a_sum_worth_after_a_list_is_the_value_of_its_last_noun_phrase() -> None:
    assert measure("Peru will contribute land and tax exemptions worth $40 million, the minister said.") == (
        "value of tax exemptions")
    assert measures("Chile has extended three lines of credit worth $7.8 billion since 2010, officials said.")[
        "$7.8 billion"] == "value of lines of credit"


def test_trade_between_the_countries_is_the_articles_pair_not_another_country_of_the_sentence() -> None:
    text = ("Peru and Chile signed a port accord on Monday. Peru sells copper to Chile, and Chile sells wine to "
            "Peru.\n\nTwo-way trade between the countries was worth $8.9 billion in 2024, but it remains small "
            "beside either country's trade with Brazil.")
    found = measures(text)
    assert "Chile-Peru" in found["$8.9 billion"] and "Brazil" not in found["$8.9 billion"]


def test_a_that_joining_a_clause_refers_back_to_no_sum() -> None:
    found = measures("Peru will contribute tax exemptions worth $40 million, the minister said. Trade between Peru "
                     "and Chile rose 11 percent to $2.4 billion in 2025, the ministry said, adding that both "
                     "governments had set a target of $5 billion by 2030.")
    assert "trade" in found["$5 billion"]


def test_a_hyphenated_sum_keeps_its_scale_and_measures_the_noun_after_it() -> None:
    doc = Document(Source(id="t", text="The firm broke ground on a $210-million cathode plant in Batangas.",
                          published="2025-03-01"))
    [stat] = extract_statistics(doc)
    assert (stat.fields["normalized"], stat.fields["measure"]) == (210_000_000, "cost of cathode plant")


def test_a_signed_percent_after_a_sum_is_its_change_not_a_share() -> None:
    found = measures("• Bilateral trade, 2025: $14.8 billion (+6.2%)\n\n• Exports, 2026: $3.9 billion (-11%)")
    assert found["6.2%"] == "bilateral trade growth" and found["11%"] == "exports decline"


# --- a figure's measure from the words around it: dimensions, "it takes", conversion lines, relative clauses ---

@pytest.mark.parametrize(("sentence", "expected"), [
    ("The border itself is 4,096 km long and runs through rice fields.", "length of the border"),
    ("The new bridge will be 1,350 metres long.", "length of the new bridge"),
    ("The line is only 4 kilometres long.", "length of the line"),
    ("The trench is 11 metres deep.", "depth of the trench"),
    ("A 120-km long pipeline was built.", "pipeline length"),
])
def test_a_dimension_adjective_after_a_distance_names_what_it_measures(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("It takes six months to get a business permit here, he said.", "time to get a business permit"),
    ("It took 40 minutes for trucks to clear customs.", "time to clear customs"),
])
def test_it_takes_a_duration_to_do_something_is_the_time_to_do_it(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("($1 = 154.20 yen)", "exchange rate, yen per US dollar"),
    ("(€1 = 1.08 Swiss francs)", "exchange rate, Swiss francs per euro"),
])
def test_a_wire_conversion_line_is_an_exchange_rate(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The Nairobi-Kampala rail link, which cost some $1.2 billion, opened in 2023.", "cost of Nairobi-Kampala rail link"),
    ("Ghana financed the new port terminal, which cost $300 million.", "cost of new port terminal"),
    ("The ministers welcomed the growth of bilateral trade, which reached $26.8 billion in 2025.", "bilateral trade"),
])
def test_a_relative_clause_after_a_comma_measures_its_antecedent(sentence: str, expected: str) -> None:
    found = measures(sentence)
    assert next(iter(found.values())) == expected, found


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The $2 billion railway opened in May.", "cost of railway"),
    ("The US$5.9bn line opened in 2021.", "cost of line"),
    ("Kenya approved the $450 million port deal.", "value of port deal"),
    ("Ghana won a $3 billion IMF loan.", "value of IMF loan"),
    ("Cambodia was hit by a 19 percent US tariff on its goods.", "US tariff on its goods"),
])
def test_a_figure_before_a_noun_measures_that_noun(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


@pytest.mark.parametrize("sentence", [
    "Large retailers must still meet the $1 million rule.",
    "Donors gave a further $2 billion in loans.",
])
def test_a_bound_or_a_preposition_after_a_sum_is_no_noun_it_measures(sentence: str) -> None:
    assert not (measure(sentence) or "").startswith(("value of", "cost of"))


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Fiji will get a F$52 million fund.", "FJD"),
    ("Maldivians spend an estimated MVR 925 million a year on treatment.", "MVR"),
    ("The fund is worth 300 million rufiyaa.", "MVR"),
    ("The embankment will cost 420 billion tugrik.", "MNT"),
    ("A ticket in Sri Lanka costs Rs. 45,000.", "LKR"),  # "Rs." ends no sentence
])
def test_a_currency_of_the_region_is_its_own_unit_not_the_us_dollar(sentence: str, unit: str) -> None:
    doc = Document(Source(id="t", text=sentence, published="2025-03-01"))
    [stat] = extract_statistics(doc)
    assert stat.fields["unit"] == unit


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The authority would spend Rs. 2.1 billion ($6.9 million) on refurbishing the terminal in Sri Lanka.",
     "spending on refurbishing the terminal"),
    ("Jakarta will spend 3.2 trillion rupiah on a port, a substation and a road.", "spending on port"),
    ("Kenya spent $5 million on the new road last year.", "spending on new road"),
])
def test_what_a_sum_is_spent_on_skips_a_conversion_an_article_and_a_time(sentence: str, expected: str) -> None:
    assert next(iter(measures(sentence).values())) == expected


def test_a_place_after_a_spent_sum_is_not_what_it_is_spent_on() -> None:
    assert not (measure("The port will spend $2.1 billion in Colombo.") or "").startswith("spending on in")


@pytest.mark.parametrize(("sentence", "display", "unit"), [
    ("The market will open twice a week, on Wednesdays and Saturdays.", "twice a week", "times"),
    ("The ferry will leave once a week from March.", "once a week", "times"),
    ("The airlines fly 28 times a week between the two capitals.", "28 flights a week", "flights"),
])
def test_a_frequency_is_a_count_per_period_shown_as_written(sentence: str, display: str, unit: str) -> None:
    doc = Document(Source(id="t", text=sentence, published="2025-03-01"))
    [stat] = extract_statistics(doc)
    assert (stat.fields["display"], stat.fields["unit"]) == (display, unit)


def test_a_frequency_told_as_the_alternative_not_chosen_is_no_figure() -> None:
    doc = Document(Source(id="t", text="The commission will meet every quarter rather than once a year.",
                          published="2025-03-01"))
    assert extract_statistics(doc) == []


@pytest.mark.parametrize(("sentence", "expected"), [
    ("The finance ministry has put the total cost of the embankment project at 420 billion tugrik.",
     "total cost of the embankment project"),
    ("The government in Suva put the damage at F$260 million.", "damage"),
    ("Analysts estimated the losses at $3 billion.", "losses"),
])
def test_what_someone_puts_a_figure_at_is_its_measure(sentence: str, expected: str) -> None:
    assert measure(sentence) == expected


def test_an_estimate_of_a_share_keeps_what_is_estimated() -> None:
    found = measures("The administrator put informal trade across the river at between 30 and 40 per cent of the "
                     "recorded figure.")
    assert set(found.values()) == {"informal trade across the river as a share of recorded figure"}


def test_a_figure_put_on_a_pronoun_takes_no_pronoun_as_its_measure() -> None:
    assert (measure("Two people familiar with the talks put it at $400 million.") or "") != "it"


@pytest.mark.parametrize(("sentence", "expected"), [
    ("A five-litre jerrycan of cooking oil sells for Rp 96,000 on her side of the border.",
     "price of five-litre jerrycan of cooking oil"),
    ("The market is a Rp 86 billion (about US$5.2 million) hall with 640 stalls.", "cost of hall"),
    ("They agreed to raise Indonesia's annual quota for Australian live cattle by 25 percent.",
     "increase in Indonesia's annual quota for Australian live cattle"),
])
def test_price_cost_and_a_change_made_to_a_thing(sentence: str, expected: str) -> None:
    found = measures(sentence)
    assert expected in found.values(), found


@pytest.mark.parametrize(("sentence", "unit"), [
    ("Some 17,000 Sri Lankans work in the Maldives.", "Sri Lankans"),
    ("Some 17,000 Filipinos work in Japan.", "Filipinos"),
    ("About a million Ghanaians live abroad.", "Ghanaians"),
])
def test_a_nationality_in_the_plural_is_a_count_of_people(sentence: str, unit: str) -> None:
    doc = Document(Source(id="t", text=sentence, published="2025-03-01"))
    [stat] = extract_statistics(doc)
    assert stat.fields["unit"] == unit
