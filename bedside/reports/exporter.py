"""Export a circle: its events in the interchange format, or everything as one JSON document.

The CSV export is what :func:`bedside.reports.importer.events_import` reads, so exporting a
circle and importing the file into an empty one (with ``create``) reproduces the same rows.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from django.db import models
from django.utils import timezone

from bedside.care.models import Occurrence, Routine, Session, SessionRating, Technique
from bedside.checkins.models import Note, Observation, Trackable
from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import local_time
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action
from bedside.interchange import Event, format_ratings

JSON_FORMAT = "bedside-circle"
JSON_VERSION = 1

# Other apps (progression, experiments …) add their own sections to the JSON export here, in
# their AppConfig.ready: ``JSON_SECTIONS.append(("assessments", assessments_for_export))``.
JSON_SECTIONS: list[tuple[str, Callable[[Circle], Any]]] = []


def _member_name(membership: Membership | None, by_name: str) -> str:
    return str(membership.user) if membership is not None else by_name


def _time(circle: Circle, instant: dt.datetime | None, has_time: bool = True) -> dt.time | None:
    return local_time(circle, instant) if instant is not None and has_time else None


def _sort_key(boundary: dt.time) -> Callable[[Event], tuple[Any, ...]]:
    """Day, then time within the circle day (00:30 after 23:00; untimed first), kind, name —
    then every other cell, so ties are broken the same way on every export."""
    start = boundary.hour * 60 + boundary.minute

    def key(event: Event) -> tuple[Any, ...]:
        minute = -1
        if event.time is not None:
            minute = (event.time.hour * 60 + event.time.minute - start) % (24 * 60)
        return (
            event.date,
            minute,
            event.kind,
            event.name,
            -1.0 if event.value is None else event.value,
            event.unit,
            event.by,
            event.note,
            tuple(sorted(event.extra.items())),
        )

    return key


def _pairs(ratings: list[SessionRating]) -> str:
    return format_ratings((r.trackable.name, r.value) for r in ratings)


def _session_events(circle: Circle) -> list[Event]:
    ratings: dict[int, list[SessionRating]] = {}
    for rating in SessionRating.objects.filter(circle=circle).select_related("trackable"):
        ratings.setdefault(rating.session_id, []).append(rating)
    events = []
    for s in Session.objects.filter(circle=circle).select_related(
        "technique", "performed_by__user"
    ):
        mine = ratings.get(s.pk, [])
        extra = {
            "regions": ";".join(s.regions or []),
            "pressure": s.pressure,
            "tolerance": s.tolerance,
            "before": _pairs([r for r in mine if r.when == SessionRating.When.BEFORE]),
            "after": _pairs([r for r in mine if r.when == SessionRating.When.AFTER]),
        }
        events.append(
            Event(
                0,
                s.day,
                _time(circle, s.performed_at, s.has_time),
                "session",
                s.technique.name,
                s.minutes,
                "min" if s.minutes is not None else "",
                _member_name(s.performed_by, s.by_name),
                s.note,
                {k: v for k, v in extra.items() if v},
            )
        )
    return events


def _occurrence_events(circle: Circle) -> list[Event]:
    statuses = [Occurrence.Status.MISSED, Occurrence.Status.SKIPPED]
    return [
        Event(
            0,
            o.day,
            _time(circle, o.due_at),
            o.status,
            o.technique.name,
            None,
            "",
            o.by_name or (str(o.changed_by) if o.changed_by is not None else ""),
            o.reason or o.note,
        )
        for o in Occurrence.objects.filter(circle=circle, status__in=statuses).select_related(
            "technique", "changed_by"
        )
    ]


def _observation_events(circle: Circle) -> list[Event]:
    return [
        Event(
            0,
            o.day,
            _time(circle, o.recorded_at, o.has_time),
            o.trackable.kind,
            o.trackable.name,
            o.value,
            o.trackable.unit,
            _member_name(o.rater, o.by_name),
            o.note,
            {"proxy": "yes"} if o.proxy else {},
        )
        for o in Observation.objects.filter(circle=circle).select_related(
            "trackable", "rater__user"
        )
    ]


def _note_events(circle: Circle) -> list[Event]:
    return [
        Event(
            0,
            n.day,
            _time(circle, n.recorded_at, n.has_time),
            "note",
            "",
            None,
            "",
            _member_name(n.author, n.by_name),
            n.text,
        )
        for n in Note.objects.filter(circle=circle).select_related("author__user")
    ]


def circle_events(circle: Circle, *, notes: bool = True) -> list[Event]:
    """The circle's record as interchange events, in file order. NOT scoped or audited:
    the caller has already checked the viewer's right (the analysis of "What helps" reads
    exactly what an export would contain, for members who may read but not export).
    """
    events = [
        *_session_events(circle),
        *_occurrence_events(circle),
        *_observation_events(circle),
        *(_note_events(circle) if notes else []),
    ]
    events.sort(key=_sort_key(circle.day_boundary))
    return events


def events_export(*, actor: User, circle: Circle) -> list[Event]:
    """Every session, missed and skipped occurrence, rating, measurement and note, in order:
    by circle day, then time within the day (untimed rows first), kind and name.

    Sessions carry the extras ``regions``, ``pressure``, ``tolerance``, ``before`` and ``after``;
    ratings and measurements ``proxy``. Line numbers are those of the written file.
    """
    require(actor, circle, Action.EXPORT)
    events = circle_events(circle)
    audit(actor=actor, circle=circle, action="export", target=f"csv:{len(events)}")
    return [
        Event(i + 2, e.date, e.time, e.kind, e.name, e.value, e.unit, e.by, e.note, e.extra)
        for i, e in enumerate(events)
    ]


# --- JSON: everything in the circle --------------------------------------------------------


def _plain(value: Any) -> Any:
    """A field's value as JSON: ISO dates and times; lists and dicts (JSON fields) as they are."""
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return value


def _rows(
    model: type[models.Model],
    circle: Circle,
    members: dict[int, int],
    extra: Callable[[Any], dict[str, Any]] | None = None,
) -> list[dict[str, Any]]:
    """Every row of ``model`` in the circle, every column but the circle.

    Fields are read from the model, so a column added later is exported without a change here.
    Links to other rows are their ids; links to accounts (``created_by``, ``changed_by``) become
    the member id of that account in this circle (or null), never the account itself.
    """
    fields = [f for f in model._meta.concrete_fields if f.name != "circle"]
    rows = []
    for obj in model._default_manager.filter(circle=circle).order_by("pk"):
        row = {}
        for f in fields:
            value = getattr(obj, f.attname)
            if f.is_relation and f.related_model is User:
                value = members.get(value) if value is not None else None
            row[f.name] = _plain(value)
        if extra is not None:
            row.update(extra(obj))
        rows.append(row)
    return rows


def _circle(circle: Circle) -> dict[str, Any]:
    # Named fields, not every column: a circle may come to hold secrets (a calendar-feed token).
    return {
        "name": circle.name,
        "slug": circle.slug,
        "timezone": circle.timezone,
        "day_boundary": _plain(circle.day_boundary),
        "symptom_onset": _plain(circle.symptom_onset),
        "diagnosis_date": _plain(circle.diagnosis_date),
        "created_at": _plain(circle.created_at),
    }


def _members(circle: Circle) -> list[dict[str, Any]]:
    # Names and roles only: password hashes, e-mail addresses and sign-in details are account
    # data, not the circle's record, and a file handed to a clinic must not carry them.
    return [
        {
            "id": m.pk,
            "name": str(m.user),
            "username": m.user.username,
            "role": m.role,
            "joined_at": _plain(m.joined_at),
            "revoked_at": _plain(m.revoked_at),
        }
        for m in Membership.objects.filter(circle=circle).select_related("user").order_by("pk")
    ]


def _more_models() -> list[tuple[str, type[models.Model]]]:
    """The progression record and the family's report texts, exported row by row too."""
    from bedside.progression.models import (
        ALSFRSAssessment,
        BreathingTest,
        JointRange,
        ProgressionSettings,
    )

    from .models import ReportNote

    return [
        ("progression_settings", ProgressionSettings),
        ("alsfrs_assessments", ALSFRSAssessment),
        ("joint_ranges", JointRange),
        ("breathing_tests", BreathingTest),
        ("report_notes", ReportNote),
    ]


def circle_export_json(*, actor: User, circle: Circle) -> dict[str, Any]:
    """Everything in the circle as one JSON-ready document.

    Sections: ``circle`` (settings), ``members`` (names and roles), ``techniques``, ``routines``,
    ``occurrences``, ``sessions`` (each with its before/after ``ratings``), ``trackables`` (every
    version), ``observations``, ``notes``, the progression record (``alsfrs_assessments``,
    ``joint_ranges``, ``breathing_tests``, ``progression_settings``), ``report_notes``, plus what
    other apps add to :data:`JSON_SECTIONS`.
    Rows refer to each other by ``id``; ``performed_by``, ``rater``, ``author``, ``assignee``,
    ``created_by`` and ``changed_by`` are member ids. Left out on purpose: password hashes, e-mail
    addresses, invitations (their links are secrets) and the audit trail (it records members'
    network addresses).
    """
    require(actor, circle, Action.EXPORT)
    members = dict(Membership.objects.filter(circle=circle).values_list("user_id", "pk"))
    ratings: dict[int, list[dict[str, Any]]] = {}
    for rating in _rows(SessionRating, circle, members):
        ratings.setdefault(rating.pop("session"), []).append(rating)
    document: dict[str, Any] = {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "exported_at": _plain(timezone.now()),
        "circle": _circle(circle),
        "members": _members(circle),
        "techniques": _rows(Technique, circle, members, lambda t: {"label": t.label}),
        "routines": _rows(Routine, circle, members),
        "occurrences": _rows(Occurrence, circle, members),
        "sessions": _rows(Session, circle, members, lambda s: {"ratings": ratings.get(s.pk, [])}),
        "trackables": _rows(Trackable, circle, members, lambda t: {"label": t.label}),
        "observations": _rows(Observation, circle, members),
        "notes": _rows(Note, circle, members),
    }
    for key, model in _more_models():
        document[key] = _rows(model, circle, members)
    for key, section in JSON_SECTIONS:
        document[key] = section(circle)
    audit(actor=actor, circle=circle, action="export", target="json")
    return document
