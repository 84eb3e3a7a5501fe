"""The reports page in Chromium: previews and downloads from one form, no axe violations,
charts styled by the stylesheets the strict CSP allows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page

from bedside.circles.days import today

from .helpers import known_circle

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]


@pytest.fixture
def reports_page(browser: Browser, live_server: object, personas: object) -> Iterator[Page]:
    known_circle(personas)
    client = Client()
    client.force_login(personas.coordinator)  # type: ignore[attr-defined]
    url = live_server.url  # type: ignore[attr-defined]
    context = browser.new_context(base_url=url, accept_downloads=True)
    context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": url,
            }
        ]
    )
    page = context.new_page()
    page.set_default_timeout(20_000)
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.goto("/c/theo/reports/")
    yield page
    assert not errors, errors  # a CSP refusal shows up here
    context.close()


def violations(page: Page) -> list[str]:
    result = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in result.response["violations"]]


def test_page_and_preview_have_no_axe_violations(reports_page):
    page = reports_page
    assert violations(page) == []
    page.get_by_role("button", name="Preview the PT report").click()
    page.wait_for_url("**/reports/pt/**")
    assert page.get_by_role("heading", level=1).inner_text() == "Report for the physical therapist"
    assert page.get_by_role("img", name="Pain").count() == 1
    assert violations(page) == []
    # The chart's line is drawn with the timeline's stylesheet (no inline style allowed).
    stroke = page.locator("svg.chart .line").first.evaluate("e => getComputedStyle(e).strokeWidth")
    assert stroke == "2.5px"


def test_the_form_downloads_the_clinic_pdf_for_the_chosen_period(reports_page, personas):
    page = reports_page
    end = today(personas.circle)
    start = end - dt.timedelta(days=30)
    page.fill("#id_start", start.isoformat())
    page.fill("#id_end", end.isoformat())
    with page.expect_download() as info:
        page.get_by_role("button", name="Download the clinic report (PDF)").click()
    download = info.value
    assert download.suggested_filename == (
        f"bedside-theo-clinic-report-{start:%Y%m%d}-{end:%Y%m%d}.pdf"
    )
    with open(download.path(), "rb") as pdf:
        assert pdf.read(5) == b"%PDF-"


def test_saving_the_questions_announces_it(reports_page):
    page = reports_page
    page.fill("#id_clinic_text", "Can we try a cough assist?")
    # A plain form post: the message is on the page the redirect leads to, once it has loaded.
    with page.expect_navigation():
        page.locator("#clinic-text").get_by_role("button", name="Save").click()
    assert "Saved" in page.locator("#announce").inner_text()
    assert page.input_value("#id_clinic_text") == "Can we try a cough assist?"


@pytest.mark.parametrize("kind", ["pt", "clinic"])
def test_previews_reflow_at_320_pixels(reports_page, kind):
    page = reports_page
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/c/theo/reports/{kind}/")
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
