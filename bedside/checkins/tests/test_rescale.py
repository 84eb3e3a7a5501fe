import datetime as dt

import pytest
from django.core.exceptions import ValidationError

from bedside.checkins import selectors, services
from bedside.checkins.models import Observation, Trackable
from bedside.circles.days import today

from .conftest import trackable

pytestmark = pytest.mark.datalayer


def test_rescaling_makes_a_new_version_and_keeps_old_answers_on_the_old_scale(personas, yesterday):
    pain = trackable(personas.circle, "pain")
    old_answer = Observation.objects.get(trackable=pain, day=yesterday)
    new = services.trackable_rescale(
        actor=personas.therapist, trackable=pain, min_value=0, max_value=5, low_label="none"
    )
    pain.refresh_from_db()
    old_answer.refresh_from_db()
    assert (new.version, new.previous, new.active, new.max_value, new.unit) == (
        2,
        pain,
        True,
        5,
        "0-5",
    )
    assert (new.key, new.label, new.position) == ("pain", "Pain", pain.position)
    assert pain.active is False
    assert old_answer.trackable == pain
    assert new in selectors.checkin_questions(personas.circle)
    assert pain not in selectors.checkin_questions(personas.circle)


def test_the_old_and_new_scales_are_never_mixed_in_a_series(personas, yesterday):
    pain = trackable(personas.circle, "pain")
    new = services.trackable_rescale(
        actor=personas.therapist, trackable=pain, min_value=0, max_value=5
    )
    services.checkin_answer(actor=personas.person, circle=personas.circle, trackable=new, value=2)
    start, end = yesterday - dt.timedelta(days=1), today(personas.circle)
    old_series = selectors.observations_between(
        circle=personas.circle, viewer=personas.viewer, start=start, end=end, trackable=pain
    )
    new_series = selectors.observations_between(
        circle=personas.circle, viewer=personas.viewer, start=start, end=end, trackable=new
    )
    assert [o.value for o in old_series] == [4.0]
    assert [o.value for o in new_series] == [2.0]


def test_the_new_scale_limits_the_answers(personas):
    pain = trackable(personas.circle, "pain")
    new = services.trackable_rescale(
        actor=personas.therapist, trackable=pain, min_value=0, max_value=5
    )
    assert new.values == [0, 1, 2, 3, 4, 5]
    with pytest.raises(ValidationError, match="from 0 to 5"):
        services.checkin_answer(
            actor=personas.person, circle=personas.circle, trackable=new, value=8
        )


def test_an_unchanged_scale_is_not_a_new_version(personas):
    pain = trackable(personas.circle, "pain")
    with pytest.raises(ValidationError, match="nothing changed"):
        services.trackable_rescale(
            actor=personas.therapist, trackable=pain, min_value=0, max_value=10
        )
    assert Trackable.objects.filter(key="pain", circle=personas.circle).count() == 1


def test_an_old_version_cannot_be_rescaled_or_shown_again(personas):
    pain = trackable(personas.circle, "pain")
    services.trackable_rescale(actor=personas.therapist, trackable=pain, min_value=0, max_value=5)
    pain.refresh_from_db()
    with pytest.raises(ValidationError):
        services.trackable_rescale(
            actor=personas.therapist, trackable=pain, min_value=1, max_value=5
        )
    with pytest.raises(ValidationError, match="newer version"):
        services.trackable_update(actor=personas.therapist, trackable=pain, active=True)
    assert pain not in selectors.hidden_trackables(circle=personas.circle, viewer=personas.viewer)


def test_a_measurement_range_change_is_a_new_version_too(personas):
    weight = trackable(personas.circle, "weight")
    new = services.trackable_rescale(
        actor=personas.therapist, trackable=weight, min_value=20, max_value=200, unit="kg"
    )
    assert (new.version, new.min_value, new.max_value) == (2, 20, 200)


def test_renaming_a_rescaled_question_renames_every_version(personas):
    pain = trackable(personas.circle, "pain")
    new = services.trackable_rescale(
        actor=personas.therapist, trackable=pain, min_value=0, max_value=5
    )
    services.trackable_update(actor=personas.therapist, trackable=new, name="Aches")
    assert set(
        Trackable.objects.filter(circle=personas.circle, key="pain").values_list("name", flat=True)
    ) == {"Aches"}
