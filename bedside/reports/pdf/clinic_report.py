"""The report for the ALS clinic visit, as a plain context of numbers for its template.

Sections: ALSFRS-R trend with King's and MiToS stages and ΔFS, weight (with BMI and the change
since diagnosis), breathing (FVC, NIV hours, the dyspnea items, phonation time and single-breath
count, cough flow), swelling, sleep, and the questions the family wants to ask. Thresholds are
shown as what a cited study found (CLINICAL.md), never as a diagnosis.
"""

from __future__ import annotations

import re
from typing import Any

from django.utils.translation import gettext as _

from bedside.checkins.models import Observation, Trackable
from bedside.circles.access import require
from bedside.circles.days import today
from bedside.circles.models import Circle, User
from bedside.progression import selectors as progression
from bedside.progression.breathing import SPECS
from bedside.progression.models import BreathingTest
from bedside.progression.summaries import group_breathing_tests, weight_from
from bedside.progression.wording import (
    FVC_NOTE,
    MPT_NOTE,
    NOT_A_DIAGNOSIS,
    finding_text,
    signed,
)
from bedside.reports.models import ReportNote
from bedside.timeline.series import DayValue

from . import common
from .alsfrs import alsfrs_section
from .forms import Period
from .notes import REPORT_ACTION, report_notes_for
from .pt_report import circumferences

_TO_KG = {"kg": 1.0, "lb": 0.45359237}
# A circle's own "hours of sleep" measurement (English or French name, unit h).
SLEEP_NAME = re.compile(r"sleep|sommeil", re.IGNORECASE)


def _alsfrs(circle: Circle, viewer: User, period: Period) -> dict[str, Any]:
    section = alsfrs_section(circle, viewer, period)
    points = [r for r in section["rows"] if r["is_alsfrs_r"]]
    section["chart"] = ""
    if points:
        description = common.series_summary(
            _("ALSFRS-R total"),
            "",
            [DayValue(r["day"], float(r["total"])) for r in points],
            len(points),
            period,
        )
        section["chart_text"] = description
        section["chart"] = common.chart_svg(
            chart_id="chart-alsfrs",
            title=_("ALSFRS-R total (0 to 48)"),
            description=description,
            period=period,
            values=[DayValue(r["day"], float(r["total"])) for r in points],
            lo=0,
            hi=48,
            y_label="0–48",
        )
    return section


def _weight(circle: Circle, viewer: User, period: Period) -> dict[str, Any]:
    rows = progression.observations_with_key(circle=circle, viewer=viewer, key="weight")
    points = [
        (o.day, o.value * _TO_KG[o.trackable.unit])
        for o in rows
        if o.trackable.unit in _TO_KG and o.day <= period.end
    ]
    settings = progression.settings_for(circle=circle, viewer=viewer)
    # The baseline is the weight nearest the diagnosis, whenever it was taken (not only in the
    # period): "since diagnosis" is what the clinic asks about weight loss.
    summary = weight_from(points, height_cm=settings.height_cm, diagnosis=circle.diagnosis_date)
    trend = common.value_trend(
        key="weight", label=_("Weight"), unit="kg", points=points, period=period
    )
    inside = trend["points"]
    period_change = (inside[-1][1] - inside[0][1]) if len(inside) > 1 else None
    since = summary.change_kg if inside else None
    since_percent = summary.change_percent if inside else None
    return {
        **trend,
        "first_kg": inside[0][1] if inside else None,
        "last_kg": inside[-1][1] if inside else None,
        "period_change_kg": period_change,
        "period_change_text": signed(period_change) if period_change is not None else "",
        "bmi": summary.bmi if inside else None,
        "height_cm": settings.height_cm,
        "diagnosis": circle.diagnosis_date,
        "baseline_day": summary.baseline_day,
        "baseline_kg": summary.baseline_kg,
        "since_diagnosis_kg": since,
        "since_diagnosis_percent": since_percent,
        "since_diagnosis_text": signed(since) if since is not None else "",
        "since_diagnosis_percent_text": signed(since_percent) if since_percent is not None else "",
    }


def _tests(circle: Circle, viewer: User, period: Period) -> list[dict[str, Any]]:
    rows = common.in_period(progression.breathing_tests_for(circle=circle, viewer=viewer), period)
    tests = []
    for s in group_breathing_tests(rows):
        spec = SPECS.get(s.kind)
        notes = []
        if s.kind == "fvc":
            notes.append(str(FVC_NOTE))
        if s.kind == "mpt":
            notes.append(str(MPT_NOTE))
        tests.append(
            {
                "kind": s.kind,
                "label": str(BreathingTest.Kind(s.kind).label)
                if s.kind in BreathingTest.Kind.values
                else s.kind,
                "unit": s.unit,
                "unit_label": str(spec.unit_label) if spec else s.unit,
                "points": [
                    {
                        "day": p.day,
                        "value": p.value,
                        "pace": p.pace,
                        "posture": str(BreathingTest.Posture(p.posture).label)
                        if p.posture in BreathingTest.Posture.values
                        else p.posture,
                        "by": p.by_name,
                    }
                    for p in s.points
                ],
                "latest": s.latest.value,
                "first": s.points[0].value,
                "change": s.latest.value - s.points[0].value if len(s.points) > 1 else None,
                "change_text": signed(s.latest.value - s.points[0].value)
                if len(s.points) > 1
                else "",
                "findings": [finding_text(t) for t in s.findings],
                "notes": notes,
            }
        )
    return tests


def _ventilator(observations: list[Observation], period: Period) -> dict[str, Any]:
    points = [
        (o.day, o.value)
        for o in observations
        if o.trackable.key == "ventilator-hours" and o.trackable.unit == "h"
    ]
    nightly: dict[Any, float] = {}
    for day, hours in points:
        nightly[day] = hours  # the latest value of a night wins, as on the progression pages
    trend = common.value_trend(
        key="niv",
        label=_("Ventilator (NIV) hours"),
        unit="h",
        points=points,
        period=period,
        scale=(0, 24),
    )
    used = [h for h in nightly.values() if h > 0]
    return {
        **trend,
        "nights": len(nightly),
        "nights_used": len(used),
        "mean_hours": sum(nightly.values()) / len(nightly) if nightly else None,
    }


def _sleep_duration(observations: list[Observation], period: Period) -> dict[str, Any] | None:
    rows = [
        o
        for o in observations
        if o.trackable.kind == Trackable.Kind.MEASUREMENT
        and o.trackable.unit == "h"
        and SLEEP_NAME.search(o.trackable.name)
    ]
    if not rows:
        return None
    label = rows[-1].trackable.label
    return common.value_trend(
        key="sleep-hours",
        label=label,
        unit="h",
        points=[(o.day, o.value) for o in rows],
        period=period,
        scale=(0, 14),
    )


def build_clinic_report(*, circle: Circle, viewer: User, period: Period) -> dict[str, Any]:
    """Everything the clinic report shows, as numbers, dates and translated labels."""
    require(viewer, circle, REPORT_ACTION)
    observations = common.observations_of(circle, viewer, period)
    ratings = common.trackable_trends(
        [o for o in observations if o.trackable.kind == Trackable.Kind.RATING], period
    )
    alsfrs = _alsfrs(circle, viewer, period)
    weight = _weight(circle, viewer, period)
    tests = _tests(circle, viewer, period)
    ventilator = _ventilator(observations, period)
    swelling_sites = circumferences(circle, viewer, period)
    sleep_hours = _sleep_duration(observations, period)
    questions = report_notes_for(circle=circle, viewer=viewer)[ReportNote.Kind.CLINIC_QUESTIONS]
    respiratory = [r for r in alsfrs["rows"] if r["respiratory_items"]]
    empty = not (observations or alsfrs["rows"] or tests)
    return {
        "kind": "clinic",
        "title": _("Report for the ALS clinic visit"),
        "circle_name": circle.name,
        "person": common.person_name(circle),
        "period": period,
        "period_text": common.period_text(period),
        "generated": today(circle),
        "empty": empty,
        "alsfrs": alsfrs,
        "weight": weight,
        "breathing": {
            "tests": tests,
            "ventilator": ventilator,
            "dyspnea": respiratory,
            "ease": common.trends_for_keys(ratings, ["breathing-ease"], period)[0],
            "not_a_diagnosis": str(NOT_A_DIAGNOSIS),
        },
        "swelling": {
            "rating": common.trends_for_keys(ratings, ["swelling"], period)[0],
            **swelling_sites,
        },
        "sleep": {
            "quality": common.trends_for_keys(ratings, ["sleep-quality"], period)[0],
            "hours": sleep_hours,
            "orthopnea": [{"day": r["day"], **r["respiratory_items"][11]} for r in respiratory],
        },
        "questions": questions,
    }
