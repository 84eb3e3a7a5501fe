"""The JSON export holds everything in the circle, and no passwords or e-mail addresses."""

import datetime as dt
import json

import pytest
from django.core.management import call_command

from bedside.care.models import Routine, Technique
from bedside.circles.models import AuditEvent, Membership
from bedside.reports.exporter import circle_export_json
from bedside.reports.importer import file_import

from .samples import SAMPLE

pytestmark = pytest.mark.datalayer


@pytest.fixture
def record(personas):
    personas.coordinator.email = "maya@example.org"
    personas.coordinator.save()
    file_import(actor=personas.coordinator, circle=personas.circle, text=SAMPLE, create=True)
    Routine.objects.create(
        circle=personas.circle,
        technique=Technique.objects.get(circle=personas.circle, key="hand-massage"),
        assignee=Membership.objects.get(circle=personas.circle, user=personas.caregiver),
        schedule=Routine.Schedule.DAILY,
        time_of_day=dt.time(21, 30),
        start_date=dt.date(2026, 3, 1),
    )
    return personas


def test_the_document_has_every_section_of_the_circle(record):
    doc = circle_export_json(actor=record.coordinator, circle=record.circle)
    assert (doc["format"], doc["version"]) == ("bedside-circle", 1)
    assert doc["circle"]["slug"] == "theo" and doc["circle"]["day_boundary"] == "04:00:00"
    assert {(m["name"], m["role"]) for m in doc["members"]} >= {
        ("Maya", "coordinator"),
        ("Theo", "person"),
    }
    assert any(m["revoked_at"] for m in doc["members"])  # former members stay, marked
    assert "cold laser" in {t["name"] for t in doc["techniques"]}
    assert doc["routines"][0]["time_of_day"] == "21:30:00"
    assert {o["status"] for o in doc["occurrences"]} == {"missed", "skipped"}
    assert len(doc["sessions"]) == 5
    gun = next(s for s in doc["sessions"] if s["by_name"] == "Jo (agency)")
    assert gun["technique"] in {t["id"] for t in doc["techniques"]}
    maya = next(m["id"] for m in doc["members"] if m["username"] == "maya")
    assert gun["created_by"] == maya  # accounts appear as member ids
    assert {(r["when"], r["value"]) for r in gun["ratings"]} == {("before", 4.0), ("after", 6.0)}
    trackables = {t["id"]: t for t in doc["trackables"]}
    assert {trackables[r["trackable"]]["name"] for r in gun["ratings"]} == {"breathing ease"}
    assert {"version", "previous", "unit", "min_value"} <= set(doc["trackables"][0])
    assert len(doc["observations"]) == 7
    assert [n["text"] for n in doc["notes"]] == ["Neck pulling to the left today"]
    json.dumps(doc)  # everything is plain JSON


def test_the_document_holds_no_password_hashes_or_e_mail_addresses(record):
    text = json.dumps(circle_export_json(actor=record.coordinator, circle=record.circle))
    assert record.coordinator.password[:20] not in text
    assert "md5$" not in text and "argon2" not in text and "password" not in text
    assert "maya@example.org" not in text and "email" not in text


def test_each_export_is_audited_without_the_data(record):
    circle_export_json(actor=record.coordinator, circle=record.circle)
    event = AuditEvent.objects.filter(circle=record.circle, action="export").latest("at")
    assert (event.actor, event.target) == (record.coordinator, "json")


def test_the_command_prints_the_json_document(record, capsys):
    call_command("export", "--circle", "theo", "--format", "json")
    doc = json.loads(capsys.readouterr().out)
    assert doc["format"] == "bedside-circle" and len(doc["sessions"]) == 5


def test_the_progression_record_is_in_the_document_too(record):
    from bedside.circles.days import today
    from bedside.progression.services import alsfrs_record

    items: dict[str, object] = {str(n): 4 for n in range(1, 13)}
    items["5a"] = items.pop("5")
    items["1"] = 3
    alsfrs_record(
        actor=record.coordinator, circle=record.circle, items=items, day=today(record.circle)
    )
    doc = circle_export_json(actor=record.coordinator, circle=record.circle)
    assert len(doc["alsfrs_assessments"]) == 1
    assert 3 in doc["alsfrs_assessments"][0].values()
    assert {"joint_ranges", "breathing_tests", "report_notes", "progression_settings"} <= set(doc)
