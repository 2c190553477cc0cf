"""Sources in, items out: run every extractor, then merge what they find (ingest/merge.py).

A build merges the corpus article by article through the same ``Merger``
an import uses, so building the corpus and importing it give the same items.
"""

from __future__ import annotations

from collections.abc import Sequence

from bilateral.core.model import Item, Passage, Source
from bilateral.ingest.agreements import extract_agreements
from bilateral.ingest.events import extract_events
from bilateral.ingest.findings import Finding
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.merge import merge_all
from bilateral.ingest.people import extract_people
from bilateral.ingest.quotes import extract_quotes
from bilateral.ingest.statistics import extract_statistics
from bilateral.ingest.text import Document


def extract_document(doc: Document, lexicon: Lexicon | None = None) -> list[Finding]:
    """Every finding of one document, read with ``lexicon`` (the bundled one unless given)."""
    lexicon = lexicon or default_lexicon()
    people_findings, people = extract_people(doc, lexicon)
    return [
        *people_findings,
        *extract_statistics(doc, lexicon),
        *extract_quotes(doc, people, lexicon),
        *extract_agreements(doc, people),
        *extract_events(doc, people),
    ]


def build_items(findings: Sequence[tuple[Source, Finding]]) -> list[Item]:
    """Merge findings (in source order) into items; see ingest/merge.py."""
    articles: list[tuple[Source, list[Finding]]] = []
    for source, finding in findings:
        if not articles or articles[-1][0].id != source.id:
            articles.append((source, []))
        articles[-1][1].append(finding)
    return merge_all(articles)


def extract(sources: Sequence[Source]) -> tuple[list[Passage], list[Item]]:
    """Passages of every source and the items found in them."""
    passages: list[Passage] = []
    findings: list[tuple[Source, Finding]] = []
    for source in sources:
        doc = Document(source)
        passages.extend(doc.passages)
        findings.extend((source, f) for f in extract_document(doc))
    return passages, build_items(findings)
