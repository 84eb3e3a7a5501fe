"""One joint model per outcome: every technique's windows at once, AR(1) errors, trend, weekday.

For outcome ``y`` on day ``d`` (a row needs day ``d − 1`` to have been logged)::

    y_d = trend(d) + weekday(d)
          + Σ_j  a_j · x_j(d−1)                 next day
          + Σ_j  b_j · Σ_{l=2..7} x_j(d−l)       rest of the week (per session, on each day)
          + Σ_j  c_j · after_j(d)               same evening, when ratings come after sessions
          + e_d,      e AR(1) in calendar days

``x_j`` is 0/1 or the dose in typical sessions. Fitting the techniques together is what keeps a
technique that always comes with another from taking the other's credit. Sessions chosen because
of how the day went are handled by the AR(1) model for the next-day and week windows: the
whitened error of day ``d`` is the new part of that day, which a session of the day before cannot
have caused. That argument fails for the same evening, which is why that window is estimated but
never claimed from daily ratings alone.

Gates (STATISTICS.md): an outcome needs 56 rated days over at least 8 weeks; a window of a
technique needs at least 14 days with and 14 without. Identifiability: a column explained at
R² ≥ 0.9 by the weekday and trend, or with a variance inflation factor ≥ 10 among the other
columns, is reported as "can't tell apart" from whatever explains it, and left out of the fit.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Literal

import numpy as np
from scipy import stats

from .align import CircleData
from .design import Base, base_design, inflation, r_squared
from .gls import FloatArray, GlsFit, IntArray, fit_ar1

MIN_DAYS = 56
MIN_SPAN = 56
MIN_WITH = 14
MIN_WITHOUT = 14
LOCK_R2 = 0.9
MAX_VIF = 10.0
WEEK_LAGS = range(2, 8)

Window = Literal["same_evening", "next_day", "rest_of_week"]
WINDOW_LAGS: dict[Window, tuple[int, int]] = {
    # window → (lag_days, window_days)
    "same_evening": (0, 1),
    "next_day": (1, 1),
    "rest_of_week": (2, 6),
}
Status = Literal["estimated", "too_early", "cant_tell_apart"]
Method = Literal["daily", "before_after"]
Reason = Literal[
    "outcome_days", "with", "without", "columns", "weekday", "trend", "technique", "schedule"
]


@dataclass
class Estimate:
    """One technique × outcome × window from the daily log."""

    technique: int
    outcome: int
    window: Window
    status: Status
    days_with: int
    days_without: int
    mean_with: float | None = None
    mean_without: float | None = None
    effect: float | None = None
    se: float | None = None
    df: int | None = None
    p_value: float | None = None
    reasons: list[Reason] = field(default_factory=list)
    partner: int | None = None  # the technique it can't be told apart from
    weekday: int | None = None  # the weekday it can't be told apart from
    sigma: float | None = None  # the outcome's day-to-day SD (model residual or raw)
    n: int = 0
    span: int = 0
    with_rate: float = 0.0  # days with, per calendar day
    without_rate: float = 0.0
    rows_rate: float = 0.0
    rows_needed: int = 0  # rated days the joint model needs when it had too many columns
    trend_r2: float = 0.0  # how much of the exposure the slow trend explains (started partway)
    method: Method = "daily"

    def ci(self, level: float = 0.95) -> tuple[float, float] | None:
        if self.effect is None or self.se is None or self.df is None:
            return None
        half = t_quantile(0.5 + level / 2, self.df) * self.se
        return self.effect - half, self.effect + half


@lru_cache(maxsize=4096)
def t_quantile(q: float, df: int) -> float:
    """Student's t quantile (cached: every pair of one outcome shares the degrees of freedom)."""
    return float(stats.t.ppf(q, max(df, 1)))


@dataclass
class Column:
    technique: int
    window: Window
    values: FloatArray
    with_mask: np.ndarray
    without_mask: np.ndarray


@dataclass
class OutcomeModel:
    """What the fit of one outcome produced (kept for tests and the benchmark)."""

    estimates: list[Estimate]
    fit: GlsFit | None = None
    X: FloatArray | None = None
    y: FloatArray | None = None
    t: IntArray | None = None
    columns: list[Column] = field(default_factory=list)


def _exposures(data: CircleData, k: int, rows: IntArray) -> list[Column]:
    cols: list[Column] = []
    outcome = data.outcomes[k]
    days = data.exposures()
    for j in range(len(data.techniques)):
        x1 = days.next_day[j, rows]
        cols.append(Column(j, "next_day", x1, x1 > 0, x1 == 0))
        cols.append(
            Column(
                j,
                "rest_of_week",
                days.week[j, rows],
                days.week_any[j, rows],
                days.week_none[j, rows],
            )
        )
        after = outcome.after.get(j)
        if after is not None:
            x0 = after[rows]
            cols.append(Column(j, "same_evening", x0, x0 > 0, x0 == 0))
    return cols


def _describe(columns: list[Column], y: FloatArray, k: int, n: int, span: int) -> list[Estimate]:
    """Days with and without, and the outcome's mean on each, for every column."""
    with_mask = np.array([c.with_mask for c in columns], dtype=np.float64)
    without_mask = np.array([c.without_mask for c in columns], dtype=np.float64)
    n_with, n_without = with_mask.sum(axis=1), without_mask.sum(axis=1)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_with = (with_mask @ y) / n_with
        mean_without = (without_mask @ y) / n_without
    out = []
    for i, col in enumerate(columns):
        w, wo = int(n_with[i]), int(n_without[i])
        out.append(
            Estimate(
                technique=col.technique,
                outcome=k,
                window=col.window,
                status="too_early",
                days_with=w,
                days_without=wo,
                mean_with=float(mean_with[i]) if w else None,
                mean_without=float(mean_without[i]) if wo else None,
                n=n,
                span=span,
                with_rate=w / span,
                without_rate=wo / span,
                rows_rate=n / span,
            )
        )
    return out


def fit_outcome(data: CircleData, k: int) -> OutcomeModel:
    """Fit outcome ``k`` and return one :class:`Estimate` per technique and window examined."""
    y_all = data.outcomes[k].y
    days = np.arange(data.days)
    ok = ~np.isnan(y_all) & (days >= 1)
    ok[1:] &= data.logged[:-1]
    rows = np.flatnonzero(ok).astype(np.int64)
    if rows.size == 0:
        return OutcomeModel([])
    y = y_all[rows]
    span = int(rows[-1] - rows[0]) + 1
    n = rows.size
    columns = _exposures(data, k, rows)
    estimates = _describe(columns, y, k, n, span)
    raw_sd = float(np.std(y, ddof=1)) if n > 1 else None
    for est in estimates:
        est.sigma = raw_sd
    if n < MIN_DAYS or span < MIN_SPAN:
        for est in estimates:
            est.reasons.append("outcome_days")
        return OutcomeModel(estimates, t=rows, y=y)

    candidates: list[int] = []
    for i, (col, est) in enumerate(zip(columns, estimates, strict=True)):
        if est.days_with < MIN_WITH:
            est.reasons.append("with")
        if est.days_without < MIN_WITHOUT:
            est.reasons.append("without")
        if not est.reasons and np.ptp(col.values) > 0:
            candidates.append(i)

    weekday = data.weekday[rows]
    base = base_design(rows, weekday)
    _lock_to_base(data, columns, estimates, candidates, base)
    _lock_to_each_other(data, columns, estimates, candidates, base)
    _limit_columns(estimates, candidates, base.X.shape[1], n)

    # Partners of an aliased pair stay in the fit (flagged) so that the others stay adjusted.
    fitted = list(candidates)
    X = np.column_stack([base.X, *[columns[i].values for i in fitted]])
    try:
        fit = fit_ar1(y, X, rows)
    except np.linalg.LinAlgError:
        # A design the checks above let through but that is still singular: say "too early"
        # for this outcome rather than guess.
        for est in estimates:
            if est.status != "cant_tell_apart":
                est.status = "too_early"
                est.reasons.append("columns")
        return OutcomeModel(estimates, t=rows, y=y)
    nb = base.X.shape[1]
    beta, se = fit.beta[nb:], fit.se[nb:]
    with np.errstate(invalid="ignore", divide="ignore"):
        p_values = 2 * stats.t.sf(np.abs(beta / se), fit.df)
    for pos, i in enumerate(fitted):
        est = estimates[i]
        if est.status == "cant_tell_apart":
            continue  # kept in the fit to adjust the others, but not reported as an effect
        est.status = "estimated"
        est.effect, est.se, est.df = float(beta[pos]), float(se[pos]), fit.df
        est.p_value = float(p_values[pos]) if se[pos] > 0 else 1.0
    for est in estimates:
        est.sigma = fit.sigma
    return OutcomeModel(estimates, fit, X, y, rows, [columns[i] for i in fitted])


def _lock_to_base(
    data: CircleData,
    columns: list[Column],
    estimates: list[Estimate],
    candidates: list[int],
    base: Base,
) -> None:
    """Columns that the weekday or the slow trend explain (R² ≥ 0.9) can't be told apart."""
    if not candidates:
        return
    n = base.X.shape[0]
    trend = base.X[:, base.trend]
    week = base.weekday_full[:, 1:]
    Y = np.column_stack([columns[i].values for i in candidates])
    r2_all = r_squared(Y, np.column_stack([np.ones(n), trend, week]))
    r2_week = r_squared(Y, np.column_stack([np.ones(n), week]))
    r2_trend = r_squared(Y, np.column_stack([np.ones(n), trend]))
    for pos, i in enumerate(list(candidates)):
        estimates[i].trend_r2 = float(r2_trend[pos])
        if r2_all[pos] < LOCK_R2:
            continue
        est = estimates[i]
        est.status = "cant_tell_apart"
        if r2_week[pos] >= r2_trend[pos]:
            est.reasons.append("weekday")
            share = data.techniques[est.technique].weekday_share
            est.weekday = int(np.argmax(share))
        else:
            est.reasons.append("trend")
        candidates.remove(i)


def _lock_to_each_other(
    data: CircleData,
    columns: list[Column],
    estimates: list[Estimate],
    candidates: list[int],
    base: Base,
) -> None:
    """Drop, one at a time, the column with the largest variance inflation (≥ 10).

    The column that explains it most names the reason: another technique (both are then
    reported as "can't tell apart", the partner staying in the fit so that the rest stay
    adjusted), the same technique's other window (a regular schedule), or weekday and trend.
    """
    X = base.X
    nb = X.shape[1]
    ntrend = base.trend.stop - base.trend.start
    active = list(candidates)
    while active:
        Z = np.column_stack([X[:, 1:], *[columns[i].values for i in active]])
        vif, inv = inflation(Z)
        own = vif[nb - 1 :]
        worst = int(np.argmax(own))
        if own[worst] < MAX_VIF:
            break
        c = nb - 1 + worst
        weights = np.abs(inv[c]) / inv[c, c]
        weights[c] = 0.0
        partner = int(np.argmax(weights))
        i = active[worst]
        est = estimates[i]
        if partner < nb - 1:
            est.status = "cant_tell_apart"
            if partner < ntrend:
                est.reasons.append("trend")
            else:
                est.reasons.append("weekday")
                est.weekday = int(np.argmax(data.techniques[est.technique].weekday_share))
            active.remove(i)
            candidates.remove(i)
            continue
        other = active[partner - (nb - 1)]
        oest = estimates[other]
        if oest.technique == est.technique:
            # The same technique's two windows move together: sessions on a regular schedule.
            drop = i if est.window != "next_day" else other
            destimate = estimates[drop]
            destimate.status = "cant_tell_apart"
            destimate.reasons.append("schedule")
            active.remove(drop)
            candidates.remove(drop)
            continue
        est.status = "cant_tell_apart"
        est.reasons.append("technique")
        est.partner = oest.technique
        if oest.status != "cant_tell_apart":
            oest.status = "cant_tell_apart"
            oest.reasons.append("technique")
            oest.partner = est.technique
        active.remove(i)
        candidates.remove(i)


def _limit_columns(
    estimates: list[Estimate],
    candidates: list[int],
    nbase: int,
    n: int,
) -> None:
    """Keep the fit's residual degrees of freedom ≥ max(10, n/4): drop the thinnest windows."""
    order = {"rest_of_week": 0, "same_evening": 1, "next_day": 2}

    def balance(i: int) -> tuple[int, int]:
        e = estimates[i]
        return order[e.window], min(e.days_with, e.days_without)

    def short(count: int) -> bool:
        return n - nbase - count - 1 < max(10, n // 4)

    while candidates and short(len(candidates)):
        i = min(candidates, key=balance)
        candidates.remove(i)
        est = estimates[i]
        est.status = "too_early"
        est.reasons.append("columns")
        # Rated days at which this column would fit too: n − p − 1 ≥ max(10, n/4).
        p = nbase + len(candidates) + 2
        est.rows_needed = max(p + 11, -(-4 * (p + 1) // 3))
