"""Benjamini–Hochberg over every claimable test of the circle decides what is shown."""

import numpy as np
from scipy import stats

from bedside.insights import analyze
from bedside.insights.engine import FDR_LEVEL

from .logs import planted_log


def test_q_values_are_benjamini_hochberg_over_every_claimable_test() -> None:
    analysis = analyze(planted_log(18, 300, extra_nulls=20))
    claimable = [f for f in analysis.findings if f.q_value is not None]
    # 22 techniques done on about half the days: every next-day pair, but no rest of the week
    # (six days in a row without a session are too rare).
    assert len(claimable) >= 22
    p = np.array([f.p_value for f in claimable], dtype=float)
    expected = stats.false_discovery_control(p, method="bh")
    q = np.array([f.q_value for f in claimable], dtype=float)
    np.testing.assert_allclose(q, expected, rtol=1e-9)


def test_a_finding_needs_to_survive_the_false_discovery_control() -> None:
    analysis = analyze(planted_log(18, 300, extra_nulls=20))
    for f in analysis.findings:
        if f.finding:
            assert f.q_value is not None and f.p_value is not None
            assert f.q_value <= FDR_LEVEL and f.p_value < 0.05
    # Some null technique reached p < 0.05 by chance, and was not shown as a finding.
    chance = [
        f
        for f in analysis.findings
        if f.intervention.startswith("null") and f.p_value is not None and f.p_value < 0.05
    ]
    assert len(chance) == 3
    assert all(f.label == "maybe" and not f.finding for f in chance)
    assert all(f.q_value is not None and f.q_value > FDR_LEVEL for f in chance)


def test_pairs_that_were_examined_but_not_shown_are_still_listed() -> None:
    analysis = analyze(planted_log(11, 300, extra_nulls=2))
    pairs = {(f.intervention, f.window) for f in analysis.findings}
    for name in ("evening massage", "neck stretches", "null technique 1", "null technique 2"):
        assert (name, "next_day") in pairs and (name, "rest_of_week") in pairs
