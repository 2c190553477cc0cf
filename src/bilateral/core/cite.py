"""Turn a cited passage and its source into text a user pastes into their writing.

Unknown metadata is never filled in: a missing title prints as "[untitled]",
a missing date as "n.d.", and an inferred date is marked as inferred, so a
reader of the citation knows what the source itself does not say.
"""

from __future__ import annotations

import html
import json
import re

from bilateral.core.ids import slugify
from bilateral.core.model import Source

FORMATS: dict[str, str] = {
    "plain": "Plain text",
    "markdown": "Markdown",
    "apa": "APA-like",
    "chicago": "Chicago-like (footnote)",
    "bibtex": "BibTeX",
    "csl-json": "CSL-JSON",
}

_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)


def _date_parts(published: str | None) -> list[int]:
    return [int(p) for p in published.split("-")] if published else []


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
    return f"{text} (inferred)" if source.published_basis == "inferred" else text


def _title(source: Source) -> str:
    return source.title or "[untitled]"


def _clean(text: str) -> str:
    """One line: a passage cut across a stray break reads as one sentence."""
    return re.sub(r"\s+", " ", text).strip()


def _location(start: int | None, end: int | None) -> str:
    return f"chars {start}–{end}" if start is not None and end is not None else ""


def reference(source: Source) -> str:
    """The plain one-line reference: Title. Publisher, date. URL."""
    bits = [f"“{_title(source)}”"]
    if source.author:
        bits.insert(0, source.author)
    bits.append(source.publisher or "publisher unknown")
    bits.append(human_date(source))
    line = ", ".join(bits)
    return f"{line}. {source.url}" if source.url else f"{line}."


def _apa(text: str, source: Source) -> str:
    parts = _date_parts(source.published)
    if parts:
        date = str(parts[0])
        if len(parts) > 1:
            date += f", {_MONTHS[parts[1] - 1]}" + (f" {parts[2]}" if len(parts) > 2 else "")
        if source.published_basis == "inferred":
            date += " [inferred]"
    else:
        date = "n.d."
    head = f"{source.author}. ({date}). {_title(source)}." if source.author else f"{_title(source)}. ({date})."
    tail = f" {source.publisher}." if source.publisher else ""
    url = f" {source.url}" if source.url else ""
    return f"“{text}”\n\n{head}{tail}{url}"


def _chicago(text: str, source: Source) -> str:
    # Author, “Title,” Publisher, Date, URL. — the comma after a title sits inside its quotes.
    rest = [x for x in (source.publisher, human_date(source), source.url) if x]
    note = f"“{_title(source)},” " + ", ".join(rest)
    if source.author:
        note = f"{source.author}, {note}"
    return f"“{text}”\n\n1. {note}."


def _bibtex(text: str, source: Source, location: str) -> str:
    parts = _date_parts(source.published)
    fields: list[tuple[str, str]] = [("title", _title(source))]
    if source.author:
        fields.append(("author", source.author))
    if source.publisher:
        fields.append(("journal", source.publisher))
    if parts:
        fields.append(("year", str(parts[0])))
        if len(parts) > 1:
            fields.append(("month", _MONTHS[parts[1] - 1][:3].lower()))
        if len(parts) > 2:
            fields.append(("date", source.published or ""))
    if source.url:
        fields.append(("url", source.url))
    note = f"Quoted passage: {text}"
    if location:
        note += f" ({location})"
    if source.published_basis == "inferred":
        note += "; publication date inferred"
    fields.append(("note", note))
    body = ",\n".join(f"  {k} = {{{_bibtex_escape(v)}}}" for k, v in fields)
    key = slugify(f"{source.id}", 40).replace("-", "_")
    return f"@article{{{key},\n{body}\n}}"


def _bibtex_escape(value: str) -> str:
    return re.sub(r"([{}%&$#_])", r"\\\1", value)


def _csl_json(text: str, source: Source, location: str) -> str:
    record: dict[str, object] = {"id": source.id, "type": "article-newspaper", "title": _title(source)}
    if source.author:
        record["author"] = [{"literal": source.author}]
    if source.publisher:
        record["container-title"] = source.publisher
    parts = _date_parts(source.published)
    if parts:
        record["issued"] = {"date-parts": [parts]}
    if source.url:
        record["URL"] = source.url
    note = f"Quoted passage: {text}"
    if location:
        note += f" ({location})"
    if source.published_basis == "inferred":
        note += "; publication date inferred"
    record["note"] = note
    return json.dumps([record], ensure_ascii=False, indent=2)


def format_citation(
    fmt: str, text: str, source: Source, start: int | None = None, end: int | None = None
) -> str:
    """The passage with its citation in one of ``FORMATS``."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown citation format {fmt!r}; choose one of {', '.join(FORMATS)}")
    passage = _clean(text)
    location = _location(start, end)
    if fmt == "plain":
        suffix = f" [{location}]" if location else ""
        return f"“{passage}”\n— {reference(source)}{suffix}"
    if fmt == "markdown":
        ref = reference(source)
        if source.url:
            ref = ref.replace(source.url, f"<{source.url}>")
        return f"> {passage}\n>\n> — {ref}"
    if fmt == "apa":
        return _apa(passage, source)
    if fmt == "chicago":
        return _chicago(passage, source)
    if fmt == "bibtex":
        return _bibtex(passage, source, location)
    return _csl_json(passage, source, location)


def clipboard_html(text: str, source: Source) -> str:
    """Escaped HTML for rich-text paste: the passage as a blockquote, then its reference."""
    title = html.escape(_title(source))
    if source.url:
        title = f'<a href="{html.escape(source.url, quote=True)}">{title}</a>'
    bits = [f"“{title}”"]
    if source.author:
        bits.insert(0, html.escape(source.author))
    bits.append(html.escape(source.publisher or "publisher unknown"))
    bits.append(html.escape(human_date(source)))
    return (
        f"<blockquote>{html.escape(_clean(text))}</blockquote>"
        f"<p>— {', '.join(bits)}</p>"
    )
