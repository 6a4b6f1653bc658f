"""Key figures: the headline numbers of Overview, ``materiel status``, ``GET /figures`` and
the brief's comparison with the previous meeting — one function, one as-of rule."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pandas as pd
from sqlalchemy.orm import Session

from materiel import money
from materiel.access import Principal, Refused, policy
from materiel.queries._common import REPORT_CURRENCY, dataset_synthetic, date_span, resolve
from materiel.queries.funds import fund_position, remaining_in
from materiel.queries.lean import record_counts
from materiel.queries.needs import needs_by_priority, needs_table
from materiel.queries.pledges import live, pledges_table
from materiel.queries.reference import donor_codes
from materiel.queries.runs import latest_plan
from materiel.queries.stocks import alliance_totals, stale_after_days, stock_position


def _plain(rows: pd.DataFrame) -> list[dict[str, Any]]:
    return [
        {str(k): (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
        for row in rows.to_dict("records")
    ]


def _may_see_totals(viewer: Principal) -> bool:
    try:
        policy.require_totals(viewer)
    except Refused:
        return False
    return True


def _below_target_count(pos: pd.DataFrame) -> int:
    """The stock series of a :func:`stock_position` frame below their target."""
    return int(pos["below_target"].astype(bool).sum())


def stock_figures(session: Session, viewer: Principal, as_of: dt.date) -> dict[str, Any] | None:
    """Stocks against targets as the viewer may see them (None for analysts): the series
    the viewer sees in detail and how many are below target; for staff the donor nations
    with a stock below target; alliance totals (grouped by membership, suppressed below
    the minimum group size) and how many of them are below the aggregate target;
    ``stale``: the series whose report is older than ``stale_after_days``."""
    if not _may_see_totals(viewer):
        return None
    pos = stock_position(session, viewer, as_of=as_of)
    reported = pos.loc[pos["as_of"].notna()]
    below = pos.loc[pos["below_target"]]
    totals = alliance_totals(session, viewer, as_of=as_of)
    out: dict[str, Any] = {
        "series": len(reported),
        "below_target": _below_target_count(pos),
        "reports_dated": date_span(reported["as_of"]),
        "stale": int(reported["stale"].sum()),
        "stale_after_days": stale_after_days(),
        "alliance_rows": len(totals),
        "alliance_rows_below": int(totals["below_target"].sum()) if len(totals) else 0,
        "alliance_suppressed": int(totals.attrs.get("suppressed", 0)),
        "alliance_reports_dated": date_span(
            pd.concat([totals["reports_from"], totals["reports_to"]])
        ),
    }
    if viewer.is_staff:
        donors = donor_codes(session)
        own = pos.loc[pos["nation_code"].isin(donors)]
        codes = sorted(below.loc[below["nation_code"].isin(donors), "nation_code"].unique())
        out["donors_reporting"] = int(own["nation_code"].nunique())
        out["donors_below_target"] = len(codes)
        out["donors_below_target_codes"] = [str(c) for c in codes]
    return out


def short_by_item(needs: pd.DataFrame) -> list[dict[str, Any]]:
    """Per item, the quantity of its needs short by their date (in that item's units) and
    its value (EUR), largest value first: the per-item side of ``short_value``."""
    short = needs.loc[needs["short_by_date"] > 0] if len(needs) else needs
    if not len(short):
        return []
    g = short.groupby("item_code", as_index=False)[["short_by_date", "short_value"]].sum()
    g = g.sort_values(["short_value", "item_code"], ascending=[False, True])
    return [
        {
            "item": str(r["item_code"]),
            "short_by_date": int(r["short_by_date"]),
            "short_value": round(float(r["short_value"]), 2),
        }
        for r in g.to_dict("records")
    ]


def key_figures(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> dict[str, Any]:
    """The key figures as the viewer may see them, as of ``as_of`` (default today), as a
    JSON-ready dict (docs/figures.md, "Key figures"):

    - ``needs``: stated on or before ``as_of``: ``total``, ``uncovered`` (not all there by
      their date), ``uncovered_by_priority``, ``overdue``, ``open_value`` (not pledged)
      and ``short_value`` (short by their date) in ``currency`` at the ECB rate of
      ``rate_date`` (catalogue unit values: needs of different items are added by value,
      never by quantity), ``short_by_item`` (per item, in its own units), ``by_priority``
      (rows of ``needs_by_priority``);
    - ``pledges`` (visible, announced on or before ``as_of``): ``total``, ``by_status``,
      ``live`` (not cancelled), ``late``, ``pledged_value`` and ``delivered_value`` of the
      live ones in ``currency`` at the ECB rate of ``as_of`` (``rate_date``),
      ``delivered_share``;
    - ``stocks``: :func:`stock_figures` (None for analysts);
    - ``funds``: rows of ``fund_position``; ``funds_remaining`` in ``currency``;
    - ``plan``: the latest plan's share of critical need met by value (staff only, else
      None);
    - ``records``: visible record counts; ``synthetic``.
    """
    day = resolve(as_of)
    parts = _headline_parts(session, viewer, day, currency)
    plan = None
    if viewer.is_staff:
        found = latest_plan(session, viewer, as_of=day)
        if found is not None:
            plan = {k: v for k, v in found.items() if k != "results"}
            plan["as_of"] = found["as_of"].isoformat()
            plan["created_at"] = found["created_at"].isoformat()
    funds = parts.pop("_funds")
    return {
        "as_of": day.isoformat(),
        "viewer": {"role": viewer.role, "nation": viewer.nation},
        "records": record_counts(session, viewer),
        "needs": parts["needs"],
        "pledges": parts["pledges"],
        "stocks": stock_figures(session, viewer, day),
        "funds": [
            {k: v for k, v in row.items() if k not in ("source", "id")} for row in _plain(funds)
        ],
        "funds_remaining": parts["funds_remaining"],
        "plan": plan,
        "synthetic": dataset_synthetic(session),
    }


def _headline_parts(
    session: Session, viewer: Principal, day: dt.date, currency: str
) -> dict[str, Any]:
    """The ``needs`` and ``pledges`` parts of :func:`key_figures`, its ``funds_remaining``
    and (``_funds``) the fund position they come from."""
    needs = needs_table(session, viewer, as_of=day)
    by_priority = needs_by_priority(session, viewer, needs=needs)
    # need values are in REPORT_CURRENCY at the rate of ``day``; the same rate date here
    to_currency = 1.0 if currency == REPORT_CURRENCY else money.rate(REPORT_CURRENCY, currency, day)
    if to_currency != 1.0:
        by_priority[["value", "open_value", "short_value"]] *= to_currency
        by_priority["currency"] = currency
    uncovered = needs.loc[needs["status"] != "covered"]
    pledges = pledges_table(session, viewer, as_of=day, currency=currency)
    alive = live(pledges)
    pledged_value = float(alive["value"].sum())
    delivered_value = float(alive["delivered_value"].sum())
    funds = fund_position(session, viewer, as_of=day)
    return {
        "needs": {
            "total": len(needs),
            "uncovered": len(uncovered),
            "uncovered_by_priority": {
                str(r["priority"]): int(r["uncovered"]) for r in by_priority.to_dict("records")
            },
            "overdue": int(needs["overdue"].sum()) if len(needs) else 0,
            "open_value": round(float(needs["open_value"].sum()) * to_currency, 2),
            "short_value": round(float(needs["short_value"].sum()) * to_currency, 2),
            "currency": currency,
            "rate_date": money.rate_date(day).isoformat(),
            "short_by_item": short_by_item(needs),
            "by_priority": _plain(by_priority),
            "stated": date_span(needs["stated_on"]),
        },
        "pledges": {
            "total": len(pledges),
            "by_status": {str(k): int(v) for k, v in pledges.groupby("status").size().items()},
            "live": len(alive),
            "late": int(pledges["late"].sum()) if len(pledges) else 0,
            "pledged_value": round(pledged_value, 2),
            "delivered_value": round(delivered_value, 2),
            "delivered_share": delivered_value / pledged_value if pledged_value else 0.0,
            "currency": currency,
            "rate_date": money.rate_date(day).isoformat(),
            "announced": date_span(pledges["announced_on"]),
        },
        "funds_remaining": round(remaining_in(funds, day, currency), 2),
        "_funds": funds,
    }


def headline_figures(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> dict[str, Any]:
    """The part of :func:`key_figures` the comparison between meetings reads
    (:func:`materiel.queries.headline_values`) — ``as_of``, ``needs``, ``pledges``,
    ``funds_remaining`` by the same code, and ``stocks`` as ``{"below_target": n}`` (n as
    in :func:`stock_figures`; None for analysts) — without the record counts, the alliance
    totals and the plan, which it does not read."""
    day = resolve(as_of)
    parts = _headline_parts(session, viewer, day, currency)
    parts.pop("_funds")
    stocks = None
    if _may_see_totals(viewer):
        stocks = {"below_target": _below_target_count(stock_position(session, viewer, as_of=day))}
    return {"as_of": day.isoformat(), **parts, "stocks": stocks}
