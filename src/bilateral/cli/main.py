"""Command-line entry: ``bilateral build`` and ``bilateral export``.

User errors (missing file, not a library, unwritable output) print one line
on stderr and exit with status 2; nothing is changed. Bugs keep their
traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from bilateral import __version__
from bilateral.cli import COMMANDS  # noqa: F401  (re-exported for callers of cli.main)
from bilateral.core import paths
from bilateral.core.model import KINDS
from bilateral.ingest.pipeline import extract
from bilateral.ingest.sources import SourceError, load_corpus
from bilateral.store import export
from bilateral.store.build import build
from bilateral.store.errors import StoreError
from bilateral.store.library import Library

USER_ERROR = 2


class CommandError(Exception):
    """A problem with what the user asked for; the message is printed as is."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bilateral", description="Facts in news coverage of a bilateral relationship.")
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    b = commands.add_parser("build", help="rebuild the store from the corpus (data/sources)")
    b.add_argument("--data", type=Path, metavar="DIR",
                   help="data folder holding sources/ (or a folder of *.txt sources); default: the bundled data")
    b.add_argument("-o", "--output", type=Path, metavar="PATH", help="store to write; default: the bundled store")
    e = commands.add_parser("export", help="export sources and items as JSON or CSV")
    e.add_argument("--format", choices=("json", "csv"), default="json")
    e.add_argument("--db", type=Path, metavar="PATH",
                   help="library to read; default: $BILATERAL_DB if that file exists, else the bundled store")
    e.add_argument("-o", "--output", type=Path, metavar="PATH",
                   help="JSON: file (default stdout); CSV: folder for one file per kind (required)")
    return parser


def _sources_dir(data: Path | None) -> Path:
    if data is None:
        return paths.sources_dir()
    if not data.is_dir():
        raise CommandError(f"no data folder at {data}")
    return data / "sources" if (data / "sources").is_dir() else data


def cmd_build(args: argparse.Namespace) -> int:
    directory = _sources_dir(args.data)
    target = args.output or paths.bundled_store()
    started = time.perf_counter()
    sources = load_corpus(directory)
    if not sources:
        raise CommandError(f"no *.txt sources in {directory}")
    loaded = time.perf_counter()
    passages, items = extract(sources)
    extracted = time.perf_counter()
    report = build(sources, passages, items, target)
    done = time.perf_counter()
    print(f"built {report.path}")
    print(f"  sources    {report.sources}")
    print(f"  passages   {report.passages}")
    for kind in KINDS:
        print(f"  {kind:<10} {report.counts[kind]}")
    print(f"  citations  {report.citations}")
    print(f"load {1000 * (loaded - started):.0f} ms, extraction {1000 * (extracted - loaded):.0f} ms, "
          f"store {1000 * (done - extracted):.0f} ms")
    return 0


def library_path(db: Path | None) -> Path:
    """--db, else $BILATERAL_DB when that file exists, else the bundled store."""
    if db is not None:
        return db
    env = os.environ.get("BILATERAL_DB")
    if env and Path(env).is_file():
        return Path(env)
    return paths.bundled_store()


def cmd_export(args: argparse.Namespace) -> int:
    if args.format == "csv" and args.output is None:
        raise CommandError("export --format csv needs -o FOLDER")
    with Library.open(library_path(args.db)) as library:
        if args.format == "csv":
            written = export.write_csv(library, args.output)
            print(f"wrote {len(written)} CSV files to {args.output}", file=sys.stderr)
        elif args.output is not None:
            export.write_json(library, args.output)
        else:
            sys.stdout.buffer.write(export.to_json(library).encode("utf-8"))
            sys.stdout.flush()
    return 0


def run(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return int(exc.code or 0)
    handlers = {"build": cmd_build, "export": cmd_export}
    if args.command not in handlers:
        _parser().print_usage(sys.stderr)
        return USER_ERROR
    try:
        return handlers[args.command](args)
    except (CommandError, StoreError, SourceError) as exc:
        print(f"bilateral {args.command}: {exc}", file=sys.stderr)
        return USER_ERROR
    except BrokenPipeError:  # `bilateral export | head`
        sys.stderr.close()
        return 1
