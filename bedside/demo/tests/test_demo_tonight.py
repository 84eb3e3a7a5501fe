"""The demo's history is tied to its plan, so tonight's list and adherence look real."""

import datetime as dt
from collections import Counter
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command

from bedside.care.models import Occurrence, Routine, Session
from bedside.care.services import days_close
from bedside.circles.days import day_of, today
from bedside.circles.models import Circle

pytestmark = pytest.mark.datalayer


@pytest.fixture
def circle(db, capsys):
    call_command("demo")
    capsys.readouterr()
    return Circle.objects.get(slug="demo")


def test_tonight_lists_the_evening_care_due_today(circle):
    due = Occurrence.objects.filter(circle=circle, day=today(circle), status="due")
    keys = {o.technique.key for o in due}
    assert {"range-of-motion", "hand-massage", "massage-gun", "repositioning"} <= keys


def test_past_days_are_done_missed_or_skipped_against_the_plan(circle):
    past = Occurrence.objects.filter(circle=circle, day__lt=today(circle))
    assert not past.filter(status="due").exists()
    assert not past.filter(routine__isnull=True).exists()
    statuses = Counter(past.values_list("status", flat=True))
    assert statuses["done"] > 700 and statuses["missed"] > 30 and statuses["skipped"] > 10
    # Sessions fulfil their occurrences; only the first chest massage-gun nights were unplanned.
    loose = Session.objects.filter(circle=circle, routine__isnull=True)
    assert {s.technique.key for s in loose} == {"chest-massage-gun"} and loose.count() == 3
    # Closing the days again finds nothing left to mark missed.
    assert days_close(circle) == 0


def test_the_two_am_turn_belongs_to_the_evening_before(circle):
    for turn in Session.objects.filter(circle=circle, technique__key="repositioning"):
        local = turn.performed_at.astimezone(ZoneInfo("America/Toronto"))
        assert local.hour in (1, 2, 3)  # 3 only when the clocks spring forward
        assert local.date() == turn.day + dt.timedelta(days=1)
        assert day_of(circle, turn.performed_at) == turn.day


def test_routines_are_closed_through_yesterday(circle):
    yesterday = today(circle) - dt.timedelta(days=1)
    assert set(Routine.objects.filter(circle=circle).values_list("closed_through", flat=True)) == {
        yesterday
    }
