"""Bilateral: a reference browser for the facts in news coverage of a bilateral relationship."""

__version__ = "0.1.0"
