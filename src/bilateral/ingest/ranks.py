"""Ranks stated with an explicit ordinal: "Portugal is Ghana's sixth-largest investor".

A rank is a statistic (unit "rank", value = the position) because analysts
cite it like one. Ordinals that number things — "fourth state visit",
"eighth GMS Summit", "75th anniversary" — are not ranks: a rank needs a
superlative ("-largest", "biggest", "top") or the verb "ranks".
"""

from __future__ import annotations

import re

from bilateral.core.model import Sentence
from bilateral.ingest.numbers import ORDINALS
from bilateral.ingest.prefilter import Needs

_ORDINALS = {word: n for word, n in ORDINALS.items() if n > 1}  # the first is "the largest", not a "first-largest"
_ORDINAL = r"(?P<ord>" + "|".join(sorted(_ORDINALS, key=len, reverse=True)) + r"|\d{1,3}(?:st|nd|rd|th))"
_COUNTRY_WORD = r"[A-Z][a-z]+(?: [A-Z][a-z]+)?"

# "Ghana's sixth-largest investor", "the fourth largest trading partner in the world"
_SUPERLATIVE = re.compile(
    r"(?:(?P<owner>" + _COUNTRY_WORD + r"|its|their)['’]?s?\s+|the\s+)?"
    + _ORDINAL + r"[- ](?P<sup>largest|biggest|top|most important)\s+"
    r"(?P<noun>(?:[a-z]+\s){0,2}?(?:partner|investor|source|market|economy|exporter|importer|"
    r"supplier|destination|buyer|lender|donor|producer|consumer|customer)s?)\b"
    r"(?:\s+(?P<scope>globally|worldwide|in the world|(?:in|within) (?:the )?[A-Z][\w-]*(?: [A-Z][\w-]*)*))?"
)
# "Portugal ranks fourth among countries and territories investing in Ghana"
_RANKS = re.compile(r"\b(?P<subject>" + _COUNTRY_WORD + r")\s+rank(?:s|ed)?\s+" + _ORDINAL
                    + r"\s+(?P<scope>(?:among|in|globally|worldwide)\b[^,.;]*)")
# "Portugal now has 210 projects there, ranking fourth among …": the participle ranks the sentence's subject
_RANKING = re.compile(r",\s+ranking\s+" + _ORDINAL + r"\s+(?P<scope>(?:among|in|globally|worldwide)\b[^,.;]*)")
_OPENING_SUBJECT = re.compile(r"\s*(?P<subject>" + _COUNTRY_WORD + r")\s+(?!and\b|or\b)[a-z]")
_SUBJECT = re.compile(r"\b(?P<subject>" + _COUNTRY_WORD + r")\s+(?:is|was|remains|remained|has been|"
                      r"had been|became|has become|stands as|ranks as|ranked as)\b")
#: "…, making Peru the second-largest supplier of …": the participle's object is what is ranked
_MADE_SUBJECT = re.compile(r"\b(?:making|makes|made|make)\s+(?P<subject>" + _COUNTRY_WORD + r")\s+(?=the\s|$)")
_POSSESSIVE = re.compile(r"\b(?P<owner>" + _COUNTRY_WORD + r")['’]s\b")
# What the two patterns cannot match without (case-sensitive, as they are): most sentences state no rank.
_SUPERLATIVE_NEEDS = Needs(("largest", "biggest", "top", "most important"), any_case=False)
_RANKS_NEEDS = Needs(("rank",), any_case=False)
_NOT_SUBJECTS = {"In", "The", "This", "That", "While", "Meanwhile", "Since", "By", "According"}


def _position(word: str) -> int:
    return _ORDINALS.get(word.lower()) or int(re.match(r"\d+", word).group())  # type: ignore[union-attr]


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def ordinal(position: int) -> str:
    """6 -> "6th": how a rank reads."""
    suffix = "th" if 10 <= position % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(position % 10, "th")
    return f"{position}{suffix}"


def _plural(noun: str) -> str:
    return noun if noun.endswith("s") else f"{noun}s"


def _subject_before(text: str, pos: int) -> str | None:
    subjects = [(m.start(), m["subject"]) for pattern in (_SUBJECT, _MADE_SUBJECT) for m in pattern.finditer(text[:pos])
                if m["subject"] not in _NOT_SUBJECTS]
    return max(subjects)[1] if subjects else None


def _owner_before(text: str, pos: int) -> str | None:
    owners = [m["owner"] for m in _POSSESSIVE.finditer(text[:pos]) if m["owner"] not in _NOT_SUBJECTS]
    return owners[-1] if owners else None


def find_ranks(sentence: Sentence) -> list[tuple[int, int, int, str]]:
    """(start, end, position, measure) per rank in the sentence; offsets relative to its text."""
    text = sentence.text
    found: list[tuple[int, int, int, str]] = []
    for m in (_SUPERLATIVE.finditer(text) if _SUPERLATIVE_NEEDS.met(text, None) else ()):
        owner = m["owner"]
        if owner in ("its", "their", None):
            owner = _owner_before(text, m.start())
        subject = _subject_before(text, m.start())
        if subject is None or subject == owner:
            continue
        noun = _plural(m["noun"])
        whose = f"{owner}'s {noun}" if owner else noun
        scope = f" {m['scope']}" if m["scope"] else ""
        found.append((m.start("ord"), m.end("noun"), _position(m["ord"]),
                      _squash(f"{subject}'s rank among {whose}{scope}")))
    for m in (_RANKS.finditer(text) if _RANKS_NEEDS.met(text, None) else ()):
        if m["subject"] in _NOT_SUBJECTS:
            continue
        found.append((m.start(), m.end("ord"), _position(m["ord"]),
                      _squash(f"{m['subject']}'s rank {m['scope']}")))
    for m in (_RANKING.finditer(text) if "ranking" in text else ()):
        opening = _OPENING_SUBJECT.match(text)
        if opening and opening["subject"] not in _NOT_SUBJECTS:
            found.append((m.start("ord"), m.end("ord"), _position(m["ord"]),
                          _squash(f"{opening['subject']}'s rank {m['scope']}")))
    return found
