"""Turn a cited passage and its source into text a user pastes into their writing.

One CSL-JSON record per source (``csl_record``) is the only input every style
renders from. APA 7, Chicago 17 (notes and author-date), MLA 9 and Harvard
(Cite Them Right) come from the official CSL styles rendered by a real CSL
processor (see ``engine``); "plain" and "markdown" are the passage with the
default style's reference; "bibtex" and "csl-json" are records Zotero imports.

Unknown metadata is never filled in: each style says so in its own way
("n.d.", "no date", a title moved to the author's place). A date Bilateral
inferred (not stated by the source) is printed in square brackets, the mark
APA 7 and Chicago use for information the citer supplied: "(Xin, [2023])",
"Xin, G. ([2023, December])". See docs/citations.md.
"""

from __future__ import annotations

import datetime
import json
import re
from dataclasses import dataclass
from typing import Any

from bilateral.core.cite.engine import CitationError, render_markdown, render_record
from bilateral.core.cite.names import split_authors
from bilateral.core.folding import fold
from bilateral.core.model import Source

__all__ = [
    "DEFAULT_STYLE", "FORMATS", "STYLES", "CitationError", "Rendered", "clipboard_html",
    "csl_record", "format_citation", "human_date", "reference", "render",
]

#: Style key -> menu label, in menu order.
STYLES: dict[str, str] = {
    "apa": "APA 7th",
    "chicago-note": "Chicago 17th (notes)",
    "chicago-author-date": "Chicago 17th (author-date)",
    "mla": "MLA 9th",
    "harvard": "Harvard (Cite Them Right)",
    "plain": "Plain text",
    "markdown": "Markdown",
    "bibtex": "BibTeX",
    "csl-json": "CSL-JSON",
}
DEFAULT_STYLE = "apa"
FORMATS = STYLES  # the old name

_CSL_STYLES = ("apa", "chicago-note", "chicago-author-date", "mla", "harvard")
_ALIASES = {"chicago": "chicago-note"}  # keys of the old formats

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)
_BIBTEX_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


@dataclass(frozen=True)
class Rendered:
    """What goes on the clipboard: text/plain and text/html."""

    plain: str
    html: str


# -- the record ------------------------------------------------------------------------


def _date_parts(published: str | None) -> list[int]:
    """[year, month, day] as far as known; an impossible month or day (a library built before dates
    were checked may hold "2025-13") or an unreadable one leaves the year only, no readable year nothing."""
    if not published:
        return []
    parts: list[int] = []
    for part in published.split("-")[:3]:
        if not (part.isascii() and part.isdigit()):
            break
        parts.append(int(part))
    if not parts or not 1 <= parts[0] <= 9999:
        return []
    try:
        datetime.date(*parts, *[1] * (3 - len(parts)))
    except ValueError:
        return parts[:1]
    return parts


def csl_record(source: Source) -> dict[str, Any]:
    """The source as one CSL-JSON item; only what is known is present."""
    record: dict[str, Any] = {"id": citation_key(source), "type": "article-newspaper"}
    authors = [{k: v for k, v in n.items() if k != "family_first"} for n in split_authors(source.author)]
    if authors:
        record["author"] = authors
    if source.title:
        record["title"] = _one_line(source.title)
    if source.publisher:
        record["container-title"] = _one_line(source.publisher)
    parts = _date_parts(source.published)
    if parts:
        record["issued"] = {"date-parts": [parts]}
    if source.url:
        record["URL"] = source.url.strip()
    return record


def _render_input(source: Source) -> dict[str, Any]:
    record = csl_record(source)
    family_first = [i for i, n in enumerate(split_authors(source.author)) if n.get("family_first")]
    if family_first:
        record["_family_first"] = family_first
    return record


def _inferred(source: Source) -> bool:
    return source.published_basis == "inferred"


_STOPWORDS = frozenset(["a", "an", "the", "of", "on", "in", "at", "to", "for", "and", "or", "but", "with", "from", "by", "as", "is", "are", "new"])


def _ascii_words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", fold(text, keep_wide=False))


def citation_key(source: Source) -> str:
    """Zotero-like key: first author's family name, year, first title word ("xin2023china")."""
    authors = split_authors(source.author)
    title_words = [w for w in _ascii_words(source.title or "") if w not in _STOPWORDS and not w[0].isdigit()]
    head = ""
    if authors:
        first = authors[0]
        words = _ascii_words(first.get("family") or first.get("literal", ""))
        head = words[-1] if "family" in first and words else (words[0] if words else "")
    if not head and title_words:
        head = title_words.pop(0)
    parts = _date_parts(source.published)
    year = str(parts[0]) if parts else "nd"
    tail = title_words[0] if title_words else ""
    return f"{head or 'anon'}{year}{tail}"


# -- the passage ------------------------------------------------------------------------


def _one_line(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _nest_quotes(text: str) -> str:
    """Double quotes inside a passage become single ones, straight or curly."""
    text = text.replace("“", "‘").replace("”", "’")
    out: list[str] = []
    for i, ch in enumerate(text):
        if ch == '"':
            before = text[i - 1] if i else " "
            out.append("‘" if before.isspace() or before in "([{‘—–-/" else "’")
        else:
            out.append(ch)
    return "".join(out)


def _quoted(text: str) -> str:
    return f"“{_nest_quotes(_one_line(text))}”"


# -- rendering ---------------------------------------------------------------------------


def _check(style: object) -> str:
    if isinstance(style, str) and not isinstance(style, bool):
        key = _ALIASES.get(style, style)
        if key in STYLES:
            return key
    raise ValueError(f"unknown citation style {style!r}; choose one of {', '.join(STYLES)}")


def _esc(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def reference(source: Source, style: str = DEFAULT_STYLE) -> Rendered:
    """The bibliography entry alone (no passage)."""
    key = _check(style)
    if key in ("plain", "markdown"):
        ref = reference(source, DEFAULT_STYLE)
        if key == "markdown":
            return Rendered(render_markdown(DEFAULT_STYLE, _render_input(source), _inferred(source)), ref.html)
        return ref
    if key == "bibtex":
        text = _bibtex(source, None)
        return Rendered(text, f"<pre>{_esc(text)}</pre>")
    if key == "csl-json":
        text = _csl_json(source, None)
        return Rendered(text, f"<pre>{_esc(text)}</pre>")
    out = render_record(key, _render_input(source), _inferred(source))
    if key == "chicago-note":
        return Rendered(out.citation.plain, out.citation.html)  # the note form
    return Rendered(out.reference.plain, out.reference.html)


def render(style: str, text: str, source: Source) -> Rendered:
    """The passage with its citation in ``style`` (a key of ``STYLES``)."""
    key = _check(style)
    passage = _quoted(text)
    if key == "plain":
        ref = reference(source, DEFAULT_STYLE)
        return Rendered(f"{passage}\n— {ref.plain}",
                        f"<blockquote>{_esc(passage)}</blockquote>\n<p>— {ref.html}</p>")
    if key == "markdown":
        ref = reference(source, "markdown")
        from bilateral.core.cite.engine import markdown_escape

        return Rendered(f"> {markdown_escape(passage)}\n>\n> — {ref.plain}",
                        f"<blockquote>{_esc(passage)}</blockquote>\n<p>— {ref.html}</p>")
    if key in ("bibtex", "csl-json"):
        body = _bibtex(source, text) if key == "bibtex" else _csl_json(source, text)
        return Rendered(body, f"<pre>{_esc(body)}</pre>")
    out = render_record(key, _render_input(source), _inferred(source))
    if key == "chicago-note":
        return Rendered(
            f"{passage}¹\n\n1. {out.citation.plain}",
            f"<p>{_esc(passage)}<sup>1</sup></p>\n<p>1. {out.citation.html}</p>",
        )
    # An author-date style: the parenthetical citation follows the closing quotation
    # mark and the sentence's full stop moves after it; a "?" or "!" stays inside
    # (APA, Chicago author-date, MLA and Cite Them Right all place it so).
    cite_plain, cite_html = out.citation.plain, out.citation.html
    if cite_plain:
        inner = _nest_quotes(_one_line(text))
        if inner.endswith(".") and not inner.endswith(".."):
            inner = inner[:-1]
        q = f"“{inner}”"
        line_plain, line_html = f"{q} {cite_plain}.", f"{_esc(q)} {cite_html}."
    else:
        line_plain, line_html = passage, _esc(passage)
    if not out.reference.plain:  # MLA prints nothing for a source with nothing known
        return Rendered(line_plain, f"<p>{line_html}</p>")
    return Rendered(f"{line_plain}\n\n{out.reference.plain}",
                    f"<p>{line_html}</p>\n<p>{out.reference.html}</p>")


def format_citation(fmt: str, text: str, source: Source, start: int | None = None,
                    end: int | None = None) -> str:
    """Old entry point: the plain text of ``render`` (offsets are not shown to readers)."""
    return render(fmt, text, source).plain


def clipboard_html(text: str, source: Source, style: str = DEFAULT_STYLE) -> str:
    """Old entry point: the HTML of ``render``."""
    return render(style, text, source).html


# -- BibTeX and CSL-JSON ----------------------------------------------------------------


def _passage_note(text: str | None, source: Source) -> str:
    notes = []
    if _inferred(source):
        notes.append("Publication date inferred from the article's content, not stated in it.")
    if text is not None:
        notes.append(f"Quoted passage: {_quoted(text)}")
    return " ".join(notes)


def _bibtex_escape(value: str) -> str:
    value = value.replace("\\", "\x00")
    value = re.sub(r"([{}%&$#_])", r"\\\1", value)
    value = value.replace("~", r"\textasciitilde{}").replace("^", r"\textasciicircum{}")
    return value.replace("\x00", r"\textbackslash{}")


def _bibtex_name(name: dict[str, Any]) -> str:
    if "literal" in name:
        return "{" + _bibtex_escape(name["literal"]) + "}"
    family = _bibtex_escape(name["family"])
    if " " in name["family"] and not name["family"][0].islower():
        family = "{" + family + "}"  # keep "Van Gogh" one family name
    parts = [family]
    if name.get("suffix"):
        parts.append(_bibtex_escape(name["suffix"]))
    parts.append(_bibtex_escape(name["given"]))
    return ", ".join(parts)


def _bibtex(source: Source, text: str | None) -> str:
    """@article (a periodical is named) or @online, as Zotero's BibTeX import reads them."""
    record = csl_record(source)
    entry = "article" if source.publisher else "online"
    fields: list[tuple[str, str]] = []
    if "author" in record:
        fields.append(("author", "{" + " and ".join(_bibtex_name(n) for n in record["author"]) + "}"))
    if "title" in record:
        fields.append(("title", "{" + _bibtex_escape(record["title"]) + "}"))
    if "container-title" in record:
        fields.append(("journal", "{" + _bibtex_escape(record["container-title"]) + "}"))
    parts = _date_parts(source.published)
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _BIBTEX_MONTHS[parts[1] - 1]))  # the month macro, unbraced
        if len(parts) > 2:
            fields.append(("date", f"{{{parts[0]:04d}-{parts[1]:02d}-{parts[2]:02d}}}"))
    if "URL" in record:
        fields.append(("url", "{" + record["URL"].replace("{", "%7B").replace("}", "%7D") + "}"))
    note = _passage_note(text, source)
    if note:
        fields.append(("note", "{" + _bibtex_escape(note) + "}"))
    body = "".join(f"  {k} = {v},\n" for k, v in fields).removesuffix(",\n")
    return f"@{entry}{{{record['id']},\n{body}\n}}\n" if body else f"@{entry}{{{record['id']},\n}}\n"


def _csl_json(source: Source, text: str | None) -> str:
    record = csl_record(source)
    note = _passage_note(text, source)
    if note:
        record["note"] = note
    return json.dumps([record], ensure_ascii=False, indent=2) + "\n"


# -- header date --------------------------------------------------------------------------


def human_date(source: Source) -> str:
    """"15 April 2025", "December 2023", "2025" or "n.d."; "(inferred)" appended when it is."""
    parts = _date_parts(source.published)
    if not parts:
        return "n.d."
    words = [str(parts[0])]
    if len(parts) > 1:
        words.insert(0, _MONTHS[parts[1] - 1])
    if len(parts) > 2:
        words.insert(0, str(parts[2]))
    text = " ".join(words)
    return f"{text} (inferred)" if _inferred(source) else text
