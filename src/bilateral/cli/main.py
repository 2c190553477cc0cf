"""Command-line entry: ``bilateral build``, ``bilateral export`` and ``bilateral search``.

User errors (missing file, not a library, unwritable output) print one line
on stderr and exit with status 2; nothing is changed. Bugs keep their
traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import time
from pathlib import Path
from typing import NoReturn

from bilateral import __version__
from bilateral.cli import COMMANDS  # noqa: F401  (re-exported for callers of cli.main)
from bilateral.core import paths
from bilateral.core.model import KINDS, METADATA_FIELDS
from bilateral.ingest.pipeline import extract
from bilateral.ingest.sources import SourceError, load_corpus
from bilateral.services import importer
from bilateral.services import library as userlib
from bilateral.store import export
from bilateral.store.build import build
from bilateral.store.errors import StoreError
from bilateral.store.library import Library, SearchHit
from bilateral.store.search import clean_query, strip_marks
from bilateral.store.writer import LibraryWriter

USER_ERROR = 2


class CommandError(Exception):
    """A problem with what the user asked for; the message is printed as is."""


class _Parser(argparse.ArgumentParser):
    """Usage errors in one line on stderr (exit 2), not the usage block."""

    def error(self, message: str) -> NoReturn:
        self.exit(USER_ERROR, f"{self.prog}: {message} (see {self.prog} --help)\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bilateral", description="Facts in news coverage of a bilateral relationship.")
    parser.add_argument("--version", action="version", version=f"bilateral {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
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
    s = commands.add_parser("search", help="search items and passages, ranked as in the window (see docs/search.md)")
    s.add_argument("query", nargs="*", metavar="QUERY",
                   help='words, "a phrase", prefix*, AND/OR/NOT, NEAR(a b); quote it for the shell')
    s.add_argument("--kind", action="append", metavar="K",
                   help=f"only this kind ({', '.join(SEARCH_KINDS)}); repeat for several")
    s.add_argument("--source", metavar="S", help="only hits cited from this source id")
    s.add_argument("--limit", default=str(SEARCH_LIMIT), metavar="N",
                   help=f"at most N hits (default {SEARCH_LIMIT})")
    s.add_argument("--json", action="store_true", help="a JSON list of hits in rank order")
    s.add_argument("--db", type=Path, metavar="PATH",
                   help="library to read; default: $BILATERAL_DB if that file exists, else the bundled store")
    i = commands.add_parser("import", help="import files, folders or web pages into your library")
    i.add_argument("targets", nargs="+", metavar="PATH|URL", help="txt, md, html or pdf files, folders, http(s) URLs")
    i.add_argument("--db", type=Path, metavar="PATH",
                   help="library to import into; default: $BILATERAL_DB, else your library in the data folder")
    i.add_argument("--recursive", "-r", action="store_true", help="import folders' subfolders too")
    for name, field_name in (("title", "title"), ("publisher", "publisher"), ("author", "author"),
                             ("date", "published"), ("url", "url")):
        i.add_argument(f"--{name}", dest=f"meta_{field_name}", metavar=name.upper(),
                       help=f"state the {name} (overrides what is detected"
                            + ("; YYYY, YYYY-MM or YYYY-MM-DD)" if name == "date" else ")"))
    so = commands.add_parser("sources", help="list the library's sources, bundled and imported")
    so.add_argument("--db", type=Path, metavar="PATH", help="library to read (default: your library)")
    so.add_argument("--json", action="store_true", help="a JSON list")
    r = commands.add_parser("remove", help="remove an imported source and the items only it backs")
    r.add_argument("source_id", metavar="SOURCE_ID")
    r.add_argument("--db", type=Path, metavar="PATH", help="library to change (default: your library)")
    h = commands.add_parser("hide", help="hide a bundled source (or show it again with --show)")
    h.add_argument("source_id", metavar="SOURCE_ID")
    h.add_argument("--show", action="store_true", help="show a hidden source again")
    h.add_argument("--db", type=Path, metavar="PATH", help="library to change (default: your library)")
    return parser


SEARCH_KINDS = (*KINDS, "passage")
SEARCH_LIMIT = 20


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
    cited = {c.source for item in items for c in item.citations}
    for source in sources:  # said, not silent: an article that yields nothing is usually a wrong file
        if source.text.strip() and source.id not in cited:
            print(f"warning: {source.file} gives 0 items", file=sys.stderr)
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
    """For reading: --db, else your library (``$BILATERAL_DB`` or the data folder) once it exists,
    else the bundled store (a library is only created by a command that writes)."""
    if db is not None:
        if not db.is_file():
            raise CommandError(f"no Bilateral library at {db}" + (" (it is a folder)" if db.is_dir() else ""))
        return db
    user = userlib.library_path(None)
    if user.is_dir():
        raise CommandError(f"BILATERAL_DB names a folder, not a library file: {user}")
    if user.is_file():
        return user
    if os.environ.get("BILATERAL_DB"):
        raise CommandError(f"no library at {user} (BILATERAL_DB); import something to create it")
    return paths.bundled_store()


def _writable_library(db: Path | None) -> Path:
    path = userlib.library_path(db)
    userlib.ensure_library(path)
    return path


def cmd_import(args: argparse.Namespace) -> int:
    overrides = {name: getattr(args, f"meta_{name}") for name in METADATA_FIELDS}
    try:
        stated = importer.check_overrides(overrides)
        targets = importer.collect(args.targets, recursive=args.recursive)
    except importer.ImportUsageError as exc:
        raise CommandError(str(exc)) from exc
    if not targets:
        raise CommandError("nothing to import (no txt, md, html or pdf files there)")
    if stated and len(targets) > 1 and any(k in stated for k in ("title", "url")):
        raise CommandError("--title and --url describe one article; give one file with them")
    path = _writable_library(args.db)
    with _progress(len(targets)) as progress:
        def report(done: int, total: int, label: str) -> None:
            progress(done, total, label)

        try:
            result = importer.run_import(path, targets, overrides=stated, progress=report)
        except importer.ImportUsageError as exc:
            raise CommandError(str(exc)) from exc
    for outcome in result.outcomes:
        if outcome.status != "imported" or not sys.stderr.isatty():
            print(f"{outcome.status:<9} {outcome.target}: {outcome.message}", file=sys.stderr)
    print(f"{result.summary()} — library {path}", file=sys.stderr)
    return 0 if result.ok else 1


def _progress(total: int):  # type: ignore[no-untyped-def]
    """A progress bar on a terminal (rich), nothing otherwise (the per-file lines say it)."""
    from contextlib import contextmanager

    @contextmanager
    def bar():  # type: ignore[no-untyped-def]
        if not sys.stderr.isatty():
            yield lambda done, total, label: None
            return
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                      console=_stderr_console(), transient=True) as progress:
            task = progress.add_task("importing", total=total)
            yield lambda done, total, label: progress.update(task, completed=done, description=label[:40])

    return bar()


def _stderr_console():  # type: ignore[no-untyped-def]
    from rich.console import Console

    return Console(stderr=True)


def cmd_sources(args: argparse.Namespace) -> int:
    path = library_path(args.db)
    with Library.open(path) as library:
        rows = library.source_rows()
    if args.json:
        sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")
        return 0
    print(f"{len(rows)} sources in {path}")
    for r in rows:
        hidden = " (hidden)" if r["hidden"] else ""
        date = r["published"] or "date unknown"
        print(f"{r['id']}  {r['origin']:<8} {r['items']:>4} items  {date:<10}  "
              f"{r['title'] or 'untitled'} — {r['publisher'] or 'publisher unknown'}{hidden}")
    return 0


def _change(args: argparse.Namespace) -> tuple[Path, str]:
    path = userlib.library_path(args.db)
    userlib.check_location(path)  # a folder is said to be one, not "missing"
    if not path.is_file():
        raise CommandError(f"no library at {path}")
    userlib.ensure_library(path)
    return path, args.source_id


def cmd_remove(args: argparse.Namespace) -> int:
    path, source_id = _change(args)
    with LibraryWriter(path) as writer:
        origin = writer.origin(source_id)
        if origin is None:
            raise CommandError(f"no source {source_id!r} in {path} (see bilateral sources)")
        if origin == "bundled":
            raise CommandError(f"{source_id} is part of the bundled corpus: it can be hidden "
                               f"(bilateral hide {source_id}), not removed")
        removed = writer.remove_source(source_id)
    print(f"removed {source_id} and {removed} item{'s' if removed != 1 else ''} only it backed", file=sys.stderr)
    return 0


def cmd_hide(args: argparse.Namespace) -> int:
    path, source_id = _change(args)
    with LibraryWriter(path) as writer:
        if writer.origin(source_id) is None:
            raise CommandError(f"no source {source_id!r} in {path} (see bilateral sources)")
        writer.set_hidden(source_id, not args.show)
    print(f"{'showing' if args.show else 'hid'} {source_id}", file=sys.stderr)
    return 0


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
            _write_stdout(export.to_json(library).encode("utf-8"))
    return 0


def _write_stdout(data: bytes) -> None:
    """``data`` on standard output; a full disk or a closed device is a CommandError, not a traceback."""
    try:
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        # What is left in the buffer would fail again when Python exits: send it nowhere.
        with contextlib.suppress(OSError, ValueError):
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            os.close(devnull)
        raise CommandError(f"cannot write to standard output: {exc.strerror or exc}") from exc


def _search_args(args: argparse.Namespace) -> tuple[str, list[str] | None, int]:
    query = " ".join(args.query).strip()
    if not query:
        raise CommandError("search needs a query, e.g. bilateral search 'Xi Jinping'")
    kinds = args.kind
    for kind in kinds or ():
        if kind not in SEARCH_KINDS:
            raise CommandError(f"unknown kind {kind!r}; choose from {', '.join(SEARCH_KINDS)}")
    try:
        limit = int(args.limit)
    except ValueError:
        limit = 0
    if limit <= 0:
        raise CommandError(f"--limit needs a whole number above 0, not {args.limit!r}")
    return query, kinds, limit


def _hit_json(hit: SearchHit) -> dict[str, object]:
    c = hit.citation
    return {
        "kind": hit.kind, "id": hit.item_id, "label": hit.label, "snippet": strip_marks(hit.snippet),
        "citation": {"source": c.source, "start": c.start, "end": c.end, "text": c.text},
    }


def cmd_search(args: argparse.Namespace) -> int:
    query, kinds, limit = _search_args(args)
    with Library.open(library_path(args.db)) as library:
        if args.source is not None and args.source not in {s.id for s in library.source_infos()}:
            raise CommandError(f"no source {args.source!r} in {library.path}")
        result = library.search(query, kinds=kinds, source=args.source, limit=limit)
    if result.timed_out:
        print("bilateral search: stopped at the time limit; results may be incomplete", file=sys.stderr)
    if args.json:
        _write_stdout((json.dumps([_hit_json(h) for h in result.hits], ensure_ascii=False, indent=2)
                       + "\n").encode("utf-8"))
        return 0
    shown = len(result.hits)
    if result.at_least:
        counted = f"showing {shown} of more than {result.total}"
    else:
        counted = f"showing {shown} of {result.total}" if result.total > shown else str(shown)
    note = " (searched as plain words)" if result.plain_fallback else ""
    print(f"{counted} result{'s' if result.total != 1 else ''} for “{clean_query(query)}”{note}")
    width = len(str(shown))
    for n, hit in enumerate(result.hits, 1):
        c = hit.citation
        print(f"{n:>{width}}. {hit.kind:<9} {hit.label}")
        print(f"{'':>{width}}  {strip_marks(hit.snippet)}")
        print(f"{'':>{width}}  {c.source}, {c.start}–{c.end}")
    return 0


def run(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error already printed
        return int(exc.code or 0)
    handlers = {"build": cmd_build, "export": cmd_export, "search": cmd_search, "import": cmd_import,
                "sources": cmd_sources, "remove": cmd_remove, "hide": cmd_hide}
    if args.command not in handlers:
        _parser().print_usage(sys.stderr)
        return USER_ERROR
    try:
        return handlers[args.command](args)
    except (CommandError, StoreError, SourceError) as exc:
        print(f"bilateral {args.command}: {exc}", file=sys.stderr)
        return USER_ERROR
    except BrokenPipeError:  # `bilateral export | head`, `bilateral search x | head`
        sys.stderr.close()
        return 1
