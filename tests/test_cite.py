"""Citations: the record, names, quotation marks, escaping, BibTeX/CSL-JSON, the API."""

from __future__ import annotations

import json
import re

import pytest

from bilateral.core.cite import (
    DEFAULT_STYLE,
    FORMATS,
    STYLES,
    Rendered,
    clipboard_html,
    csl_record,
    format_citation,
    human_date,
    reference,
    render,
)
from bilateral.core.cite.names import split_authors
from bilateral.core.model import Source

KNOWN = Source(
    id="004_54a0002ffcc71a09", text="x", title="Ties elevated", publisher="CGTN", author="Xin Ge",
    published="2023-12", url="https://example.org/a", basis={"published": "inferred"},
)
UNKNOWN = Source(id="s2", text="x")


# -- the API --------------------------------------------------------------------------


def test_styles_in_menu_order() -> None:
    assert list(STYLES) == ["apa", "chicago-note", "chicago-author-date", "mla", "harvard",
                            "plain", "markdown", "bibtex", "csl-json"]
    assert DEFAULT_STYLE == "apa" and FORMATS is STYLES


@pytest.mark.parametrize("bad", ["nope", False, True, None, 0, ""])
def test_unknown_style_is_refused(bad: object) -> None:
    with pytest.raises(ValueError, match="unknown citation style"):
        render(bad, "t", KNOWN)  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="unknown citation style"):
        reference(KNOWN, bad)  # type: ignore[arg-type]


@pytest.mark.parametrize("style", list(STYLES))
def test_every_style_carries_the_passage_and_title(style: str) -> None:
    out = render(style, "trade exceeded\n\n$260 billion", KNOWN)
    assert isinstance(out, Rendered)
    assert "trade exceeded $260 billion" in out.plain.replace("\\$", "$")
    assert "Ties" in out.plain and "Ties" in out.html


@pytest.mark.parametrize("style", list(STYLES))
def test_no_offsets_or_invented_strings(style: str) -> None:
    for source in (KNOWN, UNKNOWN):
        out = render(style, "Some words.", source)
        for text in (out.plain, out.html):
            assert not re.search(r"chars? \d", text)
            assert "[untitled]" not in text and "publisher unknown" not in text
            assert "inferred]" not in text


def test_format_citation_is_the_plain_render() -> None:
    assert format_citation("mla", "A line.", KNOWN, 3, 9) == render("mla", "A line.", KNOWN).plain
    assert format_citation("chicago", "A line.", KNOWN) == render("chicago-note", "A line.", KNOWN).plain
    assert clipboard_html("A line.", KNOWN) == render(DEFAULT_STYLE, "A line.", KNOWN).html


def test_reference_alone_has_no_passage() -> None:
    assert reference(KNOWN).plain == "Xin, G. ([2023, December]). Ties elevated. CGTN. https://example.org/a"
    assert reference(KNOWN, "chicago-note").plain.startswith("Xin Ge, “Ties Elevated,” CGTN, [December 2023]")
    assert "Quoted passage" not in reference(KNOWN, "bibtex").plain


def test_human_date() -> None:
    assert human_date(KNOWN) == "December 2023 (inferred)"
    assert human_date(UNKNOWN) == "n.d."
    assert human_date(Source(id="s", text="", published="2025-04-15")) == "15 April 2025"


# -- unknown and inferred metadata ------------------------------------------------------


def test_unknown_metadata_is_said_the_style_way() -> None:
    assert "(n.d.)" in render("apa", "Some words.", UNKNOWN).plain
    assert "no date" in render("harvard", "Some words.", UNKNOWN).plain
    assert render("mla", "Some words.", UNKNOWN).plain == "“Some words.”"  # MLA has nothing to print
    assert reference(UNKNOWN, "bibtex").plain == "@online{anonnd,\n}\n"
    record = csl_record(UNKNOWN)
    assert set(record) == {"id", "type"}


def test_inferred_date_in_brackets_everywhere_it_is_printed() -> None:
    assert "(Xin, [2023])" in render("apa", "t", KNOWN).plain
    assert "([2023, December])" in render("plain", "t", KNOWN).plain
    assert "(Xin [2023])" in render("chicago-author-date", "t", KNOWN).plain
    assert "[Dec. 2023]" in render("mla", "t", KNOWN).plain
    stated = Source(id="s", text="x", title="Ties", author="Xin Ge", published="2023-12",
                    basis={"published": "stated"})
    assert "[" not in render("apa", "t", stated).plain


# -- names ------------------------------------------------------------------------------


@pytest.mark.parametrize(("byline", "names"), [
    ("Xin Ge", [{"family": "Xin", "given": "Ge"}]),
    ("Nguyen Van An", [{"family": "Nguyen", "given": "Van An"}]),
    ("Nguyễn Phú Trọng", [{"family": "Nguyễn", "given": "Phú Trọng"}]),
    ("Wang Yi and Tô Lâm", [{"family": "Wang", "given": "Yi"}, {"family": "Tô", "given": "Lâm"}]),
    ("John Reed", [{"family": "Reed", "given": "John"}]),
    ("Van Morrison", [{"family": "Morrison", "given": "Van"}]),  # a listed family name, not Vietnamese
    ("Han Solo", [{"family": "Solo", "given": "Han"}]),  # "Solo" is not pinyin
    ("Ursula von der Leyen", [{"family": "von der Leyen", "given": "Ursula"}]),
    ("Luiz Inácio Lula da Silva", [{"family": "da Silva", "given": "Luiz Inácio Lula"}]),
    ("Martin Luther King Jr.", [{"family": "King", "given": "Martin Luther", "suffix": "Jr."}]),
    ("Reed, John", [{"family": "Reed", "given": "John"}]),
    ("Xinhua", [{"literal": "Xinhua"}]),
    ("CGTN Staff", [{"literal": "CGTN Staff"}]),
    ("Vietnam News Agency", [{"literal": "Vietnam News Agency"}]),
    ("Xin Ge; John Reed", [{"family": "Xin", "given": "Ge"}, {"family": "Reed", "given": "John"}]),
])
def test_names_in_the_record(byline: str, names: list[dict[str, str]]) -> None:
    source = Source(id="s", text="x", title="T", author=byline)
    assert csl_record(source)["author"] == names


def test_family_first_is_marked_for_rendering_only() -> None:
    assert split_authors("Xin Ge")[0].get("family_first") is True
    assert "family_first" not in json.dumps(csl_record(KNOWN))


def test_family_names_come_from_the_data_file() -> None:
    from bilateral.core.paths import data_dir

    data = json.loads((data_dir() / "lexicon" / "family_names.json").read_text(encoding="utf-8"))
    assert "Xin" in data["chinese"] and "Nguyen" in data["vietnamese"] and "Van" not in data["vietnamese"]


# -- quotation marks and escaping ---------------------------------------------------------


@pytest.mark.parametrize("inner", ['"we agree"', "“we agree”"])
def test_quotes_nest(inner: str) -> None:
    out = render("plain", f"He said {inner} on trade.", KNOWN).plain
    assert out.startswith("“He said ‘we agree’ on trade.”")
    out = render("apa", f"He said {inner}.", KNOWN).plain
    assert out.startswith("“He said ‘we agree’” (Xin, [2023]).")


def test_a_quoted_phrase_in_a_title_nests_in_the_style() -> None:
    source = Source(id="s", text="x", title='Ties "elevated" again', publisher="CGTN", author="Xin Ge",
                    published="2023-12-14")
    assert "Xin Ge, “Ties ‘Elevated’ Again,” CGTN" in render("chicago-note", "t", source).plain
    assert "Ties “elevated” again. CGTN" in render("apa", "t", source).plain


def test_html_is_built_from_escaped_text() -> None:
    evil = Source(id="s", text="x", title="<script>alert(1)</script> & <i>co</i>", publisher="A&B <b>",
                  author="Xin Ge", published="2024", url="javascript:alert(1)")
    for style in STYLES:
        out = render(style, "<img src=x onerror=alert(1)> & co", evil).html
        assert "<script" not in out and "<img" not in out and "<b>" not in out
        assert 'href="javascript' not in out and "https://javascript" not in out
        assert "&lt;script&gt;" in out.lower()  # the title, escaped (title case may capitalise it)


def test_only_http_links() -> None:
    good = Source(id="s", text="x", title="T", publisher="P", url="https://example.org/a?b=1&c=2")
    html = render("apa", "t", good).html
    assert '<a href="https://example.org/a?b=1&amp;c=2">' in html
    bad = Source(id="s", text="x", title="T", publisher="P", url="file:///etc/passwd")
    assert "<a " not in render("apa", "t", bad).html


def test_markdown_is_a_quote_block_with_the_default_reference() -> None:
    out = render("markdown", "A *line* [1](x).", KNOWN).plain
    assert out.splitlines()[0] == r"> “A \*line\* [1]\(x).”"
    assert out.endswith("> — Xin, G. ([2023, December]). Ties elevated. *CGTN*. <https://example.org/a>")


# -- BibTeX and CSL-JSON --------------------------------------------------------------------


def test_bibtex_for_zotero() -> None:
    out = render("bibtex", "50% & $5", KNOWN).plain
    assert out.startswith("@article{xin2023ties,\n")
    assert "  author = {Xin, Ge},\n" in out and "  journal = {CGTN},\n" in out
    assert "  month = dec,\n" in out and "  year = 2023,\n" in out
    assert r"50\% \& \$5" in out and "inferred" in out
    assert out.count("{") == out.count("}")


def test_bibtex_online_organisation_and_no_date() -> None:
    web = Source(id="s", text="x", title="The 75th anniversary", author="Xinhua", url="https://x.org/a_b")
    out = reference(web, "bibtex").plain
    assert out.startswith("@online{xinhuandanniversary,")
    assert "author = {{Xinhua}}" in out and "url = {https://x.org/a_b}" in out
    assert "year" not in out and "month" not in out


def test_csl_json_for_zotero() -> None:
    record = json.loads(render("csl-json", "Some words.", KNOWN).plain)[0]
    assert record["author"] == [{"family": "Xin", "given": "Ge"}]
    assert record["type"] == "article-newspaper" and record["container-title"] == "CGTN"
    assert record["issued"] == {"date-parts": [[2023, 12]]} and record["id"] == "xin2023ties"
    assert "Some words." in record["note"] and "inferred" in record["note"]
    org = json.loads(reference(Source(id="s", text="", author="CGTN Staff"), "csl-json").plain)[0]
    assert org["author"] == [{"literal": "CGTN Staff"}]


def test_one_record_feeds_every_style() -> None:
    record = csl_record(KNOWN)
    assert record == {
        "id": "xin2023ties", "type": "article-newspaper", "author": [{"family": "Xin", "given": "Ge"}],
        "title": "Ties elevated", "container-title": "CGTN", "issued": {"date-parts": [[2023, 12]]},
        "URL": "https://example.org/a",
    }
    exported = json.loads(reference(KNOWN, "csl-json").plain)[0]
    assert exported.pop("note").startswith("Publication date inferred") and exported == record
