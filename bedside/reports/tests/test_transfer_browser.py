"""The upload in Chromium: htmx sends the file, refusals and counts are announced, focus lands."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.conf import settings
from django.test import Client
from playwright.sync_api import Browser, Page, expect

from bedside.care.models import Session

pytestmark = [
    pytest.mark.browser,
    pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning"),
]

HEADER = "date,time,kind,name,value,unit,by,note\n"
BAD = HEADER + (
    "2026-02-30,21:30,session,hand massage,20,min,Ana,\n"
    "2026-03-01,22:00,session,cold laser,10,min,Maya,\n"
)
GOOD = HEADER + "2026-03-01,21:30,session,hand massage,15,min,Ana,\n"


@pytest.fixture
def transfer_page(browser: Browser, live_server: object, personas: object) -> Iterator[Page]:
    client = Client()
    client.force_login(personas.coordinator)  # type: ignore[attr-defined]
    url = live_server.url  # type: ignore[attr-defined]
    context = browser.new_context(base_url=url)
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
    page.set_default_timeout(10_000)
    page.goto("/c/theo/record/transfer/")
    yield page
    context.close()


def choose(page: Page, text: str) -> None:
    page.set_input_files(
        "#import-form input[type=file]",
        files=[{"name": "events.csv", "mimeType": "text/csv", "buffer": text.encode()}],
    )


def test_a_bad_file_is_refused_in_place_with_every_line_and_focus_on_the_list(
    transfer_page, personas
):
    page = transfer_page
    choose(page, BAD)
    page.click("#import-form button[type=submit]")
    problems = page.locator(".import-problems[role=alert]")
    problems.wait_for()
    text = problems.inner_text()
    assert "Nothing was imported: 2 rows need fixing." in text
    assert "Line 2:" in text and "Line 3: unknown technique “cold laser”" in text
    # focus moves after htmx settles, a moment after the list appears
    expect(problems).to_be_focused()
    assert page.url.endswith("/c/theo/record/transfer/")  # swapped by htmx, not a new page
    assert not Session.objects.filter(circle=personas.circle).exists()


def test_a_good_file_is_imported_and_the_counts_announced(transfer_page, personas):
    page = transfer_page
    choose(page, GOOD)
    page.click("#import-form button[type=submit]")
    page.locator("#announce >> text=Imported 1 event (1 session).").wait_for()
    assert page.locator("#announce").get_attribute("role") == "status"
    assert Session.objects.filter(circle=personas.circle).count() == 1
