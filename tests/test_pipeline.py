"""The ingest pipeline's shape: one analysis per document, extractors behind one interface."""

from __future__ import annotations

from bilateral.core.model import Source
from bilateral.ingest import agreements, analysis
from bilateral.ingest.analysis import AnalysedDocument
from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.pipeline import EXTRACTORS, extract_document
from bilateral.ingest.text import Document

TEXT = ("Trade Minister Ada Okonkwo visited Lisbon on March 3, 2024, and signed the Agreement on Maritime "
        "Cooperation with her counterpart.\n\n"
        "“The ports of both countries will gain,” Okonkwo said. Exports rose 12 percent to $4.1 billion in 2023, "
        "according to the national statistics office.")


def test_every_extractor_declares_what_it_reads_and_produces() -> None:
    assert [e.name for e in EXTRACTORS] == ["people", "statistics", "quotes", "agreements", "events"]
    assert [e.produces for e in EXTRACTORS] == ["person", "statistic", "quote", "agreement", "event"]
    assert all(e.reads and all(isinstance(r, str) for r in e.reads) for e in EXTRACTORS)


def test_the_findings_come_in_the_order_of_the_extractors() -> None:
    kinds = [f.kind for f in extract_document(Document(Source(id="t", text=TEXT, published="2024-03-04")))]
    order = [e.produces for e in EXTRACTORS]
    assert {"person", "statistic", "quote", "agreement", "event"} <= set(kinds)
    assert kinds == sorted(kinds, key=order.index)


def test_a_pipeline_of_chosen_extractors() -> None:
    class Counter:
        name = "counter"
        reads = ("sentences",)
        produces = "count"

        def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]:
            assert lexicon is default_lexicon() and people is doc.people
            return [Finding("count", "n", str(len(doc.sentences)), {}, [(0, 1)], "count")]

    [found] = extract_document(Document(Source(id="t", text=TEXT)), extractors=[Counter()])
    assert found.label == "3"


def test_the_document_is_analysed_once(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    calls = {"dates": 0, "candidates": 0}
    find_dates, find_candidates = analysis.find_dates, agreements.find_candidates

    def counting_dates(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls["dates"] += 1
        return find_dates(*args, **kwargs)

    def counting_candidates(text: str, **kwargs) -> list[agreements.Candidate]:  # type: ignore[no-untyped-def]
        calls["candidates"] += 1
        return find_candidates(text, **kwargs)

    monkeypatch.setattr(analysis, "find_dates", counting_dates)
    monkeypatch.setattr(agreements, "find_candidates", counting_candidates)
    doc = AnalysedDocument(Document(Source(id="t", text=TEXT, published="2024-03-04")))
    extract_document(doc)
    # agreements and events both read every sentence's dates and agreements: one reading per sentence
    assert calls["dates"] <= len(doc.sentences)
    assert calls["candidates"] <= len(doc.sentences)
    assert doc.dates(doc.sentences[0]) is doc.dates(doc.sentences[0])
    assert AnalysedDocument.of(doc) is doc


def test_old_entry_points_still_work() -> None:
    doc = Document(Source(id="t", text=TEXT, published="2024-03-04"))
    from bilateral.ingest.pipeline import (
        extract_agreements,
        extract_events,
        extract_people,
        extract_quotes,
        extract_statistics,
    )
    people_findings, people = extract_people(doc)
    assert people_findings and people.mentions
    assert extract_statistics(doc) and extract_quotes(doc, people) and extract_agreements(doc, people)
    assert extract_events(doc, people)
