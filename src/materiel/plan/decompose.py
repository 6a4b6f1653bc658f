"""Per-item decomposition (DESIGN.md "Solving at scale").

Items are coupled only through fund budgets (and burden sharing, which this method does not
take: with μ > 0 use the monolithic model). Each item's LP is solved on its own HiGHS
instance, kept warm across iterations; the budgets are handled by Dantzig–Wolfe column
generation:

1. Every item is solved alone, each within every whole fund budget (implied by the joint
   budgets, so a relaxation): ``Σ_i obj_i`` is a lower bound on the monolithic optimum;
   when the items' spending together stays within every budget, the split is exact (one
   iteration).
2. Otherwise each fund's budget is shared among items in proportion to what they spent, and
   each item is solved with its share as a hard budget row: a feasible plan per item.
3. The master LP chooses, per item, a convex combination of the plans its subproblem has
   returned (weights summing to 1) within every fund budget. Its optimum is a feasible plan
   of the monolithic LP (an item's plans form a convex set; the budgets are linear), an
   upper bound. Its budget duals are prices π_f ≥ 0: each item is re-solved (within the
   whole budgets) with orders paying ``π_f·price_in_fund`` on top of their cost, which gives
   a new plan (a column) and the Lagrangian lower bound
   ``Σ_i obj_i(π) − Σ_f π_f·budget_f``. The prices are smoothed towards the best-bound
   prices (Wentges) so they do not oscillate.

Iterations stop when (upper − lower) / upper is below ``tol`` (0.1 % by default) or at
80 % of the time limit. Measured on the L benchmark (docs/benchmarks.md): 4 iterations,
gap 2e-7, where the Polyak subgradient method this replaced stalled at 1.8 % after 12.
The monolithic solve stays the reference (tests/test_plan_decompose.py compares them on
small instances with binding budgets).
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field, replace
from typing import Any

import highspy
import numpy as np
import pandas as pd

from materiel.plan.build import LinearModel, build_model
from materiel.plan.data import PlanData
from materiel.plan.solve import make_highs, new_highs


def subset_items(d: PlanData, items: np.ndarray) -> PlanData:
    """The same problem restricted to ``items`` (and the lines that make them)."""
    items = np.asarray(items, dtype=np.int64)
    keep_line = np.isin(d.line_item, items)
    remap = np.full(len(d.items), -1, dtype=np.int64)
    remap[items] = np.arange(len(items))
    ni = (slice(None), items)
    return replace(
        d,
        items=[d.items[i] for i in items],
        lines=[d.lines[p] for p in np.nonzero(keep_line)[0]],
        line_currency=[d.line_currency[p] for p in np.nonzero(keep_line)[0]],
        value=d.value[items],
        line_item=remap[d.line_item[keep_line]],
        s0=d.s0[ni],
        r0=d.r0[ni],
        floor=d.floor[ni],
        cons=d.cons[ni],
        need=d.need[ni],
        weight=d.weight[ni],
        transit=d.transit_weeks[ni],
        pin=d.pin[ni],
        pout=d.pout[ni],
        arrive_n=d.arrive_n[ni],
        arrive_r=d.arrive_r[ni],
        cap=d.cap[keep_line],
        price=d.price[keep_line],
        lead=d.lead[keep_line],
        price_in_fund=d.price_in_fund[keep_line],
        eligible=d.eligible[keep_line],
        excluded=d.excluded[ni],
        give_cap=d.give_cap[ni],
        item_unit=[d.item_unit[i] for i in items] if d.item_unit else [],
        warnings=[],
    )


@dataclass
class Part:
    """One item's LP, loaded in its own HiGHS instance (kept warm across iterations)."""

    item: int
    data: PlanData
    model: LinearModel
    highs: highspy.Highs
    q_cols: np.ndarray  # column numbers of q
    q_fund: np.ndarray  # fund of each q column
    q_unit: np.ndarray  # price in fund of each q column
    base_cost: np.ndarray
    budget_rows: np.ndarray  # row per fund (-1: none)
    funds: np.ndarray  # funds with a budget row here
    prices: np.ndarray | None = None  # prices currently loaded (on self.funds)
    budgets: np.ndarray | None = None  # budget bounds currently loaded (None: dropped)
    solved: bool = False
    failure: str = ""
    objective: float = 0.0
    spend: np.ndarray = field(default_factory=lambda: np.zeros(0))
    col: np.ndarray = field(default_factory=lambda: np.zeros(0))

    def configure(self, pi: np.ndarray, budgets: np.ndarray | None) -> None:
        """Load prices ``pi`` [f] and budget bounds ``budgets`` [f] (None: no budget rows);
        marks the part for re-solving only when something changed."""
        hx: Any = self.highs  # changeColsCost / changeRowsBounds: not in highspy's stubs
        prices = pi[self.funds]
        if len(self.q_cols) and (self.prices is None or not np.array_equal(prices, self.prices)):
            cost = self.base_cost + pi[self.q_fund] * self.q_unit
            hx.changeColsCost(len(self.q_cols), self.q_cols.astype(np.int32), cost)
            self.prices, self.solved = prices, False
        new = None if budgets is None else budgets[self.funds]
        same = (new is None and self.budgets is None) or (
            new is not None and self.budgets is not None and np.array_equal(new, self.budgets)
        )
        if len(self.funds) and not same:
            upper = np.full(len(self.funds), highspy.kHighsInf) if new is None else new
            rows = self.budget_rows[self.funds].astype(np.int32)
            lower = np.full(len(self.funds), -highspy.kHighsInf)
            hx.changeRowsBounds(len(self.funds), rows, lower, upper)
            self.budgets, self.solved = new, False

    def solve(self, nf: int) -> bool:
        if self.solved:
            return True
        if self.model.ncols == 0:  # nothing to decide for this item: a constant
            self.objective, self.spend, self.col = self.model.offset, np.zeros(nf), np.zeros(0)
            self.solved = True
            return True
        self.highs.run()
        if self.highs.getModelStatus() != highspy.HighsModelStatus.kOptimal:
            self.failure = self.highs.modelStatusToString(self.highs.getModelStatus())
            return False
        self.objective = float(self.highs.getInfo().objective_function_value)
        self.col = np.asarray(self.highs.getSolution().col_value)
        self.spend = np.bincount(
            self.q_fund, weights=self.q_unit * self.col[self.q_cols], minlength=nf
        )
        self.solved = True
        return True


@dataclass
class SplitResult:
    status: str
    objective: float | None  # of the feasible (primal phase) plan
    bound: float  # best Lagrangian lower bound
    gap: float | None
    iterations: int
    build_seconds: float
    solve_seconds: float
    parts: int
    prices: np.ndarray = field(default_factory=lambda: np.zeros(0))  # budget duals ≥ 0 [f]
    solution: list[np.ndarray] = field(default_factory=list)  # per part, the plan's columns
    models: list[Part] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _master(
    costs: list[float],
    spends: list[np.ndarray],
    owner: list[int],
    nconv: int,
    budget: np.ndarray,
) -> tuple[bool, float, np.ndarray, np.ndarray]:
    """The Dantzig–Wolfe master: choose a convex combination of each coupled part's
    columns (``owner``: its part's position) within the fund budgets. Returns (solved,
    objective, weights per column, budget prices π ≥ 0 per fund)."""
    nf = len(budget)
    ncols = len(costs)
    spend = np.array(spends).reshape(ncols, nf)
    # column-wise sparse matrix: the spend entries, then the convexity row's 1
    sp_r, sp_c = np.nonzero(spend.T)  # fund, column
    rows = np.concatenate([sp_r, nf + np.asarray(owner, dtype=np.int64)])
    cols = np.concatenate([sp_c, np.arange(ncols)])
    vals = np.concatenate([spend.T[sp_r, sp_c], np.ones(ncols)])
    order = np.lexsort((rows, cols))
    rows, cols, vals = rows[order], cols[order], vals[order]
    lp = highspy.HighsLp()
    lp.num_col_ = ncols
    lp.num_row_ = nf + nconv
    lp.col_cost_ = np.asarray(costs, dtype=np.float64)
    lp.col_lower_ = np.zeros(ncols)
    lp.col_upper_ = np.full(ncols, highspy.kHighsInf)
    lp.row_lower_ = np.concatenate([np.full(nf, -highspy.kHighsInf), np.ones(nconv)])
    lp.row_upper_ = np.concatenate([budget.astype(np.float64), np.ones(nconv)])
    lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
    lp.a_matrix_.start_ = np.searchsorted(cols, np.arange(ncols + 1)).astype(np.int32)
    lp.a_matrix_.index_ = rows.astype(np.int32)
    lp.a_matrix_.value_ = vals
    h = new_highs()
    h.setOptionValue("output_flag", False)
    h.passModel(lp)
    h.run()
    if h.getModelStatus() != highspy.HighsModelStatus.kOptimal:
        return False, np.inf, np.zeros(ncols), np.zeros(nf)
    sol = h.getSolution()
    weights = np.maximum(np.asarray(sol.col_value), 0.0)
    pi = np.maximum(-np.asarray(sol.row_dual)[:nf], 0.0)
    return True, float(h.getInfo().objective_function_value), weights, pi


def solve_split(
    d: PlanData,
    *,
    method: str = "simplex",
    time_limit: float = 120.0,
    max_iter: int = 60,
    tol: float = 1e-3,
    smoothing: float = 0.5,
    log: Any = None,
) -> SplitResult:
    """Solve by items with priced budgets (module docstring)."""
    if d.mu > 0:
        raise ValueError("per-item decomposition does not take burden sharing (μ > 0)")
    start = time.perf_counter()
    nf = len(d.funds)
    parts: list[Part] = []
    for i in range(len(d.items)):
        sub = subset_items(d, np.array([i]))
        model = build_model(sub)
        h = make_highs(model, method=method, time_limit=time_limit, threads=1)
        q = model.vars["q"].index
        k_fund, k_line = model.meta["k_fund"], model.meta["k_line"]
        mask = q >= 0
        kk = np.nonzero(mask)[0]
        cost = model.arrays()["cost"]
        b_rows = model.rows["budget"].index
        parts.append(
            Part(
                item=i,
                data=sub,
                model=model,
                highs=h,
                q_cols=q[mask],
                q_fund=k_fund[kk],
                q_unit=sub.price_in_fund[k_line[kk], k_fund[kk]],
                base_cost=cost[q[mask]],
                budget_rows=b_rows,
                funds=np.nonzero(b_rows >= 0)[0],
            )
        )
    build_seconds = time.perf_counter() - start
    start = time.perf_counter()
    notes: list[str] = []
    coupled = [j for j, p in enumerate(parts) if len(p.funds) and len(p.q_cols)]
    position = {j: k for k, j in enumerate(coupled)}

    def sweep(pi: np.ndarray, budgets: np.ndarray | None) -> bool:
        """Solve every part with prices ``pi`` [f] and budget shares ``budgets`` [part, f]
        (None: budget rows dropped); only parts whose data changed are re-solved."""
        ok = True
        for j, part in enumerate(parts):
            part.configure(pi, None if budgets is None else budgets[j])
            ok = part.solve(nf) and ok
        return ok

    def spend_matrix() -> np.ndarray:
        return np.array([p.spend for p in parts]).reshape(len(parts), nf)

    # the master's columns: per coupled part, the plans its subproblem returned
    costs: list[float] = []
    spends: list[np.ndarray] = []
    owner: list[int] = []
    plans: list[np.ndarray] = []

    def collect(pi: np.ndarray) -> None:
        for j in coupled:
            part = parts[j]
            costs.append(part.objective - float(pi @ part.spend))
            spends.append(part.spend.copy())
            owner.append(position[j])
            plans.append(part.col)

    zero = np.zeros(nf)
    # every item alone within each whole budget (implied by the joint one): a relaxation
    whole = np.broadcast_to(d.budget[None, :], (len(parts), nf))
    ok = sweep(zero, whole)
    iterations = 1
    constant = float(sum(parts[j].objective for j in range(len(parts)) if j not in position))
    spend = spend_matrix()
    best_lb = float(sum(p.objective for p in parts))
    best_ub = np.inf
    best_solution: list[np.ndarray] = []
    pi = zero.copy()
    center = zero.copy()
    if ok and (spend.sum(axis=0) <= d.budget + 1e-6 * np.maximum(d.budget, 1.0)).all():
        best_ub, best_solution = best_lb, [p.col for p in parts]
        notes.append("the budgets hold without prices: the split is exact")
    elif ok:
        collect(zero)
        # a first feasible plan: each budget shared by what the unpriced items spent
        # (less a millionth, so that the parts' tolerances cannot add up to an overspend)
        shares = spend / np.maximum(spend.sum(axis=0), 1e-12) * (1 - 1e-6)
        if log is not None:
            log(iterations, best_lb, best_ub, time.perf_counter() - start)
        ok = sweep(zero, shares * d.budget[None, :])
        iterations += 1
        collect(zero)
    weights = np.zeros(0)
    while ok and not best_solution and iterations < max_iter:
        solved, master_obj, weights, pi_master = _master(
            costs, spends, owner, len(coupled), d.budget
        )
        if not solved:
            notes.append("the master problem (convex combinations of the items' plans) failed")
            ok = False
            break
        best_ub = min(best_ub, master_obj + constant)
        if best_ub - best_lb <= tol * max(1.0, abs(best_ub)):
            break
        if time.perf_counter() - start > 0.8 * time_limit:
            notes.append(f"stopped after {iterations} price iterations: time limit")
            break
        # Wentges smoothing: price between the best-bound prices and the master's
        alpha = smoothing if best_lb > -np.inf and center.any() else 0.0
        pi = alpha * center + (1 - alpha) * pi_master
        ok = sweep(pi, whole)
        iterations += 1
        if not ok:
            break
        lb = float(sum(p.objective for p in parts)) - float(pi @ d.budget)
        if lb > best_lb:
            best_lb, center = lb, pi.copy()
        collect(pi)
        if log is not None:
            log(iterations, best_lb, best_ub, time.perf_counter() - start)
    if ok and not best_solution and len(weights):
        # the plan: per coupled part, the master's convex combination of its columns
        nmaster = len(weights)
        combo = [p.col for p in parts]
        for k, j in enumerate(coupled):
            sel = [c for c in range(nmaster) if owner[c] == k and weights[c] > 0]
            combo[j] = sum((weights[c] * plans[c] for c in sel), np.zeros_like(plans[sel[0]]))
        best_solution = combo

    notes += [f"subproblem of {d.items[p.item]}: {p.failure}" for p in parts if p.failure]
    objective = best_ub if ok and np.isfinite(best_ub) else None
    solve_seconds = time.perf_counter() - start
    gap = (
        (objective - best_lb) / max(1.0, abs(objective))
        if objective is not None and np.isfinite(best_lb)
        else None
    )
    if objective is None:
        status = "Failed"
    elif gap is not None and gap <= 1e-7:
        status = "Optimal"
    else:
        status = "Near-optimal" if gap is not None and gap <= tol else "Feasible"
    return SplitResult(
        status=status,
        objective=objective,
        bound=float(best_lb),
        gap=gap,
        iterations=iterations,
        build_seconds=build_seconds,
        solve_seconds=solve_seconds,
        prices=center,
        solution=best_solution,
        models=parts,
        notes=notes,
        parts=len(parts),
    )


def assemble(
    d: PlanData, meta: dict[str, Any], res: SplitResult
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Global x[n,r,i,t], q[k,t] (k of ``meta``), c[r,i,t] and y[r,i,k,t] from the parts'
    solutions."""
    nn, nr, ni, nt = len(d.nations), len(d.recipients), len(d.items), d.periods
    x = np.zeros((nn, nr, ni, nt))
    c = np.zeros((nr, ni, nt))
    y = np.zeros(d.need.shape)
    q = np.zeros(meta["q_mask"].shape)
    line_of = {code: p for p, code in enumerate(d.lines)}
    nd = nn + nr
    lookup = np.full((len(d.lines), len(d.funds), nd), -1, dtype=np.int64)
    lookup[meta["k_line"], meta["k_fund"], meta["k_dest"]] = np.arange(len(meta["k_line"]))
    for part, col in zip(res.models, res.solution, strict=True):
        if not col.size:
            continue
        i = part.item
        for name, target in (
            ("x", x[:, :, i : i + 1, :]),
            ("c", c[:, i : i + 1, :]),
            ("y", y[:, i : i + 1, :, :]),
        ):
            idx = part.model.vars[name].index
            mask = idx >= 0
            target[mask] = col[idx[mask]]
        qi = part.model.vars["q"].index
        if qi.size:
            glines = np.array([line_of[part.data.lines[p]] for p in part.model.meta["k_line"]])
            k_glob = lookup[glines, part.model.meta["k_fund"], part.model.meta["k_dest"]]
            mask = qi >= 0
            rows = np.broadcast_to(k_glob[:, None], qi.shape)
            q[rows[mask], np.nonzero(mask)[1]] = col[qi[mask]]
    return np.maximum(x, 0.0), np.maximum(q, 0.0), np.clip(c, 0.0, d.cons), np.maximum(y, 0.0)


#: the columns of :func:`split_duals`
DUAL_COLUMNS = ["kind", "name", "dual", "unit", "source"]


def split_duals(d: PlanData, res: SplitResult) -> pd.DataFrame:
    """Marginal values the decomposition yields at no extra solve (d objective / d rhs):

    * per fund, the budget price that gave the best Lagrangian bound (per unit of the fund's
      currency): the Lagrangian dual's optimum is the budget's dual in the monolithic LP, so
      within the split's gap this is it (the final master's duals are not: the master is
      degenerate where one plan of an item spends just under its budget); when no price
      beat the bound without prices, the most negative dual of the budget rows in the
      items' last solves (each item within the whole budget);
    * per line, the sum over the horizon of its capacity rows' duals in its item's last
      subproblem (per unit of weekly capacity in every week);
    * per donor and item, the sum of its target rows' duals (per unit of target in every
      week).

    They are duals, not re-solves: degenerate and only valid for small moves; the ranking of
    where the next million does most good needs the monolithic solve."""
    rows: list[dict[str, Any]] = []
    # the budget rows' duals of the parts' last solves (each item within the whole budget):
    # the money is worth most to the item that values it most
    best = np.zeros(len(d.funds))
    for part in res.models:
        if not part.solved or part.model.ncols == 0 or "budget" not in part.model.rows:
            continue
        dual = np.asarray(part.highs.getSolution().row_dual)
        idx = part.model.rows["budget"].index
        if dual.size and idx.size:
            best = np.minimum(best, np.where(idx >= 0, dual[np.maximum(idx, 0)], 0.0))
    for f, code in enumerate(d.funds):
        price = float(res.prices[f]) if f < len(res.prices) else 0.0
        rows.append(
            {
                "kind": "fund",
                "name": code,
                "dual": (-price if price > 0 else float(best[f])) + 0.0,
                "unit": f"per {d.fund_currency[f]}",
                "source": "budget price of the best Lagrangian bound"
                if price > 0
                else "budget's dual in the item that values it most (last solve)",
            }
        )
    h = int(d.weeks)
    for part in res.models:
        if not part.solved or part.model.ncols == 0:
            continue
        dual = np.asarray(part.highs.getSolution().row_dual)
        if not dual.size:
            continue
        for name in ("capacity", "target"):
            if name not in part.model.rows:
                continue
            idx = part.model.rows[name].index
            vals = np.where(idx >= 0, dual[np.maximum(idx, 0)], 0.0)
            if name == "capacity":
                for p_local, code in enumerate(part.data.lines):
                    rows.append(
                        {
                            "kind": "line",
                            "name": code,
                            "dual": float(vals[p_local, :h].sum()),
                            "unit": "per unit of weekly capacity",
                            "source": f"subproblem of {d.items[part.item]} (last solve)",
                        }
                    )
            else:
                total = vals[..., :h].reshape(vals.shape[0], -1).sum(axis=1)
                for n, nation in enumerate(part.data.nations):
                    if total[n] != 0.0:
                        rows.append(
                            {
                                "kind": "target",
                                "name": f"{nation}/{d.items[part.item]}",
                                "dual": float(total[n]),
                                "unit": "per unit of target",
                                "source": f"subproblem of {d.items[part.item]} (last solve)",
                            }
                        )
    return pd.DataFrame(rows, columns=DUAL_COLUMNS)
