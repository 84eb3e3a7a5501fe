"""One activation marks tonight's routine done as planned; the row says who and when."""

import pytest
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Occurrence, Session
from bedside.circles.days import today

from .helpers import member, routine

pytestmark = pytest.mark.datalayer


@pytest.fixture
def occurrence(personas):
    r = routine(personas, notes="Start with the left leg")
    services.occurrences_ensure(personas.circle, today(personas.circle))
    return Occurrence.objects.get(routine=r)


def test_tonights_list_offers_done_for_each_due_item(personas, client_for, occurrence):
    page = client_for(personas.caregiver).get(reverse("care:tonight", args=["theo"]))
    text = page.content.decode()
    assert page.status_code == 200
    assert "Massage gun" in text and "Left calf, Right calf" in text and "10 minutes" in text
    assert "Start with the left leg" in text
    assert f'action="{reverse("care:done", args=["theo", occurrence.pk])}"' in text


def test_one_post_marks_it_done_as_planned(personas, client_for, occurrence):
    response = client_for(personas.caregiver).post(
        reverse("care:done", args=["theo", occurrence.pk]), headers={"HX-Request": "true"}
    )
    assert response.status_code == 200
    occurrence.refresh_from_db()
    assert occurrence.status == "done"
    session = Session.objects.get(occurrence=occurrence)
    assert session.technique == occurrence.technique
    assert session.routine == occurrence.routine
    assert session.regions == ["left-calf", "right-calf"]
    assert session.minutes == 10
    assert session.performed_by == member(personas, personas.caregiver)
    assert session.day == today(personas.circle)
    page = response.content.decode()
    assert "Done ✓ by Ana at" in page
    assert reverse("care:adjust", args=["theo", session.pk]) in page
    assert reverse("care:undo", args=["theo", session.pk]) in page
    assert 'id="announce" hx-swap-oob="innerHTML"' in page
    assert "Massage gun: done. You can adjust or undo it." in page
    assert "data-focus-after-swap" in page


def test_without_javascript_done_returns_to_the_list(personas, client_for, occurrence):
    response = client_for(personas.caregiver).post(
        reverse("care:done", args=["theo", occurrence.pk]), follow=True
    )
    assert response.redirect_chain[-1][0].endswith(f"#occ-{occurrence.pk}")
    text = response.content.decode()
    assert "Massage gun: done. You can adjust or undo it." in text
    assert "Done ✓ by Ana at" in text


def test_done_is_audited_without_health_data(personas, client_for, occurrence):
    from bedside.circles.models import AuditEvent

    client_for(personas.caregiver).post(reverse("care:done", args=["theo", occurrence.pk]))
    event = AuditEvent.objects.get(action="session.done")
    assert event.actor == personas.caregiver
    assert event.target.startswith("session:")


def test_a_get_cannot_mark_anything_done(personas, client_for, occurrence):
    response = client_for(personas.caregiver).get(
        reverse("care:done", args=["theo", occurrence.pk])
    )
    assert response.status_code == 405
    occurrence.refresh_from_db()
    assert occurrence.status == "due"
