"""Stockpiles: the heatmap of weeks to target and each holder's detail with charts."""

from __future__ import annotations

from typing import Any

from fastapi import Request
from fastapi.responses import Response

from materiel import queries
from materiel.access import Hidden
from materiel.db import read_session
from materiel.web import data
from materiel.web.charts import trajectory_svg
from materiel.web.render import (
    NATION,
    as_of_of,
    engine_of,
    qp,
    render,
    router,
)
from materiel.web.session import (
    require_user,
)


# -- stockpiles ----------
@router.get("/stockpiles")
def stockpiles(request: Request) -> Response:
    user = require_user(request)
    as_of = as_of_of(request)
    engine = engine_of(request)
    hm = data.heatmap(engine, user.principal, as_of)
    with read_session(engine) as s:
        pos = queries.stock_position(s, user.principal, as_of=as_of)
    # per holder shown: the age of its oldest latest report, when stale (freshness marker)
    stale = pos.loc[pos["stale"]].groupby("nation_code")["age_days"].max()
    return render(
        request,
        "stockpiles.html",
        user,
        title="Stockpiles",
        hm=hm,
        stale={str(k): int(v) for k, v in stale.items()},
        as_of=as_of,
        synthetic=hm["synthetic"],
    )


@router.get("/stockpiles/{holder}")
def stockpile_detail(request: Request, holder: str) -> Response:
    user = require_user(request)
    if not NATION.fullmatch(holder):
        raise Hidden()
    as_of = as_of_of(request)
    table, proj = data.holder_table(engine_of(request), user.principal, holder, as_of)
    with read_session(engine_of(request)) as s:
        pos = queries.stock_position(s, user.principal, as_of=as_of, nation=holder)
    reports = {
        str(r["item_code"]): r
        for r in queries.rows(pos[["item_code", "as_of", "age_days", "stale"]])
    }
    chosen = qp(request, "item", pattern=r"[A-Za-z0-9._\-]+")
    charts: list[dict[str, Any]] = []
    if len(table):
        # an unknown stock (no report) has no trajectory to draw
        known = table.loc[table["state"] != "no report"]
        wanted = known.loc[(known["target_now"] > 0) | (known["weekly_use"] > 0)]
        picks = (
            [chosen] if chosen and chosen in set(known["item"]) else wanted["item"].head(4).tolist()
        )
        for item in picks:
            src = (
                f"Source: materiel status-quo projection of stock reports, targets, deliveries "
                f"and orders; as of {proj.attrs.get('as_of')} (snapshot "
                f"{str(proj.attrs.get('snapshot_hash'))[:10]})"
                + (" — SYNTHETIC DATA" if proj.attrs.get("synthetic") else "")
            )
            row = table.loc[table["item"] == item].iloc[0].to_dict()
            charts.append(
                {
                    "item": item,
                    "svg": trajectory_svg(proj, holder, item, src),
                    "row": row,
                    "source": src,
                }
            )
    return render(
        request,
        "stockpile_detail.html",
        user,
        title=f"Stockpile of {holder}",
        holder=holder,
        rows=table.to_dict("records"),
        reports=reports,
        charts=charts,
        as_of=as_of,
        synthetic=bool(proj.attrs.get("synthetic")),
    )
