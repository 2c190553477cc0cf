"""People: placeholder until the people extractor lands (returns nothing)."""

from __future__ import annotations

from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.text import Document


def extract_people(doc: Document) -> tuple[list[Finding], PeopleIndex]:
    return [], PeopleIndex()
