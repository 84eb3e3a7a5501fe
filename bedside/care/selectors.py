"""Scoped reads for the care plan and the session log.

Every function takes the viewer (a user) and refuses anyone who is not an active member of the
circle (404), so a read can never leak across circles. Querysets come with their related rows
selected, ready for templates, the timeline and exports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q, QuerySet

from bedside.checkins.models import Trackable
from bedside.circles.access import require
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action

from .models import Occurrence, Routine, Session, SessionRating, Technique


def _sessions(circle: Circle) -> QuerySet[Session]:
    return (
        Session.objects.filter(circle=circle)
        .select_related("technique", "routine", "occurrence", "performed_by__user", "created_by")
        .prefetch_related(
            Prefetch(
                "ratings",
                queryset=SessionRating.objects.select_related("trackable").order_by("when", "id"),
            )
        )
    )


def _occurrences(circle: Circle) -> QuerySet[Occurrence]:
    return (
        Occurrence.objects.filter(circle=circle)
        .select_related(
            "technique", "routine", "routine__technique", "routine__assignee__user", "changed_by"
        )
        .prefetch_related(
            Prefetch(
                "sessions",
                queryset=Session.objects.select_related(
                    "performed_by__user", "created_by"
                ).order_by("performed_at", "id"),
            )
        )
    )


def sessions_between(
    *, circle: Circle, viewer: User, start: dt.date, end: dt.date
) -> QuerySet[Session]:
    """Sessions whose circle day is from ``start`` to ``end`` (both included), oldest first."""
    require(viewer, circle, Action.READ)
    return (
        _sessions(circle).filter(day__gte=start, day__lte=end).order_by("day", "performed_at", "id")
    )


def occurrences_between(
    *,
    circle: Circle,
    viewer: User,
    start: dt.date,
    end: dt.date,
    statuses: tuple[str, ...] | None = None,
) -> QuerySet[Occurrence]:
    """Occurrences (due, done, skipped, missed) of circle days ``start`` to ``end`` inclusive.

    Pass ``statuses=("missed", "skipped")`` for what was not done.
    """
    require(viewer, circle, Action.READ)
    rows = _occurrences(circle).filter(day__gte=start, day__lte=end)
    if statuses is not None:
        rows = rows.filter(status__in=statuses)
    return rows.order_by("day", "due_at", "id")


def session_for(*, circle: Circle, viewer: User, pk: int) -> Session | None:
    require(viewer, circle, Action.READ)
    return _sessions(circle).filter(pk=pk).first()


def occurrence_for(*, circle: Circle, viewer: User, pk: int) -> Occurrence | None:
    require(viewer, circle, Action.READ)
    return _occurrences(circle).filter(pk=pk).first()


def techniques_for(
    *, circle: Circle, viewer: User, include_inactive: bool = False
) -> list[Technique]:
    """The circle's techniques, sorted by their label in the viewer's language."""
    require(viewer, circle, Action.READ)
    rows = Technique.objects.filter(circle=circle)
    if not include_inactive:
        rows = rows.filter(active=True)
    return sorted(rows, key=lambda t: (not t.active, t.label.casefold()))


def rating_trackables(*, circle: Circle, viewer: User) -> QuerySet[Trackable]:
    """The circle's current 0–10 style ratings, for before/after ratings of a session."""
    require(viewer, circle, Action.READ)
    return Trackable.objects.filter(circle=circle, kind=Trackable.Kind.RATING, active=True)


def routines_for(*, circle: Circle, viewer: User, ended: bool = False) -> QuerySet[Routine]:
    """The care plan by time of day: current routines, or (``ended=True``) the ended ones."""
    require(viewer, circle, Action.READ)
    return (
        Routine.objects.filter(circle=circle, active=not ended)
        .select_related("technique", "assignee__user")
        .order_by("time_of_day", "id")
    )


def routine_for(*, circle: Circle, viewer: User, pk: int) -> Routine | None:
    require(viewer, circle, Action.READ)
    return Routine.objects.filter(circle=circle, pk=pk).select_related("technique").first()


def members_who(*, circle: Circle, viewer: User) -> QuerySet[Membership]:
    """Active members who can be given a routine (everyone who may log care)."""
    require(viewer, circle, Action.READ)
    return (
        Membership.objects.filter(circle=circle, revoked_at__isnull=True)
        .exclude(role="viewer")
        .select_related("user")
        .order_by("user__display_name", "user__username")
    )


def is_for(occurrence: Occurrence, membership: Membership) -> bool:
    """Is this occurrence the viewer's to do? Assigned to them, to their role, or to anyone.
    A routine whose assignee has left the circle is anyone's, so it is not lost."""
    routine = occurrence.routine
    if routine is None:
        return True
    assignee = routine.assignee
    if assignee is not None and assignee.revoked_at is None:
        return assignee.pk == membership.pk
    return not routine.assignee_role or routine.assignee_role == membership.role


@dataclass(frozen=True)
class TonightNote:
    """An instruction for tonight from another app (e.g. "Experiment night: no massage gun").

    A note with a ``routine_id`` is also shown on that routine's row in the list.
    """

    text: str
    kind: str = "info"  # "on", "off" or "info": how the list styles it
    routine_id: int | None = None
    url: str = ""
    link_text: str = ""


# Other apps add instructions to tonight's list here, in their AppConfig.ready:
# ``TONIGHT_NOTES.append(provider)`` with ``provider(circle, membership, day) -> list[TonightNote]``.
TONIGHT_NOTES: list[Callable[[Circle, Membership, dt.date], list[TonightNote]]] = []


@dataclass
class Tonight:
    """What tonight's list shows one member."""

    day: dt.date
    mine: list[Occurrence] = field(default_factory=list)
    others: list[Occurrence] = field(default_factory=list)
    previous: list[Occurrence] = field(default_factory=list)  # last night's missed and skipped
    extra: list[Session] = field(default_factory=list)  # sessions logged without a routine
    notes: list[TonightNote] = field(default_factory=list)  # instructions from other apps


def tonight_for(*, circle: Circle, viewer: User, day: dt.date) -> Tonight:
    """Tonight's list for ``viewer``: their items first, everyone else's after."""
    membership = require(viewer, circle, Action.READ)
    result = Tonight(day=day)
    for occurrence in _occurrences(circle).filter(day=day).order_by("due_at", "id"):
        (result.mine if is_for(occurrence, membership) else result.others).append(occurrence)
    result.previous = list(
        _occurrences(circle)
        .filter(
            day=day - dt.timedelta(days=1),
            status__in=[Occurrence.Status.MISSED, Occurrence.Status.SKIPPED],
        )
        .order_by("due_at", "id")
    )
    result.extra = list(
        _sessions(circle).filter(day=day, occurrence__isnull=True).order_by("performed_at", "id")
    )
    for provider in TONIGHT_NOTES:
        result.notes.extend(provider(circle, membership, day))
    by_routine: dict[int, list[TonightNote]] = {}
    for note in result.notes:
        if note.routine_id is not None:
            by_routine.setdefault(note.routine_id, []).append(note)
    for occurrence in result.mine + result.others:
        occurrence.tonight_notes = by_routine.get(occurrence.routine_id or 0, [])  # type: ignore[attr-defined]
    return result


def due_count(*, circle: Circle, viewer: User, day: dt.date) -> int:
    """How many of the viewer's items are still due on ``day`` (for a badge or a reminder)."""
    membership = require(viewer, circle, Action.READ)
    return Occurrence.objects.filter(
        mine_filter(membership), circle=circle, day=day, status=Occurrence.Status.DUE
    ).count()


def mine_filter(membership: Membership) -> Q:
    """The same rule as :func:`is_for`, as a query (for callers that count in the database)."""
    anyone = Q(routine__assignee__isnull=True) | Q(routine__assignee__revoked_at__isnull=False)
    return (
        Q(routine__isnull=True)
        | Q(routine__assignee=membership)
        | (anyone & (Q(routine__assignee_role="") | Q(routine__assignee_role=membership.role)))
    )
