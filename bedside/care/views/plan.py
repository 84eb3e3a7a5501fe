"""The care plan: routines by time of day, the technique catalogue, and their forms.

Everyone in the circle reads the plan; changing it needs Action.PLAN (person, coordinator,
therapist).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bedside.circles.days import today
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action, role_can
from bedside.web.pages import circle_page

from .. import selectors, services
from ..forms import RoutineForm, TechniqueForm, add_service_errors
from ..models import Routine, Technique
from .tonight import bodymap_context

CHECK = gettext_lazy("Nothing was saved. Please check the answers marked below.")


def _context(circle: Circle, membership: Membership, **extra: Any) -> dict[str, Any]:
    return {
        "circle": circle,
        "membership": membership,
        "can_plan": role_can(membership.role, Action.PLAN),
        **extra,
    }


def _plan_url(circle: Circle, anchor: str = "") -> str:
    url = reverse("care:plan", args=[circle.slug])
    return f"{url}#{anchor}" if anchor else url


def _routine_or_404(request: HttpRequest, circle: Circle, pk: int) -> Routine:
    routine = selectors.routine_for(circle=circle, viewer=request.user, pk=pk)  # type: ignore[arg-type]
    if routine is None:
        raise Http404("No such routine")
    return routine


def _technique_or_404(request: HttpRequest, circle: Circle, pk: int) -> Technique:
    found = [
        t
        for t in selectors.techniques_for(
            circle=circle,
            viewer=request.user,  # type: ignore[arg-type]
            include_inactive=True,
        )
        if t.pk == pk
    ]
    if not found:
        raise Http404("No such technique")
    return found[0]


@require_GET
@circle_page(Action.READ)
def plan(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    viewer = request.user
    context = _context(
        circle,
        membership,
        routines=selectors.routines_for(circle=circle, viewer=viewer),  # type: ignore[arg-type]
        ended=selectors.routines_for(circle=circle, viewer=viewer, ended=True),  # type: ignore[arg-type]
    )
    return render(request, "care/plan.html", context)


def _routine_form(request: HttpRequest, circle: Circle, routine: Routine | None) -> RoutineForm:
    viewer = request.user
    techniques = selectors.techniques_for(circle=circle, viewer=viewer)  # type: ignore[arg-type]
    if routine is not None and routine.technique not in techniques:
        techniques.append(routine.technique)  # a retired technique stays on its own routine
    initial = (
        RoutineForm.initial_for(routine)
        if routine
        else {"who": "anyone", "schedule": "daily", "start_date": today(circle)}
    )
    return RoutineForm(
        request.POST or None,
        circle=circle,
        techniques=techniques,
        members=list(selectors.members_who(circle=circle, viewer=viewer)),  # type: ignore[arg-type]
        initial=initial,
    )


def _save_routine(
    request: HttpRequest, circle: Circle, form: RoutineForm, routine: Routine | None
) -> Routine | None:
    data = form.cleaned_data
    assignee, role = form.assignment()
    fields: dict[str, Any] = {
        "technique": data["technique"],
        "schedule": data["schedule"],
        "time_of_day": data["time_of_day"],
        "regions": data["regions"],
        "assignee": assignee,
        "assignee_role": role,
        "weekdays": data["weekdays"],
        "every_n_days": data["every_n_days"],
        "target_minutes": data["target_minutes"],
        "start_date": data["start_date"],
        "end_date": data["end_date"],
        "notes": data["notes"],
    }
    try:
        if routine is None:
            return services.routine_create(actor=request.user, circle=circle, **fields)  # type: ignore[arg-type]
        return services.routine_update(actor=request.user, routine=routine, **fields)  # type: ignore[arg-type]
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def _routine_page(
    request: HttpRequest, circle: Circle, membership: Membership, routine: Routine | None
) -> HttpResponse:
    form = _routine_form(request, circle, routine)
    status = 200
    if request.method == "POST":
        saved = form.is_valid() and _save_routine(request, circle, form, routine)
        if saved:
            messages.success(request, _saved(saved))
            return redirect(_plan_url(circle, f"routine-{saved.pk}"))
        messages.error(request, str(CHECK))
        status = 400
    context = _context(circle, membership, form=form, routine=routine, **bodymap_context())
    return render(request, "care/routine_form.html", context, status=status)


def _saved(routine: Routine) -> str:
    return _("Saved: %(what)s.") % {"what": routine.technique.label}


@require_http_methods(["GET", "POST"])
@circle_page(Action.PLAN)
def routine_new(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _routine_page(request, circle, membership, None)


@require_http_methods(["GET", "POST"])
@circle_page(Action.PLAN)
def routine_edit(
    request: HttpRequest, circle: Circle, membership: Membership, routine_id: int
) -> HttpResponse:
    return _routine_page(request, circle, membership, _routine_or_404(request, circle, routine_id))


@require_POST
@circle_page(Action.PLAN)
def routine_end(
    request: HttpRequest, circle: Circle, membership: Membership, routine_id: int
) -> HttpResponse:
    routine = _routine_or_404(request, circle, routine_id)
    services.routine_end(actor=request.user, routine=routine)  # type: ignore[arg-type]
    messages.success(
        request,
        _("Ended: %(what)s. It is under “Ended routines”, where you can resume it.")
        % {"what": routine.technique.label},
    )
    return redirect(_plan_url(circle, f"routine-{routine.pk}"))


@require_POST
@circle_page(Action.PLAN)
def routine_resume(
    request: HttpRequest, circle: Circle, membership: Membership, routine_id: int
) -> HttpResponse:
    routine = _routine_or_404(request, circle, routine_id)
    services.routine_resume(actor=request.user, routine=routine)  # type: ignore[arg-type]
    messages.success(request, _("Resumed: %(what)s.") % {"what": routine.technique.label})
    return redirect(_plan_url(circle, f"routine-{routine.pk}"))


@require_GET
@circle_page(Action.READ)
def techniques(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    rows = selectors.techniques_for(circle=circle, viewer=request.user, include_inactive=True)  # type: ignore[arg-type]
    return render(request, "care/techniques.html", _context(circle, membership, techniques=rows))


def _technique_page(
    request: HttpRequest, circle: Circle, membership: Membership, technique: Technique | None
) -> HttpResponse:
    initial = (
        {
            "name": technique.name,
            "instructions": technique.instructions,
            "safety_notes": technique.safety_notes,
            "active": technique.active,
        }
        if technique
        else {}
    )
    form = TechniqueForm(request.POST or None, technique=technique, initial=initial)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            try:
                if technique is None:
                    saved = services.technique_create(
                        actor=request.user,  # type: ignore[arg-type]
                        circle=circle,
                        name=data["name"],
                        instructions=data["instructions"],
                        safety_notes=data["safety_notes"],
                    )
                else:
                    saved = services.technique_update(
                        actor=request.user,  # type: ignore[arg-type]
                        technique=technique,
                        name=data.get("name"),
                        instructions=data["instructions"],
                        safety_notes=data["safety_notes"],
                        active=data["active"],
                    )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved: %(what)s.") % {"what": saved.label})
                url = reverse("care:techniques", args=[circle.slug])
                return redirect(f"{url}#technique-{saved.pk}")
        messages.error(request, str(CHECK))
        status = 400
    context = _context(circle, membership, form=form, technique=technique)
    return render(request, "care/technique_form.html", context, status=status)


@require_http_methods(["GET", "POST"])
@circle_page(Action.PLAN)
def technique_new(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _technique_page(request, circle, membership, None)


@require_http_methods(["GET", "POST"])
@circle_page(Action.PLAN)
def technique_edit(
    request: HttpRequest, circle: Circle, membership: Membership, technique_id: int
) -> HttpResponse:
    return _technique_page(
        request, circle, membership, _technique_or_404(request, circle, technique_id)
    )
