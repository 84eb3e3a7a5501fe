"""The generated history is plausible and carries the effects the demo promises (no database)."""

import datetime as dt
import io
import statistics
from collections import Counter, defaultdict

from bedside.demo.history import generate
from bedside.interchange import read_events, write_events

TODAY = dt.date(2026, 3, 14)
ONE_DAY = dt.timedelta(days=1)


def events():
    return generate(TODAY)


def morning(evts, name):
    return {e.date: e.value for e in evts if e.kind == "rating" and e.name == name}


def test_the_same_seed_gives_the_same_history_and_it_is_a_valid_file():
    first, second = events(), generate(TODAY)
    assert first == second
    out = io.StringIO()
    write_events(first, out)
    assert len(read_events(out.getvalue())) == len(first)


def test_it_covers_180_days_ending_yesterday():
    days = {e.date for e in events()}
    assert min(days) == TODAY - 180 * ONE_DAY
    assert max(days) == TODAY - ONE_DAY


def test_about_one_evening_in_ten_is_missed_and_some_are_skipped_with_a_reason():
    legs = Counter(e.kind for e in events() if e.name == "massage gun")
    share = (legs["missed"] + legs["skipped"]) / sum(legs.values())
    assert 0.06 <= share <= 0.2
    skipped = [e for e in events() if e.kind == "skipped"]
    assert skipped and all(e.note for e in skipped)


def test_ratings_are_whole_numbers_some_given_by_a_proxy():
    ratings = [e for e in events() if e.kind == "rating"]
    assert all(e.value == int(e.value) and 0 <= e.value <= 10 for e in ratings)
    proxies = [e for e in ratings if e.extra.get("proxy") == "yes"]
    assert 0.05 < len(proxies) / len(ratings) < 0.3
    assert {e.by for e in proxies} == {"Claire"}


def test_breathing_voice_and_energy_decline_slowly():
    evts = events()
    for name in ("breathing ease", "voice strength", "energy"):
        values = sorted(morning(evts, name).items())
        early = statistics.mean(v for _d, v in values[:30])
        late = statistics.mean(v for _d, v in values[-30:])
        assert late < early - 0.5, name


def test_the_evening_leg_massage_lowers_next_morning_stiffness_by_about_a_point():
    evts = events()
    stiffness = morning(evts, "stiffness")
    after = defaultdict(list)
    for e in evts:
        if e.name == "massage gun" and (e.date + ONE_DAY) in stiffness:
            after[e.kind == "session"].append(stiffness[e.date + ONE_DAY])
    gap = statistics.mean(after[False]) - statistics.mean(after[True])
    assert 0.6 <= gap <= 1.6, gap


def test_the_chest_massage_gun_eases_breathing_at_once_and_helps_the_voice_next_day():
    evts = events()
    chest = [e for e in evts if e.kind == "session" and e.name == "chest massage gun"]
    assert len(chest) >= 15
    first = min(e.date for e in chest)
    assert first == TODAY - 24 * ONE_DAY  # tried ad hoc three nights before it became a routine
    gains = [
        float(e.extra["after"].split("=")[1]) - float(e.extra["before"].split("=")[1])
        for e in chest
    ]
    assert statistics.mean(gains) >= 1.0


def test_neck_stretches_ease_headaches_over_the_next_days():
    evts = events()
    headache = morning(evts, "headache")
    stretched = {e.date for e in evts if e.kind == "session" and e.name == "neck stretches"}
    near = [v for d, v in headache.items() if (d - ONE_DAY) in stretched]
    far = [
        v for d, v in headache.items() if not any((d - k * ONE_DAY) in stretched for k in (1, 2, 3))
    ]
    assert statistics.mean(far) - statistics.mean(near) >= 0.8


def test_measurements_come_weekly_monthly_and_nightly():
    counts = Counter(e.name for e in events() if e.kind == "measurement")
    assert 24 <= counts["left calf circumference"] <= 27
    assert 5 <= counts["weight"] <= 7
    assert 5 <= counts["elbow extension"] <= 7
    assert counts["ventilator hours"] >= 160
    assert 5 <= sum(1 for e in events() if e.kind == "note") <= 15


def test_every_value_fits_the_circle_whatever_the_day_it_is_made():
    from bedside.checkins.catalogue import DEFAULTS

    ranges = {d.key.replace("-", " "): (d.min_value, d.max_value) for d in DEFAULTS}
    for shift in range(0, 365, 61):
        for e in generate(TODAY + shift * ONE_DAY, seed=shift):
            if e.kind in ("rating", "measurement"):
                low, high = ranges[e.name]
                assert low <= e.value <= high, (shift, e)
