"""The reports speak Canadian French, on screen and on paper, and still fit the page."""

from __future__ import annotations

import subprocess
import tempfile
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from bedside.reports.pdf.clinic_report import build_clinic_report
from bedside.reports.pdf.pt_report import build_pt_report
from bedside.reports.pdf.render import report_pdf

from .helpers import known_circle
from .pages import ink_outside_margins

pytestmark = pytest.mark.datalayer


def text_of(pdf: bytes) -> str:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        out = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True)
    return " ".join(out.stdout.split())


def test_the_page_and_preview_speak_french(personas, client_for):
    known_circle(personas)
    client = client_for(personas.coordinator)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr-ca"
    page = client.get(reverse("clinical:reports", args=["theo"])).content.decode()
    assert "Rapports pour la clinique et le physiothérapeute" in page
    assert "Aperçu du rapport pour le physiothérapeute" in page
    preview = client.get(reverse("clinical:pt_preview", args=["theo"])).content.decode()
    assert "Soins donnés" in preview and "Programme à domicile" in preview
    assert "Care given" not in preview


@pytest.mark.parametrize(
    "build,words",
    [
        (build_pt_report, ["Rapport pour le physiothérapeute", "Thérapie de maintien", "Jimmo"]),
        (build_clinic_report, ["Rapport pour la visite à la clinique SLA", "Enflure", "Sommeil"]),
    ],
)
def test_the_pdf_speaks_french_and_fits_the_page(personas, build, words):
    known = known_circle(personas)
    with translation.override("fr-ca"):
        context = build(circle=known.circle, viewer=personas.coordinator, period=known.period)
        pdf = report_pdf(context, "a4")
    text = text_of(pdf)
    for word in words:
        assert word in text
    assert "Page 1 sur" in text
    assert "pas un avis médical" in text
    assert ink_outside_margins(pdf) == []
