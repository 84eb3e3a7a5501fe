"""Roles: viewers read but cannot log; those who plan (person, coordinator, therapist) change the
plan; caregivers log but cannot change the plan."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Occurrence, Routine, Session
from bedside.circles.days import today

from .helpers import routine, technique

pytestmark = pytest.mark.datalayer


@pytest.fixture
def occurrence(personas):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    return Occurrence.objects.get(routine=r)


def routine_post(personas):
    return {
        "technique": technique(personas, "neck-stretches").pk,
        "regions": ["neck"],
        "who": "anyone",
        "schedule": "daily",
        "time_of_day": "20:30",
        "start_date": today(personas.circle).isoformat(),
    }


def test_viewer_sees_tonights_list_without_buttons(personas, client_for, occurrence):
    page = client_for(personas.viewer).get(reverse("care:tonight", args=["theo"]))
    assert page.status_code == 200
    text = page.content.decode()
    assert "Massage gun" in text
    assert reverse("care:done", args=["theo", occurrence.pk]) not in text
    assert reverse("care:log", args=["theo"]) not in text


@pytest.mark.parametrize("name", ["done", "skip", "unskip"])
def test_viewer_cannot_log(personas, client_for, occurrence, name):
    response = client_for(personas.viewer).post(
        reverse(f"care:{name}", args=["theo", occurrence.pk])
    )
    assert response.status_code == 403
    occurrence.refresh_from_db()
    assert occurrence.status == "due"


def test_viewer_cannot_log_ad_hoc(personas, client_for):
    response = client_for(personas.viewer).post(
        reverse("care:log", args=["theo"]), {"technique": technique(personas).pk}
    )
    assert response.status_code == 403
    assert not Session.objects.exists()
    with pytest.raises(PermissionDenied):
        services.session_log(
            actor=personas.viewer, circle=personas.circle, technique=technique(personas)
        )


def test_therapist_can_plan(personas, client_for):
    response = client_for(personas.therapist).post(
        reverse("care:routine_new", args=["theo"]), routine_post(personas)
    )
    assert response.status_code == 302
    saved = Routine.objects.get(technique__key="neck-stretches")
    assert (saved.time_of_day, saved.regions, saved.created_by) == (
        dt.time(20, 30),
        ["neck"],
        personas.therapist,
    )


def test_person_can_plan(personas):
    services.routine_create(
        actor=personas.person,
        circle=personas.circle,
        technique=technique(personas),
        schedule="daily",
        time_of_day=dt.time(21),
    )
    assert Routine.objects.count() == 1


@pytest.mark.parametrize("who", ["caregiver", "viewer"])
def test_caregiver_and_viewer_cannot_plan(personas, client_for, who):
    user = getattr(personas, who)
    client = client_for(user)
    assert client.get(reverse("care:routine_new", args=["theo"])).status_code == 403
    assert (
        client.post(reverse("care:routine_new", args=["theo"]), routine_post(personas)).status_code
        == 403
    )
    assert (
        client.post(reverse("care:technique_new", args=["theo"]), {"name": "Foot bath"}).status_code
        == 403
    )
    assert not Routine.objects.exists()
    with pytest.raises(PermissionDenied):
        services.technique_create(actor=user, circle=personas.circle, name="Foot bath")


def test_caregiver_cannot_end_a_routine(personas, client_for):
    r = routine(personas)
    response = client_for(personas.caregiver).post(reverse("care:routine_end", args=["theo", r.pk]))
    assert response.status_code == 403
    r.refresh_from_db()
    assert r.active and r.end_date is None


def test_everyone_in_the_circle_reads_the_plan(personas, client_for):
    routine(personas)
    for user in personas.members().values():
        page = client_for(user).get(reverse("care:plan", args=["theo"]))
        assert page.status_code == 200
        assert "Massage gun" in page.content.decode()
