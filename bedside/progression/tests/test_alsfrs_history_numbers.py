"""The history's numbers match the pure core (bedside.measures) on known data.

The four assessments are the worked examples of CLINICAL.md (King's and MiToS table), placed
on known days after a known onset; each expected number is computed independently here."""

import datetime as dt

import pytest

from bedside.measures import (
    Assessment,
    band_delta_fs,
    delta_fs,
    kings_stage,
    mitos_stage,
    slope,
)
from bedside.progression import services, summaries

from .factories import days_ago, record, url

pytestmark = pytest.mark.datalayer

EXAMPLES = [
    # (days ago, items, item 5 form, total, King's, MiToS) — CLINICAL.md
    (400, [4] * 12, "5a", 48, "0", 0),
    (340, [4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], "5a", 46, "1", 0),
    (280, [3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4], "5a", 44, "2", 0),
    (200, [1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], "5b", 31, "4A", 1),
]


@pytest.fixture
def known(personas):
    circle = personas.circle
    circle.symptom_onset = days_ago(circle, 600)
    circle.save()
    for back, items, form, *_ in EXAMPLES:
        record(personas.therapist, circle, items, day=days_ago(circle, back), item5=form)
    return personas


def test_totals_domains_and_stages_match_the_core_and_the_worked_examples(known):
    history = summaries.alsfrs_history(known.circle, known.viewer, window="all")
    assert [r.total for r in history.rows] == [e[3] for e in EXAMPLES]
    assert [r.kings_stage for r in history.rows] == [e[4] for e in EXAMPLES]
    assert [r.mitos_stage for r in history.rows] == [e[5] for e in EXAMPLES]
    for row, (_back, items, form, *_rest) in zip(history.rows, EXAMPLES, strict=True):
        core = Assessment.from_items(items, item5=form)
        assert row.domains == core.domains()
        assert row.kings_stage == kings_stage(core)
        assert row.mitos_stage == mitos_stage(core)
    last = history.rows[-1].domains
    assert (last.bulbar, last.fine_motor, last.gross_motor, last.respiratory) == (4, 9, 8, 10)


def test_delta_fs_and_its_band_match_the_core(known):
    circle = known.circle
    history = summaries.alsfrs_history(circle, known.viewer)
    onset = circle.symptom_onset
    for row, (back, _items, _form, total, *_rest) in zip(history.rows, EXAMPLES, strict=True):
        day = days_ago(circle, back)
        expected = (48 - total) / ((day - onset).days / 30.44)
        assert row.delta_fs == pytest.approx(expected)
        assert row.delta_fs == pytest.approx(delta_fs(total, onset, day))
        assert row.delta_fs_band == band_delta_fs(expected, "kimura2006")
    # 17 points in 400 days (13.14 months): 1.29 points a month, fast in both bandings.
    assert history.latest_rate.delta_fs == pytest.approx(17 / (400 / 30.44))
    assert history.latest_rate.delta_fs_band == "fast"


def test_the_banding_is_the_circles_named_setting(known):
    circle = known.circle
    # 17 points lost in 493 days (16.2 months): ΔFS 1.05 — "fast" for Kimura (≥ 1.0),
    # "intermediate" for Labra (0.47–1.11).
    circle.symptom_onset = days_ago(circle, 200 + 493)
    circle.save()
    kimura = summaries.alsfrs_history(circle, known.viewer).latest_rate
    assert kimura.delta_fs == pytest.approx(1.0497, abs=1e-3)
    assert kimura.delta_fs_band == "fast"
    services.progression_settings_update(
        actor=known.coordinator,
        circle=circle,
        height_cm="",
        alsfrs_every_days=30,
        delta_fs_banding="labra2016",
    )
    history = summaries.alsfrs_history(circle, known.viewer)
    assert history.banding.key == "labra2016"
    assert history.latest_rate.delta_fs_band == "intermediate"
    for row in history.rows:
        assert row.delta_fs_band == band_delta_fs(row.delta_fs, "labra2016")


def test_slope_is_fitted_on_the_stated_window(known):
    circle = known.circle
    points = [(days_ago(circle, e[0]), e[3]) for e in EXAMPLES]
    everything = summaries.alsfrs_history(circle, known.viewer, window="all")
    assert everything.slope.points_per_month == pytest.approx(slope(points).points_per_month)
    assert everything.slope.n == 4
    assert everything.window.start == points[0][0]
    year = summaries.alsfrs_history(circle, known.viewer, window="12")
    inside = [p for p in points if p[0] >= summaries.add_months(days_ago(circle, 0), -12)]
    assert year.slope.n == len(inside) == 3
    assert year.slope.points_per_month == pytest.approx(slope(inside).points_per_month)
    assert year.window.months == 12
    recent = summaries.alsfrs_history(circle, known.viewer, window="3")
    assert recent.slope is None and recent.in_window == 0


def test_stage_changes_are_listed_in_order(known):
    history = summaries.alsfrs_history(known.circle, known.viewer)
    kings_changes = [(c.before, c.after) for c in history.stage_changes if c.system == "kings"]
    mitos_changes = [(c.before, c.after) for c in history.stage_changes if c.system == "mitos"]
    assert kings_changes == [("0", "1"), ("1", "2"), ("2", "4A")]
    assert mitos_changes == [("0", "1")]


def test_a_total_only_record_counts_in_the_slope_but_has_no_stages(known):
    circle = known.circle
    services.alsfrs_record_total(
        actor=known.therapist, circle=circle, total=29, day=days_ago(circle, 100)
    )
    services.alsfrs_record_total(
        actor=known.therapist,
        circle=circle,
        total=30,
        day=days_ago(circle, 90),
        instrument="ALSFRS",
    )
    history = summaries.alsfrs_history(circle, known.viewer, window="all")
    clinic, older = history.rows[-2], history.rows[-1]
    assert clinic.total == 29 and clinic.kings is None and clinic.domains is None
    assert clinic.delta_fs is not None
    assert older.instrument == "ALSFRS" and older.delta_fs is None
    assert history.slope.n == 5  # the older ALSFRS total is not mixed in
    assert history.latest_staged.total == 31


def test_without_onset_the_page_says_what_is_missing_and_links_to_settings(personas, client_for):
    record(personas.person, personas.circle, [4] * 12, day=days_ago(personas.circle, 3))
    page = client_for(personas.coordinator).get(url("alsfrs_history", personas.circle))
    text = page.content.decode()
    assert "ΔFS needs the date of the first symptoms" in text
    assert f'href="/c/{personas.circle.slug}/settings/"' in text
    caregiver_page = client_for(personas.caregiver).get(url("alsfrs_history", personas.circle))
    assert "can add it in the circle settings" in caregiver_page.content.decode()


def test_history_page_shows_the_numbers(known, client_for):
    page = client_for(known.viewer).get(url("alsfrs_history", known.circle) + "?window=all")
    text = page.content.decode()
    assert "31 of 48" in text
    assert "King&#x27;s stage 4A" in text or "King's stage 4A" in text
    assert "MiToS stage 1" in text
    assert "fast progression" in text and "Kimura F, et al. Neurology. 2006" in text
    assert "over all assessments" in text
    assert "<svg" in text and 'role="img"' in text
    assert "From 48 on" in text  # the chart's text alternative


def test_unknown_window_falls_back_to_the_default(known):
    history = summaries.alsfrs_history(known.circle, known.viewer, window="bogus")
    assert history.window.key == summaries.DEFAULT_WINDOW
    assert history.window.start == summaries.add_months(days_ago(known.circle, 0), -6)


def test_add_months_clamps_to_the_end_of_the_month():
    assert summaries.add_months(dt.date(2024, 3, 31), -1) == dt.date(2024, 2, 29)
    assert summaries.add_months(dt.date(2024, 1, 15), -13) == dt.date(2022, 12, 15)
