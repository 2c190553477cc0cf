"""The sentence splitter, with pysbd as its oracle: on hand-written news paragraphs
(tests/sentences/news_paragraphs.txt, scored by scripts/score_sentences.py) ours must split at least as well as
pysbd and never inside a sentence; on generated plain news sentences the two must agree boundary for
boundary."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

pysbd = pytest.importorskip("pysbd")

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("score_sentences", ROOT / "scripts" / "score_sentences.py")
score_sentences = importlib.util.module_from_spec(_spec)
sys.modules["score_sentences"] = score_sentences
_spec.loader.exec_module(score_sentences)

GOLD = score_sentences.paragraphs(ROOT / "tests" / "sentences" / "news_paragraphs.txt")


def test_our_splitter_measures_at_least_as_well_as_pysbd_on_news_paragraphs():
    ours = score_sentences.score(score_sentences.ours, GOLD)
    theirs = score_sentences.score(score_sentences.pysbd_splitter(), GOLD)
    assert ours["f1"] >= theirs["f1"], (ours["wrong"], theirs["wrong"])


def test_our_splitter_never_ends_a_sentence_inside_one_on_news_paragraphs():
    # titles, initials, decimals, "No. 7", "Jan. 15", "Inc.", "Ph.D.", a quote's question mark before
    # its speech tag: none of them ends a sentence
    assert score_sentences.score(score_sentences.ours, GOLD)["precision"] == 1.0


_WORDS = st.sampled_from(["the", "minister", "said", "trade", "rose", "talks", "in", "port", "new", "rail",
                          "officials", "agreed", "on", "a", "plan", "for", "energy", "and", "fisheries"])
_OPENERS = st.sampled_from(["The", "Officials", "Trade", "Both", "A", "Talks", "Exports", "She", "He"])
_NUMBERS = st.sampled_from(["", " 12", " 3.5 percent", " 1,200", " $4.2 billion", " in 2024"])
_LAST = st.sampled_from(["port", "plan", "trade", "talks", "energy", "fisheries", "officials"])
_ENDS = st.sampled_from([".", "?", "!"])


@st.composite
def plain_sentence(draw) -> str:
    # a plain sentence ends in a word, not in a one-letter one ("Plan B." is a known hard case of both)
    words = [*draw(st.lists(_WORDS, min_size=1, max_size=8)), draw(_LAST)]
    return f"{draw(_OPENERS)} {' '.join(words)}{draw(_NUMBERS)}{draw(_ENDS)}"


@settings(max_examples=150, deadline=None)
@given(st.lists(plain_sentence(), min_size=1, max_size=5))
def test_our_boundaries_agree_with_pysbd_on_plain_news_sentences(sentences):
    text = " ".join(sentences)
    oracle = score_sentences.pysbd_splitter()
    assert (score_sentences.boundaries(score_sentences.ours(text), text)
            == score_sentences.boundaries(oracle(text), text))


def test_the_number_of_a_numbered_paragraph_is_no_sentence() -> None:
    """"1. Memorandum of …;" and "2. On October 13, …": the number is not a sentence of its own (a year
    ending a sentence is, and a number after the start is part of its sentence)."""
    from bilateral.core.model import Source
    from bilateral.ingest.text import Document

    text = ("They signed the following documents:\n\n1. Memorandum of Understanding on trade;\n\n"
            "12. On October 13, the two leaders held talks. They met again.\n\n1991. That year was good.")
    assert [s.text for s in Document(Source(id="t", text=text)).sentences] == [
        "They signed the following documents:", "Memorandum of Understanding on trade;",
        "On October 13, the two leaders held talks.", "They met again.", "1991.", "That year was good."]
