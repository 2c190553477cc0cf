"""Where bugs go: a log file the user can find (Help ▸ Show log), never a traceback in their face.

``install()`` sends warnings and errors to ``bilateral.log`` in the platform's
log folder and makes an exception that reaches the event loop a logged bug
plus one line in the status bar, instead of a crash.
"""

from __future__ import annotations

import logging
import logging.handlers
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

import platformdirs

_handler: logging.Handler | None = None
#: Told about each uncaught exception (the window shows it in the status bar).
listeners: list[Callable[[str], None]] = []


def log_path() -> Path:
    return Path(platformdirs.user_log_dir("Bilateral", appauthor=False)) / "bilateral.log"


def install() -> Path | None:
    """File logging and the exception hook (once); returns the log's path, or None if unwritable."""
    global _handler
    path = log_path()
    if _handler is None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            _handler = logging.handlers.RotatingFileHandler(path, maxBytes=1_000_000, backupCount=2,
                                                            encoding="utf-8")
        except OSError:
            return None
        _handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        _handler.setLevel(logging.WARNING)
        logging.getLogger("bilateral").addHandler(_handler)
        sys.excepthook = _excepthook
    return path


def _excepthook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, value, tb)
        return
    logging.getLogger("bilateral").error("uncaught exception:\n%s", "".join(traceback.format_exception(kind, value, tb)))
    line = f"Something went wrong ({kind.__name__}: {value}) — details are in Help ▸ Show log"
    for listener in list(listeners):
        try:
            listener(line)
        except Exception:  # a broken listener must not hide the first problem
            logging.getLogger("bilateral").exception("exception listener failed")
    if not listeners:
        print(f"bilateral: {line}", file=sys.stderr)


def read_tail(limit: int = 200_000) -> str:
    """The end of the log, for the Show log dialog."""
    path = log_path()
    try:
        data = path.read_bytes()
    except OSError:
        return f"No log yet ({path})."
    return data[-limit:].decode("utf-8", "replace") or f"The log is empty ({path})."
