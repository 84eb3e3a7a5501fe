"""Properties over every possible assessment (hypothesis)."""

from __future__ import annotations

from hypothesis import assume, given
from hypothesis import strategies as st

from bedside.measures.alsfrs import Assessment
from bedside.measures.staging import kings_rank, kings_stage, mitos_stage

WHOLE = st.integers(min_value=0, max_value=4)
HALF = st.sampled_from([x / 2 for x in range(9)])


@st.composite
def assessments(draw: st.DrawFn, half_points: bool = False) -> Assessment:
    items = draw(st.lists(HALF if half_points else WHOLE, min_size=12, max_size=12))
    item5 = draw(st.sampled_from(["5a", "5b"]))
    return Assessment.from_items(items, item5=item5, half_points_allowed=half_points)


@given(assessments())
def test_total_is_the_sum_of_the_domains(a: Assessment) -> None:
    d = a.domains()
    assert a.total == d.bulbar + d.fine_motor + d.gross_motor + d.respiratory
    assert 0 <= a.total <= 48


@given(assessments(half_points=True))
def test_total_is_the_sum_of_the_domains_with_half_points(a: Assessment) -> None:
    assert a.total == a.domains().total


@given(st.booleans().flatmap(assessments), st.data())
def test_stages_never_fall_when_one_item_falls(a: Assessment, data: st.DataObject) -> None:
    # Order King's as 0 < 1 < 2 < 3 < 4A < 4B (kings_rank); MiToS is already a number.
    positions = [i for i, value in enumerate(a.items) if value > 0]
    assume(positions)
    position = data.draw(st.sampled_from(positions), label="item index")
    step = 0.5 if a.half_points_allowed else 1
    grid = [k * step for k in range(int(4 / step) + 1)]
    lower = data.draw(st.sampled_from([v for v in grid if v < a.items[position]]), label="lower")
    items = list(a.items)
    items[position] = lower
    worse = Assessment(
        items=tuple(items),
        gastrostomy=a.gastrostomy,
        half_points_allowed=a.half_points_allowed,
    )
    assert worse.total < a.total
    assert kings_rank(kings_stage(worse)) >= kings_rank(kings_stage(a))
    assert mitos_stage(worse) >= mitos_stage(a)
