import pytest
from django.test import Client
from django.urls import reverse

PASSWORD = "a long test passphrase 42"  # the personas' password (root conftest)

pytestmark = pytest.mark.datalayer


def sign_in(client, password):
    return client.post(reverse("login"), {"username": "ana", "password": password})


def test_correct_password_is_refused_after_too_many_failures(personas, settings):
    settings.BEDSIDE_LOGIN_FAILURES_PER_HOUR = 3
    client = Client()
    for _i in range(3):
        assert sign_in(client, "wrong guess").status_code == 200
    response = sign_in(client, PASSWORD)
    assert response.status_code == 200
    assert "Too many failed attempts" in response.content.decode()
    assert client.get("/c/theo/").status_code == 302  # not signed in


def test_correct_password_works_below_the_limit(personas, settings):
    settings.BEDSIDE_LOGIN_FAILURES_PER_HOUR = 3
    client = Client()
    for _i in range(2):
        sign_in(client, "wrong guess")
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.get("/c/theo/").status_code == 200


def test_throttling_is_per_account(personas, settings):
    settings.BEDSIDE_LOGIN_FAILURES_PER_HOUR = 2
    client = Client()
    for _i in range(2):
        sign_in(client, "wrong guess")
    response = client.post(reverse("login"), {"username": "sam", "password": PASSWORD})
    assert response.status_code == 302
