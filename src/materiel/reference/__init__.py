"""Reference data shipped with materiel: nations (ISO 3166 from pycountry, GDP from the Kiel
Institute Ukraine Support Tracker, NATO / EU membership) and the item catalogue.

``load_reference(w)`` upserts all of it through the audited write path; loading twice leaves
everything ``unchanged``. The data files (``gdp.csv``, ``items.csv``) sit next to this module;
docs/data-sources.md says where every figure comes from.
"""

from __future__ import annotations

import csv
import json
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import pycountry

from materiel.codes import EU_INSTITUTIONS, USER_ASSIGNED
from materiel.records import AllianceMember, Item, Nation
from materiel.records.catalogue import CATEGORIES
from materiel.services import RuleViolation, Writer

EU_INSTITUTIONS_NAME = "European Union institutions"


#: NATO members (32, since Sweden joined on 7 March 2024).
NATO: frozenset[str] = frozenset(
    [
        "ALB",
        "BEL",
        "BGR",
        "CAN",
        "HRV",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "DEU",
        "GRC",
        "HUN",
        "ISL",
        "ITA",
        "LVA",
        "LTU",
        "LUX",
        "MNE",
        "NLD",
        "MKD",
        "NOR",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
        "TUR",
        "GBR",
        "USA",
    ]
)
#: EU member states (27, since 1 February 2020).
EU: frozenset[str] = frozenset(
    [
        "AUT",
        "BEL",
        "BGR",
        "HRV",
        "CYP",
        "CZE",
        "DNK",
        "EST",
        "FIN",
        "FRA",
        "DEU",
        "GRC",
        "HUN",
        "IRL",
        "ITA",
        "LVA",
        "LTU",
        "LUX",
        "MLT",
        "NLD",
        "POL",
        "PRT",
        "ROU",
        "SVK",
        "SVN",
        "ESP",
        "SWE",
    ]
)

GDP_FILE = "gdp.csv"
ITEMS_FILE = "items.csv"
ITEM_COLUMNS = (
    "code",
    "name",
    "category",
    "calibre",
    "unit",
    "unit_value",
    "currency",
    "value_basis",
    "aliases",
)
GDP_COLUMNS = ("iso", "gdp_eur_bn", "year", "source")


@dataclass(frozen=True)
class GdpRow:
    iso: str
    gdp_eur_bn: float
    year: int
    source: str


ALLIANCES: dict[str, frozenset[str]] = {"NATO": NATO, "EU": EU}


def alliances_of(code: str) -> list[str]:
    """The alliances ``code`` belongs to (membership as of 2026): ``["NATO", "EU"]``,
    ``["NATO"]``, ``["EU"]`` or ``[]``. The EU institutions (``EUU``) count as EU."""
    if code == EU_INSTITUTIONS:
        return ["EU"]
    return [name for name, members in ALLIANCES.items() if code in members]


def memberships() -> list[dict[str, str]]:
    """Every membership of the reference data as AllianceMember fields."""
    codes = sorted({c.alpha_3 for c in pycountry.countries} | {EU_INSTITUTIONS})
    return [{"alliance": a, "nation_code": code} for code in codes for a in alliances_of(code)]


def _read_csv(name: str, columns: tuple[str, ...]) -> list[dict[str, str]]:
    text = resources.files(__package__).joinpath(name).read_text(encoding="utf-8")
    reader = csv.DictReader(text.splitlines())
    if tuple(reader.fieldnames or ()) != columns:
        raise RuleViolation(
            f"{name}: header {reader.fieldnames} is not the expected {list(columns)}",
            entity="reference",
        )
    return list(reader)


def parse_aliases(raw: str) -> list[str]:
    """Aliases as a JSON list (``["155 mm", ...]``) or ``|``-separated text."""
    raw = raw.strip()
    if not raw:
        return []
    if raw.startswith("["):
        value = json.loads(raw)
        return [str(v).strip() for v in value if str(v).strip()]
    return [a.strip() for a in raw.split("|") if a.strip()]


@lru_cache(maxsize=1)
def gdp_table() -> dict[str, GdpRow]:
    """GDP per nation (EUR billions) from ``gdp.csv``."""
    out: dict[str, GdpRow] = {}
    for n, row in enumerate(_read_csv(GDP_FILE, GDP_COLUMNS), start=2):
        try:
            out[row["iso"]] = GdpRow(
                row["iso"], float(row["gdp_eur_bn"]), int(row["year"]), row["source"]
            )
        except ValueError as exc:
            raise RuleViolation(f"{GDP_FILE} row {n}: {exc}", entity="reference") from None
    return out


@lru_cache(maxsize=1)
def _catalogue() -> tuple[dict[str, Any], ...]:
    out: list[dict[str, Any]] = []
    seen: set[str] = set()
    for n, row in enumerate(_read_csv(ITEMS_FILE, ITEM_COLUMNS), start=2):
        where = f"{ITEMS_FILE} row {n}"
        if row["code"] in seen:
            raise RuleViolation(f"{where}, column code: duplicate {row['code']!r}", field="code")
        if row["category"] not in CATEGORIES:
            raise RuleViolation(
                f"{where}, column category: unknown category {row['category']!r}",
                field="category",
            )
        try:
            value = float(row["unit_value"])
        except ValueError:
            raise RuleViolation(
                f"{where}, column unit_value: not a number {row['unit_value']!r}",
                field="unit_value",
            ) from None
        seen.add(row["code"])
        out.append(
            {
                "code": row["code"],
                "name": row["name"],
                "category": row["category"],
                "calibre": row["calibre"] or None,
                "unit": row["unit"],
                "unit_value": value,
                "currency": row["currency"],
                "aliases": parse_aliases(row["aliases"]),
                "value_basis": row["value_basis"],
            }
        )
    return tuple(out)


def catalogue() -> list[dict[str, Any]]:
    """The item catalogue as dicts (Item fields plus ``value_basis``), a fresh copy."""
    return [dict(row, aliases=list(row["aliases"])) for row in _catalogue()]


def nations() -> list[dict[str, Any]]:
    """Every ISO 3166 country, Kosovo (:data:`USER_ASSIGNED`) and the EU institutions
    pseudo-nation, as Nation fields."""
    gdp = gdp_table()
    rows: list[dict[str, Any]] = []
    for country in pycountry.countries:
        code = country.alpha_3
        name = getattr(country, "common_name", None) or country.name
        g = gdp.get(code)
        rows.append(
            {
                "code": code,
                "name": name,
                "gdp_eur_bn": g.gdp_eur_bn if g else None,
                "gdp_year": g.year if g else None,
                "gdp_source": g.source if g else None,
            }
        )
    rows += [
        {"code": code, "name": name, "gdp_eur_bn": None, "gdp_year": None, "gdp_source": None}
        for code, name in USER_ASSIGNED.values()
    ]
    rows.append(
        {
            "code": EU_INSTITUTIONS,
            "name": EU_INSTITUTIONS_NAME,
            "gdp_eur_bn": None,
            "gdp_year": None,
            "gdp_source": None,
        }
    )
    return sorted(rows, key=lambda r: r["code"])


def load_reference(w: Writer) -> dict[str, int]:
    """Upsert nations, their alliance memberships and items; returns counts of
    ``created``, ``updated``, ``unchanged``.

    Roles (``is_donor``, ``is_recipient``) are left as they are: they belong to the data,
    not to the reference.
    """
    counts: Counter[str] = Counter()
    for row in nations():
        fields = {k: v for k, v in row.items() if k != "code"}
        _, how = w.upsert(Nation, key={"code": row["code"]}, **fields)
        counts[how] += 1
    for member in memberships():
        _, how = w.upsert(AllianceMember, key=member)
        counts[how] += 1
    for row in catalogue():
        fields = {k: v for k, v in row.items() if k not in ("code", "value_basis")}
        _, how = w.upsert(Item, key={"code": row["code"]}, **fields)
        counts[how] += 1
    return {k: counts.get(k, 0) for k in ("created", "updated", "unchanged")}


#: what ``materiel reference update`` refreshes in nations already stored (facts of the
#: reference, not the data: roles stay as they are)
NATION_FACTS = ("name", "gdp_eur_bn", "gdp_year", "gdp_source")


@dataclass
class ReferenceReport:
    """What loading the reference did, per kind: created, updated, unchanged; and the items
    whose catalogue values differ from the reference but were kept."""

    nations: Counter[str]
    items: Counter[str]
    kept: list[str]
    alliances: Counter[str] = field(default_factory=Counter)  # alliance_member rows

    @property
    def changes(self) -> int:
        return sum(c["created"] + c["updated"] for c in (self.nations, self.items, self.alliances))


def update_reference(w: Writer, *, overwrite_items: bool = False) -> ReferenceReport:
    """Add the nations and items a database lacks and refresh the nations' reference facts
    (names, GDP, alliances); merge the catalogue's aliases into stored items. A stored item's
    name, category, calibre, unit, unit value and currency are the user's to change and are
    kept (listed in ``kept`` when they differ), unless ``overwrite_items``. Loading twice
    changes nothing; roles (``is_donor``, ``is_recipient``) are never touched."""
    from sqlalchemy import select

    report = ReferenceReport(Counter(), Counter(), [])
    stored_nations = {n.code: n for n in w.session.scalars(select(Nation))}
    for row in nations():
        fields = {k: row[k] for k in NATION_FACTS}
        existing = stored_nations.get(row["code"])
        if existing is None:
            w.create(Nation, code=row["code"], **fields)
            report.nations["created"] += 1
            continue
        changes = {k: v for k, v in fields.items() if getattr(existing, k) != v}
        if changes:
            w.update(existing, **changes)
        report.nations["updated" if changes else "unchanged"] += 1
    stored = set(w.session.execute(select(AllianceMember.alliance, AllianceMember.nation_code)))
    for member in memberships():
        if (member["alliance"], member["nation_code"]) in stored:
            report.alliances["unchanged"] += 1
        else:
            w.create(AllianceMember, **member)
            report.alliances["created"] += 1
    stored_items = {i.code: i for i in w.session.scalars(select(Item))}
    for row in catalogue():
        fields = {k: v for k, v in row.items() if k not in ("code", "value_basis")}
        item = stored_items.get(row["code"])
        if item is None:
            w.create(Item, code=row["code"], **fields)
            report.items["created"] += 1
            continue
        aliases = list(item.aliases or [])
        aliases += [a for a in fields["aliases"] if a not in aliases]
        if overwrite_items:
            changes = {k: v for k, v in fields.items() if getattr(item, k) != v}
        else:
            changes = {"aliases": aliases} if aliases != list(item.aliases or []) else {}
            differs = [k for k, v in fields.items() if k != "aliases" and getattr(item, k) != v]
            if differs:
                report.kept.append(f"{row['code']} ({', '.join(differs)})")
        if changes:
            w.update(item, **changes)
        report.items["updated" if changes else "unchanged"] += 1
    return report


__all__ = [
    "ALLIANCES",
    "CATEGORIES",
    "EU",
    "EU_INSTITUTIONS",
    "NATION_FACTS",
    "NATO",
    "ReferenceReport",
    "alliances_of",
    "catalogue",
    "gdp_table",
    "load_reference",
    "memberships",
    "nations",
    "parse_aliases",
    "update_reference",
]
