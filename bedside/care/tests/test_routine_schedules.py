"""Routines generate occurrences on the right days: daily, certain weekdays, every N days."""

import datetime as dt

import pytest

from bedside.care import services
from bedside.care.models import Occurrence

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer

WEEK = [MONDAY + dt.timedelta(days=i) for i in range(14)]


def days_with_occurrences(personas, r):
    for day in WEEK:
        services.occurrences_ensure(personas.circle, day)
    return sorted(Occurrence.objects.filter(routine=r).values_list("day", flat=True))


def test_daily_routine_is_due_every_day(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    assert days_with_occurrences(personas, r) == WEEK


def test_weekday_routine_is_due_only_on_its_weekdays(personas):
    r = routine(
        personas, schedule="weekdays", weekdays=[0, 2, 4], start_date=MONDAY, now=at(MONDAY, 9)
    )
    days = days_with_occurrences(personas, r)
    assert [d.weekday() for d in days] == [0, 2, 4, 0, 2, 4]


def test_every_n_days_counts_from_the_start_date(personas):
    start = MONDAY + dt.timedelta(days=1)
    r = routine(personas, schedule="every_n", every_n_days=3, start_date=start, now=at(MONDAY, 9))
    assert days_with_occurrences(personas, r) == [
        start + dt.timedelta(days=n) for n in (0, 3, 6, 9, 12)
    ]


def test_nothing_is_due_before_the_start_or_after_the_end(personas):
    r = routine(
        personas,
        start_date=MONDAY + dt.timedelta(days=2),
        end_date=MONDAY + dt.timedelta(days=4),
        now=at(MONDAY, 9),
    )
    assert days_with_occurrences(personas, r) == [MONDAY + dt.timedelta(days=d) for d in (2, 3, 4)]


def test_occurrence_is_due_at_the_routine_time_in_the_circle_time_zone(personas):
    r = routine(personas, time_of_day=dt.time(0, 30), start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    occurrence = Occurrence.objects.get(routine=r)
    # "Nightly at 00:30" on Monday's evening is Tuesday 00:30 on the clock.
    assert occurrence.due_at == at(MONDAY + dt.timedelta(days=1), 0, 30)
    assert occurrence.technique == r.technique


def test_ensuring_twice_makes_one_occurrence_per_routine_and_day(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    assert services.occurrences_ensure(personas.circle, MONDAY) == 1
    assert services.occurrences_ensure(personas.circle, MONDAY) == 0
    assert Occurrence.objects.filter(routine=r).count() == 1


def test_changing_the_schedule_replaces_tonights_pending_occurrence(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    services.routine_update(
        actor=personas.therapist,
        routine=r,
        technique=r.technique,
        schedule="weekdays",
        weekdays=[1],
        time_of_day=dt.time(20, 0),
        now=at(MONDAY, 10),
    )
    assert not Occurrence.objects.filter(routine=r, day=MONDAY).exists()
    services.occurrences_ensure(personas.circle, MONDAY + dt.timedelta(days=1))
    tuesday = Occurrence.objects.get(routine=r)
    assert tuesday.due_at == at(MONDAY + dt.timedelta(days=1), 20)


def test_an_ended_routine_leaves_tonights_list_but_keeps_what_was_done(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    services.occurrence_done(
        actor=personas.caregiver, occurrence=Occurrence.objects.get(routine=r), now=at(MONDAY, 21)
    )
    tuesday = MONDAY + dt.timedelta(days=1)
    services.occurrences_ensure(personas.circle, tuesday)
    services.routine_end(actor=personas.coordinator, routine=r, now=at(tuesday, 9))
    assert list(Occurrence.objects.filter(routine=r).values_list("day", "status")) == [
        (MONDAY, "done")
    ]
    r.refresh_from_db()
    assert (r.active, r.end_date) == (False, MONDAY)
    services.routine_resume(actor=personas.coordinator, routine=r, now=at(tuesday, 10))
    services.occurrences_ensure(personas.circle, tuesday)
    assert Occurrence.objects.filter(routine=r, day=tuesday, status="due").exists()
