"""The screenshots in docs/, taken from the real window (run it on a display, e.g. Xvfb :99).

- docs/screenshot.png: the window as it first opens;
- docs/statistics.png: Statistics with a figure several sources report (and one they disagree on),
  its detail pane showing each source's account;
- docs/citations.png: the same passage copied with Copy as ▸ each style, pasted as rich text (the
  clipboard's text/html) into a text editor, as a word processor would show it.

    DISPLAY=:99 .venv/bin/python scripts/screenshots.py
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def main() -> int:
    home = Path(tempfile.mkdtemp(prefix="bilateral-shots-"))
    os.environ["XDG_CONFIG_HOME"] = str(home / "config")
    os.environ["XDG_DATA_HOME"] = str(home / "data")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication, QTextEdit

    from bilateral.core.cite import STYLES
    from bilateral.gui.app import application
    from bilateral.gui.main_window import MainWindow
    from bilateral.store.library import Library

    app = application([sys.argv[0]])
    library = Library.open(None)
    window = MainWindow(library)
    window.resize(1280, 800)
    window.show()
    app.processEvents()

    # The first screen a newcomer sees.
    for _ in range(5):
        app.processEvents()
    window.grab().save(str(DOCS / "screenshot.png"))

    # Statistics: the figure most sources report.
    window.category_actions["statistic"].trigger()
    model = window.models["statistic"]
    best = max(range(model.rowCount()), key=lambda r: model.item_row(r).fields.get("source_count") or 0)
    table = window.tables["statistic"]
    table.setCurrentIndex(model.index(best, 0))
    window.center_splitter.setSizes([330, 470])
    for _ in range(5):
        app.processEvents()
    table.scrollTo(model.index(best, 0), table.ScrollHint.PositionAtCenter)
    app.processEvents()
    window.grab().save(str(DOCS / "statistics.png"))

    # Citations: Copy as ▸ each style, each pasted as rich text; a quote from the source whose
    # metadata is most complete (author, publisher, title, an inferred date).
    infos = library.source_infos()
    richest = max(infos, key=lambda x: sum(1 for v in (x.title, x.publisher, x.author, x.published) if v))
    quote = next(span for span in library.source_citations(richest.id) if span.kind == "quote")
    window.open_item(quote.item_id)
    editor = QTextEdit()
    editor.setWindowTitle("Pasted")
    editor.resize(1000, 900)
    cursor = editor.textCursor()
    for key, label in STYLES.items():
        if key in ("bibtex", "csl-json", "markdown", "plain"):
            continue
        window.copy_as_actions[key].trigger()
        mime = QGuiApplication.clipboard().mimeData()
        cursor.insertHtml(f"<b style='color:#555'>{label}</b>")
        cursor.insertBlock()
        cursor.insertHtml(mime.html() if mime.hasHtml() else mime.text())
        cursor.insertBlock()
        cursor.insertBlock()
    editor.show()
    for _ in range(5):
        app.processEvents()
    editor.grab().save(str(DOCS / "citations.png"))
    editor.close()
    window.close()
    library.close()
    QApplication.clipboard().clear()
    return 0


if __name__ == "__main__":
    sys.exit(main())
