"""Adherence per caregiver: ON evenings given, OFF evenings left alone — or not."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.circles.days import instant_at, today
from bedside.helps.selectors import adherence_for
from bedside.interchange import Event

from .helpers import import_log, start_experiment

pytestmark = pytest.mark.datalayer


def test_adherence_is_counted_per_person(personas):
    circle = personas.circle
    first = today(circle) - dt.timedelta(days=8)
    experiment = start_experiment(
        personas, pairs=4, start_date=first, now=instant_at(circle, first, dt.time(9, 0))
    )
    nights = list(experiment.nights.order_by("day"))
    on = [n.day for n in nights if n.on]
    off = [n.day for n in nights if not n.on]
    events = [
        # Ana gives three of the four ON evenings; Maya gives one OFF evening anyway.
        *(
            Event(0, d, dt.time(20, 0), "session", "massage gun", 10.0, "min", "Ana")
            for d in on[:3]
        ),
        Event(0, off[0], dt.time(21, 0), "session", "massage gun", 10.0, "min", "Maya"),
    ]
    import_log(personas, events)
    result = adherence_for(experiment=experiment, viewer=personas.viewer, through=nights[-1].day)
    assert (result.on_planned, result.on_done) == (4, 3)
    assert (result.off_planned, result.off_left) == (4, 3)
    assert result.share == pytest.approx(6 / 8)
    people = {p.name: p for p in result.people}
    ana, maya = people["Ana"], people["Maya"]
    # Ana was assigned: her missed ON evening and the OFF evenings left alone count for her.
    assert (ana.on_done, ana.on_not_done, ana.off_left, ana.off_done) == (3, 1, 3, 0)
    assert (maya.on_done, maya.on_not_done, maya.off_left, maya.off_done) == (0, 0, 0, 1)
    assert result.done_days == {*on[:3], off[0]}


def test_adherence_counts_only_evenings_that_have_passed(personas):
    experiment = start_experiment(personas, pairs=4)
    yesterday = today(personas.circle) - dt.timedelta(days=1)
    result = adherence_for(experiment=experiment, viewer=personas.viewer, through=yesterday)
    assert result.evenings == 0 and result.share is None and result.people == []


def test_the_experiment_page_shows_the_table_by_person(personas, client_for):
    circle = personas.circle
    first = today(circle) - dt.timedelta(days=4)
    experiment = start_experiment(
        personas, pairs=4, start_date=first, now=instant_at(circle, first, dt.time(9, 0))
    )
    on = [n.day for n in experiment.nights.filter(on=True, day__lt=today(circle))]
    import_log(
        personas,
        [Event(0, d, dt.time(20, 0), "session", "massage gun", 10.0, "min", "Ana") for d in on],
    )
    html = (
        client_for(personas.viewer)
        .get(f"/c/{circle.slug}/what-helps/experiments/{experiment.pk}/")
        .content.decode()
    )
    assert "How the schedule was followed" in html
    assert f"Evenings with a session planned: {len(on)} of {len(on)} done." in html
    assert '<th scope="row">Ana</th>' in html
