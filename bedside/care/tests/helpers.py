"""Shared set-up for the care tests: instants in Theo's circle (America/Toronto, day starts 04:00)
and a routine made through the service, as a planner would."""

from __future__ import annotations

import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from bedside.care import services
from bedside.care.models import Routine, Technique
from bedside.circles.models import Membership

TORONTO = ZoneInfo("America/Toronto")
MONDAY = dt.date(2026, 3, 2)  # a Monday (weekday 0)


def at(day: dt.date, hour: int, minute: int = 0) -> dt.datetime:
    """A local wall-clock instant in Theo's circle."""
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=TORONTO)


def technique(personas: Any, key: str = "massage-gun") -> Technique:
    return Technique.objects.get(circle=personas.circle, key=key)


def member(personas: Any, user: Any) -> Membership:
    return Membership.objects.get(circle=personas.circle, user=user)


def routine(
    personas: Any,
    *,
    key: str = "massage-gun",
    now: dt.datetime | None = None,
    **fields: Any,
) -> Routine:
    """A nightly 21:00 routine on both calves for anyone, planned by the coordinator."""
    values: dict[str, Any] = {
        "schedule": "daily",
        "time_of_day": dt.time(21, 0),
        "regions": ["left-calf", "right-calf"],
        "target_minutes": 10,
    }
    values.update(fields)
    return services.routine_create(
        actor=personas.coordinator,
        circle=personas.circle,
        technique=technique(personas, key),
        now=now,
        **values,
    )
