"""Before 8 weeks and 56 rated days, with 14 days with and 14 without: "too early to tell"."""

from bedside.insights import Analysis, Finding, analyze

from .logs import event, planted_log


def next_day(analysis: Analysis, name: str = "evening massage") -> Finding:
    return next(f for f in analysis.findings if f.intervention == name and f.window == "next_day")


def test_six_weeks_of_logging_is_too_early_even_for_a_strong_effect() -> None:
    f = next_day(analyze(planted_log(1, 42, effect=-2.0)))
    assert f.label == "too_early" and not f.finding
    assert f.effect is None and f.q_value is None
    assert f.mean_with is not None and f.mean_without is not None
    assert f.mean_with < f.mean_without  # the descriptive difference is shown, not claimed
    assert f.caveat_codes == ["too_few_days"]
    assert f.weeks_more is not None and 1 <= f.weeks_more <= 6
    assert f.wording.startswith("Too early to tell: so far stiffness averaged")
    assert "more week" in f.wording


def test_the_same_effect_is_found_once_there_is_enough_data() -> None:
    f = next_day(analyze(planted_log(1, 120, effect=-2.0)))
    assert f.label == "finding"
    assert f.days_without is not None
    assert f.days_with >= 14 and f.days_without >= 14


def test_a_technique_with_too_few_days_without_is_too_early() -> None:
    events = []
    for d in range(150):
        events.append(event(d, "rating", "stiffness", 5.0 + (d % 3), "08:00"))
        if 40 <= d < 50:
            events.append(event(d, "missed", "evening massage"))
        else:
            events.append(event(d, "session", "evening massage", 20, "21:00", "min"))
    f = next_day(analyze(events))
    assert f.label == "too_early"
    assert f.days_without == 10 and f.days_with > 100
    # Four more days without, at 10 per 149 days: about 60 days.
    assert f.weeks_more == 9


def test_a_technique_never_left_out_says_an_experiment_would_tell() -> None:
    events = []
    for d in range(150):
        events.append(event(d, "rating", "stiffness", 5.0 + (d % 3), "08:00"))
        events.append(event(d, "session", "evening massage", 20, "21:00", "min"))
    f = next_day(analyze(events))
    assert f.label == "too_early" and f.days_without == 0 and f.weeks_more is None
    assert f.wording.endswith(
        "Sessions of evening massage are almost never left out, so there is nothing to compare with; an experiment would tell."
    )
