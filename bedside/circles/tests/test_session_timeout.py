import time

import pytest
from django.urls import reverse

from bedside.circles.middleware import IDLE_KEY, STARTED_KEY
from bedside.circles.models import AuditEvent

pytestmark = pytest.mark.datalayer

CIRCLE = "/c/theo/"


def shift_session(client, key, seconds_ago):
    session = client.session
    session[key] = time.time() - seconds_ago
    session.save()


def test_active_session_stays_signed_in(personas, client_for, settings):
    settings.BEDSIDE_IDLE_MINUTES = 30
    client = client_for(personas.caregiver)
    client.get(CIRCLE)
    shift_session(client, IDLE_KEY, 10 * 60)
    assert client.get(CIRCLE).status_code == 200


def test_idle_session_is_signed_out_with_a_reason(personas, client_for, settings):
    settings.BEDSIDE_IDLE_MINUTES = 30
    client = client_for(personas.caregiver)
    client.get(CIRCLE)
    shift_session(client, IDLE_KEY, 31 * 60)
    response = client.get(CIRCLE)
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))
    assert "next=%2Fc%2Ftheo%2F" in response.url
    login_page = client.get(response.url).content.decode()
    assert "signed out after a long time without activity" in login_page
    assert client.get(CIRCLE).status_code == 302  # still signed out
    assert AuditEvent.objects.filter(
        actor=personas.caregiver, action="session.timeout_idle"
    ).exists()


def test_session_ends_at_the_absolute_limit_however_active(personas, client_for, settings):
    settings.SESSION_COOKIE_AGE = 3600
    client = client_for(personas.caregiver)
    client.get(CIRCLE)
    shift_session(client, STARTED_KEY, 3601)
    response = client.get(CIRCLE)
    assert response.status_code == 302
    assert AuditEvent.objects.filter(action="session.timeout_absolute").exists()


def test_htmx_request_after_time_out_redirects_the_whole_page(personas, client_for, settings):
    settings.BEDSIDE_IDLE_MINUTES = 1
    client = client_for(personas.caregiver)
    client.get(CIRCLE)
    shift_session(client, IDLE_KEY, 120)
    response = client.get(CIRCLE, headers={"HX-Request": "true"})
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(reverse("login"))
