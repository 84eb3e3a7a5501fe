"""What cannot be told apart is reported as such, never as an effect."""

import numpy as np

from bedside.insights import Analysis, Finding, analyze
from bedside.interchange import Event

from .logs import ar1, event


def log_with(schedule: dict[str, np.ndarray], days: int = 200, seed: int = 3) -> list[Event]:
    rng = np.random.default_rng(seed)
    y = 5 + ar1(rng, days, 0.4, 1.0)
    events = []
    for d in range(days):
        events.append(event(d, "rating", "stiffness", round(float(y[d]), 1), "08:00"))
        for name, done in schedule.items():
            if done[d]:
                events.append(event(d, "session", name, 30, "14:00", "min"))
    return events


def by_pair(analysis: Analysis) -> dict[tuple[str, str], Finding]:
    return {(f.intervention, f.window): f for f in analysis.findings}


def test_a_technique_always_on_tuesdays_cant_be_told_apart_from_tuesdays() -> None:
    days = np.arange(200)
    tuesday = (days % 7) == 1  # the log starts on a Monday
    rng = np.random.default_rng(1)
    massage = rng.random(200) < 0.5
    found = by_pair(analyze(log_with({"PT visit": tuesday, "massage": massage})))
    pt = found[("PT visit", "next_day")]
    assert pt.label == "cant_tell_apart" and not pt.finding
    assert pt.effect is None and pt.q_value is None
    assert pt.caveat_codes == ["weekday"]
    assert pt.caveats == ["can't be told apart from Tuesdays"]
    assert pt.wording.startswith(
        "Can't tell apart from Tuesdays: PT visit sessions almost always fall on a Tuesday"
    )
    # The other technique is still estimated.
    assert found[("massage", "next_day")].label in ("no_clear_effect", "maybe", "finding")


def test_two_techniques_always_done_together_cant_be_told_apart_from_each_other() -> None:
    rng = np.random.default_rng(2)
    massage = rng.random(200) < 0.5
    stretching = massage.copy()
    stretching[rng.choice(200, 4, replace=False)] ^= True  # almost always together
    found = by_pair(analyze(log_with({"massage": massage, "stretching": stretching})))
    a, b = found[("massage", "next_day")], found[("stretching", "next_day")]
    assert a.label == b.label == "cant_tell_apart"
    assert "technique" in a.caveat_codes and "technique" in b.caveat_codes
    assert {a.caveats[0], b.caveats[0]} == {
        "can't be told apart from stretching",
        "can't be told apart from massage",
    }


def test_independent_techniques_are_each_estimated() -> None:
    rng = np.random.default_rng(4)
    schedule = {"massage": rng.random(200) < 0.5, "stretching": rng.random(200) < 0.5}
    found = by_pair(analyze(log_with(schedule)))
    for name in schedule:
        assert found[(name, "next_day")].label != "cant_tell_apart"
        assert found[(name, "next_day")].effect is not None


def test_a_technique_started_partway_says_what_it_is_compared_with() -> None:
    started = np.arange(200) >= 100  # never before day 100, every day after
    f = by_pair(analyze(log_with({"massage": started})))[("massage", "next_day")]
    assert f.label != "finding"
    assert "partway" in f.caveat_codes
    assert (
        "mostly compares the time before it started (or stopped) with the time after" in f.caveats
    )
