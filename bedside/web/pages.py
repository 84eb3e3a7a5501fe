"""Small helpers every view uses: circle pages with read audit, and page-or-fragment rendering."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from bedside.circles.audit import audit
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Action
from bedside.circles.selectors import circle_for

CircleView = Callable[..., HttpResponse]


def circle_page(action: Action = Action.READ) -> Callable[[CircleView], CircleView]:
    """Resolve ``slug`` to the viewer's circle (404 for outsiders), check ``action``, audit reads.

    The wrapped view is called as ``view(request, circle, membership, **kwargs)``.
    """

    def decorate(view: CircleView) -> CircleView:
        @login_required
        @wraps(view)
        def wrapper(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
            circle, membership = circle_for(viewer=request.user, slug=slug, action=action)  # type: ignore[arg-type]
            if request.method in ("GET", "HEAD"):
                name = request.resolver_match.url_name if request.resolver_match else "page"
                audit(
                    actor=request.user,
                    circle=circle,
                    action="view",  # type: ignore[arg-type]
                    target=f"page:{name}",
                )
            return view(request, circle, membership, **kwargs)

        return wrapper

    return decorate


def render_page(
    request: HttpRequest,
    template: str,
    context: dict[str, Any],
    *,
    partial: str | None = None,
    status: int = 200,
) -> HttpResponse:
    """Render the whole page, or only ``template#partial`` when htmx asks for a fragment."""
    if partial and getattr(request, "htmx", False):
        template = f"{template}#{partial}"
    return render(request, template, context, status=status)


def circle_context(circle: Circle, membership: Membership, **extra: Any) -> dict[str, Any]:
    return {"circle": circle, "membership": membership, **extra}
