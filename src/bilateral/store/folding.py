"""Case- and diacritic-folding shared by the build (what is stored) and queries (what is asked).

FTS5's ``remove_diacritics 2`` folds combining marks but not letters such
as Vietnamese "đ", which are distinct code points; those are folded here so
"Da Nang" still finds "Đà Nẵng".
"""

from __future__ import annotations

import re
import unicodedata

# Letters that do not decompose into base + combining mark.
_LETTERS = str.maketrans({"đ": "d", "Đ": "D", "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "ß": "ss", "æ": "ae", "Æ": "AE"})
_UNFOLDED_WORD = re.compile(r"\w*[đĐøØłŁßæÆ]\w*")


def fold(text: str) -> str:
    """Lower-case ASCII-ish form for substring filters: "Tô Lâm" -> "to lam"."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_LETTERS))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold_letters(text: str) -> str:
    """Only the letters FTS5 cannot fold, for queries and the extra index column."""
    return text.translate(_LETTERS)


def unfoldable_words(text: str) -> str:
    """Words FTS5 would not match from an ASCII spelling, folded; usually the empty string."""
    return " ".join(dict.fromkeys(fold_letters(w) for w in _UNFOLDED_WORD.findall(text)))
