import pytest
from django.core.exceptions import PermissionDenied

from bedside.checkins import services
from bedside.checkins.models import Observation

from .conftest import trackable

pytestmark = pytest.mark.datalayer


def test_undo_removes_what_same_as_yesterday_copied(personas, yesterday):
    copied = services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    removed = services.checkin_undo(
        actor=personas.person, circle=personas.circle, observation_ids=[o.pk for o in copied]
    )
    assert removed == 9
    assert not Observation.objects.filter(pk__in=[o.pk for o in copied]).exists()
    assert Observation.objects.filter(day=yesterday).count() == 9


def test_undoing_twice_is_harmless(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.person, circle=personas.circle, trackable=pain, value=3
    )
    ids = [answer.pk]
    assert (
        services.checkin_undo(actor=personas.person, circle=personas.circle, observation_ids=ids)
        == 1
    )
    assert (
        services.checkin_undo(actor=personas.person, circle=personas.circle, observation_ids=ids)
        == 0
    )


def test_another_circles_ids_are_ignored(personas):
    pain = trackable(personas.other_circle, "pain")
    theirs = services.checkin_answer(
        actor=personas.outsider, circle=personas.other_circle, trackable=pain, value=3
    )
    removed = services.checkin_undo(
        actor=personas.person, circle=personas.circle, observation_ids=[theirs.pk]
    )
    assert removed == 0
    assert Observation.objects.filter(pk=theirs.pk).exists()


def test_a_caregiver_cannot_remove_the_persons_answers(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.person, circle=personas.circle, trackable=pain, value=3
    )
    with pytest.raises(PermissionDenied):
        services.checkin_undo(
            actor=personas.caregiver, circle=personas.circle, observation_ids=[answer.pk]
        )
    assert Observation.objects.filter(pk=answer.pk).exists()


def test_the_person_may_remove_a_proxys_answer(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.caregiver, circle=personas.circle, trackable=pain, value=3
    )
    assert (
        services.checkin_undo(
            actor=personas.person, circle=personas.circle, observation_ids=[answer.pk]
        )
        == 1
    )
