"""ALSFRS-R entry in Chromium by a head-pointer user: pointer clicks only, counted.

A head pointer (or eye gaze with dwell) costs effort per activation (ACCESSIBILITY.md), so the
test drives the entry with mouse clicks at the centre of each target and counts them: 12
answers + Save = 13 (≤ 1 per item + 1). On every screen it checks the answer tiles are at least
80×80 px, every other control at least 48×48 px and 8 px from its neighbours, and runs
axe-core (WCAG 2.0–2.2 A/AA, target size on) in light and dark mode — after htmx swaps, since
each screen after the first arrives by one.
"""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from bedside.progression.models import ALSFRSAssessment

pytestmark = pytest.mark.browser

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
ANSWERS = [4, 3, 4, 3, 2, 4, 3, 3, 2, 4, 4, 4]  # item 5 answered with a feeding tube (5b)
_axe = Axe()

# Every visible interactive element and its box (a radio or checkbox counts with its label).
BOXES_JS = """
() => [...document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, summary')]
  .filter((el) => el.checkVisibility() && el.getBoundingClientRect().width > 1
    && !el.matches('.skip-link'))
  .map((el) => {
    // A checkbox or radio is clicked through its label, which wraps it: measure the label.
    const box = /^(checkbox|radio)$/.test(el.type) && el.closest('label') ? el.closest('label') : el;
    const r = box.getBoundingClientRect();
    const inline = el.tagName === 'A' && getComputedStyle(el).display === 'inline';
    return {what: el.outerHTML.slice(0, 80), tile: el.matches('.tile'), inline,
            x: r.left, y: r.top, w: r.width, h: r.height};
  })
"""


@pytest.fixture(scope="module")
def password(pytestconfig: pytest.Config) -> str:
    """``PASSWORD`` of the root conftest (loaded by pytest, not importable as a module)."""
    for plugin in pytestconfig.pluginmanager.get_plugins():
        if getattr(plugin, "__name__", "") == "conftest" and hasattr(plugin, "make_personas"):
            return str(plugin.PASSWORD)
    raise RuntimeError("root conftest.py with PASSWORD not found")


def sign_in(page: Page, base: str, username: str, password: str) -> None:
    page.goto(f"{base}/login/")
    page.get_by_label("User name").fill(username)
    page.get_by_label("Password").fill(password)
    with page.expect_navigation():
        page.get_by_role("button", name="Sign in").click()


def size_problems(page: Page) -> list[str]:
    boxes = page.evaluate(BOXES_JS)
    problems = []
    for b in boxes:
        least = 80 if b["tile"] else 48
        if not b["inline"] and (round(b["w"]) < least or round(b["h"]) < least):
            problems.append(f"{b['what']} is {b['w']:.0f}×{b['h']:.0f}, needs ≥ {least}")
    checked = [b for b in boxes if not b["inline"]]
    for i, a in enumerate(checked):
        for b in checked[i + 1 :]:
            dx = max(b["x"] - (a["x"] + a["w"]), a["x"] - (b["x"] + b["w"]), 0)
            dy = max(b["y"] - (a["y"] + a["h"]), a["y"] - (b["y"] + b["h"]), 0)
            if (dx * dx + dy * dy) ** 0.5 < 7.5:
                problems.append(f"{a['what']} and {b['what']} are closer than 8 px")
    return problems


def axe_problems(page: Page) -> list[str]:
    problems = []
    for scheme in ("light", "dark"):
        page.emulate_media(color_scheme=scheme)  # type: ignore[arg-type]
        response = _axe.run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}}).response
        ran = {
            r["id"]
            for kind in ("violations", "passes", "inapplicable", "incomplete")
            for r in response[kind]
        }
        assert "target-size" in ran, "axe did not run the target-size rule"
        for rule in response["violations"]:
            for node in rule["nodes"]:
                problems.append(f"[{scheme}] {rule['id']}: {node['target']}")
    page.emulate_media(color_scheme="light")
    return problems


def click_centre(page: Page, selector: str) -> None:
    """A head-pointer click: move to the target's centre and press (no keyboard)."""
    box = page.locator(selector).bounding_box()
    assert box is not None, selector
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)


def test_head_pointer_user_enters_an_alsfrs_r_in_thirteen_activations(
    personas, live_server, page: Page, password
):
    base = live_server.url
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, base, "theo", password)
    page.goto(f"{base}/c/{personas.circle.slug}/progression/alsfrs/new/")
    activations = 0
    problems: list[str] = []
    for number, score in enumerate(ANSWERS, start=1):
        page.wait_for_selector(f'#alsfrs[data-step="{number}"]')
        problems += [f"screen {number}: {p}" for p in size_problems(page)]
        if number in (1, 2, 5):
            problems += [f"screen {number}: {p}" for p in axe_problems(page)]
        # One question per screen at 1280×800: the whole answer row is visible without scrolling.
        tiles = page.locator(".alsfrs-tile").all()
        assert all(t.bounding_box()["y"] + t.bounding_box()["height"] <= 800 for t in tiles), number
        form = '[value="5b"]' if number == 5 else ""
        click_centre(
            page, f'form:has(input[name="item"]{form}) button[name="value"][value="{score}"]'
        )
        activations += 1
    page.wait_for_selector('#alsfrs[data-step="summary"]')
    problems += [f"summary: {p}" for p in size_problems(page)]
    problems += [f"summary: {p}" for p in axe_problems(page)]
    assert page.locator("#announce").inner_text().strip() != ""
    click_centre(page, ".save-button")
    activations += 1
    page.wait_for_url("**/progression/alsfrs/")
    assert "ALSFRS-R saved: total 40 of 48." in page.locator("#announce").inner_text()
    assert activations == 13 <= len(ANSWERS) + 1
    assert not problems, "\n".join(problems)
    saved = ALSFRSAssessment.objects.get()
    assert saved.items == tuple(ANSWERS) and saved.item5_form == "5b"
    assert saved.proxy is False


def test_progression_pages_with_records_pass_axe_and_reflow(
    personas, live_server, page: Page, password
):
    from .seed import seed

    seed(personas)
    sign_in(page, live_server.url, "theo", password)
    problems = []
    paths = ("", "alsfrs/", "alsfrs/new/?q=5", "alsfrs/new/?q=13", "joints/", "breathing/")
    for path in (*paths, "swelling/", "weight/", "settings/"):
        page.set_viewport_size({"width": 1280, "height": 800})
        page.goto(f"{live_server.url}/c/{personas.circle.slug}/progression/{path}")
        name = path or "overview"
        problems += [f"{name}: {p}" for p in axe_problems(page)]
        problems += [f"{name}: {p}" for p in size_problems(page)]
        # T10: reflow at 320 px — wide tables scroll inside their own wrapper only.
        page.set_viewport_size({"width": 320, "height": 800})
        wide = page.evaluate("document.documentElement.scrollWidth")
        if wide > 320:
            problems.append(f"{name}: the page scrolls sideways at 320 px ({wide} px wide)")
    assert not problems, "\n".join(problems)


def test_entry_works_without_javascript(personas, live_server, browser, password):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    sign_in(page, live_server.url, "ana", password)
    page.goto(f"{live_server.url}/c/{personas.circle.slug}/progression/alsfrs/new/")
    with page.expect_navigation():
        page.locator('button[name="value"][value="3"]').click()
    assert "?q=2" in page.url
    assert "Speech: 3" in page.locator("#announce").inner_text()
    context.close()
