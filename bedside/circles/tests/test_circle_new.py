import datetime as dt

import pytest
from django.urls import reverse

from bedside.circles.models import AuditEvent, Circle, Membership

pytestmark = pytest.mark.datalayer


def start(client, **fields):
    data = {
        "name": "Dad's care",
        "role": "coordinator",
        "timezone_choice": "America/Halifax",
        "timezone_other": "",
        "day_boundary": "05:00",
    }
    data.update(fields)
    return client.post(reverse("circle_new"), data)


def test_anonymous_visitor_is_sent_to_sign_in(client, db):
    response = client.get(reverse("circle_new"))
    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


def test_signed_in_user_starts_a_circle_as_its_coordinator(personas, client_for):
    response = start(client_for(personas.outsider))
    circle = Circle.objects.get(name="Dad's care")
    assert response.status_code == 302
    assert response.url == reverse("members", args=[circle.slug])
    assert (circle.timezone, circle.day_boundary) == ("America/Halifax", dt.time(5, 0))
    membership = Membership.objects.get(circle=circle, user=personas.outsider)
    assert membership.role == "coordinator"
    assert AuditEvent.objects.filter(circle=circle, action="circle.create").exists()


def test_the_person_living_with_als_can_start_their_own_circle(personas, client_for):
    start(client_for(personas.outsider), role="person")
    circle = Circle.objects.get(name="Dad's care")
    assert Membership.objects.get(circle=circle).role == "person"


def test_new_circle_address_does_not_contain_its_name(personas, client_for):
    start(client_for(personas.outsider), name="Theo Martin")
    slug = Circle.objects.get(name="Theo Martin").slug
    assert "theo" not in slug and "martin" not in slug
    assert len(slug) >= 10


def test_any_valid_iana_zone_can_be_typed(personas, client_for):
    start(client_for(personas.outsider), timezone_choice="", timezone_other="Asia/Kolkata")
    assert Circle.objects.get(name="Dad's care").timezone == "Asia/Kolkata"


def test_unknown_time_zone_is_refused_with_a_message(personas, client_for):
    response = start(client_for(personas.outsider), timezone_other="Mars/Olympus_Mons")
    assert response.status_code == 400
    assert "is not a time zone name we know" in response.content.decode()
    assert not Circle.objects.filter(name="Dad's care").exists()


def test_no_time_zone_at_all_is_refused(personas, client_for):
    response = start(client_for(personas.outsider), timezone_choice="")
    assert response.status_code == 400
    assert "Choose a time zone" in response.content.decode()


def test_a_founder_cannot_make_themselves_a_mere_viewer(personas, client_for):
    response = start(client_for(personas.outsider), role="viewer")
    assert response.status_code == 400
    assert not Circle.objects.filter(name="Dad's care").exists()


def test_form_offers_common_zones_and_boundary_hours(personas, client_for):
    html = client_for(personas.outsider).get(reverse("circle_new")).content.decode()
    assert 'value="America/Toronto"' in html
    assert 'value="04:00"' in html
    assert 'name="timezone_other"' in html
