"""Overview: the key figures (queries.key_figures) with their sources."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import Response
from sqlalchemy import Engine

from materiel import queries
from materiel.access import Principal
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


# -- overview ----------
def _overview(engine: Engine, p: Principal, as_of: dt.date) -> tuple[dict[str, Any], Any]:
    """The key figures and, for a donor or a recipient, its own view (one read: the frames
    both use are computed once)."""
    own = None
    with queries.share_frames(read_session(engine)) as s:
        figures = data.overview(s, p, as_of)
        if p.nation and p.role in ("donor", "recipient"):
            view = queries.donor_view if p.role == "donor" else queries.recipient_view
            own = view(s, p, as_of=as_of)
    return figures, own


@router.get("/")
def overview(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    engine = engine_of(request)
    p = user.principal
    figures, own = cached(engine, p, ("overview", as_of), lambda: _overview(engine, p, as_of))
    return render(
        request,
        "overview.html",
        user,
        title="Overview" if own is None else f"Overview: {p.nation}",
        f=figures,
        own=own,
        synthetic=figures["synthetic"],
    )
