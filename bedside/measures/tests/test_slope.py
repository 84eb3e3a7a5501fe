"""Least-squares ALSFRS-R slope over a window, checked against a hand computation."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from bedside.measures.progression import ProgressionError, slope

POINTS = [(date(2024, 1, 1), 44.0), (date(2024, 3, 1), 42.0), (date(2024, 5, 1), 41.0)]


def test_slope_matches_the_hand_computation() -> None:
    # x in days: 0, 60, 121; y: 44, 42, 41. n=3, Σx=181, Σy=127, Σxy=7481, Σx²=18241.
    # b = (3·7481 − 181·127) / (3·18241 − 181²) = −544 / 21962 points/day; × 30.44 per month.
    s = slope(POINTS)
    assert s.points_per_month == pytest.approx(-544 / 21962 * 30.44)
    assert s.points_per_month == pytest.approx(-0.754001, abs=1e-6)
    assert (s.start, s.end, s.n) == (date(2024, 1, 1), date(2024, 5, 1), 3)


def test_slope_agrees_with_numpy_polyfit() -> None:
    # Reference: numpy.polyfit(days / 30.44, totals, 1)[0]
    days = np.array([0, 45, 90, 200, 260], dtype=float)
    totals = np.array([45, 44, 44, 40, 37], dtype=float)
    points = [
        (date.fromordinal(date(2024, 1, 1).toordinal() + int(d)), float(t))
        for d, t in zip(days, totals, strict=True)
    ]
    expected = float(np.polyfit(days / 30.44, totals, 1)[0])
    assert slope(points).points_per_month == pytest.approx(expected)


def test_order_of_points_does_not_matter() -> None:
    assert slope(list(reversed(POINTS))).points_per_month == slope(POINTS).points_per_month


def test_window_keeps_only_points_inside_both_ends_included() -> None:
    s = slope(POINTS, start=date(2024, 3, 1), end=date(2024, 12, 31))
    assert s.n == 2
    assert (s.start, s.end) == (date(2024, 3, 1), date(2024, 12, 31))
    # Two points: (41 − 42) over 61 days.
    assert s.points_per_month == pytest.approx(-1 / (61 / 30.44))


def test_fewer_than_two_assessments_are_refused() -> None:
    with pytest.raises(ProgressionError, match="at least 2 assessments in the window; there is 1"):
        slope(POINTS[:1])
    with pytest.raises(ProgressionError, match="there are 0"):
        slope([])
    with pytest.raises(ProgressionError, match="there is 1"):
        slope(POINTS, start=date(2024, 4, 1))


def test_zero_time_span_is_refused() -> None:
    same_day = [(date(2024, 1, 1), 44.0), (date(2024, 1, 1), 43.0)]
    with pytest.raises(ProgressionError, match="zero time span"):
        slope(same_day)


def test_window_that_ends_before_it_starts_is_refused() -> None:
    with pytest.raises(ProgressionError, match="starts .* after it ends"):
        slope(POINTS, start=date(2024, 5, 1), end=date(2024, 1, 1))


def test_repeated_days_are_fitted_not_refused() -> None:
    points = [*POINTS, (date(2024, 5, 1), 39.0)]
    assert slope(points).n == 4
