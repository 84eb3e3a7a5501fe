"""Scoped reads for home experiments: the experiments, an outcome's daily values, adherence.

Every function takes the viewer and refuses anyone who is not an active member (404).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.utils.translation import gettext as _

from bedside.care.models import Routine, Session, Technique
from bedside.checkins.models import Observation, Trackable
from bedside.circles.access import require
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.insights.experiments import Design, Noise, outcome_noise

from .models import Experiment

NOISE_DAYS = 120


def experiments_for(*, circle: Circle, viewer: User) -> QuerySet[Experiment]:
    """The circle's experiments, newest first (the page splits running from done)."""
    require(viewer, circle, Action.READ)
    return (
        Experiment.objects.filter(circle=circle)
        .select_related("technique", "outcome", "assignee__user", "started_by")
        .order_by("-started_at", "-id")
    )


def experiment_for(*, circle: Circle, viewer: User, pk: int) -> Experiment | None:
    require(viewer, circle, Action.READ)
    return (
        Experiment.objects.filter(circle=circle, pk=pk)
        .select_related("technique", "outcome", "assignee__user", "started_by", "routine")
        .first()
    )


def running_for_technique(*, circle: Circle, technique: Technique) -> Experiment | None:
    """The running experiment that decides when ``technique`` is given, if any."""
    return Experiment.objects.filter(
        circle=circle, technique=technique, status=Experiment.Status.RUNNING
    ).first()


def routines_of(*, circle: Circle, viewer: User, technique: Technique) -> list[Routine]:
    """Current routines of a technique (the wizard copies their time, who and regions)."""
    require(viewer, circle, Action.READ)
    return list(
        Routine.objects.filter(circle=circle, technique=technique, active=True)
        .exclude(schedule=Routine.Schedule.DATES)
        .select_related("assignee__user")
        .order_by("id")
    )


def outcome_values(
    *,
    circle: Circle,
    viewer: User,
    trackable: Trackable,
    start: dt.date | None = None,
    end: dt.date | None = None,
) -> dict[dt.date, float]:
    """The outcome's value per day (the mean of that day's answers), for the days rated."""
    require(viewer, circle, Action.READ)
    return daily_values(circle, trackable, start, end)


def daily_values(
    circle: Circle, trackable: Trackable, start: dt.date | None, end: dt.date | None
) -> dict[dt.date, float]:
    """Unscoped core of :func:`outcome_values`, for system actions (finishing an experiment)."""
    rows = Observation.objects.filter(circle=circle, trackable=trackable)
    if start is not None:
        rows = rows.filter(day__gte=start)
    if end is not None:
        rows = rows.filter(day__lte=end)
    sums: dict[dt.date, list[float]] = defaultdict(list)
    for day, value in rows.values_list("day", "value"):
        sums[day].append(value)
    return {day: sum(v) / len(v) for day, v in sums.items()}


def noise_for(
    *, circle: Circle, viewer: User, trackable: Trackable, before: dt.date | None = None
) -> Noise:
    """How much the outcome varies from day to day (the last 120 rated days before ``before``)."""
    values = outcome_values(circle=circle, viewer=viewer, trackable=trackable, end=before)
    return outcome_noise(values, last_days=NOISE_DAYS)


# --- adherence -------------------------------------------------------------------------------


@dataclass
class PersonAdherence:
    """How one person's evenings went: ``on_*`` for evenings with a session planned."""

    name: str
    on_done: int = 0
    on_not_done: int = 0
    off_left: int = 0
    off_done: int = 0

    @property
    def followed(self) -> int:
        return self.on_done + self.off_left

    @property
    def evenings(self) -> int:
        return self.on_done + self.on_not_done + self.off_left + self.off_done


@dataclass
class Adherence:
    """The schedule as it was followed, through ``through`` (inclusive)."""

    through: dt.date | None
    on_planned: int = 0
    on_done: int = 0
    off_planned: int = 0
    off_left: int = 0
    people: list[PersonAdherence] = field(default_factory=list)
    done_days: set[dt.date] = field(default_factory=set)  # evenings with a session logged

    @property
    def evenings(self) -> int:
        return self.on_planned + self.off_planned

    @property
    def share(self) -> float | None:
        """Share of evenings that went as scheduled."""
        if not self.evenings:
            return None
        return (self.on_done + self.off_left) / self.evenings

    def to_dict(self) -> dict[str, object]:
        return {
            "through": self.through.isoformat() if self.through else None,
            "on_planned": self.on_planned,
            "on_done": self.on_done,
            "off_planned": self.off_planned,
            "off_left": self.off_left,
            "share": self.share,
            "people": [
                {
                    "name": p.name,
                    "on_done": p.on_done,
                    "on_not_done": p.on_not_done,
                    "off_left": p.off_left,
                    "off_done": p.off_done,
                }
                for p in self.people
            ],
        }


def adherence_for(*, experiment: Experiment, viewer: User, through: dt.date) -> Adherence:
    """Evening by evening: was the technique given when planned, and left alone when not?

    An evening with a session planned counts for whoever logged the session, or, when nobody
    did, for whoever was assigned (or "anyone on the plan"). An OFF evening counts for whoever
    gave the technique anyway, or else as left alone by whoever was assigned. In a block design
    the ON weeks' evenings without a planned session are not counted either way.
    """
    require(viewer, experiment.circle, Action.READ)
    return adherence(experiment, through)


def adherence(experiment: Experiment, through: dt.date) -> Adherence:
    """Unscoped core of :func:`adherence_for`, for system actions."""
    circle = experiment.circle
    result = Adherence(through=through)
    nights = list(experiment.nights.filter(day__lte=through).order_by("day"))
    if not nights:
        return result
    given: dict[dt.date, list[str]] = defaultdict(list)
    sessions = Session.objects.filter(
        circle=circle,
        technique=experiment.technique,
        day__gte=nights[0].day,
        day__lte=nights[-1].day,
    ).select_related("performed_by__user")
    for s in sessions:
        who = s.performed_by.name if s.performed_by is not None else (s.by_name or _("someone"))
        if who not in given[s.day]:
            given[s.day].append(who)
    assigned = experiment.assignee.name if experiment.assignee is not None else _("anyone")
    people: dict[str, PersonAdherence] = {}

    def person(name: str) -> PersonAdherence:
        return people.setdefault(name, PersonAdherence(name))

    for night in nights:
        who = given.get(night.day, [])
        if who:
            result.done_days.add(night.day)
        if night.session:
            result.on_planned += 1
            if who:
                result.on_done += 1
                for name in who:
                    person(name).on_done += 1
            else:
                person(assigned).on_not_done += 1
        elif not night.on:
            result.off_planned += 1
            if who:
                for name in who:
                    person(name).off_done += 1
            else:
                result.off_left += 1
                person(assigned).off_left += 1
    result.people = sorted(people.values(), key=lambda p: (-p.evenings, p.name.casefold()))
    return result


def design_of(experiment: Experiment) -> Design:
    """The experiment's schedule as the pure module's :class:`Design` (from its nights)."""
    nights = list(experiment.nights.order_by("day"))
    if experiment.design == Experiment.Design.PAIRS:
        order = tuple(n.on for n in nights[::2])
    else:
        order = tuple(n.on for n in nights[:: experiment.block_days])
    return Design(
        experiment.design,
        experiment.start_date,
        order,
        experiment.seed,
        experiment.block_days,
        experiment.every_days,
        experiment.washout_days,
    )
