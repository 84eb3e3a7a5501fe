"""Check interchange events against one circle before anything is written.

:func:`bedside.interchange.read_events` already refused rows that are malformed on their own
(bad dates, unknown kinds, ratings off their scale). What is left needs the circle: does it know
the technique, the trackable and its scale, is a measurement within the trackable's plausible
range, do the extras (``regions``, ``pressure``, ``tolerance``, ``before``, ``after``, ``proxy``)
name things that exist. :class:`ImportPlan` answers those questions for every row, collects every
problem with its line number, and — with ``create`` — prepares (unsaved) techniques and
trackables for names the circle does not know yet.
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from bedside.care.models import Session, Technique
from bedside.care.regions import REGIONS
from bedside.checkins.models import Trackable
from bedside.circles.models import Circle, Membership
from bedside.interchange import RATING_UNIT, Event, RowError, parse_ratings, scale_range

from .interchange_text import problem_text

NAME_LENGTH = 80  # Technique.name and Trackable.name
UNIT_LENGTH = 16  # Trackable.unit
BY_LENGTH = 120  # by_name on sessions, occurrences, observations and notes
YES = frozenset({"yes", "y", "true", "1", "oui"})
NO = frozenset({"", "no", "n", "false", "0", "non"})

# Plausible ranges for measurements a file introduces with ``create``, by unit. A value outside
# them is far more likely a typing slip (or another unit) than a real measurement.
UNIT_RANGES: dict[str, tuple[float, float]] = {
    "cm": (0, 300),
    "mm": (0, 3000),
    "in": (0, 120),
    "deg": (-180, 360),
    "kg": (0, 500),
    "lb": (0, 1100),
    "h": (0, 24),
    "min": (0, 1440),
    "s": (0, 86400),
    "%": (0, 100),
    "l": (0, 10),
    "ml": (0, 10000),
    "bpm": (0, 300),
    "/min": (0, 300),
    "mmhg": (0, 300),
}


def fold(name: str) -> str:
    """Names match without regard to case or repeated spaces."""
    return " ".join(name.split()).casefold()


def number(value: float) -> str:
    """A value as a person writes it: ``4`` rather than ``4.0``."""
    return str(int(value)) if value == int(value) else str(value)


@dataclass
class Checked:
    """One event with everything it refers to resolved."""

    event: Event
    technique: Technique | None = None
    trackable: Trackable | None = None
    member: Membership | None = None
    regions: list[str] = field(default_factory=list)
    pressure: str = ""
    tolerance: str = ""
    before: list[tuple[Trackable, float]] = field(default_factory=list)
    after: list[tuple[Trackable, float]] = field(default_factory=list)
    proxy: bool = False


class ImportPlan:
    """Resolve every event against ``circle``; read :attr:`errors` before writing anything."""

    def __init__(self, circle: Circle, *, create: bool) -> None:
        self.circle = circle
        self.create = create
        self.problems: dict[int, list[str]] = defaultdict(list)
        self.new_techniques: list[Technique] = []
        self.new_trackables: list[Trackable] = []
        self._new_measurements: dict[int, list[float]] = defaultdict(list)
        self.techniques: dict[str, Technique] = {}
        for technique in Technique.objects.filter(circle=circle):
            self.techniques.setdefault(fold(technique.name), technique)
            if technique.key:
                self.techniques.setdefault(technique.key, technique)
        self.trackables: dict[str, list[Trackable]] = defaultdict(list)
        # Active and newest versions first: a name means the question the circle asks today.
        for trackable in Trackable.objects.filter(circle=circle).order_by(
            "-active", "-version", "id"
        ):
            self.trackables[fold(trackable.name)].append(trackable)
            if trackable.key and fold(trackable.key) != fold(trackable.name):
                self.trackables[fold(trackable.key)].append(trackable)
        self._position = 1 + max(
            (t.position for vs in self.trackables.values() for t in vs), default=0
        )
        self.members: dict[str, list[Membership]] = defaultdict(list)
        for membership in Membership.objects.filter(circle=circle).select_related("user"):
            for key in {fold(str(membership.user)), fold(membership.user.username)}:
                self.members[key].append(membership)

    # --- problems -----------------------------------------------------------------------

    def problem(self, line: int, message: str) -> None:
        self.problems[line].append(message)

    @property
    def errors(self) -> list[RowError]:
        return [RowError(line, "; ".join(msgs)) for line, msgs in sorted(self.problems.items())]

    # --- the whole file ---------------------------------------------------------------------

    def check(self, events: list[Event]) -> list[Checked]:
        # Ratings and measurements first: they carry units, so a trackable that a file creates
        # gets its scale from them even when a session's before/after names it earlier.
        first = [i for i, e in enumerate(events) if e.kind in ("rating", "measurement")]
        rest = [i for i, e in enumerate(events) if e.kind not in ("rating", "measurement")]
        checked = {i: self.check_event(events[i]) for i in [*first, *rest]}
        self._settle_new_measurement_ranges()
        return [checked[i] for i in range(len(events))]

    def check_event(self, event: Event) -> Checked:
        item = Checked(event, member=self.member(event))
        if len(event.by) > BY_LENGTH:
            self.problem(
                event.line, _("the name in the “by” column is too long (at most 120 characters)")
            )
        if event.kind in ("session", "missed", "skipped"):
            item.technique = self.technique(event)
        if event.kind == "session":
            self._check_session(event, item)
        elif event.kind in ("rating", "measurement"):
            item.trackable = self.trackable(event.line, event.name, event.kind, event.unit)
            if item.trackable is not None and event.value is not None:
                self._check_range(event.line, item.trackable, event.value)
            item.proxy = self._yes_no(event, "proxy")
        return item

    # --- names ------------------------------------------------------------------------------

    def member(self, event: Event) -> Membership | None:
        """The member a ``by`` name means, when exactly one (active members first) fits."""
        candidates = self.members.get(fold(event.by), []) if event.by else []
        active = [m for m in candidates if m.revoked_at is None]
        if len(active) == 1:
            return active[0]
        if not active and len({m.pk for m in candidates}) == 1:
            return candidates[0]
        return None

    def technique(self, event: Event) -> Technique | None:
        found = self.techniques.get(fold(event.name))
        if found is not None:
            return found
        if not self.create:
            self.problem(
                event.line,
                _("unknown technique “%(name)s” (import with the option to create it)")
                % {"name": event.name},
            )
            return None
        if len(event.name) > NAME_LENGTH:
            self.problem(event.line, _("the technique's name is too long (at most 80 characters)"))
            return None
        technique = Technique(circle=self.circle, name=" ".join(event.name.split()))
        self.new_techniques.append(technique)
        self.techniques[fold(event.name)] = technique
        return technique

    def trackable(self, line: int, name: str, kind: str, unit: str) -> Trackable | None:
        """The version of ``name`` that uses ``unit``; with ``create``, a new one if needed."""
        unit = unit or (RATING_UNIT if kind == "rating" else "")
        versions = self.trackables.get(fold(name), [])
        if versions and all(v.kind != kind for v in versions):
            message = (
                _("“%(name)s” is a measurement in this circle, not a rating")
                if kind == "rating"
                else _("“%(name)s” is a rating in this circle, not a measurement")
            )
            self.problem(line, message % {"name": name})
            return None
        same_kind = [v for v in versions if v.kind == kind]
        for version in same_kind:
            if version.unit == unit:
                return version
        if not self.create:
            if same_kind:
                self.problem(
                    line,
                    _("“%(name)s” uses %(unit)s in this circle, not %(given)s")
                    % {"name": name, "unit": same_kind[0].unit, "given": unit},
                )
            else:
                self.problem(
                    line,
                    _("unknown trackable “%(name)s” (import with the option to create it)")
                    % {"name": name},
                )
            return None
        if len(name) > NAME_LENGTH or len(unit) > UNIT_LENGTH:
            self.problem(line, _("the name or unit is too long to create a trackable"))
            return None
        return self._new_trackable(name, kind, unit, same_kind)

    def _new_trackable(
        self, name: str, kind: str, unit: str, versions: list[Trackable]
    ) -> Trackable:
        """A new trackable, or — when the name exists on another scale — an extra old version.

        The extra version stays out of the check-in (``active=False``): answers given on another
        scale keep that scale and are never mixed with today's (ARCHITECTURE.md).
        """
        if kind == "rating":
            low, high = scale_range(unit) or (0.0, 10.0)
        else:
            low, high = UNIT_RANGES.get(unit.casefold(), (-math.inf, math.inf))
        trackable = Trackable(
            circle=self.circle,
            name=versions[0].name if versions else " ".join(name.split()),
            kind=kind,
            unit=unit,
            min_value=low,
            max_value=high,
            direction=Trackable.Direction.NEUTRAL,
            version=1 + max((v.version for v in versions), default=0),
            active=not versions,
            in_checkin=not versions and kind == "rating",
            position=self._position,
        )
        self._position += 1
        self.new_trackables.append(trackable)
        # Existing versions stay first: the name keeps meaning the circle's current question.
        self.trackables[fold(name)].append(trackable)
        return trackable

    def _settle_new_measurement_ranges(self) -> None:
        """A new measurement in a unit we have no range for spans the file's own values."""
        for trackable in self.new_trackables:
            if math.isfinite(trackable.min_value) and math.isfinite(trackable.max_value):
                continue
            values = self._new_measurements.get(id(trackable), [0.0])
            low, high = min(0.0, *values), max(values)
            trackable.min_value, trackable.max_value = low, max(high + abs(high), low + 1)

    def _check_range(self, line: int, trackable: Trackable, value: float) -> None:
        if not (math.isfinite(trackable.min_value) and math.isfinite(trackable.max_value)):
            self._new_measurements[id(trackable)].append(value)
            return
        if not trackable.min_value <= value <= trackable.max_value:
            self.problem(
                line,
                _("%(name)s %(value)s is outside the plausible range %(low)s–%(high)s %(unit)s")
                % {
                    "name": trackable.name,
                    "value": number(value),
                    "low": number(trackable.min_value),
                    "high": number(trackable.max_value),
                    "unit": trackable.unit,
                },
            )

    # --- sessions and their extras ------------------------------------------------------------

    def _check_session(self, event: Event, item: Checked) -> None:
        if event.value is not None and event.value != int(event.value):
            self.problem(
                event.line,
                _("minutes must be a whole number, not %(value)s") % {"value": number(event.value)},
            )
        extra = event.extra
        for key in filter(None, (k.strip() for k in extra.get("regions", "").split(";"))):
            if key in REGIONS:
                item.regions.append(key)
            else:
                self.problem(
                    event.line,
                    _("unknown body region “%(key)s” (known regions: %(known)s)")
                    % {"key": key, "known": ", ".join(REGIONS)},
                )
        item.pressure = self._choice(event, "pressure", Session.Pressure.values)
        item.tolerance = self._choice(event, "tolerance", Session.Tolerance.values)
        item.before = self._session_ratings(event, "before")
        item.after = self._session_ratings(event, "after")

    def _choice(self, event: Event, column: str, allowed: list[str]) -> str:
        value = event.extra.get(column, "").strip().lower()
        if value and value not in allowed:
            self.problem(
                event.line,
                _("%(column)s “%(value)s” is not one of: %(allowed)s")
                % {"column": column, "value": value, "allowed": ", ".join(allowed)},
            )
            return ""
        return value

    def _yes_no(self, event: Event, column: str) -> bool:
        value = event.extra.get(column, "").strip().lower()
        if value in YES:
            return True
        if value not in NO:
            self.problem(
                event.line,
                _("%(column)s “%(value)s” should be yes or no")
                % {"column": column, "value": value},
            )
        return False

    def _session_ratings(self, event: Event, column: str) -> list[tuple[Trackable, float]]:
        """Parse ``breathing ease=4;voice strength=6`` (ratings or measurements)."""
        found: list[tuple[Trackable, float]] = []
        seen: set[int] = set()
        pairs, problems = parse_ratings(event.extra.get(column, ""), column)
        for problem in problems:
            self.problem(event.line, problem_text(problem))
        for name, value in pairs:
            trackable = self._any_trackable(event.line, name)
            if trackable is None:
                continue
            if id(trackable) in seen:
                self.problem(
                    event.line,
                    _("%(column)s names %(name)s twice") % {"column": column, "name": name},
                )
                continue
            seen.add(id(trackable))
            self._check_range(event.line, trackable, value)
            found.append((trackable, value))
        return found

    def _any_trackable(self, line: int, name: str) -> Trackable | None:
        """A trackable by name alone (before/after carry no unit): the current version."""
        versions = self.trackables.get(fold(name))
        if versions:
            return versions[0]
        return self.trackable(line, name, "rating", RATING_UNIT)
