"""Signing in: friendly to password managers and paste (WCAG 3.3.8), safe redirects, throttled."""

from __future__ import annotations

import re

import pytest

from bedside.circles.models import AuditEvent, LoginFailure

pytestmark = pytest.mark.datalayer

PASSWORD = "correct horse battery staple"


@pytest.fixture
def personas(personas):
    personas.caregiver.set_password(PASSWORD)
    personas.caregiver.save()
    return personas


def test_fields_tell_password_managers_what_they_are(client, db):
    body = client.get("/login/").content.decode()
    username = re.search(r"<input[^>]*name=\"username\"[^>]*>", body).group()
    password = re.search(r"<input[^>]*name=\"password\"[^>]*>", body).group()
    assert 'autocomplete="username"' in username
    assert 'autocomplete="current-password"' in password and 'type="password"' in password


def test_nothing_blocks_paste_or_autofill(client, db):
    body = client.get("/login/").content.decode().lower()
    for blocker in ("onpaste", "oncopy", 'autocomplete="off"', "readonly", "captcha"):
        assert blocker not in body


def test_labels_belong_to_their_fields(client, db):
    body = client.get("/login/").content.decode()
    assert '<label for="id_username">User name</label>' in body
    assert '<label for="id_password">Password</label>' in body


def test_signing_in_goes_to_the_start_and_is_audited(client, personas):
    response = client.post("/login/", {"username": "ana", "password": PASSWORD})
    assert response.status_code == 302 and response["Location"] == "/"
    assert AuditEvent.objects.filter(actor=personas.caregiver, action="login").exists()


def test_signing_in_returns_to_the_page_asked_for(client, personas):
    response = client.post("/login/?next=/c/theo/", {"username": "ana", "password": PASSWORD})
    assert response["Location"] == "/c/theo/"


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example/", "javascript:x"])
def test_signing_in_never_sends_anyone_to_another_site(client, personas, target):
    response = client.post(f"/login/?next={target}", {"username": "ana", "password": PASSWORD})
    assert response["Location"] == "/"


def test_a_wrong_password_is_explained_and_counted(client, personas):
    response = client.post("/login/", {"username": "ana", "password": "wrong"})
    assert response.status_code == 200
    assert "Please enter a correct" in response.content.decode()
    assert 'role="alert"' in response.content.decode()
    assert LoginFailure.objects.filter(username="ana").count() == 1
    assert "_auth_user_id" not in client.session


def test_too_many_failures_lock_the_account_for_an_hour(client, personas, settings):
    settings.BEDSIDE_LOGIN_FAILURES_PER_HOUR = 3
    for _ in range(3):
        client.post("/login/", {"username": "ana", "password": "wrong"})
    response = client.post("/login/", {"username": "ana", "password": PASSWORD})
    assert "Too many failed attempts. Try again in an hour." in response.content.decode()
    assert "_auth_user_id" not in client.session
