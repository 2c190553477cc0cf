"""Golden citations, written by hand from each style guide's rules for a news article.

APA 7 §10.2 (newspaper article) and its rules for a missing author (title in
the author's place) and date ("n.d."); Chicago 17 §14.191 (news, in notes and
in author-date form; no author: the note opens with the title, the reference
list puts the paper's name first; "n.d."); MLA 9 handbook (news article:
author, "title," container, day month-abbreviation year, location); Cite Them
Right (Harvard), newspaper article online ("no date"). Where metadata is missing the guide's own device is used
("n.d.", "no date", title or paper moved to the author's place). A date that
Bilateral inferred is printed in square brackets, the guides' mark for
information the citer supplies.

These strings were not copied from the processor's output; a change in the
processor that breaks a guide's rule fails here.
"""

from __future__ import annotations

import pytest

from bilateral.core.cite import render
from bilateral.core.model import Source

URL = "https://www.ft.com/content/rail-deal"

CASES: dict[str, Source] = {
    "author": Source(id="a", text="x", title="Vietnam and China sign rail deal", publisher="Financial Times",
                     author="John Reed", published="2025-04-14", url=URL, basis={"published": "stated"}),
    "no-author": Source(id="b", text="x",
                        title="75 years on, China-Vietnam cooperation brings global stability",
                        publisher="IssueWire", published="2025-04-15", basis={"published": "stated"}),
    "no-date": Source(id="c", text="x", title="Vietnam and China sign rail deal", publisher="Financial Times",
                      author="John Reed", url=URL),
    "inferred-date": Source(id="d", text="x", title="Vietnam and China sign rail deal",
                            publisher="Financial Times", author="John Reed", published="2025-04", url=URL,
                            basis={"published": "inferred"}),
}

LINK = f'<a href="{URL}">{URL}</a>'
T_NO_AUTHOR_TC = "75 Years on, China-Vietnam Cooperation Brings Global Stability"
T_NO_AUTHOR_SC = "75 years on, China-Vietnam cooperation brings global stability"

# style -> case -> (in-text citation or note, reference as text, reference as HTML)
GOLDEN: dict[str, dict[str, tuple[str, str, str]]] = {
    "apa": {
        "author": (
            "(Reed, 2025)",
            f"Reed, J. (2025, April 14). Vietnam and China sign rail deal. Financial Times. {URL}",
            f"Reed, J. (2025, April 14). Vietnam and China sign rail deal. <i>Financial Times</i>. {LINK}",
        ),
        "no-author": (
            f"(“{T_NO_AUTHOR_TC},” 2025)",
            f"{T_NO_AUTHOR_SC}. (2025, April 15). IssueWire.",
            f"{T_NO_AUTHOR_SC}. (2025, April 15). <i>IssueWire</i>.",
        ),
        "no-date": (
            "(Reed, n.d.)",
            f"Reed, J. (n.d.). Vietnam and China sign rail deal. Financial Times. {URL}",
            f"Reed, J. (n.d.). Vietnam and China sign rail deal. <i>Financial Times</i>. {LINK}",
        ),
        "inferred-date": (
            "(Reed, [2025])",
            f"Reed, J. ([2025, April]). Vietnam and China sign rail deal. Financial Times. {URL}",
            f"Reed, J. ([2025, April]). Vietnam and China sign rail deal. <i>Financial Times</i>. {LINK}",
        ),
    },
    "chicago-note": {  # the note is the citation; a title in headline style, comma inside the quotes
        "author": (
            f"John Reed, “Vietnam and China Sign Rail Deal,” Financial Times, April 14, 2025, {URL}.",
            "", "",
        ),
        "no-author": (f"“{T_NO_AUTHOR_TC},” IssueWire, April 15, 2025.", "", ""),
        "no-date": (f"John Reed, “Vietnam and China Sign Rail Deal,” Financial Times, n.d., {URL}.", "", ""),
        "inferred-date": (
            f"John Reed, “Vietnam and China Sign Rail Deal,” Financial Times, [April 2025], {URL}.", "", "",
        ),
    },
    "chicago-author-date": {
        "author": (
            "(Reed 2025)",
            f"Reed, John. 2025. “Vietnam and China Sign Rail Deal.” Financial Times, April 14, 2025. {URL}.",
            f"Reed, John. 2025. “Vietnam and China Sign Rail Deal.” <i>Financial Times</i>, April 14, 2025. {LINK}.",
        ),
        "no-author": (  # the paper's name stands in for the author
            "(IssueWire 2025)",
            f"IssueWire. 2025. “{T_NO_AUTHOR_TC}.” April 15, 2025.",
            f"<i>IssueWire</i>. 2025. “{T_NO_AUTHOR_TC}.” April 15, 2025.",
        ),
        "no-date": (
            "(Reed, n.d.)",
            f"Reed, John. n.d. “Vietnam and China Sign Rail Deal.” Financial Times. {URL}.",
            f"Reed, John. n.d. “Vietnam and China Sign Rail Deal.” <i>Financial Times</i>. {LINK}.",
        ),
        "inferred-date": (
            "(Reed [2025])",
            f"Reed, John. [2025]. “Vietnam and China Sign Rail Deal.” Financial Times, [April 2025]. {URL}.",
            f"Reed, John. [2025]. “Vietnam and China Sign Rail Deal.” <i>Financial Times</i>, [April 2025]. {LINK}.",
        ),
    },
    "mla": {
        "author": (
            "(Reed)",
            f"Reed, John. “Vietnam and China Sign Rail Deal.” Financial Times, 14 Apr. 2025, {URL}.",
            f"Reed, John. “Vietnam and China Sign Rail Deal.” <i>Financial Times</i>, 14 Apr. 2025, {LINK}.",
        ),
        "no-author": (
            f"(“{T_NO_AUTHOR_TC}”)",
            f"“{T_NO_AUTHOR_TC}.” IssueWire, 15 Apr. 2025.",
            f"“{T_NO_AUTHOR_TC}.” <i>IssueWire</i>, 15 Apr. 2025.",
        ),
        "no-date": (
            "(Reed)",
            f"Reed, John. “Vietnam and China Sign Rail Deal.” Financial Times, {URL}.",
            f"Reed, John. “Vietnam and China Sign Rail Deal.” <i>Financial Times</i>, {LINK}.",
        ),
        "inferred-date": (
            "(Reed)",
            f"Reed, John. “Vietnam and China Sign Rail Deal.” Financial Times, [Apr. 2025], {URL}.",
            f"Reed, John. “Vietnam and China Sign Rail Deal.” <i>Financial Times</i>, [Apr. 2025], {LINK}.",
        ),
    },
    "harvard": {  # British: single quotes, punctuation outside them; no access date is invented
        "author": (
            "(Reed, 2025)",
            f"Reed, J. (2025) ‘Vietnam and China sign rail deal’, Financial Times, 14 April. Available at: {URL}.",
            f"Reed, J. (2025) ‘Vietnam and China sign rail deal’, <i>Financial Times</i>, 14 April. "
            f"Available at: {LINK}.",
        ),
        "no-author": (
            "(IssueWire, 2025)",
            f"IssueWire (2025) ‘{T_NO_AUTHOR_SC}’, 15 April.",
            f"<i>IssueWire</i> (2025) ‘{T_NO_AUTHOR_SC}’, 15 April.",
        ),
        "no-date": (
            "(Reed, no date)",
            f"Reed, J. (no date) ‘Vietnam and China sign rail deal’, Financial Times. Available at: {URL}.",
            f"Reed, J. (no date) ‘Vietnam and China sign rail deal’, <i>Financial Times</i>. Available at: {LINK}.",
        ),
        "inferred-date": (
            "(Reed, [2025])",
            f"Reed, J. ([2025]) ‘Vietnam and China sign rail deal’, Financial Times, [April]. Available at: {URL}.",
            f"Reed, J. ([2025]) ‘Vietnam and China sign rail deal’, <i>Financial Times</i>, [April]. "
            f"Available at: {LINK}.",
        ),
    },
}

#: The in-text citation's HTML where it differs from its text (a paper's name is italic).
CITE_HTML = {
    ("chicago-author-date", "no-author"): "(<i>IssueWire</i> 2025)",
    ("harvard", "no-author"): "(<i>IssueWire</i>, 2025)",
}
NOTE_HTML = {
    "author": f"John Reed, “Vietnam and China Sign Rail Deal,” <i>Financial Times</i>, April 14, 2025, {LINK}.",
    "no-author": f"“{T_NO_AUTHOR_TC},” <i>IssueWire</i>, April 15, 2025.",
    "no-date": f"John Reed, “Vietnam and China Sign Rail Deal,” <i>Financial Times</i>, n.d., {LINK}.",
    "inferred-date": f"John Reed, “Vietnam and China Sign Rail Deal,” <i>Financial Times</i>, [April 2025], {LINK}.",
}

PASSAGE = "The railway will link Hanoi and Kunming."
PARAMS = [(style, case) for style in GOLDEN for case in CASES]


@pytest.mark.parametrize(("style", "case"), PARAMS)
def test_golden_text(style: str, case: str) -> None:
    cite, ref, _ = GOLDEN[style][case]
    out = render(style, PASSAGE, CASES[case]).plain
    if style == "chicago-note":
        assert out == f"“{PASSAGE}”¹\n\n1. {cite}"
    else:  # the full stop moves after the parenthetical citation
        assert out == f"“{PASSAGE[:-1]}” {cite}.\n\n{ref}"


@pytest.mark.parametrize(("style", "case"), PARAMS)
def test_golden_html(style: str, case: str) -> None:
    cite, _, ref_html = GOLDEN[style][case]
    out = render(style, PASSAGE, CASES[case]).html
    if style == "chicago-note":
        assert out == f"<p>“{PASSAGE}”<sup>1</sup></p>\n<p>1. {NOTE_HTML[case]}</p>"
    else:
        cite_html = CITE_HTML.get((style, case), cite)
        assert out == f"<p>“{PASSAGE[:-1]}” {cite_html}.</p>\n<p>{ref_html}</p>"


CHINESE = Source(id="e", text="x", title="China-Vietnam ties elevated to new heights", publisher="CGTN",
                 author="Xin Ge", published="2023-12-14", basis={"published": "stated"})


@pytest.mark.parametrize(("style", "expected"), [
    # APA and Cite Them Right invert every name and keep initials; Chicago (§8.14)
    # and MLA keep a Chinese name in its own order, without a comma.
    ("apa", "Xin, G. (2023, December 14). China-Vietnam ties elevated to new heights. CGTN."),
    ("chicago-note", "1. Xin Ge, “China-Vietnam Ties Elevated to New Heights,” CGTN, December 14, 2023."),
    ("chicago-author-date", "Xin Ge. 2023. “China-Vietnam Ties Elevated to New Heights.” CGTN, December 14, 2023."),
    ("mla", "Xin Ge. “China-Vietnam Ties Elevated to New Heights.” CGTN, 14 Dec. 2023."),
    ("harvard", "Xin, G. (2023) ‘China-Vietnam ties elevated to new heights’, CGTN, 14 December."),
])
def test_family_first_names(style: str, expected: str) -> None:
    out = render(style, "A line.", CHINESE).plain
    assert out.endswith(expected)
    if style in ("apa", "harvard"):
        assert "(Xin, 2023)" in out
    if style == "chicago-author-date":
        assert "(Xin 2023)" in out  # the family name alone in the text


@pytest.mark.parametrize("style", list(GOLDEN))
def test_processor_faults_are_not_there(style: str) -> None:
    """citeproc-py printed a title twice with no author and a stray 'Edition'."""
    out = render(style, "A line.", CASES["no-author"]).plain
    reference = out.split("\n\n", 1)[1]
    assert reference.lower().count("75 years on") == 1
    assert "Edition" not in out and "edition" not in out


def test_inferred_day_is_bracketed_with_its_date() -> None:
    source = Source(id="f", text="x", title="Ties", publisher="CGTN", author="Xin Ge", published="2023-12-14",
                    basis={"published": "inferred"})
    assert "Xin, G. ([2023, December 14])." in render("apa", "t", source).plain
    assert "CGTN, [December 14, 2023]." in render("chicago-note", "t", source).plain
    assert "CGTN, [14 Dec. 2023]." in render("mla", "t", source).plain
    assert "Xin, G. ([2023]) ‘Ties’, CGTN, [14 December]." in render("harvard", "t", source).plain


def test_a_year_in_a_title_is_not_taken_for_the_date() -> None:
    source = Source(id="g", text="x", title="Trade in 2025 and April plans", publisher="CGTN", author="Xin Ge",
                    published="2025-04", basis={"published": "inferred"})
    out = render("apa", "t", source).plain
    assert "Trade in 2025 and April plans" in out and "([2025, April])" in out
    out = render("harvard", "t", source).plain
    assert "‘Trade in 2025 and April plans’, CGTN, [April]." in out
