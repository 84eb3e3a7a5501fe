"""The care plan page: routines by time with technique, regions, who and when; add, change,
end and resume them."""

import datetime as dt

import pytest
from django.urls import reverse

from bedside.care.models import Routine
from bedside.circles.days import today

from .helpers import member, routine, technique

pytestmark = pytest.mark.datalayer


def test_plan_lists_routines_by_time_with_what_where_who_when(personas, client_for):
    routine(
        personas,
        key="lymphatic-drainage",
        time_of_day=dt.time(10),
        regions=["left-foot"],
        schedule="every_n",
        every_n_days=7,
        start_date=dt.date(2026, 3, 2),
    )
    routine(
        personas,
        key="hand-massage",
        time_of_day=dt.time(20),
        regions=["left-hand"],
        assignee=member(personas, personas.caregiver),
    )
    routine(
        personas,
        key="neck-stretches",
        time_of_day=dt.time(8),
        regions=["neck"],
        schedule="weekdays",
        weekdays=[1, 3],
        assignee_role="therapist",
    )
    text = client_for(personas.viewer).get(reverse("care:plan", args=["theo"])).content.decode()
    positions = [
        text.index(name) for name in ("Neck stretches", "Lymphatic drainage", "Hand massage")
    ]
    assert positions == sorted(positions)
    assert "Tue, Thu at 8 a.m." in text
    assert "Every 7 days at 10 a.m., counting from March 2, 2026" in text
    assert "Every day at 8 p.m." in text
    assert "anyone who is: Therapist" in text and "Ana" in text and "Left foot" in text
    assert reverse("care:routine_new", args=["theo"]) not in text  # a viewer cannot plan


def test_adding_a_routine_from_the_form(personas, client_for):
    response = client_for(personas.coordinator).post(
        reverse("care:routine_new", args=["theo"]),
        {
            "technique": technique(personas, "range-of-motion").pk,
            "regions": ["left-arm", "right-arm"],
            "who": f"member:{member(personas, personas.person).pk}",
            "schedule": "weekdays",
            "weekdays": ["0", "2", "4"],
            "time_of_day": "19:30",
            "target_minutes": "20",
            "start_date": today(personas.circle).isoformat(),
            "notes": "Slowly",
        },
    )
    r = Routine.objects.get()
    assert response["Location"].endswith(f"#routine-{r.pk}")
    assert (r.assignee, r.weekdays, r.target_minutes, r.notes) == (
        member(personas, personas.person),
        [0, 2, 4],
        20,
        "Slowly",
    )
    assert r.regions == ["left-arm", "right-arm"]


def test_changing_a_routine_keeps_what_it_was_filled_with(personas, client_for):
    r = routine(personas, assignee_role="caregiver")
    client = client_for(personas.therapist)
    form = client.get(reverse("care:routine_edit", args=["theo", r.pk])).content.decode()
    assert 'value="role:caregiver" selected' in form
    assert 'value="left-calf" id="id_regions-left-calf" checked' in form
    assert 'value="21:00"' in form
    response = client.post(
        reverse("care:routine_edit", args=["theo", r.pk]),
        {
            "technique": r.technique_id,
            "regions": ["left-calf"],
            "who": "anyone",
            "schedule": "daily",
            "time_of_day": "22:15",
            "start_date": r.start_date.isoformat(),
        },
    )
    assert response.status_code == 302
    r.refresh_from_db()
    assert (r.time_of_day, r.regions, r.assignee_role) == (dt.time(22, 15), ["left-calf"], "")


def test_ending_and_resuming_a_routine(personas, client_for):
    r = routine(personas)
    client = client_for(personas.coordinator)
    response = client.post(reverse("care:routine_end", args=["theo", r.pk]), follow=True)
    text = response.content.decode()
    assert "Ended routines" in text and "Ended: Massage gun." in text
    r.refresh_from_db()
    assert not r.active
    client.post(reverse("care:routine_resume", args=["theo", r.pk]))
    r.refresh_from_db()
    assert r.active and r.end_date is None
