"""Folding shared by the build (what is stored) and queries (what is asked), on core.folding.

FTS5's ``remove_diacritics 2`` folds combining marks but not letters such as
Vietnamese "đ", Polish "ł" or German "ß", which are distinct code points; those
are folded here, by the same core.folding the ids use, so "Da Nang" still finds
"Đà Nẵng" and "Lodz" finds "Łódź". Wide (CJK) characters are searched as written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from bilateral.core.folding import fold

__all__ = ["fold", "fold_letters", "fold_long", "has_unfoldable", "unfoldable_words"]

_WORD = re.compile(r"\w+")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")


def fold_long(text: str) -> str:
    """``fold(text)``, the ASCII runs lower-cased at C speed: a long field text (a figure's reports)
    usually has a few non-ASCII characters ("·", "Tô Lâm") among thousands of ASCII ones."""
    if text.isascii():
        return text.lower()
    return _NON_ASCII.sub(_fold_run, text).lower()


@lru_cache(maxsize=4096)
def _folded_run(run: str) -> str:
    return fold(run)


def _fold_run(match: re.Match[str]) -> str:
    """A non-ASCII run folded, each once (a field text's "·" separators, a leader's name)."""
    return _folded_run(match.group())


@lru_cache(maxsize=8192)
def _unfoldable(ch: str) -> bool:
    """A letter FTS5 does not fold to ASCII (it strips accents only): "đ", "ł", "ß", "ı", Cyrillic."""
    if ch.isascii() or not ch.isalpha() or unicodedata.east_asian_width(ch) == "W":
        return False
    stripped = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    return not stripped.isascii() and fold(ch).isascii()


@lru_cache(maxsize=1)
def _letters() -> re.Pattern[str]:
    """Every such letter below the CJK blocks, as one character class: a C-speed search."""
    return re.compile("[" + "".join(re.escape(chr(c)) for c in range(0x80, 0x3000) if _unfoldable(chr(c))) + "]")


def fold_letters(text: str) -> str:
    """Only the letters FTS5 cannot fold, for queries and the extra index column."""
    if text.isascii():
        return text
    return _letters().sub(lambda m: fold(m.group()), text)


def has_unfoldable(text: str) -> bool:
    """Whether ``text`` has a letter FTS5 would not match from an ASCII spelling (usually not: fast)."""
    return not text.isascii() and _letters().search(text) is not None


def unfoldable_words(text: str) -> str:
    """Words FTS5 would not match from an ASCII spelling, folded; usually the empty string."""
    if not has_unfoldable(text):
        return ""
    return " ".join(dict.fromkeys(fold_letters(w) for w in _WORD.findall(text) if has_unfoldable(w)))
