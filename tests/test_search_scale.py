"""Search does not grow with the library: the same statements and the same Python work for the rows
shown, whether ten or a thousand things match; and a running search stops when a newer one is asked.

Not timed (machines are noisy): the costs are counted. bench/run.py measures the milliseconds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import FrameType
from typing import Any

import pytest

from bilateral.core.model import Citation, Item, Source
from bilateral.ingest.text import Document
from bilateral.store.build import build
from bilateral.store.library import Library

STORE_CODE = str(Path(__file__).resolve().parents[1] / "src" / "bilateral" / "store")


def _library(path: Path, articles: int) -> Path:
    """``articles`` sources that each mention trade, with a statistic, a quote and a person citing each."""
    sources, items = [], []
    for n in range(articles):
        text = (f"Trade Talks {n}\n"
                f"Bilateral trade reached {n + 10} billion dollars last year, minister Anna Kowal said.\n"
                f"\"Trade will keep growing,\" Kowal told reporters in the capital on day {n}.\n")
        source = Source(f"s{n}", text, file=f"s{n}.txt", basis={}, evidence={})
        sources.append(source)

        def cite(part: str, source: Source = source) -> Citation:
            start = source.text.index(part)
            return Citation.of(source, start, start + len(part))

        items.append(Item(f"statistic:trade-{n}", "statistic", f"bilateral trade: {n + 10} billion USD",
                          {"value": n + 10, "scale": "billion", "unit": "USD", "normalized": (n + 10) * 1e9,
                           "measure": "bilateral trade", "period": None, "qualifier": None,
                           "according_to": None},
                          [cite(f"Bilateral trade reached {n + 10} billion dollars")], "number", 0.8))
        items.append(Item(f"quote:trade-{n}", "quote", "Anna Kowal: Trade will keep growing",
                          {"speaker": "person:anna-kowal", "speaker_name": "Anna Kowal",
                           "text": "Trade will keep growing", "quote_kind": "direct"},
                          [cite("\"Trade will keep growing,\" Kowal told reporters")], "said", 0.9))
    person_citations = []
    for source in sources:
        start = source.text.index("Anna Kowal")
        person_citations.append(Citation.of(source, start, start + len("Anna Kowal")))
    items.append(Item("person:anna-kowal", "person", "Anna Kowal",
                      {"name": "Anna Kowal", "aliases": [], "country": None, "roles": ["minister"]},
                      person_citations, "gazetteer", 0.9))
    passages = [p for s in sources for p in Document(s).passages]
    build(sources, passages, items, path)
    return path


@pytest.fixture(scope="module")
def libraries(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Library]]:
    folder = tmp_path_factory.mktemp("scale")
    opened = {"small": Library.open(_library(folder / "small.sqlite", 15)),
              "large": Library.open(_library(folder / "large.sqlite", 600))}
    yield opened
    for library in opened.values():
        library.close()


def _statements(library: Library, search: Callable[[], Any]) -> list[str]:
    seen: list[str] = []
    library.connection.set_trace_callback(lambda sql: seen.append(sql) if not sql.startswith("--") else None)
    try:
        search()
    finally:
        library.connection.set_trace_callback(None)
    return seen


def _store_calls(search: Callable[[], Any]) -> int:
    """Python function calls (and generator resumptions) in bilateral.store while ``search`` runs, but
    for the progress handler SQLite calls every 100 of its own steps (the time limit's clock)."""
    calls = 0

    def profile(frame: FrameType, event: str, _arg: object) -> None:
        nonlocal calls
        code = frame.f_code
        if event == "call" and code.co_filename.startswith(STORE_CODE) and code.co_name != "handler":
            calls += 1

    sys.setprofile(profile)
    try:
        search()
    finally:
        sys.setprofile(None)
    return calls


QUERIES = ["trade", "Anna Kowal", '"keep growing"', "trad*", "trade OR growing", "trade growing"]


@pytest.mark.parametrize("query", QUERIES)
def test_a_search_runs_the_same_few_statements_however_many_rows_match(
        libraries: dict[str, Library], query: str) -> None:
    small, large = libraries["small"], libraries["large"]
    assert large.search(query, limit=10).total > small.search(query, limit=10).total  # more really match
    counted = {name: _statements(lib, lambda lib=lib: lib.search(query, limit=10)) for name, lib in libraries.items()}
    assert len(counted["small"]) == len(counted["large"]) <= 20, counted["large"]


@pytest.mark.parametrize("query", QUERIES)
def test_a_search_does_python_work_for_the_rows_shown_not_for_every_match(
        libraries: dict[str, Library], query: str) -> None:
    small, large = libraries["small"], libraries["large"]
    for library in (small, large):
        library.search(query, limit=10)  # warm: regexes compiled, caches filled
    assert len(large.search(query, limit=10).hits) == len(small.search(query, limit=10).hits) == 10
    small_calls = _store_calls(lambda: small.search(query, limit=10))
    large_calls = _store_calls(lambda: large.search(query, limit=10))
    # 40x the matches: the same work, give or take the shown rows' own texts
    assert large_calls <= small_calls * 1.2 + 20, (small_calls, large_calls)


class _Rows(list):  # type: ignore[type-arg]
    def fetchall(self) -> list[Any]:
        return list(self)

    def fetchone(self) -> Any:
        return self[0] if self else None


class _CountingConnection:
    """A connection that counts the rows SQLite hands to Python."""

    def __init__(self, conn: Any) -> None:
        self._conn, self.rows = conn, 0

    def execute(self, sql: str, params: Any = ()) -> Any:
        fetched = self._conn.execute(sql, params).fetchall()
        self.rows += len(fetched)
        return _Rows(fetched)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


@pytest.mark.parametrize("query", QUERIES)
def test_a_search_reads_rows_for_the_hits_shown_not_every_match(libraries: dict[str, Library], query: str) -> None:
    from bilateral.store.search import search

    read = {}
    for name, library in libraries.items():
        counting = _CountingConnection(library.connection)
        assert len(search(counting, query, limit=10).hits) == 10  # type: ignore[arg-type]
        read[name] = counting.rows
    assert read["large"] == read["small"] <= 10 * 12, read


def test_counts_stop_at_the_count_limit_and_say_so(libraries: dict[str, Library],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from bilateral.store import search as search_module

    monkeypatch.setattr(search_module, "COUNT_LIMIT", 100)
    result = libraries["large"].search("trade", limit=10)
    assert "passage" in result.at_least and result.counts["passage"] == 101
    assert libraries["small"].search("trade", limit=10).at_least == frozenset()


def test_a_running_search_stops_when_a_newer_one_is_asked(libraries: dict[str, Library]) -> None:
    asked = {"newest": 1}
    steps = 0

    def cancelled() -> bool:
        nonlocal steps
        steps += 1
        if steps == 3:
            asked["newest"] = 2  # the user typed another letter while this search ran
        return asked["newest"] > 1

    result = libraries["large"].search("trade OR growing", cancelled=cancelled)
    assert result.cancelled and result.hits == [] and not result.timed_out
    again = libraries["large"].search("trade OR growing")  # the connection is usable afterwards
    assert again.hits and not again.cancelled


def test_the_search_worker_drops_a_search_that_a_newer_request_overtook(
        libraries: dict[str, Library], qtbot: Any) -> None:
    from bilateral.gui.workers import SearchWorker

    worker = SearchWorker(libraries["large"].path)
    answered: list[int] = []
    worker.finished.connect(lambda request, _result: answered.append(request))
    opened = Library.open(libraries["large"].path)
    real_search = opened.search

    def search_then_newer_request(*args: Any, **kwargs: Any) -> Any:
        worker.newest = 2  # a newer keystroke arrives while request 1 runs
        return real_search(*args, **kwargs)

    opened.search = search_then_newer_request  # type: ignore[method-assign]
    worker._library = opened
    worker.newest = 1
    worker.run(1, "trade OR growing", "", "")
    assert answered == []  # nobody is shown the stale answer
    opened.search = real_search  # type: ignore[method-assign]
    worker.run(2, "trade OR growing", "", "")
    assert answered == [2]
    worker.close_library()


def test_a_capped_count_is_never_below_the_hits_shown_of_its_kind(libraries: dict[str, Library],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from bilateral.store import search as search_module

    monkeypatch.setattr(search_module, "COUNT_LIMIT", 5)  # fewer than the quotes the search shows
    result = libraries["large"].search("keep growing", limit=50)
    shown = sum(1 for h in result.hits if h.kind == "quote")
    assert shown > 5 and result.counts["quote"] >= shown and "quote" in result.at_least
