"""Breathing and voice tests: units, plausible ranges, and cited findings shown as information."""

import pytest
from django.core.exceptions import ValidationError

from bedside.progression import services, summaries
from bedside.progression.models import BreathingTest

from .factories import days_ago, observe, trackable, url

pytestmark = pytest.mark.datalayer


def record_test(personas, kind, value, **extra):
    return services.breathing_test_record(
        actor=personas.caregiver,
        circle=personas.circle,
        day=extra.pop("day", None),
        kind=kind,
        value=value,
        **extra,
    )


@pytest.mark.parametrize(
    ("kind", "value", "unit"),
    [
        ("fvc", 78, "%"),
        ("mpt", 12.5, "s"),
        ("sbc", 38, "count"),
        ("pcf", 250, "L/min"),
        ("speaking_rate", 130, "words/min"),
    ],
)
def test_each_test_is_stored_with_its_unit(personas, kind, value, unit):
    row = record_test(personas, kind, value)
    assert (row.kind, row.value, row.unit) == (kind, value, unit)


@pytest.mark.parametrize(
    ("kind", "value", "extra", "message"),
    [
        ("fvc", 180, {}, "from 5 to 150"),
        ("mpt", 75, {}, "from 0 to 60"),
        ("sbc", -3, {}, "from 0 to 120"),
        ("pcf", 1500, {}, "from 0 to 900"),
        ("sbc", 40, {"pace": 12}, "The pace must be a number from 0.2 to 6"),
        ("pcf", 300, {"pace": 2}, "only recorded with the single-breath count"),
        ("fvc", 80, {"posture": "handstand"}, "Choose upright or lying down."),
    ],
)
def test_implausible_values_are_refused_and_nothing_is_saved(personas, kind, value, extra, message):
    with pytest.raises(ValidationError) as refused:
        record_test(personas, kind, value, **extra)
    assert message in " ".join(refused.value.messages)
    assert not BreathingTest.objects.exists()


def test_an_unknown_test_is_refused(personas):
    with pytest.raises(ValidationError, match="Choose a test"):
        record_test(personas, "blood_pressure", 120)


def test_findings_follow_the_thresholds_of_the_cited_study(personas):
    record_test(personas, "sbc", 45, pace=2, day=days_ago(personas.circle, 30))
    record_test(personas, "sbc", 38, pace=2)
    record_test(personas, "pcf", 300)
    summary = summaries.breathing_summary(personas.circle, personas.viewer)
    assert [t.key for t in summary.get("sbc").findings] == ["sbc_niv", "sbc_fvc80"]
    assert summary.get("pcf").findings == ()
    assert summary.get("sbc").previous.value == 45


def test_the_page_words_findings_as_information_never_a_diagnosis(personas, client_for):
    record_test(personas, "sbc", 40, pace=2.1)
    page = client_for(personas.viewer).get(url("breathing", personas.circle)).content.decode()
    assert (
        "In a study of people with ALS, an upright count below 41 went with an FVC below 80% of predicted (Klein et al. 2023)."
        in page
    )
    assert "The latest result, 40, is below 41." in page
    assert "The latest result, 40, is below 39." not in page
    assert "they are not a diagnosis" in page
    assert "at 2.1 counts a second" in page


def test_ventilator_hours_come_from_the_check_in_measurements(personas):
    hours = trackable(personas.circle, "ventilator-hours")
    for back, value in ((8, 2), (2, 6), (1, 8)):
        observe(personas.circle, hours, value, days_ago(personas.circle, back))
    ventilator = summaries.breathing_summary(personas.circle, personas.viewer).ventilator
    assert ventilator.latest_hours == 8
    assert ventilator.nights == 2 and ventilator.mean_hours == 7
