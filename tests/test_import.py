"""Importing into a user library, end to end: read, detect, extract, merge by lookups, write one
article per transaction — checked against the store's invariants (every citation is its source's
text at its offsets, no orphan rows, FTS in sync) and against a build of the same sources."""

from __future__ import annotations

import http.server
import json
import shutil
import sqlite3
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any, ClassVar

import pytest

from bilateral.cli.main import run
from bilateral.core import paths
from bilateral.ingest.pipeline import extract
from bilateral.ingest.readers import read_file
from bilateral.ingest.sources import load_corpus
from bilateral.services import importer
from bilateral.services.library import ensure_library
from bilateral.store import writer as writer_module
from bilateral.store.build import build
from bilateral.store.export import export_document
from bilateral.store.library import Library
from bilateral.store.writer import LibraryWriter
from news_factory import generate

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
IMPORTABLE = ["news_utf8.txt", "news_cp1252.txt", "news_utf16.txt", "news_crlf.txt", "news.md", "news_page.html",
              "news.pdf"]

LEADERS_ARTICLE = """Xi and Lam pledge to speed up railway links

By Hannah Wexley

HANOI, March 14, 2025 (Red River Post) - Chinese President Xi Jinping (习近平) and General Secretary Tô Lâm \
agreed on Friday to speed up work on three standard-gauge railways linking the two countries, state media reported.

President Xi told reporters after the talks that the railways would "bring our peoples closer than ever before."

"We will turn our consensus into concrete results," Xi said.

习近平 said the two countries were good neighbours, good friends, good comrades and good partners.

Tô Lâm said Vietnam was ready to work with China to make the railway projects a symbol of the new era of ties.

Bilateral trade reached $171.9 billion in 2024, up 14 percent year on year, according to the General \
Department of Customs.

The two sides signed a memorandum of understanding on railway connectivity.
"""

# Another article with the same trade figure (a shared statistic: it names the same two countries, so its
# "bilateral trade" is theirs) and a person only it names.
SECOND_ARTICLE = """Border traders count on rail to lift fruit sales

LAO CAI, April 2, 2025 (Mekong Times) - Vietnamese fruit traders at the Lao Cai border gate said on Wednesday \
that new freight trains would help them reach Chinese buyers in Kunming faster.

Bilateral trade reached $171.9 billion in 2024, up 14 percent year on year, according to the General \
Department of Customs.

"Orders have doubled since the spring and we are hiring more drivers," said Nguyen Van Khoa, a trader in \
Lao Cai province.

Nguyen Van Khoa said the paperwork at the gate was still slow but improving.

Durian exports to China reached $3.2 billion in 2024, the agriculture ministry said.
"""


# ---------------------------------------------------------------- helpers

@pytest.fixture
def lib(tmp_path: Path) -> Path:
    path = tmp_path / "library.sqlite"
    opened = ensure_library(path)
    assert opened.created
    return path


def write_articles(folder: Path, articles: list[tuple[str, str]]) -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for name, text in articles:
        (folder / name).write_text(text, encoding="utf-8", newline="")
        out.append(str(folder / name))
    return out


def imported(report: importer.Report) -> list[str]:
    return [o.source_id for o in report.outcomes if o.status == "imported" and o.source_id]


def check_citations(path: Path) -> None:
    """Every item has citations, each the text of its source at its offsets (read through Library)."""
    with Library.open(path) as library:
        texts = {s.id: s.text for s in library.sources()}
        for item in library.items():
            assert item.citations, item.id
            for c in item.citations:
                assert texts[c.source][c.start:c.end] == c.text, (item.id, c)
        for source_id, text in texts.items():
            for p in library.passages(source_id):
                assert text[p.start:p.end] == p.text, (source_id, p.index)


def check_integrity(path: Path) -> None:
    """Whole articles only: SQLite's checks, no orphans, derived columns and FTS consistent."""
    conn = sqlite3.connect(path)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        orphans = {
            "citation without item": "SELECT count(*) FROM citation WHERE item_id NOT IN (SELECT id FROM item)",
            "citation without source": "SELECT count(*) FROM citation WHERE source_id NOT IN (SELECT id FROM source)",
            "item without citation": "SELECT count(*) FROM item WHERE id NOT IN (SELECT item_id FROM citation)",
            "passage without source": "SELECT count(*) FROM passage WHERE source_id NOT IN (SELECT id FROM source)",
            "source without passage": "SELECT count(*) FROM source WHERE id NOT IN (SELECT source_id FROM passage)",
            "item_person to nowhere": "SELECT count(*) FROM item_person WHERE item_id NOT IN (SELECT id FROM item) "
                                      "OR person_id NOT IN (SELECT id FROM item WHERE kind = 'person')",
            "person_name to nowhere": "SELECT count(*) FROM person_name "
                                      "WHERE person_id NOT IN (SELECT id FROM item WHERE kind = 'person')",
            "item's first citation": "SELECT count(*) FROM item JOIN citation c ON c.item_id = item.id "
                                     "AND c.ordinal = 0 WHERE c.source_id != item.source_id OR c.start != item.start",
            "citation ordinals": "SELECT count(*) FROM (SELECT item_id, max(ordinal) m, count(*) n FROM citation "
                                 "GROUP BY item_id) WHERE m != n - 1",
        }
        found = {name: conn.execute(sql).fetchone()[0] for name, sql in orphans.items()}
        assert found == dict.fromkeys(orphans, 0)
        # people named as speakers/participants exist; the links table says what the fields say
        for item_id, kind, fields in conn.execute("SELECT id, kind, fields FROM item WHERE kind IN ('quote', 'event')"):
            data = json.loads(fields)
            people = [data["speaker"]] if kind == "quote" and data.get("speaker") else list(
                dict.fromkeys(data.get("participants") or []))
            links = [r[0] for r in conn.execute("SELECT person_id FROM item_person WHERE item_id = ? ORDER BY ordinal",
                                                (item_id,))]
            assert links == people, item_id
        # the item index holds an item's own words only (what it is cited from is in passage_fts)
        assert "cited_text" not in {r[1] for r in conn.execute("PRAGMA table_info(item)")}
        for table in ("item_fts", "passage_fts"):
            conn.execute(f"INSERT INTO {table}({table}) VALUES('integrity-check')")
            conn.execute(f"INSERT INTO {table}({table}, rank) VALUES('integrity-check', 1)")
        assert conn.execute("SELECT count(*) FROM item_fts").fetchone()[0] == conn.execute(
            "SELECT count(*) FROM item").fetchone()[0]
    finally:
        conn.close()


def items_dump(path: Path) -> list[dict[str, Any]]:
    """The export's items and sources, canonical (import timestamps are not in the export)."""
    with Library.open(path) as library:
        doc = export_document(library)
    return doc


def count_sources(path: Path) -> int:
    with Library.open(path) as library:
        return library.counts()["source"]


# ---------------------------------------------------------------- every kind of file

@pytest.mark.parametrize("name", IMPORTABLE)
def test_fixture_imports_with_exact_citations_and_its_metadata(lib: Path, name: str) -> None:
    doc = read_file(FIXTURES / name)
    report = importer.run_import(lib, [str(FIXTURES / name)])
    assert [o.status for o in report.outcomes] == ["imported"], report.outcomes
    (source_id,) = imported(report)
    check_citations(lib)
    check_integrity(lib)
    with Library.open(lib) as library:
        source = library.source(source_id)
        assert source.text == doc.text  # verbatim: CRLF stays CRLF, curly quotes decoded, UTF-16 decoded
        assert source.file == name
        assert library.source_citations(source_id), "the article's facts are found"
        assert {r["id"]: r["origin"] for r in library.source_rows()}[source_id] == "imported"
    for field_name, entry in doc.metadata.items():
        value = entry.get("value")
        stored = getattr(source, field_name)
        assert stored == value, field_name
        if value is not None:
            assert source.basis[field_name] == entry["basis"], field_name
            assert source.evidence[field_name] == entry["evidence"], field_name
    if name == "news_crlf.txt":
        assert "\r\n" in source.text
    if name == "news_cp1252.txt":
        assert "“" in source.text and "é" in source.text
    detected = [f for f in ("title", "publisher", "author", "published") if getattr(source, f) is not None]
    assert detected, "some metadata is detected"


def test_scanned_pdf_fails_with_the_clear_message_and_stores_nothing(lib: Path) -> None:
    before = items_dump(lib)
    report = importer.run_import(lib, [str(FIXTURES / "scanned.pdf")])
    assert [(o.status, o.message) for o in report.outcomes] == [("failed", "scanned.pdf: no text layer — scanned PDF?")]
    assert not report.ok
    assert items_dump(lib) == before
    check_integrity(lib)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[str, bytes]]] = {}

    def do_GET(self) -> None:
        if self.path not in self.routes:
            self.send_response(404)
            self.end_headers()
            return
        content_type, body = self.routes[self.path]
        self.send_response(200)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    for var in ("http_proxy", "https_proxy", "HTTP_PROXY", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"):
        monkeypatch.delenv(var, raising=False)
    page = (FIXTURES / "news_page.html").read_bytes()
    bare = page.replace(b'<link rel="canonical" href="https://ledger.example.org/culture/2024/05/glassworks-museum">',
                        b"").replace(b'<meta property="og:url"', b'<meta property="og:x"')
    _Handler.routes = {
        "/culture/glassworks.html": ("text/html; charset=utf-8", page),
        "/mirror/glassworks.html": ("text/html; charset=utf-8", page),
        "/bare": ("text/html", bare),
        "/leaders.txt": ("text/plain; charset=utf-8", LEADERS_ARTICLE.encode()),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(5)


def test_url_import_stores_the_page_and_its_address(lib: Path, server: str) -> None:
    report = importer.run_import(lib, [server + "/culture/glassworks.html", server + "/leaders.txt"])
    assert [o.status for o in report.outcomes] == ["imported", "imported"], report.outcomes
    page_id, text_id = imported(report)
    check_citations(lib)
    check_integrity(lib)
    with Library.open(lib) as library:
        page = library.source(page_id)
        assert page.url == "https://ledger.example.org/culture/2024/05/glassworks-museum"  # the canonical address
        assert page.basis["url"] == "stated" and page.evidence["url"]
        assert page.text == read_file(FIXTURES / "news_page.html").text
        assert page.title == "Glassworks reopens as a museum after 30 years" and page.basis["title"]
        text = library.source(text_id)
        assert text.url == server + "/leaders.txt"
        assert (text.basis["url"], text.evidence["url"]) == ("stated", "the address it was fetched from")
        assert text.text == LEADERS_ARTICLE
    # the same address again, the same page from another address, and the saved file: all duplicates
    again = importer.run_import(lib, [server + "/leaders.txt", server + "/mirror/glassworks.html",
                                      str(FIXTURES / "news_page.html")])
    assert [(o.status, o.source_id) for o in again.outcomes] == [
        ("duplicate", text_id), ("duplicate", page_id), ("duplicate", page_id)]
    assert again.ok
    assert count_sources(lib) == 7


def test_same_address_with_other_text_is_a_duplicate_of_that_address(lib: Path, server: str) -> None:
    first = importer.run_import(lib, [server + "/bare"])
    (bare_id,) = imported(first)
    _Handler.routes["/bare"] = ("text/plain", b"A revised page\n\nThe museum opened its doors on Sunday, staff said.\n")
    again = importer.run_import(lib, [server + "/bare"])
    (outcome,) = again.outcomes
    assert (outcome.status, outcome.source_id) == ("duplicate", bare_id)
    assert "the same address" in outcome.message
    assert count_sources(lib) == 6


# ---------------------------------------------------------------- merging into what the library knows

def test_article_naming_bundled_leaders_adds_to_their_items(lib: Path, tmp_path: Path) -> None:
    with Library.open(lib) as library:
        before = library.counts()
        xi_before = library.item("person:xi-jinping")
        lam_before = library.item("person:to-lam")
    (path,) = write_articles(tmp_path / "in", [("leaders.txt", LEADERS_ARTICLE)])
    (source_id,) = imported(importer.run_import(lib, [path]))
    check_citations(lib)
    check_integrity(lib)
    with Library.open(lib) as library:
        after = library.counts()
        xi = library.item("person:xi-jinping")
        lam = library.item("person:to-lam")
        new_people = [i for i in library.items("person") if all(c.source == source_id for c in i.citations)]
        quotes = [i for i in library.items("quote") if any(c.source == source_id for c in i.citations)]
    assert after["person"] == before["person"], [p.label for p in new_people]
    assert xi.citations[:len(xi_before.citations)] == xi_before.citations  # old citations first, unchanged
    new_xi = [c for c in xi.citations if c.source == source_id]
    assert len(new_xi) >= 3 and len(xi.citations) == len(xi_before.citations) + len(new_xi)
    assert any("习近平" in c.text for c in new_xi) and any("President Xi" in c.text for c in new_xi)
    assert any(c.source == source_id and "Tô Lâm" in c.text for c in lam.citations)
    assert len(lam.citations) > len(lam_before.citations)
    speakers = {q.fields["speaker"] for q in quotes}
    assert {"person:xi-jinping", "person:to-lam"} <= speakers
    # and search finds the new quote under the leader's name
    with Library.open(lib) as library:
        hits = library.search("consensus concrete", kinds=["quote"]).hits
    assert any(h.source == source_id for h in hits)


def test_fifty_articles_one_at_a_time_equal_fifty_in_one_call(tmp_path: Path) -> None:
    files = write_articles(tmp_path / "articles", generate(50, 7))
    one, batch = tmp_path / "one.sqlite", tmp_path / "batch.sqlite"
    ensure_library(one)
    ensure_library(batch)
    for f in files:
        report = importer.run_import(one, [f])
        assert [o.status for o in report.outcomes] == ["imported"], report.outcomes
    report = importer.run_import(batch, files)
    assert report.count("imported") == 50 and report.ok
    assert items_dump(one) == items_dump(batch)
    check_citations(batch)
    check_integrity(batch)
    # the long-tail people are there, and the leaders did not multiply
    with Library.open(batch) as library, Library.open(paths.bundled_store()) as bundled:
        people = {i.label.split(" — ")[0] for i in library.items("person")}
        known = {i.label.split(" — ")[0] for i in bundled.items("person")}
    assert len(people - known) >= 20
    assert not {"Xi", "President Xi", "Tô Lâm", "Lam"} & people


def _item_columns(path: Path) -> dict[str, tuple[Any, ...]]:
    conn = sqlite3.connect(path)
    try:
        out = {}
        for row in conn.execute("SELECT id, kind, label, fields, rule, confidence, source_id, start, sort_label, "
                                "sort_value, date, field_text, folded, merge_key, base_key, "
                                "measure_key, merge FROM item"):
            cites = conn.execute('SELECT source_id, start, "end" FROM citation WHERE item_id = ? '
                                 "ORDER BY ordinal", (row[0],)).fetchall()
            people = conn.execute("SELECT person_id, role, ordinal FROM item_person WHERE item_id = ? "
                                  "ORDER BY role, ordinal", (row[0],)).fetchall()
            names = conn.execute("SELECT folded FROM person_name WHERE person_id = ? ORDER BY folded",
                                 (row[0],)).fetchall()
            out[row[0]] = (*row[1:4], *row[4:], tuple(cites), tuple(people), tuple(names))
        return out
    finally:
        conn.close()


def test_import_equals_a_build_of_the_same_sources(lib: Path, tmp_path: Path) -> None:
    """SqlItems (an import) and MemoryItems (a build) merge the same articles into the same items."""
    files = write_articles(tmp_path / "articles", [("leaders.txt", LEADERS_ARTICLE),
                                                   ("second.txt", SECOND_ARTICLE), *generate(12, 11)])
    report = importer.run_import(lib, files)
    assert report.count("imported") == len(files)
    with Library.open(lib) as library:
        sources = library.sources()  # bundled first, then the imports in order: the arrival order
    assert [s.id for s in sources[:5]] == [s.id for s in load_corpus(paths.sources_dir())]
    built = tmp_path / "built.sqlite"
    passages, items = extract(sources)
    build(sources, passages, items, built)
    imported_items, built_items = _item_columns(lib), _item_columns(built)
    assert set(imported_items) == set(built_items)
    names = ("kind", "label", "fields", "rule", "confidence", "source_id", "start", "sort_label", "sort_value",
             "date", "field_text", "folded", "merge_key", "base_key", "measure_key", "merge",
             "citations", "people", "person_names")
    differ = {}
    for item_id, row in built_items.items():
        for name, a, b in zip(names, imported_items[item_id], row, strict=True):
            if a != b:
                differ.setdefault(name, []).append(item_id)
    assert differ == {}, {k: v[:3] for k, v in differ.items()}
    with Library.open(lib) as a, Library.open(built) as b:
        assert [(i.id, i.kind, i.label, i.fields, i.citations) for i in sorted(a.items(), key=lambda i: i.id)] == \
               [(i.id, i.kind, i.label, i.fields, i.citations) for i in sorted(b.items(), key=lambda i: i.id)]
        assert [(p.source, p.index, p.start, p.end, p.role) for s in sources for p in a.passages(s.id)] == \
               [(p.source, p.index, p.start, p.end, p.role) for s in sources for p in b.passages(s.id)]


# ---------------------------------------------------------------- duplicates

def test_same_text_again_with_other_line_endings_and_spacing_is_a_duplicate(lib: Path, tmp_path: Path) -> None:
    (first,) = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE)])
    (source_id,) = imported(importer.run_import(lib, [first]))
    before = items_dump(lib)
    variants = {
        "same.txt": LEADERS_ARTICLE.encode(),
        "crlf.txt": LEADERS_ARTICLE.replace("\n", "\r\n").encode(),
        "spaces.txt": ("\ufeff" + LEADERS_ARTICLE.replace(" - ", "  -  ").replace("\n\n", "\n\n\n") + "   \n").encode(),
        "utf16.txt": LEADERS_ARTICLE.encode("utf-16"),
    }
    folder = tmp_path / "b"
    folder.mkdir()
    for name, data in variants.items():
        (folder / name).write_bytes(data)
    report = importer.run_import(lib, [str(folder)])
    assert {o.target.rsplit("/", 1)[-1]: (o.status, o.source_id) for o in report.outcomes} == {
        name: ("duplicate", source_id) for name in variants}
    assert all("Xi and Lam pledge to speed up railway links" in o.message for o in report.outcomes)
    assert report.ok and "0 imported, 4 duplicates skipped, 0 failed" in report.summary()
    assert items_dump(lib) == before


# ---------------------------------------------------------------- cancel, removal, hiding

def test_cancel_in_the_middle_of_a_batch_keeps_whole_articles(lib: Path, tmp_path: Path) -> None:
    files = write_articles(tmp_path / "articles", generate(10, 5))
    done: list[int] = []
    report = importer.run_import(lib, files, progress=lambda n, total, label: done.append(n),
                                 cancelled=lambda: len(done) >= 4)
    assert report.cancelled and report.count("imported") == 4 and done == [1, 2, 3, 4]
    assert count_sources(lib) == 9
    check_citations(lib)
    check_integrity(lib)
    # the rest imports later as if nothing had happened
    rest = importer.run_import(lib, files)
    assert rest.count("duplicate") == 4 and rest.count("imported") == 6
    check_integrity(lib)


def test_an_article_failing_mid_write_leaves_nothing(lib: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """A failure inside the article's transaction (here: the 3rd item write) rolls the article back."""
    files = write_articles(tmp_path / "articles", generate(2, 9))
    importer.run_import(lib, files[:1])
    before = items_dump(lib)
    original = writer_module.SqlItems.put
    calls = {"n": 0}

    def failing(self: writer_module.SqlItems, state: Any, citations: Any) -> None:
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        original(self, state, citations)

    monkeypatch.setattr(writer_module.SqlItems, "put", failing)
    (outcome,) = importer.run_import(lib, files[1:]).outcomes
    assert outcome.status == "failed" and "RuntimeError: disk on fire" in outcome.message
    monkeypatch.setattr(writer_module.SqlItems, "put", original)
    assert items_dump(lib) == before
    check_integrity(lib)
    assert imported(importer.run_import(lib, files[1:]))


def test_an_internal_error_on_one_article_fails_it_alone(lib: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    files = write_articles(tmp_path / "articles", generate(3, 17))
    original = importer.extract_document

    def broken(document: Any) -> Any:
        if document.source.file == Path(files[1]).name:
            raise IndexError("list index out of range")
        return original(document)

    monkeypatch.setattr(importer, "extract_document", broken)
    report = importer.run_import(lib, files)
    assert [o.status for o in report.outcomes] == ["imported", "failed", "imported"]
    message = report.outcomes[1].message
    assert message == (f"{Path(files[1]).name}: not imported, an internal error "
                       "(IndexError: list index out of range); please report it")
    check_integrity(lib)


def test_removing_an_import_removes_what_only_it_backs(lib: Path, tmp_path: Path) -> None:
    files = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE), ("second.txt", SECOND_ARTICLE)])
    with Library.open(lib) as library:
        xi_before = library.item("person:xi-jinping")
    first, second = imported(importer.run_import(lib, files))
    with Library.open(lib) as library:
        trade = [i for i in library.items("statistic") if {c.source for c in i.citations} == {first, second}]
        assert trade, "the two articles share the trade figure"
        assert trade[0].fields["source_count"] == 2
        only_second = {i.id for i in library.items() if {c.source for c in i.citations} == {second}}
        assert "person:nguyen-van-khoa" in only_second
    with LibraryWriter(lib) as writer:
        removed = writer.remove_source(second)
    assert removed == len(only_second)
    check_citations(lib)
    check_integrity(lib)
    with Library.open(lib) as library:
        ids = {i.id for i in library.items()}
        assert not only_second & ids
        stat = library.item(trade[0].id)
        assert {c.source for c in stat.citations} == {first}
        assert [r["source"] for r in stat.fields["reports"]] == [first] and stat.fields["source_count"] == 1
        assert second not in {s.id for s in library.source_infos()}
    # removing the leaders' article leaves Xi as the bundled corpus has him
    with LibraryWriter(lib) as writer:
        writer.remove_source(first)
    check_integrity(lib)
    with Library.open(lib) as library, Library.open(paths.bundled_store()) as bundled:
        assert library.item("person:xi-jinping").citations == xi_before.citations
        assert export_document(library)["items"] == export_document(bundled)["items"]


def test_removing_a_source_leaves_no_trace_of_it(lib: Path, tmp_path: Path) -> None:
    """Nothing refers to a removed source; items it did not touch are as if it had never been imported.

    (Items it shared keep what the merge took from it where that cannot be told apart — an agreement's
    year, an event's sharper date and its id — so only untouched items are compared with a library
    that never had it.)"""
    articles = [("leaders.txt", LEADERS_ARTICLE), *generate(6, 21), ("second.txt", SECOND_ARTICLE)]
    files = write_articles(tmp_path / "a", articles)
    other = tmp_path / "other.sqlite"
    ensure_library(other)
    ids = imported(importer.run_import(lib, files))
    imported(importer.run_import(other, files[:3] + files[4:]))
    gone = ids[3]
    with Library.open(lib) as library:
        touched = {i.id for i in library.items() if any(c.source == gone for c in i.citations)}
        removed_items = {i.id for i in library.items() if {c.source for c in i.citations} == {gone}}
    with LibraryWriter(lib) as writer:
        assert writer.remove_source(gone) == len(removed_items)
    check_citations(lib)
    check_integrity(lib)
    a, b = items_dump(lib), items_dump(other)
    assert a["sources"] == b["sources"]
    assert gone not in json.dumps(a["items"])  # no citation, report or variant names it
    assert not any(i in json.dumps(a["items"]) for i in removed_items)  # nor the items only it backed
    # an event's id names its year, or its full date when that year's id was taken first: which
    # one depends on the arrival order, so ids are left out of this comparison
    def without_id(items: list[dict[str, Any]]) -> list[str]:
        return sorted(json.dumps({k: v for k, v in i.items() if k != "id"}, sort_keys=True) for i in items)

    kept = without_id([i for i in a["items"] if i["id"] not in touched])
    never = set(without_id(b["items"]))
    assert [i for i in kept if i not in never] == []


def test_cli_remove_and_hide(lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = write_articles(tmp_path / "a", [("second.txt", SECOND_ARTICLE)])
    assert run(["import", "--db", str(lib), path]) == 0
    capsys.readouterr()
    assert run(["sources", "--db", str(lib), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["origin"] for r in rows] == ["bundled"] * 5 + ["imported"]
    bundled_id, imported_id = rows[0]["id"], rows[-1]["id"]
    assert run(["remove", "--db", str(lib), bundled_id]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bundled corpus" in err and f"bilateral hide {bundled_id}" in err
    assert run(["remove", "--db", str(lib), "no-such-source"]) == 2
    assert "no source 'no-such-source'" in capsys.readouterr().err
    assert run(["hide", "--db", str(lib), bundled_id]) == 0
    capsys.readouterr()
    assert run(["sources", "--db", str(lib)]) == 0
    listing = capsys.readouterr().out
    assert f"{bundled_id}  bundled" in listing and "(hidden)" in listing and f"{imported_id}  imported" in listing
    assert run(["hide", "--db", str(lib), "--show", bundled_id]) == 0
    capsys.readouterr()
    assert run(["sources", "--db", str(lib)]) == 0
    assert "(hidden)" not in capsys.readouterr().out
    assert run(["remove", "--db", str(lib), imported_id]) == 0
    assert "removed" in capsys.readouterr().err
    assert count_sources(lib) == 5
    check_integrity(lib)


# ---------------------------------------------------------------- a newer bundled corpus

def test_upgrade_brings_in_the_new_bundled_source_and_keeps_imports(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    real = paths.bundled_store()
    sources = load_corpus(paths.sources_dir())
    old = tmp_path / "old-bundled.sqlite"
    passages, items = extract(sources[:4])
    build(sources[:4], passages, items, old)
    monkeypatch.setattr(paths, "bundled_store", lambda: old)
    path = tmp_path / "library.sqlite"
    assert ensure_library(path).created
    (article,) = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE)])
    (source_id,) = imported(importer.run_import(path, [article]))
    assert count_sources(path) == 5
    assert ensure_library(path).upgraded == 0  # the same bundled corpus: nothing to do

    monkeypatch.setattr(paths, "bundled_store", lambda: real)
    opened = ensure_library(path)
    assert opened.upgraded == 4 and not opened.created
    backup = path.with_name(path.name + ".before-upgrade")
    assert backup.is_file()
    with Library.open(backup) as before:
        assert {s.id for s in before.sources()} == {s.id for s in sources[:4]} | {source_id}
    with Library.open(path) as library:
        rows = {r["id"]: r["origin"] for r in library.source_rows()}
        assert rows == {**{s.id: "bundled" for s in sources}, source_id: "imported"}
        assert library.source(source_id).text == LEADERS_ARTICLE
        assert library.source_citations(source_id)
        assert library.source_citations(sources[4].id)
    check_citations(path)
    check_integrity(path)
    assert ensure_library(path).upgraded == 0  # done once


def test_upgrade_backup_holds_what_is_still_in_the_write_ahead_log(tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The window may hold the library open (its WAL not checkpointed) when a newer corpus arrives."""
    real = paths.bundled_store()
    sources = load_corpus(paths.sources_dir())
    old = tmp_path / "old-bundled.sqlite"
    passages, items = extract(sources[:4])
    build(sources[:4], passages, items, old)
    monkeypatch.setattr(paths, "bundled_store", lambda: old)
    path = tmp_path / "library.sqlite"
    ensure_library(path)
    files = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE), ("second.txt", SECOND_ARTICLE)])
    reader = sqlite3.connect(path)  # another connection keeps the WAL from being checkpointed at close
    reader.execute("SELECT count(*) FROM source").fetchone()
    try:
        ids = imported(importer.run_import(path, files))
        assert Path(f"{path}-wal").stat().st_size > 0
        monkeypatch.setattr(paths, "bundled_store", lambda: real)
        assert ensure_library(path).upgraded == 4
    finally:
        reader.close()
    with Library.open(path.with_name(path.name + ".before-upgrade")) as backup:
        assert set(ids) <= {s.id for s in backup.sources()}
    check_integrity(path)


# ---------------------------------------------------------------- the command line

def _one_line(err: str) -> None:
    assert "Traceback" not in err
    assert err.count("\n") == 1, err


def test_cli_import_folder_exit_codes(lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good"
    write_articles(good, generate(3, 2))
    assert run(["import", "--db", str(lib), str(good)]) == 0
    err = capsys.readouterr().err
    assert "3 imported, 0 duplicates skipped, 0 failed" in err and "Traceback" not in err
    assert run(["import", "--db", str(lib), str(good)]) == 0  # all duplicates is not a failure
    assert "0 imported, 3 duplicates skipped, 0 failed" in capsys.readouterr().err
    mixed = tmp_path / "mixed"
    write_articles(mixed, generate(5, 3)[3:])
    shutil.copy(FIXTURES / "scanned.pdf", mixed / "scanned.pdf")
    (mixed / "empty.txt").write_bytes(b"")
    (mixed / "notes.docx").write_bytes(b"ignored: not a type imported from a folder")
    assert run(["import", "--db", str(lib), str(mixed)]) == 1
    err = capsys.readouterr().err
    assert "2 imported, 0 duplicates skipped, 2 failed" in err and "Traceback" not in err
    assert "scanned.pdf: no text layer — scanned PDF?" in err and "empty.txt: the file is empty" in err
    assert count_sources(lib) == 10  # the good ones are kept
    check_integrity(lib)


@pytest.mark.parametrize(("argv", "words"), [
    (["--date", "2025-13"], ["2025-13", "month"]),
    (["--date", "2025-02-30"], ["2025-02-30", "day"]),
    (["--date", "yesterday"], ["yesterday"]),
    (["--url", "ftp://example.org/x"], ["ftp://example.org/x"]),
])
def test_cli_import_usage_errors(lib: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str],
                                 words: list[str]) -> None:
    (path,) = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE)])
    before = count_sources(lib)
    assert run(["import", "--db", str(lib), *argv, path]) == 2
    err = capsys.readouterr().err
    _one_line(err)
    for word in words:
        assert word in err
    assert count_sources(lib) == before


def test_cli_import_nothing_there_and_missing_file(lib: Path, tmp_path: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "empty").mkdir()
    assert run(["import", "--db", str(lib), str(tmp_path / "empty")]) == 2
    _one_line(capsys.readouterr().err)
    assert run(["import", "--db", str(lib), str(tmp_path / "missing.txt")]) == 1
    err = capsys.readouterr().err
    assert "missing.txt: no such file" in err and "Traceback" not in err


def test_cli_stated_metadata_overrides_detection(lib: Path, tmp_path: Path,
                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE)])
    detected = read_file(Path(path)).metadata
    assert detected["author"]["value"] == "Hannah Wexley" and detected["author"]["basis"] == "inferred"
    argv = ["import", "--db", str(lib), "--title", "Rail  links pledged", "--publisher", "Red River Post",
            "--author", "H. Wexley", "--date", "2025-03", "--url", "https://news.example.org/rail", path]
    assert run(argv) == 0
    capsys.readouterr()
    with Library.open(lib) as library:
        source = next(s for s in library.sources() if s.file == "leaders.txt")
    assert (source.title, source.publisher, source.author, source.published, source.url) == (
        "Rail links pledged", "Red River Post", "H. Wexley", "2025-03", "https://news.example.org/rail")
    assert all(source.basis[f] == "stated" for f in ("title", "publisher", "author", "published", "url"))
    assert source.published_basis == "stated"
    assert source.evidence["title"] == "given when importing"
    check_citations(lib)
    # one file's title for a folder is refused, before anything is read
    assert run(["import", "--db", str(lib), "--title", "X", str(tmp_path / "a"), path]) == 2
    _one_line(capsys.readouterr().err)


def test_cli_library_that_is_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                      capsys: pytest.CaptureFixture[str]) -> None:
    (path,) = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE)])
    folder = tmp_path / "libdir"
    folder.mkdir()
    monkeypatch.setenv("BILATERAL_DB", str(folder))
    for argv in (["import", path], ["sources"], ["export"], ["remove", "x"], ["hide", "x"]):
        assert run(argv) == 2, argv
        err = capsys.readouterr().err
        _one_line(err)
        assert str(folder) in err, err
        if argv[0] not in ("remove", "hide"):  # those say "no library at …" (cli/main.py _change)
            assert "folder" in err, err
    assert list(folder.iterdir()) == []


def test_cli_sources_of_a_fresh_library_are_bundled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("BILATERAL_DB", str(tmp_path / "new" / "library.sqlite"))
    (path,) = write_articles(tmp_path / "a", [("leaders.txt", LEADERS_ARTICLE)])
    assert run(["import", path]) == 0  # creates the library in a folder that did not exist
    capsys.readouterr()
    assert run(["sources"]) == 0
    out = capsys.readouterr().out
    assert out.count(" bundled ") == 5 and out.count(" imported ") == 1


def test_the_writer_reads_again_what_another_connection_wrote_between_its_articles(lib: Path, tmp_path: Path) -> None:
    """States are kept from one article to the next, but not past another connection's write."""
    first, second = write_articles(tmp_path / "a", [
        ("leaders.txt", LEADERS_ARTICLE), ("again.txt", LEADERS_ARTICLE.replace("pledge to speed", "agree to speed"))])
    with LibraryWriter(lib) as writer:
        importer.import_document(writer, importer.read_target(first))
        conn = sqlite3.connect(lib)
        (pid, cited), = conn.execute(
            "SELECT item.id, count(*) FROM item JOIN citation AS c ON c.item_id = item.id "
            "WHERE kind = 'person' AND label LIKE 'Xi Jinping%' GROUP BY item.id").fetchall()
        conn.execute("UPDATE item SET fields = json_set(fields, '$.note', 'written elsewhere') WHERE id = ?", (pid,))
        conn.commit()
        conn.close()
        importer.import_document(writer, importer.read_target(second))
    conn = sqlite3.connect(lib)
    fields, now = conn.execute("SELECT fields, (SELECT count(*) FROM citation AS c WHERE c.item_id = item.id) FROM item "
                               "WHERE id = ?", (pid,)).fetchone()
    conn.close()
    assert now > cited  # the second article named him: his row was written again, over what was read
    assert json.loads(fields)["note"] == "written elsewhere"
