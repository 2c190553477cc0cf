"""Each source's account of a figure is kept on the citation it is read from (schema 5), so a fact
reported by one more article costs one more citation, not a rewrite of its whole history; export,
search, removal and the upgrade of a version 4 library see the same reports as before."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from bilateral.services.importer import run_import
from bilateral.services.library import ensure_library
from bilateral.store import migrations
from bilateral.store.export import export_document
from bilateral.store.library import Library
from bilateral.store.writer import LibraryWriter


def _article(k: int, figure: str) -> str:
    return (f"Port talks open a new round\n\nMOMBASA, March {k + 1}, 2025 — Officials met on Tuesday for round "
            f"{k + 1} of talks on roads, rail and ports.\n\n"
            f"Coffee exports reached {figure} in 2024, according to the port authority.\n\n"
            f"Round {k + 1} ended with a statement on grain and the rail link to kilometre {k * 7 + 3}.\n")


def _import(library: Path, folder: Path, figures: list[str], first: int = 0) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    files = []
    for k, figure in enumerate(figures, start=first):
        path = folder / f"port_{k:03}.txt"
        path.write_text(_article(k, figure), encoding="utf-8")
        files.append(str(path))
    report = run_import(library, files)
    assert report.count("imported") == len(figures), [o.message for o in report.outcomes]
    return [o.source_id for o in report.outcomes if o.source_id]


def _exports(library: Path) -> dict[str, dict]:
    with Library.open(library) as lib:
        doc = export_document(lib)
    return {i["display"]: i for i in doc["items"] if i["kind"] == "statistic" and "exports" in i["label"].lower()}


def _row(library: Path, item_id: str) -> tuple[int, int]:
    conn = sqlite3.connect(library)
    try:
        size = conn.execute("SELECT length(fields) FROM item WHERE id = ?", (item_id,)).fetchone()[0]
        accounts = conn.execute("SELECT count(*) FROM citation WHERE item_id = ? AND account IS NOT NULL",
                                (item_id,)).fetchone()[0]
        return size, accounts
    finally:
        conn.close()


@pytest.fixture
def library(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    ensure_library(path)
    return path


def test_one_more_report_adds_a_citation_and_leaves_the_items_row_as_long(library: Path, tmp_path: Path) -> None:
    _import(library, tmp_path / "a", ["$5.2 billion", "$5.2 billion", "$6.8 billion"])
    first = _exports(library)["$5.2 billion"]
    size, accounts = _row(library, first["id"])
    assert (first["source_count"], len(first["reports"]), accounts) == (2, 2, 2)
    _import(library, tmp_path / "b", ["$5.2 billion"] * 5, first=3)
    grown = _exports(library)["$5.2 billion"]
    assert (grown["source_count"], len(grown["reports"])) == (7, 7)
    assert _row(library, first["id"]) == (size, 7)  # the row holds no list of sources or of their reports
    other = _exports(library)["$6.8 billion"]
    # the disagreeing figure still names this one, with every source of it (derived from its citations)
    [variant] = other["variants"]
    assert variant["id"] == first["id"] and variant["sources"] == sorted({c["source"] for c in grown["citations"]})
    assert [(r["source"], r["start"], r["end"]) for r in grown["reports"]] == sorted(
        (c["source"], c["start"], c["end"]) for c in grown["citations"])


def test_the_words_of_every_report_stay_in_the_items_own_index(library: Path, tmp_path: Path) -> None:
    _import(library, tmp_path / "a", ["$5.2 billion", "$5.2bn", "$5.2 billion"])
    item = _exports(library)["$5.2 billion"]
    assert {r["as_written"] for r in item["reports"]} == {"$5.2bn", "$5.2 billion"}
    conn = sqlite3.connect(library)
    try:
        # the second article's wording (the item's own fields keep the first's), though a put came after it
        found = conn.execute("SELECT item.id FROM item_fts JOIN item ON item.rowid = item_fts.rowid "
                             "WHERE item_fts MATCH 'field_text: 2bn'").fetchall()
    finally:
        conn.close()
    assert found == [(item["id"],)]


def test_removing_a_source_takes_its_report_and_its_count(library: Path, tmp_path: Path) -> None:
    ids = _import(library, tmp_path / "a", ["$5.2 billion"] * 3)
    with LibraryWriter(library) as writer:
        writer.remove_source(ids[1])
    item = _exports(library)["$5.2 billion"]
    assert item["source_count"] == 2
    assert {r["source"] for r in item["reports"]} == {ids[0], ids[2]}


def _as_version_4(path: Path) -> None:
    """The library as version 4 kept it: reports in the item's fields, every source in each variant."""
    conn = sqlite3.connect(path)
    try:
        accounts: dict[str, list[dict]] = {}
        sources: dict[str, set[str]] = {}
        for item_id, source_id, start, end, account in conn.execute(
                'SELECT item_id, source_id, start, "end", account FROM citation ORDER BY item_id, ordinal'):
            sources.setdefault(item_id, set()).add(source_id)
            if account is not None:
                accounts.setdefault(item_id, []).append(
                    {"source": source_id, "start": start, "end": end, **json.loads(account)})
        for item_id, fields_json in conn.execute("SELECT id, fields FROM item").fetchall():
            fields = json.loads(fields_json)
            if item_id in accounts:
                reports = sorted(accounts[item_id], key=lambda r: (r["source"], r["start"], r["end"]))
                rest = {k: v for k, v in fields.items()}
                fields = {}
                for k, v in rest.items():
                    if k == "source_count":
                        fields["reports"] = reports
                    fields[k] = v
            for variant in fields.get("variants") or []:
                variant["sources"] = sorted(sources.get(variant["id"], ()))
            conn.execute("UPDATE item SET fields = ? WHERE id = ?", (json.dumps(fields, ensure_ascii=False), item_id))
        conn.execute("ALTER TABLE citation DROP COLUMN account")
        conn.execute("PRAGMA user_version = 4")
        conn.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
        conn.commit()
    finally:
        conn.close()


def test_a_version_4_library_is_upgraded_with_every_report_and_variant(library: Path, tmp_path: Path) -> None:
    _import(library, tmp_path / "a", ["$5.2 billion", "$5.2 billion", "$6.8 billion"])
    with Library.open(library) as lib:
        before = export_document(lib)
    old = tmp_path / "old.sqlite"
    shutil.copy(library, old)
    _as_version_4(old)
    assert migrations.version_of(old) == 4
    migrations.upgrade(old)
    with Library.open(old) as lib:
        assert export_document(lib) == before
    conn = sqlite3.connect(old)
    try:
        left = conn.execute("SELECT count(*) FROM item WHERE json_type(fields, '$.reports') IS NOT NULL").fetchone()
        listed = conn.execute("SELECT count(*) FROM item, json_each(item.fields, '$.variants') AS v "
                              "WHERE json_type(v.value, '$.sources') IS NOT NULL").fetchone()
    finally:
        conn.close()
    assert left == (0,) and listed == (0,)
    # and it takes the next article like a library made now
    _import(old, tmp_path / "b", ["$5.2 billion"], first=3)
    assert _exports(old)["$5.2 billion"]["source_count"] == 3


def _build_and_import(tmp_path: Path, articles: list) -> tuple[dict, dict]:
    """The same articles (Source, findings) built in memory and imported one by one: both exports."""
    import copy

    from bilateral.ingest.merge import merge_all
    from bilateral.ingest.text import Document
    from bilateral.services.importer import Analysed, store_analysed
    from bilateral.store.build import build
    from bilateral.store.writer import create_library

    built, empty, imported = tmp_path / "built.sqlite", tmp_path / "empty.sqlite", tmp_path / "imported.sqlite"
    passages = [p for s, _ in articles for p in Document(s).passages]
    build([s for s, _ in articles], passages, merge_all([(s, copy.deepcopy(f)) for s, f in articles]), built)
    build([], [], [], empty)
    create_library(imported, empty)
    with LibraryWriter(imported) as writer:
        for s, findings in articles:
            analysed = Analysed(s, "text", None, None, None, list(Document(s).passages), copy.deepcopy(findings))
            assert store_analysed(writer, analysed, s.id).status == "imported"
    docs = []
    for path in (built, imported):
        with Library.open(path) as lib:
            docs.append({i["id"]: i for i in export_document(lib)["items"]})
    return docs[0], docs[1]


def test_a_vague_date_fitting_two_events_is_its_own_event_in_a_build_and_an_import(tmp_path: Path) -> None:
    """"2023" after "2023-04" and "2023-12": its own event, not one that takes the April event's id and
    overwrites it (it did: the April visit lost its date and its count)."""
    from bilateral.core.model import Source
    from bilateral.ingest.findings import Finding

    articles = []
    for n, date in enumerate(["2023-04", "2023-12", "2023"]):
        text = f"The president visited Nairobi ({date}) to sign deals.\n"
        source = Source(id=f"s{n}", text=text, title=f"Visit {n}", published="2025-03-01")
        fields = {"date": date, "event_kind": "visit", "title": f"visit {date}", "participants": [], "date_text": date}
        articles.append((source, [Finding("event", "visit|nairobi", f"Visit ({date})", fields,
                                          [(0, len(text) - 1)], "rule", 0.8, date=date)]))
    built, imported = _build_and_import(tmp_path, articles)
    assert built == imported
    events = sorted((e["date"], e["source_count"], [r["source"] for r in e["reports"]]) for e in imported.values()
                    if e["kind"] == "event")
    assert events == [("2023", 1, ["s2"]), ("2023-04", 1, ["s0"]), ("2023-12", 1, ["s1"])]
