"""Who made a statement: the subject of a speech verb, resolved to a person when it is one.

A speaker is written in one of four ways, and resolved as follows:

- a person the document's ``PeopleIndex`` knows ("Ines Ferreira", "Son", "the
  ambassador" resolved by people.py): ``person`` is the canonical name;
- a name people.py did not take for a person ("Mr. Burman", "Caddell",
  "Ghana's Foreign Ministry", "The New York Times", "Russia"): ``person``
  is None, ``name`` is the name as written;
- a noun phrase headed by a word for someone who speaks ("a government
  spokesman", "police officials", "one source close to the talks"): as written;
- a pronoun ("he", "she", "they"): the speaker, or else the first person, of
  the nearest earlier sentences; as written when nothing resolves it.

Subjects are found before the verb ("X said", "X, a former minister, said",
"X on Monday said") or after it ("…,” said X", "…, says X, who …"), and after
"according to". The words come from ``data/lexicon/speech_verbs.json``. Quotes
use this module; statistics' ``according_to`` can use it the same way.
"""

from __future__ import annotations

import bisect
import dataclasses
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from bilateral.core.model import Sentence
from bilateral.ingest.findings import Mention, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.people import name_after_titles


def lexicon() -> Mapping[str, Any]:
    """The default lexicon's speech words (``data/lexicon/speech_verbs.json``)."""
    return default_lexicon().speech


def _trie_pattern(words: list[str]) -> str:
    """One regex alternation for a word list, shared prefixes factored out (fast in ``re``)."""
    trie: dict[str, Any] = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        ends = "" in node
        branches = [(re.escape(ch) if ch != " " else r"\s+") + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return "(?:" + body + ")?" if ends else body

    return emit(trie)


def verb_pattern(*groups: str, lexicon: Lexicon | None = None) -> str:
    """One regex alternation for the speech verbs of ``groups`` ("core", "tag", …) of a lexicon."""
    speech = (lexicon or default_lexicon()).speech
    words = sorted({w for g in groups for w in speech[g]})
    return _trie_pattern(words)


@dataclass(frozen=True)
class Speaker:
    name: str  # as resolved: the person's canonical name, else the words as written
    person: str | None  # canonical name when the speaker is a person of the PeopleIndex
    start: int  # where the subject is written
    end: int
    how: str  # "person", "name", "nominal", "pronoun"
    plural: bool = False


# A token: a word (with inner apostrophes, dots, hyphens: O’Neill, U.S., Holtz-Eakin), a party tag
# "(R-Ohio)", or a punctuation mark.
_TOKEN = re.compile(r"\([A-Z][A-Za-z.]*-[A-Z][\w. ]{0,12}\)|\w(?:[\w’'.&-]*\w)?\.?|[,;:()—–\"“”‘’]")
#: ", who also said": a relative clause's verb, whose subject is the phrase before the comma
WHO_BEFORE = re.compile(r",\s*who\s+(?:(?:also|later|then|has|had|have|previously|repeatedly|once|often)\s+)*$")
#: "Officials who spoke on condition of anonymity said": a restrictive relative clause of a few words, with
#: no comma, quotation mark or clause break, between a subject and its verb
_RESTRICTIVE_WHO = re.compile(r"\s+who\s+[a-z]+\s+(?:[^\s,;:\"“”()—–]+\s+){0,9}$")
#: an age before a noun: "the 34-year-old farmer", "a forty-year-old trader"
_AGE = re.compile(r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)-year-old")
# A dash that sets off a parenthesis: "--" or an en or em dash between spaces or words.
_DASH = re.compile(r"\s*(?:--|—|\s–\s)\s*")
_DASH_END = re.compile(r"\s*(?:--|—|\s–)$")
#: what joins a speaker noun to its complement: "experts on …", "analysts at …", "officials familiar with …"
_COMPLEMENT_PREPOSITIONS = {"on", "at", "with", "from", "in", "of", "for", "to"}
_DETERMINERS = {"a", "an", "the", "one", "his", "her", "its", "their", "our", "my", "several", "some", "many",
                "both", "all", "two", "three", "four", "five", "most", "other", "another", "these", "those",
                "this", "that"}
_PREPOSITIONS = {"with", "of", "by", "to", "from", "for", "about", "at", "between", "on", "against", "toward",
                 "towards", "like", "than", "met", "meeting", "invited", "visited", "in", "into", "over", "under",
                 "among", "after", "before", "told", "asked", "called", "urged", "per", "via", "without",
                 "amid", "during", "behind", "thank", "thanked"}
_GAP_WORDS = {
    "also", "further", "then", "later", "again", "once", "repeatedly", "has", "have", "had", "would", "will",
    "did", "does", "do", "is", "was", "were", "are", "previously", "publicly", "reportedly", "earlier", "recently",
    "today", "yesterday", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "on", "last", "this", "week", "month", "year", "night", "morning", "afternoon", "evening",
    "himself", "herself", "themselves", "only", "both", "all", "often", "always", "never", "first", "now",
    "still", "even", "just", "already", "separately", "too", "initially", "privately",
    "long", "since", "in", "a", "an", "the", "statement", "interview", "written", "at", "press",
    "conference", "briefing", "news", "meeting",
}
#: the capitalised gap words: "Ferreira on Monday said"
_WEEKDAYS = frozenset(("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"))
#: the nouns of the gap words, which a preposition before them makes part of a gap ("in a statement")
_GAP_NOUNS = {"statement", "interview", "conference", "briefing", "meeting"}
_AFTER_SUBJECT = re.compile(r"\s*(?:$|[,.;:!?(—–)\"“”«]|''|(?:in|on|at|during|who|whose|which|adding|speaking|"
                            r"referring|when|after|before|last|this|yesterday|today|told|to|of|about|while|"
                            r"as|and\s+(?:added|said|noted|called))\b)")
_COURTESY = {"mr", "mrs", "ms", "dr", "sen", "rep", "gov", "gen", "lt", "col", "prof", "rev", "sgt", "adm", "capt",
             "maj", "supt", "insp", "amb", "the"}
_TITLE_WORD = re.compile(r"[A-Z(][\w()’'.-]*")
_POSSESSIVE = re.compile(r"\w[\w.-]*['’]s")
_PARTY_TAG = re.compile(r"\([A-Z][A-Za-z.]*-[A-Z]")


def _plural(word: str) -> bool:
    w = word.lower()
    return (w.endswith("s") and not w.endswith(("ss", "us", "'s", "’s"))) or w in {"people", "police", "men",
                                                                                    "women", "staff", "media"}


# a title whose full stop a sentence splitter may take for the sentence's end
_TITLE_END = re.compile(r"(?<![\w.])(?:Rev|Gen|Adm|Capt|Maj|Sgt|Supt|Insp|Amb|Fr|Msgr|Cmdr|Lt|Col)\.$")


#: the word right before a name ("Mr ", "Ms. ", "Datin Seri "): a courtesy title may tell his or her sex
_WORD_BEFORE = re.compile(r"(?<![\w.])((?:[A-Z][\w.]*\s)?[A-Z][\w.]*)\s+$")
#: ", her Korean counterpart" after a name: "her" points back at the person named before it
_POSSESSIVE_BACK = re.compile(r",\s+(his|her)\s+(?:[A-Z][\w'’-]*\s+)?(?:counterpart|host|guest|deputy|predecessor|"
                              r"successor|colleague|boss|aide|adviser|advisor)\b")
# the writer's contact with a source: "the experts I interviewed", "officials we spoke to"
_CONTACT_VERBS = frozenset({"interviewed", "contacted", "consulted", "surveyed", "asked", "polled", "spoke", "talked"})


class SpeakerResolver:
    """Finds and resolves the speakers of one document's statements."""

    def __init__(self, text: str, sentences: list[Sentence], people: PeopleIndex,
                 quoted: list[tuple[int, int]], lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or default_lexicon()
        lex = self.lexicon.speech
        self.text = text
        self.sentences = sentences
        self._sent_starts = [s.start for s in sentences]
        self.quoted = sorted(quoted)
        self._q_starts = [q[0] for q in self.quoted]
        self.nouns = set(lex["speaker_nouns"])
        # one-word lower-case particles inside names ("de", "dela", "van", "bin")
        self.particles = {p for p in (self.lexicon.people_names or {}).get("name_particles", []) if " " not in p}
        self.modifiers = set(lex["modifiers"]) | self.nouns
        self.not_speakers = set(lex["not_speakers"])
        self.mentions = sorted((m for m in people.mentions if not self.inside_quote(m.start, m.end)),
                               key=lambda m: (m.start, m.end))
        self._m_starts = [m.start for m in self.mentions]
        self._m_by_end: dict[int, Mention] = {}
        self._m_by_start: dict[int, Mention] = {}
        for m in self.mentions:
            self._m_by_end.setdefault(m.end, m)
            self._m_by_start.setdefault(m.start, m)
        self.spoke: dict[int, Speaker] = {}  # sentence index -> speaker of a statement there
        self._tok_cache: dict[int, tuple[list[tuple[int, int, str]], list[int]]] = {}
        self._genders: dict[str, str] | None = None

    # -- helpers

    def inside_quote(self, start: int, end: int) -> bool:
        i = bisect.bisect_right(self._q_starts, start) - 1
        return i >= 0 and self.quoted[i][1] >= end

    def mentions_in(self, start: int, end: int) -> list[Mention]:
        i = bisect.bisect_left(self._m_starts, start)
        out = []
        while i < len(self.mentions) and self.mentions[i].start < end:
            if self.mentions[i].end <= end:
                out.append(self.mentions[i])
            i += 1
        return out

    def sentence_index(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._sent_starts, offset) - 1)

    def _tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Tokens lying inside [start, end), read once per sentence."""
        i = self.sentence_index(start)
        sent = self.sentences[i] if self.sentences else None
        if sent is None or not (sent.start <= start and end <= sent.end):
            return [(start + m.start(), start + m.end(), m.group()) for m in _TOKEN.finditer(self.text[start:end])]
        cached = self._tok_cache.get(i)
        if cached is None:
            toks = [(sent.start + m.start(), sent.start + m.end(), m.group())
                    for m in _TOKEN.finditer(self.text[sent.start:sent.end])]
            cached = (toks, [t[0] for t in toks])
            self._tok_cache[i] = cached
        toks, starts = cached
        lo = bisect.bisect_left(starts, start)
        hi = bisect.bisect_left(starts, end, lo)
        while hi > lo and toks[hi - 1][1] > end:
            hi -= 1
        return toks[lo:hi]

    def _through_title(self, sent: Sentence) -> Sentence:
        """A sentence cut after a title the splitter took for a full stop ("…," said the Rev. | Jane Roe.)
        read on into the next sentence of its paragraph."""
        i = self.sentence_index(sent.start)
        if not _TITLE_END.search(self.text, max(sent.start, sent.end - 8), sent.end) or i + 1 >= len(self.sentences):
            return sent
        nxt = self.sentences[i + 1]
        if nxt.passage != sent.passage:
            return sent
        return dataclasses.replace(sent, end=nxt.end, text=self.text[sent.start:nxt.end])

    def _is_name_word(self, w: str) -> bool:
        bare = w.rstrip(".")
        return bool(bare) and bare[:1].isupper() and bare not in self.not_speakers and w not in self.not_speakers \
            and bare.lower() not in _COURTESY

    # -- the subject before a verb

    def before(self, sent: Sentence, verb_start: int) -> Speaker | None:
        """The subject of the verb at ``verb_start``: "X said", "X, who …, said", "X on Monday said", "X --
        the chief executive of … -- told"."""
        who = WHO_BEFORE.search(self.text, sent.start, verb_start)
        if who is not None:
            # "… met Premier Li Qiang, who told reporters …": the relative's antecedent speaks
            m = self._m_by_end.get(who.start())
            if m is not None and m.start >= sent.start:
                return Speaker(m.name, m.name, m.start, who.start(), "person")  # an object too ("met X, who")
            antecedent = self.before(sent, who.start())
            return antecedent if antecedent is not None and antecedent.how != "pronoun" else None
        restricted = self._restricted_subject(sent, verb_start)
        if restricted is not None:
            return restricted
        opening = self._dash_opening(sent, verb_start)
        if opening is not None:
            found = self.before(sent, opening)
            described = found is not None and (found.how == "nominal" or self.text[found.start].islower())
            comma = self.text.rfind(",", sent.start, found.start) if described else -1
            if comma >= 0 and not self.text[comma + 1:found.start].strip():
                # "Jane Doe, the chief executive of Acme -- …, -- told": the person the description is of
                named = self.before(sent, comma)
                if named is not None and named.how in ("person", "name"):
                    return named
            return found
        k = verb_start
        while k > sent.start and self.text[k - 1] == " ":
            k -= 1
        m = self._m_by_end.get(k)
        # the common case, a person's name right before the verb ("Ferreira said"): no tokens needed
        if m is not None and m.start >= sent.start and k < verb_start \
                and not self._object_before(sent.start, m.start) and not self._joint(sent, m.start):
            return Speaker(m.name, m.name, m.start, k, "person")
        toks, j = self._lead_tokens(max(sent.start, verb_start - 90), verb_start)
        if j < 0:
            return None
        if toks[j][2] == ",":
            # a subject set off by commas may start far back: read a longer stretch
            far = max(sent.start, verb_start - 200)
            if far < toks[0][0]:
                toks, j = self._lead_tokens(far, verb_start)
            return self._before_comma(sent, toks, j)
        return self._np_ending(sent, toks, j)

    def _restricted_subject(self, sent: Sentence, verb_start: int) -> Speaker | None:
        """ "Officials who spoke on condition of anonymity said": the subject before a restrictive relative
        clause, named with the clause when that is what says who they are ("People who know him")."""
        restrictive = _RESTRICTIVE_WHO.search(self.text, sent.start, verb_start)
        if restrictive is None:
            return None
        antecedent = self.before(sent, restrictive.start())
        if antecedent is None or antecedent.how not in ("nominal", "name") or antecedent.end != restrictive.start():
            return None
        if antecedent.person is not None or sum(w[:1].isupper() for w in antecedent.name.split()) > 1:
            return antecedent  # a name says who it is
        end = sent.start + len(self.text[sent.start:verb_start].rstrip())
        return dataclasses.replace(antecedent, name=" ".join(self.text[antecedent.start:end].split()), end=end)

    def _dash_opening(self, sent: Sentence, verb_start: int) -> int | None:
        """Where a parenthesis set off by dashes opens, when one closes right before the verb."""
        lead = self.text[sent.start:verb_start].rstrip()
        close = _DASH_END.search(lead)
        if close is None:
            return None
        inner = lead[:close.start()]
        opens = [m.start() for m in _DASH.finditer(inner)]
        return sent.start + opens[-1] if opens and opens[-1] > 0 else None

    def _lead_tokens(self, floor: int, verb_start: int) -> tuple[list[tuple[int, int, str]], int]:
        """Tokens before a verb, and the last one that is not a gap word ("Ferreira on Monday said", "the
        ministry also said"), or the noun a gap word would be when no preposition makes it one ("A Chilean
        statement said"); capitalised words other than weekdays are never skipped, they may be the subject itself."""
        toks = self._tokens(floor, verb_start)
        j = len(toks) - 1
        skipped = 0
        noun = -1  # the last noun of a gap phrase skipped ("in a statement"), which only a preposition makes one
        while j >= 0 and (toks[j][2][:1].islower() or toks[j][2] in _WEEKDAYS) and (
                toks[j][2].lower() in _GAP_WORDS or toks[j][2].endswith("ly")) and skipped < 6:
            if toks[j][2] in _GAP_NOUNS:
                noun = max(noun, j)
            elif toks[j][2] in ("in", "at", "on"):
                noun = -1
            j -= 1
            skipped += 1
        if j >= 0 and toks[j][2] in ("In", "At", "On"):
            noun = -1  # "In a statement posted …": a gap phrase opening the sentence
        # "A shorter Chilean statement said": the noun heads the subject ("The ministry in a statement said" skips it)
        return toks, max(j, noun)

    def _before_comma(self, sent: Sentence, toks: list[tuple[int, int, str]], j: int) -> Speaker | None:
        """A subject set off by commas before its verb: "Rendell, a Clinton surrogate, said",
        "Greece's deputy minister, Eleni Markou, said", "Mr. King, 82, told"."""
        inner = self._np_ending(sent, toks, j - 1, allow_lead_comma=True) if j > 0 else None
        # the comma that opens the parenthetical
        k = j - 1
        depth = 0
        while k >= 0:
            w = toks[k][2]
            if w in ("“", "”", '"', ";", ":"):
                return None
            if w == ",":
                outer = self._np_ending(sent, toks, k - 1) if k > 0 else None
                if outer is not None:
                    if inner is not None and ((inner.how in ("person", "name") and outer.how == "nominal")
                                              or (inner.how == "person" and outer.how == "name")):
                        return inner  # "Kenya's minister, Jane Doe, said", "Egypt's Minister of Planning, Dr. …"
                    return self._described(sent, outer) or outer
                depth += 1
                if depth > 3:
                    break
            k -= 1
        if inner is not None and inner.how == "person":
            return inner  # "Greece's deputy minister for trade, Eleni Markou, said"
        return None

    def _described(self, sent: Sentence, nominal: Speaker) -> Speaker | None:
        """The person a description set off by a comma is of: "João dos Santos, the commissioner for trade,
        customs and free movement, said" (the commas of a list inside the description are not its end)."""
        if nominal.how != "nominal":
            return None
        comma = self.text.rfind(",", sent.start, nominal.start)
        if comma < 0 or self.text[comma + 1:nominal.start].strip():
            return None
        m = self._m_by_end.get(comma)
        return self._person_speaker(sent, m, comma) if m is not None and m.start >= sent.start else None

    def _np_ending(self, sent: Sentence, toks: list[tuple[int, int, str]], j: int,
                   allow_lead_comma: bool = False) -> Speaker | None:
        """The noun phrase whose last token is toks[j], if it can speak; or the one a complement ends
        ("experts on Andean trade policy", "analysts at the Lowy Institute", "officials familiar with
        the talks")."""
        return (self._np_head(sent, toks, j, allow_lead_comma) or self._with_complement(sent, toks, j)
                or self._contacted(sent, toks, j))

    def _contacted(self, sent: Sentence, toks: list[tuple[int, int, str]], j: int) -> Speaker | None:
        """A speaker noun the writer reached, as one nominal speaker: "all the experts I interviewed",
        "officials we spoke to", "diplomats I talked with"."""
        k = j - 1 if toks[j][2].lower() in ("to", "with") else j
        if k < 2 or toks[k][2].lower() not in _CONTACT_VERBS or (k < j) != (toks[k][2].lower() in ("spoke", "talked")):
            return None
        if toks[k - 1][2] not in ("I", "we") or toks[k - 2][2].lower() not in self.nouns:
            return None
        head = self._np_head(sent, toks, k - 2)
        if (head is None or head.how == "name") and toks[k - 2][0] == sent.start:  # "Officials we spoke to said"
            head = Speaker(toks[k - 2][2], None, sent.start, toks[k - 2][1], "nominal", True)
        if head is None or head.how != "nominal":
            return None
        phrase = head.name + self.text[toks[k - 2][1]:toks[j][1]]
        return Speaker(" ".join(phrase.split()), None, head.start, toks[j][1], "nominal", head.plural)

    def _with_complement(self, sent: Sentence, toks: list[tuple[int, int, str]], j: int) -> Speaker | None:
        """A speaker noun with a prepositional complement before the verb, as one nominal speaker."""
        for k in range(j - 1, max(0, j - 7), -1):
            w = toks[k][2].lower()
            if not re.fullmatch(r"[\w’'.&-]+", w):
                return None  # a comma or a quote mark: no complement runs across it
            if w not in _COMPLEMENT_PREPOSITIONS:
                continue
            h = k - 2 if w in ("with", "to") and k >= 2 and toks[k - 1][2].lower() in ("familiar", "close") else k - 1
            if h < 0 or toks[h][2].lower() not in self.nouns:
                return None
            head = self._np_head(sent, toks, h)
            opening = head is not None and head.start == toks[h][0] == sent.start  # "Experts on …" opens it
            if head is None or (head.how != "nominal" and not opening):
                return None
            phrase = head.name + self.text[toks[h][1]:toks[j][1]]
            return Speaker(" ".join(phrase.split()), None, head.start, toks[j][1], "nominal", head.plural)
        return None

    def _np_head(self, sent: Sentence, toks: list[tuple[int, int, str]], j: int,
                 allow_lead_comma: bool = False) -> Speaker | None:
        """The noun phrase whose last token is toks[j], if it can speak."""
        if j < 0:
            return None
        if _PARTY_TAG.match(toks[j][2]):
            j -= 1  # "Sen. Jane Roe (D-Ohio)"
            if j < 0:
                return None
        hs, he, head = toks[j]
        low = head.lower()
        m = self._mention_ending(hs, he, head)
        if m is not None:
            return self._person_speaker(sent, m, he)
        if low in ("he", "she", "they"):
            if self._object_before(sent.start, hs):
                return None
            return self.pronoun(hs, low)
        if low == "it":
            return self._it(hs)  # "The ministry … . It said …", "…, it says, …"
        if head in self.not_speakers or head.rstrip(".") in self.not_speakers:
            return None
        is_name = self._is_name_word(head) and not head.endswith(("’s", "'s"))
        if not is_name and low not in self.nouns and not re.fullmatch(r"\d+-year-old", low):
            return None
        start, det = self._phrase_start(toks, j, is_name, low)
        words = self._phrase_words(toks, j, start)
        if not words:
            return None
        start = words[0][0]
        if self._object_before(sent.start, start):
            return None
        phrase = " ".join(self.text[start:he].split())
        if phrase.startswith(("The ", "A ", "An ", "One ")) and len(words) > 1 and not self._is_name_word(words[1][2]):
            phrase = phrase[0].lower() + phrase[1:]
        if not is_name:
            return self._nominal_speaker(phrase, words, start, he, head, det)
        return self._name_speaker(sent, phrase, words, start, hs, he, head)

    def _mention_ending(self, hs: int, he: int, head: str) -> Mention | None:
        """A person the document knows whose mention ends at the token [hs, he)."""
        m = self._m_by_end.get(he) or self._m_by_end.get(he - 1 if head.endswith(".") else he)
        if m is None:
            inside = self.mentions_in(hs - 60, he)
            m = next((x for x in inside if x.start <= hs and he <= x.end + 1), None)
        return m

    def _person_speaker(self, sent: Sentence, m: Mention, he: int) -> Speaker | None:
        """A known person as the subject, unless the object of something before or a possessive
        ("Ferreira's office said"); "X and Y said" is the two of them."""
        if self._object_before(sent.start, m.start):
            return None
        if re.match(r"['’]s\b", self.text[m.end:m.end + 2]):
            return None
        joint = self._joint(sent, m.start)
        if joint:
            return Speaker(f"{joint[0]} and {m.name}", None, joint[1], he, "name", True)
        return Speaker(m.name, m.name, m.start, he, "person")

    def _phrase_start(self, toks: list[tuple[int, int, str]], j: int, is_name: bool,
                      low: str) -> tuple[int, bool]:
        """(where the noun phrase ending at toks[j] begins, whether a determiner opens it): leftwards over
        names, possessives, modifiers, "of"/"and"/"for" between nouns, and one unknown adjective."""
        start = toks[j][0]
        k = j - 1
        n = 0
        unknown = 0
        det = False
        while k >= 0 and n < 9:
            w = toks[k][2]
            wl = w.lower()
            if w in self.not_speakers and wl not in _DETERMINERS:
                break
            if wl in _DETERMINERS:
                start = toks[k][0]
                det = True
                if k >= 2 and toks[k - 1][2].lower() in ("of", "for", "at", "from") and (
                        toks[k - 2][2].lower() in self.nouns):
                    k -= 1  # "a spokesperson for the European Commission": the phrase goes on to its head
                    n += 1
                    continue
                if k >= 1 and toks[k - 1][2] in ("the", "The") and wl not in ("the", "a", "an"):
                    start = toks[k - 1][0]  # "the two governments", "the other side"
                break
            joins = self._joins_phrase(toks, k, is_name, low)
            if joins is False:
                break
            if joins:
                start = toks[k][0]
                k -= 1
                n += 1
                continue
            if wl.isalpha() and wl.islower() and not is_name and k > 0 and unknown < 1 and (
                    toks[k - 1][2].lower() in _DETERMINERS or _POSSESSIVE.fullmatch(toks[k - 1][2])):
                # one adjective the lexicon lacks, between a determiner or possessive and the head
                # ("Kenya's central bank", "the rival campaign")
                unknown += 1
                start = toks[k][0]
                k -= 1
                n += 1
                continue
            break
        return start, det

    def _joins_phrase(self, toks: list[tuple[int, int, str]], k: int, is_name: bool, low: str) -> bool | None:
        """Does toks[k] belong to the noun phrase after it: a name word, a possessive, a modifier, a count of
        "percent"/"voters", "of"/"and"/"for" between nouns, a party tag or a particle inside a name (True);
        does it end the phrase (False: a connector with no noun or name before it); or neither (None)."""
        w = toks[k][2]
        wl = w.lower()
        if not (self._is_name_word(w) or _POSSESSIVE.fullmatch(w) or wl in self.modifiers
                or (re.fullmatch(r"\d[\d.,]*", w) and low in ("percent", "voters", "people", "respondents"))
                or wl in ("of", "and", "for") or _PARTY_TAG.match(w) or (w in self.particles and is_name)
                or _AGE.fullmatch(wl)):
            return None
        before = toks[k - 1][2] if k > 0 else ""
        if w in self.particles and is_name and not self._is_name_word(before):
            return False  # "Banco de México", "Mr dela Cruz": a particle between two words of a name
        # "of", "and", "for" only between nouns or names
        return wl not in ("of", "and", "for") or self._is_name_word(before) or before.lower() in self.nouns

    @staticmethod
    def _phrase_words(toks: list[tuple[int, int, str]], j: int, start: int) -> list[tuple[int, int, str]]:
        """The phrase's tokens from ``start`` to its head, connectors trimmed off the left edge."""
        words = [t for t in toks[:j + 1] if t[0] >= start]
        while words and words[0][2].lower() in ("of", "and", "for", "in", "out", "than", "about", "more", "per"):
            words = words[1:]
        return words

    def _nominal_speaker(self, phrase: str, words: list[tuple[int, int, str]], start: int, he: int, head: str,
                         det: bool) -> Speaker | None:
        """A noun phrase headed by a word for someone who speaks ("a government spokesman")."""
        low = head.lower()
        # a bare singular noun is no speaker ("official said" is a headline's shorthand; "process said" no)
        caps = any(self._is_name_word(w) or w.endswith(("’s", "'s")) for _, _, w in words[:-1])
        if not (det or caps or _plural(head) or low == "percent"):
            return None
        if low == "percent" and not any(w.isdigit() for _, _, w in words):
            return None
        # a possessive person inside ("Obama's former strategist") stays a description
        return Speaker(phrase, None, start, he, "nominal", _plural(head))

    def _name_speaker(self, sent: Sentence, phrase: str, words: list[tuple[int, int, str]], start: int,
                      hs: int, he: int, head: str) -> Speaker:
        """A capitalised run with no known person: an organisation, a country or a person people.py missed
        (by a word of a person named earlier, or a name written in full before)."""
        inner = [x for x in self.mentions_in(start, he) if x.end == he]
        if inner:
            return Speaker(inner[0].name, inner[0].name, start, he, "person")
        # "Minister Jane Roe of Peru said": the person the phrase opens with, and what she is of
        of = next((x for x in self.mentions_in(start, he) if _OF_AFTER.match(self.text, x.end)), None)
        if of is not None:
            return Speaker(of.name, of.name, start, he, "person")
        if all(not self._is_name_word(w) for _, _, w in words[:-1]):
            owner = self._owner(head, hs)
            if owner is not None:
                return Speaker(owner, owner, start, he, "person")
            earlier = self._earlier_name(head, hs) if len(words) == 1 else None
            if earlier is not None:
                return Speaker(earlier, None, start, he, "name")
        joint = self._joint(sent, start)
        if joint:
            return Speaker(f"{joint[0]} and {phrase}", None, joint[1], he, "name", True)
        return Speaker(name_after_titles(phrase, self.lexicon), None, start, he, "name",
                       _plural(head) and len(words) == 1)

    def _owner(self, word: str, before: int) -> str | None:
        """A one-word name that is a word of exactly one person named earlier in full ("Long" for Le Hoai
        Long, a short form people.py leaves alone because it is also an English word)."""
        bare = word.rstrip(".").replace("’", "'")
        if len(bare) < 2:
            return None
        names = {m.name for m in self.mentions if m.start < before and " " in m.name
                 and bare in m.name.replace("’", "'").split()}
        return names.pop() if len(names) == 1 else None

    def _earlier_name(self, word: str, before: int) -> str | None:
        """A name that spoke before in full and is no person item ("Elmer Soto said …" … "Soto added …")."""
        bare = word.rstrip(".").replace("’", "'")
        names = {sp.name for sp in self.spoke.values() if sp.how == "name" and sp.start < before
                 and " " in sp.name and bare == sp.name.replace("’", "'").split()[-1]}
        return names.pop() if len(names) == 1 else None

    def _joint(self, sent: Sentence, start: int) -> tuple[str, int] | None:
        """"Both Mr. King and Mr. Schultz say": the first of two joined subjects."""
        lead = self.text[max(sent.start, start - 60):start]
        m = re.search(r"(?:^|\s)((?:[Bb]oth\s+)?(?:(?:Mr|Mrs|Ms|Dr|Sen|Rep|Gov)\.\s+)?[A-Z][\w’'.-]+"
                      r"(?:\s+[A-Z][\w’'.-]+){0,3})\s+and\s+$", lead)
        if not m:
            return None
        s = max(sent.start, start - 60) + m.start(1)
        if self._object_before(sent.start, s):
            return None
        first = re.sub(r"^[Bb]oth\s+", "", m.group(1))
        ms = [x for x in self.mentions_in(s, start) if x.end <= start]
        return (ms[0].name if len(ms) == 1 else first), s

    def _object_before(self, floor: int, start: int) -> bool:
        """Does a preposition (through title words) govern the phrase at start ("talks with Kofi Boateng")?"""
        lead = self.text[max(floor, start - 100):start]
        if not lead[-1:].isspace():
            return False
        words = lead.split()
        k = len(words) - 1
        while k >= 0 and (words[k] in ("of", "the", "and") or _TITLE_WORD.fullmatch(words[k])):
            k -= 1  # through the title words before a name
        if k < 0:
            return False
        word = words[k]
        if not word.isascii() or not word.isalpha():
            return False
        if word.lower() not in _PREPOSITIONS or (word[:1].isupper() and word.lower() not in ("with", "by")):
            return False
        # "Ambassador to Ghana Rui Lopes", "Secretary of State John Kerry": part of a title
        return not (word.lower() in ("to", "of", "and", "for") and k > 0 and words[k - 1][:1].isupper())

    # -- the subject after a verb

    def at_start(self, sent: Sentence, before: int) -> Speaker | None:
        """The subject opening a sentence ("Dean, a doctor, poked at …", "The ministry later …")."""
        lead = re.match(r"\s*(?:(?:But|And|So|Yet|Then|Later|Still|Meanwhile|However),?\s+)?", self.text[sent.start:before])
        start = sent.start + (lead.end() if lead else 0)
        word = re.match(r"(He|She|They)\b", self.text[start:before])
        if word:
            return self.pronoun(start, word.group(1).lower())
        return self.after(sent, start, loose=True)

    def after(self, sent: Sentence, verb_end: int, loose: bool = False) -> Speaker | None:
        """The subject of an inverted attribution: "…,” said Ferreira" / "…, says Jane Roe, an economist"."""
        sent = self._through_title(sent)
        toks = self._tokens(verb_end, min(sent.end, verb_end + 160))
        if not toks:
            return None
        phrase = self._subject_phrase(toks)
        if phrase is None:
            return None
        last_head, end = phrase
        follow = self.text[end:min(end + 12, sent.end)]
        if not (_AFTER_SUBJECT.match(follow) or (loose and re.match(r"\s+[a-z]", follow))
                or (last_head[2][:1].islower() and re.match(r"\s+(?:close\s+to|familiar\s+with|in|on|at|from|"
                                                            r"with|inside|within)\s", follow))):
            return None
        return self._speaker_of(sent, toks[0][0], end, last_head)

    def _subject_phrase(self, toks: list[tuple[int, int, str]]) -> tuple[tuple[int, int, str], int] | None:
        """The noun phrase the tokens open with, up to ten words of names, speaker nouns, modifiers and
        determiners: (its last head word, its end), or None when it has no head."""
        n = 0
        end = None
        last_head = None
        for i, (s, e, w) in enumerate(toks):
            wl = w.lower()
            if w == "," or w in ("(", ")", ";", ":", "—", "–", "“", "”", '"'):
                break
            if _PARTY_TAG.match(w):
                end = e
                continue
            if self._is_name_word(w) or wl in self.nouns:
                last_head = (s, e, w)
                end = e
            elif wl in self.modifiers or wl in _DETERMINERS or _POSSESSIVE.fullmatch(w) \
                    or (wl in ("of", "and", "for") and i + 1 < len(toks) and self._is_name_word(toks[i + 1][2])):
                if last_head is not None and wl not in ("of", "and", "for") and not _POSSESSIVE.fullmatch(w):
                    break
            else:
                break
            n += 1
            if n > 9:
                break
        if last_head is None or end is None:
            return None
        return last_head, end

    def _speaker_of(self, sent: Sentence, start: int, end: int, last_head: tuple[int, int, str]) -> Speaker | None:
        """The speaker the subject phrase [start, end) names: a person mentioned in it, the owner of a
        short name, a name, or a noun phrase ("a government spokesman")."""
        ms = self.mentions_in(start, end + 1)
        if ms:
            m = ms[-1]
            return Speaker(m.name, m.name, m.start, m.end, "person")
        if self.text[end - 1] == "." and not re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St)\.$",
                                                       self.text[start:end]):
            end -= 1  # the sentence's full stop, not an abbreviation's
        phrase = " ".join(self.text[start:end].split())
        words = phrase.split()
        if words and words[0] in ("The", "A", "An", "One") and len(words) > 1 and not words[1][:1].isupper():
            phrase = phrase[0].lower() + phrase[1:]
        if len(words) == 1 and (owner := self._owner(words[0], start)) is not None:
            return Speaker(owner, owner, start, end, "person")
        if len(words) == 1 and (earlier := self._earlier_name(words[0], start)) is not None:
            return Speaker(earlier, None, start, end, "name")
        if not self._is_name_word(last_head[2]):
            return self._nominal_after(sent, start, end, phrase, words, last_head[2].lower())
        if words and (words[0] in self.not_speakers or words[0].rstrip(".") in self.not_speakers) \
                and words[0] not in ("The",) and len(words) == 1:
            return None
        return Speaker(name_after_titles(phrase, self.lexicon), None, start, end, "name")

    def _nominal_after(self, sent: Sentence, start: int, end: int, phrase: str, words: list[str],
                       head: str) -> Speaker | None:
        """A speaker that is a noun phrase, with what places it ("one official close to the talks", "a
        source in the room"); a bare singular noun without a determiner is none."""
        post = re.match(r"\s+(?:close\s+to|familiar\s+with|in|on|at|from|with|inside|within)\s+"
                        r"(?:the\s+|a\s+|an\s+)?[\w’'-]+(?:\s+[\w’'-]+){0,3}?(?=\s*(?:[,.;:]|$))",
                        self.text[end:sent.end])
        if post:
            end += post.end()
            phrase = " ".join(self.text[start:end].split())
            if phrase.startswith(("The ", "A ", "An ", "One ")):
                phrase = phrase[0].lower() + phrase[1:]
        if not (words[0].lower() in _DETERMINERS or _plural(head) or len(words) > 1):
            return None
        return Speaker(phrase, None, start, end, "nominal", _plural(head))

    def according_to(self, sent: Sentence, start: int, limit: int | None = None) -> Speaker | None:
        """The source after "according to": a person, a name, or a noun phrase ("a new national poll"); its
        phrase ends by ``limit`` when given (before "put it" of "As Soto put it")."""
        stop = re.search(r"[,;:(—–]|\s(?:who|which|that|while|and\s+(?:the|a|an)\s)\b|$",
                         self.text[start:sent.end if limit is None else limit])
        end = start + (stop.start() if stop else 0)
        while end > start and self.text[end - 1] in " .\"”’":
            if self.text[end - 1] == "." and re.search(r"(?:\b[A-Z]\.)+$|\b(?:Jr|Sr|Inc|Co|Corp|Ltd|St)\.$",
                                                  self.text[start:end]):
                break
            end -= 1
        phrase = " ".join(self.text[start:end].split())
        if not phrase or len(phrase.split()) > 12:
            return None
        ms = [m for m in self.mentions_in(start, end) if not re.match(r"['’]s\b", self.text[m.end:m.end + 2])]
        if ms and ms[-1].end >= end - 1:
            return Speaker(ms[-1].name, ms[-1].name, ms[-1].start, ms[-1].end, "person")
        named = self._m_by_start.get(end + 2) if self.text[end:end + 2] == ", " else None
        if named is not None and named.end <= sent.end and not ms:
            # "according to the Lao Minister of Energy and Mines, Viengsay Keomany": the person the title names
            return Speaker(named.name, named.name, named.start, named.end, "person")
        first = phrase.split()[0]
        if first.lower() in ("him", "her", "them", "it", "this", "that", "these", "those", "which", "what"):
            return None
        if first.lower() in ("he", "she", "they"):
            return self.pronoun(start, first.lower())
        if phrase[:1].islower() and first.lower() not in _DETERMINERS and not _plural(phrase.split()[-1]) \
                and phrase.split()[-1].lower() not in self.nouns:
            return None
        return Speaker(name_after_titles(phrase, self.lexicon) if phrase[:1].isupper() else phrase, None, start, end,
                       "name" if phrase[:1].isupper() else "nominal",
                       _plural(phrase.split()[-1]))

    # -- pronouns

    def _it(self, offset: int) -> Speaker | None:
        """"it" for an organisation that spoke in this or the sentence before ("The ministry said … It added
        …"); nothing else ("it" is mostly a thing)."""
        i = self.sentence_index(offset)
        for j in (i, i - 1):
            sp = self.spoke.get(j)
            if sp is not None and sp.person is None and not sp.plural and sp.how in ("name", "nominal") \
                    and (j < i or sp.start < offset):
                return Speaker(sp.name, None, offset, offset + 2, "pronoun")
        return None

    def note(self, offset: int, speaker: Speaker) -> None:
        self.spoke[self.sentence_index(offset)] = speaker

    def pronoun(self, offset: int, word: str) -> Speaker:
        """he / she / they: the speaker, else the first person named, of the nearest earlier sentence; "he" is
        never a person the text tells is a woman, "she" never a man (see ``gender``)."""
        i = self.sentence_index(offset)
        end = offset + len(word)
        sent = self.sentences[i]
        want_plural = word == "they"
        here = [m for m in self.mentions_in(sent.start, offset) if self._fits(m.name, word)]
        if i in self.spoke and self.spoke[i].start < offset:
            sp = self.spoke[i]
            if sp.plural == want_plural and sp.how != "pronoun" and self._fits(sp.person, word):
                return Speaker(sp.name, sp.person, offset, end, "pronoun", want_plural)
        before = self.spoke.get(i - 1) if i > 0 else None
        if here and before is not None and before.person and not want_plural and not before.plural \
                and self.text[offset - 2:offset] == ", " and sent.passage == self.sentences[i - 1].passage \
                and self._fits(before.person, word):
            # "Haddad pointed out that …. Since then, the friendship forged by President Farouk … has
            # withstood the test, he said.": a tag after the words reported; the names in them are not its subject
            return Speaker(before.name, before.person, offset, end, "pronoun")
        if here and not want_plural:
            return Speaker(here[0].name, here[0].name, offset, end, "pronoun")
        for j in range(i - 1, max(-1, i - 5), -1):
            prev = self.sentences[j]
            if prev.source != sent.source:
                break
            sp = self.spoke.get(j)
            if sp is not None and (sp.plural == want_plural or (not want_plural and sp.how == "person")) \
                    and self._fits(sp.person, word):
                return Speaker(sp.name, sp.person, offset, end, "pronoun", want_plural)
            if not want_plural:
                found = [m for m in self.mentions_in(prev.start, prev.end) if self._fits(m.name, word)]
                if found:
                    return Speaker(found[0].name, found[0].name, offset, end, "pronoun")
        return Speaker(self.text[offset:end], None, offset, end, "pronoun", want_plural)

    def _fits(self, person: str | None, word: str) -> bool:
        """Whether "he" or "she" may be ``person`` (anyone the text tells nothing of may be either)."""
        gender = self.gender(person) if person and word in ("he", "she") else None
        return gender is None or gender == ("m" if word == "he" else "f")

    def gender(self, person: str) -> str | None:
        """Whether the text tells a person is a man ("m") or a woman ("f"): a courtesy title before a mention
        ("Mr Ilagan", "Ms Roe"), a word of the name some traditions give one sex ("Tran Thi Mai"), or a
        possessive that points back at them ("Commodore Roe and Colonel Lee, her counterpart, …")."""
        if self._genders is None:
            self._genders = self._read_genders()
        return self._genders.get(person)

    def _read_genders(self) -> dict[str, str]:
        words = (self.lexicon.titles or {}).get("gender_words") or {}
        before, inside = words.get("before", {}), words.get("inside", {})
        told: dict[str, set[str]] = {}
        for k, m in enumerate(self.mentions):
            lead = _WORD_BEFORE.search(self.text, max(0, m.start - 20), m.start)
            # (a title of two words, "Datin Seri", or the last of two: "Foreign Minister Ms Roe")
            g = (before.get(lead.group(1)) or before.get(lead.group(1).split()[-1])) if lead else None
            if g is None:
                g = next((inside[w] for w in self.text[m.start:m.end].split()[1:-1] if w in inside), None)
            if g is None and k > 0 and (back := _POSSESSIVE_BACK.match(self.text, m.end)) is not None \
                    and self.sentence_index(self.mentions[k - 1].start) == self.sentence_index(m.start):
                m = self.mentions[k - 1]  # "A and B, her counterpart": "her" is A
                g = "f" if back.group(1).lower() == "her" else "m"
            if g is not None:
                told.setdefault(m.name, set()).add(g)
        return {name: gs.pop() for name, gs in told.items() if len(gs) == 1}


# --- who a figure is according to (statistics' ``according_to``) ---------------------------------------
#
# A statistic is attributed to an institution named as its source ("according to the National Bureau of
# Statistics", "data from the central bank"), else to the speaker of its sentence ("…, Kowalczyk said",
# "she noted"), else to the person a paragraph opens with ("According to Son, …"). ``FigureSources`` is the
# one entry point; statistics.py calls it per sentence.


def _clean_source(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'")).strip(" ,.;")


_SRC_CHARS = r"(?:[A-Z]\.(?=[A-Z ])|[^,.;:()])"  # "U.S. Census Bureau": initials do not end the name
#: ", Fisheries and Forestry": a list that is part of a body's name ("Department of Agriculture, Fisheries and …")
_NAME_LIST = r"(?:,\s+(?:[A-Z][\w’'-]*\s+){0,3}?[A-Z][\w’'-]*(?=,|\s+and\s+[A-Z]))*(?:,?\s+and\s+[A-Z][\w’'-]*)?"
_FIGURE_ACCORDING = re.compile(r"\baccording to\s+(?P<src>" + _SRC_CHARS + r"+?(?:(?<=[A-Za-z])(?-i:" + _NAME_LIST
                               + r"))?)(?=\s*(?:[,.;:()]|$|\s+and\s+(?![A-Z])))", re.I)
_DATA_FROM = re.compile(r"\b(?:data|figures|statistics) (?:from|by|released by|published by)\s+(?P<src>(?:the\s+)?[A-Z]"
                        + _SRC_CHARS + r"+?)(?=\s*(?:[,.;:()]|$))")


#: a body named by its proper name alone ("according to Oxford Economics", "according to Itaipu Binacional"):
#: two or more capitalised words, "of"/"and"/"for" between them
_PROPER_SOURCE = re.compile(r"(?:[Tt]he\s+)?[A-Z][\w’'&.-]*(?:\s+(?:(?:of|and|for|de|do|da|du|des)\s+)?[A-Z][\w’'&.-]*)+")


def _sources(text: str, source_nouns: re.Pattern[str], people: frozenset[str] = frozenset()) -> list[tuple[int, int, str]]:
    """``people``: how the document writes its people, whose figures the speaker rules attribute by name."""
    found = []
    for pattern in (_FIGURE_ACCORDING, _DATA_FROM):
        for m in pattern.finditer(text):
            src = m.group("src").strip()
            if source_nouns.search(src) or (
                    pattern is _FIGURE_ACCORDING and _PROPER_SOURCE.fullmatch(src)
                    and not any(form in src for form in people)
                    and _FIGURE_TITLE_WORDS.isdisjoint(src.split())):  # "the Lao Minister of Energy, X": a person
                found.append((m.start(), m.end(), src.replace("’", "'")))
    return sorted(found)


_FIGURE_ACCORDING_PERSON = re.compile(r"^According to (?P<name>[A-Z][\w.’'-]*(?: [A-Z][\w.’'-]*){0,3}),")
_FIGURE_TITLE_WORDS = {
    "Minister", "Affairs", "Foreign", "Deputy", "Prime", "President", "General", "Secretary", "Ambassador",
    "Chairman", "Premier", "Vice", "Party", "State", "Mr", "Mrs", "Ms", "Dr", "Professor", "Spokesperson",
    "Director", "Governor", "Mayor", "Chief", "Head", "Senior", "Colonel", "Lieutenant", "Said", "The",
}


_FIGURE_NAME = r"[A-Z][\w’'-]+(?: (?:(?:de|del|de la|da|dos|van|von|der|al|bin|ibn|el|of|and) )?[A-Z][\w’'.-]+){0,3}"


@dataclass(frozen=True)
class _FigurePatterns:
    """Who reports a figure, from the lexicon's 'figures' and 'figures_institution' verbs (once per lexicon)."""

    said: re.Pattern[str]  # "…, Kowalczyk said", "she noted that"
    said_inverted: re.Pattern[str]  # "…, said Anna Kowalczyk"
    institution_said: re.Pattern[str]  # "the central bank said"


def _figure_patterns(lexicon: Lexicon) -> _FigurePatterns:
    # Verbs that report figures as someone's information; "announced", "stressed", "highlighted" present a
    # plan or a talking point, whose figures are the parties' own and stay unattributed.
    statement = "(?:" + lexicon.words("speech", "figures") + ")"
    return _FigurePatterns(
        said=re.compile(r"(?:^|,\s*|\b(?:which|that|and|but|as)\s+)(?P<name>" + _FIGURE_NAME + r"|[Hh]e|[Ss]he)"
                        r"(?:, (?:a|an|the) [^,]{3,80},)? " + statement + r"\b(?=[.,;]|\s+\S|\s*$)"),
        said_inverted=re.compile(r"\b" + statement + r" (?:[A-Z][\w’'-]*\s+){0,5}?"
                                 r"(?P<name>[A-Z][\w’'-]+(?: [A-Z][\w’'-]+){1,3})(?=\s*(?:[,.;]|$))"),
        institution_said=re.compile(r"(?:^|,\s*)(?P<src>(?:[Tt]he\s+)?(?:[A-Z][\w.’'-]*\s+){0,4}(?:[a-z]+\s+){0,2}?"
                                    r"[\w-]+)\s+(?:" + lexicon.words("speech", "figures_institution")
                                    + r")\b(?=[.,;]|\s+(?:in|on)\b|\s*$)"),
    )


_FIGURE_PRONOUNS = {"he", "she"}


def _figure_speaker(text: str, doc_text: str, source_nouns: re.Pattern[str], last: str | None,
                    p: _FigurePatterns) -> str | None:
    """"..., Kowalczyk said." / "Son noted that ..." / "she said" / "the central bank said": the figures are theirs."""
    for m in p.said.finditer(text):
        name = m["name"]
        if name.lower() in _FIGURE_PRONOUNS:
            if last:
                return last  # "She noted that …": the person last named as speaking
            continue
        if name in _FIGURE_TITLE_WORDS or name.split()[0] in ("The", "It", "They", "This", "That", "These", "Those"):
            continue
        if source_nouns.search(name):
            return _clean_source(name)  # "Statistics Canada said": an institution, kept as written
        return _full_name(name, doc_text)
    inst = p.institution_said.search(text)
    if inst and source_nouns.search(inst["src"]):
        return _clean_source(re.sub(r"^[Tt]he\s+", "", inst["src"]))
    return None


def _named_speaker(text: str, doc_text: str, p: _FigurePatterns) -> str | None:
    """The last person this sentence names as speaking, for a later "she said"."""
    found = None
    for pattern in (p.said, p.said_inverted):
        for m in pattern.finditer(text):
            name = m["name"]
            if name.lower() in _FIGURE_PRONOUNS or name.split()[0] in _FIGURE_TITLE_WORDS or name.split()[0] in ("It", "They"):
                continue
            found = _full_name(name, doc_text)
    return found


def _interviewee(text: str, doc_text: str, source_nouns: re.Pattern[str]) -> str | None:
    """"According to Son, ..." opening a paragraph: its figures are Son's; "Son" -> his full name in the text."""
    m = _FIGURE_ACCORDING_PERSON.match(text)
    if not m or source_nouns.search(m["name"]):
        return None
    return _full_name(m["name"], doc_text)


@lru_cache(maxsize=512)  # asked again for each sentence that names the same person
def _full_name(short: str, doc_text: str) -> str:
    """"Son" -> "Nguyen Van Son"; "Mesfin" -> "Mesfin Tadesse Gebremariam": the longest form the article uses."""
    best = short
    for before, after_text in _longer_forms(short, doc_text):
        words = before.split()
        titles = [i for i, w in enumerate(words) if w in _FIGURE_TITLE_WORDS]
        words = words[titles[-1] + 1:] if titles else words  # "Trade Minister Lucia" -> "Lucia"
        after = after_text.split()
        if after and (after[-1] in _FIGURE_TITLE_WORDS or not " ".join(after)[:1].isupper()):
            after = []
        if len(short.split()) > 1 or words:
            after = []  # a surname already has its given names before it
        candidate = " ".join([*words, short, *after])
        if len(candidate) > len(best):
            best = candidate
    return best


# A name's longer forms are the matches of ``((?:W ){0,3})SHORT((?: (?:de la |de |del |van |von )?W){0,2})\b``
# (W a capitalised word) in the article. That pattern is found here without being compiled per short
# name, and tried only where the short name occurs: compiling and running it over the whole text for
# each name was the larger part of the figures' sources, and evicted re's cache of static patterns.
_NAME_WORD = re.compile(r"[A-Z][\w’'-]+ ")  # one word before the short name, with its space
_NAME_TAIL = re.compile(r"((?: (?:de la |de |del |van |von )?[A-Z][\w’'-]+){0,2})\b")
_NAME_CHARS = "_’'-"  # besides letters and digits (``\w``), what a word W may hold


def _longer_forms(short: str, text: str) -> list[tuple[str, str]]:
    """(words before, words after) of each match of the pattern above, left to right and without
    overlaps, as ``re.finditer`` gives them."""
    found: list[tuple[str, str]] = []
    pos = 0
    for start in _form_starts(short, text):
        if start < pos:
            continue
        form = _form_at(short, text, start)
        if form is not None:
            found.append((form[0], form[1]))
            pos = form[2]
    return found


def _form_starts(short: str, text: str) -> list[int]:
    """Every offset where a match may start: each occurrence of ``short`` and each capital letter at
    most three words (of word characters, each followed by one space) before it."""
    starts: set[int] = set()
    at = text.find(short)
    while at >= 0:
        starts.add(at)
        i, spaces = at, 0
        while i > 0:
            c = text[i - 1]
            if c == " ":
                spaces += 1
                if spaces > 3:
                    break
            elif not (c.isalnum() or c in _NAME_CHARS):
                break
            i -= 1
            if "A" <= c <= "Z":
                starts.add(i)
        at = text.find(short, at + 1)
    return sorted(starts)


def _form_at(short: str, text: str, start: int) -> tuple[str, str, int] | None:
    """The match at ``start`` as the regex engine finds it: the most words before ``short`` (up to
    three) after which ``short`` and a tail follow; (words before, words after, end) or None."""
    ends = [start]
    for _ in range(3):
        word = _NAME_WORD.match(text, ends[-1])
        if word is None:
            break
        ends.append(word.end())
    for end in reversed(ends):
        if text.startswith(short, end):
            tail = _NAME_TAIL.match(text, end + len(short))
            if tail is not None:
                return text[start:end], tail.group(1), tail.end()
    return None


class FigureSources:
    """Who one document's figures are according to, sentence by sentence."""

    def __init__(self, doc_text: str, source_nouns: re.Pattern[str], lexicon: Lexicon | None = None,
                 people: PeopleIndex | None = None) -> None:
        self.doc_text = doc_text
        self.source_nouns = source_nouns  # words naming a body of data ("statistics", "bureau", "survey")
        self.patterns = (lexicon or default_lexicon()).derived("speakers.figures", _figure_patterns)
        self.people_forms = frozenset(doc_text[m.start:m.end] for m in people.mentions) if people else frozenset()

    def sources(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, source) of every "according to X" / "data from X" naming a data source in ``text``:
        a body of data, or a body by its proper name that is none of the document's people."""
        return _sources(text, self.source_nouns, self.people_forms)

    def speaker(self, text: str, last: str | None) -> str | None:
        """The person or institution a sentence reports as saying its figures; "she" is ``last``."""
        return _figure_speaker(text, self.doc_text, self.source_nouns, last, self.patterns)

    def named(self, text: str) -> str | None:
        """The last person this sentence names as speaking, for a later "she said"."""
        return _named_speaker(text, self.doc_text, self.patterns)

    def interviewee(self, text: str) -> str | None:
        """"According to Son, ..." opening a sentence: its figures are Son's, by his full name."""
        return _interviewee(text, self.doc_text, self.source_nouns)


# --- a pronoun subject of an event ("he visited …") -------------------------------------------------------

_EVENT_PRONOUN = re.compile(r"\b(?:he|his|she|her|him)\b", re.I)


_OF_AFTER = re.compile(r"\s+of\s")


def pronoun_person(text: str, start: int, end: int, sentence: Sentence, people: PeopleIndex,
                   floor: int, previous: Sequence[Sentence] = ()) -> str | None:
    """ "he/his" before or in [start, end + 10) of a sentence's ``text``: the nearest person mentioned
    before the sentence (and after ``floor``), for events. A "he" or "she" that is the sentence's subject
    (opening it, or after an opening phrase: "On May 4, she met …") is the subject of the sentence before
    (``previous``: the sentences before it in its paragraph, nearest first) when a person opens that one
    ("PM Lee paid a courtesy call on Mr Tan. He had met …" is Lee), or when that one's subject is such a
    pronoun too, the subject it stands for ("The Chilean leader laid a wreath. On May 4, he met Ana Soto. On
    May 5, he visited a port." is the leader both times)."""
    if not _EVENT_PRONOUN.search(text[:start]) and not _EVENT_PRONOUN.search(text[start:end + 10]):
        return None
    m = people.last_before(sentence.start, floor)
    subject = _SUBJECT_PRONOUN.match(text)
    if m is not None and subject:
        for before in previous:
            first = next((x for x in people.mentions if before.start <= x.start < before.end and x.start >= floor), None)
            if first is not None and _SUBJECT_LEAD.fullmatch(before.text, 0, first.start - before.start):
                return first.name
            earlier = _SUBJECT_PRONOUN.match(before.text)
            if earlier is None or earlier.group("pronoun").lower() != subject.group("pronoun").lower():
                break  # (the chain goes on through the same pronoun only: "she was greeted by X. He met …" is X)
    return m.name if m else None


#: a subject pronoun opening a sentence, or after an opening phrase set off by a comma ("On May 4, she")
_SUBJECT_PRONOUN = re.compile(r"\s*(?:[^,;:\"“”]{1,40},\s+)?(?P<pronoun>He|She|(?<=\s)he|(?<=\s)she)\b")
#: what may stand before a sentence's subject: an opening phrase set off by a comma, then a title
_SUBJECT_LEAD = re.compile(r"(?:[^,;:\"“”]{1,40},\s+)?(?:[A-Z][\w.]*\s+){0,4}")
