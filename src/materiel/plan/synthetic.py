"""Synthetic planning instances (SYNTHETIC data, for tests and benchmarks only).

``generate(donors, items, weeks, lines)`` makes a snapshot of the documented schema with a
realistic shape: donors hold part of the catalogue above or near their targets, one or more
recipients consume every week and state needs of three priorities, committed pledges and
placed orders arrive, lines make one item each with a lead time, and funds buy a subset of
items for the recipient or for their members' stocks.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import numpy as np
import xarray as xr

from materiel.snapshot.schema import make_snapshot

SIZES: dict[str, dict[str, int]] = {
    "S": {"donors": 10, "items": 20, "weeks": 26, "lines": 30},
    "M": {"donors": 31, "items": 60, "weeks": 52, "lines": 120},
    "L": {"donors": 50, "items": 150, "weeks": 104, "lines": 400},
}


def generate(
    donors: int,
    items: int,
    weeks: int,
    lines: int,
    *,
    recipients: int = 1,
    funds: int | None = None,
    seed: int = 0,
    params: dict[str, Any] | None = None,
    as_of: dt.date = dt.date(2026, 1, 5),
    transit: int = 0,
) -> xr.Dataset:
    """A random but reproducible snapshot (labelled synthetic); ``transit`` weeks from every
    donor's stock to the recipients."""
    rng = np.random.default_rng(seed)
    nn, nr, ni, nt, npl = donors, recipients, items, weeks, lines
    nf = funds if funds is not None else max(2, lines // 12)
    value = np.round(np.exp(rng.uniform(np.log(500), np.log(2e6), ni)), 0)
    # recipient consumption per week: cheaper items in larger numbers
    base = np.round(np.exp(rng.uniform(np.log(5), np.log(2000), ni)) * (1e4 / value) ** 0.3)
    consumption = base[None, :, None] * rng.uniform(0.6, 1.4, (nr, ni, nt))
    consumption *= rng.random((nr, ni, 1)) < 0.8  # not every recipient uses every item
    need = np.zeros((nr, ni, 3, nt))
    due = rng.integers(0, nt, (nr, ni))
    has_need = rng.random((nr, ni)) < 0.4
    priority = rng.choice([0, 1, 2], size=(nr, ni), p=[0.2, 0.5, 0.3])  # critical, high, routine
    rr, ii = np.nonzero(has_need)
    need[rr, ii, priority[has_need], due[has_need]] = (
        base[ii] * rng.uniform(2, 10, has_need.sum())
    ).round()

    holds = rng.random((nn, ni)) < 0.6
    gdp = np.exp(rng.normal(0, 1.2, nn))
    share = gdp / gdp.sum()
    s0 = holds * np.round(
        base[None, :] * nt * nr * share[:, None] * rng.uniform(0.5, 3.0, (nn, ni))
    )
    floor_level = s0 * rng.uniform(0.4, 1.1, (nn, ni))
    floor = np.broadcast_to(np.round(floor_level)[:, :, None], (nn, ni, nt)).copy()

    pout = np.zeros((nn, ni, nt))
    pledging = holds & (rng.random((nn, ni)) < 0.15)
    weeks_p = min(8, nt)
    pout[:, :, :weeks_p] = (pledging * s0 * 0.02)[:, :, None].round()
    pin = np.zeros((nr, ni, nt))
    pin[0] = pout.sum(axis=0)
    arrive_n = np.zeros((nn, ni, nt))
    arrive_n[:, :, : min(4, nt)] = (holds * (rng.random((nn, ni)) < 0.1) * base * 2)[
        :, :, None
    ].round()
    arrive_r = np.zeros((nr, ni, nt))

    line_item = rng.integers(0, ni, npl)
    cap = np.round(base[line_item] * rng.uniform(0.2, 1.0, npl))[:, None] * np.minimum(
        1.0, 0.5 + np.arange(nt)[None, :] / max(nt, 1)
    )
    price = np.round(value[line_item] * rng.uniform(0.7, 1.4, npl), 2)
    lead = rng.integers(1, max(2, min(20, nt // 2)), npl)
    line_cur = rng.choice(["USD", "EUR"], npl)
    fund_cur = rng.choice(["USD", "EUR"], nf)
    fund_items = rng.random((nf, ni)) < max(0.1, 3.0 / ni)
    eligible = fund_items[:, line_item].T  # [p,f]
    to_recipient = rng.random(nf) < 0.6
    dest_r = np.broadcast_to(to_recipient[:, None], (nf, nr)).copy()
    dest_n = (~to_recipient)[:, None] & (rng.random((nf, nn)) < 0.3)
    yearly_value = (consumption.sum(axis=(0, 2)) * value).sum()
    budget = np.round(yearly_value * rng.uniform(0.01, 0.06, nf), -3)
    excluded = rng.random((nn, ni)) < 0.05
    give_cap = np.where(rng.random((nn, ni)) < 0.1, np.round(base * 0.5), np.inf)

    return make_snapshot(
        nations=[f"D{k:02d}" for k in range(nn)],
        recipients=[f"R{k}" for k in range(nr)],
        items=[f"item.{k:03d}" for k in range(ni)],
        lines=[f"L{k:03d}" for k in range(npl)],
        funds=[f"F{k:02d}" for k in range(nf)],
        as_of=as_of,
        horizon_weeks=nt,
        scenario="synthetic",
        params=params,
        item_value=value,
        line_item=[f"item.{k:03d}" for k in line_item],
        line_currency=list(line_cur),
        fund_currency=list(fund_cur),
        synthetic=True,
        s0=s0,
        floor=floor,
        consumption=consumption,
        need=need,
        transit=np.full((nn, ni), int(transit), dtype=np.int64),
        pin=pin,
        pout=pout,
        arrive_n=arrive_n,
        arrive_r=arrive_r,
        cap_full=cap,
        price=price,
        lead=lead.astype(np.int64),
        budget=budget,
        eligible=eligible,
        dest_n=dest_n,
        dest_r=dest_r,
        excluded=excluded,
        give_cap=give_cap,
        gdp_share=share,
    )


def sized(name: str, *, seed: int = 0, params: dict[str, Any] | None = None) -> xr.Dataset:
    """One of the benchmark sizes S, M, L."""
    size = SIZES[name]
    return generate(
        size["donors"], size["items"], size["weeks"], size["lines"], seed=seed, params=params
    )
