"""Cold start to the first painted window: `bilateral --exit-after-paint` beside a bare PySide6 window.

Each run is a fresh process (imports, QApplication, store open, first paint,
exit), so the figures include interpreter start-up; the bare window shows
how much of that is Qt itself. Prints the median of several runs of each.

    .venv/bin/python scripts/bench_startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

BARE = """
import sys
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel

app = QApplication(sys.argv)
window = QLabel("bare")
window.resize(1280, 800)

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, app.quit)
        return False

watcher = FirstPaint(window)
window.installEventFilter(watcher)
window.show()
sys.exit(app.exec())
"""


def timed(command: list[str], env: dict[str, str]) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, check=True, capture_output=True, timeout=120)
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen" if not os.environ.get("DISPLAY") else "")
    if not env["QT_QPA_PLATFORM"]:
        del env["QT_QPA_PLATFORM"]
    with tempfile.TemporaryDirectory() as config:
        env["XDG_CONFIG_HOME"] = config  # first-launch state, not the user's
        app = [sys.executable, "-m", "bilateral", "--exit-after-paint"]
        bare = [sys.executable, "-c", BARE]
        timed(app, env), timed(bare, env)  # warm the OS file cache: "cold" means a new process
        app_times = [timed(app, env) for _ in range(options.runs)]
        bare_times = [timed(bare, env) for _ in range(options.runs)]
    print(f"platform: {env.get('QT_QPA_PLATFORM', 'default')}, runs: {options.runs}")
    print(f"bilateral --exit-after-paint  median {statistics.median(app_times) * 1000:7.0f} ms")
    print(f"bare PySide6 window           median {statistics.median(bare_times) * 1000:7.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
