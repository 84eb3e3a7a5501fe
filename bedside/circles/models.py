"""Accounts, care circles, membership, invitations and the audit trail."""

from __future__ import annotations

import datetime as dt
import secrets
from zoneinfo import available_timezones

from django.conf import settings
from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.crypto import salted_hmac
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _

from .roles import Role


class User(AbstractUser):
    """A person who signs in. Health data never hangs off the user, only off a circle."""

    display_name = models.CharField(_("name shown to the circle"), max_length=120, blank=True)
    # Built-in dwell clicking for people without dwell software: 0 = off, else milliseconds.
    dwell_ms = models.PositiveIntegerField(_("dwell click delay"), default=0)
    # Part of every session's auth hash: raising it signs the account out everywhere at once
    # ("log out everywhere", SECURITY.md) without forcing a new password.
    session_version = models.PositiveIntegerField(default=0, editable=False)

    def __str__(self) -> str:
        return self.display_name or self.get_full_name() or self.username

    def _get_session_auth_hash(self, secret: str | None = None) -> str:
        key_salt = "bedside.circles.models.User.get_session_auth_hash"
        return salted_hmac(
            key_salt, f"{self.password}:{self.session_version}", secret=secret, algorithm="sha256"
        ).hexdigest()


def validate_timezone(value: str) -> None:
    if value not in available_timezones():
        raise ValidationError(_("Unknown time zone: %(tz)s"), params={"tz": value})


class Circle(models.Model):
    """One care circle per person living with ALS."""

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("short name"), unique=True, max_length=60)
    timezone = models.CharField(
        _("time zone"), max_length=64, default="America/Toronto", validators=[validate_timezone]
    )
    # A session logged at 00:30 belongs to the evening before: the circle's day starts here.
    day_boundary = models.TimeField(_("day starts at"), default=dt.time(4, 0))
    symptom_onset = models.DateField(_("first symptoms"), null=True, blank=True)
    diagnosis_date = models.DateField(_("diagnosis"), null=True, blank=True)
    created_at = models.DateTimeField(default=now)

    def __str__(self) -> str:
        return self.name


class Membership(models.Model):
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="memberships")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    joined_at = models.DateTimeField(default=now)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circle", "user"], name="one_membership_per_circle")
        ]

    def __str__(self) -> str:
        return f"{self.user} ({self.get_role_display()})"

    @property
    def is_active(self) -> bool:
        return self.revoked_at is None

    @property
    def name(self) -> str:
        return str(self.user)


def new_token() -> str:
    return secrets.token_urlsafe(32)


class Invitation(models.Model):
    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="invitations")
    email = models.EmailField(_("e-mail"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    token = models.CharField(max_length=64, unique=True, default=new_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=now)
    expires_at = models.DateTimeField()
    accepted_at = models.DateTimeField(null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    # Set after the invitation e-mail was tried (not stored): True sent, False the mail server
    # failed, None not tried yet. See ``services.invitation_create``.
    mail_sent: bool | None = None

    @property
    def is_open(self) -> bool:
        return self.status == "open"

    @property
    def status(self) -> str:
        """``open``, ``accepted``, ``cancelled`` or ``expired``."""
        if self.accepted_at is not None:
            return "accepted"
        if self.cancelled_at is not None:
            return "cancelled"
        if self.expires_at <= now():
            return "expired"
        return "open"


class AppendOnlyQuerySet(models.QuerySet["AuditEvent"]):
    """Bulk ``update()`` and ``delete()`` would bypass the model's guards: refuse them too.

    Deleting a circle or a user still works: Django nulls the foreign keys with its own update
    query, and the database triggers (:mod:`bedside.circles.append_only`) allow exactly that.
    """

    def update(self, **kwargs: object) -> int:
        raise ValueError("Audit events are append-only")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit events are append-only")


class AuditEvent(models.Model):
    """Append-only record of who read or changed what, when and from where — never the data."""

    at = models.DateTimeField(default=now, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    circle = models.ForeignKey(Circle, on_delete=models.SET_NULL, null=True, related_name="+")
    action = models.CharField(max_length=40)
    target = models.CharField(max_length=80, blank=True)
    ip = models.GenericIPAddressField(null=True, blank=True)

    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-id"]

    def save(self, *args: object, **kwargs: object) -> None:
        if self.pk is not None:
            raise ValueError("Audit events are append-only")
        super().save(*args, **kwargs)  # type: ignore[arg-type]

    def delete(self, *args: object, **kwargs: object) -> tuple[int, dict[str, int]]:
        raise ValueError("Audit events are append-only")


class LoginFailure(models.Model):
    """Failed sign-ins, kept for an hour to throttle password guessing."""

    username = models.CharField(max_length=150, db_index=True)
    ip = models.GenericIPAddressField(null=True, blank=True)
    at = models.DateTimeField(default=now, db_index=True)
