"""On a small seeded simulation the engine finds a strong next-day effect and not the null one."""

from dataclasses import replace

from bedside.insights import analyze

from .logs import planted_log


def test_a_strong_next_day_effect_is_found_and_a_null_technique_is_not() -> None:
    analysis = analyze(planted_log(2026, 240, effect=-1.0))
    found = {(f.intervention, f.window): f for f in analysis.findings}
    massage = found[("evening massage", "next_day")]
    assert massage.finding
    assert massage.ci_low is not None and massage.ci_high is not None
    assert massage.ci_low < -1.0 < massage.ci_high
    assert massage.better == "lower" and massage.effect is not None and massage.effect < 0
    assert massage.wording.startswith(
        "Looks like it helps: stiffness is about 1.0 point lower the day after an evening massage session"
    )
    for window in ("next_day", "rest_of_week"):
        assert not found[("neck stretches", window)].finding
    assert not found[("evening massage", "rest_of_week")].finding


def test_no_findings_without_an_effect() -> None:
    analysis = analyze(planted_log(77, 240, effect=0.0))
    assert not [f for f in analysis.findings if f.finding]


def test_an_unknown_outcome_is_reported_as_higher_or_lower_in_its_own_unit() -> None:
    events = [
        replace(e, kind="measurement", name="left calf circumference", unit="cm")
        if e.kind == "rating"
        else e
        for e in planted_log(2026, 240, effect=-1.0)
    ]
    found = {(f.intervention, f.window): f for f in analyze(events).findings}
    f = found[("evening massage", "next_day")]
    assert f.finding and f.better is None and f.unit == "cm"
    assert f.wording.startswith(
        "Looks like a real difference: left calf circumference is about 1.0 cm lower the day after"
    )
    assert "help" not in f.wording and "unknown_direction" in f.caveat_codes
