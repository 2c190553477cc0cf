"""Where an official is from, read from the company the article tells they keep.

In an article on two countries, a holder of an office whose country the text never writes beside the name
is still placed by what the text says they do:

- the people who accompany someone, or travel with them, are of that person's country ("President A,
  who is accompanied by Foreign Minister B and Commerce Minister C", "B, who travelled with A");
- someone met by "his Icelandic counterpart" is of the other country of the two ("Foreign Minister A and his
  Icelandic counterpart, B");
- a government official who visits, or arrives in, a place of one of the two countries is of the other
  ("Prime Minister A made an official visit to Iceland");
- a government official met by, or meeting, an official of one of the two, or chairing a body with one,
  is of the other ("President A held talks with Prime Minister B", "co-chaired by Deputy Prime Minister A
  and Icelandic Foreign Minister B").

Only people without a country are placed, and only from people placed already; nothing is placed in an
article that is not about two countries. The people reader (people.py) calls ``place_by_relations`` once
it has read every name, and passes what it knows; nothing here reads the lexicon itself.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Protocol

from bilateral.core.model import Sentence


class Placeable(Protocol):
    country: str | None
    roles: list[str]


#: "… accompanied by": the people named after it, up to what the host then does, are the host's company
_ACCOMPANIED = re.compile(r"\baccompanied\s+by\s")
_COMPANY_END = re.compile(r"[;:]|\b(?:said|says|told|tells|held|holds|met|meets|signed|signs|arrived|visited)\b")
#: ", who travelled with A": the person named right after it is the company of the one before
_TRAVELLED_WITH = re.compile(r",?\s+who\s+(?:had\s+|has\s+)?(?:travell?ed|flew|came|accompanied)\s+(?:here\s+)?(?:with\s+)?"
                             r"(?:(?:the|his|her)\s+)?(?:[A-Z][\w.'’-]*\s+){0,4}$")
#: "… and his Icelandic counterpart, ": the person named before it is of the other country
_COUNTERPART = re.compile(r"\b(?:his|her|their)\s+(?:[A-Z][\w'’-]+\s+)?counterparts?\s*,?\s*$")
#: "… made an official visit to Iceland", "… arrived in Oslo": where a government official goes
_VISIT = re.compile(
    r"(?:\s*,[^,;]{1,90},)?\s+(?:(?:made|paid|began|begins|started|starts|makes|pays|is\s+on|was\s+on|"
    r"(?:is|was)\s+paying|(?:is|was)\s+making)\s+"
    r"(?:an?|his|her|their)\s+(?:[\w-]+\s+){0,3}[Vv]isits?\s+to|visited|visits|arrived\s+in|arrives\s+in|"
    r"landed\s+in|flew\s+(?:in)?to|travell?ed\s+to)\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")
#: "… at the invitation of " after a visit, and the title (capitalised words, "of", "and", "the") before the
#: host's name: nothing else ("… of the Andean Community and met its Secretary-General X" is no host)
_AT_INVITATION = re.compile(r"\bat\s+the\s+invitation\s+of\s+")
_TITLE_WORDS = re.compile(r"(?:(?:the|of|and|for|[A-Z][\w'’-]*)\s+)*")
#: what two officials of the two countries do together, between the first's name and the second's title
#: ("… held talks with Prime Minister …", "…, who arrived on Monday, met visiting Icelandic Minister …")
_MEETING = re.compile(
    r"(?:\s*,?[^,;.]{1,90},)?\s+(?:(?:has|have|had|will|later|also|then|and)\s+)?"
    r"(?:(?:held|holds|hold|had|has)\s+(?:(?:official|bilateral|separate|phone|telephone)\s+)?(?:talks|a\s+meeting|"
    r"a\s+(?:tele)?phone\s+call)\s+with|met(?:\s+with)?|meets(?:\s+with)?|received|receives|hosted|hosts|"
    r"talked\s+with|spoke\s+(?:by\s+(?:tele)?phone\s+)?with)\s+"
    r"(?:(?:the|visiting|his|her|their|[A-Z][\w'’.-]*)\s+){0,8}")
#: "co-chaired by A and B": the two chairs of a body of two countries, one of each
_CO_CHAIRED_BY = re.compile(r"\bco-?chaired\s+by\s+(?:(?:[A-Za-z][\w'’.-]*|and)\s+){0,10}$")
_AND_TITLE = re.compile(r"\s+and\s+(?:(?:the|[A-Z][\w'’.-]*)\s+){0,8}")
#: an office of a government anywhere in a role ("Minister of …", "Energy Minister", "Foreign Ministry Spokesperson")
GOVERNMENT_OFFICE = re.compile(r"\b(?:President|Premier|Prime Minister|Minister|Secretary|Chancellor|"
                                r"Spokes(?:person|man|woman)|King|Queen|Sultan|Emir)\b")


def place_by_relations(text: str, sentences: Iterable[Sentence], mentions: Sequence[tuple[int, int, str, str]],
                       people: Mapping[str, Placeable], pair: tuple[str, str] | None,
                       country_of_place: Callable[[str], str | None]) -> None:
    """Give a country to the people ``mentions`` name (start, end, name, how) from the company they keep
    (see the module's docstring). ``pair`` is the article's two countries, ``country_of_place`` a place's
    country ("Reykjavik" -> Iceland, "Republic of Iceland" -> Iceland) or None."""
    if pair is None:
        return
    sentences = list(sentences)
    starts = [sent.start for sent in sentences]
    by_sentence: dict[int, list[tuple[int, int, str]]] = {}
    for s, e, name, how in sorted(mentions):
        i = bisect.bisect_right(starts, s) - 1  # the sentence the mention is in (one look-up, not a scan)
        if how != "role" and i >= 0 and s < sentences[i].end:
            by_sentence.setdefault(sentences[i].start, []).append((s, e, name))
    sents = [sent for sent in sentences if sent.start in by_sentence]
    for sent in sents:
        _visits(text, sent, by_sentence[sent.start], people, pair, country_of_place)
    for _ in range(2):  # (a company placed by a counterpart is placed in the second round)
        for sent in sents:
            here = by_sentence[sent.start]
            if len(here) > 1:
                _company(text, sent, here, people)
                _counterparts(text, here, people, pair)
                _meetings(text, sent, here, people, pair)


def _official(person: Placeable) -> bool:
    return any(GOVERNMENT_OFFICE.search(role) for role in person.roles)


def _other(pair: tuple[str, str], country: str | None) -> str | None:
    return pair[1] if country == pair[0] else pair[0] if country == pair[1] else None


def _visits(text: str, sent: Sentence, here: list[tuple[int, int, str]], people: Mapping[str, Placeable],
            pair: tuple[str, str], country_of_place: Callable[[str], str | None]) -> None:
    """A government official's visit to a place of one of the two countries: he is of the other one, and the
    official at whose invitation he comes is of that one ("… is paying an official visit to Iceland at the
    invitation of Minister of Trade Jon Berg")."""
    for _s, e, name in here:
        person = people[name]
        m = _VISIT.match(text, e, sent.end) if _official(person) else None
        if m is None:
            continue
        place = _place_country(m.group("place"), country_of_place)
        if person.country is None:
            person.country = _other(pair, place)
        invited = _AT_INVITATION.search(text, m.end(), sent.end) if place in pair else None
        at = next(((s, people[n]) for s, _e, n in here if invited and s >= invited.end()), None)
        if invited and at and at[1].country is None and _official(at[1]) \
                and _TITLE_WORDS.fullmatch(text, invited.end(), at[0]):
            at[1].country = place


def _place_country(place: str, country_of_place: Callable[[str], str | None]) -> str | None:
    """The country of the longest place the words open with ("Iceland on Monday" -> Iceland)."""
    words = place.split()
    for n in range(len(words), 0, -1):
        country = country_of_place(" ".join(words[:n]))
        if country is not None:
            return country
    return None


def _company(text: str, sent: Sentence, here: list[tuple[int, int, str]], people: Mapping[str, Placeable]) -> None:
    for m in _ACCOMPANIED.finditer(text, sent.start, sent.end):
        hosts = [name for _s, e, name in here if e <= m.start()]
        end = _COMPANY_END.search(text, m.end(), sent.end)
        company = [name for s, _e, name in here if m.end() <= s < (end.start() if end else sent.end)]
        if hosts and company:
            _share_country([hosts[-1], *company], people)
    for i, (_s, e, name) in enumerate(here[:-1]):
        nxt = here[i + 1]
        if _TRAVELLED_WITH.fullmatch(text, e, nxt[0]):
            _share_country([name, nxt[2]], people)


def _share_country(names: list[str], people: Mapping[str, Placeable]) -> None:
    """One country for a group that travels together: the one country its placed members have."""
    countries = {people[n].country for n in names} - {None}
    if len(countries) == 1:
        country = countries.pop()
        for n in names:
            if people[n].country is None:
                people[n].country = country


def _counterparts(text: str, here: list[tuple[int, int, str]], people: Mapping[str, Placeable],
                  pair: tuple[str, str]) -> None:
    for i, (s, _e, name) in enumerate(here[1:], start=1):
        m = _COUNTERPART.search(text, max(here[i - 1][1], s - 60), s)
        if m is None:
            continue
        first, second = people[here[i - 1][2]], people[name]
        if first.country is None and _official(first):
            first.country = _other(pair, second.country)
        elif second.country is None:
            second.country = _other(pair, first.country)


def _meetings(text: str, sent: Sentence, here: list[tuple[int, int, str]], people: Mapping[str, Placeable],
              pair: tuple[str, str]) -> None:
    """Two officials named next to each other who meet, or chair one body, are of the two countries."""
    for i in range(1, len(here)):
        (s1, e1, a), (s2, _e2, b) = here[i - 1], here[i]
        if _MEETING.fullmatch(text, e1, s2) or (
                _AND_TITLE.fullmatch(text, e1, s2) and _CO_CHAIRED_BY.search(text, max(sent.start, s1 - 120), s1)):
            first, second = people[a], people[b]
            if first.country is None and second.country in pair and _official(first):
                first.country = _other(pair, second.country)
            elif second.country is None and first.country in pair and _official(second):
                second.country = _other(pair, first.country)
