from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bedside.circles.models import Circle, Membership
from bedside.web.pages import circle_context, circle_page


@circle_page()
def what_helps(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render(request, "web/circle.html", circle_context(circle, membership))
