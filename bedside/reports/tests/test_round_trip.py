"""Importing an export reproduces the same rows, byte for byte."""

import datetime as dt
import io

import pytest

from bedside.care.models import Occurrence, Routine, Session, SessionRating, Technique
from bedside.checkins.models import Observation, Trackable
from bedside.circles.days import instant_at
from bedside.circles.models import Membership
from bedside.circles.services import circle_create
from bedside.interchange import read_events, write_events
from bedside.reports.exporter import events_export
from bedside.reports.importer import events_import

from .samples import SAMPLE

pytestmark = pytest.mark.datalayer


def export_text(actor, circle) -> str:
    out = io.StringIO()
    write_events(events_export(actor=actor, circle=circle), out)
    return out.getvalue()


def test_importing_the_sample_and_exporting_gives_the_same_file(personas):
    maya = personas.coordinator
    events_import(actor=maya, circle=personas.circle, events=read_events(SAMPLE), create=True)
    assert export_text(maya, personas.circle) == SAMPLE


def test_an_export_imported_into_an_empty_circle_exports_identically(personas):
    maya = personas.coordinator
    events_import(actor=maya, circle=personas.circle, events=read_events(SAMPLE), create=True)
    first = export_text(maya, personas.circle)
    copy = circle_create(actor=maya, name="Copy", slug="copy")
    events_import(actor=maya, circle=copy, events=read_events(first), create=True)
    assert export_text(maya, copy) == first
    # The copy really holds the rows, not just the text: who did it, proxies, before/after.
    session = Session.objects.get(circle=copy, technique__name="chest massage gun")
    assert (session.by_name, session.regions, session.pressure) == (
        "Jo (agency)",
        ["chest"],
        "light",
    )
    assert {
        (r.trackable.name, r.when, r.value) for r in SessionRating.objects.filter(session=session)
    } == {
        ("breathing ease", "before", 4.0),
        ("breathing ease", "after", 6.0),
    }
    assert Observation.objects.filter(circle=copy, proxy=True).count() == 2


def test_care_recorded_in_the_app_survives_the_round_trip(personas):
    """Rows made the way the app makes them (members, routines, occurrences) export the same."""
    maya, circle = personas.coordinator, personas.circle
    ana = Membership.objects.get(circle=circle, user=personas.caregiver)
    gun = Technique.objects.get(circle=circle, key="massage-gun")
    routine = Routine.objects.create(
        circle=circle,
        technique=gun,
        regions=["left-calf", "right-calf"],
        assignee=ana,
        schedule=Routine.Schedule.DAILY,
        time_of_day=dt.time(22, 0),
        start_date=dt.date(2026, 4, 1),
    )
    day = dt.date(2026, 4, 1)
    occurrence = Occurrence.objects.create(
        circle=circle,
        routine=routine,
        technique=gun,
        day=day,
        due_at=instant_at(circle, day, dt.time(22, 0)),
        status=Occurrence.Status.DONE,
    )
    Session.objects.create(
        circle=circle,
        technique=gun,
        routine=routine,
        occurrence=occurrence,
        day=day,
        performed_at=instant_at(circle, day, dt.time(22, 10)),
        performed_by=ana,
        minutes=10,
        regions=["left-calf", "right-calf"],
    )
    Occurrence.objects.create(
        circle=circle,
        routine=routine,
        technique=gun,
        day=day + dt.timedelta(days=1),
        due_at=instant_at(circle, day + dt.timedelta(days=1), dt.time(22, 0)),
        status=Occurrence.Status.SKIPPED,
        reason="skin red on the left calf",
        changed_by=personas.caregiver,
    )
    Observation.objects.create(
        circle=circle,
        trackable=Trackable.objects.get(circle=circle, key="stiffness"),
        value=6,
        day=day + dt.timedelta(days=1),
        recorded_at=instant_at(circle, day + dt.timedelta(days=1), dt.time(8, 45)),
        rater=Membership.objects.get(circle=circle, user=personas.person),
    )
    first = export_text(maya, circle)
    assert first.splitlines()[1:] == [
        "2026-04-01,22:10,session,massage gun,10,min,Ana,,left-calf;right-calf",
        "2026-04-02,08:45,rating,stiffness,6,0-10,Theo,,",
        "2026-04-02,22:00,skipped,massage gun,,,Ana,skin red on the left calf,",
    ]
    copy = circle_create(actor=maya, name="Copy", slug="copy")
    events_import(actor=maya, circle=copy, events=read_events(first))
    assert export_text(maya, copy) == first
