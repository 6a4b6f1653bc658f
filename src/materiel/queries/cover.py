"""What arrives for a recipient's item, and by when: the building block of "how much of the
stated need do the pledges, the funds and the plan cover, and by when" (issue 17's
``needs cover``; docs/figures.md, "Cover of a need over time").

Every arrival is one row with its date, kind, quantity and record:

- ``delivered``: a delivery dated on or before ``as_of`` (of a pledge the viewer may see);
- ``pledge due``: the undelivered rest of a committed or delivering pledge, on its due date
  (on or after ``as_of``; a late pledge's rest is not counted);
- ``order arrival``: the weekly instalments of a fund order placed on or before ``as_of``,
  after ``as_of``;
- ``plan transfer`` / ``plan order`` (staff only): what the latest plan adds, dated by the
  week a transfer leaves the donor and the week an order arrives.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy.orm import Session

from materiel.access import Principal
from materiel.queries._common import resolve, rows, synthetic_of
from materiel.queries.coverage import PRIORITY_ORDER, SCHEDULED
from materiel.queries.funds import orders_table
from materiel.queries.needs import needs_table
from materiel.queries.pledges import deliveries_table, pledges_table
from materiel.queries.runs import latest_plan

ARRIVAL_COLUMNS = ["date", "kind", "quantity", "cumulative", "entity", "record_id", "ref", "by"]
KINDS = ("delivered", "pledge due", "order arrival", "plan transfer", "plan order")


def _frame(rows: dict[str, object]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[c for c in ARRIVAL_COLUMNS if c != "cumulative"])


def arrivals(
    session: Session,
    viewer: Principal,
    *,
    recipient: str,
    item: str,
    as_of: dt.date | None = None,
    plan: bool = True,
) -> pd.DataFrame:
    """Every arrival of ``item`` (exact code) for ``recipient``, by date (see the module
    docstring), with the ``cumulative`` quantity; ``by`` names the donor or the fund."""
    day = resolve(as_of)
    parts: list[pd.DataFrame] = []
    dl = deliveries_table(session, viewer, recipient=recipient, until=day)
    dl = dl.loc[dl["item_code"] == item]
    parts.append(
        _frame(
            {
                "date": dl["delivered_on"],
                "kind": "delivered",
                "quantity": dl["quantity"].astype(float),
                "entity": "delivery",
                "record_id": dl["id"],
                "ref": dl["ref"],
                "by": dl["donor_code"],
            }
        )
    )
    pl = pledges_table(session, viewer, recipient=recipient, as_of=day)
    due = pl.loc[
        (pl["item_code"] == item)
        & pl["status"].isin(SCHEDULED)
        & (pl["remaining"] > 0)
        & pl["due_by"].notna()
    ]
    due = due.loc[[d >= day for d in due["due_by"]]]  # due today is not late yet
    parts.append(
        _frame(
            {
                "date": due["due_by"],
                "kind": "pledge due",
                "quantity": due["remaining"].astype(float),
                "entity": "pledge",
                "record_id": due["id"],
                "ref": due["ref"],
                "by": due["donor_code"],
            }
        )
    )
    parts.append(_order_arrivals(session, viewer, recipient, item, day))
    if plan and viewer.is_staff:
        parts.append(_plan_arrivals(session, viewer, recipient, item, day))
    df = (
        pd.concat([p for p in parts if len(p)], ignore_index=True)
        if any(len(p) for p in parts)
        else pd.DataFrame(columns=ARRIVAL_COLUMNS)
    )
    if df.empty:
        return pd.DataFrame(columns=ARRIVAL_COLUMNS)
    df["rank"] = df["kind"].map({k: n for n, k in enumerate(KINDS)})
    df = df.sort_values(["date", "rank", "ref"], kind="stable").reset_index(drop=True)
    df["cumulative"] = df["quantity"].cumsum()
    return df[ARRIVAL_COLUMNS]


def _order_arrivals(
    session: Session, viewer: Principal, recipient: str, item: str, day: dt.date
) -> pd.DataFrame:
    orders = orders_table(session, viewer, destination=recipient, as_of=day)
    orders = orders.loc[orders["item_code"] == item]
    parts: list[pd.DataFrame] = []
    for o in rows(orders):
        weeks = pd.date_range(o["delivery_start"], o["delivery_end"], freq="7D")
        if len(weeks) == 0:
            weeks = pd.DatetimeIndex([pd.Timestamp(o["delivery_start"])])
        each = float(o["quantity"]) / len(weeks)
        ahead = weeks[weeks > pd.Timestamp(day)]
        if len(ahead):
            parts.append(
                _frame(
                    {
                        "date": [w.date() for w in ahead],
                        "kind": "order arrival",
                        "quantity": np.full(len(ahead), each),
                        "entity": "purchase_order",
                        "record_id": o["id"],
                        "ref": o["ref"],
                        "by": o["fund_code"],
                    }
                )
            )
    return pd.concat(parts, ignore_index=True) if parts else _frame({})


def _plan_arrivals(
    session: Session, viewer: Principal, recipient: str, item: str, day: dt.date
) -> pd.DataFrame:
    summary = latest_plan(session, viewer, as_of=day)
    if summary is None:
        return _frame({})
    tables = summary["results"].get("tables", {})
    start = summary["as_of"]
    parts = []
    # (kind, table, destination column, week column, by column)
    for kind, name, dest, week, by in (
        ("plan transfer", "transfers", "recipient", "week", "donor"),
        ("plan order", "orders", "destination", "week_arriving", "fund"),
    ):
        t = pd.DataFrame(tables.get(name, []))
        if t.empty:
            continue
        t = t.loc[(t[dest] == recipient) & (t["item"] == item)]
        parts.append(
            _frame(
                {
                    "date": [start + dt.timedelta(weeks=int(w)) for w in t[week]],
                    "kind": kind,
                    "quantity": t["quantity"].astype(float),
                    "entity": "plan_run",
                    "record_id": summary["id"],
                    "ref": f"plan run {summary['id']}",
                    "by": t[by],
                }
            )
        )
    parts = [p for p in parts if len(p)]
    return pd.concat(parts, ignore_index=True) if parts else _frame({})


COVER_COLUMNS = [
    "id",
    "ref",
    "recipient_code",
    "item_code",
    "priority",
    "quantity",
    "needed_by",
    *(f"by_date_{k.replace(' ', '_')}" for k in KINDS),
    "by_date",
    "gap",
    "status",
]


def need_cover(
    session: Session,
    viewer: Principal,
    *,
    recipient: str,
    item: str,
    as_of: dt.date | None = None,
    plan: bool = True,
) -> pd.DataFrame:
    """Per need of ``recipient`` for ``item`` (stated by ``as_of``): what of it is there by
    its date from each kind of arrival (``by_date_delivered``, ``by_date_pledge_due``,
    ``by_date_order_arrival``, ``by_date_plan_transfer``, ``by_date_plan_order``), in all
    (``by_date``) and the ``gap`` at its date. The needs take the arrivals in the order of
    coverage (critical first, then needed-by date): a need ranked ahead is served first
    from everything that arrives by its own date."""
    day = resolve(as_of)
    needs = needs_table(session, viewer, recipient=recipient, as_of=day)
    needs = needs.loc[needs["item_code"] == item].copy()
    if needs.empty:
        return pd.DataFrame(columns=COVER_COLUMNS)
    arr = arrivals(session, viewer, recipient=recipient, item=item, as_of=day, plan=plan)
    needs["_rank"] = needs["priority"].map(PRIORITY_ORDER)
    needs = needs.sort_values(["_rank", "needed_by", "stated_on", "id"]).reset_index(drop=True)
    before = needs["quantity"].cumsum() - needs["quantity"]
    dates = pd.to_datetime(arr["date"]) if len(arr) else pd.Series(dtype="datetime64[ns]")
    allocated = pd.Series(0.0, index=needs.index)  # to each need so far
    total = pd.Series(0.0, index=needs.index)  # arrivals by its date so far
    for kind in KINDS:  # in this order: delivered first, the plan last
        mask = (arr["kind"] == kind).to_numpy() if len(arr) else np.zeros(0, dtype=bool)
        by_need = np.array(
            [
                float(arr.loc[mask & (dates <= pd.Timestamp(d)).to_numpy(), "quantity"].sum())
                for d in needs["needed_by"]
            ]
        )
        running = total + by_need
        got = (running - before).clip(lower=0).clip(upper=needs["quantity"]) - allocated
        needs[f"by_date_{kind.replace(' ', '_')}"] = got.clip(lower=0).round().astype("int64")
        allocated = allocated + got.clip(lower=0)
        total = running
    needs["by_date"] = allocated.round().astype("int64")
    needs["gap"] = needs["quantity"] - needs["by_date"]
    return needs[COVER_COLUMNS]


def cover_report(
    session: Session,
    viewer: Principal,
    *,
    need: str | None = None,
    item: str | None = None,
    recipient: str | None = None,
    as_of: dt.date | None = None,
    plan: bool = True,
) -> list[dict[str, Any]]:
    """The cover of one need (its ``ref``) or of every need of an ``item`` (exact code;
    optionally of one ``recipient``), by recipient and item: the needs' rows of
    :func:`need_cover` (what is there by each need's date from deliveries, committed pledges
    due, fund orders placed and the latest plan, and the gap) and every arrival by date of
    :func:`arrivals` with its record. One definition for the CLI (``materiel needs cover``),
    the API (``GET /figures/needs/cover``) and the Needs page. Raises :class:`LookupError`
    when no need the viewer may see matches."""
    if (need is None) == (item is None):
        raise ValueError("give a need's ref or an item code, not both")
    day = resolve(as_of)
    needs = needs_table(session, viewer, recipient=recipient, as_of=day)
    chosen = needs.loc[needs["ref"] == need] if need is not None else needs
    if item is not None:
        chosen = chosen.loc[chosen["item_code"] == item]
    if chosen.empty:
        what = f"need {need!r}" if need is not None else f"need of item {item!r}"
        raise LookupError(f"no {what}" + (f" of {recipient}" if recipient else ""))
    groups: list[dict[str, Any]] = []
    for rcp, itm in sorted(set(zip(chosen["recipient_code"], chosen["item_code"], strict=True))):
        cover = need_cover(session, viewer, recipient=rcp, item=itm, as_of=day, plan=plan)
        if need is not None:
            cover = cover.loc[cover["ref"] == need]
        arr = arrivals(session, viewer, recipient=rcp, item=itm, as_of=day, plan=plan)
        groups.append(
            {
                "recipient": rcp,
                "item": itm,
                "needs": rows(cover),
                "arrivals": rows(arr),
                "synthetic": synthetic_of(chosen.loc[chosen["item_code"] == itm]),
            }
        )
    return groups
