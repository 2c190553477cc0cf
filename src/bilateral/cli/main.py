"""Command-line entry: ``bilateral build`` and ``bilateral export`` (placeholder until the store lands)."""

from __future__ import annotations

import sys

COMMANDS = ("build", "export")


def run(argv: list[str]) -> int:
    print("bilateral: the command line is not built yet", file=sys.stderr)
    return 2
