"""What the care views share: loading rows of the viewer's circle, answering htmx or not."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from bedside.circles.days import today
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action, role_can

from .. import selectors
from ..models import Occurrence, Session

ROW = "care/partials/occurrence_row.html"
SESSION_ROW = "care/partials/session_row.html"


def occurrence_or_404(request: HttpRequest, circle: Circle, pk: int) -> Occurrence:
    """Only the viewer's circle is searched: another circle's id is simply not found."""
    occurrence = selectors.occurrence_for(circle=circle, viewer=request.user, pk=pk)  # type: ignore[arg-type]
    if occurrence is None:
        raise Http404("No such item")
    return occurrence


def session_or_404(request: HttpRequest, circle: Circle, pk: int) -> Session:
    session = selectors.session_for(circle=circle, viewer=request.user, pk=pk)  # type: ignore[arg-type]
    if session is None:
        raise Http404("No such session")
    return session


def row_context(circle: Circle, membership: Membership, **extra: Any) -> dict[str, Any]:
    return {
        "circle": circle,
        "membership": membership,
        "can_log": role_can(membership.role, Action.LOG),
        "today": today(circle),
        **extra,
    }


def tonight_url(circle: Circle, anchor: str = "") -> str:
    url = reverse("care:tonight", args=[circle.slug])
    return f"{url}#{anchor}" if anchor else url


def answer_row(
    request: HttpRequest,
    circle: Circle,
    membership: Membership,
    *,
    occurrence: Occurrence | None = None,
    session: Session | None = None,
    announcement: str,
    error: bool = False,
) -> HttpResponse:
    """After an action on tonight's list: htmx gets the new row plus an announcement for the
    live region; without JavaScript the whole list is shown again with the message."""
    anchor = f"occ-{occurrence.pk}" if occurrence else (f"session-{session.pk}" if session else "")
    if not getattr(request, "htmx", False):
        (messages.error if error else messages.success)(request, announcement)
        return redirect(tonight_url(circle, anchor))
    context = row_context(circle, membership, announcement=announcement, error=error, focus=True)
    if occurrence is not None:
        fresh = occurrence_or_404(request, circle, occurrence.pk)
        context.update(item=fresh, show_who=not selectors.is_for(fresh, membership))
        context["row_template"] = ROW
    elif session is not None:
        context.update(session=session, row_template=SESSION_ROW)
    else:
        context["row_template"] = None  # the row is gone (an ad-hoc session was undone)
    return render(request, "care/partials/row_swap.html", context)
