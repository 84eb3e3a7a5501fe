"""Additions for home experiments: routines "on listed dates", days a routine is paused, and
instructions other apps put on tonight's list."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bedside.care import selectors, services
from bedside.care.forms import RoutineForm
from bedside.care.models import Occurrence
from bedside.care.selectors import TONIGHT_NOTES, TonightNote
from bedside.care.templatetags.care import schedule_text
from bedside.circles.days import today

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer

WEEK = [MONDAY + dt.timedelta(days=i) for i in range(7)]


def occurrence_days(personas, r):
    for day in WEEK:
        services.occurrences_ensure(personas.circle, day)
    return sorted(Occurrence.objects.filter(routine=r).values_list("day", flat=True))


def test_a_routine_on_listed_dates_is_due_only_on_them(personas):
    listed = [WEEK[1], WEEK[4], WEEK[5]]
    r = routine(personas, schedule="dates", dates=listed, start_date=MONDAY, now=at(MONDAY, 9))
    assert r.dates == [d.isoformat() for d in listed]
    assert occurrence_days(personas, r) == listed
    assert schedule_text(r) == "On 3 chosen evenings at 9 p.m."


def test_listed_dates_are_required_for_that_schedule(personas):
    with pytest.raises(ValidationError) as error:
        routine(personas, schedule="dates", dates=[], start_date=MONDAY, now=at(MONDAY, 9))
    assert "dates" in error.value.error_dict


def test_the_routine_form_does_not_offer_listed_dates(personas):
    form = RoutineForm(circle=personas.circle, techniques=[], members=[])
    assert "dates" not in [value for value, _label in form.fields["schedule"].choices]


def test_a_paused_day_has_no_occurrence_and_unpausing_restores_it(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)  # today's is made, then paused
    services.routine_pause(
        actor=personas.coordinator, routine=r, days=[MONDAY, WEEK[2]], now=at(MONDAY, 10)
    )
    assert occurrence_days(personas, r) == [d for d in WEEK if d not in (MONDAY, WEEK[2])]
    services.routine_pause(
        actor=personas.coordinator,
        routine=r,
        days=[MONDAY, WEEK[2]],
        paused=False,
        now=at(MONDAY, 11),
    )
    r.refresh_from_db()
    assert r.paused_dates == []
    assert occurrence_days(personas, r) == WEEK


def test_pausing_never_changes_the_past(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.routine_pause(
        actor=personas.coordinator, routine=r, days=[MONDAY, WEEK[3]], now=at(WEEK[2], 10)
    )
    r.refresh_from_db()
    assert r.paused_dates == [WEEK[3].isoformat()]


def test_only_planners_pause_routines(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    with pytest.raises(PermissionDenied):
        services.routine_pause(actor=personas.caregiver, routine=r, days=[WEEK[3]])
    r.refresh_from_db()
    assert r.paused_dates == []


@pytest.fixture
def a_note():
    def provider(circle, membership, day):
        return [TonightNote(f"Tonight is {day:%A} for {membership.role}", "off")]

    TONIGHT_NOTES.append(provider)
    yield provider
    TONIGHT_NOTES.remove(provider)


def test_other_apps_add_instructions_to_tonights_list(personas, client_for, a_note):
    day = today(personas.circle)
    plan = selectors.tonight_for(circle=personas.circle, viewer=personas.caregiver, day=day)
    assert [n.text for n in plan.notes] == [f"Tonight is {day:%A} for caregiver"]
    html = client_for(personas.caregiver).get("/c/theo/care/tonight/").content.decode()
    assert "Special instructions tonight" in html
    assert f"Tonight is {day:%A} for caregiver" in html


def test_without_instructions_the_list_has_no_such_section(personas, client_for):
    html = client_for(personas.caregiver).get("/c/theo/care/tonight/").content.decode()
    assert "Special instructions tonight" not in html
