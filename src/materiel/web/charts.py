"""Charts of the dashboard: the Altair specs of :mod:`materiel.charts`, rendered to inline
SVG on the server (vl-convert bundles Vega, so no script and no network in the browser)."""

from __future__ import annotations

from html import escape
from typing import Any

import altair as alt
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
# Each chart is drawn twice: wide for a desktop card, narrow for a phone (CSS shows one), so
# that its text stays at least 11 px on a 390 px screen and the dates carry their year.
SIZES = {"wide": (760, 280, 12), "narrow": (300, 260, 13)}


def _sized(chart: Any, title: str, size: str) -> Any:
    """``chart`` at one of :data:`SIZES`: its width, height and text size, month and year
    on the date axis (one tick a month at most)."""
    width, height, font = SIZES[size]
    # the whole drawing (axes and labels included) is this wide: a phone's card holds it
    # without scaling the text down
    fit = alt.AutoSizeParams(type="fit", contains="padding")
    # no title inside the drawing: the figure's caption names the chart and its source
    out = chart.properties(width=width, height=height, autosize=fit, title="")
    return (
        out.configure_axis(labelFontSize=font, titleFontSize=font - 1)
        .configure_axisTemporal(format="%b %Y", labelAngle=0, tickCount="month")
        .configure_title(fontSize=font + 2, subtitleFontSize=max(font - 1, 11))
        .configure_legend(labelFontSize=font, titleFontSize=font)
    )


def _both(chart: Any, title: str, label: str) -> str:
    """The wide and the narrow SVG of ``chart``, each an image with ``label``."""
    parts = {size: _accessible(to_svg_str(_sized(chart, title, size)), label) for size in SIZES}
    return "".join(f'<div class="svg-{size}">{svg}</div>' for size, svg in parts.items())


def _accessible(svg: str, label: str) -> str:
    """The SVG as an image with a text alternative (the figure's caption and table hold
    the numbers)."""
    start = svg.find("<svg")
    svg = svg[start:] if start >= 0 else svg
    return svg.replace(
        "<svg ", f'<svg role="img" aria-label="{escape(label)}" focusable="false" ', 1
    )


def trajectory_svg(proj: xr.Dataset, holder: str, item: str, source: str) -> str:
    key = ("traj4", proj.attrs.get("snapshot_hash"), proj.attrs.get("as_of"), holder, item)

    def make() -> str:
        # from the opening stock (the figure in the table beside it), then end of each week
        df = trajectory_frame(proj, holder, item)
        cross = cross_date_of(proj, holder, item)
        title = f"{holder}: {item}, stock and target"
        chart = stock_trajectory(
            df,
            source=source,
            title=title,
            cross_date=cross.date() if cross is not None else None,
        )
        label = f"Line chart: projected stock of {item} held by {holder} against its target"
        return _both(chart, title, label)

    svg: str = SVG_CACHE.get(key, make)
    return svg


def fan_svg(run_id: int, entry: dict[str, Any], weeks: list[str], source: str) -> str:
    key = ("fan4", run_id, entry["holder"], entry["item"])

    def make() -> str:
        q = entry["quantiles"]
        n = min(len(weeks), len(q["q50"]))
        df = pd.DataFrame({"date": pd.to_datetime(weeks[:n])})
        for name in ("q05", "q25", "q50", "q75", "q95"):
            df[name] = [float(v) if v is not None else float("nan") for v in q[name][:n]]
        floor = entry.get("floor") or []
        if floor and any(v for v in floor):
            df["target"] = [float(v or 0.0) for v in floor[:n]]
        title = f"{entry['holder']}: {entry['item']}"
        chart = fan_chart(df, source=source, title=title)
        label = (
            f"Fan chart: Monte Carlo stock quantiles of {entry['item']} held by {entry['holder']}"
        )
        return _both(chart, title, label)

    svg: str = SVG_CACHE.get(key, make)
    return svg


def frontier_svg(run_id: int, frontier: dict[str, Any]) -> str:
    """The readiness–support frontier stored with plan run ``run_id``."""
    key = ("frontier", run_id)

    def make() -> str:
        chart = frontier_chart(frontier.get("points", []), source=str(frontier.get("source", "")))
        label = (
            "Line chart: shares of critical need, all stated need and consumption met by "
            "value against alliance stock below target, one point per readiness weight"
        )
        return _accessible(to_svg_str(chart), label)

    svg: str = SVG_CACHE.get(key, make)
    return svg
