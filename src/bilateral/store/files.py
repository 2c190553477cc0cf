"""Writing files so that a failure never leaves a half-written store or export behind."""

from __future__ import annotations

import contextlib
import os
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

from bilateral.store.errors import StoreError

_UMASK_LOCK = threading.Lock()


def umask() -> int:
    """The process's umask (read by setting it and setting it back)."""
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def normal_mode(directory: bool = False) -> int:
    """The mode a new file (or folder) gets from open(): 0o666 (0o777) less the umask, typically 0o644."""
    return (0o777 if directory else 0o666) & ~umask()


@contextlib.contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A temp file beside ``target``, renamed over it when the block succeeds, removed otherwise.

    Beside, not in /tmp: the rename must stay on one file system to be atomic.
    The file gets the mode any new file would (the umask's), not mkstemp's 0600.
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
        os.chmod(tmp, normal_mode())
        yield tmp
        os.replace(tmp, target)
    except OSError as exc:
        raise StoreError(f"cannot write {target}: {exc.strerror or exc}") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
