"""Pure helpers that turn dated values into what a chart needs: daily values, scales, ticks.

No Django here: the functions take plain dates and floats so they are tested without a
database and reused by anything that draws or summarises a series.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class DayValue:
    """The value of one day: the mean of that day's observations, and how many there were."""

    day: dt.date
    value: float
    count: int = 1


def daily_values(
    observations: Iterable[tuple[dt.date, float]], start: dt.date, end: dt.date
) -> list[DayValue]:
    """Average several observations of the same day; keep days in ``[start, end]``, in order.

    A day without observations gets no entry at all: charts draw it as a gap, never as an
    interpolated value.

    >>> d = dt.date(2026, 1, 1)
    >>> daily_values([(d, 4.0), (d, 6.0)], d, d)
    [DayValue(day=datetime.date(2026, 1, 1), value=5.0, count=2)]
    """
    sums: dict[dt.date, tuple[float, int]] = {}
    for day, value in observations:
        if start <= day <= end:
            total, n = sums.get(day, (0.0, 0))
            sums[day] = (total + value, n + 1)
    return [DayValue(day, total / n, n) for day, (total, n) in sorted(sums.items())]


def week_averages(values: Sequence[DayValue]) -> tuple[float, float] | None:
    """Mean of the daily values in the first and in the last seven days that have data.

    The first week runs from the first day with a value; the last week ends on the last day
    with a value. Returns None without data. When the data span seven days or less, both
    averages are the same (the caller can then say "average" instead of "from … to …").

    >>> days = [DayValue(dt.date(2026, 1, i), float(i)) for i in range(1, 15)]
    >>> week_averages(days)
    (4.0, 11.0)
    """
    if not values:
        return None
    first_day, last_day = values[0].day, values[-1].day
    week = dt.timedelta(days=6)
    first = [v.value for v in values if v.day <= first_day + week]
    last = [v.value for v in values if v.day >= last_day - week]
    return sum(first) / len(first), sum(last) / len(last)


def span_days(values: Sequence[DayValue]) -> int:
    """Calendar days from the first to the last value, both included (0 without data)."""
    if not values:
        return 0
    return (values[-1].day - values[0].day).days + 1


def nice_step(span: float) -> float:
    """A round step (1, 2 or 5 × 10^k) that cuts ``span`` into about four parts."""
    if span <= 0:
        return 1.0
    raw = span / 4
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return float(factor * power)
    return float(10 * power)  # pragma: no cover - the loop always returns


def scale_for(
    values: Iterable[float], lowest: float, highest: float, *, fixed: bool
) -> tuple[float, float]:
    """The y range of a chart.

    Ratings (``fixed``) use their whole scale, e.g. 0–10, so a change looks as big as it is;
    it only widens when a value lies outside. Measurements use the data's range rounded out to
    a nice step, so a 1 cm change in calf circumference is visible on a 15–70 cm plausible
    range. Without data a measurement falls back to its plausible range.

    >>> scale_for([3, 7], 0, 10, fixed=True)
    (0.0, 10.0)
    >>> scale_for([34.2, 36.8], 15, 70, fixed=False)
    (34.0, 37.0)
    """
    data = list(values)
    if fixed or not data:
        lo, hi = float(lowest), float(highest)
        if data:
            lo, hi = min(lo, min(data)), max(hi, max(data))
        if hi <= lo:
            hi = lo + 1
        return lo, hi
    lo, hi = float(min(data)), float(max(data))
    if hi - lo < 1e-9:
        pad = max(abs(lo) * 0.05, 1.0)
        lo, hi = lo - pad, hi + pad
    step = nice_step(hi - lo)
    return math.floor(lo / step) * step, math.ceil(hi / step) * step


def tick_days(start: dt.date, end: dt.date, count: int) -> list[dt.date]:
    """``count`` evenly spread days from ``start`` to ``end`` (both ends included, no repeats).

    >>> tick_days(dt.date(2026, 1, 1), dt.date(2026, 1, 31), 4)
    [datetime.date(2026, 1, 1), datetime.date(2026, 1, 11), datetime.date(2026, 1, 21), datetime.date(2026, 1, 31)]
    """
    total = (end - start).days
    if total <= 0 or count <= 1:
        return [start]
    count = min(count, total + 1)
    offsets = sorted({round(i * total / (count - 1)) for i in range(count)})
    return [start + dt.timedelta(days=o) for o in offsets]


def value_ticks(lo: float, hi: float) -> list[float]:
    """The y values that get a grid line and a label: the scale's ends and round steps between.

    >>> value_ticks(0, 10)
    [0.0, 5.0, 10.0]
    >>> value_ticks(34, 37)
    [34.0, 35.0, 36.0, 37.0]
    """
    span = hi - lo
    step = nice_step(span)
    if span / step > 6:
        step *= 2
    ticks = [float(lo)]
    value = math.floor(lo / step) * step + step
    while value < hi - step * 0.25:
        if value > lo + step * 0.25:
            ticks.append(round(value, 10))
        value += step
    ticks.append(float(hi))
    return ticks
