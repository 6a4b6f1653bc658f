"""Kiel Institute Ukraine Support Tracker: import a website data release, report it, and
reconcile it with materiel's own pledges.

Files read (exact layouts checked before anything is written):

- ``data_explorer.csv``: country, iso, year, month, total, financial, humanitarian, military,
  commitments, to_be_allocated, gdp, pct_gdp (EUR billions per donor and month);
- ``weapons.csv``: donor, category, number_of_weapons, monetary_value_eur, weapons_list;
- ``release_info.csv`` (optional): release, period, date, label.

A release imports in one transaction and only once: importing the same files again changes
nothing, importing changed files of the same release replaces its rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
from sqlalchemy import Engine, delete, insert, select

from materiel import money
from materiel.db import read_session
from materiel.ingest import nations as nat
from materiel.records import Item, Pledge
from materiel.records.tracker import TrackerMonthly, TrackerRelease, TrackerWeapons
from materiel.services import writer

TRACKER = "kiel-ust"
CITATION = "Kiel Institute for the World Economy, Ukraine Support Tracker"

MONTHLY_COLUMNS = [
    "country",
    "iso",
    "year",
    "month",
    "total",
    "financial",
    "humanitarian",
    "military",
    "commitments",
    "to_be_allocated",
    "gdp",
    "pct_gdp",
]
WEAPONS_COLUMNS = ["donor", "category", "number_of_weapons", "monetary_value_eur", "weapons_list"]
RELEASE_COLUMNS = ["release", "period", "date", "label"]
#: tracker weapons categories → item catalogue categories
WEAPON_CATEGORIES = {
    "Air Defense": "air-defence-system",
    "Howitzers": "artillery-system",
    "IFV": "armoured-vehicle",
    "MLRS": "rocket-artillery-system",
    "Tanks": "main-battle-tank",
    "APC": "armoured-vehicle",
    "Aircraft": "aircraft",
    "Helicopters": "helicopter",
}
ISO_ALIASES = {"EU": nat.EU_CODE, "EUU": nat.EU_CODE}


class LayoutError(ValueError):
    """A file whose columns or rows are not what the release format says; nothing written."""


@dataclass
class KielData:
    release: str
    period: str | None
    published_on: dt.date | None
    label: str
    monthly: list[dict[str, Any]]
    weapons: list[dict[str, Any]]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)

    @property
    def code(self) -> str:
        return f"kiel-{self.release}"

    @property
    def citation(self) -> str:
        return f"{CITATION}, release {self.release}" + (f" ({self.period})" if self.period else "")


def _read_csv(path: Path, expected: list[str]) -> tuple[list[dict[str, str]], dict[str, Any]]:
    if not path.exists():
        raise LayoutError(f"{path}: file not found")
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig")
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        raise LayoutError(f"{path.name}: empty file (expected columns {', '.join(expected)})")
    header = [h.strip() for h in header]
    if header != expected:
        missing = [c for c in expected if c not in header]
        unexpected = [c for c in header if c not in expected]
        parts = []
        if missing:
            parts.append(f"missing columns: {', '.join(missing)}")
        if unexpected:
            parts.append(f"unexpected columns: {', '.join(unexpected)}")
        if not parts:
            parts.append(f"columns in a different order: {', '.join(header)}")
        raise LayoutError(
            f"{path.name}: column layout changed ({'; '.join(parts)}); expected exactly "
            f"{', '.join(expected)}. Nothing was imported."
        )
    rows: list[dict[str, str]] = []
    for n, values in enumerate(reader, start=2):
        if not values:
            continue
        if len(values) != len(expected):
            raise LayoutError(
                f"{path.name} row {n}: {len(values)} values for {len(expected)} columns"
            )
        rows.append(dict(zip(expected, values, strict=True)) | {"_row": str(n)})
    info = {"sha256": hashlib.sha256(raw).hexdigest(), "rows": len(rows)}
    return rows, info


def _num(path: str, row: dict[str, str], col: str, *, optional: bool = False) -> float | None:
    v = row[col].strip()
    if v in ("", "NA", "NaN", "nan") and optional:
        return None
    try:
        return float(v)
    except ValueError:
        raise LayoutError(
            f"{path} row {row['_row']}, column {col}: {v!r} is not a number"
        ) from None


def _nation(path: str, row: dict[str, str], iso_col: str | None, name_col: str) -> str:
    iso = row[iso_col].strip() if iso_col else ""
    if iso:
        code = ISO_ALIASES.get(iso.upper())
        if code:
            return code
        found = nat.resolve(iso)
        if found and len(found) == 1:
            return found[0]
    found = nat.resolve(row[name_col])
    if len(found) == 1:
        return found[0]
    raise LayoutError(
        f"{path} row {row['_row']}: donor {row[name_col]!r}"
        + (f" (iso {iso!r})" if iso_col else "")
        + " is not a known nation"
    )


def load_release(directory: Path, release: str | None = None) -> KielData:
    """Read and check a release directory; raises :class:`LayoutError` naming file, row and
    column on the first problem."""
    directory = Path(directory)
    period: str | None = None
    published: dt.date | None = None
    label = ""
    files: dict[str, dict[str, Any]] = {}
    info_path = directory / "release_info.csv"
    if info_path.exists():
        rows, files["release_info.csv"] = _read_csv(info_path, RELEASE_COLUMNS)
        if rows:
            release = release or rows[0]["release"].strip()
            period = rows[0]["period"].strip() or None
            label = rows[0]["label"].strip()
            try:
                published = dt.date.fromisoformat(rows[0]["date"].strip())
            except ValueError:
                raise LayoutError(
                    f"release_info.csv row 2, column date: {rows[0]['date']!r} is not a date"
                ) from None
    if not release:
        raise LayoutError(f"{directory}: no release_info.csv; give the release number (--release)")
    rows, files["data_explorer.csv"] = _read_csv(directory / "data_explorer.csv", MONTHLY_COLUMNS)
    monthly: list[dict[str, Any]] = []
    seen: set[tuple[str, int, int]] = set()
    for r in rows:
        p = "data_explorer.csv"
        code = _nation(p, r, "iso", "country")
        year, month = _num(p, r, "year"), _num(p, r, "month")
        assert year is not None and month is not None
        if not 1 <= int(month) <= 12:
            raise LayoutError(f"{p} row {r['_row']}, column month: {r['month']!r} is not 1..12")
        key = (code, int(year), int(month))
        if key in seen:
            raise LayoutError(
                f"{p} row {r['_row']}: second row for {code} {int(year)}-{int(month):02d}"
            )
        seen.add(key)
        rec: dict[str, Any] = {
            "nation_code": code,
            "donor_name": r["country"].strip(),
            "year": int(year),
            "month": int(month),
        }
        for col in (
            "total",
            "financial",
            "humanitarian",
            "military",
            "commitments",
            "to_be_allocated",
        ):
            rec[col] = _num(p, r, col)
        rec["gdp"] = _num(p, r, "gdp", optional=True)
        rec["pct_gdp"] = _num(p, r, "pct_gdp", optional=True)
        monthly.append(rec)
    rows, files["weapons.csv"] = _read_csv(directory / "weapons.csv", WEAPONS_COLUMNS)
    weapons: list[dict[str, Any]] = []
    for r in rows:
        p = "weapons.csv"
        cat = r["category"].strip()
        if cat not in WEAPON_CATEGORIES:
            raise LayoutError(
                f"{p} row {r['_row']}, column category: unknown category {cat!r} "
                f"(known: {', '.join(WEAPON_CATEGORIES)})"
            )
        n = _num(p, r, "number_of_weapons")
        v = _num(p, r, "monetary_value_eur")
        assert n is not None and v is not None
        weapons.append(
            {
                "nation_code": _nation(p, r, None, "donor"),
                "donor_name": r["donor"].strip(),
                "category": cat,
                "item_category": WEAPON_CATEGORIES[cat],
                "number_of_weapons": int(n),
                "monetary_value_eur": v,
                "weapons_list": r["weapons_list"].strip(),
            }
        )
    if not label:
        label = f"Ukraine Support Tracker, Release {release}"
    return KielData(str(release), period, published, label, monthly, weapons, files)


def import_release(
    engine: Engine, directory: Path, *, actor: str, release: str | None = None
) -> str:
    """Import a release in one transaction; returns created, updated or unchanged."""
    data = load_release(directory, release)
    with writer(engine, actor=actor) as w:
        existing = w.session.scalars(
            select(TrackerRelease).where(TrackerRelease.code == data.code)
        ).one_or_none()
        if existing is not None and existing.files == data.files:
            return "unchanged"
        w.session.execute(delete(TrackerMonthly).where(TrackerMonthly.release_code == data.code))
        w.session.execute(delete(TrackerWeapons).where(TrackerWeapons.release_code == data.code))
        w.session.execute(
            insert(TrackerMonthly), [{"release_code": data.code, **r} for r in data.monthly]
        )
        w.session.execute(
            insert(TrackerWeapons), [{"release_code": data.code, **r} for r in data.weapons]
        )
        fields = {
            "tracker": TRACKER,
            "release": data.release,
            "period": data.period,
            "published_on": data.published_on,
            "label": data.label,
            "citation": data.citation,
            "files": data.files,
        }
        _, how = w.upsert(TrackerRelease, key={"code": data.code}, **fields)
        return how


def latest_release(engine: Engine) -> TrackerRelease | None:
    with read_session(engine) as s:
        rel = s.scalars(select(TrackerRelease).order_by(TrackerRelease.release.desc())).first()
        if rel is not None:
            s.expunge(rel)
        return rel


def monthly_frame(engine: Engine, release_code: str) -> pd.DataFrame:
    with read_session(engine) as s:
        rows = s.execute(
            select(TrackerMonthly).where(TrackerMonthly.release_code == release_code)
        ).scalars()
        recs = [
            {c.key: getattr(r, c.key) for c in TrackerMonthly.__mapper__.column_attrs} for r in rows
        ]
    return pd.DataFrame.from_records(recs)


def report(
    engine: Engine,
    *,
    release_code: str,
    by: str = "donor",
    donor: str | None = None,
    year: int | None = None,
) -> pd.DataFrame:
    """Totals in EUR billions by donor, by donor and year, or by donor and month."""
    df = monthly_frame(engine, release_code)
    if df.empty:
        return df
    if donor:
        df = df[df["nation_code"] == donor.upper()]
    if year:
        df = df[df["year"] == year]
    keys = {
        "donor": ["nation_code"],
        "year": ["nation_code", "year"],
        "month": ["nation_code", "year", "month"],
    }[by]
    cols = ["total", "military", "financial", "humanitarian", "commitments", "to_be_allocated"]
    out = df.groupby(keys, as_index=False)[cols].sum()
    names = df.drop_duplicates("nation_code").set_index("nation_code")["donor_name"]
    out.insert(1, "donor", out["nation_code"].map(names))
    if by == "donor":
        return out.sort_values("military", ascending=False).reset_index(drop=True)
    return out.sort_values(keys).reset_index(drop=True)


@dataclass
class Reconciliation:
    table: pd.DataFrame
    rate_dates: tuple[dt.date, dt.date] | None
    estimated: int
    citation: str


def reconcile(
    engine: Engine,
    *,
    release_code: str,
    threshold: float = 0.25,
    min_eur: float = 1e6,
    donor: str | None = None,
) -> Reconciliation:
    """Kiel military commitments beside materiel's pledged value, by donor and month (EUR).

    Pledges are valued at their value amount, or (marked estimated) at quantity × the item's
    unit value, converted to EUR with the ECB rate of the announcement date. A row is flagged
    when the two differ by more than ``threshold`` (relative to the larger) and ``min_eur``.
    """
    kiel = monthly_frame(engine, release_code)
    citation = ""
    with read_session(engine) as s:
        rel = s.scalars(select(TrackerRelease).where(TrackerRelease.code == release_code)).first()
        citation = rel.citation if rel else CITATION
        rows = s.execute(
            select(
                Pledge.donor_code,
                Pledge.announced_on,
                Pledge.quantity,
                Pledge.value_amount,
                Pledge.value_currency,
                Pledge.status,
                Item.unit_value,
                Item.currency,
            ).join(Item, Item.code == Pledge.item_code)
        ).all()
    own: dict[tuple[str, int, int], float] = defaultdict(float)
    counts: dict[tuple[str, int, int], int] = defaultdict(int)
    estimated = 0
    dates: list[dt.date] = []
    for r in rows:
        if r.status == "cancelled":
            continue
        if r.value_amount is not None and r.value_currency:
            amount, cur = r.value_amount, r.value_currency
        else:
            amount, cur = r.quantity * r.unit_value, r.currency
            estimated += 1
        conv = money.convert(amount, cur, "EUR", r.announced_on)
        dates.append(conv.rate_date)
        key = (r.donor_code, r.announced_on.year, r.announced_on.month)
        own[key] += conv.amount
        counts[key] += 1
    kiel_part = (
        kiel[["nation_code", "year", "month", "military"]].assign(
            kiel_military_eur=lambda d: d["military"] * 1e9
        )
        if not kiel.empty
        else pd.DataFrame(columns=["nation_code", "year", "month", "kiel_military_eur"])
    )
    own_part = pd.DataFrame(
        [
            {
                "nation_code": k[0],
                "year": k[1],
                "month": k[2],
                "materiel_pledged_eur": v,
                "pledges": counts[k],
            }
            for k, v in own.items()
        ],
        columns=["nation_code", "year", "month", "materiel_pledged_eur", "pledges"],
    )
    table = pd.merge(
        kiel_part[["nation_code", "year", "month", "kiel_military_eur"]],
        own_part,
        on=["nation_code", "year", "month"],
        how="outer",
    )
    table = table.fillna({"kiel_military_eur": 0.0, "materiel_pledged_eur": 0.0, "pledges": 0})
    table["pledges"] = table["pledges"].astype(int)
    if donor:
        table = table[table["nation_code"] == donor.upper()]
    table = table[(table["kiel_military_eur"] > 0) | (table["materiel_pledged_eur"] > 0)]
    diff = table["materiel_pledged_eur"] - table["kiel_military_eur"]
    larger = table[["materiel_pledged_eur", "kiel_military_eur"]].max(axis=1)
    table = table.assign(
        difference_eur=diff,
        flagged=(diff.abs() > threshold * larger) & (diff.abs() > min_eur),
    ).sort_values(["nation_code", "year", "month"])
    span = (min(dates), max(dates)) if dates else None
    return Reconciliation(table.reset_index(drop=True), span, estimated, citation)
