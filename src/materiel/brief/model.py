"""The brief as plain data: figures, tables, charts and the footnotes that trace them.

Every number a reader sees is a :class:`Figure` (value, formatted text, a stable key that
the HTML carries as ``data-figure``) pointing at a :class:`Footnote`, which names the
records (links to the API) or the query it came from, the snapshot hash and the date.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass, field
from typing import Any

# one spelling of counts and money for the brief and the pages (re-exported for the sections)
from materiel.display import fmt_int as fmt_int
from materiel.display import fmt_money as fmt_money

# API collection path of each entity whose records the footnotes link to
ENTITY_PATHS: dict[str, str] = {
    "meeting": "meetings",
    "nation": "nations",
    "item": "items",
    "need": "needs",
    "pledge": "pledges",
    "delivery": "deliveries",
    "stock_report": "stock-reports",
    "stock_target": "stock-targets",
    "fund": "funds",
    "purchase_order": "orders",
    "production_line": "production-lines",
    "plan_run": "plans",
}
DEFAULT_BASE_URL = "/api/v1"


@dataclass(frozen=True)
class Link:
    entity: str  # key of ENTITY_PATHS
    key: str  # id or code
    label: str
    href: str


@dataclass
class Footnote:
    number: int
    text: str
    links: list[Link] = field(default_factory=list)


@dataclass(frozen=True)
class Figure:
    key: str
    value: float | None
    text: str
    note: int | None = None


Cell = Figure | str


@dataclass
class Table:
    columns: list[str]
    rows: list[list[Cell]]
    note: int | None = None
    more: int = 0  # rows left out (the footnote counts them)
    numeric: tuple[int, ...] = ()  # column indexes aligned right


@dataclass
class Change:
    key: str
    label: str
    previous: float | None
    current: float | None
    unit: str
    higher_is_better: bool

    @property
    def delta(self) -> float | None:
        if self.previous is None or self.current is None:
            return None
        return self.current - self.previous

    @property
    def arrow(self) -> str:
        d = self.delta
        if d is None:
            return "–"
        if abs(d) < 1e-9:
            return "="
        return "▲" if d > 0 else "▼"

    @property
    def verdict(self) -> str:
        d = self.delta
        if d is None or abs(d) < 1e-9:
            return "same"
        return "better" if (d > 0) == self.higher_is_better else "worse"


@dataclass
class Section:
    key: str
    title: str
    figures: list[Figure] = field(default_factory=list)
    tables: list[tuple[str, Table]] = field(default_factory=list)
    paragraphs: list[str] = field(default_factory=list)
    charts: list[tuple[str, str, int | None]] = field(default_factory=list)  # svg, caption, note
    empty: str | None = None  # said instead of figures when there is nothing to show
    box: tuple[str, str] | None = None  # (title, text): a plain-language box


@dataclass
class Brief:
    meeting: dict[str, Any]
    previous: dict[str, Any] | None
    as_of: dt.date
    since: dt.date | None
    snapshot_hash: str
    rate_date: dt.date
    synthetic: bool
    sensitive: bool
    recipients: list[str]
    scenarios: list[str]
    base_url: str
    sections: list[Section] = field(default_factory=list)
    footnotes: list[Footnote] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    changes_note: int | None = None
    empty_database: bool = False
    generated: str = ""

    def figure(self, key: str) -> Figure:
        for s in self.sections:
            for f in s.figures:
                if f.key == key:
                    return f
            for _, t in s.tables:
                for row in t.rows:
                    for c in row:
                        if isinstance(c, Figure) and c.key == key:
                            return c
        raise KeyError(key)


# -- formatting ----------------------------------------------------------------------------
def fmt_pct(x: float | None, digits: int = 1) -> str:
    if x is None or not math.isfinite(float(x)):
        return "n/a"
    return f"{float(x):.{digits}f} %"


def fmt_weeks(x: float | None) -> str:
    if x is None or not math.isfinite(float(x)):
        return "not within horizon"
    return f"{float(x):.0f}"


def fmt_date(d: object) -> str:
    if isinstance(d, dt.datetime):
        return d.date().isoformat()
    if isinstance(d, dt.date):
        return d.isoformat()
    return "" if d is None else str(d)
