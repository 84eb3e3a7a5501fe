"""MiToS stage from ALSFRS-R (Chiò 2015, Table 1), communication with AND."""

from __future__ import annotations

import pytest

from bedside.measures.alsfrs import ALSFRSError, Assessment
from bedside.measures.staging import MITOS_DEATH, mitos, mitos_stage

WORKED = [
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], "5a", 0),
    ([4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], "5a", 0),
    ([3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4], "5a", 0),
    ([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], "5b", 1),
    ([0, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4], "5a", 0),
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 3, 4], "5a", 1),
]


def items_with(**changes: float) -> list[float]:
    """All-normal items with some changed: items_with(i1=1, i4=0)."""
    items: list[float] = [4] * 12
    for name, value in changes.items():
        items[int(name[1:]) - 1] = value
    return items


@pytest.mark.parametrize(("items", "item5", "stage"), WORKED)
def test_mitos_stage_matches_the_worked_example(items: list[float], item5: str, stage: int) -> None:
    assert mitos_stage(Assessment.from_items(items, item5=item5)) == stage


def test_communicating_needs_both_speech_and_handwriting_lost() -> None:
    assert not mitos(Assessment.from_items(items_with(i1=0))).communicating
    assert not mitos(Assessment.from_items(items_with(i4=1))).communicating
    assert mitos(Assessment.from_items(items_with(i1=1, i4=1))).communicating
    assert mitos_stage(Assessment.from_items(items_with(i1=0, i4=0))) == 1


@pytest.mark.parametrize(
    ("changes", "domain"),
    [
        ({"i8": 1}, "movement"),
        ({"i6": 0}, "movement"),
        ({"i3": 1}, "swallowing"),
        ({"i10": 1}, "breathing"),
        ({"i12": 2}, "breathing"),
    ],
)
def test_each_domain_is_lost_at_its_threshold(changes: dict[str, float], domain: str) -> None:
    m = mitos(Assessment.from_items(items_with(**changes)))
    assert m.lost == (domain,)
    assert m.stage == 1


@pytest.mark.parametrize("changes", [{"i8": 2}, {"i6": 2}, {"i3": 2}, {"i10": 2}, {"i12": 3}])
def test_one_point_above_each_threshold_loses_nothing(changes: dict[str, float]) -> None:
    assert mitos_stage(Assessment.from_items(items_with(**changes))) == 0


def test_all_four_domains_lost_is_stage_4() -> None:
    m = mitos(Assessment.from_items([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0], item5="5b"))
    assert m.stage == 4
    assert m.lost == ("movement", "swallowing", "communicating", "breathing")
    assert MITOS_DEATH == 5


def test_half_point_above_a_threshold_is_not_lost() -> None:
    a = Assessment.from_items(items_with(i3=1.5), half_points_allowed=True)
    assert not mitos(a).swallowing


def test_total_only_and_older_alsfrs_cannot_be_staged() -> None:
    with pytest.raises(ALSFRSError, match="only a total"):
        mitos(Assessment.from_total(20))
    with pytest.raises(ALSFRSError, match="10-item ALSFRS"):
        mitos(Assessment.from_items([4] * 10))
