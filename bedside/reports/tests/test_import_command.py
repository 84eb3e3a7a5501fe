"""``bedside import`` and ``bedside export`` on the command line."""

import io
import os
import sys

import pytest

from bedside.care.models import Session
from bedside.circles.models import AuditEvent

from .commands import run_bedside
from .samples import SAMPLE

pytestmark = pytest.mark.datalayer


def test_import_prints_what_it_wrote_and_audits_once(personas, transactional_db, tmp_path, capsys):
    path = tmp_path / "history.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    code, out, err = run_bedside(capsys, "import", str(path), "--circle", "theo", "--create")
    assert (code, err) == (0, "")
    assert out.startswith(
        "Imported 15 events (5 sessions, 1 missed, 1 skipped, 4 ratings, 3 measurements, 1 note, "
        "6 before/after ratings)."
    )
    audit = AuditEvent.objects.get(circle=personas.circle, action="import")
    # The coordinator acts when no --as is given; the record names the count, never the data.
    assert (audit.actor, audit.target) == (personas.coordinator, "events:15")


def test_import_acts_as_the_named_member(personas, transactional_db, tmp_path, capsys):
    path = tmp_path / "history.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    code, _out, _err = run_bedside(
        capsys, "import", str(path), "--circle", "theo", "--create", "--as", "theo"
    )
    assert code == 0
    assert Session.objects.filter(circle=personas.circle).first().created_by == personas.person


def test_import_reads_standard_input(personas, transactional_db, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(SAMPLE.encode())))
    code, out, _err = run_bedside(capsys, "import", "-", "--circle", "theo", "--create")
    assert code == 0 and out.startswith("Imported 15 events")


def test_export_writes_the_csv_to_standard_output_or_a_private_file(
    personas, transactional_db, tmp_path, capsys
):
    path = tmp_path / "history.csv"
    path.write_text(SAMPLE, encoding="utf-8")
    run_bedside(capsys, "import", str(path), "--circle", "theo", "--create")
    code, out, err = run_bedside(capsys, "export", "--circle", "theo", "--format", "csv")
    assert (code, out, err) == (0, SAMPLE, "")
    target = tmp_path / "out.csv"
    code, out, _err = run_bedside(capsys, "export", "--circle", "theo", "--output", str(target))
    assert (code, out) == (0, "")
    assert target.read_text(encoding="utf-8") == SAMPLE
    assert os.stat(target).st_mode & 0o077 == 0  # health data: readable by the owner only
