"""Render a gathered brief as one self-contained HTML file (Jinja2; inline CSS and SVG)."""

from __future__ import annotations

import threading
from collections import OrderedDict
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup
from sqlalchemy import Engine

from materiel.access import Principal
from materiel.access.policy import LOCAL
from materiel.brief.model import Brief, Figure
from materiel.display import headline_text

TEMPLATES = Path(__file__).parent / "templates"

# labels of the headline figures of each section (keys without a ":" suffix)
LABELS: dict[str, str] = {
    "open-critical": "Critical needs not covered by their date",
    "open-critical-value": "Short by their date, critical (value)",
    "open-high": "High-priority needs not covered by their date",
    "open-high-value": "Short by their date, high (value)",
    "open-routine": "Routine needs not covered by their date",
    "open-routine-value": "Short by their date, routine (value)",
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
    "plan-critical-met": "Critical need met by the plan (by value)",
    "plan-critical-due": "Critical need due within the horizon (value)",
    "plan-transfers": "Transfers proposed (donor, item, week)",
    "plan-orders": "New orders proposed (line, fund, week)",
    "burden-total": "Pledged by donors with a GDP",
}


def _label(key: str) -> str:
    if key.startswith("risk-likely:"):
        return f"Items with shortfall probability ≥ 50 % ({key.split(':', 1)[1]})"
    return LABELS.get(key, key)


def _value(f: Figure) -> str:
    return "" if f.value is None else repr(float(f.value))


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
    env.filters["headline"] = headline_text
    env.filters["svg"] = _svg
    env.tests["figure"] = lambda c: isinstance(c, Figure)
    return env


def to_html(brief: Brief) -> str:
    """The brief as one HTML document (no external resource)."""
    return environment().get_template("brief.html").render(b=brief)


_CACHE: OrderedDict[tuple[Any, ...], str] = OrderedDict()
_CACHE_SIZE = 16
_LOCK = threading.Lock()


def forget(engine: Engine, meeting_id: int) -> int:
    """Drop the kept pages of ``meeting_id``'s brief (the next :func:`render_html`
    computes it again); returns how many were dropped."""
    with _LOCK:
        keys = [k for k in _CACHE if k[0] == str(engine.url) and k[1] == meeting_id]
        for k in keys:
            del _CACHE[k]
    return len(keys)


def _audit_head(engine: Engine) -> tuple[int, str]:
    """The newest audit event: every write through the services changes it."""
    from materiel.db import read_session
    from materiel.services import newest_event

    with read_session(engine) as s:
        return newest_event(s) or (0, "")


def render_html(engine: Engine, meeting_id: int, viewer: Principal = LOCAL, **options: Any) -> str:
    """The brief of ``meeting_id`` as ``viewer`` may see it, as one self-contained HTML page
    (what the API and the pages serve).

    ``options`` are the fields of :class:`materiel.brief.context.Options`. The page is
    computed once per state of the records: it is kept (16 pages at most) against the head
    of the audit chain, which every write moves, the viewer's role and nation and the
    options (seeded Monte Carlo, stored plans: the same records give the same brief).
    """
    from materiel.brief.context import Options
    from materiel.brief.gather import gather

    if options.get("scenarios") is not None:
        options["scenarios"] = tuple(options["scenarios"])
    opt = Options(**options)
    who = (viewer.role, viewer.nation)
    key = (str(engine.url), meeting_id, who, opt, _audit_head(engine))
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    html = to_html(gather(engine, meeting_id, opt, viewer=viewer))
    with _LOCK:
        _CACHE[key] = html
        while len(_CACHE) > _CACHE_SIZE:
            _CACHE.popitem(last=False)
    return html
