"""The write path for check-ins, measurements and notes.

Every function is keyword-only, checks the actor's right in the circle, runs in one transaction
and writes an audit record that names the row touched, never the value. Trackables (adding,
rescaling, reordering) live in :mod:`bedside.checkins.trackables`.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterable, Mapping

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import day_of, instant_at, today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, Role

from .models import NOTE_MAX_CHARS, Note, Observation, Trackable, format_value
from .selectors import answers_on, checkin_questions, previous_check_in
from .trackables import (
    checkin_order_by_answers,
    trackable_create,
    trackable_rescale,
    trackable_update,
    trackables_install,
)

__all__ = [
    "checkin_answer",
    "checkin_order_by_answers",
    "checkin_same_as_yesterday",
    "checkin_save",
    "checkin_undo",
    "may_remove",
    "measurements_record",
    "note_add",
    "note_remove",
    "observation_record",
    "observation_undo",
    "trackable_create",
    "trackable_rescale",
    "trackable_update",
    "trackables_install",
]

# A clock a few minutes fast on a phone should not make "now" look like the future.
CLOCK_SLACK = dt.timedelta(minutes=5)


# --- check-in answers ------------------------------------------------------------------------


def is_proxy(membership: Membership, for_person: bool) -> bool:
    """Whether an answer is given for the person: anyone but the person, or when they say so."""
    return for_person or membership.role != Role.PERSON


def _question(circle: Circle, trackable: Trackable) -> None:
    if trackable.circle_id != circle.pk:
        raise ValidationError(_("That question is not part of this circle."))
    if not trackable.active:
        raise ValidationError(
            _("“%(name)s” is no longer asked (it was hidden or its scale changed).")
            % {"name": trackable.label}
        )
    if not trackable.is_rating:
        raise ValidationError(
            _("“%(name)s” is a measurement: record it on the measurements page.")
            % {"name": trackable.label}
        )


def _rating(trackable: Trackable, value: object) -> int:
    """A whole number on the trackable's scale, or a clear refusal."""
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        number = math.nan
    if not number.is_integer() or not trackable.min_value <= number <= trackable.max_value:
        raise ValidationError(
            _("%(name)s is answered with a whole number from %(low)s to %(high)s.")
            % {
                "name": trackable.label,
                "low": format_value(trackable.min_value),
                "high": format_value(trackable.max_value),
            }
        )
    return int(number)


def _check_day(circle: Circle, day: dt.date | None) -> dt.date:
    current = today(circle)
    if day is None:
        return current
    if day > current:
        raise ValidationError(_("A check-in cannot be given for a day that has not begun."))
    return day


def _store_answer(
    *,
    membership: Membership,
    circle: Circle,
    trackable: Trackable,
    value: int,
    day: dt.date,
    proxy: bool,
    copied: bool = False,
) -> Observation:
    """Give ``trackable`` its one answer for ``day``: replace an earlier one, else add it.

    Locking the trackable's row serialises two people answering the same question at once, so
    a day never ends up with two check-in answers to one question.
    """
    Trackable.objects.select_for_update().filter(pk=trackable.pk).first()
    now = timezone.now()
    is_today = day == day_of(circle, now)
    fields = {
        "value": float(value),
        "rater": membership,
        "by_name": membership.name,
        "proxy": proxy,
        "copied": copied,
        # A day given afterwards keeps its own date: noon of that day, time unknown.
        "recorded_at": now if is_today else instant_at(circle, day, dt.time(12, 0)),
        "has_time": is_today,
        "created_by": membership.user,
    }
    existing = answers_on(circle, day, [trackable]).get(trackable.pk)
    if existing is None:
        return Observation.objects.create(circle=circle, trackable=trackable, day=day, **fields)
    for name, value_ in fields.items():
        setattr(existing, name, value_)
    existing.save(update_fields=list(fields))
    return existing


def checkin_answer(
    *,
    actor: User,
    circle: Circle,
    trackable: Trackable,
    value: object,
    day: dt.date | None = None,
    for_person: bool = False,
) -> Observation:
    """Record one check-in answer (replacing that day's earlier answer to the same question)."""
    membership = require(actor, circle, Action.RATE)
    _question(circle, trackable)
    number = _rating(trackable, value)
    day = _check_day(circle, day)
    with transaction.atomic():
        observation = _store_answer(
            membership=membership,
            circle=circle,
            trackable=trackable,
            value=number,
            day=day,
            proxy=is_proxy(membership, for_person),
        )
        audit(
            actor=actor,
            circle=circle,
            action="checkin.answer",
            target=f"observation:{observation.pk}",
        )
    return observation


def checkin_save(
    *,
    actor: User,
    circle: Circle,
    answers: Mapping[Trackable, object],
    day: dt.date | None = None,
    for_person: bool = False,
) -> list[Observation]:
    """Record several answers at once: all of them, or — if any is wrong — none."""
    membership = require(actor, circle, Action.RATE)
    day = _check_day(circle, day)
    problems: list[str] = []
    numbers: dict[Trackable, int] = {}
    for trackable, value in answers.items():
        try:
            _question(circle, trackable)
            numbers[trackable] = _rating(trackable, value)
        except ValidationError as error:
            problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    if not numbers:
        raise ValidationError(_("There is no answer to save."))
    proxy = is_proxy(membership, for_person)
    saved = []
    with transaction.atomic():
        for trackable, number in numbers.items():
            observation = _store_answer(
                membership=membership,
                circle=circle,
                trackable=trackable,
                value=number,
                day=day,
                proxy=proxy,
            )
            audit(
                actor=actor,
                circle=circle,
                action="checkin.answer",
                target=f"observation:{observation.pk}",
            )
            saved.append(observation)
    return saved


def checkin_same_as_yesterday(
    *,
    actor: User,
    circle: Circle,
    day: dt.date | None = None,
    for_person: bool = False,
) -> list[Observation]:
    """Answer every open question of ``day`` with the last check-in's answer, in one go.

    "Last check-in" is the most recent earlier day with any answers. Questions already
    answered today keep their answers; an answer given on an older version of a question's scale
    is not carried onto the new one.
    """
    membership = require(actor, circle, Action.RATE)
    day = _check_day(circle, day)
    questions = checkin_questions(circle)
    if not questions:
        raise ValidationError(_("The check-in has no questions yet."))
    source_day, source = previous_check_in(circle, day, questions)
    if source_day is None:
        raise ValidationError(
            _(
                "There is no earlier check-in to copy yet. Answer the questions this time; "
                "next time one press will repeat them."
            )
        )
    answered = answers_on(circle, day, questions)
    todo = [q for q in questions if q.pk not in answered and q.pk in source]
    if not todo:
        if len(answered) == len(questions):
            raise ValidationError(_("Today's check-in is already complete: nothing to copy."))
        raise ValidationError(
            _("The check-in of %(day)s has no answers for the questions still open.")
            % {"day": date_format(source_day, "MONTH_DAY_FORMAT")}
        )
    proxy = is_proxy(membership, for_person)
    copied = []
    with transaction.atomic():
        for trackable in todo:
            observation = _store_answer(
                membership=membership,
                circle=circle,
                trackable=trackable,
                value=int(source[trackable.pk].value),
                day=day,
                proxy=proxy,
                copied=True,
            )
            copied.append(observation)
            audit(
                actor=actor,
                circle=circle,
                action="checkin.copy",
                target=f"observation:{observation.pk}",
            )
    return copied


def may_remove(membership: Membership, created_by_id: int | None) -> bool:
    """Whoever recorded a row may take it back; the person and coordinators may remove any."""
    if not membership.is_active:
        return False
    return created_by_id == membership.user_id or membership.role in (
        Role.PERSON,
        Role.COORDINATOR,
    )


def checkin_undo(*, actor: User, circle: Circle, observation_ids: Iterable[int]) -> int:
    """Remove the listed observations of this circle; returns how many went.

    Ids of other circles are ignored (never trusted from a form), and so are ids already gone,
    so pressing Undo twice is harmless. Refuses everything if any row is not the actor's to
    remove.
    """
    membership = require(actor, circle, Action.RATE)
    ids = {int(i) for i in observation_ids}
    with transaction.atomic():
        rows = list(Observation.objects.select_for_update().filter(circle=circle, pk__in=ids))
        if any(not may_remove(membership, row.created_by_id) for row in rows):
            raise PermissionDenied(_("Only the person who recorded an answer may remove it."))
        for row in rows:
            audit(
                actor=actor,
                circle=circle,
                action="observation.remove",
                target=f"observation:{row.pk}",
            )
            row.delete()
    return len(rows)


# --- measurements ----------------------------------------------------------------------------


def _measured_value(trackable: Trackable, value: object) -> float:
    try:
        number = float(str(value).strip().replace(",", ".").replace("\xa0", ""))
    except ValueError:
        raise ValidationError(
            _("%(name)s needs a number in %(unit)s.")
            % {"name": trackable.label, "unit": trackable.unit}
        )
    if not math.isfinite(number) or not trackable.min_value <= number <= trackable.max_value:
        raise ValidationError(
            _(
                "%(name)s must be between %(low)s and %(high)s %(unit)s; %(value)s %(unit)s is "
                "outside that range. Check the number and the unit."
            )
            % {
                "name": trackable.label,
                "low": format_value(trackable.min_value),
                "high": format_value(trackable.max_value),
                "unit": trackable.unit,
                "value": format_value(number) if math.isfinite(number) else value,
            }
        )
    return number


def observation_record(
    *,
    actor: User,
    circle: Circle,
    trackable: Trackable,
    value: object,
    recorded_at: dt.datetime | None = None,
    note: str = "",
) -> Observation:
    """Record a measurement (calf circumference, weight…) within its plausible range."""
    try:
        return measurements_record(
            actor=actor,
            circle=circle,
            values={trackable: value},
            recorded_at=recorded_at,
            note=note,
        )[0]
    except ValidationError as error:
        raise ValidationError(error.messages) from None


def measurements_record(
    *,
    actor: User,
    circle: Circle,
    values: Mapping[Trackable, object],
    recorded_at: dt.datetime | None = None,
    note: str = "",
) -> list[Observation]:
    """Record several measurements taken together: all of them, or — if any is wrong — none.

    A refusal is a ``ValidationError`` whose ``error_dict`` is keyed by trackable id (as text),
    so a form can show each message beside its field; the time problem is keyed ``"time"``.
    """
    membership = require(actor, circle, Action.RATE)
    problems: dict[str, list[str]] = {}
    numbers: dict[Trackable, float] = {}
    for trackable, value in values.items():
        try:
            _measurement(circle, trackable)
            numbers[trackable] = _measured_value(trackable, value)
        except ValidationError as error:
            problems[str(trackable.pk)] = error.messages
    now = timezone.now()
    at = recorded_at or now
    if at > now + CLOCK_SLACK:
        problems["time"] = [_("A measurement cannot be in the future.")]
    if not values:
        problems["time"] = [_("Enter at least one measurement.")]
    if problems:
        raise ValidationError(problems)
    saved = []
    with transaction.atomic():
        for trackable, number in numbers.items():
            observation = Observation.objects.create(
                circle=circle,
                trackable=trackable,
                value=number,
                day=day_of(circle, at),
                recorded_at=at,
                has_time=True,
                rater=membership,
                by_name=membership.name,
                proxy=False,
                note=note.strip()[:NOTE_MAX_CHARS],
                created_by=actor,
            )
            audit(
                actor=actor,
                circle=circle,
                action="observation.record",
                target=f"observation:{observation.pk}",
            )
            saved.append(observation)
    return saved


def _measurement(circle: Circle, trackable: Trackable) -> None:
    if trackable.circle_id != circle.pk:
        raise ValidationError(_("That measurement is not part of this circle."))
    if trackable.is_rating:
        raise ValidationError(
            _("“%(name)s” is a 0–10 rating: answer it in the daily check-in.")
            % {"name": trackable.label}
        )
    if not trackable.active:
        raise ValidationError(
            _("“%(name)s” is no longer tracked (it was hidden or its scale changed).")
            % {"name": trackable.label}
        )


def observation_undo(*, actor: User, observation: Observation) -> None:
    """Take back one observation (a measurement or an answer)."""
    membership = require(actor, observation.circle, Action.RATE)
    if not may_remove(membership, observation.created_by_id):
        raise PermissionDenied(_("Only the person who recorded this may remove it."))
    with transaction.atomic():
        audit(
            actor=actor,
            circle=observation.circle,
            action="observation.remove",
            target=f"observation:{observation.pk}",
        )
        observation.delete()


# --- notes -----------------------------------------------------------------------------------


def note_add(
    *, actor: User, circle: Circle, text: str, recorded_at: dt.datetime | None = None
) -> Note:
    """A free-text note for the day it is written (or for ``recorded_at``'s day)."""
    membership = require(actor, circle, Action.RATE)
    text = text.strip()
    if not text:
        raise ValidationError(_("Write something in the note first."))
    if len(text) > NOTE_MAX_CHARS:
        raise ValidationError(
            _("A note can hold %(max)d characters; this one has %(count)d.")
            % {"max": NOTE_MAX_CHARS, "count": len(text)}
        )
    now = timezone.now()
    at = recorded_at or now
    if at > now + CLOCK_SLACK:
        raise ValidationError(_("A note cannot be dated in the future."))
    with transaction.atomic():
        note = Note.objects.create(
            circle=circle,
            day=day_of(circle, at),
            recorded_at=at,
            has_time=True,
            author=membership,
            by_name=membership.name,
            text=text,
            created_by=actor,
        )
        audit(actor=actor, circle=circle, action="note.add", target=f"note:{note.pk}")
    return note


def note_remove(*, actor: User, note: Note) -> None:
    membership = require(actor, note.circle, Action.RATE)
    if not may_remove(membership, note.created_by_id):
        raise PermissionDenied(_("Only the person who wrote this note may remove it."))
    with transaction.atomic():
        audit(actor=actor, circle=note.circle, action="note.remove", target=f"note:{note.pk}")
        note.delete()
