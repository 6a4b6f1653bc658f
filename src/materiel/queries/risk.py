"""Risk and the structural gap, from a snapshot: the Monte Carlo probability of a
recipient shortfall, and monthly consumption against production (materiel.forecast)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:  # the snapshot loads xarray when a risk is computed
    import xarray as xr

RISK_COLUMNS = ["recipient", "item", "probability", "passes_half", "expected_short"]


@dataclass(frozen=True)
class Risk:
    """Recipient shortfall risk of one scenario: the table and the simulation behind it."""

    table: pd.DataFrame
    simulation: xr.Dataset
    weeks: int
    likely: int  # items with a shortfall probability of 50 % or more
    unknown: int = 0  # recipient items consumed whose stock has no report (risk unknown)


def shortfall_risk(snapshot: xr.Dataset, *, paths: int, seed: int) -> Risk:
    """Per recipient and item with a shortfall in some path: ``probability`` of at least
    one week of shortfall by the end of the horizon, ``passes_half`` (start of the first
    week it passes 50 %, or None), ``expected_short`` (mean unmet quantity summed over the
    horizon); most likely first, then earliest, then largest (forecast.simulate, seeded).
    A recipient item with no stock report has no probability (its stock is unknown): it is
    not in the table and is counted in ``unknown`` when the recipient consumes it."""
    from materiel.forecast import simulate

    mc = simulate(snapshot, paths=paths, seed=seed, quantile_paths=min(paths, 500))
    weeks = int(snapshot.sizes["week"])
    rec = np.flatnonzero(mc["holder_kind"].values == "recipient")
    if len(rec) == 0:
        return Risk(pd.DataFrame(columns=RISK_COLUMNS), mc, weeks, 0)
    consumed = snapshot["consumption"].sum("week").transpose("recipient", "item").values > 0
    known = mc["stock_known"].values[rec] if "stock_known" in mc else np.ones_like(consumed)
    n_unknown = int((consumed & ~known.astype(bool)).sum())
    by = mc["p_short_by"].values[rec]  # (recipient, item, week)
    p = by[:, :, -1]
    above = by > 0.5
    first = np.where(above.any(axis=2), above.argmax(axis=2), weeks)
    unmet = mc["mean_unmet"].values[rec].sum(axis=2)
    hi, ii = np.nonzero(p > 0)
    order = np.lexsort((-unmet[hi, ii], first[hi, ii], -p[hi, ii]))
    holders = np.asarray([str(x) for x in mc["holder"].values[rec]], dtype=object)
    items = np.asarray([str(x) for x in mc["item"].values], dtype=object)
    starts = [pd.Timestamp(x).date() for x in mc["week_start"].values]
    f = first[hi, ii][order]
    table = pd.DataFrame(
        {
            "recipient": holders[hi[order]],
            "item": items[ii[order]],
            "probability": p[hi, ii][order].astype(float),
            "passes_half": [starts[int(w)] if w < weeks else None for w in f],
            "expected_short": unmet[hi, ii][order].astype(float),
        }
    )
    return Risk(table, mc, weeks, int((p >= 0.5).sum()), n_unknown)


def structural_gap(snapshot: xr.Dataset) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Per item the recipients' monthly consumption against the lines' monthly production
    (with ramp × the scenario's production achievement): ``gap_per_month`` and its value
    at the catalogue unit value (``gap_value``, USD), largest value first, items short
    only; and the same per calendar month (for a chart)."""
    from materiel.forecast import alliance_table, gap_by_month, project

    proj = project(snapshot)
    table = alliance_table(proj)
    value = dict(zip(map(str, snapshot["item"].values), snapshot["item_value"].values, strict=True))
    table["gap_value"] = table["gap_per_month"] * table["item"].map(value).astype(float)
    table = table.loc[table["gap_per_month"] > 0].sort_values("gap_value", ascending=False)
    return table.reset_index(drop=True), gap_by_month(proj)
