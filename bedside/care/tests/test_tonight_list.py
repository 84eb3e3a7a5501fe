"""Tonight's list: my items first (assigned to me, my role, or anyone), others' after,
last night's missed items, and days closed lazily when the list is opened."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from bedside.care import selectors, services
from bedside.care.models import Occurrence
from bedside.circles.days import today
from bedside.circles.models import Membership

from .helpers import member, routine

pytestmark = pytest.mark.datalayer


def names(rows):
    return [o.technique.key for o in rows]


@pytest.fixture
def plan(personas):
    routine(personas, key="hand-massage", assignee=member(personas, personas.caregiver))
    routine(personas, key="massage-gun", assignee_role="caregiver", time_of_day=dt.time(22))
    routine(personas, key="repositioning", time_of_day=dt.time(23, 30))  # anyone
    routine(personas, key="neck-stretches", assignee_role="therapist", time_of_day=dt.time(19))
    routine(personas, key="range-of-motion", assignee=member(personas, personas.person))
    services.occurrences_ensure(personas.circle, today(personas.circle))


def test_a_caregiver_sees_their_own_their_roles_and_anyones_items_first(personas, plan):
    day = today(personas.circle)
    tonight = selectors.tonight_for(circle=personas.circle, viewer=personas.caregiver, day=day)
    assert names(tonight.mine) == ["hand-massage", "massage-gun", "repositioning"]
    assert names(tonight.others) == ["neck-stretches", "range-of-motion"]


def test_the_therapist_sees_a_different_split(personas, plan):
    day = today(personas.circle)
    tonight = selectors.tonight_for(circle=personas.circle, viewer=personas.therapist, day=day)
    assert names(tonight.mine) == ["neck-stretches", "repositioning"]
    assert selectors.due_count(circle=personas.circle, viewer=personas.therapist, day=day) == 2


def test_a_routine_of_someone_who_left_becomes_anyones(personas):
    from bedside.circles import services as circle_services

    ana = member(personas, personas.caregiver)
    routine(personas, key="hand-massage", assignee=ana)
    circle_services.membership_revoke(actor=personas.coordinator, membership=ana)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    tonight = selectors.tonight_for(
        circle=personas.circle, viewer=personas.therapist, day=today(personas.circle)
    )
    assert names(tonight.mine) == ["hand-massage"]


def test_the_page_shows_both_sections_with_who(personas, client_for, plan):
    text = (
        client_for(personas.caregiver).get(reverse("care:tonight", args=["theo"])).content.decode()
    )
    assert (
        text.index("For you") < text.index("Hand massage") < text.index("For others in the circle")
    )
    assert text.index("For others in the circle") < text.index("Neck stretches")
    assert "For: anyone who is: Therapist" in text and "For: Theo" in text


def test_opening_the_list_closes_yesterday_and_shows_what_was_missed(personas, client_for):
    now = timezone.now()
    yesterday = today(personas.circle, now) - dt.timedelta(days=1)
    r = routine(personas, start_date=yesterday, now=now - dt.timedelta(days=1))
    services.occurrences_ensure(personas.circle, yesterday)
    text = (
        client_for(personas.caregiver).get(reverse("care:tonight", args=["theo"])).content.decode()
    )
    assert Occurrence.objects.get(routine=r, day=yesterday).status == "missed"
    assert "Not done last night" in text and "Missed" in text and "It was done" in text
    # tonight's occurrence was made when the list was opened
    assert Occurrence.objects.get(routine=r, day=today(personas.circle)).status == "due"


def test_a_missed_item_can_be_marked_done_late(personas, client_for):
    now = timezone.now()
    yesterday = today(personas.circle, now) - dt.timedelta(days=1)
    r = routine(personas, start_date=yesterday, now=now - dt.timedelta(days=1))
    services.occurrences_ensure(personas.circle, yesterday)
    services.days_close(personas.circle, now)
    occurrence = Occurrence.objects.get(routine=r, day=yesterday)
    client_for(personas.caregiver).post(reverse("care:done", args=["theo", occurrence.pk]))
    occurrence.refresh_from_db()
    session = occurrence.sessions.get()
    assert occurrence.status == "done"
    assert (session.day, session.has_time, session.performed_at) == (
        yesterday,
        False,
        occurrence.due_at,
    )


def test_revoked_members_do_not_appear_as_choices(personas, client_for):
    page = client_for(personas.coordinator).get(reverse("care:routine_new", args=["theo"]))
    rory = Membership.objects.get(user=personas.revoked)
    assert f"member:{rory.pk}" not in page.content.decode()
