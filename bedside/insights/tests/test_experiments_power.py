"""How long an experiment should run: the power calculation.

Reference figures (STATISTICS.md, simulated): a 0.8 SD next-day effect is found ~35% of the
time at 4 weeks, ~58% at 8, ~80% at 12, ~92% at 17 — matched here with independent days, 80%
of mornings rated and every evening as scheduled.
"""

from __future__ import annotations

import math

import pytest

from bedside.insights.experiments import (
    BLOCKS,
    PAIRS,
    Noise,
    default_noise,
    detectable_effect,
    outcome_noise,
    plan_length,
    power_blocks,
    power_pairs,
    simulate_power,
)

REFERENCE = Noise(sd=1.0, sd_change=math.sqrt(2), rho=0.0, rated_share=0.8, days=0)


@pytest.mark.parametrize(("weeks", "expected"), [(4, 0.35), (8, 0.58), (12, 0.80), (17, 0.92)])
def test_pairs_power_matches_the_reference_figures(weeks, expected):
    got = power_pairs(effect=0.8, noise=REFERENCE, pairs=weeks * 7 // 2, adherence=1.0)
    assert got == pytest.approx(expected, abs=0.05)


def test_power_grows_with_the_effect_and_with_the_length() -> None:
    effects = [0.2, 0.4, 0.6, 0.8, 1.0, 1.5]
    by_effect = [power_pairs(effect=e, noise=REFERENCE, pairs=42) for e in effects]
    assert by_effect == sorted(by_effect) and by_effect[0] < by_effect[-1]
    by_length = [power_pairs(effect=0.8, noise=REFERENCE, pairs=p) for p in range(7, 90, 7)]
    assert by_length == sorted(by_length)
    blocks = [power_blocks(effect=0.8, noise=REFERENCE, blocks=b) for b in (6, 8, 10, 12)]
    assert blocks == sorted(blocks)


def test_the_planned_length_shrinks_as_the_target_effect_grows() -> None:
    weeks = [plan_length(PAIRS, effect=e, noise=REFERENCE).weeks for e in (0.5, 0.8, 1.2, 2.0)]
    assert weeks == sorted(weeks, reverse=True) and weeks[0] > weeks[-1]
    blocks = [plan_length(BLOCKS, effect=e, noise=REFERENCE).units for e in (0.5, 1.0, 2.0)]
    assert blocks == sorted(blocks, reverse=True)


def test_a_reachable_target_gets_at_least_eighty_percent_power() -> None:
    plan = plan_length(PAIRS, effect=0.8, noise=REFERENCE, adherence=1.0)
    assert plan.reached and plan.power >= 0.8 and plan.weeks == 12
    shorter = power_pairs(effect=0.8, noise=REFERENCE, pairs=plan.units - 1, adherence=1.0)
    assert shorter < 0.8


def test_an_unreachable_target_says_so_at_the_longest_length() -> None:
    plan = plan_length(PAIRS, effect=0.1, noise=REFERENCE)
    assert not plan.reached and plan.weeks == 26 and plan.power < 0.8


def test_six_blocks_can_never_reach_five_percent_so_the_plan_asks_for_more() -> None:
    assert power_blocks(effect=10.0, noise=REFERENCE, blocks=6) == 0.0
    plan = plan_length(BLOCKS, effect=2.0, noise=REFERENCE)
    assert plan.units >= 8 and plan.units % 2 == 0


def test_detectable_effect_is_the_inverse_of_power() -> None:
    mde = detectable_effect(PAIRS, noise=REFERENCE, units=30)
    assert mde is not None
    assert power_pairs(effect=mde, noise=REFERENCE, pairs=30) == pytest.approx(0.8, abs=0.01)
    fewer = detectable_effect(PAIRS, noise=REFERENCE, units=10)
    assert fewer is not None and fewer > mde
    assert detectable_effect(PAIRS, noise=REFERENCE, units=5) is None  # never below 5%


@pytest.mark.parametrize(
    ("kind", "units", "rho"), [(PAIRS, 28, 0.0), (PAIRS, 21, 0.5), (BLOCKS, 10, 0.0)]
)
def test_the_analytic_power_agrees_with_simulated_experiments(kind, units, rho):
    noise = Noise(1.0, math.sqrt(2 * (1 - rho)), rho, 0.8, 0)
    if kind == PAIRS:
        analytic = power_pairs(effect=0.8, noise=noise, pairs=units, adherence=0.95)
    else:
        analytic = power_blocks(effect=0.8, noise=noise, blocks=units, adherence=0.95)
    simulated = simulate_power(
        kind, effect_sd=0.8, units=units, rho=rho, adherence=0.95, sims=250, seed=3
    )
    assert simulated == pytest.approx(analytic, abs=0.12)


def test_outcome_noise_reads_the_day_to_day_variation() -> None:
    import datetime as dt

    import numpy as np

    rng = np.random.default_rng(0)
    start = dt.date(2026, 1, 1)
    values = {
        start + dt.timedelta(days=k): 5 + k / 100 + float(rng.normal(0, 1.0))
        for k in range(120)
        if rng.random() < 0.9
    }
    noise = outcome_noise(values)
    assert noise.sd == pytest.approx(1.0, abs=0.2)
    assert noise.sd_change == pytest.approx(math.sqrt(2), abs=0.3)
    assert noise.rated_share == pytest.approx(0.9, abs=0.07)
    assert not noise.assumed
    assert outcome_noise({start: 3.0}) == default_noise()
