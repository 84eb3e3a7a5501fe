"""The one place that decides whether a user may act in a circle.

Services call :func:`require` before every write; views reach circles only through
:func:`bedside.circles.selectors.circle_for`. Outsiders and revoked members are told the circle
does not exist (404), so a guessed address reveals nothing.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.http import Http404

from .models import Circle, Membership, User
from .roles import Action, role_can


def active_membership(user: User | None, circle: Circle) -> Membership | None:
    if user is None or not user.is_authenticated or not user.is_active:
        return None
    return (
        Membership.objects.filter(circle=circle, user=user, revoked_at__isnull=True)
        .select_related("user")
        .first()
    )


def require(actor: User | None, circle: Circle, action: Action) -> Membership:
    """Return the actor's membership or refuse: 404 for non-members, 403 for a missing right."""
    membership = active_membership(actor, circle)
    if membership is None:
        raise Http404("No such circle")
    if not role_can(membership.role, action):
        raise PermissionDenied(f"Your role may not {action.label}")
    return membership
