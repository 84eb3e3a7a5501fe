"""The whole loop through the family's own actions: an experiment schedules its evenings into
tonight's list, the caregiver ticks "Done" on the ON evenings (one activation), the person
answers the morning check-in, and when the schedule is over the result is written."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from bedside.care import selectors as care_selectors
from bedside.care import services as care
from bedside.checkins.services import checkin_answer
from bedside.circles.days import instant_at, today
from bedside.helps import services
from bedside.helps.models import Experiment
from bedside.helps.writeups import writeup

from .helpers import start_experiment, trackable

pytestmark = pytest.mark.datalayer


def test_scheduled_evenings_done_from_tonights_list_produce_the_result(personas, client_for):
    circle = personas.circle
    first = today(circle) - dt.timedelta(days=22)
    experiment = start_experiment(
        personas, pairs=10, start_date=first, now=instant_at(circle, first, dt.time(9, 0))
    )
    stiffness = trackable(personas)
    rng = random.Random(5)
    given_yesterday = False
    for offset in range(21):
        day = first + dt.timedelta(days=offset)
        evening = instant_at(circle, day, dt.time(20, 30))
        if offset:  # the morning check-in (by the person) about how stiff he is today
            value = round(5 + rng.gauss(0, 0.6) - (2.0 if given_yesterday else 0.0))
            checkin_answer(
                actor=personas.person, circle=circle, trackable=stiffness, value=value, day=day
            )
        care.days_close(circle, evening)
        care.occurrences_ensure(circle, day)
        plan = care_selectors.tonight_for(circle=circle, viewer=personas.caregiver, day=day)
        items = [o for o in plan.mine if o.routine_id == experiment.routine_id]
        night = experiment.nights.filter(day=day).first()
        given_yesterday = False
        if night is None:
            assert plan.notes == [] and items == []
            continue
        if night.on:
            assert [n.kind for n in plan.notes] == ["on"] and len(items) == 1
            care.occurrence_done(actor=personas.caregiver, occurrence=items[0], now=evening)
            given_yesterday = True
        else:
            assert [n.kind for n in plan.notes] == ["off"] and items == []
    assert services.experiments_finish(circle) == 1
    experiment.refresh_from_db()
    assert experiment.status == Experiment.Status.FINISHED
    result = experiment.result
    assert result["adherence"]["share"] == 1.0
    assert result["adherence"]["people"] == [
        {"name": "Ana", "on_done": 10, "on_not_done": 0, "off_left": 10, "off_done": 0}
    ]
    assert result["test"]["units_used"] == 10 and result["test"]["p_value"] < 0.01
    assert writeup(experiment, result).verdict == "helped"
    html = (
        client_for(personas.therapist)
        .get(f"/c/{circle.slug}/what-helps/experiments/{experiment.pk}/")
        .content.decode()
    )
    assert "It helped" in html and "exact, 1024 assignments" in html
