import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404

from bedside.checkins import services
from bedside.checkins.models import Observation
from bedside.circles.days import day_of, today
from bedside.circles.models import AuditEvent, Membership

from .conftest import trackable

pytestmark = pytest.mark.datalayer


def test_the_person_answers_as_themself(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.person, circle=personas.circle, trackable=pain, value="4"
    )
    answer.refresh_from_db()
    assert (answer.value, answer.day, answer.proxy) == (4.0, today(personas.circle), False)
    assert answer.rater == Membership.objects.get(circle=personas.circle, user=personas.person)
    assert answer.by_name == "Theo"
    assert answer.has_time


def test_a_caregiver_answering_is_recorded_as_a_proxy(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.caregiver, circle=personas.circle, trackable=pain, value=7
    )
    assert answer.proxy is True
    assert answer.rater.user == personas.caregiver


def test_someone_using_the_persons_account_can_say_they_answer_for_him(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.person, circle=personas.circle, trackable=pain, value=2, for_person=True
    )
    assert answer.proxy is True


def test_answering_again_replaces_the_days_answer(personas):
    pain = trackable(personas.circle, "pain")
    services.checkin_answer(actor=personas.person, circle=personas.circle, trackable=pain, value=4)
    services.checkin_answer(
        actor=personas.caregiver, circle=personas.circle, trackable=pain, value=5
    )
    rows = Observation.objects.filter(circle=personas.circle, trackable=pain)
    assert [(r.value, r.proxy) for r in rows] == [(5.0, True)]


@pytest.mark.parametrize("value", ["11", "-1", "4.5", "", "four", "nan", "inf"])
def test_an_answer_off_the_scale_is_refused_and_nothing_saved(personas, value):
    pain = trackable(personas.circle, "pain")
    with pytest.raises(ValidationError) as error:
        services.checkin_answer(
            actor=personas.person, circle=personas.circle, trackable=pain, value=value
        )
    assert "whole number from 0 to 10" in error.value.messages[0]
    assert not Observation.objects.filter(circle=personas.circle).exists()


def test_a_measurement_is_not_a_check_in_question(personas):
    weight = trackable(personas.circle, "weight")
    with pytest.raises(ValidationError, match="measurement"):
        services.checkin_answer(
            actor=personas.person, circle=personas.circle, trackable=weight, value=5
        )


def test_another_circles_question_is_refused(personas):
    foreign = trackable(personas.other_circle, "pain")
    with pytest.raises(ValidationError):
        services.checkin_answer(
            actor=personas.person, circle=personas.circle, trackable=foreign, value=5
        )
    assert not Observation.objects.exists()


def test_a_viewer_cannot_rate(personas):
    pain = trackable(personas.circle, "pain")
    with pytest.raises(PermissionDenied):
        services.checkin_answer(
            actor=personas.viewer, circle=personas.circle, trackable=pain, value=3
        )


@pytest.mark.parametrize("who", ["outsider", "revoked"])
def test_outsiders_and_former_members_are_told_the_circle_does_not_exist(personas, who):
    pain = trackable(personas.circle, "pain")
    with pytest.raises(Http404):
        services.checkin_answer(
            actor=getattr(personas, who), circle=personas.circle, trackable=pain, value=3
        )


def test_a_day_that_has_not_begun_cannot_be_answered(personas):
    pain = trackable(personas.circle, "pain")
    with pytest.raises(ValidationError, match="not begun"):
        services.checkin_answer(
            actor=personas.person,
            circle=personas.circle,
            trackable=pain,
            value=3,
            day=today(personas.circle) + dt.timedelta(days=1),
        )


def test_an_earlier_day_keeps_its_own_date(personas):
    pain = trackable(personas.circle, "pain")
    day = today(personas.circle) - dt.timedelta(days=3)
    answer = services.checkin_answer(
        actor=personas.person, circle=personas.circle, trackable=pain, value=3, day=day
    )
    assert answer.day == day == day_of(personas.circle, answer.recorded_at)
    assert answer.has_time is False


def test_the_audit_names_the_row_not_the_answer(personas):
    pain = trackable(personas.circle, "pain")
    answer = services.checkin_answer(
        actor=personas.person, circle=personas.circle, trackable=pain, value=9
    )
    event = AuditEvent.objects.filter(action="checkin.answer").get()
    assert (event.actor, event.circle, event.target) == (
        personas.person,
        personas.circle,
        f"observation:{answer.pk}",
    )


def test_saving_several_answers_saves_all_or_none(personas, questions):
    answers = {q: 5 for q in questions}
    answers[questions[-1]] = 12
    with pytest.raises(ValidationError) as error:
        services.checkin_save(actor=personas.person, circle=personas.circle, answers=answers)
    assert len(error.value.messages) == 1
    assert not Observation.objects.exists()
    answers[questions[-1]] = 10
    saved = services.checkin_save(actor=personas.person, circle=personas.circle, answers=answers)
    assert len(saved) == len(questions) == 9
