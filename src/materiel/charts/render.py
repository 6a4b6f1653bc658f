"""Render Altair charts to PNG or SVG with vl-convert (bundles Vega: works offline)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import vl_convert as vlc

__all__ = ["render", "to_png_bytes", "to_svg_str"]


def _spec(chart: Any) -> dict[str, Any]:
    spec: dict[str, Any] = chart.to_dict()
    return spec


def to_svg_str(chart: Any) -> str:
    """The chart as an SVG document (for inline embedding in HTML)."""
    svg: str = vlc.vegalite_to_svg(_spec(chart))
    return svg


def to_png_bytes(chart: Any, scale: float = 2.0) -> bytes:
    png: bytes = vlc.vegalite_to_png(_spec(chart), scale=scale)
    return png


def render(chart: Any, path: str | Path, scale: float = 2.0) -> Path:
    """Write the chart to ``path``; the suffix (.png or .svg) chooses the format."""
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix == ".svg":
        p.write_text(to_svg_str(chart), encoding="utf-8")
    elif suffix == ".png":
        p.write_bytes(to_png_bytes(chart, scale=scale))
    else:
        raise ValueError(f"{p}: unknown chart format {suffix!r} (use .png or .svg)")
    return p
