"""The randomization test equals a brute-force enumeration of every schedule the design could
have drawn, and behaves as a test should (calibrated, reproducible, covering the truth)."""

from __future__ import annotations

import datetime as dt
import itertools

import numpy as np
import pytest

from bedside.insights.experiments import (
    BLOCKS,
    PAIRS,
    Design,
    design_blocks,
    design_pairs,
    randomization_test,
)

START = dt.date(2026, 3, 2)


def noisy_log(design: Design, *, effect: float, seed: int, missing: float = 0.0) -> dict:
    """Daily ratings around 5 with a slow decline; ON responses shifted by ``effect``."""
    rng = np.random.default_rng(seed)
    on_days = {r.day for r in design.responses() if r.on}
    out = {}
    for k in range(design.days + 2):
        day = START + dt.timedelta(days=k)
        if rng.random() < missing:
            continue
        out[day] = 5 - k / 60 + rng.normal(0, 1.2) + (effect if day in on_days else 0.0)
    return out


# --- brute force: rebuild every schedule and recompute the statistic from the raw days ----


def naive_pairs_statistic(design: Design, log: dict) -> float | None:
    """Mean over complete pairs of (rating after the ON night − rating after the OFF night)."""
    diffs = []
    for unit in range(design.units):
        first = START + dt.timedelta(days=2 * unit)
        after_first, after_second = first + dt.timedelta(days=1), first + dt.timedelta(days=2)
        if after_first in log and after_second in log:
            on_first = design.order[unit]
            on, off = (after_first, after_second) if on_first else (after_second, after_first)
            diffs.append(log[on] - log[off])
    return float(np.mean(diffs)) if diffs else None


def naive_blocks_statistic(design: Design, log: dict) -> float:
    """Detrend the analysed days with a straight line, then ON mean − OFF mean."""
    days = [r for r in design.responses() if r.day in log]
    t = np.array([(r.day - START).days for r in days], dtype=float)
    y = np.array([log[r.day] for r in days])
    slope, intercept = np.polyfit(t, y, 1)
    resid = y - (intercept + slope * t)
    on = np.array([r.on for r in days])
    return float(resid[on].mean() - resid[~on].mean())


def brute_force_p(designs: list[Design], observed: Design, log: dict, statistic) -> float:
    t_obs = abs(statistic(observed, log))
    values = [abs(statistic(d, log)) for d in designs]
    return sum(v >= t_obs - 1e-9 for v in values) / len(values)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
@pytest.mark.parametrize("effect", [0.0, -1.5])
def test_pairs_p_value_equals_brute_force_enumeration(seed, effect):
    observed = design_pairs(START, 6, seed=seed)
    log = noisy_log(observed, effect=effect, seed=seed + 10, missing=0.1)
    every = [
        Design(PAIRS, START, tuple(order), seed)
        for order in itertools.product([False, True], repeat=observed.units)
    ]
    # Pairs that lost a rating drop out; flipping them changes nothing, so each distinct
    # assignment of the complete pairs appears equally often in ``every``.
    expected = brute_force_p(every, observed, log, naive_pairs_statistic)
    result = randomization_test(observed, log)
    assert result.exact
    assert result.p_value == pytest.approx(expected, abs=1e-12)
    assert result.effect == pytest.approx(naive_pairs_statistic(observed, log))


@pytest.mark.parametrize("seed", [5, 6, 7])
@pytest.mark.parametrize("effect", [0.0, -1.0])
def test_blocks_p_value_equals_brute_force_enumeration(seed, effect):
    observed = design_blocks(START, 6, seed=seed, every_days=3)
    log = noisy_log(observed, effect=effect, seed=seed + 20, missing=0.15)
    every = [
        Design(BLOCKS, START, tuple(i in chosen for i in range(6)), seed, 14, 3, 7)
        for chosen in itertools.combinations(range(6), 3)
    ]
    assert len(every) == 20
    expected = brute_force_p(every, observed, log, naive_blocks_statistic)
    result = randomization_test(observed, log)
    assert result.exact and result.reference_size == 20
    assert result.p_value == pytest.approx(expected, abs=1e-12)


def test_blocks_estimate_is_the_detrended_difference_when_on_and_off_balance_in_time() -> None:
    observed = Design(BLOCKS, START, (True, False, False, True, True, False, False, True), 0)
    log = noisy_log(observed, effect=-2.0, seed=3)
    result = randomization_test(observed, log)
    assert result.effect == pytest.approx(-2.0, abs=0.6)
    assert result.ci_low is not None and result.ci_high is not None
    assert result.ci_low < -2.0 + 0.6 and result.ci_high > -2.0 - 0.6


def test_an_experiment_stopped_early_is_analysed_on_the_pairs_it_completed() -> None:
    observed = design_pairs(START, 12, seed=9)
    log = noisy_log(observed, effect=-1.0, seed=4)
    five_pairs = {d: v for d, v in log.items() if d <= START + dt.timedelta(days=10)}
    result = randomization_test(observed, five_pairs)
    assert result.units_planned == 12
    assert result.units_used == 5
    assert result.reference_size == 2**5
    # 32 orders: the smallest two-sided p-value is 2/32, so no range can exclude everything.
    assert result.p_value is not None and result.p_value >= 2 / 32


def test_monte_carlo_is_reproducible_and_close_to_exact() -> None:
    observed = design_pairs(START, 20, seed=11)
    log = noisy_log(observed, effect=-0.8, seed=12)
    first = randomization_test(observed, log, interval=False)
    again = randomization_test(observed, log, interval=False)
    assert not first.exact and first.reference_size == 20_000
    assert first.p_value == again.p_value
    diffs = np.array(
        [
            log[START + dt.timedelta(days=2 * u + (1 if on else 2))]
            - log[START + dt.timedelta(days=2 * u + (2 if on else 1))]
            for u, on in enumerate(observed.order)
        ]
    )
    # Exact over all 2**20 sign flips, computed in chunks.
    t_obs = abs(diffs.mean())
    hits = 0
    for chunk in range(16):
        codes = np.arange(chunk * 2**16, (chunk + 1) * 2**16)
        signs = 1 - 2 * ((codes[:, None] >> np.arange(20)) & 1)
        hits += int(np.count_nonzero(np.abs(signs @ diffs / 20) >= t_obs - 1e-12))
    assert first.p_value == pytest.approx(hits / 2**20, abs=0.01)


def test_false_positives_stay_near_five_percent_without_an_effect() -> None:
    rejections = 0
    for seed in range(300):
        observed = design_pairs(START, 14, seed=seed)
        log = noisy_log(observed, effect=0.0, seed=1000 + seed, missing=0.2)
        p = randomization_test(observed, log, interval=False).p_value
        rejections += p is not None and p < 0.05
    assert rejections / 300 <= 0.08


def test_the_range_covers_the_true_effect_most_of_the_time() -> None:
    covered = 0
    for seed in range(60):
        observed = design_pairs(START, 14, seed=seed)
        log = noisy_log(observed, effect=-1.0, seed=2000 + seed)
        result = randomization_test(observed, log)
        covered += (
            result.ci_low is not None
            and result.ci_high is not None
            and result.ci_low <= -1.0 <= result.ci_high
        )
    assert covered >= 52  # nominal 95%: 57 of 60


def test_no_ratings_gives_no_result_rather_than_a_guess() -> None:
    result = randomization_test(design_pairs(START, 7, seed=1), {})
    assert result.p_value is None and result.effect is None and result.units_used == 0
