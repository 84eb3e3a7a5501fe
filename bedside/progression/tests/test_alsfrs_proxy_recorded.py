"""Who answered is recorded: the person's own answers, or a proxy's (named) answers for them."""

import pytest

from bedside.progression.models import ALSFRSAssessment

from .factories import url

pytestmark = pytest.mark.datalayer

ITEMS = ["1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12"]


def full_entry(client, circle):
    for item in ITEMS:
        client.post(url("alsfrs_answer", circle), {"item": item, "value": 3})
    return client.post(url("alsfrs_save", circle), {})


def test_the_persons_own_entry_is_self_report(personas, client_for):
    full_entry(client_for(personas.person), personas.circle)
    saved = ALSFRSAssessment.objects.get()
    assert saved.proxy is False
    assert saved.rater.user == personas.person
    assert saved.by_name == "Theo"


@pytest.mark.parametrize("who", ["caregiver", "coordinator", "therapist"])
def test_anyone_else_is_recorded_as_a_proxy(personas, client_for, who):
    full_entry(client_for(getattr(personas, who)), personas.circle)
    saved = ALSFRSAssessment.objects.get()
    assert saved.proxy is True
    assert saved.rater.user == getattr(personas, who)


def test_someone_answering_on_the_persons_account_is_a_proxy(personas, client_for):
    client = client_for(personas.person)
    page = client.get(url("alsfrs_entry", personas.circle)).content.decode()
    assert "Someone else is answering for Theo" in page
    client.post(url("alsfrs_proxy", personas.circle), {"for_person": "1", "q": "1"})
    page = client.get(url("alsfrs_entry", personas.circle) + "?q=1").content.decode()
    assert "Answering for Theo" in page
    full_entry(client, personas.circle)
    assert ALSFRSAssessment.objects.get().proxy is True


def test_the_history_says_who_answered_for_the_person(personas, client_for):
    full_entry(client_for(personas.caregiver), personas.circle)
    page = client_for(personas.viewer).get(url("alsfrs_history", personas.circle)).content.decode()
    assert "Ana" in page and "(for the person)" in page
