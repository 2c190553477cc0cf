#!/usr/bin/env python3
"""Score the quote extractor on the PolNeAR dev sample in ../shared/benchmarks (read-only use).

Runs the pipeline over the benchmark's articles into a temporary store, exports
it and runs ../shared/benchmarks/score_quotes.py for both units. Nothing of the
benchmark is written into the project.

    .venv/bin/python scripts/score_polnear.py [--bench DIR] [--errors OUT_DIR] [--unit attribution|fragment|both]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCH = ROOT.parent / "shared" / "benchmarks"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench", type=Path, default=BENCH / "polnear-dev")
    ap.add_argument("--errors", type=Path, default=None, help="folder for the scorer's misses/false positives")
    ap.add_argument("--unit", choices=("attribution", "fragment", "both"), default="both")
    args = ap.parse_args()
    bin_dir = Path(sys.executable).parent
    bilateral = str(bin_dir / "bilateral")
    with tempfile.TemporaryDirectory() as d:
        db, export = Path(d) / "pn.sqlite", Path(d) / "pn.json"
        subprocess.run([bilateral, "build", "--data", str(args.bench / "texts"), "-o", str(db)], check=True,
                       stdout=subprocess.DEVNULL)
        with export.open("w", encoding="utf-8") as f:
            subprocess.run([bilateral, "export", "--db", str(db), "--format", "json"], check=True, stdout=f)
        units = ("attribution", "fragment") if args.unit == "both" else (args.unit,)
        for unit in units:
            cmd = [sys.executable, str(BENCH / "score_quotes.py"), str(export), str(args.bench / "gold"),
                   "--unit", unit, "--name", args.bench.name]
            if args.errors:
                args.errors.mkdir(parents=True, exist_ok=True)
                cmd += ["--errors", str(args.errors / f"errors_{unit}.jsonl")]
            subprocess.run(cmd, check=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
