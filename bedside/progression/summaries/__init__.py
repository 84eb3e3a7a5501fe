"""Numbers for the progression pages and the reports, from the circle's rows.

Each public function takes the ``circle`` and the ``viewer`` (reads go through the scoped
selectors, so an outsider gets a 404) and returns frozen dataclasses of plain numbers and dates —
no HTML and no sentences, so the PT and clinic PDF reports can reuse them. The sentences are in
:mod:`bedside.progression.wording`. The computation itself is in small pure functions next to
them (``summarise_assessment``, ``group_joint_ranges``, ``find_swelling_alerts``, ``bmi``…),
testable without a database.

- :func:`alsfrs_history` — every ALSFRS-R record with total, domains, King's and MiToS stages,
  ΔFS and its band (the circle's named banding), the slope over a stated window, the stage
  changes, and when the next assessment is due (:func:`alsfrs_due`).
- :func:`joint_range_trends` — one series per joint × movement × side × method, passive first
  (passive range is what tracks contracture), with the AAOS norm where CLINICAL.md gives one.
- :func:`breathing_summary` — one series per breathing or voice test with the cited findings
  the latest value falls under, and ventilator hours per night from the check-ins.
- :func:`limb_sites` and :func:`swelling_alerts` — left against right circumference per site,
  and the one-sided swelling rule (see :func:`find_swelling_alerts`).
- :func:`weight_summary` — latest weight, BMI (with the circle's height) and the change since
  the weight nearest the diagnosis date.
"""

from .alsfrs import (
    DEFAULT_WINDOW,
    SLOPE_WINDOWS,
    ALSFRSDue,
    ALSFRSHistory,
    AssessmentSummary,
    SlopeWindow,
    StageChange,
    add_months,
    alsfrs_due,
    alsfrs_history,
    due_from,
    slope_in_window,
    stage_changes,
    summarise_assessment,
)
from .limbs import (
    SWELLING_CM,
    SWELLING_RATIO,
    SWELLING_WINDOW_DAYS,
    LimbSite,
    SwellingAlert,
    WeightSummary,
    bmi,
    find_swelling_alerts,
    limb_sites,
    pair_sites,
    percent_change,
    swelling_alerts,
    weight_from,
    weight_summary,
)
from .measures import (
    BreathingPoint,
    BreathingSeries,
    BreathingSummary,
    JointRangeTrend,
    RangePoint,
    VentilatorSummary,
    breathing_summary,
    group_breathing_tests,
    group_joint_ranges,
    joint_range_trends,
    ventilator_from,
)

__all__ = [
    "DEFAULT_WINDOW",
    "SLOPE_WINDOWS",
    "SWELLING_CM",
    "SWELLING_RATIO",
    "SWELLING_WINDOW_DAYS",
    "ALSFRSDue",
    "ALSFRSHistory",
    "AssessmentSummary",
    "BreathingPoint",
    "BreathingSeries",
    "BreathingSummary",
    "JointRangeTrend",
    "LimbSite",
    "RangePoint",
    "SlopeWindow",
    "StageChange",
    "SwellingAlert",
    "VentilatorSummary",
    "WeightSummary",
    "add_months",
    "alsfrs_due",
    "alsfrs_history",
    "bmi",
    "breathing_summary",
    "due_from",
    "find_swelling_alerts",
    "group_breathing_tests",
    "group_joint_ranges",
    "joint_range_trends",
    "limb_sites",
    "pair_sites",
    "percent_change",
    "slope_in_window",
    "stage_changes",
    "summarise_assessment",
    "swelling_alerts",
    "ventilator_from",
    "weight_from",
    "weight_summary",
]
