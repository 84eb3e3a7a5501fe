"""The What helps page: findings first, then maybes, then what was looked at; charts with text;
the "not medical advice" note near the top; an early circle is told what is needed."""

from __future__ import annotations

import pytest

from .helpers import SENTENCE, page_url, seed_circle

pytestmark = pytest.mark.datalayer


def test_the_planted_finding_is_shown_first_with_its_chart_and_range(personas, client_for):
    seed_circle(personas)
    response = client_for(personas.viewer).get(page_url(personas))
    assert response.status_code == 200
    html = response.content.decode()
    findings = html.index('id="findings-heading"')
    maybes = html.index('id="maybe-heading"')
    sentence = html.index(SENTENCE)
    assert findings < sentence < maybes
    first = html[findings:maybes]
    assert "Looks like it helps" in first
    assert "likely between" in first
    assert '<svg class="helps-chart"' in first and "<title" in first
    assert "The day after a session" in first and "The day after none" in first


def test_not_medical_advice_is_said_before_any_result(personas, client_for):
    seed_circle(personas)
    html = client_for(personas.viewer).get(page_url(personas)).content.decode()
    assert html.index("Not medical advice.") < html.index('id="findings-heading"')


def test_what_was_looked_at_is_listed_with_what_would_decide_it(personas, client_for):
    seed_circle(personas)
    html = client_for(personas.viewer).get(page_url(personas)).content.decode()
    looked = html.index('id="looked-heading"')
    assert html.index('id="maybe-heading"') < looked
    rest = html[looked:]
    assert "<details" in rest and "<summary>" in rest
    assert "we would have noticed a change of about" in rest or "would probably have shown" in rest


def test_an_empty_circle_is_told_what_is_needed(personas, client_for):
    html = client_for(personas.viewer).get(page_url(personas)).content.decode()
    assert "Too early to tell" in html
    assert "8 weeks" in html and "56 rated days" in html and "14 days with it" in html
    assert "Nothing has been logged yet." in html


def test_a_coordinator_gets_a_test_it_properly_button_prefilled_from_the_finding(
    personas, client_for
):
    seed_circle(personas)
    html = client_for(personas.coordinator).get(page_url(personas)).content.decode()
    assert "Test it properly" in html
    assert "experiments/new/?technique=" in html and "window=next_day" in html


def test_a_viewer_sees_findings_but_no_experiment_buttons(personas, client_for):
    seed_circle(personas)
    html = client_for(personas.viewer).get(page_url(personas)).content.decode()
    assert SENTENCE in html
    assert "Test it properly" not in html
    assert "Start an experiment" not in html


def test_the_page_still_opens_when_the_analysis_fails(personas, client_for, monkeypatch):
    from bedside.helps import analysis

    def broken(*args, **kwargs):
        raise RuntimeError("engine failure")

    seed_circle(personas)
    monkeypatch.setattr(analysis, "analyze", broken)
    response = client_for(personas.viewer).get(page_url(personas))
    assert response.status_code == 200
    assert "The analysis could not be run just now" in response.content.decode()
    assert not analysis.CachedAnalysis.objects.exists()  # nothing wrong is kept
