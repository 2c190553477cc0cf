"""Read a file or a URL a user imports into (stored text, detected metadata). No storage here.

What is stored, per kind (citations are offsets into ``ReadDocument.text``):

- **text** (.txt, .text): the decoded file content exactly — no newline
  translation (CRLF stays CRLF, a lone CR stays), so offsets refer to the
  file's characters. Bytes are decoded as UTF-8 when they are valid UTF-8
  (no charset detection then); a byte-order mark is honoured and *not* kept:
  UTF-8 with BOM is decoded with ``utf-8-sig`` (encoding recorded as
  "utf-8-sig", offsets count from the first character after the BOM),
  UTF-16/UTF-32 with BOM likewise ("utf-16", "utf-32"). Anything else goes
  to charset-normalizer (cp1252 and latin-1 files from Windows editors).
- **markdown** (.md, .markdown): like text — the file content exactly,
  markup included (offsets refer to the file). Front matter ``title:`` /
  ``author:`` / ``date:`` and a first ``# heading`` are stated metadata.
- **html** (.html, .htm, or a fetched page): the article's main text found
  by trafilatura — navigation, ads, scripts, comments and cookie banners left
  out — one paragraph per block, blocks separated by a blank line. Nothing is
  executed and nothing is fetched (no subresources). Metadata from ``<meta>``,
  ``<link rel=canonical>``, JSON-LD and byline markup is "stated" with the
  tag as evidence; other dates come from htmldate — the page's date markup
  ("stated") or its URL ("inferred"), never a date merely mentioned in the
  prose. A copyright line in the footer gives an "inferred" publisher.
- **pdf**: the text layer (pypdf), page by page, pages joined by a form feed
  on its own line (``"\\n\\f\\n"``): to the passage splitter that is a blank
  line, and the page of an offset is ``text.count("\\f", 0, offset) + 1``.
  Within a page the layout's line wrapping is undone (one line per
  paragraph, see ``_reflow``); the words and their order are pypdf's.
  No text layer -> ``ReadError("… no text layer — scanned PDF?")``.

Metadata has the shape of ``ingest.sources.read_metadata``; fields a kind
does not state are filled by ``detect.detect_metadata`` (basis "inferred").

Every failure is a ``ReadError`` with one line for the user. A path is
checked with ``os.stat`` before it is opened: folders, FIFOs, devices,
dangling links and files over ``MAX_BYTES`` are refused unopened.
"""

from __future__ import annotations

import codecs
import hashlib
import http.client
import io
import json
import os
import re
import stat
import unicodedata
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bilateral.core.folding import case_key
from bilateral.core.model import METADATA_FIELDS
from bilateral.ingest.detect import detect_metadata

MAX_BYTES = 50 * 1024 * 1024
"""Largest file or download Bilateral imports (50 MiB); larger ones are refused unread."""

Field = dict[str, str | None]

_SUFFIX_KIND = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
                ".html": "html", ".htm": "html", ".pdf": "pdf"}
_CONTENT_KIND = {"text/plain": "text", "text/markdown": "markdown", "text/x-markdown": "markdown",
                 "text/html": "html", "application/xhtml+xml": "html", "application/pdf": "pdf"}
_MAGIC: list[tuple[bytes, str]] = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"%PDF-", "a PDF document"), (b"PK\x03\x04", "a ZIP archive (or a Word/OpenDocument file)"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"), (b"\x1f\x8b", "a gzip archive"),
    (b"\x7fELF", "a program"), (b"{\\rtf", "an RTF document (save it as plain text)"),
    (b"RIFF", "a media file"), (b"II*\x00", "a TIFF image"), (b"MM\x00*", "a TIFF image"),
]
_BOMS: list[tuple[bytes, str]] = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


class ReadError(ValueError):
    """A file or URL that cannot be imported; the message is one line for the user."""


@dataclass(frozen=True)
class ReadDocument:
    text: str             # the text to store verbatim; citations are offsets into it
    kind: str             # "text" | "markdown" | "html" | "pdf"
    file: str | None      # original file name (None for a URL)
    path: str | None      # original path as given (None for a URL)
    url: str | None       # canonical URL if known, else the fetched URL
    sha256: str           # of the original bytes
    encoding: str | None  # how bytes were decoded (None for PDF)
    metadata: dict[str, Field]


# ---------------------------------------------------------------- entry points

def read_file(path: Path) -> ReadDocument:
    """Read one file a user picked; dispatch by suffix (.txt .text .md .markdown .html .htm .pdf)."""
    path = Path(path)
    name = path.name or str(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            try:
                target = f" (it points to {os.readlink(path)!r}, which does not exist)"
            except OSError:
                target = ""
            raise ReadError(f"{name}: broken link{target}") from None
        raise ReadError(f"{name}: no such file") from None
    except PermissionError:
        raise ReadError(f"{name}: permission denied") from None
    except OSError as exc:
        raise ReadError(f"{name}: cannot read ({exc.strerror})") from None
    if stat.S_ISDIR(st.st_mode):
        raise ReadError(f"{name}: is a folder, not a file")
    if not stat.S_ISREG(st.st_mode):
        what = ("a FIFO (named pipe)" if stat.S_ISFIFO(st.st_mode) else
                "a device" if stat.S_ISCHR(st.st_mode) or stat.S_ISBLK(st.st_mode) else
                "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise ReadError(f"{name}: is {what}, not a regular file")
    kind = _SUFFIX_KIND.get(path.suffix.lower())
    if kind is None:
        raise ReadError(f"{name} is not a file type Bilateral imports (txt, md, html, pdf)")
    _check_size(name, st.st_size, MAX_BYTES)
    if st.st_size == 0:
        raise ReadError(f"{name}: the file is empty")
    data = _read_regular(path, name)
    return _read(data, name, kind, file=name, path=str(path), url=None)


def read_bytes(data: bytes, name: str, *, url: str | None = None,
               content_type: str | None = None) -> ReadDocument:
    """Read bytes already in memory (a download, a drop); the kind comes from content_type, name or content."""
    _check_size(name, len(data), MAX_BYTES)
    kind = _kind_of(data, name, content_type)
    charset = _charset_param(content_type)
    return _read(data, name, kind, file=None if url else name, path=None, url=url, charset=charset)


def fetch_url(url: str, *, timeout: float = 20.0, max_bytes: int = MAX_BYTES) -> ReadDocument:
    """Download one http(s) URL (timeout, size cap) and read it: a page as saved HTML, a PDF as PDF."""
    parts = urllib.parse.urlsplit(url.strip())
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise ReadError(f"{url}: only http:// and https:// addresses can be imported")
    url = parts.geturl()
    opener = urllib.request.build_opener(_HttpOnlyRedirects())
    request = urllib.request.Request(url, headers={
        "User-Agent": "Bilateral/0.1 (news reference browser)",
        "Accept": "text/html,application/xhtml+xml,application/pdf,text/plain;q=0.9,*/*;q=0.5",
    })
    try:
        with opener.open(request, timeout=timeout) as response:
            length = response.headers.get("Content-Length")
            if length and length.isdigit():
                _check_size(url, int(length), max_bytes)
            data = response.read(max_bytes + 1)
            _check_size(url, len(data), max_bytes)
            final_url = response.geturl() or url
            content_type = response.headers.get("Content-Type")
    except ReadError:
        raise
    except urllib.error.HTTPError as exc:
        raise ReadError(f"{url}: the server answered {exc.code} {exc.reason}") from None
    except urllib.error.URLError as exc:
        raise ReadError(f"{url}: cannot download ({_one_line(exc.reason)})") from None
    except TimeoutError:
        raise ReadError(f"{url}: no answer within {timeout:g} s") from None
    except (OSError, ValueError, http.client.HTTPException) as exc:
        raise ReadError(f"{url}: cannot download ({_one_line(exc)})") from None
    name = Path(urllib.parse.urlsplit(final_url).path).name or parts.netloc
    if not data:
        raise ReadError(f"{url}: the server sent nothing")
    kind = _kind_of(data, name, content_type, default="html")
    return _read(data, name, kind, file=None, path=None, url=final_url, charset=_charset_param(content_type))


def normalised_for_duplicates(text: str) -> str:
    """The text with encoding and layout differences removed, for "same article twice" checks (hash it).

    NFKC (curly vs straight quotes stay distinct, but compatibility forms and
    non-breaking spaces fold), no BOM, any newline convention, runs of white
    space as one space, no blank lines or page breaks, no leading/trailing space.
    """
    text = unicodedata.normalize("NFKC", text.replace("\ufeff", ""))
    lines = (" ".join(line.split()) for line in re.split(r"\r\n|\r|\n|\f", text))
    return "\n".join(line for line in lines if line)


# ---------------------------------------------------------------- plumbing

class _HttpOnlyRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http(s) only; anything else is a ReadError naming it."""

    def http_error_302(self, req, fp, code, msg, headers):  # type: ignore[no-untyped-def]
        target = headers.get("Location") or headers.get("URI") or ""
        newurl = urllib.parse.urljoin(req.full_url, target)
        if urllib.parse.urlsplit(newurl).scheme.lower() not in ("http", "https"):
            raise ReadError(f"{req.full_url}: redirected to a non-web address ({_one_line(newurl)})")
        return super().http_error_302(req, fp, code, msg, headers)

    http_error_301 = http_error_303 = http_error_307 = http_error_308 = http_error_302


def _one_line(value: object) -> str:
    return " ".join(str(value).split()) or type(value).__name__


def _size(n: int) -> str:
    for unit, scale in (("MB", 1 << 20), ("KB", 1 << 10)):
        if n >= scale:
            return f"{n / scale:.1f}".removesuffix(".0") + f" {unit}"
    return f"{n} bytes"


def _check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise ReadError(f"{name}: {_size(size)} is over the {_size(limit)} import limit")


def _read_regular(path: Path, name: str) -> bytes:
    try:
        # O_NONBLOCK: should the file have been swapped for a FIFO since the stat, open does not hang.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except PermissionError:
        raise ReadError(f"{name}: permission denied (the file is not readable)") from None
    except OSError as exc:
        raise ReadError(f"{name}: cannot open ({exc.strerror})") from None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise ReadError(f"{name}: is not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as handle:
            data = handle.read(MAX_BYTES + 1)
    except OSError as exc:
        raise ReadError(f"{name}: cannot read ({exc.strerror})") from None
    finally:
        os.close(fd)
    _check_size(name, len(data), MAX_BYTES)
    if not data:
        raise ReadError(f"{name}: the file is empty")
    return data


def _charset_param(content_type: str | None) -> str | None:
    m = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", content_type or "", re.I)
    return m.group(1) if m else None


def _kind_of(data: bytes, name: str, content_type: str | None, default: str | None = None) -> str:
    mime = (content_type or "").split(";")[0].strip().lower()
    if data[:5] == b"%PDF-":
        return "pdf"
    kind = _SUFFIX_KIND.get(Path(name).suffix.lower())
    if mime in _CONTENT_KIND and not (kind and mime == "text/plain"):  # .md is often served as text/plain
        return _CONTENT_KIND[mime]
    if kind:
        return kind
    head = data[:1024].lstrip().lower()
    if head.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<html" in head:
        return "html"
    if default:
        return default
    raise ReadError(f"{name} is not a file type Bilateral imports (txt, md, html, pdf)")


def _read(data: bytes, name: str, kind: str, *, file: str | None, path: str | None, url: str | None,
          charset: str | None = None) -> ReadDocument:
    if not data.strip():
        raise ReadError(f"{name}: the file is empty")
    digest = hashlib.sha256(data).hexdigest()
    if kind == "pdf":
        text, meta = _read_pdf(data, name)
        encoding = None
    else:
        text, encoding = decode_text(data, name, declared=charset, html=kind == "html")
        if kind == "html":
            text, meta, canonical = _read_html(text, name, url)
            url = canonical or url
        elif kind == "markdown":
            meta = _markdown_metadata(text)
        else:
            meta = {}
    if not text.strip():
        raise ReadError(f"{name}: no text in it")
    metadata = _complete(meta, text)
    if url and metadata["url"]["basis"] != "stated":
        metadata["url"] = {"value": url, "basis": "stated", "evidence": "the address it was fetched from"}
    # ReadDocument.url: a stated address (canonical link, og:url, front matter) or the fetched one;
    # a URL the text detector merely inferred stays in metadata only.
    stated_url = metadata["url"]["value"] if metadata["url"]["basis"] == "stated" else None
    return ReadDocument(text=text, kind=kind, file=file, path=path, url=stated_url or url,
                        sha256=digest, encoding=encoding, metadata=metadata)


def _complete(meta: dict[str, Field], text: str) -> dict[str, Field]:
    """Every field of METADATA_FIELDS: what the format stated, else what the text detector inferred."""
    detected = detect_metadata(text)
    out: dict[str, Field] = {}
    for name in METADATA_FIELDS:
        given = meta.get(name)
        out[name] = given if given and given.get("value") else detected[name]
    return out


# ---------------------------------------------------------------- decoding

def decode_text(data: bytes, name: str, *, declared: str | None = None, html: bool = False) -> tuple[str, str]:
    """(text, encoding) of bytes that should be text; ReadError when they are not.

    Order: a BOM decides; else valid UTF-8 is UTF-8 (no detection run); else a
    declared charset (HTTP header, HTML <meta charset>) if it decodes; else
    charset-normalizer's best guess (cp1252 preferred among equal guesses).
    """
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise ReadError(f"{name}: this is {what}, not text")
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(codec)
            except UnicodeDecodeError as exc:
                raise ReadError(f"{name}: broken {codec} text (bad bytes at {exc.start})") from None
            _check_textual(text, name)
            return text, codec
    if b"\x00" not in data:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            _check_textual(text, name)
            return text, "utf-8"
    if declared is None and html:
        m = re.search(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", data[:4096], re.I)
        declared = m.group(1).decode("ascii", "replace") if m else None
    if declared:
        try:
            codec = codecs.lookup(declared).name
            if codec not in ("utf-8",):
                text = data.decode(codec)
                _check_textual(text, name)
                return text, codec
        except (LookupError, UnicodeDecodeError):
            pass
    text, codec = _detect(data, name)
    _check_textual(text, name)
    return text, codec


def _detect(data: bytes, name: str) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    matches = from_bytes(data)
    best = matches.best()
    if best is None:
        raise ReadError(f"{name}: this is not text (binary data in no known encoding)")
    codec = codecs.lookup(best.encoding).name
    # Single-byte guesses are often ties (cp1250, cp1252, cp1257 read English equally
    # well); among equals, cp1252 is what Windows editors write.
    if codec != "cp1252":
        for other in matches:
            candidates = {codecs.lookup(c).name for c in [other.encoding, *other.could_be_from_charset]}
            if ("cp1252" in candidates and other.chaos <= best.chaos + 0.01
                    and other.coherence >= best.coherence - 0.05):
                codec = "cp1252"
                break
    try:
        return data.decode(codec), codec
    except UnicodeDecodeError:
        return str(best), codec


def _check_textual(text: str, name: str) -> None:
    if not text.strip():
        raise ReadError(f"{name}: the file is empty")
    sample = text[:65536]
    bad = len(_CONTROL.findall(sample))
    if "\x00" in sample or bad > max(2, len(sample) // 200):
        raise ReadError(f"{name}: this is not text (binary data)")


# ---------------------------------------------------------------- markdown

_FRONT_MATTER = re.compile(r"\A---[ \t]*\r?\n(?P<body>.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.S)


def _markdown_metadata(text: str) -> dict[str, Field]:
    meta: dict[str, Field] = {}
    body_start = 0
    fm = _FRONT_MATTER.match(text)
    if fm:
        body_start = fm.end()
        keys = {"title": "title", "author": "author", "authors": "author", "date": "published",
                "published": "published", "publisher": "publisher", "source": "publisher", "url": "url",
                "canonical_url": "url"}
        for line in fm.group("body").splitlines():
            m = re.match(r"^([A-Za-z_]+)\s*:\s*(.+?)\s*$", line)
            if not m or m.group(1).lower() not in keys:
                continue
            field = keys[case_key(m.group(1))]
            value = m.group(2).strip().strip("\"'")
            if field == "published":
                value = _iso_date(value) or ""
            if value and field not in meta:
                meta[field] = {"value": value, "basis": "stated", "evidence": f"front matter '{m.group(1)}:'"}
    if "title" not in meta:
        for line in text[body_start:].splitlines():
            if not line.strip():
                continue
            m = re.match(r"^#\s+(.+?)\s*#*\s*$", line)
            if m:
                meta["title"] = {"value": m.group(1), "basis": "stated", "evidence": "first-level heading '# …'"}
            break
    return meta


def _iso_date(value: str | None) -> str | None:
    """"2025-04-14T09:30:00+07:00" -> "2025-04-14"; the date as written at the place of publication."""
    if not value:
        return None
    m = re.match(r"^\s*(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value)
    if not m:
        return None
    date = "-".join(g for g in m.groups() if g)
    return date if _DATE.match(date) and 1900 <= int(m.group(1)) <= 2100 else None


# ---------------------------------------------------------------- HTML

_META_FIELDS: dict[str, list[tuple[str, str]]] = {
    "title": [("property", "og:title"), ("name", "twitter:title"), ("name", "dc.title"),
              ("name", "title"), ("name", "headline")],
    "author": [("name", "author"), ("property", "article:author"), ("name", "byl"),
               ("name", "dc.creator"), ("name", "sailthru.author"), ("name", "parsely-author")],
    "publisher": [("property", "og:site_name"), ("name", "application-name"), ("name", "publisher"),
                  ("name", "dc.publisher"), ("name", "copyright")],
    "published": [("property", "article:published_time"), ("property", "og:published_time"),
                  ("name", "date"), ("name", "pubdate"), ("name", "publishdate"), ("name", "dc.date.issued"),
                  ("name", "dc.date"), ("itemprop", "datePublished"), ("name", "parsely-pub-date"),
                  ("name", "sailthru.date"), ("name", "article.published")],
    "url": [("property", "og:url")],
}
_SHORT_ARTICLE = 500  # characters; less than this from the fast extraction -> try the full one
_STRIP_TAGS = ("script", "style", "noscript", "iframe", "frame", "frameset", "object", "embed",
               "applet", "template", "svg", "canvas", "button", "input", "select", "textarea")


def _read_html(html: str, name: str, base_url: str | None) -> tuple[str, dict[str, Field], str | None]:
    """A page's article text, its metadata (each value with the markup it came from) and its canonical
    URL. Scripts, frames and event handlers are dropped before any text is read."""
    from trafilatura.utils import load_html

    try:
        tree = load_html(html)
    except Exception as exc:  # lxml raises a zoo of errors on broken markup
        raise ReadError(f"{name}: cannot parse this HTML ({_one_line(exc)})") from None
    if tree is None:
        raise ReadError(f"{name}: cannot parse this HTML")
    meta = _html_metadata(tree, base_url)
    canonical = meta.get("url", {}).get("value")
    if "author" not in meta:
        _markup_byline(tree, meta)
    if "publisher" not in meta:
        _footer_copyright(tree, meta)
    if "published" not in meta:
        _markup_date(tree, meta, canonical or base_url)
    _strip_active_content(tree)
    text = _article_text(tree, canonical or base_url)
    if not text:
        raise ReadError(f"{name}: no article text found in this page")
    _title_without_site(meta)
    return text, meta, canonical


def _markup_date(tree: Any, meta: dict[str, Field], url: str | None) -> None:
    """The publication date htmldate finds in the page's markup, else in its URL (as inferred). No
    free-text search: a date merely mentioned in the prose is not the publication date; the plain-text
    detector reads a dateline in the article instead."""
    import htmldate

    date, evidence, basis = None, "", "stated"
    try:
        date = htmldate.find_date(_copy(tree), extensive_search=False, original_date=True)
        evidence = "htmldate: a publication date in the page markup (header or time element)"
        if not date and url:
            date = htmldate.find_date(_copy(tree), extensive_search=False, original_date=True, url=url)
            evidence, basis = "htmldate: a date in the page's URL", "inferred"
    except Exception:  # htmldate is heuristic; a failure means no date, not no article
        date = None
    if date and _iso_date(date):
        meta["published"] = {"value": _iso_date(date), "basis": basis, "evidence": evidence}


def _strip_active_content(tree: Any) -> None:
    """Scripts, frames, forms and embedded objects out; no element keeps an ``on…`` handler."""
    for bad in tree.xpath("//" + " | //".join(_STRIP_TAGS)):
        if bad.getparent() is not None:
            bad.drop_tree()
    for element in tree.iter():
        for attribute in [a for a in element.attrib if a.lower().startswith("on")]:
            del element.attrib[attribute]


def _article_text(tree: Any, url: str | None) -> str:
    """The article's paragraphs, one per blank-line-separated line.

    Metadata is ours (every value with its tag as evidence), so trafilatura only finds the text:
    with_metadata would re-run htmldate's full-text search on every page (half its time). fast (no
    readability/jusText comparison) is ~3x quicker; a page where it finds little gets the full
    comparison, and a page where neither finds anything trafilatura's baseline."""
    import trafilatura

    body = ""
    for fast in (True, False):
        doc = trafilatura.bare_extraction(_copy(tree), url=url, fast=fast, with_metadata=False,
                                          include_comments=False, include_tables=True, include_images=False,
                                          include_links=False, deduplicate=False)
        body = (getattr(doc, "text", None) or "") if doc is not None else ""
        if len(body) >= _SHORT_ARTICLE:
            break
    if not body.strip():
        body = ""
        try:
            _, body, _ = trafilatura.baseline(_copy(tree))
        except Exception:
            body = ""
    paragraphs = [" ".join(line.split()) for line in body.splitlines()]
    return "\n\n".join(p for p in paragraphs if p)


def _title_without_site(meta: dict[str, Field]) -> None:
    """"Talks resume | The Daily Record" -> "Talks resume" when the publisher is known."""
    title = meta.get("title")
    publisher = (meta.get("publisher") or {}).get("value")
    if title and publisher and title["value"]:
        for sep in (" | ", " - ", " – ", " — ", " :: "):
            if title["value"].endswith(sep + publisher):
                title["value"] = title["value"][: -len(sep + publisher)].strip()
                title["evidence"] = f"{title['evidence']}, site name removed"


_BYLINE_XPATH = (
    ("//a[@rel='author']", "<a rel='author'>"),
    ("//*[@itemprop='author']", "itemprop='author'"),
    ("//*[contains(concat(' ', normalize-space(@class), ' '), ' byline ')]", "class='byline'"),
    ("//*[contains(concat(' ', normalize-space(@class), ' '), ' author ')]", "class='author'"),
)


def _markup_byline(tree, meta: dict[str, Field]) -> None:  # type: ignore[no-untyped-def]
    """An author named by the page's byline markup ("<p class='byline'>By Jane Doe</p>")."""
    for xpath, where in _BYLINE_XPATH:
        for element in tree.xpath(xpath)[:3]:
            if element.tag in ("meta", "link", "script"):
                continue
            name = " ".join(element.text_content().split())
            name = re.sub(r"^(?:by|written by|author:)\s+", "", name, flags=re.I).strip(" ,|")
            if 1 <= len(name.split()) <= 6 and re.match(r"[A-ZÀ-Ỹ]", name) and not re.search(r"[.!?:@/]$|\d", name):
                meta["author"] = {"value": name, "basis": "stated", "evidence": f"byline in the page ({where})"}
                return


def _footer_copyright(tree, meta: dict[str, Field]) -> None:  # type: ignore[no-untyped-def]
    """A publisher named by a copyright line in the page footer ("© 2024 The Riverside Ledger")."""
    for footer in tree.xpath("//footer | //*[@id='footer'] | //*[contains(@class, 'footer')]")[:3]:
        lines = "\n".join(t.strip() for t in footer.itertext() if t.strip())
        found = detect_metadata(lines)["publisher"]
        if found["value"] and (found["evidence"] or "").startswith("copyright"):
            meta["publisher"] = {"value": found["value"], "basis": "inferred",
                                 "evidence": f"{found['evidence']} in the page footer"}
            return


def _copy(tree):  # type: ignore[no-untyped-def]
    import copy

    return copy.deepcopy(tree)


def _html_metadata(tree, base_url: str | None) -> dict[str, Field]:  # type: ignore[no-untyped-def]
    metas: dict[tuple[str, str], str] = {}
    for el in tree.iter("meta"):
        content = (el.get("content") or "").strip()
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (el.get(attr) or "").strip().lower()
            if key:
                metas.setdefault((attr, key), content)
    out: dict[str, Field] = {}
    for field, keys in _META_FIELDS.items():
        for attr, key in keys:
            value = metas.get((attr, key.lower()))
            if field == "published":
                value = _iso_date(value)
            elif field == "author" and value:
                value = re.sub(r"^by\s+", "", value, flags=re.I)
                if value.startswith(("http://", "https://")):
                    value = None  # article:author is often a profile URL, not a name
            if value:
                out[field] = {"value": " ".join(value.split()), "basis": "stated",
                              "evidence": f"<meta {attr}='{key}'>"}
                break
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            out["url"] = {"value": link.get("href").strip(), "basis": "stated",
                          "evidence": "<link rel='canonical'>"}
            break
    _json_ld(tree, out)
    if "title" not in out:
        titles = [t.text_content().strip() for t in tree.iter("title")]
        if titles and titles[0]:
            out["title"] = {"value": " ".join(titles[0].split()), "basis": "stated", "evidence": "<title>"}
    if "url" in out:
        href = urllib.parse.urljoin(base_url or "", out["url"]["value"] or "")
        if urllib.parse.urlsplit(href).scheme in ("http", "https"):
            out["url"]["value"] = href
        else:
            del out["url"]
    return out


def _json_ld(tree, out: dict[str, Field]) -> None:  # type: ignore[no-untyped-def]
    """Fields still missing, from schema.org JSON-LD (read as data, never run)."""
    for script in tree.xpath("//script[@type='application/ld+json']"):
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue
        items = data if isinstance(data, list) else data.get("@graph", [data]) if isinstance(data, dict) else []
        for item in items:
            if not isinstance(item, dict) or not re.search(r"Article|Posting|Report", str(item.get("@type", ""))):
                continue
            found = {
                "title": item.get("headline"),
                "published": _iso_date(str(item.get("datePublished") or "")),
                "author": _ld_name(item.get("author")),
                "publisher": _ld_name(item.get("publisher")),
            }
            for field, value in found.items():
                if field not in out and isinstance(value, str) and value.strip():
                    out[field] = {"value": " ".join(value.split()), "basis": "stated",
                                  "evidence": f"JSON-LD {item.get('@type')} "
                                              f"'{ {'title': 'headline', 'published': 'datePublished'}.get(field, field)}'"}


def _ld_name(value: object) -> str | None:
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(names) or None
    if isinstance(value, dict):
        name = value.get("name")
        return name if isinstance(name, str) else None
    return value if isinstance(value, str) else None


# ---------------------------------------------------------------- PDF

_PDF_JUNK_TITLE = re.compile(
    r"^(untitled|document\d*|microsoft word\b.*|.*\.(docx?|pdf|indd|odt|rtf|txt|html?|qxd|pages))$", re.I)
_PDF_JUNK_AUTHOR = re.compile(r"^(admin(istrator)?|user|owner|author|unknown|default|microsoft.*|word)$", re.I)


_LINE_END = tuple('.!?:;"”’)…')


def _reflow(page: str) -> str:
    """A page's lines with the PDF's line wrapping undone: one line per paragraph.

    A line as long as the page's full lines (80% of the longest) that does not end a sentence was
    wrapped by the layout, and is joined to the next line with a space; a line ending in a
    hyphen before a lower-case word is joined with nothing ("well-" + "known" -> "well-known",
    the hyphen kept). Other short lines (headlines, bylines, a paragraph's last line) end their
    paragraph. Only line breaks change; the words are pypdf's.
    """
    lines = [line.rstrip() for line in page.split("\n")]
    full = 0.8 * max((len(line) for line in lines), default=0)
    out: list[str] = []
    wrapped = False
    for line in lines:
        hyphen = bool(out) and re.search(r"[^\W\d_]-$", out[-1]) is not None and line.lstrip()[:1].islower()
        if hyphen:
            out[-1] += line.lstrip()
        elif wrapped and line.strip():
            out[-1] += ("" if out[-1].endswith("-") else " ") + line.lstrip()
        else:
            out.append(line)
        wrapped = len(line) >= full >= 30 and bool(line.strip()) and not line.endswith(_LINE_END)
    return "\n".join(out)


def _read_pdf(data: bytes, name: str) -> tuple[str, dict[str, Field]]:
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise ReadError(f"{name}: the PDF is password-protected")
        pages = []
        for page in reader.pages:
            page_text = page.extract_text() or ""
            page_text = _CONTROL.sub("", page_text.replace("\r\n", "\n").replace("\r", "\n"))
            pages.append(_reflow(page_text).strip("\n"))
    except ReadError:
        raise
    except (PdfReadError, Exception) as exc:  # pypdf raises many kinds on damaged files
        raise ReadError(f"{name}: cannot read this PDF ({_one_line(exc)})") from None
    if not pages:
        raise ReadError(f"{name}: the PDF has no pages")
    if not any(p.strip() for p in pages):
        raise ReadError(f"{name}: no text layer — scanned PDF?")
    text = "\n\f\n".join(pages)
    meta: dict[str, Field] = {}
    try:
        info = reader.metadata
    except Exception:
        info = None
    if info:
        for field, key, junk in (("title", "/Title", _PDF_JUNK_TITLE), ("author", "/Author", _PDF_JUNK_AUTHOR)):
            value = info.get(key)
            value = " ".join(str(value).split()) if value else ""
            if value and re.search(r"[A-Za-zÀ-ỹ]{2}", value) and len(value) <= 300 and not junk.match(value):
                meta[field] = {"value": value, "basis": "stated", "evidence": f"PDF document info {key}"}
    return text, meta
