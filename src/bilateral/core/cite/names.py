"""Split an author string into CSL names: family and given where they can be told apart.

Rules (general, data in ``data/lexicon/``):

- An organisation stays whole, as a CSL ``literal``: a one-word author
  ("Xinhua"), a string with an all-capital acronym word ("CGTN Staff"), or one
  with a word from ``author_words.json`` ("Reuters", "Foreign Ministry").
- Chinese and Vietnamese names are written family first: when the first word
  is a family name listed in ``family_names.json`` and every other word is a
  possible pinyin / Vietnamese syllable, the first word is the family name
  ("Xin Ge" -> family Xin, given Ge; "Nguyễn Văn An" -> family Nguyễn).
- Otherwise (Western order) the last word is the family name, with the
  particles before it ("Ursula von der Leyen" -> family "von der Leyen") and
  without a trailing suffix ("Jr.", "III"), which goes to ``suffix``.
- "Family, Given" (inverted, one comma) is taken as written.

Several authors are separated by " and ", " & ", ";" or by commas between
full names.
"""

from __future__ import annotations

import json
import re
from functools import cache
from typing import Any

from bilateral.core.folding import fold
from bilateral.core.paths import data_dir

CSLName = dict[str, Any]


@cache
def _lexicon() -> dict[str, Any]:
    folder = data_dir() / "lexicon"
    families = json.loads((folder / "family_names.json").read_text(encoding="utf-8"))
    words = json.loads((folder / "author_words.json").read_text(encoding="utf-8"))
    return {
        "chinese": {_fold(n) for n in families["chinese"]},
        "vietnamese": {_fold(n) for n in families["vietnamese"]},
        "org_words": {_fold(w) for w in words["words"]},
        "particles": {w.lower() for w in words["name_particles"]},
        "suffixes": {w.lower().rstrip(".") for w in words["name_suffixes"]},
    }


def _fold(word: str) -> str:
    """Lower case without diacritics (đ -> d), for matching only."""
    return fold(word)


# Pinyin: an optional initial and a final; a zero-initial syllable only from the
# finals that stand alone ("an", "er", "ou"); "o" only after b p m f w y.
_PINYIN_INITIALS = "zh|ch|sh|b|p|m|f|d|t|n|l|g|k|h|j|q|x|r|z|c|s|y|w"
_PINYIN_FINALS = (
    "iang|iong|uang|ang|eng|ing|ong|uai|uan|ian|iao|ai|ei|ao|ou|an|en|in|un|ia|ie|iu|"
    "ua|uo|ui|ue|ve|er|a|o|e|i|u|v"
)
_PINYIN_SYLLABLE = re.compile(rf"(?:{_PINYIN_INITIALS})(?:{_PINYIN_FINALS})|a|o|e|ai|ei|ao|ou|an|en|ang|eng|er")
_VIET_SYLLABLE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x)?"
    r"[aeiouy]{1,3}(?:ch|ng|nh|c|m|n|p|t)?"
)


def _is_pinyin(word: str) -> bool:
    """True when ``word`` reads as one or more pinyin syllables ("Ge", "Jinping", "Xi'an")."""
    word = _fold(word).replace("'", "").replace("-", "")

    @cache
    def split(rest: str) -> bool:
        if not rest:
            return True
        for end in range(len(rest), 0, -1):
            head = rest[:end]
            if _PINYIN_SYLLABLE.fullmatch(head) and not _bad_o(head) and split(rest[end:]):
                return True
        return False

    return bool(word) and word.isalpha() and split(word)


def _bad_o(syllable: str) -> bool:
    return syllable.endswith("o") and not syllable.endswith(("ao", "uo")) and syllable[:-1] not in (
        "b", "p", "m", "f", "w", "y", "")


def _is_vietnamese(word: str) -> bool:
    return all(_VIET_SYLLABLE.fullmatch(part) for part in _fold(word).split("-")) if word else False


def _family_first(words: list[str]) -> bool:
    if len(words) < 2:
        return False
    lex = _lexicon()
    first, rest = _fold(words[0]), words[1:]
    if first in lex["chinese"] and all(_is_pinyin(w) for w in rest):
        return True
    return first in lex["vietnamese"] and all(_is_vietnamese(w) for w in rest)


def is_organisation(name: str) -> bool:
    words = name.split()
    if len(words) < 2:
        return True
    lex = _lexicon()
    for word in words:
        bare = word.strip(".,'’()")
        if len(bare) >= 2 and bare.isupper() and bare.isalpha():
            return True  # an acronym: CGTN Staff, BBC News
        if _fold(bare) in lex["org_words"]:
            return True
    return False


def split_name(name: str) -> CSLName:
    """One person or organisation as a CSL name; ``family_first`` marks the East Asian order."""
    name = " ".join(name.split()).strip(" ,;")
    if is_organisation(name):
        return {"literal": name}
    if name.count(",") == 1:
        family, given = (p.strip() for p in name.split(","))
        if given.rstrip(".").lower() in _lexicon()["suffixes"]:
            name = f"{family} {given}"
        elif family and given:
            return {"family": family, "given": given}
    words = name.split()
    if _family_first(words):
        return {"family": words[0], "given": " ".join(words[1:]), "family_first": True}
    lex = _lexicon()
    suffix = None
    if len(words) > 2 and words[-1].rstrip(".").lower() in lex["suffixes"]:
        suffix = words.pop().rstrip(",")
        words[-1] = words[-1].rstrip(",")
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in lex["particles"]:
        start -= 1
    csl: CSLName = {"family": " ".join(words[start:]), "given": " ".join(words[:start])}
    if suffix:
        csl["suffix"] = suffix
    return csl


_SEPARATORS = re.compile(r"\s+(?:and|&)\s+|\s*;\s*")


def split_authors(author: str | None) -> list[CSLName]:
    """Every author in a byline string, in order."""
    if not author or not author.strip():
        return []
    parts = [p for p in _SEPARATORS.split(author.strip()) if p.strip()]
    names: list[str] = []
    for part in parts:
        pieces = [p.strip() for p in part.split(",") if p.strip()]
        # "Smith, John" is one inverted name; "Xin Ge, John Smith" is two.
        if len(pieces) > 1 and all(len(p.split()) > 1 for p in pieces):
            names.extend(pieces)
        else:
            names.append(part)
    return [split_name(n) for n in names]
