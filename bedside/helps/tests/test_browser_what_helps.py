"""In Chromium: import a simulated log with a strong next-day effect, sign in through /login/,
open What helps and read the finding; axe-core finds nothing in light or dark mode, in English
or French; the collapsed lists open from the keyboard."""

from __future__ import annotations

import datetime as dt

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

from bedside.circles.days import today

from .helpers import import_log, planted_log

pytestmark = pytest.mark.browser

FINDING = (
    "Looks like it helps: stiffness is about 1.7 points lower the day after a massage gun session"
)


def axe_problems(page: Page) -> list[str]:
    options = {
        "runOnly": {
            "type": "tag",
            "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"],
        }
    }
    result = Axe().run(page, options=options).response
    return [f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in result["violations"]]


def root_password(config: pytest.Config) -> str:
    """``PASSWORD`` of the root conftest (loaded by pytest under a name we cannot import)."""
    for plugin in config.pluginmanager.get_plugins():
        if getattr(plugin, "__name__", "") == "conftest" and hasattr(plugin, "make_personas"):
            return str(plugin.PASSWORD)
    raise RuntimeError("root conftest.py with PASSWORD not found")


@pytest.fixture
def signed_in(browser: Browser, live_server, personas, pytestconfig):  # type: ignore[no-untyped-def]
    """``signed_in(user, color_scheme=)``: a page signed in through the /login/ form."""
    password = root_password(pytestconfig)
    contexts = []

    def open_page(user, *, color_scheme: str = "light") -> Page:  # type: ignore[no-untyped-def]
        context = browser.new_context(
            base_url=live_server.url,
            viewport={"width": 1280, "height": 800},
            color_scheme=color_scheme,  # type: ignore[arg-type]
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(15_000)
        page.goto("/login/")
        page.get_by_label("User name").fill(user.username)
        page.get_by_label("Password").fill(password)
        with page.expect_navigation():
            page.get_by_role("button", name="Sign in").click()
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def log(personas):  # type: ignore[no-untyped-def]
    last = today(personas.circle) - dt.timedelta(days=1)
    import_log(personas, planted_log(last))
    return personas


def test_the_finding_reads_in_the_browser_and_the_page_is_accessible(log, signed_in):
    page = signed_in(log.coordinator)
    page.goto(f"/c/{log.circle.slug}/what-helps/")
    findings = page.locator("section", has=page.locator("#findings-heading"))
    assert FINDING in findings.inner_text()
    assert findings.get_by_role("img").count() >= 1  # the chart, with its title
    assert findings.get_by_role("link", name="Test it properly").count() >= 1
    assert "Not medical advice." in page.locator(".helps-advice").inner_text()
    assert axe_problems(page) == []
    # The collapsed list opens from the keyboard (no hover, no pointer needed).
    summary = page.locator("#looked-heading ~ details > summary")
    summary.focus()
    page.keyboard.press("Enter")
    assert page.locator("#looked-heading ~ details").evaluate("d => d.open")
    assert axe_problems(page) == []


def test_dark_mode_and_french_are_accessible_too(log, signed_in):
    page = signed_in(log.viewer, color_scheme="dark")
    page.goto(f"/c/{log.circle.slug}/what-helps/")
    assert axe_problems(page) == []
    page.get_by_role("button", name="Français").click()
    page.wait_for_load_state()
    assert "Semble aider" in page.locator("#findings-heading ~ ul").inner_text()
    assert "pistolet de massage" in page.locator("#findings-heading ~ ul").inner_text()
    assert axe_problems(page) == []


def test_the_experiment_wizard_is_accessible_with_a_proposal(log, signed_in):
    page = signed_in(log.coordinator)
    page.goto(f"/c/{log.circle.slug}/what-helps/")
    page.get_by_role("link", name="Test it properly").first.click()
    page.get_by_role("button", name="See the proposed schedule").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="The proposed schedule").is_visible()
    assert axe_problems(page) == []
    page.get_by_role("button", name="Start the experiment").click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="How the schedule was followed").is_visible()
    assert axe_problems(page) == []


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_tonights_list_with_an_experiment_is_accessible(personas, signed_in, scheme):
    from .helpers import start_experiment

    experiment = start_experiment(personas, pairs=6)
    on = experiment.nights.get(day=today(personas.circle)).on
    page = signed_in(personas.caregiver, color_scheme=scheme)
    page.goto(f"/c/{personas.circle.slug}/care/tonight/")
    notes = page.locator(".tonight-notes")
    expected = (
        "Experiment night: do the massage gun."
        if on
        else "Experiment night: no massage gun tonight."
    )
    assert expected in notes.inner_text()
    link = notes.get_by_role("link", name="About this experiment")
    box = link.bounding_box()
    assert box is not None and box["height"] >= 48
    assert axe_problems(page) == []
    link.click()
    page.wait_for_load_state()
    assert page.get_by_role("heading", name="Experiment: Massage gun and Stiffness").is_visible()
    assert axe_problems(page) == []


def test_a_finished_experiment_reflows_at_320_px_in_french(personas, signed_in):
    from bedside.helps import services

    from .test_experiment_result import run_experiment

    experiment = run_experiment(personas, pairs=12, ago=26, effect=-1.6)
    services.experiments_finish(personas.circle)
    page = signed_in(personas.therapist)
    page.get_by_role("button", name="Français").click()
    page.set_viewport_size({"width": 320, "height": 900})
    page.goto(f"/c/{personas.circle.slug}/what-helps/experiments/{experiment.pk}/")
    assert page.get_by_role("heading", name="Ça a aidé").is_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= 320
    assert axe_problems(page) == []
