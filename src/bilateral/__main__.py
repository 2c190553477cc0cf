"""The ``bilateral`` command: a subcommand runs the CLI, none opens the window.

Kept outside the layers so the CLI never imports Qt and the GUI is only
imported when a window is wanted.
"""

from __future__ import annotations

import sys


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    from bilateral.cli import COMMANDS

    if args and (args[0] in COMMANDS or args[0] in ("-h", "--help", "--version")):
        from bilateral.cli.main import run

        return run(args)
    try:
        from bilateral.gui.app import run_app
    except ImportError as exc:  # a broken Qt install should say so, not dump a traceback
        print(f"bilateral: cannot start the window: {exc}", file=sys.stderr)
        return 1
    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
