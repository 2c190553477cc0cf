"""Cheap tests that rule a sentence out before a dear regex scan.

Most patterns of the extractors match in few sentences, and a full scan costs the same whether it
finds anything or not. A pattern that cannot match without one of a few words (or, for a year, some
digits) is scanned only where they occur: a substring test of the lower-cased sentence, a regex only
where that test would not be exact (non-ASCII text, whose case folding ``re.I`` does its own way).
A test only skips sentences the pattern could not match, so what is found never changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field


def ascii_lower(text: str) -> str | None:
    """``text.lower()`` for an ASCII text (where an ASCII word is in it case-insensitively exactly when it
    is in this), else None."""
    return text.lower() if text.isascii() else None


@dataclass(frozen=True, eq=False)  # hashed by identity: a cheap key for a per-sentence cache of results
class Needs:
    """What a pattern cannot match without: one of ``words`` (in any case when ``any_case``, for a pattern
    compiled with ``re.I``), or, when ``regex`` is given instead, a match of it."""

    words: tuple[str, ...] = ()
    any_case: bool = True
    regex: str | None = None
    pattern: re.Pattern[str] = field(init=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.any_case:
            object.__setattr__(self, "words", tuple(w.lower() for w in self.words))
        source = self.regex if self.regex is not None else "|".join(re.escape(w) for w in self.words)
        object.__setattr__(self, "pattern", re.compile(source, re.I if self.any_case else 0))

    def met(self, text: str, lower: str | None) -> bool:
        """Is it in ``text``? ``lower`` is ``ascii_lower(text)`` (unused when not ``any_case``). Called for
        every sentence and pattern: a plain loop, no generator."""
        if self.regex is None:
            within = text if not self.any_case else lower
            if within is not None:
                for word in self.words:  # noqa: SIM110 (any() over a generator is twice as slow here)
                    if word in within:
                        return True
                return False
        return self.pattern.search(text) is not None
