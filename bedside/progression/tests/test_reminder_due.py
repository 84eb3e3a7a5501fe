"""When the next ALSFRS-R is due: the last one plus the circle's interval (default 30 days)."""

import datetime as dt

import pytest

from bedside.progression import services, summaries
from bedside.progression.summaries import due_from

from .factories import ALL_FOUR, days_ago, record, url


def test_due_is_the_last_assessment_plus_the_interval():
    due = due_from(dt.date(2025, 3, 3), 30, dt.date(2025, 3, 20))
    assert due.next_due == dt.date(2025, 4, 2) and not due.is_due


def test_overdue_counts_the_days():
    due = due_from(dt.date(2025, 1, 1), 30, dt.date(2025, 2, 10))
    assert due.next_due == dt.date(2025, 1, 31)
    assert due.is_due and due.days_overdue == 10


def test_with_no_assessment_the_first_is_due_today():
    due = due_from(None, 30, dt.date(2025, 2, 10))
    assert due.next_due == dt.date(2025, 2, 10) and due.is_due


@pytest.mark.datalayer
def test_the_default_cadence_is_monthly(personas):
    circle = personas.circle
    record(personas.person, circle, ALL_FOUR, day=days_ago(circle, 10))
    due = summaries.alsfrs_due(circle, personas.viewer)
    assert due.every_days == 30
    assert due.next_due == days_ago(circle, 10) + dt.timedelta(days=30)


@pytest.mark.datalayer
def test_the_cadence_follows_the_setting_and_the_overview_says_when(personas, client_for):
    circle = personas.circle
    record(personas.person, circle, ALL_FOUR, day=days_ago(circle, 10))
    services.progression_settings_update(
        actor=personas.therapist,
        circle=circle,
        height_cm=None,
        alsfrs_every_days="14",
        delta_fs_banding="kimura2006",
    )
    due = summaries.alsfrs_due(circle, personas.viewer)
    assert due.next_due == days_ago(circle, -4)
    page = client_for(personas.viewer).get(url("overview", circle)).content.decode()
    from django.utils.formats import date_format

    assert f"Next ALSFRS-R due on {date_format(due.next_due, 'DATE_FORMAT')}." in page
