"""The daily check-in: one question per screen, one activation per answer.

Each tile is a submit button. With htmx the answer is saved and the next screen comes back in
the same response (plus an announcement for ``#announce``); without JavaScript the same form
posts and the browser is redirected to the next screen. The screen is chosen by ``?q=N``
(1-based; one past the last question is the summary); without it the check-in resumes at the
first unanswered question.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action, Role, role_can
from bedside.web.pages import circle_page, render_page

from .. import selectors, services
from ..selectors import CheckinState

TEMPLATE = "checkins/checkin.html"


def _proxy_key(circle: Circle) -> str:
    return f"checkins.for_person.{circle.pk}"


def for_person(request: HttpRequest, circle: Circle) -> bool:
    """Whether the person's own account is being used by someone answering for them."""
    return bool(request.session.get(_proxy_key(circle), False))


def _number(request: HttpRequest, state: CheckinState) -> int:
    """The screen asked for by ``q`` (clamped), else where the check-in should resume."""
    raw = request.GET.get("q") or request.POST.get("q") or ""
    try:
        number = int(raw)
    except ValueError:
        return state.first_open_number()
    return max(1, min(number, len(state.questions) + 1))


def _screen(
    request: HttpRequest, circle: Circle, membership: Membership, number: int | None = None
) -> HttpResponse:
    """Render screen ``number`` (a question or the summary): a page, or the htmx fragment."""
    viewer = request.user
    state = selectors.checkin_state(circle=circle, viewer=viewer)  # type: ignore[arg-type]
    can_rate = role_can(membership.role, Action.RATE)
    if number is None:
        number = _number(request, state)
    question = state.questions[number - 1] if can_rate and number <= len(state.questions) else None
    focus_value = None
    if question is not None:
        focus_value = (
            question.answer_value if question.answer is not None else question.previous_value
        )
    # Undo takes back what "same as before" copied, or else the whole of today's check-in —
    # only the rows this member may remove.
    undo_rows = state.copied or [q.answer for q in state.answered if q.answer is not None]
    undo_ids = [
        row.pk
        for row in undo_rows
        if can_rate and services.may_remove(membership, row.created_by_id)
    ]
    context: dict[str, Any] = {
        "circle": circle,
        "membership": membership,
        "state": state,
        "total": len(state.questions),
        "question": question,
        "focus_value": focus_value,
        "undo_ids": undo_ids,
        "can_rate": can_rate,
        "can_plan": role_can(membership.role, Action.PLAN),
        "is_person": membership.role == Role.PERSON and can_rate,
        "proxy": services.is_proxy(membership, for_person(request, circle)),
        "person": selectors.person_name(circle=circle, viewer=viewer),  # type: ignore[arg-type]
    }
    return render_page(request, TEMPLATE, context, partial="screen")


def _go(request: HttpRequest, circle: Circle, membership: Membership, number: int) -> HttpResponse:
    """After a POST: the next screen for htmx, a redirect to it otherwise."""
    if getattr(request, "htmx", False):
        return _screen(request, circle, membership, number)
    return redirect(f"{reverse('checkins:checkin', args=[circle.slug])}?q={number}")


def _place(state: CheckinState, trackable_id: int) -> int:
    """The question number of a trackable (the summary if it is not asked)."""
    for question in state.questions:
        if question.trackable.pk == trackable_id:
            return question.number
    return len(state.questions) + 1


@circle_page(Action.READ)
@require_GET
def checkin(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return _screen(request, circle, membership)


@circle_page(Action.RATE)
@require_POST
def answer(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """One tile: save the answer at once and show the next question."""
    trackable = selectors.trackable_in(
        circle=circle,
        viewer=request.user,  # type: ignore[arg-type]
        trackable_id=request.POST.get("trackable", ""),
    )
    try:
        observation = services.checkin_answer(
            actor=request.user,  # type: ignore[arg-type]
            circle=circle,
            trackable=trackable,
            value=request.POST.get("value", ""),
            for_person=for_person(request, circle),
        )
    except ValidationError as error:
        messages.error(request, _("Not saved: %(why)s") % {"why": " ".join(error.messages)})
        state = selectors.checkin_state(circle=circle, viewer=request.user)  # type: ignore[arg-type]
        return _go(request, circle, membership, _place(state, trackable.pk))
    state = selectors.checkin_state(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    number = _place(state, trackable.pk) + 1
    saved = _("%(name)s: %(value)s saved.") % {
        "name": trackable.label,
        "value": observation.value_text,
    }
    if number > len(state.questions) and state.complete:
        saved = f"{saved} {_('Check-in complete.')}"
    messages.success(request, saved)
    return _go(request, circle, membership, number)


@circle_page(Action.RATE)
@require_POST
def same(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """ "Same as yesterday — nothing new": the whole check-in in one activation."""
    try:
        copied = services.checkin_same_as_yesterday(
            actor=request.user,  # type: ignore[arg-type]
            circle=circle,
            for_person=for_person(request, circle),
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        state = selectors.checkin_state(circle=circle, viewer=request.user)  # type: ignore[arg-type]
        return _go(request, circle, membership, _number(request, state))
    state = selectors.checkin_state(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    source = date_format(state.previous_day, "MONTH_DAY_FORMAT") if state.previous_day else ""
    messages.success(
        request,
        ngettext(
            "Same as %(day)s: %(count)d answer saved.",
            "Same as %(day)s: %(count)d answers saved.",
            len(copied),
        )
        % {"day": source, "count": len(copied)},
    )
    return _go(request, circle, membership, len(state.questions) + 1)


@circle_page(Action.RATE)
@require_POST
def undo(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """Take back today's answers (or what "same as before" copied): the undo, no dialog."""
    try:
        removed = services.checkin_undo(
            actor=request.user,  # type: ignore[arg-type]
            circle=circle,
            observation_ids=[i for i in request.POST.getlist("observation") if i.isdigit()],
        )
    except PermissionDenied as error:
        messages.error(request, str(error))
        state = selectors.checkin_state(circle=circle, viewer=request.user)  # type: ignore[arg-type]
        return _go(request, circle, membership, len(state.questions) + 1)
    if removed:
        messages.success(
            request,
            ngettext(
                "Undone: %(count)d answer removed.", "Undone: %(count)d answers removed.", removed
            )
            % {"count": removed},
        )
    else:
        messages.info(request, _("Nothing to undo: those answers were already removed."))
    return _go(request, circle, membership, 1)


@circle_page(Action.RATE)
@require_POST
def proxy(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    """On the person's own account: say that someone else is answering for them (or not)."""
    on = bool(request.POST.get("for_person"))
    request.session[_proxy_key(circle)] = on
    name = selectors.person_name(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    if on:
        messages.success(
            request, _("Answers are now recorded as given for %(name)s.") % {"name": name}
        )
    else:
        messages.success(request, _("Answers are now recorded as %(name)s's own.") % {"name": name})
    state = selectors.checkin_state(circle=circle, viewer=request.user)  # type: ignore[arg-type]
    return _go(request, circle, membership, _number(request, state))
