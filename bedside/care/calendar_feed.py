"""A member's private calendar address for the care plan: make it, stop it, read it.

The address carries a random token; only its SHA-256 is stored (a copy of the database does not
open anyone's calendar). Each member has at most one address: making a new one ends the old.
The feed lists the routines due from a week ago to four weeks ahead, so a caregiver's phone
shows tonight's list and what is coming; it holds technique names and who does them, nothing
that was recorded.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import instant_at, today
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action

from .ics import CalendarEvent, calendar
from .models import CalendarFeed, Routine
from .schedule import due_days
from .templatetags.care import who_text

DAYS_BEFORE = 7
DAYS_AHEAD = 28
DEFAULT_MINUTES = 15


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("ascii", "replace")).hexdigest()


def calendar_feed_create(*, actor: User, circle: Circle) -> str:
    """A new private address for ``actor`` in ``circle``; returns its token (shown once)."""
    membership = require(actor, circle, Action.READ)
    token = secrets.token_urlsafe(32)
    with transaction.atomic():
        CalendarFeed.objects.filter(membership=membership).delete()
        feed = CalendarFeed.objects.create(
            circle=circle, membership=membership, token_hash=_hash(token)
        )
        audit(actor=actor, circle=circle, action="calendar.create", target=f"feed:{feed.pk}")
    return token


def calendar_feed_stop(*, actor: User, circle: Circle) -> bool:
    """End ``actor``'s address in ``circle``; False when there was none."""
    membership = require(actor, circle, Action.READ)
    with transaction.atomic():
        deleted, _ = CalendarFeed.objects.filter(membership=membership).delete()
        if deleted:
            audit(actor=actor, circle=circle, action="calendar.stop", target="feed")
    return bool(deleted)


def calendar_feed_exists(*, actor: User, circle: Circle) -> bool:
    membership = require(actor, circle, Action.READ)
    return CalendarFeed.objects.filter(membership=membership).exists()


def feed_for_token(token: str) -> CalendarFeed | None:
    """The feed a token opens, if its member still belongs to the circle."""
    if not token or len(token) > 100:
        return None
    return (
        CalendarFeed.objects.select_related("circle", "membership__user")
        .filter(token_hash=_hash(token), membership__revoked_at__isnull=True)
        .first()
    )


def feed_text(feed: CalendarFeed, *, now: dt.datetime | None = None) -> str:
    """The ICS text of a feed; reading it is audited as the member's read of the plan."""
    now = now or timezone.now()
    circle, membership = feed.circle, feed.membership
    require(membership.user, circle, Action.READ)
    audit(actor=membership.user, circle=circle, action="view", target="page:calendar_feed")
    day = today(circle, now)
    first, last = day - dt.timedelta(days=DAYS_BEFORE), day + dt.timedelta(days=DAYS_AHEAD)
    routines = (
        Routine.objects.filter(circle=circle, start_date__lte=last)
        .exclude(end_date__lt=first)
        .select_related("technique", "assignee__user")
        .order_by("pk")
    )
    events = [
        CalendarEvent(
            uid=f"routine-{routine.pk}-{due:%Y%m%d}@{circle.slug}.bedside",
            start=instant_at(circle, due, routine.time_of_day),
            minutes=routine.target_minutes or DEFAULT_MINUTES,
            summary=routine.technique.label,
            description=_("For: %(who)s") % {"who": who_text(routine)},
        )
        for routine in routines
        for due in due_days(routine, first, last)
    ]
    events.sort(key=lambda event: (event.start, event.uid))
    return calendar(_("Care plan · %(circle)s") % {"circle": circle.name}, events, now=now)
