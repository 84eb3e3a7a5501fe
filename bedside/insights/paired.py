"""Immediate effects from ratings taken just before and just after a session.

A rating just before the session is the same evening, the same mood, the same reason for giving
the session: the change to the rating just after is the one comparison that reverse causation
cannot fake. It is analysed as paired differences (one mean change per day, so that two sessions
on one evening do not count as two independent days) with a t-interval.
"""

from __future__ import annotations

import numpy as np
from scipy import stats

from .align import CircleData
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
        est.p_value = float(2 * stats.t.sf(abs(est.effect / est.se), n - 1))
    else:
        est.p_value = 0.0 if est.effect != 0 else 1.0
        est.se = 0.0
    if est.sigma is None:
        est.sigma = float(np.std(change, ddof=1)) or None
    return est
