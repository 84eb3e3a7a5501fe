"""Turning the plan into occurrences, and closing days: what was not done becomes missed.

Both functions are system actions (no actor), safe to run at any time and any number of times:
the cron job ``bedside close_days`` and the first view of tonight's list each day call them.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from bedside.circles.audit import audit
from bedside.circles.days import day_of, instant_at
from bedside.circles.models import Circle

from ..models import Occurrence, Routine
from ..schedule import due_days, is_due

ONE_DAY = dt.timedelta(days=1)


def _occurrence(circle: Circle, routine: Routine, day: dt.date) -> Occurrence:
    return Occurrence(
        circle=circle,
        routine=routine,
        technique_id=routine.technique_id,
        day=day,
        due_at=instant_at(circle, day, routine.time_of_day),
    )


def _missing(circle: Circle, wanted: list[Occurrence]) -> list[Occurrence]:
    """Leave out the occurrences that already exist (one per routine and day)."""
    if not wanted:
        return []
    days = {o.day for o in wanted}
    existing = set(
        Occurrence.objects.filter(
            circle=circle, day__in=days, routine_id__in={o.routine_id for o in wanted}
        ).values_list("routine_id", "day")
    )
    return [o for o in wanted if (o.routine_id, o.day) not in existing]


def _create(occurrences: list[Occurrence]) -> int:
    # ignore_conflicts: another request may be making the same occurrences right now; the
    # unique (routine, day) constraint keeps one.
    Occurrence.objects.bulk_create(occurrences, ignore_conflicts=True)
    return len(occurrences)


def occurrences_ensure(circle: Circle, day: dt.date) -> int:
    """Make the occurrences due on ``day`` from the circle's routines; return how many were new."""
    routines = Routine.objects.filter(circle=circle, start_date__lte=day).filter(
        Q(end_date__isnull=True) | Q(end_date__gte=day)
    )
    todo = _missing(circle, [_occurrence(circle, r, day) for r in routines if is_due(r, day)])
    if not todo:
        return 0  # the usual case: no write, no lock
    with transaction.atomic():
        made = _create(_missing(circle, todo))
        if made:
            audit(actor=None, circle=circle, action="occurrences.ensure", target=f"day:{day}")
    return made


def _backfill(circle: Circle, last_closed: dt.date) -> None:
    """Make the occurrences of closed days nobody opened the app on (so they can be missed)."""
    routines = Routine.objects.filter(circle=circle).filter(
        Q(closed_through__isnull=True) | Q(closed_through__lt=last_closed)
    )
    for routine in routines.exclude(end_date__isnull=False, closed_through__gte=F("end_date")):
        first = routine.start_date
        if routine.closed_through is not None:
            first = max(first, routine.closed_through + ONE_DAY)
        # A routine added today never owes anything for the days before it existed.
        first = max(first, day_of(circle, routine.created_at))
        wanted = [_occurrence(circle, routine, d) for d in due_days(routine, first, last_closed)]
        _create(_missing(circle, wanted))
        Routine.objects.filter(pk=routine.pk).update(closed_through=last_closed)


def days_close(circle: Circle, now: dt.datetime | None = None) -> int:
    """Close every day before the circle's current day: what is still due becomes missed.

    A day closes at the circle's day boundary in its time zone (04:00 by default, so a session at
    00:30 still counts for the evening before). Returns how many occurrences became missed.
    """
    now = now or timezone.now()
    current = day_of(circle, now)
    last_closed = current - ONE_DAY
    stale = Occurrence.objects.filter(circle=circle, status=Occurrence.Status.DUE, day__lt=current)
    behind = (
        Routine.objects.filter(circle=circle)
        .filter(Q(closed_through__isnull=True) | Q(closed_through__lt=last_closed))
        .exclude(end_date__isnull=False, closed_through__gte=F("end_date"))
    )
    if not stale.exists() and not behind.exists():
        return 0  # nothing to close: no write transaction on an ordinary page view
    with transaction.atomic():
        _backfill(circle, last_closed)
        missed = stale.update(status=Occurrence.Status.MISSED, changed_at=now, changed_by=None)
        if missed:
            audit(actor=None, circle=circle, action="day.close", target=f"through:{last_closed}")
    return missed
