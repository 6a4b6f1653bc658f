"""How a headline figure is written: one spelling for the meeting page and the brief.

The "what changed" table shows the same figures (:data:`materiel.queries.HEADLINE_ROWS`)
on the meeting page and in the brief; both write them with :func:`headline_text`, so a
figure reads the same wherever it is shown. A change of a share in % is a difference of
percentage points and is written so ("+5 pts"), never as a percentage of itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping


def fmt_int(x: float | None) -> str:
    """A count or a quantity of one item, rounded to whole units ("n/a" when unknown)."""
    if x is None or (isinstance(x, float) and not math.isfinite(x)):
        return "n/a"
    return f"{round(float(x)) + 0:,}"


def fmt_money(x: float | None, currency: str) -> str:
    """Money with its currency first: "EUR 21.82 bn", "EUR 616.2 m", "EUR 413,092"."""
    if x is None or not math.isfinite(float(x)):
        return "n/a"
    v = float(x) + 0.0
    a = abs(v)
    if a >= 1e9:
        return f"{currency} {v / 1e9:,.2f} bn"
    if a >= 1e6:
        return f"{currency} {v / 1e6:,.1f} m"
    return f"{currency} {round(v) + 0:,}"


def headline_text(x: float | None, unit: str, *, change: bool = False) -> str:
    """A headline figure (``change=False``) or its change since the previous meeting, in
    ``unit``: "EUR" (money), "%" (a share in per cent; its change in percentage points,
    with its sign) or a count (needs, pledges, series; a change with its sign)."""
    if x is None or not math.isfinite(float(x)):
        return "n/a"
    v = float(x)
    if unit == "EUR":
        text, shown = fmt_money(v, unit), v
    elif unit == "%":
        text, shown = f"{round(v) + 0:,} {'pts' if change else '%'}", round(v)
    else:
        text, shown = fmt_int(v), round(v)
    return ("+" if change and shown > 0 else "") + text


def named(text: object, names: Mapping[str, str]) -> str:
    """``text`` (a sentence of the plan's advice, a chart title) with each item code replaced
    by the item's name, as the tables show them; the figures are untouched. Used by the pages
    (the ``named`` filter) and the brief, so both name items alike."""
    out = str(text)
    codes = sorted((c for c in names if c in out), key=len, reverse=True)
    if not codes:
        return out
    pattern = re.compile(r"(?<![\w.])(" + "|".join(map(re.escape, codes)) + r")(?![\w.-]*\w)")
    return pattern.sub(lambda m: names[m.group(1)], out)
