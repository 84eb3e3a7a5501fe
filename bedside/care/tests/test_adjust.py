"""The second activation: say how it went — minutes, pressure, regions, tolerance, ratings, note."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Occurrence, SessionRating
from bedside.checkins.models import Trackable
from bedside.circles.days import today

from .helpers import routine

pytestmark = pytest.mark.datalayer


@pytest.fixture
def session(personas):
    r = routine(personas, key="chest-massage-gun", regions=["chest"])
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    return services.occurrence_done(actor=personas.caregiver, occurrence=occurrence)


def breathing(personas):
    return Trackable.objects.get(circle=personas.circle, key="breathing-ease")


def test_adjust_form_offers_tiles_for_the_ratings_that_suit_the_technique(
    personas, client_for, session
):
    page = client_for(personas.caregiver).get(reverse("care:adjust", args=["theo", session.pk]))
    text = page.content.decode()
    assert page.status_code == 200
    b = breathing(personas)
    assert f'name="before_{b.pk}"' in text and f'name="after_{b.pk}"' in text
    assert text.count(f'name="after_{b.pk}"') == 12  # "not rated" and 0 … 10
    assert 'class="tile"' in text
    stiffness = Trackable.objects.get(circle=personas.circle, key="stiffness")
    assert f'name="after_{stiffness.pk}"' not in text  # offered via "Show all ratings"
    assert 'type="range"' not in text
    assert 'name="pressure" value="firm"' in text
    # the body map and its list update the same field, the routine's regions already ticked
    assert 'name="regions" value="chest" id="id_regions-chest" checked' in text
    assert 'for="id_regions-chest" class="bodymap-hit bodymap-hit-chest"' in text


def test_saving_the_adjust_form_records_everything(personas, client_for, session):
    b = breathing(personas)
    response = client_for(personas.caregiver).post(
        reverse("care:adjust", args=["theo", session.pk]),
        {
            "minutes": "12",
            "pressure": "light",
            "tolerance": "well",
            "regions": ["chest", "upper-back"],
            f"before_{b.pk}": "3",
            f"after_{b.pk}": "7",
            "note": "Voice clearer afterwards",
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#occ-{session.occurrence_id}")
    session.refresh_from_db()
    assert (session.minutes, session.pressure, session.tolerance) == (12, "light", "well")
    assert session.regions == ["chest", "upper-back"]
    assert session.note == "Voice clearer afterwards"
    ratings = {(r.when, r.value) for r in SessionRating.objects.filter(session=session)}
    assert ratings == {("before", 3.0), ("after", 7.0)}
    listing = client_for(personas.caregiver).get(reverse("care:tonight", args=["theo"]))
    assert "Breathing ease 3 → 7" in listing.content.decode()


def test_adjusting_again_replaces_the_ratings(personas, session):
    b = breathing(personas)
    services.session_adjust(
        actor=personas.caregiver,
        session=session,
        ratings=[services.RatingInput(b, "after", 6)],
    )
    services.session_adjust(
        actor=personas.caregiver,
        session=session,
        ratings=[services.RatingInput(b, "before", 2)],
    )
    assert list(SessionRating.objects.filter(session=session).values_list("when", "value")) == [
        ("before", 2.0)
    ]


def test_a_rating_outside_its_scale_is_refused_and_nothing_changes(personas, session):
    b = breathing(personas)
    with pytest.raises(ValidationError):
        services.session_adjust(
            actor=personas.caregiver,
            session=session,
            minutes=5,
            ratings=[services.RatingInput(b, "after", 11)],
        )
    session.refresh_from_db()
    assert session.minutes == 10
    assert not SessionRating.objects.filter(session=session).exists()


def test_a_measurement_cannot_be_given_as_a_before_after_rating(personas, session):
    weight = Trackable.objects.get(circle=personas.circle, key="weight")
    with pytest.raises(ValidationError):
        services.session_adjust(
            actor=personas.caregiver,
            session=session,
            ratings=[services.RatingInput(weight, "after", 70)],
        )


def test_a_caregiver_cannot_adjust_someone_elses_session_but_a_coordinator_can(
    personas, client_for
):
    r = routine(personas, key="hand-massage", regions=["left-hand"])
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence = Occurrence.objects.get(routine=r)
    theirs = services.occurrence_done(actor=personas.person, occurrence=occurrence)
    with pytest.raises(PermissionDenied):
        services.session_adjust(actor=personas.caregiver, session=theirs, minutes=20)
    url = reverse("care:adjust", args=["theo", theirs.pk])
    assert client_for(personas.caregiver).get(url).status_code == 403
    services.session_adjust(actor=personas.coordinator, session=theirs, minutes=20)
    theirs.refresh_from_db()
    assert theirs.minutes == 20


def test_bad_minutes_show_a_message_and_save_nothing(personas, client_for, session):
    response = client_for(personas.caregiver).post(
        reverse("care:adjust", args=["theo", session.pk]), {"minutes": "601", "pressure": "firm"}
    )
    assert response.status_code == 400
    text = response.content.decode()
    assert "Nothing was saved" in text
    assert "Ensure this value is less than or equal to 600." in text
    session.refresh_from_db()
    assert (session.minutes, session.pressure) == (10, "")
