"""Render a gathered brief as one self-contained HTML file (Jinja2; inline CSS and SVG)."""

from __future__ import annotations

import math
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import Engine

from materiel.brief.model import Brief, Figure, fmt_int, fmt_money

TEMPLATES = Path(__file__).parent / "templates"

# labels of the headline figures of each section (keys without a ":" suffix)
LABELS: dict[str, str] = {
    "open-critical": "Critical needs not fully covered",
    "open-critical-quantity": "Open quantity, critical",
    "open-high": "High-priority needs not fully covered",
    "open-high-quantity": "Open quantity, high",
    "open-routine": "Routine needs not fully covered",
    "open-routine-quantity": "Open quantity, routine",
    "pledges-new-count": "New pledges",
    "pledges-new-value": "Value of new pledges",
    "pledges-new-donors": "Donors pledging",
    "deliveries-count": "Deliveries",
    "deliveries-value": "Value delivered",
    "late-count": "Late pledges",
    "late-remaining-value": "Value still owed on late pledges",
    "stocks-below-target": "Stocks below target now",
    "stocks-series": "Stock series with a target",
    "stocks-crossing": "Falling below target within the horizon",
    "funds-remaining-eur": "Remaining in all funds",
    "plan-unmet": "Unmet need left by the plan (units)",
    "plan-demand": "Demand over the horizon (units)",
    "plan-unmet-critical": "of which critical",
    "plan-transfers": "Units transferred from donor stocks",
    "plan-orders": "New orders proposed",
    "burden-total": "Pledged by donors with a GDP",
}


def _label(key: str) -> str:
    if key.startswith("risk-likely:"):
        return f"Items with shortfall probability ≥ 50 % ({key.split(':', 1)[1]})"
    return LABELS.get(key, key)


def _value(f: Figure) -> str:
    return "" if f.value is None else repr(float(f.value))


def _change_value(x: float | None, unit: str) -> str:
    if x is None or not math.isfinite(x):
        return "n/a"
    return fmt_money(x, unit) if unit == "EUR" else fmt_int(x)


def _svg(svg: str) -> Markup:
    """Vega's SVG, trusted (made here by vl-convert), without an XML prolog."""
    start = svg.find("<svg")
    return Markup(svg[start:] if start >= 0 else svg)


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES)),
        autoescape=select_autoescape(["html"]),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["label"] = _label
    env.filters["figvalue"] = _value
    env.filters["changevalue"] = _change_value
    env.filters["svg"] = _svg
    env.tests["figure"] = lambda c: isinstance(c, Figure)
    return env


def to_html(brief: Brief) -> str:
    """The brief as one HTML document (no external resource)."""
    return environment().get_template("brief.html").render(b=brief)


def render_html(engine: Engine, meeting_id: int, **options: object) -> str:
    """The brief of ``meeting_id`` as one self-contained HTML page (what the API serves).

    ``options`` are the fields of :class:`materiel.brief.gather.Options`."""
    from materiel.brief.gather import Options, gather

    opt = Options(**options)  # type: ignore[arg-type]
    return to_html(gather(engine, meeting_id, opt))
