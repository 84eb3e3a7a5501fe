"""Settings: the name shown to the circle and built-in dwell clicking (off, or 0.5–3 s)."""

from __future__ import annotations

import re

import pytest

pytestmark = pytest.mark.datalayer


def checked_value(body: str) -> str:
    radio = re.search(r'<input type="radio" name="dwell_ms" value="(\d+)"[^>]*checked', body)
    assert radio, "no dwell choice is checked"
    return radio.group(1)


def test_visitors_must_sign_in(client, db):
    response = client.get("/settings/")
    assert response.status_code == 302 and response["Location"].startswith("/login/")


def test_dwell_clicking_is_off_by_default(personas, client_for):
    body = client_for(personas.person).get("/settings/").content.decode()
    assert checked_value(body) == "0"
    assert 'data-dwell-ms="0"' in body


def test_dwell_delays_run_from_half_a_second_to_three(personas, client_for):
    body = client_for(personas.person).get("/settings/").content.decode()
    values = re.findall(r'name="dwell_ms" value="(\d+)"', body)
    assert values == ["0", "500", "1000", "1500", "2000", "3000"]


def test_saving_stores_the_choice_and_says_so(personas, client_for):
    client = client_for(personas.person)
    response = client.post("/settings/", {"display_name": "Théo", "dwell_ms": "1500"}, follow=True)
    body = response.content.decode()
    personas.person.refresh_from_db()
    assert (personas.person.display_name, personas.person.dwell_ms) == ("Théo", 1500)
    assert re.search(r'id="announce" role="status"[^>]*>.*Settings saved\.', body)
    assert checked_value(body) == "1500"


def test_the_chosen_delay_reaches_every_page(personas, client_for):
    personas.person.dwell_ms = 2000
    personas.person.save()
    body = client_for(personas.person).get("/c/theo/").content.decode()
    assert 'data-dwell-ms="2000"' in body


@pytest.mark.parametrize("bad", ["250", "5000", "fast", ""])
def test_a_delay_outside_the_choices_is_refused_and_nothing_is_saved(personas, client_for, bad):
    response = client_for(personas.person).post(
        "/settings/", {"display_name": "X", "dwell_ms": bad}
    )
    assert response.status_code == 200
    assert 'class="errorlist' in response.content.decode()
    personas.person.refresh_from_db()
    assert (personas.person.display_name, personas.person.dwell_ms) == ("Theo", 0)


def test_the_name_field_explains_itself(personas, client_for):
    body = client_for(personas.person).get("/settings/").content.decode()
    assert 'aria-describedby="id_display_name_helptext"' in body
    assert 'id="id_display_name_helptext"' in body
