"""A finding is first shown only after it has held on two consecutive weekly runs."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.circles.days import today
from bedside.helps.analysis import held_last_week, week_of, what_helps_for
from bedside.helps.models import WeeklyRun

from .helpers import SENTENCE, seed_circle

pytestmark = pytest.mark.datalayer

KEY = "massage gun|stiffness|next_day|daily"


def planted(result):
    return next(r for r in result.rows if r["key"] == KEY)


def test_a_new_finding_waits_a_week_under_maybe(personas):
    seed_circle(personas)
    circle = personas.circle
    this_week = week_of(today(circle))
    # Last week's run did not call it a finding yet.
    WeeklyRun.objects.create(
        circle=circle, week=this_week - dt.timedelta(days=7), labels={KEY: "maybe:-"}
    )
    now = what_helps_for(circle=circle, viewer=personas.viewer, language="en")
    row = planted(now)
    assert row["engine_label"] == "finding"
    assert row["label"] == "maybe" and row["held_back"]
    assert "if it still holds next week" in row["wording"]
    assert not now.labelled("finding")
    # This week's run recorded it as a finding ...
    run = WeeklyRun.objects.get(circle=circle, week=this_week)
    assert run.labels[KEY] == "finding:-"
    # ... so a week later, still holding, it is shown as a finding.
    next_week = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)
    later = what_helps_for(circle=circle, viewer=personas.viewer, language="en", now=next_week)
    row = planted(later)
    assert row["label"] == "finding" and not row["held_back"]
    assert SENTENCE in row["wording"] and row["wording"].startswith("Looks like it helps")


def test_a_finding_that_flips_sign_is_not_confirmed(personas):
    seed_circle(personas)
    circle = personas.circle
    this_week = week_of(today(circle))
    WeeklyRun.objects.create(
        circle=circle, week=this_week - dt.timedelta(days=7), labels={KEY: "finding:+"}
    )
    row = planted(what_helps_for(circle=circle, viewer=personas.viewer, language="en"))
    assert row["label"] == "maybe" and row["held_back"]


def test_without_history_last_week_is_computed_as_of_its_end(personas):
    seed_circle(personas)
    circle = personas.circle
    this_week = week_of(today(circle))
    result = what_helps_for(circle=circle, viewer=personas.viewer, language="en")
    backfilled = WeeklyRun.objects.get(circle=circle, week=this_week - dt.timedelta(days=7))
    assert backfilled.backfilled
    assert backfilled.as_of is not None and backfilled.as_of < this_week
    assert backfilled.labels[KEY] == "finding:-"
    assert planted(result)["label"] == "finding"


def test_held_last_week_needs_the_same_label_and_sign():
    assert held_last_week(KEY, "finding:-", {KEY: "finding:-"})
    assert not held_last_week(KEY, "finding:-", {KEY: "finding:+"})
    assert not held_last_week(KEY, "finding:-", {KEY: "maybe:-"})
    assert not held_last_week(KEY, "finding:-", {})
    assert not held_last_week(KEY, "finding:-", None)
