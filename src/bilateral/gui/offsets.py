"""Source offsets ↔ reading-pane positions, exact for every text a user has. No Qt here.

A source is stored verbatim and cited in Python code points; Qt's document
counts UTF-16 units and rewrites some characters when text is inserted. To
keep the two in step, we never let Qt decide: ``OffsetMap`` builds the text
the document gets (``Run.display``) and knows, piece by piece, how many
document positions each stretch of the source takes:

=====================  ===========  ==========  ==========================
source                 code points  positions   why
=====================  ===========  ==========  ==========================
ordinary text, ``\\n``   n            n           one unit per character
``\\r\\n`` (Windows)     2            1           one paragraph break
lone ``\\r`` (old Mac)   1            1           shown as ``\\n``
astral (emoji, CJK B)  1            2           a UTF-16 surrogate pair
U+FEFF (BOM)           1            0           Qt drops it on insert
lone surrogate         1            1           shown as U+FFFD
hidden boilerplate     n            0           not in the document
=====================  ===========  ==========  ==========================

Combining marks and tabs are ordinary characters. A position inside an
indivisible unit (between ``\\r`` and ``\\n``, inside a surrogate pair)
rounds outward for a selection: its start to the unit's start, its end to
the unit's end, so a copied selection never splits a character.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

# Anything that does not take exactly one position per code point, or that Qt would rewrite.
_IRREGULAR = re.compile(
    "(?P<crlf>(?:\r\n)+)|(?P<cr>(?:\r(?!\n))+)|(?P<astral>[\U00010000-\U0010ffff]+)"
    "|(?P<bom>\ufeff+)|(?P<lone>[\ud800-\udfff]+)"
)
# (code points, positions) per unit of each kind of piece.
_RATIO = {"text": (1, 1), "crlf": (2, 1), "cr": (1, 1), "astral": (1, 2), "bom": (1, 0), "lone": (1, 1),
          "hidden": (1, 0)}


_WIDE_OR_LONE = re.compile("[\ud800-\udfff\U00010000-\U0010ffff]")


def _is_regular(text: str) -> bool:
    """No character that maps other than one to one (cheap checks first: a 5 MB article is common)."""
    if "\r" in text or "\ufeff" in text:
        return False
    return text.isascii() or max(text) < "\ud800" or _WIDE_OR_LONE.search(text) is None


def utf16_length(text: str) -> int:
    """Length in UTF-16 code units, which is how Qt counts positions."""
    return len(text) + sum(1 for c in text if ord(c) > 0xFFFF)


@dataclass(frozen=True, slots=True)
class _Piece:
    src: int
    doc: int
    src_len: int
    doc_len: int
    kind: str


@dataclass(frozen=True, slots=True)
class Run:
    """A visible stretch of the source between two cuts, and the text the document shows for it."""

    src: int
    src_end: int
    doc: int
    display: str


def _display(kind: str, text: str) -> str:
    if kind == "crlf":
        return "\n" * (len(text) // 2)
    if kind == "cr":
        return "\n" * len(text)
    if kind == "lone":
        return "\ufffd" * len(text)
    if kind == "bom":
        return ""
    return text


class OffsetMap:
    """The mapping for one source shown with some stretches hidden.

    ``visible`` lists the (start, end) source ranges shown; everything else is
    hidden. ``cuts`` are further source offsets where a run must end (the
    reading pane formats boilerplate differently from prose).
    """

    def __init__(self, text: str, visible: Sequence[tuple[int, int]], cuts: Iterable[int] = ()) -> None:
        self.text = text
        # Most articles have no CR, BOM or astral character: then a visible run is one piece.
        self._regular = _is_regular(text)
        self._pieces: list[_Piece] = []
        self.runs: list[Run] = []
        edges = sorted({x for x in cuts if 0 < x < len(text)})
        doc = 0
        position = 0
        for start, end in sorted(visible):
            start, end = max(start, position), min(end, len(text))
            if end <= start:
                continue
            if start > position:
                self._add(position, start - position, doc, 0, "hidden")
            low = bisect.bisect_right(edges, start)
            high = bisect.bisect_left(edges, end)
            bounds = [start, *edges[low:high], end]
            for a, b in itertools.pairwise(bounds):
                doc = self._visible(a, b, doc)
            position = end
        if position < len(text):
            self._add(position, len(text) - position, doc, 0, "hidden")
        self.length = doc
        self._src_starts = [p.src for p in self._pieces]
        self._doc_starts = [p.doc for p in self._pieces]

    def _add(self, src: int, src_len: int, doc: int, doc_len: int, kind: str) -> None:
        self._pieces.append(_Piece(src, doc, src_len, doc_len, kind))

    def _visible(self, a: int, b: int, doc: int) -> int:
        """Map source[a:b] piece by piece; return the next document position."""
        if self._regular:
            self._pieces.append(_Piece(a, doc, b - a, b - a, "text"))
            self.runs.append(Run(a, b, doc, self.text[a:b]))
            return doc + b - a
        run_doc = doc
        shown: list[str] = []
        position = a
        for match in _IRREGULAR.finditer(self.text, a, b):
            if match.start() > position:
                length = match.start() - position
                self._add(position, length, doc, length, "text")
                shown.append(self.text[position:match.start()])
                doc += length
            kind = match.lastgroup or "text"
            chunk = match.group()
            per_src, per_doc = _RATIO[kind]
            doc_len = len(chunk) // per_src * per_doc
            self._add(match.start(), len(chunk), doc, doc_len, kind)
            shown.append(_display(kind, chunk))
            doc += doc_len
            position = match.end()
        if b > position:
            self._add(position, b - position, doc, b - position, "text")
            shown.append(self.text[position:b])
            doc += b - position
        self.runs.append(Run(a, b, run_doc, "".join(shown)))
        return doc

    @property
    def display(self) -> str:
        """Everything the document holds, in order (tests compare it with the document)."""
        return "".join(run.display for run in self.runs)

    def to_doc(self, offset: int, *, is_end: bool = False) -> int:
        """A source offset's document position; hidden text maps to where it would be."""
        if not self._pieces or offset <= 0:
            return 0
        if offset >= len(self.text):
            return self.length
        piece = self._pieces[bisect.bisect_right(self._src_starts, offset) - 1]
        per_src, per_doc = _RATIO[piece.kind]
        units, rest = divmod(offset - piece.src, per_src)
        if rest and is_end:
            units += 1
        return piece.doc + units * per_doc

    def to_src(self, position: int, *, is_end: bool = False) -> int:
        """A document position's source offset. Where hidden text sits at the position, a
        selection's start skips past it and its end stops before it."""
        if not self._pieces or (position <= 0 and not is_end):
            return self._first_shown() if self._pieces else 0
        if position >= self.length and is_end:
            return self._last_shown_end()
        if is_end:
            i = bisect.bisect_left(self._doc_starts, position) - 1
            while i > 0 and self._pieces[i].doc_len == 0:
                i -= 1
        else:
            i = bisect.bisect_right(self._doc_starts, position) - 1
            while i + 1 < len(self._pieces) and self._pieces[i].doc_len == 0:
                i += 1
        piece = self._pieces[max(i, 0)]
        if piece.doc_len == 0:
            return piece.src if is_end else piece.src + piece.src_len
        per_src, per_doc = _RATIO[piece.kind]
        units, rest = divmod(min(max(position - piece.doc, 0), piece.doc_len), per_doc)
        if rest and is_end:
            units += 1
        return piece.src + units * per_src

    def _first_shown(self) -> int:
        for piece in self._pieces:
            if piece.doc_len:
                return piece.src
        return 0

    def _last_shown_end(self) -> int:
        for piece in reversed(self._pieces):
            if piece.doc_len:
                return piece.src + piece.src_len
        return 0

    def span_to_doc(self, start: int, end: int) -> tuple[int, int]:
        """A citation's document span: every position of its characters, none of its neighbours'."""
        return self.to_doc(start), self.to_doc(end, is_end=True)

    def span_to_src(self, start: int, end: int) -> tuple[int, int]:
        """A selection's source span (start skips hidden text, end stops before it)."""
        return self.to_src(start), self.to_src(end, is_end=True)
