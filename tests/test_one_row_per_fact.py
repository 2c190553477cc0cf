"""One row per fact: the same fact reported by several sources is one item with every source's citation.

Checked on the bundled store (what a user browses) and on small made-up
two-source cases for the rules: statistics merge by measure + period + unit +
value whatever the qualifier, events by kind + who with compatible dates,
sources that give different figures for one measure and period are flagged,
and ids do not depend on the order articles come in.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterator

import pytest

from bilateral.core.model import Item, Source
from bilateral.ingest.events import _TRIGGERS
from bilateral.ingest.pipeline import extract
from bilateral.store.library import Library

FAMILY = {kind: family for kind, family, _ in _TRIGGERS}


@pytest.fixture(scope="module")
def bundled() -> Iterator[list[Item]]:
    with Library.open() as lib:
        yield lib.items()


def _stat_fact(item: Item) -> tuple[object, ...]:
    f = item.fields
    return (str(f["measure"]).lower(), f["period"], f["unit"], float(f["normalized"]))


def _compatible(a: str, b: str) -> bool:
    return a.startswith(b) or b.startswith(a)


def test_bundled_store_has_no_two_statistics_of_one_fact(bundled: list[Item]) -> None:
    facts = Counter(_stat_fact(i) for i in bundled if i.kind == "statistic" and i.fields.get("measure"))
    assert [fact for fact, n in facts.items() if n > 1] == []


def test_bundled_store_has_no_two_events_of_one_happening(bundled: list[Item]) -> None:
    events = [i for i in bundled if i.kind == "event"]
    twins = []
    for a, b in itertools.combinations(events, 2):
        same_kind = FAMILY.get(a.fields["event_kind"]) == FAMILY.get(b.fields["event_kind"])
        people = set(a.fields["participants"])
        if same_kind and people and people == set(b.fields["participants"]) and _compatible(
                a.fields["date"], b.fields["date"]):
            twins.append((a.label, b.label))
    assert twins == []


def test_bundled_store_merges_what_several_sources_report(bundled: list[Item]) -> None:
    by_label = {i.label: i for i in bundled}
    trade = by_label["China-Vietnam bilateral trade (2024): over $260 billion"]
    assert trade.fields["source_count"] == 4
    assert {r["source"] for r in trade.fields["reports"]} == {c.source for c in trade.citations}
    visit = next(i for i in bundled if i.kind == "event" and i.fields["date"] == "2023-12-12"
                 and i.fields["event_kind"] == "state visit")
    assert visit.fields["source_count"] == 3
    assert sorted(r["date"] for r in visit.fields["reports"]) == ["2023", "2023-12", "2023-12-12"]
    meetings = [i for i in bundled if i.kind == "event" and i.fields["date"] == "2025-04-14"
                and i.fields["event_kind"] == "meeting"]
    assert len(meetings) == 1 and meetings[0].fields["source_count"] == 2
    years = [i for i in bundled if i.kind == "agreement" and i.fields["agreement_kind"] == "year of exchanges"]
    assert len(years) == 1 and len({c.source for c in years[0].citations}) == 3


def test_bundled_store_flags_sources_that_disagree(bundled: list[Item]) -> None:
    ids = {i.id: i for i in bundled}
    flagged = [i for i in bundled if i.fields.get("disagrees_with")]
    assert flagged, "the corpus has bilateral trade in 2024 at $200 billion and at $260 billion"
    for item in flagged:
        for other in item.fields["disagrees_with"]:
            assert item.id in ids[other].fields["disagrees_with"]
            assert (ids[other].fields["measure"], ids[other].fields["period"]) == (
                item.fields["measure"], item.fields["period"])


def test_every_report_points_at_one_of_the_items_citations(bundled: list[Item]) -> None:
    for item in bundled:
        spans = {(c.source, c.start, c.end) for c in item.citations}
        for r in item.fields.get("reports") or []:
            assert (r["source"], r["start"], r["end"]) in spans, item.id


def test_bundled_store_lists_no_credited_person_as_a_leader() -> None:
    with Library.open() as lib:
        listed = lib.item_ids("person")
        credited = [i.id for i in lib.items("person") if i.fields.get("credit")]
        assert credited and not set(credited) & set(listed)
        assert lib.counts()["person"] == len(listed)


# --- made-up two-source cases ---------------------------------------------------------------

A = Source("a", "Bilateral trade between Brazil and Nigeria exceeded $4 billion in 2023, officials said.\n\n"
                "President Luiz Inacio Lula da Silva paid a state visit to Nigeria on March 3, 2024.",
           published="2024-03-10")
B = Source("b", "In 2023, bilateral trade between Nigeria and Brazil reached more than $4 billion, "
                "according to the trade ministry.\n\n"
                "Brazilian President Luiz Inacio Lula da Silva visited Nigeria in March 2024.",
           published="2024-05-02")
C = Source("c", "Bilateral trade between Brazil and Nigeria stood at $3.1 billion in 2023, "
                "according to the central bank.", published="2024-06-01")


def _by_kind(items: list[Item], kind: str) -> list[Item]:
    return [i for i in items if i.kind == kind]


def test_two_sources_one_figure_one_statistic_with_each_sources_own_words() -> None:
    _, items = extract([A, B])
    (stat,) = _by_kind(items, "statistic")
    assert {c.source for c in stat.citations} == {"a", "b"}
    reports = {r["source"]: r for r in stat.fields["reports"]}
    assert reports["a"]["qualifier"] == reports["b"]["qualifier"] == "over"
    assert reports["b"]["according_to"] == "the trade ministry"
    assert (reports["a"]["date"], reports["b"]["date"]) == ("2024-03-10", "2024-05-02")
    assert "disagrees_with" not in stat.fields


def test_two_sources_one_visit_one_event_with_the_most_precise_date() -> None:
    _, items = extract([A, B])
    (visit,) = _by_kind(items, "event")
    assert visit.fields["date"] == "2024-03-03"
    assert sorted(r["date"] for r in visit.fields["reports"]) == ["2024-03", "2024-03-03"]
    assert visit.fields["source_count"] == 2


def test_a_third_source_with_another_figure_is_flagged_not_merged() -> None:
    _, items = extract([A, B, C])
    stats = _by_kind(items, "statistic")
    assert len(stats) == 2
    four, three = sorted(stats, key=lambda i: -i.fields["normalized"])
    assert four.fields["disagrees_with"] == [three.id]
    assert three.fields["disagrees_with"] == [four.id]
    assert three.fields["reports"][0]["according_to"] == "the central bank"


def test_ids_do_not_depend_on_the_order_sources_come_in() -> None:
    _, forward = extract([A, B, C])
    _, backward = extract([C, B, A])
    assert sorted(i.id for i in forward) == sorted(i.id for i in backward)
    disagreeing = {i.id: i.fields.get("disagrees_with") for i in forward}
    assert disagreeing == {i.id: i.fields.get("disagrees_with") for i in backward}


# --- what the app shows ---------------------------------------------------------------------

def test_statistics_sort_by_value_within_a_unit_and_by_number_of_sources() -> None:
    with Library.open() as lib:
        ids = lib.item_ids("statistic", sort="normalized")
        rows = {r.id: r for r in lib.rows(ids)}
        units = [rows[i].fields["unit"].lower() for i in ids]
        assert units == sorted(units), "one unit's figures sit together"
        for unit in set(units):
            values = [rows[i].fields["normalized"] for i in ids if rows[i].fields["unit"].lower() == unit]
            assert values == sorted(values)
        for kind in ("statistic", "event"):
            by_sources = lib.item_ids(kind, sort="source_count", descending=True)
            counts = [r.fields["source_count"] for r in lib.rows(by_sources)]
            assert counts == sorted(counts, reverse=True) and counts[0] > 1


@pytest.mark.gui
def test_tables_have_a_sortable_sources_column(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QObject, Qt

    from bilateral.gui.item_models import ItemTableModel

    owner = QObject()
    with Library.open() as lib:
        for kind in ("statistic", "event"):
            model = ItemTableModel(lib, kind, owner)
            headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
            column = headers.index("Sources")
            model.sort(column, Qt.SortOrder.DescendingOrder)
            shown = [int(model.index(r, column).data().split()[-1]) for r in range(model.rowCount())]
            assert shown == sorted(shown, reverse=True) and shown[0] > 1


@pytest.mark.gui
def test_detail_pane_shows_each_sources_account_and_the_disagreement(qapp) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QWidget

    from bilateral.gui.detail_pane import DetailPane

    parent = QWidget()
    pane = DetailPane(parent)
    with Library.open() as lib:
        sources = {s.id: s for s in lib.source_infos()}
        trade = next(i for i in lib.items("statistic") if i.fields.get("disagrees_with")
                     and i.fields["source_count"] > 1)
        pane.show_item(trade, sources, {})
        html_text = pane.toHtml()
        text = pane.toPlainText()
        assert "Sources disagree:" in text
        assert f"item:{trade.fields['disagrees_with'][0]}" in html_text
        for n in range(len(trade.citations)):
            assert f"cite:{trade.id}:{n}" in html_text
        for r in trade.fields["reports"]:
            assert r["as_written"].replace("\\", "") in text.replace("\\", "")
        assert "As each source reports it (4)" in text
    # what a source wrote is escaped, never markup
    c = trade.citations[0]
    hostile = Item("statistic:x", "statistic", "X", {
        **trade.fields, "reports": [
            {**trade.fields["reports"][0], "as_written": "<b>$5</b>", "according_to": "<script>x</script>",
             "source": c.source, "start": c.start, "end": c.end},
            {**trade.fields["reports"][1], "qualifier": "<i>over</i>"}],
        "variants": [{"id": "statistic:y", "display": "<u>$9</u>", "qualifier": None, "according_to": "<a>",
                      "sources": []}]}, trade.citations)
    pane.show_item(hostile, sources, {})
    text = pane.toPlainText()
    assert "<b>$5</b>" in text and "<script>x</script>" in text and "<i>over</i>" in text and "<u>$9</u>" in text
    parent.deleteLater()


def test_a_figure_written_two_ways_keeps_the_value_and_scale_of_one_account() -> None:
    """"200,000 square metres" and "two hundred thousand square metres" are one figure; its row shows one
    account's number as written (not the digits' value with the words' "thousand")."""
    _, items = extract([Source(id="t", published="2026-12-02", text=(
        "The terminals will include 200,000 square metres of container yard.\n\n"
        "The plan, officials said, will include two hundred thousand square metres of container yard."))])
    [stat] = [i for i in items if i.kind == "statistic"]
    f = stat.fields
    scale = {None: 1, "thousand": 1_000, "million": 1_000_000}[f["scale"]]
    assert (f["unit"], f["normalized"]) == ("m2", 200_000)
    assert f["value"] * scale == f["normalized"]
