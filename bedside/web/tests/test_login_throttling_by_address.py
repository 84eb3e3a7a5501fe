"""One network address guessing passwords for many accounts is slowed down, and every failed
sign-in is in the audit trail (without the password)."""

import pytest
from django.urls import reverse

from bedside.circles.models import AuditEvent
from conftest import PASSWORD

pytestmark = pytest.mark.datalayer


def test_an_address_with_too_many_failures_is_refused_even_with_the_right_password(
    personas, client, settings
):
    settings.BEDSIDE_LOGIN_FAILURES_PER_IP = 3
    for name in ("a", "b", "c"):
        client.post(reverse("login"), {"username": name, "password": "wrong guess 123"})
    response = client.post(reverse("login"), {"username": "maya", "password": PASSWORD})
    assert response.status_code == 200
    assert "from this connection" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_another_address_can_still_sign_in(personas, client, settings):
    settings.BEDSIDE_LOGIN_FAILURES_PER_IP = 3
    for name in ("a", "b", "c"):
        client.post(reverse("login"), {"username": name, "password": "x"}, REMOTE_ADDR="10.0.0.9")
    response = client.post(reverse("login"), {"username": "maya", "password": PASSWORD})
    assert response.status_code == 302


def test_a_failed_sign_in_is_audited_without_the_password(personas, client):
    client.post(reverse("login"), {"username": "maya", "password": "not it at all"})
    event = AuditEvent.objects.get(action="login.failed")
    assert event.actor is None and event.target == "username:maya"
    assert "not it" not in event.target
