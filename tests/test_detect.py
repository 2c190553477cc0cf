"""The plain-text metadata detector: its rules on made-up news copy, and how close it comes
to the curated metadata of the five bundled articles without being told."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.core.model import METADATA_FIELDS
from bilateral.ingest.detect import detect_metadata
from bilateral.ingest.sources import read_metadata

SOURCES = Path(__file__).resolve().parents[1] / "data" / "sources"
BODY = ("The council approved the budget on Tuesday after a long debate, and the mayor said the vote "
        "was a turning point for the city.\n\nMore paragraphs follow here, as in any article.\n")


def value(text: str, field: str) -> str | None:
    return detect_metadata(text)[field]["value"]


def _same(a: str | None, b: str | None) -> bool:
    return (a or "").casefold() == (b or "").casefold()


# ---------------------------------------------------------------- the bundled articles

def test_bundled_articles_agree_with_their_curated_records() -> None:
    rows, agree, total, invented = [], 0, 0, []
    for txt in sorted(SOURCES.glob("*.txt")):
        detected = detect_metadata(txt.read_text(encoding="utf-8"))
        curated = read_metadata(txt.with_suffix(".json"))
        for field in METADATA_FIELDS:
            got, want = detected[field]["value"], curated[field]["value"]
            ok = _same(got, want)
            agree += ok
            total += 1
            if field in ("title", "author") and want is None and got is not None:
                invented.append(f"{txt.stem} {field}: {got!r}")
            rows.append(f"{txt.stem[:3]:4} {field:10} {'ok' if ok else 'DIFF':5} "
                        f"detected={got!r:.60} curated={want!r:.40}")
    table = "\n".join([*rows, f"agreement {agree}/{total} = {agree / total:.0%}"])
    assert not invented, "stated where the curated record says unknown:\n" + "\n".join(invented) + "\n" + table
    assert agree / total >= 0.8, table


def test_every_detected_field_is_inferred_with_evidence() -> None:
    for txt in sorted(SOURCES.glob("*.txt")):
        meta = detect_metadata(txt.read_text(encoding="utf-8"))
        assert list(meta) == list(METADATA_FIELDS)
        for field, entry in meta.items():
            assert set(entry) == {"value", "basis", "evidence"}
            assert entry["basis"] == ("inferred" if entry["value"] else None), (txt.name, field)
            assert entry["evidence"], (txt.name, field)


# ---------------------------------------------------------------- headline

def test_headline_is_a_short_first_line_without_final_period() -> None:
    meta = detect_metadata("Harbour bridge reopens after two years of repairs\n\n" + BODY)
    assert meta["title"]["value"] == "Harbour bridge reopens after two years of repairs"
    assert meta["title"]["basis"] == "inferred"
    assert meta["title"]["evidence"] == "first line, 8 words, no final period"


@pytest.mark.parametrize("first", [
    "The council approved the budget on Tuesday.",              # a sentence: final period
    "Budget",                                                   # one word
    " ".join(["word"] * 25).capitalize(),                       # too long for a headline
])
def test_no_headline_when_the_first_line_is_not_one(first: str) -> None:
    meta = detect_metadata(first + "\n\n" + BODY)
    assert meta["title"]["value"] is None and meta["title"]["basis"] is None
    assert meta["title"]["evidence"].startswith("no headline")


def test_a_wrapped_first_sentence_is_not_a_headline() -> None:
    assert value("The council approved the budget on Tuesday after a long\ndebate in the chamber.\n", "title") is None


def test_headline_after_cookie_banner_and_advertisement() -> None:
    text = ("Advertisement\n\nWe use cookies to give you the best experience\n\nI agree\n\n"
            "Farmers count the cost of a dry spring\n\n" + BODY)
    meta = detect_metadata(text)
    assert meta["title"]["value"] == "Farmers count the cost of a dry spring"
    assert "after 3 boilerplate lines" in meta["title"]["evidence"]


def test_markdown_heading_marks_are_not_part_of_the_headline() -> None:
    assert value("# Farmers count the cost of a dry spring\n\n" + BODY, "title") == \
        "Farmers count the cost of a dry spring"


# ---------------------------------------------------------------- byline

@pytest.mark.parametrize(("line", "author"), [
    ("By Jane Doe", "Jane Doe"),
    ("BY JANE DOE AND JOHN ROE", "JANE DOE AND JOHN ROE"),
    ("By Jane Doe, Staff Reporter", "Jane Doe"),
    ("By Maria de la Cruz | Daily Bulletin", "Maria de la Cruz"),
    ("Written by Nguyen Thi Lan", "Nguyen Thi Lan"),
    ("Author: Kwame Mensah", "Kwame Mensah"),
    ("Reporting by Ana Silva; Editing by Tom Blake", "Ana Silva"),
])
def test_byline(line: str, author: str) -> None:
    meta = detect_metadata("Harbour bridge reopens after repairs\n\n" + line + "\n\n" + BODY)
    assert meta["author"]["value"] == author
    assert meta["author"]["evidence"].startswith("byline '")


@pytest.mark.parametrize("line", [
    "By continuing to browse our site you agree to our use of cookies.",
    "By pressing the Subscribe button, you confirm that you have read our Privacy Policy",
    "Translated by Chen Wei",
    "Media Contact",
])
def test_not_a_byline(line: str) -> None:
    assert value("Harbour bridge reopens after repairs\n\n" + line + "\n\n" + BODY, "author") is None


def test_editors_note_introducing_the_writer_of_an_op_ed() -> None:
    text = ("Why the harbour needs a second bridge\n\nEditor's Note: Amara Osei, a columnist on urban affairs, "
            "is a lecturer in planning. The article reflects the author's opinions.\n\n" + BODY)
    meta = detect_metadata(text)
    assert meta["author"]["value"] == "Amara Osei"
    assert "editor's note" in meta["author"]["evidence"]


# ---------------------------------------------------------------- dateline, date, publisher

def test_agency_dateline_without_year_leaves_the_date_unknown() -> None:
    meta = detect_metadata("Port talks resume\n\nMERIDIAN, Dec. 12 (Xinhua) -- Talks on the port resumed today.\n")
    assert meta["publisher"]["value"] == "Xinhua"
    assert meta["publisher"]["evidence"] == "agency in the dateline '(Xinhua)'"
    assert meta["published"]["value"] is None and meta["published"]["basis"] is None
    assert "gives no year" in meta["published"]["evidence"]


def test_dateline_without_year_takes_the_year_only_from_the_same_date_in_the_text() -> None:
    text = ("Leaders meet in the capital\n\nHanoi, April 14 – The two leaders met on Monday. The meeting, "
            "held on April 14, 2025, was the first in two years.\n")
    meta = detect_metadata(text)
    assert meta["published"]["value"] == "2025-04-14"
    assert "year 2025 from 'April 14, 2025' elsewhere in the text" in meta["published"]["evidence"]
    # a different date with a year elsewhere does not lend its year
    other = "Leaders meet in the capital\n\nHanoi, April 14 – The two leaders last met in March 2023.\n"
    assert value(other, "published") is None


def test_dateline_with_year_and_agency() -> None:
    meta = detect_metadata("Mine reopens\n\nLONDON, 14 April 2025 (Reuters) - The mine reopened.\n")
    assert meta["published"] == {"value": "2025-04-14", "basis": "inferred",
                                 "evidence": "dateline 'LONDON, 14 April 2025 (Reuters) -'"}
    assert meta["publisher"]["value"] == "Reuters"


def test_dateline_with_agency_only() -> None:
    meta = detect_metadata("Storm hits coast\n\nWASHINGTON (AP) — A storm hit the coast on Friday.\n")
    assert meta["publisher"]["value"] == "AP"
    assert meta["published"]["value"] is None


@pytest.mark.parametrize(("line", "date"), [
    ("Published: 15 April 2025", "2025-04-15"),
    ("April 15, 2025", "2025-04-15"),
    ("Tuesday, April 15, 2025 10:32 GMT", "2025-04-15"),
    ("Posted on 2024-11-03", "2024-11-03"),
])
def test_date_line(line: str, date: str) -> None:
    meta = detect_metadata("Harbour bridge reopens after repairs\n\n" + line + "\n\n" + BODY)
    assert meta["published"]["value"] == date
    assert meta["published"]["evidence"] == f"date line '{line}'"


def test_updated_line_is_not_the_publication_date() -> None:
    assert value("Harbour bridge reopens after repairs\n\nUpdated: 15 April 2025\n\n" + BODY, "published") is None


@pytest.mark.parametrize(("footer", "publisher"), [
    ("See on NewsWireHub", "NewsWireHub"),
    ("Source: Valley Courier", "Valley Courier"),
    ("Copyright © 2024 The Harbour Times. All rights reserved.", "The Harbour Times"),
    ("© 2023 Northern Post", "Northern Post"),
])
def test_publisher_footers(footer: str, publisher: str) -> None:
    assert value("Harbour bridge reopens after repairs\n\n" + BODY + "\n" + footer + "\n", "publisher") == publisher


def test_publisher_from_an_opinion_disclaimer() -> None:
    text = ("Why the harbour needs a second bridge\n\n" + BODY
            + "\nThe article reflects the author's opinions and not necessarily the views of Harbour Weekly.\n")
    meta = detect_metadata(text)
    assert meta["publisher"]["value"] == "Harbour Weekly"
    assert meta["publisher"]["evidence"].startswith("opinion disclaimer")


def test_distributor_footer_wins_over_dateline_and_credit() -> None:
    text = ("Harbour bridge reopens\n\nPortside, Apr 15, 2025 (Wirely.com) - The bridge reopened.\n\n"
            "Source: Harbour Times\n\nSee on Wirely\n")
    assert value(text, "publisher") == "Wirely"


def test_url_only_from_a_labelled_line() -> None:
    assert value("Harbour bridge reopens\n\n" + BODY + "\nURL: https://news.example.org/bridge\n", "url") == \
        "https://news.example.org/bridge"
    assert value("Harbour bridge reopens\n\n" + BODY + "\nMore at https://news.example.org/other\n", "url") is None


def test_body_only_text_has_nothing_invented() -> None:
    meta = detect_metadata(BODY)
    assert all(entry["value"] is None and entry["basis"] is None for entry in meta.values()), meta


def test_breadcrumbs_reading_time_and_captions_are_skipped_before_the_headline() -> None:
    text = ("Home > World > Asia\n\n4 minute read\n\nPhoto: a container ship at the quay\n\n"
            "Port operator posts record quarter as trade rebounds\n\n" + BODY)
    meta = detect_metadata(text)
    assert meta["title"]["value"] == "Port operator posts record quarter as trade rebounds"
    assert meta["title"]["evidence"] == "line 4 (after 3 boilerplate lines), 8 words, no final period"


def test_a_caption_before_body_text_is_not_a_headline() -> None:
    assert value("Photo: a ferry arrives at the pier\n\n" + BODY, "title") is None


def test_an_editor_footer_is_not_a_byline() -> None:
    assert value("Rail talks resume\n\n" + BODY + "\nEditor: Zhang Long\n", "author") is None


def test_impossible_dates_are_not_dates() -> None:
    assert value("Rail talks resume\n\nFebruary 30, 2025\n\n" + BODY, "published") is None
    assert value("Rail talks resume\n\nFebruary 29, 2024\n\n" + BODY, "published") == "2024-02-29"


def test_a_headline_about_cookies_is_not_a_cookie_banner() -> None:
    assert value("Village bakery wins national cookie contest\n\n" + BODY, "title") == \
        "Village bakery wins national cookie contest"


def test_copyright_without_a_name_names_no_publisher() -> None:
    assert value("Harbour bridge reopens\n\n" + BODY + "\nCopyright 2024 all rights reserved\n", "publisher") is None
    assert value("Harbour bridge reopens\n\n" + BODY + "\n© 2024 by the author\n", "publisher") is None


def test_a_date_line_with_a_time_after_a_comma_is_the_publication_date() -> None:
    text = "Council passes budget\n\nBy Jane Roe\nPublished March 17, 2026, 6:12 p.m. ET\n\n" + BODY
    assert value(text, "published") == "2026-03-17"


def test_a_dateline_on_an_anniversary_takes_the_anniversary_year_not_the_origin_year() -> None:
    """"NAIROBI, June 1 (Agency) --" in a piece on the 60th anniversary of ties set up on June 1, 1964: 2024."""
    text = ("Kenya, Ghana mark 60 years of ties\n\nNAIROBI, June 1 (Agency) -- The two countries marked the "
            "60th anniversary of diplomatic relations, established on June 1, 1964. A trade deal signed in "
            "2019 was praised.\n\n" + BODY)
    assert value(text, "published") == "2024-06-01"


def test_a_dateline_without_an_anniversary_keeps_the_year_written_with_its_day() -> None:
    text = "Talks end\n\nLISBON, Oct 14 (Lusa) -- The talks held on October 14, 2025 went well.\n\n" + BODY
    assert value(text, "published") == "2025-10-14"


def test_a_section_line_ending_with_the_date_gives_the_publication_date() -> None:
    found = detect_metadata("ANDES DESK | World | Friday 4 December 2026\n\nLima and Santiago trade protests\n\n"
                            "LIMA – Peru and Chile traded diplomatic protests this week.")["published"]
    assert (found["value"], found["basis"]) == ("2026-12-04", "inferred")
    assert "ANDES DESK | World | Friday 4 December 2026" in found["evidence"]
    assert detect_metadata("A title\n\nNews | Sports\n\nThe match was played.")["published"]["value"] is None
