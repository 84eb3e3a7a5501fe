"""A circle's day: local time, shifted by the circle's day boundary.

With the default boundary of 04:00 a session at 00:30 on Tuesday belongs to Monday evening,
which is how families think of "last night". Everything that groups by day uses these helpers.
"""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from django.utils import timezone

from .models import Circle


def zone(circle: Circle) -> ZoneInfo:
    return ZoneInfo(circle.timezone)


def boundary_offset(circle: Circle) -> dt.timedelta:
    b = circle.day_boundary
    return dt.timedelta(hours=b.hour, minutes=b.minute)


def day_of(circle: Circle, instant: dt.datetime) -> dt.date:
    """The circle day an instant belongs to."""
    local = instant.astimezone(zone(circle))
    return (local - boundary_offset(circle)).date()


def today(circle: Circle, now: dt.datetime | None = None) -> dt.date:
    return day_of(circle, now or timezone.now())


def day_start(circle: Circle, day: dt.date) -> dt.datetime:
    """The instant (aware, UTC) at which ``day`` begins for this circle."""
    naive = dt.datetime.combine(day, dt.time()) + boundary_offset(circle)
    return naive.replace(tzinfo=zone(circle)).astimezone(dt.UTC)


def instant_at(circle: Circle, day: dt.date, local_time: dt.time) -> dt.datetime:
    """The instant of ``local_time`` within circle day ``day`` (00:30 lands after midnight)."""
    calendar_day = day
    if (local_time.hour, local_time.minute) < (
        circle.day_boundary.hour,
        circle.day_boundary.minute,
    ):
        calendar_day = day + dt.timedelta(days=1)
    naive = dt.datetime.combine(calendar_day, local_time)
    return naive.replace(tzinfo=zone(circle)).astimezone(dt.UTC)


def local_time(circle: Circle, instant: dt.datetime) -> dt.time:
    return instant.astimezone(zone(circle)).time().replace(second=0, microsecond=0)
