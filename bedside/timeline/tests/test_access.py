"""Who may see the timeline and charts: members read; outsiders and former members get 404."""

from __future__ import annotations

import pytest
from django.urls import reverse

from bedside.circles.models import AuditEvent

from .helpers import ago, observe, trackable
from .pages import chart_url, charts_url, html, timeline_url

pytestmark = pytest.mark.datalayer


def every_url(personas) -> list[str]:
    return [timeline_url(), charts_url(), chart_url(trackable(personas.circle).pk)]


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_are_told_the_circle_does_not_exist(personas, client_for, who):
    observe(personas.circle, ago(personas.circle, 1), 7, note="private")
    client = client_for(getattr(personas, who))
    for url in every_url(personas):
        response = client.get(url)
        assert response.status_code == 404, url
        assert "private" not in html(response)


@pytest.mark.parametrize("who", ["person", "coordinator", "caregiver", "therapist", "viewer"])
def test_every_member_including_a_viewer_can_read(personas, client_for, who):
    observe(personas.circle, ago(personas.circle, 1), 7)
    client = client_for(getattr(personas, who))
    for url in every_url(personas):
        assert client.get(url).status_code == 200, url


def test_signed_out_visitors_are_sent_to_sign_in(personas, client):
    for url in every_url(personas):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


def test_reading_the_timeline_is_audited_without_health_data(personas, client_for):
    observe(personas.circle, ago(personas.circle, 1), 7)
    client_for(personas.viewer).get(timeline_url())
    event = AuditEvent.objects.filter(actor=personas.viewer, circle=personas.circle).first()
    assert event is not None
    assert event.target == "page:timeline"


def test_the_chart_of_a_trackable_in_the_outsiders_own_circle_does_not_open_ours(
    personas, client_for
):
    mine = trackable(personas.other_circle)
    response = client_for(personas.outsider).get(chart_url(mine.pk))  # slug theo, not theirs
    assert response.status_code == 404
    ours = client_for(personas.outsider).get(chart_url(mine.pk, slug="other"))
    assert ours.status_code == 200
