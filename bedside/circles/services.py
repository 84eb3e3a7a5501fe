"""The write path for accounts, circles, membership and invitations.

Every function is keyword-only, checks the actor's right, runs in one transaction and writes
an audit record. Other apps add what a new circle starts with (the technique catalogue, the
default trackables) through :data:`CIRCLE_DEFAULTS`, filled in their ``AppConfig.ready``.
"""

from __future__ import annotations

import datetime as dt
import logging
import secrets
import string
from collections.abc import Callable

from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.mail import EmailMessage
from django.db import models, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from .access import require
from .audit import audit
from .models import Circle, Invitation, Membership, User
from .roles import Action, Role
from .selectors import circle_data_models

logger = logging.getLogger(__name__)

CIRCLE_DEFAULTS: list[Callable[[Circle], None]] = []
INVITATION_DAYS = 14
# The creator of a circle is the person living with ALS or the one who coordinates their care.
FOUNDING_ROLES = (Role.PERSON, Role.COORDINATOR)


# --- accounts -----------------------------------------------------------------------------


def user_create(*, username: str, password: str, display_name: str = "", email: str = "") -> User:
    """Create an account. Passwords are checked against the validators (incl. common ones)."""
    username = username.strip()
    if not username:
        raise ValidationError(_("Choose a user name."))
    if User.objects.filter(username__iexact=username).exists():
        raise ValidationError(_("That user name is taken."))
    user = User(username=username, display_name=display_name.strip(), email=email.strip())
    user.full_clean(exclude=["password"])
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save()
        audit(actor=user, circle=None, action="account.create", target=f"user:{user.pk}")
    return user


def user_set_password(*, user: User, password: str) -> User:
    """Set a new password; every other session of this account ends with the old hash."""
    validate_password(password, user)
    with transaction.atomic():
        user.set_password(password)
        user.save(update_fields=["password"])
        audit(actor=user, circle=None, action="account.password", target=f"user:{user.pk}")
    return user


def user_sign_out_everywhere(*, user: User) -> User:
    """End every session of this account ("log out everywhere").

    Sessions carry a hash of the password and ``session_version``; raising the version makes
    every stored session fail Django's check on its next request. The caller keeps its own
    session alive, if it wants to, with ``update_session_auth_hash``.
    """
    with transaction.atomic():
        User.objects.filter(pk=user.pk).update(session_version=F("session_version") + 1)
        user.refresh_from_db(fields=["session_version"])
        audit(
            actor=user, circle=None, action="account.sign_out_everywhere", target=f"user:{user.pk}"
        )
    return user


# --- circles ------------------------------------------------------------------------------


def unique_slug(name: str = "") -> str:
    """A random short name for a new circle's addresses.

    Deliberately not derived from the circle's name: addresses end up in browser histories and
    server logs, and "theo-martin" next to an ALS care log would be health data in a URL.
    """
    alphabet = string.ascii_lowercase + string.digits
    while True:
        slug = "".join(secrets.choice(alphabet) for _i in range(10))
        if not Circle.objects.filter(slug=slug).exists():
            return slug


def _check_role(role: str, allowed: tuple[str, ...] | None = None) -> None:
    if role not in Role.values or (allowed is not None and role not in allowed):
        raise ValidationError(_("Choose one of the roles offered."))


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
    if role not in FOUNDING_ROLES:
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
    """Change the circle's settings. The audit record names the circle, never the dates."""
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


def same_name(typed: str, name: str) -> bool:
    """The confirmation of an erasure: the circle's name, ignoring case and spaces around it."""
    return " ".join(typed.split()).casefold() == " ".join(name.split()).casefold()


def _protects_something(model: type[models.Model]) -> bool:
    return any(
        f.is_relation and f.remote_field.on_delete is models.PROTECT for f in model._meta.fields
    )


def circle_erase(*, actor: User, circle: Circle, typed_name: str) -> None:
    """Erase a circle and everything in it, for good; the accounts of its members stay.

    Every row that belongs to the circle goes with it (foreign keys cascade). The audit trail
    stays, as it must, with the circle's link emptied (the database triggers allow exactly
    that); a last record says who erased which circle number, never its name or contents.
    ``typed_name`` must be the circle's name: erasing is not undone by anything.
    """
    require(actor, circle, Action.ERASE)
    if not same_name(typed_name, circle.name):
        raise ValidationError(
            _("Type the circle's name exactly as shown to erase it."), code="confirmation"
        )
    with transaction.atomic():
        _lock(circle)
        number = circle.pk
        audit(actor=actor, circle=None, action="circle.erase", target=f"circle:{number}")
        # Sessions, routines and answers protect their technique or trackable from deletion
        # (a technique in use must not vanish); here both go, so the protecting rows go first.
        for model, link in circle_data_models():
            if _protects_something(model):
                model._base_manager.filter(**{link: circle}).delete()
        circle.delete()
    logger.info("circle %s erased", number)


# --- membership ---------------------------------------------------------------------------


def _lock(circle: Circle) -> None:
    """Serialise membership changes of one circle (two coordinators demoting each other)."""
    Circle.objects.select_for_update().filter(pk=circle.pk).first()


def _keep_a_manager(circle: Circle) -> None:
    """Refuse a change that would leave nobody able to manage the circle."""
    managers = Membership.objects.filter(
        circle=circle, revoked_at__isnull=True, role__in=FOUNDING_ROLES
    )
    if not managers.exists():
        raise ValidationError(_("A circle needs at least one person or coordinator."))


def _may_change(actor_membership: Membership, target: Membership) -> None:
    """The person living with ALS controls sharing: only they may demote or remove a person."""
    if target.role == Role.PERSON and actor_membership.role != Role.PERSON:
        raise PermissionDenied(
            _("Only the person living with ALS can change or remove their own place in the circle.")
        )


def membership_add(*, actor: User, circle: Circle, user: User, role: str) -> Membership:
    """Add (or restore) a member directly."""
    require(actor, circle, Action.INVITE)
    _check_role(role)
    with transaction.atomic():
        membership, _created = Membership.objects.update_or_create(
            circle=circle, user=user, defaults={"role": role, "revoked_at": None}
        )
        audit(actor=actor, circle=circle, action="member.add", target=f"membership:{membership.pk}")
    return membership


def membership_add_by_operator(*, circle: Circle, user: User, role: str) -> Membership:
    """Add a member from the command line (``bedside createuser``).

    The operator already holds the database, so there is no role to check; the audit record
    has no actor and no address, which is how the trail shows "done on the server".
    """
    _check_role(role)
    with transaction.atomic():
        membership, _created = Membership.objects.update_or_create(
            circle=circle, user=user, defaults={"role": role, "revoked_at": None}
        )
        audit(
            actor=None,
            circle=circle,
            action="member.add_by_operator",
            target=f"membership:{membership.pk}",
        )
    return membership


def membership_change_role(*, actor: User, membership: Membership, role: str) -> Membership:
    mine = require(actor, membership.circle, Action.INVITE)
    _check_role(role)
    _may_change(mine, membership)
    with transaction.atomic():
        _lock(membership.circle)
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
    """Remove a member: from now on they see nothing of the circle. Undo: restore."""
    mine = require(actor, membership.circle, Action.INVITE)
    _may_change(mine, membership)
    if membership.revoked_at is not None:
        return membership
    with transaction.atomic():
        _lock(membership.circle)
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


def membership_restore(*, actor: User, membership: Membership) -> Membership:
    """Undo a removal: the former member comes back with the role they had."""
    require(actor, membership.circle, Action.INVITE)
    if membership.revoked_at is None:
        return membership
    with transaction.atomic():
        membership.revoked_at = None
        membership.save(update_fields=["revoked_at"])
        audit(
            actor=actor,
            circle=membership.circle,
            action="member.restore",
            target=f"membership:{membership.pk}",
        )
    return membership


# --- invitations --------------------------------------------------------------------------


def invitation_create(
    *, actor: User, circle: Circle, email: str, role: str, accept_url: Callable[[str], str]
) -> Invitation:
    """Invite someone by e-mail; the link is the only way in and expires after two weeks.

    The e-mail goes out once the invitation is committed. A mail server that is down does not
    undo the invitation: ``invitation.mail_sent`` is then False and the inviter is shown the
    link to pass on themselves (it is None while an enclosing transaction is still open).
    """
    require(actor, circle, Action.INVITE)
    _check_role(role)
    invitation = Invitation(
        circle=circle,
        email=email.strip(),
        role=role,
        invited_by=actor,
        expires_at=timezone.now() + dt.timedelta(days=INVITATION_DAYS),
    )
    invitation.full_clean()
    # Built now, in the inviter's language. No health data: not even the circle's name, which
    # would tie a named person to an ALS care log in someone's mailbox.
    subject = _("You are invited to a Bedside care circle")
    body = _(
        "%(name)s invites you to join a care circle on Bedside.\n\nOpen this link to "
        "accept (valid for %(days)d days):\n%(link)s\n"
    ) % {"name": str(actor), "days": INVITATION_DAYS, "link": accept_url(invitation.token)}
    with transaction.atomic():
        invitation.save()
        audit(
            actor=actor,
            circle=circle,
            action="invitation.create",
            target=f"invitation:{invitation.pk}",
        )
        transaction.on_commit(lambda: _send_invitation(invitation, actor, subject, body))
    return invitation


def _send_invitation(invitation: Invitation, actor: User, subject: str, body: str) -> None:
    """Send after commit; an unreachable or refusing mail server is reported, never raised."""
    try:
        EmailMessage(subject, body, None, [invitation.email]).send()
    except OSError as error:  # smtplib.SMTPException, refused connections and time-outs
        invitation.mail_sent = False
        # The address stays out of the log; the invitation number is enough to look it up.
        logger.warning("Invitation %s: e-mail not sent (%r)", invitation.pk, error)
        action = "invitation.mail_failed"
    else:
        invitation.mail_sent = True
        action = "invitation.mailed"
    audit(
        actor=actor, circle=invitation.circle, action=action, target=f"invitation:{invitation.pk}"
    )


def _open_invitation(token: str) -> Invitation:
    invitation = (
        Invitation.objects.select_for_update().select_related("circle").filter(token=token).first()
    )
    if invitation is None or not invitation.is_open:
        raise PermissionDenied(_("This invitation is no longer valid."))
    return invitation


def invitation_accept(*, user: User, token: str) -> Membership:
    """Join the invitation's circle. Someone already in the circle keeps the role they have."""
    with transaction.atomic():
        invitation = _open_invitation(token)
        membership = Membership.objects.filter(circle=invitation.circle, user=user).first()
        if membership is None:
            membership = Membership.objects.create(
                circle=invitation.circle, user=user, role=invitation.role
            )
        elif membership.revoked_at is not None:
            membership.role = invitation.role
            membership.revoked_at = None
            membership.save(update_fields=["role", "revoked_at"])
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


def invitation_sign_up(
    *, token: str, username: str, password: str, display_name: str = ""
) -> Membership:
    """Create an account from an invitation and join the circle, all or nothing."""
    with transaction.atomic():
        invitation = _open_invitation(token)
        user = user_create(
            username=username,
            password=password,
            display_name=display_name,
            email=invitation.email,
        )
        return invitation_accept(user=user, token=token)


def invitation_cancel(*, actor: User, invitation: Invitation) -> None:
    require(actor, invitation.circle, Action.INVITE)
    if not invitation.is_open:
        return
    with transaction.atomic():
        invitation.cancelled_at = timezone.now()
        invitation.save(update_fields=["cancelled_at"])
        audit(
            actor=actor,
            circle=invitation.circle,
            action="invitation.cancel",
            target=f"invitation:{invitation.pk}",
        )
