"""Where the bundled data and resources live.

In a wheel they are installed inside the package (``bilateral/data``,
``bilateral/resources``); in a source checkout they sit at the repository
root. Looking in both keeps ``pip install .`` and ``pip install -e .`` alike.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent.parent
_REPO = _PACKAGE.parent.parent


def _first_existing(name: str) -> Path:
    for candidate in (_PACKAGE / name, _REPO / name):
        if candidate.is_dir():
            return candidate
    return _REPO / name


def data_dir() -> Path:
    return _first_existing("data")


def resources_dir() -> Path:
    return _first_existing("resources")


def sources_dir() -> Path:
    return data_dir() / "sources"


def gazetteer_dir() -> Path:
    return data_dir() / "gazetteer"


def bundled_store() -> Path:
    return data_dir() / "bilateral.sqlite"
