"""The write path for home experiments: propose, start, stop, finish (and analyse).

Starting an experiment puts its evenings into the care plan through the care services: a
routine "on listed dates" for the evenings with a session, and the technique's other routines
paused for the experiment's days, so tonight's list says what to do (the ON and OFF
instructions come from :mod:`bedside.helps.tonight`).
"""

from __future__ import annotations

import datetime as dt
import secrets
from dataclasses import dataclass, replace
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bedside.care import services as care
from bedside.care.models import Routine, Technique
from bedside.checkins.models import Trackable
from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.days import today
from bedside.circles.models import Circle, Membership, User
from bedside.circles.roles import Action
from bedside.insights import experiments as ex

from . import selectors
from .models import Experiment, ExperimentNight

ONE_DAY = dt.timedelta(days=1)
EVERY_DAYS = (1, 2, 3, 7)


def kind_for(window: str) -> str:
    """Next-day effects: randomized pairs; week-long effects: on/off blocks."""
    return ex.PAIRS if window == Experiment.Window.NEXT_DAY else ex.BLOCKS


@dataclass(frozen=True)
class Proposal:
    """What the wizard shows before anything is saved."""

    kind: str
    noise: ex.Noise
    plan: ex.LengthPlan
    target_effect: float
    adherence: float

    @property
    def nights(self) -> int:
        return self.plan.days


def experiment_propose(
    *,
    circle: Circle,
    viewer: User,
    outcome: Trackable,
    window: str,
    target_effect: float,
    adherence: float = ex.DEFAULT_ADHERENCE,
    now: dt.datetime | None = None,
) -> Proposal:
    """The design and length for a target effect, from the outcome's own day-to-day variation."""
    require(viewer, circle, Action.READ)
    day = today(circle, now)
    noise = selectors.noise_for(circle=circle, viewer=viewer, trackable=outcome, before=day)
    kind = kind_for(window)
    plan = ex.plan_length(kind, effect=target_effect, noise=noise, adherence=adherence)
    return Proposal(kind, noise, plan, target_effect, adherence)


def _check_choices(
    circle: Circle,
    technique: Technique,
    outcome: Trackable,
    window: str,
    target_effect: float,
    start_date: dt.date,
    first_day: dt.date,
    assignee: Membership | None,
    every_days: int,
) -> None:
    errors: dict[str, str] = {}
    if technique.circle_id != circle.pk or not technique.active:
        errors["technique"] = _("Choose one of the circle's techniques.")
    if outcome.circle_id != circle.pk or not outcome.active:
        errors["outcome"] = _("Choose one of the circle's ratings or measurements.")
    if window not in Experiment.Window.values:
        errors["window"] = _("Choose when the effect would show.")
    if not target_effect > 0:
        errors["target_effect"] = _("Give a change bigger than zero.")
    elif outcome.circle_id == circle.pk and target_effect > outcome.max_value - outcome.min_value:
        errors["target_effect"] = _("That change is bigger than the whole scale.")
    if start_date < first_day:
        errors["start_date"] = _("Start today or later.")
    if assignee is not None and (assignee.circle_id != circle.pk or assignee.revoked_at):
        errors["who"] = _("Choose someone in the circle.")
    if every_days not in EVERY_DAYS:
        errors["every_days"] = _("Choose how often in the ON weeks.")
    if errors:
        raise ValidationError(errors)


def experiment_start(
    *,
    actor: User,
    circle: Circle,
    technique: Technique,
    outcome: Trackable,
    window: str,
    target_effect: float,
    start_date: dt.date,
    time_of_day: dt.time,
    assignee: Membership | None = None,
    assignee_role: str = "",
    every_days: int = 1,
    units: int | None = None,
    seed: int | None = None,
    question: str = "",
    adherence: float = ex.DEFAULT_ADHERENCE,
    now: dt.datetime | None = None,
) -> Experiment:
    """Draw the schedule and put it into the care plan.

    The length comes from the power calculation unless ``units`` (pairs or blocks) is given; the
    seed is drawn at random unless given (tests), and is kept so the schedule can be re-derived.
    """
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    first_day = today(circle, now)
    every_days = every_days if window == Experiment.Window.WEEK else 1
    _check_choices(
        circle,
        technique,
        outcome,
        window,
        target_effect,
        start_date,
        first_day,
        assignee,
        every_days,
    )
    if selectors.running_for_technique(circle=circle, technique=technique) is not None:
        raise ValidationError(
            {"technique": _("An experiment with this technique is already running.")}
        )
    proposal = experiment_propose(
        circle=circle,
        viewer=actor,
        outcome=outcome,
        window=window,
        target_effect=target_effect,
        adherence=adherence,
        now=now,
    )
    kind = proposal.kind
    units = units or proposal.plan.units
    seed = secrets.randbits(31) if seed is None else seed
    if kind == ex.PAIRS:
        design = ex.design_pairs(start_date, units, seed=seed)
    else:
        design = ex.design_blocks(start_date, units, seed=seed, every_days=every_days)
    nights = design.nights()
    existing = selectors.routines_of(circle=circle, viewer=actor, technique=technique)
    model = existing[0] if existing else None
    with transaction.atomic():
        routine = care.routine_create(
            actor=actor,
            circle=circle,
            technique=technique,
            schedule=Routine.Schedule.DATES,
            dates=[n.day for n in nights if n.session],
            time_of_day=time_of_day,
            regions=model.regions if model else None,
            assignee=assignee,
            assignee_role="" if assignee else assignee_role,
            target_minutes=model.target_minutes if model else None,
            start_date=design.start,
            end_date=design.end,
            now=now,
        )
        paused = []
        for other in existing:
            if other.end_date is None or other.end_date >= design.start:
                care.routine_pause(
                    actor=actor, routine=other, days=[n.day for n in nights], now=now
                )
                paused.append(other.pk)
        experiment = Experiment.objects.create(
            circle=circle,
            technique=technique,
            outcome=outcome,
            window=window,
            design=kind,
            units=design.units,
            block_days=design.block_days,
            every_days=design.every_days,
            washout_days=design.washout_days,
            seed=seed,
            start_date=design.start,
            end_date=design.end,
            question=" ".join(question.split())[:200],
            target_effect=target_effect,
            noise=proposal.noise.to_dict(),
            planned_power=ex.power(
                kind,
                effect=target_effect,
                noise=proposal.noise,
                units=design.units,
                adherence=adherence,
            ),
            routine=routine,
            paused_routines=paused,
            assignee=assignee,
            started_by=actor,
            started_at=now,
        )
        ExperimentNight.objects.bulk_create(
            ExperimentNight(
                circle=circle,
                experiment=experiment,
                day=n.day,
                unit=n.unit,
                on=n.on,
                session=n.session,
            )
            for n in nights
        )
        audit(
            actor=actor,
            circle=circle,
            action="experiment.start",
            target=f"experiment:{experiment.pk}",
        )
    return experiment


def _response_end(experiment: Experiment, last_evening: dt.date) -> dt.date:
    """The last rated day that belongs to the experiment: the morning after its last evening
    for next-day effects."""
    if experiment.window == Experiment.Window.NEXT_DAY:
        return last_evening + ONE_DAY
    return last_evening


def experiment_analyse(experiment: Experiment, *, last_evening: dt.date) -> dict[str, Any]:
    """The randomization test on the ratings so far, with adherence and what could be seen.

    Reads only the experiment's own circle; called by services (stop, finish), never by views.
    """
    design = selectors.design_of(experiment)
    end = _response_end(experiment, last_evening)
    # Ratings after the last evening (or its next morning) belong to no evening of the test.
    values = selectors.daily_values(
        experiment.circle, experiment.outcome, experiment.start_date, end
    )
    test = ex.randomization_test(design, values)
    noise = ex.Noise(**experiment.noise) if experiment.noise else ex.default_noise()
    adherence = selectors.adherence(experiment, last_evening)
    completed = design.units_through(last_evening)
    # What the analysed units could have shown: pairs lost to a missing rating are already out.
    if design.kind == ex.PAIRS:
        noise = replace(noise, rated_share=1.0)
    detectable = ex.detectable_effect(design.kind, noise=noise, units=max(test.units_used, 1))
    return {
        "test": test.to_dict(),
        "adherence": adherence.to_dict(),
        "last_evening": last_evening.isoformat(),
        "units_completed": completed,
        "units_planned": design.units,
        "detectable": detectable,
        "stopped_early": completed < design.units,
        "direction": experiment.outcome.direction,
        "unit": experiment.outcome.unit,
        "analysed_at": timezone.now().isoformat(),
    }


def experiment_stop(
    *, actor: User, experiment: Experiment, now: dt.datetime | None = None
) -> Experiment:
    """Stop early: tonight is no longer an experiment evening; the result is what can be said."""
    circle = experiment.circle
    require(actor, circle, Action.PLAN)
    now = now or timezone.now()
    if not experiment.is_running:
        raise ValidationError(_("This experiment is not running."))
    day = today(circle, now)
    last_evening = max(min(day - ONE_DAY, experiment.end_date), experiment.start_date - ONE_DAY)
    with transaction.atomic():
        _release_plan(actor, experiment, last_evening, day, now)
        experiment.status = Experiment.Status.STOPPED
        experiment.stopped_by = actor
        experiment.stopped_at = now
        experiment.last_evening = last_evening
        experiment.result = experiment_analyse(experiment, last_evening=last_evening)
        experiment.save()
        audit(
            actor=actor,
            circle=circle,
            action="experiment.stop",
            target=f"experiment:{experiment.pk}",
        )
    return experiment


def _release_plan(
    actor: User, experiment: Experiment, last_evening: dt.date, day: dt.date, now: dt.datetime
) -> None:
    """End the experiment's routine and give the paused routines their evenings back."""
    routine = experiment.routine
    if routine is not None and (routine.end_date is None or routine.end_date > last_evening):
        care.routine_end(actor=actor, routine=routine, last_day=last_evening, now=now)
    remaining = [d for d in experiment.nights.filter(day__gte=day).values_list("day", flat=True)]
    for other in Routine.objects.filter(
        circle=experiment.circle, pk__in=experiment.paused_routines
    ):
        care.routine_pause(actor=actor, routine=other, days=remaining, paused=False, now=now)


def experiments_finish(circle: Circle, now: dt.datetime | None = None) -> int:
    """Finish every running experiment whose last evening (and, for next-day effects, the
    morning after it) is over. A system action, like closing days: safe to run any time."""
    now = now or timezone.now()
    day = today(circle, now)
    done = 0
    for experiment in Experiment.objects.filter(circle=circle, status=Experiment.Status.RUNNING):
        if _response_end(experiment, experiment.end_date) >= day:
            continue
        with transaction.atomic():
            locked = Experiment.objects.select_for_update().get(pk=experiment.pk)
            if locked.status != Experiment.Status.RUNNING:
                continue
            locked.status = Experiment.Status.FINISHED
            locked.last_evening = locked.end_date
            locked.result = experiment_analyse(locked, last_evening=locked.end_date)
            locked.save(update_fields=["status", "last_evening", "result"])
            audit(
                actor=None,
                circle=circle,
                action="experiment.finish",
                target=f"experiment:{locked.pk}",
            )
            done += 1
    return done
