"""Outsiders and revoked members get 404 on every care URL, GET and POST; nothing changes."""

import pytest
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Occurrence, Routine, Session
from bedside.care.urls import urlpatterns
from bedside.circles.days import today

from .helpers import routine, technique

pytestmark = pytest.mark.datalayer


@pytest.fixture
def objects(personas):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    session = services.occurrence_done(actor=personas.caregiver, occurrence=occurrence)
    return {
        "occurrence_id": occurrence.pk,
        "session_id": session.pk,
        "routine_id": r.pk,
        "technique_id": technique(personas).pk,
    }


def every_care_url(ids):
    for pattern in urlpatterns:
        kwargs = {name: ids[name] for name in pattern.pattern.converters}
        yield reverse(f"care:{pattern.name}", kwargs={"slug": "theo", **kwargs})


def snapshot():
    return (
        list(Occurrence.objects.values()),
        list(Session.objects.values()),
        list(Routine.objects.values()),
    )


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_every_care_url_is_not_found_for_outsiders(personas, client_for, objects, who):
    client = client_for(getattr(personas, who))
    before = snapshot()
    urls = list(every_care_url(objects))
    assert len(urls) == len(urlpatterns) >= 16
    for url in urls:
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code in (404, 405), (url, method, response.status_code)
            assert b"Massage gun" not in response.content
    assert snapshot() == before


def test_anonymous_visitors_are_sent_to_sign_in(client, objects):
    for url in every_care_url(objects):
        response = client.get(url)
        assert response.status_code in (302, 405)
        if response.status_code == 302:
            assert response["Location"].startswith("/login/")
