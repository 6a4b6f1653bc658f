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


def test_dashboard_trajectory_starts_at_the_opening_stock(
    results: tuple[xr.Dataset, xr.Dataset], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The dashboard's chart starts where the table beside it does: the stock now, at the
    as-of date, then the stock at the end of each week (it once began at the end of week
    one, so a first-week delivery made the line disagree with the table)."""
    import materiel.web.charts as web_charts

    proj, _ = results
    seen: list[pd.DataFrame] = []
    real = web_charts.stock_trajectory

    def spy(df: pd.DataFrame, **kw: object) -> object:
        seen.append(df)
        return real(df, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(web_charts, "stock_trajectory", spy)
    proj = proj.assign_attrs(snapshot_hash="test-opening-stock")  # not a cached SVG
    web_charts.trajectory_svg(proj, "D00", "item.000", "Source: test")
    (df,) = seen
    sel = proj.sel(holder="D00", item="item.000")
    assert df["stock"].iloc[0] == float(sel["stock_now"])
    assert list(df["stock"].iloc[1:]) == list(sel["stock"].values.astype(float))
    assert df["date"].iloc[0] == pd.Timestamp(proj.attrs["as_of"])
