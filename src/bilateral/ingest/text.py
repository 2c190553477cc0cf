"""Split a source into passages and sentences, flagging boilerplate.

A passage is a line of text (news copy puts one paragraph per line, with or
without blank lines between). Two lines are joined into one passage when a
stray break cuts a sentence ("thriving trade and cultural" / "exchanges.").
Boilerplate keeps its span (offsets stay valid) but is excluded from
extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator

from bilateral.core.model import Passage, Sentence, Source
from bilateral.ingest.prefilter import Needs, ascii_lower

_TERMINAL = ".!?:;\"”’)…"
_LINE = re.compile(r"[^\n]+")

# Whole-line boilerplate, each with the reason shown to the user, and what its pattern cannot match
# without (prefilter.Needs: a substring test of the line first, the pattern only where it passes).
_BOILERPLATE_LINES: list[tuple[str, re.Pattern[str], Needs]] = [
    ("advertisement", re.compile(r"^\s*(advertisement|advertising|sponsored( content)?)\s*$", re.I),
     Needs(("advertis", "sponsored"))),
    ("cookie banner", re.compile(r"cookie|privacy statement|^\s*(i agree|accept( all)?|got it)\s*$", re.I),
     Needs(("cookie", "privacy statement", "i agree", "accept", "got it"))),
    ("subscribe prompt", re.compile(r"\bsubscri(be|ption)\b|\bnewsletter\b|\bsign up\b|keep up to date", re.I),
     Needs(("subscri", "newsletter", "sign up", "keep up to date"))),
    ("markup debris", re.compile(r"leftcenterrightdel|\\underline\{|^\s*\$.*\$\s*$|^\s*[\\$*#|_=-]{2,}\s*$"),
     Needs(("leftcenterrightdel", "\\", "$", "*", "#", "|", "_", "=", "-"), any_case=False)),
    ("media contact", re.compile(r"^\s*(media contact|press contact|contact:)\s*$", re.I),
     Needs(("media contact", "press contact", "contact:"))),
    ("link prompt", re.compile(r"(click here|read more|see on \w+|for more information)\W*$", re.I),
     Needs(("click here", "read more", "see on ", "for more information"))),
    ("share prompt", re.compile(r"^\s*(share( this)?|print|email|search trends|related( articles| stories)?)\s*$", re.I),
     Needs(("share", "print", "email", "search trends", "related"))),
    ("contribution prompt", re.compile(r"@\w+\.\w+.*\b(contact|follow)\b|\bfollow\b.*\bon (twitter|x|facebook)\b", re.I),
     Needs(("@", "follow"))),
    ("byline", re.compile(r"^\s*(translated|reported|written|edited|compiled) by\b", re.I),
     Needs((" by",))),
    ("source line", re.compile(r"^\s*source\s*:\s*\S.{0,40}$", re.I), Needs(("source",))),
    ("photo credit", re.compile(r"/\s*(CFP|Xinhua|AFP|Reuters|AP|VNA|IC|Getty( Images)?)\s*$"),
     Needs(("/",), any_case=False)),
]

_WORD = re.compile(r"[\w’'-]+")
_MINOR_WORDS = {
    "a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for",
    "by", "with", "from", "as", "amid", "vs", "via", "into", "over", "per",
}


def _is_title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if w.lower() not in _MINOR_WORDS]
    if not words:
        return False
    capital = sum(1 for w in words if w[0].isupper() or w[0].isdigit())
    return capital / len(words) >= 0.75


def _ends_sentence(text: str) -> bool:
    """Ends in sentence punctuation, or in a closing quote after it: a typewriter closing quote
    ('' or ') counts only after a full stop, question or exclamation mark ("… he said.''"), so a
    heading ending in a possessive ("The Farmers'") stays a heading."""
    end = text.rstrip()
    if end[-1:] in _TERMINAL:
        return True
    return end[-1:] == "'" and end.rstrip("'")[-1:] in ".!?…"


def _starts_continuation(text: str) -> bool:
    first = text.lstrip()[:1]
    return first.islower()


def _raw_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _LINE.finditer(text):
        start, end = m.start(), m.end()
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end > start:
            spans.append((start, end))
    return spans


def _boilerplate_reason(line: str) -> str | None:
    lower = ascii_lower(line)
    for why, pattern, needs in _BOILERPLATE_LINES:
        if needs.met(line, lower) and pattern.search(line):
            return why
    return None


def _join_broken(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Merge a line that does not end a sentence with a following line that continues it."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined:
            prev_start, prev_end = joined[-1]
            prev, line = text[prev_start:prev_end], text[start:end]
            if (
                not _ends_sentence(prev)
                and len(prev.split()) >= 4
                and _starts_continuation(line)
                and _boilerplate_reason(prev) is None
                and _boilerplate_reason(line) is None
            ):
                joined[-1] = (prev_start, end)
                continue
        joined.append((start, end))
    return joined


_BULLET = re.compile(r"[-•*–▪·]\s")
#: a date (a year last) opening a line, then a dash and what happened: an entry of a timeline ("November 2015 –
#: …", "1996 – …", "* Nov 14, 1989 - …"; not a dateline: "LIMA, Nov 19, 2026 - …"); events.py reads its groups
TIMELINE_ENTRY = re.compile(r"(?:[-•*▪·]\s+)?(?![A-Z]{2,}\b)(?P<date>(?:[A-Z0-9][\w ,.]{0,24}?\b)?(?:1[5-9]|20)\d\d)"
                            r"\s+[–—-]\s+(?P<what>\S.*)$", re.S)
_OPENS_OR_CONTINUES_LIST = re.compile(r"(?::|;(?:\s+(?:and|or))?)\s*$")


def split_passages(source: Source) -> list[Passage]:
    """Passages of a source with roles: prose, heading, list_item or boilerplate."""
    text = source.text
    spans = _join_broken(text, _raw_lines(text))
    line_counts = Counter(text[s:e] for s, e in spans)
    passages: list[Passage] = []
    in_contact_block = False
    for index, (start, end) in enumerate(spans):
        line = text[start:end]
        reason = _boilerplate_reason(line)
        role = "prose" if reason is None else "boilerplate"
        words = len(line.split())
        if role == "prose" and line_counts[line] > 1 and words >= 6 and not line.rstrip().endswith(":"):
            # (not a line that introduces what follows: "The Minister (Hon. Jane Roe) replied:" in a record)
            role, reason = "boilerplate", "repeated caption"
        if reason == "media contact":
            in_contact_block = True
        elif in_contact_block and role == "prose" and words <= 6:
            role, reason = "boilerplate", "media contact"
        elif role == "prose":
            in_contact_block = False
        if role == "prose" and not _ends_sentence(line) and words <= 16:
            previous = passages[-1] if passages else None
            after_colon = previous is not None and (
                previous.role == "list_item"
                # after a line that opens a list ("namely:") or an item of one ("(1) the Addendum …;")
                or (previous.role == "prose" and _OPENS_OR_CONTINUES_LIST.search(previous.text) is not None)
            )
            # a title-case line is a heading, unless it goes on to the next item ("… in Persons; and")
            listed = not _is_title_case(line) or _OPENS_OR_CONTINUES_LIST.search(line) is not None
            # "- 422 km — length of the line": a bulleted line is an item of a list, not a heading
            bulleted = _BULLET.match(line) is not None and not _is_title_case(line[2:])
            # "12 July 1976 – Chile and Peru establish diplomatic relations": a timeline's entry
            dated = TIMELINE_ENTRY.match(line) is not None
            role = "list_item" if (after_colon and listed) or bulleted or dated else "heading"
        passages.append(Passage(source.id, index, start, end, line, role, reason))
    return passages


# Abbreviations after which a full stop does not end a sentence.
_ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sen", "rep", "gov",
    "rev", "fr", "adm", "capt", "cmdr", "maj", "sgt", "cpl", "brig", "rt", "hon", "messrs",
    "st", "jr", "sr", "no", "vs", "etc", "inc", "corp", "co", "ltd", "dept",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "approx", "est", "fig",
    "md", "mohd", "muhd",  # Mohammad, as South and Southeast Asian names abbreviate it ("Md. Rezaul Karim")
    "ts", "ch", "sh", "kh", "zh",  # a patronymic's initial written as two letters ("Ts. Oyunchimeg", "Kh. Nyambaatar")
    "rs", "tk",  # currencies abbreviated before their amount ("Rs. 45,000", "Tk. 50 billion")
}
#: initials written together ("H.D. Deve Gowda", "J.R. Smith"): a name goes on after them, unless the next
#: word opens a sentence ("… in Washington, D.C. He moved …")
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
_OPENERS = frozenset({"He", "She", "It", "They", "We", "I", "You", "The", "A", "An", "This", "That", "These",
                      "Those", "In", "On", "At", "But", "And", "Its", "His", "Her", "Their", "Our", "There"})
# the next sentence may open with a quote mark, typewriter ones ('' `` ' `) included
_BOUNDARY = re.compile(r"([.!?…]+)([\"”’')\]]*)(\s+)(?=(?:[\"“‘(\[]|''|``|'|`)?[A-Z0-9À-Ỹ])")


_LAST_WORD = re.compile(r"[\w.]+$")
#: the number opening a numbered paragraph or list item ("1. ", "12. "), with the space after it (the splitter
#: cuts only at a full stop, so "(2)" or "3)" stay with their sentence)
LIST_NUMBER = re.compile(r"\s*\(?\d{1,3}[.)]\s*")


def _sentence_spans(text: str) -> Iterator[tuple[int, int]]:
    start = 0
    for m in _BOUNDARY.finditer(text):
        if m.group(1) == ".":
            before = text[start:m.start()]
            last_word = _LAST_WORD.findall(before)
            token = last_word[0].lower() if last_word else ""
            if token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()) or (
                    last_word and _INITIALS.fullmatch(last_word[0])
                    and text[m.end():].split(" ", 1)[0].strip("\"“‘(") not in _OPENERS):
                continue
        end = m.end(2)
        if start == 0 and LIST_NUMBER.fullmatch(text, start, end):
            start = m.end()  # "1. Memorandum of …": the number of a list item or a paragraph is no sentence
            continue
        if text[start:end].strip():
            yield start, end
        start = m.end()
    if text[start:].strip():
        yield start, len(text.rstrip())


def split_sentences(passage: Passage) -> list[Sentence]:
    """Sentences of one passage, with absolute offsets into the source text."""
    sentences = []
    for s, e in _sentence_spans(passage.text):
        while s < e and passage.text[s].isspace():
            s += 1
        if e > s:
            sentences.append(
                Sentence(passage.source, passage.index, passage.start + s,
                         passage.start + e, passage.text[s:e])
            )
    return sentences


class Document:
    """A source prepared for extraction: passages, and sentences of the extractable ones."""

    def __init__(self, source: Source) -> None:
        self.source = source
        self.passages = split_passages(source)
        self.sentences: list[Sentence] = [
            sentence
            for passage in self.passages
            if passage.extractable
            for sentence in split_sentences(passage)
        ]

    @property
    def text(self) -> str:
        return self.source.text

    def sentence_at(self, offset: int) -> Sentence | None:
        for sentence in self.sentences:
            if sentence.start <= offset < sentence.end:
                return sentence
        return None
