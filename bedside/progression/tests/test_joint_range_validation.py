"""Joint range entries: angles −30…200°, start before end unless hyperextension is explained,
movements that fit the joint, a side for limbs — refused clearly, nothing saved."""

import pytest
from django.core.exceptions import ValidationError

from bedside.progression import services
from bedside.progression.models import JointRange

from .factories import url

pytestmark = pytest.mark.datalayer


def entry(personas, **changes):
    values = dict(
        actor=personas.therapist,
        circle=personas.circle,
        day=None,
        joint="elbow",
        motion="flexion",
        side="left",
        method="passive",
        position="sitting",
        start_deg=20,
        end_deg=140,
    )
    return services.joint_range_record(**(values | changes))


def test_a_good_measurement_is_saved_with_who_measured(personas):
    row = entry(personas, by_name="Priya (physiotherapist)")
    assert (row.start_deg, row.end_deg, row.by_name) == (20, 140, "Priya (physiotherapist)")
    assert row.measured_by.user == personas.therapist


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"start_deg": -31}, "The start angle must be a number from -30 to 200 °"),
        ({"end_deg": 201}, "The end angle must be a number from -30 to 200 °"),
        ({"end_deg": "lots"}, "The end angle must be a number"),
        ({"start_deg": 150, "end_deg": 140}, "is past the end"),
        ({"motion": "abduction"}, "Abduction is not measured at the elbow"),
        ({"joint": "tail"}, "Choose a joint from the list."),
        ({"side": "none"}, "Say which side"),
        ({"method": "magic"}, "Choose active or passive."),
        ({"position": "upside_down"}, "Choose the position"),
    ],
)
def test_bad_values_are_refused_and_nothing_is_saved(personas, changes, message):
    with pytest.raises(ValidationError) as refused:
        entry(personas, **changes)
    assert message in " ".join(refused.value.messages)
    assert not JointRange.objects.exists()


def test_start_past_end_needs_hyperextension_and_a_note(personas):
    with pytest.raises(ValidationError, match="Describe the hyperextension"):
        entry(personas, joint="knee", start_deg=5, end_deg=-10, hyperextension=True)
    row = entry(
        personas, joint="knee", start_deg=5, end_deg=-10, hyperextension=True, note="recurvatum"
    )
    assert row.hyperextension is True


def test_the_neck_may_have_no_side(personas):
    row = entry(personas, joint="neck", motion="rotation", side="none", start_deg=0, end_deg=60)
    assert row.side == "none"


def test_the_form_shows_every_problem_and_keeps_nothing(personas, client_for):
    response = client_for(personas.therapist).post(
        url("joints", personas.circle),
        {
            "day": "",
            "joint_motion": "elbow:flexion",
            "side": "left",
            "method": "passive",
            "position": "sitting",
            "start_deg": "-40",
            "end_deg": "250",
        },
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "The start angle must be" in page and "The end angle must be" in page
    assert not JointRange.objects.exists()


def test_the_form_accepts_a_french_decimal(personas, client_for):
    response = client_for(personas.therapist).post(
        url("joints", personas.circle),
        {
            "day": "",
            "joint_motion": "knee:flexion",
            "side": "right",
            "method": "active",
            "position": "lying_back",
            "start_deg": "7,5",
            "end_deg": "120",
        },
    )
    assert response.status_code == 302
    assert JointRange.objects.get().start_deg == 7.5
