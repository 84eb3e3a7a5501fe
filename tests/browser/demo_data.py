"""A week of records in the personas' circle, so pages are checked with content on them.

An empty page hides most accessibility problems (no list rows, no chart, no buttons per row).
This writes a little of everything straight through the models: a routine with today's and
yesterday's occurrences, a session, a week of check-in answers, a note and an open invitation.
When the apps' services exist they should replace these direct writes.
"""

from __future__ import annotations

import datetime as dt
import re

from django.apps import apps
from django.db import models
from django.utils import timezone

from bedside.circles import days


def seed(personas: object) -> None:
    circle = personas.circle  # type: ignore[attr-defined]
    Membership = apps.get_model("circles", "Membership")
    Technique = apps.get_model("care", "Technique")
    Routine = apps.get_model("care", "Routine")
    Occurrence = apps.get_model("care", "Occurrence")
    Session = apps.get_model("care", "Session")
    Trackable = apps.get_model("checkins", "Trackable")
    Observation = apps.get_model("checkins", "Observation")
    Note = apps.get_model("checkins", "Note")
    Invitation = apps.get_model("circles", "Invitation")

    person = Membership.objects.get(circle=circle, user=personas.person)  # type: ignore[attr-defined]
    caregiver = Membership.objects.get(circle=circle, user=personas.caregiver)  # type: ignore[attr-defined]
    today = days.today(circle)
    technique = Technique.objects.filter(circle=circle).order_by("pk").first()
    if technique is None:  # the catalogue hook did not run: make one
        technique = Technique.objects.create(circle=circle, name="Hand massage")
    routine = Routine.objects.create(
        circle=circle,
        technique=technique,
        regions=[],
        assignee=caregiver,
        schedule="daily",
        time_of_day=dt.time(21, 0),
        target_minutes=10,
        start_date=today - dt.timedelta(days=7),
    )
    yesterday = today - dt.timedelta(days=1)
    done = Occurrence.objects.create(
        circle=circle, routine=routine, technique=technique, day=yesterday, status="done"
    )
    Occurrence.objects.create(circle=circle, routine=routine, technique=technique, day=today)
    Session.objects.create(
        circle=circle,
        technique=technique,
        routine=routine,
        occurrence=done,
        day=yesterday,
        performed_at=days.instant_at(circle, yesterday, dt.time(21, 15)),
        performed_by=caregiver,
        minutes=12,
        note="Relaxed afterwards.",
    )
    for trackable in Trackable.objects.filter(circle=circle, active=True)[:4]:
        low, high = trackable.min_value, trackable.max_value
        for back in range(1, 8):
            day = today - dt.timedelta(days=back)
            Observation.objects.create(
                circle=circle,
                trackable=trackable,
                value=low + (high - low) * ((back % 5) + 2) / 10,
                day=day,
                recorded_at=days.instant_at(circle, day, dt.time(9, 30)),
                rater=person,
            )
    Note.objects.create(
        circle=circle,
        day=yesterday,
        recorded_at=days.instant_at(circle, yesterday, dt.time(10, 0)),
        author=person,
        text="Walked stiffly this morning.",
    )
    # A running home experiment, so its page gets the accessibility checks too.
    from bedside.helps.services import experiment_start

    experiment_start(
        actor=personas.coordinator,  # type: ignore[attr-defined]
        circle=circle,
        technique=technique,
        outcome=Trackable.objects.filter(circle=circle, kind="rating", active=True).first(),
        window="next_day",
        target_effect=1.0,
        start_date=today - dt.timedelta(days=4),
        time_of_day=dt.time(20, 0),
        units=6,
        seed=1,
        now=timezone.now() - dt.timedelta(days=4),
    )
    Invitation.objects.create(
        circle=circle,
        email="friend@example.org",
        role="viewer",
        invited_by=personas.coordinator,  # type: ignore[attr-defined]
        expires_at=timezone.now() + dt.timedelta(days=14),
    )


def object_for(circle: object, param: str, url_name: str, route: str = "") -> object | None:
    """A value for a URL parameter, found among the circle's records.

    ``session_id``, ``routine``, ``routine_pk``… name a model of an app; for ``pk`` and ``id``
    the model comes from the path segment before it (``sessions/<int:pk>/`` → Session) or the
    URL name (``routine_edit`` → Routine). ``token`` is an invitation's (the calendar feed's: see below); ``day`` or ``date`` is
    yesterday (a day with records). None when nothing fits. The calendar feed's ``token`` is
    a new private address of a member.
    """
    if param == "token" and url_name.endswith("calendar_feed"):
        from bedside.care.calendar_feed import calendar_feed_create

        member = (
            apps.get_model("circles", "Membership")
            .objects.filter(circle=circle, revoked_at__isnull=True)
            .order_by("pk")
            .first()
        )
        return calendar_feed_create(actor=member.user, circle=circle) if member else None
    if param == "token":
        invitation = apps.get_model("circles", "Invitation").objects.filter(circle=circle).first()
        return invitation.token if invitation else None
    if param in ("day", "date"):
        return (days.today(circle) - dt.timedelta(days=1)).isoformat()  # type: ignore[arg-type]
    if param == "key":
        technique = apps.get_model("care", "Technique").objects.filter(circle=circle)
        return getattr(technique.exclude(key="").first(), "key", None)
    stem = param.removesuffix("_id").removesuffix("_pk")
    words = [stem]
    if stem in ("pk", "id"):
        before = re.search(r"([\w-]+)/<(?:\w+:)?" + param + ">", route)
        words = [before.group(1).removesuffix("s")] if before else []
        words += url_name.split(":")[-1].split("_")
    for word in words:
        for model in apps.get_models():
            if model.__name__.lower() != word.replace("-", ""):
                continue
            if not any(f.name == "circle" for f in model._meta.get_fields()):
                continue
            row: models.Model | None = model.objects.filter(circle=circle).order_by("pk").first()
            if row is not None:
                return row.pk
    return None
