"""Regression with AR(1) errors on days with gaps: exact Prais–Winsten and REML for ρ.

A family's log skips days. The error of day ``t`` is a stationary AR(1) process in *calendar*
days, so two ratings ``g`` days apart have correlation ``ρ**g``. Whitening that covariance is the
exact Prais–Winsten transform with the gap in the exponent::

    z_0 = v_0
    z_i = (v_i − ρ**g_i · v_{i−1}) / √(1 − ρ**(2·g_i))        g_i = t_i − t_{i−1}

Every ``z_i`` then has the same variance (the marginal variance of the error), so ordinary least
squares on the transformed rows is generalised least squares with ``Σ_ij = ρ**|t_i − t_j|``.

ρ is chosen by restricted maximum likelihood (REML). REML is the small-sample correction of the
lag-one residual correlation: the plain correlation of residuals one day apart is biased towards
zero by about ``(1 + 3ρ + p)/n`` with ``p`` regressors, which at 120 days and 15 regressors is
large enough to spoil the intervals. REML integrates the regression coefficients out instead, and
is profiled on a grid that costs only ``p × p`` work per value of ρ (see :class:`Ar1Problem`).

References
----------
Prais, S. J. & Winsten, C. B. (1954). Trend estimators and serial correlation. Cowles Commission
Discussion Paper 383.
Harville, D. A. (1977). Maximum likelihood approaches to variance component estimation and to
related problems. JASA 72(358), 320–338.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]

RHO_LOW, RHO_HIGH = -0.45, 0.97
_FIRST = 1_000_000  # gap given to the first row: ρ**_FIRST is 0, so z_0 = v_0


@dataclass(frozen=True)
class GlsFit:
    """One fitted regression with AR(1) errors."""

    rho: float
    beta: FloatArray
    cov: FloatArray  # model-based: σ² (X'Σ⁻¹X)⁻¹
    sigma: float  # residual standard deviation (marginal, in outcome units)
    n: int
    df: int  # residual degrees of freedom used for t-intervals (n − p − 1: ρ was estimated)
    cov_robust: FloatArray | None = None  # HC3 on the whitened rows (see :func:`hc3`)

    @property
    def se(self) -> FloatArray:
        """The standard errors inference uses: the larger of model-based and HC3.

        Either alone let through too many small p-values on simulated logs with integer
        ratings, step changes and missing bad days (model-based: 1.6–1.7× the nominal rate below
        0.001; HC3 alone: 1.3×); the larger of the two was slightly conservative (0.6–0.9×) at
        a cost of 2–5% in standard error.
        """
        model = self.se_model
        if self.cov_robust is None:
            return model
        robust: FloatArray = np.maximum(model, np.sqrt(np.diag(self.cov_robust)))
        return robust

    @property
    def se_model(self) -> FloatArray:
        model: FloatArray = np.sqrt(np.diag(self.cov))
        return model

    @property
    def se_robust(self) -> FloatArray | None:
        return None if self.cov_robust is None else np.sqrt(np.diag(self.cov_robust))


def day_gaps(t: IntArray) -> IntArray:
    """Days since the previous row; the first row gets a gap so large that ρ**g is 0."""
    t = np.asarray(t, dtype=np.int64)
    g = np.empty_like(t)
    g[0] = _FIRST
    g[1:] = np.diff(t)
    if np.any(g[1:] <= 0):
        raise ValueError("days must be strictly increasing")
    return g


def prais_winsten(v: FloatArray, t: IntArray, rho: float) -> FloatArray:
    """Whiten ``v`` (one column or several) for AR(1) errors observed on days ``t``.

    Examples
    --------
    >>> prais_winsten(np.array([1.0, 2.0, 4.0]), np.array([0, 1, 3]), 0.5).round(4).tolist()
    [1.0, 1.7321, 3.6148]
    """
    v = np.asarray(v, dtype=np.float64)
    g = day_gaps(t)
    r = np.power(rho, g.astype(np.float64))
    scale = 1.0 / np.sqrt(1.0 - r * r)
    out = v.copy()
    if v.ndim == 1:
        out[1:] = (v[1:] - r[1:] * v[:-1]) * scale[1:]
    else:
        out[1:] = (v[1:] - r[1:, None] * v[:-1]) * scale[1:, None]
    return out


def fit_fixed_rho(y: FloatArray, X: FloatArray, t: IntArray, rho: float) -> GlsFit:
    """GLS with a known ρ: OLS on the Prais–Winsten-transformed rows.

    ``cov`` is the same as ``statsmodels.api.GLS(y, X, sigma=rho ** abs(t[:, None] - t))``
    gives; ``cov_robust`` the same as ``OLS(ys, Xs).fit(cov_type="HC3")`` on the transformed rows.
    """
    ys = prais_winsten(y, t, rho)
    Xs = prais_winsten(X, t, rho)
    gram = Xs.T @ Xs
    inv = np.linalg.inv(gram)
    beta = inv @ (Xs.T @ ys)
    resid = ys - Xs @ beta
    n, p = X.shape
    s2 = float(resid @ resid) / (n - p)
    return GlsFit(float(rho), beta, s2 * inv, float(np.sqrt(s2)), n, n - p - 1, hc3(Xs, resid, inv))


def hc3(Xs: FloatArray, resid: FloatArray, inv: FloatArray) -> FloatArray:
    """HC3 covariance of OLS on whitened rows (MacKinnon & White 1985).

    Prewhitening with the AR(1) model takes out most of the serial correlation; what the AR(1)
    model gets wrong in real logs — ratings stuck at 0 or 10, a step change, an outlying week —
    shows up as unequal variance of the whitened rows, which HC3 allows for. In simulation it
    brought the share of null p-values below 0.001 from 1.7× to 1.1–1.3× the nominal rate.
    """
    leverage = np.einsum("ij,jk,ik->i", Xs, inv, Xs)
    scaled = Xs * (resid / np.maximum(1.0 - leverage, 1e-8))[:, None]
    cov: FloatArray = inv @ (scaled.T @ scaled) @ inv
    return cov


def reml_criterion(y: FloatArray, X: FloatArray, t: IntArray, rho: float) -> float:
    """−2 × restricted log-likelihood (up to a constant), σ² profiled out.

    ``(n − p)·log SSR(ρ) + log|Σ(ρ)| + log|X'Σ(ρ)⁻¹X|`` with ``Σ`` scaled to unit marginal
    variance. The slow, obvious version, kept for tests and as documentation of
    :func:`fit_ar1`.
    """
    ys = prais_winsten(y, t, rho)
    Xs = prais_winsten(X, t, rho)
    gram = Xs.T @ Xs
    beta = np.linalg.solve(gram, Xs.T @ ys)
    ssr = float(np.sum((ys - Xs @ beta) ** 2))
    g = day_gaps(t)[1:].astype(np.float64)
    logdet_sigma = float(np.sum(np.log1p(-np.power(rho, 2 * g))))
    n, p = X.shape
    return float((n - p) * np.log(ssr) + logdet_sigma + float(np.linalg.slogdet(gram)[1]))


class Ar1Problem:
    """The regression of ``y`` on ``X`` on days ``t``, ready to be evaluated at many ρ.

    Rows are grouped by their gap ``g`` to the previous row. A row transforms as
    ``(w_i − r w_{i−1}) / √(1 − r²)`` with ``r = ρ**g``, so the Gram matrix of the transformed
    ``W = [X, y]`` is ``Σ_g (D0_g − r_g·D1_g + r_g²·D2_g) / (1 − r_g²)`` with three fixed
    matrices per distinct gap. Evaluating a new ρ then costs ``p × p`` work, not ``n × p``.
    """

    def __init__(self, y: FloatArray, X: FloatArray, t: IntArray) -> None:
        self.y = np.asarray(y, dtype=np.float64)
        self.X = np.asarray(X, dtype=np.float64)
        self.t = np.asarray(t, dtype=np.int64)
        self.n, self.p = self.X.shape
        W = np.column_stack([self.X, self.y])
        g = day_gaps(self.t)
        gaps, inverse = np.unique(g[1:], return_inverse=True)
        q = W.shape[1]
        blocks = np.empty((3 * gaps.size + 1, q, q))
        for i in range(gaps.size):
            rows = np.flatnonzero(inverse == i) + 1
            cur, prev = W[rows], W[rows - 1]
            cross = cur.T @ prev
            blocks[3 * i] = cur.T @ cur
            blocks[3 * i + 1] = cross + cross.T
            blocks[3 * i + 2] = prev.T @ prev
        blocks[-1] = np.outer(W[0], W[0])  # the first row is left as it is
        self._blocks = blocks.reshape(blocks.shape[0], q * q)
        self._gaps = gaps.astype(np.float64)
        self._counts = np.bincount(inverse, minlength=gaps.size).astype(np.float64)
        self._q = q

    def grams(self, rhos: FloatArray) -> tuple[FloatArray, FloatArray]:
        """Gram matrices of the transformed ``[X, y]`` at each ρ, and log|Σ(ρ)|."""
        rhos = np.atleast_1d(np.asarray(rhos, dtype=np.float64))
        r = np.power(rhos[:, None], self._gaps[None, :])  # (G, gaps)
        one_minus = 1.0 - r * r
        coef = np.empty((rhos.size, 3 * self._gaps.size + 1))
        coef[:, 0:-1:3] = 1.0 / one_minus
        coef[:, 1:-1:3] = -r / one_minus
        coef[:, 2:-1:3] = r * r / one_minus
        coef[:, -1] = 1.0
        grams = (coef @ self._blocks).reshape(rhos.size, self._q, self._q)
        logdet = np.log(one_minus) @ self._counts
        return grams, logdet

    def criterion(self, rhos: FloatArray) -> FloatArray:
        """−2 × restricted log-likelihood at each ρ (see :func:`reml_criterion`)."""
        grams, logdet_sigma = self.grams(rhos)
        p = self.p
        gxx = grams[:, :p, :p]
        gxy = grams[:, :p, p]
        chol = np.linalg.cholesky(gxx)
        beta = np.linalg.solve(gxx, gxy[..., None])[..., 0]
        ssr = np.maximum(grams[:, p, p] - np.einsum("gi,gi->g", gxy, beta), 1e-300)
        logdet_x = 2.0 * np.sum(np.log(np.diagonal(chol, axis1=1, axis2=2)), axis=1)
        crit: FloatArray = (self.n - p) * np.log(ssr) + logdet_sigma + logdet_x
        return crit

    def rho(self) -> float:
        """The REML estimate of ρ in [−0.45, 0.97].

        A coarse grid (steps of 0.1) finds the basin, a finer one (0.02) the minimum, and two
        parabolas (the second through points 0.002 apart) the last digits (about 1e-6).
        """
        coarse = np.linspace(RHO_LOW, 0.95, 15)
        best = float(coarse[int(np.argmin(self.criterion(coarse)))])
        fine = np.linspace(max(RHO_LOW, best - 0.1), min(RHO_HIGH, best + 0.1), 11)
        crit = self.criterion(fine)
        i = int(np.argmin(crit))
        if i in (0, fine.size - 1):
            return float(fine[i])
        guess = _parabola(fine[i], fine[1] - fine[0], crit[i - 1 : i + 2])
        h = 0.002
        guess = min(max(guess, RHO_LOW + h), RHO_HIGH - h)
        near = np.array([guess - h, guess, guess + h])
        crit = self.criterion(near)
        if crit[1] <= min(crit[0], crit[2]):
            return _parabola(guess, h, crit)
        return float(near[int(np.argmin(crit))])

    def fit(self, rho: float, *, robust: bool = True) -> GlsFit:
        """GLS at ``rho``: coefficients, covariances (model-based and HC3), residual SD, df."""
        if robust:
            return fit_fixed_rho(self.y, self.X, self.t, rho)
        grams, _ = self.grams(np.array([rho]))
        gram = grams[0]
        p = self.p
        gxx, gxy = gram[:p, :p], gram[:p, p]
        inv = np.linalg.inv(gxx)
        beta = inv @ gxy
        ssr = max(float(gram[p, p] - gxy @ beta), 0.0)
        s2 = ssr / (self.n - p)
        return GlsFit(float(rho), beta, s2 * inv, float(np.sqrt(s2)), self.n, self.n - p - 1)


def _parabola(center: float, step: float, crit: FloatArray) -> float:
    left, mid, right = (float(c) for c in crit)
    denom = left - 2 * mid + right
    if denom <= 0:
        return center
    return float(center + 0.5 * step * (left - right) / denom)


def estimate_rho(y: FloatArray, X: FloatArray, t: IntArray) -> float:
    """The REML estimate of ρ (see :meth:`Ar1Problem.rho`)."""
    return Ar1Problem(y, X, t).rho()


def fit_ar1(y: FloatArray, X: FloatArray, t: IntArray) -> GlsFit:
    """Feasible GLS: ρ by REML, then GLS at that ρ (see the module docstring).

    Parameters
    ----------
    y : (n,) outcome on the days ``t``.
    X : (n, p) design, full column rank.
    t : (n,) strictly increasing day numbers (gaps allowed).

    Returns
    -------
    GlsFit with ρ, coefficients, their covariance, the residual SD and the degrees of freedom.
    """
    problem = Ar1Problem(y, X, t)
    return problem.fit(problem.rho())
