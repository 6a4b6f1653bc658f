"""Charts: Altair specs with their source caption, rendered offline by vl-convert."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from xml.etree import ElementTree

import pandas as pd
import pytest
import xarray as xr

from materiel.charts import (
    caption,
    cross_date_of,
    fan_chart,
    fan_frame,
    gap_bars,
    render,
    stock_trajectory,
    to_svg_str,
    trajectory_frame,
)
from materiel.forecast import gap_by_month, project, simulate
from materiel.forecast.synthetic import random_snapshot

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


@pytest.fixture(scope="module")
def results() -> tuple[xr.Dataset, xr.Dataset]:
    snap = random_snapshot(donors=2, items=2, weeks=8, lines=2, seed=1)
    return project(snap), simulate(snap, paths=200)


def test_trajectory_png_and_svg_carry_the_source(
    tmp_path: Path, results: tuple[xr.Dataset, xr.Dataset]
) -> None:
    proj, _ = results
    chart = stock_trajectory(
        trajectory_frame(proj, "D00", "item.000"),
        source=caption(proj, "D00 item.000"),
        cross_date=cross_date_of(proj, "D00", "item.000") or dt.date(2024, 1, 15),
    )
    png = render(chart, tmp_path / "t.png")
    assert png.read_bytes().startswith(PNG_MAGIC)
    svg = render(chart, tmp_path / "t.svg").read_text()
    root = ElementTree.fromstring(svg)
    assert root.tag.endswith("svg")
    assert "Source: materiel" in svg and "2024-01-01" in svg
    assert "SYNTHETIC\u00a0DATA" in svg or "SYNTHETIC&#160;DATA" in svg  # one unbreakable label
    assert "target crossed" in svg


def test_fan_chart_and_gap_bars_render(results: tuple[xr.Dataset, xr.Dataset]) -> None:
    proj, mc = results
    fan = fan_chart(fan_frame(mc, "R00", "item.001"), source=caption(mc))
    svg = to_svg_str(fan)
    assert "Monte Carlo, 200 paths, seed 0" in svg
    spec = fan.to_dict()
    assert [layer["mark"]["type"] for layer in spec["layer"]][:3] == ["area", "area", "line"]
    bars = gap_bars(gap_by_month(proj), source="Source: test, as of 2024-01-01")
    assert "Source: test" in to_svg_str(bars)
    assert bars.to_dict()["mark"]["type"] == "bar"


def test_missing_columns_and_unknown_formats_are_refused(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="lacks columns"):
        fan_chart(pd.DataFrame({"date": []}), source="s")
    chart = gap_bars(pd.DataFrame({"month": ["2024-01"], "gap": [1.0]}), source="s")
    with pytest.raises(ValueError, match="unknown chart format"):
        render(chart, tmp_path / "x.gif")
