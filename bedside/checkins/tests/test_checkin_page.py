import re

import pytest
from django.urls import reverse

from bedside.checkins.models import Observation
from bedside.circles.days import today

from .conftest import trackable

pytestmark = pytest.mark.datalayer
URL = reverse("checkins:checkin", args=["theo"])
ANSWER = reverse("checkins:answer", args=["theo"])
HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_first_screen_asks_the_first_question_with_eleven_tiles(personas, client_for):
    page = client_for(personas.person).get(URL).content.decode()
    assert '<h1 id="question"' in page and ">Stiffness</h1>" in page
    assert len(re.findall(r'class="tile[ "]', page)) == 11
    assert "0 = not stiff" in page and "10 = as stiff as can be" in page
    assert "Question 1 of 9" in page
    assert "Nothing earlier to copy" in page


def test_yesterdays_answer_is_marked_and_same_as_yesterday_is_offered(
    personas, yesterday, client_for
):
    page = client_for(personas.person).get(URL).content.decode()
    assert "Same as yesterday — nothing new" in page
    assert "Yesterday: 6" in page
    assert page.count("tile previous") == 1
    assert 'value="6" class="tile previous" data-focus-after-swap' in page


def test_a_tile_saves_the_answer_and_shows_the_next_question(personas, client_for):
    client = client_for(personas.person)
    stiffness = trackable(personas.circle, "stiffness")
    response = client.post(ANSWER, {"trackable": stiffness.pk, "value": "6"}, **HTMX)
    page = response.content.decode()
    assert response.status_code == 200
    assert Observation.objects.get(trackable=stiffness, day=today(personas.circle)).value == 6
    assert ">Pain</h1>" in page and "Question 2 of 9" in page
    assert 'hx-swap-oob="innerHTML:#announce"' in page and "Stiffness: 6 saved." in page
    assert "<html" not in page  # a fragment, not a whole page


def test_without_javascript_the_tile_posts_and_redirects_to_the_next_question(personas, client_for):
    client = client_for(personas.person)
    stiffness = trackable(personas.circle, "stiffness")
    response = client.post(ANSWER, {"trackable": stiffness.pk, "value": "6"})
    assert response.status_code == 302 and response["Location"].endswith("?q=2")
    page = client.get(response["Location"]).content.decode()
    assert ">Pain</h1>" in page and "Stiffness: 6 saved." in page


def test_after_the_last_question_the_summary_says_it_is_saved(personas, questions, client_for):
    client = client_for(personas.person)
    for q in questions:
        response = client.post(ANSWER, {"trackable": q.pk, "value": "5"}, **HTMX)
    page = response.content.decode()
    assert "Check-in saved" in page and "Mood: 5 saved. Check-in complete." in page
    assert "Undo today's answers" in page
    assert Observation.objects.filter(day=today(personas.circle)).count() == 9


def test_an_answer_off_the_scale_is_announced_and_nothing_saved(personas, client_for):
    stiffness = trackable(personas.circle, "stiffness")
    page = (
        client_for(personas.person)
        .post(ANSWER, {"trackable": stiffness.pk, "value": "12"}, **HTMX)
        .content.decode()
    )
    assert "Not saved:" in page and ">Stiffness</h1>" in page
    assert not Observation.objects.exists()


def test_back_shows_the_previous_question_with_todays_answer_marked(personas, client_for):
    client = client_for(personas.person)
    stiffness = trackable(personas.circle, "stiffness")
    client.post(ANSWER, {"trackable": stiffness.pk, "value": "6"})
    page = client.get(URL + "?q=1", **HTMX).content.decode()
    assert 'value="6" class="tile selected" data-focus-after-swap' in page
    assert "today's answer</span>" in page
    assert ">Next</a>" in page


def test_a_caregiver_sees_and_records_that_they_answer_for_theo(personas, client_for):
    client = client_for(personas.caregiver)
    assert "Answering for Theo" in client.get(URL).content.decode()
    stiffness = trackable(personas.circle, "stiffness")
    client.post(ANSWER, {"trackable": stiffness.pk, "value": "6"})
    assert Observation.objects.get().proxy is True


def test_on_theos_account_someone_else_can_say_they_answer_for_him(personas, client_for):
    client = client_for(personas.person)
    page = client.get(URL).content.decode()
    assert "Someone else is answering for Theo" in page
    client.post(reverse("checkins:proxy", args=["theo"]), {"for_person": "1", "q": "1"})
    assert "Answering for Theo" in client.get(URL).content.decode()
    stiffness = trackable(personas.circle, "stiffness")
    client.post(ANSWER, {"trackable": stiffness.pk, "value": "6"})
    assert Observation.objects.get().proxy is True
    client.post(reverse("checkins:proxy", args=["theo"]), {"for_person": "", "q": "1"})
    client.post(ANSWER, {"trackable": stiffness.pk, "value": "5"})
    assert Observation.objects.get().proxy is False


def test_a_viewer_sees_the_summary_but_cannot_rate(personas, client_for):
    client = client_for(personas.viewer)
    page = client.get(URL).content.decode()
    assert "can read the check-in but not answer it" in page
    assert 'class="tile' not in page
    stiffness = trackable(personas.circle, "stiffness")
    assert client.post(ANSWER, {"trackable": stiffness.pk, "value": "6"}).status_code == 403
    assert client.post(reverse("checkins:same", args=["theo"])).status_code == 403
    assert not Observation.objects.exists()


def test_another_circles_question_id_is_not_found(personas, client_for):
    foreign = trackable(personas.other_circle, "stiffness")
    response = client_for(personas.person).post(ANSWER, {"trackable": foreign.pk, "value": "6"})
    assert response.status_code == 404
    assert not Observation.objects.exists()


def test_undo_on_the_summary_removes_todays_answers(personas, yesterday, client_for):
    client = client_for(personas.person)
    client.post(reverse("checkins:same", args=["theo"]))
    ids = list(Observation.objects.filter(day=today(personas.circle)).values_list("pk", flat=True))
    page = client.get(URL).content.decode()
    assert "Undo the copied answers" in page
    response = client.post(
        reverse("checkins:undo", args=["theo"]), {"observation": ids}, **HTMX
    ).content.decode()
    assert "Undone: 9 answers removed." in response
    assert not Observation.objects.filter(day=today(personas.circle)).exists()
    assert ">Stiffness</h1>" in response
