"""Every progression page renders for every member with a full record, and says what matters."""

import pytest
from django.urls import reverse

from .factories import url
from .seed import seed

pytestmark = pytest.mark.datalayer

PAGES = ["overview", "alsfrs_history", "joints", "breathing", "swelling", "weight"]


@pytest.fixture
def full(personas):
    seed(personas)
    return personas


@pytest.mark.parametrize("who", ["person", "coordinator", "caregiver", "therapist", "viewer"])
def test_every_summary_page_renders_for_every_member(full, client_for, who):
    client = client_for(getattr(full, who))
    for name in PAGES:
        response = client.get(url(name, full.circle))
        assert response.status_code == 200, name


def test_overview_shows_the_latest_of_everything(full, client_for):
    page = client_for(full.caregiver).get(url("overview", full.circle)).content.decode()
    assert "40 of 48" in page
    assert "King&#x27;s stage 3: 3 regions involved" in page
    assert "MiToS stage 0" in page
    assert "Next ALSFRS-R due on" in page
    assert "Left elbow lacks 20° of extension, was 30°" in page
    assert "The latest result, 38, is below 39." in page
    assert "BMI 24.3 kg/m²" in page
    assert "−6.1% (−5 kg) since the diagnosis" in page
    assert "get a medical review before any massage of that limb" in page
    assert reverse("progression:alsfrs_entry", args=[full.circle.slug]) in page


@pytest.mark.parametrize("q", [1, 5, 12, 13])
def test_entry_screens_render(full, client_for, q):
    response = client_for(full.person).get(url("alsfrs_entry", full.circle) + f"?q={q}")
    assert response.status_code == 200
    page = response.content.decode()
    assert "last time" in page or q == 13


def test_settings_and_total_pages_render_for_those_allowed(full, client_for):
    client = client_for(full.coordinator)
    assert client.get(url("settings", full.circle)).status_code == 200
    assert client.get(url("alsfrs_total", full.circle)).status_code == 200
