"""At the day boundary, what was not done becomes missed — also on days nobody opened the app."""

import datetime as dt

import pytest

from bedside.care import services
from bedside.care.models import Occurrence
from bedside.circles.models import AuditEvent

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer
TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture
def nightly(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    return r


def status(r, day=MONDAY):
    return Occurrence.objects.get(routine=r, day=day).status


def test_an_occurrence_not_done_by_the_boundary_becomes_missed(personas, nightly):
    assert services.days_close(personas.circle, at(TUESDAY, 3, 59)) == 0
    assert status(nightly) == "due"
    assert services.days_close(personas.circle, at(TUESDAY, 4, 0)) == 1
    assert status(nightly) == "missed"


def test_one_done_at_half_past_midnight_stays_done(personas, nightly):
    services.occurrence_done(
        actor=personas.caregiver,
        occurrence=Occurrence.objects.get(routine=nightly),
        now=at(TUESDAY, 0, 30),
    )
    services.days_close(personas.circle, at(TUESDAY, 4, 0))
    assert status(nightly) == "done"


def test_a_skipped_occurrence_stays_skipped(personas, nightly):
    services.occurrence_skip(
        actor=personas.caregiver,
        occurrence=Occurrence.objects.get(routine=nightly),
        reason_code="asleep",
        now=at(MONDAY, 21),
    )
    services.days_close(personas.circle, at(TUESDAY, 5))
    assert status(nightly) == "skipped"


def test_days_nobody_opened_are_made_and_marked_missed(personas, nightly):
    # Nobody opens Bedside from Monday morning until Friday.
    friday = MONDAY + dt.timedelta(days=4)
    assert services.days_close(personas.circle, at(friday, 10)) == 4
    rows = Occurrence.objects.filter(routine=nightly).order_by("day")
    assert [(o.day, o.status) for o in rows] == [
        (MONDAY + dt.timedelta(days=d), "missed") for d in range(4)
    ]


def test_closing_is_idempotent(personas, nightly):
    friday = MONDAY + dt.timedelta(days=4)
    services.days_close(personas.circle, at(friday, 10))
    events = AuditEvent.objects.count()
    assert services.days_close(personas.circle, at(friday, 10)) == 0
    assert services.days_close(personas.circle, at(friday, 23)) == 0
    assert Occurrence.objects.filter(routine=nightly).count() == 4
    assert AuditEvent.objects.count() == events


def test_closing_is_audited_as_a_system_action(personas, nightly):
    services.days_close(personas.circle, at(TUESDAY, 5))
    event = AuditEvent.objects.filter(action="day.close").get()
    assert (event.actor, event.circle) == (None, personas.circle)
    assert "missed" not in event.target  # a count and a date, never health data


def test_a_routine_added_today_owes_nothing_for_the_days_before(personas):
    friday = MONDAY + dt.timedelta(days=4)
    r = routine(personas, start_date=MONDAY, now=at(friday, 9))  # planned Friday, "from Monday"
    services.days_close(personas.circle, at(friday + dt.timedelta(days=1), 5))
    assert [(o.day, o.status) for o in Occurrence.objects.filter(routine=r)] == [(friday, "missed")]


def test_the_day_closes_in_the_circles_time_zone(personas, nightly):
    circle = personas.circle
    circle.timezone = "Europe/Paris"
    circle.save()
    # Tuesday 04:00 in Paris is Monday 22:00 in Toronto: Paris's Monday is over.
    services.days_close(circle, dt.datetime(2026, 3, 3, 3, 0, tzinfo=dt.UTC))
    assert status(nightly) == "missed"
