"""The care plan as a private calendar address: a valid iCalendar file a phone can subscribe to.

The feed is parsed with the ``icalendar`` package (RFC 5545); its events are the routines'
due evenings at the circle's local time; the address is secret, replaceable and ends with the
membership.
"""

from __future__ import annotations

import datetime as dt
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.test import Client

from bedside.care import calendar_feed
from bedside.care.ics import CalendarEvent, calendar, fold
from bedside.care.models import CalendarFeed, Technique
from bedside.care.services.plan import routine_create
from bedside.circles import services as circle_services
from bedside.circles.days import today
from bedside.circles.models import AuditEvent

pytestmark = pytest.mark.datalayer

TORONTO = ZoneInfo("America/Toronto")


@pytest.fixture
def plan(personas):  # type: ignore[no-untyped-def]
    technique = Technique.objects.filter(circle=personas.circle).order_by("pk").first()
    day = today(personas.circle)
    routine = routine_create(
        actor=personas.coordinator,
        circle=personas.circle,
        technique=technique,
        schedule="daily",
        time_of_day=dt.time(21, 30),
        assignee=personas.caregiver.memberships.get(circle=personas.circle),
        target_minutes=20,
        start_date=day - dt.timedelta(days=2),
        end_date=day + dt.timedelta(days=9),
    )
    return routine


def feed_url(client: Client, slug: str = "theo") -> str:
    page = client.post(f"/c/{slug}/care/calendar/", {"action": "new"})
    assert page.status_code == 200
    address = re.search(r'value="(http[^"]+\.ics)"', page.content.decode())
    assert address, "the new address is shown once"
    return address.group(1).replace("http://testserver", "")


def test_the_feed_is_valid_icalendar_with_one_event_per_due_evening(
    plan, personas, client_for
) -> None:
    url = feed_url(client_for(personas.caregiver))
    response = Client().get(url)  # a calendar app: no session
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    body = response.content.decode()
    assert all(line.endswith("\r") or not line for line in body.split("\n")[:-1])  # CRLF
    parsed = icalendar.Calendar.from_ical(body)
    events = list(parsed.walk("VEVENT"))
    day = today(personas.circle)
    # From two days ago (its start) to nine days ahead (its end): 12 evenings.
    assert len(events) == 12
    assert len({str(e["UID"]) for e in events}) == 12
    first = events[0]
    start = first.decoded("DTSTART")
    assert start.astimezone(TORONTO).time() == dt.time(21, 30)  # the circle's local evening
    assert start.astimezone(TORONTO).date() == day - dt.timedelta(days=2)
    assert first.decoded("DURATION") == dt.timedelta(minutes=20)
    assert str(first["SUMMARY"]) == plan.technique.label
    assert str(first["DESCRIPTION"]) == "For: Ana"
    assert str(parsed["X-WR-CALNAME"]) == "Care plan · Theo's circle"
    # Reading the feed is audited as the member's read.
    assert AuditEvent.objects.filter(
        action="view", target="page:calendar_feed", actor=personas.caregiver
    ).exists()


def test_only_a_hash_is_kept_and_a_new_address_ends_the_old_one(personas, client_for) -> None:
    client = client_for(personas.caregiver)
    old = feed_url(client)
    token = old.rsplit("/", 1)[1].removesuffix(".ics")
    assert not CalendarFeed.objects.filter(token_hash=token).exists()
    assert token not in str(list(CalendarFeed.objects.values()))
    new = feed_url(client)
    assert Client().get(old).status_code == 404
    assert Client().get(new).status_code == 200
    assert CalendarFeed.objects.count() == 1


def test_stopping_the_address_or_leaving_the_circle_ends_it(personas, client_for) -> None:
    client = client_for(personas.caregiver)
    url = feed_url(client)
    client.post("/c/theo/care/calendar/", {"action": "stop"})
    assert Client().get(url).status_code == 404

    url = feed_url(client)
    caregiver = personas.caregiver.memberships.get(circle=personas.circle)
    circle_services.membership_revoke(actor=personas.coordinator, membership=caregiver)
    assert Client().get(url).status_code == 404


def test_a_made_up_address_finds_nothing(personas) -> None:
    assert Client().get("/calendar/not-a-real-token.ics").status_code == 404
    assert Client().get("/calendar/" + "x" * 200 + ".ics").status_code == 404


def test_the_page_shows_the_address_once(personas, client_for) -> None:
    client = client_for(personas.viewer)  # anyone who reads the circle may subscribe
    feed_url(client)
    again = client.get("/c/theo/care/calendar/").content.decode()
    assert ".ics" not in again and "Stop my calendar address" in again


def test_text_is_escaped_and_long_lines_folded_at_75_octets() -> None:
    moment = dt.datetime(2026, 3, 1, 2, 30, tzinfo=dt.UTC)
    long = "Massage, then stretching; legs\\arms\n" + "é" * 60
    text = calendar("Circle", [CalendarEvent("u1", moment, 15, long)], now=moment)
    assert all(len(line.encode()) <= 75 for line in text.split("\r\n"))
    parsed = icalendar.Calendar.from_ical(text)
    assert str(next(iter(parsed.walk("VEVENT")))["SUMMARY"]) == long
    assert fold("a" * 75) == "a" * 75 and fold("a" * 76) == "a" * 75 + "\r\n a"


def test_an_address_of_another_circle_is_not_this_circle(personas, client_for) -> None:
    url = feed_url(client_for(personas.outsider), slug="other")
    body = Client().get(url).content.decode()
    assert "Theo" not in body
    assert calendar_feed.feed_for_token("") is None
