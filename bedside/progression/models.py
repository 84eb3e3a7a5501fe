"""How function and body measures change: ALSFRS-R, joint range, breathing and voice tests.

Every row carries its circle. Weight, calf circumference and ventilator hours are check-in
measurements (``bedside.checkins``) and are only read here, never written.

Scores and angles are stored as numbers; what they mean in words comes from
:mod:`bedside.progression.alsfrs_items`, :mod:`bedside.progression.joints` and
:mod:`bedside.progression.wording`, translated at display time.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bedside.circles.models import Circle, Membership
from bedside.measures import Assessment, Instrument

from .joints import Joint, Method, Motion, Position, Side

ITEM_FIELDS: tuple[str, ...] = tuple(f"item{n}" for n in range(1, 13))


class ProgressionSettings(models.Model):
    """Circle-level settings for this app: one row per circle, made on first change."""

    class Banding(models.TextChoices):
        KIMURA_2006 = "kimura2006", _("Kimura et al. 2006 (below 0.5, 0.5 to 1.0, 1.0 and above)")
        LABRA_2016 = "labra2016", _("Labra et al. 2016 (below 0.47, 0.47 to 1.11, above 1.11)")

    circle = models.OneToOneField(
        Circle, on_delete=models.CASCADE, related_name="progression_settings"
    )
    # For the body mass index; adults' height does not change enough to track over time.
    height_cm = models.FloatField(_("height (cm)"), null=True, blank=True)
    alsfrs_every_days = models.PositiveSmallIntegerField(_("ALSFRS-R every … days"), default=30)
    delta_fs_banding = models.CharField(
        _("ΔFS bands"), max_length=20, choices=Banding.choices, default=Banding.KIMURA_2006
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name_plural = "progression settings"


class ALSFRSAssessment(models.Model):
    """One ALSFRS-R (or older ALSFRS) record: 12 item scores, or only a total (imports).

    ``item5`` holds whichever form was answered; ``item5_form`` says which ("5b" = with a
    gastrostomy). ``source_total`` is a total given by the source (a clinic letter, an import),
    kept apart from the sum of the items.
    """

    class Item5Form(models.TextChoices):
        WITHOUT_TUBE = "5a", _("5a: without a feeding tube")
        WITH_TUBE = "5b", _("5b: with a feeding tube (gastrostomy)")

    class InstrumentChoice(models.TextChoices):
        ALSFRS_R = Instrument.ALSFRS_R.value, _("ALSFRS-R (12 items, 0 to 48)")
        ALSFRS = Instrument.ALSFRS.value, _("older ALSFRS (10 items, 0 to 40)")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="alsfrs_assessments")
    day = models.DateField(_("day"), db_index=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    rater = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(max_length=120, blank=True)
    proxy = models.BooleanField(_("answered for the person"), default=False)
    item1 = models.PositiveSmallIntegerField(null=True, blank=True)
    item2 = models.PositiveSmallIntegerField(null=True, blank=True)
    item3 = models.PositiveSmallIntegerField(null=True, blank=True)
    item4 = models.PositiveSmallIntegerField(null=True, blank=True)
    item5 = models.PositiveSmallIntegerField(null=True, blank=True)
    item6 = models.PositiveSmallIntegerField(null=True, blank=True)
    item7 = models.PositiveSmallIntegerField(null=True, blank=True)
    item8 = models.PositiveSmallIntegerField(null=True, blank=True)
    item9 = models.PositiveSmallIntegerField(null=True, blank=True)
    item10 = models.PositiveSmallIntegerField(null=True, blank=True)
    item11 = models.PositiveSmallIntegerField(null=True, blank=True)
    item12 = models.PositiveSmallIntegerField(null=True, blank=True)
    item5_form = models.CharField(max_length=2, choices=Item5Form.choices, blank=True)
    source_total = models.FloatField(_("total given by the source"), null=True, blank=True)
    instrument = models.CharField(
        max_length=10, choices=InstrumentChoice.choices, default=InstrumentChoice.ALSFRS_R
    )
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "recorded_at", "id"]
        indexes = [models.Index(fields=["circle", "day"])]
        constraints = [
            # The database refuses what the services refuse, whatever writes to it.
            *[
                models.CheckConstraint(
                    condition=Q(**{f"{name}__isnull": True}) | Q(**{f"{name}__lte": 4}),
                    name=f"alsfrs_{name}_0_to_4",
                )
                for name in ITEM_FIELDS
            ],
            models.CheckConstraint(
                condition=Q(source_total__isnull=True)
                | Q(source_total__gte=0, source_total__lte=48),
                name="alsfrs_source_total_0_to_48",
            ),
            models.CheckConstraint(
                condition=Q(item5_form__in=["", "5a", "5b"]), name="alsfrs_item5_form_known"
            ),
        ]

    @property
    def items(self) -> tuple[int, ...]:
        """The item scores in order, or ``()`` for a total-only record."""
        count = 12 if self.instrument == Instrument.ALSFRS_R else 10
        values = tuple(getattr(self, name) for name in ITEM_FIELDS[:count])
        if any(v is None for v in values):
            return ()
        return values  # type: ignore[return-value]

    def assessment(self) -> Assessment:
        """The pure-core assessment (scores, domains, staging) for this row."""
        items = self.items
        if items:
            return Assessment.from_items(
                items, item5=self.item5_form or "5a", source_total=self.source_total
            )
        assert self.source_total is not None
        gastrostomy = None if not self.item5_form else self.item5_form == "5b"
        return Assessment.from_total(
            self.source_total,
            instrument=Instrument(self.instrument),
            gastrostomy=gastrostomy,
            half_points_allowed=True,
        )


class ALSFRSDraft(models.Model):
    """Answers given so far in one member's ALSFRS-R entry, until Save makes the assessment.

    Kept in the database (not the session) so that a pause longer than the idle sign-out does
    not lose answers: there is no time limit on the entry (ACCESSIBILITY.md T8). ``answers``
    maps "1"…"12" to 0–4; item 5's form is ``item5_form``.
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="+")
    membership = models.ForeignKey(Membership, on_delete=models.CASCADE, related_name="+")
    answers = models.JSONField(default=dict)
    item5_form = models.CharField(max_length=2, blank=True)
    for_person = models.BooleanField(default=False)
    started_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circle", "membership"], name="one_alsfrs_draft")
        ]


class JointRange(models.Model):
    """One goniometer measurement by the neutral-zero method (0° = anatomical position).

    ``start_deg``–``end_deg`` is the arc of ``motion``: "elbow flexion 20–140°" lacks 20° of
    extension; a start below 0 is hyperextension.
    """

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="joint_ranges")
    day = models.DateField(_("day"), db_index=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    joint = models.CharField(_("joint"), max_length=20, choices=Joint.choices)
    motion = models.CharField(_("movement"), max_length=24, choices=Motion.choices)
    side = models.CharField(_("side"), max_length=5, choices=Side.choices)
    method = models.CharField(_("method"), max_length=7, choices=Method.choices)
    position = models.CharField(_("position"), max_length=12, choices=Position.choices)
    start_deg = models.FloatField(_("start (°)"))
    end_deg = models.FloatField(_("end (°)"))
    hyperextension = models.BooleanField(_("start is past the end (hyperextension)"), default=False)
    measured_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(_("measured by"), max_length=120, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "recorded_at", "id"]
        indexes = [models.Index(fields=["circle", "joint", "day"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(
                    start_deg__gte=-30, start_deg__lte=200, end_deg__gte=-30, end_deg__lte=200
                ),
                name="joint_range_angles_plausible",
            ),
        ]


class BreathingTest(models.Model):
    """A breathing or voice test at home or in clinic (not a check-in trackable)."""

    class Kind(models.TextChoices):
        FVC = "fvc", _("Forced vital capacity (FVC)")
        MPT = "mpt", _("Maximum phonation time")
        SBC = "sbc", _("Single-breath count")
        PCF = "pcf", _("Peak cough flow")
        SPEAKING_RATE = "speaking_rate", _("Speaking rate")

    class Posture(models.TextChoices):
        UPRIGHT = "upright", _("upright")
        LYING = "lying", _("lying down")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="breathing_tests")
    day = models.DateField(_("day"), db_index=True)
    recorded_at = models.DateTimeField(default=timezone.now)
    kind = models.CharField(_("test"), max_length=16, choices=Kind.choices)
    value = models.FloatField(_("result"))
    unit = models.CharField(max_length=12)
    # Single-breath count only: counts per second (a faster count reaches a higher number).
    pace = models.FloatField(_("pace (counts per second)"), null=True, blank=True)
    posture = models.CharField(
        _("posture"), max_length=8, choices=Posture.choices, default=Posture.UPRIGHT
    )
    measured_by = models.ForeignKey(
        Membership, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    by_name = models.CharField(_("measured by"), max_length=120, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["day", "recorded_at", "id"]
        indexes = [models.Index(fields=["circle", "kind", "day"])]
