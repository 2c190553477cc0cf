"""The fixed list of 50 search queries the bench times (the same at every size).

Common and rare words, phrases, prefixes, diacritics both ways, names,
numbers, FTS5 operators and bad syntax (searched as plain words by the app).
"""

from __future__ import annotations

QUERIES: tuple[str, ...] = (
    # common words
    "trade", "cooperation", "China", "Vietnam", "border", "railway", "exports", "minister",
    # rare words
    "durian", "satellite", "Kunming", "paperwork", "congresses", "Xiaoling",
    # phrases
    '"comprehensive strategic"', '"bilateral trade"', '"shared future"', '"comrades and brothers"',
    '"state visit"',
    # prefixes
    "rail*", "viet*", "coop*", "export*", "tr*",
    # diacritics, both ways
    "Tô Lâm", "To Lam", "Phạm Minh Chính", "Pham Minh Chinh", "Nguyễn",
    # names
    "Xi Jinping", "Wang Yi", "Li Qiang", "President Xi", "Luong Cuong", "Bui Thanh Son",
    # numbers
    "260", "2024", "$95 billion", "1,300",
    # operators
    "Xi AND Vietnam", "railway OR rail", "trade NOT durian", "NEAR(Xi Lam, 5)", "trade AND (China OR Vietnam)",
    # bad syntax
    '"unbalanced quote', "shared future, NEAR(", "AND", "(trade", "Xi AND", "trade\"s",
)

assert len(QUERIES) == 50, len(QUERIES)
