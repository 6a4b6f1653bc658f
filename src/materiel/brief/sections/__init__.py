"""The sections of a brief, in order: each ``build(ctx) -> Section`` reads its figures from
the read side (:mod:`materiel.queries`) through the frozen :class:`~materiel.brief.context.Context`
and only arranges them."""

from __future__ import annotations

from collections.abc import Callable

from materiel.brief.context import Context
from materiel.brief.model import Section
from materiel.brief.sections import (
    burden,
    deliveries,
    funds,
    needs,
    plan,
    pledges,
    risk,
    stocks,
)

Builder = Callable[[Context], Section]

#: (progress stage, builder) in the order the brief shows them
SECTIONS: tuple[tuple[str, Builder], ...] = (
    ("needs", needs.build),
    ("pledges", pledges.build),
    ("pledges", deliveries.build),
    ("stocks", stocks.build),
    ("funds", funds.build),
    ("plan", plan.build),
    ("risk", risk.build),
    ("compare", burden.build),
)

__all__ = ["SECTIONS", "Builder"]
