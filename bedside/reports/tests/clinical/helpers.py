"""A small circle with known care, check-ins and measurements, so report numbers can be checked.

Care rows are written through the models (test set-up: the numbers, not the care services, are
under test); progression rows through the progression services; everything relative to the
circle's today so the report period (the last 14 days) never reaches the future.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from bedside.care.models import Occurrence, Routine, Session, Technique
from bedside.checkins.models import Observation, Trackable
from bedside.circles.days import instant_at, today
from bedside.circles.models import Circle, Membership
from bedside.progression import services as progression
from bedside.reports.pdf.forms import Period
from bedside.reports.pdf.notes import report_note_save

PT_TEXT = "Joint mobilization and muscle distraction, not tiring strengthening exercise."
CLINIC_TEXT = "Is it time to talk about a feeding tube?\nShould he use the BiPAP in the day?"


@dataclass
class Known:
    circle: Circle
    period: Period
    today: dt.date

    def day(self, back: int) -> dt.date:
        return self.today - dt.timedelta(days=back)


def member(circle: Circle, user: Any) -> Membership:
    return Membership.objects.get(circle=circle, user=user)


def trackable(circle: Circle, key: str) -> Trackable:
    return Trackable.objects.get(circle=circle, key=key, active=True)


def observe(circle: Circle, key: str, value: float, day: dt.date, rater: Membership) -> None:
    Observation.objects.create(
        circle=circle,
        trackable=trackable(circle, key),
        value=value,
        day=day,
        recorded_at=instant_at(circle, day, dt.time(9, 0)),
        rater=rater,
    )


def session(
    circle: Circle,
    technique: Technique,
    day: dt.date,
    by: Membership,
    minutes: int,
    regions: list[str],
    routine: Routine | None = None,
    occurrence: Occurrence | None = None,
) -> Session:
    return Session.objects.create(
        circle=circle,
        technique=technique,
        routine=routine,
        occurrence=occurrence,
        day=day,
        performed_at=instant_at(circle, day, dt.time(21, 5)),
        performed_by=by,
        by_name=by.name,
        minutes=minutes,
        regions=regions,
    )


def alsfrs(actor: Any, circle: Circle, items: list[int], day: dt.date) -> None:
    values: dict[str | int, object] = {str(n): v for n, v in enumerate(items, start=1)}
    values["5a"] = values.pop("5")
    progression.alsfrs_record(actor=actor, circle=circle, items=values, day=day)


# Massage-gun occurrences of the 13 closed days of the period (days back → status).
STATUSES = {
    13: "done",
    12: "done",
    11: "missed",
    10: "done",
    9: "skipped",
    8: "done",
    7: "done",
    6: "done",
    5: "missed",
    4: "done",
    3: "skipped",
    2: "done",
    1: "done",
}
SKIP_REASONS = {9: "Too tired", 3: "Asleep"}


def known_circle(personas: Any) -> Known:
    circle: Circle = personas.circle
    now = today(circle)
    known = Known(circle, Period(now - dt.timedelta(days=13), now), now)
    circle.symptom_onset = known.day(500)
    circle.diagnosis_date = known.day(310)
    circle.save()
    ana = member(circle, personas.caregiver)
    priya = member(circle, personas.therapist)
    theo = member(circle, personas.person)
    gun = Technique.objects.get(circle=circle, key="massage-gun")
    mobilization = Technique.objects.get(circle=circle, key="joint-mobilization")
    routine = Routine.objects.create(
        circle=circle,
        technique=gun,
        regions=["left-calf", "right-calf"],
        assignee=ana,
        schedule="daily",
        time_of_day=dt.time(21, 0),
        target_minutes=10,
        start_date=known.day(20),
    )

    def occurrence(back: int, status: str) -> Occurrence:
        day = known.day(back)
        return Occurrence.objects.create(
            circle=circle,
            routine=routine,
            technique=gun,
            day=day,
            due_at=instant_at(circle, day, dt.time(21, 0)),
            status=status,
            reason=SKIP_REASONS.get(back, ""),
        )

    occurrence(14, "missed")  # the day before the period: never counted
    session(circle, gun, known.day(15), ana, 10, ["left-calf"])  # before the period
    for back, status in STATUSES.items():
        row = occurrence(back, status)
        if status == "done":
            session(circle, gun, row.day, ana, 10, ["left-calf", "right-calf"], routine, row)
    occurrence(0, "due")
    session(circle, mobilization, known.day(3), priya, 30, ["left-arm", "right-arm"])

    for back in range(14):
        observe(circle, "pain", 3 if back >= 7 else 5, known.day(back), theo)
        observe(circle, "stiffness", 6, known.day(back), theo)
    for back, left, right in ((10, 35.0, 35.2), (2, 37.5, 35.3)):
        observe(circle, "left-calf-circumference", left, known.day(back), ana)
        observe(circle, "right-calf-circumference", right, known.day(back), ana)
    for back, kg in ((300, 82.0), (12, 78.5), (1, 77.0)):
        observe(circle, "weight", kg, known.day(back), ana)
    for back, hours in ((3, 6), (2, 7), (1, 8)):
        observe(circle, "ventilator-hours", hours, known.day(back), ana)

    therapist = personas.therapist
    for back, start in ((12, 30), (2, 20)):
        progression.joint_range_record(
            actor=therapist,
            circle=circle,
            day=known.day(back),
            joint="elbow",
            motion="flexion",
            side="left",
            method="passive",
            position="sitting",
            start_deg=start,
            end_deg=140,
        )
    progression.breathing_test_record(
        actor=therapist, circle=circle, day=known.day(5), kind="sbc", value=38, pace=2.2
    )
    progression.breathing_test_record(
        actor=therapist, circle=circle, day=known.day(5), kind="fvc", value=76
    )
    alsfrs(therapist, circle, [4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], known.day(100))
    alsfrs(therapist, circle, [4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], known.day(12))
    alsfrs(therapist, circle, [3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4], known.day(2))
    report_note_save(actor=personas.coordinator, circle=circle, kind="pt", text=PT_TEXT)
    report_note_save(actor=personas.coordinator, circle=circle, kind="clinic", text=CLINIC_TEXT)
    return known
