"""Pages cost a small, fixed number of queries, however much was logged."""

from __future__ import annotations

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .helpers import (
    ago,
    close_occurrence,
    log_session,
    member,
    observe,
    rate_session,
    trackable,
    write_note,
)
from .pages import chart_url, charts_url, timeline_url

pytestmark = pytest.mark.datalayer

# Measured: timeline 19, chart 16, charts 12 — of which 8 are the request's own (session,
# user, circle, membership, read audit, session save) and the rest one query per kind of row.
PAGES = {
    "timeline": (lambda p: timeline_url(), 19),
    "chart": (lambda p: chart_url(trackable(p.circle).pk) + "?days=365", 16),
    "charts": (lambda p: charts_url() + "?days=365", 12),
}


def log_days(personas, first: int, last: int) -> None:
    """Log a busy day (two rated sessions, a skip, three observations, a note) for each day."""
    circle = personas.circle
    people = [member(circle, personas.caregiver), member(circle, personas.person), None]
    for n in range(first, last):
        day = ago(circle, n)
        for i, key in enumerate(("hand-massage", "passive-stretching")):
            session = log_session(circle, day, dt.time(20 + i, 0), key=key, by=people[n % 3])
            rate_session(session, "breathing-ease", "before", 4)
            rate_session(session, "breathing-ease", "after", 6)
        close_occurrence(circle, day, "skipped", key="range-of-motion", reason="tired")
        observe(circle, day, n % 10, rater=people[(n + 1) % 3], proxy=n % 2 == 0)
        observe(circle, day, 3, key="pain", rater=people[n % 3])
        observe(circle, day, 70.5, key="weight")
        write_note(circle, day, f"note {n}", author=people[n % 3])


def count_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize("page", PAGES)
def test_query_count_is_bounded_and_does_not_grow_with_the_data(
    personas, client_for, django_assert_max_num_queries, page
):
    make_url, most = PAGES[page]
    client = client_for(personas.viewer)
    url = make_url(personas)
    log_days(personas, 0, 2)
    client.get(url)  # first request of the session writes extra rows
    few = count_queries(client, url)
    log_days(personas, 2, 40)
    with django_assert_max_num_queries(most):
        response = client.get(url)
    assert b"<svg" in response.content or b"note 1" in response.content
    assert count_queries(client, url) == few
