"""Weight from the check-ins: BMI with the circle's height and % change since diagnosis."""

import datetime as dt

import pytest

from bedside.progression import services, summaries
from bedside.progression.summaries import bmi, percent_change, weight_from

from .factories import days_ago, observe, trackable, url


def test_bmi_is_kilograms_over_metres_squared():
    assert bmi(70, 175) == pytest.approx(70 / 1.75**2)  # 22.857
    assert bmi(58.5, 160) == pytest.approx(22.8515625)


def test_percent_change_is_relative_to_the_baseline():
    assert percent_change(80, 74) == pytest.approx(-7.5)
    assert percent_change(62.5, 65) == pytest.approx(4.0)


def test_the_baseline_is_the_weight_nearest_the_diagnosis():
    diagnosis = dt.date(2025, 3, 1)
    points = [
        (dt.date(2025, 1, 10), 82.0),
        (dt.date(2025, 3, 5), 80.0),
        (dt.date(2025, 9, 1), 74.0),
    ]
    summary = weight_from(points, height_cm=180, diagnosis=diagnosis)
    assert summary.baseline_day == dt.date(2025, 3, 5)
    assert summary.baseline_gap_days == 4
    assert summary.change_kg == pytest.approx(-6.0)
    assert summary.change_percent == pytest.approx(-7.5)
    assert summary.bmi == pytest.approx(74 / 1.8**2)


def test_without_diagnosis_or_height_those_numbers_are_absent():
    summary = weight_from([(dt.date(2025, 1, 1), 70.0)], height_cm=None, diagnosis=None)
    assert summary.bmi is None and summary.change_percent is None and summary.latest[1] == 70


@pytest.mark.datalayer
def test_weight_page_shows_bmi_and_change_since_diagnosis(personas, client_for):
    circle = personas.circle
    circle.diagnosis_date = days_ago(circle, 200)
    circle.save()
    services.progression_settings_update(
        actor=personas.coordinator,
        circle=circle,
        height_cm="175",
        alsfrs_every_days=30,
        delta_fs_banding="kimura2006",
    )
    weight = trackable(circle, "weight")
    observe(circle, weight, 80, days_ago(circle, 210))
    observe(circle, weight, 76, days_ago(circle, 2))
    summary = summaries.weight_summary(circle, personas.viewer)
    assert summary.change_percent == pytest.approx(-5.0)
    assert summary.bmi == pytest.approx(76 / 1.75**2)
    page = client_for(personas.viewer).get(url("weight", circle)).content.decode()
    assert "76 kg on" in page
    assert "BMI 24.8 kg/m²" in page
    assert "−5% (−4 kg) since the diagnosis" in page
    assert "taken 10 days from the diagnosis date" in page


@pytest.mark.datalayer
def test_pounds_are_converted(personas):
    circle = personas.circle
    weight = trackable(circle, "weight")
    weight.unit = "lb"
    weight.save()
    observe(circle, weight, 176.37, days_ago(circle, 1))
    assert summaries.weight_summary(circle, personas.viewer).latest[1] == pytest.approx(
        80, abs=0.01
    )


@pytest.mark.datalayer
def test_missing_diagnosis_date_is_said_and_linked_for_those_who_can_set_it(personas, client_for):
    circle = personas.circle
    observe(circle, trackable(circle, "weight"), 70, days_ago(circle, 1))
    page = client_for(personas.person).get(url("weight", circle)).content.decode()
    assert "needs the diagnosis date" in page
    assert f'href="/c/{circle.slug}/settings/"' in page
    assert "BMI needs the height." in page
