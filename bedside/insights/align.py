"""From a circle's events to day-by-day arrays the models read.

The rules, each of which a test pins down:

- Dates are already the circle's days (the interchange format and the database both apply the
  day boundary), so a session at 00:30 dated the 14th belongs to the evening of the 14th. Within
  a day, times are ordered from the boundary: with a 04:00 boundary, 23:00 comes before 00:30.
- A day is *logged* when anything at all was recorded on it. On a logged day, a technique with no
  session counts as not done; a **missed** or **skipped** occurrence also makes the day a
  "without" day for its technique, even when nothing else was logged. On a day with no record at
  all nothing is known, and the models leave that day out (or, for the week-long window, use the
  technique's usual rate).
- Exposure is "done that day" (0/1), or the **dose** in typical sessions when the minutes vary
  (≥ 75% of sessions give minutes and their coefficient of variation is ≥ 0.25): a 40-minute
  massage where 20 is typical counts 2, capped at 3 so one long session cannot dominate.
- A rating's value for the day is the mean of that day's ratings. A rating with a time after a
  timed session of the same day is an "after" rating for the same-evening window; a rating with
  no time is the day's check-in and is never placed after a session.
- ``before``/``after`` extras on a session (``stiffness=6;pain=3``) give paired immediate
  changes, averaged per day.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from bedside.interchange import Event, parse_ratings

from .gls import FloatArray, IntArray
from .outcomes import Direction, direction_of

DOSE_MIN_SHARE = 0.75
DOSE_MIN_CV = 0.25
DOSE_CAP = 3.0

_SPACES = re.compile(r"[\s_\-]+")


def name_key(name: str) -> str:
    """Names that differ only by case, spaces, hyphens or underscores are the same thing."""
    return _SPACES.sub(" ", name.strip().lower())


def minutes_after_boundary(time: dt.time, boundary: dt.time) -> int:
    """Minutes since the start of the circle's day: with a 04:00 boundary, 00:30 → 1230."""
    return (time.hour * 60 + time.minute - boundary.hour * 60 - boundary.minute) % 1440


@dataclass
class Technique:
    key: str
    name: str
    dose: FloatArray  # per day: 0 without, > 0 with, NaN when the day is unknown
    sessions: int
    typical_minutes: float | None  # set when the dose is in minutes
    weekday_share: FloatArray  # share of session days falling on each weekday (Monday first)


@dataclass
class Outcome:
    key: str
    name: str
    unit: str
    kind: str  # "rating" or "measurement"
    direction: Direction | None
    y: FloatArray  # per day: mean value, NaN when not rated
    after: dict[int, FloatArray] = field(default_factory=dict)  # technique → share after


@dataclass
class Paired:
    """Per day: the mean change from just before to just after a session."""

    days: FloatArray  # day indices
    change: FloatArray
    before_mean: float


@dataclass
class DayExposures:
    """Per technique × day, what each window sees for an outcome rated that day."""

    next_day: FloatArray  # dose the day before (NaN: unknown)
    week: FloatArray  # doses on days d−7..d−2, unknown days at the technique's usual rate
    week_any: npt.NDArray[np.bool_]  # a known session on one of days d−7..d−2
    week_none: npt.NDArray[np.bool_]  # all of days d−7..d−2 known, no session


@dataclass
class CircleData:
    start: dt.date
    days: int
    logged: npt.NDArray[np.bool_]
    weekday: IntArray  # 0 = Monday … 6 = Sunday, per day
    techniques: list[Technique]
    outcomes: list[Outcome]
    paired: dict[tuple[int, int], Paired]  # (technique, outcome) → paired changes
    _exposures: DayExposures | None = field(default=None, repr=False)

    def date(self, day: int) -> dt.date:
        return self.start + dt.timedelta(days=int(day))

    def truncate(self, days: int) -> CircleData:
        """The same circle as it stood ``days`` days after its start (later days dropped)."""
        techniques = [
            Technique(t.key, t.name, t.dose[:days], t.sessions, t.typical_minutes, t.weekday_share)
            for t in self.techniques
        ]
        outcomes = [
            Outcome(
                o.key,
                o.name,
                o.unit,
                o.kind,
                o.direction,
                o.y[:days],
                {j: a[:days] for j, a in o.after.items()},
            )
            for o in self.outcomes
        ]
        paired: dict[tuple[int, int], Paired] = {}
        for key, pairs in self.paired.items():
            keep = pairs.days < days
            if keep.any():
                paired[key] = Paired(pairs.days[keep], pairs.change[keep], pairs.before_mean)
        return CircleData(
            self.start,
            days,
            self.logged[:days],
            self.weekday[:days],
            techniques,
            outcomes,
            paired,
        )

    def exposures(self) -> DayExposures:
        """Next-day and rest-of-week exposures of every technique on every day (computed once)."""
        if self._exposures is None:
            self._exposures = _day_exposures(self.techniques, self.days)
        return self._exposures


def _day_exposures(techniques: list[Technique], days: int) -> DayExposures:
    J = len(techniques)
    dose = np.array([t.dose for t in techniques]).reshape(J, days)
    known = ~np.isnan(dose)
    counts = known.sum(axis=1)
    rate = np.where(counts > 0, np.nansum(dose, axis=1) / np.maximum(counts, 1), 0.0)
    filled = np.where(known, dose, rate[:, None])
    next_day = np.full((J, days), np.nan)
    next_day[:, 1:] = dose[:, :-1]

    def window_sum(values: FloatArray, before: FloatArray) -> FloatArray:
        # Sum over days d−7..d−2: pad seven days in front, then differences of a cumulative sum.
        padded = np.concatenate([np.repeat(before[:, None], 7, axis=1), values], axis=1)
        c = np.concatenate([np.zeros((J, 1)), np.cumsum(padded, axis=1)], axis=1)
        out: FloatArray = c[:, 6 : 6 + days] - c[:, 0:days]
        return out

    zeros = np.zeros(J)
    week = window_sum(filled, rate)
    n_known = window_sum(known.astype(np.float64), zeros)
    n_with = window_sum((known & (np.nan_to_num(dose) > 0)).astype(np.float64), zeros)
    return DayExposures(next_day, week, n_with > 0.5, (n_known > 5.5) & (n_with < 0.5))


def _parse_ratings(text: str) -> dict[str, float]:
    """``"stiffness=6; pain=3"`` → ``{"stiffness": 6.0, "pain": 3.0}`` (the file was checked by
    :func:`bedside.interchange.read_events`; parts that do not read are left out)."""
    return {name_key(name): value for name, value in parse_ratings(text)[0]}


SessionRow = tuple[int, int | None, float | None, Event]


def align(
    events: list[Event], *, day_boundary: dt.time = dt.time(4, 0), as_of: dt.date | None = None
) -> CircleData:
    """Turn a circle's events into :class:`CircleData`, ignoring events after ``as_of``."""
    if as_of is not None:
        events = [e for e in events if e.date <= as_of]
    if not events:
        raise ValueError("no events")
    start = min(e.date for e in events)
    end = as_of if as_of is not None else max(e.date for e in events)
    days = (end - start).days + 1
    logged = np.zeros(days, dtype=bool)
    weekday = ((np.arange(days) + start.weekday()) % 7).astype(np.int64)
    keys: dict[str, str] = {}
    boundary = day_boundary.hour * 60 + day_boundary.minute

    tech_names: dict[str, str] = {}
    sessions: dict[str, list[SessionRow]] = defaultdict(list)
    without: dict[str, list[int]] = defaultdict(list)
    outcome_names: dict[tuple[str, str], str] = {}
    outcome_kind: dict[tuple[str, str], str] = {}
    rated: dict[tuple[str, str], tuple[list[int], list[int], list[float]]] = {}

    for e in events:
        d = (e.date - start).days
        logged[d] = True
        when = (e.time.hour * 60 + e.time.minute - boundary) % 1440 if e.time else -1
        key = keys.get(e.name)
        if key is None:
            key = keys[e.name] = name_key(e.name)
        kind = e.kind
        if kind == "session":
            tech_names.setdefault(key, e.name.strip())
            sessions[key].append((d, when if when >= 0 else None, e.value, e))
        elif kind in ("missed", "skipped"):
            tech_names.setdefault(key, e.name.strip())
            without[key].append(d)
        elif kind in ("rating", "measurement") and e.value is not None:
            unit = e.unit.strip() or ("0-10" if kind == "rating" else "")
            okey = (key, unit)
            if okey not in rated:
                rated[okey] = ([], [], [])
                outcome_names[okey] = e.name.strip()
                outcome_kind[okey] = kind
            day_list, when_list, value_list = rated[okey]
            day_list.append(d)
            when_list.append(when)
            value_list.append(e.value)

    # Outcomes named only in before/after extras still get paired analyses.
    named = {k[0] for k in outcome_names}
    for rows in sessions.values():
        for *_, e in rows:
            if "before" not in e.extra:
                continue
            for oname in _parse_ratings(e.extra.get("before", "")):
                if oname not in named:
                    named.add(oname)
                    outcome_names[(oname, "0-10")] = oname
                    outcome_kind[(oname, "0-10")] = "rating"

    techniques = [
        _technique(tech_names[key], key, sessions.get(key, []), without[key], logged, weekday)
        for key in sorted(tech_names, key=lambda k: (tech_names[k].lower(), k))
    ]
    firsts = [_first_session(sessions.get(t.key, []), days) for t in techniques]
    outcomes: list[Outcome] = []
    for okey in sorted(outcome_names, key=lambda k: (outcome_names[k].lower(), k)):
        name = outcome_names[okey]
        ds_, ws_, vs_ = rated.get(okey, ([], [], []))
        ds = np.asarray(ds_, dtype=np.int64)
        ws = np.asarray(ws_, dtype=np.int64)
        vs = np.asarray(vs_, dtype=np.float64)
        count = np.bincount(ds, minlength=days).astype(np.float64)
        total = np.bincount(ds, weights=vs, minlength=days)
        with np.errstate(invalid="ignore", divide="ignore"):
            y = np.where(count > 0, total / np.maximum(count, 1), np.nan)
        outcome = Outcome(okey[0], name, okey[1], outcome_kind[okey], direction_of(name), y)
        if ds.size:
            latest = np.full(days, -1, dtype=np.int64)
            np.maximum.at(latest, ds, ws)
            for j, first in enumerate(firsts):
                share = _share_after(ds, ws, count, latest, first)
                if share is not None:
                    outcome.after[j] = share
        outcomes.append(outcome)
    paired = _paired(techniques, outcomes, sessions)
    return CircleData(start, days, logged, weekday, techniques, outcomes, paired)


def _first_session(rows: list[SessionRow], days: int) -> IntArray:
    """Minutes after the boundary of each day's first timed session (a large number if none)."""
    first = np.full(days, 10_000, dtype=np.int64)
    timed = [(d, w) for d, w, _, _ in rows if w is not None]
    if timed:
        ds, ws = zip(*timed, strict=True)
        np.minimum.at(first, np.asarray(ds), np.asarray(ws))
    return first


def _technique(
    name: str,
    key: str,
    rows: list[SessionRow],
    without: list[int],
    logged: npt.NDArray[np.bool_],
    weekday: IntArray,
) -> Technique:
    dose = np.where(logged, 0.0, np.nan)
    minutes = [v for _, _, v, _ in rows if v is not None]
    typical: float | None = None
    if rows and len(minutes) >= DOSE_MIN_SHARE * len(rows) and len(minutes) >= 3:
        m = np.asarray(minutes)
        if m.mean() > 0 and m.std() / m.mean() >= DOSE_MIN_CV:
            typical = float(np.median(m))
    if without:
        dose[np.asarray(without)] = 0.0
    share = np.zeros(7)
    if rows:
        ds = np.asarray([d for d, _, _, _ in rows], dtype=np.int64)
        if typical is None:
            amount = np.ones(ds.size)
        else:
            amount = np.asarray(
                [(v if v is not None else typical) / typical for _, _, v, _ in rows]
            )
        per_day = np.bincount(ds, weights=amount, minlength=dose.size)
        on = np.bincount(ds, minlength=dose.size) > 0
        dose[on] = np.minimum(per_day[on], DOSE_CAP) if typical is not None else 1.0
        share = np.bincount(weekday[on], minlength=7) / on.sum()
    return Technique(key, name, dose, len(rows), typical, share)


def _share_after(
    ds: IntArray, ws: IntArray, count: FloatArray, latest: IntArray, first: IntArray
) -> FloatArray | None:
    """Share of each day's ratings taken after that day's first timed session (None if never)."""
    days_after = np.flatnonzero(latest > first)
    if days_after.size == 0:
        return None
    after = (ws > first[ds]) & (ws >= 0)
    share = np.bincount(ds[after], minlength=count.size) / np.maximum(count, 1)
    return share


def _paired(
    techniques: list[Technique],
    outcomes: list[Outcome],
    sessions: dict[str, list[SessionRow]],
) -> dict[tuple[int, int], Paired]:
    index = {o.key: i for i, o in enumerate(outcomes)}
    out: dict[tuple[int, int], Paired] = {}
    for j, tech in enumerate(techniques):
        changes: dict[int, dict[int, list[tuple[float, float]]]] = defaultdict(
            lambda: defaultdict(list)
        )
        for d, _w, _v, e in sessions.get(tech.key, []):
            if "before" not in e.extra or "after" not in e.extra:
                continue
            before = _parse_ratings(e.extra["before"])
            after = _parse_ratings(e.extra["after"])
            for oname in before.keys() & after.keys():
                if oname in index:
                    changes[index[oname]][d].append((before[oname], after[oname]))
        for k, per_day in changes.items():
            ds = sorted(per_day)
            diffs = [float(np.mean([a - b for b, a in per_day[d]])) for d in ds]
            befores = [b for d in ds for b, _ in per_day[d]]
            out[(j, k)] = Paired(
                np.asarray(ds, dtype=np.float64), np.asarray(diffs), float(np.mean(befores))
            )
    return out


__all__ = ["CircleData", "DayExposures", "Outcome", "Paired", "Technique", "align", "name_key"]
