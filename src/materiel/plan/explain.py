"""Where the next million does most good — every number from a re-solve.

For each fund and production line the plan is solved again with one move (issue 13, point
5), and the result tables of the two solves are compared:

* a fund: **+USD 1 million** in its budget (converted to the fund's currency at the ECB rate
  of the plan's rate date);
* a line: **+USD 1 million of output**, i.e. ``1e6 / unit price in USD`` more units of its
  item over the horizon, spread evenly over its weeks, bought with the funds' existing money;
* a donor's target (the ``top_targets`` that bind most): lowered in every week by **10 %**
  of it in **whole units**, and at least one (a target of 2 Patriot batteries is lowered by
  1 battery, not to 1.8: :func:`target_step`), which frees exactly that many units of the
  item from the stock the target holds back.

What each sentence and table row reports is the difference between the two plans, in the
unit its label names, **within the horizon** (weeks 1..H) and, separately, **after the
horizon** (weeks H+1..H+T of the model's tail, which the objective values too: an order
arriving after the horizon does its good there):

* **units short avoided**, per item, in that item's units: consumption not met plus stated
  need still outstanding at the end of the horizon (never a sum across items); after the
  horizon: consumption not met in the tail plus stated need still outstanding at its end;
* **weeks earlier**, per item: the stated need due in the horizon is served on average that
  many weeks earlier (the decrease of the backlog's unit-weeks divided by the need due);
  after the horizon, the decrease of the backlog's unit-weeks in the tail divided by the
  same need due (the two add up to the change of the mean lateness);
* **USD-weeks of stock below target avoided**: Σ over donors, items and weeks of
  ``max(target − stock, 0) × unit value``; for a lowered target against the lowered one (the
  LP does not decide where between the lowered and the former target a stock ends, so only
  that is a re-solve figure), and the sentence says so;
* the model's own **objective gain**: the valuation of those figures by the model's
  weights (priority × unit value per unit-week late, the consumption weight per unit lost,
  λ × unit value per USD-week below target; the tiny time preference aside). The ranking
  lists first the moves that change something, within the horizon or after it, by that
  gain; then the moves that change nothing anywhere. A gain from the time preference alone
  (which week of the tail a shortfall falls in) moves no printed figure: such a move counts
  as changing nothing and ranks after every move that changes something.

The re-solve builds the model of a modified :class:`PlanData` (so the figures stay true when
the model changes) and solves it on the base plan's own HiGHS instance, changing only the
bounds and costs that differ and starting from the base's optimal basis (:class:`InPlace`; a
move that changes the model's shape is solved by :func:`materiel.plan.solve`, warm-started
from the same basis). The base is the plan itself. Both the base and the moved plan go
through the plan's lexicographic tie-break, whose perturbed cost has one optimum
(``TIE_BREAK_SPREAD``): a degenerate LP has many equally good plans that spread a shortfall
differently over items, and comparing two arbitrary ones would report a difference no move
made. With the tie-break each side is the one plan any solve of that data reaches (warm or
cold), so every figure equals an independent re-solve. A move that changes nothing, within
the horizon or after it, says why: not eligible, money left unspent, arrives after the
horizon and does nothing after it either, lines at capacity, funds without money, spare
capacity, or no shortfall left. A move whose effect is all after the horizon says so ("changes
nothing within the 8-week horizon (what it adds arrives after it: lead time 39 weeks); after
the horizon, in weeks 9–112, it avoids 298 units of …"). The dual values of the moved rows
are kept in the ``marginals`` table next to the re-solve ("agrees"), because duals of a
degenerate LP are not unique; no sentence uses them."""

from __future__ import annotations

import datetime as dt
import inspect
from dataclasses import dataclass, field, replace
from typing import Any

import highspy
import numpy as np
import pandas as pd

from materiel import money
from materiel.plan.build import LinearModel
from materiel.plan.data import PlanData
from materiel.plan.solve import Solution

#: the money of one move: one million US dollars
STEP_USD = 1e6
#: a target is lowered by this share
TARGET_CUT = 0.10
RTOL = 0.05  # duals and re-solves agree within 5 % ...
ATOL_FRACTION = 1e-7  # ... or an absolute slack relative to the objective
#: differences below these are no effect (and are never printed as "-0")
UNIT_TOL = 0.005
WEEK_TOL = 0.005
VALUE_WEEK_TOL = 0.5


# -- outcome of one plan -----------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    """What a plan leaves, over the horizon and over the tail after it (see module doc)."""

    objective: float
    short: np.ndarray  # [i] units short at the end of the horizon (consumption + need)
    late: np.ndarray  # [i] unit-weeks of stated need served late within the horizon
    below: float  # USD-weeks of stock below the targets in force
    spent: dict[str, float]  # fund -> spent (fund currency), orders placed in the horizon
    used: np.ndarray  # [p, H] capacity used by orders placed in week t
    # after the horizon (weeks H+1..H+T of the model's tail):
    short_after: np.ndarray = field(default_factory=lambda: np.zeros(0))  # [i] consumption
    # lost in the tail + stated need still outstanding at the tail's end
    late_after: np.ndarray = field(default_factory=lambda: np.zeros(0))  # [i] unit-weeks
    below_after: float = 0.0  # USD-weeks below target in the tail
    tail: int = 0  # T, the tail's weeks


def outcome(result: Any, d: PlanData, floor: np.ndarray | None = None) -> Outcome:
    """The :class:`Outcome` of a solved :class:`~materiel.plan.PlanResult` of ``d`` (the
    stock below ``floor``, default ``d.floor``)."""
    ds = result.dataset
    h = int(d.weeks)
    ni = len(d.items)
    if ds is None:
        raise ValueError("the plan has no solution to explain")
    if "backlog" in ds:  # backlog model: consumption lost + need outstanding at the end
        cons = ds["consumption_unmet"].sum(("recipient", "week")).values
        backlog = ds["backlog"]
        left = backlog.isel(week=-1).sum(("recipient", "priority")).values
        late = backlog.sum(("recipient", "priority", "week")).values
        short = np.asarray(cons + left, dtype=np.float64)
    else:  # a need missed in its week is lost
        short = np.asarray(ds["unmet"].sum(("recipient", "week")).values, dtype=np.float64)
        late = np.zeros(ni)
    target = d.floor if floor is None else floor
    stock = ds["stock"].transpose("nation", "item", "week").values[..., :h]
    below = float((np.maximum(target[..., :h] - stock, 0.0) * d.value[None, :, None]).sum())
    short_after, late_after, below_after, tail = np.zeros(ni), np.zeros(ni), 0.0, 0
    if "tail_stock" in ds and ds.sizes.get("tail", 0):
        dur = np.asarray(ds["tail_weeks"].values, dtype=np.float64)
        tail = int(dur.sum())
        lost = ds["tail_consumption_unmet"].sum(("recipient", "tail")).values
        tb = ds["tail_backlog"].transpose("recipient", "item", "priority", "tail").values
        short_after = np.asarray(lost + tb[..., -1].sum(axis=(0, 2)), dtype=np.float64)
        late_after = np.asarray((tb * dur).sum(axis=(0, 2, 3)), dtype=np.float64)
        ts = ds["tail_stock"].transpose("nation", "item", "tail").values
        gap = np.maximum(target[..., h : h + ts.shape[-1]] - ts, 0.0) * dur
        below_after = float((gap * d.value[None, :, None]).sum())
    orders = result.tables.get("orders", pd.DataFrame())
    spent: dict[str, float] = {}
    used = np.zeros((len(d.lines), h))
    if len(orders):
        inside = orders[orders["week_placed"] < h]
        spent = {str(k): float(v) for k, v in inside.groupby("fund")["cost"].sum().items()}
        li = pd.Index(d.lines).get_indexer(inside["line"])
        np.add.at(used, (li, inside["week_placed"].to_numpy(dtype=int)), inside["quantity"])
    return Outcome(
        objective=float(result.objective or 0.0),
        short=short,
        late=np.asarray(late, dtype=np.float64),
        below=below,
        spent=spent,
        used=used,
        short_after=short_after,
        late_after=late_after,
        below_after=below_after,
        tail=tail,
    )


def need_due(d: PlanData) -> np.ndarray:
    """[i] stated need due within the horizon (units), the denominator of "weeks earlier"."""
    h = int(d.weeks)
    need = getattr(d, "need", None)
    if need is None:
        return np.zeros(len(d.items))
    arr = np.asarray(need)
    return np.asarray(arr[..., :h].sum(axis=tuple(k for k in range(arr.ndim) if k != 1)))


# -- the re-solve --------------------------------------------------------------------------
def resolve(d: PlanData, basis: Any = None) -> Any:
    """``materiel.plan.solve`` of ``d`` without explanations (warm when it can be)."""
    from materiel.plan import solve

    kw: dict[str, Any] = {"explain": False}
    params = inspect.signature(solve).parameters
    if basis is not None and "warm_start" in params:
        kw["warm_start"] = basis
    if "tie_break" in params:  # both sides with the same, unique tie-break (module doc)
        kw["tie_break"] = True
    return solve(d, **kw)


class InPlace:
    """Re-solves on the base plan's own HiGHS instance (no new instance, no hand-over of
    the matrix): a move's model has the base's shape and matrix and differs only in some
    bounds, costs or the objective's constant, so those entries are changed in place, the
    moved LP is solved warm from the base's optimal basis and goes through the same
    tie-break as every plan, and the entries and the basis are put back. A move whose model
    differs otherwise (a variable appears or disappears) returns None: the caller re-solves
    it from scratch (:func:`resolve`)."""

    def __init__(self, model: LinearModel, highs: highspy.Highs, d: PlanData) -> None:
        self.model, self.highs = model, highs
        self.base = model.arrays()
        self.matrix = self._triplets(model)
        self.basis = highs.getBasis()
        self.limit = float(d.params["time_limit"])

    @staticmethod
    def _triplets(m: LinearModel) -> tuple[np.ndarray, ...]:
        def cat(parts: list[np.ndarray]) -> np.ndarray:
            return np.concatenate(parts) if parts else np.zeros(0)

        return cat(m.trip_rows), cat(m.trip_cols), cat(m.trip_vals)

    def _load(self, a: dict[str, np.ndarray], offset: float, where: dict[str, np.ndarray]) -> None:
        hx: Any = self.highs  # changeColsCost / changeColsBounds / …: not in the stubs
        inf = highspy.kHighsInf

        def clip(v: np.ndarray) -> np.ndarray:
            return np.clip(v, -inf, inf)

        c = where["cost"]
        if len(c):
            hx.changeColsCost(len(c), c.astype(np.int32), a["cost"][c])
        c = where["col"]
        if len(c):
            hx.changeColsBounds(
                len(c), c.astype(np.int32), clip(a["col_lb"][c]), clip(a["col_ub"][c])
            )
        r = where["row"]
        if len(r):
            hx.changeRowsBounds(
                len(r), r.astype(np.int32), clip(a["row_lb"][r]), clip(a["row_ub"][r])
            )
        hx.changeObjectiveOffset(float(offset))

    def resolve(self, moved: PlanData) -> Any:
        from types import SimpleNamespace

        from materiel.plan.build import build_model
        from materiel.plan.results import dataset, from_solution, tables
        from materiel.plan.solve import solve_model, tie_break
        from materiel.plan_policy import TIE_BREAK_SPREAD, TIE_BREAK_TOLERANCE

        m = build_model(moved)
        if (m.ncols, m.nrows) != (self.model.ncols, self.model.nrows):
            return None
        mine, base = self._triplets(m), self.matrix
        if any(
            len(x) != len(y) or not np.array_equal(x, y) for x, y in zip(mine, base, strict=True)
        ):
            return None
        a, b = m.arrays(), self.base
        where = {
            "cost": np.flatnonzero(a["cost"] != b["cost"]),
            "col": np.flatnonzero((a["col_lb"] != b["col_lb"]) | (a["col_ub"] != b["col_ub"])),
            "row": np.flatnonzero((a["row_lb"] != b["row_lb"]) | (a["row_ub"] != b["row_ub"])),
        }
        self._load(a, m.offset, where)
        self.highs.setBasis(self.basis)
        try:
            sol = solve_model(m, highs=self.highs, time_limit=self.limit)
            if sol.optimal:
                sol = tie_break(
                    m, self.highs, sol, moved.value, tolerance=TIE_BREAK_TOLERANCE,
                    restore=True, time_limit=self.limit, spread=TIE_BREAK_SPREAD,
                )  # fmt: skip
        finally:
            self._load(b, self.model.offset, where)
            self.highs.setBasis(self.basis)
        if not sol.optimal or not sol.col_value.size:
            return SimpleNamespace(status=sol.status, objective=None, dataset=None, tables={})
        ev = from_solution(m, sol, moved)
        return SimpleNamespace(
            status=sol.status,
            objective=sol.objective,
            dataset=dataset(moved, ev),
            tables=tables(moved, m.meta, ev),
        )


@dataclass
class Effect:
    """The difference a move makes (base − moved; positive = better), within the horizon
    and after it (weeks H+1..H+T of the tail)."""

    short: np.ndarray  # [i] units short avoided
    earlier: np.ndarray  # [i] weeks earlier (mean over the need due)
    below: float  # USD-weeks of stock below target avoided
    objective: float  # objective gain
    status: str = "Optimal"
    short_after: np.ndarray | None = None  # [i] units short avoided after the horizon
    earlier_after: np.ndarray | None = None  # [i] weeks earlier after the horizon
    below_after: float = 0.0  # USD-weeks below target avoided after the horizon
    tail: int = 0  # T, the tail's weeks

    @staticmethod
    def _none(short: np.ndarray, earlier: np.ndarray, below: float) -> bool:
        return (
            not (np.abs(short) >= UNIT_TOL).any()
            and not (np.abs(earlier) >= WEEK_TOL).any()
            and abs(below) < VALUE_WEEK_TOL
        )

    @property
    def none_within(self) -> bool:
        """No effect within the horizon."""
        return self._none(self.short, self.earlier, self.below)

    @property
    def none_after(self) -> bool:
        """No effect after the horizon (in the tail)."""
        return self._none(self.after_short, self.after_earlier, self.below_after)

    @property
    def none(self) -> bool:
        """No effect anywhere: neither within the horizon nor after it."""
        return self.none_within and self.none_after

    @property
    def after_short(self) -> np.ndarray:
        return self.short_after if self.short_after is not None else np.zeros_like(self.short)

    @property
    def after_earlier(self) -> np.ndarray:
        e = self.earlier_after
        return e if e is not None else np.zeros_like(self.earlier)

    def changed(self) -> np.ndarray:
        """[i] items the move changes, within the horizon or after it."""
        return np.asarray(
            (np.abs(self.short) >= UNIT_TOL)
            | (np.abs(self.earlier) >= WEEK_TOL)
            | (np.abs(self.after_short) >= UNIT_TOL)
            | (np.abs(self.after_earlier) >= WEEK_TOL)
        )


def effect(base: Outcome, moved: Outcome, due: np.ndarray, status: str = "Optimal") -> Effect:
    def per_due(x: np.ndarray) -> np.ndarray:
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.asarray(np.where(due > 0, x / np.where(due > 0, due, 1.0), 0.0))

    ni = len(base.short)

    def tail_of(x: np.ndarray) -> np.ndarray:
        return x if len(x) == ni else np.zeros(ni)

    return Effect(
        short=base.short - moved.short,
        earlier=per_due(base.late - moved.late),
        below=base.below - moved.below,
        objective=base.objective - moved.objective,
        status=status,
        short_after=tail_of(base.short_after) - tail_of(moved.short_after),
        earlier_after=per_due(tail_of(base.late_after) - tail_of(moved.late_after)),
        below_after=base.below_after - moved.below_after,
        tail=max(base.tail, moved.tail),
    )


# -- numbers in words ----------------------------------------------------------------------
def num(x: float) -> str:
    """A figure as printed: whole units from 100, two decimals from 1, three significant
    digits below (so a printed figure is within 0.5 % of the value); never "-0"."""
    a = abs(float(x))
    if a >= 100:
        text = f"{a:,.0f}"
    elif a >= 1:
        text = f"{a:,.2f}"
    else:
        text = f"{a:.3g}"
    return text


def millions(x: float) -> str:
    """An amount in millions: "1", "2.5", "0.926"."""
    v = float(x) / 1e6
    return f"{v:,.0f}" if abs(v - round(v)) < 1e-9 else num(v)


def target_step(level: float) -> float:
    """Whole units a target of ``level`` units is lowered by: :data:`TARGET_CUT` of it,
    rounded, and at least one unit (a target of 2 batteries is lowered by 1, not to 1.8);
    never more than the target."""
    return float(min(max(1.0, round(TARGET_CUT * level)), level))


def plural(unit: str) -> str:
    """``battery`` → ``batteries``, ``round`` → ``rounds``; ``aircraft`` stays."""
    if not unit or unit.endswith(("s", "aircraft")):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def quantity(x: float, unit: str) -> str:
    """A whole number of units with the item's unit: "1 battery", "2,000 rounds"."""
    unit = unit or "unit"
    return f"{count(x)} {unit if abs(float(x)) == 1 else plural(unit)}"


def count(x: float) -> str:
    """A figure that is a whole number as a whole number ("2", "1,000"); else :func:`num`."""
    v = float(x)
    return f"{abs(v):,.0f}" if v == round(v) else num(v)


def _verb(x: float, good: str, bad: str) -> str:
    return good if x > 0 else bad


def describe(e: Effect, items: list[str], *, limit: int = 4, after: bool = False) -> str:
    """The effect in words, item by item (most units first), then the breach: within the
    horizon, or (``after``) after it, in the tail. What a move makes better comes first;
    what it makes worse follows as the trade it is ("avoids 600 units of A short; in
    exchange it adds 2,992,500 USD-weeks of stock below target"): no negative "avoided"
    and no "-0"."""
    short = e.after_short if after else e.short
    earlier = e.after_earlier if after else e.earlier
    below = e.below_after if after else e.below
    gains: list[str] = []
    losses: list[str] = []
    order = np.argsort(-np.abs(short) - np.abs(earlier))
    changed = (np.abs(short) >= UNIT_TOL) | (np.abs(earlier) >= WEEK_TOL)
    for shown, i in enumerate(i for i in order if changed[i]):
        if shown == limit:
            gains.append(f"and changes {int(changed.sum()) - limit} more items")
            break
        s, w = float(short[i]), float(earlier[i])
        bits = []
        if abs(s) >= UNIT_TOL:
            bits.append(f"{_verb(s, 'avoids', 'adds')} {num(s)} units of {items[i]} short")
        if abs(w) >= WEEK_TOL:
            when = "earlier" if w > 0 else "later"
            lead = "serves" if bits else f"serves the stated need for {items[i]}"
            bits.append(f"{lead} {num(w)} weeks {when} on average")
        better = s > 0 if abs(s) >= UNIT_TOL else w > 0
        (gains if better else losses).append(" and ".join(bits))
    if abs(below) >= VALUE_WEEK_TOL:
        text = f"{_verb(below, 'avoids', 'adds')} {num(below)} USD-weeks of stock below target"
        (gains if below > 0 else losses).append(text)
    if gains and losses:
        return "; ".join(gains) + "; in exchange it " + "; ".join(losses)
    return "; ".join(gains + losses)


def tail_span(h: int, tail: int) -> str:
    """The tail's weeks as people count them: "weeks 9–60" (the horizon is weeks 1..H)."""
    return f"weeks {h + 1}–{h + tail}" if tail > 1 else f"week {h + 1}"


#: how a sentence introduces what a move does after the horizon (tests split on it)
AFTER = "after the horizon, in"


def sentence(head: str, e: Effect, items: list[str], h: int, reason: str, note: str) -> str:
    """The sentence of a move: what it does within the ``h``-week horizon, then after it
    (weeks H+1..H+T); "changes nothing" with ``reason`` only when it changes nothing in
    either; ``note`` says why nothing changes within the horizon when all of the effect is
    after it."""
    span = tail_span(h, e.tail)
    if e.none:
        where = f"within the {h}-week horizon" + (f" or after it ({span})" if e.tail else "")
        return f"{head} changes nothing {where}: {reason}."
    after = f"{AFTER} {span}, it {describe(e, items, after=True)}"
    if e.none_within:
        why = f" ({note})" if note else ""
        return f"{head} changes nothing within the {h}-week horizon{why}; {after} (re-solve)."
    text = f"{head} {describe(e, items)} (re-solve, {h}-week horizon)"
    return f"{text}; {after}." if not e.none_after else f"{text}."


# -- moves ---------------------------------------------------------------------------------
@dataclass
class Marginal:
    kind: str  # fund, line, target
    name: str  # fund code, line code, donor/item
    currency: str
    step: float  # in the currency of the move (fund) / units (line, target)
    step_usd: float | None
    dual: float  # d objective / d rhs of the moved rows (information only)
    predicted: float  # objective gain the dual predicts for the step
    measured: float | None  # objective gain of the re-solve
    agrees: bool | None
    effect: Effect | None
    reason: str
    sentence: str
    items: list[str] = field(default_factory=list)
    values: list[float] = field(default_factory=list)  # [i] unit value, USD
    note: str = ""  # why nothing changes within the horizon when all the effect is after it

    # the older attribute name of the objective gain per USD 1 m (kept for callers)
    @property
    def per_million_usd(self) -> float | None:
        return self.measured if self.kind in ("fund", "line") else None


def _usd_rate(currency: str, on: str) -> float:
    """USD per unit of ``currency`` (1 for USD); NaN when unknown."""
    if currency.upper() == "USD":
        return 1.0
    try:
        day = dt.date.fromisoformat(on[:10]) if on else dt.date.today()
        return float(money.rate(currency, "USD", day))
    except Exception:  # unknown currency: no move in it
        return float("nan")


def _agree(predicted: float, measured: float | None, scale: float) -> bool | None:
    if measured is None:
        return None
    return abs(predicted - measured) <= RTOL * max(abs(predicted), abs(measured)) + (
        ATOL_FRACTION * max(scale, 1.0)
    )


def _duals(model: LinearModel | None, sol: Solution | None, name: str) -> np.ndarray | None:
    if model is None or sol is None or name not in model.rows or not sol.row_dual.size:
        return None
    return sol.duals(model, name)


def _slack(d: PlanData, base: Outcome, f: int) -> float:
    """Money fund ``f`` leaves unspent in the base plan (fund currency)."""
    return float(d.budget[f]) - base.spent.get(d.funds[f], 0.0)


def _unspent(d: PlanData, base: Outcome, f: int) -> bool:
    return _slack(d, base, f) > max(1.0, 1e-6 * float(d.budget[f]))


def _useful_weeks(d: PlanData, p: int) -> int:
    """Weeks in which an order at line ``p`` still arrives within the horizon."""
    return max(int(d.weeks) - int(d.lead[p]), 0)


def _used_up(d: PlanData, base: Outcome, p: int, last: int | None = None) -> np.ndarray:
    """[t] weeks in which the base plan uses all of line ``p``: the first ``last`` weeks,
    by default the useful ones (whose orders arrive within the horizon); ``d.weeks`` for
    every week of the horizon (the weeks the line move adds capacity to)."""
    last = _useful_weeks(d, p) if last is None else last
    cap = np.asarray(d.cap, dtype=np.float64)[p, :last]
    return np.asarray(base.used[p, :last] >= cap - 1e-6 * np.maximum(cap, 1.0))


def late_note(d: PlanData, lead: int) -> str:
    """Why a move whose effect is all after the horizon changes nothing within it."""
    h = int(d.weeks)
    if lead >= h:
        return f"what it adds arrives after it: lead time {lead} weeks"
    return ""


def fund_reason(d: PlanData, base: Outcome, f: int) -> tuple[str, bool]:
    """Why one more million in fund ``f`` may change nothing, and whether that is certain
    without a re-solve (a constraint that does not bind cannot change the optimum: only a
    fund that may buy nothing is certain, since orders after the horizon are not in the
    tables)."""
    h = int(d.weeks)
    lines = np.flatnonzero(d.eligible[:, f])
    if not len(lines) or not (d.dest_n[f].any() or d.dest_r[f].any()):
        return "it is not eligible for any production line and destination", True
    if _unspent(d, base, f):
        # not certain: orders placed after the horizon (in a model's tail) may spend the rest
        spent, cur = base.spent.get(d.funds[f], 0.0), d.fund_currency[f]
        return (
            f"within the horizon it orders {spent:,.0f} of its {float(d.budget[f]):,.0f} {cur}: "
            "money is not what limits",
            False,
        )
    if (d.lead[lines] >= h).all():
        lead = int(d.lead[lines].min())
        # not certain: what arrives after the horizon may be worth something in a model
        # with a tail beyond it (its objective gain is measured)
        return (
            f"what it can buy arrives after the {h}-week horizon (lead time {lead} weeks), "
            "and after it the million reduces no shortfall either",
            False,
        )
    if all(_used_up(d, base, int(p)).all() for p in lines if d.lead[p] < h):
        return "the lines it may buy from are at full capacity within the horizon", False
    return "nothing more it can buy reduces a shortfall, within the horizon or after it", False


def line_reason(d: PlanData, base: Outcome, p: int) -> tuple[str, bool]:
    """Why USD 1 million more output at line ``p`` may change nothing, and whether that is
    certain without a re-solve."""
    h = int(d.weeks)
    funds = np.flatnonzero(d.eligible[p])
    if not len(funds):
        return "no fund may buy from it (not eligible)", True
    if int(d.lead[p]) >= h:
        return (
            f"its output arrives after the {h}-week horizon (lead time {int(d.lead[p])} weeks), "
            "and after it the extra output reduces no shortfall either",
            False,
        )
    if not _used_up(d, base, p, int(d.weeks)).any():
        return (
            "it has spare capacity in every week of the horizon: capacity is not what limits",
            True,
        )
    if not any(_unspent(d, base, int(f)) for f in funds):
        return "the funds that may buy from it have no money left", False
    return f"no shortfall of {d.items[int(d.line_item[p])]} is left to reduce", False


def line_head(line: str, item: str, unit: str, units: float, step_usd: float) -> str:
    """The move of a line in words, with what the money buys and the unit price: "USD 1
    million more output at line L (1,000 rounds of X at USD 1,000 each, …)". When the money
    buys a fraction of a unit or a whole number and a fraction (an expensive system), it
    says so plainly: the move is USD 1 million of output, the same money for every fund
    and line so that the ranking compares like with like, and what the re-solve shows is a
    rate per USD 1 million (the plan is solved in fractions; docs/plan.md "Whole units")."""
    money = f"USD {millions(step_usd)} million"
    each = f"USD {step_usd / units:,.0f} each" if units > 0 else ""
    head = f"{money} more output at line {line}"
    if units >= 100 or (units >= 1 and abs(units - round(units)) < 1e-6):  # printed whole
        return f"{head} ({quantity(round(units), unit)} of {item} at {each}, over the horizon, " + (
            "bought with the funds' money)"
        )
    things = plural(unit or "unit")
    return (
        f"{head} ({money} buys {num(units)} {things} of {item} at {each}: a rate per "
        f"{money}, as the plan is solved in fractions; over the horizon, bought with the "
        "funds' money)"
    )


def marginals(
    model: LinearModel | None,
    sol: Solution | None,
    d: PlanData,
    h: highspy.Highs | None,
    *,
    top_lines: int = 6,
    top_targets: int = 3,
    step_usd: float = STEP_USD,
    base_result: Any = None,
) -> list[Marginal]:
    """Re-solve the plan of ``d`` once per move (every fund, the ``top_lines`` lines and the
    ``top_targets`` targets whose duals say they bind most) and describe each difference.
    ``model``/``sol``/``h``: the solved base LP, for the duals (shown next to the re-solves)
    and the warm start; the figures themselves come from re-solves only. ``base_result``:
    the plan of ``d`` as :func:`resolve` would return it (through the tie-break), when the
    caller has it (the plan itself: one re-solve fewer)."""
    if sol is not None and (not sol.optimal or sol.objective is None):
        return []
    basis = h.getBasis() if h is not None else None
    if base_result is None:
        base_result = resolve(d, basis)
    warm = InPlace(model, h, d) if model is not None and h is not None and model.ncols else None
    if base_result.dataset is None or base_result.objective is None:
        return []
    base = outcome(base_result, d)
    due = need_due(d)
    scale = abs(base.objective)
    hw = int(d.weeks)
    on = d.rate_date or d.as_of
    out: list[Marginal] = []

    def run(moved: PlanData) -> Effect:
        """The re-solve's difference; the stock below target is against the moved plan's
        targets (for a lowered target the LP does not decide how far a stock falls between
        the lowered and the former target, so only the lowered one is a re-solve figure)."""
        res = warm.resolve(moved) if warm is not None else None
        if res is None:
            res = resolve(moved, basis)
        if res.dataset is None or res.objective is None:
            return Effect(np.zeros(len(d.items)), np.zeros(len(d.items)), 0.0, 0.0, res.status)
        return effect(base, outcome(res, moved), due, res.status)

    def nothing() -> Effect:
        """A move that cannot change the optimum (see :func:`fund_reason`)."""
        return Effect(np.zeros(len(d.items)), np.zeros(len(d.items)), 0.0, 0.0, tail=base.tail)

    def finish(m: Marginal, head: str, lead: int = 0) -> None:
        m.items = list(d.items)
        m.values = [float(v) for v in d.value]
        e = m.effect
        if e is None or e.status != "Optimal":
            m.sentence = f"{head}: the re-solve did not finish ({e.status if e else 'no solve'})."
        else:
            if not e.none:
                m.reason = ""  # "why no effect" only for a move that changes nothing anywhere
            if not e.none and e.none_within:
                m.note = late_note(d, lead)
            m.sentence = sentence(head, e, d.items, hw, m.reason, m.note)
        m.agrees = _agree(m.predicted, m.measured, scale)
        out.append(m)

    # funds: +USD 1 million each
    b_dual = _duals(model, sol, "budget")
    for f, code in enumerate(d.funds):
        cur = d.fund_currency[f]
        rate = _usd_rate(cur, on)
        if not np.isfinite(rate) or rate <= 0:
            continue
        step = step_usd / rate
        reason, certain = fund_reason(d, base, f)
        if certain:
            e = nothing()
        else:
            budget = np.asarray(d.budget, dtype=np.float64).copy()
            budget[f] += step
            e = run(replace(d, budget=budget))
        dual = float(b_dual[f]) if b_dual is not None else 0.0
        local = "" if cur == "USD" else f" ({millions(step)} million {cur}, ECB rate of {on})"
        m = Marginal(
            "fund", code, cur, step, step_usd, dual, -dual * step, e.objective, None, e,
            reason, "",
        )  # fmt: skip
        lines = np.flatnonzero(d.eligible[:, f])
        lead = int(d.lead[lines].min()) if len(lines) else 0
        finish(m, f"One more USD {millions(step_usd)} million in fund {code}{local}", lead)

    # lines: +USD 1 million of output each, screened by their capacity duals
    c_dual = _duals(model, sol, "capacity")
    cap = np.asarray(d.cap, dtype=np.float64)
    units = np.full(len(d.lines), np.nan)
    for p in range(len(d.lines)):
        rate = _usd_rate(d.line_currency[p], on)
        if np.isfinite(rate) and rate > 0 and d.price[p] > 0:
            units[p] = step_usd / (float(d.price[p]) * rate)
    screen = np.zeros(len(d.lines))
    if c_dual is not None:
        screen = -(c_dual[:, :hw]).sum(axis=1) * np.nan_to_num(units) / max(hw, 1)
    order = [p for p in np.argsort(-screen, kind="stable") if np.isfinite(units[p])]
    for p in order[:top_lines]:
        reason, certain = line_reason(d, base, p)
        if certain:
            e = nothing()
        else:
            more = cap.copy()
            more[p, :hw] += units[p] / hw
            e = run(replace(d, cap=more))
        item = d.items[int(d.line_item[p])]
        m = Marginal(
            "line", d.lines[p], d.line_currency[p], float(units[p]), step_usd,
            float(-(c_dual[p]).min(initial=0.0)) if c_dual is not None else 0.0,
            float(screen[p]), e.objective, None, e, reason, "",
        )  # fmt: skip
        unit = d.item_unit[int(d.line_item[p])] if len(d.item_unit) > d.line_item[p] else ""
        finish(m, line_head(d.lines[p], item, unit, float(units[p]), step_usd), int(d.lead[p]))

    # targets: lowered by 10 % in whole units (at least one), those whose duals say they
    # bind most
    t_dual = _duals(model, sol, "target")
    floor = np.asarray(d.floor, dtype=np.float64)
    if t_dual is not None and top_targets:
        relief = (t_dual[..., :hw] * TARGET_CUT * floor[..., :hw]).sum(axis=2)
        for flat in np.argsort(-relief, axis=None)[:top_targets]:
            n, i = (int(v) for v in np.unravel_index(flat, relief.shape))
            if relief[n, i] <= 0:
                continue
            now = float(floor[n, i, 0]) > 0
            level = float(floor[n, i, 0]) if now else float(floor[n, i, :hw].max())
            freed = target_step(level)
            lower = floor.copy()
            lower[n, i] = np.maximum(floor[n, i] - freed, 0.0)
            e = run(replace(d, floor=lower))
            unit = d.item_unit[i] if i < len(d.item_unit) else ""
            m = Marginal(
                "target", f"{d.nations[n]}/{d.items[i]}", "", freed, None,
                float(t_dual[n, i].sum()), float(relief[n, i]), e.objective, None, e,
                "the stock it frees is not needed within the horizon", "",
            )  # fmt: skip
            finish(
                m,
                f"Lowering {d.nations[n]}'s target for {d.items[i]} by {quantity(freed, unit)} "
                f"in every week (from {count(level)} to {count(level - freed)} "
                f"{'now' if now else 'at its highest'}) frees {quantity(freed, unit)} of its "
                "stock (stock below target counted against the lowered target), and",
            )
    # what changes something (within the horizon or after it) first, by the re-solve's
    # objective gain (the model's valuation of those effects); then what changes nothing
    out.sort(key=lambda m: (m.effect is None or m.effect.none, -(m.measured or 0.0)))
    return out


# -- tables --------------------------------------------------------------------------------
#: figures of a move after the horizon (weeks H+1..H+T of the tail), beside those within it
AFTER_COLUMNS = {
    "units_short_avoided": "units_short_avoided_after",
    "weeks_earlier": "weeks_earlier_after",
    "below_target_usd_weeks_avoided": "below_target_usd_weeks_avoided_after",
}

#: what a move's re-solve changes after the horizon, how long horizon and tail are, which of
#: them it changes, and its objective gain: in the marginals and the ranking alike
_AFTER_COLUMNS = [
    "units_short_avoided_after",
    "weeks_earlier_after",
    "below_target_usd_weeks_avoided_after",
    "horizon_weeks",
    "tail_weeks",
    "effect",
    "objective_gain",
]

_MARGINAL_COLUMNS = [
    "kind",
    "name",
    "item",
    "units_short_avoided",
    "weeks_earlier",
    "below_target_usd_weeks_avoided",
    *_AFTER_COLUMNS,
    "currency",
    "step",
    "step_usd",
    "dual",
    "dual_predicted_gain",
    "agrees",
    "reason",
    "note",
    "sentence",
]


def where(e: Effect | None) -> str:
    """Where a move's effect is: ``none``, ``after the horizon only``, ``within the horizon
    only``, ``within and after the horizon``."""
    if e is None or e.none:
        return "none"
    if e.none_within:
        return "after the horizon only"
    return "within the horizon only" if e.none_after else "within and after the horizon"


def _common(m: Marginal, h: int) -> dict[str, Any]:
    e = m.effect
    return {
        "kind": m.kind,
        "name": m.name,
        "below_target_usd_weeks_avoided": e.below if e is not None else None,
        "below_target_usd_weeks_avoided_after": e.below_after if e is not None else None,
        "horizon_weeks": h,
        "tail_weeks": e.tail if e is not None else 0,
        "effect": where(e),
        "objective_gain": m.measured,
        "reason": m.reason,
        "note": m.note,
        "sentence": m.sentence,
    }


def _per_item(e: Effect, i: int) -> dict[str, float]:
    return {
        "units_short_avoided": float(e.short[i]),
        "weeks_earlier": float(e.earlier[i]),
        "units_short_avoided_after": float(e.after_short[i]),
        "weeks_earlier_after": float(e.after_earlier[i]),
    }


_NO_ITEM = {
    "item": "",
    "units_short_avoided": 0.0,
    "weeks_earlier": 0.0,
    "units_short_avoided_after": 0.0,
    "weeks_earlier_after": 0.0,
}


def marginal_table(items: list[Marginal], horizon: int = 0) -> pd.DataFrame:
    """One row per move and item it changes, within the horizon or after it (one row with
    item "" for a move that changes no item): the re-solve's figures, each in its own unit
    and labelled within / after the horizon, and the dual's prediction."""
    rows = []
    for m in items:
        e = m.effect
        common = {
            **_common(m, horizon),
            "currency": m.currency,
            "step": m.step,
            "step_usd": m.step_usd,
            "dual": m.dual,
            "dual_predicted_gain": m.predicted,
            "agrees": m.agrees,
        }
        changed = np.flatnonzero(e.changed()) if e is not None else np.zeros(0, int)
        if not len(changed) or e is None:
            rows.append({**common, **_NO_ITEM})
            continue
        for i in changed:
            item = m.items[i] if m.items else str(i)
            rows.append({**common, "item": item, **_per_item(e, int(i))})
    return pd.DataFrame(rows, columns=_MARGINAL_COLUMNS)


_RANKING_COLUMNS = [
    "kind",
    "name",
    "step",
    "item",
    "units_short_avoided",
    "weeks_earlier",
    "other_items",
    "below_target_usd_weeks_avoided",
    *_AFTER_COLUMNS,
    "reason",
    "note",
    "sentence",
]


def helped_most(m: Marginal) -> int:
    """The item a move changes most: by the value of its units short avoided or added
    (within the horizon and after it), then by the weeks its stated need moves; -1 when it
    changes no item."""
    e = m.effect
    if e is None:
        return -1
    changed = e.changed()
    if not changed.any():
        return -1
    value = np.asarray(m.values, dtype=np.float64) if m.values else np.ones(len(changed))
    units = (np.abs(e.short) + np.abs(e.after_short)) * value
    weeks = np.abs(e.earlier) + np.abs(e.after_earlier)
    key = np.where(changed, units + 1e-9 * weeks, -1.0)
    if not (units[changed] > 0).any():
        key = np.where(changed, weeks, -1.0)
    return int(np.argmax(key))


def ranking(items: list[Marginal], horizon: int = 0) -> pd.DataFrame:
    """Where the next million (USD) does most good: one row per fund and line. First the
    moves that change something — within the horizon or after it — by the re-solve's
    objective gain (the model's valuation of the effects the row shows: units short and
    lateness by priority weight × unit value, stock below target by λ × unit value, each
    week counted, in the horizon and in the tail); then the moves that change nothing
    anywhere. ``item`` is the item the move changes most (:func:`helped_most`; its units
    in ``units_short_avoided`` within the horizon and ``units_short_avoided_after`` after
    it, ``weeks_earlier[_after]`` for that item), ``other_items`` how many more items it
    changes, ``reason`` why a move changes nothing anywhere, ``note`` why nothing changes
    within the horizon when all of its effect is after it."""
    rows = []
    for m in items:
        if m.kind not in ("fund", "line") or m.effect is None:
            continue
        e = m.effect
        top = helped_most(m)
        rows.append(
            {
                **_common(m, horizon),
                "step": f"USD {millions(m.step_usd or 0.0)} million",
                "item": m.items[top] if top >= 0 and m.items else "",
                **(_per_item(e, top) if top >= 0 else _NO_ITEM),
                "other_items": max(int(e.changed().sum()) - 1, 0),
            }
        )
    frame = pd.DataFrame(rows, columns=_RANKING_COLUMNS)
    if not len(frame):
        return frame
    frame["_none"] = frame["effect"] == "none"
    frame["_gain"] = frame["objective_gain"].fillna(-np.inf)
    frame = frame.sort_values(
        ["_none", "_gain", "kind", "name"], ascending=[True, False, True, True]
    )
    return frame.drop(columns=["_none", "_gain"]).reset_index(drop=True)


def worded(x: Any, tol: float, better: str, worse: str) -> str:
    """A re-solve difference as printed in a table, in words, never negative: "238 avoided",
    "2,992,500 added"; "" below ``tol`` (never "-0")."""
    try:
        v = float(x)
    except (TypeError, ValueError):
        return ""
    if not np.isfinite(v) or abs(v) < tol:
        return ""
    return f"{num(v)} {better if v > 0 else worse}"


#: the columns every surface shows for the ranking, with their labels (the week numbers of
#: the horizon and the tail: :func:`ranking_labels`)
RANKING_LABELS = {
    "kind": "kind",
    "name": "name",
    "item": "item helped most",
    "units": "units of that item short (avoided or added), within the horizon",
    "weeks": "weeks that item's stated need is served earlier or later, within the horizon",
    "below": "USD-weeks of stock below target (avoided or added), within the horizon",
    "units_after": "units of that item short (avoided or added), after the horizon",
    "weeks_after": "weeks that item's stated need is served earlier or later, after the horizon",
    "below_after": "USD-weeks of stock below target (avoided or added), after the horizon",
    "why": "why no effect (or none within the horizon)",
}
#: the figures of a row within the horizon, and after it
WITHIN_KEYS = ("units", "weeks", "below")
AFTER_KEYS = ("units_after", "weeks_after", "below_after")


def ranking_span(rows: Any) -> tuple[int, int]:
    """(H, T): the horizon's and the tail's weeks of a ranking (a frame or its records; 0
    when a stored run does not say)."""
    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
    h = max((int(r.get("horizon_weeks") or 0) for r in records), default=0)
    t = max((int(r.get("tail_weeks") or 0) for r in records), default=0)
    return h, t


def within_label(h: int) -> str:
    """ "within the horizon (weeks 1–8)"."""
    return f"within the horizon (weeks 1–{h})" if h else "within the horizon"


def after_label(h: int, tail: int) -> str:
    """ "after the horizon (weeks 9–60)"."""
    return f"after the horizon ({tail_span(h, tail)})" if h and tail else "after the horizon"


def ranking_labels(h: int = 0, tail: int = 0) -> dict[str, str]:
    """:data:`RANKING_LABELS` with the weeks: "… within the horizon (weeks 1–8)", "… after
    the horizon (weeks 9–60)"."""
    out = {}
    for k, v in RANKING_LABELS.items():
        if k in AFTER_KEYS:
            v = v.replace("after the horizon", after_label(h, tail))
        elif k in WITHIN_KEYS:
            v = v.replace("within the horizon", within_label(h))
        out[k] = v
    return out


def ranking_rows(rows: Any) -> list[dict[str, str]]:
    """The ranking (a frame or its records) as the text every surface prints, labelled by
    :data:`RANKING_LABELS` (:func:`ranking_labels`); every figure is a re-solve difference
    (module doc). ``why`` is the reason a move changes nothing anywhere, or — when all of
    its effect is after the horizon — "none within the horizon" and why; a row of a plan
    stored before effects after the horizon were computed says that it knows only the
    horizon."""
    records = rows.to_dict("records") if isinstance(rows, pd.DataFrame) else list(rows)
    out = []
    for r in records:
        reason, note = str(r.get("reason") or ""), str(r.get("note") or "")
        only_after = str(r.get("effect") or "") == "after the horizon only"
        why = reason or (
            "none within the horizon" + (f" ({note})" if note else "") if only_after else ""
        )
        if reason and "effect" not in r:  # a plan stored before the tail was re-solved
            why = (
                f"none within the horizon: {reason}; effects after the horizon were not "
                "computed for this stored plan (solve it again to see them)"
            )
        row = {
            "kind": str(r.get("kind", "")),
            "name": str(r.get("name", "")),
            "item": str(r.get("item") or ""),
        }
        for key, col, tol, better, worse in (
            ("units", "units_short_avoided", UNIT_TOL, "avoided", "added"),
            ("weeks", "weeks_earlier", WEEK_TOL, "earlier", "later"),
            ("below", "below_target_usd_weeks_avoided", VALUE_WEEK_TOL, "avoided", "added"),
        ):
            row[key] = worded(r.get(col), tol, better, worse)
            row[f"{key}_after"] = worded(r.get(AFTER_COLUMNS[col]), tol, better, worse)
        row["why"] = why
        out.append({k: row[k] for k in RANKING_LABELS})
    return out
