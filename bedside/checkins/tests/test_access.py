"""Nobody outside the circle reaches any checkins page or action (SECURITY.md, ASVS 4.2.1)."""

import pytest
from django.urls import reverse

from bedside.checkins import services, urls
from bedside.checkins.models import Note, Observation, Trackable

from .conftest import trackable

pytestmark = pytest.mark.datalayer


def every_url(personas) -> list[str]:  # type: ignore[no-untyped-def]
    """Each checkins route, with ids of real rows of Theo's circle where a route takes one."""
    weight = trackable(personas.circle, "weight")
    measured = services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=weight, value=70
    )
    note = services.note_add(actor=personas.caregiver, circle=personas.circle, text="Tired")
    ids = {
        "observation_remove": measured.pk,
        "note_remove": note.pk,
    }
    found = []
    for pattern in urls.urlpatterns:
        kwargs = {"slug": "theo"}
        if "<int:pk>" in str(pattern.pattern):
            kwargs["pk"] = ids.get(pattern.name, weight.pk)
        found.append(reverse(f"checkins:{pattern.name}", kwargs=kwargs))
    return found


def test_every_route_is_walked(personas):
    assert len(every_url(personas)) == len(urls.urlpatterns) >= 16


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_get_not_found_everywhere(personas, client_for, who):
    client = client_for(getattr(personas, who))
    before = (Observation.objects.count(), Note.objects.count(), Trackable.objects.count())
    for url in every_url(personas):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"value": "5", "name": "x", "do": "hide"}).status_code == 404, url
    assert (Observation.objects.count(), Note.objects.count(), Trackable.objects.count()) == (
        before[0] + 1,
        before[1] + 1,
        before[2],
    )


def test_anonymous_visitors_are_sent_to_sign_in(personas, client):
    for url in every_url(personas):
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(reverse("login")), url


def test_a_viewer_may_read_but_changes_are_refused(personas, client_for):
    client = client_for(personas.viewer)
    assert client.get(reverse("checkins:checkin", args=["theo"])).status_code == 200
    assert client.get(reverse("checkins:records", args=["theo"])).status_code == 200
    assert client.get(reverse("checkins:trackables", args=["theo"])).status_code == 403
    for url in every_url(personas):
        if url.rstrip("/").endswith(("checkin", "records")):
            continue
        assert client.post(url, {"value": "5"}).status_code == 403, url


def test_a_caregiver_may_rate_but_not_change_the_questions(personas, client_for):
    client = client_for(personas.caregiver)
    pain = trackable(personas.circle, "pain")
    assert client.get(reverse("checkins:trackables", args=["theo"])).status_code == 403
    response = client.post(
        reverse("checkins:trackable_change", args=["theo", pain.pk]), {"do": "hide"}
    )
    assert response.status_code == 403
    pain.refresh_from_db()
    assert pain.active
