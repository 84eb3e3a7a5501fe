"""Exported text that a spreadsheet would run as a formula is written as plain text."""

import pytest

from bedside.checkins.models import Note
from bedside.circles.services import circle_create

from .commands import run_bedside

pytestmark = pytest.mark.datalayer

HEADER = "date,time,kind,name,value,unit,by,note\n"
TEXT = HEADER + (
    '2026-03-01,12:00,note,,,,@Maya,"=HYPERLINK(""http://x.example"",""click"")"\n'
    "2026-03-01,12:05,measurement,elbow extension,-12,deg,Priya,-lying down\n"
)


def test_formulas_get_an_apostrophe_and_numbers_stay_numbers(
    personas, transactional_db, tmp_path, capsys
):
    path = tmp_path / "in.csv"
    path.write_text(TEXT, encoding="utf-8")
    assert run_bedside(capsys, "import", str(path), "--circle", "theo")[0] == 0
    code, out, _err = run_bedside(capsys, "export", "--circle", "theo")
    assert code == 0
    assert out.splitlines()[1:] == [
        '2026-03-01,12:00,note,,,,\'@Maya,"\'=HYPERLINK(""http://x.example"",""click"")"',
        "2026-03-01,12:05,measurement,elbow extension,-12,deg,Priya,'-lying down",
    ]
    assert Note.objects.get(circle=personas.circle).text.startswith("=HYPERLINK")


def test_the_apostrophe_is_removed_again_on_import(personas, transactional_db, tmp_path, capsys):
    path = tmp_path / "in.csv"
    path.write_text(TEXT, encoding="utf-8")
    run_bedside(capsys, "import", str(path), "--circle", "theo")
    first = run_bedside(capsys, "export", "--circle", "theo")[1]
    circle_create(actor=personas.coordinator, name="Copy", slug="copy")
    path.write_text(first, encoding="utf-8")
    assert run_bedside(capsys, "import", str(path), "--circle", "copy")[0] == 0
    assert run_bedside(capsys, "export", "--circle", "copy")[1] == first
    note = Note.objects.get(circle__slug="copy")
    assert (note.by_name, note.text[:10]) == ("@Maya", "=HYPERLINK")
