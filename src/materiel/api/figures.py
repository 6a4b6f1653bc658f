"""Serving figures of the read side: every answer is one call of a
:mod:`materiel.queries` function with the caller as viewer, cached in the read cache per
(role, nation, URL, date) while the tables it was read from are unchanged."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import Query, Request
from fastapi.responses import Response
from pydantic_core import to_json
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from materiel import queries
from materiel.access import Principal
from materiel.api.readcache import Answer, Stamp, cached_answer, stamped
from materiel.db import read_session

AsOf = Annotated[
    dt.date | None,
    Query(description="date of the figures (what was on record that day); default today, UTC"),
]


def figure_answer(
    request: Request,
    principal: Principal,
    engine: Engine,
    as_of: dt.date | None,
    body: Callable[[Session, dt.date], Any],
    *,
    depends_on_everything: bool = False,
) -> Response:
    """A JSON answer of ``body(session, day)`` (a Pydantic model or a list of them) for
    ``day`` = ``as_of`` or today. ``depends_on_everything``: the answer reads through a
    cache of its own (the projection), so it is valid only while no table changes."""
    day = queries.resolve(as_of)
    key = (principal.role, principal.nation, request.url.path, request.url.query, day)

    def compute() -> Answer:
        with read_session(engine) as s, stamped(s) as stamper:
            out = to_json(body(s, day))
            stamp = stamper.stamp()
        if depends_on_everything:
            stamp = Stamp(stamp.head, None)
        return stamp, out, {}

    return cached_answer(request, key, compute)
