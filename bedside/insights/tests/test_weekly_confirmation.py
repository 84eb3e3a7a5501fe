"""A finding must hold on the analysis of one week earlier too: the What helps page is re-run
every week, and repeated looks are peeking. ``confirm=False`` is a single look."""

from bedside.insights import Finding, analyze

from .logs import planted_log


def massage(days: int, *, confirm: bool = True) -> Finding:
    analysis = analyze(planted_log(3, days, effect=-2.0), confirm=confirm)
    return next(
        f
        for f in analysis.findings
        if f.intervention == "evening massage" and f.window == "next_day"
    )


def test_a_result_seen_for_the_first_time_is_a_maybe_new_this_week() -> None:
    f = massage(63)  # a week earlier the log was still too short to analyse
    assert f.label == "maybe" and not f.finding
    assert f.caveat_codes == ["new_this_week"]
    assert f.wording.endswith(
        "It appeared this week; if it still holds next week it will be shown as a finding."
    )


def test_it_becomes_a_finding_once_it_has_held_for_a_week() -> None:
    assert massage(70).finding


def test_a_single_look_can_be_asked_for() -> None:
    assert massage(63, confirm=False).finding
    default = analyze(planted_log(3, 63, effect=-2.0))  # the default holds it back, as the page
    assert not any(f.finding and f.intervention == "evening massage" for f in default.findings)
