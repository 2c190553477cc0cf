"""Quotes: placeholder until the extractor lands (returns nothing)."""

from __future__ import annotations

from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.text import Document


def extract_quotes(doc: Document, people: PeopleIndex) -> list[Finding]:
    return []
