"""Build the synthetic demo scenario as plain records (no database): same seed and as-of date,
same records. :mod:`materiel.demo.load` writes them through the audited write path."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from materiel.demo import profiles as prof
from materiel.reference import catalogue, gdp_table

DAY = dt.timedelta(days=1)


def source_label(seed: int) -> str:
    return f"synthetic demo data (seed {seed})"


@dataclass
class PledgePlan:
    fields: dict[str, Any]
    deliveries: list[dict[str, Any]] = field(default_factory=list)
    final_status: str | None = None  # committed or cancelled; None: derived from deliveries


@dataclass
class DemoPlan:
    seed: int
    as_of: dt.date
    source: str
    donors: list[str]
    recipients: list[str]
    organisations: list[dict[str, Any]] = field(default_factory=list)
    lines: list[dict[str, Any]] = field(default_factory=list)
    ramp_steps: list[dict[str, Any]] = field(default_factory=list)
    funds: list[dict[str, Any]] = field(default_factory=list)
    fund_items: list[dict[str, Any]] = field(default_factory=list)
    fund_members: list[dict[str, Any]] = field(default_factory=list)
    orders: list[dict[str, Any]] = field(default_factory=list)
    needs: list[dict[str, Any]] = field(default_factory=list)
    pledges: list[PledgePlan] = field(default_factory=list)
    stock_reports: list[dict[str, Any]] = field(default_factory=list)
    stock_targets: list[dict[str, Any]] = field(default_factory=list)
    caveats: list[dict[str, Any]] = field(default_factory=list)
    meetings: list[dict[str, Any]] = field(default_factory=list)
    scenarios: list[dict[str, Any]] = field(default_factory=list)
    scenario_rates: list[dict[str, Any]] = field(default_factory=list)

    @property
    def deliveries(self) -> list[dict[str, Any]]:
        return [d for p in self.pledges for d in p.deliveries]

    def size(self) -> int:
        """Number of records to write (for progress bars)."""
        lists = (
            self.organisations,
            self.lines,
            self.ramp_steps,
            self.funds,
            self.fund_items,
            self.fund_members,
            self.orders,
            self.needs,
            self.pledges,
            self.deliveries,
            self.stock_reports,
            self.stock_targets,
            self.caveats,
            self.meetings,
            self.scenarios,
            self.scenario_rates,
        )
        return sum(len(x) for x in lists)


def nice(x: float, digits: int = 3) -> int:
    """Round to ``digits`` significant figures (at least 1)."""
    x = float(x)
    if x < 1:
        return 1
    mag = 10 ** max(int(np.floor(np.log10(x))) - digits + 1, 0)
    return max(int(round(x / mag) * mag), 1)


def first_of_month(day: dt.date, months: int) -> dt.date:
    m = day.year * 12 + (day.month - 1) + months
    return dt.date(m // 12, m % 12 + 1, 1)


def split(rng: np.random.Generator, total: int, weights: np.ndarray) -> list[int]:
    """Split ``total`` into len(weights) positive integers (needs total >= len(weights))."""
    n = len(weights)
    p = weights / weights.sum()
    return [int(v) + 1 for v in rng.multinomial(total - n, p)]


def build_plan(seed: int = 2026, as_of: dt.date = dt.date(2026, 11, 2)) -> DemoPlan:
    rng = np.random.default_rng(seed)
    src = source_label(seed)
    year_start = as_of - dt.timedelta(days=365)
    items = {row["code"]: row for row in catalogue()}
    usd_value = {c: r["unit_value"] * prof.USD_PER[r["currency"]] for c, r in items.items()}
    plan = DemoPlan(
        seed=seed,
        as_of=as_of,
        source=src,
        donors=[d.code for d in prof.DONORS],
        recipients=[prof.RECIPIENT],
    )

    # -- industry -------------------------------------------------------------------
    for org in (*prof.PRODUCERS, *prof.AGENCIES):
        plan.organisations.append(
            {"code": org.code, "name": org.name, "kind": org.kind, "nation_code": org.nation}
        )
    ramp_months = {1: (5,), 2: (-7, 5), 3: (-7, -1, 5), 4: prof.RAMP_MONTHS}
    jitter = rng.uniform(0.9, 1.1, size=len(prof.LINES))
    base_capacity: dict[str, int] = {}
    line_by_code: dict[str, prof.LineSpec] = {}
    lead: dict[str, int] = {}
    for spec, j in zip(prof.LINES, jitter, strict=True):
        caps = [nice(c * j, 2) if c >= 10 else int(c) for c in spec.capacity]
        lead[spec.code] = int(rng.integers(spec.lead_weeks[0], spec.lead_weeks[1] + 1))
        base_capacity[spec.code] = caps[0]
        line_by_code[spec.code] = spec
        plan.lines.append(
            {
                "code": spec.code,
                "producer_code": spec.producer,
                "item_code": spec.item,
                "nation_code": spec.nation,
                "weekly_capacity": caps[0],
                "unit_price": float(spec.price),
                "currency": spec.currency,
                "lead_time_weeks": lead[spec.code],
            }
        )
        for months, cap in zip(ramp_months[len(caps) - 1], caps[1:], strict=True):
            plan.ramp_steps.append(
                {
                    "line_code": spec.code,
                    "effective_from": first_of_month(as_of, months),
                    "weekly_capacity": cap,
                }
            )

    # -- funds and orders ---------------------------------------------------------------
    gdp = gdp_table()
    period_start = first_of_month(as_of, -10)
    period_end = dt.date(as_of.year + 1, 12, 31)
    order_no = 0
    for fs in prof.FUNDS:
        recipient = prof.RECIPIENT if fs.destination == "recipient" else None
        plan.funds.append(
            {
                "code": fs.code,
                "name": fs.name,
                "kind": fs.kind,
                "manager_code": fs.manager,
                "budget": float(fs.budget),
                "currency": fs.currency,
                "destination": fs.destination,
                "recipient_code": recipient,
                "period_start": period_start,
                "period_end": period_end,
                "source": f"{src}; {fs.source}",
            }
        )
        plan.fund_items += [{"fund_code": fs.code, "item_code": i} for i in fs.items]
        w = np.array([gdp[m].gdp_eur_bn if m in gdp else 30.0 for m in fs.members])
        w = w * rng.lognormal(0.0, 0.3, size=len(w))
        shares = np.round(fs.budget * w / w.sum(), -6)
        shares[-1] = fs.budget - shares[:-1].sum()
        plan.fund_members += [
            {"fund_code": fs.code, "nation_code": m, "contribution": float(c)}
            for m, c in zip(fs.members, shares, strict=True)
        ]
        spend = fs.budget * fs.spent * rng.uniform(0.9, 1.1)
        parts = spend * rng.dirichlet(np.ones(len(fs.lines)) * 2.0)
        first_day = max(period_start, as_of - dt.timedelta(days=300))
        span = (as_of - dt.timedelta(days=7) - first_day).days
        for line_code, part in zip(fs.lines, parts, strict=True):
            spec = line_by_code[line_code]
            budget_in_line_ccy = part * prof.USD_PER[fs.currency] / prof.USD_PER[spec.currency]
            weeks = int(rng.integers(8, 27))
            cap_qty = 0.25 * base_capacity[line_code] * weeks
            qty = min(budget_in_line_ccy / spec.price, cap_qty)
            if qty < 1:
                continue
            qty = min(nice(qty, 2), int(cap_qty)) if qty >= 10 else int(qty)
            placed = first_day + dt.timedelta(days=int(rng.integers(0, span + 1)))
            start = placed + dt.timedelta(weeks=lead[line_code])
            order_no += 1
            plan.orders.append(
                {
                    "ref": f"DEMO-O-{order_no:03d}",
                    "fund_code": fs.code,
                    "line_code": line_code,
                    "quantity": max(qty, 1),
                    "unit_price": float(spec.price),
                    "currency": spec.currency,
                    "placed_on": placed,
                    "delivery_start": start,
                    "delivery_end": start + dt.timedelta(weeks=weeks - 1),
                    "destination_code": recipient or fs.members[0],
                }
            )

    # -- pledges and deliveries ----------------------------------------------------------
    produced = {s.item for s in prof.LINES}
    pledge_no = 0
    delivery_no = 0
    for item, total in prof.YEARLY_PLEDGED.items():
        givers = [d for d in prof.DONORS if item in d.gives]
        if not givers:
            raise ValueError(f"demo profile: no donor gives {item}")
        per_giver = 4 if item == prof.A155 else (2 if item in prof.CONSUMPTION else 1)
        slots = [d for d in givers for _ in range(per_giver)]
        if len(slots) > total:
            weights = np.array([d.weight for d in slots])
            pick = rng.choice(len(slots), size=total, replace=False, p=weights / weights.sum())
            slots = [slots[k] for k in sorted(pick)]
        weights = np.array([d.weight for d in slots]) * rng.lognormal(0.0, 0.5, size=len(slots))
        quantities = split(rng, total, weights)
        announced = rng.integers(0, 358, size=len(slots))
        for donor, qty, day in zip(slots, quantities, announced, strict=True):
            pledge_no += 1
            qty = nice(qty) if qty >= 1000 else qty
            on = year_start + dt.timedelta(days=int(day))
            if donor.code == prof.EU_INSTITUTIONS:
                channel = "fund"
            else:
                p_proc = 0.3 if (item in produced or item in prof.CONSUMPTION) else 0.1
                channel = "procurement" if rng.random() < p_proc else "stock"
            lead_weeks = int(rng.integers(4, 17) if channel == "stock" else rng.integers(26, 53))
            due = on + dt.timedelta(weeks=lead_weeks)
            value: float | None = None
            currency: str | None = None
            if rng.random() < 0.75:
                usd = qty * usd_value[item] * rng.lognormal(0.0, 0.15)
                value = float(nice(usd / prof.USD_PER[donor.currency]))
                currency = donor.currency
            name = items[item]["name"]
            pledge = PledgePlan(
                fields={
                    "ref": f"DEMO-P-{pledge_no:04d}",
                    "donor_code": donor.code,
                    "recipient_code": prof.RECIPIENT,
                    "item_code": item,
                    "quantity": int(qty),
                    "value_amount": value,
                    "value_currency": currency,
                    "announced_on": on,
                    "due_by": due,
                    "channel": channel,
                    "confidential": bool(rng.random() < 0.1),
                    "source_document": src,
                    "source_url": None,
                    "source_quote": f"[synthetic] {donor.code} pledges {qty:,} x {name} to "
                    f"{prof.RECIPIENT}.",
                }
            )
            # deliveries: evenly spaced from a start to the (possibly slipped) completion date
            if channel == "stock":
                start = on + dt.timedelta(weeks=int(rng.integers(1, 5)))
            else:
                start = due - dt.timedelta(weeks=int(rng.integers(8, 17)))
                start = max(start, on + dt.timedelta(weeks=2))
            slip = 0 if rng.random() < 0.7 else int(rng.exponential(70.0))
            end = max(due + dt.timedelta(days=slip), start)
            n_del = 1 if qty < 10 else int(rng.integers(1, 4))
            n_del = min(n_del, qty)
            parts_q = split(rng, qty, np.ones(n_del))
            dates = [start + (end - start) * (k + 1) / n_del for k in range(n_del)]
            cancelled = bool(rng.random() < 0.05) and (as_of - on).days > 60
            cut = as_of
            if cancelled:
                cut = on + dt.timedelta(days=int(rng.integers(14, (as_of - on).days)))
            chosen = [(q, d) for q, d in zip(parts_q, dates, strict=True) if d <= cut]
            if cancelled and len(chosen) == n_del:
                chosen = chosen[:-1]
            for q, d in chosen:
                delivery_no += 1
                pledge.deliveries.append(
                    {
                        "ref": f"DEMO-D-{delivery_no:04d}",
                        "pledge_ref": pledge.fields["ref"],
                        "quantity": int(q),
                        "delivered_on": d,
                        "source": src,
                    }
                )
            if cancelled:
                pledge.final_status = "cancelled"
            elif not chosen and (as_of - on).days > 21 and rng.random() < 0.7:
                pledge.final_status = "committed"
            plan.pledges.append(pledge)

    # -- needs of the recipient ----------------------------------------------------------
    need_no = 0
    for item, (prio_w, n, mult) in prof.NEEDS.items():
        need_total = prof.YEARLY_PLEDGED[item] * mult
        stated = np.sort(rng.integers(0, 330, size=n)) if n < 12 else np.arange(n) * 30
        stated = stated + rng.integers(0, 10, size=n)
        sizes = rng.lognormal(0.0, 0.25, size=n)
        prio = rng.choice(3, size=n, p=np.array(prio_w) / sum(prio_w))
        systems = item not in prof.CONSUMPTION
        for k in range(n):
            need_no += 1
            on = year_start + dt.timedelta(days=int(stated[k]))
            weeks = int(rng.integers(8, 27) if systems else rng.integers(4, 13))
            plan.needs.append(
                {
                    "ref": f"DEMO-N-{need_no:03d}",
                    "recipient_code": prof.RECIPIENT,
                    "item_code": item,
                    "quantity": nice(need_total / n * sizes[k]),
                    "priority": ("critical", "high", "routine")[int(prio[k])],
                    "needed_by": on + dt.timedelta(weeks=weeks),
                    "stated_on": on,
                    "source": src,
                    "note": "request to the contact group (synthetic)",
                }
            )

    # -- stocks and targets of every national donor ------------------------------------------
    _stocks(plan, rng, year_start)

    plan.caveats = [
        {
            "nation_code": n,
            "item_code": i,
            "excluded": excl,
            "weekly_cap": cap,
            "source": f"{src}: illustrative national caveat",
        }
        for n, i, excl, cap in prof.CAVEATS
    ]

    # -- meetings and scenarios --------------------------------------------------------------
    plan.meetings = [
        {
            "ref": "CG-31",
            "held_on": as_of - dt.timedelta(days=54),
            "title": "Contact Group meeting 31",
            "place": "Ramstein Air Base, Germany",
        },
        {
            "ref": "CG-32",
            "held_on": as_of + dt.timedelta(days=10),
            "title": "Contact Group meeting 32",
            "place": "NATO Headquarters, Brussels",
        },
    ]
    for name, (description, horizon, params) in prof.SCENARIOS.items():
        plan.scenarios.append(
            {
                "name": name,
                "description": description,
                "horizon_weeks": horizon,
                "params": dict(params),
            }
        )
        plan.scenario_rates += [
            {
                "scenario_name": name,
                "recipient_code": prof.RECIPIENT,
                "item_code": item,
                "mean_per_day": mean,
                "cv": cv,
            }
            for item, (mean, cv) in prof.CONSUMPTION.items()
        ]
    return plan


def _stocks(plan: DemoPlan, rng: np.random.Generator, year_start: dt.date) -> None:
    """Stock reports: initial holding, minus deliveries from stock, plus arrivals of orders
    for the donor's own stock; targets as a share of the initial holding."""
    src = plan.source
    given: dict[tuple[str, str], list[tuple[dt.date, int]]] = {}
    pledged_stock: dict[tuple[str, str], int] = {}
    for p in plan.pledges:
        f = p.fields
        if f["channel"] != "stock":
            continue
        key = (f["donor_code"], f["item_code"])
        pledged_stock[key] = pledged_stock.get(key, 0) + f["quantity"]
        given.setdefault(key, []).extend((d["delivered_on"], d["quantity"]) for d in p.deliveries)
    item_of_line = {ln["code"]: ln["item_code"] for ln in plan.lines}
    arrivals: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for o in plan.orders:
        arrivals.setdefault((o["destination_code"], item_of_line[o["line_code"]]), []).append(o)

    offsets = np.array([0, 122, 244])
    raise_on = first_of_month(plan.as_of, 2)
    for donor in prof.DONORS:
        if donor.code == prof.EU_INSTITUTIONS:
            continue
        jit = int(rng.integers(0, 7))
        dates = [year_start + dt.timedelta(days=int(o) + jit) for o in offsets]
        dates.append(plan.as_of - dt.timedelta(days=7 + jit))
        for item in (*donor.gives, *donor.holds_only):
            key = (donor.code, item)
            pledged = pledged_stock.get(key, 0)
            heavy = donor.weight >= 0.15
            if pledged:
                s0 = nice(pledged * (rng.uniform(1.5, 4.0) if heavy else rng.uniform(2.5, 6.0)))
            else:
                s0 = nice(prof.YEARLY_PLEDGED.get(item, 100) * donor.weight * rng.uniform(0.5, 2.0))
            drift = rng.uniform(-0.02, 0.01)
            for k, day in enumerate(dates):
                out = sum(q for d, q in given.get(key, []) if d <= day)
                inflow = 0.0
                for o in arrivals.get(key, []):
                    weeks = (o["delivery_end"] - o["delivery_start"]).days / 7 + 1
                    done = ((day - o["delivery_start"]).days / 7 + 1) / weeks
                    inflow += o["quantity"] * min(max(done, 0.0), 1.0)
                qty = s0 * (1 + drift * k) - out + inflow
                plan.stock_reports.append(
                    {
                        "nation_code": donor.code,
                        "item_code": item,
                        "quantity": max(round(qty), 0),
                        "as_of": day,
                        "source": f"{src}: national stock report",
                    }
                )
            minimum = nice(s0 * rng.uniform(0.4, 0.65))
            plan.stock_targets.append(
                {
                    "nation_code": donor.code,
                    "item_code": item,
                    "minimum": minimum,
                    "effective_from": dt.date(year_start.year, 1, 1),
                    "source": f"{src}: illustrative stockpile target",
                }
            )
            if item == prof.A155:
                plan.stock_targets.append(
                    {
                        "nation_code": donor.code,
                        "item_code": item,
                        "minimum": nice(minimum * 1.1),
                        "effective_from": raise_on,
                        "source": f"{src}: illustrative raised stockpile target",
                    }
                )
