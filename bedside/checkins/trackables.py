"""The write path for trackables: the defaults, the circle's own, rescaling, order and hiding.

A scale is what gives an answer its meaning (0–10 with "10 = worst pain", or centimetres with a
plausible range). Changing it makes a new version — a new row pointing at the old one through
``previous`` — and retires the old version, so answers given on the old scale keep pointing at
it and are never silently mixed with new ones. Renaming, reordering and hiding do not touch the
scale and change the row in place.
"""

from __future__ import annotations

import datetime as dt
import math
import statistics

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import today
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action

from .catalogue import DEFAULTS
from .models import Observation, Trackable

NAME_MAX = 80
UNIT_MAX = 16
LABEL_MAX = 60
# Rating tiles sit in one row: at most 11 of them (0–10).
MAX_RATING_STEPS = 10


def trackables_install(circle: Circle) -> None:
    """Give a new circle the default trackables (called inside ``circle_create``'s transaction)."""
    Trackable.objects.bulk_create(
        Trackable(
            circle=circle,
            key=d.key,
            name=d.name,
            kind=d.kind,
            unit=d.unit,
            min_value=d.min_value,
            max_value=d.max_value,
            direction=d.direction,
            in_checkin=d.in_checkin,
            position=i,
        )
        for i, d in enumerate(DEFAULTS)
    )


def versions_of(trackable: Trackable) -> list[Trackable]:
    """Every version of this trackable, oldest first (following ``previous`` back)."""
    chain = [trackable]
    seen = {trackable.pk}
    current = trackable
    while current.previous_id is not None and current.previous_id not in seen:
        current = Trackable.objects.get(pk=current.previous_id)
        seen.add(current.pk)
        chain.append(current)
    return chain[::-1]


def is_current(trackable: Trackable) -> bool:
    """False once a newer version has replaced it."""
    return not Trackable.objects.filter(previous=trackable).exists()


def _clean_name(circle: Circle, name: str, *, keep: list[int] | None = None) -> str:
    name = " ".join(name.split())
    if not name:
        raise ValidationError(_("Give it a name."))
    if len(name) > NAME_MAX:
        raise ValidationError(_("Keep the name under %(max)d characters.") % {"max": NAME_MAX})
    taken = Trackable.objects.filter(circle=circle, name__iexact=name).exclude(pk__in=keep or [])
    if taken.exists():
        raise ValidationError(_("The circle already tracks “%(name)s”.") % {"name": name})
    return name


def _number(value: object, what: str) -> float:
    try:
        number = float(str(value).strip().replace(",", "."))
    except ValueError:
        number = math.nan
    if not math.isfinite(number):
        raise ValidationError(_("%(what)s must be a number.") % {"what": what})
    return number


def _clean_scale(
    *,
    kind: str,
    unit: str,
    min_value: object,
    max_value: object,
    direction: str,
    low_label: str,
    high_label: str,
) -> dict[str, object]:
    """Check a scale and return it as model fields, or refuse with every reason at once."""
    problems: list[str] = []
    if kind not in Trackable.Kind.values:
        problems.append(_("Choose whether it is a 0–10 rating or a measurement."))
    if direction not in Trackable.Direction.values:
        problems.append(_("Choose which way is better."))
    try:
        low = _number(min_value, _("The lowest value"))
        high = _number(max_value, _("The highest value"))
    except ValidationError as error:
        raise ValidationError(problems + error.messages)
    unit = unit.strip()
    if kind == Trackable.Kind.RATING:
        if not (low.is_integer() and high.is_integer()):
            problems.append(_("A rating scale runs between whole numbers, such as 0 to 10."))
        elif not 1 <= high - low <= MAX_RATING_STEPS:
            problems.append(
                _("A rating scale has 2 to %(n)d answers, such as 0 to 10.")
                % {"n": MAX_RATING_STEPS + 1}
            )
        unit = f"{int(low)}-{int(high)}"
    else:
        if not unit:
            problems.append(_("Give the unit, such as cm, kg, deg or h."))
        elif len(unit) > UNIT_MAX:
            problems.append(_("Keep the unit short (%(max)d characters).") % {"max": UNIT_MAX})
        if low >= high:
            problems.append(_("The lowest plausible value must be below the highest."))
    labels = {"low_label": " ".join(low_label.split()), "high_label": " ".join(high_label.split())}
    if any(len(v) > LABEL_MAX for v in labels.values()):
        problems.append(
            _("Keep the words for the ends of the scale under %(max)d characters.")
            % {"max": LABEL_MAX}
        )
    if problems:
        raise ValidationError(problems)
    return {
        "kind": kind,
        "unit": unit,
        "min_value": low,
        "max_value": high,
        "direction": direction,
        **labels,
    }


def trackable_create(
    *,
    actor: User,
    circle: Circle,
    name: str,
    kind: str,
    min_value: object = 0,
    max_value: object = 10,
    unit: str = "",
    direction: str = Trackable.Direction.NEUTRAL,
    low_label: str = "",
    high_label: str = "",
    in_checkin: bool | None = None,
) -> Trackable:
    """Add the circle's own question or measurement at the end of the list."""
    require(actor, circle, Action.PLAN)
    problems: list[str] = []
    try:
        name = _clean_name(circle, name)
    except ValidationError as error:
        problems.extend(error.messages)
    try:
        scale = _clean_scale(
            kind=kind,
            unit=unit,
            min_value=min_value,
            max_value=max_value,
            direction=direction,
            low_label=low_label,
            high_label=high_label,
        )
    except ValidationError as error:
        problems.extend(error.messages)
    if problems:
        raise ValidationError(problems)
    rating = scale["kind"] == Trackable.Kind.RATING
    with transaction.atomic():
        last = Trackable.objects.filter(circle=circle).aggregate(m=Max("position"))["m"]
        trackable = Trackable.objects.create(
            circle=circle,
            name=name,
            position=(last or 0) + 1,
            in_checkin=rating if in_checkin is None else (in_checkin and rating),
            **scale,
        )
        audit(
            actor=actor,
            circle=circle,
            action="trackable.create",
            target=f"trackable:{trackable.pk}",
        )
    return trackable


def trackable_rescale(
    *,
    actor: User,
    trackable: Trackable,
    min_value: object,
    max_value: object,
    unit: str | None = None,
    direction: str | None = None,
    low_label: str | None = None,
    high_label: str | None = None,
) -> Trackable:
    """Change the scale: a new version (``version + 1``, ``previous`` = the old one) replaces it.

    Old observations keep pointing at the old version, which is kept but no longer asked.
    """
    circle = trackable.circle
    require(actor, circle, Action.PLAN)
    if not trackable.active or not is_current(trackable):
        raise ValidationError(_("Only the current, shown version of a scale can be changed."))
    scale = _clean_scale(
        kind=trackable.kind,
        unit=trackable.unit if unit is None else unit,
        min_value=min_value,
        max_value=max_value,
        direction=trackable.direction if direction is None else direction,
        low_label=trackable.low_label if low_label is None else low_label,
        high_label=trackable.high_label if high_label is None else high_label,
    )
    if all(getattr(trackable, field) == value for field, value in scale.items()):
        raise ValidationError(_("That is the scale it already has: nothing changed."))
    with transaction.atomic():
        old = Trackable.objects.select_for_update().get(pk=trackable.pk)
        old.active = False
        old.save(update_fields=["active"])
        new = Trackable.objects.create(
            circle=circle,
            key=old.key,
            name=old.name,
            version=old.version + 1,
            previous=old,
            active=True,
            in_checkin=old.in_checkin,
            position=old.position,
            **scale,
        )
        audit(actor=actor, circle=circle, action="trackable.rescale", target=f"trackable:{new.pk}")
    trackable.active = False
    return new


def trackable_update(
    *,
    actor: User,
    trackable: Trackable,
    name: str | None = None,
    position: int | None = None,
    in_checkin: bool | None = None,
    active: bool | None = None,
) -> Trackable:
    """Rename, move, show or hide a trackable without touching its scale.

    ``position`` is the place (0 = first) among the circle's shown trackables; the others close
    up around it. A rename applies to every version, so the history reads as one line.
    """
    circle = trackable.circle
    require(actor, circle, Action.PLAN)
    versions = versions_of(trackable)
    if name is not None:
        name = _clean_name(circle, name, keep=[v.pk for v in versions])
    if in_checkin and not trackable.is_rating:
        raise ValidationError(
            _("Measurements are recorded on the measurements page, not asked in the check-in.")
        )
    if active and not is_current(trackable):
        raise ValidationError(
            _("A newer version of this scale exists; show that one instead of the old one.")
        )
    with transaction.atomic():
        if name is not None:
            Trackable.objects.filter(pk__in=[v.pk for v in versions]).update(name=name)
            trackable.name = name
        changed = []
        if in_checkin is not None:
            trackable.in_checkin = in_checkin
            changed.append("in_checkin")
        if active is not None:
            trackable.active = active
            changed.append("active")
        if changed:
            trackable.save(update_fields=changed)
        if position is not None:
            _move(trackable, position)
        audit(
            actor=actor,
            circle=circle,
            action="trackable.update",
            target=f"trackable:{trackable.pk}",
        )
    return trackable


def _move(trackable: Trackable, position: int) -> None:
    """Put ``trackable`` at ``position`` among the shown ones and number them 0, 1, 2…"""
    shown = list(
        Trackable.objects.filter(circle_id=trackable.circle_id, active=True)
        .exclude(pk=trackable.pk)
        .order_by("position", "id")
    )
    place = max(0, min(position, len(shown)))
    shown.insert(place, trackable)
    for index, item in enumerate(shown):
        item.position = index
    Trackable.objects.bulk_update(shown, ["position"])


def checkin_order_by_answers(*, actor: User, circle: Circle, days: int = 28) -> list[Trackable]:
    """Ask the check-in questions in the order of their usual answers (median, low to high).

    Consecutive questions then tend to be answered with nearby numbers, so a head pointer moves
    less from one screen to the next (the tiles never move): with Theo's simulated answers the
    Fitts' cost of a varied check-in falls by about two bits (ACCESSIBILITY.md T5). Questions
    not answered in the last ``days`` days keep their order, after the others. Measurements keep
    their places. The order stays fixed until someone changes it again.
    """
    require(actor, circle, Action.PLAN)
    shown = list(Trackable.objects.filter(circle=circle, active=True).order_by("position", "id"))
    asked = [t for t in shown if t.in_checkin and t.is_rating]
    since = today(circle) - dt.timedelta(days=days)
    values: dict[int, list[float]] = {t.pk: [] for t in asked}
    for trackable_id, value in Observation.objects.filter(
        circle=circle, trackable__in=asked, day__gte=since
    ).values_list("trackable_id", "value"):
        values[trackable_id].append(value)
    if not any(values.values()):
        raise ValidationError(
            _("There are no check-in answers from the last %(days)d days to order by yet.")
            % {"days": days}
        )
    answered = sorted(
        (t for t in asked if values[t.pk]), key=lambda t: statistics.median(values[t.pk])
    )  # sorted() is stable: equal medians keep their current order
    new_order = iter(answered + [t for t in asked if not values[t.pk]])
    ordered = [next(new_order) if t in asked else t for t in shown]
    with transaction.atomic():
        for index, trackable in enumerate(ordered):
            trackable.position = index
        Trackable.objects.bulk_update(ordered, ["position"])
        audit(actor=actor, circle=circle, action="trackable.reorder", target=f"circle:{circle.pk}")
    return [t for t in ordered if t in asked]
