"""Rows are dated by the circle's day: 00:30 belongs to the evening before."""

import datetime as dt

import pytest

from bedside.care.models import Session
from bedside.checkins.models import Observation
from bedside.circles.days import day_of
from bedside.reports.importer import file_import

pytestmark = pytest.mark.datalayer

TEXT = "date,time,kind,name,value,unit,by,note\n" + (
    "2026-03-01,00:30,session,repositioning,5,min,Ana,\n"
    "2026-03-01,23:50,session,massage gun,10,min,Ana,\n"
    "2026-03-02,,rating,stiffness,4,0-10,Theo,\n"
)


def test_a_half_past_midnight_session_lands_on_the_evening_before(personas):
    file_import(actor=personas.coordinator, circle=personas.circle, text=TEXT)
    turn = Session.objects.get(circle=personas.circle, technique__key="repositioning")
    # Toronto is UTC-5 in early March: 00:30 on the night of 1 March is 05:30 UTC on 2 March.
    assert turn.day == dt.date(2026, 3, 1)
    assert turn.performed_at == dt.datetime(2026, 3, 2, 5, 30, tzinfo=dt.UTC)
    assert day_of(personas.circle, turn.performed_at) == dt.date(2026, 3, 1)
    gun = Session.objects.get(circle=personas.circle, technique__key="massage-gun")
    assert gun.performed_at < turn.performed_at  # 23:50 comes before 00:30 the same night


def test_a_row_without_time_is_kept_at_noon_and_marked_untimed(personas):
    file_import(actor=personas.coordinator, circle=personas.circle, text=TEXT)
    rating = Observation.objects.get(circle=personas.circle)
    assert rating.day == dt.date(2026, 3, 2)
    assert rating.has_time is False
    assert rating.recorded_at == dt.datetime(2026, 3, 2, 17, 0, tzinfo=dt.UTC)
