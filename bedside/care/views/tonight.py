"""Tonight's list and the session log: done in one activation, adjust, skip, undo, ad hoc.

Every change is a POST to a small endpoint. With htmx the answer is the changed row and an
announcement for the ``#announce`` live region; without JavaScript it is the list again.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from bedside.circles.days import instant_at, today
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action
from bedside.web.pages import circle_page

from .. import selectors, services
from ..bodymap import figures
from ..forms import AdjustForm, LogForm, SkipForm, add_service_errors
from ..models import Occurrence, Session
from ..regions import REGION_LIST
from .common import (
    ROW,
    answer_row,
    occurrence_or_404,
    row_context,
    session_or_404,
    tonight_url,
)


def bodymap_context() -> dict[str, Any]:
    return {"figures": figures(), "region_list": REGION_LIST}


@require_GET
@circle_page(Action.READ)
def tonight(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    now = timezone.now()
    # Cron runs `bedside close_days`; doing it here as well means a circle without cron still
    # sees yesterday's missed items. Both calls write nothing when there is nothing to do.
    services.days_close(circle, now)
    day = today(circle, now)
    services.occurrences_ensure(circle, day)
    data = selectors.tonight_for(circle=circle, viewer=request.user, day=day)  # type: ignore[arg-type]
    return render(request, "care/tonight.html", row_context(circle, membership, tonight=data))


@require_GET
@circle_page(Action.READ)
def row(
    request: HttpRequest, circle: Circle, membership: Membership, occurrence_id: int
) -> HttpResponse:
    """One row of tonight's list (htmx "back" from the skip form)."""
    occurrence = occurrence_or_404(request, circle, occurrence_id)
    if not getattr(request, "htmx", False):
        return redirect(tonight_url(circle, f"occ-{occurrence_id}"))
    context = row_context(
        circle,
        membership,
        item=occurrence,
        show_who=not selectors.is_for(occurrence, membership),
        focus=True,
    )
    return render(request, ROW, context)


def _refused(error: ValidationError) -> str:
    return _("Nothing was saved: %(why)s") % {"why": " ".join(error.messages)}


@require_POST
@circle_page(Action.LOG)
def done(
    request: HttpRequest, circle: Circle, membership: Membership, occurrence_id: int
) -> HttpResponse:
    """The one activation: done as planned, by me, now."""
    occurrence = occurrence_or_404(request, circle, occurrence_id)
    try:
        services.occurrence_done(actor=request.user, occurrence=occurrence)  # type: ignore[arg-type]
    except ValidationError as error:
        return answer_row(
            request,
            circle,
            membership,
            occurrence=occurrence,
            announcement=_refused(error),
            error=True,
        )
    what = occurrence.technique.label
    return answer_row(
        request,
        circle,
        membership,
        occurrence=occurrence,
        announcement=_("%(what)s: done. You can adjust or undo it.") % {"what": what},
    )


@require_POST
@circle_page(Action.LOG)
def undo(
    request: HttpRequest, circle: Circle, membership: Membership, session_id: int
) -> HttpResponse:
    """Take back a session (the undo that replaces confirmation dialogs)."""
    session = session_or_404(request, circle, session_id)
    what = session.technique.label
    occurrence = services.session_undo(actor=request.user, session=session)  # type: ignore[arg-type]
    if occurrence is None:
        return answer_row(
            request,
            circle,
            membership,
            announcement=_("Undone: the %(what)s session was removed.") % {"what": what},
        )
    if occurrence.status == Occurrence.Status.MISSED:
        text = _("Undone: %(what)s is marked missed again.")
    elif occurrence.status == Occurrence.Status.DONE:
        text = _("Undone: your entry was removed; someone else also logged %(what)s.")
    else:
        text = _("Undone: %(what)s is due again.")
    return answer_row(
        request, circle, membership, occurrence=occurrence, announcement=text % {"what": what}
    )


@require_POST
@circle_page(Action.LOG)
def unskip(
    request: HttpRequest, circle: Circle, membership: Membership, occurrence_id: int
) -> HttpResponse:
    occurrence = occurrence_or_404(request, circle, occurrence_id)
    try:
        services.occurrence_unskip(actor=request.user, occurrence=occurrence)  # type: ignore[arg-type]
    except ValidationError as error:
        return answer_row(
            request,
            circle,
            membership,
            occurrence=occurrence,
            announcement=_refused(error),
            error=True,
        )
    return answer_row(
        request,
        circle,
        membership,
        occurrence=occurrence,
        announcement=_("Skip undone: %(what)s.") % {"what": occurrence.technique.label},
    )


@require_http_methods(["GET", "POST"])
@circle_page(Action.LOG)
def skip(
    request: HttpRequest, circle: Circle, membership: Membership, occurrence_id: int
) -> HttpResponse:
    """Skip with a reason: each reason tile submits (two activations: Skip, then why)."""
    occurrence = occurrence_or_404(request, circle, occurrence_id)
    form = SkipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.occurrence_skip(
                actor=request.user,  # type: ignore[arg-type]
                occurrence=occurrence,
                reason_code=form.cleaned_data["reason"],
                reason_text=form.cleaned_data["text"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            return answer_row(
                request,
                circle,
                membership,
                occurrence=occurrence,
                announcement=_("Skipped: %(what)s.") % {"what": occurrence.technique.label},
            )
    htmx = getattr(request, "htmx", False)
    context = row_context(
        circle,
        membership,
        item=occurrence,
        form=form,
        reasons=Occurrence.SkipReason.choices,
        focus=True,
    )
    if request.method == "POST":
        text = _("Nothing was saved: %(why)s") % {
            "why": " ".join(e for errors in form.errors.values() for e in errors)
        }
        if htmx:
            context.update(announcement=text, error=True)
        else:
            messages.error(request, text)
    if htmx:
        return render(request, "care/partials/skip_swap.html", context)
    return render(request, "care/skip.html", context, status=400 if form.errors else 200)


def _trackables_for(request: HttpRequest, circle: Circle, session: Session) -> tuple[list, bool]:
    """The ratings offered: those that suit the technique and those already given, or all."""
    every = list(selectors.rating_trackables(circle=circle, viewer=request.user))  # type: ignore[arg-type]
    if request.GET.get("all"):
        return every, True
    rated = {r.trackable_id for r in session.ratings.all()}
    keys = set(session.technique.rating_keys)
    chosen = [t for t in every if t.key in keys or t.pk in rated]
    return chosen, len(chosen) == len(every)


def _adjust_initial(session: Session) -> dict[str, Any]:
    initial: dict[str, Any] = {
        "minutes": session.minutes,
        "pressure": session.pressure,
        "tolerance": session.tolerance,
        "regions": session.regions,
        "note": session.note,
    }
    for rating in session.ratings.all():
        initial[f"{rating.when}_{rating.trackable_id}"] = str(round(rating.value))
    return initial


@require_http_methods(["GET", "POST"])
@circle_page(Action.LOG)
def adjust(
    request: HttpRequest, circle: Circle, membership: Membership, session_id: int
) -> HttpResponse:
    """The second activation: how it really went (minutes, pressure, regions, ratings, note)."""
    session = session_or_404(request, circle, session_id)
    if not services.can_change_session(membership, session):
        raise PermissionDenied(
            _("Only the person who logged this, or a coordinator, can change it.")
        )
    trackables, showing_all = _trackables_for(request, circle, session)
    form = AdjustForm(request.POST or None, trackables=trackables, initial=_adjust_initial(session))
    status = 200
    if request.method == "POST":
        if form.is_valid():
            try:
                services.session_adjust(
                    actor=request.user,  # type: ignore[arg-type]
                    session=session,
                    minutes=form.cleaned_data["minutes"],
                    pressure=form.cleaned_data["pressure"],
                    tolerance=form.cleaned_data["tolerance"],
                    regions=form.cleaned_data["regions"],
                    note=form.cleaned_data["note"],
                    ratings=form.ratings(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved: %(what)s.") % {"what": session.technique.label})
                anchor = (
                    f"occ-{session.occurrence_id}"
                    if session.occurrence_id
                    else f"session-{session.pk}"
                )
                return redirect(tonight_url(circle, anchor))
        messages.error(request, _("Nothing was saved. Please check the answers marked below."))
        status = 400
    context = row_context(
        circle,
        membership,
        session=session,
        form=form,
        showing_all=showing_all,
        **bodymap_context(),
    )
    return render(request, "care/adjust.html", context, status=status)


@require_http_methods(["GET", "POST"])
@circle_page(Action.LOG)
def log(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Log something that was not on tonight's list."""
    techniques = selectors.techniques_for(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    form = LogForm(request.POST or None, techniques=techniques)
    status = 200
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            now = timezone.now()
            at = instant_at(circle, today(circle, now), data["time"]) if data["time"] else now
            try:
                session = services.session_log(
                    actor=request.user,  # type: ignore[arg-type]
                    circle=circle,
                    technique=data["technique"],
                    performed_at=at,
                    minutes=data["minutes"],
                    pressure=data["pressure"],
                    tolerance=data["tolerance"],
                    regions=data["regions"],
                    note=data["note"],
                    now=now,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Saved: %(what)s.") % {"what": session.technique.label})
                return redirect(tonight_url(circle, f"session-{session.pk}"))
        messages.error(request, _("Nothing was saved. Please check the answers marked below."))
        status = 400
    context = row_context(circle, membership, form=form, **bodymap_context())
    return render(request, "care/log.html", context, status=status)
