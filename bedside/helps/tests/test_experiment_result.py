"""An experiment that ran its course produces its result: the randomization test on the
ratings, in the outcome's units, written for the family and for the therapist."""

from __future__ import annotations

import datetime as dt
import random

import pytest
from django.utils import timezone

from bedside.circles.days import instant_at, today
from bedside.helps import services
from bedside.helps.models import Experiment
from bedside.helps.writeups import writeup
from bedside.interchange import Event

from .helpers import import_log, start_experiment

pytestmark = pytest.mark.datalayer


def run_experiment(personas, *, pairs: int, ago: int, effect: float, seed: int = 3, **kw):
    """Start ``ago`` days ago, then log what happened: sessions on ON evenings (by Ana), the
    next morning's stiffness lowered by ``effect`` after a session."""
    circle = personas.circle
    first = today(circle) - dt.timedelta(days=ago)
    experiment = start_experiment(
        personas, pairs=pairs, start_date=first, now=instant_at(circle, first, dt.time(9, 0)), **kw
    )
    rng = random.Random(seed)
    events = []
    for night in experiment.nights.filter(day__lt=today(circle)):
        given = night.session
        if given:
            events.append(
                Event(0, night.day, dt.time(20, 0), "session", "massage gun", 10.0, "min", "Ana")
            )
        morning = night.day + dt.timedelta(days=1)
        if morning < today(circle):
            value = 5 + rng.gauss(0, 0.8) + (effect if given else 0.0)
            rating = float(min(10, max(0, round(value))))
            events.append(
                Event(0, morning, dt.time(8, 30), "rating", "stiffness", rating, "0-10", "Theo")
            )
    import_log(personas, events)
    return experiment


def test_a_finished_experiment_writes_its_result(personas):
    experiment = run_experiment(personas, pairs=12, ago=26, effect=-1.6)
    assert experiment.end_date == today(personas.circle) - dt.timedelta(days=3)
    assert services.experiments_finish(personas.circle) == 1
    experiment.refresh_from_db()
    assert experiment.status == Experiment.Status.FINISHED
    test = experiment.result["test"]
    assert test["exact"] and test["reference_size"] == 2**12
    assert test["units_used"] == 12
    assert test["p_value"] < 0.01
    assert test["effect"] == pytest.approx(-1.6, abs=0.7)
    assert test["ci_low"] < test["effect"] < test["ci_high"] < 0
    text = writeup(experiment, experiment.result)
    assert text.verdict == "helped" and text.headline == "It helped"
    family = " ".join(text.family)
    assert "On the day after an evening with massage gun, stiffness was about" in family
    assert "points lower than after an evening without." in family
    assert "The true difference is likely between" in family and "points lower." in family
    assert "Not medical advice" in family
    assert "The schedule was followed on 100% of evenings." in family
    therapist = dict(text.therapist)
    assert "Randomization test" in therapist["Analysis"]
    assert "exact, 4096 assignments" in therapist["Analysis"]
    assert therapist["Adherence"].startswith("ON evenings done: 12 of 12")
    assert therapist["p-value"].startswith("p = 0.00") or therapist["p-value"] == "p < 0.001"


def test_finishing_waits_for_the_morning_after_the_last_evening(personas):
    experiment = run_experiment(personas, pairs=6, ago=12, effect=-1.0)
    assert experiment.end_date == today(personas.circle) - dt.timedelta(days=1)
    assert services.experiments_finish(personas.circle) == 0
    tomorrow = timezone.now() + dt.timedelta(days=1)
    assert services.experiments_finish(personas.circle, tomorrow) == 1


def test_the_experiment_page_shows_both_write_ups(personas, client_for):
    experiment = run_experiment(personas, pairs=12, ago=26, effect=-1.6)
    html = (
        client_for(personas.viewer)
        .get(f"/c/{personas.circle.slug}/what-helps/experiments/{experiment.pk}/")
        .content.decode()
    )
    assert "It helped" in html and "For the therapist" in html
    assert "Randomization test" in html
    experiment.refresh_from_db()
    assert experiment.status == Experiment.Status.FINISHED
    listing = client_for(personas.viewer).get(f"/c/{personas.circle.slug}/what-helps/")
    assert "It helped" in listing.content.decode()


def test_stopping_early_says_what_can_and_cannot_be_concluded(personas):
    experiment = run_experiment(personas, pairs=12, ago=17, effect=0.0)
    stopped = services.experiment_stop(actor=personas.coordinator, experiment=experiment)
    assert stopped.status == Experiment.Status.STOPPED
    assert stopped.last_evening == today(personas.circle) - dt.timedelta(days=1)
    result = stopped.result
    assert result["stopped_early"] and result["units_completed"] == 8
    text = writeup(stopped, result)
    family = " ".join(text.family)
    assert "It was stopped early, after 8 of 12 pairs of evenings." in family
    assert text.verdict == "no_clear"
    assert "only a large change (about" in family
    assert "a smaller effect can't be ruled out" in family
    assert "stopped early after 8 of 12 units" in dict(text.therapist)["Caveats"]


def test_stopping_before_enough_pairs_says_nothing_can_be_concluded(personas):
    experiment = run_experiment(personas, pairs=12, ago=7, effect=-1.0)
    stopped = services.experiment_stop(actor=personas.coordinator, experiment=experiment)
    family = " ".join(writeup(stopped, stopped.result).family)
    assert "after 3 of 12 pairs of evenings" in family
    assert "no difference could have shown up clearly, however large" in family


def test_a_stopped_experiment_cannot_be_stopped_again(personas):
    from django.core.exceptions import ValidationError

    experiment = start_experiment(personas, pairs=6)
    services.experiment_stop(actor=personas.coordinator, experiment=experiment)
    with pytest.raises(ValidationError):
        services.experiment_stop(actor=personas.coordinator, experiment=experiment)
