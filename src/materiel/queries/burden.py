"""Burden sharing: what each donor pledged against its GDP."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from sqlalchemy import select
from sqlalchemy.orm import Session

from materiel.access import Principal
from materiel.queries._common import REPORT_CURRENCY, resolve
from materiel.queries.pledges import live, pledges_table
from materiel.records import Nation

BURDEN_COLUMNS = [
    "code",
    "gdp_eur_bn",
    "gdp_year",
    "gdp_source",
    "pledged",
    "pct_gdp",
    "share",
    "gdp_share",
    "ratio",
]


def burden_shares(
    session: Session,
    viewer: Principal,
    *,
    as_of: dt.date | None = None,
    currency: str = REPORT_CURRENCY,
) -> pd.DataFrame:
    """Per donor with a GDP: ``pledged`` (value of the pledges the viewer may see,
    announced by ``as_of``, not cancelled; in ``currency`` at the ECB rate of ``as_of``),
    ``pct_gdp`` (pledged / GDP, %), ``share`` of the pledged total, ``gdp_share`` of the
    listed donors' GDP and their ``ratio``. Highest % of GDP first."""
    day = resolve(as_of)
    pl = live(pledges_table(session, viewer, as_of=day, currency=currency))
    value = pl.groupby("donor_code")["value"].sum() if not pl.empty else pd.Series(dtype=float)
    nations = pd.DataFrame(
        session.execute(
            select(Nation.code, Nation.gdp_eur_bn, Nation.gdp_year, Nation.gdp_source).where(
                Nation.is_donor.is_(True)
            )
        ).all(),
        columns=["code", "gdp_eur_bn", "gdp_year", "gdp_source"],
    )
    nations = nations.loc[nations["gdp_eur_bn"].notna() & (nations["gdp_eur_bn"] > 0)].copy()
    nations["pledged"] = nations["code"].map(value).astype(float).fillna(0.0)
    total = float(nations["pledged"].sum())
    nations["pct_gdp"] = 100 * nations["pledged"] / (nations["gdp_eur_bn"] * 1e9)
    nations["share"] = nations["pledged"] / total if total > 0 else 0.0
    nations["gdp_share"] = nations["gdp_eur_bn"] / nations["gdp_eur_bn"].sum()
    nations["ratio"] = nations["share"] / nations["gdp_share"]
    out = nations.sort_values(["pct_gdp", "code"], ascending=[False, True])
    return out[BURDEN_COLUMNS].reset_index(drop=True)
