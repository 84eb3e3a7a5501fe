"""The care plan's write path: techniques and routines (Action.PLAN)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action, Role

from ..catalogue import TECHNIQUE_LIST
from ..models import Occurrence, Routine, Technique
from .checks import belongs, clean_minutes, clean_note, clean_regions, clean_time
from .days import days_close, occurrences_ensure

MAX_EVERY_N = 365


def catalogue_install(circle: Circle) -> None:
    """Give a circle its own copy of the technique catalogue (called by ``circle_create``).

    Idempotent: run again, it adds only the catalogue techniques the circle lacks, so circles
    made before a technique joined the catalogue can be brought up to date.
    """
    have = set(Technique.objects.filter(circle=circle).values_list("key", flat=True))
    taken = {
        n.casefold() for n in Technique.objects.filter(circle=circle).values_list("name", flat=True)
    }
    Technique.objects.bulk_create(
        Technique(circle=circle, key=t.key, name=t.name)
        for t in TECHNIQUE_LIST
        if t.key not in have and t.name.casefold() not in taken
    )


# --- techniques ---------------------------------------------------------------------------


def _technique_text(name: str, instructions: str, safety_notes: str) -> tuple[str, str, str]:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError({"name": _("Give the technique a name.")})
    if len(name) > 80:
        raise ValidationError({"name": _("Keep the name under 80 characters.")})
    return name, clean_note(instructions, "instructions"), clean_note(safety_notes, "safety_notes")


def _unique_name(circle: Circle, name: str, exclude: int | None = None) -> None:
    clash = Technique.objects.filter(circle=circle, name__iexact=name).exclude(pk=exclude)
    labels = {
        t.label.casefold() for t in Technique.objects.filter(circle=circle).exclude(pk=exclude)
    }
    if clash.exists() or name.casefold() in labels:
        raise ValidationError({"name": _("The circle already has a technique with that name.")})


def technique_create(
    *, actor: User, circle: Circle, name: str, instructions: str = "", safety_notes: str = ""
) -> Technique:
    """Add a circle's own technique (with its own instructions and safety notes)."""
    require(actor, circle, Action.PLAN)
    name, instructions, safety_notes = _technique_text(name, instructions, safety_notes)
    with transaction.atomic():
        _unique_name(circle, name)
        technique = Technique.objects.create(
            circle=circle, name=name, instructions=instructions, safety_notes=safety_notes
        )
        audit(
            actor=actor,
            circle=circle,
            action="technique.create",
            target=f"technique:{technique.pk}",
        )
    return technique


def technique_update(
    *,
    actor: User,
    technique: Technique,
    name: str | None = None,
    instructions: str = "",
    safety_notes: str = "",
    active: bool = True,
) -> Technique:
    """Change a technique. A catalogue technique keeps its name and translated text; what the
    circle writes is shown after the catalogue's instructions and safety notes."""
    circle = technique.circle
    require(actor, circle, Action.PLAN)
    if technique.is_catalogue or name is None:
        name = technique.name
    name, instructions, safety_notes = _technique_text(name, instructions, safety_notes)
    with transaction.atomic():
        if not technique.is_catalogue:
            _unique_name(circle, name, exclude=technique.pk)
        technique.name = name
        technique.instructions = instructions
        technique.safety_notes = safety_notes
        technique.active = bool(active)
        technique.save(update_fields=["name", "instructions", "safety_notes", "active"])
        audit(
            actor=actor,
            circle=circle,
            action="technique.update",
            target=f"technique:{technique.pk}",
        )
    return technique


# --- routines -----------------------------------------------------------------------------


def _routine_fields(
    circle: Circle,
    *,
    technique: Technique,
    regions: Iterable[str] | None,
    assignee: Membership | None,
    assignee_role: str,
    schedule: str,
    weekdays: Iterable[int] | None,
    every_n_days: int | None,
    time_of_day: dt.time | None,
    target_minutes: int | None,
    start_date: dt.date,
    end_date: dt.date | None,
    notes: str,
    dates: Iterable[dt.date] | None = None,
) -> dict[str, object]:
    belongs(technique, circle, "technique", _("Choose one of the circle's techniques."))
    if not technique.active:
        raise ValidationError({"technique": _("That technique is no longer in use.")})
    if assignee is not None:
        belongs(assignee, circle, "who", _("Choose someone in the circle."))
        if assignee.revoked_at is not None:
            raise ValidationError({"who": _("That person is no longer in the circle.")})
        assignee_role = ""
    assignee_role = assignee_role or ""
    if assignee_role and assignee_role not in Role.values:
        raise ValidationError({"who": _("Choose someone in the circle.")})
    if schedule not in Routine.Schedule.values:
        raise ValidationError({"schedule": _("Choose how often.")})
    days: list[int] = []
    n: int | None = None
    if schedule == Routine.Schedule.WEEKDAYS:
        try:
            days = sorted({int(d) for d in (weekdays or [])})
        except (TypeError, ValueError):
            days = [-1]
        if not days or days[0] < 0 or days[-1] > 6:
            raise ValidationError({"weekdays": _("Choose at least one day of the week.")})
    if schedule == Routine.Schedule.EVERY_N_DAYS:
        if isinstance(every_n_days, bool) or not isinstance(every_n_days, int):
            raise ValidationError({"every_n_days": _("Say every how many days.")})
        if not 2 <= every_n_days <= MAX_EVERY_N:
            raise ValidationError(
                {"every_n_days": _("Every 2 to %(n)d days.") % {"n": MAX_EVERY_N}}
            )
        n = every_n_days
    listed: list[str] = []
    if schedule == Routine.Schedule.DATES:
        try:
            listed = sorted({d.isoformat() for d in (dates or [])})
        except AttributeError:
            listed = []
        if not listed:
            raise ValidationError({"dates": _("Choose at least one date.")})
        start_date = min(start_date, dt.date.fromisoformat(listed[0]))
    if end_date is not None and end_date < start_date:
        raise ValidationError({"end_date": _("The end comes before the start.")})
    return {
        "dates": listed,
        "technique": technique,
        "regions": clean_regions(regions),
        "assignee": assignee,
        "assignee_role": assignee_role,
        "schedule": schedule,
        "weekdays": days,
        "every_n_days": n,
        "time_of_day": clean_time(time_of_day, "time_of_day"),
        "target_minutes": clean_minutes(target_minutes, "target_minutes"),
        "start_date": start_date,
        "end_date": end_date,
        "notes": clean_note(notes, "notes"),
    }


def routine_create(
    *,
    actor: User,
    circle: Circle,
    technique: Technique,
    schedule: str,
    time_of_day: dt.time | None,
    regions: Iterable[str] | None = None,
    assignee: Membership | None = None,
    assignee_role: str = "",
    weekdays: Iterable[int] | None = None,
    every_n_days: int | None = None,
    target_minutes: int | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    notes: str = "",
    dates: Iterable[dt.date] | None = None,
    now: dt.datetime | None = None,
) -> Routine:
    """Add a line to the care plan. Its first occurrence can be tonight's.

    ``dates`` lists the evenings of the "on listed dates" schedule (home experiments)."""
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    fields = _routine_fields(
        circle,
        technique=technique,
        regions=regions,
        assignee=assignee,
        assignee_role=assignee_role,
        schedule=schedule,
        weekdays=weekdays,
        every_n_days=every_n_days,
        time_of_day=time_of_day,
        target_minutes=target_minutes,
        start_date=start_date or today(circle, now),
        end_date=end_date,
        notes=notes,
        dates=dates,
    )
    with transaction.atomic():
        routine = Routine.objects.create(
            circle=circle,
            created_by=actor,
            created_at=now,
            active=end_date is None or end_date >= today(circle, now),
            # Days before the routine existed are never counted as missed.
            closed_through=today(circle, now) - dt.timedelta(days=1),
            **fields,
        )
        audit(actor=actor, circle=circle, action="routine.create", target=f"routine:{routine.pk}")
    return routine


def _replan(routine: Routine, now: dt.datetime) -> None:
    """After a change: drop occurrences not yet acted on from today on (they are made again
    from the new plan) and never count the past against the new plan."""
    circle = routine.circle
    day = today(circle, now)
    Occurrence.objects.filter(routine=routine, day__gte=day, status=Occurrence.Status.DUE).delete()
    yesterday = day - dt.timedelta(days=1)
    if routine.closed_through is None or routine.closed_through < yesterday:
        routine.closed_through = yesterday
        routine.save(update_fields=["closed_through"])


def routine_update(
    *,
    actor: User,
    routine: Routine,
    technique: Technique,
    schedule: str,
    time_of_day: dt.time | None,
    regions: Iterable[str] | None = None,
    assignee: Membership | None = None,
    assignee_role: str = "",
    weekdays: Iterable[int] | None = None,
    every_n_days: int | None = None,
    target_minutes: int | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    notes: str = "",
    dates: Iterable[dt.date] | None = None,
    now: dt.datetime | None = None,
) -> Routine:
    """Change a routine. What was done, skipped or missed before stays as it was."""
    circle = routine.circle
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    fields = _routine_fields(
        circle,
        technique=technique,
        regions=regions,
        assignee=assignee,
        assignee_role=assignee_role,
        schedule=schedule,
        weekdays=weekdays,
        every_n_days=every_n_days,
        time_of_day=time_of_day,
        target_minutes=target_minutes,
        start_date=start_date or routine.start_date,
        end_date=end_date,
        notes=notes,
        dates=dates,
    )
    with transaction.atomic():
        # Close the past under the old plan first, so an edit never rewrites history.
        days_close(circle, now)
        routine.refresh_from_db()
        for name, value in fields.items():
            setattr(routine, name, value)
        routine.active = end_date is None or end_date >= today(circle, now)
        routine.save()
        _replan(routine, now)
        occurrences_ensure(circle, today(circle, now))
        audit(actor=actor, circle=circle, action="routine.update", target=f"routine:{routine.pk}")
    return routine


def routine_end(
    *,
    actor: User,
    routine: Routine,
    last_day: dt.date | None = None,
    now: dt.datetime | None = None,
) -> Routine:
    """Stop a routine. By default its last day was yesterday, so it leaves tonight's list;
    tonight's occurrence stays if it was already done or skipped."""
    circle = routine.circle
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    last_day = last_day or today(circle, now) - dt.timedelta(days=1)
    with transaction.atomic():
        days_close(circle, now)
        routine.refresh_from_db()
        routine.end_date = last_day
        routine.active = last_day >= today(circle, now)
        routine.save(update_fields=["end_date", "active"])
        Occurrence.objects.filter(
            routine=routine, day__gt=last_day, status=Occurrence.Status.DUE
        ).delete()
        audit(actor=actor, circle=circle, action="routine.end", target=f"routine:{routine.pk}")
    return routine


def routine_resume(*, actor: User, routine: Routine, now: dt.datetime | None = None) -> Routine:
    """Undo ending a routine: it is due again from today; the days it was stopped stay empty."""
    circle = routine.circle
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    with transaction.atomic():
        days_close(circle, now)
        routine.refresh_from_db()
        routine.end_date = None
        routine.active = True
        routine.save(update_fields=["end_date", "active"])
        _replan(routine, now)
        occurrences_ensure(circle, today(circle, now))
        audit(actor=actor, circle=circle, action="routine.resume", target=f"routine:{routine.pk}")
    return routine


def routine_pause(
    *,
    actor: User,
    routine: Routine,
    days: Iterable[dt.date],
    paused: bool = True,
    now: dt.datetime | None = None,
) -> Routine:
    """Pause a routine on some days (it is not due on them), or (``paused=False``) undo that.

    Only today and later days change: the past stays as it was recorded. Used by home
    experiments, which decide on which evenings the technique is given.
    """
    circle = routine.circle
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    first = today(circle, now)
    wanted = {d.isoformat() for d in days if d >= first}
    with transaction.atomic():
        days_close(circle, now)
        routine.refresh_from_db()
        current = set(routine.paused_dates or [])
        routine.paused_dates = sorted(current | wanted if paused else current - wanted)
        routine.save(update_fields=["paused_dates"])
        if paused:
            Occurrence.objects.filter(
                routine=routine,
                day__in=[dt.date.fromisoformat(d) for d in wanted],
                status=Occurrence.Status.DUE,
            ).delete()
        else:
            occurrences_ensure(circle, first)
        audit(actor=actor, circle=circle, action="routine.pause", target=f"routine:{routine.pk}")
    return routine
