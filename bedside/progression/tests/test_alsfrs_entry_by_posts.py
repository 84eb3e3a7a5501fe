"""The ALSFRS-R entry, driven by POSTs as a browser without JavaScript would: one activation
(one POST) per item and one for Save."""

import pytest

from bedside.progression.models import ALSFRSAssessment, ALSFRSDraft

from .factories import url

pytestmark = pytest.mark.datalayer


def answer(client, circle, item, value, **extra):
    return client.post(url("alsfrs_answer", circle), {"item": item, "value": value}, **extra)


def test_full_entry_is_twelve_answers_and_one_save(personas, client_for):
    client = client_for(personas.person)
    circle = personas.circle
    posts = 0
    for item, value in zip(
        ["1", "2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12"],
        [4, 3, 4, 3, 3, 4, 4, 3, 2, 4, 4, 4],
        strict=True,
    ):
        response = answer(client, circle, item, value)
        posts += 1
        assert response.status_code == 302
    assert not ALSFRSAssessment.objects.exists(), "answers are kept in a draft until Save"
    response = client.post(url("alsfrs_save", circle), {"day": "", "note": ""})
    posts += 1
    assert posts == 13
    assert response.status_code == 302
    assert response["Location"] == url("alsfrs_history", circle)
    saved = ALSFRSAssessment.objects.get(circle=circle)
    assert saved.items == (4, 3, 4, 3, 3, 4, 4, 3, 2, 4, 4, 4)
    assert saved.item5_form == "5a"
    assert saved.assessment().total == 42
    assert not ALSFRSDraft.objects.exists()


def test_each_answer_moves_to_the_next_screen(personas, client_for):
    client = client_for(personas.person)
    response = answer(client, personas.circle, "3", 2)
    assert response["Location"].endswith("?q=4")
    response = answer(client, personas.circle, "12", 4)
    assert response["Location"].endswith("?q=13")


def test_item_five_with_a_feeding_tube_is_one_activation(personas, client_for):
    client = client_for(personas.person)
    page = client.get(url("alsfrs_entry", personas.circle) + "?q=5").content.decode()
    assert 'name="item" value="5a"' in page and 'name="item" value="5b"' in page
    answer(client, personas.circle, "5b", 2)
    draft = ALSFRSDraft.objects.get()
    assert draft.item5_form == "5b" and draft.answers["5"] == 2
    answer(client, personas.circle, "5a", 3)  # a change of mind replaces it
    draft.refresh_from_db()
    assert draft.item5_form == "5a" and draft.answers["5"] == 3


def test_answer_tiles_are_submit_buttons_that_work_without_javascript(personas, client_for):
    page = client_for(personas.person).get(url("alsfrs_entry", personas.circle)).content.decode()
    assert page.count('type="submit" name="value"') == 5
    assert 'class="patient"' in page
    assert "Talks as before" in page  # our own paraphrase, shown on the tile


def test_htmx_answer_returns_the_next_screen_and_announces_it(personas, client_for):
    client = client_for(personas.person)
    response = answer(client, personas.circle, "1", 4, HTTP_HX_REQUEST="true")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'data-step="2"' in page
    assert 'hx-swap-oob="innerHTML:#announce"' in page
    assert "Speech: 4, Talks as before." in page


def test_entry_resumes_at_the_first_open_item(personas, client_for):
    client = client_for(personas.person)
    for item in ["1", "2", "3"]:
        answer(client, personas.circle, item, 4)
    page = client.get(url("alsfrs_entry", personas.circle)).content.decode()
    assert 'data-step="4"' in page


def test_summary_offers_save_only_when_every_item_is_answered(personas, client_for):
    client = client_for(personas.person)
    answer(client, personas.circle, "1", 4)
    page = client.get(url("alsfrs_entry", personas.circle) + "?q=13").content.decode()
    assert "Save the ALSFRS-R" not in page
    assert "1 of 12 answered" in page
    for item in ["2", "3", "4", "5a", "6", "7", "8", "9", "10", "11", "12"]:
        answer(client, personas.circle, item, 4)
    page = client.get(url("alsfrs_entry", personas.circle) + "?q=13").content.decode()
    assert "Save the ALSFRS-R" in page
    assert "Total 48 of 48" in page


def test_each_member_has_their_own_draft(personas, client_for):
    answer(client_for(personas.person), personas.circle, "1", 2)
    answer(client_for(personas.caregiver), personas.circle, "1", 3)
    assert sorted(d.answers["1"] for d in ALSFRSDraft.objects.all()) == [2, 3]


def test_start_over_clears_the_draft_only(personas, client_for):
    client = client_for(personas.person)
    answer(client, personas.circle, "1", 2)
    response = client.post(url("alsfrs_discard", personas.circle))
    assert response.status_code == 302
    assert not ALSFRSDraft.objects.exists()
