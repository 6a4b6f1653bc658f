"""Writing a family's words: one alternation of several (each itself an alternation)."""

from __future__ import annotations


def any_of(*parts: str) -> str:
    """``a|b|c`` of the parts, to read as one regular-expression alternation."""
    return "|".join(parts)


def by_name(forms: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """``{name: (code,)}`` from ``{code: "name|name|..."}``: a table of names written by state."""
    return {name: (code,) for code, names in forms.items() for name in names.split("|")}
