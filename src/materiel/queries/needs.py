"""Needs of recipients with their coverage as the viewer may know it, listed and summed by
priority."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy.orm import Session

from materiel.access import Principal
from materiel.queries._common import REPORT_CURRENCY, prefix_mask
from materiel.queries.coverage import PRIORITIES, need_coverage, status_mask

BY_PRIORITY_COLUMNS = [
    "priority",
    "needs",
    "uncovered",
    "overdue",
    "value",
    "open_value",
    "short_value",
    "currency",
    "rate_date",
    "earliest_needed_by",
]
#: the columns of :func:`needs_by_priority` summed over needs of different items: values
#: only (a quantity of rounds and a quantity of vehicles are never added)
SUMMED_VALUES = ("value", "open_value", "short_value")


def needs_table(
    session: Session,
    viewer: Principal,
    *,
    recipient: str | None = None,
    priority: str | None = None,
    status: str | None = None,
    item: str | None = None,
    overdue: bool | None = None,
    as_of: dt.date | None = None,
) -> pd.DataFrame:
    """Every need stated on or before ``as_of`` with its coverage (see
    :func:`materiel.queries.coverage.need_coverage`), filtered.

    ``status`` is a derived status or ``uncovered`` (every need not ``covered``); ``item``
    a catalogue code or prefix (``ammo.artillery`` matches every artillery round);
    ``overdue`` keeps the needs past their date and not fully delivered (or the others).
    Sorted critical first, then by needed-by date.
    """
    df = need_coverage(session, viewer, recipient=recipient, as_of=as_of)
    mask = prefix_mask(df["item_code"].astype(str), item) & status_mask(df["status"], status)
    if priority:
        mask &= df["priority"] == priority
    if overdue is not None:
        mask &= df["overdue"] == overdue
    return df.loc[mask].reset_index(drop=True)


def needs_by_priority(
    session: Session,
    viewer: Principal,
    *,
    recipient: str | None = None,
    as_of: dt.date | None = None,
    needs: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per priority (critical, high, routine — always all three): needs, needs not
    covered by their date (``uncovered``), overdue needs, the **value** stated, open (not
    pledged) and short by date (EUR at the catalogue's unit values, ECB rate of
    ``rate_date``: needs of different items are added by value, never by quantity), and
    the earliest needed-by date among the uncovered needs. ``needs`` (a
    :func:`needs_table` frame) saves reading them again."""
    df = (
        needs
        if needs is not None
        else needs_table(session, viewer, recipient=recipient, as_of=as_of)
    )
    df = df.assign(is_uncovered=df["status"] != "covered")
    grouped = df.groupby("priority")
    sums = list(SUMMED_VALUES)
    out = pd.DataFrame(
        {
            "needs": grouped.size(),
            "uncovered": grouped["is_uncovered"].sum(),
            "overdue": grouped["overdue"].sum(),
            **{c: grouped[c].sum() for c in sums},
            "earliest_needed_by": df.loc[df["is_uncovered"]].groupby("priority")["needed_by"].min(),
        }
    )
    out = out.reindex(list(PRIORITIES))
    counts = ["needs", "uncovered", "overdue"]
    out[counts] = out[counts].fillna(0).astype("int64")
    out[sums] = out[sums].fillna(0.0).astype(float).round(2)
    out["currency"] = REPORT_CURRENCY
    rate = df["rate_date"].dropna() if "rate_date" in df else pd.Series(dtype=object)
    out["rate_date"] = rate.max() if len(rate) else None
    earliest = out["earliest_needed_by"].astype(object)
    out["earliest_needed_by"] = earliest.where(earliest.notna(), None)
    out = out.rename_axis("priority").reset_index()
    return out[BY_PRIORITY_COLUMNS]
