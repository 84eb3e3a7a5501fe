import pytest
from django.urls import reverse

from bedside.checkins import services
from bedside.checkins.models import Note, Observation

from .conftest import trackable

pytestmark = pytest.mark.datalayer
RECORDS = reverse("checkins:records", args=["theo"])
MEASURE = reverse("checkins:measurements_add", args=["theo"])


def test_the_page_lists_every_measurement_with_its_unit_and_range(personas, client_for):
    page = client_for(personas.caregiver).get(RECORDS).content.decode()
    for words in [
        "Left calf circumference (cm)",
        "Plausible: 15 to 70 cm",
        "Weight (kg)",
        "Ventilator hours (h)",
    ]:
        assert words in page


def test_measurements_taken_together_are_saved_together(personas, client_for):
    left = trackable(personas.circle, "left-calf-circumference")
    right = trackable(personas.circle, "right-calf-circumference")
    response = client_for(personas.caregiver).post(
        MEASURE,
        {
            f"m{left.pk}": "36,5",
            f"m{right.pk}": "37",
            "day": "2026-01-05",
            "time": "20:30",
            "note": "after drainage",
        },
        follow=True,
    )
    assert "2 measurements saved." in response.content.decode()
    rows = Observation.objects.order_by("trackable__position")
    assert [(r.trackable, r.value, r.note) for r in rows] == [
        (left, 36.5, "after drainage"),
        (right, 37.0, "after drainage"),
    ]


def test_an_implausible_value_comes_back_with_what_was_typed_and_saves_nothing(
    personas, client_for
):
    left = trackable(personas.circle, "left-calf-circumference")
    right = trackable(personas.circle, "right-calf-circumference")
    response = client_for(personas.caregiver).post(
        MEASURE, {f"m{left.pk}": "36", f"m{right.pk}": "370", "day": "2026-01-05", "time": "20:30"}
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        "Right calf circumference must be between 15 and 70 cm; 370 cm is outside that range."
        in page
    )
    assert 'value="370"' in page and 'value="36"' in page
    assert 'aria-invalid="true"' in page
    assert not Observation.objects.exists()


def test_a_measurement_can_be_removed(personas, client_for):
    weight = trackable(personas.circle, "weight")
    row = services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=weight, value=70
    )
    client = client_for(personas.caregiver)
    response = client.post(
        reverse("checkins:observation_remove", args=["theo", row.pk]), follow=True
    )
    assert "Removed: Weight 70." in response.content.decode()
    assert not Observation.objects.exists()


def test_a_note_is_saved_and_listed(personas, client_for):
    client = client_for(personas.caregiver)
    response = client.post(
        reverse("checkins:note_add", args=["theo"]),
        {"text": "Neck stretch eased the headache"},
        follow=True,
    )
    assert "Note saved." in response.content.decode()
    assert "Neck stretch eased the headache" in response.content.decode()
    assert Note.objects.get().by_name == "Ana"


def test_an_empty_note_is_refused(personas, client_for):
    response = client_for(personas.caregiver).post(
        reverse("checkins:note_add", args=["theo"]), {"text": "  "}
    )
    assert response.status_code == 400
    assert not Note.objects.exists()


def test_a_viewer_sees_the_lists_without_forms(personas, client_for):
    weight = trackable(personas.circle, "weight")
    services.observation_record(
        actor=personas.caregiver, circle=personas.circle, trackable=weight, value=70
    )
    page = client_for(personas.viewer).get(RECORDS).content.decode()
    assert "70 kg" in page
    assert "Save measurements" not in page and "Remove" not in page
