"""Make (or remake) the demo circle: people, care plan, 180 days of history, tonight's list.

Everything goes through the services a family's own actions use — accounts, the circle, members,
routines (``bedside.care.services``) and the importer for the history — except what no service
offers yet, done through the models and marked where it happens: backdating when the circle and
its memberships began, :func:`link_history_to_routines`, and erasing the circle in
:func:`demo_delete` (to be replaced by a circle-erasure service when ``bedside.circles`` has one).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _

from bedside.care.models import Occurrence, Routine, Session, SessionRating, Technique
from bedside.care.schedule import due_days
from bedside.care.services import occurrences_ensure, routine_create
from bedside.checkins.models import Note, Observation
from bedside.circles.audit import audit
from bedside.circles.days import day_of, instant_at, today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.services import circle_create, circle_update, membership_add, user_create
from bedside.reports.importer import ImportResult, events_import

from . import history
from .plan import PEOPLE, ROUTINES, SLUG, TIMEZONE, RoutineSpec, history_start, start_date
from .progression import add_progression

DEFAULT_PASSWORD = "warm hands at night"  # a local demo: the password is printed on screen
NOON = dt.time(12, 0)


@dataclass
class Built:
    circle: Circle
    result: ImportResult
    routines: int


def demo_circle() -> Circle | None:
    return Circle.objects.filter(slug=SLUG).first()


def demo_delete() -> None:
    """Remove the demo circle and the demo accounts that belong to no other circle."""
    circle = demo_circle()
    usernames = [p.username for p in PEOPLE]
    with transaction.atomic():
        if circle is not None:
            # Protected links (a session's technique, an answer's trackable) point inside the
            # circle: delete the record before the plan and the trackables it refers to.
            for model in (SessionRating, Session, Occurrence, Routine, Observation, Note):
                model.objects.filter(circle=circle).delete()
            circle.delete()
        User.objects.filter(username__in=usernames).exclude(
            pk__in=Membership.objects.values("user")
        ).delete()


def _users(password: str) -> dict[str, User]:
    taken = set(
        User.objects.filter(username__in=[p.username for p in PEOPLE]).values_list(
            "username", flat=True
        )
    )
    if taken:
        raise ValueError(
            _("These user names are taken, and the demo needs them: %(names)s")
            % {"names": ", ".join(sorted(taken))}
        )
    return {
        p.username: user_create(username=p.username, password=password, display_name=p.name)
        for p in PEOPLE
    }


def _routines(
    circle: Circle, claire: User, members: dict[str, Membership], day: dt.date
) -> list[tuple[RoutineSpec, Routine]]:
    techniques = {t.key: t for t in Technique.objects.filter(circle=circle).exclude(key="")}
    made = []
    for spec in ROUTINES:
        first = start_date(spec, day)
        made.append(
            (
                spec,
                routine_create(
                    actor=claire,
                    circle=circle,
                    technique=techniques[spec.key],
                    schedule=spec.schedule,
                    time_of_day=spec.time,
                    regions=list(spec.regions),
                    assignee=members[spec.who],
                    weekdays=list(spec.weekdays),
                    every_n_days=spec.every_n_days,
                    target_minutes=spec.minutes,
                    start_date=first,
                    # Planned on its first day, as the family would have.
                    now=instant_at(circle, first, NOON),
                ),
            )
        )
    return made


def link_history_to_routines(
    circle: Circle, routines: list[tuple[RoutineSpec, Routine]], day: dt.date
) -> None:
    """Tie the imported history to the routines it fulfilled, as if logged from tonight's list.

    Imported rows carry no routine (the interchange format has none). Here every past due day of
    every routine gets its occurrence: done when a session of that technique was given that day,
    else the imported missed or skipped row, now part of the routine. No care service does this
    (yet): it writes through the models, in one transaction, audited as a system action. If
    ``bedside.care`` gains a service that attaches past sessions to a plan, call it here instead.
    """
    last = day - dt.timedelta(days=1)
    given = set(
        Session.objects.filter(circle=circle, routine__isnull=True).values_list(
            "technique_id", "day"
        )
    )
    loose = {
        (o.technique_id, o.day): o
        for o in Occurrence.objects.filter(circle=circle, routine__isnull=True)
    }
    adopted: list[int] = []
    occurrences: list[Occurrence] = []
    for _spec, routine in routines:
        for due in due_days(routine, routine.start_date, last):
            key = (routine.technique_id, due)
            occurrence = Occurrence(
                circle=circle,
                routine=routine,
                technique_id=routine.technique_id,
                day=due,
                due_at=instant_at(circle, due, routine.time_of_day),
                status=Occurrence.Status.DONE if key in given else Occurrence.Status.MISSED,
            )
            if key in loose:  # the imported missed or skipped row, now the routine's
                row = loose[key]
                adopted.append(row.pk)
                for name in ("status", "reason", "by_name", "note", "changed_by_id"):
                    setattr(occurrence, name, getattr(row, name))
            occurrences.append(occurrence)
    planned = Occurrence.objects.filter(
        circle=circle,
        routine__isnull=False,
        technique_id=OuterRef("technique_id"),
        day=OuterRef("day"),
    )
    with transaction.atomic():
        Occurrence.objects.filter(pk__in=adopted).delete()
        Occurrence.objects.bulk_create(occurrences, batch_size=500)
        # Each session fulfils its day's occurrence of its technique (one UPDATE, not 800).
        Session.objects.filter(circle=circle, routine__isnull=True).update(
            occurrence_id=Subquery(planned.values("pk")[:1]),
            routine_id=Subquery(planned.values("routine_id")[:1]),
        )
        Routine.objects.filter(circle=circle).filter(
            Q(closed_through__isnull=True) | Q(closed_through__lt=last)
        ).update(closed_through=last)
        audit(actor=None, circle=circle, action="demo.link", target=f"through:{last}")


def demo_create(*, password: str, now: dt.datetime | None = None) -> Built:
    """Create the demo family, circle, plan and history (about 2,700 events)."""
    now = now or timezone.now()
    users = _users(password)
    claire = users["claire"]
    circle = circle_create(
        actor=claire, name=_("Daniel's circle"), slug=SLUG, timezone_name=TIMEZONE
    )
    day = today(circle, now)
    first = history_start(day)
    circle = circle_update(
        actor=claire,
        circle=circle,
        name=circle.name,
        timezone_name=TIMEZONE,
        day_boundary=circle.day_boundary,
        symptom_onset=first - dt.timedelta(days=900),
        diagnosis_date=first - dt.timedelta(days=540),
    )
    # The circle existed before the history began (created_at drives nothing else).
    Circle.objects.filter(pk=circle.pk).update(created_at=instant_at(circle, first, NOON))
    members = {"claire": Membership.objects.get(circle=circle, user=claire)}
    for person in PEOPLE:
        if person.username != "claire":
            members[person.username] = membership_add(
                actor=claire, circle=circle, user=users[person.username], role=person.role
            )
    # Everyone joined before the history began.
    Membership.objects.filter(circle=circle).update(joined_at=instant_at(circle, first, NOON))
    routines = _routines(circle, claire, members, day)
    result = events_import(actor=claire, circle=circle, events=history.generate(day))
    link_history_to_routines(circle, routines, day)
    add_progression(circle, today=day)
    occurrences_ensure(circle, day_of(circle, now))
    return Built(circle, result, len(routines))
