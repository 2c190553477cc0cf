"""Events: dated visits, talks, phone calls, summits, signings, launches, openings, establishments.

Per sentence: find event words ("state visit", "held talks", "phone talk",
"signed", "launched", "Summit" …) and date mentions (``dates.py``), pair each
event word with the date that follows it in its clause (or a sentence-leading
date: "In 2015, he visited …"), and keep one event per (sentence, date).

Undated sub-events ("Ferreira held talks with Boateng", "During the Accra meeting …
the signing of …") take the date of the visit or meeting they happen in: the
latest dated visit/talks event earlier in the same article that shares a
participant. A date range lends only what is certain (its month, or its day
if it is a single day). Nothing else is dated by guesswork: undated events
are left out.

The key is event family | main participants (or place/object), with the date
beside it: the pipeline merges the same event reported by several sources
when their dates are compatible ("2023-12" and "2023-12-12").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace
from functools import cached_property

from bilateral.core.model import Sentence
from bilateral.ingest.agreements import (
    Candidate,
    Vocabulary,
    agreement_key,
    countries_in,
    find_candidates,
    vocabulary,
)
from bilateral.ingest.analysis import AnalysedDocument
from bilateral.ingest.dates import DateMention, find_dates
from bilateral.ingest.findings import Finding, Mention, PeopleIndex
from bilateral.ingest.lexicon import Lexicon
from bilateral.ingest.numbers import ORDINAL_WORDS, UNDER_HUNDRED_WORDS, cardinal
from bilateral.ingest.prefilter import Needs, NeedsTable, ascii_lower
from bilateral.ingest.speakers import pronoun_person
from bilateral.ingest.text import TIMELINE_ENTRY, Document

#: "opened fire", "opened the door to", "opened an investigation", "opened up": no place or service opened
_NOT_OPENED = (r"(?! up\b| fire\b| (?:the|a|an|its|their|his|her) (?:door|doors|way|investigation|inquiry|probe|case|"
               r"market|markets)\b)")

#: the words before the organisation a state accedes to: "joined ASEAN", "acceded to the WTO"
_ACCESSION_LEAD = r"(?:joined|joins|acceded\s+to|accession\s+to|admitted\s+to|admission\s+to)\s+(?:the\s+)?"
#: a vessel that sank: its noun or its prefixed name, then the verb
_SUNK = (r"(?-i:\b(?:(?:KM|MV|MT|MS|HMS|USS|RV|SS)\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2}))\s+(?:sank|capsized|went down)\b"
         r"|\b(?:boat|ship|vessel|ferry|trawler|tanker|submarine|freighter|barge|yacht|dinghy)\s+"
         r"(?:[\w-]+\s+){0,3}?(?:sank|capsized|went down)\b")
#: a project of construction named by its places and its kind ("Lima – Callao standard-gauge railway", "391-km line")
_PROJECT = (r"(?:(?:[A-Z][\w'’.]*(?:\s*[–-]\s*|\s+)){0,8}(?:[\d.,]+-km\s+|[a-z]+-[a-z]+\s+|new\s+){0,3}"
            r"(?:railway|rail\s+line|line|bridge|port|expressway|highway|motorway|road|pipeline|power\s+plant|plant|"
            r"dam|terminals?|airport|tunnel|corridor|metro|canal))")
# (kind, family, pattern); earlier entries win where matches overlap.
_TRIGGERS: list[tuple[str, str, re.Pattern[str]]] = [
    ("phone call", "phone call", re.compile(
        r"\b(?:tele)?phone (?:talks?|calls?|conversations?)\b|\bvideo (?:calls?|conference|talks?)\b"
        r"|\b(?:spoke|spoken|speak|speaks|talked|talks) (?:(?:twice|again|briefly) )?(?:by|on the|over the) "
        r"(?:tele)?phone\b", re.I)),
    ("state visit", "visit", re.compile(r"\bstate visits?\b", re.I)),
    ("official visit", "visit", re.compile(r"\bofficial (?:visits?|trips?)\b", re.I)),
    ("working visit", "visit", re.compile(r"\bworking (?:visits?|trips?)\b", re.I)),
    ("visit", "visit", re.compile(r"\b(?:[A-Z][a-z]+ )?(?:visit(?:ed|s|ing)?|trips?)\b"
                                  r"|\b(?:travel(?:s|led|ed|ling|ing)?|fl(?:y|ies|ew))(?=(?: on [A-Z][a-z]+)? to [A-Z])"
                                  # "arrived in Atambua by road from Dili on Tuesday": a visit begun
                                  r"|\barriv(?:ed|es|ing)(?= in [A-Z])")),
    ("summit", "summit", re.compile(  # also named dialogues, conferences, forums: kind from the last word
        r"\b(?:(?:" + ORDINAL_WORDS + r"|\d+(?:st|nd|rd|th))\s+)?"
        r"(?:[A-Z][\w'’-]*\s+)*(?:Summit|Dialogue|Conference|Forum|Expo|Consultation|Retreat|"
        r"(?:business|investment|trade|economic) (?:forum|conference))\b")),
    # "the 15th meeting of the Joint Cooperation Committee": a standing body's meeting, named by the body
    ("body meeting", "summit", re.compile(
        r"\b(?:(?:" + ORDINAL_WORDS + r"|\d+(?:st|nd|rd|th))\s+)?(?:(?:annual|ministerial|plenary)\s+)?"
        r"(?:[Mm]eeting|[Ss]ession)\s+of\s+(?:the|an?\s+new)\s+(?:[A-Z][\w'’–-]*\s+(?:(?:of|on|for|and)\s+)?){1,8}?"
        r"(?:Committee|Commission|Council|Board|Mechanism)\b"
        # "the 8th Meeting of the JC": a numbered session of a body named by its initials
        r"|\b(?:" + ORDINAL_WORDS + r"|\d+(?:st|nd|rd|th))\s+(?:[Mm]eeting|[Ss]ession)\s+of\s+the\s+[A-Z]{2,6}\b(?![\w'’-])"
        # "the 22nd JC Meeting", "the Fifth Joint Commission Session": the numbered meeting named by its body
        r"|\b(?-i:(?:(?i:" + ORDINAL_WORDS + r")|\d+(?:st|nd|rd|th))\s+(?:[A-Z]{2,6}|[A-Z][a-z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,4})"
        r"\s+(?:Meeting|Session))\b")),
    ("talks", "talks", re.compile(r"\b(?:held|hold|holds|holding) (?:\w+ ){0,2}talks\b|\btalks\b", re.I)),
    ("consultations", "talks", re.compile(r"\bconsultations\b", re.I)),
    ("negotiations", "talks", re.compile(r"\b(?:round of )?negotiations\b", re.I)),
    ("session", "talks", re.compile(r"\b(?:next|" + ORDINAL_WORDS + r"|\d+(?:st|nd|rd|th)) (?:round|session)\b", re.I)),
    ("meeting", "talks", re.compile(r"\b(?:met|meets|meet|meeting)(?: with)?\b|\bhost(?:ed|s)\b"
                                    r"|\b(?:courtesy|farewell) calls? on\b|\bconven(?:ed|es|e|ing)\b"
                                    # "Soto received Juan Ortiz, Vice Minister of …": a host receives a visitor
                                    r"|\breceiv(?:ed|es)\b(?=\s+(?-i:[A-Z][\w'’-]+\s+[A-Z]))", re.I)),
    # "The Lima – Callao railway, which broke ground last December", "the groundbreaking of the … bridge": the
    # start of a project's construction, told by the project named before or after it
    ("groundbreaking", "groundbreaking", re.compile(
        r"(?:\b(?:[Tt]he\s+)?(?:" + _PROJECT + r")(?:,\s+which|\s+which|\s+that)?\s+(?:(?:has|had|officially)\s+)?"
        r"(?:broke|breaks)\s+ground\b)"
        r"|\b(?:broke|breaks)\s+ground\s+on\s+(?:the\s+)?(?:" + _PROJECT + r")(?!\s+(?:to|towards)\b)"
        r"|\bground-?breaking(?:\s+ceremony)?\s+(?:for|of)\s+(?:the\s+)?(?:" + _PROJECT + r")")),
    ("ceremony", "ceremony", re.compile(
        r"\b(?:[A-Z][\w'’-]*\s+)*(?:parade|ceremony|celebrations?|reception|banquet)\b")),
    ("entry into force", "entry into force", re.compile(
        r"\b(?:entered|enters|enter|entry) into force\b|\b(?:came|come|comes) into (?:force|effect)\b"
        r"|\b(?:took|takes|take|taking) effect\b", re.I)),
    ("agreed", "establishment", re.compile(r"\bagreed(?= (?:in|on) )", re.I)),
    # "agreed on Tuesday to reopen …": the decision of a meeting, dated by the date right after the verb
    ("agreement reached", "talks", re.compile(
        r"\b(?:agreed|decided|pledged)(?= (?:on|last) [A-Z]?[a-z]+\.?(?: \d{1,2})?,? to )")),
    ("invitation", "talks", re.compile(r"\binvit(?:ed|es)\b(?= [A-Z][\w'’-]+(?: [A-Z][\w'’-]+)* to )")),
    ("suspension", "restriction", re.compile(  # "suspended live cattle exports to …": a trade measure
        r"\bsuspend(?:ed|s|ing)?\s+(?:(?:all|its|their|the)\s+)?(?:[\w-]+\s+){0,3}?(?:exports|imports|trade|flights|"
        r"shipments|visas)\b", re.I)),
    ("renewal", "renewal", re.compile(
        r"\b(?:renew(?:ed|s)?|extend(?:ed|s)?|suspend(?:ed|s)?|revok(?:ed|es)|reinstat(?:ed|es)|"
        r"reaffirm(?:ed|s)?|terminat(?:ed|es)|withdr(?:ew|awn) from|amend(?:ed|s))\b", re.I)),
    ("ratification", "ratification", re.compile(
        r"\bratif(?:ied|ies|y|ication of)\b|\b(?:parliament|assembly|senate|congress|lawmakers|legislators|"
        r"legislature)(?:['’]s)?\s+(?:\w+\s+){0,2}?(?:approved|passed|adopted|endorsed)\b", re.I)),
    ("signing", "signing", re.compile(
        # ("supervision of signed agreements", "the newly signed deal": a participle before a noun signs nothing)
        r"\b(?:(?<!of )(?<!the )(?<!newly )(?<!their )(?<!its )signed|sign(?:ing|s)?)\b"
        r"(?! (?:article|statement|letter|op-ed|commentary|editorial))"
        # "witnessed the exchange of the following documents", "exchanged two memorandums"
        r"|\bexchang(?:e|ed|es|ing)\s+(?:of\s+)?(?:the\s+)?(?:following\s+|signed\s+)?(?:\w+\s+)?"
        r"(?:documents|agreements|memorand(?:a|ums)|MoUs|MOUs)\b", re.I)),
    ("establishment", "establishment", re.compile(
        r"\bestablish(?:ment of|ed|es|ing)\b|\bfound(?:ed|ing of)\b|\bset up\b"
        # "normalised relations in November 1991": relations established again
        r"|\bnormali[sz](?:ed|es|ing|ation\s+of)\s+(?=(?:their\s+|bilateral\s+|diplomatic\s+|the\s+)?(?:ties|relations)\b)"
        # "upgraded relations to a strategic partnership": the partnership's establishment
        r"|\b(?:upgrad|elevat)(?:ed|es|ing|e)\s+(?:their\s+|bilateral\s+|the\s+)?(?:ties|relations|relationship)\s+to\b",
        re.I)),
    ("launch", "launch", re.compile(r"\b(?:launch(?:ed|es|ing)?|inaugurat(?:ed|es|ing|ion of))\b", re.I)),
    ("opening", "opening", re.compile(rf"\b(?:officially )?(?:re)?open(?:ed|s)\b{_NOT_OPENED}|\bopening of\b"
                                      r"|\b(?:began|begins|begin|started|starts|start) (?:(?:commercial|passenger|freight|cargo|regular|"
                                      r"scheduled|full) )?(?:operations|operating|trading|services?)\b"
                                      rf"|(?:(?<=to )|(?<=ll )|(?<=ld ))(?:re)?open\b{_NOT_OPENED}", re.I)),
    ("election", "election", re.compile(r"\belect(?:ed|ions?)\b", re.I)),
    # Happenings that need no named participant: the word says what happened.
    ("recall", "diplomatic", re.compile(
        r"\b(?:recall(?:ed|s|ing)?|expel(?:led|s|ling)?|summon(?:ed|s|ing)?)\s+(?:its|their|the|his|her|an?)\s+"
        r"(?:[\w'’-]+\s+){0,3}(?:ambassadors?|envoys?|diplomats?|charg[ée]s? d'affaires|chiefs? of mission)\b",
        re.I)),
    # Measures one state takes against another's people or trade: expulsions, bans and embargoes (imposed or
    # lifted), border closures.
    ("expulsion", "restriction", re.compile(
        r"\b(?:expel(?:led|s|ling)?|expulsions?(?: of)?|deport(?:ed|s|ing|ations?(?: of)?))\b"
        r"|\border(?:ed|s)\b(?=(?:\s+[\w,.-]+){1,6}?\s+out of the country\b)", re.I)),
    ("ban", "restriction", re.compile(
        r"\b(?:imposed|imposes|impose|imposing|introduced|announced)\s+(?:an?\s+)?(?:[\w-]+\s+){0,2}(?:ban|embargo)\b"
        r"|\blift(?:ed|s|ing)?\s+(?:the\s+|a\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}(?:ban|embargo|sanctions)\b"
        r"|\b(?:ban|embargo|sanctions)\s+(?:was|were|has been|have been|had been|will be)\s+lifted\b"
        r"|\b(?:clos(?:ed|es|ing)|closures?\s+of)\s+(?:its|the|their)\s+(?:[\w-]+\s+)?borders?\b|\bborder closures?\b"
        # "the crossings were shut in June 2025", "closed the border checkpoints"
        r"|\b(?:border\s+)?(?:crossings?|crossing points|checkpoints|border gates|border posts)\s+(?:were|was|have been|"
        r"has been|had been|remain(?:ed)?)\s+(?:shut|closed|sealed)\b"
        r"|\b(?:shut|closed|sealed)\s+(?:the|its|their|all)\s+(?:[\w-]+\s+)?(?:crossings?|crossing points|checkpoints|"
        r"border gates|border posts)\b",
        re.I)),
    ("controls", "restriction", re.compile(
        r"\b(?:impos|introduc|tighten|eas|relax|lift|scrap)(?:ed|es|s|e|ing)?\s+(?:its\s+|their\s+|the\s+|new\s+)?"
        r"(?:(?:export|import|trade|visa|capital)\s+)(?:controls|curbs|restrictions|quotas|tariffs|duties)\b"
        r"|\bimpos(?:ed|es|ing)\s+(?:new\s+)?(?:tariffs|sanctions|quotas|curbs)\b"
        # "Tokyo tightened controls on exports to Seoul"
        r"|\b(?:impos|introduc|tighten|eas|relax|lift|scrap)(?:ed|es|s|e|ing)?\s+(?:its\s+|their\s+|the\s+|new\s+)?"
        r"(?:controls|curbs|restrictions)\s+on\s+(?:\w+\s+)?(?:exports|imports)\b", re.I)),
    # Changes of sovereignty or rule, told whole by their word: "Japan annexed Korea in 1910", "seized power".
    ("annexation", "political", re.compile(r"\bannex(?:ed|es|ing|ation of)\b", re.I)),
    # "led Fiji to independence in 1970", "gained independence from Britain": a state's independence
    ("independence", "political", re.compile(
        r"\b(?:gain(?:ed|s)?|won|win|wins|declared|declares|achieved|regained|(?:led|leads)\s+(?P<led>[A-Z][\w'’-]*"
        r"(?:\s+[A-Z][\w'’-]*)?)\s+to)\s+(?:its\s+|their\s+)?independence\b")),
    # "Timor-Leste joined ASEAN as its 11th member": a state's accession to an organisation
    ("accession", "political", re.compile(
        r"\b" + _ACCESSION_LEAD + r"(?P<org>[A-Z]{3,8}\b(?![\w'’-])|(?:[A-Z][\w'’-]*\s+){1,5}(?:Union|Organi[sz]ation|Association|Alliance|"
        r"Community|Commonwealth|Bank|Partnership|Bloc|Group))")),
    ("coup", "political", re.compile(r"\b(?:seiz(?:ed|es|ing)|took|takes|taken)\s+power\b|\bcoups?(?:\s+d['’][ée]tat)?\b",
                                     re.I)),
    ("protest", "protest", re.compile(r"\b(?:protest(?:ed|s|ers)?|demonstrat(?:ed|ions?|ors)|marched)\b(?! note)",
                                      re.I)),
    ("disaster", "disaster", re.compile(
        r"\b(?:earthquakes?|quakes?|floods?(?! of)|flooding|(?:heavy|torrential|monsoon) rains?|storms?|typhoons?|"
        r"cyclones?|hurricanes?|landslides?|tsunamis?|wildfires?|droughts?|eruptions?|"
        r"(?:made|makes|make|making) landfall)\b"
        # a vessel lost: "the fishing boat sank off …", "The KM Sinar Bahari went down on 14 November"
        r"|" + _SUNK, re.I)),
    # "a ceasefire brokered by Malaysia", "the truce agreed in Doha": the end of fighting, told by its word
    ("ceasefire", "ceasefire", re.compile(r"\b(?:ceasefire|cease-fire|truce)\b(?! (?:line|violations?|monitors?|agreements?|deals?|accords?|protocols?|talks))", re.I)),
    ("incident", "incident", re.compile(
        r"\b(?:clash(?:es|ed)?|skirmish(?:es|ed)?|(?:fighting|violence|unrest|riots?|war) broke out|incidents?|"
        # "fighting in September 2022 killed more than 100": fighting told by what it did
        r"(?:fighting|violence)(?=(?: [\w,-]+){0,4}? (?:killed|erupted|flared|left \w+ (?:dead|killed))\b)|"
        # "five days of fighting in July 2025": fighting told by how long it lasted
        r"(?<=days of )fighting|(?<=weeks of )fighting|"
        r"(?:terrorist|militant|armed|missile|drone|rocket|border) attacks?|bombings?|shootings?|ambush(?:ed)?|"
        # "killed in a firefight", "an exchange of fire across the border"
        r"fire-?fights?|gun-?fights?|gun ?battles?|shoot-?outs?|exchanges? of (?:gun)?fire|"
        r"(?:fired|firing|fires|used|sprayed)\s+(?:its\s+|their\s+|a\s+)?water\s+cannons?|water[- ]cannon\s+attacks?)\b",
        re.I)),
    # "Chilean fishermen rescued 11 Peruvian crewmen": a rescue at sea, told by who was saved
    ("rescue", "incident", re.compile(
        r"\brescu(?:ed|es|ing)\s+(?P<saved>(?:[\w-]+\s+){0,3}(?:crew(?:men|members|s)?|fishermen|fishers|sailors|"
        r"seafarers|survivors|passengers|migrants|people|hostages))\b", re.I)),
    # "the coast guard boarded and seized a Peruvian trawler", "detained 14 fishermen": a seizure at sea or a
    # border, told by what was taken (the active verb: "the boat was seized" tells it again)
    ("seizure", "incident", re.compile(
        r"\b(?:(?:boarded|stopped|intercepted|surrounded|rammed)\s+and\s+)?(?:seiz(?:ed|es|ing)|detain(?:ed|s|ing)|"
        r"impound(?:ed|s|ing)|captur(?:ed|es|ing))\s+(?:(?:(?!(?:of|to|on|in|at|for|from|with|by)\b)[\w-]+\s+){0,4}"
        r"(?:trawlers?|(?:fishing\s+)?boats?|vessels?|ships?|tankers?|crew(?:men|members|s)?|fishermen|fishers|"
        r"sailors|seafarers))\b"
        # "The trawler, AB-1234, was boarded on Sunday": the passive, what was taken first (a fishing boat
        # boarded, not "the cruise ship was boarded by 2,000 tourists")
        r"|\b(?:trawler|(?:fishing\s+)?boat|vessel|ship|tanker|crew)(?:,\s+[^,;]{1,30},)?\s+"
        r"(?:was|were|had\s+been)\s+(?:seized|detained|impounded|captured)\b"
        r"|\b(?:trawler|fishing\s+boat|vessel)(?:,\s+[^,;]{1,30},)?\s+(?:was|were|had\s+been)\s+boarded\b"
        r"(?!\s+by\s+(?:\d|[\w-]+\s+(?:passengers|tourists|travell?ers|people)))", re.I)),
    ("exercise", "exercise", re.compile(
        r"\b(?:(?:joint|military|naval|air|army|combined|bilateral|trilateral|multilateral|multinational|maritime|"
        r"amphibious|live-fire|counter-terrorism|"
        r"search-and-rescue|[\w]+-relief|training)\s+(?:[\w-]+\s+)?(?:exercises?|drills?|manoeuvres|maneuvers|"
        r"war games)|(?:hold|held|holds|conduct(?:ed|s)?|stag(?:e|ed|es))\s+(?:an?\s+|the\s+|their\s+)?"
        r"(?:[\w-]+\s+){0,2}(?:exercises?|drills?))\b"
        # a named exercise: "took part in Exercise Keris Woomera", "Exercise Pitch Black"
        r"|(?-i:\bExercise(?:\s+[A-Z][\w-]+){1,3})", re.I)),
    ("operation", "operation", re.compile(
        r"\b(?:joint|military|rescue|security|police|customs|peacekeeping|evacuation|anti-[\w-]+|counter-[\w-]+)"
        r"\s+(?:[\w-]+\s+)?operations?\b", re.I)),
]

# What each trigger cannot match without: a cheap test first, the full scan only where it passes.
_TRIGGER_NEEDS: dict[str, Needs] = {
    "phone call": Needs(("phone", "video")),
    "state visit": Needs(("state visit",)),
    "official visit": Needs(("official ",)),
    "working visit": Needs(("working ",)),
    "visit": Needs(("visit", "trip", "travel", "fly", "flies", "flew", "arriv"), any_case=False),
    "summit": Needs(("Summit", "Dialogue", "Conference", "Forum", "Expo", "Consultation", "Retreat", "forum",
                     "conference"), any_case=False),
    "body meeting": Needs(("Committee", "Commission", "Council", "Board", "Mechanism", "eeting of the ",
                           "ession of the ", " Meeting", " Session"), any_case=False),
    "talks": Needs(("talks",)),
    "consultations": Needs(("consultations",)),
    "negotiations": Needs(("negotiations",)),
    "session": Needs(("round", "session")),
    "meeting": Needs(("met", "meet", "host", "courtesy call", "farewell call", "conven", "receiv")),
    "rescue": Needs(("rescu",)),
    "seizure": Needs(("seiz", "detain", "impound", "captur", "boarded")),
    "groundbreaking": Needs(("ground",)),
    "ceremony": Needs(("parade", "ceremony", "celebration", "reception", "banquet"), any_case=False),
    "entry into force": Needs(("into force", "into effect", "took effect", "takes effect", "take effect",
                               "taking effect")),
    "agreed": Needs(("agreed",)),
    "signing": Needs(("sign", "exchang")),
    "establishment": Needs(("establish", "found", "set up", "upgrad", "elevat", "normali")),
    "launch": Needs(("launch", "inaugurat")),
    "opening": Needs(("open", "operati", "trading", "service")),
    "election": Needs(("elect",)),
    "agreement reached": Needs(("agreed", "decided", "pledged"), any_case=False),
    "invitation": Needs(("invite",), any_case=False),
    "renewal": Needs(("renew", "extend", "suspend", "revok", "reinstat", "reaffirm", "terminat", "withdr", "amend")),
    "ratification": Needs(("ratif", "approved", "passed", "adopted", "endorsed")),
    "recall": Needs(("recall", "expel", "summon")),
    "expulsion": Needs(("expel", "expuls", "deport", "out of the country")),
    "suspension": Needs(("suspend",)),
    "ban": Needs(("ban", "embargo", "border", "crossing", "checkpoint")),
    "controls": Needs(("controls", "curbs", "restrictions", "quotas", "tariffs", "duties", "sanctions")),
    "annexation": Needs(("annex",)),
    "independence": Needs(("independence",)),
    "accession": Needs(("joined", "joins", "acceded", "accession to", "admitted to", "admission to")),
    "coup": Needs(("power", "coup")),
    "protest": Needs(("protest", "demonstrat", "marched")),
    "disaster": Needs(("quake", "flood", "heavy rain", "torrential rain", "monsoon rain", "storm", "typhoon", "cyclone", "hurricane", "landslide", "tsunami",
                       "sank", "capsized", "went down", "landfall",
                       "wildfire", "drought", "eruption")),
    "ceasefire": Needs(("ceasefire", "cease-fire", "truce")),
    "incident": Needs(("clash", "skirmish", "broke out", "incident", "attack", "bombing", "shooting", "ambush",
                       "fighting", "violence", "water cannon", "water-cannon", "firefight", "fire-fight", "gunfight",
                       "gun-fight", "gun battle", "gunbattle", "shootout", "shoot-out", "of fire", "of gunfire")),
    "exercise": Needs(("exercise", "drill", "manoeuvre", "maneuver", "war games", "patrol")),
    "operation": Needs(("operation",)),
}
_TRIGGER_TABLE = NeedsTable(_TRIGGER_NEEDS)  # all of them in one scan of a sentence
# Which event wins when several words in one sentence share a date ("held a phone talk, launching …").
_PRIORITY = ["state visit", "official visit", "working visit", "visit", "summit", "body meeting", "recall", "expulsion", "ban", "suspension", "controls",
             "annexation", "coup", "independence", "accession",
             "incident", "rescue", "seizure", "disaster", "groundbreaking",
             "protest", "exercise", "operation", "talks", "consultations",
             "negotiations", "session",
             "agreement reached", "invitation",
             "meeting", "phone call", "ceremony", "signing", "ceasefire", "ratification", "renewal", "entry into force",
             "establishment", "agreed", "launch", "opening", "election"]
_NEEDS_PERSON = {"meeting", "election", "ceremony", "negotiations", "session", "invitation"}
_NEEDS_OBJECT = {"agreed", "entry into force", "renewal"}
_OBJECT_FAMILIES = {"signing", "establishment", "launch", "opening", "entry into force", "renewal", "ratification"}
#: "according to" and a description of a person set off by a comma, right before a name ("according to its
#: owner, "), and what may follow the name that closes the phrase
_ACCORDING_BEFORE = re.compile(r"\b[Aa]ccording\s+to\s+(?:(?:its|his|her|their|the)\s+[a-z]+(?:\s+[a-z]+)?,\s+)?$")
_PHRASE_CLOSED = re.compile(r"\s*(?:[,.;]|$)")
#: the verbs of a seizure trigger, before what was seized ("boarded and seized a trawler"); what a passive one
#: took ("The trawler, AB-1234, was seized")
_SEIZED = re.compile(r"^(?:\w+\s+and\s+)?\w+\s+", re.I)
_TAKEN = re.compile(r"((?:fishing\s+)?\w+)(?:,\s+[^,;]{1,30},)?\s+(?:was|were|had\s+been)\s", re.I)
#: the project a groundbreaking trigger names, before "broke ground" or after "on"/"for"/"of"
_GROUNDBREAKING_PROJECT = re.compile(r"(?:^(?:[Tt]he\s+)?|(?:on|for|of)\s+(?:the\s+)?)(" + _PROJECT + r")")
#: Events the trigger word tells whole (a protest, a flood, a naval exercise, an ambassador recalled): no
#: participant or signed object needed, identified per article by what and where.
_SELF_STANDING = {"groundbreaking", "diplomatic", "restriction", "political", "protest", "disaster", "incident", "exercise", "operation",
                  "ceasefire"}
#: Families whose dated event a next-sentence undated talks/meeting/signing belongs to (its participants).
_JOINABLE = {"talks", "signing", "renewal", "ratification"}
_SUB_EVENTS = {"talks", "meeting", "signing"}  # may borrow the date of the visit/meeting they happen in
_ANCHOR_FAMILIES = {"visit", "talks"}

_ANNIVERSARY = re.compile(
    r"\b(?P<n>\d+)(?:st|nd|rd|th) anniversary of (?:the )?(?P<what>[^,;()]+?)\s*"
    r"(?:\((?P<paren>[^)]*\d{4}[^)]*)\))?(?=[,;.)]|\s+(?:and|which|that|is|was|in)\b|$"
    # "a reception marking the 75th anniversary of ties on Wednesday evening": the day is the reception's
    r"|\s+(?:on|last|this|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\s+(?:last|this|next)\s+(?:week|month|year)\b|\s+(?:today|yesterday|tonight)\b)")
#: "the establishment of diplomatic relations between the two countries on 19 December 1950", the end of an
#: anniversary's words: the day it marks
_ESTABLISHED_ON = re.compile(r"\b(?:relations|ties)(?P<tail>(?:\s+between\s+[^,;]{1,40}?)?\s+on\s+"
                             r"(?P<date>[^,;]{6,30}))$")
#: "the normalisation of" opening an anniversary's words
_NORMALISATION_OF = re.compile(r"(?:the\s+)?normali[sz]ation\s+of\s+", re.I)
#: an anniversary's words that end in the participle of what it marks ("… the Agreement … signed")
_TOLD_ORIGIN = re.compile(r"\s(?:signed|concluded|established|founded)$")
_QUOTE_PAIRS = (("“", "”"), ("‘", "’"), ('"', '"'))
#: "the Cooperation Strategy to 2030", "Vision 2045": a year a named plan looks to, no event's
_HORIZON = re.compile(r"[A-Z][\w-]*\s+(?:to|through|until|towards?)\s+$")
#: "for the 2026-2035 period", "… Programme … for 2027 – 2028": a span of years a document covers
_YEARS_SPAN = re.compile(r"(?:1[6-9]|20)\d\d\s*[-–]\s*(?:1[6-9]|20)\d\d\s+(?:period|plan|programme|program|strategy|term)\b"
                         r"|\bfor\s+(?:the\s+(?:years\s+)?)?(?:1[6-9]|20)\d\d\s*[-–]\s*(?:1[6-9]|20)\d\d\b")
#: what is done to an agreement on a day already told, needing no one named ("the two sides exchanged …")
_SAME_DAY_ACTS = {"ratification", "entry into force"}
#: "The same afternoon, …", "later that day": another event on the day last told
_SAME_DAY = re.compile(r"\b(?:the same (?:day|morning|afternoon|evening|night|occasion)|later (?:that|the same) day|"
                       r"that (?:same )?(?:afternoon|evening))\b", re.I)
#: "down 4% from 2024", "up from 2023", "compared with 2019": the year a figure is compared with dates no event
_COMPARED_WITH = re.compile(r"(?:\b(?:up|down|higher|lower|more|less|rise|fall|increase|decrease|drop)\b[^,;.]{0,25}\s+from"
                            r"|\b(?:compared\s+(?:with|to)|against|versus|vs\.?)"
                            # "twice as many as in 2024", "more than in 2019": the year compared with
                            r"|\bas\s+(?:many|much|large|high|big)\s+as\s+in|\bthan\s+in)\s+(?:the\s+)?"
                            r"(?:same\s+\w+\s+(?:of|in)\s+)?$",
                            re.I)
_HYPOTHETICAL = re.compile(r"\b(?:if|unless|whether|could|might|should)\b[^,;]*$", re.I)
#: unnamed officials who met, the subject right before "met": "Our foreign and defence ministers", "Technical teams
#: of the Joint Rivers Commission", "negotiators"
_GROUP_MET = re.compile(
    r"(?:^|(?<=\s))((?:(?:[Oo]ur|[Tt]heir|[Tt]he|[Tt]wo|[Bb]oth)\s+)?"
    r"(?:(?!(?i:where|when|which|who|that|and|but|as|while|after|before|then|so|if|since)\b)[\w-]+\s+"
    r"(?:and\s+[\w-]+\s+)?)?"
    r"(?i:ministers|officials|negotiators|delegations|delegates|envoys|diplomats|experts|teams|representatives)"
    r"(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+(?:of\s+)?[A-Z][\w'’-]*){0,5})?)\s+(?:have\s+|had\s+|also\s+|again\s+)?$")
_POSSESSIVE = re.compile(r"^(?:[Oo]ur|[Tt]heir)\s+")


def _unnamed_group(t: Trigger, names: list[str], text: str, region: tuple[int, int]) -> re.Match[str] | None:
    """The unnamed officials who "met", when the clause names no one ("Our foreign and defence ministers met …")."""
    return _GROUP_MET.search(text, region[0], t.start) if not names and t.kind == "meeting" else None


def _group_title(group: re.Match[str], place: str | None) -> str:
    """ "Meeting of foreign and defence ministers in Indonesia": a meeting of unnamed officials."""
    who = _POSSESSIVE.sub("", group.group(1))
    if group.start(1) == 0 and who[1:2].islower():
        who = who[0].lower() + who[1:]  # "Technical teams of …" opening the sentence
    return f"Meeting of {who}" + (f" in {place}" if place else "")


# "the ministers agreed to meet again …", "both sides will hold …": a scheduled meeting of unnamed people
_COLLECTIVE = re.compile(r"\b(?:the|both|two) (?:ministers|leaders|sides|governments|delegations|countries|"
                         r"presidents|prime ministers|negotiators|commission|committee)\b", re.I)


def _reporting(lexicon: Lexicon) -> re.Pattern[str]:
    """ "the ministry said (that) …", "X told reporters …": a speech verb reporting the event after it
    (the lexicon's core verbs; "told" with its hearer)."""
    verbs = "|".join(re.escape(w) for w in lexicon.speech["core"] if w != "told")
    # any other speech verb with its "that": "Minister Lee recalled that the two countries established …"
    # (not one that commits: "agreed that …", "proposed that …" tell what the speakers will do themselves)
    that_verbs = sorted({w for group in ("tag", "person") for w in lexicon.speech[group] if " " not in w}
                        - set(lexicon.speech["core"]) - set(lexicon.speech.get("commits") or ()),
                        key=len, reverse=True)
    return re.compile(r"\b(?:(?:" + verbs + r"|told [\w ]{1,30}?)\s+(?:that\s+)?|(?:"
                      + "|".join(re.escape(w) for w in that_verbs) + r")\s+that\s+)"
                      r"(?!(?:on|at|in|during|after|before|from|to|with|by|for|a|an|its|their|plans?)\b)(?=\S)")


def _is_scheduled(date: DateMention, published: str | None, text: str, trigger: tuple[int, int],
                  clause: tuple[int, int] | None = None) -> bool:
    """Whether an event is still to come: dated after the publication, or told in the future tense in the
    trigger's own ``clause`` (the whole sentence when not given: "Our navies held a drill in August, and the
    minister will visit in March" tells a past drill)."""
    lo, hi = clause or (0, len(text))
    # (not a clause of another subject joined on: "… took part in the exercise in June, and I would refer you …")
    first, last = min(trigger[0], date.start), max(trigger[1], date.end)
    hi = min([hi] + [m.start() for m in _OTHER_SUBJECT.finditer(text, last, hi)])
    lo = max([lo] + [m.end() for m in _OTHER_SUBJECT.finditer(text, lo, first)])
    future = bool(_FUTURE.search(text, lo, hi)) or bool(_AGREED_TO_MEET.search(text, lo, hi))
    if date.kind == "weekday" and (_FUTURE_BEFORE.search(text, max(0, date.start - 30), date.start)
                                   or _FUTURE_VERB.search(text, max(0, trigger[0] - 12), trigger[0])):
        # "are due on Saturday to open", "and will visit a plant in Tianjin on Friday": the coming day (a
        # "will" far before is another verb's)
        return True
    if date.basis == "context year" and _PAST_TRIGGER.fullmatch(text, trigger[0], trigger[1]):
        return False  # "who signed the agreement in May, told … that refunds would …": the verb is past
    if not published or (future and date.basis == "context year"):
        return future  # "will visit in February": the year was only borrowed, the tense decides
    if date.basis == "context year" and _PAST.search(text, max(0, trigger[0] - 25), trigger[1]):
        return False  # "who made a state visit in November" written in June: last November (the event's verb)
    n = min(len(date.date), len(published))
    if date.date[:n] != published[:n]:
        return date.date[:n] > published[:n]
    return future


def _quoted_spans(text: str) -> list[tuple[int, int]]:
    """Spans of direct quotations in a sentence (curly, straight; single curly only when paired)."""
    spans: list[tuple[int, int]] = []
    for opening, closing in _QUOTE_PAIRS:
        pos = 0
        while True:
            s = text.find(opening, pos)
            if s < 0:
                break
            if opening == "‘" and s > 0 and text[s - 1].isalnum():
                pos = s + 1
                continue
            e = text.find(closing, s + 1)
            while opening == "‘" and e > 0 and e + 1 < len(text) and text[e + 1].isalnum():
                e = text.find(closing, e + 1)  # "Ethiopia’s": an apostrophe, not the closing mark
            if e < 0:
                break
            spans.append((s, e + 1))
            pos = e + 1
    return spans


#: an event word that is itself a past verb ("signed", "visited", "held talks"), whatever tense the sentence's
#: other clauses are in
_PAST_TRIGGER = re.compile(r"(?:signed|visited|met|held\s.*|launched|opened|reopened|inaugurated|established|ratified|"
                           r"exchanged\s.*)", re.I)
# A verb in the past tense ("made a state visit in November"): a borrowed year after the news is last year.
_PAST = re.compile(r"\b(?:made|held|paid|took|met|came|went|began|gave|won|led|flew|spoke|told|said|was|were|"
                   r"(?!(?:schedul|expect|plann|slat|propos|intend)ed\b)[a-z]{3,}ed)\b")
#: a verb joined to the one before it, its subject unwritten: "…, and will visit", "… but later met"
_ELIDED_SUBJECT = re.compile(r"(?:,\s*|\s)(?:and|but)\s+(?:(?:will|would|also|later|then|is to|are to)\s+){0,2}$")
_FUTURE_VERB = re.compile(r"\b(?:will|would|is to|are to)\s+(?:also\s+)?$")  # right before the event's own verb
_FUTURE_BEFORE = re.compile(r"\b(?:will|would|due|set|slated|scheduled|expected|planned|going)\b(?:\s+\w+){0,3}\s*$")
#: a clause of another subject joined on after an event: "…, and Ximenes stressed that the 2003 arrangement …"
_OTHER_SPEAKER = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:I|we|he|she|they|(?:[A-Z][\w'’-]*\s+){1,3}"
                            r"(?:said|says|stressed|added|noted|told|insisted|stated|warned|recalled|argued))\b")
_OTHER_SUBJECT = re.compile(r",\s+(?:and|but|while|whereas)\s+(?:that\s+)?(?:I|we|he|she|they|it)\b")  # (", and that it would …")
_AGREED_TO_MEET = re.compile(r"\bagreed to (?:meet|hold|host)\b", re.I)
_FUTURE = re.compile(r"\b(?:will|would|upcoming|expected to|to be|plans? to|is set to|scheduled|(?:is|are) due|"
                     r"(?:is|are) to|"
                     r"(?:due|set|slated)(?:\s+(?:on|in|by|next)(?:\s+[\w.]+){1,2})?\s+to|"
                     r"invit(?:ed|es|ation))\b", re.I)
_DURING = re.compile(r"\b(?:during|at|after|following|on the sidelines of) (?:the|their|this|that)\s+(?:[\w-]+\s+){0,3}$",
                     re.I)
_DEFINITE = re.compile(r"\b(?:the|these|those|their|its|his|her)\s+(?:[\w-]+\s+){0,2}$", re.I)
_PRONOUN = re.compile(r"\b(?:he|his|she|her|him)\b", re.I)
_TWO_LEADERS = re.compile(r"\b(?:the|both) (?:two )?(?:leaders|presidents|heads of state|sides' leaders)\b"
                          r"|\b(?:the two|both) (?P<ministers>(?:(?:foreign|prime|defen[cs]e|trade|finance) )?"
                          r"(?:ministers|premiers))\b",
                          re.I)


@dataclass(slots=True)
class Trigger:
    start: int
    end: int
    kind: str
    family: str
    text: str
    date: DateMention | None = None
    anchor_phrase: bool = False  # "During the Accra meeting": a time frame, not a new event


@dataclass(slots=True)
class Event:
    """One event in one document, before it becomes a Finding."""

    date: str
    end_date: str | None
    kind: str
    family: str
    title: str
    participants: list[str]
    main: str  # who/what identifies it in the key
    spans: list[tuple[int, int]]
    basis: str
    extra_titles: list[str] = field(default_factory=list)
    status: str = "held"  # "scheduled": after the publication date, or announced in the future tense
    date_text: str | None = None  # the written phrase when the date is a part of a year or a plan

    @property
    def key(self) -> str:
        return f"{self.date}|{self.family}|{self.main}"


#: "three years of", "decades of on-and-off": the length of what follows, not one dated event
_SPAN_OF = re.compile(r"\b(?:\d+|" + UNDER_HUNDRED_WORDS + r"|several|many|a few|a|two|long|recent)\s+"
                      r"(?:years|months|weeks|decades|year|month|week|decade)\s+of\s+(?:[\w-]+\s+)?$", re.I)
_ADJECTIVAL = re.compile(r"\b(?:and|the|a|an|by|with|between|of|to|for)\s+$", re.I)


def _triggers(text: str, blocked: list[tuple[int, int]], *, vocab: Vocabulary | None = None) -> list[Trigger]:
    found: list[Trigger] = []
    lower = ascii_lower(text)
    met = _TRIGGER_TABLE.met(text, lower)
    if not met:
        return found
    for kind, family, pattern in _TRIGGERS:
        if kind not in met:
            continue
        for m in pattern.finditer(text):
            s, e = m.span()
            if any(s < be and bs < e for bs, be in blocked):
                continue
            if any(s < t.end and t.start < e for t in found):
                continue
            if _SPAN_OF.search(text, max(0, s - 60), s):
                continue  # "ending more than three years of on-and-off talks": a process told by its length
            if kind == "visit" and m.group(0).endswith("visiting") and _ADJECTIVAL.search(text[:s]):
                continue  # "talks with visiting President Kusumo": a description, not a visit event
            if kind == "agreed" and not any(0 <= s - c.end <= 12 for c in find_candidates(text[:s], vocab=vocab)):
                continue  # only "the X Partnership agreed in 2018", not "the two sides agreed on Sunday to …"
            if kind == "visit" and re.match(r"[A-Z]", m.group(0)) and " " in m.group(0):
                # "Ghana visit": keep the place word out of the trigger but remember it
                s = s + m.group(0).index(" ") + 1
            found.append(Trigger(s, e, kind, family, text[s:e]))
    found.sort(key=lambda t: t.start)
    return found


# ", under which …", ", which …": a date there belongs to the relative clause, not to the event before it
_RELATIVE = re.compile(r",\s*(?:\w+\s+)?(?:which|who|whom|whose|where|while|whereas|but)\b"
                       # (not ", which took place in Kuching on 25 November": a clause that tells the event's time)
                       r"(?!\s+(?:took place|was held|were held|happened)\b)")


def _leading(date: DateMention, text: str) -> bool:
    """A sentence-opening date ("In 2015, …", "Last year, …") governs the whole sentence."""
    before = text[:date.start]
    if len(before.split()) <= 3 and text[date.end:date.end + 1] == ",":
        return True
    # "In November about 2,000 troops took part in …": the sentence's first words, without the comma
    return before.strip().lower() in ("", "in", "on", "early in", "late in", "earlier in", "later in")


_SINCE = re.compile(r"\bsince\s+$", re.I)
_BOUND = re.compile(r"(?:since|from|until|till)\s", re.I)  # a date written as the bound of a span
#: "travel to Ankara for the next session of …": the next event word is the visit's purpose, same date.
_PURPOSE = re.compile(r"^[^,;.]*?\bfor\s+(?:the|a|an|its|their)\s+(?:[\w-]+\s+){0,2}$")
#: "last year's clashes": a date owning the event word right after it.
_OWNING_DATE = re.compile(r"^(?:['’]s)?\s+(?:[\w-]+\s+){0,2}$")


def _window_end(triggers: list[Trigger], i: int, text: str) -> int:
    """Where the dates of trigger ``i`` may be: up to the next event word (past it when it is the purpose)."""
    j = i + 1
    while j < len(triggers) and _PURPOSE.match(text[triggers[j - 1].end:triggers[j].start]):
        j += 1
    return triggers[j].start if j < len(triggers) else len(text)


def _pair_dates(triggers: list[Trigger], dates: list[DateMention], text: str) -> None:
    dates = [d for d in dates if not _SINCE.search(text[max(0, d.start - 8):d.start])]  # "since 2012": a span
    # "signed …, an open-skies agreement that lifts the limits from October": a signing happens on a day, the
    # bound of a span is another act's (what takes effect "from January" may be dated by it)
    points = [d for d in dates if d.kind == "range" or not _BOUND.match(d.text)]
    for i, t in enumerate(triggers):
        t.date = _date_for(triggers, i, points if t.family in ("signing", "ratification") else dates, text)


#: a past participle set off by a comma after a noun ("the memorandum, signed in …"): a comma before it,
#: and after it no object (that is a finite verb after an apposition: "…, Jonas Weber, signed a declaration")
_COMMA_BEFORE = re.compile(r",\s*$")
_NO_OBJECT_AFTER = re.compile(r"\s+(?:in|on|at|by|last|earlier|this|during|when|after|before)\b")


def _participle_phrase(t: Trigger, text: str) -> bool:
    return bool(_COMMA_BEFORE.search(text, max(0, t.start - 3), t.start) and _NO_OBJECT_AFTER.match(text, t.end))



def _clause_end(text: str, start: int, end: int) -> int:
    """Where the clause going on at ``start`` ends: at a relative clause (", which will enter into force …"),
    else at ``end``."""
    relative = _RELATIVE.search(text, start, end)
    return relative.start() if relative else end


def _own_phrase(t: Trigger, text: str, region: tuple[int, int]) -> tuple[int, int]:
    """The part of its region a trigger speaks for: a participle set off by commas ("Under the memorandum,
    signed in Asuncion by …, the two sides will …") only its phrase, another word its whole region."""
    if _participle_phrase(t, text):
        close = text.find(",", t.end, region[1])
        if close >= 0:
            return max(region[0], text.rfind(",", 0, t.start)), close
    return region


#: a complement clause opening between a date and a later event word: the date is the main verb's
_THAT_BETWEEN = re.compile(r"\bthat\s+(?!(?:day|week|month|year|morning|afternoon|evening|night)\b)")
#: a clause joined on after a date: ", and to reopen", "; it will"
_NEXT_CLAUSE = re.compile(r",\s+(?:and|but)\s+(?:to|then|also|will|would|later)\b|;"
                          # "It was first agreed in 2018, it was suspended, …": a clause of its own subject
                          r"|,\s+(?:and\s+|but\s+)?(?:it|they|he|she|this|that)\s+(?:was|were|is|are|had|has|have)\b")


def _date_for(triggers: list[Trigger], i: int, dates: list[DateMention], text: str) -> DateMention | None:
    """The date of trigger ``i``: its own ("on Tuesday ratified"), the first after it in its window, one
    written in its noun phrase, or the one before it when no other event word stands between."""
    t = triggers[i]
    later = _later(triggers, i, dates, text)
    if later is not None:
        return later or None  # False: a time after a date too coarse for it ("in 1990 … a month later")
    right_before = [d for d in dates if d.end <= t.start and not text[d.end:t.start].strip()]
    if right_before:
        return right_before[-1]  # "The assembly on Tuesday ratified …": the verb's own date
    stop = _dates_stop(triggers, i, text)
    after = [d for d in dates if t.end <= d.start < stop]
    owner = _owning(dates, t, text)
    if after and owner and after[0].basis == "context year" and len(owner.date) == 4:
        return replace(after[0], date=owner.date + after[0].date[4:])  # "the 2023 earthquake on Sept. 8"
    if after and not (owner and not _compatible(owner.date, after[0].date)):
        return after[0]
    if owner:
        return owner  # "the 2023 Al Haouz earthquake, the July 2025 fighting": the year it is written with
    return _date_before(triggers, t, dates, text)


def _dates_stop(triggers: list[Trigger], i: int, text: str) -> int:
    """Where the dates after trigger ``i`` that may be its own end: at the next event word (see
    _window_end), a relative clause, or the comma closing the phrase the trigger stands in."""
    t = triggers[i]
    nxt = _window_end(triggers, i, text)
    relative = _RELATIVE.search(text, t.end, nxt) or _OTHER_SPEAKER.search(text, t.end, nxt)
    stop = relative.start() if relative else nxt
    if (t.anchor_phrase or _participle_phrase(t, text)) and (close := text.find(",", t.end, stop)) >= 0:
        stop = close  # "Under the memorandum, signed in Asuncion by …, the two sides will finish it by June 30",
        # "At the talks, held …, the two sides agreed to prepare … next year": the phrase set off by commas holds
        # the event's own time, the rest of the sentence another verb's
    return stop


def _date_before(triggers: list[Trigger], t: Trigger, dates: list[DateMention], text: str) -> DateMention | None:
    """The date written before trigger ``t`` that is its own: the nearest, unless another clause or event
    word stands between (a date opening the sentence governs it all)."""
    before = _dates_before(dates, t, text)
    if not before:
        return None
    nearest = before[-1]
    if _leading(nearest, text):
        return nearest
    if _NEXT_CLAUSE.search(text, nearest.end, t.start):
        return None  # "agreed to raise trade … by 2030, and to reopen the bridge": the other clause's date
    if _THAT_BETWEEN.search(text, nearest.end, t.start):
        return None  # "The two sides agreed today that the utilities will set up …": the agreeing's day
    if t.family in _SELF_STANDING:
        return None  # "… halted after the clashes": a reference back, dated by nothing here
    crosses = any(nearest.end <= o.start < t.start for o in triggers if o is not t and not o.anchor_phrase)
    return None if crosses else nearest


#: "nine times this year": an act told as a series
_TIMES_AFTER = re.compile(r"\b(?:\d+|" + UNDER_HUNDRED_WORDS + r"|several|many|dozens of|repeated)\s+times\b", re.I)

#: "the 1973 treaty": a year between a determiner and the noun it names
_ATTRIBUTIVE_BEFORE = re.compile(r"\b(?:the|a|an|its|their|his|her)\s+$", re.I)
_NOUN_AFTER = re.compile(r"\s+[a-z][\w-]*")


def _dates_before(dates: list[DateMention], t: Trigger, text: str) -> list[DateMention]:
    """The dates written before an event word that may be its own: not a year naming a thing ("… of the 1973
    treaty that governs the dam, ending years of talks": the treaty's year, not the talks')."""
    return [d for d in dates if d.end <= t.start and not (
        d.kind == "year" and _ATTRIBUTIVE_BEFORE.search(text, max(0, d.start - 8), d.start)
        and _NOUN_AFTER.match(text, d.end))]


#: "a month later", "two years later", "the following year": a time after the date written before the event.
_LATER = re.compile(r"\b(?:(?P<n>an?|\d{1,2}|" + UNDER_HUNDRED_WORDS + r")\s+(?P<unit>day|week|month|year)s?\s+later"
                    r"|the\s+(?:following|next)\s+(?P<unit2>day|week|month|year))\b", re.I)


def _later(triggers: list[Trigger], i: int, dates: list[DateMention], text: str) -> DateMention | bool | None:
    """The date of an event written as a time after an earlier date of its sentence ("settled it in
    September 2017, and the presidents signed a partnership a month later" is 2017-10), to the precision
    the offset keeps: a year offset gives a year, a month offset a month, days and weeks a day; none
    where the earlier date is less precise than the offset ("in 2017 … a month later": False, the event
    stays undated). None where the event is not written so."""
    t = triggers[i]
    m = _LATER.search(text, t.end, _window_end(triggers, i, text))
    before = [d for d in dates if d.end <= t.start]
    if m is None or not before or text[t.end:m.start()].count(",") or any(t.end <= d.start < m.start() for d in dates):
        return None
    unit = (m.group("unit") or m.group("unit2")).lower()
    word = (m.group("n") or "one").lower()
    n = 1 if word in ("a", "an") else int(word) if word.isdigit() else cardinal(word)
    shifted = _shift(before[-1].date, unit, n) if n else None
    if shifted is None:
        return False
    return DateMention(m.start(), m.end(), m.group(), shifted, None, "relative", "later")


def _shift(date: str, unit: str, n: int) -> str | None:
    """``date`` ("YYYY[-MM[-DD]]") moved ``n`` units on, kept to the unit's precision; None if ``date`` is
    too coarse for the unit."""
    parts = [int(p) for p in date.split("-")]
    if unit == "year":
        return f"{parts[0] + n:04d}"
    if unit == "month" and len(parts) >= 2:
        months = parts[0] * 12 + parts[1] - 1 + n
        return f"{months // 12:04d}-{months % 12 + 1:02d}"
    if unit in ("day", "week") and len(parts) == 3:
        day = dt.date(*parts) + dt.timedelta(days=n * (7 if unit == "week" else 1))
        return day.isoformat()
    return None


def _owning(dates: list[DateMention], t: Trigger, text: str) -> DateMention | None:
    """A date written in the event's own noun phrase before its word ("the 2023 … earthquake",
    "last year's clashes"), with no other event word between."""
    before = [d for d in dates if d.end <= t.start]
    if before and _OWNING_DATE.match(text[before[-1].end:t.start]):
        return before[-1]
    return None


def _compatible(a: str, b: str) -> bool:
    """Can two dates be the same day or period (one a prefix of the other: "2023" and "2023-09")?"""
    return a.startswith(b) or b.startswith(a)


_CLAUSE_BREAK = re.compile(r",\s*|;\s*|\s+and\s+")


def _clauses(triggers: list[Trigger], text: str, names: list[tuple[int, int]]) -> dict[int, tuple[int, int]]:
    """Split a sentence between its event words, so each sees the people of its own clause.

    The cut goes at the last comma/"and" between one event word (or its date)
    and the next; an "and" right after a name joins two people ("Kohl and
    Bielecki signed"), not two clauses. Without such a break, a name that is
    the next word's subject or owner ("Boateng's trip") goes with it; otherwise
    the cut is at the next word (a verb's object belongs to the verb before it).
    """
    name_ends = {e for _, e in names}
    spans: dict[int, tuple[int, int]] = {}
    start = 0
    for i, t in enumerate(triggers):
        if i + 1 == len(triggers):
            spans[id(t)] = (start, len(text))
            break
        low = t.end
        if t.date is not None and t.date.start >= t.end:
            low = t.date.end
        high = max(low, triggers[i + 1].start)
        breaks = [b for b in _CLAUSE_BREAK.finditer(text, low, high)
                  if not (b.group(0).strip() == "and" and b.start() in name_ends)]
        if breaks:
            end = breaks[-1].start()
        else:
            end = high
            for s, e in names:
                if low <= s and e <= high and (re.match(r"['’]s\b", text[e:]) or high - e <= 2):
                    end = s
                    break
        spans[id(t)] = (start, end)
        start = end
    return spans


def _names(people: PeopleIndex, start: int, end: int) -> list[str]:
    return people.in_span(start, end)


def _last_names_before(people: PeopleIndex, offset: int, floor: int, count: int) -> list[str]:
    names: list[str] = []
    for m in sorted((m for m in people.mentions if floor <= m.start and m.end <= offset),
                    key=lambda m: m.end, reverse=True):
        if m.name not in names:
            names.append(m.name)
        if len(names) == count:
            break
    return names


def _mentions_in(people: PeopleIndex, start: int, end: int) -> list[Mention]:
    return sorted((m for m in people.mentions if m.start >= start and m.end <= end), key=lambda m: m.start)


#: "The scheme, launched in …", "The accord was signed …": a head noun standing for a document named before
_BACK_NOUN = re.compile(r"^\s*(?:The|This|That)\s+(?P<head>[a-z]+)\s*(?:,\s*)?(?:which\s+)?"
                        r"(?:was\s+|were\s+|had been\s+|has been\s+)?(?:first\s+|originally\s+|officially\s+)?$")
_PLACE_AFTER = re.compile(r"^\s+(?:was\s+|were\s+)?(?:(?:to|in)\s+)?(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_PLACE_IN = re.compile(r"\bin\s+([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_PLACE_NEAR = re.compile(r"\b(?:near|through|at|off|along)\s+(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)")
_OBJECT_RUN = re.compile(r"([A-Z][\w'’–-]*(?:\s+(?:of|and|the|for|on|to)?\s*[A-Z][\w'’–-]*)+)")


def _place(text: str, *, vocab: Vocabulary | None = None) -> str | None:
    """A country (or city, mapped to its country) named at the start of ``text``."""
    m = _PLACE_AFTER.match(text)
    if m:
        named = countries_in(m.group(1), vocab=vocab)
        if named:
            return named[0]
    return None


def _normal_object(name: str, *, vocab: Vocabulary | None = None) -> str:
    """Key form of an object: no articles, no country names, "ties" = "relations"."""
    words = []
    for w in re.findall(r"[\w'-]+", name.lower()):
        if w in {"the", "bilateral", "their", "its", "a", "an"}:
            continue
        if all(countries_in(p.capitalize(), vocab=vocab) for p in w.split("-")):
            continue
        words.append("relations" if w == "ties" else w)
    return " ".join(words)


_POSTNOMINAL = re.compile(r"\s*(?:,\s*(?:which|that)\s+|(?:which|that)\s+)?(?:(?:was|were|had been|has been|have been)\s+)?"
                         r"(?:(?:first|jointly|formally|officially|also)\s+)?", re.I)


_OPENED_NOUN = re.compile(r"\s+(?:an?|the|its|their)\s+(?!(?:same|next|following|previous)\s+(?:day|week|month|year)\b)"
                          r"(?:new\s+)?((?:[a-z][\w'’-]*\s+){0,2}[a-z][\w'’-]*)"
                          r"(?=\s+(?:over|at|in|on|for|between|to|from|with|near|across|linking)\b|[,.;]|$)")
#: what opened, named before a relative clause whose verb "opened" is: "the X rail link, which … and opened"
_OPENED_ANTECEDENT = re.compile(
    r"\b((?:[A-Z][\w-]*(?:[ -][A-Z][\w-]*)*\s+)?(?:[a-z-]+\s+){0,2}(?:link|bridge|line|railway|road|port|"
    r"airport|terminal|crossing|checkpoint|pipeline|highway|expressway|corridor|station|tunnel|plant)),\s+"
    r"which\s+[^.;]{0,80}?\b(?:and\s+)?(?:was\s+|were\s+)?(?:officially\s+)?$")
#: the noun phrase opening a sentence that a participle after a comma tells of: "The cross-border service between A
#: and B, launched in …" (not an apposition's noun: "The crossing, …, the gateway to Poipet, reopened")
_PARTICIPLE_OF = re.compile(r"^\s*(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+((?:[\w'’-]+\s+){0,6}?[\w'’-]+),\s+"
                            r"(?:(?:first|officially|formally|jointly)\s+)?$")
# What opens, said in lower case right before the verb: "the bridge would open", "a new line is due to open".
_OPENED_SUBJECT = re.compile(r"\b(?:[Tt]he|[Aa]n?|[Ii]ts|[Tt]heir)\s+(?:new\s+)?((?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)\s+"
                             r"(?:(?:will|would|could|should|is|are|was|were|set|due|expected|scheduled|to|be|"
                             r"has|have|had|been|finally|officially)\s+)*$")
# The subject a sentence opens with, before its verb: "A ceasefire brokered by Malaysia", "The new rules".
_SUBJECT = re.compile(r"^(?:An?|The|Their|Its)\s+((?:[a-z][\w-]*\s+){0,2}?[a-z][\w-]*)"
                      r"(?:\s+(?:\w+ed|agreed|signed)\s+by\s+[^,;]+?)?\s+$")


def _object_after(text: str, t: Trigger, candidates: list[Candidate], *, vocab: Vocabulary | None = None) -> tuple[str, str] | None:
    """(display name, key name) of what was signed/launched/established: one of the agreements the
    sentence names (``candidates``), else what the words around the event word say."""
    chosen = _named_object(text, t, candidates)
    if chosen is not None:
        name = re.sub(r"\s+", " ", chosen.name)
        return name, agreement_key(chosen, chosen.name_parties, vocab=vocab)
    return _unnamed_object(text, t, vocab)


#: a clause or a conjunct joined on after an event word: what follows is not its object
_JOINED_AFTER = re.compile(r",\s+(?:and|but|while|whereas)\s")
#: "the entry into force on 1 July 2026 of the revised …", "the signing in Oslo last week of the …": the event
#: noun's date or place between it and what it is of
_DATED_OF = re.compile(r"\s+(?:on|in|at)\s+[\w ,.'’-]{1,30}?\s+of\s+(?:the\s+)?(?:(?:revised|new|amended)\s+)?")


def _named_object(text: str, t: Trigger, candidates: list[Candidate]) -> Candidate | None:
    """The agreement an event word acts on: the one right after it (within 30 characters), else the one
    before; a participle right after a name ("the agreement on … signed in 2011, the mechanism of …": a
    passive or reduced relative clause) tells what happened to that name, not to the next one."""
    after = [c for c in candidates if c.start >= t.end
             and (c.start - t.end <= 30 or _DATED_OF.fullmatch(text, t.end, c.start))
             and not _JOINED_AFTER.search(text, t.end, c.start)]  # "took effect on …, and the partnership"
    before = [c for c in candidates if c.end <= t.start and t.start - c.end <= 30]
    adjacent = [c for c in before if _POSTNOMINAL.fullmatch(text[c.end:t.start])]
    chosen = adjacent[-1] if adjacent and t.text.lower().endswith("ed") else (
        after[0] if after else (before[-1] if before else None))
    if chosen is None and t.kind == "entry into force":
        # "The X Agreement, …, was signed in 2014 … and took effect on Jan. 1, 2015": the sentence's subject
        chosen = next((c for c in candidates if c.end <= t.start), None)
    return chosen


def _unnamed_object(text: str, t: Trigger, vocab: Vocabulary | None) -> tuple[str, str] | None:
    """What was established, opened, launched or took effect when no agreement is named: "established
    diplomatic relations", "opened a new bridge over the river", "A ceasefire brokered by Malaysia took
    effect", "the Friendship Bridge was opened"."""
    if t.kind == "establishment":
        m = re.match(r"\s*(?:of\s+)?(?:the\s+|their\s+)?((?:[\w-]+\s+){0,2}(?:relations|ties))\b", text[t.end:])
        if m:
            return m.group(1), _normal_object(m.group(1), vocab=vocab)
    run = _OBJECT_RUN.match(text[t.end:].lstrip().removeprefix("the ")) if t.kind in ("launch", "opening") else None
    noun = _OPENED_NOUN.match(text[t.end:]) if t.kind == "opening" and not run else None
    if noun:  # what was opened, said in lower case
        return noun.group(1), noun.group(1).lower()
    which = _OPENED_ANTECEDENT.search(text, 0, t.start) if t.kind == "opening" else None
    if which:  # "the Agartala-Akhaura rail link, which cost some Rs 1,200 crore and opened in November 2023"
        return which.group(1), which.group(1).lower()
    told = _PARTICIPLE_OF.search(text, 0, t.start) if t.kind in ("launch", "opening") and t.text.endswith("ed") else None
    if told:  # "The cross-border service between Vientiane and Kunming, launched in April 2023, …"
        return told.group(1), told.group(1).lower()
    subject = _SUBJECT.match(text[:t.start]) if t.kind == "entry into force" else None
    if subject:
        return subject.group(1), subject.group(1).lower()
    if run and t.kind == "opening" and not t.text.lower().endswith(("opened", "opens")):
        return run.group(1), run.group(1).lower()  # "agreed to reopen the Second Friendship Bridge": its object
    opened = _OPENED_SUBJECT.search(text[:t.start]) if t.kind == "opening" else None
    if opened and not opened.group(1).endswith("ed"):
        # "the minister said the bridge would open in June": the bridge, not the minister ("the two sides
        # agreed to reopen": a verb, no subject that opens)
        return opened.group(1), opened.group(1).lower()
    if t.kind == "opening":
        runs = [r for r in _OBJECT_RUN.finditer(text[:t.start])  # not "Thailand and Cambodia": the subject
                if not (" and " in r.group(1) and all(countries_in(w, vocab=vocab) for w in r.group(1).split(" and ")))]
        if runs:
            name = re.sub(r"^The\s+", "", runs[-1].group(1))  # a sentence's "The Friendship Bridge will open"
            return name, name.lower()
    if run:
        return run.group(1), run.group(1).lower()
    return None


_EXCHANGED_INSTRUMENTS = re.compile(r"\bexchang(?:e|ed|es|ing)\s+(?:of\s+)?(?:the\s+)?instruments\s+of\s+$", re.I)
_WATER_CANNON = re.compile(r"water[- ]cannon", re.I)
_LEADING_VERB = re.compile(r"^(?:hold|held|holds|conduct\w*|stag\w*)\s+(?:an?\s+|the\s+|their\s+)?", re.I)
_RENEWAL_NOUNS = (("renew", "Renewal"), ("extend", "Extension"), ("suspend", "Suspension"), ("revok", "Revocation"),
                  ("reinstat", "Reinstatement"), ("reaffirm", "Reaffirmation"), ("terminat", "Termination"),
                  ("withdr", "Withdrawal from"), ("amend", "Amendment"))


def _renewal_noun(verb: str) -> str:
    return next((noun for stem, noun in _RENEWAL_NOUNS if verb.lower().startswith(stem)), "Renewal")


#: what two countries sign, when the article names it nowhere near ("an agreement", "a new trade deal")
_GENERIC_SIGNED = re.compile(r"\s+(?:an?|the)\s+(?:new\s+|landmark\s+|bilateral\s+)?(?:[a-z-]+\s+)?"
                             r"(agreement|deal|accord|memorandum|pact|treaty)\b")
#: "Ghana and Nigeria signed": two names joined by "and" right before the verb
_PAIR_SUBJECT = re.compile(r"(?:^|(?<=[\s—–-]))(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+and\s+(?:the\s+)?"
                           r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*\s+(?:have\s+|had\s+|on\s+\w+\s+)?$")


_WHAT_AFTER = re.compile(r"\s+(?:on|of|against)\s+((?:the\s+)?(?:[\w-]+\s+){0,3}?[\w-]+?)(?=\s+(?:from|to|in|into|on|"
                         r"by|for|after|over|since|until|and|used|that|which|who|made|worth)\b|[,.;]|$)")
_EXPELLED = re.compile(r"\s+(?:(?:some|about|around|nearly|more than|over|up to|an estimated|an?|half|thousands of|"
                       r"hundreds of|millions of|thousand|million|[\d,.]+)\s+)*"
                       r"((?:[A-Z][a-z]+-?)+s|(?:[a-z-]+\s+)?(?:nationals|citizens|migrants|workers|traders|"
                       r"residents|immigrants|foreigners|refugees))\b")


_STATE_BEFORE = re.compile(r"\b([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)\s+(?:(?:has|had|formally|finally)\s+)?$")


def _lower_first(title: str) -> str:
    """A title joined on after another: its first letter in lower case, unless it opens a name ("Signing" ->
    "signing", but "Jane Roe visit", "ASEAN Summit" and "Brazil-Africa business forum" keep theirs)."""
    first = title.split(" ", 1)[0]
    keep = any(c.isupper() for c in first[1:]) or (  # "ASEAN Summit", "Brazil-Africa business forum"
        len(title.split()) > 1 and title.split()[1][:1].isupper() and first[:1].isupper())
    return title if keep else title[:1].lower() + title[1:]


def _political_title(t: Trigger, text: str) -> str:
    """"Annexation of Korea", "Seizure of power"."""
    if t.kind == "annexation":
        what = re.match(r"\s+(?:of\s+)?(?:the\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", text[t.end:])
        return f"Annexation of {what.group(1)}" if what else "Annexation"
    if t.kind == "independence":
        led = re.match(r"(?:led|leads)\s+(.+?)\s+to\b", t.text) or _STATE_BEFORE.search(text, 0, t.start)
        return f"Independence of {led.group(1)}" if led else "Independence"  # "Ghana gained independence"
    if t.kind == "accession":
        org = re.match(_ACCESSION_LEAD + r"(.+)$", t.text)
        return f"Accession to {org.group(1)}" if org else "Accession"
    return "Coup" if "coup" in t.text.lower() else "Seizure of power"


#: the storm a landfall is of, named before it ("Typhoon Dalisay made landfall", "the cyclone, … made landfall")
_STORM_BEFORE = re.compile(r"\b((?:(?:Super|Severe|Tropical)\s+)?(?:Typhoon|Cyclone|Hurricane|Storm|Tropical Storm)"
                           r"(?:\s+[A-Z][\w-]+)?)\b(?:,[^,]{1,60},)?\s+(?:\w+\s+){0,2}$")
_SHUT_CROSSINGS = re.compile(r"(?:border\s+)?(?:crossings?|crossing points|checkpoints|border gates|border posts)")


def _restriction_title(t: Trigger, text: str) -> str:
    """"Expulsion of Ghanaians", "Ban on raw nickel ore exports", "Lifting of the ban on …", "Border closure"."""
    word = t.text.lower()
    if t.kind == "expulsion":
        who = _EXPELLED.match(text, t.end) if word.startswith(("expel", "deport", "order")) else \
            re.match(r"\s*((?:[A-Z][a-z]+-?)+s|[a-z]+s)\b", text[t.end:])
        noun = "Deportation" if word.startswith("deport") else "Expulsion"
        return f"{noun} of {who.group(1)}" if who else noun
    if (shut := _SHUT_CROSSINGS.search(word)) and re.search(r"\b(?:shut|closed|sealed)\b", word):
        return f"Closure of {shut.group(0)}"  # "the crossings were shut": the crossings, not the border
    if "border" in word:
        return "Border closure"
    core = re.sub(r"^\w+\s+(?:(?:an?|its|their)\s+)?", "", " ".join(t.text.split()))  # "the live cattle export ban"
    if t.kind == "suspension":
        return f"Suspension of {core}"
    if t.kind == "controls":
        noun = {"impos": "Imposition", "introduc": "Introduction", "tighten": "Tightening", "eas": "Easing",
                "relax": "Easing", "lift": "Lifting", "scrap": "Scrapping"}
        verb = next((v for k, v in noun.items() if word.startswith(k)), "Imposition")
        what = _WHAT_AFTER.match(text, t.end)
        return f"{verb} of {core}" + (f" on {what.group(1)}" if what else "")
    if word.endswith("lifted"):  # "The ban was lifted in July 2011"
        return "Lifting of the " + word.split()[0]
    what = _WHAT_AFTER.match(text, t.end)
    if what and not core.endswith("sanctions"):
        core += f" on {what.group(1)}"
    return f"Lifting of {core}" if word.startswith("lift") else core[:1].upper() + core[1:]


def _title(t: Trigger, text: str, names: list[str], main_person: str | None,
           place: str | None, obj: tuple[str, str] | None, by_phrase: str | None) -> tuple[str, str]:
    """(title, main part of the key) for one event word."""
    if t.family == "visit":
        who = main_person or ""
        label = t.kind
        title = f"{who} {label}" if who else label.capitalize()
        if place:
            title += f" to {place}"
        if not who and by_phrase:
            title += f" by {by_phrase}"
        return title.strip(), main_person or "@" + (place or "")
    if t.family in ("talks", "phone call"):
        noun = {"talks": "Talks", "meeting": "Meeting", "phone call": "Phone call", "invitation": "Meeting",
                "agreement reached": "Agreement", "consultations": "Consultations",
                "negotiations": "Negotiations"}.get(t.kind, t.text.capitalize())
        title = f"{noun} between {_listed(names)}" if len(names) >= 2 else (
            f"{noun} with {names[0]}" if names else noun)
        if place and t.family == "talks":
            title += f" in {place}"
        return title, "+".join(sorted(names)) or (place or "")
    if t.family in ("summit", "ceremony"):
        name = t.text.strip()
        name = name[:1].upper() + name[1:]
        if t.family == "ceremony" and names:
            name += f" with {' and '.join(names)}"
        return name, name.lower()
    if t.family == "election":
        who = main_person or (names[0] if names else "")
        if not who:
            kind = re.search(r"(?:\b[a-z-]+\s+){0,2}$", text[:t.start]).group(0) + t.text  # "municipal elections"
            return kind.strip().capitalize(), "@" + kind.strip().lower()
        return f"Election of {who}", who
    return _standing_title(t, text, names, place, obj)


def _listed(names: list[str]) -> str:
    """Names as an English list: "A and B", "A, B and C"."""
    return " and ".join(names) if len(names) <= 2 else ", ".join(names[:-1]) + " and " + names[-1]


def _standing_title(t: Trigger, text: str, names: list[str], place: str | None,
                    obj: tuple[str, str] | None) -> tuple[str, str]:
    """(title, main part of the key) of an event the word tells whole, or of an act on an object."""
    if t.family in ("restriction", "political"):
        title = _restriction_title(t, text) if t.family == "restriction" else _political_title(t, text)
        return title, "@" + title.lower()
    if t.family in _SELF_STANDING or (t.family == "ratification" and obj is None):
        if _WATER_CANNON.search(t.text):
            return "Water cannon attack", "@" + t.family  # "fired its water cannon at …": the target, no place
        title = _LEADING_VERB.sub("", t.text.strip())
        if t.kind == "rescue":
            title = "rescue of " + re.sub(r"^rescu\w*\s+", "", t.text.strip(), flags=re.I)
        elif t.kind == "groundbreaking":
            project = _GROUNDBREAKING_PROJECT.search(t.text)
            title = "groundbreaking of the " + " ".join(project.group(1).split()) if project else "groundbreaking"
        elif t.kind == "seizure":
            taken = _TAKEN.match(t.text)  # "The trawler, …, was seized": the trawler
            seized = taken.group(1) if taken else _SEIZED.sub("", t.text.strip())  # "boarded and seized a trawler"
            title = "seizure of " + re.sub(r"^(?:a|an)\s+", "", seized, flags=re.I)
        if title.lower().endswith(" landfall"):  # "Typhoon Dalisay made landfall in Cagayan"
            storm = _STORM_BEFORE.search(text, max(0, t.start - 80), t.start)
            title = f"landfall of {storm.group(1)}" if storm else "landfall"
        title = title[:1].upper() + title[1:]  # not str.capitalize(): "the Thai Embassy's" keeps its capitals
        if place:
            title += f" in {place}"
        return title, "@" + t.family  # one per article and date: "last year's clashes" folds into the dated one
    noun = {"signing": "Signing", "establishment": "Establishment", "launch": "Launch", "opening": "Opening",
            "entry into force": "Entry into force", "renewal": _renewal_noun(t.text),
            "ratification": "Ratification"}[t.family]
    joiner = "of"
    if t.text.lower().startswith("found"):
        noun = "Founding"
    elif t.text.lower().startswith("normali"):
        return "Normalisation of relations", "normalisation"  # (what was normalised is always relations)
    elif t.text.lower().startswith(("upgrad", "elevat")):
        noun, joiner = "Upgrade of relations", "to"  # "upgraded relations to a strategic partnership in 2011"
    elif t.family == "signing" and t.text.lower().startswith("exchang"):
        # "the exchange of the following documents": "Exchange of documents", or of the agreement named
        noun = "Exchange" if obj else f"Exchange of {t.text.split()[-1]}"
    elif t.family == "ratification" and _EXCHANGED_INSTRUMENTS.search(text, max(0, t.start - 40), t.start):
        noun = "Exchange of instruments of ratification"  # the step that follows both ratifications
    if obj:
        return f"{noun} {joiner} {obj[0]}", obj[1]
    return noun, "+".join(sorted(names))


#: "at the invitation of" and what follows it up to a name, inside that phrase (no comma between: "At the
#: invitation of President of the Republic of Chile Ana Soto, …")
_INVITED_BY = re.compile(r"\binvitation\s+(?:of|from)\s+[^,;]{0,120}$")


def _main_person(t: Trigger, text: str, sentence: Sentence, region: tuple[int, int],
                 people: PeopleIndex) -> tuple[str | None, str | None]:
    """(visitor/subject, a "by …" description when no person is named)."""
    base = sentence.start
    by = re.match(r"^(?:\s+to\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?\s+by\s+", text[t.end:])
    if by:
        tail_start = base + t.end + by.end()
        after = _mentions_in(people, tail_start, min(base + region[1], tail_start + 160))
        if after:
            return after[0].name, None
        desc = re.match(r"((?:the\s+)?[\w\s()'’-]+?)(?=\s+(?:in|on|from|since|to)\s|[,;.]|$)", text[t.end + by.end():])
        return None, desc.group(1).strip() if desc else None
    # "At the invitation of Mr. X, …, Y paid an official visit": the host who invited is not the visitor
    before = [m for m in _mentions_in(people, base + region[0], base + t.start)
              if not _INVITED_BY.search(text, max(0, m.start - base - 150), m.start - base)]
    if before:
        return before[0].name, None
    if t.family == "election":
        after = _mentions_in(people, base + t.end, base + region[1])
        if after:
            return after[0].name, None
    return None, None


class _DocEvents:
    """Collects events of one document; later sentences may borrow dates from earlier events."""

    def __init__(self, doc: AnalysedDocument, people: PeopleIndex) -> None:
        self.doc = doc
        self.vocab = vocabulary(doc.lexicon)  # countries and agreement names
        self.reporting = doc.lexicon.derived("events.reporting", _reporting)
        self.people = people
        self.events: list[Event] = []
        self.sentence_index = 0
        self.last_dated: tuple[Event, int] | None = None  # the latest dated event and its sentence number
        self.last_day: Event | None = None  # the latest event told on one day ("the same day" is its day)

    def anchor_for(self, participants: list[str], explicit_phrase: bool) -> Event | None:
        """The visit/meeting an undated sub-event belongs to.

        Among earlier dated visits, talks and meetings of a standing body sharing a participant (any, after
        "During the … meeting"): the one nearest the publication date (the
        news' own event, not background history), then most shared
        participants, then the latest.
        """
        published = self.doc.source.published or ""
        best: Event | None = None
        best_score: tuple[int, int, int] | None = None
        for n, ev in enumerate(self.events):
            if (ev.family not in _ANCHOR_FAMILIES and ev.kind != "body meeting") or ev.basis == "inherited":
                continue
            shared = len(set(participants) & set(ev.participants))
            if shared == 0 and not (explicit_phrase and (ev.family == "talks" or not participants)):
                continue
            near = 0
            if published:
                common = 0
                while common < min(len(published), len(ev.date)) and published[common] == ev.date[common]:
                    common += 1
                near = common
            score = (near, shared, n)
            if best_score is None or score > best_score:
                best, best_score = ev, score
        return best

    def sentence(self, sentence: Sentence) -> None:
        """The events of one sentence: its event words with their dates, each seeing the people of its
        own clause; event words sharing a date are one event (the first by priority, titled by all)."""
        text = sentence.text
        pending, blocked = self._anniversaries(sentence)
        quoted = _quoted_spans(text)
        triggers = _triggers(text, blocked + quoted, vocab=self.vocab)
        entry = self._timeline_entry(sentence)
        if not triggers and not pending:  # most sentences: no event word, nothing to date or to place
            if entry is not None:
                self.events.append(entry)
            self.sentence_index += 1
            return
        dates = self._dates(sentence, blocked, quoted)
        for t in triggers:
            t.anchor_phrase = bool(_DURING.search(text[:t.start])) and t.family in _ANCHOR_FAMILIES
        _pair_dates(triggers, dates, text)
        self._undate_names(triggers, sentence)
        events_here = [t for t in triggers if not (t.anchor_phrase and t.date is None)]
        spans = self._regions(events_here, sentence)
        pending += self._events_of(events_here, spans, sentence, any(t.anchor_phrase for t in triggers))
        if entry is not None and not any(ev.date == entry.date for ev in pending):
            pending.append(entry)  # (an entry its own words date otherwise, or do not date, is the entry's event)
        self.events.extend(pending)
        dated = [ev for ev in pending if ev.basis != "inherited" and ev.status == "held"]
        if dated:
            self.last_dated = (dated[0], self.sentence_index)
            # "… from 25 to 27 November, during which … the meeting held on 26 November. On the afternoon of the
            # same day, …": the day last told is the last event of one day, not a visit of three
            first = dated[0]
            # (within the first event's time: not "… established ties on 24 June 1967" told after the talks)
            days = [ev for ev in dated if len(ev.date) == 10 and not ev.end_date
                    and first.date <= ev.date <= (first.end_date or first.date)]
            self.last_day = days[-1] if days else None
        self.sentence_index += 1

    @cached_property
    def _timeline_starts(self) -> frozenset[int]:
        """Where the entries of a timeline start: passages that open with a date and a dash, three or more
        of them in the document (one alone may be anything)."""
        starts = frozenset(p.start for p in self.doc.passages
                           if p.role in ("list_item", "prose") and TIMELINE_ENTRY.match(p.text))
        return starts if len(starts) >= 3 else frozenset()

    def _timeline_entry(self, sentence: Sentence) -> Event | None:
        """"November 2015 – Strategic partnership signed in Lima": an entry of a timeline (a passage that opens
        with its date and a dash, one of three or more) is an event of that date, titled by its words, whatever
        they say."""
        m = TIMELINE_ENTRY.match(sentence.text) if sentence.start in self._timeline_starts else None
        if m is None:
            return None
        date = next((d for d in self.doc.dates(sentence) if d.end == m.end("date")), None)
        if date is None:
            return None
        title = m.group("what").rstrip(" .;")
        published = self.doc.source.published or ""
        return Event(date=date.date, end_date=date.end_date, kind="timeline entry", family="timeline",
                     title=title[:1].upper() + title[1:], main="@" + title.lower(),
                     participants=_names(self.people, sentence.start, sentence.end),
                     spans=[(sentence.start, sentence.end)], basis=date.basis,
                     status="scheduled" if published and date.date > published[:len(date.date)] else "held")

    def _anniversaries(self, sentence: Sentence) -> tuple[list[Event], list[tuple[int, int]]]:
        """"the 75th anniversary of diplomatic ties": the event it marks, and its span, which dates nothing."""
        pending: list[Event] = []
        blocked: list[tuple[int, int]] = []
        for m in _ANNIVERSARY.finditer(sentence.text):
            # "the 60th anniversary of the Agreement … signed in Jakarta on 11 August 1966": the participle
            # and its date tell the event the anniversary marks, which is an event of its own
            told = _TOLD_ORIGIN.search(m.group("what"))
            blocked.append((m.start(), m.start("what") + told.start()) if told else m.span())
            origin = self._anniversary_origin(m, sentence)
            if origin:
                pending.append(origin)
        return pending, blocked

    def _dates(self, sentence: Sentence, blocked: list[tuple[int, int]],
               quoted: list[tuple[int, int]]) -> list[DateMention]:
        """The sentence's dates that may date an event: not an anniversary's, not inside a quotation or a
        condition ("if … in 2027")."""
        text = sentence.text
        blocked = blocked + [m.span() for m in _YEARS_SPAN.finditer(text)]
        return [d for d in self.doc.dates(sentence)
                if not any(bs <= d.start < be for bs, be in blocked)
                and not any(qs <= d.start < qe for qs, qe in quoted)
                and not _HYPOTHETICAL.search(text[max(0, d.start - 60):d.start])
                and not _COMPARED_WITH.search(text, max(0, d.start - 40), d.start)
                and not _HORIZON.search(text, max(0, d.start - 40), d.start)]

    def _regions(self, events_here: list[Trigger], sentence: Sentence) -> dict[int, tuple[int, int]]:
        """The part of the sentence each event word owns (its clause; after a reporting verb: "Noor
        announced that the prime minister would visit …", the reporter takes no part)."""
        text = sentence.text
        names = [(m.start - sentence.start, m.end - sentence.start)
                 for m in _mentions_in(self.people, sentence.start, sentence.end)]
        # only words that can become events split the sentence ("The consultations came 34 years after …")
        spans = _clauses([t for t in events_here if t.date or t.kind in _SUB_EVENTS or t.family == "visit"],
                         text, names)
        for t in events_here:
            region = spans.get(id(t), (0, len(text)))
            cues = [m for m in self.reporting.finditer(text, region[0], t.start)]
            if cues:
                spans[id(t)] = (cues[-1].end(), region[1])
        return spans

    def _events_of(self, events_here: list[Trigger], spans: dict[int, tuple[int, int]], sentence: Sentence,
                   anchor_phrase: bool) -> list[Event]:
        """One event per date (its words by priority) and one per undated event word."""
        text = sentence.text
        floor = self.doc.passages[max(0, sentence.passage - 3)].start
        groups: dict[int | None, list[Trigger]] = {}
        for t in events_here:
            groups.setdefault(id(t.date) if t.date else None, []).append(t)
        out: list[Event] = []
        for gid, group in groups.items():
            if gid is None:
                for t in group:
                    ev = self._undated(t, text, sentence, spans.get(id(t), (0, len(text))), floor, anchor_phrase)
                    if ev:
                        out.append(ev)
                continue
            owned = [spans.get(id(t), (0, len(text))) for t in group]
            region = (min(r[0] for r in owned), max(r[1] for r in owned))
            built = [ev for t in sorted(group, key=lambda t: _PRIORITY.index(t.kind))
                     if (ev := self._build(t, t.date, text, sentence, region, floor)) is not None]
            if built:
                main = built[0]
                # (not a second visit word of the same visit: "arrived in Lima on Sunday for a state visit")
                main.extra_titles = [b.title for b in built[1:] if not (b.family == main.family == "visit")]
                out.append(main)
        return out

    def _undate_names(self, triggers: list[Trigger], sentence: Sentence) -> None:
        """ "extended the 1992 readmission agreement": the year in a name is when it was made, not renewed."""
        acted = [t for t in triggers if t.date is not None and t.family in ("renewal", "ratification")]
        if not acted:
            return
        names = self.doc.agreement_candidates(sentence)
        for t in acted:
            if any(c.start <= t.date.start < c.end
                   or (c.start >= t.date.end and re.fullmatch(r"\s*", sentence.text[t.date.end:c.start]))
                   for c in names):
                t.date = None

    def _previous(self, sentence: Sentence) -> list[Sentence]:
        """The sentences before ``sentence`` in its paragraph, nearest first (three at most)."""
        i = min(self.sentence_index, len(self.doc.sentences))
        return [before for before in self.doc.sentences[max(0, i - 3):i][::-1] if before.passage == sentence.passage]

    def _participants(self, t: Trigger, text: str, sentence: Sentence, region: tuple[int, int],
                      floor: int) -> list[str]:
        names = _names(self.people, sentence.start + region[0], sentence.start + region[1])
        if names and "ccording to" in text:  # "…, according to its owner, Jane Roe": the source, not in it
            sources = {m.name for m in _mentions_in(self.people, sentence.start + region[0], sentence.start + region[1])
                       if _ACCORDING_BEFORE.search(text, max(0, m.start - sentence.start - 60), m.start - sentence.start)
                       and _PHRASE_CLOSED.match(text, m.end - sentence.start)}
            names = [n for n in names if n not in sources]
        if names and _PRONOUN.search(text[region[0]:t.start]):
            who = pronoun_person(text, t.start, t.end, sentence, self.people, floor, self._previous(sentence))
            if who and who not in names:
                # "Lee and his host signed …": the one "his" points back to; "On May 4, she met Lee": the
                # subject, first
                subject = not _mentions_in(self.people, sentence.start + region[0], sentence.start + t.start)
                names.insert(0 if subject else len(names), who)
        if names:
            if re.match(r"\s+(?:him|her)\b", text[t.end:]):  # "Hartley hosted him": the one named before
                earlier = self.people.last_before(sentence.start + region[0], floor)
                if earlier and earlier.name not in names:
                    names.append(earlier.name)
            return names
        if two := _TWO_LEADERS.search(text):
            if two.group("ministers"):  # "the two foreign ministers witnessed …": both, named in full before
                pair = _last_names_before(self.people, sentence.start, 0, 2)
                return pair if len(pair) == 2 else []
            return _last_names_before(self.people, sentence.start, floor, 2)
        if region[0] > 0 and _ELIDED_SUBJECT.search(text[:region[0]] + " " + text[region[0]:t.start]):
            # "Bukhari attended a reception …, and will visit a plant on Friday": the sentence's subject
            subject = _names(self.people, sentence.start, sentence.start + region[0])
            if subject:
                return subject[:1]
        if region[0] > 0 and not _PRONOUN.search(text, region[0], t.end + 10) and any(
                m.end() == region[0] for m in self.reporting.finditer(text, 0, region[0] + 1)):
            return []  # "In his remarks, Lee recalled that the two countries established …": not his event
        who = pronoun_person(text, t.start, t.end, sentence, self.people, floor, self._previous(sentence))
        return [who] if who else []

    def _build(self, t: Trigger, date: DateMention | None, text: str, sentence: Sentence,
               region: tuple[int, int], floor: int, inherited: Event | None = None) -> Event | None:
        """The event a trigger reports: who, where, what (signed, launched), when; None when the
        sentence tells no one event (nobody takes part, nothing was signed)."""
        # a flood or an earthquake has no participants: the people of its sentence react to it
        names = self._participants(t, text, sentence, region, floor) if t.family != "disaster" else []
        main_person, by_phrase = _main_person(t, text, sentence, region, self.people)
        if main_person is None and t.family in ("visit", "election") and len(names) == 1:
            main_person = names[0]
        scheduled = date is not None and _is_scheduled(date, self.doc.source.published, text, (t.start, t.end),
                                                       region)
        group = _unnamed_group(t, names, text, region)
        if group is None and self._nobody(t, text, names, scheduled):
            return None
        if t.family in _SELF_STANDING and (times := _TIMES_AFTER.search(text, t.end, min(len(text), t.end + 120))) \
                and not re.search(r"[,;(]", text[t.end:times.start()]):
            return None  # "has fired water cannon at our vessels nine times this year": a series, not one event
        if t.kind == "visit" and main_person is None and by_phrase is None:
            return None  # "tourists visited …", "mutual visits": not one dated visit
        place = self._place_of(t, text)
        obj = self._object_of(t, text, sentence) if t.family in _OBJECT_FAMILIES else None
        if obj is None and t.family == "signing" and not names:
            obj = self._pair_signed(t, text, region)
        by_legislature = t.family == "ratification" and not t.text.lower().startswith("ratif")
        if t.family in _OBJECT_FAMILIES and obj is None and (not names or t.kind in _NEEDS_OBJECT) \
                and not by_legislature:
            return None
        title, main = _title(t, text, names, main_person, place, obj, by_phrase)
        if group is not None:
            title = _group_title(group, place)
        d, end_date, basis, date_text = self._date_of(date, inherited, scheduled)
        return Event(d, end_date, t.kind, t.family, title, names, main, [(sentence.start, sentence.end)], basis,
                     status="scheduled" if scheduled else "held", date_text=date_text)

    def _pair_signed(self, t: Trigger, text: str, region: tuple[int, int]) -> tuple[str, str] | None:
        """ "Ghana and Nigeria signed an agreement Tuesday": an agreement the two countries of the clause's
        subject sign, named by nothing but them (display, key)."""
        generic = _GENERIC_SIGNED.match(text, t.end)
        subject = _PAIR_SUBJECT.search(text, region[0], t.start)
        if generic is None or subject is None:
            return None
        pair = countries_in(subject.group(0), vocab=self.vocab)
        if len(pair) != 2:
            return None
        noun = generic.group(1).lower()
        return f"{noun} between {pair[0]} and {pair[1]}", f"{noun}|{'|'.join(sorted(pair)).lower()}"

    def _nobody(self, t: Trigger, text: str, names: list[str], scheduled: bool) -> bool:
        """A trigger that needs a person and has none, unless scheduled talks of "the two sides" or at a place."""
        if t.kind not in _NEEDS_PERSON or names:
            return False
        if t.family == "election" and t.text.lower().startswith("election"):
            return False  # "municipal elections on 31 October": the vote itself
        return not (scheduled and t.family == "talks"
                    and (_COLLECTIVE.search(text) or _place(text[t.end:], vocab=self.vocab)
                         or _PLACE_IN.search(text[t.end:t.end + 40])))

    def _place_of(self, t: Trigger, text: str) -> str | None:
        """Where: a place after the trigger; for a visit a country just before it ("the Ghana visit") or
        "in X" before it; for talks and summits "in X" after it."""
        place = _place(text[t.end:], vocab=self.vocab)
        if place is None and t.family == "visit":
            # "the Ghana visit", or "landed in Accra where he started his … visit"
            near = countries_in(text[max(0, t.start - 12):t.start], vocab=self.vocab) or [
                c for m in _PLACE_IN.finditer(text[max(0, t.start - 60):t.start])
                for c in countries_in(m.group(1), vocab=self.vocab)]
            place = near[-1] if near else None
        if place is None and t.family in _SELF_STANDING:
            m = _PLACE_IN.search(text[t.end:t.end + 60]) or _PLACE_NEAR.search(text[t.end:t.end + 60])
            place = m.group(1) if m and m.group(1).split()[0].lower() not in self.doc.lexicon.months else None
        if place is None and t.family in ("talks", "summit"):
            m = _PLACE_IN.search(text[t.end:t.end + 80])
            named = countries_in(m.group(1), vocab=self.vocab) if m else []
            place = m.group(1) if m and named else None
        return place

    def _object_of(self, t: Trigger, text: str, sentence: Sentence) -> tuple[str, str] | None:
        """What was signed, launched or established: an agreement the sentence names near the trigger,
        else what "it" stands for."""
        candidates = (self.doc.agreement_candidates(sentence) if text == sentence.text
                      else find_candidates(text, vocab=self.vocab))
        obj = _object_after(text, t, candidates, vocab=self.vocab)
        if obj is None and re.search(r"\bit\s+(?:was|had been|has been|is)\s+(?:\w+\s+)?$", text[:t.start]):
            obj = self._antecedent(sentence, t)
        back = _BACK_NOUN.search(text[:t.start]) if obj is None and text == sentence.text else None
        if back:
            obj = self._named_before(sentence, back.group("head"))
        return obj

    def _named_before(self, sentence: Sentence, head: str) -> tuple[str, str] | None:
        """The agreement "the scheme" stands for: the last one named with that head word in the paragraph's
        earlier sentences ("… the express visa scheme for 12 Aegean islands … The scheme, launched in April
        2024, …")."""
        for earlier in reversed([s for s in self.doc.sentences
                                 if s.passage == sentence.passage and s.start < sentence.start]):
            named = [c for c in self.doc.agreement_candidates(earlier)
                     if c.name.split()[-1].lower() == head.lower()] if head.lower() in earlier.text.lower() else []
            if named:
                return re.sub(r"\s+", " ", named[-1].name), agreement_key(named[-1], named[-1].name_parties,
                                                                           vocab=self.vocab)
        return None

    def _date_of(self, date: DateMention | None, inherited: Event | None,
                 scheduled: bool) -> tuple[str, str | None, str, str | None]:
        """(date, end date, basis, the date as written when it says more than the date): the trigger's
        own date (a scheduled month already past this year is next year's), or the anchor event's."""
        if inherited is not None:
            return (inherited.date[:7] if inherited.end_date else inherited.date), None, "inherited", None
        assert date is not None
        d, end_date, basis = date.date, date.end_date, date.basis
        published = self.doc.source.published or ""
        if basis == "context year" and len(published) >= 7 and (d[:7] < published[:7]) == scheduled \
                and d[:7] != published[:7]:
            # "will visit in March" written in November: next year's March; "made a state visit in
            # November" written in June: last year's
            step = 1 if scheduled else -1
            d = f"{int(d[:4]) + step}{d[4:]}"
            end_date = f"{int(end_date[:4]) + step}{end_date[4:]}" if end_date else None
        if scheduled and date.kind == "weekday" and d < published:
            d = (dt.date.fromisoformat(d) + dt.timedelta(days=7)).isoformat()  # "due on Saturday": the coming one
        date_text = date.text if scheduled or date.kind == "part" else None
        return d, end_date, basis, date_text

    def _antecedent(self, sentence: Sentence, t: Trigger) -> tuple[str, str] | None:
        """What "it" names: the last capitalised multi-word name before it in the paragraph that is no person."""
        passage = self.doc.passages[sentence.passage]
        before = self.doc.text[passage.start:sentence.start + t.start]
        for m in reversed(list(_OBJECT_RUN.finditer(before))):
            s, e = passage.start + m.start(1), passage.start + m.end(1)
            if any(pm.start < e and s < pm.end for pm in self.people.mentions):
                continue
            if countries_in(m.group(1), vocab=self.vocab) and len(m.group(1).split()) < 2:
                continue
            return m.group(1), m.group(1).lower()
        return None

    def _undated(self, t: Trigger, text: str, sentence: Sentence, region: tuple[int, int], floor: int,
                 anchor_phrase: bool) -> Event | None:
        if t.family in _SAME_DAY_ACTS and self.last_day is not None and _SAME_DAY.search(text, 0, t.start) \
                and not _FUTURE.search(text, region[0], _clause_end(text, t.end, region[1])):
            # "On the same occasion, the two sides exchanged the instruments of ratification of …"
            return self._build(t, None, text, sentence, region, floor, inherited=self.last_day)
        if t.kind not in _SUB_EVENTS or _FUTURE.search(text, *_own_phrase(t, text, region)):
            return None
        names = self._participants(t, text, sentence, region, floor)
        previous = self.last_dated
        if self.last_day is not None and names and _SAME_DAY.search(text, 0, t.start):
            # "The same afternoon, PM Lee paid a courtesy call on …": another event, on the day last told
            return self._build(t, None, text, sentence, region, floor, inherited=self.last_day)
        if (previous is not None and names and previous[1] == self.sentence_index - 1
                and (previous[0].family == t.family
                     or (previous[0].family in _JOINABLE and _names(self.people, sentence.start, sentence.end)))):
            # "… signed seven agreements on Tuesday. Cho and Fournier signed the MoU at a ceremony":
            # the next sentence names who took part in the event just told, not a new event (another kind
            # that only refers back to them, "After the talks, the two ministers witnessed the signing of …",
            # is new)
            ev = previous[0]
            ev.participants += [n for n in names if n not in ev.participants]
            if (sentence.start, sentence.end) not in ev.spans:
                ev.spans.append((sentence.start, sentence.end))
            return None
        if t.family == "talks" and _DEFINITE.search(text[:t.start]):
            return None  # "the outcomes of the talks": a reference to talks already told, not new ones
        anchor = self.anchor_for(names, anchor_phrase)
        if anchor is None:
            return None
        return self._build(t, None, text, sentence, region, floor, inherited=anchor)

    def _anniversary_origin(self, m: re.Match[str], sentence: Sentence) -> Event | None:
        """ "75th anniversary of diplomatic relations (January 18, 1950 - 2025)": the founding date."""
        paren = m.group("paren")
        what = m.group("what").strip()
        # "(January 18, 1950 - 2025)" after it, or "the establishment of diplomatic relations … on 19 December
        # 1950" inside it: the founding date
        told = _ESTABLISHED_ON.search(what) if not paren else None
        if not paren and not told:
            return None
        dates = find_dates(paren) if paren else [d for d in find_dates(told.group("date")) if len(d.date) == 10]
        if not dates:
            return None
        if told:
            what = what[:told.start("tail")]
        what = re.sub(r"^establishment of\s+", "", what.strip(), flags=re.I)
        normalised = _NORMALISATION_OF.match(what)  # "the normalisation of their relations (November 1991 – …)"
        if normalised:
            what = what[normalised.end():]
        obj = "normalisation" if normalised else _normal_object(what, vocab=self.vocab)  # (the key of "normalised")
        display = re.sub(r"^(?:the\s+|bilateral\s+|their\s+)+", "", what, flags=re.I)
        title = "Normalisation of relations" if normalised else f"Establishment of {display}"
        return Event(dates[0].date, None, "establishment", "establishment", title,
                     [], obj, [(sentence.start, sentence.end)], dates[0].basis)

    def merged(self) -> list[Event]:
        """Fold a vaguer mention ("2025", "1950") into a sharper one of the same event in this document."""
        by_key: dict[str, Event] = {}
        for ev in self.events:
            if ev.key in by_key:
                kept = by_key[ev.key]
                kept.spans += [s for s in ev.spans if s not in kept.spans]
                kept.participants += [p for p in ev.participants if p not in kept.participants]
                continue
            by_key[ev.key] = ev
        events = list(by_key.values())
        result: list[Event] = []
        for ev in events:
            sharper = next((o for o in events if o is not ev and o.family == ev.family
                            and len(o.date) > len(ev.date) and o.date.startswith(ev.date)
                            and _same_subject(ev, o)), None)
            if sharper is not None:
                sharper.spans += [s for s in ev.spans if s not in sharper.spans]
                continue
            told = next((o for o in events if ev.family == "timeline" != o.family and _told_again(ev, o)), None)
            if told is not None:  # a timeline's entry that repeats an event the story tells is that event
                told.spans += [s for s in ev.spans if s not in told.spans]
                continue
            result.append(ev)
        return result


_CONTENT_WORD = re.compile(r"[A-Za-z][a-z'’-]{3,}")
_STEMS = re.compile(r"(?:ing|ment|ed|es|s)$")


def _told_again(entry: Event, ev: Event) -> bool:
    """Whether a timeline's entry is ``ev`` (compatible dates, half the words of the shorter title shared:
    "The two countries establish diplomatic relations" and "Establishment of diplomatic relations")."""
    if not (entry.date.startswith(ev.date) or ev.date.startswith(entry.date)):
        return False
    words = [{_STEMS.sub("", w.lower()) for w in _CONTENT_WORD.findall(t)} for t in (entry.title, ev.title)]
    shorter = min(words, key=len)
    return bool(shorter) and len(words[0] & words[1]) * 2 >= len(shorter)


def _same_subject(vague: Event, sharp: Event) -> bool:
    if vague.main and vague.main == sharp.main:
        return True
    person = vague.main.split("|")[0]
    return bool(person) and person in sharp.participants


def extract_events(doc: Document, people: PeopleIndex, lexicon: Lexicon | None = None) -> list[Finding]:
    """Dated events of one document, each citing the sentence(s) reporting it."""
    doc = AnalysedDocument.of(doc, lexicon)
    collector = _DocEvents(doc, people)
    for sentence in doc.sentences:
        collector.sentence(sentence)
    findings: list[Finding] = []
    for ev in collector.merged():
        title = "; ".join([ev.title, *(_lower_first(t) for t in ev.extra_titles)])
        fields: dict[str, object] = {"date": ev.date, "title": title, "participants": ev.participants,
                                     "event_kind": ev.kind}
        if ev.end_date:
            fields["end_date"] = ev.end_date
        fields["status"] = ev.status
        if ev.date_text:
            fields["date_text"] = ev.date_text
        confidence = {"explicit": 0.85, "context year": 0.75, "relative": 0.7, "inherited": 0.6}.get(ev.basis, 0.6)
        # The same event told by several sources is one item: the key is who/what it is (the date
        # stays out, compatible dates merge in the pipeline); each source's account is kept in its
        # ``reports``. An event known only by a place or by nobody in particular stays per source.
        identified = bool(ev.main) and not ev.main.startswith("@")
        key = f"{ev.family}|{ev.main}" if identified else f"{doc.source.id}|{ev.family}|{ev.main}"
        findings.append(Finding(kind="event", key=key, label=f"{title} ({ev.date})", fields=fields,
                                spans=sorted(ev.spans), rule=f"{ev.kind}, date {ev.basis}",
                                confidence=confidence, date=ev.date))
    return findings


class EventExtractor:
    """Dated events (visits, talks, signings, …) with their participants."""

    name = "events"
    reads = ("sentences", "people", "dates", "agreement candidates")
    produces = "event"

    def extract(self, doc: AnalysedDocument, lexicon: Lexicon, people: PeopleIndex) -> list[Finding]:
        return extract_events(doc, people, lexicon)
