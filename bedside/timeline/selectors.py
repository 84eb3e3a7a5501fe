"""Scoped reads for the timeline and the charts.

Every function checks that the viewer may read the circle (``require`` → 404 for outsiders and
revoked members) and filters by the circle, so an id from the address bar never reaches
another circle's data. Related rows are joined up front (``select_related``/``prefetch``) so a
page costs the same few queries however much was logged.

The care and checkins apps have selectors with the same names. These stay separate for now
because the timeline orders before/after ratings by the check-in order, skips the ratings
prefetch for charts and checks the right once per page (``entries_between``); folding them
into the apps' selectors with those options is a worthwhile clean-up.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Min, Prefetch
from django.http import Http404

from bedside.care.models import Occurrence, Session, SessionRating, Technique
from bedside.checkins.models import Note, Observation, Trackable
from bedside.circles.access import require
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action

# Occurrences the timeline lists: done ones are their sessions, due ones are not history yet.
CLOSED: tuple[str, ...] = (Occurrence.Status.MISSED, Occurrence.Status.SKIPPED)


@dataclass(frozen=True)
class Entries:
    """Everything the timeline lists for a run of days."""

    sessions: list[Session]
    occurrences: list[Occurrence]
    observations: list[Observation]
    notes: list[Note]


def entries_between(*, circle: Circle, viewer: User, start: dt.date, end: dt.date) -> Entries:
    """Sessions, missed/skipped occurrences, observations and notes of ``start``…``end``.

    One permission check and five queries, whatever the number of rows.
    """
    require(viewer, circle, Action.READ)
    return Entries(
        sessions=_sessions(circle, start, end, with_ratings=True),
        occurrences=_occurrences(circle, start, end, CLOSED),
        observations=_observations(circle, start, end, None),
        notes=_notes(circle, start, end),
    )


def sessions_between(
    *, circle: Circle, viewer: User, start: dt.date, end: dt.date, with_ratings: bool = True
) -> list[Session]:
    """Sessions of circle days ``start``…``end`` (inclusive), in time order."""
    require(viewer, circle, Action.READ)
    return _sessions(circle, start, end, with_ratings=with_ratings)


def _sessions(circle: Circle, start: dt.date, end: dt.date, *, with_ratings: bool) -> list[Session]:
    sessions = (
        Session.objects.filter(circle=circle, day__gte=start, day__lte=end)
        .select_related("technique", "performed_by__user")
        .order_by("day", "performed_at", "id")
    )
    if with_ratings:
        ratings = SessionRating.objects.filter(circle=circle).select_related("trackable")
        sessions = sessions.prefetch_related(
            Prefetch("ratings", queryset=ratings.order_by("trackable__position", "id"))
        )
    return list(sessions)


def occurrences_between(
    *,
    circle: Circle,
    viewer: User,
    start: dt.date,
    end: dt.date,
    statuses: tuple[str, ...] = CLOSED,
) -> list[Occurrence]:
    """Occurrences with one of ``statuses`` (by default the missed and skipped ones)."""
    require(viewer, circle, Action.READ)
    return _occurrences(circle, start, end, statuses)


def _occurrences(
    circle: Circle, start: dt.date, end: dt.date, statuses: tuple[str, ...]
) -> list[Occurrence]:
    return list(
        Occurrence.objects.filter(circle=circle, day__gte=start, day__lte=end, status__in=statuses)
        .select_related("technique", "routine", "changed_by")
        .order_by("day", "due_at", "id")
    )


def observations_between(
    *,
    circle: Circle,
    viewer: User,
    start: dt.date,
    end: dt.date,
    trackable: Trackable | None = None,
) -> list[Observation]:
    """Ratings and measurements of the days ``start``…``end``, optionally of one trackable."""
    require(viewer, circle, Action.READ)
    return _observations(circle, start, end, trackable)


def _observations(
    circle: Circle, start: dt.date, end: dt.date, trackable: Trackable | None
) -> list[Observation]:
    observations = Observation.objects.filter(circle=circle, day__gte=start, day__lte=end)
    if trackable is not None:
        observations = observations.filter(trackable=trackable)
    return list(
        observations.select_related("trackable", "rater__user").order_by("day", "recorded_at", "id")
    )


def notes_between(*, circle: Circle, viewer: User, start: dt.date, end: dt.date) -> list[Note]:
    require(viewer, circle, Action.READ)
    return _notes(circle, start, end)


def _notes(circle: Circle, start: dt.date, end: dt.date) -> list[Note]:
    return list(
        Note.objects.filter(circle=circle, day__gte=start, day__lte=end)
        .select_related("author__user")
        .order_by("day", "recorded_at", "id")
    )


def first_day(*, circle: Circle, viewer: User) -> dt.date | None:
    """The earliest circle day with anything logged, or None for an empty record."""
    require(viewer, circle, Action.READ)
    found = [
        model.objects.filter(circle=circle, **extra).aggregate(first=Min("day"))["first"]
        for model, extra in (
            (Session, {}),
            (Occurrence, {"status__in": CLOSED}),
            (Observation, {}),
            (Note, {}),
        )
    ]
    days = [d for d in found if d is not None]
    return min(days) if days else None


def trackables_for(*, circle: Circle, viewer: User) -> list[Trackable]:
    """The circle's active trackables in their display order."""
    require(viewer, circle, Action.READ)
    return list(Trackable.objects.filter(circle=circle, active=True).order_by("position", "id"))


def trackable_for(*, circle: Circle, viewer: User, trackable_id: int) -> Trackable:
    """One trackable of this circle (any version, active or not), or 404."""
    require(viewer, circle, Action.READ)
    trackable = (
        Trackable.objects.filter(circle=circle, pk=trackable_id).select_related("previous").first()
    )
    if trackable is None:
        raise Http404("No such trackable")
    return trackable


def newer_version_of(*, circle: Circle, viewer: User, trackable: Trackable) -> Trackable | None:
    """The version that replaced ``trackable`` after a change of scale, if any."""
    require(viewer, circle, Action.READ)
    return Trackable.objects.filter(circle=circle, previous=trackable).order_by("-version").first()


def technique_for(*, circle: Circle, viewer: User, technique_id: int) -> Technique | None:
    """One technique of this circle, or None (a stale or foreign id in a filter)."""
    require(viewer, circle, Action.READ)
    return Technique.objects.filter(circle=circle, pk=technique_id).first()
