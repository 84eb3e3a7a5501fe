"""A member can skip tonight's item, with a reason; skipped is shown and kept as data."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from bedside.care import services
from bedside.care.models import Occurrence
from bedside.circles.days import today

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer


@pytest.fixture
def occurrence(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    return Occurrence.objects.get(routine=r)


def test_skip_with_a_chosen_reason(personas, occurrence):
    services.occurrence_skip(
        actor=personas.caregiver, occurrence=occurrence, reason_code="asleep", now=at(MONDAY, 21)
    )
    occurrence.refresh_from_db()
    assert (occurrence.status, occurrence.reason_code, occurrence.reason) == (
        "skipped",
        "asleep",
        "Asleep",
    )
    assert occurrence.by_name == "Ana"
    assert occurrence.changed_by == personas.caregiver


def test_skip_with_a_reason_and_words(personas, occurrence):
    services.occurrence_skip(
        actor=personas.caregiver,
        occurrence=occurrence,
        reason_code="unwell",
        reason_text="fever since noon",
        now=at(MONDAY, 21),
    )
    occurrence.refresh_from_db()
    assert occurrence.reason == "Unwell: fever since noon"


@pytest.mark.parametrize(("code", "text"), [("", ""), ("", "   "), ("other", ""), ("bored", "")])
def test_a_skip_needs_a_reason(personas, occurrence, code, text):
    with pytest.raises(ValidationError):
        services.occurrence_skip(
            actor=personas.caregiver,
            occurrence=occurrence,
            reason_code=code,
            reason_text=text,
            now=at(MONDAY, 21),
        )
    occurrence.refresh_from_db()
    assert occurrence.status == "due"


def test_skipping_from_tonights_list_takes_two_activations(personas, client_for):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    client = client_for(personas.caregiver)
    url = reverse("care:skip", args=["theo", occurrence.pk])
    form = client.get(url, headers={"HX-Request": "true"})  # activation 1: "Skip"
    assert form.status_code == 200
    assert 'value="tired"' in form.content.decode()
    response = client.post(url, {"reason": "tired"}, headers={"HX-Request": "true"})  # 2: why
    occurrence.refresh_from_db()
    assert occurrence.status == "skipped"
    page = response.content.decode()
    assert "Skipped by Ana: Too tired" in page
    assert 'hx-swap-oob="innerHTML"' in page and "Skipped: Massage gun." in page


def test_skip_without_a_reason_shows_a_message_and_saves_nothing(personas, client_for):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    url = reverse("care:skip", args=["theo", occurrence.pk])
    response = client_for(personas.caregiver).post(url, {"reason": "other", "text": ""})
    assert response.status_code == 400
    assert "Say why it was skipped." in response.content.decode()
    occurrence.refresh_from_db()
    assert occurrence.status == "due"


def test_skipped_items_of_last_night_are_shown(personas, client_for):
    now = timezone.now()
    yesterday = today(personas.circle, now) - dt.timedelta(days=1)
    r = routine(personas, start_date=yesterday, now=now - dt.timedelta(days=1))
    services.occurrences_ensure(personas.circle, yesterday)
    occurrence = Occurrence.objects.get(routine=r, day=yesterday)
    services.occurrence_skip(
        actor=personas.caregiver, occurrence=occurrence, reason_text="hospital visit"
    )
    page = client_for(personas.coordinator).get(reverse("care:tonight", args=["theo"]))
    text = page.content.decode()
    assert "Not done last night" in text
    assert "Skipped by Ana: hospital visit" in text
