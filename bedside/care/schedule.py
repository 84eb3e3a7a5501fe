"""When a routine is due: pure date arithmetic, no database.

Days are circle days (see :mod:`bedside.circles.days`): a "nightly at 00:30" routine is due on the
evening it belongs to, and its weekday is that evening's weekday.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Protocol


class Schedulable(Protocol):
    schedule: str
    weekdays: list[int]
    every_n_days: int | None
    start_date: dt.date
    end_date: dt.date | None


def is_due(routine: Schedulable, day: dt.date) -> bool:
    """True when ``routine`` has an occurrence on circle day ``day``.

    ``dates`` (for the "on listed dates" schedule) and ``paused_dates`` are ISO date strings;
    they are read with ``getattr`` so that plain objects without them still schedule.
    """
    if day < routine.start_date or (routine.end_date is not None and day > routine.end_date):
        return False
    if day.isoformat() in (getattr(routine, "paused_dates", None) or ()):
        return False
    if routine.schedule == "dates":
        return day.isoformat() in (getattr(routine, "dates", None) or ())
    if routine.schedule == "daily":
        return True
    if routine.schedule == "weekdays":
        return day.weekday() in (routine.weekdays or [])
    if routine.schedule == "every_n":
        n = routine.every_n_days or 1
        return (day - routine.start_date).days % n == 0
    return False


def due_days(routine: Schedulable, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """Every day from ``first`` to ``last`` (inclusive) on which ``routine`` is due."""
    day = max(first, routine.start_date)
    if routine.end_date is not None:
        last = min(last, routine.end_date)
    while day <= last:
        if is_due(routine, day):
            yield day
        day += dt.timedelta(days=1)
