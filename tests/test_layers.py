"""The non-GUI layers must stay importable without Qt (DESIGN.md layering)."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys

import bilateral


def test_core_ingest_store_cli_import_no_qt() -> None:
    layers = ("core", "ingest", "store", "services", "cli")
    modules = [
        info.name
        for info in pkgutil.walk_packages(bilateral.__path__, "bilateral.")
        if info.name.split(".")[1] in layers
    ]
    assert modules, "no modules found to check"
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "qt = sorted(n for n in sys.modules if n.startswith(('PySide6', 'shiboken6')))\n"
        "print(','.join(qt))\n"
    )
    src = os.path.dirname(os.path.dirname(bilateral.__file__))
    env = {**os.environ, "PYTHONPATH": src}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "", f"Qt imported by a non-GUI layer: {out.stdout.strip()}"
