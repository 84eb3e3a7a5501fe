"""Scoped reads for circles and their members."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404

from .access import require
from .models import AuditEvent, Circle, Invitation, Membership, User
from .roles import Action


def circles_for(*, viewer: User) -> QuerySet[Circle]:
    return Circle.objects.filter(
        memberships__user=viewer, memberships__revoked_at__isnull=True
    ).order_by("name")


def circle_for(
    *, viewer: User, slug: str, action: Action = Action.READ
) -> tuple[Circle, Membership]:
    """The circle named by ``slug`` with the viewer's membership, or 404/403."""
    circle = Circle.objects.filter(slug=slug).first()
    if circle is None:
        raise Http404("No such circle")
    return circle, require(viewer, circle, action)


def members_of(
    *, circle: Circle, viewer: User, include_revoked: bool = False
) -> QuerySet[Membership]:
    require(viewer, circle, Action.READ)
    members = Membership.objects.filter(circle=circle).select_related("user")
    if not include_revoked:
        members = members.filter(revoked_at__isnull=True)
    return members.order_by("role", "user__display_name", "user__username")


def open_invitations(*, circle: Circle, viewer: User) -> list[Invitation]:
    require(viewer, circle, Action.INVITE)
    return [
        i for i in Invitation.objects.filter(circle=circle).order_by("-created_at") if i.is_open
    ]


def audit_trail(*, circle: Circle, viewer: User, limit: int = 200) -> QuerySet[AuditEvent]:
    require(viewer, circle, Action.INVITE)
    return AuditEvent.objects.filter(circle=circle).select_related("actor")[:limit]
