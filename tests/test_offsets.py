"""Source offsets ↔ reading-pane positions for every text shape a user's files have.

The map is Qt-free; the last tests put its runs into a real QTextDocument
and check Qt holds exactly what the map says it does.
"""

from __future__ import annotations

import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bilateral.gui.offsets import OffsetMap, utf16_length

SHAPES = {
    "crlf": "Hanoi, April 14 –\r\nTrade grew.\r\n\r\nVietnam remains China’s largest trading partner in ASEAN.\r\n",
    "cr": "Title\rFirst line.\r\rSecond paragraph here.\r",
    "bom": "\ufeffHeadline\n\nBody text with a figure of $260 billion.\n",
    "emoji": "Leaders met 🤝 in Hanoi 🇻🇳🇨🇳 and signed 𠀋 documents.\n",
    "combining": "To\u0302 La\u0302m met Xi; Nguye\u0302\u0303n spoke.\n",
    "tabs": "Col\tvalue\n\tindented line\n",
    "nbsp": "Central Committee\xa0and president, paid\xa0a visit\u2009on\u00a012\xa0December.\n",
    "mixed": "\ufeffA\r\nB\rC\n😀\r\nD\u0301\t\ud800E",
}


def _document_text(shape: OffsetMap) -> str:
    """What QTextDocument.toRawText() should hold: paragraph separators for line breaks."""
    return shape.display.replace("\n", "\u2029")


@pytest.mark.parametrize("name", list(SHAPES))
def test_every_span_round_trips(name: str) -> None:
    text = SHAPES[name]
    m = OffsetMap(text, [(0, len(text))])
    assert m.length == utf16_length(m.display)
    for start in range(len(text)):
        for end in range(start + 1, len(text) + 1):
            a, b = m.span_to_doc(start, end)
            if a == b:
                assert set(text[start:end]) <= {"\ufeff"}  # only an invisible character has no extent
                continue
            back = m.span_to_src(a, b)
            if _splits_unit(text, start) or _splits_unit(text, end):
                # Rounding only widens a span to whole characters, never shifts it.
                first_shown = start + len(text[start:end]) - len(text[start:end].lstrip("\ufeff"))
                assert back[0] <= first_shown and back[1] >= end, (start, end, back)
            else:
                # Exact, up to the invisible BOM, which a selection cannot start on.
                assert text[back[0]:back[1]].lstrip("\ufeff") == text[start:end].lstrip("\ufeff"), (start, end, back)


def _splits_unit(text: str, offset: int) -> bool:
    return 0 < offset < len(text) and text[offset - 1] == "\r" and text[offset] == "\n"


def test_crlf_counts_one_position_per_line_break() -> None:
    text = SHAPES["crlf"]
    m = OffsetMap(text, [(0, len(text))])
    phrase = "Vietnam remains China’s largest trading partner in ASEAN"
    start = text.index(phrase)
    a, b = m.span_to_doc(start, start + len(phrase))
    assert m.display[a:b] == phrase
    assert m.span_to_src(a, b) == (start, start + len(phrase))


def test_bom_takes_no_position_and_a_selection_from_the_top_skips_it() -> None:
    text = SHAPES["bom"]
    m = OffsetMap(text, [(0, len(text))])
    assert not m.display.startswith("\ufeff")
    assert m.span_to_src(0, 8) == (1, 9) and text[1:9] == "Headline"


def test_astral_characters_take_two_positions() -> None:
    text = SHAPES["emoji"]
    m = OffsetMap(text, [(0, len(text))])
    start = text.index("Hanoi")
    a, _b = m.span_to_doc(start, start + 5)
    assert a == start + 1  # one emoji before it: two units
    # A position between the halves of a surrogate pair widens to the whole character.
    emoji = text.index("🤝")
    assert m.span_to_src(emoji + 1, emoji + 2) == (emoji, emoji + 1)


def test_hidden_stretches_are_skipped_by_a_selection_across_them() -> None:
    text = "Keep this.\nAdvertisement\nAnd this.\n"
    hidden_start, hidden_end = text.index("Advertisement"), text.index("And")
    m = OffsetMap(text, [(0, hidden_start), (hidden_end, len(text))])
    assert m.display == "Keep this.\nAnd this.\n"
    seam = m.to_doc(hidden_start)
    assert m.to_src(seam) == hidden_end  # a selection starting at the seam starts after the hidden text
    assert m.to_src(seam, is_end=True) == hidden_start  # and one ending there ends before it


def test_runs_end_at_every_cut() -> None:
    text = "aaa\r\nbbb\r\nccc"
    m = OffsetMap(text, [(0, len(text))], cuts=[5, 10])
    assert [(r.src, r.src_end) for r in m.runs] == [(0, 5), (5, 10), (10, 13)]
    assert "".join(r.display for r in m.runs) == "aaa\nbbb\nccc"


_TEXT = st.lists(
    st.sampled_from([*"ab \t\n\r", "\r\n", "\ufeff", "😀", "\u0301", "đ", "𠀋", "\u2028", "\ud800"]),
    max_size=30,
).map("".join)


def _positions(text: str, a: int, b: int) -> str:
    """``text`` between two document positions (UTF-16 units), as Qt would slice it."""
    return text.encode("utf-16-le", "surrogatepass")[2 * a:2 * b].decode("utf-16-le", "surrogatepass")


def _normalised(text: str) -> str:
    return (text.replace("\r\n", "\n").replace("\r", "\n").replace("\ufeff", "")
            .replace("\ud800", "\ufffd"))


@settings(max_examples=400, deadline=None)
@given(text=_TEXT, data=st.data())
def test_any_text_any_visible_ranges_round_trip(text: str, data: st.DataObject) -> None:
    cuts = sorted(data.draw(st.sets(st.integers(0, len(text)), max_size=4)))
    bounds = [0, *cuts, len(text)]
    visible = [(a, b) for n, (a, b) in enumerate(itertools.pairwise(bounds)) if n % 2 == 0 and b > a]
    m = OffsetMap(text, visible, cuts)
    assert m.length == utf16_length(m.display)
    assert m.display == "".join(_normalised(text[a:b]) for a, b in visible) or any(
        _splits_unit(text, x) for x in cuts)
    for start, end in visible:
        if _splits_unit(text, start) or _splits_unit(text, end):
            continue
        a, b = m.span_to_doc(start, end)
        # The document shows exactly the range's own characters ...
        assert _positions(m.display, a, b) == _normalised(text[start:end])
        if a < b:
            # ... and selecting them gives the range back (a selection cannot start or end on a BOM).
            back = m.span_to_src(a, b)
            assert text[back[0]:back[1]].strip("\ufeff") == text[start:end].strip("\ufeff")


@pytest.mark.gui
@pytest.mark.parametrize("name", list(SHAPES))
def test_qt_document_holds_exactly_what_the_map_says(qapp, name: str) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtGui import QTextCursor, QTextDocument

    text = SHAPES[name]
    m = OffsetMap(text, [(0, len(text))])
    document = QTextDocument()
    cursor = QTextCursor(document)
    for run in m.runs:
        cursor.insertText(run.display)
    assert document.characterCount() - 1 == m.length
    raw = document.toRawText()
    assert raw == _document_text(m)
