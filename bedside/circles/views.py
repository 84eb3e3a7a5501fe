"""Circle set-up, members and invitations. (Placeholder pages; see the circles UI work.)"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bedside.circles.models import Circle, Membership
from bedside.web.pages import circle_context, circle_page


@login_required
def circle_new(request: HttpRequest) -> HttpResponse:
    return render(request, "web/error.html", {"title": "Start a circle", "message": ""})


@circle_page()
def members(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render(request, "web/circle.html", circle_context(circle, membership))
