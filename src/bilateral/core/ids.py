"""Stable, readable item ids derived from what an item is."""

from __future__ import annotations

import hashlib
import re

from bilateral.core.folding import fold


def slugify(text: str, limit: int = 48) -> str:
    """ASCII slug: "Tô Lâm" -> "to-lam", "Łukasz" -> "lukasz", "习近平" -> "xijinping".

    Non-ASCII marks that are not letters or digits ("’", "—") are dropped, as they always were,
    so the ids of what was already stored do not change.
    """
    kept = text if text.isascii() else "".join(c for c in text if c.isascii() or c.isalnum())
    slug = re.sub(r"[^a-z0-9]+", "-", fold(kept, keep_wide=False)).strip("-")
    return slug[:limit].rstrip("-") or "x"


def person_id(name: str) -> str:
    """Id of the person item for a canonical name (what quotes and events cite)."""
    return f"person:{slugify(name)}"


def item_id(kind: str, key: str) -> str:
    """Id for a non-person item: readable slug plus a short hash of the full key."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{kind}:{slugify(key, 40)}-{digest}"
