"""Charts of the dashboard: the Altair specs of :mod:`materiel.charts`, rendered to inline
SVG on the server (vl-convert bundles Vega, so no script and no network in the browser)."""

from __future__ import annotations

from html import escape
from typing import Any

import pandas as pd
import xarray as xr

from materiel.charts import (
    cross_date_of,
    fan_chart,
    frontier_chart,
    stock_trajectory,
    to_svg_str,
    trajectory_frame,
)
from materiel.queries.outlook import LRU

SVG_CACHE = LRU(256)


def _accessible(svg: str, label: str) -> str:
    """The SVG as an image with a text alternative (the figure's caption and table hold
    the numbers)."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1
    )


def trajectory_svg(proj: xr.Dataset, holder: str, item: str, source: str) -> str:
    key = ("traj", proj.attrs.get("snapshot_hash"), proj.attrs.get("as_of"), holder, item)

    def make() -> str:
        # from the opening stock (the figure in the table beside it), then end of each week
        df = trajectory_frame(proj, holder, item)
        cross = cross_date_of(proj, holder, item)
        chart = stock_trajectory(
            df,
            source=source,
            title=f"{holder}: {item}, stock and target",
            cross_date=cross.date() if cross is not None else None,
        )
        label = f"Line chart: projected stock of {item} held by {holder} against its target"
        return _accessible(to_svg_str(chart), label)

    svg: str = SVG_CACHE.get(key, make)
    return svg


def fan_svg(run_id: int, entry: dict[str, Any], weeks: list[str], source: str) -> str:
    key = ("fan", run_id, entry["holder"], entry["item"])

    def make() -> str:
        q = entry["quantiles"]
        n = min(len(weeks), len(q["q50"]))
        df = pd.DataFrame({"date": pd.to_datetime(weeks[:n])})
        for name in ("q05", "q25", "q50", "q75", "q95"):
            df[name] = [float(v) if v is not None else float("nan") for v in q[name][:n]]
        floor = entry.get("floor") or []
        if floor and any(v for v in floor):
            df["target"] = [float(v or 0.0) for v in floor[:n]]
        chart = fan_chart(df, source=source, title=f"{entry['holder']}: {entry['item']}")
        label = (
            f"Fan chart: Monte Carlo stock quantiles of {entry['item']} held by {entry['holder']}"
        )
        return _accessible(to_svg_str(chart), label)

    svg: str = SVG_CACHE.get(key, make)
    return svg


def frontier_svg(run_id: int, frontier: dict[str, Any]) -> str:
    """The readiness–support frontier stored with plan run ``run_id``."""
    key = ("frontier", run_id)

    def make() -> str:
        chart = frontier_chart(frontier.get("points", []), source=str(frontier.get("source", "")))
        label = (
            "Line chart: share of critical need met by value against alliance stock below "
            "target, one point per readiness weight"
        )
        return _accessible(to_svg_str(chart), label)

    svg: str = SVG_CACHE.get(key, make)
    return svg
