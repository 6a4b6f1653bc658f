"""Charts: Altair specifications and rendering with vl-convert (offline).

from materiel.charts import stock_trajectory, render, to_svg_str
chart = stock_trajectory(df, source="Source: … as of 2026-11-02")
render(chart, "stock.png")          # or .svg
html_fragment = to_svg_str(chart)
"""

from __future__ import annotations

from materiel.charts.frames import caption, cross_date_of, fan_frame, trajectory_frame
from materiel.charts.render import render, to_png_bytes, to_svg_str
from materiel.charts.specs import fan_chart, frontier_chart, gap_bars, stock_trajectory

__all__ = [
    "caption",
    "cross_date_of",
    "fan_chart",
    "fan_frame",
    "frontier_chart",
    "gap_bars",
    "render",
    "stock_trajectory",
    "to_png_bytes",
    "to_svg_str",
    "trajectory_frame",
]
