"""A file with any bad row imports nothing and names every bad row with its line and reason."""

import pytest
from django.urls import reverse

from bedside.care.models import Occurrence, Session, SessionRating
from bedside.checkins.models import Note, Observation
from bedside.interchange import InterchangeError
from bedside.reports.importer import file_import

from .commands import run_bedside

pytestmark = pytest.mark.datalayer

HEADER = "date,time,kind,name,value,unit,by,note\n"
BAD_FILE = HEADER + (
    "2026-02-30,21:30,session,hand massage,20,min,Ana,\n"  # 2: no such date
    "2026-03-01,21:30,massage,hand massage,20,min,Ana,\n"  # 3: unknown kind
    "2026-03-01,09:00,rating,stiffness,4,0-10,Theo,\n"  # 4: fine
    "2026-03-01,09:05,measurement,weight,400,kg,Maya,\n"  # 5: outside 25–250 kg
    "2026-03-01,22:00,session,cold laser,10,min,Maya,\n"  # 6: unknown technique
    "2026-03-02,09:00,rating,stiffness,11,0-10,Theo,\n"  # 7: off the 0–10 scale
)


def nothing_written(circle) -> bool:
    return not any(
        model.objects.filter(circle=circle).exists()
        for model in (Session, SessionRating, Occurrence, Observation, Note)
    )


def test_every_bad_row_is_named_and_nothing_is_written(personas):
    with pytest.raises(InterchangeError) as refused:
        file_import(actor=personas.coordinator, circle=personas.circle, text=BAD_FILE)
    assert [e.line for e in refused.value.errors] == [2, 3, 5, 6, 7]
    reasons = {e.line: e.message for e in refused.value.errors}
    assert "2026-02-30" in reasons[2]
    assert "unknown kind 'massage'" in reasons[3]
    assert "weight 400 is outside the plausible range 25–250 kg" in reasons[5]
    assert "unknown technique “cold laser”" in reasons[6]
    assert "rating 11 out of range" in reasons[7]
    assert nothing_written(personas.circle)


def test_bad_extras_are_named_too(personas):
    text = "date,time,kind,name,value,unit,by,note,regions,pressure,before,proxy\n" + (
        "2026-03-01,21:30,session,hand massage,20,min,Ana,,left-wing,,,\n"
        "2026-03-01,21:40,session,hand massage,20,min,Ana,,,hard,,\n"
        "2026-03-01,21:50,session,hand massage,20,min,Ana,,,,happiness=4,\n"
        "2026-03-01,22:00,session,hand massage,20,min,Ana,,,,stiffness=12,\n"
        "2026-03-01,22:10,session,hand massage,20,min,Ana,,,,stiffness,\n"
        "2026-03-02,09:00,rating,stiffness,4,0-10,Maya,,,,,perhaps\n"
        "2026-03-02,09:05,rating,weight,4,0-10,Maya,,,,,\n"
        "2026-03-02,09:10,session,hand massage,12.5,min,Ana,,,,,\n"
    )
    with pytest.raises(InterchangeError) as refused:
        file_import(actor=personas.coordinator, circle=personas.circle, text=text)
    reasons = {e.line: e.message for e in refused.value.errors}
    assert "unknown body region “left-wing”" in reasons[2]
    assert "pressure “hard” is not one of: light, medium, firm" in reasons[3]
    assert "unknown trackable “happiness”" in reasons[4]
    assert "stiffness 12 is outside the plausible range 0–10" in reasons[5]
    assert "is not written like 'breathing ease=4'" in reasons[6]
    assert "proxy “perhaps” should be yes or no" in reasons[7]
    assert "“weight” is a measurement in this circle, not a rating" in reasons[8]
    assert "minutes must be a whole number, not 12.5" in reasons[9]
    assert nothing_written(personas.circle)


def test_the_command_lists_every_bad_row_on_stderr_and_fails(
    personas, transactional_db, tmp_path, capsys
):
    path = tmp_path / "bad.csv"
    path.write_text(BAD_FILE, encoding="utf-8")
    code, out, err = run_bedside(capsys, "import", str(path), "--circle", "theo")
    assert code == 1
    assert out == ""
    assert "Nothing was imported: 5 rows need fixing." in err
    for line in (2, 3, 5, 6, 7):
        assert f"line {line}: " in err
    assert "line 4" not in err
    assert "unknown technique “cold laser”" in err
    assert nothing_written(personas.circle)


def test_the_page_lists_every_bad_row_and_imports_nothing(personas, client_for):
    from django.core.files.uploadedfile import SimpleUploadedFile

    upload = SimpleUploadedFile("bad.csv", BAD_FILE.encode(), content_type="text/csv")
    response = client_for(personas.coordinator).post(
        reverse("reports:transfer", args=["theo"]), {"file": upload}
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "Nothing was imported: 5 rows need fixing." in page
    for line in (2, 3, 5, 6, 7):
        assert f"Line {line}: " in page
    assert "Line 4:" not in page
    assert nothing_written(personas.circle)
