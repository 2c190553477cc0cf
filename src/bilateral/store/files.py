"""Writing files so that a failure never leaves a half-written store or export behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from bilateral.store.errors import StoreError


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temp file beside ``target``, renamed over it when the block succeeds, removed otherwise.

    Beside, not in /tmp: the rename must stay on one file system to be atomic.
    """
    target = Path(target)
    if target.is_dir():
        raise StoreError(f"cannot write {target}: it is a folder")
    if not target.parent.is_dir():
        raise StoreError(f"cannot write {target}: folder {target.parent} does not exist")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror}") from exc
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
