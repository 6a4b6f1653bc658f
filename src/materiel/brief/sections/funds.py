"""Collective funds: spent, committed and remaining, and what the rest buys."""

from __future__ import annotations

from materiel import money, queries
from materiel.brief.context import CURRENCY, Context
from materiel.brief.model import Figure, Section, Table, fmt_int, fmt_money
from materiel.brief.notes import fig


def build(ctx: Context) -> Section:
    sec = Section("funds", "Collective funds")
    day, notes, snap = ctx.day, ctx.notes, ctx.snapshot
    funds = queries.fund_position(ctx.session, ctx.viewer, as_of=day)
    if funds.empty:
        sec.empty = "No funds are recorded."
        return sec
    orders = queries.orders_table(ctx.session, ctx.viewer, as_of=day)
    rem_eur = queries.remaining_in(funds, day, CURRENCY)
    n = notes.add(
        f"Fund records ({len(funds)}) and their orders placed on or before {day.isoformat()} "
        f"({len(orders)}; queries.fund_position, queries.orders_table). Spent = value of the "
        "weekly instalments due by the meeting date; committed = the rest of the orders' "
        "value; remaining = budget − orders placed (order values in the fund's currency at "
        f"the ECB rate of the day placed). Total remaining in EUR at the ECB rate of "
        f"{money.rate_date(day).isoformat()}.",
        notes.links("fund", funds["id"].tolist(), funds["code"].tolist())
        + notes.links("purchase_order", orders["id"].tolist(), orders["ref"].tolist()),
    )
    sec.figures.append(fig("funds-remaining-eur", rem_eur, fmt_money(rem_eur, CURRENCY), n))
    rows: list[list[Figure | str]] = []
    for r in queries.rows(funds):
        c, cur = str(r["code"]), str(r["currency"])
        spent, committed, rest = (float(r[k]) for k in ("spent", "committed", "remaining"))
        rows.append(
            [
                c,
                str(r["name"]),
                fmt_money(float(r["budget"]), cur),
                fig(f"fund-spent:{c}", spent, fmt_money(spent, cur)),
                fig(f"fund-committed:{c}", committed, fmt_money(committed, cur)),
                fig(f"fund-remaining:{c}", rest, fmt_money(rest, cur)),
            ]
        )
    sec.tables.append(
        (
            "Funds: spent, committed and remaining",
            Table(
                ["fund", "name", "budget", "spent", "committed", "remaining"],
                rows,
                n,
                numeric=(2, 3, 4, 5),
            ),
        )
    )
    buys = queries.fund_buys(ctx.session, snap, funds)
    if buys.empty:
        sec.paragraphs.append("No fund can buy from a production line with capacity left.")
        return sec
    n_buy = notes.add(
        "What the remaining budget buys: remaining / unit price in the fund's currency (ECB "
        f"rate of {snap.attrs.get('rate_date')}), cheapest eligible line first, limited by "
        f"each line's capacity left over the {snap.sizes['week']}-week horizon after orders "
        "already placed (queries.fund_buys on the snapshot's budget, price_in_fund, eligible, "
        "cap). Each fund is counted alone: funds buying from the same line share its capacity.",
        notes.links(
            "production_line",
            buys.drop_duplicates("line")["line_id"].tolist(),
            buys.drop_duplicates("line")["line"].tolist(),
        ),
    )
    # per fund in its currency: the lines it buys from may make different items, whose
    # units are never added
    total = buys.groupby("fund")["cost"].sum()
    buy_rows: list[list[Figure | str]] = []
    for b in queries.rows(buys):
        f = str(b["fund"])
        first = b["line"] == buys.loc[buys["fund"] == f, "line"].iloc[0]
        buy_rows.append(
            [
                f if first else "",
                fig(
                    f"fund-buys:{f}",
                    float(total[f]),
                    fmt_money(float(total[f]), str(b["currency"])),
                    n_buy,
                )
                if first
                else "",
                str(b["line"]),
                ctx.item(b["item"]),
                fig(f"fund-buys:{f}:{b['line']}", float(b["units"]), fmt_int(b["units"])),
                fmt_money(float(b["cost"]), str(b["currency"])),
                str(b["limit"]) if first else "",
            ]
        )
    sec.tables.append(
        (
            "What the remaining money buys at current prices and capacity",
            Table(
                ["fund", "spent in all", "line", "item", "units", "cost", "limited by"],
                buy_rows,
                n_buy,
                numeric=(1, 4, 5),
            ),
        )
    )
    return sec
