"""What the family writes for a clinical report: requests for the PT, questions for the clinic.

Stored, not passed along in the address: the text is health information (SECURITY.md: none in
URLs or logs), and a family prepares it over days before a visit. One row per circle and kind,
written only by :func:`bedside.reports.pdf.notes.report_note_save`.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from bedside.circles.models import Circle

REPORT_NOTE_MAX_CHARS = 3000


class ReportNote(models.Model):
    class Kind(models.TextChoices):
        PT_REQUESTS = "pt", _("What we ask the physical therapist for")
        CLINIC_QUESTIONS = "clinic", _("Questions we want to ask at the clinic")

    circle = models.ForeignKey(Circle, on_delete=models.CASCADE, related_name="report_notes")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    text = models.TextField(_("text"), blank=True)
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["circle", "kind"], name="one_report_note_per_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.circle_id}:{self.kind}"
