"""The running header carries the circle's name, typed by users: it cannot break out of CSS."""

from __future__ import annotations

import datetime as dt
import subprocess
import tempfile
from pathlib import Path

from bedside.reports.pdf.forms import Period
from bedside.reports.pdf.render import css_string, page_css, render_pdf

HOSTILE = 'Théo\'s "circle" } @page { size: 20mm 20mm } \\ end\nline'


def test_css_string_escapes_everything_that_could_end_it():
    text = css_string(HOSTILE)
    inner = text[1:-1]
    assert text.startswith('"') and text.endswith('"')
    for dangerous in ('"', "'", "}", "{", "\\\n", "\n", ";"):
        assert dangerous not in inner
    assert "Théo" in inner  # letters (accented too) stay readable


def test_hostile_circle_name_is_printed_not_obeyed():
    context = {
        "circle_name": HOSTILE,
        "title": "Report",
        "period_text": "March 1 to March 14",
        "period": Period(dt.date(2026, 3, 1), dt.date(2026, 3, 14)),
    }
    html = '<html lang="en"><head><title>t</title></head><body><p>Body</p></body></html>'
    pdf = render_pdf(html, extra_css=page_css(context, "a4"))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "r.pdf"
        path.write_bytes(pdf)
        info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
        text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True).stdout
    assert "(A4)" in info  # the name's "@page { size: 20mm }" was not obeyed
    assert 'Théo\'s "circle" } @page { size: 20mm 20mm }' in " ".join(text.split())
