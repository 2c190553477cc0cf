"""fold_same_length folds only the runs beyond ASCII; that gives what translating the whole text with
its one-for-one table gives, for any text (ASCII, letters with accents, letters that fold to two,
wide characters, mixed)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from bilateral.core.folding import _ONE_FOR_ONE, fold_same_length


@given(st.text(alphabet=st.sampled_from("aZ 0.,’“–—éÉŁłßſİıﬁ习近ǅʻΟΔ\u0301\x7f\x80"), max_size=40))
def test_folding_the_runs_beyond_ascii_is_translating_the_whole_text(text: str) -> None:
    assert fold_same_length(text) == text.translate(_ONE_FOR_ONE)


@given(st.text(max_size=40))
def test_the_same_for_any_code_points(text: str) -> None:
    assert fold_same_length(text) == text.translate(_ONE_FOR_ONE)
