"""With ``create``, unknown techniques and trackables are added; without it they are errors."""

import pytest

from bedside.care.models import Session, Technique
from bedside.checkins.models import Observation, Trackable
from bedside.interchange import InterchangeError
from bedside.reports.importer import file_import

from .commands import run_bedside

pytestmark = pytest.mark.datalayer

NEW_NAMES = "date,time,kind,name,value,unit,by,note,after\n" + (
    "2026-03-03,20:00,session,cold laser,10,min,Maya,,calm=4\n"
    "2026-03-03,20:05,rating,calm,3,0-5,Theo,,\n"
    "2026-03-03,20:10,measurement,grip strength,12.5,kg,Priya,,\n"
    "2026-03-04,20:10,measurement,grip strength,12,kg,Priya,,\n"
)


def test_without_create_unknown_names_are_errors(personas):
    with pytest.raises(InterchangeError) as refused:
        file_import(actor=personas.coordinator, circle=personas.circle, text=NEW_NAMES)
    reasons = {e.line: e.message for e in refused.value.errors}
    assert "unknown technique “cold laser”" in reasons[2]
    assert "unknown trackable “calm”" in reasons[2]  # named in the after column
    assert "unknown trackable “calm”" in reasons[3]
    assert "unknown trackable “grip strength”" in reasons[4]
    assert not Technique.objects.filter(circle=personas.circle, name="cold laser").exists()


def test_create_adds_techniques_and_trackables_with_their_units(personas):
    result = file_import(
        actor=personas.coordinator, circle=personas.circle, text=NEW_NAMES, create=True
    )
    assert result.created_techniques == ["cold laser"]
    assert result.created_trackables == ["calm (0-5)", "grip strength (kg)"]
    laser = Technique.objects.get(circle=personas.circle, name="cold laser")
    assert laser.key == "" and Session.objects.filter(technique=laser).count() == 1
    calm = Trackable.objects.get(circle=personas.circle, name="calm")
    assert (calm.kind, calm.unit, calm.min_value, calm.max_value) == ("rating", "0-5", 0, 5)
    assert calm.in_checkin and calm.active
    grip = Trackable.objects.get(circle=personas.circle, name="grip strength")
    assert (grip.kind, grip.unit, grip.in_checkin) == ("measurement", "kg", False)
    assert grip.min_value <= 12 <= 12.5 <= grip.max_value
    assert Observation.objects.filter(trackable=grip).count() == 2


def test_create_still_refuses_values_outside_a_new_trackables_range(personas):
    text = "date,time,kind,name,value,unit,by,note\n2026-03-03,20:05,rating,calm,7,0-5,Theo,\n"
    with pytest.raises(InterchangeError, match="out of range"):
        file_import(actor=personas.coordinator, circle=personas.circle, text=text, create=True)
    text = "date,time,kind,name,value,unit,by,note\n2026-03-03,20:05,measurement,thigh,900,cm,,\n"
    with pytest.raises(InterchangeError, match="thigh 900 is outside the plausible range 0–300 cm"):
        file_import(actor=personas.coordinator, circle=personas.circle, text=text, create=True)
    assert not Trackable.objects.filter(circle=personas.circle, name__in=["calm", "thigh"]).exists()


def test_a_known_trackable_on_another_scale_becomes_an_extra_inactive_version(personas):
    text = "date,time,kind,name,value,unit,by,note\n2025-01-05,09:00,rating,stiffness,3,0-5,Theo,\n"
    with pytest.raises(InterchangeError, match="“stiffness” uses 0-10 in this circle, not 0-5"):
        file_import(actor=personas.coordinator, circle=personas.circle, text=text)
    file_import(actor=personas.coordinator, circle=personas.circle, text=text, create=True)
    versions = Trackable.objects.filter(circle=personas.circle, name="stiffness").order_by(
        "version"
    )
    assert [(v.version, v.unit, v.active, v.key) for v in versions] == [
        (1, "0-10", True, "stiffness"),
        (2, "0-5", False, ""),
    ]
    assert Observation.objects.get(circle=personas.circle).trackable == versions[1]


def test_the_command_creates_with_the_flag_and_names_what_it_made(
    personas, transactional_db, tmp_path, capsys
):
    path = tmp_path / "new.csv"
    path.write_text(NEW_NAMES, encoding="utf-8")
    code, _out, err = run_bedside(capsys, "import", str(path), "--circle", "theo")
    assert code == 1 and "unknown technique “cold laser”" in err
    code, out, err = run_bedside(capsys, "import", str(path), "--circle", "theo", "--create")
    assert (code, err) == (0, "")
    assert "Imported 4 events (1 session, 1 rating, 2 measurements, 1 before/after rating)." in out
    assert "New techniques: cold laser." in out
    assert "New trackables: calm (0-5), grip strength (kg)." in out
