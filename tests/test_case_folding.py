"""Words a case-insensitive pattern matches through Unicode case folding — a dotted capital I ("APRİL",
in capitals set by a Turkish keyboard), a long s ("auguſt", in old or scanned text), the Kelvin sign —
are read as the English words they match: no article fails to import over them, and they give what
the plain spelling gives."""

from __future__ import annotations

import pytest

from bilateral.core.folding import case_key
from bilateral.core.model import Source
from bilateral.ingest.pipeline import extract

PLAIN_AND_FOLDED = [
    ("Trade rose 5 percent in April 2025 compared with March.",
     "Trade rose 5 percent in APRİL 2025 compared with March."),
    ("Exports reached $5 billion between January and August 2024.",
     "Exports reached $5 billion between January and auguſt 2024."),
    ("Exports reached almost $5 billion in 2024.", "Exports reached almoſt $5 billion in 2024."),
    ("Trade of $2 billion was recorded in the second quarter of 2024.",
     "Trade of $2 billion was recorded in the ſecond quarter of 2024."),
    ("In the third quarter of 2024, exports reached $3 billion.",
     "In the THİRD quarter of 2024, exports reached $3 billion."),
    ("Exports reached over $5 billion in the first half of 2024.",
     "Exports reached over $5 billion in the firſt half of 2024."),
    ("Freight rose to 12 million tonnes a week in 2024.", "Freight rose to 12 million tonnes a wee\u212a in 2024."),
]


def _statistics(sentence: str) -> list[tuple[str | None, str | None, str | None, float | None]]:
    _passages, items = extract([Source("s", f"Title\n\n{sentence}\n", published="2025-04-10")])
    return [(i.fields.get("period"), i.fields.get("qualifier"), i.fields.get("unit"), i.fields.get("normalized"))
            for i in items if i.kind == "statistic"]


@pytest.mark.parametrize(("plain", "folded"), PLAIN_AND_FOLDED)
def test_a_case_folded_letter_reads_as_its_plain_word(plain: str, folded: str) -> None:
    assert _statistics(folded) == _statistics(plain) != []


def test_a_dateline_in_capitals_with_a_dotted_i_gives_the_article_date() -> None:
    text = "Trade talks resume\n\nHANOI, APRİL 3, 2025 (Xinhua) — Trade rose 5 percent, officials said.\n"
    _passages, items = extract([Source("s", text)])
    assert items  # read, not failed on the month


def test_a_half_of_the_year_in_capitals_is_not_a_share() -> None:
    shares = [s for s in _statistics("In the First Half of 2024, exports reached over $5 billion.") if s[2] == "percent"]
    assert shares == []


@pytest.mark.parametrize(("word", "key"), [("APRİL", "april"), ("auguſt", "august"), ("wee\u212a", "week"),
                                           ("April", "april"), ("décembre", "décembre")])
def test_case_key(word: str, key: str) -> None:
    assert case_key(word) == key
