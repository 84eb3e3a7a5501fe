"""Limb circumference left against right (one-sided swelling) and weight with BMI."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bedside.checkins.models import Observation
from bedside.circles.days import today as circle_today
from bedside.circles.models import Circle, User

from .. import selectors

# --- limb circumference and one-sided swelling ------------------------------------------------

# The alert rule (also explained on the swelling page): on a day when both sides of a site were
# measured, compare with each earlier day, at most SWELLING_WINDOW_DAYS before, when both were
# measured too. One side "jumps" when its rise is at least SWELLING_CM more than the other
# side's rise over the same days, or at least SWELLING_RATIO (5 percentage points) more in
# relative terms — and it rose itself by at least half of that (1 cm or 2.5 %), so that the
# other side going *down* (swelling that settles) does not raise an alert.
SWELLING_WINDOW_DAYS = 14
SWELLING_CM = 2.0
SWELLING_RATIO = 0.05
_EPSILON = 1e-9

_TO_CM = {"cm": 1.0, "mm": 0.1, "in": 2.54}
_LEFT = re.compile(r"\b(left|gauche)\b", re.IGNORECASE)
_RIGHT = re.compile(r"\b(right|droite?)\b", re.IGNORECASE)
_BUILT_IN_SITES = {
    "left-calf-circumference": ("calf", "left"),
    "right-calf-circumference": ("calf", "right"),
}

Series = tuple[tuple[dt.date, float], ...]


@dataclass(frozen=True)
class LimbSite:
    """One site measured on both sides: values in cm, one per day (the day's latest)."""

    key: str  # "calf" for the built-in, else the trackable name without its side word
    name: str  # the circle's own wording, for sites that are not built in
    left: Series
    right: Series

    @property
    def latest_pair(self) -> tuple[dt.date, float, float] | None:
        """The latest day both sides were measured, with both values."""
        right = dict(self.right)
        for day, value in reversed(self.left):
            if day in right:
                return day, value, right[day]
        return None


@dataclass(frozen=True)
class SwellingAlert:
    site_key: str
    site_name: str
    side: str  # the side that rose
    day: dt.date
    since: dt.date
    rise_cm: float
    other_rise_cm: float
    rise_ratio: float  # 0.06 = 6 %
    other_rise_ratio: float


def _site_of(key: str, name: str) -> tuple[str, str, str] | None:
    """(site key, site name, side) of a circumference trackable, or None."""
    if key in _BUILT_IN_SITES:
        site, side = _BUILT_IN_SITES[key]
        return site, site, side
    left, right = _LEFT.search(name), _RIGHT.search(name)
    if bool(left) == bool(right):
        return None
    side = "left" if left else "right"
    rest = (_LEFT if left else _RIGHT).sub("", name)
    site_name = " ".join(rest.split())
    return site_name.lower(), site_name, side


def _per_day(rows: Iterable[tuple[dt.date, float]]) -> Series:
    days: dict[dt.date, float] = {}
    for day, value in rows:
        days[day] = value
    return tuple(sorted(days.items()))


def pair_sites(observations: Iterable[Observation]) -> list[LimbSite]:
    """Group circumference measurements into left/right sites (pure; unit converted to cm)."""
    found: dict[str, dict[str, list[tuple[dt.date, float]]]] = {}
    names: dict[str, str] = {}
    for o in observations:
        trackable = o.trackable
        where = _site_of(trackable.key, trackable.name)
        factor = _TO_CM.get(trackable.unit)
        if where is None or factor is None:
            continue
        site, name, side = where
        names.setdefault(site, name)
        found.setdefault(site, {"left": [], "right": []})[side].append((o.day, o.value * factor))
    return [
        LimbSite(site, names[site], _per_day(sides["left"]), _per_day(sides["right"]))
        for site, sides in sorted(found.items(), key=lambda kv: (kv[0] != "calf", kv[0]))
        if sides["left"] and sides["right"]
    ]


def find_swelling_alerts(site: LimbSite) -> list[SwellingAlert]:
    """Every day one side rose more than the other by the rule above (pure).

    For each day both sides were measured, the earlier paired day within the window giving the
    largest difference is kept, once per side. A symmetric change (both calves up 2 cm) is
    not an alert: swelling of both legs has other causes than a clot in one.

    >>> day = dt.date(2025, 5, 1)
    >>> site = LimbSite("calf", "calf", ((day, 36.0), (day + dt.timedelta(7), 38.5)),
    ...                 ((day, 36.2), (day + dt.timedelta(7), 36.4)))
    >>> [(a.side, round(a.rise_cm, 1)) for a in find_swelling_alerts(site)]
    [('left', 2.5)]
    """
    left, right = dict(site.left), dict(site.right)
    both = sorted(set(left) & set(right))
    alerts: list[SwellingAlert] = []
    for i, day in enumerate(both):
        best: dict[str, SwellingAlert] = {}
        for since in both[:i]:
            if (day - since).days > SWELLING_WINDOW_DAYS:
                continue
            rises = {
                "left": (left[day] - left[since], left[day] / left[since] - 1),
                "right": (right[day] - right[since], right[day] / right[since] - 1),
            }
            for side, other in (("left", "right"), ("right", "left")):
                cm, ratio = rises[side]
                other_cm, other_ratio = rises[other]
                jumped = (
                    cm - other_cm >= SWELLING_CM - _EPSILON
                    or ratio - other_ratio >= SWELLING_RATIO - _EPSILON
                )
                rose = cm >= SWELLING_CM / 2 - _EPSILON or ratio >= SWELLING_RATIO / 2 - _EPSILON
                if jumped and rose:
                    alert = SwellingAlert(
                        site.key, site.name, side, day, since, cm, other_cm, ratio, other_ratio
                    )
                    kept = best.get(side)
                    if kept is None or cm - other_cm > kept.rise_cm - kept.other_rise_cm:
                        best[side] = alert
        alerts.extend(best[s] for s in ("left", "right") if s in best)
    return alerts


def limb_sites(circle: Circle, viewer: User) -> list[LimbSite]:
    return pair_sites(selectors.length_measurements(circle=circle, viewer=viewer))


def swelling_alerts(
    circle: Circle,
    viewer: User,
    *,
    within_days: int = SWELLING_WINDOW_DAYS,
    today: dt.date | None = None,
) -> list[SwellingAlert]:
    """Current alerts: the latest per site and side, on a day within the last ``within_days``."""
    today = today or circle_today(circle)
    current: dict[tuple[str, str], SwellingAlert] = {}
    for site in limb_sites(circle, viewer):
        for alert in find_swelling_alerts(site):
            if (today - alert.day).days <= within_days:
                current[(alert.site_key, alert.side)] = alert
    return sorted(current.values(), key=lambda a: (a.day, a.site_key, a.side), reverse=True)


# --- weight and BMI -----------------------------------------------------------------------------

_TO_KG = {"kg": 1.0, "lb": 0.45359237}


def bmi(kg: float, height_cm: float) -> float:
    """Body mass index, kg/m².

    >>> round(bmi(70, 175), 1)
    22.9
    """
    metres = height_cm / 100
    return kg / (metres * metres)


def percent_change(before: float, after: float) -> float:
    """Change from ``before`` to ``after`` in percent of ``before``.

    >>> percent_change(80, 74)
    -7.5
    """
    return (after - before) / before * 100


@dataclass(frozen=True)
class WeightSummary:
    points: tuple[tuple[dt.date, float], ...]  # (day, kg), oldest first
    height_cm: float | None
    diagnosis: dt.date | None
    baseline_day: dt.date | None  # the weight nearest the diagnosis date
    baseline_kg: float | None

    @property
    def latest(self) -> tuple[dt.date, float] | None:
        return self.points[-1] if self.points else None

    @property
    def bmi(self) -> float | None:
        if not self.points or not self.height_cm:
            return None
        return bmi(self.points[-1][1], self.height_cm)

    @property
    def baseline_gap_days(self) -> int | None:
        """Days between the diagnosis and the weight used as its baseline."""
        if self.baseline_day is None or self.diagnosis is None:
            return None
        return abs((self.baseline_day - self.diagnosis).days)

    @property
    def change_kg(self) -> float | None:
        if self.baseline_kg is None or not self.points:
            return None
        return self.points[-1][1] - self.baseline_kg

    @property
    def change_percent(self) -> float | None:
        if self.baseline_kg is None or not self.points:
            return None
        return percent_change(self.baseline_kg, self.points[-1][1])


def weight_from(
    points: Sequence[tuple[dt.date, float]], *, height_cm: float | None, diagnosis: dt.date | None
) -> WeightSummary:
    """Pure: the baseline is the weight nearest the diagnosis date (the earlier one on a tie)."""
    ordered = _per_day(points)
    baseline_day = baseline_kg = None
    if diagnosis is not None and ordered:
        baseline_day, baseline_kg = min(ordered, key=lambda p: (abs((p[0] - diagnosis).days), p[0]))
    return WeightSummary(
        points=ordered,
        height_cm=height_cm,
        diagnosis=diagnosis,
        baseline_day=baseline_day,
        baseline_kg=baseline_kg,
    )


def weight_summary(circle: Circle, viewer: User) -> WeightSummary:
    settings = selectors.settings_for(circle=circle, viewer=viewer)
    rows = selectors.observations_with_key(circle=circle, viewer=viewer, key=selectors.WEIGHT_KEY)
    points = [
        (o.day, o.value * _TO_KG[o.trackable.unit]) for o in rows if o.trackable.unit in _TO_KG
    ]
    return weight_from(points, height_cm=settings.height_cm, diagnosis=circle.diagnosis_date)
