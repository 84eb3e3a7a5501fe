"""Test helpers: records written through this app's services, check-in measurements through
the checkins models (test set-up only: the app itself never writes them)."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from bedside.checkins.catalogue import TRACKABLES
from bedside.checkins.models import Observation, Trackable
from bedside.circles.days import instant_at, today
from bedside.circles.models import Circle, Membership, User
from bedside.progression import services
from bedside.progression.models import ALSFRSAssessment

ALL_FOUR = [4] * 12


def days_ago(circle: Circle, n: int) -> dt.date:
    return today(circle) - dt.timedelta(days=n)


def record(
    actor: User, circle: Circle, items: list[int], *, day: dt.date, item5: str = "5a"
) -> ALSFRSAssessment:
    values: dict[str, object] = {str(n): v for n, v in enumerate(items, start=1)}
    values[item5] = values.pop("5")
    return services.alsfrs_record(actor=actor, circle=circle, items=values, day=day)


def trackable(circle: Circle, key: str, *, name: str = "", unit: str = "cm") -> Trackable:
    """A built-in trackable by key (installed with the circle), or a circle's own by name."""
    if key:
        found = Trackable.objects.filter(circle=circle, key=key, active=True).first()
        if found is not None:
            return found
        d = TRACKABLES[key]
        return Trackable.objects.create(
            circle=circle,
            key=key,
            name=d.name,
            kind=d.kind,
            unit=d.unit,
            min_value=d.min_value,
            max_value=d.max_value,
            in_checkin=False,
        )
    return Trackable.objects.create(
        circle=circle,
        name=name,
        kind=Trackable.Kind.MEASUREMENT,
        unit=unit,
        min_value=0,
        max_value=200,
        in_checkin=False,
    )


def observe(circle: Circle, track: Trackable, value: float, day: dt.date) -> Observation:
    member = Membership.objects.filter(circle=circle).first()
    return Observation.objects.create(
        circle=circle,
        trackable=track,
        value=value,
        day=day,
        recorded_at=instant_at(circle, day, dt.time(9, 0)),
        rater=member,
    )


def url(name: str, circle: Circle) -> str:
    return reverse(f"progression:{name}", args=[circle.slug])
