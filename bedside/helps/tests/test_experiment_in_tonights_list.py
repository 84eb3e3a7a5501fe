"""An experiment puts its evenings into the care plan: tonight's list says, each evening,
whether to give the technique (an item to tick) or to leave it out (an instruction)."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.care import selectors as care_selectors
from bedside.care import services as care
from bedside.care.models import Occurrence, Routine
from bedside.circles.days import today

from .helpers import member, start_experiment, technique

pytestmark = pytest.mark.datalayer


def tonight_url(personas) -> str:
    return f"/c/{personas.circle.slug}/care/tonight/"


def test_the_on_and_off_evenings_reach_tonights_list_on_the_right_days(personas, client_for):
    experiment = start_experiment(personas, pairs=6)
    circle = personas.circle
    nights = list(experiment.nights.order_by("day"))
    assert len(nights) == 12 and nights[0].day == today(circle)
    for night in nights:
        care.occurrences_ensure(circle, night.day)
        plan = care_selectors.tonight_for(circle=circle, viewer=personas.caregiver, day=night.day)
        texts = [n.text for n in plan.notes]
        due = [o for o in plan.mine if o.routine_id == experiment.routine_id]
        if night.on:
            assert texts == ["Experiment night: do the massage gun."]
            assert len(due) == 1 and due[0].status == Occurrence.Status.DUE
            assert due[0].tonight_notes[0].kind == "on"
        else:
            assert texts == ["Experiment night: no massage gun tonight."]
            assert due == []
    after = nights[-1].day + dt.timedelta(days=1)
    assert (
        care_selectors.tonight_for(circle=circle, viewer=personas.caregiver, day=after).notes == []
    )


def test_tonights_page_shows_the_instruction(personas, client_for):
    experiment = start_experiment(personas, pairs=6)
    first = experiment.nights.order_by("day").first()
    html = client_for(personas.caregiver).get(tonight_url(personas)).content.decode()
    assert "Special instructions tonight" in html
    if first.on:
        assert "Experiment night: do the massage gun." in html
        assert html.count("Experiment night: do the massage gun.") == 2  # note and its row
    else:
        assert "Experiment night: no massage gun tonight." in html
    assert f"/what-helps/experiments/{experiment.pk}/" in html


def test_an_existing_routine_of_the_technique_is_paused_for_the_experiment(personas):
    circle = personas.circle
    nightly = care.routine_create(
        actor=personas.coordinator,
        circle=circle,
        technique=technique(personas),
        schedule="daily",
        time_of_day=dt.time(21, 0),
        target_minutes=15,
        regions=["left-calf"],
        assignee=member(personas, personas.caregiver),
    )
    experiment = start_experiment(personas, pairs=4)
    nightly.refresh_from_db()
    days = [n.day for n in experiment.nights.all()]
    assert nightly.paused_dates == [d.isoformat() for d in days]
    assert experiment.paused_routines == [nightly.pk]
    routine = Routine.objects.get(pk=experiment.routine_id)
    assert routine.schedule == "dates" and routine.target_minutes == 15
    assert routine.regions == ["left-calf"]
    for day in days:
        care.occurrences_ensure(circle, day)
    assert not Occurrence.objects.filter(routine=nightly, day__in=days).exists()
    on_days = sorted(n.day for n in experiment.nights.filter(on=True))
    assert (
        sorted(Occurrence.objects.filter(routine=routine).values_list("day", flat=True)) == on_days
    )
    # After the experiment the nightly routine is due again.
    after = days[-1] + dt.timedelta(days=1)
    care.occurrences_ensure(circle, after)
    assert Occurrence.objects.filter(routine=nightly, day=after).exists()


def test_stopping_gives_the_paused_routine_its_evenings_back(personas):
    from bedside.helps import services

    circle = personas.circle
    nightly = care.routine_create(
        actor=personas.coordinator,
        circle=circle,
        technique=technique(personas),
        schedule="daily",
        time_of_day=dt.time(21, 0),
    )
    experiment = start_experiment(
        personas, pairs=6, start_date=today(circle) + dt.timedelta(days=1)
    )
    services.experiment_stop(actor=personas.coordinator, experiment=experiment)
    nightly.refresh_from_db()
    assert nightly.paused_dates == []
    routine = Routine.objects.get(pk=experiment.routine_id)
    assert routine.end_date < experiment.start_date
    tomorrow = today(circle) + dt.timedelta(days=1)
    care.occurrences_ensure(circle, tomorrow)
    assert Occurrence.objects.filter(routine=nightly, day=tomorrow).exists()
    assert not Occurrence.objects.filter(routine=routine).exists()
    assert (
        care_selectors.tonight_for(circle=circle, viewer=personas.caregiver, day=tomorrow).notes
        == []
    )
