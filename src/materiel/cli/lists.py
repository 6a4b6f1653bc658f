"""``materiel status`` and ``materiel needs|pledges|stocks list``: filtered Rich tables with
their source and date, or ``--json`` for scripts. Every figure is a call of the read side
(:mod:`materiel.queries`) with the operator (or ``--as USER``) as viewer; this module only
formats."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Hashable
from typing import Any

import pandas as pd
import typer
from rich.table import Table

from materiel import money, queries
from materiel.cli.context import (
    CSV,
    as_of_date,
    cell,
    console,
    fail,
    print_csv,
    print_json,
    state,
)
from materiel.cli.tables import compact, millions, new_table, show
from materiel.db import read_session
from materiel.queries import (
    NEED_FILTERS,
    PLEDGE_STATUSES,
    PRIORITIES,
    REPORT_CURRENCY,
    date_span,
    synthetic_of,
)

SYNTHETIC_NOTE = " SYNTHETIC demo data, not real figures."

needs_app = typer.Typer(help="Needs stated by recipients, with derived coverage.")
pledges_app = typer.Typer(help="Pledges, deliveries against them and lateness.")
stocks_app = typer.Typer(help="Stocks against stockpile targets.")

AS_OF = typer.Option(None, "--as-of", help="Date of the figures, YYYY-MM-DD (default: today).")
JSON = typer.Option(False, "--json", help="Print a JSON array for scripts, nothing else.")
ITEM = typer.Option(None, "--item", help="Item code or prefix, e.g. ammo.artillery.")
LIMIT = typer.Option(None, "--limit", min=1, help="Show at most this many rows.")


def register(app: typer.Typer) -> None:
    app.add_typer(needs_app, name="needs")
    app.add_typer(pledges_app, name="pledges")
    app.add_typer(stocks_app, name="stocks")


# -- helpers -----------------------------------------------------------------------------


def records(df: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of a frame as JSON-ready dicts (dates as ISO strings)."""
    return [
        {k: (v.isoformat() if isinstance(v, dt.date) else v) for k, v in row.items()}
        for row in queries.rows(df)
    ]


def _parse_date(value: str | None) -> dt.date:
    return as_of_date(value)


def _check_choice(option: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value is not None and value not in allowed:
        fail(f"{option}: {value!r} is not one of {', '.join(allowed)}")


def _num(value: Any, fmt: str = "{:,.0f}") -> str:
    v = queries.plain(value)
    return "" if v is None else fmt.format(v)


def _day(value: Any) -> str:
    v = queries.plain(value)
    return "" if v is None else str(v)


def _limited(df: pd.DataFrame, limit: int | None) -> pd.DataFrame:
    return df if limit is None else df.head(limit)


def _more(df: pd.DataFrame, limit: int | None) -> str:
    """A caption note when rows were left out."""
    if limit is not None and len(df) > limit:
        return f" Showing {limit} of {len(df)} rows (--limit, or --json for all)."
    return ""


# -- needs ---------------------------------------------------------------------------------


@needs_app.command("list")
def needs_list(
    ctx: typer.Context,
    recipient: str | None = typer.Option(None, "--recipient", help="Recipient ISO3, e.g. UKR."),
    priority: str | None = typer.Option(None, "--priority", help="critical, high or routine."),
    status: str | None = typer.Option(
        None,
        "--status",
        help="open, 'partly covered', 'covered late', covered, or uncovered (not covered).",
    ),
    overdue: bool = typer.Option(False, "--overdue", help="Only needs past their date."),
    item: str | None = ITEM,
    as_of: str | None = AS_OF,
    limit: int | None = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Needs with their coverage: pledged, delivered and there by their date."""
    _check_choice("--priority", priority, PRIORITIES)
    _check_choice("--status", status, NEED_FILTERS)
    day = _parse_date(as_of)
    st = state(ctx)
    with read_session(st.engine()) as s:
        df = queries.needs_table(
            s,
            st.viewer(),
            recipient=recipient.upper() if recipient else None,
            priority=priority,
            status=status,
            item=item,
            overdue=True if overdue else None,
            as_of=day,
        )
    if as_json:
        print_json(records(_limited(df, limit)))
        return
    if as_csv:
        print_csv(records(_limited(df, limit)))
        return
    show(needs_rich_table(df, as_of=day, limit=limit))


def _single(df: pd.DataFrame, column: str) -> str | None:
    """The one value of ``column`` when all rows share it (the column is then left out)."""
    values = df[column].dropna().unique()
    return str(values[0]) if len(values) == 1 else None


def needs_rich_table(df: pd.DataFrame, *, as_of: dt.date, limit: int | None = None) -> Table:
    """A Rich table of :func:`materiel.queries.needs_table` rows with its source caption."""
    recipient = _single(df, "recipient_code")
    cols = [
        "=ref",
        "=item",
        "priority",
        ">qty",
        ">pledged",
        ">delivered",
        ">by date",
        "status",
        "needed by",
    ]
    if recipient is None:
        cols.insert(1, "=recipient")
    title = "Needs" + (f" of {recipient}" if recipient else "")
    table = new_table(title, *cols, drop=("delivered", "pledged", "by date"))
    for r in _limited(df, limit).to_dict("records"):
        row = [
            str(r["ref"]),
            str(r["item_code"]),
            str(r["priority"]),
            compact(r["quantity"]),
            compact(r["pledged"]),
            compact(r["delivered"]),
            compact(r["due"]),
            str(r["status"]),
            _day(r["needed_by"]) + (f" (overdue {r['days_overdue']} d)" if r["overdue"] else ""),
        ]
        if recipient is None:
            row.insert(1, str(r["recipient_code"]))
        table.add_row(*row)
    if df.empty:
        table.add_row("no needs match")
    table.caption = (
        f"Source: {len(df)} need records (stated {date_span(df['stated_on'])}) as of "
        f"{as_of.isoformat()}; pledged, delivered and by date (delivered by then, or due by "
        "then on a committed pledge) allocated from the pledges not cancelled, critical first."
        + (SYNTHETIC_NOTE if synthetic_of(df) else "")
        + _more(df, limit)
    )
    return table


# -- pledges -------------------------------------------------------------------------------


@pledges_app.command("list")
def pledges_list(
    ctx: typer.Context,
    donor: str | None = typer.Option(None, "--donor", help="Donor ISO3, e.g. DEU."),
    recipient: str | None = typer.Option(None, "--recipient", help="Recipient ISO3."),
    status: str | None = typer.Option(
        None, "--status", help="announced, committed, delivering, delivered or cancelled."
    ),
    item: str | None = ITEM,
    late: bool = typer.Option(False, "--late", help="Only pledges past due and not delivered."),
    currency: str = typer.Option(REPORT_CURRENCY, "--currency", help="Currency of values."),
    as_of: str | None = AS_OF,
    limit: int | None = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Pledges with delivered and remaining quantities, lateness and value."""
    _check_choice("--status", status, PLEDGE_STATUSES)
    day = _parse_date(as_of)
    currency = currency.upper()
    if not money.convertible(currency):
        fail(f"--currency: {currency!r} has no ECB reference rate")
    st = state(ctx)
    with read_session(st.engine()) as s:
        df = queries.pledges_table(
            s,
            st.viewer(),
            donor=donor.upper() if donor else None,
            recipient=recipient.upper() if recipient else None,
            status=status,
            item=item,
            late=True if late else None,
            as_of=day,
            currency=currency,
        )
    if as_json:
        print_json(records(_limited(df, limit)))
        return
    if as_csv:
        print_csv(records(_limited(df, limit)))
        return
    show(
        pledges_rich_table(
            df, as_of=day, currency=currency, late=late, limit=limit, width=console.width
        )
    )


def pledges_rich_table(
    df: pd.DataFrame,
    *,
    as_of: dt.date,
    currency: str = REPORT_CURRENCY,
    late: bool = False,
    limit: int | None = None,
    width: int = 120,
) -> Table:
    """A Rich table of :func:`pledges_table` rows with its source caption (``width`` is
    no longer used: a terminal too narrow for it gets one block per row, see
    :func:`materiel.cli.tables.show`)."""
    recipient = _single(df, "recipient_code")
    columns: list[tuple[str, Callable[[dict[Hashable, Any]], str]]] = [
        # text, not a code column: "(conf.)" may go onto a line of its own, the ref stays whole
        ("ref", lambda r: str(r["ref"]) + (" (conf.)" if r["confidential"] else "")),
        ("=donor", lambda r: str(r["donor_code"])),
        ("=to", lambda r: str(r["recipient_code"])),
        ("=item", lambda r: str(r["item_code"])),
        (">qty", lambda r: compact(r["quantity"])),
        (">done", lambda r: f"{r['delivered'] / r['quantity']:.0%}"),
        ("status", lambda r: str(r["status"])),
        (
            "due by",
            lambda r: _day(r["due_by"]) + (f" ({r['days_late']} d late)" if r["late"] else ""),
        ),
        (
            f">{currency} m",
            lambda r: millions(r["value"]) + ("*" if r["value_basis"] == "catalogue" else ""),
        ),
    ]
    drop = {"=to"} if recipient else set()
    columns = [c for c in columns if c[0] not in drop]
    title = "Pledges" + (f" to {recipient}" if recipient else "") + (" (late)" if late else "")
    table = new_table(
        title, *(name for name, _ in columns), drop=("done", f"{currency} m", "status")
    )
    for r in _limited(df, limit).to_dict("records"):
        table.add_row(*(fn(r) for _, fn in columns))
    if df.empty:
        table.add_row("no pledges match")
    table.caption = (
        f"Source: {len(df)} pledge records (announced {date_span(df['announced_on'])}) and "
        f"deliveries up to {as_of.isoformat()}; done = share delivered; values converted to "
        f"{currency} at ECB "
        f"reference rates of {date_span(df['rate_date'])}; * = no stated value, quantity × "
        "catalogue unit value." + (SYNTHETIC_NOTE if synthetic_of(df) else "") + _more(df, limit)
    )
    return table


# -- stocks --------------------------------------------------------------------------------


@stocks_app.command("list")
def stocks_list(
    ctx: typer.Context,
    nation: str | None = typer.Option(None, "--nation", help="Holder ISO3, e.g. DEU."),
    item: str | None = ITEM,
    below_target: bool = typer.Option(
        False, "--below-target", help="Only stocks under the target in force."
    ),
    as_of: str | None = AS_OF,
    limit: int | None = LIMIT,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """Latest stock report per holder and item against the target in force."""
    day = _parse_date(as_of)
    st = state(ctx)
    with read_session(st.engine()) as s:
        df = queries.stock_position(
            s,
            st.viewer(),
            as_of=day,
            nation=nation.upper() if nation else None,
            item=item,
            below_target=True if below_target else None,
        )
    if as_json:
        print_json(records(_limited(df, limit)))
        return
    if as_csv:
        print_csv(records(_limited(df, limit)))
        return
    show(stocks_rich_table(df, as_of=day, below_target=below_target, limit=limit))


def stocks_rich_table(
    df: pd.DataFrame, *, as_of: dt.date, below_target: bool = False, limit: int | None = None
) -> Table:
    """A Rich table of :func:`stock_position` rows with its source caption."""
    title = "Stocks" + (" below target" if below_target else "") + f" on {as_of.isoformat()}"
    table = new_table(
        title,
        "=holder",
        "=item",
        ">stock",
        ">reported",
        ">target",
        ">cover",
        "below",
        drop=("below", "target"),
    )
    for r in _limited(df, limit).to_dict("records"):
        table.add_row(
            str(r["nation_code"]),
            str(r["item_code"]),
            compact(r["quantity"]),
            _day(r["as_of"]),
            compact(r["target"]),
            _num(r["cover"], "{:.0%}"),
            cell("yes" if r["below_target"] else "", "red"),
        )
    if df.empty:
        table.add_row("no stocks match")
    table.caption = (
        f"Source: latest stock report on or before {as_of.isoformat()} per holder and item "
        f"(reports dated {date_span(df['as_of'])}) and the stockpile target in force."
        + (SYNTHETIC_NOTE if synthetic_of(df) else "")
        + _more(df, limit)
    )
    return table


# -- needs cover ---------------------------------------------------------------------------

COVER_KINDS = queries.cover.KINDS  # delivered, pledge due, order arrival, plan transfer, …


@needs_app.command("cover")
def needs_cover(
    ctx: typer.Context,
    need: str | None = typer.Argument(None, help="A need's ref, e.g. DEMO-N-034."),
    item: str | None = typer.Option(None, "--item", help="Every need of this item (exact code)."),
    recipient: str | None = typer.Option(None, "--recipient", help="With --item: of one ISO3."),
    plan: bool = typer.Option(
        True, "--plan/--no-plan", help="Count what the latest stored plan adds (coordinators)."
    ),
    as_of: str | None = AS_OF,
    as_json: bool = JSON,
    as_csv: bool = CSV,
) -> None:
    """How a need (or every need of an item) is covered by its date: delivered, committed
    pledges due, fund orders placed and their arrivals, what the latest plan adds, and the
    gap, with every arrival by date and its record."""
    if (need is None) == (item is None):
        fail("give a NEED ref or --item ITEM (one of them)")
    day = _parse_date(as_of)
    st = state(ctx)
    with read_session(st.engine()) as s:
        try:
            groups = queries.cover_report(
                s,
                st.viewer(),
                need=need,
                item=item,
                recipient=recipient.upper() if recipient else None,
                as_of=day,
                plan=plan,
            )
        except LookupError as exc:
            fail(f"{exc} (materiel needs list shows the needs you may see)")
            return
    if as_json:
        print_json({"as_of": day.isoformat(), "groups": groups})
        return
    if as_csv:  # one row per need; the arrivals are in --json
        print_csv([{"as_of": day.isoformat(), **n} for g in groups for n in g["needs"]])
        return
    for group in groups:
        for table in cover_rich_tables(group, as_of=day):
            show(table)


def cover_rich_tables(group: dict[str, Any], *, as_of: dt.date) -> list[Table]:
    """The needs of one recipient and item with what is there by each need's date, by kind,
    and the gap; then every arrival by date with its record (:func:`queries.cover_report`)."""
    who = f"{group['item']} for {group['recipient']}"
    # at 80 columns the kinds that bring nothing here go first, then the plan's
    kinds = [k.replace(" ", "\n") for k in COVER_KINDS]
    nothing = [
        k
        for k in COVER_KINDS
        if not any(r[f"by_date_{k.replace(' ', '_')}"] for r in group["needs"])
    ]
    needs = new_table(
        f"Cover of the needs of {who} by their date",
        "=ref",
        "priority",
        ">needed by",
        ">quantity",
        *(">" + k for k in kinds),
        ">by\ndate",
        ">gap",
        drop=(*nothing, *(k for k in reversed(COVER_KINDS) if k not in nothing)),
    )
    for r in group["needs"]:
        needs.add_row(
            str(r["ref"]),
            str(r["priority"]),
            _day(r["needed_by"]),
            compact(r["quantity"]),
            *(compact(r[f"by_date_{k.replace(' ', '_')}"]) for k in COVER_KINDS),
            compact(r["by_date"]),
            compact(r["gap"]),
        )
    needs.caption = (
        f"Source: need, delivery, pledge, fund order records and the latest plan run as of "
        f"{as_of.isoformat()}; each need takes what arrives by its own date, critical first, "
        "then by date; pledge due = the undelivered rest of a committed pledge on its due "
        "date; quantities in the item's own unit."
        + (SYNTHETIC_NOTE if group.get("synthetic") else "")
    )
    arrivals = new_table(
        f"Arrivals of {who} by date",
        ">date",
        "kind",
        ">quantity",
        ">cumulative",
        "=record",
        "=by",
        drop=("cumulative",),
    )
    for a in group["arrivals"]:
        arrivals.add_row(
            _day(a["date"]),
            str(a["kind"]),
            compact(a["quantity"]),
            compact(a["cumulative"]),
            str(a["ref"]),
            str(a["by"]),
        )
    if not group["arrivals"]:
        arrivals.add_row("", "nothing delivered, due or on order")
    arrivals.caption = (
        "Source: deliveries up to, and pledges due, orders arriving and plan transfers after "
        f"{as_of.isoformat()}; record = the delivery, pledge, order or plan run; by = donor "
        "or fund."
    )
    return [needs, arrivals]
