"""Bad input gets a clear message and saves nothing."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Routine, Session, Technique
from bedside.circles.days import today

from .helpers import routine, technique

pytestmark = pytest.mark.datalayer


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"regions": ["left-calf", "tail"]}, "Unknown body region: tail."),
        ({"target_minutes": 0}, "Minutes must be between 1 and 600."),
        ({"target_minutes": 601}, "Minutes must be between 1 and 600."),
        ({"schedule": "weekdays", "weekdays": []}, "Choose at least one day of the week."),
        ({"schedule": "weekdays", "weekdays": [7]}, "Choose at least one day of the week."),
        ({"schedule": "every_n", "every_n_days": 1}, "Every 2 to 365 days."),
        ({"schedule": "every_n"}, "Say every how many days."),
        ({"schedule": "hourly"}, "Choose how often."),
        ({"assignee_role": "king"}, "Choose someone in the circle."),
        ({"time_of_day": None}, "Give a time."),
        (
            {"start_date": dt.date(2026, 3, 5), "end_date": dt.date(2026, 3, 1)},
            "The end comes before the start.",
        ),
    ],
)
def test_routine_service_refuses_bad_plans(personas, fields, message):
    with pytest.raises(ValidationError) as refused:
        routine(personas, **fields)
    assert message in " ".join(refused.value.messages)
    assert not Routine.objects.exists()


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"minutes": 0}, "Minutes must be between 1 and 600."),
        ({"minutes": True}, "Give the minutes as a whole number."),
        ({"pressure": "crushing"}, "Choose one of the offered answers."),
        ({"tolerance": "meh"}, "Choose one of the offered answers."),
        ({"regions": ["wing"]}, "Unknown body region: wing."),
        ({"note": "x" * 4001}, "Keep the note under 4000 characters."),
    ],
)
def test_session_service_refuses_bad_sessions(personas, fields, message):
    with pytest.raises(ValidationError) as refused:
        services.session_log(
            actor=personas.caregiver,
            circle=personas.circle,
            technique=technique(personas),
            **fields,
        )
    assert message in " ".join(refused.value.messages)
    assert not Session.objects.exists()


def test_routine_form_with_bad_input_shows_messages_and_saves_nothing(personas, client_for):
    response = client_for(personas.coordinator).post(
        reverse("care:routine_new", args=["theo"]),
        {
            "technique": technique(personas).pk,
            "who": "anyone",
            "schedule": "weekdays",
            "time_of_day": "21:00",
            "start_date": today(personas.circle).isoformat(),
            "regions": ["left-calf"],
            "target_minutes": "15",
        },
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was saved. Please check the answers marked below." in text
    assert "Choose at least one day of the week." in text
    # what was typed is kept (no redundant entry)
    assert 'value="left-calf" id="id_regions-left-calf" checked' in text
    assert 'value="15"' in text
    assert not Routine.objects.exists()


def test_a_session_in_the_future_is_refused(personas):
    from .helpers import MONDAY, at

    with pytest.raises(ValidationError) as refused:
        services.session_log(
            actor=personas.caregiver,
            circle=personas.circle,
            technique=technique(personas),
            performed_at=at(MONDAY, 23),
            now=at(MONDAY, 21),
        )
    assert "That time has not come yet." in refused.value.messages
    assert not Session.objects.exists()


def test_log_form_with_bad_minutes_shows_a_message_and_saves_nothing(personas, client_for):
    response = client_for(personas.caregiver).post(
        reverse("care:log", args=["theo"]),
        {"technique": technique(personas).pk, "minutes": "0", "regions": ["left-calf"]},
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was saved" in text
    assert "Ensure this value is greater than or equal to 1." in text
    assert not Session.objects.exists()


def test_technique_names_must_be_present_and_unique(personas):
    for name in ["", "   ", "Massage gun", "massage GUN"]:
        with pytest.raises(ValidationError):
            services.technique_create(actor=personas.coordinator, circle=personas.circle, name=name)
    assert not Technique.objects.filter(circle=personas.circle, key="").exists()
