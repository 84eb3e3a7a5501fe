"""Roles: a viewer reads but cannot enter (403); settings need the plan right; a caregiver
cannot remove a colleague's entry."""

import pytest

from bedside.progression import services
from bedside.progression.models import ALSFRSAssessment, BreathingTest, JointRange

from .factories import ALL_FOUR, days_ago, record, url

pytestmark = pytest.mark.datalayer

POSTS = [
    ("alsfrs_answer", {"item": "1", "value": "4"}),
    ("alsfrs_proxy", {"for_person": "1"}),
    ("alsfrs_discard", {}),
    ("alsfrs_save", {}),
    ("alsfrs_total", {"total": "40", "instrument": "ALSFRS-R"}),
    ("alsfrs_remove", {"assessment": "1"}),
    (
        "joints",
        {
            "joint_motion": "elbow:flexion",
            "side": "left",
            "method": "passive",
            "position": "sitting",
            "start_deg": "0",
            "end_deg": "140",
        },
    ),
    ("joint_remove", {"row": "1"}),
    ("breathing", {"kind": "fvc", "value": "80", "posture": "upright"}),
    ("breathing_remove", {"row": "1"}),
    ("settings", {"height_cm": "170", "alsfrs_every_days": "30", "delta_fs_banding": "kimura2006"}),
]
READ_PAGES = ["overview", "alsfrs_history", "joints", "breathing", "swelling", "weight"]


@pytest.mark.parametrize(("name", "data"), POSTS)
def test_viewer_cannot_enter_anything(personas, client_for, name, data):
    response = client_for(personas.viewer).post(url(name, personas.circle), data)
    assert response.status_code == 403
    assert not ALSFRSAssessment.objects.exists()
    assert not JointRange.objects.exists() and not BreathingTest.objects.exists()


@pytest.mark.parametrize("name", ["alsfrs_entry", "alsfrs_total", "settings"])
def test_viewer_is_refused_the_entry_pages(personas, client_for, name):
    assert client_for(personas.viewer).get(url(name, personas.circle)).status_code == 403


@pytest.mark.parametrize("name", READ_PAGES)
def test_viewer_reads_every_summary_page_without_entry_controls(personas, client_for, name):
    record(personas.person, personas.circle, ALL_FOUR, day=days_ago(personas.circle, 1))
    response = client_for(personas.viewer).get(url(name, personas.circle))
    assert response.status_code == 200
    page = response.content.decode()
    assert url("alsfrs_entry", personas.circle) not in page
    assert "Remove" not in page


def test_caregiver_cannot_change_the_settings(personas, client_for):
    client = client_for(personas.caregiver)
    assert client.get(url("settings", personas.circle)).status_code == 403
    assert (
        "progression/settings/" not in client.get(url("overview", personas.circle)).content.decode()
    )


def test_therapist_can_change_the_settings(personas, client_for):
    response = client_for(personas.therapist).post(
        url("settings", personas.circle),
        {"height_cm": "172,5", "alsfrs_every_days": "28", "delta_fs_banding": "labra2016"},
    )
    assert response.status_code == 302
    settings = personas.circle.progression_settings
    assert (settings.height_cm, settings.alsfrs_every_days, settings.delta_fs_banding) == (
        172.5,
        28,
        "labra2016",
    )


def test_caregiver_cannot_remove_a_colleagues_entry_but_can_remove_their_own(personas, client_for):
    theirs = record(personas.therapist, personas.circle, ALL_FOUR, day=days_ago(personas.circle, 2))
    own = record(personas.caregiver, personas.circle, ALL_FOUR, day=days_ago(personas.circle, 1))
    client = client_for(personas.caregiver)
    response = client.post(
        url("alsfrs_remove", personas.circle), {"assessment": theirs.pk}, follow=True
    )
    assert "Only the person who entered this" in response.content.decode()
    assert ALSFRSAssessment.objects.filter(pk=theirs.pk).exists()
    client.post(url("alsfrs_remove", personas.circle), {"assessment": own.pk})
    assert not ALSFRSAssessment.objects.filter(pk=own.pk).exists()


def test_coordinator_can_remove_anyones_entry(personas):
    row = record(personas.caregiver, personas.circle, ALL_FOUR, day=days_ago(personas.circle, 1))
    services.alsfrs_remove(actor=personas.coordinator, circle=personas.circle, assessment=row)
    assert not ALSFRSAssessment.objects.exists()


def test_saving_offers_an_undo_that_removes_it(personas, client_for):
    client = client_for(personas.person)
    for item in ["1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12"]:
        client.post(url("alsfrs_answer", personas.circle), {"item": item, "value": "4"})
    page = client.post(url("alsfrs_save", personas.circle), {}, follow=True).content.decode()
    assert "ALSFRS-R saved: total 48 of 48." in page
    assert "Undo: remove it" in page
    saved = ALSFRSAssessment.objects.get()
    client.post(url("alsfrs_remove", personas.circle), {"assessment": saved.pk})
    assert not ALSFRSAssessment.objects.exists()
