"""Measurements (with units and plausible ranges) and notes: a caregiver's page, not the patient's.

Plain forms that post and redirect; a refused form comes back with what was typed and a
message beside each wrong field, and nothing is saved.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action, role_can
from bedside.web.pages import circle_page

from .. import selectors, services
from ..forms import MeasurementsForm, NoteForm, add_service_errors
from ..models import Trackable

TEMPLATE = "checkins/records.html"


def _page(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    *,
    form: MeasurementsForm | None = None,
    note_form: NoteForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = request.user
    trackables = selectors.active_trackables(
        circle=circle,
        viewer=viewer,  # type: ignore[arg-type]
        kind=Trackable.Kind.MEASUREMENT,
    )
    can_rate = role_can(membership.role, Action.RATE)
    measurements = selectors.recent_measurements(circle=circle, viewer=viewer)  # type: ignore[arg-type]
    notes = selectors.recent_notes(circle=circle, viewer=viewer)  # type: ignore[arg-type]
    context: dict[str, Any] = {
        "circle": circle,
        "membership": membership,
        "can_rate": can_rate,
        "can_plan": role_can(membership.role, Action.PLAN),
        "form": form
        or MeasurementsForm(
            trackables=trackables,
            initial=MeasurementsForm.initial_for(circle, timezone.now()),
        ),
        "note_form": note_form or NoteForm(),
        "measurements": [
            (m, can_rate and services.may_remove(membership, m.created_by_id)) for m in measurements
        ],
        "notes": [
            (n, can_rate and services.may_remove(membership, n.created_by_id)) for n in notes
        ],
    }
    return render(request, TEMPLATE, context, status=status)


def _back(circle: Circle) -> HttpResponse:
    return redirect("checkins:records", circle.slug)


@circle_page(Action.READ)
@require_GET
def records(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _page(request, circle, membership)


@circle_page(Action.RATE)
@require_POST
def measurements_add(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    trackables = selectors.active_trackables(
        circle=circle,
        viewer=request.user,  # type: ignore[arg-type]
        kind=Trackable.Kind.MEASUREMENT,
    )
    form = MeasurementsForm(request.POST, trackables=trackables)
    if form.is_valid():
        try:
            saved = services.measurements_record(
                actor=request.user,  # type: ignore[arg-type]
                circle=circle,
                values=form.values(),
                recorded_at=form.recorded_at(circle),
                note=form.cleaned_data["note"],
            )
        except ValidationError as error:
            add_service_errors(
                form,
                error,
                field_for=lambda key: "time" if key == "time" else form.field_name(key),
            )
        else:
            messages.success(
                request,
                ngettext(
                    "%(count)d measurement saved.", "%(count)d measurements saved.", len(saved)
                )
                % {"count": len(saved)},
            )
            return _back(circle)
    messages.error(request, _("Nothing was saved: please correct the marked fields."))
    return _page(request, circle, membership, form=form, status=400)


@circle_page(Action.RATE)
@require_POST
def observation_remove(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    observation = selectors.observation_in(circle=circle, viewer=request.user, observation_id=pk)  # type: ignore[arg-type]
    label = observation.trackable.label
    try:
        services.observation_undo(actor=request.user, observation=observation)  # type: ignore[arg-type]
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Removed: %(name)s %(value)s.")
            % {
                "name": label,
                "value": observation.value_text,
            },
        )
    return _back(circle)


@circle_page(Action.RATE)
@require_POST
def note_add(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = NoteForm(request.POST)
    if form.is_valid():
        try:
            services.note_add(actor=request.user, circle=circle, text=form.cleaned_data["text"])  # type: ignore[arg-type]
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Note saved."))
            return _back(circle)
    messages.error(request, _("The note was not saved: please correct it."))
    return _page(request, circle, membership, note_form=form, status=400)


@circle_page(Action.RATE)
@require_POST
def note_remove(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    note = selectors.note_in(circle=circle, viewer=request.user, note_id=pk)  # type: ignore[arg-type]
    try:
        services.note_remove(actor=request.user, note=note)  # type: ignore[arg-type]
    except PermissionDenied as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Note removed."))
    return _back(circle)
