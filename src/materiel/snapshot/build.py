"""Build a snapshot from the records: one bulk SELECT per table, then pandas / numpy.

Every rule that turns records into arrays is written down in docs/snapshot.md ("How the
builder reads the records"); this module is that text as code.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr
from sqlalchemy import Connection, Engine, Select, and_, func, select
from sqlalchemy.orm import Session

from materiel import money
from materiel.plan_policy import DEFAULT_TRANSIT_WEEKS, HORIZON_WEEKS, PRIORITIES
from materiel.records import (
    PRIORITY_WEIGHT,
    Caveat,
    Delivery,
    Fund,
    FundItem,
    FundMember,
    Item,
    Nation,
    Need,
    Order,
    Pledge,
    ProductionLine,
    RampStep,
    Scenario,
    ScenarioRate,
    StockReport,
    StockTarget,
    any_synthetic,
)
from materiel.snapshot.schema import DEFAULT_PARAMS, SnapshotError, make_snapshot

__all__ = ["PLEDGE_STATUSES", "PRIORITY_WEIGHT", "build_snapshot", "line_load", "read_line_load"]

PRIORITY_RANK = {"critical": 0, "high": 1, "routine": 2}
# pledges whose undelivered remainder is scheduled (delivered ones have none left unless
# the snapshot is dated before their last delivery)
PLEDGE_STATUSES = ("committed", "delivering", "delivered")
DEFAULT_PLEDGE_WEEKS = 8
VALUE_CURRENCY = "USD"


@contextmanager
def _connection(src: Engine | Session | Connection) -> Iterator[Connection]:
    """One read transaction, so every table is read at the same moment."""
    if isinstance(src, Connection):
        yield src
    elif isinstance(src, Session):
        yield src.connection()
    else:
        conn = src.connect()
        if src.dialect.name == "postgresql":
            conn = conn.execution_options(isolation_level="REPEATABLE READ")
        try:
            with conn.begin():
                yield conn
        finally:
            conn.close()


def _frame(conn: Connection, stmt: Select[Any] | Any) -> pd.DataFrame:
    result = conn.execute(stmt)
    keys = list(result.keys())
    rows = result.all()
    if not rows:
        return pd.DataFrame({k: pd.Series([], dtype=object) for k in keys})
    # column-wise construction: far faster than pandas inspecting each Row
    return pd.DataFrame(dict(zip(keys, (list(c) for c in zip(*rows, strict=True)), strict=True)))


def _days(dates: pd.Series, as_of: dt.date) -> np.ndarray:
    """Days from ``as_of`` to each date (int64)."""
    if dates.empty:
        return np.zeros(0, dtype="int64")
    d = pd.to_datetime(dates).to_numpy(dtype="datetime64[D]")
    return (d - np.datetime64(as_of, "D")).astype("int64")


def _week(dates: pd.Series, as_of: dt.date) -> np.ndarray:
    """The week index of each date: floor(days / 7) (negative before ``as_of``)."""
    return np.floor_divide(_days(dates, as_of), 7)


def _first_week_on_or_after(dates: pd.Series, as_of: dt.date) -> np.ndarray:
    """The first week t whose start ``as_of + 7t`` is on or after each date (≥ 0)."""
    return np.maximum(-np.floor_divide(-_days(dates, as_of), 7), 0)


def _index(labels: Sequence[str], values: pd.Series) -> np.ndarray:
    return np.asarray(
        pd.Index(list(labels)).get_indexer(pd.Index(values.astype(object))), dtype="int64"
    )


def _spread(
    shape: tuple[int, ...],
    keys: tuple[np.ndarray, ...],
    first: np.ndarray,
    last: np.ndarray,
    total: np.ndarray,
) -> np.ndarray:
    """``total`` spread evenly over weeks ``first..last`` (inclusive) of a (..., week) array;
    weeks outside 0..H-1 are dropped (their part of the total is not in the array)."""
    out = np.zeros(shape)
    if len(total) == 0:
        return out
    per_week = total / (last - first + 1)
    weeks = np.arange(shape[-1])
    inside = (weeks[None, :] >= first[:, None]) & (weeks[None, :] <= last[:, None])
    np.add.at(out, keys, np.where(inside, per_week[:, None], 0.0))
    return out


def _step_in_force(
    shape: tuple[int, ...],
    keys: tuple[np.ndarray, ...],
    effective: pd.Series,
    values: np.ndarray,
    as_of: dt.date,
    base: np.ndarray | float = 0.0,
) -> np.ndarray:
    """A (..., week) array holding, each week, the value of the latest step with
    ``effective`` on or before the week's start; ``base`` before the first step."""
    h = shape[-1]
    out = np.broadcast_to(np.asarray(base, dtype="float64")[..., None], shape).copy()
    if len(values) == 0:
        return out
    t0 = _first_week_on_or_after(effective, as_of)
    df = pd.DataFrame({f"k{j}": a for j, a in enumerate(keys)})
    df["t0"], df["eff"], df["v"] = t0, pd.to_datetime(effective).to_numpy(), values
    df = df[df["t0"] < h].sort_values("eff")
    df = df.drop_duplicates([*(f"k{j}" for j in range(len(keys))), "t0"], keep="last")
    marks = np.full(shape, np.nan)
    idx = tuple(df[f"k{j}"].to_numpy() for j in range(len(keys)))
    marks[(*idx, df["t0"].to_numpy())] = df["v"].to_numpy(dtype="float64")
    # forward fill along the week axis
    pos = np.where(np.isnan(marks), -1, np.arange(h))
    pos = np.maximum.accumulate(pos, axis=-1)
    filled = np.take_along_axis(marks, np.maximum(pos, 0), axis=-1)
    return np.where(pos >= 0, filled, out)


def _source_summary(df: pd.DataFrame, date_col: str | None) -> dict[str, Any]:
    newest = None
    if date_col and not df.empty:
        value = pd.to_datetime(df[date_col]).max()
        newest = None if pd.isna(value) else value.date().isoformat()
    return {"count": len(df), "newest": newest}


def _instalment_weeks(orders: pd.DataFrame, as_of: dt.date) -> tuple[np.ndarray, np.ndarray]:
    """The first and last week of each order's deliveries: the weeks of ``delivery_start``
    and of ``delivery_start`` + whole weeks to ``delivery_end`` (one weekly instalment
    each, the quantity spread evenly)."""
    first = _week(orders["delivery_start"], as_of)
    span = np.floor_divide(
        _days(orders["delivery_end"], as_of) - _days(orders["delivery_start"], as_of), 7
    )
    return first, first + np.maximum(span, 0)


def line_load(
    lines: pd.DataFrame,
    ramps: pd.DataFrame,
    orders: pd.DataFrame,
    as_of: dt.date,
    weeks: int,
) -> tuple[np.ndarray, np.ndarray]:
    """(line, week) arrays over ``weeks`` weeks from ``as_of``, lines in the order of
    ``lines`` (``code``, ``weekly_capacity``, ``lead_time_weeks``): ``cap_full``, each
    line's weekly capacity with its ramp steps (``ramps``: ``line_code``,
    ``effective_from``, ``weekly_capacity``), and ``taken``, the capacity the ``orders``
    (``line_code``, ``quantity``, ``delivery_start``, ``delivery_end``) take: an instalment
    arriving in week w takes capacity in week w − the line's lead time (as the plan's
    production does). The snapshot's ``cap_full`` and ``cap`` (= cap_full − taken, not
    below 0) are these."""
    codes = lines["code"].tolist()
    n_l = len(codes)
    li = _index(codes, ramps["line_code"])
    ok = li >= 0
    cap_full = _step_in_force(
        (n_l, weeks),
        (li[ok],),
        ramps["effective_from"][ok],
        ramps["weekly_capacity"].to_numpy(dtype="float64")[ok],
        as_of,
        base=lines["weekly_capacity"].to_numpy(dtype="float64"),
    )
    taken = np.zeros((n_l, weeks))
    if not orders.empty:
        li = _index(codes, orders["line_code"])
        od = orders[li >= 0]
        li = li[li >= 0]
        first, last = _instalment_weeks(od, as_of)
        lag = lines["lead_time_weeks"].to_numpy(dtype="int64")[li]
        qty = od["quantity"].to_numpy(dtype="float64")
        taken = _spread((n_l, weeks), (li,), first - lag, last - lag, qty)
    return cap_full, taken


def read_line_load(
    src: Engine | Session | Connection, as_of: dt.date, weeks: int | None = None
) -> tuple[pd.DataFrame, np.ndarray, np.ndarray]:
    """The production lines (``code``, ``item_code``, ``weekly_capacity``,
    ``lead_time_weeks``, ordered by code) and :func:`line_load` from ``as_of`` for the
    orders placed on or before ``as_of`` — the snapshot's capacity and the capacity orders
    take, read without building the rest of a snapshot (three SELECTs). Over ``weeks``
    weeks, or (None) through the week of the last order's last delivery, at least
    :data:`HORIZON_WEEKS`."""
    with _connection(src) as conn:
        lines = _frame(
            conn,
            select(
                ProductionLine.code,
                ProductionLine.item_code,
                ProductionLine.weekly_capacity,
                ProductionLine.lead_time_weeks,
            ).order_by(ProductionLine.code),
        )
        ramps = _frame(
            conn,
            select(RampStep.line_code, RampStep.effective_from, RampStep.weekly_capacity),
        )
        orders = _frame(
            conn,
            select(
                Order.line_code,
                Order.quantity,
                Order.delivery_start,
                Order.delivery_end,
            ).where(Order.placed_on <= as_of),
        )
    if weeks is None:
        _, last = _instalment_weeks(orders, as_of)
        weeks = max(HORIZON_WEEKS, int(last.max()) + 1 if len(last) else 0)
    cap_full, taken = line_load(lines, ramps, orders, as_of, weeks)
    return lines, cap_full, taken


def _rates(pairs: set[tuple[str, str]], on: dt.date) -> dict[tuple[str, str], float]:
    return {(a, b): (1.0 if a == b else money.rate(a, b, on)) for a, b in pairs}


def build_snapshot(
    src: Engine | Session | Connection,
    as_of: dt.date,
    horizon_weeks: int = HORIZON_WEEKS,
    scenario: str = "baseline",
    outflow_window_weeks: int = 12,
) -> xr.Dataset:
    """The snapshot of the records at ``as_of`` (see docs/snapshot.md)."""
    if isinstance(as_of, str):
        as_of = dt.date.fromisoformat(as_of)
    elif isinstance(as_of, dt.datetime):
        as_of = as_of.date()
    h = int(horizon_weeks)
    if h < 1:
        raise SnapshotError(f"horizon_weeks must be at least 1 (got {horizon_weeks})")
    if outflow_window_weeks < 1:
        raise SnapshotError(f"outflow_window_weeks must be at least 1 (got {outflow_window_weeks})")
    last_start = as_of + dt.timedelta(weeks=h - 1)

    # the latest stock report per holder and item on or before as_of, chosen in the database
    latest = (
        select(
            StockReport.nation_code,
            StockReport.item_code,
            func.max(StockReport.as_of).label("as_of"),
        )
        .where(StockReport.as_of <= as_of)
        .group_by(StockReport.nation_code, StockReport.item_code)
        .subquery()
    )
    with _connection(src) as conn:
        nations = _frame(
            conn,
            select(
                Nation.code,
                Nation.gdp_eur_bn,
                Nation.gdp_source,
                Nation.is_donor,
                Nation.is_recipient,
                Nation.transit_weeks,
            ).order_by(Nation.code),
        )
        items = _frame(
            conn,
            select(Item.code, Item.unit_value, Item.currency, Item.unit, Item.category).order_by(
                Item.code
            ),
        )
        stock = _frame(
            conn,
            select(
                StockReport.nation_code,
                StockReport.item_code,
                StockReport.quantity,
                StockReport.as_of,
                StockReport.source,
            ).join(
                latest,
                and_(
                    StockReport.nation_code == latest.c.nation_code,
                    StockReport.item_code == latest.c.item_code,
                    StockReport.as_of == latest.c.as_of,
                ),
            ),
        )
        targets = _frame(
            conn,
            select(
                StockTarget.nation_code,
                StockTarget.item_code,
                StockTarget.minimum,
                StockTarget.effective_from,
                StockTarget.source,
            ).where(StockTarget.effective_from <= last_start),
        )
        scen = _frame(conn, select(Scenario.name, Scenario.params).where(Scenario.name == scenario))
        rates = _frame(
            conn,
            select(
                ScenarioRate.recipient_code,
                ScenarioRate.item_code,
                ScenarioRate.mean_per_day,
                ScenarioRate.cv,
            ).where(ScenarioRate.scenario_name == scenario),
        )
        needs = _frame(
            conn,
            select(
                Need.id,
                Need.recipient_code,
                Need.item_code,
                Need.quantity,
                Need.priority,
                Need.needed_by,
                Need.stated_on,
                Need.source,
            ).where(Need.stated_on <= as_of),
        )
        pledges = _frame(
            conn,
            select(
                Pledge.id,
                Pledge.donor_code,
                Pledge.recipient_code,
                Pledge.item_code,
                Pledge.quantity,
                Pledge.announced_on,
                Pledge.due_by,
                Pledge.channel,
                Pledge.status,
                Pledge.source_document,
                Pledge.source_quote,
            ).where(Pledge.announced_on <= as_of),
        )
        deliveries = _frame(
            conn,
            select(
                Delivery.pledge_id, Delivery.quantity, Delivery.delivered_on, Delivery.source
            ).where(Delivery.delivered_on <= as_of),
        )
        lines = _frame(
            conn,
            select(
                ProductionLine.code,
                ProductionLine.item_code,
                ProductionLine.weekly_capacity,
                ProductionLine.unit_price,
                ProductionLine.currency,
                ProductionLine.lead_time_weeks,
            ).order_by(ProductionLine.code),
        )
        ramps = _frame(
            conn,
            select(RampStep.line_code, RampStep.effective_from, RampStep.weekly_capacity).where(
                RampStep.effective_from <= last_start
            ),
        )
        funds = _frame(
            conn,
            select(
                Fund.code,
                Fund.budget,
                Fund.currency,
                Fund.destination,
                Fund.recipient_code,
                Fund.period_start,
                Fund.period_end,
                Fund.source,
            ).order_by(Fund.code),
        )
        # the records' flag (set by the demo loader), never words in their sources
        synthetic = bool(conn.execute(any_synthetic()).scalar())
        fund_items = _frame(conn, select(FundItem.fund_code, FundItem.item_code))
        members = _frame(conn, select(FundMember.fund_code, FundMember.nation_code))
        orders = _frame(
            conn,
            select(
                Order.fund_code,
                Order.line_code,
                Order.quantity,
                Order.unit_price,
                Order.currency,
                Order.placed_on,
                Order.delivery_start,
                Order.delivery_end,
                Order.destination_code,
            ).where(Order.placed_on <= as_of),
        )
        caveats = _frame(
            conn,
            select(
                Caveat.nation_code,
                Caveat.item_code,
                Caveat.excluded,
                Caveat.weekly_cap,
                Caveat.source,
            ),
        )

    if scen.empty and scenario != "baseline":
        raise SnapshotError(f"unknown scenario {scenario!r} (no Scenario record of that name)")
    params = dict(DEFAULT_PARAMS)
    if not scen.empty and isinstance(scen["params"].iloc[0], dict):
        params.update(scen["params"].iloc[0])

    donors = nations.loc[nations["is_donor"].astype(bool), "code"].tolist()
    recips = nations.loc[nations["is_recipient"].astype(bool), "code"].tolist()
    item_codes = items["code"].tolist()
    line_codes = lines["code"].tolist()
    fund_codes = funds["code"].tolist()
    n_n, n_r, n_i, n_l, n_f = (
        len(donors),
        len(recips),
        len(item_codes),
        len(line_codes),
        len(fund_codes),
    )
    rate_on = money.rate_date(as_of)

    # -- item values in USD ----------------------------------------------------------------
    cur_rate = _rates({(str(c), VALUE_CURRENCY) for c in items["currency"]}, as_of)
    item_value = items["unit_value"].astype(float).to_numpy() * np.array(
        [cur_rate[(str(c), VALUE_CURRENCY)] for c in items["currency"]], dtype="float64"
    )

    # -- stocks at as_of -------------------------------------------------------------------
    stock = stock.sort_values("as_of").drop_duplicates(["nation_code", "item_code"], keep="last")
    ii = _index(item_codes, stock["item_code"])
    s0 = np.zeros((n_n, n_i))
    r0 = np.zeros((n_r, n_i))
    s0_known = np.zeros((n_n, n_i), dtype=bool)
    r0_known = np.zeros((n_r, n_i), dtype=bool)
    for arr, known, labels in ((s0, s0_known, donors), (r0, r0_known, recips)):
        ni = _index(labels, stock["nation_code"])
        ok = (ni >= 0) & (ii >= 0)
        arr[ni[ok], ii[ok]] = stock["quantity"].to_numpy(dtype="float64")[ok]
        known[ni[ok], ii[ok]] = True

    # -- targets in force each week ---------------------------------------------------------
    ni, ii = _index(donors, targets["nation_code"]), _index(item_codes, targets["item_code"])
    ok = (ni >= 0) & (ii >= 0)
    floor = _step_in_force(
        (n_n, n_i, h),
        (ni[ok], ii[ok]),
        targets["effective_from"][ok],
        targets["minimum"].to_numpy(dtype="float64")[ok],
        as_of,
    )

    # -- consumption from the scenario, with its surge ---------------------------------------
    consumption = np.zeros((n_r, n_i, h))
    ri, ii = _index(recips, rates["recipient_code"]), _index(item_codes, rates["item_code"])
    ok = (ri >= 0) & (ii >= 0)
    consumption[ri[ok], ii[ok], :] = rates["mean_per_day"].to_numpy(dtype="float64")[ok, None] * 7
    consumption_cv = np.zeros((n_r, n_i))
    consumption_cv[ri[ok], ii[ok]] = rates["cv"].to_numpy(dtype="float64")[ok]
    factor = float(params.get("surge_factor") or 1.0)
    if factor != 1.0 and params.get("surge_weeks"):
        start = int(params.get("surge_start_week") or 0)
        stop = start + int(params["surge_weeks"])
        consumption[:, :, max(start, 0) : max(min(stop, h), 0)] *= factor

    # -- deliveries joined to their pledges ----------------------------------------------------
    dl = deliveries.merge(
        pledges[["id", "donor_code", "recipient_code", "item_code", "channel"]],
        left_on="pledge_id",
        right_on="id",
        how="inner",
    )
    # pledges announced after as_of are unknown at as_of, and so are their deliveries

    # -- open needs ------------------------------------------------------------------------
    need = np.zeros((n_r, n_i, len(PRIORITIES), h))
    if not needs.empty:
        nd = needs.copy()
        nd["_rank"] = nd["priority"].map(PRIORITY_RANK).fillna(2)
        nd = nd.sort_values(
            ["recipient_code", "item_code", "_rank", "needed_by", "stated_on", "id"]
        )
        key = ["recipient_code", "item_code"]
        first_stated = nd.groupby(key, as_index=False)["stated_on"].min()
        got = dl.merge(first_stated, on=key, how="inner")
        got = got[pd.to_datetime(got["delivered_on"]) >= pd.to_datetime(got["stated_on"])]
        pool = got.groupby(key, as_index=False).agg(_pool=("quantity", "sum"))
        nd = nd.merge(pool, on=key, how="left")
        nd["_pool"] = nd["_pool"].fillna(0.0).astype(float)
        need_qty = nd["quantity"].astype(float)
        before = nd.groupby(key)["quantity"].cumsum().astype(float) - need_qty
        covered = (nd["_pool"] - before).clip(lower=0).clip(upper=need_qty)
        nd["_open"] = need_qty - covered
        nd["_week"] = np.maximum(_week(nd["needed_by"], as_of), 0)
        nd["_k"] = (
            nd["priority"].map({p: k for k, p in enumerate(PRIORITIES)}).fillna(len(PRIORITIES) - 1)
        )
        ri, ii = _index(recips, nd["recipient_code"]), _index(item_codes, nd["item_code"])
        ok = (ri >= 0) & (ii >= 0) & (nd["_week"].to_numpy() < h) & (nd["_open"].to_numpy() > 0)
        idx = (ri[ok], ii[ok], nd["_k"].to_numpy(dtype="int64")[ok], nd["_week"].to_numpy()[ok])
        np.add.at(need, idx, nd["_open"].to_numpy(dtype="float64")[ok])
    need_demand = need.sum(axis=2)
    # consumption not met weighs as the scenario says (per unit of value); a need's weight
    # is its priority's (the ``priority_weight`` coordinate)
    cw = float(params.get("consumption_weight", DEFAULT_PARAMS["consumption_weight"]))
    weight = np.full((n_r, n_i, h), cw)

    # -- pledge remainders ------------------------------------------------------------------
    pin = np.zeros((n_r, n_i, h))
    pout = np.zeros((n_n, n_i, h))
    live = pledges[pledges["status"].isin(PLEDGE_STATUSES)]
    if not live.empty:
        done = dl.groupby("pledge_id")["quantity"].sum()
        rem = (live["quantity"].astype(float) - live["id"].map(done).fillna(0.0)).clip(lower=0)
        live = live.assign(_rem=rem.to_numpy())
        live = live[live["_rem"] > 0]
        start = np.maximum(_week(live["announced_on"], as_of), 0)
        due = live["due_by"]
        has_due = due.notna().to_numpy()
        due_week = np.zeros(len(live), dtype="int64")
        if has_due.any():
            due_week[has_due] = _week(due[has_due], as_of)
        end = np.where(has_due, np.maximum(due_week, start), start + DEFAULT_PLEDGE_WEEKS - 1)
        total = live["_rem"].to_numpy(dtype="float64")
        ri, ii = _index(recips, live["recipient_code"]), _index(item_codes, live["item_code"])
        ok = (ri >= 0) & (ii >= 0)
        pin = _spread((n_r, n_i, h), (ri[ok], ii[ok]), start[ok], end[ok], total[ok])
        ni = _index(donors, live["donor_code"])
        ok = (ni >= 0) & (ii >= 0) & (live["channel"] == "stock").to_numpy()
        pout = _spread((n_n, n_i, h), (ni[ok], ii[ok]), start[ok], end[ok], total[ok])

    # -- lines: capacity with ramp, and what existing orders take of it ----------------------
    lead = lines["lead_time_weeks"].to_numpy(dtype="int64")
    cap_full, taken = line_load(lines, ramps, orders, as_of, h)

    # -- existing orders: arrivals and capacity they take -------------------------------------
    arrive_n = np.zeros((n_n, n_i, h))
    arrive_r = np.zeros((n_r, n_i, h))
    spent = np.zeros(n_f)
    if not orders.empty:
        li = _index(line_codes, orders["line_code"])
        od = orders[li >= 0].copy()
        li = li[li >= 0]
        od["item_code"] = lines["item_code"].to_numpy()[li]
        first, last = _instalment_weeks(od, as_of)
        qty = od["quantity"].to_numpy(dtype="float64")
        ii = _index(item_codes, od["item_code"])
        ri = _index(recips, od["destination_code"])
        ni = _index(donors, od["destination_code"])
        to_r = (ri >= 0) & (ii >= 0)
        to_n = (ri < 0) & (ni >= 0) & (ii >= 0)
        arrive_r = _spread((n_r, n_i, h), (ri[to_r], ii[to_r]), first[to_r], last[to_r], qty[to_r])
        arrive_n = _spread((n_n, n_i, h), (ni[to_n], ii[to_n]), first[to_n], last[to_n], qty[to_n])
        # money committed, in each fund's currency
        fi = _index(fund_codes, od["fund_code"])
        okf = fi >= 0
        fcur = funds["currency"].to_numpy()[fi[okf]]
        ocur = od["currency"].to_numpy()[okf]
        conv = _rates(set(zip(ocur.tolist(), fcur.tolist(), strict=True)), as_of)
        amount = (qty * od["unit_price"].to_numpy(dtype="float64"))[okf] * np.array(
            [conv[(a, b)] for a, b in zip(ocur.tolist(), fcur.tolist(), strict=True)],
            dtype="float64",
        )
        np.add.at(spent, fi[okf], amount)
    cap = np.clip(cap_full - taken, 0.0, None)

    # -- funds --------------------------------------------------------------------------------
    budget = np.clip(funds["budget"].to_numpy(dtype="float64") - spent, 0.0, None)
    expired = (_days(funds["period_end"], as_of) < 0) if n_f else np.zeros(0, dtype=bool)
    budget = np.where(expired, 0.0, budget)
    lcur = [str(c).upper() for c in lines["currency"]]
    fcur_all = [str(c).upper() for c in funds["currency"]]
    conv = _rates({(a, b) for a in set(lcur) for b in set(fcur_all)}, as_of)
    price = lines["unit_price"].to_numpy(dtype="float64")
    price_in_fund = price[:, None] * np.array(
        [[conv[(a, b)] for b in fcur_all] for a in lcur], dtype="float64"
    ).reshape(n_l, n_f)
    eligible = np.zeros((n_l, n_f), dtype=bool)
    if not fund_items.empty and n_l:
        pairs = fund_items.merge(
            pd.DataFrame({"line_code": line_codes, "line_item": lines["item_code"].tolist()}),
            how="cross",
        )
        match = np.array(
            [
                li == fi or li.startswith(fi + ".")
                for li, fi in zip(pairs["line_item"], pairs["item_code"], strict=True)
            ],
            dtype=bool,
        )
        pairs = pairs[match]
        li, fi = _index(line_codes, pairs["line_code"]), _index(fund_codes, pairs["fund_code"])
        ok = (li >= 0) & (fi >= 0)
        eligible[li[ok], fi[ok]] = True
    dest_n = np.zeros((n_f, n_n), dtype=bool)
    dest_r = np.zeros((n_f, n_r), dtype=bool)
    if n_f:
        to_members = set(funds.loc[funds["destination"] == "members", "code"])
        mem = members[members["fund_code"].isin(to_members)]
        fi, ni = _index(fund_codes, mem["fund_code"]), _index(donors, mem["nation_code"])
        ok = (fi >= 0) & (ni >= 0)
        dest_n[fi[ok], ni[ok]] = True
        fr = funds[(funds["destination"] == "recipient") & funds["recipient_code"].notna()]
        fi, ri = _index(fund_codes, fr["code"]), _index(recips, fr["recipient_code"])
        ok = (fi >= 0) & (ri >= 0)
        dest_r[fi[ok], ri[ok]] = True

    # -- caveats --------------------------------------------------------------------------------
    excluded = np.zeros((n_n, n_i), dtype=bool)
    give_cap = np.full((n_n, n_i), np.inf)
    ni, ii = _index(donors, caveats["nation_code"]), _index(item_codes, caveats["item_code"])
    ok = (ni >= 0) & (ii >= 0)
    cv = caveats[ok]
    ni, ii = ni[ok], ii[ok]
    capped = cv["weekly_cap"].notna().to_numpy()
    give_cap[ni[capped], ii[capped]] = cv["weekly_cap"].to_numpy()[capped].astype("float64")
    excl = cv["excluded"].astype(bool).to_numpy()
    excluded[ni[excl], ii[excl]] = True
    give_cap[excluded] = 0.0

    # -- transit: weeks from a donor's stock to the recipient (nation record, or the default)
    tw = nations.set_index("code")["transit_weeks"].reindex(donors) if n_n else pd.Series([])
    tw = pd.to_numeric(tw, errors="coerce").fillna(DEFAULT_TRANSIT_WEEKS).astype("int64")
    transit = np.broadcast_to(tw.to_numpy()[:, None], (n_n, n_i)).copy()

    # -- burden sharing ---------------------------------------------------------------------------
    gdp = (
        nations.set_index("code")["gdp_eur_bn"].reindex(donors).astype(float).to_numpy()
        if n_n
        else np.zeros(0)
    )
    known = np.isfinite(gdp) & (gdp > 0)
    if n_n and known.any():
        gdp = np.where(known, gdp, gdp[known].mean())
        gdp_share = gdp / gdp.sum()
    else:
        gdp_share = np.full(n_n, 1.0 / n_n) if n_n else np.zeros(0)

    # -- recent outflow ------------------------------------------------------------------------
    outflow = np.zeros((n_n, n_i))
    if not dl.empty:
        # only what left the donor's own stock: procurement and fund deliveries come from
        # industry (as the scheduled remainders ``pout`` count only stock pledges)
        age = -_days(dl["delivered_on"], as_of)
        recent = dl[(age >= 0) & (age < 7 * outflow_window_weeks) & (dl["channel"] == "stock")]
        ni, ii = _index(donors, recent["donor_code"]), _index(item_codes, recent["item_code"])
        ok = (ni >= 0) & (ii >= 0)
        np.add.at(outflow, (ni[ok], ii[ok]), recent["quantity"].to_numpy(dtype="float64")[ok])
        outflow /= outflow_window_weeks

    # -- provenance ------------------------------------------------------------------------------
    sources = {
        "nation": _source_summary(nations, None),
        "item": _source_summary(items, None),
        "stock_report": _source_summary(stock, "as_of"),
        "stock_target": _source_summary(targets, "effective_from"),
        "need": _source_summary(needs, "stated_on"),
        "pledge": _source_summary(pledges, "announced_on"),
        "delivery": _source_summary(dl, "delivered_on"),
        "production_line": _source_summary(lines, None),
        "ramp_step": _source_summary(ramps, "effective_from"),
        "fund": _source_summary(funds, "period_start"),
        "order": _source_summary(orders, "placed_on"),
        "caveat": _source_summary(caveats, None),
        "scenario_rate": _source_summary(rates, None),
    }

    return make_snapshot(
        nations=donors,
        recipients=recips,
        items=item_codes,
        as_of=as_of,
        horizon_weeks=h,
        lines=line_codes,
        funds=fund_codes,
        scenario=scenario,
        params=params,
        item_value=item_value,
        item_unit=[str(u) for u in items["unit"]],
        item_category=[str(c) for c in items["category"]],
        line_item=[str(c) for c in lines["item_code"]],
        line_currency=lcur,
        fund_currency=fcur_all,
        outflow_window_weeks=outflow_window_weeks,
        rate_date=rate_on,
        synthetic=synthetic,
        sources=sources,
        s0=s0,
        r0=r0,
        s0_known=s0_known,
        r0_known=r0_known,
        floor=floor,
        consumption=consumption,
        consumption_cv=consumption_cv,
        need=need,
        need_demand=need_demand,
        demand=consumption + need_demand,
        weight=weight,
        pin=pin,
        pout=pout,
        arrive_n=arrive_n,
        arrive_r=arrive_r,
        outflow=outflow,
        cap=cap,
        cap_full=cap_full,
        price=price,
        lead=lead,
        budget=budget,
        price_in_fund=price_in_fund,
        eligible=eligible,
        dest_n=dest_n,
        dest_r=dest_r,
        excluded=excluded,
        give_cap=give_cap,
        gdp_share=gdp_share,
        transit=transit,
    )
