"""Quotes extractor on short made-up texts: direct, partial and reported speech, and who said it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.core.model import Source
from bilateral.ingest.findings import Finding
from bilateral.ingest.people import extract_people
from bilateral.ingest.quotes import _norm, extract_quotes
from bilateral.ingest.sources import load_corpus
from bilateral.ingest.text import Document

ROOT = Path(__file__).resolve().parents[1]
INTRO = "Foreign Minister Penny Wong met Indonesian President Prabowo Subianto in Jakarta on Monday.\n\n"


def quotes_of(text: str) -> list[Finding]:
    doc = Document(Source(id="t", text=text))
    return extract_quotes(doc, extract_people(doc)[1])


def summary(text: str) -> list[tuple[str, str | None, str]]:
    return [(q.fields["quote_kind"], q.fields["speaker"], q.fields["text"]) for q in quotes_of(text)]


def test_direct_quote_with_trailing_pronoun_attribution_goes_to_the_last_speaker() -> None:
    text = INTRO + "Wong stressed that ties were strong. “A small boat cannot sail alone” she said."
    assert summary(text)[-1] == ("direct", "Penny Wong", "A small boat cannot sail alone")


def test_direct_quote_straight_marks_and_inverted_said() -> None:
    text = INTRO + '"Our door is open to all partners," said Prabowo Subianto.'
    [q] = quotes_of(text)
    assert (q.fields["quote_kind"], q.fields["speaker"]) == ("direct", "Prabowo Subianto")
    assert q.fields["text"] == "Our door is open to all partners"
    # the citation is the sentence holding the quote and its attribution
    assert [text[s:e] for s, e in q.spans] == ['"Our door is open to all partners," said Prabowo Subianto.']


def test_quote_spanning_two_sentences_keeps_both_as_citations() -> None:
    text = INTRO + "“We are neighbours. Neighbours talk,” Wong said."
    [q] = quotes_of(text)
    assert q.fields["text"] == "We are neighbours. Neighbours talk"
    assert len(q.spans) == 2


def test_partial_quote_after_possessive_speech_noun() -> None:
    text = INTRO + "Prabowo Subianto spoke briefly. His call to “reject bullying practices” drew applause."
    assert ("partial", "Prabowo Subianto", "reject bullying practices") in summary(text)


def test_partial_quote_with_as_attribution_and_repeat_is_not_duplicated() -> None:
    text = INTRO + ("The deals create tangible “highlights of cooperation” in trade, as Wong described. "
                    "Later, Wong's remark about “highlights of cooperation” was repeated.")
    found = summary(text)
    assert found.count(("partial", "Penny Wong", "highlights of cooperation")) == 1


def test_a_one_word_scare_quote_is_no_statement() -> None:
    assert quotes_of(INTRO + 'He called it a "milestone".') == []
    # "as Wong described" names who used the word; the rest of the sentence is not her statement
    assert quotes_of(INTRO + "The deals create tangible “highlights” in trade, as Wong described, for both.") == []
    assert quotes_of(INTRO + "Wong hailed the “milestone”.") == []


def test_a_noun_phrase_put_forward_or_proposed_is_no_quote() -> None:
    assert quotes_of(INTRO + "The minister put forward a five-point plan.") == []
    assert quotes_of(INTRO + "Wong put forward a notable five-point plan aimed at building a shared future.") == []
    assert quotes_of(INTRO + "Prabowo Subianto proposed new rules for fisheries in the strait.") == []
    # a proposal told as a clause is a statement
    assert ("reported", "Penny Wong", "both sides cut tariffs by half") in summary(
        INTRO + "Wong proposed that both sides cut tariffs by half.")


def test_reported_speech_forms() -> None:
    text = INTRO + (
        "Wong said that the region needed calm. "
        "According to Prabowo Subianto, the talks went well beyond expectations. "
        "Trade should grow faster than before, Wong said, adding that barriers must fall. "
        "The Indonesian leader firmly believed that peace would hold."
    )
    found = summary(text)
    assert ("reported", "Penny Wong", "the region needed calm") in found
    assert ("reported", "Prabowo Subianto", "the talks went well beyond expectations") in found
    assert ("reported", "Penny Wong", "Trade should grow faster than before") in found
    assert ("reported", "Prabowo Subianto", "peace would hold") in found


def test_second_statement_in_one_sentence() -> None:
    text = INTRO + "Wong told reporters that Canberra was “ready to listen”, but said the policy had not changed."
    found = summary(text)
    assert ("partial", "Penny Wong", "Canberra was “ready to listen”") in found
    assert ("reported", "Penny Wong", "the policy had not changed") in found
    # each statement is cited by its own words: the first stops where the second begins
    partial = next(q for q in quotes_of(text) if q.fields["quote_kind"] == "partial")
    assert text[slice(*partial.spans[0])].endswith("“ready to listen”")


def test_scare_quotes_and_names_are_not_quotes() -> None:
    text = INTRO + (
        "The two sides launched the “Year of People-to-People Exchanges” and described ties as "
        "“comrades and brothers.” The so-called “bamboo diplomacy” continues."
    )
    assert quotes_of(text) == []


def test_object_subjects_and_presented_things_are_not_statements() -> None:
    text = INTRO + (
        "The outcome of the talks with Wong underscored a shared resolve. "
        "Wong and Prabowo Subianto announced a new partnership worth much."
    )
    assert quotes_of(text) == []


def test_unnamed_collective_speakers_report_statements_without_a_person() -> None:
    [q] = quotes_of(INTRO + "Observers said that the visit mattered.")
    assert (q.fields["speaker"], q.fields["speaker_name"], q.fields["text"]) == (None, "Observers",
                                                                               "the visit mattered")


def test_same_quote_in_two_sources_has_one_key() -> None:
    a = quotes_of(INTRO + "“We will build together,” Wong said.")
    b = quotes_of("Australia's Foreign Minister Penny Wong spoke. \"We will build together,\" said Wong.")
    assert a[0].key == b[0].key == "Penny Wong|we will build together"


def test_bundled_corpus_has_enough_attributed_quotes() -> None:
    docs = [Document(s) for s in load_corpus(ROOT / "data" / "sources")]
    quotes = [q for doc in docs for q in extract_quotes(doc, extract_people(doc)[1])]
    assert len(quotes) >= 30
    assert all(q.fields["speaker_name"] for q in quotes)
    kinds = {q.fields["quote_kind"] for q in quotes}
    assert kinds == {"direct", "partial", "reported"}


def test_curly_single_quotes_keep_apostrophes_inside_and_told_attributes() -> None:
    text = ("Ethiopia's Foreign Minister Almaz Bekele Tesfaye opened the session. "
            "‘Ethiopia’s ports are ready for Kenya’s trade,’ Almaz told the delegates.")
    assert summary(text)[-1] == ("direct", "Almaz Bekele Tesfaye", "Ethiopia’s ports are ready for Kenya’s trade")


def test_speaker_after_a_title_set_off_by_commas() -> None:
    text = "Greece's deputy minister for trade, Eleni Markou, said Athens wanted exports to double by 2030."
    assert summary(text) == [("reported", "Eleni Markou", "Athens wanted exports to double by 2030")]


def test_second_statement_with_its_own_quoted_words_is_partial() -> None:
    text = ("Mexico's Foreign Secretary, Lucia Ibarra Solis, spoke. Ibarra said Mexico would not accept "
            'foreign troops, but stressed that cooperation had "never been closer."')
    kinds = summary(text)
    assert ("partial", "Lucia Ibarra Solis", 'cooperation had "never been closer."') in kinds
    assert ("reported", "Lucia Ibarra Solis", "Mexico would not accept foreign troops") in kinds


def test_quote_key_words_are_folded_by_core_and_symbols_dropped() -> None:
    # one folding (core/folding.py): ı and ł are letters; a currency sign is not a word (no "eur85")
    assert _norm("“Costs rose to €85 million,” Aydın said — Łucja’s view") == "costs rose to 85 million aydin said lucja s view"
    assert _norm("E£95 billion") == _norm("E 95 billion")


def test_speaker_after_the_rev_is_the_person_not_the_title() -> None:
    assert summary('"We will rebuild the pier before winter," said the Rev. Alan Pike.') == [
        ("direct", "Alan Pike", "We will rebuild the pier before winter")]


def test_a_plural_noun_spelled_like_a_speech_verb_is_no_statement() -> None:
    # "states", "claims", "notes" after a number or a nationality are the phrase's head noun
    assert quotes_of("The port was financed under a corridor treaty, which five West African states signed "
                     "in 2014.") == []
    assert quotes_of("Vietnamese claims in the sea overlap with those of three neighbours.") == []
    [note] = quotes_of("Minister Lynch notes the ships were ordered before she took office.")
    assert note.fields["speaker_name"].endswith("Lynch")  # a name ending like an adjective still speaks


def test_admitted_to_a_place_is_entry_not_a_statement() -> None:
    assert quotes_of("Under the new scheme, foreign students admitted to local universities will not need a "
                     "visa.") == []
    [said] = quotes_of("The minister admitted to reporters that the plan had failed.")
    assert said.fields["quote_kind"] == "reported"


def test_a_count_according_to_an_office_is_a_statistics_source_not_a_statement() -> None:
    assert quotes_of("Some 13,500 foreign students are enrolled this year, according to the education "
                     "ministry.") == []


def test_an_accusation_reports_the_quoted_words_but_not_a_bare_charge() -> None:
    quoted = summary('Opposition lawmaker Sara Lindqvist accused the cabinet of "selling out the fishermen" '
                     "and said her party would vote against the bill.")
    assert ("partial", "Sara Lindqvist", "selling out the fishermen") in quoted
    assert summary("Opposition lawmaker Sara Lindqvist accused the cabinet of corruption.") == []


def test_calling_something_reports_only_the_quoted_words_never_a_clause() -> None:
    assert summary('Provincial Governor Marta Quiroga called the tunnel "the road our grandparents dreamed of".') \
        == [("partial", "Marta Quiroga", "the road our grandparents dreamed of")]
    assert summary("Provincial Governor Marta Quiroga called the tunnel a waste of money.") == []
    # a second verb of the sentence: "… and called it …" presents no statement either
    assert summary("Provincial Governor Marta Quiroga said she had campaigned through the winter, and called it "
                   "the hardest season of her career.") == [
        ("reported", "Marta Quiroga", "she had campaigned through the winter")]


def test_the_subject_of_a_free_relative_is_not_who_speaks_in_the_participle_after_it() -> None:
    assert summary('Farmers marched on the ministry to protest against what their union called "crumbs" '
                   "from the deal, saying the quota for beef was too small.") == []


def test_a_that_inside_the_reported_clause_does_not_cut_its_start() -> None:
    def reported(text: str) -> list[str]:
        return [q for kind, _, q in summary(text) if kind == "reported"]

    assert reported("Officials said the new tariff could change that.") == ["the new tariff could change that"]
    assert reported("Officials said the plan that Lima proposed was a good start.") == [
        "the plan that Lima proposed was a good start"]
    assert reported("Officials said investigators have video that shows the blast.") == [
        "investigators have video that shows the blast"]
    # the "that" after the verb's own words still opens the statement
    assert reported("Officials said this week that the plan was a good start.") == ["the plan was a good start"]
    assert reported("Officials told the Senate committee that the plan was a good start.") == [
        "the plan was a good start"]


@pytest.mark.parametrize("speaker", ["Experts on Chinese trade policy", "Some analysts at the Lowy Institute",
                                     "Two officials familiar with the talks", "a source close to the prime minister"])
def test_a_speaker_noun_with_a_complement_is_the_unnamed_speaker(speaker: str) -> None:
    opening = speaker[0].upper() + speaker[1:]
    assert summary(f"{opening} said the visit was overdue.") == [("reported", None, "the visit was overdue")]
    assert [q.fields["speaker_name"] for q in quotes_of(f"{opening} said the visit was overdue.")] == [speaker]


def test_a_speech_participle_after_by_reports_the_subjects_statement() -> None:
    assert summary("Senator Ines Gallo responded by saying that the bill was dead.") == [
        ("reported", "Ines Gallo", "the bill was dead")]
    assert summary("Senator Ines Gallo opened the session by thanking the delegates.") == []


@pytest.mark.parametrize("dash", ["--", "—", " – "])
def test_a_parenthesis_set_off_by_dashes_before_the_verb_leaves_the_subject_before_it(dash: str) -> None:
    def spaced(d: str) -> str:
        return d if d.startswith(" ") else f" {d} "

    text = (f"Deputy Minister Lucia Ferrari{spaced(dash)}who ran the agency for a decade, and its board"
            f"{spaced(dash)}said the station was for sale.")
    assert summary(text) == [("reported", "Lucia Ferrari", "the station was for sale")]
    described = (f"Deputy Minister Lucia Ferrari, the chief executive of Acme Media{spaced(dash)}the company "
                 f"that owns the station{spaced(dash)}told me, \"We are a content provider.\"")
    assert summary(described) == [("direct", "Lucia Ferrari", "We are a content provider.")]


def test_a_non_restrictive_who_clause_reports_its_antecedents_statement() -> None:
    assert summary("Senator Ana Costa met Premier Li Qiang, who told reporters the talks were useful.") == [
        ("reported", "Li Qiang", "the talks were useful")]
    assert summary("Senator Ana Costa, who also said the region needed calm, met her counterpart.") == [
        ("reported", "Ana Costa", "the region needed calm")]
    assert summary("The senator who said the region needed calm met her counterpart.") == []


def test_continued_reports_a_clause_only_after_that_or_a_comma() -> None:
    assert summary("Tourism continued to lead the thaw.") == []
    assert summary("Minister Cho Min-jun continued the talks on Tuesday.") == []
    assert summary("Minister Cho Min-jun continued that the deal was fair.") == [
        ("reported", "Cho Min-jun", "the deal was fair")]


def test_a_titled_person_set_off_by_commas_after_a_capitalised_title_is_the_speaker() -> None:
    assert summary("Chile's Minister of Planning and Economic Development, Dr. Rosa Ibarra, said exports "
                   "reached $2.9bn last year.") == [("reported", "Rosa Ibarra", "exports reached $2.9bn last year")]


def test_a_trailing_attribution_with_a_title_of_several_words_takes_the_clause_before_it() -> None:
    assert summary("Exports to Peru, led by copper and wine, reached $2.3bn last year, Deputy Foreign "
                   "Minister for Economic Diplomacy Rosa Ibarra said.") == [
        ("reported", "Rosa Ibarra", "Exports to Peru, led by copper and wine, reached $2.3bn last year")]


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ('"', '"'), ("‘", "’")])
def test_a_quotation_opened_mid_paragraph_runs_on_into_the_next(opening: str, closing: str) -> None:
    text = (f"Speaking in the hall, President Marta Quiroga added: {opening}When the river rose, the first "
            f"aircraft on the ground was foreign. My people saw the flag, and they remember it.\n\n"
            f"{opening}Friendship is measured on the worst days, not the best ones.{closing}\n\nThe rest is plain.")
    found = summary(text)
    assert [(kind, who) for kind, who, _ in found] == [("direct", "Marta Quiroga"), ("direct", "Marta Quiroga")]
    assert found[0][2].startswith("When the river rose") and found[1][2].startswith("Friendship is measured")


def test_a_sentence_that_is_only_a_quotation_after_a_reported_statement_is_the_same_speakers() -> None:
    text = ("Deputy Prime Minister Tran Duc Thinh said the road would become the backbone of a corridor. "
            '"For six decades our two peoples have helped each other through war."')
    assert summary(text) == [
        ("reported", "Tran Duc Thinh", "the road would become the backbone of a corridor"),
        ("direct", "Tran Duc Thinh", "For six decades our two peoples have helped each other through war.")]


def test_a_trailing_attribution_keeps_the_clause_whole_and_the_names_particles() -> None:
    assert summary("The bill was dead, Senator Jane Roe told reporters.") == [
        ("reported", "Jane Roe", "The bill was dead")]
    found = quotes_of("Remittances fell 4.6% to $45.7 billion in the first three quarters of the year, "
                      "Banco de México said, the first decline in more than a decade.")
    assert [(q.fields["speaker_name"], q.fields["text"]) for q in found] == [
        ("Banco de México", "Remittances fell 4.6% to $45.7 billion in the first three quarters of the year")]
    assert summary("The navies will hold an exercise in July, Defence Secretary Gilberto dela Cruz said.") == [
        ("reported", "Gilberto dela Cruz", "The navies will hold an exercise in July")]


def test_the_secretary_is_the_one_secretary_named_before() -> None:
    assert summary("The defence secretary, Gilberto dela Cruz, told reporters the ship would dock soon. Troops "
                   "would not be based in the country, the secretary said.")[-1] == (
        "reported", "Gilberto dela Cruz", "Troops would not be based in the country")


def test_a_partial_quote_is_the_reported_clause_that_holds_the_quoted_words() -> None:
    # what was said is that a storm had hit the coast, not “a storm”: the clause, verbatim with its marks
    text = "Senator Maria Lopez said at an event in Denver that “a storm” had hit the coast."
    [q] = quotes_of(text)
    assert (q.fields["quote_kind"], q.fields["text"]) == ("partial", "“a storm” had hit the coast")
    assert q.label == "Maria Lopez: “a storm” had hit the coast"  # its own marks, none added round it
    assert text[slice(*q.spans[0])] == text
    no_that = summary("The mayor gave no estimate, though Mayor Alan Pike said “budget reforms” and new fees "
                      "would pay for them.")
    assert no_that == [("partial", "Alan Pike", "“budget reforms” and new fees would pay for them")]
    colon = summary("Governor Ruth Abara spoke on Monday and said she has what the job needs: “Steadiness, "
                    "and strength.”")
    assert colon == [("partial", "Ruth Abara", "she has what the job needs: “Steadiness, and strength.”")]


def test_quoted_words_before_a_trailing_tag_keep_the_words_that_lead_to_them() -> None:
    text = "However laudable the goal, the levy ''is a misguided approach,'' said economist Alan Pike."
    assert summary(text) == [("partial", "Alan Pike", "However laudable the goal, the levy ''is a misguided approach,''")]


def test_quoted_words_that_are_the_whole_statement_stay_the_words() -> None:
    # nothing but the quotation follows the verb, or the verb names what it quotes: the words alone
    assert summary("Envoy Alan Pike urged “restraint on both sides” after the clash.") == [
        ("partial", "Alan Pike", "restraint on both sides")]
    assert summary("Opposition lawmaker Sara Lindqvist accused the cabinet of “selling out the fishermen” "
                   "in a speech on Monday.") == [("partial", "Sara Lindqvist", "selling out the fishermen")]


def test_the_hearer_of_a_telling_participle_is_not_part_of_the_statement() -> None:
    text = "Senator Jane Holloway criticized the format, telling a radio host that the debate was unfair."
    assert summary(text) == [("reported", "Jane Holloway", "the debate was unfair")]


def test_a_reported_statement_before_a_quotations_tag_in_the_same_sentence_is_kept() -> None:
    # the quotation's tag comes after a statement of its own: both are statements, each cited by its words
    adding = "Minister Paul Okafor said the bridge would open in June, adding: “We are ready for the traffic.”"
    found = quotes_of(adding)
    assert [(q.fields["quote_kind"], q.fields["text"]) for q in found] == [
        ("reported", "the bridge would open in June"), ("direct", "We are ready for the traffic.")]
    reported = found[0]
    assert [adding[s:e] for s, e in reported.spans] == ["Minister Paul Okafor said the bridge would open in June"]
    pressed = ("Minister Jane Holloway said the ferry would resume in May, and when pressed on the cost she "
               "replied, “We will find the money.”")
    assert ("reported", "Jane Holloway", "the ferry would resume in May") in summary(pressed)
    assert quotes_of("Minister Ann Lee told reporters: “Nothing is decided yet.”")[0].fields["quote_kind"] == "direct"
    assert len(quotes_of("Minister Ann Lee told reporters: “Nothing is decided yet.”")) == 1


def test_a_headline_with_a_trailing_tag_in_title_case_is_a_statement_by_the_person_named_later() -> None:
    text = ("Trade Deal Could Help Farmers, Senator Lopez Says.\n\n"
            "Senator Maria Lopez told a rally in the capital on Monday that the deal was balanced.")
    headline = quotes_of(text)[0]
    assert (headline.fields["speaker"], headline.fields["text"]) == ("Maria Lopez", "Trade Deal Could Help Farmers")
    unnamed = summary("Budget Leaves Hospitals Short, Former Health Official Says.")
    assert unnamed == [("reported", None, "Budget Leaves Hospitals Short")]
    # a capitalised "Says" that is not a headline's tag: no statement
    assert quotes_of("The Simon Says Festival opened in the capital.") == []


def test_a_paragraph_opened_with_a_closing_mark_is_a_quotation() -> None:
    # a newsroom's slip: ” where “ belongs, at the start of a paragraph that closes its quotation with ”
    text = ("Columnist Ann Barabak praised the debate.\n\n"
            "” … he delivered a mix of orthodoxy and rejoinders with a polish few could match,” Barabak wrote.")
    [q] = [q for q in quotes_of(text) if q.fields["quote_kind"] == "direct"]
    assert q.fields["text"] == "… he delivered a mix of orthodoxy and rejoinders with a polish few could match"
    assert q.fields["speaker_name"].endswith("Barabak")


def test_a_casualty_count_according_to_an_office_is_a_statistics_source_not_a_statement() -> None:
    assert quotes_of("At least 14 people have been killed since Tuesday, according to the health ministry.") == []
    assert quotes_of("Forty-five people were killed in the floods, according to the civil defence office.") == []
    # a statement according to an office still is one
    [q] = quotes_of("According to the ministry, the talks will resume next week in the capital.")
    assert q.fields["text"] == "the talks will resume next week in the capital"


def test_a_verb_coordinated_after_another_predicate_is_no_tag_for_the_words_before_it() -> None:
    """"On a grey morning …, X sat at his table and explained, …": the opening adverbial is the writer's, not a
    statement before a trailing "X explained"; the aside after the verb is not part of what he explained."""
    text = INTRO + ("On a grey morning in Jakarta last spring, Wong sat at her desk and explained, not for the "
                    "first time, that the plan was sound.")
    assert summary(text)[-1] == ("reported", "Penny Wong", "the plan was sound")


def test_a_subject_the_tag_interrupts_joins_its_predicate() -> None:
    assert summary(INTRO + "The plan, Wong said on Monday, is sound.")[-1] == ("reported", "Penny Wong",
                                                                             "The plan is sound")
    assert summary(INTRO + "The plan, Wong said, is sound.")[-1] == ("reported", "Penny Wong", "The plan is sound")


def test_describing_a_thing_is_a_statement_only_with_as() -> None:
    assert summary(INTRO + "Now retired, Wong describes those years with the weariness of a survivor.") == []
    assert summary(INTRO + "Wong described the talks as difficult but useful.")[-1] == (
        "reported", "Penny Wong", "the talks as difficult but useful")


TRANSCRIPT = (
    "The coast guard and the foreign ministry held a joint briefing on Tuesday, led by Commodore Ramon Bautista "
    "and Assistant Secretary Ana Lim-Reyes.\n\n"
    "CDRE. BAUTISTA: Good afternoon. The patrol ship was approached to within 40 meters. Two of our crew were hurt.\n\n"
    "Q (Joel Cruz, Radio Manila): What is your response?\n\n"
    "ASEC. LIM-REYES: The ministry condemns this act. We have lodged a protest.\n"
)


def test_each_turn_of_a_transcript_is_a_direct_statement_by_the_person_its_label_names() -> None:
    found = quotes_of(TRANSCRIPT)
    turns = [(q.fields["speaker"], q.fields["quote_kind"], q.fields["text"]) for q in found]
    assert turns == [
        ("Ramon Bautista", "direct",  # (the greeting only runs the briefing: no words of the statement)
         "The patrol ship was approached to within 40 meters. Two of our crew were hurt."),
        ("Ana Lim-Reyes", "direct", "The ministry condemns this act. We have lodged a protest."),
    ]
    # each turn is cited by its own sentences
    first = found[0]
    assert TRANSCRIPT[first.spans[0][0]:first.spans[-1][1]].endswith("Two of our crew were hurt.")


def test_a_single_capitalised_label_or_a_dateline_is_no_transcript() -> None:
    text = ("Foreign Minister Ana Lim-Reyes arrived on Monday.\n\n"
            "KUALA LUMPUR: The talks opened on Monday with a call for calm.\n\n"
            "LIM-REYES: not a transcript with one label only.\n")
    assert [q.fields.get("speaker") for q in quotes_of(text)] == []


def test_asking_not_to_be_named_is_no_statement() -> None:
    """ "who asked not to be identified" is a source's terms for speaking: the statement is what it said."""
    text = ("Two people familiar with the negotiations, who asked not to be identified because the talks "
            "were private, said the exporters had pushed for a cap.\n\n"
            "A diplomat, who asked not to be named, said the deal was close.")
    assert [(q.fields["speaker_name"], q.fields["text"]) for q in quotes_of(text)] == [
        ("Two people familiar with the negotiations", "the exporters had pushed for a cap"),
        ("a diplomat", "the deal was close"),
    ]


def test_a_restrictive_relative_clause_stands_between_a_speaker_and_its_verb() -> None:
    """ "Officials who spoke on condition of anonymity said …": the subject before "who" speaks, named with
    the clause that says who it is; a name stays a name."""
    text = ("Officials who spoke on condition of anonymity said talks would resume.\n\n"
            "Residents who fled the town told reporters that the water was rising.\n\n"
            "The man who told the story said nothing else.")
    assert [(q.fields["speaker_name"], q.fields["text"]) for q in quotes_of(text)] == [
        ("Officials who spoke on condition of anonymity", "talks would resume"),
        ("Residents who fled the town", "the water was rising"),
    ]


@pytest.mark.parametrize(("sentence", "speaker"), [
    ("Minister Jane Roe of Peru said that investment could slow.", "Jane Roe"),
    ("Ramon Ilagan of Union Capital Securities said that investment could slow.", "Ramon Ilagan"),
])
def test_a_person_of_a_place_or_an_organisation_is_the_speaker(sentence: str, speaker: str) -> None:
    assert summary(INTRO + sentence)[-1] == ("reported", speaker, "investment could slow")


def test_a_transcript_label_may_name_a_person_by_title_and_the_word_the_story_calls_them_by() -> None:
    text = ("Minister for Transport Lim Wei Ling and Malaysia's Minister of Works Datuk Seri Faizal Hakim bin Omar "
            "spoke after the meeting.\n\n"
            "MODERATOR: Good afternoon. The Ministers will each make a short statement.\n\n"
            "MINISTER FAIZAL: Thank you. The new bridge will open on 1 March 2027.\n\n"
            "MINISTER LIM: Both customs posts will be co-located on the bridge.\n")
    turns = [(q.fields["speaker"], q.fields["text"]) for q in quotes_of(text)]
    assert turns == [("Faizal Hakim bin Omar", "Thank you. The new bridge will open on 1 March 2027."),
                     ("Lim Wei Ling", "Both customs posts will be co-located on the bridge.")]


INTERVIEW = ("Trade talks resumed in Lima on Monday after a pause of two years.\n\n"
             "We put some questions to Ana Lim-Reyes, Peru's chief negotiator, who has led both rounds. "
             "Edited excerpts:\n\n"
             "Q: Will the deal be signed this year?\n\n"
             "A: I think so. Both sides have closed the hardest chapters.\n\n"
             "Q: What is left?\n\n"
             "A: Fisheries, mostly. We will not give up our quotas.\n")


def test_each_answer_of_a_question_and_answer_interview_is_a_direct_statement_by_the_person_introduced() -> None:
    turns = [(q.fields["speaker"], q.fields["quote_kind"], q.fields["text"]) for q in quotes_of(INTERVIEW)]
    assert turns == [
        ("Ana Lim-Reyes", "direct", "I think so. Both sides have closed the hardest chapters."),
        ("Ana Lim-Reyes", "direct", "Fisheries, mostly. We will not give up our quotas."),
    ]  # the questions are the writer's, not a statement


def test_a_single_answer_label_makes_no_interview() -> None:
    text = INTERVIEW.split("Q: What is left?")[0]
    assert [q.fields["text"] for q in quotes_of(text)] == []


BRIEFING = ("MINISTRY OF FOREIGN AFFAIRS\n\n"
            "Regular Press Briefing by Spokesperson Lee Min-ji\n\n"
            "Spokesperson: Good morning. I will begin with an announcement.\n\n"
            "Foreign Minister Park Sung-ho held talks with his Peruvian counterpart on Tuesday. "
            "The two ministers agreed to start negotiations on a trade agreement next year.\n\n"
            "Question (Lima Daily): Was fishing discussed?\n\n"
            "Spokesperson: It was. Minister Park said the Government would review the quotas. "
            "Our fleets will stay out of the disputed waters.\n")


def test_a_role_label_names_the_one_person_a_heading_titles_so() -> None:
    turns = [(q.fields["speaker"], q.fields["quote_kind"]) for q in quotes_of(BRIEFING)
             if q.fields["text"].startswith("Our fleets will stay") or "Our fleets will stay" in q.fields["text"]]
    assert turns == [("Lee Min-ji", "direct")]


def test_a_turn_that_only_runs_the_briefing_is_no_statement() -> None:
    texts = [q.fields["text"] for q in quotes_of(BRIEFING)]
    assert not any(t.startswith(("Good morning", "I will begin")) for t in texts), texts


def test_unlabelled_passages_between_two_labels_go_on_the_turn_before_them() -> None:
    texts = [q.fields["text"] for q in quotes_of(BRIEFING) if q.fields["speaker"] == "Lee Min-ji"]
    assert any(t.startswith("Foreign Minister Park Sung-ho held talks") for t in texts)


def test_a_turn_sentence_that_reports_another_is_that_persons_statement() -> None:
    found = [(q.fields["speaker"], q.fields["quote_kind"], q.fields["text"]) for q in quotes_of(BRIEFING)]
    assert ("Park Sung-ho", "reported", "the Government would review the quotas") in found
    assert ("Lee Min-ji", "direct", "It was. … Our fleets will stay out of the disputed waters.") in found


def test_a_reporters_question_label_is_no_turn() -> None:
    assert all("Was fishing discussed" not in q.fields["text"] for q in quotes_of(BRIEFING))


RECORD = ("QUESTIONS WITHOUT NOTICE\n\n"
          "Mr Peter Kalo (Member for Lae Open) asked the Minister for Foreign Affairs:\n\n"
          "Mr Speaker, the border post at Wutung has been closed for a week. When will it reopen?\n\n"
          "The Minister (Hon. Ruth Kaupa) replied:\n\n"
          "Mr Speaker, the road will reopen on Friday.\n\n"
          "The crossing will then be open every day.\n\n"
          "Mr Ben Ila (Member for Daru) asked the Minister for Foreign Affairs:\n\n"
          "Mr Speaker, what about the ferry to Daru?\n\n"
          "The Minister (Hon. Ruth Kaupa) replied:\n\n"
          "Mr Speaker, the ferry sails again next month.\n")


def test_a_line_ending_in_a_colon_introduces_its_subjects_words_in_the_passages_after_it() -> None:
    found = [(q.fields["speaker"], q.fields["text"]) for q in quotes_of(RECORD)]
    assert ("Peter Kalo", "Mr Speaker, the border post at Wutung has been closed for a week. When will it reopen?") \
        in found
    assert ("Ruth Kaupa", "Mr Speaker, the road will reopen on Friday.") in found
    assert ("Ruth Kaupa", "The crossing will then be open every day.") in found  # the turn goes on
    assert ("Ruth Kaupa", "Mr Speaker, the ferry sails again next month.") in found  # the repeated line too
    assert ("Ben Ila", "Mr Speaker, what about the ferry to Daru?") in found


def test_one_line_ending_in_a_colon_in_a_news_story_does_not_take_the_rest_of_the_story() -> None:
    text = ("Jane Roe: Voters Worry About Health\n\n"
            "The pollster Jane Roe said voters were worried.\n\n"
            "Roe continued:\n\n"
            "\"The health issue is very real,\" she said.\n\n"
            "Roe went on to discuss recent polls.\n\n"
            "The Daily Show airs weekdays from 6:00 a.m.\n")
    texts = [q.fields["text"] for q in quotes_of(text)]
    assert not any("airs weekdays" in t or "went on to discuss" in t for t in texts), texts


def test_a_heading_that_titles_a_speech_makes_the_passages_after_it_the_speakers_words() -> None:
    text = ("The Prime Minister was accompanied by Minister for Trade Mr Jane Roe Hui Min.\n\n"
            "REMARKS BY MR JANE ROE HUI MIN, MINISTER FOR TRADE, AT THE BUSINESS DINNER, 16 NOVEMBER 2026\n\n"
            "1. Next June, our two countries will have kept a promise for sixty years.\n\n"
            "2. The next chapter will be written in electrons.\n")
    found = [(q.fields["speaker"], q.fields["text"]) for q in quotes_of(text)]
    assert found == [("Jane Roe Hui Min", "Next June, our two countries will have kept a promise for sixty years."),
                     ("Jane Roe Hui Min", "The next chapter will be written in electrons.")]  # (no paragraph numbers)


NAMED_BRIEFING = ("Foreign Ministry Spokesperson Ana Lim-Reyes's Regular Press Conference on November 11, 2026\n\n"
                  "At the invitation of Foreign Minister Per Dahl, the Icelandic foreign minister will visit Oslo "
                  "from November 13 to 15.\n\n"
                  "Lima Daily: What will the two ministers discuss?\n\n"
                  "Ana Lim-Reyes: Fisheries and trade are at the top of the agenda this year.\n\n"
                  "Reuters: Is a fishing deal close?\n\n"
                  "Ana Lim-Reyes: I have nothing to announce on a deal at this moment.\n")


def test_a_briefing_titled_by_its_spokespersons_name_gives_the_announcement_and_turns_to_that_person() -> None:
    found = [(q.fields["speaker"], q.fields["text"]) for q in quotes_of(NAMED_BRIEFING)]
    assert ("Ana Lim-Reyes", "At the invitation of Foreign Minister Per Dahl, the Icelandic foreign minister will "
            "visit Oslo from November 13 to 15.") in found
    assert ("Ana Lim-Reyes", "Fisheries and trade are at the top of the agenda this year.") in found
    assert not any("What will the two ministers" in text for _, text in found)


def test_he_is_never_a_person_the_text_tells_is_a_woman() -> None:
    found = summary("Commodore Ana Roe and Colonel Lee Min-ho, her Korean counterpart, planned the drill. He says it "
                    "was harder to organise than it looked.")
    assert ("reported", "Lee Min-ho", "it was harder to organise than it looked") in found


def test_she_is_never_a_person_a_courtesy_title_tells_is_a_man() -> None:
    found = summary("Peru's farm secretary, Ramon Cruz, met Agriculture Minister Ana Lim in March. She told him that "
                    "Chile was ready to sign a supply deal. Mr Cruz said nothing.")
    assert ("reported", "Ana Lim", "Chile was ready to sign a supply deal") in found


def test_a_name_word_one_tradition_gives_only_women_tells_she() -> None:
    found = summary("Secretary Le Van Hung met Minister Tran Thi Mai in March. She said that the harvest was good.")
    assert ("reported", "Tran Thi Mai", "the harvest was good") in found


INTRODUCED = ("Fishermen are where the friendship is felt. Rodel Manalo has fished out of Lima for 28 years.\n\n"
              "‘When I started, the foreign boats were the ones we saw most often. We cut their nets, they cut "
              "ours.\n\n"
              "‘Now I have three numbers abroad, and I use them.’\n\n"
              "‘The sea does not check passports,’ says Mr Manalo.\n")


def test_a_quotation_over_paragraphs_after_a_person_is_introduced_is_that_persons() -> None:
    found = summary(INTRODUCED)
    assert ("direct", "Rodel Manalo",
            "When I started, the foreign boats were the ones we saw most often. We cut their nets, they cut ours.")\
        in found
    assert ("direct", "Rodel Manalo", "Now I have three numbers abroad, and I use them.") in found


def test_a_quotation_after_a_sentence_about_no_one_is_no_ones() -> None:
    text = INTRODUCED.replace("Rodel Manalo has fished out of Lima for 28 years.", "The market is busy.")
    assert not any(t.startswith("When I started") for _, _, t in summary(text))


def test_a_courtesy_title_after_an_office_tells_she() -> None:
    found = summary("Foreign Minister Ms Ana Roe met Trade Minister Jon Berg on Monday. He said that the talks "
                    "were useful.")
    assert ("reported", "Jon Berg", "the talks were useful") in found


def test_a_judging_verb_states_the_words_it_quotes_by_any_speaker() -> None:
    # condemned / rejected / denounced … as “…”: the quoted words are the speaker's, a person's, a
    # ministry's or a country's
    assert summary(INTRO + "Wong condemned the missile launch as “reckless and provocative.”") == [
        ("partial", "Penny Wong", "reckless and provocative")]
    [q] = quotes_of("Norway's foreign ministry rejected the report as “groundless and irresponsible” on Friday.")
    assert (q.fields["speaker"], q.fields["speaker_name"], q.fields["text"]) == (
        None, "Norway's foreign ministry", "groundless and irresponsible")
    [q] = quotes_of("Iceland accused Norway's prime minister, Arne Lund, of “systematic violations” of the treaty.")
    assert (q.fields["speaker_name"], q.fields["text"]) == ("Iceland", "systematic violations")
    # without quoted words in its clause such a verb states nothing
    assert summary("Norway's foreign ministry rejected the report. Iceland condemned the launch.") == []


def test_an_organisations_request_with_quoted_words_is_its_statement_but_a_bare_one_is_not() -> None:
    [q] = quotes_of("The Chilean embassy urged both sides to “exercise maximum restraint” in the strait.")
    assert (q.fields["quote_kind"], q.fields["speaker_name"], q.fields["text"]) == (
        "partial", "The Chilean embassy", "exercise maximum restraint")
    assert quotes_of("The Chilean embassy welcomed the move and called on Lima to return to talks.") == []
    # a group agreeing on a quoted name states nothing
    assert quotes_of("The two sides agreed to hold “friendship bridge” youth camps next year.") == []


def test_a_preposition_opening_the_sentence_is_no_speaker() -> None:
    # "Following a swiftly called meeting, the council issued a statement calling …": "Following" says nothing
    text = ("Following a swiftly called, late-afternoon meeting, the council issued a statement calling the test "
            "“a clear violation” of its resolutions.")
    assert all(q.fields["speaker_name"] != "Following" for q in quotes_of(text))
    # a word that opens a title as well stays in the speaker's phrase
    assert [q.fields["speaker_name"] for q in quotes_of("The Under Secretary said the talks were useful.")] == [
        "The Under Secretary"]


def test_said_by_telephone_is_the_means_not_a_passive_agent() -> None:
    text = INTRO + ("Tom Reyes, 47, captain of the boat that was boarded, said by telephone from the port that "
                    "officers had seized the catch. The crew was told by officers to leave.")
    assert [(q.fields["speaker_name"], q.fields["text"]) for q in quotes_of(text)] == [
        ("Tom Reyes", "officers had seized the catch")]


def test_as_a_speaker_put_it_is_the_attribution_of_the_clause_it_is_set_off_from() -> None:
    """"As X put it, …" (with an apposition and an adjunct before the comma, or trailing the clause) is X's
    statement, as "according to X" is: partial where it quotes words, reported where it does not."""
    text = INTRO + ("“The door stays open,” said Wong. As Wong, who leads the delegation, put it at a "
                    "dinner on Monday, Canberra “does not choose sides; it chooses options”.\n\n"
                    "Jakarta will not take sides in the dispute, as Prabowo Subianto put it.")
    found = summary(text)
    assert ("partial", "Penny Wong", "does not choose sides; it chooses options") in found
    assert ("reported", "Prabowo Subianto", "Jakarta will not take sides in the dispute") in found


def test_by_a_speakers_estimate_is_the_attribution_of_the_clause_after_it() -> None:
    text = INTRO + ("“Our factories depend on imported parts,” said Wong. By her estimate, imported inputs make "
                    "up about two-fifths of the value of the country's electronics exports.")
    assert summary(text)[-1] == (
        "reported", "Penny Wong", "imported inputs make up about two-fifths of the value of the country's "
        "electronics exports")


def test_put_it_and_an_estimate_inside_quotation_marks_attribute_nothing() -> None:
    text = INTRO + "“As my father put it, the sea is patient,” said Wong. “By my estimate, it is.”"
    assert [k for k, _, _ in summary(text)] == ["direct", "direct"]


def test_a_statement_heading_its_subject_is_the_speaker_a_statement_after_in_is_a_gap() -> None:
    """"A shorter Indonesian statement said" is that statement's (not "Indonesian"'s); in "The ministry in a
    statement said" and "In a statement posted on Monday, the ministry said" the statement is no subject."""
    found = summary(INTRO + "A shorter Indonesian statement said the talks were frank.\n\n"
                            "The ministry in a statement said the visit was useful.\n\n"
                            "In a statement posted on its website on Monday, the ministry said the envoy had left.")
    speakers = [q.fields["speaker_name"] for q in quotes_of(INTRO + "A shorter Indonesian statement said the "
                                                                    "talks were frank.")]
    assert speakers == ["a shorter Indonesian statement"]
    assert [(k, t) for k, _, t in found] == [("reported", "the talks were frank"), ("reported", "the visit was useful"),
                                            ("reported", "the envoy had left")]


def test_quoted_words_of_a_person_a_body_reports_are_the_persons() -> None:
    """"A ministry statement said Wong had urged Jakarta to “…”": the quoted words are Wong's, the clause
    opening with her and her own speech verb; without quoted words the body's report stays the body's."""
    found = summary(INTRO + "A ministry statement said Wong had urged Jakarta to “show restraint at sea” and to "
                            "avoid “complicating the situation”.\n\n"
                            "The ministry said Prabowo Subianto had urged calm.")
    assert found[0][:2] == ("partial", "Penny Wong")
    assert "“show restraint at sea”" in found[0][2]
    assert found[1] == ("reported", None, "Prabowo Subianto had urged calm")


def test_a_welcome_or_thanks_to_someone_is_no_statement_a_clause_after_that_is() -> None:
    found = summary(INTRO + "Wong warmly welcomed President Prabowo Subianto to Canberra.\n\n"
                            "Wong thanked Jakarta for its support during the floods.\n\n"
                            "Wong welcomed that the two sides had agreed to reopen the border.")
    assert found == [("reported", "Penny Wong", "the two sides had agreed to reopen the border")]


def test_put_it_somewhere_and_money_in_an_account_attribute_nothing() -> None:
    text = INTRO + ("The bill was “dead on arrival” as soon as Wong put it to a vote.\n\n"
                    "The plan stalled as Wong put it on hold, leaving the “historic” deal unsigned.\n\n"
                    "The crew hauled the “ghost net” aboard, and as Wong watched, they put it in a skip.\n\n"
                    "Funds were credited in his account, and the bank called it “routine”.")
    assert not any(s in ("Penny Wong", "Prabowo Subianto") for _, s, _ in summary(text))


def test_a_body_s_own_later_clause_stays_the_body_s() -> None:
    found = quotes_of(INTRO + "A ministry statement said Wong warned Prabowo Subianto on Monday, and added that the "
                              "ministry “firmly rejects” the claims.")
    rejects = [q for q in found if "firmly rejects" in q.fields["text"]]
    assert [q.fields["speaker_name"] for q in rejects] == ["a ministry statement"]


def test_a_weekday_between_the_speaker_and_the_verb_is_a_gap() -> None:
    """"Wong on Monday said …", "The ministry on Monday said …", "Prabowo Subianto, the president, on Tuesday
    said …": the speaker, without the day in its name."""
    found = quotes_of(INTRO + "Wong on Monday said the visit was a success.\n\n"
                              "The ministry on Monday said the talks were frank.\n\n"
                              "Prabowo Subianto, the president, on Tuesday said the border would reopen.")
    assert [(q.fields["speaker"], q.fields["speaker_name"], q.fields["text"]) for q in found] == [
        ("Penny Wong", "Penny Wong", "the visit was a success"), (None, "the ministry", "the talks were frank"),
        ("Prabowo Subianto", "Prabowo Subianto", "the border would reopen")]
