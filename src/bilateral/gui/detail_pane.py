"""The chosen item's fields, its citations and why it is there; a person's page; a source's record.

Rendered as rich text in a QTextBrowser: every citation, quote, event and
source is a link, reachable with Tab and opened with Enter.
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QUrl, Signal, Slot
from PySide6.QtWidgets import QTextBrowser, QWidget

from bilateral.core.cite import human_date
from bilateral.core.model import KIND_FIELDS, Item, Source
from bilateral.gui.item_models import SINGULAR, text_of

if TYPE_CHECKING:
    from bilateral.store.library import CitedSpan, ItemRow, PersonPage

#: Field labels a person reads; fields not listed show their own name.
FIELD_LABELS = {
    "name": "Name", "aliases": "Also written", "country": "Country", "roles": "Roles", "native": "Native spelling",
    "display": "Value", "as_written": "As written", "scale": "Scale", "unit": "Unit", "normalized": "Normalized",
    "measure": "Measure", "period": "Period", "qualifier": "Qualifier", "according_to": "According to",
    "speaker_name": "Speaker", "text": "Text", "quote_kind": "Kind", "agreement_kind": "Kind", "year": "Year",
    "parties": "Parties", "date": "Date", "title": "Title", "participants": "Participants",
    "event_kind": "Kind", "status": "Status", "end_date": "Until", "date_text": "Date as written",
    "source_count": "Sources", "credit": "Named in the credits as", "part": "Part",
}
#: How many sources' reports of one figure or event the pane lists (the count says how many there are).
REPORTS_SHOWN = 20
# "value" repeats "As written"; reports and disagreements have their own sections below the fields
#: Sources named for each other figure of a disagreement ("… and 40 more" after them).
VARIANT_SOURCES_SHOWN = 3
HIDDEN_FIELDS = {"speaker", "value", "participant_names", "reports", "disagrees_with", "variants",
                 "statement", "parts"}  # a quote fragment's statement id and count: shown in "Part"
# An empty field means different things: a statistic with no qualifier has none; a
# person whose country the text never gives is "not stated" — never "unknown" data.
EMPTY_TEXT = {
    "scale": "none", "qualifier": "none", "unit": "none", "aliases": "none", "roles": "none stated",
    "according_to": "not stated", "period": "not stated", "country": "not stated", "year": "not stated",
    "parties": "not stated", "native": "not given", "measure": "not identified",
    "participants": "none named", "speaker_name": "not identified",
}


def _e(value: Any) -> str:
    return html.escape(text_of(value))


def _short(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _normalized(value: Any) -> str:
    if isinstance(value, int | float):
        return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:g}"
    return text_of(value)


class DetailPane(QTextBrowser):
    """Shows what is selected; links say what to open (``item:``, ``cite:``, ``source:``)."""

    link_activated = Signal(str)

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("detailPane")
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        self.document().setDocumentMargin(14)
        self.anchorClicked.connect(self._on_anchor)
        self.setPlaceholderText("Choose an item to see its fields, citations and why it was extracted.")

    @Slot(QUrl)
    def _on_anchor(self, url: QUrl) -> None:
        self.link_activated.emit(url.toString())

    def _muted(self) -> str:
        return self.palette().color(self.palette().ColorRole.PlaceholderText).name()

    def show_item(self, item: Item, sources: Mapping[str, Source], names: Mapping[str, str],
                  page: PersonPage | None = None, current: int = 0, total: int | None = None) -> None:
        """``item.citations`` may be the first of ``total``: the pane lists those and says how many more."""
        muted = self._muted()
        parts = [f'<p style="color:{muted}; margin:0">{html.escape(SINGULAR.get(item.kind, item.kind).title())}</p>',
                 f'<h2 style="margin-top:2px">{html.escape(item.label)}</h2>']
        rows = []
        fields = dict(item.fields)
        order = ["display", *KIND_FIELDS[item.kind]]
        if item.kind == "person":
            order.insert(order.index("aliases"), "native")
        for name in [*order, *[f for f in fields if f not in order]]:
            if name in HIDDEN_FIELDS or name not in fields:
                continue
            value = fields[name]
            if name == "participants":
                cell = ", ".join(f'<a href="item:{html.escape(p)}">{html.escape(names.get(p, p))}</a>'
                                 for p in value or []) or f'<span style="color:{muted}">none named</span>'
            elif name == "speaker_name" and fields.get("speaker"):
                cell = f'<a href="item:{html.escape(fields["speaker"])}">{_e(value)}</a>'
            elif name == "normalized":
                cell = html.escape(_normalized(value)) or "unknown"
            elif name == "part" and isinstance(fields.get("parts"), int):
                cell = html.escape(f"{value} of {fields['parts']} of one quotation, split where the writer "
                                   "named the speaker")
            else:
                cell = _e(value) or f'<span style="color:{muted}">{EMPTY_TEXT.get(name, "—")}</span>'
            rows.append(f'<tr><td style="color:{muted}; padding-right:14px">{FIELD_LABELS.get(name, name)}</td>'
                        f"<td>{cell}</td></tr>")
        parts.append(f'<table cellspacing="2">{"".join(rows)}</table>')
        parts.append(self._disagreement(item, sources))
        parts.append(self._reports(item, sources, names, muted))
        parts.append(f'<p style="color:{muted}">Why this item: found by rule <i>{html.escape(item.rule or "unknown")}</i>,'
                     f" confidence {item.confidence:.0%}.</p>")
        total = max(total or 0, len(item.citations))
        parts.append(f"<h3>Citations ({total})</h3><ol>")
        for n, citation in enumerate(item.citations):
            source = sources.get(citation.source)
            title = (source.title if source and source.title else "untitled article")
            style = ' style="font-weight:600"' if n == current else ""
            parts.append(f'<li{style}><a href="cite:{html.escape(item.id)}:{n}">“{html.escape(_short(citation.text))}”</a>'
                         f'<br><span style="color:{muted}">{html.escape(title)}, chars {citation.start}–{citation.end}'
                         f"</span></li>")
        parts.append("</ol>")
        if total > len(item.citations):
            shown = (f"; this one is number {current + 1}" if current >= len(item.citations) else "")
            parts.append(f'<p style="color:{muted}">… and {total - len(item.citations):,} more{shown}. '
                         "F8 and F7 step through the ones in the open article.</p>")
        if page is not None:
            parts.append(self._person_page(page, muted))
        self.setHtml("".join(parts))

    @staticmethod
    def _disagreement(item: Item, sources: Mapping[str, Source]) -> str:
        """ "Sources disagree: …" with what the other statistics of this measure and period say."""
        variants = item.fields.get("variants") or [{"id": i} for i in item.fields.get("disagrees_with") or []]
        if not variants:
            return ""
        said = []
        for v in variants:
            what = " ".join(text_of(x) for x in (v.get("qualifier"), v.get("display")) if x) or text_of(v.get("id"))
            whose = [text_of(v.get("according_to"))] if v.get("according_to") else []
            named = [sources[s].title or sources[s].publisher or sources[s].file or s
                     for s in (v.get("sources") or [])[:VARIANT_SOURCES_SHOWN] if s in sources]
            whose += named
            total = v.get("source_count") if isinstance(v.get("source_count"), int) else len(v.get("sources") or [])
            if named and total > len(named):
                whose.append(f"and {total - len(named):,} more")
            tail = f" ({html.escape('; '.join(whose))})" if whose else ""
            said.append(f'<a href="item:{html.escape(text_of(v.get("id")))}">{html.escape(what)}</a>{tail}')
        return f'<p><b>Sources disagree:</b> also reported as {", ".join(said)}.</p>'

    @staticmethod
    def _reports(item: Item, sources: Mapping[str, Source], names: Mapping[str, str], muted: str) -> str:
        """Each source's own figure (or date) side by side, each linked to its citation; the first
        ``REPORTS_SHOWN`` of them (a figure a whole library repeats has a report per article)."""
        every = item.fields.get("reports") or []  # the library gives the first ones (Library.item's limit)
        count = item.fields.get("source_count")
        if not isinstance(count, int):
            count = len({r.get("source") for r in every})
        if count < 2:
            return ""
        reports = every[:REPORTS_SHOWN]
        where = {(c.source, c.start, c.end): n for n, c in enumerate(item.citations)}
        if item.kind == "statistic":
            heads = ("Source", "Figure", "Qualifier", "According to", "Published")
        else:
            heads = ("Source", "Date", "Kind", "Title", "Participants")
        cell = f'style="padding:2px 10px 2px 0; color:{muted}"'
        rows = ["<tr>" + "".join(f"<th align=left {cell}>{h}</th>" for h in heads) + "</tr>"]
        for r in reports:
            source = sources.get(text_of(r.get("source")))
            # untitled articles are told apart by publisher or file name
            title = (source.title or source.publisher or source.file) if source else None
            title = title or text_of(r.get("source")) or "untitled article"
            n = where.get((r.get("source"), r.get("start"), r.get("end")))
            link = (f'<a href="cite:{html.escape(item.id)}:{n}">{html.escape(_short(title, 60))}</a>'
                    if n is not None else html.escape(_short(title, 60)))
            if item.kind == "statistic":
                values = [r.get("as_written") or r.get("display"), r.get("qualifier"), r.get("according_to"),
                          r.get("date")]
            else:
                people = [names.get(p, p) for p in r.get("participants") or []]
                values = [r.get("date"), r.get("event_kind"), r.get("title"), people]
            tds = "".join(f'<td style="padding:2px 10px 2px 0">{_e(v) or "—"}</td>' for v in values)
            rows.append(f'<tr><td style="padding:2px 10px 2px 0">{link}</td>{tds}</tr>')
        unshown = count - len({r.get("source") for r in reports})
        more = (f'<p style="color:{muted}">… and {unshown:,} more source{"s" if unshown != 1 else ""}.</p>'
                if unshown > 0 else "")
        return (f'<h3>As each source reports it ({count:,})</h3><table cellspacing="0">{"".join(rows)}</table>'
                f"{more}")

    def _rows_list(self, title: str, rows: Sequence[ItemRow], empty: str, muted: str, total: int = 0) -> str:
        if not rows:
            return f'<h3>{title}</h3><p style="color:{muted}">{empty}</p>'
        links = "".join(
            f'<li><a href="item:{html.escape(r.id)}">{html.escape(_short(r.label, 140))}</a></li>' for r in rows)
        total = max(total, len(rows))
        more = f'<p style="color:{muted}">… and {total - len(rows):,} more.</p>' if total > len(rows) else ""
        return f"<h3>{title} ({total})</h3><ul>{links}</ul>{more}"

    def _person_page(self, page: PersonPage, muted: str) -> str:
        totals = page.totals
        parts = [self._rows_list("Quotes", page.quotes, "No quotes attributed.", muted, totals.get("speaker", 0)),
                 self._rows_list("Events", page.events, "No events recorded.", muted, totals.get("participant", 0))]
        links = "".join(
            f'<li><a href="source:{html.escape(s.id)}">{html.escape(s.title or "Untitled article")}</a>'
            f' <span style="color:{muted}">— {html.escape(s.publisher or "publisher unknown")}, '
            f"{html.escape(human_date(s))}</span></li>" for s in page.sources)
        count = max(totals.get("source", 0), len(page.sources))
        more = (f'<p style="color:{muted}">… and {count - len(page.sources):,} more.</p>'
                if count > len(page.sources) else "")
        parts.append(f"<h3>Sources naming them ({count})</h3><ul>{links}</ul>{more}")
        return "".join(parts)

    def show_source(self, source: Source, spans: Sequence[CitedSpan]) -> None:
        muted = self._muted()
        parts = [f'<p style="color:{muted}; margin:0">Source</p>',
                 f'<h2 style="margin-top:2px">{html.escape(source.title or "Untitled article")}</h2><table>']
        for name in ("title", "publisher", "author", "published", "url"):
            value = getattr(source, name)
            # human_date says "(inferred)" itself: the basis is not written twice
            shown = human_date(source).removesuffix(" (inferred)") if name == "published" and value else value
            basis = source.basis.get(name) if value else None
            evidence = source.evidence.get(name)
            cell = _e(shown) if value else f'<span style="color:{muted}">unknown</span>'
            if basis:
                cell += f' <span style="color:{muted}">({html.escape(basis)})</span>'
            if evidence:
                cell += f'<br><span style="color:{muted}; font-size:small">{html.escape(evidence)}</span>'
            parts.append(f'<tr><td style="color:{muted}; padding-right:14px">{name.title()}</td><td>{cell}</td></tr>')
        parts.append(f'<tr><td style="color:{muted}; padding-right:14px">File</td><td>{_e(source.file) or "unknown"}'
                     "</td></tr></table>")
        parts.append(f"<h3>Cited in this article ({len(spans)})</h3><ul>")
        for span in spans:
            c = span.citation
            parts.append(f'<li><a href="span:{html.escape(span.item_id)}:{c.start}:{c.end}">'
                         f"{html.escape(_short(span.label, 120))}</a> "
                         f'<span style="color:{muted}">{html.escape(SINGULAR.get(span.kind, span.kind))}</span></li>')
        parts.append("</ul>")
        self.setHtml("".join(parts))
