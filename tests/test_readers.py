"""Reading what a user imports: files and URLs into (stored text, metadata), and refusing bad input
with one clear line — never a traceback, never opening what must not be opened."""

from __future__ import annotations

import codecs
import hashlib
import http.server
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bilateral.core.model import METADATA_FIELDS
from bilateral.ingest import readers
from bilateral.ingest.readers import (
    MAX_BYTES,
    ReadDocument,
    ReadError,
    fetch_url,
    normalised_for_duplicates,
    read_bytes,
    read_file,
)

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "import"
HTML_NOISE = ("TRACKER-SCRIPT-TEXT", "INJECTED-BY-SCRIPT", "ONLOAD-HANDLER", "IFRAME-FALLBACK-TEXT",
              "INLINE-ARTICLE-SCRIPT", "READER-COMMENT", "ADVERTISEMENT", "Zephyr", "cookie", "Subscribe",
              "Home", "Privacy policy", "All rights reserved", "color: red", "alert(", "console.log")


def make_pdf(pages: list[list[str] | None], info: dict[str, str] | None = None) -> bytes:
    """A minimal hand-written PDF: each page a list of text lines in Helvetica (WinAnsi);
    a page given as None is a grey box with no text (what a scan looks like to a text reader)."""

    def esc(s: str) -> str:
        out = []
        for b in s.encode("cp1252"):
            ch = chr(b)
            out.append("\\" + ch if ch in "()\\" else ch if 32 <= b < 127 else f"\\{b:03o}")
        return "".join(out)

    objects: list[bytes] = [b"", b""]  # 1 catalog, 2 pages: filled in below
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>")
    kids = []
    for lines in pages:
        if lines is None:
            stream = b"0.5 g 72 72 468 648 re f"
        else:
            ops = ["BT", "/F1 12 Tf", "14 TL", "72 720 Td"]
            ops += [("" if i == 0 else "T* ") + f"({esc(line)}) Tj" for i, line in enumerate(lines)]
            stream = "\n".join([*ops, "ET"]).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R "
                       f">> >> /Contents {len(objects)} 0 R >>".encode())
        kids.append(len(objects))
    objects[0] = b"<< /Type /Catalog /Pages 2 0 R >>"
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] /Count {len(kids)} >>".encode()
    if info:
        objects.append(("<< " + " ".join(f"/{k} ({esc(v)})" for k, v in info.items()) + " >>").encode("latin-1"))
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % off for off in offsets)
    info_ref = f" /Info {len(objects)} 0 R" if info else ""
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R{info_ref} >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def refused(path: Path) -> str:
    with pytest.raises(ReadError) as caught:
        read_file(path)
    message = str(caught.value)
    assert "\n" not in message and message.strip() == message and message, message
    return message


def assert_shape(doc: ReadDocument) -> None:
    assert list(doc.metadata) == list(METADATA_FIELDS)
    for field, entry in doc.metadata.items():
        assert set(entry) == {"value", "basis", "evidence"}, field
        assert entry["basis"] == (None if entry["value"] is None else entry["basis"]), field
        assert entry["value"] is None or entry["basis"] in ("stated", "inferred"), field


# ---------------------------------------------------------------- plain text and Markdown

def test_utf8_text_is_the_file_content_exactly() -> None:
    path = FIXTURES / "news_utf8.txt"
    doc = read_file(path)
    raw = path.read_bytes()
    assert doc.text == raw.decode("utf-8")
    assert (doc.kind, doc.encoding, doc.file, doc.path, doc.url) == ("text", "utf-8", path.name, str(path), None)
    assert doc.sha256 == hashlib.sha256(raw).hexdigest()
    assert doc.metadata["title"]["value"] == "Harbour city opens new ferry link to island communities"
    assert doc.metadata["author"] == {"value": "Mara Lindqvist", "basis": "inferred",
                                      "evidence": "byline 'By Mara Lindqvist'"}
    assert doc.metadata["published"]["value"] == "2024-03-03"
    assert doc.metadata["publisher"]["value"] == "Coastline News Agency"
    assert_shape(doc)


def test_utf8_detection_is_not_run_when_utf8_decodes(monkeypatch: pytest.MonkeyPatch) -> None:
    import charset_normalizer

    def boom(*args: object, **kwargs: object) -> None:
        raise AssertionError("charset detection ran on valid UTF-8")

    monkeypatch.setattr(charset_normalizer, "from_bytes", boom)
    assert read_file(FIXTURES / "news_utf8.txt").encoding == "utf-8"


def test_utf8_with_bom_is_decoded_without_the_bom(tmp_path: Path) -> None:
    body = (FIXTURES / "news_utf8.txt").read_bytes()
    path = tmp_path / "bom.txt"
    path.write_bytes(codecs.BOM_UTF8 + body)
    doc = read_file(path)
    assert doc.encoding == "utf-8-sig"
    assert doc.text == body.decode("utf-8")  # offsets count from the first character after the BOM
    assert not doc.text.startswith("\ufeff")


def test_cp1252_with_curly_quotes() -> None:
    doc = read_file(FIXTURES / "news_cp1252.txt")
    assert doc.encoding == "cp1252"
    assert doc.text == (FIXTURES / "news_cp1252.txt").read_bytes().decode("cp1252")
    assert "“slow street”" in doc.text and "crêpes" in doc.text and "We’ve" in doc.text
    assert doc.metadata["title"]["value"] == "Café owners welcome “slow street” trial"
    # "LINDEN VALE, June 9 –": a dateline without a year gives no date
    assert doc.metadata["published"]["value"] is None
    assert "gives no year" in doc.metadata["published"]["evidence"]


def test_latin1_text(tmp_path: Path) -> None:
    path = tmp_path / "latin1.txt"
    text = "Fête de la musique à Genève\n\nLa fête a réuni des milliers de personnes sur les quais, où l'on a dansé jusqu'à l'aube.\n"
    path.write_bytes(text.encode("latin-1"))
    doc = read_file(path)
    assert doc.text == text
    assert doc.encoding in ("cp1252", "iso8859-1", "iso8859-15")


def test_utf16_with_bom() -> None:
    path = FIXTURES / "news_utf16.txt"
    doc = read_file(path)
    assert doc.encoding == "utf-16"
    assert doc.text == path.read_bytes().decode("utf-16")
    assert doc.text.startswith("River festival")
    assert doc.metadata["author"]["value"] == "Tomasz Ruiz"
    assert doc.metadata["published"]["value"] == "2023-08-21"
    assert doc.metadata["publisher"]["value"] == "The Valley Courier"


def test_crlf_stays_crlf() -> None:
    path = FIXTURES / "news_crlf.txt"
    doc = read_file(path)
    assert doc.text == path.read_bytes().decode("utf-8")
    assert doc.text.count("\r\n") == 11 and "\n" not in doc.text.replace("\r\n", "")
    start = doc.text.index("4,300 residents")
    assert path.read_bytes().decode("utf-8")[start:start + 15] == "4,300 residents"
    assert doc.metadata["author"]["value"] == "Priya Nandakumar"
    assert doc.metadata["published"]["value"] == "2025-04-02"
    assert doc.metadata["publisher"]["value"] == "Ashford Gazette"


def test_markdown_is_stored_with_its_markup_and_front_matter_is_stated() -> None:
    path = FIXTURES / "news.md"
    doc = read_file(path)
    assert doc.kind == "markdown"
    assert doc.text == path.read_bytes().decode("utf-8")
    assert doc.metadata["title"] == {"value": "Rail freight volumes climb for a third year", "basis": "stated",
                                     "evidence": "front matter 'title:'"}
    assert doc.metadata["author"]["value"] == "Ode Amanfo"
    assert doc.metadata["published"] == {"value": "2024-11-18", "basis": "stated", "evidence": "front matter 'date:'"}
    assert_shape(doc)


def test_markdown_heading_is_the_stated_title(tmp_path: Path) -> None:
    path = tmp_path / "note.markdown"
    path.write_text("# Tram line opens to the airport\n\nThe first tram left at dawn, the operator said.\n",
                    encoding="utf-8")
    doc = read_file(path)
    assert doc.metadata["title"] == {"value": "Tram line opens to the airport", "basis": "stated",
                                     "evidence": "first-level heading '# …'"}


# ---------------------------------------------------------------- HTML

def test_saved_news_page_main_text_and_metadata() -> None:
    doc = read_file(FIXTURES / "news_page.html")
    assert doc.kind == "html" and doc.encoding == "utf-8"
    paragraphs = doc.text.split("\n\n")
    assert "The old glassworks on Quay Street opened its doors on Friday" in paragraphs[1]
    assert paragraphs[-1].startswith("The museum will be open from Tuesday to Sunday")
    assert "“My father worked here for forty-one years,” said Anja Petrov" in doc.text
    for noise in HTML_NOISE:
        assert noise not in doc.text, noise
    meta = doc.metadata
    assert meta["title"] == {"value": "Glassworks reopens as a museum after 30 years", "basis": "stated",
                             "evidence": "<meta property='og:title'>"}
    assert meta["author"] == {"value": "Helena Okafor", "basis": "stated", "evidence": "<meta name='author'>"}
    assert meta["publisher"] == {"value": "The Riverside Ledger", "basis": "stated",
                                 "evidence": "<meta property='og:site_name'>"}
    assert meta["published"] == {"value": "2024-05-17", "basis": "stated",
                                 "evidence": "<meta property='article:published_time'>"}
    assert meta["url"]["value"] == doc.url == "https://ledger.example.org/culture/2024/05/glassworks-museum"
    assert meta["url"]["evidence"] == "<link rel='canonical'>"
    assert_shape(doc)


def test_html_scripts_iframes_and_handlers_never_reach_the_text(tmp_path: Path) -> None:
    path = tmp_path / "hostile.htm"
    path.write_text(
        "<html><head><title>Council passes the harbour budget</title>"
        "<script>var secret = 'SCRIPT-IN-HEAD';</script></head>"
        "<body onload=\"steal('ONLOAD-CODE')\"><article>"
        "<p onclick=\"x('ONCLICK-CODE')\">The council passed the harbour budget on Tuesday after a debate that "
        "lasted well into the night, with members split over the cost of dredging.</p>"
        "<script>document.write('SCRIPT-IN-BODY')</script>"
        "<iframe src='https://evil.example/x' onload=\"y('IFRAME-ONLOAD')\">IFRAME-TEXT</iframe>"
        "<noscript>NOSCRIPT-TEXT</noscript>"
        "<p>The mayor said the vote was a turning point for the port and its workers, and promised a review "
        "of the dredging contract before the summer.</p>"
        "<img src='x' onerror=\"z('ONERROR-CODE')\"></article></body></html>",
        encoding="utf-8")
    doc = read_file(path)
    assert "The council passed the harbour budget" in doc.text and "turning point" in doc.text
    for bad in ("SCRIPT-IN-HEAD", "SCRIPT-IN-BODY", "ONLOAD-CODE", "ONCLICK-CODE", "IFRAME-ONLOAD",
                "IFRAME-TEXT", "NOSCRIPT-TEXT", "ONERROR-CODE", "secret", "document.write"):
        assert bad not in doc.text, bad
    assert doc.metadata["title"] == {"value": "Council passes the harbour budget", "basis": "stated",
                                     "evidence": "<title>"}


def test_html_json_ld_and_htmldate(tmp_path: Path) -> None:
    body = ("<p>The ferry company announced on Monday that it would add a night crossing between the two ports "
            "from next month, after a summer of record passenger numbers.</p>" * 3)
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
          '"headline": "Night ferry added after record summer", "datePublished": "2023-09-04T07:00:00Z", '
          '"author": {"@type": "Person", "name": "Lars Eriksen"}, '
          '"publisher": {"@type": "Organization", "name": "Ferry Weekly"}}</script>')
    path = tmp_path / "ld.html"
    path.write_text(f"<html><head>{ld}</head><body><article>{body}</article></body></html>", encoding="utf-8")
    meta = read_file(path).metadata
    assert meta["title"]["value"] == "Night ferry added after record summer"
    assert meta["title"]["evidence"] == "JSON-LD NewsArticle 'headline'"
    assert meta["author"]["value"] == "Lars Eriksen"
    assert meta["publisher"]["value"] == "Ferry Weekly"
    assert meta["published"]["value"] == "2023-09-04"

    path.write_text(f"<html><head><title>Night ferry</title></head><body><article>"
                    f"<time datetime='2022-06-30' class='published'>30 June 2022</time>{body}</article></body></html>",
                    encoding="utf-8")
    published = read_file(path).metadata["published"]
    assert published["value"] == "2022-06-30"
    assert published["evidence"].startswith("htmldate:")


def test_html_date_only_in_the_prose_is_not_guessed_but_a_dateline_is_read(tmp_path: Path) -> None:
    prose = ("<p>The bridge, first opened on March 3, 2019, was closed for repairs in 2022 and has now "
             "reopened to traffic, the city said, ending years of detours for commuters.</p>") * 3
    path = tmp_path / "prose.html"
    path.write_text(f"<html><head><title>Bridge reopens</title></head><body><article>{prose}</article></body></html>",
                    encoding="utf-8")
    published = read_file(path).metadata["published"]
    assert published["value"] is None and published["basis"] is None
    path.write_text("<html><head><title>Bridge reopens</title></head><body><article><p>RIVERTON, June 2, 2024 "
                    f"(Valley Wire) -- The bridge reopened on Sunday.</p>{prose}</article></body></html>",
                    encoding="utf-8")
    published = read_file(path).metadata["published"]
    assert published["value"] == "2024-06-02" and published["basis"] == "inferred"
    assert published["evidence"].startswith("dateline 'RIVERTON, June 2, 2024 (Valley Wire) --'")


def test_html_in_a_legacy_encoding(tmp_path: Path) -> None:
    path = tmp_path / "legacy.html"
    html = ("<html><head><meta charset='windows-1252'><title>Café terraces stay open late</title></head>"
            "<body><article><p>The city’s café terraces may stay open until midnight this summer, the council "
            "decided on Thursday, after a trial that traders called “a success”.</p></article></body></html>")
    path.write_bytes(html.encode("cp1252"))
    doc = read_file(path)
    assert doc.encoding == "cp1252"
    assert "The city’s café terraces" in doc.text and "“a success”" in doc.text


def test_html_byline_markup_and_footer_copyright(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {i}: the harbour authority said the new cranes would double the port's "
                   f"capacity by the end of the decade, officials told reporters.</p>" for i in range(4))
    path = tmp_path / "byline.html"
    path.write_text("<html><head><title>Cranes arrive at the port</title></head><body><article>"
                    "<h1>Cranes arrive at the port</h1><div class='byline'>By <a rel='author' href='/ks'>Kofi Sarpong"
                    f"</a></div>{body}</article><footer><p>© 2021 Harbour Herald. All rights reserved.</p></footer>"
                    "</body></html>", encoding="utf-8")
    meta = read_file(path).metadata
    assert meta["author"] == {"value": "Kofi Sarpong", "basis": "stated",
                              "evidence": "byline in the page (<a rel='author'>)"}
    assert meta["publisher"]["value"] == "Harbour Herald"
    assert meta["publisher"]["basis"] == "inferred"
    assert meta["publisher"]["evidence"].endswith("in the page footer")


def test_html_without_article_text(tmp_path: Path) -> None:
    path = tmp_path / "blank.html"
    path.write_text("<html><head><title>x</title><script>var a = 'only a script';</script></head><body></body></html>",
                    encoding="utf-8")
    assert refused(path) == "blank.html: no article text found in this page"


# ---------------------------------------------------------------- PDF

def test_pdf_text_layer_pages_joined_by_a_form_feed_line() -> None:
    doc = read_file(FIXTURES / "news.pdf")
    assert doc.kind == "pdf" and doc.encoding is None
    first, second = doc.text.split("\n\f\n")
    assert first.startswith("Wind farm plan approved for northern coast\nBy Rhea Castellanos")
    assert second.startswith("The developer said the farm would power about 190,000 homes")
    assert doc.text.count("\f", 0, doc.text.index("190,000")) + 1 == 2  # page of an offset
    assert doc.metadata["title"] == {"value": "Wind farm plan approved for northern coast", "basis": "stated",
                                     "evidence": "PDF document info /Title"}
    assert doc.metadata["author"]["value"] == "Rhea Castellanos"
    assert doc.metadata["published"]["value"] == "2025-02-06"  # from the dateline, inferred
    assert doc.metadata["published"]["basis"] == "inferred"
    assert_shape(doc)


def test_pdf_line_wrapping_is_undone_within_a_paragraph() -> None:
    doc = read_file(FIXTURES / "news.pdf")
    lines = doc.text.split("\n")
    assert lines[:3] == ["Wind farm plan approved for northern coast", "By Rhea Castellanos",
                         "SALT HARBOUR, Feb. 6, 2025 (Northern Wire) -- Regional planners approved a 48-turbine "
                         "wind farm off the northern coast on Thursday, the largest energy project in the region "
                         "for a decade."]
    data = make_pdf([["Tide gauges show a well-", "known pattern repeating along the northern shore every spring",
                      "season, scientists said on Monday.", "A second paragraph follows here."]])
    assert read_bytes(data, "tide.pdf").text == ("Tide gauges show a well-known pattern repeating along the northern "
                                                 "shore every spring season, scientists said on Monday.\n"
                                                 "A second paragraph follows here.")


def test_pdf_without_a_text_layer() -> None:
    assert refused(FIXTURES / "scanned.pdf") == "scanned.pdf: no text layer — scanned PDF?"


def test_pdf_implausible_info_is_not_metadata() -> None:
    data = make_pdf([["Dam inspection finds cracks", "", "Engineers found cracks in the old dam, officials said."]],
                    info={"Title": "Microsoft Word - draft3.docx", "Author": "Administrator"})
    doc = read_bytes(data, "dam.pdf")
    assert doc.metadata["title"]["value"] == "Dam inspection finds cracks"  # the detector's headline instead
    assert doc.metadata["title"]["basis"] == "inferred"
    assert doc.metadata["author"]["value"] is None


def test_damaged_pdf(tmp_path: Path) -> None:
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\ngarbage")
    assert refused(path).startswith("broken.pdf: ")


def test_reading_files_never_touches_the_network() -> None:
    """trafilatura, htmldate and pypdf imported and run in a fresh process where any socket use fails."""
    script = (
        "import socket, sys\n"
        "def refuse(*a, **k): raise SystemExit('network used: %r' % (a,))\n"
        "socket.socket.connect = socket.socket.connect_ex = refuse\n"
        "socket.create_connection = socket.getaddrinfo = refuse\n"
        "from pathlib import Path\n"
        "from bilateral.ingest.readers import read_file\n"
        "for name in sys.argv[1:]: read_file(Path(name))\n"
    )
    files = [str(FIXTURES / n) for n in ("news_page.html", "news.pdf", "news_cp1252.txt", "news.md")]
    env = {**os.environ, "PYTHONPATH": str(Path(readers.__file__).resolve().parents[2])}
    done = subprocess.run([sys.executable, "-c", script, *files], capture_output=True, text=True, env=env,
                          timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]


# ---------------------------------------------------------------- read_bytes and duplicates

def test_read_bytes_dispatches_by_content_type_and_content() -> None:
    html = (FIXTURES / "news_page.html").read_bytes()
    doc = read_bytes(html, "download", content_type="text/html; charset=utf-8")
    assert doc.kind == "html" and doc.file == "download" and doc.path is None
    assert read_bytes((FIXTURES / "news.pdf").read_bytes(), "blob").kind == "pdf"
    assert read_bytes(b"Plain words in a plain note for testing\n\nAnd a body line.\n", "note.txt").kind == "text"
    with pytest.raises(ReadError, match=r"^notes\.docx is not a file type Bilateral imports \(txt, md, html, pdf\)$"):
        read_bytes(b"words", "notes.docx")


def test_read_bytes_of_a_download_keeps_its_address_unless_the_page_states_one() -> None:
    page = (FIXTURES / "news_page.html").read_bytes()
    doc = read_bytes(page, "glassworks", url="https://mirror.example.net/g", content_type="text/html")
    assert doc.file is None and doc.path is None
    assert doc.url == "https://ledger.example.org/culture/2024/05/glassworks-museum"  # <link rel=canonical>
    text = read_bytes(b"Ferry line opens\n\nThe ferry opened on Monday, officials said.\n", "f.txt",
                      url="https://news.example.net/ferry.txt")
    assert text.url == "https://news.example.net/ferry.txt"
    assert text.metadata["url"] == {"value": "https://news.example.net/ferry.txt", "basis": "stated",
                                    "evidence": "the address it was fetched from"}


def test_same_article_in_different_encodings_and_newlines_is_a_duplicate() -> None:
    a = "Harbour bridge reopens\n\nThe bridge  reopened on Friday.\n"
    b = "\ufeffHarbour bridge reopens\r\n\r\n\r\nThe bridge reopened on Friday.   \r\n"
    c = "Harbour bridge reopens\n\f\nThe bridge\u00a0reopened on Friday."
    assert normalised_for_duplicates(a) == normalised_for_duplicates(b) == normalised_for_duplicates(c)
    assert normalised_for_duplicates(a) != normalised_for_duplicates(a.replace("Friday", "Monday"))


# ---------------------------------------------------------------- bad input, refused with one line

@pytest.fixture
def no_open(monkeypatch: pytest.MonkeyPatch) -> None:
    """Fail the test if the reader opens anything."""

    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError(f"opened {args[0]!r}")

    monkeypatch.setattr(readers.os, "open", forbidden)


def test_empty_file(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    assert refused(tmp_path / "empty.txt") == "empty.txt: the file is empty"
    (tmp_path / "blank.md").write_bytes(b"  \r\n\n\t\n")
    assert refused(tmp_path / "blank.md") == "blank.md: the file is empty"


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "data.txt"
    path.write_bytes(bytes(range(256)) * 8)
    assert refused(path).startswith("data.txt: this is not text")


def test_png_renamed_txt(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00")
    assert refused(path) == "photo.txt: this is a PNG image, not text"


def test_file_over_the_size_limit_is_not_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                              no_open: None) -> None:
    assert MAX_BYTES == 50 * 1024 * 1024
    monkeypatch.setattr(readers, "MAX_BYTES", 1024)
    path = tmp_path / "huge.txt"
    path.write_bytes(b"word " * 1000)
    assert refused(path) == "huge.txt: 4.9 KB is over the 1 KB import limit"


def test_fifo_is_refused_before_open(tmp_path: Path, no_open: None) -> None:
    path = tmp_path / "pipe.txt"
    os.mkfifo(path)
    assert refused(path) == "pipe.txt: is a FIFO (named pipe), not a regular file"


def test_device_is_refused_before_open(no_open: None) -> None:
    if not Path("/dev/null").exists():
        pytest.skip("no /dev/null")
    assert refused(Path("/dev/null")) == "null: is a device, not a regular file"


def test_dangling_symlink(tmp_path: Path, no_open: None) -> None:
    link = tmp_path / "gone.txt"
    link.symlink_to(tmp_path / "missing.txt")
    assert refused(link).startswith("gone.txt: broken link (it points to ")


def test_missing_file(tmp_path: Path, no_open: None) -> None:
    assert refused(tmp_path / "nothing.txt") == "nothing.txt: no such file"


def test_folder(tmp_path: Path, no_open: None) -> None:
    (tmp_path / "articles.txt").mkdir()
    assert refused(tmp_path / "articles.txt") == "articles.txt: is a folder, not a file"


def test_unsupported_suffix_is_not_opened(tmp_path: Path, no_open: None) -> None:
    path = tmp_path / "report.docx"
    path.write_bytes(b"PK\x03\x04")
    assert refused(path) == "report.docx is not a file type Bilateral imports (txt, md, html, pdf)"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("Hidden headline\n\nHidden body.\n", encoding="utf-8")
    path.chmod(0)
    try:
        assert refused(path) == "secret.txt: permission denied (the file is not readable)"
    finally:
        path.chmod(0o600)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(min_size=0, max_size=600), suffix=st.sampled_from([".txt", ".md", ".html", ".pdf"]))
def test_any_bytes_give_a_document_or_one_line_read_error(data: bytes, suffix: str) -> None:
    for blob in (data, b"%PDF-1.4\n" + data, b"<html><body><p>" + data + b"</p></body></html>"):
        try:
            doc = read_bytes(blob, "x" + suffix)
        except ReadError as exc:
            assert "\n" not in str(exc) and str(exc).startswith("x" + suffix), str(exc)
        else:
            assert doc.text.strip()
            assert_shape(doc)


# ---------------------------------------------------------------- URLs, served on 127.0.0.1 only

class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, tuple[int, str, bytes]]] = {}

    def do_GET(self) -> None:
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"not found"))
        if status in (301, 302):
            self.send_response(status)
            self.send_header("Location", body.decode())
            self.end_headers()
            return
        self.send_response(status)
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
        "/culture/glassworks.html": (200, "text/html; charset=utf-8", page),
        "/bare": (200, "text/html", bare),
        "/paper.pdf": (200, "application/pdf", (FIXTURES / "news.pdf").read_bytes()),
        "/old": (302, "", b"/bare"),
        "/to-file": (302, "", b"file:///etc/passwd"),
        "/big": (200, "text/html", b"<html>" + b"x" * 5000 + b"</html>"),
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


def test_fetch_page_as_saved_html_with_its_canonical_url(server: str) -> None:
    doc = fetch_url(server + "/culture/glassworks.html", timeout=5)
    saved = read_file(FIXTURES / "news_page.html")
    assert doc.kind == "html" and doc.file is None and doc.path is None
    assert doc.text == saved.text
    assert doc.sha256 == saved.sha256
    assert doc.url == "https://ledger.example.org/culture/2024/05/glassworks-museum"
    assert doc.metadata["title"]["value"] == "Glassworks reopens as a museum after 30 years"


def test_fetch_page_without_canonical_keeps_the_fetched_url(server: str) -> None:
    doc = fetch_url(server + "/old", timeout=5)  # redirected to /bare
    assert doc.url == server + "/bare"
    assert doc.metadata["url"] == {"value": server + "/bare", "basis": "stated",
                                   "evidence": "the address it was fetched from"}


def test_fetch_pdf(server: str) -> None:
    doc = fetch_url(server + "/paper.pdf", timeout=5)
    assert doc.kind == "pdf" and doc.url == server + "/paper.pdf"
    assert "190,000 homes" in doc.text


def test_fetch_errors_are_one_line(server: str) -> None:
    cases = [
        (server + "/missing", "the server answered 404"),
        (server + "/to-file", "redirected to a non-web address"),
        ("file:///etc/passwd", "only http:// and https:// addresses can be imported"),
        ("ftp://127.0.0.1/x.txt", "only http:// and https:// addresses can be imported"),
        ("http://127.0.0.1:9/nothing", "cannot download"),
    ]
    for url, expected in cases:
        with pytest.raises(ReadError) as caught:
            fetch_url(url, timeout=5)
        assert expected in str(caught.value) and "\n" not in str(caught.value), (url, str(caught.value))
    with pytest.raises(ReadError, match=r"^http://127\.0\.0\.1:\d+/big: 4\.9 KB is over the 1000 bytes import limit$"):
        fetch_url(server + "/big", timeout=5, max_bytes=1000)
