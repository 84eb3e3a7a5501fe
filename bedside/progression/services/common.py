"""Checks shared by the write paths: numbers in range, circle days, proxy, who may remove."""

from __future__ import annotations

import datetime as dt
import math

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from bedside.checkins.models import format_value
from bedside.circles.days import day_of, instant_at, today
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action, Role, role_can

NOTE_MAX = 2000
NAME_MAX = 120
EARLIEST_DAY = dt.date(1950, 1, 1)


def is_proxy(membership: Membership, for_person: bool) -> bool:
    """Answered for the person: by anyone but the person, or on their account when they say so."""
    return for_person or membership.role != Role.PERSON


def may_remove(membership: Membership, created_by_id: int | None) -> bool:
    """Whoever entered a record may take it back; so may those who plan (person, coordinator,
    therapist). A caregiver cannot remove a colleague's entry."""
    if not role_can(membership.role, Action.RATE):
        return False
    return created_by_id == membership.user_id or role_can(membership.role, Action.PLAN)


def parse_number(value: object) -> float:
    """A number from a form or a caller: 36.5, "36,5" (French), 36. NaN when it is not one."""
    if isinstance(value, bool) or value is None:
        return math.nan
    if isinstance(value, int | float):
        return float(value)
    try:
        return float(str(value).strip().replace(",", ".").replace("\u00a0", ""))
    except ValueError:
        return math.nan


def number_in(value: object, label: str, low: float, high: float, unit: str = "") -> float:
    """``value`` as a float between ``low`` and ``high`` (inclusive), or a clear refusal."""
    number = parse_number(value)
    if math.isnan(number) or math.isinf(number) or not low <= number <= high:
        raise ValidationError(
            _("%(what)s must be a number from %(low)s to %(high)s%(unit)s.")
            % {
                "what": label,
                "low": format_value(low),
                "high": format_value(high),
                "unit": f" {unit}" if unit else "",
            }
        )
    return number


def check_day(circle: Circle, day: dt.date | None) -> dt.date:
    """A circle day that has begun (today when not given)."""
    current = today(circle)
    if day is None:
        return current
    if not isinstance(day, dt.date):
        raise ValidationError(_("Give the day as a date."))
    if day > current:
        raise ValidationError(
            _("%(day)s has not come yet: choose today or an earlier day.")
            % {"day": date_format(day, "DATE_FORMAT")}
        )
    if day < EARLIEST_DAY:
        raise ValidationError(_("That day is too long ago to be right."))
    return day


def clean_text(value: str, limit: int, label: str) -> str:
    text = (value or "").strip()
    if len(text) > limit:
        raise ValidationError(
            _("%(what)s is too long: at most %(limit)d characters.")
            % {"what": label, "limit": limit}
        )
    return text


def recorded_at_for(circle: Circle, day: dt.date) -> dt.datetime:
    """Now for an entry about today; noon of the day for an entry about an earlier day."""
    now = timezone.now()
    if day == day_of(circle, now):
        return now
    return instant_at(circle, day, dt.time(12, 0))
