"""Care that was not on tonight's list can be logged too ("Log something else")."""

import datetime as dt

import pytest
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Session

from .helpers import MONDAY, at, member, technique

pytestmark = pytest.mark.datalayer


def test_log_an_ad_hoc_session_with_details(personas):
    session = services.session_log(
        actor=personas.caregiver,
        circle=personas.circle,
        technique=technique(personas, "chest-massage-gun"),
        performed_at=at(MONDAY, 20, 15),
        minutes=8,
        pressure="light",
        tolerance="some",
        regions=["chest", "chest"],
        note="Tried it once",
        now=at(MONDAY, 21),
    )
    assert (session.day, session.performed_at, session.routine, session.occurrence) == (
        MONDAY,
        at(MONDAY, 20, 15),
        None,
        None,
    )
    assert session.regions == ["chest"]
    assert session.performed_by == member(personas, personas.caregiver)
    assert session.by_name == "Ana"


def test_log_page_offers_every_technique_as_a_tile(personas, client_for):
    page = client_for(personas.caregiver).get(reverse("care:log", args=["theo"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert text.count('name="technique"') == 11
    assert "Lymphatic drainage" in text and "Repositioning (turning in bed)" in text


def test_log_form_saves_and_returns_to_tonight(personas, client_for):
    response = client_for(personas.caregiver).post(
        reverse("care:log", args=["theo"]),
        {
            "technique": technique(personas, "repositioning").pk,
            "minutes": "5",
            "regions": ["hips"],
            "tolerance": "well",
        },
        follow=True,
    )
    session = Session.objects.get()
    assert response.redirect_chain[0][0].endswith(f"#session-{session.pk}")
    assert (session.minutes, session.regions, session.tolerance) == (5, ["hips"], "well")
    text = response.content.decode()
    assert "Also logged tonight" in text and "Saved: Repositioning (turning in bed)." in text


def test_log_form_with_an_earlier_time(personas, client_for):
    from django.utils import timezone

    from bedside.circles.days import day_of, instant_at, today

    now = timezone.now()
    start = instant_at(personas.circle, today(personas.circle, now), dt.time(4, 5))
    client_for(personas.caregiver).post(
        reverse("care:log", args=["theo"]),
        {"technique": technique(personas).pk, "time": "04:05"},
    )
    session = Session.objects.get()
    assert session.performed_at == start
    assert day_of(personas.circle, session.performed_at) == today(personas.circle, now)
