"""Search as you type: threaded, ranked, highlighted, forgiving about syntax."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from bilateral.gui.item_models import HTML_ROLE, snippet_html
from bilateral.gui.main_window import MainWindow
from bilateral.store.library import SearchResult

pytest_plugins = ["test_gui_fixtures"]
pytestmark = pytest.mark.gui


def _search(qtbot, window: MainWindow, text: str) -> SearchResult:  # type: ignore[no-untyped-def]
    controller = window.search_panel.controller
    with qtbot.waitSignal(controller.result_ready, timeout=5000) as blocker:
        window.search_field.setText(text)
    result = blocker.args[0]
    assert result.query == text
    return result


def _hits(result: SearchResult) -> list[tuple[str, str | None, int, int]]:
    return [(h.kind, h.item_id, h.citation.start, h.citation.end) for h in result.hits]


def test_durian_finds_the_statistic_and_enter_opens_its_passage(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    result = _search(qtbot, window, "durian")
    statistics = [h for h in result.hits if h.kind == "statistic"]
    assert statistics, "no durian statistic in the store"
    assert window.center_stack.currentWidget() is window.search_panel
    top = window.search_panel.model.top_hit()
    assert top is not None
    qtbot.keyClick(window.search_field, Qt.Key.Key_Return)
    assert window.reading.highlighted_text() == top.citation.text
    # Clicking the statistic itself opens its own passage.
    window.search_panel.hit_activated.emit(statistics[0])
    assert window.current is not None and window.current.item_id == statistics[0].item_id
    assert "durian" in window.reading.highlighted_text().lower()


def test_enter_before_the_debounce_still_opens_the_top_hit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    window.search_field.setText("durian")
    with qtbot.waitSignal(window.search_panel.controller.result_ready, timeout=5000):
        qtbot.keyClick(window.search_field, Qt.Key.Key_Return)  # flushes the pending search
    qtbot.waitUntil(lambda: "durian" in window.reading.highlighted_text().lower())


def test_to_lam_with_and_without_diacritics_gives_the_same_hits(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    plain = _search(qtbot, window, "To Lam")
    native = _search(qtbot, window, "Tô Lâm")
    assert plain.hits, "no hits for To Lam"
    assert _hits(plain) == _hits(native)


@pytest.mark.parametrize("query", ["shared future, NEAR(", '"unclosed phrase', "AND", "OR OR", "*", "NOT",
                                   ")(", "trade -", "col:umn", "^", "\x00"])
def test_broken_syntax_gives_results_or_an_empty_list(qtbot, window: MainWindow, query: str) -> None:  # type: ignore[no-untyped-def]
    result = _search(qtbot, window, query)
    assert isinstance(result.hits, list)
    assert window.messages.last_error is None
    assert window.search_panel.status.text()  # says what happened, never a dialog


def test_fts_syntax_phrases_prefix_and_boolean(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    assert _search(qtbot, window, '"shared future"').hits
    assert _search(qtbot, window, "duri*").hits
    both = _search(qtbot, window, "durian AND tons").hits
    assert both and len(both) <= len(_search(qtbot, window, "durian").hits)


def test_snippets_are_escaped_then_highlighted() -> None:
    assert snippet_html("<b>x</b> \x02durian\x03 & co") == "&lt;b&gt;x&lt;/b&gt; <b>durian</b> &amp; co"


def test_results_grouped_by_kind_with_counts_and_kind_filter(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    result = _search(qtbot, window, "Vietnam")
    model = window.search_panel.model
    groups = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert len(groups) > 1 and all("(" in g for g in groups)
    first_hit = model.index(0, 0, model.index(0, 0))
    assert "<b>" in first_hit.data(HTML_ROLE)
    panel = window.search_panel
    with qtbot.waitSignal(panel.controller.result_ready, timeout=5000) as blocker:
        panel.kind_buttons["statistic"].click()
    filtered = blocker.args[0]
    assert filtered.hits and {h.kind for h in filtered.hits} == {"statistic"}
    assert filtered.counts == result.counts  # counts are before the kinds filter
    assert panel.kind_buttons["statistic"].text().endswith(str(result.counts["statistic"]))


def test_source_filter_and_useful_empty_state(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    _search(qtbot, window, "durian")
    with qtbot.waitSignal(panel.controller.result_ready, timeout=5000):
        panel.kind_buttons["quote"].click()
    if panel.model.hit_count() == 0:
        assert panel.stack.currentWidget() is panel.empty
        assert "No quotes match “durian”" in panel.empty.text() and "search all kinds" in panel.empty.text()
        with qtbot.waitSignal(panel.controller.result_ready, timeout=5000):
            panel.empty.linkActivated.emit("all")
        assert panel.model.hit_count() > 0
    with qtbot.waitSignal(panel.controller.result_ready, timeout=5000) as blocker:
        panel.source_box.setCurrentIndex(1)
    assert all(h.source == panel.source_box.itemData(1) for h in blocker.args[0].hits)


def test_stale_results_are_dropped(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    controller = window.search_panel.controller
    seen: list[str] = []
    controller.result_ready.connect(lambda r: seen.append(r.query))
    for text in ("v", "vi", "vie", "viet", "vietnam"):
        controller.search(text)
        controller.flush()  # each request really reaches the worker
    qtbot.waitUntil(lambda: not controller.busy, timeout=5000)
    assert seen == ["vietnam"]


def test_escape_clears_search_and_returns_to_the_table(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _search(qtbot, window, "durian")
    window.search_field.setFocus()
    window.activateWindow()
    qtbot.waitUntil(window.search_field.hasFocus)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.center_stack.currentWidget() is window.category_page
