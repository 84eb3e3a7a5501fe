"""Immediate effects from ratings taken just before and just after a session.

A rating just before the session is the same evening, the same mood, the same reason for giving
the session: the change to the rating just after is the one comparison that reverse causation
cannot fake. It is analysed as paired differences (one mean change per day, so that two sessions
on one evening do not count as two independent days) with a t-interval.

The p-value is the exact sign-flip test (Fisher's paired randomization test): with no immediate
effect, "before" and "after" are exchangeable, so every change was as likely to have the other
sign. Ratings are whole numbers and most evenings change by 0 or ±1; on such data the t-test's
small p-values were 2–6 times too frequent in simulation, and the false-discovery control relies on
exactly those. The exact distribution comes from counting subset sums of the absolute changes
(they lie on a grid of whole points, halves, thirds …); changes off such a grid (a measurement in
litres) keep the t-test, which is accurate for continuous data.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from .align import CircleData
from .gls import FloatArray
from .model import MIN_WITH, Estimate


def paired_estimate(data: CircleData, j: int, k: int) -> Estimate:
    """Mean change after − before for technique ``j`` on outcome ``k`` (``too_early`` below
    14 days with both ratings)."""
    pairs = data.paired[(j, k)]
    change = pairs.change
    n = int(change.size)
    span = int(pairs.days[-1] - pairs.days[0]) + 1 if n else 1
    est = Estimate(
        technique=j,
        outcome=k,
        window="same_evening",
        status="too_early",
        days_with=n,
        days_without=0,
        mean_with=float(change.mean()) if n else None,
        n=n,
        span=max(span, 1),
        with_rate=n / max(span, 1),
        rows_rate=n / max(span, 1),
    )
    est.method = "before_after"
    y = data.outcomes[k].y
    daily = y[~np.isnan(y)]
    # The size that counts as meaningful is judged against the outcome's day-to-day spread.
    est.sigma = float(np.std(daily, ddof=1)) if daily.size > 2 else None
    if n < MIN_WITH:
        est.reasons.append("with")
        return est
    sd = float(np.std(change, ddof=1))
    est.status = "estimated"
    est.effect = float(change.mean())
    est.se = sd / np.sqrt(n)
    est.df = n - 1
    if est.se > 0:
        exact = sign_flip_p(change)
        est.p_value = (
            exact if exact is not None else float(2 * stats.t.sf(abs(est.effect / est.se), n - 1))
        )
    else:
        est.p_value = 0.0 if est.effect != 0 else 1.0
        est.se = 0.0
    if est.sigma is None:
        est.sigma = float(np.std(change, ddof=1)) or None
    return est


GRID_STEPS = (1, 2, 3, 4, 5, 6, 8, 10, 12)  # a day's mean of up to a few whole-point changes
MAX_GRID_SUM = (
    200_000  # cells of the exact distribution (a year of daily changes of 10 points × 12 = 43,800)
)


def sign_flip_p(change: FloatArray) -> float | None:
    """Two-sided exact p-value of the sign-flip test of "mean change = 0", or None when the
    changes are not on a grid of whole points or simple fractions of a point.

    Examples
    --------
    >>> sign_flip_p(np.array([1.0, 1.0, 1.0, 1.0, 1.0]))  # all 5 up: 2 of the 32 sign patterns
    0.0625
    >>> sign_flip_p(np.array([0.5, -1.0, 1.5, 0.0]))  # |sum| ≥ 1 in 6 of the 8 patterns
    0.75
    >>> sign_flip_p(np.array([0.1234, 1.0])) is None
    True
    """
    size = np.abs(np.asarray(change, dtype=np.float64))
    for step in GRID_STEPS:
        scaled = size * step
        units = np.rint(scaled)
        if np.all(np.abs(scaled - units) < 1e-6):
            break
    else:
        return None
    cells = units.astype(np.int64)
    total = int(cells.sum())
    if total == 0:
        return 1.0
    if total > MAX_GRID_SUM:
        return None
    # Probability that the "+" changes sum to k, built one change at a time: Π (1 + x^a) / 2.
    dist = np.zeros(total + 1)
    dist[0] = 1.0
    reach = 0
    for a in cells[cells > 0]:
        a = int(a)
        shifted = dist[: reach + 1].copy()
        dist[: reach + 1] *= 0.5
        dist[a : a + reach + 1] += 0.5 * shifted
        reach += a
    observed_plus = int(cells[np.asarray(change) > 0].sum())
    # S = 2·plus − total; two-sided: |S| at least the observed |S|.
    distance = abs(2 * observed_plus - total)
    k = np.arange(total + 1)
    extreme = np.abs(2 * k - total) >= distance
    return float(min(1.0, dist[extreme].sum()))
