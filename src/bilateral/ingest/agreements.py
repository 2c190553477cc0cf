"""Agreements: treaties, partnerships, initiatives, proposals and sets of signed documents.

Found by general shapes of English news prose, not by a list of names:

- capitalised names ending in a head noun ("Pacific Corridor Trade
  Agreement (PCTA)", "Green Corridor Initiative") or of the form "Year of …";
- relationship frameworks written in lower case ("comprehensive strategic
  partnership", "enhanced economic partnership"; the phrase list and the
  partnership modifiers are data in ``data/gazetteer/agreements.json``);
- "agreement/treaty/memorandum on …" descriptions;
- numbered proposals ("a five-point proposal", "proposed three priority corridors");
- sets of documents ("14 cooperation documents" when signing is mentioned).

The key is the normalised name plus, for common-noun names, the parties, so
the same framework named by several articles ("Kenya-Ethiopia …",
"the Ethiopia-Kenya …") becomes one item.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from bilateral.core.model import Sentence
from bilateral.ingest.analysis import AnalysedDocument
from bilateral.ingest.dates import DateMention
from bilateral.ingest.findings import Finding, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.numbers import ORDINAL_WORDS, UNDER_HUNDRED_WORDS
from bilateral.ingest.prefilter import Needs, ascii_lower, by_first_character
from bilateral.ingest.text import Document

# A count: digits, a number under a hundred in words in any case ("Forty-five", not its "five"), or "dozen".
_NUM = r"(?:\d+|(?i:" + UNDER_HUNDRED_WORDS + r"|dozen)(?!\w))"


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """Gazetteer data: country spellings and lower-case framework phrases."""

    country_of: dict[str, str]  # spelling -> canonical country
    frameworks: list[dict[str, str]]
    modifiers: frozenset[str]
    country_pattern: re.Pattern[str]
    known: dict[str, dict[str, str]] = field(default_factory=dict)  # acronym -> {"name", "kind"}
    known_pattern: re.Pattern[str] = re.compile(r"(?!x)x")
    strong_markers: frozenset[str] = frozenset()
    dialogue_markers: frozenset[str] = frozenset()
    mechanism_exclude: frozenset[str] = frozenset()
    name_aliases: tuple[tuple[str, str], ...] = ()  # (variant, canonical) wordings, lower case
    places: frozenset[str] = frozenset()  # cities and countries: "in Nairobi" after a name is where, not what
    #: a spaced dash between two places or countries ("Lima – Bogota", "Chile – Peru"): it joins a name
    spaced_pair: re.Pattern[str] = re.compile(r"(?!x)x")
    adjectives: frozenset[str] = frozenset()  # nationality adjectives, which are also languages ("in French")


def vocabulary(lexicon: Lexicon | None = None) -> Vocabulary:
    """The agreement vocabulary of a lexicon (the default one unless given), built once per lexicon."""
    return (lexicon or default_lexicon()).derived("agreements", _build_vocabulary)


def _build_vocabulary(lexicon: Lexicon) -> Vocabulary:
    data = lexicon.agreements
    # the one country list (titles.json), and the places and blocs that stand for a party
    country_of: dict[str, str] = dict(lexicon.country_spellings())
    for group in ("country_places", "blocs"):
        for name, spellings in (data.get(group) or {}).items():
            for spelling in (name, *spellings):
                country_of[spelling] = name
    # the longest spelling first; one that opens with no capital A-Z could never match (the pattern
    # opened with the lookahead (?=[A-Z]))
    spellings = [s for s in sorted(country_of, key=len, reverse=True) if "A" <= s[:1] <= "Z"]
    pattern = (
        re.compile(by_first_character(spellings, not_after=r"[\w-]") + r"(?![\w])")
        if spellings else re.compile(r"(?!x)x")
    )
    known: dict[str, dict[str, str]] = dict(data.get("known_agreements") or {})
    known_pattern = (
        re.compile(by_first_character(sorted(known, key=len, reverse=True), not_after=r"[\w(-]") + r"(?![\w)-])")
        if known else re.compile(r"(?!x)x")
    )
    markers: dict[str, list[str]] = data.get("mechanism_markers") or {}
    places = frozenset([*country_of, *((lexicon.people_names.get("places") or {}).keys())])
    place_names = by_first_character(sorted((p for p in places if "A" <= p[:1] <= "Z"), key=len, reverse=True),
                                     not_after=r"[\w-]")
    return Vocabulary(
        places=places,
        spaced_pair=re.compile(place_names + r"(\s[–—]\s)(?=" + place_names + r"(?![\w]))"),
        adjectives=frozenset(lexicon.titles.get("nationalities") or {}),
        country_of=country_of,
        frameworks=list(data.get("frameworks") or []),
        modifiers=frozenset(data.get("partnership_modifiers") or []),
        country_pattern=pattern,
        known=known,
        known_pattern=known_pattern,
        strong_markers=frozenset(markers.get("strong") or []),
        dialogue_markers=frozenset(markers.get("dialogue") or []),
        mechanism_exclude=frozenset(markers.get("exclude") or []),
        name_aliases=tuple(sorted(((k.lower(), v.lower()) for k, v in (data.get("name_aliases") or {}).items()
                                   if not k.startswith("_")), key=lambda kv: -len(kv[0]))),
    )


def countries_in(text: str, *, vocab: Vocabulary | None = None) -> list[str]:
    """Canonical countries named (or named by demonym/capital) in ``text``, first-seen order."""
    vocab = vocab or vocabulary()
    found: list[str] = []
    for m in _party_mentions(text, vocab):
        name = vocab.country_of[m.group(0)]
        if name not in found:
            found.append(name)
    return found


#: capitalised words joined by hyphens ("Kenya-Ethiopia", "the Lamu Port-South Sudan-Ethiopia Transport corridor")
_HYPHEN_CHAIN = re.compile(r"[A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*(?:-[A-Z][\w’'.]*(?: [A-Z][\w’'.]*)*)+")


def _party_mentions(text: str, vocab: Vocabulary) -> list[re.Match[str]]:
    """The country mentions of ``text`` that may name a party: not those inside another proper name
    hyphenated with words that are no country ("the Lamu Port-South Sudan-Ethiopia Transport corridor");
    a compound of countries ("Kenya-Ethiopia", "the Ethiopia-Djibouti Railway") keeps its countries."""
    mentions = [m for m in vocab.country_pattern.finditer(text) if not _language(text, m, vocab)]
    if "-" not in text or not mentions:
        return mentions
    names = [(c.start(), c.end()) for c in _HYPHEN_CHAIN.finditer(text) if not _country_compound(c.group(0), vocab)]
    return [m for m in mentions if not any(s <= m.start() < e for s, e in names)]


_IN_LANGUAGE_BEFORE = re.compile(r"\b(?:in|into|from|to)\s+(?:[A-Z][a-z]+\s+(?:and|or)\s+)?$")
_NOUN_AFTER = re.compile(r"(?:,\s+[A-Z][\w-]*)*\s+(?:(?:and|or)\s+[A-Z][\w-]*\s+)?(?!(?:as|and|or|by|is|was|but|with)\b)[a-z]")
_LANGUAGE_AFTER = re.compile(r"[\s-]+(?:initials|acronym|abbreviation|name|title|translation|language|version|text|"
                             r"speaking|speakers?)\b")


def _language(text: str, m: re.Match[str], vocab: Vocabulary) -> bool:
    """A nationality adjective that names a language, not a party: "known in French as …", "translated
    from Arabic", "by its Spanish initials"; "in French ports" is France's."""
    if m.group(0) not in vocab.adjectives:
        return False
    if _LANGUAGE_AFTER.match(text, m.end()):
        return True
    return bool(_IN_LANGUAGE_BEFORE.search(text, max(0, m.start() - 30), m.start())) and not _NOUN_AFTER.match(
        text, m.end())


def _country_compound(chain: str, vocab: Vocabulary) -> bool:
    """Is every part of a hyphenated chain a country: the first ending in one, the last starting with one
    (its name may go on: "Djibouti Railway"), any between being one?"""
    parts = chain.split("-")

    def country(words: list[str]) -> bool:
        return " ".join(words) in vocab.country_of

    first, *middle, last = (part.split(" ") for part in parts)
    return (any(country(first[-k:]) for k in range(1, min(3, len(first)) + 1))
            and all(country(words) for words in middle)
            and any(country(last[:k]) for k in range(1, min(3, len(last)) + 1)))


def _compound_countries(token: str, *, vocab: Vocabulary | None = None) -> list[str] | None:
    """Countries of a hyphenated compound like "Kenya-Ethiopia", or None if it is not one."""
    parts = re.split(r"[-–]+", token)  # (a spaced dash joined for reading is three: "Ghana–––Togo")
    if len(parts) < 2:
        return None
    vocab = vocab or vocabulary()
    names = [vocab.country_of.get(p) for p in parts]
    if all(names):
        return [n for n in names if n]
    return None


@dataclass(slots=True)
class Candidate:
    """One agreement named in a sentence (offsets relative to the sentence text)."""

    start: int
    end: int
    name: str
    kind: str
    rule: str
    proper: bool = False  # a capitalised proper name: its key does not need parties
    name_parties: list[str] = field(default_factory=list)
    year_after: int | None = None  # a year written right after the name (or before it: "the 1944 Water Treaty")
    key_name: str | None = None  # the key's name when it differs from the text ("USMCA" -> its full name)
    aliases: list[str] = field(default_factory=list)  # an acronym or translation the text gives it ("known as …")


# --- the patterns ---------------------------------------------------------------------

_HEADS: dict[str, str] = {
    "agreement": "agreement", "partnership": "partnership", "initiative": "initiative",
    "treaty": "treaty", "framework": "framework", "area": "agreement", "zone": "agreement",
    "memorandum": "memorandum", "understanding": "memorandum", "accord": "agreement",
    "pact": "agreement", "convention": "treaty", "declaration": "document",
    "protocol": "agreement", "charter": "treaty", "statement": "document",
    "communique": "document", "communiqué": "document", "consensus": "agreement",
}
# Heads of standing bilateral bodies: a capitalised name ending in one is a mechanism only
# with a marker word ("Joint Ministerial Commission", "High-Level Security Dialogue").
# Heads that name an organisation as often as an agreement ("World Food Programme"): a capitalised
# name ending in one is an agreement only with a making verb before or after it.
_SOFT_HEADS: dict[str, str] = {"programme": "joint initiative", "program": "joint initiative",
                               "scheme": "joint initiative", "plan": "plan", "project": "cooperation project",
                               "corridor": "joint initiative"}
# A description set off after a name, with its making: "X, a $2 billion irrigation scheme agreed in 2019".
_MADE_APPOSITIVE = re.compile(
    r"^,\s+(?:an?|the)\s+[^,;()“”\"]{0,90}?\b(?:agreed|signed|launched|adopted|set up|established|created|"
    r"unveiled|approved)\b(?:\s+(?:in|on)\s+(?:\w+\.?\s+){0,2}?((?:1[6-9]|20)\d\d)\b)?", re.I)
_MECHANISM_HEADS = {"commission", "committee", "council", "dialogue", "mechanism", "force", "group"}
# Where a lower-case name's complement ends: punctuation, a date ("on Thursday", "in May"),
# or a second verb joined by "and" ("… on water deliveries and agreed a plan").
_DATE_WORD = (r"(?:the\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|"
              r"April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Aug\.|Sept?\.|"
              r"Oct\.|Nov\.|Dec\.|(?:1[6-9]|20)\d\d|year|week|month"
              r"|[0-3]?\d\s+(?:January|February|March|April|May|June|July|August|September|October|November|"
              r"December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.))\b")
#: "… a month later", "two years after", "ten days earlier": a time, after which a name does not go on
_LATER_STOP = (r"\s+(?:an?|\d{1,3}|" + UNDER_HUNDRED_WORDS + r")\s+(?:days?|weeks?|months?|years?)\s+"
               r"(?:later|after|earlier|before|ago)\b")
#: "… renewed the memorandum on X for another three years": a time the name does not go on into
_FOR_TIME_STOP = (r"\s+for\s+(?:another\s+|a\s+further\s+)?(?:an?|\d{1,3}|" + UNDER_HUNDRED_WORDS
                  + r")\s+(?:more\s+)?(?:days?|weeks?|months?|years?|decades?)\b")
#: "… to expand the zone by 1,200 hectares", "a plan to cut emissions by 30%": a figure the name does not go on into
_BY_FIGURE_STOP = r"\s+by\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|up\s+to\s+|more\s+than\s+)?[\d$€£¥]"
_STOP = (r"\s+(?:on|in|by|at|from|during|until|last|this|next)\s+" + _DATE_WORD + "|" + _LATER_STOP + "|" + _FOR_TIME_STOP +
         "|" + _BY_FIGURE_STOP +
         r"|\s+and\s+(?:(?:will|would|also|then|to)\s+)?[a-z]+(?:ed|ing)\b"
         r"|\s+and\s+[a-z]+\s+(?:the|their|a|an|its|to)\s|\s+and\s+(?:set|put|made|struck|held|met|won)\b"
         r"|\s+(?:and|or)\s+(?:an?|another)\s|\s+(?:alongside|as well as|together with)\s"  # a second document
         r"|\s+(?:under|by which|whereby|with which|that|which|who|as|after|before|while|when|because|at a|at the)\s"
         r"|\s+(?:is|are|was|were|has|have|had|will|would|could|should|may|might|must|can|runs?|commits?)\b"
         r"|\s+(?:takes?|took|comes?|came|enters?|entered|expires?|expired|lapsed?|lapses|lets|allows)\b"
         r"|\s+(?:a|an|one|two|three|four|five|six|several|some|\d+)\s+(?:days?|weeks?|months?|years?|decades?)\s+"
         r"(?:later|earlier|ago|after|before)\b|\s+the\s+(?:following|previous|same)\s+(?:day|week|month|year)\b"
         # (not the dash of a span of years: "for the 2027 – 2030 period")
         r"|(?<!\d)\s+[—–]\s|\s+[—–]\s(?!\d)|[,;:()“”\"‘’]|\.\s|\.$|$")
_ORDINAL_BEFORE = re.compile(r"\b(?:" + ORDINAL_WORDS + r"|next|inaugural|\d+(?:st|nd|rd|th))\s+$", re.I)
# "d'Ivoire": an elided particle before a capital; "Thailand–Myanmar": an en dash joining two capitalised words
_CAP_TOKEN = r"(?:[dl]['’])?[A-Z][\w’'&.-]*(?:–+[A-Z][\w’'&.-]*)*"
#: a weekday ends a name ("signed the Memorandum on Traders Tuesday"), unless more of the name follows it
#: ("the Good Friday Agreement")
_WEEKDAY_END = r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+[A-Z]))"
_CAP_RUN = re.compile(  # (a version inside: "the Digital Economy Framework 2.0 Upgrade Protocol")
    _CAP_TOKEN + r"(?:\s+(?:(?:of|on|and|for|the|in|to|with)\s+)*(?:\d{1,2}\.\d\s+)?" + _WEEKDAY_END + _CAP_TOKEN + r")*"
    + r"(?:\s*\((?P<abbr>[A-Z][A-Za-z]{1,9})\))?"
)
_SECOND_NAME_GAP = re.compile(r"\s+and\s+(?:the\s+)?(?=[A-Z])")
_LEADING_STOP = {"the", "a", "an", "this", "that", "these", "its", "their", "our", "his", "her", "both"}

_PARTNERSHIP = re.compile(r"\b(?P<mods>(?:[a-z-]+,?\s+(?:and\s+)?){2,6})partnership\b")
_ABOUT = re.compile(
    r"\b(?P<name>(?:(?:basic|framework|bilateral|trade|investment|free|economic|joint|new|maritime|border)\s+){0,2}"
    r"(?:agreement|treaty|memorandum of understanding|memorandum|protocol|convention|accord|pact|MoU|MOU)"
    r"\s+(?:on|to|for|concerning|regarding|about)\s+(?!" + _DATE_WORD + r")[^,;:()“”\"]+?)"
    r"(?=" + r"\s+(?:signed|inked|reached|concluded|which|that|was|were|is|will|between|in\s+\d{4})\b|"
    r"" + _STOP + r")"
)
_POINT_PROPOSAL = re.compile(
    r"\b(?P<name>" + _NUM + r"-point\s+(?P<what>proposal|plan|initiative|consensus|roadmap|agreement|vision))\b", re.I
)
_POINT_WORD = Needs(("-point",))  # what _POINT_PROPOSAL cannot match without
_PROPOSED_LIST = re.compile(
    r"\b(?:proposed|put forward|unveiled|laid out|outlined|suggested)\s+(?:a\s+|an\s+|the\s+)?(?:notable\s+|new\s+)?"
    r"(?P<name>" + _NUM + r"\s+(?:[a-z-]+\s+){0,2}(?!years|months|days|times|percent|sides|countries|nations|parties|"
    r"leaders|governments|delegations|states|neighbou?rs)[a-z-]+s)\b"  # "suggested the two sides …": who, not what
)
# (and a building named after one: "the Borneo Convention Centre", "… Convention Hall")
_ORGANISATION_AFTER = re.compile(r"\s+(?:Organi[sz]ation|Cent(?:re|er)|Hall|Complex|Building)\b")
_FUNCTION = (r"(?:a|an|the|their|its|this|that|these|those|and|or|but|of|with|to|in|on|for|by|at|from|as|is|was|"
             r"were|are|be|been|has|have|had|will|would|which|who|said|says|not|no|under|between|also|other)")
_DOC_SET = re.compile(
    # (not "the other four documents are …", the rest of a set; not "the two governments sign five agreements")
    r"(?<!other )(?<!remaining )\b(?:(?:some|about|around|nearly|over|more than|almost|up to)\s+)?(?P<name>" + _NUM
    + r"\s+(?:(?!" + _FUNCTION + r"\b|" + _NUM + r")[a-z-]+\s+){0,3}"
    r"(?:documents|agreements|deals|memorand(?:a|ums)(?: of understanding)?|MoUs|MOUs|accords|contracts|treaties|"
    r"protocols|pacts|letters of intent|roadmaps|action plans)"
    r"(?:\s+between\s+[a-z][a-z ,]*?(?=\s+(?:are|were|is|was|have|had|will|to|spanning|covering|in|on)\b))?)"
)
# "the mechanism of Kenya-Ethiopia ministerial consultation on border security",
# "mechanisms for dialogue on river-basin matters": standing bilateral frameworks.
_MECHANISM = re.compile(
    r"\b(?P<name>(?:(?:joint|bilateral|regular|annual|standing|consultation|dialogue|cooperation)\s+){0,2}"
    r"mechanisms?\s+(?:of|for|on)\s+[^,;:()“”\"]+?)"
    r"(?=\s+(?:which|that|was|were|is|are|has|have|will)\s|[,;:()“”\"]|\.\s|\.$|$)"
)
# Lower-case names of documents and standing bodies: "a new power purchase agreement",
# "a 12-month border security action plan", "a joint task force on arms trafficking".
_COMMON_HEADS: dict[str, str] = {
    "memorandum of understanding": "memorandum", "letter of intent": "letter of intent",
    "joint statement": "document", "joint declaration": "document", "joint communique": "document",
    "joint commission": "mechanism", "joint committee": "mechanism", "task force": "mechanism",
    "working group": "mechanism", "action plan": "action plan", "road map": "roadmap", "roadmap": "roadmap",
    "plan": "plan", "pact": "agreement", "deal": "agreement", "agreement": "agreement", "accord": "agreement",
    "arrangement": "agreement",
    "treaty": "treaty", "protocol": "agreement", "charter": "treaty", "declaration": "document", "scheme": "joint initiative",
    "programme": "joint initiative", "MoU": "memorandum", "MOU": "memorandum",
}
_COMMON_END = r"\s+(?:signed|inked|reached|concluded|agreed|adopted|struck|between|with)\b|" + _STOP
_COMMON = re.compile(
    r"\b(?P<det>[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts|new)\s+"
    # (two modifiers may be joined by "and": "an acquisition and cross-servicing agreement")
    r"(?P<mods>(?:(?:(?!" + _FUNCTION + r"\b)[\w$€£'’+-][\w$€£.'’+–-]*|and(?=\s+(?!" + _FUNCTION
    + r"\b)[\w$€£'’+-][\w$€£.'’+–-]*\s+\w))\s+){0,4}?)"
    r"(?P<head>" + "|".join(sorted(_COMMON_HEADS, key=len, reverse=True)) + r")\b(?!-)"
    # (not "an accord on Monday"; but "a protocol to the 2019 Visiting Forces Agreement" is to a document, and
    # "a cultural exchange programme for 2027–2029" names its term)
    r"(?:(?P<comp>\s+(?:(?:on|for|against|to|concerning|regarding|covering)\s+(?!" + _DATE_WORD + r")"
    r"|to\s+(?=the\s+(?:1[6-9]|20)\d\d\s+[A-Za-z])|for\s+(?=(?:1[6-9]|20)\d\d\s*[–-]\s*\d\d))" + r".+?)"
    r"(?=" + _COMMON_END + r")"
    r"|(?=" + _COMMON_END + r"|\s+(?:in|at)\s+(?:the\s+)?[A-Z]"  # "signed a fisheries pact in Oslo": where
    r"|\s+(?!according\b)[a-z]+ing\b"  # "an air services agreement allowing 40 flights": what it does
    r"|\s+\((?=[A-Z])"  # "the preferential trade agreement (PTA)": its acronym
    r"|\s+and\s+the\s))"  # "the 1999 land border treaty and the three legal documents …": a second name
)
# What each pattern cannot match without (all case-sensitive, as the patterns): most sentences name no
# document, and a substring test skips the pattern's full scan there.
# What _COMMON cannot match without: its head ending a word, no hyphen after it (r"\b(?!-)"; not the
# "accord" of "according to", in most sentences of news). One branch per first letter, a scan in C.
_COMMON_HEAD = re.compile(by_first_character(tuple(_COMMON_HEADS)) + r"(?![\w-])")
# What _ABOUT cannot match without: its head with a space after it ("agreement on …").
_ABOUT_HEAD = re.compile(by_first_character(("agreement", "treaty", "memorandum", "protocol", "convention", "accord",
                                             "pact", "MoU", "MOU")) + r"\s")
_MECHANISM_NEEDS = Needs(("mechanism",), any_case=False)
_PROPOSED_NEEDS = Needs(("proposed", "put forward", "unveiled", "laid out", "outlined", "suggested"), any_case=False)
# Modifiers that say nothing about what a document is about: "a new joint plan" names nothing yet.
_GENERIC_MODS = {"new", "joint", "bilateral", "mutual", "first", "second", "landmark", "historic", "two", "both",
                 "proposed", "draft", "revised", "updated", "final", "formal", "broad", "broader", "wider", "wide-ranging",
                 "major",
                 "key", "separate", "similar", "same", "previous", "earlier", "existing", "current", "old",
                 "latest", "original", "whole", "entire", "such", "any", "every", "each", "one", "another"}
# A making verb before the name (in any tense: "signed", "agreed on", "will set up", "would roll out").
_MAKING_BEFORE = re.compile(
    r"\b(?:sign|ink|agree|adopt|conclud|reach|strik|struck|unveil|launch|relaunch|set(?:ting)? up|establish|"
    r"creat|form|roll(?:ed|s|ing)? out|approv|endors|finali[sz]|seal|clinch|forg|draw(?:n|ing)? up|drew up|"
    r"put in place|initial)\w*\b[^.;]{0,110}$", re.I)
# A verb acting on an instrument that exists: "renewed their fisheries accord", "ratified a … protocol",
# "suspended the transport agreement" name one document as surely as signing it does.
_ACTED_ON_BEFORE = re.compile(
    r"\b(?:renew|extend|ratif|reaffirm|amend|suspend|revok|reinstat|terminat|revis|scrap|review|negotiat|"
    r"withdr[ae]w from|pull(?:ed|s)? out of)\w*\s+(?:[^.;,]{0,40}\s)?$", re.I)
# "the corridor treaty, which five states signed in 2014": made in a relative clause after the name.
_MADE_RELATIVE = re.compile(
    r"^,?\s+(?:which|that)\s+(?:[^,;.()“”\"]{0,50}?\s)?(?:signed|agreed|concluded|ratified|adopted|negotiated|"
    r"struck|sealed|inked)\b", re.I)
# "The other four documents are a memorandum …, a revised protocol … and a cultural exchange programme":
# the items of a list of documents.
_LISTED_AS_DOCUMENTS = re.compile(
    r"\b(?:documents|agreements|deals|accords|instruments|memorand(?:a|ums))\s+(?:signed\s+)?"
    r"(?:are|were|include[sd]?|including|covered|cover)\b[^.;:]{0,200}$"
    # "…nine cooperation documents, including an agreement on …; a memorandum on …; and a plan …": a list in
    # semicolons
    r"|\b(?:documents|agreements|deals|accords|instruments|memorand(?:a|ums)),?\s+including\b[^.:]{0,800};\s+(?:and\s+)?$",
    re.I)
# "- An operational biosecurity arrangement giving …": a list item that opens with a document lists it
_ITEM_OPENING = re.compile(r"\s*(?:[-•*–]|\(?[a-z\d]\)|\d{1,2}\.)\s+$")
# "held the 21st round of consultations of the working group on …": a body that meets exists
_SESSION_OF_BEFORE = re.compile(r"\b(?:meetings?|sessions?|rounds?|consultations|plenary)\s+of\s+$", re.I)
# "the nursing agreement, under which the two councils will recognise …": what it does, so one instrument
_UNDER_WHICH = re.compile(r",?\s+(?:under|by)\s+which\s")
# ", and a social security agreement": one more item of a list whose first item was made.
_LIST_GAP = re.compile(r"[^.;:]{0,200}?(?:,\s*(?:and\s+)?|\s+and\s+)")


_NEW_WORD = re.compile(r"(?:new|first|landmark|historic)\s+", re.I)
_ABOUT_SUBJECT = re.compile(r"\s(?:on|to|for|concerning|regarding|about)\s")  # what an "agreement on …" is on
#: "… in Nairobi", "… at the Hague" ending a name: the words after "in"/"at" (a place if they are one).
_TRAILING_PLACE = re.compile(r"\s+(?:in|at)\s+(?:the\s+)?(?P<place>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})$")


#: "… for another five years", "… for the next decade" ending a name: how long it runs, not what it is.
_TRAILING_TERM = re.compile(r"\s+(?:for|over)\s+(?:(?:another|the next|a further|the coming)\s+(?:[\w-]+\s+)?|"
                            r"[\w-]+\s+(?:more|further|additional)\s+)(?:years?|months?|decades?|terms?)$")
#: "… on the issue", "… on the matter": a reference back to what was said before, no subject of its own.
_BACK_REFERENCE = re.compile(r"^\s*(?:on|to|for|about|concerning|regarding)\s+(?:the|this|that|these)\s+"
                             r"(?:issues?|matters?|questions?|subjects?|topics?|problems?|disputes?)$", re.I)


def _without_place(name: str, vocab: Vocabulary) -> str:
    """A document's name without where it was signed or how long it runs: "an agreement on double
    taxation in Nairobi" is an agreement on double taxation (a known city or country after "in"/"at"
    ends it; "cooperation in the Baltic Sea", which is no place of signing in the gazetteer, stays),
    and "the fisheries accord for another five years" is the fisheries accord."""
    name = _TRAILING_TERM.sub("", name)
    m = _TRAILING_PLACE.search(name)
    return name[:m.start()] if m and m.group("place") in vocab.places else name


def _content_words(words: list[str], *, vocab: Vocabulary | None = None) -> list[str]:
    return [w for w in words if w.lower() not in _GENERIC_MODS and not re.search(r"\d", w)
            and not countries_in(w, vocab=vocab) and not _compound_countries(w, vocab=vocab)]


def _made(text: str, m: re.Match[str], previous: tuple[int, bool] | None) -> bool:
    """Whether a lower-case document name is told being made or acted on (signed, renewed, ratified),
    or continues a list whose first item was."""
    before = text[:m.start()]
    if (_MAKING_BEFORE.search(before) or _ACTED_ON_BEFORE.search(before) or _LISTED_AS_DOCUMENTS.search(before)
            or _ITEM_OPENING.fullmatch(before)):
        return True
    if _FOUNDING_AFTER.match(text[m.end():]) or _MADE_RELATIVE.match(text[m.end():]):
        return True
    if m.group("det").lower() == "the" and m.group("mods").strip() and _UNDER_WHICH.match(text, m.end()):
        return True
    if _COMMON_HEADS[m.group("head")] == "mechanism" and _SESSION_OF_BEFORE.search(text, max(0, m.start() - 40),
                                                                                   m.start()):
        return True
    return previous is not None and previous[1] and bool(_LIST_GAP.fullmatch(text, previous[0], m.start()))


#: "an MoU on Wednesday to expand the border zone": the day it was signed between a document and its purpose
_DATED_PURPOSE = re.compile(r"\s+(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                            r"\s+(?P<comp>to\s+(?!be\b)[a-z]+\s+(?:the\s+|a\s+|an\s+|their\s+|its\s+)?[^,;.:()]+?)"
                            r"(?=" + _STOP + r"|\s*[,;.:()]|\s*$)")


#: "… between the Nepal Electricity Authority and the Power Board": two named parties after a lower-case name
#: (not "between April and October": a time)
_NAMED_PARTY = r"(?:the\s+)?(?!" + _DATE_WORD + r")[A-Z][\w'’.-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’.-]*){0,5}"
_BETWEEN_NAMED = re.compile(r"\s+between\s+" + _NAMED_PARTY + r"\s+and\s+" + _NAMED_PARTY)
_ACRONYM_AFTER = re.compile(r"\s*\((?P<abbr>[A-Z][A-Z0-9&]{1,9})\)")


def _acronym_start(text: str, m: re.Match[str]) -> int | None:
    """Where a lower-case name starts when an acronym of its words follows it: "the long-stalled
    preferential trade agreement (PTA)" is the preferential trade agreement (its offset in text)."""
    after = _ACRONYM_AFTER.match(text, m.end())
    if after is None:
        return None
    abbr = after.group("abbr").lower()
    words = list(re.finditer(r"[^\s-]+", text[m.start("mods"):m.end("head")]))
    initials = "".join(w.group()[0].lower() for w in words)
    if not initials.endswith(abbr) or len(abbr) < 2:
        return None
    first = words[len(words) - len(abbr)]
    start = m.start("mods") + first.start()
    if start > m.start("mods") and text[start - 1] == "-":
        return None  # the acronym begins inside a hyphenated word
    return start


_TO_NESTED = re.compile(r"\s+(?:to|amending|implementing|supplementing)\s+(?=the\s)")


def _common_matches(text: str) -> Iterator[re.Match[str]]:
    """The lower-case names of a sentence, and one a name's complement adds to or amends ("a revised
    protocol to the 1976 transit agreement": the protocol, then the transit agreement)."""
    for m in _COMMON.finditer(text):
        yield m
        nested = _TO_NESTED.match(text, m.end("head")) if m.group("comp") else None
        if nested and (inner := _COMMON.match(text, nested.end())) is not None:
            yield inner


def _common_candidates(text: str, *, vocab: Vocabulary | None = None) -> list[Candidate]:
    """Documents named in lower case ("a new visa waiver arrangement", "the 2016 maritime border
    agreement", "signed a memorandum on fisheries"): only one that is new, made here or singled out by a
    year and a subject, its parties or its acronym (not "the new roadmap", a reference back)."""
    found: list[Candidate] = []
    if not _COMMON_HEAD.search(text):
        return found
    previous: tuple[int, bool] | None = None  # where the last name ended, and whether it was made
    for m in _common_matches(text):
        subject = _common_complement(text, m, vocab)
        if subject is None:
            continue
        comp, purpose = subject
        head, mods = m.group("head"), m.group("mods").split()
        content = _content_words(mods, vocab=vocab) or comp.strip()
        year = int(mods[0]) if mods and re.fullmatch(r"(?:1[6-9]|20)\d\d", mods[0]) else None
        # "the power sale agreement between the Electricity Authority and the Power Board", "the 1905
        # agreement between Norway and Sweden": named parties single out one instrument
        between = _BETWEEN_NAMED.match(text, m.end()) if (content or year) else None
        generic_mechanism = _COMMON_HEADS[head] == "mechanism" and any(w.lower() in ("joint", "bilateral") for w in mods)
        if not content and not generic_mechanism and not head.startswith("joint ") and not between:
            continue  # "the new roadmap", "the 2015 agreement": a reference back, not a name
        new = m.group("det").lower() == "new" or "new" in (w.lower() for w in mods)
        made = _made(text, m, previous)
        previous = (m.end(), made)
        # "the 2016 maritime border agreement": a year and a subject single out one instrument
        dated = m.group("det").lower() == "the" and year is not None and bool(_content_words(mods, vocab=vocab))
        # "the preferential trade agreement (PTA)": a name the text abbreviates is one instrument
        acronym = _acronym_start(text, m) if not comp else None
        if new or made or dated or between or acronym is not None:
            found.append(_common_candidate(text, m, comp, purpose, between, acronym,
                                           year if dated or between else None, vocab))
    return found


def _common_complement(text: str, m: re.Match[str], vocab: Vocabulary | None) -> tuple[str, re.Match[str] | None] | None:
    """What a lower-case document is on, and the match of a purpose after its date ("signed an MoU on
    Wednesday to expand the zone"), or None when the phrase is no document or too long for a name."""
    comp = _common_subject(text, m, m.group("head"), vocab)
    purpose = _DATED_PURPOSE.match(text, m.end("head")) if not comp and comp is not None else None
    if purpose is not None:
        comp = " " + purpose.group("comp")  # "signed an MoU on Wednesday to expand the zone": what it is for
    if comp is None or len(m.group("mods").split() + comp.split()) > 14:
        return None
    return comp, purpose


def _common_candidate(text: str, m: re.Match[str], comp: str, purpose: re.Match[str] | None,
                      between: re.Match[str] | None, acronym: int | None, year: int | None,
                      vocab: Vocabulary | None) -> Candidate:
    """The candidate of a lower-case document singled out: its name from the first word that names it
    (after "new", or where its acronym starts) to its subject, purpose or, with no subject, its parties."""
    mods = m.group("mods").split()
    start = acronym if acronym is not None else m.start("mods") if mods else m.start("head")
    while re.match(r"(?:new|first|landmark|historic|broader|wider)\s", text[start:], re.I):
        start = text.index(" ", start) + 1  # the name starts after "new"
    end = purpose.end() if purpose else m.start("comp") + len(comp) if comp else m.end("head")
    parties = next((c for w in mods if (c := _compound_countries(w, vocab=vocab))), [])
    if between and not _content_words(mods, vocab=vocab) and not comp:
        end = between.end()  # "the 1905 agreement between Norway and Sweden": its parties are its name
    if between and not parties:
        parties = countries_in(between.group(), vocab=vocab)
    name = text[start:m.end("head")] + comp if purpose else text[start:end]
    return Candidate(start, end, name, _COMMON_HEADS[m.group("head")], "common-noun document",
                     name_parties=parties, year_after=year)


def _common_subject(text: str, m: re.Match[str], head: str, vocab: Vocabulary | None) -> str | None:
    """What a lower-case document is on, as part of its name ("" when it says nothing of it), or None
    when the phrase is no document ("a plan to buy submarines": an intention)."""
    comp = m.group("comp") or ""
    if comp and head in ("plan", "action plan") and comp.split()[0] == "to":
        if re.match(r"\s+to\s+[a-z]+\b", comp):
            return None
        comp = ""
    if re.match(r"\s+\w+\s+\d", comp) and not re.match(r"\s+for\s+(?:1[6-9]|20)\d\d\s*[–-]", comp):
        comp = ""  # "a scheme for 300 students a year": a figure, not the scheme's subject
    comp = _without_place(comp, vocab or vocabulary())
    if _BACK_REFERENCE.match(comp) or (re.match(r"\s+to\s+[a-z]+\b", comp)
                                       and _ACTED_ON_BEFORE.search(text[:m.start()])):
        comp = ""  # "a memorandum on the issue": on what, not said; "extended the accord to cover …": the verb's
    return comp


#: What a name is also called, right after it: "…, known as KEFTA", "known by its Spanish initials, RAN",
#: "known in French as the accord de réadmission", "(JBC)", "which officials call MOU 2000".
_ALIAS_AFTER = re.compile(
    r"^\s*,?\s*(?:(?:also|commonly|better|locally|officially|formally)\s+)?(?:known|referred to)\s+"
    r"(?:in\s+[^,;.]{1,30}?\s+)?(?:simply\s+)?(?:as|by\s+(?:its|the)\s+(?:[\w-]+\s+){0,2}"
    r"(?:initials|acronym|abbreviation)),?\s+(?:the\s+)?"
    r"(?P<alias>[^\s,;.()“”\"—–][^,;.()“”\"—–]{1,59}?)(?=\s*(?:[,;.()“”\"—–]|$)|\s+(?:that|which|who|to|and)\s)"
    r"|^\s*\((?P<paren>[A-Z][A-Za-z0-9&-]{1,9})\)"
    r"|^\s*,\s*(?:formally|officially|properly)\s+(?:known as\s+)?(?:the\s+)?(?P<formal>[A-Z][^,;.()“”\"]{2,90}?)"
    r"(?=\s*[,;.()]|$)"
    r"|^\s*,?\s*(?:(?:which|that|what)\s+[^,;.]{0,50}?\s)?(?:dubbed|nicknamed|calls?|called)\s+(?!for\b|on\b|off\b)"
    r"(?:it\s+)?(?:[“\"‘](?:the\s+)?(?P<quoted>[^”\"’]{2,40})[”\"’]|(?P<called>[A-Z][A-Z0-9&-]{1,9}(?:\s+\d{2,4})?)\b)")
_ABBR_IN_NAME = re.compile(r"\((?P<abbr>[A-Z][A-Za-z0-9&-]{1,9})\)$")
# A standing body named in lower case: "a high-level meeting known by its initials, RAN" (with an
# acronym), "the binational integration committee" (a marker word and a subject).
# Its name may open with the pair that owns it ("the Kenya-Uganda joint trade committee") and go on
# with its subject ("the joint intergovernmental commission on border delimitation and demarcation").
_BODY = re.compile(
    r"\b(?:[Aa]n?|[Tt]he|[Tt]heir|[Ii]ts)\s+(?P<name>(?P<pair>[A-Z][\w'’]+(?:[-–][A-Z][\w'’]+)+\s+)?"
    r"(?:[a-z][\w'’-]*\s+){1,3}?"
    r"(?P<head>meeting|commission|committee|council|dialogue|mechanism|forum|authority|body|working group))\b"
    r"(?P<topic>\s+(?:on|for)\s+[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,5})?")
#: Words that end a body's subject: "… commission on trade next month", "… on security met on Monday".
_TOPIC_STOP = frozenset((
    "next", "last", "this", "that", "which", "who", "would", "will", "shall", "could", "should", "may", "might",
    "must", "can", "met", "meets", "meet", "meeting", "is", "was", "are", "were", "has", "have", "had", "in", "at",
    "on", "to", "since", "from", "by", "with", "between", "for", "of", "twice", "once", "every", "each", "early",
    "later", "soon", "today", "tomorrow", "yesterday", "after", "before", "during", "when", "where", "as", "but",
    "or", "be", "been", "also", "again", "said", "says"))
_BODY_NEEDS = Needs(("meeting", "commission", "committee", "council", "dialogue", "mechanism", "forum",
                     "authority", "body", "working group"), any_case=False)


def _aliases_after(text: str, end: int) -> tuple[list[str], int]:
    """Other names given right after a name ending at ``end``, and where that apposition ends."""
    m = _ALIAS_AFTER.match(text[end:])
    if not m:
        return [], end
    alias = next(g for g in (m.group(n) for n in ("alias", "paren", "formal", "quoted", "called")) if g).strip()
    return ([alias] if len(alias.split()) <= 12 else []), end + m.end()


def _body_candidates(text: str, *, vocab: Vocabulary) -> list[Candidate]:
    found: list[Candidate] = []
    if not _BODY_NEEDS.met(text, None):
        return found
    for m in _BODY.finditer(text):
        words = text[m.end("pair") if m.group("pair") else m.start("name"):m.start("head")].split()
        pair = countries_in(re.sub("[-–]", " ", m.group("pair")), vocab=vocab) if m.group("pair") else []
        if m.group("pair") and len(pair) < 2:
            continue  # "the Ministry-Level …": no pair of countries opens it
        end = _topic_end(text, m)
        subject = [w for w in _content_words(words, vocab=vocab) if w.lower() not in vocab.strong_markers
                   and w.lower() not in ("annual", "regular", "next", "last", "latest")]
        marked = len(pair) == 2 or any(w.lower() in vocab.strong_markers for w in words)
        aliases = _aliases_after(text, end)[0]
        standing = m.group("head") in ("commission", "committee", "council") and bool(subject or end > m.end("head"))
        if marked and (aliases or standing) and not _ORDINAL_BEFORE.search(text[:m.start("name")]):
            found.append(Candidate(m.start("name"), end, text[m.start("name"):end], "mechanism",
                                   "lower-case body", aliases=aliases, name_parties=pair))
    return found


def _topic_end(text: str, m: re.Match[str]) -> int:
    """Where a lower-case body's name ends: after its subject ("… commission on border delimitation and
    demarcation"), which stops at a word of time or a verb ("… on trade next month"), or after its head."""
    if not m.group("topic"):
        return m.end("head")
    end = m.end("head")
    words = list(re.finditer(r"\S+", text[m.start("topic"):m.end("topic")]))
    kept = 0
    for k, w in enumerate(words[1:], start=1):
        if w.group().lower() in _TOPIC_STOP:
            break
        kept = k
    while kept > 0 and words[kept].group() == "and":
        kept -= 1
    if kept:
        end = m.start("topic") + words[kept].end()
    return end


def _known_candidates(text: str, *, vocab: Vocabulary | None = None) -> list[Candidate]:
    """Agreements named by a known acronym alone ("the USMCA review"); parties only from the full name."""
    vocab = vocab or vocabulary()
    found: list[Candidate] = []
    for m in vocab.known_pattern.finditer(text):
        entry = vocab.known[m.group(0)]
        full = entry["name"]
        found.append(Candidate(m.start(), m.end(), m.group(0), entry.get("kind", "agreement"), "known acronym",
                               proper=True, name_parties=countries_in(full.replace("-", " "), vocab=vocab),
                               key_name=_normal_name(full, vocab=vocab)))
    return found


#: a treaty's formal title: "the Treaty between the Republic of Ruritania and Freedonia relating to the
#: Delimitation of the Territorial Sea in the Azure Sea", "the Agreement between the Government of X and the
#: Government of Y concerning the Avoidance of Double Taxation": its head, its parties, and what it is about
_PARTY = r"(?:the\s+)?(?:Government\s+of\s+(?:the\s+)?)?[A-Z][\w'’-]*(?:\s+(?:of\s+(?:the\s+)?)?[A-Z][\w'’-]*){0,4}"
_FORMAL_TITLE = re.compile(
    r"\b(?P<head>Treaty|Agreement|Convention|Memorandum of Understanding|Protocol|Accord)\s+between\s+"
    + _PARTY + r"\s+and\s+" + _PARTY +
    r"\s+(?:on|for|relating\s+to|concerning|regarding|in\s+respect\s+of)\s+(?:the\s+)?"
    r"[A-Z][\w'’-]*(?:\s+(?:(?:of|on|and|for|the|in|to|with)\s+)*[A-Z][\w'’-]*)*")
_FORMAL_NEEDS = Needs((" between ",), any_case=False)


def _formal_candidates(text: str, vocab: Vocabulary) -> list[Candidate]:
    """Treaties cited by their formal title, parties named in it (the name runs through "between" and
    "relating to", which end other names); a city after a last "in" is where it was signed."""
    if not _FORMAL_NEEDS.met(text, None):
        return []
    found = []
    for m in _FORMAL_TITLE.finditer(text):
        name = m.group()
        place = re.search(r"\s+in\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)$", name)
        if place and _REGION_WORDS.isdisjoint(w.lower() for w in place.group(1).split()):
            name = name[:place.start()]
        found.append(Candidate(m.start(), m.start() + len(name), name, _HEADS[m.group("head").split()[-1].lower()],
                               "formal title", proper=True, name_parties=countries_in(name, vocab=vocab)))
    return found


# (not "a cultural exchange programme": exchanging documents is a signing)
_SIGNING_CUE = re.compile(r"\b(?:sign|signed|signing|ink|inked|conclud|exchang(?:ed|ing|es)\b|"
                          r"exchange\s+of\b|exchange\s+(?:the\s+)?(?:documents|instruments|notes|letters))", re.I)
_SIGNING_WORDS = Needs(("sign", "ink", "conclud", "exchang"))  # what _SIGNING_CUE cannot match without
# What _DOC_SET cannot match without (case-sensitive, as its plural nouns): one of them.
_DOC_SET_NEEDS = Needs(("documents", "agreements", "deals", "memorand", "MoUs", "MOUs", "accords", "contracts",
                        "treaties", "protocols", "pacts", "letters of intent", "roadmaps", "action plans"),
                       any_case=False)


@lru_cache(maxsize=8)
def _phrase_patterns(phrases: tuple[str, ...]) -> tuple[Needs | None, re.Pattern[str], list[re.Pattern[str]]]:
    """Each framework phrase as a whole-word pattern, one pattern that finds any of them (a sentence
    it finds nothing in has none of them: one scan instead of one per phrase), and what that pattern
    cannot match without, the first words of the phrases (None if one is not ASCII: no cheap test)."""
    each = [re.compile(r"\b" + re.escape(phrase) + r"\b", re.I) for phrase in phrases]
    firsts = tuple(dict.fromkeys(phrase.split(" ")[0] for phrase in phrases))
    needs = Needs(firsts) if all(w.isascii() and w for w in firsts) else None
    return needs, re.compile("|".join(p.pattern for p in each) or "(?!)", re.I), each


def _framework_candidates(text: str, lower: str | None = None, *, vocab: Vocabulary | None = None) -> list[Candidate]:
    """The frameworks of the gazetteer's list named in ``text`` ("comprehensive strategic partnership");
    ``lower`` is ``ascii_lower(text)``, if made."""
    vocab = vocab or vocabulary()
    found: list[Candidate] = []
    needs, any_phrase, patterns = _phrase_patterns(tuple(entry["phrase"] for entry in vocab.frameworks))
    if (needs is not None and not needs.met(text, lower)) or not any_phrase.search(text):
        return found
    for entry, pattern in zip(vocab.frameworks, patterns, strict=True):
        for m in pattern.finditer(text):
            start, end = m.start(), m.end()
            if entry["kind"] == "document" and _MEDIUM.search(text[:start]):
                continue  # "the two governments said in a joint statement": where a statement was made
            parties: list[str] = []
            # extend left over a country compound and descriptive adjectives
            while True:
                before = re.search(r"([\w-]+)\s+$", text[:start])
                if not before:
                    break
                word = before.group(1)
                compound = _compound_countries(word, vocab=vocab)
                if compound:
                    parties = compound
                elif word.lower() not in vocab.modifiers or word[0].isupper():
                    break
                start = before.start(1)
            tail = entry.get("tail")
            if tail and text[end:].lower().startswith(" " + tail):
                end += len(tail) + 1
            found.append(Candidate(start, end, text[start:end], entry["kind"], "framework phrase",
                                   name_parties=parties))
    return found


# "said in a joint statement": the document is where something was said, not one made here
_MEDIUM = re.compile(r"\b(?:said|says|announced|stated|added|noted|declared|wrote|confirmed|stressed|warned|"
                     r"reaffirmed|urged)\b[^.;]{0,40}?\b(?:in|via|through)\s+(?:a|an|the|their|its)\s+$", re.I)
_NON_SPACE = re.compile(r"\S+")
_OWNED_BY_BOTH = re.compile(r"\b(?:their|the two (?:countries|sides|governments|nations)['’])\s+$")


#: a name's complement ("Treaty of Friendship"), which newsrooms write as a list of capitalised words
_COMPLEMENT = re.compile(r"\s(?:of|on|for)\s+(?:the\s+)?[A-Z][\w-]*$")
#: the rest of a listed complement ("on the Recruitment, Placement and Protection"), with what its last item
#: is of ("… Protection of Indonesian Domestic Workers"); a place after "in" is where, as in _name_extent
_LISTED_COMPLEMENT = re.compile(r"(?P<list>(?:,\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})+,?\s+and\s+[A-Z][\w-]*"
                                r"(?:\s+[A-Z][\w-]*){0,2}(?![\w-]))"
                                r"(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}(?![\w-]))?")


_SPACED_PAIR = re.compile(r"(?<![\w-])([A-Z][\w’'.-]*) [–—-] $")


def _proper_candidates(text: str, *, vocab: Vocabulary | None = None) -> list[Candidate]:
    """Agreements and standing bodies named by a run of capitalised words ("the Comprehensive Strategic
    Partnership", "the Joint Committee on Trade (JCT)"), with a year written before the name as theirs."""
    if not _may_have_run_word(text):
        return []  # no run holds a word of _RUN_WORDS (most sentences)
    found: list[Candidate] = []
    for m in _CAP_RUN.finditer(text):
        c = _proper_candidate(text, m, vocab)
        while c is not None:
            found.append(c)
            # "the Memorandum on Trade and the Agreement on Visas": one run, two names
            gap = _SECOND_NAME_GAP.match(text, c.end) if c.end < m.end() else None
            nxt = _CAP_RUN.match(text, gap.end(), m.end()) if gap else None
            c = _proper_candidate(text, nxt, vocab) if nxt else None
    for c in found:
        listed = _LISTED_COMPLEMENT.match(text, c.end) if _COMPLEMENT.search(c.name) else None
        if listed and not countries_in(listed.group("list"), vocab=vocab):  # "the Treaty of Friendship, Cooperation and Mutual Assistance": the whole list is the name
            # and what its last item is of, unless that is a place ("… and Investment of Laos and Peru")
            tail = listed.group()[len(listed.group("list")):]
            c.end = listed.end() if tail and not countries_in(tail.split()[-1], vocab=vocab) else listed.end("list")
            c.name = text[c.start:c.end]
        # "the Ghana – Togo Joint Committee": a country pair written with a spaced dash opens the name
        spaced = _SPACED_PAIR.search(text, max(0, c.start - 40), c.start)
        pair = _compound_countries(spaced.group(1) + "–" + c.name.split()[0], vocab=vocab) if spaced else None
        if pair:
            c.name_parties = c.name_parties or pair
            c.start = spaced.start(1)
            c.name = text[c.start:c.end]
        # "the 1944 Water Treaty": a year written before the name is part of it and is its year
        prefix = re.search(r"(?:^|\bthe\s+)((?:1[6-9]|20)\d\d)\s+$", text[:c.start], re.I)
        if prefix:
            c.year_after = int(prefix.group(1))
            c.key_name = _normal_name(c.name, vocab=vocab)
            c.start = prefix.start(1)
            c.name = text[c.start:c.end]
    return found


def _proper_candidate(text: str, m: re.Match[str], vocab: Vocabulary | None) -> Candidate | None:
    """The agreement or mechanism one capitalised run names, if any."""
    if _RUN_WORDS.isdisjoint(w.lower().strip(".,") for w in m.group(0).split()):
        return None  # no head, soft head, mechanism head or "Year": most runs are names of people and places
    words = list(_NON_SPACE.finditer(m.group(0)))
    spans = [(m.start() + w.start(), m.start() + w.end()) for w in words]
    tokens = [w.group(0) for w in words]
    if tokens and tokens[-1].startswith("("):
        tokens, spans = tokens[:-1], spans[:-1]  # the abbreviation, handled below
    while tokens and tokens[0].lower() in _LEADING_STOP:
        tokens, spans = tokens[1:], spans[1:]
    lowered = [t.lower().strip(".,") for t in tokens]
    if "year" in lowered[:-1] and lowered[lowered.index("year") + 1] == "of":
        kind: str | None = "year of exchanges" if any("exchange" in t for t in lowered) else "themed year"
        last = len(tokens) - 1
    else:
        heads = [i for i, t in enumerate(lowered) if t in _HEADS]
        if not heads and lowered and lowered[-1] in _SOFT_HEADS:
            return _soft_candidate(text, tokens, spans, lowered, vocab=vocab)
        if heads and lowered[heads[-1]] in ("zone", "area") and "trade" not in lowered:
            return None  # "Suez Canal Economic Zone", "Greater Bay Area": a place, not an agreement
        if not heads:
            return _mechanism_candidate(text, tokens, spans, lowered, vocab)
        last, kind = _name_extent(lowered, heads)
    tokens, spans = tokens[:last + 1], spans[:last + 1]
    capitals = [t for t in tokens if t[:1].isupper()]
    if kind is None or len(capitals) < 2:
        return None
    start, end = spans[0][0], _name_end(m, words, tokens[-1], spans[-1][1])
    return Candidate(start, end, text[start:end], kind, "capitalised name", proper=True,
                     name_parties=_name_parties(tokens, vocab=vocab))


# The words a capitalised run must hold to name anything here (a cheap test before the reading).
_RUN_WORDS = frozenset({*_HEADS, *_SOFT_HEADS, *_MECHANISM_HEADS, "year", "commission", "committee", "council"})


def _run_word_pattern(words: frozenset[str]) -> re.Pattern[str]:
    """Where a capitalised run may hold one of ``words`` (lower case): the word's first letter as a
    capital A-Z, the rest in any case, and no ``\\w`` after it (the run's word is the word with at most
    "." or "," after it). A word beyond ASCII is looked for by its ASCII beginning ("communiqu"), which
    may go on. One branch per capital: the scan skips to the next one in C."""
    branches: dict[str, list[str]] = {}
    for word in sorted(words):
        head = word if word.isascii() else word.encode("ascii", "ignore").decode()
        branches.setdefault(head[0].upper(), []).append(re.escape(head[1:]) + (r"(?!\w)" if head == word else ""))
    return re.compile("(?:" + "|".join(f"{c}(?i:{'|'.join(rests)})" for c, rests in branches.items()) + ")")


_RUN_WORD = _run_word_pattern(_RUN_WORDS)


def _may_have_run_word(text: str) -> bool:
    """Can a capitalised run of ``text`` hold a word of _RUN_WORDS?"""
    return _RUN_WORD.search(text) is not None


def _name_end(m: re.Match[str], words: list[re.Match[str]], last: str, end: int) -> int:
    """Where a capitalised name ends: before the sentence's full stop ("… the Protocol on Border Trade.",
    not "U.S."'s), or after its "(ABBR)"."""
    if last.endswith((".", ",")) and "." not in last[:-1]:
        end -= 1
    if m.group("abbr") and end == m.start() + words[-2].end():
        end = m.end()  # the name runs up to its "(ABBR)"
    return end


#: The last word of a sea or a region, where no document is signed: "… Conduct of Parties in the Coral Sea",
#: "… Amity and Cooperation in Southeast Asia" keep it in their names.
_REGION_WORDS = frozenset(("sea", "seas", "ocean", "gulf", "bay", "strait", "straits", "basin", "river", "delta",
                           "region", "peninsula", "asia", "africa", "europe", "america", "americas", "arctic",
                           "antarctic", "antarctica", "caribbean", "mediterranean", "pacific", "atlantic"))


def _name_extent(lowered: list[str], heads: list[int]) -> tuple[int, str]:
    """(the index of a name's last word, its kind): "Treaty of Amity and Cooperation in Southeast Asia"
    keeps its complement of a region but not a trailing "in Bonn"; "… Agreement in Tokyo" stops at its head."""
    first = heads[0]
    # "… Treaty of Amity", "… Agreement on Trade", "the Convention for the Protection of …", "the Agreement to
    # Normalise Relations" (a verb and its object: not "the Agreement to Paris")
    if lowered[first + 1:first + 2] in (["of"], ["on"], ["for"]) or (
            lowered[first + 1:first + 2] == ["to"] and len(lowered) >= first + 4):
        last = len(lowered) - 1
        for i in range(first + 2, len(lowered)):
            if lowered[i] == "and" and any(t in _HEADS for t in lowered[i + 1:i + 3]) \
                    and lowered[i + 1] in ("the", *_HEADS):
                last = i - 1  # "… on Combating Fraud and the Protocol on Border Trade": a second name
                break
            # "… in Bonn" ends the name; "… on Cooperation in Combating Trafficking in Persons" goes on
            if lowered[i] in ("in", "to", "with") and not (
                    lowered[i - 1].endswith("ing") or (i + 1 < len(lowered) and lowered[i + 1].endswith("ing"))
                    or (lowered[i] == "in" and not _REGION_WORDS.isdisjoint(lowered[i + 1:]))
                    # "… on Mutual Legal Assistance in Criminal Matters": a field of law, no place
                    or (lowered[i] == "in" and lowered[-1] == "matters")
                    # "… on Cooperation in the Field of Human Resource Development", "… in the Areas of …"
                    or (lowered[i] == "in" and lowered[i + 1:i + 2] == ["the"]
                        and lowered[i + 2:i + 4] in (["field", "of"], ["fields", "of"], ["area", "of"],
                                                     ["areas", "of"], ["sphere", "of"]))):
                last = i - 1
                break
        return last, _HEADS[lowered[first]]
    for i in range(first + 1, heads[-1]):
        if lowered[i] == "and" and lowered[i - 1] in _HEADS and lowered[i + 1] == "the":
            return i - 1, _HEADS[lowered[i - 1]]  # "the Port Agreement and the Rail Agreement": two names
    return heads[-1], _HEADS[lowered[heads[-1]]]


#: the session a run names before its standing body: "(9th) Meeting of the …", "Session of the …"
_SESSION_OF = re.compile(r"(?:meetings?|sessions?|rounds?|plenary|summit)\s+of\s+(?:the\s+)?(?=\S)")


def _mechanism_candidate(text: str, tokens: list[str], spans: list[tuple[int, int]], lowered: list[str],
                         vocab: Vocabulary | None) -> Candidate | None:
    """A capitalised standing body ("the Joint Trade Commission"), or one the two parties own; not one
    session of it ("the 12th … Ministerial Dialogue" is an event)."""
    mech = _mechanism_head(lowered, vocab=vocab)
    if mech is None and _OWNED_BY_BOTH.search(text[:spans[0][0]] if spans else ""):
        mech = next((i for i, t in enumerate(lowered) if t in ("commission", "committee", "council")), None)
    if mech is None:
        return None
    last = mech
    while last + 2 < len(tokens) and lowered[last + 1] in ("on", "for") and tokens[last + 2][:1].isupper():
        last += 2  # "the Joint Committee on Trade", "… Commission on Bilateral Cooperation": its complement
        while last + 1 < len(tokens) and (tokens[last + 1][:1].isupper() or (
                lowered[last + 1] == "and" and last + 2 < len(tokens) and tokens[last + 2][:1].isupper())):
            last += 1
    session = _SESSION_OF.match(" ".join(lowered[:mech]))
    first = len(session.group(0).split()) if session else 0  # "Meeting of the …": one session of the body
    tokens, spans = tokens[first:last + 1], spans[first:last + 1]
    start, end = spans[0][0], spans[-1][1] - (len(tokens[-1]) - len(tokens[-1].rstrip(".,;:")))
    if not session and _ORDINAL_BEFORE.search(text[:start]):
        return None
    return Candidate(start, end, text[start:end], "mechanism", "capitalised mechanism",
                     proper=True, name_parties=_name_parties(tokens, vocab=vocab))


def _soft_candidate(text: str, tokens: list[str], spans: list[tuple[int, int]],
                    lowered: list[str], *, vocab: Vocabulary | None = None) -> Candidate | None:
    """ "the Green Corridor Programme, a … scheme agreed in 2019": a capitalised programme that is made, or
    that two countries name as theirs."""
    vocab = vocab or vocabulary()
    capitals = [t for t in tokens if t[:1].isupper()]
    if len(capitals) < 2 or any(w in vocab.mechanism_exclude for w in lowered) \
            or _MULTILATERAL.search(" ".join(tokens)) or re.search(r"\bDevelopment\b", " ".join(tokens)):
        return None
    start, end = spans[0][0], spans[-1][1]
    appositive = _MADE_APPOSITIVE.match(text[end:])
    parties = _name_parties(tokens, vocab=vocab)
    # made, or named by the two countries that run it ("the Kenya-Uganda Economic Corridor")
    if not (appositive or _MAKING_BEFORE.search(text[:start]) or _FOUNDING_AFTER.match(text[end:])
            or len(parties) == 2):
        return None
    c = Candidate(start, end, text[start:end], _SOFT_HEADS[lowered[-1]], "capitalised name", proper=True,
                  name_parties=parties)
    if appositive and appositive.group(1):
        c.year_after = int(appositive.group(1))
    return c


def _name_parties(tokens: list[str], *, vocab: Vocabulary | None = None) -> list[str]:
    parties: list[str] = []
    for token in tokens:
        compound = _compound_countries(token, vocab=vocab)
        if compound:
            parties = compound
    return parties


def _mechanism_head(lowered: list[str], *, vocab: Vocabulary | None = None) -> int | None:
    """Index of the head of a capitalised standing bilateral body, or None if the run is no such name.

    Commissions, committees and councils need a strong marker ("Joint", "Intergovernmental")
    so agencies ("Federal Trade Commission") stay out; a dialogue may also be topical
    ("Strategic and Economic Dialogue") but not a named conference ("Shangri-La Dialogue").
    """
    vocab = vocab or vocabulary()
    for i, t in enumerate(lowered):
        if t not in _MECHANISM_HEADS:
            continue
        if (t == "force" and lowered[i - 1:i] != ["task"]) or (t == "group" and lowered[i - 1:i] != ["working"]):
            continue
        words = lowered[:i]
        if any(w in vocab.mechanism_exclude for w in words) or _MULTILATERAL.search(" ".join(words).title()):
            return None
        markers = vocab.strong_markers | (vocab.dialogue_markers if t == "dialogue" else frozenset())
        if any(w in markers for w in words) or any(_compound_countries(w.title(), vocab=vocab) for w in words):
            return i
        return None
    return None


# Talks held in rounds are a standing negotiation: "exploratory talks, held in 30 rounds since 2009",
# "11 rounds of border negotiations".
_TALKS = re.compile(r"\b(?P<name>(?:(?!" + _FUNCTION + r"\b)[A-Za-z-]+\s+){1,3}(?:talks|negotiations|consultations))\b")
# (One numbered round, "the 17th round of consultations", is a session: an event, not the mechanism.)
_ROUNDS = re.compile(r"\b(?:" + _NUM + r"|several|many|dozens of)\s+rounds\b", re.I)
_ROUNDS_WORD = Needs(("rounds",))  # what _ROUNDS cannot match without: a cheap test first
_ROUND_WORDS = {"round", "rounds", "latest", "next", "new", "first", "further", "more", "several", "the", "held", "hold"}


def _talks_candidates(text: str, lower: str | None = None, *, vocab: Vocabulary | None = None) -> list[Candidate]:
    if not _ROUNDS_WORD.met(text, lower) or not _ROUNDS.search(text):
        return []
    found: list[Candidate] = []
    for m in _TALKS.finditer(text):
        words = [w for w in m.group("name").split()[:-1] if w.lower() not in _ROUND_WORDS
                 and not re.match(r"\d|(?:\d+(?:st|nd|rd|th))$", w)]
        if not _content_words(words, vocab=vocab):
            continue  # "held talks", "two rounds of talks": no subject, no name
        start = m.start("name") + m.group("name").index(words[0])
        found.append(Candidate(start, m.end("name"), text[start:m.end("name")], "mechanism", "talks in rounds"))
    return found


def _drop_appositives(candidates: list[Candidate], text: str) -> list[Candidate]:
    """ "the X Programme, a $1 billion scheme agreed in 2018", "the two countries' trade pact, the X Agreement.": the
    description is the named one, not another."""
    proper = [c for c in candidates if c.proper]
    kept: list[Candidate] = []
    for c in candidates:
        host = next((p for p in proper if not c.proper and re.fullmatch(r",\s+(?:an?|the)\s+", text[p.end:c.start])),
                    None)
        # "under the countries' free trade pact, the Indonesia-Australia … Agreement (IA-CEPA).": a description
        # the proper name ending the sentence restates (in a list, "…, the Y Agreement and …", it would not end it)
        named = next((p for p in proper if not c.proper and re.fullmatch(r",\s+(?:the\s+)?", text[c.end:p.start])
                      and re.match(r"\s*(?:\([^)]*\))?\s*(?:[.;]|$)", text[p.end:])), None)
        if host is None and named is None:
            kept.append(c)
    return kept


_CLOCK_BEFORE = re.compile(r"\b\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?$")
#: a capitalised preposition opening a sentence, which is no part of the name after it ("Under the Paris Agreement")
_PREPOSITION_LEAD = re.compile(r"(?:Under|Within|Through|With|By|From|Into|Upon|After|Before|During)\s+(?:the\s+)?")


def _without_preposition(c: Candidate) -> Candidate | None:
    """ "Under the Paris Agreement" -> "Paris Agreement"; "Under the Agreement", which only points back, -> None."""
    lead = _PREPOSITION_LEAD.match(c.name)
    if lead is None or not c.proper:
        return c
    rest = c.name[lead.end():]
    if len(rest.split()) < 2:
        return None
    c.start, c.name = c.start + lead.end(), rest
    return c


_JOINED = "–––"  # a spaced dash joining two places, as the finders read it (the same length: offsets stay)


def find_candidates(text: str, *, vocab: Vocabulary | None = None, item: bool = False) -> list[Candidate]:
    """Agreements named in a sentence, longest first where they overlap; a spaced dash between two places
    ("the Steering Committee for Chile – Peru Bilateral Cooperation", "the Lima – Bogota – Quito
    railway") joins them in one name, as an unspaced one does. ``item``: the sentence is a list item whose
    number the sentence splitter left out ("1. Memorandum of …")."""
    vocab = vocab or vocabulary()
    if " – " in text or " — " in text:
        joined = text
        for m in vocab.spaced_pair.finditer(text):
            joined = joined[:m.start(1)] + _JOINED + joined[m.end(1):]
        if joined != text:
            found = _find_candidates(joined, vocab, item)
            for c in found:  # (the names as written: a name cut from the text is the text's own)
                c.name = text[c.start:c.end] if c.name == joined[c.start:c.end] else c.name.replace(_JOINED, " – ")
                c.aliases = [a.replace(_JOINED, " – ") for a in c.aliases]
                if c.key_name:
                    c.key_name = c.key_name.replace(_JOINED, " – ")
            return found
    return _find_candidates(text, vocab, item)


def _find_candidates(text: str, vocab: Vocabulary, item: bool = False) -> list[Candidate]:
    lower = ascii_lower(text)  # for the cheap tests of the finders that match in any case
    candidates: list[Candidate] = []
    candidates += _proper_candidates(text, vocab=vocab)
    candidates += _framework_candidates(text, lower, vocab=vocab)
    candidates += _common_candidates(text, vocab=vocab)
    candidates += _known_candidates(text, vocab=vocab)
    candidates += _talks_candidates(text, lower, vocab=vocab)
    candidates += _body_candidates(text, vocab=vocab)
    candidates += _partnership_candidates(text, vocab)
    candidates += _about_candidates(text, vocab)
    candidates += _listed_candidates(text, lower)
    candidates += _formal_candidates(text, vocab)
    candidates += _item_candidates(text, item)
    if not candidates:
        return candidates  # (most sentences name no agreement)
    candidates = _drop_appositives(candidates, text)
    # "the North Atlantic Treaty Organization", "the Collective Security Treaty Organization": a body named after
    # a treaty is no agreement
    candidates = [c for c in candidates if not _ORGANISATION_AFTER.match(text, c.end)
                  # an all-capitals headline is no name as written ("19TH MEETING OF THE JOINT …")
                  and not (c.name.isupper() and len(c.name.split()) > 3)
                  # "will there be a new agreement on …?": a question names no lower-case instrument
                  and not (not c.proper and text.rstrip().endswith("?"))
                  # "16:50 NPT (updated 17:15)": an acronym after a clock time is its time zone
                  and not (c.name.isupper() and _CLOCK_BEFORE.search(text, max(0, c.start - 8), c.start))
                  ]
    candidates = [c for c in map(_without_preposition, candidates) if c is not None]
    # keep the longest of overlapping candidates, and a document the longer one is made to ("a protocol to
    # the 1976 transit agreement", "the Protocol amending the Agreement for the Avoidance of Double Taxation")
    candidates.sort(key=lambda c: (-(c.end - c.start), c.start))
    kept_c: list[Candidate] = []
    for c in candidates:
        if not any(c.start < k.end and k.start < c.end and not _made_to(text, k, c) for k in kept_c):
            kept_c.append(c)
    kept_c.sort(key=lambda c: c.start)
    kept_c = _with_aliases(kept_c, text)
    for c in kept_c:
        after = re.match(r"[\s,”\"’)]*(?:(?P<prep>of|in|from)\s+)?((?:1[6-9]|20)\d\d)(?![\d%])", text[c.end:])
        if after and not (after.group("prep") in ("in", "from") and (
                c.kind == "mechanism" or _ACTED_ON_BEFORE.search(text, max(0, c.start - 60), c.start))):
            # (not "held a session of their Joint Commission in 2017": a standing body meets in a year; not
            # "withdrew from the NPT in 2003", "renewed the accord in 2019": the year of what was done to it)
            c.year_after = int(after.group(2))
    return kept_c


_TO_DOCUMENT = re.compile(r"\s(?:to|amending|implementing|supplementing|under)\s+(?:the|their|its)\s+$")


def _made_to(text: str, outer: Candidate, inner: Candidate) -> bool:
    """Whether ``inner`` is the document ``outer`` adds to or amends, named inside it ("a protocol to the
    1976 transit agreement"): two documents, both kept."""
    return (outer.start < inner.start and inner.end <= outer.end and inner.kind not in ("mechanism", "document set")
            and inner.rule != "framework phrase"  # (a bare "Memorandum of Understanding" cut from a longer title)
            and _TO_DOCUMENT.search(text, outer.start, inner.start) is not None)


def _partnership_candidates(text: str, vocab: Vocabulary) -> list[Candidate]:
    """"a comprehensive strategic partnership": a partnership named by two or more known modifiers."""
    out: list[Candidate] = []
    for m in (_PARTNERSHIP.finditer(text) if "partnership" in text else ()):
        words = [w.strip(",") for w in m.group("mods").split() if w != "and"]
        # keep the trailing run of known modifiers: "deepen and elevate their comprehensive …"
        kept: list[str] = []
        for w in reversed(words):
            if w.lower() in vocab.modifiers or _compound_countries(w, vocab=vocab):
                kept.insert(0, w)
            else:
                break
        modifiers = [w for w in kept if not _compound_countries(w, vocab=vocab)]
        if len(modifiers) < 2:
            continue
        start = m.end() - len("partnership")
        for w in reversed(kept):
            start = text.rindex(w, 0, start)
        parties = next((c for w in kept if (c := _compound_countries(w, vocab=vocab))), [])
        out.append(Candidate(start, m.end(), text[start:m.end()], "partnership", "partnership phrase",
                             name_parties=parties))
    made = (*_MADE_PARTNERSHIP.finditer(text), *_PARTNERSHIP_MADE.finditer(text)) if "partnership" in text else ()
    for m in made:
        # "upgraded relations to a strategic partnership in 2011": one modifier, when the partnership is made
        if m.group("mod").lower() in vocab.modifiers and not any(c.start <= m.start("name") < c.end for c in out):
            out.append(Candidate(m.start("name"), m.end(), m.group("name"), "partnership", "partnership phrase"))
    return out


_MADE_PARTNERSHIP = re.compile(
    r"\b(?:upgrad(?:e|ed|es|ing)|elevat(?:e|ed|es|ing)|rais(?:e|ed|es|ing)|establish(?:ed|es|ing)?|forg(?:e|ed|es|ing)|"
    r"sign(?:ed|s|ing)?|launch(?:ed|es|ing)?)\s+(?:(?:ties|relations|the relationship|their relationship|"
    r"bilateral relations)\s+to\s+)?(?:an?|the|their)\s+(?P<name>(?P<mod>[a-z-]+)\s+partnership)\b")


#: the same, told after it: "the strategic partnership the two countries established in 2021", "the strategic
#: partnership launched in 2011"
_PARTNERSHIP_MADE = re.compile(
    r"\b(?:an?|the|their|its)\s+(?P<name>(?P<mod>[a-z-]+)\s+partnership)\s+(?:(?:that|which)\s+)?"
    r"(?:(?:the\s+two\s+(?:countries|sides|nations|governments)|both\s+(?:countries|sides)|they|"
    r"[A-Z][\w-]*(?:\s+and\s+[A-Z][\w-]*)?)\s+)?(?:(?:had|have|has)\s+)?(?:established|forged|signed|launched|"
    r"set\s+up|agreed)\b")


def _about_candidates(text: str, vocab: Vocabulary) -> list[Candidate]:
    """"an agreement on the avoidance of double taxation": named by its subject, without where it was
    signed, how long it runs or "new"."""
    out: list[Candidate] = []
    for m in (_ABOUT.finditer(text) if _ABOUT_HEAD.search(text) else ()):
        name, start = _without_place(m.group("name"), vocab), m.start("name")
        if len(name.split()) > 16 or not _ABOUT_SUBJECT.search(name) or _BACK_REFERENCE.search(name.split(None, 1)[-1]):
            continue  # (too long to be a name, or nothing left of its subject: "an accord for another year")
        while (new := _NEW_WORD.match(name)) and len(name) > new.end():
            name, start = name[new.end():], start + new.end()  # "a new agreement on …": the name starts after "new"
        head = name.split()[0].lower()
        kind = "memorandum" if "memorandum" in name.lower() or "mou" in name.lower() else (
            "treaty" if head in ("treaty", "convention") else "agreement")
        out.append(Candidate(start, start + len(name), name, kind, "agreement on"))
    return out


#: the mark opening a list item: a dash, a bullet, a number or a letter
_MARK = r"(?:[-•*–]\s+|\(?\d{1,2}[.)]\s+|\(?[a-h][.)]\s+)"
#: an item of a list of documents, a whole passage opening with a dash, bullet or number and a capitalised
#: instrument with its complement: "- Protocol amending the Agreement on Border Trade between Peru and Chile;",
#: "3. Memorandum of Understanding on electricity cooperation for the 2026 – 2035 period;"
_ITEM_BODY = (
    r"(?P<name>(?P<head>Agreement|Protocol|Memorandum of Understanding|Memorandum|Treaty|Convention|Arrangement|"
    r"Accord|Plan|Programme|Program|Charter)\s+(?:between|on|of|for|amending|to|regarding|concerning|in)\s+"
    r"[^;:]{8,300}?)(?=\s*(?:;|[.;]?\s*$|,\s+(?:signed|inked)\b|\s+(?:signed|inked)\s+by\b))")
_LIST_ITEM = re.compile(r"^\s*" + _MARK + _ITEM_BODY)
_NUMBERED_ITEM = re.compile(r"^\s*" + _ITEM_BODY)  # (its number left out of the sentence)
#: a signing in the past tense of the documents a colon lists: "signed the following documents:", "witnessed the
#: signing of 12 cooperation documents, including:" (not "Soto, who signed the memorandum, listed the accords:");
#: and a signing still to come ("will sign", "are to be signed")
_SIGNED_LIST = re.compile(r"\b(?:signed|inked|concluded|exchanged|(?:witnessed|attended)\s+the\s+(?:signing|exchange)"
                          r"\s+of)\s+(?:the\s+following|these|(?:[\w-]+\s+){0,4}(?:documents|agreements|instruments|"
                          r"memoranda|deals|accords|protocols|treaties))\b[^:;]{0,40}:$", re.I)
_SIGNED_LATER = re.compile(r"\b(?:will|would|to\s+be|expected\s+to|plan\s+to|are\s+to)\s+(?:\w+\s+)?(?:sign|be\s+signed|witness)",
                           re.I)
_ITEM_MARK = re.compile(r"\s*" + _MARK)
_ITEM_KINDS = {"Plan": "plan", "Programme": "joint initiative", "Program": "joint initiative"}


def _item_candidates(text: str, numbered: bool = False) -> list[Candidate]:
    """The document a list item names in full (see ``_LIST_ITEM``; ``numbered``: its number is not in ``text``)."""
    m = (_NUMBERED_ITEM if numbered else _LIST_ITEM).match(text)
    if m is None:
        return []
    head = m.group("head")
    kind = _ITEM_KINDS.get(head) or _HEADS.get(head.split()[0].lower(), "agreement")
    return [Candidate(m.start("name"), m.end("name"), m.group("name"), kind, "list item", proper=True)]


def _listed_candidates(text: str, lower: str | None = None) -> list[Candidate]:
    """Mechanisms, n-point proposals, proposed lists and the set of documents a signing names (``lower``
    is ``ascii_lower(text)``, if made)."""
    out: list[Candidate] = []
    for m in (_MECHANISM.finditer(text) if _MECHANISM_NEEDS.met(text, None) else ()):
        if len(m.group("name").split()) >= 4:  # "mechanism for it" is too thin to be a framework's name
            out.append(Candidate(m.start("name"), m.end("name"), m.group("name"), "mechanism", "mechanism"))
    for m in (_POINT_PROPOSAL.finditer(text) if _POINT_WORD.met(text, lower) else ()):
        what = m.group("what").lower()
        kind = "agreement" if what in ("consensus", "agreement") else "proposal"
        out.append(Candidate(m.start("name"), m.end("name"), m.group("name"), kind, "n-point proposal"))
    for m in (_PROPOSED_LIST.finditer(text) if _PROPOSED_NEEDS.met(text, None) else ()):
        out.append(Candidate(m.start("name"), m.end("name"), m.group("name"), "proposal", "proposed list"))
    if _DOC_SET_NEEDS.met(text, None) and _SIGNING_WORDS.met(text, lower) and _SIGNING_CUE.search(text):
        for m in _DOC_SET.finditer(text):
            out.append(Candidate(m.start("name"), m.end("name"), m.group("name"), "document set", "document set"))
    return out



def _with_aliases(candidates: list[Candidate], text: str) -> list[Candidate]:
    """Give each name the other names set off after it ("(JBC)", ", known as …", ", formally the …",
    'dubbed "the grain deal"'); a name inside such an apposition is that alias, not another agreement."""
    kept: list[Candidate] = []
    alias_end = -1
    for c in candidates:
        if kept and kept[-1].end <= c.start < alias_end:  # (not a document named inside the last one)
            if c.name not in kept[-1].aliases:
                kept[-1].aliases.append(re.sub(r"\s+", " ", c.name))
            continue
        in_name = _ABBR_IN_NAME.search(c.name)
        aliases, alias_end = _aliases_after(text, c.end)
        for alias in ([in_name.group("abbr")] if in_name else []) + aliases:
            if alias not in c.aliases:
                c.aliases.append(alias)
        kept.append(c)
    return kept


# --- years, parties, keys -------------------------------------------------------------

_FOUNDING_BEFORE = re.compile(
    r"\b(?:establish(?:ed|ing|ment of)?|sign(?:ed|ing)?(?: of)?|ink(?:ed)?|launch(?:ed|ing)?(?: of)?|"
    r"announc(?:ed|ing)|adopt(?:ed|ion of)|conclu(?:ded|sion of)|set up|forged?|build|built|"
    r"put forward|proposed|unveil(?:ed)?|designated as|upgrad(?:ed|ing) (?:ties |relations )?to|"
    r"elevat(?:ed|ing) (?:ties |relations )?to)\b[^.;,]{0,60}$", re.I)  # a comma ends the verb's reach
_FOUNDING_AFTER = re.compile(
    r"^(?:\s*,[^,;.()“”\"]{1,60},)?"  # an appositive: "The X Agreement, Canada's first with …, was signed"
    # "which was signed", "that Poland and Ukraine signed", ", first signed in 1998"
    r"(?:\s+in\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}(?=,|\s+(?:was|were|had been|has been)\s))?"  # "… Workers in Malaysia, signed on 1 April"
    # "the revised Border Trade Agreement and the revised Border Crossing Agreement, both signed in …"
    r"(?:\s+and\s+(?:the\s+)?[^,;.()“”\"]{1,80}?,\s*(?=(?:both|all)\s))?"
    r"[\s,]*(?:(?:both|all)\s+)?(?:(?:which|that)\s+(?:(?:[A-Z][\w'’-]*|and|the|two|both|sides|countries|governments|leaders)\s+){0,4})?"
    r"(?:was\s+|were\s+|had been\s+|has been\s+|(?:due\s+|expected\s+|set\s+|scheduled\s+)?to be\s+)?"
    r"(?:first\s+|originally\s+)?(?:signed|inked|established|"
    r"launched|concluded|reached|announced|adopted|set up|agreed|entered into force|came into (?:force|effect)|"
    r"took effect)\b", re.I)
# Past-tense verbs that report the making of the agreement itself: undated, it happened in the news' own time.
_MADE_NOW = re.compile(
    # ("agreed" of a document, not "agreed to strive …")
    r"\b(?:signed|inked|concluded|launched|unveiled|announced|adopted|put forward|proposed|"
    r"agreed(?: on| to)?(?=\s+(?:a|an|the|their|its|new|notable|landmark)\b)|"
    r"struck|sealed|set up|(?:witnessed|witnessing|oversaw|overseeing|attended) the (?:signing|exchange) of)\s+"
    r"(?:(?:a|an|the|their|its|notable|new|landmark)\s+)*"
    # one more item of the list made ("signed a memorandum …, an open-skies agreement"), not after a dated one
    r"(?:(?:[^;.]{0,400}\b(?:including|such as|among them|namely|and|together with|along with|as well as)"
    r"(?:[^;.]{0,400},)?"  # "including an agreement on …, a memorandum …, a protocol …": any later item
    r"|[^;.\d]{0,400},)\s+"
    r"(?:a|an|the)?\s*)?$"
    # creating a body or scheme now or from now on: "will set up a joint task force", "would roll out a scheme"
    r"|\b(?:set(?:ting)? up|establish|create|form|roll out|relaunch|launch)\s+(?:(?:a|an|the|their|its|new)\s+)+$",
    re.I)
_NEW = re.compile(r"\b(?:the|a)\s+new\s+$", re.I)
_CLAUSE_BREAK = re.compile(r"[,;]|\b(?:which|under|while|but)\b")


# Who made it, between the founding verb and its date: " by the two foreign ministers in ".
_BY_SIGNATORIES = re.compile(r"\s+by\s+[^,;.()“”\"]{1,80}?\s(?:in|on)\s+(?:the\s+)?")
_YEAR_BEFORE_NAME = re.compile(r"\b(?:an?|the|its|their)\s+((?:1[6-9]|20)\d\d)\s+$", re.I)


def _year_of(c: Candidate, text: str, dates: list[DateMention], published: str | None) -> int | None:
    """The year an agreement was established/signed/announced, if the sentence says so.

    A dated founding phrase next to the name wins; an undated one reported in
    the past tense ("signed a declaration", "the new … Agreement") is the
    news' own time, the publication year.
    """
    if c.year_after is not None:
        return c.year_after
    written = _YEAR_BEFORE_NAME.search(text, max(0, c.start - 12), c.start)
    if written:  # "a 2021 memorandum on …", "the 2000 memorandum of understanding": the year it was made
        return int(written.group(1))
    described = _MADE_APPOSITIVE.match(text[c.end:])
    if described and described.group(1):  # "the X Initiative (XI), a secretariat the two set up in 2018"
        return int(described.group(1))
    after = _FOUNDING_AFTER.match(text[c.end:])
    if after:
        following = [d for d in dates if d.start >= c.end + after.end()]
        gap = text[c.end + after.end():following[0].start] if following else ""
        if following and (len(gap) <= 25 or _BY_SIGNATORIES.fullmatch(gap)):
            return following[0].year  # "…, signed by Fiji and the other island states in 2002": by whom, then when
    before = _FOUNDING_BEFORE.search(text[:c.start])
    if before:
        anchor = before.start()
        usable = [d for d in dates if d.end <= c.start
                  or (d.start - c.end <= 30 and not _CLAUSE_BREAK.search(text[c.end:d.start]))]
        if usable:
            nearest = min(usable, key=lambda d: min(abs(d.start - anchor), abs(d.end - anchor)))
            return nearest.year
    if published and (_MADE_NOW.search(text[:c.start]) or _NEW.search(text[:c.start])):
        return int(published[:4])
    return None


_BILATERAL_CUE = re.compile(r"\b(?:two|both|bilateral|their|between|each other|mutual|counterparts?)\b", re.I)
# Words that mark a named agreement as regional or multilateral: its members are not "the two sides".
_MULTILATERAL = re.compile(r"\b(?:Regional|Multilateral|Trans-?Pacific|Pacific|Asia|Asian|ASEAN|Global|International|"
                           r"World|Europe|European|Atlantic|Continental|Union|Paris|Kyoto|Belt)\b")


def _parties(c: Candidate, text: str, doc_pair: list[str], *, vocab: Vocabulary | None = None) -> list[str]:
    if c.name_parties or c.rule == "known acronym":
        return list(c.name_parties)  # a known acronym's members are those of its full name, or unstated
    between = re.match(r"\s+between\s+(?:the\s+)?([^,;.]+?)\s+and\s+([^,;.]+?)(?:\s|[,;.]|$)", text[c.end:])
    if between:
        named = countries_in(between.group(1), vocab=vocab) + countries_in(between.group(2), vocab=vocab)
        if len(named) >= 2:
            return list(dict.fromkeys(named))
    if c.proper and _MULTILATERAL.search(c.name):
        return []  # a regional agreement: its members are not stated here
    in_sentence = countries_in(text, vocab=vocab)
    if len(in_sentence) == 2 and not c.proper:
        return in_sentence
    if len(doc_pair) == 2 and set(in_sentence) <= set(doc_pair):
        return list(doc_pair)  # an article about two countries, naming no other party
    if len(doc_pair) == 2 and (_BILATERAL_CUE.search(text) or _BILATERAL_CUE.search(c.name)):
        return list(doc_pair)
    return []


def _normal_name(name: str, *, vocab: Vocabulary | None = None) -> str:
    """Lower case, no leading article, country compounds in a fixed order, no trailing abbreviation."""
    words = []
    for token in re.sub(r"\s*\([A-Z][A-Za-z]{1,9}\)$", "", name).split():
        compound = _compound_countries(token, vocab=vocab)
        words.append("-".join(sorted(compound)).lower() if compound else token.lower())
    while words and words[0] in _LEADING_STOP:
        words = words[1:]
    return " ".join(words).strip(" ,.")


_YEAR_KINDS = {"year of exchanges", "themed year"}


def _alias(name: str, *, vocab: Vocabulary | None = None) -> str:
    """A name with the gazetteer's translation variants replaced by one wording ("humanistic" -> …)."""
    for variant, canonical in (vocab or vocabulary()).name_aliases:
        name = re.sub(r"\b" + re.escape(variant) + r"\b", canonical, name)
    return name


def _year_theme(core: str, *, vocab: Vocabulary | None = None) -> str:
    """ "kenya-ethiopia year of youth exchanges" -> "youth exchange"."""
    words = [w for w in core.split() if w not in ("year", "of", "the", "and") and not _compound_countries(w.title(), vocab=vocab)
             and not countries_in(w.title(), vocab=vocab)]
    return _alias(" ".join(re.sub(r"(?<=[a-z]{3})s$", "", w) for w in words), vocab=vocab)


def agreement_key(c: Candidate, parties: list[str], *, vocab: Vocabulary | None = None) -> str:
    """Merge key: for frameworks the bare phrase (no adjectives, no tail) plus the parties.

    A themed year is one per pair of countries and theme, whatever the order of the country
    names or the translation of its theme (two renderings of one theme are a gazetteer
    alias): its key is the parties and the normalised theme.
    """
    vocab = vocab or vocabulary()
    if c.kind in _YEAR_KINDS and not c.key_name:
        return "+".join(sorted(parties)) + "|year of " + _year_theme(_normal_name(c.name, vocab=vocab), vocab=vocab)
    if c.key_name:
        core = c.key_name
    elif c.rule == "framework phrase":
        core = next((e["phrase"] for e in vocab.frameworks if e["phrase"] in c.name.lower()), c.name.lower())
    else:
        core = _normal_name(c.name, vocab=vocab)
    if not c.key_name and c.rule != "framework phrase" and not c.proper:
        core = " ".join(w for w in core.split() if not _compound_countries(w, vocab=vocab))
    if c.proper:
        return core
    return "+".join(sorted(parties)) + "|" + core


def _display_name(c: Candidate) -> str:
    name = re.sub(r"\s+", " ", c.name).strip()
    if c.proper:
        return name
    return name[:1].upper() + name[1:]


def doc_country_pair(doc: Document, *, vocab: Vocabulary | None = None) -> list[str]:
    """The two countries a document is mostly about (for "the two sides"), or [] if unclear."""
    counts: dict[str, int] = {}
    vocab = vocab or vocabulary()
    for sentence in doc.sentences:
        for m in vocab.country_pattern.finditer(sentence.text):
            name = vocab.country_of[m.group(0)]
            counts[name] = counts.get(name, 0) + 1
    ranked = sorted(counts.items(), key=lambda kv: -kv[1])
    if len(ranked) >= 2 and (len(ranked) == 2 or ranked[1][1] > 2 * ranked[2][1]):
        return sorted([ranked[0][0], ranked[1][0]])
    return []


def passage_text(doc: Document, sentence: Sentence) -> str:
    return doc.passages[sentence.passage].text


def extract_agreements(doc: Document, people: PeopleIndex | None = None,
                       lexicon: Lexicon | None = None) -> list[Finding]:
    """Agreement findings of one document, one per distinct agreement, citing every sentence naming it.

    ``people`` is not read (kept for callers of the old signature)."""
    doc = AnalysedDocument.of(doc, lexicon)
    vocab = vocabulary(doc.lexicon)
    pair = doc_country_pair(doc, vocab=vocab)
    published = doc.source.published
    by_key: dict[str, Finding] = {}
    list_years = _list_years(doc, published)
    for sentence in doc.sentences:
        candidates = doc.agreement_candidates(sentence)
        if not candidates:
            continue
        dates = doc.dates(sentence)
        first = min(c.start for c in candidates)
        for c in candidates:
            parties = sorted(_parties(c, sentence.text, pair, vocab=vocab))
            year = _year_of(c, sentence.text, dates, published)
            if year is None and c.kind != "mechanism" and c.start == first:
                # the document a list item opens with (not "the Agreement on Trade" a protocol amends, not a
                # committee whose minutes are signed)
                year = list_years.get(sentence.passage)
            key = agreement_key(c, parties, vocab=vocab)
            if c.kind == "document set":
                # "Five agreements signed" in a summary box is the five agreements the story says who signed
                key = next((k for k, f in by_key.items() if f.fields["agreement_kind"] == "document set"
                            and k.split("|", 1)[-1] == key.split("|", 1)[-1]), key)
            if not c.proper and year is not None and (
                    f"{key}@{year}" in by_key or (key in by_key and by_key[key].fields["year"] not in (None, year))):
                # "signed a joint declaration" in 1998, "a new joint declaration to be signed next year": a
                # document named in lower case and dated otherwise is another document
                key = f"{key}@{year}"
            span = (sentence.start, sentence.end)
            if key in by_key:
                f = by_key[key]
                if span not in f.spans:
                    f.spans.append(span)
                if f.fields["year"] is None and year is not None:
                    f.fields["year"] = year
                    f.label = f"{f.fields['name']} ({year})"
                f.fields["parties"] = sorted({*f.fields["parties"], *parties})
                if c.aliases:
                    f.fields["aliases"] = list(dict.fromkeys([*f.fields.get("aliases", []), *c.aliases]))
                continue
            name = _display_name(c)
            label = f"{name} ({year})" if year else name
            by_key[key] = Finding(
                kind="agreement", key=key, label=label,
                fields={"name": name, "agreement_kind": c.kind, "year": year, "parties": parties},
                spans=[span], rule=c.rule, confidence=0.9 if c.proper else 0.75,
            )
            if c.aliases:
                by_key[key].fields["aliases"] = list(c.aliases)
    findings = _fold_mechanisms(_fold_references(list(by_key.values()), vocab=vocab), vocab)
    _cite_aliases(findings, doc)
    return findings


def _list_years(doc: AnalysedDocument, published: str | None) -> dict[int, int]:
    """The year of each list item a signing introduces ("On November 25 the two sides signed the following
    documents:" and the items after it): the date the introduction gives, else, signed in the past tense, the
    publication year. Passage index -> year."""
    years: dict[int, int] = {}
    passages = doc.passages
    for sentence in doc.sentences:
        text = sentence.text.rstrip()
        if not text.endswith(":") or _SIGNED_LIST.search(text) is None:
            continue
        dated = [d.year for d in doc.dates(sentence) if d.year]
        past = not _SIGNED_LATER.search(text)
        year = dated[0] if dated else (int(published[:4]) if published and past else None)
        i = sentence.passage + 1
        first = _ITEM_MARK.match(passages[i].text) if i < len(passages) else None
        kind = _mark_kind(first.group()) if first else None
        while year is not None and i < len(passages) and (passages[i].role == "list_item" or (
                (mark := _ITEM_MARK.match(passages[i].text)) and _mark_kind(mark.group()) == kind)):
            years[i] = year  # (a list of dashes ends where a numbered paragraph follows it)
            i += 1
    return years


def _mark_kind(mark: str) -> str:
    """What a list item's mark is: "number", "letter" or the dash or bullet itself."""
    mark = mark.strip().lstrip("(")
    return "number" if mark[:1].isdigit() else "letter" if mark[:1].isalpha() else mark[:1]


def _cite_aliases(findings: list[Finding], doc: Document) -> None:
    """A later "the JBC", "the next RAN", "the accord de réadmission" is the agreement the article
    introduced under that name: every sentence naming an alias cites the same item."""
    for f in findings:
        aliases = f.fields.get("aliases") or []
        if not aliases:
            continue
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in aliases) + r")(?![\w-])")
        for sentence in doc.sentences:
            span = (sentence.start, sentence.end)
            if span not in f.spans and pattern.search(sentence.text):
                f.spans.append(span)
        f.spans.sort()


# Head words of one class name the same sort of document: "the minerals deal" can be
# "the memorandum of understanding on critical minerals".
_HEAD_CLASS: dict[str, str] = {
    "agreement": "agreement", "deal": "agreement", "pact": "agreement", "accord": "agreement",
    "treaty": "agreement", "memorandum": "agreement", "mou": "agreement", "understanding": "agreement",
    "protocol": "agreement", "charter": "agreement", "arrangement": "agreement", "plan": "plan", "roadmap": "plan",
}
_HEAD_FREE = {"programme", "program", "scheme", "project", "initiative", "facility", "fund"}
_FOLDABLE_RULES = {"framework phrase", "common-noun document", "agreement on", "capitalised name", "known acronym",
                   "list item"}
_NAME_FILLER = {"the", "a", "an", "of", "on", "for", "to", "and", "their", "its", "new", "joint", "bilateral",
                "mutual", "action", "road", "map", "free"} | set(_HEAD_CLASS)


def _head_class(name: str) -> str | None:
    """The class of the name's own head: "programme for their investment agreement" is a programme."""
    head_part = re.split(r"\b(?:on|for|to|concerning|regarding|covering|between|with|against)\b", name.lower())[0]
    words = re.findall(r"[a-z]+", head_part)
    classes = [_HEAD_CLASS[w] for w in words if w in _HEAD_CLASS]
    if classes:
        return classes[-1]
    if any(w in _HEAD_FREE for w in words):
        return None  # a programme, a scheme: not the document its complement names
    words = re.findall(r"[a-z]+", name.lower())
    classes = [_HEAD_CLASS[w] for w in words if w in _HEAD_CLASS]
    return classes[0] if classes else None


def _content_set(name: str, *, vocab: Vocabulary | None = None) -> set[str]:
    words = re.findall(r"[\w'-]+", name)
    return {re.sub(r"(?:ies|s)$", "", w.lower()) for w in _content_words(words, vocab=vocab)
            if w.lower() not in _NAME_FILLER and len(w) > 2}


def _fold_references(findings: list[Finding], *, vocab: Vocabulary | None = None) -> list[Finding]:
    """Fold a shorter common-noun reference into the fuller agreement it names in the same article.

    "their free trade agreement" beside "the Canada-Korea Free Trade Agreement", "the water deal"
    beside "a memorandum of understanding on water deliveries": one agreement, not two. Only
    documents and plans fold (two partnerships of different rank are different frameworks).
    """
    infos = [(f, _head_class(f.fields["name"]), _content_set(f.fields["name"], vocab=vocab)) for f in findings]
    dropped: set[int] = set()
    for i, (f, cls, words) in enumerate(infos):
        if f.rule not in ("framework phrase", "common-noun document", "agreement on") or cls is None:
            continue
        hosts = [(g, gwords) for j, (g, gcls, gwords) in enumerate(infos)
                 if j != i and j not in dropped and gcls == cls and g.rule in _FOLDABLE_RULES
                 and words <= gwords and (len(gwords) > len(words) or g.rule in ("capitalised name", "known acronym"))
                 # (two names in one sentence are two documents: "sign a memorandum on investment and open
                 # talks on a bilateral investment treaty")
                 and not set(f.spans) & set(g.spans)
                 and (not f.fields["parties"] or not g.fields["parties"]
                      or set(f.fields["parties"]) <= set(g.fields["parties"]))]
        if not hosts or (not words and len(hosts) > 1):
            continue  # a bare "the agreement" among several: which one is not said
        host = hosts[0][0]
        host.spans = sorted({*host.spans, *f.spans})
        if host.fields["year"] is None and f.fields["year"] is not None and words:
            host.fields["year"] = f.fields["year"]
            host.label = f"{host.fields['name']} ({host.fields['year']})"
        dropped.add(i)
    return [f for i, f in enumerate(findings) if i not in dropped]


_MECHANISM_FILLER = frozenset({"the", "of", "for", "on", "and", "in", "to"})


def _fold_mechanisms(findings: list[Finding], vocab: Vocabulary) -> list[Finding]:
    """A standing body named shorter ("the Steering Committee", "the Steering Committee for Bilateral
    Cooperation") is the one body the article names in full ("the Steering Committee for Chile – Peru Bilateral
    Cooperation"): the longest capitalised body with all its words (countries aside), when every other such
    body is inside that one."""
    def words(f: Finding) -> tuple[int, set[str]]:
        tokens = [w for w in re.findall(r"[\w'’-]+", f.fields["name"].lower()) if w not in _MECHANISM_FILLER]
        return len(tokens), {w for w in tokens if not countries_in(w.title(), vocab=vocab)}
    bodies = sorted(((f, *words(f)) for f in findings if f.rule == "capitalised mechanism"), key=lambda b: b[1])
    dropped: set[int] = set()
    for f, n, ws in bodies:  # (the shortest first)
        hosts = [(g, gws) for g, gn, gws in bodies if gn > n and ws <= gws]
        if not ws or not hosts:
            continue
        host, host_words = max(hosts, key=lambda h: len(h[1]))
        if all(gws <= host_words for _g, gws in hosts):  # one body, however many of its names the text uses
            host.spans = sorted({*host.spans, *f.spans})
            if host.fields["year"] is None and f.fields["year"] is not None:
                host.fields["year"] = f.fields["year"]
                host.label = f"{host.fields['name']} ({host.fields['year']})"
            dropped.add(id(f))
    return [f for f in findings if id(f) not in dropped]


class AgreementExtractor:
    """Agreements, partnerships, mechanisms and themed years, with their parties and year."""

    name = "agreements"
    reads = ("sentences", "dates", "agreement candidates")
    produces = "agreement"

    def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]:
        return extract_agreements(doc, lexicon=lexicon)
