"""The 404, 403, 500 and expired-form pages: helpful, translated, and silent about data."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import Client, RequestFactory
from django.views import defaults

from bedside.circles.roles import Action
from bedside.web.templatetags.bedside import refusal_sentence

pytestmark = pytest.mark.urls("bedside.web.tests.pages_urls")


def test_not_found_page_names_no_circle(personas, client_for):
    response = client_for(personas.outsider).get("/c/theo/")
    body = response.content.decode()
    assert response.status_code == 404
    assert "This page is not here" in body
    assert "Theo" not in body
    assert 'class="skip-link"' in body  # the full page: navigation, language switch, footer


def test_not_found_page_offers_sign_in_to_visitors(client, db):
    body = client.get("/nowhere/").content.decode()
    assert 'href="/login/"' in body


def test_forbidden_page_explains_which_right_is_missing(rf, db):
    request = rf.get("/")
    request.user = AnonymousUser()
    exception = PermissionDenied(f"Your role may not {Action.EXPORT.label}")
    body = defaults.permission_denied(request, exception).content.decode()
    assert "does not allow you to import and export the record." in body
    assert "Nothing was changed" in body


def test_refusals_show_only_known_sentences():
    assert refusal_sentence("Too many failed attempts. Try again in an hour.") == (
        "Too many failed attempts. Try again in an hour."
    )
    assert refusal_sentence("Theo's pain was 7 on Tuesday") is None
    assert refusal_sentence("") is None


def test_forbidden_page_hides_a_refusal_that_might_carry_data(rf, db):
    request = rf.get("/")
    request.user = AnonymousUser()
    body = defaults.permission_denied(request, PermissionDenied("Theo's pain was 7")).content
    assert b"pain" not in body
    assert b"Your role in this circle does not include this." in body


def test_forbidden_page_speaks_french(personas, client_for):
    client = client_for(personas.caregiver)
    client.cookies["django_language"] = "fr-ca"
    body = client.get("/c/theo/test-plan/").content.decode()
    assert "Votre rôle dans ce cercle ne comprend pas ce droit\u00a0: " in body


def test_server_error_page_needs_no_database_and_shows_nothing_of_the_error(
    db, django_assert_num_queries
):
    client = Client(raise_request_exception=False)
    with django_assert_num_queries(0):
        response = client.get("/test-broken/")
    body = response.content.decode()
    assert response.status_code == 500
    assert "Something went wrong on our side" in body
    assert "secret" not in body and "Traceback" not in body


def test_server_error_page_renders_without_a_request_context():
    response = defaults.server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert b"may not have been saved" in response.content


def test_an_expired_form_says_nothing_was_saved(personas):
    client = Client(enforce_csrf_checks=True)
    client.force_login(personas.person)
    response = client.post("/settings/", {"display_name": "X", "dwell_ms": "0"})
    assert response.status_code == 403
    assert "nothing was saved" in response.content.decode()
    personas.person.refresh_from_db()
    assert personas.person.display_name == "Theo"
