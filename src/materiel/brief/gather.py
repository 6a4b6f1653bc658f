"""Gather the figures of a meeting brief, as of the meeting date, from the read-side
queries, one snapshot per scenario, the latest plan run (or a plan solved now) and the
forecast (projection and Monte Carlo). Nothing here writes, except a plan run when asked
(``store_plan``)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import xarray as xr
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from materiel import money
from materiel.brief.compare import Headline, compare, headline
from materiel.brief.model import (
    DEFAULT_BASE_URL,
    ENTITY_PATHS,
    Brief,
    Figure,
    Footnote,
    Link,
    Section,
    Table,
    fmt_date,
    fmt_int,
    fmt_money,
    fmt_pct,
    fmt_weeks,
)
from materiel.db import read_session
from materiel.queries import (
    deliveries_table,
    fund_position,
    orders_table,
    pledges_table,
    stock_position,
)
from materiel.queries.needs import needs_table
from materiel.records import (
    Fund,
    Meeting,
    Nation,
    Order,
    PlanRun,
    ProductionLine,
    Scenario,
    StockReport,
    StockTarget,
)

CURRENCY = "EUR"
Progress = Callable[[str], None]


class BriefError(ValueError):
    """A brief cannot be made (unknown meeting or scenario)."""


@dataclass(frozen=True)
class Options:
    base_url: str = DEFAULT_BASE_URL
    scenarios: tuple[str, ...] | None = None  # None: every scenario record (else baseline)
    horizon_weeks: int = 26
    paths: int = 500
    seed: int = 0
    store_plan: bool = False
    top: int = 15
    charts: bool = True


def _rows(df: pd.DataFrame) -> Iterator[Any]:
    """Rows as named tuples (typed Any: the columns are known by construction)."""
    return iter(df.itertuples(index=False))


# -- footnotes -----------------------------------------------------------------------------
class Notes:
    def __init__(self, base_url: str, suffix: str) -> None:
        self.base_url = base_url.rstrip("/")
        self.suffix = suffix
        self.items: list[Footnote] = []

    def link(self, entity: str, key: object, label: str | None = None) -> Link:
        k = str(key)
        return Link(entity, k, label or k, f"{self.base_url}/{ENTITY_PATHS[entity]}/{k}")

    def add(self, text: str, links: Sequence[Link] = ()) -> int:
        n = len(self.items) + 1
        self.items.append(Footnote(n, f"{text} {self.suffix}".strip(), list(links)))
        return n


# -- the as-of reads -----------------------------------------------------------------------
def needs_as_of(session: Session, day: dt.date) -> pd.DataFrame:
    """:func:`materiel.queries.needs_table` as known on ``day``: needs stated and pledges
    announced on or before it."""
    return needs_table(session, as_of=day)


def live_pledges(session: Session, day: dt.date) -> pd.DataFrame:
    """Pledges announced on or before ``day``, not cancelled, valued in EUR at ``day``."""
    df = pledges_table(session, as_of=day, announced_to=day, currency=CURRENCY)
    return df.loc[df["status"] != "cancelled"].copy()


def order_split(orders: pd.DataFrame, day: dt.date) -> pd.DataFrame:
    """Orders with ``spent`` (value of the weekly instalments due on or before ``day``) and
    ``committed`` (the rest of the order's value)."""
    df = orders.copy()
    if df.empty:
        df["spent"] = pd.Series(dtype=float)
        df["committed"] = pd.Series(dtype=float)
        return df
    start = pd.to_datetime(df["delivery_start"])
    end = pd.to_datetime(df["delivery_end"])
    k = ((end - start).dt.days // 7 + 1).clip(lower=1)
    done = ((pd.Timestamp(day) - start).dt.days // 7 + 1).clip(lower=0)
    frac = (np.minimum(done, k) / k).astype(float)
    df["spent"] = df["value"].astype(float) * frac
    df["committed"] = df["value"].astype(float) - df["spent"]
    return df


def funds_eur(funds: pd.DataFrame, day: dt.date) -> float:
    if funds.empty:
        return 0.0
    total = 0.0
    for cur, part in funds.groupby("currency"):
        total += money.convert(float(part["remaining"].sum()), str(cur), CURRENCY, day).amount
    return total


# -- gather --------------------------------------------------------------------------------
def _meeting(session: Session, meeting_id: int) -> tuple[Meeting, Meeting | None]:
    m = session.get(Meeting, meeting_id)
    if m is None:
        raise BriefError(f"no meeting with id {meeting_id}")
    prev = session.scalars(
        select(Meeting)
        .where(
            (Meeting.held_on < m.held_on) | ((Meeting.held_on == m.held_on) & (Meeting.id < m.id))
        )
        .order_by(Meeting.held_on.desc(), Meeting.id.desc())
        .limit(1)
    ).first()
    return m, prev


def _meeting_dict(m: Meeting) -> dict[str, Any]:
    return {"id": m.id, "ref": m.ref, "title": m.title, "place": m.place, "held_on": m.held_on}


def _scenarios(session: Session, wanted: tuple[str, ...] | None) -> list[str]:
    known = list(session.scalars(select(Scenario.name).order_by(Scenario.id)))
    if wanted is None:
        if "baseline" in known:
            known.remove("baseline")
        return ["baseline", *known]
    bad = [s for s in wanted if s not in known and s != "baseline"]
    if bad:
        raise BriefError(
            f"unknown scenario {', '.join(map(repr, bad))}; known: {', '.join(known) or 'none'}"
        )
    return list(dict.fromkeys(wanted)) or ["baseline"]


def gather(
    engine: Engine,
    meeting_id: int,
    options: Options | None = None,
    progress: Progress | None = None,
) -> Brief:
    """Every section of the brief of ``meeting_id`` (see :mod:`materiel.brief`)."""
    from materiel.snapshot import build_snapshot

    opt = options or Options()
    step = progress or (lambda _stage: None)
    with read_session(engine) as s:
        m, prev = _meeting(s, meeting_id)
        day = m.held_on
        since = prev.held_on + dt.timedelta(days=1) if prev is not None else None
        scenarios = _scenarios(s, opt.scenarios)
        step("snapshot")
        snaps = {sc: build_snapshot(s, day, opt.horizon_weeks, sc) for sc in scenarios}
        main = snaps[scenarios[0]]
        h = str(main.attrs["content_hash"])
        rate_day = money.rate_date(day)
        synthetic = (
            bool(main.attrs.get("synthetic", False))
            or "synthetic" in str(main.attrs.get("sources", "")).lower()
        )
        recipients = [str(r) for r in main["recipient"].values]
        suffix = f"Snapshot {h[:12]}, as of {day.isoformat()}."
        if synthetic:
            suffix += " SYNTHETIC demo data."
        notes = Notes(opt.base_url, suffix)
        sources = json.loads(str(main.attrs.get("sources", "{}")) or "{}")
        empty = not any(
            v.get("count", 0) for k, v in sources.items() if k not in ("nation", "item")
        )
        brief = Brief(
            meeting=_meeting_dict(m),
            previous=_meeting_dict(prev) if prev is not None else None,
            as_of=day,
            since=since,
            snapshot_hash=h,
            rate_date=rate_day,
            synthetic=synthetic,
            sensitive=True,
            recipients=recipients,
            scenarios=scenarios,
            base_url=opt.base_url,
            empty_database=empty,
            generated=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
        )
        step("needs")
        needs = needs_as_of(s, day)
        brief.sections.append(_needs_section(needs, day, notes, opt))
        step("pledges")
        brief.sections.append(_pledges_section(s, day, since, prev, notes))
        brief.sections.append(_deliveries_section(s, day, since, prev, notes, opt))
        step("stocks")
        proj = _projection(main)
        brief.sections.append(_stocks_section(s, day, proj, notes, opt))
        step("funds")
        brief.sections.append(_funds_section(s, day, main, notes))
    step("plan")
    plan, plan_note = _plan(engine, day, prev.held_on if prev else None, main, opt)
    brief.sections.append(_plan_section(plan, plan_note, notes, opt))
    step("risk")
    brief.sections.append(_risk_section(snaps, notes, opt))
    with read_session(engine) as s:
        brief.sections.append(_burden_section(s, day, rate_day, main, notes))
        step("compare")
        now = headline(s, day, needs=needs, plan_unmet=_plan_unmet(plan))
        before: Headline | None = None
        if prev is not None:
            pplan, _ = _plan(engine, prev.held_on, None, None, opt, scenario=scenarios[0])
            before = headline(s, prev.held_on, plan_unmet=_plan_unmet(pplan))
    brief.changes = compare(now, before)
    brief.changes_note = notes.add(
        "Headline figures computed the same way as of each meeting date: needs and pledges "
        "known on that date (queries.needs_table rule, queries.pledges_table), stocks "
        "(queries.stock_position), funds (queries.fund_position, EUR at the ECB rate of each "
        "date) and the plan's unmet need (the plan run in force at each meeting, or one solved "
        "on that date's snapshot)."
        + ("" if prev is None else f" Previous meeting: {prev.ref} on {prev.held_on}."),
        [notes.link("meeting", m.id, m.ref)]
        + ([notes.link("meeting", prev.id, prev.ref)] if prev is not None else []),
    )
    brief.footnotes = notes.items
    return brief


# -- sections ------------------------------------------------------------------------------
def _fig(key: str, value: float | None, text: str, note: int | None = None) -> Figure:
    v = None if value is None or (isinstance(value, float) and np.isnan(value)) else float(value)
    return Figure(key, v, text, note)


def _needs_section(needs: pd.DataFrame, day: dt.date, notes: Notes, opt: Options) -> Section:
    sec = Section("needs", "Urgent unmet needs")
    if needs.empty:
        sec.empty = f"No needs were stated on or before {day.isoformat()}."
        return sec
    open_ = needs.loc[needs["status"] != "covered"]
    urgent = open_.loc[open_["priority"].isin(["critical", "high"])]
    shown = urgent.head(opt.top * 2)
    n_all = notes.add(
        f"Query: needs stated on or before {day.isoformat()} ({len(needs)} records), coverage "
        "by non-cancelled pledges announced by that date, allocated critical first "
        f"(queries.needs_table rule); {len(open_)} not fully covered.",
    )
    for p in ("critical", "high", "routine"):
        rows = open_.loc[open_["priority"] == p]
        sec.figures.append(_fig(f"open-{p}", len(rows), fmt_int(len(rows)), n_all))
        qty = float(rows["open_quantity"].sum())
        sec.figures.append(_fig(f"open-{p}-quantity", qty, fmt_int(qty), n_all))
    if shown.empty:
        sec.paragraphs.append("No critical or high-priority need is left uncovered.")
        return sec
    links = [notes.link("need", i, r) for i, r in zip(shown["id"], shown["ref"], strict=True)]
    n_rows = notes.add(
        f"Needs records ({len(shown)} shown of {len(urgent)} critical/high not fully covered): "
        "open quantity = stated quantity − pledged quantity allocated to the need.",
        links,
    )
    rows_out: list[list[Figure | str]] = []
    for r in _rows(shown):
        overdue = (day - r.needed_by).days if r.needed_by is not None else 0
        rows_out.append(
            [
                str(r.ref),
                str(r.recipient_code),
                str(r.item_code),
                str(r.priority),
                _fig(f"need-open:{r.ref}", r.open_quantity, fmt_int(r.open_quantity)),
                fmt_int(r.quantity),
                fmt_date(r.needed_by),
                fmt_date(r.stated_on),
                f"overdue {overdue} d" if overdue > 0 else "",
            ]
        )
    sec.tables.append(
        (
            "Critical and high-priority needs not fully covered",
            Table(
                [
                    "need",
                    "recipient",
                    "item",
                    "priority",
                    "open",
                    "stated qty",
                    "needed by",
                    "stated on",
                    "status",
                ],
                rows_out,
                n_rows,
                more=len(urgent) - len(shown),
                numeric=(4, 5),
            ),
        )
    )
    return sec


def _period(since: dt.date | None, day: dt.date, prev: Meeting | None) -> str:
    if prev is None or since is None:
        return f"up to {day.isoformat()} (no previous meeting: since records began)"
    return f"from {since.isoformat()} to {day.isoformat()} (since {prev.ref})"


def _pledges_section(
    s: Session, day: dt.date, since: dt.date | None, prev: Meeting | None, notes: Notes
) -> Section:
    sec = Section("pledges", "Pledges notified since the previous meeting")
    period = _period(since, day, prev)
    sec.paragraphs.append(f"Period: {period}.")
    if prev is None:
        sec.paragraphs.append("There is no previous meeting on record.")
    df = pledges_table(s, as_of=day, announced_from=since, announced_to=day, currency=CURRENCY)
    df = df.loc[df["status"] != "cancelled"]
    if df.empty:
        sec.empty = f"No pledges were notified {period}."
        return sec
    links = [notes.link("pledge", i, r) for i, r in zip(df["id"], df["ref"], strict=True)]
    n = notes.add(
        f"Pledge records announced {period}, not cancelled ({len(df)}); value stated or "
        f"quantity × catalogue unit value, in EUR at the ECB rate of "
        f"{fmt_date(df['rate_date'].dropna().max())}.",
        links,
    )
    total = float(df["value"].sum())
    sec.figures += [
        _fig("pledges-new-count", len(df), fmt_int(len(df)), n),
        _fig("pledges-new-value", total, fmt_money(total, CURRENCY), n),
        _fig(
            "pledges-new-donors", df["donor_code"].nunique(), fmt_int(df["donor_code"].nunique()), n
        ),
    ]
    g = df.groupby("donor_code")
    by = pd.DataFrame(
        {
            "pledges": g.size(),
            "quantity": g["quantity"].sum(),
            "value": g["value"].sum(),
            "confidential": g["confidential"].sum(),
            "items": g["item_code"].agg(
                lambda x: ", ".join(sorted(set(x))[:3]) + (" …" if x.nunique() > 3 else "")
            ),
        }
    ).sort_values("value", ascending=False)
    rows: list[list[Figure | str]] = [
        [
            str(d),
            fmt_int(r.pledges),
            str(r.items),
            fmt_int(r.quantity),
            _fig(f"donor-new-value:{d}", r.value, fmt_money(r.value, CURRENCY)),
            fmt_int(r.confidential) if r.confidential else "",
        ]
        for d, r in zip(by.index, _rows(by), strict=True)
    ]
    sec.tables.append(
        (
            "New pledges by donor",
            Table(
                ["donor", "pledges", "items", "quantity", "value", "confidential"],
                rows,
                n,
                numeric=(1, 3, 4, 5),
            ),
        )
    )
    return sec


def _deliveries_section(
    s: Session,
    day: dt.date,
    since: dt.date | None,
    prev: Meeting | None,
    notes: Notes,
    opt: Options,
) -> Section:
    sec = Section("deliveries", "Deliveries and late pledges")
    period = _period(since, day, prev)
    dl = deliveries_table(s, since=since, until=day, currency=CURRENCY)
    if dl.empty:
        sec.paragraphs.append(f"No deliveries were recorded {period}.")
    else:
        links = [notes.link("delivery", i, r) for i, r in zip(dl["id"], dl["ref"], strict=True)]
        n = notes.add(
            f"Delivery records dated {period} ({len(dl)}); value pro rata of the pledge's "
            "value, in EUR at the ECB rate of the meeting date.",
            links,
        )
        val = float(dl["value"].sum())
        sec.figures += [
            _fig("deliveries-count", len(dl), fmt_int(len(dl)), n),
            _fig("deliveries-value", val, fmt_money(val, CURRENCY), n),
        ]
        g = dl.groupby("item_code")
        by = pd.DataFrame(
            {"deliveries": g.size(), "quantity": g["quantity"].sum(), "value": g["value"].sum()}
        ).sort_values("value", ascending=False)
        shown = by.head(opt.top)
        sec.tables.append(
            (
                f"Deliveries {period}, by item",
                Table(
                    ["item", "deliveries", "quantity", "value"],
                    [
                        [
                            str(i),
                            fmt_int(r.deliveries),
                            _fig(f"delivered-qty:{i}", r.quantity, fmt_int(r.quantity)),
                            fmt_money(r.value, CURRENCY),
                        ]
                        for i, r in zip(shown.index, _rows(shown), strict=True)
                    ],
                    n,
                    more=len(by) - len(shown),
                    numeric=(1, 2, 3),
                ),
            )
        )
    late = pledges_table(s, as_of=day, announced_to=day, late=True, currency=CURRENCY)
    if late.empty:
        sec.paragraphs.append(f"No pledge was late on {day.isoformat()}.")
        n0 = notes.add(
            f"Query: pledges announced by {day.isoformat()}, due before it, not fully "
            "delivered and not cancelled (queries.pledges_table late=True): none."
        )
        sec.figures.append(_fig("late-count", 0, "0", n0))
        return sec
    late = late.sort_values(["days_late", "value"], ascending=[False, False])
    shown_l = late.head(opt.top)
    links = [notes.link("pledge", i, r) for i, r in zip(shown_l["id"], shown_l["ref"], strict=True)]
    n_late = notes.add(
        f"Query: pledges announced by {day.isoformat()}, due before it, not fully delivered "
        f"and not cancelled ({len(late)}; queries.pledges_table late=True); "
        f"{len(shown_l)} longest overdue linked.",
        links,
    )
    rem_val = float((late["value"] * late["remaining"] / late["quantity"]).sum())
    sec.figures += [
        _fig("late-count", len(late), fmt_int(len(late)), n_late),
        _fig("late-remaining-value", rem_val, fmt_money(rem_val, CURRENCY), n_late),
    ]
    sec.tables.append(
        (
            "Late pledges, longest overdue first",
            Table(
                ["pledge", "donor", "item", "remaining", "of", "due by", "days late"],
                [
                    [
                        str(r.ref),
                        str(r.donor_code),
                        str(r.item_code),
                        _fig(f"late-remaining:{r.ref}", r.remaining, fmt_int(r.remaining)),
                        fmt_int(r.quantity),
                        fmt_date(r.due_by),
                        fmt_int(r.days_late),
                    ]
                    for r in _rows(shown_l)
                ],
                n_late,
                more=len(late) - len(shown_l),
                numeric=(3, 4, 6),
            ),
        )
    )
    return sec


def _projection(snap: xr.Dataset) -> xr.Dataset:
    from materiel.forecast import project

    return project(snap)


def _latest_ids(
    s: Session, day: dt.date
) -> tuple[dict[tuple[str, str], int], dict[tuple[str, str], int]]:
    reports = s.execute(
        select(StockReport.id, StockReport.nation_code, StockReport.item_code, StockReport.as_of)
        .where(StockReport.as_of <= day)
        .order_by(StockReport.as_of, StockReport.id)
    ).all()
    targets = s.execute(
        select(StockTarget.id, StockTarget.nation_code, StockTarget.item_code)
        .where(StockTarget.effective_from <= day)
        .order_by(StockTarget.effective_from, StockTarget.id)
    ).all()
    rep = {(n, i): rid for rid, n, i, _ in reports}  # later rows overwrite: latest wins
    tgt = {(n, i): tid for tid, n, i in targets}
    return rep, tgt


def _stocks_section(
    s: Session, day: dt.date, proj: xr.Dataset, notes: Notes, opt: Options
) -> Section:
    from materiel.forecast import ranking

    sec = Section("stocks", "Stocks against targets")
    sec.paragraphs.append(
        "SENSITIVE: national stock figures. For coordinators and ministers only; do not "
        "forward to analysts or donors other than the holder."
    )
    pos = stock_position(s, as_of=day)
    pos = pos.loc[pos["quantity"].notna() & pos["target"].notna()].copy()
    if pos.empty:
        sec.empty = f"No stock report with a target in force on {day.isoformat()}."
        return sec
    rank = ranking(proj, include_idle=True)
    rank = rank.loc[rank["kind"] == "donor"]
    df = pos.merge(
        rank[["holder", "item", "weekly_use", "weeks_of_supply", "cross_week", "cross_date"]],
        left_on=["nation_code", "item_code"],
        right_on=["holder", "item"],
        how="left",
    )
    df["cover"] = df["cover"].astype(float)
    df = df.sort_values(["cross_week", "cover", "nation_code", "item_code"], na_position="last")
    below = int(df["below_target"].sum())
    rep_ids, tgt_ids = _latest_ids(s, day)
    n_all = notes.add(
        f"Query: latest stock report on or before {day.isoformat()} per holder and item with "
        f"the target in force (queries.stock_position; {len(df)} series, reports dated "
        f"{fmt_date(min(df['as_of']))} to {fmt_date(max(df['as_of']))}); depletion week = "
        "first week the status-quo projection (forecast.project: recent weekly outflow and "
        "scheduled arrivals) falls below target.",
    )
    sec.figures += [
        _fig("stocks-below-target", below, fmt_int(below), n_all),
        _fig("stocks-series", len(df), fmt_int(len(df)), n_all),
    ]
    crossing = df["cross_week"].notna() & (df["cross_week"] < proj.sizes["week"])
    n_cross = int((crossing & ~df["below_target"]).sum())
    sec.figures.append(_fig("stocks-crossing", n_cross, fmt_int(n_cross), n_all))
    shown = df.head(opt.top)
    links: list[Link] = []
    for r in _rows(shown):
        key = (str(r.nation_code), str(r.item_code))
        if key in rep_ids:
            links.append(
                notes.link("stock_report", rep_ids[key], f"report {r.nation_code} {r.item_code}")
            )
        if key in tgt_ids:
            links.append(
                notes.link("stock_target", tgt_ids[key], f"target {r.nation_code} {r.item_code}")
            )
    n_rows = notes.add(
        f"Stock report and target records of the {len(shown)} series shown (worst first).",
        links,
    )
    rows: list[list[Figure | str]] = []
    for r in _rows(shown):
        k = f"{r.nation_code}:{r.item_code}"
        rows.append(
            [
                str(r.nation_code),
                str(r.item_code),
                _fig(f"stock:{k}", float(r.quantity), fmt_int(r.quantity)),
                fmt_int(r.target),
                fmt_pct(100 * r.cover if pd.notna(r.cover) else None, 0),
                fmt_int(r.weekly_use),
                _fig(
                    f"depletion-week:{k}",
                    r.cross_week if pd.notna(r.cross_week) else None,
                    "now" if r.below_target else fmt_weeks(r.cross_week),
                ),
                "below now" if r.below_target else fmt_date(r.cross_date),
            ]
        )
    sec.tables.append(
        (
            "Stocks against targets, worst first",
            Table(
                [
                    "holder",
                    "item",
                    "stock",
                    "target",
                    "cover",
                    "use/week",
                    "weeks to target",
                    "date",
                ],
                rows,
                n_rows,
                more=len(df) - len(shown),
                numeric=(2, 3, 4, 5, 6),
            ),
        )
    )
    if opt.charts:
        cand = df.loc[crossing & ~df["below_target"]]
        if not cand.empty:
            # the largest stock (in units) that falls below its target within the horizon
            cand = cand.sort_values(["target", "nation_code"], ascending=[False, True])
            from materiel.charts import (
                caption,
                cross_date_of,
                stock_trajectory,
                to_svg_str,
                trajectory_frame,
            )

            r0 = cand.iloc[0]
            holder, item = str(r0["nation_code"]), str(r0["item_code"])
            chart = stock_trajectory(
                trajectory_frame(proj, holder, item),
                source=caption(proj, f"{holder} {item}"),
                title=f"{holder}: {item}, stock and target at the current rate",
                cross_date=cross_date_of(proj, holder, item),
            )
            sec.charts.append(
                (
                    to_svg_str(chart),
                    f"The largest stock to fall below its target in the horizon: {holder} {item}.",
                    n_all,
                )
            )
    return sec


def _funds_section(s: Session, day: dt.date, snap: xr.Dataset, notes: Notes) -> Section:
    sec = Section("funds", "Collective funds")
    funds = fund_position(s, as_of=day)
    if funds.empty:
        sec.empty = "No funds are recorded."
        return sec
    orders = order_split(orders_table(s, as_of=day), day)
    ids = {str(c): int(i) for c, i in s.execute(select(Fund.code, Fund.id)).all()}
    oids = {
        str(r): int(i)
        for r, i in s.execute(select(Order.ref, Order.id).where(Order.placed_on <= day)).all()
    }
    links = [notes.link("fund", ids[c], c) for c in funds["code"]]
    links += [notes.link("purchase_order", oids[r], r) for r in orders["ref"] if r in oids]
    rem_eur = funds_eur(funds, day)
    n = notes.add(
        f"Fund records ({len(funds)}) and their orders placed on or before {day.isoformat()} "
        f"({len(orders)}; queries.fund_position, queries.orders_table). Spent = value of the "
        "weekly instalments due by the meeting date; committed = the rest of the orders' "
        "value; remaining = budget − orders placed (order values in the fund's currency at "
        f"the ECB rate of the day placed). Total remaining in EUR at the ECB rate of "
        f"{money.rate_date(day).isoformat()}.",
        links,
    )
    sec.figures.append(_fig("funds-remaining-eur", rem_eur, fmt_money(rem_eur, CURRENCY), n))
    by = (
        orders.groupby("fund_code")[["spent", "committed"]].sum()
        if not orders.empty
        else pd.DataFrame(columns=["spent", "committed"])
    )
    buys = buys_table(snap, funds)
    line_ids = {
        str(c): int(i) for c, i in s.execute(select(ProductionLine.code, ProductionLine.id)).all()
    }
    n_buy = notes.add(
        "What the remaining budget buys: remaining / unit price in the fund's currency (ECB "
        f"rate of {snap.attrs.get('rate_date')}), cheapest eligible line first, limited by "
        f"each line's capacity left over the {snap.sizes['week']}-week horizon after orders "
        "already placed (snapshot variables budget, price_in_fund, eligible, cap). Each fund "
        "is counted alone: funds buying from the same line share its capacity.",
        [notes.link("production_line", line_ids[c], c) for c in buys["line"].unique()],
    )
    rows: list[list[Figure | str]] = []
    for r in _rows(funds):
        c = str(r.code)
        spent = float(by["spent"].get(c, 0.0)) if c in by.index else 0.0
        committed = float(by["committed"].get(c, 0.0)) if c in by.index else 0.0
        rows.append(
            [
                c,
                str(r.name),
                fmt_money(r.budget, r.currency),
                _fig(f"fund-spent:{c}", spent, fmt_money(spent, r.currency)),
                _fig(f"fund-committed:{c}", committed, fmt_money(committed, r.currency)),
                _fig(f"fund-remaining:{c}", float(r.remaining), fmt_money(r.remaining, r.currency)),
            ]
        )
    sec.tables.append(
        (
            "Funds: spent, committed and remaining",
            Table(
                ["fund", "name", "budget", "spent", "committed", "remaining"],
                rows,
                n,
                numeric=(2, 3, 4, 5),
            ),
        )
    )
    if buys.empty:
        sec.paragraphs.append("No fund can buy from a production line with capacity left.")
        return sec
    total = buys.groupby("fund")["units"].sum()
    buy_rows: list[list[Figure | str]] = []
    for b in _rows(buys):
        first = b.line == buys.loc[buys["fund"] == b.fund, "line"].iloc[0]
        buy_rows.append(
            [
                str(b.fund) if first else "",
                _fig(f"fund-buys:{b.fund}", float(total[b.fund]), fmt_int(total[b.fund]), n_buy)
                if first
                else "",
                str(b.line),
                str(b.item),
                _fig(f"fund-buys:{b.fund}:{b.line}", float(b.units), fmt_int(b.units)),
                fmt_money(b.cost, str(b.currency)),
                str(b.limit) if first else "",
            ]
        )
    sec.tables.append(
        (
            "What the remaining money buys at current prices and capacity",
            Table(
                ["fund", "units in all", "line", "item", "units", "cost", "limited by"],
                buy_rows,
                n_buy,
                numeric=(1, 4, 5),
            ),
        )
    )
    return sec


BUY_COLUMNS = ["fund", "line", "item", "units", "cost", "currency", "limit"]


def buys_table(snap: xr.Dataset, funds: pd.DataFrame) -> pd.DataFrame:
    """Per fund and line: the units the fund's remaining budget buys, cheapest eligible
    line first, each line limited by its capacity left over the horizon; ``limit`` says
    whether the budget or the capacity runs out first."""
    if snap.sizes.get("line", 0) == 0 or snap.sizes.get("fund", 0) == 0 or funds.empty:
        return pd.DataFrame(columns=BUY_COLUMNS)
    lines = np.asarray([str(x) for x in snap["line"].values], dtype=object)
    line_item = np.asarray([str(x) for x in snap["line_item"].values], dtype=object)
    cap = snap["cap"].sum("week").transpose("line").values.astype(float)
    fund_codes = [str(f) for f in snap["fund"].values]
    currency = [str(c) for c in snap["fund_currency"].values]
    price = snap["price_in_fund"].transpose("line", "fund").values
    elig = snap["eligible"].transpose("line", "fund").values
    remaining = dict(zip(funds["code"].astype(str), funds["remaining"].astype(float), strict=True))
    parts = []
    for j, f in enumerate(fund_codes):  # a handful of funds; the lines are vectorised
        ok = np.flatnonzero(elig[:, j] & (price[:, j] > 0) & (cap > 0))
        if len(ok) == 0:
            continue
        budget = max(remaining.get(f, 0.0), 0.0)
        order = ok[np.argsort(price[ok, j], kind="stable")]
        cost = price[order, j] * cap[order]
        before = np.concatenate([[0.0], np.cumsum(cost)[:-1]])
        spend = np.clip(budget - before, 0.0, cost)
        keep = spend > 0
        if not keep.any():
            continue
        parts.append(
            pd.DataFrame(
                {
                    "fund": f,
                    "line": lines[order[keep]],
                    "item": line_item[order[keep]],
                    "units": spend[keep] / price[order[keep], j],
                    "cost": spend[keep],
                    "currency": currency[j],
                    "limit": "capacity" if budget > cost.sum() + 1e-6 else "budget",
                }
            )
        )
    if not parts:
        return pd.DataFrame(columns=BUY_COLUMNS)
    return pd.concat(parts, ignore_index=True)[BUY_COLUMNS]


# -- plan ----------------------------------------------------------------------------------
@dataclass
class PlanInfo:
    result: Any  # PlanResult
    run_id: int | None


def _plan(
    engine: Engine,
    day: dt.date,
    after: dt.date | None,
    snap: xr.Dataset | None,
    opt: Options,
    *,
    scenario: str | None = None,
) -> tuple[PlanInfo, str]:
    """The latest stored optimal plan run dated in (after, day] for the scenario, else a
    plan solved now (stored when ``opt.store_plan``)."""
    from materiel.plan import solve
    from materiel.plan.store import load_plan

    sc = scenario or (str(snap.attrs["scenario"]) if snap is not None else "baseline")
    with read_session(engine) as s:
        stmt = select(PlanRun.id).where(
            PlanRun.as_of <= day, PlanRun.scenario == sc, PlanRun.status == "Optimal"
        )
        if after is not None:
            stmt = stmt.where(PlanRun.as_of > after)
        run_id = s.scalar(stmt.order_by(PlanRun.as_of.desc(), PlanRun.id.desc()).limit(1))
    if run_id is not None:
        r = load_plan(engine, int(run_id))
        return PlanInfo(r, int(run_id)), f"Plan run {run_id} (stored, as of {r.as_of})"
    if opt.store_plan:
        from materiel.plan.service import run_and_store

        rid = run_and_store(
            engine, as_of=day, horizon_weeks=opt.horizon_weeks, scenario=sc, actor="brief"
        )
        r = load_plan(engine, rid)
        return PlanInfo(r, rid), f"Plan run {rid} (solved and stored for this brief)"
    if snap is None:
        from materiel.snapshot import build_snapshot

        snap = build_snapshot(engine, day, opt.horizon_weeks, sc)
    r = solve(snap, time_limit=60.0)
    return PlanInfo(r, None), "Plan solved when the brief was made (not stored)"


def _plan_unmet(plan: PlanInfo) -> float | None:
    t = plan.result.tables.get("unmet")
    if t is None or not plan.result.optimal:
        return None
    return float(t["unmet"].sum()) if len(t) else 0.0


def _one(x: object) -> str:
    """One decimal, without a negative zero."""
    return f"{round(float(str(x)), 1) + 0.0:,.1f}"


def _plan_section(plan: PlanInfo, how: str, notes: Notes, opt: Options) -> Section:
    r = plan.result
    sec = Section("plan", "The latest plan")
    links = [notes.link("plan_run", plan.run_id, f"plan run {plan.run_id}")] if plan.run_id else []
    n = notes.add(
        f"{how}: scenario {r.scenario}, {r.horizon_weeks} weeks from {r.as_of}, status "
        f"{r.status}, objective {r.objective if r.objective is None else round(r.objective, 2)}, "
        f"plan snapshot {str(r.snapshot_hash)[:12]}.",
        links,
    )
    sec.paragraphs.append(
        f"{how}; scenario {r.scenario}, {r.horizon_weeks} weeks from {r.as_of}, solver status "
        f"{r.status}."
    )
    if not r.optimal:
        sec.empty = f"The plan did not solve to optimality (status {r.status})."
        return sec
    unmet = r.tables.get("unmet", pd.DataFrame())
    tr = r.tables.get("transfers", pd.DataFrame())
    orders = r.tables.get("orders", pd.DataFrame())
    total_unmet = float(unmet["unmet"].sum()) if len(unmet) else 0.0
    demand = float(unmet["demand"].sum()) if len(unmet) else 0.0
    crit = float(unmet.loc[unmet["weight"] >= 100, "unmet"].sum()) if len(unmet) else 0.0
    tq = float(tr["quantity"].sum()) if len(tr) else 0.0
    sec.figures += [
        _fig("plan-unmet", total_unmet, fmt_int(total_unmet), n),
        _fig("plan-demand", demand, fmt_int(demand), n),
        _fig("plan-unmet-critical", crit, fmt_int(crit), n),
        _fig("plan-transfers", tq, fmt_int(tq), n),
        _fig("plan-orders", len(orders), fmt_int(len(orders)), n),
    ]
    if len(tr):
        g = tr.groupby(["donor", "item"], as_index=False)["quantity"].sum()
        g = g.sort_values("quantity", ascending=False)
        shown = g.head(opt.top)
        sec.tables.append(
            (
                "Proposed transfers from donor stocks (sum over the horizon)",
                Table(
                    ["donor", "item", "quantity"],
                    [
                        [
                            str(x.donor),
                            str(x.item),
                            _fig(f"transfer:{x.donor}:{x.item}", x.quantity, fmt_int(x.quantity)),
                        ]
                        for x in _rows(shown)
                    ],
                    n,
                    more=len(g) - len(shown),
                    numeric=(2,),
                ),
            )
        )
    if len(orders):
        g = orders.groupby(["fund", "line", "item", "currency"], as_index=False)[
            ["quantity", "cost"]
        ].sum()
        g = g.sort_values("cost", ascending=False)
        sec.tables.append(
            (
                "Proposed orders",
                Table(
                    ["fund", "line", "item", "quantity", "cost"],
                    [
                        [
                            str(x.fund),
                            str(x.line),
                            str(x.item),
                            _fig(f"order:{x.fund}:{x.line}", x.quantity, fmt_int(x.quantity)),
                            fmt_money(x.cost, str(x.currency)),
                        ]
                        for x in _rows(g.head(opt.top))
                    ],
                    n,
                    more=max(0, len(g) - opt.top),
                    numeric=(3, 4),
                ),
            )
        )
    if len(unmet):
        names = {100.0: "critical", 10.0: "high", 1.0: "routine"}
        g = unmet.groupby("weight", as_index=False)[["demand", "unmet"]].sum()
        g = g.sort_values("weight", ascending=False)
        sec.tables.append(
            (
                "Unmet need left by the plan, by priority",
                Table(
                    ["priority", "demand", "unmet"],
                    [
                        [
                            names.get(float(x.weight), f"weight {x.weight:g}"),
                            fmt_int(x.demand),
                            fmt_int(x.unmet),
                        ]
                        for x in _rows(g)
                    ],
                    n,
                    numeric=(1, 2),
                ),
            )
        )
    rank = r.tables.get("ranking", pd.DataFrame())
    marg = r.tables.get("marginals", pd.DataFrame())
    if len(rank):
        top = rank.head(5)
        sec.tables.append(
            (
                "Where the next million does most good",
                Table(
                    [
                        "kind",
                        "name",
                        "objective gain per USD 1 m",
                        "high-priority units per USD 1 m",
                        "checked",
                    ],
                    [
                        [
                            str(x.kind),
                            str(x.name),
                            _one(x.objective_per_million_usd),
                            _fig(
                                f"marginal:{x.name}",
                                float(x.high_priority_units_per_million_usd),
                                _one(x.high_priority_units_per_million_usd),
                            ),
                            "yes" if x.checked is True else "no" if x.checked is False else "",
                        ]
                        for x in _rows(top)
                    ],
                    n,
                    numeric=(2, 3),
                ),
            )
        )
    if len(marg):
        sec.paragraphs += [str(x) for x in marg["sentence"].head(5)]
    return sec


# -- risk ----------------------------------------------------------------------------------
def _risk_section(snaps: dict[str, xr.Dataset], notes: Notes, opt: Options) -> Section:
    """Per scenario: recipient items by probability of a shortfall by the end of the
    horizon (then the earliest week it passes 50 %, then the expected shortfall)."""
    from materiel.forecast import simulate

    sec = Section("risk", "Risk under the chosen scenarios")
    first_chart = True
    for sc, snap in snaps.items():
        mc = simulate(snap, paths=opt.paths, seed=opt.seed, quantile_paths=min(opt.paths, 500))
        kinds = mc["holder_kind"].values
        rec = np.flatnonzero(kinds == "recipient")
        weeks = int(snap.sizes["week"])
        n = notes.add(
            f"Monte Carlo (forecast.simulate), scenario {sc}, {opt.paths} paths, seed "
            f"{opt.seed}, {weeks} weeks from {snap.attrs['as_of']}, scenario snapshot "
            f"{str(snap.attrs['content_hash'])[:12]}: probability of at least one week of "
            "recipient shortfall by the end of the horizon; first week it passes 50 %; "
            "expected shortfall = mean unmet quantity summed over the horizon.",
        )
        if len(rec) == 0:
            continue
        by = mc["p_short_by"].values[rec]  # (recipient, item, week)
        p = by[:, :, -1]
        above = by > 0.5
        first = np.where(above.any(axis=2), above.argmax(axis=2), weeks).astype(float)
        unmet = mc["mean_unmet"].values[rec].sum(axis=2)
        hi, ii = np.nonzero(p > 0)
        order = np.lexsort((-unmet[hi, ii], first[hi, ii], -p[hi, ii]))
        likely = int((p >= 0.5).sum())
        sec.figures.append(_fig(f"risk-likely:{sc}", likely, fmt_int(likely), n))
        if len(order) == 0:
            sec.paragraphs.append(f"Scenario {sc}: no recipient shortfall in any simulated path.")
            continue
        holders = [str(x) for x in mc["holder"].values[rec]]
        items = [str(x) for x in mc["item"].values]
        starts = [pd.Timestamp(x).date() for x in mc["week_start"].values]
        rows: list[list[Figure | str]] = []
        for k in order[: opt.top]:
            h, i, f = holders[hi[k]], items[ii[k]], first[hi[k], ii[k]]
            pr = float(p[hi[k], ii[k]])
            rows.append(
                [
                    h,
                    i,
                    _fig(f"risk:{sc}:{h}:{i}", pr, fmt_pct(100 * pr, 0)),
                    starts[int(f)].isoformat() if f < weeks else "",
                    fmt_int(unmet[hi[k], ii[k]]),
                ]
            )
        sec.tables.append(
            (
                f"Scenario {sc}: probability of a recipient shortfall within {weeks} weeks",
                Table(
                    [
                        "recipient",
                        "item",
                        "probability",
                        "passes 50 % in week of",
                        "expected short",
                    ],
                    rows,
                    n,
                    more=len(order) - len(rows),
                    numeric=(2, 4),
                ),
            )
        )
        if opt.charts and first_chart and "stock_q" in mc:
            from materiel.charts import caption, fan_chart, fan_frame, to_svg_str

            # of the most likely shortfalls, the one with the most stock to show in the fan
            top = order[: opt.top]
            median = mc["stock_q"].sel(quantile=0.5, method="nearest").values[rec]
            peak = median.max(axis=2)[hi[top], ii[top]]
            k = top[int(np.argmax(peak))]
            h, i = holders[hi[k]], items[ii[k]]
            chart = fan_chart(
                fan_frame(mc, h, i), source=caption(mc, f"{h} {i}"), title=f"{h}: {i} ({sc})"
            )
            sec.charts.append(
                (to_svg_str(chart), f"A likely shortfall: {h} {i}, scenario {sc}.", n)
            )
            first_chart = False
    if not sec.tables:
        sec.empty = "No recipient shortfall appears in any simulated path."
    _gap(sec, next(iter(snaps.values())), notes, opt)
    return sec


def _gap(sec: Section, snap: xr.Dataset, notes: Notes, opt: Options) -> None:
    """The structural gap: what the recipients consume against what the lines make."""
    from materiel.forecast import alliance_table, gap_by_month, project

    proj = project(snap)
    table = alliance_table(proj)
    value = dict(zip(map(str, snap["item"].values), snap["item_value"].values, strict=True))
    table["gap_value"] = table["gap_per_month"] * table["item"].map(value).astype(float)
    table = table.loc[table["gap_per_month"] > 0].sort_values("gap_value", ascending=False)
    table = table.head(opt.top // 3 or 1)
    if table.empty:
        return
    n = notes.add(
        f"Status-quo projection (forecast.project, forecast.alliance_table), scenario "
        f"{snap.attrs['scenario']}, {snap.sizes['week']} weeks from {snap.attrs['as_of']}: "
        "consumption of the recipients (ScenarioRate) against the capacity of the production "
        "lines with their ramp (× the scenario's production achievement), per month; value "
        f"at the catalogue unit value in USD (ECB rate of {snap.attrs.get('rate_date')}).",
    )
    sec.tables.append(
        (
            "Structural gap: monthly consumption against production, largest value first",
            Table(
                ["item", "consumption / month", "production / month", "gap / month", "gap value"],
                [
                    [
                        str(r.item),
                        fmt_int(r.consumption_per_month),
                        fmt_int(r.production_per_month),
                        _fig(f"gap:{r.item}", float(r.gap_per_month), fmt_int(r.gap_per_month)),
                        fmt_money(r.gap_value, "USD"),
                    ]
                    for r in _rows(table)
                ],
                n,
                numeric=(1, 2, 3, 4),
            ),
        )
    )
    if opt.charts:
        from materiel.charts import caption, gap_bars, to_svg_str

        months = gap_by_month(proj)
        months = months.loc[months["item"].isin(table["item"].head(4))]
        chart = gap_bars(months, source=caption(proj, "alliance-wide"))
        sec.charts.append(
            (to_svg_str(chart), "Structural gap per month of the items short the most by value.", n)
        )


# -- burden sharing ------------------------------------------------------------------------
def burden_frame(s: Session, day: dt.date) -> pd.DataFrame:
    """Per donor with a GDP: pledged value (EUR, ECB rate of ``day``), % of GDP, share of
    the pledged total and share of the donors' GDP."""
    pl = live_pledges(s, day)
    value = pl.groupby("donor_code")["value"].sum() if not pl.empty else pd.Series(dtype=float)
    nations = pd.DataFrame(
        s.execute(
            select(Nation.code, Nation.gdp_eur_bn, Nation.gdp_year, Nation.gdp_source).where(
                Nation.is_donor.is_(True)
            )
        ).all(),
        columns=["code", "gdp_eur_bn", "gdp_year", "gdp_source"],
    )
    nations = nations.loc[nations["gdp_eur_bn"].notna() & (nations["gdp_eur_bn"] > 0)].copy()
    nations["pledged"] = nations["code"].map(value).astype(float).fillna(0.0)
    total = float(nations["pledged"].sum())
    nations["pct_gdp"] = 100 * nations["pledged"] / (nations["gdp_eur_bn"] * 1e9)
    nations["share"] = nations["pledged"] / total if total > 0 else 0.0
    nations["gdp_share"] = nations["gdp_eur_bn"] / nations["gdp_eur_bn"].sum()
    nations["ratio"] = nations["share"] / nations["gdp_share"]
    return nations.sort_values(["pct_gdp", "code"], ascending=[False, True]).reset_index(drop=True)


def _burden_section(
    s: Session, day: dt.date, rate_day: dt.date, snap: xr.Dataset, notes: Notes
) -> Section:
    sec = Section("burden", "Burden sharing")
    df = burden_frame(s, day)
    if df.empty or float(df["pledged"].sum()) <= 0:
        sec.empty = f"No pledges by donors with a recorded GDP up to {day.isoformat()}."
        return sec
    years = sorted({int(y) for y in df["gdp_year"].dropna()})
    src = sorted({str(x) for x in df["gdp_source"].dropna()})
    n = notes.add(
        f"Pledges announced by {day.isoformat()}, not cancelled, valued in EUR at the ECB rate "
        f"of {rate_day.isoformat()} (money.convert), against Nation GDP (EUR bn, "
        f"{'/'.join(map(str, years)) or 'year n/a'}; {'; '.join(src[:2]) or 'source n/a'}). "
        "Share = donor's part of the pledged total; GDP share = its part of the listed donors' "
        "GDP.",
        [notes.link("nation", c) for c in df["code"]],
    )
    total = float(df["pledged"].sum())
    sec.figures.append(_fig("burden-total", total, fmt_money(total, CURRENCY), n))
    rows: list[list[Figure | str]] = [
        [
            str(r.code),
            fmt_money(r.pledged, CURRENCY),
            _fig(f"burden-pct-gdp:{r.code}", r.pct_gdp, f"{r.pct_gdp:.3f} %"),
            fmt_pct(100 * r.share),
            fmt_pct(100 * r.gdp_share),
            f"{r.ratio:.2f}",
        ]
        for r in _rows(df)
    ]
    sec.tables.append(
        (
            "Contribution as % of GDP against GDP share",
            Table(
                ["donor", "pledged", "% of GDP", "share of pledges", "GDP share", "ratio"],
                rows,
                n,
                numeric=(1, 2, 3, 4, 5),
            ),
        )
    )
    return sec
