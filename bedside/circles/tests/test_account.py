import pytest
from django.test import Client
from django.urls import reverse

from bedside.circles.models import AuditEvent

pytestmark = pytest.mark.datalayer

PASSWORD = "a long test passphrase 42"  # the personas' password (root conftest)

CIRCLE = "/c/theo/"


def signed_in(user):
    client = Client()
    assert client.login(username=user.username, password=PASSWORD)
    return client


def test_sign_out_everywhere_ends_other_sessions_and_keeps_this_one(personas):
    phone, laptop = signed_in(personas.caregiver), signed_in(personas.caregiver)
    assert phone.get(CIRCLE).status_code == 200
    response = laptop.post(reverse("sign_out_everywhere"), follow=True)
    assert "Every other device" in response.content.decode()
    assert laptop.get(CIRCLE).status_code == 200
    lost = phone.get(CIRCLE)
    assert lost.status_code == 302 and lost.url.startswith(reverse("login"))
    assert AuditEvent.objects.filter(
        actor=personas.caregiver, action="account.sign_out_everywhere"
    ).exists()


def test_sign_out_everywhere_needs_a_post(personas):
    client = signed_in(personas.caregiver)
    assert client.get(reverse("sign_out_everywhere")).status_code == 405


def test_password_change_signs_out_other_devices(personas):
    phone, laptop = signed_in(personas.viewer), signed_in(personas.viewer)
    new = "a different long passphrase 7"
    response = laptop.post(
        reverse("account"),
        {"old_password": PASSWORD, "new_password1": new, "new_password2": new},
    )
    assert response.status_code == 302
    assert laptop.get(CIRCLE).status_code == 200
    assert phone.get(CIRCLE).status_code == 302
    assert Client().login(username="sam", password=new)


def test_password_change_refuses_a_common_password(personas):
    client = signed_in(personas.viewer)
    response = client.post(
        reverse("account"),
        {"old_password": PASSWORD, "new_password1": "password123", "new_password2": "password123"},
    )
    assert response.status_code == 400
    assert "This password is too common." in response.content.decode()


def test_account_page_lists_recent_sign_ins_and_allows_password_managers(personas):
    client = Client()
    client.post(reverse("login"), {"username": "sam", "password": PASSWORD}, REMOTE_ADDR="10.1.2.3")
    html = client.get(reverse("account")).content.decode()
    assert "signed in" in html and "10.1.2.3" in html
    assert 'autocomplete="current-password"' in html
    assert 'autocomplete="new-password"' in html
    assert "onpaste" not in html


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("account"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
