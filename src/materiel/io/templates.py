"""The import/export templates: one declarative table per entity.

Each :class:`Template` names its file (``pledges.csv`` or the ``pledges`` sheet of a
workbook), the record model it maps to, the natural key that makes an import an idempotent
upsert, and its columns. ``docs/templates.md`` is generated from this table
(:func:`materiel.io.docs.render_markdown`) and a test keeps the two in sync.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from sqlalchemy import String

from materiel.plan_policy import HORIZON_WEEKS
from materiel.records import (
    Base,
    Caveat,
    Delivery,
    Fund,
    FundItem,
    FundMember,
    Item,
    Meeting,
    Nation,
    Need,
    Order,
    Organisation,
    Pledge,
    ProductionLine,
    RampStep,
    Scenario,
    ScenarioRate,
    StockReport,
    StockTarget,
)
from materiel.records.catalogue import CATEGORIES

ColumnType = Literal["str", "int", "float", "date", "bool", "currency", "list", "json"]
LIST_SEPARATOR = "|"
DONOR_DEFAULT = (
    "true when the nation pledges, has a stock target or a caveat (in this import or the "
    "database), else false"
)
RECIPIENT_DEFAULT = (
    "true when the nation receives a pledge, states a need, receives a fund's purchases or "
    "has a consumption rate (in this import or the database), else false"
)


TYPE_HELP: dict[str, str] = {
    "str": "text",
    "int": "whole number",
    "float": "number (decimal point `.`)",
    "date": "date `YYYY-MM-DD` (or an Excel date cell)",
    "bool": "`true` / `false` (also yes/no, 1/0)",
    "currency": "ISO 4217 code with an ECB reference rate (EUR, USD, GBP, ...)",
    "list": f"several values separated by `{LIST_SEPARATOR}`",
    "json": "a JSON object, e.g. `{}`",
}


@dataclass(frozen=True)
class Column:
    """One column of a template.

    ``field`` is the record attribute it maps to (``None`` when the importer translates it,
    e.g. ``pledge_ref`` → ``pledge_id``); ``references`` names the template whose key the
    value must be (in the database or earlier in the same import; nations and items also by
    name or alias); ``minimum`` and ``positive`` bound numbers; ``choices`` lists the allowed
    values; ``default`` says what an empty cell of a new record becomes when the importer
    fills it in; ``month`` lets a date be given as ``YYYY-MM`` (the ``first`` or ``last`` day
    of that month is stored).
    """

    name: str
    type: ColumnType
    required: bool
    description: str
    example: Any
    field: str | None = ""
    references: str | None = None
    choices: tuple[str, ...] = ()
    minimum: float | None = None
    positive: bool = False
    default: str = ""
    month: Literal["", "first", "last"] = ""

    @property
    def attr(self) -> str | None:
        """The record attribute (defaults to the column name)."""
        return self.name if self.field == "" else self.field


@dataclass(frozen=True)
class Template:
    entity: str
    model: type[Base]
    key: tuple[str, ...]
    description: str
    columns: tuple[Column, ...]
    column_by_name: dict[str, Column] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if hasattr(self.model, "synthetic") and "synthetic" not in {c.name for c in self.columns}:
            # records of a made-up scenario keep their label through export and import
            object.__setattr__(self, "columns", (*self.columns, SYNTHETIC_COLUMN))
        object.__setattr__(self, "column_by_name", {c.name: c for c in self.columns})

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def required_names(self) -> list[str]:
        return [c.name for c in self.columns if c.required]

    def is_free_text(self, column: Column) -> bool:
        """Text kept exactly as written (not a key, code, reference or choice)."""
        return (
            column.type == "str"
            and column.name not in self.key
            and column.references is None
            and not column.choices
        )

    def max_length(self, column: Column) -> int | None:
        """The database length limit of a text column (from the record model); none for a
        nation or item, which may be named (the code it resolves to fits)."""
        if column.attr is None or column.type not in ("str", "currency"):
            return None
        if column.references in ("nations", "items"):
            return None
        col = self.model.__table__.columns.get(column.attr)
        if col is not None and isinstance(col.type, String):
            return col.type.length
        return None


SYNTHETIC_COLUMN = Column(
    "synthetic",
    "bool",
    False,
    "true for records of a made-up scenario (demo, exercise): their figures are labelled "
    "SYNTHETIC wherever shown (default false)",
    False,
)


def _c(
    name: str,
    type_: ColumnType,
    required: bool,
    description: str,
    example: Any,
    **kw: Any,
) -> Column:
    return Column(name, type_, required, description, example, **kw)


def _nation(name: str, required: bool, description: str, example: str = "DEU") -> Column:
    return _c(
        name,
        "str",
        required,
        f"{description}: ISO 3166-1 alpha-3 code, or the nation's name",
        example,
        references="nations",
    )


def _item(required: bool = True) -> Column:
    return _c(
        "item_code",
        "str",
        required,
        "catalogue code of the item, or its name or an alias (e.g. 155mm shells)",
        "ammo.artillery.155mm",
        references="items",
    )


_QTY = "quantity in the item's unit"

TEMPLATES: tuple[Template, ...] = (
    Template(
        "nations",
        Nation,
        ("code",),
        "Nations (ISO 3166-1 alpha-3) with GDP for burden sharing and their roles.",
        (
            _c("code", "str", True, "ISO 3166-1 alpha-3 code", "DEU"),
            _c("name", "str", True, "short name", "Germany"),
            _c("gdp_eur_bn", "float", False, "GDP in billion EUR", 4121.2, minimum=0),
            _c("gdp_year", "int", False, "year of the GDP figure", 2023, minimum=1900),
            _c("gdp_source", "str", False, "named public source of the GDP", "Eurostat"),
            _c(
                "is_donor",
                "bool",
                False,
                "gives assistance",
                True,
                default=DONOR_DEFAULT,
            ),
            _c(
                "is_recipient",
                "bool",
                False,
                "receives assistance",
                False,
                default=RECIPIENT_DEFAULT,
            ),
            _c(
                "transit_weeks",
                "int",
                False,
                "weeks a transfer from this nation's stock takes to reach the recipient "
                "(empty: the plan's default, docs/plan.md)",
                1,
                minimum=0,
            ),
        ),
    ),
    Template(
        "organisations",
        Organisation,
        ("code",),
        "Alliance agencies, fund managers and industry producers.",
        (
            _c("code", "str", True, "unique code", "RHM-DE"),
            _c("name", "str", True, "name", "Rheinmetall Waffe Munition"),
            _c(
                "kind",
                "str",
                True,
                "agency, fund_manager, producer_large, producer_sme",
                "producer_large",
            ),
            _nation("nation_code", False, "home nation"),
        ),
    ),
    Template(
        "items",
        Item,
        ("code",),
        "The item catalogue.",
        (
            _c("code", "str", True, "catalogue code", "ammo.artillery.155mm"),
            _c("name", "str", True, "name", "155 mm artillery round"),
            _c("category", "str", True, "category", "artillery-ammunition", choices=CATEGORIES),
            _c("calibre", "str", False, "calibre such as 155mm", "155mm"),
            _c("unit", "str", True, "counting unit", "round"),
            _c(
                "unit_value",
                "float",
                False,
                "value of one unit",
                3500,
                minimum=0,
                default="the median unit value of the category in the reference catalogue",
            ),
            _c("currency", "currency", False, "currency of unit_value (default USD)", "USD"),
            _c(
                "aliases",
                "list",
                False,
                f"names used in texts, separated by `{LIST_SEPARATOR}`",
                "155mm shells|155 mm rounds",
            ),
        ),
    ),
    Template(
        "needs",
        Need,
        ("ref",),
        "Needs stated by a recipient nation.",
        (
            _c("ref", "str", True, "unique reference", "N-2024-0001"),
            _nation("recipient_code", True, "recipient nation", "UKR"),
            _item(),
            _c("quantity", "int", True, _QTY, 50000, positive=True),
            _c(
                "priority",
                "str",
                True,
                "urgency",
                "critical",
                choices=("critical", "high", "routine"),
            ),
            _c("needed_by", "date", True, "date needed by", "2024-06-30", month="last"),
            _c("stated_on", "date", True, "date the need was stated", "2024-02-14", month="first"),
            _c("source", "str", False, "where the need was stated", "UDCG meeting 2024-02-14"),
            _c("note", "str", False, "free note", ""),
        ),
    ),
    Template(
        "pledges",
        Pledge,
        ("ref",),
        "Pledges of donors to a recipient. A later status walks the lifecycle forward "
        "(announced → committed → delivering → delivered; cancelled before delivered).",
        (
            _c("ref", "str", True, "unique reference", "P-2024-0001"),
            _nation("donor_code", True, "donor nation"),
            _nation("recipient_code", True, "recipient nation", "UKR"),
            _item(),
            _c("quantity", "int", True, _QTY, 10000, positive=True),
            _c("value_amount", "float", False, "value as announced", 35000000, minimum=0),
            _c("value_currency", "currency", False, "currency of value_amount", "EUR"),
            _c("announced_on", "date", True, "date announced", "2024-02-14", month="first"),
            _c("due_by", "date", False, "promised delivery date", "2024-09-30", month="last"),
            _c(
                "channel",
                "str",
                False,
                "how it is supplied (default stock)",
                "stock",
                choices=("stock", "procurement", "fund"),
            ),
            _c("confidential", "bool", False, "seen only by donor, recipient, coordinators", False),
            _c(
                "status",
                "str",
                False,
                "lifecycle status (default announced)",
                "committed",
                choices=("announced", "committed", "delivering", "delivered", "cancelled"),
            ),
            _c("source_document", "str", False, "source document", "Press release"),
            _c("source_url", "str", False, "link to the source", "https://example.org/p1"),
            _c("source_quote", "str", False, "quoted text", "10,000 rounds of 155 mm"),
        ),
    ),
    Template(
        "deliveries",
        Delivery,
        ("ref",),
        "Deliveries against a pledge; their sum never exceeds the pledge.",
        (
            _c("ref", "str", True, "unique reference", "D-2024-0001"),
            _c(
                "pledge_ref",
                "str",
                True,
                "ref of the pledge delivered",
                "P-2024-0001",
                field=None,
                references="pledges",
            ),
            _c("quantity", "int", True, _QTY, 2500, positive=True),
            _c("delivered_on", "date", True, "date delivered", "2024-04-02"),
            _c("source", "str", False, "source of the report", "Ministry statement"),
        ),
    ),
    Template(
        "stock_reports",
        StockReport,
        ("nation_code", "item_code", "as_of"),
        "Stock on hand of a holder nation (sensitive).",
        (
            _nation("nation_code", True, "holder nation"),
            _item(),
            _c("quantity", "int", True, "quantity on hand", 120000, minimum=0),
            _c("as_of", "date", True, "date of the report", "2024-03-31"),
            _c("source", "str", False, "source", "national report"),
        ),
    ),
    Template(
        "stock_targets",
        StockTarget,
        ("nation_code", "item_code", "effective_from"),
        "Stockpile targets (minimum quantities) of a nation.",
        (
            _nation("nation_code", True, "nation"),
            _item(),
            _c("minimum", "int", True, "minimum quantity to hold", 80000, minimum=0),
            _c("effective_from", "date", True, "in force from", "2024-01-01"),
            _c("source", "str", False, "source", "alliance capability target"),
        ),
    ),
    Template(
        "caveats",
        Caveat,
        ("nation_code", "item_code"),
        "A donor's restriction on an item: excluded, or capped per week.",
        (
            _nation("nation_code", True, "donor nation"),
            _item(),
            _c("excluded", "bool", False, "never given (default false)", False),
            _c("weekly_cap", "int", False, "at most this many per week", 2000, minimum=0),
            _c("source", "str", False, "source", "national policy"),
        ),
    ),
    Template(
        "production_lines",
        ProductionLine,
        ("code",),
        "Production lines of industry.",
        (
            _c("code", "str", True, "unique code", "RHM-155-UNTERLUESS"),
            _c(
                "producer_code",
                "str",
                True,
                "organisation code of the producer",
                "RHM-DE",
                references="organisations",
            ),
            _item(),
            _nation("nation_code", False, "nation where the line is"),
            _c("weekly_capacity", "int", True, "units per week now", 4000, minimum=0),
            _c("unit_price", "float", True, "price of one unit", 3200, minimum=0),
            _c("currency", "currency", True, "currency of unit_price", "EUR"),
            _c("lead_time_weeks", "int", True, "weeks from order to first delivery", 12, minimum=0),
        ),
    ),
    Template(
        "ramp_steps",
        RampStep,
        ("line_code", "effective_from"),
        "Ramp-up schedule: from effective_from on, the line produces weekly_capacity per week.",
        (
            _c(
                "line_code",
                "str",
                True,
                "production line code",
                "RHM-155-UNTERLUESS",
                references="production_lines",
            ),
            _c("effective_from", "date", True, "date the capacity applies from", "2025-01-01"),
            _c("weekly_capacity", "int", True, "units per week", 6000, minimum=0),
        ),
    ),
    Template(
        "funds",
        Fund,
        ("code",),
        "Collective agreements or national budgets.",
        (
            _c("code", "str", True, "unique code", "CZ-155-INITIATIVE"),
            _c("name", "str", True, "name", "Collective 155 mm ammunition initiative"),
            _c(
                "kind",
                "str",
                True,
                "collective agreement or national budget",
                "collective",
                choices=("collective", "national"),
            ),
            _c(
                "manager_code",
                "str",
                False,
                "organisation managing the fund",
                "NSPA",
                references="organisations",
            ),
            _c("budget", "float", True, "budget", 1000000000, minimum=0),
            _c("currency", "currency", True, "currency of the budget", "USD"),
            _c(
                "destination",
                "str",
                True,
                "who receives what the fund buys",
                "recipient",
                choices=("recipient", "members"),
            ),
            _nation("recipient_code", False, "recipient (when destination is recipient)", "UKR"),
            _c("period_start", "date", True, "start of the period", "2024-03-01"),
            _c("period_end", "date", True, "end of the period", "2025-02-28"),
            _c("source", "str", False, "source", "Joint statement"),
        ),
    ),
    Template(
        "fund_items",
        FundItem,
        ("fund_code", "item_code"),
        "Items a fund may buy.",
        (
            _c("fund_code", "str", True, "fund code", "CZ-155-INITIATIVE", references="funds"),
            _item(),
        ),
    ),
    Template(
        "fund_members",
        FundMember,
        ("fund_code", "nation_code"),
        "Member nations of a fund and their contributions (in the fund's currency).",
        (
            _c("fund_code", "str", True, "fund code", "CZ-155-INITIATIVE", references="funds"),
            _nation("nation_code", True, "member nation", "CZE"),
            _c("contribution", "float", False, "contribution", 100000000, minimum=0),
        ),
    ),
    Template(
        "orders",
        Order,
        ("ref",),
        "Orders placed by a fund on a production line; the quantity arrives evenly each week "
        "from delivery_start to delivery_end.",
        (
            _c("ref", "str", True, "unique reference", "O-2024-0001"),
            _c("fund_code", "str", True, "fund paying", "CZ-155-INITIATIVE", references="funds"),
            _c(
                "line_code",
                "str",
                True,
                "production line",
                "RHM-155-UNTERLUESS",
                references="production_lines",
            ),
            _c("quantity", "int", True, "units ordered", 100000, minimum=0),
            _c(
                "unit_price",
                "float",
                False,
                "price of one unit",
                3200,
                minimum=0,
                default="the production line's unit price",
            ),
            _c(
                "currency",
                "currency",
                False,
                "currency of unit_price",
                "EUR",
                default="the production line's currency",
            ),
            _c("placed_on", "date", True, "date placed", "2024-04-15", month="first"),
            _c("delivery_start", "date", True, "first delivery week", "2024-07-01"),
            _c("delivery_end", "date", True, "last delivery week", "2025-06-30"),
            _nation("destination_code", True, "where it is delivered", "UKR"),
        ),
    ),
    Template(
        "meetings",
        Meeting,
        ("ref",),
        "Meetings of the contact group.",
        (
            _c("ref", "str", True, "unique reference", "UDCG-19"),
            _c("held_on", "date", True, "date", "2024-02-14"),
            _c("title", "str", True, "title", "19th contact group meeting"),
            _c("place", "str", False, "place", "Brussels"),
        ),
    ),
    Template(
        "scenarios",
        Scenario,
        ("name",),
        "Named planning assumptions; params holds policy weights and uncertainty settings.",
        (
            _c("name", "str", True, "unique name", "baseline"),
            _c("description", "str", False, "description", "Status quo consumption"),
            _c(
                "horizon_weeks",
                "int",
                False,
                f"planning horizon (default {HORIZON_WEEKS})",
                HORIZON_WEEKS,
                positive=True,
            ),
            _c(
                "params",
                "json",
                False,
                "JSON object: readiness_weight, mu_burden, hard_targets, ...",
                '{"readiness_weight": 1.0}',
            ),
        ),
    ),
    Template(
        "scenario_rates",
        ScenarioRate,
        ("scenario_name", "recipient_code", "item_code"),
        "Consumption of an item by a recipient under a scenario.",
        (
            _c(
                "scenario_name",
                "str",
                True,
                "scenario name",
                "baseline",
                references="scenarios",
            ),
            _nation("recipient_code", True, "recipient nation", "UKR"),
            _item(),
            _c("mean_per_day", "float", True, "mean consumption per day", 6000, minimum=0),
            _c("cv", "float", False, "coefficient of variation (default 0)", 0.3, minimum=0),
        ),
    ),
)

ENTITIES: tuple[str, ...] = tuple(t.entity for t in TEMPLATES)
"""Entity names in dependency order: an import writes them in this order."""

_BY_ENTITY = {t.entity: t for t in TEMPLATES}


def template_for(entity: str) -> Template:
    try:
        return _BY_ENTITY[entity]
    except KeyError:
        raise KeyError(f"unknown entity {entity!r} (known: {', '.join(ENTITIES)})") from None


def infer_entity(name: str) -> str | None:
    """The entity named by a file stem or sheet name: ``pledges``, ``Pledges``,
    ``pledges_2024-03`` or ``pledges (1)`` all mean pledges."""
    stem = name.strip().lower().replace(" ", "_").replace("-", "_")
    if stem in _BY_ENTITY:
        return stem
    for entity in sorted(ENTITIES, key=len, reverse=True):
        if stem.startswith(entity) and not stem[len(entity)].isalpha():
            return entity
    return None
