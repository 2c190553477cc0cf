"""Citation formats: passages copied with a citation that never invents metadata."""

from __future__ import annotations

import json

import pytest

from bilateral.core.cite import FORMATS, clipboard_html, format_citation, human_date
from bilateral.core.model import Source

KNOWN = Source(
    id="s1", text="x", title="Ties elevated", publisher="CGTN", author="Xin Ge",
    published="2023-12", url="https://example.org/a", basis={"published": "inferred"},
)
UNKNOWN = Source(id="s2", text="x")


def test_inferred_date_is_marked_inferred() -> None:
    assert human_date(KNOWN) == "December 2023 (inferred)"
    assert "(inferred)" in format_citation("plain", "t", KNOWN)
    assert "[inferred]" in format_citation("apa", "t", KNOWN)


def test_unknown_metadata_stays_unknown() -> None:
    plain = format_citation("plain", "Some words.", UNKNOWN)
    assert "[untitled]" in plain and "publisher unknown" in plain and "n.d." in plain
    record = json.loads(format_citation("csl-json", "Some words.", UNKNOWN))[0]
    assert "issued" not in record and "URL" not in record and "author" not in record


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_every_format_carries_passage_and_title(fmt: str) -> None:
    out = format_citation(fmt, "trade exceeded\n\n$260 billion", KNOWN, 10, 40)
    assert "trade exceeded $260 billion" in out.replace("\\$", "$")
    assert "Ties elevated" in out


def test_markdown_is_a_quote_block() -> None:
    out = format_citation("markdown", "A line.", KNOWN)
    assert out.startswith("> A line.") and "<https://example.org/a>" in out


def test_chicago_footnote_order() -> None:
    out = format_citation("chicago", "A line.", KNOWN)
    assert "1. Xin Ge, “Ties elevated,” CGTN, December 2023 (inferred), https://example.org/a." in out


def test_bibtex_escapes_specials() -> None:
    out = format_citation("bibtex", "50% & $5", KNOWN, 1, 9)
    assert r"50\% \& \$5" in out and out.startswith("@article{s1,")


def test_html_is_escaped() -> None:
    out = clipboard_html("<script>alert(1)</script>", KNOWN)
    assert "<script>" not in out and "&lt;script&gt;" in out


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown citation format"):
        format_citation("mla", "t", KNOWN)
