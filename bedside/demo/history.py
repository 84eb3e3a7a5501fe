"""180 days of invented but plausible care history, as interchange events.

Seeded and pure (no database): the same ``today`` and ``seed`` always give the same events, and
``bedside demo`` imports them through the ordinary importer. What is planted, so that every
screen — and the insights engine — has something true-looking to find:

* slow decline: breathing ease, voice and energy drift down, stiffness and ventilator hours up;
* day-to-day noise that lingers (AR(1)), integer 0–10 ratings, mostly by Daniel, some answered
  by Claire for him (proxy);
* a weekly pattern: Saturday visits lift his mood and leave him tired on Sunday;
* about one night in ten the evening care is missed, and a few are skipped with a reason;
* real effects: the evening massage gun on his legs lowers next-morning stiffness by about one
  point; Tuesday neck stretches ease headaches for two or three days; lymphatic drainage keeps
  swelling down for most of a week; the chest massage gun (tried ad hoc 24 days ago, a routine
  for the last 21) lifts breathing ease right after (before/after ratings) and next-day voice;
* weekly calf circumferences, monthly weight and elbow extension, nightly ventilator hours, and
  a few notes.
"""

from __future__ import annotations

import datetime as dt
import random
from collections import defaultdict
from dataclasses import dataclass, field

from bedside.care.schedule import is_due
from bedside.interchange import Event

from .plan import HISTORY_DAYS, MARCUS_NIGHTS, NAMES, ROUTINES, RoutineSpec, start_date

SEED = 20260314
ONE_DAY = dt.timedelta(days=1)

# Baseline at the start and at the end of the history (linear, breathing a little faster).
TRENDS: dict[str, tuple[float, float]] = {
    "stiffness": (4.6, 5.6),
    "pain": (3.4, 4.0),
    "sleep quality": (6.0, 5.3),
    "breathing ease": (6.9, 4.6),
    "voice strength": (6.6, 4.8),
    "energy": (6.0, 4.3),
    "headache": (3.6, 3.9),
    "swelling": (4.2, 4.8),
    "mood": (6.6, 6.1),
}
RATINGS = tuple(TRENDS)

SKIP_REASONS = (
    "Daniel already asleep",
    "too tired tonight",
    "family dinner ran late",
    "Daniel declined tonight",
)


@dataclass
class _Schedule:
    """What :func:`bedside.care.schedule.is_due` needs to know about a routine."""

    schedule: str
    weekdays: list[int]
    every_n_days: int | None
    start_date: dt.date
    end_date: dt.date | None = None


@dataclass
class _Builder:
    rng: random.Random
    events: list[Event] = field(default_factory=list)
    # effects[trackable][day] = change in that day's (morning) rating
    effects: dict[str, dict[dt.date, float]] = field(
        default_factory=lambda: defaultdict(lambda: defaultdict(float))
    )

    def add(
        self,
        day: dt.date,
        time: dt.time | None,
        kind: str,
        name: str,
        value: float | None,
        unit: str = "",
        by: str = "",
        note: str = "",
        **extra: str,
    ) -> None:
        self.events.append(
            Event(
                0,
                day,
                time,
                kind,
                name,
                value,
                unit,
                by,
                note,
                {k: v for k, v in extra.items() if v},
            )
        )

    def effect(self, name: str, day: dt.date, change: float) -> None:
        self.effects[name][day] += change

    def around(self, time: dt.time, spread: int = 15) -> dt.time:
        """A time near ``time``, in 5-minute steps (people round what they log)."""
        base = dt.datetime.combine(dt.date(2000, 1, 1), time)
        return (base + dt.timedelta(minutes=5 * self.rng.randint(0, spread // 5))).time()


def _clip(value: float, low: float = 0, high: float = 10) -> int:
    return int(min(high, max(low, round(value))))


def _minutes(rng: random.Random, target: int | None) -> float | None:
    if target is None:
        return None
    return float(max(1, target + rng.choice((-2, 0, 0, 0, 2, 5))))


def _status(rng: random.Random, spec: RoutineSpec, day: dt.date, t: int, days: int) -> str:
    """done, missed or skipped — with the planted episodes."""
    if spec.who == "helene" and days // 2 + 5 <= t < days // 2 + 10:
        return "missed"  # Hélène had the flu for five days
    if spec.key == "deep-tissue-massage" and days // 3 <= t < days // 3 + 14:
        return "skipped"  # Yuki away for two weeks
    roll = rng.random()
    if spec.who in ("marcus", "aisha") and spec.key != "repositioning":
        return "done" if roll < 0.88 else ("skipped" if roll < 0.92 else "missed")
    if spec.who == "helene":
        return "done" if roll < 0.9 else ("skipped" if roll < 0.93 else "missed")
    return "done" if roll < 0.95 else "missed"


def _care(b: _Builder, today: dt.date, days: int) -> None:
    """Every routine's due days as sessions, missed or skipped rows."""
    first = today - dt.timedelta(days=days)
    specs = {
        spec: _Schedule(
            spec.schedule, list(spec.weekdays), spec.every_n_days, start_date(spec, today)
        )
        for spec in ROUTINES
    }
    for t in range(days):
        day = first + dt.timedelta(days=t)
        # An evening one person skips, they skip all their evening care (done or missed is
        # decided per routine, so no two techniques always come together).
        skipped_by: dict[str, str] = {}  # who → why
        for spec, schedule in specs.items():
            if not is_due(schedule, day):
                continue
            evening = spec.time.hour >= 20
            if evening and spec.who in skipped_by:
                status = "skipped"
            else:
                status = _status(b.rng, spec, day, t, days)
            by = NAMES[spec.who]
            if status == "missed":
                b.add(day, spec.time, "missed", spec.name, None)
            elif status == "skipped":
                reason = skipped_by.get(spec.who) or b.rng.choice(SKIP_REASONS)
                if spec.key == "deep-tissue-massage":
                    reason = "Yuki away this week"
                if evening:
                    skipped_by[spec.who] = reason
                b.add(day, spec.time, "skipped", spec.name, None, by=by, note=reason)
            else:
                _session(b, spec, day, by)


def _session(b: _Builder, spec: RoutineSpec, day: dt.date, by: str) -> None:
    rng = b.rng
    time = b.around(spec.time, 10 if spec.time.hour < 4 else 15)
    tolerance = "some" if rng.random() < 0.08 else ("well" if spec.pressure else "")
    extra = {"regions": ";".join(spec.regions), "pressure": spec.pressure, "tolerance": tolerance}
    if spec.key == "chest-massage-gun":
        before, after = _chest_effect(b, day)
        extra.update(before=f"breathing ease={before}", after=f"breathing ease={after}")
    b.add(day, time, "session", spec.name, _minutes(rng, spec.minutes), "min", by, **extra)
    next_day = day + ONE_DAY
    if spec.key == "massage-gun":
        b.effect("stiffness", next_day, -1.0)
        b.effect("sleep quality", next_day, 0.3)
    elif spec.key == "range-of-motion":
        b.effect("stiffness", next_day, -0.3)
    elif spec.key == "deep-tissue-massage":
        b.effect("pain", next_day, -0.6)
        b.effect("stiffness", next_day, -0.4)
    elif spec.key == "passive-stretching":
        b.effect("stiffness", next_day, -0.3)
        b.effect("pain", next_day, -0.4)
    elif spec.key == "neck-stretches":
        for lag, change in ((1, -1.5), (2, -0.9), (3, -0.4)):
            b.effect("headache", day + lag * ONE_DAY, change)
    elif spec.key == "lymphatic-drainage":
        for lag, change in enumerate((-2.0, -1.7, -1.3, -1.0, -0.6, -0.3), start=1):
            b.effect("swelling", day + lag * ONE_DAY, change)
    elif spec.key == "repositioning":
        b.effect("sleep quality", next_day, 1.2)  # a missed turn costs sleep and some pain
        b.effect("pain", next_day, -0.6)


def _chest_effect(b: _Builder, day: dt.date) -> tuple[int, int]:
    """Breathing ease just before and after a chest massage-gun session; next-day effects."""
    evening = b.effects["_breathing evening"].get(day, 5.0)
    before = _clip(evening - 0.5 + b.rng.gauss(0, 0.6))
    after = _clip(before + 1.6 + b.rng.gauss(0, 0.6))
    b.effect("voice strength", day + ONE_DAY, 0.7)
    b.effect("breathing ease", day + ONE_DAY, 0.4)
    return before, after


def _discovery(b: _Builder, today: dt.date) -> None:
    """Before it was a routine: three nights of the chest massage gun, tried on request."""
    for ago in (24, 23, 22):
        day = today - dt.timedelta(days=ago)
        by = "Marcus" if day.weekday() in MARCUS_NIGHTS else "Aisha"
        before, after = _chest_effect(b, day)
        note = "he asked for the gun on his chest and ribs" if ago == 24 else ""
        b.add(
            day,
            b.around(dt.time(22, 20)),
            "session",
            "chest massage gun",
            5.0,
            "min",
            by,
            note,
            regions="chest",
            pressure="light",
            tolerance="well",
            before=f"breathing ease={before}",
            after=f"breathing ease={after}",
        )


def _baselines(today: dt.date, days: int) -> dict[str, list[float]]:
    first = today - dt.timedelta(days=days)
    out: dict[str, list[float]] = {}
    for name, (start, end) in TRENDS.items():
        bend = 1.3 if name == "breathing ease" else 1.0
        out[name] = [start + (end - start) * (t / days) ** bend for t in range(days)]
    for t in range(days):
        weekday = (first + dt.timedelta(days=t)).weekday()
        if weekday == 6:  # Sunday, after Saturday's visitors
            out["energy"][t] -= 0.7
        if weekday == 5:
            out["mood"][t] += 0.6
    return out


def _checkins(b: _Builder, today: dt.date, days: int, base: dict[str, list[float]]) -> None:
    rng = b.rng
    first = today - dt.timedelta(days=days)
    noise = dict.fromkeys(RATINGS, 0.0)
    for t in range(days):
        day = first + dt.timedelta(days=t)
        for name in RATINGS:
            noise[name] = 0.5 * noise[name] + rng.gauss(0, 0.55)
        if rng.random() < 0.05:
            continue  # no check-in that day
        proxy = rng.random() < 0.15
        by = "Claire" if proxy else "Daniel"
        time = b.around(dt.time(9, 30) if proxy else dt.time(8, 45), 40)
        for name in RATINGS:
            value = base[name][t] + b.effects[name].get(day, 0.0) + noise[name]
            b.add(
                day,
                time,
                "rating",
                name,
                float(_clip(value)),
                "0-10",
                by,
                proxy="yes" if proxy else "",
            )


def _measurements(b: _Builder, today: dt.date, days: int) -> None:
    rng = b.rng
    first = today - dt.timedelta(days=days)
    for t in range(days):
        day = first + dt.timedelta(days=t)
        p = t / days
        if rng.random() < 0.95:
            # Last night's hours on the ventilator, noted by whoever did the night.
            night = (day - ONE_DAY).weekday()
            by = "Marcus" if night in MARCUS_NIGHTS else "Aisha"
            hours = min(24.0, max(0.0, round((1.5 + 4.0 * p + rng.gauss(0, 0.5)) * 2) / 2))
            b.add(
                day, b.around(dt.time(7, 30), 20), "measurement", "ventilator hours", hours, "h", by
            )
        if day.weekday() == 6:
            swelling = b.effects["swelling"].get(day, 0.0)
            left = 37.0 + 0.8 * p + 0.25 * swelling + rng.gauss(0, 0.2)
            right = left - 0.6 + rng.gauss(0, 0.2)
            for side, value in (("left", left), ("right", right)):
                b.add(
                    day,
                    dt.time(11, 0),
                    "measurement",
                    f"{side} calf circumference",
                    round(value, 1),
                    "cm",
                    "Claire",
                )
        if day.day == 1:
            weight = 72.6 - 2.8 * p + rng.gauss(0, 0.3)
            b.add(day, dt.time(10, 30), "measurement", "weight", round(weight, 1), "kg", "Claire")
        if day.weekday() == 1 and day.day <= 7:
            elbow = max(-29.0, -(18 + 8 * p) + rng.gauss(0, 1.5))  # lacks 18° → 26° of extension
            b.add(
                day,
                dt.time(10, 55),
                "measurement",
                "elbow extension",
                float(round(elbow)),
                "deg",
                "Rafael",
                "right elbow, lying down",
            )


NOTES: tuple[tuple[int, str, str], ...] = (
    # (days before today, who, text)
    (168, "Claire", "Neck pulling to the left again; headache by noon."),
    (140, "Rafael", "Neck stretches held 30 seconds each side; he says the headaches ease after."),
    (120, "Yuki", "Away for two weeks from next Thursday."),
    (85, "Claire", "Hélène has the flu: no evening arm work for a few days."),
    (70, "Marcus", "Skin red on the left heel at the 02:00 turn; padded with a pillow."),
    (40, "Claire", "Ventilator mask refitted; fewer leaks at night."),
    (24, "Marcus", "Breathing eased right away after the massage gun on his chest."),
    (23, "Claire", "Voice stronger this morning — he didn't lose it mid-sentence."),
    (10, "Aisha", "Chest gun on the lowest setting, 5 minutes; he asked for it again."),
    (3, "Claire", "Asked Rafael for more stretching and fewer tiring exercises."),
)


def generate(today: dt.date, *, seed: int = SEED, days: int = HISTORY_DAYS) -> list[Event]:
    """The demo circle's history for the ``days`` circle days before ``today``."""
    b = _Builder(random.Random(seed))
    base = _baselines(today, days)
    first = today - dt.timedelta(days=days)
    for t in range(days):  # the evening's breathing, for before/after ratings
        b.effects["_breathing evening"][first + dt.timedelta(days=t)] = base["breathing ease"][t]
    _discovery(b, today)
    _care(b, today, days)
    _checkins(b, today, days, base)
    _measurements(b, today, days)
    for ago, by, text in NOTES:
        if ago <= days:
            b.add(
                today - dt.timedelta(days=ago),
                dt.time(13, 0) if ago % 2 else dt.time(21, 45),
                "note",
                "",
                None,
                "",
                by,
                text,
            )
    b.events.sort(key=lambda e: (e.date, e.time is None, e.time or dt.time(), e.kind, e.name))
    return [
        Event(i + 2, e.date, e.time, e.kind, e.name, e.value, e.unit, e.by, e.note, e.extra)
        for i, e in enumerate(b.events)
    ]
