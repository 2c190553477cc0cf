"""People: who is named in a document, under which names, with which roles.

Three passes over the extractable sentences of one document:

1. full names — the curated gazetteer (``data/gazetteer/people.json``: canonical
   English name, native spelling, aliases) and, for people it lacks, title
   patterns ("Foreign Minister Penny Wong"), appositives ("Maria Ibarra, a senior
   fellow at a think tank") and speaker patterns ("..., said Penny Wong");
2. short forms of the people found — "Ibarra", "Wang" (names of the traditions
   that write the family name first are shortened as the lexicon says: by the
   last syllable or by the family name) and titled short forms ("Ambassador
   Wang", "President Okafor");
3. role references ("the ambassador", "the Polish leader") resolved to the
   one person of the document who holds that role (the most often named one
   when several do).

Matching runs on a length-preserving diacritic fold of the text, so "Nguyễn Thị Hà"
and "Nguyen Thi Ha" are the same name and every offset stays valid in the source.
"""

from __future__ import annotations

import bisect
import re
import string
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import pairwise
from typing import Any

from bilateral.core.folding import case_key, fold_same_length
from bilateral.core.model import Sentence
from bilateral.ingest.analysis import AnalysedDocument
from bilateral.ingest.findings import Finding, Mention, PeopleIndex
from bilateral.ingest.lexicon import Lexicon, default_lexicon
from bilateral.ingest.prefilter import by_first_character
from bilateral.ingest.relations import GOVERNMENT_OFFICE, place_by_relations
from bilateral.ingest.text import Document

# ---------------------------------------------------------------- folding


def fold(text: str) -> str:
    """Strip diacritics one character at a time, so offsets are unchanged ("Nguyễn Thị Hà" -> "Nguyen Thi Ha").

    Only the runs of characters beyond ASCII are folded (fold_same_length keeps ASCII as it is): a
    translation of the whole text looks every character up in its table, and a news article is
    almost all ASCII, with a few curly quotes and dashes."""
    if text.isascii():
        return text
    return _BEYOND_ASCII.sub(_fold_run, text)


_BEYOND_ASCII = re.compile(r"[^\x00-\x7f]+")


def _fold_run(m: re.Match[str]) -> str:
    return fold_same_length(m.group())


# ---------------------------------------------------------------- vocabulary


def _alternation(words: Iterable[str], *, any_case: bool = False) -> str:
    """``W1|W2|…`` for ``words``, the longest first, written as one branch per first character
    ("A(?:fghan|lbanian)|B(?:…)"): the regex engine tries at a place only the words starting with its
    character (a list of 180 titles or 160 nationalities was tried word by word at every word of a
    window). Words of different first characters never match at one place, so it finds what the plain
    alternation finds. ``any_case``: for a pattern matched under ``re.I``, where "M" and "m" are one
    first character (grouped so only if every word opens with an ASCII character, whose case ``re.I``
    folds as ``str.lower`` does)."""
    ordered = sorted(set(words), key=len, reverse=True)
    if not ordered or "" in ordered or (any_case and not all(w[0].isascii() for w in ordered)):
        return "|".join(re.escape(w) for w in ordered)
    groups: dict[str, list[str]] = {}
    for word in ordered:
        groups.setdefault(word[0].lower() if any_case else word[0], []).append(word[1:])
    return "|".join(re.escape(first) + "(?:" + "|".join(re.escape(rest) for rest in rests) + ")"
                    for first, rests in groups.items())


@dataclass(frozen=True)
class _GazPerson:
    name: str
    native: str | None
    country: str | None
    roles: tuple[str, ...]
    aliases: tuple[str, ...]
    short: tuple[str, ...] | None


@dataclass(frozen=True)
class _Naming:
    """A naming tradition that writes the family name first (data: ``naming_conventions``)."""

    countries: frozenset[str]
    family_names: frozenset[str]
    short_first: bool  # later mentions use the family name (else the last word)
    min_words_when_shared: int


@dataclass
class _Vocab:
    people: dict[str, _GazPerson]
    alias_to_name: dict[str, str]  # folded alias -> canonical
    alias_re: re.Pattern[str]
    titles_lower: dict[str, str]  # lower-case title -> display form
    normal: dict[str, str]
    courtesy: set[str]
    courtesy_lead_re: re.Pattern[str]
    courtesy_tail_re: re.Pattern[str]
    courtesy_ends: frozenset[str]  # the last words of the courtesy titles ("Seri" of "Datuk Seri", "Dr")
    title_ends: frozenset[str]  # the last words of the titles, lower case ("minister", "president")
    national_titles: set[str]
    nationalities: dict[str, str | None]
    country_aliases: dict[str, str]
    org_abbrev: dict[str, str]
    org_country: dict[str, str]
    not_name: set[str]
    months: set[str]
    place_followers: set[str]
    role_refs: dict[str, list[str]]
    ruling_party: dict[str, str]
    party_leader_titles: dict[str, str]  # title -> completion template with {party}
    naming: tuple[_Naming, ...]  # family-name-first traditions, in order of preference
    #: short function words that are also given names ("An", "My"): the last word of a family-name-first name
    #: ("Nguyen Van An paid", "Tran Thi My said"), where the article or pronoun would not be capitalised
    name_end_words: frozenset[str]
    places: dict[str, str | None]  # folded place name -> country
    country_names: dict[str, str]  # country name as written -> canonical country
    multiword_countries: dict[str, tuple[str, ...]]  # names of several words by their first word ("New Zealand")
    places_by_first: dict[str, tuple[str, ...]]  # the first word of a place of several words -> those places
    # any way a text names a country (its name, an alias, its nationality word) -> the country
    country_mentions: dict[str, str]
    country_mention_re: re.Pattern[str]
    particle_gap_re: re.Pattern[str]
    chain_re: re.Pattern[str]
    chain_ends: frozenset[str]  # the last word of every title, organisation word and country, lower case
    chain_start_re: re.Pattern[str]
    unit_re: re.Pattern[str]
    appos_re: re.Pattern[str]
    role_noun_re: re.Pattern[str]
    role_ref_re: re.Pattern[str]
    nat_re: re.Pattern[str]
    #: a country's name not after a preposition that points away ("a member of the Bangladesh Joint Rivers
    #: Commission", "the Socialist Party of Chile"; not "ambassador to Malawi", "envoy in Lilongwe")
    country_in_role_re: re.Pattern[str]
    speech_after: re.Pattern[str]  # a speech verb right after a short name ("Son said"): a person
    speaking_re: re.Pattern[str]  # a capitalised word and such a verb after it, anywhere ("Kanemura said")
    # "Ethiopia was represented by", "The Saudi side was led by" right before a titled name
    led_by_re: re.Pattern[str]
    # ", who led the Indian delegation" right after a name
    leads_delegation_re: re.Pattern[str]
    title_countries: dict[str, tuple[str, ...]]  # an office or honorific only some countries have -> them
    # "Presidents Jane Roe and " right before a name: the second of two names a plural title stands before
    plural_pair_re: re.Pattern[str]
    title_country_re: re.Pattern[str]
    latin_aliases: tuple[str, ...] = ()  # the folded aliases of alias_re, ASCII ones (whole words) …
    other_aliases: tuple[str, ...] = ()  # … and the others (matched anywhere)
    latin_by_prefix: dict[str, list[str]] = field(default_factory=dict)  # first two letters -> ASCII aliases
    latin_start_re: re.Pattern[str] = re.compile("(?!)")  # where such an alias starts after no \w or "'"
    short_latin_aliases: tuple[str, ...] = ()  # ASCII aliases of one letter, looked for as the others are
    other_start_re: re.Pattern[str] = re.compile("(?!)")  # a character beyond ASCII of each of other_aliases
    short_owners: dict[str, list[_GazPerson]] | None = None  # see _short_owners


def _not_name_words(t: Mapping[str, Any], countries: Iterable[str], nationalities: Iterable[str],
                    titles: Iterable[str]) -> set[str]:
    """Words that are never a name: of organisations, portfolios, countries, the last word of a nationality
    ("Rican", not "Costa": Ana Costa is a name), the capitalised words of titles (the plural titles among
    them: "the two General Secretaries agreed" names no one)."""
    return {*t["not_name_words"], *t["org_words"], *t.get("portfolios", []), *countries,
            *(n.split()[-1] for n in nationalities), *(w for title in titles for w in title.split() if w[:1].isupper())}


def _plural_pair_re(plurals: list[str]) -> re.Pattern[str]:
    """ "Presidents Jane Roe and " right before a name (a pattern that never matches for no plural titles)."""
    titles = _alternation(plurals, any_case=True) if plurals else "(?!)"
    return re.compile(r"(?<![\w'])(?P<title>(?i:" + titles + r"))\s+[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s+and\s+$")


def _words_re(words: Iterable[str]) -> re.Pattern[str]:
    """Any of ``words`` as a whole word (a pattern that never matches for none)."""
    words = list(words)
    return re.compile(r"(?<![\w'])(?:" + (_alternation(words) if words else "(?!)") + r")(?![\w'])")


def _vocab(lexicon: Lexicon | None = None) -> _Vocab:
    return (lexicon or default_lexicon()).derived("people", _build_vocab)


def _build_vocab(lexicon: Lexicon) -> _Vocab:
    t = lexicon.titles
    names = lexicon.people_names
    people, alias_to_name, alias_re, latin, other = _gazetteer_people(lexicon)
    titles = list(t["titles"])
    titles_lower = _by_lower_case(titles)
    countries = list(t["countries"])
    nationalities: dict[str, str | None] = dict(t["nationalities"])
    unit, chain = _title_patterns(t, countries, nationalities)
    role_nouns = _alternation(t["role_nouns"], any_case=True)
    ref_keys = _alternation((k for k in t["role_refs"] if " " not in k or not k.startswith(("top ", "government "))),
                            any_case=True)
    return _Vocab(
        people=people,
        alias_to_name=alias_to_name,
        alias_re=alias_re,
        titles_lower=titles_lower,
        normal=dict(t["normal"]),
        courtesy=set(t["courtesy"]),
        # courtesy titles between an office and the name: "Trade Minister Datuk Seri …", "Minister Dr. …"
        courtesy_lead_re=re.compile(r"(?:(?:" + _alternation(t["courtesy"]) + r")\s+)+"),
        courtesy_ends=frozenset(_last_word(c) for c in t["courtesy"]),
        courtesy_tail_re=re.compile(r"(?<![\w'])(?:(?:" + _alternation(t["courtesy"]) + r")\s+)+$"),
        national_titles=set(t["national_titles"]),
        nationalities=nationalities,
        country_aliases=dict(t["country_aliases"]),
        org_abbrev=dict(t["org_abbrev"]),
        org_country=dict(t["org_country"]),
        not_name=_not_name_words(t, countries, nationalities, titles),
        months=set(t["months"]),
        place_followers=set(t["place_followers"]),
        role_refs={k: list(v) for k, v in t["role_refs"].items()},
        ruling_party=dict(t["ruling_party"]),
        party_leader_titles={k: v for k, v in t.get("party_leader_titles", {}).items() if not k.startswith("_")},
        naming=tuple(_Naming(frozenset(c.get("countries", [])), frozenset(names.get(c["family_names"], [])),
                             c.get("short") == "first", int(c.get("min_words_when_shared", 0)))
                     for c in names.get("naming_conventions", [])),
        name_end_words=frozenset(w for w in t["not_name_words"] if len(w) <= 3 and w.isalpha() and w[1:].islower()),
        places={fold(k): v for k, v in names["places"].items()},
        places_by_first=_by_first_word(fold(k) for k in names["places"]),
        country_names={**{c: c for c in countries if not c.startswith("the ")}, **t["country_aliases"]},
        multiword_countries=_by_first_word((*countries, *t["country_aliases"])),
        country_mentions=(mentions := lexicon.country_spellings()),
        country_mention_re=re.compile(r"(?<![\w-])" + by_first_character(sorted(mentions, key=len, reverse=True))
                                      + r"(?![\w-])"),
        # Lower-case particles that stay inside a name: "Trevino de la Garza", "da Silva", "bin Salman", "al-Sisi".
        # (and a middle initial: "Rommel P. Agcaoili", "Ramon S. Ilagan")
        particle_gap_re=re.compile(r" (?:(?:" + _alternation(names["name_particles"]) + r") )+|"
                                   r" (?:al|el|ad|as|ash|an|ar|at|az)-| [A-Z]\. "),
        # A title may be set off by a comma: "Mexico's Foreign Secretary, Maria Ibarra".
        chain_re=re.compile(r"(?<![\w'])(" + chain + r")(?:\s+|\s*,\s+)$"),
        title_ends=frozenset(_last_word(w).lower() for w in titles if _last_word(w)),
        chain_ends=frozenset(_last_word(w).lower() for w in (*titles, *t["org_words"], *t.get("portfolios", []),
                                                             *countries) if _last_word(w)),
        chain_start_re=re.compile(r"(?:" + chain + r")\s*$"),
        unit_re=re.compile(unit),
        appos_re=re.compile(
            r"\s*,\s+(?:who\s+(?:is|was|has been|serves as)\s+(?:also\s+)?)?(?:(?:the|a|an)\s+)?"
            r"((?:[^,;.()\"“”]|\([A-Z]{2,}\)|(?<=[A-Z])\.(?=[A-Z]))+)"
        ),
        role_noun_re=re.compile(r"(?i)(?<![\w-])(?:" + role_nouns + r")(?![\w-])"),
        # r"(?<![\w'])[Tt]he…", the lookbehind after the "T" (as _TOKEN's, for a scan in C to the next "T")
        role_ref_re=re.compile(
            r"[Tt](?<![\w'][Tt])he\s+(?:(?P<nat>" + _alternation(nationalities) + r")\s+)?"
            r"(?:(?P<mod>top|government|party|senior|state)\s+)?"
            r"(?P<noun>(?i:" + ref_keys + r"))(?![\w-])"
        ),
        nat_re=re.compile(r"(?<![\w])(?:" + _alternation(nationalities) + r"|(?:" + _alternation(countries)
                          + r")(?='s))(?![\w])"),
        country_in_role_re=re.compile(r"(?<!\bto )(?<!\bwith )(?<!\bin )(?<!\bfrom )(?<!\btoward )(?<!\btowards )"
                                      r"(?<![\w-])(?:the )?(" + _alternation(
                                          [c for c in countries if not c.startswith("the ")] + list(t["country_aliases"]))
                                      # "a Korea scholar", "a Brazil expert": the field, not the country
                                      + r")(?![\w-])(?!\s+(?:scholar|expert|analyst|specialist|watcher|hand|"
                                      r"researcher|correspondent|historian|economist|observer)s?\b)"),
        title_countries=(only := {k: tuple(v) for k, v in t.get("title_countries", {}).items()}),
        plural_pair_re=_plural_pair_re(t.get("plural_titles", [])),
        title_country_re=_words_re(only),
        led_by_re=re.compile(r"(?:^|[,;]\s*|\b(?:while|whereas|and|but)\s+)(?:[Tt]he\s+)?(?P<who>" + (spelled := _alternation(mentions)) + r")(?:['’]s)?"
                             r"(?:(?:\s+(?:side|delegation|team|government))?\s+(?:was|were|is|are|will\s+be)"
                             r"|\s+(?:side|delegation|team),?)\s+(?:represented|led|headed)\s+by\s+(?:the\s+)?$"),
        leads_delegation_re=re.compile(r"(?:\s*,[^,;.]{1,90},)?\s*,?\s+(?:who\s+)?(?:led|headed|leads|heads|will\s+lead|"
                                       r"is\s+leading)\s+(?:the|a|an|his|her)\s+(?P<who>" + spelled
                                       + r")\s+(?:side|delegation|team)\b"),
        speech_after=re.compile(r"^\s+(?:" + lexicon.words("speech", "near_name") + r")\b"),
        speaking_re=re.compile(r"(?<![\w'-])([A-Z][a-z]+(?:-[a-z]+)?)\s+(?:" + lexicon.words("speech", "near_name")
                               + r")\b"),
        latin_aliases=tuple(latin),
        other_aliases=tuple(other),
        other_start_re=_beyond_ascii_of(other),
        **_alias_starts(latin),
    )


def _gazetteer_people(lexicon: Lexicon) -> tuple[dict[str, _GazPerson], dict[str, str], re.Pattern[str],
                                                  list[str], list[str]]:
    """The known people, each alias (folded) -> name, one pattern for all aliases, and the aliases in
    Latin script and in others (matched without word boundaries)."""
    people: dict[str, _GazPerson] = {}
    alias_to_name: dict[str, str] = {}
    for e in lexicon.people["people"]:
        short = tuple(e["short"]) if "short" in e else None
        gp = _GazPerson(e["name"], e.get("native"), e.get("country"), tuple(e.get("roles", [])),
                        tuple(e.get("aliases", [])), short)
        people[gp.name] = gp
        for alias in (gp.name, gp.native, *gp.aliases):
            if alias:
                alias_to_name.setdefault(fold(alias), gp.name)
    latin = [a for a in alias_to_name if a.isascii()]
    other = [a for a in alias_to_name if not a.isascii()]
    alias_re = re.compile(
        r"(?<![\w'])(?:" + _alternation(latin) + r")(?![\w]|'[A-Za-z]{2})"
        + (r"|(?:" + _alternation(other) + r")" if other else "")
    )
    return people, alias_to_name, alias_re, latin, other


def _short_owners(vocab: _Vocab) -> dict[str, list[_GazPerson]]:
    """Each short form of a gazetteer person (given, or derived as for a name found in a text) -> the
    people it shortens, in the gazetteer's order: made on first use, once per vocabulary, not for
    every titled single word of every document."""
    if vocab.short_owners is None:
        owners: dict[str, list[_GazPerson]] = {}
        for gp in vocab.people.values():
            for short in dict.fromkeys(gp.short if gp.short is not None else _derive_short(gp.name, gp.country, vocab)):
                owners.setdefault(short, []).append(gp)
        vocab.short_owners = owners
    return vocab.short_owners


def _beyond_ascii_of(aliases: list[str]) -> re.Pattern[str]:
    """A character beyond ASCII of each alias (its first): a text none of them is in holds none of the
    aliases (a news article has curly quotes and dashes, seldom a name in another script)."""
    needed = {next(c for c in a if not c.isascii()) for a in aliases}
    return re.compile("[" + "".join(sorted(re.escape(c) for c in needed)) + "]" if needed else "(?!)")


def _alias_starts(latin: list[str]) -> dict[str, Any]:
    """The ASCII aliases by their first two letters, and the pattern of where in a text one of them
    starts after no word character or apostrophe (its first letter, the rest a lookahead: the scan
    stops only where an alias is). An alias of one letter is kept apart."""
    by_prefix: dict[str, list[str]] = {}
    for alias in latin:
        if len(alias) >= 2:
            by_prefix.setdefault(alias[:2], []).append(alias)
    longer = sorted(alias for aliases in by_prefix.values() for alias in aliases)
    start = by_first_character(longer, not_after=r"[\w']", rest_ahead=True) if longer else "(?!)"
    return {"latin_by_prefix": by_prefix, "latin_start_re": re.compile(start),
            "short_latin_aliases": tuple(a for a in latin if len(a) < 2)}


# The last word of a text (a title chain ends in one of its words' last words: a cheap test first).
_LAST_WORD = re.compile(r"([^\W\d_]+)[^\w]*$")


def _last_word(text: str) -> str:
    r"""``_LAST_WORD.search(text).group(1)``, or "": the letters (``[^\W\d_]``) that only characters
    other than ``\w`` follow, read back from the end (the search tried every position of the text)."""
    end = len(text)
    while end and not (text[end - 1].isalnum() or text[end - 1] == "_"):  # not \w
        end -= 1
    start = end
    while start and text[start - 1].isalnum() and not text[start - 1].isdecimal():  # [^\W\d_]
        start -= 1
    return text[start:end]


def _title_patterns(t: Mapping[str, Any], countries: list[str],
                    nationalities: dict[str, str | None]) -> tuple[str, str]:
    """The pattern of one title unit ("Kenya's Deputy Foreign Minister", "state minister for trade",
    with named groups nat, mod, title, comp) and of a chain of them ("… and …", "…, …")."""
    nat = _alternation(nationalities) + "|(?:" + _alternation(countries) + ")'s"
    # Lower-case organisation words too: "state minister for trade", "minister of foreign affairs".
    portfolios = list(t.get("portfolios", []))
    org_tok = (r"(?:" + _alternation(countries) + r"|(?i:" + _alternation([*t["org_words"], *portfolios], any_case=True) + r")"
               r"|[A-Z]{2,}|\([A-Z]{2,}\))")
    # Function words only between words of the name: "an economist at the Lagos-based Centre" has none.
    # a list of fields is one complement: "minister of industry, trade and investment"
    listed = r",\s+(?=(?:" + org_tok + r",\s+)*" + org_tok + r",?\s+and\s+" + org_tok + r")"
    org = org_tok + r"(?:(?:(?:\s+(?:of|the|and|for|on))*\s+|" + listed + r")" + org_tok + r")*"
    mods = r"(?:(?:top|senior|former|then-|then|acting|outgoing|incoming|new|current|State|Party|Executive|Permanent|Standing)\s+)*"
    title_alt = _alternation(list(t["titles"]), any_case=True)
    # "Roads Minister", "Fisheries and Oceans Secretary": a capitalised field before an office
    port = _alternation(portfolios) if portfolios else r"(?!)"
    portfolio = (r"(?:(?:" + port + r")(?:\s+and\s+(?:" + port + r"))?\s+"
                 r"(?=(?i:minister|secretary|commissioner)(?![\w])))?")
    unit = (
        r"(?:(?:the|a|an)\s+)?(?:(?P<nat>" + nat + r")\s+)?(?P<mod>" + mods + r")"
        r"(?P<title>" + portfolio + r"(?i:" + title_alt + r"))(?![\w])"
        r"(?P<comp>(?:\s+(?:of|for|at|on)\s+(?:the\s+)?" + org + r")?"
        r"(?:\s+to\s+(?:the\s+)?" + org + r")?)"
    )
    plain_unit = re.sub(r"\(\?P<\w+>", "(?:", unit)
    return unit, plain_unit + r"(?:(?:\s*,\s*|\s+and\s+)" + plain_unit + r")*"


# ---------------------------------------------------------------- people of one document


@dataclass
class _Person:
    name: str
    native: str | None
    country: str | None
    known_roles: list[str]
    rule: str
    confidence: float
    short: list[str]
    extra_short: list[str] = field(default_factory=list)  # other tokens of a discovered name ("Mesfin", "Ibarra")
    roles: list[str] = field(default_factory=list)
    forms: list[str] = field(default_factory=list)
    sentences: list[tuple[int, int]] = field(default_factory=list)

    def add_role(self, role: str) -> None:
        role = role.strip()
        if not role:
            return
        low = role.lower()
        if any(r.lower() == low or r.lower().startswith(low + " ") for r in self.roles):
            return  # already known, or a more specific form of it is
        self.roles = [r for r in self.roles if not low.startswith(r.lower() + " ")]
        self.roles.append(role)

    def all_roles(self) -> list[str]:
        return self.roles + self.known_roles


# A capitalised name word, also O'Neill, D'Amato, McFaul, MacLeod, and an apostrophe inside it as a letter
# (Uzbek "G'ulomov", "To'rayev", Indonesian "Ma'ruf"; not a possessive "'s").
# Written as its capital first, then what may follow that capital ((?<=M) for "Mac"), and the test of the
# character before it after the capital (one further back): a pattern opening with a character class is
# scanned in C to the next capital, where one opening with a lookbehind enters the matcher at every
# position. It is r"(?<![\w'])(?:[A-Z][a-z]+(?:'(?!s\b)[a-z]{2,})?|[A-HJ-Z]'[a-z]{2,}|[OD]'[A-Z][a-z]+|"
# r"Ma?c[A-Z][a-z]+)(?:-[A-Za-z][a-z]*|'[A-Z][a-z]+)*(?![\w])" (tests/test_people_gates.py).
_TOKEN = re.compile(r"[A-Z](?<![\w'][A-Z])(?:[a-z]+(?:'(?!s\b)[a-z]{2,})?|(?<=[A-HJ-Z])'[a-z]{2,}|(?<=[OD])'[A-Z][a-z]+"
                    r"|(?<=M)a?c[A-Z][a-z]+)(?:-[A-Za-z][a-z]*|'[A-Z][a-z]+)*(?![\w])")
_RISKY_SHORT = {
    "He", "To", "Do", "An", "Ho", "Ha", "La", "Le", "Long", "Mai", "May", "Van", "Ma", "Ai", "Ban", "Bo", "Ge",
    "Ke", "Ji", "Mo", "Ni", "Pu", "Yi", "Yu", "Lu", "Hu", "Gan", "Lo", "Ong", "Ta", "Lai", "Au", "Kim", "Chu",
    "Dai", "Mu", "Su", "Lan", "Nan", "Bach", "Phi", "Tong", "Tang", "Han", "Song", "Sun", "Wan", "Fan", "Pan",
}
_ROLE_MODIFIERS = {"special", "senior", "chief", "deputy", "vice", "former", "general", "associate", "acting"}
_BYLINE = re.compile(r"\s*(Translated|Reported|Written|Edited|Compiled)\s+by\s+([A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,3})\s*$")
_BYLINE_ROLES = {"translated": "Translator", "reported": "Reporter", "written": "Writer", "edited": "Editor",
                 "compiled": "Compiler"}
#: "In Nairobi, " opening a sentence (and "the " after it)
_PLACE_LEAD = re.compile(r"(?:In|From|At) ([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2}), (?:the )?")
#: " of Kyrgyzstan" after a name, ending its phrase
_OF_COUNTRY = re.compile(r" of (?:the )?([A-Z][\w'-]*(?: [A-Z][\w'-]*){0,2})(?=[,;.)]| and\b| (?:said|says|told)\b)")
#: a capitalised name, "of" and the start of what it is of, right before a run ("… Ilagan of Union ")
_OF_ORGANISATION = re.compile(r"[A-Z][\w'’-]*\s+of\s+(?:the\s+)?(?:[A-Z][\w'’&.-]*\s+){0,3}$")
#: a middle initial inside a name ("Rommel P. Agcaoili")
_MIDDLE_INITIAL = re.compile(r" [A-Z]\. ")
#: "of" and a capitalised name after a run: what a person is of ("of Union Capital Securities")
_OF_WHAT = re.compile(r"\s+of\s+(?:the\s+)?(?P<what>[A-Z][\w'’&.-]*(?:\s+(?:and\s+)?[A-Z][\w'’&.-]*){0,4})")
#: a name and its comma right before an office set off by commas: the office is that name's apposition
_NAME_COMMA_BEFORE = re.compile(r"[A-Z][\w'’-]*,\s*$")
#: a capitalised office right before a title, opening its clause ("Peru Coast Guard " of "… spokesperson Ruiz")
_OFFICE_BEFORE = re.compile(r"((?:[A-Z][\w'’-]*\s+){1,5})$")
#: a country's office in lower case right before a title ("Peru's defence ministry " of "… spokeswoman")
_OWNED_OFFICE = re.compile(r"(?:^|(?<=[\s(]))(?P<country>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)['’]s\s+"
                           r"(?P<office>(?:[a-z-]+\s+){0,2}(?:ministry|department|office|agency|army|navy|police|"
                           r"military|embassy|coast guard|armed forces))\s+$")
#: … where it may stand: opening the sentence or a clause, or after "the"
_OFFICE_OPENS = re.compile(r"(?:^|[,;:(]|\b[Tt]he)\s*$")
#: capitalised words only (an office between an opening place and a title: "Trade Ministry spokesman")
_CAPITALISED_WORDS = re.compile(r"(?:[A-Z][\w'-]*\s+)*")
#: a name in a list or an apposition: after a comma or "and"
_LISTED_BEFORE = re.compile(r"(?:,|\band)\s+$")
#: an abbreviation in parentheses ending a title's complement
_TRAILING_ABBREVIATION = re.compile(r"\s*\([A-Z][A-Za-z.&]{1,9}\)$")
#: what joins one titled person of a list to the next: a comma, "and" or both; and a list going on after a name
_LIST_JOIN = re.compile(r"(?:,|,?\s+and)\s+$")
_LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b)\s+[A-Z]")
_SPEECH_BEFORE = re.compile(r"(?:\bsaid|\bsays)\s+$")
#: a parenthesis and two capitalised words after a title: the name it is the title of ("(NRC) Ana Soto")
_NAME_AFTER_ABBREVIATION = re.compile(r"\s*\([^()]{1,60}\)\s+[A-Z][\w'’-]+\s+[A-Z][\w'’-]+")


# A place cue and what may follow a place after it ("in Nairobi", not "in Nairobian" or "in Nairobi's").
_PLACE_CUES = ("in", "at", "near", "outside", "across", "around", "throughout")


def _after_place_cue(text: str, at: int) -> bool:
    r"""Is ``at`` where a match of ``\b(?:in|at|near|outside|across|around|throughout)\s+`` in ``text``
    ends: after whitespace, not before more of it, with a cue word, a whole word, before that whitespace?
    (Read back from ``at``: what a scan of the whole text for the cues would say there.)"""
    if at == 0 or not text[at - 1].isspace() or text[at:at + 1].isspace():
        return False
    j = at - 1
    while j > 0 and text[j - 1].isspace():
        j -= 1
    for cue in _PLACE_CUES:
        start = j - len(cue)
        if start >= 0 and text.startswith(cue, start) and (start == 0 or not _is_word_char(text[start - 1])):
            return True
    return False
_PLACE_END = re.compile(r"[\w]|'s")
# A line's opening (blank lines and indentation skipped) and the end of a dateline's place ("ADDIS ABABA, ").
_LINE_OPENING = re.compile(r"(?m)^\s*")
_DATELINE_END = re.compile(r"\s*[,(—–-]")
_NEXT_CAPITALISED = re.compile(r"\s+([A-Z][a-z]+)")  # the word after a name, if capitalised
# A note about the article's author: "Editor's Note: X, a … commentator, is …", "About the author: …".
_AUTHOR_NOTE = re.compile(r"\s*(?:Editor['’]s [Nn]ote|About the [Aa]uthor)\s*[:.—-]\s*")


def _naming_of(tokens: list[str], country: str | None, vocab: _Vocab) -> _Naming | None:
    """The family-name-first tradition a name follows: by the person's country, else by its first word."""
    if country is not None:
        return next((n for n in vocab.naming if country in n.countries), None)
    claiming = [n for n in vocab.naming if tokens[0] in n.family_names]
    if len(claiming) == 1:
        return claiming[0]
    return next((n for n in claiming if len(tokens) >= n.min_words_when_shared), None)


def _derive_short(name: str, country: str | None, vocab: _Vocab) -> list[str]:
    """How later mentions shorten a name: by the family name where the tradition says so, else the last word."""
    tokens = name.split()
    if len(tokens) < 2:
        return []
    naming = _naming_of(tokens, country, vocab)
    return [tokens[0]] if naming is not None and naming.short_first else [tokens[-1]]


#: a currency's sign or name right after a country's name ("US$", "US dollar", "Hong Kong dollars")
_CURRENCY_AFTER = re.compile(r"\$|\s+(?:dollars?|cents?)\b")
#: the space before a capitalised word, and the capitalised words from there
_BEFORE_CAPITAL = re.compile(r"\s+(?=[A-Z])")
_CAPITAL_RUN = re.compile(r"\s+((?:[A-Z][\w'’.-]*)(?:\s+[A-Z][\w'’.-]*)*)")
_LOWER_WORD_AFTER = re.compile(r"\s+(?!of\b)[a-z]")
_NAME_GOES_ON = re.compile(r"\s+(?:and|&|of|for)\s+[A-Z]")
#: "the " right before a word: no name follows it ("The Leaders noted")
_THE_BEFORE = re.compile(r"\b[Tt]he\s+$")
#: ", of the Diplomatic Academy in Lima," after a name: where a person works, set off by commas
_AFFILIATION_AFTER = re.compile(r",\s+of\s+the\s+[A-Z][^,;.()]{2,80},")
#: ", who …" after a name: a relative clause only a person (or a people) takes
_WHO_AFTER = re.compile(r",\s+who\s")


#: a titled name speaking, set off by a comma after a run: the sentence's tag, not the run's apposition
_TITLED_SPEAKER = re.compile(r"(?:[A-Z][\w'’.-]*\s+){2,7}(?:said|says|told|added|noted|stressed|announced)\b")
#: given names abbreviated with a full stop that a name goes on after ("Md. Rezaul Karim Chowdhury")
_ABBREVIATED_GIVEN = frozenset({"Md", "Mohd", "Muhd"})


def _by_lower_case(titles: Iterable[str]) -> dict[str, str]:
    """Each title by its lower case, in the capitalised spelling for display ("Spokesperson", not
    "spokesperson")."""
    by_lower: dict[str, str] = {}
    for title in titles:
        if title.lower() not in by_lower or title[:1].isupper():
            by_lower[title.lower()] = title
    return by_lower


def _of_several_words(names: Iterable[str]) -> tuple[str, ...]:
    """The names of several words ("New Zealand", not "the Gambia"), longest first."""
    return tuple(sorted({n for n in names if " " in n and not n.startswith("the ")}, key=len, reverse=True))


def _by_first_word(names: Iterable[str]) -> dict[str, tuple[str, ...]]:
    """The names of several words by their first word."""
    grouped: dict[str, list[str]] = {}
    for name in _of_several_words(names):
        grouped.setdefault(name.split()[0], []).append(name)
    return {first: tuple(sorted(group, key=len, reverse=True)) for first, group in grouped.items()}


def _name_runs(folded: str, start: int, end: int, vocab: _Vocab) -> list[tuple[int, int]]:
    """Runs of capitalised name-like words (no stop words) inside [start, end)."""
    runs: list[tuple[int, int]] = []
    cur: tuple[int, int] | None = None
    for m in _TOKEN.finditer(folded, start, end):
        if m.group() in vocab.not_name or (m.group() in vocab.months and re.match(r"\s+\d", folded[m.end():m.end() + 3])):
            if cur is not None and _ends_family_first_name(folded, cur, m, vocab):
                cur = (cur[0], m.end())
                runs[-1] = cur
            cur = None
            continue
        gap = folded[cur[1]:m.start()] if cur is not None else ""
        if cur is not None and (gap == " " or vocab.particle_gap_re.fullmatch(gap) or (
                gap == ". " and folded[cur[0]:cur[1]].rsplit(" ", 1)[-1] in _ABBREVIATED_GIVEN)):
            cur = (cur[0], m.end())
            runs[-1] = cur
        else:
            cur = (m.start(), m.end())
            runs.append(cur)
    return [r for run in runs for r in _without_country_opening(folded, run, vocab)]


_FIRST_WORD = re.compile(r"\S+")


def _without_country_opening(folded: str, run: tuple[int, int], vocab: _Vocab) -> list[tuple[int, int]]:
    """A run that opens with a country's name of several words is the name after it ("Foreign Minister of
    New Zealand Ana Reti": "Ana Reti"); a country of one word is no name word already."""
    first = _FIRST_WORD.match(folded, run[0])
    for country in vocab.multiword_countries.get(first.group(), ()) if first else ():
        if folded.startswith(country, run[0]) and folded.startswith(" ", run[0] + len(country)):
            rest = run[0] + len(country) + 1
            return [(rest, run[1])] if rest < run[1] else []
    return [run]


#: a publisher that is a government body ("Ministry of Foreign Affairs of the Republic of Korea")
_GOVERNMENT_BODY = re.compile(r"\b(?:Ministry|Government|Embassy|Presidency|Cabinet|Prime Minister['’]s Office|"
                              r"Office of the (?:President|Prime Minister)|Department of State|State Council)\b")
#: a member's seat after a name ("Mr Samson Wing (Member for Vanimo-Green River)"), and an office before a name in
#: brackets ("The Minister (Hon. Miriam Tovue)"), as a parliament's record writes them
_MEMBER_AFTER = re.compile(r"\s*\((?:Member|MP|Senator|Deputy) (?:for|of)\b")
_MEMBER_SEAT = re.compile(r"\s*\((?P<seat>(?:Member|MP|Senator|Deputy) (?:for|of) [^()]{1,60})\)")
_TITLE_PAREN_BEFORE = re.compile(r"\b(?:Minister|Speaker|Chair(?:man|woman|person)?|Secretary|Leader)\s*\(\s*"
                                 r"(?:(?:Hon|Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)*$"
                                 r"|\(\s*(?:Rt\.?\s+)?Hon\.?\s+$")  # "(Hon. Gideon Sale)": the Honourable
#: an age set off after a name: ", 52," or ", a 34-year-old"
_AGE_AFTER = re.compile(r",\s+(?:an?\s+)?(?:\d{1,3},|\d{1,3}-year-old\b)")
#: two or more initials written together right before a name run ("K.D.P. " of "K.D.P. Wijesundara")
_JOINED_INITIALS_BEFORE = re.compile(r"(?:^|(?<=[\s(]))((?:[A-Z]\.){2,4}) $")
#: "by" or "of" before a title in a heading ("… by Spokesperson …", "… of Foreign Ministry Spokesperson …")
_BY_TITLE = re.compile(r"\b(?:by|of|with)\s+[A-Z]")
_POSSESSIVE = re.compile(r"['’]s\s+[A-Z]")
_BY_BEFORE = re.compile(r"\b(?:by|of|with)\s+(?:(?:the|[A-Z][\w'’-]*)\s+){0,3}$")


def _ends_family_first_name(folded: str, run: tuple[int, int], m: re.Match[str], vocab: _Vocab) -> bool:
    """Whether ``m``, a function word ("An", "My"), is the given name that ends the run before it: the run is
    a family name and a middle name ("Nguyen Van An paid", "Tran Thi My said"), and no capitalised word follows
    (a title-case headline: "Nguyen Van An In Seoul")."""
    if m.group() not in vocab.name_end_words or folded[run[1]:m.start()] != " ":
        return False
    words = folded[run[0]:run[1]].split()
    if len(words) < 2 or not any(words[0] in n.family_names for n in vocab.naming):
        return False
    return not re.match(r"\s*[A-Z]", folded[m.end():m.end() + 2]) and not folded[m.end():m.end() + 1].isalnum()


class _DocPeople:
    """Working state while reading one document."""

    def __init__(self, doc: Document, lexicon: Lexicon | None = None) -> None:
        self.doc = doc
        self.text = doc.text
        self.folded = fold(doc.text)
        self.vocab = _vocab(lexicon)
        self.people: dict[str, _Person] = {}
        self.mentions: list[tuple[int, int, str, str]] = []  # start, end, name, how
        self.pending_titled: list[tuple[int, int, str, str]] = []  # start, end, token, title chain
        self.byline_spans: dict[str, tuple[int, int]] = {}
        self.heading_spans: dict[str, tuple[int, int]] = {}  # a name read in a heading -> that heading
        self.nat_titled: dict[int, str] = {}  # end of a name whose title chain gave a nationality -> country
        self._place_runs: dict[str, bool] = {}  # run -> written as a place somewhere in the text
        self._titles_before: dict[tuple[int, int], tuple[int, int] | None] = {}  # (sentence, offset) -> chain
        self._units: dict[int, re.Match[str]] = {}  # start -> each title unit read (for a counterpart's office)
        self._speaking: frozenset[str] | None = None  # see _speaking_words
        self._speaking_owner: dict[str, str] = {}  # a speaking word -> the first name written with it

    # -- bookkeeping

    def _person(self, name: str, rule: str, confidence: float, country: str | None = None,
                native: str | None = None) -> _Person:
        if name in self.people:
            return self.people[name]
        gp = self.vocab.people.get(name)
        if gp is not None:
            person = _Person(gp.name, gp.native, gp.country, list(gp.roles), "gazetteer", 0.95,
                             list(gp.short) if gp.short is not None else _derive_short(gp.name, gp.country, self.vocab))
        else:
            person = _Person(name, native, country, [], rule, confidence, _derive_short(name, country, self.vocab))
            # Cultures shorten differently (given name, first surname, family name first): any other
            # distinctive token of the name may stand for it once the full name has been read.
            person.extra_short = [t for t in re.findall(r"[A-Z][\w'-]+", name)
                                  if t not in person.short and t not in self.vocab.not_name and t not in _RISKY_SHORT
                                  and len(t) >= 3 and t not in self.vocab.places]
        self.people[name] = person
        return person

    def _taken(self, start: int, end: int) -> bool:
        """Does a mention overlap [start, end)? A plain loop, asked for every name and run of a document."""
        for s, e, _, _ in self.mentions:  # noqa: SIM110 (any() over a generator is twice as slow here)
            if s < end and start < e:
                return True
        return False

    def _add_mention(self, start: int, end: int, name: str, how: str) -> None:
        self.mentions.append((start, end, name, how))
        if how != "role":
            person = self.people[name]
            form = self.text[start:end]
            if form not in person.forms:
                person.forms.append(form)

    # -- roles

    def _normalize_unit(self, m: re.Match[str], person: _Person | None,
                        other_country: str | None = None) -> tuple[str | None, str | None]:
        """One title unit -> (normalized role, country named by its nationality word); with
        ``other_country``, the same office in that country (what a counterpart holds)."""
        v = self.vocab
        start = m.start()
        title = self.text[m.start("title"):m.end("title")]
        title = v.titles_lower.get(title.lower(), title)
        title = v.normal.get(title, title)
        if title in v.courtesy:
            return None, None
        country: str | None = None
        nat = m.group("nat")
        if other_country:
            country, nat = other_country, None
        elif nat:
            nat = nat.removesuffix("'s")
            country = v.nationalities.get(nat, v.country_aliases.get(nat, nat))
        comp = " ".join(self.text[m.start("comp"):m.end("comp")].split())
        comp = re.sub(r"(?:\s+(?:and|of|the|for|on|to))+$", "", comp)
        for long, short in v.org_abbrev.items():
            if long in comp:  # "the Workers' Party of Chile (WPC) Central Committee": its abbreviation once
                comp = comp.replace(long, short).replace(f"{short} ({short})", short)
        org = re.search(r"\b(?:of|for)\s+(?:the\s+)?(\S+)", comp)
        if country is None and org and org.group(1) in v.org_country:
            country = v.org_country[org.group(1)]
        if country is None and "of " in comp:
            # "Prime Minister of Malaysia", "President of the National Assembly of Cambodia": the country
            # the office (or its body) is of
            # (an abbreviation after it aside: "… of Customs of Chile (NCS)")
            last = _TRAILING_ABBREVIATION.sub("", re.split(r"\bof\s+", comp)[-1].removeprefix("the "))
            country = v.country_names.get(last) or v.country_names.get("the " + last)
            if country and " " in last and comp.endswith(last) and not comp.endswith("of " + country):
                comp = comp[:len(comp) - len(last)] + country  # an alias of several words: one role, however the country is written
        role_country = country or (person.country if person else None)
        former = "former" in (m.group("mod") or "").lower()
        if title[:1].isupper() and title[:1].isalpha():
            title = title[0].upper() + title[1:]
        if title in v.party_leader_titles and not comp and role_country in v.ruling_party:
            comp = v.party_leader_titles[title].format(party=v.ruling_party[role_country])
        if not comp.startswith(("of ", "for ")) and role_country and title in v.national_titles:
            role = f"{title} of {role_country}{(' ' + comp) if comp else ''}"
        else:
            role = f"{title} {comp}".strip()
        if former:
            role = "Former " + role
        del start
        return role, country

    def _roles_from_chain(self, chain_start: int, chain_end: int, person: _Person | None) -> tuple[list[str], str | None]:
        roles: list[str] = []
        country: str | None = None
        for m in self.vocab.unit_re.finditer(self.folded, chain_start, chain_end):
            self._units[m.start()] = m
            role, c = self._normalize_unit(m, person)
            if role:
                roles.append(role)
            country = country or c
        return roles, country

    def _title_before(self, sent: Sentence, start: int) -> tuple[int, int] | None:
        """The title chain ending right before ``start`` ("Foreign Minister "), as (start, end) or None.
        Asked again for a name whose run, roles and short form are read: the dear search is done once."""
        key = (sent.start, start)
        if key not in self._titles_before:
            lo = max(sent.start, start - 220)
            window = self.folded[lo:start]
            courtesy = (self.vocab.courtesy_tail_re.search(window, max(0, len(window) - 40))
                        if _last_word(window) in self.vocab.courtesy_ends else None)
            if courtesy:  # "Trade Minister Datuk Seri Khairul …": the office before the courtesy title
                window = window[:courtesy.start()]
            last = _last_word(window)
            m = None
            if last and (last.lower() in self.vocab.chain_ends or last.isupper()):
                m = self.vocab.chain_re.search(window)
            if m and window[m.end(1):].startswith(",") and _NAME_COMMA_BEFORE.search(window, 0, m.start(1)):
                m = None  # "Azman bin Rashid, Prime Minister of Malaysia, His Excellency Haryo …": the name's before
            self._titles_before[key] = (lo + m.start(1), lo + m.end(1)) if m else None
        return self._titles_before[key]

    def _appositive(self, sent: Sentence, end: int) -> tuple[int, int] | None:
        m = self.vocab.appos_re.match(self.folded, end, sent.end)
        if not m:
            return None
        phrase = m.group(1)
        words = phrase.split()
        head = " ".join(words[:7])
        if not words or len(words) > 22 or not self.vocab.role_noun_re.search(head):
            return None
        if _TITLED_SPEAKER.match(phrase):
            return None  # "… survivors of Typhoon Caloy, Defence Minister Kenji Hoshino said": the tag, no apposition
        if any(w in self.vocab.courtesy and nxt[:1].isupper() for w, nxt in pairwise(words)) or self._taken(
                m.start(1), m.end(1)):
            return None  # "…, Minister for Defence Dr Kenneth Bay and senior officials": the next of a list of people
        article = re.match(r"\s*,\s+(?:who\s+\S+\s+(?:also\s+)?)?(?:the|a|an)\s", m.group())
        if article and self.vocab.role_noun_re.search(" ".join(words[:5])):
            pass  # "a trade economist at ...", "the Kenyan ambassador"
        elif (words[0][:1].islower() and words[0].lower() not in self.vocab.titles_lower
              and words[0].lower() not in _ROLE_MODIFIERS and not self.vocab.role_noun_re.match(phrase)
              and not self.vocab.nat_re.match(phrase)):
            return None  # "Nairobi, where ...": without an article the phrase must open with a role
        if _NAME_AFTER_ABBREVIATION.match(self.text, m.end(1)):
            return None  # "…, President of the Republic of Chile (RoC) Ana Soto paid": the next person's title
        s = m.start(1)
        e = m.end(1)
        while e > s and self.text[e - 1].isspace():
            e -= 1
        return s, e

    def _appositive_roles(self, s: int, e: int, person: _Person) -> tuple[list[str], str | None]:
        chain = self.vocab.chain_start_re.match(self.folded, s, e)
        if chain and chain.end() >= e - 1:
            return self._roles_from_chain(s, e, person)
        if self._titled_name_in(s, e):
            # "…, Minister of Foreign Affairs of Norway Per Dahl will visit", "…, Chairman Jon Berg and …":
            # a title and the name after it are the next person, not this one's role
            return [], None
        phrase = " ".join(self.text[s:e].split())
        nat = self.vocab.nat_re.search(self.folded[s:e])
        if nat and self._opens_place(s + nat.start(), len(nat.group())):
            nat = None  # "the Lao Cai department": a place's name, not a nationality
        country = self._country_word(nat.group()) if nat else None
        if country is None:
            # "a fellow at the Seoul-based institute", "an economist at the University of Melbourne":
            # the one country of the cities the role names
            segment = self.folded[s:e]
            found = {c for place, c in self.vocab.places.items()
                     if c and place in segment and _whole_word_re(place).search(segment)}
            if len(found) == 1:
                country = found.pop()
        if country is None:
            named = {self.vocab.country_names.get(m.group(1), m.group(1))
                     for m in self.vocab.country_in_role_re.finditer(self.folded, s, e)}
            country = named.pop() if len(named) == 1 else None
        return [phrase], country

    def _opens_place(self, start: int, length: int) -> bool:
        """Whether the word at ``start`` (``length`` long) opens a longer place the gazetteer knows."""
        rest = self.folded[start:start + 40]
        return any(len(place) > length and rest.startswith(place) and not rest[len(place):len(place) + 1].isalnum()
                   for place in self.vocab.places_by_first.get(rest[:length], ()))

    def _titled_name_in(self, s: int, e: int) -> bool:
        """Whether an apposition [s, e) is a title and a name after it: the next person of a list ("…, Minister
        of Foreign Affairs of Norway Per Dahl will visit", "…, Chairman Jon Berg and …"), not a role (not
        "researcher at the Norway Academy of Social Sciences": a name of an organisation goes on)."""
        v = self.vocab
        if v.chain_start_re.match(self.folded, s, e):
            return False
        for gap in reversed(list(_BEFORE_CAPITAL.finditer(self.folded, s, e))):
            if not v.chain_start_re.match(self.folded, s, gap.start()):
                continue
            run = _CAPITAL_RUN.match(self.folded, gap.start(), e)
            last = _last_word(self.folded[s:gap.start()])
            if run is None or any(w in v.not_name for w in run.group(1).split()) or _NAME_GOES_ON.match(
                    self.folded, run.end(), e):
                return False  # (an organisation: "chairman of the Norway Fruit and Vegetable Association")
            # after a title or a country the name is a person's; after a word of an organisation only when the
            # capitalised words stop there ("Minister of Trade Sutrisno and senior officials")
            return (last.lower() in v.title_ends or last in v.country_names
                    or _LOWER_WORD_AFTER.match(self.folded, run.end(), e) is not None)
        return False

    def _country_word(self, word: str) -> str | None:
        """The country a nationality adjective or country name stands for ("Kenyan", "Kenya" -> Kenya)."""
        v = self.vocab
        if word in v.nationalities:
            return v.nationalities[word]
        return v.country_names.get(word)

    def _is_place(self, start: int, end: int) -> bool:
        """A capitalised run that names a place: a known city, or written after "in"/"at" or in the dateline."""
        run = self.folded[start:end]
        if run in self.vocab.places or run in self.vocab.country_names:
            return True
        known = self._place_runs.get(run)
        if known is None:
            known = self._place_runs[run] = self._after_place_cue(run) or (
                # the dateline writes the place in capitals: "ADDIS ABABA, March 12"
                self._opens_dateline(run.upper()))
        return known

    @cached_property
    def _line_openings(self) -> frozenset[int]:
        """Where a line's first word starts (after any blank lines and indentation): one pass per document."""
        return frozenset(m.end() for m in _LINE_OPENING.finditer(self.folded))

    def _after_place_cue(self, run: str) -> bool:
        r"""``\b(?:in|at|…)\s+RUN(?![\w]|'s)`` anywhere in the text (``run`` opens with a capital, so
        the cue's whitespace ends where the run starts): each place of the run by str.find, the cue read
        back from it."""
        folded = self.folded
        at = folded.find(run)
        while at >= 0:
            if _after_place_cue(folded, at) and not _PLACE_END.match(folded, at + len(run)):
                return True
            at = folded.find(run, at + 1)
        return False

    def _opens_dateline(self, upper: str) -> bool:
        r"""``(?m)^\s*UPPER\s*[,(—–-]`` anywhere in the text: a line that opens with the run in capitals."""
        openings, folded = self._line_openings, self.folded
        at = folded.find(upper)
        while at >= 0:
            if at in openings and _DATELINE_END.match(folded, at + len(upper)):
                return True
            at = folded.find(upper, at + 1)
        return False

    @cached_property
    def _alias_places(self) -> tuple[list[int], list[tuple[int, int, bool]]]:
        """Every occurrence of a gazetteer alias in the text as (start, end, ASCII alias), by start, and
        their starts (an ASCII alias only at the start of a word): one pass per document, not the
        alternation of all aliases scanned sentence by sentence."""
        folded, v = self.folded, self.vocab
        hits: list[tuple[int, int, bool]] = []
        # An ASCII alias counts only where no word character or apostrophe is before it (_alias_matches):
        # there, at the places where one of them may start, the aliases of those two letters are tried.
        for m in v.latin_start_re.finditer(folded):
            at = m.start()
            for alias in v.latin_by_prefix[folded[at:at + 2]]:
                if folded.startswith(alias, at):
                    hits.append((at, at + len(alias), True))
        # the other aliases (in other scripts) only in a text that holds a character one of them needs
        others = v.other_aliases if v.other_start_re.search(folded) else ()
        for latin, aliases in ((True, v.short_latin_aliases), (False, others)):
            for alias in aliases:
                at = folded.find(alias)
                while at >= 0:
                    hits.append((at, at + len(alias), latin))
                    at = folded.find(alias, at + 1)
        hits.sort()
        return [h[0] for h in hits], hits

    def _alias_matches(self, start: int, end: int) -> list[tuple[int, int]]:
        """The spans ``alias_re.finditer(folded, start, end)`` finds: at each place the longest ASCII alias
        whose word boundaries hold (the text cut at ``end``), else the longest other alias; left to right,
        without overlaps."""
        folded = self.folded
        starts, hits = self._alias_places
        best: dict[int, tuple[bool, int]] = {}  # start -> (ASCII, end) of the alias the regex would take
        for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
            at, stop, latin = hits[i]
            if stop > end:
                continue
            if latin and not ((at == 0 or not (_is_word_char(folded[at - 1]) or folded[at - 1] == "'"))
                              and _no_word_or_contraction_after(folded, stop, end)):
                continue
            if at not in best or (latin, stop) > best[at]:
                best[at] = (latin, stop)
        found: list[tuple[int, int]] = []
        pos = start
        for at in sorted(best):
            if at >= pos:
                found.append((at, best[at][1]))
                pos = best[at][1]
        return found

    # -- passes

    def find_full_names(self) -> None:
        v = self.vocab
        for sent in self.doc.sentences:
            for start, end in self._alias_matches(sent.start, sent.end):
                # "Chairman Wang Dali": the alias "Wang Dali" inside beats "Chairman Wang".
                for inner in re.finditer(r" ", self.folded[start:end]):
                    longer = v.alias_re.match(self.folded, start + inner.end(), sent.end)
                    if longer and longer.end() > end:
                        start, end = longer.span()
                        break
                if self._followed_by_place(end):
                    continue
                name = v.alias_to_name.get(self.folded[start:end]) or v.alias_to_name.get(self.text[start:end])
                if name is None or self._taken(start, end):
                    continue
                self._person(name, "gazetteer", 0.95)
                self._add_mention(start, end, name, "full")
                self._read_roles(sent, start, end, self.people[name])
            for rs, re_ in _name_runs(self.folded, sent.start, sent.end, v):
                self._consider_run(sent, rs, re_)

    def _followed_by_place(self, end: int) -> bool:
        nxt = _NEXT_CAPITALISED.match(self.folded[end:end + 30])
        return bool(nxt and nxt.group(1) in self.vocab.place_followers)

    def _after_courtesy(self, rs: int, re_: int) -> int:
        """Where the name of a run starts: after a courtesy title opening it ("Datuk Seri Khairul Anuar
        Yasin", "Sir John Smith")."""
        lead = self.vocab.courtesy_lead_re.match(self.folded, rs, re_)
        if lead is None and self.folded[rs - 2:rs] in ("' ", "’ "):
            # "Dato' Seri Haji Kamarul …": the apostrophe ended the run before the title's other words
            tail = self.vocab.courtesy_tail_re.search(self.folded, max(0, rs - 30), rs)
            lead = self.vocab.courtesy_lead_re.match(self.folded, tail.start(), re_) if tail else None
        return lead.end() if lead and rs <= lead.end() < re_ and self.folded[lead.end()].isupper() else rs

    def _consider_run(self, sent: Sentence, rs: int, re_: int) -> None:
        """A run of capitalised words: a new person if a title, appositive or speech verb says so."""
        if self._taken(rs, re_):
            # Part of the run may already be a gazetteer name; still read its titles.
            for s, e, name, how in list(self.mentions):
                if s == rs and how == "full":
                    self._read_roles(sent, s, e, self.people[name])
            return
        written_at = rs
        rs = self._after_courtesy(rs, re_)
        if initials := _JOINED_INITIALS_BEFORE.search(self.folded, max(sent.start, rs - 12), rs):
            rs = initials.start(1)  # "K.D.P. Wijesundara", "H.D. Deve Gowda": the given names' initials lead the name
        tokens = self.folded[rs:re_].split()
        if len(tokens) >= 3 and (tokens[0].lower() in self.vocab.titles_lower
                                 or self.vocab.role_noun_re.fullmatch(tokens[0])):
            # "Economist Ramon Ilagan said", "Analyst Jane Roe …": a role opening the sentence is the title
            # before the name, not its first word
            rs, tokens = rs + len(tokens[0]) + 1, tokens[1:]
        chain = self._title_before(sent, rs)
        if len(tokens) == 1:
            self._one_word_run(sent, rs, re_, tokens[0], chain, courtesy=rs > written_at)
            return
        cap = [t for t in tokens if t[:1].isupper()]
        if len(cap) > 4 or self._followed_by_place(re_) or self._is_place(rs, re_):
            return
        name = self.folded[rs:re_]
        written = self.text[rs:re_]
        native = written if written != name else None
        pair = self.vocab.plural_pair_re.search(self.folded, max(sent.start, rs - 80), rs) if chain is None else None
        rule, conf = self._discovery(sent, rs, re_, tokens, chain is not None or pair is not None)
        if not rule:
            return
        canonical = self._without_initial(self.vocab.alias_to_name.get(name, name))
        owners = [p for p in self.people if p.endswith(" " + canonical)] if canonical not in self.people else []
        if len(owners) == 1:  # "El Fassi said" after "Nadia El Fassi": her, by the end of her name
            self._add_mention(rs, re_, owners[0], "short")
            return
        person = self._person(canonical, rule, conf, native=native)
        if native and not person.native:
            person.native = native
        self._add_mention(rs, re_, canonical, "full")
        self._read_roles(sent, rs, re_, person)
        if pair is not None:  # "Presidents Abdulla Shameem and Ranjith Abeysekera": the second is titled too
            person.add_role(self._singular_office(pair.group("title")))
        if seat := _MEMBER_SEAT.match(self.folded, re_, sent.end):  # "Mr Samson Wing (Member for Vanimo-Green River)"
            person.add_role(" ".join(self.text[seat.start("seat"):seat.end("seat")].split()))

    def _singular_office(self, plural: str) -> str:
        """The office one holder of a plural title has ("Foreign Ministers" -> Minister of Foreign Affairs)."""
        title = " ".join(plural.split())
        return self.vocab.normal.get(title.title(), self.vocab.normal.get(title, title))

    def _one_word_run(self, sent: Sentence, rs: int, re_: int, token: str, chain: tuple[int, int] | None,
                      courtesy: bool) -> None:
        """A run of one capitalised word: a titled name kept for later ("Minister Wicaksono"), a one-word
        speaker ("Noh said"), or one name after a courtesy title and an age ("Ibu Yuliana, 52,")."""
        if chain:
            self.pending_titled.append((rs, re_, token, self.folded[chain[0]:chain[1]]))
        elif self._one_name_speaks(sent, rs, re_):
            named = self._first_word_of(token) or self._short_form_of(token)
            if named is not None:  # "Noh Eun-seo said …", later "Noh, a historian, told me": her family name
                named.short.append(token)
                self._add_mention(rs, re_, named.name, "short")
                self._read_roles(sent, rs, re_, named)
                return
            person = self._person(token, "appositive-speaker", 0.6, native=self.text[rs:re_])
            self._add_mention(rs, re_, token, "full")
            self._read_roles(sent, rs, re_, person)
        elif courtesy and _AGE_AFTER.match(self.folded, re_, sent.end):
            # "Ibu Yuliana, 52, has sold cooking oil …": one name after a courtesy title, then an age
            person = self._person(token, "courtesy-age", 0.65, native=self.text[rs:re_])
            self._add_mention(rs, re_, token, "full")

    def _without_initial(self, name: str) -> str:
        """The person a name with or without a middle initial already is ("Loretta E. Lynch" and "Loretta
        Lynch", "Donald J. Trump" and the gazetteer's "Donald Trump"), else the name itself."""
        bare = _MIDDLE_INITIAL.sub(" ", name)
        if bare == name and not any(_MIDDLE_INITIAL.search(p) for p in self.people):
            return name  # (most names: no initial on either side)
        for known in self.people:
            if _MIDDLE_INITIAL.sub(" ", known) == bare:
                return known
        return self.vocab.alias_to_name.get(bare, name) if bare != name else name

    def _discovery(self, sent: Sentence, rs: int, re_: int, tokens: list[str], titled: bool) -> tuple[str, float]:
        """What says a run of two or more capitalised words is a person (rule, confidence); ("", 0.0) if nothing."""
        if len(tokens) > 2 and tokens[0].rstrip(".") in _ABBREVIATED_GIVEN:
            tokens = tokens[1:]  # "Md. Rezaul Karim Chowdhury" is as long a name as "Rezaul Karim Chowdhury"
        if titled:
            return "title-pattern", 0.85
        if self._appositive(sent, re_):
            return "appositive", 0.75
        if self._counterpart(sent, rs):
            return "counterpart", 0.75
        if _WHO_AFTER.match(self.folded, re_, sent.end):
            return "relative-who", 0.65  # "Nana Yaa Mensah, who leads the traders' union, said"
        if _MEMBER_AFTER.match(self.folded, re_, sent.end) or _TITLE_PAREN_BEFORE.search(
                self.folded, max(sent.start, rs - 40), rs):
            # "Mr Samson Wing (Member for Vanimo-Green River)", "The Minister (Hon. Miriam Tovue) replied"
            return "parliamentary", 0.75
        if described := self._described_after(sent, rs, re_, tokens):
            return described
        if len(tokens) <= 3 and self._of_country(re_) and _LISTED_BEFORE.search(self.folded, max(sent.start, rs - 6), rs):
            return "of-country", 0.6  # "the two foreign ministers, Aibek Sadykov of Kyrgyzstan and Rustam …"
        if _OF_ORGANISATION.search(self.folded, max(sent.start, rs - 60), rs):
            return "", 0.0  # "Ramon Ilagan of Union Capital Securities said": the speaker's employer, no person
        of = _OF_WHAT.match(self.folded, re_, sent.end)
        if len(tokens) <= 3 and of and self.vocab.speech_after.match(self.folded[of.end():of.end() + 20]) \
                and not self._is_place(of.start("what"), of.end()) and not self._first_word_stands_alone(tokens):
            # (not "Human Rights Watch of New York said": an organisation of a place speaks too)
            return "speaker-pattern", 0.6  # "… Ramon Ilagan of Union Capital Securities cautioned that …"
        if len(tokens) <= 3 and (self.vocab.speech_after.match(self.folded[re_:re_ + 20])
                                 or _SPEECH_BEFORE.search(self.folded[max(sent.start, rs - 20):rs])) \
                and not self._first_word_stands_alone(tokens):
            return "speaker-pattern", 0.6
        return self._named_again(sent, rs, re_, tokens)

    def _named_again(self, sent: Sentence, rs: int, re_: int, tokens: list[str]) -> tuple[str, float]:
        """A run of two or three words whose word stands alone as a person's elsewhere: "Hiroshi Kanemura spent
        …" and later "Kanemura said"; "Rodel Manalo has fished …" and later "says Mr Manalo"."""
        if len(tokens) not in (2, 3):
            return "", 0.0
        # (the speaking word is claimed first, whether or not the run is taken: the first name written with it)
        speaks = all(t[:1].isupper() for t in tokens) and self._claims_a_speaking_word(sent, self.folded[rs:re_], tokens)
        if self._first_word_stands_alone(tokens):
            return "", 0.0
        if speaks:
            return "short-form-speaks", 0.55
        if tokens[-1] in self._courtesy_words:
            return "courtesy-short", 0.55
        return "", 0.0

    @cached_property
    def _courtesy_words(self) -> frozenset[str]:
        """The words a courtesy title stands before anywhere in the text ("Mr Manalo", "Ms. Roe"): names."""
        pattern = re.compile(r"(?<![\w'])" + self.vocab.courtesy_lead_re.pattern + r"([A-Z][\w'’-]+)")
        return frozenset(m.group(1) for m in pattern.finditer(self.folded))

    def _described_after(self, sent: Sentence, rs: int, re_: int, tokens: list[str]) -> tuple[str, float] | None:
        """An age or a workplace set off after a run: "Josefa Rokobuli, a 34-year-old from Ba", "Ana Ruiz, 52,
        has sold …", "Tran Thi Hanh, of the Diplomatic Academy in Lima, is cautious"."""
        if _AGE_AFTER.match(self.folded, re_, sent.end):
            return "age", 0.7
        if 2 <= len(tokens) <= 4 and _AFFILIATION_AFTER.match(self.folded, re_, sent.end) \
                and not self._is_place(rs, re_) and not self._first_word_stands_alone(tokens):
            return "affiliation", 0.65
        return None

    def _first_word_stands_alone(self, tokens: list[str]) -> bool:
        """Whether the first word of a name the story never shortens to its last stands alone elsewhere
        ("Itaipu, on the river, has 20 units" after "according to Itaipu Binacional"): news shortens a
        person to the family name, so a first word used alone names a company or a place. Not for a
        family-name-first name ("Wang Yi said", then "Wang"), nor for a first word that speaks alone."""
        first, last = tokens[0], tokens[-1]
        naming = _naming_of(tokens, None, self.vocab)
        if (naming is not None and naming.short_first) or first in self._speaking_words():
            return False  # "Noh, a historian, told me": the first word is how the story shortens a person
        alone = re.compile(rf"(?<![\w-]){re.escape(first)}(?![\w-])(?! {re.escape(tokens[1])})")
        uses = list(alone.finditer(self.folded))
        if not uses or any(self._described_as_person(m.start(), m.end()) for m in uses):
            return False  # "Noh, a historian at the university, told me": a person after all
        return re.search(rf"(?<![\w-]){re.escape(first)}\s+(?:\S+\s+)?(?<![\w-]){re.escape(last)}(?![\w-])|"
                         rf"(?<![\w-]){re.escape(last)}(?![\w-])", self.folded.replace(
                             " ".join(tokens), "")) is None

    def _first_word_of(self, word: str) -> _Person | None:
        """The one person found so far whose name starts with ``word`` and whose last word the story never
        writes alone: a family name written first that the naming traditions do not list."""
        owners = [p for p in self.people.values() if len(p.name.split()) > 1 and p.name.split()[0] == word]
        if len(owners) != 1:
            return None
        last = owners[0].name.split()[-1]
        written = len(re.findall(rf"(?<![\w-]){re.escape(last)}(?![\w-])", self.folded))
        return owners[0] if written <= self.folded.count(owners[0].name) else None

    def _short_form_of(self, word: str) -> _Person | None:
        """The one person found so far whose short form ``word`` is ("Jorge Quispe Mamani" … "Mamani, the owner,
        said"): a speaker with an apposition is that person again, not a new one."""
        owners = [p for p in self.people.values() if word in p.short or word in p.extra_short]
        return owners[0] if len(owners) == 1 else None

    def _described_as_person(self, start: int, end: int) -> bool:
        """Whether the word at [start, end) is described by a role right after it ("Noh, a historian")."""
        sent = self.doc.sentence_at(start)
        appos = self._appositive(sent, end) if sent is not None else None
        return appos is not None and bool(self.vocab.role_noun_re.match(self.folded, appos[0]))

    def _claims_a_speaking_word(self, sent: Sentence, name: str, tokens: list[str]) -> bool:
        """Whether the first or last word of ``name`` speaks alone elsewhere ("Kanemura said") and no other
        name of the document claimed it first: the word is the short form of the first name written with it
        ("Yang Geum-ok", then her mother "Yang Soon-ja": "Yang told me" is the daughter)."""
        speaking = self._speaking_words()
        if not speaking or self.doc.passages[sent.passage].role == "heading":
            return False  # a title-case headline: "Clinton Hid Past Health Problems From Public"
        short_owners = _short_owners(self.vocab)
        claimed = False
        for word in {tokens[0], tokens[-1]} & speaking:
            if any(word in p.short for p in self.people.values()) or any(
                    owner.name in self.folded for owner in short_owners.get(word, ())):
                continue  # "Trump said" is the known Donald Trump, not "Hold Melania Trump"
            owner = self._speaking_owner.setdefault(word, name)
            claimed = claimed or owner == name
        return claimed

    def _speaking_words(self) -> frozenset[str]:
        """Capitalised words of the document a speech verb follows ("Kanemura said", "Yang told me"), not
        opening a sentence with a word of no name ("The", "It"), nor after "the" ("The Leaders noted": a
        capitalised common noun)."""
        if self._speaking is None:
            self._speaking = frozenset(m.group(1) for m in self.vocab.speaking_re.finditer(self.folded)
                                       if m.group(1) not in self.vocab.not_name
                                       and not _THE_BEFORE.search(self.folded, max(0, m.start(1) - 5), m.start(1)))
        return self._speaking

    def _one_name_speaks(self, sent: Sentence, rs: int, re_: int) -> bool:
        """ "Sutarmi, head of a feedlot cooperative of 38 families, said …": one name opening its sentence,
        described by a role and then speaking, is a person who goes by one name (an organisation's
        description names no role: "Pertamina, the state energy company, said")."""
        if rs != sent.start or self.text[rs:re_] in self.vocab.not_name:
            return False
        appos = self._appositive(sent, re_)
        if appos is None or not self.vocab.role_noun_re.match(self.folded, appos[0]):
            return False
        after = re.match(r"\s*,\s+", self.folded[appos[1]:appos[1] + 4])
        return bool(after) and bool(self.vocab.speech_after.match(" " + self.folded[appos[1] + after.end():
                                                                                 appos[1] + after.end() + 30]))

    def _counterpart(self, sent: Sentence, start: int) -> re.Match[str] | None:
        """"her Moroccan counterpart, " right before ``start`` (after the title chain, if any)."""
        chain = self._title_before(sent, start)
        at = chain[0] if chain else start
        return _counterpart_re(self.vocab.nat_re.pattern).search(self.folded, max(sent.start, at - 60), at)

    def _counterpart_after(self, sent: Sentence, end: int) -> str | None:
        """The country of ", her Moroccan counterpart" right after a name (the apposition that says whose
        side the person is on), or None."""
        found = _counterpart_after_re(self.vocab.nat_re.pattern).match(self.folded, end, sent.end)
        return self._country_word(found.group(1)) if found else None

    def _counterpart_office(self, sent: Sentence, before: int, country: str | None) -> str | None:
        """The office of a counterpart: that of the last titled person before it in the sentence
        ("Spanish Prime Minister … and her Moroccan counterpart" -> Prime Minister of Morocco)."""
        units = [at for at in self._units if sent.start <= at < before]
        if not units:
            return None
        role, _ = self._normalize_unit(self._units[max(units)], None, other_country=country)
        return role

    def _read_roles(self, sent: Sentence, start: int, end: int, person: _Person) -> None:
        chain = self._title_before(sent, start)
        if person.country is None:  # before the roles, which name the country of a national office
            person.country = self._delegation_country(sent, chain[0] if chain else start, end)
        counterpart = self._counterpart(sent, start)
        if counterpart:
            country = self._country_word(counterpart.group(1)) if counterpart.group(1) else None
            if person.country is None:
                person.country = country
            office = None if chain else self._counterpart_office(sent, counterpart.start(), country)
            if office:
                person.add_role(office)
        if chain:
            roles, country = self._roles_from_chain(chain[0], chain[1], person)
            office = self._office_before(sent, chain[0]) if country is None and roles else None
            if office:  # "Peru Coast Guard spokesperson Ruiz": the office's role, in its country
                country, roles = office[0], [f"{office[1]} {roles[0]}".strip(), *roles[1:]]
            _take_roles(person, roles, country)
            if country:
                self.nat_titled[end] = country
            elif person.country is None:
                # "Mexico's Foreign Secretary, Jane Roe, and Economy Secretary John Doe": the nationality
                # in front of a coordinated list of titled people covers them all.
                before = self.folded[sent.start:chain[0]]
                joined = _LIST_JOIN.search(before)
                if joined and "and" not in joined.group() and (
                        not _LIST_GOES_ON.match(self.text, end, sent.end) or self._of_country(end)):
                    joined = None  # a comma alone joins a list only where it goes on ("A, B and C"), not
                    # "Welcomed by Peruvian Minister A, Trade Minister B of Chile said …"
                if joined:
                    for prev_end, c in list(self.nat_titled.items()):
                        if sent.start <= prev_end <= sent.start + joined.start() and re.fullmatch(
                                r",?", before[prev_end - sent.start:joined.start()].strip()):
                            person.country = c
                            self.nat_titled[end] = c  # and on down the list ("…, Jane Roe and Economy Secretary …")
                            break
        appos = self._appositive(sent, end)
        if appos:
            _take_roles(person, *self._appositive_roles(appos[0], appos[1], person))
        if person.country is None:
            person.country = self._counterpart_after(sent, end)
        if person.country is None:
            person.country = self._of_country(end)
        if person.country is None and chain:
            person.country = self._place_lead_country(sent, chain[0])
        if person.country is None:
            person.country = self._title_country(sent, chain[0] if chain else start, start)

    def _publisher_officials(self) -> None:
        """In a government's own release or briefing (its publisher a ministry or office of one country), an
        official whose office the text gives without a country is that government's: "Minister of Foreign
        Affairs Kang Tae-won" in the Korean ministry's briefing, "Spokesperson Song Ji-hye"."""
        publisher = self.doc.source.publisher or ""
        if not _GOVERNMENT_BODY.search(publisher):
            return
        named = {self.vocab.country_mentions[m.group()] for m in self.vocab.country_mention_re.finditer(publisher)}
        if len(named) != 1:
            return  # "Prime Minister's Office of Malaysia; Ministry of Foreign Affairs of Indonesia": two
        home = named.pop()
        for person in self.people.values():
            if person.country is None and any(GOVERNMENT_OFFICE.search(role) for role in person.roles):
                person.country = home

    def _title_country(self, sent: Sentence, chain_start: int, start: int) -> str | None:
        """The country of an office or honorific only some countries have ("Chief Cabinet Secretary",
        "Datuk Seri"), when the article names exactly one of them."""
        v = self.vocab
        lo = max(sent.start, min(chain_start, start - 40))
        found = v.title_country_re.search(self.folded, lo, start)
        if found is None:
            return None
        named = [c for c in v.title_countries[self.text[found.start():found.end()]] if c in self._countries_named]
        return named[0] if len(named) == 1 else None

    @cached_property
    def _countries_named(self) -> frozenset[str]:
        """Every country the article names, by its name, an alias or its nationality word."""
        return frozenset(self.vocab.country_mentions[m.group()] for m in self.vocab.country_mention_re.finditer(self.folded))

    def _delegation_country(self, sent: Sentence, before: int, end: int) -> str | None:
        """The country whose delegation an official leads: "while Ethiopia was represented by Foreign Minister
        Mesfin …", "The Saudi side was led by …", "…, who led the Indian delegation"."""
        v = self.vocab
        window = self.folded[max(sent.start, before - 80):before]
        if window.endswith(("by ", "by the ")) and (m := v.led_by_re.search(window)):
            return v.country_mentions.get(m.group("who"))
        after = self.folded[end:min(sent.end, end + 140)]
        if ("delegation" in after or "side" in after or "team" in after) and (m := v.leads_delegation_re.match(after)):
            return v.country_mentions.get(m.group("who"))
        return None

    def _place_lead_country(self, sent: Sentence, chain_start: int) -> str | None:
        """"In Nairobi, Trade Ministry spokesman Peter Otieno said": an official titled right after a
        sentence's opening place speaks for that place's country."""
        m = _PLACE_LEAD.match(self.folded, sent.start)
        if m is None or m.end() > chain_start or not _CAPITALISED_WORDS.fullmatch(self.folded, m.end(), chain_start):
            return None  # the title opens the clause, or follows its office ("Commerce Ministry spokesman")
        place = m.group(1)
        return self.vocab.places.get(place) or self.vocab.country_names.get(place)

    def _office_before(self, sent: Sentence, chain_start: int) -> tuple[str, str] | None:
        """(its country, the office as written) for a capitalised office right before a title that opens with
        a country ("Ruritanian Navy spokesperson Ana Ruiz", "the Peru Coast Guard spokesman"), else None."""
        window = self.folded[sent.start:chain_start]
        owned = _OWNED_OFFICE.search(window)
        if owned:  # "Peru's defence ministry spokeswoman, …": a country's office in lower case
            country = self._country_word(owned.group("country"))
            if country:
                return country, owned.group("office").title()
        m = _OFFICE_BEFORE.search(window)
        if m is None or not _OFFICE_OPENS.search(window, 0, m.start(1)):
            return None
        office = " ".join(self.text[sent.start + m.start(1):sent.start + m.end(1)].split())
        if office.startswith("The "):
            office = office[4:]  # "The Kenya Airways chief executive …"
        words = office.split()
        for n in (2, 1):
            country = self._country_word(" ".join(words[:n]).removesuffix("'s").removesuffix("’s"))
            if country:  # "Peru spokesman Juan Ruiz": the country's own, no office
                return country, office if len(words) > n else ""
        return None

    def _of_country(self, end: int) -> str | None:
        """The country right after a name ("the two ministers, Aibek Sadykov of Kyrgyzstan and …")."""
        m = _OF_COUNTRY.match(self.folded, end)
        return self.vocab.country_names.get(m.group(1)) if m else None

    def find_heading_names(self) -> None:
        """A titled name after "by" or "of" in a heading, or owning what the heading titles ("Regular Press
        Briefing by Spokesperson Song Ji-hye", "Remarks by President Jane Roe", "Spokesperson Lin Qingyu's Regular
        Press Conference"): a briefing's or a speech's speaker, whom the prose may never name."""
        for passage in self.doc.passages:
            if passage.role != "heading" or not (_BY_TITLE.search(self.folded, passage.start, passage.end)
                                                 or _POSSESSIVE.search(self.folded, passage.start, passage.end)):
                continue
            sent = Sentence(self.doc.source.id, passage.index, passage.start, passage.end, passage.text)
            for rs, re_ in _name_runs(self.folded, passage.start, passage.end, self.vocab):
                chain = self._title_before(sent, rs)
                if chain and len(self.folded[rs:re_].split()) >= 2 and (_BY_BEFORE.search(
                        self.folded, max(passage.start, chain[0] - 40), chain[0])
                        or _POSSESSIVE.match(self.folded, re_)):
                    self._consider_run(sent, rs, re_)
                    named = next((m[2] for m in reversed(self.mentions) if m[0] == rs), None)
                    if named is not None:
                        self.heading_spans.setdefault(named, (passage.start, passage.end))

    def find_bylines(self) -> None:
        """People credited in a byline ("Translated by Jane Roe"), which is not prose but names a person."""
        for passage in self.doc.passages:
            if passage.reason != "byline":
                continue
            m = _BYLINE.match(self.folded, passage.start, passage.end)
            if not m or len(m.group(2).split()) < 2:
                continue
            name = self.vocab.alias_to_name.get(m.group(2), m.group(2))
            written = self.text[m.start(2):m.end(2)]
            person = self._person(name, "byline", 0.7, native=written if written != name else None)
            person.add_role(_BYLINE_ROLES[case_key(m.group(1))])
            self._add_mention(m.start(2), m.end(2), name, "byline")
            self.byline_spans[name] = (passage.start, passage.end)

    def find_short_forms(self) -> None:
        """Mentions by a short form ("Okafor" for Ngozi Okafor): titled ones first, then full names found
        by discovery wherever else they appear, then every bare short form that names one person."""
        self._titled_short_forms()
        self._full_names_again()
        shorts, extra = self._short_forms()
        if shorts:
            self._bare_short_forms(shorts, extra)

    def _titled_short_forms(self) -> None:
        """Titled single words ("Ambassador Ma", "President Okafor"): the title makes even "Ma" safe."""
        for rs, re_, token, _chain in self.pending_titled:
            name = self._resolve_short(token, rs) or self._titled_name_word(token, rs)
            if name is None:
                name = self._gazetteer_short(token, _chain)
                if name is not None:
                    self._person(name, "gazetteer", 0.8)
                elif self._one_name_office(token, re_, _chain):
                    # "President Haryo", "Defence Minister Wicaksono": an office-holder of one name (as many
                    # Indonesians are) whom the text names no other way
                    name = token
                    self._person(name, "titled one name", 0.6)
                else:
                    continue
            chain = self._title_before(self.doc.sentence_at(rs) or self.doc.sentences[0], rs)
            start = chain[0] if chain else rs
            self._add_mention(rs, re_, name, "short")
            person = self.people[name]
            title_form = self.text[start:re_]
            if chain and title_form not in person.forms and len(title_form) < 40:
                person.forms.append(title_form)
            sent = self.doc.sentence_at(rs)
            if sent is not None:
                self._read_roles(sent, rs, re_, person)

    def _titled_name_word(self, token: str, offset: int) -> str | None:
        """The one person named in full before ``offset`` with ``token`` among the words of the name: a
        title before a word too short or common to stand alone ("Prime Minister Ong" after "Prime Minister
        Samuel Ong Jun Hao") makes it that person's."""
        owners = {name for s, _e, name, how in self.mentions
                  if how == "full" and s < offset and token in name.split()[:-1]}
        return owners.pop() if len(owners) == 1 else None

    def _full_names_again(self) -> None:
        """Full names found by discovery, wherever else they appear (before or after the title that
        revealed them)."""
        found = [p.name for p in self.people.values() if p.name not in self.vocab.people and " " in p.name]
        if not found:
            return
        places = _occurrences(self.folded, found)
        for sent in self.doc.sentences:
            for s, e in _whole_words_at(self.folded, places, sent.start, sent.end, _no_word_after):
                if not self._taken(s, e):
                    self._add_mention(s, e, self.folded[s:e], "full")

    def _short_forms(self) -> tuple[dict[str, list[str]], set[str]]:
        """Each usable short form -> the people it may name, and the extra ones among them (a given name
        or the like, used only when one person has it and the text never uses it as a common word:
        "Rose", "rose")."""
        shorts: dict[str, list[str]] = {}
        for person in self.people.values():
            for s in person.short:
                if s not in _RISKY_SHORT:
                    shorts.setdefault(s, []).append(person.name)
        owners: dict[str, set[str]] = {}
        for person in self.people.values():
            for s in [*person.short, *person.extra_short]:
                owners.setdefault(s, set()).add(person.name)
        extra: set[str] = set()
        for person in self.people.values():
            for s in person.extra_short:
                if len(owners[s]) == 1 and s not in shorts and not _whole_words(
                        self.folded, [s.lower()], 0, len(self.folded), _no_word_after):
                    shorts[s] = [person.name]
                    extra.add(s)
        return shorts, extra

    def _bare_short_forms(self, shorts: dict[str, list[str]], extra: set[str]) -> None:
        """Every other occurrence of a short form that is not part of a longer name or a place."""
        v = self.vocab
        places = _occurrences(self.folded, shorts)
        for sent in self.doc.sentences:
            for start, end in _whole_words_at(self.folded, places, sent.start, sent.end, _no_word_or_contraction_after):
                if self._taken(start, end) or self._followed_by_place(end):
                    continue
                nxt = _NEXT_CAPITALISED.match(self.folded[end:end + 20])
                if nxt and nxt.group(1) not in v.not_name:
                    continue  # part of some other, longer name
                prev = re.search(r"([A-Z][a-z]+)\s+$", self.folded[max(sent.start, start - 20):start])
                token = self.folded[start:end]
                if token in extra and prev and prev.group(1) not in v.not_name and prev.group(1) not in v.courtesy:
                    continue  # (a courtesy title before a given name is no other name: "Ratu Aisea", "Ibu Sri")
                name = self._resolve_short(token, start)
                if name:
                    self._add_mention(start, end, name, "short")
                    self._read_roles(sent, start, end, self.people[name])

    def _resolve_short(self, token: str, offset: int) -> str | None:
        owners = [p.name for p in self.people.values() if token in p.short or token in p.extra_short]
        if len(owners) <= 1:
            return owners[0] if owners else None
        # Several people share the short form: the one the text has named most so far (a newsroom gives a
        # relative of the person it is about the full or the first name, "his father, Rafael Cruz", and
        # "Cruz" stays the senator), of equals the one named in full most recently.
        named: dict[str, int] = {}
        last_full: dict[str, int] = {}
        for s, _e, name, how in self.mentions:
            if name in owners and s < offset:
                named[name] = named.get(name, 0) + 1
                if how == "full":
                    last_full[name] = s
        if not last_full:
            return None
        return max(last_full, key=lambda name: (named[name], last_full[name]))

    def _one_name_office(self, token: str, end: int, chain: str) -> bool:
        """Whether a titled single word is a person of one name: an office before it (no courtesy title,
        whose word may be a family name: "Mr Tan"), the word a name (no title, country, place, month or
        word of an organisation: "President Emeritus", "Minister Counsellor"), and no other person's name
        holding it as a word ("Minister Strong" after "Paul Strong" is his)."""
        if len(token) < 4 or not token[1:].islower() or token in _RISKY_SHORT or token in self.vocab.not_name \
                or token in self.vocab.months or token in self.vocab.places or token.lower() in self.vocab.titles_lower \
                or self.folded[end:end + 1] in ("'", "’"):  # "Dato' Seri …": an honorific
            return False
        word = _last_word(chain)
        if word.rstrip(".").lower() not in self.vocab.title_ends:
            return False  # "… at the School of Public Economics": an office, not a title, before it
        if {word, word.rstrip("."), word.rstrip(".") + "."} & self.vocab.courtesy_ends:
            return False  # "Mr Tan", "Dr. Tan": a courtesy title, before what may be a family name
        return not any(token in p.name.split() for p in self.people.values())

    def _gazetteer_short(self, token: str, chain: str) -> str | None:
        """A titled short form of a known person the text never names in full ("President Okafor")."""
        if token in _RISKY_SHORT:
            return None
        hits = _short_owners(self.vocab).get(token, [])
        if len(hits) != 1:
            return None
        titles = [self.vocab.normal.get(t, t) for t in self.vocab.titles_lower.values() if t.lower() in chain.lower()]
        if any(_holds(role, t) for role in hits[0].roles for t in titles if t not in self.vocab.courtesy):
            return hits[0].name
        return None

    def find_role_refs(self) -> None:
        v = self.vocab
        for sent in self.doc.sentences:
            for m in v.role_ref_re.finditer(self.folded, sent.start, sent.end):
                if self._taken(m.start(), m.end()):
                    continue
                after = self.folded[m.end():m.end() + 60]
                if re.match(r"(?:'s)?\s+[A-Z][a-z]+", after) and not re.match(r"'s", after):
                    nxt = re.match(r"\s+([A-Z][a-z]+)", after)
                    if nxt and nxt.group(1) not in v.not_name:
                        continue  # a title before a name, not a reference
                if re.match(r"s\b|'s\s+(?:own\s+)?\w+s\b", after) and after.startswith("s"):
                    continue
                noun = m.group("noun").lower()
                mod = (m.group("mod") or "").lower()
                key = f"{mod} {noun}" if mod and f"{mod} {noun}" in v.role_refs else noun
                targets = v.role_refs.get(key) or v.role_refs.get(noun) or []
                country = v.nationalities.get(m.group("nat")) if m.group("nat") else None
                org = re.match(r"\s+of\s+(?:the\s+)?(\w+)", after)
                if org:
                    if org.group(1) not in v.org_country:
                        continue  # "the general secretary of the ...": a description, not a reference
                    country = country or v.org_country[org.group(1)]
                    targets = list(v.party_leader_titles)  # "the general secretary of the <party>"
                name = self._resolve_role(targets, country, m.start())
                if name:
                    self._add_mention(m.start(), m.end(), name, "role")

    def _resolve_role(self, targets: list[str], country: str | None, offset: int) -> str | None:
        counts: dict[str, tuple[int, int]] = {}
        for s, _e, name, _how in self.mentions:
            if s < offset:
                n, _last = counts.get(name, (0, -1))
                counts[name] = (n + 1, s)
        candidates = []
        for name, (n, last) in counts.items():
            person = self.people[name]
            if country and person.country != country:
                continue
            # Roles the text gives outrank what the gazetteer knows; ended roles ("(2016–2024)") never count.
            current = [r for r in person.known_roles if not re.search(r"\d{4}\)", r)]
            if any(_holds(role, t) for role in person.roles for t in targets):
                candidates.append((2, n, last, name))
            elif any(_holds(role, t) for role in current for t in targets):
                candidates.append((1, n, last, name))
        if not candidates and country:
            # "The Polish leader" when no one is known to be Polish: the holder last named,
            # among people whose country the text has not given; the reference now gives it.
            unplaced = [(last, name) for name, (_n, last) in counts.items() if self.people[name].country is None
                        and any(_holds(r, t) for r in self.people[name].all_roles() for t in targets)]
            if unplaced:
                name = max(unplaced)[1]
                self.people[name].country = country
                return name
        if not candidates:
            return None
        candidates.sort(reverse=True)
        return candidates[0][3]

    # -- results

    def _credits(self) -> dict[str, str]:
        """People named only in the article's credits: a byline ("Translated by …") or an author's note
        ("Editor's Note: X, a commentator …, is …") -> "translator", "author", …

        They are the article's makers, not actors in its news: their items are marked so lists of
        leaders leave them out (the source's own metadata keeps its author).
        """
        where: dict[str, set[str]] = {}
        starts = [p.start for p in self.doc.passages]
        for s, _e, name, how in self.mentions:
            if how == "role":
                continue
            i = bisect.bisect_right(starts, s) - 1
            passage = self.doc.passages[i] if i >= 0 and s < self.doc.passages[i].end else None
            if how == "byline":
                where.setdefault(name, set()).add(_BYLINE_ROLES.get(self._byline_verb(name), "credit").lower())
            elif passage is not None and (note := _AUTHOR_NOTE.match(passage.text)) and \
                    s - passage.start <= note.end() + 3:
                # the note's subject, named first ("Editor's Note: X, a commentator …, is …"); a person the
                # note mentions later ("… updated with comments from Minister Y") is not its author
                where.setdefault(name, set()).add("author")
            else:
                where.setdefault(name, set()).add("")
        return {name: sorted(kinds)[0] for name, kinds in where.items() if "" not in kinds}

    def _byline_verb(self, name: str) -> str:
        span = self.byline_spans.get(name)
        m = _BYLINE.match(self.folded, *span) if span else None
        return m.group(1).lower() if m else ""

    @cached_property
    def country_pair(self) -> tuple[str, str] | None:
        """``_country_pair``, read once (several placing steps ask for it)."""
        return self._country_pair()

    def _country_pair(self) -> tuple[str, str] | None:
        """The two countries an article on a bilateral relationship is about: the two it names most, each
        at least twice, when a third is named clearly less often than the second."""
        counts: dict[str, int] = {}
        for m in self.vocab.country_mention_re.finditer(self.text):
            if _CURRENCY_AFTER.match(self.text, m.end()):
                continue  # "US$318 million", "the US dollar": a currency, not the country the article is about
            country = self.vocab.country_mentions[m.group(0)]
            counts[country] = counts.get(country, 0) + 1
        ranked = sorted(counts.items(), key=lambda kv: -kv[1])
        if len(ranked) < 2 or ranked[1][1] < 2 or (len(ranked) > 2 and ranked[2][1] * 2 > ranked[1][1]):
            return None
        return ranked[0][0], ranked[1][0]

    def _place_counterparts(self) -> None:
        """"Prime Minister A held talks with Cambodian Prime Minister B": in an article on two countries, a
        holder of a national office whose country the text does not give, named in a sentence with the
        holder of the same office of one of the two, holds it for the other."""
        unplaced = {name for name, p in self.people.items() if p.country is None and p.roles}
        if not unplaced:
            return
        pair = self.country_pair
        if pair is None:
            return
        by_sentence: dict[int, set[str]] = {}
        for s, _e, name, how in self.mentions:
            sent = self.doc.sentence_at(s) if how == "full" else None
            if sent is not None:
                by_sentence.setdefault(sent.start, set()).add(name)
        for names in by_sentence.values():
            for name in names & unplaced:
                if self.people[name].country is not None:
                    continue  # placed by an earlier sentence: the first evidence stands
                office = self._office(self.people[name])
                held = {self.people[n].country for n in names - {name}
                        if self.people[n].country in pair and self._office(self.people[n]) == office}
                if office in self.vocab.national_titles and len(held) == 1:
                    self.people[name].country = next(c for c in pair if c not in held)

    def _country_of_place(self, place: str) -> str | None:
        """The country a place is, or is in ("Iceland", "Reykjavik"), if the lexicon knows it."""
        return self.vocab.country_names.get(place) or self.vocab.places.get(fold(place))

    def _office(self, person: _Person) -> str | None:
        """A person's first role without its country ("Prime Minister" of "Prime Minister of Cambodia")."""
        if not person.roles:
            return None
        role = person.roles[0]
        return role.removesuffix(f" of {person.country}") if person.country else role

    def _drop_roles_naming_others(self) -> None:
        """A role that lists other people of the text is none: ", Prime Minister Jane Roe and Chairman John Doe"
        after a name is the rest of a list of people, not that name's office (a name the role depends on stays:
        "a spokesman for President Jane Roe")."""
        names = [n for n in self.people if " " in n]
        for person in self.people.values():
            if person.roles:
                person.roles = [r for r in person.roles if not any(
                    n != person.name and n in r and _listed_name_re(n).search(r) for n in names)]

    def findings(self) -> tuple[list[Finding], PeopleIndex]:
        self._drop_roles_naming_others()
        self._place_counterparts()
        self._publisher_officials()
        place_by_relations(self.text, self.doc.sentences, self.mentions, self.people, self.country_pair,
                           self._country_of_place)
        self._place_counterparts()
        self.mentions.sort()
        index = PeopleIndex([Mention(s, e, name) for s, e, name, _ in self.mentions])
        named: dict[str, list[tuple[int, int]]] = {}
        for s, _e, name, how in self.mentions:
            if how == "role":
                continue
            sent = self.doc.sentence_at(s)
            span = (sent.start, sent.end) if sent else self.byline_spans.get(name) or self.heading_spans.get(name)
            if span is None:
                continue
            spans = named.setdefault(name, [])
            if span not in spans:
                spans.append(span)
        credits = self._credits()
        out: list[Finding] = []
        for name, spans in named.items():
            p = self.people[name]
            # Only roles this text states: a gazetteer role no citation backs would be an unanchored fact.
            roles = p.roles
            aliases = list(dict.fromkeys([*p.forms, *([p.native] if p.native else [])]))
            label = f"{p.name} — {roles[0]}" if roles else p.name
            out.append(Finding(
                kind="person",
                key=p.name,
                label=label,
                fields={"name": p.name, "aliases": aliases, "country": p.country,
                        "roles": list(roles), "native": p.native,
                        **({"credit": credits[name]} if name in credits else {})},
                spans=spans,
                rule=p.rule,
                confidence=p.confidence,
            ))
        return out, index


def _take_roles(person: _Person, roles: list[str], country: str | None) -> None:
    """Roles the text gives a person; a country only if none is known yet (the first statement wins)."""
    for role in roles:
        person.add_role(role)
    if person.country is None and country:
        person.country = country


def _holds(role: str, target: str) -> bool:
    """Does a role string hold the target title ("Vice President of Kenya" does not hold "President")?"""
    return _holds_re(target).search(role) is not None


# Patterns built from a word of the text or the gazetteer, compiled once per word (not once per call).
@lru_cache(maxsize=4096)
def _holds_re(target: str) -> re.Pattern[str]:
    pattern = r"(?<!Vice )(?<!Deputy )(?<!vice )(?<!deputy )\b" + re.escape(target) + r"\b"
    return re.compile(pattern, re.I if target[:1].islower() else 0)


@lru_cache(maxsize=1024)
def _listed_name_re(name: str) -> re.Pattern[str]:
    """``name`` as a person of a list inside a role: opening it or after a comma or "and", a title before it."""
    return re.compile(r"(?:^|,\s+|\band\s+)(?:[A-Z][\w.'’-]*\s+){0,6}" + re.escape(name) + r"(?![\w])")


@lru_cache(maxsize=8192)
def _whole_word_re(place: str) -> re.Pattern[str]:
    return re.compile(r"(?<![\w])" + re.escape(place) + r"(?![\w])")


# The names of one document, found as the regex ``(?<![\w'])(?:NAME|NAME|…, longest first)(?!…)`` would
# find them in a sentence (``finditer(text, start, end)``), without compiling that alternation per document:
# each name by str.find, the regex's choice among those that fit at a place (the longest), left to right.


def _is_word_char(c: str) -> bool:
    """``\\w`` of ``re`` (Unicode) for one character."""
    return c.isalnum() or c == "_"


def _no_word_after(text: str, end: int, limit: int) -> bool:
    """``(?![\\w])`` at ``end`` of a text cut at ``limit``."""
    return end >= limit or not _is_word_char(text[end])


def _no_word_or_contraction_after(text: str, end: int, limit: int) -> bool:
    """``(?![\\w]|'[A-Za-z]{2})`` at ``end`` of a text cut at ``limit`` (not "Wang's"' "'s" but "O'Neill"'s "'Ne")."""
    if end >= limit:
        return True
    if _is_word_char(text[end]):
        return False
    return not (text[end] == "'" and end + 3 <= limit and text[end + 1] in _ASCII_LETTERS
                and text[end + 2] in _ASCII_LETTERS)


_ASCII_LETTERS = frozenset(string.ascii_letters)


def _whole_words(text: str, words: Iterable[str], start: int, end: int,
                 free_after: Callable[[str, int, int], bool]) -> list[tuple[int, int]]:
    """(start, end) of each match, left to right and without overlaps, of any of ``words`` inside
    [start, end) of ``text``: not after a word character or an apostrophe, and ``free_after`` its end."""
    longest: dict[int, int] = {}
    for word in words:
        at = text.find(word, start, end) if word else -1
        while at >= 0:
            after = at + len(word)
            if (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "'")) and free_after(text, after, end):
                longest[at] = max(after, longest.get(at, after))
            at = text.find(word, at + 1, end)
    return _left_to_right(longest, start)


def _occurrences(text: str, words: Iterable[str]) -> tuple[list[int], list[tuple[int, int]]]:
    """Every occurrence (start, end) of each of ``words`` in ``text``, overlapping ones too, by start,
    and their starts: one str.find pass per word and document, for _whole_words_at."""
    hits: list[tuple[int, int]] = []
    for word in words:
        at = text.find(word) if word else -1
        while at >= 0:
            hits.append((at, at + len(word)))
            at = text.find(word, at + 1)
    hits.sort()
    return [h[0] for h in hits], hits


def _whole_words_at(text: str, places: tuple[list[int], list[tuple[int, int]]], start: int, end: int,
                    free_after: Callable[[str, int, int], bool]) -> list[tuple[int, int]]:
    """``_whole_words(text, words, start, end, free_after)`` read from ``places``, the occurrences of
    ``words`` (_occurrences): those inside [start, end), as str.find finds them there, sentence by
    sentence without a pass per word and sentence."""
    starts, hits = places
    longest: dict[int, int] = {}
    for i in range(bisect.bisect_left(starts, start), bisect.bisect_left(starts, end)):
        at, after = hits[i]
        if after <= end and (at == 0 or not (_is_word_char(text[at - 1]) or text[at - 1] == "'")) \
                and free_after(text, after, end):
            longest[at] = max(after, longest.get(at, after))
    return _left_to_right(longest, start)


def _left_to_right(longest: dict[int, int], start: int) -> list[tuple[int, int]]:
    """The matches (at, longest[at]) from ``start`` on, left to right, each after the one before."""
    found: list[tuple[int, int]] = []
    pos = start
    for at in sorted(longest):
        if at >= pos:
            found.append((at, longest[at]))
            pos = longest[at]
    return found


@lru_cache(maxsize=4)
def _counterpart_re(nationality: str) -> re.Pattern[str]:
    """"her Moroccan counterpart, " (the nationality, if any, in group 1) right before a name."""
    return re.compile(r"\b(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts|[Tt]he)\s+(?:(" + nationality + r")\s+)?counterparts?\s*,?\s*$")


@lru_cache(maxsize=4)
def _counterpart_after_re(nationality: str) -> re.Pattern[str]:
    """", her Moroccan counterpart" (the nationality in group 1) right after a name."""
    return re.compile(r"\s*,\s+(?:[Hh]is|[Hh]er|[Tt]heir|[Ii]ts)\s+(" + nationality + r")\s+counterparts?\b")


def extract_people(doc: Document, lexicon: Lexicon | None = None) -> tuple[list[Finding], PeopleIndex]:
    """People named in a document (one finding each) and every mention of them."""
    state = _DocPeople(doc, lexicon)
    state.find_full_names()
    state.find_heading_names()
    state.find_bylines()
    state.find_short_forms()
    state.find_role_refs()
    return state.findings()


_TITLE_ABBREVIATIONS = {"sen", "rep", "gov", "gen", "lt", "col", "adm", "sgt", "capt", "maj", "amb", "cmdr", "supt"}


def name_after_titles(phrase: str, lexicon: Lexicon | None = None) -> str:
    """The person's name ending a titled phrase, for a speaker people.py has no item for:
    "Trade Minister Ömer Faruk Yılmaz" -> "Ömer Faruk Yılmaz", "NYPD Commissioner Jane O'Hara" ->
    "Jane O'Hara". A phrase that ends in no name ("Kenya's Foreign Ministry"), or has no title in
    front of its name ("The New York Times", "Mr. Burman"), is returned unchanged."""
    v = _vocab(lexicon)
    phrase = re.sub(r"\s*\([A-Z][A-Za-z.]*-[A-Z][\w. ]*\)\s*$", "", phrase)  # "(R-Ohio)"
    words = phrase.split()
    k = len(words)
    while k > 0:
        w = fold(words[k - 1]).strip(".,")
        if not w[:1].isupper() or w in v.not_name or w.lower() in v.titles_lower or w.lower() in _TITLE_ABBREVIATIONS:
            break
        k -= 1
    name, lead = words[k:], words[:k]
    if len(name) < 2 or not lead:
        return phrase
    titles = {t for t in v.titles_lower if " " not in t} | _TITLE_ABBREVIATIONS
    if not any(fold(w).strip(".,").lower() in titles for w in lead):
        return phrase
    return " ".join(name)


class PeopleExtractor:
    """People named in the document: one finding each (the mentions are ``AnalysedDocument.people``)."""

    name = "people"
    reads = ("passages", "sentences", "people")
    produces = "person"

    def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]:
        return doc.person_findings
