import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from bedside.checkins import selectors, services
from bedside.checkins.models import Note

pytestmark = pytest.mark.datalayer


def test_a_note_belongs_to_the_circle_day_it_was_written(personas):
    at = dt.datetime(2026, 5, 2, 1, 0, tzinfo=ZoneInfo("America/Toronto"))
    note = services.note_add(
        actor=personas.caregiver, circle=personas.circle, text=" Walked stiffly ", recorded_at=at
    )
    assert (note.text, note.day, note.author.user) == (
        "Walked stiffly",
        dt.date(2026, 5, 1),
        personas.caregiver,
    )
    found = selectors.notes_between(
        circle=personas.circle,
        viewer=personas.viewer,
        start=dt.date(2026, 5, 1),
        end=dt.date(2026, 5, 1),
    )
    assert list(found) == [note]


@pytest.mark.parametrize("text", ["", "   ", "x" * 5001])
def test_an_empty_or_huge_note_is_refused(personas, text):
    with pytest.raises(ValidationError):
        services.note_add(actor=personas.caregiver, circle=personas.circle, text=text)
    assert not Note.objects.exists()


def test_only_its_writer_or_a_manager_removes_a_note(personas):
    note = services.note_add(actor=personas.caregiver, circle=personas.circle, text="Tired")
    with pytest.raises(PermissionDenied):
        services.note_remove(actor=personas.therapist, note=note)
    services.note_remove(actor=personas.person, note=note)
    assert not Note.objects.exists()
