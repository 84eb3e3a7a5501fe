import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bedside.checkins import services
from bedside.checkins.models import Trackable
from bedside.checkins.selectors import checkin_questions, hidden_trackables

from .conftest import trackable

pytestmark = pytest.mark.datalayer


def test_a_new_circle_starts_with_the_default_questions_in_check_in_order(personas):
    keys = [q.key for q in checkin_questions(personas.circle)]
    assert keys == [
        "stiffness",
        "pain",
        "headache",
        "swelling",
        "sleep-quality",
        "breathing-ease",
        "voice-strength",
        "energy",
        "mood",
    ]


def test_a_circle_adds_its_own_rating(personas):
    cramps = services.trackable_create(
        actor=personas.therapist,
        circle=personas.circle,
        name="  Leg  cramps ",
        kind="rating",
        min_value=0,
        max_value=10,
        direction="lower",
        low_label="none",
        high_label="constant",
    )
    assert (cramps.label, cramps.unit, cramps.in_checkin, cramps.version) == (
        "Leg cramps",
        "0-10",
        True,
        1,
    )
    assert checkin_questions(personas.circle)[-1] == cramps
    assert (cramps.low_text, cramps.high_text) == ("none", "constant")


def test_a_circle_adds_its_own_measurement(personas):
    fvc = services.trackable_create(
        actor=personas.coordinator,
        circle=personas.circle,
        name="FVC",
        kind="measurement",
        unit="%",
        min_value="10",
        max_value="150",
    )
    assert (fvc.unit, fvc.min_value, fvc.max_value, fvc.in_checkin) == ("%", 10, 150, False)


@pytest.mark.parametrize(
    ("fields", "words"),
    [
        ({"name": "pain", "kind": "rating"}, "already tracks"),
        ({"name": "", "kind": "rating"}, "Give it a name"),
        ({"name": "x", "kind": "rating", "min_value": 0, "max_value": 20}, "2 to 11 answers"),
        ({"name": "x", "kind": "rating", "min_value": 0.5, "max_value": 5}, "whole numbers"),
        ({"name": "x", "kind": "measurement", "unit": ""}, "unit"),
        (
            {"name": "x", "kind": "measurement", "unit": "cm", "min_value": 9, "max_value": 3},
            "below",
        ),
        ({"name": "x", "kind": "measurement", "unit": "cm", "min_value": "a"}, "must be a number"),
        ({"name": "x", "kind": "poem"}, "rating or a measurement"),
    ],
)
def test_a_bad_trackable_is_refused_with_a_reason(personas, fields, words):
    before = Trackable.objects.count()
    with pytest.raises(ValidationError) as error:
        services.trackable_create(actor=personas.coordinator, circle=personas.circle, **fields)
    assert any(words in m for m in error.value.messages), error.value.messages
    assert Trackable.objects.count() == before


def test_a_caregiver_cannot_change_the_questions(personas):
    with pytest.raises(PermissionDenied):
        services.trackable_create(
            actor=personas.caregiver, circle=personas.circle, name="x", kind="rating"
        )


def test_renaming_keeps_the_scale_and_the_key(personas):
    sleep = trackable(personas.circle, "sleep-quality")
    services.trackable_update(actor=personas.person, trackable=sleep, name="Night")
    sleep.refresh_from_db()
    assert (sleep.label, sleep.key, sleep.version, sleep.max_value) == (
        "Night",
        "sleep-quality",
        1,
        10,
    )


def test_moving_a_question_reorders_the_check_in(personas):
    mood = trackable(personas.circle, "mood")
    services.trackable_update(actor=personas.person, trackable=mood, position=0)
    keys = [q.key for q in checkin_questions(personas.circle)]
    assert keys[:3] == ["mood", "stiffness", "pain"]


def test_hiding_takes_it_out_of_the_check_in_and_showing_brings_it_back(personas):
    headache = trackable(personas.circle, "headache")
    services.trackable_update(actor=personas.person, trackable=headache, active=False)
    assert headache not in checkin_questions(personas.circle)
    assert hidden_trackables(circle=personas.circle, viewer=personas.viewer) == [headache]
    services.trackable_update(actor=personas.person, trackable=headache, active=True)
    assert headache in checkin_questions(personas.circle)


def test_a_measurement_cannot_be_asked_in_the_check_in(personas):
    weight = trackable(personas.circle, "weight")
    with pytest.raises(ValidationError, match="measurements page"):
        services.trackable_update(actor=personas.person, trackable=weight, in_checkin=True)


def test_the_check_in_can_be_ordered_by_usual_answers(personas, yesterday):
    weight = trackable(personas.circle, "weight")
    ordered = services.checkin_order_by_answers(actor=personas.person, circle=personas.circle)
    keys = [q.key for q in checkin_questions(personas.circle)]
    assert keys == [q.key for q in ordered]
    # Yesterday: headache 3, energy 3, pain 4, sleep 4, swelling 5, voice 5, stiffness 6 …
    assert keys == [
        "headache",
        "energy",
        "pain",
        "sleep-quality",
        "swelling",
        "voice-strength",
        "stiffness",
        "breathing-ease",
        "mood",
    ]
    weight.refresh_from_db()
    assert weight.position == 12  # measurements keep their places


def test_ordering_without_answers_says_so(personas):
    with pytest.raises(ValidationError, match="no check-in answers"):
        services.checkin_order_by_answers(actor=personas.person, circle=personas.circle)
