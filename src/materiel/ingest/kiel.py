"""Kiel Institute Ukraine Support Tracker: import a release (the website's data files and
the Main Database's row-level activities), report it, check it against the totals Kiel
publishes, and reconcile it with materiel's own pledges.

Website files (columns read by name; extra columns are ignored and said so):

- ``data_explorer.csv``: per donor and month, EUR billions: ``year``, ``month``, ``military``
  and ``country`` or ``iso`` are required; ``total``, ``financial``, ``humanitarian`` (the
  allocations), ``commitments``, ``to_be_allocated``, ``gdp`` and ``pct_gdp`` are read when
  present (older layouts lack some; ``to_be_allocated`` is then commitments − total);
- ``weapons.csv``: heavy weapons by donor and category (a file with only its header is fine);
- ``release_info.csv`` (optional): release, period, date, label.

Row-level data: the Main Database workbook or a CSV with its columns
(:mod:`materiel.ingest.kiel_activities`). A release imports in one transaction; importing
the same files again changes nothing; changed files of the same release replace their rows.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sqlalchemy import Engine, delete, insert, select

from materiel import money
from materiel.db import read_session
from materiel.ingest import nations as nat
from materiel.ingest.kiel_activities import (
    ActivityData,
    KielLayoutError,
    donor_code,
    normalise,
    read_activities,
)
from materiel.io.checks import Issues
from materiel.records import Item, Pledge
from materiel.records.tracker import (
    TrackerActivity,
    TrackerDonorTotal,
    TrackerMonthly,
    TrackerRelease,
    TrackerWeapons,
)
from materiel.services import writer

TRACKER = "kiel-ust"
CITATION = "Kiel Institute for the World Economy, Ukraine Support Tracker"
#: problems with a release's files (a :class:`ValueError` listing file, row, column, reason)
LayoutError = KielLayoutError

MONTHLY_REQUIRED = ("year", "month", "military")
MONTHLY_OPTIONAL = (
    "total",
    "financial",
    "humanitarian",
    "commitments",
    "to_be_allocated",
    "gdp",
    "pct_gdp",
)
WEAPONS_REQUIRED = ("donor", "category", "number_of_weapons", "monetary_value_eur")
RELEASE_COLUMNS = ("release", "period", "date", "label")
#: tracker weapons categories → item catalogue categories (others: other-military)
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
#: a published figure and its recomputation agree when within this relative difference
TOLERANCE = 0.001
#: the columns of :func:`check_published`
CHECK_COLUMNS = (
    "nation_code",
    "figure",
    "published_by",
    "published_eur",
    "computed_eur",
    "relative_difference",
    "within",
)


@dataclass
class KielData:
    """A release's website files, checked."""

    release: str
    period: str | None
    published_on: dt.date | None
    label: str
    monthly: list[dict[str, Any]]
    weapons: list[dict[str, Any]]
    files: dict[str, dict[str, Any]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    @property
    def code(self) -> str:
        return f"kiel-{self.release}"

    @property
    def citation(self) -> str:
        return citation(self.release, self.period)


def citation(release: str, period: str | None = None) -> str:
    return f"{CITATION}, release {release}" + (f" ({period})" if period else "")


# -- website files ---------------------------------------------------------------------------


def _read_csv(
    path: Path, required: tuple[str, ...], optional: tuple[str, ...], issues: Issues
) -> tuple[list[dict[str, Any]], dict[str, Any], list[str]]:
    """Rows by column name (the file's row number in ``_row``), the file's hash and row
    count, and the names of the columns left out as unknown."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        issues.add(path.name, None, None, "is not UTF-8 text")
        return [], {}, []
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if header is None:
        issues.add(path.name, None, None, f"empty file (expected columns {', '.join(required)})")
        return [], {}, []
    names = [normalise(h) for h in header]
    missing = [c for c in required if c not in names]
    if missing:
        issues.add(path.name, 1, ", ".join(missing), f"missing columns: {', '.join(missing)}")
        return [], {}, []
    known = set(required) | set(optional)
    extra = [h for h, n in zip(header, names, strict=True) if n not in known]
    rows: list[dict[str, Any]] = []
    for n, values in enumerate(reader, start=2):
        if not values or all(not v.strip() for v in values):
            continue
        if len(values) != len(header):
            issues.add(path.name, n, None, f"{len(values)} values for {len(header)} columns")
            continue
        rows.append(dict(zip(names, values, strict=True)) | {"_row": n})
    info = {"sha256": hashlib.sha256(raw).hexdigest(), "rows": len(rows)}
    return rows, info, extra


def _num(
    file: str, row: dict[str, Any], col: str, issues: Issues, *, optional: bool = False
) -> float | None:
    v = str(row.get(col, "")).strip()
    if v in ("", "NA", "NaN", "nan", "."):
        if optional:
            return None
        issues.add(file, row["_row"], col, "required value is empty")
        return None
    try:
        return float(v)
    except ValueError:
        issues.add(file, row["_row"], col, f"{v!r} is not a number")
        return None


def load_release(directory: Path, release: str | None = None) -> KielData:
    """Read and check the website files of a release; raises :class:`LayoutError` listing
    every problem by file, row and column."""
    directory = Path(directory)
    issues = Issues(50)
    period: str | None = None
    published: dt.date | None = None
    label = ""
    files: dict[str, dict[str, Any]] = {}
    notes: list[str] = []
    info_path = directory / "release_info.csv"
    if info_path.exists():
        rows, info, _ = _read_csv(info_path, ("release",), RELEASE_COLUMNS[1:], issues)
        if info:
            files["release_info.csv"] = info | {"kind": "website"}
        if rows:
            release = release or str(rows[0]["release"]).strip()
            period = str(rows[0].get("period", "")).strip() or None
            label = str(rows[0].get("label", "")).strip()
            if str(rows[0].get("date", "")).strip():
                try:
                    published = dt.date.fromisoformat(str(rows[0]["date"]).strip())
                except ValueError:
                    issues.add("release_info.csv", 2, "date", f"{rows[0]['date']!r} is not a date")
    if not release:
        issues.add(str(directory), None, None, "no release_info.csv: give the release (--release)")
        raise LayoutError(issues)
    explorer = directory / "data_explorer.csv"
    monthly: list[dict[str, Any]] = []
    if not explorer.exists():
        issues.add("data_explorer.csv", None, None, f"file not found in {directory}")
    else:
        rows, info, extra = _read_csv(
            explorer, MONTHLY_REQUIRED, (*MONTHLY_OPTIONAL, "country", "iso"), issues
        )
        if info:
            files["data_explorer.csv"] = info | {"kind": "website"}
        if extra:
            notes.append(f"data_explorer.csv: columns ignored: {', '.join(extra)}")
        monthly = _monthly(rows, issues)
    weapons: list[dict[str, Any]] = []
    wpath = directory / "weapons.csv"
    if wpath.exists():
        rows, info, extra = _read_csv(wpath, WEAPONS_REQUIRED, ("weapons_list",), issues)
        if info:
            files["weapons.csv"] = info | {"kind": "website"}
        if extra:
            notes.append(f"weapons.csv: columns ignored: {', '.join(extra)}")
        weapons = _weapons(rows, issues, notes)
    if issues.total:
        raise LayoutError(issues)
    if not label:
        label = f"Ukraine Support Tracker, Release {release}"
    return KielData(str(release), period, published, label, monthly, weapons, files, notes)


def _monthly(rows: list[dict[str, Any]], issues: Issues) -> list[dict[str, Any]]:
    file = "data_explorer.csv"
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, int, int], int] = {}
    for r in rows:
        name = str(r.get("country", "")).strip()
        code = donor_code(name or None, str(r.get("iso", "")).strip() or None)
        if code is None:
            issues.add(
                file,
                r["_row"],
                "iso" if "iso" in r else "country",
                f"donor {name or r.get('iso')!r} is not a known nation",
            )
            continue
        year, month = _num(file, r, "year", issues), _num(file, r, "month", issues)
        if year is None or month is None:
            continue
        if not 1 <= int(month) <= 12:
            issues.add(file, r["_row"], "month", f"{r['month']!r} is not 1..12")
            continue
        key = (code, int(year), int(month))
        if key in seen:
            issues.add(
                file,
                r["_row"],
                None,
                f"second row for {code} {int(year)}-{int(month):02d} (first: row {seen[key]})",
            )
            continue
        seen[key] = r["_row"]
        rec: dict[str, Any] = {
            "nation_code": code,
            "donor_name": (name or nat.nation_name(code))[:120],
            "year": int(year),
            "month": int(month),
            "military": _num(file, r, "military", issues),
        }
        for col in MONTHLY_OPTIONAL:
            rec[col] = _num(file, r, col, issues, optional=True) if col in r else None
        if rec["to_be_allocated"] is None and None not in (rec["commitments"], rec["total"]):
            rec["to_be_allocated"] = rec["commitments"] - rec["total"]
        out.append(rec)
    return out


def _weapons(rows: list[dict[str, Any]], issues: Issues, notes: list[str]) -> list[dict[str, Any]]:
    file = "weapons.csv"
    out: list[dict[str, Any]] = []
    unknown: set[str] = set()
    for r in rows:
        name = str(r["donor"]).strip()
        code = donor_code(name, None)
        if code is None:
            issues.add(file, r["_row"], "donor", f"donor {name!r} is not a known nation")
            continue
        cat = str(r["category"]).strip()
        if cat not in WEAPON_CATEGORIES:
            unknown.add(cat)
        n = _num(file, r, "number_of_weapons", issues)
        v = _num(file, r, "monetary_value_eur", issues)
        if n is None or v is None:
            continue
        out.append(
            {
                "nation_code": code,
                "donor_name": name[:120],
                "category": cat,
                "item_category": WEAPON_CATEGORIES.get(cat, "other-military"),
                "number_of_weapons": int(n),
                "monetary_value_eur": v,
                "weapons_list": str(r.get("weapons_list", "")).strip(),
            }
        )
    if unknown:
        notes.append(
            f"weapons.csv: categories mapped to other-military: {', '.join(sorted(unknown))}"
        )
    return out


# -- importing -----------------------------------------------------------------------------


@dataclass
class ImportSummary:
    """What a ``kiel import`` did."""

    release: str
    code: str
    citation: str
    how: str  # created, updated, unchanged
    monthly: int = 0
    weapons: int = 0
    activities: int = 0
    totals: int = 0
    notes: list[str] = field(default_factory=list)


_RELEASE_IN_NAME = re.compile(r"release[ _-]?(\d+)", re.IGNORECASE)


def release_of(path: Path) -> str | None:
    """The release number in a file name such as ``Ukraine_Support_Tracker_Release_29.xlsx``."""
    m = _RELEASE_IN_NAME.search(path.name)
    return m.group(1) if m else None


def read_path(
    path: Path, release: str | None = None, sheet: str | None = None
) -> tuple[KielData | None, ActivityData | None, str]:
    """The website files and/or row-level data at ``path`` (a release folder, a Main
    Database workbook or an activity CSV) and the release they belong to."""
    path = Path(path)
    website: KielData | None = None
    activities: ActivityData | None = None
    if path.is_dir():
        books = sorted(p for p in path.iterdir() if p.suffix.lower() in (".xlsx", ".xlsm"))
        if len(books) > 1:
            issues = Issues(5)
            issues.add(
                str(path),
                None,
                None,
                f"holds {len(books)} workbooks ({', '.join(b.name for b in books)}): "
                "import one Main Database workbook at a time",
            )
            raise LayoutError(issues)
        if (path / "data_explorer.csv").exists() or not books:
            website = load_release(path, release or (release_of(books[0]) if books else None))
            release = website.release
        if books:
            activities = read_activities(books[0], sheet=sheet)
            release = release or release_of(books[0])
    else:
        activities = read_activities(path, sheet=sheet)
        release = release or release_of(path)
    if not release:
        issues = Issues(5)
        issues.add(
            path.name, None, None, "the release is not in the file name: give it with --release"
        )
        raise LayoutError(issues)
    return website, activities, str(release)


def import_path(
    engine: Engine,
    path: Path,
    *,
    actor: str,
    release: str | None = None,
    sheet: str | None = None,
) -> ImportSummary:
    """Import a release folder, a Main Database workbook or an activity CSV in one
    transaction (checked first; idempotent)."""
    website, activities, rel = read_path(path, release, sheet)
    code = f"kiel-{rel}"
    period = website.period if website else None
    summary = ImportSummary(rel, code, citation(rel, period), "unchanged")
    files: dict[str, dict[str, Any]] = {}
    if website is not None:
        files.update(website.files)
        summary.notes += website.notes
        summary.monthly, summary.weapons = len(website.monthly), len(website.weapons)
    if activities is not None:
        files[activities.file] = {
            "sha256": activities.sha256,
            "rows": len(activities.rows),
            "kind": "activities",
            "sheet": activities.sheet,
            "totals_sheet": activities.totals_sheet,
        }
        summary.notes += activities.notes
        summary.activities, summary.totals = len(activities.rows), len(activities.totals)
    with writer(engine, actor=actor) as w:
        existing = w.session.scalars(
            select(TrackerRelease).where(TrackerRelease.code == code)
        ).one_or_none()
        stored = dict(existing.files) if existing is not None else {}
        kinds = {v["kind"] for v in files.values()}
        same = all(
            {k: v for k, v in stored.items() if v.get("kind", "website") == kind}
            == {k: v for k, v in files.items() if v["kind"] == kind}
            for kind in kinds
        )
        if existing is not None and same:
            return summary
        s = w.session
        if website is not None:
            s.execute(delete(TrackerMonthly).where(TrackerMonthly.release_code == code))
            s.execute(delete(TrackerWeapons).where(TrackerWeapons.release_code == code))
            _insert(s, TrackerMonthly, code, website.monthly)
            _insert(s, TrackerWeapons, code, website.weapons)
            stored = {k: v for k, v in stored.items() if v.get("kind", "website") != "website"}
        if activities is not None:
            s.execute(delete(TrackerActivity).where(TrackerActivity.release_code == code))
            s.execute(delete(TrackerDonorTotal).where(TrackerDonorTotal.release_code == code))
            rows = [r | {"source_file": activities.label} for r in activities.rows]
            _insert(s, TrackerActivity, code, rows)
            _insert(s, TrackerDonorTotal, code, activities.totals)
            stored = {k: v for k, v in stored.items() if v.get("kind") != "activities"}
        fields: dict[str, Any] = {
            "tracker": TRACKER,
            "release": rel,
            "files": stored | files,
            "citation": summary.citation,
        }
        if website is not None or existing is None:
            fields |= {
                "period": period,
                "published_on": website.published_on if website else None,
                "label": website.label if website else f"Ukraine Support Tracker, Release {rel}",
            }
        _, summary.how = w.upsert(TrackerRelease, key={"code": code}, **fields)
    return summary


def _insert(session: Any, model: Any, code: str, rows: list[dict[str, Any]]) -> None:
    """Multi-row insert (nothing for an empty file: an empty insert would write one blank
    row)."""
    if rows:
        session.execute(insert(model), [{"release_code": code, **r} for r in rows])


def import_release(
    engine: Engine, directory: Path, *, actor: str, release: str | None = None
) -> str:
    """Import a release folder; returns created, updated or unchanged."""
    return import_path(engine, directory, actor=actor, release=release).how


def latest_release(engine: Engine) -> TrackerRelease | None:
    with read_session(engine) as s:
        releases = list(s.scalars(select(TrackerRelease)))
        for r in releases:
            s.expunge(r)
    releases.sort(key=lambda r: (int(r.release) if r.release.isdigit() else -1, r.release))
    return releases[-1] if releases else None


def get_release(engine: Engine, release: str) -> TrackerRelease | None:
    code = release if release.startswith("kiel-") else f"kiel-{release}"
    with read_session(engine) as s:
        rel = s.scalars(select(TrackerRelease).where(TrackerRelease.code == code)).first()
        if rel is not None:
            s.expunge(rel)
        return rel


# -- frames ------------------------------------------------------------------------------------


def _frame(engine: Engine, model: Any, release_code: str) -> pd.DataFrame:
    cols = [c.key for c in model.__mapper__.column_attrs]
    with read_session(engine) as s:
        rows = s.execute(
            select(*(getattr(model, c) for c in cols)).where(model.release_code == release_code)
        ).all()
    return pd.DataFrame.from_records([tuple(r) for r in rows], columns=cols)


def monthly_frame(engine: Engine, release_code: str) -> pd.DataFrame:
    return _frame(engine, TrackerMonthly, release_code)


def activity_frame(engine: Engine, release_code: str) -> pd.DataFrame:
    return _frame(engine, TrackerActivity, release_code)


def weapons(engine: Engine, *, release_code: str, donor: str | None = None) -> pd.DataFrame:
    """The heavy weapons rows (by donor and category), largest value first."""
    df = _frame(engine, TrackerWeapons, release_code)
    if donor:
        df = df[df["nation_code"] == donor.upper()]
    cols = [
        "nation_code",
        "donor_name",
        "category",
        "item_category",
        "number_of_weapons",
        "monetary_value_eur",
        "weapons_list",
    ]
    return df[cols].sort_values("monetary_value_eur", ascending=False).reset_index(drop=True)


# -- per-donor totals -------------------------------------------------------------------------

FIGURES = (
    "military_allocations",
    "military_commitments",
    "financial_allocations",
    "humanitarian_allocations",
    "total_allocations",
    "total_commitments",
)


def _activity_totals(acts: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Allocations (row values of allocation rows) and commitments (activity values of all
    rows) by ``keys``, EUR."""
    a = acts.assign(
        alloc=np.where(acts["measure"] == "allocation", acts["value_eur"].fillna(0.0), 0.0),
        commit=acts["activity_value_eur"].fillna(0.0),
    )
    for kind in ("military", "financial", "humanitarian"):
        mask = a["aid_type"] == kind
        a[f"{kind}_allocations"] = np.where(mask, a["alloc"], 0.0)
        a[f"{kind}_commitments"] = np.where(mask, a["commit"], 0.0)
    a["total_allocations"] = a["alloc"]
    a["total_commitments"] = a["commit"]
    return a.groupby(keys, as_index=False, dropna=False)[list(FIGURES)].sum()


def _monthly_totals(monthly: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    m = monthly.assign(
        military_allocations=monthly["military"] * 1e9,
        military_commitments=np.nan,
        financial_allocations=monthly["financial"].astype(float) * 1e9,
        humanitarian_allocations=monthly["humanitarian"].astype(float) * 1e9,
        total_allocations=monthly["total"].astype(float) * 1e9,
        total_commitments=monthly["commitments"].astype(float) * 1e9,
    )
    return m.groupby(keys, as_index=False)[list(FIGURES)].sum(min_count=1)


def basis(engine: Engine, release_code: str) -> str:
    """Where per-donor figures come from: the row-level activities when imported, else the
    website's monthly file."""
    with read_session(engine) as s:
        has = s.scalar(
            select(TrackerActivity.id).where(TrackerActivity.release_code == release_code).limit(1)
        )
    return "activities" if has is not None else "monthly"


def report(
    engine: Engine,
    *,
    release_code: str,
    by: str = "donor",
    donor: str | None = None,
    year: int | None = None,
    total_row: bool = False,
) -> pd.DataFrame:
    """Commitments and allocations (EUR billions) by donor, by donor and year, or by donor
    and month, with ``to_be_allocated`` = commitments − allocations clamped at zero as Kiel
    does; ``total_row`` appends the all-donor total (``nation_code`` ``ALL``). Figures come
    from the row-level activities when imported (column ``basis``), else from the website's
    monthly file (which has no military commitments)."""
    keys = {
        "donor": ["nation_code"],
        "year": ["nation_code", "year"],
        "month": ["nation_code", "year", "month"],
    }[by]
    source = basis(engine, release_code)
    if source == "activities":
        df = activity_frame(engine, release_code)
        names = df.drop_duplicates("nation_code").set_index("nation_code")["donor_name"]
        if by != "donor":
            df = df[df["year"].notna() & (df["month"].notna() if by == "month" else True)]
    else:
        df = monthly_frame(engine, release_code)
        names = df.drop_duplicates("nation_code").set_index("nation_code")["donor_name"]
    if df.empty:
        return pd.DataFrame(columns=[*keys, "donor", *FIGURES, "to_be_allocated", "basis"])
    if donor:
        df = df[df["nation_code"] == donor.upper()]
    if year:
        df = df[df["year"] == year]
    out = _activity_totals(df, keys) if source == "activities" else _monthly_totals(df, keys)
    for col in FIGURES:
        out[col] = out[col] / 1e9
    if by != "donor":
        out[keys[1:]] = out[keys[1:]].astype(int)
    out.insert(1, "donor", out["nation_code"].map(names).fillna(out["nation_code"]))
    out["to_be_allocated"] = (out["total_commitments"] - out["total_allocations"]).clip(lower=0)
    out["military_to_be_allocated"] = (
        out["military_commitments"] - out["military_allocations"]
    ).clip(lower=0)
    out["basis"] = source
    if by == "donor":
        out = out.sort_values("total_allocations", ascending=False).reset_index(drop=True)
    else:
        out = out.sort_values(keys).reset_index(drop=True)
    if total_row and not out.empty:
        numeric = [*FIGURES, "to_be_allocated", "military_to_be_allocated"]
        total: dict[str, Any] = {c: out[c].sum(min_count=1) for c in numeric}
        total |= {
            "nation_code": "ALL",
            "donor": f"all donors ({len(set(out['nation_code']))})",
            "basis": source,
        }
        for k in keys[1:]:
            total[k] = None
        out = pd.concat([out, pd.DataFrame([total])], ignore_index=True)
    return out


def check_published(engine: Engine, *, release_code: str) -> pd.DataFrame:
    """Per-donor totals recomputed from the row-level activities beside the totals Kiel
    publishes for the same release (the workbook's country summary; the website's monthly
    file summed over months), EUR; ``within`` when the relative difference is at most
    :data:`TOLERANCE` (0.1 %). Empty without row-level data."""
    acts = activity_frame(engine, release_code)
    if acts.empty:
        return pd.DataFrame(columns=list(CHECK_COLUMNS))
    computed = _activity_totals(acts, ["nation_code"]).melt(
        id_vars="nation_code", var_name="figure", value_name="computed_eur"
    )
    parts: list[pd.DataFrame] = []
    monthly = monthly_frame(engine, release_code)
    if not monthly.empty:
        web = _monthly_totals(monthly, ["nation_code"]).melt(
            id_vars="nation_code", var_name="figure", value_name="published_eur"
        )
        parts.append(web.dropna(subset=["published_eur"]).assign(published_by="data_explorer.csv"))
    totals = _frame(engine, TrackerDonorTotal, release_code)
    if not totals.empty:
        summary = totals.assign(figure=totals["aid_type"] + "_" + totals["measure"] + "s")
        summary = summary.groupby(["nation_code", "figure", "source"], as_index=False).agg(
            value_eur=("value_eur", "sum")
        )
        parts.append(
            summary.rename(columns={"value_eur": "published_eur", "source": "published_by"})
        )
    if not parts:
        return pd.DataFrame(columns=list(CHECK_COLUMNS))
    published = pd.concat(parts, ignore_index=True)
    table = published.merge(computed, on=["nation_code", "figure"], how="left")
    table["computed_eur"] = table["computed_eur"].fillna(0.0)
    scale = table[["published_eur", "computed_eur"]].abs().max(axis=1)
    diff = (table["computed_eur"] - table["published_eur"]).abs()
    table["relative_difference"] = np.where(scale > 0, diff / scale.where(scale > 0, 1.0), 0.0)
    # an amount below one euro is rounding of the published figures, whatever its share
    table["within"] = (table["relative_difference"] <= TOLERANCE) | (diff < 1.0)
    return (
        table[list(CHECK_COLUMNS)]
        .sort_values(["published_by", "nation_code", "figure"])
        .reset_index(drop=True)
    )


# -- reconciling with materiel's pledges -------------------------------------------------------

MATERIEL_STATUSES = {
    "allocations": ("committed", "delivering", "delivered"),
    "commitments": ("announced", "committed", "delivering", "delivered"),
}


@dataclass
class Reconciliation:
    table: pd.DataFrame
    rate_dates: tuple[dt.date, dt.date] | None
    estimated: int
    citation: str
    kiel_label: str = ""
    materiel_label: str = ""
    overlap: tuple[str, str] | None = None
    explanation: str = ""
    outside: dict[str, int] = field(default_factory=dict)
    unplaced_eur: float = 0.0


def _months(df: pd.DataFrame) -> pd.Series:
    return df["year"].astype(int) * 12 + df["month"].astype(int) - 1


def _ym(k: int) -> str:
    return f"{k // 12}-{k % 12 + 1:02d}"


def reconcile(
    engine: Engine,
    *,
    release_code: str,
    measure: str = "allocations",
    threshold: float = 0.25,
    min_eur: float = 1e6,
    donor: str | None = None,
) -> Reconciliation:
    """Kiel's military ``measure`` (allocations or commitments) beside materiel's pledges of
    the same kind, by donor and month, EUR, within the months both cover.

    Like with like: Kiel's allocations (aid delivered or earmarked for delivery) are set
    beside materiel pledges that are committed, delivering or delivered; Kiel's commitments
    (promised, allocated or not) beside every pledge not cancelled. Pledges are valued at
    their value amount, or (counted in ``estimated``) at quantity × the item's unit value,
    converted to EUR with the ECB rate of the announcement date. A row is flagged when the
    two differ by more than ``threshold`` (relative to the larger) and ``min_eur``. Months
    outside the other side's period are left out and counted in ``outside``; when no month
    is shared nothing is flagged and ``explanation`` says why."""
    if measure not in MATERIEL_STATUSES:
        raise ValueError("measure must be allocations or commitments")
    with read_session(engine) as s:
        rel = s.scalars(select(TrackerRelease).where(TrackerRelease.code == release_code)).first()
        cite = rel.citation if rel else CITATION
    kiel_part, unplaced, kiel_label = _kiel_side(engine, release_code, measure)
    own, estimated, dates = _materiel_side(engine, measure)
    materiel_label = (
        "materiel pledges "
        + ("committed, delivering or delivered" if measure == "allocations" else "not cancelled")
        + " (EUR, by month announced)"
    )
    if donor:
        kiel_part = kiel_part[kiel_part["nation_code"] == donor.upper()]
        own = own[own["nation_code"] == donor.upper()]
    span = (min(dates), max(dates)) if dates else None
    result = Reconciliation(
        pd.DataFrame(
            columns=[
                "nation_code",
                "year",
                "month",
                "kiel_eur",
                "materiel_eur",
                "pledges",
                "difference_eur",
                "flagged",
            ]
        ),
        span,
        estimated,
        cite,
        kiel_label,
        materiel_label,
        unplaced_eur=unplaced,
    )
    kiel_active = kiel_part[kiel_part["kiel_eur"] != 0]
    if kiel_active.empty or own.empty:
        which = "Kiel has no figures" if kiel_active.empty else "materiel has no pledges"
        result.explanation = f"Nothing to compare: {which} for this selection."
        return result
    k_months, m_months = _months(kiel_active), _months(own)
    lo, hi = max(k_months.min(), m_months.min()), min(k_months.max(), m_months.max())
    k_span = f"{_ym(int(k_months.min()))} to {_ym(int(k_months.max()))}"
    m_span = f"{_ym(int(m_months.min()))} to {_ym(int(m_months.max()))}"
    if lo > hi:
        result.explanation = (
            f"No month in common: Kiel's figures run {k_span}, materiel's pledges {m_span}. "
            "Nothing is compared (no row is flagged); import pledges of the tracker's period, "
            "or a release that covers materiel's."
        )
        result.outside = {"kiel": len(kiel_active), "materiel": len(own)}
        return result
    result.overlap = (_ym(int(lo)), _ym(int(hi)))
    result.outside = {
        "kiel": int(((k_months < lo) | (k_months > hi)).sum()),
        "materiel": int(((m_months < lo) | (m_months > hi)).sum()),
    }
    kiel_in = kiel_part[(_months(kiel_part) >= lo) & (_months(kiel_part) <= hi)]
    own_in = own[(m_months >= lo) & (m_months <= hi)]
    table = pd.merge(kiel_in, own_in, on=["nation_code", "year", "month"], how="outer")
    table = table.fillna({"kiel_eur": 0.0, "materiel_eur": 0.0, "pledges": 0})
    table["pledges"] = table["pledges"].astype(int)
    table = table[(table["kiel_eur"] != 0) | (table["materiel_eur"] != 0)]
    diff = table["materiel_eur"] - table["kiel_eur"]
    larger = table[["materiel_eur", "kiel_eur"]].abs().max(axis=1)
    table = table.assign(
        difference_eur=diff,
        flagged=(diff.abs() > threshold * larger) & (diff.abs() > min_eur),
    ).sort_values(["nation_code", "year", "month"])
    result.table = table.reset_index(drop=True)
    if result.outside["kiel"] or result.outside["materiel"]:
        result.explanation = (
            f"Compared {result.overlap[0]} to {result.overlap[1]}, the months both cover "
            f"(Kiel: {k_span}; materiel: {m_span}); left out: {result.outside['kiel']} Kiel "
            f"and {result.outside['materiel']} materiel donor-months outside them."
        )
    return result


def _kiel_side(engine: Engine, release_code: str, measure: str) -> tuple[pd.DataFrame, float, str]:
    """Kiel's military figure by donor and month (EUR), the EUR that has no month, and what
    it is."""
    acts = activity_frame(engine, release_code)
    cols = ["nation_code", "year", "month", "kiel_eur"]
    if not acts.empty:
        mil = acts[acts["aid_type"] == "military"]
        if measure == "allocations":
            mil = mil[mil["measure"] == "allocation"].assign(v=lambda d: d["value_eur"].fillna(0.0))
        else:
            mil = mil.assign(v=lambda d: d["activity_value_eur"].fillna(0.0))
        placed = mil[mil["month_known"].astype(bool)]
        unplaced = float(mil.loc[~mil["month_known"].astype(bool), "v"].sum())
        part = placed.groupby(["nation_code", "year", "month"], as_index=False).agg(
            kiel_eur=("v", "sum")
        )
        part[["year", "month"]] = part[["year", "month"]].astype(int)
        return part[cols], unplaced, f"Kiel military {measure} (row-level activities, EUR)"
    if measure == "commitments":
        raise ValueError(
            "the website files give no military commitments (only all commitments): import "
            "the Main Database workbook of the release (`materiel kiel import WORKBOOK`)"
        )
    monthly = monthly_frame(engine, release_code)
    if monthly.empty:
        return pd.DataFrame(columns=cols), 0.0, "Kiel military allocations"
    part = monthly[["nation_code", "year", "month"]].assign(kiel_eur=monthly["military"] * 1e9)
    return part[cols], 0.0, "Kiel military allocations (website monthly file, EUR)"


def _materiel_side(engine: Engine, measure: str) -> tuple[pd.DataFrame, int, list[dt.date]]:
    statuses = MATERIEL_STATUSES[measure]
    with read_session(engine) as s:
        rows = s.execute(
            select(
                Pledge.donor_code,
                Pledge.announced_on,
                Pledge.quantity,
                Pledge.value_amount,
                Pledge.value_currency,
                Item.unit_value,
                Item.currency,
            )
            .join(Item, Item.code == Pledge.item_code)
            .where(Pledge.status.in_(statuses))
        ).all()
    records = []
    estimated = 0
    dates: list[dt.date] = []
    for r in rows:
        if r.value_amount is not None and r.value_currency:
            amount, cur = r.value_amount, r.value_currency
        else:
            amount, cur = r.quantity * r.unit_value, r.currency
            estimated += 1
        conv = money.convert(amount, cur, "EUR", r.announced_on)
        dates.append(conv.rate_date)
        records.append((r.donor_code, r.announced_on.year, r.announced_on.month, conv.amount))
    df = pd.DataFrame.from_records(records, columns=["nation_code", "year", "month", "eur"])
    own = df.groupby(["nation_code", "year", "month"], as_index=False).agg(
        materiel_eur=("eur", "sum"), pledges=("eur", "size")
    )
    return own, estimated, dates
