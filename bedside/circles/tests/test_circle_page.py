import pytest
from django.urls import reverse

pytestmark = pytest.mark.datalayer


def test_member_sees_circle_overview(personas, client_for):
    response = client_for(personas.caregiver).get(reverse("circle", args=["theo"]))
    assert response.status_code == 200
    assert "Theo&#x27;s circle" in response.content.decode()


def test_outsider_is_told_circle_does_not_exist(personas, client_for):
    response = client_for(personas.outsider).get(reverse("circle", args=["theo"]))
    assert response.status_code == 404


def test_revoked_member_sees_nothing(personas, client_for):
    response = client_for(personas.revoked).get(reverse("circle", args=["theo"]))
    assert response.status_code == 404


def test_reading_a_circle_page_is_audited(personas, client_for):
    from bedside.circles.models import AuditEvent

    client_for(personas.viewer).get(reverse("circle", args=["theo"]))
    event = AuditEvent.objects.filter(action="view").latest("at")
    assert (event.actor, event.circle, event.target) == (
        personas.viewer,
        personas.circle,
        "page:circle",
    )
