"""Events: dated happenings with participants, on made-up articles about other countries.

People are given to the extractor as mentions (what the people extractor
would find), so these tests do not depend on it.
"""

from __future__ import annotations

import re

import pytest

from bilateral.core.model import Source
from bilateral.ingest.events import _TRIGGERS, extract_events
from bilateral.ingest.findings import Finding, Mention, PeopleIndex
from bilateral.ingest.pipeline import extract_document
from bilateral.ingest.text import Document

PEOPLE = {"Fumio Kishida": ["Fumio Kishida", "Kishida"], "Yoon Suk Yeol": ["Yoon Suk Yeol", "Yoon"],
          "Anthony Albanese": ["Anthony Albanese", "Albanese"], "Lee Hsien Loong": ["Lee Hsien Loong"],
          "Joko Widodo": ["Joko Widodo", "Widodo"]}


def _people(text: str) -> PeopleIndex:
    mentions: list[Mention] = []
    for name, aliases in PEOPLE.items():
        for alias in sorted(aliases, key=len, reverse=True):
            for m in re.finditer(r"\b" + re.escape(alias) + r"\b", text):
                if not any(x.start <= m.start() < x.end for x in mentions):
                    mentions.append(Mention(m.start(), m.end(), name))
    return PeopleIndex(sorted(mentions, key=lambda m: m.start))


def _events(text: str, published: str | None = "2024-03-05") -> list[Finding]:
    doc = Document(Source(id="t", text=text, published=published))
    return extract_events(doc, _people(text))


def _one(text: str, published: str | None = "2024-03-05") -> Finding:
    found = _events(text, published)
    assert len(found) == 1, [f.label for f in found]
    return found[0]


def test_dated_talks_with_both_participants() -> None:
    ev = _one("On March 3, 2024, Japanese Prime Minister Fumio Kishida held talks with South Korean "
              "President Yoon Suk Yeol in Tokyo.")
    assert ev.fields["date"] == "2024-03-03"
    assert ev.fields["event_kind"] == "talks"
    assert ev.fields["participants"] == ["Fumio Kishida", "Yoon Suk Yeol"]
    assert ev.fields["title"] == "Talks between Fumio Kishida and Yoon Suk Yeol in Tokyo"


def test_range_without_year_takes_the_publication_year_and_keeps_the_end() -> None:
    ev = _one("Anthony Albanese paid a state visit to Japan from April 14 to 15, invited by Fumio Kishida.",
              published="2023-04")
    assert (ev.fields["date"], ev.fields["end_date"]) == ("2023-04-14", "2023-04-15")
    assert ev.fields["title"] == "Anthony Albanese state visit to Japan"
    assert ev.fields["participants"] == ["Anthony Albanese", "Fumio Kishida"]


def test_without_a_knowable_year_there_is_no_event() -> None:
    assert _events("Anthony Albanese paid a state visit to Japan from April 14 to 15.", published=None) == []


def test_pronoun_takes_the_person_named_before() -> None:
    found = _events("Joko Widodo praised the ties. In 2015, he visited Japan for the first time.")
    assert [(f.fields["date"], f.fields["participants"], f.fields["title"]) for f in found] == [
        ("2015", ["Joko Widodo"], "Joko Widodo visit to Japan")]


def test_two_visits_in_one_sentence_keep_their_own_dates_and_people() -> None:
    found = _events("Following the official visit to Japan by Anthony Albanese in October 2022 and Yoon's "
                    "state visit to Australia in December 2023, both sides agreed to deepen ties.")
    got = {(f.fields["date"], f.fields["event_kind"], tuple(f.fields["participants"])) for f in found}
    assert got == {("2022-10", "official visit", ("Anthony Albanese",)),
                   ("2023-12", "state visit", ("Yoon Suk Yeol",))}


def test_weekday_needs_a_full_publication_date() -> None:
    text = "Fumio Kishida spoke by phone with Yoon Suk Yeol on Monday."
    assert _one(text, published="2024-06-12").fields["date"] == "2024-06-10"
    assert _events(text, published="2024-06") == []


def test_undated_sub_event_borrows_the_date_of_its_visit() -> None:
    text = ("Yoon Suk Yeol paid a state visit to Japan from March 16 to 17, invited by Fumio Kishida.\n"
            "Yoon held talks with Kishida after the welcome ceremony.\n"
            "During the Tokyo meeting, the two leaders witnessed the signing of 12 cooperation documents.")
    found = {f.fields["event_kind"]: f for f in _events(text, published="2023-03")}
    assert found["talks"].fields["date"] == "2023-03"  # a range lends only its month
    assert found["talks"].fields["participants"] == ["Yoon Suk Yeol", "Fumio Kishida"]
    signing = found["signing"]
    assert signing.fields["title"] == "Signing of 12 cooperation documents"
    assert signing.fields["participants"] == ["Fumio Kishida", "Yoon Suk Yeol"]


def test_one_event_per_sentence_and_date() -> None:
    ev = _one("In January 2024, Kishida and Yoon held a phone call, officially launching the "
              "Year of Japan-Korea Cultural Exchange.")
    assert ev.fields["event_kind"] == "phone call"
    assert ev.fields["title"].startswith("Phone call between Fumio Kishida and Yoon Suk Yeol; launch of Year")


def test_anniversary_gives_the_founding_date_not_an_event_of_its_own() -> None:
    found = _events("This year marks the 50th anniversary of bilateral diplomatic relations "
                    "(September 29, 1972 - 2022), officials said.", published="2022-09")
    assert [(f.fields["date"], f.fields["title"]) for f in found] == [
        ("1972-09-29", "Establishment of diplomatic relations")]


def test_crowds_and_undated_or_future_mentions_are_not_events() -> None:
    text = ("In 2023, over 2 million Korean tourists visited Japan. "
            "The two leaders will hold talks. Mutual visits have been frequent.")
    assert _events(text) == []


def test_signing_of_a_named_agreement_and_its_entry_into_force() -> None:
    found = _events("The Trade Facilitation Agreement signed in 2019 builds on the "
                    "Japan-Singapore Economic Partnership Agreement, which entered into force in November 2002.")
    got = {(f.fields["date"], f.fields["event_kind"]) for f in found}
    assert got == {("2019", "signing"), ("2002-11", "entry into force")}


def test_same_event_in_two_articles_has_one_key() -> None:
    a = _events("Fumio Kishida met with Yoon Suk Yeol in Seoul on May 7, 2023.", published="2023-05-08")
    b = _events("Yoon Suk Yeol and Fumio Kishida met on Sunday in Seoul.", published="2023-05-08")
    assert {f.key for f in a} == {f.key for f in b}


def test_one_meeting_told_in_every_sentence_of_a_long_document_is_one_event() -> None:
    # (how fast: scripts/bench_extract.py; tests do not time it)
    text = ("On March 3, 2024, Fumio Kishida held talks with Yoon Suk Yeol in Tokyo, and the two sides signed "
            "a memorandum of understanding on energy. ") * 200
    [event] = _events(text)
    assert event.key == "talks|Fumio Kishida+Yoon Suk Yeol" and event.date == "2024-03-03"
    assert len(event.spans) == 200  # every telling cited


def test_scheduled_events_keep_status_and_the_written_period() -> None:
    found = {f.fields["date"]: f for f in _events(
        "Albanese said Widodo would pay a state visit to Australia in the second half of the year. "
        "The ministers agreed to meet again in Jakarta in the first quarter of next year. "
        "Kishida held talks with Yoon in Tokyo on Monday.")}
    visit = found["2024-07"]
    assert visit.fields["status"] == "scheduled"
    assert visit.fields["date_text"] == "the second half of the year"
    assert visit.fields["end_date"] == "2024-12"
    assert visit.fields["participants"] == ["Joko Widodo"]  # the reporter takes no part
    meeting = found["2025-01"]
    assert meeting.fields["status"] == "scheduled"
    assert found["2024-03-04"].fields["status"] == "held"


def test_future_month_before_publication_month_is_next_year() -> None:
    ev = _one("Kishida will visit Seoul in February.", published="2024-11-20")
    assert ev.fields["date"] == "2025-02"
    assert ev.fields["status"] == "scheduled"


def test_year_inside_a_quotation_is_no_event() -> None:
    assert _events('"The 2015 deal was written before the talks began," said Albanese, who joined the talks.') == []


def test_next_sentence_names_the_people_of_the_signing() -> None:
    found = _events("Japan and Indonesia on Monday signed a memorandum of understanding on nickel processing. "
                    "Kishida and Widodo signed the memorandum at a ceremony in Jakarta.")
    assert len(found) == 1
    assert found[0].fields["participants"] == ["Fumio Kishida", "Joko Widodo"]
    assert len(found[0].spans) == 2


def test_a_participle_right_after_a_name_signs_that_name_not_the_next() -> None:
    text = ("On the basis of the agreement on fisheries cooperation signed in 2019, the mechanism of "
            "Japan-South Korea consultation on maritime boundaries, and other channels, the sides kept talking.")
    signings = [f for f in _events(text) if f.fields["event_kind"] == "signing"]
    assert len(signings) == 1
    assert "fisheries" in signings[0].fields["title"] and signings[0].date == "2019"


def test_one_event_in_two_articles_has_one_key_and_its_date_beside_it() -> None:
    a = _events("Kishida paid a state visit to South Korea on May 7, 2023.", "2023-05-09")
    b = _events("Kishida's visit in May 2023 was the first in years.", "2024-01-10")
    assert a[0].key == b[0].key == "visit|Fumio Kishida"
    assert (a[0].date, b[0].date) == ("2023-05-07", "2023-05")


# --- 2 December 2026: events beyond diplomacy, and dates that belong to them ----------------------


@pytest.mark.parametrize("sentence, date, kind", [
    ("About 3,000 dockers marched through Valparaíso on Monday to protest against the port reform.",
     "2024-03-04", "protest"),
    ("The earthquake of Feb. 6, 2023, killed more than 50,000 people in the region.", "2023-02-06", "disaster"),
    ("Heavy rains in January killed 24 people in the capital.", "2024-01", "disaster"),
    ("Fighting broke out near the border temple on July 24, 2023, and lasted five days.", "2023-07-24", "incident"),
    ("The two navies will hold a joint exercise in the Coral Sea from April 20 to 24.", "2024-04-20", "exercise"),
    ("Customs officers began a joint anti-smuggling operation along the border on 1 February.",
     "2024-02-01", "operation"),
    ("Quito recalled its ambassador in May 2021 after the raid.", "2021-05", "recall"),
    ("Peru holds municipal elections on June 6, 2027.", "2027-06-06", "election"),
])
def test_happenings_without_a_named_participant_are_events(sentence: str, date: str, kind: str) -> None:
    f = _one(sentence)
    assert (f.fields["date"], f.fields["event_kind"]) == (date, kind)


def test_a_reference_back_to_a_happening_is_no_new_event() -> None:
    assert not _events("The rail service was halted after the clashes and resumed in 2019 with new trains.")[1:]
    assert not [f for f in _events("The line, halted after the clashes, reopened in 2019.")
                if f.fields["event_kind"] == "incident"]


def test_a_date_right_before_the_verb_is_its_date() -> None:
    f = _one("The National Assembly on Tuesday ratified a border trade protocol, clearing the way for the "
             "2027 season.", published="2024-03-06")
    assert (f.fields["date"], f.fields["event_kind"]) == ("2024-03-05", "ratification")


def test_a_legislature_approving_is_a_ratification_without_a_named_object() -> None:
    f = _one("Ghana's parliament approved it in July.", published="2024-10-14")
    assert (f.fields["date"], f.fields["event_kind"]) == ("2024-07", "ratification")


def test_renewing_an_agreement_is_an_event_but_the_year_in_its_name_is_not_its_date() -> None:
    f = _one("Peru and Bolivia renewed their fisheries accord on Wednesday.", published="2024-03-07")
    assert (f.fields["date"], f.fields["title"]) == ("2024-03-06", "Renewal of fisheries accord")
    assert not _events("The two sides also extended the 1992 readmission agreement to cover minors.")
    assert not _events("The two governments renewed a 2021 memorandum on child labour for three years.")


def test_agreed_on_a_day_to_act_is_the_meeting_and_its_participants_follow() -> None:
    found = _events("Japan and Australia agreed on Monday to reopen all seven border posts. "
                    "The agreement was reached in Canberra at talks between Kishida and Albanese.")
    assert len(found) == 1
    assert found[0].fields["date"] == "2024-03-04"
    assert set(found[0].fields["participants"]) == {"Fumio Kishida", "Anthony Albanese"}


def test_an_invitation_is_a_scheduled_meeting_in_the_coming_month() -> None:
    f = _one("Kishida invited Albanese to Tokyo for the annual joint commission in January.", published="2024-08-20")
    assert f.fields["date"] == "2025-01"
    assert f.fields["status"] == "scheduled"
    assert set(f.fields["participants"]) == {"Fumio Kishida", "Anthony Albanese"}


def test_travel_to_a_place_is_a_visit_dated_past_its_purpose() -> None:
    f = _one("Albanese is expected to travel to Jakarta for the next session of the joint council in the "
             "first quarter of 2025.")
    assert f.fields["event_kind"] == "visit"
    assert f.fields["date"].startswith("2025-01")
    assert _one("Widodo flew on Thursday to Canberra for a summit.", published="2024-03-08").fields["date"] \
        == "2024-03-07"


def test_since_a_date_is_a_span_not_the_date_of_the_event() -> None:
    assert not _events("The two countries agreed to reopen the checkpoints closed since last year.")


def test_an_agreement_taking_effect_and_a_subject_that_took_effect() -> None:
    assert _one("The new visa arrangement takes effect on July 1.").fields["date"] == "2024-07-01"
    f = _one("A ceasefire brokered by Malaysia took effect at midnight on July 28, 2023.")
    assert (f.fields["date"], f.fields["title"]) == ("2023-07-28", "Entry into force of ceasefire")


def test_opening_a_thing_named_in_lower_case() -> None:
    f = _one("Kishida opened a new bridge over the river on Saturday.", published="2024-03-05")
    assert (f.fields["date"], f.fields["title"]) == ("2024-03-02", "Opening of bridge")
    assert _one("A new ferry terminal at Port Rashid is due to open on June 15.").fields["status"] == "scheduled"


def test_what_opens_is_the_subject_of_open_not_the_person_who_says_so() -> None:
    # the capitalised name earlier in the sentence is the speaker, not what opens
    assert _one("Prime Minister Kishida said the bridge would open in June.").fields["title"] == "Opening of bridge"
    assert _one("Kishida said a new rail line is due to open on June 15.").fields["title"] == "Opening of rail line"
    # a sentence's opening "The" is not part of the name
    assert _one("The Friendship Bridge will open in June.").fields["title"] == "Opening of Friendship Bridge"


def test_a_year_written_in_the_events_own_noun_phrase_beats_a_later_date_of_another() -> None:
    events = _events("Both recalled the 2019 Sulawesi earthquake, the March 2021 border clashes and the floods.",
                     published="2026-03-12")
    dates = {e.fields["event_kind"]: e.fields["date"] for e in events}
    assert dates["disaster"] == "2019"
    assert dates["incident"] == "2021-03"


def test_a_bare_day_after_an_event_written_with_its_year_takes_that_year() -> None:
    event = _one("Aid still flows after the 2023 Al Haouz earthquake on Sept. 8, which killed 3,000 people.",
                 published="2026-03-12")
    assert event.fields["date"] == "2023-09-08"


def test_a_time_later_than_a_date_of_the_sentence_dates_the_event_to_the_offsets_precision() -> None:
    event = _one("Judges ruled on the border in March 2019, and the two governments signed "
                 "a fisheries agreement two months later.", published="2026-03-12")
    assert event.fields["date"] == "2019-05"
    days = _events("Clashes broke out on 3 June 2024, and the two sides signed a ceasefire agreement "
                   "ten days later.", published="2026-03-12")
    assert {e.fields["event_kind"]: e.fields["date"] for e in days} == {"incident": "2024-06-03",
                                                                       "signing": "2024-06-13"}


def test_a_time_later_than_a_date_too_coarse_for_it_leaves_the_event_undated() -> None:
    events = _events("The council was set up in 2011, and the two ministers signed a visa accord a month later.",
                     published="2026-03-12")
    assert [e.fields["date"] for e in events if e.fields["event_kind"] == "signing"] in ([], [None])


def test_the_head_noun_of_a_document_named_before_stands_for_it_in_a_later_sentence() -> None:
    doc = Document(Source(id="t", text="Chile and Peru signed a fisheries accord in 2019. The accord, renewed in "
                                       "May 2024, lets 40 boats fish.", published="2026-03-12"))
    events = {(f.fields["event_kind"], f.fields["date"]): f.fields["title"]
              for f in extract_document(doc) if f.kind == "event"}
    assert events[("renewal", "2024-05")] == "Renewal of fisheries accord"


def test_a_past_event_in_a_month_after_the_news_is_last_years() -> None:
    event = _one("Prime Minister Anthony Albanese, who made a state visit to Tokyo in November, said the aid had arrived.",
                 published="2026-06-05")
    assert (event.fields["date"], event.fields["status"]) == ("2025-11", "held")
    # another verb's past tense says nothing of a later event in the sentence
    elections = _one("The vote came less than three weeks before municipal elections on 31 October.",
                     published="2026-10-14")
    assert (elections.fields["date"], elections.fields["status"]) == ("2026-10-31", "scheduled")


def test_a_weekday_right_after_due_or_will_is_the_coming_one() -> None:
    event = _one("Fumio Kishida and Joko Widodo are due on Saturday to open a training centre in "
                 "Lima.", published="2026-06-05")  # a Friday
    assert (event.fields["date"], event.fields["status"]) == ("2026-06-06", "scheduled")
    past = _events("Peru will export more gas under a supply agreement that Fumio Kishida and "
                   "Joko Widodo signed on Wednesday.", published="2026-06-05")
    assert [e.fields["date"] for e in past] == ["2026-06-03"]


def test_a_signing_is_not_dated_by_the_start_of_what_another_act_lifts() -> None:
    events = _events("The two ministers signed a memorandum of understanding on wine exports, an open-skies "
                     "agreement that lifts all limits on flights from October, and a social security agreement.",
                     published="2026-02-05")
    assert all(e.fields["date"] != "2026-10" for e in events)


def test_two_countries_signing_an_agreement_named_nowhere_is_a_signing_between_them() -> None:
    ev = _one("ACCRA — Ghana and Togo signed an agreement Tuesday that lets traders reopen their shops.",
              published="2026-03-17")
    assert (ev.fields["date"], ev.fields["title"]) == ("2026-03-17", "Signing of agreement between Ghana and Togo")


def test_one_country_signing_something_unnamed_is_no_event() -> None:
    assert _events("Ghana signed an agreement on Tuesday.", published="2026-03-17") == []


@pytest.mark.parametrize(("sentence", "title", "date"), [
    ("The Joint Water Commission, set up in 1972, meets once a year.", "Establishment of Joint Water Commission",
     "1972"),
    ("The new Kisumu International Airport began commercial operations in January 2025.",
     "Opening of Kisumu International Airport", "2025-01"),
])
def test_setting_up_a_body_and_beginning_operations_are_events(sentence: str, title: str, date: str) -> None:
    ev = _one(sentence, published="2026-03-17")
    assert (ev.fields["title"], ev.fields["date"]) == (title, date)


def test_an_event_after_an_anniversary_keeps_its_own_day_and_a_coordinated_visit_its_subject() -> None:
    """"…attended a reception marking the 60th anniversary of ties on Wednesday evening, and will visit …
    on Friday": the reception is Wednesday's, the visit the coming Friday, both the sentence subject's."""
    text = ("Anthony Albanese held talks with Joko Widodo on Monday. During his visit, Albanese "
            "also attended a reception marking the 60th anniversary of diplomatic ties on Wednesday evening, "
            "and will visit a solar plant in Surabaya on Friday.")
    found = {(f.fields["event_kind"], f.fields["date"], tuple(f.fields["participants"]))
             for f in _events(text, published="2026-03-12")}
    assert ("ceremony", "2026-03-11", ("Anthony Albanese",)) in found
    assert ("visit", "2026-03-13", ("Anthony Albanese",)) in found


@pytest.mark.parametrize(("text", "title", "date"), [
    ("Ghana expelled thousands of Nigerians in 1969.", "Expulsion of Nigerians", "1969"),
    ("In 1983 the government ordered about a million migrants out of the country.", "Expulsion of migrants", "1983"),
    ("The government imposed a ban on raw ore exports in January 2020.", "Ban on raw ore exports", "2020-01"),
    ("Canberra suspended live cattle exports to its neighbour in June 2011.",
     "Suspension of live cattle exports", "2011-06"),
    ("The ban was lifted in July 2011.", "Lifting of the ban", "2011-07"),
    ("Ministers lifted the live cattle export ban in July 2011.", "Lifting of the live cattle export ban", "2011-07"),
    ("The government closed its land borders in August 2019.", "Border closure", "2019-08"),
])
def test_measures_one_state_takes_against_anothers_people_or_trade_are_events(text: str, title: str,
                                                                              date: str) -> None:
    f = _one(text, published="2026-03-05")
    assert (f.fields["title"], f.fields["date"], f.fields["event_kind"]) == (title, date, _kind_of(title))


def _kind_of(title: str) -> str:
    return {"Expulsion": "expulsion", "Suspension": "suspension"}.get(title.split()[0], "ban")


def test_an_order_or_a_ban_that_is_no_measure_is_no_event() -> None:
    assert _events("The minister ordered the report to be published in May 2024.") == []
    assert _events("The ban on imports is expected to hurt farmers.") == []


@pytest.mark.parametrize(("text", "title", "date"), [
    ("Tokyo annexed the islands in 1910 and ruled them until 1945.", "Annexation", "1910"),
    ("The general, who had seized power in 1961, pushed the treaty through.", "Seizure of power", "1961"),
    ("The army took power in a coup in 2021.", "Coup", "2021"),
    ("In July 2019 the government tightened export controls on three chemicals used to make chips.",
     "Tightening of export controls on three chemicals", "2019-07"),
    ("The government imposed tariffs on steel in March 2018.", "Imposition of tariffs on steel", "2018-03"),
])
def test_changes_of_rule_and_trade_controls_are_events(text: str, title: str, date: str) -> None:
    f = _one(text, published="2026-03-05")
    assert (f.fields["title"], f.fields["date"]) == (title, date)


def test_an_annexation_names_what_was_annexed() -> None:
    assert _one("Japan annexed Korea in 1910.", published="2026-03-05").fields["title"] == "Annexation of Korea"


@pytest.mark.parametrize("text", [
    "The Interior Ministry said that rebel forces had opened fire on Tuesday.",
    "The Supreme Court opened an investigation on Monday into the collapse.",
    "The Trade Ministry said the deal opened the door on Friday to wider sales.",
])
def test_opening_fire_a_door_or_an_inquiry_is_no_opening(text: str) -> None:
    doc = Document(Source(id="t", text=text, published="2024-03-05"))
    kinds = [f.fields["event_kind"] for f in extract_document(doc) if f.kind == "event"]
    assert "opening" not in kinds


def test_a_bridge_opening_is_still_an_opening() -> None:
    assert _one("The new bridge over the river opened on Tuesday.").fields["event_kind"] == "opening"


def _document_events(text: str, published: str = "2024-03-05") -> list[Finding]:
    doc = Document(Source(id="t", text=text, published=published))
    return [f for f in extract_document(doc) if f.kind == "event"]


def test_ministers_who_have_spoken_by_phone_held_a_phone_call() -> None:
    (event,) = _document_events("Foreign Minister Aibek Toktogulov had spoken by phone with his Tajik counterpart "
                                "Rustam Nazarov on Monday, the ministry said.")
    assert event.fields["event_kind"] == "phone call"
    assert event.fields["date"] == "2024-03-04"
    assert event.fields["participants"] == ["Aibek Toktogulov", "Rustam Nazarov"]


def test_a_courtesy_call_on_a_leader_is_a_meeting_with_both() -> None:
    (event,) = _document_events("On Monday Prime Minister Nguyen Van An paid a courtesy call on Senate President "
                                "Sok Vanna in Phnom Penh.")
    assert event.fields["event_kind"] == "meeting"
    assert event.fields["participants"] == ["Nguyen Van An", "Sok Vanna"]
    assert event.fields["date"] == "2024-03-04"


def test_a_business_forum_written_in_lower_case_is_a_forum_named_with_its_modifier() -> None:
    (event,) = _document_events("Nigeria would host a Ghana-Nigeria business forum in Lagos in May next year.",
                                published="2025-10-23")
    assert event.fields["title"] == "Ghana-Nigeria business forum"
    assert event.fields["date"] == "2026-05"
    assert event.fields["status"] == "scheduled"


def test_fighting_told_by_what_it_did_is_an_incident_of_its_month() -> None:
    events = _document_events("Border fighting in September 2022 killed more than 100 people on both sides.")
    assert [(e.fields["event_kind"], e.fields["date"]) for e in events] == [("incident", "2022-09")]


@pytest.mark.parametrize("text", [
    "The government has spent years fighting corruption in the ports, officials said on Monday.",
    "The business of the forum was left to the officials on Monday.",
])
def test_fighting_or_a_forum_without_the_words_that_make_them_events_is_none(text: str) -> None:
    assert [e.fields["event_kind"] for e in _document_events(text)] == []


def test_a_standing_bodys_numbered_meeting_is_an_event_named_by_the_body() -> None:
    (event,) = _document_events("Pakistan will host the 15th meeting of the Joint Cooperation Committee in "
                                "Islamabad in the second half of this year.", published="2026-04-20")
    assert event.fields["title"] == "15th meeting of the Joint Cooperation Committee"
    assert (event.fields["date"], event.fields["end_date"], event.fields["status"]) == ("2026-07", "2026-12", "scheduled")


def test_a_meeting_of_a_body_named_by_no_name_is_no_body_meeting() -> None:
    kinds = [e.fields["event_kind"] for e in _document_events("The meeting of the Board will be held in May.")]
    assert "body meeting" not in kinds


def test_a_capitalised_meeting_of_a_body_is_a_body_meeting() -> None:
    (event,) = _document_events("The two sides agreed to convene the 31st Meeting of the Regional Border Committee "
                                "in the first quarter of 2027.", published="2026-11-20")
    assert (event.fields["title"], event.fields["date"]) == ("31st Meeting of the Regional Border Committee", "2027-01")


def test_the_host_who_invited_is_not_the_visitor() -> None:
    (event,) = _document_events(
        "At the invitation of Mr. Somchai Preecha, Minister of Foreign Affairs of Thailand, Daw Aye Myint, Union "
        "Minister for Foreign Affairs of Myanmar, paid an official visit to Thailand from 16 to 18 November 2026.",
        published="2026-11-18")
    assert event.fields["title"] == "Daw Aye Myint official visit to Thailand"
    assert (event.fields["date"], event.fields["end_date"], event.fields["status"]) == ("2026-11-16", "2026-11-18",
                                                                                        "held")


def test_a_body_named_with_a_dashed_pair_of_countries_has_its_meeting() -> None:
    (event,) = _document_events("The two ministers co-chaired the 9th Meeting of the Thailand–Myanmar Joint "
                                "Commission in Bangkok on 17 November 2026.", published="2026-11-18")
    assert event.fields["title"] == "9th Meeting of the Thailand–Myanmar Joint Commission"


def test_what_is_to_be_reopened_is_the_named_object_not_the_subject_agreeing() -> None:
    (event,) = _document_events("The two sides agreed to reopen the Second Thai–Myanmar Friendship Bridge to full "
                                "commercial traffic by March 2027.", published="2026-11-18")
    assert event.fields["title"] == "Opening of Second Thai–Myanmar Friendship Bridge"
    assert (event.fields["date"], event.fields["status"]) == ("2027-03", "scheduled")
    # what opens, said before the verb, stays what opens
    (bridge,) = _document_events("The minister said the bridge would open in June.", published="2026-11-18")
    assert bridge.fields["title"] == "Opening of bridge"


def test_a_water_cannon_attack_is_an_incident_and_a_summoned_envoy_keeps_its_capitals() -> None:
    (attack,) = _document_events("A coast guard vessel fired its water cannon at the patrol ship on Sunday.",
                                 published="2026-11-24")
    assert (attack.fields["title"], attack.fields["event_kind"], attack.fields["date"]) == (
        "Water cannon attack", "incident", "2026-11-22")
    (summons,) = _document_events("The ministry summoned the Chinese Embassy's deputy chief of mission on Monday.",
                                  published="2026-11-24")
    assert summons.fields["title"] == "Summoned the Chinese Embassy's deputy chief of mission"


def test_an_act_done_a_number_of_times_is_a_series_not_one_event() -> None:
    assert _document_events("The coast guard has fired water cannon at our vessels nine times this year.",
                            published="2026-11-24") == []
    # "shot at 41 times" in another clause does not undo the shooting
    kinds = [e.fields["event_kind"] for e in _document_events(
        "The song was written after the 1999 shooting of a young man, who was shot at 41 times.")]
    assert kinds == ["incident"]


def test_a_year_naming_a_thing_does_not_date_a_later_event_word() -> None:
    events = _document_events("The two countries signed a memorandum on Monday to revise the 1973 treaty that "
                              "governs the dam, ending years of talks.", published="2026-11-30")
    assert all(e.fields["date"] != "1973" for e in events)


def test_years_of_talks_ended_by_a_signing_are_no_talks_event() -> None:
    """ "signed … on Monday, ending more than three years of on-and-off talks": the talks are told by their
    length; the event of that Monday is the signing alone."""
    ev = _one("Ghana and Nigeria signed a memorandum of understanding on Monday to revise the annex, ending "
              "more than three years of on-and-off talks over power.")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("signing", "2024-03-04")
    assert ev.fields["title"] == "Signing of memorandum of understanding to revise the annex"


def test_a_signing_told_in_a_participle_phrase_names_who_signed_the_event_just_told() -> None:
    """ "Under the memorandum, signed in Accra by X and Y, the two sides will finish the text by June 30":
    the phrase set off by commas is the signing of the sentence before, not a signing on June 30."""
    text = ("Ghana and Nigeria signed a memorandum of understanding on Monday to revise the annex.\n\n"
            "Under the memorandum, signed in Accra by Anthony Albanese and Joko Widodo, the two sides will "
            "finish rewriting the annex by June 30 next year.")
    ev = _one(text)
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("signing", "2024-03-04")
    assert ev.fields["participants"] == ["Anthony Albanese", "Joko Widodo"]


def test_a_date_of_the_clause_before_does_not_date_the_next_one() -> None:
    """ "agreed to raise trade to $12 billion by 2030, and to reopen the bridge": 2030 is the trade target's
    date, the reopening is undated (no event); "in 2019" in the same clause still dates it."""
    assert _events("The two sides agreed to raise bilateral trade to 12 billion dollars by 2030, and to reopen "
                   "the Second Friendship Bridge.") == []
    ev = _one("The Second Friendship Bridge was reopened to traffic in 2019 after repairs.")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("opening", "2019")


def test_the_year_a_figure_is_compared_with_dates_no_event() -> None:
    """ "down 4% from 2024 because of drought": 2024 is the comparison, not the drought's year."""
    assert _events("The dam produced 79.4 million megawatt-hours last year, down 4% from 2024 because of "
                   "drought.") == []


def test_an_event_told_the_same_afternoon_is_its_own_on_the_day_last_told() -> None:
    """ "The same afternoon, Albanese paid a courtesy call on Widodo": a second event that day, not more
    people at the signing before it; "He had met Kishida on March 3" is Albanese, the subject before (and
    the subject is the first participant)."""
    text = ("Albanese held talks with Lee Hsien Loong in Singapore on March 4.\n\n"
            "After the talks, the two Prime Ministers witnessed the signing of 11 cooperation documents, including a "
            "memorandum of understanding on electricity for the 2026-2035 period and the Cooperation Strategy "
            "to 2030.\n\n"
            "The same afternoon, Albanese paid a courtesy call on Joko Widodo. He had met Fumio Kishida on "
            "March 3.")
    found = {(f.fields["event_kind"], f.fields["date"], tuple(f.fields["participants"])) for f in _events(text)}
    # the talks' day, not 2026 or 2030 of the documents' names; "the two Prime Ministers" are the two of the talks
    assert ("signing", "2024-03-04", ("Lee Hsien Loong", "Anthony Albanese")) in found
    assert ("meeting", "2024-03-04", ("Anthony Albanese", "Joko Widodo")) in found
    assert ("meeting", "2024-03-03", ("Anthony Albanese", "Fumio Kishida")) in found  # the subject first


def test_an_anniversary_span_and_a_talks_reference_date_nothing_after_them() -> None:
    """ "At the talks, held in …, the sides agreed to prepare for the 60th anniversary of diplomatic
    relations (June 24, 1967 – June 24, 2027) next year": the founding date, and no talks next year."""
    found = [(f.fields["event_kind"], f.fields["date"]) for f in _events(
        "At the talks, held in an atmosphere of sincerity, the two sides agreed to prepare activities marking "
        "the 60th anniversary of diplomatic relations (June 24, 1967 – June 24, 2027) next year.")]
    assert found == [("establishment", "1967-06-24")]


# --- 4 December 2026: who takes part in what a speaker recalls, disasters, bodies by initials ---------


def test_an_event_a_speaker_recalls_with_that_is_not_the_speakers() -> None:
    """ "In his opening remarks, Kishida recalled that the two countries established diplomatic relations
    in 1952": neither Kishida nor the one "his" points to took part in 1952."""
    [found] = [f for f in _events("Yoon arrived in Tokyo on Monday. In his opening remarks, Kishida recalled that the "
                                  "two countries, which share a sea border, established diplomatic relations on 28 "
                                  "April 1952.") if f.fields["event_kind"] != "visit"]  # (the arrival is Yoon's visit)
    assert (found.fields["event_kind"], found.fields["date"]) == ("establishment", "1952-04-28")
    assert found.fields["participants"] == []


def test_a_speaker_who_proposed_that_a_meeting_be_held_may_take_part() -> None:
    found = _one("Kishida proposed that the two leaders meet in Seoul on 3 May 2024.")
    assert found.fields["status"] == "scheduled" and "Fumio Kishida" in found.fields["participants"]


def test_a_disaster_has_no_participants() -> None:
    found = _one("Widodo thanked Albanese for the assistance given since the earthquake of March 2023.")
    assert (found.fields["event_kind"], found.fields["participants"]) == ("disaster", [])


def test_a_numbered_meeting_of_a_body_named_by_its_initials_is_an_event() -> None:
    found = _one("The 8th Meeting of the JBC was held in Jakarta in August 2023.")
    assert (found.fields["event_kind"], found.fields["date"]) == ("body meeting", "2023-08")
    assert found.fields["title"] == "8th Meeting of the JBC"


def test_the_two_ministers_are_the_two_named_before_and_date_the_signing_after_their_meeting() -> None:
    """ "Following the meeting, the two Ministers witnessed the signing of …": the standing body's meeting
    of that day, with both, not the three-day visit around it."""
    text = ("Albanese paid an official visit to Indonesia from 16 to 18 May 2024 at the invitation of Widodo.\n\n"
            "The two Ministers co-chaired the 9th Meeting of the Joint Commission for Bilateral Cooperation in "
            "Jakarta on 17 May 2024.\n\n"
            "Following the meeting, the two Ministers witnessed the signing of three documents.")
    found = {f.fields["event_kind"]: f for f in _events(text)}
    assert set(found["body meeting"].fields["participants"]) == {"Anthony Albanese", "Joko Widodo"}
    signing = found["signing"]
    assert signing.fields["date"] == "2024-05-17"
    assert set(signing.fields["participants"]) == {"Anthony Albanese", "Joko Widodo"}


def test_a_ceasefire_and_fighting_told_by_how_long_it_lasted_are_events_dated_by_the_month_written_with_its_year(
        ) -> None:
    found = {(f.fields["event_kind"], f.fields["date"]) for f in _events(
        "Forty people were killed during five days of fighting in July 2025, before Malaysia brokered a "
        "ceasefire in Putrajaya on July 28.", published="2026-12-02")}
    assert found == {("incident", "2025-07"), ("ceasefire", "2025-07-28")}
    assert _events("The ceasefire line held, officials said on 3 December 2026.", published="2026-12-04") == []


@pytest.mark.parametrize(("sentence", "title", "date"), [
    ("The Leaders recalled the 13th Annual Consultation held in Jakarta on 29 June 2025.", "13th Annual Consultation",
     "2025-06-29"),
    ("The zone agreement was signed at the Leaders' Retreat in January 2025.", "Leaders' Retreat", "2025-01"),
    ("Korea would hold the first meeting of a new Joint Committee on Trade in Manila in February 2027.",
     "First meeting of a new Joint Committee", "2027-02"),
])
def test_a_consultation_a_retreat_and_the_first_meeting_of_a_new_body_are_meetings(
        sentence: str, title: str, date: str) -> None:
    assert (title, date) in {(f.fields["title"], f.fields["date"]) for f in _events(sentence)}


def test_an_exchange_of_instruments_dated_in_a_took_place_clause_is_that_exchange() -> None:
    ev = _one("The ministers welcomed the exchange of instruments of ratification of the Treaty between the "
              "Republic of Chile and Peru relating to the Delimitation of the Maritime Boundary in the Pacific "
              "Ocean, which took place in Lima on 25 November 2024.")
    assert ev.fields["date"] == "2024-11-25"
    assert ev.fields["title"].startswith("Exchange of instruments of ratification of Treaty between the Republic of "
                                         "Chile and Peru relating to the Delimitation of the Maritime Boundary")


def test_an_entry_into_force_dated_before_its_of_is_that_agreements_not_the_later_signing() -> None:
    found = {f.fields["event_kind"]: f for f in _events(
        "The leaders welcomed the entry into force on 1 March 2024 of the revised Fisheries Agreement and the "
        "revised Transit Agreement, both signed in Oslo on 9 June 2021, which eased the rules for skippers.")}
    assert found["entry into force"].fields["title"] == "Entry into force of Fisheries Agreement"
    assert found["entry into force"].fields["date"] == "2024-03-01"
    assert found["signing"].fields["date"] == "2021-06-09"


def test_an_anniversary_of_an_agreement_signed_on_a_date_dates_that_signing() -> None:
    ev = _one("Widodo marked the 60th anniversary of the Agreement to Restore Relations signed in Jakarta on "
              "11 August 1966, which ended a long dispute.")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("signing", "1966-08-11")
    assert not _events("Widodo marked the 60th anniversary of diplomatic relations.")


def test_a_past_event_beside_a_future_clause_is_last_months_not_next_years() -> None:
    """ "Our navies held a drill in August, and Widodo will visit Tokyo in March" (written in December):
    the future of the second clause does not make the drill next August's."""
    found = {f.fields["event_kind"]: f for f in _events(
        "Our navies held a search-and-rescue drill off Darwin in August, and Widodo will visit Tokyo in March "
        "to meet Fumio Kishida.", published="2026-12-03")}
    assert found["exercise"].fields["date"] == "2026-08"
    assert found["visit"].fields["date"] == "2027-03"


def test_the_same_day_is_the_day_of_the_last_event_told_within_a_longer_visit() -> None:
    text = ("Albanese paid an official visit to Indonesia from 16 to 18 May 2024, during which he co-chaired the "
            "9th Meeting of the Joint Commission, held in Jakarta on 17 May 2024.\n\n"
            "On the afternoon of the same day, Albanese paid a courtesy call on Widodo.")
    found = {f.fields["event_kind"]: f for f in _events(text, published="2024-05-20")}
    assert found["meeting"].fields["participants"] == ["Anthony Albanese", "Joko Widodo"]
    assert found["meeting"].fields["date"] == "2024-05-17"  # the commission's day, not the visit's month


def test_the_host_who_invited_with_courtesy_titles_is_not_the_visitor() -> None:
    ev = _one("Upon the kind invitation of H.E. Mr. Fumio Kishida, Deputy Prime Minister cum Minister of Foreign "
              "Affairs of Japan, H.E. Mr. Anthony Albanese, Prime Minister of Australia, together with a high-level "
              "delegation, has paid an official visit to Japan from 25 to 27 November 2023.")
    assert ev.fields["title"] == "Anthony Albanese official visit to Japan"


def test_due_in_a_city_is_a_coming_visit() -> None:
    ev = _one("Fumio Kishida is due in Canberra in January for talks with Anthony Albanese.", published="2026-12-01")
    assert (ev.fields["date"], ev.fields["status"]) == ("2027-01", "scheduled")


def test_an_anniversary_of_relations_established_on_a_day_dates_their_establishment() -> None:
    ev = _one("The visit takes place in the year of the 76th anniversary of the establishment of diplomatic "
              "relations between the two countries on 19 December 1950.")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("establishment", "1950-12-19")


def test_on_the_same_occasion_an_exchange_of_instruments_takes_the_day_last_told() -> None:
    text = ("The 9th Meeting of the Joint Commission was held in Jakarta on 17 May 2024.\n\n"
            "On the same occasion, the two sides exchanged the instruments of ratification of the Treaty on Mutual "
            "Legal Assistance in Criminal Matters, which will enter into force thirty days after the exchange.")
    found = {f.fields["title"]: f for f in _events(text, published="2024-05-20")}
    treaty = found["Exchange of instruments of ratification of Treaty on Mutual Legal Assistance in Criminal Matters"]
    assert treaty.fields["date"] == "2024-05-17"  # the future of its relative clause is the treaty's, not this act's


def test_an_exchange_of_documents_is_an_event() -> None:
    ev = _one("On 17 May 2024, Albanese and Widodo witnessed the exchange of five documents in Jakarta.",
              published="2024-05-20")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("signing", "2024-05-17")
    assert ev.fields["title"].startswith("Exchange of documents")


def test_a_named_exercise_dated_by_the_month_opening_the_sentence_not_the_year_compared_with() -> None:
    ev = _one("In November about 2,000 troops from both countries took part in Exercise Southern Cross in Java, "
              "twice as many as in 2024.", published="2026-12-03")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("exercise", "2026-11")
    assert ev.fields["title"].startswith("Exercise Southern Cross")


@pytest.mark.parametrize("text", [
    "An Indonesian fishing boat sank off Ashmore Reef on 14 November.",
    "The KM Sinar Bahari went down on 14 November with 15 crew on board.",
])
def test_a_vessel_that_sank_is_an_event(text: str) -> None:
    ev = _one(text, published="2026-12-03")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("disaster", "2026-11-14")


def test_prices_that_went_down_are_no_sinking() -> None:
    assert not _events("Prices went down on Monday in the market.", published="2026-12-03")


def test_what_reopened_the_same_month_is_what_reopened_not_the_month() -> None:
    ev = _one("In March 2025 the two presidents signed a treaty on the state border in Bishkek, and the main "
              "crossing points reopened the same month.")
    assert "same month" not in ev.fields["title"]


def test_relations_upgraded_to_a_partnership_are_an_event_of_that_year() -> None:
    ev = _one("Chile and Peru upgraded relations to a strategic partnership in 2011.")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("establishment", "2011")
    assert ev.fields["title"] == "Upgrade of relations to strategic partnership"


def test_what_opened_in_a_relative_clause_is_its_antecedent() -> None:
    ev = _one("Projects financed from them include the Arica-Tacna rail link, which cost some $200 million and "
              "opened in November 2023.")
    assert (ev.fields["title"], ev.fields["date"]) == ("Opening of Arica-Tacna rail link", "2023-11")


# --- happenings told by their own words: firefights, landfalls, shut crossings, export controls ---

@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("A border guard was killed in a firefight on May 28, 2023.", "2023-05-28", "Firefight"),
    ("Typhoon Mawar made landfall in Luzon on 14 February.", "2024-02-14", "Landfall of Typhoon Mawar in Luzon"),
    ("The border crossings were shut in June 2023.", "2023-06", "Closure of border crossings"),
    ("Seoul tightened controls on exports to Tokyo in July 2019.", "2019-07",
     "Tightening of controls on exports"),
])
def test_an_event_word_that_tells_the_whole_happening_is_an_event(sentence: str, date: str, title: str) -> None:
    ev = _one(sentence)
    assert (ev.fields["date"], ev.fields["title"]) == (date, title)


@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("The 22nd JC Meeting, which was held in Mombasa in August 2023, adopted a work plan.", "2023-08",
     "22nd JC Meeting"),
    ("The Fifth Joint Commission Session took place in Accra on 3 February.", "2024-02-03",
     "Fifth Joint Commission Session"),
])
def test_a_numbered_meeting_named_by_its_body_is_an_event(sentence: str, date: str, title: str) -> None:
    ev = _one(sentence)
    assert (ev.fields["date"], ev.fields["title"]) == (date, title)


@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("The ferry service between Mombasa and Zanzibar, launched in April 2022, carries 400 people a day.", "2022-04",
     "Launch of ferry service between Mombasa and Zanzibar"),
    ("The Lagos-Cotonou Express Link will begin passenger service on 1 January 2025.", "2025-01-01",
     "Opening of Lagos-Cotonou Express Link"),
])
def test_what_a_launch_or_a_first_service_is_of_comes_from_the_sentence_subject(sentence: str, date: str,
                                                                                 title: str) -> None:
    ev = _one(sentence)
    assert (ev.fields["date"], ev.fields["title"]) == (date, title)


def test_an_apposition_before_a_main_verb_is_not_what_opened() -> None:
    found = _events("The crossing, the busiest on the border and the gateway to the port of Tema, reopened in May 2023.")
    assert all("gateway" not in f.fields["title"] for f in found)


@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("Our foreign and defence ministers met in Nairobi on 8 February.", "2024-02-08",
     "Meeting of foreign and defence ministers in Kenya"),
    ("Technical teams of the Joint Water Commission met on 9 February.", "2024-02-09",
     "Meeting of technical teams of the Joint Water Commission"),
    ("Talks resumed in Lima, where negotiators met on Wednesday.", "2024-02-28", "Meeting of negotiators"),
])
def test_unnamed_officials_who_met_make_a_meeting(sentence: str, date: str, title: str) -> None:
    ev = next(f for f in _events(sentence) if f.fields["title"].startswith("Meeting of"))
    assert (ev.fields["date"], ev.fields["title"]) == (date, title)


def test_a_past_event_verb_in_a_relative_clause_is_past_whatever_the_sentence_reports() -> None:
    ev = _one("Prime Minister Anthony Albanese, who signed the agreement in Lima in May, told reporters on Monday that "
              "refunds would be faster.", published="2026-11-13")
    assert (ev.fields["date"], ev.fields["status"]) == ("2026-05", "held")


def test_a_date_before_that_dates_the_main_verb_not_the_event_in_the_clause() -> None:
    found = _events("The two sides agreed today that the utilities will set up a joint working group on water "
                    "quality.", published="2026-12-03")
    assert [f.fields["date"] for f in found if f.fields["event_kind"] == "establishment"] == []


def test_what_took_effect_is_not_a_name_joined_on_after_it() -> None:
    found = _events("The pact builds on the Chile-Peru Free Trade Agreement, which entered into force in January "
                    "2015, and the strategic partnership the two countries established in 2021.")
    [ev] = [f for f in found if f.fields["event_kind"] == "entry into force"]
    assert ev.fields["title"] == "Entry into force of Chile-Peru Free Trade Agreement"


@pytest.mark.parametrize(("sentence", "date", "title"), [
    ("Some 40 Thai soldiers took part in a multinational exercise in Mongolia in June 2023.", "2023-06",
     "Multinational exercise in Mongolia"),
    ("Ratu Sir Lala Sukuna never saw it, but Ratu Mara led Fiji to independence in 1970.", "1970",
     "Independence of Fiji"),
    ("Ghana gained independence from Britain in 1957.", "1957", "Independence of Ghana"),
    ("Timor-Leste joined ASEAN as its 11th member in October 2023.", "2023-10", "Accession to ASEAN"),
    ("The two transport ministries amended their air services agreement in September 2023.", "2023-09",
     "Amendment of air services agreement"),
])
def test_exercises_independence_accession_and_amendment_are_events(sentence: str, date: str, title: str) -> None:
    ev = _one(sentence)
    assert (ev.fields["date"], ev.fields["title"]) == (date, title)


def test_joining_a_ministry_is_no_accession() -> None:
    assert _events("She joined the Foreign Ministry in 1990.") == []


def test_is_to_tells_a_scheduled_event() -> None:
    ev = _one("About 300 troops are to rehearse the protocol in Exercise Veitokani in August.", published="2026-11-25")
    assert (ev.fields["date"], ev.fields["status"]) == ("2027-08", "scheduled")


def test_a_date_before_a_clause_with_its_own_subject_does_not_date_the_event_in_it() -> None:
    found = _events("It was first agreed in 2018, it was suspended, and it is now running.")
    assert [f for f in found if f.fields["event_kind"] == "renewal"] == []


def test_a_clause_of_another_subject_after_an_event_does_not_lend_it_its_date() -> None:
    found = _events("The two governments also signed a memorandum of understanding on running the market, and "
                    "Kishida stressed that the 2003 arrangement stays in force.")
    assert [f.fields["date"] for f in found if f.fields["event_kind"] == "signing"] == []


def test_a_modal_in_a_clause_of_another_subject_does_not_make_a_past_event_scheduled() -> None:
    ev = _one("Some 40 soldiers took part in a multinational exercise in Mongolia in June, and I would refer you to "
              "the ministry.", published="2026-11-12")
    assert (ev.fields["date"], ev.fields["status"]) == ("2026-06", "held")


def test_an_arrival_is_a_visit_and_one_visit_is_titled_once() -> None:
    ev = _one("Prime Minister Anthony Albanese arrived in Jakarta on Sunday for a state visit.")
    assert ev.fields["title"] == "Anthony Albanese state visit to Indonesia"
    assert _one("Anthony Albanese arrived in Jakarta on Sunday.").fields["event_kind"] == "visit"


def test_a_title_joined_on_keeps_the_capitals_of_a_name() -> None:
    ev = _one("Anthony Albanese visited Manila on Monday for the ASEAN-Australia Summit.")
    assert ev.fields["title"].endswith("; ASEAN-Australia Summit"), ev.fields["title"]


# --- 4 December 2026: a timeline's entries -----------------------------------------------------------------

_TIMELINE = ("Chile and Peru have grown closer, officials in Lima said on 2 March 2024.\n\n"
             "MILESTONES\n\n"
             "12 July 1976 – Chile and Peru establish diplomatic relations\n"
             "1996 – First joint oceanographic expedition in the Pacific\n"
             "November 2015 – Strategic partnership signed in Lima\n"
             "* Nov 27, 2026 - Memorandum on ports due to be signed in Santiago.\n")


def test_each_entry_of_a_timeline_is_an_event_of_its_date() -> None:
    found = {f.fields["date"]: f for f in _events(_TIMELINE)}
    assert found["1976-07-12"].fields["title"] == "Chile and Peru establish diplomatic relations"
    assert found["1996"].fields["title"] == "First joint oceanographic expedition in the Pacific"
    assert found["2015-11"].fields["title"] == "Strategic partnership signed in Lima"
    assert (found["2026-11-27"].fields["title"], found["2026-11-27"].fields["status"]) == (
        "Memorandum on ports due to be signed in Santiago", "scheduled")
    assert "2024-03-02" not in found  # (nothing happened on the day officials spoke)


def test_a_dateline_or_a_lone_dated_line_is_no_timeline() -> None:
    assert _events("LIMA, Nov 19, 2026 - Chile and Peru have grown closer.\n\n"
                   "1996 – First joint oceanographic expedition in the Pacific\n") == []


def test_a_timeline_entry_that_repeats_an_event_of_the_story_is_that_event() -> None:
    found = _events("Chile and Peru established diplomatic relations on 12 July 1976.\n\n" + _TIMELINE)
    on_the_day = [f for f in found if f.fields["date"] == "1976-07-12"]
    assert len(on_the_day) == 1
    assert len(on_the_day[0].spans) == 2


def test_a_timeline_entry_line_is_a_list_item_not_a_heading() -> None:
    from bilateral.ingest.text import split_passages
    roles = {p.text: p.role for p in split_passages(Source(id="t", text=_TIMELINE))}
    assert roles["1996 – First joint oceanographic expedition in the Pacific"] == "list_item"
    assert roles["MILESTONES"] == "heading"


def test_a_host_receiving_a_visitor_is_a_meeting() -> None:
    (event,) = _document_events("On November 3, Vice Minister Eva Soto received Juan Ortiz, Vice Minister of Trade "
                                "of Peru.", published="2026-11-04")
    assert (event.fields["date"], event.fields["event_kind"]) == ("2026-11-03", "meeting")
    assert _document_events("Peru received Japanese aid in May.", published="2026-11-04") == []


def test_a_rescue_at_sea_is_an_event_told_by_who_was_saved() -> None:
    (event,) = _events("In June Chilean fishermen rescued 11 Peruvian crewmen whose boat had sunk.", "2026-11-04")
    assert (event.fields["date"], event.fields["title"]) == ("2026-06", "Rescue of 11 Peruvian crewmen")



def test_a_participle_signed_before_a_noun_is_no_signing_word() -> None:
    # "supervision of signed agreements", "the newly signed deal": what was signed before, no signing here
    signing = next(p for word, family, p in _TRIGGERS if family == "signing")
    for text in ("step up supervision of signed agreements", "the newly signed deal", "its signed copy"):
        assert signing.search(text) is None, text
    for text in ("Peru and Chile signed a fisheries agreement", "had already signed the deal", "the signing of"):
        assert signing.search(text) is not None, text


def test_a_pronoun_subject_after_an_opening_phrase_is_the_subject_before_and_goes_on_down_the_paragraph() -> None:
    """"The same day, the visitor laid a wreath … On March 4, he met A, B and C. On March 5, he visited …": both
    "he" are the subject the paragraph opened with, not the last name before them (a name in a place's name,
    the last of the people met), and he is the first of the people of the meeting."""
    text = ("On March 3, Albanese held talks with Joko Widodo.\n\n"
            "The same day, Albanese laid a wreath at the Monument of President Lee Hsien Loong. On March 4, he met "
            "with Prime Minister Fumio Kishida and Chairman Yoon Suk Yeol. On March 5, he visited a port.")
    found = {(f.fields["event_kind"], f.fields["date"]): f for f in _events(text)}
    meeting = found[("meeting", "2024-03-04")]
    assert meeting.fields["participants"] == ["Anthony Albanese", "Fumio Kishida", "Yoon Suk Yeol"]
    assert meeting.fields["title"] == "Meeting between Anthony Albanese, Fumio Kishida and Yoon Suk Yeol"
    assert found[("visit", "2024-03-05")].fields["participants"] == ["Anthony Albanese"]


def test_the_host_whose_invitation_opens_the_sentence_is_not_the_visitor_however_long_his_title() -> None:
    ev = _one("At the invitation of President of the Republic of Korea Yoon Suk Yeol, Prime Minister of Japan "
              "Fumio Kishida paid a state visit to Korea from March 3 to 4.")
    assert ev.fields["title"] == "Fumio Kishida state visit to South Korea"


def test_a_seizure_at_sea_is_an_incident_told_by_what_was_taken_active_or_passive() -> None:
    active = _one("The coast guard boarded and seized a Korean trawler and its 14 crew in the strait on March 3.")
    assert (active.fields["event_kind"], active.fields["date"]) == ("seizure", "2024-03-03")
    assert active.fields["title"].startswith("Seizure of Korean trawler")
    passive = _one("The trawler, KR-2041, was boarded at about 5.30am on Sunday, some 35 nautical miles off the "
                   "island, according to its owner, Yoon Suk Yeol.")
    assert (passive.fields["event_kind"], passive.fields["title"]) == ("seizure", "Seizure of trawler")
    assert passive.fields["participants"] == []  # the source "according to", not someone in the event
    assert _events("Customs officers seized 3 tonnes of ivory on March 3.") == []  # goods: no vessel or crew


def test_a_future_clause_of_another_subject_joined_by_and_that_does_not_make_a_past_event_scheduled() -> None:
    """"… had expelled eight boats since October, and that it would continue …" written in December: last
    October, not next."""
    ev = _one("The ministry said its ships had expelled eight fishing boats from the gulf since October, and that "
              "it would continue to deal with such cases.", published="2026-12-04")
    assert (ev.fields["event_kind"], ev.fields["date"]) == ("expulsion", "2026-10")


def test_a_project_that_broke_ground_is_a_groundbreaking_of_that_project() -> None:
    """"The Busan – Seoul railway, which broke ground last December", "the … line that broke ground in December
    2025", "the groundbreaking ceremony for the … bridge on Monday": the start of a project's construction."""
    found = [(f.fields["event_kind"], f.fields["date"], f.fields["title"]) for f in _events(
        "The Busan – Seoul high-speed railway, which broke ground last December, could triple the traffic.",
        published="2026-12-02")]
    assert found == [("groundbreaking", "2025-12", "Groundbreaking of the Busan – Seoul high-speed railway")]
    ev = _one("Officials attended the groundbreaking ceremony for the Incheon bridge on Monday.")
    assert (ev.fields["event_kind"], ev.fields["title"]) == ("groundbreaking", "Groundbreaking of the Incheon bridge")
    assert _events("The team broke ground on a new tactic in December.") == []  # no project of construction


@pytest.mark.parametrize("text", [
    "The documentary captured the hearts of fishermen along the coast when it aired on March 3.",
    "The cruise ship was boarded by 2,000 tourists in Busan on March 3.",
    "The two leaders broke ground on the road to a free trade deal at their summit on March 3.",
])
def test_figurative_seizures_and_groundbreakings_are_no_events(text: str) -> None:
    assert [f.fields["event_kind"] for f in _events(text)] == []


def test_a_name_after_according_to_a_thing_takes_part_and_a_pronoun_chain_keeps_its_gender() -> None:
    ev = _one("Kishida spoke to reporters. According to the plan, Kishida will meet Yoon Suk Yeol in Seoul on "
              "March 14.")
    assert ev.fields["participants"] == ["Fumio Kishida", "Yoon Suk Yeol"]
    text = ("Yoon Suk Yeol arrived in Tokyo on March 3. At the airport, she was greeted by Kishida. On March 4, he "
            "met Albanese.")
    meeting = next(f for f in _events(text) if f.fields["date"] == "2024-03-04")
    assert "Yoon Suk Yeol" not in meeting.fields["participants"]


def test_the_years_a_listed_programme_covers_do_not_date_its_signing() -> None:
    found = [(f.fields["event_kind"], f.fields["date"]) for f in _events(
        "- Cooperation Programme between the two foreign ministries for 2027 – 2028, signed by Foreign Minister "
        "Kishida and Foreign Minister Yoon Suk Yeol.", published="2026-10-15")]
    assert ("signing", "2028") not in found and ("signing", "2027") not in found


def test_relations_normalised_on_a_date_are_a_normalisation_of_relations() -> None:
    """"normalised relations in November 1991" and "the 35th anniversary of the normalisation of their relations
    (November 1991 – November 2026)": one event, titled as what it is (no "Establishment of normalisation")."""
    found = [(f.fields["event_kind"], f.fields["date"], f.fields["title"]) for f in _events(
        "When Korea and Japan normalised relations in November 1991, trade was small.\n\n"
        "The two countries celebrate the 35th anniversary of the normalisation of their relations "
        "(November 1991 – November 2026).", published="2026-11-10")]
    assert found == [("establishment", "1991-11", "Normalisation of relations")]
    assert _events("The committee normalised its procedures in 2020.") == []
