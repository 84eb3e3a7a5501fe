"""Scoped reads for circles, their members, invitations and the audit trail."""

from __future__ import annotations

from django.apps import apps
from django.db import models
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


def former_members(*, circle: Circle, viewer: User) -> QuerySet[Membership]:
    """Removed members, most recent first: whom a manager may add back (undo a removal)."""
    require(viewer, circle, Action.INVITE)
    return (
        Membership.objects.filter(circle=circle, revoked_at__isnull=False)
        .select_related("user")
        .order_by("-revoked_at")
    )


def membership_in(*, circle: Circle, viewer: User, membership_id: int) -> Membership:
    """A membership of this circle (never of another one, whatever id a form sends)."""
    require(viewer, circle, Action.READ)
    membership = (
        Membership.objects.filter(circle=circle, pk=membership_id).select_related("user").first()
    )
    if membership is None:
        raise Http404("No such member")
    return membership


def open_invitations(*, circle: Circle, viewer: User) -> list[Invitation]:
    require(viewer, circle, Action.INVITE)
    pending = Invitation.objects.filter(
        circle=circle, accepted_at__isnull=True, cancelled_at__isnull=True
    ).select_related("invited_by")
    return [i for i in pending.order_by("-created_at") if i.is_open]


def invitation_in(*, circle: Circle, viewer: User, invitation_id: int) -> Invitation:
    require(viewer, circle, Action.INVITE)
    invitation = Invitation.objects.filter(circle=circle, pk=invitation_id).first()
    if invitation is None:
        raise Http404("No such invitation")
    return invitation


def invitation_by_token(*, token: str) -> Invitation | None:
    """The invitation a link names. Not scoped by viewer: the secret token is the credential."""
    return (
        Invitation.objects.filter(token=token).select_related("circle", "invited_by").first()
        if token
        else None
    )


def audit_trail(*, circle: Circle, viewer: User) -> QuerySet[AuditEvent]:
    """Everything recorded about this circle, newest first."""
    require(viewer, circle, Action.INVITE)
    return AuditEvent.objects.filter(circle=circle).select_related("actor")


ACCOUNT_EVENTS = (
    "login",
    "account.create",
    "account.password",
    "account.sign_out_everywhere",
    "session.timeout_idle",
    "session.timeout_absolute",
)


def account_events(*, viewer: User, limit: int = 20) -> QuerySet[AuditEvent]:
    """The viewer's own recent sign-ins and account changes (to spot someone else's use)."""
    return AuditEvent.objects.filter(actor=viewer, action__in=ACCOUNT_EVENTS)[:limit]


def circle_data_models() -> list[tuple[type[models.Model], str]]:
    """Every model whose rows belong to one circle, with the name of its link to the circle.

    The audit trail is left out (it outlives the circle). Found at run time, so what other apps
    add later is counted and erased too.
    """
    found = []
    for model in apps.get_models():
        link = next(
            (f.name for f in model._meta.fields if f.is_relation and f.related_model is Circle),
            None,
        )
        if link is not None and model is not AuditEvent:
            found.append((model, link))
    return found


def circle_holdings(*, circle: Circle, viewer: User) -> dict[str, int]:
    """How much the circle holds, for the page that erases it: a few named kinds and the total."""
    require(viewer, circle, Action.ERASE)
    return {
        model._meta.label_lower: model._default_manager.filter(**{link: circle}).count()
        for model, link in circle_data_models()
    }
