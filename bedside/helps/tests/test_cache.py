"""The analysis is cached per circle and language, and recomputed when new data arrive."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from bedside.checkins.models import Observation
from bedside.circles.days import today
from bedside.helps import analysis
from bedside.helps.analysis import what_helps_for
from bedside.helps.models import CachedAnalysis

from .helpers import member, page_url, seed_circle, trackable

pytestmark = pytest.mark.datalayer


@pytest.fixture
def engine_runs(monkeypatch):
    """Counts the engine's runs (the backfilled run of last week counts too)."""
    calls = []
    real = analysis.analyze

    def counting(*args, **kwargs):
        calls.append(kwargs.get("as_of"))
        return real(*args, **kwargs)

    monkeypatch.setattr(analysis, "analyze", counting)
    return calls


def test_a_second_view_is_served_from_the_cache(personas, client_for, engine_runs):
    seed_circle(personas)
    client = client_for(personas.viewer)
    assert client.get(page_url(personas)).status_code == 200
    runs = len(engine_runs)
    assert runs >= 1
    started = time.perf_counter()
    assert client.get(page_url(personas)).status_code == 200
    warm = time.perf_counter() - started
    assert len(engine_runs) == runs
    assert warm < 0.5, f"a page view with a warm cache took {warm:.2f} s"


def test_a_new_rating_triggers_recomputation_on_the_next_view(personas, engine_runs):
    seed_circle(personas)
    circle, viewer = personas.circle, personas.viewer
    first = what_helps_for(circle=circle, viewer=viewer, language="en")
    assert not first.from_cache
    assert what_helps_for(circle=circle, viewer=viewer, language="en").from_cache
    Observation.objects.create(
        circle=circle,
        trackable=trackable(personas),
        value=3,
        day=today(circle),
        rater=member(personas, personas.person),
    )
    runs = len(engine_runs)
    again = what_helps_for(circle=circle, viewer=viewer, language="en")
    assert not again.from_cache
    assert len(engine_runs) == runs + 1
    assert again.last_day == today(circle)


def test_each_language_has_its_own_cache(personas):
    seed_circle(personas)
    circle = personas.circle
    english = what_helps_for(circle=circle, viewer=personas.viewer, language="en")
    french = what_helps_for(circle=circle, viewer=personas.viewer, language="fr-ca")
    assert set(CachedAnalysis.objects.filter(circle=circle).values_list("language", flat=True)) == {
        "en",
        "fr",
    }
    assert any("Looks like it helps" in r["wording"] for r in english.rows)
    assert any("Semble aider" in r["wording"] for r in french.rows)
    # French names come from the translated catalogue: "pistolet de massage", not "massage gun".
    assert not any("massage gun" in r["wording"] for r in french.rows)


def test_a_new_week_recomputes_even_without_new_data(personas, engine_runs):
    seed_circle(personas)
    circle = personas.circle
    what_helps_for(circle=circle, viewer=personas.viewer, language="en")
    later = dt.datetime.now(dt.UTC) + dt.timedelta(days=7)
    again = what_helps_for(circle=circle, viewer=personas.viewer, language="en", now=later)
    assert not again.from_cache


def test_the_cold_computation_is_fast(personas):
    seed_circle(personas, days=180)
    started = time.perf_counter()
    result = what_helps_for(circle=personas.circle, viewer=personas.viewer, language="en")
    cold = time.perf_counter() - started
    assert not result.from_cache
    assert cold < 3.0, f"cold analysis took {cold:.2f} s"
