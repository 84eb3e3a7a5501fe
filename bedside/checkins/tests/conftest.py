"""Fixtures of the checkins tests: the check-in questions and a day of earlier answers."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.checkins import services
from bedside.checkins.models import Trackable
from bedside.checkins.selectors import checkin_questions
from bedside.circles.days import today

# Theo's answers yesterday, in the check-in's order (stiffness … mood).
YESTERDAY = {
    "stiffness": 6,
    "pain": 4,
    "headache": 3,
    "swelling": 5,
    "sleep-quality": 4,
    "breathing-ease": 6,
    "voice-strength": 5,
    "energy": 3,
    "mood": 6,
}


@pytest.fixture
def questions(personas) -> list[Trackable]:  # type: ignore[no-untyped-def]
    return checkin_questions(personas.circle)


@pytest.fixture
def yesterday(personas, questions) -> dt.date:  # type: ignore[no-untyped-def]
    """Theo answered every question yesterday (values in ``YESTERDAY``)."""
    day = today(personas.circle) - dt.timedelta(days=1)
    services.checkin_save(
        actor=personas.person,
        circle=personas.circle,
        answers={q: YESTERDAY[q.key] for q in questions},
        day=day,
    )
    return day


def trackable(circle, key: str) -> Trackable:  # type: ignore[no-untyped-def]
    return Trackable.objects.get(circle=circle, key=key, active=True)
