"""The demo family's reports and FHIR file: they render, stay on the page, and validate.

The demo circle (with six months of progression records) is built once for this module and
each report is rendered once; the tests look at the same files.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
import time
from collections import Counter
from pathlib import Path

import pytest

from bedside.circles.days import today
from bedside.circles.models import User
from bedside.reports.fhir.bundle import circle_bundle, validate
from bedside.reports.pdf.clinic_report import build_clinic_report
from bedside.reports.pdf.forms import Period
from bedside.reports.pdf.notes import report_note_save
from bedside.reports.pdf.pt_report import build_pt_report
from bedside.reports.pdf.render import layout, page_css, render_pdf, report_html

from .demo import demo_module
from .pages import boxes_outside_page_area, ink_outside_margins

# Words no line can break at, to prove that long user text wraps instead of running off.
LONG_WORD = "https://example.org/" + "a-very-long-address-without-spaces" * 6
# The budget is generous for a 2-core machine; a report that takes longer has a problem.
RENDER_BUDGET_S = 45


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    yield from demo_module(django_db_blocker)


@pytest.fixture(scope="module")
def rendered(demo):
    claire = User.objects.get(username="claire")
    report_note_save(actor=claire, circle=demo, kind="pt", text=f"Please look at {LONG_WORD}")
    report_note_save(actor=claire, circle=demo, kind="clinic", text=LONG_WORD)
    end = today(demo)
    period = Period(end - dt.timedelta(days=179), end)
    files = {}
    for kind, build, paper in (
        ("pt", build_pt_report, "a4"),
        ("clinic", build_clinic_report, "letter"),
    ):
        started = time.perf_counter()
        context = build(circle=demo, viewer=claire, period=period)
        html = report_html(context)
        css = page_css(context, paper)
        pdf = render_pdf(html, extra_css=css)
        seconds = time.perf_counter() - started
        files[kind] = {"context": context, "html": html, "css": css, "pdf": pdf, "s": seconds}
        print(f"\n{kind} report, {period.days} days, {paper}: {seconds:.1f} s, {len(pdf)} bytes")
    return files


def pdf_info(pdf: bytes) -> dict[str, str]:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    return dict(line.split(":", 1) for line in out.stdout.splitlines() if ":" in line)


def pdf_text(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return out.stdout


@pytest.mark.parametrize("kind", ["pt", "clinic"])
def test_demo_report_is_a_tagged_pdf_of_several_pages(rendered, kind, db):
    info = pdf_info(rendered[kind]["pdf"])
    print(f"{kind}: {info['Pages'].strip()} pages")
    assert info["Tagged"].strip() == "yes"
    assert 2 <= int(info["Pages"]) <= 20
    assert info["Title"].strip().endswith("Daniel's circle")
    assert rendered[kind]["s"] < RENDER_BUDGET_S


@pytest.mark.parametrize("kind", ["pt", "clinic"])
def test_demo_report_pages_show_no_ink_outside_the_margins(rendered, kind, db):
    assert ink_outside_margins(rendered[kind]["pdf"]) == []


@pytest.mark.parametrize("kind", ["pt", "clinic"])
def test_demo_report_has_no_box_wider_than_the_page(rendered, kind, db):
    document = layout(rendered[kind]["html"], extra_css=rendered[kind]["css"])
    assert boxes_outside_page_area(document) == []


def test_the_overflow_checks_catch_a_line_that_runs_off_the_page():
    """Guards the two checks above: a line that cannot wrap is found by both."""
    html = '<html lang="en"><head><title>t</title></head><body><p class="x">' + (
        "overflow " * 60 + "</p></body></html>"
    )
    css = "@page { size: A4 } .x { white-space: nowrap }"
    assert ink_outside_margins(render_pdf(html, extra_css=css))
    assert boxes_outside_page_area(layout(html, extra_css=css))


def test_demo_reports_say_what_they_cover(rendered, db):
    pt = pdf_text(rendered["pt"]["pdf"])
    clinic = pdf_text(rendered["clinic"]["pdf"])
    for text in (pt, clinic):
        assert "Daniel's circle" in text
        assert "not medical advice" in text
        assert "Page 1 of" in text
    assert "Jimmo" in pt and "Sequential objective measurements" in pt
    assert "ALSFRS-R" in clinic and "King's stage" in clinic
    # Every session of the context is in the text, e.g. the busiest technique's count.
    busiest = rendered["pt"]["context"]["sessions"]["by_technique"][0]
    assert busiest["label"] in pt and str(busiest["count"]) in pt


def test_demo_fhir_bundle_validates(demo, db):
    claire = User.objects.get(username="claire")
    end = today(demo)
    started = time.perf_counter()
    bundle = circle_bundle(
        actor=claire, circle=demo, period=Period(end - dt.timedelta(days=179), end)
    )
    seconds = time.perf_counter() - started
    model = validate(bundle)
    kinds = Counter(entry.resource.get_resource_type() for entry in model.entry)
    print(f"\nFHIR bundle: {sum(kinds.values())} resources in {seconds:.1f} s: {dict(kinds)}")
    assert kinds["Patient"] == 1
    assert kinds["Questionnaire"] == 1
    assert kinds["QuestionnaireResponse"] == 6
    assert kinds["Observation"] > 1000
    assert kinds["Procedure"] > 700
    assert len({entry.fullUrl for entry in model.entry}) == len(model.entry)
