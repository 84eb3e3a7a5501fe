"""Small builders for timeline tests: rows written straight to the models, days from days.py."""

from __future__ import annotations

import datetime as dt

from bedside.care.models import Occurrence, Session, SessionRating, Technique
from bedside.checkins.models import Note, Observation, Trackable
from bedside.circles import days
from bedside.circles.models import Circle, Membership


def member(circle: Circle, user: object) -> Membership:
    return Membership.objects.get(circle=circle, user=user)


def technique(circle: Circle, key: str = "hand-massage") -> Technique:
    return Technique.objects.get(circle=circle, key=key)


def trackable(circle: Circle, key: str = "stiffness") -> Trackable:
    return Trackable.objects.get(circle=circle, key=key, active=True)


def ago(circle: Circle, n: int) -> dt.date:
    """The circle day ``n`` days before today."""
    return days.today(circle) - dt.timedelta(days=n)


def log_session(
    circle: Circle,
    day: dt.date,
    at: dt.time = dt.time(21, 0),
    *,
    key: str = "hand-massage",
    by: Membership | None = None,
    minutes: int | None = 20,
    **extra: object,
) -> Session:
    instant = days.instant_at(circle, day, at)
    return Session.objects.create(
        circle=circle,
        technique=technique(circle, key),
        day=days.day_of(circle, instant),
        performed_at=instant,
        performed_by=by,
        minutes=minutes,
        **extra,
    )


def rate_session(session: Session, key: str, when: str, value: float) -> SessionRating:
    return SessionRating.objects.create(
        circle=session.circle,
        session=session,
        trackable=trackable(session.circle, key),
        when=when,
        value=value,
    )


def observe(
    circle: Circle,
    day: dt.date,
    value: float,
    *,
    key: str = "stiffness",
    at: dt.time = dt.time(8, 0),
    rater: Membership | None = None,
    proxy: bool = False,
    **extra: object,
) -> Observation:
    instant = days.instant_at(circle, day, at)
    return Observation.objects.create(
        circle=circle,
        trackable=trackable(circle, key),
        value=value,
        day=days.day_of(circle, instant),
        recorded_at=instant,
        rater=rater,
        proxy=proxy,
        **extra,
    )


def close_occurrence(
    circle: Circle,
    day: dt.date,
    status: str,
    *,
    key: str = "hand-massage",
    reason: str = "",
    at: dt.time = dt.time(21, 0),
    by_name: str = "",
) -> Occurrence:
    return Occurrence.objects.create(
        circle=circle,
        technique=technique(circle, key),
        day=day,
        due_at=days.instant_at(circle, day, at),
        status=status,
        reason=reason,
        by_name=by_name,
    )


def write_note(
    circle: Circle, day: dt.date, text: str, *, author: Membership | None = None
) -> Note:
    instant = days.instant_at(circle, day, dt.time(10, 0))
    return Note.objects.create(
        circle=circle, day=day, recorded_at=instant, author=author, text=text
    )
