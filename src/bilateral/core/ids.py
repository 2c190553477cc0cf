"""Stable, readable item ids derived from what an item is."""

from __future__ import annotations

import hashlib
import re
import unicodedata


def slugify(text: str, limit: int = 48) -> str:
    """ASCII slug: "Tô Lâm" -> "to-lam"."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return slug[:limit].rstrip("-") or "x"


def person_id(name: str) -> str:
    """Id of the person item for a canonical name (what quotes and events cite)."""
    return f"person:{slugify(name)}"


def item_id(kind: str, key: str) -> str:
    """Id for a non-person item: readable slug plus a short hash of the full key."""
    digest = hashlib.sha1(key.encode("utf-8")).hexdigest()[:8]
    return f"{kind}:{slugify(key, 40)}-{digest}"
