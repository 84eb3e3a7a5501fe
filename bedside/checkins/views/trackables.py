"""The questions page: add the circle's own trackables, change a scale, reorder, hide, show.

For the roles that may change the plan (person, coordinator, therapist). Moving is done with
"Up" and "Down" buttons (no dragging, ACCESSIBILITY.md T8).
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action
from bedside.web.pages import circle_page

from .. import selectors, services
from ..forms import RenameForm, ScaleForm, TrackableForm, add_service_errors
from ..models import Trackable
from ..trackables import is_current, versions_of


def _list_page(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    *,
    form: TrackableForm | None = None,
    status: int = 200,
) -> HttpResponse:
    viewer = request.user
    shown = list(selectors.active_trackables(circle=circle, viewer=viewer))  # type: ignore[arg-type]
    context: dict[str, Any] = {
        "circle": circle,
        "membership": membership,
        "shown": shown,
        "hidden": selectors.hidden_trackables(circle=circle, viewer=viewer),  # type: ignore[arg-type]
        "form": form
        or TrackableForm(initial={"min_value": 0, "max_value": 10, "direction": "lower"}),
    }
    return render(request, "checkins/trackables.html", context, status=status)


def _edit_page(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    trackable: Trackable,
    *,
    rename: RenameForm | None = None,
    scale: ScaleForm | None = None,
    status: int = 200,
) -> HttpResponse:
    initial = {field: getattr(trackable, field) for field in ("min_value", "max_value", "unit")}
    initial.update(
        direction=trackable.direction,
        low_label=trackable.low_label,
        high_label=trackable.high_label,
    )
    for field in ("min_value", "max_value"):
        value = initial[field]
        initial[field] = int(value) if float(value).is_integer() else value
    scale = scale or ScaleForm(initial=initial)
    # Empty ends keep the words in use now (the catalogue's are translated; typed ones are not).
    for field, words in (("low_label", trackable.low_text), ("high_label", trackable.high_text)):
        scale.fields[field].help_text = _("Leave empty to keep “%(words)s”.") % {"words": words}
    context: dict[str, Any] = {
        "circle": circle,
        "membership": membership,
        "trackable": trackable,
        "versions": versions_of(trackable),
        "current": is_current(trackable),
        "rename": rename or RenameForm(initial={"name": trackable.label}),
        "scale": scale,
    }
    return render(request, "checkins/trackable.html", context, status=status)


def _trackable(request: HttpRequest, circle: Circle, pk: int) -> Trackable:
    return selectors.trackable_in(circle=circle, viewer=request.user, trackable_id=pk)  # type: ignore[arg-type]


def _to_list(circle: Circle) -> HttpResponse:
    return redirect("checkins:trackables", circle.slug)


@circle_page(Action.PLAN)
@require_GET
def trackables(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _list_page(request, circle, membership)


@circle_page(Action.PLAN)
@require_POST
def trackable_add(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    form = TrackableForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            created = services.trackable_create(
                actor=request.user,  # type: ignore[arg-type]
                circle=circle,
                name=data["name"],
                kind=data["kind"],
                **form.scale(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Added: %(name)s.") % {"name": created.label})
            return _to_list(circle)
    messages.error(request, _("Nothing was added: please correct the form."))
    return _list_page(request, circle, membership, form=form, status=400)


@circle_page(Action.PLAN)
@require_POST
def trackable_change(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    """The small buttons of the list: up, down, hide, show, ask or stop asking in the check-in."""
    trackable = _trackable(request, circle, pk)
    do = request.POST.get("do", "")
    shown = list(selectors.active_trackables(circle=circle, viewer=request.user))  # type: ignore[arg-type]
    place = shown.index(trackable) if trackable in shown else len(shown)
    changes: dict[str, dict[str, Any]] = {
        "up": {"position": place - 1},
        "down": {"position": place + 1},
        "hide": {"active": False},
        "show": {"active": True, "position": len(shown)},
        "ask": {"in_checkin": True},
        "stop-asking": {"in_checkin": False},
    }
    words = {
        "up": _("%(name)s moved up."),
        "down": _("%(name)s moved down."),
        "hide": _("%(name)s is hidden; its record is kept."),
        "show": _("%(name)s is shown again."),
        "ask": _("%(name)s is asked in the check-in."),
        "stop-asking": _("%(name)s is no longer asked in the check-in."),
    }
    if do not in changes:
        messages.error(request, _("Unknown change."))
        return _to_list(circle)
    try:
        services.trackable_update(actor=request.user, trackable=trackable, **changes[do])  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, words[do] % {"name": trackable.label})
    return _to_list(circle)


@circle_page(Action.PLAN)
@require_GET
def trackable_edit(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    return _edit_page(request, circle, membership, _trackable(request, circle, pk))


@circle_page(Action.PLAN)
@require_POST
def trackable_rename(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    trackable = _trackable(request, circle, pk)
    form = RenameForm(request.POST)
    if form.is_valid():
        try:
            services.trackable_update(
                actor=request.user,  # type: ignore[arg-type]
                trackable=trackable,
                name=form.cleaned_data["name"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Renamed: %(name)s.") % {"name": trackable.label})
            return redirect("checkins:trackable", circle.slug, trackable.pk)
    messages.error(request, _("The name was not changed."))
    return _edit_page(request, circle, membership, trackable, rename=form, status=400)


@circle_page(Action.PLAN)
@require_POST
def trackable_rescale(
    request: HttpRequest, circle: Circle, membership: Membership, pk: int
) -> HttpResponse:
    trackable = _trackable(request, circle, pk)
    form = ScaleForm(request.POST)
    if form.is_valid():
        try:
            new = services.trackable_rescale(
                actor=request.user,  # type: ignore[arg-type]
                trackable=trackable,
                **form.scale(),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                _("New scale saved as version %(version)d; earlier answers keep their old scale.")
                % {"version": new.version},
            )
            return redirect("checkins:trackable", circle.slug, new.pk)
    messages.error(request, _("The scale was not changed."))
    return _edit_page(request, circle, membership, trackable, scale=form, status=400)


@circle_page(Action.PLAN)
@require_POST
def checkin_order(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Order the check-in by usual answers (shorter pointer moves between questions)."""
    try:
        ordered = services.checkin_order_by_answers(actor=request.user, circle=circle)  # type: ignore[arg-type]
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            _("The check-in now asks: %(order)s.") % {"order": ", ".join(t.label for t in ordered)},
        )
    return _to_list(circle)
