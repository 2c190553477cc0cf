"""Full-text search over items and passages with FTS5 (the sqlite-utils way), at any library size.

The query is tried as FTS5 syntax first (phrases, prefix*, AND/OR/NOT,
NEAR); if SQLite rejects it, each word is quoted and it is searched as plain
words, like sqlite-utils' ``quote_fts``. Searching never raises for a bad
query (NUL characters and lone surrogates are stripped first). A time limit
stops a pathological one, and a newer search cancels an older one (both are
checked between SQLite's steps, so no step may take long: a query is cut to
its first ``MAX_QUERY_CHARS`` characters and ``MAX_QUERY_WORDS`` words).

What a search costs does not grow with the library: FTS5 is only asked for
the newest ``limit`` matches of each tier (``_RANKING``) and for counts up to
``COUNT_LIMIT``; it never scores or sorts every match (bm25 needs a pass over
every match of every term, which at 100,000 articles is most of a second for a
common word). Snippets, marks and the citation an item opens are made here,
for the rows returned only, from their text: no ``snippet()``/``highlight()``,
whose cost grows with a row's length and which re-run the query per row.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Callable, Collection
from dataclasses import dataclass
from typing import Any

from bilateral.core.folding import fold_same_length
from bilateral.core.merging import identity_keys
from bilateral.core.model import KINDS, Citation
from bilateral.store.database import QueryCancelled, QueryTimeout, time_limit
from bilateral.store.folding import fold, fold_letters
from bilateral.store.library import SearchHit, SearchResult

MARK_START, MARK_END = "\x02", "\x03"

_OPERATORS = {"AND", "OR", "NOT"}
_TERM = re.compile(r"\w+")
#: One FTS5 bareword (letters, digits, "_", anything beyond ASCII): a query made only of these is plain words.
#: (the same characters as ``[\w\u0080-\U0010ffff]``, written as the ASCII ones it leaves out: that
#: form took the regex compiler a few milliseconds each, at every start of the window)
_WORDISH = r"[^\x00-\x2f\x3a-\x40\x5b-\x5e\x60\x7b-\x7f]"
_BAREWORD = re.compile(_WORDISH + "+")
_ONE_PHRASE = re.compile(r'"([^"]*)"')
#: A query of barewords, each perhaps a prefix*, or one quoted phrase: valid FTS5 by construction (no
#: statement needed to find out, and for a prefix each one costs a merge of every term it starts).
_SIMPLE = re.compile(rf'\s*(?:{_WORDISH}+\*?(?:\s+{_WORDISH}+\*?)*|"[^"*]*\w[^"*]*")\s*')
#: Removed from queries: C0 controls (NUL included) become spaces, lone surrogates vanish.
_CONTROLS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_SURROGATES = re.compile(r"[\ud800-\udfff]")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

_PASSAGE_SNIPPET_TOKENS = 28
#: Characters of a query searched; the rest is dropped (a search box query, not a document).
MAX_QUERY_CHARS = 1000
#: Words of a query searched: FTS5 parses and plans a query in one uninterruptible step.
MAX_QUERY_WORDS = 32
_ITEM_SNIPPET_WORDS = 32
#: Matches counted per index (items, passages); beyond it a count is "at least" (SearchResult.at_least).
COUNT_LIMIT = 1000
#: Matching paragraphs whose cited items are counted (each a range of the citation index, so fewer
#: than ``COUNT_LIMIT``); when more match, every kind's count is "at least".
CITED_COUNTED = 200
#: Items whose own fields have a name-like query, looked at for an exact name or alias (tier 0).
NAME_CANDIDATES = 500
#: Citations of an item looked at for the one whose sentence has the query (else its first is opened).
CITATIONS_TRIED = 10

# _RANKING — how hits of every kind and passages are put in one order.
#
# Hits come in *tiers*, best first; inside a tier the newest match comes first
# (the most recently added item or paragraph: FTS5 walks its matches in rowid
# order and stops at the limit, so this order costs nothing however many match).
# A hit's rank is ``tier + position / (hits in the tier + 1)``: one scale across
# kinds and passages, lower is better. The tiers:
#
#   0  name     the query *is* the item's name or one of its aliases, or its label
#               ("Xi Jinping", "To Lam", "Tô Lâm", "President Xi" find the person)
#   1  label    the query, as written (a phrase as a phrase), in the item's label
#               ("Xi Jinping: …" quotes, "Tô Lâm meets Xi Jinping" events)
#   2  own      the query, as written, in the item's other own fields: a quote's
#               words, a statistic's measure, an event's parties, a person's roles …
#   3  cited    the query, as written, in a paragraph a non-person item is cited from
#   4  passage  the query, as written, in a paragraph
#   5, 6, 7     own fields, cited paragraph and paragraph when a plain multi-word
#               query's words are all there but not next to each other ("to lam china")
#   8  mention  a person cited in a paragraph that has the query: a passing mention
#
# An item's own words are in item_fts; the words around it are not copied there
# but found through passage_fts: tiers 3, 6 and 8 take the newest ``limit``
# paragraphs matching (as tier 4 and 7 do), then the items cited inside them
# (by the citation (source_id, start) index), newest paragraph first.
# So a name query finds the person first, a quoted phrase in a quote beats the
# paragraph it comes from and any person merely mentioned beside it, and for a
# plain query the words next to each other beat the same words scattered.
# Tiers 0, 1 and 5-7 need a plain-words query (or one quoted phrase); for other
# FTS syntax "as written" means the whole expression.
TIER_NAME, TIER_LABEL, TIER_OWN, TIER_CITED, TIER_PASSAGE = 0, 1, 2, 3, 4
TIER_OWN_WORDS, TIER_CITED_WORDS, TIER_PASSAGE_WORDS, TIER_MENTION = 5, 6, 7, 8

_OWN_COLUMNS = "{label field_text}"


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


class _Scope:
    """The WHERE terms every candidate query shares: the source filter and hidden sources.

    Each is a condition on the FTS table's rowid, so FTS5 still walks its own matches newest first
    and stops at the LIMIT; nothing here is evaluated for a match the LIMIT never reaches."""

    def __init__(self, conn: sqlite3.Connection, source: str | None) -> None:
        self.source = source
        self.hidden = conn.execute("SELECT 1 FROM source WHERE hidden = 1 LIMIT 1").fetchone() is not None

    def items(self, rowid: str = "item_fts.rowid") -> tuple[str, list[Any]]:
        where, params = "", []
        if self.source is not None:
            where += (f" AND {rowid} IN (SELECT si.rowid FROM citation AS sc JOIN item AS si"
                      " ON si.id = sc.item_id WHERE sc.source_id = ?)")
            params.append(self.source)
        if self.hidden:  # cited by at least one shown source (store/library.py's _visible)
            where += (" AND EXISTS (SELECT 1 FROM citation AS vc JOIN source AS vs ON vs.id = vc.source_id"
                      " WHERE vc.item_id = item.id AND vs.hidden = 0)")
        return where, params

    def passages(self) -> tuple[str, list[Any]]:
        where, params = "", []
        if self.source is not None:
            where += " AND passage_fts.rowid IN (SELECT sp.id FROM passage AS sp WHERE sp.source_id = ?)"
            params.append(self.source)
        if self.hidden:
            where += " AND passage.source_id NOT IN (SELECT id FROM source WHERE hidden = 1)"
        return where, params


def _newest_passages(where: str, limit: str = "?") -> str:
    """SQL for the newest ``limit`` non-boilerplate paragraphs matching (rid, sid, ps, pe), FTS5 walking
    its matches newest first; ``where`` from ``_Scope.passages``."""
    return ('SELECT passage_fts.rowid AS rid, passage.source_id AS sid, passage.start AS ps, passage."end" AS pe'
            " FROM passage_fts JOIN passage ON passage.id = passage_fts.rowid"
            f" WHERE passage_fts MATCH ? AND passage.role != 'boilerplate'{where}"
            f" ORDER BY passage_fts.rowid DESC LIMIT {limit}")


#: The citations inside a paragraph ``p`` of ``_newest_passages``, on the (source_id, start) index (the
#: start bounded on both sides, so only that paragraph's entries are read), and the items they cite.
_CITED_IN = ('JOIN citation AS c ON c.source_id = p.sid AND c.start >= p.ps AND c.start < p.pe AND c."end" <= p.pe'
             " JOIN item ON item.id = c.item_id")


def _counts(conn: sqlite3.Connection, fts: str, scope: _Scope) -> tuple[dict[str, int], frozenset[str]]:
    """Matches per kind and of passages, each index counted up to ``COUNT_LIMIT`` (+1 to know it was
    reached); the kinds whose count stopped there are returned too: theirs is "at least".

    An item matches by its own words (item_fts) or by being cited in a matching paragraph (tiers 3, 6
    and 8): the items cited in the newest ``CITED_COUNTED`` of those are counted with the first, and
    when more paragraphs match than that, every kind's count is "at least"."""
    counts = _empty_counts()
    where, params = scope.items()
    p_where, p_params = scope.passages()
    rows = conn.execute(
        f"WITH own AS MATERIALIZED (SELECT item.rowid AS rid, item.kind FROM item_fts"
        f" JOIN item ON item.rowid = item_fts.rowid WHERE item_fts MATCH ?{where} LIMIT {COUNT_LIMIT + 1:d})"
        " SELECT kind, count(*), (SELECT count(*) FROM own) FROM (SELECT rid, kind FROM own"
        f" UNION SELECT item.rowid, item.kind FROM ({_newest_passages(p_where, f'{CITED_COUNTED:d}')}) AS p"
        f" {_CITED_IN}) GROUP BY kind",
        [fts, *params, fts, *p_params],
    ).fetchall()
    for kind, n, _own in rows:
        counts[kind] = n
    counts["passage"] = conn.execute(
        "SELECT count(*) FROM (SELECT 1 FROM passage_fts JOIN passage ON passage.id = passage_fts.rowid"
        f" WHERE passage_fts MATCH ? AND passage.role != 'boilerplate'{p_where} LIMIT {COUNT_LIMIT + 1:d})",
        [fts, *p_params],
    ).fetchone()[0]
    # a cut in either part makes every kind's count "at least"
    cut = counts["passage"] > CITED_COUNTED or any(own > COUNT_LIMIT for *_, own in rows)
    capped = set(KINDS) if cut else set()
    if counts["passage"] > COUNT_LIMIT:
        capped.add("passage")
    return counts, frozenset(k for k in capped if counts[k])


def _simple(expression: str) -> bool:
    """Barewords (none an operator), each perhaps a prefix*, or one phrase: valid for every table and
    column filter, so ``_valid`` need not run it."""
    return _SIMPLE.fullmatch(expression) is not None and not any(
        word.rstrip("*") in _OPERATORS or word.startswith("NEAR") for word in expression.split())


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


@dataclass(frozen=True)
class _Tier:
    """One tier's candidate query: what it searches and with which FTS expression."""

    tier: int
    what: str  # "item" (own words), "passage", or "person"/"non-person" (cited in a matching passage)
    expression: str


def _tiers(conn: sqlite3.Connection, plan: _Plan, kinds: list[str], with_passages: bool) -> list[_Tier]:
    """The tiers of ``_RANKING`` that apply to this query and these filters, best first (tier 0, the
    name lookup, is not an FTS query and is run by ``_names``)."""
    tiers: list[_Tier] = []
    non_person = [k for k in kinds if k != "person"]
    own_valid = _simple(plan.fts) or _valid(conn, plan.own_fields)
    if kinds and plan.words:  # (not "label : ^ phrase": FTS5 checks the first token of every match)
        tiers.append(_Tier(TIER_LABEL, "item", "label : " + plan.phrase))  # type: ignore[operator]
    if kinds and own_valid:
        tiers.append(_Tier(TIER_OWN, "item", plan.own_fields))
    cited = TIER_CITED if own_valid else TIER_OWN
    if non_person:
        tiers.append(_Tier(cited, "non-person", plan.as_written))
    if with_passages:
        tiers.append(_Tier(TIER_PASSAGE, "passage", plan.as_written))
    if plan.scattered:
        if kinds and own_valid:
            tiers.append(_Tier(TIER_OWN_WORDS, "item", f"{_OWN_COLUMNS} : ({plan.fts})"))
        if non_person:
            tiers.append(_Tier(TIER_CITED_WORDS, "non-person", plan.fts))
        if with_passages:
            tiers.append(_Tier(TIER_PASSAGE_WORDS, "passage", plan.fts))
    if "person" in kinds:
        tiers.append(_Tier(TIER_MENTION, "person", plan.fts))
    return tiers


def _candidates(conn: sqlite3.Connection, tier: _Tier, kinds: list[str], scope: _Scope,
                limit: int) -> list[tuple[int, int | None]]:
    """One tier's newest ``limit`` matches as (rowid, citation id or None): FTS5 walks its matches in
    rowid order and stops. For a tier found through passages, the citation is the one inside the newest
    matching paragraph (the one a hit opens), and the items are those cited in the newest ``limit``
    matching paragraphs (the scope's conditions are on the paragraphs: an item cited there is cited
    in the filtered, shown source)."""
    if tier.what == "passage":
        where, params = scope.passages()
        return [(r, None) for (r, *_) in conn.execute(_newest_passages(where), [tier.expression, *params, limit])]
    wanted = {"item": kinds, "person": ["person"], "non-person": [k for k in kinds if k != "person"]}[tier.what]
    if tier.what != "item":
        where, params = scope.passages()
        # a bare column beside the one max() is SQLite's: the values of the row holding the max
        sql = (f"SELECT item.rowid, c.id, max(p.rid) FROM ({_newest_passages(where)}) AS p {_CITED_IN}"
               " WHERE item.kind IN (SELECT value FROM json_each(?))"
               " GROUP BY item.rowid ORDER BY 3 DESC, 1 DESC LIMIT ?")
        return [(r, c) for r, c, _ in conn.execute(sql, [tier.expression, *params, limit, json.dumps(wanted), limit])]
    where, params = scope.items()
    sql = ("SELECT item_fts.rowid FROM item_fts JOIN item ON item.rowid = item_fts.rowid"
           f" WHERE item_fts MATCH ? AND item.kind IN (SELECT value FROM json_each(?)){where}"
           " ORDER BY item_fts.rowid DESC LIMIT ?")
    return [(r, None) for (r,) in conn.execute(sql, [tier.expression, json.dumps(wanted), *params, limit])]


def _names(conn: sqlite3.Connection, plan: _Plan, kinds: list[str], scope: _Scope, limit: int) -> list[int]:
    """Tier 0: the people the query names (the merge's own index of names, however many items mention
    them), then items whose name, alias or label it is among the newest ``NAME_CANDIDATES`` whose own
    fields have the phrase (agreements, and people in a store built without that index)."""
    if not plan.words or not kinds:
        return []
    found: list[int] = []
    where, params = scope.items()
    if "person" in kinds:
        p_where, p_params = scope.items("item.rowid")
        found += [r for (r,) in conn.execute(
            "SELECT DISTINCT item.rowid FROM person_name JOIN item ON item.id = person_name.person_id"
            f" WHERE person_name.folded IN (SELECT value FROM json_each(?)){p_where}"
            " ORDER BY item.ordinal LIMIT ?", [json.dumps(identity_keys([plan.names[0]])), *p_params, limit])]
    n1, n2 = plan.names
    found += [r for (r,) in conn.execute(  # and among the newest items with the phrase, any named so
        "SELECT rid FROM (SELECT item.rowid AS rid, item.kind, item.label, item.fields, item.ordinal"
        "  FROM item_fts JOIN item ON item.rowid = item_fts.rowid"
        f"  WHERE item_fts MATCH ? AND item.kind IN (SELECT value FROM json_each(?)){where}"
        f"  ORDER BY item_fts.rowid DESC LIMIT {NAME_CANDIDATES:d}) AS m"
        " WHERE lower(m.label) IN (?, ?) OR m.kind IN ('person', 'agreement') AND ("
        "  lower(json_extract(m.fields, '$.name')) IN (?, ?)"
        "  OR EXISTS (SELECT 1 FROM json_each(m.fields, '$.aliases') WHERE lower(value) IN (?, ?)))"
        " ORDER BY m.ordinal LIMIT ?",
        [plan.own_fields, json.dumps(kinds), *params, n1, n2, n1, n2, n1, n2, limit])]
    return found


def _rank(conn: sqlite3.Connection, plan: _Plan, kinds: list[str], with_passages: bool, scope: _Scope,
          limit: int) -> tuple[list[tuple[str, int, float]], dict[int, int]]:
    """The best ``limit`` hits as (what, rowid, rank), best first (see ``_RANKING``), and for an item
    found through a paragraph the citation inside it (item rowid -> citation id).

    Tiers are asked in order, each for its newest ``limit`` matches, until ``limit`` hits are found.
    That is exact: a tier's matches that a better tier already holds are at most the hits found so
    far, so asking each tier for ``limit`` rows always leaves enough of its own. For the tiers found
    through passages a tier's matches are the items cited in its newest ``limit`` matching paragraphs
    (one paragraph may cite several, or none): the same argument holds for that definition, and an
    item cited only in older matching paragraphs is not among them (a later tier, or the counts, may
    still have it), which is what keeps the tier's cost that of ``limit`` paragraphs."""
    found: dict[tuple[str, int], float] = {}
    pins: dict[int, int] = {}

    def add(what: str, tier: int, rows: list[tuple[int, int | None]]) -> None:
        first: dict[int, int | None] = {}
        for rowid, citation in rows:
            first.setdefault(rowid, citation)
        fresh = [(r, c) for r, c in first.items() if (what, r) not in found]
        for n, (rowid, citation) in enumerate(fresh):
            found[(what, rowid)] = tier + n / (len(fresh) + 1)
            if citation is not None:
                pins[rowid] = citation

    add("item", TIER_NAME, [(r, None) for r in _names(conn, plan, kinds, scope, limit)])
    for tier in _tiers(conn, plan, kinds, with_passages):
        if len(found) >= limit:
            break
        what = "passage" if tier.what == "passage" else "item"
        add(what, tier.tier, _candidates(conn, tier, kinds, scope, limit))
    return [(what, rowid, rank) for (what, rowid), rank in list(found.items())[:limit]], pins


# -- what the rows shown say: label, citation to open, snippet ------------------------------------

def _same_length(text: str) -> str:
    """Case and diacritics folded one character to one character (core.folding.fold_same_length, then
    lower case), so a match found in the folded text is at the same offsets in the text."""
    if text.isascii():
        return text.lower()
    folded = fold_same_length(text).lower()
    if len(folded) == len(text):
        return folded
    return "".join(c if len(c := ch.lower()) == 1 else ch for ch in fold_same_length(text))


_EXPRESSION_TERM = re.compile(rf'"([^"]*)"(\*?)|({_WORDISH}+)(\*?)')


class _Marker:
    """Finds and marks what the query meant in a text shown in a hit, as FTS5 matched it: the words as
    tokens, case and diacritics aside, a prefix* the words it starts. A plain multi-word query marks its
    phrase where the text has it, else its words one by one."""

    def __init__(self, plan: _Plan) -> None:
        patterns: list[re.Pattern[str]] = []
        self._seen: dict[tuple[str, str | None], list[tuple[int, int]]] = {}
        self._every_word: re.Pattern[str] | None = None
        if plan.words:
            words = [_same_length(w) for w in plan.words]
            prefix = plan.fts.rstrip().endswith("*") and len(words) == 1
            patterns.append(self._compile([(words, prefix)]))
            if plan.scattered:  # the words apart: only where all of them are (FTS5's implicit AND)
                patterns.append(self._compile([([w], False) for w in words]))
                self._every_word = re.compile("".join(rf"(?=.*?(?<!\w){re.escape(w)}(?!\w))" for w in words),
                                              re.DOTALL)
        else:
            terms: list[tuple[list[str], bool]] = []
            for phrase, p_star, word, w_star in _EXPRESSION_TERM.findall(plan.fts):
                if word and word in _OPERATORS | {"NEAR"}:
                    continue
                tokens = _TERM.findall(_same_length(phrase or word))
                if tokens:
                    terms.append((tokens, bool(p_star or w_star)))
            if terms:
                patterns.append(self._compile(terms))
        self.patterns = patterns

    @staticmethod
    def _compile(terms: list[tuple[list[str], bool]]) -> re.Pattern[str]:
        alternatives = sorted((r"\W+".join(map(re.escape, tokens)) + (r"\w*" if prefix else "") + r"(?!\w)"
                               for tokens, prefix in terms), key=len, reverse=True)
        return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")")

    def spans(self, text: str, context: str | None = None) -> list[tuple[int, int]]:
        """Where ``text`` has what the query meant; ``context`` (the paragraph ``text`` is part of)
        decides it: the phrase if the paragraph has it, else the words. (Remembered for the search:
        a citation is asked about when its item's citation is chosen and again when it is marked.)"""
        key = (text, context)
        found = self._seen.get(key)
        if found is None:
            found = self._seen[key] = self._spans(text, context)
        return found

    def _spans(self, text: str, context: str | None) -> list[tuple[int, int]]:
        folded = _same_length(text)
        judged = folded if context is None else _same_length(context)
        for n, pattern in enumerate(self.patterns):
            if pattern.search(judged) and (n == 0 or self._every_word is None or self._every_word.match(judged)):
                return [m.span() for m in pattern.finditer(folded)]
        return []

    def mark(self, text: str, context: str | None = None) -> str:
        out, pos = [], 0
        for start, end in self.spans(text, context):
            out += [text[pos:start], MARK_START, text[start:end], MARK_END]
            pos = end
        return "".join(out) + text[pos:]


def _details(conn: sqlite3.Connection, ranked: list[tuple[str, int, float]], pins: dict[int, int],
             marker: _Marker, scope: _Scope) -> list[SearchHit]:
    """Hits for the ranked rows: four statements whatever the limit (items, their first citations,
    the next ones of those whose first did not have the query, passages); the citation an item opens is the one in the paragraph it was found by (``pins``) if
    its sentence has what the query meant, else its first (in the filtered source) that has it among
    its first ``CITATIONS_TRIED``, else the pinned one or its first."""
    item_rowids = [rowid for what, rowid, _ in ranked if what == "item"]
    passage_ids = [rowid for what, rowid, _ in ranked if what == "passage"]
    items = {r[0]: r[1:] for r in conn.execute(
        "SELECT rowid, id, kind, label FROM item WHERE rowid IN (SELECT value FROM json_each(?))",
        [json.dumps(item_rowids)])}
    ids = [items[r][0] for r in item_rowids if r in items]
    pinned = [pins[r] for r in item_rowids if r in items and r in pins]
    shown = " AND c2.source_id NOT IN (SELECT id FROM source WHERE hidden = 1)" if scope.hidden else ""
    columns = 'c.item_id, c.source_id, c.start, c."end", substr(cs.text, c.start + 1, c."end" - c.start), c.ordinal'

    def citations(wanted: list[str], limit: int, pinned: list[int]) -> dict[str, list[Citation]]:
        """The first ``limit`` citations of each wanted item (in the filtered source), the pinned ones
        (in the paragraph that found the item) first. A citation's text is derived from its source's,
        which costs a read of that text: so few as will do."""
        if scope.source is None:  # the item's first citations, by the (item_id, ordinal) index
            first = (f"SELECT c2.id FROM citation AS c2 WHERE c2.item_id = wanted.iid{shown}"
                     f" ORDER BY c2.ordinal LIMIT {limit:d}")
            params: list[Any] = [json.dumps(wanted)]
        else:  # its first ones in the source, by the (source_id, start) index
            first = ("SELECT c2.id FROM citation AS c2 WHERE c2.item_id = wanted.iid AND c2.source_id = ?"
                     f" ORDER BY c2.start LIMIT {limit:d}")
            params = [json.dumps(wanted), scope.source]
        found: dict[str, list[Citation]] = {}
        for item_id, c_source, c_start, c_end, c_text, *_ in conn.execute(
            f"SELECT {columns}, 0 AS pin FROM (SELECT value AS iid FROM json_each(?)) AS wanted"
            f" JOIN citation AS c ON c.id IN ({first}) JOIN source AS cs ON cs.id = c.source_id"
            f" UNION ALL SELECT {columns}, 1 FROM citation AS c JOIN source AS cs ON cs.id = c.source_id"
            " WHERE c.id IN (SELECT value FROM json_each(?))"
            " ORDER BY 1, 7 DESC, 6",
            [*params, json.dumps(pinned)],
        ):
            found.setdefault(item_id, []).append(Citation(c_source, c_start, c_end, c_text))
        return found

    # Each item's pinned and first citation; then, for those neither has the query in, their first
    # CITATIONS_TRIED (one statement each time, whatever the number of items).
    tried = citations(ids, 1, pinned)
    again = [i for i in ids if not any(marker.spans(c.text) for c in tried.get(i, []))]
    for item_id, more in citations(again, CITATIONS_TRIED, []).items():
        known = {(c.source, c.start, c.end) for c in tried.get(item_id, [])}
        tried.setdefault(item_id, []).extend(c for c in more if (c.source, c.start, c.end) not in known)
    passages = {r[0]: r[1:] for r in conn.execute(
        "SELECT passage.id, passage.source_id, passage.start, passage.\"end\", passage.text,"
        " coalesce(src.title, src.file, src.id) || ', paragraph ' || (passage.idx + 1)"
        " FROM passage JOIN source AS src ON src.id = passage.source_id"
        " WHERE passage.id IN (SELECT value FROM json_each(?))", [json.dumps(passage_ids)])}
    hits: list[SearchHit] = []
    for what, rowid, rank in ranked:
        if what == "item":
            if rowid not in items:
                continue
            item_id, kind, label = items[rowid]
            choices = tried.get(item_id)
            if not choices:
                continue  # no citation in the filtered source: cannot be opened there
            citation = next((c for c in choices if marker.spans(c.text)), choices[0])  # the pinned one first
            snippet = _window(marker.mark(citation.text))
            hits.append(SearchHit(kind, item_id, label, snippet, rank, citation.source, citation,
                                  label_marked=marker.mark(label)))
        elif rowid in passages:
            p_source, start, end, text, label = passages[rowid]
            hits.append(SearchHit("passage", None, label, _snippet(text, marker), rank, p_source,
                                  Citation(p_source, start, end, text), label_marked=label))
    return hits


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


def _window(marked: str, size: int = _ITEM_SNIPPET_WORDS) -> str:
    """At most ``size`` words around the first mark, whitespace made single spaces."""
    words = marked.split()
    if len(words) <= size:
        return " ".join(words)
    first = next((n for n, w in enumerate(words) if MARK_START in w), 0)
    begin = max(0, min(first - size // 4, len(words) - size))
    part = " ".join(words[begin:begin + size])
    return _balance(("… " if begin else "") + part + (" …" if begin + size < len(words) else ""))


def _snippet(text: str, marker: _Marker, size: int = _PASSAGE_SNIPPET_TOKENS) -> str:
    """A paragraph's snippet: about ``size`` words from a little before its first match, marked."""
    spans = marker.spans(text)
    at = spans[0][0] if spans else 0
    begin = text.rfind(" ", 0, max(0, at - 12 * size // 4))
    begin = 0 if begin < 0 else begin + 1
    end = begin + len(text[begin:at + 12 * size])
    window = text[begin:end].split()[:size]
    part = marker.mark(" ".join(window))
    return ("… " if begin else "") + part + (" …" if end < len(text) or len(window) == size else "")


def _run(conn: sqlite3.Connection, plan: _Plan, kinds: Collection[str] | None, source: str | None,
         limit: int) -> tuple[list[SearchHit], dict[str, int], frozenset[str]]:
    wanted = set(KINDS) | {"passage"} if kinds is None else set(kinds)
    scope = _Scope(conn, source)
    counts, at_least = _counts(conn, plan.fts, scope)
    item_kinds = [k for k in KINDS if k in wanted]
    if not item_kinds and "passage" not in wanted:
        return [], counts, at_least
    ranked, pins = _rank(conn, plan, item_kinds, "passage" in wanted, scope, limit)
    return _details(conn, ranked, pins, _Marker(plan), scope), counts, at_least


def search(conn: sqlite3.Connection, query: str, *, kinds: Collection[str] | None = None,
           source: str | None = None, limit: int = 200, time_limit_s: float = 2.0,
           cancelled: Callable[[], bool] | None = None) -> SearchResult:
    """Ranked hits for ``query``; see the module docstring for how bad syntax is handled.

    ``cancelled`` is asked between SQLite's steps, like the time limit: when it says yes (a newer
    search is waiting) the search stops at once and the result says ``cancelled``."""
    asked, query = query, cap_query(clean_query(query))
    if not query.strip() or limit <= 0:
        return SearchResult(asked, "", False, [], _empty_counts())
    wanted = set(KINDS) | {"passage"} if kinds is None else set(kinds)
    fts, plain = fold_letters(query.strip()), False
    try:
        with time_limit(conn, time_limit_s, cancelled):
            if not _simple(fts) and not _valid(conn, fts, ("item_fts", "passage_fts")):
                fts, plain = quote_fts(fold_letters(query)), True
                if not fts:
                    return SearchResult(asked, "", True, [], _empty_counts())
            try:
                hits, counts, at_least = _run(conn, _plan(query, fts, plain), kinds, source, limit)
            except sqlite3.OperationalError as exc:  # an expression the checks above let through
                if "interrupted" in str(exc) or plain:
                    raise
                fts, plain = quote_fts(fold_letters(query)), True
                if not fts:
                    return SearchResult(asked, "", True, [], _empty_counts())
                hits, counts, at_least = _run(conn, _plan(query, fts, plain), kinds, source, limit)
    except QueryCancelled:
        return SearchResult(asked, fts, plain, [], _empty_counts(), cancelled=True)
    except QueryTimeout:
        return SearchResult(asked, fts, plain, [], _empty_counts(), timed_out=True)
    for kind in {h.kind for h in hits}:  # a capped count is at least what is shown of that kind
        counts[kind] = max(counts[kind], sum(1 for h in hits if h.kind == kind))
    total = sum(n for k, n in counts.items() if k in wanted)
    return SearchResult(asked, fts, plain, hits, counts, total=total,
                        at_least=frozenset(k for k in at_least if k in wanted))
