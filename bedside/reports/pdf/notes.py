"""The family's text for the reports: the scoped read and the one write path."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from bedside.circles.access import require
from bedside.circles.audit import audit
from bedside.circles.models import Circle, User
from bedside.circles.roles import Action
from bedside.reports.models import REPORT_NOTE_MAX_CHARS, ReportNote

# Who may make the clinical reports and write their text: the person, the coordinator and the
# therapist (``Action.REPORT`` in ``bedside/circles/roles.py``).
REPORT_ACTION = Action.REPORT


def report_notes_for(*, circle: Circle, viewer: User) -> dict[str, str]:
    """The saved text of each kind (empty when none), by kind."""
    require(viewer, circle, REPORT_ACTION)
    saved = dict(ReportNote.objects.filter(circle=circle).values_list("kind", "text"))
    return {kind: saved.get(kind, "") for kind in ReportNote.Kind.values}


def report_note_save(*, actor: User, circle: Circle, kind: str, text: str) -> ReportNote:
    """Replace the circle's text of ``kind``; an empty text clears it."""
    require(actor, circle, REPORT_ACTION)
    if kind not in ReportNote.Kind.values:
        raise ValidationError(_("Choose which text to save."))
    text = text.strip()
    if len(text) > REPORT_NOTE_MAX_CHARS:
        raise ValidationError(
            _("Keep it under %(limit)d characters.") % {"limit": REPORT_NOTE_MAX_CHARS}
        )
    with transaction.atomic():
        note, _created = ReportNote.objects.update_or_create(
            circle=circle,
            kind=kind,
            defaults={"text": text, "updated_at": timezone.now(), "updated_by": actor},
        )
        audit(actor=actor, circle=circle, action="report_note.save", target=f"report_note:{kind}")
    return note


def report_notes_for_export(circle: Circle) -> list[dict[str, str]]:
    """The JSON export's ``report_notes`` section (registered in JSON_SECTIONS by the lead)."""
    return [
        {"kind": n.kind, "text": n.text, "updated_at": n.updated_at.isoformat()}
        for n in ReportNote.objects.filter(circle=circle).order_by("kind")
    ]
