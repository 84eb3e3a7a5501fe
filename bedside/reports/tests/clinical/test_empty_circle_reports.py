"""A circle with nothing recorded gets reports that say so, and a FHIR file with the Patient only."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

import pytest

from bedside.circles.days import today
from bedside.reports.fhir.bundle import circle_bundle
from bedside.reports.pdf.clinic_report import build_clinic_report
from bedside.reports.pdf.forms import Period
from bedside.reports.pdf.pt_report import build_pt_report
from bedside.reports.pdf.render import report_pdf

from .pages import ink_outside_margins

pytestmark = pytest.mark.datalayer


def text_of(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())


@pytest.fixture
def empty(personas):
    circle = personas.other_circle  # Olga's: made with the defaults, nothing logged
    end = today(circle)
    return circle, personas.outsider, Period(end - dt.timedelta(days=89), end)


@pytest.mark.parametrize("build", [build_pt_report, build_clinic_report])
def test_empty_report_says_nothing_was_recorded(empty, build):
    circle, owner, period = empty
    context = build(circle=circle, viewer=owner, period=period)
    assert context["empty"] is True
    pdf = report_pdf(context, "a4")
    text = text_of(pdf)
    assert "Nothing was recorded in this period." in text
    assert "Another circle" in text
    assert ink_outside_margins(pdf) == []


def test_empty_period_of_a_busy_circle_is_empty_too(personas):
    from .helpers import known_circle

    known = known_circle(personas)
    # Far before any record: nothing in it, though the circle has plenty.
    period = Period(known.day(400), known.day(380))
    context = build_pt_report(circle=known.circle, viewer=personas.coordinator, period=period)
    assert context["empty"] is True
    assert context["sessions"]["count"] == 0


def test_empty_fhir_bundle_holds_only_the_patient(empty):
    circle, owner, period = empty
    bundle = circle_bundle(actor=owner, circle=circle, period=period)
    assert [e["resource"]["resourceType"] for e in bundle["entry"]] == ["Patient"]
