"""Start the window: arguments, high-DPI policy, the library, the event loop.

A library that will not open is a message, not a traceback — on stderr, and
in a dialog once Qt is up (napari's _main does the same before Qt exists).
"""

from __future__ import annotations

import argparse
import functools
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from bilateral.gui import logs, messages, settings, theme
from bilateral.store.errors import StoreError

if TYPE_CHECKING:
    from bilateral.store.library import Library


def parse_args(args: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="bilateral", description="Browse the facts in the bundled news corpus.")
    parser.add_argument("--db", type=Path, default=None,
                        help="your library file (default: $BILATERAL_DB, else library.sqlite in your data folder; "
                             "created from the bundled corpus when missing)")
    parser.add_argument("--bundled", action="store_true",
                        help="open the bundled corpus read-only instead of your library")
    parser.add_argument("--exit-after-paint", action="store_true",
                        help="quit right after the first window paint (benchmarks, smoke tests)")
    parser.add_argument("--screenshot", type=Path, default=None,
                        help="after the first paint, save the window as a PNG here and quit")
    parser.add_argument("--search", default=None, help="start with this search")
    parser.add_argument("--open", dest="open_item", default=None, help="start with this item id open")
    return parser.parse_args(args)


def open_library(arg: Path | None, bundled_only: bool = False) -> tuple[Library, str | None]:
    """The user's library (created from the bundled corpus when missing, upgraded when a newer one
    ships). If it cannot be opened the user chooses: retry, start a fresh library (the damaged file
    is moved aside, never deleted), or read the bundled corpus; without dialogs, the bundled corpus.
    Returns the library and, when it is not the user's, why."""
    from bilateral.services import library as userlib
    from bilateral.store.library import Library

    if bundled_only:
        return Library.open(None), None
    path = userlib.library_path(arg)
    while True:
        try:
            opened = userlib.ensure_library(path)
            return Library.open(opened.path), None
        except StoreError as exc:
            choice = messages.library_trouble(str(exc), damaged=path.is_file())
            if choice == "retry":
                continue
            if choice == "fresh":
                try:
                    aside = userlib.move_aside(path)
                except OSError as move_error:
                    return Library.open(None), (f"{exc}. It could not be moved aside ({move_error.strerror}); "
                                                "showing the bundled corpus (read-only) instead.")
                try:
                    opened = userlib.ensure_library(path)
                    return Library.open(opened.path), f"The library was damaged; it was moved to {aside}."
                except StoreError as again:
                    return Library.open(None), f"{again}. Showing the bundled corpus (read-only) instead."
            return Library.open(None), f"{exc}. Showing the bundled corpus (read-only) instead."


def application(argv: list[str] | None = None) -> QApplication:
    """The one QApplication; DPI policy and names are set before it exists."""
    existing = QApplication.instance()
    if isinstance(existing, QApplication):
        return existing
    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    QCoreApplication.setOrganizationName(settings.ORGANIZATION)
    QCoreApplication.setApplicationName(settings.APPLICATION)
    QGuiApplication.setDesktopFileName("bilateral")
    app = QApplication(argv or [sys.argv[0]])
    app.setWindowIcon(theme.app_icon())
    theme.apply(app)
    return app


def run_app(args: list[str]) -> int:
    options = parse_args(args)
    if options.exit_after_paint or options.screenshot:
        messages.dialogs_enabled = False  # unattended: a modal box would wait forever
    owns_app = QApplication.instance() is None
    app = application([sys.argv[0]])
    logs.install()
    try:
        library, problem = open_library(options.db, options.bundled)
    except StoreError as exc:
        messages.fatal(None, "Bilateral cannot open its library", f"{exc}\n\nRun `bilateral build` to create it.")
        return 1
    except Exception as exc:  # a bug meeting a damaged library: logged; the bundled corpus opens
        import logging

        from bilateral.store.library import Library

        logging.getLogger("bilateral").exception("the library could not be opened")
        library = Library.open(None)
        problem = (f"Your library could not be opened ({type(exc).__name__}: {exc}); details are in "
                   f"{logs.log_path()}. Showing the bundled corpus (read-only) instead.")
    from bilateral.gui.main_window import MainWindow

    logs.install()
    window: MainWindow | None = None
    try:
        try:
            window = MainWindow(library)
        except Exception as exc:
            import logging

            logging.getLogger("bilateral").exception("the window could not be built")
            messages.fatal(None, "Bilateral could not start",
                           f"The window could not be built ({type(exc).__name__}: {exc}). "
                           f"Details are in {logs.log_path()}.")
            return 1
        logs.listeners.append(window.messages.show_error)
        if problem:
            window.messages.show_error(problem)
            print(f"bilateral: {problem}", file=sys.stderr)
        if options.open_item:
            window.open_item(options.open_item)
        if options.search:
            window.search_field.setText(options.search)
        if options.exit_after_paint or options.screenshot:
            window.first_paint.connect(app.quit)
            if options.screenshot:
                window.first_paint.connect(functools.partial(_screenshot, window, options.screenshot))
        window.show()
        if options.exit_after_paint:
            # A platform that never paints must not hang a benchmark.
            QTimer.singleShot(30_000, app.quit)
        return app.exec()
    finally:
        if window is not None:
            if window.messages.show_error in logs.listeners:
                logs.listeners.remove(window.messages.show_error)
            window.close()
            shiboken6.delete(window)  # its threads and models go before the library closes
        library.close()
        if owns_app:
            # Destroy the application (and its clipboard, which may hold our QMimeData)
            # while Python is alive: left to C exit handlers it crashes the process.
            app.shutdown()


def _screenshot(window: QApplication | object, path: Path) -> None:
    from bilateral.gui.main_window import MainWindow

    if isinstance(window, MainWindow):
        window.grab().save(str(path))
