"""A tiny hand-made corpus for store, search, export and CLI tests.

Built from hand-written Items so the tests do not depend on what the
extractors (written concurrently) happen to return.
"""

from __future__ import annotations

from pathlib import Path

from bilateral.core.model import Citation, Item, Source
from bilateral.ingest.text import Document
from bilateral.store.build import build

TEXT_A = (
    "Leaders Meet in Hanoi\n"
    "General Secretary Tô Lâm met Chinese President Xi Jinping in Hà Nội on April 14.\n"
    "\"We share a common future,\" Tô Lâm said after the talks.\n"
    "Bilateral trade reached 260 billion USD in 2024, up 19 percent.\n"
    "Advertisement\n"
)
TEXT_B = (
    "Railway Deal Signed\n"
    "The two sides signed an agreement on the Lào Cai railway in Đà Nẵng.\n"
    "Xi Jinping said cooperation would deepen, with 3.5 percent more tourists expected.\n"
)


def sources() -> list[Source]:
    return [
        Source("a", TEXT_A, file="a.txt", title="Leaders Meet in Hanoi", published="2025-04-14",
               basis={"title": "stated", "published": "inferred"},
               evidence={"title": "first line", "published": "dateline"}),
        Source("b", TEXT_B, file="b.txt", basis={}, evidence={"title": "no headline"}),
    ]


def cite(source: Source, text: str) -> Citation:
    start = source.text.index(text)
    return Citation.of(source, start, start + len(text))


def items(srcs: list[Source] | None = None) -> list[Item]:
    a, b = srcs or sources()
    stat = {"scale": None, "period": "2024", "qualifier": None, "according_to": None}
    return [
        Item("person:to-lam", "person", "Tô Lâm",
             {"name": "Tô Lâm", "aliases": ["To Lam"], "country": "Vietnam", "roles": ["General Secretary"]},
             [cite(a, "Tô Lâm")], "gazetteer", 0.95),
        Item("person:xi-jinping", "person", "Xi Jinping",
             {"name": "Xi Jinping", "aliases": [], "country": "China", "roles": ["President"]},
             [cite(a, "Xi Jinping"), cite(b, "Xi Jinping")], "gazetteer", 0.9),
        Item("agreement:railway", "agreement", "Lào Cai railway agreement",
             {"name": "Lào Cai railway agreement", "agreement_kind": "agreement", "year": None,
              "parties": ["China", "Vietnam"]},
             [cite(b, "signed an agreement on the Lào Cai railway")], "signed", 0.7),
        Item("statistic:trade", "statistic", "bilateral trade: 260 billion USD (2024)",
             {**stat, "value": 260, "scale": "billion", "unit": "USD", "normalized": 260e9,
              "measure": "bilateral trade"},
             [cite(a, "260 billion USD in 2024")], "number", 0.8),
        Item("statistic:growth", "statistic", "trade growth: 19 percent (2024)",
             {**stat, "value": 19, "unit": "percent", "normalized": 19, "measure": "trade growth"},
             [cite(a, "up 19 percent")], "number", 0.6),
        Item("statistic:tourists", "statistic", "tourist growth: 3.5 percent",
             {**stat, "period": None, "value": 3.5, "unit": "percent", "normalized": 3.5,
              "measure": "tourist growth"},
             [cite(b, "3.5 percent more tourists")], "number", 0.5),
        Item("quote:future", "quote", "Tô Lâm: We share a common future",
             {"speaker": "person:to-lam", "speaker_name": "Tô Lâm", "text": "We share a common future",
              "quote_kind": "direct"},
             [cite(a, "\"We share a common future,\" Tô Lâm said after the talks.")], "said", 0.9),
        Item("quote:deepen", "quote", "Xi Jinping: cooperation would deepen",
             {"speaker": "person:xi-jinping", "speaker_name": "Xi Jinping", "text": "cooperation would deepen",
              "quote_kind": "reported"},
             [cite(b, "Xi Jinping said cooperation would deepen")], "said", 0.7),
        Item("event:meeting", "event", "Tô Lâm meets Xi Jinping",
             {"date": "2025-04-14", "title": "talks in Hanoi",
              "participants": ["person:to-lam", "person:xi-jinping"]},
             [cite(a, "General Secretary Tô Lâm met Chinese President Xi Jinping in Hà Nội on April 14.")],
             "met", 0.8),
    ]


def build_sample(path: Path) -> Path:
    srcs = sources()
    passages = [p for s in srcs for p in Document(s).passages]
    build(srcs, passages, items(srcs), path)
    return path
