"""Full-text search over items and passages with FTS5 (the sqlite-utils way).

The query is tried as FTS5 syntax first (phrases, prefix*, AND/OR/NOT,
NEAR); if SQLite rejects it, each word is quoted and it is searched as plain
words, like sqlite-utils' ``quote_fts``. Searching never raises for a bad
query (NUL characters and lone surrogates are stripped first), and a time
limit stops a pathological one. The time limit is checked between SQLite's
steps, so no single step may take long: a query is cut to its first
``MAX_QUERY_CHARS`` characters (FTS5 parses and plans a query in one step),
and ``snippet()``/``highlight()``, which take time quadratic in a row's length,
run only on rows of at most ``MARKED_TEXT_LIMIT`` characters (a longer
paragraph gets a snippet made here, around its first matching word).

Ranking happens in SQL over every match, and only the rows returned get a
snippet, a chosen citation and highlighting (see ``_RANKING`` for the rule).
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Collection
from dataclasses import dataclass
from typing import Any

from bilateral.core.model import KINDS, Citation
from bilateral.store.database import QueryTimeout, time_limit
from bilateral.store.folding import fold, fold_letters
from bilateral.store.library import SearchHit, SearchResult

MARK_START, MARK_END = "\x02", "\x03"

_OPERATORS = {"AND", "OR", "NOT"}
_TERM = re.compile(r"\w+")
#: One FTS5 bareword (letters, digits, "_", anything beyond ASCII): a query made only of these is plain words.
_BAREWORD = re.compile(r"[\w\u0080-\U0010ffff]+")
_ONE_PHRASE = re.compile(r'"([^"]*)"')
#: Removed from queries: C0 controls (NUL included) become spaces, lone surrogates vanish.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_PASSAGE_SNIPPET_TOKENS = 28
#: Characters of a query searched; the rest is dropped (a search box query, not a document).
MAX_QUERY_CHARS = 1000
#: Words of a query searched: bm25 and snippet() cost (phrases x matches) per row, in one uninterruptible step.
MAX_QUERY_WORDS = 32
#: Longest text snippet()/highlight() are run on; a 1 MB paragraph would take them minutes, uninterruptibly.
MARKED_TEXT_LIMIT = 10_000
_ITEM_SNIPPET_WORDS = 32

# bm25 weights per FTS column: a hit in the label counts most.
_ITEM_BM25 = "bm25(item_fts, 5.0, 2.0, 1.0)"
_PASSAGE_BM25 = "bm25(passage_fts, 1.0, 1.0)"

# _RANKING — how hits of every kind and passages are put in one order.
#
# bm25 scores of item_fts and passage_fts are not comparable (different
# columns, weights, lengths and term statistics), so the order is decided by
# *tiers* first and bm25 only orders hits inside a tier. Each hit's rank is
#
#     rank = tier + 1 / (1 + |bm25|)                               (lower is better)
#
# where the fraction, bm25 squashed into (0, 1), only orders hits inside their
# tier; no tier holds both items and passages, so bm25 of the two indexes is
# never compared directly. (A fixed squash, not "relative to the best match",
# keeps a hit's rank the same whatever the limit or filters, and needs no pass
# over all matches to find the best.) The tiers, best first:
#
#   0  name     the query *is* the item's label, name or one of its aliases
#               ("Xi Jinping", "To Lam", "Tô Lâm", "President Xi" find the person)
#   1  label    the item's label starts with the query's words ("Xi Jinping: …" quotes,
#               "Bilateral trade (2024): …" statistics)
#   2  own      the query, as written (a phrase as a phrase), in the item's own fields:
#               label, a quote's words, a statistic's measure, a person's roles …
#   3  cited    the query, as written, in the sentence a non-person item is cited from
#   4  passage  the query, as written, in a paragraph
#   5, 6, 7     the same three places when a plain multi-word query's words are all
#               there but not next to each other ("to lam china" in any order)
#   8  mention  a person whose cited sentences mention the query: a passing mention
#
# So a name query finds the person first, a quoted phrase in a quote beats the
# paragraph it comes from and any person merely mentioned beside it, and for a
# plain query the words next to each other beat the same words scattered.
# Tiers 0, 1 and 5-7 need a plain-words query (or one quoted phrase); for other
# FTS syntax "as written" means the whole expression.
TIER_NAME, TIER_LABEL, TIER_OWN, TIER_CITED, TIER_PASSAGE = 0, 1, 2, 3, 4
TIER_OWN_WORDS, TIER_CITED_WORDS, TIER_PASSAGE_WORDS, TIER_MENTION = 5, 6, 7, 8

_OWN_COLUMNS = "{label field_text}"
#: bm25 (negative, lower is better) squashed into [0, 1), lower still better: 1 / (1 + |bm25|).
_SQUASH = "1.0 / (1.0 - m.score)"


def quote_fts(query: str) -> str:
    """Each whitespace-separated word as an FTS5 string: no operator, no syntax error.

    A trailing ``*`` stays a prefix (``viet*`` -> ``"viet"*``)."""
    out = []
    for word in query.split():
        prefix = word.endswith("*")
        word = word.replace('"', "").rstrip("*")
        if _TERM.search(word):
            out.append(f'"{word}"*' if prefix else f'"{word}"')
    return " ".join(out)


def clean_query(query: str) -> str:
    """The query without characters SQLite or the tokenizer cannot take (NUL, controls, lone surrogates)."""
    return _CONTROLS.sub(" ", _SURROGATES.sub("", query))


def cap_query(query: str) -> str:
    """At most ``MAX_QUERY_CHARS`` characters and ``MAX_QUERY_WORDS`` words (a cut may break its syntax:
    then it is searched as plain words)."""
    if len(query) > MAX_QUERY_CHARS:
        cut = query[:MAX_QUERY_CHARS]
        space = cut.rfind(" ", MAX_QUERY_CHARS - 100)
        query = cut[:space] if space > 0 else cut
    for n, word in enumerate(_TERM.finditer(query), 1):
        if n == MAX_QUERY_WORDS:
            return query[:word.end()]
    return query


def strip_marks(text: str) -> str:
    """A snippet as plain text: the match marks removed."""
    return text.replace(MARK_START, "").replace(MARK_END, "")


@dataclass(frozen=True)
class _Plan:
    """What to run for one query: the FTS expression and the expressions that decide tiers."""

    fts: str
    plain_fallback: bool
    words: tuple[str, ...]  # the query's words when it is plain words or one quoted phrase, else ()
    adjacent_only: bool  # every match has the words together (one word, or one quoted phrase)
    names: tuple[str, str]  # the query as a name, lower-cased two ways, for tier 0

    @property
    def phrase(self) -> str | None:
        return '"' + " ".join(self.words) + '"' if self.words else None

    @property
    def scattered(self) -> bool:
        """Matches may have the words apart: tiers 5-7 exist."""
        return bool(self.words) and not self.adjacent_only

    @property
    def as_written(self) -> str:
        """The query as it meant its words: the phrase for plain words, else the expression."""
        return self.phrase or self.fts

    @property
    def own_fields(self) -> str:
        return f"{_OWN_COLUMNS} : {self.phrase}" if self.words else f"{_OWN_COLUMNS} : ({self.fts})"


def _plan(query: str, fts: str, plain_fallback: bool) -> _Plan:
    text = query.strip()
    tokens = text.split()
    one = _ONE_PHRASE.fullmatch(text)
    if plain_fallback or all(_BAREWORD.fullmatch(t) and t not in _OPERATORS for t in tokens):
        words = tuple(_TERM.findall(fold_letters(text)))
        adjacent = len(words) <= 1
    elif one is not None:
        words = tuple(_TERM.findall(fold_letters(one.group(1))))
        adjacent = True
    else:
        words, adjacent = (), True
    name = " ".join(text.replace('"', " ").split())
    return _Plan(fts, plain_fallback, words, adjacent, (name.translate(_ASCII_LOWER), fold(name)))


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


def _valid(conn: sqlite3.Connection, expression: str, tables: tuple[str, ...] = ("item_fts",)) -> bool:
    """Whether FTS5 accepts ``expression`` for every table (column filters name one table's columns)."""
    try:
        for table in tables:
            conn.execute(f"SELECT 1 FROM {table} WHERE {table} MATCH ? LIMIT 1", (expression,)).fetchall()
    except sqlite3.OperationalError as exc:
        if "interrupted" in str(exc):
            raise
        return False
    return True


def _item_tier(conn: sqlite3.Connection, plan: _Plan) -> tuple[str, list[Any]]:
    """The CASE expression giving an item match (``m``: rid, kind, label, fields) its tier."""
    def matches(expression: str) -> str:
        params.append(expression)
        return "m.rid IN (SELECT rowid FROM item_fts WHERE item_fts MATCH ?)"

    params: list[Any] = []
    cases: list[str] = []
    if plan.words:
        n1, n2 = plan.names
        params += [n1, n2, n1, n2, n1, n2]
        cases.append(  # only people and agreements have a name and aliases: no JSON read for the rest
            f"WHEN lower(m.label) IN (?, ?) OR m.kind IN ('person', 'agreement') AND ("
            f"lower(json_extract(m.fields, '$.name')) IN (?, ?) "
            f"OR EXISTS (SELECT 1 FROM json_each(m.fields, '$.aliases') WHERE lower(value) IN (?, ?))) "
            f"THEN {TIER_NAME}"
        )
        cases.append(f"WHEN {matches('label : ^ ' + plan.phrase)} THEN {TIER_LABEL}")  # type: ignore[operator]
    own_fields_known = _valid(conn, plan.own_fields)
    if own_fields_known:
        cases.append(f"WHEN {matches(plan.own_fields)} THEN {TIER_OWN}")
        cited = TIER_CITED
    else:  # an expression that cannot take a column filter: every non-person match is "own"
        cited = TIER_OWN
    if plan.scattered:
        cases.append(f"WHEN m.kind != 'person' AND {matches(plan.as_written)} THEN {cited}")
        if own_fields_known:
            cases.append(f"WHEN {matches(f'{_OWN_COLUMNS} : ({plan.fts})')} THEN {TIER_OWN_WORDS}")
        cases.append(f"WHEN m.kind != 'person' THEN {TIER_CITED_WORDS}")
    else:
        cases.append(f"WHEN m.kind != 'person' THEN {cited}")
    return f"CASE {' '.join(cases)} ELSE {TIER_MENTION} END", params


def _rank_sql(conn: sqlite3.Connection, plan: _Plan, kinds: list[str], with_passages: bool,
              source: str | None) -> tuple[str, list[Any]]:
    """SQL ranking every match and keeping the best ``?`` rows: (what, rid, rank, o1, o2)."""
    parts: list[str] = []
    params: list[Any] = []
    if kinds:
        where, where_params = _source_filter_items(source)
        tier, tier_params = _item_tier(conn, plan)
        parts.append(
            f"SELECT 'item' AS what, m.rid, {tier} + {_SQUASH} AS r, m.ordinal AS o1, 0 AS o2 FROM ("
            f"  SELECT item.rowid AS rid, item.kind, item.label, item.fields, item.ordinal, {_ITEM_BM25} AS score"
            "   FROM item_fts JOIN item ON item.rowid = item_fts.rowid"
            f"  WHERE item_fts MATCH ? AND item.kind IN (SELECT value FROM json_each(?)){where}"
            ") AS m"
        )
        params += [*tier_params, plan.fts, json.dumps(kinds), *where_params]
    if with_passages:
        if plan.scattered:
            tier = (f"CASE WHEN m.rid IN (SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?) "
                    f"THEN {TIER_PASSAGE} ELSE {TIER_PASSAGE_WORDS} END")
            params.append(plan.as_written)
        else:
            tier = str(TIER_PASSAGE)
        p_where = " AND passage.source_id = ?" if source is not None else ""
        parts.append(
            f"SELECT 'passage' AS what, m.rid, {tier} + {_SQUASH} AS r, m.src_ordinal AS o1, m.idx AS o2 FROM ("
            f"  SELECT passage.id AS rid, src.ordinal AS src_ordinal, passage.idx, {_PASSAGE_BM25} AS score"
            "   FROM passage_fts JOIN passage ON passage.id = passage_fts.rowid"
            "   JOIN source AS src ON src.id = passage.source_id"
            f"  WHERE passage_fts MATCH ? AND passage.role != 'boilerplate'{p_where}"
            ") AS m"
        )
        params += [plan.fts, *([source] if source is not None else [])]
    return " UNION ALL ".join(parts) + " ORDER BY r, o1, o2 LIMIT ?", params


def _first_of(expressions: list[str]) -> str:
    return expressions[0] if len(expressions) == 1 else f"coalesce({', '.join(expressions)})"


def _meant(plan: _Plan) -> list[str]:
    """Expressions to mark by, in order: a plain multi-word query's phrase first, then its words."""
    return [plan.phrase, plan.fts] if plan.scattered and plan.phrase else [plan.fts]


def _details_sql(plan: _Plan, source: str | None) -> tuple[str, list[Any]]:
    """CTEs and a SELECT turning the ranked rows (CTE ``top``) into hits.

    Only these rows get a citation, marks and snippets. Every FTS5 call here is
    one pass over the query's matches filtered to the wanted rowids (``+rowid IN``
    keeps FTS5 from re-running the query once per row, which for ``prefix*``
    costs a full prefix merge each time).

    Marking follows what the query meant: a row that has a plain multi-word
    query's words together is marked from the phrase ("To Lam" marks "To Lam",
    not every "to"); a row with the words apart from the words; any other query
    as FTS5 matched it (a phrase as a phrase, prefix* as prefix).
    """
    meant = _meant(plan)
    src = " AND c.source_id = ?" if source is not None else ""
    src_params = [source] if source is not None else []
    ctes: list[str] = []
    params: list[Any] = []
    for n, expression in enumerate(meant):
        ctes.append(f"has_{n} AS MATERIALIZED (SELECT rowid AS pid FROM passage_fts WHERE passage_fts MATCH ?)")
        params.append(expression)
    # The citation to open: the item's first one whose paragraph has the query as meant, else has it
    # at all, else its first one (in the filtered source). Each walks one item's citations in order.
    choices = [
        f"(SELECT c.id FROM citation AS c WHERE c.item_id = item.id{src} AND EXISTS ("
        "   SELECT 1 FROM passage AS p WHERE p.source_id = c.source_id AND p.start <= c.start"
        f'   AND c."end" <= p."end" AND p.id IN has_{n}) ORDER BY c.ordinal LIMIT 1)'
        for n in range(len(meant))
    ]
    choices.append(f"(SELECT c.id FROM citation AS c WHERE c.item_id = item.id{src} ORDER BY c.ordinal LIMIT 1)")
    params += src_params * len(choices)
    ctes.append(
        "chosen AS MATERIALIZED ("
        f" SELECT top.rid, top.r, top.o1, top.o2, {_first_of(choices)} AS cid"
        " FROM top JOIN item ON item.rowid = top.rid WHERE top.what = 'item')"
    )
    ctes.append(
        "cited AS MATERIALIZED ("
        " SELECT chosen.*, (SELECT p.id FROM passage AS p WHERE p.source_id = c.source_id AND p.start <= c.start"
        '   AND c."end" <= p."end" ORDER BY p.idx LIMIT 1) AS pid'
        " FROM chosen JOIN citation AS c ON c.id = chosen.cid)"
    )
    def bounded(column: str, call: str) -> str:  # no snippet()/highlight() on a huge row (see MARKED_TEXT_LIMIT)
        return f"CASE WHEN length({column}) <= {MARKED_TEXT_LIMIT:d} THEN {call} END"

    marks = {
        "label": ("item_fts", bounded("label", "highlight(item_fts, 0, char(2), char(3))"), "SELECT rid FROM cited"),
        "cite": ("passage_fts", bounded("text", "highlight(passage_fts, 0, char(2), char(3))"),
                 "SELECT pid FROM cited"),
        "snip": ("passage_fts",
                 bounded("text", f"snippet(passage_fts, 0, char(2), char(3), '…', {_PASSAGE_SNIPPET_TOKENS})"),
                 "SELECT rid FROM top WHERE what = 'passage'"),
    }
    for name, (table, call, wanted) in marks.items():
        for n, expression in enumerate(meant):
            ctes.append(f"{name}_{n} AS MATERIALIZED (SELECT rowid AS id, {call} AS m FROM {table}"
                        f" WHERE {table} MATCH ? AND +rowid IN ({wanted}))")
            params.append(expression)

    def joined(name: str, key: str) -> tuple[str, str]:
        joins = "".join(f" LEFT JOIN {name}_{n} ON {name}_{n}.id = {key}" for n in range(len(meant)))
        return _first_of([f"{name}_{n}.m" for n in range(len(meant))]), joins

    label_m, label_joins = joined("label", "cited.rid")
    cite_m, cite_joins = joined("cite", "cited.pid")
    snip_m, snip_joins = joined("snip", "top.rid")
    sql = (
        ", " + ", ".join(ctes) +
        f" SELECT 'item', item.kind, item.id, item.label, {label_m}, cited.r,"
        f'  c.source_id, c.start, c."end", c.text, p.start, p.text, {cite_m}, cited.o1, cited.o2'
        " FROM cited JOIN item ON item.rowid = cited.rid JOIN citation AS c ON c.id = cited.cid"
        f" LEFT JOIN passage AS p ON p.id = cited.pid{label_joins}{cite_joins}"
        " UNION ALL"
        " SELECT 'passage', 'passage', NULL,"
        "  coalesce(src.title, src.file, src.id) || ', paragraph ' || (passage.idx + 1), NULL, top.r,"
        f'  passage.source_id, passage.start, passage."end", passage.text, NULL, NULL, {snip_m}, top.o1, top.o2'
        " FROM top JOIN passage ON passage.id = top.rid JOIN source AS src ON src.id = passage.source_id"
        f"{snip_joins} WHERE top.what = 'passage'"
        " ORDER BY 6, 14, 15"
    )
    return sql, params


_MARKS = re.compile("([\x02\x03])")


def _balance(text: str) -> str:
    """Marks that pair up: a cut that began inside a mark opens it, one that ended inside closes it."""
    if MARK_START not in text and MARK_END not in text:
        return text
    out: list[str] = []
    open_ = False
    for piece in _MARKS.split(text):
        if piece == MARK_START:
            if open_:
                continue
            open_ = True
        elif piece == MARK_END:
            if not open_:
                if MARK_START in out:
                    continue
                out.insert(0, MARK_START)  # the first mark closes: the cut began inside it
            open_ = False
        out.append(piece)
    if open_:
        out.append(MARK_END)
    return "".join(out).replace(MARK_START + MARK_END, "")


def _cut(marked: str, start: int, end: int) -> str:
    """The part of a marked text covering ``[start:end]`` of its unmarked text, marks kept."""
    out: list[str] = []
    pos = 0
    inside = False
    for piece in _MARKS.split(marked):
        if piece in (MARK_START, MARK_END):
            inside = piece == MARK_START
            if start <= pos <= end:
                out.append(piece)
            continue
        lo, hi = max(start, pos), min(end, pos + len(piece))
        if lo < hi:
            if inside and not out:
                out.append(MARK_START)  # the cut begins inside a mark
            out.append(piece[lo - pos:hi - pos])
        pos += len(piece)
    return _balance("".join(out))


def _window(marked: str, size: int = _ITEM_SNIPPET_WORDS) -> str:
    """At most ``size`` words around the first mark, whitespace made single spaces."""
    words = marked.split()
    if len(words) <= size:
        return " ".join(words)
    first = next((n for n, w in enumerate(words) if MARK_START in w), 0)
    begin = max(0, min(first - size // 4, len(words) - size))
    part = " ".join(words[begin:begin + size])
    return _balance(("… " if begin else "") + part + (" …" if begin + size < len(words) else ""))


def _item_snippet(citation_text: str, cited_start: int, passage_start: int | None, passage_text: str | None,
                  marked_passage: str | None) -> str:
    """An item's snippet: the sentence it is cited from, with the query marked, never a field dump."""
    if passage_start is not None and marked_passage is not None and strip_marks(marked_passage) == passage_text:
        offset = cited_start - passage_start
        return _window(_cut(marked_passage, offset, offset + len(citation_text)))
    return _window(citation_text)


def _query_words(plan: _Plan) -> list[str]:
    words = plan.words or tuple(w for w in _TERM.findall(plan.fts) if w not in _OPERATORS and w != "NEAR")
    return sorted({w.casefold() for w in words}, key=len, reverse=True)


def _plain_snippet(text: str, plan: _Plan, size: int = _PASSAGE_SNIPPET_TOKENS) -> str:
    """A snippet made here for a paragraph too long for snippet(): words around the first query word, marked
    where a query word is written as asked (case aside)."""
    words = _query_words(plan)
    ending = r"\w*" if "*" in plan.fts else r"\b"  # a prefix marks the words it starts, a word itself
    pattern = re.compile(r"\b(?:" + "|".join(map(re.escape, words)) + ")" + ending, re.IGNORECASE) if words else None
    found = pattern.search(text) if pattern else None
    at = found.start() if found else 0
    begin = text.rfind(" ", 0, max(0, at - 12 * size // 4))
    begin = 0 if begin < 0 else begin + 1
    window = text[begin:at + 12 * size].split()[:size]
    part = " ".join(window)
    if pattern is not None:
        part = pattern.sub(lambda m: MARK_START + m.group(0) + MARK_END, part)
    end = begin + len(text[begin:at + 12 * size])
    return ("… " if begin else "") + part + (" …" if end < len(text) or len(window) == size else "")


def _run(conn: sqlite3.Connection, plan: _Plan, kinds: Collection[str] | None, source: str | None,
         limit: int) -> tuple[list[SearchHit], dict[str, int]]:
    wanted = set(KINDS) | {"passage"} if kinds is None else set(kinds)
    counts = _counts(conn, plan.fts, source)
    item_kinds = [k for k in KINDS if k in wanted]
    if not item_kinds and "passage" not in wanted:
        return [], counts
    rank_sql, rank_params = _rank_sql(conn, plan, item_kinds, "passage" in wanted, source)
    details_sql, details_params = _details_sql(plan, source)
    rows = conn.execute(
        f"WITH top AS MATERIALIZED ({rank_sql}){details_sql}", [*rank_params, limit, *details_params]
    ).fetchall()
    hits = []
    for (what, kind, item_id, label, label_marked, rank, src, start, end, text, p_start, p_text, marked,
         _o1, _o2) in rows:
        if what == "item":
            snippet = _item_snippet(text, start, p_start, p_text, marked)
        else:
            snippet = _balance(" ".join(marked.split())) if marked is not None else _plain_snippet(text, plan)
        hits.append(SearchHit(kind, item_id, label, snippet, rank, src, Citation(src, start, end, text),
                              label_marked=label_marked or label))
    return hits, counts


def search(conn: sqlite3.Connection, query: str, *, kinds: Collection[str] | None = None,
           source: str | None = None, limit: int = 200, time_limit_s: float = 2.0) -> SearchResult:
    """Ranked hits for ``query``; see the module docstring for how bad syntax is handled."""
    asked, query = query, cap_query(clean_query(query))
    if not query.strip() or limit <= 0:
        return SearchResult(asked, "", False, [], _empty_counts())
    wanted = set(KINDS) | {"passage"} if kinds is None else set(kinds)
    fts, plain = fold_letters(query.strip()), False
    try:
        with time_limit(conn, time_limit_s):
            if not _valid(conn, fts, ("item_fts", "passage_fts")):
                fts, plain = quote_fts(fold_letters(query)), True
                if not fts:
                    return SearchResult(asked, "", True, [], _empty_counts())
            try:
                hits, counts = _run(conn, _plan(query, fts, plain), kinds, source, limit)
            except sqlite3.OperationalError as exc:  # an expression the checks above let through
                if "interrupted" in str(exc) or plain:
                    raise
                fts, plain = quote_fts(fold_letters(query)), True
                if not fts:
                    return SearchResult(asked, "", True, [], _empty_counts())
                hits, counts = _run(conn, _plan(query, fts, plain), kinds, source, limit)
    except QueryTimeout:
        return SearchResult(asked, fts, plain, [], _empty_counts(), timed_out=True)
    total = sum(n for k, n in counts.items() if k in wanted)
    return SearchResult(asked, fts, plain, hits, counts, total=total)
