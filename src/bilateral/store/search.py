"""Full-text search over items and passages with FTS5 (the sqlite-utils way).

The query is tried as FTS5 syntax first (phrases, prefix*, AND/OR/NOT,
NEAR); if SQLite rejects it, each word is quoted and it is searched as plain
words, like sqlite-utils' ``quote_fts``. Searching never raises for a bad
query, and a time limit stops a pathological one.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection
from typing import Any

from bilateral.core.model import KINDS, Citation
from bilateral.store.database import QueryTimeout, time_limit
from bilateral.store.folding import fold, fold_letters
from bilateral.store.library import SearchHit, SearchResult

_OPERATORS = {"AND", "OR", "NOT", "NEAR"}
_TERM = re.compile(r"\w+")
_SNIPPET_TOKENS = 14

# bm25 weights per FTS column: a hit in the label counts most.
_ITEM_RANK = "bm25(item_fts, 5.0, 2.0, 1.0)"
_PASSAGE_RANK = "bm25(passage_fts, 1.0, 1.0)"


def quote_fts(query: str) -> str:
    """Each whitespace-separated word as an FTS5 string: no operator, no syntax error."""
    words = (w.replace('"', "") for w in query.split())
    return " ".join(f'"{w}"' for w in words if _TERM.search(w))


def _terms(query: str) -> list[str]:
    """Folded words of the query without operators, for choosing the best citation."""
    return [fold(t) for t in _TERM.findall(query) if t not in _OPERATORS]


def _empty_counts() -> dict[str, int]:
    return {**dict.fromkeys(KINDS, 0), "passage": 0}


def _source_filter_items(source: str | None) -> tuple[str, list[Any]]:
    if source is None:
        return "", []
    return " AND EXISTS (SELECT 1 FROM citation AS c WHERE c.item_id = item.id AND c.source_id = ?)", [source]


def _counts(conn: sqlite3.Connection, fts: str, source: str | None) -> dict[str, int]:
    counts = _empty_counts()
    where, params = _source_filter_items(source)
    for kind, n in conn.execute(
        "SELECT item.kind, count(*) FROM item_fts JOIN item ON item.rowid = item_fts.rowid "
        f"WHERE item_fts MATCH ?{where} GROUP BY item.kind",
        [fts, *params],
    ):
        counts[kind] = n
    p_where = " AND passage.source_id = ?" if source is not None else ""
    counts["passage"] = conn.execute(
        "SELECT count(*) FROM passage_fts JOIN passage ON passage.id = passage_fts.rowid "
        f"WHERE passage_fts MATCH ? AND passage.role != 'boilerplate'{p_where}",
        [fts, *([source] if source is not None else [])],
    ).fetchone()[0]
    return counts


def _best_citations(conn: sqlite3.Connection, item_ids: list[str], terms: list[str],
                    source: str | None) -> dict[str, Citation]:
    """Per item, the citation mentioning most query terms (first one on ties)."""
    best: dict[str, tuple[int, Citation]] = {}
    for item_id, src, start, end, text in conn.execute(
        'SELECT item_id, source_id, start, "end", text FROM citation '
        "WHERE item_id IN (SELECT value FROM json_each(?)) ORDER BY item_id, ordinal",
        (json.dumps(item_ids),),
    ):
        if source is not None and src != source:
            continue
        folded = fold(text)
        score = sum(1 for t in terms if t in folded)
        if item_id not in best or score > best[item_id][0]:
            best[item_id] = (score, Citation(src, start, end, text))
    return {k: v[1] for k, v in best.items()}


def _item_hits(conn: sqlite3.Connection, fts: str, kinds: list[str], source: str | None, limit: int,
               terms: list[str]) -> list[SearchHit]:
    if not kinds:
        return []
    where, params = _source_filter_items(source)
    rows = conn.execute(
        f"SELECT item.id, item.kind, item.label, "
        f"snippet(item_fts, -1, char(2), char(3), '…', {_SNIPPET_TOKENS}), {_ITEM_RANK} AS score "
        "FROM item_fts JOIN item ON item.rowid = item_fts.rowid "
        f"WHERE item_fts MATCH ? AND item.kind IN (SELECT value FROM json_each(?)){where} "
        "ORDER BY score, item.ordinal LIMIT ?",
        [fts, json.dumps(kinds), *params, limit],
    ).fetchall()
    cites = _best_citations(conn, [r[0] for r in rows], terms, source)
    return [
        SearchHit(kind, item_id, label, snippet, score, cites[item_id].source, cites[item_id])
        for item_id, kind, label, snippet, score in rows
        if item_id in cites
    ]


def _passage_hits(conn: sqlite3.Connection, fts: str, source: str | None, limit: int) -> list[SearchHit]:
    p_where = " AND passage.source_id = ?" if source is not None else ""
    rows = conn.execute(
        "SELECT passage.source_id, passage.idx, passage.start, passage.\"end\", passage.text, "
        "coalesce(src.title, src.file, src.id), "
        f"snippet(passage_fts, 0, char(2), char(3), '…', {_SNIPPET_TOKENS * 2}), {_PASSAGE_RANK} AS score "
        "FROM passage_fts JOIN passage ON passage.id = passage_fts.rowid "
        "JOIN source AS src ON src.id = passage.source_id "
        f"WHERE passage_fts MATCH ? AND passage.role != 'boilerplate'{p_where} "
        "ORDER BY score, src.ordinal, passage.idx LIMIT ?",
        [fts, *([source] if source is not None else []), limit],
    ).fetchall()
    return [
        SearchHit("passage", None, f"{name}, paragraph {idx + 1}", snippet or text, score, src,
                  Citation(src, start, end, text))
        for src, idx, start, end, text, name, snippet, score in rows
    ]


def _run(conn: sqlite3.Connection, fts: str, kinds: Collection[str] | None, source: str | None,
         limit: int, terms: list[str]) -> tuple[list[SearchHit], dict[str, int]]:
    wanted = set(KINDS) | {"passage"} if kinds is None else set(kinds)
    counts = _counts(conn, fts, source)
    hits = _item_hits(conn, fts, [k for k in KINDS if k in wanted], source, limit, terms)
    if "passage" in wanted:
        hits += _passage_hits(conn, fts, source, limit)
    hits.sort(key=lambda h: h.rank)
    return hits[:limit], counts


def search(conn: sqlite3.Connection, query: str, *, kinds: Collection[str] | None = None,
           source: str | None = None, limit: int = 200, time_limit_s: float = 2.0) -> SearchResult:
    """Ranked hits for ``query``; see the module docstring for how bad syntax is handled."""
    if not query.strip() or limit <= 0:
        return SearchResult(query, "", False, [], _empty_counts())
    terms = _terms(query)
    fts, plain = fold_letters(query.strip()), False
    try:
        with time_limit(conn, time_limit_s):
            try:
                hits, counts = _run(conn, fts, kinds, source, limit, terms)
            except sqlite3.OperationalError as exc:
                if "interrupted" in str(exc):
                    raise
                fts, plain = quote_fts(fold_letters(query)), True
                if not fts:
                    return SearchResult(query, "", True, [], _empty_counts())
                hits, counts = _run(conn, fts, kinds, source, limit, terms)
    except QueryTimeout:
        return SearchResult(query, fts, plain, [], _empty_counts(), timed_out=True)
    return SearchResult(query, fts, plain, hits, counts)
