"""The store's tables, built with sqlite-utils so sqlite-utils and Datasette understand them.

The bundled store and a user library have one schema: a user library starts
as a copy of the bundled store and grows by imports (store/writer.py).
Version 2 added where a source came from (``origin``: bundled or imported,
its file kind, hash and path), and what each item is to the merge
(``merge_key``, ``base_key``, ``measure_key``, ``merge``) so that one more
article is merged by index lookups. Version 3 stores an article's text once:
a citation is its offsets, its text derived from the source's
(``citation_text``); a paragraph's span is the table ``passage_span`` and
``passage`` a view over it with the text derived, which is also the content
table of ``passage_fts`` (FTS5 reads an external content table with SELECT,
so a view serves; triggers on ``passage_span`` keep the index in step).
Version 4 drops ``item.cited_text`` (the text of an item's first citations,
a copy of its sources' sentences): ``item_fts`` indexes an item's own words
(label, field_text), and search finds an item by the words around it
through the paragraphs it is cited in (store/search.py). The index follows
an item row only when those columns change (``ITEM_TRIGGERS``).
Version 5 keeps each source's own account of a statistic or an event (its
figure or date as that source gave it) on the citation it is read from
(``citation.account``, JSON), not in a list in the item's ``fields`` that
grew, and was written again whole, with every article that reports the
fact; and a statistic's ``variants`` no longer list every source of each
other figure (a reader derives them from the citations).

Bump ``SCHEMA_VERSION`` whenever a table or column changes; readers refuse
other versions instead of guessing. The ``meta`` table marks the file as a
Bilateral store, so a random SQLite file is told apart from an old one.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # only building needs sqlite-utils; opening a store must stay cheap
    import sqlite_utils

SCHEMA_VERSION = 5
FORMAT = "bilateral-store"

#: diacritics-insensitive both ways: "To Lam" matches "Tô Lâm".
TOKENIZE = "unicode61 remove_diacritics 2"

#: FTS5 columns per content table (external content, kept in sync by triggers).
FTS_COLUMNS: dict[str, tuple[str, ...]] = {
    "passage": ("text", "folded"),
    "item": ("label", "field_text"),
}

#: A paragraph with its text, derived from its source's. ``rowid`` is named so that FTS5 (and
#: sqlite-utils' search) can read it as the content table's rowid; the LEFT JOIN is left out by SQLite
#: when a query reads no text, so a search filtering passages by role pays nothing for it.
PASSAGE_VIEW = """CREATE VIEW passage AS SELECT p.id AS rowid, p.id, p.source_id, p.idx, p.start, p."end", p.role,
  p.reason, substr(s.text, p.start + 1, p."end" - p.start) AS text, p.folded
FROM passage_span AS p LEFT JOIN source AS s ON s.id = p.source_id"""

#: The passage index as sqlite-utils would make it (so it recognises it), over the view.
PASSAGE_FTS = f"""CREATE VIRTUAL TABLE "passage_fts" USING FTS5 (
    "text", "folded",
    tokenize='{TOKENIZE}',
    content="passage"
)"""

_SPAN_TEXT = 'substr(s.text, {row}.start + 1, {row}."end" - {row}.start)'
#: Deleting from an external-content index takes the values indexed: derived again from the source,
#: whose text never changes (a source is deleted after its passages).
PASSAGE_TRIGGERS = (
    f"""CREATE TRIGGER "passage_span_ai" AFTER INSERT ON "passage_span" BEGIN
  INSERT INTO "passage_fts" (rowid, "text", "folded")
    SELECT new.id, {_SPAN_TEXT.format(row="new")}, new.folded FROM source AS s WHERE s.id = new.source_id;
END""",
    f"""CREATE TRIGGER "passage_span_ad" AFTER DELETE ON "passage_span" BEGIN
  INSERT INTO "passage_fts" ("passage_fts", rowid, "text", "folded")
    SELECT 'delete', old.id, {_SPAN_TEXT.format(row="old")}, old.folded FROM source AS s WHERE s.id = old.source_id;
END""",
    f"""CREATE TRIGGER "passage_span_au" AFTER UPDATE ON "passage_span" BEGIN
  INSERT INTO "passage_fts" ("passage_fts", rowid, "text", "folded")
    SELECT 'delete', old.id, {_SPAN_TEXT.format(row="old")}, old.folded FROM source AS s WHERE s.id = old.source_id;
  INSERT INTO "passage_fts" (rowid, "text", "folded")
    SELECT new.id, {_SPAN_TEXT.format(row="new")}, new.folded FROM source AS s WHERE s.id = new.source_id;
END""",
)


#: The item index as sqlite-utils' enable_fts makes it (so sqlite-utils and Datasette recognise it).
ITEM_FTS = f"""CREATE VIRTUAL TABLE "item_fts" USING FTS5 (
    "label", "field_text",
    tokenize='{TOKENIZE}',
    content="item"
)"""

#: sqlite-utils' triggers, but an update re-indexes only when an indexed column changes: an import
#: rewrites a leader's row for every article that names them (its reports, its merge state), and
#: re-indexing it each time was most of that write.
ITEM_TRIGGERS = (
    """CREATE TRIGGER "item_ai" AFTER INSERT ON "item" BEGIN
  INSERT INTO "item_fts" (rowid, "label", "field_text") VALUES (new.rowid, new."label", new."field_text");
END""",
    """CREATE TRIGGER "item_ad" AFTER DELETE ON "item" BEGIN
  INSERT INTO "item_fts" ("item_fts", rowid, "label", "field_text") VALUES('delete', old.rowid, old."label", old."field_text");
END""",
    """CREATE TRIGGER "item_au" AFTER UPDATE ON "item"
  WHEN old."label" IS NOT new."label" OR old."field_text" IS NOT new."field_text" BEGIN
  INSERT INTO "item_fts" ("item_fts", rowid, "label", "field_text") VALUES('delete', old.rowid, old."label", old."field_text");
  INSERT INTO "item_fts" (rowid, "label", "field_text") VALUES (new.rowid, new."label", new."field_text");
END""",
)


def citation_text(citation: str = "c", source: str = "src") -> str:
    """SQL for a citation's text, ``source_text[start:end]``, from the citation and its source joined
    under these names ("" when the source is missing: LEFT JOIN it, so export can say so). SQLite's
    substr counts characters as Python indexes do (astral ones too); a text holding NUL would end
    there, so the writers refuse one."""
    return f'coalesce(substr({source}.text, {citation}.start + 1, {citation}."end" - {citation}.start), \'\')'


#: The keys of a report that say where it is: the citation it is stored on (``citation.account``).
_PLACE = ("source", "start", "end")


def account_json(report: dict[str, Any]) -> str:
    """A report as its citation keeps it: what the source says, without where."""
    return json.dumps({k: v for k, v in report.items() if k not in _PLACE}, ensure_ascii=False)


def report_of(source_id: str, start: int, end: int, account: Any) -> dict[str, Any] | None:
    """A citation's account as the report it was ({source, start, end, …}); None when it has none."""
    if account is None:
        return None
    try:
        data = json.loads(account)
    except (TypeError, ValueError):
        return None
    return {"source": source_id, "start": start, "end": end, **data} if isinstance(data, dict) else None


def create(db: sqlite_utils.Database) -> None:
    """Create empty tables, indexes and the schema marks in a fresh database."""
    db["meta"].create({"key": str, "value": str}, pk="key")
    db["source"].create(
        {
            "id": str, "ordinal": int, "file": str, "title": str, "publisher": str,
            "author": str, "published": str, "published_basis": str, "url": str,
            "text": str, "basis": str, "evidence": str,
            # where it came from: "bundled" or "imported"; the file kind; the original's hash and
            # path; a hash of the whitespace-normalised text (the same article twice); hidden
            "origin": str, "kind": str, "sha256": str, "original_path": str, "encoding": str,
            "dup_hash": str, "hidden": int, "added": str,
        },
        pk="id", not_null={"ordinal", "text", "basis", "evidence", "origin", "hidden"},
        defaults={"origin": "bundled", "hidden": 0},
    )
    db["passage_span"].create(
        {
            "id": int, "source_id": str, "idx": int, "start": int, "end": int,
            "role": str, "reason": str, "folded": str,  # folded: the FTS extra column (store/folding.py)
        },
        pk="id", not_null={"source_id", "idx", "start", "end", "role"},
        foreign_keys=[("source_id", "source", "id")],
    )
    db.execute(PASSAGE_VIEW)
    db["item"].create(
        {
            "id": str, "ordinal": int, "kind": str, "label": str, "fields": str,
            "rule": str, "confidence": float, "source_id": str, "start": int,
            "sort_label": str, "sort_value": float, "date": str,
            "field_text": str, "folded": str,
            # the merge: kind|key names the fact; events also by key without date; statistics by
            # measure|period|unit (disagreements); "merge" holds the rest of the merge state as JSON
            "merge_key": str, "base_key": str, "measure_key": str, "merge": str,
        },
        pk="id", not_null={"ordinal", "kind", "label", "fields", "rule", "confidence", "source_id", "start"},
        foreign_keys=[("source_id", "source", "id")],
    )
    db["citation"].create(
        {
            "id": int, "item_id": str, "ordinal": int, "source_id": str,
            "start": int, "end": int,
            # a statistic's or event's account in this source (JSON: its figure or date as given
            # there, without source and offsets); null for other citations
            "account": str,
        },
        pk="id", not_null={"item_id", "ordinal", "source_id", "start", "end"},
        foreign_keys=[("item_id", "item", "id"), ("source_id", "source", "id")],
    )
    db["item_person"].create(
        {"item_id": str, "person_id": str, "role": str, "ordinal": int},
        pk=("item_id", "person_id", "role"),
        foreign_keys=[("item_id", "item", "id"), ("person_id", "item", "id")],
    )
    # Full names and native spellings (folded) -> the person they name, for merging a new article's people.
    db["person_name"].create(
        {"folded": str, "person_id": str},
        pk=("folded", "person_id"),
        foreign_keys=[("person_id", "item", "id")],
    )
    db["passage_span"].create_index(["source_id", "idx"], unique=True)
    db["item"].create_index(["kind", "ordinal"])
    # (item_id, ordinal) and (source_id, start) serve every citation query; a third index led by the
    # item id (a long string, once per citation) would be a third of the table's size again
    db["citation"].create_index(["item_id", "ordinal"], unique=True)
    db["item"].create_index(["merge_key"], unique=True)
    db["item"].create_index(["base_key"])
    db["item"].create_index(["measure_key"])
    db["source"].create_index(["dup_hash"])
    db["source"].create_index(["url"])
    db["source"].create_index(["hidden"])  # "is any source hidden?" on every listing: a lookup
    db["source"].create_index(["origin", "ordinal"])
    db["person_name"].create_index(["person_id"])
    db["citation"].create_index(["source_id", "start"])
    db["item_person"].create_index(["person_id", "role"])
    db["meta"].insert_all([
        {"key": "format", "value": FORMAT},
        {"key": "schema_version", "value": str(SCHEMA_VERSION)},
    ])
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def enable_search(db: sqlite_utils.Database) -> None:
    """FTS5 over passages and items, created after the rows so it is populated once."""
    db.execute(ITEM_FTS)
    db.execute("INSERT INTO item_fts (item_fts) VALUES ('rebuild')")
    for sql in ITEM_TRIGGERS:
        db.execute(sql)
    db.execute(PASSAGE_FTS)
    db.execute("INSERT INTO passage_fts (passage_fts) VALUES ('rebuild')")
    for sql in PASSAGE_TRIGGERS:
        db.execute(sql)
