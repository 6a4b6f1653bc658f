"""Overview: the key figures (queries.key_figures) with their sources."""

from __future__ import annotations

from fastapi import Request
from fastapi.responses import Response

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
    figures = data.overview(engine_of(request), user.principal, as_of)
    return render(
        request,
        "overview.html",
        user,
        title="Overview",
        f=figures,
        synthetic=figures["synthetic"],
    )
