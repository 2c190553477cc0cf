"""One GUI measurement in a fresh process on the offscreen platform; prints one JSON line.

    python bench/gui_probe.py open  LIB   # open_passage_ms: MainWindow.open_item on a fixed sample
    python bench/gui_probe.py rss   LIB   # peak_rss_mib: window open, one search, ru_maxrss
    python bench/gui_probe.py stall LIB ARTICLES_DIR  # max_stall_ms: a 5 ms heartbeat while driving the window

The window is the app's own (gui.app.application + MainWindow on Library.open(LIB)), with
first-launch settings (the caller points XDG_CONFIG_HOME at an empty folder).
"""

from __future__ import annotations

import json
import os
import random
import resource
import sqlite3
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QElapsedTimer, Qt, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from bilateral.gui import app as gui_app  # noqa: E402
from bilateral.gui import messages  # noqa: E402

OPEN_SAMPLE = 40  # items opened; the first OPEN_WARMUP are warm-up, not counted
OPEN_WARMUP = 5
SAMPLE_SEED = 20261201


def window_on(path: Path):  # type: ignore[no-untyped-def]
    from bilateral.gui.main_window import MainWindow
    from bilateral.store.library import Library

    messages.dialogs_enabled = False
    app = gui_app.application([sys.argv[0]])
    window = MainWindow(Library.open(path))
    window.resize(1280, 800)
    painted = []
    window.first_paint.connect(lambda: painted.append(True))
    window.show()
    wait(app, lambda: bool(painted), 30)
    return app, window


def wait(app: QApplication, done: Callable[[], bool], timeout_s: float) -> bool:
    end = time.perf_counter() + timeout_s
    while not done():
        if time.perf_counter() > end:
            return False
        app.processEvents()
        time.sleep(0.002)
    return True


def close(window) -> None:  # type: ignore[no-untyped-def]
    import shiboken6

    window.close()
    library = window.library
    shiboken6.delete(window)  # its threads and models go before the library closes (as gui/app.py)
    library.close()


def sample_items(path: Path) -> list[str]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    ids = [r[0] for r in conn.execute("SELECT id FROM item ORDER BY id")]
    conn.close()
    return random.Random(SAMPLE_SEED).sample(ids, min(OPEN_SAMPLE, len(ids)))


def probe_open(path: Path) -> dict[str, object]:
    app, window = window_on(path)
    times = []
    for n, item_id in enumerate(sample_items(path)):
        app.processEvents()
        start = time.perf_counter()
        window.open_item(item_id)
        app.processEvents()  # the layout and paint the open queued
        elapsed = (time.perf_counter() - start) * 1000
        if n >= OPEN_WARMUP:
            times.append(elapsed)
    shown = window.reading.source is not None
    close(window)
    return {"open_passage_ms": round(statistics.median(times), 1), "open_passage_max_ms": round(max(times), 1),
            "opened": len(times), "warmup": OPEN_WARMUP, "reading_pane_shows_source": shown}


def search_once(app: QApplication, window, query: str) -> object:  # type: ignore[no-untyped-def]
    got = []
    window.search_panel.controller.result_ready.connect(got.append)
    window.search_field.setText(query)
    window.search_panel.controller.flush()
    wait(app, lambda: bool(got), 60)
    window.search_panel.controller.result_ready.disconnect(got.append)
    return got[0] if got else None


def probe_rss(path: Path) -> dict[str, object]:
    app, window = window_on(path)
    result = search_once(app, window, "Xi Jinping")
    app.processEvents()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    close(window)
    return {"peak_rss_mib": round(peak_kib / 1024, 1), "search_hits": len(result.hits) if result else None}


class Stall:
    """A 5 ms heartbeat; the longest gap between beats (less the interval) per labelled step."""

    INTERVAL_MS = 5

    def __init__(self) -> None:
        self.label = "start"
        self.worst: dict[str, float] = {}
        self.clock = QElapsedTimer()
        self.clock.start()
        self.last = self.clock.nsecsElapsed()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(self.INTERVAL_MS)
        self.timer.timeout.connect(self.beat)
        self.timer.start()

    def beat(self) -> None:
        now = self.clock.nsecsElapsed()
        gap = (now - self.last) / 1e6 - self.INTERVAL_MS
        self.last = now
        if gap > self.worst.get(self.label, 0.0):
            self.worst[self.label] = gap

    def step(self, label: str) -> None:
        self.beat()  # the gap so far belongs to the step before
        self.label = label


def probe_stall(path: Path, articles: Path) -> dict[str, object]:
    from bilateral.gui.item_models import CATEGORIES

    app, window = window_on(path)
    stall = Stall()

    def idle(ms: int) -> None:
        end = time.perf_counter() + ms / 1000
        while time.perf_counter() < end:
            app.processEvents()
            time.sleep(0.001)

    def run(label: str, action: Callable[[], object], then_ms: int = 60,
            until: Callable[[], bool] | None = None) -> None:
        idle(20)
        stall.step(label)
        action()  # in the event loop's thread, between beats, as a slot would run
        if until is not None:
            wait(app, until, 120)
        idle(then_ms)

    keys = [key for key, _ in CATEGORIES]
    for key in keys:
        run(f"open category {key}", lambda key=key: window.show_category(key), 150,
            until=lambda key=key: not getattr(window.models.get(key), "busy", False))
    for key in keys:
        window.show_category(key)
        idle(50)
        table, model = window.tables[key], window.models[key]
        for column in range(model.columnCount()):
            for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
                # a large table is sorted in the reader lane: the step lasts until its rows are shown
                run(f"sort {key} column {column}", lambda t=table, c=column, o=order: t.sortByColumn(c, o),
                    until=lambda m=model: not getattr(m, "busy", False))
    window.show_category("quote")
    idle(50)
    text = ""
    for char in "trade":  # typed, a key every 40 ms; the filter applies after its 150 ms debounce
        text += char
        run("filter quote table", lambda t=text: window.filter_field.setText(t), 40)
    idle(300)
    run("clear filter", lambda: window.filter_field.setText(""), 300)
    text = ""
    for char in "Xi Jinping":
        text += char
        run("search (typing)", lambda t=text: window.search_field.setText(t), 40)
    controller = window.search_panel.controller
    run("search (results)", lambda: None, 100, until=lambda: not controller.busy)
    run("search (open top hit)", window.search_panel.open_current, 200)
    run("close search", window.close_search, 100)
    files = sorted(str(p) for p in articles.iterdir())
    finished = []
    window.importer.imported.connect(lambda _r: finished.append(True))
    run("import (window's importer)", lambda: window.importer.start(files, review=False), 500,
        until=lambda: bool(finished) and window.importer.task is None)
    report = window.importer.last_report
    stall.step("end")
    stall.timer.stop()
    close(window)
    worst = max(stall.worst.items(), key=lambda kv: kv[1]) if stall.worst else ("", 0.0)
    return {"max_stall_ms": round(worst[1], 1), "max_stall_step": worst[0],
            "stall_by_step_ms": {k: round(v, 1) for k, v in sorted(stall.worst.items(), key=lambda kv: -kv[1])},
            "stall_import": report.summary() if report else "no import report"}


def main() -> int:
    mode, path = sys.argv[1], Path(sys.argv[2])
    if mode == "open":
        out = probe_open(path)
    elif mode == "rss":
        out = probe_rss(path)
    elif mode == "stall":
        out = probe_stall(path, Path(sys.argv[3]))
    else:
        raise SystemExit(f"unknown mode {mode}")
    print("BENCH " + json.dumps(out), flush=True)
    app = QApplication.instance()
    if app is not None:
        app.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
