"""Simulated ALS care logs with planted effects (deterministic for a seed).

Each simulated person (one care circle) has, per outcome (0–10 ratings):

- a slow decline (worse by 1–3 points a year, slightly accelerating) and a weekly pattern;
- AR(1) day-to-day noise (ρ 0.3–0.8) whose innovations are partly shared between outcomes
  (a "bad day" shows up in several ratings at once);
- a step change for some outcomes (a new medication, a ventilator) at a random day;
- integer ratings clipped to 0–10; missing days, clustered in runs and more likely on bad days;
  a few days with nothing logged at all;

and a handful of techniques:

- ``evening massage``: a nightly routine (missed/skipped recorded), **given more often on bad
  days** (reverse causation); ``stretching`` rides along with it (can't be told apart);
- ``massage gun``: ad hoc, minutes vary (a dose), also more on bad days, often with before/after
  breathing-ease ratings;
- ``PT visit``: a weekly therapist visit on a fixed weekday;
- ``lymphatic drainage``: every 5–10 days, sometimes with a week-long effect on swelling;
- ``neck stretches``: a popular routine with no effect; ``hand massage``: occasional.

Half of the people have no real effect at all. The others get a next-day effect (0.3, 0.5 or
0.8 SD of the outcome's day-to-day variation, cycling), and sometimes a week-long effect and an
immediate (before/after) effect. Truth is recorded in the engine's parameterisation:
``truth[(technique, outcome, window)]`` is the change per session (per typical session for a
dose) on the next day, on each of days 2–7, or right after the session.
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field

import numpy as np

from bedside.interchange import Event, write_events

OUTCOMES = {
    # name: better direction
    "stiffness": "lower",
    "pain": "lower",
    "headache": "lower",
    "swelling": "lower",
    "sleep quality": "higher",
    "breathing ease": "higher",
    "voice strength": "higher",
    "energy": "higher",
    "mood": "higher",
}
SIZES = (0.3, 0.5, 0.8)
ROUTINES = ("evening massage", "stretching", "PT visit", "neck stretches")


@dataclass(frozen=True)
class Plant:
    technique: str
    outcome: str
    window: str  # next_day | rest_of_week | same_evening
    size_sd: float
    effect: float  # outcome units, per (typical) session
    identifiable: bool = True


@dataclass
class Person:
    seed: int
    days: int
    events: list[Event]
    plants: list[Plant]
    sd: dict[str, float]
    techniques: list[str]
    outcomes: list[str]
    truth: dict[tuple[str, str, str], float] = field(default_factory=dict)
    values: dict[str, np.ndarray] = field(default_factory=dict)  # latent daily values (debugging)
    done: dict[str, np.ndarray] = field(default_factory=dict)  # sessions per day (debugging)
    rho: dict[str, float] = field(default_factory=dict)  # true AR(1) coefficient per outcome
    stepped: set[str] = field(default_factory=set)  # outcomes with a step change

    @property
    def has_effect(self) -> bool:
        return bool(self.plants)

    def true_effect(self, technique: str, outcome: str, window: str) -> float:
        return self.truth.get((technique, outcome, window), 0.0)

    def csv(self) -> str:
        out = io.StringIO()
        write_events(self.events, out)
        return out.getvalue()


def _ar1(rng: np.random.Generator, innov: np.ndarray, rho: float) -> np.ndarray:
    e = np.empty_like(innov)
    e[0] = innov[0]
    scale = np.sqrt(1 - rho * rho)
    for i in range(1, innov.size):
        e[i] = rho * e[i - 1] + scale * innov[i]
    return e


def simulate_person(
    seed: int,
    days: int,
    *,
    effects: bool | None = None,
    n_outcomes: int | None = None,
    techniques: list[str] | None = None,
    size_index: int | None = None,
    steps: bool = True,
    integer: bool = True,
    gaps: bool = True,
    reverse: bool = True,
) -> Person:
    """One simulated circle. ``effects`` None: half of the seeds get planted effects."""
    rng = np.random.default_rng(seed)
    has_effects = bool(seed % 2) if effects is None else effects
    start = dt.date(2025, 1, 6) + dt.timedelta(days=int(rng.integers(0, 7)))
    t = np.arange(days)
    weekday = (t + start.weekday()) % 7

    names = list(OUTCOMES)
    k = n_outcomes or int(rng.integers(5, 10))
    chosen = [names[i] for i in sorted(rng.choice(len(names), size=min(k, 9), replace=False))]
    if techniques is None:
        techniques = ["evening massage"]
        for name, prob in (
            ("massage gun", 0.7),
            ("stretching", 0.4),
            ("PT visit", 0.6),
            ("lymphatic drainage", 0.5),
            ("neck stretches", 0.7),
            ("hand massage", 0.5),
        ):
            if rng.random() < prob:
                techniques.append(name)
    if "massage gun" in techniques and "breathing ease" not in chosen:
        chosen.append("breathing ease")
    if "lymphatic drainage" in techniques and "swelling" not in chosen:
        chosen.append("swelling")

    # Noise: AR(1) per outcome, innovations partly shared (a bad day is bad all over).
    shared = rng.normal(size=days)
    sd: dict[str, float] = {}
    latent: dict[str, np.ndarray] = {}
    noise: dict[str, np.ndarray] = {}
    rhos: dict[str, float] = {}
    stepped: set[str] = set()
    for name in chosen:
        sigma = float(rng.uniform(1.0, 1.6))
        rho = float(rng.uniform(0.3, 0.8))
        rhos[name] = rho
        innov = np.sqrt(0.4) * shared + np.sqrt(0.6) * rng.normal(size=days)
        e = sigma * _ar1(rng, innov, rho)
        worse = 1.0 if OUTCOMES[name] == "lower" else -1.0
        level = rng.uniform(3.5, 5.0) if worse > 0 else rng.uniform(5.0, 6.5)
        years = t / 365.0
        slope = rng.uniform(1.0, 3.0)
        trend = level + worse * (slope * years + 0.5 * slope * years**2)
        week = rng.normal(0, 0.3 * sigma, size=7)
        step = np.zeros(days)
        if rng.random() < 0.3 and steps:
            at = int(rng.uniform(0.2, 0.8) * days)
            step[at:] = rng.choice([-1, 1]) * rng.uniform(0.5, 1.0) * sigma
            stepped.add(name)
        latent[name] = trend + week[weekday] + step
        noise[name] = e
        sd[name] = sigma
    # How bad the day looks to the caregivers: the shared part of today's noise.
    bad = _ar1(rng, shared, 0.5) if reverse else _ar1(rng, rng.normal(size=days), 0.5)

    # Sessions.
    done: dict[str, np.ndarray] = {}
    minutes: dict[str, np.ndarray] = {}
    for name in techniques:
        x = np.zeros(days)
        m = np.zeros(days)
        if name == "evening massage":
            x = (rng.random(days) < 1 / (1 + np.exp(-(1.1 + 0.8 * bad)))).astype(float)
            m[:] = 20
        elif name == "stretching":
            base = done.get("evening massage", np.zeros(days))
            x = np.where(base > 0, rng.random(days) < 0.95, rng.random(days) < 0.03).astype(float)
            m[:] = 10
        elif name == "massage gun":
            x = (rng.random(days) < 1 / (1 + np.exp(-(-0.6 + 0.8 * bad)))).astype(float)
            m = rng.choice([5.0, 10.0, 15.0, 20.0], size=days)
        elif name == "PT visit":
            visit_day = int(rng.integers(0, 5))
            x = ((weekday == visit_day) & (rng.random(days) < 0.95)).astype(float)
            m[:] = 45
        elif name == "lymphatic drainage":
            d = int(rng.integers(0, 7))
            while d < days:
                x[d] = 1
                d += int(rng.integers(5, 11))
            m[:] = 60
        elif name == "neck stretches":
            x = (rng.random(days) < 0.7).astype(float)
            m[:] = 5
        elif name == "hand massage":
            x = (rng.random(days) < 0.3).astype(float)
            m[:] = 15
        done[name] = x
        minutes[name] = np.where(x > 0, m, 0.0)

    dose: dict[str, np.ndarray] = {}
    for name in techniques:
        session_minutes = minutes[name][done[name] > 0]
        if name == "massage gun" and session_minutes.size:
            dose[name] = minutes[name] / float(np.median(session_minutes))
        else:
            dose[name] = done[name]

    # Planted effects.
    plants: list[Plant] = []
    if has_effects:
        next_day = [
            n for n in techniques if n in ("massage gun", "hand massage", "evening massage")
        ]
        if "stretching" in techniques and "evening massage" in next_day:
            next_day.remove("evening massage")  # would be "can't tell apart", not a power test
        sizes = list(SIZES)
        first = size_index if size_index is not None else seed // 2
        if next_day:
            tech = next_day[int(rng.integers(0, len(next_day)))]
            out = chosen[int(rng.integers(0, len(chosen)))]
            size = sizes[first % 3]
            plants.append(_plant(tech, out, "next_day", size, sd[out]))
        if "lymphatic drainage" in techniques and rng.random() < 0.6:
            size = sizes[(first + 1) % 3]
            plants.append(
                _plant("lymphatic drainage", "swelling", "rest_of_week", size, sd["swelling"])
            )
        if "massage gun" in techniques and rng.random() < 0.6:
            size = sizes[(first + 2) % 3]
            plants.append(
                _plant("massage gun", "breathing ease", "same_evening", size, sd["breathing ease"])
            )
        if "PT visit" in techniques and rng.random() < 0.5:
            out = chosen[int(rng.integers(0, len(chosen)))]
            plants.append(
                Plant("PT visit", out, "next_day", 0.8, -0.8 * sd[out] * _sign(out), False)
            )

    truth: dict[tuple[str, str, str], float] = {}
    immediate: dict[str, float] = {}
    for plant in plants:
        x = dose[plant.technique]
        if plant.window == "next_day":
            latent[plant.outcome][1:] += plant.effect * x[:-1]
            truth[(plant.technique, plant.outcome, "next_day")] = plant.effect
        elif plant.window == "rest_of_week":
            for lag in range(1, 8):
                latent[plant.outcome][lag:] += plant.effect * x[:-lag]
            truth[(plant.technique, plant.outcome, "next_day")] = plant.effect
            truth[(plant.technique, plant.outcome, "rest_of_week")] = plant.effect
        else:
            immediate[plant.outcome] = plant.effect
            truth[(plant.technique, plant.outcome, "same_evening")] = plant.effect

    values = {name: latent[name] + noise[name] for name in chosen}

    # Logging: missing check-ins in runs and on bad days; a few days with nothing at all.
    missing = np.zeros(days, dtype=bool)
    streak = False
    for d in range(days):
        p_start = 0.04 + (0.12 if bad[d] > 1.0 else 0.0)
        streak = rng.random() < (0.6 if streak else p_start)
        missing[d] = streak or rng.random() < 0.06
    nothing = missing & (rng.random(days) < 0.25)
    if not gaps:
        missing[:] = False
        nothing[:] = False

    events: list[Event] = []

    def add(
        day: int,
        hhmm: tuple[int, int] | None,
        kind: str,
        name: str,
        value: float | None,
        unit: str = "",
        extra: dict[str, str] | None = None,
    ) -> None:
        events.append(
            Event(
                line=0,
                date=start + dt.timedelta(days=day),
                time=dt.time(*hhmm) if hhmm else None,
                kind=kind,
                name=name,
                value=value,
                unit=unit,
                extra=extra or {},
            )
        )

    times = {
        "evening massage": (21, 0),
        "stretching": (21, 30),
        "massage gun": (20, 0),
        "PT visit": (14, 0),
        "lymphatic drainage": (11, 0),
        "neck stretches": (10, 30),
        "hand massage": (19, 0),
    }
    visit = _visit_weekday(done["PT visit"], weekday) if "PT visit" in done else -1
    for d in range(days):
        if nothing[d]:
            continue
        if not missing[d]:
            untimed = rng.random() < 0.1
            at = None if untimed else (8 + int(rng.integers(0, 2)), int(rng.integers(0, 60)))
            for name in chosen:
                rating = (
                    float(np.clip(np.rint(values[name][d]), 0, 10))
                    if integer
                    else float(values[name][d])
                )
                add(d, at, "rating", name, rating, "0-10")
        for name in techniques:
            if done[name][d] > 0:
                extra: dict[str, str] = {}
                if name == "massage gun" and "breathing ease" in values and rng.random() < 0.7:
                    now = values["breathing ease"][d]
                    jitter = 0.5 * sd["breathing ease"]
                    before = float(np.clip(np.rint(now + rng.normal(0, jitter)), 0, 10))
                    change = immediate.get("breathing ease", 0.0)
                    after = float(np.clip(np.rint(now + change + rng.normal(0, jitter)), 0, 10))
                    extra = {
                        "before": f"breathing ease={before:g}",
                        "after": f"breathing ease={after:g}",
                    }
                add(d, times[name], "session", name, float(minutes[name][d]), "min", extra)
            elif name in ROUTINES and (name != "PT visit" or weekday[d] == visit):
                kind = "skipped" if rng.random() < 0.3 else "missed"
                add(d, None, kind, name, None)
    return Person(
        seed, days, events, plants, sd, techniques, chosen, truth, values, done, rhos, stepped
    )


def _sign(outcome: str) -> float:
    return 1.0 if OUTCOMES[outcome] == "lower" else -1.0


def _plant(tech: str, outcome: str, window: str, size: float, sigma: float) -> Plant:
    # Beneficial: lower for "lower is better" outcomes, higher otherwise.
    return Plant(tech, outcome, window, size, -size * sigma * _sign(outcome))


def _visit_weekday(x: np.ndarray, weekday: np.ndarray) -> int:
    days = weekday[x > 0]
    return int(np.bincount(days, minlength=7).argmax()) if days.size else -1


def big_circle(
    seed: int = 7, days: int = 730, outcomes: int = 30, techniques: int = 20
) -> list[Event]:
    """A large circle for timing: ``outcomes`` ratings × ``techniques`` techniques × ``days``.

    Ratings are AR(1) with a trend and a weekly pattern; techniques are done on 20–80% of days;
    two have next-day effects. About 10% of days have no check-in.
    """
    rng = np.random.default_rng(seed)
    start = dt.date(2024, 1, 1)
    t = np.arange(days)
    events: list[Event] = []
    done = rng.random((techniques, days)) < rng.uniform(0.2, 0.8, size=(techniques, 1))
    for j in range(techniques):
        for d in np.flatnonzero(done[j]):
            events.append(
                Event(
                    0,
                    start + dt.timedelta(days=int(d)),
                    dt.time(20, 0),
                    "session",
                    f"technique {j + 1}",
                    20.0,
                    "min",
                )
            )
    missing = rng.random(days) < 0.1
    for k in range(outcomes):
        e = 1.3 * _ar1(rng, rng.normal(size=days), float(rng.uniform(0.3, 0.8)))
        y = 5 + 2 * t / 365 + rng.normal(0, 0.3, 7)[(t + start.weekday()) % 7] + e
        if k < 2:
            y[1:] -= 1.0 * done[k, :-1]
        for d in np.flatnonzero(~missing):
            events.append(
                Event(
                    0,
                    start + dt.timedelta(days=int(d)),
                    dt.time(8, 30),
                    "rating",
                    f"outcome {k + 1}",
                    float(np.clip(np.rint(y[d]), 0, 10)),
                    "0-10",
                )
            )
    return events
