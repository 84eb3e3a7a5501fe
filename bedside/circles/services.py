"""The write path for accounts, circles, membership and invitations.

Every function is keyword-only, checks the actor's right, runs in one transaction and writes
an audit record. Other apps add what a new circle starts with (the technique catalogue, the
default trackables) through :data:`CIRCLE_DEFAULTS`, filled in their ``AppConfig.ready``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .access import require
from .audit import audit
from .models import Circle, Invitation, Membership, User
from .roles import Action, Role

CIRCLE_DEFAULTS: list[Callable[[Circle], None]] = []
INVITATION_DAYS = 14


def user_create(*, username: str, password: str, display_name: str = "", email: str = "") -> User:
    """Create an account. Passwords are checked against the validators (incl. common ones)."""
    username = username.strip()
    if not username:
        raise ValidationError(_("Choose a user name."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("That user name is taken."))
    user = User(username=username, display_name=display_name.strip(), email=email.strip())
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save()
        audit(actor=user, circle=None, action="account.create", target=f"user:{user.pk}")
    return user


def unique_slug(name: str) -> str:
    base = slugify(name)[:50] or "circle"
    slug, n = base, 1
    while Circle.objects.filter(slug=slug).exists():
        n += 1
        slug = f"{base}-{n}"
    return slug


def circle_create(
    *,
    actor: User,
    name: str,
    role: str = Role.COORDINATOR,
    slug: str = "",
    timezone_name: str = "America/Toronto",
    day_boundary: dt.time | None = None,
) -> Circle:
    """Start a circle; the creator joins as the person or the coordinator."""
    if role not in (Role.PERSON, Role.COORDINATOR):
        raise ValidationError(_("The person who starts a circle is the person or its coordinator."))
    circle = Circle(
        name=name.strip(),
        slug=slug or unique_slug(name),
        timezone=timezone_name,
        day_boundary=day_boundary or dt.time(4, 0),
    )
    circle.full_clean()
    with transaction.atomic():
        circle.save()
        Membership.objects.create(circle=circle, user=actor, role=role)
        for install in CIRCLE_DEFAULTS:
            install(circle)
        audit(actor=actor, circle=circle, action="circle.create", target=f"circle:{circle.pk}")
    return circle


def circle_update(
    *,
    actor: User,
    circle: Circle,
    name: str,
    timezone_name: str,
    day_boundary: dt.time,
    symptom_onset: dt.date | None = None,
    diagnosis_date: dt.date | None = None,
) -> Circle:
    require(actor, circle, Action.INVITE)
    circle.name = name.strip()
    circle.timezone = timezone_name
    circle.day_boundary = day_boundary
    circle.symptom_onset = symptom_onset
    circle.diagnosis_date = diagnosis_date
    circle.full_clean()
    with transaction.atomic():
        circle.save()
        audit(actor=actor, circle=circle, action="circle.update", target=f"circle:{circle.pk}")
    return circle


def membership_add(*, actor: User, circle: Circle, user: User, role: str) -> Membership:
    """Add (or restore) a member directly. Used by invitations and by ``bedside createuser``."""
    require(actor, circle, Action.INVITE)
    Role(role)
    with transaction.atomic():
        membership, _created = Membership.objects.update_or_create(
            circle=circle, user=user, defaults={"role": role, "revoked_at": None}
        )
        audit(actor=actor, circle=circle, action="member.add", target=f"membership:{membership.pk}")
    return membership


def membership_change_role(*, actor: User, membership: Membership, role: str) -> Membership:
    require(actor, membership.circle, Action.INVITE)
    Role(role)
    with transaction.atomic():
        membership.role = role
        membership.save(update_fields=["role"])
        _keep_a_manager(membership.circle)
        audit(
            actor=actor,
            circle=membership.circle,
            action="member.role",
            target=f"membership:{membership.pk}",
        )
    return membership


def membership_revoke(*, actor: User, membership: Membership) -> Membership:
    """Remove a member: from now on they see nothing of the circle."""
    require(actor, membership.circle, Action.INVITE)
    with transaction.atomic():
        membership.revoked_at = timezone.now()
        membership.save(update_fields=["revoked_at"])
        _keep_a_manager(membership.circle)
        audit(
            actor=actor,
            circle=membership.circle,
            action="member.revoke",
            target=f"membership:{membership.pk}",
        )
    return membership


def _keep_a_manager(circle: Circle) -> None:
    """Refuse a change that would leave nobody able to manage the circle."""
    managers = Membership.objects.filter(
        circle=circle, revoked_at__isnull=True, role__in=[Role.PERSON, Role.COORDINATOR]
    )
    if not managers.exists():
        raise ValidationError(_("A circle needs at least one person or coordinator."))


def invitation_create(
    *, actor: User, circle: Circle, email: str, role: str, accept_url: Callable[[str], str]
) -> Invitation:
    """Invite someone by e-mail; the link is the only way in and expires after two weeks."""
    require(actor, circle, Action.INVITE)
    Role(role)
    invitation = Invitation(
        circle=circle,
        email=email.strip(),
        role=role,
        invited_by=actor,
        expires_at=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    invitation.full_clean()
    with transaction.atomic():
        invitation.save()
        audit(
            actor=actor,
            circle=circle,
            action="invitation.create",
            target=f"invitation:{invitation.pk}",
        )
        link = accept_url(invitation.token)
        # No health data in e-mails: only who invites and the link.
        transaction.on_commit(
            lambda: send_mail(
                _("You are invited to a Bedside care circle"),
                _(
                    "%(name)s invites you to join a care circle on Bedside.\n\nOpen this link to "
                    "accept (valid for %(days)d days):\n%(link)s\n"
                )
                % {"name": str(actor), "days": INVITATION_DAYS, "link": link},
                None,
                [invitation.email],
            )
        )
    return invitation


def invitation_accept(*, user: User, token: str) -> Membership:
    with transaction.atomic():
        invitation = Invitation.objects.select_for_update().filter(token=token).first()
        if invitation is None or not invitation.is_open:
            raise PermissionDenied(_("This invitation is no longer valid."))
        membership, _created = Membership.objects.update_or_create(
            circle=invitation.circle,
            user=user,
            defaults={"role": invitation.role, "revoked_at": None},
        )
        invitation.accepted_at = timezone.now()
        invitation.accepted_by = user
        invitation.save(update_fields=["accepted_at", "accepted_by"])
        audit(
            actor=user,
            circle=invitation.circle,
            action="invitation.accept",
            target=f"invitation:{invitation.pk}",
        )
    return membership


def invitation_cancel(*, actor: User, invitation: Invitation) -> None:
    require(actor, invitation.circle, Action.INVITE)
    with transaction.atomic():
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])
        audit(
            actor=actor,
            circle=invitation.circle,
            action="invitation.cancel",
            target=f"invitation:{invitation.pk}",
        )
