"""King's stage from ALSFRS-R (Roche 2012; Balendra 2014 mapping), as CLINICAL.md states it."""

from __future__ import annotations

import pytest

from bedside.measures.alsfrs import ALSFRSError, Assessment
from bedside.measures.staging import KINGS_STAGES, kings, kings_rank, kings_stage

WORKED = [
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], "5a", "0"),
    ([4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], "5a", "1"),
    ([3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4], "5a", "2"),
    ([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], "5b", "4A"),
    ([0, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4], "5a", "1"),
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 3, 4], "5a", "4B"),
]


@pytest.mark.parametrize(("items", "item5", "stage"), WORKED)
def test_kings_stage_matches_the_worked_example(items: list[float], item5: str, stage: str) -> None:
    assert kings_stage(Assessment.from_items(items, item5=item5)) == stage


def test_stage_0_when_only_unmapped_items_are_affected() -> None:
    # Stairs (9), dressing (6), turning (7) and orthopnea (11) are not in the mapping.
    k = kings(Assessment.from_items([4, 4, 4, 4, 4, 1, 2, 4, 0, 4, 1, 4]))
    assert k.stage == "0"
    assert k.regions == 0
    assert k.explanation == "0: no region involved by the ALSFRS-R mapping"


def test_three_regions_give_stage_3() -> None:
    k = kings(Assessment.from_items([4, 3, 4, 4, 3, 4, 4, 2, 4, 4, 4, 4]))
    assert (k.bulbar, k.upper_limb, k.lower_limb, k.stage) == (True, True, True, "3")


def test_item_5a_alone_involves_the_upper_limb() -> None:
    assert kings_stage(Assessment.from_items([4, 4, 4, 4, 3, 4, 4, 4, 4, 4, 4, 4])) == "1"


def test_4b_takes_precedence_over_4a_and_both_flags_are_kept() -> None:
    k = kings(Assessment.from_items([4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 3], item5="5b"))
    assert k.stage == "4B"
    assert k.respiratory_4b and k.nutritional_4a


def test_4b_from_item_12_below_4_even_with_dyspnea_normal() -> None:
    assert kings_stage(Assessment.from_items([4] * 11 + [3])) == "4B"


def test_dyspnea_above_0_alone_is_not_4b() -> None:
    k = kings(Assessment.from_items([4, 4, 4, 4, 4, 4, 4, 4, 4, 1, 4, 4]))
    assert k.stage == "0" and not k.respiratory_4b


def test_4a_comes_from_the_5b_form_whatever_its_score() -> None:
    k = kings(Assessment.from_items([4] * 12, item5="5b"))
    assert k.stage == "4A"
    assert k.nutritional_4a and not k.respiratory_4b
    # With 5b answered, item 5 no longer counts toward the upper limb.
    assert not k.upper_limb


def test_regions_are_still_reported_under_stage_4() -> None:
    k = kings(Assessment.from_items([2, 4, 4, 4, 4, 4, 4, 3, 4, 0, 4, 4]))
    assert k.stage == "4B"
    assert k.regions == 2


def test_half_points_are_compared_as_recorded() -> None:
    a = Assessment.from_items([4] * 11 + [3.5], half_points_allowed=True)
    assert kings_stage(a) == "4B"


def test_total_only_and_older_alsfrs_cannot_be_staged() -> None:
    with pytest.raises(ALSFRSError, match="only a total"):
        kings(Assessment.from_total(40))
    with pytest.raises(ALSFRSError, match="10-item ALSFRS"):
        kings(Assessment.from_items([4] * 10))


def test_stage_order_runs_from_0_to_4b() -> None:
    assert [kings_rank(s) for s in KINGS_STAGES] == [0, 1, 2, 3, 4, 5]
    with pytest.raises(ValueError, match="not a King's stage"):
        kings_rank("5")
