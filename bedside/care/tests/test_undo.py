"""No confirmation dialogs: a done or a skip can be undone instead."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Occurrence, Session
from bedside.circles.days import today
from bedside.circles.models import AuditEvent

from .helpers import MONDAY, at, routine

pytestmark = pytest.mark.datalayer
TUESDAY = MONDAY + dt.timedelta(days=1)


@pytest.fixture
def occurrence(personas):
    r = routine(personas, start_date=MONDAY, now=at(MONDAY, 9))
    services.occurrences_ensure(personas.circle, MONDAY)
    return Occurrence.objects.get(routine=r)


def test_undoing_done_removes_the_session_and_makes_it_due_again(personas, occurrence):
    session = services.occurrence_done(
        actor=personas.caregiver, occurrence=occurrence, now=at(MONDAY, 21)
    )
    services.session_undo(actor=personas.caregiver, session=session, now=at(MONDAY, 21, 1))
    occurrence.refresh_from_db()
    assert occurrence.status == "due"
    assert not Session.objects.filter(pk=session.pk).exists()
    assert AuditEvent.objects.filter(action="session.undo", actor=personas.caregiver).exists()


def test_undoing_after_the_day_closed_makes_it_missed(personas, occurrence):
    session = services.occurrence_done(
        actor=personas.caregiver, occurrence=occurrence, now=at(MONDAY, 21)
    )
    services.session_undo(actor=personas.caregiver, session=session, now=at(TUESDAY, 9))
    occurrence.refresh_from_db()
    assert occurrence.status == "missed"


def test_undoing_one_of_two_sessions_keeps_the_occurrence_done(personas, occurrence):
    mine = services.occurrence_done(
        actor=personas.caregiver, occurrence=occurrence, now=at(MONDAY, 21)
    )
    services.occurrence_done(actor=personas.person, occurrence=occurrence, now=at(MONDAY, 21, 5))
    services.session_undo(actor=personas.caregiver, session=mine, now=at(MONDAY, 21, 6))
    occurrence.refresh_from_db()
    assert occurrence.status == "done"
    assert occurrence.sessions.count() == 1


def test_undoing_a_skip(personas, occurrence):
    services.occurrence_skip(
        actor=personas.caregiver, occurrence=occurrence, reason_code="asleep", now=at(MONDAY, 21)
    )
    services.occurrence_unskip(actor=personas.caregiver, occurrence=occurrence, now=at(MONDAY, 22))
    occurrence.refresh_from_db()
    assert (occurrence.status, occurrence.reason, occurrence.reason_code) == ("due", "", "")


def test_a_caregiver_cannot_undo_a_colleagues_session_but_a_coordinator_can(personas, occurrence):
    session = services.occurrence_done(
        actor=personas.person, occurrence=occurrence, now=at(MONDAY, 21)
    )
    with pytest.raises(PermissionDenied):
        services.session_undo(actor=personas.caregiver, session=session, now=at(MONDAY, 22))
    services.session_undo(actor=personas.coordinator, session=session, now=at(MONDAY, 22))
    assert not Session.objects.filter(pk=session.pk).exists()


def test_undo_button_swaps_the_row_back_and_announces_it(personas, client_for):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    session = services.occurrence_done(actor=personas.caregiver, occurrence=occurrence)
    response = client_for(personas.caregiver).post(
        reverse("care:undo", args=["theo", session.pk]), headers={"HX-Request": "true"}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert f'id="occ-{occurrence.pk}"' in page
    assert reverse("care:done", args=["theo", occurrence.pk]) in page  # the Done button is back
    assert "Undone: Massage gun is due again." in page
    occurrence.refresh_from_db()
    assert occurrence.status == "due"


def test_undo_without_javascript_goes_back_to_the_list_with_a_message(personas, client_for):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    services.occurrence_skip(actor=personas.caregiver, occurrence=occurrence, reason_code="tired")
    client = client_for(personas.caregiver)
    response = client.post(reverse("care:unskip", args=["theo", occurrence.pk]), follow=True)
    assert response.redirect_chain[0][0].endswith(f"/care/tonight/#occ-{occurrence.pk}")
    assert "Skip undone: Massage gun." in response.content.decode()
