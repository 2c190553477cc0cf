"""One folding (core/folding.py) for ids, name matching, citation keys and search."""

from __future__ import annotations

from pathlib import Path

import pytest

from bilateral.core import cite
from bilateral.core.cite import names
from bilateral.core.folding import fold, fold_same_length
from bilateral.core.ids import person_id, slugify
from bilateral.core.merging import fold_name
from bilateral.core.model import Source
from bilateral.ingest.text import Document
from bilateral.store import folding as store_folding
from bilateral.store.build import build
from bilateral.store.library import Library


@pytest.mark.parametrize(("name", "expected"), [
    ("Łukasz Kowalczyk", "person:lukasz-kowalczyk"),
    ("Đặng Thị Ngọc Thịnh", "person:dang-thi-ngoc-thinh"),
    ("Claudia Straßburger", "person:claudia-strassburger"),
    ("Ayşe Yılmaz", "person:ayse-yilmaz"),
    ("İlhan Kıral", "person:ilhan-kiral"),
    ("Søren Ærø", "person:soren-aero"),
    ("Tô Lâm", "person:to-lam"),
    ("Ana María O'Neill", "person:ana-maria-o-neill"),
])
def test_person_ids_romanise_letters_that_do_not_decompose(name: str, expected: str) -> None:
    assert person_id(name) == expected


def test_ids_that_were_already_stored_keep_their_spelling() -> None:
    # Non-letter marks are dropped, as before anyascii: "China’s" stays "chinas", "a—b" stays "ab".
    assert slugify("China’s rank") == "chinas-rank"
    assert slugify("a—b") == "ab"
    assert slugify("Nguyễn Phú Trọng") == "nguyen-phu-trong"


def test_cjk_names_get_a_readable_id_instead_of_x() -> None:
    assert person_id("习近平") == "person:xijinping"
    assert person_id("习近平") != person_id("东京")


def test_fold_romanises_and_lowercases_but_keeps_cjk_for_comparison() -> None:
    assert fold("Łódź Straße") == "lodz strasse"
    assert fold("Đà Nẵng") == "da nang"
    assert fold("Москва") == "moskva"
    assert fold("O’Brien") == fold("O'Brien")
    assert fold("习近平") == "习近平"  # a name match in CJK stays exact: no pinyin collisions
    assert fold("习近平", keep_wide=False) == "xijinping"


def test_fold_same_length_keeps_offsets_and_case() -> None:
    text = "Minister Łukasz Kowalczyk met Tô Lâm in Đà Nẵng; Straße 习近平"
    folded = fold_same_length(text)
    assert len(folded) == len(text)
    assert folded.startswith("Minister Lukasz Kowalczyk met To Lam in Da Nang;")
    assert "ß" in folded and "习近平" in folded  # more than one letter would move every offset after it


@pytest.mark.parametrize("text", ["Łukasz Kowalczyk", "Đặng Thị Thịnh", "Ayşe Yılmaz", "Claudia Straßburger",
                                  "Tô Lâm", "Søren Ærø", "İlhan Kıral"])
def test_every_place_folds_the_same_way(text: str) -> None:
    key = fold(text)
    assert fold_name(text) == " ".join(key.split())  # merging
    assert store_folding.fold(text) == key  # search filters, sort labels, the reading pane's find
    assert names._fold(text) == key  # citation name rules
    assert cite._ascii_words(text) == key.split()  # citation keys
    assert slugify(text) == "-".join(key.split())  # ids


def _library(tmp_path: Path, text: str) -> Library:
    source = Source(id="s1", text=text, title="Folding test", published="2024-01-01")
    path = build([source], list(Document(source).passages), [], tmp_path / "f.sqlite").path
    return Library.open(path)


@pytest.mark.parametrize(("query", "hits"), [
    ("Lodz", 1), ("Łódź", 1), ("Strasse", 1), ("Straße", 1), ("Yilmaz", 1), ("Yılmaz", 1),
    ("Da Nang", 1), ("Đà Nẵng", 1), ("To Lam", 1), ("Moskva", 1), ("Москва", 1), ("习近平", 1),
])
def test_search_finds_romanised_spellings_both_ways(tmp_path: Path, query: str, hits: int) -> None:
    text = ("Ayşe Yılmaz flew from Łódź to Đà Nẵng to meet Tô Lâm.\n\n"
            "The office on Königsallee moved to a Straße in Berlin.\n\n"
            "Москва hosted the talks.\n\n习近平 spoke at the forum.")
    lib = _library(tmp_path, text)
    try:
        assert lib.search(query).counts["passage"] == hits
    finally:
        lib.close()


def test_search_does_not_romanise_cjk(tmp_path: Path) -> None:
    # 习近平 as "xijinping", or 西 ("west") as "xi", would be hits for the wrong words.
    lib = _library(tmp_path, "西部 cooperation grew.\n\n习近平 spoke at the forum.")
    try:
        assert lib.search("xi").counts["passage"] == 0
        assert lib.search("xijinping").counts["passage"] == 0
        assert lib.search("习近平").counts["passage"] == 1
    finally:
        lib.close()


@pytest.mark.parametrize("text", ["", "plain ASCII Words", "Tô Lâm · Xi Jinping · Łódź · Straße", "习近平 Ａｂｃ ǅemal",
                                  "ΟΔΟΣ İstanbul ﬁne", "a" * 5000 + " Đà Nẵng " + "B" * 5000])
def test_fold_long_is_fold(text: str) -> None:
    assert store_folding.fold_long(text) == fold(text)


def test_the_apostrophe_letters_of_uzbek_names_fold_to_an_apostrophe_everywhere() -> None:
    from bilateral.core.folding import fold, fold_same_length

    assert fold("Gʻulomov") == "g'ulomov"
    assert fold_same_length("Toʻrayev") == "To'rayev"
