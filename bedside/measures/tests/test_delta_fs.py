"""ΔFS (Kimura 2006) at 30.44 days a month, and its two cited bandings."""

from __future__ import annotations

import math
from datetime import date

import pytest

from bedside.measures.progression import (
    BANDINGS,
    DAYS_PER_MONTH,
    KIMURA_2006,
    LABRA_2016,
    ProgressionError,
    band_delta_fs,
    delta_fs,
    months_between,
)


def test_a_month_is_30_44_days() -> None:
    assert DAYS_PER_MONTH == 30.44
    assert months_between(date(2024, 1, 1), date(2024, 1, 31)) == pytest.approx(30 / 30.44)


def test_delta_fs_by_hand() -> None:
    # 2023-03-01 → 2024-03-01 is 366 days = 12.0237 months; (48 − 36) / 12.0237 = 0.99803.
    value = delta_fs(36, date(2023, 3, 1), date(2024, 3, 1))
    assert value == pytest.approx(12 / (366 / 30.44))
    assert value == pytest.approx(0.99803, abs=1e-5)


def test_full_score_gives_zero() -> None:
    assert delta_fs(48, date(2024, 1, 1), date(2024, 6, 1)) == 0


def test_half_point_totals_are_accepted() -> None:
    assert delta_fs(47.5, date(2024, 1, 1), date(2024, 1, 31)) == pytest.approx(0.5 * 30.44 / 30)


@pytest.mark.parametrize("assessed", [date(2024, 1, 1), date(2023, 12, 31)])
def test_assessment_on_or_before_onset_is_refused(assessed: date) -> None:
    with pytest.raises(ProgressionError, match="must come after symptom onset"):
        delta_fs(40, date(2024, 1, 1), assessed)


@pytest.mark.parametrize("total", [-1, 49, 60])
def test_total_outside_0_to_48_is_refused(total: float) -> None:
    with pytest.raises(ProgressionError, match="between 0 and 48"):
        delta_fs(total, date(2023, 1, 1), date(2024, 1, 1))


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.0, "slow"),
        (0.49, "slow"),
        (0.5, "intermediate"),
        (0.99, "intermediate"),
        (1.0, "fast"),
        (3.2, "fast"),
    ],
)
def test_kimura_banding(value: float, band: str) -> None:
    assert band_delta_fs(value, KIMURA_2006) == band
    assert band_delta_fs(value, "kimura2006") == band


@pytest.mark.parametrize(
    ("value", "band"),
    [
        (0.46, "slow"),
        (0.47, "intermediate"),
        (1.0, "intermediate"),
        (1.11, "intermediate"),
        (1.12, "fast"),
    ],
)
def test_labra_banding(value: float, band: str) -> None:
    assert band_delta_fs(value, LABRA_2016) == band
    assert band_delta_fs(value, "labra2016") == band


def test_default_banding_is_kimura() -> None:
    assert band_delta_fs(1.05) == "fast"


def test_bandings_are_named_and_cited() -> None:
    assert set(BANDINGS) == {"kimura2006", "labra2016"}
    assert "Neurology. 2006" in KIMURA_2006.citation
    assert "2016" in LABRA_2016.citation


def test_unknown_banding_or_nan_is_refused() -> None:
    with pytest.raises(ProgressionError, match="unknown ΔFS banding 'x'"):
        band_delta_fs(1.0, "x")
    with pytest.raises(ProgressionError, match="not a number"):
        band_delta_fs(math.nan)
