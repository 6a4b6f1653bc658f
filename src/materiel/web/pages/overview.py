"""Overview: the key figures (queries.key_figures) with their sources."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

from materiel import queries
from materiel.db import read_session
from materiel.web import data
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
@router.get("/")
def overview(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    engine = engine_of(request)
    p = user.principal
    figures = data.overview(engine, p, as_of)
    own = None
    if p.nation and p.role in ("donor", "recipient"):
        with read_session(engine) as s:
            view = queries.donor_view if p.role == "donor" else queries.recipient_view
            own = view(s, p, as_of=as_of)
    return render(
        request,
        "overview.html",
        user,
        title="Overview" if own is None else f"Overview: {p.nation}",
        f=figures,
        own=own,
        synthetic=figures["synthetic"],
    )
