"""The AR(1) regression agrees with statsmodels on fixed data, and handles day gaps exactly."""

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import optimize

from bedside.insights.gls import (
    Ar1Problem,
    estimate_rho,
    fit_ar1,
    fit_fixed_rho,
    prais_winsten,
    reml_criterion,
)

Data = tuple[np.ndarray, np.ndarray, np.ndarray]


@pytest.fixture
def data() -> Data:
    """150 rated days out of 200 (gaps of 1–5 days), a trend, weekdays and an exposure."""
    rng = np.random.default_rng(20260314)
    t = np.sort(rng.choice(200, size=150, replace=False))
    e = np.zeros(200)
    for i in range(1, 200):
        e[i] = 0.6 * e[i - 1] + rng.normal()
    x = (rng.random(200) < 0.5).astype(float)
    X = np.column_stack([np.ones(t.size), t / 200, (t / 200) ** 2, np.eye(7)[t % 7][:, 1:], x[t]])
    y = X @ np.array([4, 1, 0.5, 0.2, -0.1, 0.3, 0, 0.1, -0.2, -0.8]) + e[t]
    return y, X, t


def sigma(t: np.ndarray, rho: float) -> np.ndarray:
    out: np.ndarray = rho ** np.abs(t[:, None] - t[None, :]).astype(float)
    return out


def test_gls_at_a_fixed_rho_equals_statsmodels_gls_with_the_full_covariance(data: Data) -> None:
    y, X, t = data
    ours = fit_fixed_rho(y, X, t, 0.6)
    # statsmodels.api.GLS(y, X, sigma=0.6 ** |t_i - t_j|).fit(): gaps enter through |t_i - t_j|
    ref = sm.GLS(y, X, sigma=sigma(t, 0.6)).fit()
    np.testing.assert_allclose(ours.beta, ref.params, atol=1e-6, rtol=0)
    np.testing.assert_allclose(ours.se_model, ref.bse, atol=1e-6, rtol=0)


def test_the_fast_fit_equals_statsmodels_too(data: Data) -> None:
    y, X, t = data
    problem = Ar1Problem(y, X, t)
    ours = problem.fit(0.45, robust=False)
    ref = sm.GLS(y, X, sigma=sigma(t, 0.45)).fit()
    np.testing.assert_allclose(ours.beta, ref.params, atol=1e-6, rtol=0)
    np.testing.assert_allclose(ours.se_model, ref.bse, atol=1e-6, rtol=0)


def test_robust_errors_are_hc3_on_the_whitened_rows(data: Data) -> None:
    y, X, t = data
    ours = fit_fixed_rho(y, X, t, 0.6)
    # statsmodels.api.OLS(ys, Xs).fit(cov_type="HC3") on the Prais–Winsten rows
    ref = sm.OLS(prais_winsten(y, t, 0.6), prais_winsten(X, t, 0.6)).fit(cov_type="HC3")
    assert ours.se_robust is not None
    np.testing.assert_allclose(ours.se_robust, ref.bse, atol=1e-6, rtol=0)
    np.testing.assert_allclose(ours.se, np.maximum(ours.se_model, ref.bse), atol=1e-12)


def test_rho_is_the_reml_minimum_found_by_brute_force(data: Data) -> None:
    y, X, t = data
    brute = optimize.minimize_scalar(
        lambda r: reml_criterion(y, X, t, r),
        bounds=(-0.45, 0.97),
        method="bounded",
        options={"xatol": 1e-9},
    )
    assert estimate_rho(y, X, t) == pytest.approx(brute.x, abs=1e-5)


def test_the_grid_criterion_equals_the_dense_reml(data: Data) -> None:
    y, X, t = data
    rhos = np.array([-0.3, 0.0, 0.35, 0.8])
    fast = Ar1Problem(y, X, t).criterion(rhos)
    n, p = X.shape
    for rho, value in zip(rhos, fast, strict=True):
        # Dense REML: (n-p) log SSR + log|Σ| + log|X'Σ⁻¹X| with Σ = ρ^|Δt|
        S = sigma(t, rho)
        Si = np.linalg.inv(S)
        b = np.linalg.solve(X.T @ Si @ X, X.T @ Si @ y)
        r = y - X @ b
        dense = (
            (n - p) * np.log(r @ Si @ r)
            + np.linalg.slogdet(S)[1]
            + np.linalg.slogdet(X.T @ Si @ X)[1]
        )
        assert value == pytest.approx(dense, rel=1e-9)


def test_a_gap_of_g_days_uses_rho_to_the_power_g() -> None:
    v = np.array([2.0, 3.0, 1.0, 5.0])
    t = np.array([10, 11, 14, 15])  # a 3-day gap between the second and third rows
    rho = 0.5
    expected = [
        2.0,  # the first row is left as it is
        (3.0 - 0.5 * 2.0) / np.sqrt(1 - 0.25),  # 1 day: (v − ρ v₋₁)/√(1 − ρ²)
        (1.0 - 0.125 * 3.0) / np.sqrt(1 - 0.015625),  # 3 days: ρ³ = 0.125, ρ⁶ = 0.015625
        (5.0 - 0.5 * 1.0) / np.sqrt(1 - 0.25),
    ]
    np.testing.assert_allclose(prais_winsten(v, t, rho), expected, rtol=1e-12)


def test_whitened_rows_have_identity_covariance() -> None:
    t = np.array([0, 1, 2, 5, 6, 13])
    rho = 0.7
    # Transform every column of the Cholesky factor of Σ: rows of P Σ P' must be orthonormal.
    L = np.linalg.cholesky(sigma(t, rho))
    P_L = prais_winsten(L, t, rho)
    np.testing.assert_allclose(P_L @ P_L.T, np.eye(t.size), atol=1e-12)


def test_the_fit_recovers_a_planted_coefficient_and_rho() -> None:
    rng = np.random.default_rng(7)
    n = 2000
    t = np.arange(n)
    e = np.zeros(n)
    for i in range(1, n):
        e[i] = 0.5 * e[i - 1] + rng.normal()
    x = (rng.random(n) < 0.5).astype(float)
    X = np.column_stack([np.ones(n), x])
    fit = fit_ar1(X @ np.array([3.0, -1.0]) + e, X, t)
    assert fit.rho == pytest.approx(0.5, abs=0.05)
    assert fit.beta[1] == pytest.approx(-1.0, abs=4 * fit.se[1])
