"""Who is in the demo circle and what its care plan is — plain data, no database.

The family is invented, shaped like the one in PRODUCT.md: Daniel lives with ALS and uses a head
mouse; Claire, his wife, coordinates; his mother Hélène does arm range-of-motion and hand massage
every evening; Marcus and Aisha share the nights (massage gun on calves and thighs, turning him
at 02:00); Yuki gives a weekly deep-tissue massage and, every other week, lymphatic drainage;
Rafael, the physical therapist, comes on Tuesdays; his brother Tom follows along. The chest
massage-gun routine was added three weeks ago, after a night caregiver tried it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

HISTORY_DAYS = 180
CHEST_ROUTINE_DAYS = 21  # the chest massage gun became a routine this many days ago
SLUG = "demo"
TIMEZONE = "America/Toronto"

MON, TUE, WED, THU, FRI, SAT, SUN = range(7)
# The night shift of a circle day includes its 02:00 turn (the day starts at 04:00).
MARCUS_NIGHTS = (SUN, MON, TUE, WED)
AISHA_NIGHTS = (THU, FRI, SAT)
LEGS = ("left-calf", "right-calf", "left-thigh", "right-thigh")


@dataclass(frozen=True)
class Person:
    username: str
    name: str
    role: str
    does: Promise | str = ""  # printed next to the login


PEOPLE: tuple[Person, ...] = (
    Person("daniel", "Daniel", "person", _("lives with ALS; uses a head mouse")),
    Person("claire", "Claire", "coordinator", _("his wife")),
    Person("helene", "Hélène", "caregiver", _("his mother: arms every evening")),
    Person("marcus", "Marcus", "caregiver", _("night caregiver")),
    Person("aisha", "Aisha", "caregiver", _("night caregiver")),
    Person("yuki", "Yuki", "therapist", _("massage therapist")),
    Person("rafael", "Rafael", "therapist", _("physical therapist")),
    Person("tom", "Tom", "viewer", _("his brother")),
)
# The login printed for each role.
LOGINS = {
    "person": "daniel",
    "coordinator": "claire",
    "caregiver": "marcus",
    "therapist": "rafael",
    "viewer": "tom",
}
NAMES = {p.username: p.name for p in PEOPLE}


@dataclass(frozen=True)
class RoutineSpec:
    """One line of the demo's care plan (a catalogue technique, by its key and export name)."""

    key: str
    name: str
    who: str  # username
    schedule: str  # "daily", "weekdays" or "every_n"
    time: dt.time
    minutes: int | None
    regions: tuple[str, ...] = ()
    weekdays: tuple[int, ...] = ()
    every_n_days: int | None = None
    recent_days: int | None = None  # added this many days ago; None: from the start
    pressure: str = ""


def _nights(
    key: str, name: str, time: dt.time, minutes: int | None, **kw: object
) -> tuple[RoutineSpec, ...]:
    return tuple(
        RoutineSpec(key, name, who, "weekdays", time, minutes, weekdays=nights, **kw)  # type: ignore[arg-type]
        for who, nights in (("marcus", MARCUS_NIGHTS), ("aisha", AISHA_NIGHTS))
    )


ROUTINES: tuple[RoutineSpec, ...] = (
    RoutineSpec(
        "range-of-motion",
        "range-of-motion exercises",
        "helene",
        "daily",
        dt.time(20, 30),
        15,
        ("left-arm", "right-arm"),
    ),
    RoutineSpec(
        "hand-massage",
        "hand massage",
        "helene",
        "daily",
        dt.time(20, 30),
        10,
        ("left-hand", "right-hand"),
        pressure="light",
    ),
    *_nights("massage-gun", "massage gun", dt.time(22, 0), 10, regions=LEGS, pressure="light"),
    *_nights("repositioning", "repositioning", dt.time(2, 0), 5),
    *_nights(
        "chest-massage-gun",
        "chest massage gun",
        dt.time(22, 15),
        5,
        regions=("chest",),
        pressure="light",
        recent_days=CHEST_ROUTINE_DAYS,
    ),
    RoutineSpec(
        "deep-tissue-massage",
        "deep-tissue massage",
        "yuki",
        "weekdays",
        dt.time(14, 0),
        60,
        ("upper-back", "lower-back", *LEGS),
        weekdays=(THU,),
        pressure="firm",
    ),
    RoutineSpec(
        "lymphatic-drainage",
        "lymphatic drainage",
        "yuki",
        "every_n",
        dt.time(15, 0),
        45,
        ("left-calf", "right-calf", "left-foot", "right-foot"),
        every_n_days=14,
        pressure="light",
    ),
    RoutineSpec(
        "joint-mobilization",
        "joint mobilization",
        "rafael",
        "weekdays",
        dt.time(10, 0),
        15,
        ("left-arm", "right-arm"),
        weekdays=(TUE,),
    ),
    RoutineSpec(
        "muscle-distraction",
        "muscle distraction",
        "rafael",
        "weekdays",
        dt.time(10, 15),
        10,
        ("left-thigh", "right-thigh"),
        weekdays=(TUE,),
    ),
    RoutineSpec(
        "passive-stretching",
        "passive stretching",
        "rafael",
        "weekdays",
        dt.time(10, 25),
        15,
        ("left-arm", "right-arm", "left-calf", "right-calf"),
        weekdays=(TUE,),
    ),
    RoutineSpec(
        "neck-stretches",
        "neck stretches",
        "rafael",
        "weekdays",
        dt.time(10, 40),
        10,
        ("neck",),
        weekdays=(TUE,),
    ),
)


def history_start(today: dt.date) -> dt.date:
    return today - dt.timedelta(days=HISTORY_DAYS)


def start_date(spec: RoutineSpec, today: dt.date) -> dt.date:
    """When a routine starts: the start of the history (a Monday for every-two-weeks ones)."""
    if spec.recent_days is not None:
        return today - dt.timedelta(days=spec.recent_days)
    first = history_start(today)
    if spec.schedule == "every_n":
        first += dt.timedelta(days=(MON - first.weekday()) % 7)
    return first
