"""What the family writes for the reports is saved (audited, never in the address) and shown."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bedside.circles.models import AuditEvent
from bedside.reports.models import REPORT_NOTE_MAX_CHARS, ReportNote

pytestmark = pytest.mark.datalayer


def page(circle) -> str:
    return reverse("clinical:reports", args=[circle.slug])


def test_coordinator_saves_what_to_ask_the_pt(personas, client_for):
    client = client_for(personas.coordinator)
    text = "Neck stretches for his headaches, please."
    response = client.post(page(personas.circle), {"kind": "pt", "text": text})
    assert response.status_code == 302
    assert ReportNote.objects.get(circle=personas.circle, kind="pt").text == text
    event = AuditEvent.objects.get(circle=personas.circle, action="report_note.save")
    assert event.target == "report_note:pt" and text not in event.target
    assert text in client.get(page(personas.circle)).content.decode()
    preview = client.get(reverse("clinical:pt_preview", args=[personas.circle.slug]))
    assert text in preview.content.decode()


def test_saving_again_replaces_and_an_empty_text_clears(personas, client_for):
    client = client_for(personas.person)
    client.post(page(personas.circle), {"kind": "clinic", "text": "First question?"})
    client.post(page(personas.circle), {"kind": "clinic", "text": "Second question?"})
    assert ReportNote.objects.get(circle=personas.circle, kind="clinic").text == "Second question?"
    client.post(page(personas.circle), {"kind": "clinic", "text": "   "})
    assert ReportNote.objects.get(circle=personas.circle, kind="clinic").text == ""


def test_too_long_a_text_is_refused_and_nothing_is_saved(personas, client_for):
    client = client_for(personas.coordinator)
    text = "x" * (REPORT_NOTE_MAX_CHARS + 1)
    response = client.post(page(personas.circle), {"kind": "pt", "text": text})
    assert response.status_code == 400
    assert "Keep it under 3000 characters" in response.content.decode()
    assert not ReportNote.objects.filter(circle=personas.circle).exists()


def test_unknown_kind_is_refused(personas, client_for):
    client = client_for(personas.coordinator)
    response = client.post(page(personas.circle), {"kind": "other", "text": "hello"})
    assert response.status_code == 400
    assert not ReportNote.objects.filter(circle=personas.circle).exists()


@pytest.mark.parametrize("who,status", [("caregiver", 403), ("viewer", 403), ("outsider", 404)])
def test_others_cannot_write_the_text(personas, client_for, who, status):
    client = client_for(getattr(personas, who))
    response = client.post(page(personas.circle), {"kind": "pt", "text": "hello"})
    assert response.status_code == status
    assert not ReportNote.objects.filter(circle=personas.circle).exists()


def test_the_text_stays_with_its_circle(personas, client_for):
    client_for(personas.coordinator).post(page(personas.circle), {"kind": "pt", "text": "Theo's"})
    other = client_for(personas.outsider).get(page(personas.other_circle)).content.decode()
    assert "Theo&#x27;s" not in other and "Theo's" not in other
