"""Statistics: numbers with a unit (money, percent, tons, counts, durations,
distances, multipliers), each with its measure, period, qualifier and source.

A number becomes a statistic only when a unit is recognised: bare numbers
(list items, "Line 2"), years, dates, ordinals and anniversaries are skipped.
Measures come from general phrase rules plus the vocabulary in
``data/gazetteer/measures.json``; what cannot be told stays null.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from typing import Any

from bilateral.core.folding import case_key
from bilateral.core.model import Sentence
from bilateral.ingest.analysis import AnalysedDocument
from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.numbers import cardinal, find_number_words
from bilateral.ingest.periods import PeriodMention, find_periods, single_year, year_before
from bilateral.ingest.prefilter import Needs, ascii_lower, first_letters
from bilateral.ingest.quotes import Attribution
from bilateral.ingest.ranks import find_ranks, ordinal
from bilateral.ingest.speakers import FigureSources
from bilateral.ingest.text import Document

SCALES: dict[str, int] = {"thousand": 10**3, "lakh": 10**5, "million": 10**6, "crore": 10**7, "billion": 10**9,
                          "trillion": 10**12}
_SCALE_ABBR = {"k": "thousand", "m": "million", "mn": "million", "mln": "million", "b": "billion",
               "bn": "billion", "tn": "trillion"}
#: "first"/"second" right before a fraction word: a half of a year, not a share.
_HALF_OF_YEAR = re.compile(r"\b(?:first|second)\s$", re.I)
#: a fraction's denominator by its word, singular and plural ("one-sixth", "four-fifths", "three quarters")
_DENOMINATORS = {"half": 2, "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9,
                 "tenth": 10}
_FRACTIONS = {**{w: 1 / d for w, d in _DENOMINATORS.items()},
              **{w + "s": 1 / d for w, d in _DENOMINATORS.items() if w != "half"}}
_SINGULAR = "|".join(w for w in _DENOMINATORS if w != "half")
_PLURAL = "|".join(w + "s" for w in _DENOMINATORS if w != "half")
_FRACTION_WORDS = (rf"(?:one|a)[- ](?:{_SINGULAR})|(?:two|three|four|five|six|seven|eight|nine)[- ](?:{_PLURAL})"
                   r"|half")
_TIME_UNITS = {"minutes", "hours", "days", "weeks", "months", "years", "decades"}
_MONTH_NAMES = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
                r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)")

# (the lookahead first lets a scan pass every character but a digit at once)
_DIGITS = re.compile(r"(?=\d)(?<![\d.,])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?!\d|,\d{3}|\.\d)")
_AND_A_HALF = re.compile(r"\sand a half$", re.I)  # "two and a half": a number, not the fraction "half of"
_DOZEN = re.compile(r"\b(?:a dozen|dozens)\b", re.I)  # "dozens" counts as twelve: "at least" that many
_FRACTION = re.compile(
    r"\b(?P<w>" + _FRACTION_WORDS + r")(?= of\b)"
    # a change by a fraction: "have fallen by a third", "raise the quota by a quarter", "by nearly half"
    r"|(?<=\bby )(?:(?:nearly|almost|about|roughly|around|some|more than|less than|over|just over|just under)\s+)?"
    r"(?P<by>" + _FRACTION_WORDS + r")\b(?! of\b)", re.I)
# What _DOZEN and _FRACTION cannot match without (prefilter.Needs): most sentences hold neither.
_DOZEN_NEEDS = Needs(("dozen",))
_FRACTION_NEEDS = Needs(("third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "half"))
_SCALE = re.compile(r"^[ \u00a0]?(thousand|million|billion|trillion|lakh|crore)\b", re.I)
_SCALE_HYPHEN = re.compile(r"^-(thousand|million|billion|trillion|lakh|crore)\b", re.I)
_SCALE_SHORT = re.compile(r"^[ \u00a0]?(bn|mn|mln|tn|m|b|k)\b")
_PERCENT = re.compile(r"^[ \u00a0]?(%|percent\b|per cent\b|percentage points?\b|pct\b)", re.I)
_FOLD = re.compile(r"^(?:-|\s)?fold\b", re.I)
_FREQUENCY = re.compile(r"^\s(?:times)\s+(?:a|an|per|each|every)\s+(?P<per>day|week|month|year)\b", re.I)
_TIMES = re.compile(r"^\s(?:times)\b", re.I)
#: "twice a week", "once a month": a count per period told by its adverb
_BARE_FREQUENCY = re.compile(r"^\s(?:a|an|per|each|every)\s+(?P<per>day|week|month|year)\b", re.I)
_ONCE_WORDS = {"once": 1, "twice": 2, "thrice": 3}
_CONTRASTED = re.compile(r"\b(?:rather than|instead of|not even|not)\s+$")
_ONCE = re.compile(r"\b(?:[Oo]nce|[Tt]wice|[Tt]hrice)(?=\s+(?:a|an|per|each|every)\s+(?:day|week|month|year)\b)")
_MEASURE_UNIT = re.compile(
    r"^(?P<sep>-|\s)(?P<u>metric tons|square kilometers|kilometers?|kilometres?|km|nautical miles?|miles?|meters?|metres?|"
    r"tons?|tonnes?|minutes?|hours?|days?|weeks?|months?|years?|decades?|hectares?)\b", re.I)
_GROWTH = re.compile(r"\b(increase[sd]?|rise|rose|risen|growth|grew|grown|up(?!\s+to\b)|surge[sd]?|jump(?:ed)?|higher|"
                     r"year-on-year|y-o-y|yoy|fold|times|gain(?:ed)?|climb(?:ed)?)\b", re.I)
_DECLINE = re.compile(r"\b(decline[sd]?|decrease[sd]?|fell|fall(?:en)?|drop(?:ped)?|down|lower|contract(?:ed|ion)|"
                      r"shr[au]nk|plunge[sd]?|slump(?:ed)?)\b", re.I)
# (a bare "that" only opening the clause: "adding that both governments set a target of …" joins a clause)
_ANAPHOR = re.compile(r"\b(?:the|this|that) (?:figure|number|total|amount|volume|value)\b|\b(?:it|this)\b|^\s*that\b",
                      re.I)
_CLAUSE_BREAK = re.compile(r"[;:—()]|,(?!\d)|\s[–-]\s|\s(?:and|but)\s(?=(?:said|says|added|noted|stressed)\b)|\s(?:and|but|while|whereas)\s(?=(?:the|it|its|this|that|they|there)\s)")
_WORD = re.compile(r"[A-Za-z][\w’'.-]*[\w]|[A-Za-z]|[^\w\s]")
_STOP = {
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "with", "from", "and", "or", "as", "is", "are",
    "was", "were", "has", "have", "had", "its", "their", "this", "that", "these", "those", "his", "her", "be",
    "been", "which", "who", "than", "per", "each", "more", "less", "over", "into", "across", "while", "since",
    "during", "between", "among", "about", "will", "would", "can", "could", "may", "not", "also",
    "within", "under", "through", "after", "before", "until", "via", "against", "without",
}
_AGO = re.compile(r"^[\s-]*(?:ago|after|later|earlier|before|on|old|since)\b", re.I)
_DURATION_LEAD = re.compile(r"\b(?:for|from|to|within|lasting|spanning|took|takes|take)\s+$", re.I)


@dataclass(frozen=True)
class Vocabulary:
    """The measure vocabulary loaded from ``measures.json``."""

    countries: list[tuple[str, str]]
    measures: list[dict[str, Any]]
    bilateral: re.Pattern[str]
    count_nouns: dict[str, str]
    unit_aliases: dict[str, str]
    currencies: dict[str, str]
    currency_words: dict[str, str]
    currency_display: dict[str, str]
    currency_names: dict[str, str]
    qualifiers: re.Pattern[str]
    qualifier_of: dict[str, str]
    source_nouns: re.Pattern[str]
    commodity_adjectives: set[str]
    cues: list[re.Pattern[str]] = field(default_factory=list)
    country_mention: re.Pattern[str] = field(default=re.compile("$^"))
    currency_word: re.Pattern[str] = field(default=re.compile("$^"))
    currency_prefix: re.Pattern[str] = field(default=re.compile("$^"))
    #: the last characters of the currencies written before a number, which ``currency_prefix`` ends in
    currency_ends: frozenset[str] = frozenset()
    ambiguous: dict[str, dict[str, Any]] = field(default_factory=dict)
    physical_unit: re.Pattern[str] = field(default=re.compile("$^"))
    physical_units: dict[str, str] = field(default_factory=dict)
    frequency_verbs: list[tuple[re.Pattern[str], str]] = field(default_factory=list)
    demonyms: frozenset[str] = frozenset()  # nationality words ("Sri Lankan", "Filipino"), whose plural counts people
    needs_scale: set[str] = field(default_factory=set)
    #: every country name and nationality adjective: they say whose figure it is, not what it measures
    place_words: frozenset[str] = frozenset()
    #: "Ghanaian" -> "Ghana" (see _adjective_to_country), built once with the vocabulary
    adjective_country: dict[str, str] = field(default_factory=dict)
    #: every country name (not the adjectives), built once
    country_names: frozenset[str] = frozenset()
    #: what a match of ``country_mention`` names: its word -> (country name, adjective), built once
    country_of_word: dict[str, tuple[str, str]] = field(default_factory=dict)
    #: a singular head that counts something ("population" -> "people"; None: the word before it names it)
    count_subjects: dict[str, str | None] = field(default_factory=dict)
    #: verbs that state figures as someone's information (speech_verbs.json "figures": "said", "told", …)
    figure_verbs: frozenset[str] = frozenset()


def vocabulary(lexicon: Lexicon | None = None) -> Vocabulary:
    """The measure vocabulary of a lexicon (the default one unless given), built once per lexicon."""
    return (lexicon or default_lexicon()).derived("statistics", _build_vocabulary)


def _build_vocabulary(lexicon: Lexicon) -> Vocabulary:
    raw = lexicon.measures
    qualifier_of = {phrase: norm for norm, phrases in raw["qualifiers"].items() for phrase in phrases}
    phrases = sorted(qualifier_of, key=len, reverse=True)
    countries = _country_adjectives(lexicon)
    names = sorted({n for n, _ in countries} | {a for _, a in countries}, key=len, reverse=True)
    # "3,930 million Baht", "50 billion Kip": a currency's word capitalised, as official English often writes it
    currency_words = {**{w.capitalize(): c for w, c in raw["currency_words"].items() if w.isalpha() and w.islower()},
                      **raw["currency_words"]}
    needs_scale = set(raw.get("currency_words_needing_scale", []))
    needs_scale |= {w.capitalize() for w in needs_scale}
    words = sorted(currency_words, key=len, reverse=True)
    return Vocabulary(
        countries=countries,
        measures=raw["measures"],
        bilateral=re.compile(raw["bilateral_cues"]),
        count_nouns=raw["count_nouns"],
        unit_aliases=raw["unit_aliases"],
        currencies=raw["currencies"],
        currency_words=currency_words,
        currency_display=raw["currency_display"],
        currency_names=raw["currency_names"],
        qualifiers=re.compile(r"(?:^|(?<=[\s(—–,]))" + first_letters(phrases) + "(?P<q>"
                              + "|".join(re.escape(p) for p in phrases)
                              + r")\s+(?:the\s+|a total of\s+)?$", re.I),
        qualifier_of=qualifier_of,
        source_nouns=re.compile(r"\b(?:" + "|".join(raw["source_nouns"]) + r")\b", re.I),
        commodity_adjectives=set(raw["commodity_adjectives"]),
        cues=[re.compile(m["cue"], re.I) for m in raw["measures"]],
        country_mention=re.compile(r"\b" + first_letters(names) + r"(?P<c>" + "|".join(re.escape(n) for n in names)
                                   + r")(?P<pos>['’]s)?\b"),
        currency_word=re.compile(r"^[ \u00a0](?P<w>" + "|".join(re.escape(w) for w in words) + r")(?![\w$])"),
        currency_prefix=_prefix_pattern(raw["currencies"]),
        currency_ends=frozenset(key[-1] for key in raw["currencies"]),
        ambiguous={k: v for k, v in raw.get("ambiguous_currencies", {}).items() if isinstance(v, dict)},
        physical_unit=_physical_pattern(raw.get("physical_units", {})),
        physical_units=raw.get("physical_units", {}).get("units", {}),
        needs_scale=needs_scale,
        frequency_verbs=[(re.compile(r"\b(?:" + verb + r")\s+(?:\S+\s+)?$", re.I), noun)
                         for verb, noun in raw.get("frequency_verbs", {}).get("verbs", {}).items()],
        place_words=frozenset(w.lower() for pair in countries for w in pair),
        adjective_country=(adjective_country := _first_country_of_adjective(countries)),
        country_names=frozenset(name for name, _ in countries),
        country_of_word=_country_of_word(countries, adjective_country),
        count_subjects={k: v for k, v in raw.get("count_subjects", {}).items() if not k.startswith("_")},
        figure_verbs=frozenset(w.split()[0] for w in lexicon.speech["figures"]),
        # "17,000 Sri Lankans", "Filipinos": every nationality word of the lexicon, as its plural counts people
        demonyms=frozenset(w for w in (lexicon.titles.get("nationalities") or {}) if w[:1].isupper())
        | frozenset(adjective_country),
    )


def _country_of_word(countries: list[tuple[str, str]],
                     adjective_country: dict[str, str]) -> dict[str, tuple[str, str]]:
    """A country's name or adjective -> (name, adjective): a name as listed (the last listing of it), an
    adjective as its first country's (``adjective_country``)."""
    by_name = {n: (n, a) for n, a in countries}
    by_adj = {a: (n, a) for a, n in adjective_country.items()}
    return {**by_adj, **by_name}


def _country_adjectives(lexicon: Lexicon) -> list[tuple[str, str]]:
    """(country, adjective) for every country: the pairs measures.json gives first (the adjective a
    measure name uses), then every other country of titles.json with its first nationality adjective."""
    pairs = [(name, adj) for name, adj in lexicon.measures.get("countries", [])]
    titles = lexicon.titles
    aliases: dict[str, str] = titles.get("country_aliases", {})
    adjective: dict[str, str] = {}
    for adj, country in titles.get("nationalities", {}).items():
        if country:
            adjective.setdefault(country, adj)
    listed = {name for name, _ in pairs}
    for name in titles.get("countries", []):
        country = aliases.get(name, name)
        if name not in listed and not name.startswith("the ") and country in adjective:
            pairs.append((name, adjective[country]))
            listed.add(name)
    return pairs


def _prefix_pattern(currencies: dict[str, str]) -> re.Pattern[str]:
    """Symbols and codes written before the number ("KSh 14.6 billion", "R$5bn"); a code must start a word."""
    alternatives = [(r"(?<![A-Za-z])" if key[0].isalpha() else "") + re.escape(key)
                    for key in sorted(currencies, key=len, reverse=True)]
    return re.compile(r"(?P<cur>" + "|".join(alternatives) + r")[ \u00a0]?$")


def _physical_pattern(raw: dict[str, Any]) -> re.Pattern[str]:
    """Units of physical quantities after a number: spaced or hyphenated always, glued only for symbols ("200MW")."""
    units = sorted(raw.get("units", {}), key=len, reverse=True)
    if not units:
        return re.compile("$^")
    glued = "|".join(re.escape(u) for u in sorted(raw.get("glued", []), key=len, reverse=True))
    spaced = "|".join(re.escape(u) for u in units)
    return re.compile(r"^(?:(?P<sep>[ \u00a0-])(?P<u>" + spaced + r")|(?P<g>" + glued + r"))(?![\w-])")


@dataclass
class _Stat:
    """A number found in a sentence; offsets are relative to the sentence text."""

    start: int  # of the whole expression (currency symbol included)
    end: int
    num_start: int
    num_end: int
    value: int | float
    unit: str
    rule: str
    scale: str | None = None
    words: str | None = None  # the number as words ("two", "one-third")
    qualifier: str | None = None
    measure: str | None = None
    period: str | None = None
    according_to: str | None = None
    confidence: float = 0.85
    noun_phrase: str = ""
    derived: bool = False  # measure depends on another number (growth, share, conversion)
    bound_of: _Stat | None = None  # the upper bound whose measure and period a range's lower bound shares
    preset: str | None = None  # a measure the rule that found the figure already knows ("people wounded")
    named_only: bool = False  # the measure is only the noun the figure is "of" (_named_around): not carried on
    per: str | None = None  # the period a frequency counts in ("week" of "twice a week", "35 times a week")


def _to_number(text: str) -> int | float:
    number = float(text.replace(",", ""))
    return int(number) if number.is_integer() and "." not in text else number


def _fmt(value: int | float) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,.;")


# --- finding numbers -------------------------------------------------------


_ORDINAL_SUFFIX = re.compile(r"(?:st|nd|rd|th)\b")
_MONTH_AFTER = re.compile(r"\s" + _MONTH_NAMES + r"\b")
_MONTH_BEFORE = re.compile(_MONTH_NAMES + r"\.?\s$")
_DAY_RANGE_BEFORE = re.compile(_MONTH_NAMES + r"\s\d{1,2}\s?(?:to|-|–|and)\s?$")


def _is_date_or_ordinal(text: str, start: int, end: int) -> bool:
    before, after = text[max(0, start - 30):start], text[end:end + 4]
    if _ORDINAL_SUFFIX.match(after) or _MONTH_AFTER.match(text[end:end + 12]):
        return True
    if _MONTH_BEFORE.search(before):
        return True
    return bool(_DAY_RANGE_BEFORE.search(before))


#: "600 of his members", "12 of the 40 passengers": the group a part is counted of
_PARTITIVE = re.compile(r"\s+of\s+(?:his|her|its|their|our|the|these|those)\s+(?:\d[\d,]*\s+)?((?:[a-z-]+\s+){0,2}?"
                        r"([a-z]{3,}(?<!ss)(?<!us)(?<!is)s))\b(?!\s+(?:of|and)\b)")


def _count_noun(text: str, pos: int, vocab: Vocabulary) -> tuple[str, str, int, float] | None:
    """The counted noun after a number: (unit, noun phrase, end offset, confidence)."""
    part = _PARTITIVE.match(text, pos)
    if part:  # "more than 600 of his members": a part of the group counted
        return part.group(2), part.group(1), part.end(), 0.65
    modifiers: list[str] = []
    for m in _WORD.finditer(text, pos):
        if m.start() - pos > 60 or len(modifiers) > 3:
            return None
        word = m.group(0)
        if not word[0].isalpha() and word != "-":
            return None
        lower = word.lower()
        if word in vocab.count_nouns or lower in vocab.count_nouns:
            unit = vocab.count_nouns.get(word) or vocab.count_nouns[lower]
            end = m.end()
            tail = re.match(r"\s+and\s+([a-z]+s)\b", text[end:])
            if tail and tail.group(1) in vocab.count_nouns:
                end += tail.end()
            elif understanding := re.match(r"\s+of\s+understanding\b", text[end:]):
                end += understanding.end()
                unit = f"{unit} of understanding"
            elif unit == "head" and (herd := re.match(r"\s+of\s+((?:[A-Z][\w-]*\s+)?([a-z]+))", text[end:])):
                # "480,000 head of cattle": the animals are what is counted
                return herd.group(2), herd.group(1), end + herd.end(), 0.85
            return unit, " ".join([*modifiers, text[m.start():end]]), end, 0.85
        if lower in _STOP or word == "-":
            return None
        if people := _nationals(text, m, word, modifiers, vocab):
            return people
        if (word.islower() and len(word) > 3 and word.endswith("s")
                and not word.endswith(("ss", "us", "is", "ous")) and modifiers is not None):
            # A plural noun after adjectives ("32 bilateral cooperation documents").
            follower = text[m.end():m.end() + 12]
            if not re.match(r"\s+(?:of|and)\b", follower):
                return lower, " ".join([*modifiers, word]), m.end(), 0.65
        modifiers.append(word)
    return None


def _nationals(text: str, m: re.Match[str], word: str, modifiers: list[str],
               vocab: Vocabulary) -> tuple[str, str, int, float] | None:
    """People counted by their nationality: "40,000 Ghanaian live …" (people), "about a million Ghanaians",
    "Filipinos", "some 17,000 Sri Lankans" (the nationality's plural)."""
    if word in _adjective_to_country(vocab) and re.match(
            r"\s+(?:[a-z]+ed|are|were|have|had|live|work|visit|study|said)\b", text[m.end():]):
        return "people", " ".join([*modifiers, word]), m.end(), 0.8
    if not (word[:1].isupper() and word.endswith("s")):
        return None
    if word[:-1] in vocab.demonyms or word[:-1] in _adjective_to_country(vocab):
        return word, " ".join([*modifiers, word]), m.end(), 0.8
    if modifiers and f"{modifiers[-1]} {word[:-1]}" in vocab.demonyms:
        return f"{modifiers[-1]} {word}", " ".join([*modifiers, word]), m.end(), 0.8
    return None


#: what makes a number no figure: the people who are a story's unnamed sources, the unit of an exchange rate
_NOT_A_FIGURE_AFTER = re.compile(r"\s*=|(?:\s+(?:[a-z]+\s+)?(?:officials|people|sources|diplomats))?\s+(?:familiar with|"
                                 r"with (?:direct )?knowledge of|close to the|briefed on|who (?:asked|spoke|requested))\b")
#: a definite article or demonstrative right before a number written in words
_DEFINITE_BEFORE = re.compile(r"(?<![\w'])(?:[Tt]he|[Tt]hese|[Tt]hose)\s+$")

_Candidate = tuple[int, int, int | float, str | None]  # (start, end, value, the number as words or None)


def _find_numbers(text: str, taken: list[tuple[int, int]], vocab: Vocabulary) -> list[_Stat]:
    """Numbers with a recognised unit in one sentence, left to right."""
    found: list[_Stat] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < b and a < e for a, b in taken)

    digits = list(_DIGITS.finditer(text))  # read by the candidates and the two inheriting rules
    candidates = _number_candidates(text, digits, vocab)
    for start, end, value, words in candidates:
        if any(s.start <= start < s.end for s in found):
            continue
        if (words is not None and text[start:end].isalpha() and value in range(2, 11)
                and _DEFINITE_BEFORE.search(text, max(0, start - 7), start)):
            continue  # "the two men", "these three soldiers": people already told of, not a figure
        stat = _parse(text, start, end, value, words, vocab)
        if stat is None or _NOT_A_FIGURE_AFTER.match(text, stat.end):
            continue  # "Two people familiar with the talks said": sources; "($1 = 5.3160 reais)": the rate's unit
        if stat.unit not in ("USD", "percent") and overlaps(stat.num_start, stat.num_end) and stat.rule != "money":
            continue  # a year, or a number inside a period phrase ("the last 15 years")
        if stat.rule == "money" and overlaps(stat.num_start, stat.num_end) and stat.scale is None \
                and stat.start == stat.num_start:
            continue
        found.append(stat)
    if not found and not digits:
        return []  # no figure, and no bare number that a change verb could make one
    _inherit_ranges(text, found, candidates, vocab)
    _inherit_elided(text, digits, found, taken, vocab)
    _inherit_casualties(text, digits, found, taken, vocab)
    _casualty_objects(text, digits, found, taken, vocab)
    _inherit_subject(text, digits, found, vocab)
    found.sort(key=lambda s: s.start)
    _included_casualties(text, found)
    _done_to_counts(text, found, vocab)
    for prev, stat in pairwise(found):
        # "exceeding USD 150 billion ..., and USD 190 billion": the qualifier governs both
        if (stat.qualifier is None and prev.qualifier and prev.unit == stat.unit
                and re.search(r"(?:,\s*|\s)(?:and|or)\s+$", text[prev.end:stat.start])):
            stat.qualifier = prev.qualifier
    return found


_CLOCK = re.compile(r":[0-5]\d(?!\d)")


def _number_candidates(text: str, digits: list[re.Match[str]], vocab: Vocabulary) -> list[_Candidate]:
    """Every number of a sentence, in order: digits (``_DIGITS`` matches; not inside a word like "A320", but "KSh14"),
    number words ("forty-five", not the adjective "two-day"), "a dozen", fractions ("two-thirds", as a
    percent)."""
    candidates: list[_Candidate] = []
    for m in digits:
        if m.start() and (text[m.start() - 1].isalpha() or text[m.start() - 1] == "_") \
                and not _currency_before(text[:m.start()], vocab):
            continue
        if _CLOCK.match(text, m.end()) or (m.start() > 1 and text[m.start() - 1] == ":" and text[m.start() - 2].isdigit()):
            continue  # "at 14:00 GMT": a time of day, neither its hour nor its minutes a figure
        candidates.append((m.start(), m.end(), _to_number(m.group(1)), None))
    for n in find_number_words(text):
        if text[n.end:n.end + 1] == "-" and not _FOLD.match(text[n.end:]):
            continue
        candidates.append((n.start, n.end, n.value, text[n.start:n.end]))
    lower = ascii_lower(text)
    for m in (_DOZEN.finditer(text) if _DOZEN_NEEDS.met(text, lower) else ()):
        candidates.append((m.start(), m.end(), 12, m.group(0)))
    candidates += _once_candidates(text, lower)
    for m in (_ONE_IN.finditer(text) if _ONE_IN_NEEDS.met(text, lower) else ()):
        part, whole = _small_number(m.group("n")), _small_number(m.group("d"))
        if part and whole and part < whole:  # "three in four trains", "one out of five voters": a share
            candidates.append((m.start(), m.end(), round(part / whole * 100, 2), m.group(0)))
    for m in (_FRACTION.finditer(text) if _FRACTION_NEEDS.met(text, lower) else ()):
        group = "w" if m.group("w") else "by"
        word = case_key(m.group(group))
        if _HALF_OF_YEAR.search(text, max(0, m.start() - 8), m.start()):  # "the first half", "Second Half"
            continue
        last = re.split(r"[- ]", word)[-1]
        parts = re.split(r"[- ]", word)
        numerator = 1 if len(parts) == 1 or parts[0] in ("one", "a") else cardinal(parts[0]) or 1
        candidates.append((m.start(group), m.end(group), round(numerator * _FRACTIONS[last] * 100, 2), m.group(group)))
    candidates.sort()
    return candidates


#: "three in four", "one out of five": a share told as a count in a count (not "5 in 10 years")
_ONE_IN = re.compile(r"(?<![\w.,-])(?P<n>[Oo]ne|[Tt]wo|[Tt]hree|[Ff]our|[Ff]ive|[Ss]ix|[Ss]even|[Ee]ight|[Nn]ine|\d)"
                     r"\s+(?:in|out\s+of)\s+(?P<d>two|three|four|five|six|seven|eight|nine|ten|\d{1,3})(?![\w.,])"
                     r"(?!\s+(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?|decades?|games?|matches|races)\b)")
_ONE_IN_NEEDS = Needs((" in ", " out of "))
#: what "three in four" counts: the words after it up to the verb ("freight trains heading north")
_COUNTED_AFTER = re.compile(r"\s+((?:[A-Za-z][\w-]*\s+){0,3}?[a-z][\w-]*(?:s|people|men|women|children)"
                            r"(?:\s+(?:heading|living|aged|in|from|of)\s+[\w-]+)?)\b")


def _once_candidates(text: str, lower: str) -> list[_Candidate]:
    """ "twice a week", "once a year": a count per period told by its adverb (not "… rather than once a year")."""
    if not any(cue in lower for cue in ("ce a", "ce per", "ce every", "ce each")):
        return []
    return [(m.start(), m.end(), _ONCE_WORDS[case_key(m.group())], m.group()) for m in _ONCE.finditer(text)
            if not _CONTRASTED.search(text, max(0, m.start() - 14), m.start())]


def _small_number(word: str) -> int | None:
    return int(word) if word.isdigit() else cardinal(word)


def _currency_before(before: str, vocab: Vocabulary) -> re.Match[str] | None:
    """``vocab.currency_prefix.search(before)``, started where a match can still reach the end of
    ``before`` (the pattern ends in ``$``): the same match, without trying every earlier offset; and
    not tried at all unless ``before`` ends in a currency's last character, but for the space and the
    newline the pattern lets follow it (most numbers follow a word)."""
    end = before[:-1] if before.endswith("\n") else before
    end = end[:-1] if end.endswith((" ", "\u00a0")) else end
    if end[-1:] not in vocab.currency_ends:
        return None
    pattern = vocab.currency_prefix
    return pattern.search(before, max(0, len(before) - _reach(pattern)))


@lru_cache(maxsize=8)
def _reach(pattern: re.Pattern[str]) -> int:
    """The longest text an end-anchored pattern can match, plus one for the newline ``$`` may stand before
    (the whole text when the pattern has no bound)."""
    import re._parser

    widest = re._parser.parse(pattern.pattern, pattern.flags).getwidth()[1]
    return widest + 1 if widest < 1 << 20 else 1 << 62


_NAME_BEFORE = re.compile(r"\b([A-Z][\w-]*)\s$")


def _after_name(before: str, vocab: Vocabulary) -> bool:
    """"Line 3", "Article 5": a number right after a capitalized word (not "Some", "Nearly") is part of a name."""
    m = _NAME_BEFORE.search(before)
    return bool(m) and m.group(1).lower() not in vocab.qualifier_of and m.group(1).lower() not in _STOP


def _parse(text: str, start: int, end: int, value: int | float, words: str | None,
           vocab: Vocabulary) -> _Stat | None:
    """The figure a number at [start, end) writes: its currency or unit, scale and qualifier, or None
    when it is no figure (a date, an ordinal, part of a name, a number with nothing counted)."""
    if words is None and _is_date_or_ordinal(text, start, end):
        return None
    expr_start, currency, pos, scale = _currency_and_scale(text, start, end, words, vocab)

    def make(unit: str, rule: str, upto: int, conf: float = 0.85) -> _Stat:
        return _Stat(expr_start, upto, start, end, value, unit, rule, scale, words, confidence=conf)

    stat = _figure(text, start, end, pos, value, words, scale, currency, vocab, make)
    if stat is None and words is None and (quake := _MAGNITUDE_BEFORE.search(text, max(0, start - 12), start)):
        # "the magnitude 6.8 earthquake", "a magnitude-7.1 quake": a quake's magnitude, the unit before it
        stat = _Stat(quake.start(), end, start, end, value, "magnitude", "magnitude", None, None, confidence=0.85)
        shaken = _QUAKE_AFTER.match(text, end)
        stat.preset = f"magnitude of the {shaken.group(1)}" if shaken else "magnitude"
    if stat is None:
        return None
    q = vocab.qualifiers.search(text[:expr_start])
    if q:
        stat.qualifier = vocab.qualifier_of[case_key(q.group("q"))]
    return stat


_MAGNITUDE_BEFORE = re.compile(r"\b[Mm]agnitude[- ]$")
_QUAKE_AFTER = re.compile(r"\s+(earthquake|quake|tremor|aftershock)\b")
#: "5m people", "2bn users", "1.2m tonnes", "3m foreign tourists": a glued scale, then what is counted (next
#: word, or the one after an adjective)
_GLUED_SCALE = re.compile(r"(bn|mn|mln|m|k)\s+([A-Za-z]+)\b(?:\s+([A-Za-z]+)\b)?")


def _currency_and_scale(text: str, start: int, end: int, words: str | None,
                        vocab: Vocabulary) -> tuple[int, str | None, int, str | None]:
    """(where the figure starts, its currency written before it, where its scale ends, the scale):
    "$5 billion", "KSh 14.6bn", "310bn pesos", "5m people"."""
    expr_start, currency = start, None
    cur = _currency_before(text[:start], vocab) if words is None else None
    if cur:
        currency = vocab.currencies.get(cur.group("cur"), "USD")
        expr_start = cur.start()
    pos, scale = end, None
    sm = _SCALE.match(text[pos:]) or (_SCALE_HYPHEN.match(text[pos:]) if currency else None)
    if sm:  # ("a $210-million plant": the scale joined to a sum by a hyphen)
        scale = sm.group(1).lower()
        pos += sm.end()
    elif (short := _SCALE_SHORT.match(text[pos:])) and (
            currency or (words is None and vocab.currency_word.match(text[pos + short.end():]))):
        scale = _SCALE_ABBR[short.group(1)]  # "$5bn", "310bn pesos"
        pos += short.end()
    elif (words is None and (glued := _GLUED_SCALE.match(text[pos:]))
          and any(w in vocab.count_nouns or w in vocab.unit_aliases for w in glued.group(2, 3) if w)):
        scale = _SCALE_ABBR[glued.group(1)]  # "5m people", "2bn users"; a bare "5m" stays metres or nothing
        pos += len(glued.group(1))
    return expr_start, currency, pos, scale


def _figure(text: str, start: int, end: int, pos: int, value: int | float, words: str | None,
            scale: str | None, currency: str | None, vocab: Vocabulary,
            make: Callable[..., _Stat]) -> _Stat | None:
    """The kind of figure by what follows the number (and its scale) at ``pos``."""
    before, rest = text[:start], text[pos:]
    stat = (_money_or_fraction(rest, end, pos, value, words, scale, currency, vocab, make)
            or _percent_or_quantity(rest, pos, words, scale, vocab, make)
            or _frequency_or_multiplier(before, rest, pos, vocab, make, case_key(words) if words else None))
    if stat is not None:
        return stat
    if mu := _MEASURE_UNIT.match(rest):
        return _measured(text, before, pos, mu, value, words, vocab, make)
    if (words is None or scale or value >= 2) and not _after_name(before, vocab):
        # "Line 3 opens": a number after a name is part of the name
        return _counted(text, pos, value, words, scale, vocab, make)
    return None


def _money_or_fraction(rest: str, end: int, pos: int, value: int | float, words: str | None, scale: str | None,
                       currency: str | None, vocab: Vocabulary, make: Callable[..., _Stat]) -> _Stat | None:
    """"two-thirds" (a percent), "$5 billion", "5 billion yuan"."""
    if words and (words.lower().split("-")[-1].split(" ")[-1] in _FRACTIONS or _ONE_IN.fullmatch(words)) \
            and not _AND_A_HALF.search(words):
        return make("percent", "fraction", end, 0.75)
    if currency:
        return make(currency, "money", pos, 0.9)
    if (cw := vocab.currency_word.match(rest)) and (words is None or scale) and (
            scale or value >= 1000 or cw.group("w") not in vocab.needs_scale):  # "3 won outright" is a verb
        return make(vocab.currency_words[cw.group("w")], "money", pos + cw.end(), 0.9)
    return None


def _percent_or_quantity(rest: str, pos: int, words: str | None, scale: str | None, vocab: Vocabulary,
                         make: Callable[..., _Stat]) -> _Stat | None:
    """"12 percent", "3 percentage points", "400 megawatts", "5 million pounds" (money)."""
    if pm := _PERCENT.match(rest):
        unit = "percentage points" if pm.group(1).lower().startswith("percentage") else "percent"
        return make(unit, "percent", pos + pm.end(), 0.9)
    if (pu := vocab.physical_unit.match(rest)) and not (words and not scale and pu.group("sep") == "-"):
        unit = vocab.physical_units[pu.group("u") or pu.group("g")]
        if unit == "pounds" and scale and not re.match(r"\s+of\b", rest[pu.end():]):
            return make("GBP", "money", pos + pu.end(), 0.7)  # "5 million pounds" is money; "… pounds of" weight
        return make(unit, "tonnage" if unit == "tons" else "quantity", pos + pu.end(), 0.85)
    return None


def _frequency_or_multiplier(before: str, rest: str, pos: int, vocab: Vocabulary,
                             make: Callable[..., _Stat], words: str | None = None) -> _Stat | None:
    """"flies 35 times a week", "twice a week" (a count per period), "12-fold", "grew three times"."""
    if fq := (_FREQUENCY.match(rest) or (_BARE_FREQUENCY.match(rest) if words in _ONCE_WORDS else None)):
        # a count of what the verb does, per period -- not a multiplier
        noun = next((n for pattern, n in vocab.frequency_verbs if pattern.search(before)), None)
        per = {"day": "daily", "week": "weekly", "month": "monthly", "year": "annual"}[case_key(fq.group("per"))]
        stat = make(noun or "times", "count", pos + fq.end(), 0.75)  # "35 flights a week", "twice a week"
        stat.per = case_key(fq.group("per"))
        stat.noun_phrase = f"{per} {noun}" if noun else f"{per} frequency"
        return stat
    if fm := _FOLD.match(rest):
        return make("fold", "multiplier", pos + fm.end(), 0.8)
    if (tm := _TIMES.match(rest)) and (_GROWTH.search(before[-40:]) or _DECLINE.search(before[-40:])):
        return make("fold", "multiplier", pos + tm.end(), 0.75)
    return None


def _measured(text: str, before: str, pos: int, mu: re.Match[str], value: int | float, words: str | None,
              vocab: Vocabulary, make: Callable[..., _Stat]) -> _Stat | None:
    """A number with a unit of time, weight or length: a duration only after "for", "within", … (or
    hyphenated: "a 40-minute ride"), never "five years ago" or a year."""
    unit = vocab.unit_aliases.get(mu.group("u").lower(), mu.group("u").lower())
    if words and mu.group("sep") == "-":
        return None
    upto = pos + mu.end()
    if unit in _TIME_UNITS:
        if re.match(r"\s+and\s+\d", text[upto:]):
            return None  # "five hours and 20 minutes": a compound duration is not one number
        if _AGO.match(text[upto:]) or (words is None and value >= 1800 and unit == "years"):
            return None
        lead = before
        q = vocab.qualifiers.search(lead)
        lead = lead[:q.start()] if q else lead
        if not (mu.group("sep") == "-" and words is None) and not _DURATION_LEAD.search(lead):
            return None
        return make(unit, "duration", upto, 0.75)
    if unit == "tons":
        return make(unit, "tonnage", upto, 0.9)
    return make(unit, "distance", upto, 0.8)


#: the dash after a factbox line's figure ("33 — stations on the Lao section")
_FACTBOX_DASH = re.compile(r"\s+[—–]\s+(?=[a-z])")


_GROUP_SIZE = re.compile(r"-(?:member|strong|person|man|woman)\s+(?P<group>(?:[\w'’-]+\s+){0,5}?"
                         r"(?:team|delegation|contingent|force|mission|crew|group|unit|squad|panel|committee|"
                         r"commission|board|council|cabinet|task force))\b")


def _counted(text: str, pos: int, value: int | float, words: str | None, scale: str | None, vocab: Vocabulary,
             make: Callable[..., _Stat]) -> _Stat | None:
    """A count of the noun after the number ("12 flights", "Forty-two shops"); a number in words under ten
    needs a known counted noun ("four key goals", "two sides" are none)."""
    if (size := _GROUP_SIZE.match(text, pos)) and not words:
        # "a 70-member medical team", "a 70-strong search-and-rescue team": the size of a group
        stat = make("members", "count", size.end(), 0.8)
        stat.noun_phrase = _clean(size.group("group"))
        stat.preset = _clean(f"size of the {size.group('group')}")
        return stat
    factbox = _FACTBOX_DASH.match(text, pos) if not text[:pos].strip(" -•*\t0123456789,.") else None
    noun = _count_noun(text, factbox.end() if factbox else pos, vocab)  # "33 — stations on the line"
    if noun and words and not scale and value < 10 and noun[3] < 0.8:
        noun = None
    if not noun:
        return None
    unit, phrase, upto, conf = noun
    stat = make(unit, "count", upto, conf)
    stat.noun_phrase = _clean(phrase)
    if factbox and (line := _FACTBOX_MEASURE.match(text, pos)):
        stat.preset = _clean(line.group(1))  # the line says what is counted: "stations on the Lao section"
    return stat


_CHANGE_TO = re.compile(r"\b(?:rose|fell|grew|increased|decreased|declined|climbed|jumped|dropped|surged)\b"
                        r"[^,;]{0,40}?\bto\s+(?:about\s+|around\s+|nearly\s+|some\s+|over\s+|more than\s+)?$")
#: a level reached: "arrivals reached 3.4 million", "the population is 8 million"
_LEVEL = re.compile(r"\b(?:reached|hit|totall?ed|topped|exceeded|surpassed|stood at|amounted to|numbered|is|was)\s+"
                    r"(?:about\s+|around\s+|nearly\s+|almost\s+|roughly\s+|some\s+|over\s+|more than\s+)?$")
_BARE_NEEDS = Needs(("rose", "fell", "grew", "increased", "decreased", "declined", "climbed", "jumped", "dropped",
                     "surged", "reached", "hit", "total", "topped", "exceeded", "surpassed", "stood at", "amounted to",
                     "numbered", "is ", "was "), any_case=False)
_BARE_AFTER = re.compile(r"%|[A-Za-z]|\s(?:percent|per cent)\b")
_SCALE_AFTER = re.compile(r"\s(thousand|million|billion)\b(?![ -]?[A-Za-z])|\s(thousand|million|billion)(?=\s+(?:in|on|at|by|"
                          r"last|this|a|per|during|for|from|so|as|over|compared|,|\.))")
#: the subject right before the verb: up to three words and its head, "in <Place>", an auxiliary or adverb
_SUBJECT = re.compile(r"((?:[\w-]+\s){0,3}?(?P<noun>(?:(?<=^)[A-Z]|[a-z])[a-z]+)(?:\s+in\s+[A-Z][\w-]*)?)\s+"
                      r"(?:(?:has|have|had|also|again|still|then|[a-z]+ly)\s+)?$")


def _inherit_subject(text: str, digits: list[re.Match[str]], found: list[_Stat], vocab: Vocabulary) -> None:
    """"arrivals in Bali rose 27 percent to about 590,000", "passenger traffic reached 59 million": a bare
    number after a change or level verb counts the subject's noun."""
    if not _BARE_NEEDS.met(text, None):
        return  # no change or level verb: no number can follow one
    for m in digits:
        start, end = m.start(), m.end()
        scale = _SCALE_AFTER.match(text, end)
        if any(s.start <= start < s.end for s in found) or (scale is None and _BARE_AFTER.match(text, end)):
            continue
        verb = _CHANGE_TO.search(text, 0, start)
        if not verb or verb.end() != start:
            verb = _LEVEL.search(text, 0, start) if scale else None  # a level: only a figure with its scale
            if not verb or verb.end() != start:
                continue
        subject = _SUBJECT.search(text[:verb.start()])
        unit = _subject_unit(subject, vocab) if subject else None
        if subject is None or unit is None:
            continue
        upto = scale.end() if scale else end
        stat = _Stat(start, upto, start, end, _to_number(m.group(1)), unit, "count",
                     scale.group(1) or scale.group(2) if scale else None, confidence=0.7)
        stat.noun_phrase = _as_written(subject.group(1), subject.start(1) == 0, vocab)
        q = vocab.qualifiers.search(text[:start])
        stat.qualifier = vocab.qualifier_of[case_key(q.group("q"))] if q else None
        found.append(stat)


def _subject_unit(subject: re.Match[str], vocab: Vocabulary) -> str | None:
    """What a subject counts: its plural head's count noun ("arrivals"), or a counting head's unit
    ("population": people; "passenger traffic": passengers)."""
    noun = subject["noun"].lower()
    if noun in vocab.count_nouns:
        return vocab.count_nouns[noun]
    if noun not in vocab.count_subjects:
        return None
    if (unit := vocab.count_subjects[noun]) is not None:
        return unit
    before = subject.group(1)[:subject.start("noun") - subject.start(1)].split()
    counted = f"{before[-1].lower()}s" if before else ""
    return vocab.count_nouns.get(counted)


_ELIDED_LEAD = re.compile(r"\b(?:up|down|rising|falling|rose|fell)\s+from\s+$|\b(?:compared\s+(?:with|to)|against|"
                          r"versus|vs\.?)\s+$", re.I)
_ELIDED_LEAD_NEEDS = Needs(("from", "compared", "against", "versus", "vs"))
_ELIDED_TAIL = re.compile(r"\s*(?:[,.;)]|$)|\s+(?:before|when|in|at|on|during|earlier|previously|a year|last|the "
                          r"previous|ago)\b")


def _inherit_elided(text: str, digits: list[re.Match[str]], found: list[_Stat], taken: list[tuple[int, int]],
                    vocab: Vocabulary) -> None:
    """"42 flights a week, up from 28 before …": a bare number compared with a count counts the same thing."""
    if not _ELIDED_LEAD_NEEDS.met(text, ascii_lower(text)):
        return  # no "from"/"compared"/…: no lead before any number
    for m in digits:
        start, end = m.start(), m.end()
        if any(s.start <= start < s.end for s in found) or any(a <= start < b for a, b in taken):
            continue
        if not _ELIDED_TAIL.match(text[end:]) or re.match(r"\.\d", text[end:]):
            continue
        lead = text[:start]
        q = vocab.qualifiers.search(lead)
        if q:
            lead = lead[:q.start()]
        if not _ELIDED_LEAD.search(lead):
            continue
        earlier = [s for s in found if s.end <= start and s.rule in ("count", "quantity", "tonnage", "distance")]
        if not earlier:
            continue
        first = earlier[-1]
        stat = _Stat(start, end, start, end, _to_number(m.group(1)), first.unit, first.rule, first.scale,
                     confidence=first.confidence - 0.1)
        stat.noun_phrase = first.noun_phrase
        stat.qualifier = vocab.qualifier_of[case_key(q.group("q"))] if q else None
        found.append(stat)


#: "14 people were killed and 61 wounded": a bare number and a participle after a count of people
_CASUALTY_TAIL = re.compile(r"\s+(?:(?:were|had been|have been|are|was)\s+)?(?:wounded|injured|hurt|missing|arrested|"
                            r"detained|displaced|evacuated|rescued|hospitali[sz]ed|killed|dead|taken hostage)\b")
_CASUALTY_NEEDS = Needs(("wounded", "injured", "hurt", "missing", "arrested", "detained", "displaced", "evacuated",
                         "rescued", "hospitali", "killed", "dead", "hostage"))


_ASIDE = re.compile(r",[^,;.()]{1,40},")


def _aside_end(text: str, end: int) -> int:
    """Where an aside set off by commas right at ``end`` ends (", most of them civilians,"), else ``end``."""
    m = _ASIDE.match(text, end)
    return m.end() if m else end


def _inherit_casualties(text: str, digits: list[re.Match[str]], found: list[_Stat], taken: list[tuple[int, int]],
                        vocab: Vocabulary) -> None:
    """"14 people have been killed and 61 wounded": the bare number after "and" counts the same people."""
    if not found or not _CASUALTY_NEEDS.met(text, ascii_lower(text)):
        return
    for m in digits:
        start, end = m.start(), m.end()
        if any(s.start <= start < s.end for s in found) or any(a <= start < b for a, b in taken):
            continue
        tail = _CASUALTY_TAIL.match(text, end)
        lead = text[:start]
        q = vocab.qualifiers.search(lead, max(0, start - 25))  # "… and more than 300,000 were displaced"
        if q:
            lead = lead[:q.start()]
        if not tail or not re.search(r"(?:,\s*|\s)(?:and|while|with)\s+$", lead):
            continue
        # (the count before may have an aside before its participle: "42 people, most of them civilians, were")
        earlier = [s for s in found if s.end <= start and s.rule == "count" and s.unit == "people"
                   and (_CASUALTY_TAIL.match(text, s.end) or _CASUALTY_TAIL.match(text, _aside_end(text, s.end)))]
        if not earlier:
            continue
        first = earlier[-1]
        stat = _Stat(start, end, start, end, _to_number(m.group(1)), first.unit, first.rule, first.scale,
                     confidence=first.confidence - 0.1)
        stat.noun_phrase = first.noun_phrase
        stat.qualifier = vocab.qualifier_of[case_key(q.group("q"))] if q else None
        stat.preset = f"{first.noun_phrase or first.unit} {tail.group().split()[-1]}"
        found.append(stat)


#: "fighting in 2022 killed more than 100 on both sides": a bare number right after a verb of casualties
_CASUALTY_VERB = re.compile(r"\b(?P<verb>killed|wounded|injured)\s+$")
_CASUALTY_OBJECT_TAIL = re.compile(r"\s*(?:[,.;)]|$)|\s+(?:on|in|and|during|across|along|near|at|since|so far|"
                                   r"others|more)\b")


def _casualty_objects(text: str, digits: list[re.Match[str]], found: list[_Stat], taken: list[tuple[int, int]],
                      vocab: Vocabulary) -> None:
    """"fighting killed more than 100 on both sides": a bare number a casualty verb takes counts people."""
    if not _CASUALTY_NEEDS.met(text, ascii_lower(text)):
        return
    for m in digits:
        start, end = m.start(), m.end()
        if any(s.start <= start < s.end for s in found) or any(a <= start < b for a, b in taken):
            continue
        if not _CASUALTY_OBJECT_TAIL.match(text, end) or re.match(r"[.,]\d", text[end:end + 2]):
            continue
        lead = text[max(0, start - 40):start]
        q = vocab.qualifiers.search(lead)
        if q:
            lead = lead[:q.start()]
        verb = _CASUALTY_VERB.search(lead)
        if verb is None:
            continue
        stat = _Stat(start, end, start, end, _to_number(m.group(1)), "people", "count", None, confidence=0.7)
        stat.preset = f"people {verb['verb']}"
        stat.qualifier = vocab.qualifier_of[case_key(q.group("q"))] if q else None
        found.append(stat)


#: "…, killing 37 people and damaging more than 12,000 houses": a participle that tells what befell the count
_DONE_BEFORE = re.compile(r"\b(?P<verb>killing|wounding|injuring|displacing|damaging|destroying|affecting|"
                          r"evacuating|stranding|flooding|sinking)\s+$")
_DONE_PARTICIPLE = {"killing": "killed", "wounding": "wounded", "injuring": "injured", "displacing": "displaced",
                    "damaging": "damaged", "destroying": "destroyed", "affecting": "affected",
                    "evacuating": "evacuated", "stranding": "stranded", "flooding": "flooded", "sinking": "sunk"}


def _done_to_counts(text: str, found: list[_Stat], vocab: Vocabulary) -> None:
    """A count right after such a participle is of what it befell ("people killed", "houses damaged")."""
    for stat in found:
        if stat.rule != "count" or stat.preset is not None or not stat.noun_phrase:
            continue
        lead = text[max(0, stat.start - 40):stat.start]
        if q := vocab.qualifiers.search(lead):
            lead = lead[:q.start()]
        if done := _DONE_BEFORE.search(lead):
            stat.preset = f"{stat.noun_phrase} {_DONE_PARTICIPLE[done['verb'].lower()]}"


#: "Eight people were killed, including two children": the count a casualty count includes
_INCLUDED = re.compile(r"\b(?:including|among them|among whom|of whom)\s+(?:(?:at least|about|some|around|"
                       r"more than|nearly)\s+)?$")


def _included_casualties(text: str, found: list[_Stat]) -> None:
    """The count after "including" in a sentence of casualties is of the same casualty ("children killed")."""
    for stat in found:
        if stat.rule != "count" or stat.preset is not None or not _INCLUDED.search(text, 0, stat.start):
            continue
        for earlier in reversed([s for s in found if s.end <= stat.start and s.rule == "count" and s.unit == "people"]):
            tail = _CASUALTY_TAIL.match(text, earlier.end)
            if tail:
                stat.preset = f"{stat.unit} {tail.group().split()[-1]}"
                break


_RANGE_LOW = re.compile(r"\b(?:[Bb]etween|[Ff]rom)\s+(?:about\s+|around\s+|some\s+)?"
                        r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+(?:and|to)\s+$")
#: "fallen by 12 to 15 per cent", "12-15%": the bare lower bound of a range of percents
_PERCENT_RANGE_LOW = re.compile(r"(?<![\w.,$€£¥])(\d{1,2}(?:\.\d+)?)(?:\s+to\s+|\s?[-–]\s?)$")
#: "traded at 48 to 55 yuan a kilogram": the bare lower bound of a range of any unit ("to" written out)
_UNIT_RANGE_LOW = re.compile(r"(?<![\w.,$€£¥])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+to\s+$")


#: what joins the two bounds of a range written in full ("13 million to 14 million TEU", "between 2.0 million
#: and 2.2 million", "3.2%-3.6%"), or a level and the earlier one it rose or fell from ("to 35% from 12%")
_RANGE_JOIN = re.compile(r"\s*(?:to|and|[-–]|from)\s*(?:about\s+|around\s+|some\s+|nearly\s+|roughly\s+)?")


#: "between 2.0 million and", "13 million to": a lower bound with its own scale word, before a scaled quantity
#: ("and" only after "between"; not "fell by 1 million to 14 million", a change and a level)
_SCALED_RANGE_LOW = re.compile(r"(?<![\w.,$€£¥])(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s+"
                               r"(thousand|million|billion|trillion)\s+(to|and)\s+$")
#: "between" right before a range's lower bound (or with a word or two between), "by" before a change, "to"
#: before a level
_BETWEEN_BEFORE = re.compile(r"\bbetween\s+$")
_BETWEEN_NEAR = re.compile(r"\bbetween\s+(?:\S+\s+){0,2}$")
_BY_BEFORE = re.compile(r"\bby\s+$")
_TO_BEFORE = re.compile(r"\bto\s+(?:\S+\s+)?$")


def _share_range_measures(text: str, stats: list[_Stat]) -> None:
    """The two bounds of a range written in full measure one thing: a bound without a measure takes the
    other's ("forecast demand of 13 million to 14 million TEU"; "has risen to about 35% from 12%")."""
    ordered = sorted(stats, key=lambda s: s.start)
    for first, second in pairwise(ordered):
        join = _RANGE_JOIN.fullmatch(text, first.end, second.start)
        if first.unit != second.unit or join is None:
            continue
        if "from" in join.group():
            # "rose to 35% from 12%": the earlier level of the same measure, whatever its own words say
            if first.measure and _TO_BEFORE.search(text, max(0, first.start - 20), first.start):
                second.measure, second.derived = first.measure, first.derived
            continue
        if bool(first.measure) == bool(second.measure) or ("and" in join.group() and not _BETWEEN_NEAR.search(
                text, max(0, first.start - 30), first.start)):
            continue
        source, target = (first, second) if first.measure else (second, first)
        target.measure, target.derived = source.measure, source.derived


def _inherit_ranges(text: str, found: list[_Stat], candidates: list[tuple[int, int, int | float, str | None]],
                    vocab: Vocabulary) -> None:
    """"from 90 minutes to just 23": the bare second number takes the first one's unit; "between 12 and
    15 per cent": the bare first takes the second's (each bound is a figure of its own)."""
    for second in list(found):
        low = _RANGE_LOW.search(text, max(0, second.start - 40), second.start)
        if low is None and second.unit == "percent":
            low = _PERCENT_RANGE_LOW.search(text, max(0, second.start - 12), second.start)
        elif low is None and second.unit is not None:
            low = _UNIT_RANGE_LOW.search(text, max(0, second.start - 16), second.start)
        scale = second.scale
        if low is None and second.scale and second.unit not in ("percent", None):
            low = _SCALED_RANGE_LOW.search(text, max(0, second.start - 40), second.start)  # "13 million to 14 million"
            before = text[max(0, low.start() - 10):low.start()] if low else ""
            if low and (_BY_BEFORE.search(before) or (low.group(3) == "and") != bool(_BETWEEN_BEFORE.search(before))):
                low = None
            scale = low.group(2).lower() if low else scale
        if low is None or any(s.start <= low.start(1) < s.end for s in found):
            continue
        end = low.end(2) if low.re is _SCALED_RANGE_LOW else low.end(1)
        stat = _Stat(low.start(1), end, low.start(1), low.end(1), _to_number(low.group(1)), second.unit, second.rule,
                     scale, confidence=second.confidence - 0.1)
        stat.noun_phrase = second.noun_phrase
        stat.bound_of = second
        found.append(stat)
    for first in list(found):
        if not re.search(r"\bfrom\s+(?:\S+\s+)?$", text[max(0, first.start - 20):first.start]):
            continue
        m = re.match(r"\s+to\s+(?:just\s+|only\s+|about\s+|around\s+|nearly\s+)?(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d\w%]|,\d)",
                     text[first.end:])
        if not m:
            continue
        start, end = first.end + m.start(1), first.end + m.end(1)
        if any(s.start <= start < s.end for s in found):
            continue
        stat = _Stat(start, end, start, end, _to_number(m.group(1)), first.unit, first.rule, first.scale,
                     confidence=first.confidence - 0.1)
        stat.noun_phrase = first.noun_phrase
        found.append(stat)


# --- measures ---------------------------------------------------------------


def _participle(verb: str) -> str:
    """"electrifies" -> "electrified", "covers" -> "covered" (regular verbs; enough for a label)."""
    if verb.endswith("ies"):
        return verb[:-3] + "ied"
    if verb.endswith(("ses", "shes", "ches", "xes", "zes")):
        return verb[:-2] + "ed"
    return verb[:-1] + ("d" if verb[-2:-1] == "e" else "ed")


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    left = 0
    for m in _CLAUSE_BREAK.finditer(text, 0, start):
        left = m.end()
    right = len(text)
    m = _CLAUSE_BREAK.search(text, end)
    if m:
        right = m.start()
    return left, right


def _adjective_to_country(vocab: Vocabulary) -> dict[str, str]:
    """"Ghanaian" -> "Ghana": the first country listed for an adjective is its usual name. Asked for every
    word after a number, so built once with the vocabulary (not read from it: the caller must not change it)."""
    return vocab.adjective_country or _first_country_of_adjective(vocab.countries)


def _first_country_of_adjective(countries: list[tuple[str, str]]) -> dict[str, str]:
    out: dict[str, str] = {}
    for name, adj in countries:
        out.setdefault(adj, name)
    return out


def _countries(text: str, vocab: Vocabulary) -> list[tuple[int, str, str, bool]]:
    """(offset, country name, adjective, is_possessive) for each country mention."""
    of_word = vocab.country_of_word or _country_of_word(vocab.countries, _adjective_to_country(vocab))
    out = []
    for m in vocab.country_mention.finditer(text):
        if text.startswith("$", m.end()):
            continue  # "US$4 billion": a currency, not a country
        name, adj = of_word[m.group("c")]
        out.append((m.start(), name, adj, bool(m.group("pos"))))
    return out


_Mention = tuple[int, str, str, bool]  # (offset, country name, adjective, is_possessive): see _countries


def _fill(entry: dict[str, Any], text: str, cue: re.Match[str], vocab: Vocabulary, upto: int | None = None) -> str:
    """A measure template with {origin}, {dest} and flag placeholders filled from the sentence (countries
    after the cue only up to ``upto``: the end of the cue's noun phrase, when known)."""
    mentions = [c for c in _countries(text, vocab) if upto is None or c[0] < upto]
    origin, mentions = _origin(text, cue, mentions)
    into = re.search(r"\b(to|from|in)\s+\{dest\}", entry["measure"])
    origin, dest = _destination(text, cue, mentions, origin, into)
    measure = entry["measure"]
    for flag, (pattern, value) in (entry.get("flags") or {}).items():
        measure = measure.replace("{" + flag + "}", value if re.search(pattern, text, re.I) else "")
    if not dest:
        measure = re.sub(r"\s+(?:in|to|from|of)\s+\{dest\}", "", measure)
    measure = measure.replace("{origin}", origin).replace("{dest}", dest)
    return _clean(measure)


def _origin(text: str, cue: re.Match[str], mentions: list[_Mention]) -> tuple[str, list[_Mention]]:
    """The adjective of the country acting: one at most three words before the cue, else the first
    before it not after a preposition. "Portugal is Ghana's largest investor": the possessive names the
    destination, so it moves after the cue in the mentions returned."""
    near = [c for c in mentions if c[0] < cue.start() and len(text[c[0]:cue.start()].split()) <= 3]
    agent = re.match(r"investors?|partners?", cue.group(0), re.I)
    if near and agent and near[-1][3]:
        mentions = sorted([c for c in mentions if c is not near[-1]] + [(cue.start() + 1, *near[-1][1:])])
        near = []
    if near:
        return near[-1][2], mentions
    for off, _name, adj, _pos in mentions:
        if off < cue.start() and not re.search(r"\b(?:in|to|into|from|with|of)\s+$", text[:off]):
            return adj, mentions
    return "", mentions


def _destination(text: str, cue: re.Match[str], mentions: list[_Mention], origin: str,
                 into: re.Match[str] | None) -> tuple[str, str]:
    """(origin, destination) after the countries named after the cue: "exports from Kenya to Ethiopia",
    "imports by Egypt", "GDP of Kenya": the preposition says whose flow it is and where it goes."""
    dest = ""
    for off, name, adj, _pos in mentions:
        if off <= cue.start() or adj == origin:
            continue
        said = re.fullmatch(r"[^\d,;]*?\b(into|in|to|from|by|of)\s+(?:the\s+)?", text[cue.end():off], re.I)
        if said and text.startswith(name, off) and len(text[cue.end():off].split()) <= 6:
            prep = said.group(1).lower()
            prep = ("in" if into and into.group(1) == "in" else "to") if prep == "into" else prep
            if not (into and prep == into.group(1)):
                origin = origin or adj
                continue
        dest = dest or name
        if dest and origin:
            break
    return origin, dest


def _cue_measure(text: str, lo: int, hi: int, pos: int, context_bilateral: bool,
                 vocab: Vocabulary, prefer: str = "before") -> str | None:
    """The measure named by the vocabulary cue nearest ``pos`` within text[lo:hi]."""
    best: tuple[int, dict[str, Any], re.Match[str]] | None = None
    for entry, pattern in zip(vocab.measures, vocab.cues, strict=True):
        for m in pattern.finditer(text, lo, hi):
            before = m.end() <= pos
            if (prefer == "before") != before:
                continue
            distance = abs(pos - m.end()) if before else abs(m.start() - pos)
            if best is None or distance < best[0]:
                best = (distance, entry, m)
    if best is None:
        return None
    _, entry, m = best
    if "bilateral" in entry:
        countries = {c[1] for c in _countries(text, vocab)}
        if vocab.bilateral.search(text) or len(countries) >= 2 or context_bilateral:
            return str(entry["bilateral"])
        return str(entry["measure"])
    return _fill(entry, text, m, vocab)


def _commodity(text: str, stat: _Stat, vocab: Vocabulary) -> str | None:
    """"imported 418,300 tons of Ghanaian fresh pineapple" -> "pineapple imports"."""
    m = re.match(r"\s+of\s+((?:[\w’'-]+\s?){1,4})", text[stat.end:])
    phrase = None
    if m:
        phrase = m.group(1)
    else:
        m2 = re.search(r"\b(?:exports?|imports?|shipments?|sales|output|production) of ((?:[a-z][\w-]*\s?){1,3})",
                       text[:stat.start])
        if m2:
            phrase = m2.group(1)
    if not phrase:
        return None
    by_adj = _adjective_to_country(vocab)
    kept, exporter = [], ""
    for word in phrase.split():
        if word.lower() in _STOP or re.fullmatch(r"(?:reached|rose|fell|totaled|totalled|were|was|valued|worth)", word):
            break
        if word in by_adj:
            exporter = by_adj[word]
        elif word.lower() not in vocab.commodity_adjectives:
            kept.append(word)
    if not kept:
        return None
    goods = " ".join(kept)
    verb = re.search(r"\b(import|export)", text, re.I)
    if not verb:
        return None
    mentions = [c for c in _countries(text[:verb.start()], vocab) if c[1] != exporter]
    actor = mentions[-1][2] + " " if mentions else ""
    if verb.group(1).lower() == "import":
        return _clean(f"{actor}{goods} imports" + (f" from {exporter}" if exporter else ""))
    dest = re.search(r"\bexports? of [\w\s-]+? to ([A-Z][\w.]+(?: [A-Z][\w.]+)*)", text)
    return _clean(f"{actor}{goods} exports" + (f" to {dest.group(1)}" if dest else ""))


#: words that end the goods of "86 tonnes of beans so far", "of rice last year"
_TIME_ADVERBS = {"so", "yet", "already", "now", "last", "next", "today", "yesterday", "ago"}


def _quantity_of(text: str, stat: _Stat, pre: str) -> str | None:
    """"seized 2,300 pounds of cocaine" -> "cocaine seized"; "buy 400 megawatts of electricity" -> "electricity"."""
    m = re.match(r"\s+of\s+((?:[a-z][\w-]*\s?){1,3})", text[stat.end:])
    if not m:
        return None
    kept = []
    for word in m.group(1).split():
        if word in _STOP or word in _TIME_ADVERBS or re.fullmatch(r"[a-z]+ed", word):
            break
        kept.append(word)
    if not kept:
        return None
    verb = re.search(r"\b([a-z]+ed)\s+(?:\S+\s+){0,2}$", pre)
    done = f" {verb.group(1)}" if verb and verb.group(1) not in ("reached", "totaled", "totalled", "exceeded") else ""
    return _clean(" ".join(kept) + done)


#: "16 nautical miles east of the shoal", "120 km from the border", "40 metres off the coast"
_DISTANCE_AFTER = re.compile(
    r"\s+(?P<where>(?:(?:due\s+)?(?:north|south|east|west|north-?east|north-?west|south-?east|south-?west)(?:ward)?\s+of"
    r"|from|off|away\s+from|short\s+of|inside|outside|beyond)\s+"
    r"(?:the\s+)?(?:[A-Z][\w'’.-]*(?:\s+(?:de\s+|of\s+)?[A-Z][\w'’.-]*){0,3}"
    r"|[a-z][\w-]*(?:\s+(?:of\s+)?[a-z][\w-]*)?(?=[\s,.;]|$)))")


def _distance_of(text: str, stat: _Stat) -> str | None:
    """A distance told with where it is measured from: "16 nautical miles east of the shoal" is the distance
    east of the shoal."""
    m = _DISTANCE_AFTER.match(text, stat.end)
    if m is None:
        return None
    words = m.group("where").split()
    while len(words) > 2 and words[-1] in _STOP:
        words.pop()  # "from the line of …" ends before what it cannot hold
    if words[-1] in _STOP:
        return None
    return _clean(f"distance {' '.join(words)}")


#: the noun a hyphenated sum stands before ("a $210-million cathode plant in …"), up to its complement
_NOUN_AFTER_SUM = re.compile(r"\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)(?=\s+(?:in|at|on|for|to|with|by|from|of|that|"
                             r"which|and|will|would|is|was)\b|\s*[,.;:)]|$)")


#: what is built: the sum before it is its cost ("the $2 billion railway"), not its value
_BUILT = frozenset(("line", "railway", "railroad", "road", "highway", "expressway", "bridge", "tunnel", "port", "airport",
                    "dam", "plant", "factory", "pipeline", "terminal", "project", "hospital", "stadium", "canal", "link",
                    "upgrade", "expansion", "renovation", "refinery", "smelter", "mine", "complex", "park", "zone",
                    "hall", "building", "centre", "center", "school", "campus", "station", "berth", "wharf", "pier",
                    "jetty", "embankment", "seawall", "dike", "dyke", "facility"))
_DETERMINED = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?:(?:estimated|planned|proposed|new|further)\s+)?$")


def _sum_before_noun(text: str, stat: _Stat, pre: str) -> str | None:
    """The noun a sum stands before as its modifier: hyphenated ("a $210-million cathode plant") or, after
    a determiner, not ("the US$5.9bn line", "a $3 billion IMF loan"); None for "$2 billion in loans"."""
    hyphen = text[stat.num_end:stat.num_end + 1] == "-"
    if not hyphen and not _DETERMINED.search(pre):
        return None
    after = stat.end
    if not hyphen and (bracket := _BRACKET_AFTER.match(text, after)):
        after = bracket.end()  # "a Rp 86 billion (about US$5.2 million) hall"
    noun = (_NOUN_AFTER_SUM if hyphen else _NOUN_AFTER_DETERMINED_SUM).match(text, after)
    if noun is None or noun.group(1).split()[0].lower() in _STOP or noun.group(1).split()[-1] in _BOUNDS:
        return None
    return noun.group(1)


#: nouns a sum before them is the bound of, not the value ("the $1 million rule", "the $10 billion target")
_BOUNDS = frozenset(("rule", "threshold", "limit", "cap", "ceiling", "floor", "minimum", "maximum", "requirement",
                     "mark", "barrier", "level", "target", "goal", "question"))


_BRACKET_AFTER = re.compile(r"\s*\([^()]{1,40}\)")
_NOUN_AFTER_DETERMINED_SUM = re.compile(r"\s+((?:[A-Z]{2,}\s+)?(?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)(?=\s+(?:in|at|on|"
                                        r"for|to|with|by|from|of|that|which|and|will|would|is|was|has|had|opened|"
                                        r"signed)\b|\s*[,.;:)]|$)")


#: what a sum is spent on: "spend €2 billion upgrading rail links", "on refurbishing the terminal" (not "in Sri
#: Lanka", "over five years")
_SPENT_ON = re.compile(r"(?:\s*\([^()]{1,40}\))?\s+(?:on\s+(?:(?:the|a|an)\s+)?|(?=[a-z]+ing\b))"
                       r"(?!(?:in|at|by|for|over|from|to|this|last|next|per|each|every|until|till|through|during|since|"
                       r"and|or|with|of)\b)([a-z][\w-]*(?:\s+(?!(?:last|next|this|in|on|at|by|for|over|from|to|and|or|with|"
                       r"until|since|during|before|after)\b)[a-z][\w-]*){0,3})")


def _money_phrase(text: str, stat: _Stat, lo: int, earlier: list[_Stat]) -> str | None:
    """Measures said by the verb around a sum: "spend €2 billion upgrading rail links", "a deal worth $450 million"."""
    pre = text[lo:stat.start]
    if stat.scale and (noun := _sum_before_noun(text, stat, pre)):
        # "a $210-million cathode plant", "the US$5.9bn line": what a project costs, what a deal is worth
        return _clean(f"{'cost' if noun.split()[-1] in _BUILT else 'value'} of {noun}")
    if re.search(r"\b(?:up|down)\s+from\s+$", pre) and earlier:
        return earlier[-1].measure  # the earlier level of the same measure
    receiver = re.search(r"(?P<subj>(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,4})\s+(?:will\s+|would\s+)?"
                         r"(?:receive[sd]?|gets?|got)\s+(?:\S+\s+)?$", text[:stat.start])
    if receiver:
        yearly = "annual " if re.match(r"\s+(?:a|per)\s+year\b|\s+annually\b", text[stat.end:]) else ""
        return _clean(f"{yearly}funding of {re.sub(r'^the ', '', receiver['subj'])}")
    if re.search(r"\b(?:spend|spent|spending|invest|invested|allocate|allocated|earmark(?:ed)?)\s+(?:\S+\s+)?$", pre):
        use = _SPENT_ON.match(text, stat.end)
        if use:
            return _clean(f"spending on {re.sub(r'^the ', '', use.group(1))}")
    worth = re.search(r"(?:\b(?:[Aa]|[Aa]n|[Tt]he)\s+)?((?:[\w-]+\s+){0,2}?[\w-]+)\s+(?:(?:reported|estimated|said|believed|"
                      r"expected)\s+to\s+be\s+|(?:is|was|are|were)\s+)?(?:worth|valued at)\s+(?:\S+\s+)?$", pre)
    words = worth.group(1).split() if worth and not earlier else []
    while words and words[0].lower() in _STOP:
        words.pop(0)  # "land and tax exemptions worth …": what the phrase holds after its last function word
    if words and words[-1].lower() not in _STOP and " ".join(words).lower() not in _PRONOUNS:
        # (not "It was worth …": what "it" is, is told before; not "…, the busiest on the border, was worth …")
        return _clean(f"value of {' '.join(words)}")
    return None



def _subject_as(text: str, lo: int, pos: int) -> str | None:
    """"Portugal has remained Ghana's largest trading partner for over 20 years" -> "Portugal as ..."."""
    head = text[lo:pos]
    m = re.search(r"(?P<subj>[A-Z][\w.]*(?: [A-Z][\w.]*)*)\s+(?:has|have|had)\s+(?:\w+ly\s+)?"
                  r"(?:remained|been|stood as|served as)\s+(?P<comp>.+?)\s+for\s+(?:\S+\s+)?$", head)
    if not m:
        m = re.search(r"(?P<subj>[A-Z][\w.]*(?: [A-Z][\w.]*)*)\s+(?:maintaining|keeping|holding|retaining)\s+"
                      r"(?:its|their|his|her)\s+(?:position|status|place|role|title)\s+as\s+(?P<comp>.+?)"
                      r"\s+for\s+(?:\S+\s+)?$", head)
    return _clean(f"{m['subj']} as {m['comp']}") if m else None


#: where the words of a share end: its verb ("… of the seats went to the party"), or another figure joined on
#: ("two-thirds of the vote and three quarters of the seats")
#: a clause inside the words of a share ("of South Koreans … said that they had …"); a "that" opening them
#: points back ("a third of that money")
_CLAUSE_WORD = re.compile(r"\b(?:said|says|who|which|whom|whose)\b|(?<=\S)\s+that\b")
#: the words of a share that point back to what the sentence told before ("of that money", "of them")
_SHARE_BACK = re.compile(r"\s+of\s+(?:that|this|these|those|it|them)\b")
_SHARE_VERB = re.compile(r"\s(?:(?P<finite>is|are|was|were|has|have|had|will|would|went|go|goes|came|come|comes|"
                         r"remain|remains|remained|stay|stays|stayed)\b|and\s+(?:about\s+|roughly\s+|some\s+|nearly\s+)?"
                         r"(?:one|two|three|four|five|six|seven|eight|nine|a|half|\d)\b)")


def _share_of(text: str, stat: _Stat, hi: int, periods: list[PeriodMention]) -> str | None:
    m = re.match(r"\s+of\s+", text[stat.end:])
    if not m:
        return None
    start = stat.end + m.end()
    stop = hi
    for p in periods:
        if start <= p.start < stop:
            stop = p.start
    verb = _SHARE_VERB.search(text, start, stop)
    what = " ".join(text[start:verb.start()].split()[:10]) if verb else ""
    if not what or _CLAUSE_WORD.search(what):  # "… of South Koreans … said that they had …": not one phrase
        return _clean(" ".join(text[start:stop].split()[:14])) or None
    if verb.group("finite"):
        # "about four-fifths of the border is fenced": the share of what the verb tells ("… that is fenced")
        return _clean(f"{what} that {' '.join(text[verb.start():stop].split()[:8])}")
    return _clean(what) or None  # "two-thirds of the vote and three quarters of …": this figure's part


# Words ending in "s" that are no plural noun: the head of "percent of …" is none of them ("of the water
# in its canals" is of the canals, not of "its")
_NOT_PLURAL = r"(?:its|his|hers|ours|yours|theirs|this|thus|was|has|is|us|as|whose|less|across|plus|does|gets)"


def _percent_of(text: str, stat: _Stat, hi: int) -> str | None:
    """"62.4 percent of Ghanaian respondents report ..." -> "share of Ghanaian respondents who report ..."."""
    m = re.match(r"\s+of\s+(?:the\s+)?((?:[\w’'-]+\s+){0,3}?(?!" + _NOT_PLURAL + r"\b)[a-z]+s)\b(.*)",
                 text[stat.end:hi])
    if not m:
        np = re.match(r"\s+of\s+(?:the\s+)?((?:[A-Za-z][\w’'-]*\s*){1,4}?)(?=\s+(?:on|in|for|to|from|by|through|"
                      r"with|and|that|which|against|since|over|at|during|after|before)\b|[.,;:)]?\s*$)", text[stat.end:hi])
        return _clean(f"share of {np.group(1)}") if np else None
    group, rest = m.group(1), m.group(2).split()
    if rest and rest[0].islower():
        joiner = " " if rest[0] in _STOP else " who "
        return _clean(f"share of {group}{joiner}{' '.join(rest[:10])}")
    return _clean(f"share of {group}")


# A perfect or past-tense verb with its object right after a counted subject ("… have built ties with …").
_PREDICATE = re.compile(r"\s+(?P<verb>(?:have|had)\s+(?!been\b|to\b)(?:[a-z]+ly\s+)?[a-z]+"
                        r"|(?!(?:based|featured|included|located|registered|scheduled|expected|planned)\b)[a-z]{3,}ed)"
                        r"\s+(?P<obj>(?:(?!(?:since|until|when|after|before|because|while|whereas|which|who|as)\b"
                        r"|(?:by|in|on|at|during|over)\s+(?:\d|the\s+(?:past|last)|last\b|this\b))"
                        r"[\w'’-]+\s*){1,12})")


def _predicate(rest: str) -> str | None:
    """The verb phrase a counted subject does, with its object (at most 12 words), or None."""
    m = _PREDICATE.match(rest)
    if not m:
        return None
    obj = m["obj"].split()
    if not obj or (obj[0] in _STOP and len(obj) < 2):
        return None
    return f"{m['verb']} {' '.join(obj)}"


#: the act a count of "times" counts: "have met 12 times", "visited the country five times"
_TIMES_NOUN = {"met": "meetings", "meet": "meetings", "visited": "visits", "visit": "visits", "called": "calls",
               "spoke": "conversations", "talked": "conversations", "travelled": "trips", "traveled": "trips"}
_TIMES_DONE = re.compile(r"\b(" + "|".join(_TIMES_NOUN) + r")\b(?:\s+[\w'’-]+){0,4}?\s+(?:(?:more than|over|about|"
                         r"nearly|some|at least)\s+)?$", re.I)
_HAPPENED = re.compile(r"\s+(?:(?:were|was|are|is|had been|have been|has been|will be)\s+)?[a-z]+ed\b")


def _count_measure(text: str, stat: _Stat, lo: int, hi: int, vocab: Vocabulary) -> str:
    phrase = stat.noun_phrase
    before = text[lo:stat.start]
    population = re.search(r"(\b[a-z]+ )?population of\s+(?:\S+\s+)?$", before)
    if population:
        return _clean(f"{population.group(1) or ''}population")
    after = text[stat.end:hi]
    words = phrase.split()
    if stat.unit == "times" and (done := _TIMES_DONE.search(text, max(lo, stat.start - 60), stat.start)):
        # "the leaders have met 12 times": what was counted is meetings
        return _TIMES_NOUN[done.group(1).lower()]
    if stat.unit in ("tourists", "visitors", "arrivals"):
        place = re.match(r"\s+(?:visited|to|in|traveled to|travelled to|came to)\s+([A-Z][\w.]+(?: [A-Z][\w.]+)*)",
                         after)
        base = " ".join(words)
        return _clean(f"{base} to {place.group(1)}" if place else base)
    if stat.unit == "people" and words and words[0] in _adjective_to_country(vocab) and len(words) == 2 \
            and not _HAPPENED.match(after):  # "five Tajik citizens had been killed" is no population
        return f"{words[0]} population"
    place = re.match(r"\s+(in|from)\s+([A-Z][\w.]+(?: [A-Z][\w.]+)*)", after)
    rest = after
    if place and place.group(2) in vocab.country_names:
        phrase = f"{phrase} {place.group(1)} {place.group(2)}"
        rest = after[place.end():]
    if done := _predicate(rest):
        # "Nearly 60 provinces have built ties with partner cities": what they did is what is counted
        return _clean(f"{phrase} that {done}")
    passive = re.match(r"[^.;]{0,60}?\b(?:are|were|will be|have been|had been)\s+"
                       r"((?:expected|set|due|scheduled|planned) to be\s+)?([a-z]+ed)\b", text[stat.end:])
    if passive:
        return _clean(f"{phrase} {passive.group(1) or ''}{passive.group(2)}")
    verb = re.search(r"\b([a-z]+ed)\s+(?:\S+\s+)?$", before)
    if verb and verb.group(1) not in ("based", "featured", "included", "reached", "totaled", "totalled",
                                      "exceeded", "surpassed", "topped", "numbered", "estimated"):
        phrase = f"{phrase} {verb.group(1)}"
    elif re.search(r"\bsigning of\s+(?:\S+\s+)?$", before):
        phrase = f"{phrase} signed"
    return _clean(phrase)


@dataclass
class _Context:
    """What earlier sentences of the document say, for anaphora ("the figure", "the end of the year")."""

    measure: str | None = None
    passage: int = -1
    year: str | None = None
    according_to: str | None = None
    interviewee: str | None = None
    last_speaker: str | None = None  # as of the sentences before ``unread``
    unread: list[str] = field(default_factory=list)  # sentences not yet read for the person speaking
    cited_words: set[str] = field(default_factory=set)
    values: dict[tuple[str, float], str] = field(default_factory=dict)
    doc: Document | None = None
    pair: tuple[str, ...] | None = None  # the two countries the document is about, sorted (read when needed)


_GENERIC = {"share", "growth", "decline", "bilateral", "total", "who", "people"}


def _words(measure: str | None, vocab: Vocabulary) -> set[str]:
    """Content words of a measure, for telling whether two figures measure the same thing."""
    words = set(re.findall(r"[a-z]{4,}", (measure or "").lower()))
    return {w[:6] for w in words if w not in _GENERIC and w not in _STOP and w not in vocab.place_words}


def _assign_measures(text: str, stats: list[_Stat], periods: list[PeriodMention], ctx: _Context,
                     vocab: Vocabulary) -> None:
    """What each figure of a sentence measures: first the figures of their own (amounts, counts, …),
    then the derived ones (growth, shares), which read the measure of the figures beside them."""
    context_bilateral = bool(ctx.measure and ctx.measure.endswith("bilateral trade"))
    for stat in stats:
        lo, hi = _clause(text, stat.start, stat.end)
        if _is_derived(text, stat, lo, hi):
            stat.derived = True
            continue
        measure = stat.preset or _own_measure(text, stat, stats, ctx, vocab, lo, hi, context_bilateral)
        if measure is None:
            measure = _named_around(text, stat, lo, vocab)
            stat.named_only = measure is not None
        if (measure is None or measure == stat.unit) and (stat.unit, float(stat.value)) in ctx.values:
            measure = ctx.values[(stat.unit, float(stat.value))]
        stat.measure = measure
    for stat in stats:
        if stat.derived:
            stat.measure = _derived_measure(text, stat, stats, periods, ctx, vocab, context_bilateral)


def _is_derived(text: str, stat: _Stat, lo: int, hi: int) -> bool:
    """A growth rate, multiplier or fraction: its measure is that of another figure."""
    growth = stat.unit == "fold" or (stat.unit in ("percent", "percentage points") and (
        _GROWTH.search(text[lo:hi]) or _DECLINE.search(text[lo:hi]))
        and not _LEVEL_AFTER_CHANGE.search(text[lo:stat.start]))  # "rose to 7.5 percent" is a level
    return bool(growth) or stat.rule == "fraction"


def _own_measure(text: str, stat: _Stat, stats: list[_Stat], ctx: _Context, vocab: Vocabulary,
                 lo: int, hi: int, context_bilateral: bool) -> str | None:
    """The measure of a figure that is not derived, by the kind of figure."""
    if stat.rule in ("money", "tonnage", "quantity"):
        return _amount_measure(text, stat, stats, ctx, vocab, lo, hi, context_bilateral)
    if stat.rule == "percent":
        earlier = [s for s in stats if s.end <= stat.start and s.measure and s.unit == stat.unit]
        if earlier and re.search(r"\b(?:up|down|rose|fell|rising|falling)\s+from\s+$", text[lo:stat.start]):
            return earlier[-1].measure  # "… to 7.5 percent, up from 6 percent": the same measure's earlier level
        share = _percent_of(text, stat, hi)
        if share and share.startswith("share of ") and (estimated := _put_at(text, lo, stat.start)):
            return f"{estimated} as a {share}"  # "put informal trade at 40 per cent of the recorded figure"
        return (share or _subject_measure(text, stat, lo, ctx, vocab, context_bilateral)
                or _cue_measure(text, lo, hi, stat.start, context_bilateral, vocab) or _share_of_sum(text, stat, stats))
    if stat.rule == "count":
        return _subject_measure(text, stat, lo, ctx, vocab, context_bilateral) or _count_measure(
            text, stat, lo, hi, vocab)
    if stat.rule == "duration":
        return _duration_measure(text, stat, stats, lo)
    if stat.rule == "distance":
        return _distance_measure(text, stat, lo) or _dimension_measure(text, stat, lo, vocab)
    return None


#: the dimension an adjective after a distance gives it: "the border is 4,096 km long"
_DIMENSION_AFTER = re.compile(r"\s+(long|wide|high|tall|deep)\b")
_DIMENSIONS = {"long": "length", "wide": "width", "high": "height", "tall": "height", "deep": "depth"}


def _dimension_measure(text: str, stat: _Stat, lo: int, vocab: Vocabulary) -> str | None:
    """ "The border itself is 4,096 km long" -> "length of the border": the subject's dimension the adjective names."""
    dim = _DIMENSION_AFTER.match(text, stat.end)
    if dim is None:
        return None
    start = stat.start
    if adverb := _ONLY_BEFORE.search(text, lo, start):
        start = adverb.start()  # "the line is only 4 kilometres long"
    np = _subject(text, lo, start, vocab)
    if np is None:
        return None
    np = _REFLEXIVE.sub("", np)  # "the border itself"
    return _clean(f"{_DIMENSIONS[dim.group(1)]} of {'the ' if np[:1].islower() else ''}{np}")


_ONLY_BEFORE = re.compile(r"\b(?:only|just|barely|still)\s+$")
_REFLEXIVE = re.compile(r"\s+(?:itself|themselves|alone)$")


#: "an installed capacity of 14,000 megawatts", "kept its policy rate at 10%": the noun a figure is of
_NOUN_OF_FIGURE = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir|[Hh]is|[Hh]er)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)"
                             r"\s+(?:of|at)\s+$")
#: the same without a determiner, opening the clause or after a preposition, and "of" only ("at interest rates
#: of 3.2%", "against forecast demand of 14 million TEU", "Annual output of 2 million tonnes"; not "keep rates at")
_BARE_NOUN_OF_FIGURE = re.compile(r"(?:^|\b(?:at|against|with|for|on|by|from|and)\s+)"
                                  r"((?:[A-Za-z][a-z-]*\s+)?[a-z][\w-]*)\s+of\s+$")
#: a sum set off by commas after the noun phrase it is the cost, value or amount of ("The first phase, costing
#: $640 million,", "The deal, worth $5 billion,", "The remaining equity, about $475 million,"), and the comma
#: (or a conversion in brackets and a comma) that closes it
_APPOSED_SUM = re.compile(r"(?:^|,\s+|\bof\s+)(?:[Tt]he|[Ii]ts|[Tt]heir|[Aa]n?)\s+(?P<np>(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*),\s+"
                          r"(?:(?P<verb>costing|worth|valued\s+at|priced\s+at)\s+)?(?:(?:about|around|some|roughly|"
                          r"nearly|almost|more\s+than|over|under|up\s+to)\s+)?$")
_SET_OFF_AFTER = re.compile(r"\s*(?:\([^()]*\)\s*)?,")
#: a range's lower bound right before its upper one ("between 2.0 million and ", "3.2% to ", "$1-")
_LOWER_BOUND_TAIL = re.compile(r"(?:\bbetween\s+)?[$€£¥]?\d[\d.,]*\s*(?:%|per\s*cent|percent)?\s*"
                               r"(?:thousand|million|billion|trillion)?\s*(?:to|and|-|–)\s*$")
#: nouns that say nothing of what a figure measures ("a total of", "a record of", "a rise of")
_EMPTY_NOUNS = frozenset(("total", "number", "sum", "figure", "amount", "level", "average", "high", "low", "record",
                          "peak", "value", "maximum", "minimum", "rise", "fall", "increase", "decrease", "drop",
                          "growth", "jump", "gain", "loss", "decline", "cut", "range", "estimate", "worth", "tune",
                          "subject", "part", "majority", "minority", "result", "member", "one", "lot", "bit"))
#: … and nouns that say it only with a word before them ("a rate of 5%"; "its policy rate at 10%")
_BARE_NOUNS = frozenset(("rate", "price", "cost", "age", "time", "period", "speed", "distance", "height", "length",
                         "share", "stake", "capacity", "budget", "population"))
#: "a 90% stake in EDL-T": what a share is held in
_STAKE_AFTER = re.compile(r"\s+(stake|share|interest|holding)\s+in\s+((?:the\s+)?[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,4})")
#: "the 1,035 km trip": a distance that is the length of the thing it stands before
_LONG_THING = re.compile(r"\s+(trip|journey|line|railway|rail line|road|highway|expressway|motorway|pipeline|"
                         r"bridge|border|frontier|route|tunnel|canal|section|corridor|coastline|river)\b")


#: "raise transmission fees by 6%", "cut fuel subsidies by 12%": a verb of change, its object, "by"
_ACTED_CHANGE = re.compile(
    r"\b(?P<verb>rais(?:e[sd]?|ing)|increas(?:e[sd]?|ing)|lift(?:s|ed|ing)?|boost(?:s|ed|ing)?|hik(?:e[sd]?|ing)|"
    r"cut(?:s|ting)?|reduc(?:e[sd]?|ing)|lower(?:s|ed|ing)?|slash(?:es|ed|ing)?|trim(?:s|med|ming)?)\s+"
    r"(?:its\s+|their\s+|the\s+|his\s+|her\s+)?(?P<np>(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*"
    # "raise Indonesia's annual quota for Australian live cattle by a quarter": an owner and a complement
    r"|(?:[A-Z][\w-]*['’]s\s+)?(?:[a-z][\w-]*\s+){0,3}?[a-z][\w-]*\s+for\s+(?:[\w-]+\s+){0,3}?[\w-]+)\s+by\s+"
    r"(?:about\s+|around\s+|some\s+|roughly\s+|nearly\s+|up\s+to\s+|a\s+further\s+)?$")
_CUT_VERB = re.compile(r"cut|reduc|lower|slash|trim")
#: an object that says nothing of what changes ("raise it by", "cut them by")
_NOT_A_MEASURE = re.compile(r"(?:it|them|this|that|these|those|prices?\s+and)$|.*\b(?:of|to|and|or)$")


def _acted_measure(acted: re.Match[str]) -> str:
    """ "transmission fees increase", "fuel subsidies cut"; "increase in Indonesia's annual quota for live cattle"
    when the thing changed has an owner or a complement."""
    np, change = acted.group("np"), "cut" if _CUT_VERB.match(acted.group("verb")) else "increase"
    return f"{change} in {np}" if " for " in np or "'s " in np or "’s " in np else f"{np} {change}"


#: the noun a percent stands before: "a 25% tariff on steel", "a 90% stake in the grid operator"
_PERCENT_NOUN = re.compile(r"\s+(?:[A-Z][\w.]*\s+)?(?:tariff|tax|duty|levy|surcharge|discount|premium|stake|share|interest|holding|"
                           r"commission|royalty|subsidy|fee|quota)\b(?:\s+(?:on|in|of)\s+(?:the\s+)?"
                           r"(?:[A-Z][\w&.-]*(?:\s+[A-Z][\w&.-]*){0,3}|[a-z][\w-]*(?:\s+[a-z][\w-]*){0,2}?)"
                           r"(?=\s*[,.;:)]|\s+(?:and|from|by|in|on|at|for|with|since|until|to|under|after)\b|$))?")
_DETERMINER_BEFORE = re.compile(r"\b(?:an?|the|its|their)\s+(?:\S+\s+)?$")
#: "the trip takes about 10 hours": what lasts
_TAKES = re.compile(r"\b(trip|journey|ride|flight|drive|crossing|voyage|transit|procedure|process|hearing|trial|"
                    r"meeting|talks|visit)\s+(?:now\s+|only\s+|usually\s+)?(?:takes|took|lasts|lasted|will\s+take)\s+"
                    r"(?:\S+\s+)?$")
#: "— length of the Lao section, Boten to Vientiane": what a factbox line's figure is, after a dash
_FACTBOX_MEASURE = re.compile(r"\s+[—–]\s+([a-z][^,;()]{2,80}?)(?=\s*(?:[,;(]|$))")


def _named_around(text: str, stat: _Stat, lo: int, vocab: Vocabulary) -> str | None:
    """The last resort of a figure's measure: the noun it is "of" or "at" ("an installed capacity of
    14,000 megawatts": installed capacity), what a percent is a stake in, what a distance is the length of;
    never a word that says nothing of what is measured ("a total of 26 vessels")."""
    if stat.unit == "percent" and (stake := _STAKE_AFTER.match(text, stat.end)):
        return f"{stake.group(1)} in {stake.group(2).rstrip('.')}"
    if stat.rule == "distance" and (thing := _LONG_THING.match(text, stat.end)):
        return f"length of the {thing.group(1)}"
    pre = text[lo:stat.start]
    if stat.unit == "percent" and (acted := _ACTED_CHANGE.search(pre)) and not _NOT_A_MEASURE.match(acted.group("np")):
        # "will raise transmission fees by 6%", "cut fuel subsidies by 12%": a change someone makes to a thing
        return _acted_measure(acted)
    if stat.unit == "percent" and (levy := _PERCENT_NOUN.match(text, stat.end)) and _DETERMINER_BEFORE.search(pre):
        return " ".join(levy.group(0).split())  # "a 25% tariff on steel", "a 90% stake in the operator"
    if stat.rule == "duration" and (lasted := _TAKES.search(pre)):
        return f"duration of the {lasted.group(1)}"  # "the 1,035 km trip takes about 10 hours"
    if (factbox := _FACTBOX_MEASURE.match(text, stat.end)) and not text[:stat.start].strip(" -•*\t"):
        return _clean(factbox.group(1))  # "422 km — length of the line, A to B": a factbox line
    if stat.rule == "money" and (apposed := _apposed_sum(text, stat)):
        return apposed
    pre = _LOWER_BOUND_TAIL.sub("", pre)  # "demand of 13 million to [14 million]": the noun before the range
    q = vocab.qualifiers.search(pre)
    if q and not pre[q.end():].strip():
        pre = pre[:q.start()]
    noun = _NOUN_OF_FIGURE.search(pre) or _BARE_NOUN_OF_FIGURE.search(pre)
    if noun is None:
        return None
    words = noun.group(1).split()
    if words[-1] in _EMPTY_NOUNS or words[-1] in _STOP or words[-1].endswith(("ed", "ing", "ly")) \
            or (len(words) == 1 and words[0] in _BARE_NOUNS) or any(w in _STOP for w in words):
        return None
    return noun.group(1)


def _apposed_sum(text: str, stat: _Stat) -> str | None:
    """What a sum set off by commas after a noun phrase measures: "The first phase, costing $640 million, will …"
    (cost of the first phase), "The deal, worth $5 billion, …" (value of the deal), "The remaining equity, about
    $475 million, …" (remaining equity); None when the sum is not so set off."""
    apposed = _APPOSED_SUM.search(text, 0, stat.start)
    if apposed is None or not _SET_OFF_AFTER.match(text, stat.end):
        return None
    np, verb = " ".join(apposed.group("np").split()), (apposed.group("verb") or "").lower()
    if verb.startswith("cost"):
        return f"cost of the {np}"
    return f"value of the {np}" if verb else np


def _share_of_sum(text: str, stat: _Stat, stats: list[_Stat]) -> str | None:
    """ "is expected to cost $1.5 billion, with the bank lending up to 40 per cent.": a percent ending its
    clause, after a sum of the sentence with a measure, is a share of that sum."""
    sums = [s for s in stats if s.end <= stat.start and s.rule == "money" and s.measure]
    if not sums or not re.match(r"\s*(?:[,.;)]|$)", text[stat.end:]):
        return None  # "a 30 percent tax rate", "40 percent of …": the words after it say what it is
    sign = re.search(r"\(\s*([+−–-])\s*$", text[:stat.start])
    if sign:  # "$14.8 billion (+6.2%)": the sum's change, not a share of it
        return f"{sums[-1].measure} {'growth' if sign.group(1) == '+' else 'decline'}"
    return f"share of {sums[-1].measure}"


def _amount_measure(text: str, stat: _Stat, stats: list[_Stat], ctx: _Context, vocab: Vocabulary,
                    lo: int, hi: int, context_bilateral: bool) -> str | None:
    """Money, tonnage, quantities: a value restated ("worth", "(…)"), the goods, the phrase around it,
    a cue before it, the paragraph's measure for "the figure", a cue after it or anywhere."""
    pre = text[lo:stat.start]
    if stat.rule == "money" and (rate := _exchange_rate(text, stat, lo)):
        return rate
    measure = None
    earlier = [s for s in stats if s.end <= stat.start and s.measure and s.rule in ("money", "tonnage", "quantity")]
    if earlier and (re.search(r"\b(?:valued at|worth|value of|equivalent to)\s+$", pre)
                    or re.search(r"\(\s*(?:\S+\s+)?$", text[:stat.start])):
        measure = earlier[-1].measure
    if measure is None and not re.match(r"\s+of\s", text[stat.end:]):
        measure = _subject_measure(text, stat, lo, ctx, vocab, context_bilateral)
    measure = measure or _commodity(text, stat, vocab) or _money_phrase(text, stat, lo, earlier)
    if measure is None and stat.rule in ("quantity", "tonnage"):
        measure = _quantity_of(text, stat, pre)
    if measure is None:
        measure = _cue_measure(text, lo, stat.start, stat.start, context_bilateral, vocab)
    if measure is None and _ANAPHOR.search(pre) and ctx.measure and stat.rule == "money":
        measure = ctx.measure  # "It was worth $5 billion": the last sum's measure ("It produced 79 million
        # megawatt-hours" after a tariff in dollars is no tariff)
    if measure is None:
        measure = (_cue_measure(text, stat.end, hi, stat.end, context_bilateral, vocab, "after")
                   or _cue_measure(text, 0, stat.start, stat.start, context_bilateral, vocab)
                   or _cue_measure(text, stat.end, len(text), stat.end, context_bilateral, vocab, "after"))
    if measure in ("trade", "bilateral trade") and (context_bilateral or measure == "bilateral trade"):
        measure = _bilateral(_pair(text, ctx, vocab))
    return measure


#: a wire's conversion line, "($1 = 154.20 yen)": the rate of one unit of a base currency
_RATE_BASE = re.compile(r"(?P<base>US\$|\$|€|£)\s?1\s*=\s*$")
_RATE_BASES = {"US$": "US dollar", "$": "US dollar", "€": "euro", "£": "pound"}


def _exchange_rate(text: str, stat: _Stat, lo: int) -> str | None:
    """ "($1 = 154.20 yen)" -> "exchange rate, yen per US dollar": the currency as written, per the base."""
    base = _RATE_BASE.search(text, lo, stat.start)
    if base is None:
        return None
    written = " ".join(re.sub(r"[\d.,]+", " ", text[stat.start:stat.end]).split())
    return f"exchange rate, {written} per {_RATE_BASES[base.group('base')]}" if written else None


def _duration_measure(text: str, stat: _Stat, stats: list[_Stat], lo: int) -> str | None:
    """ "the journey takes 40 minutes", "travel time from A to B": what lasts; else an earlier duration's."""
    measure = _subject_as(text, lo, stat.start) or _time_to(text, stat, lo)
    if measure is None:
        m = re.search(r"([\w-]+ (?:time|duration|journey|trip|ride|flight))\s+from\s+(?:.{0,40}\s+to\s+)?"
                      r"(?:\S+\s+)?$", text[lo:stat.start])
        inherited = [s for s in stats if s.end < stat.start and s.unit == stat.unit and s.measure]
        measure = m.group(1) if m else (inherited[-1].measure if inherited else None)
    return measure


#: "It takes six months to get a business permit": how long doing what takes
_IT_TAKES = re.compile(r"\b[Ii]t\s+(?:(?:usually|often|now|still|only)\s+)?(?:takes|took|will\s+take|would\s+take|"
                       r"can\s+take|could\s+take|may\s+take|has\s+taken|used\s+to\s+take)\s+(?:\S+\s+)?$")
_TO_DO = re.compile(r"\s+(?:for\s+[\w-]+\s+)?to\s+((?:[a-z][\w'-]*\s+){0,6}?[a-z][\w'-]*)"
                    r"(?=\s+(?:here|there|now|today|again|in\s+the\s+country)\b|\s*[,;.:)]|\s*$)")


def _time_to(text: str, stat: _Stat, lo: int) -> str | None:
    """ "It takes six months to get a business permit" -> "time to get a business permit"."""
    if not _IT_TAKES.search(text, lo, stat.start):
        return None
    m = _TO_DO.match(text, stat.end)
    return _clean(f"time to {m.group(1)}") if m else None


def _distance_measure(text: str, stat: _Stat, lo: int) -> str | None:
    """ "a 1,400-km railway" -> "railway length"; "stretches 40 km of coastline" -> "coastline stretched"."""
    pre = text[lo:stat.start]
    if text[stat.end - len(stat.unit) - 1:stat.end].startswith("-") or re.search(
            r"-\w+$", text[stat.num_start:stat.end]):
        noun = re.match(r"\s+(?:(?:long|wide|high|deep|tall)\s+)?([a-z]+)", text[stat.end:])  # "a 120-km long pipeline"
        return f"{noun.group(1)} length" if noun else None
    if of := re.match(r"\s+of\s+([a-z][\w-]*(?: [a-z][\w-]*)?)", text[stat.end:]):
        verb = re.search(r"\b([a-z]+)\s+(?:\S+\s+)?$", pre)
        return _clean(f"{of.group(1)} {_participle(verb.group(1))}" if verb and verb.group(1).endswith("s")
                      and verb.group(1) not in _STOP else f"length of {of.group(1)}")
    return _distance_of(text, stat)


def _derived_measure(text: str, stat: _Stat, stats: list[_Stat], periods: list[PeriodMention], ctx: _Context,
                     vocab: Vocabulary, context_bilateral: bool) -> str | None:
    """A growth rate ("exports rose 12%": "exports growth"), a comparison ("prices are 20% higher than in
    X": "prices vs X") or a fraction ("a third of its imports": "imports as a share of …")."""
    lo, hi = _clause(text, stat.start, stat.end)
    if stat.words and _ONE_IN.fullmatch(stat.words) and (counted := _COUNTED_AFTER.match(text, stat.end)):
        return f"share of {counted.group(1)}"  # "three in four freight trains heading north": of those trains
    than = re.search(r"((?:[\w-]+\s){0,2}?[a-z]+s(?:\s+in\s+[A-Z][\w-]*)?)\s+(?:remain|are|is|were|was|stay)\s+"
                     r"(?:\S+\s+){0,2}$", text[lo:stat.start])
    other = re.match(r"\s+(?:higher|lower|more|less|cheaper|costlier)\s+than\s+(?:in\s+)?([A-Z][\w-]*(?: [A-Z][\w-]*)*)",
                     text[stat.end:])
    if than and other and stat.rule != "fraction":
        return _clean(f"{than.group(1)} vs {other.group(1)}")
    acted = _ACTED_CHANGE.search(text[lo:stat.start])
    if acted and not _NOT_A_MEASURE.match(acted.group("np")):
        # "to raise Indonesia's annual quota for live cattle by a quarter": the change made to what the verb names
        return _acted_measure(acted)
    base = _derived_base(text, stat, stats, ctx, vocab, lo, context_bilateral)
    if stat.rule == "fraction" and _SUBJECT_SHARE.fullmatch(text, lo, stat.start) \
            and (verb := _SHARE_VERB.search(text, stat.end, hi)) and verb.group("finite") \
            and not _SHARE_BACK.match(text, stat.end):
        base = None  # "…, and about four-fifths of the border is fenced": the share is its clause's subject
    if stat.rule == "fraction" and not _by_fraction(text, stat, lo):
        share = _share_of(text, stat, hi, periods)
        if share:
            return f"{base} as a share of {share}" if base else f"share of {share}"
        return base
    direction = "decline" if _DECLINE.search(text[lo:hi]) else "growth"
    return f"{base} {direction}" if base else None


_SUBJECT_SHARE = re.compile(r"[\s,;]*(?:(?:and|but|while)\s+)?(?:(?:about|roughly|some|nearly|almost|around|only|"
                            r"just|more than|less than|over|under)\s+)*", re.I)


def _by_fraction(text: str, stat: _Stat, lo: int) -> bool:
    """ "fallen by a third": a fraction that is a change, not a share."""
    return stat.rule == "fraction" and bool(re.search(r"\bby\s+(?:\S+\s+){0,2}$", text[lo:stat.start]))


def _derived_base(text: str, stat: _Stat, stats: list[_Stat], ctx: _Context, vocab: Vocabulary, lo: int,
                  context_bilateral: bool) -> str | None:
    """What a derived figure is a rate or share of: the subject that rose or fell, else the nearest
    measured figure, else a cue anywhere in the sentence, else the paragraph's measure for "it"."""
    others = [s for s in stats if s is not stat and s.measure and s.rule in ("money", "tonnage", "quantity", "count")]
    base = None
    low = min((s.start for s in stats if s.bound_of is stat), default=stat.start)  # "by 12 to 15 per cent"
    subject = _subject_measure(text, stat, lo, ctx, vocab, context_bilateral, change=True, start=low) if (
        stat.rule != "fraction" or _by_fraction(text, stat, lo)) else None
    if subject:
        base = subject
    elif others:
        base = min(others, key=lambda s: abs(s.start - stat.start)).measure
    # the last sum's measure, when the sentence has no other figure the change could be of ("It produced 79
    # million megawatt-hours, down 4%": a fall in the output, not in the tariff told before)
    alone = not any(s is not stat and s.bound_of is not stat and s.rule in ("money", "tonnage", "quantity", "count")
                    for s in stats)
    base = base or _cue_measure(text, 0, len(text), stat.start, context_bilateral, vocab) or (
        ctx.measure if alone and _ANAPHOR.search(text[:stat.start]) else None)
    if base in ("trade", "bilateral trade") and (context_bilateral or base == "bilateral trade"):
        base = _bilateral(_pair(text, ctx, vocab))
    return base


# --- the subject whose level a figure is --------------------------------------------

# "exports reached $5 billion", "turnout was 68 percent", "output fell 20 percent to 1.8 million tonnes",
# "imports fell from $3 billion to …": a verb that makes the figure the level of the noun phrase before it.
_CHANGE_VERBS = (r"rose|fell|grew|increased|decreased|declined|climbed|jumped|dropped|surged|slipped|plunged|"
                 r"soared|slumped|dipped|edged\s+(?:up|down)|rises|falls|grows|increases|decreases|declines|climbs|"
                 r"risen|fallen|grown|shrunk|shrank")
_LEVEL_VERB = re.compile(
    r"\s+(?:(?:has|have|had)\s+)?(?:(?:was|were|is|are)\s+(?:estimated|put|forecast|projected|expected)\s+"
    r"(?:at|to\s+(?:reach|be|total|hit))|reached|reaches|totall?ed|totals|amounted\s+to|amounts\s+to|stood\s+at|"
    r"stands\s+at|came\s+(?:to|in\s+at)|hit|hits|averaged|averages|"
    r"(?:was|were|is|are|has\s+been|have\s+been)\s+(?:worth|valued\s+at)|was|were|is|are|"
    r"(?:can|could|will|would|may|might|should|is\s+expected\s+to|are\s+expected\s+to)\s+(?:now\s+|soon\s+)?"
    r"(?:reach|total|hit|top|exceed|surpass|average|be)|"
    r"(?:(?:will|would|could|may|might|should|is\s+to|are\s+to)\s+be|(?:is|are|was|were|has\s+been|have\s+been))\s+"
    r"(?:raised|increased|lifted|cut|lowered|reduced|capped|set|fixed)\s+(?:to|at)|"
    r"to\s+(?:rise|fall|grow|increase|decrease|decline|climb|drop|reach|total|hit|top|exceed|average)(?:\s+to)?|"
    r"(?:" + _CHANGE_VERBS + r")(?:\s+(?!to\b)[^\s,;]+){0,4}?\s+to|(?:" + _CHANGE_VERBS + r")\s+from)\s+$", re.I)
#: "the bridge is estimated to cost 31 trillion dong", "the upgrade will cost $400 million": the cost of the subject
_COST_VERB = re.compile(r"\s+(?:(?:is|are|was|were)\s+(?:estimated|expected|projected|forecast|likely|set)\s+to\s+|"
                        r"(?:will|would|could|may|might|should|is\s+to|are\s+to)\s+|(?:has|have|had)\s+)?"
                        r"(?:cost|costs|(?P<price>sells\s+for|sell\s+for|sold\s+for|retails\s+(?:at|for)|fetch(?:es|ed)?|"
                        r"(?:traded|trades|trading|sold|sells|selling|priced)\s+at))\s+"
                        # (the upper bound of "traded at 48 to 55 yuan" has its lower bound before it)
                        r"(?:an\s+estimated\s+)?(?:between\s+)?(?:\d[\d,.]*\s+(?:to|and)\s+)?$", re.I)
_CHANGE_VERB = re.compile(r"\s+(?:overall\s+)?(?:(?:has|have|had)\s+)?(?:" + _CHANGE_VERBS
                          # "is expected to grow by a quarter", "will fall 5 percent"
                          + r"|(?:to|will|would|could|may|might|should)\s+(?:rise|fall|grow|increase|decrease|"
                          r"decline|drop|climb|shrink))\s+(?:by\s+|a\s+further\s+)?$", re.I)  # "rose 12%"
_LEVEL_AFTER_CHANGE = re.compile(r"\b(?:(?:" + _CHANGE_VERBS + r")\b(?:(?!\bby\s+\d)[^,;]){0,40}?\b(?:to|from)|(?:up|down)\s+from)"
                                 r"\s+(?:(?:about|around|nearly|almost|some|roughly|just|only|over|under|"
                                 r"more than|less than|a record)\s+)?$", re.I)
_VERB_QUALIFIER = re.compile(r"(?:exceed|surpass|top|pass)(?:ed|es|s|ing)?|topping|tops", re.I)
# what precedes the subject: a report ("data showed that …"), a conjunction, a leading time phrase
_SUBJECT_CUT = re.compile(r"^.*\b(?:said|says|showed|shows|show|reported|reports|noted|estimates|announced|found|"
                          r"expects?|expected|want|wants|wanted|forecasts?|predicts?|predicted|"
                          r"revealed|indicated|indicates|that|when|as|after|while|whereas|where|because|if)\s+", re.I)
_LEADING_TIME = re.compile(r"^(?:in|during|by|for|over|through|throughout|since)\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?"
                           r"(?:\d{4}|years?|quarters?|months?|half|season)(?:\s+of\s+(?:the\s+year|\d{4}))?\s+", re.I)
_TIME_PHRASE = re.compile(r"\s+(?:in|during|for|over|through|throughout|since|by)\s+(?:the\s+)?(?:[\w-]+\s+){0,4}?"
                          r"(?:\d{4}(?:[-–/]\d{2,4})?|year|quarter|month|season|half)\b(?:\s+of\s+\d{4})?"
                          r"|\s+(?:last|this|next)\s+(?:year|month|quarter|season)\b", re.I)
_DETERMINER = re.compile(r"^(?:the|a|an|its|their|this|that|these|those|such|our|his|her)\s+", re.I)
_PRONOUNS = {"it", "this", "that", "they", "these", "those", "which", "who", "there", "he", "she", "we", "what",
             "all", "each", "both", "one", "some", "most", "many", "none", "figures", "data"}
# words that say how a flow is counted, not what flows: "the value of wheat imports" = wheat imports
_ABSORBED = {"value", "volume", "total", "overall", "amount", "level", "figure", "sum", "combined"}


_COMMA_END = re.compile(r",\s*$")
_ANY_DETERMINER = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+")


def _antecedent(text: str, lo: int) -> str | None:
    """The noun phrase a relative clause opening at ``lo`` (after a comma) is about: the clause before the
    comma from its last determiner ("India financed the new port terminal, which …" -> "the new port terminal")."""
    comma = _COMMA_END.search(text, max(0, lo - 3), lo)
    if comma is None:
        return None
    before_lo, _ = _clause(text, comma.start(), comma.start())
    determiners = list(_ANY_DETERMINER.finditer(text, before_lo, comma.start()))
    phrase = text[determiners[-1].start() if determiners else before_lo:comma.start()]
    return _CHANGE_OF.sub("", phrase)  # "welcomed the growth of bilateral trade, which reached …": the trade


_CHANGE_OF = re.compile(r"^(?:the\s+)?(?:growth|increase|rise|expansion|decline|fall|drop)\s+(?:in|of)\s+", re.I)


def _subject(text: str, lo: int, start: int, vocab: Vocabulary, change: bool = False) -> str | None:
    """The noun phrase whose level (or, with ``change``, whose change) the figure at ``start`` is:
    "Exports of coffee from Kenya to Ethiopia reached $5.2 billion" -> "Exports of coffee from Kenya to
    Ethiopia"; None when no such verb joins them or the subject is a pronoun."""
    pre = text[lo:start]
    verb: re.Match[str] | None
    q = vocab.qualifiers.search(pre)
    if change:
        verb = _CHANGE_VERB.search(pre[:q.start()] if q else pre)
    else:
        if q and _VERB_QUALIFIER.fullmatch(q.group("q")):  # "trade exceeded $9 billion": the verb is the qualifier
            verb = re.search(r"\s*(?:(?:has|have|had)\s+)?$", pre[:q.start()])
        else:
            verb = _LEVEL_VERB.search(pre[:q.start()] if q else pre)
    cost = None
    if not verb and not change:
        verb = cost = _COST_VERB.search(pre[:q.start()] if q else pre)
    if not verb:
        return None
    head = pre[:verb.start()]
    if head.strip() == "which" and (antecedent := _antecedent(text, lo)):
        head = antecedent  # "the rail link, which cost …": what the relative clause is about
    head = _SUBJECT_CUT.sub("", head)
    head = _TIME_PHRASE.sub("", _LEADING_TIME.sub("", head.strip()))
    head = re.sub(r"\s+(?:there|here)$", "", _DETERMINER.sub("", head).strip())  # "production there"
    head = re.sub(r"\s+(?:is|are|was|were)\s+(?:expected|forecast|projected|set|likely|due)$", "", head)  # "… is expected to grow"
    words = head.split()
    if not words or len(words) > 12 or words[0].lower() in _PRONOUNS or not re.search(r"[A-Za-z]", head):
        return None
    if words[-1].lower() in _STOP or (len(words) == 1 and words[0].lower() in _ABSORBED):
        return None  # "the figure hit …" refers back: the paragraph's measure, not "figure"
    if not any(w.lower() not in _STOP and (w[0].islower() or w.isupper() or (i == 0 and w[1:].islower()
                                          and w.lower() not in vocab.place_words)) for i, w in enumerate(words)):
        return None  # a bare name ("Kenya was …") says whose figure, not what it measures
    if cost:  # "the bridge will cost …": its cost; "a jerrycan of oil sells for …": its price
        return f"{'price' if cost.group('price') else 'cost'} of {head}"
    return head


def _named_by_of(text: str, lo: int, start: int, vocab: Vocabulary) -> str | None:
    """ "with two-way goods trade of $9 billion": the noun phrase right before "of", when it names a measure
    the vocabulary knows (a bare "a deficit of" or "a total of" says too little)."""
    m = re.search(r"((?:[\w’'-]+\s+){1,6}?)of\s+$", text[lo:start])
    if not m:
        return None
    words = m.group(1).split()
    kept: list[str] = []
    for word in reversed(words):
        if word.lower() in _STOP or word.lower() in _PRONOUNS or re.fullmatch(r"[a-z]+(?:ed|ing)", word):
            break
        kept.insert(0, word)
    np = " ".join(kept)
    return np if np and any(cue.search(np) for cue in vocab.cues) else None


def _as_written(phrase: str, at_start: bool, vocab: Vocabulary) -> str:
    """A phrase cut from a sentence as a measure: its first word in lower case unless a name."""
    words = phrase.split()
    first = words[0]
    if at_start and first[:1].isupper() and first[1:].islower() and re.sub(
            r"['’]s$", "", first).lower() not in vocab.place_words and (
            len(words) == 1 or not words[1][:1].isupper()):
        phrase = first.lower() + phrase[len(first):]
    return _clean(phrase)


def _parties(text: str, vocab: Vocabulary) -> list[str]:
    """Every mention of a country in ``text``, by its usual name; a nationality adjective only before a
    common noun ("Lao officials", not the place "Lao Cai" nor the title "Ghanaian President")."""
    by_adj = _adjective_to_country(vocab)
    return [by_adj.get(adj, name) for off, name, adj, _pos in _countries(text, vocab)
            if text.startswith(name, off) or re.match(r"\S*\s+[a-z]", text[off + len(adj):])]


_THE_TWO = re.compile(r"\bbetween the (?:two )?(?:countries|nations|neighbou?rs|sides)\b|\b(?:the two|both) countries\b", re.I)


def _pair(text: str, ctx: _Context, vocab: Vocabulary) -> str | None:
    """The two parties of bilateral trade, "Ethiopia-Kenya" (sorted): those the text names, else the
    document's pair when the text names at most one of them."""
    names = list(dict.fromkeys(_parties(text, vocab)))
    if _THE_TWO.search(text):  # "trade between the countries …, small beside either's trade with Brazil": the
        # two the article is about, when it has them, not those the sentence happens to name
        if ctx.pair is None:
            ctx.pair = _document_pair(ctx.doc, vocab) if ctx.doc else ()
        if ctx.pair:
            return "-".join(ctx.pair)
    if len(names) == 2:
        return "-".join(sorted(names))
    if len(names) < 2 and ctx.pair is None:
        ctx.pair = _document_pair(ctx.doc, vocab) if ctx.doc else ()
    if len(names) < 2 and ctx.pair and set(names) <= set(ctx.pair):
        return "-".join(ctx.pair)
    return None


def _document_pair(doc: Document, vocab: Vocabulary) -> tuple[str, ...]:
    """The two countries the document is mostly about, sorted, or (): the rule of agreements'
    doc_country_pair (two named, or the second named over twice as often as the third), counted on this
    vocabulary's countries and nationality adjectives."""
    counts: dict[str, int] = {}
    for sentence in doc.sentences:
        for name in _parties(sentence.text, vocab):
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) >= 2 and (len(ranked) == 2 or ranked[1][1] > 2 * ranked[2][1]):
        return tuple(sorted([ranked[0][0], ranked[1][0]]))
    return ()


def _bilateral(pair: str | None) -> str:
    return f"{pair} bilateral trade" if pair else "bilateral trade"


def _content(phrase: str, vocab: Vocabulary) -> set[str]:
    words = re.findall(r"[A-Za-z][\w-]*", vocab.country_mention.sub(" ", phrase.replace("’", "'")))
    return {w.lower() for w in words if w.lower() not in _STOP and w.lower() not in vocab.place_words
            and w.lower() not in _ABSORBED and len(w) > 2}


def _goods(np: str, cue: re.Match[str], vocab: Vocabulary) -> str:
    """What flows, said before the cue ("coffee exports", "the value of wheat imports") or after it by "of"
    ("exports of coffee"): the words next to the cue, up to a stop word, a place or a measuring word."""
    def run(words: list[str], first: int) -> list[str]:
        kept = []
        for i, word in enumerate(words):
            w = word.lower()
            if (w in _STOP or w in vocab.place_words or w in _ABSORBED or not re.fullmatch(r"[a-z][\w-]*", w)
                    or (word[:1].isupper() and i != first and not word.isupper())):
                break  # a name ("Kenya's", "Port Louis") says whose or where, not what
            kept.append(w if i == first and word[1:].islower() else word)
        return [w for w in kept if w.lower() not in vocab.commodity_adjectives]
    lead = np[:cue.start()].split()
    before = list(reversed(run(list(reversed(lead)), len(lead) - 1)))
    after = re.match(r"\s+of\s+(.*)", np[cue.end():])
    return " ".join(before + (run(after.group(1).split(), -1) if after else []))


_PAIR_PHRASE = re.compile(r"\s*\bbetween\s+(?:the\s+)?[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*\s+and\s+(?:the\s+)?[A-Z][\w.]*"
                          r"(?:\s+[A-Z][\w.]*)*|\s*\bbetween\s+(?:the\s+)?(?:two|both)(?:\s+(?:countries|nations|sides|economies|neighbours|"
                          r"neighbors))?\b|\s*\b(?:of\s+)?(?:the\s+two|both)\s+(?:countries|nations|sides|economies)\b")


def _np_measure(np: str, np_start: int, text: str, ctx: _Context, vocab: Vocabulary,
                context_bilateral: bool) -> str:
    """A subject noun phrase as a measure: the vocabulary's wording of its cue (parties and goods filled
    from the phrase) when that wording keeps every content word of the phrase, else the phrase itself."""
    best: tuple[int, int, dict[str, Any], re.Match[str]] | None = None
    for entry, pattern in zip(vocab.measures, vocab.cues, strict=True):
        m = pattern.search(np)
        if m and (best is None or (m.start(), -m.end()) < (best[0], best[1])):
            best = (m.start(), -m.end(), entry, m)
    verbatim = _as_written(np, not text[:np_start].strip(), vocab)
    if best is None:
        return verbatim
    _, _, entry, cue = best
    if "bilateral" in entry:
        if not (vocab.bilateral.search(text) or len({c[1] for c in _countries(text, vocab)}) >= 2
                or context_bilateral):
            measure = str(entry["measure"])
        elif _content(_PAIR_PHRASE.sub("", np), vocab) <= _content(cue.group(0), vocab) | {"bilateral", "two-way"}:
            return _bilateral(_pair(text, ctx, vocab))
        else:
            pair = _pair(text, ctx, vocab)
            own = _clean(_PAIR_PHRASE.sub("", verbatim))  # "non-oil trade between the two countries"
            return f"{pair} {own}" if pair and not _countries(own, vocab) else verbatim
    else:
        in_text = vocab.cues[vocab.measures.index(entry)].search(text, np_start + cue.start())
        measure = _fill(entry, text, in_text, vocab, np_start + len(np)) if in_text else _fill(entry, np, cue, vocab)
    goods = _goods(np, cue, vocab)
    head = re.search(r"\b(?:" + "|".join(re.escape(w) for w in cue.group(0).lower().split()) + r")\b", measure,
                     re.I)
    if goods and head:
        measure = _clean(f"{measure[:head.start()]}{goods} {measure[head.start():]}")
    kept = _content(measure, vocab) | _content(cue.group(0), vocab)
    places = {(name, adj) for _off, name, adj, _pos in _countries(np, vocab)}
    named = all(re.search(rf"\b(?:{re.escape(name)}|{re.escape(adj)})\b", measure) for name, adj in places)
    return measure if named and _content(np, vocab) <= kept else verbatim


def _subject_measure(text: str, stat: _Stat, lo: int, ctx: _Context, vocab: Vocabulary,
                     context_bilateral: bool, change: bool = False, start: int | None = None) -> str | None:
    """The measure a figure has as the level (or change) of the clause's subject, or None (``start``: where
    the figure's words begin, when a range's lower bound is written before it)."""
    start = stat.start if start is None else start
    np = _subject(text, lo, start, vocab, change) or (None if change else (
        _named_by_of(text, lo, start, vocab) or _put_at(text, lo, start)))
    if np is None:
        return None
    measure = _np_measure(np, max(text.find(np, lo), 0), text, ctx, vocab, context_bilateral)
    if measure and not change and _WORTH.search(text, lo, start):
        return f"value of {measure}"  # "The port deal was worth $450 million": the value of what the subject names
    return measure


_WORTH = re.compile(r"\b(?:was|were|is|are|has\s+been|have\s+been)\s+(?:worth|valued\s+at)\s+(?:\S+\s+)?$", re.I)
#: "has put the total cost of the project at …", "estimated the damage at …": what someone's estimate is of
_PUT_AT = re.compile(r"\b(?:put|puts|putting|estimated|estimates|estimating|valued|values|pegged|pegs|placed|places)\s+"
                     r"(?:the\s+|its\s+|their\s+)?(?P<np>[a-z][\w'’-]*(?:\s+[\w'’-]+){0,7}?)\s+at\s+"
                     r"(?:(?:between|about|around|some|roughly|nearly|almost|more\s+than|less\s+than|over|under)\s+)?"
                     r"(?:[\d.,]+\s*(?:and|to|-|–)\s*)?$")  # (the upper bound of "at between 30 and 40 per cent")


def _put_at(text: str, lo: int, start: int) -> str | None:
    """ "The ministry has put the total cost of the embankment at 420 billion tugrik" -> "total cost of the
    embankment"; "the government put the damage at F$260 million" -> "damage"."""
    m = _PUT_AT.search(text, lo, start)
    return m.group("np") if m and m.group("np").lower() not in _PRONOUNS else None  # not "put it at …"


# --- periods and attribution --------------------------------------------------


def _assign_periods(text: str, stats: list[_Stat], periods: list[PeriodMention]) -> None:
    """Each figure's period: the nearest time phrase of its clause (or, for most kinds of figure, near
    it); a multiplier over a baseline ("12-fold since 2000") spans baseline..year."""
    usable = [p for p in periods if p.role in ("period", "anaphor")]
    bases = [p for p in periods if p.role == "base"]
    for stat in stats:
        pool = _period_pool(text, stat, usable)
        if not pool or re.search(r"\b(?:up|down)\s+from\s+$", text[:stat.start]):
            continue  # "up from €12 million": the earlier level, not the period named
        nearest = min(pool, key=lambda p: min(abs(p.start - stat.end), abs(stat.start - p.end)))
        stat.period = nearest.period
        if stat.unit == "fold" and bases and nearest.period and single_year(nearest.period):
            base_year = bases[0].period
            year = single_year(nearest.period)
            if base_year and year and base_year < year:
                stat.period = f"{base_year}..{year}"
    # a multiplier with only a baseline ("12-fold compared to 2000") spans baseline..the sentence year
    for stat in stats:
        if stat.unit == "fold" and stat.period and stat.period == (bases[0].period if bases else None):
            stat.period = None
    _assign_earlier(text, stats, [p for p in periods if p.role == "earlier"], {p.period for p in usable if p.period})


#: "from the same period last year", "than a year ago": what a change is measured against, not a figure's time
_COMPARED = re.compile(r"(?:from|than|over|against|compared)\b", re.I)


def _assign_earlier(text: str, stats: list[_Stat], earlier: list[PeriodMention], spans: set[str]) -> None:
    """A figure followed by "a year earlier" ("from RM13bn a year earlier", "S$9.8mn in the same period a year
    ago") is of the span it or its sentence (``spans``: the one the sentence names) is about, a year before;
    with no span, the year that phrase names."""
    only = next(iter(spans)) if len(spans) == 1 else None
    for stat in stats:
        phrase = next((p for p in earlier if p.start >= stat.end and text[stat.end:p.start].strip(" ,") in ("", "in")),
                      None)
        if phrase is None or _COMPARED.match(text, phrase.start):
            continue
        stat.period = year_before(stat.period or only) or phrase.period


def _period_pool(text: str, stat: _Stat, usable: list[PeriodMention]) -> list[PeriodMention]:
    """The time phrases a figure may take its period from: those of its clause; else, but for a duration,
    distance or count, one opening the sentence or within 60 characters; for a count, only an opening
    one ("In 2024, over 2.4 million ...")."""
    lo, hi = _clause(text, stat.start, stat.end)
    pool = [p for p in usable if lo <= p.start and p.end <= hi]
    if pool:
        return pool
    if stat.rule not in ("duration", "distance", "count"):
        return [p for p in usable if not text[:p.start].strip() or abs(p.start - stat.end) <= 60
                or abs(stat.start - p.end) <= 60]
    if stat.rule == "count":
        return [p for p in usable if not text[:p.start].strip()]
    return []


def _assign_sources(text: str, stats: list[_Stat], cited: FigureSources) -> bool:
    """Give each number the attribution that follows it (before the next number), else the one before it."""
    sources = cited.sources(text)
    if not sources:
        return False
    for i, stat in enumerate(stats):
        nxt = stats[i + 1].start if i + 1 < len(stats) else len(text)
        after = [s for s in sources if stat.end <= s[0] < nxt]
        before = [s for s in sources if s[1] <= stat.start
                  and not re.search(r"\b(?:while|whereas|but|although|though)\b", text[s[1]:stat.start])]
        if after:
            stat.according_to = after[0][2]
        elif before:
            stat.according_to = before[-1][2]
        else:
            # "KSh 14.6 billion (about $113 million) …, according to X": the next attribution in the sentence
            later = [s for s in sources if s[0] >= stat.end]
            stat.according_to = later[0][2] if later else None
    return True


def _resolve_currency(key: str, sentence: str, doc_text: str, vocab: Vocabulary) -> str:
    """"pesos", "Sh", "rupees": the code of the country the sentence names, else the one the article names most."""
    entry = vocab.ambiguous.get(key, {})
    countries: dict[str, str] = entry.get("countries", {})
    if not countries:
        return str(entry.get("word", key))
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(c) for c in sorted(countries, key=len, reverse=True)) + r")\b")
    in_sentence = {countries[m.group(0)] for m in pattern.finditer(sentence)}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    tally: dict[str, int] = {}
    for m in pattern.finditer(doc_text):
        tally[countries[m.group(0)]] = tally.get(countries[m.group(0)], 0) + 1
    if not tally:
        return str(entry.get("word", key))
    ranked = sorted(tally.items(), key=lambda kv: -kv[1])
    if len(ranked) > 1 and ranked[0][1] == ranked[1][1]:
        return str(entry.get("word", key))  # a tie: unknown stays the word, never a guessed code
    return ranked[0][0]


# --- output --------------------------------------------------------------------


def display(stat: _Stat, vocab: Vocabulary) -> str:
    """The value as a person reads it: "$190 billion", "418,300 tons", "62.4%"."""
    number = stat.words.lower() if stat.words else _fmt(stat.value)
    scaled = f"{number} {stat.scale}" if stat.scale else number
    if stat.rule == "money":
        symbol = vocab.currency_display.get(stat.unit)
        if symbol:  # "$2 billion" for "two billion dollars": a symbol is written before digits
            return f"{symbol}{_fmt(stat.value)} {stat.scale}" if stat.scale else f"{symbol}{_fmt(stat.value)}"
        name = vocab.currency_names.get(stat.unit) or (stat.unit if stat.unit.islower() else None)
        return f"{scaled} {name}" if name else f"{stat.unit} {scaled}"
    if stat.rule == "fraction":
        return number
    if stat.unit == "percent":
        return f"{scaled} percent" if stat.words else f"{scaled}%"  # "forty percent", not "forty%"
    if stat.unit == "fold":
        return f"{number}-fold"
    if stat.per:  # "twice a week", "28 times a week", "35 flights a week"
        if stat.unit == "times":
            return f"{number} a {stat.per}" if number in _ONCE_WORDS else f"{scaled} times a {stat.per}"
        return f"{_fmt(stat.value)} {stat.unit} a {stat.per}"
    return f"{scaled} {stat.unit}"


def _label(stat: _Stat, shown: str) -> str:
    name = stat.measure[:1].upper() + stat.measure[1:] if stat.measure else "Figure"
    when = f" ({stat.period})" if stat.period else ""
    qualifier = f"{stat.qualifier} " if stat.qualifier else ""
    return f"{name}{when}: {qualifier}{shown}"


_SAME_SCOPE = re.compile(r"\b(?:in the world|worldwide|around the world|across the world|in the globe)\b")


_SPACES = re.compile(r"\s+")
_LEADING_THE = re.compile(r"^the\s+")


@lru_cache(maxsize=4096)  # asked for every figure's keys, here and in the merge: few distinct measures
def _measure_name(measure: str) -> str:
    """A measure as compared: lower case, straight apostrophes, no article; "in the world" = "globally"."""
    name = _SPACES.sub(" ", measure.replace("’", "'")).strip().lower()
    return _LEADING_THE.sub("", _SAME_SCOPE.sub("globally", name))


def _number_key(value: Any) -> str:
    return format(float(value), ".12g")


def fact_key(fields: dict[str, Any]) -> str | None:
    """What a figure is, whoever reports it: measure | period | unit | normalised value (no qualifier).

    None when the measure is unknown: a figure measuring nothing known stays its source's own.
    """
    measure, normalized = fields.get("measure"), fields.get("normalized")
    if not measure or normalized is None:
        return None
    return f"{_measure_name(measure)}|{fields.get('period') or '-'}|{fields.get('unit')}|{_number_key(normalized)}"


def measure_key(fields: dict[str, Any]) -> str | None:
    """Measure | period | unit, when all are known: figures sharing it and differing in value disagree."""
    measure, period = fields.get("measure"), fields.get("period")
    if not measure or not period or fields.get("normalized") is None:
        return None
    return f"{_measure_name(measure)}|{period}|{fields.get('unit')}"


def extract_statistics(doc: Document, lexicon: Lexicon | None = None) -> list[Finding]:
    """Every figure of the document's sentences with its unit, measure, period and source, and ranks.
    A sentence reads what earlier ones said (``_Context``): the year, the source cited, the speaker."""
    vocab = vocabulary(lexicon)
    analysed = AnalysedDocument.of(doc, lexicon)
    cited = FigureSources(doc.text, vocab.source_nouns, lexicon, analysed.people)
    findings: list[Finding] = []
    ctx = _Context(doc=doc)
    for index, sentence in enumerate(doc.sentences):
        text = sentence.text
        if sentence.passage != ctx.passage:
            ctx.according_to = ctx.interviewee = None
        ctx.interviewee = cited.interviewee(text) or ctx.interviewee
        periods = find_periods(text, doc.source.published, ctx.year)
        stats = _find_numbers(text, [(p.start, p.end) for p in periods], vocab)
        sentence_year = next((single_year(p.period) for p in periods if p.role == "period" and p.period), None)
        if stats:
            stated = _stated_by(analysed.statements.said.get(index), vocab)
            _read_stats(sentence, stats, periods, ctx, cited, vocab, stated)
            findings.extend(_finding(doc, sentence, stat, vocab) for stat in stats)
            _remember(stats, ctx, vocab)
        else:
            ctx.according_to = None
        ctx.passage = sentence.passage
        ctx.year = sentence_year or ctx.year
        ctx.unread.append(text)
    findings.extend(_rank_findings(doc))
    return findings


#: "told reporters that …, a deal reported to be worth $450 million": the figure is what others report
_HEARSAY = re.compile(r"\b(?:reported|said|believed|thought|rumou?red|understood)\s+to\s+(?:be|have|cost|total)\b",
                      re.I)


def _stated_by(said: Attribution | None, vocab: Vocabulary) -> str | None:
    """Who states a sentence's figures, by the statement the quote reader found there: a person by name,
    a body of data as written ("the statistics office said"), or one that "it said" points back to; None for
    a verb that presents a plan or a talking point ("announced", "stressed": the parties' own figures) and
    for other speakers."""
    if said is None or (said.how != "according" and said.verb.lower() not in vocab.figure_verbs):
        return None
    if said.speaker.person:
        return said.speaker.person
    if said.speaker.how in ("name", "nominal", "pronoun") and vocab.source_nouns.search(said.speaker.name):
        return re.sub(r"^[Tt]he\s+", "", said.speaker.name)
    return None


def _read_stats(sentence: Sentence, stats: list[_Stat], periods: list[PeriodMention], ctx: _Context,
                cited: FigureSources, vocab: Vocabulary, stated: str | None = None) -> None:
    """Complete a sentence's figures: currency, measure, period and who gives them (``stated``: who the
    quote reader found stating the sentence, when its own patterns name no one)."""
    text = sentence.text
    for stat in stats:
        if stat.unit.startswith("?"):
            stat.unit = _resolve_currency(stat.unit[1:], text, ctx.doc.text if ctx.doc else text, vocab)
    _assign_measures(text, stats, periods, ctx, vocab)
    _assign_periods(text, stats, periods)
    for stat in stats:
        if stat.bound_of is not None:  # "between 12 and 15 per cent of …": both bounds of one figure
            stat.measure, stat.period, stat.derived = stat.bound_of.measure, stat.bound_of.period, stat.bound_of.derived
    _share_range_measures(text, stats)
    if not _assign_sources(_text_for_sources(sentence, ctx), stats, cited) and ctx.according_to \
            and sentence.passage == ctx.passage:
        for stat in stats:
            if not stat.derived and _words(stat.measure, vocab) & ctx.cited_words:
                stat.according_to = ctx.according_to  # the paragraph keeps citing the same data
    speaker = cited.speaker(text, _last_speaker(ctx, cited) if _PRONOUN.search(text) else None)
    for stat in stats:
        own = (speaker or stated) if not _HEARSAY.search(text, max(0, stat.start - 60), stat.start) else None
        stat.according_to = stat.according_to or own or ctx.interviewee
        if stat.rule == "duration":
            stat.according_to = None  # "for two decades" is narrative, not the cited data


#: what a sentence needs to say its figures are the last-named speaker's ("she said"): FigureSources.speaker
#: reads that person only for a "he" or "she" (in any case: "HE said" is a name to its pattern)
_PRONOUN = re.compile(r"\b(?:s?he)\b", re.I)


def _last_speaker(ctx: _Context, cited: FigureSources) -> str | None:
    """The person the sentences before this one last name as speaking: the sentences not read for it yet
    are read now, the latest first, up to one that names someone (few sentences need it, so most are
    never read)."""
    for text in reversed(ctx.unread):
        if named := cited.named(text):
            ctx.last_speaker = named
            break
    ctx.unread.clear()
    return ctx.last_speaker


def _text_for_sources(sentence: Sentence, ctx: _Context) -> str:
    """The sentence, read on to the clause's end when the splitter cut "according to the U.S. Census
    Bureau" at "U."."""
    if ctx.doc is None or not _cut_at_initial(sentence.text):
        return sentence.text
    return sentence.text + re.split(r"[,;:()]|\.\s", ctx.doc.text[sentence.end:sentence.end + 120])[0]


def _finding(doc: Document, sentence: Sentence, stat: _Stat, vocab: Vocabulary) -> Finding:
    """A figure as a statistic finding, citing its sentence; the same figure (repeated in one article
    or reported by several) has one key, so it is one statistic."""
    shown = display(stat, vocab)
    start = sentence.start + stat.start
    normalized: int | float = stat.value * SCALES[stat.scale] if stat.scale else stat.value
    if isinstance(normalized, float) and normalized.is_integer() and stat.scale:
        normalized = int(normalized)
    fields = {
        "value": stat.value, "scale": stat.scale, "unit": stat.unit, "normalized": normalized,
        "measure": stat.measure, "period": stat.period, "qualifier": stat.qualifier,
        "according_to": stat.according_to, "display": shown,
        "as_written": doc.text[start:sentence.start + stat.end],
    }
    confidence = stat.confidence - (0.2 if stat.measure is None else 0.0)
    key = fact_key(fields) or f"{doc.source.id}:{start}"
    return Finding("statistic", key, _label(stat, shown), fields, [(sentence.start, sentence.end)], stat.rule,
                   round(confidence, 2))


def _remember(stats: list[_Stat], ctx: _Context, vocab: Vocabulary) -> None:
    """What the next sentences may refer back to: the measures of these values, the last money measure,
    the source cited and the words of what it was cited for."""
    for stat in stats:
        if stat.measure:
            ctx.values[(stat.unit, float(stat.value))] = stat.measure
    measured = [s for s in stats if s.measure and s.rule == "money" and not s.named_only]
    if measured:
        ctx.measure = measured[-1].measure
    ctx.according_to = next((s.according_to for s in reversed(stats) if s.according_to), None)
    ctx.cited_words = set().union(*(_words(s.measure, vocab) for s in stats if s.according_to))


_CUT_SOURCE = re.compile(r"\b(?:according to|by|from)\s+(?:the\s+)?(?:[A-Z]\.)+$")


def _cut_at_initial(text: str) -> bool:
    """A sentence ending in "according to the U." (the splitter took an initial for a full stop); the
    pattern is searched only in sentences ending in a capital and a full stop, as it needs."""
    end = text.rstrip()
    return end[-1:] == "." and "A" <= end[-2:-1] <= "Z" and _CUT_SOURCE.search(end) is not None


def _rank_findings(doc: Document) -> list[Finding]:
    """Ranks ("sixth-largest investor") as statistics with unit "rank"; the period only when stated."""
    findings = []
    for sentence in doc.sentences:
        for start, end, position, measure in find_ranks(sentence):
            periods = [p.period for p in find_periods(sentence.text, doc.source.published)
                       if p.role == "period" and p.period]
            period = periods[0] if len(periods) == 1 else None
            shown = ordinal(position)
            fields = {
                "value": position, "scale": None, "unit": "rank", "normalized": position,
                "measure": measure, "period": period, "qualifier": None, "according_to": None,
                "display": shown, "as_written": sentence.text[start:end],
            }
            when = f" ({period})" if period else ""
            findings.append(Finding("statistic", fact_key(fields) or f"{doc.source.id}:{sentence.start + start}",
                                    f"{measure[:1].upper()}{measure[1:]}{when}: {shown}", fields,
                                    [(sentence.start, sentence.end)], "rank", 0.8))
    return findings


class StatisticExtractor:
    """Figures with their unit, measure, period and source, and ranks ("sixth-largest")."""

    name = "statistics"
    reads = ("sentences", "periods", "number words", "according to")
    produces = "statistic"

    def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]:
        return extract_statistics(doc, lexicon)
