"""Search as you type: threaded, ranked, highlighted, forgiving about syntax."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from bilateral.gui.item_models import HTML_ROLE, snippet_html
from bilateral.gui.main_window import MainWindow
from bilateral.store.library import Library, SearchHit, SearchResult

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
    source_id = window.library.source_ids()[0]
    with qtbot.waitSignal(panel.controller.result_ready, timeout=5000) as blocker:
        window.set_source_filter(source_id)  # as the row menu's "Only items from this passage's source" does
    assert panel.source_chip.isVisible()
    assert all(h.source == source_id for h in blocker.args[0].hits)
    with qtbot.waitSignal(panel.controller.result_ready, timeout=5000):
        panel.source_chip.click()  # the chip clears it, in the search and in the tables
    assert window.source_filter is None and not window.source_chip.isVisible()


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


# -- the keyboard, with real key presses on whatever has focus ------------------------------

def _focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has focus"
    return widget


def _type(qtbot, window: MainWindow, text: str) -> SearchResult:  # type: ignore[no-untyped-def]
    """Focus the search field as Ctrl+K does and type ``text`` key by key; the newest result."""
    window.activateWindow()
    window.focus_search()
    qtbot.waitUntil(window.search_field.hasFocus)
    field = window.findChild(QWidget, "globalSearch")
    assert field is window.search_field and _focused() is field
    with qtbot.waitSignal(window.search_panel.controller.result_ready, timeout=5000) as blocker:
        QTest.keyClicks(_focused(), text)
    qtbot.waitUntil(lambda: not window.search_panel.controller.busy, timeout=5000)
    result = window.search_panel.model.result
    assert result is not None and result.query == text, blocker.args
    return result


def _highlighted(window: MainWindow) -> SearchHit | None:
    view = window.search_panel.view
    assert view.selectionModel().isSelected(view.currentIndex())  # the current row is the one shown highlighted
    return window.search_panel.model.hit(view.currentIndex())


def _display_order(window: MainWindow) -> list[SearchHit | None]:
    """Every hit row top to bottom, as the tree shows them (group rows left out)."""
    model = window.search_panel.model
    return [model.hit(model.index(r, 0, model.index(g, 0)))
            for g in range(model.rowCount()) for r in range(model.rowCount(model.index(g, 0)))]


def _person_id(library: Library, name: str) -> str:
    return next(p.id for p in library.items("person") if p.fields["name"] == name)


def _assert_opened(window: MainWindow, hit: SearchHit) -> None:
    assert window.current is not None
    assert window.current.item_id == hit.item_id
    assert (window.current.source_id, window.current.start, window.current.end) == (
        hit.citation.source, hit.citation.start, hit.citation.end)
    assert window.reading.highlighted_text() == hit.citation.text
    if hit.item_id is not None:
        assert window.detail.toPlainText().find(hit.label[:30]) >= 0


def test_a_name_query_shows_and_opens_the_person_first(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    result = _type(qtbot, window, "Xi Jinping")
    person = _person_id(library, "Xi Jinping")
    assert result.hits[0].item_id == person
    top = _highlighted(window)
    assert top is not None and top.item_id == person
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    _assert_opened(window, top)


def test_the_first_row_shown_is_the_top_hit_and_enter_opens_it(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    result = _type(qtbot, window, '"shared future"')
    model = window.search_panel.model
    assert model.hit(model.first_hit_index()) == result.hits[0] == model.top_hit()
    assert _highlighted(window) == result.hits[0]
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    _assert_opened(window, result.hits[0])


def test_arrow_keys_skip_group_rows_and_enter_opens_the_highlighted_row(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, window, "Vietnam")
    panel = window.search_panel
    model, view = panel.model, panel.view
    assert model.rowCount() > 2, "needs several groups"
    order = _display_order(window)
    QTest.keyClick(_focused(), Qt.Key.Key_Down)  # from the field into the list: the next hit
    assert _focused() is view
    seen = [_highlighted(window)]
    for _ in range(len(order) + 2):  # past the end: stays on the last hit
        QTest.keyClick(_focused(), Qt.Key.Key_Down)
        seen.append(_highlighted(window))
    assert None not in seen  # never a group row
    assert list(dict.fromkeys(seen)) == order[1:]
    for key, expected in ((Qt.Key.Key_Home, order[0]), (Qt.Key.Key_End, order[-1]), (Qt.Key.Key_PageUp, None),
                          (Qt.Key.Key_PageDown, None)):
        QTest.keyClick(_focused(), key)
        hit = _highlighted(window)
        assert hit is not None and (expected is None or hit == expected)
    QTest.keyClick(_focused(), Qt.Key.Key_Home)
    first_of_second_group = len(model._groups[0][1])
    for _ in range(first_of_second_group):
        QTest.keyClick(_focused(), Qt.Key.Key_Down)
    crossed = _highlighted(window)
    assert crossed == order[first_of_second_group]  # one key press crossed the group row
    QTest.keyClick(_focused(), Qt.Key.Key_Up)
    assert _highlighted(window) == order[first_of_second_group - 1]
    QTest.keyClick(_focused(), Qt.Key.Key_Down)
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    _assert_opened(window, crossed)  # type: ignore[arg-type]


def test_enter_in_the_field_opens_the_row_moved_to(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, window, "Xi Jinping")
    QTest.keyClick(_focused(), Qt.Key.Key_Down)
    QTest.keyClick(_focused(), Qt.Key.Key_Down)
    chosen = _highlighted(window)
    assert chosen is not None and chosen == _display_order(window)[2]
    window.focus_search()  # Ctrl+K back to the field; the highlight stays
    qtbot.waitUntil(window.search_field.hasFocus)
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    _assert_opened(window, chosen)  # type: ignore[arg-type]


@pytest.mark.parametrize("where", ["field", "results"])
def test_escape_closes_the_results(qtbot, window: MainWindow, where: str) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, window, "durian")
    if where == "results":
        QTest.keyClick(_focused(), Qt.Key.Key_Down)
        assert _focused() is window.search_panel.view
    QTest.keyClick(_focused(), Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert window.center_stack.currentWidget() is window.category_page
    assert window.table_stack.currentWidget().hasFocus()


def test_counts_say_when_the_limit_cut_the_list(qtbot, window: MainWindow, library: Library) -> None:  # type: ignore[no-untyped-def]
    panel = window.search_panel
    cut = library.search("Vietnam", limit=5)
    assert cut.total > 5
    panel._on_result(cut)
    assert panel.status.text().startswith(f"Showing 5 of {cut.total} results")
    model = panel.model
    headers = [model.index(g, 0).data() for g in range(model.rowCount())]
    for g, (kind, hits) in enumerate(model._groups):
        if cut.counts[kind] > len(hits):
            assert headers[g].endswith(f"({len(hits)} of {cut.counts[kind]})")
    everything = library.search("Vietnam", limit=10_000)
    panel._on_result(everything)
    assert panel.status.text().startswith(f"{everything.total} results")
    assert panel.kind_buttons[None].text() == f"All {everything.total}"


def test_snippets_bold_only_the_phrase_of_a_name(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, window, "To Lam")
    model = window.search_panel.model
    rows = [model.index(r, 0, model.index(g, 0)).data(HTML_ROLE)
            for g in range(model.rowCount()) for r in range(model.rowCount(model.index(g, 0)))]
    bold = [b.lower() for row in rows for b in re.findall(r"<[bu]>(.*?)</[bu]>", row.split("<br>", 1)[1])]
    assert bold and set(bold) == {"to lam"}


def test_typing_a_letter_in_the_list_never_lands_on_a_group_row(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    _type(qtbot, window, "Vietnam")
    QTest.keyClick(_focused(), Qt.Key.Key_Down)
    model = window.search_panel.model
    for letter in "LSQPCVEA":  # group names (Leaders, Statistics, Quotes, Passages …) start with these
        QTest.keyClicks(_focused(), letter)
        assert _highlighted(window) is not None, letter
        QTest.qWait(450)  # let the keyboard search reset
    assert model.hit_count()


def test_clicking_a_group_row_keeps_the_highlighted_hit(qtbot, window: MainWindow) -> None:  # type: ignore[no-untyped-def]
    result = _type(qtbot, window, "Vietnam")
    view, model = window.search_panel.view, window.search_panel.model
    header = model.index(1, 0)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(header).center())
    assert _highlighted(window) == result.hits[0]
    window.focus_search()
    qtbot.waitUntil(window.search_field.hasFocus)
    QTest.keyClick(_focused(), Qt.Key.Key_Return)
    _assert_opened(window, result.hits[0])


def test_counts_past_the_count_limit_say_more_than(qtbot, window: MainWindow,  # type: ignore[no-untyped-def]
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bilateral.store import search as search_module

    monkeypatch.setattr(search_module, "COUNT_LIMIT", 3)
    result = _search(qtbot, window, "Vietnam")
    assert "passage" in result.at_least
    panel = window.search_panel
    assert panel.status.text().startswith(f"Showing {panel.model.hit_count()} of more than {result.total} results")
    assert panel.kind_buttons[None].text().endswith("+")
    groups = [panel.model.index(g, 0).data() for g in range(panel.model.rowCount())]
    assert any(g.startswith("Passages (") and "of more than" in g for g in groups), groups
