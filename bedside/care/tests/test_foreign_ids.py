"""An id from another circle is refused: in the address, in a form, and by the services."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from bedside.care import services
from bedside.care.models import Occurrence, Routine, Session, Technique
from bedside.checkins.models import Trackable
from bedside.circles.days import today
from bedside.circles.models import Membership

from .helpers import routine, technique

pytestmark = pytest.mark.datalayer


@pytest.fixture
def theirs(personas):
    """Olga's circle ("other") with a routine, tonight's occurrence and a session."""
    olga = personas.outsider
    other = personas.other_circle
    their_technique = Technique.objects.get(circle=other, key="massage-gun")
    r = services.routine_create(
        actor=olga,
        circle=other,
        technique=their_technique,
        schedule="daily",
        time_of_day=dt.time(21),
    )
    services.occurrences_ensure(other, today(other))
    occurrence = Occurrence.objects.get(routine=r)
    session = services.occurrence_done(actor=olga, occurrence=occurrence)
    return {
        "routine": r,
        "occurrence": occurrence,
        "session": session,
        "technique": their_technique,
    }


def test_their_ids_in_my_circles_addresses_are_not_found(personas, client_for, theirs):
    client = client_for(personas.coordinator)
    for name, obj in [
        ("done", theirs["occurrence"]),
        ("skip", theirs["occurrence"]),
        ("unskip", theirs["occurrence"]),
        ("undo", theirs["session"]),
        ("adjust", theirs["session"]),
        ("routine_end", theirs["routine"]),
        ("routine_edit", theirs["routine"]),
        ("technique_edit", theirs["technique"]),
    ]:
        response = client.post(reverse(f"care:{name}", args=["theo", obj.pk]))
        assert response.status_code == 404, name
    assert Session.objects.filter(pk=theirs["session"].pk).exists()
    theirs["routine"].refresh_from_db()
    assert theirs["routine"].active


def test_their_technique_in_my_routine_form_is_refused(personas, client_for, theirs):
    response = client_for(personas.coordinator).post(
        reverse("care:routine_new", args=["theo"]),
        {
            "technique": theirs["technique"].pk,
            "who": "anyone",
            "schedule": "daily",
            "time_of_day": "21:00",
            "start_date": today(personas.circle).isoformat(),
        },
    )
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Routine.objects.filter(circle=personas.circle).exists()


def test_a_member_of_another_circle_cannot_be_assigned(personas, client_for, theirs):
    olga = Membership.objects.get(user=personas.outsider)
    response = client_for(personas.coordinator).post(
        reverse("care:routine_new", args=["theo"]),
        {
            "technique": technique(personas).pk,
            "who": f"member:{olga.pk}",
            "schedule": "daily",
            "time_of_day": "21:00",
            "start_date": today(personas.circle).isoformat(),
        },
    )
    assert response.status_code == 400
    assert not Routine.objects.filter(circle=personas.circle).exists()
    with pytest.raises(ValidationError):
        routine(personas, assignee=olga)


def test_services_refuse_objects_of_another_circle(personas, theirs):
    with pytest.raises(ValidationError):
        services.routine_create(
            actor=personas.coordinator,
            circle=personas.circle,
            technique=theirs["technique"],
            schedule="daily",
            time_of_day=dt.time(21),
        )
    with pytest.raises(ValidationError):
        services.session_log(
            actor=personas.caregiver, circle=personas.circle, technique=theirs["technique"]
        )
    their_rating = Trackable.objects.get(circle=personas.other_circle, key="pain")
    mine = services.session_log(
        actor=personas.caregiver, circle=personas.circle, technique=technique(personas)
    )
    with pytest.raises(ValidationError):
        services.session_adjust(
            actor=personas.caregiver,
            session=mine,
            ratings=[services.RatingInput(their_rating, "after", 3)],
        )


def test_a_revoked_member_cannot_be_assigned(personas):
    rory = Membership.objects.get(circle=personas.circle, user=personas.revoked)
    with pytest.raises(ValidationError):
        routine(personas, assignee=rory)
