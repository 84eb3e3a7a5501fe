"""From a report's context to printable HTML and a tagged PDF (WeasyPrint, PDF/UA-1).

The document template is only ever given to WeasyPrint, never served to a browser; the preview
page renders the same body inside the site's layout. WeasyPrint is given no way to fetch
anything (no network, no files): the stylesheets are read here and the charts are inline SVG.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from django.template.loader import render_to_string
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from weasyprint import CSS, HTML, Document
from weasyprint.urls import URLFetcher

STATIC = Path(__file__).resolve().parent.parent / "static" / "reports"
PRINT_CSS = STATIC / "clinical-print.css"
DOCUMENT = "reports/clinical/document.html"
BODIES = {"pt": "reports/clinical/pt_body.html", "clinic": "reports/clinical/clinic_body.html"}
PAPERS = {"letter": "letter", "a4": "A4"}

# WeasyPrint does not apply the document's stylesheets inside inline SVG, so each chart gets
# its colours in its own <style> (PDF only: the web page's CSP forbids inline styles and its
# stylesheet styles the same classes). Print colours: dark on white, and the series line thick
# enough to read on a grey-scale printer.
CHART_STYLE = (
    "<style>"
    "text{font-family:'DejaVu Sans',sans-serif;font-size:15px;fill:#000}"
    ".grid line{stroke:#8c8c8c;stroke-width:1;stroke-dasharray:3 4}"
    ".axis line{stroke:#000;stroke-width:1.5}"
    ".line{fill:none;stroke:#0b5cad;stroke-width:3;stroke-linejoin:round}"
    ".point{fill:#0b5cad}"
    "</style>"
)
_CHART_TAG = re.compile(r'(<svg\b[^>]*\bclass="chart[^"]*"[^>]*>)')


class _NoFetching(URLFetcher):
    """Refuse every external resource: a report needs none, and user text must not add one."""

    def fetch(self, url: str, headers: Any = None) -> Any:
        raise ValueError(f"reports load no external resources ({url[:40]})")


def css_string(text: str) -> str:
    """``text`` as a CSS string literal: letters, digits and spaces as they are, every other
    character as a six-digit hex escape, so no quote, backslash or newline can end it."""
    # The space after each escape ends it (CSS consumes one whitespace after a hex escape), so a
    # real space that follows survives.
    return '"' + "".join(c if c.isalnum() or c == " " else f"\\{ord(c):06x} " for c in text) + '"'


def page_css(context: dict[str, Any], paper: str = "letter") -> str:
    """The page size and the running header and footer, with translated words.

    Header: circle name and report (left), period (right); footer: the family-reported notice
    (left), "Page n of N" (right). Built here, not in the stylesheet, because CSS has no
    translations and the circle name is typed by users (escaped by :func:`css_string`).
    """
    size = PAPERS.get(paper, "letter")
    head = _("%(circle)s · %(report)s") % {
        "circle": context["circle_name"],
        "report": context["title"],
    }
    notice = _("Family-reported information for the clinician's review — not medical advice.")
    # "Page 3 of 8": the words come from the catalogue, the numbers from the page counters.
    page, of = _("Page"), _("of")
    return (
        f"@page {{ size: {size};"
        f" @top-left {{ content: {css_string(head)}; }}"
        f" @top-right {{ content: {css_string(context['period_text'])}; }}"
        f" @bottom-left {{ content: {css_string(notice)}; }}"
        f" @bottom-right {{ content: {css_string(page)} ' ' counter(page) ' '"
        f" {css_string(of)} ' ' counter(pages); }} }}"
    )


def report_html(context: dict[str, Any]) -> str:
    """The standalone HTML document of a report (for WeasyPrint)."""
    html = render_to_string(
        DOCUMENT,
        {"report": context, "body": BODIES[context["kind"]], "language": get_language() or "en"},
    )
    return _CHART_TAG.sub(lambda m: m.group(1) + CHART_STYLE, html)


def _html(html: str) -> HTML:
    return HTML(string=html, base_url=str(STATIC), url_fetcher=_NoFetching())


def _stylesheets(extra_css: str) -> list[CSS]:
    sheets = [CSS(string=PRINT_CSS.read_text(encoding="utf-8"))]
    if extra_css:
        sheets.append(CSS(string=extra_css))
    return sheets


def layout(html: str, *, extra_css: str = "") -> Document:
    """The laid-out pages (for checks on boxes, and for :func:`render_pdf`)."""
    return _html(html).render(stylesheets=_stylesheets(extra_css), pdf_variant="pdf/ua-1")


def render_pdf(html: str, *, extra_css: str = "") -> bytes:
    """A tagged, accessible PDF (PDF/UA-1) of ``html`` with the print stylesheet."""
    pdf = layout(html, extra_css=extra_css).write_pdf(pdf_variant="pdf/ua-1")
    assert pdf is not None
    return bytes(pdf)


def report_pdf(context: dict[str, Any], paper: str = "letter") -> bytes:
    return render_pdf(report_html(context), extra_css=page_css(context, paper))
