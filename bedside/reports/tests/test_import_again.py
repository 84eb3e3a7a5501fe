"""Importing a file again, or the export of an imported file, does not double the log."""

import io

import pytest
from django.utils import translation

from bedside.care.models import Occurrence, Session
from bedside.checkins.models import Note, Observation
from bedside.interchange import read_events, write_events
from bedside.reports.exporter import events_export
from bedside.reports.importer import events_import, import_summary

from .samples import HEADER, SAMPLE

pytestmark = pytest.mark.datalayer


def counts(circle) -> tuple[int, int, int, int]:
    return (
        Session.objects.filter(circle=circle).count(),
        Occurrence.objects.filter(circle=circle).count(),
        Observation.objects.filter(circle=circle).count(),
        Note.objects.filter(circle=circle).count(),
    )


def test_the_same_file_twice_adds_nothing_the_second_time(personas):
    maya, circle = personas.coordinator, personas.circle
    first = events_import(actor=maya, circle=circle, events=read_events(SAMPLE), create=True)
    after_first = counts(circle)
    again = events_import(actor=maya, circle=circle, events=read_events(SAMPLE), create=True)
    assert counts(circle) == after_first
    assert again.events == 0 and again.already == first.events == 15
    assert import_summary(again) == (
        "Nothing new to import. 15 rows were already in the log and were not added again."
    )
    with translation.override("fr-ca"):
        assert import_summary(again) == (
            "Rien de nouveau à importer. 15 lignes étaient déjà dans le journal et n'ont pas "
            "été ajoutées de nouveau."
        )


def test_the_export_of_the_log_imported_back_adds_nothing(personas):
    maya, circle = personas.coordinator, personas.circle
    events_import(actor=maya, circle=circle, events=read_events(SAMPLE), create=True)
    before = counts(circle)
    out = io.StringIO()
    write_events(events_export(actor=maya, circle=circle), out)
    again = events_import(actor=maya, circle=circle, events=read_events(out.getvalue()))
    assert counts(circle) == before and again.events == 0


def test_only_the_new_rows_of_a_longer_file_are_written(personas):
    maya, circle = personas.coordinator, personas.circle
    events_import(actor=maya, circle=circle, events=read_events(SAMPLE), create=True)
    longer = SAMPLE + (
        "2026-03-04,09:00,rating,stiffness,6,0-10,Theo,,,,,,,\n"
        "2026-03-04,21:30,session,hand massage,15,min,Ana,,,,light,,left-hand,well\n"
    )
    result = events_import(actor=maya, circle=circle, events=read_events(longer), create=True)
    assert (result.events, result.already, result.ratings, result.sessions) == (2, 15, 1, 1)
    assert "Imported 2 events" in import_summary(result)


def test_two_identical_rows_in_one_file_are_two_sessions(personas):
    """Two untimed 10-minute massage-gun sessions on one day are two sessions, every time the
    file is imported: copies are counted, not merged."""
    maya, circle = personas.coordinator, personas.circle
    row = "2026-03-05,,session,massage gun,10,min,Ana,,,,,,,\n"
    text = HEADER + row + row
    assert events_import(actor=maya, circle=circle, events=read_events(text)).sessions == 2
    assert events_import(actor=maya, circle=circle, events=read_events(text)).already == 2
    one_more = events_import(actor=maya, circle=circle, events=read_events(HEADER + row * 3))
    assert (one_more.sessions, one_more.already) == (1, 2)
    assert Session.objects.filter(circle=circle, technique__name="massage gun").count() == 3


def test_a_different_value_or_minute_is_a_new_row(personas):
    maya, circle = personas.coordinator, personas.circle
    events_import(
        actor=maya,
        circle=circle,
        events=read_events(HEADER + "2026-03-06,09:00,rating,stiffness,5,0-10,Theo,,,,,,,\n"),
    )
    changed = HEADER + (
        "2026-03-06,09:00,rating,stiffness,6,0-10,Theo,,,,,,,\n"
        "2026-03-06,09:01,rating,stiffness,5,0-10,Theo,,,,,,,\n"
    )
    result = events_import(actor=maya, circle=circle, events=read_events(changed))
    assert (result.ratings, result.already) == (2, 0)
