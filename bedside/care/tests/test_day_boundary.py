"""A circle's day ends at its boundary (04:00 by default): 00:30 is still the evening before."""

import datetime as dt

import pytest

from bedside.care import services
from bedside.care.models import Occurrence

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer
TUESDAY = MONDAY + dt.timedelta(days=1)


def test_a_session_at_half_past_midnight_counts_for_the_evening_before(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    occurrence = Occurrence.objects.get(routine=r, day=MONDAY)
    session = services.occurrence_done(
        actor=personas.caregiver, occurrence=occurrence, now=at(TUESDAY, 0, 30)
    )
    assert session.day == MONDAY
    assert session.performed_at == at(TUESDAY, 0, 30)
    assert session.has_time


def test_an_ad_hoc_session_at_half_past_midnight_counts_for_the_evening_before(personas):
    from .helpers import technique

    session = services.session_log(
        actor=personas.caregiver,
        circle=personas.circle,
        technique=technique(personas, "repositioning"),
        now=at(TUESDAY, 0, 30),
    )
    assert session.day == MONDAY


def test_the_boundary_follows_the_circle_setting(personas):
    circle = personas.circle
    circle.day_boundary = dt.time(0, 0)
    circle.save()
    from .helpers import technique

    session = services.session_log(
        actor=personas.caregiver,
        circle=circle,
        technique=technique(personas, "repositioning"),
        now=at(TUESDAY, 0, 30),
    )
    assert session.day == TUESDAY
