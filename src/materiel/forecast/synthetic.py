"""Synthetic snapshots for tests, demos of the charts and benchmarks (``synthetic=True``).

Built with :func:`materiel.snapshot.make_snapshot`, so they follow docs/snapshot.md. The
numbers are random but plausible; nothing here is real data.
"""

from __future__ import annotations

import datetime as dt

import numpy as np
import xarray as xr

from materiel.snapshot import make_snapshot

__all__ = ["random_snapshot"]


def random_snapshot(
    *,
    donors: int = 30,
    recipients: int = 1,
    items: int = 60,
    weeks: int = 52,
    lines: int = 120,
    seed: int = 0,
    density: float = 1.0,
    as_of: dt.date = dt.date(2024, 1, 1),
    scenario: str = "synthetic",
) -> xr.Dataset:
    """A random synthetic snapshot of the given size.

    ``density`` is the share of donor/item pairs that hold stock and have flows (1.0 makes
    every pair stochastic in the Monte Carlo: the worst case for speed).
    """
    rng = np.random.default_rng(seed)
    n, r, i, w = donors, recipients, items, weeks
    active = rng.random((n, i)) < density
    s0 = rng.uniform(5_000, 200_000, (n, i)) * active
    floor = (s0 * rng.uniform(0.3, 0.8, (n, i)))[..., None] * np.ones(w)
    outflow = rng.uniform(0, 3_000, (n, i)) * active
    pout = rng.uniform(0, 1_000, (n, i, w)) * (rng.random((n, i, w)) < 0.2) * active[..., None]
    arrive_n = rng.uniform(0, 2_000, (n, i, w)) * (rng.random((n, i, w)) < 0.3) * active[..., None]
    r0 = rng.uniform(10_000, 100_000, (r, i))
    consumption = rng.uniform(5_000, 40_000, (r, i))[..., None] * np.ones(w)
    pin = np.broadcast_to(pout.sum(axis=0) / max(r, 1), (r, i, w)).copy()
    arrive_r = rng.uniform(0, 5_000, (r, i, w)) * (rng.random((r, i, w)) < 0.3)
    item_codes = [f"item.{k:03d}" for k in range(i)]
    line_codes = [f"L{k:03d}" for k in range(lines)]
    cap_full = rng.uniform(500, 5_000, (lines, 1)) * np.linspace(1.0, 1.5, w)
    return make_snapshot(
        nations=[f"D{k:02d}" for k in range(n)],
        recipients=[f"R{k:02d}" for k in range(r)],
        items=item_codes,
        as_of=as_of,
        horizon_weeks=w,
        lines=line_codes,
        line_item=[item_codes[k % i] for k in range(lines)],
        scenario=scenario,
        synthetic=True,
        sources={"synthetic": {"count": 0, "newest": as_of.isoformat()}},
        s0=s0,
        r0=r0,
        floor=floor,
        outflow=outflow,
        consumption=consumption,
        consumption_cv=np.full((r, i), 0.3),
        pin=pin,
        pout=pout,
        arrive_n=arrive_n,
        arrive_r=arrive_r,
        cap_full=cap_full,
        price=np.full(lines, 4_000.0),
    )
