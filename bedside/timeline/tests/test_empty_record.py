"""A circle with nothing logged: every page says so plainly."""

from __future__ import annotations

import pytest

from .helpers import trackable
from .pages import chart_svgs, chart_url, charts_url, html, timeline_url

pytestmark = pytest.mark.datalayer


def test_an_empty_timeline_says_nothing_is_logged_yet(personas, client_for):
    response = client_for(personas.person).get(timeline_url())
    assert response.status_code == 200
    page = html(response)
    assert "Nothing logged yet." in page
    assert "Older days" not in page and "Newer days" not in page


def test_an_empty_chart_says_nothing_is_logged(personas, client_for):
    response = client_for(personas.person).get(chart_url(trackable(personas.circle).pk))
    assert response.status_code == 200
    page = html(response)
    assert "Nothing logged yet in this period." in page
    assert chart_svgs(page) == []
    assert "<table" not in page


def test_an_empty_charts_overview_lists_every_trackable_as_waiting(personas, client_for):
    response = client_for(personas.person).get(charts_url())
    assert response.status_code == 200
    page = html(response)
    assert "Nothing logged yet in this period." in page
    assert "Stiffness" in page and "Weight" in page
    assert chart_svgs(page) == []
