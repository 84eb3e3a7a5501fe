import datetime as dt

import pytest
from django.http import Http404

from bedside.checkins import selectors, services
from bedside.circles.days import today

from .conftest import YESTERDAY, trackable

pytestmark = pytest.mark.datalayer


def test_observations_between_gives_the_days_asked_for_in_time_order(personas, yesterday):
    weight = trackable(personas.circle, "weight")
    services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=weight, value=70
    )
    rows = selectors.observations_between(
        circle=personas.circle, viewer=personas.viewer, start=yesterday, end=yesterday
    )
    assert len(rows) == 9 and {r.day for r in rows} == {yesterday}
    only_weight = selectors.observations_between(
        circle=personas.circle,
        viewer=personas.viewer,
        start=yesterday,
        end=today(personas.circle),
        trackable=weight,
    )
    assert [r.value for r in only_weight] == [70.0]


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_read_nothing(personas, yesterday, who):
    with pytest.raises(Http404):
        selectors.observations_between(
            circle=personas.circle, viewer=getattr(personas, who), start=yesterday, end=yesterday
        )
    with pytest.raises(Http404):
        selectors.notes_between(
            circle=personas.circle, viewer=getattr(personas, who), start=yesterday, end=yesterday
        )
    with pytest.raises(Http404):
        selectors.checkin_state(circle=personas.circle, viewer=getattr(personas, who))


def test_another_circles_rows_never_appear(personas, yesterday):
    pain = trackable(personas.other_circle, "pain")
    services.checkin_answer(
        actor=personas.outsider,
        circle=personas.other_circle,
        trackable=pain,
        value=1,
        day=yesterday,
    )
    rows = selectors.observations_between(
        circle=personas.circle, viewer=personas.person, start=yesterday, end=yesterday
    )
    assert all(r.circle_id == personas.circle.pk for r in rows)
    with pytest.raises(Http404):
        selectors.trackable_in(circle=personas.circle, viewer=personas.person, trackable_id=pain.pk)


def test_the_check_in_state_shows_todays_and_the_last_answers(personas, yesterday):
    pain = trackable(personas.circle, "pain")
    services.checkin_answer(actor=personas.person, circle=personas.circle, trackable=pain, value=2)
    state = selectors.checkin_state(circle=personas.circle, viewer=personas.viewer)
    assert state.previous_day == yesterday and state.previous_is_yesterday
    assert [q.previous_value for q in state.questions] == list(YESTERDAY.values())
    assert [q.answer_value for q in state.questions][:2] == [None, 2]
    assert (len(state.answered), state.complete, state.can_copy) == (1, False, True)
    assert state.first_open_number() == 1


def test_the_latest_answers_come_from_the_last_day_with_any(personas, yesterday):
    day, answers = selectors.latest_answers(
        circle=personas.circle, viewer=personas.viewer, before=yesterday + dt.timedelta(days=3)
    )
    assert day == yesterday
    assert sorted(int(o.value) for o in answers.values()) == sorted(YESTERDAY.values())


def test_the_person_is_named_for_proxies(personas):
    assert selectors.person_name(circle=personas.circle, viewer=personas.caregiver) == "Theo"
    assert (
        selectors.person_name(circle=personas.other_circle, viewer=personas.outsider)
        == "the person living with ALS"
    )
