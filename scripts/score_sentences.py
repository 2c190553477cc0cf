#!/usr/bin/env python3
"""Sentence boundaries: our splitter (ingest/text.py) against pysbd, on hand-written news paragraphs.

    .venv/bin/python scripts/score_sentences.py [--gold tests/sentences/news_paragraphs.txt] [--errors]

The gold file holds paragraphs separated by blank lines, one sentence per line (``#`` lines are
comments); a paragraph is its sentences joined by one space. A boundary is the offset where a
sentence ends inside a paragraph. Prints, for each splitter, boundary precision / recall / F1 and the
share of paragraphs split exactly right; ``--errors`` lists the paragraphs each gets wrong.
pysbd is a test dependency (``pip install -e ".[test]"``); the app does not use it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from bilateral.core.model import Passage  # noqa: E402
from bilateral.ingest.text import split_sentences  # noqa: E402

Splitter = Callable[[str], list[tuple[int, int]]]


def paragraphs(path: Path) -> list[list[str]]:
    """The gold: each paragraph as its list of sentences."""
    out: list[list[str]] = [[]]
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.strip():
            out[-1].append(line.strip())
        elif out[-1]:
            out.append([])
    return [p for p in out if p]


def boundaries(spans: list[tuple[int, int]], text: str) -> set[int]:
    """Where sentences end inside the paragraph (the last one's end is no boundary)."""
    ends = {len(text[:e].rstrip()) for _s, e in spans}
    ends.discard(len(text.rstrip()))
    return ends


def ours(text: str) -> list[tuple[int, int]]:
    passage = Passage("gold", 0, 0, len(text), text)
    return [(s.start, s.end) for s in split_sentences(passage)]


def pysbd_splitter() -> Splitter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(span.start, span.end) for span in segmenter.segment(text)]


def score(split: Splitter, gold: list[list[str]]) -> dict[str, float | list[str]]:
    tp = fp = fn = exact = 0
    wrong: list[str] = []
    for sentences in gold:
        text = " ".join(sentences)
        want = boundaries([(0, len(" ".join(sentences[:i + 1]))) for i in range(len(sentences))], text)
        got = boundaries(split(text), text)
        tp, fp, fn = tp + len(want & got), fp + len(got - want), fn + len(want - got)
        if want == got:
            exact += 1
        else:
            wrong.append(" | ".join(text[a:b] for a, b in split(text)))
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "exact": exact / len(gold), "wrong": wrong}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--gold", type=Path, default=ROOT / "tests" / "sentences" / "news_paragraphs.txt")
    parser.add_argument("--errors", action="store_true")
    args = parser.parse_args()
    gold = paragraphs(args.gold)
    print(f"{len(gold)} paragraphs, {sum(len(p) - 1 for p in gold)} boundaries")
    print(f"{'splitter':<10}{'P':>7}{'R':>7}{'F1':>7}{'exact':>8}")
    for name, split in (("ours", ours), ("pysbd", pysbd_splitter())):
        result = score(split, gold)
        print(f"{name:<10}{result['precision']:7.3f}{result['recall']:7.3f}{result['f1']:7.3f}{result['exact']:8.3f}")
        if args.errors:
            for line in result["wrong"]:
                print(f"    {line}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
