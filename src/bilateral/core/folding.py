"""The one way text is folded for comparing, searching and making ids: "Łukasz" is "lukasz".

Built on anyascii, which romanises every letter (ł, ß, đ, ø, ı, Cyrillic, Greek),
where Unicode decomposition only strips accents and drops the rest. Wide
characters (CJK, kana, hangul) are kept as written unless asked for: a
romanisation such as 习近平 -> "XiJinPing" is right for an ASCII id, but as a
search or a name match it would make 西 ("west") match "xi", give Japanese
kanji Chinese readings, and let two names with one pinyin meet.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii


@lru_cache(maxsize=8192)
def _char(ch: str, keep_wide: bool) -> str:
    """One character folded (case kept): ASCII as is, accents stripped, other letters romanised."""
    if ch.isascii():
        return ch
    if ch in "\u02bb\u02bc":
        # the modifier letters ʻ and ʼ of Uzbek, Hawaiian or Tongan names are an apostrophe inside a word
        # ("Gʻulomov" -> "G'ulomov"), as their ASCII spellings write them; anyascii gives a backtick
        return "'"
    if keep_wide and unicodedata.east_asian_width(ch) == "W":
        return ch
    stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if stripped.isascii():
        return stripped  # "é" -> "e", "ﬁ" -> "fi": what decomposition gave before, so ids stay as they were
    return anyascii(ch)


def fold(text: str, *, keep_wide: bool = True) -> str:
    """Lower case, accents stripped, letters romanised ("Tô Lâm" -> "to lam", "Straße" -> "strasse").

    ``keep_wide=False`` romanises CJK too, for what must be ASCII (ids, citation keys).
    """
    if text.isascii():
        return text.lower()
    return "".join(_char(ch, keep_wide) for ch in text).lower()


class _OneForOne(dict[int, str]):
    """A ``str.translate`` table filled on first sight of each code point: its fold when that is one
    character, else the character itself (one lookup in C per character of a text after that)."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = _char(char, True)
        self[code] = out = folded if len(folded) == 1 else char
        return out


_ONE_FOR_ONE = _OneForOne()


def fold_same_length(text: str) -> str:
    """Fold character by character without changing the length or the case, so offsets into the
    folded text are offsets into ``text`` ("Łódź" -> "Lodz"); a character that folds to more or
    fewer than one ("ß" -> "ss") is kept as written."""
    if text.isascii():
        return text
    return _BEYOND_ASCII.sub(_fold_run, text)


#: A run of characters beyond ASCII: only these are translated by fold_same_length (ASCII folds to
#: itself), since ``str.translate`` with a dict looks every character up, and a news text is almost
#: all ASCII, with a few curly quotes and dashes (about three times faster on an article).
_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(match: re.Match[str]) -> str:
    """One run beyond ASCII folded character for character (see _OneForOne)."""
    return match.group().translate(_ONE_FOR_ONE)


#: The letters a case-insensitive pattern (``re.I`` on str) matches for an ASCII letter without being
#: its capital or small form: dotted capital I, dotless i, long s, the Kelvin sign.
_CASE_EQUIVALENTS = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})


def case_key(word: str) -> str:
    """The lower-case key of a word a case-insensitive pattern matched ("April", "APRİL", "auguſt" ->
    "april", "august"): ``str.lower`` alone leaves "İ" and "ſ" as letters no table of English words
    holds, and the lookup failed."""
    if word.isascii():
        return word.lower()
    return word.translate(_CASE_EQUIVALENTS).lower()

