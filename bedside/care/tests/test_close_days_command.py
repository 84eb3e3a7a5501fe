"""``bedside close_days`` (for cron) closes the past days of every circle."""

import datetime as dt
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from bedside.care import services
from bedside.care.models import Occurrence, Technique
from bedside.circles.days import today

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer


def test_close_days_marks_past_undone_care_missed_in_every_circle(personas):
    mine = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    other = personas.other_circle
    theirs = services.routine_create(
        actor=personas.outsider,
        circle=other,
        technique=Technique.objects.get(circle=other, key="repositioning"),
        schedule="daily",
        time_of_day=dt.time(23),
        now=at(MONDAY, 9),
    )
    out = StringIO()
    call_command("close_days", stdout=out)
    yesterday = today(personas.circle) - dt.timedelta(days=1)
    for r in (mine, theirs):
        assert Occurrence.objects.get(routine=r, day=MONDAY).status == "missed"
        assert Occurrence.objects.get(routine=r, day=yesterday).status == "missed"
        # and tonight's are ready, due
        assert Occurrence.objects.get(routine=r, day=today(r.circle)).status == "due"
    assert "marked missed" in out.getvalue()


def test_running_it_again_changes_nothing(personas):
    routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    call_command("close_days", verbosity=0)
    rows = list(Occurrence.objects.values_list("day", "status", "changed_at"))
    call_command("close_days", verbosity=0)
    assert list(Occurrence.objects.values_list("day", "status", "changed_at")) == rows
    assert timezone.now().date() > MONDAY
