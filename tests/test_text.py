"""Passage and sentence splitting: offsets stay verbatim, boilerplate is flagged, stray breaks are mended."""

from __future__ import annotations

from bilateral.core.model import Source
from bilateral.ingest.text import Document, split_passages

ARTICLE = """Advertisement

Leaders Meet in Canberra Amid Trade Push

Our Privacy Statement & Cookie Policy
By continuing to browse our site you agree to our use of cookies.
I agree

Prime Minister Anthony Albanese met Japanese Prime Minister Shigeru Ishiba on Monday. Trade reached A$100 billion in 2024, the U.S. Embassy said.

The ministers agreed on three priorities:
Deepening energy cooperation
Expanding student exchanges

The talks were held in a cordial atmosphere and covered energy and

defence cooperation.

A delegation photo of the two leaders at Parliament House in Canberra. /AFP
A delegation photo of the two leaders at Parliament House in Canberra. /AFP

leftcenterrightdel
$\\underline{https://example.org/story}\\\\$
Media Contact
Press Office
press@example.org
Keep Up to Date with the Most Important News
By pressing the Subscribe button, you confirm that you agree.
"""


def _doc() -> Document:
    return Document(Source("t", ARTICLE))


def test_every_passage_and_sentence_is_verbatim() -> None:
    doc = _doc()
    for p in doc.passages:
        assert ARTICLE[p.start:p.end] == p.text
    for s in doc.sentences:
        assert ARTICLE[s.start:s.end] == s.text


def test_boilerplate_is_flagged_with_reason() -> None:
    reasons = {p.text[:20]: p.reason for p in split_passages(Source("t", ARTICLE)) if p.role == "boilerplate"}
    assert reasons["Advertisement"] == "advertisement"
    assert reasons["Our Privacy Statemen"] == "cookie banner"
    assert reasons["I agree"] == "cookie banner"
    assert reasons["leftcenterrightdel"] == "markup debris"
    assert reasons["$\\underline{https://"] == "markup debris"
    assert reasons["Press Office"] == "media contact"
    assert reasons["press@example.org"] == "media contact"
    assert reasons["By pressing the Subs"] == "subscribe prompt"
    assert reasons["A delegation photo o"] in ("photo credit", "repeated caption")


def test_repeated_caption_without_credit_is_boilerplate() -> None:
    caption = "Flags of both countries fly over the harbour during the ceremony"
    doc = Document(Source("t", f"{caption}\nThe summit opened on Tuesday.\n{caption}\n"))
    roles = [(p.text[:5], p.role, p.reason) for p in doc.passages]
    assert roles[0] == ("Flags", "boilerplate", "repeated caption")
    assert roles[1][1] == "prose"


def test_headings_and_list_items_are_not_prose() -> None:
    roles = {p.text: p.role for p in _doc().passages}
    assert roles["Leaders Meet in Canberra Amid Trade Push"] == "heading"
    assert roles["Deepening energy cooperation"] == "list_item"
    assert roles["Expanding student exchanges"] == "list_item"


def test_sentence_split_by_stray_break_is_one_sentence() -> None:
    doc = _doc()
    joined = [s for s in doc.sentences if s.text.startswith("The talks were held")]
    assert len(joined) == 1
    assert joined[0].text.endswith("defence cooperation.")
    assert "\n\n" in joined[0].text


def test_abbreviations_do_not_end_sentences() -> None:
    texts = [s.text for s in _doc().sentences]
    assert "Trade reached A$100 billion in 2024, the U.S. Embassy said." in texts
    assert any(t.startswith("Prime Minister Anthony Albanese") and t.endswith("on Monday.") for t in texts)


def test_boilerplate_feeds_no_sentences() -> None:
    doc = _doc()
    boiler = [p for p in doc.passages if p.role == "boilerplate"]
    assert boiler
    for s in doc.sentences:
        assert all(not (p.start <= s.start < p.end) for p in boiler)


def _sentences(text: str) -> list[str]:
    return [s.text for s in Document(Source("t", text)).sentences]


def test_title_abbreviations_do_not_end_sentences() -> None:
    text = ("The service was led by the Rev. Alan Pike, who spoke of forgiveness. "
            "Capt. Maria Dunn, Maj. Omar Reyes, Sgt. Leo Hart, Adm. Ruth Vance, Lt. Col. Dan Bright "
            "and the Rt. Hon. Edith Crane attended. Gen. Ivo Marsh and Gov. Nell Ames sent wreaths.")
    assert _sentences(text) == [
        "The service was led by the Rev. Alan Pike, who spoke of forgiveness.",
        "Capt. Maria Dunn, Maj. Omar Reyes, Sgt. Leo Hart, Adm. Ruth Vance, Lt. Col. Dan Bright "
        "and the Rt. Hon. Edith Crane attended.",
        "Gen. Ivo Marsh and Gov. Nell Ames sent wreaths.",
    ]


def test_paragraph_ending_in_a_typewriter_closing_quote_is_prose() -> None:
    text = ("Harbour Town Mourns Its Fishermen\n\n"
            "The mayor said the town would ``stand together.''\n\n"
            "``Nobody here will be forgotten,'' she said. ``Not one of them.''\n\n"
            "A Letter From The Farmers'\n")
    doc = Document(Source("t", text))
    roles = {p.text: p.role for p in doc.passages}
    assert roles["The mayor said the town would ``stand together.''"] == "prose"
    assert roles["``Nobody here will be forgotten,'' she said. ``Not one of them.''"] == "prose"
    assert roles["Harbour Town Mourns Its Fishermen"] == "heading"
    assert roles["A Letter From The Farmers'"] == "heading"  # a possessive is not a closing quote
    assert [s.text for s in doc.sentences] == [
        "The mayor said the town would ``stand together.''",
        "``Nobody here will be forgotten,'' she said.",
        "``Not one of them.''",
    ]


def test_a_sentence_may_open_with_a_single_or_typewriter_quote() -> None:
    assert _sentences("The pier was closed. 'It will reopen in May,' he said. `Maybe sooner.'") == [
        "The pier was closed.", "'It will reopen in May,' he said.", "`Maybe sooner.'",
    ]


def test_a_title_case_item_of_a_numbered_list_after_a_long_one_is_a_list_item() -> None:
    """"(2) the Memorandum of Understanding on …; and" follows an item that ends in ";": it is the list's second
    item (read for agreements), not a heading (never read)."""
    text = ("The two ministers witnessed the signing of three documents, namely:\n"
            "(1) the Agreement on Labour Cooperation between the two Governments, signed by the two Ministers of "
            "Labour at the ceremony in the capital;\n"
            "(2) the Memorandum of Understanding on Cooperation in Combating Online Fraud; and\n"
            "(3) the Protocol on Border Trade.\n"
            "Market Outlook For Next Year\n")
    roles = {p.text[:3]: p.role for p in Document(Source("t", text)).passages}
    assert roles["(2)"] == "list_item"
    assert roles["Mar"] == "heading"  # a title-case line after a sentence is still a heading


def test_a_short_bulleted_line_is_a_list_item_not_a_heading() -> None:
    """ "- 422 km — length of the line" under "IN NUMBERS" is read; a heading is never bulleted, but a
    bulleted title-case line ("- Further Reading") stays one."""
    text = "- Further Reading\n\nIN NUMBERS\n\n- 422 km — length of the Lao section\n- 33 — stations on the line"
    roles = [(p.text, p.role) for p in split_passages(Source(id="t", text=text))]
    assert roles == [("- Further Reading", "heading"), ("IN NUMBERS", "heading"),
                     ("- 422 km — length of the Lao section", "list_item"), ("- 33 — stations on the line", "list_item")]


def test_an_abbreviated_given_name_and_joined_initials_do_not_end_a_sentence() -> None:
    doc = Document(Source(id="t", text="The deal was welcomed by Md. Rezaul Karim and by H.D. Deve Gowda on Monday. "
                                       "He left for Washington, D.C. He arrived at 9 a.m. The talks began."))
    assert [s.text for s in doc.sentences] == [
        "The deal was welcomed by Md. Rezaul Karim and by H.D. Deve Gowda on Monday.",
        "He left for Washington, D.C.",  # initials before a word that opens a sentence end it
        "He arrived at 9 a.m.",
        "The talks began.",
    ]


def test_a_patronymic_initial_of_two_letters_does_not_end_a_sentence() -> None:
    doc = Document(Source(id="t", text="The deal was signed by Minister Ts. Oyunchimeg on Wednesday. Kh. Batbold "
                                       "welcomed it."))
    assert [s.text for s in doc.sentences] == [
        "The deal was signed by Minister Ts. Oyunchimeg on Wednesday.", "Kh. Batbold welcomed it."]


def test_a_repeated_line_that_introduces_what_follows_is_no_caption() -> None:
    text = ("The Minister (Hon. Ruth Kaupa) replied:\n\nThe road reopens on Friday.\n\n"
            "The Minister (Hon. Ruth Kaupa) replied:\n\nThe ferry sails next month.\n")
    roles = {p.text: p.role for p in Document(Source(id="t", text=text)).passages}
    assert roles["The Minister (Hon. Ruth Kaupa) replied:"] == "prose"
