"""The start page and a circle's overview offer only what the viewer can open."""

from __future__ import annotations

import pytest

from bedside.circles import services

pytestmark = pytest.mark.datalayer


def test_someone_in_one_circle_goes_straight_to_it(personas, client_for):
    response = client_for(personas.caregiver).get("/")
    assert response.status_code == 302 and response["Location"] == "/c/theo/"


def test_someone_in_two_circles_chooses_between_them(personas, client_for):
    services.membership_add(
        actor=personas.outsider,
        circle=personas.other_circle,
        user=personas.caregiver,
        role="viewer",
    )
    body = client_for(personas.caregiver).get("/").content.decode()
    assert 'href="/c/theo/"' in body and 'href="/c/other/"' in body


def test_someone_in_no_circle_is_told_how_to_join_or_start_one(personas, client_for):
    body = client_for(personas.revoked).get("/").content.decode()
    assert "Open the invitation link you were sent" in body
    assert 'href="/circles/new/"' in body


def test_the_overview_offers_every_part_to_the_person(personas, client_for):
    body = client_for(personas.person).get("/c/theo/").content.decode()
    for path in (
        "care/tonight/",
        "checkin/",
        "timeline/",
        "care/plan/",
        "members/",
        "record/transfer/",
    ):
        assert f'href="/c/theo/{path}"' in body


def test_the_overview_hides_what_a_viewer_may_not_do(personas, client_for):
    body = client_for(personas.viewer).get("/c/theo/").content.decode()
    assert 'href="/c/theo/checkin/"' not in body  # rating needs the "rate" right
    assert 'href="/c/theo/record/transfer/"' not in body  # export needs "export"
    assert 'href="/c/theo/timeline/"' in body


def test_the_overview_says_which_role_the_viewer_has(personas, client_for):
    body = client_for(personas.therapist).get("/c/theo/").content.decode()
    assert "You are in this circle as: Therapist." in body


def test_the_current_page_is_marked_in_the_navigation(personas, client_for):
    body = client_for(personas.person).get("/settings/").content.decode()
    assert 'href="/settings/" aria-current="page"' in body
