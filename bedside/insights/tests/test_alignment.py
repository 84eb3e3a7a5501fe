"""Sessions are aligned to outcome days by the time of day and the circle's day boundary."""

import datetime as dt

import numpy as np

from bedside.insights.align import align, minutes_after_boundary
from bedside.insights.model import _exposures

from .logs import event


def test_times_are_ordered_from_the_day_boundary() -> None:
    four = dt.time(4, 0)
    assert minutes_after_boundary(dt.time(4, 0), four) == 0
    assert minutes_after_boundary(dt.time(23, 0), four) == 19 * 60
    assert minutes_after_boundary(dt.time(0, 30), four) == 20 * 60 + 30
    # A 06:00 boundary moves 05:00 to the end of the day before.
    assert minutes_after_boundary(dt.time(5, 0), dt.time(6, 0)) == 23 * 60


def test_an_evening_session_counts_for_the_next_morning_rating() -> None:
    data = align(
        [
            event(0, "rating", "stiffness", 6, "08:00"),
            event(0, "session", "massage", 20, "21:00", "min"),
            event(1, "rating", "stiffness", 4, "08:00"),
        ]
    )
    rows = np.array([1])
    next_day = {c.window: c for c in _exposures(data, 0, rows)}["next_day"]
    assert next_day.values.tolist() == [1.0]
    # The morning rating of the session's own day is not "after" the session.
    assert 0 not in data.outcomes[0].after


def test_a_morning_rating_belongs_before_that_evenings_session() -> None:
    data = align(
        [
            event(0, "rating", "stiffness", 6, "08:00"),
            event(1, "rating", "stiffness", 5, "08:00"),
            event(1, "session", "massage", 20, "21:00", "min"),
        ]
    )
    # Day 1's rating sees no session the evening before, and day 1's own session comes later.
    cols = {c.window: c for c in _exposures(data, 0, np.array([1]))}
    assert cols["next_day"].values.tolist() == [0.0]
    assert data.outcomes[0].after == {}


def test_a_rating_after_a_same_day_session_is_an_after_rating() -> None:
    data = align(
        [
            event(0, "session", "massage", 20, "19:00", "min"),
            event(0, "rating", "pain", 3, "21:30"),
            event(0, "rating", "pain", 5, "08:00"),
        ]
    )
    # Two ratings that day, one of them after the session.
    assert data.outcomes[0].after[0][0] == 0.5
    assert data.outcomes[0].y[0] == 4.0


def test_a_session_at_half_past_midnight_belongs_to_the_evening_before() -> None:
    # The circle's date of a 00:30 session is the day before (the interchange format and the
    # database both apply the boundary); within that day it comes after a 23:00 rating.
    data = align(
        [
            event(0, "rating", "pain", 5, "23:00"),
            event(0, "session", "massage", 20, "00:30", "min"),
            event(1, "rating", "pain", 3, "08:00"),
        ]
    )
    assert data.outcomes[0].after == {}  # the 23:00 rating came before it
    cols = {c.window: c for c in _exposures(data, 0, np.array([1]))}
    assert cols["next_day"].values.tolist() == [1.0]  # it counts for the next morning


def test_with_a_later_boundary_a_late_rating_comes_after_a_midnight_session() -> None:
    events = [
        event(0, "session", "massage", 20, "00:30", "min"),
        event(0, "rating", "pain", 5, "02:00"),
    ]
    assert 0 in align(events, day_boundary=dt.time(4, 0)).outcomes[0].after
    assert align(events, day_boundary=dt.time(1, 0)).outcomes[0].after == {}


def test_a_rating_without_a_time_is_never_placed_after_a_session() -> None:
    data = align(
        [
            event(0, "session", "massage", 20, "19:00", "min"),
            event(0, "rating", "pain", 3),
        ]
    )
    assert data.outcomes[0].after == {}


def test_missed_and_skipped_days_are_days_without_even_when_nothing_else_was_logged() -> None:
    data = align(
        [
            event(0, "session", "massage", 20, "21:00", "min"),
            event(1, "missed", "massage"),
            event(2, "skipped", "massage"),
            # day 3: nothing at all
            event(4, "rating", "pain", 4, "08:00"),
        ]
    )
    dose = data.techniques[0].dose
    assert dose[:3].tolist() == [1.0, 0.0, 0.0]
    assert np.isnan(dose[3])  # unknown: nothing was recorded that day
    assert dose[4] == 0.0  # logged (a rating), no session: not done


def test_minutes_become_a_dose_when_they_vary() -> None:
    events = [
        event(d, "session", "massage gun", minutes, "20:00", "min")
        for d, minutes in enumerate([5, 10, 20, 10, 40, 10])
    ]
    tech = align(events).techniques[0]
    assert tech.typical_minutes == 10
    assert tech.dose.tolist() == [0.5, 1.0, 2.0, 1.0, 3.0, 1.0]  # 40 minutes capped at 3


def test_minutes_that_barely_vary_stay_a_yes_or_no() -> None:
    events = [
        event(d, "session", "massage", minutes, "20:00", "min")
        for d, minutes in enumerate([20, 20, 22, 20, 18, 20])
    ]
    tech = align(events).techniques[0]
    assert tech.typical_minutes is None
    assert tech.dose.tolist() == [1.0] * 6


def test_names_differing_by_case_and_separators_are_the_same_technique() -> None:
    data = align(
        [
            event(0, "session", "Evening massage", 20, "21:00", "min"),
            event(1, "session", "evening_massage", 20, "21:00", "min"),
            event(2, "missed", "evening-massage"),
        ]
    )
    assert [t.name for t in data.techniques] == ["Evening massage"]
    assert data.techniques[0].dose.tolist() == [1.0, 1.0, 0.0]


def test_before_and_after_ratings_are_paired_per_day() -> None:
    data = align(
        [
            event(
                0,
                "session",
                "massage gun",
                10,
                "20:00",
                "min",
                before="breathing ease=4",
                after="breathing ease=6",
            ),
            event(
                0,
                "session",
                "massage gun",
                10,
                "22:00",
                "min",
                before="breathing ease=5",
                after="breathing ease=5",
            ),
            event(
                1,
                "session",
                "massage gun",
                10,
                "20:00",
                "min",
                before="breathing ease=3; pain=x",
                after="Breathing Ease=4",
            ),
        ]
    )
    pairs = data.paired[(0, 0)]
    assert data.outcomes[0].name == "breathing ease"
    assert pairs.days.tolist() == [0, 1]
    assert pairs.change.tolist() == [1.0, 1.0]  # day 0: mean of +2 and 0
