"""Writing a family's words: one alternation of several (each itself an alternation)."""

from __future__ import annotations


def any_of(*parts: str) -> str:
    """``a|b|c`` of the parts, to read as one regular-expression alternation."""
    return "|".join(parts)
