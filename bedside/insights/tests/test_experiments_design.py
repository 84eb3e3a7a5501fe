"""Randomized schedules: balanced pairs, blocks of two weeks (at least six), reproducible."""

from __future__ import annotations

import datetime as dt

import pytest

from bedside.insights.experiments import (
    BLOCKS,
    PAIRS,
    design_blocks,
    design_pairs,
)

START = dt.date(2026, 3, 2)


def test_every_pair_of_nights_has_exactly_one_on_night() -> None:
    design = design_pairs(START, 21, seed=7)
    nights = design.nights()
    assert len(nights) == 42 and design.end == START + dt.timedelta(days=41)
    for unit in range(21):
        pair = [n for n in nights if n.unit == unit]
        assert [n.day for n in pair] == [START + dt.timedelta(days=2 * unit + i) for i in (0, 1)]
        assert sorted(n.on for n in pair) == [False, True]
        assert all(n.session == n.on for n in pair)


def test_the_order_within_pairs_is_random_not_alternating() -> None:
    orders = {design_pairs(START, 10, seed=s).order for s in range(20)}
    assert len(orders) > 15
    firsts = [on for s in range(200) for on in design_pairs(START, 10, seed=s).order]
    assert 0.4 < sum(firsts) / len(firsts) < 0.6


def test_the_same_seed_gives_the_same_schedule() -> None:
    assert design_pairs(START, 30, seed=123) == design_pairs(START, 30, seed=123)
    assert design_blocks(START, 8, seed=5) == design_blocks(START, 8, seed=5)
    assert design_pairs(START, 30, seed=123).order != design_pairs(START, 30, seed=124).order


def test_responses_to_a_pair_are_the_next_mornings() -> None:
    design = design_pairs(START, 3, seed=1)
    responses = design.responses()
    assert [r.day for r in responses] == [START + dt.timedelta(days=k) for k in range(1, 7)]
    assert [r.on for r in responses] == [n.on for n in design.nights()]


@pytest.mark.parametrize("blocks", [6, 8, 12])
def test_blocks_are_two_weeks_and_half_of_them_on(blocks):
    design = design_blocks(START, blocks, seed=3, every_days=3)
    assert design.kind == BLOCKS and design.days == 14 * blocks
    assert sum(design.order) == blocks // 2
    nights = design.nights()
    for unit in range(blocks):
        block = [n for n in nights if n.unit == unit]
        assert len(block) == 14 and len({n.on for n in block}) == 1
        sessions = [i for i, n in enumerate(block) if n.session]
        assert sessions == ([0, 3, 6, 9, 12] if design.order[unit] else [])


def test_blocks_analyse_only_the_days_after_the_wash_out() -> None:
    design = design_blocks(START, 6, seed=3)
    responses = design.responses()
    assert len(responses) == 6 * 7
    offsets = {(r.day - START).days % 14 for r in responses}
    assert offsets == set(range(7, 14))


@pytest.mark.parametrize("blocks", [2, 4, 5, 7])
def test_a_block_design_needs_an_even_number_of_at_least_six_blocks(blocks):
    with pytest.raises(ValueError):
        design_blocks(START, blocks, seed=1)


def test_units_through_counts_only_whole_pairs() -> None:
    design = design_pairs(START, 12, seed=1)
    assert design.units_through(START - dt.timedelta(days=1)) == 0
    assert design.units_through(START) == 0
    assert design.units_through(START + dt.timedelta(days=9)) == 5
    assert design.units_through(START + dt.timedelta(days=100)) == 12
    assert design.kind == PAIRS
