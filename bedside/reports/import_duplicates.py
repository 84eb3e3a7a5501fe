"""Rows already in the log are not written twice.

A family re-sends last month's file, or imports the export of a file it imported before: every
session and rating would otherwise be doubled, and the What helps analysis would count them
twice. A row is "already there" when the log holds the same kind of event for the same technique
or trackable, on the same day, at the same minute (or both without a time), with the same value
(minutes of a session, a rating's value, a note's text). Counting is per copy: a file with two
identical rows where the log has one writes one more, so importing the same file twice leaves the
log as after the first import.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Hashable, Iterable

from bedside.care.models import Occurrence, Session
from bedside.checkins.models import Note, Observation
from bedside.circles.days import local_time
from bedside.circles.models import Circle

from .import_checks import Checked

Key = tuple[Hashable, ...]


def _minute(value: dt.time | None) -> tuple[int, int] | None:
    return None if value is None else (value.hour, value.minute)


def _value(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def file_key(item: Checked) -> Key:
    """The identity of one checked row of the file."""
    event = item.event
    when = _minute(event.time)
    if event.kind == "session":
        assert item.technique is not None
        minutes = int(event.value) if event.value is not None else None
        return ("session", item.technique.name, event.date, when, minutes)
    if event.kind in ("missed", "skipped"):
        assert item.technique is not None
        return (event.kind, item.technique.name, event.date)
    if event.kind in ("rating", "measurement"):
        assert item.trackable is not None
        return ("observation", item.trackable.name, event.date, when, _value(event.value))
    return ("note", event.date, when, event.note)


def logged_keys(circle: Circle, first: dt.date, last: dt.date) -> Counter[Key]:
    """The same identities for what the circle's log already holds between two days."""

    def at(instant: dt.datetime, has_time: bool) -> tuple[int, int] | None:
        return _minute(local_time(circle, instant)) if has_time else None

    days = {"circle": circle, "day__gte": first, "day__lte": last}
    keys: Iterable[Key] = [
        *(
            ("session", name, day, at(when, timed), minutes)
            for name, day, when, timed, minutes in Session.objects.filter(**days).values_list(
                "technique__name", "day", "performed_at", "has_time", "minutes"
            )
        ),
        *(
            (status, name, day)
            for status, name, day in Occurrence.objects.filter(
                status__in=("missed", "skipped"), **days
            ).values_list("status", "technique__name", "day")
        ),
        *(
            ("observation", name, day, at(when, timed), _value(value))
            for name, day, when, timed, value in Observation.objects.filter(**days).values_list(
                "trackable__name", "day", "recorded_at", "has_time", "value"
            )
        ),
        *(
            ("note", day, at(when, timed), text)
            for day, when, timed, text in Note.objects.filter(**days).values_list(
                "day", "recorded_at", "has_time", "text"
            )
        ),
    ]
    return Counter(keys)


def drop_logged(circle: Circle, checked: list[Checked]) -> tuple[list[Checked], int]:
    """The rows of the file that are not in the log yet, and how many were."""
    if not checked:
        return [], 0
    dates = [item.event.date for item in checked]
    remaining = logged_keys(circle, min(dates), max(dates))
    kept: list[Checked] = []
    for item in checked:
        key = file_key(item)
        if remaining[key] > 0:
            remaining[key] -= 1
        else:
            kept.append(item)
    return kept, len(checked) - len(kept)
