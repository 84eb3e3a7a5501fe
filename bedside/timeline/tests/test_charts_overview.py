"""The charts overview: a small chart for every trackable with data, the rest listed."""

from __future__ import annotations

import pytest

from .helpers import ago, observe, trackable
from .pages import SVG, chart_svgs, chart_url, charts_url, html, points

pytestmark = pytest.mark.datalayer


def test_each_trackable_with_data_gets_a_small_chart_linking_to_its_page(personas, client_for):
    circle = personas.circle
    for n in range(10):
        observe(circle, ago(circle, n), n % 4)
        observe(circle, ago(circle, n), 70 + n / 10, key="weight")
    page = html(client_for(personas.viewer).get(charts_url()))
    svgs = chart_svgs(page)
    assert [svg.find("s:title", SVG).text for svg in svgs] == [
        "Stiffness, last 90 days",
        "Weight, last 90 days",
    ]
    assert all("compact" in svg.get("class") for svg in svgs)
    assert points(svgs[0])[ago(circle, 5).isoformat()] == 1.0
    assert len({svg.get("id") for svg in svgs}) == 2  # unique ids for aria-labelledby
    assert f'href="{chart_url(trackable(circle).pk)}?days=90"' in page
    # Trackables without data are listed, not drawn.
    waiting = page[page.index('<ul class="without-data">') :]
    assert "Pain" in waiting and "Stiffness" not in waiting


def test_the_period_links_mark_the_current_one(personas, client_for):
    observe(personas.circle, ago(personas.circle, 200), 5)
    client = client_for(personas.viewer)
    page = html(client.get(charts_url(), {"days": 365}))
    assert 'href="?days=365" aria-current="page"' in page
    assert len(chart_svgs(page)) == 1
    assert chart_svgs(html(client.get(charts_url(), {"days": 180}))) == []
