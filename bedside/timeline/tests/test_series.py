"""Daily values, week averages, scales and ticks (pure)."""

from __future__ import annotations

import datetime as dt
import doctest

from bedside.timeline import series
from bedside.timeline.series import DayValue, daily_values, scale_for, tick_days, week_averages

D = dt.date(2026, 5, 1)


def day(n: int) -> dt.date:
    return D + dt.timedelta(days=n)


def test_docstring_examples_hold() -> None:
    result = doctest.testmod(series)
    assert result.attempted > 0
    assert result.failed == 0


def test_several_ratings_of_one_day_are_averaged_and_days_without_stay_out() -> None:
    values = daily_values([(day(0), 4), (day(0), 6), (day(2), 3), (day(9), 9)], day(0), day(5))
    assert values == [DayValue(day(0), 5.0, 2), DayValue(day(2), 3.0, 1)]


def test_week_averages_compare_the_first_and_last_weeks_with_data() -> None:
    values = [DayValue(day(i), 4.0) for i in range(7)] + [
        DayValue(day(i), 6.0) for i in range(20, 27)
    ]
    assert week_averages(values) == (4.0, 6.0)
    assert week_averages([]) is None


def test_rating_scale_is_fixed_but_measurements_zoom_to_the_data() -> None:
    assert scale_for([2, 3], 0, 10, fixed=True) == (0.0, 10.0)
    assert scale_for([2, 12], 0, 10, fixed=True) == (0.0, 12.0)
    lo, hi = scale_for([70.2, 71.4], 25, 250, fixed=False)
    assert lo <= 70.2 and hi >= 71.4 and hi - lo <= 2
    assert scale_for([], 15, 70, fixed=False) == (15.0, 70.0)
    lo, hi = scale_for([35.0], 15, 70, fixed=False)
    assert lo < 35 < hi


def test_ticks_cover_both_ends_without_repeats() -> None:
    assert tick_days(day(0), day(0), 5) == [day(0)]
    assert tick_days(day(0), day(2), 5) == [day(0), day(1), day(2)]
    ticks = tick_days(day(0), day(89), 5)
    assert ticks[0] == day(0) and ticks[-1] == day(89) and len(ticks) == 5
