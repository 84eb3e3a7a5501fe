"""A circle with a little of everything this app shows (used by page and browser tests)."""

from __future__ import annotations

from bedside.progression import services

from .factories import days_ago, observe, record, trackable


def seed(personas: object) -> None:
    circle = personas.circle  # type: ignore[attr-defined]
    therapist = personas.therapist  # type: ignore[attr-defined]
    circle.symptom_onset = days_ago(circle, 500)
    circle.diagnosis_date = days_ago(circle, 300)
    circle.save()
    services.progression_settings_update(
        actor=therapist,
        circle=circle,
        height_cm=178,
        alsfrs_every_days=30,
        delta_fs_banding="kimura2006",
    )
    record(therapist, circle, [4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], day=days_ago(circle, 120))
    record(therapist, circle, [3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4], day=days_ago(circle, 60))
    record(personas.person, circle, [3, 3, 4, 3, 3, 4, 3, 3, 2, 4, 4, 4], day=days_ago(circle, 20))  # type: ignore[attr-defined]
    for back, start in ((90, 30), (10, 20)):
        services.joint_range_record(
            actor=therapist,
            circle=circle,
            day=days_ago(circle, back),
            joint="elbow",
            motion="flexion",
            side="left",
            method="passive",
            position="sitting",
            start_deg=start,
            end_deg=140,
        )
    services.joint_range_record(
        actor=therapist,
        circle=circle,
        day=days_ago(circle, 10),
        joint="ankle",
        motion="dorsiflexion",
        side="right",
        method="active",
        position="lying_back",
        start_deg=0,
        end_deg=8,
    )
    for back, kind, value, pace in (
        (40, "sbc", 44, 2.0),
        (5, "sbc", 38, 2.2),
        (5, "pcf", 250, None),
        (5, "mpt", 11.5, None),
        (5, "fvc", 76, None),
    ):
        services.breathing_test_record(
            actor=therapist,
            circle=circle,
            day=days_ago(circle, back),
            kind=kind,
            value=value,
            pace=pace,
        )
    left = trackable(circle, "left-calf-circumference")
    right = trackable(circle, "right-calf-circumference")
    for back, l_cm, r_cm in ((9, 35.0, 35.4), (2, 37.6, 35.5)):
        observe(circle, left, l_cm, days_ago(circle, back))
        observe(circle, right, r_cm, days_ago(circle, back))
    weight = trackable(circle, "weight")
    for back, kg in ((310, 82.0), (30, 78.5), (1, 77.0)):
        observe(circle, weight, kg, days_ago(circle, back))
    hours = trackable(circle, "ventilator-hours")
    for back in range(1, 4):
        observe(circle, hours, 6 + back, days_ago(circle, back))
