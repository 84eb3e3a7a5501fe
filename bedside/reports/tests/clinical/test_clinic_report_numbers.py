"""The clinic report's context carries the right numbers for a circle whose record is known."""

from __future__ import annotations

import pytest

from bedside.measures import DAYS_PER_MONTH
from bedside.reports.pdf.clinic_report import build_clinic_report

from .helpers import CLINIC_TEXT, known_circle

pytestmark = pytest.mark.datalayer


@pytest.fixture
def report(personas):
    known = known_circle(personas)
    return build_clinic_report(
        circle=known.circle, viewer=personas.coordinator, period=known.period
    )


def test_alsfrs_trend_with_stages_and_delta_fs(report):
    alsfrs = report["alsfrs"]
    # The assessment 100 days back is outside the period.
    assert [r["total"] for r in alsfrs["rows"]] == [46, 44]
    assert (alsfrs["first_total"], alsfrs["last_total"], alsfrs["change"]) == (46, 44, -2)
    # Two points 10 days apart: the least-squares slope is the line through them.
    assert alsfrs["slope"] == pytest.approx(-2 / (10 / DAYS_PER_MONTH))
    assert alsfrs["slope_n"] == 2
    first, latest = alsfrs["rows"]
    assert (first["kings"], latest["kings"]) == ("1", "2")
    assert (first["mitos"], latest["mitos"]) == (0, 0)
    assert (latest["bulbar"], latest["fine_motor"], latest["gross_motor"]) == (11, 12, 9)
    # ΔFS = (48 − 44) / months from onset (500 days before today) to the assessment (2 days ago)
    assert latest["delta_fs"] == pytest.approx(4 / (498 / DAYS_PER_MONTH), rel=1e-3)
    assert latest["band"] == "slow progression"
    assert alsfrs["stage_changes"][0].startswith("King's stage 1 → 2")
    assert 'id="chart-alsfrs"' in alsfrs["chart"]


def test_weight_change_over_the_period_and_since_diagnosis(report):
    weight = report["weight"]
    assert (weight["first_kg"], weight["last_kg"]) == (78.5, 77.0)
    assert weight["period_change_kg"] == pytest.approx(-1.5)
    # The weight nearest the diagnosis (310 days back) is the one 300 days back: 82 kg.
    assert weight["baseline_kg"] == 82.0
    assert weight["since_diagnosis_kg"] == pytest.approx(-5.0)
    assert weight["since_diagnosis_percent"] == pytest.approx(-5 / 82 * 100)
    assert weight["count"] == 2  # the 82 kg is before the period: not in its chart


def test_breathing_ventilator_hours_tests_and_dyspnea_items(report):
    breathing = report["breathing"]
    niv = breathing["ventilator"]
    assert (niv["nights"], niv["mean_hours"], niv["latest"]) == (3, 7, 8)
    tests = {t["kind"]: t for t in breathing["tests"]}
    assert tests["fvc"]["latest"] == 76
    assert tests["sbc"]["points"][0]["pace"] == 2.2
    # 38 is below both single-breath-count cut-offs (41 and 39, Klein et al. 2023).
    assert len(tests["sbc"]["findings"]) == 2
    assert [r["respiratory_items"][10]["score"] for r in breathing["dyspnea"]] == [4, 4]
    assert breathing["ease"]["count"] == 0
    assert "nothing recorded" in breathing["ease"]["summary"]


def test_swelling_sleep_and_questions(report):
    swelling = report["swelling"]
    assert swelling["sites"][0]["left_last"] == 37.5
    assert len(swelling["alerts"]) == 1
    assert "medical review" in swelling["advice"]
    sleep = report["sleep"]
    assert sleep["quality"]["count"] == 0
    assert sleep["hours"] is None
    assert [r["score"] for r in sleep["orthopnea"]] == [4, 4]
    assert report["questions"] == CLINIC_TEXT
