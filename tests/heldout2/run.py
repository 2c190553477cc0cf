"""Second held-out evaluation: tests/quality.py's evaluator on articles the extractor authors never saw.

``python tests/heldout2/run.py`` prints the same table, misses and false
positives as ``python tests/quality.py``, for ``tests/heldout2/*.txt`` against
``tests/heldout2/gold/<stem>.json``. Read-only use of quality.py (no copy of its
logic, so the held-out figures are scored exactly like the corpus ones);
``--summary`` prints the table only, ``--check`` only verifies that every gold
evidence is found in its article (no extraction run).
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # tests/, for ``import quality``

import quality  # noqa: E402
from bilateral.ingest.sources import load_corpus  # noqa: E402

GOLD_DIR = HERE / "gold"


def check() -> int:
    """Fail loudly if a gold evidence or quote text is not verbatim in its article."""
    gold = quality.load_gold(GOLD_DIR)
    sources = {s.id: s for s in load_corpus(HERE)}
    for stem, record in gold.items():
        entries = quality._gold_entries(sources[stem], record)
        print(stem, {kind: len(rows) for kind, rows in entries.items()})
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if "--check" in args:
        return check()
    print(quality.format_report(quality.evaluate(HERE, GOLD_DIR), details="--summary" not in args))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
