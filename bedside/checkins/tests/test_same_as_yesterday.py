import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bedside.checkins import services
from bedside.checkins.models import Observation
from bedside.circles.days import today

from .conftest import YESTERDAY, trackable

pytestmark = pytest.mark.datalayer


def todays(circle):  # type: ignore[no-untyped-def]
    return {
        o.trackable.key: o
        for o in Observation.objects.filter(circle=circle, day=today(circle)).select_related(
            "trackable"
        )
    }


def test_same_as_yesterday_copies_every_answer(personas, yesterday):
    copied = services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    assert len(copied) == 9
    answers = todays(personas.circle)
    assert {key: o.value for key, o in answers.items()} == YESTERDAY
    assert all(o.copied and not o.proxy for o in answers.values())


def test_it_is_one_post_from_the_check_in_page(personas, yesterday, client_for):
    client = client_for(personas.person)
    response = client.post(reverse("checkins:same", args=["theo"]))
    assert response.status_code == 302
    assert {k: o.value for k, o in todays(personas.circle).items()} == YESTERDAY
    page = client.get(response["Location"]).content.decode()
    assert "Check-in saved" in page
    assert "9 answers saved" in page


def test_it_copies_from_the_latest_earlier_check_in(personas, questions, yesterday):
    older = yesterday - dt.timedelta(days=4)
    services.checkin_save(
        actor=personas.person,
        circle=personas.circle,
        answers={q: 0 for q in questions},
        day=older,
    )
    services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    assert {k: o.value for k, o in todays(personas.circle).items()} == YESTERDAY


def test_answers_already_given_today_are_kept(personas, yesterday):
    pain = trackable(personas.circle, "pain")
    services.checkin_answer(actor=personas.person, circle=personas.circle, trackable=pain, value=9)
    copied = services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    assert len(copied) == 8
    answers = todays(personas.circle)
    assert answers["pain"].value == 9 and not answers["pain"].copied
    assert answers["mood"].value == YESTERDAY["mood"]


def test_a_proxy_copying_is_recorded_as_a_proxy(personas, yesterday):
    copied = services.checkin_same_as_yesterday(actor=personas.caregiver, circle=personas.circle)
    assert all(o.proxy and o.rater.user == personas.caregiver for o in copied)


def test_with_nothing_earlier_the_message_says_so_and_nothing_is_saved(personas):
    with pytest.raises(ValidationError) as error:
        services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    assert "no earlier check-in to copy" in error.value.messages[0]
    assert not Observation.objects.exists()


def test_a_complete_check_in_has_nothing_left_to_copy(personas, yesterday):
    services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    with pytest.raises(ValidationError, match="already complete"):
        services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)


def test_an_answer_on_an_old_scale_is_not_carried_onto_the_new_one(personas, yesterday):
    pain = trackable(personas.circle, "pain")
    services.trackable_rescale(actor=personas.coordinator, trackable=pain, min_value=0, max_value=5)
    services.checkin_same_as_yesterday(actor=personas.person, circle=personas.circle)
    answers = todays(personas.circle)
    assert "pain" not in answers
    assert len(answers) == 8


def test_the_page_explains_when_there_is_nothing_to_copy(personas, client_for):
    client = client_for(personas.person)
    response = client.post(reverse("checkins:same", args=["theo"]), follow=True)
    assert "no earlier check-in to copy" in response.content.decode()
