"""A nation's own view (docs/figures.md, "A nation's own figures"): what a donor or a
recipient sees first on Overview — its own pledges, stocks and share of the burden beside
the alliance's totals, or its own needs and what arrives for them. Every figure comes from
the read side's own functions, filtered to the viewer's nation."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from materiel.access import Principal, Refused
from materiel.queries._common import REPORT_CURRENCY, resolve, rows
from materiel.queries.burden import burden_shares
from materiel.queries.coverage import SCHEDULED
from materiel.queries.needs import needs_by_priority, needs_table
from materiel.queries.pledges import deliveries_table, live, pledges_table
from materiel.queries.stocks import alliance_totals, memberships, stock_position

#: a recipient's arrivals: deliveries of the last ARRIVED_DAYS, pledges due in the next
#: DUE_DAYS
ARRIVED_DAYS = 30
DUE_DAYS = 56


def donor_view(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> dict[str, Any]:
    """The donor's own figures (the viewer's nation):

    - ``pledges``: its pledges (``pledges_table(donor=...)``): total, live, late, the late
      ones (most days late first), pledged and delivered value of the live ones;
    - ``stocks``: its stock positions (``stock_position``) with, beside each, the totals of
      the alliances it belongs to for the item (``alliance_totals``; a withheld total says
      so);
    - ``burden``: its row of ``burden_shares`` (pledged value, % of GDP, share of the
      pledged total, GDP share, ratio) and the number of donors ranked.
    """
    nation = viewer.nation
    if not nation:
        raise Refused("only a nation's user has its own view")
    day = resolve(as_of)
    mine = pledges_table(session, viewer, donor=nation, as_of=day, currency=currency)
    alive = live(mine)
    late = mine.loc[mine["late"]].sort_values(["days_late", "id"], ascending=[False, True])
    pos = stock_position(session, viewer, as_of=day, nation=nation)
    totals = alliance_totals(session, viewer, as_of=day)
    groups = memberships(session)
    mine_groups = sorted(set(groups.loc[groups["nation_code"] == nation, "alliance"]))
    withheld = {(str(a), str(i)) for a, i in totals.attrs.get("withheld", [])}
    by_key = {(r["alliance"], r["item_code"]): r for r in rows(totals)}
    stocks = []
    for r in rows(pos):
        beside = []
        for a in mine_groups:
            t = by_key.get((a, r["item_code"]))
            if t is not None:
                beside.append({"alliance": a, **t, "withheld": False})
            elif (a, r["item_code"]) in withheld:
                beside.append({"alliance": a, "withheld": True})
        stocks.append({**r, "alliances": beside})
    burden = burden_shares(session, viewer, as_of=day, currency=currency)
    own = burden.loc[burden["code"] == nation]
    return {
        "nation": nation,
        "as_of": day,
        "currency": currency,
        "pledges": {
            "total": len(mine),
            "live": len(alive),
            "late": len(late),
            "late_rows": rows(late),
            "pledged_value": float(alive["value"].sum()) if len(alive) else 0.0,
            "delivered_value": float(alive["delivered_value"].sum()) if len(alive) else 0.0,
        },
        "stocks": stocks,
        "stocks_below": int(pos["below_target"].sum()) if len(pos) else 0,
        "stocks_stale": int(pos["stale"].sum()) if len(pos) else 0,
        "alliances": mine_groups,
        "burden": rows(own)[0] if len(own) else None,
        "burden_rank": (int(own.index[0]) + 1) if len(own) else None,
        "burden_donors": len(burden),
    }


def recipient_view(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
) -> dict[str, Any]:
    """The recipient's own figures (the viewer's nation):

    - ``needs``: its needs by priority (``needs_by_priority`` over ``needs_table(recipient=
      ...)``) and the uncovered ones by needed-by date;
    - ``arrived``: deliveries to it in the last :data:`ARRIVED_DAYS` days, per item (units
      of that item; never summed across items);
    - ``due``: the remainder of its committed or delivering pledges due in the next
      :data:`DUE_DAYS` days (today included), per item — as "Cover of a need over time"
      counts a pledge due.
    """
    nation = viewer.nation
    if not nation:
        raise Refused("only a nation's user has its own view")
    day = resolve(as_of)
    needs = needs_table(session, viewer, recipient=nation, as_of=day)
    uncovered = needs.loc[needs["status"] != "covered"].sort_values(["needed_by", "id"])
    dl = deliveries_table(
        session, viewer, recipient=nation, since=day - dt.timedelta(days=ARRIVED_DAYS), until=day
    )
    arrived = (
        dl.groupby("item_code", as_index=False)
        .agg(quantity=("quantity", "sum"), deliveries=("id", "count"), last=("delivered_on", "max"))
        .sort_values("last", ascending=False)
        if len(dl)
        else pd.DataFrame(columns=["item_code", "quantity", "deliveries", "last"])
    )
    pl = pledges_table(session, viewer, recipient=nation, as_of=day)
    horizon = day + dt.timedelta(days=DUE_DAYS)
    if len(pl):
        window = pl["due_by"].map(lambda d: d is not None and day <= d <= horizon).astype(bool)
        due = pl.loc[pl["status"].isin(SCHEDULED) & (pl["remaining"] > 0) & window]
    else:
        due = pl
    due_items = (
        due.groupby("item_code", as_index=False)
        .agg(quantity=("remaining", "sum"), pledges=("id", "count"), first=("due_by", "min"))
        .sort_values("first")
        if len(due)
        else pd.DataFrame(columns=["item_code", "quantity", "pledges", "first"])
    )
    return {
        "nation": nation,
        "as_of": day,
        "needs_by_priority": rows(needs_by_priority(session, viewer, needs=needs)),
        "needs_total": len(needs),
        "uncovered": rows(uncovered.head(10)),
        "uncovered_total": len(uncovered),
        "arrived": rows(arrived),
        "arrived_since": day - dt.timedelta(days=ARRIVED_DAYS),
        "due": rows(due_items),
        "due_until": horizon,
    }
