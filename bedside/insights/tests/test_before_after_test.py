"""Before/after changes are tested with the exact sign-flip test (whole-point ratings)."""

import itertools

import numpy as np
import pytest
from scipy import stats

from bedside.insights.paired import sign_flip_p


def brute_force(change: np.ndarray) -> float:
    size = np.abs(change)
    observed = abs(change.sum())
    hits = sum(
        abs(np.dot(signs, size)) >= observed - 1e-9
        for signs in itertools.product((-1.0, 1.0), repeat=change.size)
    )
    return hits / 2**change.size


@pytest.mark.parametrize("seed", range(40))
def test_equals_every_sign_pattern_enumerated(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n = int(rng.integers(1, 13))
    change = rng.integers(-3, 4, size=n) / rng.choice([1.0, 2.0, 3.0])
    assert sign_flip_p(change) == pytest.approx(brute_force(change), abs=1e-12)


def test_all_changes_the_same_way() -> None:
    assert sign_flip_p(np.ones(5)) == pytest.approx(2 / 32)
    assert sign_flip_p(np.zeros(8)) == 1.0


def test_continuous_measurements_are_left_to_the_t_test() -> None:
    assert sign_flip_p(np.array([0.1234, 1.0, -0.5])) is None


def test_calibrated_where_the_t_test_is_not() -> None:
    """Evenings that mostly change by 0 or ±1 point and no real effect: the share of p < 1%
    should be about 1%. The t-test gives several times that; the exact test never more."""
    rng = np.random.default_rng(7)
    exact, t_test = [], []
    for _ in range(2000):
        before = np.rint(5 + rng.normal(0, 0.6, size=20))
        after = np.rint(5 + rng.normal(0, 0.6, size=20))
        change = after - before
        p = sign_flip_p(change)
        assert p is not None
        exact.append(p)
        if change.std() > 0:
            t_test.append(stats.ttest_1samp(change, 0.0).pvalue)
    assert np.mean(np.array(exact) < 0.01) <= 0.012
    assert np.mean(np.array(t_test) < 0.01) > np.mean(np.array(exact) < 0.01)
