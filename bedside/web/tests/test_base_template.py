"""What every page gets from ``web/base.html``."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def body(personas, client_for) -> str:
    return client_for(personas.person).get("/settings/").content.decode()


def test_the_skip_link_is_the_first_thing_in_the_page(body):
    after_body = body.split("<body", 1)[1].split(">", 1)[1]
    first_link = re.search(r"<(a|button|input|select|textarea)\b[^>]*>", after_body).group()
    assert 'class="skip-link"' in first_link and 'href="#main"' in first_link
    assert '<main id="main" tabindex="-1">' in body


def test_an_answer_page_may_aim_the_skip_link_at_its_question(settings):
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [Path(__file__).parent / "templates"]}]
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    html = render_to_string("webtest/skip.html", request=request)
    assert '<a class="skip-link" href="#q1">' in html


def test_every_page_has_a_live_region_for_announcements(body):
    assert '<div id="announce" role="status" aria-live="polite" class="announce">' in body


def test_the_navigation_is_a_named_landmark(body):
    assert '<nav aria-label="Main">' in body


def test_the_language_switch_is_a_form_that_comes_back_to_the_page(body):
    form = re.search(r'<form method="post" action="/i18n/setlang/".*?</form>', body, re.S).group()
    assert 'name="csrfmiddlewaretoken"' in form
    assert '<input type="hidden" name="next" value="/settings/">' in form
    assert 'name="language" value="fr-ca" lang="fr-CA"' in form


def test_the_footer_says_bedside_gives_no_medical_advice(body):
    assert "it does not give medical advice" in body.split("<footer", 1)[1]


def test_there_is_no_inline_script_or_style(body):
    assert not re.search(r"<script(?![^>]*\bsrc=)", body)
    assert "<style" not in body and " style=" not in body
