"""ALSFRS-R totals, domain subscores, item 5 forms and the record kinds found in real data."""

from __future__ import annotations

import pytest

from bedside.measures.alsfrs import ALSFRSError, Assessment, Domains, Flag, Instrument

# CLINICAL.md worked examples: (items, item 5 form, expected total).
WORKED_TOTALS = [
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], "5a", 48),
    ([4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], "5a", 46),
    ([3, 4, 4, 4, 4, 4, 4, 3, 2, 4, 4, 4], "5a", 44),
    ([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], "5b", 31),
    ([0, 2, 2, 4, 4, 4, 4, 4, 4, 4, 4, 4], "5a", 40),
    ([4, 4, 4, 4, 4, 4, 4, 4, 4, 0, 3, 4], "5a", 43),
]


@pytest.mark.parametrize(("items", "item5", "total"), WORKED_TOTALS)
def test_total_matches_the_worked_example(items: list[float], item5: str, total: int) -> None:
    assert Assessment.from_items(items, item5=item5).total == total


def test_domains_split_the_items_three_by_three() -> None:
    a = Assessment.from_items([1, 2, 1, 3, 3, 3, 3, 3, 2, 3, 3, 4], item5="5b")
    assert a.domains() == Domains(bulbar=4, fine_motor=9, gross_motor=8, respiratory=10)
    assert a.domains().total == a.total == 31


def test_item_5b_counts_in_fine_motor_like_5a() -> None:
    with_5a = Assessment.from_items([4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 4], item5="5a")
    with_5b = Assessment.from_items([4, 4, 4, 4, 2, 4, 4, 4, 4, 4, 4, 4], item5="5b")
    assert with_5a.domains().fine_motor == with_5b.domains().fine_motor == 10
    assert with_5a.total == with_5b.total == 46


def test_gastrostomy_flag_comes_from_the_5b_form() -> None:
    assert Assessment.from_items([4] * 12, item5="5b").gastrostomy is True
    assert Assessment.from_items([4] * 12, item5="5b").item5_form == "5b"
    assert Assessment.from_items([4] * 12).gastrostomy is False
    assert Assessment(items=(4,) * 12).item5_form == "5a"


def test_reading_the_unanswered_item_5_form_is_refused() -> None:
    a = Assessment.from_items([4, 4, 4, 4, 1, 4, 4, 4, 4, 4, 4, 4], item5="5b")
    assert a.item("5b") == 1
    with pytest.raises(ALSFRSError, match="5a was not answered"):
        a.item("5a")


def test_an_unknown_item_5_form_is_refused() -> None:
    with pytest.raises(ALSFRSError, match='"5a" or "5b"'):
        Assessment.from_items([4] * 12, item5="5c")


@pytest.mark.parametrize(
    ("items", "message"),
    [
        (
            [4, 4, 5, 4, 4, 4, 4, 4, 4, 4, 4, 4],
            r"item 3 \(swallowing\) is 5; it must be between 0 and 4",
        ),
        ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, -1], r"item 12 .* is -1; it must be between 0 and 4"),
        ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4], "has 12 item scores .*got 11"),
        ([4] * 13, "got 13"),
        ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, float("nan")], "item 12 .* is not a number"),
        ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, True], "not a number"),
        ([4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, "4"], "not a number"),
    ],
)
def test_impossible_items_are_refused_with_a_clear_message(
    items: list[float], message: str
) -> None:
    with pytest.raises(ALSFRSError, match=message):
        Assessment.from_items(items)


def test_half_points_are_refused_unless_allowed_for_imported_data() -> None:
    items = [4, 4, 3.5, 4, 4, 4, 4, 4, 4, 4, 4, 4]
    with pytest.raises(ALSFRSError, match="half points are only accepted for imported records"):
        Assessment.from_items(items)
    imported = Assessment.from_items(items, half_points_allowed=True)
    assert imported.total == 47.5
    assert imported.domains().bulbar == 11.5
    assert imported.flags == (Flag.HALF_POINTS,)


def test_quarter_points_are_refused_even_for_imported_data() -> None:
    with pytest.raises(ALSFRSError, match="whole points"):
        Assessment.from_items([4, 4, 3.25, 4, 4, 4, 4, 4, 4, 4, 4, 4], half_points_allowed=True)


def test_whole_floats_are_read_as_whole_points() -> None:
    a = Assessment.from_items([4.0] * 12)
    assert a.total == 48 and isinstance(a.total, int)
    assert a.flags == ()


def test_total_only_record_keeps_its_source_total_and_has_no_computed_one() -> None:
    record = Assessment.from_total(37)
    assert record.total == 37
    assert record.source_total == 37
    assert record.computed_total is None
    assert record.flags == (Flag.TOTAL_ONLY,)
    assert record.gastrostomy is None and record.item5_form is None
    with pytest.raises(ALSFRSError, match="only a total"):
        record.domains()
    with pytest.raises(ALSFRSError, match="only a total"):
        record.item(1)


def test_total_only_record_outside_the_range_is_refused() -> None:
    with pytest.raises(ALSFRSError, match="the ALSFRS-R total is 49; it must be between 0 and 48"):
        Assessment.from_total(49)
    with pytest.raises(ALSFRSError, match="half points"):
        Assessment.from_total(37.5)
    assert Assessment.from_total(37.5, half_points_allowed=True).total == 37.5


def test_a_record_with_neither_items_nor_total_is_refused() -> None:
    with pytest.raises(ALSFRSError, match="either item scores or a total"):
        Assessment()


def test_source_total_is_kept_apart_and_a_mismatch_is_flagged() -> None:
    a = Assessment.from_items([4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], source_total=45)
    assert a.computed_total == 46
    assert a.source_total == 45
    assert a.total == 46  # the item sum wins; the source total stays for review
    assert a.flags == (Flag.SOURCE_TOTAL_MISMATCH,)
    agreeing = Assessment.from_items([4, 4, 4, 3, 3, 4, 4, 4, 4, 4, 4, 4], source_total=46)
    assert agreeing.flags == ()


def test_older_ten_item_alsfrs_is_recognised_and_flagged() -> None:
    older = Assessment.from_items([4, 4, 4, 4, 4, 4, 4, 3, 3, 2])
    assert older.instrument is Instrument.ALSFRS
    assert older.max_total == 40
    assert older.total == 36
    assert Flag.OLDER_ALSFRS in older.flags
    domains = older.domains()
    assert (domains.respiratory, domains.respiratory_max) == (2, 4)
    assert domains.total == 36


def test_older_alsfrs_total_only_must_stay_within_40() -> None:
    record = Assessment.from_total(38, instrument=Instrument.ALSFRS)
    assert record.flags == (Flag.OLDER_ALSFRS, Flag.TOTAL_ONLY)
    with pytest.raises(ALSFRSError, match="between 0 and 40"):
        Assessment.from_total(41, instrument=Instrument.ALSFRS)


def test_item_numbers_outside_the_scale_are_refused() -> None:
    with pytest.raises(ALSFRSError, match="item 13 does not exist"):
        Assessment.from_items([4] * 12).item(13)
    with pytest.raises(ALSFRSError, match="item 11 does not exist in the ALSFRS"):
        Assessment.from_items([4] * 10).item(11)


def test_an_assessment_cannot_be_changed_after_it_is_made() -> None:
    a = Assessment.from_items([4] * 12)
    with pytest.raises(AttributeError):
        a.items = (0,) * 12  # type: ignore[misc]
