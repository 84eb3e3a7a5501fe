"""Small display helpers for care templates: regions, who, when — in the viewer's language."""

from __future__ import annotations

import datetime as dt

from django import template
from django.utils import formats
from django.utils.dates import WEEKDAYS_ABBR
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from bedside.circles.models import Membership
from bedside.circles.roles import Role

from ..models import Occurrence, Routine, Session
from ..regions import region_labels
from ..services import can_change_session, can_unskip

register = template.Library()


@register.filter
def regions_text(keys: list[str] | None) -> str:
    return ", ".join(region_labels(list(keys or [])))


@register.filter
def who_text(routine: Routine | None) -> str:
    if routine is None:
        return _("anyone")
    if routine.assignee is not None:
        if routine.assignee.revoked_at is not None:
            return _("anyone (%(name)s has left the circle)") % {"name": routine.assignee.name}
        return routine.assignee.name
    if routine.assignee_role:
        return _("anyone who is: %(role)s") % {"role": Role(routine.assignee_role).label}
    return _("anyone")


def clock(value: dt.time) -> str:
    return formats.time_format(value)


@register.filter
def schedule_text(routine: Routine) -> str:
    at = clock(routine.time_of_day)
    if routine.schedule == Routine.Schedule.WEEKDAYS:
        days = ", ".join(str(WEEKDAYS_ABBR[d]) for d in routine.weekdays)
        return _("%(days)s at %(time)s") % {"days": days, "time": at}
    if routine.schedule == Routine.Schedule.EVERY_N_DAYS:
        n = routine.every_n_days or 1
        return ngettext(
            "Every %(n)d day at %(time)s, counting from %(date)s",
            "Every %(n)d days at %(time)s, counting from %(date)s",
            n,
        ) % {"n": n, "time": at, "date": formats.date_format(routine.start_date)}
    if routine.schedule == Routine.Schedule.DATES:
        n = len(routine.dates or [])
        return ngettext(
            "On %(n)d chosen evening at %(time)s",
            "On %(n)d chosen evenings at %(time)s",
            n,
        ) % {"n": n, "time": at}
    return _("Every day at %(time)s") % {"time": at}


@register.filter
def changeable_by(session: Session, membership: Membership) -> bool:
    return can_change_session(membership, session)


@register.filter
def unskippable_by(occurrence: Occurrence, membership: Membership) -> bool:
    return can_unskip(membership, occurrence)


@register.filter
def minutes_text(minutes: int | None) -> str:
    if not minutes:
        return ""
    return ngettext("%(n)d minute", "%(n)d minutes", minutes) % {"n": minutes}


@register.filter
def ratings_text(session: Session) -> str:
    """ "Breathing ease 4 → 7" for the before/after ratings of a session."""
    by_trackable: dict[int, dict[str, str]] = {}
    names: dict[int, str] = {}
    for rating in session.ratings.all():
        names[rating.trackable_id] = rating.trackable.label
        by_trackable.setdefault(rating.trackable_id, {})[rating.when] = formats.number_format(
            rating.value, decimal_pos=0 if float(rating.value).is_integer() else 1
        )
    parts = []
    for pk, values in by_trackable.items():
        before, after = values.get("before"), values.get("after")
        if before and after:
            parts.append(f"{names[pk]} {before} → {after}")
        elif before:
            parts.append(_("%(name)s %(value)s before") % {"name": names[pk], "value": before})
        else:
            parts.append(_("%(name)s %(value)s after") % {"name": names[pk], "value": after})
    return "; ".join(parts)
