"""Joint range trends and breathing and voice series in numbers."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bedside.circles.models import Circle, User
from bedside.measures.norms import RangeNorm, Threshold, findings_below

from .. import selectors
from ..breathing import SPECS
from ..joints import EXTENSION_AT_ZERO, JOINT_MOTIONS, Joint, Method, Side, norm_for
from ..models import BreathingTest, JointRange

# --- joint range ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class RangePoint:
    pk: int
    day: dt.date
    start: float
    end: float
    position: str
    by_name: str
    note: str
    hyperextension: bool
    created_by_id: int | None


@dataclass(frozen=True)
class JointRangeTrend:
    """One joint × movement × side × method over time (oldest first)."""

    joint: str
    motion: str
    side: str
    method: str
    points: tuple[RangePoint, ...]
    norm: RangeNorm | None

    @property
    def latest(self) -> RangePoint:
        return self.points[-1]

    @property
    def previous(self) -> RangePoint | None:
        return self.points[-2] if len(self.points) > 1 else None

    @property
    def tracks_contracture(self) -> bool:
        """Passive range is what tracks contracture in ALS (CLINICAL.md)."""
        return self.method == Method.PASSIVE

    @property
    def measures_extension(self) -> bool:
        """A flexion record of a joint whose full extension is 0°: its start is the lack."""
        return self.joint in EXTENSION_AT_ZERO and self.motion == "flexion"

    @staticmethod
    def extension_lack(point: RangePoint) -> float:
        """Degrees short of full extension (0 when it reaches 0° or beyond)."""
        return max(0.0, point.start)


_JOINT_ORDER = {joint: i for i, joint in enumerate(Joint.values)}
_SIDE_ORDER = {side: i for i, side in enumerate(Side.values)}


def group_joint_ranges(rows: Iterable[JointRange]) -> list[JointRangeTrend]:
    """Group rows into series: passive first, then joints head to foot as listed (pure)."""
    series: dict[tuple[str, str, str, str], list[RangePoint]] = {}
    for row in sorted(rows, key=lambda r: (r.day, r.recorded_at, r.pk)):
        series.setdefault((row.joint, row.motion, row.side, row.method), []).append(
            RangePoint(
                pk=row.pk,
                day=row.day,
                start=row.start_deg,
                end=row.end_deg,
                position=row.position,
                by_name=row.by_name,
                note=row.note,
                hyperextension=row.hyperextension,
                created_by_id=row.created_by_id,
            )
        )

    def order(key: tuple[str, str, str, str]) -> tuple[int, int, int, int]:
        joint, motion, side, method = key
        motions = JOINT_MOTIONS.get(joint, ())
        return (
            0 if method == Method.PASSIVE else 1,
            _JOINT_ORDER.get(joint, 99),
            motions.index(motion) if motion in motions else 99,
            _SIDE_ORDER.get(side, 9),
        )

    return [
        JointRangeTrend(
            joint=key[0],
            motion=key[1],
            side=key[2],
            method=key[3],
            points=tuple(points),
            norm=norm_for(key[0], key[1]),
        )
        for key, points in sorted(series.items(), key=lambda kv: order(kv[0]))
    ]


def joint_range_trends(circle: Circle, viewer: User) -> list[JointRangeTrend]:
    return group_joint_ranges(selectors.joint_ranges_for(circle=circle, viewer=viewer))


# --- breathing and voice ------------------------------------------------------------------------


@dataclass(frozen=True)
class BreathingPoint:
    pk: int
    day: dt.date
    value: float
    pace: float | None
    posture: str
    by_name: str
    note: str
    created_by_id: int | None


@dataclass(frozen=True)
class BreathingSeries:
    kind: str
    unit: str
    points: tuple[BreathingPoint, ...]  # oldest first
    findings: tuple[Threshold, ...]  # what the latest value falls under, most severe first

    @property
    def latest(self) -> BreathingPoint:
        return self.points[-1]

    @property
    def previous(self) -> BreathingPoint | None:
        return self.points[-2] if len(self.points) > 1 else None


@dataclass(frozen=True)
class VentilatorSummary:
    """Ventilator hours per night from the check-ins: the latest night and the last 7 nights."""

    latest_day: dt.date
    latest_hours: float
    nights: int  # nights with a value among the 7 ending on the latest one
    mean_hours: float


@dataclass(frozen=True)
class BreathingSummary:
    series: tuple[BreathingSeries, ...]
    ventilator: VentilatorSummary | None

    def get(self, kind: str) -> BreathingSeries | None:
        return next((s for s in self.series if s.kind == kind), None)


def group_breathing_tests(rows: Iterable[BreathingTest]) -> list[BreathingSeries]:
    """One series per test kind in the order of :data:`SPECS`, with the latest's findings."""
    by_kind: dict[str, list[BreathingPoint]] = {}
    for row in sorted(rows, key=lambda r: (r.day, r.recorded_at, r.pk)):
        by_kind.setdefault(row.kind, []).append(
            BreathingPoint(
                pk=row.pk,
                day=row.day,
                value=row.value,
                pace=row.pace,
                posture=row.posture,
                by_name=row.by_name,
                note=row.note,
                created_by_id=row.created_by_id,
            )
        )
    series = []
    for kind, spec in SPECS.items():
        points = by_kind.get(kind)
        if not points:
            continue
        found = findings_below(spec.measure, points[-1].value) if spec.measure else ()
        series.append(BreathingSeries(kind, spec.unit, tuple(points), tuple(found)))
    return series


def ventilator_from(observations: Sequence[tuple[dt.date, float]]) -> VentilatorSummary | None:
    """Pure: the latest night's hours and the mean over the 7 nights ending on it."""
    if not observations:
        return None
    nightly: dict[dt.date, float] = {}
    for day, hours in observations:
        nightly[day] = hours  # the latest value of a night wins
    last = max(nightly)
    week = [h for d, h in nightly.items() if last - dt.timedelta(days=6) <= d <= last]
    return VentilatorSummary(
        latest_day=last,
        latest_hours=nightly[last],
        nights=len(week),
        mean_hours=sum(week) / len(week),
    )


def breathing_summary(circle: Circle, viewer: User) -> BreathingSummary:
    tests = selectors.breathing_tests_for(circle=circle, viewer=viewer)
    hours = selectors.observations_with_key(
        circle=circle, viewer=viewer, key=selectors.VENTILATOR_KEY
    )
    return BreathingSummary(
        series=tuple(group_breathing_tests(tests)),
        ventilator=ventilator_from([(o.day, o.value) for o in hours if o.trackable.unit == "h"]),
    )
