"""URLs for the ``circle_page`` tests: the real site plus a few pages made for the tests."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import path

from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action
from bedside.urls import urlpatterns as site
from bedside.web.pages import circle_context, circle_page, render_page


@circle_page(Action.PLAN)
def plan_page(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return HttpResponse(f"{circle.slug} {membership.user.username} {membership.role}")


@circle_page()
def fragment_page(request: HttpRequest, circle: Circle, membership: Membership) -> HttpResponse:
    return render_page(
        request, "webtest/fragment.html", circle_context(circle, membership), partial="count"
    )


def broken(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("Theo's secret detail")


urlpatterns = [
    *site,
    path("c/<slug:slug>/test-plan/", plan_page, name="test_plan"),
    path("c/<slug:slug>/test-fragment/", fragment_page, name="test_fragment"),
    path("test-broken/", broken, name="test_broken"),
]
