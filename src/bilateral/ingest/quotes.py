"""Quotes: direct, partial and reported speech, each with its speaker.

- direct: quoted words with an attribution next to them, in the forms
  newsrooms write — “…,” Ferreira said / “…” he said / "…," said Ferreira / Ferreira said: “…” /
  “…,” she said. “…” (one quotation split by its tag) / “…,” she said, “…” /
  a quotation running over paragraphs with an unclosed opening mark /
  ‘British single quotes’, ''typewriter doubles'', «guillemets»;
- partial: quoted words inside a sentence whose speaker is named by a speech
  verb or noun — His call to “oppose …” / said it was “a mistake” / tangible
  “highlights”, as Boateng described;
- reported: the subject of a speech verb and what it said — Son said that … /
  the ministry told reporters … / According to Son, … / …, Ferreira said, adding
  that … / …, a spokesman announced / …, according to the police.

Speakers come from ``speakers.SpeakerResolver``: a person of the document's
``PeopleIndex`` (``speaker`` is that person), or an organisation or unnamed
source as written (``speaker`` None, ``speaker_name`` "Ghana's Foreign
Ministry", "a government spokesman"). Quoted names and slogans with no
speaker ("Year of Coastal Friendship") and one-word scare quotes are
not quotes; a noun phrase after "put forward"/"shared" is not a statement.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from bilateral.core.folding import case_key, fold
from bilateral.core.ids import item_id
from bilateral.core.model import Passage, Sentence
from bilateral.ingest.analysis import AnalysedDocument
from bilateral.ingest.findings import Finding, Mention, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.numbers import UNDER_HUNDRED_WORDS
from bilateral.ingest.speakers import WHO_BEFORE, Speaker, SpeakerResolver, verb_pattern
from bilateral.ingest.text import Document


def _word_re(pattern: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w’'-])(?:" + pattern + r")(?![\w-])")


@dataclass(frozen=True)
class _Verbs:
    """The speech-verb patterns of one lexicon (built once per lexicon, see ``_verbs``)."""

    any_re: re.Pattern[str]  # a verb reporting a statement ("said", "stressed")
    tag_re: re.Pattern[str]  # a verb tagging a direct quotation ("“…,” she said")
    part_re: re.Pattern[str]  # "…, adding that"
    object_verbs: frozenset[str]  # "put forward": what follows is a thing, not a statement
    naming: frozenset[str]  # "called", "accused": only the words they quote are a statement
    that_only: frozenset[str]  # "continued": a clause only after "that", a comma or a colon
    as_only: frozenset[str]  # "described": a statement only with "as" ("described the talks as difficult")
    # the titled name before a trailing verb ("…, Sen. Jane Roe said", "…, Mr dela Cruz said"), and the
    # same set off by a comma from the clause it attributes
    attribution_tail: re.Pattern[str]
    attribution_lead: re.Pattern[str]
    core: frozenset[str]  # verbs any speaker (an organisation too) can be the subject of
    # "Ferreira said: “", "Ferreira told reporters, “", "…, saying, “": a tag right before a quotation
    tag_before: re.Pattern[str]
    coordinated: re.Pattern[str]  # "…, and later said", "…, adding"
    tag: frozenset[str]  # tag verbs: after one a trailing tag closes the quotation


def _build_verbs(lexicon: Lexicon) -> _Verbs:
    tag_re = _word_re(verb_pattern("tag", lexicon=lexicon))
    particles = "|".join(re.escape(p) for p in sorted((lexicon.people_names or {}).get("name_particles", []),
                                                      key=len, reverse=True))
    tail = (r"(?:(?:[A-Z][\w’'-]*\.?|the|a|an|of|for|on|and" + (r"|" + particles if particles else "")
            + r")\s+)+")
    part_re = _word_re(verb_pattern("participle", lexicon=lexicon))
    return _Verbs(
        any_re=_word_re(verb_pattern("core", "person", lexicon=lexicon)),
        tag_re=tag_re,
        part_re=part_re,
        object_verbs=frozenset(lexicon.speech["object_verbs"]),
        naming=frozenset(lexicon.speech.get("naming", [])),
        that_only=frozenset(lexicon.speech.get("that_only", [])),
        as_only=frozenset(lexicon.speech.get("as_only", [])),
        attribution_tail=re.compile(tail + r"$"),
        attribution_lead=re.compile(r",\s*" + tail + r"$"),
        core=frozenset(lexicon.speech["core"]),
        tag_before=re.compile(r"(?P<verb>" + tag_re.pattern + "|" + part_re.pattern + r")"
                              r"(?P<obj>\s+(?:[^\s,:;.“”\"]+\s*){0,5}?)?\s*(?P<p>[:,]?)\s*$"),
        coordinated=re.compile(r",?\s+(?:but|and|while|though|although)\s+(?:(?:he|she|they)\s+)?"
                               r"(?:also\s+|later\s+|then\s+)?"
                               r"(" + verb_pattern("core", "person", lexicon=lexicon) + r")(?![\w-])"
                               r"|,\s+(" + verb_pattern("participle", lexicon=lexicon) + r")(?![\w-])"),
        tag=frozenset(lexicon.speech["tag"]),
    )


def _courtesy_titles(lexicon: Lexicon) -> frozenset[str]:
    """The lexicon's courtesy titles, case-folded without their last full stop ("mr", "h.e", "datuk seri"), and
    "the" of "The Hon.": what a speech's heading may write before the speaker's name."""
    return lexicon.derived("quotes.courtesy", lambda lex: frozenset(
        {case_key(title.rstrip(".")) for title in lex.titles.get("courtesy", [])} | {"the"}))


def _verbs(lexicon: Lexicon) -> _Verbs:
    return lexicon.derived("quotes.verbs", _build_verbs)


#: any quotation mark
_QUOTE_MARK = re.compile(r"[\"“”‘’«»]")
_NOUNS = r"(?:calls?|critique|criticism|remarks?|words|speech|pledges?|appeals?|warnings?|messages?|" \
         r"statements?|comments?|description|vows?|assertions?|proposals?|urging|words)"
_POSSESSIVE_NOUN = re.compile(r"^['’]s\s+(?:\w+\s+){0,2}?" + _NOUNS + r"\b")
_PRONOUN_NOUN = re.compile(r"[Hh](?:is|er)\s+(?:\w+\s+){0,2}?" + _NOUNS + r"\b")  # (a word start is checked)
_ACCORDING = re.compile(r"[Aa]ccording\s+to\s+")  # (a word start is checked)
#: "As Soto, a fellow at the institute, put it at a seminar last week," (its source "who"; the act ends before
#: the comma): the clause it is set off from is her statement
_AS_PUT_IT = re.compile(
    r"(?<![\w])[Aa]s\s+(?!(?:soon|long|well|far|much|quickly|often|early|late)\b)"
    r"(?P<who>[^;:,\"“”]{1,60}?(?:,[^;:,\"“”]{1,120},)?)\s+(?:(?:has|had|once|later|memorably)\s+)?put\s+it\b"
    # (not "put it to a vote", "put it on hold": a thing put somewhere)
    r"(?!\s+(?:to|into|on|onto|down|back|off|aside|forward|up|out|together|through|away|behind|before|under|over)\b)"
    r"[^,;:\"“”]{0,80}(?=,|\.?$)")
#: "By her estimate," "By Soto's count," "In his words," opening a sentence or a clause: the clause after it
#: is her statement (the source "who" or "in"; not "credited in his account")
_WHOSE = r"[Hh]is|[Hh]er|[Tt]heir|(?:[A-Z][\w.’'-]*\s+){0,3}[A-Z][\w’'-]*['’]s"
_ESTIMATE_WORDS = ("estimate", "count", "reckoning", "calculation", "account", "words")
_BY_ESTIMATE = re.compile(r"(?:^|(?<=[,;])\s+)(?:[Bb]y\s+(?P<who>" + _WHOSE + r")\s+(?:own\s+)?"
                          r"(?:estimate|count|reckoning|calculation|account)s?|[Ii]n\s+(?P<in>" + _WHOSE + r")\s+"
                          r"(?:own\s+)?(?:words|estimate|reckoning))(?=,)")
_SCARE_BEFORE = re.compile(r"(?:so-called|dubbed|known as|named|titled|termed|designated as|nicknamed|"
                           r"described as|themed|slogan|motto|theme|called|call|calls|calling|word|words|phrase|"
                           r"term|label|labeled|labelled|branded)\s*$", re.I)
_NO_STATEMENT_BEFORE = {"not", "never", "to", "will", "would", "could", "might", "may", "can", "should", "must",
                        "who", "which", "that", "cannot"}
# a past form is no infinitive after "to": "officials we spoke to said" (but "declined to say")
_PAST_FORM = re.compile(r"(?:ed|said|told|wrote)$")
_STATEMENT_START = re.compile(r"\s*(?:,|:|that\b|to\s+[a-z]|how\b|why\b|whether\b|[a-z]+ing\b|"
                              r"(?:he|she|they|it|we|i|there)\b)", re.I)
_HEAD_THAT = re.compile(r"^(?:[^\s]+\s+){0,6}?(?:that|how)\b[\s,]*")
# "officials are in possession of video that …": a clause of the statement itself before "that"
_CLAUSE_WORD = re.compile(r"\b(?:is|was|were|are|has|had|have|will|would|could|can|may|might|should|must)\b", re.I)
# "the plan that …": a noun and its relative clause ("his hope that", "this week that" open the statement)
_DETERMINER_START = re.compile(r"^(?:the|a|an|these|those|this(?!\s+(?:week|month|year|morning|afternoon|evening|"
                               r"weekend|time)\b))\s+[^,]*$", re.I)


def _complementizer(clause: str, told: bool = False) -> re.Match[str] | None:
    """The words up to the "that"/"how" that opens a reported clause ("on Monday that", "told reporters
    that", "this sentiment, affirming that"), or None where "that" belongs to the clause itself: a
    demonstrative at its end ("the tariff could change that"), a relative after a clause or a noun of the
    statement ("officials have video that shows …", "the plan that Lima proposed was …")."""
    head = _HEAD_THAT.match(clause)
    if head is None:
        return None
    lead = clause[:head.end()].rsplit(None, 1)[0] if " " in clause[:head.end()].strip() else ""
    if (len(clause[head.end():].split()) < 2 or ("," not in lead and _CLAUSE_WORD.search(lead))
            or (not told and _DETERMINER_START.match(lead) and not re.search(r"\w+ing\b", lead))):
        return None
    return head


def _relative_end(rest: str) -> str:
    """A relative clause's statement up to the comma that closes the relative, where the main clause's
    verb follows ("who said the region needed calm, met her counterpart"; not "who said that, in his
    view, the talks …")."""
    close = _RELATIVE_CLOSE.search(rest)
    return rest[:close.start()] if close else rest


_RELATIVE_CLOSE = re.compile(r",\s+(?!(?:in|on|at|by|for|with|of|to|from|as|and|but|or|the|a|an|his|her|its|their|"
                             r"he|she|it|they|we|i|which|who|that|if|when|although|though|while|after|before|"
                             r"because|since|not|also|however|even|only|than|then|so)\b)[a-z]")


#: "said by telephone from …", "told by video link": the means of a statement, not a passive's agent
_BY_MEANS = re.compile(r"(?:tele)?phone\b|video\b|e-?mail\b|text message\b|letter\b|satellite phone\b|radio\b")
#: between a body's speech verb and the person its clause reports: "said (that) ", "said on Monday that "
_INNER_SUBJECT = re.compile(r"\s+(?:(?:on|in|at)\s+[^,;:\"“”]{1,30}?\s+)?(?:that\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}")
#: where a clause ends before quoted words: a semicolon, a colon, a sentence's end (not "U.S.")
_CLAUSE_BREAK = re.compile(r"[;:!?]|\.\s")
#: "what their union called": a relative clause, whose subject is not the sentence's
_FREE_RELATIVE = re.compile(r"\bwhat\s+$", re.I)
#: "was quoted by the Kyodo news agency as saying": the agency stands between the verb and "as saying"
_QUOTED_BY = re.compile(r"\b(?:was|were|is|are|has been|have been)\s+quoted\s+(?:by|in)\s+[^,;“”\"]{2,70}?\s+as\s+$")
# "…, as Lam described": a parenthetical attribution of the words just quoted
_ADJUNCT_AFTER = re.compile(r"[\s,]*(?:after|before|during|in|on|at|over|amid|from|to|for|with|by|as|since|"
                            r"when|while)\b")
_TAG_JOIN = re.compile(r",\s*(?:and|but|then)\b|;")  # where a statement ends and a quotation's tag begins
# a headline's trailing tag, in title case: "…, Senator Lopez Says", "…, Former White House Doctor Says"
_HEADLINE_ENDS = frozenset({"Says", "Said"})
_HEADLINE_TAG = re.compile(r",\s+(?P<who>(?:[A-Z][\w.’'-]*\s+){0,5}?[A-Z][\w.’'-]*)\s+"
                           r"(?P<verb>Says|Said)\s*[.!?]?\s*$")
_HAS_MARK = re.compile(r"[\"“”‘’«»]|''")  # a text that shows its own quotation marks
_PARENTHETICAL = re.compile(r"(?:^|[\s,])as\s+(?:(?:[A-Z][\w.’'-]*|of|the)\s+)*$")

_FIGURE = re.compile(r"\d[\d.,]*\s*(?:%|percent|per cent|million|billion|trillion|thousand|tons?|tonnes|bn|m)\b"
                     r"|[$€£¥]\s?\d|\b(?:USD|EUR|CNY|VND|A\$|US\$)\s?\d"
                     r"|\b\d[\d,]*\s+(?:[A-Z][a-z]+\s+|[a-z]+\s+)?(?:[a-z]{3,}s|people|children|men|women)\b"
                     # a count: "13,500 Moroccan students", "14 people", "Forty-five people were killed"
                     r"|\b(?i:" + UNDER_HUNDRED_WORDS + r")(?:\s+(?:hundred|thousand|million))*\s+(?:[a-z]+\s+)?"
                     r"(?:people|children|[a-z]{3,}s)\b\s+(?:were|have|had|are|was)\b")
#: the word before a speech verb that is a noun's ("five West African states", "maritime claims"): a
#: number or a nationality, which leave the phrase without its head
_HEADLESS = re.compile(r"(?:\b(?:(?!(?:19|20)\d\d\b)\d[\d,.]*|(?i:" + UNDER_HUNDRED_WORDS + r"))(?:\s+[A-Z][a-z]+){0,3}"
                       r"|(?P<adj>[A-Z][a-z]+))\s+$")
#: "admitted to Spanish universities", "admitted to hospital": entry, not a statement ("admitted to lying" is)
_ADMITTED_TO = re.compile(r"\s+to\s+(?!\w+ing\b)(?![^,.;]*\bthat\b)")  # ("admitted to reporters that …" is)
#: "who asked not to be identified", "asked for anonymity": a source's terms for speaking, not what it says
_ANONYMITY = re.compile(r"\s+(?:not\s+to\s+be\s+(?:named|identified|quoted)|to\s+remain\s+anonymous|"
                        r"for\s+anonymity|that\s+(?:their|his|her)\s+names?\s+(?:not\s+be|be\s+withheld))\b")
_TIME_LEAD = re.compile(r"^\s*(?:on\s+)?(?:(?:last|this|next)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                        r"Sunday|week|month|year|today|yesterday|earlier|late|night|morning|afternoon|evening)\b"
                        r"(?:\s+(?:morning|afternoon|evening|night))?")
_TOLD = {"told", "tells", "tell", "telling", "assured", "assuring", "informed", "informing", "reminded",
         "reminding", "warned", "warning"}
_HEARER = re.compile(r"^(?:me|us|him|her|them|reporters|journalists|lawmakers|delegates|the\s+\w+|"
                     r"(?:(?:The|the)\s+)?(?:[A-Z][\w.&’'-]*\s+)*[A-Z][\w.&’'-]*)(?=[\s.,]|$)\s*"
                     r"(?:on\s+\w+\s*|in\s+an?\s+\w+\s*)?")
#: "… sat at her table and explained": the verb is the second of the subject's predicates, not a tag after
#: the statement before it
_COORDINATED_VERB = re.compile(r"\b(?:and|but|then)\s+(?:\w+ly\s+)?$")
#: ", not for the first time, why …": a short aside set off by commas before the clause a verb reports
_ASIDE_BEFORE_CLAUSE = re.compile(r"^\s*,\s*[^,;:\"“”]{1,40},\s*(?=(?:that|why|how|what|whether|if)\b)")
# where the writer's own clause begins after a reported statement
_WRITER_CLAUSE = re.compile(r"\s*;\s+|,\s+(?:although|though|whereas)\s+|\s+—\s+and\s+"
                            r"|,?\s+(?:and|but)\s+(?=(?:[A-Z][\w’'-]+\s+){1,3}(?:accused|denied|rejected|said|says|"
                            r"insisted|argued|countered|responded|told)\b)")
_DATELINE = re.compile(r"^[A-Z][A-Z .'-]{2,}(?:,\s*[A-Z][a-z]+\.?\s+\d{1,2})?\s*[—–-]+\s*")  # "OSLO — "
# who the speaker of an inverted tag is, before the quotation goes on: "…," said Jane Roe, a lawyer who has
# advised the ministry since 2010. "…"
_APPOSITIVE = re.compile(r",\s+(?:who\b|an?\s|the\s|of\s|[a-z]+\s+of\s)[^“”\"«»;:]{0,220}?[,.]\s*")
_OPEN_ONLY = re.compile(r"^(?:“|\"|''|«|‘)")
# An opening mark that no closing mark follows in its paragraph (at a word's start: after a space, a colon or
# the paragraph's start), the quotation running on into the next paragraph.
_RUN_ON = re.compile(r"(?:^|(?<=[\s:]))(?:“|\"|''|«|‘)(?=[^\s])(?!.*(?:[”»]|\"|''|’(?!\w)))", re.S)

# Quotation marks: double quotes curly or straight (a curly opening may close straight and the other way
# round), typewriter doubles (''…''), guillemets, curly singles whose closing mark is no apostrophe
# ("Ethiopia’s" inside keeps going), and straight singles opened before a letter (not after one). A nested
# quotation stays inside the one around it.
# One pattern per opening mark, each starting with a literal (which ``re`` finds fast); the leftmost pair
# wins, and at one position the first pattern.
_PAIR_PARTS = [re.compile(p) for p in (
    r"''((?:[^'\n]|'(?!'))+?)''",
    r"“(?:([^“”\n]+)”|([^“”\"\n]+)\")",
    r"\"(?:([^\"\n]+)\"|([^\"“”\n]+)”)",
    r"«\s?([^«»\n]+?)\s?»",
    r"‘((?:[^‘’\n]|’(?=\w))+)’(?![\w])",
    r"'(?=[A-Za-z])((?:[^'\n\"“”]|'(?=[a-z]))+?(?:[.,!?]|[^s\W]))'(?![\w'])",
)]
_PAIR_AFTER_WORD = (True, True, True, True, False, False)  # may the mark follow a letter directly?


def _next_pair(text: str, rank: int, pos: int) -> re.Match[str] | None:
    """The first pair of kind ``rank`` opening at or after ``pos``."""
    pattern = _PAIR_PARTS[rank]
    while True:
        m = pattern.search(text, pos)
        if m is None or _PAIR_AFTER_WORD[rank] or m.start() == 0 or not (
                text[m.start() - 1].isalnum() or text[m.start() - 1] in "_'"):
            return m
        pos = m.start() + 1


@dataclass
class _Segment:
    start: int  # inner text
    end: int
    outer_start: int
    outer_end: int
    passage: int
    unclosed: bool = False


@dataclass
class _Act:
    speaker: Speaker
    pos: int  # where the attribution starts
    verb_end: int
    verb: str
    how: str  # "verb", "according", "possessive", "inverted", "participle"
    end: int = 0  # where the attribution (verb and subject) ends
    #: its statement is only the words it quotes: a naming verb ("called it “a disgrace”"), or a person's
    #: verb with another speaker ("the ministry urged Lima to “withdraw”"; without quoted words, none)
    quoted_only: bool = False


@dataclass
class _Quote:
    act: _Act
    parts: list[str]
    first: int
    last: int
    unclosed: bool = False
    segs: list[_Segment] = field(default_factory=list)  # the quoted fragments, in order


@dataclass(frozen=True)
class Attribution:
    """Who a sentence's statement is by, and the word that says so ("said", "told", "according to")."""

    speaker: Speaker
    verb: str
    how: str  # as _Act.how: "verb", "inverted", "according", "participle", "possessive", "that", "continued", …


@dataclass(frozen=True)
class Statements:
    """A document's quotations and reported statements (the quote findings), and, sentence by sentence,
    who the statement there is by: what statistics read for a figure someone states."""

    findings: list[Finding]
    said: Mapping[int, Attribution]


@dataclass
class _State:
    seg_ids: dict[int, int]
    findings: list[Finding] = field(default_factory=list)
    consumed: set[int] = field(default_factory=set)  # sentence indices explained by a direct quote
    used: set[int] = field(default_factory=set)  # segments absorbed into a quote
    last_direct: dict[int, Speaker] = field(default_factory=dict)  # passage -> speaker of its last direct quote
    seen_partials: dict[str, list[str]] = field(default_factory=dict)
    said: dict[int, Attribution] = field(default_factory=dict)  # sentence index -> who states what is in it


#: an interview's question and answer labels ("Q: …", "A: …", "Question: …")
_QA_LABEL = re.compile(r"(?P<who>Q|A|Question|Answer):\s+(?=\S)")  # (a colon: "A. K. Antony said" is no answer)
#: a transcript's label in title case: a role or a name, a parenthesis, a colon ("Spokesperson:", "Lee Min-ji:",
#: "Question (Yonhap News Agency):")
_ROLE_LABEL = re.compile(r"(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})(?:\s*\([^()]{1,60}\))?:\s+(?=\S)")
_PARAGRAPH_NUMBER = re.compile(r"\(?\d{1,2}[.)]\s+")
#: a heading that titles a speech: "REMARKS BY MR JANE ROE, MINISTER FOR TRADE, AT …", "Statement by …"
_SPEECH_HEADING = re.compile(r"(?i:(?:opening\s+|closing\s+|keynote\s+)?(?:remarks|speech|statement|address|toast)"
                             r"(?:\s+(?:delivered|given|made))?\s+by)\s+(?P<who>[^,(]{3,60}?)(?=\s*(?:,|\(|\bat\b|\bAT\b|$))")
#: a line that introduces a speaker's words in the passages after it, ending in a colon
_INTRO_LINE = re.compile(r"(?P<who>.{3,160}?)\s(?:asked|replied|said|answered|responded|stated|added|continued|declared)"
                         r"(?:\s[^:.]{0,80})?:")
#: any short label opening a passage ("Q (Joel Cruz, Radio Manila):", "REPORTER:"), which ends the turn before it
_ANY_LABEL = re.compile(r"[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}(?:\s*\([^()]{1,80}\))?:\s+")
#: a sentence that only runs a briefing or a press conference, no statement of its speaker
_PROCEDURAL = re.compile(
    r"(?:[A-Z][\w-]*:\s+)?(?:(?:Good (?:morning|afternoon|evening)|Thank you(?: (?:all|very much|for (?:your|the) "
    r"questions?))?|Thanks|Welcome|Hello|Next question|Last question|One more question|Any other questions\?|"
    r"That concludes (?:my|the|today's|this) (?:announcement|briefing|statement|press conference)s?|"
    r"I will (?:now )?(?:begin|start) with (?:an? |the |some )?(?:announcements?|statements?|opening remarks)"
    r"(?: and then take (?:your )?questions)?|(?:I|We) will now take (?:your )?questions)[.!]?\s*)+")
#: a sentence of a turn that reports what someone else said; "I said", "we told" are the speaker's own
_REPORTS_OTHER = re.compile(r"\b(?:said|told|informed|noted|stressed|added|stated|expressed|emphasi[sz]ed|"
                            r"highlighted|affirmed|reaffirmed|announced|reiterated|underlined|asked|urged|"
                            r"[Aa]ccording to)\b")
_REPORTS_SELF = re.compile(r"\b(?:I|[Ww]e)\s+(?:\w+\s+)?(?:said|told|noted|stressed|added|stated|expressed|"
                           r"announced|asked|urged)\b")
#: a transcript's speaker label: courtesy or rank abbreviations, then the name in capitals and a colon
_TURN_LABEL = re.compile(r"(?:(?:[A-Z][A-Za-z]{1,5}\.|MR|MRS|MS|DR)\s+)*(?P<name>[A-Z][A-Z'’-]+(?:\s+[A-Z][A-Z'’-]+){0,2}):\s+")

_NOT_WORD = re.compile(r"[^\w\s]+")


_WORD_RUN = re.compile(r"\w+")
_WORD_TOKEN = re.compile(r"[\w’'-]+")


def _norm(text: str) -> str:
    """The words, folded (core/folding.py), for comparing quotes and making their ids. Marks and
    symbols split words and go before folding, so a symbol never becomes letters ("€85" is "85")."""
    return " ".join(_WORD_RUN.findall(fold(_NOT_WORD.sub(" ", text))))


def _words(text: str) -> list[str]:
    return _WORD_TOKEN.findall(text)


def _is_scare(text: str, before: str) -> bool:
    """A quoted name, title or slogan rather than someone's words."""
    words = _words(text)
    if not words:
        return True
    minor = {"of", "the", "and", "a", "an", "for", "with", "to", "in", "on", "at", "by", "that", "carries"}
    content = [w for w in words if w.lower() not in minor]
    if content and \
            sum(1 for w in content if w[:1].isupper() or w[:1].isdigit()) / len(content) >= 0.6:
        return True
    return len(words) <= 4 and bool(_SCARE_BEFORE.search(before))


def _quantity(speaker: Speaker) -> bool:
    """"81.3 percent of respondents", "73 percent": a poll's share is a statistic, not a statement."""
    return speaker.how == "nominal" and bool(re.match(r"(?:nearly |about |some |over |more than )?[\d.,]+\s*(?:%|percent|per cent)",
                                                       speaker.name, re.I))


def _noun_not_verb(verb: str, lead: str, nationalities: Mapping[str, Any]) -> bool:
    """"which five West African states signed", "Peruvian claims": a plural noun spelled as a speech
    verb, after a number or a nationality adjective (not a name: "Lynch notes")."""
    before = _HEADLESS.search(lead) if verb.endswith("s") else None
    return before is not None and (before["adj"] is None or before["adj"] in nationalities)


def _word_before_verb(lead: str) -> str:
    """The word before a speech verb, over one adverb ("would probably say" -> "would"); "" at the start."""
    last = lead.split()[-2:]
    if last and last[-1].endswith("ly") and len(last) == 2:
        last = last[:1]
    return last[-1] if last else ""


class _QuoteReader:
    def __init__(self, doc: Document, people: PeopleIndex, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        self.verbs = _verbs(self.lexicon)
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.segments: list[_Segment] = []
        prose = [p for p in doc.passages if p.extractable]
        for i, passage in enumerate(prose):
            opens_next = i + 1 < len(prose) and bool(_OPEN_ONLY.match(prose[i + 1].text))
            self.segments.extend(self._pairs(passage, opens_next))
        self.sentences = doc.sentences
        self.by_passage: dict[int, list[int]] = {}
        for i, s in enumerate(self.sentences):
            self.by_passage.setdefault(s.passage, []).append(i)
        self.seg_by_passage: dict[int, list[_Segment]] = {}
        for seg in self.segments:
            self.seg_by_passage.setdefault(seg.passage, []).append(seg)
        self.speakers = SpeakerResolver(self.text, self.sentences, people,
                                        [(s.outer_start, s.outer_end) for s in self.segments], self.lexicon)

    @staticmethod
    def _pairs(passage: Passage, opens_next: bool = False) -> list[_Segment]:
        """The quoted segments of a paragraph; with ``opens_next`` (the next paragraph opens with a quotation
        mark), also a quotation that opens in it and runs to its end unclosed, as newsrooms write a quotation
        over paragraphs (“… they remember it.¶“Friendship is …”)."""
        out: list[_Segment] = []
        t = passage.text
        if t.startswith("”") and "”" in t[1:]:
            t = "“" + t[1:]  # a paragraph opened with a closing mark (”… he said it,” Roe wrote): an opening one
        if not ("“" in t or '"' in t or "«" in t or "‘" in t or "''" in t or " '" in t or t.startswith("'")):
            return out
        nxt = [_next_pair(t, rank, 0) for rank in range(len(_PAIR_PARTS))]
        while True:
            live = [(m.start(), rank) for rank, m in enumerate(nxt) if m is not None]
            if not live:
                break
            _start, rank = min(live)
            m = nxt[rank]
            assert m is not None
            g = next(i for i in range(1, (m.re.groups or 0) + 1) if m.group(i) is not None)
            out.append(_Segment(passage.start + m.start(g), passage.start + m.end(g),
                                passage.start + m.start(), passage.start + m.end(), passage.index))
            reach = m.end()
            nxt = [n if n is None or n.start() >= reach else _next_pair(t, r, reach) for r, n in enumerate(nxt)]
        return _QuoteReader._unclosed(passage, out, opens_next)

    @staticmethod
    def _unclosed(passage: Passage, out: list[_Segment], opens_next: bool) -> list[_Segment]:
        """``out`` with the paragraph's unclosed quotation, if any: one opened in it that runs on into the
        next paragraph, or a paragraph that opens with a mark and never closes."""
        t = passage.text
        run_on = _RUN_ON.search(t, out[-1].outer_end - passage.start if out else 0) if opens_next else None
        if run_on and len(_words(t[run_on.end():])) >= 3 and (not out or out[0].outer_start != passage.start
                                                              or run_on.start() > 0):
            out.append(_Segment(passage.start + run_on.end(), passage.end, passage.start + run_on.start(),
                                passage.end, passage.index, unclosed=True))
            return out
        # a paragraph of a quotation running on into the next: it opens with a mark and never closes
        opener = _OPEN_ONLY.match(t)
        if opener and not (out and out[0].outer_start == passage.start):
            tail = t[opener.end():]
            if not re.search(r"[”\"»]|''", tail) and len(_words(tail)) >= 3:
                out.insert(0, _Segment(passage.start + opener.end(), passage.end, passage.start, passage.end,
                                       passage.index, unclosed=True))
        return out

    def _inside_quote(self, start: int, end: int) -> bool:
        return self.speakers.inside_quote(start, end)

    def _sent_index(self, offset: int) -> int:
        return self.speakers.sentence_index(offset)

    # -- attributions of a quoted segment

    def _tag_after(self, seg: _Segment) -> _Act | None:
        """“…,” Ferreira said / “…,” said Ferreira / “…” she said, “…”."""
        if seg.unclosed:
            return None
        si = self._sent_index(max(seg.outer_start, seg.outer_end - 1))
        sent = self.sentences[si]
        if sent.end <= seg.outer_end + 1 and si + 1 < len(self.sentences) and \
                self.sentences[si + 1].passage == sent.passage and self.text[seg.end - 1:seg.end] in "?!":
            sent = self.sentences[si + 1]  # “Does anybody know?” Graham asked. — the tag is a sentence of its own
        limit = min(sent.end, seg.outer_end + 160)
        lead = re.match(r"[\s,—–-]*", self.text[seg.outer_end:limit])
        p = seg.outer_end + (lead.end() if lead else 0)
        v = self.verbs.tag_re.match(self.text, p, limit)
        if v:
            sp = self.speakers.after(sent, v.end())
            if sp:
                return _Act(sp, seg.outer_end, v.end(), v.group(), "inverted", max(sp.end, v.end()))
            return None
        v = self.verbs.tag_re.search(self.text, p, limit)
        if v and not re.search(r"[“”\"«»;:]|''", self.text[p:v.start()]):
            sp = self.speakers.before(sent, v.start())
            if sp and sp.start >= p and self._titles_only(self.text[p:sp.start]):
                return _Act(sp, seg.outer_end, v.end(), v.group(), "verb", v.end())
        return None

    def _titles_only(self, between: str) -> bool:
        """Only a title before the subject's name ("IMF chief economist" Jane Roe said)."""
        mods = self.speakers.modifiers
        return all(w[:1].isupper() or w.lower() in mods for w in _words(between))

    def _tag_before(self, seg: _Segment) -> _Act | None:
        """Ferreira said: “…” / Ferreira told reporters, “…” / …, saying, “…”."""
        si = self._sent_index(seg.outer_start)
        sent = self.sentences[si]
        lo = max(sent.start, seg.outer_start - 90)  # the tag and up to five words of its object
        before = self.text[lo:seg.outer_start]
        inner = self.text[seg.start:seg.end].lstrip()
        m = self.verbs.tag_before.search(before)
        that = False
        if m and not m.group("p") and m.group("obj") and re.search(r"\bthat\s*$", m.group("obj")) \
                and seg.outer_end > sent.end:
            that = True  # "Trump told Fox that “they … . … ref.”": quoted sentences after "that"
        elif not m or not (m.group("p") or not m.group("obj")) or not (inner[:1].isupper() or m.group("p") == ":"):
            return None
        verb_start = lo + m.start("verb")
        verb = m.group("verb")
        if self.verbs.part_re.fullmatch(verb):
            sp = self._clause_subject(si, verb_start)
            how = "participle"
        else:
            sp = self.speakers.before(sent, verb_start)
            how = "verb"
        if sp is None:
            return None
        return _Act(sp, sp.start, lo + m.end("verb"), verb, "that" if that else how,
                    lo + m.end("verb"))

    def _colon_intro(self, seg: _Segment) -> _Act | None:
        """“Caddell continued:” / “The ministry said in a statement:” ending the paragraph before."""
        passage = self.doc.passages[seg.passage]
        if seg.outer_start != passage.start:
            return None
        j = seg.passage - 1
        while j >= 0 and not self.doc.passages[j].extractable:
            j -= 1
        if j < 0 or j not in self.by_passage:
            return None
        prev = self.sentences[self.by_passage[j][-1]]
        if not prev.text.rstrip().endswith(":"):
            return None
        for v in self.verbs.tag_re.finditer(self.text, prev.start, prev.end):
            if self._inside_quote(v.start(), v.end()):
                continue
            sp = self.speakers.before(prev, v.start())
            if sp:
                return _Act(sp, sp.start, v.end(), v.group(), "verb", v.end())
        return None

    def _clause_subject(self, si: int, before: int) -> Speaker | None:
        """The subject of a sentence's main clause, for a participle ("…, saying …")."""
        sent = self.sentences[si]
        sp = self.speakers.spoke.get(si)
        if sp is not None and sp.start < before:
            return sp
        for v in self.verbs.any_re.finditer(self.text, sent.start, before):
            if not self._inside_quote(v.start(), v.end()):
                got = self.speakers.before(sent, v.start())
                if got:
                    return got
        head = re.match(r"\s*(?:(?:But|And|So|Yet|Then|Later|Still)\s+)?(?P<w>[Hh]e|[Ss]he|[Tt]hey)\b",
                        self.text[sent.start:before])
        if head:
            return self.speakers.pronoun(sent.start + head.start("w"), head.group("w").lower())
        ms = [m for m in self.speakers.mentions_in(sent.start, before)]
        if ms and ms[0].start - sent.start < 60 and not re.match(r"['’]s\b", self.text[ms[0].end:ms[0].end + 2]):
            lead = self.text[sent.start:ms[0].start]
            if not re.search(r"\b(?:with|of|by|to|from|for|about|at|and|between|on|against|met|than)\s+"
                             r"(?:\S+\s+){0,4}$", lead):
                return Speaker(ms[0].name, ms[0].name, ms[0].start, ms[0].end, "person")
        return self.speakers.at_start(sent, before)

    # -- the pass

    def read(self) -> Statements:
        st = _State(seg_ids={id(s): n for n, s in enumerate(self.segments)})
        self._transcript_turns(st)
        opening: dict[int, list[int]] = {}
        for n, seg in enumerate(self.segments):
            opening.setdefault(self._sent_index(seg.outer_start), []).append(n)
        # in reading order, so "he said" resolves to who spoke before
        for i, sent in enumerate(self.sentences):
            for n in opening.get(i, []):
                self._direct_one(n, self.segments[n], st)
            if i not in st.consumed:
                self._reported_one(i, sent, st)
        st.findings.sort(key=lambda f: f.spans[0])
        return Statements(st.findings, st.said)

    def _transcript_turns(self, st: _State) -> None:
        """A transcript's turns ("CDRE. SANTOS: Good afternoon. …", "Spokesperson: …"): what each passage after a
        speaker's label says is one direct statement by that person, when at least two passages of the document
        open with a label that names a person it mentions (a dateline such as "KUALA LUMPUR:" names none;
        "Spokesperson" names the one person the text titles so), or a heading titles a speech ("REMARKS BY …").
        Unlabelled passages between two labelled ones go on the turn before them (a spokesperson's announcement
        read in several paragraphs); after a speech's heading or a record's introducing line ("… replied:") they
        all do. A turn's sentence that reports someone else ("Minister Kang said that …") is left to the other
        readers, which give it to that person, and one that only runs the briefing ("Good morning.") is no
        statement; the statement is the passage's other sentences."""
        turns = self._labelled_turns()
        if len(turns) < 2 and not any(_SPEECH_HEADING.match(turn[0].text) for turn in turns):  # (a speech is one)
            turns = [(passage, start, person, at, [passage]) for passage, start, person, at in self._answers()]
        if not turns:
            return
        for _passage, start, person, at, passages in turns:
            speaker = Speaker(person, person, at, start, "person")
            for passage in passages:
                lo = max(start, passage.start)
                if number := _PARAGRAPH_NUMBER.match(self.text, lo, passage.end):
                    lo = number.end()  # "2. Next June, our two countries …": the paragraph's number is no word
                own = [i for i in self.by_passage.get(passage.index, [])
                       if self.sentences[i].end > lo and not self._reports_other(i) and not self._procedural(i)]
                parts: list[list[int]] = []
                for i in own:  # the passage's own sentences, in runs (" … " where a reported one is left out)
                    if parts and parts[-1][-1] == i - 1:
                        parts[-1].append(i)
                    else:
                        parts.append([i])
                text = " … ".join(" ".join(self.text[max(lo, self.sentences[run[0]].start):
                                                    self.sentences[run[-1]].end].split()) for run in parts)
                if not own or len(text.split()) < 3:
                    continue
                spans = [(self.sentences[i].start, self.sentences[i].end) for i in own]
                st.findings.append(self._finding(speaker, text, "direct", spans, 0.85, "transcript"))
                for i in own:
                    st.consumed.add(i)
                    self.speakers.spoke[i] = speaker
                    st.said[i] = Attribution(speaker, "said", "transcript")
            self.speakers.note(start, speaker)

    def _labelled_turns(self) -> list[tuple[Passage, int, str, int, list[Passage]]]:
        """(passage, where its words start, speaker, where the label's name starts, the passages of the turn)
        for each passage opening with a speaker's label; any label (a reporter's "Question (Yonhap):") ends
        the turn before it."""
        turns: list[tuple[Passage, int, str, int, list[Passage]]] = []
        open_turn: list[Passage] | None = None
        pending: list[Passage] = []
        introduced = False  # the open turn was opened by a line ending in a colon: what follows is all its own
        title = (self.doc.source.title or "").strip()
        passages = [p for p in self.doc.passages if (p.extractable or p.role == "heading") and p.text.strip() != title]
        # a record whose speakers are introduced by lines ending in a colon has two at least ("Caddell continued:"
        # in a news story introduces one quotation, not the rest of the story)
        intros = {p.index: m for p in passages if (m := self._introducer(p)) is not None}
        if len(intros) < 2:
            intros = {}
        for passage in passages:
            # "REMARKS BY MR JANE ROE, MINISTER FOR TRADE, AT THE BUSINESS DINNER", "The Minister (Hon. Jane Roe)
            # replied:": the passages after it are that person's words
            opener = (self._speech_heading(passage) if passage.role == "heading" or passage.text.isupper() else None) \
                or intros.get(passage.index)
            if opener is not None:
                if open_turn is not None:
                    open_turn.extend(pending)
                pending, open_turn, introduced = [], [], True
                turns.append((passage, passage.end, opener.name, opener.start, open_turn))
                continue
            if passage.role == "heading":
                continue
            label = _TURN_LABEL.match(passage.text) or _ROLE_LABEL.match(passage.text)
            if label is None:
                if _ANY_LABEL.match(passage.text):
                    open_turn, pending = None, []  # "Q (Joel Cruz, Radio Manila):": another's turn
                elif open_turn is not None:
                    (open_turn if introduced else pending).append(passage)
                continue
            introduced = False
            if open_turn is not None:
                open_turn.extend(pending)  # passages between two labels: the turn before them goes on
            pending = []
            person = self._labelled_person(label.group("name"))
            if person is None:
                open_turn = None
                continue
            open_turn = [passage]
            turns.append((passage, passage.start + label.end(), person, passage.start + label.start("name"),
                          open_turn))
        return self._announcement(turns) + turns

    def _announcement(self, turns: list[tuple[Passage, int, str, int, list[Passage]]],
                      ) -> list[tuple[Passage, int, str, int, list[Passage]]]:
        """The passages before a briefing's first label, when the document's title names the speaker of its
        first turn ("Spokesperson Lin Qingyu's Regular Press Conference …", then "Lin Qingyu: …"): that
        speaker's announcement, read before the first question."""
        if len(turns) < 2:
            return []
        first_passage, _start, person, _at, _passages = turns[0]
        heading = next((p for p in self.doc.passages if p.role == "heading"), None)
        if heading is None or heading.index >= first_passage.index:
            return []
        named = next((m for m in self.people.mentions
                      if m.name == person and heading.start <= m.start < heading.end), None)
        lead: list[Passage] = []
        for p in self.doc.passages[heading.index + 1:first_passage.index]:
            if _ANY_LABEL.match(p.text):
                break  # (the first question: what comes before it is the announcement)
            if p.extractable:
                lead.append(p)
        if named is None or not lead:
            return []
        return [(lead[0], lead[0].start, person, named.start, lead)]

    def _speech_heading(self, passage: Passage) -> Mention | None:
        """A heading that titles a speech by a person the text names ("Remarks by Mr Jane Roe, Minister for
        Trade, at …", "STATEMENT BY …") -> a mention of that person (where the heading names them)."""
        m = _SPEECH_HEADING.match(passage.text)
        if m is None:
            return None
        words = [w for w in re.split(r"[\s,]+", m.group("who")) if w]
        courtesy = _courtesy_titles(self.lexicon)
        while lead := next((n for n in (3, 2, 1) if case_key(" ".join(words[:n]).rstrip(".")) in courtesy), 0):
            words = words[lead:]  # "MR", "H.E.", "THE HON.", "DATUK SERI": the titles before the name
        name = self._labelled_person(" ".join(words)) if words else None
        return Mention(passage.start + m.start("who"), passage.start + m.end("who"), name) if name else None

    def _introducer(self, passage: Passage) -> Mention | None:
        """A line that introduces the passages after it as one person's words: "Mr Samson Wing (Member for
        Vanimo-Green River) asked the Minister for Foreign Affairs:", "The Minister (Hon. Miriam Tovue)
        replied:" -> the last person named before its verb."""
        intro = _INTRO_LINE.fullmatch(passage.text.strip()) if len(passage.text) <= 200 else None
        if intro is None:
            return None
        lead = passage.start + (len(passage.text) - len(passage.text.lstrip()))
        who_end = lead + intro.end("who")
        # the speaker is the line's subject, named before its verb (not "the Minister for Foreign Affairs" asked),
        # by the name in its brackets if it has one ("The Minister (Hon. Miriam Tovue)", not "The Minister")
        named = [m for m in self.people.mentions if lead <= m.start < who_end]
        return named[-1] if named else None

    def _procedural(self, i: int) -> bool:
        """Whether sentence ``i`` of a turn only runs the briefing ("Good morning.", "Thank you.", "That concludes
        my announcement.", "I will begin with an announcement and then take your questions.", "Next question.")."""
        return bool(_PROCEDURAL.fullmatch(self.sentences[i].text.strip()))

    def _reports_other(self, i: int) -> bool:
        """Whether sentence ``i`` of a turn reports another's words ("Minister Kang informed Minister Ganzorig
        that …", "according to that ministry"); "As I said, …" is the speaker's own."""
        sentence = self.sentences[i].text
        return bool(_REPORTS_OTHER.search(sentence)) and not _REPORTS_SELF.search(sentence)

    def _answers(self) -> list[tuple[Passage, int, str, int]]:
        """An interview written as questions and answers ("Q: …" / "A: …"): each answer is a direct statement
        by the person its introduction names first, when the document asks at least one question and gives at
        least two answers."""
        asked = answered = None
        answers = []
        for passage in self.doc.passages:
            cue = _QA_LABEL.match(passage.text) if passage.extractable else None
            if cue is None:
                continue
            if cue.group("who")[0] in "Qq":
                asked = passage.start if asked is None else asked
            else:
                answers.append((passage, passage.start + cue.end()))
                answered = passage.start if answered is None else answered
        if asked is None or answered is None or len(answers) < 2:
            return []
        first = min(asked, answered)
        # the introduction: the nearest passage before the first label that names someone ("We put some
        # questions to Jane Roe, professor of …", "Indonesia's ambassador, Dr. Ratna …, sat down with us")
        introduced = None
        for passage in reversed([p for p in self.doc.passages if p.end <= first]):
            introduced = next((m for m in self.people.mentions if passage.start <= m.start < passage.end), None)
            if introduced is not None:
                break
        if introduced is None:
            return []
        return [(passage, start, introduced.name, passage.start) for passage, start in answers]

    def _labelled_person(self, label: str) -> str | None:
        """The person of the document a transcript label names ("MANALASTAS-ONG" is Teresita Manalastas-Ong)."""
        words = [fold(w).casefold() for w in label.split()]
        names = list(dict.fromkeys(m.name for m in self.people.mentions))
        for name in names:
            tokens = fold(name).casefold().split()
            if tokens[-len(words):] == words:
                return name
        # "MINISTER AMIRUL", "MINISTER TAN", "MB SAIFUL": a title, then the word of the name the story
        # calls the person by (a given name, a family name written first), when it is one person's
        owners = [name for name in names if words[-1] in fold(name).casefold().split()]
        if len(owners) == 1:
            return owners[0]
        return None if owners else self._titled_holder(label)

    def _titled_holder(self, label: str) -> str | None:
        """The one person the text titles with a role label ("Spokesperson" of "… by Spokesperson Song Ji-hye")."""
        title = re.compile(r"(?<![\w-])" + re.escape(label) + r"\s+(?:\(\s*)?(?:[A-Z][a-z]{1,3}\.?\s+)?$", re.I)
        holders = {m.name for m in self.people.mentions if title.search(self.text, max(0, m.start - len(label) - 8),
                                                                        m.start)}
        return holders.pop() if len(holders) == 1 else None

    def _direct_one(self, n: int, seg: _Segment, st: _State) -> None:
        """The quotation opening at segment ``n``, with its tag and any fragments after it, as findings;
        then a second statement its tag may add."""
        if n in st.used:
            return
        act = self._tag_after(seg) or self._tag_before(seg) or self._colon_intro(seg)
        continued = False
        if act is None:
            act = self._continued(seg, st.last_direct) or self._after_statement(seg) or self._introduced(seg)
            continued = act is not None
        if act is None:
            return
        inner = self.text[seg.start:seg.end].strip()
        if not self._is_statement(inner, seg, act):
            return
        q = _Quote(act, [inner.rstrip(",")], seg.outer_start, max(seg.outer_end, act.end), seg.unclosed, [seg])
        st.used.add(n)
        self._absorb(q, n, st.used, st.seg_ids, continued)
        si0 = self._sent_index(q.first)
        si1 = self._sent_index(max(q.first, q.last - 1))
        spans = [(self.sentences[i].start, self.sentences[i].end) for i in range(si0, si1 + 1)]
        st.consumed.update(range(si0, si1 + 1))
        text = " … ".join(p for p in q.parts if p)
        lead = self.text[self.sentences[si0].start:seg.outer_start]
        kind = "direct"
        if act.how == "that" or (act.how in ("verb", "inverted") and _words(lead) and inner[:1].islower()):
            kind = "partial"  # "…, the tax ''is a misguided approach,'' said Mr. Roe": words inside his sentence
        conf, how = (0.85, "continued") if continued else (0.9, act.how)
        if kind == "partial" and len(q.parts) == 1 and act.pos >= seg.outer_end:
            # "However laudable the goal, the tax ''is a misguided approach,'' said Mr. Roe": his statement
            # is the sentence before the tag, the quoted words with the words that lead to them
            text = _DATELINE.sub("", self.text[self.sentences[si0].start:seg.outer_end]).strip()
        if len(q.parts) == 1 or kind != "direct":
            st.findings.append(self._finding(act.speaker, text, kind, spans, conf, how))
        else:
            st.findings.extend(self._fragments(q, conf, how))
        self.speakers.note(q.first, act.speaker)
        for i in range(si0, si1 + 1):
            self.speakers.spoke[i] = act.speaker
            st.said[i] = Attribution(act.speaker, act.verb, act.how)
        st.last_direct[self.sentences[si1].passage] = act.speaker
        self._after_tag(q, act, st)
        if act.how in ("verb", "participle") and act.verb_end <= seg.outer_start:
            self._statement_before(act, si0, st)

    def _statement_before(self, act: _Act, si: int, st: _State) -> None:
        """"Roe said the ferry would resume in May, adding: “…”", "…, and when pressed she replied, “…”": the
        reported statement before the quotation's tag in its sentence, cited up to where the tag begins."""
        sent = self.sentences[si]
        tag = self.text.rfind(act.verb.split()[0], sent.start, act.verb_end)
        if act.how == "verb":
            tag = min(tag, act.pos)  # "she replied": the tag begins with its subject
        first = None
        for v in self.verbs.any_re.finditer(self.text, sent.start, tag):  # a speech verb before the tag, if any
            act_ = self._verb_act(si, sent, v)
            if act_ is not None and act_.how == "verb" and act_.verb_end < tag:
                first = act_
                break
        if first is None:
            return
        join = _TAG_JOIN.search(self.text, first.verb_end, tag)
        if join is None:
            commas = [m.start() for m in re.finditer(",", self.text[first.verb_end:tag])]
            stop = first.verb_end + commas[-1] if commas else tag
        else:
            stop = join.start()
        while stop > first.verb_end and self.text[stop - 1] in " ,;:":
            stop -= 1
        if stop > first.verb_end:
            self._reported_words(first, sent, stop, [(sent.start, stop)], st)

    def _is_statement(self, inner: str, seg: _Segment, act: _Act) -> bool:
        """Quoted words that are a statement: not one word (unless a speech verb introduces it as a whole
        utterance: "“No,” he said."), not a scare quote."""
        if len(_words(inner)) < 2 and not (act.how in ("verb", "inverted") and inner[-1:] in ",.!?"):
            return False
        return not (_is_scare(inner, self.text[max(0, seg.outer_start - 30):seg.outer_start])
                    and act.how not in ("verb", "inverted", "that"))

    def _after_tag(self, q: _Quote, act: _Act, st: _State) -> None:
        """"…,” the mayor said, adding that it would take “more hours”: a second statement after the tag,
        partial when it quotes, else reported."""
        sent = self.sentences[self._sent_index(max(q.first, act.end - 1))]
        second = self._second(act, sent, act.end)
        if second is None:
            return
        own = [(self._own_start(second.pos, sent.end), sent.end)]  # cited by its own words
        later = [s for s in self.segments if s.outer_start >= second.verb_end and s.outer_end <= sent.end
                 and not _is_scare(self.text[s.start:s.end], "")]
        if later:
            words = " … ".join(self.text[s.start:s.end].strip().rstrip(",.") for s in later)
            st.findings.append(self._finding(second.speaker, words, "partial", own, 0.7, second.how))
            for s in later:
                st.used.add(st.seg_ids[id(s)])
        else:
            clause = self._clause_after(second.verb_end, sent.end)
            if len(clause.split()) >= 3:
                st.findings.append(self._finding(second.speaker, clause, "reported", own, 0.65, second.how))

    def _fragments(self, q: _Quote, conf: float, how: str) -> list[Finding]:
        """A quotation in several fragments (split by its tag, or over paragraphs): one item per quoted
        fragment, each cited by its own sentences (the tag's with the fragment it follows), all naming the
        statement they belong to."""
        out: list[Finding] = []
        statement = item_id("statement", f"{q.act.speaker.person or q.act.speaker.name}|{_norm(' '.join(q.parts))}")
        for n, (seg, part) in enumerate(zip(q.segs, q.parts, strict=True)):
            lo, hi = seg.outer_start, seg.outer_end
            if q.act.pos >= hi and (n + 1 == len(q.segs) or q.segs[n + 1].outer_start >= q.act.end):
                hi = max(hi, q.act.end)  # the tag right after this fragment
            elif q.act.end <= lo and n == 0:
                lo = min(lo, q.act.pos)  # the tag right before the first fragment
            si0, si1 = self._sent_index(lo), self._sent_index(max(lo, hi - 1))
            spans = [(self.sentences[i].start, self.sentences[i].end) for i in range(si0, si1 + 1)]
            f = self._finding(q.act.speaker, part, "direct", spans, conf, how)
            f.fields.update({"statement": statement, "part": n + 1, "parts": len(q.parts)})
            out.append(f)
        return out

    def _absorb(self, q: _Quote, n: int, used: set[int], seg_ids: dict[int, int], continued: bool) -> None:
        """Quoted words that go on after the tag: “…,” she said. “…” / “…,” she said, “…” / paragraphs on."""
        cur = q.last
        passage = self.segments[n].passage
        k = n + 1
        while k < len(self.segments):
            nxt = self.segments[k]
            if nxt.passage != passage:
                # a quotation running over paragraphs: the last one stayed open, the next opens again
                prev_open = self.segments[k - 1].unclosed
                p = self.doc.passages[nxt.passage]
                if not (q.unclosed and prev_open and nxt.outer_start == p.start):
                    break
                passage = nxt.passage
                cur = nxt.outer_start
            between = self.text[cur:nxt.outer_start]
            if re.search(r"[\w]", between):
                # the rest of the tag: “…,” Trump said during a rally in Ohio, “but …”
                tag_rest = cur == q.act.end and re.fullmatch(r"[^“”\"«»;:]{0,90}[,.]\s*", between)
                if not (tag_rest and not self.verbs.any_re.search(between) and not self.verbs.part_re.search(between)) \
                        and not (cur == q.act.end and q.act.how == "inverted" and _APPOSITIVE.fullmatch(between)):
                    break
            own = self._tag_after(nxt)
            running_on = self.segments[k - 1].unclosed  # the paragraph before stayed open: one quotation
            if own is not None and not (running_on and own.speaker.name == q.act.speaker.name):
                break  # “…,” she added: a statement with a tag of its own
            q.parts.append(self.text[nxt.start:nxt.end].strip().rstrip(","))
            q.segs.append(nxt)
            used.add(k)
            q.last = max(nxt.outer_end, own.end if own else 0)
            q.unclosed = nxt.unclosed
            cur = q.last
            k += 1
            if own is not None:
                break
        del seg_ids, continued

    def _continued(self, seg: _Segment, last_direct: dict[int, Speaker]) -> _Act | None:
        """A paragraph that is only a quotation, right after a paragraph whose direct quote has a speaker."""
        passage = self.doc.passages[seg.passage]
        if seg.outer_start != passage.start:
            return None
        rest = self.text[seg.outer_end:passage.end]
        others = [s for s in self.seg_by_passage.get(seg.passage, []) if s is not seg]
        for s in others:
            rest = rest.replace(self.text[s.outer_start:s.outer_end], "")
        if re.search(r"\w", rest):
            return None
        j = seg.passage - 1
        while j >= 0 and not self.doc.passages[j].extractable:
            j -= 1
        if j < 0 or j not in last_direct:
            return None
        sp = last_direct[j]
        return _Act(sp, seg.outer_start, seg.outer_start, "", "continued", seg.outer_end)

    def _introduced(self, seg: _Segment) -> _Act | None:
        """A paragraph that is only a quotation running over paragraphs (its first one left open), right after a
        paragraph that ends introducing one person ("Rodel Manalo has fished out of Masinloc for 28 years.",
        then "‘When I started, …" and "‘Now I have …’"): that person's words."""
        passage = self.doc.passages[seg.passage]
        if seg.outer_start != passage.start or not seg.unclosed or re.search(r"\w", self.text[seg.outer_end:passage.end]):
            return None
        j = seg.passage - 1
        while j >= 0 and not self.doc.passages[j].extractable:
            j -= 1
        if j < 0:
            return None
        last = self.sentences[self._sent_index(self.doc.passages[j].end - 1)]
        named = [m for m in self.people.mentions if last.start <= m.start < last.end]
        if len(named) != 1 or named[0].start != last.start or _QUOTE_MARK.search(last.text):
            return None  # (the sentence opens with its one person, and quotes no one)
        who = named[0]
        speaker = Speaker(who.name, who.name, who.start, who.end, "person")
        return _Act(speaker, seg.outer_start, seg.outer_start, "", "continued", seg.outer_end)

    def _after_statement(self, seg: _Segment) -> _Act | None:
        """A sentence that is only a quotation, right after a sentence of its paragraph that reported a
        statement ("Thinh said the road would be the backbone of a corridor. “For six decades …”")."""
        si = self._sent_index(seg.outer_start)
        sent = self.sentences[si]
        if seg.outer_start != sent.start or si == 0 or self.sentences[si - 1].passage != sent.passage:
            return None
        if re.search(r"\w", self.text[seg.outer_end:sent.end]):
            return None  # words of the writer's after it: not the speaker's sentence alone
        sp = self.speakers.spoke.get(si - 1)
        return _Act(sp, seg.outer_start, seg.outer_start, "", "continued", seg.outer_end) if sp else None

    # -- reported and partial speech

    def _acts(self, si: int) -> list[_Act]:
        """Speech acts of a sentence with a speaker, in order: by a speech verb, a participle ("telling
        reporters"), "according to", or a possessive speech noun ("his statement")."""
        sent = self.sentences[si]
        acts = [act for v in self.verbs.any_re.finditer(self.text, sent.start, sent.end)
                if (act := self._verb_act(si, sent, v)) is not None]
        acts += self._participle_acts(si, sent)
        acts += self._according_acts(sent)
        acts += self._possessive_acts(sent)
        if not acts and sent.text.rstrip(" .!?")[-4:] in _HEADLINE_ENDS:
            acts += self._headline_act(sent)
        acts.sort(key=lambda a: a.pos)
        return acts

    def _headline_act(self, sent: Sentence) -> list[_Act]:
        """A headline's trailing tag in title case: "Trade Deal Could Help Farmers, Senator Lopez Says"."""
        m = _HEADLINE_TAG.search(sent.text)
        if m is None or len(_words(sent.text[:m.start()])) < 3:
            return []
        verb_start, verb_end = sent.start + m.start("verb"), sent.start + m.end("verb")
        sp = self.speakers.before(sent, verb_start)
        who_start = sent.start + m.start("who")
        if sp is None or sp.start < who_start or sp.person is None:
            who = self.text[who_start:sent.start + m.end("who")]
            # the article names the person in full further down: "Senator Lopez Says" is Maria Lopez
            named = {n.name for n in self.speakers.mentions if n.name.split()[-1] == who.split()[-1]}
            person = named.pop() if len(named) == 1 else None
            if person or sp is None or sp.start < who_start:
                sp = Speaker(person or who, person, who_start, who_start + len(who), "person" if person else "name")
        return [_Act(sp, sp.start, verb_end, m.group("verb").split()[0].lower(), "verb", verb_end)]

    def _verb_act(self, si: int, sent: Sentence, v: re.Match[str]) -> _Act | None:
        """The act of one speech verb: its subject before it, the subject of its clause after "and", or
        the speaker after it ("…, said the minister"); None when it reports no statement."""
        if self._inside_quote(v.start(), v.end()) or (self.text.startswith(" by ", v.end())
                                                      and not _BY_MEANS.match(self.text, v.end() + 4)):
            return None  # "was told by", not "said by telephone"
        lead = self.text[max(sent.start, v.start() - 30):v.start()]
        last = _word_before_verb(lead)
        if (last in _NO_STATEMENT_BEFORE and not (last == "who" and WHO_BEFORE.search(lead))
                and not (last == "to" and _PAST_FORM.search(v.group()))) or last.endswith(("n't", "n’t")):
            return None  # "wouldn't say", "to say", "the man who told": no statement by this subject
        verb = v.group() if " " not in v.group() else " ".join(v.group().split())
        if self._not_speech(verb, lead, v.end()):
            return None
        sp = self.speakers.before(sent, v.start())
        how = "verb"
        if sp is None and last in ("and", "but", "then", "also", "later"):
            sp = self._clause_subject(si, v.start())  # "Cruz exhorted Republicans … and said he was …"
        if sp is None and verb in self.verbs.core and lead.rstrip().endswith(","):
            sp = self.speakers.after(sent, v.end())  # "…, said the minister"
            how = "inverted"
        if sp is None or _quantity(sp):
            return None
        quoted_only = self._quoted_only(verb, sp)
        if quoted_only and sp.plural and sp.person is None and verb not in self.verbs.naming:
            return None  # "the two sides agreed to organise “red journey” tours": a group's quoted name
        end = max(v.end(), sp.end) if how == "inverted" else v.end()
        return _Act(sp, sp.start if how == "verb" else v.start(), v.end(), verb, how, end, quoted_only)

    def _not_speech(self, verb: str, lead: str, end: int) -> bool:
        """A word spelled as a speech verb that reports nothing here: a plural noun ("Peruvian claims"),
        "admitted to hospital", "asked not to be named"."""
        return (_noun_not_verb(verb, lead, self.lexicon.titles.get("nationalities") or {})
                or (verb.startswith("admit") and _ADMITTED_TO.match(self.text, end) is not None)
                or (verb.startswith(("ask", "request")) and _ANONYMITY.match(self.text, end) is not None))

    def _quoted_only(self, verb: str, sp: Speaker) -> bool:
        """Does the verb state only the words it quotes? A naming verb does, whoever speaks ("the ministry
        rejected the claims as “groundless”"); so does a person's verb with another speaker ("the outcome
        underscored …", "Portugal called for …": nothing; "the ministry urged Lima to “withdraw”")."""
        return verb in self.verbs.naming or (verb not in self.verbs.core and sp.person is None)

    def _participle_acts(self, si: int, sent: Sentence) -> list[_Act]:
        """"…, telling reporters that …", "responded by saying …": the participle reports a statement by the
        clause's subject."""
        acts = []
        for v in (self.verbs.part_re.finditer(self.text, sent.start, sent.end) if "ing" in sent.text else ()):
            if self._inside_quote(v.start(), v.end()):
                continue
            quoted = _QUOTED_BY.search(self.text, max(sent.start, v.start() - 90), v.start())
            if quoted is None and not re.search(
                    r"(?:,|\b(?:while|before|after|when|by))\s*$", self.text[max(sent.start, v.start() - 8):v.start()]):
                continue
            # "Islomov was quoted by the state news agency as saying that …": the one quoted says it
            sp = self.speakers.before(sent, quoted.start()) if quoted else self._clause_subject(si, v.start())
            if sp is not None and _FREE_RELATIVE.search(self.text[max(0, sp.start - 12):sp.start]):
                continue  # "protested what their union called “crumbs”, saying …": the protesters say it
            if sp is not None and sp.start < v.start() and not _quantity(sp):
                acts.append(_Act(sp, v.start(), v.end(), v.group(), "participle", v.end()))
        return acts

    def _according_acts(self, sent: Sentence) -> list[_Act]:
        """"according to X": X's statement, unless X is only the source of a figure."""
        acts = []
        for m in (_ACCORDING.finditer(self.text, sent.start, sent.end) if "ccording" in sent.text else ()):
            if self._inside_quote(m.start(), m.end()) or self.text[m.start() - 1:m.start()].isalnum():
                continue
            sp = self.speakers.according_to(sent, m.end())
            if sp and sp.person is None and _FIGURE.search(sent.text):
                continue  # "trade reached $9 billion, according to the statistics office": a statistic's source
            if sp:
                acts.append(_Act(sp, m.start(), m.end(), "according to", "according", sp.end))
        return acts + self._source_phrase_acts(sent)

    def _source_phrase_acts(self, sent: Sentence) -> list[_Act]:
        """"As Soto put it, …" and "By her estimate, …": a phrase naming whose statement the clause it is set
        off from is, read as "according to" is."""
        acts = []
        st = sent.text
        for m in (_AS_PUT_IT.finditer(self.text, sent.start, sent.end) if "put it" in st else ()):
            if not self._inside_quote(m.start(), m.end()):
                sp = self.speakers.according_to(sent, m.start("who"), m.end("who"))
                if sp:
                    acts.append(_Act(sp, m.start(), m.end(), "put it", "according", m.end()))
        for m in (_BY_ESTIMATE.finditer(st) if any(w in st for w in _ESTIMATE_WORDS) else ()):
            start, end = sent.start + m.start(), sent.start + m.end()
            if self._inside_quote(start, end):
                continue
            group = "who" if m.group("who") else "in"
            who, at = m.group(group), sent.start + m.start(group)
            if who.lower() in ("his", "her", "their"):
                sp = self.speakers.pronoun(at, {"his": "he", "her": "she"}.get(who.lower(), "they"))
            else:
                sp = self.speakers.according_to(sent, at, at + len(who) - 2)
            if sp:
                acts.append(_Act(sp, start, end, "estimate", "according", end))
        return acts

    def _possessive_acts(self, sent: Sentence) -> list[_Act]:
        """A person's or a pronoun's speech noun ("Lee's statement", "his remarks")."""
        acts = []
        st = sent.text
        for m in (self.speakers.mentions_in(sent.start, sent.end) if "s " in st else ()):
            if _POSSESSIVE_NOUN.match(self.text[m.end:m.end + 40]):
                sp = Speaker(m.name, m.name, m.start, m.end, "person")
                acts.append(_Act(sp, m.start, m.end, "", "possessive", m.end))
        pronoun_noun = "is " in st or "er " in st
        for p in (_PRONOUN_NOUN.finditer(self.text, sent.start, sent.end) if pronoun_noun else ()):
            if not self._inside_quote(p.start(), p.end()) and not self.text[p.start() - 1:p.start()].isalnum():
                sp = self.speakers.pronoun(p.start(), p.group()[:3].lower().strip())
                if sp.person:
                    acts.append(_Act(sp, p.start(), p.start(), "", "possessive", p.start()))
        return acts

    def _reported_one(self, i: int, sent: Sentence, st: _State) -> None:
        """The statement a sentence reports by a speech verb or noun: quoted words in it (partial), else
        the reported clause; a second statement in the same sentence ("…, but said …") apart."""
        chosen = self._statement_words(i, sent, st)
        if chosen is None:
            return
        act, acts, words = chosen
        self.speakers.spoke[i] = act.speaker
        st.said[i] = Attribution(act.speaker, act.verb, act.how)
        spans = [(sent.start, sent.end)]
        second = self._second(act, sent, act.end, acts)
        if second is not None:
            words, spans = self._second_statement(second, sent, words, spans, st)
        if words:
            self._partial(act, words, spans, st, self._quoting_clause(act, sent, words, second))
            return
        self._reported_words(act, sent, second.pos if second else sent.end, spans, st)

    def _statement_words(self, i: int, sent: Sentence,
                         st: _State) -> tuple[_Act, list[_Act], list[_Segment]] | None:
        """(the attribution, every attribution of the sentence, the quoted words it attributes), or None
        when the sentence attributes no statement."""
        segs = [s for s in self.seg_by_passage.get(sent.passage, [])
                if s.outer_start >= sent.start and s.outer_end <= sent.end and st.seg_ids[id(s)] not in st.used]
        acts = self._acts(i)
        if not acts:
            return None
        words = self._quoted_words(sent, segs)
        acts = self._stating(acts, words)
        if not acts:
            return None
        act = self._inner_speaker(acts[0], acts, words)
        if act.how == "possessive":
            words = self._near(act, words)
        if act.how in ("verb", "participle") and words and not self._trails(act, sent):
            # quoted words before "X said" are not what X said ("exhorted them to “vote” and said he …")
            words = [w for w in words if w.outer_start >= act.verb_end]
        return act, acts, words

    def _inner_speaker(self, act: _Act, acts: list[_Act], words: list[_Segment]) -> _Act:
        """The act whose quoted words they are: a person reported by a body or a statement ("A ministry
        statement said Soto had urged Lima to “…”": Soto's words, the clause opening with her and her verb),
        else ``act``."""
        if not words or act.speaker.person is not None or act.how not in ("verb", "according"):
            return act
        for inner in acts:
            if inner.pos > act.verb_end and inner.speaker.person is not None and inner.how == "verb" \
                    and _INNER_SUBJECT.fullmatch(self.text, act.verb_end, inner.speaker.start) \
                    and all(w.outer_start >= inner.verb_end for w in words) \
                    and self.verbs.any_re.search(self.text, inner.verb_end, words[0].outer_start) is None:
                return inner  # (the words in the person's own clause: not after the body's "and added that")
        return act

    def _in_clause(self, act: _Act, w: _Segment, reach: int) -> bool:
        """Quoted words within ``reach`` characters after the act's verb, before a semicolon, colon or the
        sentence's end ("accused the leader, Kim Sun, of “recklessness”")."""
        return 0 <= w.outer_start - act.verb_end <= reach and _CLAUSE_BREAK.search(
            self.text, act.verb_end, w.outer_start) is None

    def _quotes_own_words(self, act: _Act, acts: list[_Act], words: list[_Segment]) -> bool:
        """Are some of ``words`` in the act's clause, before any other act of the sentence begins?"""
        return any(self._in_clause(act, w, 120) and not any(act.verb_end <= b.pos < w.outer_start for b in acts)
                   for w in words)

    def _quoted_words(self, sent: Sentence, segs: list[_Segment]) -> list[_Segment]:
        """The quoted words of a sentence that may be a statement: no scare quotes, and no single words
        alone (tangible “highlights”); beside a quoted phrase they are the speaker's words too ("from
        “comrades-plus-brothers” to …")."""
        words = [s for s in segs if not _is_scare(self.text[s.start:s.end], self.text[sent.start:s.outer_start])]
        return words if any(len(_words(self.text[s.start:s.end])) > 1 for s in words) else []

    def _near(self, act: _Act, words: list[_Segment]) -> list[_Segment]:
        """The quoted words an act introduces: within 80 characters of it, no comma or semicolon between."""
        return [w for w in words if 0 <= w.outer_start - act.pos <= 80
                and not re.search(r"[,;]", self.text[act.verb_end:w.outer_start])]

    def _stating(self, acts: list[_Act], words: list[_Segment]) -> list[_Act]:
        """The acts of a sentence that state something with its quoted words ``words``."""
        # an act that states only quoted words states nothing without them in its clause, before another
        # act ("the ministry welcomed the move"; "criticized the format, telling a host that “…”": the
        # participle's statement)
        acts = [a for a in acts if not a.quoted_only or self._quotes_own_words(a, acts, words)]
        if acts and acts[0].how == "possessive" and not self._near(acts[0], words):
            # with no quoted words, "his remarks" is not a statement, a speech verb is; "Trump's proposals …,
            # it referenced “political tensions”": the speech noun must introduce the words
            acts = [a for a in acts if a.how != "possessive"]
        return acts

    def _second_statement(self, second: _Act, sent: Sentence, words: list[_Segment],
                          spans: list[tuple[int, int]], st: _State) -> tuple[list[_Segment], list[tuple[int, int]]]:
        """Adds the second statement of a sentence (its quoted words, else its clause); returns the first
        statement's quoted words and its citation, cut where the second begins."""
        later = [w for w in words if w.outer_start >= second.pos]
        words = [w for w in words if w.outer_end <= second.pos]
        clause = self._clause_after(second.verb_end, sent.end)
        own = [(self._own_start(second.pos, sent.end), sent.end)]  # the second statement's own words
        if later:
            # "…, but stressed that cooperation had “never been closer”": the second statement's own words
            quote = self._holding(clause, second.verb_end, sent.end, later) or " … ".join(
                self.text[w.start:w.end].strip().rstrip(",.") for w in later)
            st.findings.append(self._finding(second.speaker, quote, "partial", own, 0.7, second.how))
        elif len(clause.split()) >= 2 and not second.quoted_only:
            st.findings.append(self._finding(second.speaker, clause, "reported", own, 0.65, second.how))
        if later or len(clause.split()) >= 2:
            # the first statement is cited up to where the second begins
            cut = second.pos
            while cut > sent.start and self.text[cut - 1] in " ,;":
                cut -= 1
            spans = [(sent.start, cut)]
        return words, spans

    def _partial(self, act: _Act, words: list[_Segment], spans: list[tuple[int, int]], st: _State,
                 clause: str | None = None) -> None:
        """Quoted words inside reported speech, given with the reported clause that holds them (``clause``)
        when there is one; not again when the speaker was quoted with the same words already."""
        quote = " … ".join(self.text[s.start:s.end].strip().rstrip(",.") for s in words)
        earlier = st.seen_partials.setdefault(act.speaker.name, [])
        if any(_norm(quote) in e for e in earlier):
            return  # the same words quoted again ("Ferreira's critique of “reckless spending”")
        earlier.append(_norm(quote))
        st.findings.append(self._finding(act.speaker, clause or quote, "partial", spans, 0.75, act.how))

    def _quoting_clause(self, act: _Act, sent: Sentence, words: list[_Segment], second: _Act | None) -> str | None:
        """The reported clause that holds every quoted fragment and says more than they do ("said that
        “a storm” had hit the coast" states that a storm had hit the coast, not “a storm”), verbatim with its
        quotation marks; None when the quoted words are the whole statement ("called it “a disgrace”",
        "accused them of “…”") or no such clause is found."""
        if act.quoted_only or act.how not in ("verb", "inverted", "participle"):
            return None
        stop = second.pos if second else sent.end
        clause, extra = self._reported_clause(act, sent, stop)
        return None if extra else self._holding(clause, sent.start, stop, words)

    def _holding(self, clause: str, lo: int, hi: int, words: list[_Segment]) -> str | None:
        """``clause`` (found verbatim between ``lo`` and ``hi``) with its closing quotation mark, when it
        holds every quoted fragment of ``words`` and at least two words more."""
        start = self.text.find(clause, lo, hi) if clause else -1
        if start < 0:
            return None
        end = start + len(clause)
        if any(w.start < start or w.end > end for w in words):
            return None
        end = max([end] + [w.outer_end for w in words if w.end <= end <= w.outer_end])  # its closing mark
        inside = sum(len(_words(self.text[w.start:w.end])) for w in words)
        if len(_words(clause)) < inside + 2:
            return None  # "stressed the need for “restraint on both sides”": the words are the statement
        if words[0].outer_start <= start and _ADJUNCT_AFTER.match(self.text, words[-1].outer_end, end):
            return None  # "urged “restraint” after the clash": the quoted object, then the writer's adjunct
        return self.text[start:end].strip()

    def _reported_words(self, act: _Act, sent: Sentence, stop: int, spans: list[tuple[int, int]],
                        st: _State) -> None:
        """Reported speech without quotation marks: the clause the verb reports, cited up to where the
        writer's own clause begins; no statement for "welcomed the move" or "put forward a plan"."""
        if act.how == "verb" and _PARENTHETICAL.search(self.text[sent.start:act.speaker.start]):
            return  # "…, as Lam described": the words described are the quoted ones, if any
        if act.quoted_only:
            return  # "called it a common ailment", "the ministry welcomed the move": no statement
        if act.how == "verb" and act.verb in self.verbs.that_only and not re.match(
                r"\s*(?:,|:|that\b)", self.text[act.verb_end:sent.end]):
            return  # "Tourism continued to lead the thaw", "continued the talks": no statement
        clause, extra = self._reported_clause(act, sent, stop)
        if act.how == "verb" and act.verb in self.verbs.as_only and not re.search(r"\bas\b", clause):
            return  # "describes those years with the weariness of a man …": no statement
        cut = _WRITER_CLAUSE.search(self.text, act.end, stop)
        if cut and not extra and act.how in ("verb", "inverted") and not self.text[sent.start:act.pos].strip():
            spans = [(sent.start, cut.start())]  # cited up to where the writer's own clause begins
        if len(clause.split()) < 3 or (clause.endswith(":") and not extra):
            return  # "welcomed the move" reports no statement; "X said in a statement:" introduces a quotation
        rest = _TIME_LEAD.sub("", self.text[act.verb_end:sent.end])
        if (act.how == "verb" and act.verb in self.verbs.object_verbs and not extra
                and not _STATEMENT_START.match(rest) and not self._trails(act, sent)):
            return  # "put forward a six-point proposal": a thing presented, not a statement
        st.findings.append(self._finding(act.speaker, clause, "reported", spans + extra, 0.7, act.how))

    @staticmethod
    def _after_hearer(act: _Act, rest: str) -> str:
        """What follows a verb past its time words and, after "told", its hearer ("told The Daily Post on
        Thursday.")."""
        rest = _TIME_LEAD.sub("", rest)
        if act.verb in _TOLD:
            rest = _TIME_LEAD.sub("", _HEARER.sub("", rest.lstrip(), count=1))
        return rest

    def _trails(self, act: _Act, sent: Sentence) -> bool:
        """Is the attribution at the end of the sentence ("…, Ferreira said." / "…, said Ferreira.")?"""
        if not self.text[sent.start:act.pos].rstrip().endswith(","):
            return False
        return bool(re.match(r"[^,;:]{0,60}$", self.text[act.end:sent.end].rstrip(" .!?\"”’")))

    def _second(self, act: _Act, sent: Sentence, after: int, acts: list[_Act] | None = None) -> _Act | None:
        """A second statement in the sentence: by the same speaker ("…, but said the legal position had not
        changed", "…, adding that …"), or by another subject after "and"/"but"/";" ("Jane Roe said …, and
        the minister said …")."""
        for m in self.verbs.coordinated.finditer(self.text, after, sent.end):
            if not self._inside_quote(m.start(), m.end()):
                verb = re.sub(r"\s+", " ", m.group(1) or m.group(2))
                if act.speaker.person is None and m.group(1) and verb not in self.verbs.core:
                    continue  # "the two sides announced … and agreed to …": only core verbs for non-persons
                return _Act(act.speaker, m.start(), m.end(), verb, "verb", m.end(), verb in self.verbs.naming)
        for a in acts or []:
            if a.how == "verb" and a.speaker.start > after and a is not act:
                joins = list(re.finditer(r",\s*(?:and|but|while|whereas)\b|;", self.text[after:a.speaker.start]))
                if joins:
                    return _Act(a.speaker, after + joins[-1].start(), a.verb_end, a.verb, "verb", a.end, a.quoted_only)
        return None

    def _own_start(self, pos: int, end: int) -> int:
        """Where a second statement's own words begin: after ", but", "; and", "," ."""
        m = re.match(r"[\s,;]*(?:(?:but|and|while|though|although|whereas)\s+)?", self.text[pos:end])
        return pos + (m.end() if m else 0)

    def _clause_after(self, start: int, end: int) -> str:
        clause = self.text[start:end].strip()
        head = _complementizer(clause)
        if head:
            clause = clause[head.end():]
        return re.sub(r"^[\s,:]*", "", clause).strip().rstrip(".").strip()

    def _tag_trails(self, act: _Act, lead: str, rest: str, verb_start: int) -> bool:
        """Whether the attribution is a tag after the statement it follows ("…, Ferreira said", "The plan,
        she said, is sound"), not the subject and verb of a sentence that goes on ("On a grey morning, she sat
        at her table and explained …": the verb is her second predicate)."""
        return (lead.rstrip().endswith(",") and len(lead.split()) >= 2
                and (act.how == "inverted" or act.verb in self.verbs.tag)
                and not (verb_start > 0 and _COORDINATED_VERB.search(self.text, act.speaker.end, verb_start))
                and bool(re.match(r"\s*(?:[,.;]|$|(?:in|on|at|during|to|of)\b)", self._after_hearer(act, rest))))

    def _before_tag(self, lead: str, rest: str) -> str:
        """The statement before a trailing tag, and its continuation after the tag when it is a clause."""
        clause = _DATELINE.sub("", lead.rstrip().rstrip(","))  # "Bilateral cooperation should …, Ferreira said"
        mid = re.match(r"[^,]*,\s*(.+)", rest)
        # a subject the tag interrupts ("The plan, she said, is sound") goes on in a predicate of two words
        if mid and len(mid.group(1).split()) >= min(3, len(lead.split())) and not self.verbs.coordinated.match(rest) \
                and (_CLAUSE_WORD.search(mid.group(1)) or re.match(r"(?:he|she|it|they|we|i|there)\b", mid.group(1))):
            # "Though the move was legal, she said, it was unwise": the statement goes on after the tag
            # (a clause; "…, the bank said, the first decline in a decade" is the writer's gloss)
            clause += " " + mid.group(1)
        return clause

    def _reported_clause(self, act: _Act, sent: Sentence, stop: int) -> tuple[str, list[tuple[int, int]]]:
        """The reported words: after the verb, or before ", Ferreira said" when the attribution trails."""
        lead = self.text[sent.start:act.pos]
        if act.how == "verb":
            # the subject's title is part of the attribution: "…, Sen. Jane Roe (D-Ore.) told …", "…, Deputy
            # Minister for Economic Diplomacy Jane Roe said"
            lead = self.verbs.attribution_tail.sub("", lead) if self.verbs.attribution_lead.search(lead) else lead
        rest = self.text[act.end:stop]
        after_verb = False
        verb_start = self.text.rfind(act.verb.split()[0], act.pos, act.verb_end) if act.how == "verb" else -1
        if verb_start > 0 and WHO_BEFORE.search(self.text, sent.start, verb_start) \
                and len(self.text[sent.start:act.speaker.start].split()) <= 3:  # the relative is in the subject
            rest = _relative_end(rest)  # "Wong, who said the region needed calm, met …": the relative ends
        head_that = False
        if act.how == "according":
            if lead.strip():
                clause = lead.rstrip().rstrip(",")  # "…, according to the ministry."
                tail = re.match(r"\s*,\s*(.+)", rest)
                if tail and len(tail.group(1).split()) >= 3 and not re.match(r"\s*(?:who|which)\b", tail.group(1)):
                    clause += " " + tail.group(1)
            else:
                clause = re.sub(r"^[^,]*,", "", rest, count=1)  # "According to X, …"
        elif self._tag_trails(act, lead, rest, verb_start):
            clause = self._before_tag(lead, rest)
        else:
            # "explained, not for the first time, why …": an aside between the verb and its clause
            clause, after_verb = _ASIDE_BEFORE_CLAUSE.sub("", rest, count=1), True
            # "stressed on Monday that …", "echoed this sentiment, affirming that …": the clause after "that"
            head = _complementizer(clause.strip(), told=act.verb in _TOLD)
            if head:
                clause = clause.strip()[head.end():]
                head_that = True
        clause = re.sub(r"^[\s,:]*", "", clause).strip()
        # a new clause of the writer's own ends the statement: "…; they only learned …", "…, although he …"
        clause = _WRITER_CLAUSE.split(clause)[0]
        clause = clause.rstrip(".").strip()
        if act.verb in _TOLD and not head_that and after_verb:
            clause = _HEARER.sub("", clause, count=1)  # "told reporters the deal …": the hearer is no statement
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

    def _finding(self, speaker: Speaker, quote: str, kind: str, spans: list[tuple[int, int]], conf: float,
                 how: str) -> Finding:
        words = quote.split()
        short = " ".join(words[:8]) + ("…" if len(words) > 8 else "")
        who = speaker.name
        quoted = kind == "direct" or (kind == "partial" and not _HAS_MARK.search(quote))
        label = f"{who}: “{short}”" if quoted else f"{who}: {short}"
        if speaker.person is None:
            conf -= 0.1
        return Finding(
            kind="quote",
            key=f"{speaker.person or speaker.name}|{_norm(quote)}",
            label=label,
            fields={"speaker": speaker.person, "speaker_name": speaker.name, "text": quote, "quote_kind": kind},
            spans=sorted(set(spans)),
            rule=f"{kind}-{how}",
            confidence=round(conf, 2),
        )


def read_statements(doc: Document, people: PeopleIndex, lexicon: Lexicon | None = None) -> Statements:
    """Direct, partial and reported statements of a document, with their speakers, and who states what in
    each sentence (``AnalysedDocument.statements`` reads it once per document)."""
    return _QuoteReader(doc, people, lexicon).read()


def extract_quotes(doc: Document, people: PeopleIndex, lexicon: Lexicon | None = None) -> list[Finding]:
    """Direct, partial and reported statements of a document, with their speakers."""
    return read_statements(doc, people, lexicon).findings


class QuoteExtractor:
    """Direct, partial and reported statements with their speakers (speakers.SpeakerResolver)."""

    name = "quotes"
    reads = ("passages", "sentences", "people", "speech verbs")
    produces = "quote"

    def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]:
        analysed = AnalysedDocument.of(doc, lexicon)
        if people is analysed.people:
            return list(analysed.statements.findings)  # read once, statistics may have asked first
        return extract_quotes(doc, people, lexicon)
