"""The Qt desktop application.

PySide6 6.12's abi3 wheels return ``None``, ``True`` and ``False`` without
taking a reference, which is right on Python 3.12+ (they are immortal, PEP
683) and kills a 3.11 process ("none_dealloc: deallocating None") after some
tens of thousands of Qt calls. On 3.11 we give these singletons the
immortality 3.12 has: a reference count so large it can never reach zero.
"""

from __future__ import annotations

import sys

if sys.version_info < (3, 12):  # pragma: no cover - depends on the interpreter
    import ctypes

    for _singleton in (None, True, False, NotImplemented):
        ctypes.c_ssize_t.from_address(id(_singleton)).value += 1 << 40
