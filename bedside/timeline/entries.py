"""The timeline's days: what was logged on each circle day, ready for the template.

Rows are grouped by their stored circle ``day`` (set when they were logged, with the circle's
day boundary), so a massage at 00:30 sits under the evening before; its time is shown with
"after midnight" so nobody thinks it is a mistake.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.care.models import Occurrence, Session
from bedside.care.regions import region_labels
from bedside.checkins.models import Note, Observation, Trackable
from bedside.circles.days import day_start
from bedside.circles.models import Circle

from . import formatting as fmt


@dataclass(frozen=True)
class Stamp:
    """A moment within a day: sort key, machine-readable value and the localized label."""

    instant: dt.datetime
    iso: str = ""
    label: str = ""
    after_midnight: bool = False


@dataclass(frozen=True)
class CareItem:
    """A session, or a missed or skipped occurrence (``status`` says which)."""

    status: str  # "done", "missed" or "skipped"
    technique: str
    at: Stamp
    who: str = ""
    minutes: str = ""
    regions: tuple[str, ...] = ()
    pressure: str = ""
    tolerance: str = ""
    ratings: tuple[str, ...] = ()
    reason: str = ""
    note: str = ""


@dataclass(frozen=True)
class ObservationItem:
    label: str
    value: str
    at: Stamp
    who: str = ""
    proxy: bool = False
    note: str = ""


@dataclass(frozen=True)
class NoteItem:
    text: str
    at: Stamp
    who: str = ""


@dataclass
class Day:
    day: dt.date
    label: str
    relative: str = ""
    care: list[CareItem] = field(default_factory=list)
    ratings: list[ObservationItem] = field(default_factory=list)
    measurements: list[ObservationItem] = field(default_factory=list)
    notes: list[NoteItem] = field(default_factory=list)

    @property
    def empty(self) -> bool:
        return not (self.care or self.ratings or self.measurements or self.notes)


def _stamp(circle: Circle, day: dt.date, instant: dt.datetime | None, has_time: bool) -> Stamp:
    if instant is None or not has_time:
        return Stamp(instant=instant or day_start(circle, day))
    local = fmt.local(circle, instant)
    return Stamp(
        instant=instant,
        iso=local.isoformat(timespec="minutes"),
        label=fmt.time_label(circle, instant),
        after_midnight=local.date() > day,
    )


def _session_ratings(session: Session) -> tuple[str, ...]:
    """ "Breathing ease: 4 before, 6 after" — one line per trackable rated around the session."""
    by_trackable: dict[int, dict[str, str]] = {}
    labels: dict[int, Trackable] = {}
    for rating in session.ratings.all():
        labels[rating.trackable_id] = rating.trackable
        by_trackable.setdefault(rating.trackable_id, {})[rating.when] = fmt.with_unit(
            rating.value, rating.trackable
        )
    lines = []
    for trackable_id, values in by_trackable.items():
        label = labels[trackable_id].label
        if "before" in values and "after" in values:
            text = _("%(label)s: %(before)s before, %(after)s after")
        elif "before" in values:
            text = _("%(label)s: %(before)s before")
        else:
            text = _("%(label)s: %(after)s after")
        lines.append(text % {"label": label, **values})
    return tuple(lines)


def session_item(circle: Circle, session: Session) -> CareItem:
    minutes = (
        ngettext("%(n)d minute", "%(n)d minutes", session.minutes) % {"n": session.minutes}
        if session.minutes
        else ""
    )
    return CareItem(
        status="done",
        technique=session.technique.label,
        at=_stamp(circle, session.day, session.performed_at, session.has_time),
        who=fmt.member_name(session.performed_by, session.by_name),
        minutes=minutes,
        regions=tuple(region_labels(list(session.regions or []))),
        pressure=session.get_pressure_display() if session.pressure else "",
        tolerance=session.get_tolerance_display() if session.tolerance else "",
        ratings=_session_ratings(session),
        note=session.note,
    )


def occurrence_item(circle: Circle, occurrence: Occurrence) -> CareItem:
    who = occurrence.by_name or (str(occurrence.changed_by) if occurrence.changed_by else "")
    if occurrence.status == Occurrence.Status.MISSED:
        who = occurrence.by_name  # missed is closed by the system, not by a person
    return CareItem(
        status=occurrence.status,
        technique=occurrence.technique.label,
        at=_stamp(circle, occurrence.day, occurrence.due_at, occurrence.due_at is not None),
        who=who,
        reason=occurrence.reason,
        note=occurrence.note,
    )


def observation_item(circle: Circle, observation: Observation) -> ObservationItem:
    return ObservationItem(
        label=observation.trackable.label,
        value=fmt.with_unit(observation.value, observation.trackable),
        at=_stamp(circle, observation.day, observation.recorded_at, observation.has_time),
        who=fmt.member_name(observation.rater, observation.by_name),
        proxy=observation.proxy,
        note=observation.note,
    )


def note_item(circle: Circle, note: Note) -> NoteItem:
    return NoteItem(
        text=note.text,
        at=_stamp(circle, note.day, note.recorded_at, note.has_time),
        who=fmt.member_name(note.author, note.by_name),
    )


def build_days(
    *,
    circle: Circle,
    days: list[dt.date],
    today: dt.date,
    sessions: list[Session],
    occurrences: list[Occurrence],
    observations: list[Observation],
    notes: list[Note],
) -> list[Day]:
    """One :class:`Day` per date in ``days`` (in that order), each with its entries in time order."""
    by_day = {day: Day(day=day, label=fmt.day_label(day)) for day in days}
    for entry in by_day.values():
        if entry.day == today:
            entry.relative = _("today")
        elif entry.day == today - dt.timedelta(days=1):
            entry.relative = _("yesterday")
    for session in sessions:
        if session.day in by_day:
            by_day[session.day].care.append(session_item(circle, session))
    for occurrence in occurrences:
        if occurrence.day in by_day:
            by_day[occurrence.day].care.append(occurrence_item(circle, occurrence))
    for observation in observations:
        if observation.day in by_day:
            item = observation_item(circle, observation)
            if observation.trackable.kind == Trackable.Kind.MEASUREMENT:
                by_day[observation.day].measurements.append(item)
            else:
                by_day[observation.day].ratings.append(item)
    for note in notes:
        if note.day in by_day:
            by_day[note.day].notes.append(note_item(circle, note))
    for entry in by_day.values():
        entry.care.sort(key=lambda item: item.at.instant)
    return [by_day[day] for day in days]
