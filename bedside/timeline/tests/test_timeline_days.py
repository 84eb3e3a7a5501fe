"""What the timeline shows under each circle day."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.care.models import Occurrence
from bedside.circles import days

from .helpers import (
    ago,
    close_occurrence,
    log_session,
    member,
    observe,
    rate_session,
    write_note,
)
from .pages import html, timeline_url

pytestmark = pytest.mark.datalayer


def day_section(page: str, day: dt.date) -> str:
    start = page.index(f'<section class="day" aria-labelledby="day-{day.isoformat()}">')
    return page[start : page.index("</section>", start)]


def test_a_session_at_half_past_midnight_is_shown_under_the_evening_before(personas, client_for):
    circle = personas.circle
    evening = ago(circle, 2)
    session = log_session(circle, evening, dt.time(0, 30), by=member(circle, personas.caregiver))
    # The instant is on the next calendar morning; the circle day is the evening before.
    assert days.local_time(circle, session.performed_at) == dt.time(0, 30)
    assert session.day == evening
    page = html(client_for(personas.viewer).get(timeline_url()))
    section = day_section(page, evening)
    assert "Hand massage" in section
    assert "12:30 a.m." in section
    assert "after midnight" in section
    next_day = evening + dt.timedelta(days=1)
    assert "Hand massage" not in day_section(page, next_day)


def test_session_details_are_listed(personas, client_for):
    circle = personas.circle
    session = log_session(
        circle,
        ago(circle, 1),
        dt.time(21, 15),
        by=member(circle, personas.caregiver),
        minutes=25,
        regions=["left-calf", "right-calf"],
        tolerance="some",
        pressure="light",
        note="Calf felt warm",
    )
    rate_session(session, "breathing-ease", "before", 4)
    rate_session(session, "breathing-ease", "after", 7)
    section = day_section(html(client_for(personas.viewer).get(timeline_url())), ago(circle, 1))
    for text in (
        "Hand massage",
        "9:15 p.m.",
        "by Ana",
        "25 minutes",
        "Left calf, Right calf",
        "some discomfort",
        "Pressure: light",
        "Breathing ease: 4 before, 7 after",
        "Calf felt warm",
    ):
        assert text in section, text


def test_missed_and_skipped_occurrences_are_marked_with_their_reason(personas, client_for):
    circle = personas.circle
    day = ago(circle, 3)
    close_occurrence(circle, day, Occurrence.Status.MISSED)
    close_occurrence(
        circle,
        day,
        Occurrence.Status.SKIPPED,
        key="passive-stretching",
        reason="Too tired tonight",
        by_name="Ana",
    )
    section = day_section(html(client_for(personas.viewer).get(timeline_url())), day)
    assert '<strong class="status-missed">Missed:</strong> Hand massage' in section
    assert '<strong class="status-skipped">Skipped:</strong> Passive stretching' in section
    assert "Reason: Too tired tonight" in section
    assert "planned for" in section
    assert 'class="entry entry-missed"' in section
    assert 'class="entry entry-skipped"' in section


def test_due_and_done_occurrences_are_not_listed_twice(personas, client_for):
    circle = personas.circle
    day = ago(circle, 1)
    close_occurrence(circle, day, Occurrence.Status.DUE)
    close_occurrence(circle, day, Occurrence.Status.DONE, key="passive-stretching")
    page = html(client_for(personas.viewer).get(timeline_url()))
    assert "Passive stretching" not in page
    assert "Nothing logged yet" in page


def test_a_proxy_rating_is_marked_and_names_who_rated(personas, client_for):
    circle = personas.circle
    day = ago(circle, 1)
    observe(circle, day, 6, rater=member(circle, personas.caregiver), proxy=True)
    observe(circle, day, 2, key="pain", rater=member(circle, personas.person))
    section = day_section(html(client_for(personas.viewer).get(timeline_url())), day)
    stiffness = section[section.index("Stiffness") : section.index("Pain")]
    pain = section[section.index("Pain") :]
    assert "rated by Ana" in stiffness and 'class="tag proxy"' in stiffness
    assert "rated by Theo" in pain and "proxy" not in pain


def test_measurements_show_their_units_and_notes_their_author(personas, client_for):
    circle = personas.circle
    day = ago(circle, 4)
    observe(circle, day, 71.25, key="weight", rater=member(circle, personas.coordinator))
    observe(circle, day, 35, key="elbow-extension")
    write_note(circle, day, "Walked <b>stiffly</b>", author=member(circle, personas.person))
    section = day_section(html(client_for(personas.viewer).get(timeline_url())), day)
    assert "<h3>Measurements</h3>" in section
    assert "71.25\u00a0kg" in section
    assert "35°" in section
    assert "measured by Maya" in section
    assert "<h3>Notes</h3>" in section
    assert "Walked &lt;b&gt;stiffly&lt;/b&gt;" in section
    assert "by Theo" in section


def test_days_are_newest_first_and_quiet_days_say_so(personas, client_for):
    circle = personas.circle
    observe(circle, ago(circle, 5), 3)
    observe(circle, ago(circle, 1), 4)
    page = html(client_for(personas.viewer).get(timeline_url()))
    positions = [page.index(f'datetime="{ago(circle, n).isoformat()}"') for n in range(6)]
    assert positions == sorted(positions)
    assert "Nothing logged this day." in day_section(page, ago(circle, 3))
    assert "(today)" in day_section(page, ago(circle, 0))
    # Nothing before the first entry is listed.
    assert f'datetime="{ago(circle, 6).isoformat()}"' not in page


def test_other_circles_entries_never_appear(personas, client_for):
    other = personas.other_circle
    observe(other, ago(other, 1), 9, note="secret of another circle")
    log_session(other, ago(other, 1), note="foreign session")
    observe(personas.circle, ago(personas.circle, 1), 2)
    page = html(client_for(personas.viewer).get(timeline_url()))
    assert "secret of another circle" not in page
    assert "foreign session" not in page
    assert "Hand massage" not in page
