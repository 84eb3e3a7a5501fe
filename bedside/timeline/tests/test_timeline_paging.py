"""Two weeks per page, newest first, with older/newer links and a checked date parameter."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bedside.timeline.views import PAGE_DAYS, parse_day

from .helpers import ago, observe
from .pages import html, messages_region, timeline_url

pytestmark = pytest.mark.datalayer


def shown_days(page: str) -> list[str]:
    return re.findall(r'<section class="day" aria-labelledby="day-(\d{4}-\d\d-\d\d)">', page)


def test_a_page_shows_fourteen_days_and_links_to_older_ones(personas, client_for):
    circle = personas.circle
    for n in range(40):
        observe(circle, ago(circle, n), n % 10)
    client = client_for(personas.viewer)
    first = html(client.get(timeline_url()))
    assert shown_days(first) == [ago(circle, n).isoformat() for n in range(PAGE_DAYS)]
    assert f'href="{timeline_url()}?before={ago(circle, PAGE_DAYS - 1).isoformat()}"' in first
    assert "Newer days" not in first

    second = html(client.get(timeline_url(), {"before": ago(circle, PAGE_DAYS - 1).isoformat()}))
    assert shown_days(second) == [ago(circle, n).isoformat() for n in range(14, 28)]
    assert "Older days" in second
    # Newer goes back to the latest page (no parameter) when that is where it lands.
    assert f'href="{timeline_url()}" rel="prev"' in second


def test_the_last_page_has_no_older_link(personas, client_for):
    circle = personas.circle
    observe(circle, ago(circle, 20), 3)
    page = html(
        client_for(personas.viewer).get(timeline_url(), {"before": ago(circle, 13).isoformat()})
    )
    assert shown_days(page)[-1] == ago(circle, 20).isoformat()
    assert "Older days" not in page
    assert "Newer days" in page


@pytest.mark.parametrize(
    "value", ["yesterday", "2026-02-30", "2026-1-1", "20260101", "0001-01-10", "2026-13-01", "💥"]
)
def test_a_bad_date_gets_a_message_and_the_latest_days(personas, client_for, value):
    circle = personas.circle
    observe(circle, ago(circle, 0), 3)
    response = client_for(personas.viewer).get(timeline_url(), {"before": value})
    assert response.status_code == 200
    page = html(response)
    assert "is not a date we can read" in messages_region(page)
    assert shown_days(page)[0] == ago(circle, 0).isoformat()


def test_a_date_in_the_future_shows_the_latest_days(personas, client_for):
    circle = personas.circle
    observe(circle, ago(circle, 0), 3)
    page = html(client_for(personas.viewer).get(timeline_url(), {"before": "2999-01-01"}))
    assert shown_days(page)[0] == ago(circle, 0).isoformat()
    assert messages_region(page).strip() == ""
    assert "Newer days" not in page


def test_a_date_before_anything_was_logged_says_so(personas, client_for):
    circle = personas.circle
    observe(circle, ago(circle, 0), 3)
    page = html(
        client_for(personas.viewer).get(timeline_url(), {"before": ago(circle, 30).isoformat()})
    )
    assert shown_days(page) == []
    assert "Nothing logged in these days." in page
    assert "Newer days" in page


def test_parse_day_accepts_only_plain_iso_dates():
    assert parse_day("2026-11-23") == dt.date(2026, 11, 23)
    for bad in ("2026-11-23T00:00", "2026-W47-1", " 2026-11-23", "1899-12-31", ""):
        assert parse_day(bad) is None
