"""Reference constants: AAOS joint ranges and breathing/voice findings (information only)."""

from __future__ import annotations

import pytest

from bedside.measures.norms import (
    BREATHING_AND_VOICE,
    JOINT_RANGE_BY_KEY,
    JOINT_RANGE_NORMS,
    SPEAKING_RATE_RANGE,
    findings_below,
)


@pytest.mark.parametrize(
    ("key", "low", "high"),
    [
        ("elbow_flexion", 0, 150),
        ("elbow_extension", 0, 0),
        ("shoulder_flexion", 0, 180),
        ("knee_flexion", 0, 135),
        ("ankle_dorsiflexion", 0, 20),
        ("ankle_plantarflexion", 0, 50),
    ],
)
def test_aaos_joint_range_norms(key: str, low: float, high: float) -> None:
    norm = JOINT_RANGE_BY_KEY[key]
    assert (norm.low, norm.high, norm.unit) == (low, high, "deg")
    assert "AAOS" in norm.source


def test_every_norm_and_threshold_names_its_source() -> None:
    assert len(JOINT_RANGE_NORMS) == 6
    assert all(t.source and t.finding for t in BREATHING_AND_VOICE)


@pytest.mark.parametrize(
    ("measure", "value", "keys"),
    [
        ("single-breath count", 41, []),
        ("single-breath count", 40, ["sbc_fvc80"]),
        ("single-breath count", 39, ["sbc_fvc80"]),
        ("single-breath count", 38, ["sbc_niv", "sbc_fvc80"]),
        ("peak cough flow", 270, []),
        ("peak cough flow", 200, ["pcf_risk"]),
        ("peak cough flow", 150, ["pcf_ineffective", "pcf_risk"]),
        ("speaking rate", 110, ["speaking_rate"]),
    ],
)
def test_findings_below_each_cut_off(measure: str, value: float, keys: list[str]) -> None:
    assert [t.key for t in findings_below(measure, value)] == keys


def test_speaking_rate_keeps_the_published_range() -> None:
    assert SPEAKING_RATE_RANGE == (100, 120)


def test_findings_are_worded_as_study_findings_not_diagnoses() -> None:
    for threshold in BREATHING_AND_VOICE:
        assert "diagnos" not in threshold.finding
        assert "you have" not in threshold.finding.lower()


def test_unknown_measure_is_refused() -> None:
    with pytest.raises(ValueError, match="no reference values for 'grip'"):
        findings_below("grip", 10)
