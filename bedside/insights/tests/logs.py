"""Small, seeded care logs for the engine's tests (the full simulator lives in ``bench/``)."""

from __future__ import annotations

import datetime as dt

import numpy as np

from bedside.interchange import Event

START = dt.date(2026, 1, 5)  # a Monday


def event(
    day: int,
    kind: str,
    name: str,
    value: float | None = None,
    at: str | None = None,
    unit: str = "",
    **extra: str,
) -> Event:
    time = dt.time.fromisoformat(at) if at else None
    if kind == "rating" and not unit:
        unit = "0-10"
    return Event(0, START + dt.timedelta(days=day), time, kind, name, value, unit, "", "", extra)


def ar1(rng: np.random.Generator, days: int, rho: float, sd: float) -> np.ndarray:
    e = np.empty(days)
    e[0] = rng.normal(0, sd)
    for i in range(1, days):
        e[i] = rho * e[i - 1] + rng.normal(0, sd * np.sqrt(1 - rho * rho))
    return e


def planted_log(
    seed: int,
    days: int = 240,
    *,
    effect: float = -1.0,
    rho: float = 0.5,
    sd: float = 1.0,
    extra_nulls: int = 0,
) -> list[Event]:
    """Stiffness rated each morning; an evening massage (a routine, missed otherwise) lowers
    the next morning's stiffness by ``effect``; neck stretches (and ``extra_nulls`` more
    techniques) do nothing. A slow decline, a weekly pattern and AR(1) noise; 10% of mornings
    unrated."""
    rng = np.random.default_rng(seed)
    t = np.arange(days)
    massage = rng.random(days) < 0.6
    nulls = rng.random((1 + extra_nulls, days)) < 0.5
    weekly = rng.normal(0, 0.3, 7)
    y = 4 + 1.5 * t / 365 + weekly[(t + START.weekday()) % 7] + ar1(rng, days, rho, sd)
    y[1:] += effect * massage[:-1]
    events: list[Event] = []
    for d in range(days):
        if rng.random() > 0.1:
            events.append(event(d, "rating", "stiffness", round(float(y[d]), 1), "08:00"))
        if massage[d]:
            events.append(event(d, "session", "evening massage", 20, "21:00", "min"))
        else:
            events.append(event(d, "missed", "evening massage"))
        for j, done in enumerate(nulls[:, d]):
            if done:
                name = "neck stretches" if j == 0 else f"null technique {j}"
                events.append(event(d, "session", name, 10, "10:30", "min"))
    return events
