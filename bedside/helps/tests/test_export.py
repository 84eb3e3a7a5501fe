"""Experiments travel with the circle's JSON export (schedule, result, who started them)."""

from __future__ import annotations

import json

import pytest

from bedside.reports.exporter import circle_export_json

from .helpers import member, start_experiment

pytestmark = pytest.mark.datalayer


def test_the_json_export_holds_each_experiment_with_its_schedule(personas):
    experiment = start_experiment(personas, pairs=3)
    document = circle_export_json(actor=personas.coordinator, circle=personas.circle)
    json.dumps(document)  # plain JSON
    [exported] = document["experiments"]
    assert exported["id"] == experiment.pk and exported["design"] == "pairs"
    assert exported["started_by"] == member(personas, personas.coordinator).pk
    assert len(exported["nights"]) == 6
    assert [n["on"] for n in exported["nights"]].count(True) == 3
    assert exported["question"] == experiment.question
