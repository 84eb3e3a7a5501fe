"""A backup brings every row back, exactly, into an empty database; a bad file brings nothing.

Runs on SQLite and, with ``-m datalayer``, on PostgreSQL (sequences, deferred foreign keys and
the append-only audit triggers behave differently there).
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import stat
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from bedside.backups.archive import (
    BackupError,
    database_is_empty,
    digest,
    read_backup,
    restore_backup,
    write_backup,
)
from bedside.care.models import Routine, Session, Technique
from bedside.circles.models import AuditEvent, Circle, LoginFailure, User
from bedside.demo.build import demo_create

pytestmark = pytest.mark.datalayer

PASSWORD = "warm hands at night"


def rows(path: Path) -> dict[tuple[str, Any], dict[str, Any]]:
    document = json.loads(gzip.decompress(path.read_bytes()))
    return {(o["model"], o["pk"]): o["fields"] for o in document["objects"]}


def rewrite(path: Path, change: Any) -> None:
    """Edit a backup's document and write it back with a checksum that matches the edit."""
    document = json.loads(gzip.decompress(path.read_bytes()))
    change(document)
    document["sha256"] = digest(document)
    path.write_bytes(gzip.compress(json.dumps(document).encode()))


def empty_the_database() -> None:
    call_command("flush", interactive=False, verbosity=0)
    assert database_is_empty()


@pytest.fixture
def demo_backup(transactional_db: None, tmp_path: Path) -> Path:
    """The demo circle (180 days of sessions, check-ins, progression), backed up."""
    demo_create(password=PASSWORD)
    LoginFailure.objects.create(username="daniel")
    # Permissions are numbered anew by every ``migrate``: links to them must survive by name.
    claire = User.objects.get(username="claire")
    night = Group.objects.create(name="night shift")
    night.permissions.add(
        Permission.objects.get(codename="add_session", content_type__app_label="care")
    )
    claire.groups.add(night)
    claire.user_permissions.add(
        Permission.objects.get(codename="view_session", content_type__app_label="care")
    )
    path = tmp_path / "demo.json.gz"
    write_backup(path)
    return path


def test_a_restore_brings_back_every_row_exactly(demo_backup: Path, tmp_path: Path) -> None:
    before = rows(demo_backup)
    assert {model for model, _ in before} >= {
        "circles.user",
        "circles.circle",
        "circles.membership",
        "circles.auditevent",
        "care.routine",
        "care.occurrence",
        "care.session",
        "care.sessionrating",
        "checkins.observation",
        "progression.alsfrsassessment",
    }
    empty_the_database()

    restore_backup(read_backup(demo_backup))

    again = tmp_path / "again.json.gz"
    write_backup(again)
    assert rows(again) == before  # every field of every row, microseconds included


def test_after_a_restore_people_sign_in_and_new_records_get_new_numbers(
    demo_backup: Path,
) -> None:
    empty_the_database()
    restore_backup(read_backup(demo_backup))

    claire = authenticate(username="claire", password=PASSWORD)
    assert claire is not None
    assert claire.has_perm("care.view_session") and claire.has_perm("care.add_session")
    highest = Session.objects.order_by("-pk").values_list("pk", flat=True).first()
    template = Session.objects.order_by("pk").first()
    assert template is not None and highest is not None
    template.pk = None
    template.save()  # a sequence left behind would collide with a restored id on PostgreSQL
    assert template.pk > highest
    AuditEvent.objects.create(action="after restore")  # the audit trail still takes new rows


def test_sessions_and_failed_sign_ins_are_not_carried_over(demo_backup: Path) -> None:
    models = {model for model, _ in rows(demo_backup)}
    assert "sessions.session" not in models
    assert "circles.loginfailure" not in models
    assert "contenttypes.contenttype" not in models


def test_a_restore_never_overwrites_a_database_that_holds_data(demo_backup: Path) -> None:
    circles = Circle.objects.count()
    with pytest.raises(BackupError, match="already holds accounts or circles"):
        restore_backup(read_backup(demo_backup))
    assert Circle.objects.count() == circles


@pytest.mark.parametrize(
    "damage, message",
    [
        (lambda b: b[: len(b) // 2], "damaged or cut short"),
        (lambda b: b"not a backup at all", "damaged or cut short"),
        (lambda b: gzip.compress(b'{"format": "something else"}'), "is not a Bedside backup"),
        (lambda b: gzip.compress(b"[1, 2, 3]"), "is not a Bedside backup"),
        (
            lambda b: gzip.compress(gzip.decompress(b).replace(b'"weekdays"', b'"weekdayz"', 1)),
            "does not match the checksum",
        ),
    ],
    ids=["cut short", "not gzip", "another format", "not a document", "edited by hand"],
)
def test_a_damaged_file_is_refused_before_anything_is_written(
    demo_backup: Path, damage: Any, message: str
) -> None:
    demo_backup.write_bytes(damage(demo_backup.read_bytes()))
    empty_the_database()
    with pytest.raises(BackupError, match=message):
        restore_backup(read_backup(demo_backup))
    assert database_is_empty()


def test_rows_that_do_not_match_the_summary_are_refused(demo_backup: Path) -> None:
    rewrite(demo_backup, lambda d: d["objects"].pop())
    with pytest.raises(BackupError, match="does not hold the rows its summary lists"):
        read_backup(demo_backup)


def test_one_bad_row_and_nothing_is_kept(demo_backup: Path) -> None:
    def orphan(document: dict[str, Any]) -> None:
        session = next(o for o in document["objects"] if o["model"] == "care.session")
        session["fields"]["technique"] = 999_999  # a technique that is not in the file

    rewrite(demo_backup, orphan)
    empty_the_database()
    with pytest.raises(BackupError, match="nothing was kept"):
        restore_backup(read_backup(demo_backup))
    assert database_is_empty()
    assert not Technique.objects.exists()


def test_a_backup_from_a_newer_bedside_is_refused(demo_backup: Path) -> None:
    rewrite(demo_backup, lambda d: d["migrations"]["care"].append("9999_from_the_future"))
    empty_the_database()
    with pytest.raises(BackupError, match="newer Bedside.*care.9999_from_the_future"):
        restore_backup(read_backup(demo_backup))
    assert database_is_empty()


def test_the_commands_write_dated_files_keep_the_newest_and_check_a_file(
    transactional_db: None, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    demo_create(password=PASSWORD)
    folder = tmp_path / "backups"
    folder.mkdir()
    for hour in range(3):
        old = folder / f"bedside-20260101-0{hour}0000.json.gz"
        old.write_bytes(b"old")
        os.utime(old, (0, 0))

    call_command("backup", str(folder), "--keep", "2")
    out = capsys.readouterr().out
    assert "Backed up" in out and "(circles: 1, accounts: 8)" in out
    assert "Older backups removed: 2" in out
    kept = sorted(p.name for p in folder.iterdir())
    assert len(kept) == 2 and kept[0] == "bedside-20260101-020000.json.gz"
    made = folder / kept[1]
    assert dt.date.today().strftime("%Y") in made.name
    assert stat.S_IMODE(made.stat().st_mode) == 0o600  # health data: the owner only
    assert AuditEvent.objects.filter(action="backup", target=made.name).exists()

    call_command("restore", str(made), "--check")
    assert "Checksum good." in capsys.readouterr().out
    with pytest.raises(CommandError, match="already holds accounts"):
        call_command("restore", str(made))
    with pytest.raises(CommandError, match="There is no file"):
        call_command("restore", str(tmp_path / "missing.json.gz"))
    with pytest.raises(CommandError, match="--keep must be 1 or more"):
        call_command("backup", "--keep", "0")


def test_the_restore_command_restores_and_says_so(
    demo_backup: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty_the_database()
    call_command("restore", str(demo_backup))
    out = capsys.readouterr().out
    assert "Checksum good." in out and "Restored" in out
    assert User.objects.filter(username="daniel").exists()
    assert AuditEvent.objects.filter(action="restore").count() == 1


def test_a_backup_from_an_older_bedside_is_brought_forward(demo_backup: Path) -> None:
    """As if written before routines could run on listed dates (care 0002) and before What helps."""

    def older(document: dict[str, Any]) -> None:
        document["migrations"]["care"] = ["0001_initial"]
        document["migrations"].pop("helps")
        kept = []
        for row in document["objects"]:
            if row["model"].startswith("helps."):
                continue
            if row["model"] == "care.routine":
                del row["fields"]["dates"], row["fields"]["paused_dates"]
            kept.append(row)
        document["objects"] = kept
        document["counts"] = {k: v for k, v in document["counts"].items() if "helps." not in k}

    rewrite(demo_backup, older)
    empty_the_database()
    restore_backup(read_backup(demo_backup))

    routines = Routine.objects.all()
    assert routines.exists()
    assert all(r.dates == [] and r.paused_dates == [] for r in routines)  # the columns came back
    assert not MigrationExecutor(connection).migration_plan(
        MigrationExecutor(connection).loader.graph.leaf_nodes()
    )  # and the database is at this version's migrations again
