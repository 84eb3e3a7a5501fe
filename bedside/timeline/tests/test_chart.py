"""One trackable's chart: points, session markers, text alternative and data table."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.checkins.models import Trackable

from .helpers import ago, log_session, observe, technique, trackable
from .pages import (
    SVG,
    chart_svgs,
    chart_url,
    html,
    markers,
    messages_region,
    points,
    table_rows,
)

pytestmark = pytest.mark.datalayer


@pytest.fixture
def logged(personas):
    """Three weeks of stiffness (two ratings on one day, a gap) and two techniques."""
    circle = personas.circle
    values = {20: 6, 19: 6, 18: 5, 15: 5, 10: 4, 5: 4, 2: 3, 1: 3, 0: 2}
    for n, value in values.items():
        observe(circle, ago(circle, n), value)
    observe(circle, ago(circle, 2), 4, at=dt.time(20, 0))  # day 2 averages 3.5
    observe(personas.other_circle, ago(circle, 2), 10, key="stiffness")  # never shown
    for n in (19, 10, 2):
        log_session(circle, ago(circle, n), dt.time(21, 0), minutes=15)
    log_session(circle, ago(circle, 2), dt.time(0, 45), minutes=10)  # after midnight: day 2
    log_session(circle, ago(circle, 5), key="passive-stretching", minutes=None)
    return circle


def test_points_are_the_daily_values_of_this_circle_only(personas, client_for, logged):
    page = html(client_for(personas.viewer).get(chart_url(trackable(logged).pk), {"days": 30}))
    (svg,) = chart_svgs(page)
    assert svg.get("role") == "img"
    assert svg.find("s:title", SVG).text == "Stiffness, last 30 days"
    assert points(svg) == {
        ago(logged, 20).isoformat(): 6.0,
        ago(logged, 19).isoformat(): 6.0,
        ago(logged, 18).isoformat(): 5.0,
        ago(logged, 15).isoformat(): 5.0,
        ago(logged, 10).isoformat(): 4.0,
        ago(logged, 5).isoformat(): 4.0,
        ago(logged, 2).isoformat(): 3.5,
        ago(logged, 1).isoformat(): 3.0,
        ago(logged, 0).isoformat(): 2.0,
    }
    # Gaps break the line: runs 20–18 and 2–0 are drawn, isolated days are only points.
    assert len(svg.findall(".//s:path[@class='line']", SVG)) == 2


def test_session_markers_have_one_lane_per_technique_and_a_legend(personas, client_for, logged):
    page = html(client_for(personas.viewer).get(chart_url(trackable(logged).pk), {"days": 30}))
    (svg,) = chart_svgs(page)
    # Lanes sorted by label: Hand massage = 0, Passive stretching = 1; two sessions on day 2.
    assert sorted(markers(svg)) == sorted(
        [
            (ago(logged, 19).isoformat(), "0", "1"),
            (ago(logged, 10).isoformat(), "0", "1"),
            (ago(logged, 2).isoformat(), "0", "2"),
            (ago(logged, 5).isoformat(), "1", "1"),
        ]
    )
    legend = page[page.index('<ul class="list-plain legend">') :]
    assert "Hand massage" in legend and "(4 sessions)" in legend
    assert "Passive stretching" in legend and "(1 session)" in legend


def test_the_text_alternative_summarises_the_weeks_and_sessions(personas, client_for, logged):
    page = html(client_for(personas.viewer).get(chart_url(trackable(logged).pk), {"days": 30}))
    (svg,) = chart_svgs(page)
    summary = svg.find("s:desc", SVG).text
    # First week with data: days 20..14 → 6, 6, 5, 5 → 5.5; last week: days 6..0 → 4, 3.5, 3, 2.
    assert summary == (
        "Stiffness over the last 30 days: from 5.5 (first week average) to 3.1 "
        "(last week average); 10 ratings; Hand massage: 4 sessions; "
        "Passive stretching: 1 session."
    )
    assert f"<figcaption>{summary}</figcaption>" in page


def test_data_table_rows_match_the_observations_and_sessions(personas, client_for, logged):
    page = html(client_for(personas.viewer).get(chart_url(trackable(logged).pk), {"days": 30}))
    rows = table_rows(page)
    assert "<caption>Stiffness, last 30 days</caption>" in page
    assert rows[ago(logged, 20).isoformat()] == ("6", "")
    assert rows[ago(logged, 2).isoformat()] == (
        "3.5 (average of 2)",
        "Hand massage, 15 min; Hand massage, 10 min",  # 21:00, then 00:45 that night
    )
    assert rows[ago(logged, 19).isoformat()] == ("6", "Hand massage, 15 min")
    assert rows[ago(logged, 5).isoformat()] == ("4", "Passive stretching")
    # One row per day with a value or a session, in date order.
    assert list(rows) == sorted(rows)
    assert len(rows) == 9


def test_markers_can_be_limited_to_one_technique_or_hidden(personas, client_for, logged):
    client = client_for(personas.viewer)
    url = chart_url(trackable(logged).pk)
    stretching = technique(logged, "passive-stretching")
    page = html(client.get(url, {"days": 30, "technique": stretching.pk}))
    (svg,) = chart_svgs(page)
    assert markers(svg) == [(ago(logged, 5).isoformat(), "0", "1")]
    assert f'<option value="{stretching.pk}" selected>' in page
    assert "Passive stretching: 1 session." in svg.find("s:desc", SVG).text

    (svg,) = chart_svgs(html(client.get(url, {"days": 30, "technique": "none"})))
    assert markers(svg) == []
    assert "session" not in svg.find("s:desc", SVG).text


def test_a_technique_from_another_circle_is_refused_with_a_message(personas, client_for, logged):
    foreign = technique(personas.other_circle, "hand-massage")
    for value in (foreign.pk, "abc"):
        response = client_for(personas.viewer).get(
            chart_url(trackable(logged).pk), {"technique": value, "days": 30}
        )
        assert response.status_code == 200
        page = html(response)
        assert "That technique is not in this circle" in messages_region(page)
        (svg,) = chart_svgs(page)
        assert len(markers(svg)) == 4


def test_the_period_follows_the_days_parameter_and_refuses_others(personas, client_for, logged):
    client = client_for(personas.viewer)
    url = chart_url(trackable(logged).pk)
    (svg,) = chart_svgs(html(client.get(url, {"days": 30})))
    assert len(points(svg)) == 9
    old = ago(logged, 100)
    observe(logged, old, 9)
    (svg,) = chart_svgs(html(client.get(url, {"days": 90})))
    assert old.isoformat() not in points(svg)
    (svg,) = chart_svgs(html(client.get(url, {"days": 180})))
    assert points(svg)[old.isoformat()] == 9.0
    page = html(client.get(url, {"days": "7"}))
    assert "Choose a period of 30, 90, 180, 365 days" in messages_region(page)
    assert chart_svgs(page)[0].find("s:title", SVG).text == "Stiffness, last 90 days"


def test_a_measurement_chart_zooms_to_its_data_and_shows_its_unit(personas, client_for):
    circle = personas.circle
    for n, value in ((6, 70.5), (3, 71.0), (0, 72.25)):
        observe(circle, ago(circle, n), value, key="weight")
    page = html(client_for(personas.viewer).get(chart_url(trackable(circle, "weight").pk)))
    (svg,) = chart_svgs(page)
    labels = [t.text for t in svg.findall(".//s:g[@class='axis y-axis']/s:text", SVG)]
    assert "Weight (kg)" in labels
    # Zoomed to the data in round steps, not the 25–250 kg plausible range.
    assert labels[:-1] == ["70.5", "71", "71.5", "72", "72.5"]
    assert "3 measurements" in svg.find("s:desc", SVG).text
    assert table_rows(page)[ago(circle, 0).isoformat()][0] == "72.25\u00a0kg"


def test_a_rescaled_question_links_its_versions_without_mixing_them(personas, client_for):
    circle = personas.circle
    old = trackable(circle)
    observe(circle, ago(circle, 3), 8)
    old.active = False
    old.save()
    new = Trackable.objects.create(
        circle=circle,
        key=old.key,
        name=old.name,
        kind=old.kind,
        unit="0-5",
        min_value=0,
        max_value=5,
        version=2,
        previous=old,
    )
    client = client_for(personas.viewer)
    page = html(client.get(chart_url(new.pk)))
    assert "Earlier answers" in page and chart_url(old.pk) in page
    assert "Nothing logged yet in this period." in page
    old_page = html(client.get(chart_url(old.pk)))
    assert "Current version" in old_page
    (svg,) = chart_svgs(old_page)
    assert list(points(svg).values()) == [8.0]


def test_a_trackable_of_another_circle_is_not_found(personas, client_for):
    foreign = trackable(personas.other_circle)
    response = client_for(personas.viewer).get(chart_url(foreign.pk))
    assert response.status_code == 404


def test_absurd_ids_are_not_found_rather_than_errors(personas, client_for):
    client = client_for(personas.viewer)
    huge = "9" * 30
    assert client.get(f"/c/theo/timeline/chart/{huge}/").status_code == 404
    response = client.get(chart_url(trackable(personas.circle).pk), {"technique": huge})
    assert response.status_code == 200
    assert "That technique is not in this circle" in messages_region(html(response))
