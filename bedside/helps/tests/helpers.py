"""Shared set-up for the What helps tests: a small seeded log with a planted next-day effect,
imported through the importer as a family would."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bedside.care.models import Technique
from bedside.checkins.models import Trackable
from bedside.circles.days import today
from bedside.circles.models import Membership
from bedside.interchange import Event
from bedside.reports.importer import events_import

SENTENCE = "stiffness is about"  # the engine's finding sentence for the planted effect


def planted_log(
    last_day: dt.date, *, days: int = 120, seed: int = 4, effect: float = -1.6
) -> list[Event]:
    """``days`` days up to ``last_day``: a massage gun on about half the evenings (at random),
    stiffness rated each morning and lowered by ``effect`` the day after a session; pain rated
    too, with no effect; neck stretches with no effect."""
    rng = random.Random(seed)
    first = last_day - dt.timedelta(days=days - 1)
    events: list[Event] = []
    gun_yesterday = False
    for k in range(days):
        day = first + dt.timedelta(days=k)
        stiff = 5 + rng.gauss(0, 1.0) + (effect if gun_yesterday else 0.0) + k / 200
        pain = 4 + rng.gauss(0, 1.0)
        if rng.random() > 0.08:  # a few mornings without a check-in
            for name, value in (("stiffness", stiff), ("pain", pain)):
                rating = float(min(10, max(0, round(value))))
                events.append(Event(0, day, dt.time(8, 30), "rating", name, rating, "0-10"))
        gun_yesterday = rng.random() < 0.5
        if gun_yesterday:
            events.append(Event(0, day, dt.time(20, 0), "session", "massage gun", 10.0, "min"))
        if rng.random() < 0.6:
            events.append(Event(0, day, dt.time(10, 0), "session", "neck stretches", 5.0, "min"))
    return events


def import_log(personas: Any, events: list[Event]) -> None:
    events_import(actor=personas.coordinator, circle=personas.circle, events=events)


def seed_circle(personas: Any, *, days: int = 120, seed: int = 4, effect: float = -1.6) -> None:
    """The planted log, ending yesterday (the circle's day)."""
    last = today(personas.circle) - dt.timedelta(days=1)
    import_log(personas, planted_log(last, days=days, seed=seed, effect=effect))


def technique(personas: Any, key: str = "massage-gun") -> Technique:
    return Technique.objects.get(circle=personas.circle, key=key)


def trackable(personas: Any, key: str = "stiffness") -> Trackable:
    return Trackable.objects.get(circle=personas.circle, key=key)


def member(personas: Any, user: Any) -> Membership:
    return Membership.objects.get(circle=personas.circle, user=user)


def page_url(personas: Any) -> str:
    return f"/c/{personas.circle.slug}/what-helps/"


def start_experiment(personas: Any, *, pairs: int = 12, seed: int = 7, **fields: Any) -> Any:
    """A next-day experiment of the massage gun on stiffness, starting tonight (pairs)."""
    from bedside.helps import services

    values: dict[str, Any] = {
        "window": "next_day",
        "target_effect": 1.0,
        "start_date": today(personas.circle),
        "time_of_day": dt.time(20, 0),
        "assignee": member(personas, personas.caregiver),
        "units": pairs,
        "seed": seed,
        "question": "Does the massage gun ease stiffness the next morning?",
    }
    values.update(fields)
    return services.experiment_start(
        actor=personas.coordinator,
        circle=personas.circle,
        technique=technique(personas),
        outcome=trackable(personas),
        **values,
    )
