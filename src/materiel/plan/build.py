"""Build the linear program of DESIGN.md "The plan: a linear program" as sparse arrays.

A :class:`LinearModel` is a thin, vectorised builder (measured faster than linopy for this
shape, see docs/benchmarks.md): a variable family is an integer array of column numbers over
its labelled dims with ``-1`` where the variable is not created (sparse eligibility); a
constraint family is an integer array of row numbers; coefficients are added as whole
arrays of (row, column, value) triplets with broadcasting, never one variable at a time.
``build_model`` is the flat list of variable and constraint families in
:mod:`materiel.plan.constraints`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

import highspy
import numpy as np
import scipy.sparse as sp

from materiel.plan.data import PlanData

INF = highspy.kHighsInf


@dataclass
class Block:
    """A family of variables or rows: ``index`` holds column/row numbers, -1 = absent."""

    name: str
    dims: tuple[str, ...]
    index: np.ndarray

    @property
    def mask(self) -> np.ndarray:
        return np.asarray(self.index >= 0)

    @property
    def size(self) -> int:
        return int((self.index >= 0).sum())


@dataclass
class LinearModel:
    """Columns, rows and triplets of a minimisation LP; ``meta`` keeps index helpers."""

    ncols: int = 0
    nrows: int = 0
    cost: list[np.ndarray] = field(default_factory=list)
    col_lb: list[np.ndarray] = field(default_factory=list)
    col_ub: list[np.ndarray] = field(default_factory=list)
    row_lb: list[np.ndarray] = field(default_factory=list)
    row_ub: list[np.ndarray] = field(default_factory=list)
    trip_rows: list[np.ndarray] = field(default_factory=list)
    trip_cols: list[np.ndarray] = field(default_factory=list)
    trip_vals: list[np.ndarray] = field(default_factory=list)
    vars: dict[str, Block] = field(default_factory=dict)
    rows: dict[str, Block] = field(default_factory=dict)
    offset: float = 0.0
    meta: dict[str, Any] = field(default_factory=dict)
    build_seconds: float = 0.0

    # -- families ---------------------------------------------------------------------
    def add_variables(
        self,
        name: str,
        dims: tuple[str, ...],
        mask: np.ndarray,
        cost: Any = 0.0,
        lower: Any = 0.0,
        upper: Any = np.inf,
    ) -> Block:
        """Create one column per True entry of ``mask``; cost and bounds broadcast to it."""
        mask = np.asarray(mask, dtype=bool)
        index = np.full(mask.shape, -1, dtype=np.int64)
        k = int(mask.sum())
        index[mask] = np.arange(self.ncols, self.ncols + k)
        self.ncols += k
        self.cost.append(np.broadcast_to(np.asarray(cost, dtype=np.float64), mask.shape)[mask])
        self.col_lb.append(np.broadcast_to(np.asarray(lower, dtype=np.float64), mask.shape)[mask])
        self.col_ub.append(np.broadcast_to(np.asarray(upper, dtype=np.float64), mask.shape)[mask])
        block = Block(name, dims, index)
        self.vars[name] = block
        return block

    def add_rows(
        self,
        name: str,
        dims: tuple[str, ...],
        mask: np.ndarray,
        lower: Any = -np.inf,
        upper: Any = np.inf,
    ) -> Block:
        """Create one row per True entry of ``mask`` with bounds ``lower <= a·x <= upper``."""
        mask = np.asarray(mask, dtype=bool)
        index = np.full(mask.shape, -1, dtype=np.int64)
        k = int(mask.sum())
        index[mask] = np.arange(self.nrows, self.nrows + k)
        self.nrows += k
        self.row_lb.append(np.broadcast_to(np.asarray(lower, dtype=np.float64), mask.shape)[mask])
        self.row_ub.append(np.broadcast_to(np.asarray(upper, dtype=np.float64), mask.shape)[mask])
        block = Block(name, dims, index)
        self.rows[name] = block
        return block

    def add_terms(self, rows: np.ndarray, cols: np.ndarray, coeff: Any = 1.0) -> None:
        """Add ``coeff`` at (rows, cols), broadcast together; pairs with a -1 are dropped."""
        r, c, v = np.broadcast_arrays(
            np.asarray(rows), np.asarray(cols), np.asarray(coeff, dtype=np.float64)
        )
        keep = (r >= 0) & (c >= 0) & (v != 0)
        self.trip_rows.append(r[keep].astype(np.int64))
        self.trip_cols.append(c[keep].astype(np.int64))
        self.trip_vals.append(v[keep].astype(np.float64))

    # -- export -----------------------------------------------------------------------
    def arrays(self) -> dict[str, np.ndarray]:
        def cat(parts: list[np.ndarray]) -> np.ndarray:
            return np.concatenate(parts) if parts else np.zeros(0)

        return {
            "cost": cat(self.cost),
            "col_lb": cat(self.col_lb),
            "col_ub": cat(self.col_ub),
            "row_lb": cat(self.row_lb),
            "row_ub": cat(self.row_ub),
        }

    def matrix(self) -> sp.csc_matrix:
        rows = np.concatenate(self.trip_rows) if self.trip_rows else np.zeros(0, np.int64)
        cols = np.concatenate(self.trip_cols) if self.trip_cols else np.zeros(0, np.int64)
        vals = np.concatenate(self.trip_vals) if self.trip_vals else np.zeros(0)
        return sp.csc_matrix((vals, (rows, cols)), shape=(self.nrows, self.ncols))

    def to_highs_lp(self) -> highspy.HighsLp:
        a = self.arrays()
        mat = self.matrix()
        lp = highspy.HighsLp()
        lp.num_col_ = self.ncols
        lp.num_row_ = self.nrows
        lp.col_cost_ = a["cost"]
        lp.col_lower_ = np.where(np.isinf(a["col_lb"]), -INF, a["col_lb"])
        lp.col_upper_ = np.where(np.isinf(a["col_ub"]), INF, a["col_ub"])
        lp.row_lower_ = np.where(np.isinf(a["row_lb"]), -INF, a["row_lb"])
        lp.row_upper_ = np.where(np.isinf(a["row_ub"]), INF, a["row_ub"])
        lp.a_matrix_.format_ = highspy.MatrixFormat.kColwise
        lp.a_matrix_.start_ = mat.indptr.astype(np.int32)
        lp.a_matrix_.index_ = mat.indices.astype(np.int32)
        lp.a_matrix_.value_ = mat.data
        lp.offset_ = self.offset
        return lp

    def stats(self) -> dict[str, int]:
        return {
            "columns": self.ncols,
            "rows": self.nrows,
            "nonzeros": int(sum(len(v) for v in self.trip_vals)),
        }


def build_model(data: PlanData) -> LinearModel:
    """The LP of DESIGN.md as a flat list of variable and constraint families."""
    from materiel.plan import constraints as c

    start = time.perf_counter()
    m = LinearModel()
    c.prepare_masks(m, data)
    c.define_transfer_variables(m, data)
    c.define_order_variables(m, data)
    c.define_stock_variables(m, data)
    c.define_shortfall_variables(m, data)
    c.define_breach_variables(m, data)
    c.define_burden_variables(m, data)
    c.define_donor_balance(m, data)
    c.define_recipient_balance(m, data)
    c.define_capacity(m, data)
    c.define_budget(m, data)
    c.define_target(m, data)
    c.define_caveat_caps(m, data)
    c.define_burden_sharing(m, data)
    c.add_constant_breach(m, data)
    m.build_seconds = time.perf_counter() - start
    return m
