"""No same-evening claim from daily ratings: sessions may have been given because of the day."""

import numpy as np

from bedside.insights import analyze
from bedside.interchange import Event

from .logs import ar1, event


def evening_log(seed: int = 5, days: int = 240, *, before_after: bool = False) -> list[Event]:
    """Pain rated at 22:00; massage at 20:00 given on bad days (reverse causation) and — the
    truth — lowering pain by 1.5 points right away."""
    rng = np.random.default_rng(seed)
    state = 5 + ar1(rng, days, 0.5, 1.2)
    events = []
    for d in range(days):
        massage = rng.random() < (0.8 if state[d] > 5 else 0.2)
        pain = state[d] - (1.5 if massage else 0.0)
        if massage:
            extra: dict[str, str] = {}
            if before_after:
                extra = {
                    "before": f"pain={state[d]:.1f}",
                    "after": f"pain={pain + rng.normal(0, 0.3):.1f}",
                }
            events.append(event(d, "session", "massage", 20, "20:00", "min", **extra))
        events.append(event(d, "rating", "pain", round(float(np.clip(pain, 0, 10)), 1), "22:00"))
    return events


def test_a_same_evening_difference_from_daily_ratings_is_never_a_finding() -> None:
    analysis = analyze(evening_log())
    same = [f for f in analysis.findings if f.window == "same_evening"]
    assert len(same) == 1
    f = same[0]
    assert f.method == "daily" and f.lag_days == 0
    assert not f.finding and f.label == "cant_tell_apart"
    assert f.q_value is None  # never claimable, so outside the false-discovery control
    assert f.caveat_codes == ["reverse_causation"]
    assert "may have been given because of how the day was going" in f.wording
    assert "Rating pain just before and just after the session would tell." in f.wording


def test_before_ratings_let_the_engine_claim_the_immediate_effect() -> None:
    analysis = analyze(evening_log(before_after=True))
    paired = [f for f in analysis.findings if f.method == "before_after"]
    assert len(paired) == 1
    f = paired[0]
    assert f.finding and f.lag_days == 0 and f.window == "same_evening"
    assert f.ci_low is not None and f.ci_high is not None
    assert f.ci_low < -1.5 < f.ci_high
    assert f.wording.startswith(
        "Looks like it helps: pain is about 1.5 points lower right after a massage session than just before"
    )
    assert "before_after" in f.caveat_codes
