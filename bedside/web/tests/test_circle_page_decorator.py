"""``circle_page``: the one door to a circle's pages — who gets in, who is refused, what is audited."""

from __future__ import annotations

from pathlib import Path

import pytest

from bedside.circles.models import AuditEvent

pytestmark = [pytest.mark.datalayer, pytest.mark.urls("bedside.web.tests.pages_urls")]

PLAN = "/c/theo/test-plan/"


def test_the_view_gets_the_circle_and_the_viewers_membership(personas, client_for):
    response = client_for(personas.therapist).get(PLAN)
    assert response.status_code == 200
    assert response.content.decode() == "theo priya therapist"


def test_anonymous_visitors_are_sent_to_sign_in_and_come_back(client, personas):
    response = client.get(PLAN)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={PLAN}"


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_are_told_the_circle_does_not_exist(personas, client_for, who):
    response = client_for(getattr(personas, who)).get(PLAN)
    assert response.status_code == 404
    assert "Theo" not in response.content.decode()


def test_an_unknown_circle_looks_the_same_as_a_hidden_one(personas, client_for):
    hidden = client_for(personas.outsider).get(PLAN)
    unknown = client_for(personas.outsider).get("/c/no-such-circle/test-plan/")
    assert hidden.status_code == unknown.status_code == 404
    assert hidden.templates[0].name == unknown.templates[0].name == "404.html"


def test_a_member_without_the_right_is_refused_with_the_missing_right_named(personas, client_for):
    response = client_for(personas.caregiver).get(PLAN)
    assert response.status_code == 403
    assert (
        "Your role in this circle does not allow you to change the care plan, techniques and "
        "trackables." in response.content.decode()
    )


def test_every_page_read_is_audited_with_the_page_name(personas, client_for):
    client_for(personas.person).get(PLAN)
    event = AuditEvent.objects.filter(action="view").latest("pk")
    assert (event.actor, event.circle, event.target) == (
        personas.person,
        personas.circle,
        "page:test_plan",
    )


def test_a_refused_read_is_not_audited_as_a_view(personas, client_for):
    client_for(personas.outsider).get(PLAN)
    client_for(personas.caregiver).get(PLAN)
    assert not AuditEvent.objects.filter(action="view", target="page:test_plan").exists()


def test_a_post_is_not_recorded_as_a_read(personas, client_for):
    client_for(personas.person).post(PLAN)
    assert not AuditEvent.objects.filter(action="view", target="page:test_plan").exists()


@pytest.fixture
def test_templates(settings):
    engine = {**settings.TEMPLATES[0], "DIRS": [Path(__file__).parent / "templates"]}
    settings.TEMPLATES = [engine]


def test_htmx_requests_get_only_the_fragment(personas, client_for, test_templates):
    client = client_for(personas.viewer)
    whole = client.get("/c/theo/test-fragment/").content.decode()
    part = client.get("/c/theo/test-fragment/", headers={"HX-Request": "true"}).content.decode()
    assert "<h1>Whole page</h1>" in whole and '<p id="count">theo fragment</p>' in whole
    assert part.strip() == '<p id="count">theo fragment</p>'
