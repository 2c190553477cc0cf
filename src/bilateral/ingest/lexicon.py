"""One lexicon: every word list and gazetteer the extractors read, loaded once and passed in.

The words are data, in ``data/lexicon/`` (closed classes and speech words:
``speech_verbs.json``, ``calendar.json``, ``numbers.json``) and ``data/gazetteer/`` (curated
names: ``titles.json`` with countries, nationalities and titles;
``people.json``, ``people_names.json``; ``measures.json`` with currencies,
units and measure names; ``agreements.json``). ``Lexicon.load()`` reads them
all; ``default_lexicon()`` is the one the application uses, read once.

The pipeline hands a ``Lexicon`` to every extractor (ingest/pipeline.py), so a
test can run the whole pipeline with other words::

    lex = default_lexicon().with_words("speech", "core", ["opined"])
    extract_document(doc, lex)

What an extractor compiles from the words (regexes, lookup tables) it builds
once per lexicon through ``Lexicon.derived(name, build)``, never at import
time, so two lexicons never share a compiled pattern.

Months, weekdays and number words are closed classes of English: the date,
period and number rules compile them at import from the default lexicon's
``calendar.json`` and ``numbers.json`` (``MONTHS``, ``WEEKDAYS``,
``PART_ORDINALS``, ``NUMBER_WORDS`` below).
"""

from __future__ import annotations

import copy
import json
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from bilateral.core.paths import data_dir

T = TypeVar("T")

#: Lexicon field -> the file it is read from, under the data directory.
FILES: dict[str, str] = {
    "speech": "lexicon/speech_verbs.json",
    "calendar": "lexicon/calendar.json",
    "numbers": "lexicon/numbers.json",
    "titles": "gazetteer/titles.json",
    "people": "gazetteer/people.json",
    "people_names": "gazetteer/people_names.json",
    "measures": "gazetteer/measures.json",
    "agreements": "gazetteer/agreements.json",
}


@dataclass(frozen=True, eq=False)
class Lexicon:
    """The words of every extractor, one JSON document per field (see ``FILES``).

    Compared by identity: two lexicons loaded from the same files are two
    lexicons, each with its own compiled patterns.
    """

    speech: Mapping[str, Any]  # speech verbs by use, speaker nouns, pronouns (quotes, speakers)
    calendar: Mapping[str, Any]  # months, weekdays, ordinals of parts of a year (dates, periods, detect)
    numbers: Mapping[str, Any]  # number words and ordinals (numbers, and through it every extractor)
    titles: Mapping[str, Any]  # titles, countries, nationalities, country aliases, organisations (people)
    people: Mapping[str, Any]  # curated people with aliases and roles (people)
    people_names: Mapping[str, Any]  # family names, naming conventions, places (people)
    measures: Mapping[str, Any]  # measures, currencies, units, count nouns, qualifiers (statistics)
    agreements: Mapping[str, Any]  # places and blocs that are parties, known agreements (agreements, events)
    _derived: dict[str, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, data: Path | None = None) -> Lexicon:
        """Read every file of ``FILES`` under ``data`` (the package's data directory by default)."""
        root = data_dir() if data is None else data
        return cls(**{name: _read(root / rel) for name, rel in FILES.items()})

    def derived(self, name: str, build: Callable[[Lexicon], T]) -> T:
        """What ``build`` makes of this lexicon (compiled patterns, tables), built once per lexicon."""
        try:
            value: T = self._derived[name]
        except KeyError:
            value = self._derived[name] = build(self)
        return value

    def with_words(self, part: str, key: str, words: Iterable[str]) -> Lexicon:
        """A new lexicon with ``words`` added to the list ``part[key]`` ("speech", "core", ["opined"])."""
        data = copy.deepcopy(dict(getattr(self, part)))
        data[key] = [*data.get(key, []), *(w for w in words if w not in data.get(key, []))]
        return replace(self, **{part: data})

    def words(self, part: str, key: str) -> str:
        """The words of ``part[key]`` as one regex alternation, in the order listed (no group)."""
        return "|".join(re.escape(w) for w in getattr(self, part)[key])

    def country_spellings(self) -> dict[str, str]:
        """Every way a text names a country -> its usual name, from the one country list (titles.json:
        ``countries``, ``country_aliases``, ``nationalities``): "Ivory Coast", "ROK", "Ghanaian" -> their
        country. Built once per lexicon; the caller must not change it."""
        return self.derived("country_spellings", _country_spellings)

    @property
    def months(self) -> dict[str, int]:
        """Month name or abbreviation (lower case) -> month number."""
        return {name: number for number, names in enumerate(self.calendar["months"], start=1) for name in names}

    @property
    def weekdays(self) -> tuple[str, ...]:
        return tuple(self.calendar["weekdays"])


def _country_spellings(lexicon: Lexicon) -> dict[str, str]:
    titles = lexicon.titles
    aliases: Mapping[str, str] = titles.get("country_aliases") or {}
    out: dict[str, str] = {}
    for country in titles.get("countries") or []:
        if not country.startswith("the "):  # "the EU", "the UN": organisations, for "the EU's"
            out[country] = aliases.get(country, country)
    out.update(aliases)
    for adjective, country in (titles.get("nationalities") or {}).items():
        if country:  # "European", "Congolese": more than one country
            out.setdefault(adjective, country)
    return out


def _read(path: Path) -> dict[str, Any]:
    if not path.exists():  # a data directory may leave out a gazetteer; its extractor then knows no names
        return {}
    data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return data


@cache
def default_lexicon() -> Lexicon:
    """The bundled lexicon, read once per process."""
    return Lexicon.load()


#: Month name or abbreviation (lower case) -> number, from the default lexicon's calendar.json.
MONTHS: dict[str, int] = default_lexicon().months
#: Weekday names, lower case, Monday first.
WEEKDAYS: tuple[str, ...] = default_lexicon().weekdays
#: "first", "3rd", "final" quarter or half of a year -> its number.
PART_ORDINALS: dict[str, int] = dict(default_lexicon().calendar["part_ordinals"])
#: Number words (ingest/numbers.py): units, teens, tens, scales, ordinals.
NUMBER_WORDS: Mapping[str, Any] = default_lexicon().numbers
