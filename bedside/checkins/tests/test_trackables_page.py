import pytest
from django.urls import reverse

from bedside.checkins.models import Trackable
from bedside.checkins.selectors import checkin_questions

from .conftest import trackable

pytestmark = pytest.mark.datalayer
LIST = reverse("checkins:trackables", args=["theo"])


def test_the_page_lists_the_questions_with_their_scales(personas, client_for):
    page = client_for(personas.coordinator).get(LIST).content.decode()
    assert "Rating 0 = no pain … 10 = worst pain" in page
    assert "Measurement, plausible 25 to 250 kg" in page


def test_adding_a_question_from_the_form(personas, client_for):
    response = client_for(personas.coordinator).post(
        reverse("checkins:trackable_add", args=["theo"]),
        {
            "name": "Cramps",
            "kind": "rating",
            "min_value": "0",
            "max_value": "10",
            "direction": "lower",
            "low_label": "",
            "high_label": "",
            "unit": "",
        },
        follow=True,
    )
    assert "Added: Cramps." in response.content.decode()
    assert checkin_questions(personas.circle)[-1].name == "Cramps"


def test_a_bad_question_is_refused_beside_its_field(personas, client_for):
    response = client_for(personas.coordinator).post(
        reverse("checkins:trackable_add", args=["theo"]),
        {
            "name": "Pain",
            "kind": "measurement",
            "min_value": "5",
            "max_value": "1",
            "direction": "neutral",
            "unit": "",
        },
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "already tracks" in page and "Give the unit" in page and "must be below the highest" in page
    )


def test_up_down_hide_and_show_buttons(personas, client_for):
    client = client_for(personas.person)
    pain = trackable(personas.circle, "pain")
    change = reverse("checkins:trackable_change", args=["theo", pain.pk])
    client.post(change, {"do": "up"})
    assert [q.key for q in checkin_questions(personas.circle)][:2] == ["pain", "stiffness"]
    response = client.post(change, {"do": "hide"}, follow=True)
    assert "Pain is hidden; its record is kept." in response.content.decode()
    assert pain not in checkin_questions(personas.circle)
    client.post(change, {"do": "show"})
    assert pain in checkin_questions(personas.circle)


def test_changing_the_scale_from_its_page_makes_version_2(personas, client_for):
    client = client_for(personas.therapist)
    pain = trackable(personas.circle, "pain")
    response = client.post(
        reverse("checkins:trackable_rescale", args=["theo", pain.pk]),
        {
            "min_value": "0",
            "max_value": "5",
            "direction": "lower",
            "low_label": "none",
            "high_label": "unbearable",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "New scale saved as version 2" in page
    assert "Version 1, since" in page and "Version 2, since" in page
    new = Trackable.objects.get(circle=personas.circle, key="pain", active=True)
    assert (new.version, new.max_value, new.high_text) == (2, 5, "unbearable")


def test_renaming_from_its_page(personas, client_for):
    client = client_for(personas.therapist)
    sleep = trackable(personas.circle, "sleep-quality")
    client.post(reverse("checkins:trackable_rename", args=["theo", sleep.pk]), {"name": "Night"})
    sleep.refresh_from_db()
    assert sleep.label == "Night"


def test_ordering_by_usual_answers_from_the_page(personas, yesterday, client_for):
    response = client_for(personas.person).post(
        reverse("checkins:checkin_order", args=["theo"]), follow=True
    )
    assert "The check-in now asks: Headache, Energy (battery), Pain" in response.content.decode()
