"""Two caregivers log the same evening at the same moment: both sessions persist.

Each caregiver is a thread with its own database connection running the real service. The first
one's transaction is held open for a second (its audit write is slowed down), so the second
writer really arrives while the first holds the write lock.

How the database is shared between threads — what works with pytest-django:

* PostgreSQL (``scripts/with-postgres``): a ``transaction=True`` test commits for real, and each
  thread opens its own connection to the test database. Nothing special is needed.
* SQLite: pytest-django's test database is ``file:memorydb_default?mode=memory&cache=shared``.
  Threads do see it, but in shared-cache mode SQLite answers a second writer at once with
  "database table is locked" — table locks bypass the busy timeout — so that set-up cannot show
  what production does (tried: the overlapping writer fails). The test therefore copies the
  test database into a temporary file (SQLite's backup API) and gives each thread a connection
  to that file with the production OPTIONS from settings: WAL, ``BEGIN IMMEDIATE`` and the
  20-second timeout. The second writer then waits for the first and both rows persist.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from django.db import close_old_connections, connection, connections

from bedside.care import services
from bedside.care.models import Occurrence, Session
from bedside.circles.days import today

from .helpers import routine

HOLD_SECONDS = 1.0


def connect_thread_to(path: Path | None) -> None:
    """Point this thread's default connection at the file copy (SQLite only)."""
    if path is None:
        return
    from django.db.backends.sqlite3.base import DatabaseWrapper

    settings = {**connection.settings_dict, "NAME": str(path)}
    connections["default"] = DatabaseWrapper(settings, "default")


def file_copy_of_test_database(tmp_path: Path) -> Path | None:
    if connection.vendor != "sqlite":
        return None
    path = tmp_path / "bedside.sqlite3"
    connection.ensure_connection()
    target = sqlite3.connect(path)
    connection.connection.backup(target)
    target.close()
    return path


def read_back(path: Path | None, occurrence_pk: int) -> tuple[list[str], str]:
    """The sessions' authors and the occurrence's status, read through a fresh connection."""
    result: dict[str, object] = {}

    def read() -> None:
        connect_thread_to(path)
        try:
            sessions = Session.objects.filter(occurrence_id=occurrence_pk)
            result["who"] = sorted(s.created_by.username for s in sessions)
            result["status"] = Occurrence.objects.get(pk=occurrence_pk).status
        finally:
            connections["default"].close()

    reader = threading.Thread(target=read)
    reader.start()
    reader.join(timeout=30)
    return result["who"], result["status"]  # type: ignore[return-value]


@pytest.mark.datalayer
@pytest.mark.django_db(transaction=True)
def test_two_caregivers_logging_at_once_both_persist(personas, tmp_path, monkeypatch):
    r = routine(personas)
    services.occurrences_ensure(personas.circle, today(personas.circle))
    occurrence_pk = Occurrence.objects.get(routine=r).pk
    path = file_copy_of_test_database(tmp_path)

    import bedside.care.services.log as log

    real_audit = log.audit

    def slow_audit(**kwargs: object) -> None:
        real_audit(**kwargs)  # type: ignore[arg-type]
        time.sleep(HOLD_SECONDS)  # still inside the service's transaction

    monkeypatch.setattr(log, "audit", slow_audit)
    actors = [personas.caregiver, personas.person]
    barrier = threading.Barrier(len(actors))
    errors: list[BaseException] = []
    spans: list[tuple[float, float]] = []

    def log_done(actor: object) -> None:
        connect_thread_to(path)
        try:
            occurrence = Occurrence.objects.get(pk=occurrence_pk)  # both see it "due"
            barrier.wait(timeout=10)
            started = time.monotonic()
            services.occurrence_done(actor=actor, occurrence=occurrence)  # type: ignore[arg-type]
            spans.append((started, time.monotonic()))
        except BaseException as error:  # reported by the assertion below
            errors.append(error)
        finally:
            connections["default"].close()

    threads = [threading.Thread(target=log_done, args=(a,)) for a in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    close_old_connections()

    assert errors == []
    (first_start, first_end), (second_start, _) = sorted(spans)
    assert second_start < first_end  # the two saves really overlapped
    who, status = read_back(path, occurrence_pk)
    assert who == ["ana", "theo"]
    assert status == "done"
