"""What helps: the cached analysis of a circle, its weekly runs, and home experiments."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from bedside.care.models import Routine, Technique
from bedside.checkins.models import Trackable
from bedside.circles.models import Circle, Membership


class CachedAnalysis(models.Model):
    """The last analysis of a circle in one language, and the data it was computed from.

    ``fingerprint`` summarises the circle's log (see ``analysis.fingerprint``); a page view whose
    fingerprint differs recomputes. ``data`` is ``Analysis.to_dict()`` of the engine plus what
    the page adds (which findings are shown, the chart data).
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="+")
    language = models.CharField(max_length=8)
    fingerprint = models.CharField(max_length=64)
    data = models.JSONField(default=dict)
    computed_at = models.DateTimeField(default=timezone.now)
    seconds = models.FloatField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circle", "language"], name="one_cache_per_language"),
        ]


class WeeklyRun(models.Model):
    """What the analysis said in one circle week (the latest computation of that week).

    ``labels`` maps a language-free key (technique, outcome, window, method) to the engine's
    label and the sign of the effect, e.g. ``{"massage gun|stiffness|next_day|daily":
    "finding:-"}``. A finding is first shown only when last week's run had it too.
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="+")
    week = models.DateField()  # the Monday that starts the circle week
    as_of = models.DateField(null=True, blank=True)  # the last day of data analysed
    labels = models.JSONField(default=dict)
    computed_at = models.DateTimeField(default=timezone.now)
    backfilled = models.BooleanField(default=False)  # computed later, as of that week's end

    class Meta:
        ordering = ["-week"]
        constraints = [
            models.UniqueConstraint(fields=["circle", "week"], name="one_run_per_week"),
        ]


class Experiment(models.Model):
    """A randomized home experiment: which evenings the technique is given, and the result."""

    class Status(models.TextChoices):
        RUNNING = "running", pgettext_lazy("experiment", "running")
        STOPPED = "stopped", pgettext_lazy("experiment", "stopped early")
        FINISHED = "finished", pgettext_lazy("experiment", "finished")

    class Window(models.TextChoices):
        NEXT_DAY = "next_day", _("the next day")
        WEEK = "week", _("over the following week")

    class Design(models.TextChoices):
        PAIRS = "pairs", _("randomized pairs of evenings")
        BLOCKS = "blocks", _("two-week on/off blocks")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="experiments")
    technique = models.ForeignKey(Technique, on_delete=models.PROTECT, related_name="+")
    outcome = models.ForeignKey(Trackable, on_delete=models.PROTECT, related_name="+")
    window = models.CharField(max_length=10, choices=Window.choices)
    design = models.CharField(max_length=8, choices=Design.choices)
    units = models.PositiveSmallIntegerField()  # pairs or blocks
    block_days = models.PositiveSmallIntegerField(default=14)
    every_days = models.PositiveSmallIntegerField(default=1)  # blocks: a session every n days
    washout_days = models.PositiveSmallIntegerField(default=7)
    seed = models.BigIntegerField()
    start_date = models.DateField()
    end_date = models.DateField()  # the last evening of the schedule
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.RUNNING)
    question = models.CharField(max_length=200, blank=True)
    # The size of change the family wants to be able to see, in the outcome's units.
    target_effect = models.FloatField()
    noise = models.JSONField(default=dict)  # the outcome's variation used for the length
    planned_power = models.FloatField()
    routine = models.ForeignKey(
        Routine, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    paused_routines = models.JSONField(default=list, blank=True)  # routine ids paused meanwhile
    assignee = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    started_at = models.DateTimeField(default=timezone.now)
    stopped_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    stopped_at = models.DateTimeField(null=True, blank=True)
    last_evening = models.DateField(null=True, blank=True)  # when stopped early: the last one
    result = models.JSONField(null=True, blank=True)  # the randomization test and adherence

    class Meta:
        ordering = ["-started_at", "-id"]

    def __str__(self) -> str:
        return f"{self.technique.label} → {self.outcome.label}"

    @property
    def is_running(self) -> bool:
        return self.status == self.Status.RUNNING


class ExperimentNight(models.Model):
    """One evening of an experiment's schedule."""

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="+")
    experiment = models.ForeignKey(Experiment, on_delete=models.CASCADE, related_name="nights")
    day = models.DateField()
    unit = models.PositiveSmallIntegerField()  # pair or block number, from 0
    on = models.BooleanField()
    session = models.BooleanField()  # the technique is to be given this evening

    class Meta:
        ordering = ["day"]
        constraints = [
            models.UniqueConstraint(fields=["experiment", "day"], name="one_night_per_day"),
        ]
