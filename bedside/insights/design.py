"""Design matrices: the slow trend of ALS, the day of the week, and the exposure columns.

The trend is a Legendre polynomial in time, of degree 1 below 120 days, 2 below a year and 3
beyond: smooth enough not to soak up a technique's day-to-day effect, flexible enough to follow a
decline that speeds up or slows down. Day of week is six indicator columns; a weekday with fewer
than three rated days joins the reference day rather than spending a parameter on it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
from numpy.polynomial import legendre

from .gls import FloatArray, IntArray

WEEKDAY_MIN_ROWS = 3


def trend_degree(span_days: int) -> int:
    if span_days < 120:
        return 1
    if span_days < 365:
        return 2
    return 3


def trend_columns(t: IntArray, degree: int) -> FloatArray:
    """Legendre polynomials P1..P_degree of time scaled to [−1, 1] (no constant)."""
    t = np.asarray(t, dtype=np.float64)
    lo, hi = float(t.min()), float(t.max())
    u = 2.0 * (t - lo) / (hi - lo) - 1.0 if hi > lo else np.zeros_like(t)
    vander = legendre.legvander(u, degree)
    out: FloatArray = vander[:, 1:]
    return out


def weekday_columns(weekday: IntArray) -> tuple[FloatArray, list[int]]:
    """Indicators for each weekday with enough rows, except the most common (the reference)."""
    counts = np.bincount(weekday, minlength=7)
    present = [w for w in range(7) if counts[w] >= WEEKDAY_MIN_ROWS]
    if not present:
        return np.zeros((weekday.size, 0)), []
    reference = max(present, key=lambda w: (counts[w], -w))
    kept = [w for w in present if w != reference]
    cols = (weekday[:, None] == np.asarray(kept)[None, :]).astype(np.float64)
    return cols, kept


@dataclass(frozen=True)
class Base:
    """The columns every model of one outcome shares."""

    X: FloatArray  # intercept, trend, weekdays
    trend: slice
    weekdays: slice
    weekday_full: FloatArray  # all seven weekday indicators (for the identifiability check)


def base_design(t: IntArray, weekday: IntArray) -> Base:
    span = int(t.max() - t.min()) + 1
    trend = trend_columns(t, trend_degree(span))
    days, _ = weekday_columns(weekday)
    n = t.size
    X = np.column_stack([np.ones(n), trend, days])
    k = trend.shape[1]
    full = (weekday[:, None] == np.arange(7)[None, :]).astype(np.float64)
    return Base(X, slice(1, 1 + k), slice(1 + k, X.shape[1]), full)


def r_squared(y: FloatArray, X: FloatArray) -> FloatArray:
    """Centred R² of each column of ``y`` regressed on ``X`` (which holds a constant)."""
    coef, *_ = np.linalg.lstsq(X, y, rcond=None)
    resid = y - X @ coef
    centred = y - y.mean(axis=0)
    total = np.sum(centred * centred, axis=0)
    ss = np.sum(resid * resid, axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        r2: FloatArray = np.where(total > 0, 1.0 - ss / total, 1.0)
    return r2


def inflation(Z: FloatArray) -> tuple[FloatArray, FloatArray]:
    """Variance inflation factors of the columns of ``Z`` (no constant), and the inverse
    correlation matrix they come from (its off-diagonal gives each column's partners)."""
    centred = Z - Z.mean(axis=0)
    norms = np.sqrt(np.sum(centred * centred, axis=0))
    std = centred / np.where(norms > 0, norms, 1.0)
    corr = std.T @ std
    inv = np.linalg.inv(corr + 1e-10 * np.eye(corr.shape[0]))
    vif: FloatArray = np.diag(inv).copy()
    return vif, inv


BoolArray = npt.NDArray[np.bool_]
