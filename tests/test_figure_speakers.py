"""Who a figure is according to when someone states it: the speaker the quote reader finds for the
sentence (one resolver for quotes and statistics), on made-up news sentences."""

from __future__ import annotations

from bilateral.core.model import Source
from bilateral.ingest.pipeline import extract_document
from bilateral.ingest.statistics import extract_statistics
from bilateral.ingest.text import Document


def sources(text: str) -> dict[str, str | None]:
    """as written -> according_to, for every figure of ``text``."""
    doc = Document(Source(id="t", text=text, published="2026-03-10"))
    return {f.fields["as_written"]: f.fields["according_to"] for f in extract_statistics(doc)}


def test_a_figure_in_a_sentence_a_titled_person_tells_reporters_is_theirs() -> None:
    found = sources("Laos will contribute land worth 4.6 trillion kip, Vietnam's Minister of Construction "
                    "Dang Quang Vinh told reporters.")
    assert found["4.6 trillion kip"] == "Dang Quang Vinh"


def test_a_short_name_with_a_particle_speaks_for_the_figures_of_its_sentence() -> None:
    found = sources("Defence Minister Gilberto dela Cruz arrived in Manila on Monday.\n\n"
                    "The navies will hold an exercise in July with four warships taking part, Mr dela Cruz said.")
    assert found["four warships"] == "Gilberto dela Cruz"


def test_a_pronoun_speaker_is_the_person_it_points_back_to() -> None:
    found = sources("Energy Minister Viengsay Keomany spoke in Vientiane on Monday.\n\n"
                    "Power sales reached 6.3 billion kilowatt-hours last year, she said.")
    assert found["6.3 billion kilowatt-hours"] == "Viengsay Keomany"


def test_a_figure_others_report_inside_a_statement_is_not_the_speakers() -> None:
    found = sources("Defence Minister Bambang Hartono told reporters that Jakarta was in talks to buy missiles, "
                    "a deal reported to be worth about $450 million.")
    assert found["$450 million"] is None


def test_a_plan_announced_keeps_its_figures_unattributed() -> None:
    found = sources("Trade Minister Anna Berg announced that the fund would grow to $3 billion.")
    assert found["$3 billion"] is None


def test_a_source_whose_name_holds_a_list_keeps_the_whole_name() -> None:
    found = sources("Kenya exported 600,000 tonnes of tea last year, according to the Ministry of Agriculture, "
                    "Livestock and Fisheries, and prices rose.")
    assert found["600,000 tonnes"] == "the Ministry of Agriculture, Livestock and Fisheries"


def test_an_office_it_points_back_to_gives_the_figures_it_says() -> None:
    found = sources("The Interior Ministry said in a statement that the floods had cut two highways. "
                    "It said that 12 people had been killed and 30 injured.")
    assert found["12 people"] == "Interior Ministry"
    assert found["30"] == "Interior Ministry"


def test_a_figure_in_a_transcript_turn_is_according_to_the_speaker() -> None:
    text = ("The coast guard held a briefing on Tuesday, led by Commodore Ramon Bautista and Assistant Secretary "
            "Ana Lim-Reyes.\n\nCDRE. BAUTISTA: We monitored a total of 26 Chinese vessels in the area.\n\n"
            "ASEC. LIM-REYES: The ministry condemns this act.\n")
    [figure] = [f for f in extract_document(Document(Source(id="t", text=text, published="2026-11-24")))
                if f.kind == "statistic"]
    assert (figure.fields["value"], figure.fields["according_to"]) == (26, "Ramon Bautista")


def test_a_figure_in_an_interviews_answer_is_the_interviewees() -> None:
    found = sources("We put some questions to Ana Lim-Reyes, Peru's chief negotiator. Edited excerpts:\n\n"
                    "Q: How much trade is at stake?\n\n"
                    "A: About $4.2 billion a year. That is a lot for us.\n\n"
                    "Q: And fisheries?\n\n"
                    "A: They employ 70,000 people.\n")
    assert found["$4.2 billion"] == "Ana Lim-Reyes"
    assert found["70,000 people"] == "Ana Lim-Reyes"
