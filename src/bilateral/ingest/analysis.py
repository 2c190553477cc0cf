"""A document analysed once, and the one interface every extractor has.

``AnalysedDocument`` is a ``text.Document`` (passages, sentences) that also
holds what more than one extractor reads, each computed once, on first use:

- ``people`` / ``person_findings``: the people named and every mention of
  them (people.py), which quotes and events resolve speakers and
  participants against;
- ``dates(sentence)``: the date mentions of a sentence, completed by its
  context year (dates.py), read by agreements and events;
- ``agreement_candidates(sentence)``: the agreements a sentence names
  (agreements.py), read by agreements and by events (what was signed);
- ``statements``: the quotations and reported statements with their speakers
  (quotes.py, speakers.py), and who states what in each sentence, read by
  quotes and by statistics (a figure someone states is according to them).

An extractor is any object with the ``Extractor`` shape: a ``name``, the
analysis fields it ``reads``, the finding kind it ``produces``, and
``extract(doc, lexicon, people) -> list[Finding]``. ingest/pipeline.py runs
them in the order of its ``EXTRACTORS``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar, Protocol

from bilateral.core.model import Sentence
from bilateral.ingest.dates import DateMention, context_year, find_dates
from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.text import LIST_NUMBER, Document

if TYPE_CHECKING:
    from bilateral.ingest.agreements import Candidate
    from bilateral.ingest.quotes import Statements


class AnalysedDocument(Document):
    """A document with its shared analyses, each done once (see the module docstring)."""

    def __init__(self, doc: Document, lexicon: Lexicon | None = None) -> None:
        # the passages and sentences of ``doc``, not split again
        self.source = doc.source
        self.passages = doc.passages
        self.sentences = doc.sentences
        self.lexicon = lexicon or default_lexicon()
        self._people: tuple[list[Finding], PeopleIndex] | None = None
        self._dates: dict[int, list[DateMention]] = {}
        self._candidates: dict[int, list[Candidate]] = {}
        self._statements: Statements | None = None

    @classmethod
    def of(cls, doc: Document, lexicon: Lexicon | None = None) -> AnalysedDocument:
        """``doc`` itself when it is analysed already (with this lexicon), else its analysis."""
        if isinstance(doc, AnalysedDocument) and (lexicon is None or doc.lexicon is lexicon):
            return doc
        return cls(doc, lexicon)

    def _read_people(self) -> tuple[list[Finding], PeopleIndex]:
        if self._people is None:
            from bilateral.ingest.people import extract_people  # people.py reads documents too

            self._people = extract_people(self, self.lexicon)
        return self._people

    @property
    def people(self) -> PeopleIndex:
        """Every mention of a person in the document."""
        return self._read_people()[1]

    @property
    def person_findings(self) -> list[Finding]:
        """One finding per person named in the document."""
        return self._read_people()[0]

    def _read_statements(self) -> Statements:
        if self._statements is None:
            from bilateral.ingest.quotes import read_statements  # quotes.py reads documents too

            self._statements = read_statements(self, self.people, self.lexicon)
        return self._statements

    @property
    def statements(self) -> Statements:
        """The quotations and reported statements, with who states what in each sentence."""
        return self._read_statements()

    def dates(self, sentence: Sentence) -> list[DateMention]:
        """Date mentions of ``sentence``, a date without a year completed by its context year."""
        found = self._dates.get(sentence.start)
        if found is None:
            published = self.source.published
            passage = self.passages[sentence.passage]
            before = self.source.text[passage.start:sentence.start]  # the paragraph's earlier sentences
            found = self._dates[sentence.start] = find_dates(
                sentence.text, context_year(sentence.text, passage.text, published, before), published)
        return found

    def agreement_candidates(self, sentence: Sentence) -> list[Candidate]:
        """Agreements named in ``sentence`` (offsets relative to its text)."""
        found = self._candidates.get(sentence.start)
        if found is None:
            from bilateral.ingest import agreements  # agreements.py reads documents too

            passage = self.passages[sentence.passage]
            # the first sentence after a paragraph's number ("1. Memorandum of …;"): a list item
            numbered = sentence.start > passage.start and LIST_NUMBER.fullmatch(
                passage.text, 0, sentence.start - passage.start) is not None
            found = self._candidates[sentence.start] = agreements.find_candidates(
                sentence.text, vocab=agreements.vocabulary(self.lexicon), item=numbered)
        return found


class Extractor(Protocol):
    """One kind of finding, read from an analysed document."""

    name: ClassVar[str]  # "quotes"
    reads: ClassVar[tuple[str, ...]]  # the analyses it reads: "sentences", "people", "dates", …
    produces: ClassVar[str]  # the finding kind: "quote"

    def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]: ...
