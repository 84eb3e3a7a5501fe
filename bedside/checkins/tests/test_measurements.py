import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bedside.checkins import services
from bedside.checkins.models import Observation
from bedside.circles.models import AuditEvent

from .conftest import trackable

pytestmark = pytest.mark.datalayer
TORONTO = ZoneInfo("America/Toronto")


def test_a_measurement_is_recorded_with_who_measured(personas):
    calf = trackable(personas.circle, "left-calf-circumference")
    at = dt.datetime(2026, 3, 10, 20, 15, tzinfo=TORONTO)
    row = services.observation_record(
        actor=personas.caregiver,
        circle=personas.circle,
        trackable=calf,
        value="36,5",
        recorded_at=at,
    )
    row.refresh_from_db()
    assert (row.value, row.day, row.rater.user, row.proxy) == (
        36.5,
        dt.date(2026, 3, 10),
        personas.caregiver,
        False,
    )


def test_a_measurement_after_midnight_belongs_to_the_evening_before(personas):
    hours = trackable(personas.circle, "ventilator-hours")
    at = dt.datetime(2026, 3, 11, 0, 30, tzinfo=TORONTO)
    row = services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=hours, value=7, recorded_at=at
    )
    assert row.day == dt.date(2026, 3, 10)


@pytest.mark.parametrize(
    ("key", "value", "words"),
    [
        ("left-calf-circumference", "365", "between 15 and 70 cm"),
        ("weight", "1", "between 25 and 250 kg"),
        ("elbow-extension", "-45", "between -30 and 180 deg"),
        ("ventilator-hours", "25", "between 0 and 24 h"),
    ],
)
def test_an_implausible_value_is_refused_naming_range_and_unit(personas, key, value, words):
    what = trackable(personas.circle, key)
    with pytest.raises(ValidationError) as error:
        services.observation_record(
            actor=personas.caregiver, circle=personas.circle, trackable=what, value=value
        )
    assert words in error.value.messages[0]
    assert not Observation.objects.exists()
    assert not AuditEvent.objects.filter(action="observation.record").exists()


def test_one_bad_value_among_several_saves_none(personas):
    left = trackable(personas.circle, "left-calf-circumference")
    right = trackable(personas.circle, "right-calf-circumference")
    with pytest.raises(ValidationError) as error:
        services.measurements_record(
            actor=personas.caregiver, circle=personas.circle, values={left: "36", right: "3600"}
        )
    assert list(error.value.message_dict) == [str(right.pk)]
    assert not Observation.objects.exists()


def test_a_number_that_is_not_a_number_is_refused(personas):
    weight = trackable(personas.circle, "weight")
    with pytest.raises(ValidationError, match="needs a number in kg"):
        services.observation_record(
            actor=personas.caregiver, circle=personas.circle, trackable=weight, value="heavy"
        )


def test_a_future_measurement_is_refused(personas):
    weight = trackable(personas.circle, "weight")
    with pytest.raises(ValidationError, match="future"):
        services.observation_record(
            actor=personas.caregiver,
            circle=personas.circle,
            trackable=weight,
            value=70,
            recorded_at=dt.datetime.now(dt.UTC) + dt.timedelta(hours=2),
        )


def test_a_rating_is_not_recorded_as_a_measurement(personas):
    pain = trackable(personas.circle, "pain")
    with pytest.raises(ValidationError, match="check-in"):
        services.observation_record(
            actor=personas.caregiver, circle=personas.circle, trackable=pain, value=3
        )


def test_a_viewer_cannot_record_measurements(personas):
    weight = trackable(personas.circle, "weight")
    with pytest.raises(PermissionDenied):
        services.observation_record(
            actor=personas.viewer, circle=personas.circle, trackable=weight, value=70
        )


def test_undo_removes_the_measurement(personas):
    weight = trackable(personas.circle, "weight")
    row = services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=weight, value=70
    )
    target = f"observation:{row.pk}"
    services.observation_undo(actor=personas.caregiver, observation=row)
    assert not Observation.objects.exists()
    assert AuditEvent.objects.filter(action="observation.remove", target=target).exists()


def test_another_caregiver_cannot_undo_it_but_the_coordinator_can(personas):
    weight = trackable(personas.circle, "weight")
    row = services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=weight, value=70
    )
    with pytest.raises(PermissionDenied):
        services.observation_undo(actor=personas.therapist, observation=row)
    services.observation_undo(actor=personas.coordinator, observation=row)
    assert not Observation.objects.exists()
