"""Built-in dwell clicking (ACCESSIBILITY.md T11), driven with a real pointer in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Counts clicks (real or dwell) without letting them submit the form, with their time.
RECORD_CLICKS = """
() => {
  window.__clicks = [];
  document.addEventListener('click', (event) => {
    window.__clicks.push({t: performance.now(), text: event.target.textContent.trim()});
    event.preventDefault();
  }, true);
}
"""


def centre(page: Page, selector: str) -> tuple[float, float]:
    box = page.locator(selector).first.bounding_box()
    assert box is not None, f"{selector} is not visible"
    return box["x"] + box["width"] / 2, box["y"] + box["height"] / 2


def settings_page(browse, user, dwell_ms: int) -> Page:
    user.dwell_ms = dwell_ms
    user.save(update_fields=["dwell_ms"])
    page = browse(user, height=1200)  # the whole form in view: scrolling cancels a dwell
    page.goto("/settings/")
    page.evaluate(RECORD_CLICKS)
    page.mouse.move(*centre(page, "h1"))  # start on plain text
    return page


def clicks(page: Page) -> list[dict[str, object]]:
    return page.evaluate("window.__clicks")


def ring_progress(page: Page) -> float | None:
    return page.evaluate(
        """() => { const r = document.querySelector('.dwell-progress');
                   return r ? parseFloat(r.style.getPropertyValue('--dwell')) : null; }"""
    )


def test_resting_on_a_button_clicks_it_after_the_delay_with_a_filling_ring(personas, browse):
    page = settings_page(browse, personas.person, 1000)
    page.mouse.move(*centre(page, "button.primary"))
    moved_at = page.evaluate("performance.now()")

    page.wait_for_timeout(300)
    early = ring_progress(page)
    assert page.locator(".dwell-progress").is_visible()
    page.wait_for_timeout(350)
    later = ring_progress(page)
    assert early is not None and later is not None and 0 < early < later < 1
    assert clicks(page) == []

    page.wait_for_function("() => window.__clicks.length > 0")  # the dwell timer's click
    done = clicks(page)
    assert [c["text"] for c in done] == ["Save settings"]
    assert 900 <= done[0]["t"] - moved_at <= 1400  # about the chosen second
    assert page.locator(".dwell-progress").count() == 0


def test_resting_on_after_a_click_does_not_click_again(personas, browse):
    page = settings_page(browse, personas.person, 500)
    page.mouse.move(*centre(page, "button.primary"))
    page.wait_for_timeout(1800)
    assert len(clicks(page)) == 1


def test_moving_away_before_the_delay_cancels(personas, browse):
    page = settings_page(browse, personas.person, 1000)
    page.mouse.move(*centre(page, "button.primary"))
    page.wait_for_timeout(600)
    page.mouse.move(*centre(page, "h1"))
    page.wait_for_timeout(900)
    assert clicks(page) == []
    assert page.locator(".dwell-progress").count() == 0


def test_nothing_happens_when_dwell_is_off(personas, browse):
    page = settings_page(browse, personas.person, 0)
    page.mouse.move(*centre(page, "button.primary"))
    page.wait_for_timeout(1500)
    assert clicks(page) == []
    assert page.locator(".dwell-progress").count() == 0


def test_a_control_appearing_under_the_resting_pointer_is_not_clicked(personas, browse):
    page = settings_page(browse, personas.person, 500)
    # After the first click, the button is replaced by another one in the same place
    # (what an htmx swap does); the pointer does not move.
    page.evaluate(
        """() => document.addEventListener('click', (event) => {
             if (event.target.id === 'fresh') return;
             const fresh = event.target.cloneNode(true);
             fresh.id = 'fresh';
             fresh.textContent = 'Fresh';
             event.target.replaceWith(fresh);
           })"""
    )
    x, y = centre(page, "button.primary")
    page.mouse.move(x, y)
    page.wait_for_function("() => window.__clicks.length === 1")  # clicked, and replaced
    page.mouse.move(x + 3, y + 2)  # head-pointer jitter inside the same place
    page.wait_for_timeout(1200)
    assert [c["text"] for c in clicks(page)] == ["Save settings"]

    page.mouse.move(*centre(page, "h1"))  # leave, then come back: now it may click
    page.mouse.move(x, y)
    page.wait_for_function("() => window.__clicks.length > 1")
    assert [c["text"] for c in clicks(page)] == ["Save settings", "Fresh"]


def test_dwelling_on_a_choice_then_on_save_changes_the_setting(personas, browse):
    person = personas.person
    page = settings_page(browse, person, 500)
    page.reload()
    page.mouse.move(*centre(page, "h1"))
    page.mouse.move(*centre(page, "label.check:has-text('Off')"))
    expect(page.get_by_label("Off")).to_be_checked()  # when the dwell timer has clicked
    with page.expect_navigation():
        page.mouse.move(*centre(page, "button.primary"))
    assert page.locator("#announce").inner_text() == "Settings saved."
    person.refresh_from_db()
    assert person.dwell_ms == 0
