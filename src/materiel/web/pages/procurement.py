"""Procurement: funds, orders and line utilisation."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from materiel import queries
from materiel.db import read_session
from materiel.web import data
from materiel.web.pagecache import cached
from materiel.web.render import (
    as_of_of,
    engine_of,
    render,
    router,
)
from materiel.web.session import (
    require_user,
)


# -- procurement ----------
@router.get("/procurement")
def procurement(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    engine = engine_of(request)
    p = user.principal

    def compute() -> tuple[Any, Any, dict[str, Any]]:
        with read_session(engine) as s:
            funds = queries.fund_position(s, p, as_of=as_of)
            orders = queries.orders_table(s, p, as_of=as_of)
        return funds, orders, data.utilisation_grid(engine, p, as_of)

    funds, orders, util = cached(engine, p, ("procurement", as_of), compute)
    return render(
        request,
        "procurement.html",
        user,
        title="Procurement",
        funds=funds.to_dict("records"),
        orders=orders.to_dict("records"),
        months=util["months"],
        grid=util["grid"],
        util_last=util["last"],
        util_weeks=util["weeks"],
        as_of=as_of,
        order_dates=data.span(orders["placed_on"]) if len(orders) else "no orders",
    )
