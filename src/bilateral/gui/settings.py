"""Where the window's state is kept, and how it comes back.

QSettings caches its default search paths the first time it is used, so a
process that changes XDG_CONFIG_HOME (every test does) would still share one
file. We build the path ourselves from QStandardPaths, which reads the
environment on each call, and open the INI file explicitly.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QObject, QSettings, QStandardPaths
from PySide6.QtWidgets import QMainWindow, QSplitter, QWidget

ORGANIZATION = "Bilateral"
APPLICATION = "Bilateral"


def settings_path() -> Path:
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base) / ORGANIZATION / f"{APPLICATION}.ini"


def open_settings(parent: QObject | None = None) -> QSettings:
    return QSettings(str(settings_path()), QSettings.Format.IniFormat, parent)


def save_window_state(settings: QSettings, window: QMainWindow) -> None:
    """Geometry, toolbar state and every named splitter (Picard's PreserveGeometry idea)."""
    settings.setValue("window/geometry", window.saveGeometry())
    settings.setValue("window/state", window.saveState())
    for splitter in window.findChildren(QSplitter):
        if splitter.objectName():
            settings.setValue(f"splitters/{splitter.objectName()}", splitter.saveState())


def restore_window_state(settings: QSettings, window: QMainWindow) -> bool:
    """Restore what was saved; False when the geometry could not be restored (first run, bad data)."""
    restored = False
    geometry = settings.value("window/geometry")
    if isinstance(geometry, QByteArray) and not geometry.isEmpty():
        restored = window.restoreGeometry(geometry)
    state = settings.value("window/state")
    if isinstance(state, QByteArray) and not state.isEmpty():
        window.restoreState(state)  # a refused state leaves the default layout, which is fine
    if restored:
        _ensure_on_screen(window)
    return restored


def restore_splitters(settings: QSettings, window: QWidget) -> None:
    """Call once the window has its real size: a splitter restored earlier gets rescaled."""
    for splitter in window.findChildren(QSplitter):
        saved = settings.value(f"splitters/{splitter.objectName()}") if splitter.objectName() else None
        if isinstance(saved, QByteArray) and not saved.isEmpty():
            splitter.restoreState(saved)


def _ensure_on_screen(window: QWidget) -> None:
    """A window saved on a monitor that is gone comes back onto the current one (Anki's idea)."""
    screen = window.screen()
    if screen is None:
        return
    available = screen.availableGeometry()
    frame = window.frameGeometry()
    if available.intersects(frame):
        return
    window.move(available.topLeft())
