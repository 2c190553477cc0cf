"""No literal from the bundled articles' specific people, places or figures in ``src/bilateral/ingest/``.

The app ships a corpus on one relationship, but users import news on any other:
a rule that names one of the corpus's people, places or figures is a rule for
those five articles. Names belong in the gazetteers and lexicon under ``data/``;
examples in docstrings are made up.

The literals are derived, not listed by hand: the people of the bundled store
(names and aliases, native spellings included), the countries the bundled
articles are about (with every spelling the gazetteer gives them) and the
places of the gazetteer the articles name, the figures and agreement names of
the hand-made gold (``tests/gold``). Every ingest file is read whole — code,
comments, string literals and docstrings — after folding diacritics.
"""

from __future__ import annotations

import json
import re
import sqlite3
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from bilateral.ingest.lexicon import default_lexicon

ROOT = Path(__file__).resolve().parents[1]
INGEST = ROOT / "src" / "bilateral" / "ingest"
STORE = ROOT / "data" / "bilateral.sqlite"
GOLD = ROOT / "tests" / "gold"
SOURCES = ROOT / "data" / "sources"
GAZETTEER = ROOT / "data" / "gazetteer"

#: Single-word short forms that are also everyday English words ("He" Wei, Bui Thanh "Son"):
#: as literals they would flag every pronoun. Their full names are still checked.
ENGLISH_HOMOGRAPHS = {"He", "Son", "To", "Do", "An", "Long", "May"}
#: Aliases in the gold that are a title, not a name.
TITLES_ONLY = {"Deputy PM"}
#: Marks that make a gold figure specific (a currency, a scale, a decimal, a thousands separator),
#: not a small count or a span of time any example might use ("two", "45", "15 years").
_SPECIFIC_FIGURE = re.compile(r"[$€£%]|USD|CNY|yuan|billion|million|percent|\d[.,]\d|-fold")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).replace("đ", "d")


def _bundled_texts() -> list[str]:
    return [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]


def _corpus_countries() -> dict[str, list[str]]:
    """The countries the bundled articles are about (each named in every article), with their spellings."""
    countries: dict[str, list[str]] = {}
    for spelling, country in default_lexicon().country_spellings().items():
        countries.setdefault(country, [country]).append(spelling)
    for country, places in json.loads((GAZETTEER / "agreements.json").read_text("utf-8"))["country_places"].items():
        countries.setdefault(country, [country]).extend(places)
    texts = _bundled_texts()
    found: dict[str, list[str]] = {}
    for name, spellings in countries.items():
        if all(any(re.search(rf"(?<![\w-]){re.escape(s)}(?!\w)", t) for s in spellings) for t in texts):
            found[name] = spellings
    return found


def _people() -> set[str]:
    con = sqlite3.connect(f"file:{STORE}?mode=ro&immutable=1", uri=True)
    try:
        rows = [json.loads(f) for (f,) in con.execute("SELECT fields FROM item WHERE kind = 'person'")]
    finally:
        con.close()
    names: set[str] = set()
    for fields in rows:
        for n in [fields["name"], fields.get("native"), *fields.get("aliases", [])]:
            if n and n not in ENGLISH_HOMOGRAPHS | TITLES_ONLY:
                names.add(n)
    for path in GOLD.glob("*.json"):
        for person in json.loads(path.read_text("utf-8")).get("people", []):
            names.update(n for n in [person["name"], *person.get("aliases", [])] if n not in ENGLISH_HOMOGRAPHS | TITLES_ONLY)
    return names


def _places() -> set[str]:
    """Gazetteer cities and capitals the bundled articles name, and their countries' spellings."""
    places = json.loads((GAZETTEER / "people_names.json").read_text("utf-8"))["places"]
    texts = [fold(t) for t in _bundled_texts()]
    named = {p for p in places if any(re.search(rf"(?<!\w){re.escape(p)}(?!\w)", t) for t in texts)}
    return named | {s for spellings in _corpus_countries().values() for s in spellings}


def _figures() -> set[str]:
    found: set[str] = set()
    for path in GOLD.glob("*.json"):
        for stat in json.loads(path.read_text("utf-8")).get("statistics", []):
            text = stat["text"].replace("\\$", "$")
            if re.search(r"\d", text) and _SPECIFIC_FIGURE.search(text):
                found.add(text)
    return found


def _agreements() -> set[str]:
    """Gold agreement names, without the corpus countries in them (so "Year of …" is checked alone)."""
    countries = [s for spellings in _corpus_countries().values() for s in spellings]
    country_re = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True))
                            + r")(?:-(?:" + "|".join(re.escape(c) for c in countries) + r"|ASEAN))*\b")
    found: set[str] = set()
    for path in GOLD.glob("*.json"):
        for agreement in json.loads(path.read_text("utf-8")).get("agreements", []):
            name = re.sub(r"\s*\([A-Z]+\)$", "", agreement["name"])
            name = " ".join(country_re.sub(" ", name).split())
            if len(name.split()) >= 3:  # "strategic partnership" is a kind of agreement, not this one
                found.add(name)
    return found


@cache
def literals() -> dict[str, set[str]]:
    return {"person": _people(), "place": _places(), "figure": _figures(), "agreement": _agreements()}


def _pattern(literal: str, ignore_case: bool) -> re.Pattern[str]:
    """The literal as a whole word; a space may be a line break inside a comment or docstring."""
    flags = re.IGNORECASE if ignore_case else 0
    words = [re.escape(w) for w in fold(literal).split()]
    return re.compile(r"(?<![\w$€£])" + r"(?:\s+#?\s*)".join(words) + r"(?![\w%])", flags)


def occurrences(paths: list[Path] | None = None) -> list[str]:
    """Every `file:line: kind 'literal'` where a corpus literal appears in ingest source."""
    hits: list[str] = []
    patterns = [(kind, lit, _pattern(lit, kind == "agreement")) for kind, lits in literals().items() for lit in lits]
    for path in sorted(paths if paths is not None else INGEST.rglob("*.py")):
        text = fold(path.read_text(encoding="utf-8"))
        for kind, lit, pattern in patterns:
            for m in pattern.finditer(text):
                number = text.count("\n", 0, m.start()) + 1
                hits.append(f"{path.relative_to(ROOT)}:{number}: {kind} {lit!r}")
    return sorted(hits, key=lambda h: (h.split(":")[0], int(h.split(":")[1])))


def test_the_literal_set_is_derived_and_not_empty() -> None:
    found = literals()
    assert {"Xi Jinping", "To Lam", "Bui Thanh Son", "Tô Lâm"} <= found["person"]
    assert {"China", "Vietnam", "Hanoi", "Beijing", "Vietnamese"} <= found["place"]
    assert {"$260 billion", "17.46%", "25-fold"} <= found["figure"]
    assert "community with a shared future" in found["agreement"]
    assert "Laos" not in found["place"]  # named in some articles, not what the corpus is about
    assert _pattern("Tô Lâm", False).search("as To Lam said") and not _pattern("Xi", False).search("Xinhua")
    assert _pattern("Year of People-to-People Exchanges", True).search('# the "year of\n    # people-to-people exchanges"')


@pytest.mark.parametrize("path", sorted(INGEST.rglob("*.py")), ids=lambda p: p.name)
def test_no_corpus_literal_in_ingest(path: Path) -> None:
    hits = occurrences([path])
    assert not hits, f"{len(hits)} corpus literal(s):\n" + "\n".join(hits)


if __name__ == "__main__":  # list where the literals still are
    print("\n".join(occurrences()))
