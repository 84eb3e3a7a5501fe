"""The calendar address page (make, show once, stop) and the feed calendar apps fetch."""

from __future__ import annotations

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action
from bedside.web.pages import circle_context, circle_page

from .. import calendar_feed


@circle_page(Action.READ)
@require_http_methods(["GET", "POST"])
def calendar_page(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    user = request.user
    address = ""
    if request.method == "POST":
        if request.POST.get("action") == "stop":
            if calendar_feed.calendar_feed_stop(actor=user, circle=circle):  # type: ignore[arg-type]
                messages.success(request, _("Your calendar address was stopped."))
            return redirect("care:calendar", circle.slug)
        token = calendar_feed.calendar_feed_create(actor=user, circle=circle)  # type: ignore[arg-type]
        address = request.build_absolute_uri(reverse("calendar_feed", args=[token]))
        messages.success(request, _("Your new calendar address is ready; copy it now."))
    exists = calendar_feed.calendar_feed_exists(actor=user, circle=circle)  # type: ignore[arg-type]
    context = circle_context(
        circle,
        membership,
        address=address,
        webcal=address.replace("https://", "webcal://", 1).replace("http://", "webcal://", 1),
        exists=exists,
        days_ahead=calendar_feed.DAYS_AHEAD,
    )
    return render(request, "care/calendar.html", context)


@require_GET
def feed(request: HttpRequest, token: str) -> HttpResponse:
    found = calendar_feed.feed_for_token(token)
    if found is None:
        raise Http404("No such calendar")
    response = HttpResponse(
        calendar_feed.feed_text(found), content_type="text/calendar; charset=utf-8"
    )
    response["Cache-Control"] = "private, no-store"
    return response
