"""What the circle tracks (ratings 0–10 and measurements with units) and the check-ins."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _

from bedside.circles.models import Circle, Membership

if TYPE_CHECKING:
    from .catalogue import DefaultTrackable


NOTE_MAX_CHARS = 5000


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
    # What the ends of a rating scale mean; empty = the catalogue's words or the direction's.
    low_label = models.CharField(_("meaning of the lowest value"), max_length=60, blank=True)
    high_label = models.CharField(_("meaning of the highest value"), max_length=60, blank=True)
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
        """The translated catalogue label for a built-in, unless the circle renamed it."""
        default = self.default
        return str(default.label) if default and self.name == default.name else self.name

    @property
    def default(self) -> DefaultTrackable | None:
        from .catalogue import TRACKABLES

        return TRACKABLES.get(self.key) if self.key else None

    @property
    def is_rating(self) -> bool:
        return self.kind == self.Kind.RATING

    @property
    def values(self) -> list[int]:
        """The answer tiles of a rating scale (0, 1, … 10)."""
        return list(range(int(self.min_value), int(self.max_value) + 1))

    @property
    def low_text(self) -> str:
        """What the lowest value means, e.g. "no pain"."""
        if self.low_label:
            return self.low_label
        default = self.default
        if default and default.low:
            return str(default.low)
        return str(_DIRECTION_ENDS[self.direction][0])

    @property
    def high_text(self) -> str:
        if self.high_label:
            return self.high_label
        default = self.default
        if default and default.high:
            return str(default.high)
        return str(_DIRECTION_ENDS[self.direction][1])

    @property
    def range_text(self) -> str:
        """The plausible range in words: "15 to 70 cm"."""
        return _("%(low)s to %(high)s %(unit)s") % {
            "low": format_value(self.min_value),
            "high": format_value(self.max_value),
            "unit": self.unit,
        }


def format_value(value: float) -> str:
    """A value as people write it: 6, 36,5 (in French) — no trailing ".0"."""
    if float(value).is_integer():
        return str(int(value))
    return number_format(round(value, 2), use_l10n=True)


# Words for the ends of a scale when neither the circle nor the catalogue gave any.
_DIRECTION_ENDS = {
    "lower": (_("none"), _("worst")),
    "higher": (_("worst"), _("best")),
    "neutral": (_("lowest"), _("highest")),
}


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
    # Given with "same as yesterday": the value was carried forward, not rated afresh.
    copied = models.BooleanField(_("copied from the day before"), default=False)
    note = models.TextField(blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "recorded_at", "id"]
        indexes = [models.Index(fields=["circle", "trackable", "day"])]

    @property
    def value_text(self) -> str:
        return format_value(self.value)


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
