"""Every progression URL, as an outsider, a revoked member and an anonymous visitor: refused,
never data. Outsiders and revoked members are told the circle does not exist (404)."""

import pytest
from django.urls import reverse

from bedside.progression import urls as progression_urls
from bedside.progression.models import ALSFRSAssessment

from .factories import ALL_FOUR, days_ago, record

pytestmark = pytest.mark.datalayer

NAMES = [p.name for p in progression_urls.urlpatterns]  # every route, by construction


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("who", ["outsider", "revoked"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_non_members_get_404_everywhere(personas, client_for, name, who, method):
    row = record(personas.person, personas.circle, ALL_FOUR, day=days_ago(personas.circle, 1))
    client = client_for(getattr(personas, who))
    path = reverse(f"progression:{name}", args=[personas.circle.slug])
    data = {"assessment": row.pk, "row": "1", "item": "1", "value": "4"}
    response = getattr(client, method)(path, data if method == "post" else None)
    assert response.status_code == 404
    assert ALSFRSAssessment.objects.filter(pk=row.pk).exists()


@pytest.mark.parametrize("name", NAMES)
def test_anonymous_visitors_are_sent_to_sign_in(personas, client, name):
    path = reverse(f"progression:{name}", args=[personas.circle.slug])
    for response in (client.get(path), client.post(path, {"item": "1", "value": "4"})):
        assert response.status_code == 302
        assert response["Location"].startswith("/login/")


def test_an_id_from_another_circle_is_not_found(personas, client_for):
    theirs = record(
        personas.outsider, personas.other_circle, ALL_FOUR, day=days_ago(personas.other_circle, 1)
    )
    response = client_for(personas.coordinator).post(
        reverse("progression:alsfrs_remove", args=[personas.circle.slug]), {"assessment": theirs.pk}
    )
    assert response.status_code == 404
    assert ALSFRSAssessment.objects.filter(pk=theirs.pk).exists()
