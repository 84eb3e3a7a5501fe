"""Only the person and the coordinator may import or export; outsiders learn nothing."""

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.http import Http404
from django.urls import reverse

from bedside.care.models import Session
from bedside.interchange import read_events
from bedside.reports.exporter import circle_export_json, events_export
from bedside.reports.importer import events_import

pytestmark = pytest.mark.datalayer

URLS = ("reports:transfer", "reports:export_csv", "reports:export_json")
ROW = "date,time,kind,name,value,unit,by,note\n2026-03-01,21:30,session,hand massage,15,min,Ana,\n"


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("role", ["caregiver", "therapist", "viewer"])
def test_members_without_the_right_are_refused(personas, client_for, name, role):
    response = client_for(getattr(personas, role)).get(reverse(name, args=["theo"]))
    assert response.status_code == 403


@pytest.mark.parametrize("name", URLS)
@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_are_told_nothing_exists(personas, client_for, name, who):
    response = client_for(getattr(personas, who)).get(reverse(name, args=["theo"]))
    assert response.status_code == 404


@pytest.mark.parametrize("name", URLS)
def test_anonymous_visitors_are_sent_to_sign_in(personas, client, name):
    response = client.get(reverse(name, args=["theo"]))
    assert response.status_code == 302 and response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("who", ["caregiver", "viewer", "outsider"])
def test_an_upload_by_someone_without_the_right_writes_nothing(personas, client_for, who):
    upload = SimpleUploadedFile("a.csv", ROW.encode(), content_type="text/csv")
    response = client_for(getattr(personas, who)).post(
        reverse("reports:transfer", args=["theo"]), {"file": upload}
    )
    assert response.status_code == (404 if who == "outsider" else 403)
    assert not Session.objects.filter(circle=personas.circle).exists()


@pytest.mark.parametrize("role", ["person", "coordinator"])
def test_the_person_and_the_coordinator_may(personas, client_for, role):
    for name in URLS:
        assert (
            client_for(getattr(personas, role)).get(reverse(name, args=["theo"])).status_code == 200
        )


def test_the_services_refuse_too(personas):
    events = read_events(ROW)
    with pytest.raises(PermissionDenied):
        events_import(actor=personas.caregiver, circle=personas.circle, events=events)
    with pytest.raises(PermissionDenied):
        events_export(actor=personas.viewer, circle=personas.circle)
    with pytest.raises(Http404):
        circle_export_json(actor=personas.outsider, circle=personas.circle)
