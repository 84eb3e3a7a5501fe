"""The PT report's context carries the right numbers for a circle whose record is known."""

from __future__ import annotations

import pytest

from bedside.reports.pdf.pt_report import build_pt_report

from .helpers import PT_TEXT, known_circle

pytestmark = pytest.mark.datalayer


@pytest.fixture
def report(personas):
    known = known_circle(personas)
    return build_pt_report(circle=known.circle, viewer=personas.coordinator, period=known.period)


def test_sessions_are_counted_by_technique_region_and_person(report):
    care = report["sessions"]
    # 9 massage-gun sessions of 10 minutes and one 30-minute joint mobilization; the session
    # the day before the period is left out.
    assert (care["count"], care["minutes"], care["days"]) == (10, 120, 10)
    gun, mobilization = care["by_technique"]
    assert (gun["label"], gun["count"], gun["minutes"]) == ("Massage gun", 9, 90)
    assert [(r["label"], r["count"]) for r in gun["regions"]] == [
        ("Left calf", 9),
        ("Right calf", 9),
    ]
    assert gun["givers"] == [{"name": "Ana", "count": 9}]
    assert (mobilization["count"], mobilization["givers"][0]["name"]) == (1, "Priya")
    assert [(r["key"], r["count"], r["minutes"]) for r in care["by_region"]] == [
        ("left-arm", 1, 30),
        ("right-arm", 1, 30),
        ("left-calf", 9, 90),
        ("right-calf", 9, 90),
    ]
    assert [(p["name"], p["role"], p["count"]) for p in care["by_person"]] == [
        ("Ana", "Caregiver", 9),
        ("Priya", "Therapist", 1),
    ]


def test_home_programme_counts_done_missed_and_skipped(report):
    kept = report["adherence"]
    assert (kept["done"], kept["missed"], kept["skipped"], kept["open"]) == (9, 2, 2, 1)
    assert kept["percent"] == pytest.approx(100 * 9 / 13, abs=0.05)
    (row,) = kept["rows"]
    assert (row["technique"], row["done"], row["planned"]) == ("Massage gun", 9, 14)
    assert row["who"] == "Ana (Caregiver)"
    assert row["schedule"] == "every day at 9 p.m."
    assert sorted((r["reason"], r["count"]) for r in kept["reasons"]) == [
        ("Asleep", 1),
        ("Too tired", 1),
    ]
    assert kept["unplanned_sessions"] == 1


def test_joint_range_and_circumference_trends(report):
    (elbow,) = report["rom"]
    assert elbow["title"] == "Left elbow, flexion"
    assert elbow["passive"] is True
    assert [(p["start"], p["end"]) for p in elbow["points"]] == [(30, 140), (20, 140)]
    assert (elbow["first_arc"], elbow["last_arc"], elbow["arc_change"]) == (110, 120, 10)
    assert elbow["extension_lack"] == 20
    (calf,) = report["circumference"]["sites"]
    assert calf["left_change"] == pytest.approx(2.5)
    assert calf["right_change"] == pytest.approx(0.1)
    (alert,) = report["circumference"]["alerts"]
    assert alert.startswith("Left calf: +2.5 cm")


def test_pain_and_stiffness_trends(report):
    pain, stiffness = report["symptoms"]
    assert (pain["label"], pain["count"], pain["days"]) == ("Pain", 14, 14)
    # Days 13…7 back were rated 3, days 6…0 back 5.
    assert (pain["first_week"], pain["last_week"], pain["change"]) == (3, 5, 2)
    assert (stiffness["mean"], stiffness["lowest"], stiffness["highest"]) == (6, 6, 6)
    assert 'role="img"' in pain["chart"] and "<desc" in pain["chart"]


def test_maintenance_section_lists_measurements_in_order_and_the_programme(report):
    section = report["maintenance"]
    days = [row["day"] for row in section["measurements"]]
    assert days == sorted(days)
    # two goniometry records, two circumference days, two ALSFRS-R in the period
    assert len(section["measurements"]) == 6
    assert [row["what"] for row in section["measurements"]].count("ALSFRS-R") == 2
    (routine,) = section["programme"]
    assert (routine["technique"], routine["done"], routine["closed"]) == ("Massage gun", 9, 13)
    assert routine["by_family"] is True
    assert routine["instructions"]


def test_family_requests_are_in_the_report(report):
    assert report["requests"] == PT_TEXT
    assert report["empty"] is False
