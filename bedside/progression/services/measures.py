"""The write path for joint range, breathing and voice tests, and the circle's settings here."""

from __future__ import annotations

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.measures import BANDINGS

from ..breathing import PACE_HIGH, PACE_LOW, SPECS
from ..joints import (
    ANGLE_MAX,
    ANGLE_MIN,
    JOINT_MOTIONS,
    MIDLINE,
    Joint,
    Method,
    Motion,
    Position,
    Side,
)
from ..models import BreathingTest, JointRange, ProgressionSettings
from .common import (
    NAME_MAX,
    NOTE_MAX,
    check_day,
    clean_text,
    may_remove,
    number_in,
    recorded_at_for,
)

HEIGHT_LOW, HEIGHT_HIGH = 50.0, 250.0
EVERY_LOW, EVERY_HIGH = 7, 365


def _choice(value: str, choices: type, message: str) -> str:
    if value not in choices.values:  # type: ignore[attr-defined]
        raise ValidationError(message)
    return value


def joint_range_record(
    *,
    actor: User,
    circle: Circle,
    day: dt.date | None,
    joint: str,
    motion: str,
    side: str,
    method: str,
    position: str,
    start_deg: object,
    end_deg: object,
    hyperextension: bool = False,
    by_name: str = "",
    note: str = "",
) -> JointRange:
    """Store one goniometer measurement (neutral-zero method), or refuse and store nothing.

    Angles run −30° to 200°. The start comes before the end, unless the joint goes past
    neutral (hyperextension) and the note says so.
    """
    membership = require(actor, circle, Action.RATE)
    problems: list[str] = []
    try:
        joint = _choice(joint, Joint, _("Choose a joint from the list."))
        if motion not in JOINT_MOTIONS[joint]:
            problems.append(
                _("%(motion)s is not measured at the %(joint)s here; choose from the list.")
                % {
                    "motion": capfirst(Motion(motion).label)
                    if motion in Motion.values
                    else motion[:20],
                    "joint": Joint(joint).label,
                }
            )
    except ValidationError as error:
        problems.extend(error.messages)
    for value, choices, message in (
        (side, Side, _("Choose left, right or no side.")),
        (method, Method, _("Choose active or passive.")),
        (position, Position, _("Choose the position the person was in.")),
    ):
        if value not in choices.values:
            problems.append(message)
    if side == Side.NONE and joint in Joint.values and joint not in MIDLINE:
        problems.append(
            _("Say which side: the %(joint)s is measured on the left or the right.")
            % {"joint": Joint(joint).label}
        )
    angles: dict[str, float] = {}
    for key, label, raw in (
        ("start", _("The start angle"), start_deg),
        ("end", _("The end angle"), end_deg),
    ):
        try:
            angles[key] = number_in(raw, label, ANGLE_MIN, ANGLE_MAX, "°")
        except ValidationError as error:
            problems.extend(error.messages)
    start, end = angles.get("start"), angles.get("end")
    note = (note or "").strip()
    if start is not None and end is not None and start > end:
        if not hyperextension:
            problems.append(
                _(
                    "The start (%(start)s°) is past the end (%(end)s°). If the joint goes past "
                    "neutral (hyperextension), tick “hyperextension” and describe it in the note; "
                    "otherwise swap the two angles."
                )
                % {"start": f"{start:g}", "end": f"{end:g}"}
            )
        elif not note:
            problems.append(_("Describe the hyperextension in the note."))
    try:
        day = check_day(circle, day)
        note = clean_text(note, NOTE_MAX, _("The note"))
        by_name = clean_text(by_name, NAME_MAX, _("The name")) or membership.name
    except ValidationError as error:
        problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    assert day is not None and start is not None and end is not None
    recorded_at = recorded_at_for(circle, day)
    with transaction.atomic():
        row = JointRange.objects.create(
            circle=circle,
            day=day,
            recorded_at=recorded_at,
            joint=joint,
            motion=motion,
            side=side,
            method=method,
            position=position,
            start_deg=start,
            end_deg=end,
            hyperextension=bool(hyperextension) and start > end,
            measured_by=membership,
            by_name=by_name,
            note=note,
            created_by=actor,
        )
        audit(
            actor=actor, circle=circle, action="joint_range.record", target=f"joint_range:{row.pk}"
        )
    return row


def breathing_test_record(
    *,
    actor: User,
    circle: Circle,
    day: dt.date | None,
    kind: str,
    value: object,
    pace: object = None,
    posture: str = BreathingTest.Posture.UPRIGHT,
    by_name: str = "",
    note: str = "",
) -> BreathingTest:
    """Store one breathing or voice test within its plausible range, or refuse and store nothing."""
    membership = require(actor, circle, Action.RATE)
    spec = SPECS.get(kind)
    if spec is None:
        raise ValidationError(_("Choose a test from the list."))
    problems: list[str] = []
    number = pace_value = None
    label = str(BreathingTest.Kind(kind).label)
    try:
        number = number_in(value, label, spec.low, spec.high, str(spec.unit_label))
    except ValidationError as error:
        problems.extend(error.messages)
    if kind == BreathingTest.Kind.SBC and pace not in (None, ""):
        try:
            pace_value = number_in(pace, _("The pace"), PACE_LOW, PACE_HIGH, _("counts a second"))
        except ValidationError as error:
            problems.extend(error.messages)
    elif kind != BreathingTest.Kind.SBC and pace not in (None, ""):
        problems.append(_("A pace is only recorded with the single-breath count."))
    if posture not in BreathingTest.Posture.values:
        problems.append(_("Choose upright or lying down."))
    try:
        day = check_day(circle, day)
        note = clean_text(note, NOTE_MAX, _("The note"))
        by_name = clean_text(by_name, NAME_MAX, _("The name")) or membership.name
    except ValidationError as error:
        problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    assert day is not None and number is not None
    recorded_at = recorded_at_for(circle, day)
    with transaction.atomic():
        row = BreathingTest.objects.create(
            circle=circle,
            day=day,
            recorded_at=recorded_at,
            kind=kind,
            value=number,
            unit=spec.unit,
            pace=pace_value,
            posture=posture,
            measured_by=membership,
            by_name=by_name,
            note=note,
            created_by=actor,
        )
        audit(actor=actor, circle=circle, action="breathing.record", target=f"breathing:{row.pk}")
    return row


def _remove(actor: User, circle: Circle, row: JointRange | BreathingTest, what: str) -> None:
    membership = require(actor, circle, Action.RATE)
    if row.circle_id != circle.pk:
        raise ValidationError(_("That measurement is not part of this circle."))
    if not may_remove(membership, row.created_by_id):
        raise PermissionDenied(
            _("Only the person who entered this, or a coordinator, can remove it.")
        )
    with transaction.atomic():
        pk = row.pk
        row.delete()
        audit(actor=actor, circle=circle, action=f"{what}.remove", target=f"{what}:{pk}")


def joint_range_remove(*, actor: User, circle: Circle, row: JointRange) -> None:
    _remove(actor, circle, row, "joint_range")


def breathing_test_remove(*, actor: User, circle: Circle, row: BreathingTest) -> None:
    _remove(actor, circle, row, "breathing")


def progression_settings_update(
    *,
    actor: User,
    circle: Circle,
    height_cm: object,
    alsfrs_every_days: object,
    delta_fs_banding: str,
) -> ProgressionSettings:
    """Height for the BMI, how often the ALSFRS-R is due, and which ΔFS bands to show."""
    require(actor, circle, Action.PLAN)
    problems: list[str] = []
    height = None
    if height_cm not in (None, ""):
        try:
            height = number_in(height_cm, _("Height"), HEIGHT_LOW, HEIGHT_HIGH, "cm")
        except ValidationError as error:
            problems.extend(error.messages)
    every = None
    try:
        every = number_in(alsfrs_every_days, _("The ALSFRS-R interval"), EVERY_LOW, EVERY_HIGH)
        if not every.is_integer():
            problems.append(_("The ALSFRS-R interval is a whole number of days."))
    except ValidationError as error:
        problems.extend(error.messages)
    if delta_fs_banding not in BANDINGS:
        problems.append(_("Choose one of the ΔFS bandings."))
    if problems:
        raise ValidationError(problems)
    assert every is not None
    with transaction.atomic():
        row, _created = ProgressionSettings.objects.select_for_update().get_or_create(circle=circle)
        row.height_cm = height
        row.alsfrs_every_days = int(every)
        row.delta_fs_banding = delta_fs_banding
        row.updated_at = timezone.now()
        row.updated_by = actor
        row.save()
        audit(
            actor=actor,
            circle=circle,
            action="progression.settings",
            target=f"progression_settings:{row.pk}",
        )
    return row
