"""Sources in, items out: analyse a document once, run every extractor on it, then merge what they find.

    Source ─ text.Document (passages, sentences)
           ─ analysis.AnalysedDocument (+ people and mentions, dates per sentence, agreement candidates)
           ─ EXTRACTORS, in order, each ``extract(doc, lexicon, people) -> list[Finding]``
           ─ merge.py (findings of every source -> items)

The order of ``EXTRACTORS`` is the order of the findings, which the merge keeps
(see docs/architecture.md). A build merges the corpus article by article
through the same ``Merger`` an import uses, so building the corpus and
importing it give the same items.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilateral.core.model import Item, Passage, Source
from bilateral.ingest.agreements import AgreementExtractor, extract_agreements
from bilateral.ingest.analysis import AnalysedDocument, Extractor
from bilateral.ingest.events import EventExtractor, extract_events
from bilateral.ingest.findings import Finding
from bilateral.ingest.lexicon import Lexicon
from bilateral.ingest.merge import merge_all
from bilateral.ingest.people import PeopleExtractor, extract_people
from bilateral.ingest.quotes import QuoteExtractor, extract_quotes
from bilateral.ingest.statistics import StatisticExtractor, extract_statistics
from bilateral.ingest.text import Document

#: Every extractor, in the order their findings are listed.
EXTRACTORS: tuple[Extractor, ...] = (
    PeopleExtractor(), StatisticExtractor(), QuoteExtractor(), AgreementExtractor(), EventExtractor(),
)

# the extractors' functions, for callers of the older entry points
__all__ = ["EXTRACTORS", "build_items", "extract", "extract_agreements", "extract_document", "extract_events",
           "extract_people", "extract_quotes", "extract_statistics"]


def extract_document(doc: Document, lexicon: Lexicon | None = None,
                     extractors: Sequence[Extractor] = EXTRACTORS) -> list[Finding]:
    """Every finding of one document, read with ``lexicon`` (the bundled one unless given)."""
    analysed = AnalysedDocument.of(doc, lexicon)
    findings: list[Finding] = []
    for extractor in extractors:
        findings.extend(extractor.extract(analysed, analysed.lexicon, analysed.people))
    return findings


def build_items(findings: Sequence[tuple[Source, Finding]]) -> list[Item]:
    """Merge findings (in source order) into items; see ingest/merge.py."""
    articles: list[tuple[Source, list[Finding]]] = []
    for source, finding in findings:
        if not articles or articles[-1][0].id != source.id:
            articles.append((source, []))
        articles[-1][1].append(finding)
    return merge_all(articles)


def extract(sources: Sequence[Source], lexicon: Lexicon | None = None) -> tuple[list[Passage], list[Item]]:
    """Passages of every source and the items found in them."""
    passages: list[Passage] = []
    findings: list[tuple[Source, Finding]] = []
    for source in sources:
        doc = Document(source)
        passages.extend(doc.passages)
        findings.extend((source, f) for f in extract_document(doc, lexicon))
    return passages, build_items(findings)
