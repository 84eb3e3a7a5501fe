import datetime as dt

import pytest
from django.urls import reverse

from bedside.circles.models import AuditEvent

pytestmark = pytest.mark.datalayer


def settings_url(personas):
    return reverse("circle_settings", args=[personas.circle.slug])


def post(client, personas, **fields):
    data = {
        "name": "Theo's care",
        "timezone_choice": "America/Vancouver",
        "timezone_other": "",
        "day_boundary": "03:00",
        "symptom_onset": "2023-04-01",
        "diagnosis_date": "2024-01-15",
    }
    data.update(fields)
    return client.post(settings_url(personas), data)


def test_coordinator_changes_the_circle_settings(personas, client_for):
    response = post(client_for(personas.coordinator), personas)
    assert response.status_code == 302
    circle = personas.circle
    circle.refresh_from_db()
    assert circle.name == "Theo's care"
    assert circle.timezone == "America/Vancouver"
    assert circle.day_boundary == dt.time(3, 0)
    assert circle.symptom_onset == dt.date(2023, 4, 1)
    assert circle.diagnosis_date == dt.date(2024, 1, 15)


def test_settings_change_is_audited_without_the_dates(personas, client_for):
    post(client_for(personas.coordinator), personas)
    event = AuditEvent.objects.filter(action="circle.update").get()
    assert event.actor == personas.coordinator
    assert "2023" not in event.target and "2024" not in event.target


def test_caregiver_may_not_change_settings(personas, client_for):
    client = client_for(personas.caregiver)
    assert client.get(settings_url(personas)).status_code == 403
    assert post(client, personas).status_code == 403
    personas.circle.refresh_from_db()
    assert personas.circle.name == "Theo's circle"


def test_future_diagnosis_date_is_refused(personas, client_for):
    response = post(client_for(personas.person), personas, diagnosis_date="2999-01-01")
    assert response.status_code == 400
    assert "This date is in the future." in response.content.decode()
    personas.circle.refresh_from_db()
    assert personas.circle.diagnosis_date is None


def test_uncommon_zone_is_shown_in_the_typed_field(personas, client_for):
    personas.circle.timezone = "Asia/Kolkata"
    personas.circle.save()
    html = client_for(personas.coordinator).get(settings_url(personas)).content.decode()
    assert 'value="Asia/Kolkata"' in html


def test_reading_the_settings_page_is_audited(personas, client_for):
    client_for(personas.coordinator).get(settings_url(personas))
    assert AuditEvent.objects.filter(
        action="view", target="page:circle_settings", actor=personas.coordinator
    ).exists()
