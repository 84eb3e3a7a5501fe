"""What helps: the findings page, the experiment wizard, an experiment's page, stopping one."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bedside.care import selectors as care_selectors
from bedside.care.forms import add_service_errors
from bedside.checkins.models import Trackable
from bedside.circles.days import today
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action, role_can
from bedside.insights import experiments as ex
from bedside.web.pages import circle_context, circle_page

from . import selectors, services
from .analysis import what_helps_for
from .forms import ExperimentForm, initial_from_query
from .models import Experiment
from .present import items
from .writeups import writeup

NEEDED_WEEKS = 8
NEEDED_DAYS = 56
NEEDED_WITH = 14


def _can_plan(membership: Membership) -> bool:
    return role_can(membership.role, Action.PLAN)


@require_GET
@circle_page(Action.READ)
def what_helps(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer = request.user
    now = timezone.now()
    services.experiments_finish(circle, now)
    data = what_helps_for(
        circle=circle,
        viewer=viewer,  # type: ignore[arg-type]
        language=getattr(request, "LANGUAGE_CODE", "en"),
        now=now,
    )
    shown = items(data.rows, circle.slug)
    groups = {label: [i for i in shown if i.label == label] for label in {r.label for r in shown}}
    experiments = list(selectors.experiments_for(circle=circle, viewer=viewer))  # type: ignore[arg-type]
    context = circle_context(
        circle,
        membership,
        data=data,
        findings=groups.get("finding", []),
        maybes=groups.get("maybe", []),
        looked=groups.get("no_clear_effect", []) + groups.get("too_early", []),
        apart=groups.get("cant_tell_apart", []),
        running=[e for e in experiments if e.is_running],
        done=[e for e in experiments if not e.is_running],
        can_plan=_can_plan(membership),
        needed={"weeks": NEEDED_WEEKS, "days": NEEDED_DAYS, "with": NEEDED_WITH},
    )
    return render(request, "helps/what_helps.html", context)


def _wizard_form(
    request: HttpRequest, circle: Circle, data: Any = None, initial: dict[str, Any] | None = None
) -> ExperimentForm:
    viewer = request.user
    techniques = care_selectors.techniques_for(circle=circle, viewer=viewer)  # type: ignore[arg-type]
    trackables = list(
        Trackable.objects.filter(circle=circle, active=True).order_by("position", "id")
    )
    members = list(care_selectors.members_who(circle=circle, viewer=viewer))  # type: ignore[arg-type]
    return ExperimentForm(
        data,
        circle=circle,
        techniques=techniques,
        trackables=trackables,
        members=members,
        initial=initial,
    )


def _defaults_from_plan(request: HttpRequest, circle: Circle, initial: dict[str, Any]) -> None:
    """Copy the time and who of the technique's current routine, when it has one."""
    technique_id = initial.get("technique")
    if not technique_id:
        return
    technique = next(
        (
            t
            for t in care_selectors.techniques_for(circle=circle, viewer=request.user)  # type: ignore[arg-type]
            if t.pk == technique_id
        ),
        None,
    )
    if technique is None:
        return
    routines = selectors.routines_of(circle=circle, viewer=request.user, technique=technique)  # type: ignore[arg-type]
    if routines:
        initial["time_of_day"] = routines[0].time_of_day
        if routines[0].assignee_id:
            initial["who"] = f"member:{routines[0].assignee_id}"
        elif routines[0].assignee_role:
            initial["who"] = f"role:{routines[0].assignee_role}"


@require_http_methods(["GET", "POST"])
@circle_page(Action.PLAN)
def experiment_new(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Two steps on one page: choose, see the proposed schedule and its length, then start."""
    tomorrow = today(circle) + dt.timedelta(days=1)
    proposal = None
    status = 200
    if request.method == "POST":
        form = _wizard_form(request, circle, request.POST)
        if form.is_valid():
            data = form.cleaned_data
            assignee, role = form.assignment()
            if request.POST.get("step") == "start":
                try:
                    experiment = services.experiment_start(
                        actor=request.user,  # type: ignore[arg-type]
                        circle=circle,
                        technique=data["technique"],
                        outcome=data["outcome"],
                        window=data["window"],
                        target_effect=data["target_effect"],
                        start_date=data["start_date"],
                        time_of_day=data["time_of_day"],
                        assignee=assignee,
                        assignee_role=role,
                        every_days=data["every_days"],
                        question=data["question"],
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    messages.success(
                        request,
                        _("The experiment is in the care plan from %(date)s.")
                        % {"date": experiment.start_date},
                    )
                    return redirect("helps:experiment", circle.slug, experiment.pk)
            proposal = services.experiment_propose(
                circle=circle,
                viewer=request.user,  # type: ignore[arg-type]
                outcome=data["outcome"],
                window=data["window"],
                target_effect=data["target_effect"],
            )
        if form.errors:
            status = 400
            messages.error(request, _("Nothing was saved. Please check the answers marked below."))
    else:
        initial = initial_from_query(request.GET, tomorrow=tomorrow)
        _defaults_from_plan(request, circle, initial)
        form = _wizard_form(request, circle, initial=initial)
    context = circle_context(circle, membership, form=form, proposal=proposal, ex=ex)
    return render(request, "helps/experiment_new.html", context, status=status)


def _experiment_or_404(request: HttpRequest, circle: Circle, experiment_id: int) -> Experiment:
    experiment = selectors.experiment_for(circle=circle, viewer=request.user, pk=experiment_id)  # type: ignore[arg-type]
    if experiment is None:
        raise Http404
    return experiment


@require_GET
@circle_page(Action.READ)
def experiment(
    request: HttpRequest, circle: Circle, membership: Membership, experiment_id: int
) -> HttpResponse:
    now = timezone.now()
    services.experiments_finish(circle, now)
    item = _experiment_or_404(request, circle, experiment_id)
    day = today(circle, now)
    through = item.last_evening or min(day - dt.timedelta(days=1), item.end_date)
    adherence = selectors.adherence_for(experiment=item, viewer=request.user, through=through)  # type: ignore[arg-type]
    nights = list(item.nights.all())
    context = circle_context(
        circle,
        membership,
        experiment=item,
        nights=nights,
        today=day,
        adherence=adherence,
        done_days=adherence.done_days,
        result=writeup(item, item.result) if item.result else None,
        can_plan=_can_plan(membership),
        evenings_left=sum(1 for n in nights if n.day >= day) if item.is_running else 0,
    )
    return render(request, "helps/experiment.html", context)


@require_POST
@circle_page(Action.PLAN)
def experiment_stop(
    request: HttpRequest, circle: Circle, membership: Membership, experiment_id: int
) -> HttpResponse:
    item = _experiment_or_404(request, circle, experiment_id)
    try:
        services.experiment_stop(actor=request.user, experiment=item)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The experiment was stopped; its result is below."))
    return redirect("helps:experiment", circle.slug, item.pk)
