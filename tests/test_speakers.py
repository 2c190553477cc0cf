"""Quotes and their speakers in the forms English news writes them, on sentences made up for these tests.

One test (or a few) per kind of miss seen on real news: quotations split by their tag, reported speech,
pronoun / role / organisation speakers, "according to", partial quotations, very short quotations, names
with apostrophes or made of English words, and the subject (not a name inside the clause) as the speaker.
"""

from __future__ import annotations

from bilateral.core.model import Source
from bilateral.ingest.findings import Finding
from bilateral.ingest.people import extract_people, name_after_titles
from bilateral.ingest.quotes import extract_quotes
from bilateral.ingest.text import Document

INTRO = "Trade Minister Jane Holloway visited Nairobi on Tuesday to meet Kenyan officials.\n\n"


def quotes_of(text: str) -> list[Finding]:
    doc = Document(Source(id="t", text=text))
    return extract_quotes(doc, extract_people(doc)[1])


def found(text: str) -> list[tuple[str, str | None, str, str]]:
    return [(q.fields["quote_kind"], q.fields["speaker"], q.fields["speaker_name"], q.fields["text"])
            for q in quotes_of(text)]


def cited(text: str, q: Finding) -> str:
    return " ".join(text[s:e] for s, e in q.spans)


# -- direct quotations in every form


def fragments(text: str) -> list[Finding]:
    """The items of the one quotation in ``text`` that comes in several fragments."""
    qs = [q for q in quotes_of(text) if q.fields.get("statement")]
    assert len({q.fields["statement"] for q in qs}) == 1
    assert [q.fields["part"] for q in qs] == list(range(1, len(qs) + 1))
    assert all(q.fields["parts"] == len(qs) for q in qs)
    return qs


def test_a_quotation_split_by_its_tag_is_one_statement_in_two_fragments() -> None:
    text = INTRO + "“Tariffs will come down,” Holloway said. “But not before the harvest.”"
    first, second = fragments(text)
    assert [(q.fields["quote_kind"], q.fields["speaker"]) for q in (first, second)] == [
        ("direct", "Jane Holloway")] * 2
    assert [q.fields["text"] for q in (first, second)] == ["Tariffs will come down", "But not before the harvest."]
    # each fragment is cited by its own sentence; the tag goes with the fragment it follows
    assert cited(text, first) == "“Tariffs will come down,” Holloway said."
    assert cited(text, second) == "“But not before the harvest.”"
    assert all(text[s:e] == cited(text, q) for q in (first, second) for s, e in q.spans)


def test_a_tag_in_the_middle_of_one_sentence() -> None:
    text = INTRO + "“The port,” said Holloway, “will double its capacity by 2028.”"
    parts = fragments(text)
    assert [q.fields["speaker"] for q in parts] == ["Jane Holloway"] * 2
    assert [q.fields["text"] for q in parts] == ["The port", "will double its capacity by 2028."]


def test_a_long_tag_between_the_two_halves() -> None:
    text = INTRO + ('"I expect a fair deal," Holloway said at a news conference in Mombasa, '
                    '"but we will not sign at any price."')
    assert [q.fields["text"] for q in fragments(text)] == ["I expect a fair deal",
                                                          "but we will not sign at any price."]


def test_a_quotation_running_over_paragraphs_with_an_unclosed_opening_mark() -> None:
    text = INTRO + ("Holloway said in a statement:\n\n"
                    "“We have waited long enough for the rail link. The money is there.\n\n"
                    "“Now the builders must deliver,” she said.")
    parts = fragments(text)
    assert [q.fields["speaker"] for q in parts] == ["Jane Holloway"] * 2
    assert parts[0].fields["text"].endswith("The money is there.")
    assert parts[1].fields["text"] == "Now the builders must deliver"


def test_a_quotation_going_on_after_the_speakers_relative_clause() -> None:
    text = INTRO + ('"The plan should be ready by noon," said Tom Brandt, who ran the port authority from 1990 '
                    'to 1998, and has advised the minister since. "We cannot wait."')
    assert [(q.fields["speaker_name"], q.fields["text"]) for q in fragments(text)] == [
        ("Tom Brandt", "The plan should be ready by noon"), ("Tom Brandt", "We cannot wait.")]


def test_a_speaker_whose_title_ends_in_a_full_stop() -> None:
    text = INTRO + '"Nothing will change overnight," said the Rev. Samuel Okafor, of the parish. "But it has begun."'
    parts = fragments(text)
    assert all("Samuel Okafor" in q.fields["speaker_name"] for q in parts)
    assert [q.fields["text"] for q in parts] == ["Nothing will change overnight", "But it has begun."]


def test_a_document_speaks_for_its_authors() -> None:
    text = INTRO + '"The treatment was kept quiet," the book said.\n\n"Few people knew of it at the time."'
    got = found(text)
    assert [(k, sp, name) for k, sp, name, _ in got] == [("direct", None, "the book")] * 2


def test_a_participle_after_a_comma_reports_the_clause_subjects_words() -> None:
    text = INTRO + ("Holloway has also criticized the moderators, telling a radio host that "
                    "\"I am not happy with this format at all.\"")
    assert found(text) == [("partial", "Jane Holloway", "Jane Holloway", "I am not happy with this format at all")]
    chant = INTRO + 'Protesters marched past the stadium while chanting, "No justice, no peace."'
    assert found(chant) == [("direct", None, "Protesters", "No justice, no peace.")]


def test_british_single_quotes_guillemets_and_typewriter_doubles() -> None:
    british = INTRO + "‘We are open for business,’ Holloway told the chamber of commerce."
    guillemets = INTRO + "«Nous sommes prêts à signer», Holloway said."
    typewriter = INTRO + "''Nobody wins a trade war,'' said Holloway."
    assert found(british) == [("direct", "Jane Holloway", "Jane Holloway", "We are open for business")]
    assert found(guillemets)[0][:2] == ("direct", "Jane Holloway")
    assert found(typewriter) == [("direct", "Jane Holloway", "Jane Holloway", "Nobody wins a trade war")]


def test_speaker_before_the_quotation() -> None:
    assert found(INTRO + "Holloway told reporters: “The talks were frank.”") == [
        ("direct", "Jane Holloway", "Jane Holloway", "The talks were frank.")]
    assert found(INTRO + "Holloway then defended the plan, saying, “It pays for itself.”")[0][1] == "Jane Holloway"


def test_a_tag_that_is_a_sentence_of_its_own_after_a_question() -> None:
    text = INTRO + "“Who pays for the delay?” Holloway asked. “Not the farmers.”"
    parts = fragments(text)
    assert [q.fields["speaker"] for q in parts] == ["Jane Holloway"] * 2
    assert [q.fields["text"] for q in parts] == ["Who pays for the delay?", "Not the farmers."]


def test_very_short_quotations_with_a_tag_are_statements() -> None:
    assert found(INTRO + "“No,” Holloway said.") == [("direct", "Jane Holloway", "Jane Holloway", "No")]
    assert found(INTRO + "“We need change,” the minister said.")[0][:2] == ("direct", "Jane Holloway")


# -- reported speech


def test_reported_speech_with_a_named_speaker_in_every_tense_and_order() -> None:
    text = INTRO + (
        "Holloway said that exports had grown. "
        "Kenya will cut duties on tea next year, said Holloway. "
        "Holloway told reporters the deal would be signed in May. "
        "Holloway, who chairs the joint committee, says the border posts will open at night. "
        "Holloway was quoted as saying that the talks had been difficult."
    )
    got = found(text)
    assert ("reported", "Jane Holloway", "Jane Holloway", "exports had grown") in got
    assert ("reported", "Jane Holloway", "Jane Holloway", "Kenya will cut duties on tea next year") in got
    assert ("reported", "Jane Holloway", "Jane Holloway", "the deal would be signed in May") in got
    assert ("reported", "Jane Holloway", "Jane Holloway", "the border posts will open at night") in got
    assert ("reported", "Jane Holloway", "Jane Holloway", "the talks had been difficult") in got


def test_according_to_before_and_after_the_statement() -> None:
    text = INTRO + ("According to Holloway, the talks will resume in June. "
                    "The convoy was stopped at the border for six hours, according to the police.")
    got = found(text)
    assert ("reported", "Jane Holloway", "Jane Holloway", "the talks will resume in June") in got
    assert ("reported", None, "the police", "The convoy was stopped at the border for six hours") in got


def test_a_figure_according_to_an_office_stays_a_statistic() -> None:
    assert quotes_of(INTRO + "Trade reached $4.1 billion last year, according to the statistics bureau.") == []


def test_two_statements_in_one_sentence_each_with_its_speaker() -> None:
    text = INTRO + ("Holloway said the plan was sound, and the Kenyan agriculture minister, Peter Otieno, "
                    "said farmers would gain.")
    got = found(text)
    assert ("reported", "Jane Holloway", "Jane Holloway", "the plan was sound") in got
    assert ("reported", "Peter Otieno", "Peter Otieno", "farmers would gain") in got


def test_a_second_statement_after_the_tag_of_a_direct_quotation() -> None:
    text = INTRO + "“We are close,” Holloway said, adding that a deal could come “within weeks”."
    got = found(text)
    assert ("direct", "Jane Holloway", "Jane Holloway", "We are close") in got
    assert ("partial", "Jane Holloway", "Jane Holloway", "within weeks") in got


# -- speakers: pronouns, roles, organisations, unnamed sources


def test_pronoun_speakers_resolve_to_who_spoke_before() -> None:
    text = INTRO + "Holloway said the talks had gone well. “We will be back in March,” she said."
    assert found(text)[-1] == ("direct", "Jane Holloway", "Jane Holloway", "We will be back in March")


def test_organisations_and_unnamed_sources_speak_without_a_person() -> None:
    text = INTRO + (
        "Kenya's Foreign Ministry said the visit had strengthened ties. "
        "The network said it would appeal the ruling. "
        "The new terminal will open in April, a government spokesman announced on Friday. "
        "“The figures speak for themselves,” said one official close to the talks."
    )
    got = found(text)
    assert ("reported", None, "Kenya's Foreign Ministry", "the visit had strengthened ties") in got
    assert ("reported", None, "the network", "it would appeal the ruling") in got
    assert ("reported", None, "a government spokesman", "The new terminal will open in April") in got
    assert ("direct", None, "one official close to the talks", "The figures speak for themselves") in got


def test_the_subject_speaks_not_a_name_inside_the_reported_clause() -> None:
    text = INTRO + ("Kenyan President William Ruto met Holloway on Wednesday. "
                    "The ministry said Ruto would visit London in the autumn. "
                    "Holloway said Ruto had accepted the invitation.")
    got = found(text)
    assert ("reported", None, "The ministry", "Ruto would visit London in the autumn") not in got
    assert any(k == "reported" and name == "the ministry" for k, _, name, _ in got)
    assert ("reported", "Jane Holloway", "Jane Holloway", "Ruto had accepted the invitation") in got


def test_a_titled_speaker_the_people_pass_missed_is_named_without_the_title() -> None:
    assert name_after_titles("Deputy Energy Minister Amara Okafor-Bello") == "Amara Okafor-Bello"
    assert name_after_titles("Vietnam's Foreign Ministry") == "Vietnam's Foreign Ministry"
    assert name_after_titles("Sen. Jane Roe (D-Ore.)") == "Jane Roe"


def test_names_with_apostrophes() -> None:
    text = "Police Commissioner Sean O'Malley visited the site.\n\nO'Malley said the road would reopen on Monday."
    assert found(text) == [("reported", "Sean O'Malley", "Sean O'Malley", "the road would reopen on Monday")]


def test_a_short_name_that_is_also_an_english_word_resolves_to_the_full_name() -> None:
    text = ("Vietnam's Deputy Foreign Minister Le Hoai Long arrived in Canberra on Monday.\n\n"
            "“The sea lanes must stay open,” Long said.")
    [q] = quotes_of(text)
    assert q.fields["speaker_name"] == "Le Hoai Long"


def test_partial_quotations_inside_reported_speech() -> None:
    text = INTRO + "Holloway said the new rules were “a step backwards” for small exporters."
    # the statement is the reported clause, with the quoted words in it
    assert found(text) == [("partial", "Jane Holloway", "Jane Holloway",
                            "the new rules were “a step backwards” for small exporters")]


# -- what is not a statement


def test_a_noun_phrase_put_forward_or_shared_is_no_quote_and_a_scare_quote_no_statement() -> None:
    assert quotes_of(INTRO + "Holloway put forward a four-point plan for the ports.") == []
    assert quotes_of(INTRO + "Holloway shared her experience of the negotiations.") == []
    assert quotes_of(INTRO + "Holloway hailed the “breakthrough”.") == []
    assert quotes_of(INTRO + "Officials dubbed it the “Tea Corridor” last year.") == []


def test_a_name_that_is_also_a_modal_verb_still_speaks() -> None:
    text = "British Prime Minister Theresa May said on Monday that the talks would resume in the spring."
    [q] = quotes_of(text)
    assert q.fields["speaker_name"] == "Theresa May"
    assert q.fields["text"] == "the talks would resume in the spring"


def test_a_name_set_off_by_commas_after_a_description_and_its_short_form_later() -> None:
    text = INTRO + ("Her Kenyan counterpart, Wanjiru Kamau-Oduya, said the deal would help farmers. "
                    "Kamau-Oduya added that a joint commission would meet in June.")
    got = [(name, words) for _, _, name, words in found(text)]
    assert ("Wanjiru Kamau-Oduya", "the deal would help farmers") in got
    assert ("Wanjiru Kamau-Oduya", "a joint commission would meet in June") in got


def test_a_quotation_with_a_tag_of_its_own_is_its_own_quote() -> None:
    text = INTRO + ("“The road is open,” Holloway said. “The trucks are moving,” she added, "
                    "saying that the first convoy had crossed at dawn.")
    got = found(text)
    assert ("direct", "Jane Holloway", "Jane Holloway", "The road is open") in got
    assert ("direct", "Jane Holloway", "Jane Holloway", "The trucks are moving") in got
    assert ("reported", "Jane Holloway", "Jane Holloway", "the first convoy had crossed at dawn") in got


def test_a_trailing_collective_source_after_a_dateline_and_a_source_with_its_organisation() -> None:
    text = ("OSLO — Norway and Sweden will link their power grids by 2031, the two governments said.\n\n"
            "“We welcome the plan,” a spokesperson for the Nordic Council said in Copenhagen.")
    got = found(text)
    assert ("reported", None, "the two governments", "Norway and Sweden will link their power grids by 2031") in got
    assert ("direct", None, "a spokesperson for the Nordic Council", "We welcome the plan") in got


def test_a_possessive_speech_noun_owns_only_the_words_it_introduces() -> None:
    text = INTRO + ("Although the report did not mention Holloway's proposals, it warned of “rising political "
                    "tensions” in the region. Her call for “an open market” was welcomed.")
    got = found(text)
    assert not any(s == "Jane Holloway" and w == "rising political tensions" for _, s, _, w in got)
    assert ("partial", "Jane Holloway", "Jane Holloway", "an open market") in got


def test_it_speaks_for_an_organisation_that_spoke_just_before_and_is_otherwise_no_speaker() -> None:
    text = INTRO + ("Kenya's central bank said inflation had peaked. It added that rates would stay on hold. "
                    "The plan was costly. It said nothing about the deficit, critics noted.")
    got = found(text)
    assert ("reported", None, "Kenya's central bank", "rates would stay on hold") in got
    assert not any(name == "The plan" for _, _, name, _ in got)


def test_a_described_person_speaks_though_the_description_holds_a_list() -> None:
    text = ("Ana Lúcia Ferreira, the regional commissioner for trade, customs and free movement, said the "
            "rules would change.")
    assert [(q.fields["speaker"], q.fields["text"]) for q in quotes_of(text)] == [
        ("Ana Lucia Ferreira", "the rules would change")]


def test_a_trailing_pronoun_tag_is_the_last_speaker_not_a_name_in_the_words_reported() -> None:
    text = ("Foreign Minister Karim Haddad pointed out that the two countries set up relations in 1951. "
            "Since then, the friendship forged by President Omar Farouk has withstood every test, he said.")
    speakers = {q.fields["text"][:20]: q.fields["speaker"] for q in quotes_of(text)}
    assert speakers["Since then, the frie"] == "Karim Haddad"


def test_quoted_by_an_agency_as_saying_is_the_statement_of_the_one_quoted() -> None:
    text = INTRO + "Holloway was quoted by the state news agency as saying that the tariffs would be cut."
    assert [(q.fields["speaker"], q.fields["text"]) for q in quotes_of(text)] == [
        ("Jane Holloway", "the tariffs would be cut")]


def test_according_to_a_title_set_off_before_the_name_is_the_person() -> None:
    text = INTRO + ("Exports of tea will double by 2030, according to the Kenyan Minister of Trade and "
                    "Industry, Jane Holloway.")
    assert [q.fields["speaker"] for q in quotes_of(text)] == ["Jane Holloway"]


def test_sources_the_writer_reached_are_one_nominal_speaker() -> None:
    # "the experts I interviewed", "officials we spoke to": a contact clause after a speaker noun
    assert found("All the experts I interviewed said the proposal was more detailed than its rival.") == [
        ("reported", None, "the experts I interviewed", "the proposal was more detailed than its rival")]
    assert found("Officials we spoke to said the plan would fail within a year.") == [
        ("reported", None, "Officials we spoke to", "the plan would fail within a year")]
    # "to" before a past form is no infinitive; before a base form it still is
    assert found("The minister declined to say whether the plan would fail.") == []


def test_a_senator_mayor_or_governor_named_by_the_office_alone_is_the_one_holder() -> None:
    # "the mayor said …" after "Mayor Ana Ruiz": her statement, as "the minister" is the minister's
    for title, noun in (("Senator", "senator"), ("Mayor", "mayor"), ("Governor", "governor"),
                        ("State Councillor", "state councillor")):
        text = INTRO + f"{title} Ana Ruiz met the visitors at the port. The {noun} told reporters that the terminal would open in May."
        assert found(text) == [("reported", "Ana Ruiz", "Ana Ruiz", "the terminal would open in May")], title


def test_an_age_before_the_noun_stays_in_the_unnamed_speakers_phrase() -> None:
    # "the 34-year-old mother of three replied": the statement after ", and when pressed …," is hers
    text = ("Voters in the district were divided. The plan would not cover fathers, and when pressed on why, "
            "the 34-year-old mother of three replied, \"It is meant to help the mother.\"")
    assert [(q.fields["speaker_name"], q.fields["text"]) for q in quotes_of(text)] == [
        ("the 34-year-old mother of three", "It is meant to help the mother.")]
    assert [q.fields["speaker_name"] for q in quotes_of("A forty-two-year-old farmer said prices had doubled.")] \
        == ["a forty-two-year-old farmer"]
