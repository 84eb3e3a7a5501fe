"""Import interchange events into a circle: all of them, or — if any row is bad — none.

Every row is checked against the circle first (:mod:`bedside.reports.import_checks`); one bad
row refuses the whole file with every problem listed by line, and nothing is written. A good file
is written in one transaction with bulk inserts, so 180 days of history take well under a second.
Rows the log already holds are skipped and counted (:mod:`bedside.reports.import_duplicates`), so
importing the same file twice does not double anything.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.care.models import Occurrence, Session, SessionRating, Technique
from bedside.checkins.models import Note, Observation, Trackable
from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import instant_at
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.interchange import Event, InterchangeError, read_events

from .import_checks import Checked, ImportPlan
from .import_duplicates import drop_logged

NOON = dt.time(12, 0)
REASON_LENGTH = 200  # Occurrence.reason; longer text goes to the occurrence's note
BATCH = 500


@dataclass
class ImportResult:
    """What one import wrote."""

    sessions: int = 0
    missed: int = 0
    skipped: int = 0
    ratings: int = 0
    measurements: int = 0
    notes: int = 0
    session_ratings: int = 0
    already: int = 0  # rows of the file the log already held (not written again)
    created_techniques: list[str] = field(default_factory=list)
    created_trackables: list[str] = field(default_factory=list)

    @property
    def events(self) -> int:
        return (
            self.sessions
            + self.missed
            + self.skipped
            + self.ratings
            + self.measurements
            + self.notes
        )


def events_import(
    *, actor: User, circle: Circle, events: Sequence[Event], create: bool = False
) -> ImportResult:
    """Check every event against ``circle``, then write them all in one transaction.

    Raises :class:`InterchangeError` naming every bad row (and writes nothing) when a technique
    or trackable is unknown (without ``create``), a value is outside its trackable's range, or an
    extra column names something that does not exist. With ``create``, unknown techniques and
    trackables are added to the circle (a rating's scale comes from its unit, e.g. ``0-10``).
    """
    require(actor, circle, Action.EXPORT)
    plan = ImportPlan(circle, create=create)
    checked = plan.check(list(events))
    if plan.errors:
        raise InterchangeError(plan.errors)
    result = ImportResult(
        created_techniques=[t.name for t in plan.new_techniques],
        created_trackables=[f"{t.name} ({t.unit})" for t in plan.new_trackables],
    )
    with transaction.atomic():
        checked, result.already = drop_logged(circle, checked)
        Technique.objects.bulk_create(plan.new_techniques)
        Trackable.objects.bulk_create(plan.new_trackables)
        _write(actor, circle, checked, result)
        audit(actor=actor, circle=circle, action="import", target=f"events:{result.events}")
    return result


def _when(circle: Circle, event: Event) -> tuple[dt.datetime, bool]:
    """The instant of an event and whether the file gave its time (else noon of its day)."""
    if event.time is None:
        return instant_at(circle, event.date, NOON), False
    return instant_at(circle, event.date, event.time), True


def _write(actor: User, circle: Circle, checked: list[Checked], result: ImportResult) -> None:
    sessions: list[tuple[Session, Checked]] = []
    occurrences: list[Occurrence] = []
    observations: list[Observation] = []
    notes: list[Note] = []
    for item in checked:
        event, member = item.event, item.member
        by_name = event.by  # kept as written, like the app keeps a name next to the member
        at, has_time = _when(circle, event)
        if event.kind == "session":
            assert item.technique is not None
            session = Session(
                circle=circle,
                technique=item.technique,
                day=event.date,
                performed_at=at,
                has_time=has_time,
                performed_by=member,
                by_name=by_name,
                minutes=int(event.value) if event.value is not None else None,
                pressure=item.pressure,
                regions=item.regions,
                tolerance=item.tolerance,
                note=event.note,
                created_by=actor,
            )
            sessions.append((session, item))
        elif event.kind in ("missed", "skipped"):
            assert item.technique is not None
            short = len(event.note) <= REASON_LENGTH
            occurrences.append(
                Occurrence(
                    circle=circle,
                    technique=item.technique,
                    day=event.date,
                    due_at=at if has_time else None,
                    status=event.kind,
                    reason=event.note if short else "",
                    note="" if short else event.note,
                    by_name=by_name,
                    changed_by=member.user if member is not None else None,
                )
            )
            setattr(result, event.kind, getattr(result, event.kind) + 1)
        elif event.kind in ("rating", "measurement"):
            assert item.trackable is not None and event.value is not None
            observations.append(
                Observation(
                    circle=circle,
                    trackable=item.trackable,
                    value=event.value,
                    day=event.date,
                    recorded_at=at,
                    has_time=has_time,
                    rater=member,
                    by_name=by_name,
                    proxy=item.proxy,
                    note=event.note,
                    created_by=actor,
                )
            )
            if event.kind == "rating":
                result.ratings += 1
            else:
                result.measurements += 1
        else:  # note
            notes.append(
                Note(
                    circle=circle,
                    day=event.date,
                    recorded_at=at,
                    has_time=has_time,
                    author=member,
                    by_name=by_name,
                    text=event.note,
                    created_by=actor,
                )
            )
    Session.objects.bulk_create([s for s, _ in sessions], batch_size=BATCH)
    session_ratings = [
        SessionRating(circle=circle, session=session, trackable=trackable, when=when, value=value)
        for session, item in sessions
        for when, pairs in (
            (SessionRating.When.BEFORE, item.before),
            (SessionRating.When.AFTER, item.after),
        )
        for trackable, value in pairs
    ]
    SessionRating.objects.bulk_create(session_ratings, batch_size=BATCH)
    Occurrence.objects.bulk_create(occurrences, batch_size=BATCH)
    Observation.objects.bulk_create(observations, batch_size=BATCH)
    Note.objects.bulk_create(notes, batch_size=BATCH)
    result.sessions = len(sessions)
    result.session_ratings = len(session_ratings)
    result.notes = len(notes)


def import_summary(result: ImportResult) -> str:
    """One sentence for the command line and the page: what was written."""
    parts = [
        (result.sessions, ngettext("%(n)d session", "%(n)d sessions", result.sessions)),
        (result.missed, ngettext("%(n)d missed", "%(n)d missed", result.missed)),
        (result.skipped, ngettext("%(n)d skipped", "%(n)d skipped", result.skipped)),
        (result.ratings, ngettext("%(n)d rating", "%(n)d ratings", result.ratings)),
        (
            result.measurements,
            ngettext("%(n)d measurement", "%(n)d measurements", result.measurements),
        ),
        (result.notes, ngettext("%(n)d note", "%(n)d notes", result.notes)),
        (
            result.session_ratings,
            ngettext(
                "%(n)d before/after rating", "%(n)d before/after ratings", result.session_ratings
            ),
        ),
    ]
    detail = ", ".join(text % {"n": n} for n, text in parts if n)
    if result.events:
        sentence = ngettext(
            "Imported %(n)d event (%(detail)s).",
            "Imported %(n)d events (%(detail)s).",
            result.events,
        ) % {"n": result.events, "detail": detail}
    else:
        sentence = _("Nothing new to import.")
    if result.already:
        sentence += " " + ngettext(
            "%(n)d row was already in the log and was not added again.",
            "%(n)d rows were already in the log and were not added again.",
            result.already,
        ) % {"n": result.already}
    if result.created_techniques:
        sentence += " " + _("New techniques: %(names)s.") % {
            "names": ", ".join(result.created_techniques)
        }
    if result.created_trackables:
        sentence += " " + _("New trackables: %(names)s.") % {
            "names": ", ".join(result.created_trackables)
        }
    return sentence


def file_import(*, actor: User, circle: Circle, text: str, create: bool = False) -> ImportResult:
    """Import the text of a CSV file; refuse it naming every bad row, format or circle problem."""
    require(actor, circle, Action.EXPORT)
    try:
        events = read_events(text)
    except InterchangeError as error:
        # Check the rows that parsed against the circle too, so every problem is named at once.
        plan = ImportPlan(circle, create=create)
        plan.check(error.events)
        everything = sorted([*error.errors, *plan.errors], key=lambda e: e.line)
        raise InterchangeError(everything) from None
    return events_import(actor=actor, circle=circle, events=events, create=create)
