"""Agreements and events read number words from ingest/numbers.py: compound counts, any case, every ordinal."""

from __future__ import annotations

import re

import pytest

from bilateral.core.model import Source
from bilateral.ingest import agreements, events
from bilateral.ingest.agreements import extract_agreements
from bilateral.ingest.numbers import ORDINAL_WORDS, ORDINALS, UNDER_HUNDRED
from bilateral.ingest.text import Document


def _names(text: str) -> set[str]:
    return {f.fields["name"] for f in extract_agreements(Document(Source(id="t", text=text, published="2024-03-05")), None)}


@pytest.mark.parametrize(("text", "name"), [
    ("Forty-five cooperation documents were signed by Portugal and Ghana on Monday.", "Forty-five cooperation documents"),
    ("Portugal and Ghana signed twenty-one agreements in Lisbon on Monday.", "Twenty-one agreements"),
    ("Portugal and Ghana signed 14 agreements in Lisbon on Monday.", "14 agreements"),
    ("Portugal and Ghana signed a dozen agreements in Lisbon on Monday.", "Dozen agreements"),
    ("Portugal and Ghana unveiled a five-point plan on fisheries.", "Five-point plan on fisheries"),
])
def test_counted_documents_keep_the_whole_number(text: str, name: str) -> None:
    assert name in _names(text)


def test_held_in_rounds_reads_compound_number_words() -> None:
    assert "Border negotiations" in _names("Portugal and Ghana have held twenty rounds of border negotiations since 2009.")


def test_one_ordinal_table() -> None:
    assert set(re.findall(r"\w+", ORDINAL_WORDS)) == set(ORDINALS)
    assert re.fullmatch(UNDER_HUNDRED, "forty-five") and not re.match(UNDER_HUNDRED, "seventh")
    assert not hasattr(agreements, "NUMBER_WORDS")
    for word in ("twelfth", "twentieth"):
        assert agreements._ORDINAL_BEFORE.search(f"the {word} ")
    session = dict((kind, p) for kind, _, p in events._TRIGGERS)["session"]
    assert session.search("the fourth round opened") and session.search("the 17th session")
