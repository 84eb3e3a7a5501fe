"""The care plan (techniques, routines) and what happened (occurrences, sessions)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bedside.checkins.models import Trackable
from bedside.circles.models import Circle, Membership
from bedside.circles.roles import Role

if TYPE_CHECKING:
    from .catalogue import CatalogueTechnique


class Technique(models.Model):
    """A kind of hands-on care. Each circle gets its own copy of the catalogue and can add more.

    ``key`` names a catalogue technique, whose label, instructions and safety notes come
    translated from :mod:`bedside.care.catalogue`; a circle's own technique has an empty key and
    its own text.
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="techniques")
    key = models.SlugField(max_length=60, blank=True)
    name = models.CharField(_("name"), max_length=80)
    instructions = models.TextField(_("instructions"), blank=True)
    safety_notes = models.TextField(_("safety notes"), blank=True)
    active = models.BooleanField(default=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["circle", "name"], name="unique_technique_name"),
        ]

    def __str__(self) -> str:
        return self.label

    @property
    def label(self) -> str:
        from .catalogue import TECHNIQUES

        entry = TECHNIQUES.get(self.key)
        return str(entry.label) if entry else self.name

    @property
    def catalogue_entry(self) -> CatalogueTechnique | None:
        from .catalogue import TECHNIQUES

        return TECHNIQUES.get(self.key)

    @property
    def is_catalogue(self) -> bool:
        return self.catalogue_entry is not None

    @property
    def instruction_texts(self) -> list[str]:
        """The catalogue's translated instructions, then the circle's own (if any)."""
        from .catalogue import TECHNIQUES

        entry = TECHNIQUES.get(self.key)
        texts = [str(entry.instructions)] if entry else []
        return texts + ([self.instructions] if self.instructions.strip() else [])

    @property
    def safety_texts(self) -> list[str]:
        """Translated safety notes from the catalogue (with the clot warning where it applies),
        then the circle's own."""
        from .catalogue import CLOT, LIMB_MASSAGE, TECHNIQUES

        entry = TECHNIQUES.get(self.key)
        texts = [str(entry.safety)] if entry else []
        if self.key in LIMB_MASSAGE:
            texts.append(str(CLOT))
        return texts + ([self.safety_notes] if self.safety_notes.strip() else [])

    @property
    def rating_keys(self) -> tuple[str, ...]:
        """Trackable keys worth rating before and after this technique."""
        from .catalogue import TECHNIQUES

        entry = TECHNIQUES.get(self.key)
        return entry.ratings if entry else ("stiffness", "pain")


class Routine(models.Model):
    """Technique × regions × who × when: one line of the care plan."""

    class Schedule(models.TextChoices):
        DAILY = "daily", _("every day")
        WEEKDAYS = "weekdays", _("on certain weekdays")
        EVERY_N_DAYS = "every_n", _("every few days")
        # Set by a service, never chosen in the routine form: a home experiment's ON evenings.
        DATES = "dates", _("on listed dates")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="routines")
    technique = models.ForeignKey(Technique, on_delete=models.PROTECT, related_name="routines")
    regions = models.JSONField(_("body regions"), default=list, blank=True)
    assignee = models.ForeignKey(
        Membership,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="routines",
        verbose_name=_("who"),
    )
    assignee_role = models.CharField(
        _("or anyone with the role"), max_length=20, choices=Role.choices, blank=True
    )
    schedule = models.CharField(_("how often"), max_length=10, choices=Schedule.choices)
    # Weekday numbers, Monday = 0, for the WEEKDAYS schedule.
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    every_n_days = models.PositiveSmallIntegerField(_("every how many days"), null=True, blank=True)
    # ISO dates (circle days) for the DATES schedule.
    dates = models.JSONField(_("dates"), default=list, blank=True)
    # ISO dates on which the routine is not due whatever its schedule (e.g. while a home
    # experiment decides which evenings the technique is given).
    paused_dates = models.JSONField(default=list, blank=True)
    time_of_day = models.TimeField(_("at"))
    target_minutes = models.PositiveSmallIntegerField(_("target minutes"), null=True, blank=True)
    start_date = models.DateField(_("from"))
    end_date = models.DateField(_("until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    # False once the routine has ended (``end_date`` set); the dates decide what is due.
    active = models.BooleanField(default=True)
    # Every day up to and including this one has its occurrences made and closed
    # (see ``services.days_close``); lets closing skip work already done.
    closed_through = models.DateField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["time_of_day", "id"]

    def __str__(self) -> str:
        return f"{self.technique.label} @ {self.time_of_day:%H:%M}"


class Occurrence(models.Model):
    """One due instance of a routine (or, from imports, of a technique) on one circle day.

    Done when a session fulfils it, skipped with a reason, or missed once its day has closed.
    Missed and skipped are data: the insights engine reads them as "without" days.
    """

    class Status(models.TextChoices):
        DUE = "due", _("due")
        DONE = "done", _("done")
        SKIPPED = "skipped", _("skipped")
        MISSED = "missed", _("missed")

    class SkipReason(models.TextChoices):
        ASLEEP = "asleep", _("Asleep")
        TIRED = "tired", _("Too tired")
        UNWELL = "unwell", _("Unwell")
        DECLINED = "declined", _("Didn't want it")
        NOT_NEEDED = "not-needed", _("Not needed today")
        NO_ONE = "no-one", _("Nobody available")
        OTHER = "other", _("Other reason")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="occurrences")
    routine = models.ForeignKey(
        Routine, on_delete=models.CASCADE, null=True, blank=True, related_name="occurrences"
    )
    technique = models.ForeignKey(Technique, on_delete=models.PROTECT, related_name="+")
    day = models.DateField(db_index=True)
    due_at = models.DateTimeField(null=True, blank=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DUE)
    # ``reason`` is what people read (the chosen reason in the skipper's language, then their
    # words); ``reason_code`` keeps the choice for counting.
    reason = models.CharField(_("reason"), max_length=200, blank=True)
    reason_code = models.CharField(max_length=12, choices=SkipReason.choices, blank=True)
    by_name = models.CharField(max_length=120, blank=True)
    note = models.TextField(blank=True)
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    changed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "due_at", "id"]
        indexes = [models.Index(fields=["circle", "status", "day"])]
        constraints = [
            models.UniqueConstraint(
                fields=["routine", "day"],
                condition=models.Q(routine__isnull=False),
                name="one_occurrence_per_routine_day",
            ),
        ]


class Session(models.Model):
    """Care that was given: who, when, what, how long, how it went."""

    class Pressure(models.TextChoices):
        LIGHT = "light", _("light")
        MEDIUM = "medium", _("medium")
        FIRM = "firm", _("firm")

    class Tolerance(models.TextChoices):
        WELL = "well", _("well tolerated")
        SOME = "some", _("some discomfort")
        STOPPED = "stopped", _("stopped early")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="sessions")
    technique = models.ForeignKey(Technique, on_delete=models.PROTECT, related_name="sessions")
    routine = models.ForeignKey(
        Routine, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    occurrence = models.ForeignKey(
        Occurrence, on_delete=models.SET_NULL, null=True, blank=True, related_name="sessions"
    )
    day = models.DateField(db_index=True)
    performed_at = models.DateTimeField()
    has_time = models.BooleanField(default=True)
    performed_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(max_length=120, blank=True)
    minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    pressure = models.CharField(_("pressure"), max_length=8, choices=Pressure.choices, blank=True)
    regions = models.JSONField(_("body regions"), default=list, blank=True)
    tolerance = models.CharField(
        _("how it went"), max_length=8, choices=Tolerance.choices, blank=True
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "performed_at", "id"]
        indexes = [models.Index(fields=["circle", "technique", "day"])]


class SessionRating(models.Model):
    """A rating taken just before or just after a session (e.g. breathing ease)."""

    class When(models.TextChoices):
        BEFORE = "before", _("before")
        AFTER = "after", _("after")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="+")
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="ratings")
    trackable = models.ForeignKey(Trackable, on_delete=models.PROTECT, related_name="+")
    when = models.CharField(max_length=6, choices=When.choices)
    value = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["session", "trackable", "when"], name="one_rating_per_session_moment"
            ),
        ]


class CalendarFeed(models.Model):
    """A member's private calendar address for the care plan (an ICS feed).

    Calendar apps cannot sign in, so the address itself is the key: only its SHA-256 is kept,
    the address is shown once, and making a new one or stopping it ends the old one. It stops
    working as soon as the membership is revoked.
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="+")
    membership = models.OneToOneField(
        Membership, on_delete=models.CASCADE, related_name="calendar_feed"
    )
    token_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(default=timezone.now)
