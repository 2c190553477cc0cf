"""Date mentions in news prose, resolved to "YYYY[-MM[-DD]]" without guessing.

A date missing its year ("April 14 to 15") takes the year given by the
caller (an explicit year in the same paragraph, or the publication year);
a relative date ("on Monday", "last year") is resolved only against a
publication date precise enough for it. What cannot be known stays out.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from bilateral.core.folding import case_key
from bilateral.ingest.lexicon import MONTHS, PART_ORDINALS, WEEKDAYS
from bilateral.ingest.prefilter import Needs, ascii_lower

_WEEKDAYS = WEEKDAYS

# Full month names always; abbreviations only with a trailing dot or a day number
# ("May" alone is too often a verb; "Mar" a surname).
_MONTH = (
    r"(?P<{n}>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.?)"
)
_DAY = r"(?P<{n}>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<{n}>(?:1[6-9]|20)\d\d)(?![\d%])"
_DASH = r"\s*(?:-|–|—|to|until|till|through|and)\s*"


def _g(template: str, name: str) -> str:
    return template.format(n=name)


# Most specific first; each match consumes its text so shorter patterns don't re-read it.
_ORDINALS = PART_ORDINALS
_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    # "the first quarter of 2026", "the second half of the year", "Q3 2025", "H1 of next year":
    # a part of a year, resolved to its first month with the last month as end date
    ("part", re.compile(
        r"\b(?:(?:the\s+)?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th)[\s-]+(?P<part>quarter|half)"
        r"|(?P<q>Q[1-4]|H[12]))"
        r"(?:\s+of)?,?\s+(?:(?P<y1>(?:1[6-9]|20)\d\d)(?![\d%])|(?P<rel>this|next|last|the|the current|the coming)"
        r"\s+(?:calendar\s+)?year)\b", re.I)),
    # "from April 14 to 15(, 2025)", "December 12-13, 2023", "April 30 to May 2"
    ("range", re.compile(
        r"(?:\bfrom\s+|\bbetween\s+)?\b" + _g(_MONTH, "m1") + r"\s+" + _g(_DAY, "d1")
        + r"(?:,?\s*" + _g(_YEAR, "y1") + r")?" + _DASH
        + r"(?:" + _g(_MONTH, "m2") + r"\s+)?" + _g(_DAY, "d2")
        + r"(?:,?\s*" + _g(_YEAR, "y2") + r")?\b")),
    # "from 16 to 18 November 2026", "16-18 November", "16 November to 18 November 2026": day first
    ("range", re.compile(
        r"(?:\bfrom\s+|\bbetween\s+)?\b" + _g(_DAY, "d1") + r"(?:\s+" + _g(_MONTH, "m1") + r")?" + _DASH
        + _g(_DAY, "d2") + r"\s+" + _g(_MONTH, "m2") + r"(?:,?\s*" + _g(_YEAR, "y2") + r")?\b")),
    # "April 14, 2025", "April 14"
    ("mdy", re.compile(
        r"\b" + _g(_MONTH, "m1") + r"\s+" + _g(_DAY, "d1") + r"(?:,?\s*" + _g(_YEAR, "y1") + r")?\b")),
    # "14 April 2025", "14 April"
    ("dmy", re.compile(
        r"\b" + _g(_DAY, "d1") + r"\s+" + _g(_MONTH, "m1") + r"(?:,?\s*" + _g(_YEAR, "y1") + r")?\b")),
    # "October 2022", "in October of 2022"
    ("my", re.compile(r"\b" + _g(_MONTH, "m1") + r"(?:\s+of)?,?\s+" + _g(_YEAR, "y1") + r"\b")),
    # "in November last year", "March of next year", "last November", "next March": a month of a relative year
    ("relmonthname", re.compile(
        r"\b(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)"
        r"(?:\s+of)?,?\s+(?P<rel>this|last|next|previous) year\b"
        r"|\b(?P<rel2>[Ll]ast|[Nn]ext|[Tt]his|[Cc]oming)\s+"
        r"(?P<m2>January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s*\d)")),
    # "today", "tomorrow", "yesterday", "tonight": days told from the publication's
    ("relday", re.compile(r"\b(?:(?P<part>[Tt]his|[Yy]esterday|[Tt]omorrow)\s+(?:morning|afternoon|evening)\b"
                          r"|(?P<day>[Tt]oday|[Tt]omorrow|[Yy]esterday|[Tt]onight)\b(?!['’]s))")),
    # "in June", "by September": a month alone takes the context year
    ("month", re.compile(
        # (capitalised too, opening a sentence: "In November about 2,000 troops …")
        r"\b(?:(?:[Ii]n|[Bb]y|[Ff]rom|[Ss]ince|[Uu]ntil|[Tt]ill|[Tt]hrough|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id)\s+|[Mm]id-)"
        r"(?P<m1>January|February|March|April|May|June|July|August|September|October|November|December)\b"
        r"(?!\s*\d)")),
    # relative years
    ("relyear", re.compile(r"\b(?P<rel>(?:earlier |later )?this|last|next|previous|past) year\b", re.I)),
    # "next month", "last week": the month they fall in (a week is told to the month: its day is not known)
    ("relmonth", re.compile(r"\b(?P<rel>(?:earlier |later )?this|last|next|previous) (?P<unit>month|week)\b", re.I)),
    # "on Monday", "last Friday", and American news's bare "signed an agreement Tuesday" (see _bare_weekday)
    ("weekday", re.compile(
        r"\b(?:(?P<pre>[Oo]n|[Ll]ast|[Tt]his|[Nn]ext)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
    # a bare year not inside an amount ("$2000", "2,000") or a longer number
    ("year", re.compile(r"(?<![\d$€£¥,.])" + _g(_YEAR, "y1") + r"(?![\d,]\d)")),
]

# What each pattern cannot match without, tested with the pattern's own case rule (prefilter.Needs: a
# substring test of the lower-cased text where that is exact, which a case-insensitive regex search of
# every offset is not as fast as): every month name and abbreviation starts with its three letters,
# every weekday ends in "day"; "Q3", "H1" in any case are the six of "q1"…"h2".
_MONTH_START = Needs(regex=r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec", any_case=False)
_NEEDS: dict[str, Needs] = {
    "part": Needs(("quarter", "half", "q1", "q2", "q3", "q4", "h1", "h2")),
    "range": _MONTH_START, "mdy": _MONTH_START, "dmy": _MONTH_START, "my": _MONTH_START, "month": _MONTH_START,
    "relyear": Needs(("year",)),
    "relmonthname": _MONTH_START,
    "relday": Needs(("today", "tomorrow", "yesterday", "tonight", "this morning", "this afternoon", "this evening")),
    "relmonth": Needs(("month", "week")),
    "weekday": Needs(("day",), any_case=False),
    "year": Needs(regex=r"(?:1[6-9]|20)\d\d", any_case=False),
}


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date found in a text: offsets into that text, the resolved date and how it was resolved.

    A quarter or half of a year ("the first quarter of 2026") is its first month with its
    last month as ``end_date`` ("2026-01".."2026-03"): the contract's date has no quarters.

    ``basis`` is "explicit" (everything written), "context year" (day and
    month written, year borrowed from the caller) or "relative" (resolved
    against the publication date).
    """

    start: int
    end: int
    text: str
    date: str
    end_date: str | None
    basis: str
    kind: str = ""  # the pattern: "part" for a quarter or half of a year


    @property
    def year(self) -> int:
        return int(self.date[:4])


def _month(token: str | None) -> int | None:
    if not token:
        return None
    return MONTHS.get(case_key(token.rstrip(".")))


def _fmt(year: int, month: int | None = None, day: int | None = None) -> str | None:
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def _parse_published(published: str | None) -> tuple[int | None, dt.date | None]:
    if not published:
        return None, None
    year = int(published[:4])
    if len(published) == 10:
        return year, dt.date.fromisoformat(published)
    return year, None


_Resolved = tuple[str | None, str | None, str]  # (date, end_date, basis); date None when it cannot be known
_UNKNOWN: _Resolved = (None, None, "")


def _resolve(kind: str, m: re.Match[str], year_hint: int | None,
             pub_year: int | None, pub_date: dt.date | None) -> _Resolved:
    """(date, end_date, basis) for one match; date None when it cannot be known."""
    gd = m.groupdict()
    if kind in ("range", "mdy", "dmy"):
        return _resolve_day(kind, gd, year_hint)
    if kind == "part":
        return _resolve_part(gd, pub_year)
    if kind == "my":
        return _fmt(int(gd["y1"]), _month(gd["m1"])), None, "explicit"
    if kind == "month":
        if year_hint is None:
            return _UNKNOWN
        return _fmt(year_hint, _month(gd["m1"])), None, "context year"
    if kind == "year":
        return _fmt(int(gd["y1"])), None, "explicit"
    if kind == "relyear":
        if pub_year is None:
            return _UNKNOWN
        rel = case_key(gd["rel"]).split()[-1]
        offset = {"this": 0, "last": -1, "previous": -1, "past": -1, "next": 1}[rel]
        return _fmt(pub_year + offset), None, "relative"
    if kind == "relmonth":
        return _resolve_relative_month(gd, pub_date)
    if kind == "relmonthname":
        return _resolve_month_of_relative_year(gd, pub_year, pub_date)
    if kind == "relday":
        if pub_date is None:
            return _UNKNOWN
        offset = {"today": 0, "tonight": 0, "this": 0, "tomorrow": 1, "yesterday": -1}[case_key(gd["day"] or gd["part"] or "")]
        return (pub_date + dt.timedelta(days=offset)).isoformat(), None, "relative"
    if kind == "weekday":
        return _resolve_weekday(gd, pub_date)
    return _UNKNOWN


def _resolve_month_of_relative_year(gd: dict[str, str | None], pub_year: int | None,
                                    pub_date: dt.date | None) -> _Resolved:
    """ "November last year" (the year before publication's), "last November" (the latest November before
    the publication's month), "next March" (the first March after it), "this March"."""
    if gd.get("m1"):
        if pub_year is None:
            return _UNKNOWN
        offset = {"this": 0, "last": -1, "previous": -1, "next": 1}[case_key(gd["rel"] or "")]
        return _fmt(pub_year + offset, _month(gd["m1"])), None, "relative"
    if pub_date is None:
        return _UNKNOWN
    month = _month(gd["m2"])
    assert month is not None
    rel = case_key(gd["rel2"] or "")
    if rel == "this":
        year = pub_date.year
    elif rel == "last":
        year = pub_date.year if month < pub_date.month else pub_date.year - 1
    else:  # "next", "coming"
        year = pub_date.year if month > pub_date.month else pub_date.year + 1
    return _fmt(year, month), None, "relative"


def _resolve_relative_month(gd: dict[str, str | None], pub_date: dt.date | None) -> _Resolved:
    """"next month" (a month after publication's), "last week" (the month of the day a week before it)."""
    if pub_date is None:
        return _UNKNOWN
    offset = {"this": 0, "last": -1, "previous": -1, "next": 1}[case_key(gd["rel"] or "").split()[-1]]
    if case_key(gd["unit"] or "") == "week":
        day = pub_date + dt.timedelta(days=7 * offset)
        return _fmt(day.year, day.month), None, "relative"
    months = pub_date.year * 12 + pub_date.month - 1 + offset
    return _fmt(months // 12, months % 12 + 1), None, "relative"


def _resolve_day(kind: str, gd: dict[str, str | None], year_hint: int | None) -> _Resolved:
    """A day ("March 5, 2024", "5 March", "March 5-7"): its year as written, else the context year."""
    m1 = _month(gd.get("m1") or gd.get("m2"))  # "16 to 18 November": the month written once, at the end
    d1 = int(gd["d1"] or 0)
    y1 = gd.get("y1") or (gd.get("y2") if kind == "range" else None)
    basis = "explicit"
    if y1 is None:
        if year_hint is None:
            return _UNKNOWN
        year, basis = year_hint, "context year"
    else:
        year = int(y1)
    start = _fmt(year, m1, d1)
    end = None
    if kind == "range":
        m2 = _month(gd.get("m2")) or m1
        y2 = int(gd["y2"]) if gd.get("y2") else year
        end = _fmt(y2, m2, int(gd["d2"] or 0))
        if end is not None and start is not None and end < start:
            end = None
    return start, end, basis


def _resolve_part(gd: dict[str, str | None], pub_year: int | None) -> _Resolved:
    """A quarter or half of a year ("Q3 2024", "the first half of last year") as its months."""
    q, part, ordinal = gd.get("q"), gd.get("part") or "", gd.get("ord") or ""
    if q:
        n, size = int(q[1]), (3 if q[0].upper() == "Q" else 6)
    else:
        size = 3 if case_key(part) == "quarter" else 6
        n = _ORDINALS[case_key(ordinal)]
        if size == 6 and n > 2:
            n = 2 if ordinal.lower() in ("final", "last") else 0
    if n == 0:
        return _UNKNOWN
    if gd.get("y1"):
        year, basis = int(gd["y1"] or 0), "explicit"
    else:
        if pub_year is None:
            return _UNKNOWN
        rel = case_key(gd.get("rel") or "")
        year, basis = pub_year + {"next": 1, "last": -1}.get(rel, 0), "relative"
    return _fmt(year, size * (n - 1) + 1), _fmt(year, size * n), basis


def _resolve_weekday(gd: dict[str, str | None], pub_date: dt.date | None) -> _Resolved:
    """"on Tuesday", "last Friday": the day in the week before publication (not "next"/"this" ones)."""
    pre, weekday = gd.get("pre") or "", gd.get("wd") or ""
    if pub_date is None or pre.lower() in ("next", "this"):
        return _UNKNOWN
    target = _WEEKDAYS.index(case_key(weekday))
    back = (pub_date.weekday() - target) % 7
    if case_key(pre) == "last" and back == 0:
        back = 7
    return (pub_date - dt.timedelta(days=back)).isoformat(), None, "relative"


def explicit_years(text: str) -> list[int]:
    """Four-digit years written in a text (for borrowing a year within a paragraph)."""
    return [int(m.group("y1")) for m in _PATTERNS[-1][1].finditer(text)]


def find_dates(text: str, year_hint: int | None = None, published: str | None = None) -> list[DateMention]:
    """Date mentions in ``text``, in order, not overlapping.

    ``year_hint`` completes dates written without a year; ``published``
    ("YYYY[-MM[-DD]]") resolves relative years (needs the year) and
    weekdays (needs the full date). Unresolvable mentions are left out.
    The dates of a document's sentences are read once, by ``AnalysedDocument.dates``.
    """
    return list(_find_dates(text, year_hint, published))


def _find_dates(text: str, year_hint: int | None, published: str | None) -> tuple[DateMention, ...]:
    pub_year, pub_date = _parse_published(published)
    taken: list[tuple[int, int]] = []
    found: list[DateMention] = []
    present: dict[Needs, bool] = {}
    lower = ascii_lower(text)
    for kind, pattern in _PATTERNS:
        needs = _NEEDS[kind]
        seen = present.get(needs)
        if seen is None:
            seen = present[needs] = needs.met(text, lower)
        if not seen:
            continue  # the text lacks a part the pattern cannot match without
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < te and ts < e for ts, te in taken):
                continue
            if kind == "dmy" and _month(m.group("m1")) is None:
                continue
            if kind == "weekday" and m.group("pre") is None and not _bare_weekday(text, m):
                continue
            date, end_date, basis = _resolve(kind, m, year_hint, pub_year, pub_date)
            taken.append((s, e))  # consumed even if unresolvable, so "April 14" never reads as a year
            if date is None:
                continue
            found.append(DateMention(s, e, text[s:e], date, end_date, basis, kind))
    found.sort(key=lambda d: d.start)
    return tuple(_years_from_dated_days(found))


#: before a weekday that is no day of this week: a name ("Super Tuesday", "Good Friday"), "a", "the",
#: "every", "each", "that", "next to"; after one, a date it only names the day of ("Tuesday, March 17")
_NOT_THIS_WEEK_BEFORE = re.compile(r"(?:\b(?:Super|Good|Black|Cyber|Ash|Holy|Easter|Shrove|Maundy|Bloody|Giving|Palm|"
                                   r"Fat|Plough|Blue|Mad|Manic|Freaky)|\b(?:a|an|the|every|each|that|any|one|per|by|until|till|since|"
                                   r"from|before|after|or|and|to)|[\d’'])\s+$")
_DAY_OF_DATE_AFTER = re.compile(r",?\s+(?:\d|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d)|s\b")


def _bare_weekday(text: str, m: re.Match[str]) -> bool:
    """A weekday without "on" is a day of the week published ("signed an agreement Tuesday", "said
    Tuesday", "Tuesday's talks") unless the words around it make it a name, a habit or the day of a date."""
    before = text[max(0, m.start() - 20):m.start()]
    return not (_NOT_THIS_WEEK_BEFORE.search(before) or _DAY_OF_DATE_AFTER.match(text, m.end()))


def _years_from_dated_days(found: list[DateMention]) -> list[DateMention]:
    """A day written without its year after one written with it in the same text takes that year
    ("Clashes broke out on 3 June 2024, and … signed on 13 June" is 2024-06-13, not the caller's year), and
    so does a day of a month written with its year before it ("in July 2025, before … on July 28")."""
    out: list[DateMention] = []
    year: str | None = None
    month_years: dict[str, str] = {}  # "in July 2025, … on July 28": the month written with its year
    for d in found:
        told = year or (month_years.get(d.date[5:7]) if d.kind in ("mdy", "dmy") else None)
        if d.basis == "context year" and told is not None and d.kind in ("mdy", "dmy", "range", "month") \
                and d.date[:4] != told:
            d = replace(d, date=told + d.date[4:], end_date=(told + d.end_date[4:]) if d.end_date else None)
        elif d.basis == "explicit" and d.kind in ("mdy", "dmy", "range"):
            year = d.date[:4]
        elif d.basis == "explicit" and d.kind == "my" and len(d.date) == 7:
            month_years[d.date[5:7]] = d.date[:4]
        out.append(d)
    return out


def _last_dated_year(text: str) -> int | None:
    """The year of the last day ``text`` writes with its year ("July 24, 2025", "24 July 2025"), read by
    the day patterns of find_dates."""
    days = [m for kind, pattern in _PATTERNS if kind in ("mdy", "dmy")
            for m in pattern.finditer(text) if m.group("y1") and _month(m.group("m1")) is not None]
    return int(max(days, key=lambda m: m.start())["y1"]) if days else None


_THAT_YEAR = re.compile(r"\b(?:that|the same|that same)\s+year\b", re.I)


def context_year(sentence: str, paragraph: str, published: str | None, before: str = "") -> int | None:
    """The year for dates written without one ("on January 26", "in June").

    A day with its year written in an earlier sentence of the paragraph (``before``) sets the year of
    the days and months after it ("Fighting broke out on July 24, 2025, … A ceasefire took effect on
    July 28"). Otherwise news dates a bare day by its own time, so the publication year comes first ("on
    January 26, … after Sukarno attended in 1950" is not 1950: a bare year sets nothing); without it,
    the sentence's only explicit year, then the paragraph's. None when nothing says.
    """
    if (year := _last_dated_year(before)) is not None:
        return year
    that = _THAT_YEAR.search(sentence) if "year" in sentence else None
    if that and (years := explicit_years(before + " " + sentence[:that.start()])):
        return years[-1]  # "… began in June 2011. The ban was lifted in July that year": 2011
    if published:
        return int(published[:4])
    for text in (sentence, paragraph):
        years = set(explicit_years(text))
        if len(years) == 1:
            return years.pop()
    return None
