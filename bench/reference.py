"""What the engine is compared with on the same simulated logs.

(a) ``naive``: what consumer trackers do — the same-day correlation of "session that day" with
    the day's rating, a finding at p < 0.05.
(b) ``glsar``: a careful analyst with statsmodels — per technique × outcome × window,
    ``GLSAR(rho=1).iterative_fit()`` on the same rows and the same trend and weekday columns as
    the engine (one technique at a time, gaps ignored as GLSAR does), the same minimum-data gates
    and weekday check, Benjamini–Hochberg over the person's tests (a finding: q ≤ level and
    p < 0.05).
(c) ``same_model``: the engine's own joint model refitted with statsmodels — ρ by REML with
    ``scipy.optimize.minimize_scalar`` over ``statsmodels.GLS`` with the full AR(1) covariance
    (gaps exact), then GLS at that ρ. Used to check the engine's numbers and its speed.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import statsmodels.api as sm
from scipy import optimize, stats

from bedside.insights.align import CircleData
from bedside.insights.design import base_design, r_squared
from bedside.insights.model import LOCK_R2, MIN_DAYS, MIN_SPAN, MIN_WITH, MIN_WITHOUT, _exposures


@dataclass(frozen=True)
class Claim:
    technique: str
    outcome: str
    window: str  # same_day (naive) | next_day | rest_of_week
    effect: float
    ci: tuple[float, float] | None
    p: float
    finding: bool = False
    q: float | None = None


def naive(data: CircleData) -> list[Claim]:
    """Same-day correlation between a session that day and that day's rating, p < 0.05."""
    claims = []
    for o in data.outcomes:
        for tech in data.techniques:
            ok = ~np.isnan(o.y) & ~np.isnan(tech.dose)
            x, y = (tech.dose[ok] > 0).astype(float), o.y[ok]
            if ok.sum() < 10 or x.std() == 0 or y.std() == 0:
                continue
            r, p = stats.pearsonr(x, y)
            slope = float(np.polyfit(x, y, 1)[0])
            claims.append(Claim(tech.name, o.name, "same_day", slope, None, float(p), p < 0.05))
    return claims


def glsar(data: CircleData, *, level: float = 0.025) -> list[Claim]:
    """Per-pair statsmodels GLSAR with trend and weekday, gates and BH as in the engine."""
    raw: list[Claim] = []
    for k, o in enumerate(data.outcomes):
        days = np.arange(data.days)
        ok = ~np.isnan(o.y) & (days >= 1)
        ok[1:] &= data.logged[:-1]
        rows = np.flatnonzero(ok).astype(np.int64)
        if rows.size < MIN_DAYS or rows[-1] - rows[0] + 1 < MIN_SPAN:
            continue
        y = o.y[rows]
        base = base_design(rows, data.weekday[rows])
        lock_base = np.column_stack(
            [np.ones(rows.size), base.X[:, base.trend], base.weekday_full[:, 1:]]
        )
        cols = _exposures(data, k, rows)
        by = {(c.technique, c.window): c for c in cols}
        for (j, window), col in by.items():
            if window == "same_evening":
                continue
            if col.with_mask.sum() < MIN_WITH or col.without_mask.sum() < MIN_WITHOUT:
                continue
            if r_squared(col.values[:, None], lock_base)[0] >= LOCK_R2:
                continue
            extra = (
                [col.values] if window == "next_day" else [by[(j, "next_day")].values, col.values]
            )
            X = np.column_stack([base.X, *extra])
            res = sm.GLSAR(y, X, rho=1).iterative_fit(maxiter=10)
            lo, hi = res.conf_int()[-1]
            raw.append(
                Claim(
                    data.techniques[j].name,
                    o.name,
                    window,
                    float(res.params[-1]),
                    (float(lo), float(hi)),
                    float(res.pvalues[-1]),
                )
            )
    if not raw:
        return raw
    q = stats.false_discovery_control(np.array([c.p for c in raw]), method="bh")
    return [
        Claim(
            c.technique,
            c.outcome,
            c.window,
            c.effect,
            c.ci,
            c.p,
            bool(qi <= level and c.p < 0.05),
            float(qi),
        )
        for c, qi in zip(raw, q, strict=True)
    ]


def reml_statsmodels(y: np.ndarray, X: np.ndarray, t: np.ndarray, rho: float) -> float:
    """−2 restricted log-likelihood (up to a constant) computed with statsmodels.GLS."""
    sigma = rho ** np.abs(t[:, None] - t[None, :]).astype(float)
    res = sm.GLS(y, X, sigma=sigma).fit()
    n, p = X.shape
    logdet_sigma = np.linalg.slogdet(sigma)[1]
    logdet_x = -np.linalg.slogdet(res.normalized_cov_params)[1]
    return float((n - p) * np.log(res.ssr) + logdet_sigma + logdet_x)


def hc3_statsmodels(y: np.ndarray, X: np.ndarray, t: np.ndarray, rho: float) -> np.ndarray:
    """HC3 standard errors of OLS on the Prais–Winsten-whitened rows (gaps exact)."""
    from bedside.insights.gls import prais_winsten

    res = sm.OLS(prais_winsten(y, t, rho), prais_winsten(X, t, rho)).fit(cov_type="HC3")
    return np.asarray(res.bse)


def same_model(
    y: np.ndarray, X: np.ndarray, t: np.ndarray, rho: float | None = None
) -> tuple[float, np.ndarray, np.ndarray]:
    """ρ (REML, unless given), coefficients and standard errors with statsmodels."""
    if rho is None:
        found = optimize.minimize_scalar(
            lambda r: reml_statsmodels(y, X, t, r),
            bounds=(-0.45, 0.97),
            method="bounded",
            options={"xatol": 1e-7},
        )
        rho = float(found.x)
    sigma = rho ** np.abs(t[:, None] - t[None, :]).astype(float)
    res = sm.GLS(y, X, sigma=sigma).fit()
    return rho, np.asarray(res.params), np.asarray(res.bse)
