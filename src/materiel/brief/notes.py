"""Footnotes: each names the records (links to the API) or the query a figure came from."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from materiel.brief.model import ENTITY_PATHS, Figure, Footnote, Link


class Notes:
    """The footnotes of one brief, numbered in the order they are added; every note ends
    with the snapshot hash and the date (``suffix``)."""

    def __init__(self, base_url: str, suffix: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.suffix = suffix
        self.items: list[Footnote] = []

    def link(self, entity: str, key: object, label: str | None = None) -> Link:
        k = str(key)
        return Link(entity, k, label or k, f"{self.base_url}/{ENTITY_PATHS[entity]}/{k}")

    def links(self, entity: str, keys: Sequence[object], labels: Sequence[object]) -> list[Link]:
        return [self.link(entity, k, str(lb)) for k, lb in zip(keys, labels, strict=True)]

    def add(self, text: str, links: Sequence[Link] = ()) -> int:
        n = len(self.items) + 1
        self.items.append(Footnote(n, f"{text} {self.suffix}".strip(), list(links)))
        return n


def fig(key: str, value: float | None, text: str, note: int | None = None) -> Figure:
    """A figure; NaN becomes "no value"."""
    v = None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)
    return Figure(key, v, text, note)
