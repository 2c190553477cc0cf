"""Extraction quality against hand-made gold: precision/recall per kind.

Runs the real pipeline on the bundled sources and compares its items with
``tests/gold/<source>.json`` (rules in ``tests/gold/README.md``), source by
source: an item counts once for every source it has a citation in.

Matching (one-to-one, best score first, per source and kind):

- person: folded name (lowercase, no diacritics) equals the gold name or one
  of its aliases, either way round.
- statistic: normalized value within 0.5 % and a compatible unit (same
  currency, its sign or word counting as its ISO code; percent; tons; km; minutes; "times"; any count unit matches any
  count unit). A citation that overlaps the gold evidence breaks ties.
  measure / period / qualifier / according_to / unit / scale are scored
  separately on matched pairs ("field accuracy").
- quote: the gold substring overlaps the item's text (located in the source)
  or one of its citations. Speaker attribution = matched quotes whose
  speaker is the gold speaker / matched quotes.
- agreement: name token overlap (|G∩P| / min(|G|,|P|) >= 0.6, at least two
  shared tokens unless a name has one token; country names ignored).
- event: compatible dates (one a prefix of the other) and a citation
  overlapping the gold evidence, or title-token overlap >= 0.3, or a shared
  participant.

Gold items marked ``optional`` (borderline cases) are never required: a
prediction matching one is neither a hit nor a false positive.

``python tests/quality.py`` prints the table plus misses and false positives
(``--fixtures`` for the fixture articles, ``--summary`` for the table only).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT / "src") not in sys.path:  # so `python tests/quality.py` works from a checkout
    sys.path.insert(0, str(ROOT / "src"))

from bilateral.core.ids import person_id  # noqa: E402
from bilateral.core.model import Item, Source  # noqa: E402
from bilateral.ingest.pipeline import extract  # noqa: E402
from bilateral.ingest.sources import load_corpus  # noqa: E402

GOLD_DIR = Path(__file__).resolve().parent / "gold"
SOURCES_DIR = ROOT / "data" / "sources"
FIXTURES_DIR = Path(__file__).resolve().parent / "fixtures"  # own articles on other relations
FIXTURES_GOLD_DIR = FIXTURES_DIR / "gold"

#: gold file section -> item kind
SECTIONS: dict[str, str] = {
    "people": "person", "statistics": "statistic", "quotes": "quote",
    "agreements": "agreement", "events": "event",
}
KIND_ORDER = ("person", "statistic", "quote", "agreement", "event")

# (ʻ and ʼ are the apostrophe letters of Uzbek or Hawaiian names, folded as the app folds them)
_QUOTE_CHARS = str.maketrans({"“": '"', "”": '"', "„": '"', "’": "'", "‘": "'", "\u00a0": " ",
                              "–": "-", "—": "-", "đ": "d", "Đ": "D", "\u02bb": "'", "\u02bc": "'"})


# --- text helpers ---------------------------------------------------------------------------

def fold(text: str | None) -> str:
    """Lowercase, no diacritics, straight quotes, single spaces: for comparing, never for display."""
    if not text:
        return ""
    decomposed = unicodedata.normalize("NFKD", text.translate(_QUOTE_CHARS))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return re.sub(r"\s+", " ", plain).strip().lower()


def _folded_with_map(text: str) -> tuple[str, list[int]]:
    """``fold`` of text plus, for each folded char, the index of the original char it came from."""
    out: list[str] = []
    where: list[int] = []
    for i, ch in enumerate(text):
        piece = "".join(c for c in unicodedata.normalize("NFKD", ch.translate(_QUOTE_CHARS))
                        if not unicodedata.combining(c)).lower()
        for c in piece:
            if c.isspace():
                if out and out[-1] == " ":
                    continue
                c = " "
            out.append(c)
            where.append(i)
    return "".join(out), where


_FOLD_CACHE: dict[str, tuple[str, list[int]]] = {}


def locate(text: str, needle: str, near: int = 0) -> tuple[int, int] | None:
    """Span of ``needle`` in ``text`` compared folded (quotes, spaces, diacritics); first hit at/after ``near``."""
    if text not in _FOLD_CACHE:
        _FOLD_CACHE[text] = _folded_with_map(text)
    folded, where = _FOLD_CACHE[text]
    target = fold(needle)
    if not target:
        return None
    hits = [m.start() for m in re.finditer(re.escape(target), folded)]
    if not hits:
        return None
    best = next((h for h in hits if where[h] >= near), hits[0])
    return where[best], where[best + len(target) - 1] + 1


_STOP = {"the", "a", "an", "of", "on", "and", "between", "with", "that", "for", "to", "in", "by", "at",
         "its", "their", "his", "her", "as", "from", "over", "s"}
_COUNTRY_WORDS = {"china", "vietnam", "chinese", "vietnamese", "viet", "nam", "sino"}


def tokens(text: str | None, drop_countries: bool = False) -> set[str]:
    """Content words, crudely stemmed to five letters (trade/trading, investment/investor)."""
    words = re.findall(r"[a-z0-9]+", fold(text))
    out = set()
    for w in words:
        if w in _STOP or (drop_countries and w in _COUNTRY_WORDS):
            continue
        out.add(w[:5])
    return out


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


# --- units and qualifiers -------------------------------------------------------------------

_UNIT_SYNONYMS = {
    "$": "usd", "us$": "usd", "dollar": "usd", "dollars": "usd", "us dollars": "usd",
    "yuan": "cny", "rmb": "cny", "renminbi": "cny", "dong": "vnd", "euro": "eur", "euros": "eur",
    "%": "percent", "pct": "percent", "per cent": "percent", "percentage": "percent",
    "percentage points": "percent",
    "ton": "tons", "tonnes": "tons", "tonne": "tons", "t": "tons", "metric tons": "tons",
    "kilometer": "km", "kilometers": "km", "kilometre": "km", "kilometres": "km",
    "minute": "minutes", "min": "minutes", "mins": "minutes",
    "fold": "times", "x": "times", "time": "times",
    "year": "years", "decade": "decades", "day": "days", "hour": "hours", "h": "hours",
    "fraction": "fraction", "share": "fraction", "ratio": "fraction", "proportion": "fraction",
}
# Currency signs, codes' local abbreviations and words, so "pesos" and the gold's "MXN" are one unit.
_UNIT_SYNONYMS.update({
    "€": "eur", "eur": "eur", "£": "gbp", "sterling": "gbp", "pounds sterling": "gbp", "yen": "jpy",
    "c$": "cad", "canadian dollar": "cad", "canadian dollars": "cad", "a$": "aud", "australian dollars": "aud",
    "mx$": "mxn", "mexican pesos": "mxn", "r$": "brl", "real": "brl", "reais": "brl", "zloty": "pln",
    "zlotys": "pln", "rupiah": "idr", "won": "krw", "shilling": "kes", "shillings": "kes", "ksh": "kes",
    "sh": "kes", "kenyan shillings": "kes", "birr": "etb", "naira": "ngn", "₦": "ngn", "lira": "try",
    "liras": "try", "turkish lira": "try", "tl": "try", "₺": "try", "riyal": "sar", "riyals": "sar",
    "sr": "sar", "saudi riyals": "sar", "krone": "nok", "kroner": "nok", "norwegian kroner": "nok",
    "e£": "egp", "le": "egp", "egyptian pounds": "egp", "₱": "php", "philippine pesos": "php",
})
_CURRENCIES = {"usd", "cny", "vnd", "eur", "jpy", "inr", "aud", "brl", "ars", "pln", "idr", "gbp", "krw",
               "cad", "mxn", "kes", "etb", "ngn", "try", "sar", "nok", "egp", "php"}
#: words several currencies share: they fit a gold currency of that family ("pounds" is also a weight)
_CURRENCY_FAMILIES = {"pound": {"gbp", "egp"}, "pounds": {"gbp", "egp"}, "peso": {"mxn", "php", "ars"},
                      "pesos": {"mxn", "php", "ars"}, "rupee": {"inr"}, "rupees": {"inr"}}
_MEASURE_UNITS = {"percent", "fraction", "tons", "km", "minutes", "times", "years", "decades", "days", "hours"}


def canonical_unit(unit: str | None) -> str:
    u = fold(unit)
    return _UNIT_SYNONYMS.get(u, u)


def unit_class(unit: str | None) -> str:
    u = canonical_unit(unit)
    if u in _CURRENCIES or u in _MEASURE_UNITS:
        return u
    return "count"  # people, passengers, stations, documents, … (or no unit)


def _pred_class(gold_unit: str | None, pred_unit: str | None) -> str:
    """Class of a predicted unit, letting a shared currency word ("pesos") take the gold's currency."""
    if canonical_unit(gold_unit) in _CURRENCY_FAMILIES.get(canonical_unit(pred_unit), ()):
        return canonical_unit(gold_unit)
    return unit_class(pred_unit)


_QUALIFIERS = {
    "over": {"over", "more than", "exceeding", "exceeded", "exceeds", "surpassed", "surpassing",
             "surpass", "above", "at least", "upwards of", "in excess of", "topped", "beyond", "more"},
    "about": {"about", "roughly", "around", "approximately", "some", "approx", "approx.", "circa",
              "an estimated", "estimated"},
    "nearly": {"nearly", "almost", "close to", "just under"},
    "under": {"under", "less than", "below", "fewer than"},
    "up to": {"up to", "at most", "no more than", "a maximum of", "as many as", "as much as"},
}


def canonical_qualifier(q: str | None) -> str | None:
    f = fold(q)
    if not f:
        return None
    for name, words in _QUALIFIERS.items():
        if f == name or f in words:
            return name
    return f


# --- loading --------------------------------------------------------------------------------

def load_gold(gold_dir: Path = GOLD_DIR) -> dict[str, dict[str, Any]]:
    """Gold records by source id (the file stem)."""
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted(gold_dir.glob("*.json"))}


def _gold_entries(source: Source, gold: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """Gold items per kind, each with its located span (``_span``) in the source text."""
    out: dict[str, list[dict[str, Any]]] = {k: [] for k in KIND_ORDER}
    for section, kind in SECTIONS.items():
        for entry in gold.get(section, []):
            needle = entry["text"] if kind == "quote" else entry["evidence"]
            span = locate(source.text, needle)
            if span is None:
                raise ValueError(f"gold {source.id} {kind}: {needle!r} is not in the source text")
            out[kind].append({**entry, "_span": span})
    return out


def _aliases_by_name(gold_people: Iterable[dict[str, Any]]) -> dict[str, set[str]]:
    return {fold(p["name"]): {fold(p["name"]), *(fold(a) for a in p.get("aliases", []))} for p in gold_people}


# --- scoring per kind -----------------------------------------------------------------------

Score = Callable[[dict[str, Any], Item, Source], float | None]


def _cite_spans(item: Item, source: Source) -> list[tuple[int, int]]:
    return [(c.start, c.end) for c in item.citations if c.source == source.id]


def _evidence_bonus(gold: dict[str, Any], item: Item, source: Source) -> float:
    span = gold["_span"]
    return 0.5 if any(_overlap(span, c) for c in _cite_spans(item, source)) else 0.0


def score_person(gold: dict[str, Any], item: Item, source: Source) -> float | None:
    name = fold(item.fields.get("name") or item.label)
    pred_aliases = {name, *(fold(a) for a in item.fields.get("aliases") or [])}
    gold_name = fold(gold["name"])
    if name == gold_name:
        return 2.0
    gold_aliases = {gold_name, *(fold(a) for a in gold.get("aliases", []))}
    if name in gold_aliases or gold_name in pred_aliases:
        return 1.0
    return None


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def score_statistic(gold: dict[str, Any], item: Item, source: Source) -> float | None:
    pred = _number(item.fields.get("normalized"))
    want = _number(gold["normalized"])
    if pred is None or want is None:
        return None
    g_class, p_class = unit_class(gold["unit"]), _pred_class(gold["unit"], item.fields.get("unit"))
    if g_class == "percent" and p_class == "fraction":
        pred, p_class = pred * 100, "percent"
    if g_class == "minutes" and p_class == "hours":
        pred, p_class = pred * 60, "minutes"
    if g_class != p_class:
        return None
    if abs(pred - want) > 0.005 * max(abs(want), 1e-9):
        return None
    return 1.0 + _evidence_bonus(gold, item, source)


def _pred_quote_span(item: Item, source: Source) -> tuple[int, int] | None:
    text = item.fields.get("text")
    cites = _cite_spans(item, source)
    if not text or len(fold(text)) < 4:
        return None
    near = cites[0][0] if cites else 0
    return locate(source.text, text, near)


def score_quote(gold: dict[str, Any], item: Item, source: Source) -> float | None:
    span = gold["_span"]
    length = span[1] - span[0]
    pred_span = _pred_quote_span(item, source)
    if pred_span and _overlap(span, pred_span):
        return 2.0 + _overlap(span, pred_span) / length
    best = max((_overlap(span, c) for c in _cite_spans(item, source)), default=0)
    if best:
        return 1.0 + best / length
    return None


def score_agreement(gold: dict[str, Any], item: Item, source: Source) -> float | None:
    g = tokens(gold["name"], drop_countries=True)
    p = tokens(item.fields.get("name") or item.label, drop_countries=True)
    if not g or not p:
        return None
    shared = len(g & p)
    ratio = shared / min(len(g), len(p))
    if ratio < 0.6 or (shared < 2 and min(len(g), len(p)) > 1):
        return None
    return ratio + _evidence_bonus(gold, item, source)


def _date_part(date: str | None) -> str:
    return (date or "").split("..")[0].strip()


def score_event(gold: dict[str, Any], item: Item, source: Source) -> float | None:
    g, p = _date_part(gold["date"]), _date_part(item.fields.get("date"))
    if not p or not (g.startswith(p) or p.startswith(g)):
        return None
    bonus = 0.5 if g == p else 0.0
    if _evidence_bonus(gold, item, source):
        return 2.0 + bonus
    gt, pt = tokens(gold["title"], True), tokens(item.fields.get("title") or item.label, True)
    if gt and pt and len(gt & pt) / len(gt) >= 0.3:
        return 1.0 + bonus
    gold_ids = {person_id(n) for n in gold.get("participants", [])}
    if gold_ids & set(item.fields.get("participants") or []):
        return 1.0 + bonus
    return None


SCORERS: dict[str, Score] = {
    "person": score_person, "statistic": score_statistic, "quote": score_quote,
    "agreement": score_agreement, "event": score_event,
}


# --- field accuracy -------------------------------------------------------------------------

def _measure_ok(gold: str | None, pred: str | None) -> bool:
    """Half of the shorter description's words shared: "durian imports" fits a longer gold wording."""
    g, p = tokens(gold), tokens(pred)
    if not g or not p:
        return not g and not p
    return len(g & p) / min(len(g), len(p)) >= 0.5


def _unit_ok(gold: dict[str, Any], pred: str | None) -> bool:
    """Same canonical unit; for counted nouns any wording that names the thing counted."""
    if canonical_unit(gold["unit"]) in (canonical_unit(pred), _pred_class(gold["unit"], pred)):
        return True
    if unit_class(gold["unit"]) == "count" == unit_class(pred) and pred:
        return bool(tokens(pred) & (tokens(gold["unit"]) | tokens(gold["measure"])))
    return False


def _source_ok(gold: str | None, pred: str | None) -> bool:
    if not gold:
        return not pred
    return bool(tokens(gold) & tokens(pred))


def _country_ok(gold: str | None, pred: str | None) -> bool:
    squash = {"vietnam": "vietnam", "viet nam": "vietnam", "prc": "china", "people's republic of china": "china"}
    g, p = fold(gold), fold(pred)
    return squash.get(g, g) == squash.get(p, p)


def _roles_ok(gold: list[str], pred: list[str] | None) -> bool:
    if not gold:
        return True
    g = set().union(*(tokens(r, True) for r in gold))
    p = set().union(*(tokens(r, True) for r in pred or [])) if pred else set()
    return bool(g & p)


def field_checks(kind: str, gold: dict[str, Any], item: Item,
                 aliases: dict[str, set[str]]) -> dict[str, bool]:
    """Which fields of a matched item agree with gold; a gold ``accept`` map lists other right answers."""
    checks = _field_checks(kind, gold, item, aliases)
    for name, alternatives in (gold.get("accept") or {}).items():
        if not checks.get(name, True):
            checks[name] = any(_field_checks(kind, {**gold, name: alt}, item, aliases).get(name, False)
                               for alt in alternatives)
    return checks


def _field_checks(kind: str, gold: dict[str, Any], item: Item,
                  aliases: dict[str, set[str]]) -> dict[str, bool]:
    f = item.fields
    if kind == "person":
        return {"country": _country_ok(gold["country"], f.get("country")),
                "roles": _roles_ok(gold["roles"], f.get("roles"))}
    if kind == "statistic":
        return {
            "unit": _unit_ok(gold, f.get("unit")),
            "scale": fold(gold["scale"]) == fold(f.get("scale")),
            "measure": _measure_ok(gold["measure"], f.get("measure")),
            "period": (gold["period"] or None) == (f.get("period") or None),
            "qualifier": canonical_qualifier(gold["qualifier"]) == canonical_qualifier(f.get("qualifier")),
            "according_to": _source_ok(gold["according_to"], f.get("according_to")),
        }
    if kind == "quote":
        checks = {"quote_kind": gold["quote_kind"] == f.get("quote_kind")}
        if gold.get("speaker"):
            names = aliases.get(fold(gold["speaker"]), {fold(gold["speaker"])})
            checks["speaker"] = (fold(f.get("speaker_name")) in names
                                 or f.get("speaker") == person_id(gold["speaker"]))
        return checks
    if kind == "agreement":
        return {"year": gold["year"] == _int_or_none(f.get("year")),
                "parties": {fold(x) for x in gold["parties"]} == {fold(x) for x in f.get("parties") or []}}
    if kind == "event":
        return {"date": gold["date"] == f.get("date"),
                "participants": {person_id(n) for n in gold["participants"]}
                <= set(f.get("participants") or [])}
    return {}


def _int_or_none(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


# --- evaluation -----------------------------------------------------------------------------

def _match(golds: list[dict[str, Any]], preds: list[Item], source: Source,
           scorer: Score) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, pred index), best score first; required gold before optional."""
    candidates = []
    for gi, g in enumerate(golds):
        for pi, p in enumerate(preds):
            s = scorer(g, p, source)
            if s is not None:
                candidates.append((0 if g.get("optional") else 1, s, -gi, -pi))
    candidates.sort(reverse=True)
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs = []
    for _, _, ngi, npi in candidates:
        gi, pi = -ngi, -npi
        if gi in used_g or pi in used_p:
            continue
        used_g.add(gi)
        used_p.add(pi)
        pairs.append((gi, pi))
    return pairs


def _describe_gold(kind: str, g: dict[str, Any]) -> str:
    if kind == "person":
        return g["name"]
    if kind == "statistic":
        return f"{g['text']} ({g['normalized']} {g['unit']}, {g['measure']}) — “{g['evidence']}”"
    if kind == "quote":
        return f"[{g.get('speaker')}] “{g['text']}”"
    if kind == "agreement":
        return f"{g['name']} ({g['year']})"
    return f"{g['date']} {g['title']}"


def _describe_pred(item: Item, source: Source) -> str:
    cite = next((c.text for c in item.citations if c.source == source.id), "")
    cite = re.sub(r"\s+", " ", cite)
    if len(cite) > 140:
        cite = cite[:137] + "…"
    f = item.fields
    extra = {
        "statistic": lambda: f"{f.get('normalized')} {f.get('unit')} [{f.get('measure')}]",
        "quote": lambda: f"[{f.get('speaker_name')}] {str(f.get('text'))[:80]}",
        "event": lambda: f"{f.get('date')}",
    }.get(item.kind, lambda: "")()
    return f"{item.label} {extra} — “{cite}”"


def citation_errors(sources: list[Source], items: list[Item]) -> list[str]:
    """Citations whose text differs from the source text at their offsets (must be none)."""
    texts = {s.id: s.text for s in sources}
    return [f"{i.id}: {c.source}[{c.start}:{c.end}]" for i in items for c in i.citations
            if texts.get(c.source, "")[c.start:c.end] != c.text]


def evaluate(sources_dir: Path = SOURCES_DIR, gold_dir: Path = GOLD_DIR,
             run: tuple[list[Source], list[Item]] | None = None) -> dict[str, Any]:
    """Compare pipeline output with gold. Returns per-kind counts, P/R, field accuracy, misses, FPs.

    ``run`` lets a caller pass (sources, items) it already has; otherwise the
    pipeline runs on every source that has a gold file.
    """
    gold = load_gold(gold_dir)
    if run is None:
        sources = [s for s in load_corpus(sources_dir) if s.id in gold]
        _, items = extract(sources)
    else:
        sources, items = run
    report: dict[str, Any] = {"kinds": {}, "citation_errors": citation_errors(sources, items)}
    for kind in KIND_ORDER:
        report["kinds"][kind] = {"gold": 0, "optional": 0, "predicted": 0, "matched": 0, "ignored": 0,
                                 "fields": {}, "misses": [], "false_positives": [], "field_errors": []}
    for source in sources:
        if source.id not in gold:
            continue
        entries = _gold_entries(source, gold[source.id])
        aliases = _aliases_by_name(gold[source.id].get("people", []))
        for kind in KIND_ORDER:
            golds = entries[kind]
            preds = [i for i in items if i.kind == kind and any(c.source == source.id for c in i.citations)]
            r = report["kinds"][kind]
            r["gold"] += sum(1 for g in golds if not g.get("optional"))
            r["optional"] += sum(1 for g in golds if g.get("optional"))
            r["predicted"] += len(preds)
            pairs = _match(golds, preds, source, SCORERS[kind])
            matched_g = {gi for gi, _ in pairs}
            matched_p = {pi for _, pi in pairs}
            for gi, pi in pairs:
                g, p = golds[gi], preds[pi]
                if g.get("optional"):
                    r["ignored"] += 1
                    continue
                r["matched"] += 1
                for name, ok in field_checks(kind, g, p, aliases).items():
                    tally = r["fields"].setdefault(name, [0, 0])
                    tally[0] += int(ok)
                    tally[1] += 1
                    if not ok:
                        want = g.get(name) if name != "speaker" else g.get("speaker")
                        got = p.fields.get(name if name != "speaker" else "speaker_name")
                        r["field_errors"].append(
                            f"{source.id[:3]} {name}: gold {want!r} ≠ {got!r} — {_describe_gold(kind, g)[:90]}")
            r["misses"] += [f"{source.id[:3]} {_describe_gold(kind, g)}" for gi, g in enumerate(golds)
                            if gi not in matched_g and not g.get("optional")]
            r["false_positives"] += [f"{source.id[:3]} {_describe_pred(p, source)}" for pi, p in enumerate(preds)
                                     if pi not in matched_p]
    for r in report["kinds"].values():
        scored = r["predicted"] - r["ignored"]
        r["precision"] = r["matched"] / scored if scored else 0.0
        r["recall"] = r["matched"] / r["gold"] if r["gold"] else 1.0
        r["fields"] = {n: ok / total for n, (ok, total) in r["fields"].items()}
    q = report["kinds"]["quote"]
    report["speaker_attribution"] = q["fields"].get("speaker", 0.0)
    return report


def format_report(report: dict[str, Any], details: bool = True) -> str:
    lines = [f"{'kind':<10} {'gold':>5} {'opt':>4} {'pred':>5} {'match':>6} {'ign':>4} {'prec':>6} {'recall':>7}"]
    for kind, r in report["kinds"].items():
        lines.append(f"{kind:<10} {r['gold']:>5} {r['optional']:>4} {r['predicted']:>5} {r['matched']:>6} "
                     f"{r['ignored']:>4} {r['precision']:>6.2f} {r['recall']:>7.2f}")
    lines.append(f"speaker attribution (matched quotes): {report['speaker_attribution']:.2f}")
    for kind, r in report["kinds"].items():
        if r["fields"]:
            accs = ", ".join(f"{n} {v:.2f}" for n, v in r["fields"].items())
            lines.append(f"  {kind} field accuracy: {accs}")
    errors = report["citation_errors"]
    lines.append(f"citation text errors: {len(errors)}")
    if details:
        lines.extend(f"  ! {e}" for e in errors[:20])
        for kind, r in report["kinds"].items():
            for title, rows in (("MISSES", r["misses"]), ("FALSE POSITIVES", r["false_positives"]),
                                ("FIELD ERRORS", r["field_errors"])):
                if rows:
                    lines.append(f"\n== {kind} {title} ({len(rows)})")
                    lines.extend(f"  - {row}" for row in rows)
    return "\n".join(lines)


def check_gold(articles: Path, gold_dir: Path) -> int:
    """Verify that every gold evidence and quote text is verbatim in its article (no extraction run)."""
    gold = load_gold(gold_dir)
    sources = {s.id: s for s in load_corpus(articles)}
    for stem, record in gold.items():
        entries = _gold_entries(sources[stem], record)
        print(stem, {kind: len(rows) for kind, rows in entries.items()})
    return 0


def main(argv: list[str] | None = None) -> int:
    """Evaluate the bundled corpus, or ``--fixtures``, or ``--dir DIR`` (articles in DIR, gold in DIR/gold).

    ``--summary``: table only; ``--check``: only verify the gold's evidence is verbatim.
    """
    args = sys.argv[1:] if argv is None else argv
    if "--dir" in args:
        articles = Path(args[args.index("--dir") + 1]).resolve()
        dirs = (articles, articles / "gold")
    elif "--fixtures" in args:
        dirs = (FIXTURES_DIR, FIXTURES_GOLD_DIR)
    else:
        dirs = (SOURCES_DIR, GOLD_DIR)
    if "--check" in args:
        return check_gold(*dirs)
    print(format_report(evaluate(*dirs), details="--summary" not in args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
