"""Scoped reads for check-ins, measurements, notes and trackables.

Public functions take the ``viewer`` and call ``require`` (404 for outsiders and revoked
members), then filter by the circle, so an id from a form or the address bar never reaches
another circle. The private helpers without a viewer are shared with the services, which have
already checked the actor.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Max, QuerySet
from django.http import Http404
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.days import today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, Role

from .models import Note, Observation, Trackable

# --- shared helpers (no permission check: callers have done it) ------------------------------


def checkin_questions(circle: Circle) -> list[Trackable]:
    """The ratings the daily check-in asks, in the circle's order."""
    return list(
        Trackable.objects.filter(
            circle=circle, active=True, in_checkin=True, kind=Trackable.Kind.RATING
        ).order_by("position", "id")
    )


def answers_on(
    circle: Circle, day: dt.date, trackables: Sequence[Trackable]
) -> dict[int, Observation]:
    """The answer of ``day`` to each trackable, by trackable id (the latest if several)."""
    rows = (
        Observation.objects.filter(circle=circle, day=day, trackable__in=trackables)
        .select_related("rater__user")
        .order_by("recorded_at", "id")
    )
    return {row.trackable_id: row for row in rows}


def previous_check_in(
    circle: Circle, before: dt.date, trackables: Sequence[Trackable]
) -> tuple[dt.date | None, dict[int, Observation]]:
    """The most recent day before ``before`` with answers to these trackables, and its answers."""
    day = Observation.objects.filter(
        circle=circle, day__lt=before, trackable__in=trackables
    ).aggregate(day=Max("day"))["day"]
    if day is None:
        return None, {}
    return day, answers_on(circle, day, trackables)


# --- the daily check-in ----------------------------------------------------------------------


@dataclass(frozen=True)
class Question:
    number: int  # 1-based place in the check-in
    trackable: Trackable
    answer: Observation | None  # today's answer, if given
    previous: Observation | None  # the answer at the last earlier check-in

    @property
    def answer_value(self) -> int | None:
        return None if self.answer is None else int(self.answer.value)

    @property
    def previous_value(self) -> int | None:
        return None if self.previous is None else int(self.previous.value)


@dataclass(frozen=True)
class CheckinState:
    day: dt.date
    previous_day: dt.date | None
    questions: list[Question]

    @property
    def answered(self) -> list[Question]:
        return [q for q in self.questions if q.answer is not None]

    @property
    def open(self) -> list[Question]:
        return [q for q in self.questions if q.answer is None]

    @property
    def complete(self) -> bool:
        return bool(self.questions) and not self.open

    @property
    def can_copy(self) -> bool:
        """Whether "same as yesterday" would fill at least one open question."""
        return any(q.previous is not None for q in self.open)

    @property
    def previous_is_yesterday(self) -> bool:
        return self.previous_day == self.day - dt.timedelta(days=1)

    @property
    def copied(self) -> list[Observation]:
        """Today's answers that "same as yesterday" gave (what its Undo takes back)."""
        return [q.answer for q in self.answered if q.answer is not None and q.answer.copied]

    def first_open_number(self) -> int:
        """Where to resume: the first unanswered question, or the summary after the last."""
        return self.open[0].number if self.open else len(self.questions) + 1


def checkin_state(*, circle: Circle, viewer: User, day: dt.date | None = None) -> CheckinState:
    """Today's questions with today's answers and the last earlier check-in's answers."""
    require(viewer, circle, Action.READ)
    day = day or today(circle)
    trackables = checkin_questions(circle)
    answers = answers_on(circle, day, trackables)
    previous_day, previous = previous_check_in(circle, day, trackables)
    questions = [
        Question(
            number=i,
            trackable=t,
            answer=answers.get(t.pk),
            previous=previous.get(t.pk),
        )
        for i, t in enumerate(trackables, start=1)
    ]
    return CheckinState(day=day, previous_day=previous_day, questions=questions)


def latest_answers(
    *, circle: Circle, viewer: User, before: dt.date
) -> tuple[dt.date | None, dict[int, Observation]]:
    """The latest check-in day before ``before`` and its answers, by trackable id."""
    require(viewer, circle, Action.READ)
    return previous_check_in(circle, before, checkin_questions(circle))


def person_name(*, circle: Circle, viewer: User) -> str:
    """Whom a proxy answers for: the circle's person living with ALS."""
    require(viewer, circle, Action.READ)
    person = (
        Membership.objects.filter(circle=circle, role=Role.PERSON, revoked_at__isnull=True)
        .select_related("user")
        .order_by("joined_at")
        .first()
    )
    return person.name if person else _("the person living with ALS")


# --- observations and notes over time --------------------------------------------------------


def observations_between(
    *,
    circle: Circle,
    viewer: User,
    start: dt.date,
    end: dt.date,
    trackable: Trackable | None = None,
) -> QuerySet[Observation]:
    """Ratings and measurements of circle days ``start``…``end`` (inclusive), in time order.

    With ``trackable``, only that version of it: a rescaled question's versions are different
    scales and are never mixed silently.
    """
    require(viewer, circle, Action.READ)
    rows = Observation.objects.filter(circle=circle, day__gte=start, day__lte=end)
    if trackable is not None:
        rows = rows.filter(trackable=trackable)
    return rows.select_related("trackable", "rater__user").order_by("day", "recorded_at", "id")


def notes_between(*, circle: Circle, viewer: User, start: dt.date, end: dt.date) -> QuerySet[Note]:
    require(viewer, circle, Action.READ)
    return (
        Note.objects.filter(circle=circle, day__gte=start, day__lte=end)
        .select_related("author__user")
        .order_by("day", "recorded_at", "id")
    )


def recent_measurements(*, circle: Circle, viewer: User, limit: int = 30) -> list[Observation]:
    """The latest measurements, newest first (the measurements page's list)."""
    require(viewer, circle, Action.READ)
    return list(
        Observation.objects.filter(circle=circle, trackable__kind=Trackable.Kind.MEASUREMENT)
        .select_related("trackable", "rater__user")
        .order_by("-recorded_at", "-id")[:limit]
    )


def recent_notes(*, circle: Circle, viewer: User, limit: int = 20) -> list[Note]:
    require(viewer, circle, Action.READ)
    return list(
        Note.objects.filter(circle=circle)
        .select_related("author__user")
        .order_by("-recorded_at", "-id")[:limit]
    )


# --- trackables ------------------------------------------------------------------------------


def active_trackables(
    *, circle: Circle, viewer: User, kind: str | None = None
) -> QuerySet[Trackable]:
    """The trackables in use (current versions, shown), in the circle's order."""
    require(viewer, circle, Action.READ)
    rows = Trackable.objects.filter(circle=circle, active=True)
    if kind is not None:
        rows = rows.filter(kind=kind)
    return rows.order_by("position", "id")


def hidden_trackables(*, circle: Circle, viewer: User) -> list[Trackable]:
    """Hidden trackables that can be shown again (not versions replaced by a newer scale)."""
    require(viewer, circle, Action.READ)
    replaced = Trackable.objects.filter(circle=circle, previous__isnull=False).values("previous_id")
    return list(
        Trackable.objects.filter(circle=circle, active=False)
        .exclude(pk__in=replaced)
        .order_by("position", "id")
    )


def trackable_in(*, circle: Circle, viewer: User, trackable_id: object) -> Trackable:
    """A trackable of this circle, whatever id a form sends (404 otherwise)."""
    require(viewer, circle, Action.READ)
    found = Trackable.objects.filter(circle=circle, pk=_id(trackable_id)).first()
    if found is None:
        raise Http404("No such trackable")
    return found


def observation_in(*, circle: Circle, viewer: User, observation_id: object) -> Observation:
    require(viewer, circle, Action.READ)
    found = (
        Observation.objects.filter(circle=circle, pk=_id(observation_id))
        .select_related("trackable")
        .first()
    )
    if found is None:
        raise Http404("No such observation")
    return found


def note_in(*, circle: Circle, viewer: User, note_id: object) -> Note:
    require(viewer, circle, Action.READ)
    found = Note.objects.filter(circle=circle, pk=_id(note_id)).first()
    if found is None:
        raise Http404("No such note")
    return found


def _id(value: object) -> int:
    try:
        number = int(str(value))
    except ValueError:
        raise Http404("Not an id") from None
    if not 0 < number < 2**53:
        raise Http404("Not an id")
    return number
