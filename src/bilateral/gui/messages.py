"""One path for what the user is told (after qutebrowser's message module).

Recoverable problems and confirmations go to the status bar; serious ones to
a dialog. Tests switch dialogs off so a modal box can never hang a run; the
message is still recorded and shown in the status bar.
"""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

#: Tests set this to False: a modal dialog in an unattended run would block forever.
dialogs_enabled = True


class Messages(QObject):
    """The window's message bus: widgets report here, the status bar listens."""

    info = Signal(str)
    error = Signal(str)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.last_error: str | None = None

    def show_info(self, text: str) -> None:
        self.info.emit(text)

    def show_error(self, text: str) -> None:
        self.last_error = text
        self.error.emit(text)


def fatal(parent: QWidget | None, title: str, text: str) -> None:
    """A problem the app cannot work around (e.g. the library will not open)."""
    print(f"bilateral: {text}", file=sys.stderr)
    if dialogs_enabled:
        QMessageBox.critical(parent, title, text)


#: What ``confirm`` answers when dialogs are off (tests set it to say no, too).
auto_answer = True


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    """Ask before something that cannot be undone; without dialogs, ``auto_answer``."""
    if not dialogs_enabled:
        return auto_answer
    box = QMessageBox(QMessageBox.Icon.Question, title, text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)  # titles come from sources: never markup
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def library_trouble(problem: str, *, damaged: bool) -> str:
    """The library will not open: "retry", "fresh" (move it aside, start anew) or "bundled"."""
    print(f"bilateral: {problem}", file=sys.stderr)
    if not dialogs_enabled:
        return "bundled"
    box = QMessageBox(QMessageBox.Icon.Warning, "Bilateral cannot open your library", problem)
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setInformativeText("Nothing has been changed. You can try again (if another program has it open, close "
                           "it first), start a fresh library (the old file is kept, renamed), or read the bundled "
                           "corpus for now.")
    retry = box.addButton("Try again", QMessageBox.ButtonRole.AcceptRole)
    fresh = box.addButton("Start a fresh library", QMessageBox.ButtonRole.DestructiveRole) if damaged else None
    box.addButton("Read the bundled corpus", QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    if clicked is retry:
        return "retry"
    if fresh is not None and clicked is fresh:
        return "fresh"
    return "bundled"
