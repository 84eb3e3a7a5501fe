"""What the circle tracks (ratings 0–10 and measurements with units) and the check-ins."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bedside.circles.models import Circle, Membership


class Trackable(models.Model):
    """A question or measurement. Changing its scale makes a new version (a new row).

    Old answers keep pointing at the version they were given on, so a 0–10 answer is never
    silently mixed with a 0–5 one. ``key`` names a built-in trackable (its label is translated);
    circles' own trackables have an empty key and a ``name``.
    """

    class Kind(models.TextChoices):
        RATING = "rating", _("rating")
        MEASUREMENT = "measurement", _("measurement")

    class Direction(models.TextChoices):
        HIGHER_BETTER = "higher", _("higher is better")
        LOWER_BETTER = "lower", _("lower is better")
        NEUTRAL = "neutral", _("neither")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="trackables")
    key = models.SlugField(max_length=60, blank=True)
    name = models.CharField(_("name"), max_length=80)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    unit = models.CharField(_("unit"), max_length=16, default="0-10")
    min_value = models.FloatField(_("lowest plausible value"), default=0)
    max_value = models.FloatField(_("highest plausible value"), default=10)
    direction = models.CharField(max_length=8, choices=Direction.choices, default="neutral")
    version = models.PositiveIntegerField(default=1)
    previous = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    active = models.BooleanField(default=True)
    in_checkin = models.BooleanField(_("ask in the daily check-in"), default=True)
    position = models.PositiveIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["circle", "name", "version"], name="one_trackable_version"
            ),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from .catalogue import TRACKABLES

        default = TRACKABLES.get(self.key)
        return str(default.label) if default else self.name


class Observation(models.Model):
    """One rating or measurement, with who gave it and whether they answered for the person."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="observations")
    trackable = models.ForeignKey(Trackable, on_delete=models.PROTECT, related_name="observations")
    value = models.FloatField()
    day = models.DateField(db_index=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    # When no time was given (imported "today" ratings) the instant is noon and this is False.
    has_time = models.BooleanField(default=True)
    rater = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(max_length=120, blank=True)
    proxy = models.BooleanField(_("answered for the person"), default=False)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "recorded_at", "id"]
        indexes = [models.Index(fields=["circle", "trackable", "day"])]


class Note(models.Model):
    """A free-text note for a day ("walked stiffly this morning")."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="notes")
    day = models.DateField(db_index=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    has_time = models.BooleanField(default=True)
    author = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(max_length=120, blank=True)
    text = models.TextField(_("note"))
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "recorded_at", "id"]
