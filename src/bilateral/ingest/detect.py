"""Detect an article's metadata in its plain text: headline, byline, dateline, publisher, date.

General rules for English news copy, nothing tuned to particular outlets or
people. Every value found is basis "inferred" with its evidence (the rule and
the words it read); a field not found is unknown (value and basis None, the
evidence says what was looked for). Never invented:

- **title**: the first line that is not boilerplate (cookie banner,
  "Advertisement", a menu word), if it is short (3–20 words), does not end
  like a sentence (no final period, colon or semicolon), is not a
  dateline, byline or date line, and is followed by more text that does not
  continue it (a wrapped sentence's next line starts in lower case).
- **author**: a byline line ("By Jane Doe", "Written by …", "Author: …",
  "Reporting by …") whose words look like a name, or an op-ed editor's note
  introducing the writer ("Editor's Note: Jane Doe, a columnist … The article
  reflects the author's opinions").
- **publisher**: a distributor's footer ("See on X"), a dateline's agency
  ("BEIJING, Dec. 12 (Xinhua) --"), an opinion disclaimer ("not necessarily
  the views of X"), "Source: X", or a copyright line ("Copyright © 2025 X"),
  in that order of preference.
- **published**: a dateline's date, or a date line near the top
  ("Published: 15 April 2025", "April 15, 2025"). A dateline without a year
  ("Lisbon, April 14 –") gives a year only when the same month and day are
  written with a year elsewhere in the text (the evidence says so);
  otherwise the date stays unknown.
- **url**: only a labelled line ("URL: https://…", "Permalink: …"); a link
  quoted in the body is not the article's own address.
"""

from __future__ import annotations

import datetime as dt
import re

from bilateral.core.folding import case_key
from bilateral.core.model import METADATA_FIELDS
from bilateral.ingest.lexicon import MONTHS

Field = dict[str, str | None]

_MONTHS = MONTHS
_MONTH = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
          r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?)")
_WEEKDAY = r"(?:(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?\s+)"
# "Apr 15, 2025", "Dec. 12", "15 April 2025", "2025-04-15"; groups: month, day, year.
_DATE = (
    rf"(?:{_WEEKDAY}?(?P<m1>{_MONTH})\s+(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<y1>(?:19|20)\d\d))?"
    rf"|{_WEEKDAY}?(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m2>{_MONTH})(?:,?\s+(?P<y2>(?:19|20)\d\d))?"
    rf"|(?P<y3>(?:19|20)\d\d)-(?P<m3>[01]\d)-(?P<d3>[0-3]\d))(?!\d)"
)
_CAP_WORD = r"[A-ZÀ-Ỹ][\wÀ-ỹ.'’&-]*"
_PLACE = rf"{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}}"
# "LISBON, Dec. 12 (Lusa) --", "Accra, April 14 –", "Lisbon, Portugal Apr 15, 2025 (Issuewire.com) -",
# "WASHINGTON (Reuters) -": a place, then a date and/or an agency in brackets, then a dash.
_DATELINE = re.compile(
    rf"^(?P<place>{_PLACE}(?:,\s*{_PLACE})?)"
    rf"(?:,?\s+(?P<date>{_DATE}))?"
    r"(?:,?\s*\((?P<agency>[^()\n]{2,40})\))?"
    r"\s*(?P<dash>--|—|–|-|:)\s+\S"
)
#: what separates the fields of a section line ("ASIA DESK | World | Friday 4 December 2026")
_FIELD_SEPARATOR = re.compile(r"\s+[|·•]\s+")
_DATE_LINE = re.compile(
    rf"^(?:(?P<label>published|posted|updated|last updated|date|first published)\s*(?:on|:)?\s*)?"
    rf"(?P<date>{_DATE})(?:,?\s*(?:at\s*)?\d\d?[:.]\d\d(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{{2,4}}(?:[+-]\d+)?)?)?\s*$",
    re.I,
)
_NAME_WORD = r"(?:[A-ZÀ-Ỹ][\wÀ-ỹ'’-]*\.?|de|van|von|der|da|bin|binti|al|el|la|le|du|dos|di)"
_NAME = rf"[A-ZÀ-Ỹ][\wÀ-ỹ'’-]*\.?(?:\s+{_NAME_WORD}){{0,4}}"
_NAMES = rf"{_NAME}(?:(?:\s*,\s*|\s+(?i:and)\s+|\s*&\s*){_NAME})*"
_BYLINE = re.compile(
    rf"^(?P<label>(?i:By|Written by|Words by|Story by|Reporting by|Reported by|Author:|Authors:|Byline:))\s+"
    rf"(?P<names>{_NAMES})\s*(?:$|[,;|/]|\s[-–—]\s|\s+in\s+)",
)
_ROLE = re.compile(r"\b(reporter|writer|correspondent|editor|staff|contributor|columnist|bureau|news|"
                   r"agency|times|post|press|daily|desk|analyst)\b", re.I)
_EDITOR_NOTE = re.compile(
    rf"^Editor[’']?s [Nn]ote:\s*(?P<name>{_NAME})\s*(?:,\s*(?:a|an|the)\s|\s+is\s+(?:a|an|the)\s)"
)
_WRITER_HINT = re.compile(r"\b(author|writer|columnist|commentator)\b|\bopinions?\b|\bviews\b", re.I)
_SEE_ON = re.compile(rf"^(?:See|Read|View|Originally published) (?:it |more )?on (?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,3}})\s*$")
_SOURCE = re.compile(rf"^Source\s*:\s*(?P<name>{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,4}})\s*$")
_COPYRIGHT = re.compile(
    rf"^(?:(?i:copyright)\s*(?:©|\([cC]\))?|©)\s*(?:(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)\d\d)?)?\s*,?\s*"
    rf"(?P<name>(?:The\s+)?{_CAP_WORD}(?:\s+{_CAP_WORD}){{0,5}})",
)
_VIEWS_OF = re.compile(
    r"\bnot necessarily (?:reflect |represent )?(?:those of|the (?:views?|opinions?|positions?|"
    r"editorial (?:views?|position)) of)[ \t]+(?P<name>(?:the[ \t]+)?[A-ZÀ-Ỹ][\wÀ-ỹ&'’-]*(?:[ \t][A-ZÀ-Ỹ][\wÀ-ỹ&'’-]*){0,3})"
)
_URL_LINE = re.compile(r"^(?:URL|Link|Permalink|Original URL|Source URL)\s*:\s*(?P<url>https?://\S+)\s*$", re.I)
_BOILERPLATE = re.compile(
    r"^(?:advertisement|advertising|sponsored(?: content)?|ad|skip to (?:main )?content|menu|home|"
    r"search|share|print|email|close|i agree|accept(?: all)?(?: cookies)?|got it|ok|\d+\s*min(?:ute)?s?\s+read)$"
    r"|\bcookies?\b.*\b(?:use|policy|settings|consent|accept|agree)|\b(?:use|policy|settings|consent|accept)\b.*\bcookies?\b"
    r"|privacy (?:statement|policy|notice)|terms of (?:use|service)|\bsubscri(?:be|ption)\b|"
    r"\bnewsletter\b|\bsign (?:up|in)\b|\blog ?in\b|javascript",
    re.I,
)
_SENTENCE_END = (".", ":", ";", ",")
# skipped before a headline: breadcrumbs ("Home > World > Asia"), photo credits and captions, links
_NOT_HEADLINE = re.compile(r"\s[>›»/|]\s.*\s[>›»/|]\s|^(?:photo|image|picture|file photo|caption|video)\b|"
                           r"https?://|www\.|@\w", re.I)
_HEADER_LINES = 15
_FOOTER_LINES = 12
_WINDOW = 50_000  # characters read at each end of a long text


def _unknown(evidence: str) -> Field:
    return {"value": None, "basis": None, "evidence": evidence}


def _found(value: str, evidence: str) -> Field:
    return {"value": value, "basis": "inferred", "evidence": evidence}


_MARKDOWN_LEAD = re.compile(r"^(?:#{1,6}\s+|>\s*)")
_MARKDOWN_EMPHASIS = re.compile(r"(\*\*|__|\*|_)(.+)\1")


def _clean(line: str) -> str:
    """A line without surrounding white space and Markdown decoration (#, >, *, _)."""
    line = line.strip()
    line = _MARKDOWN_LEAD.sub("", line)
    m = _MARKDOWN_EMPHASIS.fullmatch(line)
    return (m.group(2) if m else line).strip()


def _lines(text: str) -> list[str]:
    return [c for c in (_clean(raw) for raw in text.splitlines()) if c]


def _ymd(m: re.Match[str]) -> tuple[int | None, int, int] | None:
    g = m.groupdict()
    if g.get("y3"):
        year, month, day = int(g["y3"]), int(g["m3"]), int(g["d3"])
    else:
        mon = g.get("m1") or g.get("m2")
        if not mon:
            return None
        month = _MONTHS[case_key(mon.rstrip("."))]
        day = int(g.get("d1") or g.get("d2") or 0)
        y = g.get("y1") or g.get("y2")
        year = int(y) if y else None
    try:
        dt.date(year or 2000, month, day)  # 2000: a leap year, so "Feb. 29" without a year passes
    except ValueError:
        return None
    return year, month, day


def _year_elsewhere(text: str, month: int, day: int) -> tuple[int, str] | None:
    """The year written with the same month and day somewhere in the text ("April 14, 2025")."""
    for m in re.finditer(_DATE, text):
        parts = _ymd(m)
        if parts and parts[0] and parts[1:] == (month, day):
            return parts[0], m.group(0)
    return None


def _dateline(lines: list[str]) -> tuple[int, re.Match[str]] | None:
    for index, line in enumerate(lines[:_HEADER_LINES]):
        m = _DATELINE.match(line)
        if m and (m.group("date") or m.group("agency")) and (m.group("dash") != ":" or m.group("date")):
            return index, m
    return None


def _title(lines: list[str]) -> Field:
    skipped: list[str] = []
    for index, line in enumerate(lines[:_HEADER_LINES]):
        if (_BOILERPLATE.search(line) and len(line.split()) <= 40) or _NOT_HEADLINE.search(line):
            skipped.append(line)
            continue
        words = len(line.split())
        after = f" (after {len(skipped)} boilerplate line{'s' if len(skipped) > 1 else ''})" if skipped else ""
        nxt = lines[index + 1] if index + 1 < len(lines) else None
        if (
            3 <= words <= 20
            and len(line) <= 160
            and not line.endswith(_SENTENCE_END)
            and (line[0].isupper() or line[0].isdigit() or line[0] in "\"“‘'")
            and nxt is not None
            and not nxt[0].islower()
            and not _DATELINE.match(line)
            and not _BYLINE.match(line)
            and not _DATE_LINE.match(line)
        ):
            ordinal = "first line" if index == 0 else f"line {index + 1}"
            return _found(line, f"{ordinal}{after}, {words} words, no final period")
        why = ("ends with a period" if line.endswith(".") else
               f"has {words} words" if not 3 <= words <= 20 else "does not stand alone as a headline")
        return _unknown(f"no headline: the first line of text{after} {why}")
    return _unknown("no headline: no text")


def _author(lines: list[str]) -> Field:
    zone = lines[:_HEADER_LINES] + lines[-_FOOTER_LINES:]
    for line in zone:
        m = _BYLINE.match(line)
        if m:
            parts = re.split(r"\s*,\s*", m.group("names").strip().rstrip(","))
            # "By Jane Doe, Staff Reporter": the names end where a role begins
            names = ", ".join(parts[: next((i for i, p in enumerate(parts) if _ROLE.search(p)), len(parts))])
            if not names:
                continue
            return _found(names, f"byline '{line[:80]}'")
    for line in lines[:_HEADER_LINES + 5]:
        m = _EDITOR_NOTE.match(line)
        if m and _WRITER_HINT.search(line[m.end():]):
            return _found(m.group("name"), f"editor's note introduces the writer: '{line[:70]}…'")
    return _unknown("no byline")


def _publisher(lines: list[str], text: str, dateline: tuple[int, re.Match[str]] | None) -> Field:
    for line in lines[-_FOOTER_LINES:]:
        m = _SEE_ON.match(line)
        if m:
            return _found(m.group("name"), f"footer '{line}'")
    if dateline and dateline[1].group("agency"):
        agency = dateline[1].group("agency").strip()
        return _found(agency, f"agency in the dateline '({agency})'")
    m = _VIEWS_OF.search(text) if len(text) <= 2 * _WINDOW else (
        _VIEWS_OF.search(text[:_WINDOW]) or _VIEWS_OF.search(text[-_WINDOW:]))
    if m:
        name = re.sub(r"^the\s+", "", m.group("name").rstrip("."), flags=re.I)
        return _found(name, f"opinion disclaimer '…{m.group(0)}'")
    for line in lines[-_FOOTER_LINES:] + lines[:_HEADER_LINES]:
        m = _SOURCE.match(line)
        if m:
            return _found(m.group("name"), f"credit line '{line}'")
    for line in lines[-_FOOTER_LINES:]:
        m = _COPYRIGHT.match(line)
        if m and not re.match(r"all rights", m.group("name"), re.I):
            name = re.split(r"\.\s|\.$|\s+All rights", m.group("name"), maxsplit=1, flags=re.I)[0].strip()
            if name:
                return _found(name, f"copyright line '{line[:80]}'")
    return _unknown("no outlet named in a dateline, credit, footer or copyright line")


_ANNIVERSARY = re.compile(r"\b(\d{1,3})(?:st|nd|rd|th) anniversary\b")


def _published(lines: list[str], text: str, dateline: tuple[int, re.Match[str]] | None) -> Field:
    candidates: list[tuple[str, str]] = []
    if dateline and dateline[1].group("date"):
        m = dateline[1]
        candidates.append((m.group("date"), f"dateline '{m.group(0)[:-1].strip()}'"))
    for line in lines[:_HEADER_LINES]:
        # "World | Friday 4 December 2026": a section line whose last field is the date
        last = _FIELD_SEPARATOR.split(line)[-1]
        m = _DATE_LINE.match(line) or (_DATE_LINE.match(last) if last != line else None)
        if m and not (m.group("label") or "").lower().endswith("updated"):
            candidates.append((m.group("date"), f"date line '{line}'"))
    for raw, evidence in candidates:
        m = re.fullmatch(_DATE, raw)
        parts = _ymd(m) if m else None
        if not parts:
            continue
        year, month, day = parts
        if year is None:
            found = _year_elsewhere(text, month, day)
            if found is None:
                return _unknown(f"{evidence} gives no year; publication date left unknown")
            year = found[0]
            evidence += f" without a year; year {year} from '{found[1]}' elsewhere in the text"
            anniversary = _ANNIVERSARY.search(text)
            later = [int(y) for y in re.findall(r"\b((?:19|20)\d\d)\b", text) if int(y) > year]
            if anniversary and later and year + int(anniversary.group(1)) <= dt.date.today().year + 1:
                # "on May 21, 1951 … the 75th anniversary" in an article that names later years: the day
                # written with its year is the one the article marks, the news is of its anniversary
                year += int(anniversary.group(1))
                evidence += f", plus the '{anniversary.group(0)}' the article marks"
        return _found(f"{year:04d}-{month:02d}-{day:02d}", evidence)
    return _unknown("no dateline or date line")


def _url(lines: list[str]) -> Field:
    for line in lines[:_HEADER_LINES] + lines[-_FOOTER_LINES:]:
        m = _URL_LINE.match(line)
        if m:
            return _found(m.group("url").rstrip(".,)"), f"labelled line '{line[:80]}'")
    return _unknown("no URL line")


def detect_metadata(text: str) -> dict[str, Field]:
    """Metadata found in a plain-text article; every value is basis "inferred" with its evidence.

    Same shape as ``ingest.sources.read_metadata``: ``{field: {"value", "basis", "evidence"}}``
    for each of ``METADATA_FIELDS``; unknown fields have value and basis None.
    """
    if len(text) > 2 * _WINDOW:  # a long text: only its head and tail hold these lines
        lines = _lines(text[:_WINDOW])[: _HEADER_LINES + 5] + _lines(text[-_WINDOW:])[-_FOOTER_LINES:]
    else:
        lines = _lines(text)
    dateline = _dateline(lines)
    fields = {
        "title": _title(lines),
        "publisher": _publisher(lines, text, dateline),
        "author": _author(lines),
        "published": _published(lines, text, dateline),
        "url": _url(lines),
    }
    return {name: fields[name] for name in METADATA_FIELDS}
