"""Starting an experiment: pre-filled from a finding, a proposed length, then one press."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.circles.days import today
from bedside.helps.models import Experiment, ExperimentNight

from .helpers import seed_circle, technique, trackable

pytestmark = pytest.mark.datalayer


def new_url(personas) -> str:
    return f"/c/{personas.circle.slug}/what-helps/experiments/new/"


def answers(personas, **changes):
    data = {
        "technique": technique(personas).pk,
        "outcome": trackable(personas).pk,
        "window": "next_day",
        "target_effect": "1.0",
        "start_date": (today(personas.circle) + dt.timedelta(days=1)).isoformat(),
        "time_of_day": "20:00",
        "who": "anyone",
        "every_days": "3",
        "question": "Does the massage gun ease stiffness?",
    }
    data.update(changes)
    return data


def test_the_wizard_is_prefilled_from_a_finding(personas, client_for):
    seed_circle(personas)
    client = client_for(personas.coordinator)
    page = client.get(f"/c/{personas.circle.slug}/what-helps/").content.decode()
    start = page.index("experiments/new/?")
    link = page[page.rindex('"', 0, start) + 1 : page.index('"', start)].replace("&amp;", "&")
    html = client.get(link).content.decode()
    assert f'<option value="{technique(personas).pk}" selected>' in html
    assert f'<option value="{trackable(personas).pk}" selected>' in html
    assert 'value="next_day"' in html and "checked" in html
    assert 'name="target_effect" value="1.' in html


def test_a_preview_proposes_a_length_and_saves_nothing(personas, client_for):
    seed_circle(personas)
    response = client_for(personas.coordinator).post(new_url(personas), answers(personas))
    assert response.status_code == 200
    html = response.content.decode()
    assert "The proposed schedule" in html
    assert "pairs: in each pair, one evening with the technique and one without" in html
    assert "this length would show it about" in html
    assert "Start the experiment" in html
    assert not Experiment.objects.exists()


def test_starting_saves_the_schedule_and_opens_the_experiment(personas, client_for):
    seed_circle(personas)
    response = client_for(personas.coordinator).post(
        new_url(personas), answers(personas, step="start")
    )
    experiment = Experiment.objects.get()
    assert response.status_code == 302
    assert response.url == f"/c/{personas.circle.slug}/what-helps/experiments/{experiment.pk}/"
    assert experiment.design == "pairs" and experiment.status == "running"
    nights = ExperimentNight.objects.filter(experiment=experiment)
    assert nights.count() == 2 * experiment.units
    assert nights.filter(on=True).count() == experiment.units
    assert experiment.planned_power >= 0.8 or experiment.units == 91
    assert experiment.started_by == personas.coordinator


def test_a_week_long_effect_gets_two_week_blocks(personas, client_for):
    seed_circle(personas)
    client_for(personas.coordinator).post(
        new_url(personas), answers(personas, window="week", target_effect="2", step="start")
    )
    experiment = Experiment.objects.get()
    assert experiment.design == "blocks" and experiment.units >= 8 and experiment.units % 2 == 0
    nights = ExperimentNight.objects.filter(experiment=experiment)
    assert nights.count() == 14 * experiment.units
    assert nights.filter(session=True).count() == experiment.units // 2 * 5  # every 3rd evening


def test_bad_answers_save_nothing_and_say_why(personas, client_for):
    response = client_for(personas.coordinator).post(
        new_url(personas),
        answers(personas, target_effect="0", start_date="2001-01-01", step="start"),
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "Nothing was saved" in html
    assert not Experiment.objects.exists()


def test_a_second_experiment_on_the_same_technique_is_refused(personas, client_for):
    client = client_for(personas.coordinator)
    client.post(new_url(personas), answers(personas, step="start"))
    response = client.post(new_url(personas), answers(personas, step="start"))
    assert response.status_code == 400
    assert "already running" in response.content.decode()
    assert Experiment.objects.count() == 1
