"""Time periods named in a sentence, resolved to "YYYY", "YYYY-MM" or "A..B".

Relative phrases ("last year", "the first three months of this year", "over
the last 15 years") are resolved against the publication date; when that is
unknown they resolve to None: a wrong year is worse than no year.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bilateral.core.folding import case_key
from bilateral.ingest.lexicon import MONTHS, PART_ORDINALS
from bilateral.ingest.numbers import UNDER_HUNDRED, cardinal
from bilateral.ingest.prefilter import Needs, ascii_lower

_MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                "November", "December")
_MONTH = r"(?:" + "|".join(_MONTH_NAMES) + ")"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_COUNT = r"(?:\d{1,2}|" + UNDER_HUNDRED + ")"  # "the last 15 years", "the past twenty-five years"
_ORDINAL_QUARTER = PART_ORDINALS  # (the pattern takes no "final"/"last")
_CHANGE = re.compile(r"\b(ro[sw]e|grown|grew|increased?|fell|dropp?ed|declined?|up|down|surged?|jumped|doubled|tripled)\b", re.I)
_YEAR_REF = rf"(?P<ref>this year|last year|{_YEAR}|the year)"


@dataclass(frozen=True, slots=True)
class PeriodMention:
    """A time phrase at [start, end) of the sentence text.

    ``role`` is "period" (when the figure applies), "date" (a day: an event,
    not a period), "base" (a comparison
    baseline: "compared to the figure in 2000"), "earlier" (a year before what the
    sentence is about: "a year earlier", "from the same period last year"; its
    period is the publication's last year where it says "last year", else None)
    or "anaphor" ("the end of the year": the year of the previous sentence).
    """

    start: int
    end: int
    period: str | None
    role: str = "period"


def parse_published(published: str | None) -> tuple[int | None, int | None]:
    """Year and month of a "YYYY[-MM[-DD]]" date (either may be None)."""
    if not published:
        return None, None
    parts = published.split("-")
    try:
        year = int(parts[0])
        month = int(parts[1]) if len(parts) > 1 else None
    except ValueError:
        return None, None
    return year, month


def _number(word: str) -> int:
    return int(word) if word.isdigit() else cardinal(word) or 0


def _month(word: str) -> int:
    return MONTHS[case_key(word).rstrip(".")]


def _span(a: str, b: str) -> str:
    return a if a == b else f"{a}..{b}"


class _Resolver:
    def __init__(self, published: str | None, previous_year: str | None) -> None:
        self.year, self.month = parse_published(published)
        self.previous_year = previous_year

    def year_of(self, ref: str | None) -> int | None:
        """A year from a literal year or a reference relative to publication."""
        if ref is None:
            return self.year
        ref = case_key(ref)
        if ref.isdigit():
            return int(ref)
        if ref == "the year":
            return int(self.previous_year) if self.previous_year else None
        if self.year is None:
            return None
        return self.year - 1 if ref == "last year" else self.year


def _months_range(year: int | None, first: int, last: int) -> str | None:
    if year is None:
        return None
    return _span(f"{year}-{first:02d}", f"{year}-{last:02d}")


# What each pattern below means: a match to (period, role), resolved against the publication date.
def _months_of(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    n = min(_number(m["n"]), 12)
    year = r.year_of(m["ref"])
    if m["ref"] and case_key(m["ref"]) == "the year" and r.year is not None:
        # "the first ten months of the year": the latest such span ended by publication, as "the third quarter"
        # is, not a year the sentence before gave as background ("… since they signed a protocol in 2022")
        year = r.year - 1 if r.month is not None and n > r.month else r.year
    return _months_range(year, 1, n), "period"


def _quarter_of(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    q = _ORDINAL_QUARTER[case_key(m["q"])]
    return _months_range(r.year_of(m["ref"]), 3 * q - 2, 3 * q), "period"


def _half_of(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    first = 1 if case_key(m["h"]) == "first" else 7
    return _months_range(r.year_of(m["ref"]), first, first + 5), "period"


def _quarters_of(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    n = _number(m["n"])
    return _months_range(r.year_of(m["ref"]), 1, min(3 * n, 12)), "period"


def _month_range_no_year(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    # "from January to September": the year the text is about, else the latest such span before publication
    last = _month(m["m2"])
    if r.previous_year:
        year: int | None = int(r.previous_year)
    elif r.year is not None and r.month is not None and last > r.month:
        year = r.year - 1
    else:
        year = r.year
    return _months_range(year, _month(m["m1"]), last), "period"


def _latest_year(r: _Resolver, first_month: int) -> int | None:
    """The year of a span of months named without one ("the third quarter", "the first half"): that of the
    latest such span begun by publication. Not the year an earlier sentence named: a report's "third
    quarter" is its latest, and the year before it is as often background ("in force since 2022")."""
    if r.year is not None and r.month is not None and first_month > r.month:
        return r.year - 1
    return r.year


def _stated_year(groups: dict[str, str | None]) -> int | None:
    """The year of "Q1 2025" or "4Q26", when given."""
    if groups.get("y"):
        return int(groups["y"] or 0)
    short = groups.get("yy") or groups.get("yy2")
    return 2000 + int(short) if short else None


def _quarter_no_year(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    # "in the third quarter", "third-quarter revenue", "Q3", "4Q26", "Q1 2025"
    groups = m.groupdict()
    number, word = groups.get("qn") or groups.get("qn2"), groups.get("q") or groups.get("qa")
    q = int(number) if number else _ORDINAL_QUARTER[case_key(word or "")]
    return _months_range(_stated_year(groups) or _latest_year(r, 3 * q - 2), 3 * q - 2, 3 * q), "period"


def _half_no_year(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    # "in the first half", "first-half profit", "H1 2025", "1H26"
    groups = m.groupdict()
    first = 1 if case_key(groups.get("hn") or groups.get("hn2") or groups.get("h") or groups.get("ha") or "") in (
        "1", "first") else 7
    return _months_range(_stated_year(groups) or _latest_year(r, first), first, first + 5), "period"


def _year_earlier(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    # "from the same period last year", "a year earlier": the comparison, a year before what the sentence
    # is about (the figure just before it takes that, statistics._assign_periods)
    year = r.year_of("last year") if m["last"] else None
    return (str(year) if year is not None else None), "earlier"


def _fiscal_any(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    # "fiscal 2024", "FY2025": the year the fiscal year is named after (its months differ by country)
    return _fiscal_year(m["y"] or m["y2"])

def _fiscal_year(y: str) -> tuple[str | None, str]:
    return (y if len(y) == 4 else f"20{y}"), "period"


def _named(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return m["y"], "name"  # "the 1944 Water Treaty": a year inside a name, not a period


def _month_range(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return _months_range(int(m["y"]), _month(m["m1"]), _month(m["m2"])), "period"


def _year_range(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return _span(m["a"], m["b"]), "period"


def _short_range(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return f"{m['a']}..{m['a'][:2]}{m['b']}", "period"


def _full_date(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    # a day is an event date (a dateline, a signing), not the period a figure covers
    return f"{int(m['y'])}-{_month(m['m']):02d}-{int(m['d']):02d}", "date"


def _last_n(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    if r.year is None:
        return None, "period"
    n = _number(m["n"]) * (10 if m["unit"].lower().startswith("decade") else 1)
    return f"{r.year - n}..{r.year}", "period"


def _since(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    if r.year is None or int(m["y"]) > r.year:
        return None, "period"
    return _span(m["y"], str(r.year)), "period"


def _base(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return m["y"], "base"


def _month_year(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return f"{int(m['y'])}-{_month(m['m']):02d}", "period"


def _relative_year(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    year = r.year_of(m["ref"])
    return (str(year) if year is not None else None), "period"


def _relative_month(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    if r.year is None or r.month is None:
        return None, "period"
    year, month = r.year, r.month
    if case_key(m["which"]) == "last":
        year, month = (year - 1, 12) if month == 1 else (year, month - 1)
    return f"{year}-{month:02d}", "period"


def _anaphor(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return r.previous_year, "anaphor"


def _year(r: _Resolver, m: re.Match[str]) -> tuple[str | None, str]:
    return m["y"], "period"


_FLAGS = re.I

# What a pattern cannot match without (necessary parts of it): a sentence lacking one skips the pattern,
# a substring test (prefilter.Needs) instead of a full scan.
_Y = Needs(regex=_YEAR, any_case=False)
_MONTH_KEY = Needs(_MONTH_NAMES)
_MONTH_WORD = Needs(("month",))
_YEAR_WORD = Needs(("year",))
_QUARTER = Needs(("quarter",))
_HALF = Needs(("half",))
_FISCAL = Needs(("fiscal", "FY"))
_LAST = Needs(("last", "past"))
_SINCE = Needs(("since",))
_BASE_CUE = Needs(("compared", "than", "from"))
_RANGE_MARK = Needs(("-", "–", "/"))
_THE = Needs(("the ",), any_case=False)
_Q = Needs(("Q",), any_case=False)
_H = Needs(("H1", "H2", "1H", "2H"), any_case=False)

#: Each pattern maps a match to (period, role) by its handler; earlier patterns win overlaps.
_PATTERNS: list[tuple[re.Pattern[str], Callable[[_Resolver, re.Match[str]], tuple[str | None, str]],
                      tuple[Needs, ...]]] = [
    (re.compile(rf"\b(?:compared (?:to|with)|than|from) (?:(?:the|that) (?:figure|level|levels|total) )?(?:in |of )?(?P<y>{_YEAR})(?: levels?)?\b(?! ?(?:to|and|through|until|-|–) ?\d)", _FLAGS), _base, (_Y, _BASE_CUE)),
    (re.compile(r"\b(?:(?:from|than|over|against|compared (?:to|with)) )?(?:(?:the )?same (?:period|quarter|month|months|time) "
                r"(?:(?P<last>last year|of (?:last|the previous) year)|a year (?:earlier|ago|before))"
                r"|a year (?:earlier|ago|before)|the year-(?:ago|earlier) (?:period|quarter|month))\b", _FLAGS),
     _year_earlier, (_YEAR_WORD,)),
    (re.compile(rf"\b(?:in |during |for )?the first (?P<n>{_COUNT}) months (?:of )?{_YEAR_REF}", _FLAGS), _months_of, (_MONTH_WORD,)),
    (re.compile(rf"\b(?:in |during )?the (?P<q>first|second|third|fourth|1st|2nd|3rd|4th) quarter (?:of )?{_YEAR_REF}", _FLAGS), _quarter_of, (_QUARTER,)),
    (re.compile(rf"\b(?:in |during )?the (?P<h>first|second) half (?:of )?{_YEAR_REF}", _FLAGS), _half_of, (_HALF,)),
    (re.compile(rf"\b(?:in |during )?the first (?P<n>two|three|2|3) quarters (?:of )?{_YEAR_REF}", _FLAGS), _quarters_of, (_QUARTER,)),
    (re.compile(r"\b(?:(?:in |during |for )?the (?P<q>first|second|third|fourth|final|1st|2nd|3rd|4th) quarter"
                r"|(?P<qa>first|second|third|fourth)-quarter)\b(?! of\b)", _FLAGS), _quarter_no_year, (_QUARTER,)),
    (re.compile(r"\b(?:Q(?P<qn>[1-4])(?:(?: of)? (?P<y>(?:19|20)\d\d)|'(?P<yy>\d\d))?|(?P<qn2>[1-4])Q(?P<yy2>\d\d))\b"),
     _quarter_no_year, (_Q,)),
    (re.compile(r"\b(?:(?:in |during |for )?the (?P<h>first|second) half|(?P<ha>first|second)-half)\b(?! of\b)", _FLAGS),
     _half_no_year, (_HALF,)),
    (re.compile(r"\b(?:H(?P<hn>[12])(?:(?: of)? (?P<y>(?:19|20)\d\d)|'(?P<yy>\d\d))|(?P<hn2>[12])H(?P<yy2>\d\d))\b"),
     _half_no_year, (_H,)),
    (re.compile(rf"\b(?:in )?(?:the )?(?:FY ?|fiscal (?:year )?)(?P<a>{_YEAR})[-–/](?P<b>\d\d)\b", _FLAGS), _short_range, (_Y, _FISCAL, _RANGE_MARK)),
    (re.compile(rf"\b(?:in |for |during )?(?:the )?(?:fiscal (?:year )?(?P<y>{_YEAR})|FY ?(?P<y2>{_YEAR}|\d\d))\b",
                _FLAGS), _fiscal_any, (_FISCAL,)),
    (re.compile(rf"\b(?P<m>{_MONTH}) (?P<d>\d{{1,2}}),? (?P<y>{_YEAR})\b", _FLAGS), _full_date, (_Y, _MONTH_KEY)),
    (re.compile(rf"\b(?:from |between )?(?P<m1>{_MONTH}) (?:to|and|through|until|-|–) (?P<m2>{_MONTH}),? (?P<y>{_YEAR})\b", _FLAGS), _month_range, (_Y, _MONTH_KEY)),
    (re.compile(rf"\b(?P<m1>{_MONTH})[-–](?P<m2>{_MONTH}),? (?P<y>{_YEAR})\b", _FLAGS), _month_range, (_Y, _MONTH_KEY, _RANGE_MARK)),
    (re.compile(rf"\b(?:from |between |in )?(?P<a>{_YEAR}) ?(?:to|and|through|until|-|–) ?(?P<b>{_YEAR})\b", _FLAGS), _year_range, (_Y,)),
    (re.compile(rf"\b(?:in )?(?:the )?(?P<a>{_YEAR})[-–/](?P<b>\d\d)\b(?: (?:financial|fiscal) year)?", _FLAGS), _short_range, (_Y, _RANGE_MARK)),
    (re.compile(rf"\b(?:over|in|during|for) the (?:last|past) (?P<n>{_COUNT}) (?P<unit>years|decades)\b", _FLAGS), _last_n, (_LAST,)),
    (re.compile(rf"\bsince (?P<y>{_YEAR})\b", _FLAGS), _since, (_Y, _SINCE)),
    (re.compile(rf"\b(?:in |by |until |through |as of |since |(?:by )?(?:the )?end of )?(?P<m>{_MONTH}),? (?P<y>{_YEAR})\b", _FLAGS), _month_year, (_Y, _MONTH_KEY)),
    (re.compile(rf"\b(?:from |between )?(?P<m1>{_MONTH}) (?:to|through|until|and|-|–) (?P<m2>{_MONTH})\b(?!,? \d)", _FLAGS),
     _month_range_no_year, (_MONTH_KEY,)),
    (re.compile(rf"\b(?P<m1>{_MONTH})[-–](?P<m2>{_MONTH})\b(?!,? \d)", _FLAGS), _month_range_no_year,
     (_MONTH_KEY, _RANGE_MARK)),
    (re.compile(rf"\bthe (?P<y>{_YEAR})(?= (?:[A-Z][a-z]+ )*(?:Treaty|Agreement|Accord|Accords|Act|Pact|Protocol|"
                rf"Convention|Declaration|Charter|Games|Olympics|World Cup|Summit|Plan|Framework)\b)"), _named, (_Y, _THE)),
    (re.compile(r"\b(?:(?:earlier|later|so far) )?(?P<ref>this year|last year|next year)\b", _FLAGS), _relative_year, (_YEAR_WORD,)),
    (re.compile(r"\b(?P<which>this|last) month\b", _FLAGS), _relative_month, (_MONTH_WORD,)),
    (re.compile(r"\b(?:by |at )?the end of the year\b|\b(?:that|the same) year\b", _FLAGS), _anaphor, (_YEAR_WORD,)),
    (re.compile(rf"(?<![\d$.,])\b(?:in |by |during |of |as of )?(?:the )?(?:end of )?(?P<y>{_YEAR})\b(?! ?(?:%|percent|[-–]\s?\d))(?: alone)?", _FLAGS), _year, (_Y,)),
]

#: Every test the patterns need, each once per sentence; a pattern's needs as a bit mask of this list.
_KEYS: list[Needs] = list(dict.fromkeys(need for _p, _h, needs in _PATTERNS for need in needs))
_MASKS: list[int] = [sum(1 << _KEYS.index(need) for need in set(needs)) for _p, _h, needs in _PATTERNS]
_KEY_BITS: list[tuple[int, Needs]] = [(1 << i, need) for i, need in enumerate(_KEYS)]


def _present(text: str) -> int:
    """The bit mask of the tests ``text`` passes."""
    lower = ascii_lower(text)
    present = 0
    for bit, need in _KEY_BITS:  # a plain loop: a generator costs more than the tests, once per sentence
        if need.met(text, lower):
            present |= bit
    return present


#: The patterns whose needs a combination of tests meets, in order, by the bit mask of the tests passed.
_MET: dict[int, list[tuple[re.Pattern[str], Callable[[_Resolver, re.Match[str]], tuple[str | None, str]]]]] = {}


def _patterns_met(present: int) -> list[tuple[re.Pattern[str], Callable[[_Resolver, re.Match[str]],
                                                                          tuple[str | None, str]]]]:
    """The patterns to scan a sentence passing the tests ``present`` with: made once for each combination
    (at most 2 ** len(_KEYS), a few dozen occur), not a mask test of every pattern for every sentence
    (most sentences meet none, or only the bare year's)."""
    met = _MET.get(present)
    if met is None:
        met = _MET[present] = [(pattern, handler) for (pattern, handler, _needs), mask
                               in zip(_PATTERNS, _MASKS, strict=True) if present & mask == mask]
    return met


def find_periods(text: str, published: str | None = None,
                 previous_year: str | None = None) -> list[PeriodMention]:
    """Every time phrase in ``text``, left to right, without overlaps.

    ``previous_year`` resolves "the end of the year"/"that year" (the year the
    previous sentence was about).
    """
    resolver = _Resolver(published, previous_year)
    found: list[PeriodMention] = []
    taken: list[tuple[int, int]] = []
    for pattern, handler in _patterns_met(_present(text)):
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            period, role = handler(resolver, m)
            if role == "base" and m.group(0).lower().startswith("from") and not _CHANGE.search(
                    text[max(0, m.start() - 40):m.start()]):
                continue  # "from 2015" is a baseline only after a change verb
            taken.append((m.start(), m.end()))
            found.append(PeriodMention(m.start(), m.end(), period, role))
    found.sort(key=lambda p: p.start)
    return found


def year_before(period: str | None) -> str | None:
    """The same span a year earlier ("2026-07..2026-09" -> "2025-07..2025-09")."""
    if not period:
        return None
    return "..".join(f"{int(end[:4]) - 1:04d}{end[4:]}" for end in period.split(".."))


def single_year(period: str | None) -> str | None:
    """The year a period lies in, when it lies in one year ("2024-01..2024-03" -> "2024")."""
    if not period:
        return None
    ends = period.split("..")
    years = {e[:4] for e in ends}
    return years.pop() if len(years) == 1 else None
