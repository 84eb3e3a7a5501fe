"""The session log's write path: done in one activation, adjust, ad-hoc sessions, skip and undo.

Logging needs Action.LOG. Two caregivers may log the same occurrence at the same moment: both
sessions are kept and the occurrence is done — nothing anyone did is ever dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import day_of, instant_at
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, role_can

from ..models import Occurrence, Session, SessionRating, Technique
from .checks import RatingInput, belongs, clean_note, clean_ratings, clean_session_fields

# A late "it was done" for an occurrence without a planned time is put in the evening.
EVENING = dt.time(20, 0)


def _status_when_open(occurrence: Occurrence, now: dt.datetime) -> str:
    """What an occurrence goes back to when a done or skip is undone."""
    if occurrence.day < day_of(occurrence.circle, now):
        return Occurrence.Status.MISSED
    return Occurrence.Status.DUE


def can_change_session(membership: Membership, session: Session) -> bool:
    """Adjusting or undoing a session is for whoever logged or gave it, and for those who plan
    (coordinator, therapist, the person): a caregiver cannot quietly rewrite a colleague's entry."""
    if not role_can(membership.role, Action.LOG):
        return False
    return (
        session.created_by_id == membership.user_id
        or session.performed_by_id == membership.pk
        or role_can(membership.role, Action.PLAN)
    )


def can_unskip(membership: Membership, occurrence: Occurrence) -> bool:
    if not role_can(membership.role, Action.LOG):
        return False
    return occurrence.changed_by_id == membership.user_id or role_can(membership.role, Action.PLAN)


def _refuse_change() -> PermissionDenied:
    return PermissionDenied(_("Only the person who logged this, or a coordinator, can change it."))


def _save_ratings(session: Session, ratings: list[RatingInput]) -> None:
    SessionRating.objects.filter(session=session).delete()
    SessionRating.objects.bulk_create(
        SessionRating(
            circle_id=session.circle_id,
            session=session,
            trackable=r.trackable,
            when=r.when,
            value=r.value,
        )
        for r in ratings
    )


def occurrence_done(
    *, actor: User, occurrence: Occurrence, now: dt.datetime | None = None
) -> Session:
    """One activation: a session exactly as planned (technique, regions, target minutes), by the
    actor, now. For a past day (a missed item marked done late) the session is put at the planned
    time, flagged as not timed."""
    circle = occurrence.circle
    membership = require(actor, circle, Action.LOG)
    now = now or timezone.now()
    current = day_of(circle, now)
    if occurrence.day > current:
        raise ValidationError(_("This is not due yet."))
    routine = occurrence.routine
    if occurrence.day == current:
        performed_at, has_time, day = now, True, day_of(circle, now)
    else:
        performed_at = occurrence.due_at or instant_at(circle, occurrence.day, EVENING)
        has_time, day = False, occurrence.day
    with transaction.atomic():
        session = Session.objects.create(
            circle=circle,
            technique_id=occurrence.technique_id,
            routine=routine,
            occurrence=occurrence,
            day=day,
            performed_at=performed_at,
            has_time=has_time,
            performed_by=membership,
            by_name=membership.name,
            minutes=routine.target_minutes if routine else None,
            regions=list(routine.regions) if routine else [],
            created_by=actor,
            created_at=now,
        )
        # An update, not a save: a second caregiver logging at the same moment must not
        # overwrite anything but the status, which both want to be "done".
        Occurrence.objects.filter(pk=occurrence.pk).update(
            status=Occurrence.Status.DONE,
            reason="",
            reason_code="",
            by_name=membership.name,
            changed_by=actor,
            changed_at=now,
        )
        audit(actor=actor, circle=circle, action="session.done", target=f"session:{session.pk}")
    occurrence.refresh_from_db()
    return session


def session_log(
    *,
    actor: User,
    circle: Circle,
    technique: Technique,
    performed_at: dt.datetime | None = None,
    minutes: int | None = None,
    pressure: str = "",
    tolerance: str = "",
    regions: Iterable[str] | None = None,
    note: str = "",
    ratings: Iterable[RatingInput] = (),
    now: dt.datetime | None = None,
) -> Session:
    """Log care that was not on the plan (or not from tonight's list)."""
    membership = require(actor, circle, Action.LOG)
    now = now or timezone.now()
    belongs(technique, circle, "technique", _("Choose one of the circle's techniques."))
    fields = clean_session_fields(
        minutes=minutes, pressure=pressure, tolerance=tolerance, regions=regions, note=note
    )
    clean = clean_ratings(circle, ratings)
    performed_at = performed_at or now
    if performed_at > now + dt.timedelta(minutes=5):
        raise ValidationError({"time": _("That time has not come yet.")})
    with transaction.atomic():
        session = Session.objects.create(
            circle=circle,
            technique=technique,
            day=day_of(circle, performed_at),
            performed_at=performed_at,
            performed_by=membership,
            by_name=membership.name,
            created_by=actor,
            created_at=now,
            **fields,
        )
        _save_ratings(session, clean)
        audit(actor=actor, circle=circle, action="session.log", target=f"session:{session.pk}")
    return session


def session_adjust(
    *,
    actor: User,
    session: Session,
    minutes: int | None = None,
    pressure: str = "",
    tolerance: str = "",
    regions: Iterable[str] | None = None,
    note: str = "",
    ratings: Iterable[RatingInput] | None = None,
) -> Session:
    """The second activation: say how it really went. ``ratings`` replaces the session's
    before/after ratings (``None`` leaves them as they are)."""
    circle = session.circle
    membership = require(actor, circle, Action.LOG)
    if not can_change_session(membership, session):
        raise _refuse_change()
    fields = clean_session_fields(
        minutes=minutes, pressure=pressure, tolerance=tolerance, regions=regions, note=note
    )
    clean = None if ratings is None else clean_ratings(circle, ratings)
    with transaction.atomic():
        for name, value in fields.items():
            setattr(session, name, value)
        session.save(update_fields=list(fields))
        if clean is not None:
            _save_ratings(session, clean)
        audit(actor=actor, circle=circle, action="session.adjust", target=f"session:{session.pk}")
    return session


def session_undo(
    *, actor: User, session: Session, now: dt.datetime | None = None
) -> Occurrence | None:
    """Take back a session (no confirmation dialog: this is the undo). Its occurrence is due
    again — or missed, if its day has closed — unless someone else also logged it."""
    circle = session.circle
    membership = require(actor, circle, Action.LOG)
    if not can_change_session(membership, session):
        raise _refuse_change()
    now = now or timezone.now()
    with transaction.atomic():
        occurrence = session.occurrence
        target = f"session:{session.pk}"
        session.delete()
        if occurrence is not None and not occurrence.sessions.exists():
            Occurrence.objects.filter(pk=occurrence.pk, status=Occurrence.Status.DONE).update(
                status=_status_when_open(occurrence, now),
                by_name="",
                changed_by=actor,
                changed_at=now,
            )
            occurrence.refresh_from_db()
        audit(actor=actor, circle=circle, action="session.undo", target=target)
    return occurrence


def occurrence_skip(
    *,
    actor: User,
    occurrence: Occurrence,
    reason_code: str = "",
    reason_text: str = "",
    now: dt.datetime | None = None,
) -> Occurrence:
    """Skip tonight's item, with a reason (a choice, words, or both; "other" needs words)."""
    circle = occurrence.circle
    membership = require(actor, circle, Action.LOG)
    now = now or timezone.now()
    text = clean_note(reason_text, "reason")
    if reason_code and reason_code not in Occurrence.SkipReason.values:
        raise ValidationError({"reason": _("Choose one of the offered reasons.")})
    if not text and reason_code in ("", Occurrence.SkipReason.OTHER):
        raise ValidationError({"reason": _("Say why it was skipped.")})
    if occurrence.status == Occurrence.Status.DONE:
        raise ValidationError(_("This was already done; undo it first."))
    if occurrence.day > day_of(circle, now):
        raise ValidationError(_("This is not due yet."))
    label = str(Occurrence.SkipReason(reason_code).label) if reason_code else ""
    reason = f"{label}: {text}" if label and text else (label or text)
    with transaction.atomic():
        occurrence.status = Occurrence.Status.SKIPPED
        occurrence.reason = reason[:200]
        occurrence.reason_code = reason_code
        occurrence.by_name = membership.name
        occurrence.changed_by = actor
        occurrence.changed_at = now
        occurrence.save(
            update_fields=["status", "reason", "reason_code", "by_name", "changed_by", "changed_at"]
        )
        audit(
            actor=actor,
            circle=circle,
            action="occurrence.skip",
            target=f"occurrence:{occurrence.pk}",
        )
    return occurrence


def occurrence_unskip(
    *, actor: User, occurrence: Occurrence, now: dt.datetime | None = None
) -> Occurrence:
    """Undo a skip: due again (or missed, if its day has closed)."""
    circle = occurrence.circle
    membership = require(actor, circle, Action.LOG)
    if not can_unskip(membership, occurrence):
        raise _refuse_change()
    if occurrence.status != Occurrence.Status.SKIPPED:
        raise ValidationError(_("This was not skipped."))
    now = now or timezone.now()
    with transaction.atomic():
        occurrence.status = _status_when_open(occurrence, now)
        occurrence.reason = ""
        occurrence.reason_code = ""
        occurrence.by_name = ""
        occurrence.changed_by = actor
        occurrence.changed_at = now
        occurrence.save(
            update_fields=["status", "reason", "reason_code", "by_name", "changed_by", "changed_at"]
        )
        audit(
            actor=actor,
            circle=circle,
            action="occurrence.unskip",
            target=f"occurrence:{occurrence.pk}",
        )
    return occurrence
