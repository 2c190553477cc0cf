"""Cheap tests that rule a sentence out before a dear regex scan.

Most patterns of the extractors match in few sentences, and a full scan costs the same whether it
finds anything or not. A pattern that cannot match without one of a few words (or, for a year, some
digits) is scanned only where they occur: a substring test of the lower-cased sentence, a regex only
where that test would not be exact (a word with non-ASCII letters, whose case ``re.I`` folds its own way).
A test only skips sentences the pattern could not match, so what is found never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

#: The only characters beyond ASCII that ``re.I`` matches with an ASCII letter (U+0130 and U+0131 with
#: "i", the long s with "s", the Kelvin sign with "k"; tests/test_prefilter.py checks every code point).
_ASCII_FOLDS = {0x130: "i", 0x131: "i", 0x17F: "s", 0x212A: "k"}


def ascii_lower(text: str) -> str:
    """``text`` lower-cased so that an ASCII word is in it exactly where ``re.I`` would match the word in
    ``text``: ``text.lower()``, after the four characters ``re.I`` matches with an ASCII letter are made
    that letter (no other character lower-cases to anything with ASCII in it)."""
    if text.isascii():
        return text.lower()
    if "\u0130" in text or "\u0131" in text or "\u017f" in text or "\u212a" in text:
        text = text.translate(_ASCII_FOLDS)
    return text.lower()


@dataclass(frozen=True, eq=False)  # hashed by identity: a cheap key for a per-sentence cache of results
class Needs:
    """What a pattern cannot match without: one of ``words`` (in any case when ``any_case``, for a pattern
    compiled with ``re.I``), or, when ``regex`` is given instead, a match of it."""

    words: tuple[str, ...] = ()
    any_case: bool = True
    regex: str | None = None
    pattern: re.Pattern[str] = field(init=False, compare=False, repr=False)
    #: a substring test is exact: case matters, or every word is ASCII (see ascii_lower)
    by_substring: bool = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_substring", self.regex is None and (
            not self.any_case or all(w.isascii() for w in self.words)))
        if self.any_case:
            object.__setattr__(self, "words", tuple(w.lower() for w in self.words))
        source = self.regex if self.regex is not None else "|".join(re.escape(w) for w in self.words)
        object.__setattr__(self, "pattern", re.compile(source, re.I if self.any_case else 0))

    def met(self, text: str, lower: str | None) -> bool:
        """Is it in ``text``? ``lower`` is ``ascii_lower(text)``, or None where the caller has not made it
        (then a test in any case is a regex search). Called for every sentence and pattern: a plain loop,
        no generator."""
        if self.by_substring:
            within = lower if self.any_case else text
            if within is not None:
                for word in self.words:  # noqa: SIM110 (any() over a generator is twice as slow here)
                    if word in within:
                        return True
                return False
        return self.pattern.search(text) is not None


def first_letters(words: list[str] | tuple[str, ...]) -> str:
    """A lookahead for the characters ``words`` start with, ``(?=[…])``, to put before an alternation of
    them: it holds wherever one of them may match, so it changes no match, but a scan passes a position
    starting with any other character at once instead of trying every word there (a list of countries
    was scanned four times faster). Under ``re.I`` the class folds case as the words do."""
    return "(?=[" + "".join(sorted({re.escape(w[0]) for w in words})) + "])"


def by_first_character(words: list[str] | tuple[str, ...], not_after: str = "", *, rest_ahead: bool = False) -> str:
    r"""``(?<!NOT_AFTER)(?:w1|w2|…)`` for case-sensitive, non-empty ``words``, written as one branch per
    first character: ``(?:A(?<!NOT_AFTERA)(?:fghanistan|lbania)|B(?<!NOT_AFTERB)(?:…)|…)``.

    It finds what the plain alternation finds, where it finds it. Two words of different first
    characters never match at one place, so only the order among words of one first character
    matters, and that order is kept; ``not_after`` (a character class such as ``[\w-]``, "" for none)
    is tested after the first character, one character further back. Written so, a pattern opens
    with a branch of literal characters, which the regex engine turns into a set it skips every other
    position of the text by in C, and at a position tries only the words that start there (a lookbehind
    or lookahead in front gives it no such set: it enters its matcher at every position, and tries
    every word at each one that passes). With ``rest_ahead`` the rest of a word is a lookahead: a
    match is the first character alone, so ``finditer`` finds every place where a word starts, even
    inside another's match.
    """
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word[1:])
    branches = []
    for first, rests in groups.items():
        escaped = re.escape(first)
        guard = f"(?<!{not_after}{escaped})" if not_after else ""
        branches.append(escaped + guard + ("(?=" if rest_ahead else "(?:") + "|".join(re.escape(r) for r in rests) + ")")
    return "(?:" + "|".join(branches) + ")"



class NeedsTable:
    """The tests of many patterns at once: which of ``needs`` (name -> Needs) a sentence meets, by one scan
    of the sentence instead of a loop over every word of every test.

    The words of the substring tests are one pattern that stops at every place a word starts (one branch
    per first character, the rest of the word a captured lookahead, so the engine skips other positions
    in C); a word found there also meets every test with a word inside it ("state visit" holds "visit").
    A test that is no substring test is asked itself. ``met`` gives exactly the names whose ``Needs.met``
    is true."""

    def __init__(self, needs: dict[str, Needs]) -> None:
        self.asked = [(name, n) for name, n in needs.items() if not n.by_substring]
        self.scans: list[tuple[bool, re.Pattern[str], dict[str, frozenset[str]]]] = []
        for any_case in (True, False):
            owners: dict[str, set[str]] = {}
            for name, n in needs.items():
                if n.by_substring and n.any_case == any_case:
                    for word in n.words:
                        owners.setdefault(word, set()).add(name)
            if not owners:
                continue
            # a word found meets the tests of every word inside it
            met_by = {w: frozenset(name for v, names in owners.items() if v in w for name in names) for w in owners}
            groups: dict[str, list[str]] = {}
            for word in sorted(owners, key=len, reverse=True):
                groups.setdefault(word[0], []).append(word[1:])
            pattern = "|".join(re.escape(first) + "(?=(" + "|".join(re.escape(r) for r in rests) + "))"
                               for first, rests in groups.items())
            self.scans.append((any_case, re.compile(pattern), met_by))

    def met(self, text: str, lower: str) -> set[str]:
        """The names of the tests ``text`` meets; ``lower`` is ``ascii_lower(text)``."""
        found: set[str] = set()
        for any_case, pattern, met_by in self.scans:
            for m in pattern.finditer(lower if any_case else text):
                found |= met_by[m.group(0) + m.group(m.lastindex or 0)]
        for name, n in self.asked:
            if n.met(text, lower):
                found.add(name)
        return found
