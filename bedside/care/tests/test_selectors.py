"""Reads are scoped by the viewer, and come with related rows loaded (for timeline and exports)."""

import datetime as dt

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from bedside.care import selectors, services
from bedside.care.models import Occurrence
from bedside.checkins.models import Trackable

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer
WEEK_END = MONDAY + dt.timedelta(days=6)


@pytest.fixture
def week(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    for d in range(4):
        day = MONDAY + dt.timedelta(days=d)
        services.occurrences_ensure(personas.circle, day)
        occurrence = Occurrence.objects.get(routine=r, day=day)
        if d % 2 == 0:
            session = services.occurrence_done(
                actor=personas.caregiver, occurrence=occurrence, now=at(day, 21)
            )
            services.session_adjust(
                actor=personas.caregiver,
                session=session,
                ratings=[
                    services.RatingInput(
                        Trackable.objects.get(circle=personas.circle, key="pain"), "after", 2
                    )
                ],
            )
        elif d == 1:
            services.occurrence_skip(
                actor=personas.caregiver,
                occurrence=occurrence,
                reason_code="asleep",
                now=at(day, 21),
            )
    services.days_close(personas.circle, at(MONDAY + dt.timedelta(days=4), 5))
    return r


def test_sessions_between_returns_the_days_asked_for_with_related_rows(personas, week):
    rows = selectors.sessions_between(
        circle=personas.circle, viewer=personas.viewer, start=MONDAY, end=WEEK_END
    )
    with CaptureQueriesContext(connection) as queries:
        described = [
            (
                s.day,
                s.technique.label,
                s.performed_by.user.display_name,
                s.routine.time_of_day,
                [(r.trackable.label, r.value) for r in s.ratings.all()],
            )
            for s in rows
        ]
    assert len(queries) == 2  # the sessions, then their ratings with trackables
    assert [d[0] for d in described] == [MONDAY, MONDAY + dt.timedelta(days=2)]
    assert described[0][1:] == ("Massage gun", "Ana", dt.time(21), [("Pain", 2.0)])


def test_occurrences_between_includes_missed_and_skipped(personas, week):
    rows = selectors.occurrences_between(
        circle=personas.circle, viewer=personas.viewer, start=MONDAY, end=WEEK_END
    )
    assert [(o.day.weekday(), o.status) for o in rows] == [
        (0, "done"),
        (1, "skipped"),
        (2, "done"),
        (3, "missed"),
    ]
    not_done = selectors.occurrences_between(
        circle=personas.circle,
        viewer=personas.viewer,
        start=MONDAY,
        end=WEEK_END,
        statuses=("missed", "skipped"),
    )
    assert [o.status for o in not_done] == ["skipped", "missed"]


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_read_nothing(personas, week, who):
    for read in (selectors.sessions_between, selectors.occurrences_between):
        with pytest.raises(Http404):
            read(circle=personas.circle, viewer=getattr(personas, who), start=MONDAY, end=WEEK_END)


def test_another_circles_rows_never_appear(personas, week):
    rows = selectors.sessions_between(
        circle=personas.other_circle, viewer=personas.outsider, start=MONDAY, end=WEEK_END
    )
    assert list(rows) == []
