"""The reports page, previews and downloads: who may use them, and what they send back."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from django.urls import reverse

from bedside.circles.days import today
from bedside.circles.models import AuditEvent

from .helpers import CLINIC_TEXT, PT_TEXT, known_circle

pytestmark = pytest.mark.datalayer

PAGES = ["reports", "pt_preview", "clinic_preview"]
DOWNLOADS = ["pt_pdf", "clinic_pdf", "fhir"]


def url(name: str, circle) -> str:
    return reverse(f"clinical:{name}", args=[circle.slug])


def period(circle) -> dict[str, str]:
    end = today(circle)
    return {"start": (end - dt.timedelta(days=13)).isoformat(), "end": end.isoformat()}


@pytest.mark.parametrize("who", ["person", "coordinator", "therapist"])
def test_person_coordinator_and_therapist_open_the_page_and_previews(personas, client_for, who):
    client = client_for(getattr(personas, who))
    for name in PAGES:
        assert client.get(url(name, personas.circle)).status_code == 200, name


@pytest.mark.parametrize("who", ["caregiver", "viewer"])
def test_roles_without_the_report_right_are_refused(personas, client_for, who):
    client = client_for(getattr(personas, who))
    for name in PAGES + DOWNLOADS:
        assert client.get(url(name, personas.circle)).status_code == 403, name


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_find_nothing(personas, client_for, who):
    client = client_for(getattr(personas, who))
    for name in PAGES + DOWNLOADS:
        assert client.get(url(name, personas.circle)).status_code == 404, name


def test_preview_shows_the_numbers_and_the_family_text(personas, client_for):
    known = known_circle(personas)
    client = client_for(personas.coordinator)
    pt = client.get(url("pt_preview", known.circle), period(known.circle)).content.decode()
    assert "10 sessions on 10 days, 120 minutes in all." in pt
    assert "Done 9, missed 2, skipped 2; still due today: 1." in pt
    assert PT_TEXT in pt
    assert 'role="img"' in pt  # the charts, with their text alternative next to them
    clinic = client.get(url("clinic_preview", known.circle), period(known.circle)).content.decode()
    assert "From 46 on" in clinic and "(−2 points)" in clinic
    assert "Is it time to talk about a feeding tube?" in clinic
    assert CLINIC_TEXT.splitlines()[1] in clinic


@pytest.mark.parametrize("name", ["pt_pdf", "clinic_pdf"])
def test_pdf_download_is_an_attachment_named_without_health_data(personas, client_for, name):
    known = known_circle(personas)
    client = client_for(personas.coordinator)
    query = {**period(known.circle), "paper": "a4"}
    response = client.get(url(name, known.circle), query)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    start, end = (query[k].replace("-", "") for k in ("start", "end"))
    kind = name.removesuffix("_pdf")
    assert response["Content-Disposition"] == (
        f'attachment; filename="bedside-theo-{kind}-report-{start}-{end}.pdf"'
    )
    assert response["Cache-Control"] == "no-store, private"
    assert AuditEvent.objects.filter(
        circle=known.circle, actor=personas.coordinator, action="export", target=f"pdf:{kind}"
    ).exists()


def test_fhir_download_is_a_bundle_of_the_period(personas, client_for):
    known = known_circle(personas)
    client = client_for(personas.person)
    response = client.get(url("fhir", known.circle), {**period(known.circle), "name": "on"})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/fhir+json")
    assert response["Content-Disposition"].startswith('attachment; filename="bedside-theo-fhir-')
    bundle = json.loads(response.content)
    assert bundle["resourceType"] == "Bundle"
    patient = bundle["entry"][0]["resource"]
    assert patient["name"] == [{"text": "Theo"}]
    assert "maya@" not in response.content.decode()  # no e-mail, ever
    assert AuditEvent.objects.filter(circle=known.circle, action="export").exists()


def test_downloads_are_get_only(personas, client_for):
    client = client_for(personas.coordinator)
    for name in DOWNLOADS + ["pt_preview", "clinic_preview"]:
        assert client.post(url(name, personas.circle)).status_code == 405, name


def test_page_links_the_previews_and_downloads(personas, client_for):
    client = client_for(personas.coordinator)
    page = client.get(url("reports", personas.circle)).content.decode()
    for name in ["pt_preview", "pt_pdf", "clinic_preview", "clinic_pdf", "fhir"]:
        assert f'formaction="{url(name, personas.circle)}"' in page


def test_a_therapist_makes_reports_but_cannot_download_the_whole_record(personas, client_for):
    client = client_for(personas.therapist)
    assert client.get(url("pt_pdf", personas.circle)).status_code == 200
    assert client.get(url("fhir", personas.circle)).status_code == 403
    page = client.get(url("reports", personas.circle)).content.decode()
    assert reverse("clinical:fhir", args=[personas.circle.slug]) not in page
