"""The lexicon: loaded once, passed in, and another one changes what the pipeline finds."""

from __future__ import annotations

import dataclasses

from bilateral.core.model import Source
from bilateral.ingest import dates, detect, periods
from bilateral.ingest.lexicon import FILES, MONTHS, Lexicon, default_lexicon
from bilateral.ingest.pipeline import extract_document
from bilateral.ingest.text import Document

REPORTED = ("Harriet Vance, the chief executive of the port authority, opined that the new terminal "
            "would double freight traffic within two years.")
TAGGED = '"The harbour has never been busier," opined Harriet Vance, the chief executive of the port authority.'


def quotes(text: str, lexicon: Lexicon | None = None) -> list[tuple[str, str | None, str]]:
    findings = extract_document(Document(Source(id="t", text=text)), lexicon)
    return [(f.fields["quote_kind"], f.fields["speaker_name"], f.fields["text"]) for f in findings
            if f.kind == "quote"]


def test_the_default_lexicon_is_read_once() -> None:
    assert default_lexicon() is default_lexicon()
    assert set(FILES) == {"speech", "calendar", "numbers", "titles", "people", "people_names", "measures",
                          "agreements"}


def test_a_lexicon_with_another_speech_verb_finds_a_statement_the_default_does_not() -> None:
    assert "opined" not in default_lexicon().speech["core"]
    assert quotes(REPORTED) == []
    opining = default_lexicon().with_words("speech", "core", ["opined"])
    [(kind, speaker, text)] = quotes(REPORTED, opining)
    assert (kind, speaker) == ("reported", "Harriet Vance")
    assert text.startswith("the new terminal would double freight traffic")
    # the default lexicon is untouched, and its compiled patterns are its own
    assert "opined" not in default_lexicon().speech["core"]
    assert quotes(REPORTED) == []


def test_a_tag_verb_of_another_lexicon_attributes_a_direct_quotation() -> None:
    assert [q[0] for q in quotes(TAGGED)] != ["direct"]
    lex = default_lexicon().with_words("speech", "tag", ["opined"]).with_words("speech", "core", ["opined"])
    assert quotes(TAGGED, lex) == [("direct", "Harriet Vance", "The harbour has never been busier")]


def test_derived_tables_are_built_once_per_lexicon() -> None:
    lex = Lexicon.load()
    built: list[int] = []

    def build(lexicon: Lexicon) -> int:
        built.append(1)
        return len(lexicon.speech["core"])

    assert lex.derived("test.count", build) == lex.derived("test.count", build)
    assert len(built) == 1
    other = lex.with_words("speech", "core", ["opined"])
    assert other.derived("test.count", build) == lex.derived("test.count", build) + 1
    assert len(built) == 2


def test_one_month_table() -> None:
    assert MONTHS["sept"] == 9 and MONTHS["may"] == 5 and len(set(MONTHS.values())) == 12
    assert dates.MONTHS is MONTHS and periods.MONTHS is MONTHS and detect._MONTHS is MONTHS


def test_a_lexicon_with_other_countries_gives_an_agreement_its_parties() -> None:
    text = ("Officials from Freedonia and Sylvania signed the Freedonian-Sylvanian Free Trade Agreement in 2021, "
            "ending years of talks.")
    lex = default_lexicon()
    titles = dict(lex.titles)  # the one country list: agreements know every country of titles.json
    titles["countries"] = [*titles["countries"], "Freedonia", "Sylvania"]
    titles["nationalities"] = {**titles["nationalities"], "Freedonian": "Freedonia", "Sylvanian": "Sylvania"}
    wider = dataclasses.replace(lex, titles=titles)

    def parties(lexicon: Lexicon | None) -> list[list[str]]:
        findings = extract_document(Document(Source(id="t", text=text)), lexicon)
        return [f.fields["parties"] for f in findings if f.kind == "agreement"]

    assert parties(None) == [[]]
    assert parties(wider) == [["Freedonia", "Sylvania"]]
    assert parties(None) == [[]]  # the default lexicon's compiled country pattern is its own


def test_the_verbs_that_attribute_figures_are_the_lexicons() -> None:
    text = "Exports of coffee rose 12 percent to $4.1 billion in 2023, Tomas Ferreira remarked."

    def sources(lexicon: Lexicon | None) -> set[str | None]:
        findings = extract_document(Document(Source(id="t", text=text)), lexicon)
        return {f.fields["according_to"] for f in findings if f.kind == "statistic"}

    assert sources(None) == {None}  # "remarked" is a speech verb, not one that reports figures
    assert sources(default_lexicon().with_words("speech", "figures", ["remarked"])) == {"Tomas Ferreira"}


def test_statistics_know_every_country_of_the_one_country_list() -> None:
    from bilateral.ingest.statistics import vocabulary

    lex = default_lexicon()
    known = {name for name, _ in vocabulary(lex).countries}
    nationalities = {country for country in lex.titles["nationalities"].values() if country}
    aliases = lex.titles["country_aliases"]
    missing = [c for c in lex.titles["countries"]
               if not c.startswith("the ") and aliases.get(c, c) in nationalities and c not in known]
    assert missing == []
    titles = dict(lex.titles)
    titles["countries"] = [*titles["countries"], "Freedonia"]
    titles["nationalities"] = {**titles["nationalities"], "Freedonian": "Freedonia"}
    wider = dataclasses.replace(lex, titles=titles)
    assert ("Freedonia", "Freedonian") in vocabulary(wider).countries


def test_one_table_of_number_words_and_one_of_quarter_ordinals() -> None:
    from bilateral.ingest import numbers

    words = default_lexicon().numbers
    assert tuple(words["tens"]) == numbers.TENS and numbers.ORDINALS["twentieth"] == 20
    assert dates._ORDINALS is periods._ORDINAL_QUARTER
    assert dates._ORDINALS["final"] == 4 and periods._ORDINAL_QUARTER["3rd"] == 3


def test_agreements_know_every_country_and_alias_of_the_one_country_list() -> None:
    from bilateral.ingest.agreements import countries_in, vocabulary

    lex = default_lexicon()
    spellings = lex.country_spellings()
    assert spellings["Viet Nam"] == "Vietnam" and spellings["ROK"] == "South Korea" and spellings["Ghanaian"] == "Ghana"
    known = vocabulary(lex).country_of
    assert all(known[spelling] == country for spelling, country in spellings.items())
    assert countries_in("Albanian and Croatian officials met in Tirana.", vocab=vocabulary(lex)) == ["Albania", "Croatia"]
