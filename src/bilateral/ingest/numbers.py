"""Numbers written as words: "Forty-five", "two hundred thousand", "one and a half".

One place for the number words every extractor reads (the words are
data/lexicon/numbers.json), so "twenty-five years"
means 25 to the period rules and to the statistics alike. The value of a run
of words comes from text2num; this module only finds where the run is, so a
caller's offsets cover exactly the words as written.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num

from bilateral.ingest.lexicon import NUMBER_WORDS
from bilateral.ingest.prefilter import first_letters

UNITS: tuple[str, ...] = tuple(NUMBER_WORDS["units"])
TEENS: tuple[str, ...] = tuple(NUMBER_WORDS["teens"])
TENS: tuple[str, ...] = tuple(NUMBER_WORDS["tens"])
SCALE_WORDS: tuple[str, ...] = tuple(NUMBER_WORDS["scales"])
_NUMBER_WORDS = {*UNITS, *TEENS, *TENS, "hundred", *SCALE_WORDS}

#: Ordinals in words, for ranks ("sixth-largest") and numbered things ("the fourteenth round").
ORDINALS = {w: n for n, w in enumerate(NUMBER_WORDS["ordinals"], start=1)}

#: A number under a hundred in words ("seven", "fifteen", "twenty-five", "Forty five"), for regexes (use re.I).
UNDER_HUNDRED_WORDS = (r"(?:(?:" + "|".join(TENS) + r")(?:[- ](?:" + "|".join(UNITS) + r"))?|"
                       + "|".join(sorted(TEENS + UNITS, key=len, reverse=True)) + r")")
#: The same, not followed by a letter or hyphen (so not "seven" of "seventh", "ten-point"); without that
#: end, UNDER_HUNDRED_WORDS may be glued to what follows ("a five-point plan").
UNDER_HUNDRED = UNDER_HUNDRED_WORDS + r"(?![\w-])"
#: The ordinals above as a regex alternative, longest first ("seventeenth" before "seventh").
ORDINAL_WORDS = "|".join(sorted(ORDINALS, key=len, reverse=True))

_TOKEN = re.compile(r"[A-Za-z]+")
# A whole token (a maximal run of ASCII letters, as _TOKEN finds them) that is a number word, in any ASCII
# case: one scan finds the number words, not a Python loop over every word of the text (the lookahead
# passes over a word starting with another letter at once).
_NUMBER_TOKEN = re.compile(r"(?<![A-Za-z])" + first_letters(tuple(_NUMBER_WORDS)) + r"(?:"
                           + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])", re.I | re.A)
_JOINER = re.compile(r"[ \u00a0-]|[ \u00a0]and[ \u00a0]")  # what may stand between two words of one number
_HALF = re.compile(r"[ \u00a0]and a half\b", re.I)


@dataclass(frozen=True, slots=True)
class NumberWords:
    """A number written in words at [start, end) of the text it was found in.

    When the words end in a scale ("two hundred thousand") that scale is left
    out of the span and given as ``scale``: the figure is 200 thousand, as
    "200 thousand" would be. ``value`` never includes ``scale``.
    """

    start: int
    end: int
    value: int | float
    scale: str | None = None


def cardinal(words: str) -> int | None:
    """The value of number words ("Twenty-five" -> 25), or None if they are not one number."""
    if not words or not all(w.lower() in _NUMBER_WORDS or w.lower() == "and" for w in _TOKEN.findall(words)):
        return None
    try:
        return int(text2num(words.lower().replace("\u00a0", " "), "en"))
    except ValueError:
        return None


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Runs of number words joined by a space, a hyphen or "and" (the "and" is checked by text2num). Any
    other word between two number words leaves a gap the joiner does not match: a new run starts."""
    runs: list[list[re.Match[str]]] = []
    previous: re.Match[str] | None = None
    for m in _NUMBER_TOKEN.finditer(text):
        if previous is not None and _JOINER.fullmatch(text[previous.end():m.start()]):
            runs[-1].append(m)
        else:
            runs.append([m])
        previous = m
    return runs


def find_number_words(text: str) -> list[NumberWords]:
    """Every number written in words, left to right; the longest reading wins ("forty-five", not "forty")."""
    found: list[NumberWords] = []
    for run in _runs(text):
        i = 0
        while i < len(run):
            for j in range(len(run), i, -1):
                words = run[i:j]
                if i == 0 and words[0].group(0).lower() in SCALE_WORDS and (one := _a_scale(text, words[0].start())):
                    found.append(one)  # "a million Ghanaians", "half a billion dollars": 1 or 0.5 of the scale
                    i = 1
                    break
                if words[0].group(0).lower() in SCALE_WORDS or (
                        words[0].group(0).lower() == "hundred" and not _after_a(text, words[0].start())):
                    continue  # a bare "million" or "hundred" is a noun, not a figure
                lead = "one " if words[0].group(0).lower() == "hundred" else ""  # "a hundred and fifty"
                value = cardinal(lead + text[words[0].start():words[-1].end()])
                if value is not None:
                    found.append(_number(text, words, value))
                    i = j
                    break
            else:
                i += 1
    return found


_A_SCALE = re.compile(r"(?:(?<![\w-])([Hh]alf)[ \u00a0])?(?<![\w-])([Aa])[ \u00a0]$")


def _a_scale(text: str, pos: int) -> NumberWords | None:
    """The "a" (1) or "half a" (0.5) before a scale word at ``pos``, as a number whose scale follows it."""
    m = _A_SCALE.search(text, max(0, pos - 8), pos)
    if m is None:
        return None
    start = m.start(1) if m.group(1) else m.start(2)
    return NumberWords(start, m.end(2), 0.5 if m.group(1) else 1)


def _after_a(text: str, pos: int) -> bool:
    return bool(re.search(r"\b[Aa][ \u00a0]$", text[:pos]))


def _number(text: str, words: list[re.Match[str]], value: int) -> NumberWords:
    start, end = words[0].start(), words[-1].end()
    if words[0].group(0).lower() == "hundred":
        start -= 2  # "a hundred"
    last = words[-1].group(0).lower()
    if (last in SCALE_WORDS and len(words) > 1 and text[words[-2].end():words[-1].start()] in (" ", "\u00a0")
            and not any(w.group(0).lower() in SCALE_WORDS for w in words[:-1])):
        # "two hundred thousand": 200, scale thousand ("two million five hundred thousand" stays whole)
        inner = cardinal(("one " if start < words[0].start() else "") + text[words[0].start():words[-2].end()])
        if inner is not None:
            return NumberWords(start, words[-2].end(), inner, last)
    if (half := _HALF.match(text, end)) and last not in SCALE_WORDS:
        return NumberWords(start, half.end(), value + 0.5)  # "one and a half (million)"
    return NumberWords(start, end, value)
