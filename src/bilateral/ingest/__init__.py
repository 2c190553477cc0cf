"""Reading sources, splitting passages and extracting items; no Qt, no sqlite."""
