"""Quotes: direct, partial and reported speech, each with its speaker.

- direct: a quoted clause with an attribution next to it —
  “…,” Xi said / “…” he said / "…," said Xi / Xi said: “…”;
- partial: quoted words inside a sentence whose speaker is named by a speech
  verb or noun — His call to “oppose …” / tangible “highlights”, as To Lam described;
- reported: a person (or a pronoun or role reference standing for one) as the
  subject of a speech verb — Son said that … / the ambassador emphasized … /
  According to Son, … / …, Xi said, adding that ….

Speakers come from the document's ``PeopleIndex``; "he", "she" and "his" go
to the speaker (else the first person) of the nearest earlier sentence that
names someone. Quoted names and slogans with no speaker ("Year of
People-to-People Exchanges") are not quotes.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from bilateral.core.model import Passage, Sentence
from bilateral.ingest.findings import Finding, Mention, PeopleIndex
from bilateral.ingest.text import Document

_VERBS = (
    "said", "says", "say", "told", "tells", "added", "adds", "stressed", "stresses", "emphasized", "emphasised",
    "emphasizes", "emphasises", "underlined", "underlines", "underscored", "underscores", "highlighted",
    "highlights", "noted", "notes", "affirmed", "affirms", "reaffirmed", "reaffirms", "urged", "urges",
    "suggested", "suggests", "stated", "states", "asserted", "asserts", "declared", "declares", "explained",
    "explains", "argued", "argues", "warned", "warns", "pointed out", "points out", "remarked", "commented",
    "comments", "believed", "believes", "expressed", "expresses", "echoed", "echoes", "proposed", "proposes",
    "put forward", "recalled", "recalls", "pinpointed", "outlined", "outlines", "framed", "described",
    "describes", "called for", "calls for", "called on", "calls on", "insisted", "insists", "announced",
    "announces", "acknowledged", "acknowledges", "observed", "mentioned", "reiterated", "reiterates", "vowed",
    "vows", "pledged", "pledges", "promised", "confirmed", "confirms", "claimed", "claims", "wrote", "writes",
    "replied", "answered", "hoped", "hopes", "welcomed", "welcomes", "praised", "voiced", "conveyed",
    "spoke of", "cautioned", "contended", "maintained", "predicted", "agreed", "recommended", "recommends",
)
_VERB_RE = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(_VERBS, key=len, reverse=True)) + r")(?![\w-])")
_SAY_RE = re.compile(r"(?<![\w-])(?:said|says|say|added|adds|told|stated|noted|wrote|stressed|emphasized|"
                     r"emphasised|affirmed|underlined|explained|asked|replied|continued|insisted|argued|"
                     r"warned|declared|remarked|commented)(?![\w-])")
_TRAILING_SAY = re.compile(r"said|says|added|adds|noted|notes|wrote|told|stated|explained")
_COORDINATED = re.compile(r",?\s+(?:but|and|while)\s+(?:also\s+)?(said|added|stressed|noted|cautioned|warned|"
                          r"insisted|argued|emphasized|emphasised|underlined|affirmed|told\s+\w+)(?![\w-])")
_NOUNS = r"(?:calls?|critique|criticism|remarks?|words|speech|pledges?|appeals?|warnings?|messages?|" \
         r"statements?|comments?|description|vows?|assertions?|proposals?|urging|words)"
_POSSESSIVE_NOUN = re.compile(r"^['’]s\s+(?:\w+\s+){0,2}?" + _NOUNS + r"\b")
_PRONOUN_NOUN = re.compile(r"(?<![\w])(?:[Hh]is|[Hh]er)\s+(?:\w+\s+){0,2}?" + _NOUNS + r"\b")
_PRONOUN = re.compile(r"(?<![\w])(?:[Hh]e|[Ss]he)(?![\w'])")
_ACCORDING = re.compile(r"(?<![\w])[Aa]ccording to\s+$")
# Words that may stand between a subject and its speech verb ("Son firmly believed", "Xi on Monday said").
_GAP_WORDS = {
    "also", "further", "then", "later", "again", "once", "repeatedly", "has", "have", "had", "would", "will",
    "did", "on", "in", "a", "an", "his", "her", "the", "written", "signed", "statement", "remarks", "interview",
    "speech", "article", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday", "previously", "publicly", "reportedly", "himself", "herself", "not", "only", "both",
    "at", "press", "conference", "briefing", "meeting", "talks", "earlier", "recently",
}
_SCARE_BEFORE = re.compile(r"(?:so-called|dubbed|known as|named|titled|termed|designated as|nicknamed|"
                           r"described as|themed|slogan|motto|theme)\s*$", re.I)
# A name right after a preposition (through its titles) is an object, not a speaker: "talks with To Lam".
_OBJECT_BEFORE = re.compile(
    r"(?<![\w])(with|of|by|to|from|for|about|at|and|between|on|against|toward|towards|like|than|met|meeting|"
    r"invited|visited)\s+(?:(?:[A-Z(][\w()’'.-]*|of|the|and)\s+)*$"
)


def _is_object(lead: str) -> bool:
    """Does the text before a name end in a preposition governing it ("talks with To Lam")?"""
    m = _OBJECT_BEFORE.search(lead)
    if not m:
        return False
    if m.group(1) in ("to", "of", "and"):
        # "Ambassador to Vietnam He Wei", "Secretary of the CPV To Lam": part of a title
        words = lead[:m.start()].split()
        if words and words[-1][:1].isupper():
            return False
    return True


# Double quotes, straight or curly, and curly single quotes (‘…’), whose closing mark is not an
# apostrophe ("Ethiopia’s" inside keeps going). The leftmost pair wins, so a quote nested in another stays inside it.
_QUOTE_PAIR = re.compile(r"“([^“”]+)”|\"([^\"]+)\"|(?<![\w])‘((?:[^‘’]|’(?=\w))+)’(?![\w])")


@dataclass
class _Segment:
    start: int  # inner text
    end: int
    outer_start: int
    outer_end: int


@dataclass
class _Act:
    speaker: str | None
    speaker_name: str
    pos: int  # where the attribution starts
    verb_end: int
    subject_start: int
    verb: str
    how: str  # "verb", "according", "possessive", "inverted"


def _norm(text: str) -> str:
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return " ".join(re.findall(r"[\w]+", plain))


def _is_scare(text: str, before: str) -> bool:
    """A quoted name, title or slogan rather than someone's words."""
    words = re.findall(r"[\w’'-]+", text)
    if not words:
        return True
    minor = {"of", "the", "and", "a", "an", "for", "with", "to", "in", "on", "at", "by", "that", "carries"}
    content = [w for w in words if w.lower() not in minor]
    if content and sum(1 for w in content if w[:1].isupper() or w[:1].isdigit()) / len(content) >= 0.6:
        return True
    return bool(_SCARE_BEFORE.search(before))


# Verbs that present a thing: with a noun phrase after them ("put forward a five-point plan") they report
# no statement; with a clause ("proposed that …", "proposed to …", "proposed expanding …") they do.
_OBJECT_VERBS = re.compile(r"put forward|proposed|proposes|unveiled|presented|laid out|shared|"
                           r"tabled|submitted")
_STATEMENT_START = re.compile(r"\s*(?:,|:|that\b|to\s+[a-z]|how\b|why\b|whether\b|[a-z]+ing\b)")
# "…, as Lam described": a parenthetical attribution of the words just quoted
_PARENTHETICAL = re.compile(r"(?:^|[\s,])as\s+(?:(?:[A-Z][\w.’'-]*|of|the)\s+)*$")


class _QuoteReader:
    def __init__(self, doc: Document, people: PeopleIndex) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.segments: list[_Segment] = []
        for passage in doc.passages:
            if passage.extractable:
                self.segments.extend(self._pairs(passage))
        self.sentence_speaker: dict[int, str] = {}  # sentence start -> speaker found there
        self.last_direct: dict[int, str] = {}  # sentence start -> speaker of a direct quote ending there
        self.sentences = doc.sentences

    @staticmethod
    def _pairs(passage: Passage) -> list[_Segment]:
        out = []
        for m in _QUOTE_PAIR.finditer(passage.text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            out.append(_Segment(passage.start + m.start(g), passage.start + m.end(g),
                                passage.start + m.start(), passage.start + m.end()))
        return out

    def _inside_quote(self, start: int, end: int) -> bool:
        return any(s.outer_start <= start and end <= s.outer_end for s in self.segments)

    def _mentions(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.people.mentions
                if start <= m.start and m.end <= end and not self._inside_quote(m.start, m.end)]

    # -- speakers

    def _resolve_pronoun(self, sent_index: int, offset: int) -> str | None:
        sent = self.sentences[sent_index]
        here = self._mentions(sent.start, offset)
        if here:
            return self.sentence_speaker.get(sent.start) or here[0].name
        for j in range(sent_index - 1, max(-1, sent_index - 4), -1):
            prev = self.sentences[j]
            if prev.source != sent.source:
                break
            if prev.start in self.sentence_speaker:
                return self.sentence_speaker[prev.start]
            found = self._mentions(prev.start, prev.end)
            if found:
                return found[0].name
        return None

    @staticmethod
    def _gap_ok(gap: str) -> bool:
        gap = gap.strip()
        if gap == ",":
            return True  # "Kenya's minister, Jane Doe, said": the name closes a title set off by commas
        if gap.startswith(","):
            # an appositive between commas: "Xi Jinping, president of China, said"
            close = gap.find(",", 1)
            if close == -1 or close > 160:
                return False
            gap = gap[close + 1:].strip()
        words = re.findall(r"[\w’'-]+|[^\w\s]", gap)
        if len(words) > 6:
            return False
        return all(w.lower() in _GAP_WORDS or w.lower().endswith("ly") for w in words)

    def _subject(self, sent_index: int, verb_start: int) -> tuple[str | None, str, int] | None:
        """Who is the subject of the speech verb at verb_start: (name, as written, subject start)."""
        sent = self.sentences[sent_index]
        before = [m for m in self._mentions(sent.start, verb_start)]
        best: tuple[str | None, str, int] | None = None
        if before:
            m = before[-1]
            gap = self.text[m.end:verb_start]
            lead = self.text[sent.start:m.start]
            joint = len(before) > 1 and re.fullmatch(r"\s+and\s+(?:(?:[A-Z(][\w()’'.-]*|of|the|and)\s+)*",
                                                     self.text[before[-2].end:m.start])
            if not re.match(r"['’]s\b", gap) and self._gap_ok(gap) and not _is_object(lead) and not joint:
                best = (m.name, m.name, m.start)
        for p in _PRONOUN.finditer(self.text, sent.start, verb_start):
            if self._inside_quote(p.start(), p.end()) or not self._gap_ok(self.text[p.end():verb_start]):
                continue
            if best is None or p.start() > best[2]:
                name = self._resolve_pronoun(sent_index, p.start())
                if name:
                    best = (name, name, p.start())
        return best

    def _acts(self, sent_index: int) -> list[_Act]:
        """Speech acts of a sentence with a resolved speaker, in order."""
        sent = self.sentences[sent_index]
        acts: list[_Act] = []
        for v in _VERB_RE.finditer(self.text, sent.start, sent.end):
            if self._inside_quote(v.start(), v.end()):
                continue
            subj = self._subject(sent_index, v.start())
            if subj:
                acts.append(_Act(subj[0], subj[1], v.start(), v.end(), subj[2], v.group(), "verb"))
        for m in self._mentions(sent.start, sent.end):
            if _ACCORDING.search(self.text[max(sent.start, m.start - 40):m.start]):
                comma = self.text.find(",", m.end, sent.end)
                if comma != -1 and comma - m.end < 40:
                    acts.append(_Act(m.name, m.name, m.start, comma + 1, m.start, "according to", "according"))
            if _POSSESSIVE_NOUN.match(self.text[m.end:m.end + 40]):
                acts.append(_Act(m.name, m.name, m.start, m.end, m.start, "", "possessive"))
        for p in _PRONOUN_NOUN.finditer(self.text, sent.start, sent.end):
            if not self._inside_quote(p.start(), p.end()):
                name = self._resolve_pronoun(sent_index, p.start())
                if name:
                    acts.append(_Act(name, name, p.start(), p.start(), p.start(), "", "possessive"))
        acts.sort(key=lambda a: a.pos)
        return acts

    # -- direct quotes

    def _direct(self, seg: _Segment, sent_index: int) -> _Act | None:
        """Attribution right after (“…,” he said) or right before (Xi said: “…”) a quoted clause."""
        sent = self.sentences[sent_index]
        after = self.text[seg.outer_end:sent.end]
        m = re.match(r"^[\s,]*(?P<gap>[^.!?“”\"]{0,90}?)(?P<verb>" + _SAY_RE.pattern + r")", after)
        if m:
            verb_start = seg.outer_end + m.start("verb")
            verb_end = seg.outer_end + m.end("verb")
            gap = m.group("gap").strip()
            if not gap:  # "…," said Chinese President Xi Jinping
                tail = self._mentions(verb_end, min(sent.end, verb_end + 80))
                if tail and re.fullmatch(r"[\s,]*(?:(?:[A-Z][\w.'’-]*|of|the|and|for)\s+)*",
                                         self.text[verb_end:tail[0].start]):
                    return _Act(tail[0].name, tail[0].name, seg.outer_end, verb_end, tail[0].start, m.group("verb"),
                                "inverted")
                return None
            subj = self._subject(sent_index, verb_start)
            if subj and subj[2] >= seg.outer_end:
                return _Act(subj[0], subj[1], seg.outer_end, verb_end, subj[2], m.group("verb"), "verb")
            words = gap.split()
            if len(words) <= 5 and all(w[:1].isupper() or w.lower() in ("a", "an", "the", "of") for w in words):
                # an unresolved but plain attribution ("a Foreign Ministry spokesperson said")
                return _Act(None, gap, seg.outer_end, verb_end, seg.outer_end, m.group("verb"), "verb")
            return None
        inner = self.text[seg.start:seg.end]
        before = self.text[sent.start:seg.outer_start]
        b = re.search(r"(?P<verb>" + _SAY_RE.pattern + r")\s*[:,]\s*$", before)
        if b and inner[:1].isupper():
            verb_start = sent.start + b.start("verb")
            subj = self._subject(sent_index, verb_start)
            if subj:
                return _Act(subj[0], subj[1], subj[2], sent.start + b.end("verb"), subj[2], b.group("verb"), "verb")
        return None

    def _continued(self, seg: _Segment, sent_index: int) -> _Act | None:
        """A quoted sentence standing alone right after someone's direct quote: the same speaker goes on."""
        sent = self.sentences[sent_index]
        inner = self.text[seg.start:seg.end].strip()
        alone = self.text[sent.start:seg.outer_start].strip() == "" and self.text[seg.outer_end:sent.end].strip() == ""
        if not (alone and inner[:1].isupper() and inner[-1:] in ".!?" and sent_index > 0):
            return None
        prev = self.sentences[sent_index - 1]
        speaker = self.last_direct.get(prev.start)
        if prev.passage != sent.passage or not speaker:
            return None
        return _Act(speaker, speaker, seg.outer_start, seg.outer_start, seg.outer_start, "", "continued")

    # -- the pass

    def read(self) -> list[Finding]:
        findings: list[Finding] = []
        seen_partials: dict[str, list[str]] = {}
        consumed: set[int] = set()  # sentence starts already explained by a direct quote
        for i, sent in enumerate(self.sentences):
            segs = [s for s in self.segments if s.outer_end > sent.start and s.outer_start < sent.end]
            direct_done = False
            for seg in segs:
                if seg.outer_end > sent.end:
                    continue  # its attribution belongs to the sentence where it closes
                act = self._direct(seg, i) or self._continued(seg, i)
                if act is None:
                    continue
                first = self.doc.sentence_at(seg.outer_start) or sent
                spans = [(s.start, s.end) for s in self.sentences if s.end > first.start and s.start <= sent.start]
                quote = self.text[seg.start:seg.end].strip().rstrip(",")
                tail = next((t for t in segs if t.outer_start > seg.outer_end), None)
                if (tail is not None and act.how in ("verb", "inverted")
                        and re.fullmatch(r"[^.!?]*,\s*", self.text[act.verb_end:tail.outer_start])
                        and self.text[tail.start:tail.start + 1].islower()):
                    # "Rates will fall," said Wong, "and soon." — one quote split by its attribution
                    quote += " … " + self.text[tail.start:tail.end].strip()
                findings.append(self._finding(act, quote, "direct", spans, 0.9))
                if act.speaker:
                    self.sentence_speaker[sent.start] = act.speaker
                    self.last_direct[sent.start] = act.speaker
                direct_done = True
                consumed.add(sent.start)
            if direct_done:
                continue
            acts = [a for a in self._acts(i) if a.speaker]
            if not acts:
                continue
            words = [s for s in segs if s.outer_start >= sent.start and s.outer_end <= sent.end
                     and not _is_scare(self.text[s.start:s.end], self.text[sent.start:s.outer_start])]
            if not any(len(re.findall(r"[\w’'-]+", self.text[s.start:s.end])) > 1 for s in words):
                # quoted single words only (tangible “highlights”): scare quotes, not a statement; beside
                # a quoted phrase they are the speaker's words too ("from “comrades-plus-brothers” to …")
                words = []
            if not words:
                # with no quoted words, "his remarks" is not a statement; a speech verb is
                acts = [a for a in acts if a.how != "possessive"]
                if not acts:
                    continue
            act = acts[0]
            self.sentence_speaker[sent.start] = act.speaker or ""
            spans = [(sent.start, sent.end)]
            second = self._second(act, sent)
            if second is not None:
                later = [w for w in words if w.outer_start >= second.pos]
                words = [w for w in words if w.outer_end <= second.pos]
                clause = self._clause_after(second.verb_end, sent.end)
                if later:
                    # "…, but stressed that cooperation had “never been closer”": the second statement's own words
                    quote = " … ".join(self.text[w.start:w.end].strip().rstrip(",.") for w in later)
                    findings.append(self._finding(second, quote, "partial", spans, 0.7))
                elif len(clause.split()) >= 2:
                    findings.append(self._finding(second, clause, "reported", spans, 0.65))
                if later or len(clause.split()) >= 2:
                    # the first statement is cited up to where the second begins
                    cut = second.pos
                    while cut > sent.start and self.text[cut - 1] in " ,;":
                        cut -= 1
                    spans = [(sent.start, cut)]
            if words:
                quote = " … ".join(self.text[s.start:s.end].strip().rstrip(",.") for s in words)
                earlier = seen_partials.setdefault(act.speaker or "", [])
                if any(_norm(quote) in e for e in earlier):
                    continue  # the same words quoted again ("Xi's critique of “unilateral bullying”")
                earlier.append(_norm(quote))
                findings.append(self._finding(act, quote, "partial", spans, 0.75))
                continue
            if act.how == "verb" and _PARENTHETICAL.search(self.text[sent.start:act.subject_start]):
                continue  # "…, as Lam described": the words described are the quoted ones, if any
            clause, extra = self._reported_clause(act, sent, second.pos if second else sent.end)
            if len(clause.split()) < 3:
                continue  # "welcomed the move" reports no statement
            if (act.how == "verb" and _OBJECT_VERBS.fullmatch(act.verb) and not extra
                    and not _STATEMENT_START.match(self.text[act.verb_end:sent.end])):
                continue  # "put forward a six-point proposal": a thing presented, not a statement
            findings.append(self._finding(act, clause, "reported", spans + extra, 0.7))
        return findings

    def _second(self, act: _Act, sent: Sentence) -> _Act | None:
        """A second statement by the same speaker: "…, but said the legal position had not changed"."""
        for m in _COORDINATED.finditer(self.text, act.verb_end, sent.end):
            if not self._inside_quote(m.start(), m.end()):
                return _Act(act.speaker, act.speaker_name, m.start(), m.end(), act.subject_start,
                            m.group(1), "verb")
        return None

    def _clause_after(self, start: int, end: int) -> str:
        clause = self.text[start:end].strip()
        head = re.match(r"^(?:[^\s]+\s+){0,6}?(?:that|how)\b[\s,]*", clause)
        if head:
            clause = clause[head.end():]
        return re.sub(r"^[\s,:]*", "", clause).strip().rstrip(".").strip()

    def _reported_clause(self, act: _Act, sent: Sentence, stop: int) -> tuple[str, list[tuple[int, int]]]:
        """The reported words: after the verb, or before ", Xi said" when the attribution trails."""
        lead = self.text[sent.start:act.subject_start]
        rest = self.text[act.verb_end:stop]
        if (act.how == "verb" and lead.rstrip().endswith(",") and len(lead.split()) >= 5
                and _TRAILING_SAY.fullmatch(act.verb) and re.match(r"\s*(?:[,.]|$)", rest)):
            clause = lead.rstrip().rstrip(",")  # "Bilateral cooperation should …, Xi said, adding …"
        else:
            clause = rest
            # "stressed on Monday that …", "echoed this sentiment, affirming that …": the clause after "that"
            head = re.match(r"^(?:[^\s]+\s+){0,6}?(?:that|how)\b[\s,]*", clause.strip())
            if head:
                clause = clause.strip()[head.end():]
        clause = re.sub(r"^[\s,:]*", "", clause).strip()
        clause = clause.rstrip(".").strip()
        extra: list[tuple[int, int]] = []
        if clause.endswith(":"):
            items = self._list_after(sent)
            if items:
                clause = clause.rstrip(":") + ": " + "; ".join(p.text for p in items)
                extra = [(p.start, p.end) for p in items]
        return clause, extra

    def _list_after(self, sent: Sentence) -> list[Passage]:
        items: list[Passage] = []
        for p in self.doc.passages[sent.passage + 1:]:
            if p.role != "list_item":
                break
            items.append(p)
        return items

    def _finding(self, act: _Act, quote: str, kind: str, spans: list[tuple[int, int]], conf: float) -> Finding:
        speaker = act.speaker
        words = quote.split()
        short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        who = speaker or act.speaker_name
        label = f"{who}: “{short}”" if kind != "reported" else f"{who}: {short}"
        return Finding(
            kind="quote",
            key=f"{speaker or ''}|{_norm(quote)}",
            label=label,
            fields={"speaker": speaker, "speaker_name": speaker or act.speaker_name, "text": quote,
                    "quote_kind": kind},
            spans=sorted(set(spans)),
            rule=f"{kind}-{act.how}",
            confidence=conf,
        )


def extract_quotes(doc: Document, people: PeopleIndex) -> list[Finding]:
    """Direct, partial and reported statements of a document, with their speakers."""
    return _QuoteReader(doc, people).read()
