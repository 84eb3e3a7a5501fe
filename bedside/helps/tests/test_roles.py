"""Who may do what: every member reads; only planners start and stop experiments;
outsiders and former members find nothing."""

from __future__ import annotations

import pytest

from bedside.helps.models import Experiment

from .helpers import start_experiment

pytestmark = pytest.mark.datalayer


def urls(personas, experiment):
    base = f"/c/{personas.circle.slug}/what-helps/"
    return {
        "page": base,
        "new": base + "experiments/new/",
        "experiment": base + f"experiments/{experiment.pk}/",
        "stop": base + f"experiments/{experiment.pk}/stop/",
    }


@pytest.mark.parametrize("who", ["person", "coordinator", "caregiver", "therapist", "viewer"])
def test_every_member_can_read(personas, client_for, who):
    experiment = start_experiment(personas, pairs=6)
    client = client_for(getattr(personas, who))
    assert client.get(urls(personas, experiment)["page"]).status_code == 200
    assert client.get(urls(personas, experiment)["experiment"]).status_code == 200


@pytest.mark.parametrize("who", ["caregiver", "viewer"])
def test_only_planners_start_or_stop_experiments(personas, client_for, who):
    experiment = start_experiment(personas, pairs=6)
    client = client_for(getattr(personas, who))
    assert client.get(urls(personas, experiment)["new"]).status_code == 403
    assert client.post(urls(personas, experiment)["stop"]).status_code == 403
    experiment.refresh_from_db()
    assert experiment.status == Experiment.Status.RUNNING
    html = client.get(urls(personas, experiment)["experiment"]).content.decode()
    assert "Stop the experiment now" not in html


@pytest.mark.parametrize("who", ["person", "coordinator", "therapist"])
def test_planners_can_stop_an_experiment(personas, client_for, who):
    experiment = start_experiment(personas, pairs=6)
    client = client_for(getattr(personas, who))
    assert client.get(urls(personas, experiment)["new"]).status_code == 200
    response = client.post(urls(personas, experiment)["stop"])
    assert response.status_code == 302
    experiment.refresh_from_db()
    assert experiment.status == Experiment.Status.STOPPED


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_find_nothing(personas, client_for, who):
    experiment = start_experiment(personas, pairs=6)
    client = client_for(getattr(personas, who))
    for name, url in urls(personas, experiment).items():
        response = client.post(url) if name == "stop" else client.get(url)
        assert response.status_code == 404, name
    experiment.refresh_from_db()
    assert experiment.status == Experiment.Status.RUNNING


def test_an_experiment_of_another_circle_is_not_found(personas, client_for):
    experiment = start_experiment(personas, pairs=6)
    client = client_for(personas.outsider)
    other = f"/c/{personas.other_circle.slug}/what-helps/experiments/{experiment.pk}/"
    assert client.get(other).status_code == 404
    assert client.post(other + "stop/").status_code == 404
