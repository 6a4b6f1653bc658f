"""Tidy data frames for the charts, taken from projection and Monte Carlo results, and the
source caption every figure carries."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import xarray as xr

__all__ = ["caption", "fan_frame", "trajectory_frame"]


def caption(result: xr.Dataset, what: str = "") -> str:
    """ "Source: … as of …" from a snapshot, projection or Monte Carlo result's attributes
    (synthetic data is labelled so)."""
    a = result.attrs
    parts = []
    if what:
        parts.append(what)
    kind = a.get("kind")
    if kind == "montecarlo":
        parts.append(f"Monte Carlo, {a.get('paths')} paths, seed {a.get('seed')}")
    elif kind == "projection":
        parts.append("status-quo projection")
    src = a.get("sources")
    if isinstance(src, str) and src not in ("", "{}"):
        try:
            entities = sorted(json.loads(src))
            parts.append("records: " + ", ".join(entities[:6]))
        except (ValueError, TypeError):
            pass
    parts.append(f"scenario {a.get('scenario', '?')}")
    text = "Source: materiel " + "; ".join(parts) + f"; as of {a.get('as_of', '?')}"
    h = a.get("snapshot_hash") or a.get("content_hash")
    if h:
        text += f" (snapshot {str(h)[:10]})"
    if a.get("synthetic"):
        text += " — SYNTHETIC DATA"
    return text


def _dates(ds: xr.Dataset) -> pd.DatetimeIndex:
    """The opening date, then the end of each week (stocks are end-of-week values)."""
    starts = pd.to_datetime(ds["week_start"].values)
    return pd.DatetimeIndex([starts[0], *(starts + pd.Timedelta(days=7))])


def trajectory_frame(proj: xr.Dataset, holder: str, item: str) -> pd.DataFrame:
    """Stock and target from the opening stock to the end of the horizon."""
    sel = proj.sel(holder=holder, item=item)
    floor = sel["floor"].values
    return pd.DataFrame(
        {
            "date": _dates(proj),
            "stock": np.concatenate([[float(sel["stock_now"])], sel["stock"].values]),
            "target": np.concatenate([floor[:1], floor]),
        }
    )


def cross_date_of(proj: xr.Dataset, holder: str, item: str) -> pd.Timestamp | None:
    wk = float(proj["cross_week"].sel(holder=holder, item=item))
    if not np.isfinite(wk) or wk >= proj.sizes["week"]:
        return None
    return pd.Timestamp(proj["week_start"].values[int(wk)])


def fan_frame(mc: xr.Dataset, holder: str, item: str) -> pd.DataFrame:
    """Quantiles of stock from the opening stock (known: every band starts there)."""
    q = mc["stock_q"].sel(holder=holder, item=item)
    x0 = float(mc["stock0"].sel(holder=holder, item=item))
    out = pd.DataFrame({"date": _dates(mc)})
    for qq in q["quantile"].values:
        out[f"q{round(float(qq) * 100):02d}"] = np.concatenate([[x0], q.sel(quantile=qq).values])
    floor = mc["floor"].sel(holder=holder, item=item).values
    out["target"] = np.concatenate([floor[:1], floor])
    return out
