"""Statistics: placeholder until the extractor lands (returns nothing)."""

from __future__ import annotations

from bilateral.ingest.findings import Finding
from bilateral.ingest.text import Document


def extract_statistics(doc: Document) -> list[Finding]:
    return []
