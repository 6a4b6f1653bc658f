"""Altair chart specifications. Each function takes a tidy DataFrame and a ``source``
caption (what the figure is based on and its date) and returns an Altair chart; every
figure shows its source as a subtitle."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any, cast

import altair as alt
import pandas as pd

__all__ = ["fan_chart", "frontier_chart", "gap_bars", "stock_trajectory"]

WIDTH, HEIGHT = 560, 260
STOCK = "#1f5f8b"
TARGET = "#b22222"


def _title(title: str, source: str) -> alt.TitleParams:
    """Title with the source caption as subtitle, wrapped to the chart's width."""
    keep = source.replace("SYNTHETIC DATA", "SYNTHETIC\u00a0DATA")  # never split the label
    lines = textwrap.wrap(keep, width=110, break_long_words=False) or [source]
    return alt.TitleParams(
        text=title, subtitle=lines, anchor="start", subtitleFontSize=10, subtitleColor="#555"
    )


def _iso(values: Any) -> list[str]:
    return [pd.Timestamp(v).date().isoformat() for v in values]


def _require(df: pd.DataFrame, cols: list[str], what: str) -> None:
    missing = [c for c in cols if c not in df.columns]
    if missing:
        raise ValueError(f"{what}: data frame lacks columns {missing}")


def stock_trajectory(
    df: pd.DataFrame,
    *,
    source: str,
    title: str = "Stock and target",
    cross_date: dt.date | None = None,
    cross_label: str = "target crossed",
    unit: str = "units",
) -> alt.LayerChart:
    """Stock line with the target as a dashed line and a marker where stock crosses it.

    ``df``: columns ``date``, ``stock`` and optionally ``target``.
    """
    _require(df, ["date", "stock"], "stock_trajectory")
    data = pd.DataFrame({"date": _iso(df["date"]), "stock": df["stock"].astype(float)})
    if "target" in df:
        data["target"] = df["target"].astype(float).to_numpy()
    x = alt.X("date:T", title="date (stock at the end of each week)")
    base = alt.Chart(data).properties(width=WIDTH, height=HEIGHT)
    layers: list[alt.Chart] = [
        base.mark_line(color=STOCK, strokeWidth=2).encode(
            x=x,
            y=alt.Y("stock:Q", title=unit),
            tooltip=["date:T", alt.Tooltip("stock:Q", format=",.0f")],
        )
    ]
    if "target" in data:
        layers.append(
            base.mark_line(color=TARGET, strokeDash=[6, 4]).encode(
                x=x, y="target:Q", tooltip=["date:T", alt.Tooltip("target:Q", format=",.0f")]
            )
        )
    if cross_date is not None:
        marker = pd.DataFrame(
            {"date": [pd.Timestamp(cross_date).date().isoformat()], "label": [cross_label]}
        )
        mk = alt.Chart(marker)
        layers.append(mk.mark_rule(color=TARGET, strokeWidth=1.5).encode(x="date:T"))
        layers.append(
            mk.mark_text(align="left", dx=4, dy=-HEIGHT / 2 + 8, color=TARGET, fontSize=11).encode(
                x="date:T", text="label:N"
            )
        )
    return cast(alt.LayerChart, alt.layer(*layers).properties(title=_title(title, source)))


def fan_chart(
    df: pd.DataFrame,
    *,
    source: str,
    title: str = "Stock under uncertainty (Monte Carlo)",
    unit: str = "units",
) -> alt.LayerChart:
    """Quantile bands: 5–95 % light, 25–75 % darker, median line, optional target.

    ``df``: columns ``date``, ``q05``, ``q25``, ``q50``, ``q75``, ``q95`` (optionally
    ``target``).
    """
    cols = ["q05", "q25", "q50", "q75", "q95"]
    _require(df, ["date", *cols], "fan_chart")
    data = pd.DataFrame({"date": _iso(df["date"])})
    for c in cols:
        data[c] = df[c].astype(float).to_numpy()
    if "target" in df:
        data["target"] = df["target"].astype(float).to_numpy()
    x = alt.X("date:T", title="date (stock at the end of each week)")
    base = alt.Chart(data).properties(width=WIDTH, height=HEIGHT)
    layers = [
        base.mark_area(color=STOCK, opacity=0.18).encode(
            x=x, y=alt.Y("q05:Q", title=unit), y2="q95:Q"
        ),
        base.mark_area(color=STOCK, opacity=0.35).encode(x=x, y="q25:Q", y2="q75:Q"),
        base.mark_line(color=STOCK, strokeWidth=2).encode(
            x=x, y="q50:Q", tooltip=["date:T", alt.Tooltip("q50:Q", title="median", format=",.0f")]
        ),
    ]
    if "target" in data:
        layers.append(base.mark_line(color=TARGET, strokeDash=[6, 4]).encode(x=x, y="target:Q"))
    chart = alt.layer(*layers).properties(
        title=_title(title + " — bands 5–95 % and 25–75 %, median line", source)
    )
    return cast(alt.LayerChart, chart)


def gap_bars(
    df: pd.DataFrame,
    *,
    source: str,
    title: str = "Structural gap per month (consumption − production)",
    unit: str = "units per month",
) -> alt.Chart:
    """Bars of the structural gap per month (positive: consumption exceeds production).

    ``df``: columns ``month`` and ``gap``; with an ``item`` column the bars are coloured by
    item.
    """
    _require(df, ["month", "gap"], "gap_bars")
    data = df[[c for c in ("month", "item", "gap") if c in df.columns]].copy()
    data["gap"] = data["gap"].astype(float)
    data["month"] = data["month"].astype(str)
    enc: dict[str, Any] = {
        "x": alt.X("month:O", title="month"),
        "y": alt.Y("gap:Q", title=unit),
        "tooltip": ["month:O", alt.Tooltip("gap:Q", format=",.0f")],
    }
    if "item" in data:
        enc["color"] = alt.Color("item:N", title="item")
        enc["xOffset"] = "item:N"
        enc["tooltip"] = ["month:O", "item:N", alt.Tooltip("gap:Q", format=",.0f")]
    else:
        enc["color"] = alt.condition(alt.datum.gap > 0, alt.value(TARGET), alt.value(STOCK))
    return (
        alt.Chart(data)
        .mark_bar()
        .encode(**enc)
        .properties(width=WIDTH, height=HEIGHT, title=_title(title, source))
    )


def frontier_chart(
    points: list[dict[str, Any]],
    *,
    source: str,
    title: str = "Readiness against support: critical need met and stock below target",
) -> alt.LayerChart:
    """The readiness–support frontier: one point per readiness weight λ, x the alliance
    stock below target over the horizon (USD million-weeks), y the share of critical need
    met by value (%); points labelled with λ and joined in order of λ."""
    rows = [
        {
            "weight": float(p["readiness_weight"]),
            "label": f"λ={float(p['readiness_weight']):g}",
            "below": float(p["below_target_value_weeks"]) / 1e6,
            "share": 100.0 * float(p["critical_share"]),
        }
        for p in points
        if p.get("critical_share") is not None
    ]
    data = pd.DataFrame(rows, columns=["weight", "label", "below", "share"])
    base = alt.Chart(data).encode(
        x=alt.X("below:Q", title="alliance stock below target (USD million-weeks)"),
        y=alt.Y("share:Q", title="critical need met by value (%)", scale=alt.Scale(zero=False)),
        order=alt.Order("weight:Q"),
        tooltip=[
            alt.Tooltip("label:N", title="readiness weight"),
            alt.Tooltip("share:Q", format=".1f", title="critical need met (%)"),
            alt.Tooltip("below:Q", format=",.1f", title="below target (USD m-weeks)"),
        ],
    )
    line = base.mark_line(color=STOCK, point=True)
    text = base.mark_text(align="left", dx=6, dy=-6, fontSize=10, color="#333").encode(
        text="label:N"
    )
    chart = alt.layer(line, text).properties(
        width=WIDTH, height=HEIGHT, title=_title(title, source)
    )
    return cast(alt.LayerChart, chart)
